"""Tutor plugin of Firenze Digitale for Open edX.

It installs the suite into the LMS and Studio images, adds the apps' settings through Tutor's
settings patches, runs one Celery beat for the apps' periodic tasks, and prepares the platform
in ``tutor local do init`` (migrations, the completion switch, the badge issuer and its key, and
the demo courses when asked).
"""
from __future__ import annotations

import os
from glob import glob

from tutor import hooks

from .__about__ import __version__

HERE = os.path.abspath(os.path.dirname(__file__))

# Config values, all prefixed FIRENZE_DIGITALE_ (the prefix is added below).
DEFAULTS = {
    "VERSION": __version__,
    # What pip installs into the openedx image; a mounted checkout (tutor mounts add
    # /path/to/firenze-digitale) is installed over it with `pip install -e`.
    "PIP_REQUIREMENT": "firenze-digitale-openedx=={{ FIRENZE_DIGITALE_VERSION }}",
    # The badge issuer: did:web:<domain>, its DID document served at /.well-known/did.json.
    "ISSUER_DOMAIN": "{{ LMS_HOST }}",
    "ISSUER_NAME": "{{ PLATFORM_NAME }}",
    "ISSUER_URL": "{% if ENABLE_HTTPS %}https{% else %}http{% endif %}://{{ LMS_HOST }}",
    "ISSUER_EMAIL": "{{ CONTACT_EMAIL }}",
    # Path-based did:web (did:web:<domain>:fd:badges, document at /fd/badges/did.json) instead of
    # did:web:<domain> (document at /.well-known/did.json). Choose once: credentials name the DID.
    "DID_PATH_BASED": False,
    # The public page of the participation targets (/fd/progress/public/).
    "PUBLIC_TARGETS_PAGE": True,
    # How long a class tour's data (pupils' nicknames and answers) is kept after it starts, in days.
    "CLASSROOM_RETENTION_DAYS": 7,
    # Import the demo courses into the modulestore during `tutor local do init`.
    "DEMO_CONTENT": False,
    # Any other setting of the apps (e.g. {"FD_BADGES_SWEEP_DELAY_SECONDS": 600}).
    "EXTRA_SETTINGS": {},
    # Name of the Celery beat service (docker-compose service and k8s Deployment).
    "BEAT_SERVICE": "firenze-digitale-beat",
}

# Generated once by `tutor config save` and kept in config.yml.
UNIQUE = {
    "KEY_ENCRYPTION_SECRET": "{{ 32|random_string }}",
}

hooks.Filters.CONFIG_DEFAULTS.add_items([(f"FIRENZE_DIGITALE_{name}", value) for name, value in DEFAULTS.items()])
hooks.Filters.CONFIG_UNIQUE.add_items([(f"FIRENZE_DIGITALE_{name}", value) for name, value in UNIQUE.items()])

# A local checkout whose folder name starts with "firenze-digitale" is bind-mounted into the
# openedx image and installed in development mode (see Tutor's MOUNTED_DIRECTORIES).
hooks.Filters.MOUNTED_DIRECTORIES.add_item(("openedx", r"firenze-digitale"))

# Templates: the init scripts live in templates/firenze-digitale/tasks/<service>/.
hooks.Filters.ENV_TEMPLATE_ROOTS.add_item(os.path.join(HERE, "templates"))
hooks.Filters.ENV_TEMPLATE_TARGETS.add_item(("firenze-digitale/tasks", "plugins"))


def _read(*parts):
    with open(os.path.join(HERE, *parts), encoding="utf-8") as handle:
        return handle.read()


# Init tasks, idempotent: `tutor local do init` may run them any number of times.
for _service in ("lms", "cms"):
    hooks.Filters.CLI_DO_INIT_TASKS.add_item(
        (_service, _read("templates", "firenze-digitale", "tasks", _service, "init.sh"))
    )

# Patches: one file per Tutor patch, named after it.
for _path in sorted(glob(os.path.join(HERE, "patches", "*"))):
    with open(_path, encoding="utf-8") as _handle:
        hooks.Filters.ENV_PATCHES.add_item((os.path.basename(_path), _handle.read()))

# Smoke tests for `tutor local do tests` (Tutor 21.0.8 and later have the filter).
if hasattr(hooks.Filters, "TESTS"):
    hooks.Filters.TESTS.add_item(("lms", "smoke", os.path.join(HERE, "smoke", "test_smoke.py")))

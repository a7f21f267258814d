"""`tutor config save` with the plugin enabled renders what an operator needs, on every tested line.

Each test reads the files Tutor wrote into a temporary project root (no Docker involved).
"""
import json
import re
import subprocess

import pytest
import yaml

from fd_badges.settings.common import DEFAULTS as BADGES_DEFAULTS
from fd_progress.settings.common import DEFAULTS as PROGRESS_DEFAULTS

from .tutor_env import PLUGIN, REPO

pytestmark = pytest.mark.packaging

BEAT = "firenze-digitale-beat"
SETTINGS_FILES = ("lms/production.py", "lms/development.py", "cms/production.py", "cms/development.py")


def suite_version():
    return re.search(r'version="([^"]+)"', (REPO / "setup.py").read_text()).group(1)


def plugin_version():
    return re.search(r'__version__ = "([^"]+)"',
                     (PLUGIN / "tutorfirenzedigitale" / "__about__.py").read_text()).group(1)


def settings_block(source, first_line):
    """The lines of one patch in a rendered settings file, from its first line to the next blank line."""
    start = source.index(first_line)
    end = source.find("\n\n", start)
    return source[start:end if end != -1 else None]


def test_plugin_and_suite_share_one_version():
    assert plugin_version() == suite_version()


def test_dockerfile_installs_the_pinned_suite_after_the_platform_requirements(tutor_project):
    dockerfile = tutor_project.read("env/build/openedx/Dockerfile")
    install = f'install "firenze-digitale-openedx=={suite_version()}"'
    assert dockerfile.count(install) == 1
    assert dockerfile.index("requirements/edx/base.txt") < dockerfile.index(install)


def test_key_encryption_secret_is_generated_once_and_reaches_lms_and_studio(tutor_project):
    secret = yaml.safe_load(tutor_project.read("config.yml"))["FIRENZE_DIGITALE_KEY_ENCRYPTION_SECRET"]
    assert re.fullmatch(r"[A-Za-z0-9]{32}", secret)
    tutor_project.tutor("config", "save")
    assert yaml.safe_load(tutor_project.read("config.yml"))["FIRENZE_DIGITALE_KEY_ENCRYPTION_SECRET"] == secret
    for name in SETTINGS_FILES:
        source = tutor_project.read(f"env/apps/openedx/settings/{name}")
        assert f'FD_BADGES_KEY_ENCRYPTION_SECRET = "{secret}"' in source


def test_settings_files_stay_valid_python(tutor_project):
    for name in SETTINGS_FILES:
        source = tutor_project.read(f"env/apps/openedx/settings/{name}")
        compile(source, name, "exec")


def test_lms_merges_every_apps_beat_entries_and_keeps_the_platforms(tutor_project):
    source = tutor_project.read("env/apps/openedx/settings/lms/production.py")
    block = settings_block(source, "# Firenze Digitale for Open edX: every app's FD_*_BEAT_SCHEDULE")
    platform_entry = {"task": "openedx.core.djangoapps.something", "schedule": 60}
    namespace = {
        "CELERY_BEAT_SCHEDULE": {"platform-task": platform_entry},
        "FD_BADGES_BEAT_SCHEDULE": BADGES_DEFAULTS["FD_BADGES_BEAT_SCHEDULE"],
        "FD_PROGRESS_BEAT_SCHEDULE": PROGRESS_DEFAULTS["FD_PROGRESS_BEAT_SCHEDULE"],
    }
    exec(block, namespace)  # noqa: S102 (our own rendered settings)
    schedule = namespace["CELERY_BEAT_SCHEDULE"]
    assert schedule["platform-task"] == platform_entry
    for name in (*BADGES_DEFAULTS["FD_BADGES_BEAT_SCHEDULE"], *PROGRESS_DEFAULTS["FD_PROGRESS_BEAT_SCHEDULE"]):
        assert name in schedule
    tasks = {entry["task"] for entry in schedule.values()}
    assert tasks >= {"fd_badges.tasks.sweep", "fd_progress.tasks.daily_snapshot"}


def test_studio_does_not_serve_the_public_targets_page(tutor_project):
    source = tutor_project.read("env/apps/openedx/settings/cms/production.py")
    namespace = {}
    exec(settings_block(source, "# Firenze Digitale for Open edX (tutor-contrib"), namespace)  # noqa: S102
    assert namespace["FD_PROGRESS_PUBLIC_PAGE"] is True
    exec(settings_block(source, "# Firenze Digitale for Open edX: the targets' public page"), namespace)  # noqa: S102
    assert namespace["FD_PROGRESS_PUBLIC_PAGE"] is False


def _beats(services):
    return {name: service for name, service in services.items()
            if "beat" in " ".join(map(str, service.get("command") or []))}


def test_one_beat_service_for_tutor_local(tutor_project):
    services = yaml.safe_load(tutor_project.read("env/local/docker-compose.prod.yml"))["services"]
    services.update(yaml.safe_load(tutor_project.read("env/local/docker-compose.yml"))["services"])
    beats = _beats(services)
    assert list(beats) == [BEAT]
    beat = beats[BEAT]
    assert beat["command"][:3] == ["celery", "--app=lms.celery", "beat"]
    assert beat["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.envs.tutor.production"
    assert beat["image"] == services["lms-worker"]["image"]
    assert "../apps/openedx/settings/lms:/openedx/edx-platform/lms/envs/tutor:ro" in beat["volumes"]


def test_one_beat_service_for_tutor_dev(tutor_project):
    dev = yaml.safe_load(tutor_project.read("env/dev/docker-compose.yml"))["services"]
    beats = _beats(dev)
    assert list(beats) == [BEAT]
    assert beats[BEAT]["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.envs.tutor.development"
    assert beats[BEAT]["image"] == dev["lms"]["image"]


def test_one_beat_deployment_for_tutor_k8s(tutor_project):
    documents = [doc for doc in yaml.safe_load_all(tutor_project.read("env/k8s/deployments.yml")) if doc]
    deployments = {doc["metadata"]["name"]: doc for doc in documents if doc["kind"] == "Deployment"}
    beats = [name for name, doc in deployments.items()
             if "beat" in " ".join(doc["spec"]["template"]["spec"]["containers"][0].get("args") or [])]
    assert beats == [BEAT]
    beat = deployments[BEAT]["spec"]
    assert beat["replicas"] == 1 and beat["strategy"]["type"] == "Recreate"
    container = beat["template"]["spec"]["containers"][0]
    worker = deployments["lms-worker"]["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == worker["image"]
    assert {"name": "DJANGO_SETTINGS_MODULE", "value": "lms.envs.tutor.production"} in container["env"]


def test_lms_init_task_migrates_switches_completion_on_and_creates_the_issuer(tutor_project):
    script = tutor_project.read("env/plugins/firenze-digitale/tasks/lms/init.sh")
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    assert "./manage.py lms migrate --noinput" in script
    assert "./manage.py lms waffle_switch --create completion.enable_completion_tracking on" in script
    lms_host = tutor_project.tutor("config", "printvalue", "LMS_HOST").stdout.strip().splitlines()[-1]
    assert f'fd_badges_issuer \\\n    --domain "{lms_host}"' in script


def test_demo_courses_are_imported_only_when_asked(tutor_project, make_project):
    script = tutor_project.read("env/plugins/firenze-digitale/tasks/cms/init.sh")
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    assert "cms import" not in script
    demo = make_project((tutor_project.line, tutor_project.version), "FIRENZE_DIGITALE_DEMO_CONTENT=true")
    script = demo.read("env/plugins/firenze-digitale/tasks/cms/init.sh")
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    assert './manage.py cms import "$fd_courses"' in script


def test_registered_init_tasks_and_smoke_tests(tutor_project):
    probe = (
        "import json; from tutor import hooks, plugins; import tutor.plugins.v1;"
        "hooks.Actions.CORE_READY.do(); plugins.load_all(['firenze-digitale']);"
        "ours = hooks.Contexts.app('firenze-digitale').name;"
        "tasks = [s for s, _ in hooks.Filters.CLI_DO_INIT_TASKS.iterate_from_context(ours)];"
        "tests = [list(t) for t in hooks.Filters.TESTS.iterate_from_context(ours)]"
        " if hasattr(hooks.Filters, 'TESTS') else None;"
        "print(json.dumps({'tasks': tasks, 'tests': tests}))"
    )
    out = subprocess.run([str(tutor_project.bin_dir / "python"), "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found["tasks"] == ["lms", "cms"]
    if tutor_project.major >= 21:
        assert [(service, suite) for service, suite, _path in found["tests"]] == [("lms", "smoke")]
        assert found["tests"][0][2].endswith("smoke/test_smoke.py")
    else:
        assert found["tests"] is None


def test_config_values_reach_the_settings_and_a_checkout_is_mounted(tutor_version, make_project, tmp_path):
    checkout = tmp_path / "firenze-digitale"
    checkout.mkdir()
    extra = {"FD_BADGES_SWEEP_DELAY_SECONDS": 600, "FD_PROGRESS_PUBLISHER_NAME": "Città di Torino \"TO\""}
    project = make_project(
        tutor_version, "FIRENZE_DIGITALE_PUBLIC_TARGETS_PAGE=false", "FIRENZE_DIGITALE_DID_PATH_BASED=true",
        "FIRENZE_DIGITALE_ISSUER_DOMAIN=badges.example.org", "FIRENZE_DIGITALE_CLASSROOM_RETENTION_DAYS=3",
        f"FIRENZE_DIGITALE_EXTRA_SETTINGS={json.dumps(extra)}", mounts=[checkout])
    source = project.read("env/apps/openedx/settings/lms/production.py")
    namespace = {"ALLOWED_HOSTS": ["lms"]}
    exec(settings_block(source, "# Firenze Digitale for Open edX (tutor-contrib"), namespace)  # noqa: S102
    exec(settings_block(source, "# Firenze Digitale for Open edX: the badge issuer's host"), namespace)  # noqa: S102
    assert namespace["FD_PROGRESS_PUBLIC_PAGE"] is False
    assert namespace["FD_BADGES_DID_PATH_BASED"] is True
    assert namespace["FD_CLASSROOM_RETENTION_DAYS"] == 3
    assert namespace["FD_BADGES_SWEEP_DELAY_SECONDS"] == 600
    assert namespace["FD_PROGRESS_PUBLISHER_NAME"] == "Città di Torino \"TO\""
    assert namespace["ALLOWED_HOSTS"] == ["lms", "badges.example.org"]
    assert 'fd_badges_issuer \\\n    --domain "badges.example.org"' in project.read(
        "env/plugins/firenze-digitale/tasks/lms/init.sh")
    dockerfile = project.read("env/build/openedx/Dockerfile")
    assert "FROM scratch AS mnt-firenze-digitale" in dockerfile
    assert re.search(r'install -e "/mnt/firenze-digitale"', dockerfile)
    beat = yaml.safe_load(project.read("env/local/docker-compose.prod.yml"))["services"][BEAT]
    assert any(str(checkout) in volume for volume in beat["volumes"])

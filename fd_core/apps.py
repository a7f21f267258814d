"""fd_core as a Django app: its shared page template and stylesheet, and the context processor
that names the platform's base page (``fd_base_template``)."""
from django.apps import AppConfig

from fd_core.plugin import CMS, LMS, SETTINGS_TYPES


class CoreConfig(AppConfig):
    name = "fd_core"
    label = "fd_core"
    verbose_name = "Firenze Digitale core"

    # No URLs and no receivers: only settings, which add the context processor to the LMS's templates.
    plugin_app = {
        "settings_config": {
            project: {kind: {"relative_path": "settings.common"} for kind in SETTINGS_TYPES}
            for project in (LMS, CMS)
        },
    }

"""The pill's templates and public resources, loaded the XBlock way (``xblock.utils.resources``).

The templates are parsed once per process (``fd_core.xblock_templates``).
"""
import json
from functools import lru_cache

from fd_core.sanitize import clean_html
from fd_core.xblock_templates import TemplateLoader

loader = TemplateLoader(__name__)


def render(name, context, i18n_service=None):
    """A Django template of ``templates/`` (autoescaping on; ``{% trans %}`` through the block's i18n service)."""
    return loader.render_django_template(f"templates/{name}", context, i18n_service=i18n_service)


def add_resources(block, fragment, css=(), js=()):
    """Link the block's ``public/`` files by URL, so browsers cache them from one page to the next."""
    for name in css:
        fragment.add_css_url(block.runtime.local_resource_url(block, f"public/{name}"))
    for name in js:
        fragment.add_javascript_url(block.runtime.local_resource_url(block, f"public/{name}"))
    return fragment


def json_for_script(value):
    """JSON safe inside <script type="application/json"> (no closing tag, no HTML specials)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@lru_cache(maxsize=1024)
def clean_author_html(text):
    """``fd_core.sanitize.clean_html`` at render time, remembered per text (pages repeat the same text)."""
    return clean_html(text or "")

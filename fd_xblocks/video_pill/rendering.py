"""Django templates of the pill, compiled once per process (no Mako, autoescaping on)."""
import json
from functools import cache, lru_cache
from importlib import resources

from django.template import Context, Engine

from fd_core.sanitize import clean_html

_ENGINE = Engine(autoescape=True, libraries={})


@cache
def _template(name):
    source = resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
    return _ENGINE.from_string(source)


def render(name, context):
    return _template(name).render(Context(context, autoescape=True))


@cache
def static_text(name):
    """A file of the package's static/ folder (the block's JavaScript and CSS)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def json_for_script(value):
    """JSON safe inside <script type="application/json"> (no closing tag, no HTML specials)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@lru_cache(maxsize=1024)
def clean_author_html(text):
    """``fd_core.sanitize.clean_html`` at render time, remembered per text (pages repeat the same text)."""
    return clean_html(text or "")

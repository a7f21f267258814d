"""The pill's templates and public resources, loaded the XBlock way (``xblock.utils.resources``).

The Django template engine and the parsed templates are made once per process: building an
``Engine`` looks up every installed template-tag library, which costs more than rendering.
"""
import json
from functools import lru_cache

from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries
from xblock.utils.resources import ResourceLoader

from fd_core.sanitize import clean_html

loader = ResourceLoader(__name__)


@lru_cache(maxsize=1)
def engine():
    """The engine ``ResourceLoader.render_django_template`` builds on each call, built once."""
    libraries = get_installed_libraries()
    libraries["i18n"] = "xblock.utils.templatetags.i18n"
    return Engine(libraries=libraries)


@lru_cache(maxsize=32)
def template(name):
    return Template(loader.load_unicode(f"templates/{name}"), engine=engine())


def render(name, context, i18n_service=None):
    """A Django template of ``templates/`` (autoescaping on; ``{% trans %}`` through the block's i18n service)."""
    return template(name).render(Context(dict(context, _i18n_service=i18n_service)))


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

"""Render XBlock views into a page, rewriting ``/static/`` links as the LMS does."""
import re

from django.urls import reverse
from web_fragments.fragment import Fragment
from xblock.exceptions import NoSuchViewError

STATIC_LINK = re.compile(r"""(?P<quote>["'])/static/(?P<path>[^"'\s?#]+)(?P=quote)""")


def asset_url(course_key, path):
    return reverse("sandbox:course_asset", kwargs={"course_id": str(course_key), "path": path})


def rewrite_static(html, course_key):
    """``"/static/pill.mp4"`` in a block's HTML becomes the course's asset URL for that file."""
    return STATIC_LINK.sub(lambda m: f"{m['quote']}{asset_url(course_key, m['path'])}{m['quote']}", html)


def render_blocks(runtime, usage_keys, view_name, context=None):
    """Render blocks for one page: returns (list of (usage_key, body html), head html, foot html)."""
    page = Fragment()
    bodies = []
    for usage_key in usage_keys:
        block = runtime.get_block(usage_key)
        try:
            fragment = runtime.render(block, view_name, context or {})
        except NoSuchViewError:
            fragment = runtime.render(block, "student_view", context or {})
        page.add_fragment_resources(fragment)
        bodies.append((usage_key, rewrite_static(fragment.body_html(), runtime.course_id)))
    return bodies, page.head_html(), page.foot_html()

"""What the question and results templates need, and the HTML of the ``fd_digcomp_assessment``
XBlock built from those templates. Shared by the standalone pages (``views``) and, through
``api``, by the XBlock, so the block never reaches into this app's views, templates or files."""
from django.template.loader import render_to_string
from django.utils.translation import get_language

from . import api
from .chart import results_chart


def _lang():
    return (get_language() or "it")[:2]


def question_context(attempt, error=None, action_url="", submit_url=""):
    """What the question template needs."""
    state = api.attempt_state(attempt, _lang())
    return {"state": state, "item": state["next_item"], "error": error, "action_url": action_url,
            "submit_url": submit_url, "attempt": attempt}


def results_context(attempt, heading=1):
    """What the results template needs (``heading`` 3 inside the XBlock, whose title is an h2)."""
    data = api.results(attempt, _lang())
    return {"results": data, "chart": results_chart(data), "lang": _lang(), "h1": heading, "h2": heading + 1,
            "underrates": api.UNDERRATES, "overrates": api.OVERRATES}


def xblock_body_html(attempt, signed_in=True, form="short", error=None, post=None):  # noqa: PLR0913
    """The changing part of the block: sign-in note, intro with the start button, the next question
    or the results (returned by the block's handlers to replace the body).

    With ``post`` (``action``, ``back``, ``csrf_token``) each form posts to the block's form handler,
    so the questionnaire works without JavaScript; the block's script sends the same forms as JSON."""
    post = post or {}
    # {% csrf_token %} reads "csrf_token" from the context: a block renders without the request.
    extra = {"block_post": post, "csrf_token": post.get("csrf_token", "")}
    action = post.get("action", "#")
    if not signed_in:
        return render_to_string("fd_assessment/xblock_signin.html", {})
    if attempt is None:
        return render_to_string("fd_assessment/xblock_intro.html", {"form": form, "error": error, **extra})
    if attempt.status == attempt.COMPLETED:
        return render_to_string("fd_assessment/xblock_results.html",
                                {**results_context(attempt, heading=3), **extra})
    return render_to_string("fd_assessment/_question.html",
                            {**question_context(attempt, error, action_url=action, submit_url=action), **extra})


def xblock_html(title, body_html, anchor=""):
    """The whole block: its title (already translated by the caller) over the body."""
    return render_to_string("fd_assessment/xblock.html", {"title": title, "inner": body_html, "anchor": anchor})


def xblock_page_html(title, body_html, back=""):
    """The block alone on a small page (after a plain form post that cannot return to the lesson)."""
    return render_to_string("fd_assessment/xblock_page.html", {
        "title": title, "block": xblock_html(title, body_html), "back": back, "lang": _lang(),
        "stylesheet": api.stylesheet_url()})


"""The HTML of the ``fd_digcomp_assessment`` XBlock: a declared door of fd_assessment for that block.

:mod:`fd_assessment.api` returns data only; the block needs its questions and results as HTML in
the same look as the app's pages, rendered from this app's templates and translated by its Django
catalogue. The block reaches that HTML here and only here, so it never touches this app's views,
templates or files, and ``api`` stays free of rendering (docs/decisions: the block's HTML door).
"""
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import get_language

from .pages import question_context, results_context

__all__ = ["body_html", "block_html", "page_html", "stylesheet_url"]


def body_html(attempt, signed_in=True, form="short", error=None, post=None):  # noqa: PLR0913
    """The changing part of the block: sign-in note, intro (``form`` short/full) with the start
    button, the next question or the results (returned by the block's handlers to replace the body).

    With ``post`` (``{"action": handler URL, "back": page to return to, "csrf_token": token}``) each
    form posts to the block's form handler, so the questionnaire works without JavaScript; the
    block's script sends the same forms as JSON."""
    if not signed_in:
        return render_to_string("fd_assessment/xblock_signin.html", {})
    post = post or {}
    # {% csrf_token %} reads "csrf_token" from the context: a block renders without the request.
    extra = {"block_post": post, "csrf_token": post.get("csrf_token", "")}
    action = post.get("action", "#")
    if attempt is None:
        return render_to_string("fd_assessment/xblock_intro.html", {"form": form, "error": error, **extra})
    if attempt.status == attempt.COMPLETED:
        return render_to_string("fd_assessment/xblock_results.html", {**results_context(attempt, heading=3), **extra})
    return render_to_string("fd_assessment/_question.html",
                            {**question_context(attempt, error, action_url=action, submit_url=action), **extra})


def block_html(title, inner_html, anchor=""):
    """The whole block: its title (already translated by the caller) over the body from ``body_html``;
    ``anchor`` is the id a plain form post returns to."""
    return render_to_string("fd_assessment/xblock.html", {"title": title, "inner": inner_html, "anchor": anchor})


def page_html(title, inner_html, back=""):
    """The block alone on a small page of its own, for a plain form post that cannot go back to the
    lesson (a problem to show, or no lesson page known), with a link back when there is one."""
    return render_to_string("fd_assessment/xblock_page.html", {
        "title": title, "block": block_html(title, inner_html), "back": back,
        "lang": (get_language() or "it")[:2], "stylesheet": stylesheet_url()})


def stylesheet_url():
    """The URL of the assessment's stylesheet (a cached static file), for the block's fragment."""
    return static("fd_assessment/assessment.css")

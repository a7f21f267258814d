"""The HTML of the ``fd_digcomp_assessment`` XBlock: a declared door of fd_assessment for that block.

:mod:`fd_assessment.api` returns data only; the block needs its questions and results as HTML in
the same look as the app's pages, rendered from this app's templates and translated by its Django
catalogue. The block reaches that HTML here and only here, so it never touches this app's views,
templates or files, and ``api`` stays free of rendering (docs/decisions: the block's HTML door).
"""
from django.template.loader import render_to_string
from django.templatetags.static import static

from .pages import question_context, results_context

__all__ = ["body_html", "block_html", "stylesheet_url"]


def body_html(attempt, signed_in=True, form="short", error=None):
    """The changing part of the block: sign-in note, intro (``form`` short/full) with the start
    button, the next question or the results (returned by the block's handlers to replace the body)."""
    if not signed_in:
        return render_to_string("fd_assessment/xblock_signin.html", {})
    if attempt is None:
        return render_to_string("fd_assessment/xblock_intro.html", {"form": form, "error": error})
    if attempt.status == attempt.COMPLETED:
        return render_to_string("fd_assessment/xblock_results.html", results_context(attempt, heading=3))
    return render_to_string("fd_assessment/_question.html",
                            question_context(attempt, error, action_url="#", submit_url="#"))


def block_html(title, inner_html):
    """The whole block: its title (already translated by the caller) over the body from ``body_html``."""
    return render_to_string("fd_assessment/xblock.html", {"title": title, "inner": inner_html})


def stylesheet_url():
    """The URL of the assessment's stylesheet (a cached static file), for the block's fragment."""
    return static("fd_assessment/assessment.css")

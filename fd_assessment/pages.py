"""What the question and results templates need, built from :mod:`fd_assessment.api`'s data.

Used by the standalone pages (``views``) and by :mod:`fd_assessment.xblock_html`, the block's
door. This module never renders HTML itself and ``api`` never imports it: data flows one way,
``api`` -> ``pages`` -> ``views`` / ``xblock_html``.
"""
from django.utils.translation import get_language

from . import api
from .results_chart import results_chart
from .scoring import OVERRATES, UNDERRATES


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
            "underrates": UNDERRATES, "overrates": OVERRATES, "forward": api.ways_forward(attempt, _lang())}

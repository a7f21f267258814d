"""The pill's JSON handler decorator: the suite's input handler with the pill's translated errors.

POST only, JSON in and out, the caller signed in (the LMS's no-auth route runs handlers for an
anonymous user), the body read with ``fd_core.safe_json``; PillInputError -> {"error", "field"}.
"""
from fd_core.xblock_json import input_json_handler, json_response

from .errors import PillInputError

__all__ = ["json_endpoint", "json_response"]

json_endpoint = input_json_handler(PillInputError, signed_in_only=True)

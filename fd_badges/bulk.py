"""Bulk award from CSV: one learner a row (username or e-mail), an optional narrative column.

Reading counts and limits the rows before anything is looked up; matching looks learners up in
bulk (a few queries per thousand rows, whatever the share of unknown ones).
"""
import csv
import io

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

MAX_ROWS = 50_000
MATCH_CHUNK = 1000
HEADERS = ("username", "email", "user", "e-mail")


class BulkError(ValueError):
    pass


def read(text):
    """``[(line, who, narrative)]`` of the file's data rows; raises :class:`BulkError` on a broken
    file or more than ``MAX_ROWS`` rows (counted before any learner is looked up)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    records = []
    try:
        for number, record in enumerate(reader, start=1):
            if not record or not record[0].strip():
                continue
            who = record[0].strip()
            if number == 1 and who.lower() in HEADERS:
                continue
            if len(records) >= MAX_ROWS:
                raise BulkError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
            narrative = record[1].strip() if len(record) > 1 else ""
            records.append((number, who[:254], narrative))
    except csv.Error as error:
        raise BulkError(_("Line %(line)d cannot be read as CSV (%(reason)s).")
                        % {"line": reader.line_num, "reason": error}) from None
    return records


def _lookup(identifiers):
    """``{identifier: user}`` for usernames and (case-insensitive) e-mails; the lowest pk wins."""
    users = get_user_model().objects
    found = {}
    lowered = {who.lower() for who in identifiers}
    candidates = list(users.filter(username__in=identifiers)) + list(
        users.annotate(email_lower=Lower("email")).filter(email_lower__in=lowered))
    by_username, by_email = {}, {}
    for user in candidates:
        by_username.setdefault(user.username, user)
        if user.email:
            current = by_email.get(user.email.lower())
            if current is None or user.pk < current.pk:
                by_email[user.email.lower()] = user
    for who in identifiers:
        matches = [user for user in (by_username.get(who), by_email.get(who.lower())) if user is not None]
        if matches:
            found[who] = min(matches, key=lambda user: user.pk)
    return found


def match(records, default_narrative="", seen=None):
    """``(rows, problems)`` for ``records`` of :func:`read`: rows are ``(user, narrative)``, each learner
    once (``seen``, a set of user ids, carries that across chunks); problems name the unknown lines."""
    rows, problems = [], []
    seen = set() if seen is None else seen
    for start in range(0, len(records), MATCH_CHUNK):
        chunk = records[start:start + MATCH_CHUNK]
        found = _lookup(list({who for _line, who, _narrative in chunk}))
        for number, who, narrative in chunk:
            user = found.get(who)
            if user is None:
                problems.append(_("Line %(line)d: no learner %(who)s.") % {"line": number, "who": who})
                continue
            if user.pk in seen:
                continue
            seen.add(user.pk)
            rows.append((user, narrative or default_narrative))
    return rows, problems


def parse(text, default_narrative=""):
    """Return ``(rows, problems)``: rows are ``(user, narrative)``; problems name the bad lines."""
    return match(read(text), default_narrative)

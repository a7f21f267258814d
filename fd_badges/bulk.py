"""Bulk award from CSV: one learner a row (username or e-mail), an optional narrative column."""
import csv
import io

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

MAX_ROWS = 50_000


class BulkError(ValueError):
    pass


def parse(text, default_narrative=""):
    """Return ``(rows, problems)``: rows are ``(user, narrative)``; problems name the bad lines."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows, problems, seen = [], [], set()
    users = get_user_model().objects
    for number, record in enumerate(reader, start=1):
        if not record or not record[0].strip():
            continue
        who = record[0].strip()
        if number == 1 and who.lower() in ("username", "email", "user", "e-mail"):
            continue
        if len(rows) >= MAX_ROWS:
            raise BulkError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
        narrative = record[1].strip() if len(record) > 1 and record[1].strip() else default_narrative
        user = users.filter(Q(username=who) | Q(email__iexact=who)).order_by("pk").first()
        if user is None:
            problems.append(_("Line %(line)d: no learner %(who)s.") % {"line": number, "who": who})
            continue
        if user.pk in seen:
            continue
        seen.add(user.pk)
        rows.append((user, narrative))
    return rows, problems

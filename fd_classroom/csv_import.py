"""Bulk imports from CSV: the programme's schools, and the school teachers approved to lead.

Each function reads the whole file, checks every row, and writes nothing unless every row is
right; the errors name the row and what is wrong, so staff can fix the file and try again.
"""

import csv
import io

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import School, TeacherRole


class BadRows(ValueError):
    """The file has bad rows; ``errors`` lists one message per bad row."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def _rows(text, required):
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadRows(["The file is not UTF-8 text."]) from exc
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in required if name not in header]
    if missing:
        raise BadRows([f"The first row must name the columns; missing: {', '.join(missing)}."])
    rows = []
    for number, row in enumerate(reader, start=2):
        rows.append((number, {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()
                              if isinstance(value, str)}))
    if not rows:
        raise BadRows(["The file has no rows after the header."])
    return rows


def import_schools(text):
    """Columns ``name`` (required), ``code``, ``district``. Returns ``(created, updated)``."""
    errors, seen, clean = [], set(), []
    for number, row in _rows(text, ["name"]):
        name = row.get("name", "")
        if not name:
            errors.append(f"Row {number}: the school's name is empty.")
        elif len(name) > 100:
            errors.append(f"Row {number}: the name is longer than 100 characters.")
        elif name.lower() in seen:
            errors.append(f"Row {number}: {name!r} appears twice in the file.")
        elif len(row.get("code", "")) > 20 or len(row.get("district", "")) > 100:
            errors.append(f"Row {number}: the code (20) or the district (100) is too long.")
        else:
            seen.add(name.lower())
            clean.append((name, row.get("code", ""), row.get("district", "")))
    if errors:
        raise BadRows(errors)
    created = updated = 0
    with transaction.atomic():
        for name, code, district in clean:
            _school, made = School.objects.update_or_create(name=name, defaults={"code": code, "district": district})
            created, updated = created + made, updated + (not made)
    return created, updated


def import_teachers(text):
    """Columns ``username`` or ``email`` (one of them), and ``school`` (a school's name, optional).

    The accounts must exist already. Returns ``(granted, already)``.
    """
    users = get_user_model().objects
    schools = {school.name.lower(): school for school in School.objects.all()}
    rows = _rows(text, [])
    errors, clean = [], []
    for number, row in rows:
        username, email = row.get("username", ""), row.get("email", "")
        if not username and not email:
            errors.append(f"Row {number}: give a username or an e-mail address.")
            continue
        found = users.filter(username=username) if username else users.filter(email__iexact=email)
        matches = list(found[:2])
        if not matches:
            errors.append(f"Row {number}: no account with {'username' if username else 'e-mail'} "
                          f"{username or email!r}.")
            continue
        if len(matches) > 1:
            errors.append(f"Row {number}: several accounts have the e-mail {email!r}; use the username.")
            continue
        school_name = row.get("school", "")
        school = schools.get(school_name.lower()) if school_name else None
        if school_name and school is None:
            errors.append(f"Row {number}: no school named {school_name!r} (import the schools first).")
            continue
        clean.append((matches[0], school))
    if errors:
        raise BadRows(errors)
    granted = already = 0
    with transaction.atomic():
        for user, school in clean:
            role, made = TeacherRole.objects.get_or_create(user=user, defaults={"school": school, "approved": True})
            if not made:
                already += 1
                role.approved = True
                role.school = school or role.school
                role.save(update_fields=["approved", "school"])
            else:
                granted += 1
    return granted, already

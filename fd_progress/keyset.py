"""Read a queryset a page at a time, each page starting after the last row of the one before.

Streamed exports read their rows this way rather than with ``QuerySet.iterator()``: MySQL's and
MariaDB's client library fetches a whole result set at once (Django's documentation of
``iterator()``), so only small queries keep an export's memory flat with its row count.
"""
from functools import reduce
from operator import or_

from django.db.models import Q


def ordering_of(queryset):
    """The field names the queryset is ordered by; each ascending, the last one unique."""
    fields = list(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])
    for field in fields:
        if not isinstance(field, str) or field.startswith(("-", "?")) or "__" in field:
            raise ValueError(f"keyset pages need ascending fields of the model itself, not {field!r}")
    if fields[-1] not in ("pk", queryset.model._meta.pk.name):
        fields.append("pk")
    return fields


def after(fields, row):
    """The rows that come after ``row`` in the order of ``fields`` (none of them null)."""
    values = [getattr(row, field) for field in fields]
    return reduce(or_, (
        Q(**dict(zip(fields[:index], values[:index], strict=True)), **{f"{fields[index]}__gt": values[index]})
        for index in range(len(fields))
    ))


def pages(queryset, size):
    """Yield the queryset's rows as lists of at most ``size``, in its order.

    Once the caller has finished with a page, the page's prefetched objects are dropped: they point
    back at their rows, and the cycle would otherwise wait for the garbage collector.
    """
    fields = ordering_of(queryset)
    queryset = queryset.order_by(*fields)
    page = list(queryset[:size])
    while page:
        yield page
        last = page[-1]
        for row in page:
            row._prefetched_objects_cache = {}
        page = list(queryset.filter(after(fields, last))[:size])

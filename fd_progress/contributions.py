"""How one event adds to the counters: which people and amounts, for which metric and scope.

Live counting (:mod:`fd_progress.counting`) and the rebuild (:mod:`fd_progress.rebuild`) both
read events through :func:`contributions`, then aggregate them their own way.
"""

from decimal import Decimal
from functools import lru_cache

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from .metrics import PROGRAMME_SCOPE, EventKind, Metric, ScopeType

# kind -> (metric that counts the event's amount, whether the user counts as a person reached)
_AMOUNT_METRIC = {
    EventKind.ENROLLMENT: Metric.ENROLLMENTS,
    EventKind.COMPLETION: Metric.COURSES_COMPLETED,
    EventKind.ASSESSMENT: Metric.ASSESSMENTS_COMPLETED,
    EventKind.BADGE: Metric.BADGES_AWARDED,
    EventKind.ATTENDANCE: Metric.ATTENDANCES,
    EventKind.HEAD_COUNT: Metric.ATTENDANCES,
    EventKind.SESSION: Metric.SESSIONS_HELD,
    EventKind.ASSISTANCE: Metric.ASSISTANCE_HOURS,
}
_LEARNING_KINDS = {
    EventKind.ENROLLMENT,
    EventKind.COMPLETION,
    EventKind.ASSESSMENT,
    EventKind.BADGE,
    EventKind.ATTENDANCE,
}
_ANONYMOUS_PEOPLE_KINDS = {EventKind.HEAD_COUNT, EventKind.ASSISTANCE}

# The fields of ActivityEvent that contributions() reads, in this order.
EVENT_FIELDS = (
    "kind",
    "user_id",
    "day",
    "course_key",
    "organisation",
    "partner",
    "district",
    "point_id",
    "school",
    "amount",
    "head_count",
)


@lru_cache(maxsize=4096)
def organisation_of(course_key):
    try:
        return CourseKey.from_string(course_key).org
    except InvalidKeyError:
        return ""


def scopes(course_key, organisation, partner, district, point_id, school):
    found = [PROGRAMME_SCOPE]
    if course_key:
        found.append((ScopeType.COURSE.value, course_key))
    organisation = organisation or (organisation_of(course_key) if course_key else "")
    if organisation:
        found.append((ScopeType.ORGANISATION.value, organisation))
    if partner:
        found.append((ScopeType.PARTNER.value, partner))
    if district:
        found.append((ScopeType.DISTRICT.value, district))
    if point_id is not None:
        found.append((ScopeType.POINT.value, str(point_id)))
    if school:
        found.append((ScopeType.SCHOOL.value, school))
    return found


def contributions(kind, user_id, day, course_key, organisation, partner, district, point_id, school, amount,
                  head_count):
    """Return ``(people, amounts)`` for one event.

    ``people`` is a list of ``(metric, scope_type, scope_value, user_id, day)``: the person counts
    once per metric and scope, on the earliest day seen. ``amounts`` is a list of
    ``(metric, scope_type, scope_value, day, amount)`` to add to the daily figure.
    """
    where = scopes(course_key, organisation, partner, district, point_id, school)
    people, amounts = [], []
    if kind == EventKind.REGISTRATION and user_id is not None:
        people.append((Metric.REGISTRATIONS.value, *PROGRAMME_SCOPE, user_id, day))
        return people, amounts
    metric = _AMOUNT_METRIC.get(kind)
    if metric is None:
        return people, amounts
    value = Decimal(head_count) if kind == EventKind.HEAD_COUNT else Decimal(amount)
    for scope_type, scope_value in where:
        if value:
            amounts.append((metric.value, scope_type, scope_value, day, value))
        if kind in _LEARNING_KINDS and user_id is not None:
            people.append((Metric.PEOPLE_REACHED.value, scope_type, scope_value, user_id, day))
        elif kind in _ANONYMOUS_PEOPLE_KINDS and head_count:
            amounts.append((Metric.PEOPLE_REACHED.value, scope_type, scope_value, day, Decimal(head_count)))
    return people, amounts

"""Every door the suite mounts, tried by five people, against a table of what each must get.

The URL resolver is walked (pages, REST APIs, the platform's and the sandbox's own URLs), and every
handler of every XBlock of ours (``xblock.v1`` entry points) is called on both handler routes: the
signed-in ``xblock`` route and the ``xblock-noauth`` route, where the LMS runs the handler for an
anonymous user whoever is signed in. A URL or handler without a row here fails
``test_every_url_has_a_row`` / ``test_every_handler_has_a_row`` with the row to add; a row whose
URL is gone fails too.

Expectations are five letters, one per role, in the order of ``ROLES``
(anonymous, learner, other learner, course staff, global staff):

- ``A`` allowed: the request is served (2xx/3xx other than "sign in first"), or refused for its
  input after the caller was let in (400, 405, 409, 410, 422);
- ``D`` denied: 401, 403, or a redirect to a sign-in page;
- ``H`` hidden: 404 (another person's object, or nothing there for anyone).

A server error (5xx) is always a failure. The learner owns the attempt; the award is the learner's.
"""
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.helpers.csrf import CsrfClient

from .world import ROLES, build_world, handler_names, our_block_types

pytestmark = pytest.mark.django_db

ALLOWED_INPUT_REFUSALS = (400, 405, 409, 410, 422)
LOGIN_PATHS = ("/login/", "/admin/login/")


@dataclass(frozen=True)
class Row:
    """``expect``: five letters (see the module docstring). ``kwargs(world)`` fills the URL's
    arguments; ``path`` replaces ``reverse`` for an unnamed pattern; ``method`` and ``data`` say how
    to call it."""

    expect: str
    kwargs: object = None
    method: str = "GET"
    data: dict = field(default_factory=dict)
    path: object = None


@dataclass(frozen=True)
class HandlerRow:
    """What each role must get from one handler on the signed-in route and on the no-auth route."""

    auth: str
    noauth: str
    method: str = "POST"
    data: dict = field(default_factory=dict)
    suffix: str = ""


def course(w):
    return {"course_id": w.course_id}


def lead(w):
    return {"public_id": str(w.objects.class_tour.public_id)}


def pupil(w):
    return {"code": w.objects.class_tour.code}


def pill_unit(w):
    return {"course_id": w.course_id, "usage_id": str(w.unit_key("fd_video_pill"))}


def pill_block(w):
    return {"course_id": w.course_id, "usage_id": str(w.block_key("fd_video_pill"))}


def attempt(w):
    return {"attempt_id": w.objects.attempt.pk}


def award(w):
    return {"uuid": w.objects.award.uuid}


def badge(w):
    return {"slug": w.objects.badge.slug}


def booking_token(w):
    return {"token": w.objects.booking.cancel_token}


def calendar(w):
    return {"uuid": w.objects.calendar_session.uuid}


def check_in_url(w):
    from fd_calendar.codes import make_code

    session = w.objects.calendar_session
    return reverse("fd_calendar:check_in", args=[session.uuid]) + "?code=" + make_code(session)


def pk(name):
    return lambda w: {"pk": getattr(w.objects, name).pk}


# --- every URL of the site, by name (``namespace:name``), or by pattern if it has no name -------
URLS = {
    # The sandbox (plays the LMS): courses, units, Studio, assets, sign-in.
    "sandbox:course_list": Row("AAAAA"),
    "sandbox:course_outline": Row("AAAAA", course),
    "sandbox:enroll": Row("DAAAA", course, method="POST"),
    "sandbox:unit": Row("DAAAA", pill_unit),
    "sandbox:jump_to": Row("AAAAA", pill_block),
    "sandbox:studio": Row("DDDAA", pill_block),
    "sandbox:course_asset": Row("AAAAA", lambda w: {"course_id": w.course_id, "path": "what-is-open-data.jpg"}),
    "sandbox:register": Row("AAAAA"),
    "login": Row("AAAAA"),
    "logout": Row("AAAAA", method="POST"),
    "set_language": Row("AAAAA", method="POST", data={"language": "en"}),
    "javascript-catalog": Row("AAAAA"),
    # xblock-sdk serves a block's public/ folder only; our blocks inline their static files.
    "package_resource": Row("HHHHH", lambda w: {"block_type": "fd_video_pill", "resource": "static/video_pill.js"}),
    r"^media/(?P<path>.+)$": Row("HHHHH", path=lambda w: "/media/no-such-file.png"),
    # Django's admin: one row for all its pages (tried on the index).
    "admin:*": Row("DDDDA", path=lambda w: reverse("admin:index")),
    # edx-completion's API, mounted by its plugin as in the LMS.
    "completion:v1:completion-batch": Row("DDDDA", method="POST"),
    # Asked about a person who does not exist (edx-completion: signed-in people learn "not found",
    # global staff who are not enrolled are refused).
    "completion:v1:subsection-completion": Row("DHHHD", path=lambda w: (
        f"/api/completion/v1/subsection-completion/nobody/{w.course_id}/"
        f"{w.course.course_key.make_usage_key('sequential', 's1')}/")),
    # Public by design (docs/security.md): the DID document, badge pages by uuid, status lists, keys.
    # fd_assessment: the questionnaire pages and REST API (an attempt is its owner's only).
    "fd_assessment:home": Row("DAAAA"),
    "fd_assessment:start": Row("DAAAA", method="POST"),
    "fd_assessment:take": Row("DAHHH", attempt),
    "fd_assessment:submit": Row("DAHHH", attempt, method="POST"),
    "fd_assessment:results": Row("DAHHH", attempt),
    "fd_assessment:statistics": Row("DDDDA"),
    "fd_assessment:statistics_csv": Row("DDDDA"),
    "fd_assessment:api_questionnaire": Row("DAAAA"),
    "fd_assessment:api_attempts": Row("DAAAA", method="POST", data={"form": "short"}),
    "fd_assessment:api_attempt": Row("DAHHH", attempt),
    "fd_assessment:api_answers": Row("DAHHH", attempt, method="POST"),
    "fd_assessment:api_submit": Row("DAHHH", attempt, method="POST"),
    "fd_assessment:api_results": Row("DAHHH", attempt),
    "fd_assessment:api_history": Row("DAAAA"),
    "fd_assessment:api_statistics": Row("DDDDA"),
    "fd_assessment:api_statistics_csv": Row("DDDDA"),
    "fd_assessment:api_schema": Row("AAAAA"),
    "fd_assessment:api_not_found": Row("HHHHH", path=lambda w: "/fd/assessment/api/v1/attempts/not-a-number/"),
    # fd_badges: a learner's list, public pages, verification, staff tools.
    "fd_badges:my_badges": Row("DAAAA"),
    "fd_badges:class_page": Row("AAAAA", badge),
    "fd_badges:class_image": Row("AAAAA", badge),
    "fd_badges:class_image_svg": Row("AAAAA", badge),
    "fd_badges:award_page": Row("AAAAA", award),
    "fd_badges:award_download": Row("AAAAA", lambda w: {**award(w), "fmt": "json"}),
    "fd_badges:revoke_award": Row("DDDDA", award, method="POST"),
    "fd_badges:verify": Row("AAAAA"),
    "fd_badges:status_list": Row("AAAAA", lambda w: {"list_number": 1}),
    "fd_badges:key_document": Row("AAAAA", lambda w: {"pk": w.objects.issuer.pk,
                                                      "key_id": w.objects.signing_key.key_id}),
    "fd_badges:ob2_issuer": Row("AAAAA", pk("issuer")),
    "fd_badges:ob2_class": Row("AAAAA", badge),
    "fd_badges:ob2_assertion": Row("AAAAA", award),
    "fd_badges:ob2_baked": Row("AAAAA", lambda w: {**award(w), "fmt": "png"}),
    "fd_badges:bulk_award": Row("DDDDA", badge),
    "fd_badges:bulk_progress": Row("DDDDH", lambda w: {"job": "no-such-job"}),
    "fd_badges:bulk_job": Row("DDDDH", lambda w: {"job": "no-such-job"}),
    # fd_classroom: only the class's teacher leads it; a pupil's pages need that class's pupil cookie
    # (given at joining by code, no account), so nobody signed in or not reaches them without it.
    "fd_classroom:join": Row("AAAAA"),
    "fd_classroom:deleted": Row("AAAAA"),
    "fd_classroom:lead": Row("DDDAD", lead),
    "fd_classroom:lead-status": Row("DDDAD", lead),
    "fd_classroom:act": Row("DDDAD", lead, method="POST", data={"action": "pause"}),
    "fd_classroom:guide": Row("DDDAD", lead),
    "fd_classroom:summary": Row("DDDAD", lead),
    "fd_classroom:delete": Row("DDDAH", lead, method="POST"),
    "fd_classroom:pupil": Row("DDDDD", pupil),
    "fd_classroom:poll": Row("DDDDD", pupil),
    "fd_classroom:answer": Row("DDDDD", pupil, method="POST", data={"option": "0"}),
    # fd_calendar: the calendar, sessions and feeds are public; registering is open to guests (an empty
    # guest form is refused for its input); a cancel link is its holder's; running a session needs
    # staff or the fd_calendar.run_session permission; checking in needs a seat (the learner has one).
    "fd_calendar:list": Row("AAAAA"),
    "fd_calendar:mine": Row("DAAAA"),
    "fd_calendar:feed": Row("AAAAA"),
    "fd_calendar:point_feed": Row("AAAAA", lambda w: {"point_id": w.objects.point.pk}),
    "fd_calendar:topic_feed": Row("AAAAA", lambda w: {"topic": "spid"}),
    "fd_calendar:cancel": Row("AAAAA", lambda w: {"token": w.objects.registration.cancel_token}),
    "fd_calendar:session": Row("AAAAA", calendar),
    "fd_calendar:register": Row("AAAAA", lambda w: {"uuid": w.objects.open_calendar_session.uuid}, method="POST"),
    "fd_calendar:session_ics": Row("AAAAA", calendar),
    "fd_calendar:run": Row("DDDDA", calendar),
    "fd_calendar:head_count": Row("DDDDA", calendar, method="POST", data={"people": "2"}),
    "fd_calendar:check_in": Row("DADDD", path=lambda w: check_in_url(w)),
    # The DID document: host-based at the site root by default, path-based only when configured.
    "fd_badges:did_json": Row("AAAAA"),
    "fd_badges:did_json_path_based": Row("HHHHH"),
    # fd_progress: staff dashboard and API; the public page and open data are public by design.
    "fd_progress:dashboard": Row("DDDDA"),
    "fd_progress:targets-csv": Row("DDDDA"),
    "fd_progress:public": Row("AAAAA"),
    "fd_progress:open-data-csv": Row("AAAAA"),
    "fd_progress:open-data-json": Row("AAAAA"),
    "fd_progress:open-data-metadata": Row("AAAAA"),
    "fd_progress:api-schema": Row("AAAAA"),
    "fd_progress:attendance": Row("DDDDA", method="POST"),
    "fd_progress:target-list": Row("DDDDA"),
    "fd_progress:target-detail": Row("DDDDA", pk("target")),
    "fd_progress:point-list": Row("DDDDA"),
    "fd_progress:point-detail": Row("DDDDA", pk("point")),
    "fd_progress:session-list": Row("DDDDA"),
    "fd_progress:session-detail": Row("DDDDA", pk("session")),
    "fd_progress:assistance-list": Row("DDDDA"),
    "fd_progress:api_not_found": Row("HHHHH", path=lambda w: "/fd/progress/api/no-such-thing/"),
    # fd_assistance: points, free times and booking are public (guests book without an account); a
    # booking is reached by its secret link only; the agenda is for staff or the facilitate permission.
    "fd_assistance:points": Row("AAAAA"),
    "fd_assistance:point": Row("AAAAA", lambda w: {"point_id": w.objects.point.pk}),
    "fd_assistance:book": Row("AAAAA", lambda w: {"point_id": w.objects.point.pk}, method="POST",
                              data={"topic": "spid"}),
    "fd_assistance:booking": Row("AAAAA", booking_token),
    "fd_assistance:cancel": Row("AAAAA", booking_token, method="POST"),
    "fd_assistance:agenda": Row("DDDDA"),
    "fd_assistance:mark": Row("DDDDA", lambda w: {"booking_id": w.objects.booking.pk}, method="POST",
                              data={"outcome": "no_show"}),
}
# The two handler routes are tried through HANDLERS, once per handler of every block.
HANDLER_ROUTES = {"sandbox:xblock_handler": "auth", "sandbox:xblock_handler_noauth": "noauth"}

# --- every handler of every block: ``block_type.handler`` -----------------------------------
# Learner handlers need a signed-in learner; author handlers need the course staff. On the no-auth
# route nobody is signed in, so every handler refuses there.
HANDLERS = {
    "fd_video_pill.studio_submit": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_video_pill.studio_form": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_video_pill.progress": HandlerRow(auth="DAAAA", noauth="DDDDD", data={"intervals": []}),
    "fd_video_pill.answer": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_video_pill.event": HandlerRow(auth="DAAAA", noauth="DDDDD", data={"event_type": "load_video"}),
    "fd_video_pill.track": HandlerRow(auth="DAAAA", noauth="DDDDD", method="GET", suffix="captions/it.vtt"),
    "fd_digcomp_assessment.begin_attempt": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_digcomp_assessment.answer": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_digcomp_assessment.submit": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_digcomp_assessment.restart": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_digcomp_assessment.form_post": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_digcomp_assessment.submit_studio_edits": HandlerRow(auth="DDDAA", noauth="DDDDD",
                                                            data={"values": {"weight": 3}}),
    "fd_city_tour.visit_scene": HandlerRow(auth="DAAAA", noauth="DDDDD", data={"scene": "fibra"}),
    "fd_city_tour.answer_question": HandlerRow(auth="DAAAA", noauth="DDDDD",
                                               data={"hotspot": "fibra-domanda", "answer": [0]}),
    "fd_city_tour.tour_form": HandlerRow(auth="DAAAA", noauth="DDDDD", data={"action": "go", "scene": "fibra"}),
    # Course staff (or a teacher fd_classroom approves) start a class tour.
    "fd_city_tour.begin_class_tour": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_city_tour.studio_preview": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_city_tour.studio_save": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_data_exercise.table_rows": HandlerRow(auth="DAAAA", noauth="DDDDD", method="GET"),
    "fd_data_exercise.explore_page": HandlerRow(auth="DAAAA", noauth="DDDDD", method="GET"),
    "fd_data_exercise.download": HandlerRow(auth="DAAAA", noauth="DDDDD", method="GET"),
    "fd_data_exercise.check_answer": HandlerRow(auth="DAAAA", noauth="DDDDD", data={"answer": "3"}),
    "fd_data_exercise.answer_page": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_data_exercise.reveal_hint": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_data_exercise.studio_preview": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_data_exercise.studio_save": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_message_inspector.inspect_submit": HandlerRow(auth="DAAAA", noauth="DDDDD",
                                                      data={"marked": ["fretta"], "action": "report"}),
    "fd_message_inspector.inspect_form": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_message_inspector.try_again": HandlerRow(auth="DAAAA", noauth="DDDDD"),
    "fd_message_inspector.studio_preview": HandlerRow(auth="DDDAA", noauth="DDDDD"),
    "fd_message_inspector.studio_save": HandlerRow(auth="DDDAA", noauth="DDDDD"),
}

ROW_HELP = ("Roles, in order: " + ", ".join(ROLES) + ". Letters: A allowed, D denied (401/403/sign-in), "
            "H hidden (404). See the docstring of tests/security/test_authorization.py.")


# --- walking the resolver -------------------------------------------------------------------
def mounted_urls(patterns=None, prefix="", namespaces=()):
    """``(key, pattern)`` of every URL the site mounts; ``key`` as used in ``URLS``."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            spaces = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from mounted_urls(entry.url_patterns, prefix + str(entry.pattern), spaces)
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            if namespaces and namespaces[0] == "admin":
                yield "admin:*", pattern
            elif entry.name:
                yield ":".join((*namespaces, entry.name)), pattern
            else:
                yield pattern, pattern


def mounted_handlers():
    return {f"{block_type}.{name}": (block_type, name)
            for block_type, block_class in our_block_types().items() for name in handler_names(block_class)}


def test_every_url_has_a_row():
    mounted = {}
    for key, pattern in mounted_urls():
        mounted.setdefault(key, pattern)
    missing = [f"  {key!r}: Row(\"?????\", kwargs=lambda w: {{...}}),  # {pattern}"
               for key, pattern in sorted(mounted.items()) if key not in URLS and key not in HANDLER_ROUTES]
    stale = sorted(set(URLS) - set(mounted))
    message = []
    if missing:
        message.append("These URLs have no row in URLS of tests/security/test_authorization.py. Add one per URL, "
                       "saying what each role must get:\n" + "\n".join(missing))
    if stale:
        message.append("These rows of URLS name no mounted URL (renamed or removed?): " + ", ".join(stale))
    assert not message, "\n\n".join(message) + "\n\n" + ROW_HELP


def test_every_handler_has_a_row():
    mounted = mounted_handlers()
    missing = [f"  {key!r}: HandlerRow(auth=\"?????\", noauth=\"?????\", data={{...}}),"
               for key in sorted(mounted) if key not in HANDLERS]
    stale = sorted(set(HANDLERS) - set(mounted))
    message = []
    if missing:
        message.append("These XBlock handlers have no row in HANDLERS of tests/security/test_authorization.py "
                       "(one per handler of every block of the xblock.v1 entry points):\n" + "\n".join(missing))
    if stale:
        message.append("These rows of HANDLERS name no handler of our blocks: " + ", ".join(stale))
    assert not message, "\n\n".join(message) + "\n\n" + ROW_HELP


# --- trying the doors -----------------------------------------------------------------------
def outcome(response):
    status = response.status_code
    if status >= 500:
        return "5"
    if status in (401, 403):
        return "D"
    if status == 404:
        return "H"
    if status in (301, 302, 303, 307) and response["Location"].split("?")[0].endswith(LOGIN_PATHS):
        return "D"
    if status < 400 or status in ALLOWED_INPUT_REFUSALS:
        return "A"
    return "?"


def client_for(world, role):
    client = CsrfClient(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def send(client, method, url, data):
    import json

    if method == "GET":
        return client.get(url)
    if method == "POST" and "/xblock" not in url and "/api/" not in url:
        return client.post(url, data=data)
    return client.generic(method, url, json.dumps(data), content_type="application/json")


def url_of(world, key, row):
    if row.path is not None:
        return row.path(world)
    return reverse(key, kwargs=row.kwargs(world) if row.kwargs else None)


def handler_url(world, block_type, name, route, suffix):
    view = "sandbox:xblock_handler" if route == "auth" else "sandbox:xblock_handler_noauth"
    return reverse(view, kwargs={"usage_id": str(world.block_key(block_type)), "handler": name, "suffix": suffix})


def got(world, method, url, data):
    return "".join(outcome(send(client_for(world, role), method, url, data)) for role in ROLES)


@pytest.fixture
def world(tmp_path):
    return build_world(tmp_path)


def test_every_role_gets_what_the_urls_table_says(world):
    wrong = []
    for key, row in URLS.items():
        url = url_of(world, key, row)
        result = got(world, row.method, url, row.data)
        if result != row.expect:
            wrong.append(f"  {key} ({row.method} {url}): expected {row.expect}, got {result}")
    assert not wrong, "Roles got other answers than the table says (5 = server error):\n" + "\n".join(wrong) + \
        "\n\n" + ROW_HELP


def test_every_role_gets_what_the_handlers_table_says(world):
    wrong = []
    for key, (block_type, name) in mounted_handlers().items():
        row = HANDLERS.get(key)
        if row is None:
            continue  # test_every_handler_has_a_row names it
        for route, expect in (("auth", row.auth), ("noauth", row.noauth)):
            url = handler_url(world, block_type, name, route, row.suffix)
            result = got(world, row.method, url, row.data)
            if result != expect:
                wrong.append(f"  {key} on the {route} route ({row.method} {url}): expected {expect}, got {result}")
    assert not wrong, "Handlers answered other than the table says (5 = server error):\n" + "\n".join(wrong) + \
        "\n\n" + ROW_HELP

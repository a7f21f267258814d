"""Staff edit sessions in the admin: topics and access needs as boxes, each save a new iCal revision."""
import pytest
from django.urls import reverse

from fd_calendar.models import CalendarSession

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_staff_edit_a_session_and_its_revision_grows(client, django_user_model):
    staff = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(staff)
    session = make_session(topics="spid")
    url = reverse("admin:fd_calendar_calendarsession_change", args=[session.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'value="spid"' in page.content.decode()
    data = {"title": "SPID e CIE", "description": "", "kind": "point", "district": "Quartiere 2", "place": "Sala",
            "starts_at_0": "2030-05-04", "starts_at_1": "10:00:00", "ends_at_0": "2030-05-04", "ends_at_1": "11:30:00",
            "capacity": "12", "what_to_bring": "", "webinar_url": "", "topic_list": ["spid", "cie"],
            "access_list": ["induction_loop"], "registrations-TOTAL_FORMS": "0", "registrations-INITIAL_FORMS": "0"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session.refresh_from_db()
    assert session.topic_codes == ["spid", "cie"] and session.access_codes == ["induction_loop"]
    assert session.sequence == 1 and session.starts_at.isoformat().startswith("2030-05-04T08:00")  # 10:00 in Rome
    bad = client.post(url, {**data, "ends_at_1": "09:00:00"}, HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 200 and "must end after it starts" in bad.content.decode()
    assert CalendarSession.objects.get(pk=session.pk).sequence == 1


def test_retirement_through_the_platform_signal_forgets_the_person(people):
    from fd_calendar.booking import register_user
    from fd_calendar.models import Registration
    from fd_core.platform import platform

    session = make_session()
    register_user(session, people[0])
    platform().USER_RETIRE_LMS_MISC.send(sender=None, user=people[0])
    assert not Registration.objects.filter(user=people[0]).exists()

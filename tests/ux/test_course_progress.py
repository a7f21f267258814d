"""The outline's completion marks and "continue" link, from BlockCompletion, as pages a learner opens."""
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from .conftest import OPEN_DATA


@pytest.fixture
def course(db):
    call_command("load_demo", "--no-app-data", stdout=io.StringIO(), stderr=io.StringIO())
    from opaque_keys.edx.keys import CourseKey

    from sandbox.models import Course

    return Course.objects.get(course_key=CourseKey.from_string(OPEN_DATA))


def _leaves(unit):
    from sandbox.course_progress import _counts_for_completion

    return [leaf for leaf in unit.children.all() if _counts_for_completion(leaf.block_type)]


def test_a_partly_done_unit_shows_how_much_and_continue_goes_to_the_latest_block(course, client, django_user_model):
    from completion.models import BlockCompletion

    from sandbox.course_progress import ordered_units

    learner = django_user_model.objects.get(username="learner")
    units = ordered_units(course)
    last_leaf = _leaves(units[-1])[0]
    BlockCompletion.objects.submit_completion(user=learner, block_key=last_leaf.usage_key, completion=1.0)
    client.force_login(learner)
    page = client.get(reverse("sandbox:course_outline", args=[OPEN_DATA]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    total = len(_leaves(units[-1]))
    assert (f"1 of {total} activities done" if total > 1 else "Completed") in page
    jump = reverse("sandbox:jump_to", args=[OPEN_DATA, str(last_leaf.usage_key)])
    assert f'href="{jump}">Continue where you left off: {units[-1].display_name}' in page


def test_a_signed_out_visitor_sees_no_marks_and_no_continue(course, client):
    page = client.get(reverse("sandbox:course_outline", args=[OPEN_DATA]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Continue where you left off" not in page and "Start the course" not in page
    assert "activities done" not in page


def test_someone_elses_completions_do_not_count(course, client, django_user_model):
    from completion.models import BlockCompletion

    from sandbox.course_progress import ordered_units

    other = django_user_model.objects.get(username="teacher")
    for leaf in _leaves(ordered_units(course)[0]):
        BlockCompletion.objects.submit_completion(user=other, block_key=leaf.usage_key, completion=1.0)
    client.force_login(django_user_model.objects.get(username="learner"))
    page = client.get(reverse("sandbox:course_outline", args=[OPEN_DATA]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Start the course" in page and "unit-done" not in page

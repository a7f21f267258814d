"""fd_badges fills fd_assessment's results page with the badges earned with the attempt, through
the ``results_page_extras`` signal (fd_assessment never imports fd_badges)."""
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import override

from fd_assessment.signals import results_page_extras
from fd_badges import awarding
from fd_badges.models import Award


def _send(user, completed_at, until=None):
    with override("it"):
        responses = results_page_extras.send_robust(sender=None, user_id=user.pk, attempt_id=1, course_key=None,
                                                    completed_at=completed_at, until_at=until, language="it")
    return [entry for _receiver, response in responses for entry in response]


def test_results_page_shows_the_badge_awarded_after_the_attempt(badge_class, learner):
    award, _ = awarding.award(learner, badge_class)
    entries = _send(learner, award.awarded_at - timedelta(seconds=1))
    assert entries == [{"kind": "badge", "title": "Il tuo nuovo badge: Open data: primi passi",
                        "url": f"/fd/badges/awards/{award.uuid}/"}]


def test_results_page_leaves_out_older_later_and_revoked_badges(badge_class, learner):
    award, _ = awarding.award(learner, badge_class)
    assert _send(learner, award.awarded_at + timedelta(seconds=1)) == []  # earned before the attempt
    before = award.awarded_at - timedelta(minutes=2)
    assert _send(learner, before, until=award.awarded_at - timedelta(minutes=1)) == []  # after the next attempt
    Award.objects.filter(pk=award.pk).update(revoked_at=timezone.now())
    assert _send(learner, before) == []


def test_results_page_of_someone_else_shows_none_of_the_learners_badges(badge_class, learner, staff):
    award, _ = awarding.award(learner, badge_class)
    assert _send(staff, award.awarded_at - timedelta(seconds=1)) == []

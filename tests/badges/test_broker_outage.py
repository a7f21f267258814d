"""A broker outage loses no award: staff awards are saved, the page answers, the sweep signs them."""
import logging

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from fd_badges import api, tasks, verification
from fd_badges.models import Award


def _citizens(count):
    return [get_user_model().objects.create_user(f"citizen{n}", f"citizen{n}@example.org") for n in range(count)]


def _all_signed_and_announced(awards):
    for award in awards:
        award.refresh_from_db()
        assert award.credential and award.notified_at, award
        assert verification.verify(award.credential)["verified"]


def test_bulk_award_page_saves_every_award_while_the_broker_is_down(transactional_db, client, badge_class, learner,
                                                                    staff, broker_down, caplog):
    others = _citizens(4)
    rows = "\n".join(["email,narrative", "learner@example.org,Laboratorio in biblioteca"]
                     + [user.email + "," for user in others])
    client.force_login(staff)
    with caplog.at_level(logging.WARNING, logger="fd_badges.queueing"):
        page = client.post(reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}),
                           {"csv_file": SimpleUploadedFile("people.csv", rows.encode()), "narrative": "Open day"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Badges saved: 5 new, 0 already held." in html
    assert "the badges are saved and will be signed and announced automatically" in html
    assert "the sweep will do it" in caplog.text
    awards = list(Award.objects.filter(badge_class=badge_class))
    assert sorted(a.user.username for a in awards) == sorted(["learner"] + [u.username for u in others])
    assert {a.source for a in awards} == {Award.BULK} and {a.awarded_by_id for a in awards} == {staff.pk}
    assert Award.objects.get(user=learner).narrative == "Laboratorio in biblioteca"
    assert not any(a.credential or a.notified_at for a in awards)

    broker_down()  # the broker is back; the periodic sweep finishes what was saved
    tasks.sweep(0)
    _all_signed_and_announced(awards)
    progress = client.get(reverse("fd_badges:bulk_progress", kwargs={"job": page.context["job"]})).json()
    assert (progress["done"], progress["total"], progress["finished"]) == (5, 5, True)


def test_bulk_award_page_says_the_work_is_queued_when_the_broker_answers(transactional_db, client, badge_class,
                                                                         learner, staff, signed_award):
    client.force_login(staff)
    rows = "learner@example.org\nstaff@example.org\n"
    page = client.post(reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}),
                       {"csv_file": SimpleUploadedFile("people.csv", rows.encode())}, HTTP_ACCEPT_LANGUAGE="it")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Badge registrati: 1 nuovi, 1 già posseduti." in html
    assert "proseguono in background" in html
    assert Award.objects.filter(badge_class=badge_class).count() == 2


def test_api_award_during_a_broker_outage_is_saved_and_signed_by_the_sweep(transactional_db, badge_class, learner,
                                                                           staff, broker_down, caplog):
    with caplog.at_level(logging.WARNING, logger="fd_badges.queueing"):
        award_uuid, created = api.award_badge(learner, badge_class.slug, narrative="Bravo", awarded_by=staff)
    assert created and "the sweep will do it" in caplog.text
    award = Award.objects.get(uuid=award_uuid)
    assert award.source == Award.MANUAL and award.narrative == "Bravo" and not award.credential

    broker_down()
    tasks.sweep(0)
    _all_signed_and_announced([award])
    assert api.learner_awards(learner)[0]["signed"]


def test_csv_command_signs_everything_without_the_broker(badge_class, learner, broker_down, tmp_path, capsys):
    others = _citizens(3)
    csv_file = tmp_path / "learners.csv"
    csv_file.write_text("\n".join(["learner"] + [user.username for user in others]), encoding="utf-8")
    call_command("fd_badges_award", badge_class.slug, "--csv", str(csv_file))
    assert "4 new award(s)" in capsys.readouterr().out
    awards = list(Award.objects.filter(badge_class=badge_class))
    assert len(awards) == 4
    _all_signed_and_announced(awards)

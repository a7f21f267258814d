"""Operator commands: award, export, rotate key, demo; the CSV bulk award."""
import json

import pytest
from django.core.management import CommandError, call_command

from fd_badges import verification
from fd_badges.credentials import baking
from fd_badges.models import Award, BadgeClass


def test_award_then_export_every_format(badge_class, learner, tmp_path, capsys):
    call_command("fd_badges_award", badge_class.slug, "--user", "learner@example.org", "--narrative", "Bravo")
    award = Award.objects.get(user=learner)
    assert award.narrative == "Bravo" and award.credential
    for fmt in ("json", "jwt", "png", "svg"):
        target = tmp_path / f"badge.{fmt}"
        call_command("fd_badges_export", str(award.uuid), "--format", fmt, "--output", str(target))
        data = target.read_bytes()
        if fmt == "json":
            payload = json.loads(data)
        elif fmt == "jwt":
            payload = data.decode()
        elif fmt == "png":
            payload = json.loads(baking.unbake_png(data))
        else:
            payload = json.loads(baking.unbake_svg(data.decode()))
        assert verification.verify(payload)["verified"], fmt


def test_award_twice_keeps_one(badge_class, learner, capsys):
    call_command("fd_badges_award", badge_class.slug, "--user", "learner")
    call_command("fd_badges_award", badge_class.slug, "--user", "learner")
    assert "Already awarded" in capsys.readouterr().out
    assert Award.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("args", [
    ["nope", "--user", "learner"], ["open-data-101", "--user", "ghost"], ["open-data-101"],
])
def test_award_bad_arguments_say_what_is_wrong(badge_class, learner, args):
    with pytest.raises(CommandError):
        call_command("fd_badges_award", *args)


def test_export_unknown_award(db):
    with pytest.raises(CommandError, match="not an award UUID"):
        call_command("fd_badges_export", "12", "--output", "-")


def test_bulk_award_from_csv(badge_class, learner, staff, tmp_path, capsys):
    csv_file = tmp_path / "learners.csv"
    csv_file.write_text("username,narrative\nlearner,Ottimo lavoro\nstaff@example.org,\nghost,\nlearner,\n",
                        encoding="utf-8")
    call_command("fd_badges_award", badge_class.slug, "--csv", str(csv_file), "--narrative", "Evento in biblioteca")
    captured = capsys.readouterr()
    assert "ghost" in captured.err
    narratives = dict(Award.objects.values_list("user__username", "narrative"))
    assert narratives == {"learner": "Ottimo lavoro", "staff": "Evento in biblioteca"}


def test_rotate_key_command(issuer, capsys):
    from fd_badges.credentials import keys

    first = keys.active_key(issuer)
    call_command("fd_badges_rotate_key", "testserver")
    assert keys.active_key(issuer).pk != first.pk
    assert first.verification_method in keys.did_document(issuer)["assertionMethod"]


def test_demo_is_idempotent(db):
    call_command("fd_badges_demo")
    call_command("fd_badges_demo")
    assert set(BadgeClass.objects.values_list("slug", flat=True)) == {
        "open-data-od101", "video-pills-od101", "digcomp-area1-level3"}
    assert BadgeClass.objects.get(slug="video-pills-od101").rules.count() == 2

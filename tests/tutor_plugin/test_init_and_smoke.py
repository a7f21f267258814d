"""The plugin's init command for the issuer, and its smoke tests run by `tutor local do tests` against a site."""
import pytest
from django.core.management import CommandError, call_command

from fd_badges.models import Issuer, SigningKey

from .tutor_env import TUTOR_VERSIONS


@pytest.mark.django_db
def test_issuer_command_creates_once_and_updates_after():
    args = ["--domain", "lms.example.org", "--name", "Comune di Torino", "--url", "https://lms.example.org"]
    call_command("fd_badges_issuer", *args)
    first_key = SigningKey.objects.get().key_id
    call_command("fd_badges_issuer", *args[:3], "Città di Torino", *args[4:], "--email", "digitale@example.org")
    issuer = Issuer.objects.get()
    assert (issuer.domain, issuer.name_it) == ("lms.example.org", "Città di Torino")
    assert issuer.email == "digitale@example.org"
    assert list(SigningKey.objects.values_list("key_id", flat=True)) == [first_key]


@pytest.mark.django_db
def test_issuer_command_refuses_a_bad_domain_or_url_with_a_message():
    with pytest.raises(CommandError, match="domain"):
        call_command("fd_badges_issuer", "--domain", "https://lms.example.org/", "--name", "X",
                     "--url", "https://lms.example.org")
    with pytest.raises(CommandError, match="url"):
        call_command("fd_badges_issuer", "--domain", "lms.example.org", "--name", "X", "--url", "javascript:alert(1)")
    assert not Issuer.objects.exists()


def _run_smoke(make_project, live_server, line):
    host, port = live_server.url.split("://")[1].split(":")
    project = make_project((line, TUTOR_VERSIONS[line]), f"LMS_HOST={host}")
    return project.tutor("local", "do", "tests", "smoke", "--limit", "firenze-digitale", "--cleanup", "skip", "-I",
                         "-e", f"LMS_PORT={port}", check=False)


@pytest.mark.packaging
@pytest.mark.parametrize("line", [line for line, version in TUTOR_VERSIONS.items() if int(version.split(".")[0]) >= 21])
def test_smoke_tests_pass_on_a_prepared_site_and_fail_on_an_unprepared_one(line, make_project, live_server):
    unprepared = _run_smoke(make_project, live_server, line)
    assert unprepared.returncode != 0
    assert "test_did_document_is_served_where_its_did_says FAILED" in unprepared.stdout

    domain = live_server.url.split("://")[1]
    call_command("fd_badges_issuer", "--domain", domain, "--name", "Firenze Digitale", "--url", live_server.url)
    prepared = _run_smoke(make_project, live_server, line)
    assert prepared.returncode == 0, prepared.stdout + prepared.stderr
    assert "2 passed" in prepared.stdout

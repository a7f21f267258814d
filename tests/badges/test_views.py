"""Public documents and pages, downloads, and the verification endpoint's answers to bad input."""
import json

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_badges import awarding
from fd_badges.credentials import baking

VERIFY = "/fd/badges/verify/"


def test_did_document_lists_the_public_key_only(client, signed_award):
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    document = response.json()
    assert document["id"] == "did:web:testserver"
    method = document["verificationMethod"][0]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("z6Mk")
    assert method["id"] == signed_award.credential["proof"]["verificationMethod"]
    assert "private" not in json.dumps(document).lower()


def test_key_document_and_status_list_are_public(client, signed_award, issuer):
    key = issuer.keys.get()
    response = client.get(reverse("fd_badges:key_document", kwargs={"pk": issuer.pk, "key_id": key.key_id}))
    assert response.json()["publicKeyMultibase"] == key.public_key_multibase
    status_url = signed_award.credential["credentialStatus"]["statusListCredential"]
    listing = client.get(status_url.replace("http://testserver", "")).json()
    assert listing["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]


@pytest.mark.parametrize("fmt", ["json", "jwt", "png", "svg"])
def test_every_download_verifies_at_the_endpoint(client, signed_award, fmt):
    url = reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": fmt})
    response = client.get(url)
    assert response.status_code == 200
    body = response.content
    if fmt in ("png", "svg"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(f"badge.{fmt}", body)
        answer = client.post(VERIFY, {"file": upload}, HTTP_ACCEPT="application/json")
    else:
        answer = client.post(VERIFY, body, content_type="application/json" if fmt == "json" else "text/plain")
    assert answer.status_code == 200 and answer.json()["verified"] is True, answer.content


def test_png_carries_the_credential_in_an_itxt_chunk(client, signed_award):
    png = client.get(reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": "png"})).content
    assert b"iTXt" in png and b"openbadgecredential" in png
    assert json.loads(baking.unbake_png(png))["id"] == signed_award.credential["id"]


def test_revoked_badge_page_and_ob2_assertion_answer_410(client, signed_award):
    assert client.get(reverse("fd_badges:ob2_assertion", kwargs={"uuid": signed_award.uuid})).status_code == 200
    awarding.revoke(signed_award, "errore")
    assert client.get(reverse("fd_badges:ob2_assertion", kwargs={"uuid": signed_award.uuid})).status_code == 410
    page = client.get(reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid}))
    assert page.status_code == 410 and "errore" in page.content.decode()
    answer = client.post(VERIFY, json.dumps(signed_award.credential), content_type="application/json")
    assert answer.json()["code"] == "revoked"


def test_ob2_documents_link_together(client, signed_award):
    assertion = client.get(reverse("fd_badges:ob2_assertion", kwargs={"uuid": signed_award.uuid})).json()
    badge = client.get(assertion["badge"].replace("http://testserver", "")).json()
    issuer = client.get(badge["issuer"].replace("http://testserver", "")).json()
    assert (assertion["type"], badge["type"], issuer["type"]) == ("Assertion", "BadgeClass", "Issuer")
    assert assertion["recipient"]["hashed"] is True


def test_badge_page_in_italian_and_english(client, signed_award, learner):
    client.force_login(learner)
    url = reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid})
    italian = client.get(url).content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    assert "Verifica questo badge" in italian and "linkedin.com/profile/add" in italian
    assert "Verify this badge" in english


def test_learner_sees_own_badges_only(client, signed_award, learner, staff):
    client.force_login(learner)
    assert signed_award.badge_class.name_it in client.get(reverse("fd_badges:my_badges")).content.decode()
    client.force_login(staff)
    assert signed_award.badge_class.name_it not in client.get(reverse("fd_badges:my_badges")).content.decode()


def test_only_staff_revoke_and_with_a_reason(client, signed_award, learner, staff):
    url = reverse("fd_badges:revoke_award", kwargs={"uuid": signed_award.uuid})
    client.force_login(learner)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(staff)
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "duplicate"}).status_code == 302
    signed_award.refresh_from_db()
    assert signed_award.revocation_reason == "duplicate"


@pytest.mark.parametrize(("body", "content_type", "status", "code"), [
    ("{not json", "application/json", 400, "bad_request"),
    ("", "application/json", 400, "bad_request"),
    (json.dumps({"hello": "world"}), "application/json", 422, "not_a_credential"),
    (json.dumps([1, 2, 3]), "application/json", 400, "bad_request"),
    ("a.b.c", "text/plain", 422, "malformed"),
])
def test_bad_input_gets_a_clear_4xx(db, client, body, content_type, status, code):
    response = client.post(VERIFY, body, content_type=content_type, HTTP_ACCEPT="application/json")
    assert response.status_code == status, response.content
    data = response.json()
    assert data.get("code", data.get("error")) == code
    assert data.get("message")


def test_ten_megabyte_body_is_refused_with_413(db, client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(VERIFY, "x" * (10 * 1024 * 1024), content_type="application/json")
    assert response.status_code == 413 and "too large" in response.json()["message"]


def test_unknown_key_id_is_a_4xx_with_reason(client, signed_award):
    credential = dict(signed_award.credential)
    credential["proof"] = dict(credential["proof"], verificationMethod="did:web:testserver#nope")
    response = client.post(VERIFY, json.dumps(credential), content_type="application/json")
    assert response.status_code == 422 and response.json()["code"] == "unknown_key"


def test_html_form_shows_the_reason(client, signed_award):
    credential = dict(signed_award.credential, name="Altro nome")
    response = client.post(VERIFY, {"credential": json.dumps(credential)})
    assert response.status_code == 200
    assert "cambiato la credenziale dopo che è stata emessa" in response.content.decode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                              lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                           max_size=3)).map(json.dumps)))
def test_verification_endpoint_never_fails_with_a_500(client, issuer, body):
    response = client.post(VERIFY, body, content_type="application/json", HTTP_ACCEPT="application/json")
    assert 200 <= response.status_code < 500
    assert "message" in response.json()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_ob2_baked_images_point_at_the_hosted_assertion(client, signed_award, fmt):
    response = client.get(reverse("fd_badges:ob2_baked", kwargs={"uuid": signed_award.uuid, "fmt": fmt}))
    assert response.status_code == 200
    if fmt == "png":
        url = baking.unbake_png(response.content, keyword=baking.OB2_PNG_KEYWORD)
    else:
        url = baking.unbake_svg(response.content.decode(), version=2)
    assertion = client.get(url.replace("http://testserver", "")).json()
    assert assertion["type"] == "Assertion" and assertion["id"] == url


def test_award_page_without_javascript_shows_the_link_in_a_readonly_field(client, signed_award):
    page = client.get(reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid})).content.decode()
    assert 'id="page-url" type="url" readonly' in page
    assert 'id="copy-link" hidden' in page


def test_dates_read_as_italian_and_english_write_them(client, signed_award, learner):
    import datetime

    from django.utils import timezone

    awarded = timezone.make_aware(datetime.datetime(2026, 12, 2, 10, 0))
    type(signed_award).objects.filter(pk=signed_award.pk).update(
        awarded_at=awarded, expires_at=awarded + datetime.timedelta(days=365))
    client.force_login(learner)
    url = reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid})
    for page in (url, reverse("fd_badges:my_badges")):
        italian = client.get(page).content.decode()
        assert "Assegnato il 2 dicembre 2026" in italian
        assert "Dicembre" not in italian and "02 dicembre" not in italian
        assert "Valido fino al 2 dicembre 2027" in italian  # "My badges" shows the expiry too
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    for page in (url, reverse("fd_badges:my_badges")):
        english = client.get(page).content.decode()
        assert "2 December 2026" in english and "Valid until 2 December 2027" in english


def test_long_date_in_italian_reads_2_dicembre_2026():
    import datetime

    from django.utils import translation

    from fd_badges.templatetags.fd_badges_dates import long_date

    with translation.override("it"):
        assert long_date(datetime.date(2026, 12, 2)) == "2 dicembre 2026"
    with translation.override("en"):
        assert long_date(datetime.date(2026, 12, 2)) == "2 December 2026"


def test_default_image_is_designed_from_the_badge_data(client, badge_class):
    import io

    from PIL import Image

    from fd_badges import badge_design
    from fd_badges.credentials import baking

    svg = client.get(reverse("fd_badges:class_image_svg", kwargs={"slug": badge_class.slug}))
    assert svg["Content-Type"] == "image/svg+xml"
    text = svg.content.decode()
    assert "Open data:" in text and "primi passi" in text  # the name, on the image
    assert "rgb(0,94,163)" in text  # DigComp area 1 (information and data) has its colour and symbol
    other = type(badge_class).objects.create(
        slug="sicurezza", issuer=badge_class.issuer, name_it="Sicuri in rete", name_en="Safe online",
        description_it="d", description_en="d", criteria_it="c", criteria_en="c",
        digcomp_alignment=[{"code": "4.2", "name": "Proteggere i dati personali", "level": 3}])
    other_svg = badge_design.design_svg(other, "Sicuri in rete")
    assert other_svg != text and "Sicuri in rete" in other_svg and other_svg.count('r="7"') == 3  # level 3
    png = baking.badge_png(other)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (400, 400)
        assert image.getpixel((200, 40))[:3] == badge_design.AREA_COLOURS["4"]
    assert png != baking.badge_png(badge_class)
    assert baking.unbake_png(baking.bake_png(png, "{}")) == "{}"

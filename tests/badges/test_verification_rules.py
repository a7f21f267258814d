"""What our verifier insists on: the signer is the named issuer, the Open Badges VC-JWT form, withdrawn
keys stay withdrawn in every form, and a credential of the wrong JSON types is "not valid", not a 500."""
import base64
import copy
import json

import jwt
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from fd_badges import awarding, verification
from fd_badges.credentials import data_integrity, keys, vc_jwt
from fd_badges.credentials.document import unsigned_credential
from fd_badges.models import Award, BadgeClass, Issuer

VERIFY = "/fd/badges/verify/"


def _payload(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _header(token):
    return jwt.get_unverified_header(token)


@pytest.fixture
def other_issuer(db):
    return Issuer.objects.create(domain="scuole.example.org", name_it="Rete delle scuole", name_en="School network",
                                 url="https://scuole.example.org/")


@pytest.fixture
def other_award(other_issuer, learner):
    badge = BadgeClass.objects.create(
        slug="scuola-digitale", issuer=other_issuer, name_it="Scuola digitale", name_en="Digital school",
        description_it="d", description_en="d", criteria_it="c", criteria_en="c")
    award, _created = awarding.award(learner, badge)
    return awarding.complete(award)


def test_a_credential_signed_with_another_issuers_key_does_not_verify(signed_award, other_award, badge_class):
    """The City of Florence's key cannot vouch for a credential naming the school network as issuer."""
    assert verification.verify(other_award.credential)["verified"]
    forged = unsigned_credential(other_award)
    city_key = keys.active_key(badge_class.issuer)
    forged = data_integrity.sign(forged, city_key, timezone.now())
    result = verification.verify(forged)
    assert not result["verified"] and result["code"] == "wrong_issuer", result
    assert "another issuer" in result["message"] or "altro emittente" in result["message"]


@pytest.mark.parametrize("algorithm", ["RS256", "EdDSA"])
def test_a_jwt_whose_kid_belongs_to_another_issuer_does_not_verify(signed_award, other_award, badge_class, algorithm):
    forged = vc_jwt.encode(other_award.credential, keys.active_key(badge_class.issuer), algorithm)
    assert _payload(forged)["iss"] == other_award.badge_class.issuer.did
    result = verification.verify(forged)
    assert not result["verified"] and result["code"] == "wrong_issuer", result


@pytest.mark.parametrize("algorithm", ["RS256", "EdDSA"])
def test_the_jwt_download_follows_open_badges_section_8_2(client, signed_award, badge_class, algorithm):
    url = reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": "jwt"})
    response = client.get(url, {"alg": algorithm})
    assert response.status_code == 200
    token = response.content.decode()
    header, payload = _header(token), _payload(token)
    credential = signed_award.credential
    assert set(header) == {"alg", "kid", "typ"} and header["alg"] == algorithm and header["typ"] == "JWT"
    assert "vc" not in payload
    assert payload["id"] == payload["jti"] == credential["id"]
    assert payload["iss"] == credential["issuer"]["id"] == badge_class.issuer.did
    assert payload["sub"] == credential["credentialSubject"]["identifier"][0]["identityHash"]
    assert payload["nbf"] == int(signed_award.awarded_at.replace(microsecond=0).timestamp())
    assert payload["credentialSubject"] == credential["credentialSubject"]
    # The kid dereferences, in the published DID document, to a JWK with no private part.
    did = client.get("/.well-known/did.json").json()
    method = next(m for m in did["verificationMethod"] if m["id"] == header["kid"])
    assert method["controller"] == badge_class.issuer.did and "d" not in method["publicKeyJwk"]
    assert header["kid"] in did["assertionMethod"]
    assert method["publicKeyJwk"]["kty"] == ("RSA" if algorithm == "RS256" else "OKP")
    verified = jwt.decode(token, jwt.PyJWK(method["publicKeyJwk"], algorithm=algorithm).key, algorithms=[algorithm],
                          options={"verify_nbf": False})
    assert verified["jti"] == credential["id"]
    assert verification.verify(token)["verified"]
    answer = client.post(VERIFY, token, content_type="text/plain", HTTP_ACCEPT="application/json")
    assert answer.status_code == 200 and answer.json()["verified"] is True


def test_the_old_vc_claim_form_and_disagreeing_claims_are_refused(signed_award, badge_class):
    key = keys.active_key(badge_class.issuer)
    credential = {k: v for k, v in signed_award.credential.items() if k != "proof"}
    wrapped = jwt.encode({"vc": credential, "iss": badge_class.issuer.did, "jti": credential["id"], "nbf": 1},
                         keys.private_key_object(key), algorithm="EdDSA",
                         headers={"kid": keys.method_id(key, keys.ED25519_JWK), "typ": "JWT"})
    assert verification.verify(wrapped)["code"] == "not_a_credential"
    good = _payload(vc_jwt.encode(signed_award.credential, key))
    for claim, value in (("jti", "urn:uuid:00000000-0000-0000-0000-000000000000"), ("nbf", good["nbf"] - 3600),
                         ("sub", "sha256$0")):
        claims = dict(good, **{claim: value})
        token = jwt.encode(claims, keys.private_key_object(key), algorithm="EdDSA",
                           headers={"kid": keys.method_id(key, keys.ED25519_JWK), "typ": "JWT"})
        result = verification.verify(token)
        assert result["code"] == "tampered" and claim in result["detail"], (claim, result)
    missing_sub = {k: v for k, v in good.items() if k != "sub"}
    token = jwt.encode(missing_sub, keys.private_key_object(key), algorithm="EdDSA",
                       headers={"kid": keys.method_id(key, keys.ED25519_JWK), "typ": "JWT"})
    assert verification.verify(token)["code"] == "tampered"
    # A Multikey kid is not a JWK: the JWT must name a JsonWebKey method.
    multikey = jwt.encode(good, keys.private_key_object(key), algorithm="EdDSA",
                          headers={"kid": key.verification_method, "typ": "JWT"})
    assert verification.verify(multikey)["code"] == "unknown_key"


def test_after_a_compromise_no_form_verifies_until_staff_reissue(client, signed_award, badge_class, capsys):
    issuer = badge_class.issuer
    download = reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": "jwt"})
    old_jwt = client.get(download).content.decode()
    old_rsa_jwt = client.get(download, {"alg": "RS256"}).content.decode()
    assert verification.verify(old_jwt)["verified"]
    call_command("fd_badges_rotate_key", issuer.domain, "--compromised")
    client.cookies["django_language"] = "en"
    response = client.get(download)
    assert response.status_code == 410 and response.json()["error"] == "key_withdrawn", response.content
    assert "reissue" in response.json()["message"]
    for form in ("json", "png", "svg"):
        body = client.get(reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": form}))
        assert body.status_code == 200
    for old in (signed_award.credential, old_jwt, old_rsa_jwt):
        assert verification.verify(old)["code"] == "unknown_key"
    call_command("fd_badges_reissue", issuer.domain)
    assert "Reissued: 1 awards" in capsys.readouterr().out
    reissued = Award.objects.get(pk=signed_award.pk)
    assert reissued.credential["proof"]["verificationMethod"] == keys.active_key(issuer).verification_method
    assert reissued.credential["id"] == signed_award.credential["id"]
    assert verification.verify(reissued.credential)["verified"]
    new_jwt = client.get(download)
    assert new_jwt.status_code == 200 and verification.verify(new_jwt.content.decode())["verified"]
    assert verification.verify(old_jwt)["code"] == "unknown_key"


def test_unknown_jwt_algorithm_in_the_download_is_a_400(client, signed_award):
    url = reverse("fd_badges:award_download", kwargs={"uuid": signed_award.uuid, "fmt": "jwt"})
    response = client.get(url, {"alg": "none"})
    assert response.status_code == 400 and response.json()["error"] == "unknown_algorithm"


@pytest.mark.parametrize("change", [
    {"type": ["VerifiableCredential", {"a": 1}]},
    {"type": [["VerifiableCredential"], "OpenBadgeCredential"]},
    {"@context": 5},
    {"issuer": ["did:web:testserver"]},
    {"issuer": {"id": {"a": 1}}},
    {"validFrom": 20260101},
    {"credentialSubject": "me"},
    {"proof": {"type": ["DataIntegrityProof"], "cryptosuite": {"x": 1}}},
    {"proof": dict.fromkeys(("type", "cryptosuite", "proofPurpose", "verificationMethod", "proofValue"), [])},
])
def test_credentials_with_parts_of_the_wrong_type_are_not_valid_not_a_500(client, signed_award, change):
    credential = dict(copy.deepcopy(signed_award.credential), **change)
    response = client.post(VERIFY, json.dumps(credential), content_type="application/json",
                           HTTP_ACCEPT="application/json")
    assert response.status_code == 422, response.content
    assert response.json()["verified"] is False and response.json()["message"]


def test_the_issue_example_answers_not_valid(client, db):
    response = client.post(VERIFY, json.dumps({"type": ["VerifiableCredential", {"a": 1}]}),
                           content_type="application/json", HTTP_ACCEPT="application/json")
    assert response.status_code == 422 and response.json()["code"] == "not_a_credential"

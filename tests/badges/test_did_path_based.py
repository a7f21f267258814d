"""did:web in both forms: host-based (/.well-known/did.json) and path-based (/fd/badges/did.json)."""
import json

import pytest

from fd_badges import awarding
from fd_badges.credentials import keys

VERIFY = "/fd/badges/verify/"


@pytest.fixture
def path_based(settings):
    settings.FD_BADGES_DID_PATH_BASED = True
    keys.forget_keys()
    yield
    keys.forget_keys()


def test_host_based_is_the_default_and_has_no_path_document(client, issuer):
    keys.active_key(issuer)
    assert issuer.did == "did:web:testserver"
    assert client.get("/.well-known/did.json").json()["id"] == "did:web:testserver"
    assert client.get("/fd/badges/did.json").status_code == 404


def test_path_based_did_is_resolved_at_its_path(client, issuer, path_based):
    key = keys.active_key(issuer)
    assert issuer.did == "did:web:testserver:fd:badges"
    response = client.get("/fd/badges/did.json")
    assert response.status_code == 200
    document = response.json()
    assert document["id"] == "did:web:testserver:fd:badges"
    assert document["verificationMethod"][0]["id"] == f"did:web:testserver:fd:badges#{key.key_id}"
    assert client.get("/.well-known/did.json").status_code == 404


def test_a_credential_signed_with_a_path_based_did_verifies_and_names_it(client, signed_award, path_based):
    signed_award.credential = None
    signed_award.save()
    credential = awarding.complete(signed_award).credential
    assert credential["proof"]["verificationMethod"].startswith("did:web:testserver:fd:badges#")
    result = client.post(VERIFY, data=json.dumps(credential), content_type="application/json").json()
    assert result["verified"] is True, result


def test_a_did_with_another_path_names_no_key(issuer):
    key = keys.active_key(issuer)
    assert keys.find_key(f"did:web:testserver:elsewhere#{key.key_id}") is None
    assert keys.find_key(f"did:web:testserver#{key.key_id}") == key

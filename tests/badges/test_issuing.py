"""Awarding, signing and verifying a badge end to end in one process (no worker)."""
import copy
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from fd_badges import awarding, verification
from fd_badges.credentials import data_integrity, keys
from fd_badges.models import Award
from fd_badges.signals import badge_awarded


def test_signed_credential_is_an_open_badge_that_verifies(signed_award):
    credential = signed_award.credential
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert credential["issuer"]["id"] == "did:web:testserver"
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert credential["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] == "1.1"
    result = verification.verify(credential)
    assert result["verified"], result


def test_learner_gets_an_email_and_the_signal_once(badge_class, learner):
    received = []

    def on_award(sender, **kwargs):
        received.append(kwargs)

    badge_awarded.connect(on_award)
    try:
        award, created = awarding.award(learner, badge_class)
        awarding.complete(award)
        awarding.complete(award)
        again, created_again = awarding.award(learner, badge_class)
    finally:
        badge_awarded.disconnect(on_award)
    assert created and not created_again and again.pk == award.pk
    assert [item["badge_class_slug"] for item in received] == ["open-data-101"]
    assert len(mail.outbox) == 1 and "learner@example.org" in mail.outbox[0].to


def test_tampered_credential_fails_with_reason(signed_award):
    credential = copy.deepcopy(signed_award.credential)
    credential["credentialSubject"]["achievement"]["name"] = "Dottorato in open data"
    result = verification.verify(credential)
    assert not result["verified"] and result["code"] == "tampered"


def test_expired_credential_fails_with_reason(signed_award):
    later = timezone.now() + timedelta(days=3650)
    award = signed_award
    Award.objects.filter(pk=award.pk).update(expires_at=timezone.now() + timedelta(days=1), credential=None)
    award.refresh_from_db()
    awarding.sign(award)
    assert verification.verify(award.credential)["verified"]
    result = verification.verify(award.credential, now=later)
    assert result["code"] == "expired"


def test_revoked_credential_fails_with_reason(signed_award):
    assert verification.verify(signed_award.credential)["verified"]
    awarding.revoke(signed_award, "issued by mistake")
    result = verification.verify(signed_award.credential)
    assert not result["verified"] and result["code"] == "revoked"


def test_unknown_key_fails_with_reason(signed_award):
    credential = copy.deepcopy(signed_award.credential)
    credential["proof"]["verificationMethod"] = "did:web:testserver#key-that-never-existed"
    assert verification.verify(credential)["code"] == "unknown_key"


def test_rotation_keeps_old_credentials_valid_and_compromise_withdraws_them(signed_award, badge_class):
    issuer = badge_class.issuer
    old_method = signed_award.credential["proof"]["verificationMethod"]
    new_key = keys.rotate(issuer)
    assert new_key.verification_method != old_method
    assert verification.verify(signed_award.credential)["verified"]
    document = keys.did_document(issuer)
    assert old_method in document["assertionMethod"] and new_key.verification_method in document["assertionMethod"]
    keys.rotate(issuer, compromised=True)
    assert verification.verify(signed_award.credential)["code"] == "verified"  # old key retired, not compromised
    keys.withdraw(issuer.keys.get(key_id=old_method.split("#")[1]))
    assert verification.verify(signed_award.credential)["code"] == "unknown_key"


def test_private_key_is_never_stored_in_clear(issuer):
    key = keys.active_key(issuer)
    raw = keys.private_key_object(key).private_bytes_raw()
    assert raw.hex() not in key.encrypted_private_key and raw not in key.encrypted_private_key.encode()
    assert key.encrypted_private_key.startswith("gAAAA")  # a Fernet token


def test_key_encrypted_with_another_secret_cannot_sign(issuer, settings):
    key = keys.active_key(issuer)
    settings.FD_BADGES_KEY_ENCRYPTION_SECRET = "another secret"
    keys._private_key.cache_clear()
    with pytest.raises(keys.IssuerKeyError):
        keys.sign_bytes(key, b"data")
    keys._private_key.cache_clear()


def test_proof_covers_the_proof_options(signed_award):
    credential = copy.deepcopy(signed_award.credential)
    credential["proof"]["created"] = "2001-01-01T00:00:00Z"
    with pytest.raises(data_integrity.ProofError) as error:
        data_integrity.verify(credential)
    assert error.value.code == "tampered"


def test_api_lists_and_awards(badge_class, learner, django_capture_on_commit_callbacks):
    from fd_badges import api

    assert [item["slug"] for item in api.badge_classes()] == ["open-data-101"]
    with django_capture_on_commit_callbacks() as callbacks:
        award_uuid, created = api.award_badge(learner, "open-data-101", narrative="Bravo")
    assert created and len(callbacks) == 1
    assert api.award_badge(learner, "open-data-101")[1] is False
    assert [item["uuid"] for item in api.learner_awards(learner)] == [award_uuid]
    awarding.complete(Award.objects.get(uuid=award_uuid))
    assert api.verify_credential(Award.objects.get(uuid=award_uuid).credential)["verified"]

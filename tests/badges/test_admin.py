"""Admin: badge classes with their rules and the bulk-award link, key rotation, no private key shown."""
from django.contrib.auth import get_user_model
from django.urls import reverse

from fd_badges.credentials import keys


def _admin_client(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    return client


def test_badge_class_pages_show_rules_and_bulk_link(client, badge_class):
    client = _admin_client(client)
    listing = client.get(reverse("admin:fd_badges_badgeclass_changelist")).content.decode()
    assert reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}) in listing
    change = client.get(reverse("admin:fd_badges_badgeclass_change", args=[badge_class.pk]))
    assert change.status_code == 200 and "rules-TOTAL_FORMS" in change.content.decode()


def test_issuer_page_shows_public_keys_only_and_rotates(client, issuer):
    key = keys.active_key(issuer)
    client = _admin_client(client)
    page = client.get(reverse("admin:fd_badges_issuer_change", args=[issuer.pk])).content.decode()
    assert key.public_key_multibase in page and key.encrypted_private_key not in page
    client.post(reverse("admin:fd_badges_issuer_changelist"),
                {"action": "rotate_key", "_selected_action": [issuer.pk]})
    assert keys.active_key(issuer).pk != key.pk
    assert key.verification_method in keys.did_document(issuer)["assertionMethod"]


def test_admin_revoke_action(client, signed_award):
    client = _admin_client(client)
    client.post(reverse("admin:fd_badges_award_changelist"),
                {"action": "revoke", "_selected_action": [signed_award.pk]})
    signed_award.refresh_from_db()
    assert signed_award.is_revoked

"""The only door into fd_badges for other packages (with ``signals.py`` for what it announces)."""
from .models import Award, BadgeClass

__all__ = ["award_badge", "badge_classes", "learner_awards", "verify_credential"]


def badge_classes(active_only=True):
    """``[{"slug", "name", "description", "course_key"}]`` of the badge classes, in the current language."""
    queryset = BadgeClass.objects.filter(active=True) if active_only else BadgeClass.objects.all()
    return [{"slug": badge.slug, "name": badge.name, "description": badge.description,
             "course_key": str(badge.course_key) if badge.course_key else None} for badge in queryset]


def learner_awards(user):
    """The learner's awards: ``[{"uuid", "slug", "name", "awarded_at", "revoked", "signed"}]``."""
    awards = Award.objects.filter(user=user).select_related("badge_class")
    return [{"uuid": str(award.uuid), "slug": award.badge_class.slug, "name": award.badge_class.name,
             "awarded_at": award.awarded_at, "revoked": award.is_revoked, "signed": bool(award.credential)}
            for award in awards]


def award_badge(user, slug, narrative="", awarded_by=None):
    """Award a badge class by hand (no rules checked), once; signing and notification are queued.

    Returns ``(award_uuid, created)``.
    """
    from django.db import transaction

    from . import awarding, queueing

    badge_class = BadgeClass.objects.get(slug=slug)
    award, created = awarding.award(user, badge_class, source=Award.MANUAL, awarded_by=awarded_by,
                                    narrative=narrative)
    # The award is saved; a broker outage only delays signing and the e-mail (the sweep does them).
    transaction.on_commit(lambda: queueing.enqueue_completion([award.pk]))
    return str(award.uuid), created


def verify_credential(credential):
    """Verify a credential (dict or VC-JWT string): ``{"verified", "code", "message", ...}``."""
    from .verification import verify

    return verify(credential)

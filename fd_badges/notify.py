"""Tell the learner (e-mail) and other apps (openedx-events BADGE_AWARDED, our badge_awarded)."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from . import signals
from .urls_helpers import absolute

log = logging.getLogger(__name__)


def _user_language(user):
    return getattr(settings, "LANGUAGE_CODE", "it")[:2]


def send_award_email(award, connection=None):
    """The learner's e-mail about ``award`` (none if they have no address), over ``connection`` if given."""
    user = award.user
    if not user.email:
        return
    with translation.override(_user_language(user)):
        context = {"award": award, "badge": award.badge_class, "user": user,
                   "url": absolute(award.badge_class.issuer, "fd_badges:award_page", uuid=award.uuid)}
        subject = render_to_string("fd_badges/email/awarded_subject.txt", context).strip()
        body = render_to_string("fd_badges/email/awarded_body.txt", context)
    send_mail(subject, body, getattr(settings, "DEFAULT_FROM_EMAIL", None), [user.email], connection=connection)


def _openedx_event(award, signal_name):
    try:
        from openedx_events.learning import data as events_data
        from openedx_events.learning import signals as events_signals
    except ImportError:  # pragma: no cover - openedx-events is a dependency
        return
    signal = getattr(events_signals, signal_name, None)
    if signal is None or not hasattr(events_data, "BadgeData"):
        return
    user = award.user
    badge_class = award.badge_class
    badge = events_data.BadgeData(
        uuid=str(award.uuid),
        user=events_data.UserData(
            id=user.id, is_active=user.is_active,
            pii=events_data.UserPersonalData(username=user.username, email=user.email,
                                             name=user.get_full_name()),
        ),
        template=events_data.BadgeTemplateData(
            uuid=str(badge_class.slug), origin="fd_badges", name=badge_class.name,
            description=badge_class.description,
            image_url=absolute(badge_class.issuer, "fd_badges:class_image", slug=badge_class.slug),
        ),
    )
    signal.send_event(badge=badge)


def _badge_awarded(award):
    signals.badge_awarded.send(
        sender=award.__class__, user_id=award.user_id, badge_class_slug=award.badge_class.slug,
        award_uuid=str(award.uuid), course_key=str(award.badge_class.course_key or "") or None,
        awarded_at=award.awarded_at,
    )


# The side effects of an award, each run (at least once) and recorded by ``completion.announce_many``.
EFFECTS = {
    "email": send_award_email,
    "openedx_event": lambda award: _openedx_event(award, "BADGE_AWARDED"),
    "badge_awarded": _badge_awarded,
}


def awarded(award):
    for effect in EFFECTS.values():
        effect(award)


def revoked(award, reason):
    try:
        _openedx_event(award, "BADGE_REVOKED")
    except Exception:  # an event bus misconfiguration must not undo the revocation
        log.exception("Could not send BADGE_REVOKED for award %s", award.uuid)
    signals.badge_revoked.send(
        sender=award.__class__, user_id=award.user_id, badge_class_slug=award.badge_class.slug,
        award_uuid=str(award.uuid), course_key=str(award.badge_class.course_key or "") or None,
        awarded_at=award.awarded_at, reason=reason,
    )

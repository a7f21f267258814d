"""Database models of fd_badges: issuers and their keys, badge classes and rules, awards, facts."""
import uuid

from django.conf import settings
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

HTTP_URL = URLValidator(schemes=["http", "https"])
DOMAIN = RegexValidator(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$",
                        _("A host name such as lms.example.org (with an optional :port), in lower case."))


def _localised(obj, field):
    language = (get_language() or "it")[:2]
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_it", "") or getattr(obj, f"{field}_en", "")


class BilingualNameMixin:
    """``name`` and ``description`` in the request's language, from the ``*_it`` / ``*_en`` fields."""

    @property
    def name(self):
        return _localised(self, "name")

    @property
    def description(self):
        return _localised(self, "description")


# Where fd_badges serves a path-based DID document: did:web:<host>:fd:badges -> /fd/badges/did.json.
DID_PATH = ("fd", "badges")


class Issuer(BilingualNameMixin, models.Model):
    """
    The organisation that issues badges, identified by ``did:web:<domain>``.

    .. no_pii:
    """

    domain = models.CharField(_("domain"), max_length=191, unique=True, validators=[DOMAIN],
                              help_text=_("Host name (and optional port) where /.well-known/did.json is served."))
    name_it = models.CharField(_("name (Italian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    url = models.URLField(_("web site"), max_length=300, validators=[HTTP_URL])
    email = models.EmailField(_("contact e-mail"), blank=True)
    description_it = models.TextField(_("description (Italian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")

    def __str__(self):
        return self.name_it

    @property
    def did(self):
        did = "did:web:" + self.domain.replace(":", "%3A")
        if getattr(settings, "FD_BADGES_DID_PATH_BASED", False):
            did += ":" + ":".join(DID_PATH)
        return did

    @property
    def base_url(self):
        scheme = "http" if self.domain.split(":")[0] in ("localhost", "127.0.0.1", "testserver") else "https"
        return f"{scheme}://{self.domain}"


class SigningKey(models.Model):
    """
    An Ed25519 key of an issuer. The private key is stored only encrypted (see ``keys.py``).

    Retired keys stay in the DID document so credentials they signed still verify; a key marked
    compromised is removed from it.

    .. no_pii:
    """

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    key_id = models.CharField(max_length=64)
    public_key_multibase = models.CharField(max_length=64)
    encrypted_private_key = models.TextField(editable=False)
    # The RSA twin of the key, for VC-JWTs signed with RS256 (the algorithm every Open Badges 3.0
    # verifier must accept); private half encrypted like the Ed25519 one.
    rsa_public_jwk = models.JSONField(null=True, blank=True, editable=False)
    encrypted_rsa_private_key = models.TextField(blank=True, default="", editable=False)
    created = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)
    compromised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "key_id"], name="fd_badges_unique_key_id")]
        ordering = ["created", "id"]

    def __str__(self):
        return self.verification_method

    @property
    def verification_method(self):
        return f"{self.issuer.did}#{self.key_id}"

    @property
    def is_active(self):
        return self.retired_at is None and self.compromised_at is None


class BadgeClass(BilingualNameMixin, models.Model):
    """
    A badge that learners can earn: texts in Italian and English, image, criteria, rules.

    .. no_pii:
    """

    ALL, ANY = "all", "any"
    slug = models.SlugField(max_length=100, unique=True)
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="badge_classes")
    name_it = models.CharField(_("name (Italian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_it = models.TextField(_("description (Italian)"))
    description_en = models.TextField(_("description (English)"))
    criteria_it = models.TextField(_("criteria (Italian)"), help_text=_("What a learner must do, in plain words."))
    criteria_en = models.TextField(_("criteria (English)"))
    image = models.ImageField(_("image (PNG)"), upload_to="fd_badges/", blank=True)
    image_alt_it = models.CharField(_("image text alternative (Italian)"), max_length=200, blank=True)
    image_alt_en = models.CharField(_("image text alternative (English)"), max_length=200, blank=True)
    course_key = CourseKeyField(_("course"), max_length=191, blank=True, null=True)
    digcomp_alignment = models.JSONField(
        _("DigComp alignment"), default=list, blank=True,
        help_text=_('List of {"code": "4.2", "name": "..."} for the DigComp competences this badge attests.'))
    rule_operator = models.CharField(_("rules combine with"), max_length=3, default=ALL,
                                     choices=[(ALL, _("all rules (AND)")), (ANY, _("any rule (OR)"))])
    valid_days = models.PositiveIntegerField(_("valid for days"), null=True, blank=True,
                                             help_text=_("Empty: the badge never expires."))
    active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("badge class")
        verbose_name_plural = _("badge classes")
        ordering = ["slug"]

    def __str__(self):
        return f"{self.slug}: {self.name_it}"


    @property
    def criteria(self):
        return _localised(self, "criteria")

    @property
    def image_alt(self):
        return _localised(self, "image_alt") or self.name


class BadgeRule(models.Model):
    """
    One machine rule of a badge class; a class's rules combine with its ``rule_operator``.

    .. no_pii:
    """

    COURSE_PASSED = "course_passed"
    BLOCKS_COMPLETED = "blocks_completed"
    DIGCOMP_LEVEL = "digcomp_level"
    KINDS = [
        (COURSE_PASSED, _("passed a course")),
        (BLOCKS_COMPLETED, _("completed N blocks of a type or DigComp tag in a course")),
        (DIGCOMP_LEVEL, _("reached a DigComp level in a competence or area")),
    ]
    badge_class = models.ForeignKey(BadgeClass, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=32, choices=KINDS)
    course_key = CourseKeyField(max_length=191, blank=True, null=True)
    block_type = models.CharField(max_length=64, blank=True, help_text=_("e.g. fd_video_pill"))
    digcomp_tag = models.CharField(max_length=16, blank=True, help_text=_('A competence id such as "4.2".'))
    count = models.PositiveIntegerField(default=1)
    digcomp_target = models.CharField(max_length=16, blank=True,
                                      help_text=_('A competence ("4.2") or an area ("4").'))
    level = models.PositiveSmallIntegerField(default=1, help_text=_("Proficiency level 1-8."))

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")

    def __str__(self):
        return f"{self.kind} {self.course_key or ''} {self.digcomp_target or self.digcomp_tag}"


class Award(models.Model):
    """
    A badge awarded to a learner, with its signed credential.

    .. pii: the learner (user FK), their e-mail hashed with a salt inside the credential, the
       narrative written by staff.
    .. pii_types: id, email_address, other
    .. pii_retirement: local_api (the retirement receiver revokes the award and erases the
       learner, narrative, evidence and credential; the row stays so the revocation bit stays set)
    """

    AUTO, MANUAL, BULK, SWEEP = "auto", "manual", "bulk", "sweep"
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="fd_badge_awards")
    badge_class = models.ForeignKey(BadgeClass, on_delete=models.PROTECT, related_name="awards")
    awarded_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=8, default=AUTO)
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    narrative = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True)
    credential = models.JSONField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "badge_class"], name="fd_badges_one_award")]
        ordering = ["-awarded_at", "-id"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.badge_class.slug} -> {self.user_id}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class AwardEffect(models.Model):
    """
    One side effect of an award, as an outbox row: the e-mail to the learner, openedx-events
    ``BADGE_AWARDED``, our ``badge_awarded`` signal. ``done_at`` is set only after the effect ran, so
    a worker killed in between leaves the row pending and the sweep runs the effect again (at least
    once; the receivers count by award id). ``claimed_at`` keeps two workers from running it at once.

    .. no_pii:
    """

    EMAIL, OPENEDX_EVENT, SIGNAL = "email", "openedx_event", "badge_awarded"
    EFFECTS = (EMAIL, OPENEDX_EVENT, SIGNAL)
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="effects")
    effect = models.CharField(max_length=16, choices=[(name, name) for name in EFFECTS])
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["award", "effect"], name="fd_badges_one_effect")]

    def __str__(self):
        return f"{self.effect} of award {self.award_id}"


class BulkAwardJob(models.Model):
    """
    A bulk award from a CSV file, with its progress; large files are read and awarded on the worker.

    .. pii: the CSV text (usernames or e-mails, kept only until the job has run), the staff member
       who sent it, the ids of the learners it awarded, the unknown names it reported.
    .. pii_types: id, email_address, username
    .. pii_retirement: retained (staff records of who was awarded what; the text is erased when done)
    """

    QUEUED, RUNNING, AWARDED, FAILED = "queued", "running", "awarded", "failed"
    token = models.CharField(max_length=32, unique=True)
    badge_class = models.ForeignKey(BadgeClass, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    narrative = models.TextField(blank=True)
    csv_text = models.TextField(blank=True)
    status = models.CharField(max_length=8, default=QUEUED)
    rows = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    user_ids = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "updated"], name="fd_badges_bulk_job_status")]

    def __str__(self):
        return f"bulk {self.badge_class_id} {self.status} {self.processed}/{self.rows}"


class LearnerFact(models.Model):
    """
    What the rules need to know about a learner, recorded when the event arrives (no broker needed).

    .. pii: the learner (user id), which course they passed and their DigComp levels.
    .. pii_types: id, other
    .. pii_retirement: local_api (deleted by the retirement receiver)
    """

    COURSE_PASSED = "course_passed"
    DIGCOMP_COMPETENCE = "digcomp_competence"
    DIGCOMP_AREA = "digcomp_area"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32)
    key = models.CharField(max_length=191)
    value = models.IntegerField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="fd_badges_one_fact")]


class PendingEvaluation(models.Model):
    """
    A learner whose badges must be (re)evaluated; written with the event, done by the task or sweep.

    .. pii: the learner (user id).
    .. pii_types: id
    .. pii_retirement: local_api (deleted by the retirement receiver)
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=191)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created", "id"]

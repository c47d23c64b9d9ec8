"""Subscribers and their consent, joint-newsletter issues and sections, digests,
and the Delivery rows that make bulk mail crash-safe (DESIGN.md "Mail")."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from centres.models import Centre
from knowledge.models import Approach
from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Language, Sector

# The consent text people agree to when they subscribe. Its version and hash are
# stored with every subscription, so we can show later what someone agreed to.
# The English text is the record (its hash is stored with each consent); the
# pages show its translation of the same version (gettext_noop marks it for the
# catalogues without translating it here).
CONSENT_TEXT = gettext_noop(
    "I agree that the P2I Portal sends me the e-mails I choose here (the joint "
    "newsletter of the Innovation Procurement Task Force and digests of new "
    "resources and events) and keeps my address, my choices and the time, "
    "address and browser of this consent for that purpose. I can change my "
    "choices or unsubscribe at any time from a link in every e-mail."
)
CONSENT_VERSION = "2026-11"
CONSENT_HASH = hashlib.sha256(CONSENT_TEXT.encode()).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def not_suppressed(self):
        return self.exclude(email__in=Suppression.objects.values("email"))

    def newsletter_audience(self):
        """Everyone who may receive the joint newsletter right now."""
        return self.confirmed().filter(wants_newsletter=True).not_suppressed()

    def digest_audience(self, frequency):
        return self.confirmed().filter(digest_frequency=frequency).not_suppressed()


class Subscriber(TimeStampedModel):
    """One e-mail address and its choices. Network-wide (not owned by a centre)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Frequency(models.TextChoices):
        NONE = "none", _("No digest")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    email = models.EmailField(_("e-mail address"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriptions",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.EN
    )
    country = CountryField(_("country"), blank=True)
    # Preferences: each list on its own, so leaving one keeps the others.
    wants_newsletter = models.BooleanField(_("joint newsletter"), default=True)
    digest_frequency = models.CharField(
        _("digest"), max_length=10, choices=Frequency.choices, default=Frequency.NONE
    )
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("sectors"),
        default=list,
        blank=True,
    )
    approaches = ArrayField(
        models.CharField(max_length=30, choices=Approach.choices),
        verbose_name=_("procurement approaches"),
        default=list,
        blank=True,
    )
    centres = models.ManyToManyField(
        Centre, verbose_name=_("centres"), blank=True, related_name="+"
    )
    # Consent record (double opt-in): what, when, from where.
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_ip = models.GenericIPAddressField(null=True, blank=True)
    consent_user_agent = models.CharField(max_length=400, blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    consent_hash = models.CharField(max_length=64, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    bounce_score = models.PositiveIntegerField(default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        indexes = [
            models.Index(
                fields=["status", "wants_newsletter"], name="nl_sub_audience_idx"
            ),
            models.Index(
                fields=["status", "digest_frequency"], name="nl_sub_digest_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="nl_subscriber_email_lowercase",
            ),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def get_sectors_display(self):
        labels = dict(Sector.choices)
        return [labels.get(s, s) for s in self.sectors]


class ConfirmationToken(models.Model):
    """A single-use, expiring double opt-in link; only its hash is stored."""

    VALID_FOR = timedelta(hours=72)

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="confirmation_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"confirmation for {self.subscriber_id}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, token_hash(token)

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Suppression(models.Model):
    """An address we never send bulk mail to again (hard bounce, complaint, …)."""

    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("Hard bounce")
        COMPLAINT = "complaint", _("Spam complaint")
        SOFT_BOUNCES = "soft_bounces", _("Too many soft bounces")
        MANUAL = "manual", _("Added by hand")

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.reason})"


class BounceEvent(models.Model):
    """One bounce or complaint report, as received (webhook or bounce mailbox)."""

    class Kind(models.TextChoices):
        HARD = "hard", _("Hard bounce")
        SOFT = "soft", _("Soft bounce")
        COMPLAINT = "complaint", _("Complaint")

    class Source(models.TextChoices):
        WEBHOOK = "webhook", _("Webhook")
        MAILBOX = "mailbox", _("Bounce mailbox")

    email = models.EmailField(db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} {self.email}"


class IssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=Issue.Status.SENT)

    def due(self, now=None):
        return self.filter(
            status=Issue.Status.SCHEDULED, scheduled_at__lte=now or timezone.now()
        )

    def open_for_contributions(self):
        return self.filter(
            status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED],
            contributions_open=True,
        )


class Issue(TimeStampedModel):
    """One issue of the joint task-force newsletter, composed by the coordinator."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    preheader = models.CharField(
        _("preview text"),
        max_length=200,
        blank=True,
        help_text=_("One line that mail programs show next to the subject."),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Markdown. Opens the issue.")
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    contributions_open = models.BooleanField(
        _("open for contributions from centres"), default=True
    )
    contribution_deadline = models.DateField(
        _("contributions due by"), null=True, blank=True
    )
    # Audience: every confirmed subscriber of the joint newsletter, optionally
    # narrowed; an empty list means "no narrowing" on that axis.
    audience_languages = ArrayField(
        models.CharField(max_length=5, choices=Language.choices),
        verbose_name=_("only these languages"),
        default=list,
        blank=True,
    )
    audience_countries = ArrayField(
        models.CharField(max_length=2),
        verbose_name=_("only these countries"),
        default=list,
        blank=True,
    )
    audience_sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("only people interested in these sectors"),
        default=list,
        blank=True,
    )
    audience_approaches = ArrayField(
        models.CharField(max_length=30, choices=Approach.choices),
        verbose_name=_("only people interested in these approaches"),
        default=list,
        blank=True,
    )
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)  # fan-out complete
    # Last sign of the fan-out; the reaper restarts one that went silent.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [("compose_issue", "Can compose the joint newsletter")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(scheduled_at__isnull=False),
                name="nl_issue_scheduled_has_time",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletters:issue-detail", kwargs={"slug": self.slug})

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)


class SectionQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Section.Status.ACCEPTED)

    def for_centre(self, centre):
        return self.filter(centre=centre)


class SectionManager(models.Manager.from_queryset(SectionQuerySet)):
    pass


class Section(TimeStampedModel):
    """A part of an issue. Centre-private while it is a contribution: a centre or
    task-force project writes it in its workspace and the coordinator accepts or
    returns it. `centre` is null for the coordinator's own editorial sections
    (the coordinator's office is the network itself, DESIGN.md)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned with a comment")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="sections")
    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="newsletter_sections",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    resources = models.ManyToManyField(
        "knowledge.Resource",
        verbose_name=_("resources from the knowledge base"),
        blank=True,
        related_name="+",
    )
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("upcoming events"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(_("comment for the centre"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedManager(centre="centre", _manager_class=SectionManager)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_editable_by_centre(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class SectionTranslation(TimeStampedModel):
    """A section in another language than English, written by the coordinator.

    A subscriber gets the translation in her language where there is one and
    the section as written otherwise. The body is Markdown like the section's
    and goes through the same sanitising renderer."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "language"], name="nl_section_translation_once"
            ),
            models.CheckConstraint(
                condition=~Q(language=settings.LANGUAGE_CODE),
                name="nl_section_translation_not_default",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class Digest(models.Model):
    """One digest period (e.g. weekly 2026-W47); each subscriber gets it once."""

    frequency = models.CharField(max_length=10, choices=Subscriber.Frequency.choices)
    period = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["frequency", "period"], name="nl_digest_one_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.frequency} digest {self.period}"


class DeliveryQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=Delivery.Status.QUEUED)

    def due(self, now=None):
        return self.queued().filter(not_before__lte=now or timezone.now())

    def lease_expired(self, lease: timedelta):
        """SENDING rows whose lease was not renewed within `lease` (by the
        database's clock, which every worker shares)."""
        return self.filter(status=Delivery.Status.SENDING, claimed_at__lt=Now() - lease)

    def of_campaign(self, *, issue_id=None, digest_id=None):
        if issue_id is not None:
            return self.filter(issue_id=issue_id)
        return self.filter(digest_id=digest_id)


class Delivery(models.Model):
    """One bulk e-mail to one subscriber: the row is the truth, the broker only
    rings the bell. Unique per (issue, subscriber) and per (digest, subscriber)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (unsubscribed or suppressed)")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    digest = models.ForeignKey(
        Digest, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # What a digest contains, fixed when it is assembled: {"resources": [...], ...}
    content = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(default=timezone.now)
    # A claim is a lease: `claimed_at` is renewed while the batch is being sent,
    # and `claim_token` names the batch that holds it, so a worker that lost its
    # lease (the reaper re-queued the row) no longer sends or marks it.
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"],
                condition=Q(issue__isnull=False),
                name="nl_delivery_once_per_issue",
            ),
            models.UniqueConstraint(
                fields=["digest", "subscriber"],
                condition=Q(digest__isnull=False),
                name="nl_delivery_once_per_digest",
            ),
            models.CheckConstraint(
                condition=Q(issue__isnull=False, digest__isnull=True)
                | Q(issue__isnull=True, digest__isnull=False),
                name="nl_delivery_issue_xor_digest",
            ),
        ]
        indexes = [
            models.Index(
                fields=["issue", "status", "not_before"], name="nl_deliv_issue_idx"
            ),
            models.Index(
                fields=["digest", "status", "not_before"], name="nl_deliv_digest_idx"
            ),
            models.Index(
                fields=["status", "claimed_at"],
                name="nl_deliv_claims_idx",
                condition=Q(status="sending"),
            ),
        ]

    def __str__(self):
        return f"delivery {self.pk} ({self.status})"


class SendChainQuerySet(models.QuerySet):
    def of_campaign(self, *, issue_id=None, digest_id=None):
        if issue_id is not None:
            return self.filter(issue_id=issue_id)
        return self.filter(digest_id=digest_id)

    def silent(self, after: timedelta):
        """Chains that have not shown a sign of life within `after`, or are idle."""
        return self.filter(Q(beat_at__isnull=True) | Q(beat_at__lt=Now() - after))


class SendChain(models.Model):
    """One of the NEWSLETTER_PARALLEL sending chains of a campaign.

    A chain is a run of deliveries_send tasks, each ringing the next. The chain's
    current task carries `token`; it renews `beat_at` while it works. The reaper
    replaces a chain that went silent (its worker died, or its next task could not
    be queued) by giving the slot a new token and ringing it; a task holding an old
    token then ends without ringing a successor, so each slot runs one chain."""

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    digest = models.ForeignKey(
        Digest, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    slot = models.PositiveSmallIntegerField()
    token = models.CharField(max_length=32, blank=True)
    # Null: idle (ended with nothing left to claim); may be rung at once.
    beat_at = models.DateTimeField(null=True, blank=True)

    objects = SendChainQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "slot"],
                condition=Q(issue__isnull=False),
                name="nl_chain_slot_per_issue",
            ),
            models.UniqueConstraint(
                fields=["digest", "slot"],
                condition=Q(digest__isnull=False),
                name="nl_chain_slot_per_digest",
            ),
            models.CheckConstraint(
                condition=Q(issue__isnull=False, digest__isnull=True)
                | Q(issue__isnull=True, digest__isnull=False),
                name="nl_chain_issue_xor_digest",
            ),
        ]

    def __str__(self):
        return f"chain {self.slot} of {self.issue_id or self.digest_id}"

"""Advice requests: questions procurers ask a centre, the desk's conversation
with them, and the reminder record of the response-time clock.

Requests are centre-private (a scoped manager on the request's centre). A
request without a centre is the coordinator's queue; a visitor's request is
not on any desk until its address is confirmed (`confirmed_at`).
"""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from centres.models import Centre
from knowledge.models import Approach
from p2i_portal.models import SignedLinkMixin, TimeStampedModel
from p2i_portal.vocab import Sector

DEFAULT_RESPONSE_DAYS = 5


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days (Monday to Friday) after `start`."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality or city")
    REGION = "region", _("Regional authority")
    NATIONAL = "national", _("National or federal authority")
    AGENCY = "agency", _("Central purchasing body or agency")
    HEALTH = "health", _("Hospital or health authority")
    UTILITY = "utility", _("Utility or public company")
    EDUCATION = "education", _("University, school or research body")
    OTHER = "other", _("Other public body")


class AdviceSettings(models.Model):
    """A centre's desk settings (one row per centre, made on first use)."""

    centre = models.OneToOneField(
        Centre, on_delete=models.CASCADE, related_name="advice_settings"
    )
    response_days = models.PositiveSmallIntegerField(
        _("first reply due within (working days)"),
        default=DEFAULT_RESPONSE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )

    def __str__(self):
        return f"{self.centre}: {self.response_days}"


class AdviceRequestQuerySet(models.QuerySet):
    OPEN = ("new", "in_progress", "waiting")

    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_centre(self, centre):
        return self.filter(centre=centre)

    def unrouted(self):
        return self.filter(centre__isnull=True)

    def open(self):
        return self.filter(status__in=self.OPEN)

    def awaiting_first_reply(self):
        return self.open().filter(first_replied_at__isnull=True)

    def of_user(self, user):
        return self.filter(user=user)


class AdviceRequest(SignedLinkMixin, TimeStampedModel):
    """Centre-private: one question of a procurer, on one centre's desk."""

    LINK_SALT = "advice.request"

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        WAITING = "waiting", _("Waiting for the procurer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    centre = models.ForeignKey(
        Centre,
        verbose_name=_("centre"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advice_requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_requests",
    )
    name = models.CharField(_("your name"), max_length=150, blank=True)
    email = models.EmailField(_("your e-mail address"))
    language = models.CharField(max_length=7, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    question = models.TextField(_("your question"), max_length=10000)
    country = CountryField(_("country of your organisation"))
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    approach = models.CharField(
        _("procurement approach"),
        max_length=30,
        choices=Approach.choices,
        blank=True,
    )
    consent_publish = models.BooleanField(
        _("an anonymised version may be published"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    due_on = models.DateField(_("first reply due"), null=True, blank=True)
    first_replied_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    qa_resource = models.ForeignKey(
        "knowledge.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedManager(
        centre="centre",
        _manager_class=models.Manager.from_queryset(AdviceRequestQuerySet),
    )

    class Meta:
        ordering = ["-confirmed_at", "-created_at"]
        indexes = [
            models.Index(fields=["centre", "status"], name="advice_centre_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="advice_closed_has_time",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in AdviceRequestQuerySet.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def clock(self, today: date | None = None) -> str:
        """'' (no first reply owed), 'on_time', 'due' (today) or 'overdue'."""
        if not self.due_on or self.first_replied_at or not self.is_open:
            return ""
        today = today or timezone.localdate()
        if today > self.due_on:
            return "overdue"
        if today == self.due_on:
            return "due"
        return "on_time"

    def follow_url(self) -> str:
        """Her page for this request: in My requests when it is hers by account,
        else the signed link."""
        if self.user_id:
            return reverse("advice:mine-detail", kwargs={"pk": self.pk})
        return reverse("advice:follow", kwargs={"token": self.token("follow")})

    def confirm_url(self) -> str:
        return reverse("advice:confirm", kwargs={"token": self.token("confirm")})


class AdviceMessage(models.Model):
    """Centre-private: one entry of a request's thread."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply to the procurer")
        PROCURER = "procurer", _("Message from the procurer")
        NOTE = "note", _("Internal note")
        TRANSFER = "transfer", _("Transfer note")

    VISIBLE_TO_PROCURER = (Kind.REPLY, Kind.PROCURER)

    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    centre = models.ForeignKey(
        Centre, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(max_length=10000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ScopedManager(centre="request__centre")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} on {self.request_id}"


def advice_attachment_path(instance, filename):
    # Never under a public media prefix: files are served by the desk's view.
    return f"advice/{uuid.uuid4().hex}/{filename}"


class AdviceAttachment(models.Model):
    """Centre-private: a file the procurer sent with her question, checked by
    content as the knowledge base checks its attachments."""

    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=advice_attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    file_type = models.CharField(max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(centre="request__centre")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name


class AdviceReminder(models.Model):
    """The one reminder of a request's first-reply clock (unique per request)."""

    request = models.OneToOneField(
        AdviceRequest, on_delete=models.CASCADE, related_name="reminder"
    )
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"reminder {self.request_id}"

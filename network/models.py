"""Models of the network console: onboarding of new centres, the project behind
the network and its partner organisations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from centres.models import (
    Centre,
    FundingProgramme,
    funding_statement,
    grant_agreement_validator,
)
from centres.validators import validate_logo
from p2i_portal.models import TimeStampedModel

from .indicators import Granularity


class MilestoneDefinitionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)


class MilestoneDefinition(TimeStampedModel):
    """Network-wide: one step every new centre goes through, defined once by the
    coordinator. Retired definitions keep their centres' milestones but are not
    given to centres whose onboarding starts later."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    due_offset_days = models.PositiveIntegerField(
        _("due after (days)"),
        help_text=_("Days after the start of the centre's onboarding."),
    )
    evidence_expected = models.BooleanField(_("evidence expected"), default=False)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    objects = MilestoneDefinitionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("milestone definition")
        verbose_name_plural = _("milestone definitions")

    def __str__(self):
        return self.title

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class CentreOnboarding(TimeStampedModel):
    """A centre in onboarding: when it started (the milestones' due dates count
    from here) and who started it."""

    centre = models.OneToOneField(
        Centre, on_delete=models.CASCADE, related_name="onboarding"
    )
    started_on = models.DateField(_("onboarding start"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("centre onboarding")

    def __str__(self):
        return f"{self.centre} ({self.started_on})"


class MilestoneQuerySet(models.QuerySet):
    def for_centre(self, centre):
        return self.filter(centre=centre)

    def applicable(self):
        return self.exclude(status=Milestone.Status.NOT_APPLICABLE)

    def open(self):
        return self.filter(
            status__in=[Milestone.Status.NOT_STARTED, Milestone.Status.IN_PROGRESS]
        )

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_within(self, days: int, today=None):
        """Open and due from today up to `days` days ahead (not yet overdue)."""
        today = today or timezone.localdate()
        return self.open().filter(
            due_on__gte=today, due_on__lte=today + timedelta(days=days)
        )


evidence_url_validator = URLValidator(schemes=["http", "https"])


class Milestone(TimeStampedModel):
    """Centre-private: one centre's progress on one milestone definition."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="milestones"
    )
    definition = models.ForeignKey(
        MilestoneDefinition, on_delete=models.PROTECT, related_name="milestones"
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    note = models.TextField(_("note"), blank=True, max_length=4000)
    evidence_url = models.URLField(
        _("evidence link"),
        blank=True,
        max_length=500,
        validators=[evidence_url_validator],
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedManager(
        centre="centre", _manager_class=models.Manager.from_queryset(MilestoneQuerySet)
    )

    class Meta:
        ordering = ["definition__order", "definition__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "definition"], name="uniq_milestone_per_centre"
            ),
            models.CheckConstraint(
                condition=Q(status="done", completed_at__isnull=False)
                | (~Q(status="done") & Q(completed_at__isnull=True)),
                name="milestone_completed_iff_done",
            ),
        ]

    def __str__(self):
        return f"{self.centre.short_name}: {self.definition.title}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NOT_STARTED, self.Status.IN_PROGRESS)

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())


class MilestoneComment(models.Model):
    """Centre-private: a remark on a milestone by the centre, its buddy or the
    coordinator. Plain text (shown escaped, line breaks kept)."""

    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ScopedManager(centre="milestone__centre")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"


class MilestoneReminder(models.Model):
    """Centre-private: the reminder sent for one milestone at one stage; the
    unique pair is what makes the reminder task send at most once."""

    class Stage(models.TextChoices):
        DUE_SOON = "due_soon", _("Due in 7 days")
        OVERDUE = "overdue", _("Overdue")

    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="reminders"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices)
    recipients = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(centre="milestone__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "stage"], name="uniq_reminder_per_stage"
            ),
        ]

    def __str__(self):
        return f"{self.milestone} – {self.stage}"


class CentreStatusChange(models.Model):
    """Public: one change of Centre.status (the first row has no old status),
    recorded by network.status_history whatever path changed it."""

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="status_changes"
    )
    old_status = models.CharField(
        _("previous status"), max_length=20, choices=Centre.Status.choices, blank=True
    )
    new_status = models.CharField(
        _("status"), max_length=20, choices=Centre.Status.choices
    )
    changed_on = models.DateField(_("date"), default=timezone.localdate)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_on", "pk"]
        verbose_name = _("centre status change")

    def __str__(self):
        return f"{self.centre}: {self.old_status or '–'} → {self.new_status}"


class PartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_order(self):
        return self.order_by("order", "organisation", "pk")


class Partner(TimeStampedModel):
    """Network-shared: one partner organisation of the project, shown on About.

    Written only by the coordinator (network/services.py); `order` is the
    position in the public list, smallest first.
    """

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        COMMUNICATION = "communication", _("Communication and dissemination")
        CENTRE_HOST = "centre_host", _("Competence centre host")
        PARTNER = "partner", _("Partner")
        ASSOCIATE = "associate", _("Associate partner")

    organisation = models.CharField(_("organisation"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    country = CountryField(_("country"), blank=True)
    role = models.CharField(
        _("role in the project"),
        max_length=20,
        choices=Role.choices,
        default=Role.PARTNER,
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        validators=[validate_logo],
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("listed publicly"), default=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "organisation", "pk"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.organisation

    @property
    def display_name(self) -> str:
        """The short name where there is one (BME), else the organisation."""
        return self.short_name or self.organisation


class ProjectIdentity(TimeStampedModel):
    """The one EU project behind the network (Procure2Innovate) and its
    funding line; a single row (pk 1), edited by the coordinator.

    The grant agreement number stays blank until someone enters the real one:
    the funding statement is then shown without a number.
    """

    SINGLETON_PK = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_PK)
    name = models.CharField(_("project name"), max_length=120)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    partner_count = models.PositiveSmallIntegerField(
        _("number of partner organisations"),
        help_text=_("As the grant agreement counts them, listed here or not."),
    )
    funding_programme = models.CharField(
        _("EU funding programme"),
        max_length=30,
        choices=FundingProgramme.choices,
        blank=True,
    )
    grant_agreement = models.CharField(
        _("grant agreement number"),
        max_length=10,
        blank=True,
        validators=[grant_agreement_validator],
        help_text=_("Leave blank when unknown: the statement is shown without it."),
    )

    class Meta:
        verbose_name = _("project identity")
        verbose_name_plural = _("project identity")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="project_identity_single"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="project_identity_years_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def funding_statement(self) -> str:
        return funding_statement(self.funding_programme, self.grant_agreement)

    PUBLIC_FACTS = {
        "name": "Procure2Innovate",
        "start_year": 2018,
        "end_year": 2022,
        "partner_count": 17,
        "funding_programme": FundingProgramme.HORIZON_2020,
    }

    @classmethod
    def current(cls) -> "ProjectIdentity":
        """The row, created with the public facts of Procure2Innovate if missing
        (for writers: the edit form, the demo data)."""
        identity, _created = cls.objects.get_or_create(
            pk=cls.SINGLETON_PK, defaults=cls.PUBLIC_FACTS
        )
        return identity

    @classmethod
    def read(cls) -> "ProjectIdentity":
        """The row, or the public facts unsaved if it is missing: a page that
        shows it writes nothing (a write would make the cached pages stale)."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(
            pk=cls.SINGLETON_PK, **cls.PUBLIC_FACTS
        )


def export_upload_to(instance, filename: str) -> str:
    """A folder nobody can guess per file: the name alone never opens it, and the
    download view checks who asks anyway."""
    return f"network/exports/{secrets.token_urlsafe(24)}/{filename}"


class ReportExportQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(
            status__in=[ReportExport.Status.QUEUED, ReportExport.Status.RUNNING]
        )

    def downloadable_by(self, user):
        """THE way to reach exports: the coordinator may fetch every one, anybody
        else only the ones they asked for."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.acts_as_coordinator:
            return self.all()
        return self.filter(requested_by=user)

    def expired(self, now=None):
        return self.filter(expires_at__lt=now or timezone.now())


class ReportExport(models.Model):
    """One file of figures and lists for a period, built by a Celery task.

    `centre` None: the whole network (only the coordinator asks for that).
    The file is kept until `expires_at`; then the beat task deletes it and the row.
    """

    class Format(models.TextChoices):
        XLSX = "xlsx", _("Excel workbook (XLSX)")
        CSV = "csv", _("CSV files in a ZIP archive")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    FINAL = (Status.DONE, Status.FAILED)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_exports",
        verbose_name=_("requested by"),
    )
    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_exports",
        verbose_name=_("centre"),
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    granularity = models.CharField(
        _("broken down by"),
        max_length=10,
        choices=Granularity.CHOICES,
        default=Granularity.MONTH,
    )
    format = models.CharField(
        _("format"), max_length=4, choices=Format.choices, default=Format.XLSX
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    file = models.FileField(
        _("file"), upload_to=export_upload_to, max_length=255, blank=True
    )
    error_message = models.TextField(_("error message"), blank=True)
    # The language of the page it was asked from: the file's headings are in it.
    language = models.CharField(max_length=7, default="en")
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kept until"), null=True, blank=True)

    objects = ReportExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        indexes = [
            models.Index(fields=["requested_by", "status"]),
            models.Index(fields=["expires_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_export_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="report_export_progress_max_100"
            ),
        ]

    def __str__(self):
        return f"{self.get_format_display()} {self.period_start}–{self.period_end}"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at < (now or timezone.now())

    @property
    def download_name(self) -> str:
        """The name the browser saves the file under (scope and period)."""
        scope = self.centre.slug if self.centre_id else "network"
        extension = "xlsx" if self.format == self.Format.XLSX else "zip"
        return (
            f"p2i-report-{scope}-{self.period_start.isoformat()}"
            f"-{self.period_end.isoformat()}.{extension}"
        )

    @property
    def content_type(self) -> str:
        if self.format == self.Format.XLSX:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return "application/zip"

"""Models of the network console: reporting exports."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from .indicators import Granularity


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

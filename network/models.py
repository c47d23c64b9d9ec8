"""Models of the network console."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from centres.models import Centre
from p2i_portal.models import TimeStampedModel

# --- Onboarding of new centres ---------------------------------------------


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

"""Cross-border cooperation: buyers' procurement plans and their matches,
joint-procurement initiatives, open market consultations and profiles."""

from datetime import date

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from centres.models import Centre
from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Sector

# Plans


class BudgetRange(models.TextChoices):
    UNDER_140K = "lt140k", _("Under €140,000")
    TO_1M = "140k-1m", _("€140,000 to €1 million")
    TO_5M = "1m-5m", _("€1 million to €5 million")
    TO_20M = "5m-20m", _("€5 million to €20 million")
    OVER_20M = "gt20m", _("Over €20 million")
    UNKNOWN = "unknown", _("Not decided yet")


def sees_shared_plans(user) -> bool:
    """Plans not made public are for signed-in procurers and centre staff (and
    the coordinator), not for suppliers or other accounts."""
    if user is None or not user.is_authenticated:
        return False
    return bool(
        user.profile_role == user.ProfileRole.PROCURER
        or user.is_coordinator
        or user.centre_roles()
    )


class ProcurementPlanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ProcurementPlan.Status.OPEN)

    def public(self):
        return self.filter(visibility=ProcurementPlan.Visibility.PUBLIC)

    def visible_to(self, user):
        """What a person may read: withdrawn plans only by their owner; the
        plans shared with signed-in people only by procurers and centre staff
        (sees_shared_plans); her own always."""
        qs = self.exclude(status=ProcurementPlan.Status.WITHDRAWN)
        if user is None or not user.is_authenticated:
            return qs.public()
        if not sees_shared_plans(user):
            qs = qs.public()
        return qs | self.filter(owner=user)

    def editable_by(self, user):
        """The one way to reach plans for a change: her own, nobody else's."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def of_country(self, country):
        return self.filter(country=country)

    def overlapping(self, start, end):
        return self.filter(start_month__lte=end, end_month__gte=start)


class ProcurementPlan(TimeStampedModel):
    """Network-shared: a buyer's intention to buy, matched with other buyers'."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Visibility(models.TextChoices):
        SIGNED_IN = "signed_in", _("Signed-in procurers and centre staff")
        PUBLIC = "public", _("Everyone (public)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="procurement_plans",
    )
    organisation = models.CharField(_("your organisation"), max_length=200)
    title = models.CharField(_("what you need"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    cpv_codes = ArrayField(
        models.CharField(max_length=10), verbose_name=_("CPV codes"), size=20
    )
    # Derived from cpv_codes at write time, so that matching is one indexed query.
    cpv_groups = ArrayField(models.CharField(max_length=3), default=list)
    cpv_divisions = ArrayField(models.CharField(max_length=2), default=list)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    country = CountryField(_("country"))
    start_month = models.DateField(_("procurement starts"))
    end_month = models.DateField(_("procurement ends"))
    budget_range = models.CharField(
        _("budget"), max_length=10, choices=BudgetRange.choices
    )
    joint_procurement = models.BooleanField(
        _("open to joint procurement"), default=False
    )
    visibility = models.CharField(
        _("who may see it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SIGNED_IN,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProcurementPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            GinIndex(fields=["cpv_groups"], name="plan_cpv_groups_gin"),
            models.Index(fields=["status", "country"], name="plan_status_country_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_month__gte=models.F("start_month")),
                name="plan_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_at__isnull=False),
                name="plan_closed_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def overlaps(self, other) -> bool:
        return (
            self.start_month <= other.end_month and self.end_month >= other.start_month
        )


def month_start(value: date) -> date:
    return value.replace(day=1)


class PlanInterest(models.Model):
    """Another buyer's "express interest" on a plan: at most one per person."""

    plan = models.ForeignKey(
        ProcurementPlan, on_delete=models.CASCADE, related_name="interests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="plan_interests",
    )
    organisation = models.CharField(_("your organisation"), max_length=200)
    country = CountryField(_("your country"))
    message = models.TextField(_("message"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "user"], name="plan_interest_once_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.plan_id}"


class JointInitiativeQuerySet(models.QuerySet):
    def for_centre(self, centre):
        return self.filter(centre=centre)

    def visible_to(self, user):
        """Public only when every plan in it is public; procurers and centre
        staff (sees_shared_plans) see all."""
        if sees_shared_plans(user):
            return self.all()
        return self.exclude(
            plans__visibility=ProcurementPlan.Visibility.SIGNED_IN
        ).exclude(plans__status=ProcurementPlan.Status.WITHDRAWN)


class JointInitiative(TimeStampedModel):
    """A joint-procurement initiative a centre facilitates between two or more
    buyers' plans."""

    class Status(models.TextChoices):
        EXPLORING = "exploring", _("Exploring")
        PREPARING = "preparing", _("Preparing the joint procurement")
        PROCURING = "procuring", _("Procuring")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")

    centre = models.ForeignKey(
        Centre,
        verbose_name=_("facilitating centre"),
        on_delete=models.PROTECT,
        related_name="joint_initiatives",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    next_steps = models.TextField(
        _("next steps"),
        max_length=5000,
        blank=True,
        help_text=_("One step per line."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.EXPLORING
    )
    plans = models.ManyToManyField(
        ProcurementPlan, related_name="initiatives", verbose_name=_("plans")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = JointInitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:initiative", kwargs={"pk": self.pk})

    @property
    def steps(self) -> list[str]:
        return [s.strip() for s in self.next_steps.splitlines() if s.strip()]

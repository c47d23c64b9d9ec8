"""Cross-border cooperation: buyers' procurement plans and their matches,
joint-procurement initiatives, open market consultations and profiles."""

import uuid
from datetime import date

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from centres.models import Centre
from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Language, Sector

# Open market consultations ---------------------------------------------------

MAX_QUESTIONS = 10


def challenge_attachment_path(instance, filename):
    # Never under a public media prefix: files are served by views that check
    # who may see them.
    return f"challenges/{uuid.uuid4().hex}/{filename}"


class ChallengeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Challenge.Status.PUBLISHED)

    def for_centre(self, centre):
        return self.filter(centre=centre)

    def of_buyer(self, user):
        return self.filter(buyer=user)

    def open(self, today=None):
        return self.published().filter(deadline__gte=today or timezone.localdate())

    def closed(self, today=None):
        return self.published().filter(deadline__lt=today or timezone.localdate())

    def visible_to(self, user):
        """THE read rule: published challenges for everyone; a draft or one
        under review for its buyer and the staff of its centre."""
        if not getattr(user, "is_authenticated", False):
            return self.published()
        return self.filter(
            Q(status=Challenge.Status.PUBLISHED)
            | Q(buyer=user)
            | Q(centre__in=Centre.objects.workspaces_for(user))
        )

    def summarisable_by(self, user):
        """Who may publish the summary: the buyer and her centre's staff."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(buyer=user) | Q(centre__in=Centre.objects.workspaces_for(user))
        )

    def reviewable_by(self, user):
        """THE write rule of the workspace: challenges of the user's centres."""
        return self.filter(centre__in=Centre.objects.workspaces_for(user))


class Challenge(TimeStampedModel):
    """An open market consultation: a buyer's problem and questions to the
    market, published by her centre and answered by suppliers until the
    deadline (inclusive, in the portal's time zone)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for the centre's review")
        PUBLISHED = "published", _("Published")

    centre = models.ForeignKey(
        Centre,
        verbose_name=_("centre"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    organisation = models.CharField(_("buying organisation"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem"), max_length=10000)
    known = models.TextField(_("what is already known"), max_length=10000, blank=True)
    questions = ArrayField(
        models.CharField(max_length=500),
        verbose_name=_("questions to the market"),
        size=MAX_QUESTIONS,
    )
    deadline = models.DateField(_("deadline for answers"))
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.EN
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    country = CountryField(_("country"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    review_note = models.TextField(_("note from the centre"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    attachment = models.FileField(
        upload_to=challenge_attachment_path, max_length=300, blank=True
    )
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    summary = models.TextField(_("summary of the answers"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    summary_published_at = models.DateTimeField(null=True, blank=True)
    case_study = models.ForeignKey(
        "knowledge.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="challenge_search_gin"),
            models.Index(fields=["status", "deadline"], name="challenge_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="challenge_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(summary_published_at__isnull=True) | Q(status="published"),
                name="challenge_summary_only_published",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_open(self) -> bool:
        """Published and the deadline not passed: suppliers may answer."""
        return self.is_published and timezone.localdate() <= self.deadline

    @property
    def is_closed(self) -> bool:
        return self.is_published and timezone.localdate() > self.deadline


class ChallengeAnswerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """THE rule for answers: its supplier, the challenge's buyer and the
        staff of the challenge's centre; nobody else."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(supplier=user)
            | Q(challenge__buyer=user)
            | Q(challenge__centre__in=Centre.objects.workspaces_for(user))
        )

    def of_supplier(self, user):
        return self.filter(supplier=user)


class ChallengeAnswer(TimeStampedModel):
    """Centre-private: a supplier's answer to a challenge, one per supplier,
    with an answer per question (in the order of the questions)."""

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="answers"
    )
    supplier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="challenge_answers",
    )
    organisation = models.CharField(_("your organisation"), max_length=200)
    answers = ArrayField(
        models.TextField(max_length=5000, blank=True),
        verbose_name=_("answers to the questions"),
        size=MAX_QUESTIONS,
        default=list,
    )
    general = models.TextField(_("general answer"), max_length=10000, blank=True)
    attachment = models.FileField(
        upload_to=challenge_attachment_path, max_length=300, blank=True
    )
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)

    objects = ScopedManager(
        centre="challenge__centre",
        _manager_class=models.Manager.from_queryset(ChallengeAnswerQuerySet),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "supplier"], name="uniq_challenge_answer"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} on {self.challenge_id}"

    def pairs(self) -> list[tuple[str, str]]:
        """(question, answer) in the order of the questions."""
        answers = list(self.answers) + [""] * len(self.challenge.questions)
        return list(zip(self.challenge.questions, answers, strict=False))


# Profiles


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """THE filter of who sees which profile: public ones for everyone, the
        signed-in users' ones for any signed-in user, a hidden one only for its
        owner (not even the coordinator: it is opt-in)."""
        if not getattr(user, "is_authenticated", False):
            return self.public()
        return self.filter(Q(visibility__in=Profile.SHOWN) | Q(user=user))

    def public(self):
        return self.filter(visibility=Profile.Visibility.PUBLIC)

    def listed(self):
        """Not hidden: what a directory may list (before `visible_to`)."""
        return self.filter(visibility__in=Profile.SHOWN)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def in_country(self, country):
        return self.filter(country=country)

    def in_sector(self, sector):
        return self.filter(sectors__contains=[sector])

    def named(self, words):
        return self.filter(organisation__icontains=words)


class Profile(TimeStampedModel):
    """Network-shared, owned by one person: her organisation as a buyer or a
    supplier. Hidden until she chooses who may see it."""

    class Kind(models.TextChoices):
        BUYER = "buyer", _("Public buyer")
        SUPPLIER = "supplier", _("Supplier")

    class Visibility(models.TextChoices):
        HIDDEN = "hidden", _("Only me (hidden)")
        SIGNED_IN = "signed_in", _("Signed-in users of the portal")
        PUBLIC = "public", _("Everyone (public)")

    class Contact(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        WEBSITE = "website", _("Through our website")
        CENTRE = "centre", _("Through our national competence centre")
        NONE = "none", _("I do not wish to be contacted")

    SHOWN = (Visibility.SIGNED_IN, Visibility.PUBLIC)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cooperation_profile",
    )
    kind = models.CharField(_("I am"), max_length=10, choices=Kind.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("sectors"),
        default=list,
        size=len(Sector.values),
    )
    about = models.TextField(_("what we have bought or what we offer"), max_length=5000)
    # Rendered and sanitised by the service at write time (knowledge.markdown).
    about_html = models.TextField(blank=True, editable=False)
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact = models.CharField(
        _("how to contact us"),
        max_length=10,
        choices=Contact.choices,
        default=Contact.CENTRE,
    )
    visibility = models.CharField(
        _("who may see this profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
        db_index=True,
    )

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "pk"]
        indexes = [
            models.Index(
                fields=["visibility", "kind", "country"],
                name="coop_profile_directory_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["buyer", "supplier"]),
                name="coop_profile_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["hidden", "signed_in", "public"]),
                name="coop_profile_visibility_valid",
            ),
            models.CheckConstraint(
                condition=~Q(organisation=""), name="coop_profile_has_organisation"
            ),
        ]

    def __str__(self):
        return self.organisation

    def get_absolute_url(self):
        return reverse("profiles:detail", kwargs={"pk": self.pk})

    @property
    def is_hidden(self) -> bool:
        return self.visibility == self.Visibility.HIDDEN

    def get_sectors_display(self) -> list[str]:
        labels = dict(Sector.choices)
        return [str(labels.get(s, s)) for s in self.sectors]


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

    @property
    def joinable(self) -> bool:
        """Whether a centre may take it into a joint-procurement initiative:
        open, and its buyer open to joint procurement."""
        return self.is_open and self.joint_procurement

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

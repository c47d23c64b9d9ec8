"""The shared knowledge base: tools, best practices, case studies and more."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from centres.models import Centre, CentreOwnedQuerySet, Role
from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Language, Sector


class Approach(models.TextChoices):
    PCP = "pcp", _("Pre-commercial procurement")
    PPI = "ppi", _("Public procurement of innovation")
    PARTNERSHIP = "partnership", _("Innovation partnership")
    DIALOGUE = "dialogue", _("Competitive dialogue")
    MARKET_CONSULTATION = "market_consultation", _("Open market consultation")
    DESIGN_CONTEST = "design_contest", _("Design contest")
    JOINT = "joint", _("Joint or cross-border procurement")


class Licence(models.TextChoices):
    CC_BY_SA_4 = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC_BY_4 = "cc-by-4.0", _("CC BY 4.0")
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def is_network_staff(user) -> bool:
    """Whether `user` is staff of any centre (the coordinator included), as
    Centre.objects.workspaces_for says, from what the user object remembers of
    its roles and 2FA (User.centre_roles), so a list of abilities asks only once."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.privileges_locked:
        return False
    return user.is_coordinator or bool(user.centre_roles())


class ResourceQuerySet(CentreOwnedQuerySet):
    def published(self):
        return self.filter(status=Resource.Status.PUBLISHED)

    def public(self):
        """What an anonymous visitor may see: published and public."""
        return self.published().filter(visibility=Resource.Visibility.PUBLIC)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def listed_for(self, user):
        """What browse, search and feeds show `user`: published, and public —
        or network-only too when the user is centre staff or the coordinator."""
        public = Q(
            status=Resource.Status.PUBLISHED, visibility=Resource.Visibility.PUBLIC
        )
        if is_network_staff(user):
            return self.filter(status=Resource.Status.PUBLISHED)
        return self.filter(public)

    def visible_to(self, user):
        """What `user` may open: what is listed for them, plus every state of their
        own centres' resources (the coordinator: everything). Both follow
        Centre.objects.workspaces_for, so an account whose two-factor sign-in is
        missing sees what a procurer sees."""
        if getattr(user, "is_authenticated", False) and user.acts_as_coordinator:
            return self.all()
        listed = self.listed_for(user)
        if not getattr(user, "is_authenticated", False):
            return listed
        return self.filter(
            Q(pk__in=listed.values("pk"))
            | Q(centre__in=Centre.objects.workspaces_for(user))
        )


class Resource(TimeStampedModel):
    """One piece of knowledge a centre publishes for the whole network."""

    class Kind(models.TextChoices):
        TOOL = "tool", _("Tool")
        BEST_PRACTICE = "best_practice", _("Best practice")
        CASE_STUDY = "case_study", _("Case study")
        REPORT = "report", _("Report or publication")
        OPINION_PAPER = "opinion_paper", _("Expert opinion paper")
        TRAINING = "training", _("Training material")
        QUESTION_ANSWER = "question_answer", _("Question and answer")

    class ToolType(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        CHECKLIST = "checklist", _("Checklist")
        MODEL_TENDER = "model_tender", _("Model tender document")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        NETWORK = "network", _("Network only (signed-in centre staff)")

    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name=_("centre"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    tool_type = models.CharField(
        _("type of tool"), max_length=20, choices=ToolType.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), max_length=1000)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.EN
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
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
    tags = ArrayField(
        models.CharField(max_length=50),
        verbose_name=_("topics"),
        default=list,
        blank=True,
    )
    countries = ArrayField(
        models.CharField(max_length=2),
        verbose_name=_("countries concerned"),
        default=list,
        blank=True,
    )
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY_SA_4
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    external_links = models.JSONField(_("external links"), default=list, blank=True)
    translation_group = models.UUIDField(default=uuid.uuid4, db_index=True)
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("related resources")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Case studies (kind == case_study)
    buyer = models.CharField(_("buyer (public body)"), max_length=250, blank=True)
    case_country = models.CharField(_("country of the case"), max_length=2, blank=True)
    case_year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    contract_value_eur = models.DecimalField(
        _("contract value (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    procedure = models.CharField(_("procedure"), max_length=200, blank=True)
    cpv_codes = ArrayField(
        models.CharField(max_length=12),
        verbose_name=_("CPV codes"),
        default=list,
        blank=True,
    )
    ted_url = models.URLField(_("TED notice"), blank=True)
    outcome = models.TextField(_("outcome and results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)

    # Written by services in the same transaction as the content they index
    # (services.resource_index), with the configuration of its language
    # (textsearch.search_config_for): search_vector is matched, rank_vector
    # (title, summary, topics) ranks.
    search_vector = SearchVectorField(null=True, editable=False)
    rank_vector = SearchVectorField(null=True, editable=False)
    search_config = models.CharField(
        max_length=20, default="p2i_simple", editable=False
    )
    # The pairs of lexemes next to each other in search_vector ('market consult'),
    # kept in step by PostgreSQL (migration 0010): a quoted phrase is looked up by
    # its pairs on their own index before its words' positions are checked.
    phrase_vector = models.GeneratedField(
        expression=models.Func(
            models.F("search_vector"),
            function="p2i_phrase_bigrams",
            output_field=SearchVectorField(),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "slug"], name="uniq_resource_slug_per_centre"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="resource_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(contract_value_eur__isnull=True)
                | Q(contract_value_eur__gte=0),
                name="resource_contract_value_not_negative",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="resource_search_gin"),
            GinIndex(fields=["phrase_vector"], name="resource_phrase_gin"),
            GinIndex(
                fields=["title"], name="resource_title_trgm", opclasses=["gin_trgm_ops"]
            ),
            GinIndex(fields=["sectors"], name="resource_sectors_gin"),
            GinIndex(fields=["approaches"], name="resource_approaches_gin"),
            GinIndex(fields=["countries"], name="resource_countries_gin"),
            models.Index(
                fields=["status", "visibility", "-published_at"],
                name="resource_listing_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "knowledge:resource-detail",
            kwargs={"centre_slug": self.centre.slug, "slug": self.slug},
        )

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.visibility == self.Visibility.PUBLIC
        )

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    def get_abilities(self, user) -> dict[str, bool]:
        role = self.centre.role_of(user)
        is_staff = role is not None
        is_manager = role == Role.MANAGER
        editable = self.status in (self.Status.DRAFT, self.Status.IN_REVIEW)
        return {
            "retrieve": self.is_public
            or is_staff
            or (
                self.status == self.Status.PUBLISHED
                and getattr(user, "is_authenticated", False)
                and is_network_staff(user)
            ),
            "update": is_staff and (editable or is_manager),
            "partial_update": is_staff and (editable or is_manager),
            "submit": is_staff and self.status == self.Status.DRAFT,
            "publish": is_manager
            and self.status in (self.Status.DRAFT, self.Status.IN_REVIEW),
            "send_back": is_manager and self.status == self.Status.IN_REVIEW,
            "archive": is_manager and self.status == self.Status.PUBLISHED,
            "destroy": is_manager and self.status == self.Status.DRAFT,
        }


def attachment_path(instance, filename):
    return f"knowledge/{instance.resource.centre.slug}/{uuid.uuid4().hex}/{filename}"


class Attachment(TimeStampedModel):
    """A file of a resource, checked by content when uploaded."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    file_type = models.CharField(max_length=10)  # pdf, docx, xlsx, odt, pptx
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.title


class Revision(models.Model):
    """Centre-private history of a resource: who changed what, and when."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="revisions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=80)
    changes = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ScopedManager(centre="resource__centre")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.action} {self.resource_id}"

"""The network's own records: the project behind it and its partner organisations."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from centres.models import (
    FundingProgramme,
    funding_statement,
    grant_agreement_validator,
)
from centres.validators import validate_logo
from p2i_portal.models import TimeStampedModel


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

    @classmethod
    def current(cls) -> "ProjectIdentity":
        """The row, created with the public facts of Procure2Innovate if missing."""
        identity, _created = cls.objects.get_or_create(
            pk=cls.SINGLETON_PK,
            defaults={
                "name": "Procure2Innovate",
                "start_year": 2018,
                "end_year": 2022,
                "partner_count": 17,
                "funding_programme": FundingProgramme.HORIZON_2020,
            },
        )
        return identity

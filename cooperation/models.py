"""Cross-border cooperation: buyers' procurement plans and their matches,
joint-procurement initiatives, open market consultations and profiles."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Sector

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

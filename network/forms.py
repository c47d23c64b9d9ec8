"""Forms of the network console."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Partner, ProjectIdentity


class PartnerForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = [
            "organisation",
            "short_name",
            "country",
            "role",
            "website",
            "logo",
            "is_active",
        ]
        help_texts = {
            "logo": _("PNG, JPEG or WebP, at most 2 MB; shown on the About page."),
            "is_active": _("Untick to keep the partner here without showing it."),
        }


class PartnerMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class ProjectIdentityForm(forms.ModelForm):
    class Meta:
        model = ProjectIdentity
        fields = [
            "name",
            "start_year",
            "end_year",
            "partner_count",
            "funding_programme",
            "grant_agreement",
        ]

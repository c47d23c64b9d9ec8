"""Forms of profiles: her own profile, and the directory's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from p2i_portal.vocab import Sector

from .models import Profile


class ProfileForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I am"), choices=Profile.Kind.choices, widget=forms.RadioSelect
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—")])
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
    )
    about = forms.CharField(
        label=_("What we have bought or what we offer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italic*, lists and links."),
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        max_length=300,
        required=False,
        assume_scheme="https",
    )
    contact = forms.ChoiceField(
        label=_("How to contact us"),
        choices=Profile.Contact.choices,
        widget=forms.RadioSelect,
        help_text=_("“By e-mail” shows your account's address on your profile."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see this profile"),
        choices=Profile.Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_("Nobody else sees it until you choose to show it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the page's language, not the one active at import.
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs["autocomplete"] = "url"

    def clean_organisation(self):
        value = self.cleaned_data["organisation"].strip()
        if not value:
            raise forms.ValidationError(_("Give the name of your organisation."))
        return value

    def clean_about(self):
        value = self.cleaned_data["about"].strip()
        if not value:
            raise forms.ValidationError(_("Say what you have bought or offer."))
        return value

    @classmethod
    def initial_of(cls, profile: Profile) -> dict:
        return {
            "kind": profile.kind,
            "organisation": profile.organisation,
            "country": str(profile.country),
            "sectors": profile.sectors,
            "about": profile.about,
            "website": profile.website,
            "contact": profile.contact,
            "visibility": profile.visibility,
        }


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Profile.Kind.choices],
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("Any country"))]
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("Any sector")), *Sector.choices],
    )

    def __init__(self, *args, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(countries)
        self.fields["country"].choices = [
            ("", _("Any country")),
            *sorted(((c, names.get(c, c)) for c in country_codes), key=lambda x: x[1]),
        ]

    def clean_q(self):
        return self.cleaned_data["q"].strip().replace("\x00", "")

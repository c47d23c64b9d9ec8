"""Forms for sign-up profile fields and the profile page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from .models import User
from .notifications import Kind


class SignupProfileForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    profile_role = forms.ChoiceField(
        label=_("I am a"), choices=User.ProfileRole.choices
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.organisation = self.cleaned_data.get("organisation", "")
        user.country = self.cleaned_data.get("country", "")
        user.profile_role = self.cleaned_data["profile_role"]
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "organisation", "country", "profile_role", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language is named in itself, so that anyone finds their own.
        self.fields["language"].choices = [("", "—"), *settings.LANGUAGES]


class NotificationPreferencesForm(forms.Form):
    """Which notification kinds the signed-in person gets by e-mail; one
    checkbox per kind, ticked = on."""

    wanted = forms.MultipleChoiceField(
        label=_("Send me an e-mail when"),
        choices=Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    @classmethod
    def for_user(cls, user, data=None):
        off = set(user.notifications_off or [])
        initial = {"wanted": [k for k in Kind.values if k not in off]}
        return cls(data=data, initial=initial, prefix="notify")

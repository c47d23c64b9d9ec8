"""Forms of the call for participation: the application, her answer, her
directory profile, and the projects' triage."""

from django import forms
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from p2i_portal.vocab import Sector

from . import participation_selectors as selectors
from .models import ApplicantType


class JoinForm(forms.Form):
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=200)
    organisation_type = forms.ChoiceField(
        label=gettext_lazy("Type of organisation"),
        choices=[("", "—"), *ApplicantType.choices],
    )
    country = LazyTypedChoiceField(label=gettext_lazy("Country"), choices=[])
    contact_name = forms.CharField(label=gettext_lazy("Contact person"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    projects = forms.MultipleChoiceField(
        label=gettext_lazy("Which projects' activities interest you?"),
        widget=forms.CheckboxSelectMultiple,
    )
    motivation = forms.CharField(
        label=gettext_lazy("Why do you want to join?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Sectors"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    consent_directory = forms.BooleanField(
        label=gettext_lazy("List my organisation in the public member directory."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names in the page's language, read now, not at import.
        self.fields["country"].choices = [("", "—"), *countries]
        self.project_rows = selectors.projects()
        self.fields["projects"].choices = [
            (p.slug, p.short_name) for p in self.project_rows
        ]
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_motivation(self):
        value = self.cleaned_data["motivation"].strip()
        if not value:
            raise forms.ValidationError(gettext_lazy("Tell us why you want to join."))
        return value

    def chosen_projects(self):
        chosen = set(self.cleaned_data["projects"])
        return [p for p in self.project_rows if p.slug in chosen]

    def data_for_service(self) -> dict:
        keys = [
            "organisation", "organisation_type", "country", "contact_name",
            "motivation", "sectors", "consent_directory",
        ]  # fmt: skip
        return {k: self.cleaned_data[k] for k in keys}


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ProfileForm(forms.Form):
    website = forms.URLField(
        label=gettext_lazy("Website"), required=False, assume_scheme="https"
    )
    profile = forms.CharField(
        label=gettext_lazy("Short profile"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("What your organisation does, in a few sentences."),
    )
    consent_directory = forms.BooleanField(
        label=gettext_lazy("List my organisation in the public member directory."),
        required=False,
    )


class AskForm(forms.Form):
    question = forms.CharField(
        label=gettext_lazy("Question to the applicant"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "id": "id_ask_question"}),
    )


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the applicant"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "id": "id_decline_message"}),
    )

"""Forms of the advice desk: the question, the procurer's answer back, and the
desk's actions."""

from django import forms
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from centres.models import Centre
from knowledge.models import Approach, Resource
from p2i_portal.vocab import Sector

from .models import AdviceRequest, AdviceSettings, OrganisationType


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _blank(choices, label):
    return [("", label), *choices]


class AskForm(forms.Form):
    """The question. Visitors also give a name and an address to confirm."""

    name = forms.CharField(label=gettext_lazy("Your name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"))
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    question = forms.CharField(
        label=gettext_lazy("Your question"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Describe what you plan to buy and what you need to know. Leave out "
            "personal data you do not want the centre to keep."
        ),
    )
    country = LazyTypedChoiceField(
        label=gettext_lazy("Country of your organisation"),
        choices=[("", "—")],
        help_text=gettext_lazy(
            "Your question goes to the competence centre of this country."
        ),
    )
    organisation_type = forms.ChoiceField(
        label=gettext_lazy("Type of organisation"),
        choices=_blank(OrganisationType.choices, "—"),
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"), choices=_blank(Sector.choices, "—")
    )
    approach = forms.ChoiceField(
        label=gettext_lazy("Procurement approach (optional)"),
        choices=_blank(Approach.choices, gettext_lazy("Not sure yet")),
        required=False,
    )
    attachments = MultipleFileField(
        label=gettext_lazy("Attachments (optional)"),
        required=False,
        help_text=gettext_lazy(
            "Up to three files: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) "
            "or OpenDocument text (ODT). They are checked by their content."
        ),
    )
    consent_publish = forms.BooleanField(
        label=gettext_lazy(
            "The centre may publish an anonymised version of my question and its "
            "answer (without my name or organisation) to help other procurers."
        ),
        required=False,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the page's language, not the one active at import.
        self.fields["country"].choices = [("", "—"), *countries]
        if getattr(user, "is_authenticated", False):
            del self.fields["name"]
            del self.fields["email"]
            if user.country:
                self.fields["country"].initial = str(user.country)
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_question(self):
        value = self.cleaned_data["question"].strip()
        if not value:
            raise forms.ValidationError(gettext_lazy("Write your question."))
        return value

    def data_for_service(self) -> dict:
        keys = [
            "subject", "question", "country", "organisation_type", "sector",
            "approach", "consent_publish",
        ]  # fmt: skip
        return {k: self.cleaned_data[k] for k in keys}


class _DeskForm(forms.Form):
    """The desk's page holds several forms: each gets its own element ids."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReplyForm(_DeskForm):
    id_prefix = "reply"

    body = forms.CharField(
        label=gettext_lazy("Reply to the procurer"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("She receives it by e-mail and on her request's page."),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Afterwards the request is"),
        choices=[
            (AdviceRequest.Status.ANSWERED, AdviceRequest.Status.ANSWERED.label),
            (AdviceRequest.Status.WAITING, AdviceRequest.Status.WAITING.label),
        ],
        initial=AdviceRequest.Status.ANSWERED,
    )


class NoteForm(_DeskForm):
    id_prefix = "note"

    body = forms.CharField(
        label=gettext_lazy("Internal note"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only your team sees it; the procurer never does."),
    )


class StatusForm(_DeskForm):
    id_prefix = "status"

    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=AdviceRequest.Status.choices
    )


class AssignForm(_DeskForm):
    id_prefix = "assign"

    assignee = forms.TypedChoiceField(
        label=gettext_lazy("Assigned to"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {u.pk: u for u in staff}
        self.fields["assignee"].choices = [("", gettext_lazy("No one"))] + [
            (u.pk, u.get_full_name() or u.email) for u in staff
        ]

    def assignee_user(self):
        pk = self.cleaned_data.get("assignee")
        return self.staff.get(pk) if pk else None


class TransferForm(_DeskForm):
    id_prefix = "transfer"

    to_centre = forms.CharField(label=gettext_lazy("Transfer to"), max_length=60)
    note = forms.CharField(
        label=gettext_lazy("Note to the other centre"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Why it belongs there. The procurer is told which centre answers now."
        ),
    )

    def __init__(self, *args, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        centres = Centre.objects.active().of_kind(Centre.Kind.NATIONAL)
        if exclude is not None:
            centres = centres.exclude(pk=exclude.pk)
        self.fields["to_centre"].widget = forms.Select(
            choices=[("", "—")]
            + [(c.slug, f"{c.name} ({c.country.name})") for c in centres]
        )

    def centre(self):
        """The chosen centre, or None when the slug names no centre."""
        return Centre.objects.filter(slug=self.cleaned_data["to_centre"]).first()


class QaForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=250)
    question = forms.CharField(
        label=gettext_lazy("Question (anonymised)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Remove every name, organisation and detail that identifies the procurer."
        ),
    )
    answer = forms.CharField(
        label=gettext_lazy("Answer (anonymised)"),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    related = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Related resources"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from p2i_portal.vocab import Language

        self.fields["language"].choices = Language.choices
        self.fields["related"].queryset = Resource.objects.published().order_by("title")


class SettingsForm(forms.ModelForm):
    class Meta:
        model = AdviceSettings
        fields = ["response_days"]

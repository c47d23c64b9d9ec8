"""Forms of the onboarding pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from .models import Milestone, MilestoneDefinition, evidence_url_validator


class MilestoneDefinitionForm(forms.ModelForm):
    class Meta:
        model = MilestoneDefinition
        fields = ["title", "description", "due_offset_days", "evidence_expected"]
        labels = {
            "title": _("Title"),
            "description": _("What the centre does for it"),
            "due_offset_days": _("Due after (days from the start)"),
            "evidence_expected": _("Evidence link expected"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class OnboardingStartForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Centre"), queryset=Centre.objects.none(), to_field_name="slug"
    )
    start = forms.DateField(
        label=_("Onboarding starts on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, centres=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres


class MilestoneUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_url = forms.URLField(
        label=_("Evidence link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[evidence_url_validator],
        help_text=_("A web address (https://…) where the evidence can be seen."),
    )
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, can_change_due=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_change_due:
            del self.fields["due_on"]


class MilestoneCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

"""Forms of buyers' plans: the plan, an expression of interest, and the
centre's joint-procurement initiative."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from p2i_portal.vocab import Sector

from . import cpv
from .models import BudgetRange, JointInitiative, ProcurementPlan

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def _blank(choices, label="—"):
    return [("", label), *choices]


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, date):
            return value.strftime("%Y-%m")
        return value


class MonthField(forms.Field):
    """A month as YYYY-MM (what `<input type="month">` sends), stored as its
    first day."""

    widget = MonthInput
    default_error_messages = {
        "invalid": gettext_lazy(
            "Enter a month as year and month, for example 2027-03."
        ),
    }

    def to_python(self, value):
        if isinstance(value, date) or value in self.empty_values:
            return value or None
        match = MONTH_RE.match(str(value).strip())
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match[1]), int(match[2])
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return date(year, month, 1)


class PlanForm(forms.Form):
    """The plan a buyer posts or edits."""

    organisation = forms.CharField(
        label=gettext_lazy("Your organisation"),
        max_length=200,
        help_text=gettext_lazy("Shown with your plan, as you write it here."),
    )
    title = forms.CharField(label=gettext_lazy("What you need"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "The need, the result you expect and what you already know about the market."
        ),
    )
    cpv_codes = forms.CharField(
        label=gettext_lazy("CPV codes"),
        max_length=400,
        help_text=gettext_lazy(
            "One or more codes of the Common Procurement Vocabulary, separated by "
            "commas, for example 45233140-2, 72000000-5."
        ),
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"), choices=_blank(Sector.choices)
    )
    country = LazyTypedChoiceField(
        label=gettext_lazy("Country of your organisation"), choices=[("", "—")]
    )
    start_month = MonthField(
        label=gettext_lazy("The procurement starts in"),
        help_text=gettext_lazy("Year and month, for example 2027-03."),
    )
    end_month = MonthField(
        label=gettext_lazy("The procurement ends in"),
        help_text=gettext_lazy("Year and month, for example 2027-09."),
    )
    budget_range = forms.ChoiceField(
        label=gettext_lazy("Budget"), choices=_blank(BudgetRange.choices)
    )
    joint_procurement = forms.BooleanField(
        label=gettext_lazy("I am open to buying jointly with other buyers"),
        required=False,
    )
    visibility = forms.ChoiceField(
        label=gettext_lazy("Who may see this plan"),
        choices=ProcurementPlan.Visibility.choices,
        initial=ProcurementPlan.Visibility.SIGNED_IN,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user=None, plan=None, **kwargs):
        if plan is not None:
            kwargs.setdefault(
                "initial",
                {
                    **{f: getattr(plan, f) for f in self.base_fields},
                    "country": str(plan.country),
                    "cpv_codes": ", ".join(plan.cpv_codes),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        if plan is None and user is not None and user.is_authenticated:
            self.fields["organisation"].initial = user.organisation
            self.fields["country"].initial = str(user.country or "")

    def clean_cpv_codes(self):
        # Each wrong code gets its message with the other fields' (the service
        # checks them again).
        codes = cpv.parse_codes(self.cleaned_data["cpv_codes"])
        return ", ".join(codes)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_month"), data.get("end_month")
        if start and end and end < start:
            self.add_error(
                "end_month",
                gettext_lazy("The procurement cannot end before it starts."),
            )
        return data


class InterestForm(forms.Form):
    """Express interest in another buyer's plan."""

    message = forms.CharField(
        label=gettext_lazy("Your message to the buyer"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Say what you plan to buy and when. The buyer gets your e-mail address to reply."
        ),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Your organisation"), max_length=200
    )
    country = LazyTypedChoiceField(
        label=gettext_lazy("Country of your organisation"), choices=[("", "—")]
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        if user is not None and user.is_authenticated:
            self.fields["organisation"].initial = user.organisation
            self.fields["country"].initial = str(user.country or "")


class PlanChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} – {obj.organisation} ({obj.country.name})"


class InitiativeForm(forms.ModelForm):
    """A centre's joint-procurement initiative; the plans only when it starts."""

    class Meta:
        model = JointInitiative
        fields = ["title", "description", "next_steps", "status"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 5}),
        }


class InitiativeCreateForm(InitiativeForm):
    plans = PlanChoiceField(
        label=gettext_lazy("Plans"),
        queryset=ProcurementPlan.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Two or more open plans of different buyers, one at least from your country."
        ),
    )

    class Meta(InitiativeForm.Meta):
        fields = [*InitiativeForm.Meta.fields, "plans"]

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["plans"].queryset = candidates


SUGGESTION_LABELS = {
    "interest": gettext_lazy("Interest shown between its buyer and these buyers"),
    "group": gettext_lazy("Same CPV group as a plan of this initiative"),
    "other": gettext_lazy("Other plans open to joint procurement"),
}


def plan_option_label(plan) -> str:
    return gettext(
        "%(title)s – %(organisation)s (%(country)s), plan no. %(number)s"
    ) % {
        "title": plan.title,
        "organisation": plan.organisation,
        "country": plan.country.name,
        "number": plan.pk,
    }


class InitiativePlanAddForm(forms.Form):
    """One more plan for an initiative: a suggested one, or any by its number.
    `plan_pk` is what was chosen; the view looks it up among the plans the
    person may see, and the service checks the rest."""

    # A number like `number`, offered as a list: a suggestion that stopped
    # fitting since the page was shown gets the service's message, not the
    # form's "not one of the choices".
    plan = forms.IntegerField(
        label=gettext_lazy("Suggested plans"),
        required=False,
        min_value=1,
        widget=forms.Select,
    )
    number = forms.IntegerField(
        label=gettext_lazy("Or the plan's number"),
        required=False,
        min_value=1,
        help_text=gettext_lazy(
            "The number at the end of the plan's address, for example 42 in …/plans/42/."
        ),
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].widget.choices = [
            ("", "—"),
            *(
                (
                    SUGGESTION_LABELS[group.reason],
                    [(p.pk, plan_option_label(p)) for p in group.plans],
                )
                for group in suggestions
            ),
        ]

    def clean(self):
        data = super().clean()
        chosen, number = data.get("plan"), data.get("number")
        if self.errors:
            return data
        if chosen is None and number is None:
            raise ValidationError(
                gettext_lazy("Choose a suggested plan or enter a plan's number.")
            )
        if chosen is not None and number is not None and chosen != number:
            raise ValidationError(
                gettext_lazy(
                    "Choose a suggested plan or enter a plan's number, not both."
                )
            )
        data["plan_pk"] = number if number is not None else chosen
        self.source_field = "number" if number is not None else "plan"
        return data

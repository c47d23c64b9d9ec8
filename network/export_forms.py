"""Forms of the network console."""

import contextlib
import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from .indicators import Granularity
from .models import ReportExport


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportExportForm(forms.Form):
    """Period, breakdown and format of an export; with `with_scope`, also the
    choice between the whole network and one centre (the coordinator's page).
    The service checks the period's rules and says what is wrong."""

    start = forms.DateField(label=_("First day"), widget=_date_input())
    end = forms.DateField(label=_("Last day"), widget=_date_input())
    granularity = forms.ChoiceField(
        label=_("Columns per"), choices=Granularity.CHOICES, initial=Granularity.MONTH
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ReportExport.Format.choices,
        initial=ReportExport.Format.XLSX,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, with_scope: bool = False, **kwargs):
        today = timezone.localdate()
        kwargs["initial"] = {
            "start": dt.date(today.year, 1, 1),
            "end": today,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        if with_scope:
            self.fields["centre"] = forms.ModelChoiceField(
                label=_("Scope"),
                queryset=Centre.objects.order_by("name"),
                required=False,
                empty_label=_("The whole network"),
                to_field_name="slug",
            )
            self.order_fields(["start", "end", "granularity", "centre", "format"])


def initial_from_query(query) -> dict:
    """The period a link brings along (?start=…&end=…&granularity=…, as the
    dashboard's link to its exports does); what does not parse is left out."""
    initial = {}
    for name in ("start", "end"):
        with contextlib.suppress(ValueError):
            initial[name] = dt.date.fromisoformat(str(query.get(name, ""))[:10])
    if query.get("granularity") in dict(Granularity.CHOICES):
        initial["granularity"] = query["granularity"]
    return initial

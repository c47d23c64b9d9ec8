"""The period form of the network console and of a centre's figures page."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .indicators import Granularity, Period, bucket_start, registry

# More buckets than this make a chart nobody can read: ten years of months.
MAX_BUCKETS = 120
EARLIEST = dt.date(2000, 1, 1)


class Preset:
    LAST_12_MONTHS = "last_12_months"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"
    CHOICES = [
        (LAST_12_MONTHS, _("Last 12 months")),
        (THIS_YEAR, _("This year")),
        (LAST_YEAR, _("Last year")),
        (CUSTOM, _("Custom range")),
    ]


DEFAULT_FIGURE = "knowledge.resources_published"


def today() -> dt.date:
    """Today in the site's time zone (the figures count days there)."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def preset_period(preset: str, granularity: str, *, on: dt.date) -> Period:
    """The period a preset names, as seen on the day `on`."""
    if preset == Preset.THIS_YEAR:
        return Period(dt.date(on.year, 1, 1), on, granularity)
    if preset == Preset.LAST_YEAR:
        return Period(
            dt.date(on.year - 1, 1, 1), dt.date(on.year - 1, 12, 31), granularity
        )
    # The current month and the eleven before it.
    first = bucket_start(on, Granularity.MONTH)
    months = first.year * 12 + first.month - 1 - 11
    return Period(dt.date(months // 12, months % 12 + 1, 1), on, granularity)


def default_period() -> Period:
    return preset_period(Preset.LAST_12_MONTHS, Granularity.MONTH, on=today())


class PeriodForm(forms.Form):
    """GET form: a preset or a custom start–end range, cut into months, quarters
    or years, and the figure the charts show. `period()` is the period asked for
    when the form is valid; an invalid form keeps the default period."""

    preset = forms.ChoiceField(
        label=_("Period"),
        choices=Preset.CHOICES,
        initial=Preset.LAST_12_MONTHS,
        required=False,
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For a custom range."),
    )
    end = forms.DateField(
        label=_("To (included)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For a custom range."),
    )
    granularity = forms.ChoiceField(
        label=_("Show per"),
        choices=Granularity.CHOICES,
        initial=Granularity.MONTH,
        required=False,
    )
    figure = forms.ChoiceField(
        label=_("Figure on the charts"), choices=(), required=False
    )

    def __init__(self, data=None, *, network=True, **kwargs):
        # Only the fields that were sent count: an address with just ?figure=…
        # keeps the default period.
        if data is not None and not any(
            k in data for k in ("preset", "start", "end", "granularity", "figure")
        ):
            data = None
        super().__init__(data, **kwargs)
        self.fields["figure"].choices = [
            (i.key, i.label) for i in registry.all() if network or i.per_centre
        ]
        self.fields["figure"].initial = DEFAULT_FIGURE

    def clean(self):
        data = super().clean()
        if self.has_error("preset") or self.has_error("granularity"):
            return data
        preset = data.get("preset") or Preset.LAST_12_MONTHS
        granularity = data.get("granularity") or Granularity.MONTH
        data["figure"] = data.get("figure") or DEFAULT_FIGURE
        if preset != Preset.CUSTOM:
            data["period"] = preset_period(preset, granularity, on=today())
            return data
        start, end = data.get("start"), data.get("end")
        if self.has_error("start") or self.has_error("end"):
            return data
        if not start or not end:
            raise forms.ValidationError(
                _("A custom range needs both a first and a last day."),
                code="incomplete",
            )
        if end < start:
            raise forms.ValidationError(
                _("The last day comes before the first day."), code="reversed"
            )
        if start < EARLIEST:
            self.add_error("start", _("The figures start in the year 2000."))
            return data
        period = Period(start, end, granularity)
        if len(period.buckets()) > MAX_BUCKETS:
            raise forms.ValidationError(
                _(
                    "This range has too many months to draw; show it per "
                    "quarter or per year."
                ),
                code="too_long",
            )
        data["period"] = period
        return data

    def period(self) -> Period:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return default_period()

    def figure_key(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["figure"]
        return DEFAULT_FIGURE

    def query_string(self) -> str:
        """The period and figure as an address's query (for the CSV links)."""
        period = self.period()
        return "&".join(
            [
                f"preset={Preset.CUSTOM}",
                f"start={period.start.isoformat()}",
                f"end={period.end.isoformat()}",
                f"granularity={period.granularity}",
                f"figure={self.figure_key()}",
            ]
        )

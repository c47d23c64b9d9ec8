"""The network console's pages: the coordinator's dashboard, one centre's figures,
and the CSV behind every chart and table."""

import csv

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from centres.permissions import CentreRoleRequiredMixin

from .charts import bar_chart, bucket_label, line_chart, map_tiles
from .forms import PeriodForm
from .indicators import Granularity
from .permissions import CoordinatorRequiredMixin
from .selectors import dashboard_centres, figures

CSV_TABLES = ("trend", "centres", "countries", "summary")
PER_LABELS = {
    Granularity.MONTH: _("per month"),
    Granularity.QUARTER: _("per quarter"),
    Granularity.YEAR: _("per year"),
}


class FiguresMixin:
    """Reads the period form and computes the figures of `figure_centres()`."""

    network = True

    def figure_centres(self):
        raise NotImplementedError

    def get_figures(self):
        self.form = PeriodForm(self.request.GET or None, network=self.network)
        self.period = self.form.period()
        self.table = figures(self.period, self.figure_centres(), network=self.network)
        try:
            self.figure = self.table.get(self.form.figure_key())
        except KeyError:
            self.figure = self.table.figures[0]
        return self.table


class FiguresPageMixin(FiguresMixin):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        table = self.get_figures()
        granularity = self.period.granularity
        figure = self.figure
        buckets = [(bucket_label(b, granularity), b) for b in self.period.buckets()]
        trend = [(label, figure.by_bucket(b)) for label, b in buckets]
        topics = {}
        for each in table.figures:
            topics.setdefault(str(each.indicator.topic), []).append(each)
        ctx.update(
            granularity_label=dict(Granularity.CHOICES)[granularity],
            per_label=PER_LABELS[granularity],
            form=self.form,
            period=self.period,
            table=table,
            figure=figure,
            topics=topics,
            buckets=buckets,
            trend=trend,
            line=line_chart(trend),
            per_centre=table.per_centre(),
            centre_rows=[
                (c.name, [f.centre_total(c.pk) for f in table.per_centre()])
                for c in table.centres
            ],
            bucket_rows=[
                (label, [f.by_bucket(b) for f in table.per_centre()])
                for label, b in buckets
            ],
            query=self.form.query_string(),
        )
        return ctx


class DashboardView(CoordinatorRequiredMixin, FiguresPageMixin, TemplateView):
    """/network/: the whole network's figures for a period (the coordinator)."""

    template_name = "network/dashboard.html"

    def figure_centres(self):
        return dashboard_centres()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        table, figure = ctx["table"], ctx["figure"]
        countries = table.countries()
        country_values = {
            code: table.country_total(figure, code) for code, _n, _c in countries
        }
        tiles, legend = map_tiles(country_values)
        ctx.update(
            bars=bar_chart(
                [(c.short_name, figure.centre_total(c.pk)) for c in table.centres]
            )
            if figure.indicator.per_centre
            else None,
            country_rows=[
                (name, [table.country_total(f, code) for f in ctx["per_centre"]])
                for code, name, _c in countries
            ],
            country_values=[
                (code, name, country_values[code]) for code, name, _c in countries
            ],
            tiles=tiles,
            legend=legend,
            csv_base=reverse("network:figure-csv"),
        )
        return ctx


class CentreFiguresView(CentreRoleRequiredMixin, FiguresPageMixin, TemplateView):
    """/manage/<centre>/figures/: one centre's own figures (its staff and the
    coordinator; CentreRoleRequiredMixin answers 404 to everyone else)."""

    template_name = "network/centre_figures.html"
    network = False

    def figure_centres(self):
        return [self.centre]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["csv_base"] = reverse("manage:figures-csv", args=[self.centre.slug])
        return ctx


class FigureCsvMixin(FiguresMixin):
    """The numbers behind the charts and tables as CSV, exact (no rounding, no
    grouping), one column per figure (its key):

    - ?table=trend: one row per bucket, the network's (or the centre's) values;
    - centres: one row per centre, the period totals of the per-centre figures;
    - countries: one row per country, the same summed over its centres;
    - summary: one row per figure, its period total.
    """

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("table", "trend")
        if kind not in CSV_TABLES or (kind == "countries" and not self.network):
            raise Http404
        table = self.get_figures()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"{self.filename_prefix()}-{kind}-{self.period.start.isoformat()}"
        name += f"-{self.period.end.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        per_centre = table.per_centre()
        if kind == "summary":
            writer.writerow(["figure", "label", "topic", "total"])
            for each in table.figures:
                label, topic = str(each.indicator.label), str(each.indicator.topic)
                writer.writerow(
                    [each.key, _text(label), _text(topic), _plain(each.total)]
                )
        elif kind == "trend":
            writer.writerow(["bucket_start", "bucket", *(f.key for f in table.figures)])
            for bucket in self.period.buckets():
                writer.writerow(
                    [
                        bucket.isoformat(),
                        bucket_label(bucket, self.period.granularity),
                        *(_plain(f.by_bucket(bucket)) for f in table.figures),
                    ]
                )
        elif kind == "centres":
            writer.writerow(["centre", "name", "country", *(f.key for f in per_centre)])
            for c in table.centres:
                writer.writerow(
                    [
                        c.slug,
                        _text(c.name),
                        c.country.code if c.country else "",
                        *(_plain(f.centre_total(c.pk)) for f in per_centre),
                    ]
                )
        else:
            writer.writerow(["country", "name", *(f.key for f in per_centre)])
            for code, country_name, _c in table.countries():
                writer.writerow(
                    [
                        code,
                        _text(country_name),
                        *(_plain(table.country_total(f, code)) for f in per_centre),
                    ]
                )
        return response


def _text(value) -> str:
    """A name as a CSV cell that a spreadsheet shows as text, never runs as a
    formula (a leading =, +, - or @ is escaped with an apostrophe)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _plain(value):
    """An integer as an integer (CSV readers see 3, not 3.0)."""
    return int(value) if float(value).is_integer() else value


class FigureCsvView(CoordinatorRequiredMixin, FigureCsvMixin, View):
    def figure_centres(self):
        return dashboard_centres()

    def filename_prefix(self):
        return "network"


class CentreFigureCsvView(CentreRoleRequiredMixin, FigureCsvMixin, View):
    network = False

    def figure_centres(self):
        return [self.centre]

    def filename_prefix(self):
        return self.centre.slug

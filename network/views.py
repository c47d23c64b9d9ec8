"""The network console's pages: the project's identity and partners, the network's
log, the coordinator's dashboard, one centre's figures, and the CSV behind every
chart and table."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from centres.models import Centre
from centres.permissions import CentreRoleRequiredMixin
from centres.views import ActivityLogMixin

from . import services
from .charts import bar_chart, bucket_label, line_chart, map_tiles
from .forms import PartnerForm, PartnerMoveForm, PeriodForm, ProjectIdentityForm
from .indicators import Granularity
from .models import Partner, ProjectIdentity
from .permissions import CoordinatorRequiredMixin
from .selectors import dashboard_centres, figures


class _FormPage(CoordinatorRequiredMixin, FormView):
    """A console form: bad input answers 400 with the form and its messages."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def save_or_report(self, form, write):
        try:
            return write()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return None


class PartnerListView(CoordinatorRequiredMixin, TemplateView):
    template_name = "network/partner_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["partners"] = list(Partner.objects.in_order())
        ctx["identity"] = ProjectIdentity.read()
        return ctx


class PartnerCreateView(_FormPage):
    template_name = "network/partner_form.html"
    form_class = PartnerForm

    def form_valid(self, form):
        partner = self.save_or_report(
            form,
            lambda: services.partner_create(
                by=self.request.user, data=form.cleaned_data
            ),
        )
        if partner is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s was added to the partners.") % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerEditView(_FormPage):
    template_name = "network/partner_form.html"
    form_class = PartnerForm

    @cached_property
    def partner(self) -> Partner:
        # Read after the coordinator check: nobody else learns which ids exist.
        return get_object_or_404(Partner, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # A copy, so that a refused change leaves `self.partner` as it was.
        kwargs["instance"] = Partner.objects.get(pk=self.partner.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["partner"] = self.partner
        return ctx

    def form_valid(self, form):
        partner = self.save_or_report(
            form,
            lambda: services.partner_update(
                partner=self.partner, by=self.request.user, data=form.cleaned_data
            ),
        )
        if partner is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The partner %(name)s was saved.") % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerRemoveView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(Partner, pk=pk)
        services.partner_remove(partner=partner, by=request.user)
        messages.success(
            request,
            _("%(name)s was removed from the partners.")
            % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerMoveView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(Partner, pk=pk)
        form = PartnerMoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to move a partner up or down."))
            return redirect("network:partners")
        services.partner_move(
            partner=partner, by=request.user, direction=form.cleaned_data["direction"]
        )
        messages.success(
            request, _("%(name)s was moved.") % {"name": partner.organisation}
        )
        return redirect("network:partners")


class ProjectIdentityEditView(_FormPage):
    template_name = "network/project_form.html"
    form_class = ProjectIdentityForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ProjectIdentity.current()
        return kwargs

    def form_valid(self, form):
        identity = self.save_or_report(
            form,
            lambda: services.project_identity_update(
                by=self.request.user, data=form.cleaned_data
            ),
        )
        if identity is None:
            return self.form_invalid(form)
        messages.success(self.request, _("The project and its funding were saved."))
        return redirect("network:partners")


class NetworkActivityView(ActivityLogMixin, CoordinatorRequiredMixin, TemplateView):
    """Every centre's log and the network-wide entries, with a centre filter."""

    template_name = "network/activity.html"

    @property
    def filter_centres(self):
        return Centre.objects.order_by("name")


CSV_TABLES = ("trend", "centres", "countries", "summary")
PER_LABELS = {
    Granularity.MONTH: gettext_lazy("per month"),
    Granularity.QUARTER: gettext_lazy("per quarter"),
    Granularity.YEAR: gettext_lazy("per year"),
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

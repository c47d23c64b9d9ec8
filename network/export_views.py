"""Reporting exports: the coordinator's pages under /network/exports/ and a
centre's under /manage/<centre_slug>/exports/.

Both reach exports only through `ReportExport.objects.downloadable_by(user)`
(the requester's own, or any for the coordinator), narrowed to the page's scope;
anything else answers 404. A centre's pages are for its managers (editors get
403) and the coordinator.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from centres.models import Role
from centres.permissions import CentreRoleRequiredMixin

from . import selectors, services
from .export_forms import ReportExportForm, initial_from_query
from .models import ReportExport
from .permissions import CoordinatorRequiredMixin


class ExportScopeMixin:
    """What differs between the network's pages and a centre's."""

    network = True

    def scope_centre(self):
        return None

    def url(self, name, **kwargs):
        raise NotImplementedError

    def get_exports(self):
        qs = ReportExport.objects.downloadable_by(self.request.user)
        if self.network:
            return qs
        return qs.filter(centre=self.scope_centre())

    def get_export(self) -> ReportExport:
        return get_object_or_404(
            self.get_exports().select_related("centre", "requested_by"),
            pk=self.kwargs["pk"],
        )

    def context(self, **extra):
        ctx = {
            "network": self.network,
            "keep_days": services.EXPORT_KEEP_DAYS,
            "max_unfinished": services.EXPORT_MAX_UNFINISHED,
            "max_years": services.EXPORT_MAX_YEARS,
            "list_url": self.url("exports"),
            **extra,
        }
        if not self.network:
            ctx.update(
                centre=self.centre,
                role=self.role,
                abilities=self.centre.get_abilities(self.request.user),
            )
        return ctx


class ExportListMixin(ExportScopeMixin):
    def render_page(self, form, status=200):
        exports = selectors.export_list_for(
            user=self.request.user, centre=self.scope_centre()
        )
        for export in exports:
            export.page_url = self.url("export", pk=export.pk)
            export.download_url = self.url("export-download", pk=export.pk)
        return TemplateResponse(
            self.request,
            "network/exports.html",
            self.context(form=form, exports=exports),
            status=status,
        )

    def get(self, request, *args, **kwargs):
        initial = initial_from_query(request.GET)
        return self.render_page(
            ReportExportForm(initial=initial, with_scope=self.network)
        )

    def post(self, request, *args, **kwargs):
        form = ReportExportForm(request.POST, with_scope=self.network)
        if not form.is_valid():
            return self.render_page(form, status=400)
        data = form.cleaned_data
        centre = data.get("centre") if self.network else self.scope_centre()
        try:
            export = services.report_export_request(
                user=request.user,
                centre=centre,
                start=data["start"],
                end=data["end"],
                granularity=data["granularity"],
                format=data["format"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.render_page(form, status=400)
        messages.success(
            request, _("Your export is queued. This page shows how far it is.")
        )
        return redirect(self.url("export", pk=export.pk))


class ExportDetailMixin(ExportScopeMixin):
    def get(self, request, *args, **kwargs):
        export = self.get_export()
        return TemplateResponse(
            request,
            "network/export_detail.html",
            self.context(
                export=export,
                expired=export.is_expired(),
                status_url=self.url("export-status", pk=export.pk),
                download_url=self.url("export-download", pk=export.pk),
                page_url=self.url("export", pk=export.pk),
            ),
        )


class ExportStatusMixin(ExportScopeMixin):
    def get(self, request, *args, **kwargs):
        export = self.get_export()
        data = selectors.export_status(export)
        data["download_url"] = (
            self.url("export-download", pk=export.pk)
            if export.status == ReportExport.Status.DONE and not export.is_expired()
            else ""
        )
        response = JsonResponse(data)
        response["Cache-Control"] = "no-store"
        return response


class ExportDownloadMixin(ExportScopeMixin):
    def get(self, request, *args, **kwargs):
        export = self.get_export()
        if export.status != ReportExport.Status.DONE or not export.file:
            raise Http404(_("This export has no file yet."))
        if export.is_expired():
            return TemplateResponse(
                request,
                "network/export_gone.html",
                self.context(export=export),
                status=410,
            )
        try:
            handle = export.file.open("rb")
        except FileNotFoundError:
            return TemplateResponse(
                request,
                "network/export_gone.html",
                self.context(export=export),
                status=410,
            )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=export.download_name,
            content_type=export.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class NetworkScope(CoordinatorRequiredMixin):
    network = True

    def url(self, name, **kwargs):
        return reverse(f"network:{name}", kwargs=kwargs or None)


class CentreScope(CentreRoleRequiredMixin):
    required_role = Role.MANAGER
    network = False

    def scope_centre(self):
        return self.centre

    def url(self, name, **kwargs):
        return reverse(
            f"manage:{name}", kwargs={"centre_slug": self.centre.slug, **kwargs}
        )


class NetworkExportListView(NetworkScope, ExportListMixin, View):
    pass


class NetworkExportDetailView(NetworkScope, ExportDetailMixin, View):
    pass


class NetworkExportStatusView(NetworkScope, ExportStatusMixin, View):
    pass


class NetworkExportDownloadView(NetworkScope, ExportDownloadMixin, View):
    pass


class CentreExportListView(CentreScope, ExportListMixin, View):
    pass


class CentreExportDetailView(CentreScope, ExportDetailMixin, View):
    pass


class CentreExportStatusView(CentreScope, ExportStatusMixin, View):
    pass


class CentreExportDownloadView(CentreScope, ExportDownloadMixin, View):
    pass

"""A project's applications under /manage/<project>/applications/: the list
with its filters, one application with accept, decline and ask, and the CSV of
the project's members. Writes go through participation_services, which keep
the project's activity log and mail the applicant."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django_countries import countries

from centres.services import audit_log
from network.exports import FORMULA_START

from . import participation_selectors as selectors
from . import participation_services as services
from .models import ApplicantType, TaskForceApplication
from .participation_forms import AskForm, DeclineForm
from .participation_permissions import ProjectApplicationsMixin

PAGE_SIZE = 50


def csv_cell(value) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe, as
    in the network's exports."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class ApplicationListView(ProjectApplicationsMixin, View):
    def get(self, request, centre_slug):
        params = selectors.ListParams.from_query(request.GET)
        rows, counts = selectors.project_applications(centre=self.centre, params=params)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        active = {k: v for k, v in vars(params).items() if v}
        base = {k: v for k, v in active.items() if k != "status"}
        return TemplateResponse(
            request,
            "communities/taskforce/manage_list.html",
            {
                "centre": self.centre,
                "role": self.role,
                "applications": list(page.object_list),
                "page_obj": page,
                "page_query": urlencode(active),
                "params": params,
                "filtered": bool(active),
                "types": ApplicantType.choices,
                "countries": list(countries),
                "status_links": [
                    (
                        value,
                        label,
                        counts[value],
                        f"?{urlencode({**base, 'status': value})}",
                    )
                    for value, label in TaskForceApplication.Status.choices
                ],
                "statuses": TaskForceApplication.Status.choices,
            },
        )


class ApplicationDetailView(ProjectApplicationsMixin, View):
    template_name = "communities/taskforce/manage_detail.html"

    def render_detail(self, application, status=200, **forms):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "centre": self.centre,
                "role": self.role,
                "application": application,
                "thread": application.messages.select_related("centre", "author"),
                "ask_form": forms.get("ask_form") or AskForm(),
                "decline_form": forms.get("decline_form") or DeclineForm(),
            },
            status=status,
        )

    def get(self, request, centre_slug, pk):
        return self.render_detail(self.get_application())


class _Action(ApplicationDetailView):
    """A POST on one application: bad input re-renders it with the message and
    changes nothing."""

    http_method_names = ["post"]
    form_class = None
    form_name = ""

    def post(self, request, centre_slug, pk):
        application = self.get_application()
        form = self.form_class(request.POST) if self.form_class else None
        if form is None or form.is_valid():
            try:
                done = self.act(application, form)
            except ValidationError as exc:
                if form is None:
                    messages.error(request, " ".join(exc.messages))
                    return self.render_detail(application, status=400)
                form.add_error(None, exc)
            else:
                messages.success(request, done)
                return redirect(
                    "manage:applications:detail",
                    centre_slug=self.centre.slug,
                    pk=application.pk,
                )
        messages.error(request, _("Nothing was changed; see the message below."))
        return self.render_detail(application, status=400, **{self.form_name: form})


class ApplicationAcceptView(_Action):
    def act(self, application, form):
        services.application_accept(
            application=application, project=self.centre, by=self.request.user
        )
        return _("The application was accepted and the applicant was told.")


class ApplicationDeclineView(_Action):
    form_class, form_name = DeclineForm, "decline_form"

    def act(self, application, form):
        services.application_decline(
            application=application,
            project=self.centre,
            by=self.request.user,
            message=form.cleaned_data["message"],
        )
        return _("The application was declined and the applicant was told.")


class ApplicationAskView(_Action):
    form_class, form_name = AskForm, "ask_form"

    def act(self, application, form):
        services.application_ask(
            application=application,
            project=self.centre,
            by=self.request.user,
            question=form.cleaned_data["question"],
        )
        return _("Your question was sent to the applicant.")


class MembersCsvView(ProjectApplicationsMixin, View):
    """The project's accepted members as CSV, for its reporting."""

    def get(self, request, centre_slug):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.centre.slug}-task-force-members.csv"'
        )
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Organisation"),
                _("Type of organisation"),
                _("Country"),
                _("Contact person"),
                _("E-mail address"),
                _("Sectors"),
                _("Projects"),
                _("Listed in the directory"),
                _("Accepted on"),
                _("Website"),
            ]
        )
        count = 0
        for member in selectors.project_members(centre=self.centre):
            count += 1
            writer.writerow(
                [
                    csv_cell(member.organisation),
                    member.get_organisation_type_display(),
                    member.country.code,
                    csv_cell(member.contact_name),
                    csv_cell(member.email),
                    "; ".join(str(s) for s in member.get_sectors_display()),
                    "; ".join(p.short_name for p in member.projects.all()),
                    _("yes") if member.consent_directory else _("no"),
                    timezone.localdate(member.decided_at).isoformat()
                    if member.decided_at
                    else "",
                    csv_cell(member.website),
                ]
            )
        audit_log(
            centre=self.centre,
            action="communities.taskforce.exported",
            by=request.user,
            target=reverse(
                "manage:applications:members-csv",
                kwargs={"centre_slug": self.centre.slug},
            ),
            rows=count,
        )
        return response

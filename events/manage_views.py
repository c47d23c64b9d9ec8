"""Workspace pages for events under /manage/<centre_slug>/events/.

Every view is guarded by CentreRoleRequiredMixin and reaches events only through
`Event.objects.writable_by(user).for_centre(centre)`: the events this workspace
organises, alone or jointly. Another centre's event answers 404 even when its pk
is put in this centre's URL. Registrations are read inside the workspace scope the
middleware opened, which only the event's organisers pass. Invitations to
co-organise are reached only through `OrganiserInvitation.objects.for_centre(centre)`:
those addressed to this workspace, answered by its managers.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from centres.models import Role
from centres.permissions import CentreRoleRequiredMixin

from . import selectors, services
from .forms import AttendeeMessageForm, CancelEventForm, EventForm
from .models import Event, OrganiserInvitation, Registration


def _add_service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class EventWorkspaceMixin(CentreRoleRequiredMixin):
    """The one way these views reach events."""

    def get_events(self):
        return Event.objects.writable_by(self.request.user).for_centre(self.centre)

    def get_event(self) -> Event:
        return get_object_or_404(
            self.get_events().select_related("centre"), pk=self.kwargs["pk"]
        )

    def detail_url(self, event) -> str:
        return reverse(
            "manage:events:detail",
            kwargs={"centre_slug": self.centre.slug, "pk": event.pk},
        )

    def base_context(self, **extra) -> dict:
        return {
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
            **extra,
        }


class EventListView(EventWorkspaceMixin, ListView):
    template_name = "events/manage_list.html"
    context_object_name = "events"
    paginate_by = 50

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        self.when = "past" if self.request.GET.get("when") == "past" else "upcoming"
        qs = self.get_events()
        qs = qs.past() if self.when == "past" else qs.upcoming()
        return (
            qs.select_related("centre")
            .prefetch_related("organisers")
            .annotate(
                confirmed=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.CONFIRMED),
                ),
                waitlisted=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.WAITLISTED),
                ),
            )
            .order_by("-starts_at" if self.when == "past" else "starts_at", "pk")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(self.base_context(when=self.when))
        if self.role == Role.MANAGER:
            ctx["pending_invitations"] = (
                OrganiserInvitation.objects.for_centre(self.centre).pending().count()
            )
        return ctx


class _EditorMixin(EventWorkspaceMixin):
    template_name = "events/manage_form.html"

    def render_form(self, form, event=None):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.base_context(form=form, event=event),
        )


class EventCreateView(_EditorMixin, View):
    def get(self, request, centre_slug):
        return self.render_form(EventForm(centre=self.centre, user=request.user))

    def post(self, request, centre_slug):
        form = EventForm(request.POST, centre=self.centre, user=request.user)
        if form.is_valid():
            try:
                event = services.event_create(
                    centre=self.centre,
                    by=request.user,
                    data=form.service_data(),
                    organisers=form.cleaned_data["co_organisers"],
                    resources=form.cleaned_data["resources"],
                    papers=form.cleaned_data["papers"],
                )
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "The draft “%(title)s” was saved. A manager publishes it "
                        "when it is ready."
                    )
                    % {"title": event.title},
                )
                return redirect(self.detail_url(event))
        return self.render_form(form)


class EventEditView(_EditorMixin, View):
    def require_update(self, event):
        if not event.get_abilities(self.request.user)["update"]:
            raise PermissionDenied(_("A cancelled event cannot be changed."))

    def get(self, request, centre_slug, pk):
        event = self.get_event()
        self.require_update(event)
        return self.render_form(
            EventForm(centre=self.centre, event=event, user=request.user), event
        )

    def post(self, request, centre_slug, pk):
        event = self.get_event()
        self.require_update(event)
        form = EventForm(
            request.POST, centre=self.centre, event=event, user=request.user
        )
        if form.is_valid():
            try:
                # The workspace one edits from stays an organiser: nobody
                # locks their own centre out of a joint event by accident.
                organisers = {*form.cleaned_data["co_organisers"], self.centre}
                updated = services.event_update(
                    event=event,
                    by=request.user,
                    data=form.service_data(),
                    organisers=organisers,
                    resources=form.cleaned_data["resources"],
                    papers=form.cleaned_data["papers"],
                )
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                if updated.updated_at == event.updated_at:
                    messages.info(request, _("Nothing was changed."))
                else:
                    messages.success(
                        request,
                        _("Your changes to “%(title)s” were saved.")
                        % {"title": updated.title},
                    )
                return redirect(self.detail_url(event))
        return self.render_form(form, event)


class _DetailMixin(EventWorkspaceMixin):
    def render_detail(self, event, cancel_form=None, status=200):
        attendees = list(selectors.event_attendees(event))
        for attendee in attendees:
            attendee.answer_list = [
                (q["label"], attendee.answers.get(q["id"], ""))
                for q in event.questions or []
            ]
        return TemplateResponse(
            self.request,
            "events/manage_detail.html",
            self.base_context(
                event=event,
                event_abilities=event.get_abilities(self.request.user),
                organisers=list(event.organisers.all()),
                invitations=list(
                    event.organiser_invitations.exclude(
                        state=OrganiserInvitation.State.ACCEPTED
                    ).select_related("centre")
                ),
                attendees=attendees,
                seats=selectors.event_seats(event),
                checked_in=sum(1 for a in attendees if a.checked_in_at),
                questions=event.questions or [],
                cancel_form=cancel_form or CancelEventForm(),
                sent_messages=list(event.attendee_messages.all()[:20]),
                # Only the papers this person may open, like on the event page.
                papers=selectors.event_papers_for(event, self.request.user),
            ),
            status=status,
        )


class EventDetailView(_DetailMixin, View):
    def get(self, request, centre_slug, pk):
        return self.render_detail(self.get_event())


class _ManagerActionView(_DetailMixin, View):
    http_method_names = ["post"]
    ability = ""

    def post(self, request, centre_slug, pk):
        event = self.get_event()
        if self.role != Role.MANAGER:
            raise PermissionDenied(_("Only the centre's managers can do this."))
        if not event.get_abilities(request.user).get(self.ability):
            messages.error(request, self.refusal(event))
            return redirect(self.detail_url(event))
        try:
            response = self.perform(event)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.detail_url(event))
        return response or redirect(self.detail_url(event))


class EventPublishView(_ManagerActionView):
    ability = "publish"

    def refusal(self, event):
        return _("“%(title)s” is “%(status)s”: only a draft can be published.") % {
            "title": event.title,
            "status": event.get_status_display(),
        }

    def perform(self, event):
        services.event_publish(event=event, by=self.request.user)
        messages.success(
            self.request,
            _("“%(title)s” is published in the calendar.") % {"title": event.title},
        )


class EventCancelView(_ManagerActionView):
    ability = "cancel"

    def refusal(self, event):
        return _(
            "“%(title)s” is “%(status)s”: only a published event can be cancelled."
        ) % {
            "title": event.title,
            "status": event.get_status_display(),
        }

    def perform(self, event):
        form = CancelEventForm(self.request.POST)
        if not form.is_valid():
            return self.render_detail(event, cancel_form=form, status=400)
        services.event_cancel(
            event=event, by=self.request.user, note=form.cleaned_data["note"]
        )
        messages.success(
            self.request,
            _("“%(title)s” is cancelled. Everyone registered is being told by e-mail.")
            % {"title": event.title},
        )
        return None


class AttendeeExportView(EventWorkspaceMixin, View):
    """The attendee list with the answers, as CSV (UTF-8 with BOM for Excel)."""

    def get(self, request, centre_slug, pk):
        event = self.get_event()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{event.slug}-attendees.csv"'
        )
        response.write("\ufeff")
        writer = csv.writer(response)
        questions = event.questions or []
        writer.writerow(
            [
                _("Name"),
                _("E-mail"),
                _("Status"),
                _("Registered"),
                _("Checked in"),
                *[q["label"] for q in questions],
            ]
        )
        for registration in selectors.event_attendees(event):
            writer.writerow(
                [
                    _csv_safe(registration.name),
                    _csv_safe(registration.email),
                    registration.get_status_display(),
                    timezone.localtime(registration.created_at).isoformat(
                        timespec="minutes"
                    ),
                    timezone.localtime(registration.checked_in_at).isoformat(
                        timespec="minutes"
                    )
                    if registration.checked_in_at
                    else "",
                    *[
                        _csv_safe(registration.answers.get(q["id"], ""))
                        for q in questions
                    ],
                ]
            )
        return response


def _csv_safe(value) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class CheckInView(EventWorkspaceMixin, View):
    """POST: mark a confirmed attendee present, or undo it (present=0)."""

    http_method_names = ["post"]

    def post(self, request, centre_slug, pk, registration_pk):
        event = self.get_event()
        registration = get_object_or_404(
            selectors.event_attendees(event), pk=registration_pk
        )
        present = request.POST.get("present", "1") != "0"
        try:
            services.registration_check_in(
                registration=registration, by=request.user, present=present
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                (
                    _("%(name)s is checked in.")
                    if present
                    else _("Check-in of %(name)s undone.")
                )
                % {"name": registration.name},
            )
        return redirect(self.detail_url(event) + "#attendees")


class AttendeeMessageView(EventWorkspaceMixin, View):
    template_name = "events/manage_message.html"

    def render(self, event, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            self.base_context(
                event=event, form=form, seats=selectors.event_seats(event)
            ),
            status=status,
        )

    def get(self, request, centre_slug, pk):
        return self.render(self.get_event(), AttendeeMessageForm())

    def post(self, request, centre_slug, pk):
        event = self.get_event()
        form = AttendeeMessageForm(request.POST)
        if not form.is_valid():
            return self.render(event, form, status=400)
        services.attendee_message_send(
            event=event,
            by=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            include_waitlist=form.cleaned_data["include_waitlist"],
        )
        messages.success(request, _("Your message is on its way to the attendees."))
        return redirect(self.detail_url(event))


# --- Invitations to co-organise ------------------------------------------------


class InvitationListView(CentreRoleRequiredMixin, View):
    """The invitations this centre received to co-organise events, for its
    managers to accept or decline."""

    required_role = Role.MANAGER

    def get(self, request, centre_slug):
        invitations = list(
            OrganiserInvitation.objects.for_centre(self.centre)
            .select_related("event", "event__centre", "invited_by")
            .order_by("-invited_at", "pk")[:100]
        )
        return TemplateResponse(
            request,
            "events/manage_invitations.html",
            {
                "centre": self.centre,
                "role": self.role,
                "abilities": self.centre.get_abilities(request.user),
                "pending": [i for i in invitations if i.is_pending],
                "answered": [i for i in invitations if not i.is_pending],
            },
        )


class _InvitationAnswerView(CentreRoleRequiredMixin, View):
    required_role = Role.MANAGER
    http_method_names = ["post"]

    def post(self, request, centre_slug, invitation_pk):
        invitation = get_object_or_404(
            OrganiserInvitation.objects.for_centre(self.centre).select_related("event"),
            pk=invitation_pk,
        )
        try:
            self.perform(invitation)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("manage:events:invitations", centre_slug=self.centre.slug)
        return self.done(invitation)


class InvitationAcceptView(_InvitationAnswerView):
    def perform(self, invitation):
        services.organiser_invitation_accept(
            invitation=invitation, by=self.request.user
        )

    def done(self, invitation):
        messages.success(
            self.request,
            _("%(centre)s now organises “%(title)s”.")
            % {"centre": self.centre.short_name, "title": invitation.event.title},
        )
        return redirect(
            "manage:events:detail",
            centre_slug=self.centre.slug,
            pk=invitation.event_id,
        )


class InvitationDeclineView(_InvitationAnswerView):
    def perform(self, invitation):
        services.organiser_invitation_decline(
            invitation=invitation, by=self.request.user
        )

    def done(self, invitation):
        messages.success(
            self.request,
            _("You declined to co-organise “%(title)s”.")
            % {"title": invitation.event.title},
        )
        return redirect("manage:events:invitations", centre_slug=self.centre.slug)

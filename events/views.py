"""Public event pages: calendar, event page, registration, signed links, My events,
and the iCalendar files and feeds."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView
from django_countries import countries

from centres.models import Centre
from centres.permissions import MFA_REQUIRED_MESSAGE, mfa_missing
from knowledge.models import Resource, is_network_staff
from knowledge.selectors import resource_list_network_newest
from newsletters.ratelimit import client_ip, hit
from p2i_portal.vocab import Language, Sector

from . import selectors, services
from .calendar import event_ics, feed_ics
from .forms import RegistrationForm
from .models import Event, Registration

FEED_SIZE = 500
RATE_LIMITED = gettext_lazy(
    "Too many registrations were sent from your network in a short time. "
    "Nothing was saved; please try again in a few minutes."
)
RATE_LIMITED_ADDRESS = gettext_lazy(
    "This e-mail address was used for too many registrations in the last hour. "
    "Nothing was saved; please try again later."
)


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


class EventListView(ListView):
    """/events/: upcoming or past, filtered; every filter lives in the URL."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        self.params = selectors.EventParams.from_query(self.request.GET)
        return selectors.event_list_public(params=self.params, user=self.request.user)

    def _url(self, **changes) -> str:
        query = {"when": self.params.when, **self.params.active(), **changes}
        query = {
            k: v
            for k, v in query.items()
            if v and not (k == "when" and v == "upcoming")
        }
        base = reverse("events:list")
        return f"{base}?{urlencode(query)}" if query else base

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        params = self.params
        organisers = list(selectors.organiser_choices())
        labels = {
            "kind": dict(Event.Kind.choices),
            "format": dict(Event.Format.choices),
            "sector": dict(Sector.choices),
            "language": dict(Language.choices),
            "country": dict(countries),
            "organiser": {c.slug: c.short_name for c in organisers},
        }
        titles = {
            "kind": _("Type"),
            "organiser": _("Organiser"),
            "country": _("Country"),
            "format": _("Format"),
            "sector": _("Sector"),
            "language": _("Language"),
        }
        chips = [
            {
                "facet": titles[name],
                "label": labels[name].get(value, value),
                "remove_url": self._url(**{name: ""}),
            }
            for name, value in params.active().items()
        ]
        page = ctx["page_obj"]
        ctx.update(
            params=params,
            chips=chips,
            filtered=bool(chips),
            kinds=Event.Kind.choices,
            formats=Event.Format.choices,
            sectors=Sector.choices,
            languages=Language.choices,
            countries=sorted(
                {
                    (c.country.code, c.country.name)
                    for c in Centre.objects.active().exclude(country="")
                },
                key=lambda pair: str(pair[1]),
            ),
            organisers=organisers,
            upcoming_url=self._url(when="upcoming", page=""),
            past_url=self._url(when="past", page=""),
            clear_url=self._url(
                kind="", organiser="", country="", format="", sector="", language=""
            ),
            prev_url=self._url(page=page.previous_page_number())
            if page.has_previous()
            else "",
            next_url=self._url(page=page.next_page_number()) if page.has_next() else "",
            feed_url=reverse("events:feed"),
        )
        return ctx


class _EventMixin:
    def get_event(self) -> Event:
        return get_object_or_404(
            Event.objects.visible_to(self.request.user)
            .select_related("centre")
            .prefetch_related("organisers"),
            slug=self.kwargs["slug"],
        )


class EventDetailView(_EventMixin, View):
    template_name = "events/event_detail.html"

    def get(self, request, slug):
        event = self.get_event()
        return self.render(event, RegistrationForm(event=event, user=request.user))

    def render(self, event, form, status=200):
        user = self.request.user
        registration = selectors.registration_get_for_user(event=event, user=user)
        abilities = event.get_abilities(user)
        confirmed = (
            registration is not None
            and registration.status == Registration.Status.CONFIRMED
        )
        ctx = {
            "event": event,
            "organisers": list(event.organisers.all()),
            "seats": selectors.event_seats(event),
            "registration": registration,
            "waitlist_position": selectors.waitlist_position(registration)
            if registration
            else None,
            "join_link": event.online_url if confirmed and event.is_online else "",
            "form": form,
            "state": event.registration_state(),
            "abilities": abilities,
            "workspace_slug": _workspace_slug(event, user),
            "resources": list(
                event.resources.filter(
                    pk__in=Resource.objects.listed_for(user).values("pk")
                ).select_related("centre")
            ),
            "papers": selectors.event_papers_for(event, user),
            # Drafts and network-only events stay out of search engines.
            "is_unlisted": event.is_network_only or event.status == Event.Status.DRAFT,
            "ics_url": reverse("events:ics", kwargs={"slug": event.slug}),
            # A network-only event's details are not handed to a third party.
            "google_url": "" if event.is_network_only else _google_calendar_url(event),
        }
        response = TemplateResponse(
            self.request, self.template_name, ctx, status=status
        )
        if ctx["is_unlisted"]:
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


def _workspace_slug(event: Event, user) -> str:
    """The slug of an organiser's workspace the user works in ('' if none)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    for centre in event.organisers.all():
        if centre.role_of(user) is not None:
            return centre.slug
    return ""


def _google_calendar_url(event: Event) -> str:
    fmt = "%Y%m%dT%H%M%SZ"
    from datetime import UTC

    dates = (
        f"{event.starts_at.astimezone(UTC).strftime(fmt)}/"
        f"{event.ends_at.astimezone(UTC).strftime(fmt)}"
    )
    query = urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": dates,
            "details": event.summary,
            "location": event.location_text,
        }
    )
    return f"https://calendar.google.com/calendar/render?{query}"


class EventRegisterView(EventDetailView):
    """POST: one click when signed in; name, e-mail and answers for visitors."""

    http_method_names = ["post"]

    def post(self, request, slug):
        event = self.get_event()
        user = request.user if request.user.is_authenticated else None
        form = RegistrationForm(request.POST, event=event, user=request.user)
        # Each visitor's registration mails a link to an address they typed:
        # limited per client and per address, before anything is stored.
        if user is None and not hit("event_register_ip", client_ip(request)):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(event, form, status=429)
        if not form.is_valid():
            return self.render(event, form, status=400)
        if user is None and not hit(
            "event_register_email", form.cleaned_data["email"].strip().lower()
        ):
            form.add_error(None, RATE_LIMITED_ADDRESS)
            return self.render(event, form, status=429)
        try:
            registration = services.registration_create(
                event=event,
                user=user,
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                answers=form.answers(),
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "answers" in exc.error_dict:
                form.add_error(None, exc.error_dict["answers"])
                return self.render(event, form, status=400)
            messages.error(request, " ".join(exc.messages))
            return redirect(event.get_absolute_url())
        if registration.status == Registration.Status.PENDING:
            messages.success(
                request,
                _(
                    "Almost done: we sent a link to %(email)s. Follow it within 48 "
                    "hours to confirm your registration."
                )
                % {"email": registration.email},
            )
        elif registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _("You are registered. We sent the details to %(email)s.")
                % {"email": registration.email},
            )
        else:
            messages.info(
                request,
                _(
                    "The event is full: you are on the waiting list. If a seat "
                    "becomes free, you move up automatically and we tell you."
                ),
            )
        return redirect(event.get_absolute_url())


class EventUnregisterView(LoginRequiredMixin, _EventMixin, View):
    """POST: the signed-in user cancels their own registration."""

    http_method_names = ["post"]

    def post(self, request, slug):
        event = self.get_event()
        registration = selectors.registration_get_for_user(
            event=event, user=request.user
        )
        if registration is None:
            messages.error(request, _("You are not registered for this event."))
        else:
            services.registration_cancel(registration=registration)
            messages.success(request, _("Your registration was cancelled."))
        return redirect(
            (request.POST.get("next") == "mine" and reverse("events:mine"))
            or event.get_absolute_url()
        )


class EventIcsView(_EventMixin, View):
    """/events/<slug>/calendar.ics: the public entry (never the join link)."""

    def get(self, request, slug):
        event = self.get_event()
        if event.status == Event.Status.DRAFT:
            raise Http404
        response = _calendar_response(event_ics(event), f"{event.slug}.ics")
        if event.is_network_only:
            # For the staff who may open it only: no shared cache keeps it.
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class _FeedView(View):
    def events(self):
        return Event.objects.public()

    def name(self) -> str:
        return _("P2I events")

    def get(self, request, **kwargs):
        events = (
            self.events()
            .select_related("centre")
            .prefetch_related("organisers")
            .order_by("-starts_at")[:FEED_SIZE]
        )
        return _calendar_response(feed_ics(events, name=self.name()), "events.ics")


class EventFeedView(_FeedView):
    """Every public event of the network (subscribe in a calendar app)."""


class OrganiserFeedView(_FeedView):
    def events(self):
        self.centre = get_object_or_404(
            Centre.objects.active(), slug=self.kwargs["slug"]
        )
        return Event.objects.public().for_centre(self.centre)

    def name(self):
        return _("P2I events: %(centre)s") % {"centre": self.centre.short_name}


class SectorFeedView(_FeedView):
    def events(self):
        sector = self.kwargs["sector"]
        if sector not in Sector.values:
            raise Http404
        self.sector = dict(Sector.choices)[sector]
        return Event.objects.public().filter(sectors__contains=[sector])

    def name(self):
        return _("P2I events: %(sector)s") % {"sector": self.sector}


class MyEventsView(LoginRequiredMixin, View):
    """The signed-in user's registrations, waiting-list positions and cancel."""

    def get(self, request):
        registrations = selectors.registration_list_for_user(request.user)
        upcoming = [r for r in registrations if not r.event.is_past and r.is_active]
        other = [r for r in registrations if r not in upcoming]
        return TemplateResponse(
            request,
            "events/my_events.html",
            {"upcoming": upcoming, "other": other[::-1]},
        )


class _SignedLinkMixin:
    purpose = "manage"
    url_name = "events:registration"

    def get_registration(self):
        return selectors.registration_from_token(self.kwargs["token"], self.purpose)

    def invalid(self):
        """A forged link, or one of the older format opened with GET: the same
        page at its opaque address, so the readable one is not used further."""
        if self.request.method == "GET":
            registration = selectors.registration_from_legacy_token(
                self.kwargs["token"], self.purpose
            )
            if registration is not None:
                return redirect(self.url_name, token=registration.token(self.purpose))
        return TemplateResponse(
            self.request, "events/registration_invalid.html", {}, status=400
        )


class RegistrationView(_SignedLinkMixin, View):
    """The signed link in every e-mail: see the registration, cancel it (POST)."""

    def get(self, request, token):
        registration = self.get_registration()
        if registration is None:
            return self.invalid()
        return self.render(registration)

    def render(self, registration):
        event = registration.event
        confirmed = registration.status == Registration.Status.CONFIRMED
        return TemplateResponse(
            self.request,
            "events/registration_manage.html",
            {
                "registration": registration,
                "event": event,
                "waitlist_position": selectors.waitlist_position(registration),
                "join_link": event.online_url if confirmed and event.is_online else "",
            },
        )

    def post(self, request, token):
        registration = self.get_registration()
        if registration is None:
            return self.invalid()
        try:
            registration = services.registration_cancel(registration=registration)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your registration was cancelled."))
        return redirect(request.path)


class RegistrationConfirmView(_SignedLinkMixin, View):
    """The link sent to visitors: GET shows a button, POST confirms (mail
    scanners that open links must not confirm on anyone's behalf)."""

    purpose = "confirm"
    url_name = "events:registration-confirm"

    def get(self, request, token):
        registration = self.get_registration()
        if registration is None:
            return self.invalid()
        if registration.status != Registration.Status.PENDING:
            return redirect(registration.manage_url())
        return TemplateResponse(
            request,
            "events/registration_confirm.html",
            {"registration": registration, "event": registration.event},
        )

    def post(self, request, token):
        registration = self.get_registration()
        if registration is None:
            return self.invalid()
        try:
            registration = services.registration_confirm(registration=registration)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(registration.event.get_absolute_url())
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _("Your registration is confirmed. We sent you the details."),
            )
        else:
            messages.info(
                request,
                _(
                    "Thank you. The event is full, so you are on the waiting list; "
                    "we will write to you if a seat becomes free."
                ),
            )
        return redirect(registration.manage_url())


class NetworkStaffRequiredMixin:
    """THE guard of pages for the staff of every centre (the network space).

    - anonymous → sign-in page;
    - an account that must use two-factor sign-in but has not → its set-up page;
    - anyone else who is not centre staff or the coordinator → 403.
    """

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if mfa_missing(user):
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        if not is_network_staff(user):
            raise PermissionDenied(
                _("The network space is for the staff of the network's centres.")
            )
        return super().dispatch(request, *args, **kwargs)


class NetworkSpaceView(NetworkStaffRequiredMixin, View):
    """/<lang>/network-space/: what the centres share among themselves — the
    network-only meetings (upcoming, and past ones with their minutes and
    papers) and the newest network-only resources."""

    def get(self, request):
        user = request.user
        response = TemplateResponse(
            request,
            "events/network_space.html",
            {
                "upcoming": selectors.event_list_network(user=user, when="upcoming"),
                "past": selectors.event_list_network(user=user, when="past"),
                "resources": resource_list_network_newest(user=user, limit=10),
            },
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

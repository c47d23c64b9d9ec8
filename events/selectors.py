"""Reads for events that combine querysets: the public calendar, seats, My events."""

from dataclasses import dataclass

from django.core import signing
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django_countries import countries
from django_scopes import scopes_disabled

from centres.models import Centre
from p2i_portal.vocab import Language, Sector

from .models import Event, Registration

FILTERS = ("kind", "organiser", "country", "format", "sector", "language")


@dataclass
class EventParams:
    """The public calendar's filters, all in the URL (validated; junk is ignored)."""

    when: str = "upcoming"
    kind: str = ""
    organiser: str = ""
    country: str = ""
    format: str = ""
    sector: str = ""
    language: str = ""

    @classmethod
    def from_query(cls, query) -> "EventParams":
        def pick(name, allowed):
            value = str(query.get(name, ""))[:60]
            return value if value in allowed else ""

        return cls(
            when="past" if query.get("when") == "past" else "upcoming",
            kind=pick("kind", Event.Kind.values),
            organiser=pick(
                "organiser",
                set(Centre.objects.active().values_list("slug", flat=True)),
            ),
            country=pick("country", dict(countries)),
            format=pick("format", Event.Format.values),
            sector=pick("sector", Sector.values),
            language=pick("language", Language.values),
        )

    def active(self) -> dict:
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name)}


def _organisers_prefetch():
    return Prefetch(
        "organisers",
        queryset=Centre.objects.only("pk", "slug", "short_name", "name", "country"),
    )


def event_list_public(*, params: EventParams, now=None, user=None):
    """Published and cancelled events, upcoming (soonest first) or past (latest
    first), filtered by the params. Country matches the venue or an organiser.

    The public ones only; with `user`, what is listed for them
    (Event.objects.listed_for: network-only events too for centre staff)."""
    now = now or timezone.now()
    qs = Event.objects.listed_for(user) if user is not None else Event.objects.public()
    if params.when == "past":
        qs = qs.past(now).order_by("-starts_at", "-pk")
    else:
        qs = qs.upcoming(now).order_by("starts_at", "pk")
    if params.kind:
        qs = qs.filter(kind=params.kind)
    if params.format:
        qs = qs.filter(format=params.format)
    if params.language:
        qs = qs.filter(language=params.language)
    if params.sector:
        qs = qs.filter(sectors__contains=[params.sector])
    if params.organiser:
        qs = qs.filter(organisers__slug=params.organiser)
    if params.country:
        qs = qs.filter(
            Q(country=params.country)
            | Q(
                pk__in=Event.objects.filter(organisers__country=params.country).values(
                    "pk"
                )
            )
        )
    return qs.select_related("centre").prefetch_related(_organisers_prefetch())


def organiser_choices():
    """Centres and projects that organise at least one public event."""
    return (
        Centre.objects.active()
        .filter(organised_events__in=Event.objects.public())
        .distinct()
        .order_by("name")
        .only("slug", "name", "short_name")
    )


@scopes_disabled()
def event_seats(event: Event) -> dict:
    """Confirmed, waitlisted and pending counts and the seats left (None: no limit).

    Counts only, across organisers: safe to show publicly."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        pending=Count("pk", filter=Q(status=Registration.Status.PENDING)),
    )
    left = None
    if event.capacity is not None:
        left = max(event.capacity - counts["confirmed"], 0)
    return {**counts, "left": left, "full": left == 0}


@scopes_disabled()
def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None when not waitlisted."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = (
        Registration.objects.filter(event_id=registration.event_id)
        .waitlisted()
        .filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


@scopes_disabled()
def registration_get_for_user(*, event: Event, user) -> Registration | None:
    """The signed-in user's active registration for `event` (by account or address)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event=event)
        .active()
        .filter(Q(user=user) | Q(email=user.email))
        .first()
    )


@scopes_disabled()
def registration_list_for_user(user) -> list[Registration]:
    """The user's registrations across all centres' events (explicitly unscoped),
    upcoming first, each with `waitlist_position`."""
    registrations = list(
        Registration.objects.filter(Q(user=user) | Q(email=user.email))
        .exclude(status=Registration.Status.EXPIRED)
        .select_related("event")
        .prefetch_related(Prefetch("event__organisers", queryset=Centre.objects.all()))
        .order_by("event__starts_at", "pk")
    )
    for registration in registrations:
        registration.waitlist_position = waitlist_position(registration)
    return registrations


@scopes_disabled()
def registration_from_token(token: str, purpose: str) -> Registration | None:
    """The registration a link names, or None when the link was tampered with
    or names nothing."""
    pk = Registration.token_pk(token)
    if pk is None:
        return None
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or not registration.check_token(token, purpose):
        return None
    return registration


@scopes_disabled()
def registration_from_legacy_token(token: str, purpose: str) -> Registration | None:
    """The registration a link of the older, readable format names (they were
    signed too, so the signature still decides), or None."""
    try:
        payload = Registration.unsign_legacy(token, purpose)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
        return None
    return (
        Registration.objects.select_related("event")
        .filter(pk=payload["r"], email=str(payload.get("e", "")))
        .first()
    )


def event_attendees(event: Event):
    """The event's registrations for its organisers' workspace (runs in the
    workspace's scope: only the organisers' workspaces see them)."""
    return (
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.EXPIRED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def event_list_next(*, limit: int = 3, now=None) -> list[Event]:
    """The next public events, soonest first, for the home page."""
    return list(event_list_public(params=EventParams(), now=now)[:limit])


def event_list_network(*, user, when: str = "upcoming", limit: int = 20, now=None):
    """The network-only events listed for `user` (none unless centre staff or the
    coordinator), for the network space: upcoming soonest first, or past latest
    first, each with `papers_listed`, the papers `user` sees in lists."""
    from knowledge.models import Resource

    now = now or timezone.now()
    qs = Event.objects.listed_for(user).network_only()
    if when == "past":
        qs = qs.past(now).order_by("-starts_at", "-pk")
    else:
        qs = qs.upcoming(now).order_by("starts_at", "pk")
    papers = Prefetch(
        "papers",
        queryset=Resource.objects.listed_for(user)
        .select_related("centre")
        .only("pk", "title", "slug", "kind", "visibility", "language", "centre__slug")
        .order_by("title"),
        to_attr="papers_listed",
    )
    return list(
        qs.select_related("centre").prefetch_related(_organisers_prefetch(), papers)[
            :limit
        ]
    )


def event_papers_for(event: Event, user) -> list:
    """The papers `event` produced that `user` may open, by title."""
    from knowledge.models import Resource

    return list(
        event.papers.filter(pk__in=Resource.objects.visible_to(user).values("pk"))
        .select_related("centre")
        .order_by("title")
    )


def event_list_producing(resource, user) -> list[Event]:
    """The meetings that produced `resource` and that `user` may open."""
    return list(
        Event.objects.visible_to(user)
        .filter(papers=resource)
        .only("pk", "slug", "title", "starts_at", "ends_at", "timezone", "language")
        .order_by("-starts_at")
    )


@scopes_disabled()
def event_list_attendance(*, starts_from, starts_before, centre=None):
    """Published events starting in [starts_from, starts_before), oldest first,
    each with `registered` (confirmed registrations) and `checked_in` counts and
    its organisers prefetched: two queries whatever the number of events.

    `centre` limits it to the events that centre organises (alone or jointly).
    Counts only, for the coordinator's and the organisers' reports.
    """
    qs = Event.objects.published().filter(
        starts_at__gte=starts_from, starts_at__lt=starts_before
    )
    if centre is not None:
        qs = qs.for_centre(centre)
    return (
        qs.annotate(
            registered=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            ),
            checked_in=Count(
                "registrations", filter=Q(registrations__checked_in_at__isnull=False)
            ),
        )
        .select_related("centre")
        .prefetch_related(_organisers_prefetch())
        .order_by("starts_at", "pk")
    )

"""Reads of the advice desk: inboxes with their filters and counts, the
procurer's own requests, signed links, the routing table."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import Centre

from .models import AdviceMessage, AdviceRequest, AdviceRequestQuerySet

AGES = ("today", "week", "older", "month")


@dataclass
class InboxParams:
    """The inbox's filters, read from the query string; unknown values are ignored."""

    status: str = ""
    assignee: str = ""  # a user's pk, "me" or "none"
    sector: str = ""
    age: str = ""
    clock: str = ""  # "due" (due today) or "overdue", as the inbox counts them

    @classmethod
    def from_query(cls, query) -> "InboxParams":
        from p2i_portal.vocab import Sector

        status = query.get("status", "")
        assignee = query.get("assignee", "")
        sector = query.get("sector", "")
        age = query.get("age", "")
        clock = query.get("clock", "")
        return cls(
            status=status
            if status in AdviceRequest.Status.values or status == "open"
            else "",
            assignee=assignee
            if assignee in ("me", "none") or (assignee.isdigit() and len(assignee) < 12)
            else "",
            sector=sector if sector in Sector.values else "",
            age=age if age in AGES else "",
            clock=clock if clock in ("due", "overdue") else "",
        )


def _filter(qs, params: InboxParams, user):
    if params.status == "open":
        qs = qs.open()
    elif params.status:
        qs = qs.filter(status=params.status)
    if params.assignee == "me":
        qs = qs.filter(assignee=user)
    elif params.assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif params.assignee:
        qs = qs.filter(assignee_id=int(params.assignee))
    if params.sector:
        qs = qs.filter(sector=params.sector)
    now = timezone.now()
    if params.age == "today":
        qs = qs.filter(confirmed_at__gte=now - timedelta(days=1))
    elif params.age == "week":
        qs = qs.filter(confirmed_at__gte=now - timedelta(days=7))
    elif params.age == "older":
        qs = qs.filter(confirmed_at__lt=now - timedelta(days=7))
    elif params.age == "month":
        qs = qs.filter(confirmed_at__lt=now - timedelta(days=30))
    today = timezone.localdate()
    if params.clock == "due":
        qs = qs.awaiting_first_reply().filter(due_on=today)
    elif params.clock == "overdue":
        qs = qs.awaiting_first_reply().filter(due_on__lt=today)
    return qs


def inbox_counts(qs) -> dict:
    """Counts of a desk in one aggregate query: per status, open, due and overdue."""
    today = timezone.localdate()
    waiting_first = Q(
        status__in=AdviceRequestQuerySet.OPEN, first_replied_at__isnull=True
    )
    aggregates = {
        status: Count("pk", filter=Q(status=status))
        for status in AdviceRequest.Status.values
    }
    aggregates["open"] = Count("pk", filter=Q(status__in=AdviceRequestQuerySet.OPEN))
    aggregates["due"] = Count("pk", filter=waiting_first & Q(due_on=today))
    aggregates["overdue"] = Count("pk", filter=waiting_first & Q(due_on__lt=today))
    aggregates["total"] = Count("pk")
    return qs.aggregate(**aggregates)


def desk_requests(*, centre: Centre | None):
    """The requests on a desk: a centre's, or (None) the coordinator's queue.
    Unconfirmed visitors' requests are on no desk."""
    qs = AdviceRequest.objects.confirmed()
    qs = qs.unrouted() if centre is None else qs.for_centre(centre)
    return qs


def inbox_list(*, centre: Centre | None, params: InboxParams, user):
    """The filtered inbox of a desk, oldest due first, with its counts.
    The caller holds the desk's permission (and, for a centre, its scope)."""
    base = desk_requests(centre=centre)
    counts = inbox_counts(base)
    rows = (
        _filter(base, params, user)
        .select_related("assignee", "centre")
        .order_by("due_on", "confirmed_at", "pk")
    )
    return rows, counts


def thread(request: AdviceRequest, *, for_procurer: bool) -> list[AdviceMessage]:
    """The request's messages in order; the procurer's view leaves out notes
    and transfer notes, whatever the caller does with the list."""
    qs = AdviceMessage.objects.filter(request=request).select_related(
        "author", "centre"
    )
    if for_procurer:
        qs = qs.filter(kind__in=AdviceMessage.VISIBLE_TO_PROCURER)
    return list(qs)


@scopes_disabled()
def procurer_thread(request: AdviceRequest) -> list[AdviceMessage]:
    """thread() for the procurer's own pages, which have no centre scope."""
    return thread(request, for_procurer=True)


@scopes_disabled()
def request_list_for_user(user) -> list[AdviceRequest]:
    """A signed-in procurer's own requests, newest first (hers only)."""
    return list(
        AdviceRequest.objects.of_user(user)
        .select_related("centre")
        .order_by("-created_at", "-pk")
    )


@scopes_disabled()
def request_get_for_user(user, pk: int) -> AdviceRequest | None:
    return (
        AdviceRequest.objects.of_user(user)
        .select_related("centre")
        .filter(pk=pk)
        .first()
    )


@scopes_disabled()
def request_from_token(token: str, purpose: str) -> AdviceRequest | None:
    """The request a signed link names, or None when it was tampered with."""
    pk = AdviceRequest.token_pk(token)
    if pk is None:
        return None
    request = AdviceRequest.objects.select_related("centre").filter(pk=pk).first()
    if request is None or not request.check_token(token, purpose):
        return None
    return request


def routing_table() -> list[dict]:
    """Which centre answers for which country (the public /advice/ page), as
    services.route_for_country decides: a full centre before an associate one."""
    by_country: dict[str, list[Centre]] = {}
    for centre in (
        Centre.objects.active()
        .of_kind(Centre.Kind.NATIONAL)
        .exclude(country="")
        .order_by("pk")
    ):
        by_country.setdefault(str(centre.country), []).append(centre)
    rows = []
    for candidates in by_country.values():
        full = [c for c in candidates if c.status != Centre.Status.ASSOCIATE]
        centre = (full or candidates)[0]
        rows.append({"country": centre.country, "centre": centre})
    return sorted(rows, key=lambda r: str(r["country"].name))


@dataclass
class ApiParams(InboxParams):
    """The API's filters (validated by its query serializer): the inbox's, and
    a centre's slug for those who read several desks."""

    centre: str = ""


def api_request_list(*, user, params: ApiParams):
    """The confirmed requests on the desks `user` works: her centres' (editor
    or manager, two-factor on where required), or every desk and the unrouted
    queue for the coordinator; filtered, oldest due first. The caller has opened
    the matching scope (permissions.api_scope)."""
    qs = AdviceRequest.objects.confirmed()
    if not getattr(user, "acts_as_coordinator", False):
        qs = qs.filter(centre__in=Centre.objects.workspaces_for(user))
    if params.centre:
        qs = qs.filter(centre__slug=params.centre)
    return (
        _filter(qs, params, user)
        .select_related("assignee", "centre")
        .order_by("due_on", "confirmed_at", "pk")
    )

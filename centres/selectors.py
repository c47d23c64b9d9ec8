"""Composite reads for centres: the public directory, a centre page, a workspace."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django_scopes import scope, scopes_disabled

from p2i_portal.vocab import Service

from .models import AuditEntry, Centre, Invitation, Membership
from .tilemap import tile_grid

DIRECTORY_FILTERS = ("status", "kind", "service", "country", "q")


def centre_list_public(*, filters: dict | None = None):
    """Listed centres filtered by status, kind, service, country and a name query.

    Unknown filter values simply match nothing; they never raise.
    """
    filters = filters or {}
    qs = Centre.objects.active()
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("service"):
        qs = qs.filter(services__contains=[filters["service"]])
    if filters.get("country"):
        qs = qs.filter(country=filters["country"].upper()[:2])
    if filters.get("q"):
        term = filters["q"][:100]
        qs = qs.filter(
            Q(name__icontains=term)
            | Q(short_name__icontains=term)
            | Q(host_organisation__icontains=term)
            | Q(description__icontains=term)
        )
    return qs.order_by("kind", "name")


def network_overview() -> dict:
    """The listed centres as the home page shows them: the national centres, the
    task-force projects, the map and the number of countries, from one query."""
    centres = list(Centre.objects.active())
    national = [c for c in centres if c.kind == Centre.Kind.NATIONAL]
    return {
        "national_centres": national,
        "projects": [c for c in centres if c.kind == Centre.Kind.PROJECT],
        "tiles": tile_grid(national),
        "countries_count": len({c.country.code for c in national}),
    }


def centre_directory_counts() -> dict:
    """Counts of listed centres per status, kind and service, in one query each kind."""
    base = Centre.objects.active()
    aggregates = {
        f"status_{v}": Count("pk", filter=Q(status=v)) for v in Centre.Status.values
    }
    aggregates |= {
        f"kind_{v}": Count("pk", filter=Q(kind=v)) for v in Centre.Kind.values
    }
    aggregates |= {
        f"service_{v}": Count("pk", filter=Q(services__contains=[v]))
        for v in Service.values
    }
    aggregates["total"] = Count("pk")
    return base.aggregate(**aggregates)


@scopes_disabled()
def centre_team_public(*, centre: Centre) -> list[Membership]:
    """The team shown on a public centre page (names, titles, roles): one centre only."""
    return list(
        Membership.objects.filter(centre=centre)
        .select_related("user")
        .order_by("-role", "user__full_name")
    )


def centre_workspace_overview(*, centre: Centre) -> dict:
    """What a workspace's dashboard shows. Runs inside the centre's scope."""
    with scope(centre=centre):
        return {
            "members": list(
                Membership.objects.filter(centre=centre).select_related("user")
            ),
            "invitations": list(
                Invitation.objects.filter(centre=centre)
                .pending()
                .select_related("invited_by")
            ),
            "recent_activity": list(
                AuditEntry.objects.filter(centre=centre).select_related("actor")[:10]
            ),
        }


AUDIT_PAGE_SIZE = 50


def audit_entry_page(
    *,
    centre: Centre | None,
    filters: dict,
    page_number,
    user,
    per_page: int = AUDIT_PAGE_SIZE,
):
    """One page of an activity log, newest first, with exact counts.

    `centre` given: that centre's log (the caller has checked the reader's role
    there). `centre=None`: the whole network's log, every centre's entries and the
    network-wide ones (the caller has checked the coordinator). `filters` are an
    ActivityFilterForm's cleaned data. Each entry on the page gets `target_url`
    (centres/audit.py). A constant number of queries whatever the page holds.
    """
    from .audit import audit_links

    with scopes_disabled():  # the centre filter below is explicit
        qs = AuditEntry.objects.select_related("actor", "centre").newest_first()
        if centre is not None:
            qs = qs.for_centre(centre)
        elif filters.get("centre"):
            qs = qs.for_centre(filters["centre"])
        if filters.get("who"):
            qs = qs.filter(actor=filters["who"])
        if filters.get("what"):
            qs = qs.of_action(filters["what"])
        if filters.get("date_from"):
            qs = qs.filter(created_at__date__gte=filters["date_from"])
        if filters.get("date_to"):
            qs = qs.filter(created_at__date__lte=filters["date_to"])
        page = Paginator(qs, per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        audit_links(page.object_list, user=user)
    return page


def audit_log_people(*, centre: Centre | None):
    """The people who appear in a log (its `who` filter), by name."""
    from accounts.models import User

    with scopes_disabled():
        entries = AuditEntry.objects.all()
        if centre is not None:
            entries = entries.for_centre(centre)
        return User.objects.filter(
            pk__in=entries.filter(actor__isnull=False).values("actor")
        ).order_by("full_name", "email")

"""Composite reads for centres: the public directory, a centre page, a workspace."""

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


def centre_audit_list(*, centre: Centre, limit: int = 200) -> list[AuditEntry]:
    with scope(centre=centre):
        return list(
            AuditEntry.objects.filter(centre=centre).select_related("actor")[:limit]
        )

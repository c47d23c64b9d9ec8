"""Reads of the call for participation: signed links, a project's list of
applications with its filters and counts, and the member directory."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django_countries import countries

from centres.models import Centre
from p2i_portal.vocab import Sector

from .models import ApplicantType, TaskForceApplication

VALID_STATUSES = set(TaskForceApplication.Status.values)
VALID_TYPES = set(ApplicantType.values)


def application_from_token(token: str, purpose: str) -> TaskForceApplication | None:
    """The application a signed link names, or None when it was tampered with."""
    pk = TaskForceApplication.token_pk(token)
    if pk is None:
        return None
    application = TaskForceApplication.objects.filter(pk=pk).first()
    if application is None or not application.check_token(token, purpose):
        return None
    return application


def projects() -> list[Centre]:
    return list(Centre.objects.active().of_kind(Centre.Kind.PROJECT).order_by("name"))


def _country(value: str) -> str:
    value = (value or "").upper()
    return value if value in dict(countries) else ""


@dataclass
class ListParams:
    """A project's filters; unknown values are ignored, never an error."""

    status: str = ""
    type: str = ""
    country: str = ""

    @classmethod
    def from_query(cls, query) -> "ListParams":
        status = query.get("status", "")
        kind = query.get("type", "")
        return cls(
            status=status if status in VALID_STATUSES else "",
            type=kind if kind in VALID_TYPES else "",
            country=_country(query.get("country", "")),
        )


def project_applications(*, centre: Centre, params: ListParams):
    """The project's applications after the filters, and the exact count per
    status (of the other filters) in one aggregate query."""
    rows = TaskForceApplication.objects.for_project(centre)
    if params.type:
        rows = rows.filter(organisation_type=params.type)
    if params.country:
        rows = rows.filter(country=params.country)
    counts = rows.aggregate(
        **{
            status: Count("pk", filter=Q(status=status))
            for status in TaskForceApplication.Status.values
        }
    )
    if params.status:
        rows = rows.filter(status=params.status)
    return rows.prefetch_related("projects"), counts


def project_members(*, centre: Centre):
    """The project's accepted members (its CSV export)."""
    return (
        TaskForceApplication.objects.for_project(centre)
        .accepted()
        .order_by("organisation", "pk")
        .prefetch_related("projects")
    )


@dataclass
class DirectoryParams:
    type: str = ""
    country: str = ""
    sector: str = ""
    project: str = ""

    @classmethod
    def from_query(cls, query) -> "DirectoryParams":
        kind, sector = query.get("type", ""), query.get("sector", "")
        project = query.get("project", "")
        return cls(
            type=kind if kind in VALID_TYPES else "",
            country=_country(query.get("country", "")),
            sector=sector if sector in Sector.values else "",
            project=project if project in {p.slug for p in projects()} else "",
        )


def directory(*, params: DirectoryParams):
    """Listed members after the filters, by organisation name."""
    rows = TaskForceApplication.objects.listed()
    if params.type:
        rows = rows.filter(organisation_type=params.type)
    if params.country:
        rows = rows.filter(country=params.country)
    if params.sector:
        rows = rows.filter(sectors__contains=[params.sector])
    if params.project:
        rows = rows.filter(projects__slug=params.project)
    return rows.order_by("organisation", "pk").prefetch_related(
        Prefetch("projects", queryset=Centre.objects.order_by("name"))
    )


def directory_countries() -> list[tuple[str, str]]:
    """The countries that have listed members (the directory's filter)."""
    codes = set(TaskForceApplication.objects.listed().values_list("country", flat=True))
    return [(code, name) for code, name in countries if code in codes]

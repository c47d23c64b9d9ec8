"""Reads of open market consultations: the public list with its full-text
search and filters, and the answers each person may read."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db.models import F, Q
from django.utils import timezone
from django_countries import countries
from django_scopes import scopes_disabled

from knowledge.selectors import AnyLanguageQuery
from p2i_portal.vocab import Sector

from .models import Challenge, ChallengeAnswer

MAX_QUERY_LENGTH = 200
STATES = ("open", "closed")


@dataclass
class ChallengeParams:
    """The list's search and filters; a value the list does not know is
    dropped (the API refuses it instead, in its query serializer)."""

    q: str = ""
    sector: str = ""
    country: str = ""
    state: str = ""

    @classmethod
    def from_query(cls, data) -> "ChallengeParams":
        def one(name, allowed=None):
            value = (data.get(name) or "").strip()
            if allowed is not None and value not in allowed:
                return ""
            return value

        q = "".join(ch for ch in one("q") if ch >= " " and ch != "\x7f")
        return cls(
            q=q[:MAX_QUERY_LENGTH].strip(),
            sector=one("sector", Sector.values),
            country=one("country", dict(countries)),
            state=one("status", STATES),
        )

    def active(self) -> dict:
        values = {"q": self.q, "sector": self.sector, "country": self.country}
        values["status"] = self.state
        return {k: v for k, v in values.items() if v}


def challenge_search(*, params: ChallengeParams):
    """Published challenges matching the search (every language the knowledge
    base indexes, best matches first) and the filters; else the newest
    first."""
    today = timezone.localdate()
    qs = Challenge.objects.published().select_related("centre")
    if params.sector:
        qs = qs.filter(sector=params.sector)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.state == "open":
        qs = qs.filter(deadline__gte=today)
    elif params.state == "closed":
        qs = qs.filter(deadline__lt=today)
    if params.q:
        query = AnyLanguageQuery(params.q)
        return qs.filter(Q(search_vector=query)).order_by(
            -SearchRank(F("search_vector"), query), "-published_at", "-pk"
        )
    return qs.order_by("-published_at", "-pk")


@scopes_disabled()
def answers_visible(challenge: Challenge, user) -> list[ChallengeAnswer]:
    """The answers to `challenge` that `user` may read (ChallengeAnswer's one
    rule): all of them for the buyer and her centre, her own for a supplier."""
    return list(
        ChallengeAnswer.objects.visible_to(user)
        .filter(challenge=challenge)
        .select_related("supplier", "challenge")
    )


@scopes_disabled()
def answer_of(challenge: Challenge, user) -> ChallengeAnswer | None:
    """The supplier's own answer to `challenge`, if she gave one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ChallengeAnswer.objects.of_supplier(user)
        .filter(challenge=challenge)
        .select_related("challenge")
        .first()
    )


@scopes_disabled()
def answer_count(challenge: Challenge) -> int:
    return ChallengeAnswer.objects.filter(challenge=challenge).count()


@scopes_disabled()
def answers_of_supplier(user) -> list[ChallengeAnswer]:
    """Her answers, newest first, with their challenges."""
    return list(
        ChallengeAnswer.objects.of_supplier(user)
        .select_related("challenge")
        .order_by("-created_at")
    )


def audit_challenge_links(ids, user, roles) -> dict[int, str]:
    """Activity-log links (centres.audit): a challenge opens in the workspace
    of its centre for that centre's staff, nowhere else."""
    from django.urls import reverse

    rows = Challenge.objects.filter(pk__in=ids, centre_id__in=list(roles)).values_list(
        "pk", "centre__slug"
    )
    return {
        pk: reverse("manage:challenges:detail", args=[slug, pk]) for pk, slug in rows
    }

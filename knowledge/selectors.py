"""Reads for the knowledge base: the network-wide search with facets."""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import EmptyPage, Paginator
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from centres.models import Centre
from p2i_portal.vocab import Language, Sector

from .models import SEARCH_CONFIGS, Approach, Resource

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
FACETS = ("kind", "sector", "approach", "country", "centre", "language", "year")
SORTS = ("relevance", "newest", "oldest")


@dataclass
class SearchParams:
    q: str = ""
    kind: list[str] = field(default_factory=list)
    sector: list[str] = field(default_factory=list)
    approach: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    centre: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_querydict(cls, data) -> "SearchParams":
        """Lenient parsing: unknown values are dropped, odd input never raises."""

        def many(name, allowed=None, transform=str):
            values = []
            for raw in data.getlist(name)[:20]:
                value = transform(raw.strip())[:60]
                if (
                    value
                    and (allowed is None or value in allowed)
                    and value not in values
                ):
                    values.append(value)
            return values

        try:
            page = int(data.get("page", "1"))
        except (TypeError, ValueError):
            page = 1
        sort = data.get("sort", "")
        return cls(
            q=" ".join(data.get("q", "").split())[:MAX_QUERY_LENGTH],
            kind=many("kind", set(Resource.Kind.values)),
            sector=many("sector", set(Sector.values)),
            approach=many("approach", set(Approach.values)),
            country=many("country", transform=str.upper),
            centre=many("centre"),
            language=many("language", set(Language.values)),
            year=[y for y in many("year") if y.isdigit() and len(y) == 4],
            sort=sort
            if sort in SORTS
            else ("relevance" if data.get("q") else "newest"),
            page=max(1, min(page, 10_000)),
        )

    def filters(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FACETS}


def build_query(q: str) -> SearchQuery:
    """The visitor's words in every language the network stems, plus unstemmed."""
    query = SearchQuery(q, config="simple", search_type="websearch")
    for config in dict.fromkeys(SEARCH_CONFIGS.values()):
        query |= SearchQuery(q, config=config, search_type="websearch")
    return query


def _filtered(base, params: SearchParams):
    qs = base
    if params.kind:
        qs = qs.filter(kind__in=params.kind)
    if params.sector:
        qs = qs.filter(sectors__overlap=params.sector)
    if params.approach:
        qs = qs.filter(approaches__overlap=params.approach)
    if params.country:
        qs = qs.filter(countries__overlap=params.country)
    if params.centre:
        qs = qs.filter(centre__slug__in=params.centre)
    if params.language:
        qs = qs.filter(language__in=params.language)
    if params.year:
        qs = qs.filter(published_at__year__in=[int(y) for y in params.year])
    return qs


_FACET_SQL = """
WITH hits AS ({inner})
SELECT 'kind', kind, count(*) FROM hits GROUP BY kind
UNION ALL SELECT 'sector', s, count(*) FROM hits, unnest(sectors) s GROUP BY s
UNION ALL SELECT 'approach', a, count(*) FROM hits, unnest(approaches) a GROUP BY a
UNION ALL SELECT 'country', c, count(*) FROM hits, unnest(countries) c GROUP BY c
UNION ALL SELECT 'centre', centre_id::text, count(*) FROM hits GROUP BY centre_id
UNION ALL SELECT 'language', language, count(*) FROM hits GROUP BY language
UNION ALL SELECT 'year', extract(year FROM published_at)::int::text, count(*)
  FROM hits WHERE published_at IS NOT NULL GROUP BY 2
"""


def facet_counts(qs) -> dict[str, dict[str, int]]:
    """Counts per value of every facet over `qs`, in one aggregate query."""
    inner = qs.order_by().values(
        "kind",
        "sectors",
        "approaches",
        "countries",
        "centre_id",
        "language",
        "published_at",
    )
    sql, params = inner.query.sql_with_params()
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    with connection.cursor() as cursor:
        cursor.execute(_FACET_SQL.format(inner=sql), params)
        for facet, value, count in cursor.fetchall():
            counts[facet][value] = count
    return counts


# ts_headline does not escape; mark with control characters, escape, then swap.
MARK_START, MARK_STOP = "\x02", "\x03"


def _safe_snippet(snippet: str | None):
    if not snippet:
        return ""
    html = escape(snippet).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our <mark> tags remain


@dataclass
class SearchResult:
    params: SearchParams
    page: object  # django.core.paginator.Page
    facets: dict
    total: int
    centres: dict  # id → Centre, for facet labels


def resource_search(*, user, params: SearchParams) -> SearchResult:
    """Search and browse what `user` may see; a fixed number of queries.

    Full-text on the stored tsvector (GIN), typo-tolerant on titles (pg_trgm), facet
    counts in one aggregate, snippets only for the page shown.
    """
    base = Resource.objects.listed_for(user)
    qs = _filtered(base, params)
    query = None
    if params.q:
        query = build_query(params.q)
        qs = qs.filter(Q(search_vector=query) | Q(title__trigram_word_similar=params.q))
    facets = facet_counts(qs)
    total = sum(facets["kind"].values())

    if query is not None:
        qs = qs.annotate(rank=SearchRank(F("search_vector"), query))
    if params.sort == "relevance" and query is not None:
        qs = qs.order_by("-rank", "-published_at", "pk")
    elif params.sort == "oldest":
        qs = qs.order_by("published_at", "pk")
    else:
        qs = qs.order_by("-published_at", "-pk")
    qs = qs.select_related("centre").defer("body", "body_html", "search_vector")
    if query is not None:
        qs = qs.annotate(
            snippet=SearchHeadline(
                "summary",
                query,
                config=F("search_config"),
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=45,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    paginator = Paginator(qs, PAGE_SIZE, allow_empty_first_page=True)
    paginator.count = total  # counted by the facet query already
    try:
        page = paginator.page(params.page)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
        params.page = page.number
    for resource in page.object_list:
        resource.snippet_html = _safe_snippet(getattr(resource, "snippet", None))
    centres = {
        c.pk: c
        for c in Centre.objects.filter(pk__in=[int(k) for k in facets["centre"]])
    }
    return SearchResult(
        params=params, page=page, facets=facets, total=total, centres=centres
    )

"""Reads for the knowledge base: the network-wide search with facets."""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Q, Value, When
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
                # PostgreSQL refuses NUL in any string: drop it, never raise.
                value = transform(raw.replace("\x00", "").strip())[:60]
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
            q=" ".join(data.get("q", "").replace("\x00", "").split())[
                :MAX_QUERY_LENGTH
            ],
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


class AnyLanguageQuery(SearchQuery):
    """websearch_to_tsquery of the words in every configuration, OR'ed.

    The SQL of nine SearchQuery objects combined with `|`, as one expression:
    Django compiles a search's query several times, and nine combined objects
    cost it milliseconds each time.
    """

    CONFIGS = tuple(dict.fromkeys(["simple", *SEARCH_CONFIGS.values()]))

    def __init__(self, value):
        super().__init__(value, search_type="websearch")

    def as_sql(self, compiler, connection, function=None, template=None):
        words, params = compiler.compile(self.source_expressions[0])
        sql = " || ".join(
            f"websearch_to_tsquery('{config}'::regconfig, {words})"
            for config in self.CONFIGS
        )
        return f"({sql})", params * len(self.CONFIGS)


def build_query(q: str) -> SearchQuery:
    """The visitor's words in every language the network stems, plus unstemmed."""
    return AnyLanguageQuery(q)


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


# Full-text matches fewer than this (less than a page): titles close to the words
# (pg_trgm) are added, so that a typo still finds something. Past it the trigram
# scan is skipped: for a common word it would recheck thousands of titles.
TYPO_FALLBACK_BELOW = PAGE_SIZE
# Relevance is ranked exactly for up to this many matches; past it, among the
# newest RANK_WINDOW matches, the older ones following by date. Ranking reads each
# match's stored vector (out of line, in TOAST): for a word found in half of
# 100 000 resources that alone costs hundreds of milliseconds, to order matches
# that differ little. bench/bench_search.py measures it.
RANK_WINDOW = 1000

_FACET_COLUMNS = (
    "kind",
    "sectors",
    "approaches",
    "countries",
    "centre_id",
    "language",
    "published_at",
)
# Arrays are unnested in the select list (cheaper than a lateral function scan
# per row); values are turned into text after grouping, not before.
_FACET_SQL = """
SELECT 'kind', kind, count(*) FROM hits GROUP BY kind
UNION ALL SELECT 'sector', v, count(*) FROM (SELECT unnest(sectors) v FROM hits) x
  GROUP BY v
UNION ALL SELECT 'approach', v, count(*) FROM (SELECT unnest(approaches) v FROM hits) x
  GROUP BY v
UNION ALL SELECT 'country', v, count(*) FROM (SELECT unnest(countries) v FROM hits) x
  GROUP BY v
UNION ALL SELECT 'centre', centre_id::text, count(*) FROM hits GROUP BY centre_id
UNION ALL SELECT 'language', language, count(*) FROM hits GROUP BY language
UNION ALL SELECT 'year', y::int::text, n FROM (
  SELECT date_part('year', published_at) y, count(*) n FROM hits
  WHERE published_at IS NOT NULL GROUP BY 1) x
"""
# Full-text hits, plus title typos only while the full-text hits are few: the
# condition is a constant of the statement, so PostgreSQL runs the trigram scan
# only when it holds (a "One-Time Filter").
_HITS_WITH_TYPOS = """
WITH ft AS ({ft}),
typo AS (
  SELECT * FROM ({typo}) t
  WHERE (SELECT count(*) FROM (SELECT 1 FROM ft LIMIT %s) f) < %s
),
hits AS (SELECT * FROM ft UNION ALL SELECT * FROM typo)
"""
_TYPOS_SQL = "UNION ALL SELECT 'meta', 'typos', count(*) FROM typo"
# When the RANK_WINDOW-th newest hit was published, in whole seconds (no row:
# fewer hits).
_WINDOW_SQL = """
UNION ALL SELECT 'meta', 'window-at', floor(extract(epoch FROM published_at))::bigint
  FROM (SELECT published_at FROM hits ORDER BY published_at DESC OFFSET %s LIMIT 1) w
"""


def _sql(qs) -> tuple[str, tuple]:
    return qs.order_by().values(*_FACET_COLUMNS).query.sql_with_params()


def _listed(user, params: SearchParams):
    return _filtered(Resource.objects.listed_for(user), params)


def facet_statement(*, user, params: SearchParams, base=None) -> tuple[str, list]:
    """The one aggregate statement of a search: counts per value of every facet,
    and the facts that shape the page query ('meta' rows: typos, window)."""
    if base is None:
        base = _listed(user, params)
    if not params.q:
        sql, args = _sql(base)
        return f"WITH hits AS ({sql})" + _FACET_SQL, list(args)
    query = build_query(params.q)
    ft_sql, ft_args = _sql(base.filter(search_vector=query))
    typo_sql, typo_args = _sql(
        base.filter(title__trigram_word_similar=params.q).exclude(search_vector=query)
    )
    sql = _HITS_WITH_TYPOS.format(ft=ft_sql, typo=typo_sql) + _FACET_SQL + _TYPOS_SQL
    args = [*ft_args, *typo_args, TYPO_FALLBACK_BELOW, TYPO_FALLBACK_BELOW]
    if params.sort == "relevance":
        sql += _WINDOW_SQL
        args.append(RANK_WINDOW - 1)
    return sql, args


def facet_counts(*, user, params: SearchParams, base=None) -> tuple[dict, dict]:
    """Counts per value of every facet over the hits, in one aggregate query;
    and the 'meta' facts (see facet_statement)."""
    sql, args = facet_statement(user=user, params=params, base=base)
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    meta: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        for facet, value, count in cursor.fetchall():
            if facet == "meta":
                meta[value] = count
            else:
                counts[facet][value] = count
    return counts, meta


def resource_search_queryset(
    *, user, params: SearchParams, typos: bool = True, window_from=None, base=None
):
    """The filtered, ordered queryset the pages of a search are cut from.

    `typos`: also match titles close to the words (pg_trgm). `window_from`: with
    a relevance sort, rank only the hits published since then (see RANK_WINDOW).
    """
    qs = _listed(user, params) if base is None else base
    query = build_query(params.q) if params.q else None
    if query is not None:
        match = Q(search_vector=query)
        if typos:
            match |= Q(title__trigram_word_similar=params.q)
        qs = qs.filter(match)
    if params.sort == "relevance" and query is not None:
        # Only what is sorted by is computed: ts_rank reads the whole vector.
        rank = SearchRank(F("search_vector"), query)
        if window_from is not None:
            rank = Case(
                When(published_at__gte=window_from, then=rank),
                default=Value(None),
                output_field=FloatField(),
            )
        qs = qs.annotate(rank=rank).order_by(
            F("rank").desc(nulls_last=True), "-published_at", "pk"
        )
    elif params.sort == "oldest":
        qs = qs.order_by("published_at", "pk")
    else:
        qs = qs.order_by("-published_at", "-pk")
    return qs.select_related("centre").defer("body", "body_html", "search_vector")


def page_queryset(qs, params: SearchParams, *, number: int):
    """The rows of page `number` of the ordered `qs`, with snippets.

    The page is cut by id in a subquery, so that ts_headline runs for its rows
    only: in the SELECT of the ordered query itself it would run, before OFFSET,
    for every row of the pages skipped too.
    """
    bottom = (number - 1) * PAGE_SIZE
    page = qs.filter(pk__in=qs.values("pk")[bottom : bottom + PAGE_SIZE])
    if params.q:
        page = page.annotate(
            snippet=SearchHeadline(
                "summary",
                build_query(params.q),
                config=F("search_config"),
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=45,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    return page


@contextmanager
def search_planner(*, full_text: bool):
    """Planner settings for the statements of one search, undone afterwards.

    JIT off: compiling costs tens of milliseconds, more than these queries run.
    Sequential scans off for full-text searches: the planner does not know that
    `@@` must fetch each row's vector from TOAST, and would scan the whole table
    where the GIN index gives the matches directly. SET LOCAL needs a transaction;
    reads only, so the savepoint is rolled back, which restores the settings.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), "
                "set_config('enable_seqscan', %s, true)",
                ["off" if full_text else "on"],
            )
        yield
        transaction.set_rollback(True)


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

    Full-text on the stored tsvector (GIN), typo-tolerant on titles (pg_trgm) when
    the full text finds less than a page, facet counts in one aggregate, snippets
    only for the page shown. Reads only.
    """
    base = _listed(user, params)
    with search_planner(full_text=bool(params.q)):
        facets, meta = facet_counts(user=user, params=params, base=base)
        total = sum(facets["kind"].values())
        window_from = None
        if "window-at" in meta:
            window_from = datetime.fromtimestamp(meta["window-at"], tz=UTC)
        qs = resource_search_queryset(
            user=user,
            params=params,
            typos=meta.get("typos", 0) > 0,
            window_from=window_from,
            base=base,
        )
        paginator = Paginator(qs, PAGE_SIZE, allow_empty_first_page=True)
        paginator.count = total  # counted by the facet query already
        try:
            number = paginator.validate_number(params.page)
        except EmptyPage:
            number = params.page = paginator.num_pages
        rows = list(page_queryset(qs, params, number=number))
        for resource in rows:
            resource.snippet_html = _safe_snippet(getattr(resource, "snippet", None))
        page = Page(rows, number, paginator)
    centres = {
        c.pk: c
        for c in Centre.objects.filter(pk__in=[int(k) for k in facets["centre"]])
    }
    return SearchResult(
        params=params, page=page, facets=facets, total=total, centres=centres
    )

"""Reads for the knowledge base: the network-wide search with facets."""

import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.utils.html import escape
from django.utils.safestring import mark_safe

from centres.models import Centre
from p2i_portal.vocab import Language, Sector

from .models import SEARCH_CONFIGS, Approach, Resource
from .search_cache import cached
from .trigram import trigram_installed

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
    """websearch_to_tsquery of the words in every configuration, OR'ed, each
    distinct query once (p2i_any_language_query, migration 0005): repeats would
    make the planner misjudge the vector's index.

    One expression, not nine SearchQuery objects combined with `|`: Django
    compiles a search's query several times, and nine combined objects cost it
    milliseconds each time.
    """

    CONFIGS = tuple(dict.fromkeys(["simple", *SEARCH_CONFIGS.values()]))

    def __init__(self, value):
        super().__init__(value, search_type="websearch")

    def as_sql(self, compiler, connection, function=None, template=None):
        words, params = compiler.compile(self.source_expressions[0])
        return (
            f"p2i_any_language_query(%s::regconfig[], {words})",
            [list(self.CONFIGS), *params],
        )


def build_query(q: str) -> SearchQuery:
    """The visitor's words in every language the network stems, plus unstemmed."""
    return AnyLanguageQuery(q)


_QUOTED = re.compile(r'"([^"]*)"')
# Outside the quotes: an OR, or a minus that starts a word (a negation, which may
# be of a phrase), makes a phrase no longer required by the query.
_NOT_REQUIRED = re.compile(r"(?:^|\s)(?:or(?:\s|$)|-)", re.IGNORECASE)


class PhraseMatch(Func):
    """A full-text match of words with quoted phrases that every match must hold.

    `phrase_vector` (migration 0004) holds the pairs of lexemes next to each other
    in each resource's vector: the resources holding every pair of the phrases in
    some language are a superset of the matches, exact from its GIN index without
    reading a vector. The `@@` check then runs on those few rows only, as the
    function (ts_match_vq), which no index serves: as `@@` the planner would also
    scan the vector's index for every resource holding the words and AND the two
    bitmaps, tens of thousands of entries for common words.

    p2i_phrase_filter() is a constant of the statement, folded by PostgreSQL with
    the CASE: when it is NULL (some language leaves a phrase without a pair, say
    a stop word between two words) the match is the plain indexed `@@`.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, query, phrases):
        super().__init__(F("search_vector"), F("phrase_vector"), query)
        self.phrases = list(phrases)

    def as_sql(self, compiler, connection, **extra):
        (vector, v_args), (pairs_column, p_args), (query, q_args) = (
            compiler.compile(e) for e in self.source_expressions
        )
        pairs = "p2i_phrase_filter(%s::regconfig[], %s::text[])"
        pair_args = [list(AnyLanguageQuery.CONFIGS), self.phrases]
        sql = (
            f"CASE WHEN {pairs} IS NULL THEN {vector} @@ {query} "
            f"ELSE ({pairs_column} @@ {pairs} AND ts_match_vq({vector}, {query})) END"
        )
        args = [*pair_args, *v_args, *q_args, *p_args, *pair_args, *v_args, *q_args]
        return sql, args


def full_text_match(q: str) -> Q:
    """The condition of a full-text match of `q`: its words in some language
    (build_query), through the word pairs of its phrases when it has any that
    every match must hold (PhraseMatch)."""
    query = build_query(q)
    phrases = [p for p in _QUOTED.findall(q) if p.strip()]
    if phrases and not _NOT_REQUIRED.search(_QUOTED.sub(" ", q)):
        return Q(PhraseMatch(query, phrases))
    return Q(search_vector=query)


def _facet_q(name: str, values: list[str]) -> Q:
    """The filter of one facet: any of its chosen values (OR within a facet)."""
    if name == "kind":
        return Q(kind__in=values)
    if name == "sector":
        return Q(sectors__overlap=values)
    if name == "approach":
        return Q(approaches__overlap=values)
    if name == "country":
        return Q(countries__overlap=values)
    if name == "centre":
        return Q(centre__slug__in=values)
    if name == "language":
        return Q(language__in=values)
    if name == "year":
        return Q(published_at__year__in=[int(y) for y in values])
    raise ValueError(name)


def _filtered(base, params: SearchParams):
    """`base` narrowed by every chosen facet (AND across facets)."""
    qs = base
    for name in FACETS:
        if getattr(params, name):
            qs = qs.filter(_facet_q(name, getattr(params, name)))
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
# Counting the facets of every hit costs a few microseconds per hit: for a word
# found in half of 100 000 resources, hundreds of milliseconds. Each search first
# counts a stored sample (Resource.sample, a hash of the id in 0–63, with its own
# indexes), the sparser one first: 1 resource in 64. When that puts the hits past
# COARSE_LIMIT (the sample holds 250 of them or more), the counts shown are its
# own, scaled up and rounded, and marked approximate ("about 65,000"), as search
# engines do. Otherwise the 1-in-16 sample is counted, and when that puts the
# rows to count past EXACT_LIMIT, its counts are shown; below it every hit is
# counted exactly. Aggregating costs about the same per row in either sample:
# the 1-in-64 sample of a word found in half of the resources (some 700 rows) is
# counted in a third of the time of the 1-in-16 one (6–8 ms against 14–29 ms in
# psql, at 100 000 resources; bench/bench_search.py times the whole search).
COARSE_RATE = 64
SAMPLE_RATES = (COARSE_RATE, 16)
COARSE_LIMIT = 16_000
EXACT_LIMIT = 2000
# With that many hits, relevance ranks the newest SAMPLED_RANK_WINDOW (about: its
# start is estimated from the sample) and the older ones follow by date: ranking
# reads each ranked hit's vector from TOAST twice (match and rank), ~10 µs a hit.
SAMPLED_RANK_WINDOW = 320
# ... and only the first SAMPLED_RESULTS_LISTED of them can be paged through (as
# Algolia's paginationLimitedTo or Elasticsearch's max_result_window): a deep page
# of a common word reads every hit before it, and nobody pages through tens of
# thousands of hits; the page says to add words or filters.
SAMPLED_RESULTS_LISTED = 1000
# A page past DEEP_PAGE_ROWS of such a search is cut from the hits published
# since a date the sample puts LISTED_MARGIN times the listed results back (the
# newest first; the oldest first for sort=oldest), on bitmaps: where the
# planner ANDs the word's index with the dates (as for "procurement" at 100 000
# resources) no vector is read but to rank the window, where walking the date
# index checks the word in every resource it passes (two for each hit of a word
# found in half of them). Should the range hold too few hits for the page, the
# page is cut as before from all of them.
DEEP_PAGE_ROWS = 400
LISTED_MARGIN = 1.5

_FACET_COLUMNS = (
    "kind",
    "sectors",
    "approaches",
    "countries",
    "centre_id",
    "language",
    "published_at",
)
# One aggregate per facet, over a CTE of hits. Arrays are unnested in the select
# list (cheaper than a lateral function scan per row); values are turned into text
# after grouping, not before.
_FACET_PARTS = {
    "kind": "SELECT 'kind', kind, count(*) FROM {src} GROUP BY kind",
    "sector": "SELECT 'sector', v, count(*) FROM "
    "(SELECT unnest(sectors) v FROM {src}) x GROUP BY v",
    "approach": "SELECT 'approach', v, count(*) FROM "
    "(SELECT unnest(approaches) v FROM {src}) x GROUP BY v",
    "country": "SELECT 'country', v, count(*) FROM "
    "(SELECT unnest(countries) v FROM {src}) x GROUP BY v",
    "centre": "SELECT 'centre', centre_id::text, count(*) FROM {src} GROUP BY centre_id",
    "language": "SELECT 'language', language, count(*) FROM {src} GROUP BY language",
    "year": "SELECT 'year', y::int::text, n FROM (SELECT date_part('year', "
    "published_at) y, count(*) n FROM {src} WHERE published_at IS NOT NULL "
    "GROUP BY 1) x",
}
_TOTAL_SQL = "SELECT 'meta', 'total', count(*) FROM hits"


def _facet_sql(selected, skip=()) -> str:
    """Counts of every facet. A facet the visitor has chosen values of is counted
    over the hits of the *other* filters ({src} = hits_<facet>), so that its other
    values keep the counts they would add (disjunctive facets, as search engines
    do); the rest over the hits themselves. Facets in `skip` are not counted."""
    parts = [
        part.format(src=f"hits_{name}" if name in selected else "hits")
        for name, part in _FACET_PARTS.items()
        if name not in skip
    ]
    return "\n".join(["", _TOTAL_SQL, *(f"UNION ALL {p}" for p in parts)])


# With words: the full-text search runs once, without the chosen facets' filters
# (the candidates); each chosen facet's filter is a flag column (f_kind, …), so
# that the hits (every flag) and each chosen facet's own hits (every other flag)
# are cut from the same candidates. Titles close to the words (typos) join in
# only while the full-text hits are few: the condition is a constant of the
# statement, so PostgreSQL runs the trigram scan only when it holds (a "One-Time
# Filter").
_CANDIDATES = """
ft AS ({ft}),
typo AS (
  SELECT * FROM ({typo}) t
  WHERE (SELECT count(*) FROM (SELECT 1 FROM ft WHERE {every} LIMIT %s) f) < %s
),
cand AS (SELECT * FROM ft UNION ALL SELECT * FROM typo),
hits AS (SELECT * FROM cand WHERE {every})
"""
_TYPOS_SQL = "UNION ALL SELECT 'meta', 'typos', count(*) FROM typo WHERE {every}"
# When the RANK_WINDOW-th newest hit was published, in whole seconds (no row:
# fewer hits).
_WINDOW_SQL = """
UNION ALL SELECT 'meta', 'window-at', floor(extract(epoch FROM published_at))::bigint
  FROM (SELECT published_at FROM hits ORDER BY published_at DESC OFFSET %s LIMIT 1) w
"""


# Where the sample puts the LISTED_MARGIN × SAMPLED_RESULTS_LISTED-th hit, in
# whole seconds, widened (no row: fewer hits; see DEEP_PAGE_ROWS).
_LISTED_SQL = {
    "newest": """
UNION ALL SELECT 'meta', 'listed-at', floor(extract(epoch FROM published_at))::bigint
  FROM (SELECT published_at FROM hits ORDER BY published_at DESC OFFSET %s LIMIT 1) l
""",
    "oldest": """
UNION ALL SELECT 'meta', 'listed-at', ceil(extract(epoch FROM published_at))::bigint
  FROM (SELECT published_at FROM hits WHERE published_at IS NOT NULL
        ORDER BY published_at OFFSET %s LIMIT 1) l
""",
}


def _sql(qs, *extra) -> tuple[str, tuple]:
    return qs.order_by().values(*_FACET_COLUMNS, *extra).query.sql_with_params()


def _listed(user, params: SearchParams):
    return _filtered(Resource.objects.listed_for(user), params)


def sample_rows(rate: int, *, words: bool) -> Q:
    """The resources of the 1-in-`rate` sample (a rate of SAMPLE_RATES).

    With words the condition of that sample's full-text index, without words
    that of its browse index: the same rows, written apart so that the planner
    cannot take a browse index for a search and check `@@` row by row (it does
    not know that this reads each row's vector from TOAST, 10 µs a row), nor
    AND the 1-in-16 sample's indexes for a search of the 1-in-64 one (it can
    prove `sample < 1` from `sample < 4`, not from `sample IN (0, 1, 2, 3)`);
    see Resource.Meta.
    """
    values = 64 // rate  # sample values 0 … values - 1
    if words:
        return Q(sample__lt=values)
    return Q(sample=0) if values == 1 else Q(sample__in=list(range(values)))


def facet_statement(
    *, user, params: SearchParams, base=None, sample: int | None = None, skip=()
) -> tuple[str, list]:
    """The one aggregate statement of a search: the number of hits, counts per
    value of every facet, and the facts that shape the page query ('meta' rows:
    total, typos, window).

    `sample`: over the 1-in-`sample` sample only (see SAMPLE_RATES), without
    the typo fallback, with the number of rows aggregated ('meta' 'size'), the
    rows of each chosen facet's own counts ('meta' 'base:<facet>') and the rank
    window's start estimated from the sample's newest hits. `skip`: chosen
    facets not to count (their counts are known), nor to read the rows of.
    """
    listed = Resource.objects.listed_for(user)
    if base is None:
        base = _listed(user, params)
    if sample:
        rows = sample_rows(sample, words=bool(params.q))
        listed, base = listed.filter(rows), base.filter(rows)
    selected = [name for name in FACETS if getattr(params, name)]
    # The hits of each chosen facet's *other* filters, for its own counts.
    counted = [name for name in selected if name not in skip]
    bases = [("", base)] + [
        (f"_{name}", _filtered(listed, replace(params, **{name: []})))
        for name in counted
    ]
    ctes, args = [], []
    if not params.q:
        for name, qs in bases:
            sql, sql_args = _sql(qs)
            ctes.append(f"hits{name} AS ({sql})")
            args += sql_args
        sql = "WITH " + ",\n".join(ctes) + _facet_sql(selected, skip)
        if sample:
            sizes = " + ".join(
                f"(SELECT count(*) FROM hits{name})"  # noqa: S608 - names from FACETS
                for name, _ in bases
            )
            sql += f"\nUNION ALL SELECT 'meta', 'size', {sizes}"
            sql += _base_sizes_sql(counted)
        return sql, args
    query = build_query(params.q)
    unchosen = _filtered(listed, replace(params, **{name: [] for name in selected}))
    if len(selected) > 1 or skip:
        # Only the candidates some count needs: the hits, and those that every
        # chosen facet's filter but that of a counted one lets through (the rows
        # of its hits_<facet>). The planner can then AND the facets' indexes
        # with the words': for q=innovation&sector=health&approach=pcp at
        # 100 000 resources it reads a quarter of the rows (1 145 of 4 487 in
        # the 1-in-16 sample).
        def passing(names):
            q = Q()
            for name in names:
                q &= _facet_q(name, getattr(params, name))
            return q

        needed = passing(selected)
        for name in counted:
            needed |= passing(other for other in selected if other != name)
        unchosen = unchosen.filter(needed)
    flags = {
        f"f_{name}": ExpressionWrapper(
            _facet_q(name, getattr(params, name)), output_field=BooleanField()
        )
        for name in selected
    }
    every = " AND ".join(flags) or "true"
    ft_sql, ft_args = _sql(
        unchosen.filter(full_text_match(params.q)).annotate(**flags), *flags
    )
    if sample and not selected:
        # (cand, read once, is inlined: no copy of the hits)
        ctes = [f"hits AS ({ft_sql}), cand AS (SELECT * FROM hits)"]  # noqa: S608
        args = list(ft_args)
    elif sample:
        ctes = [f"cand AS ({ft_sql}), hits AS (SELECT * FROM cand WHERE {every})"]  # noqa: S608
        args = list(ft_args)
    else:
        ctes, args = _typo_ctes(unchosen, params, query, flags, every, ft_sql, ft_args)
    for name in counted:
        others = " AND ".join(f for f in flags if f != f"f_{name}") or "true"
        # Names and flags come from FACETS, never from the request.
        ctes.append(f"hits_{name} AS (SELECT * FROM cand WHERE {others})")  # noqa: S608
    sql = "WITH " + ",".join(ctes) + _facet_sql(selected, skip)
    if sample:
        sql += "\nUNION ALL SELECT 'meta', 'size', count(*) FROM cand"
        sql += _base_sizes_sql(counted)
    else:
        sql += "\n" + _TYPOS_SQL.format(every=every)
    if params.sort == "relevance":
        sql += _WINDOW_SQL
        args.append(
            max(0, round(SAMPLED_RANK_WINDOW / sample) - 1)
            if sample
            else RANK_WINDOW - 1
        )
    if sample:
        sql += _LISTED_SQL["oldest" if params.sort == "oldest" else "newest"]
        args.append(math.ceil(LISTED_MARGIN * SAMPLED_RESULTS_LISTED / sample) - 1)
    return sql, args


def _base_sizes_sql(names) -> str:
    return "".join(
        f"\nUNION ALL SELECT 'meta', 'base:{name}', count(*) FROM hits_{name}"  # noqa: S608 - names from FACETS
        for name in names
    )


def _typo_ctes(unchosen, params, query, flags, every, ft_sql, ft_args):
    """The candidates of an exact count: the full-text hits, and titles close to
    the words while those are fewer than a page (none without pg_trgm)."""
    if trigram_installed():
        typo_sql, typo_args = _sql(
            unchosen.filter(title__trigram_word_similar=params.q)
            .exclude(search_vector=query)
            .annotate(**flags),
            *flags,
        )
    else:
        typo_sql, typo_args = "SELECT * FROM ft WHERE false", ()
    ctes = [_CANDIDATES.format(ft=ft_sql, typo=typo_sql, every=every)]
    args = [*ft_args, *typo_args, TYPO_FALLBACK_BELOW, TYPO_FALLBACK_BELOW]
    return ctes, args


def _aggregate(sql, args) -> tuple[dict, dict]:
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    meta: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        for facet, value, n in cursor.fetchall():
            if facet == "meta":
                meta[value] = n
            else:
                counts[facet][value] = n
    return counts, meta


def about(n: int, rate: int) -> int:
    """A count of the 1-in-`rate` sample scaled to all resources, to two
    significant digits (more would claim a precision the sample does not have)."""
    n *= rate
    digits = len(str(n)) - 2
    return round(n, -digits) if digits > 0 else n


def facet_counts(*, user, params: SearchParams, base=None) -> tuple[dict, dict]:
    """Counts per value of every facet over the hits, and the 'meta' facts (see
    facet_statement): counted over the samples first, the sparser one first
    (but when two facets or more are chosen), then exactly unless the hits are
    too many (COARSE_LIMIT, EXACT_LIMIT); meta 'approximate' says which, and
    'rate' which sample's counts they are.

    When the sparser sample puts the rows to count well below EXACT_LIMIT, they
    are counted exactly at once: the denser sample would only confirm it.
    """
    limits = dict(zip(SAMPLE_RATES, (COARSE_LIMIT, EXACT_LIMIT), strict=True))
    rates = SAMPLE_RATES
    if sum(1 for name in FACETS if getattr(params, name)) > 1:
        # Hits that pass two facets' filters are hardly ever so many that the
        # sparser sample holds 250 of them: the denser sample first.
        rates = SAMPLE_RATES[1:]

    def statement(rate=None, skip=()):
        return facet_statement(
            user=user, params=params, base=base, sample=rate, skip=skip
        )

    first_sql, first_args = statement(rates[0])

    def scaled(counts, rate):
        return {
            name: {value: about(n, rate) for value, n in values.items()}
            for name, values in counts.items()
        }

    def count():
        known = {}  # chosen facets counted well enough by the sparser sample
        for rate in rates:
            sql, args = (
                (first_sql, first_args)
                if rate == rates[0]
                else statement(rate, skip=tuple(known))
            )
            counts, meta = _aggregate(sql, args)
            # The sparser sample when its hits are enough for two digits; the
            # denser one when counting every hit (and each chosen facet's own
            # hits) would take too long.
            rows = meta.get("total" if rate == COARSE_RATE else "size", 0)
            if rows * rate > limits[rate] or known:
                counts = {**scaled(counts, rate), **known}
                total = about(meta["total"], rate)
                return counts, {**meta, "total": total, "approximate": 1, "rate": rate}
            if rate != COARSE_RATE:
                continue
            # A chosen facet's own counts (over the other filters' hits) may be
            # enough for the sparser sample where the hits are not: they are
            # taken from it, and the denser sample counts only the rest (for
            # q=procurement&sector=health&sector=ict, the hits alone: a third
            # of its rows). Nor are the hits then counted exactly: that facet's
            # rows alone are past COARSE_LIMIT.
            coarse = scaled(counts, rate)
            known = {
                name: coarse[name]
                for name in FACETS
                if meta.get(f"base:{name}", 0) * rate > COARSE_LIMIT
            }
            if not known and meta.get("size", 0) * rate <= EXACT_LIMIT // 2:
                break
        counts, meta = _aggregate(*statement())
        return counts, {**meta, "approximate": 0}

    # The first sample's statement says what was asked, and by whom (what they
    # may see); the rest is the constants that shape the answer.
    constants = (tuple(limits.items()), RANK_WINDOW, SAMPLED_RANK_WINDOW)
    key = ("facets", constants, first_sql, tuple(first_args))
    return cached(key, count)


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
        match = full_text_match(params.q)
        if typos and trigram_installed():
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
    return qs.select_related("centre").only(*RESULT_FIELDS)


# What a search result shows, on the search page (knowledge/rendering.py) and in
# the API (search_item_data): a sixth of the columns of a resource and its
# centre, so a sixth to compile, fetch and turn into objects. Reading another
# field of a result costs a query per result: the query-count tests catch that.
RESULT_FIELDS = (
    "kind",
    "tool_type",
    "title",
    "slug",
    "summary",
    "language",
    "published_on",
    "published_at",
    "sectors",
    "approaches",
    "countries",
    "status",
    "visibility",
    "centre__slug",
    "centre__short_name",
)


def page_ids(qs, *, number: int) -> list[int]:
    """The ids of page `number` of the ordered `qs`, in order (cached until a
    resource changes: ordering thousands of hits by rank is the costly part)."""
    bottom = (number - 1) * PAGE_SIZE
    ids = qs.values_list("pk", flat=True)[bottom : bottom + PAGE_SIZE]
    sql, args = ids.query.sql_with_params()
    return cached(("page", sql, tuple(args)), lambda: list(ids))


def windowed_page_ids(qs, *, window_from, number: int) -> list[int]:
    """The ids of page `number` of a relevance search past the rank window, when
    the hits are too many to count (so the window's start is an estimate): the
    hits published since `window_from` ranked, then the older ones newest first,
    as resource_search_queryset orders them with a window.

    The window is cut first; the older hits are read only for a page that runs
    past it (the window holds about SAMPLED_RANK_WINDOW hits: some 16 pages),
    by walking the date index from `window_from` down, for a page of them.
    """
    bottom = (number - 1) * PAGE_SIZE
    window = qs.filter(published_at__gte=window_from)
    ids = window.values_list("pk", flat=True)[bottom : bottom + PAGE_SIZE]
    sql, args = ids.query.sql_with_params()

    def fetch():
        found = list(ids)
        if len(found) == PAGE_SIZE:
            return found
        in_window = bottom + len(found) if found else window.order_by().count()
        skipped = max(0, bottom - in_window)  # older hits on earlier pages
        rest = (
            qs.filter(published_at__lt=window_from)
            .order_by("-published_at", "pk")
            .values_list("pk", flat=True)
        )
        return found + list(rest[skipped : skipped + PAGE_SIZE - len(found)])

    return cached(("page", "window", sql, tuple(args)), fetch)


def deep_page_ids(qs, *, listed_from, sort: str, number: int) -> list[int] | None:
    """The ids of a deep page of a search with too many hits to count, cut from
    the hits published since `listed_from` (until, for sort=oldest), on bitmaps
    (see DEEP_PAGE_ROWS). None when that range holds too few hits for the page.

    Index scans are off for this statement only: the planner would walk the
    date index and check the word in every row, not knowing that each check
    reads a vector from TOAST. They are back for what follows (the fallback
    walks that index on purpose, and stops after a page).
    """
    if sort == "oldest":
        qs = qs.filter(published_at__lte=listed_from)
    else:
        qs = qs.filter(published_at__gte=listed_from)
    bottom = (number - 1) * PAGE_SIZE
    ids = qs.values_list("pk", flat=True)[bottom : bottom + PAGE_SIZE]
    sql, args = ids.query.sql_with_params()

    def fetch():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_indexscan = off; " + sql, args)
            rows = [row[0] for row in cursor.fetchall()]
            cursor.execute("SET LOCAL enable_indexscan TO DEFAULT")
            return rows

    found = cached(("page", "bitmap", sql, tuple(args)), fetch)
    return found if len(found) == PAGE_SIZE else None


def page_queryset(qs, params: SearchParams, *, number: int, ids=None):
    """The rows of page `number` of the ordered `qs`, with snippets.

    The page is cut by id first (`page_ids`, or a subquery), so that ts_headline
    runs for its rows only: in the SELECT of the ordered query itself it would
    run, before OFFSET, for every row of the pages skipped too.
    """
    if ids is None:
        bottom = (number - 1) * PAGE_SIZE
        ids = qs.values("pk")[bottom : bottom + PAGE_SIZE]
    page = qs.filter(pk__in=ids)
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
    # Counts estimated from the sample (too many hits to count): "about".
    approximate: bool = False


def resource_search(*, user, params: SearchParams) -> SearchResult:
    """Search and browse what `user` may see; a fixed number of queries.

    Full-text on the stored tsvector (GIN), typo-tolerant on titles (pg_trgm) when
    the full text finds less than a page, facet counts in one aggregate, snippets
    only for the page shown. Reads only.
    """
    base = _listed(user, params)
    with search_planner(full_text=bool(params.q)):
        facets, meta = facet_counts(user=user, params=params, base=base)
        total = meta.get("total", 0)
        approximate = bool(meta.get("approximate"))
        window_from = None
        if "window-at" in meta:
            window_from = datetime.fromtimestamp(meta["window-at"], tz=UTC)
        qs = resource_search_queryset(
            user=user,
            params=params,
            typos=meta.get("typos", 0) > 0,
            window_from=None if approximate else window_from,
            base=base,
        )
        paginator = Paginator(qs, PAGE_SIZE, allow_empty_first_page=True)
        # Counted by the facet query already.
        paginator.count = min(total, SAMPLED_RESULTS_LISTED) if approximate else total
        try:
            number = paginator.validate_number(params.page)
        except EmptyPage:
            number = params.page = paginator.num_pages
        ids = None  # a deep page of an estimated search first (DEEP_PAGE_ROWS)
        if approximate and number * PAGE_SIZE > DEEP_PAGE_ROWS and "listed-at" in meta:
            ids = deep_page_ids(
                resource_search_queryset(
                    user=user,
                    params=params,
                    typos=False,
                    window_from=window_from,
                    base=base,
                ),
                listed_from=datetime.fromtimestamp(meta["listed-at"], tz=UTC),
                sort=params.sort,
                number=number,
            )
        if ids is None and approximate and window_from is not None:
            ids = windowed_page_ids(qs, window_from=window_from, number=number)
        elif ids is None:
            ids = page_ids(qs, number=number)
        rows = list(page_queryset(qs.order_by(), params, number=number, ids=ids))
        position = {pk: i for i, pk in enumerate(ids)}
        rows.sort(key=lambda resource: position[resource.pk])
        for resource in rows:
            resource.snippet_html = _safe_snippet(getattr(resource, "snippet", None))
        page = Page(rows, number, paginator)
    centres = {
        c.pk: c
        for c in Centre.objects.filter(pk__in=[int(k) for k in facets["centre"]])
    }
    return SearchResult(
        params=params,
        page=page,
        facets=facets,
        total=total,
        centres=centres,
        approximate=approximate,
    )

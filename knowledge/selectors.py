"""Reads for the knowledge base: the network-wide search with exact facet counts.

A search runs the same statements whatever it finds:

1. facet_counts: one aggregate over the hits, giving the exact number of hits
   and, for every facet, the exact count of each value;
2. page_ids: the ids of the page shown, in order (relevance, newest, oldest);
3. page_rows: the rows of those ids, with a snippet of the words found;
4. the centres of the centre facet, for their names.

The counts, and the page's ids with its rows, are cached until a resource
changes (search_cache.py); the page's rendered parts too (SearchResult.version).
When the words find fewer than a page, titles close to them (pg_trgm) are
added, for typos. Relevance is ts_rank on rank_vector (title, summary,
topics), newest first among equals; a match in the body alone ranks after
those.
"""

import functools
import hashlib
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import reduce
from operator import and_, or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    Value,
)
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_countries import countries

from centres.caching import centres_version
from centres.models import Centre
from p2i_portal.vocab import Language, Sector

from .models import Approach, Resource
from .search_cache import cached, generation
from .textsearch import query_configs
from .trigram import trigram_installed

PAGE_SIZE = 20
# Nobody reads past this page; a search that finds more says to add words or
# filters (as Algolia's paginationLimitedTo or Elasticsearch's max_result_window).
MAX_PAGES = 50
MAX_QUERY_LENGTH = 200
MAX_VALUES = 20  # per facet
FACETS = ("kind", "sector", "approach", "country", "centre", "language", "year")
SORTS = ("relevance", "newest", "oldest")
YEARS = (1900, 2100)
# Full-text hits fewer than this: titles close to the words are added (typos).
TYPO_FALLBACK_BELOW = PAGE_SIZE


class SearchParamsError(ValueError):
    """Parameters a strict parse refused: {parameter: [message, …]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class SearchParams:
    """What a visitor asked for. `sort` is the sort chosen ("": the default,
    relevance with words, newest without); `order` is the one used."""

    q: str = ""
    kind: list[str] = field(default_factory=list)
    sector: list[str] = field(default_factory=list)
    approach: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    centre: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    sort: str = ""
    page: int = 1

    @property
    def order(self) -> str:
        if self.sort in ("newest", "oldest") or (self.sort and self.q):
            return self.sort
        return "relevance" if self.q else "newest"

    def filters(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FACETS}

    @classmethod
    def from_querydict(cls, data, *, strict: bool = False) -> "SearchParams":
        """The parameters of the search page and of the API, read by the same
        rules. Lenient (the page): what is not understood is left out, never an
        error. Strict (the API): SearchParamsError names each parameter that
        holds something not understood."""
        return _Parser(data, strict=strict).params()


def _allowed(name) -> list[str] | None:
    """The values a facet may take, in the order the vocabulary lists them
    (None: centres, whose slugs are asked of the database)."""
    if name == "centre":
        return None
    return _vocabularies()[name]


@functools.cache
def _vocabularies() -> dict[str, list[str]]:
    """The fixed vocabularies, built once: listing the countries sorts them by
    their translated names, which a parse must not pay for at every facet."""
    return {
        "kind": Resource.Kind.values,
        "sector": Sector.values,
        "approach": Approach.values,
        "language": Language.values,
        "country": sorted(countries.countries),
        "year": [str(y) for y in range(YEARS[0], YEARS[1] + 1)],
    }


class _Parser:
    """One pass over a query string; errors are collected, not raised, so a
    strict parse names every parameter at once."""

    def __init__(self, data, *, strict: bool):
        self.data, self.strict, self.errors = data, strict, {}

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(str(message))

    def params(self) -> SearchParams:
        params = SearchParams(
            q=self.words(),
            **{name: self.values(name) for name in FACETS},
            sort=self.sort(),
            page=self.page(),
        )
        if self.strict and self.errors:
            raise SearchParamsError(self.errors)
        return params

    def words(self) -> str:
        raw = self.data.get("q") or ""
        # PostgreSQL refuses NUL in any string; other control characters are noise.
        if any(_is_control(ch) for ch in raw):
            self.error("q", _("The query contains control characters."))
        q = " ".join("".join(" " if _is_control(ch) else ch for ch in raw).split())
        if len(q) > MAX_QUERY_LENGTH:
            self.error(
                "q",
                _("The query is too long: at most %(max)d characters.")
                % {"max": MAX_QUERY_LENGTH},
            )
            q = q[:MAX_QUERY_LENGTH]
        return q

    def values(self, name: str) -> list[str]:
        raw = self.data.getlist(name)
        self.refuse_blank(name, raw)
        given = [v.strip() for v in raw if v.strip()]
        if len(given) > MAX_VALUES:
            self.error(
                name,
                _("“%(name)s” is given too often: at most %(max)d values.")
                % {"name": name, "max": MAX_VALUES},
            )
            given = given[:MAX_VALUES]
        if name == "country":
            given = [v.upper() for v in given]
        given = list(dict.fromkeys(given))
        allowed = _allowed(name)
        if allowed is None:  # centres: their slugs
            slugs = [v for v in given if _SLUG.match(v)]
            allowed = set(
                Centre.objects.filter(slug__in=slugs).values_list("slug", flat=True)
                if slugs
                else ()
            )
        allowed = set(allowed)
        unknown = [v for v in given if v not in allowed]
        if unknown:
            self.error(name, _unknown(name, unknown) + " " + _hint(name))
        return [v for v in given if v in allowed]

    def refuse_blank(self, name: str, raw: list[str]) -> None:
        """A form's "any" option sends an empty value, which the page reads as
        no filter; the API, whose schema has no empty value, names it."""
        if self.strict and any(not v.strip() for v in raw):
            message = _("“%(name)s” is given without a value.") % {"name": name}
            if name != "page":
                message += " " + _hint(name)
            self.error(name, message)

    def sort(self) -> str:
        self.refuse_blank("sort", self.data.getlist("sort"))
        sort = (self.data.get("sort") or "").strip()
        if sort and sort not in SORTS:
            self.error("sort", _unknown("sort", [sort]) + " " + _hint("sort"))
            return ""
        return sort

    def page(self) -> int:
        self.refuse_blank("page", self.data.getlist("page"))
        raw = (self.data.get("page") or "").strip()
        if not raw:
            return 1
        page = int(raw) if raw.isascii() and raw.isdigit() else 0
        if page < 1:
            self.error("page", _("A page is a whole number from 1."))
            return 1
        if page > MAX_PAGES:
            self.error("page", too_deep_message())
            return MAX_PAGES
        return page


def _unknown(name: str, values: list[str]) -> str:
    return _("Unknown value for “%(name)s”: %(values)s.") % {
        "name": name,
        "values": ", ".join(f"“{v[:40]}”" for v in values[:5]),
    }


def _hint(name: str) -> str:
    """What a parameter allows, for a strict parse's message."""
    if name == "country":
        return _("Use ISO 3166-1 alpha-2 codes such as DE, NL or ES.")
    if name == "year":
        return _("A year has four digits, from %(first)d to %(last)d.") % {
            "first": YEARS[0],
            "last": YEARS[1],
        }
    if name == "centre":
        allowed = (
            Centre.objects.active().order_by("slug").values_list("slug", flat=True)
        )
    elif name == "sort":
        allowed = SORTS
    else:
        allowed = _allowed(name)
    return _("Allowed values: %(values)s.") % {"values": ", ".join(allowed)}


_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


def _is_control(ch: str) -> bool:
    """NUL and friends; tabs and line breaks are spaces."""
    return (ch < " " and ch not in "\t\r\n") or ch == "\x7f"


def too_deep_message() -> str:
    return _(
        "Only the first %(pages)d pages of a search can be shown: add words or "
        "filters to narrow it."
    ) % {"pages": MAX_PAGES}


class AnyLanguageQuery(SearchQuery):
    """The visitor's words in every configuration resources are indexed with,
    and unstemmed, OR'ed, each distinct query once (p2i_any_language_query,
    migration 0005: repeats would make the planner misjudge the GIN index)."""

    def __init__(self, value):
        super().__init__(value, search_type="websearch")

    def as_sql(self, compiler, connection, function=None, template=None):
        words, params = compiler.compile(self.source_expressions[0])
        return (
            f"p2i_any_language_query(%s::regconfig[], {words})",
            [query_configs(), *params],
        )


_QUOTED = re.compile(r'"([^"]*)"')
# Outside the quotes: an OR, or a minus that starts a word (a negation, which may
# be of a phrase), makes a phrase no longer required by the query.
_NOT_REQUIRED = re.compile(r"(?:^|\s)(?:or(?:\s|$)|-)", re.IGNORECASE)


class PhraseMatch(Func):
    """A full-text match of words with quoted phrases that every match must hold.

    `phrase_vector` (migration 0010) holds the pairs of lexemes next to each
    other in each resource's vector: the resources holding every pair of the
    phrases in some language (`pairs`, from phrase_pairs) are a superset of the
    matches, found exactly by its GIN index without reading a vector. The `@@`
    check then runs on those rows only, as the function (ts_match_vq), which no
    index serves: as `@@` the planner would also read the vector's index for
    every resource holding the words and AND the two bitmaps.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, query, pairs: str):
        super().__init__(F("search_vector"), F("phrase_vector"), query)
        self.pairs = pairs

    def as_sql(self, compiler, connection, **extra):
        (vector, v_args), (pairs_column, p_args), (query, q_args) = (
            compiler.compile(e) for e in self.source_expressions
        )
        sql = f"({pairs_column} @@ %s::tsquery AND ts_match_vq({vector}, {query}))"
        return sql, [*p_args, self.pairs, *v_args, *q_args]


@functools.lru_cache(maxsize=1024)
def phrase_pairs(configs: tuple[str, ...], phrases: tuple[str, ...]) -> str | None:
    """The word pairs of `phrases` as a tsquery (p2i_phrase_filter, migration
    0010): for each configuration every pair of every phrase, the
    configurations OR'ed; None when some configuration leaves a phrase without
    a pair (a stop word between two words), and then the pairs say nothing.
    Asked once per process and phrase: the answer depends on the text-search
    configurations only, and computing it inside each statement would cost
    its planning more than its run."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p2i_phrase_filter(%s::regconfig[], %s::text[])::text",
            [list(configs), list(phrases)],
        )
        return cursor.fetchone()[0]


def full_text_match(q: str) -> Q:
    """The condition of a full-text match of `q`: its words in any language
    (AnyLanguageQuery), through the word pairs of its phrases when it has some
    that every match must hold (PhraseMatch)."""
    words = AnyLanguageQuery(q)
    phrases = tuple(p for p in _QUOTED.findall(q) if p.strip())
    if phrases and not _NOT_REQUIRED.search(_QUOTED.sub(" ", q)):
        pairs = phrase_pairs(tuple(query_configs()), phrases)
        if pairs is not None:
            return Q(PhraseMatch(words, pairs))
    return Q(search_vector=words)


def site_new_year(year: int) -> datetime:
    """The first moment of `year` in the site's time zone (Europe/Brussels)."""
    return datetime(year, 1, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _facet_q(name: str, values: list[str]) -> Q:
    """The filter of one facet: any of its chosen values (OR within a facet)."""
    if name == "year":  # in the site's time zone, as the year facet counts
        return reduce(
            or_,
            (
                Q(
                    published_at__gte=site_new_year(int(y)),
                    published_at__lt=site_new_year(int(y) + 1),
                )
                for y in values
            ),
        )
    return {
        "kind": Q(kind__in=values),
        "sector": Q(sectors__overlap=values),
        "approach": Q(approaches__overlap=values),
        "country": Q(countries__overlap=values),
        "centre": Q(centre__slug__in=values),
        "language": Q(language__in=values),
    }[name]


def _matches(user, q: str, *, typos: bool):
    """What `user` may see that the words `q` find (everything without words);
    `typos`: titles close to the words too."""
    listed = Resource.objects.listed_for(user)
    if not q:
        return listed
    match = full_text_match(q)
    if typos:
        match |= Q(title__trigram_word_similar=q)
    return listed.filter(match)


# Each facet's key column in `hits`.
_COLUMNS = {
    "kind": "kind",
    "centre": "centre_id",
    "language": "language",
    "year": "year_bucket",
    "sector": "sector_list",
    "approach": "approach_list",
    "country": "country_list",
}
_KEYS = list(_COLUMNS.values())
# An array facet is grouped by its values joined into one text (codes of a
# vocabulary, which hold no comma): there are far fewer distinct arrays than
# hits, hashing a text costs less than hashing an array, and each group's count
# is then added to each of its values, which gives the same exact counts.
_LISTS = {"sector": "sectors", "approach": "approaches", "country": "countries"}


@functools.cache
def _new_years() -> str:
    """The first moment of every year of YEARS and of the year after, in the
    site's time zone, as a PostgreSQL array literal (one parameter, rather
    than two hundred for the driver to adapt in every statement): the year
    facet puts each hit between two of them."""
    moments = (site_new_year(y).isoformat() for y in range(YEARS[0], YEARS[1] + 2))
    return "{" + ",".join(moments) + "}"


def _facet_keys() -> dict:
    """The key columns of `hits`. A hit's year is the number of new years up to
    its publication (width_bucket: a binary search over the instants of
    _new_years, the same the year filter uses), which costs a fraction of
    converting every hit's time to the site's time zone."""
    lists = {
        f"{name}_list": Func(
            F(column), Value(","), function="array_to_string", output_field=CharField()
        )
        for name, column in _LISTS.items()
    }
    year = Func(
        F("published_at"),
        Cast(Value(_new_years()), ArrayField(DateTimeField())),
        function="width_bucket",
        output_field=IntegerField(),
    )
    return {"year_bucket": year, **lists}


def facet_statement(*, user, params: SearchParams) -> tuple[str, list]:
    """The one aggregate statement of a search: ('total', NULL, hits, of which
    found by title only) and a (facet, key, count, 0) row for every key of
    every facet that has hits (facet_counts turns keys into values).

    The facets without a chosen value are counted with the total in one pass
    over the hits that every filter lets through (GROUPING SETS); each facet
    with chosen values in a pass of its own over the hits of the *other*
    filters, so that each of its options says what choosing it would add
    (several values of one facet widen the search, facets narrow it). So the
    rows read are those that every chosen filter but at most one lets
    through, with a flag column per chosen facet.

    Titles close to the words (pg_trgm, for typos) join the hits only when the
    words find fewer than TYPO_FALLBACK_BELOW: that condition is a constant of
    the statement, so PostgreSQL scans the titles only when it holds.
    """
    chosen = [name for name in FACETS if getattr(params, name)]
    tests = {name: _facet_q(name, getattr(params, name)) for name in chosen}
    flags = {
        f"f_{name}": ExpressionWrapper(test, output_field=BooleanField())
        for name, test in tests.items()
    }

    def rows(qs, *, by_title: bool) -> tuple[str, tuple]:
        if len(chosen) > 1:
            qs = qs.filter(
                reduce(
                    or_,
                    (
                        reduce(and_, (t for n, t in tests.items() if n != left_out))
                        for left_out in chosen
                    ),
                )
            )
        return (
            qs.annotate(**_facet_keys(), by_title=Value(by_title), **flags)
            .values(*_KEYS, "by_title", *flags)
            .order_by()
            .query.sql_with_params()
        )

    listed = Resource.objects.listed_for(user)
    words = full_text_match(params.q) if params.q else None
    found = listed if words is None else listed.filter(words)
    hits_sql, args = rows(found, by_title=False)
    ctes = ""
    if words is not None and trigram_installed():
        typo_sql, typo_args = rows(
            listed.filter(title__trigram_word_similar=params.q).filter(
                ~words | Q(search_vector__isnull=True)
            ),
            by_title=True,
        )
        # The titles join only when the words find fewer than a page (every
        # filter applied), counted from the word hits already read, so the
        # check never scans the table again (inlined, a LIMIT under it may
        # make PostgreSQL choose a scan of the whole table for a rare word).
        every = " AND ".join(flags) or "true"
        ctes = f"WITH word_hits AS ({hits_sql})"
        hits_sql = (
            f"SELECT * FROM word_hits UNION ALL SELECT * FROM ({typo_sql}) t "  # noqa: S608
            "WHERE (SELECT count(*) < %s FROM "
            f"(SELECT 1 FROM word_hits WHERE {every} LIMIT %s) few)"
        )
        args = [*args, *typo_args, TYPO_FALLBACK_BELOW, TYPO_FALLBACK_BELOW]

    # Column names and flags come from _COLUMNS and FACETS, never from the request.
    def where(but=None) -> str:
        return " AND ".join(f"f_{n}" for n in chosen if n != but) or "true"

    shared = {name: column for name, column in _COLUMNS.items() if name not in chosen}
    which = " ".join(f"WHEN GROUPING({c}) = 0 THEN '{n}'" for n, c in shared.items())
    value = " ".join(f"WHEN GROUPING({c}) = 0 THEN {c}::text" for c in shared.values())
    sets = ", ".join(["()", *(f"({c})" for c in shared.values())])
    parts = [
        f"SELECT CASE {which} ELSE 'total' END, CASE {value} END, "  # noqa: S608
        f"count(*), count(*) FILTER (WHERE by_title) FROM hits WHERE {where()} "
        f"GROUP BY GROUPING SETS ({sets})"
        if shared
        else "SELECT 'total', NULL, count(*), count(*) FILTER (WHERE by_title) "  # noqa: S608
        f"FROM hits WHERE {where()}"
    ]
    parts += [
        f"SELECT '{name}', {_COLUMNS[name]}::text, count(*), 0 FROM hits "  # noqa: S608
        f"WHERE {where(but=name)} GROUP BY {_COLUMNS[name]}"
        for name in chosen
    ]
    if len(parts) == 1 and not ctes:  # one pass: the hits need not be kept
        sql = parts[0].replace("FROM hits", f"FROM ({hits_sql}) hits", 1)
    else:
        ctes = f"{ctes}, " if ctes else "WITH "
        sql = f"{ctes}hits AS ({hits_sql})\n" + "\nUNION ALL ".join(parts)
    return sql, list(args)


def _key(user, params: SearchParams, *parts) -> tuple:
    """What a cached search answer depends on: who may see what (the listing's
    condition), the words and the filters, and `parts`. Built from the
    parameters, so that an answer found in the cache costs no SQL compiled."""
    listed = Resource.objects.listed_for(user)
    return (
        _STATEMENTS_VERSION,
        str(listed.query.where),
        params.q,
        tuple(tuple(getattr(params, name)) for name in FACETS),
        TYPO_FALLBACK_BELOW,
        *parts,
    )


# Part of every cache key: bump it when the statements change what they answer.
_STATEMENTS_VERSION = 3


def facet_counts(
    *, user, params: SearchParams, of: int | None = None
) -> tuple[int, int, dict]:
    """(hits, of which found by title only, {facet: {value: count}}), exact;
    cached until a resource changes (`of`: the generation, if read already)."""

    def count():
        sql, args = facet_statement(user=user, params=params)
        facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        total = typos = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        for name, key, n, by_title in rows:
            if name == "total":
                total, typos = n, by_title
                continue
            counts = facets[name]
            for value in _facet_values(name, key):
                counts[value] = counts.get(value, 0) + n
        return total, typos, facets

    return cached(("facets", *_key(user, params)), count, of=of)


def _facet_values(name: str, key) -> list[str]:
    """The facet values a group's key stands for."""
    if key is None or key == "":
        return []
    if name in _LISTS:
        return key.split(",")
    if name == "year":  # the number of new years up to the publication
        year = YEARS[0] + int(key) - 1
        return [str(year)] if YEARS[0] <= year <= YEARS[1] else []
    return [str(key)]


# What a search result shows (templates/knowledge/_search_result.html and the
# API's ResourceListItemSerializer): reading another field of a result costs a
# query per result, which the query-count tests catch.
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
    "search_config",
    "centre__slug",
    "centre__short_name",
)


def resource_search_queryset(*, user, params: SearchParams, typos: bool = False):
    """The hits of a search, filtered and in the order asked for."""
    qs = _matches(user, params.q, typos=typos)
    for name in FACETS:
        if getattr(params, name):
            qs = qs.filter(_facet_q(name, getattr(params, name)))
    if params.order == "relevance":
        rank = SearchRank(F("rank_vector"), AnyLanguageQuery(params.q))
        qs = qs.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")
    elif params.order == "oldest":
        qs = qs.order_by("published_at", "pk")
    else:
        qs = qs.order_by("-published_at", "-pk")
    return qs.select_related("centre").only(*RESULT_FIELDS)


def page_ids(qs, *, number: int) -> list[int]:
    """The ids of page `number` of the ordered `qs` (resource_search caches
    them with their rows: ranking thousands of hits is the costly part)."""
    bottom = (number - 1) * PAGE_SIZE
    return list(qs.values_list("pk", flat=True)[bottom : bottom + PAGE_SIZE])


# ts_headline does not escape; mark with control characters, escape, then swap.
MARK_START, MARK_STOP = "\x02", "\x03"


def _safe_snippet(snippet: str | None) -> str:
    if not snippet:
        return ""
    html = escape(snippet).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our <mark> tags remain


def page_rows(params: SearchParams, ids: list[int]) -> list[Resource]:
    """The resources of `ids`, in that order, each with `snippet_html` (the
    summary with the words marked; "" without words). The snippet runs on
    these rows only: on the ordered query it would run for every row skipped."""
    # By id alone: the ids are hits already, so the words are not matched again.
    rows = Resource.objects.filter(pk__in=ids).select_related("centre")
    rows = rows.only(*RESULT_FIELDS)
    if params.q:
        rows = rows.annotate(
            snippet=SearchHeadline(
                "summary",
                AnyLanguageQuery(params.q),
                config=F("search_config"),
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=45,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    by_id = {resource.pk: resource for resource in rows}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    for resource in ordered:
        resource.snippet_html = _safe_snippet(getattr(resource, "snippet", None))
    return ordered


class SearchPaginator(Paginator):
    """Django's paginator over the first MAX_PAGES pages of a search, counted
    by the facet statement (no COUNT query of its own)."""

    def __init__(self, object_list, *, total: int):
        super().__init__(object_list, PAGE_SIZE, allow_empty_first_page=True)
        self.total = total

    @cached_property
    def count(self) -> int:
        return min(self.total, MAX_PAGES * PAGE_SIZE)


@dataclass
class SearchResult:
    params: SearchParams
    page: Page
    total: int  # every hit, exact; only the first MAX_PAGES pages are listed
    facets: dict  # {facet: {value: count}}, exact; centres by their id
    centres: dict  # id → Centre of the centre facet
    # A digest of what the page shows: the search cache's generation, who may
    # see what, the search, its order and page. It keys the page's cached
    # fragments, so that any change of a resource renders them afresh.
    version: str = ""

    @property
    def truncated(self) -> bool:
        """More hits than the pages can list."""
        return self.total > self.page.paginator.count


def resource_search(*, user, params: SearchParams) -> SearchResult:
    """Search and browse what `user` may see: exact counts, one page of hits.

    A page past the last shows the last. Reads only; a fixed number of queries.
    """
    try:  # read once for the whole search
        of = generation()
    except Exception:  # no cache: cached() computes, as if there were none
        of = None
    total, typos, facets = facet_counts(user=user, params=params, of=of)
    qs = resource_search_queryset(user=user, params=params, typos=typos > 0)
    paginator = SearchPaginator(qs, total=total)
    number = min(params.page, paginator.num_pages)
    key = _key(user, params, params.order, typos > 0, number)
    # The page's ids and rows with their snippets are cached together: an
    # answer found in the cache reads no resource. The rows show their
    # centre's name, hence the centres' version in the key (centres/caching.py).
    rows = cached(
        ("rows", centres_version(), *key),
        lambda: page_rows(params, page_ids(qs, number=number)),
        of=of,
    )
    page = Page(rows, number, paginator)
    centres = Centre.objects.only("slug", "name", "short_name").in_bulk(
        [int(pk) for pk in facets["centre"]]
    )
    return SearchResult(
        params=replace(params, page=number),
        page=page,
        total=total,
        facets=facets,
        centres=centres,
        # Without the cache's generation, a version of its own: render afresh.
        version=hashlib.sha256(repr((of, *key)).encode()).hexdigest()
        if of is not None
        else uuid.uuid4().hex,
    )


def resource_list_newest(
    *, kind: str | None = None, exclude_kind: str | None = None, limit: int = 3
):
    """The newest public resources for the home page, of one kind or all but one.

    Public only, whoever asks: the home page shows every visitor the same."""
    qs = Resource.objects.public()
    if kind:
        qs = qs.of_kind(kind)
    if exclude_kind:
        qs = qs.exclude(kind=exclude_kind)
    return list(
        qs.select_related("centre")
        .defer("body", "body_html", "search_vector", "phrase_vector")
        .order_by("-published_at", "-pk")[:limit]
    )


def resource_list_network_newest(*, user, limit: int = 10):
    """The newest network-only resources listed for `user` (none unless centre
    staff or the coordinator): the network's working drafts, for the network
    space."""
    return list(
        Resource.objects.listed_for(user)
        .filter(visibility=Resource.Visibility.NETWORK)
        .select_related("centre")
        .defer("body", "body_html", "search_vector", "phrase_vector")
        .order_by("-published_at", "-pk")[:limit]
    )


def resource_list_published_between(*, published_from, published_before, centre=None):
    """Published resources (public and network-only) whose publication fell in
    [published_from, published_before), oldest first, with their centre: one
    query. `centre` limits it to that centre's resources. For reports."""
    qs = Resource.objects.published().filter(
        published_at__gte=published_from, published_at__lt=published_before
    )
    if centre is not None:
        qs = qs.filter(centre=centre)
    return qs.select_related("centre").order_by("published_at", "pk")

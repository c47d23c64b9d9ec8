"""Searches with too many hits to count: facets estimated from a stored sample.

The limits are lowered (EXACT_LIMIT, SAMPLED_RESULTS_LISTED) so that a few
thousand resources from the benchmark's seeder behave as 100 000 do; the samples
themselves (Resource.sample, a hash of the id) are the real ones. Most tests
count the 1-in-16 sample (COARSE_LIMIT out of reach); those at the end, the
1-in-64 one.
"""

import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge import selectors
from knowledge.models import Resource
from knowledge.selectors import SearchParams, build_query, resource_search

pytestmark = pytest.mark.django_db

SEEDER = Path(__file__).resolve().parents[2] / "bench" / "seed_resources.py"
ROWS = 3_000


def _seed(centres):
    spec = importlib.util.spec_from_file_location("bench_seed_resources", SEEDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.seed_resources(ROWS, seed=11, centres=centres, body_words=(20, 60))


@pytest.fixture
def many(centre, other_centre, monkeypatch):
    _seed([centre, other_centre])
    monkeypatch.setattr(selectors, "EXACT_LIMIT", 500)
    monkeypatch.setattr(selectors, "COARSE_LIMIT", 10**9)
    monkeypatch.setattr(selectors, "SAMPLED_RESULTS_LISTED", 200)
    monkeypatch.setattr(selectors, "SAMPLED_RANK_WINDOW", 32)
    # Pages past the third are cut from a date range (see DEEP_PAGE_ROWS).
    monkeypatch.setattr(selectors, "DEEP_PAGE_ROWS", 60)


def search(query_string: str):
    return resource_search(
        user=AnonymousUser(),
        params=SearchParams.from_querydict(QueryDict(query_string)),
    )


def matching(q: str):
    return Resource.objects.public().filter(search_vector=build_query(q))


def two_significant_digits(n: int) -> bool:
    return len(str(n).rstrip("0")) <= 2


@pytest.mark.parametrize("rate", selectors.SAMPLE_RATES)
def test_each_sample_is_one_resource_in_its_rate_spread_over_centres(
    many, centre, rate
):
    for words in (True, False):
        sampled = Resource.objects.filter(selectors.sample_rows(rate, words=words))
        assert 0.6 / rate < sampled.count() / ROWS < 1.4 / rate
        assert sampled.filter(centre=centre).exists()
        assert sampled.exclude(centre=centre).exists()
    assert set(Resource.objects.values_list("sample", flat=True)) == set(range(64))
    # The two ways of writing a sample's rows select the same rows, and the
    # sparser sample is part of the denser one.
    rows = {
        words: set(
            Resource.objects.filter(
                selectors.sample_rows(rate, words=words)
            ).values_list("pk", flat=True)
        )
        for words in (True, False)
    }
    assert rows[True] == rows[False]
    coarse = Resource.objects.filter(selectors.sample_rows(64, words=True))
    assert set(coarse.values_list("pk", flat=True)) <= rows[True]


def test_many_hits_give_estimated_counts_close_to_the_real_ones(many):
    real = matching("innovation").count()
    assert real > 500  # past the lowered limit

    result = search("q=innovation")

    assert result.approximate
    assert 0.6 * real < result.total < 1.4 * real
    assert two_significant_digits(result.total)
    kinds = result.facets["kind"]
    assert kinds and all(two_significant_digits(n) for n in kinds.values())
    # Every kind the estimate names is one the hits have.
    real_kinds = set(matching("innovation").values_list("kind", flat=True))
    assert set(kinds) <= real_kinds
    assert 0.5 * real < sum(kinds.values()) < 1.5 * real


def test_few_hits_are_counted_exactly(many):
    real = matching("tender").filter(sectors__overlap=["health"])
    assert 0 < real.count() < matching("tender").count() < 500

    result = search("q=tender&sector=health")

    assert not result.approximate
    assert result.total == real.count()
    assert list(result.facets["sector"].items())


def test_an_exact_limit_above_the_hits_counts_them_all(many, monkeypatch):
    monkeypatch.setattr(selectors, "EXACT_LIMIT", 10**9)
    result = search("q=innovation")
    assert not result.approximate
    assert result.total == matching("innovation").count()
    assert sum(result.facets["language"].values()) == result.total


def test_estimated_pages_follow_each_other_newest_ranked_then_by_date(many):
    seen = []
    for number in range(1, 11):  # SAMPLED_RESULTS_LISTED = 200: ten pages
        result = search(f"q=innovation&page={number}")
        assert result.approximate and result.page.number == number
        seen += [r.pk for r in result.page.object_list]
    assert len(seen) == 200 == len(set(seen))  # no gaps, no repeats
    # The window starts at the second newest hit of the sample (32 / 16), to the
    # second; its hits are ranked, the older ones follow newest first.
    hits = matching("innovation").annotate(
        rank=SearchRank(F("search_vector"), build_query("innovation"))
    )
    second = hits.filter(sample__lt=4).order_by("-published_at")[1].published_at
    window_from = second.replace(microsecond=0)
    window = sorted(
        hits.filter(published_at__gte=window_from),
        key=lambda r: (-r.rank, -r.published_at.timestamp(), r.pk),
    )
    rest = hits.filter(published_at__lt=window_from).order_by("-published_at", "pk")
    expected = [r.pk for r in window] + [r.pk for r in rest]
    assert seen == expected[:200]
    assert 1 < len(window) < 200  # both parts are on these pages


def test_only_the_listed_results_can_be_paged(many, client):
    result = search("q=innovation&page=400")
    assert result.approximate
    assert result.page.paginator.num_pages == 10
    assert result.page.number == 10 and len(result.page.object_list) == 20

    response = client.get("/api/v1/resources/", {"q": "innovation", "page": 11})
    assert response.status_code == 404
    assert "only the first 200 can be paged" in response.json()["detail"]


def test_the_page_and_the_api_say_the_counts_are_estimates(many, client):
    html = client.get("/resources/", {"q": "innovation"}).content.decode()
    assert "of about" in html
    assert 'class="small muted kb-estimated"' in html
    assert "≈" in html

    body = client.get("/api/v1/resources/", {"q": "innovation"}).json()
    assert body["approximate"] is True
    assert two_significant_digits(body["count"])
    assert len(body["results"]) == 20

    exact = client.get("/api/v1/resources/", {"q": "tender"})
    assert exact.json()["approximate"] is False


def test_a_browse_of_everything_is_estimated_too(many):
    result = search("")
    assert result.approximate
    assert 0.6 * ROWS < result.total < 1.4 * ROWS
    newest = list(Resource.objects.public().order_by("-published_at", "-pk")[:20])
    assert list(result.page.object_list) == newest


def test_an_estimated_search_runs_no_more_statements_than_an_exact_one(
    many, monkeypatch
):
    def statements(query_string):
        with CaptureQueriesContext(connection) as ctx:
            search(query_string)
        return len(ctx)

    sampled = statements("q=innovation")
    monkeypatch.setattr(selectors, "EXACT_LIMIT", 10**9)
    assert sampled <= statements("q=innovation&page=2")


def page_ids_and_statements(query_string: str):
    with CaptureQueriesContext(connection) as ctx:
        result = search(query_string)
    assert result.approximate
    return [r.pk for r in result.page.object_list], [q["sql"] for q in ctx]


DEEP = "SET LOCAL enable_indexscan = off; "


def windowed(sql: str) -> bool:
    """The statement of selectors.windowed_page_ids that ranks the window."""
    return (
        sql.startswith('SELECT "knowledge_resource"."id"')
        and "ts_rank" in sql
        and "CASE WHEN" not in sql
        and " LIMIT " in sql
    )


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_deep_pages_are_cut_from_a_date_range_and_equal_the_plain_pages(
    many, monkeypatch, sort
):
    # A margin wide enough that the range holds the tenth page whichever ids
    # fall in the sample (at 1.5, 19 sample hits place it: now and then too few).
    monkeypatch.setattr(selectors, "LISTED_MARGIN", 3)
    deep = {}
    for number in (4, 7, 10):
        ids, statements = page_ids_and_statements(
            f"q=innovation&sort={sort}&page={number}"
        )
        assert sum(sql.startswith(DEEP) for sql in statements) == 1, statements
        # and the windowed statement of shallow pages does not run as well
        assert not any(windowed(sql) for sql in statements)
        deep[number] = ids

    monkeypatch.setattr(selectors, "DEEP_PAGE_ROWS", 10**9)  # the walk by date
    for number, ids in deep.items():
        plain, statements = page_ids_and_statements(
            f"q=innovation&sort={sort}&page={number}"
        )
        assert not any(sql.startswith(DEEP) for sql in statements)
        assert len(ids) == 20 and ids == plain, (sort, number)


def test_a_date_range_too_narrow_for_the_page_falls_back_to_the_walk_by_date(
    many, monkeypatch
):
    expected, _ = page_ids_and_statements("q=innovation&page=10")
    # The range then ends near the newest hit of the sample: a few dozen hits,
    # too few for the tenth page.
    monkeypatch.setattr(selectors, "LISTED_MARGIN", 0.05)
    ids, statements = page_ids_and_statements("q=innovation&page=10")
    assert sum(sql.startswith(DEEP) for sql in statements) == 1
    assert sum(windowed(sql) for sql in statements) == 1
    assert ids == expected and len(ids) == 20
    # The fallback runs with index scans back on (it walks the date index).
    deep_at = next(i for i, sql in enumerate(statements) if sql.startswith(DEEP))
    walk_at = next(i for i, sql in enumerate(statements) if windowed(sql))
    assert "SET LOCAL enable_indexscan TO DEFAULT" in statements[deep_at + 1 : walk_at]


def facet_statement_count(query_string):
    with CaptureQueriesContext(connection) as ctx:
        result = search(query_string)
    sqls = [q["sql"] for q in ctx.captured_queries]
    return result, sum("SELECT 'meta', 'total'" in sql for sql in sqls)


def test_a_search_whose_sparser_sample_holds_enough_hits_counts_only_that(
    many, monkeypatch
):
    real = matching("innovation").count()
    coarse = matching("innovation").filter(selectors.sample_rows(64, words=True))
    # The limit just below the sample's hits, scaled: which ids fall in the
    # sample depends on what ran before (the ids do), not its count.
    assert coarse.count() >= 5
    monkeypatch.setattr(selectors, "COARSE_LIMIT", coarse.count() * 64 - 1)

    result, statements = facet_statement_count("q=innovation")

    assert statements == 1  # the 1-in-64 sample only
    assert result.approximate
    # The sample's hits, scaled (at 3 000 resources some 30 of them: a rough
    # estimate here; at 100 000, 250 or more).
    assert result.total == selectors.about(coarse.count(), 64)
    assert 0.3 * real < result.total < 2 * real
    assert two_significant_digits(result.total)
    languages = result.facets["language"]
    assert languages and all(two_significant_digits(n) for n in languages.values())
    assert set(languages) <= set(
        matching("innovation").values_list("language", flat=True)
    )
    # Its facet counts are those of the sparser sample's hits, scaled by 64.
    assert result.facets["kind"] == {
        kind: selectors.about(coarse.filter(kind=kind).count(), 64)
        for kind in set(coarse.values_list("kind", flat=True))
    }
    # Its pages follow as those of the denser sample's estimate do.
    assert len(search("q=innovation&page=2").page.object_list) == 20


def test_too_few_hits_in_the_sparser_sample_count_the_denser_one(many, monkeypatch):
    real = matching("innovation").count()
    monkeypatch.setattr(selectors, "COARSE_LIMIT", real * 2)

    result, statements = facet_statement_count("q=innovation")

    assert statements == 2  # 1 in 64, then 1 in 16
    assert result.approximate
    fine = matching("innovation").filter(selectors.sample_rows(16, words=True))
    assert result.total == selectors.about(fine.count(), 16)


def test_facet_filters_without_words_count_the_sparser_sample_by_its_hits(
    many, monkeypatch
):
    """The hits decide, not the rows of each chosen facet's own counts (which
    are many more: each is counted over the other filters)."""
    public = Resource.objects.public()
    health = public.filter(sectors__overlap=["health"])
    coarse = selectors.sample_rows(64, words=False)
    # The limit at the sparser sample's hits, scaled: one short of enough.
    assert health.filter(coarse).count() >= 3
    monkeypatch.setattr(selectors, "COARSE_LIMIT", health.filter(coarse).count() * 64)

    browse, browse_statements = facet_statement_count("")
    filtered, filtered_statements = facet_statement_count("sector=health")

    assert browse_statements == 1 and browse.approximate
    assert filtered_statements == 2  # too few hits in the sparser sample
    assert filtered.approximate
    fine = selectors.sample_rows(16, words=False)
    assert filtered.total == selectors.about(health.filter(fine).count(), 16)
    # Its own counts are over every resource: those the sparser sample's.
    sectors = {}
    for row in public.filter(coarse).values_list("sectors", flat=True):
        for sector in row:
            sectors[sector] = sectors.get(sector, 0) + 1
    assert filtered.facets["sector"] == {
        s: selectors.about(n, 64) for s, n in sectors.items()
    }


def test_two_chosen_facets_count_the_denser_sample_first(many):
    both = Resource.objects.public().filter(
        sectors__overlap=["health"], approaches__overlap=["pcp"]
    )
    with CaptureQueriesContext(connection) as ctx:
        result = search("sector=health&approach=pcp")
    statements = [q["sql"] for q in ctx if "UNION ALL SELECT 'sector'" in q["sql"]]

    assert not any('"sample" = 0' in sql for sql in statements)
    assert '"sample" IN (0, 1, 2, 3)' in statements[0]
    assert result.total == (
        selectors.about(both.filter(selectors.sample_rows(16, words=False)).count(), 16)
        if result.approximate
        else both.count()
    )


@pytest.mark.parametrize("sampled", [True, False])
def test_words_and_three_chosen_facets_count_each_over_the_other_filters(
    many, monkeypatch, sampled
):
    """Only the candidates some count needs are read (each chosen facet's filter
    but at most one holds); every count is still that of the rows it is over."""
    monkeypatch.setattr(selectors, "EXACT_LIMIT", 40 if sampled else 10**9)
    chosen = {
        "sector": ("sectors", {"health", "ict", "energy", "mobility"}),
        "approach": ("approaches", {"pcp", "ppi", "partnership", "dialogue"}),
        "kind": ("kind", {"case_study", "tool", "report"}),
    }
    query_string = "q=innovation" + "".join(
        f"&{name}={value}" for name, (_, values) in chosen.items() for value in values
    )
    rows = matching("innovation")
    if sampled:
        rows = rows.filter(selectors.sample_rows(16, words=True))
    rows = list(rows.values("kind", "sectors", "approaches", "language"))

    def holds(row, name):
        column, values = chosen[name]
        value = row[column]
        return bool(values & (set(value) if isinstance(value, list) else {value}))

    def over(*names):
        return [r for r in rows if all(holds(r, n) for n in names)]

    def counted(values):
        found: dict[str, int] = {}
        for value in values:
            found[value] = found.get(value, 0) + 1
        if sampled:
            return {v: selectors.about(n, 16) for v, n in found.items()}
        return found

    hits = over(*chosen)
    assert len(hits) >= 3 and len(over("sector", "kind")) > len(hits)

    result = search(query_string)

    assert result.approximate is sampled
    assert result.total == (selectors.about(len(hits), 16) if sampled else len(hits))
    assert result.facets["sector"] == counted(
        s for r in over("approach", "kind") for s in r["sectors"]
    )
    assert result.facets["approach"] == counted(
        a for r in over("sector", "kind") for a in r["approaches"]
    )
    assert result.facets["kind"] == counted(
        r["kind"] for r in over("sector", "approach")
    )
    assert result.facets["language"] == counted(r["language"] for r in hits)
    if sampled:  # the rows aggregated: those of some chosen facet's own counts
        _, meta = selectors.facet_counts(
            user=AnonymousUser(),
            params=SearchParams.from_querydict(QueryDict(query_string)),
        )
        needed = [r for r in rows if sum(not holds(r, n) for n in chosen) <= 1]
        assert meta["size"] == len(needed) < len(rows)


def test_a_chosen_facet_counted_by_the_sparser_sample_where_the_hits_are_not(
    many, monkeypatch
):
    """q=… with one facet chosen: its own counts (over all the word's hits) come
    from the 1-in-64 sample when they are enough there, and the 1-in-16 sample
    counts the hits only."""
    words = matching("innovation")
    coarse = words.filter(selectors.sample_rows(64, words=True))
    fine = words.filter(selectors.sample_rows(16, words=True))
    health = {"sectors__overlap": ["health"]}
    assert coarse.count() > coarse.filter(**health).count() + 2
    # Enough for the word's hits in the sparser sample, not for the filtered ones.
    monkeypatch.setattr(selectors, "COARSE_LIMIT", coarse.filter(**health).count() * 64)

    def scaled(values, rate):
        found: dict[str, int] = {}
        for value in values:
            found[value] = found.get(value, 0) + 1
        return {v: selectors.about(n, rate) for v, n in found.items()}

    with CaptureQueriesContext(connection) as ctx:
        result = search("q=innovation&sector=health")

    assert result.approximate
    assert result.total == selectors.about(fine.filter(**health).count(), 16)
    assert result.facets["sector"] == scaled(
        (s for sectors in coarse.values_list("sectors", flat=True) for s in sectors),
        64,
    )
    assert result.facets["language"] == scaled(
        fine.filter(**health).values_list("language", flat=True), 16
    )
    # The denser sample's statement counts the hits only: no sector counts.
    facet_statements = [q["sql"] for q in ctx if "SELECT 'kind'" in q["sql"]]
    assert len(facet_statements) == 2
    assert "SELECT 'sector'" in facet_statements[0]
    assert "SELECT 'sector'" not in facet_statements[1]
    _, meta = selectors._aggregate(
        *selectors.facet_statement(
            user=AnonymousUser(),
            params=SearchParams.from_querydict(QueryDict("q=innovation&sector=health")),
            sample=16,
            skip=("sector",),
        )
    )
    assert meta["size"] == fine.filter(**health).count()

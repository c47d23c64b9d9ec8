"""The search's statements use the GIN index on the stored vector: EXPLAIN shows no
sequential scan of the resource table and no tsvector computed at query time.

The plans are taken at a size where they matter (20 000 resources from the
benchmark's seeder, short bodies to keep the test quick) and under the planner
settings resource_search runs its statements with (selectors.search_planner).
"""

import importlib.util
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge import selectors
from knowledge.selectors import SearchParams, resource_search, search_planner
from knowledge.trigram import trigram_installed

pytestmark = pytest.mark.django_db

SEEDER = Path(__file__).resolve().parents[2] / "bench" / "seed_resources.py"
ROWS = 20_000


def _seeder():
    spec = importlib.util.spec_from_file_location("bench_seed_resources", SEEDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_many(centres):
    """ROWS resources, in this test's transaction (rolled back with it)."""
    per_language = _seeder().seed_resources(
        ROWS, seed=7, centres=centres, body_words=(20, 60)
    )
    assert sum(per_language.values()) == ROWS


def params(query_string: str) -> SearchParams:
    return SearchParams.from_querydict(QueryDict(query_string))


def plans(query_string: str) -> tuple[list[str], str]:
    """EXPLAIN (ANALYZE, BUFFERS) of the facet statements (the samples', the
    sparser first, and the exact one when the hits are few enough) and of the
    page statement that resource_search runs for `query_string`, as it ran them."""
    p = params(query_string)
    caches["search"].clear()  # run the statements, not the cache
    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(user=AnonymousUser(), params=p)
    assert result.total > 0, query_string
    statements = [q["sql"] for q in ctx.captured_queries]
    facets = [sql for sql in statements if "UNION ALL SELECT 'sector'" in sql]
    assert len(facets) in ((1, 2) if result.approximate else (2, 3)), query_string
    (page,) = [
        sql
        for sql in statements
        # The ordered ids of the page (the rows are then read by id); past the
        # exact limit with words, the ranked window (the rest only for a page
        # past it).
        if sql.startswith('SELECT "knowledge_resource"."id"') and " LIMIT " in sql
    ]
    explained = []
    with search_planner(full_text=bool(p.q)), connection.cursor() as cursor:
        for sql in (*facets, page):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
    return explained[:-1], explained[-1]


DEEP = "SET LOCAL enable_indexscan = off; "


def deep_page_plan(query_string: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the statement that cut a deep page of a
    search with too many hits to count (selectors.deep_page_ids), as it ran."""
    caches["search"].clear()
    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(user=AnonymousUser(), params=params(query_string))
    assert result.approximate and len(result.page.object_list) == 20
    (deep,) = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(DEEP)]
    with search_planner(full_text=True), connection.cursor() as cursor:
        cursor.execute(DEEP + "EXPLAIN (ANALYZE, BUFFERS) " + deep.removeprefix(DEEP))
        return "\n".join(row[0] for row in cursor.fetchall())


def all_plans(query_string: str) -> list[str]:
    facets, page = plans(query_string)
    return [*facets, page]


def assert_index_only_search(plan: str, *, gin=True, why=""):
    """No sequential scan of the table, no to_tsvector; `gin`: a GIN index of the
    stored vector (all rows, or the sample's) gives the matches (with facet
    filters the planner may start from an array index instead and check `@@` on
    those rows: still no scan)."""
    assert "Seq Scan on knowledge_resource" not in plan, f"{why}\n{plan}"
    assert "to_tsvector" not in plan, f"{why}\n{plan}"
    assert "Bitmap Index Scan on resource_" in plan or "Index Scan using" in plan, (
        f"{why}\n{plan}"
    )
    if gin:
        assert (
            "Bitmap Index Scan on resource_search_gin" in plan
            or "Bitmap Index Scan on resource_search_sample_gin" in plan
            or "Bitmap Index Scan on resource_search_coarse_gin" in plan
        ), f"{why}\n{plan}"


# Rarer words, stemmed forms, several languages: the GIN index finds them.
FULL_TEXT = ["q=Beschaffungen", "q=aanbestedingen", "q=telemedicine"]
# A word in about half of the resources: the planner may as well walk the listing
# index and check `@@` on its rows (it did, now and then, on a busy machine);
# either way no sequential scan and no vector computed.
COMMON = ["q=procurement", "q=innovation"]
# The same with facet filters.
FILTERED = [
    "q=aanbestedingen&sector=health",
    "q=innovation&sector=health&approach=pcp",
    "q=upphandling&language=sv&year=2020",
]


def browse_index(plan: str) -> list[str]:
    """The sample browse indexes a plan reads (Index Only Scan using …, or
    Bitmap Index Scan on …)."""
    return sorted(
        set(re.findall(r"(?:using|on) (resource_(?:coarse|sample)_browse_idx)", plan))
    )


def typo_scans(plan: str) -> list[str]:
    """The lines of the typo candidates' CTE that read the resource table (by
    whatever index the planner chose)."""
    lines = plan.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "CTE typo")
    depth = len(lines[start]) - len(lines[start].lstrip())
    block = []
    for line in lines[start + 1 :]:
        if line.strip() and len(line) - len(line.lstrip()) <= depth:
            break
        block.append(line)
    return [line for line in block if "Scan" in line and "CTE Scan" not in line]


def test_search_statements_use_indexes_and_compute_no_vector(
    centre, other_centre, monkeypatch
):
    seed_many([centre, other_centre])

    # Which index the planner reads a statement by depends on its statistics (a
    # word in a few percent of the rows may be found by walking the listing
    # index and checking `@@`); none scans the table or computes a vector, and
    # the full-text GIN indexes are used for each rarer word (the sample's
    # statement can use no other).
    for query_string in FULL_TEXT:
        query_plans = all_plans(query_string)
        for plan in query_plans:
            assert_index_only_search(plan, gin=False, why=query_string)
        assert_index_only_search("\n".join(query_plans), why=query_string)
    for query_string in COMMON + FILTERED:
        for plan in all_plans(query_string):
            assert_index_only_search(plan, gin=False, why=query_string)

    # A common word: past the exact limit, counted over a sample (by its own
    # GIN index, never the other sample's); the page ranks the window of the
    # newest hits only, and no trigram scan is even planned.
    monkeypatch.setattr(selectors, "COARSE_LIMIT", 10**9)
    coarse, fine = plans("q=innovation")[0]
    assert "Bitmap Index Scan on resource_search_coarse_gin" in coarse, coarse
    assert "resource_search_sample_gin" not in coarse, coarse
    assert "Bitmap Index Scan on resource_search_sample_gin" in fine, fine
    assert "resource_search_coarse_gin" not in fine, fine
    monkeypatch.setattr(selectors, "COARSE_LIMIT", 2_000)
    (facets,), page = plans("q=innovation")
    assert "Bitmap Index Scan on resource_search_coarse_gin" in facets, facets
    assert "resource_title_trgm" not in facets + page
    assert "Index Scan" in page, page  # the window, from the date index
    # Browsing counts each sample by its own browse index (index only, or by
    # bitmap where the rows rolled back by earlier tests are not vacuumed yet).
    (facets,), _ = plans("")
    assert browse_index(facets) == ["resource_coarse_browse_idx"], facets
    monkeypatch.setattr(selectors, "COARSE_LIMIT", 10**9)
    (coarse, fine), _ = plans("")
    assert browse_index(coarse) == ["resource_coarse_browse_idx"], coarse
    assert browse_index(fine) == ["resource_sample_browse_idx"], fine
    monkeypatch.undo()

    # A deep page of a common word (past DEEP_PAGE_ROWS): cut from the hits of a
    # date range, on bitmaps (index scans are off for it), never by walking the
    # listing index. Whether the word's index is ANDed in or the word checked on
    # the range's rows is the planner's choice by its statistics (at 100 000
    # resources it ANDs "procurement" in, and checks "innovation", in 65% of
    # them); either way no sequential scan and no vector computed.
    for query_string in ("q=innovation&page=50", "q=innovation&sort=oldest&page=40"):
        deep = deep_page_plan(query_string)
        assert_index_only_search(deep, gin=False, why=query_string)
        assert "Bitmap Heap Scan on knowledge_resource" in deep, deep
        assert " Index Scan using" not in deep, deep
        assert "published_at >= " in deep or "published_at <= " in deep, deep

    # Newest first may walk resource_listing_idx and stop after a page of hits.
    for plan in all_plans("q=innovation&sort=newest"):
        assert_index_only_search(plan, gin=False)

    # A typo: the trigram index joins in, still no scan (where pg_trgm is: the
    # embedded PostgreSQL has none, and a typo finds nothing there).
    if trigram_installed():
        facets, page = plans("q=procuremnt")
        for plan in facets:
            assert_index_only_search(plan)
        assert "Bitmap Index Scan on resource_title_trgm" in facets[-1], facets[-1]
        assert_index_only_search(page)
        assert "resource_title_trgm" in page, page
    else:
        caches["search"].clear()
        assert (
            resource_search(user=AnonymousUser(), params=params("q=procuremnt")).total
            == 0
        )

    # A quoted phrase of two common words: its word pairs' index gives the
    # candidates, the phrase is checked on those only; the vector's index, whose
    # entries are every resource holding both words, is not read.
    phrase_plans = all_plans('q="market consultation"')
    for plan in phrase_plans:
        assert_index_only_search(plan, gin=False, why="phrase")
        assert "resource_search_gin" not in plan, plan
    assert "Bitmap Index Scan on resource_phrase_gin" in "\n".join(phrase_plans)

    # Browsing computes no vector either, and scans no table: the sample's
    # listing index, then a page of the listing index.
    for plan in all_plans("sector=health"):
        assert "to_tsvector" not in plan, plan
        assert "Seq Scan on knowledge_resource" not in plan, plan

    # Counted exactly (no limit): ranking reads the vectors of the newest hits
    # only, and the typo candidates are planned but never read.
    monkeypatch.setattr(selectors, "EXACT_LIMIT", 10**9)
    facets, page = plans("q=innovation")
    for plan in [*facets, page]:
        assert_index_only_search(plan, gin=False)
    assert "CASE WHEN" in page, page
    scans = typo_scans(facets[-1])
    if trigram_installed():
        assert scans and all("(never executed)" in line for line in scans), facets[-1]
    else:  # no trigram candidates to plan: the CTE reads no table
        assert scans == [], facets[-1]
    assert "resource_title_trgm" not in page, page

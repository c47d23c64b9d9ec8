"""The search's statements use the GIN index on the stored vector: EXPLAIN shows no
sequential scan of the resource table and no tsvector computed at query time.

The plans are taken at a size where they matter (20 000 resources from the
benchmark's seeder, short bodies to keep the test quick) and under the planner
settings resource_search runs its statements with (selectors.search_planner).
"""

import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge.selectors import SearchParams, resource_search, search_planner

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


def plans(query_string: str) -> tuple[str, str]:
    """EXPLAIN (ANALYZE, BUFFERS) of the facet statement and the page statement
    resource_search runs for `query_string`, as it ran them."""
    p = params(query_string)
    caches["search"].clear()  # run the statements, not the cache
    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(user=AnonymousUser(), params=p)
    assert result.total > 0, query_string
    statements = [q["sql"] for q in ctx.captured_queries]
    (facets,) = [sql for sql in statements if "UNION ALL SELECT 'sector'" in sql]
    (page,) = [
        sql
        for sql in statements
        # The ordered ids of the page (the rows are then read by id).
        if sql.startswith('SELECT "knowledge_resource"."id"') and " LIMIT " in sql
    ]
    explained = []
    with search_planner(full_text=bool(p.q)), connection.cursor() as cursor:
        for sql in (facets, page):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
    return explained[0], explained[1]


def assert_index_only_search(plan: str, *, gin=True, why=""):
    """No sequential scan of the table, no to_tsvector; `gin`: the stored vector's
    GIN index gives the matches (with facet filters the planner may start from
    an array index instead and check `@@` on those rows: still no scan)."""
    assert "Seq Scan on knowledge_resource" not in plan, f"{why}\n{plan}"
    assert "to_tsvector" not in plan, f"{why}\n{plan}"
    assert "Bitmap Index Scan on resource_" in plan or "Index Scan using" in plan, (
        f"{why}\n{plan}"
    )
    if gin:
        assert "Bitmap Index Scan on resource_search_gin" in plan, f"{why}\n{plan}"


# Rarer words, stemmed forms, several languages: the GIN index finds them.
FULL_TEXT = ["q=Beschaffungen", "q=aanbestedingen", "q=telemedicine"]
# A word in about half of the resources: the planner may as well walk the listing
# index and check `@@` on its rows (it did, now and then, on a busy machine);
# either way no sequential scan and no vector computed.
COMMON = ["q=procurement"]
# The same with facet filters.
FILTERED = [
    "q=aanbestedingen&sector=health",
    "q=innovation&sector=health&approach=pcp",
    "q=upphandling&language=sv&year=2020",
]


def test_search_statements_use_indexes_and_compute_no_vector(centre, other_centre):
    seed_many([centre, other_centre])

    for query_string in FULL_TEXT:
        for plan in plans(query_string):
            assert_index_only_search(plan, why=query_string)
    for query_string in COMMON + FILTERED:
        for plan in plans(query_string):
            assert_index_only_search(plan, gin=False, why=query_string)

    # Past the rank window: ranking reads the vectors of the newest hits only.
    facets, page = plans("q=procurement")
    assert "CASE WHEN" in page, page

    # Newest first may walk resource_listing_idx and stop after a page of hits.
    for plan in plans("q=procurement&sort=newest"):
        assert_index_only_search(plan, gin=False)

    # A typo: the trigram index joins in (BitmapOr), still no scan.
    facets, page = plans("q=procuremnt")
    assert_index_only_search(facets)
    assert "Bitmap Index Scan on resource_title_trgm" in facets, facets
    assert_index_only_search(page)
    assert "BitmapOr" in page and "resource_title_trgm" in page, page

    # A common word: the trigram scan is planned but never runs.
    facets, page = plans("q=procurement")
    trigram = [line for line in facets.splitlines() if "resource_title_trgm" in line]
    assert trigram and all("never executed" in line for line in trigram), facets
    assert "resource_title_trgm" not in page, page

    # Browsing computes no vector either.
    for plan in plans("sector=health"):
        assert "to_tsvector" not in plan, plan

"""The search's statements use the GIN index on the stored vector: EXPLAIN shows no
sequential scan of the resource table and no tsvector computed at query time.

The plans are taken at a size where they matter (20 000 resources from the
benchmark's seeder, short bodies to keep the test quick) and under the planner
settings resource_search runs its statements with (selectors.search_planner).
"""

import importlib.util
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict

from knowledge.selectors import (
    SearchParams,
    facet_statement,
    resource_search,
    resource_search_queryset,
    search_planner,
)

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
    started = time.perf_counter()
    per_language = _seeder().seed_resources(
        ROWS, seed=7, centres=centres, body_words=(20, 60)
    )
    assert sum(per_language.values()) == ROWS
    return time.perf_counter() - started


def params(query_string: str) -> SearchParams:
    return SearchParams.from_querydict(QueryDict(query_string))


def facet_plan(query_string: str) -> str:
    p = params(query_string)
    sql, args = facet_statement(user=AnonymousUser(), params=p)
    with search_planner(full_text=bool(p.q)), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, args)
        return "\n".join(row[0] for row in cursor.fetchall())


def page_plan(query_string: str, *, typos=False) -> str:
    p = params(query_string)
    qs = resource_search_queryset(user=AnonymousUser(), params=p, typos=typos)
    with search_planner(full_text=bool(p.q)):
        return qs[:20].explain(analyze=True, buffers=True)


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


# Common and rare words, stemmed forms, several languages.
FULL_TEXT = ["q=procurement", "q=Beschaffungen", "q=aanbestedingen", "q=telemedicine"]
# The same with facet filters.
FILTERED = [
    "q=aanbestedingen&sector=health",
    "q=innovation&sector=health&approach=pcp",
    "q=upphandling&language=sv&year=2020",
]


def test_search_statements_use_indexes_and_compute_no_vector(centre, other_centre):
    took = seed_many([centre, other_centre])

    for query_string in FULL_TEXT:
        assert_index_only_search(facet_plan(query_string), why=query_string)
        assert_index_only_search(page_plan(query_string), why=query_string)
        result = resource_search(user=AnonymousUser(), params=params(query_string))
        assert result.total > 0, query_string
    for query_string in FILTERED:
        assert_index_only_search(facet_plan(query_string), gin=False, why=query_string)
        assert_index_only_search(page_plan(query_string), gin=False, why=query_string)

    # Newest first may walk resource_listing_idx and stop after a page of hits.
    plan = page_plan("q=procurement&sort=newest")
    assert_index_only_search(plan, gin=False)

    # A typo: the trigram index joins in (BitmapOr), still no scan.
    plan = facet_plan("q=procuremnt")
    assert_index_only_search(plan)
    assert "Bitmap Index Scan on resource_title_trgm" in plan, plan
    plan = page_plan("q=procuremnt", typos=True)
    assert_index_only_search(plan)
    assert "BitmapOr" in plan and "resource_title_trgm" in plan, plan

    # A common word: the trigram scan is planned but never runs.
    trigram = [
        line
        for line in facet_plan("q=procurement").splitlines()
        if "resource_title_trgm" in line
    ]
    assert trigram and all("never executed" in line for line in trigram), trigram

    # Browsing computes no vector either.
    assert "to_tsvector" not in facet_plan("sector=health")
    assert "to_tsvector" not in page_plan("")
    assert took < 25, f"seeding {ROWS} rows took {took:.1f} s"

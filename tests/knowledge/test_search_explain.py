"""The search's statements read the stored vector through its GIN index and
compute no tsvector at query time (EXPLAIN of what resource_search runs).

The plans are taken at a size where they matter: 20 000 resources from the
benchmark's seeder (short bodies to keep the test quick).
"""

import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge.selectors import SearchParams, resource_search
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


def plans(query_string: str) -> tuple[str, str]:
    """EXPLAIN (ANALYZE) of the facet statement and of the page's ids, as
    resource_search ran them for `query_string`."""
    caches["search"].clear()  # run the statements, not the cache
    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(user=AnonymousUser(), params=params(query_string))
    assert result.total > 0, query_string
    statements = [q["sql"] for q in ctx.captured_queries]
    (facets,) = [sql for sql in statements if "GROUP BY GROUPING SETS" in sql]
    (page,) = [
        sql
        for sql in statements
        if sql.startswith('SELECT "knowledge_resource"."id"') and " LIMIT " in sql
    ]
    explained = []
    with connection.cursor() as cursor:
        for sql in (facets, page):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
    return explained[0], explained[1]


def assert_gin_search(plan: str, why=""):
    """No vector computed, no table scan: an index gives the matches (the
    vector's, or with facet filters an array index with `@@` checked on its
    rows)."""
    assert "to_tsvector" not in plan, f"{why}\n{plan}"
    assert "Seq Scan on knowledge_resource" not in plan, f"{why}\n{plan}"
    assert "Bitmap Index Scan on resource_" in plan, f"{why}\n{plan}"


# Rarer words, stemmed forms, several languages: the GIN index finds them.
FULL_TEXT = ["q=Beschaffungen", "q=aanbestedingen", "q=telemedicine"]
# The same with facet filters.
FILTERED = [
    "q=aanbestedingen&sector=health",
    "q=upphandling&language=sv&year=2020",
]
# Words in a large share of the resources (and a phrase of two of them): reading
# the table may be the cheaper plan, but no vector is computed.
COMMON = [
    "q=procurement",
    "q=innovation",
    'q="market consultation"',
    "q=innovation&sector=health&approach=pcp",
]


def test_search_statements_use_the_vector_index_and_compute_no_vector(
    centre, other_centre
):
    seed_many([centre, other_centre])

    for query_string in FULL_TEXT:
        facets, page = plans(query_string)
        assert "Bitmap Index Scan on resource_search_gin" in facets, facets
        assert_gin_search(facets, why=query_string)
        assert_gin_search(page, why=query_string)
    for query_string in FILTERED:
        for plan in plans(query_string):
            assert_gin_search(plan, why=query_string)
    for query_string in COMMON:
        for plan in plans(query_string):
            assert "to_tsvector" not in plan, plan
    # A phrase is looked up by its word pairs (migration 0010): the vectors read
    # are those of the resources holding the pairs, not every one holding the words.
    for plan in plans('q="market consultation"'):
        assert "Bitmap Index Scan on resource_phrase_gin" in plan, plan

    # A typo: the trigram index joins in (where pg_trgm is; without it a typo
    # finds nothing). For a common word the titles are never read.
    if trigram_installed():
        facets, _page = plans("q=procuremnt")
        assert "Bitmap Index Scan on resource_title_trgm" in facets, facets
        facets, _page = plans("q=innovation")
        # The titles' scans (by their index, or the table: the planner's
        # choice for a plan it will not run) are those matching them (%>).
        lines = facets.splitlines()
        scans = [
            line
            for i, line in enumerate(lines)
            if "Scan on knowledge_resource" in line
            and any("%>" in x for x in lines[i + 1 : i + 3])
        ]
        assert scans and all("(never executed)" in x for x in scans), facets
    else:
        caches["search"].clear()
        result = resource_search(user=AnonymousUser(), params=params("q=procuremnt"))
        assert result.total == 0

"""The visitor's words as one tsquery (p2i_any_language_query, migration 0005):
each distinct query of the configurations once, and the same matches as all of
them OR'ed with their repeats."""

import pytest
from django.db import connection

from knowledge.textsearch import query_configs

pytestmark = pytest.mark.django_db

DOCUMENTS = [
    ("english", "Pre-commercial procurement of telemedicine services for hospitals"),
    ("english", "A market consultation before the tender: lessons learned"),
    ("german", "Innovative Beschaffungen der Kommunen: Leitfaden zur Vergabe"),
    ("dutch", "Aanbestedingen van innovatieve oplossingen door gemeenten"),
    ("spanish", "Contrataciones públicas de innovación en sanidad"),
    ("swedish", "Innovationsupphandling av vätgas för bussar"),
    ("greek", "Προμήθειες καινοτομίας στην υγεία"),
    ("p2i_simple", "Riigihanked ja innovatsioon Eestis"),
]
QUERIES = [
    "procurement",
    "procurements",
    "Beschaffungen",
    "aanbestedingen innovatieve",
    '"market consultation"',
    '"market consultation" -tender',
    "telemedicine or vätgas",
    "the of",
    "hospitals -telemedicine",
    "προμήθειες",
    "riigihanked",
    "innovation & | ! :* ()",
]


def _old_query_sql() -> str:
    return " || ".join(
        f"websearch_to_tsquery('{c}'::regconfig, %(q)s)" for c in query_configs()
    )


def test_the_query_matches_what_the_nine_queries_or_ed_match():
    outcomes = []
    with connection.cursor() as cursor:
        for q in QUERIES:
            for config, text in DOCUMENTS:
                cursor.execute(
                    "SELECT to_tsvector(%(config)s::regconfig, %(text)s) "
                    "@@ p2i_any_language_query(%(configs)s::regconfig[], %(q)s), "
                    f"to_tsvector(%(config)s::regconfig, %(text)s) @@ ({_old_query_sql()})",
                    {
                        "config": config,
                        "text": text,
                        "configs": query_configs(),
                        "q": q,
                    },
                )
                new, old = cursor.fetchone()
                assert new == old, (q, text)
                outcomes.append(new)
    assert 5 < sum(outcomes) < len(outcomes) - 5  # both outcomes, often


def test_each_distinct_query_appears_once_in_the_order_of_the_configurations():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p2i_any_language_query(%s::regconfig[], 'procurement')::text",
            [query_configs()],
        )
        # 'procurement' unstemmed (p2i_simple first, and most others), 'procur'
        # (english); PostgreSQL 18's Estonian stemmer adds 'procuremen'.
        parts = cursor.fetchone()[0].split(" | ")
        assert parts[:2] == ["'procurement'", "'procur'"]
        assert len(parts) == len(set(parts)) and set(parts[2:]) <= {"'procuremen'"}
        cursor.execute(
            "SELECT p2i_any_language_query(%s::regconfig[], '')::text",
            [query_configs()],
        )
        assert cursor.fetchone()[0] == ""

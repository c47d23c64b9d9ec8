"""Quoted phrases: found through the indexed word pairs (phrase_vector), with the
same results as the plain phrase match on the vector, in every language."""

import importlib.util
import random
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge import services
from knowledge.models import Resource
from knowledge.selectors import (
    PhraseMatch,
    SearchParams,
    build_query,
    full_text_match,
    resource_search,
)
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

SEEDER = Path(__file__).resolve().parents[2] / "bench" / "seed_resources.py"


@pytest.fixture
def seeded(centre, other_centre):
    spec = importlib.util.spec_from_file_location("bench_seed_resources", SEEDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.seed_resources(1_500, seed=5, centres=[centre, other_centre])


def plain(q: str) -> set[int]:
    """What the phrase match on the vector alone finds (no word pairs)."""
    return set(
        Resource.objects.filter(search_vector=build_query(q)).values_list(
            "pk", flat=True
        )
    )


def through_pairs(q: str) -> set[int]:
    return set(Resource.objects.filter(full_text_match(q)).values_list("pk", flat=True))


def phrases_from_the_text(count: int) -> list[str]:
    """Runs of 2 to 4 words as they stand in summaries and bodies, in every
    language of the seeded resources (punctuation, stop words and all)."""
    rng = random.Random(3)
    rows = list(Resource.objects.order_by("pk").values_list("summary", "body"))
    phrases = []
    while len(phrases) < count:
        summary, body = rng.choice(rows)
        words = re.findall(r"\S+", rng.choice([summary, body]))
        if len(words) < 5:
            continue
        start = rng.randrange(len(words) - 4)
        phrases.append(" ".join(words[start : start + rng.randint(2, 4)]))
    return phrases


def test_phrases_find_through_the_pairs_exactly_what_the_vector_finds(seeded):
    phrases = phrases_from_the_text(60)
    queries = [f'"{p.replace(chr(34), "")}"' for p in phrases]
    queries += [
        f'"{phrases[0]}" "{phrases[1]}"',  # two phrases: both required
        f'{phrases[2].split()[0]} "{phrases[3]}"',  # a word and a phrase
        '"market consultation"',
        '"the market"',  # a stop word: no pair in English
        '"market of consultation"',  # a stop word between: no pair
        '"e-procurement platform"',  # a hyphenated word (three lexemes)
        '"supplier\'s offer"',  # an apostrophe
        '"Beschaffung von Innovationen"',
        '"προμήθειες καινοτομίας"',
        '"vätgas upphandling"',
        '"innovation"',  # one word
        '"market consultation" OR telemedicine',  # the phrase not required
        '-"market consultation" innovation',  # the phrase excluded
        '"market consultation',  # unclosed
    ]
    found_some = 0
    for q in queries:
        expected = plain(q)
        assert through_pairs(q) == expected, q
        found_some += bool(expected)
    # The phrases come from the text, so most of them are found.
    assert found_some >= 50


def test_a_phrase_search_of_the_page_counts_and_lists_the_phrase_matches(seeded):
    public = Resource.objects.public()
    for phrase in phrases_from_the_text(40):
        q = '"' + phrase.replace('"', "") + '"'
        expected = public.filter(search_vector=build_query(q))
        through = full_text_match(q).children
        if isinstance(through[0], PhraseMatch) and expected.count() > 1:
            break
    else:
        pytest.fail("no phrase of the text is found twice")

    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(
            user=AnonymousUser(),
            params=SearchParams.from_querydict(QueryDict(f"q={q}")),
        )
    assert result.total == expected.count()
    assert {r.pk for r in result.page.object_list} <= set(
        expected.values_list("pk", flat=True)
    )
    assert any("p2i_phrase_filter" in query["sql"] for query in ctx.captured_queries)


def test_the_pairs_follow_an_edit_of_the_text(centre, editor):
    resource = resource_create(
        centre=centre,
        by=editor,
        published=True,
        title="Early supplier dialogue",
        summary="A guide to open market consultation.",
    )
    assert resource.pk in through_pairs('"open market consultation"')

    services.resource_update(
        resource=resource,
        by=editor,
        data={"summary": "A guide to talking with suppliers early."},
    )

    assert resource.pk not in through_pairs('"open market consultation"')
    assert resource.pk in through_pairs('"talking with suppliers"')
    assert resource.pk in plain('"talking with suppliers"')

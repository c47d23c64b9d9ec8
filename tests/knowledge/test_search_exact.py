"""Every count the search page and the API show is exact: the hit total and each
facet option's count, for generated searches (words, phrases, one to three
facets, sorts) over a corpus of a few thousand resources in eleven languages,
each compared with a count the ORM computes on its own, option by option.
"""

import html
import importlib.util
import random
import re
from collections import Counter
from functools import reduce
from operator import or_
from pathlib import Path

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from centres.models import Centre
from knowledge.models import Approach, Resource
from knowledge.selectors import FACETS, MAX_PAGES, PAGE_SIZE, TYPO_FALLBACK_BELOW
from knowledge.textsearch import query_configs
from knowledge.trigram import trigram_installed
from p2i_portal.vocab import Language, Sector

pytestmark = pytest.mark.django_db

SEEDER = Path(__file__).resolve().parents[2] / "bench" / "seed_resources.py"
ROWS = 3000
URL = reverse("knowledge:resource-list")
API = "/api/v1/resources/"

WORDS = [
    "procurement",
    "innovation",
    "public procurement",
    '"public procurement"',
    '"market consultation"',
    "innovation -tender",
    "digital or hospital",
    "Beschaffung",
    "Ausschreibungen",
    "aanbesteding",
    "upphandling",
    "contratación",
    "appalti",
    "hankinta",
    "pirkimai",
    "προμήθειες",
    "pilot",
    "procurment",  # a typo
]


def _seeder():
    spec = importlib.util.spec_from_file_location("bench_seed_resources", SEEDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(db):
    seeder = _seeder()
    seeder.centres_ensure()
    per_language = seeder.seed_resources(ROWS, seed=11, body_words=(20, 60))
    assert len(per_language) >= 10


def _values(name) -> list[str]:
    """Every value a facet could show for the corpus."""
    if name == "kind":
        return Resource.Kind.values
    if name == "sector":
        return Sector.values
    if name == "approach":
        return Approach.values
    if name == "language":
        return Language.values
    if name == "centre":
        return list(Centre.objects.values_list("slug", flat=True))
    if name == "country":
        return sorted(
            {
                c
                for cs in Resource.objects.values_list("countries", flat=True)
                for c in cs
            }
        )
    with timezone.override("Europe/Brussels"):
        return sorted(
            {
                str(timezone.localtime(at).year)
                for at in Resource.objects.exclude(published_at=None).values_list(
                    "published_at", flat=True
                )
            }
        )


def _where(name, value) -> dict:
    if name == "year":  # in the current time zone: the site's, see expected_counts
        return {"published_at__year": int(value)}
    return {
        "kind": {"kind": value},
        "sector": {"sectors__contains": [value]},
        "approach": {"approaches__contains": [value]},
        "country": {"countries__contains": [value]},
        "centre": {"centre__slug": value},
        "language": {"language": value},
    }[name]


_COLUMN = {
    "kind": ("kind",),
    "sector": ("sectors",),
    "approach": ("approaches",),
    "country": ("countries",),
    "centre": ("centre__slug",),
    "language": ("language",),
    "year": ("published_at",),
}


def _facet_values(name, row) -> list[str]:
    (value,) = row
    if name == "year":
        return [str(timezone.localtime(value).year)] if value else []
    return list(value) if isinstance(value, list) else [value]


def _filtered(qs, chosen, but=None):
    for name, values in chosen.items():
        if name != but:
            qs = qs.filter(reduce(or_, (_q(name, v) for v in values)))
    return qs


def _q(name, value):
    return Q(**_where(name, value))


def expected_counts(q, chosen):
    """(total, {facet: {value: count}}) by the ORM, for an anonymous visitor."""
    with timezone.override("Europe/Brussels"):  # the site's years
        public = Resource.objects.filter(
            status=Resource.Status.PUBLISHED, visibility=Resource.Visibility.PUBLIC
        )
        matches = public
        if q:
            words = reduce(
                or_,
                (
                    SearchQuery(q, config=c, search_type="websearch")
                    for c in query_configs()
                ),
            )
            matches = public.filter(search_vector=words)
            few = _filtered(matches, chosen).count() < TYPO_FALLBACK_BELOW
            if few and trigram_installed():
                matches = matches | public.filter(title__trigram_word_similar=q)
        total = _filtered(matches, chosen).count()
        facets = {}
        for name in FACETS:
            # The rows of the other filters, read through the ORM and counted here.
            counts = Counter()
            for value in _filtered(matches, chosen, but=name).values_list(
                *_COLUMN[name]
            ):
                counts.update(_facet_values(name, value))
            facets[name] = dict(counts)
        return total, facets, matches


OPTION = re.compile(
    r'name="(?P<name>\w+)" value="(?P<value>[^"]*)"[^>]*>'
    r'<label for="[^"]+"><span class="kb-facet__label">[^<]*</span> '
    r'<span class="kb-facet__count">(?P<count>[\d,.\s]+)<'
)
COUNT_LINE = re.compile(r'<p class="muted" id="results-count">(.*?)</p>', re.S)


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def page_counts(content: str):
    """(total, {facet: {value: count}}) as the search page shows them."""
    facets = {name: {} for name in FACETS}
    for m in OPTION.finditer(content):
        count = _number(m["count"])
        if count:  # a chosen value without hits is shown with 0
            facets[m["name"]][html.unescape(m["value"])] = count
    line = " ".join(COUNT_LINE.search(content)[1].split())
    total = re.search(r"(?:of )?([\d,]+) resources?$", line)[1]
    return _number(total), facets


def api_counts(body):
    return body["count"], {
        name: {o["value"]: o["count"] for o in body["facets"][name]} for name in FACETS
    }


def generated_searches(n=36):
    rng = random.Random(2026)
    values = {name: _values(name) for name in FACETS}
    # Only values the API accepts (the seeder writes "EL" for Greece, as the EU does).
    values["country"] = [c for c in values["country"] if c != "EL"]
    searches = []
    for i in range(n):
        q = WORDS[i % len(WORDS)] if i % 6 else ""
        chosen = {}
        for name in rng.sample(FACETS, rng.choice((1, 1, 2, 3)) if i % 9 else 0):
            chosen[name] = rng.sample(values[name], rng.choice((1, 1, 2)))
        sort = rng.choice(["", "relevance", "newest", "oldest"])
        searches.append((q, chosen, sort))
    return searches


def test_every_count_the_page_and_the_api_show_is_exact(corpus):
    client = Client()
    searches = generated_searches()
    assert len(searches) >= 30
    checked_options = 0
    for q, chosen, sort in searches:
        params = {"q": q, **chosen, "sort": sort}
        total, facets, matches = expected_counts(q, chosen)
        why = f"{params}: {total} expected"

        page = client.get(URL, params)
        assert page.status_code == 200, why
        assert page_counts(page.content.decode()) == (total, facets), why

        # The form sends an empty sort; the API takes none instead.
        api = client.get(API, {k: v for k, v in params.items() if v != ""})
        assert api.status_code == 200, (why, api.content)
        assert api_counts(api.json()) == (total, facets), why

        # The page lists hits only, as many as there are up to a page.
        ids = [r["id"] for r in api.json()["results"]]
        assert len(ids) == min(total, PAGE_SIZE), why
        assert set(ids) <= set(_filtered(matches, chosen).values_list("pk", flat=True))
        if sort in ("newest", "oldest") or (sort != "relevance" and not q):
            order = (
                ("published_at", "pk") if sort == "oldest" else ("-published_at", "-pk")
            )
            expected_ids = _filtered(matches, chosen).order_by(*order)
            assert ids == list(expected_ids.values_list("pk", flat=True)[:PAGE_SIZE])
        checked_options += sum(len(v) for v in facets.values())
    assert checked_options > 1000


def test_every_page_up_to_the_depth_limit_is_full_and_the_last_is_not_empty(corpus):
    client = Client()
    # A search with a few hundred hits: its last page holds the rest, exactly.
    total, _facets, _matches = expected_counts("innovation", {"language": ["de"]})
    assert PAGE_SIZE < total < MAX_PAGES * PAGE_SIZE and total % PAGE_SIZE
    last = -(-total // PAGE_SIZE)
    params = {"q": "innovation", "language": "de", "page": last}
    response = client.get(URL, params)
    assert len(response.context["resources"]) == total - (last - 1) * PAGE_SIZE
    assert response.context["page_obj"].number == last
    assert not response.context["page_obj"].has_next()
    api = client.get(API, params).json()
    assert len(api["results"]) == total % PAGE_SIZE and api["next"] is None
    assert client.get(API, {**params, "page": last + 1}).status_code == 404

    # Browsing finds more than the pages can list: page 50 is full, says so,
    # and the count stays exact.
    total, _facets, _matches = expected_counts("", {})
    assert total > MAX_PAGES * PAGE_SIZE
    response = client.get(URL, {"page": MAX_PAGES})
    assert response.context["total"] == total
    assert len(response.context["resources"]) == PAGE_SIZE
    assert "Add words or filters to narrow it." in response.content.decode()
    page_one = client.get(URL).content.decode()
    assert "Add words or filters" not in page_one
    assert page_counts(page_one)[0] == total
    # Asking for a deeper page shows the last one listed (the API refuses it).
    deeper = client.get(URL, {"page": MAX_PAGES + 5})
    assert deeper.status_code == 200 and deeper.context["page_obj"].number == MAX_PAGES
    refused = client.get(API, {"page": MAX_PAGES + 1})
    assert refused.status_code == 400 and "page" in refused.json()

"""Bugs found by trying the search as a new user would, held by tests."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from knowledge.models import Resource
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

URL = reverse("knowledge:resource-list")
API = "/api/v1/resources/"


@pytest.fixture
def make(centre, editor):
    def make(title, *, body="", published_at=None, **data):
        resource = resource_create(
            centre=centre,
            by=editor,
            published=True,
            title=title,
            summary="A resource of the network.",
            body=body,
            **data,
        )
        if published_at:
            Resource.objects.filter(pk=resource.pk).update(published_at=published_at)
        return resource

    return make


def at(year, month=6, day=1, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


def titles(response):
    return [r.title for r in response.context["resources"]]


def selected_sort(content: str) -> str:
    select = re.search(
        r'<select id="kb-sort" name="sort">(.*?)</select>', content, re.S
    )
    return re.search(r'<option value="([^"]*)" selected>', select[1])[1]


def test_words_typed_while_browsing_are_sorted_by_relevance(client, make):
    make("Toolkit", published_at=at(2016))  # the best match, but the oldest
    make("Notes", body="toolkit", published_at=at(2025))

    # Browsing: the select shows "Newest first" as the default, submitted as "".
    browse = client.get(URL).content.decode()
    assert selected_sort(browse) == ""
    assert '<option value="" selected>Newest first</option>' in browse
    assert 'value="newest"' not in browse

    # The form submits the select with the words: relevance, not date.
    searched = client.get(URL, {"q": "toolkit", "sort": ""})
    assert titles(searched) == ["Toolkit", "Notes"]
    assert searched.context["params"].order == "relevance"
    assert selected_sort(searched.content.decode()) == ""
    # The API, without a sort (an empty one it refuses): relevance too.
    assert client.get(API, {"q": "toolkit"}).json()["query"]["sort"] == "relevance"
    # A sort chosen explicitly is kept.
    newest = client.get(URL, {"q": "toolkit", "sort": "newest"})
    assert titles(newest) == ["Notes", "Toolkit"]
    assert selected_sort(newest.content.decode()) == "newest"


def test_every_reachable_page_is_full_and_none_is_empty(client, make):
    for i in range(45):
        make(f"Toolkit {i}", published_at=at(2020, 1, 1 + i % 28, i % 24))

    counts = [
        len(client.get(URL, {"q": "toolkit", "page": n}).context["resources"])
        for n in (1, 2, 3)
    ]
    assert counts == [20, 20, 5]
    last = client.get(URL, {"q": "toolkit", "page": 3})
    assert "41–45 of 45 resources" in " ".join(last.content.decode().split())
    assert not last.context["page_obj"].has_next()
    for n in (1, 2, 3):
        assert client.get(API, {"q": "toolkit", "page": n}).status_code == 200
    assert client.get(API, {"q": "toolkit", "page": 4}).status_code == 404


def test_the_year_facet_and_filter_use_the_site_time_zone(make):
    client = Client()
    # 2023-12-31 23:47 UTC is 2024-01-01 00:47 in Brussels.
    new_year = make("New year's toolkit", published_at=at(2023, 12, 31, 23, 47))
    make("Summer toolkit", published_at=at(2023, 7, 1))

    page = client.get(URL)
    assert page.context["result"].facets["year"] == {"2024": 1, "2023": 1}
    api = client.get(API).json()
    assert {o["value"]: o["count"] for o in api["facets"]["year"]} == {
        "2024": 1,
        "2023": 1,
    }
    assert titles(client.get(URL, {"year": "2024"})) == [new_year.title]
    assert titles(client.get(URL, {"year": "2023"})) == ["Summer toolkit"]
    listed = client.get(API, {"year": "2024"}).json()
    assert [r["title"] for r in listed["results"]] == [new_year.title]
    assert listed["count"] == 1

"""The search page caches its facets and its results as rendered fragments
({% cache %} keyed by result_version): a page asked again reads no resource,
and a change of any resource shows at the next request, counts included."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge import services
from knowledge.models import Resource
from tests.factories import resource_create

pytestmark = pytest.mark.django_db


def page(client, **query) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("knowledge:resource-list"), query)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def reads_resources(statements) -> bool:
    return any('FROM "knowledge_resource"' in sql for sql in statements)


def titles(html) -> list[str]:
    return re.findall(r'class="kb-result__title"><a [^>]*>([^<]+)</a>', html)


def sector_count(html, sector) -> int | None:
    """The count shown beside a sector's checkbox."""
    found = re.search(
        rf'name="sector" value="{sector}".*?kb-facet__count">([\d,]+)', html, re.S
    )
    return int(found.group(1).replace(",", "")) if found else None


@pytest.fixture
def two(centre, manager):
    return [
        resource_create(
            centre=centre,
            by=manager,
            published=True,
            title=f"Tender toolkit {n}",
            sectors=["health"],
        )
        for n in ("one", "two")
    ]


def test_a_search_asked_again_reads_no_resource(client, two):
    first, statements = page(client, q="toolkit")
    assert reads_resources(statements)
    again, statements = page(client, q="toolkit")
    assert not reads_resources(statements)
    assert titles(again) == titles(first)
    assert sorted(titles(first)) == ["Tender toolkit one", "Tender toolkit two"]
    assert sector_count(again, "health") == 2


def test_a_changed_resource_shows_at_once(client, two, centre, manager):
    page(client, q="toolkit")
    page(client, q="toolkit")

    services.resource_update(
        resource=two[0], by=manager, data={"title": "Tender toolkit renamed"}
    )
    html, _ = page(client, q="toolkit")
    assert "Tender toolkit renamed" in titles(html)
    assert "Tender toolkit one" not in titles(html)

    resource_create(
        centre=centre,
        by=manager,
        published=True,
        title="Tender toolkit three",
        sectors=["health", "energy"],
    )
    html, _ = page(client, q="toolkit")
    assert "Tender toolkit three" in titles(html)
    assert sector_count(html, "health") == 3
    assert sector_count(html, "energy") == 1

    services.resource_archive(resource=two[1], by=manager)
    html, _ = page(client, q="toolkit")
    assert "Tender toolkit two" not in titles(html)
    assert sector_count(html, "health") == 2


def test_a_renamed_centre_shows_at_once(client, two, centre, manager):
    assert centre.short_name in page(client, q="toolkit")[0]
    centre.short_name = "RENAMED"
    centre.save()
    html, _ = page(client, q="toolkit")
    assert html.count("RENAMED") >= 3  # the facet and the two results


def test_what_staff_may_see_is_not_served_to_visitors(client, centre, editor, manager):
    resource_create(
        centre=centre,
        by=manager,
        published=True,
        title="Internal toolkit",
        visibility=Resource.Visibility.NETWORK,
    )
    client.force_login(editor)
    assert titles(page(client, q="toolkit")[0]) == ["Internal toolkit"]
    client.logout()
    html, _ = page(client, q="toolkit")
    assert titles(html) == []
    assert "Internal toolkit" not in html


def test_the_api_answer_changes_with_a_resource_at_once(client, two, centre, manager):
    url = reverse("api:resource-list")
    first = client.get(url, {"q": "toolkit"}).json()
    assert first["count"] == 2
    assert client.get(url, {"q": "toolkit"}).json() == first  # cached alike

    resource_create(
        centre=centre, by=manager, published=True, title="Tender toolkit three"
    )
    after = client.get(url, {"q": "toolkit"}).json()
    assert after["count"] == 3
    assert "Tender toolkit three" in [r["title"] for r in after["results"]]

    centre.short_name = "RENAMED"
    centre.save()
    renamed = client.get(url, {"q": "toolkit"}).json()
    assert {o["label"] for o in renamed["facets"]["centre"]} == {"RENAMED"}

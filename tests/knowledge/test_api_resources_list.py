"""GET /api/v1/resources/: search, facets, pagination, who sees what, bad input."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.models import Resource
from tests.factories import CentreFactory
from tests.knowledge.conftest_k3 import (
    API,
    NO_ABILITIES,
    PERSONAS,
    client_for,
    iso,
    make,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(centre, other_centre, editor, editor_b):
    """Alpha: a public tool, a network-only case study, a draft. Beta: a public
    German report and a draft."""
    return {
        "public": make(
            centre,
            editor,
            status="published",
            title="Guide to innovation procurement",
            summary="How public buyers run an innovation procurement.",
            sectors=["ict", "health"],
            approaches=["pcp"],
            countries=["DE"],
        ),
        "network": make(
            centre,
            editor,
            status="published",
            kind=Resource.Kind.CASE_STUDY,
            title="Smart hospital beds",
            summary="A hospital bought beds that report their state.",
            sectors=["health"],
            visibility=Resource.Visibility.NETWORK,
        ),
        "draft": make(centre, editor, title="Unfinished checklist"),
        "german": make(
            other_centre,
            editor_b,
            status="published",
            kind=Resource.Kind.REPORT,
            language="de",
            title="Leitfaden zur Beschaffung von Innovationen",
            summary="Wie öffentliche Auftraggeber innovative Lösungen beschaffen.",
            sectors=["mobility"],
            countries=["DE", "AT"],
        ),
        "draft_b": make(other_centre, editor_b, title="Beta's draft"),
    }


def slugs(response):
    return sorted(r["slug"] for r in response.json()["results"])


# --- Who sees what ----------------------------------------------------------------

STAFF = {"editor", "manager", "editor_b", "outsider", "coordinator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_shows_published_resources_and_network_ones_to_staff(
    request, library, persona
):
    response = client_for(request, persona).get(API)

    assert response.status_code == 200
    expected = {
        "guide-to-innovation-procurement",
        "leitfaden-zur-beschaffung-von-innovationen",
    }
    if persona in STAFF:
        expected.add("smart-hospital-beds")
    assert slugs(response) == sorted(expected)
    assert response.json()["count"] == len(expected)


def test_list_with_a_token_is_that_user_s_list(request, library):
    response = client_for(request, "editor_b", token=True).get(API)

    assert response.status_code == 200
    assert "smart-hospital-beds" in slugs(response)
    assert "beta-s-draft" not in slugs(response)  # drafts are never listed


def test_list_result_is_the_exact_representation(client, library):
    resource = library["public"]

    response = client.get(API, {"centre": "alpha"})

    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": resource.pk,
            "slug": "guide-to-innovation-procurement",
            "centre": "alpha",
            "title": "Guide to innovation procurement",
            "kind": "tool",
            "language": "en",
            "summary": "How public buyers run an innovation procurement.",
            "snippet": None,
            "published_at": iso(resource.published_at),
            "sectors": ["ict", "health"],
            "approaches": ["pcp"],
            "countries": ["DE"],
            "url": "http://testserver"
            + reverse(
                "knowledge:resource-detail",
                args=["alpha", "guide-to-innovation-procurement"],
            ),
            "api_url": f"http://testserver/api/v1/resources/{resource.pk}/",
            "abilities": {**NO_ABILITIES, "retrieve": True},
        }
    ]


def test_list_abilities_are_the_caller_s(request, library):
    response = client_for(request, "manager").get(API, {"centre": "alpha"})

    by_slug = {r["slug"]: r["abilities"] for r in response.json()["results"]}
    assert by_slug["smart-hospital-beds"] == {
        "retrieve": True,
        "update": True,
        "partial_update": True,
        "submit": False,
        "publish": False,
        "send_back": False,
        "archive": True,
        "destroy": False,
    }


# --- Facets -------------------------------------------------------------------------


def test_list_answers_facet_counts_pagination_and_the_normalised_query(client, library):
    response = client.get(API)

    body = response.json()
    assert body["count"] == 2
    assert body["next"] is None
    assert body["previous"] is None
    assert body["page"] == 1
    year = str(library["public"].published_at.year)
    assert body["facets"] == {
        "kind": [
            {"value": "report", "label": "Report or publication", "count": 1},
            {"value": "tool", "label": "Tool", "count": 1},
        ],
        "sector": [
            {"value": "health", "label": "Health", "count": 1},
            {"value": "ict", "label": "ICT", "count": 1},
            {"value": "mobility", "label": "Mobility and transport", "count": 1},
        ],
        "approach": [
            {"value": "pcp", "label": "Pre-commercial procurement", "count": 1}
        ],
        "country": [
            {"value": "DE", "label": "Germany", "count": 2},
            {"value": "AT", "label": "Austria", "count": 1},
        ],
        "centre": [
            {"value": "alpha", "label": "ALPHA", "count": 1},
            {"value": "beta", "label": "BETA", "count": 1},
        ],
        "language": [
            {"value": "en", "label": "English", "count": 1},
            {"value": "de", "label": "German", "count": 1},
        ],
        "year": [{"value": year, "label": year, "count": 2}],
    }
    assert body["query"] == {
        "q": "",
        "kind": [],
        "sector": [],
        "approach": [],
        "country": [],
        "centre": [],
        "language": [],
        "year": [],
        "sort": "newest",
        "page": 1,
    }


def test_list_facets_combine_and_repeat(client, library):
    # Two values of one facet: either matches; two facets: both must.
    response = client.get(API + "?sector=health&sector=mobility&country=de&kind=report")

    body = response.json()
    assert response.status_code == 200
    assert slugs(response) == ["leitfaden-zur-beschaffung-von-innovationen"]
    assert body["query"]["sector"] == ["health", "mobility"]
    assert body["query"]["country"] == ["DE"]
    assert body["facets"]["centre"] == [{"value": "beta", "label": "BETA", "count": 1}]


def test_list_filters_by_centre_language_and_year(client, library):
    year = library["public"].published_at.year

    assert slugs(client.get(API, {"centre": "beta", "language": "de"})) == [
        "leitfaden-zur-beschaffung-von-innovationen"
    ]
    assert len(slugs(client.get(API, {"year": year}))) == 2
    assert slugs(client.get(API, {"year": year - 1})) == []


# --- Search -------------------------------------------------------------------------


def test_search_stems_english_plurals_and_marks_the_snippet(client, library):
    response = client.get(API, {"q": "procurements"})

    body = response.json()
    assert slugs(response) == ["guide-to-innovation-procurement"]
    assert body["query"]["sort"] == "relevance"
    assert "<mark>procurement</mark>" in body["results"][0]["snippet"]


def test_search_stems_german(client, library):
    response = client.get(API, {"q": "Beschaffungen"})

    assert slugs(response) == ["leitfaden-zur-beschaffung-von-innovationen"]


def test_search_tolerates_a_typo_in_a_title(client, library):
    response = client.get(API, {"q": "procurment"})

    assert slugs(response) == ["guide-to-innovation-procurement"]


def test_search_and_facets_combine(client, library):
    response = client.get(API, {"q": "innovation", "centre": "alpha"})

    assert slugs(response) == ["guide-to-innovation-procurement"]
    # The centre facet is chosen: its counts are those of the other filters, so
    # the visitor sees what adding beta would bring (disjunctive facets).
    assert response.json()["facets"]["centre"] == [
        {"value": "alpha", "label": "ALPHA", "count": 1},
        {"value": "beta", "label": "BETA", "count": 1},
    ]


def test_search_snippet_escapes_the_text_around_the_marks(client, centre, editor):
    make(
        centre,
        editor,
        status="published",
        title="Escaping test",
        summary="<b>Bold</b> procurement <script>x</script> where price < quality",
    )

    snippet = client.get(API, {"q": "procurement"}).json()["results"][0]["snippet"]

    assert "<mark>procurement</mark>" in snippet
    assert "&lt; quality" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)


# --- Pagination ---------------------------------------------------------------------


def test_list_pages_by_twenty_with_links(client, centre, editor):
    for i in range(23):
        make(centre, editor, status="published", title=f"Resource {i:02d}")

    first = client.get(API, {"sort": "oldest"}).json()
    second = client.get(API, {"sort": "oldest", "page": 2}).json()

    assert first["count"] == 23
    assert len(first["results"]) == 20
    assert first["next"] == "http://testserver/api/v1/resources/?page=2&sort=oldest"
    assert first["previous"] is None
    assert [r["title"] for r in second["results"]] == [
        "Resource 20",
        "Resource 21",
        "Resource 22",
    ]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/resources/?sort=oldest"


@pytest.mark.parametrize("page", ["2", "50"])
def test_list_page_beyond_the_last_is_404(client, library, page):
    response = client.get(API, {"page": page})

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


@pytest.mark.parametrize("page", ["0", "-1", "x", "2.5", "٣"])
def test_list_page_that_is_no_page_is_400(client, library, page):
    response = client.get(API, {"page": page})

    assert response.status_code == 400
    assert response.json() == {"page": ["A page is a whole number from 1."]}


@pytest.mark.parametrize("page", ["51", "9999", "99999999999999999999"])
def test_list_page_past_the_depth_limit_is_400_saying_to_narrow(client, library, page):
    response = client.get(API, {"page": page})

    assert response.status_code == 400
    assert "add words or filters" in response.json()["page"][0]


def test_list_empty_first_page_is_200(client, db):
    response = client.get(API, {"q": "nothing matches this"})

    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response.json()["count"] == 0


# --- Bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "name", "fragment"),
    [
        ({"kind": "novel"}, "kind", "Allowed values: tool, best_practice, case_study"),
        ({"sector": "space"}, "sector", "Allowed values: ict, health"),
        ({"approach": "bribery"}, "approach", "Allowed values: pcp, ppi"),
        ({"language": "xx"}, "language", "Allowed values: en, de, nl"),
        ({"country": "ZZ"}, "country", "ISO 3166-1 alpha-2"),
        ({"centre": "gamma"}, "centre", "Allowed values: alpha, beta"),
        ({"year": "20x4"}, "year", "four digits"),
        ({"sort": "random"}, "sort", "Allowed values: relevance, newest, oldest"),
    ],
)
def test_list_refuses_unknown_facet_values_naming_the_parameter(
    client, library, params, name, fragment
):
    response = client.get(API, params)

    assert response.status_code == 400
    body = response.json()
    assert list(body) == [name]
    assert f"Unknown value for “{name}”" in body[name][0]
    assert fragment in body[name][0]


def test_list_refuses_an_empty_value_which_the_page_ignores(client, library):
    """The schema's enums hold no empty string: the API names it (400), while
    the search page, whose "any" options send one, reads it as no filter."""
    response = client.get(API + "?kind=&sector=health")

    assert response.status_code == 400
    body = response.json()
    assert list(body) == ["kind"]
    assert "“kind” is given without a value." in body["kind"][0]
    page = client.get(reverse("knowledge:resource-list") + "?kind=&sector=health")
    assert page.status_code == 200


def test_list_refuses_too_many_values_of_one_parameter(client, library):
    response = client.get(API + "?" + "&".join(["kind=tool"] * 21))

    assert response.status_code == 400
    assert "kind" in response.json()


def test_list_refuses_an_overlong_query(client, library):
    response = client.get(API, {"q": "procurement " * 20})

    assert response.status_code == 400
    assert response.json() == {"q": ["The query is too long: at most 200 characters."]}


@pytest.mark.parametrize(
    "q",
    [
        '"innovation',
        "innovation & procurement",
        "innovation | procurement",
        "!innovation",
        "innov:*",
        "':* & !|",
        "-",
        "or",
        "Beschaffung ÄÖÜ ß 採購 🚀",
        "zero\u200bwidth soft\u00adhyphen\u00a0nbsp",
        "tab\tand\nnewline",
        "a" * 200,
    ],
)
def test_list_odd_queries_answer_200(client, library, q):
    response = client.get(API, {"q": q})

    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"q": "innovation\x00"}, "q"),
        ({"centre": "al\x00pha"}, "centre"),
        ({"kind": "tool\x00"}, "kind"),
        ({"sort": "\x00"}, "sort"),
        ({"year": "20\x0024"}, "year"),
    ],
)
def test_list_refuses_control_characters_with_a_message(client, library, params, name):
    response = client.get(API, params)

    assert response.status_code == 400
    assert list(response.json()) == [name]


@pytest.mark.parametrize("name", ["kind", "centre", "sort", "page"])
def test_list_refuses_blank_values(client, library, name):
    response = client.get(API, {name: ""})

    assert response.status_code == 400
    assert list(response.json()) == [name]
    assert f"“{name}” is given without a value." in response.json()[name][0]


# --- Queries ------------------------------------------------------------------------


def _queries(api, params):
    api.get(API, params)  # warm per-process caches (content types, extensions)
    caches["search"].clear()  # count the statements, not the cache
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(API, params)
    assert response.status_code == 200
    return len(ctx), response.json()["count"]


@pytest.mark.parametrize("persona", ["anonymous", "editor_b", "coordinator"])
def test_list_query_count_does_not_grow_with_the_results(
    request, centre, other_centre, editor, persona
):
    gamma = CentreFactory(slug="gamma", short_name="GAMMA")
    api = client_for(request, persona)
    make(centre, editor, status="published", title="First innovation guide")
    one = _queries(api, {"q": "innovation"})
    one_browse = _queries(api, {})
    for i in range(29):
        make(
            [centre, other_centre, gamma][i % 3],
            editor,
            status="published",
            title=f"Innovation guide {i}",
            sectors=["ict", "health"],
            countries=["DE", "NL"],
            visibility=Resource.Visibility.NETWORK
            if i % 2
            else Resource.Visibility.PUBLIC,
        )
    many = _queries(api, {"q": "innovation"})
    many_browse = _queries(api, {})

    expected_many = 30 if persona != "anonymous" else 16
    assert one[1] == 1
    assert many[1] == expected_many
    assert many[0] == one[0]
    assert many_browse[0] == one_browse[0]


@pytest.mark.parametrize("persona", ["anonymous", "editor", "coordinator"])
def test_list_renders_in_the_browsable_api(request, library, persona):
    response = client_for(request, persona).get(API, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "Guide to innovation procurement" in response.content.decode()

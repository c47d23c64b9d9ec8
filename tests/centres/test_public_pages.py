"""Public pages: home, directory with filters, centre pages, network pages, the API."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from centres.models import Centre

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """The demo network, seeded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", quiet=True)
        yield
        transaction.set_rollback(True)


def test_home_presents_the_network(client, network):
    body = client.get(reverse("home")).content.decode()
    for name in ("KOINNO", "PIANOo", "KEINO", "PROCEDIN", "Health InnoFacilitator"):
        assert name in body
    assert f'href="{reverse("centres:detail", args=["koinno"])}"' in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=new", {"estonia", "greece", "ireland", "italy", "portugal"}),
        ("status=associate", {"keino", "mita"}),
        ("kind=project", {"procedin", "build", "health-innofacilitator"}),
        ("country=SE", {"upphandlingsmyndigheten"}),
        ("country=se", {"upphandlingsmyndigheten"}),
        ("service=incentives&status=existing", {"ioeb", "koinno"}),
        ("q=KEINO", {"keino"}),
    ],
)
def test_directory_filters(client, network, query, expected):
    response = client.get(reverse("centres:list") + f"?{query}")
    assert response.status_code == 200
    assert {c.slug for c in response.context["centres"]} == expected


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "country=%27%3B--",
        "service=%00",
        "q=" + "x" * 5000,
        "kind[]=1&page=99999999",
    ],
)
def test_directory_survives_bad_filters(client, network, query):
    response = client.get(reverse("centres:list") + f"?{query}")
    assert response.status_code == 200


def test_directory_lists_all_fifteen_tenants_without_filters(client, network):
    response = client.get(reverse("centres:list"))
    assert len(response.context["centres"]) == 15
    assert response.context["counts"]["status_existing"] == 5 + 3


def test_centre_page_shows_services_contact_team_and_buddy(client, network):
    body = client.get(
        reverse("centres:detail", kwargs={"slug": "greece"})
    ).content.decode()
    assert "Training" in body
    assert "greece@example.eu" in body
    assert (
        f'href="{reverse("centres:detail", args=["pianoo"])}"' in body
    )  # buddy centre
    team = client.get(
        reverse("centres:detail", kwargs={"slug": "koinno"})
    ).content.decode()
    assert "Max Manager" in team and "Emma Editor" in team
    assert "manager@koinno.example.eu" not in team  # staff e-mails stay private


def test_hidden_centre_is_not_listed(client, network):
    Centre.objects.filter(slug="mita").update(is_active=False)
    assert (
        client.get(reverse("centres:detail", kwargs={"slug": "mita"})).status_code
        == 404
    )
    assert (
        "MITA"
        not in client.get(
            reverse("centres:list") + "?status=associate"
        ).content.decode()
    )


@pytest.mark.parametrize(
    "path", [reverse("about"), reverse("task-force"), reverse("accessibility")]
)
def test_network_pages_render(client, network, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_about_names_the_buddy_pairs_and_coordinator(client, network):
    body = client.get(reverse("about")).content.decode()
    assert "KOINNO" in body  # the coordinating centre
    assert (
        f'href="{reverse("centres:detail", args=["greece"])}"' in body
        and f'href="{reverse("centres:detail", args=["pianoo"])}"' in body
    )


def test_language_switcher_sets_the_language(client, network):
    response = client.post(
        reverse("set_language"), {"language": "de", "next": reverse("centres:list")}
    )
    assert response.status_code == 302
    with translation.override("de"):
        german = reverse("centres:list")
    assert response["Location"] == german
    page = client.get(german)
    assert page.context["LANGUAGE_CODE"] == "de"
    assert '<html lang="de"' in page.content.decode()


def test_api_lists_centres_with_filters_and_pagination(client, network):
    data = client.get("/api/v1/centres/?status=associate").json()
    assert data["count"] == 2
    assert {c["slug"] for c in data["results"]} == {"keino", "mita"}
    keino = next(c for c in data["results"] if c["slug"] == "keino")
    assert keino["country"] == "FI"
    assert keino["abilities"] == {
        "retrieve": True,
        "workspace": False,
        "update": False,
        "manage_team": False,
    }
    detail = client.get("/api/v1/centres/greece/").json()
    assert detail["buddy"] == "pianoo"
    assert detail["status"] == "new"


def test_api_rejects_unknown_filter_values_clearly(client, network):
    response = client.get("/api/v1/centres/?status=unknown")
    assert response.status_code == 400
    assert "status" in response.json()


def test_openapi_schema_and_docs_are_served_locally(client, network):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/centres/" in schema["paths"]
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn.jsdelivr" not in docs and "unpkg" not in docs

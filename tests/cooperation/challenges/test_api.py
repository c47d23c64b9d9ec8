"""/api/v1/challenges/: published challenges for anyone, searchable and
filtered; drafts and answers never."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from .helpers import answer, close, make_challenge

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_the_list_holds_published_challenges_only_and_never_answers(
    api, procurer, centre, editor, supplier
):
    published = make_challenge(buyer=procurer, reviewer=editor)
    answer(published, supplier)
    make_challenge(buyer=procurer, stage="submitted", title="Not yet")
    response = api.get(reverse("api:challenge-list"))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["results"]
    assert item["id"] == published.pk
    assert item["state"] == "open"
    assert item["centre"]["slug"] == "alpha"
    assert item["questions"] == published.questions
    assert item["url"].endswith(f"/en/challenges/{published.pk}/")
    assert (
        "answers" not in item and "Night ventilation" not in response.content.decode()
    )


def test_the_list_searches_and_filters(api, procurer, centre, editor):
    cooling = make_challenge(buyer=procurer, reviewer=editor)
    closed = make_challenge(
        buyer=procurer, reviewer=editor, title="Road salt", problem="Icy roads."
    )
    close(closed)
    url = reverse("api:challenge-list")
    ids = lambda query: [r["id"] for r in api.get(url, query).json()["results"]]  # noqa: E731
    assert ids({"q": "consultation"}) == [cooling.pk]
    assert ids({"status": "closed"}) == [closed.pk]
    assert ids({"status": "open", "sector": "health", "country": "de"}) == [cooling.pk]
    response = api.get(url, {"sector": "bogus"})
    assert response.status_code == 400
    assert "sector" in response.json()


def test_one_challenge_is_public_a_draft_is_not_found(api, procurer, centre, editor):
    published = make_challenge(buyer=procurer, reviewer=editor)
    draft = make_challenge(buyer=procurer, stage="draft")
    response = api.get(reverse("api:challenge-detail", kwargs={"pk": published.pk}))
    assert response.status_code == 200
    assert response.json()["title"] == published.title
    api.force_authenticate(procurer)  # even its buyer: the API reads published ones
    response = api.get(reverse("api:challenge-detail", kwargs={"pk": draft.pk}))
    assert response.status_code == 404


def test_the_schema_documents_the_challenges(client):
    schema = client.get(reverse("api:schema") + "?format=json").json()
    assert "/api/v1/challenges/" in schema["paths"]
    assert "/api/v1/challenges/{id}/" in schema["paths"]
    parameters = {
        p["name"] for p in schema["paths"]["/api/v1/challenges/"]["get"]["parameters"]
    }
    assert {"q", "sector", "country", "status", "page"} <= parameters

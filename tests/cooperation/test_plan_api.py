"""The read API: /api/v1/plans/ and /api/v1/plans/{id}/, per visibility."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services import api_token_create
from cooperation import plan_services
from tests.factories import UserFactory

from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def plans(procurer):
    other = UserFactory()
    public = make_plan(procurer, title="Public plan")
    hidden = make_plan(other, title="Hidden plan", country="NL", visibility="signed_in",
                       cpv_codes="72000000-5", sector="ict")  # fmt: skip
    gone = make_plan(other, title="Withdrawn plan")
    plan_services.plan_withdraw(plan=gone, by=other)
    return public, hidden, gone


def titles(response):
    return [p["title"] for p in response.json()["results"]]


def test_anonymous_callers_read_public_plans_only(api, plans):
    public, hidden, _gone = plans
    response = api.get(reverse("api:plan-list"))
    assert response.status_code == 200
    assert titles(response) == ["Public plan"]
    item = response.json()["results"][0]
    assert item["cpv_codes"] == ["45316110-9"]
    assert item["cpv_groups"] == [
        {"code": "453", "label": "Building installation work"}
    ]
    assert item["country"] == "DE"
    assert item["start_month"] == "2027-03-01"
    assert item["url"].endswith(reverse("plans:detail", kwargs={"pk": public.pk}))
    assert "owner" not in item
    detail = reverse("api:plan-detail", kwargs={"pk": hidden.pk})
    assert api.get(detail).status_code == 404


def test_a_token_reads_the_plans_for_signed_in_people_too(api, plans, editor):
    _public, hidden, gone = plans
    key = api_token_create(user=editor)
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert titles(api.get(reverse("api:plan-list"))) == ["Hidden plan", "Public plan"]
    response = api.get(reverse("api:plan-detail", kwargs={"pk": hidden.pk}))
    assert response.status_code == 200
    assert response.json()["visibility"] == "signed_in"
    assert (
        api.get(reverse("api:plan-detail", kwargs={"pk": gone.pk})).status_code == 404
    )


def test_the_list_filters_and_refuses_unknown_values(api, plans, editor):
    api.force_authenticate(editor)
    url = reverse("api:plan-list")
    assert titles(api.get(url, {"cpv_division": "72"})) == ["Hidden plan"]
    assert titles(api.get(url, {"country": "DE"})) == ["Public plan"]
    assert titles(api.get(url, {"sector": "ict"})) == ["Hidden plan"]
    response = api.get(url, {"cpv_division": "00"})
    assert response.status_code == 400
    assert "cpv_division" in response.json()


def test_the_schema_describes_the_plans(api):
    schema = api.get(reverse("api:schema"), {"format": "json"}).json()
    assert "/api/v1/plans/" in schema["paths"]
    assert "/api/v1/plans/{id}/" in schema["paths"]
    assert "PlanVisibilityEnum" in schema["components"]["schemas"]

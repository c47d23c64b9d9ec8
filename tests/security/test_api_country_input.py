"""Country codes given to the API: digits that are not ASCII ("²", "³", "¹", …) once
reached django-countries' numeric-code lookup and answered 500. Every country field
of every API serializer and filter now answers 400 naming the value, and nothing is
stored."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework import serializers
from rest_framework.test import APIClient

from centres.api import serializers as centre_serializers
from centres.api import views as centre_views
from events.api import serializers as event_serializers
from events.models import Event
from knowledge.api import serializers as knowledge_serializers
from knowledge.api.serializers import CountryCodeField
from knowledge.models import Resource
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db

# Superscripts, Arabic-Indic and Devanagari digits, a fullwidth digit, and a
# code with a superscript: str.isdigit() is true for all of their digits.
NOT_ASCII_DIGITS = ["²", "³", "¹", "٣", "१२", "４", "D²", "²⁷⁶"]


def _serializer_classes():
    for module in (
        centre_serializers,
        centre_views,
        event_serializers,
        knowledge_serializers,
    ):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, serializers.Serializer)
                and value.__module__ == module.__name__
                and not value.__name__.startswith("_")
            ):
                yield value


def _country_fields():
    """(serializer, field name, field) for every field whose name says country."""
    found = []
    for serializer_class in _serializer_classes():
        for name, field in serializer_class().fields.items():
            if "countr" in name:
                found.append((serializer_class.__name__, name, field))
    return found


COUNTRY_FIELDS = _country_fields()
SEARCH_SERIALIZERS = {
    "ResourceSearchQuerySerializer",
    "FacetsSerializer",
    "SearchEchoSerializer",
    "ResourceListItemSerializer",
}


def test_the_country_fields_are_found():
    names = {f"{s}.{n}" for s, n, _ in COUNTRY_FIELDS}
    assert {
        "CentreOutputSerializer.country",
        "CentreListQuerySerializer.country",
        "OrganiserSerializer.country",
        "EventSerializer.country",
        "EventInputSerializer.country",
        "EventCreateInputSerializer.country",
        "EventListQuerySerializer.country",
        "ResourceInputSerializer.countries",
        "ResourceInputSerializer.case_country",
        "ResourceCreateInputSerializer.countries",
        "ResourceCreateInputSerializer.case_country",
        "ResourceDetailSerializer.countries",
        "ResourceDetailSerializer.case_country",
    } <= names


# The search (list) parses its parameters with its own code, tested through HTTP
# below, and its output only echoes stored codes.
INPUT_COUNTRY_FIELDS = [
    f
    for f in COUNTRY_FIELDS
    if f[1] != "country_name" and f[0] not in SEARCH_SERIALIZERS
]


@pytest.mark.parametrize(
    ("serializer", "name", "field"),
    INPUT_COUNTRY_FIELDS,
    ids=[f"{s}.{n}" for s, n, _ in INPUT_COUNTRY_FIELDS],
)
def test_every_country_field_is_the_iso_code_field(serializer, name, field):
    """One field type for all, so that one test of it covers every serializer."""
    inner = getattr(field, "child", field)
    assert isinstance(inner, CountryCodeField)


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
def test_the_country_field_refuses_digits_that_are_not_ascii(value):
    with pytest.raises(serializers.ValidationError) as refused:
        CountryCodeField(allow_blank=True).run_validation(value)
    assert "is not an ISO 3166-1 alpha-2 country code" in str(refused.value.detail[0])


@pytest.mark.parametrize("value", ["DE", "de", "NL", ""])
def test_the_country_field_takes_codes_in_either_case(value):
    assert CountryCodeField(allow_blank=True).run_validation(value) == value.upper()


def _staff_client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _event_payload(**overrides):
    start = timezone.now() + timedelta(days=14)
    return {
        "centre": "alpha",
        "title": "Country check",
        "summary": "A venue abroad.",
        "kind": "training",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        **overrides,
    }


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
def test_event_create_with_such_a_country_is_400_and_stores_nothing(
    centre, editor, value
):
    response = _staff_client(editor).post(
        "/api/v1/events/", _event_payload(country=value), format="json"
    )
    assert response.status_code == 400
    assert "country" in response.json()
    assert not Event.objects.filter(title="Country check").exists()


@pytest.mark.parametrize("method", ["patch", "put"])
@pytest.mark.parametrize("value", ["²", "³", "¹"])
def test_event_update_with_such_a_country_is_400_and_changes_nothing(
    centre, editor, method, value
):
    event = make_event(centre=centre, by=editor, published=False, country="AT")
    body = {"country": value}
    if method == "put":
        body = _event_payload(country=value)
        del body["centre"]
    response = getattr(_staff_client(editor), method)(
        f"/api/v1/events/{event.pk}/", body, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["country"]
    event.refresh_from_db()
    assert event.country.code == "AT"


@pytest.mark.parametrize("value", ["²", "³", "¹"])
def test_resource_create_with_such_countries_is_400_and_stores_nothing(
    centre, editor, value
):
    response = _staff_client(editor).post(
        "/api/v1/resources/",
        {
            "centre": "alpha",
            "kind": "case_study",
            "title": "Country check",
            "summary": "A case abroad.",
            "countries": ["DE", value],
            "case_country": value,
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"countries", "case_country"}
    with scopes_disabled():
        assert not Resource.objects.filter(title="Country check").exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/centres/?country={}", "/api/v1/events/?country={}"],
)
@pytest.mark.parametrize("value", ["²", "³", "¹"])
def test_list_filters_with_such_a_country_are_400(centre, path, value):
    response = APIClient().get(path.format(value))
    assert response.status_code == 400
    assert list(response.json()) == ["country"]


@pytest.mark.parametrize("value", ["²", "³", "¹"])
def test_resource_search_with_such_a_country_is_400(centre, value):
    response = APIClient().get(f"/api/v1/resources/?country={value}")
    assert response.status_code == 400
    assert list(response.json()) == ["country"]

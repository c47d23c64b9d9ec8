"""The API's input parsing and its schema agree: what the served schema allows in
a request is accepted, what it forbids answers 400 with a message. One test per
mismatch that Schemathesis found (tests/security/test_api_schema.py explores the
rest)."""

import json
import re

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from events.models import Event
from tests.factories import CentreFactory

from ..events.helpers import make_event

pytestmark = pytest.mark.django_db

REQUEST_BODIES = [
    "EventCreateInputRequest",
    "EventInputRequest",
    "PatchedEventInputRequest",
]


@pytest.fixture
def served(client, centre, other_centre):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def _property(document, component, name):
    return document["components"]["schemas"][component]["properties"][name]


def _resolve(document, schema):
    if "allOf" in schema:  # a read-only reference
        (schema,) = schema["allOf"]
    if "$ref" in schema:
        return document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _string_schema(document, component, name):
    """The non-blank branch of a field that may also be blank (drf-spectacular
    states "" as a second `oneOf` branch)."""
    schema = _property(document, component, name)
    return schema["oneOf"][0] if "oneOf" in schema else schema


def _allows(schema, value):
    if "enum" in schema:
        return value in schema["enum"]
    if len(value) > schema.get("maxLength", len(value)):
        return False
    if len(value) < schema.get("minLength", 0):
        return False
    return re.search(schema["pattern"], value) is not None


@pytest.fixture
def draft(centre, editor):
    return make_event(centre=centre, by=editor, published=False, title="Draft")


def _patch(user, event, body):
    client = APIClient()
    client.force_authenticate(user)
    url = reverse("api:event-detail", kwargs={"pk": event.pk})
    return client.patch(url, body, format="json")


# --- Organisers: the slugs of the active centres -----------------------------------


def test_organisers_are_listed_as_the_active_centres_slugs(served):
    for component in REQUEST_BODIES:
        items = _property(served, component, "organisers")["items"]
        assert items["enum"] == ["alpha", "beta"], component
        assert "x-centre-slugs" not in items


def test_the_served_enum_leaves_out_an_inactive_centre(client, centre, other_centre):
    CentreFactory(slug="dormant", is_active=False)
    response = client.get(reverse("api:schema"), {"format": "json"})
    items = _property(json.loads(response.content), "EventInputRequest", "organisers")
    assert "dormant" not in items["items"]["enum"]


def test_an_unknown_organiser_answers_400_naming_the_field(draft, editor):
    response = _patch(editor, draft, {"organisers": ["nowhere"]})
    assert response.status_code == 400
    assert "nowhere" in response.json()["organisers"][0]
    assert not draft.organiser_invitations.exists()


def test_a_listed_organiser_is_accepted(draft, editor, other_centre):
    response = _patch(editor, draft, {"organisers": ["beta"]})
    assert response.status_code == 200, response.json()
    assert [i["centre"] for i in response.json()["organiser_invitations"]] == ["beta"]


def test_the_lead_organiser_is_a_plain_string_its_403_is_documented(served):
    """One's own workspaces depend on the caller: another centre is a 403, so
    the schema cannot list them."""
    centre = _property(served, "EventCreateInputRequest", "centre")
    assert "enum" not in centre
    responses = served["paths"]["/api/v1/events/"]["post"]["responses"]
    assert "403" in responses


# --- URLs: the schema's pattern mirrors Django's URLValidator ------------------------

REFUSED_URLS = [
    "newsletters:confirm",
    "http://newsletters:confirm",
    "http://example",
    "mailto:office@example.org",
    "javascript:alert(1)",
    "gopher://example.org/",
    "http://exa mple.org/",
    "http://-example.org/",
    "http://256.1.1.1/",
]
ACCEPTED_URLS = [
    "https://example.org",
    "http://www.example.org:8080/path?q=1#top",
    "FTPS://files.example.eu/report.pdf",
    "http://localhost/x",
    "http://192.168.0.1/",
    "  https://example.org/padded  ",
]


@pytest.mark.parametrize("name", ["online_url", "slides_url", "recording_url"])
def test_every_url_field_of_a_request_carries_the_pattern(served, name):
    for component in REQUEST_BODIES:
        schema = _string_schema(served, component, name)
        assert schema["format"] == "uri"
        assert schema["pattern"]
        assert schema["maxLength"] == 200


@pytest.mark.parametrize("value", REFUSED_URLS)
def test_an_invalid_url_is_refused_by_schema_and_api(served, draft, editor, value):
    schema = _string_schema(served, "PatchedEventInputRequest", "slides_url")
    assert not _allows(schema, value)
    response = _patch(editor, draft, {"slides_url": value})
    assert response.status_code == 400
    assert response.json()["slides_url"] == ["Enter a valid URL."]
    draft.refresh_from_db()
    assert draft.slides_url == ""


@pytest.mark.parametrize("value", ACCEPTED_URLS)
def test_a_url_the_pattern_allows_is_accepted(served, draft, editor, value):
    schema = _string_schema(served, "PatchedEventInputRequest", "slides_url")
    assert _allows(schema, value)
    response = _patch(editor, draft, {"slides_url": value})
    assert response.status_code == 200, response.json()
    draft.refresh_from_db()
    assert draft.slides_url == value.strip()


def test_a_url_longer_than_the_column_is_refused_as_the_schema_says(
    served, draft, editor
):
    value = "https://example.org/" + "a" * 181
    schema = _string_schema(served, "PatchedEventInputRequest", "slides_url")
    assert not _allows(schema, value)
    response = _patch(editor, draft, {"slides_url": value})
    assert response.status_code == 400
    assert "slides_url" in response.json()


# --- Countries: upper or lower case, both listed --------------------------------


def test_a_lower_case_country_is_documented_and_accepted(served, draft, editor):
    request_enum = _resolve(
        served, _property(served, "PatchedEventInputRequest", "country")
    )
    assert {"DE", "de", ""} <= set(request_enum["enum"])
    response_enum = _resolve(served, _property(served, "Event", "country"))
    assert "de" not in response_enum["enum"]

    response = _patch(editor, draft, {"country": "de"})
    assert response.status_code == 200, response.json()
    assert response.json()["country"] == "DE"


def test_a_mixed_case_country_is_refused_as_the_schema_says(served, draft, editor):
    request_enum = _resolve(
        served, _property(served, "PatchedEventInputRequest", "country")
    )
    assert "De" not in request_enum["enum"]
    response = _patch(editor, draft, {"country": "De"})
    assert response.status_code == 400
    assert "is not an ISO 3166-1 alpha-2 country code" in response.json()["country"][0]


# --- Strings: strings only, not blank where minLength says so, no NUL --------------


@pytest.mark.parametrize("value", [0, 1.5])
def test_a_number_where_the_schema_says_string_is_refused(draft, editor, value):
    response = _patch(editor, draft, {"title": value})
    assert response.status_code == 400
    assert response.json()["title"] == ["Not a valid string."]
    draft.refresh_from_db()
    assert draft.title == "Draft"


def test_a_number_as_an_answer_is_refused(client, centre, manager, procurer):
    event = make_event(
        centre=centre,
        by=manager,
        questions=[{"id": "q1", "label": "Organisation", "required": False}],
    )
    api = APIClient()
    api.force_authenticate(procurer)
    url = f"/api/v1/events/{event.pk}/register/"
    response = api.post(url, {"answers": {"q1": 0}}, format="json")
    assert response.status_code == 400
    assert response.json()["answers"] == {"q1": ["Not a valid string."]}
    with scopes_disabled():
        assert not event.registrations.exists()


@pytest.mark.parametrize("value", ["   ", "\u3000", "\x1c", "A\x00B"])
def test_blank_or_nul_text_is_refused_by_schema_and_api(served, draft, editor, value):
    schema = _string_schema(served, "PatchedEventInputRequest", "title")
    assert not _allows(schema, value)
    response = _patch(editor, draft, {"title": value})
    assert response.status_code == 400
    assert "title" in response.json()


def test_text_with_a_visible_character_is_accepted(served, draft, editor):
    schema = _string_schema(served, "PatchedEventInputRequest", "title")
    assert _allows(schema, " Webinar\u00a0 ")
    response = _patch(editor, draft, {"title": " Webinar\u00a0 "})
    assert response.status_code == 200, response.json()
    with scopes_disabled():
        assert Event.objects.get(pk=draft.pk).title == "Webinar"


def test_a_slug_parameter_keeps_its_own_pattern(served, client):
    """The free-text pattern is only for text without a pattern of its own: the
    calendar's `organiser` filter keeps the slug's."""
    parameters = served["paths"]["/api/v1/events/"]["get"]["parameters"]
    (organiser,) = [p for p in parameters if p["name"] == "organiser"]
    assert not _allows(organiser["schema"], "\u00af\u00e1")
    response = client.get(reverse("api:event-list"), {"organiser": "\u00af\u00e1"})
    assert response.status_code == 400
    assert _allows(organiser["schema"], "koinno")
    assert (
        client.get(reverse("api:event-list"), {"organiser": "koinno"}).status_code
        == 200
    )


def test_a_blank_value_matches_exactly_one_alternative(served):
    """drf-spectacular states a blank-allowed field as oneOf (the text, or "");
    if the text's pattern matched "" too, "" would violate oneOf and the
    schema would forbid what the API accepts."""
    import jsonschema

    checked = 0
    for name, component in served["components"]["schemas"].items():
        if not name.endswith("Request"):
            continue
        for field, schema in component.get("properties", {}).items():
            if "oneOf" not in schema:
                continue
            matches = [
                alternative
                for alternative in schema["oneOf"]
                if jsonschema.Draft202012Validator(alternative).is_valid("")
            ]
            assert len(matches) == 1, f"{name}.{field}: {schema['oneOf']}"
            checked += 1
    assert checked > 0

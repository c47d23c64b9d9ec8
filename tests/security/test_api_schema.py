"""The API keeps its schema: Schemathesis generates requests from /api/v1/schema/
for every operation, anonymously and with an editor's token, and runs every check
it has on the answers (no server error, status codes, content types and bodies as
documented, valid input accepted, invalid input refused, authentication honoured).

It goes through the WSGI application in-process, against the test database with a
small world (a centre with an editor, a published and a draft event and resource,
another centre's draft). Generated ids rarely name an object of that world, so
the editor's writes run once more with each event id pinned to an event of her
centre: the bodies then reach validation, where the schema's patterns and enums
(p2i_portal/api_schema.py) must say exactly what the API accepts. Bounded: a
fixed seed and a fixed number of examples per operation; the fuzzing phase only
(the coverage phase's thousands of boundary cases per operation belong to the CLI
run described in the README).
"""

import json

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from django_scopes import scopes_disabled
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.settings import patched_settings
from hypothesis import HealthCheck, assume, settings
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.config import SchemathesisConfig

from accounts.services import api_token_create
from events.models import Event
from knowledge import services as knowledge_services
from knowledge.api.views import schema_with_centre_slugs
from p2i_portal.api_schema import schema_with_request_centre_slugs
from tests.events.helpers import make_event

from . import schemathesis_hooks  # noqa: F401  (registers the hooks)

SEED = 20261207
WORLD_CENTRES = ["alpha", "beta"]  # the slugs of `centre` and `other_centre`
MAX_EXAMPLES = 20
CONFIG = {
    "seed": SEED,
    "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
    "phases": {
        "examples": {"enabled": False},
        "coverage": {"enabled": False},
        "stateful": {"enabled": False},
    },
    "checks": {"enabled": True},
}


def _load_schema():
    """The schema /api/v1/schema/ serves when the database holds the world's
    centres (`centre` and `other_centre`), built at collection by the same
    generator; the view itself, and the post-processing step that asks the
    database for the centres' slugs, would need the database, which collection
    may not use. The requests then go to the WSGI application."""
    hooks = [
        hook
        for hook in django_settings.SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]
        if not hook.endswith(
            (".centre_slugs_in_schema", ".centre_slugs_in_request_bodies")
        )
    ]
    with patched_settings({"POSTPROCESSING_HOOKS": hooks}):
        document = SchemaGenerator().get_schema(request=None, public=True)
    document = schema_with_centre_slugs(document, WORLD_CENTRES)
    document = schema_with_request_centre_slugs(document, WORLD_CENTRES)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(document)),
        config=SchemathesisConfig.from_dict(CONFIG),
    )
    loaded.app = WSGIHandler()
    loaded.location = "/api/v1/schema/"
    return loaded


schema = _load_schema()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the test's transaction holds the connection,
    which the end of each request would otherwise close."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(centre, other_centre, editor, editor_b, manager):
    """Something for the lists to show and the generated ids to hit."""
    make_event(centre=centre, by=manager, title="Published A")
    make_event(
        centre=centre,
        by=manager,
        title="Published with questions",
        questions=[
            {"id": "q1", "label": "Organisation", "required": True},
            {"id": "q2", "label": "Question", "required": False},
        ],
    )
    make_event(centre=centre, by=editor, published=False, title="Draft A")
    make_event(centre=other_centre, by=editor_b, published=False, title="Draft B")
    resource = knowledge_services.resource_create(
        centre=centre,
        by=editor,
        data={"kind": "tool", "title": "Checklist", "summary": "Before a tender."},
    )
    knowledge_services.resource_publish(resource=resource, by=manager)
    knowledge_services.resource_create(
        centre=centre,
        by=editor,
        data={"kind": "report", "title": "Draft report", "summary": "Unfinished."},
    )


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    """Hundreds of requests a minute from one client: the throttle's 429 is
    documented, but would leave the rest of an operation's examples untested."""
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda *a: True)


@pytest.fixture
def editor_token(world, editor):
    return {"Authorization": f"Token {api_token_create(user=editor)}"}


BOUNDED = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


@schema.parametrize()
@BOUNDED
def test_api_answers_anonymous_as_its_schema_says(case, world):
    case.call_and_validate()


@schema.parametrize()
@BOUNDED
def test_api_answers_an_editor_as_its_schema_says(case, editor_token):
    case.call_and_validate(headers=editor_token)


EDITOR_WRITES = schema.include(
    path_regex=r"^/api/v1/events/", method=["POST", "PUT", "PATCH"]
)


@pytest.fixture
def her_events(world):
    """The event each write is aimed at: the draft of her centre for changes,
    a published event with a required question for registering."""
    with scopes_disabled():
        draft = Event.objects.get(title="Draft A")
        published = Event.objects.get(title="Published with questions")
    return {
        "/api/v1/events/{id}/": draft.pk,
        "/api/v1/events/{id}/publish/": draft.pk,
        "/api/v1/events/{id}/cancel/": draft.pk,
        "/api/v1/events/{id}/register/": published.pk,
        "/api/v1/events/{id}/cancel-registration/": published.pk,
    }


@EDITOR_WRITES.parametrize()
@BOUNDED
def test_an_editors_writes_to_her_events_answer_as_the_schema_says(
    case, editor_token, her_events
):
    # A form body carries only text: a number sent there arrives as a string,
    # so type checks are judged on JSON bodies (the forms stay accepted).
    assume(case.media_type in (None, "application/json"))
    if "id" in (case.path_parameters or {}):
        case.path_parameters = {
            **case.path_parameters,
            "id": her_events[case.operation.path],
        }
    # Her own centre as the lead organiser, where the body is meant to be valid
    # (another centre is a documented 403 that would end every example there).
    positive = case.meta is None or case.meta.generation.mode.is_positive
    if positive and isinstance(case.body, dict) and "centre" in case.body:
        case.body = {**case.body, "centre": "alpha"}
    case.call_and_validate(headers=editor_token)


def test_served_schema_lists_the_centres_slugs(client, centre, other_centre):
    """What the collection-time schema above assumes: the served schema's
    `centre` parameter takes exactly the slugs of the centres in the database."""
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    document = json.loads(response.content)
    parameters = document["paths"]["/api/v1/resources/"]["get"]["parameters"]
    (centre_parameter,) = [p for p in parameters if p["name"] == "centre"]
    assert centre_parameter["schema"]["items"]["enum"] == WORLD_CENTRES
    organisers = document["components"]["schemas"]["EventInputRequest"]["properties"][
        "organisers"
    ]
    assert organisers["items"]["enum"] == WORLD_CENTRES

"""Errors under /api/ are JSON, whatever raises them: DRF, Django's URL resolver
(with DEBUG on or off), or a model's ValidationError that escaped a view."""

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework.test import APIClient

from p2i_portal.api_errors import exception_handler

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/%C2%84/",  # an id that is not a number
        "/api/v1/resources/abc/",
        "/api/v1/centres/a%2Fb/",  # a slug with a slash in it
        "/api/v1/no-such-endpoint/",
    ],
)
@pytest.mark.parametrize("debug", [False, True])
def test_api_paths_that_find_nothing_answer_json_404(settings, path, debug):
    """Also with DEBUG on, where Django would show its HTML page: ids of any shape
    reach DRF, and the rest of /api/v1/ ends in the API's catch-all route."""
    settings.DEBUG = debug
    response = APIClient().get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_api_paths_no_route_matches_answer_json_404():
    """handler404, as in production (DEBUG off)."""
    response = APIClient().get("/api/no-such-version")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_post_to_an_unknown_api_path_is_json_404_not_a_csrf_page(centre):
    client = APIClient(enforce_csrf_checks=True)
    response = client.post("/api/v1/events/1/no-such-action/", {}, format="json")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_pages_outside_the_api_keep_the_html_404(centre):
    response = APIClient().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_models_validation_error_becomes_a_400_with_its_messages():
    # The handler marks the request's transaction for rollback, as DRF's does:
    # a savepoint of its own keeps that mark off the test's transaction.
    with transaction.atomic():
        response = exception_handler(
            DjangoValidationError({"ends_at": ["The event must end after it starts."]}),
            {},
        )
    assert response.status_code == 400
    assert response.data == {"ends_at": ["The event must end after it starts."]}

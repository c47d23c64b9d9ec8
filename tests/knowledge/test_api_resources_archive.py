"""POST /api/v1/resources/<id>/archive/: a manager takes a resource off the list."""

import pytest

from knowledge.models import Resource
from tests.knowledge.conftest_k3 import (
    API,
    PERSONAS,
    action_url,
    client_for,
    detail_url,
    make,
    revisions,
)

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": 401,
    "procurer": 404,
    "editor": 403,
    "manager": 200,
    "editor_b": 404,
    "outsider": 404,
    "coordinator": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_archive_a_published_resource_answers_each_persona(
    request, persona, centre, other_centre, editor
):
    resource = make(centre, editor, status="published")

    response = client_for(request, persona).post(action_url(resource, "archive"))

    assert response.status_code == EXPECTED[persona]
    resource.refresh_from_db()
    if response.status_code == 200:
        assert resource.status == Resource.Status.ARCHIVED
        assert response.json()["status"] == "archived"
        assert revisions(resource)[-1][0] == "knowledge.resource.archived"
    else:
        assert resource.status == Resource.Status.PUBLISHED


def test_archived_resource_leaves_the_public_list(client, request, centre, editor):
    resource = make(centre, editor, status="published", title="Outdated guide")
    assert client.get(API).json()["count"] == 1

    response = client_for(request, "manager", token=True).post(
        action_url(resource, "archive")
    )

    assert response.status_code == 200
    assert client.get(API).json()["count"] == 0
    assert client.get(detail_url(resource)).status_code == 404


@pytest.mark.parametrize("status", ["draft", "in_review", "archived"])
def test_archive_anything_but_a_published_resource_is_refused(
    request, centre, editor, status
):
    resource = make(centre, editor, status=status)

    response = client_for(request, "manager").post(action_url(resource, "archive"))

    assert response.status_code == 403
    resource.refresh_from_db()
    assert resource.status == status

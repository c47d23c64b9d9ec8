"""POST /api/v1/resources/<id>/publish/: managers of the centre publish."""

import pytest

from knowledge.models import Resource
from tests.knowledge.conftest_k3 import (
    API,
    PERSONAS,
    action_url,
    client_for,
    make,
    revisions,
)

pytestmark = pytest.mark.django_db

# A resource of alpha in review: its manager and the coordinator publish; its
# editor may not (403); other centres do not see it (404).
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
def test_publish_a_resource_in_review_answers_each_persona(
    request, persona, centre, other_centre, editor
):
    resource = make(centre, editor, status="in_review", title="Ready guide")

    response = client_for(request, persona).post(action_url(resource, "publish"))

    assert response.status_code == EXPECTED[persona]
    resource.refresh_from_db()
    if response.status_code == 200:
        assert resource.status == Resource.Status.PUBLISHED
        assert resource.published_at is not None
        assert response.json()["status"] == "published"
        assert revisions(resource)[-1][0] == "knowledge.resource.published"
    else:
        assert resource.status == Resource.Status.IN_REVIEW
        assert resource.published_at is None


def test_published_resource_is_then_found_by_anonymous_search(
    client, request, centre, editor
):
    resource = make(centre, editor, status="in_review", title="Ready guide")
    assert client.get(API, {"q": "ready guide"}).json()["count"] == 0

    response = client_for(request, "manager", token=True).post(
        action_url(resource, "publish")
    )

    assert response.status_code == 200
    hits = client.get(API, {"q": "ready guide"}).json()
    assert [r["id"] for r in hits["results"]] == [resource.pk]


def test_publish_a_draft_directly_as_manager(request, centre, editor):
    draft = make(centre, editor)

    response = client_for(request, "manager").post(action_url(draft, "publish"))

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Resource.Status.PUBLISHED


@pytest.mark.parametrize("status", ["published", "archived"])
def test_publish_again_is_refused(request, centre, editor, status):
    resource = make(centre, editor, status=status)
    published_at = resource.published_at

    response = client_for(request, "manager").post(action_url(resource, "publish"))

    assert response.status_code == 403
    resource.refresh_from_db()
    assert (resource.status, resource.published_at) == (status, published_at)

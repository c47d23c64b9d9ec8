"""POST /api/v1/resources/<id>/submit/: a draft goes to review."""

import pytest

from knowledge.models import Resource
from tests.knowledge.conftest_k3 import (
    PERSONAS,
    action_url,
    client_for,
    make,
    revisions,
)

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": 401,
    "procurer": 404,
    "editor": 200,
    "manager": 200,
    "editor_b": 404,
    "outsider": 404,
    "coordinator": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_submit_a_draft_of_alpha_answers_each_persona(
    request, persona, centre, other_centre, editor
):
    draft = make(centre, editor)

    response = client_for(request, persona).post(action_url(draft, "submit"))

    assert response.status_code == EXPECTED[persona]
    draft.refresh_from_db()
    if response.status_code == 200:
        assert draft.status == Resource.Status.IN_REVIEW
        assert response.json()["status"] == "in_review"
        assert response.json()["abilities"]["submit"] is False
        assert revisions(draft)[-1][0] == "knowledge.resource.submitted"
    else:
        assert draft.status == Resource.Status.DRAFT
        assert len(revisions(draft)) == 1


def test_submit_with_a_token(request, centre, editor):
    draft = make(centre, editor)

    response = client_for(request, "editor", token=True).post(
        action_url(draft, "submit")
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Resource.Status.IN_REVIEW
    assert revisions(draft)[-1] == (
        "knowledge.resource.submitted",
        "editor-a@example.org",
    )


@pytest.mark.parametrize("status", ["in_review", "published", "archived"])
def test_submit_anything_but_a_draft_is_refused(request, centre, editor, status):
    resource = make(centre, editor, status=status)

    response = client_for(request, "manager").post(action_url(resource, "submit"))

    assert response.status_code == 403
    assert response.json()["detail"].startswith("You may not submit this resource")
    resource.refresh_from_db()
    assert resource.status == status


def test_submit_with_a_format_suffix(request, centre, editor):
    draft = make(centre, editor)

    response = client_for(request, "editor").post(
        f"/api/v1/resources/{draft.pk}/submit.json"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    draft.refresh_from_db()
    assert draft.status == Resource.Status.IN_REVIEW


def test_submit_needs_post(request, centre, editor):
    draft = make(centre, editor)

    response = client_for(request, "editor").get(action_url(draft, "submit"))

    assert response.status_code == 405

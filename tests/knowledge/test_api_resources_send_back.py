"""POST /api/v1/resources/<id>/send_back/: a manager returns a resource in review."""

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
    "editor": 403,
    "manager": 200,
    "editor_b": 404,
    "outsider": 404,
    "coordinator": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_send_back_answers_each_persona(request, persona, centre, other_centre, editor):
    resource = make(centre, editor, status="in_review")

    response = client_for(request, persona).post(
        action_url(resource, "send_back"),
        {"comment": "Add the contract value."},
        format="json",
    )

    assert response.status_code == EXPECTED[persona]
    resource.refresh_from_db()
    if response.status_code == 200:
        assert resource.status == Resource.Status.DRAFT
        assert resource.review_comment == "Add the contract value."
        assert response.json()["review_comment"] == "Add the contract value."
        assert response.json()["status"] == "draft"
        assert revisions(resource)[-1][0] == "knowledge.resource.sent_back"
    else:
        assert resource.status == Resource.Status.IN_REVIEW
        assert resource.review_comment == ""


def test_send_back_with_a_blank_comment_is_400(request, centre, editor):
    resource = make(centre, editor, status="in_review")

    response = client_for(request, "manager").post(
        action_url(resource, "send_back"), {"comment": "   "}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"comment": ["This field may not be blank."]}
    resource.refresh_from_db()
    assert resource.status == Resource.Status.IN_REVIEW


def test_send_back_without_a_comment_field_is_400(request, centre, editor):
    resource = make(centre, editor, status="in_review")

    response = client_for(request, "manager").post(
        action_url(resource, "send_back"), {}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"comment": ["This field is required."]}
    resource.refresh_from_db()
    assert resource.status == Resource.Status.IN_REVIEW


def test_send_back_of_a_draft_is_refused(request, centre, editor):
    draft = make(centre, editor)

    response = client_for(request, "manager", token=True).post(
        action_url(draft, "send_back"), {"comment": "No."}, format="json"
    )

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.review_comment == ""


def test_send_back_of_another_centre_checks_the_object_before_the_body(
    request, centre, editor
):
    resource = make(centre, editor, status="in_review")

    response = client_for(request, "outsider").post(
        action_url(resource, "send_back"), {}, format="json"
    )

    assert response.status_code == 404

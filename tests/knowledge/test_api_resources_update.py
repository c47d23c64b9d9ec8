"""PUT/PATCH /api/v1/resources/<id>/: own centre only, as the abilities allow."""

import pytest
from django_scopes import scopes_disabled

from knowledge.models import Resource, Revision
from tests.knowledge.conftest_k3 import (
    PERSONAS,
    client_for,
    detail_url,
    make,
    revisions,
)

pytestmark = pytest.mark.django_db

# A draft of alpha: its staff and the coordinator change it; everyone else is told
# it does not exist (another centre's object is 404, never 403).
EXPECTED_DRAFT = {
    "anonymous": 401,
    "procurer": 404,
    "editor": 200,
    "manager": 200,
    "editor_b": 404,
    "outsider": 404,
    "coordinator": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_patch_a_draft_of_alpha_answers_each_persona(
    request, persona, centre, other_centre, editor
):
    draft = make(centre, editor, title="Old title")

    response = client_for(request, persona).patch(
        detail_url(draft), {"title": "New title"}, format="json"
    )

    assert response.status_code == EXPECTED_DRAFT[persona]
    draft.refresh_from_db()
    if EXPECTED_DRAFT[persona] == 200:
        assert draft.title == "New title"
        assert response.json()["title"] == "New title"
        assert response.json()["slug"] == "old-title"  # slugs stay put
    else:
        assert draft.title == "Old title"


# A published resource: only managers (and the coordinator) correct it.
EXPECTED_PUBLISHED = {
    "anonymous": 401,
    "procurer": 404,
    "editor": 403,
    "manager": 200,
    "editor_b": 404,
    "outsider": 404,
    "coordinator": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_patch_a_published_resource_answers_each_persona(
    request, persona, centre, other_centre, editor
):
    resource = make(centre, editor, status="published", summary="Old summary.")

    response = client_for(request, persona).patch(
        detail_url(resource), {"summary": "Corrected summary."}, format="json"
    )

    assert response.status_code == EXPECTED_PUBLISHED[persona]
    resource.refresh_from_db()
    expected = "Corrected summary." if response.status_code == 200 else "Old summary."
    assert resource.summary == expected
    assert resource.status == Resource.Status.PUBLISHED


def test_patch_refused_by_the_abilities_says_why(request, centre, editor):
    resource = make(centre, editor, status="published")

    response = client_for(request, "editor").patch(
        detail_url(resource), {"title": "x"}, format="json"
    )

    assert response.status_code == 403
    assert response.json() == {
        "detail": "You may not change this resource (it is “Published”)."
    }


def test_patch_with_a_token_records_what_changed(request, centre, editor):
    draft = make(centre, editor, title="Draft", sectors=["ict"])
    api = client_for(request, "editor", token=True)

    response = api.patch(
        detail_url(draft),
        {"body": "Now **bold**", "sectors": ["health"], "tool_type": "guide"},
        format="json",
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.body_html == "<p>Now <strong>bold</strong></p>"
    assert response.json()["body_html"] == draft.body_html
    assert draft.sectors == ["health"]
    assert draft.tool_type == "guide"
    assert revisions(draft)[-1] == (
        "knowledge.resource.updated",
        "editor-a@example.org",
    )
    with scopes_disabled():
        changes = Revision.objects.filter(resource=draft).first().changes
    assert changes["sectors"] == [["ict"], ["health"]]
    assert set(changes) == {"body", "sectors", "tool_type"}


def test_patch_search_vector_follows_the_new_text(client, request, centre, editor):
    resource = make(centre, editor, status="published", title="Market consultation")

    client_for(request, "manager").patch(
        detail_url(resource), {"title": "Pre-commercial procurement"}, format="json"
    )

    hits = client.get("/api/v1/resources/", {"q": "pre-commercial"}).json()
    assert [r["id"] for r in hits["results"]] == [resource.pk]


def test_put_needs_the_required_fields_and_keeps_the_rest(request, centre, editor):
    draft = make(centre, editor, title="Draft", sectors=["ict"], authors="Ann")
    api = client_for(request, "editor")

    incomplete = api.put(detail_url(draft), {"title": "Only a title"}, format="json")
    complete = api.put(
        detail_url(draft),
        {"kind": "report", "title": "Complete", "summary": "All there."},
        format="json",
    )

    assert incomplete.status_code == 400
    assert set(incomplete.json()) == {"kind", "summary"}
    assert complete.status_code == 200
    draft.refresh_from_db()
    assert (draft.kind, draft.title, draft.summary) == (
        "report",
        "Complete",
        "All there.",
    )
    assert draft.sectors == ["ict"]
    assert draft.authors == "Ann"


def test_patch_sets_related_resources_and_the_translation(request, centre, editor):
    draft = make(centre, editor, title="Deutsch", language="de")
    original = make(centre, editor, title="English")
    related = make(centre, editor, status="published", title="Related")

    response = client_for(request, "editor").patch(
        detail_url(draft),
        {"related": [related.pk], "translation_of": original.pk},
        format="json",
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert list(draft.related.all()) == [related]
    assert draft.translation_group == original.translation_group
    assert [t["id"] for t in response.json()["translations"]] == [original.pk]


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "novel"},
        {"case_year": 1800},
        {"contract_value_eur": "-5"},
        {"cpv_codes": ["1234"]},
        {"external_links": [{"title": "x", "url": "javascript:alert(1)"}]},
        {"tags": [str(i) for i in range(25)]},
        {"title": ""},
        {"related": "self"},
    ],
)
def test_patch_refuses_invalid_input_and_changes_nothing(
    request, centre, editor, changes
):
    draft = make(centre, editor, title="Unchanged")
    if changes.get("related") == "self":
        draft = make(centre, editor, status="published", title="Published one")
        changes = {"related": [draft.pk]}
    history = revisions(draft)

    response = client_for(request, "manager").patch(
        detail_url(draft), changes, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == list(changes)
    before = draft.updated_at
    draft.refresh_from_db()
    assert draft.updated_at == before
    assert revisions(draft) == history


def test_update_of_a_missing_resource_is_404(request, centre):
    response = client_for(request, "editor").patch(
        "/api/v1/resources/999999/", {"title": "x"}, format="json"
    )

    assert response.status_code == 404

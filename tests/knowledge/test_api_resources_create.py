"""POST /api/v1/resources/: staff create drafts in their own centre only."""

import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from knowledge.models import Resource
from tests.knowledge.conftest_k3 import (
    API,
    PERSONAS,
    client_for,
    iso,
    make,
    revisions,
)

pytestmark = pytest.mark.django_db


def payload(**extra):
    return {
        "centre": "alpha",
        "kind": "tool",
        "tool_type": "checklist",
        "title": "Checklist for market consultation",
        "summary": "What to prepare before talking to suppliers.",
        "body": "1. Publish a notice\n2. Meet <script>alert(1)</script> suppliers",
        "language": "en",
        "sectors": ["ict", "health", "ict"],
        "approaches": ["market_consultation"],
        "tags": ["SMEs", "market dialogue", "smes"],
        "countries": ["de", "AT"],
        "external_links": [
            {"title": "Commission guidance", "url": "https://example.org/guide"},
            {"url": "https://example.org/bare"},
        ],
        **extra,
    }


# Centre "alpha" named in the body: its staff and the coordinator create; editor B
# and B's manager are refused on the field; people without a centre get 403.
EXPECTED = {
    "anonymous": 401,
    "procurer": 403,
    "editor": 201,
    "manager": 201,
    "editor_b": 403,
    "outsider": 403,
    "coordinator": 201,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_in_alpha_answers_each_persona(request, persona, centre, other_centre):
    response = client_for(request, persona).post(API, payload(), format="json")

    assert response.status_code == EXPECTED[persona]
    created = Resource.objects.filter(title="Checklist for market consultation")
    if EXPECTED[persona] == 201:
        resource = created.get()
        assert resource.centre == centre
        assert resource.status == Resource.Status.DRAFT
        assert response.json()["id"] == resource.pk
    else:
        assert not created.exists()
    if persona in ("editor_b", "outsider"):
        assert response.json() == {
            "detail": "You can only create resources for your own centre."
        }


def test_create_with_a_token_stores_the_draft_as_the_services_do(request, centre):
    api = client_for(request, "editor", token=True)

    response = api.post(API, payload(), format="json")

    assert response.status_code == 201
    resource = Resource.objects.get()
    assert response["Location"] == f"http://testserver/api/v1/resources/{resource.pk}/"
    body = response.json()
    assert body == {
        **body,
        "slug": "checklist-for-market-consultation",
        "centre": "alpha",
        "kind": "tool",
        "tool_type": "checklist",
        "status": "draft",
        "visibility": "public",
        "licence": "cc-by-sa-4.0",
        "published_at": None,
        "sectors": ["ict", "health"],
        "approaches": ["market_consultation"],
        "tags": ["SMEs", "market dialogue"],
        "countries": ["DE", "AT"],
        "external_links": [
            {"title": "Commission guidance", "url": "https://example.org/guide"},
            {"title": "https://example.org/bare", "url": "https://example.org/bare"},
        ],
        "created_at": iso(resource.created_at),
        "api_url": f"http://testserver/api/v1/resources/{resource.pk}/",
    }
    assert resource.created_by.email == "editor-a@example.org"
    assert "<script>" not in resource.body_html
    assert "<ol>" in resource.body_html
    assert resource.search_vector is not None
    assert revisions(resource) == [
        ("knowledge.resource.created", "editor-a@example.org")
    ]
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            action="knowledge.resource.created", centre=centre
        ).exists()


def test_create_for_the_second_centre_of_a_coordinator(request, other_centre):
    response = client_for(request, "coordinator").post(
        API, payload(centre="beta"), format="json"
    )

    assert response.status_code == 201
    assert Resource.objects.get().centre == other_centre


def test_create_with_relations_and_case_study_fields(request, centre, editor):
    original = make(centre, editor, title="Original in English")
    related = make(centre, editor, status="published", title="Related guide")

    response = client_for(request, "editor").post(
        API,
        payload(
            kind="case_study",
            tool_type="checklist",  # dropped: only tools have a type
            language="de",
            title="Fallstudie",
            translation_of=original.pk,
            related=[related.pk],
            buyer="Stadt Beispiel",
            case_country="de",
            case_year=2021,
            contract_value_eur="1500000",
            procedure="PCP",
            cpv_codes=["72000000", "48000000-8"],
            ted_url="https://ted.europa.eu/notice/2",
            outcome="Worked.",
            lessons_learned="Start early.",
        ),
        format="json",
    )

    assert response.status_code == 201, response.json()
    resource = Resource.objects.get(title="Fallstudie")
    assert resource.translation_group == original.translation_group
    assert list(resource.related.all()) == [related]
    assert resource.tool_type == ""
    assert resource.case_country == "DE"
    assert str(resource.contract_value_eur) == "1500000.00"
    assert resource.cpv_codes == ["72000000", "48000000-8"]
    body = response.json()
    assert [t["id"] for t in body["translations"]] == [original.pk]
    assert [r["id"] for r in body["related"]] == [related.pk]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "novel"}, "kind"),
        ({"tool_type": "hammer"}, "tool_type"),
        ({"language": "xx"}, "language"),
        ({"licence": "wtfpl"}, "licence"),
        ({"visibility": "secret"}, "visibility"),
        ({"sectors": ["space"]}, "sectors"),
        ({"approaches": ["bribery"]}, "approaches"),
        ({"countries": ["ZZ"]}, "countries"),
        ({"countries": "DE"}, "countries"),
        ({"tags": [f"t{i}" for i in range(21)]}, "tags"),
        ({"tags": ["x" * 51]}, "tags"),
        ({"external_links": [{"title": "x", "url": "javascript:alert(1)"}]}, None),
        ({"external_links": [{"title": "x", "url": "ftp://example.org/"}]}, None),
        ({"external_links": [{"title": "x"}]}, "external_links"),
        ({"contract_value_eur": "-1"}, "contract_value_eur"),
        ({"case_year": 1989}, "case_year"),
        ({"case_year": 2101}, "case_year"),
        ({"cpv_codes": ["7200000"]}, "cpv_codes"),
        ({"cpv_codes": ["72000000-12"]}, "cpv_codes"),
        ({"case_country": "XX"}, "case_country"),
        ({"ted_url": "javascript:alert(1)"}, "ted_url"),
        ({"title": ""}, "title"),
        ({"title": "x" * 251}, "title"),
        ({"summary": "x" * 1001}, "summary"),
        ({"slug": "not a slug"}, "slug"),
        ({"centre": ["alpha"]}, "centre"),
        ({"related": [999999]}, "related"),
    ],
)
def test_create_refuses_invalid_input_field_by_field(request, centre, changes, field):
    response = client_for(request, "editor").post(
        API, payload(**changes), format="json"
    )

    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field or "external_links"]
    assert not Resource.objects.exists()


def test_create_refuses_a_relation_to_a_draft_and_foreign_translations(
    request, centre, other_centre, editor, editor_b
):
    draft = make(centre, editor, title="A draft")
    foreign = make(other_centre, editor_b, status="published", title="Beta's")
    english = make(centre, editor, title="English original")
    api = client_for(request, "editor")

    to_draft = api.post(API, payload(related=[draft.pk]), format="json")
    foreign_original = api.post(
        API, payload(language="de", translation_of=foreign.pk), format="json"
    )
    same_language = api.post(
        API, payload(language="en", translation_of=english.pk), format="json"
    )
    invisible = make(other_centre, editor_b, title="Beta's draft")
    hidden_original = api.post(
        API, payload(language="de", translation_of=invisible.pk), format="json"
    )

    assert to_draft.status_code == 400
    assert list(to_draft.json()) == ["related"]
    assert foreign_original.json() == {
        "translation_of": ["A translation must belong to the same centre."]
    }
    assert same_language.status_code == 400
    assert "same language" in same_language.json()["translation_of"][0]
    assert hidden_original.status_code == 400
    assert list(hidden_original.json()) == ["translation_of"]
    assert Resource.objects.filter(centre=centre).count() == 2


def test_create_refuses_a_slug_already_used_in_the_centre(request, centre, editor):
    make(centre, editor, title="Taken")

    response = client_for(request, "editor").post(
        API, payload(slug="taken"), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "slug": ["The centre already has a resource with this slug."]
    }
    assert Resource.objects.count() == 1


def test_create_needs_two_factor_for_a_manager(request, centre, manager):
    Authenticator.objects.filter(user=manager).delete()

    response = client_for(request, "manager").post(API, payload(), format="json")

    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]
    assert not Resource.objects.exists()


def test_create_with_a_wrong_token_is_401(centre):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.post(API, payload(), format="json")

    assert response.status_code == 401
    assert not Resource.objects.exists()

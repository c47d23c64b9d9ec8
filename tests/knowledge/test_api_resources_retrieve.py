"""GET /api/v1/resources/<id>/: the full resource, for those who may see it."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge import services
from knowledge.models import Resource
from tests.knowledge.conftest_k3 import (
    NO_ABILITIES,
    PERSONAS,
    client_for,
    detail_url,
    iso,
    make,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def case_study(centre, editor, manager):
    """A published case study with an attachment, a related resource and an
    English original (it is the German translation)."""
    original = make(
        centre,
        editor,
        status="published",
        title="Smart beds for a hospital",
        summary="The English original.",
    )
    hidden = make(centre, editor, title="A related draft")  # never shown
    related = make(
        centre, editor, status="published", title="Guide to market consultation"
    )
    resource = services.resource_create(
        centre=centre,
        by=editor,
        data={
            "kind": Resource.Kind.CASE_STUDY,
            "title": "Intelligente Krankenhausbetten",
            "summary": "Ein Krankenhaus kauft Betten, die ihren Zustand melden.",
            "body": "## Ergebnis\n\nGut. <script>alert(1)</script>",
            "language": "de",
            "authors": "Erika Muster",
            "sectors": ["health"],
            "approaches": ["pcp", "ppi"],
            "tags": ["Krankenhaus", "Sensorik"],
            "countries": ["DE"],
            "external_links": [{"title": "TED", "url": "https://ted.europa.eu/x"}],
            "buyer": "Klinikum Beispielstadt",
            "case_country": "DE",
            "case_year": 2022,
            "contract_value_eur": Decimal("125000.50"),
            "procedure": "Innovation partnership",
            "cpv_codes": ["33192000-2"],
            "ted_url": "https://ted.europa.eu/notice/1",
            "outcome": "Fewer falls.",
            "lessons_learned": "Talk to nurses first.",
            "translation_of": original,
        },
        related=[related, hidden],
    )
    attachment = services.attachment_add(
        resource=resource,
        by=editor,
        upload=SimpleUploadedFile("report.pdf", PDF, "application/pdf"),
        title="Final report",
    )
    resource = services.resource_publish(resource=resource, by=manager)
    resource.refresh_from_db()
    return {
        "resource": resource,
        "original": original,
        "related": related,
        "attachment": attachment,
    }


def test_retrieve_answers_the_full_representation(client, case_study):
    resource = case_study["resource"]
    original, related = case_study["original"], case_study["related"]
    attachment = case_study["attachment"]

    response = client.get(detail_url(resource))

    assert response.status_code == 200
    base = "http://testserver"
    assert response.json() == {
        "id": resource.pk,
        "slug": "intelligente-krankenhausbetten",
        "centre": "alpha",
        "kind": "case_study",
        "tool_type": "",
        "title": "Intelligente Krankenhausbetten",
        "summary": "Ein Krankenhaus kauft Betten, die ihren Zustand melden.",
        "body": "## Ergebnis\n\nGut. <script>alert(1)</script>",
        "body_html": resource.body_html,
        "language": "de",
        "authors": "Erika Muster",
        "published_on": None,
        "published_at": iso(resource.published_at),
        "sectors": ["health"],
        "approaches": ["pcp", "ppi"],
        "tags": ["Krankenhaus", "Sensorik"],
        "countries": ["DE"],
        "licence": "cc-by-sa-4.0",
        "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "visibility": "public",
        "status": "published",
        "review_comment": "",
        "external_links": [{"title": "TED", "url": "https://ted.europa.eu/x"}],
        "buyer": "Klinikum Beispielstadt",
        "case_country": "DE",
        "case_year": 2022,
        "contract_value_eur": "125000.50",
        "procedure": "Innovation partnership",
        "cpv_codes": ["33192000-2"],
        "ted_url": "https://ted.europa.eu/notice/1",
        "outcome": "Fewer falls.",
        "lessons_learned": "Talk to nurses first.",
        "attachments": [
            {
                "id": attachment.pk,
                "title": "Final report",
                "file_type": "pdf",
                "content_type": "application/pdf",
                "size": len(PDF),
                "url": base
                + reverse(
                    "knowledge:attachment-download",
                    args=["alpha", "intelligente-krankenhausbetten", attachment.pk],
                ),
            }
        ],
        "related": [
            {
                "id": related.pk,
                "title": "Guide to market consultation",
                "language": "en",
                "url": base
                + reverse(
                    "knowledge:resource-detail",
                    args=["alpha", "guide-to-market-consultation"],
                ),
                "api_url": f"{base}/api/v1/resources/{related.pk}/",
            }
        ],
        "translations": [
            {
                "id": original.pk,
                "title": "Smart beds for a hospital",
                "language": "en",
                "url": base
                + reverse(
                    "knowledge:resource-detail",
                    args=["alpha", "smart-beds-for-a-hospital"],
                ),
                "api_url": f"{base}/api/v1/resources/{original.pk}/",
            }
        ],
        "created_at": iso(resource.created_at),
        "updated_at": iso(resource.updated_at),
        "url": base
        + reverse(
            "knowledge:resource-detail",
            args=["alpha", "intelligente-krankenhausbetten"],
        ),
        "api_url": f"{base}/api/v1/resources/{resource.pk}/",
        "abilities": {**NO_ABILITIES, "retrieve": True},
    }
    assert "<script>" not in resource.body_html
    assert "<h2>Ergebnis</h2>" in resource.body_html


def test_retrieve_hides_related_resources_and_translations_the_caller_cannot_see(
    request, case_study, centre, editor, manager
):
    hidden = make(centre, editor, title="A related draft 2")
    services.resource_update(
        resource=case_study["resource"],
        by=manager,
        data={},
        related=[case_study["related"], hidden],
    )
    german = case_study["resource"]
    services.resource_create(
        centre=centre,
        by=editor,
        data={
            "kind": "tool",
            "title": "Draft Dutch translation",
            "summary": "Nog niet klaar.",
            "language": "nl",
            "translation_of": german,
        },
    )

    anonymous = client_for(request, "anonymous").get(detail_url(german)).json()
    staff = client_for(request, "editor").get(detail_url(german)).json()

    assert [r["title"] for r in anonymous["related"]] == [
        "Guide to market consultation"
    ]
    assert [t["language"] for t in anonymous["translations"]] == ["en"]
    assert [r["title"] for r in staff["related"]] == [
        "A related draft 2",
        "Guide to market consultation",
    ]
    assert [t["language"] for t in staff["translations"]] == ["en", "nl"]


# Who opens what: A's public, A's network-only, A's draft, B's draft.
EXPECTED = {
    #                public  network  draft_a  draft_b
    "anonymous": (200, 404, 404, 404),
    "procurer": (200, 404, 404, 404),
    "editor": (200, 200, 200, 404),
    "manager": (200, 200, 200, 404),
    "editor_b": (200, 200, 404, 200),
    "outsider": (200, 200, 404, 200),
    "coordinator": (200, 200, 200, 200),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_retrieve_answers_each_persona_as_visibility_says(
    request, persona, centre, other_centre, editor, editor_b
):
    resources = [
        make(centre, editor, status="published", title="Public"),
        make(
            centre,
            editor,
            status="published",
            title="Network",
            visibility=Resource.Visibility.NETWORK,
        ),
        make(centre, editor, title="Draft A"),
        make(other_centre, editor_b, title="Draft B"),
    ]
    api = client_for(request, persona)

    statuses = tuple(api.get(detail_url(r)).status_code for r in resources)

    assert statuses == EXPECTED[persona]


@pytest.mark.parametrize(
    ("persona", "abilities"),
    [
        ("editor", {"update": True, "partial_update": True, "submit": True}),
        (
            "manager",
            {
                "update": True,
                "partial_update": True,
                "submit": True,
                "publish": True,
                "destroy": True,
            },
        ),
    ],
)
def test_retrieve_a_draft_shows_the_staff_abilities(
    request, centre, editor, persona, abilities
):
    draft = make(centre, editor)

    response = client_for(request, persona, token=True).get(detail_url(draft))

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["abilities"] == {
        **NO_ABILITIES,
        "retrieve": True,
        **abilities,
    }


def test_retrieve_unknown_or_malformed_id_is_404(client, db):
    assert client.get("/api/v1/resources/999999/").status_code == 404
    assert client.get("/api/v1/resources/abc/").status_code == 404


def test_retrieve_an_archived_resource_only_for_its_centre(
    request, centre, editor, manager
):
    resource = make(centre, editor, status="archived", title="Old")

    assert client_for(request, "anonymous").get(detail_url(resource)).status_code == (
        404
    )
    assert client_for(request, "editor_b").get(detail_url(resource)).status_code == (
        404
    )
    response = client_for(request, "manager").get(detail_url(resource))
    assert response.status_code == 200
    assert response.json()["status"] == "archived"


@pytest.mark.parametrize("persona", ["anonymous", "editor", "manager"])
def test_retrieve_renders_in_the_browsable_api(request, centre, editor, persona):
    resource = make(centre, editor, status="published", title="Browsable guide")

    response = client_for(request, persona).get(
        detail_url(resource), HTTP_ACCEPT="text/html"
    )

    assert response.status_code == 200
    assert "Browsable guide" in response.content.decode()

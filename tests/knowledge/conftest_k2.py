"""Fixtures and helpers for the resource workspace tests (/manage/<centre>/resources/)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from knowledge import services
from knowledge.models import Attachment, Resource, Revision
from tests.factories import resource_create

PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def docx_bytes() -> bytes:
    """The smallest package validate_attachment recognises as a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            "</Types>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Tender checklist'
            "</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_data(**overrides) -> dict:
    """A complete, valid POST of the resource editor."""
    data = {
        "kind": "tool",
        "tool_type": "guide",
        "title": "Guide to early market engagement",
        "summary": "How to talk to suppliers before a tender, fairly and openly.",
        "body": "## Why talk early\n\nTalk to **suppliers** before the tender.",
        "language": "en",
        "authors": "Alpha Centre",
        "published_on": "2025-03-01",
        "sectors": ["ict", "health"],
        "approaches": ["market_consultation"],
        "tags": " market consultation, SMEs, smes ,, dialogue ",
        "countries": ["DE", "AT"],
        "licence": "cc-by-sa-4.0",
        "visibility": "public",
        "external_links": (
            "EU guidance | https://example.org/guidance\nhttps://example.org/faq"
        ),
        "translation_of": "",
        "buyer": "",
        "case_country": "",
        "case_year": "",
        "contract_value_eur": "",
        "procedure": "",
        "cpv_codes": "",
        "ted_url": "",
        "outcome": "",
        "lessons_learned": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def manage_url(centre_slug, name="", pk=None, extra=""):
    base = f"/manage/{centre_slug}/resources/"
    if pk is not None:
        base += f"{pk}/"
    return base + (f"{name}/" if name else "") + extra


def revisions_of(resource):
    with scopes_disabled():
        return list(Revision.objects.filter(resource=resource).order_by("created_at"))


def reload(resource):
    return Resource.objects.get(pk=resource.pk)


@pytest.fixture(name="draft_a")
def draft_a_fixture(centre, editor):
    return resource_create(
        centre=centre,
        by=editor,
        title="Checklist for innovation-friendly tenders",
        summary="Ten questions to ask before publishing a tender.",
        body="1. Is the need described as a function?",
    )


@pytest.fixture(name="in_review_a")
def in_review_a_fixture(centre, editor):
    resource = resource_create(
        centre=centre, by=editor, title="Template for a prior information notice"
    )
    return services.resource_submit(resource=resource, by=editor)


@pytest.fixture(name="published_a")
def published_a_fixture(centre, manager):
    return resource_create(
        centre=centre, by=manager, published=True, title="Published guide"
    )


@pytest.fixture(name="published_b")
def published_b_fixture(other_centre, outsider):
    return resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        title="Dutch lessons on innovation partnerships",
    )


@pytest.fixture(name="draft_b")
def draft_b_fixture(other_centre, editor_b):
    return resource_create(
        centre=other_centre, by=editor_b, title="Beta's unpublished draft"
    )


@pytest.fixture(name="attachment_a")
def attachment_a_fixture(draft_a, editor, media_root):
    return services.attachment_add(
        resource=draft_a,
        by=editor,
        upload=upload("checklist.pdf", PDF_BYTES, "application/pdf"),
        title="Checklist (PDF)",
    )


@pytest.fixture(name="media_root")
def media_root_fixture(settings, tmp_path):
    """Uploads of this test go to a folder of its own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def attachment_count(resource) -> int:
    return Attachment.objects.filter(resource=resource).count()

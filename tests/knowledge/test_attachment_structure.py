"""Attachments judged by their container's structure, not by their first bytes:
HTML behind a PDF header, Office macros, ZIP bombs and archives of countless
entries are refused with a message, and nothing is stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from knowledge.validators import validate_attachment

from .conftest_k2 import (  # noqa: F401 - fixtures
    attachment_count,
    draft_a_fixture,
    manage_url,
    media_root_fixture,
    stored_files,
    upload,
)

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
MACRO_CONTENT_TYPES_XML = CONTENT_TYPES_XML.replace(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)


def package(entries: dict, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(**extra) -> bytes:
    return package(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML,
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": "<w:document/>",
            **extra,
        }
    )


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A DOCX whose document part inflates to 1 GiB of zeros (about 4.5 MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = bytes(1024 * 1024)
            for _ in range(1024):
                part.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def crowd() -> bytes:
    """A DOCX-looking ZIP of 150,000 empty entries (about 13 MB, under the limit)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(150_000):
            z.writestr(f"x/{i}", b"")
    return buffer.getvalue()


def refusal(content: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_attachment(ContentFile(content, name=name))
    return caught.value


HOSTILE = {
    "html after a pdf header": (
        "report.pdf",
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script>\n%%EOF\n",
        "pdf_html",
        "contains web-page code (HTML)",
    ),
    "an svg page after a pdf header": (
        "report.pdf",
        PDF.replace(b"endobj", b"endobj <SVG onload=alert(1)>"),
        "pdf_html",
        "contains web-page code (HTML)",
    ),
    "a pdf header without an end": (
        "report.pdf",
        b"%PDF-1.4\n1 0 obj<<>>endobj\n" + b"x" * 4000,
        "pdf_truncated",
        "is not a complete PDF",
    ),
    "a docx with a vba project": (
        "tender.docx",
        docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"}),
        "macros",
        "contains macros (word/vbaProject.bin)",
    ),
    "a docx declaring a macro-enabled document": (
        "tender.docx",
        package(
            {
                "[Content_Types].xml": MACRO_CONTENT_TYPES_XML,
                "word/document.xml": "<w:document/>",
            }
        ),
        "macros",
        "contains macros",
    ),
    "an xlsx with a vba project": (
        "budget.xlsx",
        package(
            {
                "[Content_Types].xml": "<Types/>",
                "xl/workbook.xml": "<workbook/>",
                "xl/vbaProject.bin": b"macro",
            }
        ),
        "macros",
        "contains macros (xl/vbaProject.bin)",
    ),
    "an odt with basic macros": (
        "notes.odt",
        package(
            {
                "mimetype": "application/vnd.oasis.opendocument.text",
                "content.xml": "<office:document-content/>",
                "Basic/Standard/Module1.xml": "<script:module/>",
            }
        ),
        "macros",
        "contains macros (Basic/Standard/Module1.xml)",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_clear_message(case):
    name, content, code, message = HOSTILE[case]
    error = refusal(content, name)
    assert error.code == code
    assert message in error.messages[0]
    assert f"“{name}”" in error.messages[0]


def test_a_docx_that_inflates_to_a_gibibyte_is_refused(bomb):
    assert len(bomb) < 20 * 1024 * 1024
    error = refusal(bomb, "huge.docx")
    assert error.code == "zip_bomb"
    assert "would unpack to 1024 MB, more than the 256 MB" in error.messages[0]


def test_a_zip_of_150000_entries_is_refused(crowd):
    assert len(crowd) < 20 * 1024 * 1024
    error = refusal(crowd, "many.docx")
    assert error.code == "zip_entries"
    assert (
        "holds 150002 files inside; a document may hold at most 10000"
        in (error.messages[0])
    )


@pytest.mark.parametrize(
    "content, kind",
    [
        (PDF, "pdf"),
        # Writers may add a little after %%EOF (a newline, an incremental save).
        (PDF + b"\r\n" * 100, "pdf"),
        (docx(), "docx"),
        # Pictures and ordinary parts are no macros.
        (docx(**{"word/media/image1.png": b"\x89PNG..."}), "docx"),
    ],
)
def test_ordinary_documents_still_pass(content, kind):
    upload_file = ContentFile(content, name="file")
    assert validate_attachment(upload_file)[0] == kind
    assert upload_file.tell() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", ["html after a pdf header", "a docx with a vba project"]
)
def test_the_workspace_shows_the_reason_and_stores_nothing(
    client, editor, draft_a, media_root, case
):
    name, content, _code, message = HOSTILE[case]
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "attachments", draft_a.pk),
        {"attachment-file": upload(name, content)},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["attachment_form"].errors["file"])
    assert attachment_count(draft_a) == 0
    assert stored_files(media_root) == []

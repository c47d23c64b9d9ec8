"""Markdown is rendered to safe HTML; attachments are recognised by their content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import override_settings

from knowledge.markdown import render_markdown
from knowledge.validators import CONTENT_TYPES, validate_attachment

# Sanitising


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("Hello <script>alert(1)</script> world", "<script"),
        ("<script src=https://evil.example/x.js></script>", "evil.example"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<a href="https://example.org" onclick="steal()">x</a>', "onclick"),
        ("<p onmouseover=alert(1)>hover</p>", "onmouseover"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ("[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data:"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', "data:"),
        ('<iframe src="https://example.org/embed"></iframe>', "<iframe"),
        ('<object data="x.swf"></object><embed src="x.swf">', "swf"),
        ('<p style="background:url(javascript:alert(1))">styled</p>', "style="),
        ("<style>body{display:none}</style>", "display:none"),
        ('<form action="https://evil.example"><input name="pw"></form>', "<form"),
        ("<svg><script>alert(1)</script></svg>", "alert"),
    ],
)
def test_dangerous_markup_is_removed(markdown, forbidden):
    html = render_markdown(markdown)

    assert forbidden.lower() not in html.lower()


def test_text_around_removed_markup_survives():
    html = render_markdown('Before <span onclick="x()">inside</span> after')

    assert "Before" in html and "inside" in html and "after" in html
    assert "onclick" not in html


def test_headings_start_at_h2_because_the_page_title_is_the_h1():
    html = render_markdown("# Top\n\n## Second\n\n<h1>Raw</h1>")

    assert "<h1" not in html
    assert "<h2>Top</h2>" in html
    assert "<h2>Second</h2>" in html
    assert "<h2>Raw</h2>" in html


def test_tables_lists_and_emphasis_are_kept():
    html = render_markdown(
        "| Procedure | When |\n|---|---|\n| PCP | R&D needed |\n\n"
        "- one\n- two\n\n**bold** and *italic*"
    )

    assert "<table>" in html
    assert "<th>Procedure</th>" in html
    assert "<td>PCP</td>" in html
    assert "<li>one</li>" in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html


def test_links_keep_safe_urls_and_get_rel():
    html = render_markdown(
        "[PIANOo](https://www.pianoo.nl/) and [mail](mailto:team@example.eu)"
    )

    assert 'href="https://www.pianoo.nl/"' in html
    assert 'href="mailto:team@example.eu"' in html
    assert html.count('rel="noopener noreferrer nofollow"') == 2


def test_empty_body_renders_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


# Attachments: sniffed by content


def zip_bytes(entries, *, first=None) -> bytes:
    """A ZIP with `entries` {name: content}; `first` is written first, stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:
            archive.writestr(
                zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED
            )
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def ooxml(part: str) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML,
            "_rels/.rels": "<Relationships/>",
            part: "<root/>",
        }
    )


def odt(mimetype: str = CONTENT_TYPES["odt"]) -> bytes:
    return zip_bytes(
        {"content.xml": "<office:document-content/>"}, first=("mimetype", mimetype)
    )


PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
VALID = {
    "pdf": PDF,
    "docx": ooxml("word/document.xml"),
    "xlsx": ooxml("xl/workbook.xml"),
    "pptx": ooxml("ppt/presentation.xml"),
    "odt": odt(),
}


@pytest.mark.parametrize("kind", sorted(VALID))
def test_each_accepted_format_is_recognised_by_content(kind):
    upload = ContentFile(VALID[kind], name=f"document.{kind}")

    assert validate_attachment(upload) == (kind, CONTENT_TYPES[kind])
    assert upload.tell() == 0  # left ready to be stored


@pytest.mark.parametrize("kind", sorted(VALID))
def test_the_file_name_does_not_decide_the_type(kind):
    upload = ContentFile(VALID[kind], name="misleading-name.txt")

    assert validate_attachment(upload)[0] == kind


DISGUISED = {
    "a text file named .pdf": ("notes.pdf", b"Just some notes, honestly a PDF."),
    "a ZIP without the parts, named .docx": (
        "empty.docx",
        zip_bytes({"readme.txt": "hello"}),
    ),
    "content types but no main part, named .xlsx": (
        "book.xlsx",
        zip_bytes({"[Content_Types].xml": CONTENT_TYPES_XML}),
    ),
    "an ODF package of another kind, named .odt": (
        "sheet.odt",
        odt("application/vnd.oasis.opendocument.spreadsheet"),
    ),
    "an ELF binary renamed .docx": ("tool.docx", b"\x7fELF\x02\x01\x01" + b"\0" * 64),
    "a Windows executable renamed .pptx": (
        "slides.pptx",
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 64,
    ),
    "a broken ZIP named .docx": ("broken.docx", b"PK\x03\x04" + b"garbage" * 10),
    "an HTML page named .pdf": (
        "page.pdf",
        b"<html><script>alert(1)</script></html>",
    ),
    "an empty file named .pdf": ("empty.pdf", b""),
}


@pytest.mark.parametrize("case", sorted(DISGUISED))
def test_disguised_files_are_refused_with_a_clear_message(case):
    name, content = DISGUISED[case]

    with pytest.raises(ValidationError) as error:
        validate_attachment(ContentFile(content, name=name))

    assert error.value.code == "bad_type"
    message = error.value.messages[0]
    assert name in message
    assert "is not a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX)" in message
    assert "Its content was checked, not its name." in message


@override_settings(ATTACHMENT_MAX_BYTES=2 * 1024 * 1024)
def test_an_oversized_file_is_refused_before_its_content_is_read():
    content = PDF + b"\0" * (2 * 1024 * 1024)

    with pytest.raises(ValidationError) as error:
        validate_attachment(ContentFile(content, name="huge.pdf"))

    assert error.value.code == "too_large"
    assert error.value.messages[0] == (
        "“huge.pdf” is 2.0 MB; attachments may be at most 2 MB."
    )


@override_settings(ATTACHMENT_MAX_BYTES=len(PDF))
def test_a_file_exactly_at_the_limit_passes():
    assert validate_attachment(ContentFile(PDF, name="ok.pdf"))[0] == "pdf"

"""Attachments are checked by their content and structure, never by their name.

A file is read, never unpacked: a PDF must look like one from its first to its last
bytes; a ZIP-based document (OOXML, OpenDocument) is judged by its central
directory (how many entries, how large they say they unpack, what they are) and by
its small manifest parts, read with a bound.
"""

import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}
# The part each OOXML package must contain.
OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# Bounds for ZIP-based documents: real ones stay far below both.
MAX_ENTRIES = 10_000
MAX_INFLATED_BYTES = 256 * 1024 * 1024
# Manifest parts ([Content_Types].xml, mimetype) are read up to this size.
MANIFEST_MAX_BYTES = 1024 * 1024
# A PDF ends with %%EOF; some writers add a little after it.
PDF_TAIL_BYTES = 1024
PDF_CHUNK = 1024 * 1024
# What a browser would take for a web page, anywhere in a "PDF".
HTML_MARKERS = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|svg)\b",
    re.IGNORECASE,
)
# Macro parts of Office (VBA) and of OpenDocument (Basic, scripts).
MACRO_NAMES = re.compile(
    r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml)$|^(?:Basic|Scripts)/", re.IGNORECASE
)
MACRO_CONTENT_TYPES = re.compile(rb"macroEnabled|vbaProject", re.IGNORECASE)


def _refuse(message: str, code: str, **params):
    raise ValidationError(message % params, code=code)


def _check_pdf(upload) -> None:
    """%PDF- first, %%EOF near the end, and nothing a browser would render as HTML
    (a "PDF" that is a web page behind a PDF header)."""
    name = upload.name
    upload.seek(0)
    carry = b""
    while chunk := upload.read(PDF_CHUNK):
        if HTML_MARKERS.search(carry + chunk):
            _refuse(
                _(
                    "“%(name)s” starts like a PDF but contains web-page code (HTML), "
                    "so it is refused. Upload the document exported as PDF again."
                ),
                "pdf_html",
                name=name,
            )
        carry = chunk[-64:]
    upload.seek(max(0, upload.size - PDF_TAIL_BYTES))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        _refuse(
            _(
                "“%(name)s” is not a complete PDF (its end is missing or damaged). "
                "Export or download it again and upload the new file."
            ),
            "pdf_truncated",
            name=name,
        )


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as part:
        return part.read(MANIFEST_MAX_BYTES)


def _zip_kind(archive: zipfile.ZipFile, name: str) -> str | None:
    """Which document the package is, after refusing bombs and macros."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        _refuse(
            _(
                "“%(name)s” holds %(count)d files inside; a document may hold at "
                "most %(limit)d. It is refused."
            ),
            "zip_entries",
            name=name,
            count=len(infos),
            limit=MAX_ENTRIES,
        )
    # Declared sizes: a small file that says it unpacks to gigabytes is a bomb.
    inflated = sum(info.file_size for info in infos)
    if inflated > MAX_INFLATED_BYTES:
        _refuse(
            _(
                "“%(name)s” would unpack to %(size)d MB, more than the %(limit)d MB "
                "a document may; it is refused."
            ),
            "zip_bomb",
            name=name,
            size=inflated // (1024 * 1024),
            limit=MAX_INFLATED_BYTES // (1024 * 1024),
        )
    by_name = {info.filename: info for info in infos}
    macros = sorted(n for n in by_name if MACRO_NAMES.search(n))
    content_types = by_name.get("[Content_Types].xml")
    if (
        not macros
        and content_types is not None
        and MACRO_CONTENT_TYPES.search(_read_bounded(archive, content_types))
    ):
        macros = ["[Content_Types].xml"]
    if macros:
        _refuse(
            _(
                "“%(name)s” contains macros (%(part)s), which are not accepted. Save "
                "it without macros (as .docx, .xlsx, .pptx or .odt) and upload that."
            ),
            "macros",
            name=name,
            part=macros[0],
        )
    if "mimetype" in by_name:
        mimetype = _read_bounded(archive, by_name["mimetype"]).decode("ascii", "ignore")
        return "odt" if mimetype.strip() == CONTENT_TYPES["odt"] else None
    if content_types is not None:
        for kind, part in OOXML_PARTS.items():
            if part in by_name:
                return kind
    return None


def _sniff(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        _check_pdf(upload)
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        # Reads the central directory only; nothing is decompressed but the
        # bounded manifest parts.
        with zipfile.ZipFile(upload) as archive:
            return _zip_kind(archive, upload.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError):
        return None
    finally:
        upload.seek(0)


def validate_attachment(upload) -> tuple[str, str]:
    """Return (file_type, content_type) of a PDF/DOCX/XLSX/ODT/PPTX ≤ the limit.

    Raises ValidationError with a message a person understands otherwise: wrong
    type, a PDF with HTML in it or without its end, a document with macros, or an
    archive with too many entries or too large unpacked.
    """
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; attachments may be at most %(limit)d MB.")
            % {
                "name": upload.name,
                "size": upload.size / 1024 / 1024,
                "limit": limit // (1024 * 1024),
            },
            code="too_large",
        )
    kind = _sniff(upload)
    if kind is None:
        raise ValidationError(
            _(
                "“%(name)s” is not a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) "
                "or OpenDocument text (ODT) file. Its content was checked, not its name."
            )
            % {"name": upload.name},
            code="bad_type",
        )
    return kind, CONTENT_TYPES[kind]

"""Attachments are checked by their content, never by their name."""

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


def _sniff(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "ignore").strip()
                if mimetype == CONTENT_TYPES["odt"]:
                    return "odt"
                return None
            if "[Content_Types].xml" in names:
                for kind, part in OOXML_PARTS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_attachment(upload) -> tuple[str, str]:
    """Return (file_type, content_type) of a PDF/DOCX/XLSX/ODT/PPTX ≤ the limit.

    Raises ValidationError with a message a person understands otherwise.
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

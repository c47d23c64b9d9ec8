"""Demo content of the knowledge base: what `manage.py seed_knowledge` loads.

The resources live in `knowledge/demo/<centre>.yaml`, one file per centre or
task-force project, written for this portal in our own words (figures and TED links
of case studies are illustrative, and their bodies say so). Within a file an
original comes before its translations; `related` may point to any centre's files.
"""

from dataclasses import dataclass, field
from pathlib import Path

from centres.demo_network import CENTRES
from p2i_portal.demo_data import demo_read

DEMO_DIR = Path(__file__).resolve().parent / "demo"


@dataclass
class Spec:
    """One resource to create: its owner, address, content and links."""

    centre: str
    slug: str
    data: dict
    status: str = "published"  # or "draft" / "in_review"
    translation_of: str = ""  # slug of the original, same centre
    related: list[tuple[str, str]] = field(default_factory=list)  # (centre, slug)
    attachment: str = ""  # file name of a generated one-page PDF


def demo_centres() -> list[str]:
    """Slugs of the centres and projects that have demo content, in network order."""
    return [c["slug"] for c in CENTRES if (DEMO_DIR / f"{c['slug']}.yaml").exists()]


def demo_specs() -> list[Spec]:
    """Every demo resource, each original before its translations."""
    specs = []
    for centre in demo_centres():
        content = demo_read(DEMO_DIR / f"{centre}.yaml")
        for raw in content["resources"]:
            data = dict(raw)
            specs.append(
                Spec(
                    centre=centre,
                    slug=data.pop("slug"),
                    status=data.pop("status", "published"),
                    translation_of=data.pop("translation_of", ""),
                    related=[tuple(link) for link in data.pop("related", [])],
                    attachment=data.pop("attachment", ""),
                    data=data,
                )
            )
    return specs


# ---------------------------------------------------------------------------
# A small, valid one-page PDF for the demo attachments, built in code so that the
# repository holds no binary files.


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(title: str, lines=()) -> bytes:
    """A one-page A4 PDF showing `title` and a few lines of text (WinAnsi)."""
    ops = [b"BT", b"/F1 18 Tf", b"56 780 Td", b"(" + _pdf_text(title[:80]) + b") Tj"]
    ops += [b"/F1 11 Tf"]
    for line in lines:
        ops += [b"0 -22 Td", b"(" + _pdf_text(line[:95]) + b") Tj"]
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _pdf_text(title[:120]) + b") /Producer (P2I Portal demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)

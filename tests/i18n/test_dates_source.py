"""No template or Python module writes a date in a hard-coded form: what a person
reads goes through a named format (DATE_FORMAT, STAFF_DATETIME_FORMAT, ...), which
each language defines; only machine forms (ISO 8601, iCalendar) are spelt out."""

import re
from pathlib import Path

from django.conf import settings
from django.utils.formats import FORMAT_SETTINGS

from p2i_portal.formats import PORTAL_FORMATS

ROOT = Path(settings.BASE_DIR)
NAMED = set(FORMAT_SETTINGS) | set(PORTAL_FORMATS)

# Literal template date formats that no reader's language changes.
TEMPLATE_ALLOWED = {
    "c": "ISO 8601 in <time datetime> and meta tags",
    "Y-m-d": "ISO 8601 dates in <time datetime>",
    "j": "the day number of an event card",
    "Y": "the year of the copyright line",
    "T": "a time zone's abbreviation",
}
# strftime directives that write words or a 12-hour clock in the C locale's English,
# and day/month orders that readers take for one another.
PY_WORDY = re.compile(r"%[aAbBpIcxX]|%m/%d|%d/%m")

TEMPLATE_FORMAT = re.compile(
    r"""\|(?:date|time)\s*:\s*(?P<q>["'])(?P<fmt>.*?)(?P=q)"""
    r"""|\{%\s*now\s+(?P<q2>["'])(?P<fmt2>.*?)(?P=q2)"""
)
PY_DJANGO_FORMAT = re.compile(
    r"""(?:date_format|time_format|dateformat\.format|dateformat\.time_format)"""
    r"""\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*(?P<q>["'])(?P<fmt>.*?)(?P=q)"""
)
PY_STRFTIME = re.compile(r"""strftime\(\s*(?P<q>["'])(?P<fmt>.*?)(?P=q)""")
PY_FSTRING_SPEC = re.compile(r"""\{[^{}:]+:(?P<fmt>%[^{}]*)\}""")


def source_files(pattern: str):
    skip = {".venv", ".data", "node_modules", "migrations", "tests", "bench"}
    for path in ROOT.rglob(pattern):
        if set(path.relative_to(ROOT).parts) & skip:
            continue
        # The format modules are where the forms are defined.
        if path.is_relative_to(ROOT / "p2i_portal" / "formats"):
            continue
        yield path


def _template_hits_of(text: str) -> list[str]:
    return [
        match.group(0)
        for match in TEMPLATE_FORMAT.finditer(text)
        if (match["fmt"] or match["fmt2"]) not in NAMED | set(TEMPLATE_ALLOWED)
    ]


def _template_hits(path: Path) -> list[str]:
    where = path.relative_to(ROOT)
    return [f"{where}: {hit}" for hit in _template_hits_of(path.read_text("utf-8"))]


def test_templates_name_their_date_formats():
    found = []
    for pattern in ("*.html", "*.txt"):
        for path in source_files(pattern):
            found += _template_hits(path)
    assert not found, "hard-coded date formats:\n" + "\n".join(found)


def test_python_names_its_date_formats():
    found = []
    for path in source_files("*.py"):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT)
        for match in PY_DJANGO_FORMAT.finditer(text):
            if match["fmt"] not in NAMED:
                found.append(f"{where}: {match.group(0)}")
        for regex in (PY_STRFTIME, PY_FSTRING_SPEC):
            for match in regex.finditer(text):
                if PY_WORDY.search(match["fmt"]):
                    found.append(f"{where}: {match.group(0)}")
    assert not found, "hard-coded date formats:\n" + "\n".join(found)


def test_staff_templates_use_the_staff_form():
    """The workspace's tables write a moment one way: |staff_datetime."""
    staff = [
        *ROOT.glob("templates/knowledge/manage_*.html"),
        *ROOT.glob("templates/events/manage_*.html"),
        *ROOT.glob("templates/newsletters/compose_*.html"),
        *ROOT.glob("templates/newsletters/manage_*.html"),
        *ROOT.glob("templates/centres/workspace_*.html"),
        ROOT / "templates/centres/_audit_table.html",
    ]
    found = [
        str(path.relative_to(ROOT))
        for path in staff
        if re.search(r"SHORT_DATE(TIME)?_FORMAT", path.read_text(encoding="utf-8"))
    ]
    assert not found, f"numeric dates in staff tables: {found}"


def test_the_checks_find_what_they_look_for():
    """The patterns themselves: each catches the forms the portal used to write."""
    assert _template_hits_of('{{ d|date:"j F Y" }}')
    assert _template_hits_of("{{ d|date:'N j, Y' }}")
    assert not _template_hits_of('{{ d|date:"DATE_FORMAT" }}{{ d|date:"c" }}')
    assert PY_DJANGO_FORMAT.search("dateformat.format(start, 'l j F Y, H:i')")
    spec = PY_FSTRING_SPEC.search('f"{obj.starts_at:%d %b %Y}"')["fmt"]
    assert PY_WORDY.search(spec)
    assert not PY_WORDY.search("%Y%m%dT%H%M%SZ")

"""The catalogue gate: every string of the source is translated in every language.

The source is extracted as `make messages` does (Django's makemessages, both the
django and the djangojs domain, with the same ignore list) from a copy of the tree,
so the repository is not touched. The test fails, naming the strings, when a
catalogue lacks a message, leaves it untranslated or marks it fuzzy, and when a
compiled .mo is missing or does not match its .po.
"""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
DOMAINS = ("django", "djangojs")
# The Makefile's MESSAGES_IGNORE, and what a copy of the tree does not need.
IGNORE = [".venv/*", ".data/*", "tests/*", "bench/*", "staticfiles/*"]
NOT_COPIED = {".git", ".venv", ".data", "tests", "bench", "staticfiles", "locale"}
NOT_COPIED |= {"node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
NOT_COPIED |= {"test-results", "media"}
# English is the source language; its catalogue lets the wording be corrected
# without a code change (`make messages` fills it with msgen).
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _label(entry):
    context = f" [context {entry.msgctxt!r}]" if entry.msgctxt else ""
    return f"{entry.msgid!r}{context}"


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def catalogue_problems(po_path: Path, template: polib.POFile) -> list[str]:
    """What `po_path` lacks against the extracted `template`, one line each."""
    if not po_path.exists():
        return [f"{_name(po_path)}: missing"]
    po = polib.pofile(str(po_path))
    have = {_key(e): e for e in po if not e.obsolete}
    problems = []
    for wanted in template:
        entry = have.get(_key(wanted))
        if entry is None:
            problems.append(f"not in the catalogue: {_label(wanted)}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {_label(wanted)}")
        elif not entry.translated():
            problems.append(f"untranslated: {_label(wanted)}")
        elif wanted.msgid_plural and entry.msgid_plural != wanted.msgid_plural:
            problems.append(f"plural changed: {_label(wanted)}")
    return [f"{_name(po_path)}: {p}" for p in problems]


def compiled_problems(po_path: Path, tmp_path: Path) -> list[str]:
    """The committed .mo must hold what its .po compiles to now. (Timestamps
    say little after a git checkout, so the contents are compared.)"""
    mo_path = po_path.with_suffix(".mo")
    name = _name(mo_path)
    if not mo_path.exists():
        return [f"{name}: missing (run make messages)"]
    fresh = tmp_path / f"{po_path.parent.parent.name}-{po_path.stem}.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(po_path)], check=True
    )
    with mo_path.open("rb") as committed, fresh.open("rb") as compiled:
        if (
            gettext.GNUTranslations(committed)._catalog
            != gettext.GNUTranslations(compiled)._catalog
        ):
            return [f"{name}: older than its .po (run make messages)"]
    return []


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """The .pot files of both domains, extracted from a copy of the source."""
    copy = tmp_path_factory.mktemp("source") / "tree"
    shutil.copytree(
        ROOT, copy, ignore=lambda _dir, names: NOT_COPIED.intersection(names)
    )
    (copy / "locale").mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
    ignore = [f"--ignore={pattern}" for pattern in IGNORE]
    for domain in DOMAINS:
        subprocess.run(
            [
                *(sys.executable, "manage.py", "makemessages", "-d", domain),
                *("-l", "en", "--keep-pot", "--no-obsolete", "--verbosity", "0"),
                *ignore,
            ],
            cwd=copy,
            env=env,
            check=True,
        )
    return {d: polib.pofile(str(copy / "locale" / f"{d}.pot")) for d in DOMAINS}


def test_the_source_has_strings_to_translate(templates):
    # A broken extraction (wrong ignore list, wrong directory) finds nothing.
    assert len(templates["django"]) > 1000
    assert any(
        "static/js/" in ref for e in templates["djangojs"] for ref, _ in e.occurrences
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language, templates, tmp_path):
    problems = []
    for domain in DOMAINS:
        po_path = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
        problems += catalogue_problems(po_path, templates[domain])
        if po_path.exists():
            problems += compiled_problems(po_path, tmp_path)
    assert not problems, (
        f"{len(problems)} problem(s); translate them and run `make messages`:\n"
        + "\n".join(problems[:60])
    )


def test_the_gate_names_missing_fuzzy_and_untranslated_strings(tmp_path):
    template = polib.POFile()
    for msgid in ("Events", "Knowledge base", "Newsletter", "Sign in"):
        template.append(polib.POEntry(msgid=msgid))
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Events", msgstr="Veranstaltungen"))
    po.append(polib.POEntry(msgid="Knowledge base", msgstr=""))
    po.append(polib.POEntry(msgid="Newsletter", msgstr="Newsletter", flags=["fuzzy"]))
    path = tmp_path / "django.po"
    po.save(str(path))
    problems = catalogue_problems(path, template)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "untranslated: 'Knowledge base'",
        "fuzzy: 'Newsletter'",
        "not in the catalogue: 'Sign in'",
    ]

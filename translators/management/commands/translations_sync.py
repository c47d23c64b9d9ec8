"""Bring the translation screen's catalogues in step with the deployed image.

In production the screen writes to a volume (P2I_TRANSLATIONS_DIR), which
outlives the image. At each deploy this command takes the image's catalogues
(new strings, the developers' translations) and carries over every message the
screen corrected since the last deploy: a three-way merge against the copy of
the image's catalogue kept at the previous run (`<domain>.po.shipped`).
"""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from translators.catalogues import DOMAINS


def _state(entry):
    if entry is None:
        return None
    return (entry.msgstr, dict(entry.msgstr_plural), "fuzzy" in entry.flags)


def _by_key(po):
    return {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}


def merge(image, corrected, previous) -> int:
    """Copy into `image` what `corrected` changed against `previous`; return the
    number of messages carried over."""
    ours, base = _by_key(corrected), _by_key(previous)
    kept = 0
    for key, entry in _by_key(image).items():
        mine = ours.get(key)
        if mine is None or _state(mine) in (_state(base.get(key)), _state(entry)):
            continue
        entry.msgstr = mine.msgstr
        entry.msgstr_plural = dict(mine.msgstr_plural)
        if "fuzzy" in mine.flags and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        elif "fuzzy" not in mine.flags and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        kept += 1
    return kept


class Command(BaseCommand):
    help = (
        "Update the translation screen's catalogues (P2I_TRANSLATIONS_DIR) from "
        "the shipped ones, keeping corrections made on the screen."
    )

    def handle(self, *args, **options):
        shipped_root = Path(settings.BASE_DIR) / "locale"
        target_root = Path(settings.TRANSLATIONS_DIR)
        if target_root.resolve() == shipped_root.resolve():
            self.stdout.write("The screen edits the shipped catalogues; nothing to do.")
            return
        width = settings.ROSETTA_POFILE_WRAP_WIDTH
        for language, _name in settings.LANGUAGES:
            for domain in DOMAINS:
                shipped = shipped_root / language / "LC_MESSAGES" / f"{domain}.po"
                if not shipped.exists():
                    continue
                target = target_root / language / "LC_MESSAGES" / f"{domain}.po"
                previous = target.with_name(f"{domain}.po.shipped")
                target.parent.mkdir(parents=True, exist_ok=True)
                image = polib.pofile(str(shipped), wrapwidth=width)
                kept = 0
                if target.exists() and previous.exists():
                    kept = merge(
                        image, polib.pofile(str(target)), polib.pofile(str(previous))
                    )
                image.save(str(target))
                image.save_as_mofile(str(target.with_suffix(".mo")))
                shutil.copyfile(shipped, previous)
                self.stdout.write(
                    f"{language}/{domain}: {kept} correction(s) kept"
                    if kept
                    else f"{language}/{domain}: up to date"
                )

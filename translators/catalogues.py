"""The catalogues the translation screen edits: the project's own, nothing else.

They live in settings.TRANSLATIONS_DIR: the repository's locale/ in development,
a volume in production that `manage.py translations_sync` keeps in step with the
catalogues of the deployed image (README, "Correcting translations").
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

DOMAINS = ("django", "djangojs")


def catalogue_paths(language: str) -> list[Path]:
    """The catalogues of one language, by index as the screen's addresses use it:
    0 the pages and e-mails, 1 the scripts."""
    base = Path(settings.TRANSLATIONS_DIR) / language / "LC_MESSAGES"
    return [base / f"{domain}.po" for domain in DOMAINS]


@dataclass
class Catalogue:
    language: str
    language_name: str
    index: int
    domain: str
    path: Path
    total: int
    translated: int
    fuzzy: int

    @property
    def untranslated(self) -> int:
        return self.total - self.translated


def catalogues_for(languages: list[str]) -> list[Catalogue]:
    names = dict(settings.LANGUAGES)
    found = []
    for language in languages:
        for index, path in enumerate(catalogue_paths(language)):
            if not path.exists():
                continue
            po = polib.pofile(str(path))
            entries = [e for e in po if not e.obsolete]
            found.append(
                Catalogue(
                    language=language,
                    language_name=names[language],
                    index=index,
                    domain=DOMAINS[index],
                    path=path,
                    total=len(entries),
                    translated=len(po.translated_entries()),
                    fuzzy=len([e for e in entries if "fuzzy" in e.flags]),
                )
            )
    return found

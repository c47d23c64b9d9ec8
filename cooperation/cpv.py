"""The Common Procurement Vocabulary (CPV 2008): code validation and the labels
of its divisions and groups, read once from the data files in cooperation/data/.

A code is eight digits, a hyphen and a check digit (`45233140-2`). The check
digit is the last digit of the sum of the eight digits weighted 3, 7, 1, 3, 7,
1, 3, 7, shifted by a constant in a few parts of the vocabulary that were
renumbered (data/cpv_check_offsets.yaml). tests/cooperation/test_cpv.py
verifies the rule against published codes.
"""

import re
from functools import cache
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data"
CODE_RE = re.compile(r"^\d{8}-\d$")
WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7)
MAX_CODES = 20


@cache
def _offsets() -> dict[str, int]:
    with (DATA / "cpv_check_offsets.yaml").open(encoding="utf-8") as stream:
        return {str(k): int(v) for k, v in yaml.safe_load(stream).items()}


def check_digit(digits: str) -> int:
    """The check digit of eight CPV digits."""
    weighted = sum(w * int(d) for w, d in zip(WEIGHTS, digits, strict=True))
    offsets = _offsets()
    prefix = next((digits[:n] for n in range(8, 1, -1) if digits[:n] in offsets), None)
    return (weighted + (offsets[prefix] if prefix else 0)) % 10


@cache
def _divisions() -> dict[str, dict[str, str]]:
    with (DATA / "cpv_divisions.yaml").open(encoding="utf-8") as stream:
        return {str(k): v for k, v in yaml.safe_load(stream).items()}


@cache
def _groups() -> dict[str, dict[str, str]]:
    with (DATA / "cpv_groups.yaml").open(encoding="utf-8") as stream:
        return {str(k): v for k, v in yaml.safe_load(stream).items()}


def _in_language(labels: dict[str, str], language: str | None) -> str:
    language = (language or translation.get_language() or "en")[:2]
    return labels.get(language) or labels["en"]


def division_codes() -> list[str]:
    return sorted(_divisions())


def division_label(division: str, language: str | None = None) -> str:
    """The division's label in `language` (the active one), else in English."""
    labels = _divisions().get(division)
    return _in_language(labels, language) if labels else ""


def division_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} – {division_label(code)}") for code in division_codes()]


def group_label(group: str, language: str | None = None) -> str:
    """The group's label in `language` (the active one), else in English; a
    group that is not listed gets its division's label."""
    labels = _groups().get(group)
    return (
        _in_language(labels, language)
        if labels
        else division_label(group[:2], language)
    )


def group_codes() -> list[str]:
    return sorted(_groups())


def full_code(prefix: str) -> str:
    """`45200000-9` for the prefix `452`: the code of a division or group."""
    digits = prefix.ljust(8, "0")
    return f"{digits}-{check_digit(digits)}"


def validate_code(code: str) -> str:
    """The code, stripped, or ValidationError saying what is wrong with it."""
    code = (code or "").strip()
    if not CODE_RE.match(code):
        raise ValidationError(
            _(
                "“%(code)s” is not a CPV code: write eight digits, a hyphen and a check digit, as in 45233140-2."
            )
            % {"code": code[:20]}
        )
    digits, given = code[:8], int(code[9])
    if check_digit(digits) != given:
        raise ValidationError(
            _("The check digit of “%(code)s” is wrong: did you mean %(right)s?")
            % {"code": code, "right": f"{digits}-{check_digit(digits)}"}
        )
    if digits[:2] not in _divisions():
        raise ValidationError(
            _("“%(code)s” is not in the CPV: no division starts with %(division)s.")
            % {"code": code, "division": digits[:2]}
        )
    return code


def parse_codes(text) -> list[str]:
    """Codes from a text with commas, spaces or new lines between them, or from
    a list; every wrong code gets its own message (ValidationError with all of
    them), duplicates are dropped, the order is kept."""
    items = text if isinstance(text, list | tuple) else re.split(r"[\s,;]+", text or "")
    codes, errors = [], []
    for item in items:
        item = str(item).strip()
        if not item:
            continue
        try:
            code = validate_code(item)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        if code not in codes:
            codes.append(code)
    if errors:
        raise ValidationError(errors)
    if not codes:
        raise ValidationError(_("Give at least one CPV code."))
    if len(codes) > MAX_CODES:
        raise ValidationError(_("Give at most %(n)d CPV codes.") % {"n": MAX_CODES})
    return codes


def groups_of(codes) -> list[str]:
    return sorted({c[:3] for c in codes})


def divisions_of(codes) -> list[str]:
    return sorted({c[:2] for c in codes})

"""CPV codes: the check digit against published codes, the messages for wrong
codes, and the labels shipped as data."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cooperation import cpv

# Codes of CPV 2008 as published (Regulation (EC) No 213/2008).
KNOWN = [
    "03000000-1", "09000000-3", "30000000-9", "33000000-0", "34000000-7",
    "45000000-7", "48000000-8", "72000000-5", "79000000-4", "90000000-7",
    "45233140-2", "45316110-9", "72212000-4", "79341000-6", "30213100-6",
    "03221111-7", "15131134-3", "14212320-9", "85100000-0", "34121000-1",
    # Parts renumbered from an earlier version, with shifted check digits.
    "09300000-2", "09310000-5", "09132000-3", "09134100-8", "03310000-5",
    "03333000-4", "03410000-7", "51000000-9",
]  # fmt: skip


@pytest.mark.parametrize("code", KNOWN)
def test_the_check_digit_of_published_codes_is_accepted(code):
    assert cpv.check_digit(code[:8]) == int(code[9])
    assert cpv.validate_code(code) == code


def test_a_wrong_check_digit_names_the_right_code():
    with pytest.raises(ValidationError) as exc:
        cpv.validate_code("45000000-1")
    assert "45000000-7" in exc.value.messages[0]


@pytest.mark.parametrize(
    "code", ["4500000-7", "45000000", "45000000-", "4500000a-7", ""]
)
def test_a_malformed_code_is_refused_with_the_format(code):
    with pytest.raises(ValidationError) as exc:
        cpv.validate_code(code)
    assert "eight digits" in exc.value.messages[0]


def test_a_code_outside_every_division_is_refused():
    digits = "99000000"
    with pytest.raises(ValidationError) as exc:
        cpv.validate_code(f"{digits}-{cpv.check_digit(digits)}")
    assert "no division" in exc.value.messages[0]


def test_every_wrong_code_gets_its_own_message_and_duplicates_go():
    with pytest.raises(ValidationError) as exc:
        cpv.parse_codes("45000000-7, 45000000-1\n1234")
    assert len(exc.value.messages) == 2
    assert cpv.parse_codes("72000000-5, 45000000-7 72000000-5") == [
        "72000000-5",
        "45000000-7",
    ]
    with pytest.raises(ValidationError):
        cpv.parse_codes("  ")


def test_the_data_has_the_45_divisions_and_groups_within_them():
    divisions = cpv.division_codes()
    assert len(divisions) == 45
    assert {"03", "45", "72", "98"} <= set(divisions)
    groups = cpv.group_codes()
    assert len(groups) > 250
    assert all(g[:2] in divisions for g in groups)
    assert cpv.group_label("453") == "Building installation work"
    assert cpv.group_label("450") == cpv.division_label("45") == "Construction work"
    assert cpv.full_code("452") == "45200000-9"


def test_division_labels_are_in_every_language_else_english():
    with translation.override("de"):
        assert cpv.division_label("45") == "Bauarbeiten"
    for language in ("nl", "es", "sv", "et", "el", "it", "pt", "fi", "lt"):
        for code in cpv.division_codes():
            assert cpv.division_label(code, language) != cpv.division_label(code, "en")
    with translation.override("fr"):
        assert cpv.division_label("72").startswith("IT services")


def test_group_labels_are_in_every_language_else_english():
    with translation.override("de"):
        german = cpv.group_label("453")
    assert german and german != "Building installation work"
    for language in ("de", "nl", "es", "sv", "et", "el", "it", "pt", "fi", "lt"):
        labels = [cpv.group_label(code, language) for code in cpv.group_codes()]
        english = [cpv.group_label(code, "en") for code in cpv.group_codes()]
        assert all(labels), language
        # A handful of terms are the same words in some languages; the rest
        # must be translated.
        same = sum(a == b for a, b in zip(labels, english, strict=True))
        assert same <= 5, (language, same)
    with translation.override("fr"):
        assert cpv.group_label("453") == "Building installation work"
    # A group that is not listed is labelled by its division, in the language.
    assert cpv.group_label("450", "de") == cpv.division_label("45", "de")

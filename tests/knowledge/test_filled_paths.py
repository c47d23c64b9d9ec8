"""filled_path (p2i_portal/paths.py) gives what reverse() gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from p2i_portal.paths import filled_path

ROUTES = [
    ("knowledge:resource-detail", {"centre_slug": "vng", "slug": "a-guide_2"}),
    ("knowledge:resource-detail", {"centre_slug": "A-b", "slug": "x"}),
    ("knowledge:attachment-download", {"centre_slug": "c", "slug": "s", "pk": 7}),
    ("api:resource-detail", {"pk": 123456}),
    ("centres:detail", {"slug": "koinno"}),
]


@pytest.fixture
def prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("script_prefix", ["/", "/portal/"])
@pytest.mark.parametrize(("name", "kwargs"), ROUTES)
def test_the_same_path_as_reverse(prefix, script_prefix, name, kwargs):
    prefix(script_prefix)
    assert filled_path(name, **kwargs) == reverse(name, kwargs=kwargs)
    assert filled_path(name, **kwargs).startswith(script_prefix)


def test_values_that_are_not_plain_go_through_reverse():
    # A slug route refuses what is not a slug, as reverse() does.
    with pytest.raises(NoReverseMatch):
        filled_path("knowledge:resource-detail", centre_slug="a b", slug="x")
    with pytest.raises(NoReverseMatch):
        filled_path("api:resource-detail", pk="12/13")
    # Values reverse() would take, but a placeholder could not stand for: the
    # number route with a slug, refused the same way.
    with pytest.raises(NoReverseMatch):
        filled_path("api:resource-detail", pk="abc")


def test_a_word_where_a_route_takes_any_text_is_filled_in_as_reverse_does():
    # centres' detail takes a slug: a word is filled in; a number is a slug too.
    assert filled_path("centres:detail", slug="123") == reverse(
        "centres:detail", kwargs={"slug": "123"}
    )

"""Who reaches the translation screen, beyond the permission matrix's personas:
managers and the coordinator without two-factor sign-in, and translators of
German with and without it, asking for German and for Greek. Only GETs: nothing
here writes a catalogue (tests/i18n/test_translation_screen.py does, on a copy).
"""

import pytest
from django.urls import reverse

from tests.conftest import with_totp
from tests.factories import UserFactory, membership_create
from translators.models import Translator

pytestmark = pytest.mark.django_db

LOGIN, MFA, OK, DENIED = "login", "2fa", 200, 403


def _form(language, index=0, download=False):
    name = "rosetta-download-file" if download else "rosetta-form"
    return reverse(
        name, kwargs={"po_filter": "project", "lang_id": language, "idx": index}
    )


ROUTES = {
    "index": lambda: reverse("translators:index"),
    "manage": lambda: reverse("translators:manage"),
    "form_de": lambda: _form("de"),
    "form_de_js": lambda: _form("de", 1),
    "form_el": lambda: _form("el"),
    "download_de": lambda: _form("de", download=True),
    "download_el": lambda: _form("el", download=True),
}

# persona → {route: expected}; every route is listed for every persona.
EXPECT = {
    "anonymous": dict.fromkeys(ROUTES, LOGIN),
    "procurer": dict.fromkeys(ROUTES, DENIED),
    "editor": dict.fromkeys(ROUTES, DENIED),
    "manager": dict.fromkeys(ROUTES, DENIED),
    "manager_no_2fa": dict.fromkeys(ROUTES, MFA),
    "coordinator": dict.fromkeys(ROUTES, OK),
    "coordinator_no_2fa": dict.fromkeys(ROUTES, MFA),
    "translator_de": {
        "index": OK,
        "manage": DENIED,
        "form_de": OK,
        "form_de_js": OK,
        "form_el": DENIED,
        "download_de": OK,
        "download_el": DENIED,
    },
    "translator_de_no_2fa": dict.fromkeys(ROUTES, MFA),
}


def _persona(name, centre):
    if name == "anonymous":
        return None
    user = UserFactory(email=f"{name.replace('_', '-')}@example.org")
    if name.startswith("coordinator"):
        user.is_coordinator = True
        user.save(update_fields=["is_coordinator"])
    elif name.startswith("manager"):
        membership_create(centre=centre, user=user, role="manager")
    elif name in ("editor", "translator_de", "translator_de_no_2fa"):
        membership_create(centre=centre, user=user)
    if name.startswith("translator"):
        Translator.objects.create(user=user, language="de")
    if name in ("manager", "coordinator", "translator_de"):
        with_totp(user)
    return user


@pytest.mark.parametrize(
    ("persona", "route"),
    [(p, r) for p, routes in EXPECT.items() for r in routes],
)
def test_translation_screen_answers_as_expected(client, centre, persona, route):
    user = _persona(persona, centre)
    if user is not None:
        client.force_login(user)
    response = client.get(ROUTES[route]())
    expected = EXPECT[persona][route]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif expected == MFA:
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    else:
        assert response.status_code == expected, (persona, route)


def test_naming_makes_two_factor_required_and_locks_until_it_is_on(centre):
    """A translator changes text every page shows, so the one rule of
    User.privileges_locked applies to her as to a manager."""
    user = UserFactory(email="soon-translator@example.org")
    membership_create(centre=centre, user=user)
    assert not user.requires_mfa
    Translator.objects.create(user=user, language="de")
    user.forget_privileges()
    assert user.requires_mfa and user.privileges_locked
    with_totp(user)
    user.forget_privileges()
    assert not user.privileges_locked

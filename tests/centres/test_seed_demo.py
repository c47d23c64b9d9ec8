"""`seed_demo` loads the real network and can run any number of times."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django_scopes import scopes_disabled

from accounts.models import User
from centres.demo_network import DEMO_PASSWORD, USERS
from centres.models import Centre, Membership

pytestmark = pytest.mark.django_db


def snapshot():
    with scopes_disabled():
        return (
            sorted(
                Centre.objects.values_list(
                    "slug", "status", "kind", "country", "buddy__slug"
                )
            ),
            sorted(
                Membership.objects.values_list("centre__slug", "user__email", "role")
            ),
            User.objects.count(),
            EmailAddress.objects.count(),
        )


def test_seed_demo_is_idempotent_and_matches_the_network():
    call_command("seed_demo", quiet=True)
    first = snapshot()
    call_command("seed_demo", quiet=True)
    assert snapshot() == first

    by_status = {}
    for centre in Centre.objects.of_kind(Centre.Kind.NATIONAL):
        by_status.setdefault(centre.status, set()).add(centre.country.code)
    assert by_status == {
        "existing": {"AT", "DE", "NL", "ES", "SE"},
        "new": {"EE", "GR", "IE", "IT", "PT"},
        "associate": {"FI", "LT"},
    }
    assert set(
        Centre.objects.of_kind(Centre.Kind.PROJECT).values_list("short_name", flat=True)
    ) == {
        "PROCEDIN",
        "BUILD",
        "Health InnoFacilitator",
    }
    # Every new centre has an existing buddy.
    for centre in Centre.objects.filter(status="new"):
        assert centre.buddy is not None and centre.buddy.status == "existing"
    assert Centre.objects.get(is_coordinating=True).slug == "koinno"
    assert User.objects.get(email="coordinator@p2i.example.eu").is_coordinator


def test_seed_demo_restores_a_changed_centre():
    call_command("seed_demo", quiet=True)
    Centre.objects.filter(slug="pianoo").update(status="new", name="Changed")
    call_command("seed_demo", quiet=True)
    pianoo = Centre.objects.get(slug="pianoo")
    assert (pianoo.status, pianoo.name.startswith("PIANOo")) == ("existing", True)


def test_seed_demo_ends_with_the_demo_sign_ins():
    out = StringIO()
    call_command("seed_demo", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines[-len(USERS) - 1] == (
        "Sign in at http://127.0.0.1:8000/accounts/login/ "
        f"(password for all: {DEMO_PASSWORD}):"
    )
    assert [line.split()[0] for line in lines[-len(USERS) :]] == [
        user["email"] for user in USERS
    ]
    assert "manager of KOINNO  [2FA: make totp" in out.getvalue()

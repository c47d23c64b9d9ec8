"""Every route × every persona: who gets what. A route missing here fails the suite.

Personas (DESIGN.md): anonymous, a signed-in procurer, editor A, manager A, editor B
(of *another* centre), and the coordinator. Objects: A's own, B's (other), public.
Another centre's workspace or object answers 404, never 403.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django_scopes import scopes_disabled

from centres import services
from centres.models import Invitation, Membership
from tests.conftest import (
    make_centre,
    make_coordinator,
    make_editor,
    make_editor_b,
    make_manager,
    make_other_centre,
    make_outsider,
    make_procurer,
)
from tests.factories import UserFactory, membership_create

PERSONAS = ["anonymous", "procurer", "editor_a", "manager_a", "editor_b", "coordinator"]


def walk_routes(patterns=None, namespace=None, prefix=""):
    """(key, pattern) for every URL pattern; key = namespaced name, or the pattern."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk_routes(p.url_patterns, full_ns, prefix + str(p.pattern))
        else:
            pattern = prefix + str(p.pattern)
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield name, pattern


def route_keys():
    seen, keys = {}, []
    for name, pattern in walk_routes():
        seen.setdefault(name, []).append(pattern)
    for name, patterns in seen.items():
        if name and len(patterns) == 1:
            keys.append(name)
        else:
            keys.extend(f"{name or '-'} {p}" for p in patterns)
    return set(keys)


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


def signed_in(status, anonymous=302):
    return {**everyone(status), "anonymous": anonymous}


def workspace(editor, manager=None):
    """Workspace page of centre A: outsiders 404, own editor `editor`, manager `manager`."""
    manager = editor if manager is None else manager
    return {
        "anonymous": 302,
        "procurer": 404,
        "editor_a": editor,
        "manager_a": manager,
        "editor_b": 404,
        "coordinator": manager,
    }


@dataclass
class Check:
    url: str  # format() with the world's values
    expect: dict
    method: str = "get"
    data: dict = field(default_factory=dict)


# Each key maps to one or more checks (own object, other centre's object, missing).
MATRIX = {
    "home": [Check("/en/", everyone(200))],
    "about": [Check("/en/about/", everyone(200))],
    "task-force": [Check("/en/task-force/", everyone(200))],
    "accessibility": [Check("/en/accessibility/", everyone(200))],
    "healthz": [Check("/healthz", everyone(200))],
    "set_language": [
        Check("/i18n/setlang/", everyone(302), "post", {"language": "de", "next": "/"})
    ],
    "javascript-catalog": [
        Check("/i18n/js/de/", everyone(200)),
        Check("/i18n/js/xx/", everyone(404)),
    ],
    "centres:list": [
        Check("/en/centres/", everyone(200)),
        Check("/en/centres/?status=bogus&country=ZZZ&service=%00", everyone(200)),
    ],
    "centres:detail": [
        Check("/en/centres/alpha/", everyone(200)),
        Check("/en/centres/beta/", everyone(200)),
        Check("/en/centres/no-such-centre/", everyone(404)),
    ],
    "centres:invitation-accept": [
        Check("/en/centres/invitations/{token}/", everyone(200)),
        Check("/en/centres/invitations/forged-token/", everyone(404)),
        Check("/en/centres/invitations/{token}/", signed_in(302), "post"),
    ],
    # One workspace: straight into it; none (procurer) or all (coordinator): a list.
    "manage:index": [
        Check(
            "/manage/",
            {**signed_in(302), "procurer": 200, "coordinator": 200},
        )
    ],
    "manage:dashboard": [
        Check("/manage/alpha/", workspace(200)),
        Check("/manage/no-such-centre/", {**signed_in(404), "anonymous": 302}),
    ],
    "manage:activity": [Check("/manage/alpha/activity/", workspace(200))],
    "manage:profile": [
        Check("/manage/alpha/profile/", workspace(403, 200)),
        Check("/manage/alpha/profile/", workspace(403, 200), "post", {"name": ""}),
    ],
    "manage:team": [Check("/manage/alpha/team/", workspace(403, 200))],
    "manage:member-remove": [
        Check(
            "/manage/alpha/team/{editor_a_membership}/remove/",
            workspace(403, 302),
            "post",
        ),
        # B's membership smuggled into A's URL: not found, even for A's manager.
        Check(
            "/manage/alpha/team/{editor_b_membership}/remove/",
            workspace(403, 404),
            "post",
        ),
    ],
    "manage:member-role": [
        Check(
            "/manage/alpha/team/{editor_a_membership}/role/",
            workspace(403, 302),
            "post",
            {"role": "manager"},
        ),
        Check(
            "/manage/alpha/team/{editor_b_membership}/role/",
            workspace(403, 404),
            "post",
            {"role": "manager"},
        ),
    ],
    "manage:invitation-revoke": [
        Check(
            "/manage/alpha/invitations/{invitation_a}/revoke/",
            workspace(403, 302),
            "post",
        ),
        Check(
            "/manage/alpha/invitations/{invitation_b}/revoke/",
            workspace(403, 404),
            "post",
        ),
    ],
    "accounts:profile": [Check("/accounts/profile/", signed_in(200))],
    # The new key is shown on the answer itself, once.
    "accounts:token": [
        Check("/accounts/profile/token/", signed_in(200), "post"),
        Check("/accounts/profile/token/", signed_in(405)),
    ],
    # allauth: entrance pages for visitors, account pages for signed-in people.
    "account_login": [Check("/accounts/login/", {**signed_in(302), "anonymous": 200})],
    "account_signup": [
        Check("/accounts/signup/", {**signed_in(302), "anonymous": 200})
    ],
    "account_logout": [Check("/accounts/logout/", signed_in(200))],
    "account_inactive": [Check("/accounts/inactive/", everyone(200))],
    "account_reauthenticate": [Check("/accounts/reauthenticate/", signed_in(200))],
    # Re-authentication by a mailed code (allauth 65.22): the confirm step sends
    # back to the request step until a code was asked for.
    "account_request_reauthentication_code": [
        Check("/accounts/reauthenticate/code/", signed_in(200))
    ],
    "account_confirm_reauthentication_code": [
        Check("/accounts/reauthenticate/code/confirm/", signed_in(302))
    ],
    "account_email": [Check("/accounts/email/", signed_in(200))],
    "account_email_verification_sent": [
        Check("/accounts/confirm-email/", everyone(200))
    ],
    "account_change_password": [Check("/accounts/password/change/", signed_in(200))],
    "account_set_password": [Check("/accounts/password/set/", signed_in(302))],
    "account_reset_password": [Check("/accounts/password/reset/", everyone(200))],
    "account_confirm_login_code": [
        Check("/accounts/login/code/confirm/", everyone(302))
    ],
    "account_confirm_email": [
        Check("/accounts/confirm-email/forged-key/", everyone(200))
    ],
    "account_reset_password_from_key_done": [
        Check("/accounts/password/reset/key/done/", everyone(200))
    ],
    "account_reset_password_from_key": [
        Check("/accounts/password/reset/key/1-forged-key/", everyone(200))
    ],
    "account_reset_password_done": [
        Check("/accounts/password/reset/done/", everyone(200))
    ],
    "mfa_index": [Check("/accounts/2fa/", signed_in(200))],
    "mfa_authenticate": [Check("/accounts/2fa/authenticate/", everyone(302))],
    "mfa_reauthenticate": [
        Check(
            "/accounts/2fa/reauthenticate/",
            {
                "anonymous": 302,
                "procurer": 302,
                "editor_a": 302,
                "editor_b": 302,
                "manager_a": 200,
                "coordinator": 200,
            },
        )
    ],
    "mfa_activate_totp": [
        Check(
            "/accounts/2fa/totp/activate/",
            # Adding an authenticator needs a fresh password check (allauth):
            # people without one are sent to re-authenticate, those with one away.
            signed_in(302),
        )
    ],
    "mfa_deactivate_totp": [
        Check(
            "/accounts/2fa/totp/deactivate/",
            # No TOTP: nothing to remove; with TOTP: re-authenticate first.
            {
                "anonymous": 302,
                "procurer": 404,
                "editor_a": 404,
                "editor_b": 404,
                "manager_a": 302,
                "coordinator": 302,
            },
        )
    ],
    "mfa_view_recovery_codes": [
        Check(
            "/accounts/2fa/recovery-codes/",
            {**signed_in(404), "manager_a": 404, "coordinator": 404},
        )
    ],
    "mfa_generate_recovery_codes": [
        Check(
            "/accounts/2fa/recovery-codes/generate/",
            signed_in(302),
        )
    ],
    "mfa_download_recovery_codes": [
        Check("/accounts/2fa/recovery-codes/download/", signed_in(404))
    ],
    # API: public reads; writes arrive with their own issues.
    "api:api-root api/v1/": [Check("/api/v1/", everyone(200))],
    "api:api-root api/v1/<drf_format_suffix:format>": [
        Check("/api/v1/.json", everyone(200))
    ],
    "api:centre-list api/v1/^centres/$": [
        Check("/api/v1/centres/", everyone(200)),
        Check("/api/v1/centres/", everyone(405), "post", {"name": "x"}),
    ],
    "api:centre-list api/v1/^centres\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/centres.json", everyone(200))
    ],
    "api:centre-detail api/v1/^centres/(?P<slug>[^/.]+)/$": [
        Check("/api/v1/centres/alpha/", everyone(200)),
        Check("/api/v1/centres/no-such-centre/", everyone(404)),
        Check("/api/v1/centres/alpha/", everyone(405), "delete"),
    ],
    "api:centre-detail api/v1/^centres/(?P<slug>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/centres/alpha.json", everyone(200))
    ],
    "api:schema": [Check("/api/v1/schema/", everyone(200))],
    "api:docs": [Check("/api/v1/docs/", everyone(200))],
    "api:redoc": [Check("/api/v1/redoc/", everyone(200))],
    "api:not-found": [
        Check("/api/v1/no-such-endpoint/", everyone(404)),
        Check("/api/v1/events/1/no-such-action/", everyone(404), "post"),
    ],
    "media": [
        Check("/media/centres/logos/missing.png", everyone(404)),
        Check("/media/partners/logos/missing.png", everyone(404)),
    ],
}


def _load_app_matrices():
    """Apps add their routes in tests/security/matrix_<app>.py (ENTRIES and, if they
    need objects, a `world(values, users)` hook that adds URL values)."""
    import importlib
    import pkgutil

    import tests.security as pkg

    modules = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("matrix_"):
            module = importlib.import_module(f"tests.security.{info.name}")
            overlap = set(module.ENTRIES) & set(MATRIX)
            assert not overlap, f"{info.name} redefines {overlap}"
            MATRIX.update(module.ENTRIES)
            modules.append(module)
    return modules


APP_MATRICES = _load_app_matrices()

# The Django admin: the coordinator (with 2FA) alone; every other persona is sent
# to allauth's sign-in (anonymous) or refused (signed in), never shown a page.
# Models made only by their owners' own forms: the admin adds none.
ADMIN_NO_ADD = {"cooperation_profile"}
ADMIN_MODELS = {
    "accounts_user": "{editor_a_id}",
    "accounts_outboundemail": None,
    "centres_centre": "{centre_a_id}",
    "centres_invitation": "{invitation_a}",
    "centres_auditentry": None,
    "account_emailaddress": None,
    "mfa_authenticator": None,
    "knowledge_resource": "{api_public_a}",
    "newsletters_subscriber": "{nl_subscriber}",
    "newsletters_issue": "{nl_issue}",
    "newsletters_delivery": None,
    "newsletters_suppression": None,
    "newsletters_bounceevent": None,
    "network_partner": None,
    "network_projectidentity": "1",
    "cooperation_challenge": None,
    "cooperation_profile": None,
    "communities_community": None,
    "communities_taskforceapplication": None,
    "cooperation_procurementplan": None,
    "cooperation_planinterest": None,
    "cooperation_jointinitiative": None,
}


def admin_checks(key: str, pattern: str) -> list[Check]:
    """Checks for one admin route; coordinator statuses per kind of page."""
    name = key.split(" ")[0]
    short = name.removeprefix("admin:")

    def coord(status):
        return {**everyone("refused"), "coordinator": status}

    simple = {
        "index": ("/admin/", 200),
        "login": ("/admin/login/", 302),
        "logout": ("/admin/logout/", 405),
        "password_change": ("/admin/password_change/", 200),
        "password_change_done": ("/admin/password_change/done/", 200),
        "autocomplete": ("/admin/autocomplete/", 403),
        "jsi18n": ("/admin/jsi18n/", 200),
        "view_on_site": ("/admin/r/{centre_ct}/{centre_a_id}/", 302),
        "app_list": ("/admin/centres/", 200),
    }
    if short in simple:
        url, status = simple[short]
        return [Check(url, coord(status))]
    if name == "-":  # the catch-all and the bare object URLs redirect
        if "(?P<url>" in pattern:
            return [Check("/admin/no-such-page/", coord(404))]
        model_path = pattern.removeprefix("admin/").split("/<path")[0]
        return [Check(f"/admin/{model_path}/{{centre_a_id}}/", coord(302))]
    if short == "auth_user_password_change":
        return [Check("/admin/accounts/user/{editor_a_id}/password/", coord(200))]
    for model, obj in ADMIN_MODELS.items():
        app, _, model_name = model.partition("_")
        base = f"/admin/{app}/{model_name}/"
        if short == f"{model}_changelist":
            return [Check(base, coord(200))]
        if short == f"{model}_add":
            return [Check(base + "add/", coord(403 if model in ADMIN_NO_ADD else 200))]
        for suffix in ("change", "history", "delete"):
            if short == f"{model}_{suffix}":
                target = obj or "999999"
                expected = (
                    200 if obj else 302
                )  # a missing object redirects to the index
                return [Check(f"{base}{target}/{suffix}/", coord(expected))]
    raise AssertionError(f"admin route without a rule: {key}")


def all_checks():
    checks = []
    for key in sorted(route_keys()):
        if key.startswith("admin:") or key.startswith("- admin/"):
            pattern = key.split(" ", 1)[1] if " " in key else ""
            entries = admin_checks(key, pattern)
        else:
            entries = MATRIX.get(key, [])
        for i, check in enumerate(entries):
            checks.extend(
                pytest.param(key, check, p, id=f"{key}#{i}-{p}") for p in PERSONAS
            )
    return checks


def test_every_route_has_an_entry_in_the_matrix():
    keys = route_keys()
    non_admin = {
        k for k in keys if not (k.startswith("admin:") or k.startswith("- admin/"))
    }
    missing = sorted(non_admin - set(MATRIX))
    stale = sorted(set(MATRIX) - non_admin)
    assert not missing, f"routes with no permission-matrix entry: {missing}"
    assert not stale, f"matrix entries for routes that no longer exist: {stale}"
    for key in keys - non_admin:
        pattern = key.split(" ", 1)[1] if " " in key else ""
        assert admin_checks(key, pattern)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The objects every route is asked about, built once per module (per test
    worker) in a transaction rolled back at its end: each test runs in a savepoint
    inside it (pytest-django's own), so what one request changes never reaches
    the next test. Building them for each of the ~2 600 checks cost half the
    suite's time."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with scopes_disabled():
                built = _build_world()
            yield built  # the tests themselves run with the scope checks on
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build_world():
    from django.contrib.contenttypes.models import ContentType

    centre, other_centre = make_centre(), make_other_centre()
    editor, manager = make_editor(centre), make_manager(centre)
    editor_b, outsider = make_editor_b(other_centre), make_outsider(other_centre)
    coordinator, procurer = make_coordinator(), make_procurer()
    invitation_a = services.centre_member_add(
        centre=centre, email="invitee@example.org", role="editor", by=manager
    )
    services.centre_member_add(
        centre=other_centre, email="other@example.org", role="editor", by=outsider
    )
    # A known token for the invitation link.
    token, token_hash = Invitation.new_token()
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation_a.pk).update(token_hash=token_hash)
        invitation_b = Invitation.objects.get(centre=other_centre)
        extra = UserFactory(email="extra-a@example.org")
        membership_create(centre=centre, user=extra)
        values = {
            "token": token,
            "invitation_a": invitation_a.pk,
            "invitation_b": invitation_b.pk,
            "editor_a_membership": Membership.objects.get(user=editor).pk,
            "editor_b_membership": Membership.objects.get(user=editor_b).pk,
            "editor_a_id": editor.pk,
            "centre_a_id": centre.pk,
            "centre_ct": ContentType.objects.get_for_model(centre).pk,
        }
        people = {
            "centre": centre,
            "other_centre": other_centre,
            "editor": editor,
            "manager": manager,
            "editor_b": editor_b,
            "outsider": outsider,
            "coordinator": coordinator,
            "procurer": procurer,
        }
        for module in APP_MATRICES:
            if hasattr(module, "world"):
                module.world(values, people)  # adds e.g. {"resource_a": pk}
    users = {
        "anonymous": None,
        "procurer": procurer,
        "editor_a": editor,
        "manager_a": manager,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }
    return values, users


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "check", "persona"), all_checks())
def test_route_answers_persona_as_the_matrix_says(client, world, key, check, persona):
    values, users = world
    if users[persona] is not None:
        client.force_login(users[persona])
    url = check.url.format(**values)
    send = {}
    if url.startswith("/api/") and check.method == "post":
        # The API parses JSON only (PUT and PATCH send no JSON on purpose:
        # their 415 proves that the guard runs before the body is read).
        send["content_type"] = "application/json"
    response = getattr(client, check.method)(url, check.data, **send)
    expected = check.expect[persona]
    if expected == "refused":
        # Anonymous: sent to allauth's sign-in; signed in: refused outright.
        assert response.status_code in (302, 403), (url, response.status_code)
        final = getattr(client, check.method)(url, check.data, follow=True, **send)
        if persona == "anonymous":
            assert final.redirect_chain, url
            assert final.redirect_chain[-1][0].startswith("/accounts/login/"), (
                final.redirect_chain
            )
        else:
            assert final.status_code == 403, (
                url,
                final.status_code,
                final.redirect_chain,
            )
        return
    assert response.status_code == expected, (
        f"{check.method.upper()} {url} as {persona}: "
        f"expected {expected}, got {response.status_code}"
    )
    if expected == 302 and persona == "anonymous" and key.startswith("manage:"):
        assert response["Location"].startswith("/accounts/login/")


def old_address_checks():
    """The first GET of every route under the language prefix, once per persona;
    not the feeds and calendars, whose old addresses answer themselves (their
    "<app>-neutral:" entries above)."""
    params = []
    for key, checks in sorted(MATRIX.items()):
        if key.replace(":", "-neutral:", 1) in MATRIX:
            continue
        first = next(
            (c for c in checks if c.method == "get" and c.url.startswith("/en/")),
            None,
        )
        if first is not None:
            params.extend(
                pytest.param(key, first, p, id=f"{key}-old-{p}") for p in PERSONAS
            )
    return params


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "check", "persona"), old_address_checks())
def test_old_address_redirects_everyone_to_the_language_version(
    client, world, key, check, persona
):
    """The address from before the language prefix sends every persona to the
    version in her language (here the cookie's), query string kept, and decides
    nothing else: what the page then answers is the matrix above."""
    values, users = world
    if users[persona] is not None:
        client.force_login(users[persona])
    old = check.url.format(**values).removeprefix("/en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get(old)
    assert response.status_code == 302, (old, persona, response.status_code)
    assert response["Location"] == "/de" + old

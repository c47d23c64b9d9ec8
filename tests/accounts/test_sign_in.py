"""Sign-in by e-mail, mandatory verification, no enumeration, rate limits, 2FA."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import OutboundEmail, User
from tests.conftest import has_totp, totp_code
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_user_model_has_no_username_and_lowercases_email():
    user = User.objects.create_user(email="Mixed.Case@Example.ORG", password=PASSWORD)
    assert user.email == "mixed.case@example.org"
    assert not hasattr(user, "username") or user.username is None


def test_sign_in_with_email_and_password(client, procurer):
    response = login(client, "procurer@example.org")
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_signup_collects_profile_and_requires_verification(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.buyer@city.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "New Buyer",
            "organisation": "City of Example",
            "country": "PT",
            "profile_role": "procurer",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.buyer@city.example")
    assert (
        user.full_name,
        user.organisation,
        user.country.code,
        user.profile_role,
    ) == (
        "New Buyer",
        "City of Example",
        "PT",
        "procurer",
    )
    assert not EmailAddress.objects.get(user=user).verified
    mail = OutboundEmail.objects.get(to="new.buyer@city.example")
    assert "/accounts/confirm-email/" in mail.body_text
    assert "gave this address for an account on the P2I Portal." in mail.body_text
    assert mail.body_text.rstrip().endswith("\ntestserver")  # the request's host

    # Not verified: signing in does not open the account.
    client.logout()
    response = login(client, "new.buyer@city.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_password_reset_does_not_reveal_whether_an_account_exists(client, procurer):
    known = client.post(reverse("account_reset_password"), {"email": procurer.email})
    unknown = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}
    )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The known address gets a reset link; the unknown one a "no account" notice.
    reset = OutboundEmail.objects.get(to=procurer.email)
    assert "/accounts/password/reset/key/" in reset.body_text
    notice = OutboundEmail.objects.get(to="nobody@example.org")
    assert "/accounts/password/reset/key/" not in notice.body_text


def test_signup_with_a_taken_email_does_not_reveal_it(client, procurer):
    response = client.post(
        reverse("account_signup"),
        {
            "email": procurer.email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "Impostor",
            "profile_role": "other",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email=procurer.email).count() == 1


def test_failed_sign_ins_are_rate_limited(client, procurer):
    for _ in range(5):
        assert login(client, procurer.email, "wrong-password").status_code == 200
    # The limit holds for this account: even the right password is refused.
    response = login(client, procurer.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_sign_in_attempts_per_address_are_rate_limited(client, procurer):
    statuses = [
        login(client, f"nobody{i}@example.org", "wrong-password").status_code
        for i in range(35)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[-1] == 429


def test_manager_sign_in_asks_for_the_totp_code(client, manager):
    response = login(client, manager.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/manage/alpha/").status_code == 302  # not signed in yet

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/manage/alpha/").status_code == 302

    ok = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert ok.status_code == 302
    assert client.get("/manage/alpha/").status_code == 200


def test_a_code_of_the_step_just_ended_signs_in_once(client, manager):
    # Start well inside a 30-second step, so that "the step before" stays the
    # step before while the test runs.
    left = 30 - time.time() % 30
    if left < 3:
        time.sleep(left)
    login(client, manager.email)
    too_old = client.post(reverse("mfa_authenticate"), {"code": totp_code(offset=-2)})
    assert too_old.status_code == 200
    assert client.get("/manage/alpha/").status_code == 302

    previous = totp_code(offset=-1)
    ok = client.post(reverse("mfa_authenticate"), {"code": previous})
    assert ok.status_code == 302
    assert client.get("/manage/alpha/").status_code == 200

    # The same code cannot sign in a second session.
    client.logout()
    login(client, manager.email)
    replay = client.post(reverse("mfa_authenticate"), {"code": previous})
    assert replay.status_code == 200
    assert client.get("/manage/alpha/").status_code == 302


def test_manager_without_2fa_is_sent_to_set_it_up(client, centre):
    from centres.models import Role
    from tests.factories import membership_create

    user = UserFactory(email="fresh-manager@example.org")
    membership_create(centre=centre, user=user, role=Role.MANAGER)
    client.force_login(user)
    for url in ("/manage/alpha/", "/manage/alpha/team/", "/manage/alpha/profile/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_editor_may_use_the_workspace_without_2fa(client, editor):
    client.force_login(editor)
    assert client.get("/manage/alpha/").status_code == 200


def test_admin_has_no_login_form_of_its_own(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_admin_is_for_the_coordinator_with_2fa_only(client, coordinator, manager):
    client.force_login(manager)
    assert client.get("/admin/", follow=True).status_code == 403
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_coordinator_without_2fa_sets_it_up_before_reaching_the_admin(client):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    from accounts.totp import totp_code_now

    boss = UserFactory(email="boss@example.org", coordinator=True)
    assert login(client, "boss@example.org").status_code == 302
    response = client.get("/admin/", follow=True)
    # allauth asks for the password again before an authenticator is added.
    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith(reverse("account_reauthenticate"))
    assert "next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F" in final_url
    response = client.post(final_url, {"password": PASSWORD})
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(
        reverse("mfa_activate_totp"), {"code": totp_code_now(secret)}
    )
    assert response.status_code == 302
    assert has_totp(boss)
    assert client.get("/admin/").status_code == 200


def test_profile_update_saves_and_rejects_bad_input(client, procurer):
    client.force_login(procurer)
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Paula P.",
            "organisation": "Region X",
            "country": "ES",
            "profile_role": "researcher",
        },
    )
    assert response.status_code == 302
    procurer.refresh_from_db()
    assert (procurer.full_name, procurer.country.code, procurer.profile_role) == (
        "Paula P.",
        "ES",
        "researcher",
    )
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "X",
            "organisation": "",
            "country": "XX",
            "profile_role": "wizard",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"country", "profile_role"}
    procurer.refresh_from_db()
    assert procurer.full_name == "Paula P."

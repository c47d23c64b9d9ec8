"""Nobody joins a team without consent: known and unknown addresses get the same
invitation, the manager the same answer, and memberships change only on acceptance."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from centres import services
from centres.models import AuditEntry, Invitation, Membership, Role
from tests.conftest import with_totp
from tests.factories import UserFactory, membership_create

pytestmark = pytest.mark.django_db


def invite(client, email, role="editor"):
    return client.post(
        "/manage/alpha/team/", {"email": email, "role": role}, follow=True
    )


def invitation_path(address: str) -> str:
    mail = OutboundEmail.objects.get(to=address)
    return mail.body_text.split("http://127.0.0.1:8000", 1)[1].split()[0]


def memberships_of(user):
    with scopes_disabled():
        return dict(
            Membership.objects.filter(user=user).values_list("centre__slug", "role")
        )


def test_an_existing_user_is_invited_not_added(client, centre, other_centre, manager):
    """PIANOo's editor, named a manager of KOINNO, stays what she was until she
    accepts: nothing locks her out of her own workspace."""
    editor_b = UserFactory(email="editor-b@example.org")
    membership_create(centre=other_centre, user=editor_b, role=Role.EDITOR)
    client.force_login(manager)

    invite(client, "Editor-B@Example.org", role="manager")

    assert memberships_of(editor_b) == {"beta": "editor"}
    with scopes_disabled():
        invitation = Invitation.objects.get(centre=centre, email="editor-b@example.org")
        assert not AuditEntry.objects.filter(action="centres.membership.added").exists()
    assert invitation.state == "pending" and invitation.role == Role.MANAGER
    mail = OutboundEmail.objects.get(to="editor-b@example.org")
    assert mail.template == "team-invitation"
    # Her own workspace still opens, without 2FA, as before.
    client.force_login(editor_b)
    assert client.get("/manage/beta/").status_code == 200


def test_the_form_answers_the_same_whether_the_address_has_an_account(
    client, centre, manager
):
    UserFactory(email="known@example.org")
    client.force_login(manager)

    known = invite(client, "known@example.org")
    unknown = invite(client, "nobody-yet@example.org")

    def answer(response, email):
        messages = [str(m) for m in response.context["messages"]]
        return [m.replace(email, "<email>") for m in messages]

    assert answer(known, "known@example.org") == answer(
        unknown, "nobody-yet@example.org"
    )
    assert answer(known, "known@example.org") == [
        "An invitation was sent to <email>. They join the team when they accept it."
    ]
    # The two mails are the same but for the address and the link.
    mails = {m.to: m for m in OutboundEmail.objects.all()}
    assert mails["known@example.org"].subject == mails["nobody-yet@example.org"].subject
    assert (
        mails["known@example.org"].template
        == mails["nobody-yet@example.org"].template
        == "team-invitation"
    )


def test_the_recipient_accepts_signed_in_as_the_invited_address(
    client, centre, other_centre, manager
):
    person = UserFactory(email="known@example.org")
    client.force_login(manager)
    invite(client, "known@example.org")
    path = invitation_path("known@example.org")

    client.force_login(UserFactory(email="someone-else@example.org"))
    assert "known@example.org" in client.post(path, follow=True).content.decode()
    assert memberships_of(person) == {}

    client.force_login(person)
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/manage/alpha/"
    assert memberships_of(person) == {"alpha": "editor"}
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre=centre, action="centres.invitation.accepted", actor=person
        ).exists()


def test_a_manager_invitation_waits_for_the_invitees_2fa(
    client, centre, other_centre, manager
):
    """Accepting a manager's role without 2FA would take away every workspace she
    has; she turns 2FA on first and then accepts."""
    editor_b = UserFactory(email="editor-b@example.org")
    membership_create(centre=other_centre, user=editor_b, role=Role.EDITOR)
    services.centre_member_add(
        centre=centre, email=editor_b.email, role="manager", by=manager
    )
    path = invitation_path(editor_b.email)
    client.force_login(editor_b)

    page = client.get(path).content.decode()
    assert reverse("mfa_activate_totp") in page
    response = client.post(path, follow=True)
    assert "two-factor" in response.content.decode()
    assert memberships_of(editor_b) == {"beta": "editor"}
    assert client.get("/manage/beta/").status_code == 200

    with_totp(editor_b)
    assert client.post(path).status_code == 302
    assert memberships_of(editor_b) == {"alpha": "manager", "beta": "editor"}
    assert client.get("/manage/beta/").status_code == 200
    assert client.get("/manage/alpha/team/").status_code == 200


def test_a_member_without_2fa_is_not_promoted_to_manager(
    client, centre, manager, editor
):
    client.force_login(manager)
    with scopes_disabled():
        membership = Membership.objects.get(user=editor)

    response = client.post(
        f"/manage/alpha/team/{membership.pk}/role/", {"role": "manager"}, follow=True
    )

    assert "two-factor" in response.content.decode()
    assert memberships_of(editor) == {"alpha": "editor"}
    with_totp(editor)
    client.post(f"/manage/alpha/team/{membership.pk}/role/", {"role": "manager"})
    assert memberships_of(editor) == {"alpha": "manager"}


def test_a_current_member_or_pending_invitation_is_refused_and_nothing_is_sent(
    centre, manager, editor
):
    services.centre_member_add(
        centre=centre, email="new@example.org", role="editor", by=manager
    )
    before = OutboundEmail.objects.count()
    for email, message in (
        (editor.email, "already a member"),
        ("NEW@example.org", "already pending"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.centre_member_add(
                centre=centre, email=email, role="editor", by=manager
            )
    assert OutboundEmail.objects.count() == before
    with scopes_disabled():
        assert Invitation.objects.filter(centre=centre).count() == 1

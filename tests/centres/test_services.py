"""Team membership and invitation services: outcomes in the database and the mail queue."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from centres import services
from centres.models import Invitation, Membership, Role
from tests.factories import UserFactory, membership_create

pytestmark = pytest.mark.django_db


def test_member_add_unknown_email_sends_an_expiring_invitation(centre, manager):
    services.centre_member_add(
        centre=centre, email="new@example.org", role="manager", by=manager
    )

    with scopes_disabled():
        invitation = Invitation.objects.get(centre=centre, email="new@example.org")
    assert invitation.role == Role.MANAGER
    assert invitation.state == "pending"
    assert (
        timedelta(days=6) < invitation.expires_at - timezone.now() <= timedelta(days=7)
    )
    mail = OutboundEmail.objects.get(to="new@example.org")
    assert reverse("centres:list") + "invitations/" in mail.body_text
    assert reverse("centres:list") + "invitations/" in mail.body_html


def test_member_add_rejects_a_duplicate_membership_and_changes_nothing(
    centre, manager, editor
):
    before = OutboundEmail.objects.count()
    with pytest.raises(ValidationError, match="already a member"):
        services.centre_member_add(
            centre=centre, email=editor.email, role="manager", by=manager
        )
    with scopes_disabled():
        assert Membership.objects.get(centre=centre, user=editor).role == Role.EDITOR
    assert OutboundEmail.objects.count() == before


def test_member_add_rejects_a_second_pending_invitation(centre, manager):
    services.centre_member_add(
        centre=centre, email="new@example.org", role="editor", by=manager
    )
    with pytest.raises(ValidationError, match="already pending"):
        services.centre_member_add(
            centre=centre, email="new@example.org", role="editor", by=manager
        )
    with scopes_disabled():
        assert Invitation.objects.filter(email="new@example.org").count() == 1


def test_expired_invitation_can_be_replaced_but_not_accepted(centre, manager):
    services.centre_member_add(
        centre=centre, email="late@example.org", role="editor", by=manager
    )
    with scopes_disabled():
        old = Invitation.objects.get(email="late@example.org")
        Invitation.objects.filter(pk=old.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
        old.refresh_from_db()

    # A new invitation replaces the expired one (which is withdrawn).
    fresh = services.centre_member_add(
        centre=centre, email="late@example.org", role="editor", by=manager
    )
    with scopes_disabled():
        assert list(Invitation.objects.filter(email="late@example.org").pending()) == [
            fresh
        ]
        old.refresh_from_db()
    assert old.state == "revoked"

    late = UserFactory(email="late@example.org")
    with pytest.raises(ValidationError, match="no longer valid"):
        services.invitation_accept(invitation=old, user=late)
    services.invitation_accept(invitation=fresh, user=late)
    with scopes_disabled():
        assert Membership.objects.get(user=late).centre == centre


def test_an_expired_invitation_cannot_be_accepted(centre, manager):
    invitation = services.centre_member_add(
        centre=centre, email="late@example.org", role="editor", by=manager
    )
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    late = UserFactory(email="late@example.org")
    with pytest.raises(ValidationError, match="expired"):
        services.invitation_accept(invitation=invitation, user=late)
    with scopes_disabled():
        assert not Membership.objects.filter(user=late).exists()


def test_invitation_accept_requires_the_invited_address(centre, manager):
    invitation = services.centre_member_add(
        centre=centre, email="invited@example.org", role="editor", by=manager
    )
    stranger = UserFactory(email="stranger@example.org")
    with pytest.raises(ValidationError, match=r"invited@example\.org"):
        services.invitation_accept(invitation=invitation, user=stranger)

    invited = UserFactory(email="invited@example.org")
    membership = services.invitation_accept(invitation=invitation, user=invited)
    assert membership.centre == centre and membership.role == Role.EDITOR
    with pytest.raises(ValidationError, match="no longer valid"):
        services.invitation_accept(invitation=invitation, user=invited)


def test_the_last_manager_cannot_be_removed_or_demoted(centre, manager):
    with scopes_disabled():
        own = Membership.objects.get(centre=centre, user=manager)
    with pytest.raises(ValidationError, match="at least one manager"):
        services.centre_member_remove(membership=own, by=manager)
    with pytest.raises(ValidationError, match="at least one manager"):
        services.centre_member_change_role(membership=own, role="editor", by=manager)
    with scopes_disabled():
        assert Membership.objects.get(pk=own.pk).role == Role.MANAGER


def test_remove_member_deletes_only_that_membership(centre, manager, editor):
    second = UserFactory()
    membership_create(centre=centre, user=second)
    with scopes_disabled():
        target = Membership.objects.get(centre=centre, user=editor)
    services.centre_member_remove(membership=target, by=manager)
    with scopes_disabled():
        assert set(
            Membership.objects.filter(centre=centre).values_list(
                "user__email", flat=True
            )
        ) == {
            manager.email,
            second.email,
        }


def test_revoked_invitation_cannot_be_accepted(centre, manager):
    invitation = services.centre_member_add(
        centre=centre, email="x@example.org", role="editor", by=manager
    )
    services.invitation_revoke(invitation=invitation, by=manager)
    with pytest.raises(ValidationError):
        services.invitation_revoke(invitation=invitation, by=manager)
    with pytest.raises(ValidationError, match="no longer valid"):
        services.invitation_accept(
            invitation=invitation, user=UserFactory(email="x@example.org")
        )


def test_workspaces_for_is_scoped_to_own_centres(
    centre, other_centre, editor, manager, outsider, coordinator, procurer
):
    from centres.models import Centre

    assert list(Centre.objects.workspaces_for(editor)) == [centre]
    assert list(Centre.objects.workspaces_for(editor, role=Role.MANAGER)) == []
    assert list(Centre.objects.workspaces_for(manager, role=Role.MANAGER)) == [centre]
    assert list(Centre.objects.workspaces_for(outsider)) == [other_centre]
    assert list(Centre.objects.workspaces_for(procurer)) == []
    assert set(Centre.objects.workspaces_for(coordinator)) == {centre, other_centre}


def test_private_models_raise_without_a_scope(centre):
    from django_scopes import ScopeError

    with pytest.raises(ScopeError):
        list(Membership.objects.all())

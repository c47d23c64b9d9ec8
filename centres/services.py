"""Writes for centres: profile, team membership, invitations. Callers check abilities."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from accounts.models import User
from accounts.services import email_queue_template
from p2i_portal.mail import recipient_language

from .models import AuditEntry, Centre, Invitation, Membership, Role

MANAGER_NEEDS_MFA = gettext_lazy(
    "Managers must use two-factor authentication. Turn it on under Profile → "
    "Two-factor authentication, then come back to this invitation to accept it."
)

PROFILE_FIELDS = [
    "name",
    "short_name",
    "tagline",
    "host_organisation",
    "website",
    "description",
    "services",
    "sectors",
    "working_languages",
    "contact_email",
    "logo",
    "buddy",
]


def audit_log(
    *,
    centre: Centre | None,
    action: str,
    by: User | None,
    target: str = "",
    obj: models.Model | None = None,
    **data,
):
    """Record one dotted action (`centres.membership.added`) in the centre's trail.

    `action` is a string literal at the call site with a label in AUDIT_LABELS
    (a test reads the code base for them). `obj`, when given, lets the activity
    log link to the object while it exists. `centre=None` records a change to the
    network as a whole, seen only in the coordinator's network-wide log.
    """
    entry = AuditEntry(
        centre=centre, actor=by, action=action, target=str(target)[:255], data=data
    )
    if obj is not None and obj.pk is not None:
        entry.target_type = ContentType.objects.get_for_model(obj)
        entry.target_id = obj.pk
    if centre is None:
        with scopes_disabled():
            entry.save()
        return entry
    with scope(centre=centre):
        entry.save()
    return entry


@transaction.atomic
def centre_profile_update(*, centre: Centre, by: User, data: dict) -> Centre:
    """Update the public profile. Caller has checked the `update` ability."""
    changed = []
    for field in PROFILE_FIELDS:
        if field in data and getattr(centre, field) != data[field]:
            setattr(centre, field, data[field])
            changed.append(field)
    if not changed:
        return centre
    centre.full_clean()
    centre.save(update_fields=[*changed, "updated_at"])
    audit_log(
        centre=centre,
        action="centres.centre.updated",
        by=by,
        target=centre.name,
        obj=centre,
        fields=changed,
    )
    return centre


def _ensure_manager_remains(centre: Centre, *, excluding: Membership) -> None:
    others = (
        Membership.objects.filter(centre=centre).managers().exclude(pk=excluding.pk)
    )
    if not others.exists():
        raise ValidationError(
            _("A centre needs at least one manager. Appoint another manager first.")
        )


@transaction.atomic
def centre_member_add(*, centre: Centre, email: str, role: str, by: User) -> Invitation:
    """Invite the person with `email` to the team; nobody joins without consent.

    Caller has checked the `manage_team` ability. Whether or not the address has
    an account, it gets the same invitation link (expiring after
    `Invitation.VALID_FOR`) and the caller the same answer, so the form tells
    nothing about who has an account; memberships change only when the invitee
    accepts (invitation_accept). A current member or a pending invitation raises
    ValidationError (both are on the team page already) and changes nothing.
    """
    email = email.strip().lower()
    role = Role(role)
    with scope(centre=centre):
        if Membership.objects.filter(centre=centre, user__email=email).exists():
            raise ValidationError(
                _("%(email)s is already a member of this team.") % {"email": email}
            )
        if Invitation.objects.filter(centre=centre, email=email).pending().exists():
            raise ValidationError(
                _("An invitation to %(email)s is already pending.") % {"email": email}
            )
        # An expired, never-accepted invitation must not block a new one.
        Invitation.objects.filter(
            centre=centre,
            email=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=timezone.now())
        token, token_hash = Invitation.new_token()
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    centre=centre,
                    email=email,
                    role=role,
                    token_hash=token_hash,
                    expires_at=timezone.now() + Invitation.VALID_FOR,
                    invited_by=by,
                )
        except IntegrityError as exc:  # the same address invited at this moment
            raise ValidationError(
                _("An invitation to %(email)s is already pending.") % {"email": email}
            ) from exc
    audit_log(
        centre=centre,
        action="centres.invitation.sent",
        by=by,
        target=email,
        role=role,
    )
    # Her account's language if she has one, else the language of the page
    # the manager invited her from (most teams share one language).
    account = User.objects.filter(email=email).only("language").first()
    with recipient_language(
        account.language if account else "", translation.get_language()
    ) as language:
        link = settings.SITE_URL + reverse("centres:invitation-accept", args=[token])
        email_queue_template(
            to=email,
            name="team-invitation",
            context={
                "centre": centre,
                "role": role.label,
                "by": by,
                "link": link,
                "expires_at": invitation.expires_at,
            },
            language=language,
        )
    return invitation


@transaction.atomic
def centre_member_remove(*, membership: Membership, by: User) -> None:
    """Remove a member. Caller has checked `manage_team`; the last manager stays."""
    centre = membership.centre
    with scope(centre=centre):
        if membership.role == Role.MANAGER:
            _ensure_manager_remains(centre, excluding=membership)
        email = membership.user.email
        membership.delete()
    audit_log(centre=centre, action="centres.membership.removed", by=by, target=email)


@transaction.atomic
def centre_member_change_role(
    *, membership: Membership, role: str, by: User
) -> Membership:
    """Change a member's role. Caller has checked `manage_team`."""
    role = Role(role)
    centre = membership.centre
    if membership.role == role:
        return membership
    if role == Role.MANAGER and not membership.user.has_totp():
        raise ValidationError(
            _(
                "%(email)s must turn on two-factor authentication before becoming a "
                "manager; until then the role would lock them out of every workspace."
            )
            % {"email": membership.user.email}
        )
    with scope(centre=centre):
        if membership.role == Role.MANAGER:
            _ensure_manager_remains(centre, excluding=membership)
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    audit_log(
        centre=centre,
        action="centres.membership.role_changed",
        by=by,
        target=membership.user.email,
        obj=membership,
        role=role,
    )
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    """Withdraw a pending invitation. Caller has checked `manage_team`."""
    if invitation.state != "pending":
        raise ValidationError(_("Only a pending invitation can be withdrawn."))
    invitation.revoked_at = timezone.now()
    with scope(centre=invitation.centre):
        invitation.save(update_fields=["revoked_at", "updated_at"])
    audit_log(
        centre=invitation.centre,
        action="centres.invitation.revoked",
        by=by,
        target=invitation.email,
    )


def invitation_get_by_token(token: str) -> Invitation | None:
    """The invitation a link points to, whatever its state (explicitly unscoped)."""
    with scopes_disabled():
        return (
            Invitation.objects.select_related("centre")
            .filter(token_hash=Invitation.hash(token))
            .first()
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Turn a pending invitation into a membership for `user`.

    The invitation must be pending (not expired, revoked or used) and addressed to
    the user's own e-mail; otherwise ValidationError and nothing changes.
    """
    with scopes_disabled():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    state = invitation.state
    if state == "expired":
        raise ValidationError(
            _("This invitation has expired. Ask the centre's manager for a new one.")
        )
    if state != "pending":
        raise ValidationError(_("This invitation is no longer valid."))
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address "
                "to accept it."
            )
            % {"email": invitation.email}
        )
    if invitation.role == Role.MANAGER and not user.has_totp():
        # Managers must use two-factor sign-in; becoming one without it would
        # take away every workspace the user has, her own centre's included.
        raise ValidationError(MANAGER_NEEDS_MFA)
    centre = invitation.centre
    with scope(centre=centre):
        membership, _created = Membership.objects.get_or_create(
            centre=centre, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    audit_log(
        centre=centre,
        action="centres.invitation.accepted",
        by=user,
        target=user.email,
        obj=membership,
        role=membership.role,
    )
    return membership

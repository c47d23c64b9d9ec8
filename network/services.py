"""Writes of the network console. Callers have checked that the user is the
network's coordinator (network.permissions.CoordinatorRequiredMixin)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from centres.caching import centres_changed
from centres.services import audit_log

from .models import Partner, ProjectIdentity

PARTNER_FIELDS = [
    "organisation",
    "short_name",
    "country",
    "role",
    "website",
    "logo",
    "is_active",
]
IDENTITY_FIELDS = [
    "name",
    "start_year",
    "end_year",
    "partner_count",
    "funding_programme",
    "grant_agreement",
]


@transaction.atomic
def partner_create(*, by: User, data: dict) -> Partner:
    """Add a partner organisation at the end of the list.

    Raises ValidationError (nothing saved) for a bad URL, logo or duplicate name.
    """
    last = Partner.objects.aggregate(last=Max("order"))["last"]
    partner = Partner(
        **{f: data[f] for f in PARTNER_FIELDS if f in data},
        order=0 if last is None else last + 1,
    )
    partner.full_clean()
    partner.save()
    audit_log(
        centre=None,
        action="network.partner.created",
        by=by,
        target=partner.organisation,
        obj=partner,
    )
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, by: User, data: dict) -> Partner:
    """Change a partner; records which fields changed (nothing when none did).
    A replaced or cleared logo's file is deleted once the change is committed.

    Raises ValidationError and leaves the row as it was on bad input.
    """
    data = dict(data)
    if data.get("logo") is False:  # the form's "clear" box
        data["logo"] = ""
    changed = [
        f for f in PARTNER_FIELDS if f in data and getattr(partner, f) != data[f]
    ]
    if not changed:
        return partner
    old_logo = partner.logo.name if "logo" in changed else ""
    for field in changed:
        setattr(partner, field, data[field])
    partner.full_clean()
    partner.save(update_fields=[*changed, "updated_at"])
    if old_logo and old_logo != partner.logo.name:
        storage = partner.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    audit_log(
        centre=None,
        action="network.partner.updated",
        by=by,
        target=partner.organisation,
        obj=partner,
        fields=changed,
    )
    return partner


@transaction.atomic
def partner_remove(*, partner: Partner, by: User) -> None:
    """Delete a partner and its logo file (after the transaction commits)."""
    name, logo = partner.organisation, partner.logo
    storage, logo_name = (logo.storage, logo.name) if logo else (None, "")
    partner.delete()
    if logo_name:
        transaction.on_commit(lambda: storage.delete(logo_name))
    audit_log(centre=None, action="network.partner.removed", by=by, target=name)


@transaction.atomic
def partner_move(*, partner: Partner, by: User, direction: str) -> Partner:
    """Swap a partner with its neighbour above ("up") or below ("down").

    The whole list is renumbered 0…n-1 under a row lock, so that equal or sparse
    `order` values from the admin end up in a clean sequence. Moving the first
    one up (or the last one down) changes nothing.
    """
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose to move a partner up or down."))
    rows = list(Partner.objects.select_for_update().in_order())
    index = next(i for i, p in enumerate(rows) if p.pk == partner.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        return partner
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        row.order = position
    Partner.objects.bulk_update(rows, ["order"])
    centres_changed()  # a bulk update sends no post_save to About's fragments
    audit_log(
        centre=None,
        action="network.partner.moved",
        by=by,
        target=partner.organisation,
        obj=partner,
        direction=direction,
    )
    return next(r for r in rows if r.pk == partner.pk)


@transaction.atomic
def project_identity_update(*, by: User, data: dict) -> ProjectIdentity:
    """Change the project's name, period or funding line (the single row).

    Raises ValidationError and leaves the row as it was on bad input.
    """
    identity = ProjectIdentity.objects.select_for_update().get(
        pk=ProjectIdentity.current().pk
    )
    changed = [
        f for f in IDENTITY_FIELDS if f in data and getattr(identity, f) != data[f]
    ]
    if not changed:
        return identity
    for field in changed:
        setattr(identity, field, data[field])
    identity.full_clean()
    identity.save(update_fields=[*changed, "updated_at"])
    audit_log(
        centre=None,
        action="network.project.updated",
        by=by,
        target=identity.name,
        obj=identity,
        fields=changed,
    )
    return identity

"""Reads of the network's own records for other apps' pages (About)."""

from .models import Partner, ProjectIdentity


def partner_list_public() -> list[Partner]:
    """The partners About lists, in the coordinator's order."""
    return list(Partner.objects.active().in_order())


def project_identity_get() -> ProjectIdentity:
    """The project behind the network (created with its public facts if missing)."""
    return ProjectIdentity.current()

"""Builders for the communities tests: communities of centre A, people in them."""

from datetime import timedelta

from django.utils import timezone

from communities.models import Community, CommunityMember
from tests.factories import UserFactory


def community(centre, *, slug="circular", closed=False, **kwargs) -> Community:
    return Community.objects.create(
        centre=centre,
        name=kwargs.pop("name", slug.title()),
        slug=slug,
        purpose=kwargs.pop("purpose", "Swap notes on procurement."),
        visibility=Community.Visibility.CLOSED if closed else Community.Visibility.OPEN,
        **kwargs,
    )


def person(community=None, *, role="member", status="active", new=False, **kwargs):
    """A user, optionally a member of `community`; an old account unless `new`."""
    user = UserFactory(**kwargs)
    if not new:
        user.date_joined = timezone.now() - timedelta(days=365)
        user.save(update_fields=["date_joined"])
    if community is not None:
        CommunityMember.objects.create(
            community=community, user=user, role=role, status=status
        )
    return user


def audit_actions(centre) -> list[str]:
    """The owner centre's activity log, oldest first."""
    from django_scopes import scopes_disabled

    from centres.models import AuditEntry

    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre=centre)
            .order_by("pk")
            .values_list("action", flat=True)
        )

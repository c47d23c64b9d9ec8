"""Writes of profiles: create, change, delete. Each person has at most one
profile; the caller has checked that `user` is the signed-in owner."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from knowledge.markdown import render_markdown

from .models import Profile

FIELDS = [
    "kind", "organisation", "country", "sectors", "about", "website", "contact",
    "visibility",
]  # fmt: skip


def _apply(profile: Profile, data: dict) -> None:
    for name in FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.sectors = sorted(set(profile.sectors))
    profile.about_html = render_markdown(profile.about)
    profile.full_clean(exclude=["user"])


@transaction.atomic
def profile_create(*, user, data: dict) -> Profile:
    """Create `user`'s profile (hidden unless `data` says otherwise). Refused
    when she already has one."""
    if Profile.objects.select_for_update().filter(user=user).exists():
        raise ValidationError(_("You already have a profile."))
    profile = Profile(user=user)
    _apply(profile, data)
    profile.save()
    return profile


@transaction.atomic
def profile_update(*, profile: Profile, data: dict) -> Profile:
    """Change her profile; fields absent from `data` keep their values."""
    _apply(profile, data)
    profile.save(update_fields=[*FIELDS, "about_html", "updated_at"])
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile) -> None:
    """Delete her profile for good (plans and challenges are not touched)."""
    profile.delete()

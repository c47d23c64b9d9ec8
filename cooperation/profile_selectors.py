"""Reads of profiles: who may see which (Profile.objects.visible_to), the
directory with its filters, and the owner's profile for other apps' pages."""

from dataclasses import dataclass

from .models import Profile


def profile_for(user, viewer) -> Profile | None:
    """The profile of `user` if `viewer` may see it, else None: for the pages
    of plans and challenges that link to their owner. Hidden profiles are
    returned to their owner only."""
    if user is None or not getattr(user, "pk", None):
        return None
    return Profile.objects.visible_to(viewer).filter(user=user).first()


def profile_own(user) -> Profile | None:
    """The signed-in user's own profile, whatever its visibility."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Profile.objects.filter(user=user).first()


def profile_get_visible(*, pk: int, viewer) -> Profile | None:
    return (
        Profile.objects.visible_to(viewer).select_related("user").filter(pk=pk).first()
    )


@dataclass
class DirectoryParams:
    """The directory's filters, already validated (forms or serializers)."""

    kind: str = ""
    country: str = ""
    sector: str = ""
    q: str = ""

    @property
    def filtered(self) -> bool:
        return bool(self.kind or self.country or self.sector or self.q)


def profile_directory(*, params: DirectoryParams, viewer, public_only=False):
    """Listed profiles the viewer may see, filtered, by organisation name. Her
    own profile is listed only once she has chosen to show it."""
    qs = Profile.objects.public() if public_only else Profile.objects.listed()
    qs = qs.visible_to(viewer)
    if params.kind:
        qs = qs.of_kind(params.kind)
    if params.country:
        qs = qs.in_country(params.country)
    if params.sector:
        qs = qs.in_sector(params.sector)
    if params.q:
        qs = qs.named(params.q)
    return qs.order_by("organisation", "pk")


def profile_directory_countries(viewer) -> list[str]:
    """The countries of the profiles the viewer may see in the directory (the
    country filter offers these only)."""
    codes = (
        Profile.objects.listed()
        .visible_to(viewer)
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    return [str(code) for code in codes]


ACTIVITY_LIMIT = 10


def profile_activity(profile: Profile, viewer) -> dict:
    """The owner's open plans that `viewer` may read and her published
    challenges, newest first, for her profile page."""
    from .models import Challenge, ProcurementPlan

    plans = (
        ProcurementPlan.objects.visible_to(viewer)
        .open()
        .filter(owner_id=profile.user_id)
        .order_by("-created_at", "-pk")[:ACTIVITY_LIMIT]
    )
    challenges = (
        Challenge.objects.published()
        .filter(buyer_id=profile.user_id)
        .order_by("-published_at", "-pk")[:ACTIVITY_LIMIT]
    )
    return {"plans": list(plans), "challenges": list(challenges)}

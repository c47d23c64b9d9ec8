"""The one guard of the community pages: a community is reached only through
Community.objects.readable_by (read) or moderated_by (moderate); whatever is
outside answers 404, so a closed community does not even admit it exists, and
a moderator of one community has no power in another."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Community, CommunityMember


def community_abilities(community: Community, user, member, moderator: bool) -> dict:
    """What `user` may do in `community` (`member` is her CommunityMember or
    None, `moderator` whether moderated_by holds it): the pages never guess."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    status = member.status if member else None
    active = status == CommunityMember.Status.ACTIVE
    return {
        "read": True,
        "post": signed_in and (active or moderator),
        "members": active or moderator,
        "join": signed_in and member is None,
        "leave": member is not None and status != CommunityMember.Status.BANNED,
        "pending": status == CommunityMember.Status.PENDING,
        "banned": status == CommunityMember.Status.BANNED,
        "report": signed_in and (active or moderator),
        "moderate": moderator,
    }


class CommunityMixin:
    """Sets `self.community`, `self.member`, `self.moderator` and
    `self.abilities` from the URL's slug, through readable_by.

    `need` is what the view needs: "read" (anyone who may read), "post" (an
    active member or a moderator; others 403 with a message), "members" or
    "moderate" (moderators, the owner's staff and the coordinator; others 404).
    """

    need = "read"
    login_required = False
    # Leaving also reaches a closed community one has only asked to join, so
    # that a request can be withdrawn.
    with_requests = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if (self.login_required or self.need != "read") and not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.need == "moderate":
            queryset = Community.objects.moderated_by(user)
        else:
            queryset = Community.objects.readable_by(user)
            if self.with_requests and user.is_authenticated:
                queryset = Community.objects.filter(
                    Q(pk__in=queryset.values("pk"))
                    | Q(
                        pk__in=CommunityMember.objects.pending()
                        .filter(user=user)
                        .values("community_id")
                    )
                )
        self.community = get_object_or_404(
            queryset.select_related("centre"), slug=kwargs["slug"]
        )
        self.member = (
            CommunityMember.objects.filter(community=self.community, user=user).first()
            if user.is_authenticated
            else None
        )
        self.moderator = (
            self.need == "moderate"
            or Community.objects.moderated_by(user)
            .filter(pk=self.community.pk)
            .exists()
        )
        self.abilities = community_abilities(
            self.community, user, self.member, self.moderator
        )
        if self.need == "members" and not self.abilities["members"]:
            raise PermissionDenied(_("Only the community's members see its members."))
        if self.need == "post" and not self.abilities["post"]:
            raise PermissionDenied(
                _("Only the community's members can post. Join it first.")
            )
        return super().dispatch(request, *args, **kwargs)

    def community_context(self) -> dict:
        return {
            "community": self.community,
            "member": self.member,
            "abilities": self.abilities,
        }

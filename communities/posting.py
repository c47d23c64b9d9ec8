"""Who may post in a community and whether the post waits for a moderator:
the rules every way of posting applies before it calls the services."""

from newsletters.ratelimit import hit

from . import services
from .models import Community, CommunityMember, Thread


def posting_member(user, community: Community) -> CommunityMember | None:
    """`user`'s active membership of `community`: only active members post."""
    if user is None or not user.is_authenticated:
        return None
    return (
        CommunityMember.objects.active().filter(community=community, user=user).first()
    )


def post_may_reply(thread: Thread) -> bool:
    """A locked thread takes no replies."""
    return not thread.locked


def post_rate_allowed(user) -> bool:
    """Count one post by `user`; False once over the limit (no post is written)."""
    return hit("community_post_user", str(user.pk))


def post_initial_status(member: CommunityMember) -> str:
    """Visible at once or waiting for a moderator: the pages' rule."""
    return services.post_status_for(community=member.community, user=member.user)

"""Who may post in a community and whether the post waits for a moderator:
the rules every way of posting applies before it calls the services."""

from datetime import timedelta

from django.utils import timezone

from newsletters.ratelimit import hit

from .models import Community, CommunityMember, Post, Thread

# A new account's first posts in a closed community wait for a moderator.
NEW_ACCOUNT_AGE = timedelta(days=30)
NEW_ACCOUNT_POSTS = 2


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
    """Visible at once, except a new account's first posts in a closed
    community (moderators excepted), which wait for approval."""
    community, user = member.community, member.user
    if not community.is_closed or member.role == CommunityMember.Role.MODERATOR:
        return Post.Status.VISIBLE
    if user.date_joined < timezone.now() - NEW_ACCOUNT_AGE:
        return Post.Status.VISIBLE
    earlier = Post.objects.filter(
        author=user, thread__community=community, status=Post.Status.VISIBLE
    ).count()
    if earlier >= NEW_ACCOUNT_POSTS:
        return Post.Status.VISIBLE
    return Post.Status.PENDING

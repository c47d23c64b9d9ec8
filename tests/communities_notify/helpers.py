"""Communities, members and posts for the tests."""

from communities import services
from communities.models import Community, CommunityMember
from tests.factories import UserFactory


def make_community(*, centre, slug="circular", name=None, closed=False):
    return Community.objects.create(
        centre=centre,
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        purpose="Cities buying circular.",
        visibility=Community.Visibility.CLOSED if closed else Community.Visibility.OPEN,
    )


def join(community, user=None, *, notify="none", role="member", status="active", **kw):
    user = user or UserFactory(**kw)
    CommunityMember.objects.create(
        community=community, user=user, notify=notify, role=role, status=status
    )
    return user


def start(community, author, title="Reusing furniture", body="Who tried it?"):
    return services.thread_start(
        community=community, author=author, title=title, body=body
    )


def reply(thread, author, body="We did, in Ghent."):
    return services.post_reply(thread=thread, author=author, body=body)

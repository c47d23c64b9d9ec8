"""A closed and an open community of centre A with one thread each, and the
people around them."""

import pytest

from communities import services

from .helpers import community, person


@pytest.fixture
def open_c(centre):
    return community(centre, slug="circular", name="Circular cities")


@pytest.fixture
def closed_c(centre):
    return community(centre, slug="health", name="Health buyers", closed=True)


@pytest.fixture
def member(open_c, closed_c):
    user = person(open_c, full_name="Mia Member", email="mia@example.org")
    from communities.models import CommunityMember

    CommunityMember.objects.create(community=closed_c, user=user)
    return user


@pytest.fixture
def moderator(closed_c):
    return person(closed_c, role="moderator", full_name="Mo Derator")


@pytest.fixture
def closed_thread(closed_c, member):
    return services.thread_start(
        community=closed_c,
        author=member,
        title="Confidential hospital tender",
        body="Our zyxwvut tender for imaging.",
    )


@pytest.fixture
def open_thread(open_c, member):
    return services.thread_start(
        community=open_c, author=member, title="Reuse of furniture", body="Ideas?"
    )

"""`seed_communities` (called by seed_demo) creates the three demo communities,
each with a moderator, threads and replies; running it again adds nothing."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from communities.models import Community, CommunityMember, Post, Thread

pytestmark = pytest.mark.django_db


@scopes_disabled()
def test_seed_communities_is_idempotent():
    call_command("seed_demo", quiet=True)
    communities = dict(Community.objects.values_list("slug", "visibility"))
    assert communities == {
        "healthcare-procurement": "closed",
        "circular-cities": "open",
        "build-alumni": "open",
    }
    counts = (Thread.objects.count(), Post.objects.count())
    call_command("seed_communities", quiet=True)
    assert (Thread.objects.count(), Post.objects.count()) == counts
    for community in Community.objects.all():
        assert CommunityMember.objects.moderators().filter(community=community)
        for thread in community.threads.all():
            assert thread.reply_count == thread.posts.count() - 1
    assert Community.objects.get(slug="circular-cities").centre.slug == "procedin"

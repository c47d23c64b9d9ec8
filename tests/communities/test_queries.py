"""A constant number of queries for the thread list and a thread page, whatever
the size of the community or the thread: compare a small and a bigger one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities import services
from communities.models import Post, PostAttachment

from .helpers import community, person

pytestmark = pytest.mark.django_db


def fill(c, author, *, threads, replies):
    """`threads` threads; the first has `replies` replies, some with a file."""
    first = None
    for i in range(threads):
        thread = services.thread_start(
            community=c, author=author, title=f"Thread {i}", body="Opening"
        )
        first = first or thread
    for i in range(replies):
        post = services.post_reply(thread=first, author=person(c), body=f"Reply {i}")
        if i % 3 == 0:
            PostAttachment.objects.create(
                post=post, file="communities/x/a.pdf", name="a.pdf",
                file_type="pdf", content_type="application/pdf", size=10,
            )  # fmt: skip
    return first


def count(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_moderator", [False, True])
def test_thread_list_and_thread_page_take_constant_queries(
    client, centre, as_moderator
):
    small, big = community(centre, slug="small"), community(centre, slug="big")
    reader = person(small, role="moderator" if as_moderator else "member")
    from communities.models import CommunityMember

    CommunityMember.objects.create(
        community=big, user=reader, role="moderator" if as_moderator else "member"
    )
    small_thread = fill(small, person(small), threads=2, replies=2)
    big_thread = fill(big, person(big), threads=40, replies=45)
    client.force_login(reader)
    counts = {}
    for name, c, thread in (("small", small, small_thread), ("big", big, big_thread)):
        counts[name] = (
            count(client, reverse("communities:detail", kwargs={"slug": c.slug})),
            count(
                client,
                reverse("communities:thread", kwargs={"slug": c.slug, "pk": thread.pk}),
            ),
            count(
                client,
                reverse("communities:thread", kwargs={"slug": c.slug, "pk": thread.pk})
                + "?page=2",
            ),
        )
    assert counts["small"] == counts["big"], counts
    assert Post.objects.filter(thread=big_thread).count() == 46

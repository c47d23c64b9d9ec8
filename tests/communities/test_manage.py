"""The owner's workspace: the centre's communities with what waits for the
moderators; managers create and edit communities; the activity log links
moderators' actions to the post they concern."""

import pytest
from django.urls import reverse

from communities import services
from communities.models import Community, Post

from .helpers import audit_actions, person

pytestmark = pytest.mark.django_db


def test_staff_see_what_waits_for_moderators(
    client, centre, editor, open_c, open_thread, member
):
    services.post_report(post=open_thread.posts.get(), by=member, reason="Spam")
    services.post_report(post=open_thread.posts.get(), by=editor, reason="Spam")
    services.post_reply(
        thread=open_thread, author=member, body="Wait", status=Post.Status.PENDING
    )
    person(open_c, status="pending")
    client.force_login(editor)
    page = client.get(
        reverse("manage:communities:list", kwargs={"centre_slug": centre.slug})
    )
    assert page.status_code == 200
    assert "Circular cities" in page.text
    counts = page.context["communities"][0]
    assert (
        counts.member_count,
        counts.report_count,
        counts.pending_count,
        counts.request_count,
    ) == (1, 1, 1, 1)


def test_manager_creates_a_community_and_it_is_logged(client, centre, manager):
    client.force_login(manager)
    address = reverse("manage:communities:create", kwargs={"centre_slug": centre.slug})
    response = client.post(address, {"name": "", "slug": "x"})
    assert response.status_code == 400
    assert not Community.objects.exists()
    response = client.post(
        address,
        {
            "name": "Green mobility",
            "slug": "green-mobility",
            "purpose": "Buses and bikes.",
            "sector": "mobility",
            "language": "en",
            "visibility": "open",
        },
    )
    assert response.status_code == 302
    community = Community.objects.get(slug="green-mobility")
    assert community.centre == centre
    assert "communities.community.created" in audit_actions(centre)


def test_activity_log_links_to_the_hidden_post(
    client, centre, manager, open_c, open_thread
):
    post = open_thread.posts.get()
    services.post_hide(post=post, by=manager, reason="Off topic")
    client.force_login(manager)
    page = client.get(reverse("manage:activity", kwargs={"centre_slug": centre.slug}))
    link = reverse(
        "communities:thread", kwargs={"slug": open_c.slug, "pk": open_thread.pk}
    )
    assert f"{link}?post={post.pk}" in page.text
    response = client.get(f"{link}?post={post.pk}")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=1#post-{post.pk}")

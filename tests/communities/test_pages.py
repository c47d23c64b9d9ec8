"""The community pages per role: anonymous, a signed-in non-member, a member,
a moderator, the owner's staff and the coordinator."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from communities.models import CommunityMember, Post, PostAttachment
from tests.advice.helpers import PDF

from .helpers import person

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"communities:{name}", kwargs={"slug": community.slug, **kwargs})


def test_list_shows_closed_communities_only_to_those_inside(
    client, open_c, closed_c, member, open_thread, closed_thread, coordinator
):
    page = client.get(reverse("communities:list"))
    assert "Circular cities" in page.text and "Health buyers" not in page.text
    client.force_login(person())
    assert "Health buyers" not in client.get(reverse("communities:list")).text
    client.force_login(member)
    page = client.get(reverse("communities:list"))
    assert "Health buyers" in page.text
    assert "1 thread" in page.text


def test_list_marks_the_communities_the_reader_belongs_to(client, open_c, closed_c):
    reader = person(closed_c)
    client.force_login(reader)
    badges = {
        community.slug: community.is_member
        for community in client.get(reverse("communities:list")).context["communities"]
    }
    assert badges == {open_c.slug: False, closed_c.slug: True}
    page = client.get(reverse("communities:list")).text
    assert page.count('<span class="badge badge--national">Member</span>') == 1
    CommunityMember.objects.create(community=open_c, user=reader)
    page = client.get(reverse("communities:list")).text
    assert page.count('<span class="badge badge--national">Member</span>') == 2


@pytest.mark.parametrize("who", ["anonymous", "outsider", "pending", "banned"])
def test_closed_community_is_404_to_everyone_outside(
    client, closed_c, closed_thread, who
):
    if who != "anonymous":
        status = {"outsider": None, "pending": "pending", "banned": "banned"}[who]
        client.force_login(person(closed_c, status=status) if status else person())
    post = closed_thread.posts.get()
    for address in [
        url("detail", closed_c),
        url("thread", closed_c, pk=closed_thread.pk),
        url("search", closed_c) + "?q=tender",
        url("members", closed_c),
        url("thread-new", closed_c),
        url("post-edit", closed_c, pk=post.pk),
        url("moderation", closed_c),
    ]:
        response = client.get(address)
        # Pages that need an account send a visitor to sign in first.
        allowed = (302, 404) if who == "anonymous" else (404,)
        assert response.status_code in allowed, (address, response.status_code)
        assert "zyxwvut" not in response.text


@pytest.mark.parametrize("role", ["member", "moderator", "staff", "coordinator"])
def test_insiders_read_the_closed_thread(
    client, closed_c, closed_thread, member, moderator, editor, coordinator, role
):
    user = {
        "member": member,
        "moderator": moderator,
        "staff": editor,
        "coordinator": coordinator,
    }[role]
    client.force_login(user)
    page = client.get(url("thread", closed_c, pk=closed_thread.pk))
    assert page.status_code == 200
    assert "zyxwvut" in page.text


def test_community_page_shows_owner_moderators_and_threads(
    client, open_c, member, open_thread
):
    person(open_c, role="moderator", full_name="Olga Moderator")
    page = client.get(url("detail", open_c))
    assert page.status_code == 200
    assert "Alpha Centre" in page.text and "Olga Moderator" in page.text
    assert "Reuse of furniture" in page.text
    assert "0 replies" in page.text


def test_join_open_community_at_once_and_leave(client, open_c):
    user = person()
    client.force_login(user)
    response = client.post(url("join", open_c))
    assert response.status_code == 302
    assert CommunityMember.objects.get(community=open_c, user=user).status == "active"
    assert client.post(url("leave", open_c)).status_code == 302
    assert not CommunityMember.objects.filter(community=open_c, user=user).exists()


def test_join_closed_community_by_request_approved_by_moderator(
    client, closed_c, moderator, closed_thread
):
    user = person()
    client.force_login(user)
    assert client.get(url("join", closed_c)).status_code == 200
    client.post(url("join", closed_c), {"message": "I buy for a hospital."})
    request = CommunityMember.objects.get(community=closed_c, user=user)
    assert request.status == "pending"
    assert client.get(url("detail", closed_c)).status_code == 404
    assert "waits for a moderator" in client.get(url("join", closed_c)).text
    client.force_login(moderator)
    queue = client.get(url("moderation", closed_c))
    assert "I buy for a hospital." in queue.text
    client.post(url("member-moderate", closed_c, pk=request.pk), {"action": "approve"})
    client.force_login(user)
    assert client.get(url("detail", closed_c)).status_code == 200


def test_non_member_cannot_post_with_a_clear_message(client, open_c, open_thread):
    client.force_login(person())
    response = client.post(url("thread", open_c, pk=open_thread.pk), {"body": "Hi"})
    assert response.status_code == 403
    assert Post.objects.filter(thread=open_thread).count() == 1


def test_member_replies_and_starts_a_thread(client, open_c, open_thread, member):
    client.force_login(member)
    response = client.post(
        url("thread", open_c, pk=open_thread.pk), {"body": "Try **reuse**."}
    )
    assert response.status_code == 302
    open_thread.refresh_from_db()
    assert open_thread.reply_count == 1
    response = client.post(
        url("thread-new", open_c), {"title": "Second", "body": "Text"}
    )
    assert response.status_code == 302
    assert open_c.threads.count() == 2


def test_empty_reply_changes_nothing(client, open_c, open_thread, member):
    client.force_login(member)
    response = client.post(url("thread", open_c, pk=open_thread.pk), {"body": ""})
    assert response.status_code == 400
    assert Post.objects.filter(thread=open_thread).count() == 1


def test_locked_thread_refuses_reply_with_message(
    client, open_c, open_thread, member, editor
):
    client.force_login(editor)
    client.post(url("thread-moderate", open_c, pk=open_thread.pk), {"action": "lock"})
    client.force_login(member)
    response = client.post(url("thread", open_c, pk=open_thread.pk), {"body": "x"})
    assert response.status_code == 400
    assert "locked" in response.text
    assert Post.objects.filter(thread=open_thread).count() == 1


@override_settings(NEWSLETTER_RATE_LIMITS={"community_post_user": (2, 600)})
def test_posting_is_rate_limited_per_user(client, open_c, open_thread, member):
    client.force_login(member)
    address = url("thread", open_c, pk=open_thread.pk)
    assert client.post(address, {"body": "1"}).status_code == 302
    assert client.post(address, {"body": "2"}).status_code == 302
    response = client.post(address, {"body": "3"})
    assert response.status_code == 429
    assert "Nothing was saved" in response.text
    assert Post.objects.filter(thread=open_thread).count() == 3


def test_new_account_post_in_closed_community_waits(
    client, closed_c, closed_thread, moderator
):
    newcomer = person(closed_c, new=True)
    client.force_login(newcomer)
    client.post(url("thread", closed_c, pk=closed_thread.pk), {"body": "Hello all"})
    post = Post.objects.get(author=newcomer)
    assert post.status == Post.Status.PENDING
    other = person(closed_c)
    client.force_login(other)
    assert (
        "Hello all" not in client.get(url("thread", closed_c, pk=closed_thread.pk)).text
    )
    client.force_login(moderator)
    client.post(url("post-moderate", closed_c, pk=post.pk), {"action": "approve"})
    client.force_login(other)
    assert "Hello all" in client.get(url("thread", closed_c, pk=closed_thread.pk)).text


def test_author_edits_own_post_only(client, open_c, open_thread, member):
    post = open_thread.posts.get()
    client.force_login(person(open_c))
    assert client.get(url("post-edit", open_c, pk=post.pk)).status_code == 404
    client.force_login(member)
    response = client.post(url("post-edit", open_c, pk=post.pk), {"body": "New text"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "New text" and post.edited_at


def test_report_and_hide_the_author_sees_the_reason(
    client, open_c, open_thread, member, editor
):
    post = open_thread.posts.get()
    reporter = person(open_c)
    client.force_login(reporter)
    client.post(url("post-report", open_c, pk=post.pk), {"reason": "Spam"})
    client.post(url("post-report", open_c, pk=post.pk), {"reason": "Spam again"})
    assert post.reports.count() == 1
    unreported = open_thread.posts.create(author=member, body="Fine", body_html="Fine")
    client.force_login(editor)
    queue = client.get(url("moderation", open_c))
    assert "Spam" in queue.text
    assert f"#post-{unreported.pk}" not in queue.text
    client.post(
        url("post-moderate", open_c, pk=post.pk),
        {"action": "hide", "reason": "Off topic here"},
    )
    client.force_login(member)
    page = client.get(url("thread", open_c, pk=open_thread.pk))
    assert "Off topic here" in page.text and "Ideas?" not in page.text
    client.force_login(reporter)
    page = client.get(url("thread", open_c, pk=open_thread.pk))
    assert "hidden by a moderator" in page.text
    assert "Off topic here" not in page.text


def test_moderator_of_one_community_has_no_power_in_another(
    client, open_c, closed_c, open_thread, moderator
):
    CommunityMember.objects.create(community=open_c, user=moderator)
    client.force_login(moderator)
    post = open_thread.posts.get()
    assert client.get(url("moderation", open_c)).status_code == 404
    response = client.post(
        url("post-moderate", open_c, pk=post.pk), {"action": "hide", "reason": "x"}
    )
    assert response.status_code == 404
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE
    assert client.get(url("moderation", closed_c)).status_code == 200


def test_files_are_checked_and_served_to_readers_only(
    client, closed_c, closed_thread, member
):
    client.force_login(member)
    address = url("thread", closed_c, pk=closed_thread.pk)
    bad = SimpleUploadedFile(
        "x.pdf", b"<html>no</html>", content_type="application/pdf"
    )
    response = client.post(address, {"body": "See file", "files": [bad]})
    assert response.status_code == 400
    assert PostAttachment.objects.count() == 0
    good = SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf")
    client.post(address, {"body": "See file", "files": [good]})
    attachment = PostAttachment.objects.get()
    file_url = url("file", closed_c, pk=attachment.pk)
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(person())
    assert client.get(file_url).status_code == 404
    client.logout()
    assert client.get(file_url).status_code == 404


def test_member_list_for_members_only(client, open_c, member):
    client.force_login(person())
    assert client.get(url("members", open_c)).status_code == 403
    client.force_login(member)
    page = client.get(url("members", open_c))
    assert page.status_code == 200 and "Mia Member" in page.text


def test_a_request_can_be_withdrawn(client, closed_c):
    user = person(closed_c, status="pending")
    client.force_login(user)
    assert client.post(url("leave", closed_c)).status_code == 302
    assert not CommunityMember.objects.filter(community=closed_c, user=user).exists()
    # Nothing left to withdraw: the closed community is 404 again.
    assert client.post(url("leave", closed_c)).status_code == 404

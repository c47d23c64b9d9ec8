"""The services of communities: threads and replies keep their counters, the
post_visible signal, approval of a new account's posts, moderation and its
activity log, membership."""

import pytest
from django.core.exceptions import ValidationError

from communities import services, signals
from communities.models import CommunityMember, Post, PostReport, Thread

from .helpers import audit_actions, community, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    posts = []

    def listener(sender, post, **kwargs):
        posts.append(post.pk)

    signals.post_visible.connect(listener)
    yield posts
    signals.post_visible.disconnect(listener)


def test_thread_and_replies_keep_exact_counts_and_signal(centre, heard):
    c = community(centre)
    author = person(c)
    thread = services.thread_start(
        community=c, author=author, title="Market dialogue", body="*How* to start?"
    )
    first = thread.posts.get()
    assert "<em>How</em>" in first.body_html
    reply = services.post_reply(thread=thread, author=author, body="Like this.")
    services.post_reply(thread=thread, author=author, body="Or so.")
    thread.refresh_from_db()
    assert thread.reply_count == 2
    assert thread.is_visible
    assert heard == [first.pk, reply.pk, reply.pk + 1]


def test_markdown_is_sanitised(centre):
    c = community(centre)
    thread = services.thread_start(
        community=c,
        author=person(c),
        title="x",
        body="<script>alert(1)</script>[a](javascript:alert(1))",
    )
    html = thread.posts.get().body_html
    assert "<script" not in html
    assert "javascript:" not in html


def test_locked_thread_takes_no_reply(centre):
    c = community(centre)
    author = person(c)
    thread = services.thread_start(community=c, author=author, title="t", body="b")
    services.thread_moderate(thread=thread, change="lock", by=author)
    with pytest.raises(ValidationError, match="locked"):
        services.post_reply(thread=thread, author=author, body="late")
    assert Post.objects.filter(thread=thread).count() == 1


def test_new_account_waits_in_a_closed_community_until_two_approved(
    centre, manager, heard
):
    c = community(centre, closed=True)
    newcomer = person(c, new=True)
    old_hand = person(c)
    assert services.post_status_for(community=c, user=old_hand) == "visible"
    assert services.post_status_for(community=c, user=manager) == "visible"
    status = services.post_status_for(community=c, user=newcomer)
    assert status == Post.Status.PENDING
    thread = services.thread_start(
        community=c, author=newcomer, title="Hello", body="First", status=status
    )
    thread.refresh_from_db()
    assert not thread.is_visible and heard == []
    first = thread.posts.get()
    services.post_approve(post=first, by=manager)
    services.post_approve(post=first, by=manager)  # twice: nothing more happens
    thread.refresh_from_db()
    assert thread.is_visible and thread.reply_count == 0
    assert heard == [first.pk]
    reply = services.post_reply(
        thread=thread, author=newcomer, body="Second", status=Post.Status.PENDING
    )
    services.post_approve(post=reply, by=manager)
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert services.post_status_for(community=c, user=newcomer) == "visible"
    assert audit_actions(centre).count("communities.post.approved") == 2


def test_open_community_never_holds_posts_back(centre):
    c = community(centre)
    assert services.post_status_for(community=c, user=person(c, new=True)) == "visible"


def test_report_once_then_hide_with_reason(centre, manager):
    c = community(centre)
    author, reporter = person(c), person(c)
    thread = services.thread_start(community=c, author=author, title="t", body="b")
    reply = services.post_reply(thread=thread, author=author, body="rude")
    services.post_report(post=reply, by=reporter, reason="Insulting")
    with pytest.raises(ValidationError, match="already"):
        services.post_report(post=reply, by=reporter, reason="Again")
    with pytest.raises(ValidationError):
        services.post_report(post=reply, by=person(c), reason="  ")
    services.post_hide(post=reply, by=manager, reason="Be kind")
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.status == Post.Status.HIDDEN and reply.hidden_reason == "Be kind"
    assert thread.reply_count == 0
    assert PostReport.objects.get().resolved_at is not None
    actions = set(audit_actions(centre))
    assert {"communities.post.reported", "communities.post.hidden"} <= actions


def test_hide_needs_a_reason(centre, manager):
    c = community(centre)
    thread = services.thread_start(community=c, author=person(c), title="t", body="b")
    with pytest.raises(ValidationError):
        services.post_hide(post=thread.posts.get(), by=manager, reason="")
    assert thread.posts.get().status == Post.Status.VISIBLE


def test_join_open_at_once_closed_on_request_and_ban_sticks(centre, manager):
    open_c, closed_c = community(centre), community(centre, slug="h", closed=True)
    user = person()
    assert services.member_join(community=open_c, user=user).status == "active"
    member = services.member_join(community=closed_c, user=user, message="Please")
    assert member.status == "pending" and member.request_message == "Please"
    services.member_moderate(member=member, decision="approve", by=manager)
    member.refresh_from_db()
    assert member.status == "active"
    services.member_moderate(member=member, decision="ban", by=manager)
    services.member_leave(community=closed_c, user=user)
    with pytest.raises(ValidationError):
        services.member_join(community=closed_c, user=user)
    assert CommunityMember.objects.get(community=closed_c, user=user).status == (
        "banned"
    )
    assert "communities.member.banned" in audit_actions(centre)


def test_only_owner_staff_appoint_moderators(centre, editor):
    c = community(centre)
    moderator = person(c, role="moderator")
    member = person(c)
    target = CommunityMember.objects.get(user=member)
    with pytest.raises(ValidationError):
        services.member_moderate(member=target, decision="appoint", by=moderator)
    services.member_moderate(member=target, decision="appoint", by=editor)
    target.refresh_from_db()
    assert target.role == "moderator"


def test_edit_own_post_rerenders_and_marks_edited(centre):
    c = community(centre)
    author = person(c)
    thread = services.thread_start(community=c, author=author, title="t", body="a")
    post = thread.posts.get()
    services.post_edit(post=post, by=author, body="**b**")
    post.refresh_from_db()
    assert "<strong>b</strong>" in post.body_html and post.edited_at
    with pytest.raises(ValidationError):
        services.post_edit(post=post, by=person(c), body="hijack")


def test_pin_sorts_first(centre):
    c = community(centre)
    author = person(c)
    old = services.thread_start(community=c, author=author, title="old", body="b")
    services.thread_start(community=c, author=author, title="new", body="b")
    services.thread_moderate(thread=old, change="pin", by=author)
    assert list(Thread.objects.filter(community=c).values_list("title", flat=True)) == [
        "old",
        "new",
    ]


def test_moderation_mails_the_people_concerned_once(centre, manager):
    from accounts.models import OutboundEmail

    closed_c = community(centre, slug="mail", closed=True)
    moderator = person(closed_c, role="moderator")
    asking = person()
    member = services.member_join(community=closed_c, user=asking, message="Hi")
    services.member_join(community=closed_c, user=asking, message="Again")
    [request_mail] = OutboundEmail.objects.filter(to=moderator.email)
    assert "asks to join" in request_mail.subject and "Hi" in request_mail.body_text
    services.member_moderate(member=member, decision="approve", by=moderator)
    [welcome] = OutboundEmail.objects.filter(to=asking.email)
    assert "Welcome" in welcome.subject
    assert "http" in welcome.body_text and "/communities/mail/" in welcome.body_text
    thread = services.thread_start(
        community=closed_c, author=asking, title="t", body="b"
    )
    services.post_hide(post=thread.posts.get(), by=moderator, reason="Off topic")
    hidden = OutboundEmail.objects.filter(to=asking.email).exclude(pk=welcome.pk)
    assert [m.subject for m in hidden] == ["A moderator hid your post in Mail"]
    assert "Off topic" in hidden[0].body_text

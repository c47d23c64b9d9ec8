"""A visible post is mailed at once to the members who chose every post, and
to nobody else; each mail once, in her language, with absolute links and a
signed way out."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import OutboundEmail
from communities import services, tasks
from communities.models import CommunityMember, Post
from tests.factories import UserFactory

from .helpers import join, make_community, reply, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(centre):
    return make_community(centre=centre)


def test_a_reply_is_mailed_to_instant_members_only(community, centre, sent):
    author = join(community, notify="instant", email="author@example.org")
    thread = start(community, author)
    instant = join(community, notify="instant", email="instant@example.org")
    join(community, notify="daily", email="daily@example.org")
    join(community, notify="none", email="none@example.org")
    join(community, notify="instant", status="pending", email="pending@example.org")
    join(community, notify="instant", status="banned", email="banned@example.org")
    elsewhere = make_community(centre=centre, slug="health", closed=True)
    join(elsewhere, notify="instant", email="elsewhere@example.org")
    mail.outbox.clear()

    with sent():
        post = reply(thread, author, body="Ghent reused **all** the desks.")

    assert [m.to for m in mail.outbox] == [[instant.email]]
    message = mail.outbox[0]
    assert message.subject == "New in Circular: Reusing furniture"
    assert "Ghent reused **all** the desks." in message.body
    thread_url = settings.SITE_URL + reverse(
        "communities:thread", kwargs={"slug": "circular", "pk": thread.pk}
    )
    assert thread_url in message.body
    assert "/en/community-emails/out/" in message.body
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<" + settings.SITE_URL + "/en/community-emails/out/")
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    row = OutboundEmail.objects.get(template="community-post")
    assert row.dedupe_key == f"community.post:{post.pk}:u{instant.pk}"
    assert row.status == OutboundEmail.Status.SENT


def test_the_author_is_never_mailed_about_her_own_post(community, sent):
    author = join(community, notify="instant")
    with sent():
        start(community, author)
    assert mail.outbox == []


def test_running_the_task_again_sends_nothing_twice(community, sent):
    author = join(community)
    join(community, notify="instant")
    with sent():
        post = start(community, author).posts.get()
    assert len(mail.outbox) == 1
    with sent():
        assert tasks.post_notify(post.pk) == 0
    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.filter(template="community-post").count() == 1


def test_a_waiting_post_is_mailed_when_approved_not_before(community, sent):
    author = join(community)
    join(community, notify="instant")
    thread = start(community, author)
    mail.outbox.clear()
    with sent():
        post = services.post_reply(
            thread=thread, author=author, body="Later", status=Post.Status.PENDING
        )
    assert mail.outbox == []
    with sent():
        services.post_approve(post=post)
    assert len(mail.outbox) == 1
    assert "Later" in mail.outbox[0].body


def test_a_post_hidden_before_the_worker_ran_is_mailed_to_nobody(community, sent):
    author = join(community)
    join(community, notify="instant")
    post = start(community, author).posts.get()
    Post.objects.filter(pk=post.pk).update(status=Post.Status.HIDDEN)
    with sent():
        assert tasks.post_notify(post.pk) == 0
    assert mail.outbox == []


def test_the_mail_is_in_the_recipients_language(community, sent):
    author = join(community)
    thread = start(community, author)
    german = join(community, UserFactory(language="de"), notify="instant")
    mail.outbox.clear()
    with sent():
        reply(thread, author)
    [message] = mail.outbox
    assert message.to == [german.email]
    assert message.subject.startswith("Neu in Circular")
    with translation.override("de"):
        path = reverse("communities_notify:preferences")
    assert path.startswith("/de/")
    assert settings.SITE_URL + path in message.body


def test_an_inactive_account_gets_nothing(community, sent):
    author = join(community)
    join(community, UserFactory(is_active=False), notify="instant")
    with sent():
        start(community, author)
    assert mail.outbox == []


def test_the_one_click_header_of_a_post_mail_leaves_that_community(
    community, centre, sent, client
):
    author = join(community)
    other = make_community(centre=centre, slug="health")
    reader = join(community, notify="instant")
    join(other, reader, notify="instant")
    with sent():
        start(community, author)
    [message] = mail.outbox
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    response = client.post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response.content == b"Unsubscribed.\n"
    notify = dict(
        CommunityMember.objects.filter(user=reader).values_list(
            "community__slug", "notify"
        )
    )
    assert notify == {"circular": "none", "health": "instant"}

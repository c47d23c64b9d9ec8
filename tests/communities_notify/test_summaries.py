"""Daily and weekly summaries: each member who chose one gets the new visible
posts of her communities since her last summary, once per period, nothing
when nothing is new; bulk mail with RFC 8058 one-click headers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import OutboundEmail
from communities import services, tasks
from communities.models import CommunityMember, CommunitySummary, Post

from .helpers import join, make_community, reply, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(centre):
    circular = make_community(centre=centre, slug="circular")
    health = make_community(centre=centre, slug="health", closed=True)
    author = join(circular, email="author@example.org")
    join(health, author)
    reader = join(circular, notify="daily", email="reader@example.org")
    join(health, reader, notify="daily")
    weekly = join(circular, notify="weekly", email="weekly@example.org")
    instant = join(circular, notify="instant", email="instant@example.org")
    return {
        "circular": circular,
        "health": health,
        "author": author,
        "reader": reader,
        "weekly": weekly,
        "instant": instant,
    }


def summaries(to):
    return [m for m in mail.outbox if to in m.to and "summary" in m.subject.lower()]


def test_the_daily_summary_is_sent_once_even_when_the_task_runs_twice(world, sent):
    thread = start(world["circular"], world["author"], title="Reuse")
    reply(thread, world["author"], body="Second post")
    start(world["health"], world["author"], title="Hospital beds")
    mail.outbox.clear()

    with sent():
        tasks.summaries_send("daily")
    with sent():
        tasks.summaries_send("daily")
    # And once more for her alone, as a redelivered task would.
    with sent():
        assert (
            tasks.summary_send(world["reader"].pk, "daily", timezone.now().isoformat())
            is False
        )

    [message] = summaries("reader@example.org")
    assert message.subject == "Your daily community summary: 3 new posts"
    assert "Reuse" in message.body and "Hospital beds" in message.body
    assert "Second post" in message.body
    # Only the reader chose daily; the weekly and instant members get no summary.
    assert len([m for m in mail.outbox if "summary" in m.subject.lower()]) == 1
    row = CommunitySummary.objects.get(user=world["reader"])
    assert (row.frequency, row.post_count) == ("daily", 3)
    assert row.email.status == OutboundEmail.Status.SENT


def test_the_summary_carries_rfc_8058_headers_that_work(world, sent, client):
    start(world["circular"], world["author"])
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("daily")
    [message] = summaries("reader@example.org")
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    assert "/en/community-emails/out/" in header
    assert message.extra_headers["Precedence"] == "bulk"
    url = header.strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]

    # The one-click POST: no cookies, no CSRF token.
    response = client.post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    notify = dict(
        CommunityMember.objects.filter(user=world["reader"]).values_list(
            "community__slug", "notify"
        )
    )
    assert notify == {"circular": "none", "health": "none"}
    # Other people's choices stay.
    assert CommunityMember.objects.get(user=world["weekly"]).notify == "weekly"


def test_nothing_is_sent_when_nothing_is_new(world, sent):
    with sent():
        assert tasks.summaries_send("daily") == 1  # the reader is rung
    assert mail.outbox == []
    # The period is claimed all the same: a second run does not look again.
    assert CommunitySummary.objects.get(user=world["reader"]).post_count == 0


def test_her_own_posts_and_hidden_posts_are_not_news(world, sent):
    start(world["circular"], world["reader"], title="Mine")
    hidden = start(world["circular"], world["author"], title="Hidden").posts.get()
    Post.objects.filter(pk=hidden.pk).update(status=Post.Status.HIDDEN)
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("daily")
    assert summaries("reader@example.org") == []


def test_the_next_summary_starts_where_the_last_ended(world, sent):
    start(world["circular"], world["author"], title="Monday thread")
    with sent():
        tasks.summaries_send("daily")
    tomorrow = timezone.now() + timedelta(days=1)
    thread = start(world["circular"], world["author"], title="Tuesday thread")
    Post.objects.filter(thread=thread).update(
        created_at=tomorrow - timedelta(hours=1),
        visible_at=tomorrow - timedelta(hours=1),
    )
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("daily", tomorrow.isoformat())
    [message] = summaries("reader@example.org")
    assert message.subject == "Your daily community summary: 1 new post"
    assert "Tuesday thread" in message.body
    assert "Monday thread" not in message.body


def test_a_post_approved_after_a_summary_is_in_the_next(world, sent):
    thread = start(world["circular"], world["author"], title="Approved later")
    waiting = services.post_reply(
        thread=thread,
        author=world["author"],
        body="Held for a moderator",
        status=Post.Status.PENDING,
    )
    with sent():
        tasks.summaries_send("daily")
    [first] = summaries("reader@example.org")
    assert "Held for a moderator" not in first.body
    tomorrow = timezone.now() + timedelta(days=1)
    services.post_approve(post=waiting)
    Post.objects.filter(pk=waiting.pk).update(visible_at=tomorrow - timedelta(hours=1))
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("daily", tomorrow.isoformat())
    [message] = summaries("reader@example.org")
    assert message.subject == "Your daily community summary: 1 new post"
    assert "Held for a moderator" in message.body


def test_the_weekly_summary_goes_to_weekly_members_once_a_week(world, sent):
    start(world["circular"], world["author"], title="Weekly news")
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("weekly")
    with sent():
        tasks.summaries_send("weekly")
    [message] = summaries("weekly@example.org")
    assert message.subject == "Your weekly community summary: 1 new post"
    assert "Weekly news" in message.body
    assert summaries("reader@example.org") == []
    row = CommunitySummary.objects.get(user=world["weekly"])
    assert row.period.startswith(str(timezone.now().isocalendar()[0]))
    assert "-W" in row.period


def test_a_member_who_left_the_closed_community_reads_none_of_it(world, sent):
    CommunityMember.objects.filter(
        user=world["reader"], community=world["health"]
    ).update(status=CommunityMember.Status.BANNED)
    start(world["health"], world["author"], title="Private matter")
    start(world["circular"], world["author"], title="Public matter")
    mail.outbox.clear()
    with sent():
        tasks.summaries_send("daily")
    [message] = summaries("reader@example.org")
    assert "Public matter" in message.body
    assert "Private matter" not in message.body


def test_the_summary_shows_a_post_as_text_without_its_markdown(world, sent):
    thread = start(world["circular"], world["author"], title="Reuse")
    reply(
        thread,
        world["author"],
        body="We ask for **take-back** & [repair](https://example.org).",
    )
    mail.outbox.clear()

    with sent():
        tasks.summaries_send("daily")

    [message] = summaries("reader@example.org")
    html = message.alternatives[0][0]
    assert "We ask for take-back &amp; repair." in html
    assert "**" not in html and "](" not in html
    assert "We ask for take-back & repair." in message.body

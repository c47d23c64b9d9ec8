"""Crash-safe bulk sending: fan-out, claims, SMTP outcomes, the reaper, headers.

These call the tasks in-process against a real SMTP server (aiosmtpd, the
`smtp_sink` fixture) and the real PostgreSQL; test_celery_live.py runs them on a
real worker and Redis.
"""

import re
import socket
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletters import rendering, services, tasks
from newsletters.models import Delivery, Issue, SendChain, Suppression
from newsletters.tasks import (
    backoff,
    chains_keep_alive,
    deliveries_reap,
    deliveries_send,
    issue_fan_out,
    issue_test_send,
    max_eta,
)
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = pytest.mark.django_db


def sending_issue(coordinator=None, **data) -> Issue:
    issue = issue_ready(by=coordinator, **data)
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SENDING, sending_started_at=timezone.now()
    )
    issue.refresh_from_db()
    return issue


def send(issue, **kwargs):
    return deliveries_send.apply(kwargs={"issue_id": issue.pk, **kwargs}).get()


def statuses(issue):
    return sorted(Delivery.objects.filter(issue=issue).values_list("status", flat=True))


@pytest.fixture
def readers(db):
    return [
        subscriber_create(f"reader{i}@example.org", name=f"Reader {i}")
        for i in range(5)
    ]


def test_fan_out_twice_creates_no_extra_rows(readers):
    subscriber_create("pending@example.org", confirmed=False)
    subscriber_create("digest-only@example.org", wants_newsletter=False)
    issue = sending_issue()
    assert services.issue_queue(issue=issue) == 5
    assert services.issue_queue(issue=issue) == 5
    assert Delivery.objects.filter(issue=issue).count() == 5
    # And through the task, twice, as a redelivered message would run it.
    issue_fan_out.apply(args=[issue.pk])
    issue_fan_out.apply(args=[issue.pk])
    assert Delivery.objects.filter(issue=issue).count() == 5


def test_sending_delivers_each_subscriber_once_and_finishes(readers, smtp_sink):
    issue = sending_issue()
    issue_fan_out.apply(args=[issue.pk])  # rings the senders (eager here)
    assert len(smtp_sink.messages) == 5
    assert statuses(issue) == ["sent"] * 5
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_at and issue.recipient_count == 5
    assert all(d.sent_at for d in Delivery.objects.filter(issue=issue))


def test_a_task_run_twice_sends_nothing_twice(readers, smtp_sink):
    issue = sending_issue()
    services.issue_queue(issue=issue)
    send(issue)
    send(issue)
    send(issue, batch_size=1)
    recipients = [m["To"] for m in smtp_sink.messages]
    assert len(recipients) == 5 and len(set(recipients)) == 5


def test_unsubscribe_between_queueing_and_claim_means_no_mail(readers, smtp_sink):
    issue = sending_issue()
    services.issue_queue(issue=issue)
    services.subscriber_unsubscribe(subscriber=readers[0], list_name="newsletter")
    services.subscriber_unsubscribe(subscriber=readers[1], list_name="all")
    Suppression.objects.create(email=readers[2].email, reason="hard_bounce")
    # Leaving the digest does not remove anyone from the newsletter.
    services.subscriber_unsubscribe(subscriber=readers[3], list_name="digest")
    send(issue)
    sent_to = {m["To"] for m in smtp_sink.messages}
    assert sent_to == {
        "Reader 3 <reader3@example.org>",
        "Reader 4 <reader4@example.org>",
    }
    assert statuses(issue) == ["sent", "sent", "skipped", "skipped", "skipped"]


def test_transient_refusal_requeues_with_backoff_and_permanent_one_fails(
    readers, smtp_sink
):
    issue = sending_issue()
    services.issue_queue(issue=issue)
    smtp_sink.reject_with = "451 4.3.0 Try again later"
    send(issue)
    rows = list(Delivery.objects.filter(issue=issue))
    assert {r.status for r in rows} == {"queued"}
    assert all(r.attempts == 1 and "451" in r.last_error for r in rows), [
        (r.attempts, r.last_error) for r in rows
    ]
    assert all(r.not_before > timezone.now() + timedelta(seconds=20) for r in rows)
    assert smtp_sink.messages == []
    # Not due yet: a second run claims nothing.
    send(issue)
    assert Delivery.objects.filter(issue=issue, attempts=1).count() == 5

    Delivery.objects.filter(issue=issue).update(not_before=timezone.now())
    smtp_sink.reject_with = "550 5.1.1 No such user"
    send(issue)
    rows = list(Delivery.objects.filter(issue=issue))
    assert {r.status for r in rows} == {"failed"}
    assert all("550" in r.last_error for r in rows)
    smtp_sink.reject_with = None
    send(issue)
    assert smtp_sink.messages == []  # final states are left alone
    issue.refresh_from_db()
    assert issue.status == "sent"


def test_a_lost_connection_requeues_the_batch(readers, settings):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    issue = sending_issue()
    services.issue_queue(issue=issue)
    assert send(issue) == 0
    rows = list(Delivery.objects.filter(issue=issue))
    assert {r.status for r in rows} == {"queued"}
    assert all(r.attempts == 0 and r.not_before > timezone.now() for r in rows)


def test_reaper_requeues_only_claims_whose_lease_expired(readers, smtp_sink, settings):
    settings.NEWSLETTER_LEASE_SECONDS = 30
    issue = sending_issue()
    services.issue_queue(issue=issue)
    Issue.objects.filter(pk=issue.pk).update(queued_at=timezone.now())
    rows = list(Delivery.objects.filter(issue=issue).order_by("pk"))
    old = timezone.now() - timedelta(seconds=31)
    Delivery.objects.filter(pk=rows[0].pk).update(status="sending", claimed_at=old)
    Delivery.objects.filter(pk=rows[1].pk).update(
        status="sending", claimed_at=timezone.now() - timedelta(seconds=25)
    )
    Delivery.objects.exclude(pk__in=[rows[0].pk, rows[1].pk]).update(status="sent")
    result = deliveries_reap.apply().get()
    assert result["requeued"] == 1 and result["rung"] == 1
    # The ring ran the sender (eagerly): the abandoned row went out; the fresh
    # claim of a live worker was not touched.
    assert [m["To"] for m in smtp_sink.messages] == ["Reader 0 <reader0@example.org>"]
    assert Delivery.objects.get(pk=rows[0].pk).status == "sent"
    assert Delivery.objects.get(pk=rows[1].pk).status == "sending"
    assert deliveries_reap.apply().get() == {"requeued": 0, "rung": 0}


def test_reaper_finishes_an_issue_with_nothing_left(readers):
    issue = sending_issue()
    services.issue_queue(issue=issue)
    Delivery.objects.filter(issue=issue).update(status="sent")
    Issue.objects.filter(pk=issue.pk).update(queued_at=timezone.now())
    deliveries_reap.apply()
    assert Issue.objects.get(pk=issue.pk).status == "sent"


def test_reaper_restarts_a_fan_out_that_died(readers, smtp_sink):
    issue = sending_issue()
    Issue.objects.filter(pk=issue.pk).update(
        sending_started_at=timezone.now() - timedelta(minutes=5)
    )
    assert deliveries_reap.apply().get()["rung"] == 1
    assert len(smtp_sink.messages) == 5


def test_headers_unsubscribe_and_deterministic_message_id(readers, smtp_sink, settings):
    settings.SITE_DOMAIN = "portal.p2i.example.eu"
    issue = sending_issue()
    services.issue_queue(issue=issue)
    send(issue)
    message = next(m for m in smtp_sink.messages if "reader1@" in m["To"])
    sub = readers[1]
    expected_id = f"<p2i.issue.{issue.pk}.{sub.pk}@portal.p2i.example.eu>"
    assert message["Message-ID"] == expected_id
    assert rendering.issue_message(issue, sub).extra_headers["Message-ID"] == (
        expected_id
    )
    unsubscribe = message["List-Unsubscribe"]
    urls = re.findall(r"<([^>]+)>", unsubscribe)
    assert urls[0].startswith("http") and "/newsletter/unsubscribe/" in urls[0]
    assert urls[0].endswith("/newsletter/")  # the list
    assert urls[1].startswith("mailto:unsubscribe@")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "P2I newsletter <newsletter.p2i.example.eu>"
    assert message["Precedence"] == "bulk"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "<style" not in html and 'style="' in html  # CSS inlined
    assert "Hello Reader 1," in html and "Hello Reader 1," in text
    assert "Joint webinar series" in html and "Joint webinar series" in text
    assert (
        reverse("newsletters:preferences-account") in html
        and reverse("newsletters:preferences-account") in text
    )
    assert "P2I-PLACEHOLDER" not in html + text


def test_https_site_gives_https_unsubscribe_link(readers, settings):
    settings.SITE_URL = "https://p2i.example.eu"
    issue = sending_issue(subject="Secure links")
    message = rendering.issue_message(issue, readers[0])
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://p2i.example.eu" + reverse("newsletters:subscribe") + "unsubscribe/"
    )


def test_names_are_escaped_in_html(smtp_sink):
    sub = subscriber_create("x@example.org", name="<b>Eve</b>")
    issue = sending_issue()
    html = rendering.issue_message(issue, sub).alternatives[0][0]
    assert "&lt;b&gt;Eve&lt;/b&gt;" in html and "<b>Eve</b>" not in html


def test_no_eta_longer_than_half_the_visibility_timeout(settings):
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    assert max_eta() == 1800
    assert all(backoff(n) <= 1800 for n in range(1, 30))
    assert backoff(1) == 30 and backoff(2) == 60


def test_test_sends_get_a_message_id_of_their_own_each(
    readers, smtp_sink, settings, coordinator
):
    settings.SITE_DOMAIN = "portal.p2i.example.eu"
    issue = sending_issue()
    issue_test_send.apply(args=[issue.pk, coordinator.pk])
    issue_test_send.apply(args=[issue.pk, coordinator.pk])
    first, second = smtp_sink.messages
    assert first["To"] == second["To"] == coordinator.email
    assert first["Message-ID"] != second["Message-ID"]
    for message in (first, second):
        assert message["Message-ID"].endswith("@portal.p2i.example.eu>")
        assert message["Subject"].startswith("[Test]")


def test_a_batch_stops_at_rows_whose_lease_it_lost(readers, smtp_sink, settings):
    """A worker that stalled past its lease finds at its next renewal that the
    reaper gave its rows to another claim, and sends none of them."""
    settings.NEWSLETTER_LEASE_SECONDS = 30
    issue = sending_issue()
    services.issue_queue(issue=issue)
    claimed = tasks.deliveries_claim(issue_id=issue.pk, batch_size=5, claim="mine")
    # Two rows went back to the queue (the lease expired) and were claimed again.
    taken = [claimed[3].pk, claimed[4].pk]
    Delivery.objects.filter(pk__in=taken).update(claim_token="theirs")
    settings.NEWSLETTER_LEASE_SECONDS = 0  # every message renews first
    sent = tasks.deliveries_deliver(deliveries=claimed, issue=issue, claim="mine")
    assert sent == 3
    assert sorted(m["To"] for m in smtp_sink.messages) == [
        f"Reader {i} <reader{i}@example.org>" for i in range(3)
    ]
    assert (
        list(Delivery.objects.filter(pk__in=taken).values_list("status", "claim_token"))
        == [("sending", "theirs")] * 2
    )


def test_a_chain_whose_next_task_cannot_be_queued_ends_quietly(readers, settings):
    """The broker is down (nothing listens on its port): ringing fails, the slot
    is left idle for the reaper, and the caller gets no exception."""
    from p2i_portal.celery import app
    from tests.services import celery_forget_connections, free_port

    issue = sending_issue()
    services.issue_queue(issue=issue)
    Issue.objects.filter(pk=issue.pk).update(queued_at=timezone.now())
    conf = app.conf
    old = conf.task_always_eager, conf.broker_url, conf.broker_connection_max_retries
    settings.CELERY_TASK_ALWAYS_EAGER = False
    conf.task_always_eager = False
    conf.broker_url = f"redis://127.0.0.1:{free_port()}/0"
    conf.broker_connection_max_retries = 0
    celery_forget_connections(app)
    try:
        assert chains_keep_alive(issue_id=issue.pk) == 0
    finally:
        (
            conf.task_always_eager,
            conf.broker_url,
            conf.broker_connection_max_retries,
        ) = old
        celery_forget_connections(app)
    assert (
        list(SendChain.objects.filter(issue=issue).values_list("beat_at"))
        == [(None,)] * settings.NEWSLETTER_PARALLEL
    )
    assert statuses(issue) == ["queued"] * 5

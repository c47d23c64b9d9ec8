"""The joint newsletter through a real Celery worker process, a real Redis and a
real SMTP server: the send button, repeated doorbells, and the reaper."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from newsletters import services
from newsletters.models import Delivery, Issue, Section
from newsletters.tasks import deliveries_reap, deliveries_send
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def wait_until_sent(issue, worker, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        issue.refresh_from_db()
        if issue.status == "sent":
            return issue
        time.sleep(0.2)
    log = Path(worker.log_path).read_text()[-3000:]
    raise AssertionError(f"issue stayed {issue.status}; worker log:\n{log}")


def test_an_issue_goes_out_once_to_everyone_through_the_worker(
    celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    for i in range(40):
        subscriber_create(f"live{i}@example.org")
    issue = issue_ready()
    with transaction.atomic():
        services.issue_start(issue=issue)
    # Extra doorbells, as a redelivered or duplicated message would ring.
    for _ in range(3):
        deliveries_send.delay(issue_id=issue.pk, batch_size=7)
    wait_until_sent(issue, celery_live)
    time.sleep(1.0)  # any duplicate would arrive by now
    recipients = [m["To"] for m in sink.messages]
    assert len(recipients) == 40 and len(set(recipients)) == 40
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 40
    ids = {m["Message-ID"] for m in sink.messages}
    assert len(ids) == 40
    assert all(m["List-Unsubscribe-Post"] for m in sink.messages)


def test_the_reaper_recovers_a_send_whose_worker_died(
    celery_live, smtp_server, settings
):
    sink, _ = smtp_server
    sink.clear()
    for i in range(5):
        subscriber_create(f"orphan{i}@example.org")
    issue = issue_ready()
    Issue.objects.filter(pk=issue.pk).update(
        status="sending", sending_started_at=timezone.now()
    )
    services.issue_queue(issue=issue)
    # A worker claimed everything and died: rows SENDING, nobody ringing.
    long_ago = timezone.now() - timedelta(hours=1)
    Delivery.objects.filter(issue=issue).update(status="sending", claimed_at=long_ago)
    Issue.objects.filter(pk=issue.pk).update(queued_at=long_ago)
    assert deliveries_reap.apply().get() == {
        "requeued": 5,
        "rung": settings.NEWSLETTER_PARALLEL,
    }
    wait_until_sent(issue, celery_live)
    assert len(sink.wait_for(5)) == 5


def test_a_translated_section_goes_out_in_each_readers_language(
    celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    subscriber_create("de-live@example.org", language="de")
    subscriber_create("sv-live@example.org", language="sv")
    issue = issue_ready()
    with scopes_disabled():
        section = Section.objects.get(issue=issue)
    services.section_translation_save(
        section=section,
        language="de",
        by=None,
        title="Gemeinsame Webinarreihe",
        body="Drei Webinare.",
    )
    issue.refresh_from_db()
    with transaction.atomic():
        services.issue_start(issue=issue)
    wait_until_sent(issue, celery_live)
    texts = {m["To"]: m.get_body(("plain",)).get_content() for m in sink.wait_for(2)}
    assert "== Gemeinsame Webinarreihe ==" in texts["de-live@example.org"]
    assert "== Joint webinar series ==" in texts["sv-live@example.org"]
    assert "Gemeinsame" not in texts["sv-live@example.org"]

"""Transactional mail through a real Celery worker, Redis and SMTP server.

The worker is a separate `celery worker` process; it reads the rows the test
committed in PostgreSQL, claims them with SKIP LOCKED and sends over SMTP to the
aiosmtpd sink that these tests read.
"""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import OutboundEmail, User
from accounts.services import email_queue
from accounts.tasks import email_reap, email_send
from tests.factories import PASSWORD

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def wait_for_status(pk, status, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = OutboundEmail.objects.get(pk=pk)
        if row.status == status:
            return row
        time.sleep(0.1)
    raise AssertionError(f"e-mail {pk} stayed {row.status}, wanted {status}")


def test_signup_verification_mail_is_sent_by_the_worker_and_verifies(
    client, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "worker.test@city.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "Worker Test",
            "profile_role": "procurer",
        },
    )
    assert response.status_code == 302
    [message] = sink.wait_for(1)
    assert message["To"] == "worker.test@city.example"
    body = message.get_body(("plain",)).get_content()
    link = next(word for word in body.split() if "/accounts/confirm-email/" in word)
    row = wait_for_status(
        OutboundEmail.objects.get(to="worker.test@city.example").pk, "sent"
    )
    assert row.sent_at is not None and row.attempts == 1

    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.post(path)
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="worker.test@city.example").verified
    assert User.objects.filter(email="worker.test@city.example").exists()


def test_a_repeated_task_sends_nothing_twice(celery_live, smtp_server):
    sink, _ = smtp_server
    sink.clear()
    email = email_queue(to="once@example.org", subject="Once", body_text="Only once.")
    # Commit happened (transactional test): ring the doorbell three more times.
    for _ in range(3):
        email_send.delay(email.pk)
    wait_for_status(email.pk, "sent")
    time.sleep(1.0)  # give any duplicate a chance to arrive
    assert [m["To"] for m in sink.messages] == ["once@example.org"]


def test_transient_smtp_refusal_requeues_and_permanent_one_fails(smtp_sink, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    smtp_sink.reject_with = "451 4.3.0 Try again later"
    email = OutboundEmail.objects.create(
        to="later@example.org", subject="S", body_text="B"
    )
    assert email_send.apply(args=[email.pk]).get() == "requeued"
    email.refresh_from_db()
    assert (
        email.status == "queued" and "451" in email.last_error and email.attempts == 1
    )

    smtp_sink.reject_with = "550 5.1.1 No such user"
    assert email_send.apply(args=[email.pk]).get() == "failed"
    email.refresh_from_db()
    assert email.status == "failed" and "550" in email.last_error

    smtp_sink.reject_with = None
    assert (
        email_send.apply(args=[email.pk]).get() == "skipped"
    )  # final state: left alone
    assert smtp_sink.messages == []


def test_reaper_requeues_an_abandoned_claim_and_the_worker_sends_it(
    celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    stale = OutboundEmail.objects.create(
        to="abandoned@example.org",
        subject="Abandoned",
        body_text="A worker died while sending this.",
        status=OutboundEmail.Status.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
        attempts=1,
    )
    fresh = OutboundEmail.objects.create(
        to="inflight@example.org",
        subject="In flight",
        body_text="Another worker is sending this right now.",
        status=OutboundEmail.Status.SENDING,
        claimed_at=timezone.now(),
        attempts=1,
    )
    assert email_reap.apply().get() == 1
    wait_for_status(stale.pk, "sent")
    assert OutboundEmail.objects.get(pk=fresh.pk).status == "sending"
    assert [m["To"] for m in sink.wait_for(1)] == ["abandoned@example.org"]


def test_worker_process_is_a_real_separate_process(celery_live):
    import os

    assert celery_live.pid != os.getpid()
    assert celery_live.poll() is None

"""Celery tasks for bulk mail. The database is the truth, the broker a doorbell.

Every task takes primary keys and is safe to run twice or in parallel:
deliveries are claimed with SELECT … FOR UPDATE SKIP LOCKED, marked SENDING with
`claimed_at`, sent over one SMTP connection per batch, and marked SENT only once
the server accepted each message. A beat-driven reaper re-queues claims a dead
worker abandoned and re-rings campaigns whose doorbell was lost (a broker
restart). No ETA is longer than half the broker's visibility timeout.
"""

import contextlib
import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone

from . import rendering, services
from .models import Delivery, Digest, Issue, Subscriber, Suppression

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def _conf(name, default):
    return getattr(settings, name, default)


def max_eta() -> int:
    """Half the broker's visibility timeout: a longer ETA would be redelivered
    (and run twice) by Redis before it is due."""
    options = _conf("CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
    return int(options.get("visibility_timeout", 3600)) // 2


def backoff(attempts: int) -> int:
    return min(30 * 2 ** max(attempts - 1, 0), max_eta())


def stale_after() -> timedelta:
    return timedelta(seconds=_conf("NEWSLETTER_STALE_SECONDS", 600))


def _current_queue() -> str | None:
    """The queue the running task came from, so that follow-up work stays on it
    (workers may serve dedicated queues); None outside a worker."""
    from celery import current_task

    info = getattr(getattr(current_task, "request", None), "delivery_info", None)
    return (info or {}).get("routing_key") or None


def _queue_kwargs() -> dict:
    queue = _current_queue()
    return {"queue": queue} if queue else {}


def _ring(*, issue_id=None, digest_id=None, countdown=0, chains=1) -> None:
    countdown = max(0, min(int(countdown), max_eta()))
    queue = _current_queue()
    for _ in range(chains):
        deliveries_send.apply_async(
            kwargs={"issue_id": issue_id, "digest_id": digest_id},
            countdown=countdown or None,
            **({"queue": queue} if queue else {}),
        )


def _campaign_heartbeat(*, issue_id, digest_id) -> None:
    model, pk = (Issue, issue_id) if issue_id else (Digest, digest_id)
    model.objects.filter(pk=pk).update(heartbeat_at=timezone.now())


def _smtp_code(exc: Exception) -> int | None:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return min(codes) if codes else None
    return getattr(exc, "smtp_code", None)


def _is_connection_error(exc: Exception) -> bool:
    """The connection is gone (not a server's answer about one message).
    SMTPException subclasses OSError, hence the explicit order."""
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def deliveries_claim(*, issue_id=None, digest_id=None, batch_size=100):
    """Claim up to `batch_size` due QUEUED deliveries of one campaign.

    The unsubscribe state and the suppression list are checked here, at claim
    time: a row whose subscriber left the list since it was queued is SKIPPED.
    Returns the claimed rows, with their subscribers, now SENDING."""
    now = timezone.now()
    with transaction.atomic():
        batch = list(
            Delivery.objects.of_campaign(issue_id=issue_id, digest_id=digest_id)
            .due(now)
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .only("pk", "subscriber_id", "attempts", "content")[:batch_size]
        )
        if not batch:
            return []
        subscribers = Subscriber.objects.in_bulk([d.subscriber_id for d in batch])
        suppressed = set(
            Suppression.objects.filter(
                email__in=[s.email for s in subscribers.values()]
            ).values_list("email", flat=True)
        )
        digest = Digest.objects.get(pk=digest_id) if digest_id else None
        claimed, skipped = [], []
        for delivery in batch:
            sub = subscribers[delivery.subscriber_id]
            wanted = sub.status == Subscriber.Status.CONFIRMED and (
                sub.wants_newsletter
                if issue_id
                else sub.digest_frequency == digest.frequency
            )
            if wanted and sub.email not in suppressed:
                delivery.subscriber = sub
                claimed.append(delivery)
            else:
                skipped.append(delivery.pk)
        if skipped:
            Delivery.objects.filter(pk__in=skipped).update(
                status=Delivery.Status.SKIPPED,
                last_error="unsubscribed or suppressed at claim time",
            )
        Delivery.objects.filter(pk__in=[d.pk for d in claimed]).update(
            status=Delivery.Status.SENDING,
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
        for delivery in claimed:
            delivery.attempts += 1
        _campaign_heartbeat(issue_id=issue_id, digest_id=digest_id)
    return claimed


def _mark_sent(pks: list[int]) -> None:
    if pks:
        Delivery.objects.filter(pk__in=pks, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
        )


def _requeue(delivery, error: str, *, count_attempt=True) -> None:
    attempts = delivery.attempts if count_attempt else max(delivery.attempts - 1, 0)
    if attempts >= MAX_ATTEMPTS:
        _fail(delivery, f"gave up after {attempts} attempts: {error}")
        return
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.QUEUED,
        attempts=attempts,
        not_before=timezone.now() + timedelta(seconds=backoff(attempts)),
        last_error=error[:2000],
    )


def _fail(delivery, error: str) -> None:
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.FAILED, last_error=error[:2000]
    )


def deliveries_deliver(*, deliveries, issue=None, digest=None) -> int:
    """Send claimed deliveries over one SMTP connection; mark each SENT only after
    the server accepted it. 4xx answers and lost connections go back to the queue
    with back-off; 5xx answers mark the row FAILED with the reason. Returns the
    number sent."""
    if not deliveries:
        return 0
    mark_every = max(1, _conf("NEWSLETTER_MARK_EVERY", 1))
    connection = get_connection()
    accepted: list[int] = []
    sent = 0
    remaining = list(deliveries)
    try:
        connection.open()
    except Exception as exc:  # connection trouble: everything back, later
        for delivery in remaining:
            _requeue(delivery, f"{type(exc).__name__}: {exc}", count_attempt=False)
        logger.warning("SMTP connection failed: %s", exc)
        return 0
    # Over real SMTP, hand the server pre-built bytes (see RawBulkMessage);
    # other backends (files, memory) get Django messages.
    raw_smtp = getattr(connection, "connection", None)
    if not isinstance(raw_smtp, smtplib.SMTP):
        raw_smtp = None
    try:
        while remaining:
            delivery = remaining.pop(0)
            if issue is not None:
                message = rendering.issue_message(issue, delivery.subscriber)
            else:
                message = rendering.digest_message(
                    digest, delivery.subscriber, delivery.content
                )
            try:
                if raw_smtp is not None:
                    raw = rendering.raw_message(message)
                    raw_smtp.sendmail(raw.from_email, raw.recipients, raw.data)
                else:
                    message.connection = connection
                    connection.send_messages([message])
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                _mark_sent(accepted)
                accepted.clear()
                code = _smtp_code(exc)
                if code is not None and code >= 500:
                    _fail(delivery, error)
                    continue
                _requeue(delivery, error)
                if code is None or _is_connection_error(exc):
                    # The connection is gone: the rest of the batch goes back too.
                    for other in remaining:
                        _requeue(other, error, count_attempt=False)
                    remaining = []
                continue
            accepted.append(delivery.pk)
            sent += 1
            if len(accepted) >= mark_every:
                _mark_sent(accepted)
                accepted.clear()
    finally:
        _mark_sent(accepted)
        with contextlib.suppress(Exception):  # a dead connection need not close
            connection.close()
    return sent


def campaign_finish_if_done(*, issue_id=None, digest_id=None) -> bool:
    """Mark an issue SENT once no row is queued or being sent (conditional
    update: only one caller wins). Digests need no final state."""
    if issue_id is None:
        return False
    busy = (
        Delivery.objects.filter(issue_id=issue_id)
        .filter(status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING])
        .exists()
    )
    if busy:
        return False
    return bool(
        Issue.objects.filter(
            pk=issue_id, status=Issue.Status.SENDING, queued_at__isnull=False
        ).update(status=Issue.Status.SENT, sent_at=timezone.now())
    )


@shared_task(bind=True, acks_late=True)
def deliveries_send(self, issue_id=None, digest_id=None, batch_size=None) -> int:
    """Send one batch of an issue's or a digest's deliveries, then ring the next
    link of this chain. Safe to repeat and to run in parallel (SKIP LOCKED)."""
    batch_size = batch_size or _conf("NEWSLETTER_BATCH_SIZE", 100)
    issue = Issue.objects.filter(pk=issue_id).first() if issue_id else None
    digest = Digest.objects.filter(pk=digest_id).first() if digest_id else None
    if issue is None and digest is None:
        return 0
    if issue is not None and issue.status != Issue.Status.SENDING:
        return 0
    batch = deliveries_claim(
        issue_id=issue_id, digest_id=digest_id, batch_size=batch_size
    )
    sent = deliveries_deliver(deliveries=batch, issue=issue, digest=digest)
    if batch:
        _ring(issue_id=issue_id, digest_id=digest_id)
        return sent
    waiting = (
        Delivery.objects.of_campaign(issue_id=issue_id, digest_id=digest_id)
        .queued()
        .aggregate(first=Min("not_before"))["first"]
    )
    if waiting is not None and not self.request.is_eager:
        # Retries with back-off: come back when the first one is due. (Run
        # eagerly, in-process, the back-off is left to the reaper.)
        delay = (waiting - timezone.now()).total_seconds()
        _ring(issue_id=issue_id, digest_id=digest_id, countdown=max(delay, 1))
    else:
        campaign_finish_if_done(issue_id=issue_id, digest_id=digest_id)
    return sent


@shared_task(acks_late=True)
def issue_fan_out(issue_id: int) -> int:
    """Create the issue's Delivery rows (idempotent) and start the senders."""
    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return 0
    count = services.issue_queue(issue=issue)
    _ring(issue_id=issue_id, chains=_conf("NEWSLETTER_PARALLEL", 4))
    return count


@shared_task(acks_late=True)
def issues_start_due() -> int:
    """Beat, every minute: start the scheduled issues whose time has come."""
    started = 0
    for issue in Issue.objects.due():
        try:
            services.issue_start(issue=issue)
            started += 1
        except Exception:
            logger.exception("could not start issue %s", issue.pk)
    return started


@shared_task(acks_late=True)
def deliveries_reap() -> dict:
    """Beat: repair what crashes leave behind. Safe to run any number of times.

    - SENDING rows claimed longer than NEWSLETTER_STALE_SECONDS ago (their worker
      died) go back to QUEUED;
    - campaigns with due rows and no batch claimed for a while (their doorbell was
      lost, e.g. a broker restart) are rung again; so is a fan-out that died;
    - issues with nothing left to send are marked SENT.
    """
    now = timezone.now()
    cutoff = now - stale_after()
    quiet = now - timedelta(seconds=_conf("NEWSLETTER_RING_AFTER_SECONDS", 60))
    with transaction.atomic():
        stale = list(
            Delivery.objects.stale_claims(cutoff)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=stale).update(
            status=Delivery.Status.QUEUED, not_before=now
        )
    rung = 0
    for issue in Issue.objects.filter(status=Issue.Status.SENDING):
        if issue.queued_at is None:
            if (issue.heartbeat_at or issue.sending_started_at or now) < quiet:
                Issue.objects.filter(pk=issue.pk).update(heartbeat_at=now)
                issue_fan_out.apply_async(args=[issue.pk], **_queue_kwargs())
                rung += 1
            continue
        if campaign_finish_if_done(issue_id=issue.pk):
            continue
        if (issue.heartbeat_at or now) < quiet and (
            Delivery.objects.filter(issue_id=issue.pk).due(now).exists()
        ):
            Issue.objects.filter(pk=issue.pk).update(heartbeat_at=now)
            _ring(issue_id=issue.pk, chains=_conf("NEWSLETTER_PARALLEL", 4))
            rung += 1
    for digest in Digest.objects.filter(created_at__gte=now - timedelta(days=7)):
        if (digest.heartbeat_at or digest.created_at) < quiet and (
            Delivery.objects.filter(digest_id=digest.pk).due(now).exists()
        ):
            Digest.objects.filter(pk=digest.pk).update(heartbeat_at=now)
            _ring(digest_id=digest.pk)
            rung += 1
    return {"requeued": len(stale), "rung": rung}


DIGEST_ASSEMBLY_CHUNK = 500


@shared_task(acks_late=True)
def digests_assemble(frequency: str) -> int:
    """Beat (weekly on Mondays, monthly on the 1st): open the period's Digest and
    assemble it per subscriber in chunks. A second run in the same period adds
    nothing (one Delivery per digest and subscriber)."""
    if frequency not in (Subscriber.Frequency.WEEKLY, Subscriber.Frequency.MONTHLY):
        return 0
    digest = services.digest_get_or_create(frequency=frequency)
    ids = list(
        Subscriber.objects.digest_audience(frequency)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), DIGEST_ASSEMBLY_CHUNK):
        digest_assemble_batch.apply_async(
            args=[digest.pk, ids[start : start + DIGEST_ASSEMBLY_CHUNK]],
            **_queue_kwargs(),
        )
    return len(ids)


@shared_task(acks_late=True)
def digest_assemble_batch(digest_id: int, subscriber_ids: list[int]) -> int:
    """Assemble the digest of some subscribers, then ring a sender."""
    digest = Digest.objects.get(pk=digest_id)
    created = sum(
        services.digest_assemble_for(digest=digest, subscriber_id=pk)
        for pk in subscriber_ids
    )
    if created:
        _ring(digest_id=digest_id)
    return created


@shared_task(acks_late=True)
def issue_test_send(issue_id: int, user_id: int) -> str:
    """A test copy of an issue to one composer (not recorded as a delivery)."""
    from accounts.models import User

    issue = Issue.objects.get(pk=issue_id)
    user = User.objects.get(pk=user_id)
    subscriber = Subscriber.objects.filter(
        email=services.normalise_email(user.email)
    ).first() or Subscriber(pk=0, email=user.email, name=user.full_name)
    message = rendering.issue_message(issue, subscriber, test=True)
    message.to = [user.email]
    message.send()
    return "sent"

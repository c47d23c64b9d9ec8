"""Celery tasks for bulk mail. The database is the truth, the broker a doorbell.

Every task takes primary keys and is safe to run twice or in parallel. A campaign
(an issue or a digest) is sent by NEWSLETTER_PARALLEL chains (SendChain): each
task of a chain claims a batch of deliveries with SELECT … FOR UPDATE SKIP LOCKED,
sends it over one SMTP connection, marks each row SENT once the server accepted
it, and rings the chain's next task.

A claim is a lease of NEWSLETTER_LEASE_SECONDS, renewed while its batch is being
sent. The beat-driven reaper re-queues rows whose lease expired (their worker
died) and replaces every chain that went silent for NEWSLETTER_RING_AFTER_SECONDS
(its worker died, or its next task could not be queued because the broker was
down), so a send keeps its parallelism through crashes.

What a fault can send twice: a row is marked SENT after the server accepted it,
at the latest NEWSLETTER_MARK_EVERY messages later. If the worker dies or loses
the database between the server's acceptance and that mark, the row's lease
expires and it is sent again. So each fault sends at most NEWSLETTER_MARK_EVERY
messages twice per batch that was being sent at that moment: for a killed worker,
at most its concurrency times NEWSLETTER_MARK_EVERY; for a database outage, the
same over every worker. A worker that renews its lease sends nothing twice; one
that stalls inside a single SMTP exchange for longer than the lease may repeat
that one message (within the same bound), and then drops the rows whose lease it
lost.

No ETA is longer than half the broker's visibility timeout.
"""

import contextlib
import logging
import secrets
import smtplib
import time
from dataclasses import dataclass
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min
from django.db.models.functions import Now
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from . import rendering, services
from .models import Delivery, Digest, Issue, SendChain, Subscriber, Suppression

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


def lease() -> timedelta:
    """How long a claim holds without renewal before the reaper takes it back."""
    return timedelta(seconds=_conf("NEWSLETTER_LEASE_SECONDS", 30))


def renew_every() -> float:
    """A third of the lease: two renewals can be late before a claim is lost."""
    return lease().total_seconds() / 3


def ring_after() -> timedelta:
    """How long a chain may stay silent before the reaper replaces it."""
    return timedelta(seconds=_conf("NEWSLETTER_RING_AFTER_SECONDS", 30))


def parallel() -> int:
    return max(1, _conf("NEWSLETTER_PARALLEL", 4))


def _current_queue() -> str | None:
    """The queue the running task came from, so that follow-up work stays on it
    (workers may serve dedicated queues); None outside a worker."""
    from celery import current_task

    info = getattr(getattr(current_task, "request", None), "delivery_info", None)
    return (info or {}).get("routing_key") or None


def _queue_kwargs() -> dict:
    queue = _current_queue()
    return {"queue": queue} if queue else {}


@dataclass(frozen=True)
class Chain:
    """The identity a chain's tasks carry: its campaign, slot and current token."""

    issue_id: int | None
    digest_id: int | None
    slot: int
    token: str

    def _row(self):
        return SendChain.objects.of_campaign(
            issue_id=self.issue_id, digest_id=self.digest_id
        ).filter(slot=self.slot, token=self.token)

    def beat(self, until=None) -> bool:
        """A sign of life; False if the reaper has given the slot to another."""
        return bool(self._row().update(beat_at=until or Now()))

    def idle(self) -> None:
        """Nothing left to claim: the slot may be rung again at once."""
        self._row().update(beat_at=None)

    def ring(self, countdown=0) -> bool:
        """Queue the chain's next task; False if the broker cannot be reached
        (the chain then ends, and the reaper replaces it)."""
        try:
            deliveries_send.apply_async(
                kwargs={
                    "issue_id": self.issue_id,
                    "digest_id": self.digest_id,
                    "slot": self.slot,
                    "token": self.token,
                },
                countdown=max(0, min(int(countdown), max_eta())) or None,
                **_queue_kwargs(),
            )
        except (BrokerError, OSError) as exc:
            logger.warning("could not queue chain %s: %s", self, exc)
            return False
        return True


def chains_keep_alive(*, issue_id=None, digest_id=None) -> int:
    """Make sure the campaign's NEWSLETTER_PARALLEL chains run while it has due
    deliveries: every slot that is idle or has been silent for ring_after() gets a
    new token and a task. Safe to call any number of times, from any process
    (a conditional update decides who rings a slot); call it outside a transaction
    so that the task sees its token. Returns the number of chains rung."""
    due = Delivery.objects.of_campaign(issue_id=issue_id, digest_id=digest_id).due()
    if not due.exists():
        return 0
    chains = SendChain.objects.of_campaign(issue_id=issue_id, digest_id=digest_id)
    SendChain.objects.bulk_create(
        [
            SendChain(issue_id=issue_id, digest_id=digest_id, slot=slot)
            for slot in range(parallel())
        ],
        ignore_conflicts=True,
    )
    rung = 0
    for row in chains.filter(slot__lt=parallel()).silent(ring_after()):
        chain = Chain(issue_id, digest_id, row.slot, secrets.token_hex(8))
        taken = chains.filter(pk=row.pk, token=row.token).update(
            token=chain.token, beat_at=Now()
        )
        if not taken:
            continue
        if not chain.ring():
            chain.idle()  # the broker is down: the next reaper run tries again
            break
        rung += 1
        # Run eagerly (no broker), the first chain has sent everything already.
        if _conf("CELERY_TASK_ALWAYS_EAGER", False) and not due.exists():
            break
    return rung


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


def deliveries_claim(*, issue_id=None, digest_id=None, batch_size=100, claim=""):
    """Claim up to `batch_size` due QUEUED deliveries of one campaign under the
    lease named `claim`.

    The unsubscribe state and the suppression list are checked here, at claim
    time: a row whose subscriber left the list since it was queued is SKIPPED.
    Returns the claimed rows, with their subscribers, now SENDING."""
    with transaction.atomic():
        batch = list(
            Delivery.objects.of_campaign(issue_id=issue_id, digest_id=digest_id)
            .due()
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
            claimed_at=Now(),
            claim_token=claim,
            attempts=F("attempts") + 1,
        )
        for delivery in claimed:
            delivery.attempts += 1
    return claimed


class _Batch:
    """The rows one task claimed, and the lease it holds on them."""

    def __init__(self, *, claim: str, chain: Chain | None):
        self.claim, self.chain = claim, chain
        self.renewed = time.monotonic()

    def rows(self, pks):
        return Delivery.objects.filter(
            pk__in=pks, status=Delivery.Status.SENDING, claim_token=self.claim
        )

    def renew_due(self) -> bool:
        return time.monotonic() - self.renewed >= renew_every()

    def renew(self, pks: list[int]) -> set[int]:
        """Extend the lease of the rows still held; returns them (the reaper may
        have taken some back after a stall longer than the lease)."""
        self.renewed = time.monotonic()
        if self.chain is not None:
            self.chain.beat()
        held = self.rows(pks).update(claimed_at=Now())
        if held == len(pks):
            return set(pks)
        return set(self.rows(pks).values_list("pk", flat=True))

    def mark_sent(self, pks: list[int]) -> None:
        if pks:
            self.rows(pks).update(
                status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
            )

    def requeue(self, delivery, error: str, *, count_attempt=True) -> None:
        attempts = delivery.attempts if count_attempt else max(delivery.attempts - 1, 0)
        if attempts >= MAX_ATTEMPTS:
            self.fail(delivery, f"gave up after {attempts} attempts: {error}")
            return
        self.rows([delivery.pk]).update(
            status=Delivery.Status.QUEUED,
            attempts=attempts,
            not_before=timezone.now() + timedelta(seconds=backoff(attempts)),
            last_error=error[:2000],
        )

    def fail(self, delivery, error: str) -> None:
        self.rows([delivery.pk]).update(
            status=Delivery.Status.FAILED, last_error=error[:2000]
        )


def deliveries_deliver(
    *, deliveries, issue=None, digest=None, claim="", chain=None
) -> int:
    """Send claimed deliveries over one SMTP connection; mark each SENT only after
    the server accepted it. 4xx answers and lost connections go back to the queue
    with back-off; 5xx answers mark the row FAILED with the reason. The lease is
    renewed every renew_every() seconds. Returns the number sent."""
    if not deliveries:
        return 0
    batch = _Batch(claim=claim, chain=chain)
    mark_every = max(1, _conf("NEWSLETTER_MARK_EVERY", 1))
    connection = get_connection()
    accepted: list[int] = []
    sent = 0
    remaining = list(deliveries)
    try:
        connection.open()
    except Exception as exc:  # connection trouble: everything back, later
        for delivery in remaining:
            batch.requeue(delivery, f"{type(exc).__name__}: {exc}", count_attempt=False)
        logger.warning("SMTP connection failed: %s", exc)
        return 0
    try:
        while remaining:
            if batch.renew_due():
                held = batch.renew([d.pk for d in remaining] + accepted)
                remaining = [d for d in remaining if d.pk in held]
                accepted = [pk for pk in accepted if pk in held]
                if not remaining:
                    break
            delivery = remaining.pop(0)
            if issue is not None:
                message = rendering.issue_message(issue, delivery.subscriber)
            else:
                message = rendering.digest_message(
                    digest, delivery.subscriber, delivery.content
                )
            try:
                connection.send_messages([message])
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                batch.mark_sent(accepted)
                accepted.clear()
                code = _smtp_code(exc)
                if code is not None and code >= 500:
                    batch.fail(delivery, error)
                    continue
                batch.requeue(delivery, error)
                if code is None or _is_connection_error(exc):
                    # The connection is gone: the rest of the batch goes back too.
                    for other in remaining:
                        batch.requeue(other, error, count_attempt=False)
                    remaining = []
                continue
            accepted.append(delivery.pk)
            sent += 1
            if len(accepted) >= mark_every:
                batch.mark_sent(accepted)
                accepted.clear()
    finally:
        batch.mark_sent(accepted)
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
def deliveries_send(
    self, issue_id=None, digest_id=None, batch_size=None, slot=None, token=None
) -> int:
    """Send one batch of an issue's or a digest's deliveries, then ring the next
    task of this chain. Safe to repeat and to run in parallel (SKIP LOCKED).

    A task of a chain the reaper has replaced (its token is no longer the slot's)
    does nothing. Without a slot (a plain doorbell) it sends one batch and makes
    sure the campaign's chains are running."""
    batch_size = batch_size or _conf("NEWSLETTER_BATCH_SIZE", 100)
    issue = Issue.objects.filter(pk=issue_id).first() if issue_id else None
    digest = Digest.objects.filter(pk=digest_id).first() if digest_id else None
    if issue is None and digest is None:
        return 0
    if issue is not None and issue.status != Issue.Status.SENDING:
        return 0
    chain = None
    if slot is not None:
        chain = Chain(issue_id, digest_id, slot, token or "")
        if not chain.beat():
            return 0  # superseded: the slot's new chain carries on
    claim = secrets.token_hex(16)
    batch = deliveries_claim(
        issue_id=issue_id, digest_id=digest_id, batch_size=batch_size, claim=claim
    )
    sent = deliveries_deliver(
        deliveries=batch, issue=issue, digest=digest, claim=claim, chain=chain
    )
    if batch:
        if chain is not None:
            chain.ring()
        else:
            chains_keep_alive(issue_id=issue_id, digest_id=digest_id)
        return sent
    waiting = (
        Delivery.objects.of_campaign(issue_id=issue_id, digest_id=digest_id)
        .queued()
        .aggregate(first=Min("not_before"))["first"]
    )
    if waiting is not None and chain is not None and not self.request.is_eager:
        # Retries with back-off: come back when the first one is due, and count
        # as alive until then. (Run eagerly, the back-off is left to the reaper.)
        delay = max((waiting - timezone.now()).total_seconds(), 1)
        chain.beat(until=timezone.now() + timedelta(seconds=delay))
        chain.ring(countdown=delay)
        return sent
    if chain is not None:
        chain.idle()
    campaign_finish_if_done(issue_id=issue_id, digest_id=digest_id)
    return sent


@shared_task(acks_late=True)
def issue_fan_out(issue_id: int) -> int:
    """Create the issue's Delivery rows (idempotent) and start its chains."""
    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return 0
    count = services.issue_queue(issue=issue)
    chains_keep_alive(issue_id=issue_id)
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
    """Beat (every NEWSLETTER_REAP_SECONDS): repair what faults leave behind.
    Safe to run any number of times, and while workers are sending.

    - SENDING rows whose lease expired (their worker died) go back to QUEUED; a
      live worker renews its leases, so nothing it is sending is taken;
    - every sending campaign with due rows gets its NEWSLETTER_PARALLEL chains
      back: a chain silent for NEWSLETTER_RING_AFTER_SECONDS is replaced;
    - a fan-out that died is started again; issues with nothing left are SENT.
    """
    now = timezone.now()
    with transaction.atomic():
        expired = list(
            Delivery.objects.lease_expired(lease())
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=expired).update(
            status=Delivery.Status.QUEUED, not_before=now, claim_token=""
        )
    rung = 0
    quiet = now - ring_after()
    for issue in Issue.objects.filter(status=Issue.Status.SENDING):
        if issue.queued_at is None:
            if (issue.heartbeat_at or issue.sending_started_at or now) < quiet:
                Issue.objects.filter(pk=issue.pk).update(heartbeat_at=now)
                issue_fan_out.apply_async(args=[issue.pk], **_queue_kwargs())
                rung += 1
            continue
        if campaign_finish_if_done(issue_id=issue.pk):
            continue
        rung += chains_keep_alive(issue_id=issue.pk)
    for digest in Digest.objects.filter(created_at__gte=now - timedelta(days=7)):
        rung += chains_keep_alive(digest_id=digest.pk)
    return {"requeued": len(expired), "rung": rung}


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
        chains_keep_alive(digest_id=digest_id)
    return created


@shared_task(acks_late=True)
def issue_test_send(issue_id: int, user_id: int) -> str:
    """A test copy of an issue to one composer (not recorded as a delivery)."""
    from accounts.models import User

    issue = Issue.objects.get(pk=issue_id)
    user = User.objects.get(pk=user_id)
    subscriber = Subscriber.objects.filter(
        email=services.normalise_email(user.email)
    ).first() or Subscriber(
        pk=0, email=user.email, name=user.full_name, language=user.language or "en"
    )
    message = rendering.issue_message(issue, subscriber, test=True)
    message.to = [user.email]
    message.send()
    return "sent"


@shared_task(acks_late=True, ignore_result=True)
def section_notify(section_id: int, entry_id: int) -> int:
    """Mail a contribution's writer that it was accepted or returned (the
    review recorded as audit entry `entry_id`). Safe to repeat: the mail is
    keyed by that entry. Returns how many mails were queued."""
    from .notifications import section_notification_send

    return section_notification_send(section_id=section_id, entry_id=entry_id)

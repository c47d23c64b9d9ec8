"""Celery tasks that deliver transactional e-mail rows."""

import base64
import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from p2i_portal.mail import message_id

from .models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
STALE_AFTER = timedelta(minutes=15)

# template name -> callable(OutboundEmail) -> dict of extra headers. Bulk mails
# sent through this queue (community summaries) add List-Unsubscribe this way:
# the headers are derived from the row when it is sent, so none is stored.
_header_sources = {}


def register_email_headers(template: str, source) -> None:
    """Give every queued mail of `template` the headers `source(email)` returns
    (the Message-ID stays the queue's own). Called from an AppConfig.ready()."""
    _header_sources[template] = source


def _extra_headers(email) -> dict:
    source = _header_sources.get(email.template)
    headers = dict(source(email) or {}) if source else {}
    headers.pop("Message-ID", None)
    return headers


def _is_transient(exc: Exception) -> bool:
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [c for c, _ in exc.recipients.values()]
        code = min(codes) if codes else None
    if code is None:
        return True  # connection trouble: try again later
    return 400 <= code < 500


@shared_task(bind=True, acks_late=True, max_retries=MAX_ATTEMPTS)
def email_send(self, email_id: int) -> str:
    """Deliver one queued e-mail. Safe to repeat: a row not QUEUED is left alone.
    Its Message-ID is fixed by the row (p2i.mail.<pk>@SITE_DOMAIN).

    The row is claimed with SELECT … FOR UPDATE SKIP LOCKED, marked SENDING, sent,
    and marked SENT only after the server accepted it. 4xx answers go back to the
    queue with back-off; 5xx answers mark the row FAILED with the reason.
    """
    with transaction.atomic():
        email = (
            OutboundEmail.objects.queued()
            .select_for_update(skip_locked=True)
            .filter(pk=email_id)
            .first()
        )
        if email is None:
            return "skipped"
        email.status = OutboundEmail.Status.SENDING
        email.claimed_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts", "updated_at"])

    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        connection=get_connection(),
        # Fixed per row: a resend after a crash is recognisably the same message.
        headers={"Message-ID": message_id("mail", email.pk), **_extra_headers(email)},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for item in email.attachments or []:
        message.attach(
            item["filename"], base64.b64decode(item["content"]), item["mimetype"]
        )
    try:
        message.send()
    except Exception as exc:
        transient = _is_transient(exc) and email.attempts < MAX_ATTEMPTS
        email.status = (
            OutboundEmail.Status.QUEUED if transient else OutboundEmail.Status.FAILED
        )
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        email.save(update_fields=["status", "last_error", "updated_at"])
        logger.warning("e-mail %s not sent: %s", email.pk, email.last_error)
        if transient and not (self.request.called_directly or self.request.is_eager):
            # Keep the ETA well below Redis' one-hour visibility timeout.
            raise self.retry(countdown=min(30 * 2**email.attempts, 1800)) from exc
        return "failed" if not transient else "requeued"
    email.mark_sent()
    email.save(update_fields=["status", "sent_at", "updated_at"])
    return "sent"


@shared_task(acks_late=True)
def email_reap() -> int:
    """Re-queue abandoned work; returns how many rows were rung again.

    - SENDING rows claimed more than STALE_AFTER ago (a worker died mid-send)
      go back to QUEUED;
    - QUEUED rows untouched for STALE_AFTER (the broker lost or never got the
      message, e.g. it was down when the request committed) are rung again.
    Safe to run any number of times: email_send skips rows that are not QUEUED.
    """
    cutoff = timezone.now() - STALE_AFTER
    with transaction.atomic():
        stale = list(
            OutboundEmail.objects.stale_claims(cutoff)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        OutboundEmail.objects.filter(pk__in=stale).update(
            status=OutboundEmail.Status.QUEUED, updated_at=timezone.now()
        )
        forgotten = list(
            OutboundEmail.objects.queued()
            .filter(updated_at__lt=cutoff)
            .values_list("pk", flat=True)[:1000]
        )
    ids = stale + forgotten
    for pk in ids:
        transaction.on_commit(lambda pk=pk: email_send.delay(pk), robust=True)
    return len(ids)

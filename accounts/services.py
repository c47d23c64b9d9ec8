"""Writes for accounts: profile updates and queueing transactional e-mail."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .models import OutboundEmail, User


def email_queue(
    *, to: str, subject: str, body_text: str, body_html: str = "", template: str = ""
) -> OutboundEmail:
    """Store one e-mail as a row and ring the worker once the transaction commits.

    Nothing is sent inside the caller's request: the row is the truth, and
    `accounts.tasks.email_send` delivers it (and is safe to run twice).
    """
    from .tasks import email_send  # tasks import services; avoid the cycle

    email = OutboundEmail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:255],
        body_text=body_text,
        body_html=body_html,
        template=template,
    )
    # robust: a broker that is down must not fail the request; the row stays
    # QUEUED and the reaper rings again.
    transaction.on_commit(lambda: email_send.delay(email.pk), robust=True)
    return email


def email_queue_template(*, to: str, name: str, context: dict) -> OutboundEmail:
    """Render `templates/emails/<name>-{subject.txt,body.txt,body.html}` and queue it."""
    ctx = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{name}-subject.txt", ctx)
    body_text = render_to_string(f"emails/{name}-body.txt", ctx)
    body_html = render_to_string(f"emails/{name}-body.html", ctx)
    return email_queue(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        template=name,
    )


def user_profile_update(*, user: User, data: dict) -> User:
    """Update the editable profile fields of `user` (the caller is that user)."""
    fields = ["full_name", "organisation", "country", "profile_role"]
    for field in fields:
        if field in data:
            setattr(user, field, data[field])
    user.full_clean(exclude=["password"])
    user.save(update_fields=fields)
    return user

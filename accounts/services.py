"""Writes for accounts: profile updates and queueing transactional e-mail."""

import base64

from django.conf import settings
from django.db import IntegrityError, transaction

from p2i_portal.mail import recipient_language, render_email

from .models import OutboundEmail, User


def email_queue(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    template: str = "",
    attachments: list[dict] | None = None,
    dedupe_key: str | None = None,
) -> OutboundEmail:
    """Store one e-mail as a row and ring the worker once the transaction commits.

    Nothing is sent inside the caller's request: the row is the truth, and
    `accounts.tasks.email_send` delivers it (and is safe to run twice).

    `attachments`: [{"filename", "mimetype", "content" (bytes or base64 text)}].
    `dedupe_key`: a mail that must exist at most once ("reminder for registration
    42"). If a row with that key exists, it is returned and nothing is queued, even
    when two callers race (the key is unique in the database).
    """
    from .tasks import email_send  # tasks import services; avoid the cycle

    if dedupe_key:
        existing = OutboundEmail.objects.filter(dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    fields = {
        "to": to,
        "subject": " ".join(subject.split())[:255],
        "body_text": body_text,
        "body_html": body_html,
        "template": template,
        "attachments": [_attachment(a) for a in attachments or []],
        "dedupe_key": dedupe_key or None,
    }
    if dedupe_key:
        try:
            with transaction.atomic():  # a savepoint: a lost race keeps the caller's
                email = OutboundEmail.objects.create(**fields)
        except IntegrityError:
            return OutboundEmail.objects.get(dedupe_key=dedupe_key)
    else:
        email = OutboundEmail.objects.create(**fields)
    # robust: a broker that is down must not fail the request; the row stays
    # QUEUED and the reaper rings again.
    options = _same_queue()
    transaction.on_commit(
        lambda: email_send.apply_async((email.pk,), **options), robust=True
    )
    return email


def _same_queue() -> dict:
    """Inside a Celery task (a mail queued by a worker), the queue that task came
    from, so that the mail is sent by the workers serving it; {} elsewhere."""
    from celery import current_task

    info = getattr(getattr(current_task, "request", None), "delivery_info", None)
    queue = (info or {}).get("routing_key")
    return {"queue": queue} if queue else {}


def _attachment(item: dict) -> dict:
    content = item["content"]
    if isinstance(content, str) and item.get("encoded"):
        encoded = content
    else:
        if isinstance(content, str):
            content = content.encode()
        encoded = base64.b64encode(content).decode("ascii")
    return {
        "filename": item["filename"],
        "mimetype": item.get("mimetype", "application/octet-stream"),
        "content": encoded,
    }


def email_queue_template(
    *,
    to: str,
    name: str,
    context: dict,
    language: str,
    attachments: list[dict] | None = None,
    dedupe_key: str | None = None,
) -> OutboundEmail:
    """Render `templates/emails/<name>-{subject.txt,body.txt,body.html}` (with
    p2i_portal.mail.render_email: subject and text unescaped) in the recipient's
    `language` and queue it. Links in `context` are the caller's: it builds them
    inside `p2i_portal.mail.recipient_language`, so they carry that language too.

    With a `dedupe_key` that was queued before, nothing is rendered or queued.
    """
    if dedupe_key:
        existing = OutboundEmail.objects.filter(dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    rendered = render_email(
        name, {"site_url": settings.SITE_URL, **context}, language=language
    )
    return email_queue(
        to=to,
        subject=rendered.subject,
        body_text=rendered.body_text,
        body_html=rendered.body_html,
        template=name,
        attachments=attachments,
        dedupe_key=dedupe_key,
    )


def email_queue_in_language(
    *, to: str, languages, name: str, build, dedupe_key: str | None = None
) -> OutboundEmail:
    """Queue template `name` to `to` in the first of `languages` the portal
    speaks. `build()` makes the context inside that language, so that its
    sentences and links are in it too."""
    with recipient_language(*languages) as language:
        return email_queue_template(
            to=to,
            name=name,
            context=build(),
            language=language,
            dedupe_key=dedupe_key,
        )


def user_profile_update(*, user: User, data: dict) -> User:
    """Update the editable profile fields of `user` (the caller is that user)."""
    fields = ["full_name", "organisation", "country", "profile_role", "language"]
    for field in fields:
        if field in data:
            setattr(user, field, data[field])
    user.full_clean(exclude=["password"])
    user.save(update_fields=fields)
    return user


@transaction.atomic
def api_token_create(*, user: User) -> str:
    """Replace `user`'s API token with a new one and return its key.

    The caller shows the key once and keeps it nowhere (no message, no log); only
    its hash is stored. The caller has checked that `user` may have a token: an
    account whose required two-factor sign-in is missing may not.
    """
    import secrets

    from .models import ApiToken

    key = secrets.token_urlsafe(32)
    ApiToken.objects.filter(user=user).delete()
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash(key))
    return key

"""Writes of the advice desk. Callers have checked the matching permission
(advice.permissions); every change on a desk is an entry in the centre's
activity log.

A visitor's request is stored unconfirmed and reaches a desk when she follows
the link mailed to her address; a signed-in procurer's request is on the desk
at once. Requests cross centres by nature (routing, transfer, the procurer's
own pages), so these services say so with `scopes_disabled()`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from centres.services import audit_log
from knowledge.validators import validate_attachment

from . import emails
from .models import (
    DEFAULT_RESPONSE_DAYS,
    AdviceAttachment,
    AdviceMessage,
    AdviceRequest,
    AdviceSettings,
    add_working_days,
)

MAX_ATTACHMENTS = 3
QUESTION_FIELDS = [
    "subject", "question", "country", "organisation_type", "sector", "approach",
    "consent_publish",
]  # fmt: skip


def route_for_country(country: str) -> Centre | None:
    """The centre that answers procurers of `country`: its active national
    centre (an existing or new one before an associate member), else None —
    the coordinator's queue."""
    if not country:
        return None
    candidates = list(
        Centre.objects.active()
        .of_kind(Centre.Kind.NATIONAL)
        .filter(country=country)
        .order_by("pk")
    )
    full = [c for c in candidates if c.status != Centre.Status.ASSOCIATE]
    return (full or candidates or [None])[0]


def response_days(centre: Centre | None) -> int:
    """N of the centre's clock: the first reply is due within N working days."""
    if centre is None:
        return DEFAULT_RESPONSE_DAYS
    row = AdviceSettings.objects.filter(centre=centre).first()
    return row.response_days if row else DEFAULT_RESPONSE_DAYS


def _audit(request: AdviceRequest, *, action: str, by, centre=None, **data):
    centre = centre or request.centre
    if centre is None:  # the coordinator's queue has no activity log
        return
    audit_log(
        centre=centre,
        action=action,
        by=by,
        target=f"#{request.pk} {request.subject}",
        request=request.pk,
        **data,
    )


def _start_clock(request: AdviceRequest, now) -> None:
    request.confirmed_at = now
    request.due_on = add_working_days(
        timezone.localdate(now), response_days(request.centre)
    )


@transaction.atomic
@scopes_disabled()
def request_create(
    *,
    data: dict,
    user: User | None = None,
    name: str = "",
    email: str = "",
    uploads=(),
    language: str | None = None,
) -> AdviceRequest:
    """Store a question, routed by the procurer's country (route_for_country).

    Signed in (`user`): on the desk at once, acknowledged by e-mail. A visitor
    (`name`, `email`): unconfirmed; she is mailed a confirmation link first.
    Attachments are checked by content (knowledge.validators); any bad input
    raises ValidationError and nothing is stored.
    """
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(
            {"attachments": _("Attach at most %(n)d files.") % {"n": MAX_ATTACHMENTS}}
        )
    checked = []
    for upload in uploads:
        try:
            checked.append((upload, *validate_attachment(upload)))
        except ValidationError as exc:
            raise ValidationError({"attachments": exc.messages}) from exc
    if user is not None:
        email, name = user.email, name or user.get_full_name()
    request = AdviceRequest(
        user=user,
        name=(name or "").strip()[:150],
        email=(email or "").strip().lower(),
        language=language or translation.get_language() or "",
    )
    for field in QUESTION_FIELDS:
        if field in data:
            value = data[field]
            setattr(request, field, value.strip() if isinstance(value, str) else value)
    request.centre = route_for_country(str(request.country))
    if user is not None:
        _start_clock(request, timezone.now())
    request.full_clean()
    request.save()
    for upload, file_type, content_type in checked:
        AdviceAttachment.objects.create(
            request=request,
            file=upload,
            name=upload.name[:200],
            file_type=file_type,
            content_type=content_type,
            size=upload.size,
        )
    if user is None:
        emails.confirm_request_mail(request)
    else:
        _received(request)
    return request


def _received(request: AdviceRequest) -> None:
    _audit(request, action="advice.request.received", by=request.user)
    emails.acknowledgement_mail(request)


@transaction.atomic
@scopes_disabled()
def request_confirm(*, request: AdviceRequest) -> AdviceRequest:
    """The visitor followed her link: the request reaches its desk and she is
    acknowledged. Safe to repeat: a confirmed request stays as it is."""
    request = AdviceRequest.objects.select_for_update().get(pk=request.pk)
    if request.confirmed_at is not None:
        return request
    _start_clock(request, timezone.now())
    request.save(update_fields=["confirmed_at", "due_on", "updated_at"])
    _received(request)
    return request


def _locked(request: AdviceRequest) -> AdviceRequest:
    return AdviceRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
@scopes_disabled()
def request_assign(
    *, request: AdviceRequest, by: User, assignee: User | None
) -> AdviceRequest:
    """Give the request to `assignee` (staff of its centre) or to no one.

    Caller checked desk access; refuses someone who is not staff of the centre.
    """
    request = _locked(request)
    if assignee is not None and (
        request.centre is None or request.centre.role_of(assignee) is None
    ):
        raise ValidationError(_("Only a member of this centre's team can be assigned."))
    if request.assignee_id == (assignee.pk if assignee else None):
        return request
    request.assignee = assignee
    fields = ["assignee", "updated_at"]
    if assignee is not None and request.status == AdviceRequest.Status.NEW:
        request.status = AdviceRequest.Status.IN_PROGRESS
        fields.append("status")
    request.save(update_fields=fields)
    _audit(
        request,
        action="advice.request.assigned",
        by=by,
        assignee=assignee.email if assignee else "",
    )
    return request


@transaction.atomic
@scopes_disabled()
def request_set_status(
    *, request: AdviceRequest, by: User, status: str
) -> AdviceRequest:
    """Move the request to `status` (closing stamps the time; reopening a closed
    request clears it). Caller checked desk access."""
    if status not in AdviceRequest.Status.values:
        raise ValidationError(_("Choose a valid status."))
    request = _locked(request)
    if request.status == status:
        return request
    old = request.status
    request.status = status
    request.closed_at = (
        timezone.now() if status == AdviceRequest.Status.CLOSED else None
    )
    request.save(update_fields=["status", "closed_at", "updated_at"])
    _audit(request, action="advice.request.status_changed", by=by, status=[old, status])
    return request


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message first."))
    return body


@transaction.atomic
@scopes_disabled()
def request_note_add(*, request: AdviceRequest, by: User, body: str) -> AdviceMessage:
    """An internal note: staff only, never on the procurer's page or in her mail."""
    body = _clean_body(body)
    message = AdviceMessage.objects.create(
        request=request,
        kind=AdviceMessage.Kind.NOTE,
        author=by,
        centre=request.centre,
        body=body,
    )
    _audit(request, action="advice.request.noted", by=by)
    return message


@transaction.atomic
@scopes_disabled()
def request_reply(
    *, request: AdviceRequest, by: User, body: str, status: str | None = None
) -> AdviceMessage:
    """A reply to the procurer: on her page and mailed to her. Stops the clock
    at the first reply; the request becomes `status` (default: answered).

    Refuses (nothing changed) a closed request or an empty reply.
    """
    request = _locked(request)
    if request.is_closed:
        raise ValidationError(_("This request is closed; reopen it to reply."))
    body = _clean_body(body)
    status = status or AdviceRequest.Status.ANSWERED
    if status not in (AdviceRequest.Status.ANSWERED, AdviceRequest.Status.WAITING):
        raise ValidationError(_("Choose a valid status."))
    now = timezone.now()
    message = AdviceMessage.objects.create(
        request=request,
        kind=AdviceMessage.Kind.REPLY,
        author=by,
        centre=request.centre,
        body=body,
        created_at=now,
    )
    request.status = status
    fields = ["status", "updated_at"]
    if request.first_replied_at is None:
        request.first_replied_at = now
        fields.append("first_replied_at")
    if request.assignee_id is None and request.centre and request.centre.role_of(by):
        request.assignee = by
        fields.append("assignee")
    request.save(update_fields=fields)
    _audit(request, action="advice.request.replied", by=by)
    emails.reply_mail(request, message)
    return message


@transaction.atomic
@scopes_disabled()
def request_procurer_reply(*, request: AdviceRequest, body: str) -> AdviceMessage:
    """The procurer answers back from her page (the caller checked it is hers).

    Refuses (nothing changed) a closed request, an unconfirmed one or an empty
    message. The request goes back to "in progress" and its assignee is told.
    """
    request = _locked(request)
    if request.is_closed:
        raise ValidationError(
            _(
                "This request is closed, so it takes no more messages. Ask a new question instead."
            )
        )
    if request.confirmed_at is None:
        raise ValidationError(_("Confirm your e-mail address first."))
    body = _clean_body(body)
    message = AdviceMessage.objects.create(
        request=request,
        kind=AdviceMessage.Kind.PROCURER,
        author=request.user,
        centre=request.centre,
        body=body,
    )
    if request.status != AdviceRequest.Status.IN_PROGRESS:
        request.status = AdviceRequest.Status.IN_PROGRESS
        request.save(update_fields=["status", "updated_at"])
    _audit(request, action="advice.request.procurer_replied", by=request.user)
    emails.procurer_message_mail(request, message)
    return message


@transaction.atomic
@scopes_disabled()
def request_transfer(
    *, request: AdviceRequest, by: User, to_centre: Centre | None, note: str
) -> AdviceRequest:
    """Hand the request to another active national centre with a note. It
    leaves the old desk (and its assignee), its clock restarts with the new
    centre's N, both activity logs record it, and the procurer is told.

    Refuses (nothing changed) an unknown, inactive or the same centre, and a
    closed request.
    """
    request = _locked(request)
    if (
        to_centre is None
        or not Centre.objects.active()
        .of_kind(Centre.Kind.NATIONAL)
        .filter(pk=to_centre.pk)
        .exists()
    ):
        raise ValidationError(_("Choose one of the network's centres."))
    if to_centre.pk == request.centre_id:
        raise ValidationError(_("The request is already with this centre."))
    if request.is_closed:
        raise ValidationError(_("A closed request cannot be transferred."))
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say why the request goes to the other centre."))
    old = request.centre
    request.centre = to_centre
    request.assignee = None
    request.status = AdviceRequest.Status.NEW
    request.due_on = add_working_days(timezone.localdate(), response_days(to_centre))
    request.first_replied_at = None
    request.save(
        update_fields=[
            "centre", "assignee", "status", "due_on", "first_replied_at", "updated_at",
        ]
    )  # fmt: skip
    AdviceMessage.objects.create(
        request=request,
        kind=AdviceMessage.Kind.TRANSFER,
        author=by,
        centre=old,
        body=note,
    )
    # A new clock: a reminder of the old desk must not stop the new one's.
    from .models import AdviceReminder

    AdviceReminder.objects.filter(request=request).delete()
    if old is not None:
        _audit(
            request, action="advice.request.transferred", by=by, centre=old,
            to=to_centre.slug,
        )  # fmt: skip
    _audit(
        request,
        action="advice.request.received_by_transfer",
        by=by,
        centre=to_centre,
        origin=old.slug if old else "",
    )
    emails.transfer_mail(request, old)
    return request


@transaction.atomic
def settings_update(*, centre: Centre, by: User, response_days: int) -> AdviceSettings:
    """Set the centre's N (first reply due within N working days). Caller
    checked a manager role."""
    row, _created = AdviceSettings.objects.get_or_create(centre=centre)
    if row.response_days != response_days:
        old = row.response_days
        row.response_days = response_days
        row.full_clean()
        row.save(update_fields=["response_days"])
        audit_log(
            centre=centre,
            action="advice.settings.updated",
            by=by,
            target=str(response_days),
            response_days=[old, response_days],
        )
    return row


@transaction.atomic
@scopes_disabled()
def qa_create(
    *,
    request: AdviceRequest,
    by: User,
    title: str,
    question: str,
    answer: str,
    related=(),
    language: str = "en",
) -> "Resource":  # noqa: F821
    """Turn an answered request into a draft "Question and answer" resource of
    its centre, with the edited (anonymised) texts the person wrote; it then
    goes through the knowledge base's review workflow. The request itself stays
    private. Refuses a request that is not answered or closed, or whose
    procurer did not consent, and empty texts.
    """
    from knowledge import services as knowledge_services
    from knowledge.models import Resource

    request = _locked(request)
    if (
        request.status
        not in (
            AdviceRequest.Status.ANSWERED,
            AdviceRequest.Status.CLOSED,
        )
        or request.first_replied_at is None
    ):
        raise ValidationError(_("Only an answered request can become a Q&A."))
    if not request.consent_publish:
        raise ValidationError(
            _("The procurer did not agree to publication; no Q&A can be made from it.")
        )
    title, question, answer = (
        (title or "").strip(),
        (question or "").strip(),
        (answer or "").strip(),
    )
    if not (title and question and answer):
        raise ValidationError(_("Write a title, the question and the answer."))
    body = f"## {_('Question')}\n\n{question}\n\n## {_('Answer')}\n\n{answer}"
    resource = knowledge_services.resource_create(
        centre=request.centre,
        by=by,
        data={
            "kind": Resource.Kind.QUESTION_ANSWER,
            "title": title[:250],
            "summary": question[:1000],
            "body": body,
            "language": language,
            "sectors": [request.sector] if request.sector else [],
            "approaches": [request.approach] if request.approach else [],
            "countries": [str(request.country)] if request.country else [],
        },
        related=related,
    )
    request.qa_resource = resource
    request.save(update_fields=["qa_resource", "updated_at"])
    _audit(request, action="advice.request.qa_drafted", by=by, resource=resource.pk)
    return resource

"""Writes for events and registrations. Callers have checked the matching ability.

Seats are handed out with the event row locked (SELECT … FOR UPDATE), so two
registrations racing for the last seat are served one after the other and the
capacity is never exceeded. Registrations are centre-private (scoped by the
event's organisers); a visitor's registration is cross-centre by nature, so the
registration services say so with `scopes_disabled()`.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from centres.services import audit_log
from knowledge.markdown import render_markdown
from knowledge.models import Resource, is_network_staff

from . import emails
from .models import (
    AttendeeMessage,
    Event,
    EventOrganiser,
    OrganiserInvitation,
    Registration,
)

CONTENT_FIELDS = [
    "title", "summary", "description", "kind", "format", "venue", "address",
    "city", "country", "online_url", "starts_at", "ends_at", "timezone",
    "language", "audience", "sectors", "topics", "capacity",
    "registration_opens_at", "registration_closes_at", "questions",
    "slides_url", "recording_url", "visibility", "minutes",
]  # fmt: skip
# A change to these reaches the registered people (time or place).
PLACE_FIELDS = {
    "starts_at", "ends_at", "timezone", "format", "venue", "address", "city",
    "country", "online_url",
}  # fmt: skip
# A change to these is a new version of the calendar entry (SEQUENCE + 1).
CALENDAR_FIELDS = PLACE_FIELDS | {"title", "summary", "description"}

MAX_QUESTIONS = 8


def _unique_slug(title: str, exclude_pk=None) -> str:
    base = slugify(title)[:100] or "event"
    slug, n = base, 2
    qs = Event.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _jsonable(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return str(value)


def normalise_questions(questions) -> list[dict]:
    """[{id, label, required}] with stable ids q1, q2, …; raises on bad input."""
    if not isinstance(questions, list):
        raise ValidationError({"questions": _("Questions must be a list.")})
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError(
            {"questions": _("Ask at most %(n)d questions.") % {"n": MAX_QUESTIONS}}
        )
    clean = []
    for i, item in enumerate(questions, start=1):
        if isinstance(item, str):
            item = {"label": item}
        label = str(item.get("label", "")).strip() if isinstance(item, dict) else ""
        if not label:
            raise ValidationError({"questions": _("Every question needs a text.")})
        clean.append(
            {
                "id": str(item.get("id") or f"q{i}")[:20],
                "label": label[:200],
                "required": bool(item.get("required", False)),
            }
        )
    return clean


def _check_meeting(event, papers) -> None:
    if papers and event.kind != Event.Kind.KNOWLEDGE_EXCHANGE:
        raise ValidationError(
            {
                "papers": _(
                    "Only a knowledge-exchange meeting can list the papers it produced."
                )
            }
        )


def _check_papers(event, papers, *, by) -> list:
    """The papers `by` may link to `event`: only a knowledge-exchange meeting
    produces papers, and only resources `by` may see can be named (a resource one
    may not see is refused as if it did not exist)."""
    papers = list(papers)
    _check_meeting(event, papers)
    wanted = {r.pk for r in papers}
    visible = set(
        Resource.objects.visible_to(by)
        .filter(pk__in=wanted)
        .values_list("pk", flat=True)
    )
    if wanted - visible:
        raise ValidationError(
            {
                "papers": _(
                    "You cannot link this resource: it does not exist or you may "
                    "not see it."
                )
            }
        )
    return papers


def _check_minutes(event) -> None:
    if event.minutes and event.kind != Event.Kind.KNOWLEDGE_EXCHANGE:
        raise ValidationError(
            {
                "minutes": _(
                    "Only a knowledge-exchange meeting has minutes: choose that "
                    "type or leave the minutes empty."
                )
            }
        )


def _render(event) -> None:
    event.description_html = render_markdown(event.description)
    event.minutes_html = render_markdown(event.minutes)


def _audit(event, *, action, by, **data):
    audit_log(
        centre=event.centre,
        action=action,
        by=by,
        target=event.title,
        obj=event,
        **data,
    )


def _named_organisers(event) -> set[int]:
    """The centres named on `event`: its organisers and those invited."""
    linked = EventOrganiser.objects.filter(event=event).values_list(
        "centre_id", flat=True
    )
    invited = OrganiserInvitation.objects.filter(event=event).pending()
    return set(linked) | set(invited.values_list("centre_id", flat=True))


def _set_organisers(event, organisers, *, by) -> None:
    """Name `organisers` (besides the lead) on `event`: organisers already named
    stay, the others are invited; a centre left out loses its link or its
    pending invitation. A declined invitation stays as the record of the
    answer, and naming that centre again asks it again."""
    wanted = {c.pk: c for c in organisers if c.pk != event.centre_id}
    EventOrganiser.objects.filter(event=event).exclude(
        centre_id__in=[event.centre_id, *wanted]
    ).delete()
    OrganiserInvitation.objects.filter(event=event).exclude(
        centre_id__in=list(wanted)
    ).exclude(state=OrganiserInvitation.State.DECLINED).delete()
    EventOrganiser.objects.get_or_create(event=event, centre_id=event.centre_id)
    linked = set(
        EventOrganiser.objects.filter(event=event).values_list("centre_id", flat=True)
    )
    for pk, centre in wanted.items():
        if pk not in linked:
            _invite(event, centre, by=by)


def _invite(event, centre, *, by) -> OrganiserInvitation:
    invitation, created = OrganiserInvitation.objects.get_or_create(
        event=event, centre=centre, defaults={"invited_by": by}
    )
    if not created:
        if invitation.is_pending:
            return invitation
        invitation.state = OrganiserInvitation.State.INVITED
        invitation.invited_by, invitation.invited_at = by, timezone.now()
        invitation.answered_by = invitation.answered_at = None
        invitation.save()
    for target in {event.centre, centre}:
        audit_log(
            centre=target,
            action="events.organiser.invited",
            by=by,
            target=event.title,
            obj=event,
            event_id=event.pk,
            organiser=centre.slug,
        )
    from .tasks import organiser_invitation_notify

    pk = invitation.pk
    transaction.on_commit(lambda: organiser_invitation_notify.delay(pk), robust=True)
    return invitation


@transaction.atomic
def event_create(
    *, centre: Centre, by: User, data: dict, organisers=(), resources=(), papers=()
) -> Event:
    """Create a draft led by `centre`; the centres in `organisers` are invited
    to co-organise it (their managers are asked by e-mail). `papers`: for a
    knowledge-exchange meeting, the resources it produced, each one `by` may see.

    Caller checked a workspace role in `centre`. Refuses with a ValidationError
    naming the field, creating nothing, on minutes or papers it cannot take.
    """
    event = Event(centre=centre, created_by=by, status=Event.Status.DRAFT)
    for field in CONTENT_FIELDS:
        if field in data:
            setattr(event, field, data[field])
    event.questions = normalise_questions(event.questions or [])
    event.slug = data.get("slug") or _unique_slug(event.title)
    _check_minutes(event)
    papers = _check_papers(event, papers, by=by)
    _render(event)
    event.full_clean()
    event.save()
    _set_organisers(event, organisers, by=by)
    if resources:
        event.resources.set(resources)
    if papers:
        event.papers.set(papers)
    _audit(event, action="events.event.created", by=by, event_id=event.pk)
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    by: User,
    data: dict,
    organisers=None,
    resources=None,
    papers=None,
) -> Event:
    """Change an event. Caller checked `update` (staff of any organiser).

    `papers` (None: unchanged) replaces the papers a knowledge-exchange meeting
    produced; each must be a resource `by` may see, else nothing changes. A
    paper `by` may not see that someone else linked stays linked.

    Centres newly named in `organisers` are invited, not made organisers.

    A published event whose time or place changes gets a new calendar SEQUENCE
    and its registered people a change notice (sent by a task after commit).
    More seats move people up from the waiting list.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be changed."))
    if "questions" in data:
        data = {**data, "questions": normalise_questions(data["questions"] or [])}
    changes = {}
    old_capacity = event.capacity
    for field in CONTENT_FIELDS:
        if field in data and getattr(event, field) != data[field]:
            changes[field] = [_jsonable(getattr(event, field)), _jsonable(data[field])]
            setattr(event, field, data[field])
    if organisers is not None:
        old = _named_organisers(event)
        new = {event.centre_id} | {c.pk for c in organisers}
        if old != new:
            changes["organisers"] = [sorted(old), sorted(new)]
    if resources is not None:
        old = set(event.resources.values_list("pk", flat=True))
        if old != {r.pk for r in resources}:
            changes["resources"] = [sorted(old), sorted(r.pk for r in resources)]
    if papers is not None:
        papers = _check_papers(event, papers, by=by)
        # Papers linked by someone who sees more than `by` are not `by`'s to
        # unlink unseen: they stay.
        hidden = list(
            event.papers.exclude(pk__in=Resource.objects.visible_to(by).values("pk"))
        )
        papers = [*papers, *(p for p in hidden if p not in papers)]
        _check_meeting(event, papers)
        old = set(event.papers.values_list("pk", flat=True))
        if old != {r.pk for r in papers}:
            changes["papers"] = [sorted(old), sorted(r.pk for r in papers)]
    else:
        _check_meeting(event, list(event.papers.all()))
    if not changes:
        return event
    _check_minutes(event)
    _render(event)
    if event.status != Event.Status.DRAFT and CALENDAR_FIELDS & changes.keys():
        event.sequence += 1
    event.full_clean()
    event.save()
    if organisers is not None:
        _set_organisers(event, organisers, by=by)
    if resources is not None:
        event.resources.set(resources)
    if papers is not None:
        event.papers.set(papers)
    _audit(event, action="events.event.updated", by=by, changes=list(changes))
    if event.status == Event.Status.PUBLISHED:
        if PLACE_FIELDS & changes.keys():
            from .tasks import event_change_notify

            pk, seq = event.pk, event.sequence
            transaction.on_commit(
                lambda: event_change_notify.delay(pk, seq), robust=True
            )
        if event.capacity is None or (
            old_capacity is not None and event.capacity > old_capacity
        ):
            _promote(event)
    return event


@transaction.atomic
def event_publish(*, event: Event, by: User) -> Event:
    """Draft → published. Caller checked `publish` (a manager of an organiser)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    if event.ends_at <= timezone.now():
        raise ValidationError(_("This event is over; it cannot be published."))
    event.status = Event.Status.PUBLISHED
    event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    _audit(event, action="events.event.published", by=by)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by: User, note: str = "") -> Event:
    """Published → cancelled; everyone registered is told (by a task, once).

    Caller checked `cancel`. Calendars see STATUS:CANCELLED with a new SEQUENCE.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("Only a published event can be cancelled."))
    event.status = Event.Status.CANCELLED
    event.cancelled_at = timezone.now()
    event.cancellation_note = note.strip()
    event.sequence += 1
    event.save(
        update_fields=[
            "status",
            "cancelled_at",
            "cancellation_note",
            "sequence",
            "updated_at",
        ]
    )
    _audit(event, action="events.event.cancelled", by=by)
    from .tasks import event_cancel_notify

    pk = event.pk
    transaction.on_commit(lambda: event_cancel_notify.delay(pk), robust=True)
    return event


# --- Co-organisers -------------------------------------------------------------


def _answer(invitation, *, by, state) -> OrganiserInvitation:
    # The event row first, as event_update takes it, so that an answer and a
    # change of the organisers are served one after the other.
    try:
        Event.objects.select_for_update().get(pk=invitation.event_id)
        invitation = (
            OrganiserInvitation.objects.select_for_update(of=("self",))
            .select_related("event", "event__centre", "centre")
            .get(pk=invitation.pk)
        )
    except (Event.DoesNotExist, OrganiserInvitation.DoesNotExist) as exc:
        raise ValidationError(_("This invitation was withdrawn.")) from exc
    if not invitation.is_pending:
        raise ValidationError(
            _("This invitation was already answered: %(state)s.")
            % {"state": invitation.get_state_display().lower()}
        )
    invitation.state = state
    invitation.answered_by, invitation.answered_at = by, timezone.now()
    invitation.save()
    for target in {invitation.event.centre, invitation.centre}:
        audit_log(
            centre=target,
            # Literal actions, so that every one can be checked for a label.
            action="events.organiser.accepted"
            if state == OrganiserInvitation.State.ACCEPTED
            else "events.organiser.declined",
            by=by,
            target=invitation.event.title,
            obj=invitation.event,
            event_id=invitation.event_id,
            organiser=invitation.centre.slug,
        )
    return invitation


@transaction.atomic
def organiser_invitation_accept(
    *, invitation: OrganiserInvitation, by: User
) -> OrganiserInvitation:
    """The invited centre accepts: it becomes an organiser of the event, its
    staff may edit it and see the attendees, and its name is shown.

    Caller checked a manager role in `invitation.centre`. Refuses (ValidationError,
    nothing changed) an invitation already answered or withdrawn.
    """
    invitation = _answer(invitation, by=by, state=OrganiserInvitation.State.ACCEPTED)
    EventOrganiser.objects.get_or_create(
        event_id=invitation.event_id, centre_id=invitation.centre_id
    )
    return invitation


@transaction.atomic
def organiser_invitation_decline(
    *, invitation: OrganiserInvitation, by: User
) -> OrganiserInvitation:
    """The invited centre declines: it gets no rights and is not shown.

    Caller checked a manager role in `invitation.centre`. Refuses an invitation
    already answered or withdrawn.
    """
    return _answer(invitation, by=by, state=OrganiserInvitation.State.DECLINED)


# --- Registration -------------------------------------------------------------

REFUSALS = {
    "draft": _("This event is not open for registration."),
    "cancelled": _("This event has been cancelled; registration is closed."),
    "past": _("This event has already started; registration is closed."),
    "not_yet": _("Registration for this event has not opened yet."),
    "closed": _("Registration for this event has closed."),
}


def _check_answers(event: Event, answers: dict) -> dict:
    answers = answers or {}
    clean, errors = {}, []
    for question in event.questions or []:
        value = str(answers.get(question["id"], "")).strip()[:1000]
        if question.get("required") and not value:
            errors.append(
                _("Please answer: %(question)s") % {"question": question["label"]}
            )
        clean[question["id"]] = value
    if errors:
        raise ValidationError({"answers": errors})
    return clean


def _seats_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event=event).confirmed().count()
    return max(event.capacity - taken, 0)


def _seat_or_waitlist(event: Event, registration: Registration) -> None:
    """Give a seat if one is free, else a place on the waiting list. The caller
    holds the lock on the event row."""
    now = timezone.now()
    left = _seats_left(event)
    if left is None or left > 0:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        mail = "confirmed"
    else:
        registration.status = Registration.Status.WAITLISTED
        registration.waitlisted_at = now
        mail = "waitlisted"
    registration.save()
    emails.registration_mail(registration, mail)


@transaction.atomic
@scopes_disabled()
def registration_create(
    *,
    event: Event,
    user: User | None = None,
    name: str = "",
    email: str = "",
    answers: dict | None = None,
    language: str | None = None,
) -> Registration:
    """Register `user` (one click: confirmed or waitlisted at once) or a visitor
    by name and e-mail (pending until they follow the link we send).

    `language`: the page's language, kept for her mails (default: the active
    one, which in a request is the page's).

    Refuses with a ValidationError, changing nothing, when registration is not
    open or the address already holds a registration for this event.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    state = event.registration_state()
    if state != "open":
        raise ValidationError(REFUSALS[state])
    if event.is_network_only and not is_network_staff(user):
        raise ValidationError(
            _("Only staff of the network's centres can register for this event.")
        )
    if user is not None:
        email, name = user.email, name or user.get_full_name()
    email = (email or "").strip().lower()
    name = (name or "").strip()
    if not email or not name:
        raise ValidationError(_("Give your name and your e-mail address."))
    clean_answers = _check_answers(event, answers or {})
    if Registration.objects.filter(event=event, email=email).active().exists():
        raise ValidationError(
            _("%(email)s is already registered for this event.") % {"email": email}
        )
    registration = Registration(
        event=event,
        user=user,
        name=name[:150],
        email=email,
        answers=clean_answers,
        language=language or translation.get_language() or "",
    )
    try:
        with transaction.atomic():
            if user is None:
                registration.save()
                emails.registration_mail(registration, "confirm-request")
            else:
                _seat_or_waitlist(event, registration)
    except IntegrityError as exc:  # a twin request won the race
        raise ValidationError(
            _("%(email)s is already registered for this event.") % {"email": email}
        ) from exc
    return registration


@transaction.atomic
@scopes_disabled()
def registration_confirm(*, registration: Registration) -> Registration:
    """A visitor followed the confirmation link: seat or waiting list.

    Safe to repeat: a confirmed or waitlisted registration stays as it is.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status in (
        Registration.Status.CONFIRMED,
        Registration.Status.WAITLISTED,
    ):
        return registration
    window = timedelta(hours=Registration.CONFIRM_WITHIN_HOURS)
    if (
        registration.status == Registration.Status.PENDING
        and registration.created_at < timezone.now() - window
    ):
        registration.status = Registration.Status.EXPIRED
        registration.save(update_fields=["status", "updated_at"])
    if registration.status != Registration.Status.PENDING:
        raise ValidationError(
            _(
                "This registration was %(status)s; please register again if you "
                "still want to come."
            )
            % {"status": registration.get_status_display().lower()}
        )
    if event.status != Event.Status.PUBLISHED or event.starts_at <= timezone.now():
        raise ValidationError(REFUSALS[event.registration_state()])
    _seat_or_waitlist(event, registration)
    return registration


def _promote(event: Event) -> list[Registration]:
    """Move people up from the waiting list while seats are free (first come,
    first served). The caller holds the lock on the event row."""
    promoted = []
    if event.status != Event.Status.PUBLISHED or event.starts_at <= timezone.now():
        return promoted
    with scopes_disabled():
        left = _seats_left(event)
        queue = Registration.objects.filter(event=event).waitlist_order()
        if left is not None:
            queue = queue[:left]
        now = timezone.now()
        for registration in queue.select_for_update():
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = registration.promoted_at = now
            registration.save(
                update_fields=["status", "confirmed_at", "promoted_at", "updated_at"]
            )
            emails.registration_mail(registration, "promoted")
            promoted.append(registration)
    return promoted


@transaction.atomic
@scopes_disabled()
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel one registration (its owner, via My events or a signed link).

    A freed seat goes to the first person on the waiting list. Cancelling a
    cancelled registration changes nothing.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        raise ValidationError(_("This registration is no longer active."))
    had_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if had_seat:
        _promote(event)
    return registration


@transaction.atomic
def registration_check_in(
    *, registration: Registration, by: User, present: bool = True
) -> Registration:
    """Mark a confirmed attendee present (or undo it). Caller checked `attendees`."""
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed attendees can be checked in."))
    registration.checked_in_at = timezone.now() if present else None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


@transaction.atomic
def attendee_message_send(
    *, event: Event, by: User, subject: str, body: str, include_waitlist: bool = False
) -> AttendeeMessage:
    """Store a message to the attendees; a task mails it, once per person.

    Caller checked `attendees` (staff of an organiser).
    """
    if not subject.strip() or not body.strip():
        raise ValidationError(_("Write a subject and a message."))
    with scopes_disabled():
        message = AttendeeMessage.objects.create(
            event=event,
            subject=subject.strip()[:200],
            body=body.strip(),
            include_waitlist=include_waitlist,
            sent_by=by,
        )
    _audit(event, action="events.message.sent", by=by, subject=message.subject)
    from .tasks import attendee_message_deliver

    pk = message.pk
    transaction.on_commit(lambda: attendee_message_deliver.delay(pk), robust=True)
    return message


@scopes_disabled()
def registrations_expire(*, now=None) -> int:
    """Unconfirmed visitor registrations older than the confirmation window, and
    those of events that started, become expired. Safe to repeat."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=Registration.CONFIRM_WITHIN_HOURS)
    from django.db.models import Q

    return (
        Registration.objects.pending()
        .filter(Q(created_at__lt=cutoff) | Q(event__starts_at__lte=now))
        .update(status=Registration.Status.EXPIRED, updated_at=now)
    )

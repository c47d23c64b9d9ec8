"""Services of events: drafts, publishing, cancelling, registration and the
waiting list; bad input is refused with a clear message and changes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from events import services
from events.models import Event, Registration
from tests.factories import UserFactory

from .helpers import mails_to, make_event

pytestmark = pytest.mark.django_db


def _registrations(event):
    with scopes_disabled():
        return list(Registration.objects.filter(event=event).order_by("pk"))


def test_create_makes_a_draft_with_the_lead_among_the_organisers(
    centre, other_centre, editor
):
    event = make_event(
        centre=centre, by=editor, published=False, organisers=[other_centre]
    )
    assert event.status == Event.Status.DRAFT
    assert set(event.organisers.values_list("slug", flat=True)) == {"alpha", "beta"}
    assert event.slug == "webinar-on-market-consultation"


def test_end_before_start_is_refused_and_nothing_is_stored(centre, editor):
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError) as exc:
        make_event(centre=centre, by=editor, starts_at=start, ends_at=start)
    assert "must end after it starts" in str(exc.value)
    assert not Event.objects.exists()


def test_negative_capacity_is_refused(centre, editor):
    with pytest.raises(ValidationError) as exc:
        make_event(centre=centre, by=editor, capacity=-3)
    assert "capacity" in exc.value.message_dict
    assert not Event.objects.exists()


def test_unknown_time_zone_is_refused(centre, editor):
    with pytest.raises(ValidationError) as exc:
        make_event(centre=centre, by=editor, timezone="Mars/Olympus")
    assert "timezone" in exc.value.message_dict


def test_times_are_stored_in_utc_and_shown_in_the_event_zone(centre, editor):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2031, 3, 4, 10, 0, tzinfo=ZoneInfo("Europe/Athens"))
    event = make_event(
        centre=centre,
        by=editor,
        timezone="Europe/Athens",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    event.refresh_from_db()
    assert event.starts_at.utcoffset() == timedelta(0)
    assert event.starts_at.hour == 8  # UTC
    assert "10:00–12:00 (Europe/Athens)" in event.when_display()


def test_signed_in_user_is_confirmed_in_one_click_with_the_ics_attached(
    centre, editor, procurer, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(event=event, user=procurer)
    assert registration.status == Registration.Status.CONFIRMED
    [message] = mails_to(procurer.email, "registered")
    assert "https://meet.example.eu/secret-room" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())


def test_visitor_is_pending_until_they_confirm(
    centre, editor, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=editor, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(
            event=event, name="Vera Visitor", email="Vera@Example.org"
        )
    assert registration.status == Registration.Status.PENDING
    assert registration.email == "vera@example.org"
    [request] = mails_to("vera@example.org", "confirm")
    assert registration.confirm_url() in request.body
    assert "secret-room" not in request.body  # not confirmed: no join link
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert mails_to("vera@example.org", "registered")
    # Confirming twice changes nothing and sends nothing more.
    count = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    assert len(mail.outbox) == count


def test_registering_twice_is_refused(centre, editor, procurer):
    event = make_event(centre=centre, by=editor)
    services.registration_create(event=event, user=procurer)
    with pytest.raises(ValidationError, match="already registered"):
        services.registration_create(event=event, user=procurer)
    with pytest.raises(ValidationError, match="already registered"):
        services.registration_create(
            event=event, name="Someone", email=procurer.email.upper()
        )
    assert len(_registrations(event)) == 1


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ({"registration_opens_at": timedelta(days=1)}, "not opened yet"),
        ({"registration_closes_at": timedelta(hours=-1)}, "has closed"),
    ],
)
def test_registration_outside_the_window_is_refused(
    centre, editor, procurer, window, message
):
    now = timezone.now()
    data = {k: now + v for k, v in window.items()}
    if "registration_closes_at" in data:
        data["registration_opens_at"] = now - timedelta(days=2)
    event = make_event(centre=centre, by=editor, **data)
    with pytest.raises(ValidationError, match=message):
        services.registration_create(event=event, user=procurer)
    assert _registrations(event) == []


def test_registration_for_a_cancelled_event_is_refused(centre, manager, procurer):
    event = make_event(centre=centre, by=manager)
    services.event_cancel(event=event, by=manager)
    with pytest.raises(ValidationError, match="cancelled"):
        services.registration_create(
            event=event.__class__.objects.get(pk=event.pk), user=procurer
        )
    assert _registrations(event) == []


def test_registration_for_a_draft_is_refused(centre, editor, procurer):
    event = make_event(centre=centre, by=editor, published=False)
    with pytest.raises(ValidationError, match="not open"):
        services.registration_create(event=event, user=procurer)


def test_required_question_must_be_answered(centre, editor, procurer):
    event = make_event(
        centre=centre,
        by=editor,
        questions=[{"label": "Organisation", "required": True}, "Dietary needs"],
    )
    assert [q["id"] for q in event.questions] == ["q1", "q2"]
    with pytest.raises(ValidationError, match="Organisation"):
        services.registration_create(event=event, user=procurer, answers={})
    registration = services.registration_create(
        event=event, user=procurer, answers={"q1": "City of Tartu", "x": "ignored"}
    )
    assert registration.answers == {"q1": "City of Tartu", "q2": ""}


def test_full_event_waitlists_and_a_cancellation_promotes_the_first_in_line(
    centre, editor, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=editor, capacity=1)
    people = [UserFactory(email=f"p{i}@example.org") for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (
            services.registration_create(event=event, user=p) for p in people
        )
    assert [r.status for r in (first, second, third)] == [
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert mails_to("p1@example.org", "waiting list")
    from events.selectors import waitlist_position

    assert waitlist_position(third) == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first)
    statuses = {r.email: r.status for r in _registrations(event)}
    assert statuses == {
        "p0@example.org": "cancelled",
        "p1@example.org": "confirmed",
        "p2@example.org": "waitlisted",
    }
    [promotion] = mails_to("p1@example.org", "a seat for you")
    assert "secret-room" in promotion.body
    assert promotion.attachments


def test_cancelling_twice_is_refused_and_promotes_nobody_else(centre, editor, procurer):
    event = make_event(centre=centre, by=editor, capacity=1)
    registration = services.registration_create(event=event, user=procurer)
    services.registration_cancel(registration=registration)
    with pytest.raises(ValidationError, match="no longer active"):
        services.registration_cancel(registration=registration)


def test_more_seats_promote_the_waiting_list(centre, manager):
    event = make_event(centre=centre, by=manager, capacity=1)
    for i in range(3):
        services.registration_create(
            event=event, user=UserFactory(email=f"w{i}@example.org")
        )
    services.event_update(event=event, by=manager, data={"capacity": 2})
    confirmed = [r.email for r in _registrations(event) if r.status == "confirmed"]
    assert confirmed == ["w0@example.org", "w1@example.org"]


def test_publishing_a_non_draft_is_refused(centre, manager):
    event = make_event(centre=centre, by=manager)
    with pytest.raises(ValidationError, match="Only a draft"):
        services.event_publish(event=event, by=manager)


def test_changing_time_bumps_the_sequence_and_notifies_once_per_version(
    centre, manager, procurer, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=manager)
    services.registration_create(event=event, user=procurer)
    assert event.sequence == 0
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_update(
            event=event,
            by=manager,
            data={
                "starts_at": event.starts_at + timedelta(hours=1),
                "ends_at": event.ends_at + timedelta(hours=1),
            },
        )
    assert event.sequence == 1
    [notice] = mails_to(procurer.email, "changed")
    assert notice.attachments
    # A title change is a new calendar version, but no change notice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_update(event=event, by=manager, data={"title": "New"})
    assert event.sequence == 2
    assert mail.outbox == []
    # The task is idempotent: repeating it queues nothing.
    from events.tasks import event_change_notify

    assert event_change_notify(event.pk, 1) == 0
    assert OutboundEmail.objects.filter(template="event-changed").count() == 1


def test_cancelling_tells_everyone_once(
    centre, manager, procurer, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=manager, capacity=1)
    services.registration_create(event=event, user=procurer)
    services.registration_create(
        event=event, user=UserFactory(email="waiting@example.org")
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_cancel(event=event, by=manager, note="Speaker is ill.")
    assert event.status == Event.Status.CANCELLED
    assert event.sequence == 1
    assert len(mails_to(procurer.email, "cancelled")) == 1
    assert len(mails_to("waiting@example.org", "cancelled")) == 1
    assert "Speaker is ill." in mails_to(procurer.email, "cancelled")[0].body
    from events.tasks import event_cancel_notify

    assert event_cancel_notify(event.pk) == 0
    with pytest.raises(ValidationError):
        services.event_update(event=event, by=manager, data={"title": "x"})


def test_check_in_marks_only_confirmed_attendees(centre, editor, procurer):
    event = make_event(centre=centre, by=editor, capacity=1)
    confirmed = services.registration_create(event=event, user=procurer)
    waiting = services.registration_create(
        event=event, user=UserFactory(email="late@example.org")
    )
    services.registration_check_in(registration=confirmed, by=editor)
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    with pytest.raises(ValidationError):
        services.registration_check_in(registration=waiting, by=editor)


def test_unconfirmed_registrations_expire(centre, editor):
    event = make_event(centre=centre, by=editor)
    registration = services.registration_create(
        event=event, name="Late", email="late@example.org"
    )
    with scopes_disabled():
        Registration.objects.filter(pk=registration.pk).update(
            created_at=timezone.now() - timedelta(hours=49)
        )
    assert services.registrations_expire() == 1
    assert services.registrations_expire() == 0
    registration.refresh_from_db()
    assert registration.status == Registration.Status.EXPIRED
    with pytest.raises(ValidationError, match="register again"):
        services.registration_confirm(registration=registration)
    # The address may register again afterwards.
    services.registration_create(event=event, name="Late", email="late@example.org")

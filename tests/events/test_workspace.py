"""The organisers' workspace: every organiser's staff edit a joint event, other
centres get 404; publish and cancel are for managers; attendees, CSV, check-in,
messages."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from events import services
from events.models import Event, Registration
from tests.factories import (
    CentreFactory,
    UserFactory,
    membership_create,
    resource_create,
)

from .helpers import make_event

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    start = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    data = {
        "title": "Joint workshop on PCP",
        "summary": "Two centres explain pre-commercial procurement.",
        "kind": "workshop",
        "format": "online",
        "language": "en",
        "starts_at": start.strftime("%Y-%m-%dT10:00"),
        "ends_at": start.strftime("%Y-%m-%dT12:30"),
        "timezone": "Europe/Athens",
        "online_url": "https://meet.example.eu/pcp",
        "capacity": "20",
        "questions": "Organisation *\nDietary needs",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_joint_draft_in_the_event_zone(
    client, centre, other_centre, editor
):
    client.force_login(editor)
    response = client.post(
        "/manage/alpha/events/new/", form_data(co_organisers=[other_centre.pk])
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == "draft"
    assert event.starts_local.hour == 10
    assert event.starts_at.utcoffset() == timedelta(0)
    # Beta is asked, not made an organiser (tests/events/test_co_organisers.py).
    assert set(event.organisers.values_list("slug", flat=True)) == {"alpha"}
    assert event.organiser_invitations.get().centre == other_centre
    assert event.questions == [
        {"id": "q1", "label": "Organisation", "required": True},
        {"id": "q2", "label": "Dietary needs", "required": False},
    ]
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="events.event.created").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"ends_at": "2030-01-01T09:00", "starts_at": "2030-01-01T10:00"},
            "must end after it starts",
        ),
        ({"capacity": "-5"}, "greater than or equal to 1"),
        ({"timezone": "Mars/Olympus"}, "Select a valid choice"),
        ({"format": "in_person", "venue": "", "city": ""}, "Say where"),
    ],
)
def test_bad_input_is_shown_and_nothing_is_stored(
    client, centre, editor, overrides, message
):
    client.force_login(editor)
    response = client.post("/manage/alpha/events/new/", form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_co_organiser_edits_the_joint_event(
    client, centre, other_centre, editor, editor_b
):
    event = make_event(
        centre=centre, by=editor, published=False, organisers=[other_centre]
    )
    client.force_login(editor_b)
    url = f"/manage/beta/events/{event.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        form_data(title="Renamed by Beta"),  # no co-organiser ticked
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Renamed by Beta"
    # The lead, and the workspace that edited, stay organisers.
    assert set(event.organisers.values_list("slug", flat=True)) == {"alpha", "beta"}


def test_editor_of_a_non_organising_centre_gets_404(client, centre, editor):
    gamma = CentreFactory(slug="gamma", country="SE")
    stranger = UserFactory(email="stranger@example.org")
    membership_create(centre=gamma, user=stranger)
    event = make_event(centre=centre, by=editor)
    client.force_login(stranger)
    for url in (
        f"/manage/gamma/events/{event.pk}/",
        f"/manage/gamma/events/{event.pk}/edit/",
        f"/manage/alpha/events/{event.pk}/edit/",
    ):
        assert client.get(url).status_code == 404


def test_publish_and_cancel_are_for_managers(client, centre, editor, manager):
    event = make_event(centre=centre, by=editor, published=False)
    client.force_login(editor)
    assert client.post(f"/manage/alpha/events/{event.pk}/publish/").status_code == 403
    client.force_login(manager)
    assert client.post(f"/manage/alpha/events/{event.pk}/publish/").status_code == 302
    event.refresh_from_db()
    assert event.status == "published"
    response = client.post(
        f"/manage/alpha/events/{event.pk}/cancel/", {"note": "Sorry."}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert event.cancellation_note == "Sorry."
    # Cancelling again: a message, nothing changes.
    response = client.post(f"/manage/alpha/events/{event.pk}/cancel/", follow=True)
    assert "only a published event can be cancelled" in response.content.decode()


def test_attendee_list_csv_and_check_in(
    client, centre, other_centre, editor, editor_b, procurer
):
    event = make_event(
        centre=centre,
        by=editor,
        organisers=[other_centre],
        questions=[{"label": "Organisation", "required": True}],
        capacity=1,
    )
    confirmed = services.registration_create(
        event=event, user=procurer, answers={"q1": "=HYPERLINK(evil)"}
    )
    services.registration_create(
        event=event,
        user=UserFactory(email="second@example.org", full_name="Second Person"),
        answers={"q1": "City of Oulu"},
    )
    # Joint event: the co-organiser's workspace sees the attendees too.
    client.force_login(editor_b)
    page = client.get(f"/manage/beta/events/{event.pk}/").content.decode()
    assert "Paula Procurer" in page
    assert "City of Oulu" in page
    response = client.get(f"/manage/beta/events/{event.pk}/attendees.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "E-mail",
        "Status",
        "Registered",
        "Checked in",
        "Organisation",
    ]
    assert rows[1][:3] == ["Paula Procurer", "procurer@example.org", "Confirmed"]
    assert rows[1][5] == "'=HYPERLINK(evil)"  # no formula in a spreadsheet
    assert rows[2][2] == "On the waiting list"

    response = client.post(
        f"/manage/beta/events/{event.pk}/attendees/{confirmed.pk}/check-in/"
    )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    client.post(
        f"/manage/beta/events/{event.pk}/attendees/{confirmed.pk}/check-in/",
        {"present": "0"},
    )
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_registrations_of_another_event_are_404_in_check_in(
    client, centre, editor, procurer
):
    event = make_event(centre=centre, by=editor)
    other = make_event(centre=centre, by=editor, title="Other")
    registration = services.registration_create(event=other, user=procurer)
    client.force_login(editor)
    response = client.post(
        f"/manage/alpha/events/{event.pk}/attendees/{registration.pk}/check-in/"
    )
    assert response.status_code == 404


def test_message_all_attendees(
    client, centre, editor, procurer, django_capture_on_commit_callbacks
):
    from django.core import mail

    event = make_event(centre=centre, by=editor)
    services.registration_create(event=event, user=procurer)
    client.force_login(editor)
    url = f"/manage/alpha/events/{event.pk}/message/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"subject": "", "body": ""}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"subject": "Slides", "body": "Here they are."})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[procurer.email]]


def test_editing_a_published_events_time_notifies_the_registered(
    client, centre, manager, procurer, django_capture_on_commit_callbacks
):
    from django.core import mail

    event = make_event(centre=centre, by=manager)
    services.registration_create(event=event, user=procurer)
    client.force_login(manager)
    data = form_data(
        title=event.title, summary=event.summary, kind="webinar", capacity=""
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/manage/alpha/events/{event.pk}/edit/", data)
    event.refresh_from_db()
    assert event.sequence == 1
    assert [m.subject for m in mail.outbox if procurer.email in m.to] == [
        f"Changed: {event.title}"
    ]


def test_workspace_list_shows_joint_events_with_counts(
    client, centre, other_centre, editor, editor_b, procurer
):
    event = make_event(
        centre=other_centre, by=editor_b, organisers=[centre], title="Led by Beta"
    )
    services.registration_create(event=event, user=procurer)
    client.force_login(editor)
    response = client.get("/manage/alpha/events/")
    assert response.status_code == 200
    [listed] = response.context["events"]
    assert listed.title == "Led by Beta"
    assert listed.confirmed == 1
    with scopes_disabled():
        assert Registration.objects.count() == 1


def test_materials_afterwards_show_on_the_event_page(client, centre, editor, manager):
    slides = resource_create(
        centre=centre, by=manager, published=True, title="Slides of the PCP day"
    )
    draft = resource_create(centre=centre, by=editor, title="Unfinished notes")
    event = make_event(centre=centre, by=editor, title="PCP day")
    client.force_login(editor)
    edit = f"/manage/alpha/events/{event.pk}/edit/"
    # A draft resource is not offered, and smuggling its id in is refused.
    assert "Unfinished notes" not in client.get(edit).content.decode()
    data = form_data(
        title="PCP day",
        starts_at=event.starts_local.strftime("%Y-%m-%dT%H:%M"),
        ends_at=event.ends_local.strftime("%Y-%m-%dT%H:%M"),
        timezone="Europe/Berlin",
        online_url=event.online_url,
        questions="",
        capacity="",
        slides_url="https://files.example.eu/pcp-day.pdf",
        recording_url="https://video.example.eu/pcp-day",
    )
    response = client.post(edit, {**data, "resources": [draft.pk]})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not event.resources.exists()

    response = client.post(edit, {**data, "resources": [slides.pk]})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.recording_url == "https://video.example.eu/pcp-day"
    assert list(event.resources.all()) == [slides]

    client.logout()
    page = client.get(
        reverse("events:detail", kwargs={"slug": event.slug})
    ).content.decode()
    assert "Materials" in page
    assert 'href="https://files.example.eu/pcp-day.pdf"' in page
    assert 'href="https://video.example.eu/pcp-day"' in page
    assert slides.get_absolute_url() in page
    assert "Unfinished notes" not in page

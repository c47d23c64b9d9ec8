"""A centre named co-organiser is asked first: until one of its managers accepts
it has no rights on the event, is not shown, and sees no attendee; it may decline."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from rest_framework.test import APIClient

from centres.models import AuditEntry
from events import services, tasks
from events.models import EventOrganiser, OrganiserInvitation, Registration
from tests.factories import UserFactory, membership_create

from .helpers import make_event
from .test_workspace import form_data

pytestmark = pytest.mark.django_db

INVITATIONS = "/manage/beta/events/invitations/"


@pytest.fixture
def joint(centre, other_centre, manager, outsider, django_capture_on_commit_callbacks):
    """A published event of Alpha that names Beta (whose manager is the
    outsider), with one attendee."""
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(
            centre=centre,
            by=manager,
            title="Joint webinar",
            organisers=[other_centre],
            accepted=False,
        )
        services.registration_create(event=event, name="Ada", email="ada@example.org")
    return event


def invitation_of(event):
    return OrganiserInvitation.objects.get(event=event)


def test_naming_a_centre_asks_its_managers_and_gives_it_nothing(
    settings, client, joint, other_centre, editor_b, outsider
):
    invitation = invitation_of(joint)
    assert invitation.state == "invited"
    assert not EventOrganiser.objects.filter(centre=other_centre).exists()

    # Its managers are asked by e-mail, with the way to their workspace.
    (asked,) = [m for m in mail.outbox if m.to == [outsider.email]]
    assert asked.subject == "ALPHA asks you to co-organise “Joint webinar”"
    assert f"{settings.SITE_URL}{INVITATIONS}" in asked.body
    assert not [m for m in mail.outbox if m.to == [editor_b.email]]

    # Its staff cannot reach the event, its attendees or its CSV.
    client.force_login(editor_b)
    for path in (f"{joint.pk}/", f"{joint.pk}/edit/", f"{joint.pk}/attendees.csv"):
        assert client.get(f"/manage/beta/events/{path}").status_code == 404
    with scope(centre=other_centre), pytest.raises(Registration.DoesNotExist):
        Registration.objects.get(event=joint)
    # It is not shown as an organiser: page, calendar filter, API.
    page = client.get(joint.get_absolute_url()).content.decode()
    assert "Beta Centre" not in page
    assert (
        list(client.get(reverse("events:list") + "?organiser=beta").context["events"])
        == []
    )
    body = APIClient().get(f"/api/v1/events/{joint.pk}/").json()
    assert [o["slug"] for o in body["organisers"]] == ["alpha"]
    assert body["organiser_invitations"] == []  # not for the public


def test_beta_manager_sees_and_accepts_the_invitation(
    client, joint, other_centre, editor_b, outsider
):
    client.force_login(outsider)
    page = client.get(INVITATIONS)
    assert page.status_code == 200
    assert "Joint webinar" in page.content.decode()
    assert "Alpha Centre" in page.content.decode()
    listing = client.get("/manage/beta/events/").content.decode()
    assert "1 invitation to co-organise an event is waiting" in listing

    invitation = invitation_of(joint)
    response = client.post(f"{INVITATIONS}{invitation.pk}/accept/")
    assert response.status_code == 302
    assert response["Location"] == f"/manage/beta/events/{joint.pk}/"
    invitation.refresh_from_db()
    assert invitation.state == "accepted"
    assert invitation.answered_by == outsider
    assert EventOrganiser.objects.filter(event=joint, centre=other_centre).exists()

    # Now Beta's staff work on it and Beta is shown.
    client.force_login(editor_b)
    attendees = client.get(f"/manage/beta/events/{joint.pk}/")
    assert attendees.status_code == 200
    assert "ada@example.org" in attendees.content.decode()
    assert "Beta Centre" in client.get(joint.get_absolute_url()).content.decode()
    with scopes_disabled():
        for slug in ("alpha", "beta"):
            assert AuditEntry.objects.filter(
                centre__slug=slug,
                action="events.organiser.accepted",
                data__organiser="beta",
            ).exists()


def test_beta_manager_declines_and_beta_stays_out(
    client, joint, other_centre, editor_b, outsider, manager
):
    invitation = invitation_of(joint)
    client.force_login(outsider)
    response = client.post(f"{INVITATIONS}{invitation.pk}/decline/", follow=True)
    assert "You declined to co-organise “Joint webinar”" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "declined"
    assert not EventOrganiser.objects.filter(centre=other_centre).exists()

    # A second answer is refused with a message and changes nothing.
    response = client.post(f"{INVITATIONS}{invitation.pk}/accept/", follow=True)
    assert "already answered: declined" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "declined"
    assert not EventOrganiser.objects.filter(centre=other_centre).exists()
    client.force_login(editor_b)
    assert client.get(f"/manage/beta/events/{joint.pk}/").status_code == 404

    # Alpha's workspace shows the answer.
    client.force_login(manager)
    page = client.get(f"/manage/alpha/events/{joint.pk}/").content.decode()
    assert "Beta Centre: declined" in page
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre__slug="alpha", action="events.organiser.declined"
        ).exists()


def test_only_the_invited_centres_managers_answer(
    client, joint, other_centre, editor, editor_b, manager
):
    invitation = invitation_of(joint)
    accept = f"{INVITATIONS}{invitation.pk}/accept/"
    client.force_login(editor_b)  # Beta's editor: managers decide
    assert client.get(INVITATIONS).status_code == 403
    assert client.post(accept).status_code == 403
    client.force_login(manager)  # Alpha's manager: not Beta's workspace
    assert client.post(accept).status_code == 404
    assert (
        client.post(
            f"/manage/alpha/events/invitations/{invitation.pk}/accept/"
        ).status_code
        == 404
    )
    invitation.refresh_from_db()
    assert invitation.state == "invited"
    assert not EventOrganiser.objects.filter(centre=other_centre).exists()


def test_the_naming_centre_cannot_accept_for_the_named_one_through_the_api(
    centre, other_centre, manager
):
    client = APIClient()
    client.force_authenticate(manager)
    start = "2031-05-01T10:00:00Z"
    response = client.post(
        "/api/v1/events/",
        {
            "centre": "alpha",
            "title": "API joint",
            "summary": "Made through the API.",
            "kind": "webinar",
            "starts_at": start,
            "ends_at": "2031-05-01T12:00:00Z",
            "organisers": ["beta"],
        },
        format="json",
    )
    assert response.status_code == 201
    event_id = response.json()["id"]
    patched = client.patch(
        f"/api/v1/events/{event_id}/", {"organisers": ["beta"]}, format="json"
    )
    assert patched.status_code == 200
    assert [o["slug"] for o in patched.json()["organisers"]] == ["alpha"]
    assert OrganiserInvitation.objects.get(event_id=event_id).state == "invited"


def test_leaving_a_centre_out_withdraws_its_invitation(
    client, joint, centre, manager, outsider
):
    invitation = invitation_of(joint)
    client.force_login(manager)
    response = client.post(
        f"/manage/alpha/events/{joint.pk}/edit/",
        form_data(title="Joint webinar", co_organisers=[]),
    )
    assert response.status_code == 302
    assert not OrganiserInvitation.objects.filter(pk=invitation.pk).exists()
    client.force_login(outsider)
    assert client.post(f"{INVITATIONS}{invitation.pk}/accept/").status_code == 404
    with pytest.raises(ValidationError, match="withdrawn"):
        services.organiser_invitation_accept(invitation=invitation, by=outsider)
    assert not EventOrganiser.objects.exclude(centre=centre).exists()


def test_editing_keeps_pending_invitations_and_asks_once(
    client, joint, manager, outsider, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    form = client.get(f"/manage/alpha/events/{joint.pk}/edit/").context["form"]
    assert [c.slug for c in form.initial["co_organisers"]] == ["beta"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/manage/alpha/events/{joint.pk}/edit/",
            form_data(
                title="Joint webinar, renamed",
                co_organisers=[form.initial["co_organisers"][0].pk],
            ),
        )
    assert invitation_of(joint).state == "invited"
    assert not [m for m in mail.outbox if m.to == [outsider.email]]


def test_naming_a_declining_centre_again_asks_again(
    joint, other_centre, manager, outsider, django_capture_on_commit_callbacks
):
    invitation = services.organiser_invitation_decline(
        invitation=invitation_of(joint), by=outsider
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            event=joint, by=manager, data={}, organisers=[other_centre]
        )
    invitation.refresh_from_db()
    assert invitation.state == "invited"
    assert invitation.answered_at is None
    assert [m.to for m in mail.outbox] == [[outsider.email]]


def test_notify_task_is_safe_to_repeat_and_quiet_once_answered(
    joint, other_centre, outsider
):
    second_manager = UserFactory(email="manager2-b@example.org")
    membership_create(centre=other_centre, user=second_manager, role="manager")
    invitation = invitation_of(joint)
    assert tasks.organiser_invitation_notify(invitation.pk) == 1  # the new one
    assert tasks.organiser_invitation_notify(invitation.pk) == 0
    services.organiser_invitation_accept(invitation=invitation, by=outsider)
    third = UserFactory(email="manager3-b@example.org")
    membership_create(centre=other_centre, user=third, role="manager")
    assert tasks.organiser_invitation_notify(invitation.pk) == 0

"""The account's language of e-mails: chosen on the profile page, kept from the
sign-up page, and used by the mails that reach the account (team invitations,
co-organiser questions); an address without an account gets the language of the
page it was invited from."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import OutboundEmail
from centres.models import Role
from centres.services import centre_member_add
from events.models import OrganiserInvitation
from p2i_portal.mail import mail_language
from tests.events.helpers import make_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "full_name": "Paula P.",
    "organisation": "Gemeente X",
    "country": "NL",
    "profile_role": "procurer",
}


def test_the_profile_page_sets_the_language_of_e_mails(client, procurer):
    client.force_login(procurer)
    page = client.get(reverse("accounts:profile"))
    assert 'name="language"' in page.content.decode()
    assert ">Nederlands<" in page.content.decode()
    response = client.post(reverse("accounts:profile"), {**PROFILE, "language": "nl"})
    assert response.status_code == 302
    procurer.refresh_from_db()
    assert procurer.language == "nl"


def test_an_unknown_language_is_refused_and_changes_nothing(client, procurer):
    procurer.language = "de"
    procurer.save()
    client.force_login(procurer)
    response = client.post(reverse("accounts:profile"), {**PROFILE, "language": "xx"})
    assert response.status_code == 200
    procurer.refresh_from_db()
    assert procurer.language == "de" and procurer.full_name != "Paula P."


def test_mail_language_takes_the_first_language_the_portal_speaks():
    assert mail_language("", None, "de") == "de"
    assert mail_language("de-at", "nl") == "de"
    assert mail_language("fr", "xx") == "en"  # French is no language of the portal
    assert mail_language() == "en"


def test_a_team_invitation_reaches_an_account_in_its_language(
    centre, manager, django_capture_on_commit_callbacks
):
    UserFactory(email="inkoper@gemeente.example", language="nl")
    # The manager works in German; the invited account reads Dutch.
    with translation.override("de"), django_capture_on_commit_callbacks(execute=True):
        centre_member_add(
            centre=centre,
            email="inkoper@gemeente.example",
            role=Role.EDITOR,
            by=manager,
        )
        centre_member_add(
            centre=centre, email="neu@stadt.example", role=Role.EDITOR, by=manager
        )
    with translation.override("nl"):
        dutch = translation.gettext("Invitation to join the team of %(centre)s") % {
            "centre": centre.short_name
        }
    with translation.override("de"):
        german = translation.gettext("Invitation to join the team of %(centre)s") % {
            "centre": centre.short_name
        }
    assert "Invitation to join" not in dutch + german
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "inkoper@gemeente.example": dutch,
        # No account: the language of the page the manager invited from.
        "neu@stadt.example": german,
    }


def test_a_centre_is_asked_to_co_organise_in_its_managers_language(
    centre, other_centre, manager, outsider, django_capture_on_commit_callbacks
):
    outsider.language = "el"
    outsider.save()
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(
            centre=centre, by=manager, organisers=[other_centre], accepted=False
        )
    assert OrganiserInvitation.objects.filter(event=event).exists()
    row = OutboundEmail.objects.get(to=outsider.email)
    assert row.template == "event-organiser-invitation"
    with translation.override("el"):
        expected = translation.gettext(
            "%(lead)s asks you to co-organise “%(title)s”"
        ) % {"lead": centre.short_name, "title": event.title}
    assert (
        row.subject
        == expected
        != (f"{centre.short_name} asks you to co-organise “{event.title}”")
    )

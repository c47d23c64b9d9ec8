"""Every mail in its recipient's language, through a real Celery worker, Redis
and the SMTP sink: the subscription's language, the account's, or the language
of the page where she signed up."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.models import User
from events.models import Registration
from tests.events.helpers import make_event
from tests.factories import UserFactory

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def url(name, language, **kwargs):
    """The page's address in `language` (public pages may carry it in the path)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def html(message) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message, fragment: str) -> str:
    word = next(w for w in plain(message).split() if fragment in w)
    return "/" + word.split("://", 1)[1].split("/", 1)[1]


def test_a_german_subscribers_confirmation_arrives_in_german(
    client, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    # She subscribes from the English page but asks for German mail.
    response = client.post(
        url("newsletters:subscribe", "en"),
        {
            "email": "leserin@stadt.example",
            "name": "Lena",
            "wants_newsletter": "on",
            "digest_frequency": "none",
            "language": "de",
            "consent": "on",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    [message] = sink.wait_for(1)
    assert message["To"] == "leserin@stadt.example"
    assert message["Subject"] == "Bestätigen Sie Ihr Abonnement des P2I-Newsletters"
    body = plain(message)
    assert body.startswith("Guten Tag,")
    assert "probably you" not in body
    assert "/newsletter/confirm/" in body
    assert 'lang="de"' in html(message)


def test_a_greek_attendees_mails_arrive_in_greek_with_greek_dates(
    client, centre, editor, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    start = datetime(2100, 3, 2, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Berlin
    event = make_event(centre=centre, by=editor, starts_at=start)
    response = client.post(
        url("events:register", "el", slug=event.slug),
        {"name": "Ελένη Παππά", "email": "eleni@dimos.example"},
        HTTP_ACCEPT_LANGUAGE="el",
    )
    assert response.status_code == 302
    with scopes_disabled():
        registration = Registration.objects.get(email="eleni@dimos.example")
    assert registration.language == "el"
    [request] = sink.wait_for(1)
    with translation.override("el"):
        assert request["Subject"].strip() == translation.gettext(
            "Confirm your registration: %(title)s"
        ) % {"title": event.title}

    # She follows the link from a page in English: her mail stays Greek.
    sink.clear()
    client.post(link_in(request, "/confirm/"), HTTP_ACCEPT_LANGUAGE="en")
    with scopes_disabled():
        registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    [confirmed] = sink.wait_for(1)
    assert confirmed["Subject"].strip() == f"Έχετε εγγραφεί: {event.title}"
    body = plain(confirmed)
    assert "Τρίτη" in body and "Μαρτίου" in body  # Tuesday, (of) March in Greek
    assert "Tuesday" not in body and "March" not in body
    assert "Your registration is confirmed" not in body
    assert "Τρίτη" in html(confirmed)


def test_an_account_in_dutch_gets_the_password_reset_in_dutch(
    client, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    UserFactory(email="inkoper@gemeente.example", language="nl")
    # Asked for from an English page: the account's language wins.
    response = client.post(
        url("account_reset_password", "en"),
        {"email": "inkoper@gemeente.example"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    [message] = sink.wait_for(1)
    assert message["To"] == "inkoper@gemeente.example"
    assert message["Subject"] == (
        "[P2I] Stel uw wachtwoord voor het P2I-portaal opnieuw in"
    )
    body = plain(message)
    assert "Iemand, waarschijnlijk u, heeft gevraagd" in body
    assert "/accounts/password/reset/key/" in body


def test_signing_up_on_a_greek_page_keeps_greek_for_the_account(
    client, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    response = client.post(
        url("account_signup", "el"),
        {
            "email": "nikos@dimos.example",
            "password1": "p2i-Long-enough-9",
            "password2": "p2i-Long-enough-9",
            "full_name": "Nikos",
            "profile_role": "procurer",
        },
        HTTP_ACCEPT_LANGUAGE="el",
    )
    assert response.status_code == 302
    assert User.objects.get(email="nikos@dimos.example").language == "el"
    [message] = sink.wait_for(1)
    assert message["Subject"].strip() == (
        "[P2I] Επιβεβαιώστε τη διεύθυνση ηλεκτρονικού ταχυδρομείου σας για την Πύλη P2I"
    )
    assert "/accounts/confirm-email/" in plain(message)

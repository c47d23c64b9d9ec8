"""Double opt-in: subscribe, confirm (single use, 72 h), no enumeration, rate limits."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import OutboundEmail
from newsletters.models import CONSENT_HASH, ConfirmationToken, Subscriber
from tests.newsletters.factories import subscriber_create

pytestmark = pytest.mark.django_db

FORM = {
    "email": "New.Reader@City.example",
    "name": "Nina",
    "wants_newsletter": "on",
    "digest_frequency": "weekly",
    "language": "de",
    "consent": "on",
}


def german(text: str) -> str:
    with translation.override("de"):
        return translation.gettext(text)


def confirm_link(outbox_message) -> str:
    body = outbox_message.body
    link = next(w for w in body.split() if "/newsletter/confirm/" in w)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """POST the form and run the on-commit callbacks (the mail is queued there)."""

    def post(data=FORM, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("newsletters:subscribe"), data, **extra)

    return post


def test_subscribing_records_consent_and_mails_only_a_confirmation(client, subscribe):
    response = subscribe(HTTP_USER_AGENT="TestBrowser/1.0")
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:subscribe-done")
    sub = Subscriber.objects.get()
    assert sub.email == "new.reader@city.example"
    assert sub.status == "pending" and sub.digest_frequency == "weekly"
    assert sub.language == "de" and sub.name == "Nina"
    assert sub.consent_at is not None and sub.consent_ip == "127.0.0.1"
    assert sub.consent_user_agent == "TestBrowser/1.0"
    assert sub.consent_hash == CONSENT_HASH and sub.consent_version
    [message] = mail.outbox
    assert message.to == ["new.reader@city.example"]
    # In the language she chose for her e-mails.
    assert message.subject == "Bestätigen Sie Ihr Abonnement des P2I-Newsletters"
    token_row = ConfirmationToken.objects.get()
    link = confirm_link(message)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in token_row.token_hash  # only the hash is stored
    assert token_row.expires_at - timezone.now() > timedelta(hours=71)


def test_the_confirmation_link_needs_a_post_and_works_once(client, subscribe):
    subscribe()
    link = confirm_link(mail.outbox[0])
    # She subscribed in German: the link opens the German page.
    assert link.startswith("/de/")
    page = client.get(link)
    assert page.status_code == 200
    assert german("Confirm my subscription") in page.content.decode()
    assert Subscriber.objects.get().status == "pending"  # a GET changes nothing
    done = client.post(link)
    assert done.status_code == 200
    sub = Subscriber.objects.get()
    assert sub.status == "confirmed" and sub.confirmed_at
    again = client.post(link)
    assert again.status_code == 400
    assert german("This link does not work") in again.content.decode()


def test_an_expired_confirmation_link_does_nothing(client, subscribe):
    subscribe()
    link = confirm_link(mail.outbox[0])
    ConfirmationToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(link).status_code == 400
    response = client.post(link)
    assert response.status_code == 400
    assert (
        german(
            "This confirmation link is unknown, was used already, or is older than "
            "72 hours. Nothing was changed."
        )
        in response.content.decode()
    )
    sub = Subscriber.objects.get()
    assert sub.status == "pending" and sub.confirmed_at is None
    assert ConfirmationToken.objects.get().used_at is None


def test_a_forged_confirmation_link_gets_a_clear_page(client):
    response = client.post(
        reverse("newsletters:confirm", kwargs={"token": "not-a-real-token"})
    )
    assert response.status_code == 400
    assert b"Nothing was changed" in response.content


def test_repeating_a_subscription_reveals_nothing(client, subscribe):
    subscriber_create("known@example.org")
    first = subscribe({**FORM, "email": "known@example.org"})
    second = subscribe({**FORM, "email": "unknown@example.org"})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    page_known = client.get(first["Location"]).content.decode()
    page_unknown = client.get(second["Location"]).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", page_known) == token.sub("", page_unknown)
    # The known address gets a note with its preference link, not a new opt-in.
    known = next(m for m in mail.outbox if m.to == ["known@example.org"])
    assert "already subscribed" in known.subject
    assert reverse("newsletters:preferences-account") in known.body
    assert Subscriber.objects.get(email="known@example.org").status == "confirmed"


def test_subscribe_is_rate_limited_per_ip(client, settings, subscribe):
    settings.NEWSLETTER_RATE_LIMITS = {"subscribe_ip": (3, 60)}
    codes = [
        subscribe({**FORM, "email": f"r{i}@example.org"}).status_code for i in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert Subscriber.objects.count() == 3


def test_repeat_requests_for_one_address_stop_mailing_it(client, settings, subscribe):
    settings.NEWSLETTER_RATE_LIMITS = {"subscribe_email": (2, 3600)}
    for _ in range(4):
        assert subscribe().status_code == 302
    assert len(mail.outbox) == 2
    assert OutboundEmail.objects.count() == 2


def test_confirm_is_rate_limited_per_ip(client, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"confirm_ip": (2, 60)}
    codes = [
        client.post(reverse("newsletters:confirm", args=[f"guess-{i}"])).status_code
        for i in range(4)
    ]
    assert codes == [400, 400, 429, 429]


def test_signed_in_user_subscribes_in_one_click(client, procurer):
    client.force_login(procurer)
    response = client.post(reverse("newsletters:subscribe"), {"action": "one-click"})
    assert response.status_code == 302
    assert reverse("newsletters:preferences-account") in response["Location"]
    sub = Subscriber.objects.get()
    assert sub.user == procurer and sub.status == "confirmed"
    assert sub.consent_at and sub.consent_hash == CONSENT_HASH
    assert mail.outbox == []  # allauth verified the address already


def test_account_page_links_to_the_preference_centre(client, procurer):
    client.force_login(procurer)
    assert b"/newsletter/preferences/" in client.get("/accounts/profile/").content
    # Not subscribed yet: the subscribe page; subscribed: the preference centre.
    assert client.get(reverse("newsletters:preferences-account"))[
        "Location"
    ] == reverse("newsletters:subscribe")
    subscriber_create(procurer.email, user=procurer)
    assert (
        reverse("newsletters:preferences-account")
        in client.get(reverse("newsletters:preferences-account"))["Location"]
    )


def test_invalid_form_shows_errors(client, subscribe):
    response = subscribe({"email": "nope"})
    assert response.status_code == 200
    assert Subscriber.objects.count() == 0

"""The preference centre (signed token) and unsubscribing: per list, RFC 8058
one-click POST without cookies or CSRF token, and a GET that changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from newsletters import rendering
from newsletters.models import Subscriber
from tests.newsletters.factories import subscriber_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(db):
    return subscriber_create(
        "reader@example.org", digest_frequency="weekly", sectors=["health"]
    )


@pytest.fixture
def token(reader):
    return rendering.subscriber_token(reader)


def test_preferences_open_with_the_signed_token_and_save(client, reader, token, centre):
    url = reverse("newsletters:preferences", kwargs={"token": token})
    page = client.get(url)
    assert page.status_code == 200 and b"reader@example.org" in page.content
    response = client.post(
        url,
        {
            "name": "Rita",
            "wants_newsletter": "on",
            "digest_frequency": "monthly",
            "sectors": ["ict", "mobility"],
            "approaches": ["pcp"],
            "centres": [centre.pk],
            "language": "nl",
            "country": "NL",
        },
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.digest_frequency == "monthly" and reader.language == "nl"
    assert reader.sectors == ["ict", "mobility"] and reader.approaches == ["pcp"]
    assert list(reader.centres.all()) == [centre] and reader.name == "Rita"


def test_a_tampered_token_changes_nothing(client, reader, token):
    for bad in [token[:-2] + "xx", "forged", token + "a"]:
        response = client.post(
            reverse("newsletters:preferences", kwargs={"token": bad}),
            {"digest_frequency": "none"},
        )
        assert response.status_code == 400
        assert b"Nothing was changed" in response.content
    reader.refresh_from_db()
    assert reader.digest_frequency == "weekly"


def test_a_token_stops_working_when_the_address_changes(reader, token):
    Subscriber.objects.filter(pk=reader.pk).update(email="other@example.org")
    assert rendering.subscriber_from_token(token) is None


def test_get_on_the_unsubscribe_link_does_not_unsubscribe(client, reader, token):
    response = client.get(
        reverse(
            "newsletters:unsubscribe",
            kwargs={"token": token, "list_name": "newsletter"},
        )
    )
    assert response.status_code == 200
    assert b"Stop sending the joint newsletter" in response.content
    reader.refresh_from_db()
    assert reader.wants_newsletter and reader.status == "confirmed"


def test_one_click_post_unsubscribes_without_cookies_or_csrf(reader, token):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse(
            "newsletters:unsubscribe",
            kwargs={"token": token, "list_name": "newsletter"},
        ),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response.content == b"Unsubscribed.\n"
    assert not response.cookies  # nothing set, nothing needed
    reader.refresh_from_db()
    # Only the newsletter: the weekly digest stays.
    assert not reader.wants_newsletter and reader.digest_frequency == "weekly"
    assert reader.status == "confirmed"
    # Repeating it is harmless.
    again = client.post(
        reverse(
            "newsletters:unsubscribe",
            kwargs={"token": token, "list_name": "newsletter"},
        ),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 200


def test_leaving_every_list_unsubscribes_and_ticking_one_comes_back(
    client, reader, token
):
    client.post(
        reverse(
            "newsletters:unsubscribe", kwargs={"token": token, "list_name": "digest"}
        )
    )
    reader.refresh_from_db()
    assert reader.digest_frequency == "none" and reader.wants_newsletter
    page = client.post(
        reverse(
            "newsletters:unsubscribe",
            kwargs={"token": token, "list_name": "newsletter"},
        )
    )
    assert b"no longer receives the joint newsletter" in page.content
    reader.refresh_from_db()
    assert reader.status == "unsubscribed" and reader.unsubscribed_at
    client.post(
        reverse("newsletters:preferences", kwargs={"token": token}),
        {"wants_newsletter": "on", "digest_frequency": "none", "language": "en"},
    )
    reader.refresh_from_db()
    assert reader.status == "confirmed" and reader.consent_at


def test_unsubscribe_from_everything(client, reader, token):
    client.post(
        reverse("newsletters:unsubscribe", kwargs={"token": token, "list_name": "all"})
    )
    reader.refresh_from_db()
    assert reader.status == "unsubscribed"
    assert not reader.wants_newsletter and reader.digest_frequency == "none"

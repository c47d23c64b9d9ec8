"""The links in registration e-mails are opaque: no address in them, a changed id
or signature names nothing, links of the older readable format are moved over."""

import base64

import pytest
from django.core import mail, signing
from django.urls import reverse
from django_scopes import scopes_disabled

from events import services
from events.models import Registration

from .helpers import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(centre, editor):
    event = make_event(centre=centre, by=editor)
    return services.registration_create(
        event=event, name="Ada", email="ada.lovelace@example.org"
    )


def _decodings(token: str):
    """Every way a reader could try to read the token: as is, and each part
    decoded as URL-safe base64."""
    yield token
    for part in token.replace(".", ":").split(":"):
        padded = part + "=" * (-len(part) % 4)
        try:
            yield base64.urlsafe_b64decode(padded).decode("latin-1")
        except ValueError:
            continue


@pytest.mark.parametrize("purpose", ["manage", "confirm"])
def test_a_link_does_not_carry_the_address(registration, purpose):
    token = registration.token(purpose)
    for text in _decodings(token):
        assert "ada.lovelace" not in text.lower()
        assert "example.org" not in text.lower()


def test_mails_carry_the_opaque_links(registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert registration.manage_url() in message.body
    assert "ada.lovelace" not in message.body.split("Event page")[-1]


def test_the_manage_link_opens_and_cancels(client, registration):
    services.registration_confirm(registration=registration)
    url = registration.manage_url()
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


@pytest.mark.parametrize(
    "forge",
    [
        lambda t, r: f"{r.pk + 1}:{t.partition(':')[2]}",  # another id, same sig
        lambda t, r: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t, r: str(r.pk),
        lambda t, r: "x:y",
        lambda t, r: "99999999999999999999999999:abc",
        lambda t, r: "١٢:abc",  # digits that are not ASCII
    ],
)
def test_a_changed_link_names_nothing_and_changes_nothing(
    client, registration, centre, editor, forge
):
    other = services.registration_create(
        event=registration.event, name="Bob", email="bob@example.org"
    )
    assert other.pk == registration.pk + 1
    token = forge(registration.token("confirm"), registration)
    for method in ("get", "post"):
        response = getattr(client, method)(
            reverse("events:registration-confirm", kwargs={"token": token})
        )
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    with scopes_disabled():
        assert not Registration.objects.exclude(status="pending").exists()


def test_a_link_for_one_purpose_does_not_work_for_another(client, registration):
    confirm = registration.token("confirm")
    assert (
        client.post(
            reverse("events:registration", kwargs={"token": confirm})
        ).status_code
        == 400
    )
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING


def test_a_link_breaks_when_the_address_changes(registration):
    token = registration.token("manage")
    with scopes_disabled():
        Registration.objects.filter(pk=registration.pk).update(
            email="someone.else@example.org"
        )
    registration.refresh_from_db()
    assert not registration.check_token(token, "manage")


@pytest.mark.parametrize(
    ("purpose", "name"),
    [
        ("manage", "events:registration"),
        ("confirm", "events:registration-confirm"),
    ],
)
def test_an_old_readable_link_moves_to_the_opaque_one(
    client, registration, purpose, name
):
    old = signing.dumps(
        {"r": registration.pk, "e": registration.email},
        salt=f"events.registration.{purpose}",
    )
    response = client.get(reverse(name, args=[old]))
    assert response.status_code == 302
    assert response["Location"] == reverse(name, args=[registration.token(purpose)])
    # A POST to the old address does nothing: only the opaque link acts.
    assert client.post(reverse(name, args=[old])).status_code == 400
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING


def test_a_forged_old_style_link_is_not_moved(client, registration):
    forged = signing.dumps(
        {"r": registration.pk, "e": registration.email},
        salt="events.registration.manage",
        key="not-the-secret-key",
    )
    assert (
        client.get(reverse("events:registration", kwargs={"token": forged})).status_code
        == 400
    )

"""Asking: signed in (on the desk at once), a visitor (confirm the address by a
signed link first), attachments checked by content, bad input refused."""

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from advice.models import AdviceAttachment, AdviceRequest
from centres.models import AuditEntry

from .helpers import QUESTION, disguised, link_in, mails_to, pdf, reload

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {**QUESTION, "consent_publish": "on", **changes}
    return {k: v for k, v in data.items() if v is not None}


def count():
    with scopes_disabled():
        return AdviceRequest.objects.count()


def test_a_signed_in_procurer_asks_and_is_acknowledged(client, centre, procurer, sent):
    client.force_login(procurer)
    with sent():
        response = client.post(reverse("advice:ask"), form(attachments=pdf()))
    with scopes_disabled():
        request = AdviceRequest.objects.get()
        assert request.attachments.get().file_type == "pdf"
        assert AuditEntry.objects.filter(
            centre=centre, action="advice.request.received"
        ).exists()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "advice:mine-detail", kwargs={"pk": request.pk}
    )
    assert request.user == procurer and request.email == procurer.email
    assert request.centre == centre and request.status == "new"
    assert request.confirmed_at is not None and request.due_on is not None
    (ack,) = mails_to(procurer.email, "We received your question")
    follow = link_in(ack, "/advice/mine/")
    assert follow == reverse("advice:mine-detail", kwargs={"pk": request.pk})
    assert ack.body.startswith("Hello,")


def test_a_visitor_confirms_her_address_before_the_question_reaches_a_desk(
    client, centre, editor, sent
):
    with sent():
        response = client.post(
            reverse("advice:ask"),
            form(
                name="Vera Visitor", email="Vera@Example.org", subject="Evil <b>subject"
            ),
        )
    assert response.status_code == 302
    request = reload(AdviceRequest(pk=_only_pk()))
    assert request.email == "vera@example.org" and request.confirmed_at is None
    # Not on the desk yet.
    client.force_login(editor)
    inbox = client.get(reverse("manage:advice:inbox", kwargs={"centre_slug": "alpha"}))
    assert "Evil" not in inbox.content.decode()
    client.logout()
    # The confirmation mail: no visitor text in its subject or first line.
    (message,) = mail.outbox
    assert message.to == ["vera@example.org"]
    assert message.subject == "Confirm your question to the P2I network"
    assert message.body.splitlines()[0] == "Hello,"
    assert "Evil" not in message.body and "Vera" not in message.body
    confirm = link_in(message, "/advice/confirm/")
    page = client.get(confirm)
    assert page.status_code == 200
    assert (
        reload(request).confirmed_at is None
    )  # a GET (a mail scanner) confirms nothing
    with sent():
        response = client.post(confirm)
    request = reload(request)
    assert request.confirmed_at is not None and request.centre == centre
    assert response["Location"] == request.follow_url()
    (ack,) = mails_to("vera@example.org", "We received your question")
    follow = link_in(ack, "/advice/follow/")
    assert client.get(follow).status_code == 200
    # Confirming again changes nothing and sends nothing.
    with sent():
        client.post(confirm)
    assert len(mails_to("vera@example.org", "We received")) == 1
    client.force_login(editor)
    inbox = client.get(reverse("manage:advice:inbox", kwargs={"centre_slug": "alpha"}))
    assert "Evil &lt;b&gt;subject" in inbox.content.decode()


def _only_pk():
    with scopes_disabled():
        return AdviceRequest.objects.get().pk


def test_a_forged_or_unconfirmed_link_is_not_found(client, centre):
    client.post(reverse("advice:ask"), form(name="V", email="v@example.org"))
    with scopes_disabled():
        request = AdviceRequest.objects.get()
    forged = request.token("confirm")[:-2] + "xx"
    assert (
        client.get(reverse("advice:confirm", kwargs={"token": forged})).status_code
        == 404
    )
    # The follow link works only once the address is confirmed.
    follow = reverse("advice:follow", kwargs={"token": request.token("follow")})
    assert client.get(follow).status_code == 404
    # A confirm token is no follow token.
    wrong = reverse("advice:follow", kwargs={"token": request.token("confirm")})
    assert client.get(wrong).status_code == 404


@pytest.mark.parametrize(
    "changes",
    [
        {"question": "   "},
        {"question": None},
        {"subject": ""},
        {"country": "ZZ"},
        {"sector": "weapons"},
        {"email": "not-an-address"},
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(
    client, centre, changes
):
    response = client.post(
        reverse("advice:ask"),
        form(**{"name": "V", "email": "v@example.org", **changes}),
    )
    assert response.status_code == 400
    assert (
        "field" in response.content.decode() or "correct" in response.content.decode()
    )
    assert count() == 0
    assert mail.outbox == []


def test_a_disguised_attachment_is_refused_and_nothing_is_stored(
    client, centre, procurer
):
    client.force_login(procurer)
    response = client.post(
        reverse("advice:ask"), form(attachments=[pdf(), disguised("report.pdf")])
    )
    assert response.status_code == 400
    assert "is not a PDF" in response.content.decode()
    assert count() == 0
    with scopes_disabled():
        assert AdviceAttachment.objects.count() == 0
    assert mail.outbox == []


def test_visitors_are_rate_limited_per_address(client, centre, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"advice_ask_email": (2, 3600)}
    for _ in range(2):
        assert (
            client.post(
                reverse("advice:ask"), form(name="V", email="same@example.org")
            ).status_code
            == 302
        )
    response = client.post(
        reverse("advice:ask"), form(name="V", email="same@example.org")
    )
    assert response.status_code == 429
    assert count() == 2


def test_visitors_are_rate_limited_per_network(client, centre, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"advice_ask_ip": (1, 600)}
    client.post(reverse("advice:ask"), form(name="V", email="a@example.org"))
    response = client.post(reverse("advice:ask"), form(name="V", email="b@example.org"))
    assert response.status_code == 429
    assert count() == 1


def test_the_service_page_says_who_answers_for_which_country(client, centre):
    page = client.get(reverse("advice:home")).content.decode()
    assert "Germany" in page and "Alpha Centre" in page

"""Bounces and complaints: the webhook (shared secret, constant-time compare)
and the bounce-mailbox command feed the suppression list before the next send."""

import json
import mailbox

import pytest
from django.core.management import call_command

from newsletters import rendering, services
from newsletters.models import BounceEvent, Delivery, Issue, Subscriber, Suppression
from newsletters.tasks import deliveries_send
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = pytest.mark.django_db
SECRET = "s3cret-webhook-value"
URL = "/newsletter/webhooks/bounces/"


def post(client, payload, secret=SECRET):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return client.post(URL, json.dumps(payload), "application/json", **headers)


@pytest.fixture
def webhook(settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET


def test_webhook_is_off_without_a_secret(client):
    assert post(client, {"email": "a@example.org", "type": "hard"}).status_code == 404


def test_webhook_refuses_a_wrong_or_missing_secret(client, webhook):
    assert (
        post(client, {"email": "a@example.org", "type": "hard"}, "wrong").status_code
        == 401
    )
    assert (
        post(client, {"email": "a@example.org", "type": "hard"}, None).status_code
        == 401
    )
    assert BounceEvent.objects.count() == 0 and Suppression.objects.count() == 0


def test_webhook_uses_a_constant_time_comparison(client, webhook, monkeypatch):
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(
        hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b)
    )
    post(client, {"email": "a@example.org", "type": "soft"})
    assert calls == [(SECRET.encode(), SECRET.encode())]


def test_hard_bounce_and_complaint_suppress_soft_bounces_are_scored(client, webhook):
    subscriber_create("hard@example.org")
    complainer = subscriber_create("angry@example.org", digest_frequency="weekly")
    soft = subscriber_create("soft@example.org")
    response = post(
        client,
        {
            "events": [
                {"email": "Hard@Example.org", "type": "hard", "detail": "550 5.1.1"},
                {"email": "angry@example.org", "type": "spam_complaint"},
                {"email": "soft@example.org", "type": "soft"},
                {"email": "soft@example.org", "type": "transient"},
                {"email": "junk", "type": "hard"},
            ]
        },
    )
    assert response.json() == {"processed": 4}
    assert set(Suppression.objects.values_list("email", "reason")) == {
        ("hard@example.org", "hard_bounce"),
        ("angry@example.org", "complaint"),
    }
    complainer.refresh_from_db()
    assert complainer.status == "unsubscribed"
    soft.refresh_from_db()
    assert soft.bounce_score == 2
    post(client, {"email": "soft@example.org", "type": "soft"})
    assert Suppression.objects.filter(
        email="soft@example.org", reason="soft_bounces"
    ).exists()


def test_a_hard_bounce_stops_mail_before_the_next_send(client, webhook, smtp_sink):
    subscriber_create("gone@example.org")
    subscriber_create("here@example.org")
    issue = issue_ready()
    Issue.objects.filter(pk=issue.pk).update(status="sending")
    services.issue_queue(issue=issue)
    post(client, {"email": "gone@example.org", "type": "hard"})
    deliveries_send.apply(kwargs={"issue_id": issue.pk})
    assert [m["To"] for m in smtp_sink.messages] == ["here@example.org"]
    assert (
        Delivery.objects.get(subscriber__email="gone@example.org").status == "skipped"
    )
    assert Subscriber.objects.newsletter_audience().count() == 1


DSN = b"""From: MAILER-DAEMON@mx.example.net
To: bounces@p2i.example.eu
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; nobody@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

Final-Recipient: rfc822; full@example.org
Action: delayed
Status: 4.2.2
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full
--B--
"""

ARF = b"""From: fbl@isp.example
To: abuse@p2i.example.eu
Subject: Complaint
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="F"

--F
Content-Type: text/plain

A complaint.
--F
Content-Type: message/feedback-report

Feedback-Type: abuse
Version: 1
Original-Rcpt-To: <spam-clicker@example.org>
--F
Content-Type: message/rfc822

From: newsletter@p2i.example.eu
To: spam-clicker@example.org
Subject: Task force news

Hello.
--F--
"""


def test_mailbox_command_reads_dsns_complaints_and_unsubscribes(tmp_path, capsys):
    leaver = subscriber_create("leaver@example.org")
    subscriber_create("spam-clicker@example.org")
    token = rendering.subscriber_token(leaver)
    unsubscribe = (
        f"From: leaver@example.org\nTo: unsubscribe@p2i.example.eu\n"
        f"Subject: unsubscribe newsletter {token}\n\n\n"
    ).encode()
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for raw in (DSN, ARF, unsubscribe, b"Subject: hello\n\nJust a reply.\n"):
        box.add(raw)
    box.close()
    call_command("newsletter_bounces", str(tmp_path / "Maildir"), "--delete")
    assert "hard: 1, soft: 1, complaint: 1, unsubscribe: 1, other: 1" in (
        capsys.readouterr().out
    )
    assert set(Suppression.objects.values_list("email", flat=True)) == {
        "nobody@example.org",
        "spam-clicker@example.org",
    }
    assert BounceEvent.objects.get(email="full@example.org").kind == "soft"
    leaver.refresh_from_db()
    assert not leaver.wants_newsletter
    assert len(mailbox.Maildir(tmp_path / "Maildir", create=False)) == 0


def test_mailbox_command_reads_an_mbox_file(tmp_path):
    path = tmp_path / "bounces.mbox"
    box = mailbox.mbox(path)
    box.add(DSN)
    box.close()
    call_command("newsletter_bounces", str(path))
    assert Suppression.objects.filter(email="nobody@example.org").exists()

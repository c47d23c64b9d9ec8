"""Transactional mail as it leaves the portal: subjects that are not HTML, and a
Message-ID fixed by the queued row, over the real SMTP sink."""

from types import SimpleNamespace

import pytest

from accounts.models import OutboundEmail
from accounts.services import email_queue_template
from accounts.tasks import email_send
from p2i_portal.mail import render_email

pytestmark = pytest.mark.django_db

TITLE = """R&D <Lab> "Q's" centre"""


def invitation_context():
    return {
        "centre": SimpleNamespace(short_name=TITLE, name=TITLE),
        "role": "Editor",
        "by": None,
        "link": "https://p2i.example.eu/invitation/x/",
        "expires_at": None,
    }


def test_subjects_and_text_bodies_are_not_html_escaped():
    rendered = render_email("team-invitation", invitation_context(), language="en")
    assert TITLE in rendered.subject and "&amp;" not in rendered.subject
    assert TITLE in rendered.body_text
    # The HTML part still escapes what it shows.
    assert "R&amp;D &lt;Lab&gt;" in rendered.body_html
    assert "<Lab>" not in rendered.body_html


def test_a_queued_mail_arrives_with_the_subject_as_written(smtp_sink):
    email = email_queue_template(
        to="someone@example.org",
        name="team-invitation",
        context=invitation_context(),
        language="en",
    )
    assert email_send.apply(args=[email.pk]).get() == "sent"
    [message] = smtp_sink.messages
    assert message["Subject"] == f"Invitation to join the team of {TITLE}"


def test_message_id_is_fixed_by_the_row_and_on_the_site_domain(smtp_sink, settings):
    settings.SITE_DOMAIN = "portal.p2i.example.eu"
    first = email_queue_template(
        to="a@example.org",
        name="team-invitation",
        context=invitation_context(),
        language="en",
    )
    second = email_queue_template(
        to="b@example.org",
        name="team-invitation",
        context=invitation_context(),
        language="en",
    )
    email_send.apply(args=[first.pk])
    email_send.apply(args=[second.pk])
    # A crash after the server accepted it: the reaper queues the row again.
    OutboundEmail.objects.filter(pk=first.pk).update(status="queued")
    email_send.apply(args=[first.pk])
    ids = [m["Message-ID"] for m in smtp_sink.messages]
    assert ids == [
        f"<p2i.mail.{first.pk}@portal.p2i.example.eu>",
        f"<p2i.mail.{second.pk}@portal.p2i.example.eu>",
        f"<p2i.mail.{first.pk}@portal.p2i.example.eu>",
    ]

"""Notification mail through a real Celery worker, Redis and the SMTP sink: the
request only rings the task; the worker builds the mail in the recipient's
language, queues it once and delivers it."""

import time

import pytest
from django.urls import reverse

from accounts.models import OutboundEmail
from tests.factories import resource_create

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_a_submission_reaches_the_manager_in_german_through_the_worker(
    client, centre, editor, manager, celery_live, smtp_server
):
    sink, _ = smtp_server
    manager.language = "de"
    manager.save()
    draft = resource_create(centre=centre, by=editor, title="Leitfaden PCP")
    sink.clear()
    client.force_login(editor)
    response = client.post(reverse("manage:resources:submit", args=["alpha", draft.pk]))
    assert response.status_code == 302

    [message] = sink.wait_for(1)
    assert message["To"] == manager.email
    assert message["Subject"] == "Wartet auf Ihre Prüfung: Leitfaden PCP"
    assert plain(message).startswith("Guten Tag,")
    assert reverse("manage:resources:detail", args=["alpha", draft.pk]) in plain(
        message
    )
    # One row, delivered; nothing else follows (not to the editor who acted).
    time.sleep(1)
    assert len(sink.messages) == 1
    [row] = OutboundEmail.objects.filter(template="resource-submitted")
    assert row.to == manager.email and row.status == OutboundEmail.Status.SENT

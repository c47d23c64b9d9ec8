"""A reply posted by the API reaches the members who chose every post through
the real mail queue: a Celery worker on Redis, delivering over SMTP to the
sink, in each one's language, to nobody else."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import OutboundEmail
from accounts.services import api_token_create
from tests.factories import UserFactory

from .helpers import join, make_community, start
from .worker import (  # noqa: F401 (fixtures)
    communities_queue,
    communities_worker,
    live_communities,
)

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("live_communities")
def test_a_reply_reaches_the_instant_members_through_the_worker(centre, smtp_server):
    sink, _ = smtp_server
    community = make_community(centre=centre, slug="health", closed=True)
    # An established account: a new one's first posts here would wait.
    author = join(
        community,
        email="author@example.org",
        date_joined=timezone.now() - timedelta(days=365),
    )
    thread = start(community, author, title="Hospital beds")
    join(
        community,
        UserFactory(email="ana@hospital.example", language="pt"),
        notify="instant",
    )
    join(community, notify="daily", email="daily@example.org")
    outsider = UserFactory(email="outsider@example.org")
    sink.clear()

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=author)}")
    response = client.post(
        reverse(
            "api:community-thread-reply",
            kwargs={"community_slug": "health", "pk": thread.pk},
        ),
        {"body": "We lease them now."},
        format="json",
    )
    assert response.status_code == 201

    [message] = sink.wait_for(1)
    assert message["To"] == "ana@hospital.example"
    assert message["Subject"] == "Novo em Health: Hospital beds"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "We lease them now." in message.get_body(("plain",)).get_content()
    time.sleep(1)
    assert len(sink.messages) == 1
    assert not OutboundEmail.objects.filter(to=outsider.email).exists()
    [row] = OutboundEmail.objects.filter(template="community-post")
    assert row.status == OutboundEmail.Status.SENT

"""The acknowledgement and the reply arrive through the real mail queue: a
Celery worker on Redis, delivering over SMTP to the sink, in her language and
with absolute links."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from advice.models import AdviceRequest
from tests.factories import UserFactory

from .helpers import QUESTION

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_a_portuguese_procurer_gets_her_acknowledgement_in_portuguese(
    client, centre, celery_live, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    procurer = UserFactory(email="ana@camara.example", language="pt")
    client.force_login(procurer)
    with translation.override("pt"):
        url = reverse("advice:ask")
    response = client.post(url, {**QUESTION, "consent_publish": "on"})
    assert response.status_code == 302
    [message] = sink.wait_for(1)
    with scopes_disabled():
        request = AdviceRequest.objects.get()
    assert message["To"] == "ana@camara.example"
    assert message["Subject"].startswith("Recebemos a sua pergunta")
    body = plain(message)
    with translation.override("pt"):
        follow = reverse("advice:mine-detail", kwargs={"pk": request.pk})
    assert settings.SITE_URL + follow in body
    assert follow.startswith("/pt/")

"""After the deadline: the summary (sanitised Markdown, the suppliers told
once) and the case study the centre drafts in the knowledge base."""

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from cooperation.models import Challenge
from knowledge.models import Resource
from tests.factories import UserFactory

from .helpers import answer, close, mails_to, make_challenge

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(procurer, centre, editor):
    return make_challenge(buyer=procurer, reviewer=editor)


def summary_url(challenge):
    return reverse("challenges:summary", kwargs={"pk": challenge.pk})


def test_no_summary_before_the_deadline(client, challenge, procurer):
    client.force_login(procurer)
    response = client.post(summary_url(challenge), {"summary": "Too early"})
    assert response.status_code == 400
    assert "once the deadline has passed" in response.content.decode()
    assert Challenge.objects.get(pk=challenge.pk).summary == ""


def test_the_buyer_publishes_a_sanitised_summary_and_suppliers_are_told_once(
    client, challenge, procurer, supplier, rival, sent
):
    answer(challenge, supplier)
    answer(challenge, rival, organisation="Rival Ltd")
    close(challenge)
    mail.outbox.clear()
    client.force_login(procurer)
    text = "## What we learnt\n\nNight **ventilation** works.<script>alert(1)</script>"
    with sent():
        response = client.post(summary_url(challenge), {"summary": text})
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert "<strong>ventilation</strong>" in challenge.summary_html
    assert "<script" not in challenge.summary_html
    page = client.get(challenge.get_absolute_url()).content.decode()
    assert "<strong>ventilation</strong>" in page and "<script>alert" not in page
    for person in (supplier, rival):
        [message] = mails_to(person.email, "summary")
        assert challenge.get_absolute_url() in message.body
    assert len(mail.outbox) == 2
    with sent():
        client.post(summary_url(challenge), {"summary": "Corrected."})
    assert len(mail.outbox) == 2
    with scopes_disabled():
        logged = AuditEntry.objects.filter(
            centre=challenge.centre, action="cooperation.challenge.summary_published"
        ).count()
    assert logged == 2


def test_the_centre_may_write_the_summary_others_may_not(
    client, challenge, editor, editor_b, supplier
):
    close(challenge)
    for person in (editor_b, supplier, UserFactory()):
        client.force_login(person)
        assert client.post(summary_url(challenge), {"summary": "x"}).status_code == 404
    client.force_login(editor)
    assert (
        client.post(summary_url(challenge), {"summary": "By the centre."}).status_code
        == 302
    )
    assert Challenge.objects.get(pk=challenge.pk).summary == "By the centre."


def case_study_url(challenge, slug="alpha"):
    return reverse(
        "manage:challenges:case-study", kwargs={"centre_slug": slug, "pk": challenge.pk}
    )


def test_a_closed_challenge_becomes_a_draft_case_study_once(
    client, challenge, editor, supplier
):
    answer(challenge, supplier)
    client.force_login(editor)
    response = client.post(case_study_url(challenge))
    assert response.status_code == 400
    assert "Only a challenge whose deadline has passed" in response.content.decode()
    assert not Resource.objects.filter(kind=Resource.Kind.CASE_STUDY).exists()
    close(challenge)
    response = client.post(case_study_url(challenge))
    resource = Resource.objects.get(kind=Resource.Kind.CASE_STUDY)
    assert response.status_code == 302
    assert response.url == reverse(
        "manage:resources:detail", kwargs={"centre_slug": "alpha", "pk": resource.pk}
    )
    assert resource.status == Resource.Status.DRAFT
    assert resource.centre == challenge.centre
    assert resource.title == challenge.title
    assert resource.buyer == "City of Hamburg"
    assert "Night ventilation" not in resource.body  # answers are never copied
    assert Challenge.objects.get(pk=challenge.pk).case_study == resource
    with scopes_disabled():
        actions = set(
            AuditEntry.objects.filter(centre=challenge.centre).values_list(
                "action", flat=True
            )
        )
    assert {
        "knowledge.resource.created",
        "cooperation.challenge.case_study_drafted",
    } <= actions
    assert client.post(case_study_url(challenge)).status_code == 400
    assert Resource.objects.filter(kind=Resource.Kind.CASE_STUDY).count() == 1


def test_another_centres_challenge_is_404_in_the_workspace(client, challenge, editor_b):
    close(challenge)
    client.force_login(editor_b)
    for name in ("detail", "publish", "send-back", "case-study"):
        url = reverse(
            f"manage:challenges:{name}",
            kwargs={"centre_slug": "beta", "pk": challenge.pk},
        )
        response = client.post(url) if name != "detail" else client.get(url)
        assert response.status_code == 404, name
    assert not Resource.objects.exists()

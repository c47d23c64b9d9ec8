"""Suppliers' answers: one per supplier, editable until the deadline, seen
only by the supplier, the buyer and the buyer's centre (anyone else 404, the
files too), and the buyer and centre told of each new answer once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from cooperation.models import Challenge
from tests.factories import UserFactory

from .helpers import answer, answers_of, close, disguised, mails_to, make_challenge, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(procurer, centre, editor):
    return make_challenge(buyer=procurer, reviewer=editor)


def url(name, challenge, **kwargs):
    return reverse(f"challenges:{name}", kwargs={"pk": challenge.pk, **kwargs})


def post_answer(client, challenge, **values):
    body = {
        "organisation": "CoolTech GmbH",
        "answer_0": "Night ventilation.",
        "answer_1": "",
        "general": "We ran pilots in Kiel.",
        **values,
    }
    return client.post(url("answer", challenge), body)


def test_a_supplier_answers_and_the_buyer_and_centre_are_told_once(
    client, challenge, supplier, procurer, editor, manager, sent
):
    mail.outbox.clear()
    client.force_login(supplier)
    assert client.get(url("answer", challenge)).status_code == 200
    with sent():
        response = post_answer(client, challenge, attachment=pdf("offer.pdf"))
    assert response.status_code == 302
    [row] = answers_of(challenge)
    assert row.supplier == supplier
    assert row.answers == ["Night ventilation.", ""]
    assert row.general == "We ran pilots in Kiel."
    assert row.attachment_name == "offer.pdf"
    for person in (procurer, editor, manager):
        [message] = mails_to(person.email, "new answer")
        assert f"/challenges/{challenge.pk}/answers/" in message.body
    assert len(mail.outbox) == 3
    # She edits it before the deadline: one answer still, and no new mail.
    with sent():
        response = post_answer(client, challenge, answer_1="40 euros per m².")
    assert response.status_code == 302
    [row] = answers_of(challenge)
    assert row.answers == ["Night ventilation.", "40 euros per m²."]
    assert len(mail.outbox) == 3
    with scopes_disabled():
        logged = AuditEntry.objects.filter(
            centre=challenge.centre, action="cooperation.challenge.answered"
        ).count()
    assert logged == 1
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre=challenge.centre, action="cooperation.challenge.answer_updated"
        ).exists()


def test_an_empty_answer_or_a_disguised_file_is_refused(client, challenge, supplier):
    client.force_login(supplier)
    response = post_answer(client, challenge, answer_0="", general="")
    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()
    response = post_answer(client, challenge, attachment=disguised())
    assert response.status_code == 400
    assert "Its content was checked" in response.content.decode()
    assert answers_of(challenge) == []


def test_no_answers_after_the_deadline(client, challenge, supplier):
    client.force_login(supplier)
    post_answer(client, challenge)
    close(challenge)
    response = post_answer(client, challenge, general="Too late.")
    assert response.status_code == 400
    assert "The deadline of this challenge has passed" in response.content.decode()
    [row] = answers_of(challenge)
    assert row.general == "We ran pilots in Kiel."
    with pytest.raises(ValidationError):
        answer(Challenge.objects.get(pk=challenge.pk), UserFactory())
    assert len(answers_of(challenge)) == 1


def test_the_buyer_and_her_centre_cannot_answer(challenge, procurer, editor):
    for person in (procurer, editor):
        with pytest.raises(ValidationError):
            answer(challenge, person)
    assert answers_of(challenge) == []


def test_an_unpublished_challenge_takes_no_answers(client, procurer, centre, supplier):
    draft = make_challenge(buyer=procurer, stage="submitted")
    client.force_login(supplier)
    assert client.get(url("answer", draft)).status_code == 404
    assert post_answer(client, draft).status_code == 404
    assert answers_of(draft) == []


def test_answers_are_seen_by_their_supplier_the_buyer_and_the_centre_only(
    client, challenge, supplier, rival, procurer, editor, editor_b, coordinator
):
    mine = answer(challenge, supplier, upload=pdf("mine.pdf"))
    theirs = answer(challenge, rival, organisation="Rival Ltd", upload=pdf("r.pdf"))
    page = url("answers", challenge)
    for reader in (procurer, editor, coordinator):
        client.force_login(reader)
        text = client.get(page).content.decode()
        assert "CoolTech GmbH" in text and "Rival Ltd" in text
        assert (
            client.get(url("answer-file", challenge, answer_pk=mine.pk)).status_code
            == 200
        )
    client.force_login(supplier)
    text = client.get(page).content.decode()
    assert "CoolTech GmbH" in text and "Rival Ltd" not in text
    assert (
        client.get(url("answer-file", challenge, answer_pk=mine.pk)).status_code == 200
    )
    assert (
        client.get(url("answer-file", challenge, answer_pk=theirs.pk)).status_code
        == 404
    )
    # Someone who did not answer, another centre's staff: nothing at all.
    for outsider in (UserFactory(), editor_b):
        client.force_login(outsider)
        assert client.get(page).status_code == 404
        assert (
            client.get(url("answer-file", challenge, answer_pk=mine.pk)).status_code
            == 404
        )
    client.logout()
    assert client.get(page).status_code == 302
    # The public page never shows an answer's text.
    assert (
        "Night ventilation" not in client.get(url("detail", challenge)).content.decode()
    )


def test_her_page_lists_her_challenges_and_answers(client, challenge, supplier):
    answer(challenge, supplier)
    client.force_login(supplier)
    text = client.get(reverse("challenges:mine")).content.decode()
    assert challenge.title in text

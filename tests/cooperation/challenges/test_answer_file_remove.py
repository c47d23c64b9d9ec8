"""A supplier takes back the file of her answer while the challenge is open:
the row and the stored file are gone, and the buyer and her centre no longer
see it. After the deadline, or for anyone else's answer, nothing changes."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry

from .helpers import answer, answers_of, close, make_challenge, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(procurer, centre, editor):
    return make_challenge(buyer=procurer, reviewer=editor)


@pytest.fixture
def with_file(challenge, supplier):
    return answer(challenge, supplier, upload=pdf("wrong-offer.pdf"))


def remove_url(row):
    return reverse(
        "challenges:answer-file-remove",
        kwargs={"pk": row.challenge_id, "answer_pk": row.pk},
    )


def stored(row) -> bool:
    return row.attachment.storage.exists(row.attachment.name)


def test_the_supplier_removes_her_file_before_the_deadline(
    client, challenge, supplier, procurer, editor, with_file, sent
):
    assert stored(with_file)
    client.force_login(supplier)
    page = client.get(reverse("challenges:answer", kwargs={"pk": challenge.pk}))
    assert remove_url(with_file) in page.content.decode()
    with sent():
        response = client.post(remove_url(with_file))
    assert response.status_code == 302
    [row] = answers_of(challenge)
    assert (row.attachment.name, row.attachment_name, row.attachment_type) == (
        "", "", "",
    )  # fmt: skip
    assert row.answers == with_file.answers  # the answer itself stays
    assert not stored(with_file)
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre=challenge.centre,
            action="cooperation.challenge.answer_file_removed",
        ).exists()
    file_url = reverse(
        "challenges:answer-file",
        kwargs={"pk": challenge.pk, "answer_pk": with_file.pk},
    )
    for reader in (procurer, editor):  # the buyer and her centre
        client = Client()  # without the supplier's "removed" message
        client.force_login(reader)
        page = client.get(reverse("challenges:answers", kwargs={"pk": challenge.pk}))
        assert page.status_code == 200
        assert "CoolTech GmbH" in page.content.decode()
        assert "wrong-offer.pdf" not in page.content.decode()
        assert file_url not in page.content.decode()
        assert client.get(file_url).status_code == 404


def test_after_the_deadline_the_file_stays(
    client, challenge, supplier, with_file, sent
):
    close(challenge)
    client.force_login(supplier)
    with sent():
        response = client.post(remove_url(with_file))
    assert response.status_code == 400
    assert "The deadline of this challenge has passed" in response.content.decode()
    [row] = answers_of(challenge)
    assert row.attachment_name == "wrong-offer.pdf"
    assert stored(row)
    with scopes_disabled():
        assert not AuditEntry.objects.filter(
            action="cooperation.challenge.answer_file_removed"
        ).exists()


def test_another_suppliers_file_is_not_found(
    client, challenge, rival, procurer, editor, with_file, sent
):
    other = make_challenge(buyer=procurer, reviewer=editor, title="Other")
    answer(other, rival, upload=pdf("rival.pdf"))
    with sent():
        for person in (rival, procurer, editor):  # a rival, the buyer, her centre
            client.force_login(person)
            assert client.post(remove_url(with_file)).status_code == 404
    # Her own answer under another challenge's number: not found either.
    client.force_login(with_file.supplier)
    wrong = reverse(
        "challenges:answer-file-remove",
        kwargs={"pk": other.pk, "answer_pk": with_file.pk},
    )
    assert client.post(wrong).status_code == 404
    [row] = answers_of(challenge)
    assert row.attachment_name == "wrong-offer.pdf"
    assert stored(row)


def test_removing_takes_a_post_with_the_csrf_token(supplier, with_file):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(supplier)
    assert browser.get(remove_url(with_file)).status_code == 405
    assert browser.post(remove_url(with_file)).status_code == 403
    [row] = answers_of(with_file.challenge)
    assert row.attachment_name == "wrong-offer.pdf"


def test_a_second_removal_changes_nothing(client, challenge, supplier, with_file):
    client.force_login(supplier)
    client.post(remove_url(with_file))
    response = client.post(remove_url(with_file), follow=True)
    assert response.status_code == 200
    assert "Your answer carries no file." in response.content.decode()
    with scopes_disabled():
        assert (
            AuditEntry.objects.filter(
                action="cooperation.challenge.answer_file_removed"
            ).count()
            == 1
        )


def test_a_replaced_file_leaves_the_storage_too(challenge, supplier, with_file, sent):
    with sent():
        new = answer(challenge, supplier, upload=pdf("right-offer.pdf"))
    assert new.attachment_name == "right-offer.pdf"
    assert stored(new)
    assert not stored(with_file)

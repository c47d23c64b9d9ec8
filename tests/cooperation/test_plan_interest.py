"""Express interest: the other buyer and the centres of both countries get an
e-mail in their language with absolute links; a second interest, one's own
plan and empty messages are refused and change nothing."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry, Role
from cooperation.models import PlanInterest
from tests.conftest import with_totp
from tests.factories import CentreFactory, UserFactory, membership_create

from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db

INTEREST = {
    "message": "We plan the same for 2027. Shall we talk?",
    "organisation": "Gemeente Utrecht",
    "country": "NL",
}


@pytest.fixture
def world(centre, other_centre, procurer, editor, editor_b):
    """A German plan (Alpha answers for DE), a Dutch buyer (Beta for NL), and
    a manager at each centre; the Dutch manager reads Dutch."""
    manager_de = with_totp(UserFactory(email="m-de@example.org", language="de"))
    membership_create(centre=centre, user=manager_de, role=Role.MANAGER)
    manager_nl = with_totp(UserFactory(email="m-nl@example.org", language="nl"))
    membership_create(centre=other_centre, user=manager_nl, role=Role.MANAGER)
    buyer = UserFactory(email="buyer-nl@example.org", full_name="Noor", language="nl")
    procurer.language = "de"
    procurer.save(update_fields=["language"])
    plan = make_plan(procurer, country="DE")
    return plan, buyer


def to(address):
    return [m for m in mail.outbox if address in m.to]


def test_interest_reaches_the_buyer_and_both_centres(client, world, sent, centre):
    plan, buyer = world
    client.force_login(buyer)
    with sent():
        response = client.post(
            reverse("plans:interest", kwargs={"pk": plan.pk}), INTEREST
        )
    assert response.status_code == 302
    interest = PlanInterest.objects.get()
    assert (interest.plan, interest.user, str(interest.country)) == (plan, buyer, "NL")
    link = settings.SITE_URL + reverse("plans:detail", kwargs={"pk": plan.pk})
    [owner_mail] = to("procurer@example.org")
    assert "Interesse" in owner_mail.subject  # German, her language
    assert INTEREST["message"] in owner_mail.body
    assert link.replace("/en/", "/de/") in owner_mail.body
    assert "buyer-nl@example.org" in owner_mail.body
    [de_mail] = to("m-de@example.org")
    [nl_mail] = to("m-nl@example.org")
    assert "/de/plans/" in de_mail.body
    assert "/nl/plans/" in nl_mail.body
    assert not to("buyer-nl@example.org")
    # The editors hear nothing where the centre has managers.
    assert not to("editor-a@example.org")
    with scopes_disabled():
        assert (
            AuditEntry.objects.filter(action="cooperation.interest.expressed").count()
            == 2
        )


def test_the_owner_sees_the_interests_on_her_plan(client, world, procurer):
    plan, buyer = world
    client.force_login(buyer)
    client.post(reverse("plans:interest", kwargs={"pk": plan.pk}), INTEREST)
    page = client.get(reverse("plans:detail", kwargs={"pk": plan.pk})).content.decode()
    assert "You expressed interest in this plan" in page
    assert INTEREST["message"] not in page  # only the owner reads the messages
    client.force_login(procurer)
    page = client.get(reverse("plans:detail", kwargs={"pk": plan.pk})).content.decode()
    assert INTEREST["message"] in page
    assert "Gemeente Utrecht" in page


def test_a_second_interest_is_refused_and_changes_nothing(client, world, sent):
    plan, buyer = world
    client.force_login(buyer)
    url = reverse("plans:interest", kwargs={"pk": plan.pk})
    client.post(url, INTEREST)
    mail.outbox.clear()
    with sent():
        response = client.post(url, {**INTEREST, "message": "Again"})
    assert response.status_code == 400
    assert "You already expressed interest" in response.content.decode()
    assert PlanInterest.objects.get().message == INTEREST["message"]
    assert mail.outbox == []


def test_one_cannot_express_interest_in_ones_own_plan(client, world, procurer, sent):
    plan, _buyer = world
    client.force_login(procurer)
    with sent():
        response = client.post(
            reverse("plans:interest", kwargs={"pk": plan.pk}), INTEREST
        )
    assert response.status_code == 400
    assert "This is your own plan" in response.content.decode()
    assert PlanInterest.objects.count() == 0
    assert mail.outbox == []


def test_an_empty_message_or_a_closed_plan_is_refused(client, world, procurer):
    plan, buyer = world
    client.force_login(buyer)
    url = reverse("plans:interest", kwargs={"pk": plan.pk})
    assert client.post(url, {**INTEREST, "message": " "}).status_code == 400
    client.force_login(procurer)
    client.post(reverse("plans:close", kwargs={"pk": plan.pk}))
    client.force_login(buyer)
    response = client.post(url, INTEREST)
    assert response.status_code == 400
    assert "no longer open" in response.content.decode()
    assert PlanInterest.objects.count() == 0


def test_a_country_without_a_centre_is_the_coordinators(
    client, world, coordinator, sent
):
    plan, buyer = world
    client.force_login(buyer)
    with sent():
        client.post(
            reverse("plans:interest", kwargs={"pk": plan.pk}),
            {**INTEREST, "country": "MT"},
        )
    assert to("coordinator@example.org")
    assert not to("m-nl@example.org")


def test_an_associate_centre_hears_where_it_is_the_only_one(client, world, sent):
    plan, buyer = world
    finland = CentreFactory(slug="keino", country="FI", status="associate")
    editor_fi = UserFactory(email="fi-editor@example.org")
    membership_create(centre=finland, user=editor_fi, role=Role.EDITOR)
    client.force_login(buyer)
    with sent():
        client.post(
            reverse("plans:interest", kwargs={"pk": plan.pk}),
            {**INTEREST, "country": "FI"},
        )
    # No manager there: its editors hear instead.
    assert to("fi-editor@example.org")

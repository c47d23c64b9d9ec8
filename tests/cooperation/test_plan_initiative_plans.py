"""A centre changes the plans of its joint-procurement initiative: its staff
add a suggested plan or one by its number and take one out; each buyer
concerned is told in her language, each change is in the activity log, a bad
choice is refused with a message and changes nothing, and another centre's
initiative is 404."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from cooperation import plan_selectors, plan_services
from cooperation.models import JointInitiative
from tests.factories import UserFactory

from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(centre, editor, procurer):
    dutch = UserFactory(email="buyer-nl@example.org")
    plans = [
        make_plan(procurer, title="Lights Köln", organisation="Stadt Köln"),
        make_plan(dutch, title="Lights Utrecht", country="NL"),
    ]
    return plan_services.initiative_create(
        centre=centre,
        by=editor,
        data={"title": "Joint street lighting", "description": "Two cities."},
        plans=plans,
    )


@pytest.fixture
def newcomer(db):
    """An open plan, open to joint procurement, of a buyer who reads Dutch."""
    buyer = UserFactory(email="buyer-gent@example.org", language="nl")
    return make_plan(buyer, title="Lights Gent", organisation="Stad Gent", country="BE")


def edit_url(initiative, slug="alpha"):
    return reverse(
        "manage:plans:initiative", kwargs={"centre_slug": slug, "pk": initiative.pk}
    )


def add_url(initiative, slug="alpha"):
    return reverse(
        "manage:plans:initiative-plan-add",
        kwargs={"centre_slug": slug, "pk": initiative.pk},
    )


def remove_url(initiative, plan, slug="alpha"):
    return reverse(
        "manage:plans:initiative-plan-remove",
        kwargs={"centre_slug": slug, "pk": initiative.pk, "plan_pk": plan.pk},
    )


def titles(initiative):
    return sorted(p.title for p in initiative.plans.all())


def logged(action):
    with scopes_disabled():
        return list(AuditEntry.objects.filter(action=action).order_by("pk"))


def test_staff_add_a_suggested_plan_and_its_buyer_is_told_in_her_language(
    client, centre, editor, initiative, newcomer, sent
):
    mail.outbox.clear()
    client.force_login(editor)
    page = client.get(edit_url(initiative)).content.decode()
    assert f'<option value="{newcomer.pk}">Lights Gent' in page
    with sent():
        response = client.post(add_url(initiative), {"plan": newcomer.pk})
    assert response.status_code == 302
    assert response.url == edit_url(initiative)
    assert titles(initiative) == ["Lights Gent", "Lights Köln", "Lights Utrecht"]
    [message] = mail.outbox
    assert message.to == ["buyer-gent@example.org"]
    assert "toegevoegd" in message.body  # Dutch, her language
    assert "Lights Gent" in message.body
    link = reverse("plans:initiative", kwargs={"pk": initiative.pk})
    assert settings.SITE_URL + link.replace("/en/", "/nl/") in message.body
    [entry] = logged("cooperation.initiative.plan_added")
    assert (entry.centre, entry.actor, entry.target_id) == (
        centre, editor, initiative.pk,
    )  # fmt: skip
    assert entry.data["plan"] == newcomer.pk
    # The centre's activity log says so in words.
    page = client.get(reverse("manage:activity", kwargs={"centre_slug": "alpha"}))
    assert "Added a plan to a joint-procurement initiative" in page.content.decode()


def test_staff_add_any_open_plan_by_its_number(client, editor, initiative, sent):
    shared = make_plan(
        UserFactory(email="buyer-se@example.org"),
        title="Lights Malmö",
        country="SE",
        visibility="signed_in",
    )
    client.force_login(editor)
    with sent():
        response = client.post(add_url(initiative), {"number": shared.pk})
    assert response.status_code == 302
    assert "Lights Malmö" in titles(initiative)
    assert [m.to for m in mail.outbox] == [["buyer-se@example.org"]]


def withdrawn_plan():
    buyer = UserFactory()
    plan = make_plan(buyer, title="Withdrawn lights", country="PT")
    return plan_services.plan_withdraw(plan=plan, by=buyer)


def closed_plan():
    buyer = UserFactory()
    plan = make_plan(buyer, title="Closed lights", country="PT")
    return plan_services.plan_close(plan=plan, by=buyer)


@pytest.mark.parametrize(
    ("pick", "message"),
    [
        ("already", "is already part of this initiative"),
        ("withdrawn", "was withdrawn by its buyer; it cannot be added"),
        ("closed", "is not an open plan whose buyer is open to joint procurement"),
        ("not-joint", "is not an open plan whose buyer is open to joint procurement"),
        ("unknown", "No plan you may see has the number 999999"),
        ("nothing", "Choose a suggested plan or enter a plan"),
        ("both", "not both"),
    ],
)
def test_a_bad_plan_is_refused_with_a_message_and_nothing_changes(
    client, editor, initiative, newcomer, sent, pick, message
):
    body = {
        "already": lambda: {"number": initiative.plans.first().pk},
        "withdrawn": lambda: {"number": withdrawn_plan().pk},
        "closed": lambda: {"number": closed_plan().pk},
        "not-joint": lambda: {
            "number": make_plan(
                UserFactory(), title="Alone", joint_procurement=False
            ).pk
        },
        "unknown": lambda: {"number": 999999},
        "nothing": lambda: {"plan": "", "number": ""},
        "both": lambda: {"plan": newcomer.pk, "number": 999999},
    }[pick]()
    before = titles(initiative)
    mail.outbox.clear()
    client.force_login(editor)
    with sent():
        response = client.post(add_url(initiative), body)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page.replace("&#x27;", "'")
    assert "<title>Error:" in page
    assert titles(initiative) == before
    assert mail.outbox == []
    assert logged("cooperation.initiative.plan_added") == []


def test_staff_remove_a_plan_and_its_buyer_is_told(
    client, centre, editor, initiative, newcomer, sent
):
    plan_services.initiative_plan_add(initiative=initiative, plan=newcomer, by=editor)
    mail.outbox.clear()
    client.force_login(editor)
    with sent():
        response = client.post(remove_url(initiative, newcomer))
    assert response.status_code == 302
    assert titles(initiative) == ["Lights Köln", "Lights Utrecht"]
    [message] = mail.outbox
    assert message.to == ["buyer-gent@example.org"]
    assert "Lights Gent" in message.body
    assert "/nl/plans/initiatives/" in message.body
    [entry] = logged("cooperation.initiative.plan_removed")
    assert (entry.centre, entry.actor, entry.data["plan"]) == (
        centre, editor, newcomer.pk,
    )  # fmt: skip
    # Added again later: she hears of it again (one mail per change).
    with sent():
        response = client.post(add_url(initiative), {"number": newcomer.pk})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["buyer-gent@example.org"]] * 2
    assert len(logged("cooperation.initiative.plan_added")) == 2


def test_an_initiative_keeps_two_plans_of_different_buyers(
    client, editor, initiative, procurer, sent
):
    client.force_login(editor)
    german = initiative.plans.get(title="Lights Köln")
    mail.outbox.clear()
    with sent():
        response = client.post(remove_url(initiative, german))
    assert response.status_code == 400
    assert "keeps at least two plans of different buyers" in (response.content.decode())
    # A second plan of the same buyer does not make it joint.
    second = make_plan(procurer, title="Lights Köln-Deutz")
    plan_services.initiative_plan_add(initiative=initiative, plan=second, by=editor)
    mail.outbox.clear()
    dutch = initiative.plans.get(title="Lights Utrecht")
    with sent():
        response = client.post(remove_url(initiative, dutch))
    assert response.status_code == 400
    assert titles(initiative) == ["Lights Köln", "Lights Köln-Deutz", "Lights Utrecht"]
    assert mail.outbox == []
    assert logged("cooperation.initiative.plan_removed") == []
    # Her own second plan can go: two buyers remain.
    response = client.post(remove_url(initiative, second))
    assert response.status_code == 302
    assert titles(initiative) == ["Lights Köln", "Lights Utrecht"]


def test_a_plan_not_in_the_initiative_cannot_be_removed(
    client, editor, initiative, newcomer
):
    client.force_login(editor)
    assert client.post(remove_url(initiative, newcomer)).status_code == 404
    assert client.get(remove_url(initiative, newcomer)).status_code == 405
    assert client.get(add_url(initiative)).status_code == 405


def test_another_centres_staff_cannot_change_the_plans(
    client, other_centre, editor_b, initiative, newcomer, sent
):
    german = initiative.plans.get(title="Lights Köln")
    plan_services.initiative_plan_add(
        initiative=initiative, plan=newcomer, by=initiative.created_by
    )
    mail.outbox.clear()
    client.force_login(editor_b)
    with sent():
        for url, body in (
            (add_url(initiative, "beta"), {"number": newcomer.pk}),
            (remove_url(initiative, german, "beta"), {}),
            (add_url(initiative, "alpha"), {"number": newcomer.pk}),
            (remove_url(initiative, german, "alpha"), {}),
        ):
            assert client.post(url, body).status_code == 404, url
    assert titles(initiative) == ["Lights Gent", "Lights Köln", "Lights Utrecht"]
    assert mail.outbox == []


def test_the_suggestions_put_interest_first_then_the_same_cpv_group(
    editor, initiative, newcomer
):
    dutch_buyer = initiative.plans.get(title="Lights Utrecht").owner
    interested = make_plan(
        UserFactory(), title="Software", cpv_codes="72000000-5", country="AT"
    )
    plan_services.interest_express(
        plan=interested, user=dutch_buyer, message="Together?",
        organisation="Utrecht", country="NL",
    )  # fmt: skip
    other = make_plan(
        UserFactory(), title="Ambulances", cpv_codes="34114121-3", country="FI"
    )
    make_plan(UserFactory(), title="Not joint", joint_procurement=False)
    groups = plan_selectors.initiative_suggestions(initiative)
    assert [(g.reason, [p.title for p in g.plans]) for g in groups] == [
        ("interest", [interested.title]),
        ("group", [newcomer.title]),
        ("other", [other.title]),
    ]
    JointInitiative.objects.get(pk=initiative.pk).plans.add(newcomer)
    groups = plan_selectors.initiative_suggestions(initiative)
    assert "group" not in [g.reason for g in groups]

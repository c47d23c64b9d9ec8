"""Joint-procurement initiatives: a centre's staff see their country's plans
and interests, start an initiative from two or more plans (the buyers are told),
edit it; another centre's initiative is 404; all in the activity log."""

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from cooperation import plan_services
from cooperation.models import JointInitiative
from tests.factories import UserFactory

from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(procurer):
    dutch = UserFactory(email="buyer-nl@example.org", organisation="Utrecht")
    return (
        make_plan(procurer, title="Lights Köln", organisation="Stadt Köln"),
        make_plan(
            dutch, title="Lights Utrecht", organisation="Gemeente Utrecht", country="NL"
        ),
    )


def create_data(plans, **changes):
    return {
        "title": "Joint street lighting",
        "description": "Two cities buy LED lights together.",
        "next_steps": "Meet in January\nAgree on the specification",
        "status": "exploring",
        "plans": [p.pk for p in plans],
        **changes,
    }


def test_staff_see_their_countrys_plans_and_interests(client, centre, editor, plans):
    german, dutch = plans
    plan_services.interest_express(
        plan=dutch, user=german.owner, message="Together?",
        organisation="Stadt Köln", country="DE",
    )  # fmt: skip
    client.force_login(editor)
    response = client.get(
        reverse("manage:plans:index", kwargs={"centre_slug": "alpha"})
    )
    page = response.content.decode()
    assert response.context["plan_count"] == 1  # the German plan only
    assert "Lights Köln" in page
    assert response.context["interest_count"] == 1  # from a German buyer
    assert "Lights Utrecht" in page


def test_staff_start_an_initiative_and_the_buyers_are_told(
    client, centre, editor, plans, sent
):
    client.force_login(editor)
    url = reverse("manage:plans:new", kwargs={"centre_slug": "alpha"})
    with sent():
        response = client.post(url, create_data(plans))
    initiative = JointInitiative.objects.get()
    assert response.status_code == 302
    assert initiative.centre == centre
    assert set(initiative.plans.all()) == set(plans)
    assert initiative.steps == ["Meet in January", "Agree on the specification"]
    addresses = sorted(a for m in mail.outbox for a in m.to)
    assert addresses == ["buyer-nl@example.org", "procurer@example.org"]
    link = reverse("plans:initiative", kwargs={"pk": initiative.pk})
    assert all(link in m.body for m in mail.outbox)
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre=centre, action="cooperation.initiative.created"
        ).exists()
    page = client.get(link).content.decode()
    for text in ("Stadt Köln", "Gemeente Utrecht", "Alpha Centre",
                 "Agree on the specification"):  # fmt: skip
        assert text in page


def test_the_initiative_lists_the_centres_of_the_buyers_countries(
    client, centre, other_centre, editor, plans
):
    initiative = plan_services.initiative_create(
        centre=centre, by=editor, data=create_data(plans), plans=plans
    )
    page = client.get(reverse("plans:initiative", kwargs={"pk": initiative.pk}))
    assert [c.slug for c in page.context["centres"]] == ["alpha", "beta"]


@pytest.mark.parametrize(
    ("pick", "message"),
    [
        ("one", "at least two plans"),
        ("same-owner", "at least two plans of different buyers"),
        ("abroad-only", "must be from your centre"),
        ("not-joint", "open to joint procurement"),
    ],
)
def test_bad_initiatives_are_refused_and_nothing_is_stored(
    client, centre, editor, plans, procurer, pick, message
):
    german, dutch = plans
    chosen = {
        "one": [german],
        "same-owner": [german, make_plan(procurer, title="Second")],
        "abroad-only": [dutch, make_plan(UserFactory(), country="PT")],
        "not-joint": [german, make_plan(UserFactory(), joint_procurement=False)],
    }[pick]
    client.force_login(editor)
    response = client.post(
        reverse("manage:plans:new", kwargs={"centre_slug": "alpha"}),
        create_data(chosen),
    )
    assert response.status_code == 400
    assert JointInitiative.objects.count() == 0
    if pick != "not-joint":  # a plan not open to it is no choice in the form
        assert message in response.content.decode()


def test_staff_edit_their_initiative_and_not_another_centres(
    client, centre, other_centre, editor, editor_b, plans
):
    own = plan_services.initiative_create(
        centre=centre, by=editor, data=create_data(plans), plans=plans
    )
    client.force_login(editor)
    url = reverse(
        "manage:plans:initiative", kwargs={"centre_slug": "alpha", "pk": own.pk}
    )
    response = client.post(
        url, {"title": "Joint lighting", "description": "D", "status": "preparing",
              "next_steps": "Sign the agreement"},
    )  # fmt: skip
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.title, own.status, own.steps) == (
        "Joint lighting", "preparing", ["Sign the agreement"],
    )  # fmt: skip
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            centre=centre, action="cooperation.initiative.updated"
        ).exists()
    # Beta's staff: Alpha's initiative in their own workspace is not found.
    client.force_login(editor_b)
    other_url = reverse(
        "manage:plans:initiative", kwargs={"centre_slug": "beta", "pk": own.pk}
    )
    assert client.get(other_url).status_code == 404
    assert client.post(other_url, {"title": "x", "description": "y"}).status_code == 404
    own.refresh_from_db()
    assert own.title == "Joint lighting"


def test_an_initiative_with_a_plan_for_signed_in_people_is_not_public(
    client, centre, editor, procurer
):
    plans = [
        make_plan(procurer),
        make_plan(UserFactory(), country="NL", visibility="signed_in"),
    ]
    initiative = plan_services.initiative_create(
        centre=centre, by=editor, data=create_data(plans), plans=plans
    )
    url = reverse("plans:initiative", kwargs={"pk": initiative.pk})
    assert client.get(url).status_code == 404
    client.force_login(procurer)
    assert client.get(url).status_code == 200


def test_the_activity_log_links_to_the_initiative(client, centre, editor, plans):
    initiative = plan_services.initiative_create(
        centre=centre, by=editor, data=create_data(plans), plans=plans
    )
    client.force_login(editor)
    page = client.get(reverse("manage:activity", kwargs={"centre_slug": "alpha"}))
    link = reverse(
        "manage:plans:initiative", kwargs={"centre_slug": "alpha", "pk": initiative.pk}
    )
    assert link in page.content.decode()
    assert "Started a joint-procurement initiative" in page.content.decode()

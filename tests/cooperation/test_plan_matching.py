"""The list with its filters and visibility, and "Similar plans": other
buyers' open plans, other countries first, then group, division, sector."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cooperation import plan_selectors, plan_services
from tests.factories import UserFactory

from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyers(db):
    return [UserFactory(email=f"buyer{i}@example.org") for i in range(6)]


def titles(plans):
    return [p.title for p in plans]


def test_similar_plans_come_from_abroad_first_then_by_closeness(buyers, procurer):
    mine = make_plan(procurer, cpv_codes="45316110-9", sector="energy", country="DE")
    make_plan(buyers[0], title="DE same group", cpv_codes="45316000-5", country="DE")
    make_plan(buyers[1], title="NL same sector", cpv_codes="09300000-2", country="NL")
    make_plan(buyers[2], title="NL same division", cpv_codes="45200000-9",
              sector="construction", country="NL")  # fmt: skip
    make_plan(buyers[3], title="PT same group", cpv_codes="45310000-3", country="PT")
    make_plan(buyers[4], title="PT later", cpv_codes="45316110-9", country="PT",
              start_month=date(2029, 1, 1), end_month=date(2029, 6, 1))  # fmt: skip
    make_plan(buyers[5], title="PT other sector", cpv_codes="72000000-5",
              sector="ict", country="PT")  # fmt: skip
    make_plan(procurer, title="Her own other plan", cpv_codes="45316110-9")
    similar = plan_selectors.similar_plans(mine, user=procurer)
    assert titles(similar) == [
        "PT same group",
        "NL same division",
        "NL same sector",
        "DE same group",
    ]
    assert [p.closeness for p in similar] == [0, 1, 2, 0]


def test_similar_plans_leave_out_closed_withdrawn_and_hidden_ones(buyers, procurer):
    mine = make_plan(procurer, country="DE")
    closed = make_plan(buyers[0], title="Closed", country="NL")
    plan_services.plan_close(plan=closed, by=buyers[0])
    gone = make_plan(buyers[1], title="Withdrawn", country="NL")
    plan_services.plan_withdraw(plan=gone, by=buyers[1])
    make_plan(buyers[2], title="Signed in only", country="NL", visibility="signed_in")
    assert titles(plan_selectors.similar_plans(mine, user=AnonymousUser())) == []
    assert titles(plan_selectors.similar_plans(mine, user=procurer)) == [
        "Signed in only"
    ]


def test_the_detail_page_counts_the_same_queries_with_more_matches(
    client, buyers, procurer
):
    mine = make_plan(procurer, country="DE")
    url = reverse("plans:detail", kwargs={"pk": mine.pk})
    client.force_login(procurer)
    make_plan(buyers[0], country="NL")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for buyer in buyers[1:]:
        make_plan(buyer, country="PT")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["similar"]) == 6
    assert len(many) == len(few)


def test_the_detail_page_shows_the_labels_of_its_cpv_groups(client, procurer):
    plan = make_plan(procurer, cpv_codes="45316110-9, 72212000-4")
    page = client.get(reverse("plans:detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Building installation work" in page
    assert "Software programming and consultancy services" in page


def test_the_detail_page_labels_cpv_groups_in_the_readers_language(client, procurer):
    plan = make_plan(procurer, cpv_codes="45316110-9")
    with translation.override("de"):
        url = reverse("plans:detail", kwargs={"pk": plan.pk})
    assert url.startswith("/de/")
    page = client.get(url).content.decode()
    assert "Bauinstallationsarbeiten" in page
    assert "Building installation work" not in page


def test_anonymous_visitors_see_public_plans_only(client, procurer, buyers):
    make_plan(procurer, title="A public plan")
    make_plan(buyers[0], title="A plan for procurers", visibility="signed_in")
    page = client.get(reverse("plans:list")).content.decode()
    assert "A public plan" in page
    assert "A plan for procurers" not in page
    client.force_login(buyers[1])
    page = client.get(reverse("plans:list")).content.decode()
    assert "A public plan" in page
    assert "A plan for procurers" in page


def test_the_list_filters_by_sector_country_division_and_joint(client, buyers):
    make_plan(buyers[0], title="Lights DE", country="DE")
    make_plan(buyers[1], title="Software NL", cpv_codes="72000000-5", sector="ict",
              country="NL", joint_procurement=False)  # fmt: skip
    url = reverse("plans:list")

    def listed(**query):
        return titles(client.get(url, query).context["plans"])

    assert listed() == ["Software NL", "Lights DE"]
    assert listed(sector="ict") == ["Software NL"]
    assert listed(country="DE") == ["Lights DE"]
    assert listed(division="72") == ["Software NL"]
    assert listed(joint="yes") == ["Lights DE"]
    assert listed(sector="bogus", division="00") == ["Software NL", "Lights DE"]
    response = client.get(url, {"country": "NL"})
    assert "1 plan" in response.content.decode()


def test_suppliers_see_public_plans_only(client, procurer):
    from accounts.models import User

    make_plan(procurer, title="A public plan")
    hidden = make_plan(procurer, title="A plan for procurers", visibility="signed_in")
    supplier = UserFactory(profile_role=User.ProfileRole.SUPPLIER)
    client.force_login(supplier)
    page = client.get(reverse("plans:list")).content.decode()
    assert "A public plan" in page
    assert "A plan for procurers" not in page
    url = reverse("plans:detail", kwargs={"pk": hidden.pk})
    assert client.get(url).status_code == 404

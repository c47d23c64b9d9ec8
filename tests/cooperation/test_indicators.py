"""Cooperation's figures in the network console's registry, worked out by hand.

Alpha (DE) and Beta (NL), the period November 2025 – February 2026. 23:30 UTC
on a month's last day is the next month in Brussels (UTC+1 in winter); what
must not count: drafts and challenges under review, other periods, withdrawn
plans, plans of a country without a centre.
"""

import datetime as dt

import openpyxl
import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from cooperation.models import (
    Challenge,
    ChallengeAnswer,
    JointInitiative,
    PlanInterest,
    ProcurementPlan,
)
from network.indicators import Granularity, Period, registry
from network.models import ReportExport
from network.selectors import figures
from tests.factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db

NOV, DEC, JAN, FEB = (
    dt.date(2025, 11, 1),
    dt.date(2025, 12, 1),
    dt.date(2026, 1, 1),
    dt.date(2026, 2, 1),
)
PERIOD = Period(dt.date(2025, 11, 1), dt.date(2026, 2, 28), Granularity.MONTH)
RANGE = {
    "preset": "custom",
    "start": "2025-11-01",
    "end": "2026-02-28",
    "granularity": "month",
}
KEYS = [
    "cooperation.challenges_published",
    "cooperation.answers_received",
    "cooperation.initiatives_started",
    "cooperation.plans_posted",
    "cooperation.interests_expressed",
]


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def _challenge(centre, buyer, *, published_at=None, status="published"):
    return Challenge.objects.create(
        centre=centre,
        buyer=buyer,
        organisation="City of Hamburg",
        title=f"Challenge {published_at}",
        problem="Wards overheat in summer.",
        questions=["Which passive cooling exists?"],
        deadline=dt.date(2026, 6, 30),
        sector="health",
        country=centre.country,
        status=status,
        published_at=published_at,
    )


def _answer(challenge, when):
    with scopes_disabled():
        answer = ChallengeAnswer.objects.create(
            challenge=challenge,
            supplier=UserFactory(),
            organisation="CoolTech GmbH",
            answers=["Night ventilation."],
        )
        ChallengeAnswer.objects.filter(pk=answer.pk).update(created_at=when)


def _initiative(centre, when, *, status="exploring"):
    initiative = JointInitiative.objects.create(
        centre=centre,
        title=f"Initiative {when}",
        description="Buy together.",
        status=status,
    )
    JointInitiative.objects.filter(pk=initiative.pk).update(created_at=when)


def _plan(country, when, *, status="open"):
    plan = ProcurementPlan.objects.create(
        owner=UserFactory(),
        organisation="A city",
        title=f"Plan {country} {when}",
        description="Street lights.",
        cpv_codes=["45316110-9"],
        sector="energy",
        country=country,
        start_month=dt.date(2027, 3, 1),
        end_month=dt.date(2027, 12, 1),
        budget_range="1m-5m",
        status=status,
        closed_at=None if status == "open" else when,
    )
    ProcurementPlan.objects.filter(pk=plan.pk).update(created_at=when)
    return plan


@pytest.fixture
def seeded(centre, other_centre, procurer):
    alpha, beta = centre, other_centre
    # An associate member in Alpha's country: the advice routing (and so the
    # plans) goes to the full centre, never to both.
    gamma = CentreFactory(
        slug="gamma", name="Gamma Centre", country="DE", status="associate"
    )

    # Challenges: Alpha publishes at 22:30 UTC on 31 December (December) and at
    # 23:30 UTC (January); Beta in February. A draft, one under review and one
    # published in March do not count.
    dec = _challenge(alpha, procurer, published_at=at(2025, 12, 31, 22, 30))
    jan = _challenge(alpha, procurer, published_at=at(2025, 12, 31, 23, 30))
    feb = _challenge(beta, procurer, published_at=at(2026, 2, 10, 9))
    _challenge(alpha, procurer, status="draft")
    _challenge(beta, procurer, status="submitted")
    march = _challenge(alpha, procurer, published_at=at(2026, 3, 2, 9))

    # Answers: two to Alpha's in January (one at 23:30 UTC on 31 January is
    # February), one to Beta's in February; one in March does not count.
    _answer(dec, at(2026, 1, 5, 9))
    _answer(jan, at(2026, 1, 20, 9))
    _answer(jan, at(2026, 1, 31, 23, 30))
    _answer(feb, at(2026, 2, 12, 9))
    _answer(march, at(2026, 3, 3, 9))

    # Initiatives: Alpha in November, Beta in January and one stopped since in
    # February (it was started all the same); October is before the period.
    _initiative(alpha, at(2025, 11, 20, 9))
    _initiative(beta, at(2026, 1, 7, 9))
    _initiative(beta, at(2026, 2, 2, 9), status="stopped")
    _initiative(alpha, at(2025, 10, 20, 9))

    # Plans: German ones in November and January (closed since: still posted),
    # a German one withdrawn, a Dutch one at 23:30 UTC on 31 January (February);
    # a Belgian one (no centre) and a German one in March do not count.
    target = _plan("DE", at(2025, 11, 3, 9))
    _plan("DE", at(2026, 1, 8, 9), status="closed")
    _plan("DE", at(2026, 1, 9, 9), status="withdrawn")
    dutch = _plan("NL", at(2026, 1, 31, 23, 30))
    _plan("BE", at(2025, 12, 4, 9))
    _plan("DE", at(2026, 3, 4, 9))

    # Interests (the whole network): two in December, one in February, one in
    # March.
    for plan, when in (
        (target, at(2025, 12, 2, 9)),
        (dutch, at(2025, 12, 30, 9)),
        (target, at(2026, 2, 27, 9)),
        (dutch, at(2026, 3, 1, 9)),
    ):
        PlanInterest.objects.create(
            plan=plan,
            user=UserFactory(),
            organisation="Gemeente Utrecht",
            country="NL",
            message="Shall we buy together?",
            created_at=when,
        )
    return alpha, beta, gamma


def _compute(key, centres):
    return registry.get(key).compute(period=PERIOD, centre_ids=[c.pk for c in centres])


def test_the_figures_are_registered_under_cooperation():
    indicators = [registry.get(key) for key in KEYS]
    assert {str(i.topic) for i in indicators} == {"Cooperation"}
    assert [i.per_centre for i in indicators] == [True, True, True, True, False]
    assert all(i.order > 70 for i in indicators)  # after the existing topics


def test_challenges_published_per_centre_by_publication(seeded):
    alpha, beta, _gamma = seeded
    assert _compute("cooperation.challenges_published", seeded) == {
        (alpha.pk, DEC): 1,
        (alpha.pk, JAN): 1,
        (beta.pk, FEB): 1,
    }
    # Only the centres asked for.
    assert _compute("cooperation.challenges_published", [beta]) == {(beta.pk, FEB): 1}


def test_answers_received_per_challenges_centre(seeded):
    alpha, beta, _gamma = seeded
    assert _compute("cooperation.answers_received", seeded) == {
        (alpha.pk, JAN): 2,
        (alpha.pk, FEB): 1,
        (beta.pk, FEB): 1,
    }


def test_initiatives_started_per_facilitating_centre(seeded):
    alpha, beta, _gamma = seeded
    assert _compute("cooperation.initiatives_started", seeded) == {
        (alpha.pk, NOV): 1,
        (beta.pk, JAN): 1,
        (beta.pk, FEB): 1,
    }


def test_plans_posted_count_for_the_centre_that_answers_for_the_country(seeded):
    alpha, beta, gamma = seeded
    assert _compute("cooperation.plans_posted", seeded) == {
        (alpha.pk, NOV): 1,
        (alpha.pk, JAN): 1,
        (beta.pk, FEB): 1,
    }
    # The associate member of the same country counts none of them, even alone.
    assert _compute("cooperation.plans_posted", [gamma]) == {}


def test_interests_expressed_for_the_whole_network(seeded):
    assert _compute("cooperation.interests_expressed", seeded) == {
        (None, DEC): 2,
        (None, FEB): 1,
    }


def test_totals_per_centre_and_network(seeded, django_assert_num_queries):
    alpha, beta, gamma = seeded
    # One query per figure; the plans read the routing once more.
    with django_assert_num_queries(len(KEYS) + 1):
        table = figures(PERIOD, [alpha, beta, gamma], keys=KEYS)
    challenges = table.get("cooperation.challenges_published")
    assert challenges.series() == [(NOV, 0), (DEC, 1), (JAN, 1), (FEB, 1)]
    assert challenges.centre_total(alpha.pk) == 2 and challenges.total == 3
    plans = table.get("cooperation.plans_posted")
    assert [plans.centre_total(c.pk) for c in (alpha, beta, gamma)] == [2, 1, 0]
    assert table.get("cooperation.interests_expressed").total == 3


def test_dashboard_shows_the_cooperation_totals(client, seeded, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("network:dashboard"),
        {**RANGE, "figure": "cooperation.answers_received"},
    )
    assert response.status_code == 200
    topics = response.context["topics"]
    totals = {f.key: f.total for f in topics["Cooperation"]}
    assert totals == {
        "cooperation.challenges_published": 3,
        "cooperation.answers_received": 4,
        "cooperation.initiatives_started": 3,
        "cooperation.plans_posted": 3,
        "cooperation.interests_expressed": 3,
    }
    assert response.context["trend"] == [
        ("Nov 2025", 0),
        ("Dec 2025", 0),
        ("Jan 2026", 2),
        ("Feb 2026", 2),
    ]
    html = response.content.decode()
    assert "<h3>Cooperation</h3>" in html
    assert (
        '<span class="stat__value">4</span>\n'
        '          <span class="stat__label">Supplier answers received'
    ) in html
    assert "<caption>Supplier answers received, per month</caption>" in html


def test_a_centres_figures_page_has_its_own_cooperation_figures(
    client, seeded, manager
):
    alpha, _beta, _gamma = seeded
    client.force_login(manager)
    response = client.get(reverse("manage:figures", args=[alpha.slug]), RANGE)
    assert response.status_code == 200
    totals = {f.key: f.total for f in response.context["topics"]["Cooperation"]}
    # The network-wide interests are not one centre's figure.
    assert totals == {
        "cooperation.challenges_published": 2,
        "cooperation.answers_received": 3,
        "cooperation.initiatives_started": 1,
        "cooperation.plans_posted": 2,
    }
    assert "Joint-procurement initiatives started" in response.content.decode()


def test_the_network_export_has_a_cooperation_sheet(
    client, seeded, coordinator, django_capture_on_commit_callbacks
):
    alpha, beta, _gamma = seeded
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:exports"),
            {**RANGE, "format": "xlsx"},
        )
    assert response.status_code == 302
    export = ReportExport.objects.get()
    assert export.status == "done"
    with export.file.open("rb") as handle:
        book = openpyxl.load_workbook(handle)
    rows = [list(r) for r in book["Cooperation"].iter_rows(values_only=True)]
    assert rows[0][4:] == ["2025-11", "2025-12", "2026-01", "2026-02", "Period total"]
    by = {(r[0], r[2]): r[4:] for r in rows[1:]}
    assert by[("Challenges published", alpha.name)] == [0, 1, 1, 0, 2]
    assert by[("Challenges published", beta.name)] == [0, 0, 0, 1, 1]
    assert by[("Challenges published", "The whole network")] == [0, 1, 1, 1, 3]
    interests = by[("Expressions of interest in plans", "The whole network")]
    assert interests == [0, 2, 0, 1, 3]
    assert ("Expressions of interest in plans", alpha.name) not in by
    assert {r[1] for r in rows[1:] if r[0] == "Procurement plans posted"} == {"plans"}

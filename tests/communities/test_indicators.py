"""The communities' figures in the network console's registry, worked out by hand.

Alpha (DE, a national centre) and a task-force project, the period November
2025 – February 2026. 23:30 UTC on a month's last day is the next month in
Brussels; what must not count: a post waiting for approval, a hidden post, an
open or declined application, another period, another project's decision.
"""

import datetime as dt

import pytest
from django.urls import reverse

from centres.models import Centre
from communities.models import Post, TaskForceApplication, Thread
from network.indicators import Granularity, Period, registry
from network.selectors import figures
from tests.factories import CentreFactory, UserFactory

from .helpers import community

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
KEYS = ["communities.posts_published", "communities.applications_accepted"]


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def _posts(thread, *placements):
    for status, visible_at in placements:
        Post.objects.create(
            thread=thread,
            author=thread.author,
            body="A note.",
            status=status,
            visible_at=visible_at,
        )


def _application(n, *, status, decided_by=None, decided_at=None):
    application = TaskForceApplication.objects.create(
        organisation=f"Organisation {n}",
        organisation_type="city",
        country="DE",
        contact_name=f"Person {n}",
        email=f"applicant{n}@example.org",
        motivation="We buy for a city.",
        status=status,
        confirmed_at=at(2025, 10, 1, 9),
        decided_by=decided_by,
        decided_at=decided_at,
    )
    if decided_by is not None:
        application.projects.add(decided_by)
    return application


def _project(slug):
    return CentreFactory(
        slug=slug, name=slug.upper(), country="", kind=Centre.Kind.PROJECT
    )


@pytest.fixture
def seeded(centre):
    alpha = centre
    build, procedin = _project("build"), _project("procedin")
    author = UserFactory()
    alpha_thread = Thread.objects.create(
        community=community(alpha, slug="circular"), title="Reuse", author=author
    )
    build_thread = Thread.objects.create(
        community=community(build, slug="market"), title="Dialogue", author=author
    )
    visible, pending, hidden = (
        Post.Status.VISIBLE,
        Post.Status.PENDING,
        Post.Status.HIDDEN,
    )
    # Alpha: visible at 22:30 UTC on 30 November (November) and at 23:30 UTC
    # (December); one in January; one waiting for approval, one hidden, one
    # in March.
    _posts(
        alpha_thread,
        (visible, at(2025, 11, 30, 22, 30)),
        (visible, at(2025, 11, 30, 23, 30)),
        (visible, at(2026, 1, 14, 9)),
        (pending, None),
        (hidden, at(2026, 1, 15, 9)),
        (visible, at(2026, 3, 2, 9)),
    )
    # BUILD: one in February; one visible since October does not count.
    _posts(
        build_thread,
        (visible, at(2026, 2, 3, 9)),
        (visible, at(2025, 10, 31, 9)),
    )

    # Applications: BUILD accepts two in December and one at 23:30 UTC on 31
    # January (February); PROCEDIN accepts one in January; declined, open and
    # March ones do not count.
    accepted, declined = (
        TaskForceApplication.Status.ACCEPTED,
        TaskForceApplication.Status.DECLINED,
    )
    _application(1, status=accepted, decided_by=build, decided_at=at(2025, 12, 1, 9))
    _application(2, status=accepted, decided_by=build, decided_at=at(2025, 12, 9, 9))
    _application(
        3, status=accepted, decided_by=build, decided_at=at(2026, 1, 31, 23, 30)
    )
    _application(4, status=accepted, decided_by=procedin, decided_at=at(2026, 1, 20, 9))
    _application(5, status=declined, decided_by=build, decided_at=at(2026, 1, 5, 9))
    _application(6, status=TaskForceApplication.Status.NEW)
    _application(7, status=accepted, decided_by=build, decided_at=at(2026, 3, 1, 9))
    return alpha, build, procedin


def _compute(key, centres):
    return registry.get(key).compute(period=PERIOD, centre_ids=[c.pk for c in centres])


def test_the_figures_are_registered_under_communities():
    indicators = [registry.get(key) for key in KEYS]
    assert {str(i.topic) for i in indicators} == {"Communities"}
    assert all(i.per_centre for i in indicators)
    cooperation = registry.get("cooperation.challenges_published")
    assert all(i.order > cooperation.order for i in indicators)


def test_posts_published_per_owner_by_the_time_they_became_visible(seeded):
    alpha, build, _procedin = seeded
    assert _compute("communities.posts_published", seeded) == {
        (alpha.pk, NOV): 1,
        (alpha.pk, DEC): 1,
        (alpha.pk, JAN): 1,
        (build.pk, FEB): 1,
    }
    assert _compute("communities.posts_published", [build]) == {(build.pk, FEB): 1}


def test_applications_accepted_per_deciding_project(seeded):
    _alpha, build, procedin = seeded
    assert _compute("communities.applications_accepted", seeded) == {
        (build.pk, DEC): 2,
        (build.pk, FEB): 1,
        (procedin.pk, JAN): 1,
    }


def test_totals_in_one_query_per_figure(seeded, django_assert_num_queries):
    alpha, build, procedin = seeded
    with django_assert_num_queries(len(KEYS)):
        table = figures(PERIOD, [alpha, build, procedin], keys=KEYS)
    posts = table.get("communities.posts_published")
    assert posts.series() == [(NOV, 1), (DEC, 1), (JAN, 1), (FEB, 1)]
    assert posts.centre_total(alpha.pk) == 3 and posts.total == 4
    accepted = table.get("communities.applications_accepted")
    assert accepted.centre_total(build.pk) == 3 and accepted.total == 4


def test_dashboard_shows_the_communities_totals(client, seeded, coordinator):
    alpha, build, _procedin = seeded
    client.force_login(coordinator)
    response = client.get(
        reverse("network:dashboard"),
        {**RANGE, "figure": "communities.applications_accepted"},
    )
    assert response.status_code == 200
    totals = {f.key: f.total for f in response.context["topics"]["Communities"]}
    assert totals == {
        "communities.posts_published": 4,
        "communities.applications_accepted": 4,
    }
    assert response.context["trend"] == [
        ("Nov 2025", 0),
        ("Dec 2025", 2),
        ("Jan 2026", 1),
        ("Feb 2026", 1),
    ]
    html = response.content.decode()
    assert "<h3>Communities</h3>" in html
    assert (
        '<span class="stat__value">4</span>\n'
        '          <span class="stat__label">Task-force applications accepted'
    ) in html
    # A project's figure is in the table per centre.
    centre_rows = dict(response.context["centre_rows"])
    column = [f.key for f in response.context["per_centre"]].index(
        "communities.applications_accepted"
    )
    assert centre_rows[build.name][column] == 3
    assert centre_rows[alpha.name][column] == 0

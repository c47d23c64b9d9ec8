"""The key figures, computed exactly per centre and bucket (tests/network/seed.py)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.indicators import Granularity, Period, registry
from network.selectors import figures
from tests.factories import CentreFactory

from .seed import seed_known_figures

pytestmark = pytest.mark.django_db

NOV, DEC, JAN, FEB = (
    dt.date(2025, 11, 1),
    dt.date(2025, 12, 1),
    dt.date(2026, 1, 1),
    dt.date(2026, 2, 1),
)
PERIOD = Period(dt.date(2025, 11, 1), dt.date(2026, 2, 28), Granularity.MONTH)


@pytest.fixture
def seeded(centre, other_centre, editor, manager, editor_b, coordinator):
    seed_known_figures(
        alpha=centre,
        beta=other_centre,
        editor=editor,
        manager=manager,
        editor_b=editor_b,
        coordinator=coordinator,
    )
    return centre, other_centre


def _per_bucket(figure, centre_id):
    return [figure.value(centre_id, b) for b in PERIOD.buckets()]


def test_resources_published_count_per_centre_and_brussels_month(seeded):
    alpha, beta = seeded
    table = figures(PERIOD, [alpha, beta])
    total = table.get("knowledge.resources_published")
    assert _per_bucket(total, alpha.pk) == [0, 1, 1, 1]
    assert _per_bucket(total, beta.pk) == [1, 0, 1, 0]
    assert total.series() == [(NOV, 1), (DEC, 1), (JAN, 2), (FEB, 1)]
    assert total.centre_total(alpha.pk) == 3
    assert total.total == 5
    tools = table.get("knowledge.resources_published.tool")
    assert _per_bucket(tools, alpha.pk) == [0, 1, 1, 0]
    cases = table.get("knowledge.resources_published.case_study")
    assert _per_bucket(cases, alpha.pk) == [0, 0, 0, 1]
    assert cases.total == 1


def test_events_held_registered_and_checked_in(seeded):
    alpha, beta = seeded
    table = figures(PERIOD, [alpha, beta])
    held = table.get("events.held")
    assert _per_bucket(held, alpha.pk) == [0, 0, 1, 0]
    # 23:30 UTC on 31 December is January in Brussels.
    assert _per_bucket(held, beta.pk) == [0, 0, 1, 0]
    registered = table.get("events.registered")
    assert _per_bucket(registered, alpha.pk) == [0, 0, 3, 0]
    assert _per_bucket(registered, beta.pk) == [0, 0, 1, 0]
    checked_in = table.get("events.checked_in")
    assert checked_in.centre_total(alpha.pk) == 2
    assert checked_in.centre_total(beta.pk) == 1
    assert checked_in.total == 3


def test_newsletter_figures_for_the_network(seeded):
    alpha, beta = seeded
    table = figures(PERIOD, [alpha, beta])
    subscribers = table.get("newsletters.subscribers")
    assert subscribers.series() == [(NOV, 1), (DEC, 2), (JAN, 2), (FEB, 1)]
    assert subscribers.total == 1  # a stock: the last bucket
    new = table.get("newsletters.subscribers_new")
    assert new.series() == [(NOV, 0), (DEC, 1), (JAN, 0), (FEB, 0)]
    sent = table.get("newsletters.mails_sent")
    assert sent.series() == [(NOV, 0), (DEC, 1), (JAN, 2), (FEB, 0)]
    bounced = table.get("newsletters.mails_bounced")
    assert bounced.series() == [(NOV, 0), (DEC, 0), (JAN, 0), (FEB, 2)]


def test_subscribers_at_the_end_of_a_period_that_ends_mid_month(seeded):
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), Granularity.MONTH)
    figure = figures(period, [], keys=["newsletters.subscribers"]).get(
        "newsletters.subscribers"
    )
    assert figure.series() == [(JAN, 2)]
    # Until 23:30 UTC on 31 January, s2 is still a subscriber on that day.
    early = Period(dt.date(2025, 12, 1), dt.date(2025, 12, 14))
    figure = figures(early, [], keys=["newsletters.subscribers"]).get(
        "newsletters.subscribers"
    )
    assert figure.series() == [(DEC, 1)]


def test_active_staff_are_distinct_people_not_the_coordinator(seeded):
    alpha, beta = seeded
    staff = figures(PERIOD, [alpha, beta]).get("centres.active_staff")
    assert _per_bucket(staff, alpha.pk) == [1, 2, 0, 0]
    assert _per_bucket(staff, beta.pk) == [0, 0, 0, 1]
    # The editor was active in two months and counts once for the period.
    assert staff.centre_total(alpha.pk) == 2
    assert staff.total == 3


def test_quarters_and_years(seeded):
    alpha, beta = seeded
    quarters = Period(PERIOD.start, PERIOD.end, Granularity.QUARTER)
    table = figures(quarters, [alpha, beta])
    q4, q1 = dt.date(2025, 10, 1), dt.date(2026, 1, 1)
    assert table.get("knowledge.resources_published").series() == [(q4, 2), (q1, 3)]
    assert table.get("newsletters.subscribers").series() == [(q4, 2), (q1, 1)]
    assert table.get("centres.active_staff").series() == [(q4, 2), (q1, 1)]
    years = Period(dt.date(2025, 1, 1), dt.date(2026, 12, 31), Granularity.YEAR)
    published = figures(years, [alpha]).get("knowledge.resources_published")
    # 23:30 UTC on 31 December 2025 is 2026 in Brussels.
    assert published.series() == [(dt.date(2025, 1, 1), 1), (dt.date(2026, 1, 1), 3)]


def test_a_centre_left_out_is_not_counted(seeded):
    _alpha, beta = seeded
    table = figures(PERIOD, [beta], network=False)
    assert table.get("knowledge.resources_published").total == 2
    assert table.get("events.registered").total == 1
    with pytest.raises(KeyError):
        table.get("newsletters.subscribers")


def _queries_for(centres) -> int:
    with CaptureQueriesContext(connection) as ctx:
        figures(PERIOD, centres)
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_the_number_of_centres(
    seeded, django_assert_num_queries
):
    alpha, beta = seeded
    more = [alpha, beta, *(CentreFactory() for _ in range(4))]
    with_two = _queries_for([alpha, beta])
    # At most one query per indicator (and per separate period total); those
    # that read the same rows share one.
    assert (
        0
        < with_two
        <= len(registry.all())
        + sum(1 for i in registry.all() if i.compute_total is not None)
    )
    with django_assert_num_queries(with_two):
        figures(PERIOD, [alpha, beta])
    with django_assert_num_queries(with_two):
        figures(PERIOD, more)


def test_shared_rows_are_read_once_per_table(seeded, django_assert_num_queries):
    alpha, beta = seeded
    keys = [i.key for i in registry.all() if i.key.startswith("knowledge.")]
    assert len(keys) == 7
    with django_assert_num_queries(1):
        figures(PERIOD, [alpha, beta], keys=keys)

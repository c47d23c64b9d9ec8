"""The dashboard, a centre's figures page and their CSV files, as people see them."""

import csv
import datetime as dt
import io
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network import forms as network_forms
from tests.factories import CentreFactory

from .seed import seed_known_figures

pytestmark = pytest.mark.django_db

RANGE = {
    "preset": "custom",
    "start": "2025-11-01",
    "end": "2026-02-28",
    "granularity": "month",
}


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


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_trend_csv_has_every_figure_per_bucket(client, seeded, coordinator):
    client.force_login(coordinator)
    rows = _csv(client.get(reverse("network:figure-csv"), {**RANGE, "table": "trend"}))
    header = rows[0]
    assert header[:2] == ["bucket_start", "bucket"]
    by_key = {key: [row[i] for row in rows[1:]] for i, key in enumerate(header)}
    assert by_key["bucket_start"] == [
        "2025-11-01",
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
    ]
    assert by_key["knowledge.resources_published"] == ["1", "1", "2", "1"]
    assert by_key["events.registered"] == ["0", "0", "4", "0"]
    assert by_key["newsletters.subscribers"] == ["1", "2", "2", "1"]
    assert by_key["newsletters.mails_bounced"] == ["0", "0", "0", "2"]
    assert by_key["centres.active_staff"] == ["1", "2", "0", "1"]


def test_centres_and_countries_csv(client, seeded, coordinator):
    client.force_login(coordinator)
    rows = _csv(
        client.get(reverse("network:figure-csv"), {**RANGE, "table": "centres"})
    )
    header = rows[0]
    table = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert table["alpha"]["country"] == "DE"
    assert table["alpha"]["knowledge.resources_published"] == "3"
    assert table["alpha"]["events.checked_in"] == "2"
    assert table["alpha"]["centres.active_staff"] == "2"
    assert table["beta"]["knowledge.resources_published"] == "2"
    # A network-wide figure is not a column of the per-centre table.
    assert "newsletters.subscribers" not in header

    rows = _csv(
        client.get(reverse("network:figure-csv"), {**RANGE, "table": "countries"})
    )
    table = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert table["DE"]["name"] == "Germany"
    assert table["DE"]["events.registered"] == "3"
    assert table["NL"]["events.registered"] == "1"

    rows = _csv(
        client.get(reverse("network:figure-csv"), {**RANGE, "table": "summary"})
    )
    totals = {row[0]: row[3] for row in rows[1:]}
    assert totals["knowledge.resources_published"] == "5"
    assert totals["newsletters.subscribers"] == "1"
    assert totals["newsletters.mails_sent"] == "3"
    assert totals["centres.active_staff"] == "3"


def test_a_centres_csv_holds_only_its_own_figures(client, seeded, editor):
    alpha, _beta = seeded
    client.force_login(editor)
    url = reverse("manage:figures-csv", args=[alpha.slug])
    rows = _csv(client.get(url, {**RANGE, "table": "trend"}))
    header = rows[0]
    column = header.index("knowledge.resources_published")
    assert [row[column] for row in rows[1:]] == ["0", "1", "1", "1"]
    assert "newsletters.subscribers" not in header
    rows = _csv(client.get(url, {**RANGE, "table": "centres"}))
    assert [row[0] for row in rows[1:]] == ["alpha"]


def test_dashboard_shows_totals_and_the_chosen_figure(client, seeded, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("network:dashboard"), {**RANGE, "figure": "events.registered"}
    )
    assert response.status_code == 200
    ctx = response.context
    assert ctx["figure"].key == "events.registered"
    assert ctx["trend"] == [
        ("Nov 2025", 0),
        ("Dec 2025", 0),
        ("Jan 2026", 4),
        ("Feb 2026", 0),
    ]
    assert [(code, value) for code, _name, value in ctx["country_values"]] == [
        ("DE", 3),
        ("NL", 1),
    ]
    html = response.content.decode()
    assert 'role="img"' in html
    assert "<caption>People registered, per month</caption>" in html
    assert reverse("network:figure-csv") + "?preset=custom&amp;start=2025-11-01" in html


def test_bad_period_keeps_the_default_and_says_why(client, seeded, coordinator):
    client.force_login(coordinator)
    with mock.patch.object(network_forms, "today", return_value=dt.date(2026, 2, 15)):
        response = client.get(
            reverse("network:dashboard"),
            {"preset": "custom", "start": "2026-02-01", "end": "2025-12-01"},
        )
        assert response.status_code == 200
        period = response.context["period"]
        assert (period.start, period.end) == (dt.date(2025, 3, 1), dt.date(2026, 2, 15))
        assert period.granularity == "month"
        assert "The last day comes before the first day." in response.content.decode()

        for bad in (
            {"preset": "custom", "start": "2026-02-01"},
            {"preset": "custom", "start": "not-a-date", "end": "2026-01-01"},
            {"preset": "yesterday"},
            {"granularity": "week"},
            {"preset": "custom", "start": "1990-01-01", "end": "2026-01-01"},
            {"preset": "custom", "start": "2000-01-01", "end": "2026-01-01"},
        ):
            response = client.get(reverse("network:dashboard"), bad)
            assert response.status_code == 200
            assert response.context["form"].errors, bad
            assert response.context["period"].start == dt.date(2025, 3, 1)
            assert 'role="alert"' in response.content.decode()


def test_presets_name_whole_years_and_the_last_twelve_months():
    on = dt.date(2026, 2, 15)
    last12 = network_forms.preset_period("last_12_months", "month", on=on)
    assert (last12.start, last12.end) == (dt.date(2025, 3, 1), on)
    assert len(last12.buckets()) == 12
    this = network_forms.preset_period("this_year", "quarter", on=on)
    assert (this.start, this.end) == (dt.date(2026, 1, 1), on)
    last = network_forms.preset_period("last_year", "year", on=on)
    assert (last.start, last.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_centre_figures_are_its_staffs_and_404_for_another_centre(
    client, seeded, manager, outsider
):
    alpha, _beta = seeded
    url = reverse("manage:figures", args=[alpha.slug])
    client.force_login(manager)
    response = client.get(url, RANGE)
    assert response.status_code == 200
    figure = response.context["table"].get("events.checked_in")
    assert figure.total == 2
    assert reverse("manage:figures", args=[alpha.slug]) in response.content.decode()
    client.force_login(outsider)
    assert client.get(url, RANGE).status_code == 404


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("network:dashboard"), RANGE)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_queries_do_not_grow_with_centres(client, seeded, coordinator):
    client.force_login(coordinator)
    client.get(reverse("network:dashboard"), RANGE)  # warm the session and caches
    with_two = _dashboard_queries(client)
    assert with_two > 0
    for n in range(4):
        CentreFactory(country=["IT", "PT", "EE", "GR"][n])
    assert _dashboard_queries(client) == with_two


def test_a_network_wide_figure_has_a_trend_but_no_bars_or_map(
    client, seeded, coordinator
):
    client.force_login(coordinator)
    response = client.get(
        reverse("network:dashboard"), {**RANGE, "figure": "newsletters.subscribers"}
    )
    assert response.status_code == 200
    assert response.context["bars"] is None
    assert response.context["trend"] == [
        ("Nov 2025", 1),
        ("Dec 2025", 2),
        ("Jan 2026", 2),
        ("Feb 2026", 1),
    ]
    html = response.content.decode()
    assert 'id="bars-table"' not in html
    assert 'id="map-table"' not in html
    assert "counted for the network as a whole" in html


def test_csv_names_never_run_as_formulas(client, seeded, coordinator):
    alpha, _beta = seeded
    alpha.name = "=HYPERLINK(1)"
    alpha.save(update_fields=["name"])
    client.force_login(coordinator)
    rows = _csv(
        client.get(reverse("network:figure-csv"), {**RANGE, "table": "centres"})
    )
    assert {row[0]: row[1] for row in rows[1:]}["alpha"] == "'=HYPERLINK(1)"

"""The coordinator reads the network dashboard in a real browser; another
centre's manager cannot open a centre's figures. axe-core on every page."""

import os

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from events.models import Registration
from tests.network.seed import seed_known_figures

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_reads_a_chart_table_and_outsider_gets_404(
    live_server,
    browser,
    centre,
    other_centre,
    editor,
    manager,
    editor_b,
    outsider,
    coordinator,
):
    seed_known_figures(
        alpha=centre,
        beta=other_centre,
        editor=editor,
        manager=manager,
        editor_b=editor_b,
        coordinator=coordinator,
    )
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, coordinator.email, with_code=True)

    # The site's navigation leads the coordinator to the console.
    page.get_by_role("link", name="Network dashboard").click()
    page.wait_for_load_state()
    assert page.url == base + reverse("network:dashboard")
    assert page.locator("h1").inner_text() == "Network dashboard"
    assert_accessible(page)

    # Change the period: November 2025 to February 2026, per month, people registered.
    page.get_by_label("Period", exact=True).select_option("custom")
    page.get_by_label("From", exact=True).fill("2025-11-01")
    page.get_by_label("To (included)", exact=True).fill("2026-02-28")
    page.get_by_label("Show per", exact=True).select_option("month")
    page.get_by_label("Figure on the charts", exact=True).select_option(
        "events.registered"
    )
    page.get_by_role("button", name="Show the figures").click()
    page.wait_for_load_state()
    assert "figure=events.registered" in page.url
    chart = page.get_by_role(
        "img", name="Line chart: People registered, the whole network"
    )
    assert chart.count() == 1

    # Open the trend chart's data table and read January's number.
    trend = page.locator("figure:has(#trend-table)")
    trend.locator("summary").click()
    row = page.locator("#trend-table tr", has=page.locator("th", has_text="Jan 2026"))
    shown = int(row.locator("td").inner_text())
    with scopes_disabled():
        in_db = Registration.objects.filter(
            status="confirmed",
            event__status="published",
            event__starts_at__gte="2025-12-31T23:00:00Z",
            event__starts_at__lt="2026-01-31T23:00:00Z",
        ).count()
    assert shown == in_db == 4
    # The map's table agrees with the per-country table below it.
    page.locator("figure:has(#map-table) summary").click()
    germany = page.locator("#map-table tr", has=page.locator("th", has_text="Germany"))
    assert germany.locator("td").inner_text() == "3"
    assert_accessible(page)
    if os.environ.get("P2I_SCREENSHOTS"):
        page.screenshot(
            path=os.environ["P2I_SCREENSHOTS"] + "/dashboard.png", full_page=True
        )

    # The CSV link carries the period and answers with the exact numbers.
    href = trend.get_by_role("link", name="Download as CSV").get_attribute("href")
    assert "start=2025-11-01" in href and "table=trend" in href
    csv_text = page.request.get(base + href).text()
    assert "2026-01-01,Jan 2026" in csv_text
    context.close()

    # A centre's manager opens her own figures, not another centre's.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, outsider.email, with_code=True)
    own = page.goto(base + reverse("manage:figures", args=[other_centre.slug]))
    assert own.status == 200
    assert_accessible(page)
    response = page.goto(base + reverse("manage:figures", args=[centre.slug]))
    assert response.status == 404
    context.close()

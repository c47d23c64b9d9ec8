"""The coordinator reads a figure on the network dashboard, asks for an XLSX
export of the same period, watches its progress bar reach the end (the page's
script polls the status; a real Celery worker builds the file), downloads it and
finds the figure the page showed. axe-core on every page."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from network.models import ReportExport
from tests.network.export_worker import (  # noqa: F401 (fixtures)
    exports_queue,
    exports_worker,
    live_exports,
)
from tests.network.seed import seed_known_figures

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_exports_the_figure_the_dashboard_shows(
    live_server,
    browser,
    live_exports,  # noqa: F811
    centre,
    other_centre,
    editor,
    manager,
    editor_b,
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
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    blocked = []
    page.on(
        "console",
        lambda msg: (
            blocked.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    sign_in(page, base, coordinator.email, with_code=True)

    # The dashboard: November 2025 to February 2026, per month, people registered.
    page.goto(base + reverse("network:dashboard"))
    page.get_by_label("Period", exact=True).select_option("custom")
    page.get_by_label("From", exact=True).fill("2025-11-01")
    page.get_by_label("To (included)", exact=True).fill("2026-02-28")
    page.get_by_label("Show per", exact=True).select_option("month")
    page.get_by_label("Figure on the charts", exact=True).select_option(
        "events.registered"
    )
    page.get_by_role("button", name="Show the figures").click()
    page.wait_for_load_state()
    page.locator("figure:has(#trend-table) summary").click()
    row = page.locator("#trend-table tr", has=page.locator("th", has_text="Jan 2026"))
    shown = int(row.locator("td").inner_text())
    assert shown > 0

    # Its link opens the export form with the same period.
    page.get_by_role("link", name="Export these figures for a report").click()
    page.wait_for_url(re.compile(r"/network/exports/\?"))
    assert page.get_by_label("First day").input_value() == "2025-11-01"
    assert page.get_by_label("Last day").input_value() == "2026-02-28"
    assert page.get_by_label("Columns per").input_value() == "month"
    assert page.get_by_label("Excel workbook (XLSX)").is_checked()
    assert "Files are kept for 7 days" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Build the export").click()

    # The job page: the bar moves without a reload and the link appears.
    page.wait_for_url(re.compile(r"/network/exports/\d+/$"))
    export = ReportExport.objects.get()
    assert page.url == base + reverse("network:export", kwargs={"pk": export.pk})
    assert_accessible(page)
    download_link = page.get_by_role("link", name="Download the file")
    download_link.wait_for(state="visible", timeout=60000)
    assert page.locator("progress#export-progress").get_attribute("value") == "100"
    assert page.locator('[data-field="status_label"]').inner_text() == "Ready"
    assert_accessible(page)

    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename == (
        "p2i-report-network-2025-11-01-2026-02-28.xlsx"
    )
    with open(download.path(), "rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    header, *rows = book["Events"].iter_rows(values_only=True)
    january = header.index("2026-01")
    network_row = next(
        r for r in rows if r[0] == "People registered" and r[2] == "The whole network"
    )
    assert network_row[january] == shown
    assert blocked == []
    context.close()

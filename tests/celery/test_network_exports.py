"""Reporting exports built by a real Celery worker on a real Redis.

The worker is a separate `celery worker` process running tests/network/worker_app.py
(the portal's app plus the tests' indicators); it reads the rows the test
committed in PostgreSQL and writes the file to the same media storage, which
the test then opens with openpyxl and checks against counts of its own.
"""

import datetime as dt
import io
import time
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse

from network.models import ReportExport
from network.tasks import report_export_build
from tests.network.export_data import (
    expected_resource_counts,
    seed_report_data,
    test_indicator,  # noqa: F401 (fixture)
)
from tests.network.export_worker import (  # noqa: F401 (fixtures)
    exports_queue,
    exports_worker,
    live_exports,
)

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def watch(pk, timeout=60) -> list[tuple[str, int]]:
    """(status, progress) as often as it changes, until the export is final."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        export = ReportExport.objects.get(pk=pk)
        state = (export.status, export.progress)
        if not seen or seen[-1] != state:
            seen.append(state)
        if export.is_final:
            return seen
        time.sleep(0.02)
    raise AssertionError(f"export {pk} not finished in {timeout}s: {seen}")


def test_worker_builds_the_xlsx_with_exact_figures_and_a_rising_progress(
    client,
    live_exports,  # noqa: F811
    coordinator,
    centre,
    other_centre,
    manager,
    outsider,
    test_indicator,  # noqa: F811
):
    seed_report_data(
        centre=centre, other_centre=other_centre, manager=manager, outsider=outsider
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("network:exports"),
        {
            "start": "2026-01-01",
            "end": "2026-03-31",
            "granularity": "month",
            "format": "xlsx",
        },
    )
    export = ReportExport.objects.get()
    assert response.status_code == 302
    seen = watch(export.pk)

    assert seen[0] in {("queued", 0), ("running", 0)}
    assert seen[-1] == ("done", 100)
    progress = [p for _, p in seen]
    assert progress == sorted(progress)  # never backwards
    assert any(0 < p < 100 for p in progress), seen  # watched it move

    export.refresh_from_db()
    with export.file.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    expected = expected_resource_counts(
        [centre.pk, other_centre.pk], dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    )
    months = ("2026-01", "2026-02", "2026-03")
    test_rows = {
        row[2]: row
        for row in book["Test figures"].iter_rows(min_row=2, values_only=True)
    }
    for c in (centre, other_centre):
        want = [expected.get((c.pk, m), 0) for m in months]
        assert list(test_rows[c.name][4:8]) == [*want, sum(want)]
    # The portal's own figure of resources published says the same.
    knowledge = {
        row[2]: row
        for row in book["Knowledge base"].iter_rows(min_row=2, values_only=True)
        if row[0] == "Resources published"
    }
    for c in (centre, other_centre):
        want = [expected.get((c.pk, m), 0) for m in months]
        assert list(knowledge[c.name][4:8]) == [*want, sum(want)]
    assert list(knowledge["The whole network"][4:8]) == [2, 1, 1, 4]
    events = list(book["List of events"].iter_rows(min_row=2, values_only=True))
    assert [(e[0], e[4], e[5]) for e in events] == [
        ("Event 0 of ALPHA", 3, 2),
        ("Event 1 of BETA", 2, 0),
    ]

    download = client.get(reverse("network:export-download", kwargs={"pk": export.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_the_task_delivered_again_does_nothing(
    live_exports,  # noqa: F811
    coordinator,
    centre,
):
    from network import services

    export = services.report_export_request(
        user=coordinator,
        centre=centre,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 1, 31),
        granularity="month",
        format="csv",
    )
    watch(export.pk)
    export.refresh_from_db()
    assert export.status == "done"
    before = (export.file.name, export.finished_at, export.expires_at)
    log = Path(live_exports.log_path)

    def results() -> list[str]:
        return [
            line.rsplit(": ", 1)[-1]
            for line in log.read_text().splitlines()
            if "report_export_build[" in line and " succeeded in " in line
        ]

    before_runs = len(results())
    for _ in range(2):
        report_export_build.delay(export.pk)
    deadline = time.monotonic() + 30
    while len(results()) < before_runs + 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert results()[before_runs:] == ["False", "False"]
    export.refresh_from_db()
    assert (export.file.name, export.finished_at, export.expires_at) == before
    assert export.file.storage.exists(export.file.name)
    assert ReportExport.objects.count() == 1

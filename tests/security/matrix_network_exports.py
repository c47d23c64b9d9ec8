"""Permission matrix of reporting exports (/network/exports/… and
/manage/<centre>/exports/…).

The network's pages are the coordinator's alone (others 403, the anonymous the
sign-in page). A centre's pages are for its managers and the coordinator; its
editors get 403 and everyone outside the centre 404. An export itself is for
the person who asked for it and the coordinator: another manager of the same
centre, or any export put in the wrong centre's URL, answers 404. An expired
file answers 410. No check here runs a build: the queued task waits for a
commit that the matrix's transaction never makes.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

NET = "/network/exports/"
BASE = "/manage/alpha/exports/"
VALID = {
    "start": "2026-01-01",
    "end": "2026-03-31",
    "granularity": "month",
    "format": "xlsx",
}
BAD = {**VALID, "end": "2025-12-31"}


def coordinator_only(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


def own_export(manager, coordinator):
    """An export of centre A's, through A's URL (editors 403, outsiders 404)."""
    return {**workspace(403, manager), "coordinator": coordinator}


def world(values, people):
    import datetime as dt
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from network.models import ReportExport

    now = timezone.now()

    def make(by, centre, *, expired=False):
        export = ReportExport(
            requested_by=by,
            centre=centre,
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 3, 31),
            status=ReportExport.Status.DONE,
            progress=100,
            finished_at=now,
            expires_at=now + (timedelta(days=-1) if expired else timedelta(days=7)),
        )
        export.file.save(export.download_name, ContentFile(b"PK\x03\x04"), save=False)
        export.save()
        return export.pk

    centre, other = people["centre"], people["other_centre"]
    values.update(
        export_manager_a=make(people["manager"], centre),
        export_manager_a_expired=make(people["manager"], centre, expired=True),
        export_coordinator_a=make(people["coordinator"], centre),
        export_network=make(people["coordinator"], None),
        export_b=make(people["outsider"], other),
    )


def network_checks(suffix, ok):
    return [
        Check(NET + "{export_manager_a}/" + suffix, coordinator_only(ok)),
        Check(NET + "{export_network}/" + suffix, coordinator_only(ok)),
        Check(NET + "999999/" + suffix, coordinator_only(404)),
    ]


def manage_checks(suffix, ok):
    return [
        # Hers: the manager who asked and the coordinator.
        Check(BASE + "{export_manager_a}/" + suffix, own_export(ok, ok)),
        # The coordinator's export of A: not the manager's to open.
        Check(BASE + "{export_coordinator_a}/" + suffix, own_export(404, ok)),
        # Exports of another scope put in A's URL: nobody.
        Check(BASE + "{export_network}/" + suffix, own_export(404, 404)),
        Check(BASE + "{export_b}/" + suffix, own_export(404, 404)),
        Check(BASE + "999999/" + suffix, own_export(404, 404)),
        # A's export in B's URL: B's editor is below the role there (403).
        Check(
            "/manage/beta/exports/{export_manager_a}/" + suffix,
            {**signed_in(404), "anonymous": 302, "editor_b": 403},
        ),
    ]


ENTRIES = {
    "network:exports": [
        Check(NET, coordinator_only(200)),
        Check(NET, coordinator_only(302), "post", VALID),
        Check(NET, coordinator_only(400), "post", BAD),
    ],
    "network:export": network_checks("", 200),
    "network:export-status": network_checks("status/", 200),
    "network:export-download": [
        *network_checks("download/", 200),
        Check(NET + "{export_manager_a_expired}/download/", coordinator_only(410)),
    ],
    "manage:exports": [
        Check(BASE, workspace(403, 200)),
        Check(BASE, workspace(403, 302), "post", VALID),
        Check(BASE, workspace(403, 400), "post", BAD),
    ],
    "manage:export": manage_checks("", 200),
    "manage:export-status": manage_checks("status/", 200),
    "manage:export-download": [
        *manage_checks("download/", 200),
        Check(BASE + "{export_manager_a_expired}/download/", own_export(410, 410)),
    ],
}

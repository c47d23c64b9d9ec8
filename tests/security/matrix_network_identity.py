"""Permission matrix of the project's identity and the network's activity log
(/network/partners/…, /network/project/, /network/activity/).

The coordinator (with 2FA) alone; every other persona is refused (403) and the
anonymous sent to sign in. Bad input answers 400 with nothing changed; a missing
partner is 404 for the coordinator and never revealed to anyone else.
"""

from tests.security.test_permission_matrix import Check, everyone

BASE = "/network/"


def coordinator_only(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


ENTRIES = {
    "network:partners": [Check(BASE + "partners/", coordinator_only(200))],
    "network:partner-create": [
        Check(BASE + "partners/new/", coordinator_only(200)),
        Check(
            BASE + "partners/new/",
            coordinator_only(400),
            "post",
            {"organisation": "Bad URL", "role": "partner", "website": "not a url"},
        ),
        Check(
            BASE + "partners/new/",
            coordinator_only(302),
            "post",
            {"organisation": "Matrix Partner", "role": "partner", "is_active": "on"},
        ),
    ],
    "network:partner-edit": [
        Check(BASE + "partners/{partner_a}/edit/", coordinator_only(200)),
        Check(
            BASE + "partners/{partner_a}/edit/",
            coordinator_only(302),
            "post",
            {"organisation": "Renamed", "role": "partner"},
        ),
        Check(BASE + "partners/999999/edit/", coordinator_only(404)),
    ],
    "network:partner-remove": [
        Check(BASE + "partners/{partner_a}/remove/", coordinator_only(302), "post"),
        Check(BASE + "partners/{partner_a}/remove/", coordinator_only(405)),
        Check(BASE + "partners/999999/remove/", coordinator_only(404), "post"),
    ],
    "network:partner-move": [
        Check(
            BASE + "partners/{partner_a}/move/",
            coordinator_only(302),
            "post",
            {"direction": "down"},
        ),
        Check(BASE + "partners/{partner_a}/move/", coordinator_only(405)),
        Check(
            BASE + "partners/999999/move/",
            coordinator_only(404),
            "post",
            {"direction": "up"},
        ),
    ],
    "network:project": [
        Check(BASE + "project/", coordinator_only(200)),
        Check(
            BASE + "project/",
            coordinator_only(400),
            "post",
            {
                "name": "Procure2Innovate",
                "start_year": "2018",
                "end_year": "2022",
                "partner_count": "17",
                "funding_programme": "h2020",
                "grant_agreement": "No 12",
            },
        ),
    ],
    "network:activity": [
        Check(BASE + "activity/", coordinator_only(200)),
        Check(
            BASE + "activity/?centre=alpha&what=centres.invitation",
            coordinator_only(200),
        ),
        # Bad filters: the whole log with a message, not an error page.
        Check(BASE + "activity/?date_from=yesterday", coordinator_only(200)),
    ],
}


def world(values, people):
    from network.models import Partner, ProjectIdentity

    # The migration creates the row, but a flushed test database has none; the
    # admin checks open it as /admin/network/projectidentity/1/.
    assert ProjectIdentity.current().pk == 1

    values["partner_a"] = Partner.objects.create(
        organisation="Matrix Organisation", role=Partner.Role.PARTNER, order=0
    ).pk
    Partner.objects.create(
        organisation="Second Organisation", role=Partner.Role.PARTNER, order=1
    )

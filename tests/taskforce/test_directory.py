"""The member directory and its filters, and a project's CSV of members."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from communities.models import TaskForceApplication
from tests.factories import CentreFactory

from .helpers import apply, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(build, procedin):
    return {
        "tartu": member(build, procedin),
        "acme": member(
            build,
            email="acme@example.org",
            organisation="Acme GmbH",
            organisation_type="business",
            country="DE",
            sectors=["ict"],
        ),
        "oulu": member(
            procedin,
            email="oulu@example.org",
            organisation="City of Oulu",
            country="FI",
            sectors=["energy"],
        ),
        "hidden": member(
            build,
            email="hidden@example.org",
            organisation="Quiet Hospital",
            consent_directory=False,
        ),
        "open": apply(build, email="open@example.org", organisation="Still Open"),
    }


def names(client, query=""):
    page = client.get(reverse("taskforce:members") + query)
    assert page.status_code == 200
    return page.content.decode()


def test_the_directory_lists_accepted_members_who_agreed(client, members):
    page = names(client)
    assert "City of Tartu" in page and "Acme GmbH" in page and "City of Oulu" in page
    assert "Quiet Hospital" not in page and "Still Open" not in page
    assert "3 members" in page


@pytest.mark.parametrize(
    ("query", "shown", "not_shown"),
    [
        ("?type=business", ["Acme GmbH"], ["City of Tartu", "City of Oulu"]),
        ("?country=FI", ["City of Oulu"], ["City of Tartu", "Acme GmbH"]),
        ("?sector=circular", ["City of Tartu"], ["Acme GmbH", "City of Oulu"]),
        ("?project=procedin", ["City of Tartu", "City of Oulu"], ["Acme GmbH"]),
        ("?project=build&type=city", ["City of Tartu"], ["Acme GmbH", "City of Oulu"]),
    ],
)
def test_the_directory_filters(client, members, query, shown, not_shown):
    page = names(client, query)
    for name in shown:
        assert name in page
    for name in not_shown:
        assert name not in page


def test_nonsense_filters_are_ignored(client, members):
    page = names(client, "?type=x&country=%00&sector=y&project=nope&page=abc")
    assert "3 members" in page


def test_the_csv_lists_the_projects_members_escaped(
    client, build, build_staff, members
):
    member(build, email="evil@example.org", organisation="=HYPERLINK(1)")
    client.force_login(build_staff)
    response = client.get(
        reverse("manage:applications:members-csv", kwargs={"centre_slug": "build"})
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Organisation"
    organisations = [row[0] for row in rows[1:]]
    assert organisations == [
        "'=HYPERLINK(1)",
        "Acme GmbH",
        "City of Tartu",
        "Quiet Hospital",
    ]
    tartu = next(row for row in rows if row[0] == "City of Tartu")
    assert tartu[2] == "EE" and tartu[4] == "kaisa@tartu.example.org"
    assert tartu[6] == "BUILD; PROCEDIN"
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="communities.taskforce.exported")
    assert entry.centre == build and entry.data["rows"] == 4


def test_the_csv_dates_acceptance_by_the_sites_calendar(client, build, build_staff):
    accepted = member(build)
    # 00:30 on New Year's Day in Brussels is still New Year's Eve in UTC.
    decided_at = dt.datetime(2027, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    TaskForceApplication.objects.filter(pk=accepted.pk).update(decided_at=decided_at)
    client.force_login(build_staff)
    response = client.get(
        reverse("manage:applications:members-csv", kwargs={"centre_slug": "build"})
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][8] == "Accepted on"
    assert rows[1][8] == "2027-01-01"


def test_another_projects_csv_is_404(client, build, procedin, build_staff, members):
    client.force_login(build_staff)
    response = client.get(
        reverse("manage:applications:members-csv", kwargs={"centre_slug": "procedin"})
    )
    assert response.status_code == 404


def test_a_national_centres_workspace_has_no_applications(client, build, members):
    from centres.models import Role
    from tests.factories import UserFactory, membership_create

    national = CentreFactory(slug="koinno", short_name="KOINNO")
    staff = UserFactory(email="staff@koinno.example.org")
    membership_create(centre=national, user=staff, role=Role.EDITOR)
    client.force_login(staff)
    page = client.get(
        reverse("manage:applications:list", kwargs={"centre_slug": "koinno"})
    )
    assert "City of Tartu" not in page.content.decode()


def test_a_linked_member_finds_her_profile_from_the_directory(client, build):
    from tests.factories import UserFactory

    application = member(build)
    user = UserFactory(email=application.email)
    application.user = user
    application.save(update_fields=["user"])
    client.force_login(user)
    page = names(client)
    assert reverse("taskforce:profile") in page

"""Applying: the form, the address confirmed by a signed link before any
project sees the application, rate limits, bad input refused."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from communities.models import TaskForceApplication

from .helpers import link_in, mails_to, reload

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        "organisation": "Evil <b>Town",
        "organisation_type": "city",
        "country": "EE",
        "contact_name": "Kaisa Tamm",
        "email": "Kaisa@Tartu.example.org",
        "projects": ["build"],
        "motivation": "We want to learn.",
        "sectors": ["circular"],
        "consent_directory": "on",
        **changes,
    }
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_offers_the_projects(client, build, procedin):
    page = client.get(reverse("taskforce:join"))
    assert page.status_code == 200
    assert 'value="build"' in page.content.decode()
    assert 'value="procedin"' in page.content.decode()


def test_a_city_applies_and_confirms_before_the_projects_see_it(
    client, build, procedin, build_staff, sent
):
    with sent():
        response = client.post(
            reverse("taskforce:join"), form(projects=["build", "procedin"])
        )
    assert response.status_code == 302
    application = TaskForceApplication.objects.get()
    assert application.email == "kaisa@tartu.example.org"
    assert application.confirmed_at is None
    assert set(application.projects.values_list("slug", flat=True)) == {
        "build",
        "procedin",
    }
    assert application.sectors == ["circular"] and application.consent_directory
    # Not in the workspace yet, nothing in the activity log.
    client.force_login(build_staff)
    listing = client.get(
        reverse("manage:applications:list", kwargs={"centre_slug": "build"})
    )
    assert "Evil" not in listing.content.decode()
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action__startswith="communities").exists()
    client.logout()
    # The confirmation mail carries nothing she typed in its subject or first line.
    (message,) = mail.outbox
    assert message.to == ["kaisa@tartu.example.org"]
    assert message.subject == "Confirm your application to the task force"
    assert message.body.splitlines()[0] == "Hello,"
    assert "Evil" not in message.body and "Kaisa" not in message.body
    confirm = link_in(message, "/task-force/confirm/")
    assert client.get(confirm).status_code == 200
    assert reload(application).confirmed_at is None  # a GET confirms nothing
    with sent():
        done = client.post(confirm)
    application = reload(application)
    assert done.status_code == 302 and done["Location"] == application.follow_url()
    assert application.confirmed_at is not None
    with scopes_disabled():
        assert set(
            AuditEntry.objects.filter(
                action="communities.application.received"
            ).values_list("centre__slug", flat=True)
        ) == {"build", "procedin"}
    (received,) = mails_to("kaisa@tartu.example.org", "We received your application")
    assert "BUILD" in received.body and "PROCEDIN" in received.body
    # BUILD's team hears of it, with a link to the application in its workspace.
    (notice,) = mails_to(build_staff.email, "New task-force application")
    assert notice.subject == "New task-force application: Evil <b>Town"
    assert link_in(notice, "/applications/") == reverse(
        "manage:applications:detail",
        kwargs={"centre_slug": "build", "pk": application.pk},
    )
    # Confirming twice changes nothing and sends nothing more.
    with sent():
        client.post(confirm)
    assert len(mail.outbox) == 3
    client.force_login(build_staff)
    listing = client.get(
        reverse("manage:applications:list", kwargs={"centre_slug": "build"})
    )
    assert "Evil &lt;b&gt;Town" in listing.content.decode()


def test_the_application_page_needs_a_confirmed_signed_link(client, build):
    client.post(reverse("taskforce:join"), form(projects=["build"]))
    application = TaskForceApplication.objects.get()
    follow = reverse(
        "taskforce:application", kwargs={"token": application.token("follow")}
    )
    assert client.get(follow).status_code == 404  # unconfirmed
    forged = reverse("taskforce:confirm", kwargs={"token": f"{application.pk}:x"})
    assert client.get(forged).status_code == 404
    wrong_purpose = reverse(
        "taskforce:confirm", kwargs={"token": application.token("follow")}
    )
    assert client.get(wrong_purpose).status_code == 404


@pytest.mark.parametrize(
    "changes",
    [
        {"projects": None},
        {"projects": ["no-such-project"]},
        {"email": "not-an-address"},
        {"motivation": "   "},
        {"sectors": None},
        {"organisation_type": "pirate"},
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, build, changes):
    response = client.post(reverse("taskforce:join"), form(**changes))
    assert response.status_code == 400
    assert TaskForceApplication.objects.count() == 0
    assert mail.outbox == []


def test_a_national_centre_is_not_a_project(client, build, centre):
    response = client.post(reverse("taskforce:join"), form(projects=["alpha"]))
    assert response.status_code == 400
    assert TaskForceApplication.objects.count() == 0


@override_settings(NEWSLETTER_RATE_LIMITS={"taskforce_join_email": (1, 3600)})
def test_one_address_is_rate_limited(client, build, procedin):
    assert client.post(reverse("taskforce:join"), form()).status_code == 302
    again = client.post(reverse("taskforce:join"), form(organisation="Other"))
    assert again.status_code == 429
    assert TaskForceApplication.objects.count() == 1


@override_settings(NEWSLETTER_RATE_LIMITS={"taskforce_join_ip": (1, 600)})
def test_one_network_is_rate_limited(client, build, procedin):
    assert client.post(reverse("taskforce:join"), form()).status_code == 302
    again = client.post(reverse("taskforce:join"), form(email="b@example.org"))
    assert again.status_code == 429
    assert TaskForceApplication.objects.count() == 1

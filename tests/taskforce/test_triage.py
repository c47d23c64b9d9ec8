"""Triage in a project's workspace: the list and its filters, accept, decline
with a message, ask a question answered by the applicant's signed link; the
applicant is mailed at each step; another project's application is 404."""

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from communities.models import TaskForceApplication

from .helpers import apply, link_in, mails_to, reload

pytestmark = pytest.mark.django_db


def url(name, application=None, slug="build"):
    kwargs = {"centre_slug": slug}
    if application is not None:
        kwargs["pk"] = application.pk
    return reverse(f"manage:applications:{name}", kwargs=kwargs)


def actions(slug):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(
                centre__slug=slug, action__startswith="communities."
            )
            .order_by("pk")
            .values_list("action", flat=True)
        )


def test_the_list_shows_the_projects_applications_with_filters(
    client, build, procedin, build_staff
):
    tartu = apply(build)
    apply(build, procedin, email="acme@example.org", organisation="Acme GmbH",
          organisation_type="business", country="DE")  # fmt: skip
    apply(procedin, email="oulu@example.org", organisation="City of Oulu")
    apply(
        build, email="pending@example.org", organisation="Unconfirmed", confirmed=False
    )
    client.force_login(build_staff)
    page = client.get(url("list")).content.decode()
    assert "City of Tartu" in page and "Acme GmbH" in page
    assert "City of Oulu" not in page and "Unconfirmed" not in page
    assert "New: 2" in page
    page = client.get(url("list") + "?type=business").content.decode()
    assert "Acme GmbH" in page and "City of Tartu" not in page
    page = client.get(url("list") + "?country=EE").content.decode()
    assert "City of Tartu" in page and "Acme GmbH" not in page
    page = client.get(url("list") + "?status=accepted").content.decode()
    assert "City of Tartu" not in page
    # Nonsense filters are ignored, never an error.
    assert client.get(url("list") + "?status=x&type=%00&country=ZZ").status_code == 200
    assert client.get(url("detail", tartu)).status_code == 200


def test_accepting_mails_the_welcome_link_and_is_logged(
    client, build, build_staff, sent
):
    application = apply(build)
    mail.outbox.clear()
    client.force_login(build_staff)
    with sent():
        response = client.post(url("accept", application))
    assert response.status_code == 302
    application = reload(application)
    assert application.status == "accepted" and application.decided_by == build
    (message,) = mails_to(application.email, "Welcome to the Innovation")
    assert "BUILD accepted City of Tartu" in message.body
    welcome = link_in(message, "/task-force/welcome/")
    assert welcome == application.follow_url()
    assert (
        message.body.split("/task-force/welcome/")[0]
        .rsplit(None, 1)[-1]
        .startswith("http")
    )
    assert actions("build") == [
        "communities.application.received",
        "communities.application.accepted",
    ]
    # Decided: no second decision.
    again = client.post(url("decline", application), {"message": "No."})
    assert again.status_code == 400
    assert reload(application).status == "accepted"


def test_declining_needs_a_message_which_she_receives(client, build, build_staff, sent):
    application = apply(build)
    mail.outbox.clear()
    client.force_login(build_staff)
    empty = client.post(url("decline", application), {"message": "  "})
    assert empty.status_code == 400 and reload(application).status == "new"
    with sent():
        client.post(url("decline", application), {"message": "We only take cities."})
    application = reload(application)
    assert application.status == "declined"
    assert application.decline_message == "We only take cities."
    (message,) = mails_to(application.email, "Your application to the task force")
    assert "We only take cities." in message.body
    assert "communities.application.declined" in actions("build")


def test_a_question_is_answered_by_her_link_and_shows_in_the_workspace(
    client, build, procedin, build_staff, procedin_staff, sent
):
    application = apply(build, procedin)
    mail.outbox.clear()
    client.force_login(build_staff)
    assert client.post(url("ask", application), {"question": ""}).status_code == 400
    with sent():
        client.post(
            url("ask", application), {"question": "How many procurers would attend?"}
        )
    assert reload(application).status == "asked"
    (message,) = mails_to(application.email, "A question about your application")
    assert "How many procurers would attend?" in message.body
    client.logout()
    page = link_in(message, "/task-force/application/")
    assert "How many procurers" in client.get(page).content.decode()
    assert client.post(page, {"body": ""}).status_code == 400
    with sent():
        response = client.post(page, {"body": "Twelve, in Estonian and English."})
    assert response.status_code == 302
    for staff in (build_staff, procedin_staff):
        (notice,) = mails_to(staff.email, "An applicant answered")
        assert "Twelve, in Estonian and English." in notice.body
    assert reload(application).status == "new"
    # The answer is in both projects' workspaces and activity logs.
    client.force_login(procedin_staff)
    detail = client.get(url("detail", application, slug="procedin")).content.decode()
    assert "Twelve, in Estonian and English." in detail
    assert "communities.application.answered" in actions("build")
    assert "communities.application.answered" in actions("procedin")
    assert "communities.application.asked" in actions("build")
    # No open question: nothing more to answer.
    client.logout()
    assert client.post(page, {"body": "More"}).status_code == 400


def test_another_projects_application_is_404(
    client, build, procedin, build_staff, sent
):
    theirs = apply(procedin)
    client.force_login(build_staff)
    for name in ("detail",):
        assert client.get(url(name, theirs)).status_code == 404
    for name, data in (
        ("accept", {}),
        ("decline", {"message": "No"}),
        ("ask", {"question": "Why?"}),
    ):
        assert client.post(url(name, theirs), data).status_code == 404
    assert reload(theirs).status == "new"
    # And another project's workspace is not hers at all.
    assert client.get(url("list", slug="procedin")).status_code == 404


def test_an_unconfirmed_application_is_not_in_the_workspace(client, build, build_staff):
    pending = apply(build, confirmed=False)
    client.force_login(build_staff)
    assert client.get(url("detail", pending)).status_code == 404
    assert client.post(url("accept", pending)).status_code == 404
    assert TaskForceApplication.objects.get().status == "new"


def test_waiting_applications_are_on_the_workspace_home(
    client, build, procedin, build_staff, sent
):
    waiting = apply(build)
    apply(procedin, email="oulu@example.org", organisation="City of Oulu")
    decided = apply(build, email="done@example.org", organisation="Decided Town")
    from communities import participation_services as services

    services.application_accept(application=decided, project=build, by=build_staff)
    client.force_login(build_staff)
    page = client.get(
        reverse("manage:dashboard", kwargs={"centre_slug": "build"})
    ).content.decode()
    assert url("detail", waiting) in page
    assert "Task-force application waiting for your decision" in page
    assert "City of Oulu" not in page and url("detail", decided) not in page


def test_the_activity_log_links_to_the_application(client, build, build_staff):
    application = apply(build)
    client.force_login(build_staff)
    page = client.get(
        reverse("manage:activity", kwargs={"centre_slug": "build"})
    ).content.decode()
    assert "Received a task-force application" in page
    assert url("detail", application) in page

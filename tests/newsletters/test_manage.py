"""A centre contributes a section from its workspace; scoping keeps centres apart."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from centres.models import AuditEntry
from newsletters import services
from newsletters.models import Section
from tests.newsletters.factories import issue_ready

pytestmark = pytest.mark.django_db


def test_editor_contributes_and_submits_a_section(client, editor, centre, coordinator):
    issue = issue_ready(by=coordinator, subject="Spring issue")
    client.force_login(editor)
    page = client.get("/manage/alpha/newsletter/")
    assert b"Spring issue" in page.content
    response = client.post(
        f"/manage/alpha/newsletter/issues/{issue.pk}/new/",
        {
            "title": "Alpha trains buyers",
            "body": "Our **new** course.",
            "submit_now": "1",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        section = Section.objects.get(centre=centre)
    assert section.status == "submitted" and section.created_by == editor
    with scope(centre=centre):
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"newsletters.section.created", "newsletters.section.submitted"} <= actions
    # The coordinator sees it waiting.
    client.force_login(coordinator)
    assert (
        b"Alpha trains buyers"
        in client.get(
            reverse("newsletters:compose-detail", kwargs={"pk": issue.pk})
        ).content
    )


def test_a_returned_section_can_be_edited_and_resubmitted(
    client, editor, centre, coordinator
):
    issue = issue_ready(by=coordinator)
    section = services.section_submit(
        section=services.section_create(
            issue=issue, centre=centre, by=editor, data={"title": "v1", "body": "x"}
        ),
        by=editor,
    )
    services.section_review(
        section=section, by=coordinator, accept=False, comment="Add a link."
    )
    client.force_login(editor)
    page = client.get(f"/manage/alpha/newsletter/{section.pk}/")
    assert b"Add a link." in page.content
    client.post(
        f"/manage/alpha/newsletter/{section.pk}/",
        {"title": "v2", "body": "With https://example.org", "submit_now": "1"},
    )
    section.refresh_from_db()
    assert section.title == "v2" and section.status == "submitted"


def test_sections_are_centre_private(editor_b, centre, editor, coordinator, client):
    issue = issue_ready(by=coordinator)
    section = services.section_create(
        issue=issue, centre=centre, by=editor, data={"title": "Secret", "body": "x"}
    )
    client.force_login(editor_b)
    assert client.get(f"/manage/beta/newsletter/{section.pk}/").status_code == 404
    assert b"Secret" not in client.get("/manage/beta/newsletter/").content
    # Without a scope the manager refuses to answer at all.
    from django_scopes.exceptions import ScopeError

    with pytest.raises(ScopeError):
        list(Section.objects.all())


def test_closed_issue_takes_no_contribution(client, editor, coordinator):
    issue = issue_ready(by=coordinator, contributions_open=False)
    client.force_login(editor)
    assert (
        client.get(f"/manage/alpha/newsletter/issues/{issue.pk}/new/").status_code
        == 404
    )

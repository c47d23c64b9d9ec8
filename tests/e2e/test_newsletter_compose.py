"""The coordinator composes, previews, tests, schedules and sends an issue and
watches the progress page; a centre contributes a section. In a browser."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from newsletters.models import Issue, Section
from tests.newsletters.factories import issue_ready, subscriber_create

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_csp(page) -> list:
    blocked = []
    page.on(
        "console",
        lambda msg: (
            blocked.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    return blocked


def test_centre_contributes_a_section(live_server, page, centre, editor, coordinator):
    issue = issue_ready(by=coordinator, subject="Winter issue")
    base = live_server.url
    sign_in(page, base, editor.email)
    page.goto(base + "/manage/alpha/")
    page.get_by_role("navigation", name="Workspace").get_by_role(
        "link", name="Newsletter"
    ).click()
    page.wait_for_url(re.compile(r"/manage/alpha/newsletter/$"))
    assert_accessible(page)
    page.get_by_role("link", name="Contribute a section — Winter issue").click()
    page.get_by_label("Title").fill("Alpha opens a helpdesk")
    page.get_by_label("Text").fill("Buyers can now call us **every day**.")
    assert_accessible(page)
    page.get_by_role("button", name="Save and send to the coordinator").click()
    page.wait_for_url(re.compile(r"/manage/alpha/newsletter/$"))
    assert "Section sent to the coordinator." in page.locator(".messages").inner_text()
    assert_accessible(page)
    with scopes_disabled():
        section = Section.objects.get(centre=centre)
    assert section.status == "submitted" and section.issue == issue


def test_coordinator_composes_previews_schedules_sends_and_watches(
    live_server, browser, centre, editor, coordinator
):
    for i in range(3):
        subscriber_create(f"sub{i}@example.org")
    from newsletters import services

    waiting = issue_ready(by=coordinator, subject="Older draft")
    contribution = services.section_submit(
        section=services.section_create(
            issue=waiting,
            centre=centre,
            by=editor,
            data={"title": "Alpha's news", "body": "From alpha."},
        ),
        by=editor,
    )
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    blocked = watch_csp(page)
    sign_in(page, base, coordinator.email, with_code=True)

    # Review a centre's contribution.
    page.goto(base + reverse("newsletters:compose-detail", kwargs={"pk": waiting.pk}))
    assert_accessible(page)
    page.get_by_role("button", name="Accept Alpha's news").click()
    page.wait_for_load_state()
    contribution.refresh_from_db()
    assert contribution.status == "accepted"

    # Compose a new issue.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Compose newsletter"
    ).click()
    page.wait_for_url(re.compile(r"/newsletter/compose/$"))
    assert_accessible(page)
    page.get_by_role("link", name="New issue").click()
    page.get_by_label("Subject").fill("Task force news: browser edition")
    page.get_by_label("Introduction").fill("Hello from the **browser**.")
    assert_accessible(page)
    page.get_by_role("button", name="Create the draft").click()
    page.wait_for_url(re.compile(r"/newsletter/compose/\d+/$"))
    issue = Issue.objects.get(subject="Task force news: browser edition")
    page.get_by_role("link", name="Write a section").click()
    page.get_by_label("Title").fill("Joint workshop in Lisbon")
    page.get_by_label("Text").fill("Register now for the joint workshop.")
    page.get_by_role("button", name="Save the section").click()
    page.wait_for_url(re.compile(rf"/newsletter/compose/{issue.pk}/$"))
    assert page.locator("#audience-count").inner_text() == "3"
    assert_accessible(page)

    # Preview, as recipients will see it.
    with context.expect_page() as opened:
        page.evaluate(
            "href => window.open(href)",
            reverse("newsletters:compose-preview", kwargs={"pk": issue.pk}),
        )
    preview = opened.value
    preview.wait_for_load_state()
    assert "Joint workshop in Lisbon" in preview.content()
    preview.close()

    # A test to oneself.
    mail.outbox.clear()
    page.get_by_role("button", name="Send a test to me").click()
    page.wait_for_load_state()
    assert [m.to for m in mail.outbox] == [[coordinator.email]]

    # Schedule, then decide to send now after all.
    page.get_by_label("Send at").fill("2031-05-04T09:30")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_load_state()
    issue.refresh_from_db()
    assert issue.status == "scheduled"
    assert "Scheduled for" in page.content()
    page.get_by_role("link", name="Send now…").click()
    page.wait_for_load_state()
    assert page.locator("#recipient-count").inner_text() == "3"
    assert_accessible(page)
    mail.outbox.clear()
    page.get_by_role("button", name="Send now").click()
    page.wait_for_url(re.compile(rf"/newsletter/compose/{issue.pk}/progress/$"))
    assert "Sending progress" in page.locator("h1").inner_text()
    page.wait_for_function(
        "() => document.querySelector('[data-field=sent]').textContent.trim() === '3'"
    )
    assert page.locator('[data-field="queued"]').inner_text() == "0"
    assert_accessible(page)
    assert len(mail.outbox) == 3
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert blocked == []
    # The issue is in the public archive now.
    page.goto(base + reverse("newsletters:archive"))
    assert_accessible(page)
    page.get_by_role("link", name="Task force news: browser edition").click()
    page.wait_for_load_state()
    assert "Joint workshop in Lisbon" in page.content()
    assert_accessible(page)
    context.close()

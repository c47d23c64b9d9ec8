"""In a browser: an editor submits a resource, its manager gets the e-mail and
finds it under "Needs your action" on her workspace home; the editor turns a
notification off on her profile. axe-core finds nothing serious on either page.

Transactional mail in the test settings runs eagerly into Django's locmem
outbox, which the live server's thread shares with the test."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.notifications import Kind
from tests.factories import resource_create

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_submitted_resource_reaches_its_manager_by_mail_and_on_her_home(
    live_server, browser, centre, editor, manager
):
    base = live_server.url
    draft = resource_create(centre=centre, by=editor, title="Guide to joint tenders")
    detail = reverse("manage:resources:detail", args=["alpha", draft.pk])

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, editor.email)
    # Nothing waits for the editor yet: the list says so in words.
    page.goto(base + reverse("manage:dashboard", args=["alpha"]))
    section = page.locator("section[aria-labelledby=actions-title]")
    assert "Nothing is waiting for you in this workspace." in section.inner_text()
    assert_accessible(page)

    mail.outbox.clear()
    page.goto(base + detail)
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert mail.outbox[0].subject == "Waiting for your review: Guide to joint tenders"

    # The editor turns "published" mails off on her profile.
    page.goto(base + reverse("accounts:profile"))
    box = page.get_by_label("A resource I wrote is published")
    assert box.is_checked()
    box.uncheck()
    page.get_by_role("button", name="Save notifications").click()
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    assert page.get_by_text("Your notification settings were saved.").is_visible()
    assert not page.get_by_label("A resource I wrote is published").is_checked()
    assert_accessible(page)
    context.close()
    editor.refresh_from_db()
    assert editor.notifications_off == [Kind.RESOURCE_PUBLISHED]

    # The manager finds the resource on her workspace home and opens it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, manager.email, with_code=True)
    page.goto(base + reverse("manage:dashboard", args=["alpha"]))
    section = page.locator("section[aria-labelledby=actions-title]")
    text = section.inner_text()
    assert "Guide to joint tenders" in text
    assert "Waiting for your review" in text
    assert "waiting for" in text
    assert_accessible(page)
    section.get_by_role("link", name="Guide to joint tenders").click()
    page.wait_for_url(re.compile(re.escape(detail) + "$"))

    # She publishes it: the author turned that mail off, so none is sent.
    mail.outbox.clear()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert mail.outbox == []
    context.close()

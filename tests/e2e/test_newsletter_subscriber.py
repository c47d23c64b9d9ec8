"""A reader subscribes, confirms from the e-mail, changes preferences from a
newsletter's link and leaves with the one-click unsubscribe; in a browser, with
axe-core finding nothing serious on the way."""

import re

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from newsletters import services
from newsletters.models import Subscriber
from tests.newsletters.factories import issue_ready

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_subscribe_confirm_preferences_and_one_click_unsubscribe(
    live_server, page, browser
):
    base = live_server.url
    mail.outbox.clear()
    page.goto(base + reverse("newsletters:subscribe"))
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("Reader@Example.org")
    page.get_by_label("Your name (optional)").fill("Rea Reader")
    page.get_by_label("Weekly").check()
    page.get_by_label("I agree (see the text above)").check()
    page.get_by_role("button", name="Subscribe", exact=True).click()
    page.wait_for_url(re.compile(r"/newsletter/thanks/$"))
    assert "Check your inbox" in page.locator("h1").inner_text()
    assert_accessible(page)
    assert Subscriber.objects.get().status == "pending"

    # The confirmation e-mail: its link opens a page; the button confirms.
    [message] = mail.outbox
    link = next(w for w in message.body.split() if "/newsletter/confirm/" in w)
    page.goto(base + path_of(link))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my subscription").click()
    page.wait_for_load_state()
    assert "Subscription confirmed" in page.locator("h1").inner_text()
    assert_accessible(page)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed" and subscriber.digest_frequency == "weekly"

    # An issue arrives; its preference link needs no sign-in.
    issue = issue_ready(subject="Browser issue")
    mail.outbox.clear()
    with transaction.atomic():
        services.issue_start(issue=issue)
    [newsletter] = [m for m in mail.outbox if m.to[0].endswith("reader@example.org>")]
    prefs = next(
        w
        for w in newsletter.body.split()
        if reverse("newsletters:preferences-account") in w
    )
    page.goto(base + path_of(prefs))
    assert "Your newsletter preferences" in page.locator("h1").inner_text()
    assert_accessible(page)
    page.get_by_label("Monthly").check()
    page.get_by_label("Health").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_load_state()
    assert (
        page.locator(".alert--success")
        .inner_text()
        .strip()
        .endswith("Your choices are saved.")
    )
    subscriber.refresh_from_db()
    assert subscriber.digest_frequency == "monthly"
    assert subscriber.sectors == ["health"]

    # The unsubscribe link in a browser only asks (a GET changes nothing) …
    header = newsletter.extra_headers["List-Unsubscribe"]
    url = re.findall(r"<(http[^>]+)>", header)[0]
    page.goto(base + path_of(url))
    assert page.get_by_role("button", name="Unsubscribe").is_visible()
    assert_accessible(page)
    subscriber.refresh_from_db()
    assert subscriber.wants_newsletter

    # … and the mail client's one-click POST, without cookies, unsubscribes.
    fresh = browser.new_context()
    try:
        response = fresh.request.post(
            base + path_of(url),
            data="List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert response.status == 200
    finally:
        fresh.close()
    subscriber.refresh_from_db()
    assert not subscriber.wants_newsletter
    assert subscriber.digest_frequency == "monthly"  # the other list stays

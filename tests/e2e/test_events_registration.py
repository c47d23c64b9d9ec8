"""A visitor registers for a webinar and confirms from the e-mail; the event fills
up and the next person is waitlisted; a cancellation promotes them. In a real
browser, with axe-core, and with the visitor's own time zone shown by our script."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from events.models import Registration
from tests.events.helpers import make_event

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_in_mail(address, subject_part, marker):
    [message] = [
        m
        for m in mail.outbox
        if address in m.to and subject_part.lower() in m.subject.lower()
    ]
    url = next(word for word in message.body.split() if marker in word)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def register_as_visitor(browser, base, slug, name, email):
    """A fresh browser (another person) registers and confirms from the mail."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="America/New_York"
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(base + reverse("events:detail", kwargs={"slug": slug}))
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your e-mail address").fill(email)
    page.get_by_label("Organisation").fill("City of Tartu")
    page.locator("#register form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Almost done" in page.locator(".messages").inner_text()
    confirm = link_in_mail(email, "confirm", "/confirm/")
    page.goto(base + confirm)
    assert page.locator("h1").inner_text() == "Confirm your registration"
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my registration").click()
    page.wait_for_url(re.compile(r"/events/registration/"))
    return context, page


def status_of(email):
    with scopes_disabled():
        return Registration.objects.get(
            email=email, status__in=["confirmed", "waitlisted"]
        ).status


def test_visitors_register_fill_the_webinar_wait_and_move_up(
    live_server, browser, centre, manager
):
    base = live_server.url
    event = make_event(
        centre=centre,
        by=manager,
        title="Webinar: buying innovation in health",
        capacity=2,
        timezone="Europe/Berlin",
        questions=[{"label": "Organisation", "required": True}],
    )

    # The first visitor: the page is accessible and shows both time zones.
    ctx1, page = register_as_visitor(
        browser, base, event.slug, "Vera Visitor", "vera@example.org"
    )
    assert "Your registration is confirmed" in page.locator(".messages").inner_text()
    assert "https://meet.example.eu/secret-room" in page.content()
    assert status_of("vera@example.org") == "confirmed"
    confirmation = [
        m
        for m in mail.outbox
        if "vera@example.org" in m.to and "registered" in m.subject
    ]
    assert confirmation and confirmation[0].attachments  # the .ics
    page.goto(base + reverse("events:detail", kwargs={"slug": event.slug}))
    local = page.locator(".event-localtime")
    local.wait_for(state="visible")
    assert "America/New_York" in local.inner_text()
    assert "(Europe/Berlin)" in page.locator(".event-facts time").inner_text()
    assert "secret-room" not in page.content()  # an anonymous page again
    assert_accessible(page)

    # The second fills the last seat; the third is waitlisted.
    ctx2, _ = register_as_visitor(browser, base, event.slug, "Wim", "wim@example.org")
    assert status_of("wim@example.org") == "confirmed"
    ctx3, page3 = register_as_visitor(
        browser, base, event.slug, "Lena Late", "lena@example.org"
    )
    assert status_of("lena@example.org") == "waitlisted"
    assert "position 1" in page3.locator(".facts").inner_text()
    assert [
        m
        for m in mail.outbox
        if "lena@example.org" in m.to and "waiting list" in m.subject
    ]
    page3.goto(base + reverse("events:detail", kwargs={"slug": event.slug}))
    assert "Fully booked" in page3.locator("#register").inner_text()

    # Vera cancels from the link in her e-mail: Lena moves up and is told.
    manage = link_in_mail(
        "vera@example.org",
        "registered",
        reverse("events:detail", kwargs={"slug": "registration"}),
    )
    page.goto(base + manage)
    assert_accessible(page)
    page.get_by_role("button", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert "was cancelled" in page.locator(".messages").inner_text()
    assert status_of("lena@example.org") == "confirmed"
    promotion = link_in_mail(
        "lena@example.org",
        "a seat for you",
        reverse("events:detail", kwargs={"slug": "registration"}),
    )
    page3.goto(base + promotion)
    assert "Confirmed" in page3.locator(".facts").inner_text()
    assert "https://meet.example.eu/secret-room" in page3.content()
    for ctx in (ctx1, ctx2, ctx3):
        ctx.close()


def test_calendar_and_filters_work_without_javascript(
    live_server, browser, centre, manager
):
    make_event(centre=centre, by=manager, title="Health webinar", sectors=["health"])
    make_event(
        centre=centre,
        by=manager,
        title="Mobility workshop",
        kind="workshop",
        sectors=["mobility"],
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("events:list"))
    assert "Events" in page.locator("h1").inner_text()
    page.select_option("#f-sector", "health")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "sector=health" in page.url
    titles = page.locator(".event-card .card__title").all_inner_texts()
    assert titles == ["Health webinar"]
    context.close()
    page = browser.new_context().new_page()
    page.goto(live_server.url + reverse("events:list") + "?sector=health")
    assert_accessible(page)

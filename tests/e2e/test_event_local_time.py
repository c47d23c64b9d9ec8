"""An event page states the time in the event's zone; in the browser, our script
adds the visitor's own time, in the page's language, only when their clock reads
differently (issue 19 item 4)."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.events.helpers import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Tuesday 12 January 2027, 10:00–12:00 in Berlin: 04:00–06:00 in New York.
START = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
END = datetime(2027, 1, 12, 11, 0, tzinfo=UTC)


def event_page(browser, live_server, event, *, language, zone):
    """The event's page in `language`, seen from a browser in time zone `zone`."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id=zone, locale="en-US"
    )
    context.add_cookies(
        [
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "value": language,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    with translation.override(language):
        url = reverse("events:detail", kwargs={"slug": event.slug})
    page.goto(live_server.url + url)
    page.wait_for_load_state("load")
    return context, page


@pytest.fixture
def berlin_webinar(centre, editor):
    return make_event(
        centre=centre,
        by=editor,
        title="Webinar on pre-commercial procurement",
        starts_at=START,
        ends_at=END,
        timezone="Europe/Berlin",
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Ihre Ortszeit (America/New_York)", "12. Januar 2027", "04:00–06:00"]),
        ("en", ["Your time (America/New_York)", "12 January 2027", "04:00–06:00"]),
    ],
)
def test_visitor_in_another_zone_sees_their_time_in_the_pages_language(
    live_server, browser, berlin_webinar, language, expected
):
    context, page = event_page(
        browser, live_server, berlin_webinar, language=language, zone="America/New_York"
    )
    try:
        local = page.locator(".event-localtime")
        local.wait_for(state="visible")
        text = local.inner_text()
        for part in expected:
            assert part in text
        # The browser's own locale (en-US) does not decide: the page's language does.
        assert "AM" not in text and "January 12" not in text
        assert "(Europe/Berlin)" in page.locator(".event-facts time").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Europe/Paris"])
def test_visitor_on_the_events_clock_sees_nothing_added(
    live_server, browser, berlin_webinar, zone
):
    context, page = event_page(
        browser, live_server, berlin_webinar, language="de", zone=zone
    )
    try:
        # The script has run once the catalogue's gettext exists and the page loaded.
        page.wait_for_function("typeof gettext === 'function'")
        local = page.locator(".event-localtime")
        assert local.get_attribute("hidden") is not None
        assert local.inner_text() == ""
        assert not local.is_visible()
        assert "Dienstag, 12. Januar 2027, 10:00–12:00 (Europe/Berlin)" in (
            page.locator(".event-facts time").inner_text()
        )
    finally:
        context.close()


def test_event_list_adds_the_visitors_time_to_each_card(
    live_server, browser, berlin_webinar
):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="America/New_York"
    )
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "el", "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        with translation.override("el"):
            page.goto(live_server.url + reverse("events:list"))
        card = page.locator(".event-card", has_text="pre-commercial procurement")
        assert "Τρίτη 12 Ιανουαρίου 2027, 10:00–12:00 (Europe/Berlin)" in (
            card.locator("time").inner_text()
        )
        local = card.locator(".event-localtime")
        local.wait_for(state="visible")
        text = local.inner_text()
        assert "Η ώρα σας (America/New_York)" in text
        assert "12 Ιανουαρίου 2027" in text and "04:00–06:00" in text
    finally:
        context.close()

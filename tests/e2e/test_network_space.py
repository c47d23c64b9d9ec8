"""A centre editor opens the network space from the navigation and finds the
network-only meeting, its minutes and the paper it produced; an anonymous visitor
is sent to sign in and the meeting's address answers 404. In Chromium, with
axe-core on every page the editor sees."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from knowledge.models import Resource
from tests.events.helpers import make_event
from tests.factories import resource_create

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEETING = "Knowledge exchange: how the buddy pairs are doing"
PAPER = "Expert opinion paper: buddy exchanges (working draft)"


@pytest.fixture
def meeting(centre, other_centre, manager, outsider):
    paper = resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        kind=Resource.Kind.OPINION_PAPER,
        title=PAPER,
        visibility=Resource.Visibility.NETWORK,
    )
    event = make_event(
        centre=other_centre,
        by=outsider,
        title=MEETING,
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
        visibility=Event.Visibility.NETWORK,
        minutes="## What we agreed\n\nEach pair meets **once a month**.",
    )
    event.papers.set([paper])
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=20),
        ends_at=timezone.now() - timedelta(days=20) + timedelta(hours=4),
    )
    return event


def test_editor_sees_the_network_space_visitor_does_not(
    live_server, browser, centre, editor, meeting
):
    base = live_server.url
    space = reverse("network-space")
    event_url = meeting.get_absolute_url()

    # --- An anonymous visitor: sign-in page, and the meeting is not found. ---
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(base + space)
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert "next=" in page.url
    assert page.locator("input[name=login]").is_visible()
    response = page.goto(base + event_url)
    assert response.status == 404
    assert MEETING not in page.content()
    page.goto(base + reverse("events:list"))
    assert MEETING not in page.content()
    assert page.get_by_role("link", name="Network space").count() == 0
    context.close()

    # --- Editor A (the meeting is another centre's) finds it in the space. ---
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, editor.email)
    page.goto(base + reverse("home"))
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Network space"
    ).click()
    page.wait_for_url(re.compile(re.escape(space) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Network space"
    assert page.get_by_role("link", name=MEETING).is_visible()
    page.get_by_text("Minutes of").click()  # opens the <details>
    assert page.get_by_text("once a month").is_visible()
    assert_accessible(page)

    # The paper, from the space, names the meeting back.
    page.get_by_role("link", name=PAPER).first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == PAPER
    assert page.get_by_text("Produced at").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=MEETING).click()
    page.wait_for_load_state()

    # The meeting page: network only in words, minutes and the paper.
    assert page.url.endswith(event_url)
    assert page.get_by_text("Network only").first.is_visible()
    assert page.get_by_role("heading", name="Minutes").is_visible()
    assert page.get_by_role("heading", name="Papers produced").is_visible()
    assert page.get_by_role("link", name=PAPER).is_visible()
    assert_accessible(page)
    context.close()

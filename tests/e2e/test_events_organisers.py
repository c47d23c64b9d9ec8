"""An editor of a co-organising centre edits a joint event in the browser; an
editor of a centre that does not organise it gets 404. With axe-core."""

import pytest

from tests.events.helpers import make_event
from tests.factories import CentreFactory, UserFactory, membership_create

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_co_organiser_edits_the_joint_event_and_a_stranger_cannot(
    live_server, browser, centre, other_centre, manager, editor_b
):
    base = live_server.url
    event = make_event(
        centre=centre,
        by=manager,
        title="Joint knowledge-exchange meeting",
        kind="knowledge_exchange",
        organisers=[other_centre],
    )

    context, page = new_page(browser)
    sign_in(page, base, editor_b.email)
    page.goto(base + "/manage/beta/events/")
    assert_accessible(page)
    page.get_by_role("link", name="Joint knowledge-exchange meeting").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Joint knowledge-exchange meeting"
    assert_accessible(page)
    page.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Edit event"
    assert_accessible(page)
    page.get_by_label("Title").fill("Joint meeting on legal support")
    page.get_by_label("Venue").fill("")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert "were saved" in page.locator(".messages").inner_text()
    assert page.locator("h1").inner_text() == "Joint meeting on legal support"
    event.refresh_from_db()
    assert event.title == "Joint meeting on legal support"
    context.close()

    gamma = CentreFactory(slug="gamma", short_name="GAMMA", country="SE")
    stranger = UserFactory(email="stranger@example.org")
    membership_create(centre=gamma, user=stranger)
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, stranger.email)
    for path in (
        f"/manage/gamma/events/{event.pk}/edit/",
        f"/manage/alpha/events/{event.pk}/edit/",
        f"/manage/beta/events/{event.pk}/",
    ):
        response = page.goto(base + path)
        assert response.status == 404, path
    context.close()


def test_named_centre_accepts_in_its_workspace_before_its_staff_edit(
    live_server, browser, centre, other_centre, manager, outsider, editor_b
):
    """Beta is named by Alpha: its editor finds nothing until Beta's manager
    accepts on the invitations page (axe-checked), then the event is theirs too."""
    base = live_server.url
    event = make_event(
        centre=centre,
        by=manager,
        title="Joint buddy visit",
        organisers=[other_centre],
        accepted=False,
    )

    context, page = new_page(browser)
    sign_in(page, base, editor_b.email)
    assert page.goto(base + f"/manage/beta/events/{event.pk}/").status == 404
    context.close()

    context, page = new_page(browser)
    sign_in(page, base, outsider.email, with_code=True)
    page.goto(base + "/manage/beta/events/")
    page.get_by_role("link", name="Answer them").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Invitations to co-organise"
    assert "Joint buddy visit" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Accept — Joint buddy visit").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Joint buddy visit"
    assert "now organises" in page.locator(".messages").inner_text()
    assert_accessible(page)
    context.close()

    context, page = new_page(browser)
    sign_in(page, base, editor_b.email)
    assert page.goto(base + f"/manage/beta/events/{event.pk}/").status == 200
    context.close()

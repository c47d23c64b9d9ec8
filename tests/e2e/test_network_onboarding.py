"""The onboarding board in a real browser: a new centre's manager (signed in
with TOTP) ticks a milestone done and the coordinator's board moves; axe-core
on every page."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.demo_network import DEMO_PASSWORD, DEMO_TOTP_SECRET
from network.models import Milestone

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", quiet=True)


def demo_sign_in(page, base, email):
    sign_in(
        page,
        base,
        email,
        with_code=True,
        password=DEMO_PASSWORD,
        secret=DEMO_TOTP_SECRET,
    )


def greece_row(page):
    return page.locator("tr[data-centre='greece']")


def test_a_ticked_milestone_moves_the_coordinators_board(live_server, browser, demo):
    base = live_server.url
    board_url = base + reverse("network:onboarding-board")
    coordinator = browser.new_context(locale="en-GB").new_page()
    manager = browser.new_context(locale="en-GB").new_page()

    # The coordinator's board: the five new centres, one of them overdue.
    demo_sign_in(coordinator, base, "coordinator@p2i.example.eu")
    coordinator.goto(board_url)
    assert coordinator.locator("tbody tr").count() == 5
    assert "6 of 7 done" in greece_row(coordinator).inner_text()
    assert greece_row(coordinator).locator("progress").get_attribute("value") == "6"
    ireland = coordinator.locator("tr[data-centre='ireland']")
    assert "1 overdue" in ireland.inner_text()  # in words, not only in red
    assert_accessible(coordinator)

    # Greece's manager opens her checklist and ticks the open milestone done.
    demo_sign_in(manager, base, "manager@greece.example.eu")
    manager.goto(base + reverse("manage:onboarding", kwargs={"centre_slug": "greece"}))
    assert_accessible(manager)
    manager.get_by_role("link", name="First newsletter section").click()
    manager.wait_for_load_state()
    assert_accessible(manager)
    manager.get_by_label("Status").select_option("done")
    manager.get_by_label("Evidence link").fill("https://example.eu/newsletter/7")
    manager.get_by_role("button", name="Save the milestone").click()
    manager.wait_for_load_state()
    assert manager.get_by_text("The milestone was saved.").count() == 1
    assert "7 of 7 done" in manager.locator("main").inner_text()
    assert_accessible(manager)
    with scopes_disabled():
        ticked = Milestone.objects.get(
            centre__slug="greece", definition__title="First newsletter section"
        )
    assert ticked.status == "done" and ticked.completed_at is not None
    assert ticked.evidence_url == "https://example.eu/newsletter/7"

    # Another centre's checklist is not there for her.
    response = manager.goto(
        base + reverse("manage:onboarding", kwargs={"centre_slug": "ireland"})
    )
    assert response.status == 404

    # The board has moved.
    coordinator.goto(board_url)
    assert "7 of 7 done (100%)" in greece_row(coordinator).inner_text()
    assert greece_row(coordinator).locator("progress").get_attribute("value") == "7"
    assert "Nothing left open" in greece_row(coordinator).inner_text()
    assert_accessible(coordinator)

"""A buyer drafts an open market consultation and submits it, her centre
publishes it, a supplier answers, and the buyer reads the answer, which no
one else sees; after the deadline she publishes a summary (the supplier is
told) and the centre drafts a case study. In Chromium, with axe-core on every
page of the way."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cooperation.models import Challenge
from knowledge.models import Resource
from tests.factories import UserFactory

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_buyers_challenge_is_published_answered_and_read(
    live_server, browser, centre, editor, procurer
):
    base = live_server.url
    supplier = UserFactory(
        email="sara@cooltech.example",
        full_name="Sara Supplier",
        profile_role="supplier",
    )
    deadline = timezone.localdate() + timedelta(days=30)

    # --- The buyer drafts her challenge and submits it. ---------------------
    buyer_ctx, buyer = new_page(browser)
    sign_in(buyer, base, procurer.email)
    buyer.goto(base + reverse("challenges:list"))
    assert_accessible(buyer)
    buyer.get_by_role("link", name="Publish a challenge").first.click()
    buyer.wait_for_url(re.compile(r"/challenges/new/$"))
    assert_accessible(buyer)
    buyer.get_by_label("Title").fill("Cooling hospital wards")
    buyer.get_by_label("Buying organisation").fill("City of Hamburg")
    buyer.get_by_label("The problem").fill("Our wards overheat in summer.")
    buyer.get_by_label("Questions to the market").fill(
        "Which passive cooling exists?\nWhat does a pilot cost?"
    )
    buyer.get_by_label("Deadline for answers").fill(deadline.isoformat())
    buyer.get_by_label("Sector").select_option("health")
    buyer.get_by_label("Country").select_option("DE")
    buyer.get_by_role("button", name="Save the draft").click()
    buyer.wait_for_url(re.compile(r"/challenges/\d+/$"))
    assert "Alpha Centre" in buyer.locator(".messages").inner_text()
    assert_accessible(buyer)
    buyer.get_by_role("button", name="Submit for review").click()
    buyer.wait_for_load_state()
    challenge = Challenge.objects.get(title="Cooling hospital wards")
    assert challenge.status == Challenge.Status.SUBMITTED

    # --- Her centre publishes it. -------------------------------------------
    staff_ctx, staff = new_page(browser)
    sign_in(staff, base, editor.email)
    staff.goto(
        base + reverse("manage:challenges:list", kwargs={"centre_slug": "alpha"})
    )
    assert_accessible(staff)
    staff.get_by_role("link", name="Cooling hospital wards").click()
    staff.wait_for_url(re.compile(rf"/challenges/{challenge.pk}/$"))
    assert_accessible(staff)
    staff.get_by_role("button", name="Publish", exact=True).click()
    staff.wait_for_load_state()
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED

    # --- A supplier finds it and answers. -----------------------------------
    supplier_ctx, seller = new_page(browser)
    sign_in(seller, base, supplier.email)
    seller.goto(base + reverse("challenges:list") + "?q=cooling&status=open")
    assert_accessible(seller)
    seller.get_by_role("link", name="Cooling hospital wards").click()
    seller.wait_for_url(re.compile(rf"/challenges/{challenge.pk}/$"))
    assert_accessible(seller)
    seller.get_by_role("link", name="Answer this challenge").click()
    seller.wait_for_url(re.compile(r"/answer/$"))
    assert_accessible(seller)
    seller.get_by_label("Your organisation").fill("CoolTech GmbH")
    seller.get_by_label("Which passive cooling exists?").fill(
        "Phase-change ceiling panels."
    )
    seller.get_by_role("button", name="Send the answer").click()
    seller.wait_for_url(re.compile(rf"/challenges/{challenge.pk}/$"))
    assert "Only the buyer and her centre" in seller.locator(".messages").inner_text()

    # --- The buyer reads the answer; a visitor sees none of it. -------------
    buyer.goto(base + challenge.get_absolute_url())
    buyer.get_by_role("link", name="Read the answers").click()
    buyer.wait_for_url(re.compile(r"/answers/$"))
    answers = buyer.locator("main").inner_text()
    assert "CoolTech GmbH" in answers and "Phase-change ceiling panels." in answers
    assert_accessible(buyer)
    visitor_ctx, visitor = new_page(browser)
    visitor.goto(base + challenge.get_absolute_url())
    assert "Phase-change" not in visitor.content()
    assert_accessible(visitor)
    buyer.goto(base + reverse("challenges:mine"))
    assert "Cooling hospital wards" in buyer.locator("main").inner_text()
    assert_accessible(buyer)

    # --- After the deadline: her summary, and the centre's case study. -----
    Challenge.objects.filter(pk=challenge.pk).update(
        deadline=timezone.localdate() - timedelta(days=1)
    )
    mail.outbox.clear()
    buyer.goto(base + challenge.get_absolute_url())
    buyer.get_by_role("link", name="Publish a summary").click()
    buyer.wait_for_url(re.compile(r"/summary/$"))
    assert_accessible(buyer)
    buyer.get_by_label("Summary of the answers").fill(
        "Passive cooling with **phase-change panels** is on the market."
    )
    buyer.get_by_role("button", name="Publish the summary").click()
    buyer.wait_for_url(re.compile(rf"/challenges/{challenge.pk}/$"))
    assert buyer.locator("main strong", has_text="phase-change panels").count() == 1
    assert_accessible(buyer)
    assert [m.subject for m in mail.outbox if supplier.email in m.to] == [
        "Summary of the challenge: Cooling hospital wards"
    ]
    staff.reload()
    staff.get_by_role("button", name="Draft a case study").click()
    staff.wait_for_url(re.compile(r"/manage/alpha/resources/\d+/$"))
    case = Resource.objects.get(kind=Resource.Kind.CASE_STUDY)
    assert case.status == Resource.Status.DRAFT
    assert case.title == "Cooling hospital wards"
    for ctx in (buyer_ctx, staff_ctx, supplier_ctx, visitor_ctx):
        ctx.close()

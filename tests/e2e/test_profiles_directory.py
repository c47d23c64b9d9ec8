"""A supplier creates her profile, hidden at first, then makes it public; a
visitor finds it in the directory by its filters and opens it. In Chromium,
with axe-core on every page of the way."""

import re

import pytest
from django.urls import reverse

from cooperation.models import Profile
from tests.cooperation.helpers import make_profile
from tests.factories import UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supplier_shows_her_profile_and_a_visitor_finds_it(live_server, browser):
    base = live_server.url
    make_profile(UserFactory(), organisation="City of Tartu", country="EE")
    supplier = UserFactory(
        email="sales@sensors.example.org", organisation="", country="FI"
    )

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, supplier.email)

    # --- Her profile, hidden at first. ---------------------------------------
    page.goto(base + reverse("profiles:me"))
    assert_accessible(page)
    page.get_by_label("Supplier").check()
    page.get_by_label("Organisation").fill("Nordic Sensors Oy")
    page.get_by_label("Country").select_option("FI")
    page.get_by_label("ICT").check()
    page.get_by_label("Mobility and transport").check()
    page.get_by_label("What we have bought or what we offer").fill(
        "Low-power **parking sensors** with open data."
    )
    page.get_by_label("By e-mail").check()
    page.get_by_role("button", name="Create my profile").click()
    page.wait_for_url(re.compile(r"/profiles/me/$"))
    assert "Your profile was created." in page.locator("main").inner_text()
    assert_accessible(page)
    profile = Profile.objects.get(user=supplier)
    assert profile.visibility == "hidden"

    # Hidden: not in the directory, 404 to a visitor.
    visitor_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    visitor = visitor_ctx.new_page()
    visitor.set_default_timeout(15000)
    assert visitor.goto(base + profile.get_absolute_url()).status == 404

    # --- She makes it public. -------------------------------------------------
    page.get_by_label("Everyone (public)").check()
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url(re.compile(r"/profiles/me/$"))
    profile.refresh_from_db()
    assert profile.visibility == "public"

    # --- A visitor filters the directory and opens the profile. ---------------
    visitor.goto(base + reverse("profiles:directory"))
    assert "2 profiles" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    visitor.get_by_label("Kind").select_option("supplier")
    visitor.get_by_label("Country").select_option("FI")
    visitor.get_by_role("button", name="Apply filters").click()
    visitor.wait_for_url(re.compile(r"kind=supplier"))
    results = visitor.locator("#results-title + p, .card-grid")
    assert "1 profile" in results.first.inner_text()
    assert visitor.locator(".card-grid .card").count() == 1
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Nordic Sensors Oy").click()
    visitor.wait_for_url(re.compile(r"/profiles/\d+/$"))
    main = visitor.locator("main").inner_text()
    assert "parking sensors" in main
    assert "sales@sensors.example.org" in main
    assert_accessible(visitor)

    # --- She deletes it. -------------------------------------------------------
    page.get_by_role("link", name="Delete my profile").click()
    page.wait_for_url(re.compile(r"/profiles/me/delete/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Delete my profile").click()
    page.wait_for_url(re.compile(r"/profiles/me/$"))
    assert not Profile.objects.filter(user=supplier).exists()
    context.close()
    visitor_ctx.close()

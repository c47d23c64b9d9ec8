"""A visitor and a centre manager in a real browser, with axe-core on every page."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.totp import totp_code_now
from centres.demo_network import DEMO_PASSWORD, DEMO_TOTP_SECRET
from centres.models import Centre

from .conftest import assert_accessible as check_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", quiet=True)


def assert_accessible(page, seen):
    check_accessible(page)
    seen.append(page.url)


def test_visitor_switches_language_then_manager_signs_in_with_2fa_and_edits_profile(
    live_server, page, demo
):
    checked = []
    page.goto(live_server.url + reverse("home"))
    assert page.locator("h1").count() == 1
    assert_accessible(page, checked)

    # The language switcher works without JavaScript: a labelled select and a button.
    page.get_by_label(re.compile("language", re.I)).select_option("de")
    page.locator(
        "form[action='/i18n/setlang/'] button, form[action='/i18n/setlang/'] [type=submit]"
    ).first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page, checked)
    page.get_by_label(re.compile("sprache|language", re.I)).select_option("en")
    page.locator("form[action='/i18n/setlang/'] [type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"

    # The directory and a centre page.
    page.goto(live_server.url + reverse("centres:list") + "?status=new")
    assert page.locator("main").get_by_text("CC Greece").count() >= 1
    assert_accessible(page, checked)
    page.goto(live_server.url + reverse("centres:detail", kwargs={"slug": "koinno"}))
    assert_accessible(page, checked)

    # Sign in as KOINNO's manager: password, then the TOTP code.
    page.goto(live_server.url + "/accounts/login/")
    assert_accessible(page, checked)
    page.locator("input[name=login]").fill("manager@koinno.example.eu")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name=login]) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_accessible(page, checked)
    page.locator("input[name=code]").fill(totp_code_now(DEMO_TOTP_SECRET))
    page.locator("form:has(input[name=code]) [type=submit]").first.click()
    page.wait_for_url(lambda url: "/accounts/2fa/authenticate/" not in url)
    page.wait_for_load_state()

    # The workspace and the profile form.
    page.goto(live_server.url + "/manage/koinno/")
    assert page.locator("h1").count() == 1
    assert_accessible(page, checked)
    page.goto(live_server.url + "/manage/koinno/profile/")
    assert_accessible(page, checked)
    page.get_by_label("Tagline").fill("Innovation procurement, made practical.")
    page.locator("form[enctype='multipart/form-data'] [type=submit]").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("The centre profile was saved.").count() == 1
    assert_accessible(page, checked)
    assert (
        Centre.objects.get(slug="koinno").tagline
        == "Innovation procurement, made practical."
    )

    # The team page, and another centre's workspace is not there for this manager.
    page.goto(live_server.url + "/manage/koinno/team/")
    assert_accessible(page, checked)
    response = page.goto(live_server.url + "/manage/pianoo/")
    assert response.status == 404

    # The public page shows the change.
    page.goto(live_server.url + reverse("centres:detail", kwargs={"slug": "koinno"}))
    assert page.get_by_text("Innovation procurement, made practical.").count() >= 1
    assert len(checked) >= 10


@pytest.mark.parametrize("width", [320, 390])
def test_pages_fit_a_phone_screen(live_server, browser, demo, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for path in (
            reverse("home"),
            reverse("centres:list"),
            reverse("centres:detail", kwargs={"slug": "koinno"}),
            reverse("about"),
            "/accounts/login/",
        ):
            page.goto(live_server.url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (
                f"{path} scrolls sideways by {overflow}px at {width}px"
            )
    finally:
        context.close()


def test_public_pages_have_no_serious_accessibility_violations(live_server, page, demo):
    checked = []
    for path in (
        reverse("about"),
        reverse("task-force"),
        reverse("accessibility"),
        reverse("centres:detail", kwargs={"slug": "greece"}),
        "/accounts/signup/",
        "/accounts/password/reset/",
    ):
        page.goto(live_server.url + path)
        assert_accessible(page, checked)


def test_api_docs_render_offline_under_the_content_security_policy(
    live_server, page, demo
):
    blocked = []
    page.on(
        "console",
        lambda msg: (
            blocked.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    external = []
    page.on(
        "request",
        lambda req: (
            external.append(req.url)
            if not req.url.startswith(live_server.url)
            and not req.url.startswith("data:")
            else None
        ),
    )
    page.goto(live_server.url + "/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert (
        page.locator(".swagger-ui .opblock").count() >= 2
    )  # list and detail of centres
    assert external == []
    assert blocked == []

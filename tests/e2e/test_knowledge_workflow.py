"""An editor drafts and submits, a manager publishes, a visitor finds it; in a browser.

Also: the live preview follows the editor's typing, another centre's editor cannot
open the resource, and axe-core finds nothing serious on the workspace pages.
"""

import re

import pytest
from django.urls import reverse

from knowledge.models import Resource

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Procuring zeppelin logistics for remote islands"


def test_editor_drafts_and_submits_manager_publishes_visitor_finds_it(
    live_server, browser, centre, other_centre, editor, manager, editor_b
):
    base = live_server.url

    # --- The editor of alpha drafts through the form. ----------------------
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    blocked = []
    page.on(
        "console",
        lambda msg: (
            blocked.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    sign_in(page, base, editor.email)

    page.goto(base + "/manage/alpha/resources/")
    assert page.locator("h1").inner_text() == "Resources"
    assert_accessible(page)
    page.get_by_role("link", name="New resource").click()
    page.wait_for_url(re.compile(r"/resources/new/$"))

    # Fields for case studies appear only for case studies.
    case_fieldset = page.locator("fieldset.case-fieldset")
    page.get_by_label("Kind").select_option("tool")
    assert case_fieldset.is_hidden()
    page.get_by_label("Type of tool").select_option("guide")
    page.get_by_label("Kind").select_option("case_study")
    assert case_fieldset.is_visible()
    assert page.get_by_label("Type of tool").is_hidden()

    page.locator("#id_title").fill(TITLE)
    page.get_by_label("Summary").fill(
        "How an island region bought airship freight through a design contest."
    )
    body = page.get_by_label("Body (Markdown)")
    body.click()
    body.press_sequentially(
        "## Approach\n\nThe region asked for **outcomes**.\n\n- one\n"
        "<script>document.title='pwned'</script>",
        delay=5,
    )
    preview = page.locator("#body-preview")
    assert preview.get_attribute("aria-live") == "polite"
    preview.locator("strong", has_text="outcomes").wait_for()
    assert preview.locator("h2", has_text="Approach").count() == 1
    assert preview.locator("script").count() == 0
    assert page.title() != "pwned"

    page.get_by_label("Buyer (public body)").fill("Island Region North")
    page.get_by_label("Contract value (EUR)").fill("850000")
    page.get_by_label("CPV codes").fill("60440000-4")
    page.get_by_label("ICT").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/manage/alpha/resources/\d+/$"))
    assert page.get_by_text("was saved").count() == 1

    resource = Resource.objects.get(title=TITLE)
    assert resource.status == Resource.Status.DRAFT
    assert resource.kind == Resource.Kind.CASE_STUDY
    assert resource.cpv_codes == ["60440000-4"]
    assert "<script" not in resource.body_html

    # The edit form, checked by axe as well.
    page.goto(base + f"/manage/alpha/resources/{resource.pk}/edit/")
    assert page.locator("#id_title").input_value() == TITLE
    assert_accessible(page)

    page.goto(base + f"/manage/alpha/resources/{resource.pk}/")
    assert_accessible(page)
    assert page.get_by_role("button", name="Publish").count() == 0
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.get_by_text("was submitted for review").count() == 1
    resource.refresh_from_db()
    assert resource.status == Resource.Status.IN_REVIEW
    assert blocked == []
    context.close()

    # --- A manager of alpha (password + TOTP) publishes. --------------------
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, manager.email, with_code=True)
    page.goto(base + "/manage/alpha/resources/?status=in_review")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/resources/{resource.pk}/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert page.get_by_text("is published").count() == 1
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED
    assert resource.published_at is not None
    public_link = page.get_by_role("link", name="Open the public page")
    public_url = public_link.get_attribute("href")
    context.close()

    # --- A visitor finds it by a word of its title. -------------------------
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(base + reverse("knowledge:resource-list") + "?q=zeppelin")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state()
    assert page.url == base + public_url
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator("main strong", has_text="outcomes").count() >= 1
    context.close()

    # --- An editor of beta cannot open it for editing. ----------------------
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, editor_b.email)
    for path in (
        f"/manage/alpha/resources/{resource.pk}/edit/",
        f"/manage/beta/resources/{resource.pk}/edit/",
        f"/manage/alpha/resources/{resource.pk}/",
    ):
        response = page.goto(base + path)
        assert response.status == 404, path
    context.close()

"""A visitor searches the knowledge base, filters, opens a case study and downloads
its file, in a real browser with axe-core; script in a body never runs."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge import services
from knowledge.models import Resource
from tests.factories import (
    CentreFactory,
    UserFactory,
    membership_create,
    resource_create,
)

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def knowledge_base(transactional_db):
    alpha = CentreFactory(slug="alpha", short_name="ALPHA", name="Alpha Centre")
    beta = CentreFactory(
        slug="beta", short_name="BETA", name="Beta Centre", country="NL"
    )
    staff = UserFactory(email="staff@example.org")
    membership_create(centre=alpha, user=staff)
    membership_create(centre=beta, user=staff)

    def publish(centre, **data):
        return resource_create(centre=centre, by=staff, published=True, **data)

    case = publish(
        beta,
        kind=Resource.Kind.CASE_STUDY,
        title="Adaptive street lighting in Eindhoven",
        summary="A city halves the energy use of its street lighting with a PCP.",
        body="## The need\n\nLess energy, safer streets.",
        sectors=["energy", "ict"],
        approaches=["pcp"],
        countries=["NL"],
        buyer="Municipality of Eindhoven",
        case_country="NL",
        case_year=2021,
        contract_value_eur=1250000,
        cpv_codes=["34993000-4"],
        outcome="Energy use fell by 58 percent.",
        lessons_learned="Involve the maintenance team early.",
    )
    services.attachment_add(
        resource=case,
        by=staff,
        upload=SimpleUploadedFile(
            "lighting-case.pdf", PDF_BYTES, content_type="application/pdf"
        ),
        title="Full case report",
    )
    publish(
        alpha,
        kind=Resource.Kind.CASE_STUDY,
        title="Lighting in hospital wards",
        summary="Better lighting for patients, bought through a market dialogue.",
        sectors=["health"],
    )
    publish(
        alpha,
        kind=Resource.Kind.TOOL,
        title="Checklist for lighting tenders",
        summary="What to ask suppliers of street lighting.",
        sectors=["energy"],
    )
    publish(
        alpha,
        kind=Resource.Kind.TOOL,
        title="Leitfaden Beschaffung",
        summary="Innovative Beschaffung Schritt für Schritt.",
        language="de",
        sectors=["ict"],
        translation_of=case,
    )
    xss = publish(
        alpha,
        title="A body with tricks",
        summary="Nothing in here may run.",
        body=(
            "Hello <script>window.__xss=1</script>\n\n"
            '<img src="/nothing.png" alt="" onerror="window.__xss=2;alert(2)">\n\n'
            "[click](javascript:window.__xss=3)"
        ),
    )
    return {"case": case, "xss": xss}


def test_visitor_searches_filters_opens_a_case_and_downloads_its_file(
    live_server, page, knowledge_base
):
    page.goto(live_server.url + reverse("knowledge:resource-list"))
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    # Search: three resources about lighting.
    page.get_by_label("Search the knowledge base").fill("lighting")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"q=lighting"))
    results = page.locator(".kb-result-list > li")
    assert results.count() == 3
    assert page.locator("mark").count() >= 1

    # Two facets: case studies in the energy sector.
    page.get_by_role("checkbox", name=re.compile(r"^Case study")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Energy")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"kind=case_study"))
    assert "sector=energy" in page.url
    assert "q=lighting" in page.url
    assert results.count() == 1
    assert page.get_by_role("checkbox", name=re.compile(r"^Case study")).is_checked()
    assert_accessible(page)

    # The case study.
    page.get_by_role("link", name="Adaptive street lighting in Eindhoven").click()
    page.wait_for_url(re.compile(r"/resources/beta/adaptive-street-lighting"))
    assert page.locator("h1").inner_text() == "Adaptive street lighting in Eindhoven"
    facts = page.locator("table.kb-case__table")
    assert "Municipality of Eindhoven" in facts.inner_text()
    assert "€1,250,000" in facts.inner_text()
    assert page.get_by_text("Also available in").count() == 1
    assert_accessible(page)

    # Its file, as a download with the original name and the exact bytes.
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Full case report")).click()
    download = info.value
    assert download.suggested_filename == "lighting-case.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF_BYTES


def test_script_in_a_body_never_runs(live_server, page, knowledge_base):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + knowledge_base["xss"].get_absolute_url())
    page.wait_for_load_state("load")
    assert page.get_by_text("Hello").count() >= 1
    assert page.evaluate("window.__xss") is None
    for link in page.locator(".kb-body a").all():
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    assert page.locator(".kb-body img[onerror]").count() == 0
    assert dialogs == []
    assert_accessible(page)

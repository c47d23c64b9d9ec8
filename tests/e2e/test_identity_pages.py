"""About names the project and its funding; the coordinator filters the
network's activity log. In Chromium, with axe-core."""

import re

import pytest
from django.urls import reverse

from centres.services import audit_log
from network.models import Partner, ProjectIdentity

from .conftest import axe_serious, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_about_names_the_project_partners_and_funding(live_server, page):
    ProjectIdentity.current()
    Partner.objects.create(
        organisation="German Association for Supply Chain Management",
        short_name="BME",
        role="coordinator",
        country="DE",
        website="https://example.org/bme",
    )
    Partner.objects.create(
        organisation="ICLEI – Local Governments for Sustainability",
        short_name="ICLEI",
        role="communication",
        order=1,
    )
    page.goto(live_server.url + reverse("about"))
    funding = page.locator("section", has=page.locator("#funding-title"))
    assert "Horizon 2020 research and innovation programme" in funding.inner_text()
    assert page.get_by_role("img", name="Flag of the European Union").count() >= 1
    partners = page.get_by_role("list", name="Partner organisations")
    assert partners.get_by_role("link", name=re.compile("German Association")).count()
    assert "It was coordinated by BME." in page.locator("main").inner_text()
    assert axe_serious(page) == []


def test_coordinator_filters_the_network_activity_log(
    live_server, page, centre, other_centre, manager, outsider, coordinator
):
    audit_log(
        centre=centre, action="centres.invitation.sent", by=manager, target="a@x.org"
    )
    audit_log(
        centre=other_centre, action="centres.centre.updated", by=outsider, target="B"
    )
    base = live_server.url
    sign_in(page, base, coordinator.email, with_code=True)
    page.goto(base + reverse("network:activity"))
    table = page.get_by_role("table", name="Activity of the whole network")
    assert table.locator("tbody tr").count() == 2
    page.get_by_label("Centre").select_option(label="Beta Centre")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"centre=beta"))
    rows = table.locator("tbody tr")
    assert rows.count() == 1
    assert "Updated the centre profile" in rows.first.inner_text()
    assert "1 entry" in page.get_by_role("status").first.inner_text()
    assert axe_serious(page) == []

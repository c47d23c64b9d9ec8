"""About names the project, its partners and its funding; projects show theirs."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from network.models import Partner, ProjectIdentity
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    Partner.objects.create(
        organisation="German Association for Supply Chain Management",
        short_name="BME",
        country="DE",
        role="coordinator",
        website="https://example.org/bme",
        order=0,
    )
    Partner.objects.create(
        organisation="ICLEI – Local Governments for Sustainability",
        short_name="ICLEI",
        role="communication",
        order=1,
    )
    Partner.objects.create(organisation="Hidden one", role="partner", is_active=False)


def get(client, name, lang="en", **kwargs):
    with translation.override(lang):
        url = reverse(name, kwargs=kwargs or None)
    assert url.startswith(f"/{lang}/")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_about_names_the_project_partners_and_funding_without_a_number(
    client, partners
):
    html = get(client, "about")
    assert "Procure2Innovate" in html
    assert "from 2018 to 2022" in html
    assert "Horizon 2020 research and innovation programme" in html
    assert "17 partner organisations" in html
    assert "It was coordinated by BME." in html
    assert "ICLEI ran its communication and dissemination." in html
    assert 'href="https://example.org/bme"' in html
    assert "Hidden one" not in html
    assert (
        "This project has received funding from the European Union&#x27;s Horizon "
        "2020 research and innovation programme." in html
    )
    assert "grant agreement No" not in html
    assert 'alt="Flag of the European Union"' in html


def test_about_shows_the_grant_number_once_it_is_entered(client, partners):
    identity = ProjectIdentity.current()
    identity.grant_agreement = "123456"
    identity.save()
    html = get(client, "about")
    assert "under grant agreement No 123456." in html


def test_about_in_german(client, partners):
    identity = ProjectIdentity.current()
    identity.grant_agreement = "123456"
    identity.save()
    html = get(client, "about", lang="de")
    assert "Procure2Innovate" in html
    assert "Forschungs- und Innovationsprogramms Horizont 2020" in html
    assert "Koordiniert wurde es von BME." in html
    assert "Finanzhilfevereinbarung Nr. 123456" in html
    assert "Flagge der Europäischen Union" in html


def test_about_shows_no_statement_without_a_programme(client):
    identity = ProjectIdentity.current()
    identity.funding_programme = ""
    identity.save()
    html = get(client, "about")
    assert "has received funding" not in html


@override_settings()
def test_task_force_projects_show_their_own_funding_lines(client):
    CentreFactory(
        slug="procedin",
        short_name="PROCEDIN",
        kind="project",
        country="",
        funding_programme="single_market",
        grant_agreement="1234567",
    )
    CentreFactory(
        slug="build",
        short_name="BUILD",
        kind="project",
        country="",
        funding_programme="cosme",
    )
    CentreFactory(slug="hif", short_name="HIF", kind="project", country="")
    html = get(client, "task-force")
    assert (
        "European Union&#x27;s Single Market Programme under grant agreement "
        "No 1234567." in html
    )
    assert "European Union&#x27;s COSME programme." in html
    detail = get(client, "centres:detail", slug="procedin")
    assert "Single Market Programme under grant agreement No 1234567." in detail
    # A project without a funding line shows none.
    assert "has received funding" not in get(client, "centres:detail", slug="hif")


def test_about_writes_nothing_when_the_project_row_is_missing(client):
    """A page that shows the project never stores it: a write would set a new
    version of the cached pages on every such view."""
    from centres.caching import centres_version

    ProjectIdentity.objects.all().delete()
    version = centres_version()
    response = client.get(reverse("about"))
    assert response.status_code == 200
    assert "Procure2Innovate" in response.content.decode()
    assert not ProjectIdentity.objects.exists()
    assert centres_version() == version

"""Atom feeds, sitemap.xml and the centre page's publications."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import resource_create

from .conftest_k1 import library_fixture  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    assert root.tag == f"{ATOM}feed"
    return root


def entry_titles(root):
    return [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]


def test_the_network_feed_lists_new_public_resources(client, library):
    root = atom(client, "/resources/feed/")
    assert root.findtext(f"{ATOM}title") == "P2I knowledge base: new resources"
    published = sorted(library.public, key=lambda r: r.published_at, reverse=True)
    assert entry_titles(root) == [r.title for r in published]
    entry = next(
        e
        for e in root.findall(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title") == library.case.title
    )
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{library.case.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}summary") == library.case.summary
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Beta Centre"
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} == {
        "Case study",
        "Energy",
        "ICT",
    }
    assert entry.findtext(f"{ATOM}published")


def test_feeds_never_show_hidden_resources(client, library, editor_b):
    client.force_login(editor_b)  # staff, but feeds are for everyone
    titles = entry_titles(atom(client, "/resources/feed/"))
    for hidden in library.hidden:
        assert hidden.title not in titles


def test_the_centre_feed_lists_that_centres_resources(client, library):
    root = atom(client, "/resources/feed/centre/beta/")
    assert set(entry_titles(root)) == {library.case.title, library.report.title}
    assert "BETA" in root.findtext(f"{ATOM}title")


def test_the_sector_feed_lists_that_sectors_resources(client, library):
    root = atom(client, "/resources/feed/sector/energy/")
    assert set(entry_titles(root)) == {library.case.title, library.report.title}
    assert "Energy" in root.findtext(f"{ATOM}title")
    assert entry_titles(atom(client, "/resources/feed/sector/food/")) == []


@pytest.mark.parametrize(
    "url",
    [
        "/resources/feed/sector/spaceships/",
        "/resources/feed/centre/no-such-centre/",
    ],
)
def test_unknown_feeds_are_not_found(client, library, url):
    assert client.get(url).status_code == 404


def test_a_feed_holds_the_30_newest(client, centre, editor):
    for i in range(32):
        resource_create(
            centre=centre,
            by=editor,
            published=True,
            title=f"Note {i:02d}",
            summary="A note.",
        )
    titles = entry_titles(atom(client, "/resources/feed/"))
    assert len(titles) == 30
    assert titles[0] == "Note 31"
    assert "Note 01" not in titles


def test_sitemap_lists_public_pages_and_resources_only(client, library):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    locations = {u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")}
    base = "http://testserver"
    for path in (
        reverse("home"),
        reverse("about"),
        reverse("task-force"),
        reverse("accessibility"),
        reverse("centres:list"),
        reverse("centres:detail", kwargs={"slug": "alpha"}),
        reverse("centres:detail", kwargs={"slug": "beta"}),
        reverse("knowledge:resource-list"),
    ):
        assert base + path in locations, path
    for resource in library.public:
        assert base + resource.get_absolute_url() in locations
    for resource in library.hidden:
        assert base + resource.get_absolute_url() not in locations


def test_sitemap_leaves_out_unlisted_centres(client, library, centre):
    centre.is_active = False
    centre.save(update_fields=["is_active"])
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    locations = {u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")}
    assert "http://testserver/centres/alpha/" not in locations


def test_the_centre_page_lists_its_public_resources(client, library):
    html = client.get(
        reverse("centres:detail", kwargs={"slug": "alpha"})
    ).content.decode()
    section = html.split('id="publications-title"')[1].split("</section>")[0]
    assert library.guide.title in section
    assert library.leitfaden.title in section
    for other in (library.draft, library.archived, library.case, library.network):
        assert other.title not in section
    assert f'href="{reverse("knowledge:resource-list")}?centre=alpha"' in section
    assert library.guide.get_absolute_url() in section


def test_the_centre_page_shows_the_latest_ten(client, centre, editor):
    for i in range(12):
        resource_create(
            centre=centre, by=editor, published=True, title=f"Tool {i:02d}", summary="."
        )
    response = client.get(reverse("centres:detail", kwargs={"slug": "alpha"}))
    titles = [r.title for r in response.context["resources"]]
    assert titles == [f"Tool {i:02d}" for i in range(11, 1, -1)]


def test_a_centre_without_resources_says_so(client, library):
    from tests.factories import CentreFactory

    CentreFactory(slug="gamma", country="PT")
    html = client.get(
        reverse("centres:detail", kwargs={"slug": "gamma"})
    ).content.decode()
    assert "has not published any tools or case studies yet" in html

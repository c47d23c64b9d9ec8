"""The resource page: who may open it, what it shows, and that it stays safe."""

import datetime as dt
import json
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge import services
from knowledge.models import Resource
from tests.factories import resource_create

from .conftest_k1 import library_fixture, pdf_upload  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def page(client, resource, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(resource.get_absolute_url())


def jsonld(html):
    match = re.search(
        r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>',
        html,
        re.S,
    )
    assert match, "no JSON-LD block"
    return match[1], json.loads(match[2])


def meta(html, prop):
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html
    )
    return unescape(match[1]) if match else None


# --- Who may open it ---------------------------------------------------------


@pytest.mark.parametrize("name", ["guide", "leitfaden", "case", "report"])
def test_public_resources_open_for_anonymous_visitors(client, library, name):
    resource = getattr(library, name)
    response = page(client, resource)
    assert response.status_code == 200
    assert resource.title in response.content.decode()


@pytest.mark.parametrize("name", ["draft", "in_review", "archived", "network"])
def test_hidden_resources_are_not_found_by_anonymous_visitors(client, library, name):
    assert page(client, getattr(library, name)).status_code == 404


@pytest.mark.parametrize(
    ("name", "persona", "status"),
    [
        ("draft", "procurer", 404),
        ("draft", "editor_b", 404),
        ("draft", "outsider", 404),
        ("draft", "editor", 200),
        ("draft", "manager", 200),
        ("draft", "coordinator", 200),
        ("in_review", "editor_b", 404),
        ("in_review", "manager", 200),
        ("archived", "procurer", 404),
        ("archived", "editor", 200),
        ("network", "procurer", 404),
        ("network", "editor_b", 200),
        ("network", "editor", 200),
        ("network", "coordinator", 200),
    ],
)
def test_visibility_follows_visible_to(client, library, request, name, persona, status):
    user = request.getfixturevalue(persona)
    assert page(client, getattr(library, name), user).status_code == status


def test_the_centre_in_the_url_must_own_the_resource(client, library):
    response = client.get(
        reverse(
            "knowledge:resource-detail",
            kwargs={"centre_slug": "beta", "slug": library.guide.slug},
        )
    )
    assert response.status_code == 404


def test_staff_see_a_status_banner_on_unpublished_resources(client, library, editor):
    html = page(client, library.draft, editor).content.decode()
    assert "Not published: Draft" in html
    assert 'content="noindex, nofollow"' in html
    html = page(client, library.network, editor).content.decode()
    assert "Network only" in html
    assert "the public cannot" in html
    public = page(client, library.guide, editor).content.decode()
    assert "Not published" not in public
    assert "noindex" not in public


def test_own_staff_get_a_link_to_the_workspace(client, library, editor, editor_b):
    workspace = f'href="/manage/alpha/resources/{library.draft.pk}/"'
    assert workspace in page(client, library.draft, editor).content.decode()
    guide = f'href="/manage/alpha/resources/{library.guide.pk}/"'
    assert guide in page(client, library.guide, editor).content.decode()
    client.logout()
    assert guide not in page(client, library.guide).content.decode()
    assert guide not in page(client, library.guide, editor_b).content.decode()


# --- What it shows -----------------------------------------------------------


def test_page_shows_the_metadata_and_the_body(client, library):
    html = page(client, library.guide).content.decode()
    assert (
        '<h1 id="resource-title" lang="en">Guide to the procurement of innovation</h1>'
        in html
    )
    assert "Step by step through the procurement of innovative solutions." in html
    assert "<p>Start with the <strong>need</strong>, not with the solution.</p>" in html
    assert ">Tool</span>" in html and ">Guide</span>" in html
    assert "Emma Editor; Max Manager" in html
    assert '<time datetime="2021-03-01">1 March 2021</time>' in html
    assert ">English</span>" in html
    assert f'href="{reverse("knowledge:resource-list")}?sector=ict">ICT</a>' in html
    assert (
        f'href="{reverse("knowledge:resource-list")}?approach=pcp">Pre-commercial procurement</a>'
        in html
    )
    assert f'href="{reverse("knowledge:resource-list")}?country=DE">Germany</a>' in html
    assert "needs assessment" in html
    assert (
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/" '
        'rel="license noopener">CC BY-SA 4.0</a>'
    ) in html


def test_page_links_the_centre_and_offers_contact(client, library, centre):
    html = page(client, library.guide).content.decode()
    assert f'href="{centre.get_absolute_url()}"' in html
    assert "Contact this centre" in html
    assert re.search(
        r'href="mailto:alpha@example.org\?subject=Question%20about%3A%20Guide', html
    )


def test_case_study_shows_its_facts(client, library):
    html = page(client, library.case).content.decode()
    table = html.split('<table class="table kb-case__table">')[1].split("</table>")[0]
    for text in (
        "Municipality of Eindhoven",
        "Netherlands",
        "2021",
        "€1,250,000",
        "Competitive dialogue",
        "<code>34993000-4</code>",
        "<code>50232100-1</code>",
        'href="https://ted.europa.eu/en/notice/-/detail/123456-2021"',
        "Energy use fell by 58 percent.",
        "Involve the maintenance team early.",
    ):
        assert text in table, text


def test_a_tool_has_no_case_facts(client, library):
    assert "kb-case__table" not in page(client, library.guide).content.decode()


def test_attachments_are_listed_with_type_size_and_link(client, library):
    attachment = library.case.attachments.get()
    html = page(client, library.case).content.decode()
    url = reverse(
        "knowledge:attachment-download",
        kwargs={"centre_slug": "beta", "slug": library.case.slug, "pk": attachment.pk},
    )
    assert f'href="{url}"' in html
    assert "Full case report" in html
    assert f"PDF · {attachment.size}\xa0bytes" in html


def test_only_http_external_links_are_rendered(client, library):
    html = page(client, library.case).content.decode()
    assert 'href="https://example.org/lighting"' in html
    assert "javascript:" not in html
    assert "data:text/html" not in html
    assert "Sneaky" not in html


def test_translations_visible_to_the_user_are_offered(client, library, editor_b):
    html = page(client, library.guide).content.decode()
    section = html.split('class="kb-translations"')[1].split("</div>")[0]
    assert "Also available in" in section
    assert library.leitfaden.get_absolute_url() in section
    assert "(German)" in section
    assert library.network.title not in section  # network-only: not for visitors
    assert (
        f'hreflang="de" href="http://testserver{library.leitfaden.get_absolute_url()}"'
        in html
    )

    html = page(client, library.guide, editor_b).content.decode()
    assert library.network.title in html.split('class="kb-translations"')[1]


def test_a_resource_without_translations_has_no_such_section(client, library):
    assert "Also available in" not in page(client, library.report).content.decode()


def test_related_resources_are_shown_when_visible(client, library, editor, centre):
    services.resource_update(
        resource=library.case,
        by=editor,
        data={},
        related=[library.guide, library.draft],
    )
    html = page(client, library.case).content.decode()
    related = html.split('id="related-title"')[1]
    assert library.guide.title in related
    assert library.draft.title not in related
    # Related is symmetrical: the guide points back to the case.
    assert library.case.title in page(client, library.guide).content.decode()


def test_meta_tags_for_sharing_and_the_canonical_link(client, library):
    html = page(client, library.guide).content.decode()
    url = f"http://testserver{library.guide.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == library.guide.title
    assert meta(html, "og:description") == library.guide.summary
    assert meta(html, "og:url") == url
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "twitter:title") == library.guide.title
    assert meta(html, "article:tag") == "needs assessment"


def test_json_ld_describes_the_resource(client, library):
    response = page(client, library.guide)
    nonce, data = jsonld(response.content.decode())
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == library.guide.title
    assert data["description"] == library.guide.summary
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2021-03-01"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Alpha Centre",
        "url": "http://testserver" + reverse("centres:detail", args=["alpha"]),
    }
    assert data["author"] == [
        {"@type": "Person", "name": "Emma Editor"},
        {"@type": "Person", "name": "Max Manager"},
    ]
    assert data["url"] == f"http://testserver{library.guide.get_absolute_url()}"
    assert [t["inLanguage"] for t in data["workTranslation"]] == ["de"]


def test_json_ld_dates_publication_by_the_sites_calendar(client, library):
    # 00:30 on New Year's Day in Brussels is still New Year's Eve in UTC.
    published_at = dt.datetime(2027, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    Resource.objects.filter(pk=library.guide.pk).update(
        published_on=None, published_at=published_at
    )
    library.guide.refresh_from_db()
    _nonce, data = jsonld(page(client, library.guide).content.decode())
    assert data["datePublished"] == "2027-01-01"


def test_json_ld_of_a_case_study_names_what_it_is_about(client, library):
    _, data = jsonld(page(client, library.case).content.decode())
    assert data["@type"] == "Article"
    assert data["about"]["@type"] == "GovernmentOrganization"
    assert data["about"]["name"] == "Municipality of Eindhoven"
    assert data["associatedMedia"][0]["encodingFormat"] == "application/pdf"


def test_json_ld_cannot_be_broken_out_of(client, centre, editor):
    resource = resource_create(
        centre=centre,
        by=editor,
        published=True,
        title="Breakout </script><script>alert(1)</script>",
        summary="Ends </script> early & <!-- comments",
    )
    html = page(client, resource).content.decode()
    assert "</script><script>alert(1)" not in html
    _, data = jsonld(html)
    assert data["name"] == "Breakout </script><script>alert(1)</script>"
    assert data["description"] == "Ends </script> early & <!-- comments"


def test_script_in_a_body_never_reaches_the_page(client, centre, editor):
    resource = resource_create(
        centre=centre,
        by=editor,
        published=True,
        title="Body with tricks",
        body=(
            "Hello <script>window.__xss=1</script>\n\n"
            '<img src="x" onerror="window.__xss=2">\n\n'
            "[click me](javascript:alert(1)) and "
            '<a href="javascript:alert(2)" onclick="alert(3)">there</a>\n\n'
            '<iframe src="https://evil.example"></iframe>'
            '<svg onload="alert(4)"></svg>'
        ),
    )
    html = page(client, resource).content.decode()
    body = html.split('<div class="prose kb-body" lang="en">')[1].split("</div>")[0]
    assert "Hello" in body
    for bad in (
        "<script",
        "window.__xss",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "<iframe",
        "<svg",
    ):
        assert bad not in body, bad
    assert "window.__xss" not in html
    assert "javascript:" not in html


def test_print_stylesheet_is_linked(client, library):
    html = page(client, library.guide).content.decode()
    assert '<link rel="stylesheet" href="/static/css/knowledge.css">' in html


# --- A fixed number of queries ----------------------------------------------


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("persona", [None, "editor"])
def test_resource_page_query_count_is_fixed(client, centre, editor, request, persona):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    main = resource_create(
        centre=centre, by=editor, published=True, title="Main", summary="Main."
    )

    def grow(n, start):
        for i in range(start, n):
            other = resource_create(
                centre=centre,
                by=editor,
                published=True,
                title=f"Other {i}",
                summary="Other.",
                translation_of=main,
                language=["de", "nl", "es", "sv"][i % 4],
            )
            main.related.add(other)
            services.attachment_add(
                resource=main, by=editor, upload=pdf_upload(f"file-{i}.pdf")
            )

    grow(1, 0)
    url = main.get_absolute_url()
    one = count_queries(client, url)
    grow(50, 1)
    response = client.get(url)
    assert len(response.context["attachments"]) == 50
    assert len(response.context["related"]) == 50
    assert len(response.context["translations"]) == 50
    assert count_queries(client, url) == one

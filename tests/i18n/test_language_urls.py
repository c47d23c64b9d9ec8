"""Language in the address: public pages under /<lang>/, their hreflang alternates,
the sitemap per language, redirects from the old addresses, the language menu,
and the addresses that stay without a language (API, feeds, calendars)."""

import re
from html import unescape
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from p2i_portal.i18n import account_language
from tests.events.helpers import make_event
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

LANGS = [code for code, _name in settings.LANGUAGES]
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def reverse_in(lang, name, **kwargs):
    with translation.override(lang):
        return reverse(name, **kwargs)


@pytest.fixture
def public_resource(centre, manager):
    return resource_create(centre=centre, by=manager, published=True)


def hreflangs(html):
    found = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
    )
    return {lang: unescape(href) for lang, href in found}


def test_every_public_page_has_its_language_in_the_address():
    for lang in LANGS:
        assert reverse_in(lang, "home") == f"/{lang}/"
        assert reverse_in(lang, "knowledge:resource-list") == f"/{lang}/resources/"
    # Outside the prefix, the same in every language.
    for name in ("manage:index", "accounts:profile", "sitemap", "healthz"):
        assert reverse_in("de", name) == reverse_in("en", name)
        assert not reverse_in("de", name).startswith("/de/")


def test_a_public_page_names_all_eleven_languages_and_x_default(
    client, public_resource
):
    url = reverse_in(
        "de",
        "knowledge:resource-detail",
        kwargs={
            "centre_slug": public_resource.centre.slug,
            "slug": public_resource.slug,
        },
    )
    response = client.get(url)
    assert response.status_code == 200
    links = hreflangs(response.content.decode())
    assert set(links) == {*LANGS, "x-default"}
    for lang in LANGS:
        assert links[lang] == "http://testserver" + url.replace("/de/", f"/{lang}/", 1)
    # x-default: the address without a language, which redirects by preference.
    assert links["x-default"] == "http://testserver" + url.removeprefix("/de")
    assert response["Content-Language"] == "de"
    assert '<html lang="de"' in response.content.decode()


def test_a_search_keeps_its_query_in_the_alternates(client):
    url = reverse_in("nl", "knowledge:resource-list") + "?q=market&kind=tool"
    links = hreflangs(client.get(url).content.decode())
    assert links["fi"] == "http://testserver/fi/resources/?q=market&kind=tool"


def test_pages_outside_the_prefix_name_no_alternates(client, procurer):
    client.force_login(procurer)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert hreflangs(response.content.decode()) == {}


def test_sitemap_lists_every_page_in_each_language(client, public_resource):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)
    locations = [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    detail = public_resource.get_absolute_url().removeprefix("/en")
    for lang in LANGS:
        assert f"http://testserver/{lang}/" in locations
        assert f"http://testserver/{lang}/about/" in locations
        assert f"http://testserver/{lang}{detail}" in locations
    # Each entry names its versions in every language, and x-default.
    entry = next(
        url
        for url in tree.findall("s:url", SITEMAP_NS)
        if url.find("s:loc", SITEMAP_NS).text == f"http://testserver/el{detail}"
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in entry.findall("x:link", SITEMAP_NS)
    }
    assert set(alternates) == {*LANGS, "x-default"}
    assert alternates["x-default"] == f"http://testserver{detail}"
    assert alternates["sv"] == f"http://testserver/sv{detail}"


def test_old_address_follows_the_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get("/resources/?q=market&page=2")
    assert response.status_code == 302
    assert response["Location"] == "/de/resources/?q=market&page=2"
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_old_address_follows_the_browser_language(client):
    response = client.get("/events/", HTTP_ACCEPT_LANGUAGE="el-GR,el;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == reverse_in("el", "events:list")


def test_old_address_without_any_preference_goes_to_english(client):
    response = client.get("/about")  # without its final slash, too
    assert response.status_code == 302
    assert response["Location"] == reverse_in("en", "about")
    assert client.get("/")["Location"] == reverse_in("en", "home")


def test_cookie_comes_before_the_browser_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lt"
    response = client.get("/centres/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response["Location"] == reverse_in("lt", "centres:list")


def test_old_address_posted_to_is_redirected_with_the_post_kept(client):
    """A one-click unsubscribe from a mail sent before the prefix: 307, not 302."""
    response = client.post("/newsletter/unsubscribe/some-token/digest/")
    assert response.status_code == 307
    assert response["Location"] == "/en/newsletter/unsubscribe/some-token/digest/"


def test_unknown_old_address_is_still_not_found(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/de/no-such-page/").status_code == 404
    assert client.get("/xx/resources/").status_code == 404


def test_language_menu_keeps_the_page_and_sets_the_cookie(client, public_resource):
    page = reverse_in(
        "en",
        "knowledge:resource-detail",
        kwargs={
            "centre_slug": public_resource.centre.slug,
            "slug": public_resource.slug,
        },
    )
    # The cookie says Swedish; the menu is used on the English page.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    response = client.post(
        reverse("set_language"), {"language": "pt", "next": page + "?x=1"}
    )
    assert response.status_code == 302
    assert response["Location"] == page.replace("/en/", "/pt/", 1) + "?x=1"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pt"
    # The choice is remembered: an old address now leads to Portuguese.
    assert client.get("/events/")["Location"] == reverse_in("pt", "events:list")


def test_language_menu_on_a_page_without_a_language(client, procurer):
    client.force_login(procurer)
    profile = reverse("accounts:profile")
    response = client.post(reverse("set_language"), {"language": "it", "next": profile})
    assert response["Location"] == profile
    page = client.get(profile)
    assert page.status_code == 200
    assert '<html lang="it"' in page.content.decode()


def test_the_language_menu_names_the_page_it_is_on(client):
    html = client.get(reverse_in("es", "about")).content.decode()
    assert 'name="next" value="/es/about/"' in html


def test_account_language_comes_first(procurer):
    """The account's language (accounts.User.language) decides outside the
    prefix, before the cookie; one the portal does not offer is ignored."""
    assert account_language(procurer) is None
    procurer.language = "fi"
    assert account_language(procurer) == "fi"
    procurer.language = "xx"
    assert account_language(procurer) is None


def test_old_address_follows_the_account_language(client, procurer):
    procurer.language = "fi"
    procurer.save(update_fields=["language"])
    client.force_login(procurer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get("/resources/")
    assert response["Location"] == reverse_in("fi", "knowledge:resource-list")
    # Its workspace and account pages, which have no language in the address.
    page = client.get(reverse("accounts:profile"))
    assert '<html lang="fi"' in page.content.decode()
    # The menu's choice is kept on the account: pages and e-mails follow it.
    response = client.post(
        reverse("set_language"),
        {"language": "et", "next": reverse_in("fi", "about")},
    )
    assert response["Location"] == reverse_in("et", "about")
    procurer.refresh_from_db()
    assert procurer.language == "et"
    page = client.get(reverse("accounts:profile"))
    assert '<html lang="et"' in page.content.decode()


def test_api_is_not_prefixed_and_not_redirected(client):
    response = client.get("/api/v1/centres/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert reverse("api:centre-list") == "/api/v1/centres/"
    assert client.get("/de/api/v1/centres/").status_code == 404
    assert client.get(reverse("healthz")).status_code == 200


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("knowledge-neutral:feed", {}),
        ("knowledge-neutral:feed-sector", {"sector": "ict"}),
        ("newsletters-neutral:archive-feed", {}),
        ("events-neutral:feed", {}),
        ("events-neutral:feed-sector", {"sector": "ict"}),
    ],
)
def test_feeds_and_calendars_answer_at_their_old_addresses(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    assert not url.startswith("/en/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="el")
    assert response.status_code == 200
    # Neutral: the same answer whoever asks, in the default language.
    assert response["Content-Language"] == "en"


def test_links_inside_the_feed_point_to_pages_with_a_language(client, public_resource):
    body = client.get(reverse("knowledge-neutral:feed")).content.decode()
    assert f'href="http://testserver{public_resource.get_absolute_url()}"' in body
    assert "/en/resources/" in public_resource.get_absolute_url()
    # The feed at a language's address links that language's pages.
    german = client.get(reverse_in("de", "knowledge:feed")).content.decode()
    assert "http://testserver/de/resources/" in german


def test_links_inside_a_calendar_point_to_pages_with_a_language(
    client, centre, manager
):
    event = make_event(centre=centre, by=manager)
    body = client.get(reverse("events-neutral:feed")).content.decode()
    unfolded = body.replace("\r\n ", "")
    assert f"{settings.SITE_URL}/en/events/{event.slug}/" in unfolded


def test_mail_links_built_for_a_recipient_carry_her_language():
    """E-mails build links with reverse() inside translation.override(recipient's
    language): the address is the page in that language."""
    with translation.override("el"):
        assert reverse("events:list") == "/el/events/"
        assert reverse("newsletters:subscribe") == "/el/newsletter/"
    with translation.override("de"):
        assert reverse("manage:index") == "/manage/"

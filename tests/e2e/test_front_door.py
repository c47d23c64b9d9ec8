"""The front door in a real browser: a German and a Greek visitor choose their
language in the menu, then search with a facet, register for an event and sign up
for the newsletter from the home page, and meet no English interface text and no
axe-core violation of WCAG 2.1 AA on the way. On a 390 px phone the home page is
at most five screens long, the first search result and event show on the first
screen, and nothing shifts while the page loads (Cumulative Layout Shift)."""

import re
from datetime import timedelta
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from centres.models import Centre, Role
from events.models import Registration
from knowledge.models import Resource
from newsletters.models import Subscriber
from tests.conftest import with_totp
from tests.e2e.conftest import new_page
from tests.events.helpers import make_event
from tests.factories import (
    CentreFactory,
    UserFactory,
    membership_create,
    resource_create,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCALE = Path(settings.BASE_DIR) / "locale"

# Twelve national centres and three projects, as in the network: the home page
# lists them all, so its length is measured with as many as it really has.
NATIONAL = [
    ("AT", "IÖB"),
    ("DE", "KOINNO"),
    ("NL", "PIANOo"),
    ("ES", "CC Spain"),
    ("SE", "Upphandlingsmyndigheten"),
    ("EE", "CC Estonia"),
    ("GR", "CC Greece"),
    ("IE", "CC Ireland"),
    ("IT", "CC Italy"),
    ("PT", "CC Portugal"),
    ("FI", "KEINO"),
    ("LT", "MITA"),
]
PROJECTS = ["PROCEDIN", "BUILD", "Health InnoFacilitator"]


@pytest.fixture
def network(transactional_db):
    """A network the size of the real one, with events and resources whose titles
    are longer than most: content, which the checks of English text skip."""
    centres = [
        CentreFactory(
            slug=short.lower().replace(" ", "-").replace("ö", "o"),
            short_name=short,
            name=f"Competence centre {short}",
            country=code,
        )
        for code, short in NATIONAL
    ]
    for name in PROJECTS:
        CentreFactory(
            slug=name.lower().replace(" ", "-"),
            short_name=name,
            name=name,
            kind=Centre.Kind.PROJECT,
            country="",
        )
    koinno = centres[1]
    staff = UserFactory(email="staff@koinno.example.org")
    membership_create(centre=koinno, user=staff)
    manager = with_totp(UserFactory(email="manager@koinno.example.org"))
    membership_create(centre=koinno, user=manager, role=Role.MANAGER)

    def publish(**data):
        return resource_create(centre=koinno, by=staff, published=True, **data)

    for n in range(4):
        publish(
            kind=Resource.Kind.CASE_STUDY,
            title=f"Adaptive street lighting procured through a PCP, case {n}",
            summary="A city halves the energy use of its street lighting.",
            sectors=["energy"],
        )
        publish(
            kind=Resource.Kind.TOOL,
            title=f"Checklist for an early market consultation, edition {n}",
            summary="What to ask suppliers before the tender.",
            sectors=["ict"],
        )
    events = [
        make_event(
            centre=koinno,
            by=manager,
            title=f"Webinar: innovation partnerships in health care, part {n}",
            starts_at=timezone.now() + timedelta(days=7 + n),
            capacity=50,
        )
        for n in range(4)
    ]
    return {"event": events[0]}


def english_interface(lang: str) -> tuple[set[str], list[re.Pattern]]:
    """The English catalogue's strings that `lang` translates differently: the
    whole-text strings, and patterns for sentences (placeholders match anything)."""
    texts, patterns = set(), []
    for domain in ("django", "djangojs"):
        english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po"))
        other = {
            (e.msgctxt, e.msgid): e
            for e in polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"))
        }
        for entry in english:
            translated = other.get((entry.msgctxt, entry.msgid))
            if translated is None:
                continue
            sources = [entry.msgid] + (
                [entry.msgid_plural] if entry.msgid_plural else []
            )
            targets = (
                list(translated.msgstr_plural.values())
                if entry.msgid_plural
                else [translated.msgstr]
            )
            for source in sources:
                if source in targets or not re.search(r"[A-Za-z]{2}", source):
                    continue
                literal = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", "\0", source)
                if "\0" not in literal:
                    texts.add(" ".join(source.split()))
                words = re.findall(r"[A-Za-z]+", literal)
                if len(words) >= 4:  # a sentence: found inside longer text too
                    parts = [
                        re.escape(" ".join(p.split())) for p in literal.split("\0")
                    ]
                    patterns.append(re.compile(r"\s*.+?\s*".join(parts)))
    return texts, patterns


# The visible text of the page in its own language: text nodes and the names
# people read or hear (alt, aria-label, placeholder), skipping what is marked as
# another language (titles and summaries of resources and events carry theirs).
VISIBLE_TEXT = """() => {
  const lang = document.documentElement.lang;
  const own = (el) => { const l = el.closest('[lang]'); return !l || l.lang === lang; };
  const seen = (el) => el.checkVisibility ? el.checkVisibility() : true;
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text && own(el) && seen(el)) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[alt], [aria-label], [placeholder]')) {
    for (const name of ['alt', 'aria-label', 'placeholder']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value && own(el)) out.push(value);
    }
  }
  out.push(document.title);
  return out;
}"""


def english_on(page, lang: str, interface) -> list[str]:
    texts, patterns = interface
    assert page.evaluate("document.documentElement.lang") == lang, page.url
    segments = page.evaluate(VISIBLE_TEXT)
    found = {s for s in segments if s in texts}
    whole = " | ".join(segments)
    found |= {p.pattern for p in patterns if p.search(whole)}
    return sorted(found)


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def check(page, lang, interface):
    english = english_on(page, lang, interface)
    assert english == [], f"{page.url}: English interface text {english}"
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: {problems}"


def address(name, lang, **kwargs) -> str:
    # Under the visitor's language: public pages may carry it in their path.
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("lang", ["de", "el"])
def test_a_visitor_walks_the_front_door_in_german_and_in_greek(
    live_server, browser, network, lang
):
    base = live_server.url
    interface = english_interface(lang)
    mail.outbox.clear()
    context, page = new_page(browser)

    # The visitor arrives in English and picks the language in the menu.
    page.goto(base + reverse("home"))
    page.locator("#language-select").select_option(lang)
    page.locator(".lang-form button[type=submit]").click()
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    check(page, lang, interface)

    # The home page's search box, then a facet: case studies only.
    page.locator("#home-q").fill("lighting")
    page.locator("form.home-search button[type=submit]").click()
    page.wait_for_selector(".kb-result")
    check(page, lang, interface)
    page.locator("input[name=kind][value=case_study]").check()
    page.locator(".kb-facets__actions button[type=submit]").click()
    page.wait_for_url(re.compile(r"kind=case_study"))
    kinds = page.locator(".kb-result .kb-kind").all_inner_texts()
    assert kinds and len(set(kinds)) == 1
    check(page, lang, interface)

    # An event: its page, the registration, the confirmation from the e-mail.
    event = network["event"]
    page.goto(base + address("events:list", lang))
    check(page, lang, interface)
    page.goto(base + address("events:detail", lang, slug=event.slug))
    check(page, lang, interface)
    email = f"visitor-{lang}@example.org"
    page.locator("#register input[name=name]").fill("Visitor")
    page.locator("#register input[name=email]").fill(email)
    page.locator("#register form button[type=submit]").click()
    page.wait_for_load_state()
    check(page, lang, interface)
    [message] = [m for m in mail.outbox if email in m.to]
    link = next(w for w in message.body.split() if "/confirm/" in w)
    page.goto(base + "/" + link.split("://", 1)[1].split("/", 1)[1])
    check(page, lang, interface)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    check(page, lang, interface)
    with scopes_disabled():
        assert Registration.objects.get(email=email).status == "confirmed"

    # The newsletter sign-up on the home page.
    page.goto(base + address("home", lang))
    page.locator("#home-nl-email").fill(f"reader-{lang}@example.org")
    page.locator("#home-nl-consent").check()
    page.locator(".home-newsletter__form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/newsletter/thanks/$"))
    check(page, lang, interface)
    subscriber = Subscriber.objects.get(email=f"reader-{lang}@example.org")
    assert subscriber.status == "pending" and subscriber.language == lang
    assert subscriber.wants_newsletter and subscriber.digest_frequency == "none"
    context.close()


def test_the_home_page_is_at_most_five_screens_on_a_phone(
    live_server, browser, network
):
    for lang in [code for code, _ in settings.LANGUAGES]:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.add_cookies(
            [
                {
                    "name": settings.LANGUAGE_COOKIE_NAME,
                    "value": lang,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(live_server.url + address("home", lang))
        assert page.evaluate("document.documentElement.lang") == lang
        # Everything the front door promises is on it.
        for selector in (
            "#home-q",
            ".home-list--events li",
            "#resources-title",
            "#cases-title",
            "#home-nl-email",
        ):
            assert page.locator(selector).count(), (lang, selector)
        screens = page.evaluate(
            "document.scrollingElement.scrollHeight / window.innerHeight"
        )
        assert screens <= 5, f"{lang}: {screens:.2f} screens"
        sideways = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert sideways <= 0, f"{lang}: scrolls sideways by {sideways}px"
        context.close()


LAYOUT_SHIFT = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def slow_scripts(route):
    # Scripts arriving after the first paint, as on a slow mobile network: what
    # they change then is what Lighthouse counts as layout shift.
    import time

    time.sleep(0.5)
    route.continue_()


@pytest.mark.parametrize("name", ["home", "knowledge:resource-list", "events:list"])
def test_nothing_shifts_while_a_page_loads_on_a_phone(
    live_server, browser, network, name
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    page.route(re.compile(r"\.js(\?|$)|/i18n/js/"), slow_scripts)
    page.goto(live_server.url + reverse(name), wait_until="load")
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.classList.contains('js')")
    cls = page.evaluate("window.__cls")
    assert cls < 0.05, f"{name}: CLS {cls:.3f}"
    context.close()


@pytest.mark.parametrize(
    ("name", "first", "panel"),
    [
        ("knowledge:resource-list", ".kb-result", "#kb-filters"),
        ("events:list", ".event-card", "#event-filters"),
    ],
)
def test_filters_fold_on_a_phone_and_apply_comes_first(
    live_server, browser, network, name, first, panel
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + reverse(name))
    # The first result is on the first screen; the filters wait behind a button.
    assert page.locator(first).first.bounding_box()["y"] < PHONE["height"]
    assert not page.locator(panel).is_visible()
    toggle = page.get_by_role("button", name="Filters", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(panel).is_visible()
    # From the button, the next stop of the keyboard is "Apply filters".
    toggle.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == (
        "Apply filters"
    )
    # Escape folds the panel again and returns to its button.
    page.keyboard.press("Escape")
    assert not page.locator(panel).is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Filters"
    context.close()


def test_the_menu_and_the_filters_open_without_javascript(
    live_server, browser, network
):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("knowledge:resource-list"))
    assert not page.locator("#primary-nav").is_visible()
    page.get_by_role("link", name="Menu").click()
    assert page.locator("#primary-nav").is_visible()
    assert not page.locator("#kb-filters").is_visible()
    page.get_by_role("link", name="Filters", exact=True).click()
    assert page.locator("#kb-filters").is_visible()
    page.locator("input[name=kind][value=case_study]").check()
    page.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url(re.compile(r"kind=case_study"))
    assert page.locator(".kb-result").count() == 4
    context.close()

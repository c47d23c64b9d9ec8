"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server."""

import os
import re
import shutil

import pytest

from accounts.totp import totp_code_now
from tests.conftest import TOTP_SECRET
from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make between browser steps are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("P2I_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def new_page(browser, **options):
    """A fresh context (its own cookies: another person at the same site) and
    its page, as (context, page); the caller closes the context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.fixture
def page(browser):
    context, page = new_page(browser, locale="en-GB")
    yield page
    context.close()


def axe_serious(page) -> list[str]:
    """axe-core on the current page: the serious and critical violations, described."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_accessible(page):
    """No serious or critical axe-core violation on the page, read once it has
    loaded (a click returns when the next document commits, before it loads)."""
    page.wait_for_load_state()
    problems = axe_serious(page)
    assert problems == [], f"{page.url}: {problems}"


def sign_in(
    page, base, email, *, with_code=False, password=PASSWORD, secret=TOTP_SECRET
):
    """Sign in with the password, then (with_code) the account's current TOTP
    code, and return once the browser has left the sign-in pages."""
    page.goto(base + "/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form:has(input[name=login]) [type=submit]").first.click()
    if with_code:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.locator("input[name=code]").fill(totp_code_now(secret))
        page.locator("form:has(input[name=code]) [type=submit]").first.click()
    # Wait for the next page itself: a click can return before its navigation
    # commits, and a refused code keeps the browser here until the timeout.
    page.wait_for_url(
        lambda url: (
            "/accounts/login/" not in url and "/accounts/2fa/authenticate/" not in url
        )
    )
    page.wait_for_load_state()

"""The navigation and footer of every page are cached per process (base.html's
fragments): each page, language and visitor still gets its own."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def current(html: str) -> list[str]:
    """The labels of the main navigation's links marked as the current page."""
    nav = html[html.index('id="primary-nav"') : html.index("</nav>")]
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


def test_each_page_marks_its_own_link(client):
    assert current(client.get(reverse("home")).content.decode()) == ["Home"]
    assert current(client.get(reverse("centres:list")).content.decode()) == ["Centres"]
    assert current(client.get(reverse("knowledge:resource-list")).content.decode()) == [
        "Knowledge base"
    ]
    assert current(client.get(reverse("home")).content.decode()) == ["Home"]


def test_each_language_gets_its_own(client):
    client.get(reverse("home"))
    translation.activate("de")  # reverse() now gives the de pages
    html = client.get(reverse("home")).content.decode()
    assert current(html) == ["Startseite"]
    assert "Anmelden" in html and ">Sign in<" not in html
    translation.activate("en")  # reverse() now gives the en pages
    assert current(client.get(reverse("home")).content.decode()) == ["Home"]


def test_a_signed_in_user_gets_their_own_navigation(client, editor):
    anonymous = client.get(reverse("home")).content.decode()
    assert "Sign in" in anonymous and "Sign out" not in anonymous
    client.force_login(editor)
    signed_in = client.get(reverse("home")).content.decode()
    assert "Sign out" in signed_in and ">Sign in<" not in signed_in
    assert "Workspaces" in signed_in and "Profile" in signed_in
    assert "Create an account" not in signed_in  # the footer's, too
    client.logout()
    assert "Sign in" in client.get(reverse("home")).content.decode()

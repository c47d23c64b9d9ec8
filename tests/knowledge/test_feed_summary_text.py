"""Atom feeds send a resource's plain-text summary as text, not as HTML."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import resource_create

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SUMMARY = (
    'Read <b>this</b> & <script>alert("x")</script> <a href="https://evil">now</a>'
)


@pytest.mark.parametrize(
    "url",
    [
        "/resources/feed/",
        "/resources/feed/centre/alpha/",
        "/resources/feed/sector/ict/",
    ],
)
def test_summaries_are_sent_as_text(client, centre, editor, url):
    resource_create(centre=centre, by=editor, published=True, summary=SUMMARY)

    response = client.get(url)

    root = ET.fromstring(response.content)  # noqa: S314 - our own XML
    (summary,) = root.findall(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == SUMMARY  # the reader shows these characters as they are
    assert b'type="html"' not in response.content

"""Markdown keeps only images from the portal's own media: any other image would
be fetched by every reader of a page or a newsletter (a tracking pixel)."""

import pytest

from knowledge.markdown import render_markdown
from tests.factories import resource_create


@pytest.mark.parametrize(
    "markdown",
    [
        "![pixel](https://tracker.example/p.gif?u=1)",
        "![pixel](http://tracker.example/p.gif)",
        "![pixel](//tracker.example/p.gif)",
        '<img src="https://tracker.example/p.gif" alt="pixel">',
        "<IMG SRC='https://tracker.example/p.gif'>",
        '<p>Text <img src=" https://tracker.example/p.gif"></p>',
        "[![badge](https://tracker.example/b.svg)](https://example.org/)",
        # Looks like the site, is not the site.
        "![x](http://127.0.0.1:8000.tracker.example/media/p.gif)",
        "![x](https://tracker.example/media/p.gif)",
    ],
)
def test_no_image_from_elsewhere_survives(markdown):
    html = render_markdown(markdown)
    assert "tracker.example" not in html.split("href=")[0]
    assert 'src="' not in html or "tracker.example" not in html.split('src="')[1]


def test_an_external_markdown_image_becomes_a_link_to_it():
    html = render_markdown("See ![the chart](https://stats.example/chart.png) here.")
    assert html == (
        '<p>See <a href="https://stats.example/chart.png" '
        'rel="noopener noreferrer nofollow">the chart</a> here.</p>'
    )


def test_an_image_inside_a_link_leaves_the_link_and_its_words():
    html = render_markdown("[![build](https://ci.example/b.svg)](https://example.org/)")
    assert html == (
        '<p><a href="https://example.org/" rel="noopener noreferrer nofollow">'
        "build</a></p>"
    )


def test_a_raw_external_image_loses_its_source():
    assert render_markdown('<img src="https://t.example/p.gif" alt="x">') == (
        '<p><img alt="x"></p>'
    )


@pytest.mark.parametrize(
    "src",
    ["/media/knowledge/alpha/chart.png", "http://127.0.0.1:8000/media/chart.png"],
)
def test_images_from_the_portals_own_media_stay(src):
    html = render_markdown(f"![chart]({src})")
    assert f'src="{src}"' in html


def test_own_media_follows_the_settings(settings):
    settings.MEDIA_URL = "https://files.p2i.example.eu/media/"
    assert 'src="https://files.p2i.example.eu/media/a.png"' in render_markdown(
        "![a](https://files.p2i.example.eu/media/a.png)"
    )
    assert "<img" not in render_markdown("![a](/media/a.png)")


@pytest.mark.django_db
def test_a_saved_resource_body_keeps_no_tracking_pixel(centre, editor):
    resource = resource_create(
        centre=centre,
        by=editor,
        body='Hello ![](https://tracker.example/p.gif) <img src="https://tracker.example/q.gif">',
    )
    assert "tracker.example/p.gif" in resource.body_html  # as a link
    assert "<img" not in resource.body_html.replace("<img>", "")
    assert 'src="https://tracker.example' not in resource.body_html

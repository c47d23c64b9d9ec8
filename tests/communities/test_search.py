"""Search inside a community: PostgreSQL full text on titles and visible posts,
stemmed with the community's language (the knowledge base's mapping); nothing
of a closed community in the public search, feeds, sitemap or event calendar."""

import pytest
from django.urls import reverse

from communities import services
from communities.models import Post

from .helpers import community, person

pytestmark = pytest.mark.django_db


def search(client, c, q):
    response = client.get(
        reverse("communities:search", kwargs={"slug": c.slug}), {"q": q}
    )
    assert response.status_code == 200
    return response


def test_finds_threads_by_title_and_stemmed_body(client, open_c, open_thread, member):
    services.post_reply(
        thread=open_thread, author=member, body="We procured refurbished chairs."
    )
    assert "Reuse of furniture" in search(client, open_c, "chair").text
    assert "Reuse of furniture" in search(client, open_c, "furniture").text
    assert "1 thread found" in search(client, open_c, "furniture").text
    assert "0 threads found" in search(client, open_c, "helicopter").text


def test_uses_the_community_language(client, centre):
    c = community(centre, slug="koinno-forum", language="de")
    author = person(c)
    services.thread_start(
        community=c, author=author, title="Ausschreibung", body="Wir kaufen Fahrräder."
    )
    # German stemming: "Fahrrad" and "Fahrräder" share a stem.
    assert "Ausschreibung" in search(client, c, "Fahrräder").text


def test_hidden_and_waiting_posts_are_not_searched(
    client, open_c, open_thread, member, editor
):
    hidden = services.post_reply(
        thread=open_thread, author=member, body="Secret quokka word"
    )
    services.post_hide(post=hidden, by=editor, reason="No")
    services.post_reply(
        thread=open_thread,
        author=member,
        body="Another wombat",
        status=Post.Status.PENDING,
    )
    assert "0 threads found" in search(client, open_c, "quokka").text
    assert "0 threads found" in search(client, open_c, "wombat").text


def test_closed_community_never_leaks_into_public_channels(
    client, closed_c, closed_thread, coordinator
):
    """The unique word of a closed thread appears in no public search, feed,
    sitemap or calendar, whoever asks."""
    word = "zyxwvut"
    addresses = [
        reverse("knowledge:resource-list") + f"?q={word}",
        reverse("knowledge:feed"),
        "/sitemap.xml",
        reverse("events:list"),
        reverse("communities:list"),
        reverse("home"),
    ]
    for who in (None, person(), coordinator):
        if who is not None:
            client.force_login(who)
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 200, address
            body = response.content.decode()
            if "?q=" in address:  # the search repeats the words asked for
                assert "0 resources" in body
                body = body.replace(word, "")
            assert word not in body, address
            assert "Confidential hospital tender" not in body, address
        if who is not None:
            # The coordinator reads the community; still nothing in public ones.
            client.logout()
    response = client.get(
        reverse("communities:search", kwargs={"slug": closed_c.slug}), {"q": word}
    )
    assert response.status_code == 404

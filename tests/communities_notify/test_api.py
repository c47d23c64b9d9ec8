"""The communities API per role: anonymous, signed-in non-member, member,
moderator and the coordinator; a closed community is 404 for everyone else;
posting by token through the services and their rules."""

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.services import api_token_create
from communities.models import CommunityMember, Post, Thread
from tests.factories import UserFactory

from .helpers import join, make_community, reply, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(centre, coordinator, procurer):
    open_ = make_community(centre=centre, slug="circular")
    closed = make_community(centre=centre, slug="health", closed=True)
    member = join(open_, email="member@example.org")
    join(closed, member)
    moderator = join(closed, role="moderator", email="mod@example.org")
    open_thread = start(open_, member, title="Open talk")
    reply(open_thread, member, body="First reply")
    closed_thread = start(closed, member, title="Closed talk")
    return {
        "open": open_,
        "closed": closed,
        "member": member,
        "moderator": moderator,
        "coordinator": coordinator,
        "procurer": procurer,
        "open_thread": open_thread,
        "closed_thread": closed_thread,
    }


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    return client


def slugs(response):
    return [c["slug"] for c in response.json()["results"]]


def threads_url(slug):
    return reverse("api:community-thread-list", kwargs={"community_slug": slug})


def thread_url(thread):
    return reverse(
        "api:community-thread-detail",
        kwargs={"community_slug": thread.community.slug, "pk": thread.pk},
    )


def reply_url(thread):
    return reverse(
        "api:community-thread-reply",
        kwargs={"community_slug": thread.community.slug, "pk": thread.pk},
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", ["circular"]),
        ("procurer", ["circular"]),
        ("member", ["circular", "health"]),
        ("moderator", ["circular", "health"]),
        ("coordinator", ["circular", "health"]),
    ],
)
def test_the_list_shows_what_each_role_may_read(world, who, expected):
    user = None if who == "anonymous" else world[who]
    response = api(user).get(reverse("api:community-list"))
    assert response.status_code == 200
    assert slugs(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize("who", ["anonymous", "procurer"])
def test_a_closed_community_is_404_for_outsiders_everywhere(world, who):
    user = None if who == "anonymous" else world[who]
    client = api(user)
    thread = world["closed_thread"]
    for url in (
        reverse("api:community-detail", kwargs={"slug": "health"}),
        threads_url("health"),
        thread_url(thread),
    ):
        assert client.get(url).status_code == 404, url
    if user is not None:
        response = client.post(reply_url(thread), {"body": "Let me in"})
        assert response.status_code == 404
        response = client.post(threads_url("health"), {"title": "x", "body": "y"})
        assert response.status_code == 404
    assert Post.objects.filter(thread=thread).count() == 1


def test_a_member_reads_the_closed_community_and_its_posts(world):
    response = api(world["member"]).get(thread_url(world["closed_thread"]))
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Closed talk"
    assert data["abilities"] == {"reply": True}
    assert data["posts"]["count"] == 1
    [post] = data["posts"]["results"]
    assert post["body"] == "Who tried it?"
    assert post["status"] == "visible"
    assert "email" not in post["author"]


def test_the_coordinator_reads_a_closed_community_but_may_not_post(world):
    client = api(world["coordinator"])
    response = client.get(threads_url("health"))
    assert response.status_code == 200
    assert [t["title"] for t in response.json()["results"]] == ["Closed talk"]
    response = client.post(reply_url(world["closed_thread"]), {"body": "Hi"})
    assert response.status_code == 403


def test_thread_posts_are_paged_and_hidden_ones_left_out(world):
    thread = world["open_thread"]
    for n in range(22):
        reply(thread, world["member"], body=f"Reply {n}")
    Post.objects.filter(thread=thread, body="Reply 0").update(status=Post.Status.HIDDEN)
    client = api()
    first = client.get(thread_url(thread)).json()["posts"]
    assert first["count"] == 23  # opening post, first reply, 21 visible replies
    assert len(first["results"]) == 20 and first["previous"] is None
    second = client.get(first["next"]).json()["posts"]
    assert len(second["results"]) == 3
    assert "Reply 0" not in [p["body"] for p in first["results"] + second["results"]]
    assert client.get(thread_url(thread), {"page": 9}).status_code == 404


def test_a_member_starts_a_thread_with_her_token(world, centre):
    response = api(world["member"]).post(
        threads_url("circular"),
        {"title": "Tender templates", "body": "Anyone **sharing**?"},
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    thread = Thread.objects.get(pk=data["id"])
    assert thread.community.slug == "circular"
    assert thread.author == world["member"]
    assert data["post"]["status"] == "visible"
    assert "<strong>sharing</strong>" in data["post"]["body_html"]


def test_a_non_member_may_not_post_in_an_open_community(world):
    client = api(world["procurer"])
    response = client.post(threads_url("circular"), {"title": "x", "body": "y"})
    assert response.status_code == 403
    response = client.post(reply_url(world["open_thread"]), {"body": "y"})
    assert response.status_code == 403
    assert Thread.objects.filter(title="x").count() == 0


def test_anonymous_posting_answers_401(world):
    response = api().post(reply_url(world["open_thread"]), {"body": "y"})
    assert response.status_code == 401


def test_a_locked_thread_takes_no_reply(world):
    Thread.objects.filter(pk=world["open_thread"].pk).update(locked=True)
    response = api(world["member"]).post(
        reply_url(world["open_thread"]), {"body": "Too late"}
    )
    assert response.status_code == 409
    assert "locked" in response.json()["detail"]
    assert not Post.objects.filter(body="Too late").exists()


def test_a_reply_by_token_is_stored_and_mailed(
    world, django_capture_on_commit_callbacks
):
    join(world["open"], notify="instant", email="listener@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api(world["member"]).post(
            reply_url(world["open_thread"]), {"body": "By API"}, format="json"
        )
    assert response.status_code == 201
    assert response.json()["status"] == "visible"
    assert Post.objects.filter(body="By API", author=world["member"]).exists()
    assert [m.to for m in mail.outbox] == [["listener@example.org"]]


def test_a_new_accounts_first_post_in_a_closed_community_waits(world):
    newcomer = join(world["closed"], UserFactory())
    response = api(newcomer).post(
        reply_url(world["closed_thread"]), {"body": "Hello all"}
    )
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    # Not shown to readers until a moderator approves it.
    data = api(world["moderator"]).get(thread_url(world["closed_thread"])).json()
    assert "Hello all" not in [p["body"] for p in data["posts"]["results"]]


def test_posting_is_rate_limited(world):
    client = api(world["member"])
    answers = [
        client.post(reply_url(world["open_thread"]), {"body": f"Post {n}"}).status_code
        for n in range(8)
    ]
    assert answers[:6] == [201] * 6
    assert answers[6:] == [429, 429]
    assert Post.objects.filter(body__startswith="Post ").count() == 6


def test_a_banned_member_may_not_post(world):
    CommunityMember.objects.filter(
        user=world["member"], community=world["open"]
    ).update(status=CommunityMember.Status.BANNED)
    response = api(world["member"]).post(reply_url(world["open_thread"]), {"body": "x"})
    assert response.status_code == 403


def test_bad_input_is_refused_and_changes_nothing(world):
    client = api(world["member"])
    response = client.post(threads_url("circular"), {"title": "", "body": "x"})
    assert response.status_code == 400
    assert "title" in response.json()
    response = client.post(reply_url(world["open_thread"]), {"body": 42}, format="json")
    assert response.status_code == 400
    assert Thread.objects.count() == 2

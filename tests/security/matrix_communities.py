"""Permission matrix of the communities of practice (/en/communities/…).

The world: centre A owns an open community (m-open) whose moderator is editor
B (a member there, nothing in A's workspace), and a closed one (m-closed) where
the procurer is a member. A's staff and the coordinator moderate both; editor
B has no power in m-closed and gets 404 on each of its addresses, as everyone
outside it does; the procurer is no member of m-open, so she reads it but may
not post (403, with a message). A closed community's join page is its one door
for people outside (it shows nothing of the community but its name). In A's
workspace, staff list A's communities and managers create and edit them.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

OPEN = "/en/communities/m-open/"
CLOSED = "/en/communities/m-closed/"
INSIDE_CLOSED = {
    "anonymous": 404,
    "procurer": 200,
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 404,
    "coordinator": 200,
}


def closed(status, anonymous=302, procurer=None):
    """Signed-in insiders of m-closed get `status`, editor B 404."""
    return {
        **signed_in(status, anonymous),
        "procurer": status if procurer is None else procurer,
        "editor_b": 404,
    }


def moderators(status, editor_b):
    return {
        "anonymous": 302,
        "procurer": 404,
        "editor_a": status,
        "manager_a": status,
        "editor_b": editor_b,
        "coordinator": status,
    }


def world(values, people):
    from communities import services
    from communities.models import Community, CommunityMember
    from tests.advice.helpers import pdf
    from tests.factories import UserFactory

    centre = people["centre"]
    procurer, editor_b = people["procurer"], people["editor_b"]
    open_c = Community.objects.create(
        centre=centre, name="Matrix open", slug="m-open", purpose="Open talk"
    )
    closed_c = Community.objects.create(
        centre=centre,
        name="Matrix closed",
        slug="m-closed",
        purpose="Closed talk",
        visibility=Community.Visibility.CLOSED,
    )
    CommunityMember.objects.create(
        community=open_c, user=editor_b, role=CommunityMember.Role.MODERATOR
    )
    CommunityMember.objects.create(community=closed_c, user=procurer)
    asking = UserFactory(email="asking@example.org")
    request = CommunityMember.objects.create(
        community=closed_c, user=asking, status=CommunityMember.Status.PENDING
    )
    open_thread = services.thread_start(
        community=open_c, author=editor_b, title="Open thread", body="Hello"
    )
    closed_thread = services.thread_start(
        community=closed_c,
        author=procurer,
        title="Closed thread",
        body="Private",
        uploads=[pdf("matrix-community.pdf")],
    )
    closed_post = closed_thread.posts.get()
    values.update(
        cm_open_thread=open_thread.pk,
        cm_closed_thread=closed_thread.pk,
        cm_open_post=open_thread.posts.get().pk,
        cm_closed_post=closed_post.pk,
        cm_closed_file=closed_post.files.get().pk,
        cm_request=request.pk,
        cm_open_id=open_c.pk,
    )


MANAGE = "/manage/alpha/communities/"

ENTRIES = {
    "manage:communities:list": [
        Check(MANAGE, workspace(200)),
        Check(
            "/manage/beta/communities/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:communities:create": [
        Check(MANAGE + "new/", workspace(403, 200)),
        Check(MANAGE + "new/", workspace(403, 400), "post", {"name": ""}),
    ],
    "manage:communities:edit": [
        Check(MANAGE + "{cm_open_id}/", workspace(403, 200)),
        Check(MANAGE + "{cm_open_id}/", workspace(403, 400), "post", {"name": ""}),
        # A's community in B's workspace: B's editor is refused the form
        # (managers only), the coordinator finds no such community there.
        Check(
            "/manage/beta/communities/{cm_open_id}/",
            {**workspace(404), "editor_b": 403},
        ),
    ],
    "communities:list": [Check("/en/communities/", everyone(200))],
    "communities:detail": [
        Check(OPEN, everyone(200)),
        Check(CLOSED, INSIDE_CLOSED),
        Check("/en/communities/no-such-community/", everyone(404)),
    ],
    "communities:join": [
        Check(CLOSED + "join/", signed_in(200)),
        Check(OPEN + "join/", signed_in(302)),
        Check(OPEN + "join/", signed_in(302), "post"),
        Check(CLOSED + "join/", signed_in(302), "post", {"message": "Please"}),
        Check("/en/communities/nowhere/join/", signed_in(404)),
    ],
    "communities:leave": [
        Check(OPEN + "leave/", signed_in(302), "post"),
        Check(CLOSED + "leave/", closed(302), "post"),
        Check(OPEN + "leave/", signed_in(405)),
    ],
    "communities:members": [
        Check(OPEN + "members/", {**signed_in(200), "procurer": 403}),
        Check(CLOSED + "members/", closed(200)),
    ],
    "communities:search": [
        Check(OPEN + "search/?q=hello", everyone(200)),
        Check(OPEN + "search/?q=", everyone(200)),
        Check(CLOSED + "search/?q=private", INSIDE_CLOSED),
    ],
    "communities:thread-new": [
        Check(OPEN + "threads/new/", {**signed_in(200), "procurer": 403}),
        Check(CLOSED + "threads/new/", closed(200)),
        Check(CLOSED + "threads/new/", closed(400), "post", {"title": ""}),
    ],
    "communities:thread": [
        Check(OPEN + "threads/{cm_open_thread}/", everyone(200)),
        Check(CLOSED + "threads/{cm_closed_thread}/", INSIDE_CLOSED),
        Check(OPEN + "threads/{cm_closed_thread}/", everyone(404)),
        Check(
            CLOSED + "threads/{cm_closed_thread}/",
            {**INSIDE_CLOSED, **dict.fromkeys(["procurer", "editor_a"], 400)}
            | {"manager_a": 400, "coordinator": 400},
            "post",
            {"body": ""},
        ),
        Check(
            OPEN + "threads/{cm_open_thread}/",
            {**signed_in(400), "procurer": 403},
            "post",
            {"body": ""},
        ),
    ],
    "communities:thread-moderate": [
        Check(
            OPEN + "threads/{cm_open_thread}/moderate/",
            moderators(302, 302),
            "post",
            {"action": "lock"},
        ),
        Check(
            CLOSED + "threads/{cm_closed_thread}/moderate/",
            moderators(302, 404),
            "post",
            {"action": "pin"},
        ),
    ],
    "communities:post-edit": [
        Check(
            CLOSED + "posts/{cm_closed_post}/edit/",
            {**signed_in(404), "procurer": 200},
        ),
        Check(
            CLOSED + "posts/{cm_closed_post}/edit/",
            {**signed_in(404), "procurer": 400},
            "post",
            {"body": ""},
        ),
        Check(
            OPEN + "posts/{cm_closed_post}/edit/", {**signed_in(404), "procurer": 403}
        ),
    ],
    "communities:post-report": [
        Check(
            CLOSED + "posts/{cm_closed_post}/report/",
            closed(302),
            "post",
            {"reason": "Spam"},
        ),
        Check(
            OPEN + "posts/{cm_open_post}/report/",
            {**signed_in(302), "procurer": 403},
            "post",
            {"reason": "Spam"},
        ),
    ],
    "communities:post-moderate": [
        Check(
            CLOSED + "posts/{cm_closed_post}/moderate/",
            moderators(302, 404),
            "post",
            {"action": "hide", "reason": "Off topic"},
        ),
        Check(
            OPEN + "posts/{cm_open_post}/moderate/",
            moderators(302, 302),
            "post",
            {"action": "dismiss"},
        ),
        Check(
            OPEN + "posts/{cm_closed_post}/moderate/",
            moderators(404, 404),
            "post",
            {"action": "hide", "reason": "x"},
        ),
    ],
    "communities:file": [
        Check(CLOSED + "files/{cm_closed_file}/", INSIDE_CLOSED),
        Check(OPEN + "files/{cm_closed_file}/", everyone(404)),
    ],
    "communities:moderation": [
        Check(OPEN + "moderation/", moderators(200, 200)),
        Check(CLOSED + "moderation/", moderators(200, 404)),
    ],
    "communities:member-moderate": [
        Check(
            CLOSED + "members/{cm_request}/moderate/",
            moderators(302, 404),
            "post",
            {"action": "approve"},
        ),
        Check(
            OPEN + "members/{cm_request}/moderate/",
            moderators(404, 404),
            "post",
            {"action": "approve"},
        ),
    ],
}

"""Permission matrix of /api/v1/communities/ (see test_permission_matrix).

The world: an open community of centre A and a closed one. The procurer is a
member of both, editor A a moderator of the closed one; manager A (the owner's
staff), editor B and the coordinator are members of neither. A closed
community, its threads and posts answer 404 to everyone but its members, its
owner's staff and the coordinator, as its pages do; only active members post
(others 403, anonymous 401).
"""

from .test_permission_matrix import Check, everyone

API = "/api/v1/communities/"
OPEN, CLOSED = "mx-api-open", "mx-api-closed"
FORMAT = "\\.(?P<format>[a-z0-9]+)/?$"
SLUG = "(?P<slug>[-a-zA-Z0-9_]+)"
THREADS = "(?P<community_slug>[-a-zA-Z0-9_]+)/threads"
PK = "(?P<pk>[0-9]+)"


def who(*, anonymous, procurer, editor_a, manager_a, editor_b, coordinator):
    return {
        "anonymous": anonymous,
        "procurer": procurer,
        "editor_a": editor_a,
        "manager_a": manager_a,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }


READ_CLOSED = who(
    anonymous=404,
    procurer=200,
    editor_a=200,
    manager_a=200,
    editor_b=404,
    coordinator=200,
)
POST_OPEN = who(
    anonymous=401,
    procurer=201,
    editor_a=403,
    manager_a=403,
    editor_b=403,
    coordinator=403,
)
POST_CLOSED = who(
    anonymous=401,
    procurer=201,
    editor_a=201,
    manager_a=403,
    editor_b=404,
    coordinator=403,
)
NEW_THREAD = {"title": "Matrix thread", "body": "Made by the matrix."}


def world(values, people):
    from communities import services
    from communities.models import Community, CommunityMember

    centre, procurer, editor = people["centre"], people["procurer"], people["editor"]
    open_ = Community.objects.create(
        centre=centre, slug=OPEN, name="Matrix API open", purpose="Open."
    )
    closed = Community.objects.create(
        centre=centre,
        slug=CLOSED,
        name="Matrix API closed",
        purpose="Closed.",
        visibility=Community.Visibility.CLOSED,
    )
    CommunityMember.objects.create(community=open_, user=procurer)
    CommunityMember.objects.create(community=closed, user=procurer)
    CommunityMember.objects.create(
        community=closed, user=editor, role=CommunityMember.Role.MODERATOR
    )
    values.update(
        cn_api_open_thread=services.thread_start(
            community=open_, author=procurer, title="Open", body="Hello."
        ).pk,
        cn_api_closed_thread=services.thread_start(
            community=closed, author=procurer, title="Closed", body="Hello."
        ).pk,
    )


def _thread(slug, key, suffix="/"):
    return f"{API}{slug}/threads/{{{key}}}{suffix}"


ENTRIES = {
    "api:community-list api/v1/^communities/$": [Check(API, everyone(200))],
    f"api:community-list api/v1/^communities{FORMAT}": [
        Check("/api/v1/communities.json", everyone(200))
    ],
    f"api:community-detail api/v1/^communities/{SLUG}/$": [
        Check(f"{API}{OPEN}/", everyone(200)),
        Check(f"{API}{CLOSED}/", READ_CLOSED),
        Check(f"{API}no-such-community/", everyone(404)),
        Check(f"{API}{OPEN}/", everyone(405), "delete"),
    ],
    f"api:community-detail api/v1/^communities/{SLUG}{FORMAT}": [
        Check(f"{API}{OPEN}.json", everyone(200)),
        Check(f"{API}{CLOSED}.json", READ_CLOSED),
    ],
    f"api:community-thread-list api/v1/^communities/{THREADS}/$": [
        Check(f"{API}{OPEN}/threads/", everyone(200)),
        Check(f"{API}{CLOSED}/threads/", READ_CLOSED),
        Check(f"{API}{OPEN}/threads/", POST_OPEN, "post", NEW_THREAD),
        Check(f"{API}{CLOSED}/threads/", POST_CLOSED, "post", NEW_THREAD),
    ],
    f"api:community-thread-list api/v1/^communities/{THREADS}{FORMAT}": [
        Check(f"{API}{OPEN}/threads.json", everyone(200)),
        Check(f"{API}{CLOSED}/threads.json", READ_CLOSED),
    ],
    f"api:community-thread-detail api/v1/^communities/{THREADS}/{PK}/$": [
        Check(_thread(OPEN, "cn_api_open_thread"), everyone(200)),
        Check(_thread(CLOSED, "cn_api_closed_thread"), READ_CLOSED),
        # A closed community's thread smuggled under the open one: not found.
        Check(_thread(OPEN, "cn_api_closed_thread"), everyone(404)),
    ],
    f"api:community-thread-detail api/v1/^communities/{THREADS}/{PK}{FORMAT}": [
        Check(_thread(OPEN, "cn_api_open_thread", ".json"), everyone(200)),
        Check(_thread(CLOSED, "cn_api_closed_thread", ".json"), READ_CLOSED),
    ],
    f"api:community-thread-reply api/v1/^communities/{THREADS}/{PK}/replies/$": [
        Check(
            _thread(OPEN, "cn_api_open_thread", "/replies/"),
            POST_OPEN,
            "post",
            {"body": "A matrix reply."},
        ),
        Check(
            _thread(CLOSED, "cn_api_closed_thread", "/replies/"),
            POST_CLOSED,
            "post",
            {"body": "A matrix reply."},
        ),
        Check(
            _thread(OPEN, "cn_api_open_thread", "/replies/"),
            {**everyone(405), "anonymous": 401},
        ),
    ],
    f"api:community-thread-reply api/v1/^communities/{THREADS}/{PK}/replies{FORMAT}": [
        Check(
            _thread(CLOSED, "cn_api_closed_thread", "/replies.json"),
            POST_CLOSED,
            "post",
            {"body": "A matrix reply."},
        ),
    ],
}

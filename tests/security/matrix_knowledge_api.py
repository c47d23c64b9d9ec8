"""Permission matrix of /api/v1/resources/ (see test_permission_matrix).

The world: a published public resource of centre A, a draft of A, a resource of A in
review, and a draft of centre B. Writes reach only one's own centre's resources
(another centre's: 404); the abilities then decide (403). The matrix client sends
form data, which PUT/PATCH do not parse: there the allowed get 415, proving that the
guard runs before the body is read.
"""

from knowledge import services
from tests.factories import resource_create

from .test_permission_matrix import Check, everyone

API = "/api/v1/resources/"


def who(*, anonymous=401, procurer=404, editor_a, manager_a, editor_b, coordinator):
    return {
        "anonymous": anonymous,
        "procurer": procurer,
        "editor_a": editor_a,
        "manager_a": manager_a,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }


# Reading a draft: its centre's staff and the coordinator.
DRAFT_A = who(anonymous=404, editor_a=200, manager_a=200, editor_b=404, coordinator=200)
DRAFT_B = who(anonymous=404, editor_a=404, manager_a=404, editor_b=200, coordinator=200)
# Staff of A (and the coordinator) may act; B does not see A's resource.
STAFF_A = who(editor_a=200, manager_a=200, editor_b=404, coordinator=200)
MANAGERS_A = who(editor_a=403, manager_a=200, editor_b=404, coordinator=200)
NOBODY_A = who(editor_a=403, manager_a=403, editor_b=404, coordinator=403)
STAFF_B = who(editor_a=404, manager_a=404, editor_b=200, coordinator=200)
# Signed in but the method does not exist: 405 (anonymous: 401 first).
NO_METHOD = {**everyone(405), "anonymous": 401}

NEW_IN_A = {"centre": "alpha", "kind": "tool", "title": "Matrix", "summary": "x"}
NEW_IN_B = {**NEW_IN_A, "centre": "beta"}


def world(values, people):
    centre, other = people["centre"], people["other_centre"]
    editor, manager = people["editor"], people["manager"]
    values["api_public_a"] = resource_create(
        centre=centre, by=manager, published=True, title="API public guide"
    ).pk
    values["api_draft_a"] = resource_create(
        centre=centre, by=editor, title="API draft guide"
    ).pk
    review = resource_create(centre=centre, by=editor, title="API guide in review")
    values["api_review_a"] = services.resource_submit(resource=review, by=editor).pk
    values["api_draft_b"] = resource_create(
        centre=other, by=people["editor_b"], title="API draft of B"
    ).pk


def _action_checks(name, suffix="/"):
    """Checks of one workflow action; `suffix` "/" or ".json" (format variant)."""
    url = API + "{%s}/" + name + suffix
    checks = {
        "submit": [
            Check(url % "api_draft_a", STAFF_A, "post"),
            Check(url % "api_draft_b", STAFF_B, "post"),
            Check(url % "api_public_a", NOBODY_A, "post"),
        ],
        "publish": [
            Check(url % "api_review_a", MANAGERS_A, "post"),
            Check(url % "api_draft_a", MANAGERS_A, "post"),
            Check(url % "api_public_a", NOBODY_A, "post"),
        ],
        "send_back": [
            Check(url % "api_review_a", MANAGERS_A, "post", {"comment": "Redo it."}),
            Check(url % "api_draft_a", NOBODY_A, "post", {"comment": "Redo it."}),
            Check(
                url % "api_draft_b",
                who(editor_a=404, manager_a=404, editor_b=403, coordinator=403),
                "post",
                {"comment": "Redo it."},
            ),
        ],
        "archive": [
            Check(url % "api_public_a", MANAGERS_A, "post"),
            Check(url % "api_draft_a", NOBODY_A, "post"),
        ],
    }[name]
    if suffix == "/":
        checks.append(Check(url % "api_draft_a", NO_METHOD))
    return checks


ENTRIES = {
    "api:resource-list api/v1/^resources/$": [
        Check(API, everyone(200)),
        Check(API + "?q=innovation&kind=tool&sector=ict&sort=newest", everyone(200)),
        Check(API + "?q=%22a%22+%26+b+%7C+!c+:*", everyone(200)),
        Check(API + "?kind=bogus", everyone(400)),
        Check(API + "?page=49", everyone(404)),  # past the last page
        Check(API + "?page=9999", everyone(400)),  # past the 50 pages listed
        Check(API, NO_METHOD, "delete"),
        Check(
            API,
            who(
                procurer=403, editor_a=201, manager_a=201, editor_b=403, coordinator=201
            ),
            "post",
            NEW_IN_A,
        ),
        Check(
            API,
            who(
                procurer=403, editor_a=403, manager_a=403, editor_b=201, coordinator=201
            ),
            "post",
            NEW_IN_B,
        ),
    ],
    "api:resource-list api/v1/^resources\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/resources.json", everyone(200)),
        Check(
            "/api/v1/resources.json",
            who(
                procurer=403, editor_a=201, manager_a=201, editor_b=403, coordinator=201
            ),
            "post",
            NEW_IN_A,
        ),
    ],
    "api:resource-detail api/v1/^resources/(?P<pk>[^/.]+)/$": [
        Check(API + "{api_public_a}/", everyone(200)),
        Check(API + "{api_draft_a}/", DRAFT_A),
        Check(API + "{api_draft_b}/", DRAFT_B),
        Check(API + "999999/", everyone(404)),
        Check(
            API + "{api_draft_a}/",
            who(editor_a=415, manager_a=415, editor_b=404, coordinator=415),
            "patch",
        ),
        Check(
            API + "{api_public_a}/",
            who(editor_a=403, manager_a=415, editor_b=404, coordinator=415),
            "put",
        ),
        Check(
            API + "{api_draft_b}/",
            who(editor_a=404, manager_a=404, editor_b=415, coordinator=415),
            "patch",
        ),
        Check(API + "{api_draft_a}/", NO_METHOD, "delete"),
    ],
    "api:resource-detail api/v1/^resources/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": [
        Check(API + "{api_public_a}.json", everyone(200)),
        Check(API + "{api_draft_a}.json", DRAFT_A),
        Check(
            API + "{api_draft_a}.json",
            who(editor_a=415, manager_a=415, editor_b=404, coordinator=415),
            "patch",
        ),
    ],
}
for _name, _url_name in [
    ("submit", "submit"),
    ("publish", "publish"),
    ("send_back", "send-back"),
    ("archive", "archive"),
]:
    _base = f"api:resource-{_url_name} api/v1/^resources/(?P<pk>[^/.]+)/{_name}"
    ENTRIES[f"{_base}/$"] = _action_checks(_name)
    ENTRIES[f"{_base}\\.(?P<format>[a-z0-9]+)/?$"] = _action_checks(_name, ".json")

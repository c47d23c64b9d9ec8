"""Permission matrix of /api/v1/events/ (see test_permission_matrix).

The world: a published event of A (the procurer registered), a draft of A and a
draft of B. Writes reach only events one's own centres organise (others: 404); the
abilities then decide (403). The matrix client sends form data, which PATCH does
not parse: the allowed get 415, proving the guard runs before the body is read.
"""

from .test_permission_matrix import Check, everyone

API = "/api/v1/events/"


def who(*, anonymous=401, procurer=404, editor_a, manager_a, editor_b, coordinator):
    return {
        "anonymous": anonymous,
        "procurer": procurer,
        "editor_a": editor_a,
        "manager_a": manager_a,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }


DRAFT_A = who(anonymous=404, editor_a=200, manager_a=200, editor_b=404, coordinator=200)
MANAGERS_A = who(editor_a=403, manager_a=200, editor_b=404, coordinator=200)
NO_METHOD = {**everyone(405), "anonymous": 401}
NEW_IN_A = {
    "centre": "alpha",
    "title": "API matrix event",
    "summary": "Made by the matrix.",
    "kind": "webinar",
    "starts_at": "2031-05-01T10:00:00Z",
    "ends_at": "2031-05-01T12:00:00Z",
}
CREATE = who(procurer=403, editor_a=201, manager_a=201, editor_b=403, coordinator=201)


def world(values, people):
    from events import services
    from tests.events.helpers import make_event

    centre = people["centre"]
    public = make_event(centre=centre, by=people["manager"], title="API public")
    services.registration_create(event=public, user=people["procurer"])
    values.update(
        api_ev_public=public.pk,
        api_ev_draft=make_event(
            centre=centre, by=people["editor"], published=False, title="API draft"
        ).pk,
        api_ev_b=make_event(
            centre=people["other_centre"],
            by=people["editor_b"],
            published=False,
            title="API draft B",
        ).pk,
    )


def _checks(action, suffix):
    url = API + "{%s}/" + action + suffix
    return {
        "register": [
            Check(
                url % "api_ev_public",
                {**everyone(201), "anonymous": 401, "procurer": 409},
                "post",
            ),
            Check(
                url % "api_ev_draft",
                who(editor_a=409, manager_a=409, editor_b=404, coordinator=409),
                "post",
            ),
        ],
        "cancel-registration": [
            Check(
                url % "api_ev_public",
                {**everyone(404), "anonymous": 401, "procurer": 200},
                "post",
            ),
        ],
        "publish": [
            Check(url % "api_ev_draft", MANAGERS_A, "post"),
            Check(
                url % "api_ev_public",
                who(editor_a=403, manager_a=403, editor_b=404, coordinator=403),
                "post",
            ),
        ],
        "cancel": [
            Check(url % "api_ev_public", MANAGERS_A, "post"),
            Check(
                url % "api_ev_b",
                who(editor_a=404, manager_a=404, editor_b=403, coordinator=403),
                "post",
            ),
        ],
    }[action]


ENTRIES = {
    "api:event-list api/v1/^events/$": [
        Check(API, everyone(200)),
        Check(API + "?when=past", everyone(200)),
        Check(API + "?when=past&kind=bogus", everyone(400)),
        Check(API, CREATE, "post", NEW_IN_A),
    ],
    "api:event-list api/v1/^events\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/events.json", everyone(200)),
    ],
    "api:event-detail api/v1/^events/(?P<pk>[^/.]+)/$": [
        Check(API + "{api_ev_public}/", everyone(200)),
        Check(API + "{api_ev_draft}/", DRAFT_A),
        Check(API + "999999/", everyone(404)),
        Check(
            API + "{api_ev_draft}/",
            who(editor_a=415, manager_a=415, editor_b=404, coordinator=415),
            "patch",
        ),
        Check(API + "{api_ev_public}/", NO_METHOD, "delete"),
    ],
    "api:event-detail api/v1/^events/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": [
        Check(API + "{api_ev_public}.json", everyone(200)),
    ],
}
for _action, _url_name in (
    ("register", "register"),
    ("cancel-registration", "cancel-registration"),
    ("publish", "publish"),
    ("cancel", "cancel"),
):
    _base = f"api:event-{_url_name} api/v1/^events/(?P<pk>[^/.]+)/{_action}"
    ENTRIES[_base + "/$"] = _checks(_action, "/")
    ENTRIES[_base + "\\.(?P<format>[a-z0-9]+)/?$"] = _checks(_action, ".json")

"""Permission matrix of the public event routes (see test_permission_matrix).

The world: a published event of A (the procurer registered), a draft of A, a
joint event led by B with A, a visitor's pending registration, and signed links.
"""

from .test_permission_matrix import Check, everyone, signed_in

# A's draft: A's staff and the coordinator only.
OWN_STAFF = {
    "anonymous": 404,
    "procurer": 404,
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 404,
    "coordinator": 200,
}
STAFF_PERSONAS = ["editor_a", "manager_a", "editor_b", "coordinator"]
# A network-only event of A: the staff of every centre and the coordinator.
NETWORK_STAFF = {
    "anonymous": 404,
    "procurer": 404,
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 200,
    "coordinator": 200,
}
VISITOR = {"name": "Matrix Visitor", "email": "matrix-visitor@example.org"}


def world(values, people):
    from events import services
    from tests.events.helpers import make_event

    centre, other = people["centre"], people["other_centre"]
    public = make_event(centre=centre, by=people["manager"], title="Matrix public")
    draft = make_event(
        centre=centre, by=people["editor"], published=False, title="Matrix draft"
    )
    joint = make_event(
        centre=other,
        by=people["outsider"],
        title="Matrix joint",
        organisers=[centre],
        sectors=["health"],
    )
    network = make_event(
        centre=centre,
        by=people["manager"],
        title="Matrix network meeting",
        kind="knowledge_exchange",
        visibility="network",
    )
    registration = services.registration_create(event=public, user=people["procurer"])
    pending = services.registration_create(
        event=joint, name="Pending Visitor", email="pending@example.org"
    )
    values.update(
        ev_public=public.slug,
        ev_draft=draft.slug,
        ev_joint=joint.slug,
        ev_network=network.slug,
        reg_token=registration.token("manage"),
        confirm_token=pending.token("confirm"),
    )


ENTRIES = {
    "events:list": [
        Check("/en/events/", everyone(200)),
        Check(
            "/en/events/?when=past&kind=x&country=ZZ&sector=%00&page=999", everyone(200)
        ),
    ],
    "events:mine": [Check("/en/events/mine/", signed_in(200))],
    "events:feed": [Check("/en/events/calendar.ics", everyone(200))],
    "events:feed-organiser": [
        Check("/en/events/calendar/organiser/alpha.ics", everyone(200)),
        Check("/en/events/calendar/organiser/nobody.ics", everyone(404)),
    ],
    "events:feed-sector": [
        Check("/en/events/calendar/sector/health.ics", everyone(200)),
        Check("/en/events/calendar/sector/bogus.ics", everyone(404)),
    ],
    # The calendar feeds' addresses without a language, which calendar
    # applications keep: they answer directly, for everyone.
    "events-neutral:feed": [Check("/events/calendar.ics", everyone(200))],
    "events-neutral:feed-organiser": [
        Check("/events/calendar/organiser/alpha.ics", everyone(200)),
        Check("/events/calendar/organiser/nobody.ics", everyone(404)),
    ],
    "events-neutral:feed-sector": [
        Check("/events/calendar/sector/health.ics", everyone(200)),
        Check("/events/calendar/sector/bogus.ics", everyone(404)),
    ],
    "events:detail": [
        Check("/en/events/{ev_public}/", everyone(200)),
        Check("/en/events/{ev_joint}/", everyone(200)),
        Check("/en/events/{ev_draft}/", OWN_STAFF),
        Check("/en/events/{ev_network}/", NETWORK_STAFF),
        Check("/en/events/no-such-event/", everyone(404)),
    ],
    "events:ics": [
        Check("/en/events/{ev_public}/calendar.ics", everyone(200)),
        Check("/en/events/{ev_draft}/calendar.ics", everyone(404)),
        Check("/en/events/{ev_network}/calendar.ics", NETWORK_STAFF),
    ],
    "events:register": [
        Check("/en/events/{ev_joint}/register/", everyone(302), "post", VISITOR),
        # Staff see the draft, and are told it is not open; others: not found.
        Check(
            "/en/events/{ev_draft}/register/",
            {**OWN_STAFF, "editor_a": 302, "manager_a": 302, "coordinator": 302},
            "post",
            VISITOR,
        ),
        Check("/en/events/{ev_public}/register/", everyone(405)),
        # Centre staff register (one click); the others do not even find it.
        Check(
            "/en/events/{ev_network}/register/",
            {**NETWORK_STAFF, **dict.fromkeys(STAFF_PERSONAS, 302)},
            "post",
            VISITOR,
        ),
    ],
    "events:unregister": [
        Check("/en/events/{ev_public}/unregister/", signed_in(302), "post"),
        Check(
            "/en/events/{ev_draft}/unregister/",
            {
                **OWN_STAFF,
                "anonymous": 302,
                "editor_a": 302,
                "manager_a": 302,
                "coordinator": 302,
            },
            "post",
        ),
    ],
    "events:registration": [
        Check("/en/events/registration/{reg_token}/", everyone(200)),
        Check("/en/events/registration/forged-token/", everyone(400)),
        Check("/en/events/registration/forged-token/", everyone(400), "post"),
        Check("/en/events/registration/{reg_token}/", everyone(302), "post"),
    ],
    "events:registration-confirm": [
        Check("/en/events/registration/{confirm_token}/confirm/", everyone(200)),
        Check("/en/events/registration/{reg_token}/confirm/", everyone(400)),
        Check(
            "/en/events/registration/{confirm_token}/confirm/", everyone(302), "post"
        ),
    ],
}

"""Permission matrix of the event workspace (/manage/<centre>/events/…).

Staff of every organiser work on an event (a joint event led by B is reachable
from A's workspace too); everyone else gets 404. Editors write; managers (and the
coordinator) also publish and cancel, and answer the invitations to co-organise
that their centre received: an editor who tries gets 403. B's event (or B's
invitation) put in A's URL is 404 for everyone, A's manager included.
"""

from .test_permission_matrix import Check, signed_in, workspace

BASE = "/manage/alpha/events/"
CROSS = {**signed_in(404), "anonymous": 302}
VALID = {
    "title": "Matrix event",
    "summary": "Made by the permission matrix.",
    "kind": "webinar",
    "format": "online",
    "language": "en",
    "starts_at": "2031-05-01T10:00",
    "ends_at": "2031-05-01T12:00",
    "timezone": "Europe/Brussels",
}


def world(values, people):
    from events import services
    from tests.events.helpers import make_event

    centre, other = people["centre"], people["other_centre"]
    draft = make_event(centre=centre, by=people["editor"], published=False)
    public = make_event(centre=centre, by=people["manager"], title="Matrix published")
    cancelled = make_event(centre=centre, by=people["manager"], title="Matrix off")
    services.event_cancel(event=cancelled, by=people["manager"])
    joint = make_event(
        centre=other, by=people["outsider"], title="Matrix joint B", organisers=[centre]
    )
    beta = make_event(
        centre=other, by=people["editor_b"], published=False, title="Matrix beta"
    )
    # Pending invitations to co-organise: B asks A, and A asks B.
    asks_a = make_event(
        centre=other,
        by=people["outsider"],
        published=False,
        title="Matrix B asks A",
        organisers=[centre],
        accepted=False,
    )
    asks_b = make_event(
        centre=centre,
        by=people["manager"],
        published=False,
        title="Matrix A asks B",
        organisers=[other],
        accepted=False,
    )
    reg_a = services.registration_create(event=public, user=people["procurer"])
    reg_b = services.registration_create(event=joint, user=people["procurer"])
    values.update(
        m_draft=draft.pk,
        m_public=public.pk,
        m_cancelled=cancelled.pk,
        m_joint=joint.pk,
        m_beta=beta.pk,
        m_reg_a=reg_a.pk,
        m_reg_b=reg_b.pk,
        m_inv_a=asks_a.organiser_invitations.get().pk,
        m_inv_b=asks_b.organiser_invitations.get().pk,
    )


ENTRIES = {
    "manage:events:list": [
        Check(BASE, workspace(200)),
        Check(BASE + "?when=past&page=99", workspace(200)),
        Check(
            "/manage/beta/events/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    # Invitations to co-organise: the invited centre's managers answer them;
    # another centre's invitation in A's URL is 404 for A's manager too.
    "manage:events:invitations": [
        Check(BASE + "invitations/", workspace(403, 200)),
        Check(
            "/manage/beta/events/invitations/",
            {**workspace(404), "editor_b": 403, "coordinator": 200},
        ),
    ],
    "manage:events:invitation-accept": [
        Check(BASE + "invitations/{m_inv_a}/accept/", workspace(403, 302), "post"),
        Check(BASE + "invitations/{m_inv_a}/accept/", workspace(403, 405)),
        Check(BASE + "invitations/{m_inv_b}/accept/", workspace(403, 404), "post"),
        Check(BASE + "invitations/999999/accept/", workspace(403, 404), "post"),
    ],
    "manage:events:invitation-decline": [
        Check(BASE + "invitations/{m_inv_a}/decline/", workspace(403, 302), "post"),
        Check(BASE + "invitations/{m_inv_b}/decline/", workspace(403, 404), "post"),
    ],
    "manage:events:create": [
        Check(BASE + "new/", workspace(200)),
        Check(BASE + "new/", workspace(200), "post", {"title": "Only a title"}),
        Check(BASE + "new/", workspace(302), "post", VALID),
    ],
    "manage:events:detail": [
        Check(BASE + "{m_draft}/", workspace(200)),
        Check(BASE + "{m_joint}/", workspace(200)),  # co-organised with B
        Check(
            "/manage/beta/events/{m_joint}/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
        Check(BASE + "{m_beta}/", CROSS),
        Check(BASE + "999999/", CROSS),
        Check(
            "/manage/beta/events/{m_draft}/",
            {**workspace(404), "coordinator": 404},
        ),
    ],
    "manage:events:edit": [
        Check(BASE + "{m_draft}/edit/", workspace(200)),
        Check(BASE + "{m_joint}/edit/", workspace(200)),
        Check(BASE + "{m_draft}/edit/", workspace(302), "post", VALID),
        Check(BASE + "{m_draft}/edit/", workspace(200), "post", {"title": ""}),
        Check(BASE + "{m_cancelled}/edit/", workspace(403)),
        Check(BASE + "{m_beta}/edit/", CROSS),
        Check(BASE + "{m_beta}/edit/", CROSS, "post", VALID),
    ],
    "manage:events:publish": [
        Check(BASE + "{m_draft}/publish/", workspace(403, 302), "post"),
        Check(BASE + "{m_draft}/publish/", workspace(405)),
        Check(BASE + "{m_beta}/publish/", CROSS, "post"),
    ],
    "manage:events:cancel": [
        Check(BASE + "{m_public}/cancel/", workspace(403, 302), "post"),
        Check(BASE + "{m_beta}/cancel/", CROSS, "post"),
    ],
    "manage:events:export": [
        Check(BASE + "{m_public}/attendees.csv", workspace(200)),
        Check(BASE + "{m_beta}/attendees.csv", CROSS),
    ],
    "manage:events:check-in": [
        Check(
            BASE + "{m_public}/attendees/{m_reg_a}/check-in/", workspace(302), "post"
        ),
        # A registration of another event, smuggled into this event's URL.
        Check(
            BASE + "{m_public}/attendees/{m_reg_b}/check-in/", workspace(404), "post"
        ),
        Check(BASE + "{m_public}/attendees/{m_reg_a}/check-in/", workspace(405)),
        Check(BASE + "{m_beta}/attendees/{m_reg_a}/check-in/", CROSS, "post"),
    ],
    "manage:events:message": [
        Check(BASE + "{m_public}/message/", workspace(200)),
        Check(BASE + "{m_public}/message/", workspace(400), "post"),
        Check(
            BASE + "{m_public}/message/",
            workspace(302),
            "post",
            {"subject": "Matrix", "body": "Hello."},
        ),
        Check(BASE + "{m_beta}/message/", CROSS),
    ],
}

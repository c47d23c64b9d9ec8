"""Permission matrix of the advice service: the public pages (/en/advice/…),
a centre's desk (/manage/<centre>/advice/…) and the coordinator's queue
(/network/advice/…).

The world: the procurer's answered request on A's desk (with an attachment),
her request on B's desk, a request from a country without a centre (the
coordinator's queue, with an attachment), and a visitor's unconfirmed request
with its signed links. A's staff reach only A's requests; B's request or the
queue's in A's URL is 404 for everyone; only the coordinator sees the queue
(others 403: the console exists, it is not theirs). Editors work the desk;
only managers (and the coordinator) change its response time.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

PUBLIC = "/en/advice/"
DESK = "/manage/alpha/advice/"
QUEUE = "/network/advice/"
CROSS = {**signed_in(404), "anonymous": 302}
OWNER_ONLY = {**signed_in(404), "procurer": 200}
COORDINATOR = {**signed_in(403), "coordinator": 200}


def coordinator(status):
    return {**signed_in(403), "coordinator": status}


def world(values, people):
    from advice import services
    from tests.advice.helpers import ask, pdf

    editor, procurer = people["editor"], people["procurer"]
    own = services.request_create(
        data={
            "subject": "Matrix question A",
            "question": "How?",
            "country": "DE",
            "organisation_type": "municipality",
            "sector": "ict",
            "consent_publish": True,
        },
        user=procurer,
        uploads=[pdf("matrix-a.pdf")],
    )
    services.request_reply(request=own, by=editor, body="Like this.")
    other = ask(user=procurer, country="NL", subject="Matrix question B")
    queue = services.request_create(
        data={
            "subject": "Matrix question Malta",
            "question": "Who answers?",
            "country": "MT",
            "organisation_type": "region",
            "sector": "health",
        },
        user=procurer,
        uploads=[pdf("matrix-q.pdf")],
    )
    pending = ask(email="pending-visitor@example.org", confirmed=False)
    confirmed = ask(email="confirmed-visitor@example.org")
    values.update(
        adv_a=own.pk,
        adv_b=other.pk,
        adv_q=queue.pk,
        adv_att_a=own.attachments.get().pk,
        adv_att_q=queue.attachments.get().pk,
        adv_confirm=pending.token("confirm"),
        adv_follow=confirmed.token("follow"),
        adv_follow_pending=pending.token("follow"),
    )


ENTRIES = {
    "advice:home": [Check(PUBLIC, everyone(200))],
    "advice:ask": [
        Check(PUBLIC + "ask/", everyone(200)),
        # No text: the form again with its messages, nothing stored.
        Check(PUBLIC + "ask/", everyone(400), "post", {"subject": "x"}),
    ],
    "advice:mine": [Check(PUBLIC + "mine/", signed_in(200))],
    "advice:mine-detail": [
        Check(PUBLIC + "mine/{adv_a}/", OWNER_ONLY),
        Check(PUBLIC + "mine/{adv_a}/", {**signed_in(404), "procurer": 400}, "post"),
        Check(PUBLIC + "mine/999999/", signed_in(404)),
    ],
    "advice:confirm": [
        Check(PUBLIC + "confirm/{adv_confirm}/", everyone(200)),
        Check(PUBLIC + "confirm/{adv_confirm}/", everyone(302), "post"),
        Check(PUBLIC + "confirm/1:forged/", everyone(404)),
        Check(PUBLIC + "confirm/{adv_follow}/", everyone(404)),
    ],
    "advice:follow": [
        Check(PUBLIC + "follow/{adv_follow}/", everyone(200)),
        Check(PUBLIC + "follow/{adv_follow}/", everyone(400), "post", {"body": ""}),
        Check(PUBLIC + "follow/{adv_follow_pending}/", everyone(404)),
        Check(PUBLIC + "follow/forged/", everyone(404)),
    ],
    "manage:advice:inbox": [
        Check(DESK, workspace(200)),
        Check(
            DESK + "?status=bogus&assignee=%00&sector=x&age=y&clock=z", workspace(200)
        ),
        Check(
            "/manage/beta/advice/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:advice:settings": [
        Check(DESK + "settings/", workspace(403, 200)),
        Check(DESK + "settings/", workspace(403, 400), "post", {"response_days": "0"}),
        Check(DESK + "settings/", workspace(403, 302), "post", {"response_days": "4"}),
    ],
    "manage:advice:detail": [
        Check(DESK + "{adv_a}/", workspace(200)),
        Check(DESK + "{adv_b}/", CROSS),
        Check(DESK + "{adv_q}/", CROSS),
    ],
    "manage:advice:reply": [
        Check(
            DESK + "{adv_a}/reply/",
            workspace(302),
            "post",
            {"body": "Hi", "status": "answered"},
        ),
        Check(DESK + "{adv_a}/reply/", workspace(400), "post", {"body": ""}),
        Check(
            DESK + "{adv_b}/reply/", CROSS, "post", {"body": "Hi", "status": "answered"}
        ),
        Check(DESK + "{adv_a}/reply/", workspace(405)),
    ],
    "manage:advice:note": [
        Check(DESK + "{adv_a}/note/", workspace(302), "post", {"body": "Note"}),
        Check(DESK + "{adv_b}/note/", CROSS, "post", {"body": "Note"}),
    ],
    "manage:advice:status": [
        Check(DESK + "{adv_a}/status/", workspace(302), "post", {"status": "closed"}),
        Check(DESK + "{adv_a}/status/", workspace(400), "post", {"status": "x"}),
        Check(DESK + "{adv_b}/status/", CROSS, "post", {"status": "closed"}),
    ],
    "manage:advice:assign": [
        Check(DESK + "{adv_a}/assign/", workspace(302), "post", {"assignee": ""}),
        Check(DESK + "{adv_b}/assign/", CROSS, "post", {"assignee": ""}),
    ],
    "manage:advice:transfer": [
        Check(
            DESK + "{adv_a}/transfer/",
            workspace(302),
            "post",
            {"to_centre": "beta", "note": "Dutch buyer."},
        ),
        Check(
            DESK + "{adv_a}/transfer/",
            workspace(400),
            "post",
            {"to_centre": "no-such-centre", "note": "x"},
        ),
        Check(
            DESK + "{adv_b}/transfer/",
            CROSS,
            "post",
            {"to_centre": "alpha", "note": "x"},
        ),
    ],
    "manage:advice:qa": [
        Check(DESK + "{adv_a}/qa/", workspace(200)),
        Check(DESK + "{adv_a}/qa/", workspace(400), "post", {"title": ""}),
        Check(DESK + "{adv_b}/qa/", CROSS),
    ],
    "manage:advice:attachment": [
        Check(DESK + "{adv_a}/files/{adv_att_a}/", workspace(200)),
        Check(DESK + "{adv_a}/files/{adv_att_q}/", workspace(404)),
        Check(DESK + "{adv_q}/files/{adv_att_q}/", CROSS),
    ],
    "advice-network:inbox": [Check(QUEUE, COORDINATOR)],
    "advice-network:detail": [
        Check(QUEUE + "{adv_q}/", COORDINATOR),
        Check(QUEUE + "{adv_a}/", coordinator(404)),
    ],
    "advice-network:reply": [
        Check(
            QUEUE + "{adv_q}/reply/",
            coordinator(302),
            "post",
            {"body": "Hi", "status": "answered"},
        ),
        Check(QUEUE + "{adv_a}/reply/", coordinator(404), "post", {"body": "Hi"}),
    ],
    "advice-network:note": [
        Check(QUEUE + "{adv_q}/note/", coordinator(302), "post", {"body": "Note"}),
    ],
    "advice-network:status": [
        Check(
            QUEUE + "{adv_q}/status/", coordinator(302), "post", {"status": "closed"}
        ),
    ],
    "advice-network:transfer": [
        Check(
            QUEUE + "{adv_q}/transfer/",
            coordinator(302),
            "post",
            {"to_centre": "alpha", "note": "Nearest centre."},
        ),
        Check(
            QUEUE + "{adv_q}/transfer/",
            coordinator(400),
            "post",
            {"to_centre": "nowhere", "note": "x"},
        ),
    ],
    "advice-network:attachment": [
        Check(QUEUE + "{adv_q}/files/{adv_att_q}/", COORDINATOR),
        Check(QUEUE + "{adv_q}/files/{adv_att_a}/", coordinator(404)),
    ],
}

"""Permission matrix of open market consultations: the public pages
(/en/challenges/…), a centre's review (/manage/<centre>/challenges/…) and the
read-only API (/api/v1/challenges/).

The world: a buyer (not a persona) with an open challenge of A that the
procurer persona answered as a supplier (with a file) and a rival supplier
answered too; a closed challenge of A; a challenge of A waiting for review
(with a file); a challenge of B; the procurer's own draft, routed to A; and
a challenge of A, since closed, that the procurer answered with a file.
So the procurer is the supplier of one answer and the buyer of one draft:
she reads her own answer and never the rival's; A's staff read every answer
of A's challenges and none of B's; another centre's challenge in A's URL is
404 for everyone.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

PUBLIC = "/en/challenges/"
DESK = "/manage/alpha/challenges/"
API = "/api/v1/challenges/"
CROSS = {**signed_in(404), "anonymous": 302}
STAFF_A = {**workspace(200), "procurer": 404}
BUYER_ONLY = {**signed_in(404), "procurer": 200}
STAFF_A_OR_SUPPLIER = {**workspace(200), "procurer": 200}
STAFF_B = {**signed_in(404), "editor_b": 200, "coordinator": 200}


def world(values, people):
    from tests.cooperation.challenges.helpers import answer, close, make_challenge, pdf
    from tests.factories import UserFactory

    editor, editor_b = people["editor"], people["editor_b"]
    buyer = UserFactory(email="matrix-buyer@example.org", country="DE")
    rival = UserFactory(email="matrix-rival@example.org")
    open_ = make_challenge(buyer=buyer, reviewer=editor, upload=pdf("open.pdf"))
    own = answer(open_, people["procurer"], upload=pdf("own.pdf"))
    other = answer(open_, rival, organisation="Rival", upload=pdf("rival.pdf"))
    closed = make_challenge(buyer=buyer, reviewer=editor, title="Closed one")
    close(closed)
    submitted = make_challenge(buyer=buyer, stage="submitted", upload=pdf("s.pdf"))
    in_b = make_challenge(buyer=buyer, reviewer=editor_b, country="NL")
    draft = make_challenge(buyer=people["procurer"], stage="draft")
    # The procurer's answer with a file to a challenge since closed.
    late = make_challenge(buyer=buyer, reviewer=editor, title="Closed, answered")
    own_late = answer(late, people["procurer"], upload=pdf("late.pdf"))
    close(late)
    values.update(
        ch_open=open_.pk,
        ch_closed=closed.pk,
        ch_submitted=submitted.pk,
        ch_b=in_b.pk,
        ch_draft=draft.pk,
        ch_answer_own=own.pk,
        ch_answer_other=other.pk,
        ch_late=late.pk,
        ch_answer_late=own_late.pk,
    )


ANSWER = {"organisation": "Matrix Ltd", "answer_0": "Yes.", "general": ""}
CHALLENGE = {
    "title": "Matrix challenge",
    "organisation": "Matrix city",
    "problem": "A problem.",
    "questions": "One question?",
    "deadline": "2099-01-01",
    "language": "en",
    "sector": "ict",
    "country": "DE",
}

ENTRIES = {
    "challenges:list": [
        Check(PUBLIC, everyone(200)),
        Check(PUBLIC + "?q=cooling&sector=x&country=ZZ&status=%00", everyone(200)),
    ],
    "challenges:create": [
        Check(PUBLIC + "new/", signed_in(200)),
        Check(PUBLIC + "new/", signed_in(400), "post", {"title": ""}),
        Check(PUBLIC + "new/", signed_in(302), "post", CHALLENGE),
    ],
    "challenges:mine": [Check(PUBLIC + "mine/", signed_in(200))],
    "challenges:detail": [
        Check(PUBLIC + "{ch_open}/", everyone(200)),
        Check(PUBLIC + "{ch_closed}/", everyone(200)),
        Check(
            PUBLIC + "{ch_draft}/",
            {**workspace(200), "procurer": 200, "anonymous": 404},
        ),
        Check(PUBLIC + "{ch_submitted}/", {**STAFF_A, "anonymous": 404}),
        Check(PUBLIC + "999999/", everyone(404)),
    ],
    "challenges:edit": [
        Check(PUBLIC + "{ch_draft}/edit/", BUYER_ONLY),
        Check(PUBLIC + "{ch_draft}/edit/", {**signed_in(404), "procurer": 400}, "post"),
        Check(PUBLIC + "{ch_submitted}/edit/", signed_in(404)),
    ],
    "challenges:submit": [
        Check(
            PUBLIC + "{ch_draft}/submit/", {**signed_in(404), "procurer": 302}, "post"
        ),
        Check(PUBLIC + "{ch_open}/submit/", signed_in(404), "post"),
    ],
    "challenges:file": [
        Check(PUBLIC + "{ch_open}/file/", everyone(200)),
        Check(PUBLIC + "{ch_submitted}/file/", {**STAFF_A, "anonymous": 404}),
        Check(PUBLIC + "{ch_closed}/file/", everyone(404)),
    ],
    "challenges:answer": [
        Check(PUBLIC + "{ch_open}/answer/", signed_in(200)),
        Check(
            PUBLIC + "{ch_open}/answer/", signed_in(400), "post", {"organisation": ""}
        ),
        # The buyer's centre (and the coordinator) cannot answer; anyone else can.
        Check(
            PUBLIC + "{ch_open}/answer/",
            {**workspace(400), "procurer": 302, "editor_b": 302},
            "post",
            ANSWER,
        ),
        Check(PUBLIC + "{ch_closed}/answer/", signed_in(400), "post", ANSWER),
        Check(PUBLIC + "{ch_submitted}/answer/", signed_in(404)),
    ],
    "challenges:answers": [
        Check(PUBLIC + "{ch_open}/answers/", STAFF_A_OR_SUPPLIER),
        Check(PUBLIC + "{ch_closed}/answers/", STAFF_A),
        Check(PUBLIC + "{ch_b}/answers/", STAFF_B),
    ],
    "challenges:answer-file": [
        Check(PUBLIC + "{ch_open}/answers/{ch_answer_own}/file/", STAFF_A_OR_SUPPLIER),
        Check(PUBLIC + "{ch_open}/answers/{ch_answer_other}/file/", STAFF_A),
        Check(PUBLIC + "{ch_b}/answers/{ch_answer_own}/file/", signed_in(404)),
    ],
    # Only the supplier takes back her answer's file, and only until the
    # deadline; the stored file goes after the commit (never in these checks).
    "challenges:answer-file-remove": [
        Check(
            PUBLIC + "{ch_open}/answers/{ch_answer_own}/file/remove/",
            {**signed_in(404), "procurer": 302},
            "post",
        ),
        Check(
            PUBLIC + "{ch_open}/answers/{ch_answer_other}/file/remove/",
            signed_in(404),
            "post",
        ),
        Check(
            PUBLIC + "{ch_late}/answers/{ch_answer_late}/file/remove/",
            {**signed_in(404), "procurer": 400},
            "post",
        ),
        Check(
            PUBLIC + "{ch_b}/answers/{ch_answer_own}/file/remove/",
            signed_in(404),
            "post",
        ),
        Check(
            PUBLIC + "{ch_open}/answers/{ch_answer_own}/file/remove/", signed_in(405)
        ),
    ],
    "challenges:summary": [
        Check(PUBLIC + "{ch_closed}/summary/", STAFF_A),
        Check(
            PUBLIC + "{ch_closed}/summary/",
            {**workspace(400), "procurer": 404},
            "post",
            {"summary": ""},
        ),
        Check(
            PUBLIC + "{ch_closed}/summary/",
            {**workspace(302), "procurer": 404},
            "post",
            {"summary": "Learnt."},
        ),
        Check(
            PUBLIC + "{ch_open}/summary/",
            {**workspace(400), "procurer": 404},
            "post",
            {"summary": "Early."},
        ),
        Check(PUBLIC + "{ch_b}/summary/", STAFF_B),
    ],
    "manage:challenges:list": [
        Check(DESK, workspace(200)),
        Check(DESK + "?status=bogus&page=x", workspace(200)),
        Check(
            "/manage/beta/challenges/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:challenges:detail": [
        Check(DESK + "{ch_submitted}/", workspace(200)),
        Check(DESK + "{ch_open}/", workspace(200)),
        Check(DESK + "{ch_b}/", CROSS),
    ],
    "manage:challenges:publish": [
        Check(DESK + "{ch_submitted}/publish/", workspace(302), "post"),
        Check(DESK + "{ch_open}/publish/", workspace(400), "post"),
        Check(DESK + "{ch_b}/publish/", CROSS, "post"),
        Check(DESK + "{ch_submitted}/publish/", workspace(405)),
    ],
    "manage:challenges:send-back": [
        Check(
            DESK + "{ch_submitted}/send-back/",
            workspace(302),
            "post",
            {"note": "Fix it."},
        ),
        Check(DESK + "{ch_submitted}/send-back/", workspace(400), "post", {"note": ""}),
        Check(DESK + "{ch_b}/send-back/", CROSS, "post", {"note": "x"}),
    ],
    "manage:challenges:case-study": [
        Check(DESK + "{ch_closed}/case-study/", workspace(302), "post"),
        Check(DESK + "{ch_open}/case-study/", workspace(400), "post"),
        Check(DESK + "{ch_b}/case-study/", CROSS, "post"),
    ],
    "api:challenge-list api/v1/^challenges/$": [
        Check(API, everyone(200)),
        Check(API + "?q=cooling&status=open&country=DE&sector=health", everyone(200)),
        Check(API + "?sector=bogus", everyone(400)),
        Check(API, everyone(405), "post"),
    ],
    "api:challenge-list api/v1/^challenges\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/challenges.json", everyone(200)),
    ],
    "api:challenge-detail api/v1/^challenges/(?P<pk>[^/.]+)/$": [
        Check(API + "{ch_open}/", everyone(200)),
        Check(API + "{ch_closed}/", everyone(200)),
        Check(API + "{ch_draft}/", everyone(404)),
        Check(API + "{ch_submitted}/", everyone(404)),
        Check(API + "{ch_open}/", everyone(405), "delete"),
    ],
    "api:challenge-detail api/v1/^challenges/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": [
        Check(API + "{ch_open}.json", everyone(200)),
    ],
}

"""Permission matrix of buyers' plans: the public pages (/en/plans/…), a
centre's joint-procurement workspace (/manage/<centre>/initiatives/…) and the
read API (/api/v1/plans/…).

The world: the procurer's public plan in Germany (A's country), another
buyer's public plan in the Netherlands, another buyer's plan for signed-in
people, a withdrawn plan, an initiative of A between the two public plans, one
of A between those and the plan for signed-in people, and one of B with a plan
for signed-in people. Only the owner changes a plan (others 404); anonymous
visitors see public plans and initiatives only; A's staff reach only A's
initiatives (B's in A's URL is 404 for everyone) and change their plans.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

PUBLIC = "/en/plans/"
WS = "/manage/alpha/initiatives/"
API = "/api/v1/plans/"
CROSS = {**signed_in(404), "anonymous": 302}
OWNER_ONLY = {**signed_in(404), "procurer": 200}
SIGNED_IN_ONLY = {**everyone(200), "anonymous": 404}
PLAN_POST = {
    "organisation": "Matrix Town",
    "title": "Matrix plan",
    "description": "Something to buy.",
    "cpv_codes": "72000000-5",
    "sector": "ict",
    "country": "DE",
    "start_month": "2027-01",
    "end_month": "2027-06",
    "budget_range": "unknown",
    "visibility": "public",
}
# The initiative's plans are ids of the world: world() fills them in.
JOINT_POST = {
    "title": "Joint lighting",
    "description": "Two cities.",
    "next_steps": "Meet\nWrite the specification",
    "status": "exploring",
}

# The plans to add, by number or as a suggestion: world() fills them in.
ADD_BY_NUMBER, ADD_SUGGESTED, ADD_ALREADY, ADD_WITHDRAWN = {}, {}, {}, {}


def world(values, people):
    from cooperation import plan_services
    from tests.cooperation.plan_helpers import make_plan
    from tests.factories import UserFactory

    procurer = people["procurer"]
    other = UserFactory(email="buyer-nl@example.org", full_name="Noor Buyer")
    third = UserFactory(email="buyer-se@example.org", full_name="Sven Buyer")
    own = make_plan(procurer, title="Matrix plan A")
    other_plan = make_plan(other, title="Matrix plan B", country="NL")
    hidden = make_plan(
        third, title="Matrix plan C", country="SE", visibility="signed_in"
    )
    withdrawn = make_plan(third, title="Matrix plan D", country="SE")
    plan_services.plan_withdraw(plan=withdrawn, by=third)
    initiative_a = plan_services.initiative_create(
        centre=people["centre"],
        by=people["editor"],
        data={"title": "Matrix initiative A", "description": "Lights."},
        plans=[own, other_plan],
    )
    initiative_b = plan_services.initiative_create(
        centre=people["other_centre"],
        by=people["editor_b"],
        data={"title": "Matrix initiative B", "description": "Lights."},
        plans=[other_plan, hidden],
    )
    # Three plans: one of them can be taken out (two must stay).
    initiative_a3 = plan_services.initiative_create(
        centre=people["centre"],
        by=people["editor"],
        data={"title": "Matrix initiative A3", "description": "Lights."},
        plans=[own, other_plan, hidden],
    )
    JOINT_POST["plans"] = [own.pk, other_plan.pk]
    ADD_BY_NUMBER["number"] = ADD_SUGGESTED["plan"] = hidden.pk
    ADD_ALREADY["number"] = own.pk
    ADD_WITHDRAWN["number"] = withdrawn.pk
    values.update(
        plan_a=own.pk,
        plan_b=other_plan.pk,
        plan_hidden=hidden.pk,
        plan_withdrawn=withdrawn.pk,
        initiative_a=initiative_a.pk,
        initiative_b=initiative_b.pk,
        initiative_a3=initiative_a3.pk,
    )


ENTRIES = {
    "plans:list": [
        Check(PUBLIC, everyone(200)),
        Check(
            PUBLIC + "?sector=x&country=%00&division=zz&joint=1&page=x", everyone(200)
        ),
    ],
    "plans:new": [
        Check(PUBLIC + "new/", signed_in(200)),
        Check(PUBLIC + "new/", signed_in(400), "post", {**PLAN_POST, "cpv_codes": "1"}),
        Check(PUBLIC + "new/", signed_in(302), "post", PLAN_POST),
    ],
    "plans:mine": [Check(PUBLIC + "mine/", signed_in(200))],
    "plans:edit": [
        Check(PUBLIC + "mine/{plan_a}/edit/", OWNER_ONLY),
        Check(PUBLIC + "mine/{plan_b}/edit/", signed_in(404)),
        Check(
            PUBLIC + "mine/{plan_a}/edit/",
            {**signed_in(404), "procurer": 400},
            "post",
            {"title": ""},
        ),
        Check(
            PUBLIC + "mine/{plan_a}/edit/",
            {**signed_in(404), "procurer": 302},
            "post",
            PLAN_POST,
        ),
    ],
    "plans:close": [
        Check(
            PUBLIC + "mine/{plan_a}/close/", {**signed_in(404), "procurer": 302}, "post"
        ),
        Check(PUBLIC + "mine/{plan_b}/close/", signed_in(404), "post"),
        Check(PUBLIC + "mine/{plan_a}/close/", signed_in(405)),
    ],
    "plans:withdraw": [
        Check(
            PUBLIC + "mine/{plan_a}/withdraw/",
            {**signed_in(404), "procurer": 302},
            "post",
        ),
        Check(PUBLIC + "mine/{plan_b}/withdraw/", signed_in(404), "post"),
    ],
    "plans:detail": [
        Check(PUBLIC + "{plan_a}/", everyone(200)),
        Check(PUBLIC + "{plan_hidden}/", SIGNED_IN_ONLY),
        Check(PUBLIC + "{plan_withdrawn}/", everyone(404)),
        Check(PUBLIC + "999999/", everyone(404)),
    ],
    "plans:interest": [
        Check(
            PUBLIC + "{plan_b}/interest/",
            signed_in(302),
            "post",
            {"message": "Let us buy together.", "organisation": "X", "country": "DE"},
        ),
        # Her own plan: refused with the message, nothing stored.
        Check(
            PUBLIC + "{plan_a}/interest/",
            {**signed_in(302), "procurer": 400},
            "post",
            {"message": "Mine.", "organisation": "X", "country": "DE"},
        ),
        Check(PUBLIC + "{plan_b}/interest/", signed_in(400), "post", {"message": ""}),
        Check(
            PUBLIC + "{plan_withdrawn}/interest/",
            signed_in(404),
            "post",
            {"message": "Hi", "organisation": "X", "country": "DE"},
        ),
        Check(PUBLIC + "{plan_b}/interest/", signed_in(405)),
    ],
    "plans:initiative": [
        Check(PUBLIC + "initiatives/{initiative_a}/", everyone(200)),
        Check(PUBLIC + "initiatives/{initiative_b}/", SIGNED_IN_ONLY),
        Check(PUBLIC + "initiatives/999999/", everyone(404)),
    ],
    "manage:plans:index": [
        Check(WS, workspace(200)),
        Check(
            "/manage/beta/initiatives/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:plans:new": [
        Check(WS + "new/", workspace(200)),
        Check(WS + "new/", workspace(400), "post", {"title": "One plan"}),
        Check(
            WS + "new/",
            workspace(302),
            "post",
            JOINT_POST,
        ),
    ],
    "manage:plans:initiative": [
        Check(WS + "{initiative_a}/", workspace(200)),
        Check(WS + "{initiative_b}/", CROSS),
        Check(
            WS + "{initiative_a}/",
            workspace(302),
            "post",
            {"title": "Renamed", "description": "D", "status": "preparing"},
        ),
        Check(WS + "{initiative_a}/", workspace(400), "post", {"title": ""}),
        Check(
            WS + "{initiative_b}/", CROSS, "post", {"title": "x", "description": "y"}
        ),
    ],
    # Staff of A add any open plan they see to A's initiative (its buyer is
    # told); one already in it or withdrawn is refused with a message.
    "manage:plans:initiative-plan-add": [
        Check(
            WS + "{initiative_a}/plans/add/",
            workspace(302),
            "post",
            ADD_BY_NUMBER,
        ),
        Check(
            WS + "{initiative_a}/plans/add/",
            workspace(302),
            "post",
            ADD_SUGGESTED,
        ),
        Check(
            WS + "{initiative_a}/plans/add/",
            workspace(400),
            "post",
            ADD_ALREADY,
        ),
        Check(
            WS + "{initiative_a}/plans/add/",
            workspace(400),
            "post",
            ADD_WITHDRAWN,
        ),
        Check(WS + "{initiative_a}/plans/add/", workspace(400), "post", {}),
        Check(
            WS + "{initiative_b}/plans/add/",
            CROSS,
            "post",
            ADD_ALREADY,
        ),
        Check(WS + "{initiative_a}/plans/add/", workspace(405)),
    ],
    "manage:plans:initiative-plan-remove": [
        Check(
            WS + "{initiative_a3}/plans/{plan_hidden}/remove/", workspace(302), "post"
        ),
        # Two plans must stay.
        Check(WS + "{initiative_a}/plans/{plan_a}/remove/", workspace(400), "post"),
        # A plan that is not in it.
        Check(
            WS + "{initiative_a}/plans/{plan_hidden}/remove/", workspace(404), "post"
        ),
        Check(WS + "{initiative_b}/plans/{plan_b}/remove/", CROSS, "post"),
        Check(WS + "{initiative_a3}/plans/{plan_hidden}/remove/", workspace(405)),
    ],
    "api:plan-list api/v1/^plans/$": [
        Check(API, everyone(200)),
        Check(API + "?sector=bogus", everyone(400)),
        Check(API, everyone(405), "post", {"title": "x"}),
    ],
    "api:plan-list api/v1/^plans\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/plans.json", everyone(200))
    ],
    "api:plan-detail api/v1/^plans/(?P<pk>[^/.]+)/$": [
        Check(API + "{plan_a}/", everyone(200)),
        Check(API + "{plan_hidden}/", SIGNED_IN_ONLY),
        Check(API + "{plan_withdrawn}/", everyone(404)),
        Check(API + "{plan_a}/", everyone(405), "delete"),
    ],
    "api:plan-detail api/v1/^plans/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/plans/{plan_a}.json", everyone(200))
    ],
}

"""Permission matrix of the task force's call for participation: the public
pages (/en/task-force/…: the form, signed links, the welcome page, profile,
directory) and a project's applications (/manage/<centre>/applications/…).

The world: a confirmed application that chose A, one that chose B, an
unconfirmed one, and an accepted member of A (linked to the procurer's
account) with a community owned by A and one owned by B. Signed links open
their own application for anyone who holds them; A's staff reach only A's
applications: B's or the unconfirmed one in A's URL is 404 for everyone.
"""

from .test_permission_matrix import Check, everyone, signed_in, workspace

PUBLIC = "/en/task-force/"
DESK = "/manage/alpha/applications/"
CROSS = {**signed_in(404), "anonymous": 302}


def world(values, people):
    from django.utils import timezone

    from communities.models import Community, TaskForceApplication

    def application(organisation, email, centre, **extra):
        row = TaskForceApplication.objects.create(
            organisation=organisation,
            organisation_type="city",
            country="DE",
            contact_name="Matrix Person",
            email=email,
            motivation="Matrix.",
            sectors=["ict"],
            consent_directory=True,
            **extra,
        )
        row.projects.set([centre])
        return row

    now = timezone.now()
    own = application(
        "Matrix A", "tf-a@example.org", people["centre"], confirmed_at=now
    )
    other = application(
        "Matrix B", "tf-b@example.org", people["other_centre"], confirmed_at=now
    )
    pending = application("Matrix pending", "tf-p@example.org", people["centre"])
    member = application(
        "Matrix member",
        "tf-member@example.org",
        people["centre"],
        confirmed_at=now,
        status="accepted",
        decided_at=now,
        user=people["procurer"],
    )
    Community.objects.create(
        centre=people["centre"], name="TF matrix A", slug="tf-matrix-a", purpose="A."
    )
    Community.objects.create(
        centre=people["other_centre"],
        name="TF matrix B",
        slug="tf-matrix-b",
        purpose="B.",
    )
    values.update(
        tf_a=own.pk,
        tf_b=other.pk,
        tf_pending=pending.pk,
        tf_confirm=pending.token("confirm"),
        tf_confirm_done=own.token("confirm"),
        tf_follow=own.token("follow"),
        tf_follow_pending=pending.token("follow"),
        tf_member=member.token("follow"),
    )


ENTRIES = {
    "taskforce:join": [
        Check(PUBLIC + "join/", everyone(200)),
        # No input: the form again with its messages, nothing stored.
        Check(PUBLIC + "join/", everyone(400), "post", {"organisation": "x"}),
    ],
    "taskforce:confirm": [
        Check(PUBLIC + "confirm/{tf_confirm}/", everyone(200)),
        Check(PUBLIC + "confirm/{tf_confirm}/", everyone(302), "post"),
        Check(PUBLIC + "confirm/{tf_confirm_done}/", everyone(302)),
        Check(PUBLIC + "confirm/1:forged/", everyone(404)),
        Check(PUBLIC + "confirm/{tf_follow}/", everyone(404)),
    ],
    "taskforce:application": [
        Check(PUBLIC + "application/{tf_follow}/", everyone(200)),
        # No open question to answer: refused, nothing stored.
        Check(
            PUBLIC + "application/{tf_follow}/", everyone(400), "post", {"body": "Hi"}
        ),
        Check(PUBLIC + "application/{tf_member}/", everyone(302)),
        Check(PUBLIC + "application/{tf_follow_pending}/", everyone(404)),
        Check(PUBLIC + "application/forged/", everyone(404)),
    ],
    "taskforce:welcome": [
        Check(PUBLIC + "welcome/{tf_member}/", everyone(200)),
        Check(PUBLIC + "welcome/{tf_follow}/", everyone(404)),
        Check(PUBLIC + "welcome/{tf_confirm}/", everyone(404)),
    ],
    "taskforce:welcome-newsletter": [
        Check(PUBLIC + "welcome/{tf_member}/newsletter/", everyone(302), "post"),
        Check(PUBLIC + "welcome/{tf_member}/newsletter/", everyone(405)),
        Check(PUBLIC + "welcome/{tf_follow}/newsletter/", everyone(404), "post"),
    ],
    "taskforce:welcome-join": [
        # Anonymous: back to the page; a signed-in account of another address:
        # back with a message, nothing joined.
        Check(
            PUBLIC + "welcome/{tf_member}/communities/tf-matrix-a/",
            everyone(302),
            "post",
        ),
        Check(
            PUBLIC + "welcome/{tf_member}/communities/tf-matrix-b/",
            everyone(404),
            "post",
        ),
        Check(
            PUBLIC + "welcome/{tf_follow}/communities/tf-matrix-a/",
            everyone(404),
            "post",
        ),
    ],
    "taskforce:welcome-profile": [
        Check(PUBLIC + "welcome/{tf_member}/profile/", everyone(200)),
        Check(
            PUBLIC + "welcome/{tf_member}/profile/",
            everyone(400),
            "post",
            {"website": "not a url"},
        ),
        Check(PUBLIC + "welcome/{tf_follow}/profile/", everyone(404)),
    ],
    "taskforce:profile": [
        Check(PUBLIC + "profile/", {**signed_in(404), "procurer": 200}),
    ],
    "taskforce:members": [
        Check(PUBLIC + "members/", everyone(200)),
        Check(
            PUBLIC + "members/?type=x&country=%00&sector=y&project=z&page=q",
            everyone(200),
        ),
    ],
    "manage:applications:list": [
        Check(DESK, workspace(200)),
        Check(DESK + "?status=bogus&type=%00&country=ZZZ", workspace(200)),
        Check(
            "/manage/beta/applications/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:applications:members-csv": [
        Check(DESK + "members.csv", workspace(200)),
        Check(
            "/manage/beta/applications/members.csv",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:applications:detail": [
        Check(DESK + "{tf_a}/", workspace(200)),
        Check(DESK + "{tf_b}/", CROSS),
        Check(DESK + "{tf_pending}/", CROSS),
    ],
    "manage:applications:accept": [
        Check(DESK + "{tf_a}/accept/", workspace(302), "post"),
        Check(DESK + "{tf_a}/accept/", workspace(405)),
        Check(DESK + "{tf_b}/accept/", CROSS, "post"),
        Check(DESK + "{tf_pending}/accept/", CROSS, "post"),
    ],
    "manage:applications:decline": [
        Check(DESK + "{tf_a}/decline/", workspace(302), "post", {"message": "No."}),
        Check(DESK + "{tf_a}/decline/", workspace(400), "post", {"message": ""}),
        Check(DESK + "{tf_b}/decline/", CROSS, "post", {"message": "No."}),
    ],
    "manage:applications:ask": [
        Check(DESK + "{tf_a}/ask/", workspace(302), "post", {"question": "Why?"}),
        Check(DESK + "{tf_a}/ask/", workspace(400), "post", {"question": ""}),
        Check(DESK + "{tf_b}/ask/", CROSS, "post", {"question": "Why?"}),
    ],
}

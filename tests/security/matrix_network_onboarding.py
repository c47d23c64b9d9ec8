"""Permission matrix of the onboarding of new centres.

/network/onboarding/… is the coordinator's alone (others 403, the anonymous the
sign-in page). Centre A is in onboarding and B is its buddy: A's checklist is
read by A's staff and the coordinator, updated by A's managers and the
coordinator (an editor gets 403); B's staff read it and comment on it from B's
workspace (/manage/beta/buddies/alpha/…). Everyone else gets 404, and so does a
centre that B is not the buddy of, or a milestone of another centre put in A's
address.
"""

from tests.security.test_permission_matrix import Check, everyone, signed_in, workspace

NET = "/network/onboarding/"
OWN = "/manage/alpha/onboarding/"
BUDDY = "/manage/beta/buddies/alpha/"
NOBODY = {**signed_in(404), "anonymous": 302}


def coordinator_only(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


def buddy(status, coordinator=None):
    """Pages of A's onboarding seen from B's workspace."""
    return {
        **NOBODY,
        "editor_b": status,
        "coordinator": status if coordinator is None else coordinator,
    }


def world(values, people):
    from centres.models import Centre
    from network import onboarding_services as services
    from network.models import Milestone, MilestoneDefinition
    from tests.factories import CentreFactory

    centre, other = people["centre"], people["other_centre"]
    Centre.objects.filter(pk=centre.pk).update(buddy=other)
    centre.refresh_from_db()
    first = MilestoneDefinition.objects.create(
        title="Matrix: host confirmed", due_offset_days=30, order=10
    )
    MilestoneDefinition.objects.create(
        title="Matrix: staff trained", due_offset_days=60, order=20
    )
    gamma = CentreFactory(slug="gamma", short_name="GAMMA", country="PT")
    for each in (centre, gamma):
        services.centre_onboarding_start(
            centre=each, start=each.created_at.date(), by=people["coordinator"]
        )
    values.update(
        ob_definition=first.pk,
        ob_milestone_a=Milestone.objects.get(centre=centre, definition=first).pk,
        ob_milestone_gamma=Milestone.objects.get(centre=gamma, definition=first).pk,
    )


ENTRIES = {
    "network:onboarding-board": [Check(NET, coordinator_only(200))],
    "network:onboarding-start": [
        Check(NET + "start/", coordinator_only(200)),
        Check(
            NET + "start/",
            coordinator_only(302),
            "post",
            {"centre": "beta", "start": "2026-01-05"},
        ),
        # Bad input: the form again with its message, nothing started.
        Check(
            NET + "start/", coordinator_only(200), "post", {"centre": "no-such-centre"}
        ),
    ],
    "network:milestone-definitions": [
        Check(NET + "milestones/", coordinator_only(200)),
        Check(
            NET + "milestones/",
            coordinator_only(302),
            "post",
            {"title": "Matrix: new step", "due_offset_days": "45"},
        ),
        Check(NET + "milestones/", coordinator_only(200), "post", {"title": ""}),
    ],
    "network:milestone-definition-edit": [
        Check(NET + "milestones/{ob_definition}/", coordinator_only(200)),
        Check(
            NET + "milestones/{ob_definition}/",
            coordinator_only(302),
            "post",
            {"title": "Matrix: host organisation confirmed", "due_offset_days": "31"},
        ),
        Check(NET + "milestones/999999/", coordinator_only(404)),
    ],
    "network:milestone-definition-move": [
        Check(
            NET + "milestones/{ob_definition}/move/",
            coordinator_only(302),
            "post",
            {"direction": "down"},
        ),
        Check(NET + "milestones/{ob_definition}/move/", coordinator_only(405)),
        Check(NET + "milestones/999999/move/", coordinator_only(404), "post"),
    ],
    "network:milestone-definition-retire": [
        Check(
            NET + "milestones/{ob_definition}/retire/",
            coordinator_only(302),
            "post",
            {"retire": "1"},
        ),
        Check(NET + "milestones/999999/retire/", coordinator_only(404), "post"),
    ],
    "manage:onboarding": [
        Check(OWN, workspace(200)),
        # B is not in onboarding: nothing to show, even to its own staff.
        Check("/manage/beta/onboarding/", NOBODY),
    ],
    "manage:onboarding-milestone": [
        Check(OWN + "{ob_milestone_a}/", workspace(200)),
        Check(
            OWN + "{ob_milestone_a}/",
            workspace(403, 302),
            "post",
            {"status": "in_progress", "note": "Matrix"},
        ),
        # A link that is no web address: the form again, nothing saved.
        Check(
            OWN + "{ob_milestone_a}/",
            workspace(403, 200),
            "post",
            {"status": "done", "evidence_url": "javascript:alert(1)"},
        ),
        # Another centre's milestone in A's address.
        Check(OWN + "{ob_milestone_gamma}/", workspace(404)),
        Check(OWN + "999999/", workspace(404)),
    ],
    "manage:onboarding-comment": [
        Check(
            OWN + "{ob_milestone_a}/comments/",
            workspace(302),
            "post",
            {"text": "Matrix comment"},
        ),
        Check(OWN + "{ob_milestone_a}/comments/", workspace(200), "post", {"text": ""}),
        Check(OWN + "{ob_milestone_a}/comments/", workspace(405)),
        Check(
            OWN + "{ob_milestone_gamma}/comments/",
            workspace(404),
            "post",
            {"text": "Matrix"},
        ),
    ],
    "manage:buddy-onboarding": [
        Check(BUDDY, buddy(200)),
        # B is not GAMMA's buddy, and A is nobody's.
        Check("/manage/beta/buddies/gamma/", NOBODY),
        Check("/manage/alpha/buddies/beta/", NOBODY),
    ],
    "manage:buddy-milestone": [
        Check(BUDDY + "{ob_milestone_a}/", buddy(200)),
        # The buddy reads and comments; it does not update.
        Check(BUDDY + "{ob_milestone_a}/", buddy(403), "post", {"status": "done"}),
        Check(BUDDY + "{ob_milestone_gamma}/", NOBODY),
    ],
    "manage:buddy-comment": [
        Check(
            BUDDY + "{ob_milestone_a}/comments/",
            buddy(302),
            "post",
            {"text": "From the buddy"},
        ),
        Check(
            "/manage/beta/buddies/gamma/{ob_milestone_gamma}/comments/",
            NOBODY,
            "post",
            {"text": "Matrix"},
        ),
    ],
}

"""Permission matrix of a centre's newsletter contributions
(/manage/<centre>/newsletter/…).

Alpha's staff (and the coordinator) work with alpha's sections; everyone else
gets 404. Beta's section put in alpha's URL is 404 for everyone, alpha's manager
included. An issue that takes no contributions is 404 too.
"""

from tests.security.test_permission_matrix import Check, signed_in, workspace

BASE = "/manage/alpha/newsletter/"
CROSS = {**signed_in(404), "anonymous": 302}
SECTION = {"title": "Alpha contributes", "body": "News from alpha."}

ENTRIES = {
    "manage:newsletter:list": [Check(BASE, workspace(200))],
    "manage:newsletter:create": [
        Check(BASE + "issues/{nl_issue}/new/", workspace(200)),
        Check(BASE + "issues/{nl_issue}/new/", workspace(302), "post", SECTION),
        Check(
            BASE + "issues/{nl_issue}/new/",
            workspace(302),
            "post",
            {**SECTION, "submit_now": "1"},
        ),
        Check(BASE + "issues/{nl_issue}/new/", workspace(200), "post", {"title": ""}),
        Check(BASE + "issues/{nl_issue_sent}/new/", CROSS),
    ],
    "manage:newsletter:edit": [
        Check(BASE + "{nl_section_a}/", workspace(200)),
        Check(BASE + "{nl_section_a}/", workspace(302), "post", SECTION),
        Check(BASE + "{nl_section_b}/", CROSS),
        Check(BASE + "{nl_section_b}/", CROSS, "post", SECTION),
        # The coordinator's own section is no centre's contribution.
        Check(BASE + "{nl_section}/", CROSS),
    ],
    "manage:newsletter:submit": [
        Check(BASE + "{nl_section_a}/submit/", workspace(302), "post"),
        Check(BASE + "{nl_section_a}/submit/", workspace(405)),
        Check(BASE + "{nl_section_b}/submit/", CROSS, "post"),
    ],
    "manage:newsletter:delete": [
        Check(BASE + "{nl_section_a}/delete/", workspace(302), "post"),
        Check(BASE + "{nl_section_b}/delete/", CROSS, "post"),
    ],
}

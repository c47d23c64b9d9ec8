"""Permission matrix of the coordinator's compose area (/newsletter/compose/…).

Only the coordinator composes (with 2FA); every other signed-in persona gets 403,
the anonymous the sign-in page. Sections are reached through their issue: a
section put under another issue's URL is 404.
"""

from datetime import timedelta

from tests.security.test_permission_matrix import Check, everyone

BASE = "/en/newsletter/compose/"


def composer(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


def _future():
    from django.utils import timezone

    return (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")


ISSUE = {"subject": "Matrix issue", "intro": "Hello."}
SECTION = {"title": "Matrix section", "body": "Text.", "position": "10"}

ENTRIES = {
    "newsletters:compose-list": [Check(BASE, composer(200))],
    "newsletters:compose-create": [
        Check(BASE + "new/", composer(200)),
        Check(BASE + "new/", composer(302), "post", ISSUE),
        Check(BASE + "new/", composer(200), "post", {"subject": ""}),
    ],
    "newsletters:compose-detail": [
        Check(BASE + "{nl_issue}/", composer(200)),
        Check(BASE + "{nl_issue_sent}/", composer(200)),
        Check(BASE + "999999/", composer(404)),
    ],
    "newsletters:compose-edit": [
        Check(BASE + "{nl_issue}/edit/", composer(200)),
        Check(BASE + "{nl_issue}/edit/", composer(302), "post", ISSUE),
        Check(BASE + "{nl_issue}/edit/", composer(200), "post", {"subject": ""}),
    ],
    "newsletters:compose-section-create": [
        Check(BASE + "{nl_issue}/sections/new/", composer(200)),
        Check(BASE + "{nl_issue}/sections/new/", composer(302), "post", SECTION),
    ],
    "newsletters:compose-section-edit": [
        Check(BASE + "{nl_issue}/sections/{nl_section}/", composer(200)),
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/", composer(302), "post", SECTION
        ),
        # The section belongs to another issue.
        Check(BASE + "{nl_issue_sent}/sections/{nl_section}/", composer(404)),
    ],
    "newsletters:compose-section-translation": [
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/translations/de/", composer(200)
        ),
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/translations/de/",
            composer(302),
            "post",
            {"title": "Matrix-Abschnitt", "body": "Text."},
        ),
        # Bad input: a text without a title is refused on the page.
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/translations/de/",
            composer(200),
            "post",
            {"title": "", "body": "Text."},
        ),
        # English is the section itself; other codes are no language of ours.
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/translations/en/", composer(404)
        ),
        Check(
            BASE + "{nl_issue}/sections/{nl_section}/translations/xx/", composer(404)
        ),
        # The section belongs to another issue.
        Check(
            BASE + "{nl_issue_sent}/sections/{nl_section}/translations/de/",
            composer(404),
        ),
    ],
    "newsletters:compose-section-review": [
        Check(
            BASE + "{nl_issue}/sections/{nl_section_a_submitted}/review/",
            composer(302),
            "post",
            {"decision": "accept"},
        ),
        Check(
            BASE + "{nl_issue}/sections/{nl_section_a_submitted}/review/",
            composer(405),
        ),
    ],
    "newsletters:compose-section-remove": [
        Check(BASE + "{nl_issue}/sections/{nl_section}/remove/", composer(302), "post"),
        Check(BASE + "{nl_issue}/sections/999999/remove/", composer(404), "post"),
    ],
    "newsletters:compose-preview": [
        Check(BASE + "{nl_issue}/preview/", composer(200)),
        Check(BASE + "{nl_issue}/preview/?format=text", composer(200)),
        Check(BASE + "{nl_issue}/preview/?language=de", composer(200)),
    ],
    "newsletters:compose-test-send": [
        Check(BASE + "{nl_issue}/test/", composer(302), "post"),
        Check(BASE + "{nl_issue}/test/", composer(405)),
    ],
    "newsletters:compose-schedule": [
        Check(
            BASE + "{nl_issue}/schedule/", composer(302), "post", {"when": _future()}
        ),
        Check(
            BASE + "{nl_issue}/schedule/",
            composer(302),
            "post",
            {"action": "unschedule"},
        ),
    ],
    "newsletters:compose-send": [
        Check(BASE + "{nl_issue}/send/", composer(200)),
        Check(BASE + "{nl_issue}/send/", composer(302), "post"),
        Check(BASE + "{nl_issue_sent}/send/", composer(302)),
    ],
    "newsletters:compose-progress": [
        Check(BASE + "{nl_issue_sent}/progress/", composer(200))
    ],
    "newsletters:compose-progress-json": [
        Check(BASE + "{nl_issue_sent}/progress.json", composer(200))
    ],
}

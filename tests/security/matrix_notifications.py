"""Permission matrix of the notification settings (/accounts/profile/notifications/).

Everyone signed in sets her own notifications (there is no one else's to reach:
the route has no id); visitors go to the sign-in page. The "needs your action"
list adds no route: it is part of the workspace home (manage:dashboard).
"""

from tests.security.test_permission_matrix import Check, signed_in

URL = "/accounts/profile/notifications/"

ENTRIES = {
    "accounts:notifications": [
        Check(URL, signed_in(302), "post", {"notify-wanted": ["resource_published"]}),
        # Bad input: the profile again with the message, nothing changed.
        Check(URL, signed_in(400), "post", {"notify-wanted": ["no_such_kind"]}),
        Check(URL, signed_in(405)),
    ],
}

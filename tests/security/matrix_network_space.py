"""Permission matrix of the network space (/<lang>/network-space/).

For the staff of every centre and the coordinator: editor B (another centre) sees
it as editor A does. A procurer is refused (403: the page exists, it is not
hers); a visitor is sent to sign in. Network-only events on the public event
routes are in matrix_events_public.
"""

from tests.security.test_permission_matrix import Check

STAFF_ONLY = {
    "anonymous": 302,
    "procurer": 403,
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 200,
    "coordinator": 200,
}

NO_POST = dict.fromkeys(["editor_a", "manager_a", "editor_b", "coordinator"], 405)

ENTRIES = {
    "network-space": [
        Check("/en/network-space/", STAFF_ONLY),
        Check("/de/network-space/", STAFF_ONLY),
        # Only GET: staff are told the method is not allowed, the others
        # are turned away first.
        Check("/en/network-space/", {**STAFF_ONLY, **NO_POST}, "post"),
    ],
}

"""Permission matrix of the advice API (/api/v1/advice/requests/).

The world: the procurer's requests on A's desk, on B's desk and in the
coordinator's queue (a country without a centre). Staff read their own desks
(another centre's request: 404); the coordinator reads every desk and the
queue; a procurer gets 403 (the API is not for her), anonymous 401. The API is
read-only: writes answer 405 to staff (403 and 401 come first for the others).
"""

from .test_permission_matrix import Check

API = "/api/v1/advice/requests/"
UUID = "(?P<reference>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"


def who(*, editor_a, manager_a, editor_b, coordinator):
    return {
        "anonymous": 401,
        "procurer": 403,
        "editor_a": editor_a,
        "manager_a": manager_a,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }


STAFF = who(editor_a=200, manager_a=200, editor_b=200, coordinator=200)
OWN_A = who(editor_a=200, manager_a=200, editor_b=404, coordinator=200)
OWN_B = who(editor_a=404, manager_a=404, editor_b=200, coordinator=200)
QUEUE = who(editor_a=404, manager_a=404, editor_b=404, coordinator=200)


def world(values, people):
    from tests.advice.helpers import ask

    procurer = people["procurer"]
    for key, country in (("a", "DE"), ("b", "NL"), ("q", "MT")):
        request = ask(user=procurer, country=country, subject=f"API matrix {key}")
        values[f"adv_api_{key}"] = str(request.reference)


ENTRIES = {
    "api:advice-request-list api/v1/^advice/requests/$": [
        Check(API, STAFF),
        Check(API + "?status=open&sector=ict&assignee=me&centre=alpha", STAFF),
        Check(
            API + "?status=bogus",
            who(editor_a=400, manager_a=400, editor_b=400, coordinator=400),
        ),
        Check(
            API, who(editor_a=405, manager_a=405, editor_b=405, coordinator=405), "post"
        ),
    ],
    "api:advice-request-list api/v1/^advice/requests\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/advice/requests.json", STAFF),
    ],
    f"api:advice-request-detail api/v1/^advice/requests/{UUID}/$": [
        Check(API + "{adv_api_a}/", OWN_A),
        Check(API + "{adv_api_b}/", OWN_B),
        Check(API + "{adv_api_q}/", QUEUE),
        Check(
            API + "00000000-0000-0000-0000-000000000000/",
            who(editor_a=404, manager_a=404, editor_b=404, coordinator=404),
        ),
        Check(
            API + "{adv_api_a}/",
            # No such method: decided before the request is looked up.
            who(editor_a=405, manager_a=405, editor_b=405, coordinator=405),
            "delete",
        ),
    ],
    f"api:advice-request-detail api/v1/^advice/requests/{UUID}\\.(?P<format>[a-z0-9]+)/?$": [
        Check(API + "{adv_api_a}.json", OWN_A),
        Check(API + "{adv_api_b}.json", OWN_B),
    ],
}

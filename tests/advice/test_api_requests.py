"""The advice API (/api/v1/advice/requests/): read-only, for the staff of a
centre with a token. Each reads her centres' desks; the coordinator every desk
and the unrouted queue; another centre's request is 404; a procurer, and a
manager or the coordinator without two-factor, get 403; anonymous 401."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from accounts.services import api_token_create
from advice import services
from centres.models import Role
from tests.factories import UserFactory, membership_create

from .helpers import ask

pytestmark = pytest.mark.django_db

LIST = reverse("api:advice-request-list")


def detail(advice) -> str:
    return reverse("api:advice-request-detail", kwargs={"reference": advice.reference})


@pytest.fixture
def desks(centre, other_centre, editor, manager, editor_b, procurer):
    """A's request (assigned to A's editor, with a reply and an internal note),
    B's request, the queue's request, and a visitor's unconfirmed one on A."""
    with scopes_disabled():
        a = ask(user=procurer, country="DE", subject="Question A", sector="ict")
        services.request_assign(request=a, by=manager, assignee=editor)
        services.request_reply(request=a, by=editor, body="Here is how.")
        services.request_note_add(request=a, by=editor, body="Staff only: call her.")
        a2 = ask(user=procurer, country="DE", subject="Question A2", sector="food")
        b = ask(user=procurer, country="NL", subject="Question B")
        queue = ask(user=procurer, country="MT", subject="Question Malta")
        ask(email="pending@example.org", confirmed=False, subject="Unconfirmed")
    return {"a": a, "a2": a2, "b": b, "queue": queue}


@pytest.fixture
def locked_manager(centre):
    user = UserFactory(email="locked-manager@example.org")
    membership_create(centre=centre, user=user, role=Role.MANAGER)
    return user


@pytest.fixture
def locked_coordinator(db):
    return UserFactory(email="locked-coordinator@example.org", coordinator=True)


def token_client(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=user)}")
    return api


def subjects(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(r["subject"] for r in response.json()["results"])


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("editor", ["Question A", "Question A2"]),
        ("manager", ["Question A", "Question A2"]),
        ("editor_b", ["Question B"]),
        (
            "coordinator",
            ["Question A", "Question A2", "Question B", "Question Malta"],
        ),
    ],
)
def test_staff_read_the_requests_on_their_desks(request, desks, persona, expected):
    api = token_client(request.getfixturevalue(persona))
    assert subjects(api.get(LIST)) == expected


@pytest.mark.parametrize(
    "persona", ["procurer", "locked_manager", "locked_coordinator"]
)
def test_anyone_without_a_desk_gets_403(request, desks, persona):
    api = token_client(request.getfixturevalue(persona))
    for url in (LIST, detail(desks["a"]), detail(desks["queue"])):
        response = api.get(url)
        assert response.status_code == 403, (persona, url)
        assert "staff of a centre" in response.json()["detail"]


def session_client(user) -> APIClient:
    api = APIClient()
    api.force_login(user)
    return api


@pytest.mark.parametrize("client_of", [token_client, session_client])
def test_an_account_without_2fa_gets_exactly_a_procurers_answer(
    desks, procurer, locked_manager, locked_coordinator, client_of
):
    as_procurer = client_of(procurer)
    for user in (locked_manager, locked_coordinator):
        api = client_of(user)
        for url in (LIST, detail(desks["a"]), LIST + "?centre=alpha"):
            mine, theirs = api.get(url), as_procurer.get(url)
            assert (mine.status_code, mine.json()) == (
                theirs.status_code,
                theirs.json(),
            )


def test_anonymous_gets_401(client, desks):
    for url in (LIST, detail(desks["a"])):
        assert client.get(url).status_code == 401


def test_detail_has_the_whole_thread_with_internal_notes(desks, editor):
    response = token_client(editor).get(detail(desks["a"]))
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == str(desks["a"].reference)
    assert body["centre"] == "alpha"
    assert body["assignee"] == {"id": editor.pk, "name": editor.get_full_name()}
    assert [(m["kind"], m["body"]) for m in body["messages"]] == [
        ("reply", "Here is how."),
        ("note", "Staff only: call her."),
    ]
    assert body["procurer_email"] == "procurer@example.org"
    assert body["procurer_name"] == "Vera Visitor"  # as the helper asks
    assert body["clock"] == ""  # answered: no first reply owed
    assert body["desk_url"].endswith(
        reverse("manage:advice:detail", args=["alpha", desks["a"].pk])
    )


def test_another_centres_request_is_404(desks, editor, editor_b, manager):
    for user, other in ((editor, "b"), (manager, "b"), (editor_b, "a")):
        api = token_client(user)
        assert api.get(detail(desks[other])).status_code == 404
        assert api.get(detail(desks["queue"])).status_code == 404


def test_the_coordinator_reads_the_queue(desks, coordinator):
    response = token_client(coordinator).get(detail(desks["queue"]))
    assert response.status_code == 200
    assert response.json()["centre"] is None
    assert response.json()["desk_url"].endswith(
        reverse("advice-network:detail", args=[desks["queue"].pk])
    )


def test_an_unknown_reference_is_404(desks, editor):
    api = token_client(editor)
    url = LIST + "00000000-0000-0000-0000-000000000000/"
    assert api.get(url).status_code == 404
    assert api.get(LIST + "not-a-uuid/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "answered"}, ["Question A"]),
        ({"status": "new"}, ["Question A2"]),
        ({"status": "open"}, ["Question A2"]),
        ({"status": "closed"}, []),
        ({"sector": "food"}, ["Question A2"]),
        ({"assignee": "me"}, ["Question A"]),
        ({"assignee": "none"}, ["Question A2"]),
        ({"centre": "alpha"}, ["Question A", "Question A2"]),
        ({"centre": "beta"}, []),  # a desk she does not work: nothing
    ],
)
def test_filters(desks, editor, query, expected):
    assert subjects(token_client(editor).get(LIST, query)) == expected


def test_the_clock_says_what_is_owed(desks, editor):
    from advice.models import AdviceRequest

    with scopes_disabled():
        AdviceRequest.objects.filter(pk=desks["a2"].pk).update(due_on="2020-01-06")
    rows = token_client(editor).get(LIST).json()["results"]
    assert {r["subject"]: r["clock"] for r in rows} == {
        "Question A": "",
        "Question A2": "overdue",
    }


def test_assignee_filter_by_id_and_centre_filter_for_the_coordinator(
    desks, editor, coordinator
):
    api = token_client(coordinator)
    assert subjects(api.get(LIST, {"assignee": editor.pk})) == ["Question A"]
    assert subjects(api.get(LIST, {"centre": "beta"})) == ["Question B"]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"sector": "space"},
        {"assignee": "someone"},
        {"assignee": "0"},
        {"centre": "no-such-centre"},
        {"centre": "bad slug"},
        {"page": "0"},
    ],
)
def test_bad_filters_answer_400_naming_the_filter(desks, editor, query):
    response = token_client(editor).get(LIST, query)
    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_the_api_is_read_only(desks, editor):
    api = token_client(editor)
    assert api.post(LIST, {"subject": "x"}).status_code == 405
    assert api.delete(detail(desks["a"])).status_code == 405
    assert api.patch(detail(desks["a"]), {"status": "closed"}).status_code == 405


def test_the_scope_alone_keeps_other_desks_out(desks, editor, coordinator):
    """The safety net under the explicit filter: inside an editor's API scope an
    unfiltered query finds her centre's requests only."""
    from advice.models import AdviceRequest
    from advice.permissions import api_scope

    with api_scope(editor):
        assert set(AdviceRequest.objects.values_list("subject", flat=True)) == {
            "Question A",
            "Question A2",
            "Unconfirmed",
        }
    with api_scope(coordinator):
        assert AdviceRequest.objects.filter(centre__isnull=True).count() == 1

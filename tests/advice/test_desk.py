"""The centre's desk: inbox and filters, replies both ways, internal notes,
statuses, assignment, transfer across borders, and every refusal."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from advice.models import AdviceMessage
from centres.models import AuditEntry
from tests.factories import UserFactory

from .helpers import ask, link_in, mails_to, reload

pytestmark = pytest.mark.django_db


def desk(name, request=None, slug="alpha", **kwargs):
    if request is not None:
        kwargs["pk"] = request.pk
    return reverse(f"manage:advice:{name}", kwargs={"centre_slug": slug, **kwargs})


def actions(centre):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre=centre).values_list("action", flat=True)
        )


@pytest.fixture
def visitor_request(centre, sent):
    with sent():
        request = ask(email="vera@example.org", name="Vera Visitor")
    mail.outbox.clear()
    return request


def test_the_inbox_lists_the_centres_requests_with_counts_and_filters(
    client, centre, other_centre, editor, procurer
):
    mine = ask(user=procurer, subject="Question about ICT", sector="ict")
    food = ask(user=procurer, subject="Question about food")
    elsewhere = ask(user=procurer, subject="Dutch question", country="NL")
    client.force_login(editor)
    page = client.get(desk("inbox")).content.decode()
    assert mine.subject in page and food.subject in page
    assert elsewhere.subject not in page
    assert "Open: 2" in page
    filtered = client.get(desk("inbox") + "?sector=ict").content.decode()
    assert mine.subject in filtered and food.subject not in filtered
    none = client.get(desk("inbox") + "?status=closed").content.decode()
    assert mine.subject not in none
    unassigned = client.get(desk("inbox") + "?assignee=none&age=week").content.decode()
    assert mine.subject in unassigned
    # Unknown filter values are ignored, not errors.
    assert client.get(desk("inbox") + "?status=x&age=y&assignee=z").status_code == 200


def test_another_centres_request_answers_404(
    client, centre, other_centre, editor, procurer
):
    dutch = ask(user=procurer, country="NL")
    client.force_login(editor)
    assert client.get(desk("detail", dutch)).status_code == 404
    response = client.post(desk("reply", dutch), {"body": "Hi", "status": "answered"})
    assert response.status_code == 404
    assert reload(dutch).status == "new"


def test_a_reply_reaches_the_procurer_by_mail_and_on_her_page_and_she_answers_back(
    client, centre, editor, visitor_request, sent
):
    client.force_login(editor)
    with sent():
        response = client.post(
            desk("reply", visitor_request),
            {"body": "Publish a prior information notice first.", "status": "answered"},
        )
    assert response.status_code == 302
    request = reload(visitor_request)
    assert request.status == "answered" and request.first_replied_at is not None
    assert request.assignee == editor
    (reply,) = mails_to("vera@example.org", "Reply to your question")
    assert "Publish a prior information notice first." in reply.body
    follow = link_in(reply, "/advice/follow/")
    client.logout()
    page = client.get(follow).content.decode()
    assert "Publish a prior information notice first." in page
    with sent():
        response = client.post(follow, {"body": "Thank you, and for a PCP?"})
    assert response.status_code == 302
    request = reload(visitor_request)
    assert request.status == "in_progress"
    (notice,) = mails_to(editor.email, "New message on request")
    assert link_in(notice, "/manage/") == desk("detail", request)
    client.force_login(editor)
    assert (
        "Thank you, and for a PCP?"
        in client.get(desk("detail", request)).content.decode()
    )
    assert {"advice.request.replied", "advice.request.procurer_replied"} <= set(
        actions(request.centre)
    )


def test_internal_notes_are_never_on_the_procurers_page_or_in_her_mail(
    client, centre, editor, visitor_request, sent
):
    client.force_login(editor)
    with sent():
        client.post(desk("note", visitor_request), {"body": "SECRET-NOTE: call Anna"})
        client.post(
            desk("reply", visitor_request),
            {"body": "Public answer", "status": "waiting"},
        )
    assert "SECRET-NOTE" in client.get(desk("detail", visitor_request)).content.decode()
    client.logout()
    follow = reverse("advice:follow", kwargs={"token": visitor_request.token("follow")})
    page = client.get(follow).content.decode()
    assert "Public answer" in page and "SECRET-NOTE" not in page
    assert not [m for m in mail.outbox if "SECRET-NOTE" in m.body]
    assert reload(visitor_request).status == "waiting"


def test_a_closed_request_refuses_replies_both_ways_and_nothing_changes(
    client, centre, editor, visitor_request, sent
):
    client.force_login(editor)
    client.post(desk("status", visitor_request), {"status": "closed"})
    request = reload(visitor_request)
    assert request.status == "closed" and request.closed_at is not None
    with sent():
        response = client.post(
            desk("reply", request), {"body": "Late", "status": "answered"}
        )
    assert response.status_code == 400
    assert "This request is closed" in response.content.decode()
    client.logout()
    follow = reverse("advice:follow", kwargs={"token": request.token("follow")})
    with sent():
        response = client.post(follow, {"body": "One more thing"})
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    with scopes_disabled():
        assert not AdviceMessage.objects.filter(request=request).exists()
    assert reload(request).status == "closed"
    assert mail.outbox == []


def test_an_empty_reply_is_refused(client, centre, editor, visitor_request):
    client.force_login(editor)
    response = client.post(
        desk("reply", visitor_request), {"body": "  ", "status": "answered"}
    )
    assert response.status_code == 400
    assert reload(visitor_request).status == "new"


def test_a_procurer_sees_only_her_own_requests(client, centre, procurer):
    hers = ask(user=procurer, subject="Question of Paula")
    other = ask(
        user=UserFactory(email="someone@example.org"), subject="Question of another"
    )
    visitor = ask(email="v@example.org", subject="Question of a visitor")
    client.force_login(procurer)
    page = client.get(reverse("advice:mine")).content.decode()
    assert hers.subject in page
    assert other.subject not in page and visitor.subject not in page
    assert (
        client.get(reverse("advice:mine-detail", kwargs={"pk": hers.pk})).status_code
        == 200
    )
    for pk in (other.pk, visitor.pk):
        assert (
            client.get(reverse("advice:mine-detail", kwargs={"pk": pk})).status_code
            == 404
        )
        response = client.post(
            reverse("advice:mine-detail", kwargs={"pk": pk}), {"body": "x"}
        )
        assert response.status_code == 404


def test_assignment_to_a_team_member_and_not_to_an_outsider(
    client, centre, editor, manager, outsider, visitor_request
):
    client.force_login(manager)
    response = client.post(desk("assign", visitor_request), {"assignee": editor.pk})
    assert response.status_code == 302
    request = reload(visitor_request)
    assert request.assignee == editor and request.status == "in_progress"
    response = client.post(desk("assign", visitor_request), {"assignee": outsider.pk})
    assert response.status_code == 400
    assert reload(visitor_request).assignee == editor
    assert "advice.request.assigned" in actions(centre)
    mine = client.get(desk("inbox") + f"?assignee={editor.pk}").content.decode()
    assert request.subject in mine


def test_a_transfer_moves_the_request_across_borders_and_tells_the_procurer(
    client, centre, other_centre, editor, editor_b, visitor_request, sent
):
    client.force_login(editor)
    with sent():
        response = client.post(
            desk("transfer", visitor_request),
            {"to_centre": "beta", "note": "Her authority is Dutch."},
        )
    assert response.status_code == 302
    assert response["Location"] == desk("inbox")
    request = reload(visitor_request)
    assert request.centre == other_centre and request.status == "new"
    assert client.get(desk("detail", request)).status_code == 404
    assert request.subject not in client.get(desk("inbox")).content.decode()
    client.force_login(editor_b)
    assert request.subject in client.get(desk("inbox", slug="beta")).content.decode()
    detail = client.get(desk("detail", request, slug="beta")).content.decode()
    assert "Her authority is Dutch." in detail
    (told,) = mails_to("vera@example.org", "passed to Beta Centre")
    assert "Her authority is Dutch." not in told.body
    assert "advice.request.transferred" in actions(centre)
    assert "advice.request.received_by_transfer" in actions(other_centre)


@pytest.mark.parametrize(
    "data",
    [
        {"to_centre": "no-such-centre", "note": "x"},
        {"to_centre": "alpha", "note": "x"},
        {"to_centre": "beta", "note": ""},
    ],
)
def test_a_bad_transfer_is_refused_and_nothing_changes(
    client, centre, other_centre, editor, visitor_request, data, sent
):
    client.force_login(editor)
    with sent():
        response = client.post(desk("transfer", visitor_request), data)
    assert response.status_code == 400
    request = reload(visitor_request)
    assert request.centre == centre
    with scopes_disabled():
        assert not AdviceMessage.objects.filter(request=request).exists()
    assert mail.outbox == []


def test_the_coordinator_routes_a_request_from_her_queue(
    client, centre, coordinator, procurer, sent
):
    request = ask(user=procurer, country="MT")
    client.force_login(coordinator)
    url = reverse("advice-network:transfer", kwargs={"pk": request.pk})
    with sent():
        response = client.post(url, {"to_centre": "alpha", "note": "Closest centre."})
    assert response.status_code == 302
    assert reload(request).centre == centre
    assert (
        client.get(
            reverse("advice-network:detail", kwargs={"pk": request.pk})
        ).status_code
        == 404
    )
    assert mails_to(procurer.email, "passed to Alpha Centre")


def test_the_response_time_is_set_per_centre_by_its_managers(
    client, centre, editor, manager, procurer
):
    client.force_login(editor)
    assert client.get(desk("settings")).status_code == 403
    client.force_login(manager)
    assert client.post(desk("settings"), {"response_days": "0"}).status_code == 400
    assert client.post(desk("settings"), {"response_days": "2"}).status_code == 302
    request = ask(user=procurer)
    from advice.models import add_working_days

    assert request.due_on == add_working_days(
        timezone.localdate(request.confirmed_at), 2
    )
    assert "advice.settings.updated" in actions(centre)


def test_statuses_move_and_are_logged(client, centre, editor, visitor_request):
    client.force_login(editor)
    for status in ("in_progress", "waiting", "answered", "closed", "in_progress"):
        assert (
            client.post(desk("status", visitor_request), {"status": status}).status_code
            == 302
        )
        assert reload(visitor_request).status == status
    assert reload(visitor_request).closed_at is None
    assert (
        client.post(desk("status", visitor_request), {"status": "bogus"}).status_code
        == 400
    )
    assert actions(centre).count("advice.request.status_changed") == 5


def test_the_inbox_pages_keep_the_filters(
    client, centre, editor, procurer, monkeypatch
):
    from advice import manage_views

    monkeypatch.setattr(manage_views, "PAGE_SIZE", 1)
    ask(user=procurer, subject="First ICT question", sector="ict")
    ask(user=procurer, subject="Second ICT question", sector="ict")
    client.force_login(editor)
    page = client.get(desk("inbox") + "?sector=ict").content.decode()
    assert "sector=ict&amp;page=2" in page
    second = client.get(desk("inbox") + "?sector=ict&page=2").content.decode()
    assert ("First ICT question" in second) != ("First ICT question" in page)

"""The workspace home's "needs your action" list: resources waiting for a
manager's review, resources sent back to their author, newsletter contributions
to change or to review; each with its link and age, nothing of another centre,
and the same number of queries however many items there are."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.notifications import (
    ActionItem,
    Severity,
    action_items,
    action_sources,
)
from knowledge import services as knowledge
from newsletters import services as newsletters
from tests.factories import resource_create
from tests.newsletters.factories import issue_ready

pytestmark = pytest.mark.django_db


def dashboard(client, user, slug="alpha"):
    client.force_login(user)
    response = client.get(reverse("manage:dashboard", kwargs={"centre_slug": slug}))
    assert response.status_code == 200
    return response


def detail(pk, slug="alpha"):
    return reverse("manage:resources:detail", kwargs={"centre_slug": slug, "pk": pk})


def in_review(centre, by, title):
    resource = resource_create(centre=centre, by=by, title=title)
    return knowledge.resource_submit(resource=resource, by=by)


def test_knowledge_and_newsletters_register_their_sources():
    names = {f"{s.__module__}.{s.__name__}" for s in action_sources()}
    assert "knowledge.notifications.resource_action_items" in names
    assert "newsletters.notifications.section_action_items" in names


def test_a_manager_sees_what_waits_for_her_review_and_nothing_of_another_centre(
    client, centre, other_centre, editor, manager, editor_b
):
    waiting = in_review(centre, editor, "Guide to PCP")
    foreign = in_review(other_centre, editor_b, "Beta's guide")
    resource_create(centre=centre, by=editor, title="Still a draft")

    response = dashboard(client, manager)
    items = response.context["action_items"]
    assert [(i.title, i.url) for i in items] == [("Guide to PCP", detail(waiting.pk))]
    page = response.content.decode()
    assert f'href="{detail(waiting.pk)}"' in page
    assert "Waiting for your review" in page
    assert "waiting for" in page  # its age
    assert "Beta&#x27;s guide" not in page and "Beta's guide" not in page
    assert detail(foreign.pk, "beta") not in page


def test_an_editor_sees_her_resource_sent_back_but_not_the_review_queue(
    client, centre, editor, manager
):
    mine = in_review(centre, editor, "Sent back guide")
    knowledge.resource_send_back(resource=mine, by=manager, comment="Add a case.")
    in_review(centre, manager, "Manager's guide in review")

    items = dashboard(client, editor).context["action_items"]
    assert [(i.title, i.url) for i in items] == [("Sent back guide", detail(mine.pk))]
    assert "Sent back to you" in items[0].reason


def test_a_resource_sent_back_to_someone_else_is_not_on_an_editors_list(
    client, centre, editor, manager
):
    theirs = in_review(centre, manager, "The manager's own")
    knowledge.resource_send_back(resource=theirs, by=manager, comment="Redo.")
    response = dashboard(client, editor)
    assert response.context["action_items"] == []
    assert "Nothing is waiting for you in this workspace." in response.content.decode()


def test_contributions_to_change_and_to_review(
    client, centre, editor, manager, coordinator
):
    issue = issue_ready(by=coordinator, subject="March issue")
    issue.contribution_deadline = timezone.localdate() - datetime.timedelta(days=1)
    issue.save()
    returned = newsletters.section_create(
        issue=issue, centre=centre, by=editor, data={"title": "Returned piece"}
    )
    newsletters.section_submit(section=returned, by=editor)
    newsletters.section_review(
        section=returned, by=coordinator, accept=False, comment="Shorter."
    )
    submitted = newsletters.section_create(
        issue=issue, centre=centre, by=manager, data={"title": "Submitted piece"}
    )
    newsletters.section_submit(section=submitted, by=manager)

    edit_url = reverse(
        "manage:newsletter:edit", kwargs={"centre_slug": "alpha", "pk": returned.pk}
    )
    for person in (editor, manager):
        items = dashboard(client, person).context["action_items"]
        assert [(i.title, i.url) for i in items] == [("Returned piece", edit_url)]
        [item] = items
        # Past its issue's deadline: urgent, said in words.
        assert (
            item.severity == Severity.URGENT and item.due == issue.contribution_deadline
        )
    page = dashboard(client, manager).content.decode()
    assert "Urgent" in page and "Returned by the coordinator" in page

    # The coordinator reviews: the submitted one waits for her.
    items = dashboard(client, coordinator).context["action_items"]
    titles = {i.title: i for i in items}
    assert titles["Submitted piece"].url == reverse(
        "newsletters:compose-detail", kwargs={"pk": issue.pk}
    )


def test_the_list_costs_the_same_queries_for_one_item_or_many(
    client, centre, editor, manager, coordinator
):
    issue = issue_ready(by=coordinator)

    def add(n):
        resource = in_review(centre, editor, f"Guide {n}")
        section = newsletters.section_create(
            issue=issue, centre=centre, by=editor, data={"title": f"Piece {n}"}
        )
        newsletters.section_submit(section=section, by=editor)
        newsletters.section_review(
            section=section, by=coordinator, accept=False, comment="Again."
        )
        return resource

    add(0)
    client.force_login(manager)
    url = reverse("manage:dashboard", kwargs={"centre_slug": "alpha"})
    client.get(url)  # warm what every page loads once
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert len(response.context["action_items"]) == 2
    for n in range(1, 6):
        add(n)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["action_items"]) == 12
    assert len(many.captured_queries) == len(one.captured_queries)


def test_items_are_sorted_urgent_first_then_by_due_date_then_oldest():
    now = timezone.now()
    today = timezone.localdate()
    a = ActionItem("a", "/a/", "r", severity=Severity.NORMAL, since=now)
    b = ActionItem("b", "/b/", "r", severity=Severity.URGENT, since=now)
    c = ActionItem("c", "/c/", "r", due=today, since=now)
    d = ActionItem("d", "/d/", "r", since=now - datetime.timedelta(days=3))

    from accounts import notifications

    saved = list(notifications._sources)
    notifications._sources[:] = [lambda user, centre: [a, b, c, d]]
    try:
        assert [i.title for i in action_items(None, None)] == ["b", "c", "d", "a"]
    finally:
        notifications._sources[:] = saved


def test_a_due_time_sorts_on_its_day_in_the_sites_calendar():
    now = timezone.now()
    # 00:30 on 2 January in Brussels, as the database returns it (in UTC, still
    # 1 January): the same day as a due date of 2 January, so the older first.
    day = ActionItem(
        "day",
        "/day/",
        "r",
        due=datetime.date(2027, 1, 2),
        since=now - datetime.timedelta(days=3),
    )
    time = ActionItem(
        "time",
        "/time/",
        "r",
        due=datetime.datetime(
            2027, 1, 2, 0, 30, tzinfo=ZoneInfo("Europe/Brussels")
        ).astimezone(datetime.UTC),
        since=now,
    )

    from accounts import notifications

    saved = list(notifications._sources)
    notifications._sources[:] = [lambda user, centre: [time, day]]
    try:
        assert [i.title for i in action_items(None, None)] == ["day", "time"]
    finally:
        notifications._sources[:] = saved

"""The activity log: readable labels, links, filters, pages, counts and tenancy."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from centres.services import audit_log
from tests.factories import resource_create

pytestmark = pytest.mark.django_db


def entry(centre, action, by, target="", days_ago=0, obj=None):
    made = audit_log(centre=centre, action=action, by=by, target=target, obj=obj)
    with scopes_disabled():
        AuditEntry.objects.filter(pk=made.pk).update(
            created_at=timezone.now() - dt.timedelta(days=days_ago)
        )
    return made


def rows(response):
    return [e.pk for e in response.context["entries"]]


@pytest.fixture
def log(centre, other_centre, editor, manager, outsider):
    return {
        "invite": entry(
            centre, "centres.invitation.sent", manager, "a@example.org", 20
        ),
        "revoke": entry(
            centre, "centres.invitation.revoked", manager, "a@example.org", 10
        ),
        "profile": entry(centre, "centres.centre.updated", editor, "Alpha", 1, centre),
        "other": entry(other_centre, "centres.centre.updated", outsider, "Beta", 1),
    }


def test_workspace_log_shows_labels_newest_first_and_only_its_centre(
    client, manager, log
):
    client.force_login(manager)
    response = client.get(reverse("manage:activity", args=["alpha"]))
    assert rows(response) == [log["profile"].pk, log["revoke"].pk, log["invite"].pk]
    html = response.content.decode()
    assert "Updated the centre profile" in html and "Withdrew an invitation" in html
    assert "Beta" not in html
    assert response.context["page_obj"].paginator.count == 3


def test_target_is_a_link_while_the_object_exists(client, manager, centre, log):
    client.force_login(manager)
    html = client.get(reverse("manage:activity", args=["alpha"])).content.decode()
    assert f'<a href="{reverse("manage:profile", args=["alpha"])}">Alpha</a>' in html
    # No object behind the invitation entries: plain text.
    assert ">a@example.org</a>" not in html


def test_a_deleted_or_hidden_resource_is_not_linked(client, centre, editor, manager):
    published = resource_create(centre=centre, by=editor, published=True)
    gone = resource_create(centre=centre, by=editor)
    gone_pk = gone.pk
    with scopes_disabled():
        gone.delete()
    client.force_login(manager)
    html = client.get(reverse("manage:activity", args=["alpha"])).content.decode()
    detail = reverse("manage:resources:detail", args=["alpha", published.pk])
    assert f'href="{detail}"' in html
    assert reverse("manage:resources:detail", args=["alpha", gone_pk]) not in html


def test_each_filter_narrows_the_log(client, manager, editor, log):
    client.force_login(manager)
    url = reverse("manage:activity", args=["alpha"])
    assert rows(client.get(url, {"who": editor.pk})) == [log["profile"].pk]
    assert rows(client.get(url, {"what": "centres.invitation"})) == [
        log["revoke"].pk,
        log["invite"].pk,
    ]
    assert rows(client.get(url, {"what": "centres.invitation.sent"})) == [
        log["invite"].pk
    ]
    today = timezone.localdate()
    since = (today - dt.timedelta(days=15)).isoformat()
    until = (today - dt.timedelta(days=5)).isoformat()
    assert rows(client.get(url, {"date_from": since, "date_to": until})) == [
        log["revoke"].pk
    ]
    assert rows(client.get(url, {"date_from": since})) == [
        log["profile"].pk,
        log["revoke"].pk,
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "yesterday"}, "Enter a valid date."),
        ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "must end on or after"),
        ({"what": "no.such.action"}, "Select a valid choice."),
    ],
)
def test_bad_filters_give_a_message_and_the_whole_log(
    client, manager, log, params, message
):
    client.force_login(manager)
    response = client.get(reverse("manage:activity", args=["alpha"]), params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(rows(response)) == 3


def test_another_centres_log_is_not_found(client, outsider, log):
    client.force_login(outsider)
    assert client.get(reverse("manage:activity", args=["alpha"])).status_code == 404


def test_the_log_is_paginated_with_exact_counts(client, manager, centre):
    for i in range(55):
        entry(centre, "centres.invitation.sent", manager, f"p{i}@example.org")
    client.force_login(manager)
    url = reverse("manage:activity", args=["alpha"])
    first = client.get(url)
    assert first.context["page_obj"].paginator.count == 55
    assert len(rows(first)) == 50
    second = client.get(url, {"page": 2, "what": "centres.invitation"})
    assert len(rows(second)) == 5
    assert "what=centres.invitation" in second.content.decode()
    assert "55 entries" in first.content.decode()


def test_network_log_shows_every_centre_and_filters_by_centre(client, coordinator, log):
    client.force_login(coordinator)
    url = reverse("network:activity")
    everything = client.get(url)
    assert set(rows(everything)) == {e.pk for e in log.values()}
    html = everything.content.decode()
    assert "BETA" in html and "ALPHA" in html
    assert rows(client.get(url, {"centre": "beta"})) == [log["other"].pk]
    assert rows(client.get(url, {"centre": "beta", "what": "centres.invitation"})) == []


def count(client, url):
    client.get(url)  # warm content types and sessions
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("scope", ["workspace", "network"])
def test_queries_do_not_grow_with_the_entries(
    client, scope, centre, editor, manager, coordinator
):
    reader = manager if scope == "workspace" else coordinator
    url = (
        reverse("manage:activity", args=["alpha"])
        if scope == "workspace"
        else reverse("network:activity")
    )
    client.force_login(reader)

    def add(n):
        for _ in range(n):
            resource = resource_create(centre=centre, by=editor)
            entry(centre, "knowledge.resource.created", editor, "r", 0, resource)
            entry(centre, "centres.centre.updated", manager, "Alpha", 0, centre)

    add(2)
    few = count(client, url)
    add(20)
    assert count(client, url) == few

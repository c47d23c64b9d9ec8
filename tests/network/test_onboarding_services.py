"""The onboarding services: starting a centre, updating its milestones,
comments, definitions, and the history of a centre's status."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from centres.models import AuditEntry, Centre
from network import onboarding_services as services
from network.models import (
    CentreOnboarding,
    CentreStatusChange,
    Milestone,
    MilestoneDefinition,
    MilestoneReminder,
)
from network.onboarding_selectors import onboarding_board
from network.status_history import centre_status_change
from tests.factories import CentreFactory

from .onboarding_helpers import days_ago, make_definitions

pytestmark = pytest.mark.django_db


def milestones_of(centre):
    with scopes_disabled():
        return list(Milestone.objects.for_centre(centre).select_related("definition"))


def audit_actions(centre):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre=centre).values_list("action", flat=True)
        )


def test_start_creates_one_milestone_per_definition_due_from_the_start(
    centre, coordinator
):
    host, staff, services_ = make_definitions()
    start = days_ago(5)
    services.centre_onboarding_start(centre=centre, start=start, by=coordinator)
    due = {m.definition_id: m.due_on for m in milestones_of(centre)}
    assert due == {
        host.pk: start + timedelta(days=10),
        staff.pk: start + timedelta(days=30),
        services_.pk: start + timedelta(days=60),
    }
    assert {m.status for m in milestones_of(centre)} == {Milestone.Status.NOT_STARTED}
    assert "network.onboarding.started" in audit_actions(centre)


def test_start_is_idempotent_and_keeps_progress_and_start_date(
    centre, manager, coordinator
):
    host, *_ = make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    [first] = [m for m in milestones_of(centre) if m.definition_id == host.pk]
    services.milestone_update(
        milestone=first,
        by=manager,
        data={"status": "done", "evidence_url": "https://example.org/agreement"},
    )
    # Started again, later: nothing doubles, nothing resets.
    services.centre_onboarding_start(centre=centre, start=days_ago(0), by=coordinator)
    assert CentreOnboarding.objects.get(centre=centre).started_on == days_ago(5)
    assert len(milestones_of(centre)) == 3
    assert {m.pk: m.status for m in milestones_of(centre)}[first.pk] == "done"
    assert audit_actions(centre).count("network.onboarding.started") == 1


def test_start_again_adds_definitions_created_since(centre, coordinator):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    extra = services.milestone_definition_create(
        by=coordinator, data={"title": "First event held", "due_offset_days": 90}
    )
    services.centre_onboarding_start(centre=centre, start=days_ago(0), by=coordinator)
    added = [m for m in milestones_of(centre) if m.definition_id == extra.pk]
    assert [m.due_on for m in added] == [days_ago(5) + timedelta(days=90)]


def test_retired_definitions_are_not_given_to_centres_starting_later(
    centre, other_centre, coordinator
):
    _, staff, _ = make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    services.milestone_definition_retire(definition=staff, by=coordinator)
    services.centre_onboarding_start(
        centre=other_centre, start=days_ago(1), by=coordinator
    )
    assert len(milestones_of(centre)) == 3  # kept where it was given
    assert staff.pk not in {m.definition_id for m in milestones_of(other_centre)}


def test_status_changes_record_completion_and_clear_it(centre, manager, coordinator):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    staff = next(
        m for m in milestones_of(centre) if m.definition.title == "Staff trained"
    )
    services.milestone_update(
        milestone=staff, by=manager, data={"status": "in_progress", "note": "Day 1"}
    )
    services.milestone_update(milestone=staff, by=manager, data={"status": "done"})
    with scopes_disabled():
        staff.refresh_from_db()
    assert staff.status == "done" and staff.completed_at is not None
    assert staff.updated_by == manager and staff.note == "Day 1"
    services.milestone_update(
        milestone=staff, by=manager, data={"status": "not_applicable"}
    )
    with scopes_disabled():
        staff.refresh_from_db()
    assert staff.status == "not_applicable" and staff.completed_at is None
    assert audit_actions(centre).count("network.milestone.updated") == 3


@pytest.mark.parametrize(
    "bad",
    ["javascript:alert(1)", "ftp://example.org/file", "not a link", "http://"],
)
def test_a_bad_evidence_link_is_refused_and_nothing_changes(
    centre, manager, coordinator, bad
):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    staff = next(
        m for m in milestones_of(centre) if m.definition.title == "Staff trained"
    )
    before = len(audit_actions(centre))
    with pytest.raises(ValidationError) as caught:
        services.milestone_update(
            milestone=staff,
            by=manager,
            data={"status": "done", "evidence_url": bad, "note": "Done!"},
        )
    assert "evidence_url" in caught.value.message_dict
    with scopes_disabled():
        staff.refresh_from_db()
    assert (staff.status, staff.evidence_url, staff.note) == ("not_started", "", "")
    assert staff.completed_at is None
    assert len(audit_actions(centre)) == before


def test_done_needs_the_evidence_the_definition_expects(centre, manager, coordinator):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    host = next(
        m
        for m in milestones_of(centre)
        if m.definition.title == "Host organisation confirmed"
    )
    with pytest.raises(ValidationError):
        services.milestone_update(milestone=host, by=manager, data={"status": "done"})
    with scopes_disabled():
        host.refresh_from_db()
    assert host.status == "not_started"
    services.milestone_update(
        milestone=host,
        by=manager,
        data={"status": "done", "evidence_url": "https://example.org/letter.pdf"},
    )
    with scopes_disabled():
        host.refresh_from_db()
    assert host.status == "done"


def test_moving_the_due_date_forgets_the_reminders_of_the_old_one(centre, coordinator):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    first = milestones_of(centre)[0]
    with scopes_disabled():
        MilestoneReminder.objects.create(milestone=first, stage="due_soon")
    services.milestone_due_change(milestone=first, due_on=days_ago(-40), by=coordinator)
    with scopes_disabled():
        first.refresh_from_db()
        assert not MilestoneReminder.objects.filter(milestone=first).exists()
    assert first.due_on == days_ago(-40)
    assert "network.milestone.due_changed" in audit_actions(centre)


def test_an_empty_comment_is_refused(centre, manager, coordinator):
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    first = milestones_of(centre)[0]
    with pytest.raises(ValidationError):
        services.milestone_comment_add(milestone=first, by=manager, text="   ")
    comment = services.milestone_comment_add(
        milestone=first, by=manager, text="<b>Signed</b> today"
    )
    assert comment.text == "<b>Signed</b> today"  # plain text, escaped when shown


def test_definitions_reorder_by_swapping_neighbours(coordinator):
    host, staff, services_ = make_definitions()
    services.milestone_definition_move(
        definition=services_, direction="up", by=coordinator
    )
    assert list(MilestoneDefinition.objects.active()) == [host, services_, staff]
    services.milestone_definition_move(definition=host, direction="up", by=coordinator)
    assert list(MilestoneDefinition.objects.active()) == [host, services_, staff]


def test_the_board_counts_done_of_applicable_and_overdue(centre, manager, coordinator):
    make_definitions()
    # Started 40 days ago: the first two (due after 10 and 30 days) are overdue.
    services.centre_onboarding_start(centre=centre, start=days_ago(40), by=coordinator)
    host, staff, services_ = milestones_of(centre)
    services.milestone_update(
        milestone=host,
        by=manager,
        data={"status": "done", "evidence_url": "https://example.org/a"},
    )
    services.milestone_update(
        milestone=services_, by=manager, data={"status": "not_applicable"}
    )
    [row] = onboarding_board()
    assert (row.done, row.applicable, row.overdue, row.percent) == (1, 2, 1, 50)
    assert row.next_due.pk == staff.pk


# --- The history of a centre's status --------------------------------------


def history(centre):
    return list(
        CentreStatusChange.objects.filter(centre=centre).values_list(
            "old_status", "new_status", "changed_by"
        )
    )


def test_a_new_centre_starts_its_history_with_its_status():
    centre = CentreFactory(slug="delta", country="EE", status="new")
    assert history(centre) == [("", "new", None)]


def test_the_service_records_the_change_with_who_and_an_audit_entry(coordinator):
    centre = CentreFactory(slug="delta", country="EE", status="new")
    centre_status_change(centre=centre, status="existing", by=coordinator)
    centre_status_change(centre=centre, status="existing", by=coordinator)  # no-op
    assert history(centre) == [("", "new", None), ("new", "existing", coordinator.pk)]
    assert audit_actions(centre) == ["centres.centre.status_changed"]


def test_a_plain_save_and_a_bulk_update_are_recorded_too():
    centre = CentreFactory(slug="delta", country="EE", status="new")
    centre.status = Centre.Status.ASSOCIATE
    centre.save()
    centre.tagline = "No status change here"
    centre.save()
    Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.EXISTING)
    Centre.objects.filter(pk=centre.pk).update(status=Centre.Status.EXISTING)
    assert [row[:2] for row in history(centre)] == [
        ("", "new"),
        ("new", "associate"),
        ("associate", "existing"),
    ]


def test_a_change_in_the_admin_is_recorded_with_the_coordinator(client, coordinator):
    centre = CentreFactory(slug="delta", country="EE", status="new")
    client.force_login(coordinator)
    url = f"/admin/centres/centre/{centre.pk}/change/"
    assert client.get(url).status_code == 200
    data = {
        "name": centre.name,
        "short_name": centre.short_name,
        "slug": centre.slug,
        "country": centre.country.code,
        "kind": centre.kind,
        "status": "existing",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert history(centre)[-1] == ("new", "existing", coordinator.pk)

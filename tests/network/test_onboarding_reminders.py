"""Milestone reminders: the beat task run directly, with the real mail queue
(accounts.OutboundEmail and its task) delivering over SMTP to the test sink."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from centres.models import Role
from network import onboarding_services as services
from network.models import Milestone, MilestoneDefinition, MilestoneReminder
from network.onboarding_tasks import milestone_reminders_send
from tests.conftest import with_totp
from tests.factories import UserFactory, membership_create

from .onboarding_helpers import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def onboarding(centre, manager, editor, coordinator):
    """Started 12 days ago: one milestone overdue, one due in 3 days, one due
    in 18 days, one overdue but done and one overdue but not applicable."""
    definitions = {
        title: MilestoneDefinition.objects.create(
            title=title, due_offset_days=offset, order=offset
        )
        for title, offset in [
            ("Host organisation confirmed", 10),
            ("Staff trained", 15),
            ("Services described", 30),
            ("Kick-off held", 5),
            ("Regional office opened", 8),
        ]
    }
    services.centre_onboarding_start(centre=centre, start=days_ago(12), by=coordinator)
    with scopes_disabled():
        by_title = {
            m.definition.title: m
            for m in Milestone.objects.for_centre(centre).select_related("definition")
        }
    services.milestone_update(
        milestone=by_title["Kick-off held"], by=manager, data={"status": "done"}
    )
    services.milestone_update(
        milestone=by_title["Regional office opened"],
        by=manager,
        data={"status": "not_applicable"},
    )
    german = with_totp(
        UserFactory(email="leiterin@alpha.example", full_name="Greta", language="de")
    )
    membership_create(centre=centre, user=german, role=Role.MANAGER)
    manager.language = "en"
    manager.save(update_fields=["language"])
    return by_title, definitions


def run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return milestone_reminders_send()


def test_reminders_reach_each_manager_once_in_their_language(
    onboarding, smtp_sink, django_capture_on_commit_callbacks, centre
):
    by_title, _ = onboarding
    assert run(django_capture_on_commit_callbacks) == 4
    messages = smtp_sink.wait_for(4)
    assert len(messages) == 4
    assert sorted(m["To"] for m in messages) == [
        "leiterin@alpha.example",
        "leiterin@alpha.example",
        "manager-a@example.org",
        "manager-a@example.org",
    ]  # managers only: the editor gets none
    subjects = {(m["To"], m["Subject"].strip()) for m in messages}
    assert (
        "manager-a@example.org",
        "Overdue: Host organisation confirmed (ALPHA)",
    ) in subjects
    assert (
        "manager-a@example.org",
        "Due in a week: Staff trained (ALPHA)",
    ) in subjects
    with translation.override("de"):
        overdue_de = translation.gettext("Overdue: %(title)s (%(centre)s)") % {
            "title": "Host organisation confirmed",
            "centre": "ALPHA",
        }
    assert overdue_de != "Overdue: Host organisation confirmed (ALPHA)"
    assert ("leiterin@alpha.example", overdue_de) in subjects

    # Absolute links to the milestone in the workspace.
    link = settings.SITE_URL + reverse(
        "manage:onboarding-milestone",
        kwargs={"centre_slug": centre.slug, "pk": by_title["Staff trained"].pk},
    )
    due_soon = next(m for m in messages if "Staff trained" in m["Subject"])
    assert link in due_soon.get_body(("plain",)).get_content()
    assert f'href="{link}"' in due_soon.get_body(("html",)).get_content()

    # Nothing for done, not applicable or later milestones.
    assert not any(
        title in m["Subject"]
        for m in messages
        for title in ("Kick-off held", "Regional office opened", "Services described")
    )
    with scopes_disabled():
        assert set(
            MilestoneReminder.objects.values_list(
                "milestone__definition__title", "stage"
            )
        ) == {
            ("Host organisation confirmed", "overdue"),
            ("Staff trained", "due_soon"),
        }


def test_running_twice_sends_nothing_new(
    onboarding, smtp_sink, django_capture_on_commit_callbacks
):
    assert run(django_capture_on_commit_callbacks) == 4
    smtp_sink.wait_for(4)
    assert run(django_capture_on_commit_callbacks) == 0
    assert len(smtp_sink.messages) == 4
    assert OutboundEmail.objects.filter(template="milestone-reminder").count() == 4


def test_a_milestone_done_before_the_beat_gets_no_reminder(
    onboarding, manager, smtp_sink, django_capture_on_commit_callbacks
):
    by_title, _ = onboarding
    services.milestone_update(
        milestone=by_title["Staff trained"], by=manager, data={"status": "done"}
    )
    assert run(django_capture_on_commit_callbacks) == 2
    messages = smtp_sink.wait_for(2)
    assert all("Host organisation confirmed" in m["Subject"] for m in messages)


def test_a_manager_who_turned_milestone_reminders_off_gets_none(
    onboarding, manager, smtp_sink, django_capture_on_commit_callbacks
):
    from accounts.notifications import Kind, notification_preferences_update

    notification_preferences_update(
        user=manager, wanted=[k for k in Kind.values if k != Kind.MILESTONE_DUE]
    )
    assert run(django_capture_on_commit_callbacks) == 2
    messages = smtp_sink.wait_for(2)
    assert {m["To"] for m in messages} == {"leiterin@alpha.example"}
    assert run(django_capture_on_commit_callbacks) == 0


def test_due_and_overdue_milestones_wait_on_the_managers_workspace_home(
    onboarding, client, manager, editor, centre
):
    by_title, _ = onboarding
    client.force_login(manager)
    response = client.get(reverse("manage:dashboard", kwargs={"centre_slug": "alpha"}))
    items = {item.title: item for item in response.context["action_items"]}
    assert set(items) >= {"Host organisation confirmed", "Staff trained"}
    assert "Services described" not in items and "Kick-off held" not in items
    assert items["Host organisation confirmed"].is_urgent
    assert not items["Staff trained"].is_urgent
    assert items["Staff trained"].url == reverse(
        "manage:onboarding-milestone",
        kwargs={"centre_slug": "alpha", "pk": by_title["Staff trained"].pk},
    )
    assert "Onboarding milestone overdue" in response.content.decode()
    # Editors read the checklist but do not update it: nothing waits for them.
    client.force_login(editor)
    response = client.get(reverse("manage:dashboard", kwargs={"centre_slug": "alpha"}))
    assert not any(
        i.title == "Host organisation confirmed"
        for i in response.context["action_items"]
    )

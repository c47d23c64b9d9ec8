"""Work that waits for someone tells them: the e-mails of a resource's review and
of a newsletter contribution's review, each to the right person, once, in her
language, never to the person who acted and not when she turned the kind off;
and the profile's checkboxes that turn them off.

Transactional mail in the test settings: the queue's Celery task runs eagerly
and Django's locmem backend keeps what was sent (mail.outbox)."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from accounts.notifications import Kind, notification_wanted
from centres.models import Role
from knowledge import services as knowledge
from knowledge.models import Revision
from knowledge.tasks import resource_notify
from newsletters import services as newsletters
from newsletters.tasks import section_notify
from tests.conftest import with_totp
from tests.factories import UserFactory, membership_create, resource_create
from tests.newsletters.factories import issue_ready

pytestmark = pytest.mark.django_db
SITE = settings.SITE_URL.rstrip("/")


def plain(message) -> str:
    return message.body


def html(message) -> str:
    return message.alternatives[0][0]


def sent_to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.fixture
def second_manager(centre):
    user = with_totp(
        UserFactory(email="manager-a2@example.org", full_name="Nina", language="nl")
    )
    membership_create(centre=centre, user=user, role=Role.MANAGER)
    return user


@pytest.fixture
def draft(centre, editor):
    return resource_create(centre=centre, by=editor, title="Guide to PCP")


def last_revision(resource):
    with scopes_disabled():
        return Revision.objects.filter(resource=resource).order_by("-pk").first()


# --- Resources -------------------------------------------------------------


def test_a_submitted_resource_mails_each_manager_of_its_centre_in_her_language(
    centre,
    editor,
    manager,
    second_manager,
    outsider,
    draft,
    django_capture_on_commit_callbacks,
):
    manager.language = "de"
    manager.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_submit(resource=draft, by=editor)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "manager-a2@example.org",
        "manager-a@example.org",
    ]
    [german] = sent_to(manager.email)
    assert german.subject == "Wartet auf Ihre Prüfung: Guide to PCP"
    assert "Emma Editor" in plain(german)
    link = SITE + reverse("manage:resources:detail", args=["alpha", draft.pk])
    assert link in plain(german) and link in html(german)
    assert 'lang="de"' in html(german)
    # The footer names the kind in her language, with where to turn it off.
    assert "eine Ressource meines Zentrums zur Prüfung eingereicht" in plain(german)
    assert SITE + "/accounts/profile/#notifications" in plain(german)
    [dutch] = sent_to(second_manager.email)
    assert dutch.subject == "Wacht op uw beoordeling: Guide to PCP"
    # Neither the submitter nor another centre's manager hears of it.
    assert not sent_to(editor.email) and not sent_to(outsider.email)


def test_running_the_notification_task_again_sends_nothing_twice(
    editor, manager, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_submit(resource=draft, by=editor)
    assert len(sent_to(manager.email)) == 1
    revision = last_revision(draft)
    assert resource_notify(revision.pk) == 0
    assert len(sent_to(manager.email)) == 1
    assert OutboundEmail.objects.filter(to=manager.email).count() == 1


def test_a_manager_who_submits_her_own_resource_is_not_mailed(
    centre, manager, second_manager, django_capture_on_commit_callbacks
):
    own = resource_create(centre=centre, by=manager, title="Manager's own guide")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_submit(resource=own, by=manager)
    assert [m.to for m in mail.outbox] == [[second_manager.email]]


def test_sent_back_mails_its_author_with_the_reviewers_note(
    editor, manager, draft, django_capture_on_commit_callbacks
):
    editor.language = "es"
    editor.save()
    knowledge.resource_submit(resource=draft, by=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_send_back(
            resource=draft, by=manager, comment="Add the 2021 case, please."
        )
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == "Devuelto a usted: Guide to PCP"
    assert "Add the 2021 case, please." in plain(message)
    assert "Add the 2021 case, please." in html(message)
    assert SITE + reverse("manage:resources:detail", args=["alpha", draft.pk]) in plain(
        message
    )


def test_published_mails_its_author_with_the_public_address(
    editor, manager, draft, django_capture_on_commit_callbacks
):
    editor.language = "it"
    editor.save()
    knowledge.resource_submit(resource=draft, by=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_publish(resource=draft, by=manager)
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == "Pubblicato: Guide to PCP"
    # The public page in her language.
    with translation.override("it"):
        public = reverse("knowledge:resource-detail", args=["alpha", draft.slug])
    assert public.startswith("/it/")
    assert SITE + public in plain(message)


def test_an_author_who_publishes_herself_gets_no_mail(
    centre, manager, second_manager, django_capture_on_commit_callbacks
):
    own = resource_create(centre=centre, by=manager, title="Published at once")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_publish(resource=own, by=manager)
    assert mail.outbox == []


def test_no_mail_when_the_kind_is_turned_off(
    editor, manager, second_manager, draft, django_capture_on_commit_callbacks
):
    manager.notifications_off = [Kind.RESOURCE_SUBMITTED]
    manager.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        knowledge.resource_submit(resource=draft, by=editor)
    assert [m.to for m in mail.outbox] == [[second_manager.email]]
    assert not OutboundEmail.objects.filter(to=manager.email).exists()


def test_submitting_in_the_workspace_mails_the_manager_after_the_request(
    client, editor, manager, draft, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse(
                "manage:resources:submit",
                kwargs={"centre_slug": "alpha", "pk": draft.pk},
            )
        )
        # Nothing is sent inside the request: the task waits for the commit.
        assert mail.outbox == []
    assert response.status_code == 302
    assert callbacks
    assert [m.to for m in mail.outbox] == [[manager.email]]


# --- Newsletter contributions ----------------------------------------------


@pytest.fixture
def submitted_section(centre, editor, coordinator):
    issue = issue_ready(by=coordinator, subject="Task force news, March")
    section = newsletters.section_create(
        issue=issue,
        centre=centre,
        by=editor,
        data={"title": "Our first PCP", "body": "A short story."},
    )
    return newsletters.section_submit(section=section, by=editor)


def test_an_accepted_contribution_mails_its_writer_in_her_language(
    editor, manager, coordinator, submitted_section, django_capture_on_commit_callbacks
):
    editor.language = "sv"
    editor.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newsletters.section_review(
            section=submitted_section, by=coordinator, accept=True
        )
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert (
        message.subject == "Ditt bidrag till nyhetsbrevet har godtagits: Our first PCP"
    )
    assert "Task force news, March" in plain(message)
    link = SITE + reverse(
        "manage:newsletter:edit", args=["alpha", submitted_section.pk]
    )
    assert link in plain(message) and link in html(message)


def test_a_returned_contribution_mails_its_writer_with_the_note_once(
    editor, coordinator, submitted_section, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newsletters.section_review(
            section=submitted_section,
            by=coordinator,
            accept=False,
            comment="Shorten it to 150 words.",
        )
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == "Your newsletter contribution is returned: Our first PCP"
    assert "Shorten it to 150 words." in plain(message)
    from centres.models import AuditEntry

    with scopes_disabled():
        entry = AuditEntry.objects.get(action="newsletters.section.returned")
    assert section_notify(submitted_section.pk, entry.pk) == 0
    assert len(mail.outbox) == 1


def test_a_writer_who_turned_contributions_off_gets_no_mail(
    editor, coordinator, submitted_section, django_capture_on_commit_callbacks
):
    editor.notifications_off = [Kind.CONTRIBUTION_ACCEPTED]
    editor.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newsletters.section_review(
            section=submitted_section, by=coordinator, accept=True
        )
    assert mail.outbox == []


def test_a_composer_reviewing_her_own_contribution_is_not_mailed(
    centre, coordinator, django_capture_on_commit_callbacks
):
    membership_create(centre=centre, user=coordinator, role=Role.EDITOR)
    issue = issue_ready(by=coordinator)
    section = newsletters.section_create(
        issue=issue, centre=centre, by=coordinator, data={"title": "Mine"}
    )
    newsletters.section_submit(section=section, by=coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newsletters.section_review(section=section, by=coordinator, accept=True)
    assert mail.outbox == []


# --- Preferences -----------------------------------------------------------


def test_every_kind_is_on_until_turned_off(editor):
    assert all(notification_wanted(editor, kind) for kind in Kind)
    editor.is_active = False
    assert not notification_wanted(editor, Kind.RESOURCE_PUBLISHED)


def test_the_profile_shows_a_checkbox_per_kind_in_words(client, editor):
    client.force_login(editor)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'action="/accounts/profile/notifications/"' in page
    for kind in Kind:
        assert f'value="{kind.value}"' in page
        assert str(kind.label) in page
    assert page.count('name="notify-wanted"') == len(Kind)
    assert page.count("checked") >= len(Kind)


def test_saving_the_notifications_changes_only_them(client, editor):
    editor.full_name, editor.language = "Emma Editor", "de"
    editor.save()
    client.force_login(editor)
    response = client.post(
        reverse("accounts:notifications"),
        {"notify-wanted": [Kind.RESOURCE_PUBLISHED, Kind.MILESTONE_DUE]},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/#notifications"
    editor.refresh_from_db()
    assert set(editor.notifications_off) == {
        Kind.RESOURCE_SUBMITTED,
        Kind.RESOURCE_SENT_BACK,
        Kind.CONTRIBUTION_ACCEPTED,
        Kind.CONTRIBUTION_RETURNED,
    }
    assert (editor.full_name, editor.language) == ("Emma Editor", "de")
    assert notification_wanted(editor, Kind.RESOURCE_PUBLISHED)
    assert not notification_wanted(editor, Kind.RESOURCE_SENT_BACK)
    page = client.get(reverse("accounts:profile")).content.decode()
    # The page speaks her language.
    assert "Ihre Einstellungen für Benachrichtigungen wurden gespeichert." in page

    # Ticking everything again turns everything back on.
    client.post(reverse("accounts:notifications"), {"notify-wanted": list(Kind)})
    editor.refresh_from_db()
    assert editor.notifications_off == []


def test_saving_the_profile_keeps_the_notification_choices(client, editor):
    editor.notifications_off = [Kind.RESOURCE_PUBLISHED]
    editor.save()
    client.force_login(editor)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Emma E.", "profile_role": "procurer", "language": "nl"},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.full_name == "Emma E."
    assert editor.notifications_off == [Kind.RESOURCE_PUBLISHED]


def test_an_unknown_kind_is_refused_and_changes_nothing(client, editor):
    editor.notifications_off = [Kind.RESOURCE_PUBLISHED]
    editor.save()
    client.force_login(editor)
    response = client.post(
        reverse("accounts:notifications"), {"notify-wanted": ["launch_missiles"]}
    )
    assert response.status_code == 400
    assert "launch_missiles" in response.content.decode()
    editor.refresh_from_db()
    assert editor.notifications_off == [Kind.RESOURCE_PUBLISHED]


def test_the_notification_settings_need_a_signed_in_person(client):
    response = client.post(reverse("accounts:notifications"), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

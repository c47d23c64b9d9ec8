"""The coordinator's compose area: sections in, review, preview, test send,
schedule (beat starts due issues), send with a recipient count, progress."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from newsletters import services
from newsletters.models import Delivery, Issue, Section
from newsletters.tasks import issues_start_due
from tests.factories import resource_create
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience(db):
    subscriber_create("en1@example.org", language="en", country="DE", sectors=["ict"])
    subscriber_create("en2@example.org", language="en", country="NL")
    subscriber_create("de1@example.org", language="de", country="DE")
    subscriber_create("no-news@example.org", wants_newsletter=False)


def test_coordinator_creates_an_issue_and_adds_a_section_with_a_resource(
    client, coordinator, centre, editor
):
    resource = resource_create(
        centre=centre, by=editor, published=True, title="Market dialogue guide"
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletters:compose-create"),
        {"subject": "December issue", "intro": "Hi."},
    )
    issue = Issue.objects.get()
    assert response["Location"] == reverse(
        "newsletters:compose-detail", kwargs={"pk": issue.pk}
    )
    client.post(
        reverse("newsletters:compose-section-create", kwargs={"pk": issue.pk}),
        {
            "title": "From the knowledge base",
            "body": "Read this.",
            "position": "1",
            "resources": [resource.pk],
        },
    )
    with scopes_disabled():
        section = Section.objects.get()
    assert section.status == "accepted" and section.centre is None
    preview = client.get(
        reverse("newsletters:compose-preview", kwargs={"pk": issue.pk})
    )
    assert preview.status_code == 200
    assert b"Market dialogue guide" in preview.content
    assert "unsafe-inline" in preview["Content-Security-Policy"]
    text = client.get(
        reverse("newsletters:compose-preview", kwargs={"pk": issue.pk}) + "?format=text"
    )
    assert text["Content-Type"].startswith("text/plain")
    assert b"From the knowledge base" in text.content


def test_review_accepts_or_returns_with_a_comment(client, coordinator, centre, editor):
    issue = issue_ready(by=coordinator)
    section = services.section_submit(
        section=services.section_create(
            issue=issue, centre=centre, by=editor, data={"title": "Alpha", "body": "x"}
        ),
        by=editor,
    )
    client.force_login(coordinator)
    url = reverse(
        "newsletters:compose-section-review",
        kwargs={"pk": issue.pk, "section_pk": section.pk},
    )
    client.post(url, {"decision": "return", "comment": ""})
    section.refresh_from_db()
    assert section.status == "submitted"  # a return needs a comment
    client.post(url, {"decision": "return", "comment": "Shorter, please."})
    section.refresh_from_db()
    assert section.status == "returned" and section.review_comment == "Shorter, please."
    services.section_submit(section=section, by=editor)
    client.post(url, {"decision": "accept"})
    section.refresh_from_db()
    assert section.status == "accepted"


def test_send_page_shows_the_recipient_count_of_the_narrowed_audience(
    client, coordinator, audience
):
    issue = issue_ready(by=coordinator, audience_languages=["en"])
    client.force_login(coordinator)
    page = client.get(reverse("newsletters:compose-send", kwargs={"pk": issue.pk}))
    assert b'<strong id="recipient-count">2</strong>' in page.content
    issue.audience_countries = ["DE"]
    issue.save()
    assert services.issue_audience(issue).count() == 1
    issue.audience_languages, issue.audience_countries = [], []
    issue.audience_sectors = ["ict"]
    issue.save()
    assert list(services.issue_audience(issue).values_list("email", flat=True)) == [
        "en1@example.org"
    ]


def test_send_now_queues_sends_and_shows_progress(
    client, coordinator, audience, django_capture_on_commit_callbacks
):
    issue = issue_ready(by=coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("newsletters:compose-send", kwargs={"pk": issue.pk})
        )
    assert response["Location"] == reverse(
        "newsletters:compose-progress", kwargs={"pk": issue.pk}
    )
    assert sorted(m.to[0] for m in mail.outbox) == [
        "de1@example.org",
        "en1@example.org",
        "en2@example.org",
    ]
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.recipient_count == 3
    page = client.get(response["Location"])
    assert b"newsletter-progress.js" in page.content
    data = client.get(
        reverse("newsletters:compose-progress-json", kwargs={"pk": issue.pk})
    ).json()
    assert data["sent"] == 3 and data["queued"] == 0 and data["finished"]
    # A sent issue cannot be sent again, nor edited.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletters:compose-send", kwargs={"pk": issue.pk}))
    assert Delivery.objects.count() == 3 and len(mail.outbox) == 3
    # And it is in the public archive, with its feed.
    assert client.get(issue.get_absolute_url()).status_code == 200
    feed = client.get("/newsletter/archive/feed/")
    assert issue.subject.encode() in feed.content


def test_progress_estimates_time_left(coordinator, audience):
    from newsletters.selectors import issue_progress

    issue = issue_ready(by=coordinator)
    Issue.objects.filter(pk=issue.pk).update(
        status="sending", sending_started_at=timezone.now() - timedelta(seconds=10)
    )
    services.issue_queue(issue=issue)
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(status="sent")
    issue.refresh_from_db()
    progress = issue_progress(issue)
    assert progress["sent"] == 1 and progress["queued"] == 2
    assert progress["seconds_left"] is not None and progress["seconds_left"] >= 10


def test_schedule_and_the_beat_task_starts_it_when_due(
    client, coordinator, audience, django_capture_on_commit_callbacks
):
    issue = issue_ready(by=coordinator)
    client.force_login(coordinator)
    # Noon tomorrow on the site's calendar: a time a person can type at any
    # hour (an hour ahead may fall in a daylight-saving gap or overlap).
    when = datetime.combine(timezone.localdate() + timedelta(days=1), time(12, 0))
    client.post(
        reverse("newsletters:compose-schedule", kwargs={"pk": issue.pk}),
        {"when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    issue.refresh_from_db()
    assert issue.status == "scheduled" and issue.scheduled_at
    assert issues_start_due.apply().get() == 0  # not yet
    Issue.objects.filter(pk=issue.pk).update(
        scheduled_at=timezone.now() - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert issues_start_due.apply().get() == 1
    issue.refresh_from_db()
    assert issue.status == "sent" and len(mail.outbox) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert issues_start_due.apply().get() == 0  # twice: nothing more


def test_schedule_in_the_past_is_refused(client, coordinator):
    issue = issue_ready(by=coordinator)
    client.force_login(coordinator)
    client.post(
        reverse("newsletters:compose-schedule", kwargs={"pk": issue.pk}),
        {"when": "2020-01-01T10:00"},
    )
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_test_send_goes_to_the_coordinator_only(
    client, coordinator, audience, django_capture_on_commit_callbacks
):
    issue = issue_ready(by=coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletters:compose-test-send", kwargs={"pk": issue.pk}))
    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert message.subject.startswith("[Test]")
    assert Delivery.objects.count() == 0
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_an_empty_issue_is_not_sent(client, coordinator, audience):
    issue = services.issue_create(by=coordinator, data={"subject": "Empty"})
    client.force_login(coordinator)
    client.post(reverse("newsletters:compose-send", kwargs={"pk": issue.pk}))
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_composer_without_two_factor_is_sent_to_set_it_up(client):
    from tests.factories import UserFactory

    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)
    response = client.get(reverse("newsletters:compose-list"))
    assert response.status_code == 302 and "/2fa/" in response["Location"]


def test_a_section_announces_upcoming_events(client, coordinator, centre, manager):
    from tests.newsletters.factories import event_published

    event = event_published(centre=centre, by=manager, title="Health procurement day")
    issue = issue_ready(by=coordinator)
    client.force_login(coordinator)
    client.post(
        reverse("newsletters:compose-section-create", kwargs={"pk": issue.pk}),
        {
            "title": "Coming up",
            "body": "Join us.",
            "position": "2",
            "events": [event.pk],
        },
    )
    preview = client.get(
        reverse("newsletters:compose-preview", kwargs={"pk": issue.pk}) + "?format=text"
    )
    assert b"Health procurement day" in preview.content
    assert event.get_absolute_url().encode() in preview.content


def test_communication_staff_with_the_permission_compose_too(client, procurer):
    from django.contrib.auth.models import Permission

    from tests.conftest import with_totp

    client.force_login(procurer)
    assert client.get(reverse("newsletters:compose-list")).status_code == 403
    procurer.user_permissions.add(Permission.objects.get(codename="compose_issue"))
    with_totp(procurer)
    procurer = type(procurer).objects.get(pk=procurer.pk)  # fresh permission cache
    client.force_login(procurer)
    assert client.get(reverse("newsletters:compose-list")).status_code == 200
    assert (
        b"/newsletter/compose/" in client.get(reverse("home")).content
    )  # in the main nav

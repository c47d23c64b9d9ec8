"""Issue 19 item 7 (and the whole-sentence strings of the catalogue work): each
defect found when the portal was tried as a new user, shown fixed."""

import re
import zoneinfo
from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from centres.models import Centre
from events import services as event_services
from events import tasks as event_tasks
from events.management.commands.seed_events import working_day
from events.models import Event
from newsletters import rendering
from newsletters import services as newsletter_services
from newsletters.models import Issue
from newsletters.selectors import issue_progress
from newsletters.tasks import digests_assemble
from tests.events.helpers import mails_to, make_event
from tests.factories import resource_create
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = pytest.mark.django_db


def in_language(code, address):
    """The address of a page in a language: address() is called in that language."""
    with translation.override(code):
        return address()


def test_event_page_names_the_capacity(client, centre, editor):
    event = make_event(centre=centre, by=editor, capacity=40)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "40 seats left of 40." in page
    german = client.get(in_language("de", event.get_absolute_url))
    assert "Noch 40 Plätze von 40 frei." in german.content.decode()


def test_sign_in_hint_is_one_sentence_with_its_link(client, centre, editor):
    event = make_event(centre=centre, by=editor, capacity=40)
    url = event.get_absolute_url()
    page = client.get(url).content.decode()
    assert (
        f'Already have an account? <a href="/accounts/login/?next={url}">Sign in</a>'
        " to register in one click." in page
    )


def test_digest_subject_counts_one_item_in_the_singular(centre, editor):
    resource_create(centre=centre, by=editor, published=True, title="ICT guide")
    subscriber_create("one@example.org", digest_frequency="weekly")
    subscriber_create("eins@example.org", digest_frequency="weekly", language="de")
    digests_assemble.apply(args=["weekly"])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["one@example.org"] == "Your weekly P2I digest: 1 new item"
    assert (
        subjects["eins@example.org"]
        == "Ihr wöchentlicher P2I-Überblick: 1 neuer Eintrag"
    )


def _zone_with_room():
    """A zone whose local hour is 02–21 now, so that an event in an hour is still
    today and one at 01:00 tomorrow is less than 24 hours away (Berlin and Los
    Angeles are 9 hours apart: one of them always qualifies)."""
    for name in ("Europe/Berlin", "America/Los_Angeles"):
        if 2 <= timezone.now().astimezone(zoneinfo.ZoneInfo(name)).hour <= 21:
            return name
    raise AssertionError("unreachable")


def test_reminder_says_today_or_tomorrow_by_the_events_local_date(
    centre, editor, procurer, django_capture_on_commit_callbacks
):
    zone_name = _zone_with_room()
    zone = zoneinfo.ZoneInfo(zone_name)
    local_now = timezone.now().astimezone(zone)
    tomorrow_1am = datetime.combine(
        local_now.date() + timedelta(days=1), time(1), tzinfo=zone
    )
    today = make_event(
        centre=centre,
        by=editor,
        title="Later today",
        timezone=zone_name,
        starts_at=timezone.now() + timedelta(hours=1),
    )
    tomorrow = make_event(
        centre=centre,
        by=editor,
        title="Early tomorrow",
        timezone=zone_name,
        starts_at=tomorrow_1am,
    )
    for event in (today, tomorrow):
        event_services.registration_create(event=event, user=procurer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert event_tasks.event_reminders_send() == 2
    subjects = sorted(m.subject for m in mails_to(procurer.email))
    assert subjects == ["Today: Later today", "Tomorrow: Early tomorrow"]


def test_sent_demo_issues_count_their_deliveries(coordinator):
    call_command("seed_demo", quiet=True)
    call_command("seed_newsletter", quiet=True)
    for issue in Issue.objects.sent():
        progress = issue_progress(issue)
        assert progress["sent"] == progress["total"] == 5
        assert progress["percent"] == 100


def test_a_sent_issue_without_deliveries_shows_no_progress(coordinator):
    issue = issue_ready(by=coordinator)
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SENT, sent_at=timezone.now()
    )
    progress = issue_progress(issue)
    assert (progress["sent"], progress["percent"], progress["finished"]) == (0, 0, True)


def test_newsletter_consent_box_is_described_by_the_consent_text(client):
    page = client.get(reverse("newsletters:subscribe")).content.decode()
    box = re.search(r'<input type="checkbox" name="consent"[^>]*>', page)[0]
    assert 'aria-describedby="consent-text"' in box
    assert re.search(r'<label for="id_consent">', page)
    text = re.search(r'<p[^>]*id="consent-text"[^>]*>(.*?)</p>', page, re.S)
    assert text and "newsletter" in text[1].lower()


def test_accessibility_statement_names_the_enforcement_body(client):
    page = client.get(reverse("accessibility")).content.decode()
    assert "Enforcement procedure" in page
    assert "Schlichtungsstelle nach § 16 BGG" in page
    assert "Federal Government Commissioner for Matters relating to Persons" in page
    assert "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)" in page
    assert 'href="https://www.schlichtungsstelle-bgg.de"' in page
    assert "Berlin, Germany" in page
    # Only details that are certain: its own site gives the current addresses.
    assert "mailto:" not in page.split("enforcement-title")[1]
    assert "tel:" not in page
    german = client.get(in_language("de", lambda: reverse("accessibility")))
    german = german.content.decode()
    assert (
        "beim Beauftragten der Bundesregierung für die Belange von Menschen" in german
    )


def test_relative_markdown_links_in_a_newsletter_become_absolute(coordinator, settings):
    settings.SITE_URL = "https://p2i.example.eu"
    issue = issue_ready(by=coordinator)
    newsletter_services.section_create(
        issue=issue,
        centre=None,
        by=coordinator,
        data={
            "title": "Read more",
            "body": "See [the guide](/resources/guide/), [the PDF](media/x.pdf),"
            " [elsewhere](https://example.org/a) and [the top](#top).",
        },
    )
    reader = subscriber_create("reader@example.org")
    message = rendering.issue_message(issue, reader)
    html = message.alternatives[0][0]
    assert 'href="https://p2i.example.eu/resources/guide/"' in html
    assert 'href="https://p2i.example.eu/media/x.pdf"' in html
    assert 'href="https://example.org/a"' in html
    assert 'href="#top"' in html
    assert "(https://p2i.example.eu/resources/guide/)" in message.body
    assert "(https://example.org/a)" in message.body and "(#top)" in message.body


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 5), date(2026, 12, 7)),  # Saturday → Monday
        (date(2026, 12, 24), date(2026, 12, 28)),  # Christmas → the Monday after
        (date(2026, 12, 31), date(2027, 1, 4)),  # New Year → the first Monday
        (date(2026, 12, 8), date(2026, 12, 8)),  # an ordinary Tuesday stays
    ],
)
def test_demo_events_move_to_a_working_day(day, expected):
    assert working_day(day) == expected


def test_demo_events_fall_on_working_days_and_pair_real_buddies():
    call_command("seed_demo", quiet=True)
    with scopes_disabled():
        for event in Event.objects.all():
            local = event.starts_local.date()
            assert local.weekday() < 5, event.slug
            assert (local.month, local.day) not in {
                (12, 24), (12, 25), (12, 26), (12, 31), (1, 1)
            }, event.slug  # fmt: skip
        visit = Event.objects.get(kind=Event.Kind.BUDDY_VISIT)
        estonia = Centre.objects.get(slug="estonia")
        assert estonia.buddy is not None
        assert set(visit.organisers.values_list("slug", flat=True)) == {
            "estonia",
            estonia.buddy.slug,
        }


def test_javascript_catalogue_is_served_per_language_before_the_scripts(client):
    german = client.get("/i18n/js/de/")
    assert german.status_code == 200
    assert "Ihre Ortszeit (%(zone)s)" in german.content.decode()
    assert "max-age=86400" in german["Cache-Control"]
    assert client.get("/i18n/js/xx/").status_code == 404
    page = client.get(in_language("el", lambda: reverse("home"))).content.decode()
    catalogue = page.index('<script src="/i18n/js/el/" defer></script>')
    assert catalogue < page.index("js/portal.js")

"""Issue 19 item 4: dates, times and counts are written as the reader's language
writes them, staff tables use one unambiguous form, and an event's time is given
in the event's own zone (pages, e-mails) while its calendar file stays in UTC."""

import importlib
from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from centres.models import AuditEntry
from events import services as event_services
from events.calendar import event_ics
from knowledge.models import Resource
from p2i_portal.formats import PORTAL_FORMATS
from tests.events.helpers import make_event
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

# Tuesday 12 January 2100, 10:00–12:00 in Berlin (09:00–11:00 UTC).
START = datetime(2100, 1, 12, 9, 0, tzinfo=UTC)
END = datetime(2100, 1, 12, 11, 0, tzinfo=UTC)
# 13:04 UTC is 14:04 in Brussels, the portal's own zone.
STAFF_MOMENT = datetime(2026, 12, 7, 13, 4, tzinfo=UTC)


def get_in(client, language, viewname, **kwargs):
    """The page in `language`, whether the language is chosen by the address
    (i18n_patterns) or by the remembered choice (the cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        url = reverse(viewname, kwargs=kwargs or None)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def berlin_webinar(centre, editor, **data):
    return make_event(
        centre=centre,
        by=editor,
        title="Webinar on innovation partnerships",
        starts_at=START,
        ends_at=END,
        timezone="Europe/Berlin",
        **data,
    )


# --- public pages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "when", "opens"),
    [
        (
            "en",
            "Tuesday 12 January 2100, 10:00–12:00 (Europe/Berlin)",
            "5 January 2100, 09:30 (Europe/Berlin)",
        ),
        (
            "de",
            "Dienstag, 12. Januar 2100, 10:00–12:00 (Europe/Berlin)",
            "5. Januar 2100 09:30 (Europe/Berlin)",
        ),
        (
            "el",
            "Τρίτη 12 Ιανουαρίου 2100, 10:00–12:00 (Europe/Berlin)",
            "5 Ιανουαρίου 2100, 09:30 (Europe/Berlin)",
        ),
    ],
)
def test_event_page_gives_the_time_in_the_events_zone_in_the_readers_language(
    client, centre, editor, language, when, opens
):
    event = berlin_webinar(
        centre,
        editor,
        registration_opens_at=datetime(2100, 1, 5, 8, 30, tzinfo=UTC),
    )
    page = get_in(client, language, "events:detail", slug=event.slug)
    assert when in page
    assert opens in page
    # The browser adds the visitor's own time from the exact instants.
    assert 'data-local-start="2100-01-12T10:00:00+01:00"' in page
    assert 'data-zone="Europe/Berlin"' in page
    for american in ("Jan. 12, 2100", "01/12/2100", "a.m.", "p.m."):
        assert american not in page


@pytest.mark.parametrize(
    ("language", "published"),
    [
        ("en", "7 December 2026"),
        ("de", "7. Dezember 2026"),
        ("el", "7 Δεκεμβρίου 2026"),
    ],
)
def test_search_results_date_each_resource_in_the_readers_language(
    client, centre, editor, language, published
):
    resource_create(
        centre=centre,
        by=editor,
        published=True,
        title="Market consultation handbook",
        published_on=date(2026, 12, 7),
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        url = reverse("knowledge:resource-list")
    page = client.get(url, {"q": "consultation"}, follow=True).content.decode()
    assert "Market consultation handbook" in page
    assert f'<time datetime="2026-12-07">{published}</time>' in page
    assert "Dec. 7, 2026" not in page
    assert "12/07/2026" not in page


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "1,234 resources"),
        ("de", "1.234 Ressourcen"),
        ("sv", "1\xa0234"),
        ("el", "1.234"),
    ],
)
def test_result_counts_are_grouped_as_the_language_writes_them(language, text):
    # The search page's own count sentence, with a count no test database holds.
    template = Template(
        "{% load i18n %}{% blocktranslate with shown=total|number count "
        "counter=total %}{{ shown }} resource{% plural %}{{ shown }} resources"
        "{% endblocktranslate %}"
    )
    with translation.override(language):
        rendered = template.render(Context({"total": 1234}))
    assert text in rendered


def test_ids_in_addresses_stay_ungrouped():
    """Counts are grouped by a filter, not by USE_THOUSAND_SEPARATOR, which would
    also write ids into addresses as '1,234'."""
    assert not settings.USE_THOUSAND_SEPARATOR
    with translation.override("de"):
        rendered = Template("{{ pk }}|{{ pk|number }}").render(Context({"pk": 1234}))
    assert rendered == "1234|1.234"


# --- staff tables --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "7 Dec 2026 14:04"),
        ("de", "7. Dez. 2026, 14:04"),
        ("nl", "7 dec 2026 14:04"),
        ("el", "7 Δεκ 2026 14:04"),
    ],
)
def test_staff_tables_use_the_one_unambiguous_form(
    client, centre, editor, language, expected
):
    resource = resource_create(centre=centre, by=editor, title="Draft guide")
    Resource.objects.filter(pk=resource.pk).update(updated_at=STAFF_MOMENT)
    with scopes_disabled():
        AuditEntry.objects.filter(centre=centre).update(created_at=STAFF_MOMENT)
    client.force_login(editor)
    cell = f'<time datetime="2026-12-07T14:04:00+01:00">{expected}</time>'

    resources = get_in(client, language, "manage:resources:list", centre_slug="alpha")
    assert cell in resources
    activity = get_in(client, language, "manage:activity", centre_slug="alpha")
    assert cell in activity
    for ambiguous in ("12/07/2026", "07/12/2026", "2:04 p.m."):
        assert ambiguous not in resources + activity


def test_staff_filters_take_moments_days_and_nothing():
    template = Template(
        "{{ a|staff_datetime }}|{{ b|staff_datetime }}|{{ c|staff_date }}|{{ d|staff_datetime }}"
    )
    with translation.override("en"):
        rendered = template.render(
            Context(
                {
                    "a": STAFF_MOMENT,
                    "b": date(2026, 12, 7),
                    "c": STAFF_MOMENT,
                    "d": None,
                }
            )
        )
    assert rendered == "7 Dec 2026 14:04|7 Dec 2026|7 Dec 2026|"


def test_every_language_defines_the_portals_named_formats():
    """A named format a language lacks would be read as a format string."""
    for code, _name in settings.LANGUAGES:
        module = importlib.import_module(f"p2i_portal.formats.{code}.formats")
        missing = [name for name in PORTAL_FORMATS if not hasattr(module, name)]
        assert not missing, f"{code} lacks {missing}"
        with translation.override(code):
            for name in PORTAL_FORMATS:
                assert formats.get_format(name) != name


def test_english_is_written_as_europe_writes_it():
    moment = datetime(2026, 12, 7, 14, 4)
    with translation.override("en"):
        assert formats.date_format(moment) == "7 December 2026"
        assert (
            formats.date_format(moment, "DATETIME_FORMAT") == "7 December 2026, 14:04"
        )
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "07/12/2026"
        assert formats.time_format(moment) == "14:04"


# --- e-mails and calendar files --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "when"),
    [
        ("en", "Tuesday 12 January 2100, 10:00–12:00 (Europe/Berlin)"),
        ("de", "Dienstag, 12. Januar 2100, 10:00–12:00 (Europe/Berlin)"),
        ("el", "Τρίτη 12 Ιανουαρίου 2100, 10:00–12:00 (Europe/Berlin)"),
    ],
)
def test_event_mail_gives_the_time_in_the_events_zone(centre, editor, language, when):
    event = berlin_webinar(centre, editor)
    with translation.override(language), scopes_disabled():
        event_services.registration_create(
            event=event, name="Eleni", email="eleni@example.gr"
        )
    queued = OutboundEmail.objects.get(to="eleni@example.gr")
    assert when in queued.body_text
    assert when in queued.body_html


def test_calendar_file_keeps_the_instant_in_utc(centre, editor):
    event = berlin_webinar(centre, editor)
    ics = event_ics(event).decode()
    assert "DTSTART:21000112T090000Z" in ics
    assert "DTEND:21000112T110000Z" in ics

"""Sections of the joint newsletter in other languages: written next to the
section in the compose workspace, sent to each subscriber in her language
(English where there is no translation), rendered once per language, and shown
in the visitor's language in the web archive."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from newsletters import rendering, services
from newsletters.models import Issue, Section, SectionTranslation
from newsletters.tasks import deliveries_send
from tests.newsletters.factories import issue_ready, subscriber_create

pytestmark = pytest.mark.django_db

GERMAN = {
    "title": "Gemeinsame Webinarreihe",
    "body": "Drei Webinare zur *vorkommerziellen Auftragsvergabe*.",
}


def the_section(issue) -> Section:
    with scopes_disabled():
        return Section.objects.get(issue=issue)


def translation_url(issue, section, language):
    return reverse(
        "newsletters:compose-section-translation",
        kwargs={"pk": issue.pk, "section_pk": section.pk, "language": language},
    )


def sending(issue) -> Issue:
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SENDING, sending_started_at=timezone.now()
    )
    issue.refresh_from_db()
    return issue


def body_of(message, kind) -> str:
    return message.get_body((kind,)).get_content()


def test_a_german_translation_reaches_german_readers_and_english_the_others(
    coordinator, smtp_sink
):
    issue = issue_ready(by=coordinator)
    section = the_section(issue)
    services.section_translation_save(
        section=section, language="de", by=coordinator, **GERMAN
    )
    german = subscriber_create("leser@example.org", language="de")
    swedish = subscriber_create("lasare@example.org", language="sv")
    german_too = subscriber_create("leserin@example.org", language="de")
    issue = sending(issue)
    rendering._issue_parts.cache_clear()
    services.issue_queue(issue=issue)
    deliveries_send.apply(kwargs={"issue_id": issue.pk}).get()

    by_address = {m["To"]: m for m in smtp_sink.messages}
    assert set(by_address) == {german.email, swedish.email, german_too.email}
    for reader in (german, german_too):
        message = by_address[reader.email]
        text, html = body_of(message, "plain"), body_of(message, "html")
        assert "== Gemeinsame Webinarreihe ==" in text
        assert "vorkommerziellen Auftragsvergabe" in text
        assert "Joint webinar series" not in text
        assert "<em>vorkommerziellen Auftragsvergabe</em>" in html
        assert 'lang="de"' in html
        # The Message-ID is still the one fixed by issue and subscriber.
        assert message["Message-ID"] == (
            f"<p2i.issue.{issue.pk}.{reader.pk}@{rendering.settings.SITE_DOMAIN}>"
        )
    text = body_of(by_address[swedish.email], "plain")
    assert "== Joint webinar series ==" in text
    assert "Gemeinsame" not in text
    # The Swedish reader's greeting and footer are Swedish all the same.
    with translation.override("sv"):
        assert translation.gettext("Hello,") in text
    # One rendering per language, not one per subscriber.
    assert rendering._issue_parts.cache_info().misses == 2


def test_the_web_archive_shows_the_visitors_language(client, coordinator):
    issue = issue_ready(by=coordinator)
    services.section_translation_save(
        section=the_section(issue), language="de", by=coordinator, **GERMAN
    )
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SENT, sent_at=timezone.now()
    )
    with translation.override("de"):
        german = client.get(
            reverse("newsletters:issue-detail", kwargs={"slug": issue.slug}),
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert german.status_code == 200
    assert "Gemeinsame Webinarreihe" in german.content.decode()
    assert "Joint webinar series" not in german.content.decode()
    with translation.override("it"):
        italian = client.get(
            reverse("newsletters:issue-detail", kwargs={"slug": issue.slug}),
            HTTP_ACCEPT_LANGUAGE="it",
        )
    assert "Joint webinar series" in italian.content.decode()


def test_the_compose_workspace_writes_changes_and_removes_a_translation(
    client, coordinator
):
    issue = issue_ready(by=coordinator)
    section = the_section(issue)
    client.force_login(coordinator)
    edit_page = client.get(
        reverse(
            "newsletters:compose-section-edit",
            kwargs={"pk": issue.pk, "section_pk": section.pk},
        )
    )
    assert translation_url(issue, section, "de") in edit_page.content.decode()
    url = translation_url(issue, section, "de")
    page = client.get(url)
    assert page.status_code == 200
    assert "Three webinars on *PCP*." in page.content.decode()  # next to it

    before = Issue.objects.get(pk=issue.pk).updated_at
    response = client.post(url, GERMAN)
    assert response.status_code == 302
    saved = SectionTranslation.objects.get(section=section)
    assert (saved.language, saved.title, saved.body) == (
        "de",
        GERMAN["title"],
        GERMAN["body"],
    )
    # The issue's cached rendering is keyed on updated_at: it must move.
    assert Issue.objects.get(pk=issue.pk).updated_at > before

    client.post(url, {"title": "Webinarreihe", "body": "Neu."})
    saved.refresh_from_db()
    assert (saved.title, saved.body) == ("Webinarreihe", "Neu.")

    client.post(url, {"title": "", "body": ""})
    assert not SectionTranslation.objects.exists()


def test_bad_translation_input_changes_nothing(client, coordinator):
    issue = issue_ready(by=coordinator)
    section = the_section(issue)
    services.section_translation_save(
        section=section, language="de", by=coordinator, **GERMAN
    )
    client.force_login(coordinator)
    url = translation_url(issue, section, "de")
    response = client.post(url, {"title": "", "body": "Text ohne Titel."})
    assert response.status_code == 200
    assert "Give the translated title as well." in response.content.decode()
    assert client.get(translation_url(issue, section, "en")).status_code == 404
    assert client.get(translation_url(issue, section, "xx")).status_code == 404
    # A sent issue takes no more changes.
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT)
    client.post(url, {"title": "Später", "body": "Zu spät."})
    saved = SectionTranslation.objects.get()
    assert (saved.title, saved.body) == (GERMAN["title"], GERMAN["body"])


def test_a_translation_is_sanitised_like_the_section(coordinator):
    issue = issue_ready(by=coordinator)
    services.section_translation_save(
        section=the_section(issue),
        language="de",
        by=coordinator,
        title="Titel",
        body='Text <script>alert(1)</script> [Link](/resources/) <img src=x onerror="x">',
    )
    [section] = rendering.issue_sections(issue, "de")
    assert "<script" not in section["body_html"]
    assert "onerror" not in section["body_html"]
    assert (
        f'href="{rendering.settings.SITE_URL.rstrip("/")}/resources/"'
        in (section["body_html"])
    )


def test_the_preview_shows_the_issue_as_a_reader_of_a_language_gets_it(
    client, coordinator
):
    issue = issue_ready(by=coordinator)
    services.section_translation_save(
        section=the_section(issue), language="de", by=coordinator, **GERMAN
    )
    client.force_login(coordinator)
    url = reverse("newsletters:compose-preview", kwargs={"pk": issue.pk})
    german = client.get(url, {"language": "de", "format": "text"})
    assert "== Gemeinsame Webinarreihe ==" in german.content.decode()
    english = client.get(url, {"format": "text"})
    assert "== Joint webinar series ==" in english.content.decode()
    unknown = client.get(url, {"language": "<xx>"})
    assert unknown.status_code == 200
    assert "Joint webinar series" in unknown.content.decode()

"""Bulk e-mails as Django messages: issues and digests, HTML with inlined CSS plus
a plain-text part, personalised, with List-Unsubscribe (RFC 8058 one-click),
List-Id and a deterministic Message-ID.

An issue is rendered (and its CSS inlined) once per worker process; each message
then only fills in the subscriber's name and links, which keeps 100 000 messages
cheap (bench/bench_newsletter.py).
"""

import html
import re
from email.utils import formataddr, parseaddr
from functools import lru_cache
from urllib.parse import quote, urljoin, urlsplit

import css_inline
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knowledge.markdown import render_markdown
from p2i_portal.mail import (
    mail_language,
    message_id,
    recipient_language,
    unique_message_id,
)

from .models import Issue, Section, SectionTranslation, Subscriber

TOKEN_SALT = "newsletters.subscriber"  # noqa: S105 - a salt, not a secret

# Placeholders the per-subscriber step fills in (they survive CSS inlining).
NAME, PREFS, UNSUB, GREETING = (
    "P2I-PLACEHOLDER-NAME",
    "P2I-PLACEHOLDER-PREFS",
    "P2I-PLACEHOLDER-UNSUB",
    "P2I-PLACEHOLDER-GREETING",
)


# --- Signed subscriber tokens: the preference centre and unsubscribe links ---
def subscriber_token(subscriber: Subscriber) -> str:
    """A signed, non-expiring token naming one subscriber (old e-mails keep working).
    It binds the address too, so a token outlives no change of address."""
    return signing.dumps([subscriber.pk, subscriber.email[:3]], salt=TOKEN_SALT)


def subscriber_from_token(token: str) -> Subscriber | None:
    """The subscriber a token names, or None if it is forged, tampered or stale."""
    try:
        pk, prefix = signing.loads(token, salt=TOKEN_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or subscriber.email[:3] != prefix:
        return None
    return subscriber


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def preferences_url(token: str) -> str:
    return absolute(reverse("newsletters:preferences", kwargs={"token": token}))


def unsubscribe_url(token: str, list_name: str) -> str:
    return absolute(
        reverse(
            "newsletters:unsubscribe", kwargs={"token": token, "list_name": list_name}
        )
    )


def mail_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or urlsplit(settings.SITE_URL).hostname


def unsubscribe_mailto(token: str, list_name: str) -> str:
    address = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_MAILTO", "") or (
        f"unsubscribe@{mail_domain()}"
    )
    return f"mailto:{address}?subject={quote(f'unsubscribe {list_name} {token}')}"


def bulk_headers(*, unsubscribe_url: str, list_name: str, mailto: str = "") -> dict:
    """The headers of every bulk mail of the portal: one-click unsubscribe
    (RFC 8058: the URL takes a POST of "List-Unsubscribe=One-Click" without
    cookies), List-Id and the markers that keep auto-responders quiet."""
    targets = f"<{unsubscribe_url}>" + (f", <{mailto}>" if mailto else "")
    return {
        "List-Unsubscribe": targets,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"P2I {list_name} <{list_name}.{mail_domain()}>",
        "Precedence": "bulk",
        "Auto-Submitted": "auto-generated",
    }


# --- Issues ---
# A Markdown link or image target with no scheme: `](/resources/x/)` or `](x.pdf)`.
_RELATIVE_TARGET = re.compile(r"(\]\()(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|//)([^)\s]+)")


def absolute_markdown_links(text: str) -> str:
    """The plain-text part shows the Markdown as written; its relative links
    become absolute on the site URL, as in the HTML part."""
    base = settings.SITE_URL.rstrip("/") + "/"
    return _RELATIVE_TARGET.sub(lambda m: m[1] + urljoin(base, m[2]), text or "")


def issue_sections(issue: Issue, language: str | None = None) -> list[dict]:
    """The accepted sections of an issue, in order, with their HTML and resources,
    each in `language` where it has a translation into it and as written
    otherwise (`language` defaults to the active one).

    Crosses centres on purpose (sections of every centre make the issue), so
    it runs with scopes disabled and returns a list."""
    from django_scopes import scopes_disabled

    language = mail_language(language or translation.get_language())
    with scopes_disabled():
        sections = list(
            Section.objects.filter(issue=issue)
            .accepted()
            .select_related("centre")
            .prefetch_related(
                "resources__centre",
                "events",
                Prefetch(
                    "translations",
                    queryset=SectionTranslation.objects.filter(language=language),
                ),
            )
        )
    out = []
    for section in sections:
        translated = next(iter(section.translations.all()), None)
        title, body = (
            (translated.title, translated.body)
            if translated
            else (section.title, section.body)
        )
        resources = [
            {
                "title": r.title,
                "summary": r.summary,
                "url": absolute(r.get_absolute_url()),
                "centre": r.centre.short_name,
            }
            for r in section.resources.all()
            if r.is_public
        ]
        out.append(
            {
                "title": title,
                # The language the section is shown in, for `lang` in the HTML.
                "language": translated.language if translated else "en",
                "centre": section.centre,
                "body_html": render_markdown(body, base_url=settings.SITE_URL),
                "body_text": absolute_markdown_links(body),
                "resources": resources,
                "events": section_events(section),
            }
        )
    return out


def section_events(section) -> list[dict]:
    """The published, still upcoming public events a section pulls in."""
    return [
        {
            "title": e.title,
            "url": absolute(e.get_absolute_url()),
            "when": e.when_display(),
            "start": e.starts_at,
        }
        for e in section.events.all()
        # An event made network-only after it was picked stays out of the mail.
        if e.status == e.Status.PUBLISHED and not e.is_past and not e.is_network_only
    ]


def issue_context(issue: Issue, language: str | None = None) -> dict:
    """What the e-mail and the web archive show of `issue`, in `language` (the
    active one by default) where its sections are translated."""
    return {
        "issue": issue,
        "intro_html": render_markdown(issue.intro, base_url=settings.SITE_URL),
        "sections": issue_sections(issue, language),
        "site_url": settings.SITE_URL.rstrip("/"),
        "web_url": absolute(issue.get_absolute_url()),
    }


def _inline(html_text: str) -> str:
    return css_inline.inline(html_text)


# Room for every language of a few issue versions at once.
@lru_cache(maxsize=64)
def _issue_parts(issue_id: int, version: str, language: str) -> tuple[str, str, str]:
    """(subject, html, text) with placeholders, in `language`; cached per issue
    version and language, so a send renders each language once per process."""
    issue = Issue.objects.get(pk=issue_id)
    with translation.override(language):
        ctx = {
            **issue_context(issue, language),
            "name": NAME,
            "greeting": GREETING,
            "preferences_url": PREFS,
            "unsubscribe_url": UNSUB,
        }
        html_body = _inline(render_to_string("emails/newsletter-issue-body.html", ctx))
        text_body = render_to_string("emails/newsletter-issue-body.txt", ctx)
    return issue.subject, html_body, text_body


def _greeting(name: str) -> str:
    return _("Hello %(name)s,") % {"name": name} if name else _("Hello,")


def _personalise(body: str, *, subscriber, prefs, unsub, escape: bool) -> str:
    greeting = _greeting(subscriber.name)
    name = subscriber.name
    if escape:
        greeting, name = html.escape(greeting), html.escape(name)
        prefs, unsub = html.escape(prefs), html.escape(unsub)
    return (
        body.replace(GREETING, greeting)
        .replace(NAME, name)
        .replace(PREFS, prefs)
        .replace(UNSUB, unsub)
    )


def _bulk_message(
    *, subject, html_body, text_body, subscriber, list_name, msg_id, connection=None
):
    token = subscriber_token(subscriber)
    prefs = preferences_url(token)
    unsub = unsubscribe_url(token, list_name)
    message = EmailMultiAlternatives(
        subject=subject,
        body=_personalise(
            text_body, subscriber=subscriber, prefs=prefs, unsub=unsub, escape=False
        ),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[
            formataddr((subscriber.name, subscriber.email))
            if subscriber.name
            else subscriber.email
        ],
        connection=connection,
        headers={
            "Message-ID": msg_id,
            **bulk_headers(
                unsubscribe_url=unsub,
                mailto=unsubscribe_mailto(token, list_name),
                list_name=list_name,
            ),
        },
    )
    message.attach_alternative(
        _personalise(
            html_body, subscriber=subscriber, prefs=prefs, unsub=unsub, escape=True
        ),
        "text/html",
    )
    return message


def issue_message(issue: Issue, subscriber, *, connection=None, test=False):
    """The e-mail of `issue` for `subscriber` (any object with pk, email, name
    and optionally language), in the subscriber's language."""
    version = f"{issue.pk}:{issue.updated_at.isoformat()}"
    with recipient_language(getattr(subscriber, "language", "")) as language:
        subject, html_body, text_body = _issue_parts(issue.pk, version, language)
        if test:
            subject = _("[Test] %(subject)s") % {"subject": subject}
        return _bulk_message(
            subject=subject,
            html_body=html_body,
            text_body=text_body,
            subscriber=subscriber,
            list_name="newsletter",
            msg_id=unique_message_id("test")
            if test
            else message_id("issue", issue.pk, subscriber.pk),
            connection=connection,
        )


def issue_preview_html(issue: Issue, subscriber=None) -> str:
    """The HTML e-mail as a recipient sees it (the coordinator's preview)."""
    subscriber = subscriber or Subscriber(pk=0, email="preview@example.org", name="")
    return issue_message(issue, subscriber).alternatives[0][0]


def issue_preview_text(issue: Issue, subscriber=None) -> str:
    subscriber = subscriber or Subscriber(pk=0, email="preview@example.org", name="")
    return issue_message(issue, subscriber).body


# --- Digests ---
def digest_message(digest, subscriber, content: dict, *, connection=None):
    """A digest: the resources and events fixed in the delivery's `content`, in
    the subscriber's language (links and kinds included)."""
    with recipient_language(subscriber.language):
        return _digest_message(digest, subscriber, content, connection=connection)


def _digest_message(digest, subscriber, content: dict, *, connection=None):
    from knowledge.models import Resource

    resources = list(
        Resource.objects.public()
        .filter(pk__in=content.get("resources", []))
        .select_related("centre")
        .order_by("-published_at")
    )
    events = _digest_events(content.get("events", []))
    ctx = {
        "digest": digest,
        "resources": [
            {
                "title": r.title,
                "summary": r.summary,
                "url": absolute(r.get_absolute_url()),
                "centre": r.centre.short_name,
                "kind": r.get_kind_display(),
            }
            for r in resources
        ],
        "events": events,
        "site_url": settings.SITE_URL.rstrip("/"),
        "greeting": GREETING,
        "preferences_url": PREFS,
        "unsubscribe_url": UNSUB,
    }
    count = len(resources) + len(events)
    if digest.frequency == Subscriber.Frequency.WEEKLY:
        subject = ngettext(
            "Your weekly P2I digest: %(count)s new item",
            "Your weekly P2I digest: %(count)s new items",
            count,
        ) % {"count": count}
    else:
        subject = ngettext(
            "Your monthly P2I digest: %(count)s new item",
            "Your monthly P2I digest: %(count)s new items",
            count,
        ) % {"count": count}
    html_body = _inline(render_to_string("emails/newsletter-digest-body.html", ctx))
    text_body = render_to_string("emails/newsletter-digest-body.txt", ctx)
    return _bulk_message(
        subject=subject,
        html_body=html_body,
        text_body=text_body,
        subscriber=subscriber,
        list_name="digest",
        msg_id=message_id("digest", digest.pk, subscriber.pk),
        connection=connection,
    )


def _digest_events(ids: list[int]) -> list[dict]:
    if not ids:
        return []
    from events.models import Event

    return [
        {
            "title": e.title,
            "url": absolute(e.get_absolute_url()),
            "when": e.when_display(),
            "start": e.starts_at,
        }
        for e in Event.objects.public()
        .published()
        .filter(pk__in=ids)
        .order_by("starts_at")
    ]

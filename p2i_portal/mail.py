"""E-mail helpers every app shares: the recipient's language, the three-file
templates and Message-IDs.

Mails are written as `templates/emails/<name>-{subject.txt,body.txt,body.html}`
(STYLE.md 2.10) and rendered here. Subjects and plain-text bodies are not HTML,
so they are rendered without autoescaping: a title "R&D" stays "R&D".

Every mail is written in its recipient's language, not in the language of
whoever caused it: `mail_language()` picks it (the account's or subscription's
choice, else the language of the page where she signed up, else English) and
`recipient_language()` switches to it while the caller builds the links
(`reverse()` gives each language its own addresses) and renders.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import make_msgid

from django.conf import settings
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils import translation


def mail_language(*candidates: str | None) -> str:
    """The first of `candidates` (most preferred first) that the portal speaks,
    as its code in settings.LANGUAGES ("de-at" gives "de"); else the default
    language. Empty candidates are skipped."""
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return translation.get_supported_language_variant(candidate)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


@contextmanager
def recipient_language(*candidates: str | None) -> Iterator[str]:
    """Activate the language `mail_language(*candidates)` picks and yield it."""
    language = mail_language(*candidates)
    with translation.override(language):
        yield language


def absolute_url(path: str) -> str:
    """A path of the portal as a link for a mail: on the site's address."""
    return settings.SITE_URL + path


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    body_text: str
    body_html: str


def render_plain(template_name: str, context: dict) -> str:
    """Render a template whose output is plain text (not HTML-escaped)."""
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(context, autoescape=False))


def render_subject(template_name: str, context: dict) -> str:
    """A subject on one line: template line breaks would be header injection."""
    return " ".join(render_plain(template_name, context).split())


def render_email(name: str, context: dict, *, language: str) -> RenderedEmail:
    """Render `templates/emails/<name>-*` in `language`: the HTML body escaped,
    the rest not."""
    with translation.override(mail_language(language)):
        return RenderedEmail(
            subject=render_subject(f"emails/{name}-subject.txt", context),
            body_text=render_plain(f"emails/{name}-body.txt", context),
            body_html=render_to_string(f"emails/{name}-body.html", context),
        )


def message_id(*parts) -> str:
    """A Message-ID fixed by `parts` (e.g. "mail", 42), on the site's domain: a
    message sent again after a crash carries the same one, so receiving servers
    and clients can recognise the duplicate."""
    return f"<p2i.{'.'.join(str(part) for part in parts)}@{settings.SITE_DOMAIN}>"


def unique_message_id(kind: str) -> str:
    """A fresh Message-ID on the site's domain, for a message that is never a
    resend of another (e.g. each test copy of an issue)."""
    return make_msgid(idstring=f"p2i.{kind}", domain=settings.SITE_DOMAIN)

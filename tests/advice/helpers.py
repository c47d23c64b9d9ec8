"""Helpers of the advice tests: a question in one call, links from mails."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from advice import services
from advice.models import AdviceRequest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

QUESTION = {
    "subject": "Market consultation for school meals",
    "question": "How do we announce a market consultation before a tender?",
    "country": "DE",
    "organisation_type": "municipality",
    "sector": "food",
    "approach": "market_consultation",
    "consent_publish": True,
}


def pdf(name="brief.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def disguised(name="brief.pdf"):
    """An HTML page that claims to be a PDF by its name and content type."""
    return SimpleUploadedFile(
        name, b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )


def ask(*, user=None, email="", name="", **data) -> AdviceRequest:
    """A question through the service; a visitor's is confirmed unless
    `confirmed=False`."""
    confirmed = data.pop("confirmed", True)
    values = {**QUESTION, **data}
    request = services.request_create(
        data=values, user=user, name=name or "Vera Visitor", email=email
    )
    if user is None and confirmed:
        request = services.request_confirm(request=request)
    return request


def reload(request) -> AdviceRequest:
    with scopes_disabled():
        return AdviceRequest.objects.get(pk=request.pk)


def mails_to(address: str, subject_part: str = "") -> list:
    return [
        m
        for m in mail.outbox
        if address in m.to and subject_part.lower() in m.subject.lower()
    ]


def link_in(message, marker: str) -> str:
    """The path of the first link in a mail's text that contains `marker`."""
    url = next(word for word in message.body.split() if marker in word)
    assert url.startswith("http"), url
    return "/" + url.split("://", 1)[1].split("/", 1)[1]

"""Helpers of the challenge tests: a challenge in one call, at any stage."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scopes_disabled

from cooperation import challenge_services as services
from cooperation.models import Challenge, ChallengeAnswer

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="brief.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def disguised(name="brief.pdf"):
    """An HTML page that claims to be a PDF by its name and content type."""
    return SimpleUploadedFile(
        name, b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )


def data(**values) -> dict:
    return {
        "title": "Cooling hospital wards without air conditioning",
        "organisation": "City of Hamburg",
        "problem": "Our hospital wards overheat in summer consultations of doctors.",
        "known": "Shading and ventilation help a little.",
        "questions": ["Which passive cooling exists?", "What does it cost?"],
        "deadline": timezone.localdate() + timedelta(days=14),
        "language": "en",
        "sector": "health",
        "country": "DE",
        **values,
    }


def make_challenge(*, buyer, reviewer=None, stage="published", upload=None, **values):
    """A challenge through the services: `draft`, `submitted`, `published` or
    `closed` (published, then its deadline moved into the past)."""
    challenge = services.challenge_create(
        buyer=buyer, data=data(**values), upload=upload
    )
    if stage == "draft":
        return challenge
    challenge = services.challenge_submit(challenge=challenge, by=buyer)
    if stage == "submitted":
        return challenge
    challenge = services.challenge_publish(challenge=challenge, by=reviewer)
    if stage == "closed":
        close(challenge)
    return Challenge.objects.get(pk=challenge.pk)


def close(challenge) -> Challenge:
    Challenge.objects.filter(pk=challenge.pk).update(
        deadline=timezone.localdate() - timedelta(days=1)
    )
    return Challenge.objects.get(pk=challenge.pk)


def answer(challenge, supplier, **values) -> ChallengeAnswer:
    upload = values.pop("upload", None)
    return services.answer_save(
        challenge=challenge,
        supplier=supplier,
        data={
            "organisation": "CoolTech GmbH",
            "answers": ["Night ventilation.", "About 40 euros a square metre."],
            "general": "",
            **values,
        },
        upload=upload,
    )


def answers_of(challenge) -> list[ChallengeAnswer]:
    with scopes_disabled():
        return list(ChallengeAnswer.objects.filter(challenge=challenge))


def mails_to(address: str, subject_part: str = "") -> list:
    return [
        m
        for m in mail.outbox
        if address in m.to and subject_part.lower() in m.subject.lower()
    ]

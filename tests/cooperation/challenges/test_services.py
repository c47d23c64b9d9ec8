"""The challenge's way from the buyer's draft to publication: routing, the
centre's review, search, and every refusal (which changes nothing)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from cooperation import challenge_selectors as selectors
from cooperation import challenge_services as services
from cooperation.models import Challenge
from tests.factories import CentreFactory

from .helpers import data, disguised, mails_to, make_challenge, pdf

pytestmark = pytest.mark.django_db


def actions(centre):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre=centre)
            .order_by("pk")
            .values_list("action", flat=True)
        )


def test_a_draft_goes_to_the_centre_of_its_country(procurer, centre, other_centre):
    german = services.challenge_create(buyer=procurer, data=data(), upload=pdf())
    dutch = services.challenge_create(buyer=procurer, data=data(country="NL"))
    assert (german.centre, dutch.centre) == (centre, other_centre)
    assert german.status == Challenge.Status.DRAFT
    assert german.attachment_type == "application/pdf"
    assert german.questions == ["Which passive cooling exists?", "What does it cost?"]


def test_a_country_without_a_centre_goes_to_the_coordinating_centre(procurer, centre):
    coordinating = CentreFactory(slug="bme", country="DE", is_coordinating=True)
    challenge = services.challenge_create(buyer=procurer, data=data(country="MT"))
    assert challenge.centre == coordinating


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"questions": ["", "  "]}, "questions"),
        ({"questions": [f"Q{i}" for i in range(11)]}, "questions"),
        ({"deadline": timezone.localdate() - timedelta(days=1)}, "deadline"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(procurer, centre, values, field):
    with pytest.raises(ValidationError) as exc:
        services.challenge_create(buyer=procurer, data=data(**values))
    assert field in exc.value.message_dict
    assert not Challenge.objects.exists()


def test_an_attachment_that_is_not_what_it_claims_is_refused(procurer, centre):
    with pytest.raises(ValidationError) as exc:
        services.challenge_create(buyer=procurer, data=data(), upload=disguised())
    assert "Its content was checked" in " ".join(exc.value.message_dict["attachment"])
    assert not Challenge.objects.exists()


def test_submitting_tells_the_centres_staff_and_is_logged(
    procurer, centre, editor, manager, sent
):
    with sent():
        challenge = make_challenge(buyer=procurer, stage="submitted")
    assert challenge.status == Challenge.Status.SUBMITTED
    assert challenge.submitted_at is not None
    assert len(mails_to(editor.email, "to review")) == 1
    assert len(mails_to(manager.email, "to review")) == 1
    assert actions(centre) == ["cooperation.challenge.submitted"]


def test_the_centre_publishes_and_the_buyer_is_told(procurer, centre, editor, sent):
    challenge = make_challenge(buyer=procurer, stage="submitted")
    mail.outbox.clear()
    with sent():
        services.challenge_publish(challenge=challenge, by=editor)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED
    assert challenge.published_at is not None
    assert challenge.search_vector
    [message] = mails_to(procurer.email, "is published")
    assert f"/en/challenges/{challenge.pk}/" in message.body
    assert actions(centre)[-1] == "cooperation.challenge.published"


def test_only_a_submitted_challenge_can_be_published(procurer, centre, editor):
    draft = make_challenge(buyer=procurer, stage="draft")
    with pytest.raises(ValidationError):
        services.challenge_publish(challenge=draft, by=editor)
    assert Challenge.objects.get(pk=draft.pk).status == Challenge.Status.DRAFT


def test_sending_back_needs_a_note_and_returns_the_draft(
    procurer, centre, editor, sent
):
    challenge = make_challenge(buyer=procurer, stage="submitted")
    with pytest.raises(ValidationError):
        services.challenge_send_back(challenge=challenge, by=editor, note=" ")
    assert Challenge.objects.get(pk=challenge.pk).status == Challenge.Status.SUBMITTED
    mail.outbox.clear()
    with sent():
        services.challenge_send_back(
            challenge=challenge, by=editor, note="Add a question on maintenance."
        )
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.DRAFT
    assert challenge.review_note == "Add a question on maintenance."
    [message] = mails_to(procurer.email, "needs changes")
    assert "Add a question on maintenance." in message.body
    assert actions(centre)[-1] == "cooperation.challenge.sent_back"
    # She edits and submits again.
    services.challenge_update(challenge=challenge, data=data(title="Cooler wards"))
    services.challenge_submit(challenge=challenge, by=procurer)
    assert Challenge.objects.get(pk=challenge.pk).title == "Cooler wards"


def test_a_published_challenge_cannot_be_edited(procurer, centre, editor):
    challenge = make_challenge(buyer=procurer, reviewer=editor)
    with pytest.raises(ValidationError):
        services.challenge_update(challenge=challenge, data=data(title="Changed"))
    assert Challenge.objects.get(pk=challenge.pk).title != "Changed"


def test_search_stems_in_the_challenges_language_and_filters(
    procurer, centre, other_centre, editor, editor_b
):
    cooling = make_challenge(buyer=procurer, reviewer=editor)
    german = make_challenge(
        buyer=procurer,
        reviewer=editor,
        title="Digitale Rechnungen",
        problem="Wir suchen Lösungen für elektronische Rechnungsstellung.",
        questions=["Welche Lösungen gibt es?"],
        language="de",
        sector="ict",
    )
    dutch = make_challenge(
        buyer=procurer,
        reviewer=editor_b,
        country="NL",
        title="Dutch ward cooling",
        problem="Wards in Utrecht overheat.",
    )
    make_challenge(buyer=procurer, stage="submitted", title="Unpublished cooling")

    def found(**query):
        params = selectors.ChallengeParams.from_query(query)
        return [c.pk for c in selectors.challenge_search(params=params)]

    # "consultation" finds "consultations" (English stemming), "Lösung" finds
    # "Lösungen" (German), and drafts are never listed.
    assert found(q="consultation") == [cooling.pk]
    assert found(q="Lösung") == [german.pk]
    assert sorted(found(q="cooling")) == sorted([cooling.pk, dutch.pk])
    assert found(sector="ict") == [german.pk]
    assert found(country="NL") == [dutch.pk]
    assert found(status="closed") == []
    assert len(found(status="open")) == 3
    assert len(found(sector="bogus")) == 3  # an unknown value is dropped


def test_the_activity_log_links_a_challenge_for_its_centre_only(
    client, procurer, centre, editor, editor_b
):
    from django.urls import reverse

    challenge = make_challenge(buyer=procurer, reviewer=editor)
    client.force_login(editor)
    page = client.get(reverse("manage:activity", args=["alpha"])).content.decode()
    assert reverse("manage:challenges:detail", args=["alpha", challenge.pk]) in page
    assert "Published a challenge" in page

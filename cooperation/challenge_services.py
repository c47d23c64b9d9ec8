"""Writes of open market consultations (challenges). Callers have checked who
acts (cooperation.challenge_permissions); each service re-checks the state it
needs and refuses with a ValidationError that changes nothing. Every step the
centre takes part in is an entry in its activity log.

Answers are centre-private (a scoped manager on the challenge's centre) but are
written from the public pages by suppliers, so these services say so with
`scopes_disabled()`.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from advice.services import route_for_country
from centres.models import Centre
from centres.services import audit_log
from knowledge.markdown import render_markdown
from knowledge.textsearch import SIMPLE, search_config_for
from knowledge.validators import validate_attachment

from . import challenge_emails as emails
from .models import MAX_QUESTIONS, Challenge, ChallengeAnswer

CHALLENGE_FIELDS = [
    "title", "organisation", "problem", "known", "questions", "deadline",
    "language", "sector", "country",
]  # fmt: skip

# Title first (A), the problem and questions (B), what is known (C), and
# title and buyer as written (D), so that a name spelt alike in any language
# still matches, as the knowledge base indexes its resources.
_SEARCH_SQL = """
UPDATE cooperation_challenge SET search_vector =
    setweight(to_tsvector(%(cfg)s::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(cfg)s::regconfig, coalesce(problem, '') || ' '
         || array_to_string(questions, ' ')), 'B')
    || setweight(to_tsvector(%(cfg)s::regconfig, coalesce(known, '')), 'C')
    || setweight(to_tsvector(%(simple)s::regconfig, coalesce(title, '') || ' '
         || coalesce(organisation, '')), 'D')
WHERE id = %(id)s
"""


def challenge_index(*, challenge: Challenge) -> None:
    """(Re)build the stored tsvector of one challenge with the stemming
    configuration of its language, in the caller's transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            _SEARCH_SQL,
            {
                "cfg": search_config_for(challenge.language),
                "simple": SIMPLE,
                "id": challenge.pk,
            },
        )


def route_challenge(country: str) -> Centre:
    """The centre that reviews a buyer's challenge: the national centre of her
    country (an associate one where it is the only one, as advice routes
    questions), else the network's coordinating centre."""
    centre = route_for_country(country)
    if centre is None:
        centre = (
            Centre.objects.active().filter(is_coordinating=True).order_by("pk").first()
        )
    if centre is None:
        raise ValidationError(
            {"country": _("No centre of the network can review a challenge yet.")}
        )
    return centre


def _audit(challenge: Challenge, *, action: str, by, **data) -> None:
    audit_log(
        centre=challenge.centre,
        action=action,
        by=by,
        target=challenge.title,
        obj=challenge,
        challenge=challenge.pk,
        **data,
    )


def _check_upload(upload, field="attachment") -> tuple[str, str] | None:
    if not upload:
        return None
    try:
        return validate_attachment(upload)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _clean_questions(questions) -> list[str]:
    cleaned = [q.strip() for q in questions or [] if q and q.strip()]
    if not cleaned:
        raise ValidationError({"questions": _("Ask the market at least one question.")})
    if len(cleaned) > MAX_QUESTIONS:
        raise ValidationError(
            {"questions": _("Ask at most %(n)d questions.") % {"n": MAX_QUESTIONS}}
        )
    return cleaned


def _check_deadline(deadline) -> None:
    if deadline is None or deadline < timezone.localdate():
        raise ValidationError({"deadline": _("Choose a deadline from today on.")})


def _fill(challenge: Challenge, data: dict, upload) -> None:
    for field in CHALLENGE_FIELDS:
        if field in data:
            value = data[field]
            setattr(
                challenge, field, value.strip() if isinstance(value, str) else value
            )
    challenge.questions = _clean_questions(challenge.questions)
    _check_deadline(challenge.deadline)
    checked = _check_upload(upload)
    if checked:
        challenge.attachment = upload
        challenge.attachment_name = upload.name[:200]
        challenge.attachment_type = checked[1]


@transaction.atomic
def challenge_create(*, buyer: User, data: dict, upload=None) -> Challenge:
    """A buyer's draft, routed to the centre of its country (route_challenge).
    Bad input (no question, a past deadline, a file that is not what it claims)
    raises ValidationError and nothing is stored."""
    challenge = Challenge(buyer=buyer, status=Challenge.Status.DRAFT)
    _fill(challenge, data, upload)
    challenge.centre = route_challenge(str(challenge.country))
    challenge.full_clean()
    challenge.save()
    return challenge


@transaction.atomic
def challenge_update(*, challenge: Challenge, data: dict, upload=None) -> Challenge:
    """The buyer edits her draft (the caller checked she is its buyer); a
    changed country routes it again."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status != Challenge.Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited."))
    _fill(challenge, data, upload)
    challenge.centre = route_challenge(str(challenge.country))
    challenge.full_clean()
    challenge.save()
    return challenge


@transaction.atomic
def challenge_submit(*, challenge: Challenge, by: User) -> Challenge:
    """The buyer sends her draft to her centre for review; its staff are told."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status != Challenge.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    _check_deadline(challenge.deadline)
    challenge.status = Challenge.Status.SUBMITTED
    challenge.submitted_at = timezone.now()
    challenge.save(update_fields=["status", "submitted_at", "updated_at"])
    _audit(challenge, action="cooperation.challenge.submitted", by=by)
    emails.submitted_mail(challenge)
    return challenge


@transaction.atomic
def challenge_publish(*, challenge: Challenge, by: User) -> Challenge:
    """The centre publishes a submitted challenge (the caller checked `by` is
    staff of its centre). Its search entry is built in the same transaction."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status != Challenge.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted challenge can be published."))
    if challenge.deadline < timezone.localdate():
        raise ValidationError(
            _("Its deadline has passed: send it back so that the buyer sets a new one.")
        )
    challenge.status = Challenge.Status.PUBLISHED
    challenge.published_at = timezone.now()
    challenge.review_note = ""
    challenge.save(
        update_fields=["status", "published_at", "review_note", "updated_at"]
    )
    challenge_index(challenge=challenge)
    _audit(challenge, action="cooperation.challenge.published", by=by)
    emails.published_mail(challenge)
    return challenge


@transaction.atomic
def challenge_send_back(*, challenge: Challenge, by: User, note: str) -> Challenge:
    """The centre returns a submitted challenge to its buyer with a note."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status != Challenge.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted challenge can be sent back."))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Tell the buyer what to change.")})
    challenge.status = Challenge.Status.DRAFT
    challenge.review_note = note
    challenge.save(update_fields=["status", "review_note", "updated_at"])
    _audit(challenge, action="cooperation.challenge.sent_back", by=by)
    emails.sent_back_mail(challenge)
    return challenge


def may_answer(challenge: Challenge, user) -> bool:
    """Anyone with an account except the buyer and her centre's staff (the
    coordinator included), who read every answer anyway."""
    if not getattr(user, "is_authenticated", False) or challenge.buyer_id == user.pk:
        return False
    return challenge.centre.role_of(user) is None


@transaction.atomic
@scopes_disabled()
def answer_save(
    *, challenge: Challenge, supplier: User, data: dict, upload=None
) -> ChallengeAnswer:
    """Create or change the supplier's one answer to an open challenge.

    Refuses (nothing changed) a challenge that is not published or whose
    deadline passed, the buyer and her centre's staff, and an answer without
    any text. The buyer and the centre's staff are told of a new answer once;
    an edit tells no one.
    """
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.is_published:
        raise ValidationError(_("This challenge is not open for answers."))
    if not challenge.is_open:
        raise ValidationError(
            _("The deadline of this challenge has passed; it takes no more answers.")
        )
    if not may_answer(challenge, supplier):
        raise ValidationError(
            _("The buyer and her centre cannot answer their own challenge.")
        )
    answers = [(a or "").strip() for a in data.get("answers", [])]
    answers = (answers + [""] * len(challenge.questions))[: len(challenge.questions)]
    general = (data.get("general") or "").strip()
    if not any(answers) and not general:
        raise ValidationError(
            _("Answer at least one question or write a general answer.")
        )
    organisation = (data.get("organisation") or "").strip()
    if not organisation:
        raise ValidationError({"organisation": _("Name your organisation.")})
    checked = _check_upload(upload)
    answer = (
        ChallengeAnswer.objects.select_for_update()
        .filter(challenge=challenge, supplier=supplier)
        .first()
    )
    created = answer is None
    if created:
        answer = ChallengeAnswer(challenge=challenge, supplier=supplier)
    answer.organisation = organisation[:200]
    answer.answers = answers
    answer.general = general
    replaced = None
    if checked:
        if answer.attachment:
            replaced = (answer.attachment.storage, answer.attachment.name)
        answer.attachment = upload
        answer.attachment_name = upload.name[:200]
        answer.attachment_type = checked[1]
    answer.full_clean(exclude=["challenge", "supplier"])
    answer.save()
    if replaced is not None:
        # A file she replaced is hers to take back as much as one she removes.
        storage, name = replaced
        transaction.on_commit(lambda: storage.delete(name))
    if created:
        _audit(
            challenge,
            action="cooperation.challenge.answered",
            by=supplier,
            answer=answer.pk,
        )
        emails.answer_mail(challenge, answer)
    else:
        _audit(
            challenge,
            action="cooperation.challenge.answer_updated",
            by=supplier,
            answer=answer.pk,
        )
    return answer


@transaction.atomic
@scopes_disabled()
def answer_file_remove(*, answer: ChallengeAnswer, by: User) -> ChallengeAnswer:
    """The supplier takes back the file of her answer while the challenge is
    open (the caller reached the answer through `of_supplier(by)`; checked
    again here). The row forgets the file at once; the stored file is deleted
    after the commit, so that a rolled-back removal keeps it. After the
    deadline it is refused and nothing changes. An answer without a file is
    left as it is: safe to repeat."""
    challenge = Challenge.objects.select_for_update().get(pk=answer.challenge_id)
    answer = ChallengeAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.supplier_id != by.pk:
        raise ValidationError(_("Only the supplier who sent an answer can change it."))
    if not challenge.is_open:
        raise ValidationError(
            _(
                "The deadline of this challenge has passed; its answers and their "
                "files can no longer change."
            )
        )
    if not answer.attachment:
        return answer
    storage, name = answer.attachment.storage, answer.attachment.name
    answer.attachment = ""
    answer.attachment_name = ""
    answer.attachment_type = ""
    answer.save(
        update_fields=["attachment", "attachment_name", "attachment_type", "updated_at"]
    )
    transaction.on_commit(lambda: storage.delete(name))
    _audit(
        challenge,
        action="cooperation.challenge.answer_file_removed",
        by=by,
        answer=answer.pk,
    )
    return answer


@transaction.atomic
@scopes_disabled()
def summary_publish(*, challenge: Challenge, by: User, summary: str) -> Challenge:
    """After the deadline, the buyer or her centre publishes a summary of what
    the market said (Markdown, sanitised). The suppliers who answered are told
    the first time; a corrected summary tells no one again."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.is_closed:
        raise ValidationError(
            _("A summary can be published once the deadline has passed.")
        )
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": _("Write the summary first.")})
    challenge.summary = summary
    challenge.summary_html = render_markdown(summary)
    challenge.summary_published_at = challenge.summary_published_at or timezone.now()
    challenge.save(
        update_fields=["summary", "summary_html", "summary_published_at", "updated_at"]
    )
    _audit(challenge, action="cooperation.challenge.summary_published", by=by)
    for answer in challenge.answers.select_related("supplier"):
        emails.summary_mail(challenge, answer.supplier)
    return challenge


@transaction.atomic
def case_study_create(*, challenge: Challenge, by: User) -> "Resource":  # noqa: F821
    """From a closed challenge, a draft case study of its centre in the
    knowledge base (through knowledge's services, so it follows the review
    workflow), linked back to the challenge. The answers are never copied.
    Refuses an open challenge and a second case study."""
    from knowledge import services as knowledge_services
    from knowledge.models import Approach, Resource

    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.is_closed:
        raise ValidationError(
            _("Only a challenge whose deadline has passed can become a case study.")
        )
    if challenge.case_study_id is not None:
        raise ValidationError(_("This challenge already has a case study."))
    questions = "\n".join(f"- {q}" for q in challenge.questions)
    parts = [
        f"## {_('The problem')}\n\n{challenge.problem}",
        f"## {_('Questions to the market')}\n\n{questions}",
    ]
    if challenge.summary:
        parts.append(f"## {_('What the market said')}\n\n{challenge.summary}")
    resource = knowledge_services.resource_create(
        centre=challenge.centre,
        by=by,
        data={
            "kind": Resource.Kind.CASE_STUDY,
            "title": challenge.title[:250],
            "summary": challenge.problem[:1000],
            "body": "\n\n".join(parts),
            "language": challenge.language,
            "sectors": [challenge.sector],
            "approaches": [Approach.MARKET_CONSULTATION],
            "countries": [str(challenge.country)],
            "buyer": challenge.organisation[:250],
            "case_country": str(challenge.country),
            "case_year": challenge.deadline.year,
        },
    )
    challenge.case_study = resource
    challenge.save(update_fields=["case_study", "updated_at"])
    _audit(
        challenge,
        action="cooperation.challenge.case_study_drafted",
        by=by,
        resource=resource.pk,
    )
    return resource

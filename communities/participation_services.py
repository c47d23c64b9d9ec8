"""Writes of the call for participation: applying, confirming, the projects'
triage (accept, decline, ask), the applicant's answer, and what a member does
from her welcome page (newsletter, communities, profile, account).

Callers have checked access: the workspace views reach an application only
through `TaskForceApplication.objects.for_project(centre)`, the public views
only through a signed link or the member's own account. Every triage step is
an entry in the deciding project's activity log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from centres.models import Centre
from centres.services import audit_log
from newsletters import services as newsletter_services

from . import participation_emails as emails
from .models import (
    Community,
    CommunityMember,
    TaskForceApplication,
    TaskForceMessage,
)

APPLICATION_FIELDS = [
    "organisation", "organisation_type", "country", "contact_name", "motivation",
    "sectors", "consent_directory",
]  # fmt: skip
PROFILE_FIELDS = ["website", "profile", "consent_directory"]


def _audit(application, *, centre, action: str, by, **data):
    audit_log(
        centre=centre,
        action=action,
        by=by,
        target=f"#{application.pk} {application.organisation}",
        obj=application,
        application=application.pk,
        **data,
    )


def _locked(application) -> TaskForceApplication:
    return TaskForceApplication.objects.select_for_update().get(pk=application.pk)


@transaction.atomic
def application_create(
    *, data: dict, email: str, projects, language: str | None = None
) -> TaskForceApplication:
    """Store an unconfirmed application and mail the confirmation link.

    `projects` must be task-force projects (at least one); bad input raises
    ValidationError and nothing is stored or sent.
    """
    projects = list(projects)
    if not projects or any(p.kind != Centre.Kind.PROJECT for p in projects):
        raise ValidationError(
            {"projects": _("Choose at least one task-force project.")}
        )
    application = TaskForceApplication(
        email=(email or "").strip().lower(),
        language=language or translation.get_language() or "",
    )
    for field in APPLICATION_FIELDS:
        if field in data:
            value = data[field]
            setattr(
                application, field, value.strip() if isinstance(value, str) else value
            )
    application.full_clean()
    application.save()
    application.projects.set(projects)
    emails.confirm_mail(application)
    return application


@transaction.atomic
def application_confirm(*, application) -> TaskForceApplication:
    """She followed her link: the application reaches each chosen project's
    workspace and she is told. Safe to repeat."""
    application = _locked(application)
    if application.confirmed_at is not None:
        return application
    application.confirmed_at = timezone.now()
    application.save(update_fields=["confirmed_at", "updated_at"])
    for project in application.projects.all():
        _audit(
            application,
            centre=project,
            action="communities.application.received",
            by=None,
        )
    emails.received_mail(application)
    emails.staff_received_mail(application)
    return application


def _require_open(application) -> None:
    if not application.is_open:
        raise ValidationError(_("This application has already been decided."))


@transaction.atomic
def application_accept(*, application, project: Centre, by) -> TaskForceApplication:
    """Accept her as a member on behalf of `project` (one of her projects, whose
    staff the caller checked). Refuses an application already decided."""
    application = _locked(application)
    _require_open(application)
    application.status = TaskForceApplication.Status.ACCEPTED
    application.decided_at = timezone.now()
    application.decided_by = project
    application.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    _audit(
        application, centre=project, action="communities.application.accepted", by=by
    )
    emails.accepted_mail(application)
    return application


@transaction.atomic
def application_decline(
    *, application, project: Centre, by, message: str
) -> TaskForceApplication:
    """Decline with a message that she receives by e-mail."""
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Write a message to the applicant."))
    application = _locked(application)
    _require_open(application)
    application.status = TaskForceApplication.Status.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = project
    application.decline_message = message
    application.save(
        update_fields=[
            "status",
            "decided_at",
            "decided_by",
            "decline_message",
            "updated_at",
        ]
    )
    _audit(
        application, centre=project, action="communities.application.declined", by=by
    )
    emails.declined_mail(application)
    return application


@transaction.atomic
def application_ask(
    *, application, project: Centre, by, question: str
) -> TaskForceMessage:
    """Ask her a question; she answers through her signed link."""
    question = (question or "").strip()
    if not question:
        raise ValidationError(_("Write your question."))
    application = _locked(application)
    _require_open(application)
    message = TaskForceMessage.objects.create(
        application=application,
        kind=TaskForceMessage.Kind.QUESTION,
        centre=project,
        author=by,
        body=question,
    )
    application.status = TaskForceApplication.Status.ASKED
    application.save(update_fields=["status", "updated_at"])
    _audit(application, centre=project, action="communities.application.asked", by=by)
    emails.question_mail(application, message)
    return message


@transaction.atomic
def application_answer(*, application, body: str) -> TaskForceMessage:
    """Her answer to a question: shown in the workspaces of her projects, and
    the application is back in their queue."""
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write your answer."))
    application = _locked(application)
    if application.status != TaskForceApplication.Status.ASKED:
        raise ValidationError(_("There is no open question to answer."))
    message = TaskForceMessage.objects.create(
        application=application, kind=TaskForceMessage.Kind.ANSWER, body=body
    )
    application.status = TaskForceApplication.Status.NEW
    application.save(update_fields=["status", "updated_at"])
    for project in application.projects.all():
        _audit(
            application,
            centre=project,
            action="communities.application.answered",
            by=application.user,
        )
    emails.staff_answer_mail(application, message)
    return message


def _require_member(application) -> None:
    if not application.is_member:
        raise ValidationError(_("Only accepted members can do this."))


@transaction.atomic
def member_profile_update(*, application, data: dict) -> TaskForceApplication:
    """The member edits her directory profile (website, text, listing)."""
    application = _locked(application)
    _require_member(application)
    for field in PROFILE_FIELDS:
        if field in data:
            value = data[field]
            setattr(
                application, field, value.strip() if isinstance(value, str) else value
            )
    application.full_clean()
    application.save(update_fields=[*PROFILE_FIELDS, "updated_at"])
    return application


def account_matches(application, user) -> bool:
    """Her account may act for the member record when it uses the address the
    application confirmed (and no other account is linked already)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.email.strip().lower() == application.email
        and application.user_id in (None, user.pk)
    )


@transaction.atomic
def member_account_link(*, application, user) -> TaskForceApplication:
    """Link the member record to her account (same address). Safe to repeat."""
    application = _locked(application)
    _require_member(application)
    if not account_matches(application, user):
        raise ValidationError(
            _("Sign in with the address of your application: %(email)s.")
            % {"email": application.email}
        )
    if application.user_id != user.pk:
        application.user = user
        application.save(update_fields=["user", "updated_at"])
    return application


@transaction.atomic
def member_newsletter_subscribe(
    *, application, ip: str | None, user_agent: str, user=None
) -> TaskForceApplication:
    """Subscribe the member to the joint newsletter, with the consent recorded
    by the newsletter's own services: one click for her signed-in account
    (allauth verified the address), else the newsletter's double opt-in."""
    application = _locked(application)
    _require_member(application)
    if user is not None and account_matches(application, user):
        newsletter_services.subscriber_subscribe_user(
            user=user, ip=ip, user_agent=user_agent
        )
    else:
        newsletter_services.subscriber_subscribe(
            email=application.email,
            ip=ip,
            user_agent=user_agent,
            language=(application.language or "en")[:2],
            name=application.contact_name,
        )
    if application.newsletter_at is None:
        application.newsletter_at = timezone.now()
        application.save(update_fields=["newsletter_at", "updated_at"])
    return application


def member_communities(application):
    """The communities owned by the projects she chose."""
    return Community.objects.filter(
        centre__in=application.projects.all()
    ).select_related("centre")


@transaction.atomic
def member_community_join(*, application, community: Community, user):
    """Her account joins one of her projects' communities: an open one at
    once, a closed one as a request a moderator approves. Links the member
    record to the account. Safe to repeat; a ban stays a ban."""
    application = member_account_link(application=application, user=user)
    if not member_communities(application).filter(pk=community.pk).exists():
        raise ValidationError(_("This community is not one of your projects'."))
    status = (
        CommunityMember.Status.PENDING
        if community.is_closed
        else CommunityMember.Status.ACTIVE
    )
    membership, _created = CommunityMember.objects.get_or_create(
        community=community,
        user=user,
        defaults={
            "status": status,
            "request_message": _("Member of the task force: %(organisation)s")
            % {"organisation": application.organisation},
        },
    )
    if membership.status == CommunityMember.Status.BANNED:
        raise ValidationError(_("You cannot join this community."))
    return membership

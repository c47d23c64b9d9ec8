"""The e-mails of the advice desk, through the existing queue
(accounts.services.email_queue_template), each in its recipient's language
with absolute links, and each at most once (a dedupe key per purpose).

All use one three-file template, `emails/advice-notice-*`, whose sentences are
written here inside `recipient_language`, so they are translated like any
other string. Text a visitor typed is never in a subject or a first line
before her address is confirmed.
"""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from accounts.services import email_queue_in_language
from centres.models import Membership, Role
from p2i_portal.mail import absolute_url


def _queue(*, to, languages, build, dedupe_key):
    return email_queue_in_language(
        to=to,
        languages=languages,
        name="advice-notice",
        build=build,
        dedupe_key=dedupe_key,
    )


def procurer_languages(request) -> list[str]:
    """Her account's language, else the one of the page where she asked."""
    return [request.user.language if request.user_id else "", request.language]


def _centre_name(request) -> str:
    if request.centre is None:
        return _("the network's coordinator")
    return request.centre.name


def confirm_request_mail(request):
    """The link a visitor follows to confirm her address (once per request)."""

    def build():
        return {
            "subject": _("Confirm your question to the P2I network"),
            "heading": _("Please confirm your e-mail address"),
            "paragraphs": [
                _(
                    "You (or someone using your address) asked the P2I network a "
                    "question. Nothing is sent to a centre until you confirm your "
                    "address with the link below."
                )
            ],
            "link": absolute_url(request.confirm_url()),
            "link_label": _("Confirm my question"),
            "footer": _(
                "If you did not ask a question, ignore this message: nothing "
                "happens unless you confirm."
            ),
        }

    return _queue(
        to=request.email,
        languages=procurer_languages(request),
        build=build,
        dedupe_key=f"advice.confirm:{request.pk}",
    )


def acknowledgement_mail(request):
    """She is told the question arrived, who answers it and where to follow it."""

    def build():
        return {
            "subject": _("We received your question: %(subject)s")
            % {"subject": request.subject},
            "heading": _("We received your question"),
            "paragraphs": [
                _("Your question “%(subject)s” is now with %(centre)s.")
                % {"subject": request.subject, "centre": _centre_name(request)},
                _(
                    "You will get an e-mail when they reply. You can follow the "
                    "request and answer back on its page."
                ),
            ],
            "link": absolute_url(request.follow_url()),
            "link_label": _("Follow your request"),
        }

    return _queue(
        to=request.email,
        languages=procurer_languages(request),
        build=build,
        dedupe_key=f"advice.ack:{request.pk}",
    )


def reply_mail(request, message):
    """A reply of the desk, with its text, once per reply."""

    def build():
        return {
            "subject": _("Reply to your question: %(subject)s")
            % {"subject": request.subject},
            "heading": _("%(centre)s replied to your question")
            % {"centre": _centre_name(request)},
            "paragraphs": [
                _("%(centre)s replied to your question “%(subject)s”:")
                % {"centre": _centre_name(request), "subject": request.subject}
            ],
            "quote": message.body,
            "link": absolute_url(request.follow_url()),
            "link_label": _("Read and answer on your request's page"),
        }

    return _queue(
        to=request.email,
        languages=procurer_languages(request),
        build=build,
        dedupe_key=f"advice.reply:{message.pk}",
    )


def transfer_mail(request, old_centre):
    """She is told which centre now answers her question."""

    def build():
        return {
            "subject": _("Your question was passed to %(centre)s")
            % {"centre": request.centre.name},
            "heading": _("Your question was passed to another centre"),
            "paragraphs": [
                _(
                    "%(old)s passed your question “%(subject)s” to %(centre)s, "
                    "which is better placed to answer it."
                )
                % {
                    "old": old_centre.name
                    if old_centre
                    else _("The network's coordinator"),
                    "subject": request.subject,
                    "centre": request.centre.name,
                }
            ],
            "link": absolute_url(request.follow_url()),
            "link_label": _("Follow your request"),
        }

    return _queue(
        to=request.email,
        languages=procurer_languages(request),
        build=build,
        dedupe_key=f"advice.transfer:{request.pk}:{request.centre_id}:{request.updated_at:%Y%m%d%H%M%S%f}",
    )


def desk_url(request) -> str:
    if request.centre is None:
        return absolute_url(reverse("advice-network:detail", kwargs={"pk": request.pk}))
    return absolute_url(
        reverse(
            "manage:advice:detail",
            kwargs={"centre_slug": request.centre.slug, "pk": request.pk},
        )
    )


@scopes_disabled()
def desk_people(request, *, managers: bool) -> list[User]:
    """Who the desk's notices go to: the assignee, plus the centre's managers
    when `managers` (or when no one is assigned); the coordinators for the
    coordinator's queue."""
    people = {}
    if request.assignee_id:
        people[request.assignee_id] = request.assignee
    if request.centre is None:
        for user in User.objects.filter(is_coordinator=True, is_active=True):
            people[user.pk] = user
    elif managers or not people:
        for membership in Membership.objects.filter(
            centre=request.centre, role=Role.MANAGER
        ).select_related("user"):
            if membership.user.is_active:
                people[membership.user_id] = membership.user
    return list(people.values())


def procurer_message_mail(request, message):
    """The procurer answered back: the assignee (else the managers) is told."""
    for user in desk_people(request, managers=False):

        def build(user=user):
            return {
                "subject": _("New message on request #%(number)s")
                % {"number": request.pk},
                "heading": _("The procurer answered"),
                "paragraphs": [
                    _("The procurer wrote on request #%(number)s “%(subject)s”.")
                    % {"number": request.pk, "subject": request.subject}
                ],
                "link": desk_url(request),
                "link_label": _("Open the request"),
            }

        _queue(
            to=user.email,
            languages=[user.language],
            build=build,
            dedupe_key=f"advice.procurer:{message.pk}:{user.pk}",
        )


def reminder_mail(request):
    """The one reminder of the first-reply clock, to the assignee and managers."""
    for user in desk_people(request, managers=True):

        def build(user=user):
            return {
                "subject": _("A first reply is due: request #%(number)s")
                % {"number": request.pk},
                "heading": _("A first reply is due"),
                "paragraphs": [
                    _(
                        "Request #%(number)s “%(subject)s” has had no reply yet; "
                        "its first reply was due on %(due)s."
                    )
                    % {
                        "number": request.pk,
                        "subject": request.subject,
                        "due": formats.date_format(request.due_on, "DATE_FORMAT"),
                    }
                ],
                "link": desk_url(request),
                "link_label": _("Open the request"),
            }

        _queue(
            to=user.email,
            languages=[user.language],
            build=build,
            dedupe_key=f"advice.reminder:{request.pk}:{request.centre_id}:{user.pk}",
        )

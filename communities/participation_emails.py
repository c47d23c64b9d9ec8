"""The e-mails of the call for participation, through the existing queue
(accounts.services.email_queue_template), in the applicant's language with
absolute links, each at most once (a dedupe key per purpose and step).

Until her address is confirmed nothing she typed is in a subject or a first
line: the confirmation mail may go to an address she only claims.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.services import email_queue_in_language
from centres.models import Membership
from p2i_portal.mail import absolute_url


def _queue(application, *, build, dedupe_key):
    return email_queue_in_language(
        to=application.email,
        languages=[
            application.user.language if application.user_id else "",
            application.language,
        ],
        name="taskforce-notice",
        build=build,
        dedupe_key=dedupe_key,
    )


def confirm_mail(application):
    """The link that confirms her address (once per application)."""

    def build():
        return {
            "subject": _("Confirm your application to the task force"),
            "heading": _("Please confirm your e-mail address"),
            "paragraphs": [
                _(
                    "You (or someone using your address) applied to join the "
                    "Innovation Procurement Task Force. Nothing reaches the "
                    "projects until you confirm with the link below."
                )
            ],
            "link": absolute_url(application.confirm_url()),
            "link_label": _("Confirm my application"),
            "footer": _("If you did not apply, ignore this message."),
        }

    return _queue(
        application, build=build, dedupe_key=f"taskforce.confirm:{application.pk}"
    )


def received_mail(application):
    """Her application is with the projects."""

    def build():
        return {
            "subject": _("We received your application"),
            "heading": _("We received your application"),
            "paragraphs": [
                _("The application of %(organisation)s is now with %(projects)s.")
                % {
                    "organisation": application.organisation,
                    "projects": ", ".join(
                        p.short_name for p in application.projects.all()
                    ),
                },
                _("We will write to you when they have decided."),
            ],
            "link": absolute_url(application.follow_url()),
            "link_label": _("See your application"),
        }

    return _queue(
        application, build=build, dedupe_key=f"taskforce.received:{application.pk}"
    )


def question_mail(application, message):
    """A project's question, with its text and the link to answer it."""

    def build():
        return {
            "subject": _("A question about your application"),
            "heading": _("%(project)s has a question") % {"project": message.centre},
            "paragraphs": [
                _("%(project)s asks about your application:")
                % {"project": message.centre}
            ],
            "quote": message.body,
            "link": absolute_url(application.follow_url()),
            "link_label": _("Answer the question"),
        }

    return _queue(
        application, build=build, dedupe_key=f"taskforce.question:{message.pk}"
    )


def accepted_mail(application):
    """Welcome: the link to her welcome page (newsletter, communities, profile)."""

    def build():
        return {
            "subject": _("Welcome to the Innovation Procurement Task Force"),
            "heading": _("Your application was accepted"),
            "paragraphs": [
                _(
                    "%(project)s accepted %(organisation)s as a member of the task force."
                )
                % {
                    "project": application.decided_by,
                    "organisation": application.organisation,
                },
                _(
                    "On your welcome page you can subscribe to the newsletter, "
                    "join the projects' communities and edit your profile."
                ),
            ],
            "link": absolute_url(application.follow_url()),
            "link_label": _("Open your welcome page"),
        }

    return _queue(
        application, build=build, dedupe_key=f"taskforce.accepted:{application.pk}"
    )


def declined_mail(application):
    """The decision with the project's message."""

    def build():
        return {
            "subject": _("Your application to the task force"),
            "heading": _("Your application was not accepted"),
            "paragraphs": [
                _("%(project)s could not accept your application. Their message:")
                % {"project": application.decided_by}
            ],
            "quote": application.decline_message,
        }

    return _queue(
        application, build=build, dedupe_key=f"taskforce.declined:{application.pk}"
    )


@scopes_disabled()
def _project_staff(project) -> list:
    return [
        m.user
        for m in Membership.objects.filter(centre=project).select_related("user")
        if m.user.is_active
    ]


def _staff_url(application, project) -> str:
    return absolute_url(
        reverse(
            "manage:applications:detail",
            kwargs={"centre_slug": project.slug, "pk": application.pk},
        )
    )


def staff_received_mail(application):
    """Each chosen project's team hears of a confirmed application (once)."""
    for project in application.projects.all():
        for user in _project_staff(project):

            def build(user=user, project=project):
                return {
                    "subject": _("New task-force application: %(organisation)s")
                    % {"organisation": application.organisation},
                    "heading": _("New task-force application"),
                    "paragraphs": [
                        _(
                            "%(organisation)s applied to join the task force and chose %(project)s."
                        )
                        % {
                            "organisation": application.organisation,
                            "project": project.short_name,
                        }
                    ],
                    "link": _staff_url(application, project),
                    "link_label": _("Open the application"),
                }

            email_queue_in_language(
                to=user.email,
                languages=[user.language],
                name="taskforce-notice",
                build=build,
                dedupe_key=f"taskforce.staff.received:{application.pk}:{user.pk}",
            )


def staff_answer_mail(application, message):
    """The teams of her projects hear of her answer (once per answer)."""
    for project in application.projects.all():
        for user in _project_staff(project):
            email_queue_in_language(
                to=user.email,
                languages=[user.language],
                name="taskforce-notice",
                build=lambda project=project: {
                    "subject": _("An applicant answered: %(organisation)s")
                    % {"organisation": application.organisation},
                    "heading": _("An applicant answered a question"),
                    "paragraphs": [
                        _("%(organisation)s answered your question.")
                        % {"organisation": application.organisation}
                    ],
                    "quote": message.body,
                    "link": _staff_url(application, project),
                    "link_label": _("Open the application"),
                },
                dedupe_key=f"taskforce.staff.answer:{message.pk}:{user.pk}",
            )

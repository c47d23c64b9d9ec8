"""The e-mails of open market consultations, through the existing queue
(accounts.services.email_queue_template), each in its recipient's language
with absolute links, and each at most once (a dedupe key per purpose).

They share one three-file template, `emails/challenge-notice-*`, whose
sentences are written here inside `recipient_language`.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from accounts.services import email_queue_in_language
from centres.models import Membership
from p2i_portal.mail import absolute_url


def _queue(*, user: User, build, dedupe_key: str):
    return email_queue_in_language(
        to=user.email,
        languages=[user.language],
        name="challenge-notice",
        build=build,
        dedupe_key=dedupe_key,
    )


@scopes_disabled()
def centre_staff(centre) -> list[User]:
    """The active editors and managers of a centre: they review its challenges
    and read their answers."""
    memberships = Membership.objects.filter(centre=centre).select_related("user")
    return [m.user for m in memberships if m.user.is_active]


def _manage_url(challenge) -> str:
    return absolute_url(
        reverse(
            "manage:challenges:detail",
            kwargs={"centre_slug": challenge.centre.slug, "pk": challenge.pk},
        )
    )


def submitted_mail(challenge):
    """The centre's staff are asked to review a submitted challenge."""
    for user in centre_staff(challenge.centre):

        def build():
            return {
                "subject": _("A challenge to review: %(title)s")
                % {"title": challenge.title},
                "heading": _("A buyer submitted a challenge"),
                "paragraphs": [
                    _(
                        "%(organisation)s submitted the challenge “%(title)s”. "
                        "Publish it or send it back with a note."
                    )
                    % {"organisation": challenge.organisation, "title": challenge.title}
                ],
                "link": _manage_url(challenge),
                "link_label": _("Review the challenge"),
            }

        _queue(
            user=user,
            build=build,
            dedupe_key=f"challenge.submitted:{challenge.pk}:{challenge.submitted_at:%Y%m%d%H%M%S%f}:{user.pk}",
        )


def published_mail(challenge):
    """The buyer is told her challenge is public."""

    def build():
        return {
            "subject": _("Your challenge is published: %(title)s")
            % {"title": challenge.title},
            "heading": _("Your challenge is published"),
            "paragraphs": [
                _(
                    "%(centre)s published your challenge “%(title)s”. Suppliers "
                    "can answer it until the deadline; we tell you of each answer."
                )
                % {"centre": challenge.centre.name, "title": challenge.title}
            ],
            "link": absolute_url(challenge.get_absolute_url()),
            "link_label": _("Open the challenge"),
        }

    _queue(
        user=challenge.buyer,
        build=build,
        dedupe_key=f"challenge.published:{challenge.pk}",
    )


def sent_back_mail(challenge):
    """The buyer gets the centre's note on her submitted challenge."""

    def build():
        return {
            "subject": _("Your challenge needs changes: %(title)s")
            % {"title": challenge.title},
            "heading": _("Your challenge needs changes"),
            "paragraphs": [
                _(
                    "%(centre)s sent your challenge “%(title)s” back with this "
                    "note. Edit it and submit it again."
                )
                % {"centre": challenge.centre.name, "title": challenge.title}
            ],
            "quote": challenge.review_note,
            "link": absolute_url(
                reverse("challenges:edit", kwargs={"pk": challenge.pk})
            ),
            "link_label": _("Edit the challenge"),
        }

    _queue(
        user=challenge.buyer,
        build=build,
        dedupe_key=f"challenge.sent_back:{challenge.pk}:{challenge.updated_at:%Y%m%d%H%M%S%f}",
    )


def answer_mail(challenge, answer):
    """The buyer and her centre's staff are told of a new answer, once."""
    people = {challenge.buyer_id: challenge.buyer}
    for user in centre_staff(challenge.centre):
        people.setdefault(user.pk, user)
    for user in people.values():

        def build():
            return {
                "subject": _("New answer to your challenge: %(title)s")
                % {"title": challenge.title},
                "heading": _("A supplier answered"),
                "paragraphs": [
                    _("%(organisation)s answered the challenge “%(title)s”.")
                    % {"organisation": answer.organisation, "title": challenge.title}
                ],
                "link": absolute_url(
                    reverse("challenges:answers", kwargs={"pk": challenge.pk})
                ),
                "link_label": _("Read the answers"),
            }

        _queue(
            user=user,
            build=build,
            dedupe_key=f"challenge.answer:{answer.pk}:{user.pk}",
        )


def summary_mail(challenge, supplier):
    """A supplier who answered is told the buyer's summary is out, once."""

    def build():
        return {
            "subject": _("Summary of the challenge: %(title)s")
            % {"title": challenge.title},
            "heading": _("The buyer published a summary"),
            "paragraphs": [
                _(
                    "Thank you for answering “%(title)s”. %(organisation)s "
                    "published a summary of what the market said."
                )
                % {"title": challenge.title, "organisation": challenge.organisation}
            ],
            "link": absolute_url(challenge.get_absolute_url()),
            "link_label": _("Read the summary"),
        }

    _queue(
        user=supplier,
        build=build,
        dedupe_key=f"challenge.summary:{challenge.pk}:{supplier.pk}",
    )

"""E-mails about buyers' plans, through the existing queue
(accounts.services.email_queue_template): each in its recipient's language,
with absolute links, and each at most once (a dedupe key per purpose).

One three-file template, `emails/cooperation-plan-notice-*`, whose sentences
are written here inside `recipient_language`, so they are translated like any
other string.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from accounts.services import email_queue_in_language
from centres.models import Membership, Role
from p2i_portal.mail import absolute_url


def _queue(*, user: User, build, dedupe_key: str):
    return email_queue_in_language(
        to=user.email,
        languages=[user.language],
        name="cooperation-plan-notice",
        build=build,
        dedupe_key=dedupe_key,
    )


@scopes_disabled()
def centre_people(centre) -> list[User]:
    """Who hears for a centre: its managers, else its editors; for None (a
    country without a centre) the network's coordinators."""
    if centre is None:
        return list(User.objects.filter(is_coordinator=True, is_active=True))
    members = list(
        Membership.objects.filter(centre=centre).select_related("user").order_by("pk")
    )
    managers = [m.user for m in members if m.role == Role.MANAGER and m.user.is_active]
    return managers or [m.user for m in members if m.user.is_active]


def interest_mails(interest, centres) -> None:
    """The buyer of the plan, and the people of each centre involved, hear of
    a new interest in the plan."""
    plan = interest.plan
    name = interest.user.get_full_name() or interest.organisation

    def build_owner():
        return {
            "subject": _("Interest in your plan: %(title)s") % {"title": plan.title},
            "heading": _("Another buyer is interested in your plan"),
            "paragraphs": [
                _(
                    "%(name)s (%(organisation)s, %(country)s) is interested in your "
                    "plan “%(title)s” and wrote:"
                )
                % {
                    "name": name,
                    "organisation": interest.organisation,
                    "country": interest.country.name,
                    "title": plan.title,
                },
                _("You can reply to them at %(email)s.")
                % {"email": interest.user.email},
            ],
            "quote": interest.message,
            "link": absolute_url(reverse("plans:detail", kwargs={"pk": plan.pk})),
            "link_label": _("Open your plan"),
        }

    _queue(
        user=plan.owner,
        build=build_owner,
        dedupe_key=f"plans.interest:{interest.pk}:owner",
    )
    told = {plan.owner_id, interest.user_id}
    for centre in centres:
        for user in centre_people(centre):
            if user.pk in told:
                continue
            told.add(user.pk)

            def build_centre():
                return {
                    "subject": _("Buyers across borders: interest in “%(title)s”")
                    % {"title": plan.title},
                    "heading": _("Two buyers may want to buy together"),
                    "paragraphs": [
                        _(
                            "%(organisation)s (%(country)s) expressed interest in the "
                            "plan “%(title)s” of %(owner)s (%(owner_country)s)."
                        )
                        % {
                            "organisation": interest.organisation,
                            "country": interest.country.name,
                            "title": plan.title,
                            "owner": plan.organisation,
                            "owner_country": plan.country.name,
                        },
                        _(
                            "Your centre can help them, for example with a "
                            "joint-procurement initiative."
                        ),
                    ],
                    "link": absolute_url(
                        reverse("plans:detail", kwargs={"pk": plan.pk})
                    ),
                    "link_label": _("Open the plan"),
                }

            _queue(
                user=user,
                build=build_centre,
                dedupe_key=f"plans.interest:{interest.pk}:{user.pk}",
            )


def initiative_mails(initiative, plans) -> None:
    """Each buyer whose plan is in a new initiative hears of it, once."""
    told = set()
    for plan in plans:
        owner = plan.owner
        if owner.pk in told:
            continue
        told.add(owner.pk)

        def build(plan=plan):
            return {
                "subject": _("Joint procurement: %(title)s")
                % {"title": initiative.title},
                "heading": _("Your plan is part of a joint-procurement initiative"),
                "paragraphs": [
                    _(
                        "%(centre)s started the joint-procurement initiative "
                        "“%(title)s” with your plan “%(plan)s” and the plans of "
                        "other buyers."
                    )
                    % {
                        "centre": initiative.centre.name,
                        "title": initiative.title,
                        "plan": plan.title,
                    },
                    _("Its page lists the buyers, the centres and the next steps."),
                ],
                "link": absolute_url(
                    reverse("plans:initiative", kwargs={"pk": initiative.pk})
                ),
                "link_label": _("Open the initiative"),
            }

        _queue(
            user=owner,
            build=build,
            dedupe_key=f"plans.initiative:{initiative.pk}:{owner.pk}",
        )


def _initiative_link(initiative) -> str:
    return absolute_url(reverse("plans:initiative", kwargs={"pk": initiative.pk}))


def initiative_plan_added_mail(initiative, plan, *, event: int) -> None:
    """The buyer whose plan a centre added to an initiative hears of it, once
    per addition (`event`: the activity-log entry that records it)."""

    def build():
        return {
            "subject": _("Joint procurement: %(title)s") % {"title": initiative.title},
            "heading": _("Your plan was added to a joint-procurement initiative"),
            "paragraphs": [
                _(
                    "%(centre)s added your plan “%(plan)s” to the joint-procurement "
                    "initiative “%(title)s” with the plans of other buyers."
                )
                % {
                    "centre": initiative.centre.name,
                    "title": initiative.title,
                    "plan": plan.title,
                },
                _("Its page lists the buyers, the centres and the next steps."),
            ],
            "link": _initiative_link(initiative),
            "link_label": _("Open the initiative"),
        }

    _queue(
        user=plan.owner,
        build=build,
        dedupe_key=f"plans.initiative:{initiative.pk}:added:{plan.pk}:{event}",
    )


def initiative_plan_removed_mail(initiative, plan, *, event: int) -> None:
    """The buyer whose plan a centre took out of an initiative hears of it,
    once per removal (`event`: the activity-log entry that records it)."""

    def build():
        return {
            "subject": _("Joint procurement: %(title)s") % {"title": initiative.title},
            "heading": _(
                "Your plan is no longer part of a joint-procurement initiative"
            ),
            "paragraphs": [
                _(
                    "%(centre)s took your plan “%(plan)s” out of the "
                    "joint-procurement initiative “%(title)s”."
                )
                % {
                    "centre": initiative.centre.name,
                    "title": initiative.title,
                    "plan": plan.title,
                },
                _(
                    "Your plan itself has not changed. If you have questions, "
                    "write to %(centre)s."
                )
                % {"centre": initiative.centre.name},
            ],
            "link": _initiative_link(initiative),
            "link_label": _("Open the initiative"),
        }

    _queue(
        user=plan.owner,
        build=build,
        dedupe_key=f"plans.initiative:{initiative.pk}:removed:{plan.pk}:{event}",
    )

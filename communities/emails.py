"""The e-mails of community moderation, through the existing queue
(accounts.services.email_queue_template), each in its recipient's language
with absolute links, and each at most once (a dedupe key per purpose): a
request to join for the moderators, the decision for the person who asked,
and a hidden post's reason for its author. Notifications of new posts belong
to the members' notification settings, not here."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.services import email_queue_in_language
from centres.models import Membership, Role
from p2i_portal.mail import absolute_url

from .models import CommunityMember


def _queue(*, user, build, dedupe_key):
    return email_queue_in_language(
        to=user.email,
        languages=[user.language],
        name="community-notice",
        build=build,
        dedupe_key=dedupe_key,
    )


def _moderators(community) -> list:
    """Its moderators; without any, the owner centre's managers."""
    users = [
        m.user
        for m in CommunityMember.objects.moderators()
        .filter(community=community)
        .select_related("user")
    ]
    if not users:
        from django_scopes import scopes_disabled

        with scopes_disabled():
            users = [
                m.user
                for m in Membership.objects.filter(
                    centre=community.centre, role=Role.MANAGER
                ).select_related("user")
            ]
    return [u for u in users if u.is_active]


def join_requested_mail(member) -> None:
    """The moderators hear of a request to join (once per request)."""
    community = member.community
    for moderator in _moderators(community):

        def build():
            return {
                "subject": _("%(person)s asks to join %(community)s")
                % {
                    "person": member.user.full_name or member.user.email,
                    "community": community.name,
                },
                "heading": _("A request to join"),
                "paragraphs": [
                    _("%(person)s asks to join %(community)s.")
                    % {
                        "person": member.user.full_name or member.user.email,
                        "community": community.name,
                    }
                ],
                "quote": member.request_message,
                "link": absolute_url(
                    reverse("communities:moderation", kwargs={"slug": community.slug})
                ),
                "link_label": _("Moderation"),
            }

        _queue(
            user=moderator,
            build=build,
            dedupe_key=f"communities.join-request:{member.pk}:{moderator.pk}",
        )


def join_decided_mail(*, community, user, member_pk: int, approved: bool) -> None:
    """The person who asked hears the moderators' decision (once)."""

    def build():
        if approved:
            return {
                "subject": _("Welcome to %(community)s")
                % {"community": community.name},
                "heading": _("Welcome: you are now a member."),
                "paragraphs": [
                    _("A moderator approved your request to join %(community)s.")
                    % {"community": community.name}
                ],
                "link": absolute_url(
                    reverse("communities:detail", kwargs={"slug": community.slug})
                ),
                "link_label": _("Open the community"),
            }
        return {
            "subject": _("Your request to join %(community)s")
            % {"community": community.name},
            "heading": _("Your request to join %(community)s")
            % {"community": community.name},
            "paragraphs": [
                _("The moderators of %(community)s did not accept your request.")
                % {"community": community.name}
            ],
        }

    _queue(
        user=user,
        build=build,
        dedupe_key=f"communities.join-decided:{member_pk}",
    )


def post_hidden_mail(post) -> None:
    """The author learns that her post was hidden, and why (once per post)."""
    if post.author is None or not post.author.is_active:
        return
    thread = post.thread
    community = thread.community

    def build():
        return {
            "subject": _("A moderator hid your post in %(community)s")
            % {"community": community.name},
            "heading": _("This post was hidden by a moderator."),
            "paragraphs": [
                _("A moderator hid your post in “%(thread)s”.")
                % {"thread": thread.title},
                _("Reason: %(reason)s") % {"reason": post.hidden_reason},
            ],
            "link": absolute_url(
                reverse(
                    "communities:thread",
                    kwargs={"slug": community.slug, "pk": thread.pk},
                )
                + f"?post={post.pk}"
            ),
            "link_label": _("Open the thread"),
        }

    _queue(
        user=post.author, build=build, dedupe_key=f"communities.post-hidden:{post.pk}"
    )

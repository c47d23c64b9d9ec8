"""The communities' key figures for the network console (network/indicators.py).

- A post counts for the centre or task-force project that owns its community,
  in the bucket of the moment members could first read it (`visible_at`: its
  creation, or a moderator's approval); a post waiting for approval or hidden
  by a moderator does not count.
- A task-force application counts for the project whose staff accepted it, in
  the bucket of that decision; one that is open or declined does not count.
"""

from django.utils.translation import gettext_lazy as _

from network.indicators import (
    Indicator,
    Values,
    counts_per_centre,
    register,
)

TOPIC = _("Communities")


def posts_published(*, period, centre_ids) -> Values:
    """Visible posts per owning centre and bucket of `visible_at`."""
    from .models import Post

    return counts_per_centre(
        Post.objects.filter(status=Post.Status.VISIBLE),
        centre="thread__community__centre_id",
        moment="visible_at",
        period=period,
        centre_ids=centre_ids,
    )


def applications_accepted(*, period, centre_ids) -> Values:
    """Accepted task-force applications per deciding project and bucket of
    the decision."""
    from .models import TaskForceApplication

    return counts_per_centre(
        TaskForceApplication.objects.accepted(),
        centre="decided_by_id",
        moment="decided_at",
        period=period,
        centre_ids=centre_ids,
    )


def register_indicators():
    """Called once from CommunitiesConfig.ready()."""
    register(
        Indicator(
            key="communities.posts_published",
            label=_("Community posts published"),
            topic=TOPIC,
            compute=posts_published,
            unit=_("posts"),
            order=90,
            help_text=_(
                "Posts that became visible during the period in the communities "
                "the centre or project owns; posts waiting for approval or "
                "hidden by a moderator are not counted."
            ),
        )
    )
    register(
        Indicator(
            key="communities.applications_accepted",
            label=_("Task-force applications accepted"),
            topic=TOPIC,
            compute=applications_accepted,
            unit=_("applications"),
            order=91,
            help_text=_(
                "Applications to join the task force accepted by the project "
                "during the period."
            ),
        )
    )

"""The onboarding's part in "needs your action": open milestones of the
centre that are overdue or due within a week, for whoever may update them
(registered in NetworkConfig.ready)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.notifications import ActionItem, Severity

from .onboarding_selectors import milestones_needing_action, onboarding_abilities


def milestone_action_items(user, centre) -> list[ActionItem]:
    """Overdue milestones (urgent) and those due within 7 days, for the
    centre's managers and the coordinator; one query whatever their number."""
    if not onboarding_abilities(centre=centre, user=user)["update"]:
        return []
    today = timezone.localdate()
    items = []
    for milestone in milestones_needing_action(centre=centre, today=today):
        overdue = milestone.due_on < today
        items.append(
            ActionItem(
                title=milestone.definition.title,
                url=reverse(
                    "manage:onboarding-milestone",
                    kwargs={"centre_slug": centre.slug, "pk": milestone.pk},
                ),
                reason=_("Onboarding milestone overdue")
                if overdue
                else _("Onboarding milestone due within a week"),
                due=milestone.due_on,
                severity=Severity.URGENT if overdue else Severity.NORMAL,
            )
        )
    return items

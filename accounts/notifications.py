"""Work that waits for someone tells them: notification kinds, each person's
choice of which ones she gets by e-mail, the mail itself, and the registry of
"needs your action" sources that the workspace home lists.

Other apps plug in without this module knowing them:

- a new kind is one more member of `Kind` (the profile shows a checkbox for
  it and it is on until the person turns it off; no migration needed);
- an app that causes a notification queues it with `notification_email()`,
  from a Celery task or an `on_commit` callback, never inside the request;
- an app that has work waiting for someone calls `register_action_source()`
  in its `AppConfig.ready()`; `action_items(user, centre)` gathers them all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from p2i_portal.mail import recipient_language


class Kind(models.TextChoices):
    """What a notification is about. Values are stored in
    `User.notifications_off`; keep them stable once shipped."""

    RESOURCE_SUBMITTED = (
        "resource_submitted",
        _("A resource of my centre is submitted for review (managers)"),
    )
    RESOURCE_SENT_BACK = (
        "resource_sent_back",
        _("A resource I wrote is sent back to me"),
    )
    RESOURCE_PUBLISHED = (
        "resource_published",
        _("A resource I wrote is published"),
    )
    CONTRIBUTION_ACCEPTED = (
        "contribution_accepted",
        _("A newsletter contribution I wrote is accepted"),
    )
    CONTRIBUTION_RETURNED = (
        "contribution_returned",
        _("A newsletter contribution I wrote is returned"),
    )
    MILESTONE_DUE = (
        "milestone_due",
        _("An onboarding milestone of my centre is due (managers)"),
    )


def notification_wanted(user, kind: str) -> bool:
    """Whether `user` gets e-mail about `kind`: every kind is on until she
    turns it off in her profile. Inactive accounts get nothing."""
    if user is None or not getattr(user, "is_active", False):
        return False
    return str(kind) not in set(user.notifications_off or [])


def notification_preferences_update(*, user, wanted: Iterable[str]):
    """Store which kinds `user` wants (every other known kind is turned off).

    Changes nothing but `notifications_off`. Unknown values in `wanted` are
    ignored; the caller (the person herself, on her profile) validated them.
    Kinds this code does not know (stored by a newer release) stay as they are.
    """
    wanted = {str(k) for k in wanted}
    known = set(Kind.values)
    kept = [k for k in (user.notifications_off or []) if k not in known]
    user.notifications_off = kept + [k for k in Kind.values if k not in wanted]
    user.save(update_fields=["notifications_off"])
    return user


def notification_email(
    *,
    user,
    kind: str,
    template: str,
    context: Callable[[], dict] | dict,
    dedupe_key: str,
):
    """Queue the transactional mail `templates/emails/<template>-*` to `user`,
    in her language, if she wants `kind`. Returns the OutboundEmail queued now,
    or None when she turned the kind off or it was queued before.

    `context` may be a callable: it is called with her language active, so the
    links it builds with `reverse()` carry that language (make them absolute
    with `absolute_url`). `dedupe_key` names this one notification to this one
    person ("resource_published:rev42:u7"): queueing it again does nothing, so
    a task that calls this is safe to repeat. The context gets `user`, `kind`
    and `profile_url` (where she turns the kind off) as well.
    """
    from .models import OutboundEmail
    from .services import email_queue_template

    if not notification_wanted(user, kind):
        return None
    dedupe_key = f"notify:{dedupe_key}"[:200]
    if OutboundEmail.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    with recipient_language(user.language) as language:
        ctx = context() if callable(context) else dict(context)
        ctx.setdefault("user", user)
        ctx.setdefault("kind", Kind(kind).label)
        ctx.setdefault(
            "profile_url", absolute_url(reverse("accounts:profile") + "#notifications")
        )
        return email_queue_template(
            to=user.email,
            name=template,
            context=ctx,
            language=language,
            dedupe_key=dedupe_key,
        )


def absolute_url(path: str) -> str:
    """`path` on the site's public address (links in e-mails)."""
    return settings.SITE_URL.rstrip("/") + path


# --- "Needs your action" ---------------------------------------------------


class Severity(models.TextChoices):
    """How pressing an item is; the list shows the most pressing first."""

    URGENT = "urgent", _("Urgent")
    NORMAL = "normal", _("To do")
    INFO = "info", _("For your information")


SEVERITY_ORDER = {Severity.URGENT: 0, Severity.NORMAL: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class ActionItem:
    """One piece of work waiting for the person looking at the workspace.

    title: what it is about ("Guide to market consultations");
    url: where she acts on it (a path of this site);
    reason: why it waits for her, in words ("Waiting for your review");
    due: the date or time by which it should be done, or None;
    severity: a Severity;
    since: when it started waiting (the list shows its age), or None.
    """

    title: str
    url: str
    reason: str
    due: date | datetime | None = None
    severity: str = Severity.NORMAL
    since: datetime | None = None

    @property
    def is_urgent(self) -> bool:
        return self.severity == Severity.URGENT

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)


ActionSource = Callable[..., Iterable[ActionItem]]
_sources: list[ActionSource] = []


def register_action_source(source: ActionSource) -> ActionSource:
    """Add `source(user, centre) -> iterable of ActionItem` to the workspace
    home's "needs your action" list. Registering the same callable twice adds
    it once; usable as a decorator.

    Contract for a source: it is called with a user who has a role in `centre`
    (CentreRoleRequiredMixin checked it), returns only items of that centre
    that this user can act on, and runs a fixed number of queries however many
    items there are (the page's query count must not grow with them).
    """
    if source not in _sources:
        _sources.append(source)
    return source


def action_sources() -> list[ActionSource]:
    return list(_sources)


def _sort_key(item: ActionItem):
    due = item.due
    if isinstance(due, datetime):
        # Compared with plain dates, which are days of the site's calendar.
        due = timezone.localdate(due) if timezone.is_aware(due) else due.date()
    since = item.since.timestamp() if item.since else float("inf")
    return (
        SEVERITY_ORDER.get(item.severity, 9),
        due is None,
        due or date.max,
        since,
    )


def action_items(user, centre) -> list[ActionItem]:
    """Everything every registered source says waits for `user` in `centre`:
    the most severe first, then the earliest due, then the oldest."""
    items = []
    for source in _sources:
        items.extend(source(user, centre))
    return sorted(items, key=_sort_key)

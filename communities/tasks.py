"""Celery tasks of the communities: the mail of a new post and the daily and
weekly summaries (communities.notifications). Each is safe to repeat."""

from celery import shared_task
from django.utils import timezone

from accounts.models import User
from accounts.services import _same_queue

from . import notifications
from .models import CommunitySummary, Post


@shared_task(acks_late=True)
def post_notify(post_id: int) -> int:
    """Queue the mail of post `post_id` to the members who chose every post at
    once. Safe to repeat (a dedupe key per post and member); a post that is
    gone or no longer visible mails nobody. Returns how many were queued."""
    post = Post.objects.select_related("thread__community", "author").filter(pk=post_id)
    post = post.first()
    if post is None:
        return 0
    return notifications.post_notify_members(post)


@shared_task(acks_late=True)
def summaries_send(frequency: str, now_iso: str | None = None) -> int:
    """Beat task: ring `summary_send` for every member who chose `frequency`
    ("daily" or "weekly"), one task per member. Safe to repeat: each member's
    summary of a period is claimed once. Returns how many members were rung."""
    frequency = CommunitySummary.Frequency(frequency)
    now_iso = now_iso or timezone.now().isoformat()
    user_ids = notifications.summary_audience(frequency)
    # The members' tasks go to the queue this one came from, as the mail queue's do.
    options = _same_queue()
    for user_id in user_ids:
        summary_send.apply_async((user_id, frequency, now_iso), **options)
    return len(user_ids)


@shared_task(acks_late=True)
def summary_send(user_id: int, frequency: str, now_iso: str) -> bool:
    """Send one member her `frequency` summary of the period `now_iso` falls
    in, once (notifications.summary_send_for). True when it was queued now."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    return notifications.summary_send_for(
        user=user,
        frequency=CommunitySummary.Frequency(frequency),
        now=timezone.datetime.fromisoformat(now_iso),
    )

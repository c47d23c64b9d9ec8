"""Celery tasks of the communities: the mail of a new post and the daily and
weekly summaries (communities.notifications). Each is safe to repeat."""

from celery import shared_task
from django.utils import timezone

from accounts.models import User

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
    """Send every member who chose `frequency` ("daily" or "weekly") her summary
    of the current period, once: a second run in the same period sends nothing.
    Returns how many summaries this run queued."""
    frequency = CommunitySummary.Frequency(frequency)
    now = timezone.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    sent = 0
    for user_id in notifications.summary_audience(frequency):
        user = User.objects.filter(pk=user_id).first()
        if user is not None and notifications.summary_send_for(
            user=user, frequency=frequency, now=now
        ):
            sent += 1
    return sent

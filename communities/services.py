"""Writes of the communities app: threads and posts.

Every write that makes a post visible keeps the thread's counters in the same
transaction and sends `signals.post_visible`, whatever the route (page, API,
a moderator's approval).
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from knowledge.markdown import render_markdown

from . import signals
from .models import Community, Post, Thread


def _made_visible(post: Post) -> None:
    Thread.objects.filter(pk=post.thread_id).update(
        last_posted_at=post.created_at,
        # The opening post is not a reply.
        reply_count=F("reply_count")
        + (1 if post.thread.posts.filter(pk__lt=post.pk).exists() else 0),
    )
    signals.post_visible.send(sender=Post, post=post)


@transaction.atomic
def thread_start(
    *, community: Community, author, title: str, body: str, status=Post.Status.VISIBLE
) -> Thread:
    thread = Thread.objects.create(
        community=community, author=author, title=title, last_posted_at=timezone.now()
    )
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        status=status,
    )
    if status == Post.Status.VISIBLE:
        _made_visible(post)
    return thread


@transaction.atomic
def post_reply(
    *, thread: Thread, author, body: str, status=Post.Status.VISIBLE
) -> Post:
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        status=status,
    )
    if status == Post.Status.VISIBLE:
        _made_visible(post)
    return post


@transaction.atomic
def post_approve(*, post: Post) -> Post:
    """A moderator lets a waiting post through."""
    if post.status != Post.Status.PENDING:
        return post
    post.status = Post.Status.VISIBLE
    post.save(update_fields=["status", "updated_at"])
    _made_visible(post)
    return post

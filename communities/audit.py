"""Links from the owner centre's activity log to the posts and threads its
moderators acted on (registered in centres.audit.AUDIT_TARGETS): linked only
for readers who may moderate the community, as the log's readers are staff."""

from django.urls import reverse

from .models import Community, Post, Thread


def _thread_url(slug, pk):
    return reverse("communities:thread", kwargs={"slug": slug, "pk": pk})


def threads(ids, user, roles):
    rows = Thread.objects.filter(
        pk__in=ids, community__in=Community.objects.moderated_by(user)
    ).values_list("pk", "community__slug")
    return {pk: _thread_url(slug, pk) for pk, slug in rows}


def posts(ids, user, roles):
    rows = Post.objects.filter(
        pk__in=ids, thread__community__in=Community.objects.moderated_by(user)
    ).values_list("pk", "thread_id", "thread__community__slug")
    return {pk: f"{_thread_url(slug, thread)}?post={pk}" for pk, thread, slug in rows}


def register() -> None:
    from centres.audit import AUDIT_TARGETS

    AUDIT_TARGETS["communities.thread"] = threads
    AUDIT_TARGETS["communities.post"] = posts

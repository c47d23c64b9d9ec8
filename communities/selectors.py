"""Reads of the communities app: lists, one thread's page, search, and what a
community page shows of its owner's events and resources.

Every list is one page of rows with a fixed number of queries, whatever the
size of the community (tests/communities/test_queries.py counts them).
"""

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from knowledge.textsearch import search_config_for

from .models import Community, CommunityMember, Post, PostAttachment, PostReport, Thread

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20
MEMBERS_PER_PAGE = 50


def count_of(queryset, group_by: str = "community_id"):
    """A correlated COUNT(*) (of rows of `queryset`, which refers to the
    community by OuterRef) as an annotation: several joins in one query would
    multiply threads by members."""
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
        ),
        0,
    )


def community_list_for(user) -> list[Community]:
    """The communities `user` may read, each with `thread_count` (visible
    threads), `member_count` (active members), both exact, and `is_member`
    (whether `user` is one of those members)."""
    threads = Thread.objects.filter(community=OuterRef("pk"), is_visible=True)
    members = CommunityMember.objects.active().filter(community=OuterRef("pk"))
    if getattr(user, "is_authenticated", False):
        is_member = Exists(members.filter(user=user))
    else:
        is_member = Value(False)
    return list(
        Community.objects.readable_by(user)
        .select_related("centre")
        .annotate(
            thread_count=count_of(threads),
            member_count=count_of(members),
            is_member=is_member,
        )
        .order_by("name")
    )


def membership_of(community: Community, user) -> CommunityMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CommunityMember.objects.filter(community=community, user=user).first()


def moderators_of(community: Community) -> list[CommunityMember]:
    return list(
        CommunityMember.objects.moderators()
        .filter(community=community)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def thread_page(community: Community, number) -> "Page":  # noqa: F821
    """One page of the community's visible threads: pinned first, then the
    newest activity first, with their authors."""
    qs = (
        Thread.objects.filter(community=community, is_visible=True)
        .select_related("author")
        .defer("search_vector", "author__password")
        .order_by("-pinned", "-last_posted_at", "-pk")
    )
    return Paginator(qs, THREADS_PER_PAGE).get_page(number)


def posts_visible_to(thread: Thread, user, *, moderator: bool):
    """The posts of `thread` a reader sees: visible and hidden ones (a hidden
    one shows only its reason, except to moderators), and the waiting ones to
    their author and the moderators."""
    qs = Post.objects.filter(thread=thread)
    if moderator:
        return qs
    shown = Q(status__in=[Post.Status.VISIBLE, Post.Status.HIDDEN])
    if getattr(user, "is_authenticated", False):
        shown |= Q(status=Post.Status.PENDING, author=user)
    return qs.filter(shown)


def posts_visible_to_community(community: Community, user, *, moderator: bool):
    """The posts of `community` a reader may reach, as posts_visible_to, in
    threads she may open."""
    qs = Post.objects.filter(thread__community=community)
    if moderator:
        return qs
    signed_in = getattr(user, "is_authenticated", False)
    shown = Q(status__in=[Post.Status.VISIBLE, Post.Status.HIDDEN])
    thread_open = Q(thread__is_visible=True)
    if signed_in:
        shown |= Q(status=Post.Status.PENDING, author=user)
        thread_open |= Q(thread__author=user)
    return qs.filter(shown, thread_open)


def post_page(thread: Thread, user, number, *, moderator: bool):
    """One page of a thread's posts with their authors, files and (for a
    signed-in reader) whether she reported each one: a fixed number of queries.

    The page's ids come first, from the covering index alone, then their rows:
    a deep page of a long thread then skips index entries, not whole posts."""
    ids = (
        posts_visible_to(thread, user, moderator=moderator)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    page = Paginator(ids, POSTS_PER_PAGE).get_page(number)
    rows = (
        Post.objects.filter(pk__in=list(page.object_list))
        .select_related("author")
        .defer("search_vector", "author__password")
        .prefetch_related(Prefetch("files", queryset=PostAttachment.objects.all()))
        .order_by("created_at", "pk")
    )
    if getattr(user, "is_authenticated", False):
        rows = rows.annotate(
            reported_by_me=Exists(
                PostReport.objects.filter(post=OuterRef("pk"), reporter=user)
            )
        )
    page.object_list = list(rows)
    return page


def member_page(community: Community, number):
    qs = (
        CommunityMember.objects.active()
        .filter(community=community)
        .select_related("user")
        .order_by("-role", "user__full_name", "user__email")
    )
    return Paginator(qs, MEMBERS_PER_PAGE).get_page(number)


def moderation_queue(community: Community) -> dict:
    """What waits for a moderator: open reports (per post), waiting posts and
    requests to join, oldest first."""
    reported = (
        # One filter() call: both conditions on the same report (a post
        # without reports would match `resolved_at IS NULL` on its own).
        Post.objects.filter(
            thread__community=community,
            reports__isnull=False,
            reports__resolved_at__isnull=True,
        )
        .distinct()
        .select_related("author", "thread")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=PostReport.objects.filter(resolved_at__isnull=True)
                .select_related("reporter")
                .order_by("created_at"),
                to_attr="open_report_list",
            )
        )
        .order_by("created_at")
    )
    pending = (
        Post.objects.filter(thread__community=community, status=Post.Status.PENDING)
        .select_related("author", "thread")
        .order_by("created_at")
    )
    requests = (
        CommunityMember.objects.pending()
        .filter(community=community)
        .select_related("user")
        .order_by("created_at")
    )
    banned = (
        CommunityMember.objects.filter(
            community=community, status=CommunityMember.Status.BANNED
        )
        .select_related("user")
        .order_by("user__email")
    )
    return {
        "reported": list(reported),
        "pending": list(pending),
        "requests": list(requests),
        "banned": list(banned),
    }


def thread_search(community: Community, q: str, number):
    """Threads of `community` whose title or a visible post matches `q`, by
    PostgreSQL full text with the community language's configuration (the
    knowledge base's mapping), newest activity first. Hidden and waiting posts
    are never searched."""
    cfg = search_config_for(community.language)
    query = SearchQuery(q, config=cfg, search_type="websearch")
    # The matching posts come from their GIN index as one set of thread ids:
    # a rare word then costs a lookup, not a probe per thread.
    in_posts = Post.objects.filter(
        thread__community=community, status=Post.Status.VISIBLE, search_vector=query
    ).values("thread_id")
    qs = (
        Thread.objects.filter(community=community, is_visible=True)
        .filter(Q(search_vector=query) | Q(pk__in=in_posts))
        .select_related("author")
        .defer("search_vector", "author__password")
        .order_by("-last_posted_at", "-pk")
    )
    return Paginator(qs, THREADS_PER_PAGE).get_page(number)


def owner_upcoming_events(community: Community, user, limit: int = 3) -> list:
    """The owner centre's next events the reader may see (events' selector)."""
    from events.selectors import EventParams, event_list_public

    return list(
        event_list_public(
            params=EventParams(organiser=community.centre.slug), user=user
        )[:limit]
    )


def sector_newest_resources(community: Community, user, limit: int = 3) -> list:
    """The newest resources on the community's sector the reader may see
    (knowledge's search selector, newest first)."""
    if not community.sector:
        return []
    from knowledge.selectors import SearchParams, resource_search_queryset

    params = SearchParams(sector=[community.sector], sort="newest")
    return list(resource_search_queryset(user=user, params=params)[:limit])

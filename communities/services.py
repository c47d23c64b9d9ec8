"""Writes of the communities app: membership, threads, posts and moderation.

Every write that makes a post visible keeps the thread's counters in the same
transaction and sends `signals.post_visible`, whatever the route (page, API,
a moderator's approval). Moderators' actions are written to the owner centre's
activity log.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from centres.services import audit_log
from knowledge.markdown import render_markdown
from knowledge.textsearch import search_config_for

from . import emails, signals
from .models import (
    Community,
    CommunityMember,
    Post,
    PostAttachment,
    PostReport,
    Thread,
)

# A new account's first posts in a closed community wait for a moderator.
NEW_ACCOUNT_DAYS = getattr(settings, "COMMUNITY_NEW_ACCOUNT_DAYS", 14)
NEW_ACCOUNT_APPROVED_POSTS = 2
MAX_FILES_PER_POST = 3


def _made_visible(post: Post) -> None:
    post.visible_at = timezone.now()
    Post.objects.filter(pk=post.pk).update(visible_at=post.visible_at)
    is_reply = post.thread.posts.filter(pk__lt=post.pk).exists()
    updates = {"last_posted_at": Greatest(F("last_posted_at"), post.created_at)}
    if is_reply:
        updates["reply_count"] = F("reply_count") + 1
    else:
        updates["is_visible"] = True
    Thread.objects.filter(pk=post.thread_id).update(**updates)
    signals.post_visible.send(sender=Post, post=post)


def _index_post(post: Post) -> None:
    """Store the post's tsvector with its community's language configuration
    (the knowledge base's mapping), in the caller's transaction."""
    cfg = search_config_for(post.thread.community.language)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE communities_post SET search_vector = "
            "to_tsvector(%s::regconfig, body) WHERE id = %s",
            [cfg, post.pk],
        )


def _index_thread(thread: Thread) -> None:
    cfg = search_config_for(thread.community.language)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE communities_thread SET search_vector = "
            "to_tsvector(%s::regconfig, title) WHERE id = %s",
            [cfg, thread.pk],
        )


def _attach(post: Post, uploads) -> None:
    from knowledge.validators import validate_attachment

    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES_PER_POST:
        raise ValidationError(
            _("A post may have at most %(limit)d files.")
            % {"limit": MAX_FILES_PER_POST}
        )
    for upload in uploads:
        file_type, content_type = validate_attachment(upload)
        PostAttachment.objects.create(
            post=post,
            file=upload,
            name=upload.name[:200],
            file_type=file_type,
            content_type=content_type,
            size=upload.size,
        )


def _check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message first."))
    return body


@transaction.atomic
def thread_start(
    *,
    community: Community,
    author,
    title: str,
    body: str,
    status=Post.Status.VISIBLE,
    uploads=None,
) -> Thread:
    """Open a thread with its first post. The caller has checked that `author`
    may post (community_post_status gives the status)."""
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Give the thread a title."))
    body = _check_body(body)
    thread = Thread.objects.create(
        community=community,
        author=author,
        title=title[:200],
        last_posted_at=timezone.now(),
        is_visible=status == Post.Status.VISIBLE,
    )
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        status=status,
    )
    _attach(post, uploads)
    _index_thread(thread)
    _index_post(post)
    if status == Post.Status.VISIBLE:
        _made_visible(post)
    return thread


@transaction.atomic
def post_reply(
    *, thread: Thread, author, body: str, status=Post.Status.VISIBLE, uploads=None
) -> Post:
    """Reply to a thread. Refused on a locked thread. The caller has checked
    that `author` may post."""
    if Thread.objects.filter(pk=thread.pk, locked=True).exists():
        raise ValidationError(
            _("This thread is locked by a moderator and takes no more replies.")
        )
    body = _check_body(body)
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        status=status,
    )
    _attach(post, uploads)
    _index_post(post)
    if status == Post.Status.VISIBLE:
        _made_visible(post)
    return post


@transaction.atomic
def post_approve(*, post: Post, by=None) -> Post:
    """A moderator lets a waiting post through (nothing happens twice)."""
    claimed = Post.objects.filter(pk=post.pk, status=Post.Status.PENDING).update(
        status=Post.Status.VISIBLE, updated_at=timezone.now()
    )
    post.refresh_from_db()
    if not claimed:
        return post
    _made_visible(post)
    if by is not None:
        _audit(post.thread.community, post, action="communities.post.approved", by=by)
    return post


@transaction.atomic
def post_edit(*, post: Post, by, body: str) -> Post:
    """The author changes her post (a hidden post stays as it is)."""
    if post.author_id != by.pk:
        raise ValidationError(_("Only the author can edit a post."))
    if post.status == Post.Status.HIDDEN:
        raise ValidationError(_("A hidden post cannot be edited."))
    if post.thread.locked:
        raise ValidationError(
            _("This thread is locked by a moderator and takes no more replies.")
        )
    post.body = _check_body(body)
    post.body_html = render_markdown(post.body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at", "updated_at"])
    _index_post(post)
    return post


def post_status_for(*, community: Community, user) -> str:
    """Visible at once, or waiting for approval: a new account's first posts in
    a closed community wait (moderators, owner staff and the coordinator never)."""
    if not community.is_closed:
        return Post.Status.VISIBLE
    if Community.objects.moderated_by(user).filter(pk=community.pk).exists():
        return Post.Status.VISIBLE
    if user.date_joined >= timezone.now() - timedelta(days=NEW_ACCOUNT_DAYS):
        approved = Post.objects.filter(
            thread__community=community, author=user, status=Post.Status.VISIBLE
        ).count()
        if approved < NEW_ACCOUNT_APPROVED_POSTS:
            return Post.Status.PENDING
    return Post.Status.VISIBLE


def _audit(community: Community, obj, *, action: str, by, **data):
    # Posts and threads are linked from the log; a person is named only.
    audit_log(
        centre=community.centre,
        action=action,
        by=by,
        target=str(obj) if obj is community else f"{community.name}: {obj}",
        obj=obj if isinstance(obj, (Post, Thread)) else None,
        community=community.slug,
        **data,
    )


# --- Membership ---


@transaction.atomic
def member_join(*, community: Community, user, message: str = "") -> CommunityMember:
    """Join an open community at once, or ask to join a closed one. A banned
    person cannot come back; asking twice changes nothing."""
    member = (
        CommunityMember.objects.select_for_update()
        .filter(community=community, user=user)
        .first()
    )
    if member is not None:
        if member.status == CommunityMember.Status.BANNED:
            raise ValidationError(_("You cannot join this community."))
        return member
    status = (
        CommunityMember.Status.PENDING
        if community.is_closed
        else CommunityMember.Status.ACTIVE
    )
    try:
        with transaction.atomic():
            member = CommunityMember.objects.create(
                community=community,
                user=user,
                status=status,
                request_message=(message or "").strip()[:2000],
            )
    except IntegrityError:
        return CommunityMember.objects.get(community=community, user=user)
    if member.status == CommunityMember.Status.PENDING:
        emails.join_requested_mail(member)
    return member


@transaction.atomic
def member_leave(*, community: Community, user) -> None:
    """Leave (or withdraw a request). A ban stays, so that leaving is no way
    around it."""
    CommunityMember.objects.filter(community=community, user=user).exclude(
        status=CommunityMember.Status.BANNED
    ).delete()


MEMBER_ACTIONS = ("approve", "refuse", "remove", "ban", "appoint", "demote")


@transaction.atomic
def member_moderate(*, member: CommunityMember, decision: str, by) -> None:
    """A moderator's decision on a member of her community: approve or refuse a
    request, remove or ban a member, appoint or demote a moderator. The caller
    has checked that `by` moderates this community; appointing and demoting
    moderators is for the owner's staff and the coordinator (`can_appoint`)."""
    community = member.community
    status = CommunityMember.Status
    if decision == "approve":
        if member.status != status.PENDING:
            raise ValidationError(_("This request was already decided."))
        member.status = status.ACTIVE
        member.save(update_fields=["status", "updated_at"])
        _audit(community, member.user, action="communities.member.approved", by=by)
        emails.join_decided_mail(
            community=community, user=member.user, member_pk=member.pk, approved=True
        )
    elif decision == "refuse":
        if member.status != status.PENDING:
            raise ValidationError(_("This request was already decided."))
        member_pk = member.pk
        member.delete()
        _audit(community, member.user, action="communities.member.refused", by=by)
        emails.join_decided_mail(
            community=community, user=member.user, member_pk=member_pk, approved=False
        )
    elif decision == "remove":
        member.delete()
        _audit(community, member.user, action="communities.member.removed", by=by)
    elif decision == "ban":
        member.status = status.BANNED
        member.role = CommunityMember.Role.MEMBER
        member.save(update_fields=["status", "role", "updated_at"])
        _audit(community, member.user, action="communities.member.banned", by=by)
    elif decision in ("appoint", "demote"):
        if not can_appoint(community=community, user=by):
            raise ValidationError(
                _("Only the owner's staff and the coordinator appoint moderators.")
            )
        if member.status != status.ACTIVE:
            raise ValidationError(_("Only active members can be moderators."))
        member.role = (
            CommunityMember.Role.MODERATOR
            if decision == "appoint"
            else CommunityMember.Role.MEMBER
        )
        member.save(update_fields=["role", "updated_at"])
        _audit(
            community,
            member.user,
            action="communities.moderator.appointed"
            if decision == "appoint"
            else "communities.moderator.demoted",
            by=by,
        )
    else:
        raise ValidationError(_("Unknown action."))


def can_appoint(*, community: Community, user) -> bool:
    """The owner centre's staff and the coordinator appoint moderators."""
    from centres.models import Centre

    return Centre.objects.workspaces_for(user).filter(pk=community.centre_id).exists()


# --- Reports and moderation of posts and threads ---


@transaction.atomic
def post_report(*, post: Post, by, reason: str) -> PostReport:
    """A member reports a post to the moderators, once per person and post."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say what is wrong with this post."))
    if PostReport.objects.filter(post=post, reporter=by).exists():
        raise ValidationError(_("You have already reported this post."))
    try:
        with transaction.atomic():
            report = PostReport.objects.create(
                post=post, reporter=by, reason=reason[:1000]
            )
    except IntegrityError as exc:
        raise ValidationError(_("You have already reported this post.")) from exc
    _audit(post.thread.community, post, action="communities.post.reported", by=by)
    return report


@transaction.atomic
def post_hide(*, post: Post, by, reason: str) -> Post:
    """Hide a post with a reason its author sees; its reports are resolved and
    the thread's reply count no longer counts it."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason: the author will see it."))
    post = Post.objects.select_for_update().get(pk=post.pk)
    was_visible = post.status == Post.Status.VISIBLE
    post.status = Post.Status.HIDDEN
    post.hidden_reason = reason[:500]
    post.save(update_fields=["status", "hidden_reason", "updated_at"])
    is_reply = post.thread.posts.filter(pk__lt=post.pk).exists()
    if was_visible and is_reply:
        Thread.objects.filter(pk=post.thread_id).update(
            reply_count=F("reply_count") - 1
        )
    PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    _audit(
        post.thread.community,
        post,
        action="communities.post.hidden",
        by=by,
        reason=reason,
    )
    emails.post_hidden_mail(post)
    return post


@transaction.atomic
def post_reports_dismiss(*, post: Post, by) -> int:
    """The moderator finds nothing wrong: the open reports are closed."""
    count = PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    if count:
        _audit(
            post.thread.community,
            post,
            action="communities.post.reports_dismissed",
            by=by,
        )
    return count


@transaction.atomic
def thread_moderate(*, thread: Thread, change: str, by) -> Thread:
    """Lock or unlock a thread, pin or unpin it."""
    if change in ("lock", "unlock"):
        thread.locked = change == "lock"
        thread.save(update_fields=["locked", "updated_at"])
        _audit(
            thread.community,
            thread,
            action="communities.thread.locked"
            if thread.locked
            else "communities.thread.unlocked",
            by=by,
        )
    elif change in ("pin", "unpin"):
        thread.pinned = change == "pin"
        thread.save(update_fields=["pinned", "updated_at"])
        _audit(
            thread.community,
            thread,
            action="communities.thread.pinned"
            if thread.pinned
            else "communities.thread.unpinned",
            by=by,
        )
    else:
        raise ValidationError(_("Unknown action."))
    return thread


# --- Communities themselves (the owner's managers and the coordinator) ---


@transaction.atomic
def community_save(*, community: Community, by) -> Community:
    """Create or change a community of the caller's centre (the caller has
    checked a manager's role there)."""
    created = community.pk is None
    community.full_clean()
    community.save()
    _audit(
        community,
        community,
        action="communities.community.created"
        if created
        else "communities.community.updated",
        by=by,
    )
    return community

"""E-mail about new posts, as each member chose per community
(CommunityMember.notify): every post at once, a daily or weekly summary, or
nothing.

- Instant: `post_visible` rings `tasks.post_notify` once the transaction
  commits; it queues one mail per member who chose "instant" (never the
  author), each with a dedupe key per (post, member).
- Summaries: `tasks.summaries_send` (Celery beat) claims one CommunitySummary
  row per member and period, and queues her summary in the same transaction:
  a second run finds the row and sends nothing.
- Every mail carries a signed link that sets that community (an instant
  mail) or every community of that summary (a summary) to "nothing" without
  signing in, in its body and as RFC 8058 one-click headers (added when the
  queue sends it, see accounts.tasks.register_email_headers).

Mail goes through the transactional queue (accounts.services): members are
accounts, not newsletter subscribers, and each mail is personal.
"""

import html
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.notifications import absolute_url
from accounts.services import email_queue_template
from knowledge.markdown import render_markdown
from p2i_portal.mail import recipient_language

from .models import Community, CommunityMember, CommunitySummary, Post

TOKEN_SALT = "communities.notify-out"  # noqa: S105 - a salt, not a secret
POST_TEMPLATE = "community-post"
SUMMARY_TEMPLATE = "community-summary"
SUMMARY_LIST = "community-summary"
# A summary lists at most this many posts; its counts cover all of them.
SUMMARY_MAX_POSTS = 100
PERIOD_LENGTH = {
    CommunitySummary.Frequency.DAILY: timedelta(days=1),
    CommunitySummary.Frequency.WEEKLY: timedelta(days=7),
}


# --- Signed "stop these e-mails" links -----------------------------------------
def out_token(*, user, community=None, frequency: str = "") -> str:
    """A signed, non-expiring token that sets one community (or every community
    of one summary frequency) of `user` to "nothing". It binds the start of her
    address, as the newsletter's tokens do, so it outlives no change of address."""
    payload = {"u": user.pk, "e": user.email[:3]}
    if community is not None:
        payload["c"] = community.pk
    else:
        payload["f"] = str(frequency)
    # Signed without a timestamp: the link never expires, and the same member
    # and list give the same link in the body and in the headers.
    return signing.Signer(salt=TOKEN_SALT).sign_object(payload)


def out_from_token(token: str):
    """(user, community or None, frequency or "") named by `token`, or None if
    it is forged, tampered or stale."""
    from accounts.models import User

    try:
        if token.count(":") == 2:
            # Links mailed before tokens lost their timestamp still work.
            payload = signing.loads(token, salt=TOKEN_SALT)
        else:
            payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
        user_pk, prefix = payload["u"], payload["e"]
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return None
    user = User.objects.filter(pk=user_pk).first()
    if user is None or user.email[:3] != prefix:
        return None
    if "c" in payload:
        community = Community.objects.filter(pk=payload["c"]).first()
        return (user, community, "") if community else None
    if payload.get("f") in CommunitySummary.Frequency.values:
        return user, None, payload["f"]
    return None


def out_url(token: str) -> str:
    """The address of the one-click way out, in the active language."""
    return absolute_url(reverse("communities_notify:out", kwargs={"token": token}))


def notify_stop(*, user, community=None, frequency: str = "") -> int:
    """Set `community` (or every community she gets `frequency` summaries of)
    to "nothing" for `user`. Returns how many memberships changed; changes
    nothing else. The caller checked the signed token or that she is signed in."""
    members = CommunityMember.objects.filter(user=user)
    if community is not None:
        members = members.filter(community=community)
    else:
        members = members.filter(notify=frequency)
    return members.exclude(notify=CommunityMember.Notify.NONE).update(
        notify=CommunityMember.Notify.NONE, updated_at=timezone.now()
    )


def notify_set(*, member: CommunityMember, notify: str) -> CommunityMember:
    """Store how `member` wants to hear about new posts. The caller is that
    member (signed in); `notify` is one of CommunityMember.Notify."""
    member.notify = CommunityMember.Notify(notify)
    member.save(update_fields=["notify", "updated_at"])
    return member


# --- Instant --------------------------------------------------------------------
def on_post_visible(sender, post: Post, **kwargs) -> None:
    """Receiver of signals.post_visible: ring the task once the post is committed
    (robust: a broker that is down must not undo the post)."""
    from .tasks import post_notify

    post_id = post.pk
    transaction.on_commit(lambda: post_notify.delay(post_id), robust=True)


def instant_recipients(post: Post) -> list[CommunityMember]:
    """Active members of the post's community who chose every post at once,
    except its author, with active accounts, who were members when it was
    written. Only active members read a closed community, and an open one is
    read by everyone, so each may read the post."""
    return list(
        CommunityMember.objects.active()
        .filter(
            community_id=post.thread.community_id,
            notify=CommunityMember.Notify.INSTANT,
            user__is_active=True,
            created_at__lte=post.created_at,
        )
        .exclude(user_id=post.author_id)
        .select_related("user", "community")
        .order_by("pk")
    )


def post_notify_members(post: Post) -> int:
    """Queue the mail of one visible post to every instant recipient. Safe to
    repeat: each (post, member) mail has its own dedupe key. Returns how many
    mails were queued by this call."""
    if post.status != Post.Status.VISIBLE:
        return 0  # hidden or taken back before the worker got to it
    from accounts.models import OutboundEmail

    queued = 0
    for member in instant_recipients(post):
        key = f"community.post:{post.pk}:u{member.user_id}"
        if OutboundEmail.objects.filter(dedupe_key=key).exists():
            continue
        _post_mail(post, member, key)
        queued += 1
    return queued


def _author_name(user) -> str:
    if user is None:
        return _("A former member")
    return user.full_name or _("A member")


def _post_mail(post: Post, member: CommunityMember, dedupe_key: str):
    user, thread, community = member.user, post.thread, member.community
    with recipient_language(user.language) as language:
        context = {
            "community": community.name,
            "thread": thread.title,
            "author": _author_name(post.author),
            "body": post.body,
            "thread_url": absolute_url(thread.get_absolute_url()),
            "out_url": out_url(out_token(user=user, community=community)),
            "settings_url": absolute_url(reverse("communities_notify:preferences")),
        }
        return email_queue_template(
            to=user.email,
            name=POST_TEMPLATE,
            context=context,
            language=language,
            dedupe_key=dedupe_key,
        )


# --- Summaries ------------------------------------------------------------------
def summary_period(frequency: str, now: datetime) -> str:
    """The period a run at `now` (UTC) sends: the day, or the ISO week."""
    now = now.astimezone(UTC)
    if frequency == CommunitySummary.Frequency.WEEKLY:
        year, week, _day = now.isocalendar()
        return f"{year}-W{week:02d}"
    return now.date().isoformat()


def summary_audience(frequency: str) -> list[int]:
    """Ids of the active accounts that get `frequency` summaries of at least one
    community where they are active members."""
    return list(
        CommunityMember.objects.active()
        .filter(notify=frequency, user__is_active=True)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )


def summary_posts(*, user, frequency: str, since, until):
    """The posts by others that became visible between `since` and `until` (a
    post approved later is in the summary after its approval) in the
    communities where `user` is an active member who chose `frequency`."""
    communities = (
        CommunityMember.objects.active()
        .filter(user=user, notify=frequency)
        .values("community_id")
    )
    return (
        Post.objects.filter(
            status=Post.Status.VISIBLE,
            thread__community_id__in=communities,
            visible_at__gt=since,
            visible_at__lte=until,
        )
        .exclude(author=user)
        .select_related("author", "thread__community")
        .order_by("thread__community__name", "thread__community_id", "thread_id", "pk")
    )


def summary_send_for(*, user, frequency: str, now: datetime | None = None) -> bool:
    """Claim `user`'s `frequency` summary of the current period and queue it in
    the same transaction. Returns True when a mail was queued by this call.

    Once per period: the claim is a CommunitySummary row, unique per (user,
    frequency, period); a second call (another run, another worker) hits the
    constraint and sends nothing. A period with nothing new is claimed too,
    with no mail. The next summary starts where this one ended."""
    now = now or timezone.now()
    period = summary_period(frequency, now)
    last = CommunitySummary.objects.filter(user=user, frequency=frequency).aggregate(
        until=Max("until")
    )["until"]
    since = last or now - PERIOD_LENGTH[frequency]
    try:
        with transaction.atomic():
            summary = CommunitySummary.objects.create(
                user=user, frequency=frequency, period=period, since=since, until=now
            )
            posts = list(
                summary_posts(user=user, frequency=frequency, since=since, until=now)[
                    : SUMMARY_MAX_POSTS + 1
                ]
            )
            if not posts:
                return False
            count = (
                summary_posts(
                    user=user, frequency=frequency, since=since, until=now
                ).count()
                if len(posts) > SUMMARY_MAX_POSTS
                else len(posts)
            )
            summary.post_count = count
            summary.email = _summary_mail(
                summary, user, posts[:SUMMARY_MAX_POSTS], count
            )
            summary.save(update_fields=["post_count", "email"])
            return True
    except IntegrityError:  # claimed already, by this or another run
        return False


def _excerpt(body: str) -> str:
    """A post's first words as plain text: its Markdown rendered, then the
    tags dropped, so that a summary shows no ** or [](…) marks."""
    text = html.unescape(strip_tags(render_markdown(body)))
    return Truncator(" ".join(text.split())).chars(280)


def _summary_mail(summary, user, posts: list[Post], count: int):
    with recipient_language(user.language) as language:
        groups, by_community = [], {}
        for post in posts:
            community = post.thread.community
            group = by_community.get(community.pk)
            if group is None:
                group = by_community[community.pk] = {
                    "name": community.name,
                    "posts": [],
                    "out_url": out_url(out_token(user=user, community=community)),
                }
                groups.append(group)
            group["posts"].append(
                {
                    "thread": post.thread.title,
                    "author": _author_name(post.author),
                    "excerpt": _excerpt(post.body),
                    "url": absolute_url(post.thread.get_absolute_url()),
                }
            )
        if summary.frequency == CommunitySummary.Frequency.WEEKLY:
            subject = ngettext(
                "Your weekly community summary: %(count)s new post",
                "Your weekly community summary: %(count)s new posts",
                count,
            ) % {"count": count}
        else:
            subject = ngettext(
                "Your daily community summary: %(count)s new post",
                "Your daily community summary: %(count)s new posts",
                count,
            ) % {"count": count}
        context = {
            "subject": subject,
            "groups": groups,
            "count": count,
            "more": count - len(posts),
            "out_url": out_url(out_token(user=user, frequency=summary.frequency)),
            "settings_url": absolute_url(reverse("communities_notify:preferences")),
        }
        return email_queue_template(
            to=user.email,
            name=SUMMARY_TEMPLATE,
            context=context,
            language=language,
            dedupe_key=f"community.summary:{summary.frequency}:{summary.period}:"
            f"u{user.pk}",
        )


def post_headers(email) -> dict:
    """One-click headers of a post's mail too: mail clients then offer to leave
    that community's mails (its dedupe key names the post and the member)."""
    from accounts.models import User
    from newsletters.rendering import bulk_headers

    try:
        _prefix, post_id, user_part = (email.dedupe_key or "").split(":")
        post = Post.objects.select_related("thread__community").get(pk=int(post_id))
        user = User.objects.get(pk=int(user_part.removeprefix("u")))
    except (ValueError, Post.DoesNotExist, User.DoesNotExist):
        return {}
    token = out_token(user=user, community=post.thread.community)
    with recipient_language(user.language):
        url = out_url(token)
    return bulk_headers(unsubscribe_url=url, list_name="community-posts")


def summary_headers(email) -> dict:
    """Bulk headers of a queued summary (accounts.tasks.register_email_headers):
    its one-click way out leaves every community of that summary."""
    from newsletters.rendering import bulk_headers

    summary = (
        CommunitySummary.objects.filter(email=email).select_related("user").first()
    )
    if summary is None:
        return {}
    token = out_token(user=summary.user, frequency=summary.frequency)
    with recipient_language(summary.user.language):
        url = out_url(token)
    return bulk_headers(unsubscribe_url=url, list_name=SUMMARY_LIST)

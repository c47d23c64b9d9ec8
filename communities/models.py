"""Communities of practice: a community owned by a centre or a task-force
project, its members and moderators, and its discussion threads and posts.

An open community is read by anyone and joined by any signed-in user; a
closed one is joined on request and exists only for its members (everyone
else gets 404). Moderators act only inside their own community.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from centres.models import Centre
from p2i_portal.models import SignedLinkMixin, TimeStampedModel
from p2i_portal.vocab import Sector


class CommunityQuerySet(models.QuerySet):
    def open(self):
        return self.filter(visibility=Community.Visibility.OPEN)

    def readable_by(self, user):
        """The communities whose threads `user` may read: every open one, and
        the closed ones where she is an active member (the coordinator: all)."""
        if user is None or not user.is_authenticated:
            return self.open()
        if getattr(user, "is_coordinator", False):
            return self.all()
        # The owner's staff run the community, so they read it as moderators do.
        return self.filter(
            Q(visibility=Community.Visibility.OPEN)
            | Q(centre__in=Centre.objects.workspaces_for(user))
            | Q(
                pk__in=CommunityMember.objects.active()
                .filter(user=user)
                .values("community_id")
            )
        )

    def moderated_by(self, user):
        """THE way to get the communities `user` may moderate: those where she is
        an active moderator, those her centres own, and (coordinator) all."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.acts_as_coordinator:
            return self.all()
        return self.filter(
            Q(centre__in=Centre.objects.workspaces_for(user))
            | Q(
                pk__in=CommunityMember.objects.moderators()
                .filter(user=user)
                .values("community_id")
            )
        )


class Community(TimeStampedModel):
    """A community of practice; its owner's staff run it with its moderators."""

    class Visibility(models.TextChoices):
        OPEN = "open", _("Open: any signed-in user may join")
        CLOSED = "closed", _("Closed: joining needs a moderator's approval")

    centre = models.ForeignKey(
        Centre,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="communities",
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    purpose = models.TextField(_("purpose"), max_length=4000)
    sector = models.CharField(
        _("sector"), max_length=30, choices=Sector.choices, blank=True
    )
    language = models.CharField(
        _("main language"), max_length=7, default="en", choices=settings.LANGUAGES
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.OPEN,
    )

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name

    @property
    def is_closed(self):
        return self.visibility == self.Visibility.CLOSED


class CommunityMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CommunityMember.Status.ACTIVE)

    def pending(self):
        return self.filter(status=CommunityMember.Status.PENDING)

    def moderators(self):
        return self.active().filter(role=CommunityMember.Role.MODERATOR)


class CommunityMember(TimeStampedModel):
    """One person's place in one community: role, standing and how she wants
    to hear about new posts."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Moderator")

    class Status(models.TextChoices):
        PENDING = "pending", _("Asked to join")
        ACTIVE = "active", _("Member")
        BANNED = "banned", _("Banned")

    class Notify(models.TextChoices):
        INSTANT = "instant", _("Every post at once")
        DAILY = "daily", _("A daily summary")
        WEEKLY = "weekly", _("A weekly summary")
        NONE = "none", _("Nothing")

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=Role.choices, default=Role.MEMBER
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    notify = models.CharField(
        _("e-mail me"), max_length=10, choices=Notify.choices, default=Notify.DAILY
    )
    request_message = models.TextField(
        _("why you would like to join"), max_length=2000, blank=True
    )

    objects = CommunityMemberQuerySet.as_manager()

    class Meta:
        ordering = ["community", "user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="uniq_member_per_community"
            ),
        ]

    def __str__(self):
        return f"{self.user} in {self.community} ({self.role}, {self.status})"


class Thread(TimeStampedModel):
    """A discussion in one community. `reply_count` and `last_posted_at` are
    kept by the services in the same transaction as the post they count, so
    the list of threads needs no aggregate."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="community_threads",
    )
    locked = models.BooleanField(_("locked"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    reply_count = models.PositiveIntegerField(default=0)
    last_posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # False while the opening post waits for a moderator's approval.
    is_visible = models.BooleanField(default=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-pinned", "-last_posted_at"]
        indexes = [
            models.Index(
                fields=["community", "-pinned", "-last_posted_at"],
                name="thread_list_idx",
            ),
            # The community page's list: visible threads in the order shown.
            models.Index(
                fields=["community", "-pinned", "-last_posted_at", "-id"],
                condition=Q(is_visible=True),
                name="thread_visible_list_idx",
            ),
            GinIndex(fields=["search_vector"], name="thread_search_gin"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "communities:thread",
            kwargs={"slug": self.community.slug, "pk": self.pk},
        )


class Post(TimeStampedModel):
    """The opening post of a thread or a reply to it (Markdown, stored with
    its sanitised HTML)."""

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        PENDING = "pending", _("Waiting for approval")
        HIDDEN = "hidden", _("Hidden by a moderator")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="community_posts",
    )
    body = models.TextField(_("message"), max_length=20000)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # When members could first read it: its creation, or a moderator's approval.
    # Summaries select by it, so an approved post is never left out.
    visible_at = models.DateTimeField(null=True, blank=True, db_index=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # Covers a thread page's ids and count (selectors.post_page), so a
            # deep page of a long thread skips index entries, not table rows.
            models.Index(
                fields=["thread", "created_at", "id"],
                include=["status", "author"],
                name="post_page_idx",
            ),
            GinIndex(fields=["search_vector"], name="post_search_gin"),
        ]

    def __str__(self):
        return f"Post {self.pk} in {self.thread_id}"


class PostReport(TimeStampedModel):
    """A member's report of a post to the moderators (one per person and post)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_reports",
    )
    reason = models.CharField(_("what is wrong with this post"), max_length=1000)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="uniq_report_per_person"
            ),
        ]

    def __str__(self):
        return f"Report on post {self.post_id}"


def post_file_path(instance, filename):
    # Never under a public media prefix: files are served by the community's view.
    return f"communities/{uuid.uuid4().hex}/{filename}"


class PostAttachment(models.Model):
    """A file attached to a post, checked by content as the knowledge base's."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=post_file_path, max_length=300)
    name = models.CharField(max_length=200)
    file_type = models.CharField(max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name


# Task-force participation
#
# A city, business or organisation applies to join the Innovation Procurement
# Task Force and names the projects whose activities interest it. The
# application reaches the projects' workspaces once its address is confirmed;
# the staff of any chosen project accept, decline or ask a question. An
# accepted application is the member's record: its directory profile, its
# newsletter offer and the account that joins the projects' communities.


class ApplicantType(models.TextChoices):
    CITY = "city", _("City or municipality")
    REGION = "region", _("Regional authority")
    PUBLIC = "public", _("Other public body")
    BUSINESS = "business", _("Business")
    RESEARCH = "research", _("University or research body")
    ORGANISATION = "organisation", _("Association or other organisation")


class TaskForceApplicationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_project(self, centre):
        """THE way to the applications one project's staff may see and change:
        confirmed ones that chose this project."""
        return self.confirmed().filter(projects=centre)

    def accepted(self):
        return self.filter(status=TaskForceApplication.Status.ACCEPTED)

    def listed(self):
        """The member directory: accepted members who agreed to be listed."""
        return self.accepted().filter(consent_directory=True)


class TaskForceApplication(SignedLinkMixin, TimeStampedModel):
    """One application to the task force; once accepted, the member's record."""

    LINK_SALT = "communities.taskforce"

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASKED = "asked", _("Question asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.CharField(_("organisation"), max_length=200)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=ApplicantType.choices
    )
    country = CountryField(_("country"))
    contact_name = models.CharField(_("contact person"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(max_length=7, blank=True)
    projects = models.ManyToManyField(
        Centre,
        verbose_name=_("projects"),
        related_name="taskforce_applications",
        limit_choices_to={"kind": "project"},
    )
    motivation = models.TextField(_("why you want to join"), max_length=4000)
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("sectors"),
        default=list,
    )
    consent_directory = models.BooleanField(
        _("listed in the member directory"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        Centre,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_message = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="taskforce_memberships",
    )
    website = models.URLField(_("website"), blank=True)
    profile = models.TextField(_("short profile"), max_length=1000, blank=True)
    newsletter_at = models.DateTimeField(null=True, blank=True)

    objects = TaskForceApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(confirmed_at__isnull=False),
                name="taskforce_accepted_is_confirmed",
            ),
        ]

    def __str__(self):
        return self.organisation

    @property
    def is_member(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.ASKED)

    def get_sectors_display(self):
        labels = dict(Sector.choices)
        return [labels.get(s, s) for s in self.sectors]

    def confirm_url(self) -> str:
        return reverse("taskforce:confirm", kwargs={"token": self.token("confirm")})

    def follow_url(self) -> str:
        """Her page: the application while it is open, the welcome page once
        she is a member."""
        name = "taskforce:welcome" if self.is_member else "taskforce:application"
        return reverse(name, kwargs={"token": self.token("follow")})


class TaskForceMessage(models.Model):
    """A question of a project's staff to the applicant, or her answer."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        ANSWER = "answer", _("Answer")

    application = models.ForeignKey(
        TaskForceApplication, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    centre = models.ForeignKey(
        Centre, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} on {self.application_id}"


class CommunitySummary(models.Model):
    """One member's daily or weekly summary for one period ("2026-12-07",
    "2026-W49"): claimed by creating this row, so that two runs of the beat
    task never mail her twice. `until` is where her next summary starts."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_summaries",
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    period = models.CharField(max_length=20)
    since = models.DateTimeField()
    until = models.DateTimeField()
    post_count = models.PositiveIntegerField(default=0)
    # The queued mail (none when there was nothing new).
    email = models.OneToOneField(
        "accounts.OutboundEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="community_summary",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-until"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period"],
                name="uniq_community_summary_per_period",
            ),
        ]
        indexes = [
            models.Index(
                fields=["user", "frequency", "-until"], name="summary_last_idx"
            )
        ]

    def __str__(self):
        return f"{self.frequency} summary {self.period} for {self.user_id}"

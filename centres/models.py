"""Centres (the tenants), their memberships, invitations and audit trail."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from p2i_portal.models import TimeStampedModel
from p2i_portal.vocab import Language, Sector, Service

from .validators import validate_logo


class FundingProgramme(models.TextChoices):
    """EU programmes named in the funding statement ("… under the <programme> …")."""

    HORIZON_2020 = "h2020", _("Horizon 2020 research and innovation programme")
    HORIZON_EUROPE = (
        "horizon_europe",
        _("Horizon Europe research and innovation programme"),
    )
    COSME = "cosme", _("COSME programme")
    SINGLE_MARKET = "single_market", _("Single Market Programme")
    DIGITAL_EUROPE = "digital_europe", _("Digital Europe programme")


grant_agreement_validator = RegexValidator(
    r"^[0-9]{5,10}$",
    _("A grant agreement number has 5 to 10 digits."),
    code="bad_grant_agreement",
)


def funding_statement(programme: str, grant_agreement: str = "") -> str:
    """The sentence the EU requires of the projects it funds, in the active
    language; without the number while none is known, "" without a programme."""
    if not programme:
        return ""
    label = FundingProgramme(programme).label
    if grant_agreement:
        return _(
            "This project has received funding from the European Union's "
            "%(programme)s under grant agreement No %(number)s."
        ) % {"programme": label, "number": grant_agreement}
    return _(
        "This project has received funding from the European Union's %(programme)s."
    ) % {"programme": label}


class Role(models.TextChoices):
    EDITOR = "editor", _("Editor")
    MANAGER = "manager", _("Manager")


ROLE_RANK = {None: 0, Role.EDITOR: 1, Role.MANAGER: 2}


class CentreQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """A bulk update sends no post_save: tell the cached page fragments."""
        from .caching import centres_changed

        if "status" in kwargs:  # a status change is history, however it is made
            from network.status_history import record_bulk_status_update

            record_bulk_status_update(self, kwargs["status"])
        rows = super().update(**kwargs)
        if rows:
            centres_changed()
        return rows

    def active(self):
        return self.filter(is_active=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def workspaces_for(self, user, role=Role.EDITOR):
        """THE way to get the centres `user` may act in with at least `role`.

        The coordinator acts everywhere; everyone else only where a membership
        with a sufficient role exists. Every write path starts from here. Whoever
        must use two-factor sign-in and has not turned it on acts nowhere
        (User.privileges_locked): a plain procurer until then.
        """
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.privileges_locked:
            return self.none()
        if user.is_coordinator:
            return self.all()
        roles = [r for r in Role if ROLE_RANK[r] >= ROLE_RANK[Role(role)]]
        return self.filter(
            memberships__user=user, memberships__role__in=roles
        ).distinct()


class Centre(TimeStampedModel):
    """A member of the network that publishes: a competence centre or a project."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National competence centre")
        PROJECT = "project", _("Task-force project")

    class Status(models.TextChoices):
        EXISTING = "existing", _("Existing centre")
        NEW = "new", _("New centre")
        ASSOCIATE = "associate", _("Associate member")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    country = CountryField(_("country"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.NATIONAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    host_organisation = models.CharField(
        _("host organisation"), max_length=200, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    services = ArrayField(
        models.CharField(max_length=30, choices=Service.choices),
        verbose_name=_("services offered"),
        default=list,
        blank=True,
    )
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("sectors"),
        default=list,
        blank=True,
    )
    working_languages = ArrayField(
        models.CharField(max_length=5, choices=Language.choices),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="centres/logos/", blank=True, validators=[validate_logo]
    )
    buddy = models.ForeignKey(
        "self",
        verbose_name=_("buddy centre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="buddies",
        help_text=_(
            "The existing centre paired with a new one for the buddy exchange."
        ),
    )
    is_coordinating = models.BooleanField(_("coordinates the network"), default=False)
    is_active = models.BooleanField(_("listed publicly"), default=True)
    # The funding line a task-force project must show; blank for most centres.
    funding_programme = models.CharField(
        _("EU funding programme"),
        max_length=30,
        choices=FundingProgramme.choices,
        blank=True,
    )
    grant_agreement = models.CharField(
        _("grant agreement number"),
        max_length=10,
        blank=True,
        validators=[grant_agreement_validator],
        help_text=_("Leave blank when unknown: the statement is shown without it."),
    )

    objects = CentreQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(buddy=models.F("id")), name="centre_not_own_buddy"
            ),
            models.CheckConstraint(
                condition=Q(kind="project") | ~Q(country=""),
                name="centre_national_has_country",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("centres:detail", kwargs={"slug": self.slug})

    def role_of(self, user) -> str | None:
        """The user's role here: 'manager', 'editor' or None (coordinator = manager;
        None for everyone while their two-factor sign-in is missing)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return None
        if user.privileges_locked:  # no role anywhere before two-factor is on
            return None
        if user.is_coordinator:
            return Role.MANAGER
        role = user.centre_roles().get(self.pk)
        return Role(role) if role else None

    def get_abilities(self, user) -> dict[str, bool]:
        role = self.role_of(user)
        is_manager = role == Role.MANAGER
        return {
            "retrieve": self.is_active or role is not None,
            "workspace": role is not None,
            "update": is_manager,
            "manage_team": is_manager,
        }

    @property
    def funding_statement(self) -> str:
        return funding_statement(self.funding_programme, self.grant_agreement)

    def get_services_display(self):
        labels = dict(Service.choices)
        return [labels.get(s, s) for s in self.services]

    def get_sectors_display(self):
        labels = dict(Sector.choices)
        return [labels.get(s, s) for s in self.sectors]

    def get_languages_display(self):
        labels = dict(Language.choices)
        return [labels.get(s, s) for s in self.working_languages]


class CentreOwnedQuerySet(models.QuerySet):
    """Base for every model a centre owns (knowledge, events, …)."""

    def for_centre(self, centre):
        return self.filter(centre=centre)

    def writable_by(self, user):
        """THE way to get the objects `user` may change: those of their workspaces."""
        return self.filter(centre__in=Centre.objects.workspaces_for(user))


class MembershipQuerySet(models.QuerySet):
    def managers(self):
        return self.filter(role=Role.MANAGER)


class MembershipManager(models.Manager.from_queryset(MembershipQuerySet)):
    def unscoped_for_user(self, user):
        """A user's own memberships across centres (explicitly unscoped)."""
        from django_scopes import scopes_disabled

        with scopes_disabled():
            return list(super().get_queryset().filter(user=user))


class Membership(TimeStampedModel):
    """Centre-private: who works in a centre and with which role."""

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)
    public_title = models.CharField(
        _("title shown on the centre page"), max_length=120, blank=True
    )

    objects = ScopedManager(centre="centre", _manager_class=MembershipManager)

    class Meta:
        ordering = ["-role", "user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "user"], name="uniq_membership_per_centre"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.centre} ({self.role})"


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(TimeStampedModel):
    """Centre-private: an e-mail invited to join a team; the link expires."""

    VALID_FOR = timedelta(days=7)

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(
        centre="centre", _manager_class=models.Manager.from_queryset(InvitationQuerySet)
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="uniq_open_invitation_per_centre",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.centre}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, _hash_token(token)

    @staticmethod
    def hash(token: str) -> str:
        return _hash_token(token)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.is_expired:
            return "expired"
        return "pending"


# Every dotted audit action has a human label here: apps add theirs in their
# AppConfig.ready() (tests/centres/test_audit_labels.py finds any without one).
AUDIT_LABELS = {
    "centres.centre.updated": _("Updated the centre profile"),
    "centres.centre.status_changed": _("Changed the centre's status"),
    "network.onboarding.started": _("Started the centre's onboarding"),
    "network.milestone.updated": _("Updated an onboarding milestone"),
    "network.milestone.due_changed": _("Changed a milestone's due date"),
    "network.milestone.commented": _("Commented on an onboarding milestone"),
    "network.milestone_definition.created": _("Added an onboarding milestone"),
    "network.milestone_definition.updated": _("Edited an onboarding milestone"),
    "network.milestone_definition.moved": _("Reordered the onboarding milestones"),
    "network.milestone_definition.retired": _("Retired an onboarding milestone"),
    "network.milestone_definition.restored": _("Restored an onboarding milestone"),
    "centres.membership.added": _("Added a team member"),
    "centres.membership.removed": _("Removed a team member"),
    "centres.membership.role_changed": _("Changed a role"),
    "centres.invitation.sent": _("Sent an invitation"),
    "centres.invitation.revoked": _("Withdrew an invitation"),
    "centres.invitation.accepted": _("Accepted an invitation"),
    "knowledge.resource.created": _("Created a resource"),
    "knowledge.resource.updated": _("Edited a resource"),
    "knowledge.resource.submitted": _("Submitted a resource for review"),
    "knowledge.resource.published": _("Published a resource"),
    "knowledge.resource.sent_back": _("Sent a resource back to its author"),
    "knowledge.resource.archived": _("Archived a resource"),
    "knowledge.attachment.added": _("Added an attachment"),
    "knowledge.attachment.removed": _("Removed an attachment"),
    "translators.translator.named": _("Named a translator"),
    "translators.translator.removed": _("Withdrew a translator"),
    "advice.request.received": _("Received an advice request"),
    "advice.request.assigned": _("Assigned an advice request"),
    "advice.request.status_changed": _("Changed the status of an advice request"),
    "advice.request.noted": _("Added an internal note to an advice request"),
    "advice.request.replied": _("Replied to an advice request"),
    "advice.request.procurer_replied": _("The procurer answered an advice request"),
    "advice.request.transferred": _("Transferred an advice request to another centre"),
    "advice.request.received_by_transfer": _(
        "Received an advice request from another centre"
    ),
    "advice.request.qa_drafted": _("Drafted a Q&A from an advice request"),
    "advice.settings.updated": _("Changed the advice desk's response time"),
    "network.export.requested": _("Asked for a reporting export"),
    "cooperation.challenge.submitted": _("A buyer submitted a challenge"),
    "cooperation.challenge.published": _("Published a challenge"),
    "cooperation.challenge.sent_back": _("Sent a challenge back to its buyer"),
    "cooperation.challenge.answered": _("A supplier answered a challenge"),
    "cooperation.challenge.answer_updated": _("A supplier changed an answer"),
    "cooperation.challenge.answer_file_removed": _(
        "A supplier removed the file of an answer"
    ),
    "cooperation.challenge.summary_published": _("Published a challenge's summary"),
    "cooperation.challenge.case_study_drafted": _(
        "Drafted a case study from a challenge"
    ),
    "communities.application.received": _("Received a task-force application"),
    "communities.application.accepted": _("Accepted a task-force application"),
    "communities.application.declined": _("Declined a task-force application"),
    "communities.application.asked": _("Asked an applicant a question"),
    "communities.application.answered": _("An applicant answered a question"),
    "communities.taskforce.exported": _("Exported the task-force members"),
    "cooperation.interest.expressed": _("A buyer expressed interest in a plan"),
    "cooperation.initiative.created": _("Started a joint-procurement initiative"),
    "cooperation.initiative.updated": _("Edited a joint-procurement initiative"),
    "cooperation.initiative.plan_added": _(
        "Added a plan to a joint-procurement initiative"
    ),
    "cooperation.initiative.plan_removed": _(
        "Removed a plan from a joint-procurement initiative"
    ),
    "communities.post.approved": _("Approved a waiting community post"),
    "communities.post.reported": _("Reported a community post"),
    "communities.post.hidden": _("Hid a community post"),
    "communities.post.reports_dismissed": _("Dismissed the reports on a post"),
    "communities.thread.locked": _("Locked a community thread"),
    "communities.thread.unlocked": _("Unlocked a community thread"),
    "communities.thread.pinned": _("Pinned a community thread"),
    "communities.thread.unpinned": _("Unpinned a community thread"),
    "communities.member.approved": _("Approved a request to join a community"),
    "communities.member.refused": _("Refused a request to join a community"),
    "communities.member.removed": _("Removed a community member"),
    "communities.member.banned": _("Banned a community member"),
    "communities.moderator.appointed": _("Appointed a community moderator"),
    "communities.moderator.demoted": _("Withdrew a community moderator"),
    "communities.community.created": _("Created a community"),
    "communities.community.updated": _("Edited a community"),
}

# The groups of actions the activity log filters by: `<app>.<model>`, the first
# two parts of an action. Apps add theirs next to their labels.
AUDIT_GROUPS = {
    "centres.centre": _("Centre profile"),
    "centres.membership": _("Team"),
    "centres.invitation": _("Invitations"),
    "knowledge.resource": _("Resources"),
    "knowledge.attachment": _("Attachments"),
    "translators.translator": _("Translators"),
    "network.onboarding": _("Onboarding"),
    "network.milestone": _("Onboarding milestones"),
    "network.milestone_definition": _("The network's onboarding milestones"),
    "advice.request": _("Advice requests"),
    "advice.settings": _("Advice desk settings"),
    "network.export": _("Reporting exports"),
    "cooperation.challenge": _("Challenges"),
    "communities.application": _("Task-force applications"),
    "communities.taskforce": _("Task-force members"),
    "cooperation.interest": _("Interest in buyers' plans"),
    "cooperation.initiative": _("Joint-procurement initiatives"),
    "communities.post": _("Community posts"),
    "communities.thread": _("Community threads"),
    "communities.member": _("Community members"),
    "communities.moderator": _("Community moderators"),
    "communities.community": _("Communities"),
}


def audit_group_of(action: str) -> str:
    """`knowledge.resource.created` → `knowledge.resource`."""
    return action.rsplit(".", 1)[0]


class AuditEntryQuerySet(models.QuerySet):
    def for_centre(self, centre):
        return self.filter(centre=centre)

    def of_action(self, code: str):
        """One action (`knowledge.resource.created`) or a group of them
        (`knowledge.resource`)."""
        if code in AUDIT_GROUPS:
            return self.filter(action__startswith=f"{code}.")
        return self.filter(action=code)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class AuditEntry(models.Model):
    """Who did what, when (dotted actions as in pretix).

    Centre-private when `centre` is set; entries without a centre record changes
    to the network as a whole (its partners, its funding line) and are shown only
    in the coordinator's network-wide log. `target` keeps the object's name as it
    was; `target_type`/`target_id` point at the object while it exists.
    """

    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        related_name="audit_entries",
        null=True,
        blank=True,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=80)
    target = models.CharField(max_length=255, blank=True)
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ScopedManager(
        centre="centre", _manager_class=models.Manager.from_queryset(AuditEntryQuerySet)
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(
                fields=["centre", "-created_at"], name="audit_centre_newest_idx"
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target}"

    @property
    def action_label(self) -> str:
        return str(AUDIT_LABELS.get(self.action, self.action))

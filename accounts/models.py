"""Users (sign-in by email), their profile, and the outbound e-mail queue."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from p2i_portal.models import TimeStampedModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, is_coordinator=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person; identified by e-mail. The coordinator runs the network."""

    class ProfileRole(models.TextChoices):
        PROCURER = "procurer", _("Public procurer")
        SUPPLIER = "supplier", _("Supplier")
        RESEARCHER = "researcher", _("Researcher")
        OTHER = "other", _("Other")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    profile_role = models.CharField(
        _("I am a"),
        max_length=20,
        choices=ProfileRole.choices,
        default=ProfileRole.PROCURER,
    )
    # Set to the language of the page where the account was created; empty for
    # accounts made elsewhere (the admin, invitations), which then get English.
    language = models.CharField(
        _("language of your e-mails"),
        max_length=7,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The portal writes to you in this language."),
    )
    # Notification kinds (accounts.notifications.Kind values) this person does
    # not want by e-mail. Stored as what is off, so that every kind, including
    # one added later, is on until she turns it off. No choices on purpose:
    # adding a kind needs no migration; the profile form validates.
    notifications_off = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("notifications turned off"),
        default=list,
        blank=True,
    )
    is_coordinator = models.BooleanField(
        _("network coordinator"),
        default=False,
        help_text=_("Runs the network: all centres, moderation, the Django admin."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")),
                name="user_email_lowercase",
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name.split(" ")[0] if self.full_name else "") or self.email

    # --- Privileges and two-factor sign-in -----------------------------------
    # Whoever must use two-factor sign-in (the coordinator, superusers, the manager
    # of any centre) has no privilege at all until it is on: every source of "what
    # may this user do as staff" (Centre.objects.workspaces_for, Centre.role_of,
    # acts_as_coordinator, has_perm) treats the account as a plain procurer.
    # The answers are remembered on this instance, which lives for one request.

    def centre_roles(self) -> dict[int, str]:
        """{centre id: role} of this user's memberships, ignoring two-factor."""
        if not hasattr(self, "_centre_roles"):
            from centres.models import Membership

            self._centre_roles = {
                m.centre_id: m.role for m in Membership.objects.unscoped_for_user(self)
            }
        return self._centre_roles

    def has_totp(self) -> bool:
        if not hasattr(self, "_has_totp"):
            from allauth.mfa.models import Authenticator

            self._has_totp = Authenticator.objects.filter(
                user=self, type=Authenticator.Type.TOTP
            ).exists()
        return self._has_totp

    def translation_languages(self) -> set[str]:
        """The languages the coordinator named this user translator of."""
        if not hasattr(self, "_translation_languages"):
            from translators.models import Translator

            self._translation_languages = set(
                Translator.objects.for_user(self).values_list("language", flat=True)
            )
        return self._translation_languages

    @property
    def requires_mfa(self) -> bool:
        """The coordinator, superusers, any centre's manager and translators (who
        change text every page shows) need two-factor."""
        if self.is_coordinator or self.is_superuser:
            return True
        if "manager" in self.centre_roles().values():
            return True
        return bool(self.translation_languages())

    @property
    def privileges_locked(self) -> bool:
        """Must use two-factor sign-in but has not turned it on."""
        return self.requires_mfa and not self.has_totp()

    @property
    def acts_as_coordinator(self) -> bool:
        """The coordinator's powers: the flag, an active account and two-factor on."""
        return self.is_active and self.is_coordinator and not self.privileges_locked

    def forget_privileges(self) -> None:
        """Drop what this instance remembers after its memberships or 2FA change."""
        for name in ("_centre_roles", "_has_totp", "_translation_languages"):
            self.__dict__.pop(name, None)

    # The coordinator acts everywhere, the Django admin included.
    def has_perm(self, perm, obj=None):
        if self.is_active and self.privileges_locked:
            return False
        if self.acts_as_coordinator:
            return True
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if self.is_active and self.privileges_locked:
            return False
        if self.acts_as_coordinator:
            return True
        return super().has_module_perms(app_label)

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        # The Django admin belongs to the coordinator alone.
        self.is_staff = self.is_coordinator or self.is_superuser
        super().save(*args, **kwargs)


class OutboundEmailQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=OutboundEmail.Status.QUEUED)

    def stale_claims(self, older_than):
        return self.filter(
            status=OutboundEmail.Status.SENDING, claimed_at__lt=older_than
        )


class OutboundEmail(TimeStampedModel):
    """One transactional e-mail. The row is the truth; Celery only delivers it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    template = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    # [{filename, mimetype, content (base64)}], attached when the mail is sent.
    attachments = models.JSONField(default=list, blank=True)
    # Set when a mail must exist at most once (e.g. "the reminder for registration
    # 42"): queueing it again finds the row instead of creating a second one.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="outboundemail_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.status})"

    def mark_sent(self):
        self.status = self.Status.SENT
        self.sent_at = timezone.now()


class ApiToken(models.Model):
    """A user's personal API token. Only its SHA-256 is stored: the key itself is
    shown once, on the page that creates it (accounts.services.api_token_create)."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="api_token"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("API token")

    def __str__(self):
        return f"API token of {self.user}"

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

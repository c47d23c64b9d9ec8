"""Events of the network and the task force, and the people registered for them."""

import uuid
import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_scopes import ScopedManager

from centres.models import ROLE_RANK, Centre, CentreOwnedQuerySet, Role
from knowledge.models import is_network_staff
from p2i_portal.models import SignedLinkMixin, TimeStampedModel
from p2i_portal.vocab import Language, Sector


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(value: str) -> None:
    """An IANA time-zone name such as Europe/Brussels."""
    if value not in _zone_names():
        raise ValidationError(
            _("“%(value)s” is not a known time zone (e.g. Europe/Brussels)."),
            code="invalid_timezone",
            params={"value": value},
        )


EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
DATE_FIELDS = (
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
)


def date_range_message() -> str:
    return _("Give a date between the years %(first)d and %(last)d.") % {
        "first": EARLIEST_YEAR,
        "last": LATEST_YEAR,
    }


def validate_event_date(value) -> None:
    """A date within 2000–2100: outside it, a year was mistyped ("9" for 2029)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(date_range_message(), code="date_out_of_range")


class Audience(models.TextChoices):
    PROCURERS = "procurers", _("Public procurers")
    SUPPLIERS = "suppliers", _("Suppliers")
    CENTRE_STAFF = "centre_staff", _("Centre staff")
    POLICY_MAKERS = "policy_makers", _("Policy makers")


class EventQuerySet(CentreOwnedQuerySet):
    def announced(self):
        """Published events and cancelled ones (shown as cancelled, so that people
        who planned to come find out), whatever their visibility."""
        return self.filter(
            status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
            published_at__isnull=False,
        )

    def public(self):
        """What anyone may see: announced and public. Every public channel (the
        calendar, its iCalendar feeds, the sitemap, the home page, newsletters
        and digests) starts from here, so network-only events stay out of them."""
        return self.announced().filter(visibility=Event.Visibility.PUBLIC)

    def network_only(self):
        return self.filter(visibility=Event.Visibility.NETWORK)

    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def for_centre(self, centre):
        """Events `centre` organises, alone or jointly."""
        return self.filter(
            pk__in=EventOrganiser.objects.filter(centre=centre).values("event_id")
        )

    def writable_by(self, user):
        """THE way to get the events `user` may change: every event one of their
        workspaces organises (joint events included); the coordinator: all."""
        workspaces = Centre.objects.workspaces_for(user)
        return self.filter(
            pk__in=EventOrganiser.objects.filter(centre__in=workspaces).values(
                "event_id"
            )
        )

    def listed_for(self, user):
        """What the calendar and the API list show `user`: announced and public —
        or network-only too when the user is centre staff or the coordinator
        (with their two-factor sign-in in order), as Resource.objects.listed_for."""
        if is_network_staff(user):
            return self.announced()
        return self.public()

    def visible_to(self, user):
        """What `user` may open: what is listed for them, plus every state of the
        events their centres organise (the coordinator: everything)."""
        if getattr(user, "is_authenticated", False) and user.acts_as_coordinator:
            return self.all()
        listed = Q(pk__in=self.listed_for(user).values("pk"))
        if not getattr(user, "is_authenticated", False):
            return self.filter(listed)
        return self.filter(
            listed | Q(pk__in=Event.objects.writable_by(user).values("pk"))
        )


class Event(TimeStampedModel):
    """A workshop, webinar, training, conference, meeting or visit.

    `centre` is the lead organiser (who created it); `organisers` lists every
    organiser, the lead included. Staff of any organiser may edit the event.
    """

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        KNOWLEDGE_EXCHANGE = "knowledge_exchange", _("Knowledge-exchange meeting")
        BUDDY_VISIT = "buddy_visit", _("Buddy visit")
        NETWORKING = "networking", _("Networking")

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        NETWORK = "network", _("Network only (signed-in centre staff)")

    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("lead organiser"),
    )
    organisers = models.ManyToManyField(
        Centre,
        through="EventOrganiser",
        related_name="organised_events",
        verbose_name=_("organisers"),
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.ONLINE
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("Shown only to confirmed attendees and in their e-mails."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_timezone],
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.EN
    )
    audience = ArrayField(
        models.CharField(max_length=20, choices=Audience.choices),
        verbose_name=_("audience"),
        default=list,
        blank=True,
    )
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("sectors"),
        default=list,
        blank=True,
    )
    topics = ArrayField(
        models.CharField(max_length=50),
        verbose_name=_("topics"),
        default=list,
        blank=True,
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True
    )
    questions = models.JSONField(
        _("registration questions"),
        default=list,
        blank=True,
        help_text=_("A list of {id, label, required}."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_note = models.TextField(_("reason for cancelling"), blank=True)
    # iCalendar SEQUENCE: goes up with every change calendars should pick up.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    slides_url = models.URLField(_("slides"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    resources = models.ManyToManyField(
        "knowledge.Resource",
        blank=True,
        related_name="events",
        verbose_name=_("knowledge-base resources"),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    # Knowledge-exchange meetings only: what was discussed and the papers that
    # came out of it (a relation of its own: `resources` are reading material).
    minutes = models.TextField(_("minutes (Markdown)"), blank=True)
    minutes_html = models.TextField(editable=False, blank=True)
    papers = models.ManyToManyField(
        "knowledge.Resource",
        blank=True,
        related_name="produced_at",
        verbose_name=_("papers produced"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="event_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind="knowledge_exchange") | Q(minutes=""),
                name="event_minutes_only_for_meetings",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_listing_idx"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for name in DATE_FIELDS:
            try:
                validate_event_date(getattr(self, name))
            except ValidationError as exc:
                errors[name] = exc.messages
        if errors:
            raise ValidationError(errors)
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _(
                "Registration must close after it opens."
            )
        if self.format in (self.Format.IN_PERSON, self.Format.HYBRID) and not (
            self.venue or self.city
        ):
            errors["venue"] = _("Say where an in-person or hybrid event takes place.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    # --- time ---------------------------------------------------------------

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def starts_local(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def ends_local(self):
        return self.ends_at.astimezone(self.zone)

    def when_display(self) -> str:
        """The event's time in its own zone, in the active language:
        'Tuesday 3 March 2026, 10:00–12:00 (Europe/Brussels)' in English,
        'Dienstag, 3. März 2026, 10:00–12:00 (Europe/Brussels)' in German."""
        start, end = self.starts_local, self.ends_local
        if self.is_multi_day:
            text = (
                f"{formats.date_format(start, 'WEEKDAY_DATETIME_FORMAT')} – "
                f"{formats.date_format(end, 'WEEKDAY_DATETIME_FORMAT')}"
            )
        else:
            text = (
                f"{formats.date_format(start, 'WEEKDAY_DATETIME_FORMAT')}–"
                f"{formats.time_format(end, 'TIME_FORMAT')}"
            )
        return f"{text} ({self.timezone})"

    @property
    def is_network_only(self) -> bool:
        return self.visibility == self.Visibility.NETWORK

    @property
    def is_knowledge_exchange(self) -> bool:
        return self.kind == self.Kind.KNOWLEDGE_EXCHANGE

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_multi_day(self) -> bool:
        return self.starts_local.date() != self.ends_local.date()

    # --- registration -------------------------------------------------------

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def registration_state(self, now=None) -> str:
        """'open', or why one cannot register: 'draft', 'cancelled', 'past',
        'not_yet', 'closed'."""
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return "draft"
        if self.status == self.Status.CANCELLED:
            return "cancelled"
        if self.starts_at <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"

    @property
    def has_place(self) -> bool:
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def location_text(self) -> str:
        parts = [self.venue, self.address, self.city, str(self.country.name or "")]
        place = ", ".join(p for p in parts if p)
        if self.format == self.Format.ONLINE:
            return str(_("Online"))
        if self.format == self.Format.HYBRID:
            return f"{place} · {_('and online')}" if place else str(_("Hybrid"))
        return place

    def get_kind_label(self):
        return self.get_kind_display()

    def get_sectors_display(self):
        labels = dict(Sector.choices)
        return [labels.get(s, s) for s in self.sectors]

    def get_audience_display(self):
        labels = dict(Audience.choices)
        return [labels.get(a, a) for a in self.audience]

    # --- permissions ----------------------------------------------------------

    def role_of(self, user) -> str | None:
        """The user's highest role among the organisers (coordinator: manager)."""
        if not getattr(user, "is_authenticated", False):
            return None
        if user.acts_as_coordinator:
            return Role.MANAGER
        best = None
        for centre in self.organisers.all():
            role = centre.role_of(user)
            if ROLE_RANK[role] > ROLE_RANK[best]:
                best = role
        return best

    def get_abilities(self, user) -> dict[str, bool]:
        role = self.role_of(user)
        is_staff = role is not None
        is_manager = role == Role.MANAGER
        signed_in = getattr(user, "is_authenticated", False)
        announced = self.status != self.Status.DRAFT and self.published_at is not None
        # A network-only event is for the staff of every centre: nobody else
        # sees it, nor registers for it.
        audience_ok = not self.is_network_only or is_network_staff(user)
        return {
            "retrieve": (announced and audience_ok) or is_staff,
            "update": is_staff and self.status != self.Status.CANCELLED,
            "partial_update": is_staff and self.status != self.Status.CANCELLED,
            "publish": is_manager and self.status == self.Status.DRAFT,
            "cancel": is_manager and self.status == self.Status.PUBLISHED,
            "destroy": is_manager and self.status == self.Status.DRAFT,
            "attendees": is_staff,
            "register": bool(signed_in)
            and audience_ok
            and self.registration_state() == "open",
            "cancel_registration": bool(signed_in),
        }


class EventOrganiser(models.Model):
    """One organiser of an event (network-shared, like the event)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE)
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "centre"], name="uniq_event_organiser"
            ),
        ]

    def __str__(self):
        return f"{self.centre} → {self.event}"


class OrganiserInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=OrganiserInvitation.State.INVITED)

    def for_centre(self, centre):
        """THE way a workspace reaches invitations: those addressed to `centre`."""
        return self.filter(centre=centre)


class OrganiserInvitation(TimeStampedModel):
    """A centre named co-organiser of an event, and its answer.

    Naming a centre does not make it an organiser: its managers are asked, and
    only when one accepts is the EventOrganiser link made, which gives its staff
    their rights on the event and puts its name on it. The rights and the
    attendees' scope follow that link alone, so a pending or declined centre
    has none of them.
    """

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="organiser_invitations"
    )
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="event_invitations"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = OrganiserInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "centre"], name="uniq_organiser_invitation"
            ),
            models.CheckConstraint(
                condition=Q(state="invited") | Q(answered_at__isnull=False),
                name="organiser_invitation_answered_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.centre} → {self.event} ({self.state})"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.INVITED


class RegistrationQuerySet(models.QuerySet):
    ACTIVE = ("pending", "confirmed", "waitlisted")

    def active(self):
        return self.filter(status__in=self.ACTIVE)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)

    def pending(self):
        return self.filter(status=Registration.Status.PENDING)

    def waitlist_order(self):
        return self.waitlisted().order_by("waitlisted_at", "pk")


class Registration(SignedLinkMixin, TimeStampedModel):
    """Centre-private: one person registered for one event.

    Scoped by the event's organisers, so that every co-organiser's workspace sees
    the attendees and no other workspace does.
    """

    LINK_SALT = "events.registration"

    CONFIRM_WITHIN_HOURS = 48

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired (never confirmed)")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The language of the page she registered on: her mails are written in it
    # when she has no account (or her account names no language).
    language = models.CharField(max_length=7, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = ScopedManager(
        centre="event__organisers",
        _manager_class=models.Manager.from_queryset(RegistrationQuerySet),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Registering twice is impossible, whatever the race.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["pending", "confirmed", "waitlisted"]),
                name="uniq_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False),
                name="registration_confirmed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="registration_waitlisted_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="registration_status_idx"),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}> – {self.event_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in RegistrationQuerySet.ACTIVE

    @staticmethod
    def unsign_legacy(token: str, purpose: str) -> dict:
        """The payload of a link in the older format, which carried the address
        readably; raises signing.BadSignature if tampered with."""
        return signing.loads(token, salt=f"events.registration.{purpose}")

    def manage_url(self) -> str:
        return reverse("events:registration", kwargs={"token": self.token("manage")})

    def confirm_url(self) -> str:
        return reverse(
            "events:registration-confirm", kwargs={"token": self.token("confirm")}
        )


class AttendeeMessage(TimeStampedModel):
    """Centre-private: a message the organisers sent to the attendees."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="attendee_messages"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    include_waitlist = models.BooleanField(
        _("also send to the waiting list"), default=False
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recipients = models.PositiveIntegerField(default=0)

    objects = ScopedManager(centre="event__organisers")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

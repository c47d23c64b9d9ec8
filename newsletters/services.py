"""Writes for newsletters: subscriptions and consent, preferences, issues and
sections, fan-out of deliveries, digests and bounces. Callers have checked the
permission named in each docstring; none of these sends mail in the request."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.services import email_queue_template
from centres.models import Centre
from centres.services import audit_log
from p2i_portal.mail import recipient_language

from . import rendering
from .models import (
    CONSENT_HASH,
    CONSENT_VERSION,
    BounceEvent,
    ConfirmationToken,
    Delivery,
    Digest,
    Issue,
    Section,
    SectionTranslation,
    Subscriber,
    Suppression,
    token_hash,
)
from .notifications import section_notify_on_commit

FAN_OUT_CHUNK = 5000
SOFT_BOUNCE_LIMIT = 3
PREFERENCE_FIELDS = [
    "name",
    "wants_newsletter",
    "digest_frequency",
    "sectors",
    "approaches",
    "language",
    "country",
]


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


# --- Subscribing (double opt-in) ---
def _send_confirmation(subscriber: Subscriber) -> None:
    token, hashed = ConfirmationToken.new_token()
    ConfirmationToken.objects.create(
        subscriber=subscriber,
        token_hash=hashed,
        expires_at=timezone.now() + ConfirmationToken.VALID_FOR,
    )
    with recipient_language(subscriber.language) as language:
        link = rendering.absolute(
            reverse("newsletters:confirm", kwargs={"token": token})
        )
        email_queue_template(
            to=subscriber.email,
            name="newsletter-confirm",
            context={
                "link": link,
                "hours": int(ConfirmationToken.VALID_FOR.total_seconds() // 3600),
                "subscriber": subscriber,
            },
            language=language,
        )


def _record_consent(subscriber, *, ip, user_agent) -> None:
    subscriber.consent_at = timezone.now()
    subscriber.consent_ip = ip or None
    subscriber.consent_user_agent = (user_agent or "")[:400]
    subscriber.consent_version = CONSENT_VERSION
    subscriber.consent_hash = CONSENT_HASH


@transaction.atomic
def subscriber_subscribe(
    *,
    email: str,
    ip: str | None,
    user_agent: str,
    language: str = "en",
    wants_newsletter: bool = True,
    digest_frequency: str = Subscriber.Frequency.NONE,
    name: str = "",
    send_mail: bool = True,
) -> None:
    """Start a double opt-in. Returns nothing, on purpose: the caller answers the
    same whether the address was new, pending, confirmed or unsubscribed.

    - new or pending: a confirmation link (72 h, single use) is mailed;
    - unsubscribed: the choices are kept aside until the new link is followed;
    - already confirmed: a note with the preference-centre link is mailed instead.
    `send_mail=False` lets the caller's per-address rate limit stop repeat mail.
    """
    email = normalise_email(email)
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber(
            email=email,
            language=language,
            wants_newsletter=wants_newsletter,
            digest_frequency=digest_frequency,
            name=name[:150],
        )
        _record_consent(subscriber, ip=ip, user_agent=user_agent)
        subscriber.full_clean()
        subscriber.save()
    elif subscriber.status == Subscriber.Status.CONFIRMED:
        if send_mail:
            # Her confirmed subscription names her language, whatever this page's.
            with recipient_language(subscriber.language) as mail_lang:
                email_queue_template(
                    to=subscriber.email,
                    name="newsletter-known",
                    context={
                        "preferences_url": rendering.preferences_url(
                            rendering.subscriber_token(subscriber)
                        )
                    },
                    language=mail_lang,
                )
        return
    else:
        # Pending or unsubscribed: the new choices count once the link is followed.
        subscriber.language = language
        subscriber.wants_newsletter = wants_newsletter
        subscriber.digest_frequency = digest_frequency
        if name:
            subscriber.name = name[:150]
        _record_consent(subscriber, ip=ip, user_agent=user_agent)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.PENDING
        subscriber.save()
    if send_mail:
        _send_confirmation(subscriber)


@transaction.atomic
def subscriber_confirm(*, token: str) -> Subscriber | None:
    """Follow a confirmation link: single use, 72 h. None (and no change) if the
    token is unknown, used or expired."""
    row = (
        ConfirmationToken.objects.select_for_update()
        .select_related("subscriber")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if row is None or not row.is_usable:
        return None
    row.used_at = timezone.now()
    row.save(update_fields=["used_at"])
    subscriber = row.subscriber
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(
        update_fields=["status", "confirmed_at", "unsubscribed_at", "updated_at"]
    )
    # Other open links of this address are spent too.
    ConfirmationToken.objects.filter(
        subscriber=subscriber, used_at__isnull=True
    ).update(used_at=timezone.now())
    return subscriber


@transaction.atomic
def subscriber_subscribe_user(*, user, ip: str | None, user_agent: str) -> Subscriber:
    """One-click subscription for a signed-in user whose address allauth has
    verified (that verification is the opt-in). Caller: the user themself."""
    from allauth.account.models import EmailAddress

    email = normalise_email(user.email)
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=email, verified=True
    ).exists()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber(email=email, language=user_language(user))
    subscriber.user = user
    subscriber.name = subscriber.name or user.full_name[:150]
    if user.country and not subscriber.country:
        subscriber.country = user.country
    subscriber.wants_newsletter = True
    if subscriber.status != Subscriber.Status.CONFIRMED:
        _record_consent(subscriber, ip=ip, user_agent=user_agent)
        if verified:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None
    subscriber.full_clean()
    subscriber.save()
    if subscriber.status != Subscriber.Status.CONFIRMED:
        _send_confirmation(subscriber)
    return subscriber


def user_language(user) -> str:
    """The language of a signed-in user's subscription: her account's, else the
    page's."""
    from django.utils.translation import get_language

    code = (getattr(user, "language", "") or get_language() or "en")[:2]
    return (
        code if code in dict(Subscriber._meta.get_field("language").choices) else "en"
    )


def subscriber_for_user(user) -> Subscriber | None:
    return (
        Subscriber.objects.filter(Q(user=user) | Q(email=normalise_email(user.email)))
        .order_by("-user_id")
        .first()
    )


@transaction.atomic
def subscriber_preferences_update(
    *, subscriber: Subscriber, data: dict, centres=None, ip=None, user_agent=""
) -> Subscriber:
    """Save the preference centre. Caller holds a valid signed token (or is the
    signed-in owner). Leaving every list is the same as unsubscribing; choosing
    a list again after that re-subscribes (the signed link proves the mailbox)
    and records the consent anew."""
    changed = [f for f in PREFERENCE_FIELDS if f in data]
    for field in changed:
        setattr(subscriber, field, data[field])
    wants_any = (
        subscriber.wants_newsletter
        or subscriber.digest_frequency != Subscriber.Frequency.NONE
    )
    if subscriber.status == Subscriber.Status.CONFIRMED and not wants_any:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        changed += ["status", "unsubscribed_at"]
    elif subscriber.status == Subscriber.Status.UNSUBSCRIBED and wants_any:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.unsubscribed_at = None
        _record_consent(subscriber, ip=ip, user_agent=user_agent)
        changed += [
            "status",
            "unsubscribed_at",
            "consent_at",
            "consent_ip",
            "consent_user_agent",
            "consent_version",
            "consent_hash",
        ]
    subscriber.full_clean()
    subscriber.save(update_fields=[*changed, "updated_at"])
    if centres is not None:
        subscriber.centres.set(centres)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, list_name: str) -> Subscriber:
    """Leave one list ("newsletter" or "digest") or all ("all"); the others stay.
    Safe to repeat. Caller holds a valid signed token."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if list_name in ("newsletter", "all"):
        subscriber.wants_newsletter = False
    if list_name in ("digest", "all"):
        subscriber.digest_frequency = Subscriber.Frequency.NONE
    fields = ["wants_newsletter", "digest_frequency", "updated_at"]
    if (
        not subscriber.wants_newsletter
        and subscriber.digest_frequency == Subscriber.Frequency.NONE
        and subscriber.status != Subscriber.Status.UNSUBSCRIBED
    ):
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        fields += ["status", "unsubscribed_at"]
    subscriber.save(update_fields=fields)
    return subscriber


# --- Bounces and complaints ---
@transaction.atomic
def bounce_record(*, email: str, kind: str, source: str, detail: str = "") -> bool:
    """Record a bounce or complaint. A hard bounce or a complaint suppresses the
    address at once (claims check the list, so before the next send); soft bounces
    add to a score and suppress at SOFT_BOUNCE_LIMIT. Returns whether the address
    is suppressed now. Caller: the authenticated webhook or the mailbox command."""
    email = normalise_email(email)
    if not email or kind not in BounceEvent.Kind.values:
        return False
    BounceEvent.objects.create(
        email=email, kind=kind, source=source, detail=detail[:2000]
    )
    reason = None
    if kind == BounceEvent.Kind.HARD:
        reason = Suppression.Reason.HARD_BOUNCE
    elif kind == BounceEvent.Kind.COMPLAINT:
        reason = Suppression.Reason.COMPLAINT
    else:
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        score = 1
        if subscriber is not None:
            subscriber.bounce_score += 1
            subscriber.save(update_fields=["bounce_score", "updated_at"])
            score = subscriber.bounce_score
        if score >= SOFT_BOUNCE_LIMIT:
            reason = Suppression.Reason.SOFT_BOUNCES
    if reason is None:
        return Suppression.objects.filter(email=email).exists()
    Suppression.objects.get_or_create(
        email=email, defaults={"reason": reason, "detail": detail[:2000]}
    )
    if kind == BounceEvent.Kind.COMPLAINT:
        # A complaint is an unsubscribe from everything.
        subscriber = Subscriber.objects.filter(email=email).first()
        if subscriber is not None:
            subscriber_unsubscribe(subscriber=subscriber, list_name="all")
    return True


# --- Issues and sections ---
def _unique_slug(subject: str, exclude_pk=None) -> str:
    base = slugify(subject)[:60] or "issue"
    slug, n = base, 2
    qs = Issue.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


ISSUE_FIELDS = [
    "subject",
    "preheader",
    "intro",
    "contributions_open",
    "contribution_deadline",
    "audience_languages",
    "audience_countries",
    "audience_sectors",
    "audience_approaches",
]


@transaction.atomic
def issue_create(*, by, data: dict) -> Issue:
    """A new draft issue. Caller is a composer (coordinator)."""
    issue = Issue(created_by=by, **{f: data[f] for f in ISSUE_FIELDS if f in data})
    issue.slug = _unique_slug(issue.subject)
    issue.full_clean()
    issue.save()
    return issue


def _require_editable(issue: Issue) -> None:
    if not issue.is_editable:
        raise ValidationError(_("This issue is being sent or was sent already."))


@transaction.atomic
def issue_update(*, issue: Issue, by, data: dict) -> Issue:
    """Edit a draft or scheduled issue. Caller is a composer."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _require_editable(issue)
    for field in ISSUE_FIELDS:
        if field in data:
            setattr(issue, field, data[field])
    issue.full_clean()
    issue.save()
    return issue


@transaction.atomic
def issue_schedule(*, issue: Issue, by, when: datetime) -> Issue:
    """Schedule for `when` (beat starts due issues each minute; no long ETAs)."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _require_editable(issue)
    if when <= timezone.now():
        raise ValidationError(_("Choose a time in the future."))
    issue.status, issue.scheduled_at = Issue.Status.SCHEDULED, when
    issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return issue


@transaction.atomic
def issue_unschedule(*, issue: Issue, by) -> Issue:
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != Issue.Status.SCHEDULED:
        raise ValidationError(_("This issue is not scheduled."))
    issue.status, issue.scheduled_at = Issue.Status.DRAFT, None
    issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return issue


def issue_audience(issue: Issue):
    """Confirmed joint-newsletter subscribers, narrowed as the issue says."""
    qs = Subscriber.objects.newsletter_audience()
    if issue.audience_languages:
        qs = qs.filter(language__in=issue.audience_languages)
    if issue.audience_countries:
        qs = qs.filter(country__in=issue.audience_countries)
    topics = Q()
    if issue.audience_sectors:
        topics |= Q(sectors__overlap=issue.audience_sectors)
    if issue.audience_approaches:
        topics |= Q(approaches__overlap=issue.audience_approaches)
    if topics:
        qs = qs.filter(topics)
    return qs


@transaction.atomic
def issue_start(*, issue: Issue, by=None) -> Issue:
    """Start sending now: the issue becomes SENDING and the fan-out task is rung
    once this transaction commits. Safe to repeat: an issue already sending or
    sent is returned unchanged. Caller is a composer (or the beat task)."""
    from .tasks import issue_fan_out

    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        return issue
    with scopes_disabled():
        if not Section.objects.filter(issue=issue).accepted().exists() and not (
            issue.intro.strip()
        ):
            raise ValidationError(_("An empty issue cannot be sent."))
    issue.status = Issue.Status.SENDING
    issue.sending_started_at = timezone.now()
    issue.save(update_fields=["status", "sending_started_at", "updated_at"])
    transaction.on_commit(lambda: issue_fan_out.delay(issue.pk), robust=True)
    return issue


def issue_queue(*, issue: Issue) -> int:
    """Fan-out: one QUEUED Delivery per audience member. `bulk_create(...,
    ignore_conflicts=True)` under the (issue, subscriber) constraint makes a second
    run create nothing. Returns the number of rows the issue has. The caller rings
    the senders after commit."""
    last_pk = 0
    audience = issue_audience(issue).order_by("pk")
    while True:
        with transaction.atomic():
            ids = list(
                audience.filter(pk__gt=last_pk).values_list("pk", flat=True)[
                    :FAN_OUT_CHUNK
                ]
            )
            if not ids:
                break
            Delivery.objects.bulk_create(
                [Delivery(issue_id=issue.pk, subscriber_id=pk) for pk in ids],
                ignore_conflicts=True,
                batch_size=FAN_OUT_CHUNK,
            )
        last_pk = ids[-1]
    count = Delivery.objects.filter(issue_id=issue.pk).count()
    now = timezone.now()
    Issue.objects.filter(pk=issue.pk).update(recipient_count=count, heartbeat_at=now)
    # Fan-out complete: from now on "nothing queued" means "finished".
    Issue.objects.filter(pk=issue.pk, queued_at__isnull=True).update(queued_at=now)
    return count


def section_centre_check(section: Section, centre: Centre | None) -> None:
    if section.centre_id != (centre.pk if centre else None):
        raise ValidationError(_("This section belongs to someone else."))


SECTION_FIELDS = ["title", "body", "position"]


@transaction.atomic
def section_create(
    *, issue: Issue, centre: Centre | None, by, data: dict, resources=(), events=()
) -> Section:
    """A section: a centre's contribution (draft) or, with centre=None, the
    coordinator's own (accepted at once). Caller: an editor of `centre` (issue
    open for contributions) or a composer."""
    if centre is not None and not (issue.contributions_open and issue.is_editable):
        raise ValidationError(_("This issue takes no more contributions."))
    _require_editable(issue)
    section = Section(
        issue=issue,
        centre=centre,
        created_by=by,
        status=Section.Status.DRAFT if centre else Section.Status.ACCEPTED,
        **{f: data[f] for f in SECTION_FIELDS if f in data},
    )
    section.full_clean()
    with scopes_disabled():
        section.save()
        section.resources.set(resources)
        section.events.set(events)
    if centre is not None:
        audit_log(
            centre=centre,
            action="newsletters.section.created",
            by=by,
            target=section.title,
            obj=section,
        )
    return section


@transaction.atomic
def section_update(
    *, section: Section, by, data: dict, resources=None, events=None
) -> Section:
    """Edit a section. Centres edit drafts and returned ones; composers any
    section of an editable issue."""
    _require_editable(section.issue)
    for field in SECTION_FIELDS:
        if field in data:
            setattr(section, field, data[field])
    section.full_clean()
    with scopes_disabled():
        section.save()
        if resources is not None:
            section.resources.set(resources)
        if events is not None:
            section.events.set(events)
    _issue_touch(section.issue_id)
    return section


def _issue_touch(issue_id: int) -> None:
    # An issue's rendering is cached per `updated_at` (rendering._issue_parts):
    # a changed section or translation must show in the next preview and send.
    Issue.objects.filter(pk=issue_id).update(updated_at=timezone.now())


@transaction.atomic
def section_translation_save(
    *, section: Section, language: str, by, title: str, body: str
) -> SectionTranslation | None:
    """Write the `language` version of `section`, or remove it when both the
    title and the text are empty (returns None then). Subscribers who read
    `language` get it instead of the section as written.

    Refuses with a ValidationError, changing nothing, when the issue is no
    longer editable, the language is not one the portal writes mail in besides
    English, or the text has no title. Caller is a composer."""
    _require_editable(section.issue)
    languages = dict(settings.LANGUAGES)
    if language == settings.LANGUAGE_CODE or language not in languages:
        raise ValidationError(_("Choose another language than English."))
    title, body = (title or "").strip(), (body or "").strip()
    existing = SectionTranslation.objects.filter(section=section, language=language)
    if not title and not body:
        existing.delete()
        _issue_touch(section.issue_id)
        return None
    if not title:
        raise ValidationError(_("Give the translated title as well."))
    translation = existing.first() or SectionTranslation(
        section=section, language=language
    )
    translation.title, translation.body = title, body
    translation.full_clean()
    translation.save()
    _issue_touch(section.issue_id)
    return translation


@transaction.atomic
def section_submit(*, section: Section, by) -> Section:
    """The centre hands its section to the coordinator. Caller: centre editor."""
    if not section.is_editable_by_centre or section.centre_id is None:
        raise ValidationError(_("Only drafts and returned sections can be submitted."))
    _require_editable(section.issue)
    section.status = Section.Status.SUBMITTED
    with scopes_disabled():
        section.save(update_fields=["status", "updated_at"])
    audit_log(
        centre=section.centre,
        action="newsletters.section.submitted",
        by=by,
        target=section.title,
        obj=section,
    )
    return section


@transaction.atomic
def section_review(*, section: Section, by, accept: bool, comment: str = "") -> Section:
    """The coordinator accepts a submitted section, or returns it with a comment
    (required). Caller is a composer."""
    _require_editable(section.issue)
    if section.status != Section.Status.SUBMITTED:
        raise ValidationError(_("Only submitted sections can be reviewed."))
    if not accept and not comment.strip():
        raise ValidationError(_("Say what the centre should change."))
    section.status = Section.Status.ACCEPTED if accept else Section.Status.RETURNED
    section.review_comment = "" if accept else comment.strip()
    with scopes_disabled():
        section.save(update_fields=["status", "review_comment", "updated_at"])
    entry = audit_log(
        centre=section.centre,
        action="newsletters.section.accepted"
        if accept
        else "newsletters.section.returned",
        by=by,
        target=section.title,
        obj=section,
    )
    # Its writer hears of it by e-mail once this commits.
    section_notify_on_commit(section=section, entry=entry)
    return section


@transaction.atomic
def section_remove(*, section: Section, by) -> None:
    """Take a section out of the issue (composer) or delete a draft (centre)."""
    _require_editable(section.issue)
    with scopes_disabled():
        section.delete()


# --- Digests ---
def digest_period(frequency: str, now: datetime) -> str:
    local = timezone.localtime(now)
    if frequency == Subscriber.Frequency.WEEKLY:
        year, week, _day = local.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{local.year}-{local.month:02d}"


DIGEST_LOOKBACK = {
    Subscriber.Frequency.WEEKLY: timedelta(days=7),
    Subscriber.Frequency.MONTHLY: timedelta(days=31),
}
DIGEST_MAX_ITEMS = 30


def digest_get_or_create(*, frequency: str, now: datetime | None = None) -> Digest:
    now = now or timezone.now()
    digest, _created = Digest.objects.get_or_create(
        frequency=frequency, period=digest_period(frequency, now)
    )
    return digest


def digest_content(subscriber: Subscriber, *, since, until) -> dict:
    """What is new for `subscriber` between `since` and `until`: public resources
    published and events announced, filtered by topics, centres and language
    (their language, and English, the network's common one). Empty filters mean
    everything."""
    from knowledge.models import Resource

    centres = [c.pk for c in subscriber.centres.all()]
    languages = sorted({subscriber.language, "en"})
    topics = Q()
    if subscriber.sectors:
        topics |= Q(sectors__overlap=subscriber.sectors)
    if subscriber.approaches:
        topics |= Q(approaches__overlap=subscriber.approaches)
    resources = Resource.objects.public().filter(
        published_at__gt=since, published_at__lte=until, language__in=languages
    )
    if topics:
        resources = resources.filter(topics)
    if centres:
        resources = resources.filter(centre_id__in=centres)
    content = {
        "resources": list(
            resources.order_by("-published_at").values_list("pk", flat=True)[
                :DIGEST_MAX_ITEMS
            ]
        ),
        "events": _digest_event_ids(
            subscriber, since=since, until=until, centres=centres, languages=languages
        ),
    }
    return content


def _digest_event_ids(subscriber, *, since, until, centres, languages) -> list[int]:
    """Published, still upcoming public events announced (published) in the
    window: never a network-only one."""
    from events.models import Event

    events = (
        Event.objects.public()
        .published()
        .upcoming(until)
        .filter(published_at__gt=since, published_at__lte=until)
    )
    if languages:
        events = events.filter(language__in=languages)
    if subscriber.sectors:
        events = events.filter(sectors__overlap=subscriber.sectors)
    if centres:
        events = events.filter(organisers__in=centres).distinct()
    return list(
        events.order_by("starts_at").values_list("pk", flat=True)[:DIGEST_MAX_ITEMS]
    )


def digest_assemble_for(*, digest: Digest, subscriber_id: int, now=None) -> bool:
    """Assemble one subscriber's digest for the period: at most one Delivery per
    (digest, subscriber) — a second run, or a second beat, finds it and stops.
    An empty digest is not queued. Returns whether a Delivery was created."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.digest_audience(digest.frequency)
            .select_for_update(of=("self",))
            .filter(pk=subscriber_id)
            .first()
        )
        if subscriber is None:
            return False
        if Delivery.objects.filter(digest=digest, subscriber=subscriber).exists():
            return False
        # First digest: what the last period brought; later: since the last one.
        since = subscriber.last_digest_at or now - DIGEST_LOOKBACK[digest.frequency]
        content = digest_content(subscriber, since=since, until=now)
        if not content["resources"] and not content["events"]:
            return False
        Delivery.objects.create(digest=digest, subscriber=subscriber, content=content)
        subscriber.last_digest_at = now
        subscriber.save(update_fields=["last_digest_at", "updated_at"])
    return True

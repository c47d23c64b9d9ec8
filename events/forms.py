"""Forms of events: the organisers' editor, registration, messages to attendees."""

import zoneinfo
from datetime import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from centres.models import Centre
from knowledge.models import Resource
from p2i_portal.vocab import Language, Sector

from .models import Audience, Event, validate_event_date

# The zones offered in the editor; the model accepts any IANA name (API).
COMMON_ZONES = [
    "UTC", "Europe/Lisbon", "Europe/Dublin", "Europe/London", "Europe/Madrid",
    "Europe/Brussels", "Europe/Amsterdam", "Europe/Berlin", "Europe/Vienna",
    "Europe/Rome", "Europe/Stockholm", "Europe/Helsinki", "Europe/Tallinn",
    "Europe/Vilnius", "Europe/Athens",
]  # fmt: skip
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=LOCAL_FORMAT, **kwargs)


def _local_field(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=[LOCAL_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=LocalDateTimeInput(),
        help_text=help_text,
        validators=[validate_event_date],
    )


def parse_questions(text: str) -> list[dict]:
    """One question per line; a line ending in * is required."""
    questions = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        required = line.endswith("*")
        questions.append({"label": line.rstrip("*").strip(), "required": required})
    return questions


def questions_text(questions) -> str:
    return "\n".join(
        q["label"] + (" *" if q.get("required") else "") for q in questions or []
    )


class EventForm(forms.Form):
    """The organisers' editor. Times are typed in the event's own time zone and
    stored in UTC."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        max_length=300,
        help_text=gettext_lazy("One or two sentences for the calendar and e-mails."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Markdown: **bold**, *italic*, lists, links. Headings start at ##."
        ),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=Event.Kind.choices)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=Event.Format.choices
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=Language.choices, initial="en"
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Co-organisers"),
        queryset=Centre.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy(
            "Centres or projects that organise this event with you. Their "
            "managers are asked first; once one accepts, the centre is shown as "
            "an organiser and its staff can edit the event and see the attendees."
        ),
    )
    starts_at = _local_field(gettext_lazy("Starts"))
    ends_at = _local_field(gettext_lazy("Ends"))
    timezone = forms.ChoiceField(
        label=gettext_lazy("Time zone"),
        choices=[(z, z) for z in COMMON_ZONES],
        initial="Europe/Brussels",
        help_text=gettext_lazy(
            "Start and end are in this zone. Visitors also see their own time."
        ),
    )
    venue = forms.CharField(label=gettext_lazy("Venue"), max_length=200, required=False)
    address = forms.CharField(
        label=gettext_lazy("Address"), max_length=300, required=False
    )
    city = forms.CharField(label=gettext_lazy("City"), max_length=100, required=False)
    country = LazyTypedChoiceField(
        label=gettext_lazy("Country"),
        choices=[("", "—"), *countries],
        required=False,
    )
    online_url = forms.URLField(
        label=gettext_lazy("Join link"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy(
            "Shown only to confirmed attendees and in their e-mails, never publicly."
        ),
    )
    audience = forms.MultipleChoiceField(
        label=gettext_lazy("Audience"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Sectors"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.CharField(
        label=gettext_lazy("Topics"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Separated by commas, e.g. market consultation, PCP."),
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Capacity"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("Number of seats. Leave empty for no limit."),
    )
    registration_opens_at = _local_field(
        gettext_lazy("Registration opens"),
        required=False,
        help_text=gettext_lazy("Empty: as soon as the event is published."),
    )
    registration_closes_at = _local_field(
        gettext_lazy("Registration closes"),
        required=False,
        help_text=gettext_lazy("Empty: when the event starts."),
    )
    questions = forms.CharField(
        label=gettext_lazy("Registration questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One question per line, at most 8. End a line with * to make it "
            "required, e.g. “Organisation *” or “Dietary needs”."
        ),
    )
    slides_url = forms.URLField(
        label=gettext_lazy("Slides (link)"), required=False, assume_scheme="https"
    )
    recording_url = forms.URLField(
        label=gettext_lazy("Recording (link)"), required=False, assume_scheme="https"
    )
    resources = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Knowledge-base resources"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy("Published resources of the organisers to link."),
    )

    # Not required: a form without it (an older page still open) keeps public.
    visibility = forms.TypedChoiceField(
        label=gettext_lazy("Visibility"),
        choices=Event.Visibility.choices,
        initial=Event.Visibility.PUBLIC,
        required=False,
        empty_value=Event.Visibility.PUBLIC,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "A network-only event is shown to signed-in staff of the network's "
            "centres only: never in the public calendar, its feeds, newsletters or "
            "search engines, and only centre staff can register."
        ),
    )
    minutes = forms.CharField(
        label=gettext_lazy("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Knowledge-exchange meetings only. Markdown; shown to whoever may see "
            "the event."
        ),
    )
    papers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Papers produced"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        error_messages={
            "invalid_choice": gettext_lazy(
                "You cannot link this resource: it does not exist or you may not "
                "see it."
            ),
            "invalid_pk_value": gettext_lazy(
                "You cannot link this resource: it does not exist or you may not "
                "see it."
            ),
        },
        help_text=gettext_lazy(
            "Knowledge-exchange meetings only: the expert opinion papers and "
            "reports the meeting produced, among those you can see."
        ),
    )

    PAPER_KINDS = (Resource.Kind.OPINION_PAPER, Resource.Kind.REPORT)

    LOCAL_FIELDS = (
        "starts_at",
        "ends_at",
        "registration_opens_at",
        "registration_closes_at",
    )

    def __init__(
        self, *args, centre: Centre, event: Event | None = None, user=None, **kwargs
    ):
        self.centre, self.event = centre, event
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(event)
        super().__init__(*args, **kwargs)
        lead = event.centre if event is not None else centre
        self.fields["co_organisers"].queryset = Centre.objects.active().exclude(
            pk=lead.pk
        )
        organisers = [lead.pk]
        if event is not None:
            organisers = list(event.organisers.values_list("pk", flat=True))
        self.fields["resources"].queryset = (
            Resource.objects.public()
            .filter(centre__in=organisers)
            .order_by("title")
            .only("pk", "title")
        )
        # Only what the editor may see can be linked (events.services checks
        # it again); archived papers are not offered anew.
        self.fields["papers"].queryset = (
            Resource.objects.visible_to(user)
            .filter(kind__in=self.PAPER_KINDS)
            .exclude(status=Resource.Status.ARCHIVED)
            .order_by("title")
            .only("pk", "title")
        )

    @staticmethod
    def initial_from(event: Event) -> dict:
        zone = event.zone

        def local(value):
            return value.astimezone(zone).replace(tzinfo=None) if value else None

        return {
            **{
                name: getattr(event, name)
                for name in (
                    "title",
                    "summary",
                    "description",
                    "kind",
                    "format",
                    "language",
                    "timezone",
                    "venue",
                    "address",
                    "city",
                    "country",
                    "online_url",
                    "audience",
                    "sectors",
                    "capacity",
                    "slides_url",
                    "recording_url",
                    "visibility",
                    "minutes",
                )
            },
            "starts_at": local(event.starts_at),
            "ends_at": local(event.ends_at),
            "registration_opens_at": local(event.registration_opens_at),
            "registration_closes_at": local(event.registration_closes_at),
            "topics": ", ".join(event.topics),
            "questions": questions_text(event.questions),
            # Organisers and the centres still asked; not those that declined.
            "co_organisers": Centre.objects.filter(
                Q(pk__in=event.organisers.values("pk"))
                | Q(pk__in=event.organiser_invitations.pending().values("centre_id"))
            ).exclude(pk=event.centre_id),
            "resources": event.resources.all(),
            "papers": event.papers.all(),
        }

    def clean(self):
        data = super().clean()
        name = data.get("timezone") or "UTC"
        try:
            zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo("UTC")
        for field in self.LOCAL_FIELDS:
            value = data.get(field)
            if isinstance(value, datetime):
                naive = (
                    timezone.make_naive(value) if timezone.is_aware(value) else value
                )
                data[field] = naive.replace(tzinfo=zone)
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The event must end after it starts."))
        opens, closes = (
            data.get("registration_opens_at"),
            data.get("registration_closes_at"),
        )
        if opens and closes and closes <= opens:
            self.add_error(
                "registration_closes_at", _("Registration must close after it opens.")
            )
        if data.get("kind") != Event.Kind.KNOWLEDGE_EXCHANGE:
            if (data.get("minutes") or "").strip():
                self.add_error(
                    "minutes",
                    _(
                        "Only a knowledge-exchange meeting has minutes: choose that "
                        "type or leave the minutes empty."
                    ),
                )
            if data.get("papers"):
                self.add_error(
                    "papers",
                    _(
                        "Only a knowledge-exchange meeting can list the papers it "
                        "produced."
                    ),
                )
        if data.get("format") in ("in_person", "hybrid") and not (
            data.get("venue") or data.get("city")
        ):
            self.add_error(
                "venue", _("Say where an in-person or hybrid event takes place.")
            )
        try:
            from .services import normalise_questions

            data["questions_list"] = normalise_questions(
                parse_questions(data.get("questions", ""))
            )
        except forms.ValidationError as exc:
            self.add_error("questions", exc.message_dict.get("questions", exc.messages))
        return data

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            **{
                name: data[name]
                for name in (
                    "title",
                    "summary",
                    "description",
                    "kind",
                    "format",
                    "language",
                    "timezone",
                    "venue",
                    "address",
                    "city",
                    "country",
                    "online_url",
                    "audience",
                    "sectors",
                    "capacity",
                    "slides_url",
                    "recording_url",
                    "visibility",
                    "minutes",
                    *self.LOCAL_FIELDS,
                )
            },
            "topics": [t.strip()[:50] for t in data["topics"].split(",") if t.strip()],
            "questions": data.get("questions_list", []),
        }


class RegistrationForm(forms.Form):
    """Name and e-mail (visitors only) and the event's own questions."""

    name = forms.CharField(label=gettext_lazy("Your name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"))

    def __init__(self, *args, event: Event, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if getattr(user, "is_authenticated", False):
            del self.fields["name"]
            del self.fields["email"]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        for question in event.questions or []:
            self.fields[f"answer_{question['id']}"] = forms.CharField(
                label=question["label"],
                required=question.get("required", False),
                max_length=1000,
            )

    def answers(self) -> dict:
        return {
            q["id"]: self.cleaned_data.get(f"answer_{q['id']}", "")
            for q in self.event.questions or []
        }


class CancelEventForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Message to the registered people (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttendeeMessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 8})
    )
    include_waitlist = forms.BooleanField(
        label=gettext_lazy("Also send it to the people on the waiting list"),
        required=False,
    )

"""Serializers of the events API: output with abilities, separate input."""

import zoneinfo

from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from centres.models import Centre
from knowledge.api.serializers import (
    CountryCodeField,
    LanguageField,
    QueryParamsSerializer,
    ResourceLinkSerializer,
    SectorField,
    enum_field,
)
from knowledge.models import Resource

from .. import selectors, services
from ..models import (
    Audience,
    Event,
    OrganiserInvitation,
    Registration,
    date_range_message,
    validate_event_date,
)

# Named enums: "kind", "status" and "format" mean other choices elsewhere.
EventKindField = enum_field(Event.Kind, "EventKindEnum")
EventFormatField = enum_field(Event.Format, "EventFormatEnum")
EventStatusField = enum_field(Event.Status, "EventStatusEnum")
AudienceField = enum_field(Audience, "AudienceEnum")
RegistrationStatusField = enum_field(Registration.Status, "RegistrationStatusEnum")
EventVisibilityField = enum_field(Event.Visibility, "EventVisibilityEnum")
PAPER_REFUSED = gettext_lazy(
    "You cannot link this resource: it does not exist or you may not see it."
)


class OrganiserSerializer(serializers.ModelSerializer):
    country = CountryCodeField(read_only=True, allow_blank=True)

    class Meta:
        model = Centre
        fields = ["slug", "short_name", "name", "country"]


class OrganiserInvitationSerializer(serializers.ModelSerializer):
    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    state = enum_field(OrganiserInvitation.State, "OrganiserInvitationStateEnum")(
        read_only=True
    )

    class Meta:
        model = OrganiserInvitation
        fields = ["centre", "state", "invited_at", "answered_at"]
        read_only_fields = fields


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField(read_only=True)
    label = serializers.CharField(max_length=200)
    required = serializers.BooleanField(default=False)


class MyRegistrationSerializer(serializers.ModelSerializer):
    waitlist_position = serializers.SerializerMethodField()
    status = RegistrationStatusField(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "status", "created_at", "confirmed_at", "waitlist_position"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_waitlist_position(self, obj):
        return selectors.waitlist_position(obj)


class EventSerializer(serializers.ModelSerializer):
    """An event as anyone may see it; the join link only for confirmed attendees
    and the organisers, `my_registration` for the signed-in user."""

    organisers = OrganiserSerializer(many=True, read_only=True)
    organiser_invitations = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    seats = serializers.SerializerMethodField()
    join_link = serializers.SerializerMethodField()
    my_registration = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()
    questions = QuestionSerializer(many=True, read_only=True)
    registration_state = serializers.SerializerMethodField()
    country = CountryCodeField(read_only=True, allow_blank=True)
    slides_url = serializers.URLField(read_only=True, allow_blank=True)
    recording_url = serializers.URLField(read_only=True, allow_blank=True)
    kind = EventKindField(read_only=True)
    format = EventFormatField(read_only=True)
    status = EventStatusField(read_only=True)
    language = LanguageField(read_only=True)
    audience = serializers.ListField(child=AudienceField(), read_only=True)
    sectors = serializers.ListField(child=SectorField(), read_only=True)
    visibility = EventVisibilityField(read_only=True)
    minutes_html = serializers.CharField(read_only=True)
    papers = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id", "slug", "url", "title", "summary", "description_html", "kind",
            "format", "status", "starts_at", "ends_at", "timezone", "language",
            "audience", "sectors", "topics", "venue", "address", "city", "country",
            "capacity", "seats", "registration_opens_at", "registration_closes_at",
            "registration_state", "questions", "organisers",
            "organiser_invitations", "slides_url",
            "recording_url", "sequence", "published_at", "join_link",
            "my_registration", "abilities", "visibility", "minutes_html",
            "papers",
        ]  # fmt: skip
        read_only_fields = fields

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "confirmed": {"type": "integer"},
                "waitlisted": {"type": "integer"},
                "left": {"type": "integer", "nullable": True},
                "full": {"type": "boolean"},
            },
        }
    )
    def get_seats(self, obj):
        seats = selectors.event_seats(obj)
        return {k: seats[k] for k in ("confirmed", "waitlisted", "left", "full")}

    def get_registration_state(self, obj) -> str:
        return obj.registration_state()

    def _registration(self, obj):
        cache = self.context.setdefault("_registrations", {})
        if obj.pk not in cache:
            cache[obj.pk] = selectors.registration_get_for_user(
                event=obj, user=self._user()
            )
        return cache[obj.pk]

    @extend_schema_field(OrganiserInvitationSerializer(many=True))
    def get_organiser_invitations(self, obj):
        """Centres asked to co-organise that have not accepted: for the
        organisers' staff only (an empty list for everyone else)."""
        if not obj.get_abilities(self._user())["attendees"]:
            return []
        invitations = obj.organiser_invitations.exclude(
            state=OrganiserInvitation.State.ACCEPTED
        ).select_related("centre")
        return OrganiserInvitationSerializer(invitations, many=True).data

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_join_link(self, obj):
        if not obj.online_url or not obj.is_online:
            return None
        registration = self._registration(obj)
        confirmed = (
            registration is not None
            and registration.status == Registration.Status.CONFIRMED
        )
        if confirmed or obj.get_abilities(self._user())["attendees"]:
            return obj.online_url
        return None

    @extend_schema_field(MyRegistrationSerializer(allow_null=True))
    def get_my_registration(self, obj):
        registration = self._registration(obj)
        return MyRegistrationSerializer(registration).data if registration else None

    @extend_schema_field(ResourceLinkSerializer(many=True))
    def get_papers(self, obj):
        """The papers a knowledge-exchange meeting produced that the requester
        may open (other kinds of events produce none: no query for them)."""
        if obj.kind != Event.Kind.KNOWLEDGE_EXCHANGE:
            return []
        papers = selectors.event_papers_for(obj, self._user())
        return ResourceLinkSerializer(papers, many=True, context=self.context).data

    @extend_schema_field(
        {"type": "object", "additionalProperties": {"type": "boolean"}}
    )
    def get_abilities(self, obj):
        return obj.get_abilities(self._user())


class EventDateTimeField(serializers.DateTimeField):
    """A date and time within the years the portal accepts for events."""

    default_error_messages = {
        # A year so far off that it cannot be shown in the site's time zone.
        "overflow": lazy(date_range_message, str)(),
    }

    def __init__(self, **kwargs):
        super().__init__(validators=[validate_event_date], **kwargs)


class EventInputSerializer(serializers.Serializer):
    """Writes by the organisers. Times are ISO 8601 with an offset (stored UTC)."""

    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True)
    kind = EventKindField()
    format = EventFormatField(required=False)
    starts_at = EventDateTimeField()
    ends_at = EventDateTimeField()
    timezone = serializers.ChoiceField(
        choices=sorted(zoneinfo.available_timezones()),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "“{input}” is not a known time zone (e.g. Europe/Brussels)."
            )
        },
        help_text="An IANA time-zone name such as Europe/Brussels.",
    )
    language = LanguageField(required=False)
    audience = serializers.ListField(child=AudienceField(), required=False)
    sectors = serializers.ListField(child=SectorField(), required=False)
    topics = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False
    )
    venue = serializers.CharField(max_length=200, required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True)
    country = CountryCodeField(required=False, allow_blank=True)
    # The model's URLField keeps 200 characters.
    online_url = serializers.URLField(required=False, allow_blank=True, max_length=200)
    capacity = serializers.IntegerField(
        min_value=1, max_value=2_147_483_647, required=False, allow_null=True
    )
    registration_opens_at = EventDateTimeField(required=False, allow_null=True)
    registration_closes_at = EventDateTimeField(required=False, allow_null=True)
    questions = QuestionSerializer(
        many=True, required=False, max_length=services.MAX_QUESTIONS
    )
    slides_url = serializers.URLField(required=False, allow_blank=True, max_length=200)
    recording_url = serializers.URLField(
        required=False, allow_blank=True, max_length=200
    )
    organisers = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Centre.objects.active(),
        many=True,
        required=False,
        help_text="Centres to invite as co-organisers (slugs): each is listed "
        "among the organisers once its managers accept; the lead organiser is "
        "always included.",
    )
    visibility = EventVisibilityField(
        required=False,
        help_text="`network`: only signed-in staff of the network's centres and "
        "the coordinator see the event and may register; it is left out of the "
        "public calendar, its feeds, the sitemap and newsletters. Default: public.",
    )
    minutes = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Markdown, knowledge-exchange meetings only (sanitised as the "
        "description is).",
    )
    papers = serializers.PrimaryKeyRelatedField(
        queryset=Resource.objects.none(),
        many=True,
        required=False,
        error_messages={"does_not_exist": PAPER_REFUSED},
        help_text="Ids of the resources a knowledge-exchange meeting produced; "
        "only resources you may see (others: 400). Replaces the list.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = request.user if request else None
        # A resource the requester may not see answers as one that does not exist.
        self.fields["papers"].child_relation.queryset = Resource.objects.visible_to(
            user
        )

    def validate(self, attrs):
        start = attrs.get("starts_at", getattr(self.instance, "starts_at", None))
        end = attrs.get("ends_at", getattr(self.instance, "ends_at", None))
        if start and end and end <= start:
            raise serializers.ValidationError(
                {"ends_at": _("The event must end after it starts.")}
            )
        return attrs


class EventCreateInputSerializer(EventInputSerializer):
    centre = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Centre.objects.none(),
        help_text="The lead organiser: a centre where you are an editor or manager.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = request.user if request else None
        self.fields["centre"].queryset = Centre.objects.workspaces_for(user)


class EventListQuerySerializer(QueryParamsSerializer):
    """The calendar's filters as the API takes them: unlike the HTML page, which
    drops what it does not know, an unknown value is a 400 naming the parameter."""

    when = serializers.ChoiceField(
        choices=["upcoming", "past"], required=False, help_text="Default: upcoming."
    )
    kind = EventKindField(required=False)
    organiser = serializers.SlugField(
        required=False,
        help_text="Slug of a centre or project; one that is not listed is ignored.",
    )
    country = CountryCodeField(
        required=False, help_text="ISO country code (of the venue or an organiser)."
    )
    format = EventFormatField(required=False)
    sector = SectorField(required=False)
    language = LanguageField(required=False)
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )


class CancelInputSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class RegisterInputSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=1000),
        required=False,
        help_text='Answers by question id, e.g. {"q1": "City of Tartu"}.',
    )


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()

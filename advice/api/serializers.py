"""Serializers of the advice API: the desk's requests as staff read them."""

from django.core.validators import RegexValidator, slug_re
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from centres.models import Centre
from knowledge.api.serializers import (
    ApproachField,
    CountryCodeField,
    QueryParamsSerializer,
    SectorField,
    enum_field,
)

from ..models import AdviceAttachment, AdviceMessage, AdviceRequest, OrganisationType


class StatusFilter(models.TextChoices):
    """The status filter: one status, or every open one."""

    OPEN = "open", gettext_lazy("Open")
    NEW = "new", gettext_lazy("New")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    WAITING = "waiting", gettext_lazy("Waiting for the procurer")
    ANSWERED = "answered", gettext_lazy("Answered")
    CLOSED = "closed", gettext_lazy("Closed")


class Clock(models.TextChoices):
    """The first-reply clock (AdviceRequest.clock); "" when no reply is owed.
    Labels for the schema only: the API's values are codes."""

    ON_TIME = "on_time", "On time"
    DUE = "due", "Due today"
    OVERDUE = "overdue", "Overdue"


AdviceStatusField = enum_field(AdviceRequest.Status, "AdviceStatusEnum")
AdviceStatusFilterField = enum_field(StatusFilter, "AdviceStatusFilterEnum")
ClockField = enum_field(Clock, "AdviceClockEnum", blank_value=True)
MessageKindField = enum_field(AdviceMessage.Kind, "AdviceMessageKindEnum")
OrganisationTypeField = enum_field(OrganisationType, "OrganisationTypeEnum")
ApproachOrBlankField = enum_field(
    ApproachField.text_choices, "ApproachOrBlankEnum", blank_value=True
)


class AdviceListQuerySerializer(QueryParamsSerializer):
    """The filters; an unknown value is a 400 naming the parameter."""

    status = AdviceStatusFilterField(
        required=False, help_text="A status, or `open` (new, in progress, waiting)."
    )
    centre = serializers.CharField(
        required=False,
        max_length=50,
        help_text="The desk of one centre (its slug). A centre whose desk you do "
        "not work gives an empty list.",
    )
    assignee = serializers.CharField(
        required=False,
        max_length=11,
        validators=[
            RegexValidator(
                r"^(me|none|[1-9][0-9]{0,10})$",
                gettext_lazy("Give a user's id, “me” or “none”."),
            )
        ],
        help_text="The assignee's user id, `me`, or `none` (unassigned).",
    )
    sector = SectorField(required=False)
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )

    def validate_centre(self, value):
        if not slug_re.match(value) or not Centre.objects.filter(slug=value).exists():
            raise serializers.ValidationError(_("No centre has this slug."))
        return value


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return user.get_full_name() or user.email


def _desk_url(request, advice) -> str:
    if advice.centre_id:
        path = reverse(
            "manage:advice:detail",
            kwargs={"centre_slug": advice.centre.slug, "pk": advice.pk},
        )
    else:
        path = reverse("advice-network:detail", kwargs={"pk": advice.pk})
    return request.build_absolute_uri(path) if request else path


class AdviceRequestSummarySerializer(serializers.ModelSerializer):
    """One request as its desk sees it (list)."""

    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = AdviceStatusField(read_only=True)
    sector = SectorField(read_only=True)
    approach = ApproachOrBlankField(read_only=True)
    organisation_type = OrganisationTypeField(read_only=True)
    country = CountryCodeField(read_only=True)
    assignee = PersonSerializer(read_only=True, allow_null=True)
    clock = ClockField(
        read_only=True,
        help_text="First-reply clock; blank when no reply is owed.",
    )
    desk_url = serializers.SerializerMethodField(
        help_text="The request's page on the desk."
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "reference", "centre", "subject", "status", "sector", "approach",
            "country", "organisation_type", "assignee", "confirmed_at", "due_on",
            "first_replied_at", "closed_at", "clock", "desk_url",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_desk_url(self, advice) -> str:
        return _desk_url(self.context.get("request"), advice)


class AdviceMessageSerializer(serializers.ModelSerializer):
    kind = MessageKindField(read_only=True)
    author = PersonSerializer(read_only=True, allow_null=True)
    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = AdviceMessage
        fields = ["kind", "author", "centre", "body", "created_at"]
        read_only_fields = fields


class AdviceAttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdviceAttachment
        fields = ["name", "file_type", "content_type", "size", "created_at"]
        read_only_fields = fields


class AdviceRequestDetailSerializer(AdviceRequestSummarySerializer):
    """One request with the procurer's question and the whole thread, internal
    notes and transfer notes included: this API is for the desk's staff."""

    procurer_name = serializers.SerializerMethodField(
        help_text="The name she gave, or her account's."
    )
    procurer_email = serializers.EmailField(source="email", read_only=True)
    messages = AdviceMessageSerializer(many=True, read_only=True)
    attachments = AdviceAttachmentSerializer(many=True, read_only=True)

    class Meta(AdviceRequestSummarySerializer.Meta):
        fields = [
            *AdviceRequestSummarySerializer.Meta.fields,
            "question", "consent_publish", "procurer_name", "procurer_email",
            "created_at", "messages", "attachments",
        ]  # fmt: skip
        read_only_fields = fields

    def get_procurer_name(self, advice) -> str:
        if advice.name:
            return advice.name
        return advice.user.get_full_name() if advice.user_id else ""


class AdviceErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()

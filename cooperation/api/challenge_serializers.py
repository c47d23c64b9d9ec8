"""Serializers of the challenges API: published challenges as anyone may read
them (their answers never appear here)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.api.serializers import OrganiserSerializer
from knowledge.api.serializers import (
    CountryCodeField,
    LanguageField,
    QueryParamsSerializer,
    SectorField,
    enum_field,
)

from ..challenge_selectors import MAX_QUERY_LENGTH
from ..models import Challenge


class ChallengeState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


# Named: "state" and "status" mean other choices elsewhere in the API.
ChallengeStateField = enum_field(ChallengeState, "ChallengeStateEnum")


class ChallengeSerializer(serializers.ModelSerializer):
    centre = OrganiserSerializer(read_only=True)
    country = CountryCodeField(read_only=True)
    language = LanguageField(read_only=True)
    sector = SectorField(read_only=True)
    questions = serializers.ListField(child=serializers.CharField(), read_only=True)
    state = serializers.SerializerMethodField(
        help_text=_("open until the end of the deadline's day, then closed.")
    )
    url = serializers.SerializerMethodField(
        help_text=_("The public page of the challenge.")
    )
    summary_html = serializers.CharField(read_only=True)

    class Meta:
        model = Challenge
        fields = [
            "id", "url", "title", "organisation", "problem", "known", "questions",
            "deadline", "state", "language", "sector", "country", "centre",
            "published_at", "summary_html", "summary_published_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ChallengeStateField())
    def get_state(self, obj) -> str:
        return "open" if obj.is_open else "closed"

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ChallengeListQuerySerializer(QueryParamsSerializer):
    """The list's search and filters: an unknown value is a 400 naming it."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        help_text="Words to find, in any of the portal's languages.",
    )
    sector = SectorField(required=False)
    country = CountryCodeField(required=False, help_text="ISO country code.")
    status = ChallengeStateField(required=False, help_text="Open or closed challenges.")
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )

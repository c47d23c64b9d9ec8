"""Serializers of the public profiles API (/api/v1/profiles/)."""

from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from knowledge.api.serializers import (
    CountryCodeField,
    QueryParamsSerializer,
    SectorField,
    enum_field,
)

from ..models import Profile

ProfileKindField = enum_field(Profile.Kind, "ProfileKindEnum")
ProfileContactField = enum_field(Profile.Contact, "ProfileContactEnum")


class ProfileListQuerySerializer(QueryParamsSerializer):
    kind = ProfileKindField(required=False)
    country = CountryCodeField(required=False, help_text="ISO country code.")
    sector = SectorField(required=False)
    q = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Part of the organisation's name.",
        error_messages={"blank": gettext_lazy("Give a word to search for.")},
    )
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )


class ProfileSerializer(serializers.ModelSerializer):
    """A public profile. Her e-mail address is not part of it: the profile
    page shows it to people, when she chose to be contacted by e-mail."""

    kind = ProfileKindField(read_only=True)
    country = CountryCodeField(read_only=True)
    sectors = serializers.ListField(child=SectorField(), read_only=True)
    contact = ProfileContactField(read_only=True)
    about_html = serializers.CharField(
        read_only=True, help_text="`about` as sanitised HTML."
    )
    url = serializers.SerializerMethodField(help_text="The profile's page.")

    class Meta:
        model = Profile
        fields = [
            "id", "kind", "organisation", "country", "sectors", "about",
            "about_html", "website", "contact", "url", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, profile) -> str:
        request = self.context.get("request")
        path = profile.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ProfileErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()

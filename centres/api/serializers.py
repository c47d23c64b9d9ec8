"""API representations of centres (read-only for now)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from knowledge.api.serializers import CountryCodeField, enum_field

from ..models import Centre

# Named enums: "kind" and "status" mean other choices on the other endpoints.
CentreKindField = enum_field(Centre.Kind, "CentreKindEnum")
CentreStatusField = enum_field(Centre.Status, "CentreStatusEnum")


class CentreOutputSerializer(serializers.ModelSerializer):
    country = CountryCodeField(
        read_only=True,
        allow_blank=True,
        help_text="Blank for a task-force project, which has no country.",
    )
    country_name = serializers.CharField(source="country.name", read_only=True)
    buddy = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The centre paired with this one for the buddy exchange, if any.",
    )
    logo = serializers.SerializerMethodField()
    kind = CentreKindField(read_only=True)
    status = CentreStatusField(read_only=True)
    url = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Centre
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "status",
            "country",
            "country_name",
            "host_organisation",
            "website",
            "tagline",
            "description",
            "services",
            "sectors",
            "working_languages",
            "contact_email",
            "logo",
            "buddy",
            "url",
            "abilities",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_logo(self, obj):
        if not obj.logo:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(obj.logo.url) if request else obj.logo.url

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj):
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url

    def get_abilities(self, obj) -> dict[str, bool]:
        request = self.context.get("request")
        return obj.get_abilities(request.user if request else None)

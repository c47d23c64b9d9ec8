"""API representations of centres (read-only for now)."""

from rest_framework import serializers

from ..models import Centre


class CentreOutputSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    country_name = serializers.CharField(source="country.name")
    buddy = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    logo = serializers.SerializerMethodField()
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

    def get_logo(self, obj) -> str | None:
        if not obj.logo:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(obj.logo.url) if request else obj.logo.url

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url

    def get_abilities(self, obj) -> dict[str, bool]:
        request = self.context.get("request")
        return obj.get_abilities(request.user if request else None)

"""The public profiles API: read-only, published (public) profiles only."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from .. import profile_selectors as selectors
from ..models import Profile
from .profile_serializers import (
    ProfileErrorSerializer,
    ProfileListQuerySerializer,
    ProfileSerializer,
)


@extend_schema_view(
    list=extend_schema(
        summary="Public profiles of buyers and suppliers",
        description="The profiles their owners made public, by organisation name. "
        "Profiles shown to signed-in users only, and hidden ones, are not part "
        "of the API. A value a filter does not know answers 400 naming the "
        "filter; a page past the last answers 404.",
        parameters=[ProfileListQuerySerializer],
        responses={
            200: ProfileSerializer(many=True),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Invalid filters: each with its messages.",
            ),
            404: OpenApiResponse(ProfileErrorSerializer, description="No such page."),
        },
    ),
    retrieve=extend_schema(
        summary="One public profile",
        responses={
            200: ProfileSerializer,
            404: OpenApiResponse(
                ProfileErrorSerializer, description="No such public profile."
            ),
        },
    ),
)
class ProfileViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [AllowAny]
    serializer_class = ProfileSerializer
    queryset = Profile.objects.none()
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Profile.objects.none()
        params = selectors.DirectoryParams()
        if self.action == "list":
            query = ProfileListQuerySerializer(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            data = query.validated_data
            params = selectors.DirectoryParams(
                kind=data.get("kind", ""),
                country=data.get("country", ""),
                sector=data.get("sector", ""),
                q=data.get("q", ""),
            )
        return selectors.profile_directory(
            params=params, viewer=self.request.user, public_only=True
        )

"""Read-only API for the network's centres."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny

from knowledge.api.serializers import CountryCodeField, QueryParamsSerializer

from ..models import Centre
from .serializers import CentreKindField, CentreOutputSerializer, CentreStatusField


class CentreListQuerySerializer(QueryParamsSerializer):
    """The list's filters; a value that is not one of the choices is a 400."""

    kind = CentreKindField(required=False)
    status = CentreStatusField(required=False)
    country = CountryCodeField(required=False)
    page = serializers.IntegerField(
        required=False, min_value=1, help_text="Page number (20 per page)."
    )


@extend_schema_view(
    list=extend_schema(
        parameters=[CentreListQuerySerializer],
        responses={
            200: CentreOutputSerializer(many=True),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="A filter value that is not one of its choices: each "
                "parameter with its messages.",
            ),
            404: OpenApiResponse(
                OpenApiTypes.OBJECT, description="No such page of the list."
            ),
        },
    ),
    retrieve=extend_schema(
        responses={
            200: CentreOutputSerializer,
            404: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description='`{"detail": message}`: no such listed centre.',
            ),
        }
    ),
)
class CentreViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Listed centres and task-force projects of the network (public data)."""

    permission_classes = [AllowAny]
    serializer_class = CentreOutputSerializer
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Centre.objects.active().select_related("buddy").order_by("name")
        if self.action != "list":
            return queryset
        query = CentreListQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        filters = {k: v for k, v in query.validated_data.items() if k != "page"}
        return queryset.filter(**filters)

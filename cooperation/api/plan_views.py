"""Read-only API of buyers' plans: open plans readable per their visibility
(anonymous: the public ones; procurers and centre staff, by token or session:
also those shared with signed-in procurers and centre staff)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from ..models import ProcurementPlan
from .plan_serializers import PlanListQuerySerializer, PlanSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Buyers' open plans",
        description="Open procurement plans, newest first: the public ones, and "
        "for signed-in procurers and centre staff those shared with them too; "
        "your own plans always. A filter value that is not one of its choices answers 400.",
        parameters=[PlanListQuerySerializer],
        responses={
            200: PlanSerializer(many=True),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Each parameter with its messages.",
            ),
            404: OpenApiResponse(
                OpenApiTypes.OBJECT, description="No such page of the list."
            ),
        },
    ),
    retrieve=extend_schema(
        summary="One plan",
        description="An open or closed plan you may see (withdrawn ones: only "
        "their buyer).",
        responses={
            200: PlanSerializer,
            404: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description='`{"detail": message}`: no such plan for you.',
            ),
        },
    ),
)
class PlanViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [AllowAny]
    serializer_class = PlanSerializer
    queryset = ProcurementPlan.objects.none()

    def get_queryset(self):
        queryset = ProcurementPlan.objects.visible_to(self.request.user)
        if self.action != "list":
            return queryset
        query = PlanListQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        queryset = queryset.open()
        if "sector" in data:
            queryset = queryset.filter(sector=data["sector"])
        if "country" in data:
            queryset = queryset.filter(country=data["country"])
        if "cpv_division" in data:
            queryset = queryset.filter(cpv_divisions__contains=[data["cpv_division"]])
        if "joint_procurement" in data:
            queryset = queryset.filter(joint_procurement=data["joint_procurement"])
        return queryset.order_by("-created_at", "-pk")

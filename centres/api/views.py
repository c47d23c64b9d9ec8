"""Read-only API for the network's centres."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from ..models import Centre
from .serializers import CentreOutputSerializer


class CentreViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Listed centres and task-force projects of the network (public data)."""

    permission_classes = [AllowAny]
    serializer_class = CentreOutputSerializer
    lookup_field = "slug"
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["kind", "status", "country"]

    def get_queryset(self):
        return Centre.objects.active().select_related("buddy").order_by("name")

"""API of the advice desks: read-only, for centre staff with a token (or a
session). Each reads the desks of the centres she works for; the coordinator
every desk and the unrouted queue. Another centre's request answers 404."""

from contextlib import ExitStack

from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.permissions import BasePermission, IsAuthenticated

from .. import selectors
from ..models import AdviceRequest
from ..permissions import api_reads_desks, api_scope
from .serializers import (
    AdviceErrorSerializer,
    AdviceListQuerySerializer,
    AdviceRequestDetailSerializer,
    AdviceRequestSummarySerializer,
)


class ReadsDesks(BasePermission):
    """Staff of a centre and the coordinator; others (procurers, suppliers, and
    managers or the coordinator before two-factor is on) are refused with 403,
    so that a client tells "not for you" from "nothing on the desk"."""

    message = gettext_lazy(
        "Only the staff of a centre and the network's coordinator can read advice "
        "requests (managers and the coordinator with two-factor authentication on)."
    )

    def has_permission(self, request, view):
        return api_reads_desks(request.user)


ACCESS_NOTE = (
    "For centre staff (token or session): the requests on the desks of the "
    "centres where you are editor or manager; for the network's coordinator, "
    "every desk and the queue of requests from countries without a centre. "
    "Anyone else, a manager or the coordinator without two-factor authentication "
    "included, gets 403. Unconfirmed questions of visitors are on no desk."
)
ERRORS = {
    401: OpenApiResponse(AdviceErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(
        AdviceErrorSerializer, description="Not the staff of a centre (see above)."
    ),
}


@extend_schema_view(
    list=extend_schema(
        summary="Requests on your desks",
        description=ACCESS_NOTE
        + " Oldest due first. A value a filter does not know answers 400 naming "
        "the filter; a page past the last answers 404.",
        parameters=[AdviceListQuerySerializer],
        responses={
            200: AdviceRequestSummarySerializer(many=True),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Invalid filters: each with its messages.",
            ),
            **ERRORS,
            404: OpenApiResponse(AdviceErrorSerializer, description="No such page."),
        },
    ),
    retrieve=extend_schema(
        summary="One request with its thread",
        description=ACCESS_NOTE
        + " The thread includes the desk's internal notes and transfer notes, "
        "which the procurer never sees. A request on another centre's desk "
        "answers 404.",
        parameters=[
            OpenApiParameter(
                "reference",
                {"type": "string", "format": "uuid"},
                OpenApiParameter.PATH,
                description="The request's reference.",
            )
        ],
        responses={
            200: AdviceRequestDetailSerializer,
            **ERRORS,
            404: OpenApiResponse(
                AdviceErrorSerializer, description="No such request on your desks."
            ),
        },
    ),
)
class AdviceRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IsAuthenticated, ReadsDesks]
    serializer_class = AdviceRequestSummarySerializer
    lookup_field = "reference"
    lookup_value_regex = (
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    )
    queryset = AdviceRequest.objects.none()

    def dispatch(self, request, *args, **kwargs):
        # The scope is opened in initial(), once DRF has authenticated the
        # token, and stays open while the answer is serialised.
        with ExitStack() as self._scope:
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._scope.enter_context(api_scope(request.user))

    def get_serializer_class(self):
        if self.action == "retrieve":
            return AdviceRequestDetailSerializer
        return AdviceRequestSummarySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AdviceRequest.objects.none()
        params = selectors.ApiParams()
        if self.action == "list":
            query = AdviceListQuerySerializer(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            filters = dict(query.validated_data)
            filters.pop("page", None)
            params = selectors.ApiParams(**filters)
        qs = selectors.api_request_list(user=self.request.user, params=params)
        if self.action == "retrieve":
            qs = qs.select_related("user").prefetch_related(
                "attachments", "messages__author", "messages__centre"
            )
        return qs

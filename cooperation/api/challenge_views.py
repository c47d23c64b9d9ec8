"""API of open market consultations: published challenges, read-only and
public. Answers are never part of it."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from events.api.serializers import ErrorSerializer

from ..challenge_selectors import ChallengeParams, challenge_search
from ..models import Challenge
from .challenge_serializers import ChallengeListQuerySerializer, ChallengeSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Published challenges",
        description="Open market consultations the network's centres published, "
        "newest first, or best matches first with `q`. A value a filter does not "
        "know answers 400 naming the filter; a page past the last answers 404.",
        parameters=[ChallengeListQuerySerializer],
        responses={
            200: ChallengeSerializer(many=True),
            400: OpenApiResponse(description="A parameter with its messages."),
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    ),
    retrieve=extend_schema(
        summary="One published challenge",
        responses={
            200: ChallengeSerializer,
            404: OpenApiResponse(
                ErrorSerializer, description="No such published challenge."
            ),
        },
    ),
)
class ChallengeViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = ChallengeSerializer
    permission_classes = [AllowAny]
    queryset = Challenge.objects.none()

    def get_queryset(self):
        if self.action == "list":
            query = ChallengeListQuerySerializer(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            data = {k: str(v) for k, v in query.validated_data.items()}
            return challenge_search(params=ChallengeParams.from_query(data))
        return Challenge.objects.published().select_related("centre")

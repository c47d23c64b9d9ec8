"""API v1: one router; each app registers its viewsets here."""

from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from advice.api.views import AdviceRequestViewSet
from centres.api.views import CentreViewSet
from communities.api.views import CommunityViewSet, ThreadViewSet
from cooperation.api.challenge_views import ChallengeViewSet
from cooperation.api.plan_views import PlanViewSet
from cooperation.api.profile_views import ProfileViewSet
from events.api.views import EventViewSet
from knowledge.api.views import ResourceViewSet

from . import api_schema  # noqa: F401  (registers the schema's field extensions)


class PublicAPIRootView(APIRootView):
    """The index of API v1: public, like the resources it lists."""

    permission_classes = [AllowAny]


class Router(DefaultRouter):
    APIRootView = PublicAPIRootView


router = Router(trailing_slash=True)
router.register("centres", CentreViewSet, basename="centre")
router.register("resources", ResourceViewSet, basename="resource")
router.register("events", EventViewSet, basename="event")
router.register("challenges", ChallengeViewSet, basename="challenge")
router.register("advice/requests", AdviceRequestViewSet, basename="advice-request")
router.register("profiles", ProfileViewSet, basename="profile")
router.register("communities", CommunityViewSet, basename="community")
router.register(
    r"communities/(?P<community_slug>[-a-zA-Z0-9_]+)/threads",
    ThreadViewSet,
    basename="community-thread",
)
router.register("plans", PlanViewSet, basename="plan")

urlpatterns = router.urls

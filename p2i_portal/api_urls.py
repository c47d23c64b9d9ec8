"""API v1: one router; each app registers its viewsets here."""

from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from centres.api.views import CentreViewSet
from cooperation.api.plan_views import PlanViewSet
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
router.register("plans", PlanViewSet, basename="plan")

urlpatterns = router.urls

"""API v1 router: the network's public resources."""

from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from .views import CentreViewSet


class PublicAPIRootView(APIRootView):
    """The index of API v1: public, like the resources it lists."""

    permission_classes = [AllowAny]


class Router(DefaultRouter):
    APIRootView = PublicAPIRootView


router = Router(trailing_slash=True)
router.register("centres", CentreViewSet, basename="centre")

urlpatterns = router.urls

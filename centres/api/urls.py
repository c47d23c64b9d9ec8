from rest_framework.routers import DefaultRouter

from .views import CentreViewSet

router = DefaultRouter(trailing_slash=True)
router.register("centres", CentreViewSet, basename="centre")

urlpatterns = router.urls

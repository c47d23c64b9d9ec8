"""A centre's own console pages under /manage/<centre_slug>/ (names in `manage:`)."""

urlpatterns = []

"""Workspace pages for resources under /manage/<centre_slug>/resources/."""

app_name = "resources"

urlpatterns = []

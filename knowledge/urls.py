"""Public knowledge-base pages (filled in by the knowledge issue)."""

app_name = "knowledge"

urlpatterns = []

"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

app_name = "network"

urlpatterns = []

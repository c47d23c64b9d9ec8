"""Template context: the signed-in user's workspaces for the navigation."""

from .models import Centre


def workspaces(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_workspaces": []}

    def load():
        return list(Centre.objects.workspaces_for(user).only("slug", "short_name"))

    return {"my_workspaces": load}

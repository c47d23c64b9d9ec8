"""Opens the tenant scope for workspace and centre-API URLs (pretix's pattern)."""

import re

from django_scopes import scope, scopes_disabled

from .models import Centre

TENANT_PATH = re.compile(r"^/(?:manage|api/v1/centres)/(?P<slug>[-\w]+)/")


class CentreScopeMiddleware:
    """Sets `request.centre` and runs the view (and template rendering) in its scope.

    Only `/manage/<slug>/…` and `/api/v1/centres/<slug>/…` get a scope. Membership is
    checked in the view guard, because DRF token users exist only inside the view.
    The Django admin, which only the coordinator reaches, runs unscoped on purpose.
    Everywhere else no scope is active, so a stray query on a centre-private model
    raises ScopeError instead of leaking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.centre = None
        match = TENANT_PATH.match(request.path_info)
        if match:
            request.centre = Centre.objects.filter(slug=match["slug"]).first()
            with scope(centre=request.centre):
                return self._render(self.get_response(request))
        if request.path_info.startswith("/admin/"):
            with scopes_disabled():
                return self._render(self.get_response(request))
        return self.get_response(request)

    @staticmethod
    def _render(response):
        renderable = hasattr(response, "render") and callable(response.render)
        if renderable and not getattr(response, "is_rendered", True):
            response.render()
        return response

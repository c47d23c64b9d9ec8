"""Response headers that Django's own SecurityMiddleware does not set."""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


def _is_authenticated(request) -> bool:
    """Signed in by session, or asking the API with credentials. A request without
    a session cookie is anonymous, and its user is not loaded to find out."""
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; on a signed-in person's responses
    `Cache-Control: private, no-store` (and `Vary: Cookie`), so that no shared
    cache and no browser cache on a shared computer keeps what only they may see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy", settings.PERMISSIONS_POLICY
            )
        if _is_authenticated(request):
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response

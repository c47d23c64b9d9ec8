"""Response headers that Django's own SecurityMiddleware does not set, and the
language of each request."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from .i18n import account_language


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


class HttpResponseTemporaryRedirect(HttpResponseRedirect):
    """307: the client repeats the same method and body at the new address."""

    status_code = 307


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, adapted to the language prefix.

    Outside a /<lang>/ address (the workspace, accounts, and old addresses about to
    be redirected) a signed-in person's account language comes first, then the
    language cookie, the browser's Accept-Language and English, as Django does.
    Only an address that resolves to nothing is redirected to its language
    version: a feed or API view without a language that answers 404 keeps its 404.
    An old address asked with POST (a one-click unsubscribe from a mail sent
    before the prefix) is redirected with 307, so the POST is not turned into GET.
    Needs AuthenticationMiddleware before it.
    """

    def process_request(self, request):
        super().process_request(request)
        if translation.get_language_from_path(request.path_info):
            return
        preferred = account_language(getattr(request, "user", None))
        if preferred:
            translation.activate(preferred)
            request.LANGUAGE_CODE = preferred

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and request.resolver_match is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            # The address exists outside the prefix (a feed, the API) and its view
            # found nothing: there is no language version to send anyone to.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        was_not_found = response.status_code == 404
        response = super().process_response(request, response)
        if not (was_not_found and response.status_code == 302):
            return response
        if request.method not in ("GET", "HEAD"):
            location = response["Location"]
            response = HttpResponseTemporaryRedirect(location)
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

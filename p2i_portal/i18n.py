"""Languages: the JavaScript catalogue (one address per language), the language
menu, the alternates of a page in the other languages and an account's language."""

import functools
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from django.views.i18n import LANGUAGE_QUERY_PARAMETER, JavaScriptCatalog
from django.views.i18n import set_language as django_set_language


def catalogue_version() -> str:
    """The newest modification time of the compiled JavaScript catalogues, so
    that a deployment with new translations does not serve cached old ones."""
    stamps = [
        int(mo.stat().st_mtime)
        for path in settings.LOCALE_PATHS
        for mo in Path(path).glob("*/LC_MESSAGES/djangojs.mo")
    ]
    return str(max(stamps, default=0))


class LanguageCatalog(JavaScriptCatalog):
    """The strings of static/js/*.js in the language named by the address, not
    the one the visitor's cookie happens to choose, so the response is
    cacheable by its URL alone."""

    domain = "djangojs"

    def get(self, request, *args, lang, **kwargs):
        if lang not in dict(settings.LANGUAGES):
            raise Http404(f"No catalogue for {lang!r}.")
        with translation.override(lang):
            return super().get(request, *args, **kwargs)


def account_language(user) -> str | None:
    """The language an account prefers (accounts.User.language), when it is one
    of the portal's languages; None otherwise (or for a visitor)."""
    if user is None or not user.is_authenticated:
        return None
    code = getattr(user, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else None


def language_alternates(request) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in each of the portal's languages,
    then x-default: the address without a language, which sends each visitor to
    her language (the middleware's redirect), as Django's sitemap names it too.
    Empty for pages outside the language prefix (workspace, accounts, API)."""
    match = getattr(request, "resolver_match", None)
    path = request.get_full_path()
    if match is None or translation.get_language_from_path(request.path_info) is None:
        return []
    alternates = []
    for code, _name in settings.LANGUAGES:
        alternates.append((code, request.build_absolute_uri(translate_url(path, code))))
    prefix = f"/{settings.LANGUAGE_CODE}/"
    default = translate_url(path, settings.LANGUAGE_CODE).replace(prefix, "/", 1)
    alternates.append(("x-default", request.build_absolute_uri(default)))
    return alternates


def set_language(request):
    """Django's set_language, which remembers the choice in the language cookie and
    sends the visitor to the same page in the chosen language. Django translates
    `next` with the language active for this request (cookie or browser), which
    need not be the language of the page the menu was used on; the page's own
    language is the one that resolves it. A signed-in person's account keeps the
    choice too, so that her workspace and e-mails follow it."""
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    page_language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(page_language or translation.get_language()):
        response = django_set_language(request)
    chosen = request.POST.get(LANGUAGE_QUERY_PARAMETER)
    user = getattr(request, "user", None)
    if (
        request.method == "POST"
        and chosen in dict(settings.LANGUAGES)
        and user is not None
        and user.is_authenticated
        and user.language != chosen
    ):
        user.language = chosen
        user.save(update_fields=["language"])
    return response


def in_default_language(view):
    """The view answering in the default language whatever the visitor's cookie or
    browser says: for the feeds' and calendars' addresses without a language, whose
    answer must not depend on who asks first (links inside point to /en/ pages)."""

    @functools.wraps(view)
    def language_neutral_view(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = settings.LANGUAGE_CODE
        return response

    return language_neutral_view

"""Django's JavaScript catalogue, one address per language."""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.views.i18n import JavaScriptCatalog


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

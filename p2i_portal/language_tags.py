"""Template tags of the languages (`{% load languages %}`, registered in settings)."""

from django import template
from django.utils.html import format_html_join

from .i18n import language_alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang="…"> to this page in every language and
    x-default, with absolute addresses; nothing on pages without a language."""
    request = context.get("request")
    if request is None:
        return ""
    return format_html_join(
        "\n  ",
        '<link rel="alternate" hreflang="{}" href="{}">',
        language_alternates(request),
    )

"""HTML of the search page's repeated parts: facet options and results.

The sidebar's options (some 80) and the page's 20 results are most of the search
page. In the template language each costs a dozen variable lookups, filters and
tags, about 1 400 nodes a page: some 10 ms on the benchmark's machine, as long
as the search's slowest statement (bench/bench_search.py times the page). Here
each is one str.format of its values, with the same markup and every value
escaped as the template would escape it (_html escapes as format_html does,
without its per-call wrappers; the snippet is already safe, see
selectors._safe_snippet). tests/knowledge/test_search_rendering.py holds it to
the markup the template wrote.
"""

import functools
import html
from datetime import datetime

from django.utils.dates import MONTHS
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

_OPTION = (
    '<li class="kb-facet__option">'
    '<input type="checkbox" form="kb-search" id="{id}" name="{name}" '
    'value="{value}"{checked}>'
    '<label for="{id}"><span class="kb-facet__label">{label}</span> '
    '<span class="kb-facet__count">{about}{count}'
    '<span class="visually-hidden"> {unit}</span></span></label>'
    "</li>"
)
_CHECKED = mark_safe(" checked")


def _escaped(value) -> str:
    """conditional_escape(value), as a str: what is safe already as it is, the
    rest through html.escape (as django.utils.html.escape, without its lazy
    wrapper: some 200 calls a page)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _html(template: str, **values) -> str:
    """format_html(template, **values), unmarked: the caller marks the whole."""
    return template.format(**{name: _escaped(v) for name, v in values.items()})


def facet_options_html(name: str, options: list[dict], *, approximate: bool):
    """The <li> of each option of facet `name` (dicts of value, label, count,
    unit, checked, id), one after the other."""
    about = (
        format_html(
            '<span aria-hidden="true">≈</span><span class="visually-hidden">{} </span>',
            _("about"),
        )
        if approximate
        else ""
    )
    return SafeString(
        "".join(
            _html(
                _OPTION,
                id=option["id"],
                name=name,
                value=option["value"],
                checked=_CHECKED if option["checked"] else "",
                label=option["label"],
                about=about,
                count=localize(option["count"]),
                unit=option["unit"],
            )
            for option in options
        )
    )


_RESULT = (
    '<li><article class="kb-result kb-result--{kind}">'
    '<div class="badges">'
    '<span class="badge kb-kind kb-kind--{kind}">{kind_label}</span>{badges}</div>'
    '<h3 class="kb-result__title"><a href="{url}" lang="{language}">{title}</a></h3>'
    '<p class="kb-result__meta"><span>{centre}</span> <span>{language_label}</span>'
    "{date}</p>"
    '<p class="kb-result__snippet" lang="{language}">{snippet}</p>'
    "{tags}"
    "</article></li>"
)


@functools.lru_cache(maxsize=64)
def _month_names(language: str) -> dict[int, str]:
    return {number: str(name) for number, name in MONTHS.items()}


def _date_html(resource):
    """The date as the template's `date:'Y-m-d'` and `date:"j F Y"` wrote it
    (date_format costs 0.1 ms a call; 40 a page)."""
    date = resource.published_on or resource.published_at
    if not date:
        return ""
    if isinstance(date, datetime):  # as the template shows it: local time
        date = template_localtime(date).date()
    month = _month_names(get_language() or "")[date.month]
    return SafeString(
        _html(
            ' <span><time datetime="{iso}">{day} {month} {year}</time></span>',
            iso=date.isoformat(),
            day=date.day,
            month=month,
            year=date.year,
        )
    )


def results_html(resources) -> SafeString:
    """The <li> of each search result, in order. Each resource carries the
    labels the view gave it (kind_label, tool_type_label, language_label,
    sector_labels) and its snippet (snippet_html, or none: the summary)."""
    network_only = format_html(
        ' <span class="badge badge--warning">{}</span>', _("Network only")
    )
    items = []
    for resource in resources:
        badges = []
        if resource.tool_type_label:
            badges.append(
                ' <span class="badge badge--neutral">'
                + _escaped(resource.tool_type_label)
                + "</span>"
            )
        if resource.visibility == "network":
            badges.append(network_only)
        tags = ""
        if resource.sector_labels:
            tags = SafeString(
                '<ul class="tags kb-result__tags">'
                + "".join(f"<li>{_escaped(s)}</li>" for s in resource.sector_labels)
                + "</ul>"
            )
        items.append(
            _html(
                _RESULT,
                kind=resource.kind,
                kind_label=resource.kind_label,
                badges=SafeString("".join(badges)),
                url=resource.get_absolute_url(),
                language=resource.language,
                title=resource.title,
                centre=resource.centre.short_name,
                language_label=resource.language_label,
                date=_date_html(resource),
                snippet=resource.snippet_html
                or Truncator(resource.summary).words(50, truncate=" …"),
                tags=tags,
            )
        )
    return SafeString("".join(items))

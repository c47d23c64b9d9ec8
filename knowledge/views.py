"""Public knowledge-base pages: browse and search, the resource page, downloads."""

import functools
import json
import posixpath
from urllib.parse import urlencode, urlsplit

from csp.constants import NONCE
from csp.decorators import csp_update
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from centres.caching import centres_version
from centres.models import Centre
from events.selectors import event_list_producing
from p2i_portal.vocab import Language, Sector

from .models import Approach, Attachment, Resource
from .selectors import FACETS, SearchParams, resource_search

# Facets in the order the sidebar shows them, with their headings.
FACET_TITLES = {
    "kind": gettext_lazy("Type of resource"),
    "sector": gettext_lazy("Sector"),
    "approach": gettext_lazy("Procurement approach"),
    "country": gettext_lazy("Country"),
    "centre": gettext_lazy("Centre"),
    "language": gettext_lazy("Language"),
    "year": gettext_lazy("Year"),
}
# Past this many options a facet folds the rest away (a <details>, no JavaScript).
FACET_VISIBLE = 8

# The schema.org type each kind of resource is published as.
SCHEMA_TYPES = {
    Resource.Kind.TOOL: "CreativeWork",
    Resource.Kind.BEST_PRACTICE: "Article",
    Resource.Kind.CASE_STUDY: "Article",
    Resource.Kind.REPORT: "Report",
    Resource.Kind.OPINION_PAPER: "ScholarlyArticle",
    Resource.Kind.TRAINING: "LearningResource",
}

# JSON inside a <script> element must not be able to close it (Django's json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@functools.lru_cache(maxsize=64)
def _labels(language: str) -> dict[str, dict[str, str]]:
    """Display names of the coded values results and facets show, in
    `language`, made once per language (the page shows some 120 of them)."""
    return {
        "kind": {k: str(v) for k, v in Resource.Kind.choices},
        "tool_type": {k: str(v) for k, v in Resource.ToolType.choices},
        "language": {k: str(v) for k, v in Language.choices},
        "sector": {k: str(v) for k, v in Sector.choices},
        "approach": {k: str(v) for k, v in Approach.choices},
        "country": dict(countries),
    }


def _query_string(params: SearchParams, **changes) -> str:
    """The query string of a search with some parts changed: q, sort or page
    replaced (q="", page=2), or one chosen value of a facet dropped
    (sector="ict"). Page 1 and the default sort are left out."""
    pairs = []
    q = changes.get("q", params.q)
    if q:
        pairs.append(("q", q))
    for name in FACETS:
        dropped = changes.get(name)
        pairs.extend((name, v) for v in getattr(params, name) if v != dropped)
    sort = changes.get("sort", params.sort)
    if sort:
        pairs.append(("sort", sort))
    page = changes.get("page", 1)
    if page != 1:
        pairs.append(("page", page))
    return "?" + urlencode(pairs) if pairs else ""


def _page_numbers(number: int, last: int) -> list[int | None]:
    """Page links to show: the first, the last and two either side (None = gap)."""
    shown = sorted({1, last, *range(max(1, number - 2), min(last, number + 2) + 1)})
    pages: list[int | None] = []
    for n in shown:
        if pages and n - (pages[-1] or 0) > 1:
            pages.append(None)
        pages.append(n)
    return pages


def facet_groups(result, labels) -> list[dict]:
    """Each facet with hits (or chosen values): its options, chosen ones first,
    then by count (years newest first). Every option with hits is listed."""
    params = result.params
    groups = []
    for name in FACETS:
        chosen = getattr(params, name)
        counts = result.facets[name]
        if name == "centre":
            centres = result.centres.values()
            counts = {c.slug: counts[str(c.pk)] for c in centres}
            names = {c.slug: c.short_name for c in centres}
        else:
            names = labels.get(name, {})
        # The unit read after each count by screen readers: translated here,
        # where it is one call, rather than by a {% blocktranslate %} per option.
        options = [
            {
                "value": value,
                "label": names.get(value, value),
                "count": (count := counts.get(value, 0)),
                "unit": ngettext("resource", "resources", count),
                "checked": value in chosen,
            }
            for value in {*counts, *chosen}
        ]
        if name == "year":
            options.sort(key=lambda o: o["value"], reverse=True)
        else:
            options.sort(key=lambda o: (not o["checked"], -o["count"], o["label"]))
        for i, option in enumerate(options):
            option["id"] = f"f-{name}-{i}"
        if options:
            groups.append(
                {
                    "name": name,
                    "title": FACET_TITLES[name],
                    "options": options[:FACET_VISIBLE],
                    "more": options[FACET_VISIBLE:],
                    "open_more": any(o["checked"] for o in options[FACET_VISIBLE:]),
                }
            )
    return groups


class ResourceListView(TemplateView):
    """Browse and search: every state lives in the query string; no JavaScript.
    Lenient: what the parameters hold that is not understood is left out."""

    template_name = "knowledge/resource_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        params = SearchParams.from_querydict(self.request.GET)
        result = resource_search(user=self.request.user, params=params)
        params = result.params
        base = reverse("knowledge:resource-list")

        def url(**changes):
            return base + _query_string(params, **changes)

        labels = _labels(get_language() or "")
        # Built only when the page's cached fragments are missing (they are
        # keyed by result.version, which every change of a resource replaces).
        groups = SimpleLazyObject(lambda: facet_groups(result, labels))
        centre_names = {c.slug: c.short_name for c in result.centres.values()}
        missing = [s for s in params.centre if s not in centre_names]
        if missing:  # chosen centres with no hit left: still name them
            centre_names.update(
                Centre.objects.filter(slug__in=missing).values_list(
                    "slug", "short_name"
                )
            )
        chips = [
            {
                "facet": FACET_TITLES[name],
                "label": (
                    centre_names if name == "centre" else labels.get(name, {})
                ).get(value, value),
                "remove_url": url(**{name: value}),
            }
            for name in FACETS
            for value in getattr(params, name)
        ]
        page = result.page
        for resource in page.object_list:
            resource.kind_label = labels["kind"].get(resource.kind, resource.kind)
            resource.tool_type_label = labels["tool_type"].get(resource.tool_type, "")
            resource.language_label = labels["language"].get(
                resource.language, resource.language
            )
            resource.sector_labels = [
                labels["sector"].get(s, s) for s in resource.sectors
            ]
        # Without words the default order is the newest first; with words,
        # relevance. The default is submitted as "" so that words typed while
        # browsing are sorted by relevance unless a sort was chosen.
        sorts = [("", _("Relevance") if params.q else _("Newest first"))]
        if params.q:
            sorts.append(("newest", _("Newest first")))
        sorts.append(("oldest", _("Oldest first")))
        num_pages = page.paginator.num_pages
        ctx.update(
            params=params,
            result=result,
            centres_version=centres_version(),
            page_obj=page,
            resources=page.object_list,
            total=result.total,
            facets=groups,
            chips=chips,
            filtered=bool(chips),
            remove_query_url=url(q=""),
            clear_url=base,
            sorts=sorts,
            sort_chosen=params.sort if params.sort in dict(sorts) else "",
            pages=[
                (n, url(page=n) if n else None)
                for n in _page_numbers(page.number, num_pages)
            ]
            if num_pages > 1
            else [],
            prev_url=url(page=page.previous_page_number())
            if page.has_previous()
            else None,
            next_url=url(page=page.next_page_number()) if page.has_next() else None,
            listed=page.paginator.count,
            feeds=self._feeds(params, centre_names),
        )
        return ctx

    @staticmethod
    def _feeds(params, centre_names):
        """Atom feeds that match the current filters (all, one centre, one sector)."""
        feeds = [(_("New resources in the knowledge base"), reverse("knowledge:feed"))]
        if len(params.centre) == 1 and params.centre[0] in centre_names:
            slug = params.centre[0]
            feeds.append(
                (
                    _("New resources of %(centre)s") % {"centre": centre_names[slug]},
                    reverse("knowledge:feed-centre", args=[slug]),
                )
            )
        if len(params.sector) == 1:
            label = dict(Sector.choices)[params.sector[0]]
            feeds.append(
                (
                    _("New resources on %(sector)s") % {"sector": label},
                    reverse("knowledge:feed-sector", args=[params.sector[0]]),
                )
            )
        return feeds


def _safe_links(links) -> list[dict[str, str]]:
    """External links as stored (JSON): only well-formed http(s) ones are shown."""
    safe = []
    for link in links if isinstance(links, list) else []:
        if not isinstance(link, dict):
            continue
        href = str(link.get("url") or "").strip()
        try:
            scheme = urlsplit(href).scheme.lower()
        except ValueError:
            continue
        if scheme in ("http", "https"):
            safe.append(
                {"title": str(link.get("title") or "").strip() or href, "url": href}
            )
    return safe


def _eur(value) -> str:
    """A contract value in euros, grouped the way the visitor's language writes it."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 2
    amount = number_format(value, decimal_pos=places, force_grouping=True)
    return _("€%(amount)s") % {"amount": amount}


@method_decorator(csp_update({"script-src": [NONCE]}), name="dispatch")
class ResourceDetailView(DetailView):
    """One resource, for whoever may open it (Resource.objects.visible_to).

    A fixed number of queries: the resource with its centre, then one query each
    for attachments, related resources, translations and the meetings that
    produced it.
    """

    template_name = "knowledge/resource_detail.html"
    context_object_name = "resource"

    def get_object(self, queryset=None):
        user = self.request.user
        visible = Resource.objects.visible_to(user)
        queryset = visible.select_related("centre").prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at")),
            Prefetch(
                "related",
                queryset=Resource.objects.visible_to(user)
                .select_related("centre")
                .defer("body", "body_html", "search_vector", "phrase_vector")
                .order_by("-published_at", "title"),
                to_attr="related_visible",
            ),
        )
        return get_object_or_404(
            queryset, centre__slug=self.kwargs["centre_slug"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        resource = self.object
        request = self.request
        translations = list(
            Resource.objects.visible_to(request.user)
            .filter(translation_group=resource.translation_group)
            .exclude(pk=resource.pk)
            .select_related("centre")
            .only("title", "slug", "language", "centre__slug", "centre__short_name")
            .order_by("language", "title")
        )
        for other in translations:
            other.absolute_url = request.build_absolute_uri(other.get_absolute_url())
        attachments = [
            {
                "attachment": a,
                "url": reverse(
                    "knowledge:attachment-download",
                    args=[resource.centre.slug, resource.slug, a.pk],
                ),
                "type": a.file_type.upper(),
            }
            for a in resource.attachments.all()
        ]
        canonical = request.build_absolute_uri(resource.get_absolute_url())
        ctx.update(
            centre=resource.centre,
            translations=translations,
            related=resource.related_visible,
            attachments=attachments,
            external_links=_safe_links(resource.external_links),
            canonical_url=canonical,
            centre_url=request.build_absolute_uri(resource.centre.get_absolute_url())
            if resource.centre.is_active
            else "",
            is_case_study=resource.kind == Resource.Kind.CASE_STUDY,
            contract_value=_eur(resource.contract_value_eur),
            case_country_name=dict(countries).get(resource.case_country, ""),
            country_pairs=[(c, dict(countries).get(c, c)) for c in resource.countries],
            sector_pairs=[
                (s, dict(Sector.choices).get(s, s)) for s in resource.sectors
            ],
            approach_pairs=[
                (a, dict(Approach.choices).get(a, a)) for a in resource.approaches
            ],
            ted_url=resource.ted_url
            if resource.ted_url.lower().startswith(("http://", "https://"))
            else "",
            list_url=reverse("knowledge:resource-list"),
            jsonld=self._jsonld(resource, canonical, attachments, translations),
            is_unlisted=not resource.is_public,
            # The meetings that produced it, only those the viewer may open.
            produced_at=event_list_producing(resource, request.user),
            # Staff of the owning centre get a way back into their workspace.
            workspace_role=resource.centre.role_of(request.user),
        )
        return ctx

    def _jsonld(self, resource, canonical, attachments, translations) -> str:
        """schema.org metadata for search engines, as a JSON string safe in <script>."""
        request = self.request
        absolute = request.build_absolute_uri
        data = {
            "@context": "https://schema.org",
            "@type": SCHEMA_TYPES.get(resource.kind, "CreativeWork"),
            "@id": canonical,
            "url": canonical,
            "name": resource.title,
            "headline": resource.title[:110],
            "description": resource.summary,
            "inLanguage": resource.language,
            "genre": str(resource.get_kind_display()),
            "publisher": {
                "@type": "Organization",
                "name": resource.centre.name,
                "url": absolute(resource.centre.get_absolute_url()),
            },
            "isAccessibleForFree": True,
        }
        if resource.published_on or resource.published_at:
            data["datePublished"] = (
                resource.published_on or timezone.localdate(resource.published_at)
            ).isoformat()
        if resource.updated_at:
            data["dateModified"] = resource.updated_at.isoformat()
        authors = [
            a.strip()
            for a in resource.authors.replace(";", ",").split(",")
            if a.strip()
        ]
        if authors:
            data["author"] = [{"@type": "Person", "name": a} for a in authors]
        else:
            data["author"] = data["publisher"]
        if resource.licence_url:
            data["license"] = resource.licence_url
        keywords = [
            *resource.tags,
            *(str(dict(Sector.choices).get(s, s)) for s in resource.sectors),
            *(str(dict(Approach.choices).get(a, a)) for a in resource.approaches),
        ]
        if keywords:
            data["keywords"] = ", ".join(keywords)
        if resource.countries:
            data["spatialCoverage"] = [
                {"@type": "Country", "name": dict(countries).get(c, c)}
                for c in resource.countries
            ]
        if attachments:
            data["associatedMedia"] = [
                {
                    "@type": "MediaObject",
                    "name": item["attachment"].title,
                    "contentUrl": absolute(item["url"]),
                    "encodingFormat": item["attachment"].content_type,
                    "contentSize": f"{item['attachment'].size} B",
                }
                for item in attachments
            ]
        if translations:
            data["workTranslation"] = [
                {
                    "@type": "CreativeWork",
                    "url": absolute(t.get_absolute_url()),
                    "inLanguage": t.language,
                    "name": t.title,
                }
                for t in translations
            ]
        if resource.kind == Resource.Kind.CASE_STUDY:
            about = {"@type": "Thing", "name": resource.title}
            if resource.buyer:
                about = {"@type": "GovernmentOrganization", "name": resource.buyer}
                if resource.case_country:
                    about["address"] = {
                        "@type": "PostalAddress",
                        "addressCountry": resource.case_country,
                    }
            data["about"] = about
            if resource.case_year:
                data["temporalCoverage"] = str(resource.case_year)
        return json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)


class AttachmentDownloadView(View):
    """A file of a resource, for whoever may open the resource; always a download."""

    def get(self, request, centre_slug, slug, pk):
        resource = get_object_or_404(
            Resource.objects.visible_to(request.user).select_related("centre"),
            centre__slug=centre_slug,
            slug=slug,
        )
        attachment = get_object_or_404(resource.attachments.all(), pk=pk)
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(_("This file is no longer available.")) from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=posixpath.basename(attachment.file.name),
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        # A draft's or a network-only file must not sit in a shared cache.
        response["Cache-Control"] = (
            "public, max-age=3600" if resource.is_public else "private, no-store"
        )
        return response

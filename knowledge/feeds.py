"""Atom feeds of new public resources: the whole network, one centre, one sector."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from centres.models import Centre
from p2i_portal.vocab import Sector

from .models import Resource

FEED_SIZE = 30


class TextSummaryAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are sent as text (`type="text"`): a resource's
    summary is plain text, and as "html" an editor's markup in it would reach
    feed readers as markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ResourceFeed(Feed):
    """The newest public resources. Feed readers are anonymous, so network-only
    resources never appear here, whoever fetches the feed."""

    feed_type = TextSummaryAtom1Feed
    author_name = "P2I Portal"

    def title(self, obj=None):
        return _("P2I knowledge base: new resources")

    def subtitle(self, obj=None):
        return _(
            "Tools, best practices and case studies on innovation procurement, "
            "newly published by the network's competence centres."
        )

    def link(self, obj=None):
        return reverse("knowledge:resource-list")

    def resources(self, obj):
        return Resource.objects.public()

    def items(self, obj=None):
        return (
            self.resources(obj)
            .select_related("centre")
            .defer("body", "search_vector", "phrase_vector")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"tag:p2i-portal,resource:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.authors or item.centre.name

    def item_categories(self, item):
        sectors = dict(Sector.choices)
        return [
            str(item.get_kind_display()),
            *(str(sectors.get(s, s)) for s in item.sectors),
        ]


class CentreResourceFeed(ResourceFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Centre.objects.active(), slug=slug)

    def title(self, obj=None):
        return _("%(centre)s: new resources") % {"centre": obj.short_name}

    def subtitle(self, obj=None):
        return _("Resources newly published by %(centre)s.") % {"centre": obj.name}

    def link(self, obj=None):
        return reverse("knowledge:resource-list") + f"?centre={obj.slug}"

    def resources(self, obj):
        return Resource.objects.public().for_centre(obj)


class SectorResourceFeed(ResourceFeed):
    def get_object(self, request, sector):
        if sector not in Sector.values:
            raise Http404(_("There is no such sector."))
        return sector

    def _label(self, obj):
        return dict(Sector.choices)[obj]

    def title(self, obj=None):
        return _("P2I knowledge base: new resources on %(sector)s") % {
            "sector": self._label(obj)
        }

    def subtitle(self, obj=None):
        return _("Resources on %(sector)s newly published by the network.") % {
            "sector": self._label(obj)
        }

    def link(self, obj=None):
        return reverse("knowledge:resource-list") + f"?sector={obj}"

    def resources(self, obj):
        return Resource.objects.public().filter(sectors__contains=[obj])

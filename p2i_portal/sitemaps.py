"""sitemap.xml: the network's public pages, listed centres and public resources,
each in every language, with its alternates (hreflang) and x-default (English)."""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse

from centres.models import Centre
from events.models import Event
from knowledge.models import Resource


class Sitemap(DjangoSitemap):
    """Every page once per language (/en/…, /de/…), each entry naming all its
    language versions, as the pages' own hreflang links do."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "about",
            "task-force",
            "taskforce:join",
            "taskforce:members",
            "accessibility",
            "centres:list",
            "knowledge:resource-list",
            "events:list",
        ]

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8


class CentreSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Centre.objects.active().order_by("slug")

    def lastmod(self, obj):
        return obj.updated_at


class ResourceSitemap(Sitemap):
    """Published public resources only: drafts and network-only ones stay out.

    One file holds up to 50 000 URLs (the protocol's limit, Django's default), and
    each resource takes one per language; beyond that the site needs a sitemap
    index.
    """

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return (
            Resource.objects.public()
            .select_related("centre")
            .only("slug", "updated_at", "centre__slug")
            .order_by("pk")
        )

    def lastmod(self, obj):
        return obj.updated_at


class EventSitemap(Sitemap):
    """Published and cancelled events (drafts stay out)."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "centres": CentreSitemap,
    "resources": ResourceSitemap,
    "events": EventSitemap,
}

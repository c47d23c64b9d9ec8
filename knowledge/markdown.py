"""Markdown to safe HTML: rendered with Python-Markdown, sanitised with nh3."""

from urllib.parse import urljoin, urlsplit

import markdown as md
import nh3
from django.conf import settings
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u",
    "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead",
    "tbody", "tr", "th", "td", "img", "abbr", "sup", "sub", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"scope"},
    "abbr": {"title"},
}


def is_own_media(url: str) -> bool:
    """Whether `url` points into the portal's own media (uploads), relatively or
    absolutely. Images from anywhere else would be fetched by every reader of a
    page or newsletter, which tells their owner who read it and when."""
    url = url or ""
    media = settings.MEDIA_URL
    if media.startswith("/") and not media.startswith("//"):
        prefixes = (media, settings.SITE_URL.rstrip("/") + media)
    else:  # media on another host (object storage)
        prefixes = (media,)
    return not url.startswith("//") and url.startswith(prefixes)


class _ExternalImagesToLinks(Treeprocessor):
    """`![alt](https://elsewhere/…)` becomes a link to the picture: it is there
    for whoever chooses to open it, and nothing is loaded by itself."""

    def run(self, root):
        for parent in root.iter():
            for img in parent.findall("img"):
                src = img.get("src", "")
                if is_own_media(src):
                    continue
                alt, tail = img.get("alt", "") or src, img.tail
                img.clear()
                # Inside a link already, the words alone keep that link whole.
                img.tag = "span" if parent.tag == "a" else "a"
                if img.tag == "a":
                    img.set("href", src)
                img.text, img.tail = alt, tail


class _ExternalImagesExtension(Extension):
    def extendMarkdown(self, md_instance):
        md_instance.treeprocessors.register(
            _ExternalImagesToLinks(md_instance), "p2i_external_images", 0
        )


def _drop_foreign_image_sources(tag: str, attribute: str, value: str) -> str | None:
    # Raw HTML images get past the tree processor: these lose their source.
    if tag == "img" and attribute == "src" and not is_own_media(value):
        return None
    return value


def _absolute_on(base_url: str):
    """An nh3 attribute filter that also makes relative links and image
    sources absolute on `base_url`: a mail client has no page to resolve them
    against."""

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        value = _drop_foreign_image_sources(tag, attribute, value)
        relative = value and not urlsplit(value).scheme and not value.startswith("#")
        if relative and attribute in ("href", "src"):
            value = urljoin(base_url.rstrip("/") + "/", value)
        return value

    return attribute_filter


def render_markdown(text: str, *, base_url: str | None = None) -> str:
    """Markdown → HTML with no script, no event handlers, no javascript: URLs.

    Headings start at h2 (the page's h1 is the title); links get rel="noopener
    noreferrer nofollow"; only http(s) and mailto URLs survive; images only from
    the portal's own media (others become links, or lose their source). With a
    `base_url`, relative links and images become absolute on it (for e-mail).
    """
    html = md.markdown(
        text or "",
        extensions=["extra", "sane_lists", _ExternalImagesExtension()],
        output_format="html",
    )
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_absolute_on(base_url)
        if base_url
        else _drop_foreign_image_sources,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )

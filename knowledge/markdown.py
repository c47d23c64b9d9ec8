"""Markdown to safe HTML: rendered with Python-Markdown, sanitised with nh3."""

import markdown as md
import nh3

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


def render_markdown(text: str) -> str:
    """Markdown → HTML with no script, no event handlers, no javascript: URLs.

    Headings start at h2 (the page's h1 is the title); links get rel="noopener
    noreferrer nofollow"; only http(s) and mailto URLs survive.
    """
    html = md.markdown(
        text or "",
        extensions=["extra", "sane_lists"],
        output_format="html",
    )
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )

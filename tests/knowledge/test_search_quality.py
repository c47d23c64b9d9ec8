"""What knowledge.selectors.resource_search finds, in which order, with which counts.

Resources are made through the services (tests.factories.resource_create), so the
stored search vector is the one the product builds.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from knowledge import selectors
from knowledge.models import Resource
from knowledge.selectors import SearchParams, SearchResult, resource_search
from knowledge.trigram import trigram_installed
from tests.factories import resource_create

pytestmark = pytest.mark.django_db


def search(user=None, **params) -> SearchResult:
    """resource_search as a view calls it: parameters parsed from a query string."""
    data = QueryDict(mutable=True)
    for name, value in params.items():
        data.setlist(name, value if isinstance(value, list) else [str(value)])
    return resource_search(
        user=user or AnonymousUser(), params=SearchParams.from_querydict(data)
    )


def titles(result: SearchResult) -> list[str]:
    return [r.title for r in result.page.object_list]


@pytest.fixture
def make(centre, editor):
    """A published resource of `centre` (the summary defaults to a neutral one)."""

    def make(title, *, body="", summary="A resource of the network.", **data):
        return resource_create(
            centre=centre,
            by=editor,
            published=True,
            title=title,
            summary=summary,
            body=body,
            **data,
        )

    return make


def published_in(resource, year):
    Resource.objects.filter(pk=resource.pk).update(
        published_at=datetime.datetime(year, 6, 1, 12, tzinfo=datetime.UTC)
    )


# --- Stemming: the word in the body, so that no title similarity can help ---------


@pytest.mark.parametrize(
    ("language", "title", "body", "query"),
    [
        (
            "de",
            "Leitfaden für Kommunen",
            "Die Beschaffung neuer Lösungen.",
            "Beschaffungen",
        ),
        ("en", "Guide for cities", "Plan the procurement early.", "procurements"),
        (
            "nl",
            "Handreiking voor gemeenten",
            "De aanbesteding van zorg.",
            "aanbestedingen",
        ),
        (
            "es",
            "Guía para ciudades",
            "La contratación pública de innovación.",
            "contrataciones",
        ),
        (
            "sv",
            "Vägledning för kommuner",
            "En upphandling av innovation.",
            "upphandlingar",
        ),
        ("it", "Guida per i comuni", "Un appalto pubblico innovativo.", "appalti"),
        (
            "pt",
            "Guia para municípios",
            "A contratação pública de inovação.",
            "contratações",
        ),
        ("el", "Οδηγός για δήμους", "Η προμήθεια καινοτόμων λύσεων.", "προμήθειες"),
    ],
)
def test_an_inflected_word_finds_the_resource_in_its_language(
    make, language, title, body, query
):
    make(title, body=body, language=language)
    make("Unrelated notes", body="Nothing to see here.", language="en")

    result = search(q=query)

    assert titles(result) == [title]
    assert result.total == 1
    assert result.facets["language"] == {language: 1}


def test_a_word_of_a_simple_language_is_found_as_written(make):
    make("Hankija juhend", body="Riigihange ja innovatsioon.", language="et")

    assert titles(search(q="riigihange")) == ["Hankija juhend"]
    # Estonian is not stemmed ('simple'): another form is another word.
    assert titles(search(q="riigihanked")) == []


def test_a_word_spelt_alike_matches_resources_in_other_languages(make):
    make("Innovation in der Verwaltung", language="de", summary="Neue Wege.")
    make("Innovation in cities", language="en", summary="New ways.")
    make("Rapport annuel", language="fr", summary="Les chiffres.")

    assert set(titles(search(q="innovation"))) == {
        "Innovation in der Verwaltung",
        "Innovation in cities",
    }


def test_a_german_resource_is_found_by_an_english_word_it_uses(make):
    make(
        "Cloud-Dienste für Behörden",
        language="de",
        summary="Software und Daten in der Verwaltung.",
    )
    make("Guide for cities", language="en", summary="Buying services.")

    assert titles(search(q="software")) == ["Cloud-Dienste für Behörden"]


# --- Typos, on titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "language", "query", "same_stem"),
    [
        # "procurment" stems as "procurement" does: found by the words too.
        ("Procurement of innovation", "en", "procurment", True),
        ("Procurement of innovation", "en", "procuremnt", False),
        ("Beschaffung im Gesundheitswesen", "de", "Beschafung", False),
    ],
)
def test_a_typo_still_finds_the_title(make, title, language, query, same_stem):
    make(title, language=language)
    make("Unrelated notes", language="en")

    # Without pg_trgm (the embedded PostgreSQL) a typo finds nothing, as the
    # README and the check knowledge.W001 say.
    found = trigram_installed() or same_stem
    assert titles(search(q=query)) == ([title] if found else [])


def test_typo_tolerance_is_for_titles_only(make):
    make("Leitfaden für Kommunen", language="de", body="Die Beschaffung.")

    assert titles(search(q="Beschafung")) == []


def test_title_typos_are_not_added_once_the_full_text_finds_enough(make, monkeypatch):
    monkeypatch.setattr(selectors, "TYPO_FALLBACK_BELOW", 2)
    make("Procuremnt checklist", language="en")  # a typo in the title itself
    make("Guide", language="en", body="procurement")

    # One full-text hit: fewer than 2, so close titles are added (with pg_trgm).
    close = {"Procuremnt checklist"} if trigram_installed() else set()
    assert set(titles(search(q="procurement"))) == {"Guide", *close}

    make("Handbook", language="en", body="procurement")
    # Two full-text hits: enough; the trigram scan is skipped.
    result = search(q="procurement")
    assert set(titles(result)) == {"Guide", "Handbook"}
    assert result.total == 2


# --- Ranking -------------------------------------------------------------------------


def test_a_title_match_ranks_above_a_body_only_match(make):
    make("Innovation toolkit", language="en")
    # Newer, so a sort by date would put it first.
    make("Handbook", language="en", body="A toolkit is mentioned once, in passing.")

    assert titles(search(q="toolkit")) == ["Innovation toolkit", "Handbook"]
    assert titles(search(q="toolkit", sort="newest")) == [
        "Handbook",
        "Innovation toolkit",
    ]
    assert titles(search(q="toolkit", sort="oldest")) == [
        "Innovation toolkit",
        "Handbook",
    ]


def test_relevance_ranks_every_match_whatever_its_age(make):
    old_title = make("Toolkit", language="en")  # best match, but oldest
    older_body = make("Notes 1", language="en", body="toolkit")
    new_body = make("Notes 2", language="en", body="toolkit")
    new_title = make("Toolkit for cities", language="en")
    for year, resource in zip(
        (2016, 2017, 2024, 2025),
        (old_title, older_body, new_body, new_title),
        strict=True,
    ):
        published_in(resource, year)

    # Title matches first, then the body matches; ties newest first.
    assert titles(search(q="toolkit")) == [
        "Toolkit for cities",
        "Toolkit",
        "Notes 2",
        "Notes 1",
    ]


@pytest.mark.parametrize(
    "q, expected",
    [
        # The words next to each other, in the body or across title and summary.
        ('"market consultation"', {"In the body", "Title and summary"}),
        # Both words, apart: no phrase.
        ('"consultation market"', set()),
        # A stop word inside the phrase (no word pair to look up): still exact.
        ('"market of consultations"', {"With a stop word"}),
        # A phrase among other words, and a phrase left out.
        ('"market consultation" hospital', {"In the body"}),
        ('consultation -"market consultation"', {"Apart", "With a stop word"}),
        (
            '"market consultation" OR apart',
            {"In the body", "Title and summary", "Apart"},
        ),
    ],
)
def test_a_quoted_phrase_finds_the_words_next_to_each_other(make, q, expected):
    make("In the body", language="en", body="A hospital ran a market consultation.")
    make(
        "Title and summary market",
        language="en",
        summary="Consultation of suppliers before the tender.",
    )
    make("Apart", language="en", body="The consultation came before the market.")
    make("With a stop word", language="en", body="A market of consultations.")

    result = search(q=q)

    found = {title.removesuffix(" market") for title in titles(result)}
    assert found == expected
    assert result.total == len(expected)


# --- Facets --------------------------------------------------------------------------


@pytest.fixture
def faceted(make, other_centre, editor_b):
    """Four resources over two centres with known kinds, sectors and approaches."""
    common = {"language": "en", "summary": "Market dialogue before a tender."}
    tool = make("Tool", kind="tool", sectors=["health"], approaches=["pcp"], **common)
    case = make(
        "Case",
        kind="case_study",
        sectors=["health", "ict"],
        approaches=["ppi"],
        countries=["NL"],
        **common,
    )
    other = resource_create(
        centre=other_centre,
        by=editor_b,
        published=True,
        title="Other tool",
        kind="tool",
        sectors=["ict"],
        approaches=["pcp"],
        countries=["DE"],
        **common,
    )
    report = make(
        "Report",
        kind="report",
        sectors=["health"],
        approaches=["pcp", "ppi"],
        countries=["DE", "NL"],
        **common,
    )
    return tool, case, other, report


def test_facet_counts_cover_every_hit(faceted, centre, other_centre):
    result = search()

    assert result.total == 4
    assert result.facets["kind"] == {"tool": 2, "case_study": 1, "report": 1}
    assert result.facets["sector"] == {"health": 3, "ict": 2}
    assert result.facets["approach"] == {"pcp": 3, "ppi": 2}
    assert result.facets["country"] == {"NL": 2, "DE": 2}
    assert result.facets["centre"] == {str(centre.pk): 3, str(other_centre.pk): 1}
    assert result.facets["language"] == {"en": 4}
    assert result.centres == {centre.pk: centre, other_centre.pk: other_centre}


@pytest.mark.parametrize("q", ["", "tender"])
def test_two_facets_combine(faceted, q):
    result = search(q=q, sector="health", approach="pcp")

    assert sorted(titles(result)) == ["Report", "Tool"]
    assert result.total == 2
    assert result.facets["kind"] == {"tool": 1, "report": 1}
    # Chosen facets count over the other filters: sector over approach=pcp (Tool,
    # Other tool, Report), approach over sector=health (Tool, Case, Report).
    assert result.facets["sector"] == {"health": 2, "ict": 1}
    assert result.facets["approach"] == {"pcp": 2, "ppi": 2}


def test_values_of_one_facet_widen_and_facets_narrow(faceted, other_centre):
    assert search(sector=["health", "ict"]).total == 4
    result = search(sector=["health", "ict"], centre=other_centre.slug)
    assert titles(result) == ["Other tool"]
    assert result.facets["kind"] == {"tool": 1}


def test_unknown_facet_values_are_ignored(faceted):
    result = search(kind="nonsense", sector=["health", "<b>"], year="20x4")

    assert result.params.kind == []
    assert result.params.year == []
    assert result.total == 3


def test_year_facet_counts_and_filters_by_year_of_publication(make):
    older = make("Older", language="en")
    newer = make("Newer", language="en")
    newest = make("Newest", language="en")
    published_in(older, 2019)
    published_in(newer, 2024)
    published_in(newest, 2024)

    assert search().facets["year"] == {"2019": 1, "2024": 2}
    result = search(year="2019")
    assert titles(result) == ["Older"]
    assert result.total == 1
    # The chosen facet keeps its other values' counts (disjunctive).
    assert result.facets["year"] == {"2019": 1, "2024": 2}
    assert search(year=["2019", "2024"]).total == 3


# --- Snippets ------------------------------------------------------------------------


def test_snippets_are_escaped_with_only_mark_tags(make):
    make(
        "Markup in a summary",
        language="en",
        summary=(
            'Procurement: 3 < 5 & "x" <script>alert(1)</script> '
            "<img src=x onerror=alert(1)> procurement ideas."
        ),
    )

    (resource,) = search(q="procurement").page.object_list
    html = str(resource.snippet_html)

    # ts_headline drops what it parses as tags and keeps the rest, raw.
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "3 &lt; 5 &amp; &quot;x&quot;" in html
    assert "<mark>Procurement</mark>" in html and "<mark>procurement</mark>" in html
    assert set(re.findall(r"</?([a-zA-Z]+)", html)) == {"mark"}


def test_a_browse_has_no_snippets(make):
    make("Guide", language="en")

    (resource,) = search().page.object_list
    assert resource.snippet_html == ""


# --- Odd input -----------------------------------------------------------------------

ODD = [
    '"',
    '""',
    '"unbalanced quote',
    "'",
    "&",
    "|",
    "!",
    ":*",
    "proc:*",
    "!procurement",
    "procurement & | ! innovation",
    "(((",
    ")",
    "<->",
    "a <-> b",
    "-",
    "- - -",
    "or",
    "the of and",
    "\\",
    "%_",
    "*",
    "🙂",
    "procurement 🙂🙂",
    "\x00",
    "pro\x00curement",
    "x" * 5000,
    "procurement " * 500,
    "ä" * 300,
    "\u200b\u202e",
    "'; DROP TABLE knowledge_resource; --",
]


@pytest.mark.parametrize("q", ODD)
def test_odd_queries_never_raise(make, q):
    make("Procurement guide", language="en")

    result = search(q=q, sort="relevance", page="2")

    assert isinstance(result, SearchResult)
    assert len(result.params.q) <= selectors.MAX_QUERY_LENGTH
    assert "\x00" not in result.params.q
    assert result.page.number == 1
    assert result.total == len(titles(result))


def test_a_query_with_a_nul_still_searches(make):
    make("Procurement guide", language="en")

    assert titles(search(q="procure\x00ment")) == ["Procurement guide"]


# --- Who sees what -------------------------------------------------------------------


@pytest.fixture
def states(centre, other_centre, editor, editor_b):
    """One resource per state and visibility, of both centres."""
    public = resource_create(
        centre=centre, by=editor, published=True, title="Public guide"
    )
    network = resource_create(
        centre=other_centre,
        by=editor_b,
        published=True,
        title="Network guide",
        visibility=Resource.Visibility.NETWORK,
    )
    own_draft = resource_create(centre=centre, by=editor, title="Own draft guide")
    other_draft = resource_create(
        centre=other_centre, by=editor_b, title="Other draft guide"
    )
    from knowledge import services

    in_review = services.resource_submit(
        resource=resource_create(centre=centre, by=editor, title="Review guide"),
        by=editor,
    )
    archived = services.resource_archive(
        resource=resource_create(
            centre=centre, by=editor, published=True, title="Archived guide"
        ),
        by=editor,
    )
    return public, network, own_draft, other_draft, in_review, archived


@pytest.mark.parametrize("q", ["", "guide"])
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", {"Public guide"}),
        ("procurer", {"Public guide"}),
        ("editor", {"Public guide", "Network guide"}),
        ("editor_b", {"Public guide", "Network guide"}),
        ("coordinator", {"Public guide", "Network guide"}),
    ],
)
def test_only_published_resources_are_listed_network_ones_for_staff(
    request, states, persona, expected, q
):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)

    result = search(user=user, q=q)

    assert set(titles(result)) == expected
    assert result.total == len(expected)
    assert sum(result.facets["kind"].values()) == len(expected)


# --- Pagination ----------------------------------------------------------------------


@pytest.fixture
def five(make, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    made = [make(f"Guide {i}", language="en") for i in range(5)]
    for year, resource in enumerate(made, start=2020):
        published_in(resource, year)
    return made


@pytest.mark.parametrize("page", ["4", "99", "10000", "99999999999999999999"])
def test_a_page_beyond_the_last_shows_the_last_page(five, page):
    result = search(page=page)

    assert result.page.number == 3
    assert result.params.page == 3
    assert titles(result) == ["Guide 0"]
    assert result.total == 5


@pytest.mark.parametrize("page", ["0", "-3", "abc", ""])
def test_a_page_that_is_no_page_shows_the_first(five, page):
    result = search(page=page)

    assert result.page.number == 1
    assert titles(result) == ["Guide 4", "Guide 3"]


def test_pages_follow_each_other_without_gaps_or_repeats(five):
    seen = [t for n in (1, 2, 3) for t in titles(search(page=n))]

    assert seen == [f"Guide {i}" for i in (4, 3, 2, 1, 0)]


def test_pages_of_a_relevance_search_follow_each_other(five):
    seen = [t for n in (1, 2, 3) for t in titles(search(q="guide", page=n))]

    assert sorted(seen) == [f"Guide {i}" for i in range(5)]


def test_choosing_a_second_value_of_a_facet_adds_exactly_its_count(faceted):
    """What a chosen facet's option says it adds is what choosing it adds."""
    one = search(sector="ict", kind="tool")
    offered = one.facets["kind"]
    assert offered == {"tool": 1, "case_study": 1}
    both = search(sector="ict", kind=["tool", "case_study"])
    assert both.total == offered["tool"] + offered["case_study"] == 2
    assert sorted(titles(both)) == ["Case", "Other tool"]

"""The search page's facet options and results, built in Python
(knowledge/rendering.py), write what the template wrote before, escaped alike.

REFERENCE_* are those template parts as they were; both are rendered for the
same page (hostile titles and labels, a network-only result, a tool type, an
estimated count) and compared with the whitespace between tags left out.
"""

import re

import pytest
from django.template import Context, Template

from centres.models import Centre
from knowledge.models import Resource
from knowledge.rendering import facet_options_html
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

REFERENCE_OPTIONS = """{% load i18n %}{% translate "about" as about %}
{% for option in options %}
              <li class="kb-facet__option">
                <input type="checkbox" form="kb-search" id="{{ option.id }}" name="{{ facet.name }}" value="{{ option.value }}"{% if option.checked %} checked{% endif %}>
                <label for="{{ option.id }}"><span class="kb-facet__label">{{ option.label }}</span> <span class="kb-facet__count">{% if result.approximate %}<span aria-hidden="true">≈</span><span class="visually-hidden">{{ about }} </span>{% endif %}{{ option.count }}<span class="visually-hidden"> {{ option.unit }}</span></span></label>
              </li>
{% endfor %}"""

REFERENCE_RESULTS = """{% load i18n %}{% for resource in resources %}
          <li>
            <article class="kb-result kb-result--{{ resource.kind }}">
              <div class="badges">
                <span class="badge kb-kind kb-kind--{{ resource.kind }}">{{ resource.kind_label }}</span>
                {% if resource.tool_type_label %}<span class="badge badge--neutral">{{ resource.tool_type_label }}</span>{% endif %}
                {% if resource.visibility == "network" %}<span class="badge badge--warning">{% translate "Network only" %}</span>{% endif %}
              </div>
              <h3 class="kb-result__title"><a href="{{ resource.get_absolute_url }}" lang="{{ resource.language }}">{{ resource.title }}</a></h3>
              <p class="kb-result__meta">
                <span>{{ resource.centre.short_name }}</span>
                <span>{{ resource.language_label }}</span>
                {% with date=resource.published_on|default:resource.published_at %}{% if date %}<span><time datetime="{{ date|date:'Y-m-d' }}">{{ date|date:"j F Y" }}</time></span>{% endif %}{% endwith %}
              </p>
              <p class="kb-result__snippet" lang="{{ resource.language }}">{% if resource.snippet_html %}{{ resource.snippet_html }}{% else %}{{ resource.summary|truncatewords:50 }}{% endif %}</p>
              {% if resource.sector_labels %}
                <ul class="tags kb-result__tags">
                  {% for label in resource.sector_labels %}<li>{{ label }}</li>{% endfor %}
                </ul>
              {% endif %}
            </article>
          </li>
{% endfor %}"""

HOSTILE = '<script>alert("x")</script> & <b onmouseover=alert(1)>'


def squeezed(html: str) -> str:
    """Without the whitespace between tags, other runs of it as one space."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


@pytest.fixture
def hostile(centre, manager, other_centre):
    Centre.objects.filter(pk=centre.pk).update(short_name="A&B <i>")
    long_summary = " ".join(f"word{i}" for i in range(80)) + ' "quoted" <em>'
    resources = [
        resource_create(
            centre=centre,
            by=manager,
            published=True,
            kind=Resource.Kind.TOOL,
            tool_type=Resource.ToolType.GUIDE,
            title=f"Tender guide {HOSTILE}",
            summary=long_summary,
            language="de",
            sectors=["ict", "health"],
        ),
        resource_create(
            centre=other_centre,
            by=manager,
            published=True,
            kind=Resource.Kind.CASE_STUDY,
            title="Tender case, network only",
            summary="A tender for the network's eyes.",
            visibility="network",
            sectors=[],
        ),
    ]
    return resources


def test_results_and_facets_write_what_the_template_wrote(client, hostile, editor_b):
    client.force_login(editor_b)  # centre staff: the network-only result too
    for query in ({}, {"q": "tender"}, {"q": "word7", "sector": "ict"}):
        response = client.get("/resources/", query)
        assert response.status_code == 200
        context = response.context
        resources = list(context["resources"])
        assert resources, query
        html = response.content.decode()

        expected = Template(REFERENCE_RESULTS).render(Context({"resources": resources}))
        assert squeezed(context["results_html"]) == squeezed(expected)
        assert squeezed(context["results_html"]) in squeezed(html)

        for facet in context["facets"]:
            for options, written in (
                (facet["options"], facet["options_html"]),
                (facet["more"], facet["more_html"]),
            ):
                expected = Template(REFERENCE_OPTIONS).render(
                    Context(
                        {
                            "options": options,
                            "facet": facet,
                            "result": context["result"],
                        }
                    )
                )
                assert squeezed(written) == squeezed(expected), facet["name"]
                assert squeezed(written) in squeezed(html)

    # What the hostile values became: text, never markup.
    html = client.get("/resources/", {"q": "tender"}).content.decode()
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert (
        "Tender guide &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    )
    assert "<span>A&amp;B &lt;i&gt;</span>" in html
    assert '<span class="badge badge--warning">Network only</span>' in html
    assert '<span class="badge badge--neutral">Guide</span>' in html


@pytest.mark.parametrize("approximate", [True, False])
def test_each_option_is_marked_estimated_or_not_as_the_template_did(approximate):
    options = [
        {
            "id": "f-country-0",
            "value": 'X"><script>',
            "label": HOSTILE,
            "count": 12000,
            "unit": "resources",
            "checked": True,
        },
        {
            "id": "f-country-1",
            "value": "NL",
            "label": "Netherlands",
            "count": 1,
            "unit": "resource",
            "checked": False,
        },
    ]
    written = facet_options_html("country", options, approximate=approximate)
    expected = Template(REFERENCE_OPTIONS).render(
        Context(
            {
                "options": options,
                "facet": {"name": "country"},
                "result": {"approximate": approximate},
            }
        )
    )
    assert squeezed(written) == squeezed(expected)
    assert ('<span aria-hidden="true">≈</span>' in written) is approximate
    assert "<script>" not in written and 'value="X&quot;&gt;&lt;script&gt;"' in written
    assert written.count(" checked>") == 1

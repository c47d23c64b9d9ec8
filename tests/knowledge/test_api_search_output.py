"""GET /api/v1/resources/ answers exactly what its documented serializer
(ResourceSearchResponseSerializer) would: the list writes its JSON directly
(knowledge.api.serializers.search_response_data), for speed; the serializer is
the schema. Each search is asked twice, the second time through the serializer,
and the two bodies compared byte for byte."""

import pytest

from knowledge.api import views
from knowledge.api.serializers import ResourceSearchResponseSerializer
from knowledge.models import Resource
from tests.knowledge.conftest_k3 import API, PERSONAS, client_for, make

pytestmark = pytest.mark.django_db


def through_the_serializer(data, *, request):
    return ResourceSearchResponseSerializer(data, context={"request": request}).data


@pytest.fixture
def hits(centre, other_centre, editor, editor_b):
    for i in range(23):  # two pages of one search
        make(
            centre,
            editor,
            status="published",
            title=f"Innovation procurement guide {i} <b>&</b>",
            summary=f"How buyers run an innovation procurement, part {i}.",
            sectors=["ict", "health"] if i % 2 else ["energy"],
            approaches=["pcp"] if i % 3 else [],
            countries=["DE", "AT"] if i % 2 else [],
        )
    make(
        other_centre,
        editor_b,
        status="published",
        kind=Resource.Kind.CASE_STUDY,
        language="de",
        title="Innovationsbeschaffung im Krankenhaus",
        summary="Ein Krankenhaus beschafft innovativ.",
        sectors=["health"],
        visibility=Resource.Visibility.NETWORK,
    )
    make(centre, editor, title="Innovation draft")


QUERIES = [
    {},
    {"q": "innovation"},
    {"q": "innovation", "page": "2"},
    {"q": "procurement", "sector": ["health", "ict"], "country": "DE"},
    {"q": "innovationsbeschaffung"},
    {"kind": "case_study", "sort": "oldest"},
    {"q": "nothing-matches-this"},
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_answers_what_its_serializer_documents(
    request, hits, persona, monkeypatch
):
    api = client_for(request, persona)
    for query in QUERIES:
        direct = api.get(API, query)
        assert direct.status_code == 200, (query, direct.content)
        with monkeypatch.context() as patched:
            patched.setattr(views, "search_response_data", through_the_serializer)
            documented = api.get(API, query)
        assert documented.status_code == 200
        assert direct.content == documented.content, (persona, query)
        assert direct.json()["count"] == documented.json()["count"]
    # The searches did find things, for everyone.
    assert api.get(API, {"q": "innovation"}).json()["count"] >= 23

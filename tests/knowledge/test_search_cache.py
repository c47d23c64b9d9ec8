"""Search results are cached until any resource changes; who may see what is part
of the key. The real cache of the suite (Redis when REDIS_URL is set)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from knowledge import services
from knowledge.models import Resource
from knowledge.selectors import SearchParams, resource_search
from tests.factories import resource_create

pytestmark = pytest.mark.django_db


def search(user=None, query_string=""):
    params = SearchParams.from_querydict(QueryDict(query_string))
    with CaptureQueriesContext(connection) as ctx:
        result = resource_search(user=user or AnonymousUser(), params=params)
    statements = [q["sql"] for q in ctx.captured_queries]
    return result, statements


def titles(result):
    return [r.title for r in result.page.object_list]


def facet_statements(statements):
    return [sql for sql in statements if "GROUP BY GROUPING SETS" in sql]


@pytest.fixture
def two(centre, editor, manager):
    first = resource_create(
        centre=centre, by=manager, published=True, title="Tender toolkit one"
    )
    second = resource_create(
        centre=centre, by=manager, published=True, title="Tender toolkit two"
    )
    return first, second


def test_the_same_search_again_is_answered_from_the_cache(two):
    first, statements = search(query_string="q=toolkit")
    again, statements_again = search(query_string="q=toolkit")

    # Counted once; then not at all.
    assert len(facet_statements(statements)) == 1
    assert facet_statements(statements_again) == []
    assert len(statements_again) < len(statements)
    assert titles(again) == titles(first) and len(titles(first)) == 2
    assert again.facets == first.facets and again.total == first.total == 2


def test_a_change_to_any_resource_shows_at_the_next_search(two, centre, manager):
    before, _ = search(query_string="q=toolkit")
    assert before.total == 2

    third = resource_create(
        centre=centre, by=manager, published=True, title="Tender toolkit three"
    )
    after, statements = search(query_string="q=toolkit")
    assert after.total == 3 and "Tender toolkit three" in titles(after)
    assert len(facet_statements(statements)) == 1  # computed again

    services.resource_archive(resource=third, by=manager)
    archived, _ = search(query_string="q=toolkit")
    assert archived.total == 2
    assert "Tender toolkit three" not in titles(archived)


def test_what_staff_may_see_is_not_served_to_visitors(centre, editor, manager):
    resource_create(
        centre=centre,
        by=manager,
        published=True,
        title="Internal toolkit",
        visibility=Resource.Visibility.NETWORK,
    )
    staff, _ = search(editor, "q=toolkit")
    visitor, _ = search(None, "q=toolkit")

    assert titles(staff) == ["Internal toolkit"]
    assert titles(visitor) == [] and visitor.total == 0


def test_a_change_warms_the_visitors_browse_page_once_committed(
    two, centre, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resource_create(centre=centre, by=manager, published=True, title="Fresh")

    # The warm-up (eager here; a worker in production) left the browse computed.
    browse, statements = search()
    assert facet_statements(statements) == []
    assert browse.total == 3 and titles(browse)[0] == "Fresh"

"""GET /api/v1/events/: the public calendar with filters, no join links."""

import pytest
from rest_framework.test import APIClient

from .helpers import make_event

pytestmark = pytest.mark.django_db


def test_list_is_public_filtered_and_hides_join_links(
    centre, other_centre, editor, editor_b
):
    make_event(centre=centre, by=editor, title="Alpha webinar", sectors=["health"])
    make_event(
        centre=other_centre,
        by=editor_b,
        title="Beta workshop",
        kind="workshop",
        organisers=[centre],
    )
    make_event(centre=centre, by=editor, title="Draft", published=False)
    api = APIClient()
    response = api.get("/api/v1/events/")
    assert response.status_code == 200
    body = response.json()
    assert [e["title"] for e in body["results"]] == ["Alpha webinar", "Beta workshop"]
    first = body["results"][0]
    assert first["join_link"] is None
    assert first["my_registration"] is None
    assert first["abilities"]["update"] is False
    assert first["seats"] == {
        "confirmed": 0,
        "waitlisted": 0,
        "left": None,
        "full": False,
    }
    assert [o["slug"] for o in body["results"][1]["organisers"]] == ["alpha", "beta"]
    assert [
        e["title"] for e in api.get("/api/v1/events/?kind=workshop").json()["results"]
    ] == ["Beta workshop"]
    assert [
        e["title"] for e in api.get("/api/v1/events/?sector=health").json()["results"]
    ] == ["Alpha webinar"]
    assert [
        e["title"] for e in api.get("/api/v1/events/?organiser=beta").json()["results"]
    ] == ["Beta workshop"]
    assert api.get("/api/v1/events/?when=past").json()["results"] == []

"""From an answered request to a published, anonymised "Question and answer"
that the knowledge base's search and facets find; the request stays private."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from advice import services
from knowledge.models import Resource
from tests.factories import resource_create

from .helpers import ask, reload

pytestmark = pytest.mark.django_db


def qa_url(request, name="qa"):
    return reverse(
        f"manage:advice:{name}", kwargs={"centre_slug": "alpha", "pk": request.pk}
    )


def test_an_answered_request_becomes_a_published_qa_found_by_search(
    client, centre, editor, manager, procurer
):
    related = resource_create(centre=centre, by=manager, published=True)
    request = ask(user=procurer, subject="Paula from Musterstadt asks about tenders")
    services.request_reply(
        request=request, by=editor, body="Use a prior information notice."
    )
    client.force_login(editor)
    form = client.get(qa_url(request)).content.decode()
    # The form starts from the texts; the person edits them.
    assert "How do we announce a market consultation" in form
    assert "Use a prior information notice." in form
    response = client.post(
        qa_url(request),
        {
            "title": "Announcing a market consultation for catering",
            "question": "How does a city announce a market consultation?",
            "answer": "Publish a prior information notice and invite suppliers.",
            "language": "en",
            "related": [related.pk],
        },
    )
    assert response.status_code == 302
    qa = Resource.objects.get(kind=Resource.Kind.QUESTION_ANSWER)
    assert qa.status == Resource.Status.DRAFT and qa.centre == centre
    assert list(qa.related.all()) == [related]
    assert "Musterstadt" not in qa.title + qa.body + qa.summary
    assert reload(request).qa_resource == qa
    # Not public until the review workflow publishes it.
    client.logout()
    search = reverse("knowledge:resource-list") + "?q=catering"
    assert "Announcing a market consultation" not in client.get(search).content.decode()
    client.force_login(editor)
    client.post(
        reverse("manage:resources:submit", kwargs={"centre_slug": "alpha", "pk": qa.pk})
    )
    client.force_login(manager)
    client.post(
        reverse(
            "manage:resources:publish", kwargs={"centre_slug": "alpha", "pk": qa.pk}
        )
    )
    qa.refresh_from_db()
    assert qa.status == Resource.Status.PUBLISHED
    client.logout()
    page = client.get(search).content.decode()
    assert "Announcing a market consultation for catering" in page
    assert "kb-kind--question_answer" in page  # its kind's badge
    assert 'value="question_answer"' in page or "kind=question_answer" in page
    faceted = client.get(
        reverse("knowledge:resource-list") + "?kind=question_answer"
    ).content.decode()
    assert "Announcing a market consultation for catering" in faceted
    assert related.title not in faceted
    # The original request is never public.
    assert (
        client.get(reverse("advice:mine-detail", kwargs={"pk": request.pk})).status_code
        == 302
    )
    assert "Musterstadt" not in client.get(qa.get_absolute_url()).content.decode()


@pytest.mark.parametrize("state", ["unanswered", "no_consent"])
def test_a_qa_is_refused_without_an_answer_or_consent(
    client, centre, editor, procurer, state
):
    request = ask(user=procurer, consent_publish=state != "no_consent")
    if state == "no_consent":
        services.request_reply(request=request, by=editor, body="Answer")
    client.force_login(editor)
    response = client.post(
        qa_url(request),
        {"title": "T", "question": "Q", "answer": "A", "language": "en"},
    )
    assert response.status_code == 400
    assert not Resource.objects.filter(kind=Resource.Kind.QUESTION_ANSWER).exists()
    with scopes_disabled():
        assert reload(request).qa_resource is None

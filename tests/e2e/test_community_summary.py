"""A member chooses the daily summary of a community in her preference centre;
another member posts (with his API token); the daily beat task runs on the
real Celery worker and her summary arrives over SMTP with the post, RFC 8058
headers and links that work: the thread, and the way out. In Chromium, with
axe-core on the preference page and the way out."""

import re

import pytest
from django.urls import reverse

from accounts.services import api_token_create
from communities.models import Community, CommunityMember
from tests.communities_notify.worker import (  # noqa: F401 (fixtures)
    communities_queue,
    communities_worker,
    live_communities,
)
from tests.factories import UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.usefixtures("live_communities")
def test_a_member_gets_the_post_in_her_daily_summary_and_opens_it(
    live_server,
    page,
    centre,
    smtp_server,
):
    base = live_server.url
    community = Community.objects.create(
        centre=centre,
        slug="build-alumni",
        name="BUILD training alumni",
        purpose="Alumni of the BUILD training.",
    )
    reader = UserFactory(email="marta@city.example", full_name="Marta Reader")
    poster = UserFactory(email="jonas@city.example", full_name="Jonas Poster")
    CommunityMember.objects.create(community=community, user=reader, notify="instant")
    CommunityMember.objects.create(community=community, user=poster, notify="none")

    # --- She chooses the daily summary in her preference centre. ------------
    sign_in(page, base, reader.email)
    page.goto(base + reverse("accounts:profile"))
    section = page.locator("#communities")
    assert "BUILD training alumni: Every post at once" in section.inner_text()
    section.get_by_role("link", name="Change your community e-mails").click()
    page.wait_for_url(re.compile(r"/en/community-emails/$"))
    assert_accessible(page)
    page.get_by_label("BUILD training alumni").select_option("daily")
    page.get_by_role("button", name="Save community e-mails").click()
    page.wait_for_url(re.compile(r"/en/community-emails/$"))
    assert "Your community e-mails are saved." in page.locator("main").inner_text()
    assert CommunityMember.objects.get(user=reader).notify == "daily"

    # --- He posts, by the API with his token. -------------------------------
    response = page.request.post(
        base
        + reverse(
            "api:community-thread-list", kwargs={"community_slug": community.slug}
        ),
        headers={"Authorization": f"Token {api_token_create(user=poster)}"},
        data={"title": "Market consultation templates", "body": "Mine are attached."},
    )
    assert response.status == 201, response.text()
    thread_id = response.json()["id"]

    # --- The daily beat task runs on the worker; her summary arrives. --------
    sink, _ = smtp_server
    sink.clear()
    from communities.tasks import summaries_send

    summaries_send.delay("daily")
    [message] = sink.wait_for(1, timeout=30)
    assert message["To"] == reader.email
    assert message["Subject"] == "Your daily community summary: 1 new post"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = message.get_body(("plain",)).get_content()
    assert "Market consultation templates" in body
    assert "Jonas Poster" in body

    # --- She opens the post from the mail. -----------------------------------
    thread_link = next(w for w in body.split() if f"/threads/{thread_id}/" in w)
    answer = page.goto(base + path_of(thread_link))
    assert answer.status == 200

    # --- And leaves the summaries with the link at its end. -----------------
    # The community's own link comes first; the summaries' own at the end.
    out_links = [w for w in body.split() if "/community-emails/out/" in w]
    assert len(out_links) == 2
    out_link = out_links[-1]
    assert message["List-Unsubscribe"].strip() == f"<{out_link}>"
    page.goto(base + path_of(out_link))
    assert_accessible(page)
    page.get_by_role("button", name="Stop these e-mails").click()
    page.wait_for_load_state()
    assert "gets no more daily community summaries" in page.locator("main").inner_text()
    assert_accessible(page)
    assert CommunityMember.objects.get(user=reader).notify == "none"

"""A member of a closed community reports a post, a moderator hides it with a
reason, and its author sees the reason; a non-member gets 404 on the closed
community's thread and its file. In Chromium, with axe-core on every page."""

import pytest
from django.urls import reverse

from communities import services
from communities.models import Post
from tests.advice.helpers import pdf
from tests.communities.helpers import community, person

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_reports_moderator_hides_author_sees_reason(
    live_server, browser, centre
):
    base = live_server.url
    closed = community(
        centre, slug="health", name="Health buyers", closed=True, sector="health"
    )
    author = person(closed, email="mia@example.org", full_name="Mia Author")
    reporter = person(closed, email="rex@example.org", full_name="Rex Reporter")
    moderator = person(
        closed, role="moderator", email="mo@example.org", full_name="Mo Derator"
    )
    outsider = person(email="out@example.org", full_name="Otto Outsider")
    thread = services.thread_start(
        community=closed, author=moderator, title="Imaging tenders", body="Ideas?"
    )
    rude = services.post_reply(
        thread=thread,
        author=author,
        body="Buy from my cousin's firm, *everyone* else is useless.",
        uploads=[pdf("offer.pdf")],
    )
    file_pk = rude.files.get().pk
    thread_url = base + reverse(
        "communities:thread", kwargs={"slug": closed.slug, "pk": thread.pk}
    )

    # The reporter opens the community, then the thread, and reports the reply.
    context, page = new_page(browser)
    sign_in(page, base, reporter.email)
    page.goto(base + reverse("communities:list"))
    page.get_by_role("link", name="Health buyers").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("link", name="Imaging tenders").click()
    page.wait_for_load_state()
    assert_accessible(page)
    post = page.locator(f"#post-{rude.pk}")
    post.locator("summary", has_text="Report").click()
    post.get_by_label("What is wrong with this post?").fill("Advertising, and rude.")
    post.get_by_role("button", name="Send report").click()
    page.wait_for_load_state()
    assert "The moderators will look at this post." in page.content()
    assert_accessible(page)
    context.close()

    # The moderator finds the report and hides the post with a reason.
    context, page = new_page(browser)
    sign_in(page, base, moderator.email)
    page.goto(base + reverse("communities:detail", kwargs={"slug": closed.slug}))
    page.get_by_role("link", name="Moderation").click()
    page.wait_for_load_state()
    assert "Advertising, and rude." in page.content()
    assert_accessible(page)
    page.get_by_label("Reason (the author sees it)").first.fill(
        "Please keep to the topic and be respectful."
    )
    page.get_by_role("button", name="Hide post").first.click()
    page.wait_for_load_state()
    assert "The post is hidden." in page.content()
    assert_accessible(page)
    context.close()
    rude.refresh_from_db()
    assert rude.status == Post.Status.HIDDEN
    assert thread.posts.get(status=Post.Status.VISIBLE).body == "Ideas?"

    # The author sees the reason on the thread; her post's text is gone.
    context, page = new_page(browser)
    sign_in(page, base, author.email)
    page.goto(thread_url)
    text = page.locator(f"#post-{rude.pk}").inner_text()
    assert "Please keep to the topic and be respectful." in text
    assert "cousin" not in text
    assert_accessible(page)
    context.close()

    # A signed-in non-member gets 404 on the thread and on its file.
    context, page = new_page(browser)
    sign_in(page, base, outsider.email)
    response = page.goto(thread_url)
    assert response.status == 404
    assert "Imaging tenders" not in page.content()
    assert_accessible(page)
    file_url = base + reverse(
        "communities:file", kwargs={"slug": closed.slug, "pk": file_pk}
    )
    response = page.request.get(file_url)
    assert response.status == 404
    context.close()

"""A visitor in Portugal asks the network, confirms her address from the mail,
the Portuguese centre answers, she replies, the request is closed and becomes
an anonymised Q&A that the knowledge search finds. In Chromium, with axe-core
on every page of the way."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from advice.models import AdviceRequest
from centres.models import Role
from knowledge.models import Resource
from tests.conftest import with_totp
from tests.factories import CentreFactory, UserFactory, membership_create

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISITOR = "ines@municipio.example"


def link_in_mail(subject_part, marker):
    [message] = [
        m
        for m in mail.outbox
        if VISITOR in m.to and subject_part.lower() in m.subject.lower()
    ]
    url = next(word for word in message.body.split() if marker in word)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_portuguese_visitor_asks_is_answered_and_her_qa_is_found(
    live_server, browser, centre
):
    base = live_server.url
    portugal = CentreFactory(
        slug="portugal", name="Portuguese Centre", short_name="PT", country="PT"
    )
    editor = UserFactory(email="pt-editor@example.org", full_name="Rui Editor")
    membership_create(centre=portugal, user=editor, role=Role.EDITOR)
    manager = with_totp(UserFactory(email="pt-manager@example.org"))
    membership_create(centre=portugal, user=manager, role=Role.MANAGER)

    # --- The visitor asks. ---------------------------------------------------
    visitor_ctx, visitor = new_page(browser)
    visitor.goto(base + reverse("advice:home"))
    assert "Portuguese Centre" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Ask a question").first.click()
    visitor.wait_for_url(re.compile(r"/advice/ask/$"))
    assert_accessible(visitor)
    visitor.get_by_label("Your name").fill("Inês Visitor")
    visitor.get_by_label("Your e-mail address").fill(VISITOR)
    visitor.get_by_label("Subject").fill("Smart street lighting pilot")
    visitor.get_by_label("Your question").fill(
        "Our municipality of Braga wants to pilot smart street lighting. "
        "Can we use pre-commercial procurement?"
    )
    visitor.get_by_label("Country of your organisation").select_option("PT")
    visitor.get_by_label("Type of organisation").select_option("municipality")
    visitor.get_by_label("Sector").select_option("energy")
    visitor.get_by_label("Procurement approach (optional)").select_option("pcp")
    visitor.get_by_label("The centre may publish").check()
    visitor.get_by_role("button", name="Send my question").click()
    visitor.wait_for_url(re.compile(r"/advice/$"))
    assert "Almost done" in visitor.locator(".messages").inner_text()

    # --- She confirms her address from the mail. ----------------------------
    visitor.goto(base + link_in_mail("Confirm your question", "/advice/confirm/"))
    assert visitor.locator("h1").inner_text() == "Confirm your question"
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Confirm my question").click()
    visitor.wait_for_url(re.compile(r"/advice/follow/"))
    assert "Portuguese Centre" in visitor.locator(".messages").inner_text()
    assert_accessible(visitor)
    with scopes_disabled():
        request = AdviceRequest.objects.get(email=VISITOR)
    assert request.centre == portugal

    # --- The Portuguese centre answers. -------------------------------------
    staff_ctx, staff = new_page(browser)
    sign_in(staff, base, editor.email)
    staff.goto(
        base + reverse("manage:advice:inbox", kwargs={"centre_slug": "portugal"})
    )
    assert_accessible(staff)
    staff.get_by_role("link", name=re.compile("Smart street lighting pilot")).click()
    staff.wait_for_url(re.compile(rf"/advice/{request.pk}/$"))
    assert_accessible(staff)
    staff.get_by_role("textbox", name="Internal note").fill(
        "Check the national PCP guide first."
    )
    staff.get_by_role("button", name="Add the note").click()
    staff.wait_for_load_state()
    staff.get_by_role("textbox", name="Reply to the procurer").fill(
        "Yes: a PCP suits a pilot. Start with an open market consultation."
    )
    staff.get_by_role("button", name="Send the reply").click()
    staff.wait_for_load_state()
    assert "Your reply was sent" in staff.locator(".messages").inner_text()

    # --- She reads the reply and answers back. ------------------------------
    visitor.goto(base + link_in_mail("Reply to your question", "/advice/follow/"))
    thread = visitor.locator(".advice-thread").inner_text()
    assert "Start with an open market consultation." in thread
    assert "national PCP guide" not in visitor.content()
    visitor.get_by_label("Your message").fill("Thank you, that helps a lot.")
    visitor.get_by_role("button", name="Send").click()
    visitor.wait_for_load_state()
    assert (
        "Thank you, that helps a lot." in visitor.locator(".advice-thread").inner_text()
    )
    assert_accessible(visitor)

    # --- The centre closes it and writes the anonymised Q&A. ----------------
    staff.reload()
    assert (
        "Thank you, that helps a lot." in staff.locator(".advice-thread").inner_text()
    )
    staff.get_by_role("combobox", name="Status", exact=True).select_option("closed")
    staff.get_by_role("button", name="Change the status").click()
    staff.wait_for_load_state()
    visitor.reload()
    assert "no more messages" in visitor.locator("main").inner_text()
    staff.get_by_role("link", name="Write an anonymised Q&A").click()
    staff.wait_for_url(re.compile(r"/qa/$"))
    assert_accessible(staff)
    assert "Braga" in staff.get_by_label("Question (anonymised)").input_value()
    staff.get_by_label("Title").fill(
        "Can a city pilot smart street lighting with a PCP?"
    )
    staff.get_by_label("Question (anonymised)").fill(
        "A municipality wants to pilot smart street lighting. "
        "Can it use pre-commercial procurement?"
    )
    staff.get_by_label("Answer (anonymised)").fill(
        "Yes: a PCP suits a pilot. Start with an open market consultation."
    )
    staff.get_by_role("button", name="Save the draft").click()
    staff.wait_for_url(re.compile(r"/manage/portugal/resources/\d+/$"))
    staff.get_by_role("button", name="Submit for review").click()
    staff.wait_for_load_state()
    qa = Resource.objects.get(kind=Resource.Kind.QUESTION_ANSWER)
    assert qa.status == Resource.Status.IN_REVIEW

    # --- A manager publishes it through the review workflow. ---------------
    manager_ctx, boss = new_page(browser)
    sign_in(boss, base, manager.email, with_code=True)
    boss.goto(
        base
        + reverse(
            "manage:resources:detail", kwargs={"centre_slug": "portugal", "pk": qa.pk}
        )
    )
    boss.get_by_role("button", name="Publish").click()
    boss.wait_for_load_state()
    qa.refresh_from_db()
    assert qa.status == Resource.Status.PUBLISHED

    # --- The knowledge search finds it; the request stays private. --------
    visitor.goto(base + reverse("knowledge:resource-list") + "?q=street+lighting")
    results = visitor.locator("main").inner_text()
    assert "Can a city pilot smart street lighting with a PCP?" in results
    assert "Braga" not in visitor.content()
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Can a city pilot smart street lighting").click()
    visitor.wait_for_load_state()
    assert "Question and answer" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    for ctx in (visitor_ctx, staff_ctx, manager_ctx):
        ctx.close()

"""A city applies to the task force, confirms its address from the mail, is
accepted by BUILD's staff, joins the BUILD community from its welcome page and
starts a thread there, which another member finds in her daily summary. In
Chromium, with axe-core on every page of the way."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from centres.models import Centre, Role
from communities.models import Community, CommunityMember, TaskForceApplication
from communities.tasks import summaries_send
from tests.factories import PASSWORD, CentreFactory, UserFactory, membership_create

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITY = "mobility@zwolle.example"


def link_in_mail(subject_part, marker):
    [message] = [
        m
        for m in mail.outbox
        if CITY in m.to and subject_part.lower() in m.subject.lower()
    ]
    url = next(word for word in message.body.split() if marker in word)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_city_applies_is_accepted_joins_and_posts_to_a_members_summary(
    live_server, browser
):
    base = live_server.url
    build = CentreFactory(
        slug="build",
        name="BUILD",
        short_name="BUILD",
        country="",
        kind=Centre.Kind.PROJECT,
    )
    CentreFactory(
        slug="procedin",
        name="PROCEDIN",
        short_name="PROCEDIN",
        country="",
        kind=Centre.Kind.PROJECT,
    )
    staff = UserFactory(email="trainer@build.example", full_name="Bea Trainer")
    membership_create(centre=build, user=staff, role=Role.EDITOR)
    community = Community.objects.create(
        centre=build,
        name="BUILD training alumni",
        slug="build-alumni",
        purpose="Alumni of BUILD's trainings share what they learnt.",
    )
    colleague = UserFactory(email="marta@leuven.example", full_name="Marta Peeters")
    CommunityMember.objects.create(community=community, user=colleague, notify="daily")

    # --- The city applies. ---------------------------------------------------
    city_ctx, city = new_page(browser)
    city.goto(base + reverse("task-force"))
    city.get_by_role("link", name="Apply to join").click()
    city.wait_for_url(re.compile(r"/task-force/join/$"))
    assert_accessible(city)
    city.get_by_role("textbox", name="Organisation", exact=True).fill("Gemeente Zwolle")
    city.get_by_label("Type of organisation").select_option("city")
    city.get_by_label("Country").select_option("NL")
    city.get_by_label("Contact person").fill("Daan de Vries")
    city.get_by_label("E-mail address").fill(CITY)
    city.get_by_role("checkbox", name="BUILD").check()
    city.get_by_label("Why do you want to join?").fill(
        "Our procurers need training in market consultation."
    )
    city.get_by_role("checkbox", name="Construction").check()
    city.get_by_label("List my organisation in the public member directory.").check()
    city.get_by_role("button", name="Send my application").click()
    city.wait_for_url(re.compile(r"/task-force/$"))
    assert "Almost done" in city.locator(".messages").inner_text()

    # --- It confirms its address from the mail. -----------------------------
    city.goto(base + link_in_mail("Confirm your application", "/task-force/confirm/"))
    assert city.locator("h1").inner_text() == "Confirm your application"
    assert_accessible(city)
    city.get_by_role("button", name="Confirm my application").click()
    city.wait_for_url(re.compile(r"/task-force/application/"))
    assert_accessible(city)
    application = TaskForceApplication.objects.get(email=CITY)
    assert application.confirmed_at is not None

    # --- BUILD's staff accept it. -------------------------------------------
    staff_ctx, desk = new_page(browser)
    sign_in(desk, base, staff.email)
    desk.goto(
        base + reverse("manage:applications:list", kwargs={"centre_slug": "build"})
    )
    assert_accessible(desk)
    desk.get_by_role("link", name="Gemeente Zwolle").click()
    desk.wait_for_url(re.compile(rf"/applications/{application.pk}/$"))
    assert_accessible(desk)
    desk.get_by_role("button", name="Accept the application").click()
    desk.wait_for_load_state()
    assert "accepted" in desk.locator(".messages").inner_text()
    application.refresh_from_db()
    assert application.status == "accepted"

    # --- From the welcome mail the city signs in and joins the community. ---
    UserFactory(email=CITY, full_name="Daan de Vries")
    city.goto(base + link_in_mail("Welcome to the Innovation", "/task-force/welcome/"))
    assert city.locator("h1").inner_text() == "Welcome to the task force"
    assert_accessible(city)
    city.get_by_role("link", name="Sign in", exact=True).last.click()
    city.wait_for_url(re.compile(r"/accounts/login/"))
    city.locator("input[name=login]").fill(CITY)
    city.locator("input[name=password]").fill(PASSWORD)
    city.locator("form:has(input[name=login]) [type=submit]").first.click()
    city.wait_for_url(re.compile(r"/task-force/welcome/"))
    city.get_by_role("button", name="Join BUILD training alumni").click()
    city.wait_for_load_state()
    assert "You joined BUILD training alumni" in city.locator(".messages").inner_text()
    assert "You are a member" in city.locator("main").inner_text()
    assert_accessible(city)
    membership = CommunityMember.objects.get(community=community, user__email=CITY)
    assert membership.status == "active"

    # --- It starts a thread; the colleague's daily summary carries it. ------
    city.goto(base + reverse("communities:detail", kwargs={"slug": community.slug}))
    city.get_by_role("link", name="Start a thread").click()
    city.wait_for_url(re.compile(r"/new/$"))
    assert_accessible(city)
    city.get_by_label("Title").fill("Templates for market consultations")
    city.get_by_label("Message").fill("Which templates do your cities use?")
    city.get_by_role("button", name="Post").click()
    city.wait_for_url(re.compile(r"/threads/\d+/$"))
    assert "Which templates do your cities use?" in city.locator("main").inner_text()
    assert_accessible(city)
    mail.outbox.clear()
    summaries_send.apply(args=["daily"])
    [summary] = [m for m in mail.outbox if colleague.email in m.to]
    assert summary.subject == "Your daily community summary: 1 new post"
    assert "Templates for market consultations" in summary.body
    assert "Daan de Vries" in summary.body

    # --- And it is listed in the directory. ---------------------------------
    city.goto(base + reverse("taskforce:members") + "?project=build")
    assert "Gemeente Zwolle" in city.locator("main").inner_text()
    assert_accessible(city)
    city_ctx.close()
    staff_ctx.close()

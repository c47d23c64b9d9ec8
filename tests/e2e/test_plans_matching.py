"""Two buyers from different countries post plans in the same CPV group, each
sees the other's plan among the similar plans, and one expresses interest: the
other gets the e-mail and finds the interest on her plan's page. A centre
starts an initiative, then adds a plan and takes one out. In Chromium, with
axe-core on every page of the way."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from centres.models import Role
from cooperation.models import JointInitiative, PlanInterest, ProcurementPlan
from tests.factories import CentreFactory, UserFactory, membership_create

from .conftest import assert_accessible, new_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def post_plan(page, base, *, organisation, title, codes, country):
    page.goto(base + reverse("plans:list"))
    assert_accessible(page)
    page.get_by_role("link", name="Post a plan").first.click()
    page.wait_for_url(re.compile(r"/plans/new/$"))
    assert_accessible(page)
    page.get_by_role("textbox", name="Your organisation", exact=True).fill(organisation)
    page.get_by_label("What you need").fill(title)
    page.get_by_label("Description").fill(
        "LED street lights that dim when the street is empty and report faults."
    )
    page.get_by_label("CPV codes").fill(codes)
    page.get_by_label("Sector").select_option("energy")
    page.get_by_label("Country of your organisation").select_option(country)
    page.get_by_label("The procurement starts in").fill("2027-03")
    page.get_by_label("The procurement ends in").fill("2027-12")
    page.get_by_label("Budget").select_option("1m-5m")
    page.get_by_label("I am open to buying jointly with other buyers").check()
    page.get_by_label("Everyone (public)").check()
    page.get_by_role("button", name="Post the plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    assert "Your plan was posted." in page.locator("body").inner_text()
    assert_accessible(page)


def test_two_buyers_across_borders_find_each_other_and_one_expresses_interest(
    live_server, browser
):
    base = live_server.url
    for slug, country in (("portugal", "PT"), ("estonia", "EE")):
        centre = CentreFactory(slug=slug, name=f"Centre {country}", country=country)
        staff = UserFactory(email=f"staff-{slug}@example.org")
        membership_create(centre=centre, user=staff, role=Role.EDITOR)
    porto = UserFactory(email="ines@porto.example", full_name="Inês Costa")
    tallinn = UserFactory(email="mart@tallinn.example", full_name="Mart Tamm")

    # --- Porto posts her plan; a wrong code is refused first. -----------------
    ines_ctx, ines = new_page(browser)
    sign_in(ines, base, porto.email)
    ines.goto(base + reverse("plans:new"))
    ines.get_by_label("CPV codes").fill("45316110-1")
    ines.get_by_role("button", name="Post the plan").click()
    ines.wait_for_load_state()
    assert "did you mean 45316110-9" in ines.locator("main").inner_text()
    assert_accessible(ines)
    post_plan(
        ines, base, organisation="Câmara Municipal do Porto",
        title="Smart street lighting", codes="45316110-9", country="PT",
    )  # fmt: skip

    # --- Tallinn posts hers in the same CPV group and sees Porto's. ----------
    mart_ctx, mart = new_page(browser)
    sign_in(mart, base, tallinn.email)
    post_plan(
        mart, base, organisation="Tallinn City Government",
        title="Connected LED street lights", codes="45316000-5, 48000000-8",
        country="EE",
    )  # fmt: skip
    similar = mart.get_by_role("region", name="Similar plans of other buyers")
    assert "Same CPV group" in similar.inner_text()
    similar.get_by_role("link", name="Smart street lighting").click()
    mart.wait_for_url(re.compile(r"/plans/\d+/$"))
    assert "Building installation work" in mart.locator("main").inner_text()
    assert_accessible(mart)

    # --- He expresses interest. ---------------------------------------------
    mart.get_by_label("Your message to the buyer").fill(
        "We buy the same in 2027. Shall we write one specification together?"
    )
    mart.get_by_role("textbox", name="Your organisation", exact=True).fill(
        "Tallinn City Government"
    )
    mart.get_by_label("Country of your organisation").select_option("EE")
    mart.get_by_role("button", name="Send my interest").click()
    mart.wait_for_url(re.compile(r"/plans/\d+/$"))
    assert "Your interest was sent" in mart.locator("body").inner_text()
    assert "You expressed interest in this plan" in mart.locator("main").inner_text()
    assert_accessible(mart)
    assert PlanInterest.objects.count() == 1

    # --- Porto gets the e-mail, and sees the interest and his plan. -----------
    [message] = [m for m in mail.outbox if porto.email in m.to]
    assert "Smart street lighting" in message.subject
    link = next(w for w in message.body.split() if "/plans/" in w)
    assert link.startswith("http")
    centre_mails = {a for m in mail.outbox for a in m.to if a.startswith("staff-")}
    assert centre_mails == {"staff-portugal@example.org", "staff-estonia@example.org"}
    ines.goto(base + "/" + link.split("://", 1)[1].split("/", 1)[1])
    main = ines.locator("main").inner_text()
    assert "Shall we write one specification together?" in main
    assert "Tallinn City Government" in main
    ines.get_by_role("region", name="Similar plans of other buyers").get_by_role(
        "link", name="Connected LED street lights"
    ).click()
    ines.wait_for_url(re.compile(r"/plans/\d+/$"))
    assert_accessible(ines)
    assert ProcurementPlan.objects.count() == 2
    ines_ctx.close()
    mart_ctx.close()


def test_a_centre_starts_an_initiative_changes_its_plans_and_its_page_follows(
    live_server, browser
):
    from tests.cooperation.plan_helpers import make_plan

    base = live_server.url
    portugal = CentreFactory(slug="portugal", name="Centre PT", country="PT")
    CentreFactory(slug="estonia", name="Centre EE", country="EE")
    editor = UserFactory(email="pt-editor@example.org")
    membership_create(centre=portugal, user=editor, role=Role.EDITOR)
    make_plan(UserFactory(), organisation="Porto", title="Lights Porto", country="PT")
    tallinn = make_plan(
        UserFactory(email="mart@tallinn.example"),
        organisation="Tallinn", title="Lights Tallinn", country="EE",
    )  # fmt: skip
    vilnius = make_plan(
        UserFactory(email="ona@vilnius.example", language="lt"),
        organisation="Vilnius", title="Lights Vilnius", country="LT",
    )  # fmt: skip

    ctx, page = new_page(browser)
    sign_in(page, base, editor.email)
    page.goto(base + reverse("manage:plans:index", kwargs={"centre_slug": "portugal"}))
    assert "Lights Porto" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Start an initiative").click()
    page.wait_for_url(re.compile(r"/initiatives/new/$"))
    assert_accessible(page)
    page.get_by_role("textbox", name="Title").fill("Joint street lighting")
    page.get_by_role("textbox", name="Description").fill("Porto and Tallinn.")
    page.get_by_role("textbox", name="Next steps").fill("Meet\nWrite the specification")
    page.get_by_label(re.compile("Lights Porto")).check()
    page.get_by_label(re.compile("Lights Tallinn")).check()
    page.get_by_role("button", name="Start the initiative").click()
    page.wait_for_url(re.compile(r"/initiatives/\d+/$"))
    assert "its buyers were told" in page.locator("body").inner_text()
    assert_accessible(page)

    # --- Vilnius joins (a suggestion: the same CPV group); Tallinn leaves. ---
    mail.outbox.clear()
    edit_url = page.url
    page.get_by_label("Suggested plans").select_option(str(vilnius.pk))
    with page.expect_navigation():  # back to the same address
        page.get_by_role("button", name="Add the plan").click()
    assert "“Lights Vilnius” was added" in page.locator("body").inner_text()
    buyers = page.get_by_role("region", name="The buyers")
    assert "Lights Vilnius" in buyers.inner_text()
    assert_accessible(page)
    [added] = mail.outbox
    assert added.to == ["ona@vilnius.example"]
    assert "Lights Vilnius" in added.body
    assert "/lt/plans/initiatives/" in added.body
    with page.expect_navigation():
        buyers.get_by_role(
            "button", name="Remove “Lights Tallinn” from the initiative"
        ).click()
    assert "“Lights Tallinn” was taken out" in page.locator("body").inner_text()
    table = buyers.get_by_role("table")
    assert "Lights Tallinn" not in table.inner_text()
    assert "Lights Vilnius" in table.inner_text()
    # Taken out, it is a suggestion again.
    assert "Lights Tallinn" in buyers.get_by_label("Suggested plans").inner_text()
    assert_accessible(page)
    assert [m.to for m in mail.outbox][1:] == [["mart@tallinn.example"]]
    # Two plans must stay: one more removal is refused and says why.
    with page.expect_navigation():
        buyers.get_by_role(
            "button", name="Remove “Lights Porto” from the initiative"
        ).click()
    assert "at least two plans of different buyers" in page.locator("main").inner_text()
    assert_accessible(page)
    assert sorted(p.title for p in JointInitiative.objects.get().plans.all()) == [
        "Lights Porto",
        "Lights Vilnius",
    ]
    assert not tallinn.initiatives.exists()
    page.goto(edit_url)
    page.get_by_role("link", name="View the initiative's page").click()
    page.wait_for_url(re.compile(r"/plans/initiatives/\d+/$"))
    main = page.locator("main").inner_text()
    for text in (
        "Lights Porto",
        "Lights Vilnius",
        "Centre PT",
        "Write the specification",
    ):
        assert text in main
    assert "Lights Tallinn" not in main
    assert "Centre EE" not in main  # no buyer from Estonia any more
    assert_accessible(page)
    ctx.close()

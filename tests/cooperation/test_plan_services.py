"""Posting, editing, closing and withdrawing plans: the owner alone, bad input
refused with a message and nothing changed."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation import plan_services
from cooperation.models import ProcurementPlan

from .plan_helpers import PLAN, make_plan

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        **PLAN,
        "start_month": "2027-03",
        "end_month": "2027-12",
        "joint_procurement": "on",
        **changes,
    }
    return {k: v for k, v in data.items() if v is not None}


def test_a_signed_in_procurer_posts_a_plan(client, procurer):
    client.force_login(procurer)
    response = client.post(
        reverse("plans:new"), form(cpv_codes="45316110-9, 72000000-5")
    )
    plan = ProcurementPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", kwargs={"pk": plan.pk})
    assert plan.owner == procurer
    assert plan.cpv_codes == ["45316110-9", "72000000-5"]
    assert plan.cpv_groups == ["453", "720"]
    assert plan.cpv_divisions == ["45", "72"]
    assert plan.start_month == date(2027, 3, 1)
    assert plan.joint_procurement is True
    assert plan.status == ProcurementPlan.Status.OPEN


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("plans:new"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_wrong_cpv_codes_get_a_message_each_and_nothing_is_stored(client, procurer):
    client.force_login(procurer)
    response = client.post(reverse("plans:new"), form(cpv_codes="45000000-1, 12ab"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "did you mean 45000000-7" in page
    assert "“12ab” is not a CPV code" in page
    assert ProcurementPlan.objects.count() == 0


def test_an_end_before_the_start_is_refused(client, procurer):
    client.force_login(procurer)
    response = client.post(
        reverse("plans:new"), form(start_month="2027-05", end_month="2027-01")
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    assert ProcurementPlan.objects.count() == 0


def test_a_month_that_is_not_one_is_refused(client, procurer):
    client.force_login(procurer)
    response = client.post(reverse("plans:new"), form(start_month="2027-13"))
    assert response.status_code == 400
    assert ProcurementPlan.objects.count() == 0


def test_she_edits_her_plan_and_nobody_else_can(client, procurer, editor):
    plan = make_plan(procurer)
    url = reverse("plans:edit", kwargs={"pk": plan.pk})
    client.force_login(editor)
    assert client.get(url).status_code == 404
    assert client.post(url, form(title="Hijacked")).status_code == 404
    client.force_login(procurer)
    assert client.get(url).status_code == 200
    response = client.post(url, form(title="Street lighting, phase 2"))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Street lighting, phase 2"


def test_she_closes_then_withdraws_her_plan(client, procurer, editor):
    plan = make_plan(procurer)
    client.force_login(editor)
    assert (
        client.post(reverse("plans:close", kwargs={"pk": plan.pk})).status_code == 404
    )
    plan.refresh_from_db()
    assert plan.is_open
    client.force_login(procurer)
    response = client.post(reverse("plans:close", kwargs={"pk": plan.pk}))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == ProcurementPlan.Status.CLOSED
    assert plan.closed_at is not None
    # A closed plan can be withdrawn, not closed again nor edited.
    again = client.post(reverse("plans:close", kwargs={"pk": plan.pk}))
    assert again.status_code == 400
    assert "Only an open plan can be closed" in again.content.decode()
    with pytest.raises(ValidationError):
        plan_services.plan_update(plan=plan, by=procurer, data={"title": "x"})
    client.post(reverse("plans:withdraw", kwargs={"pk": plan.pk}))
    plan.refresh_from_db()
    assert plan.status == ProcurementPlan.Status.WITHDRAWN
    # Nobody but her sees it now.
    client.force_login(editor)
    assert (
        client.get(reverse("plans:detail", kwargs={"pk": plan.pk})).status_code == 404
    )


def test_the_service_refuses_another_owner(procurer, editor):
    plan = make_plan(procurer)
    with pytest.raises(ValidationError):
        plan_services.plan_close(plan=plan, by=editor)
    plan.refresh_from_db()
    assert plan.is_open


def test_my_plans_lists_hers_only(client, procurer, editor):
    make_plan(procurer, title="Her plan")
    make_plan(editor, title="Someone else's plan")
    client.force_login(procurer)
    page = client.get(reverse("plans:mine")).content.decode()
    assert "Her plan" in page
    assert "Someone else" not in page

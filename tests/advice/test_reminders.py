"""The first-reply clock: working days, due and overdue in the inbox, and one
reminder to the assignee and the managers (the task run twice sends it once)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from advice import services
from advice.models import AdviceReminder, AdviceRequest, add_working_days
from advice.tasks import reminders_send

from .helpers import ask, reload

pytestmark = pytest.mark.django_db


def test_working_days_skip_the_weekend():
    friday = date(2026, 12, 4)
    assert add_working_days(friday, 1) == date(2026, 12, 7)
    assert add_working_days(friday, 5) == date(2026, 12, 11)
    assert add_working_days(date(2026, 12, 5), 1) == date(2026, 12, 7)  # Saturday


def _due(request, days_ago):
    with scopes_disabled():
        AdviceRequest.objects.filter(pk=request.pk).update(
            due_on=timezone.localdate() - timedelta(days=days_ago)
        )
    return reload(request)


def test_the_inbox_shows_what_is_due_and_overdue(client, centre, editor, procurer):
    late = _due(ask(user=procurer, subject="Late question"), 2)
    today = _due(ask(user=procurer, subject="Today question"), 0)
    ask(user=procurer, subject="Fresh question")
    assert late.clock() == "overdue" and today.clock() == "due"
    client.force_login(editor)
    url = reverse("manage:advice:inbox", kwargs={"centre_slug": "alpha"})
    page = client.get(url).content.decode()
    assert "Overdue: 1" in page and "Due today: 1" in page
    overdue = client.get(url + "?clock=overdue").content.decode()
    assert "Late question" in overdue and "Today question" not in overdue
    # Each count's link lists exactly what it counts.
    due = client.get(url + "?clock=due").content.decode()
    assert "Today question" in due
    assert "Late question" not in due and "Fresh question" not in due


def test_one_reminder_goes_to_the_assignee_and_the_managers(
    centre, editor, manager, procurer, sent
):
    request = ask(user=procurer)
    services.request_assign(request=request, by=manager, assignee=editor)
    _due(request, 0)
    answered = ask(user=procurer, subject="Answered in time")
    services.request_reply(request=answered, by=editor, body="Done.")
    _due(answered, 3)
    mail.outbox.clear()
    with sent():
        assert reminders_send() == 1
    with sent():
        assert reminders_send() == 0  # the beat fires again: nothing twice
    reminders = [m for m in mail.outbox if "first reply is due" in m.subject]
    assert sorted(m.to[0] for m in reminders) == sorted([editor.email, manager.email])
    assert f"/manage/alpha/advice/{request.pk}/" in reminders[0].body
    with scopes_disabled():
        assert AdviceReminder.objects.filter(request=request).count() == 1
        assert not AdviceReminder.objects.filter(request=answered).exists()


def test_a_reply_before_the_due_day_means_no_reminder(centre, editor, procurer, sent):
    request = ask(user=procurer)
    services.request_reply(request=request, by=editor, body="Quick answer")
    _due(request, 1)
    mail.outbox.clear()
    with sent():
        assert reminders_send() == 0
    assert mail.outbox == []

"""Schemathesis hooks: the rules of an event's body that OpenAPI cannot state.

A generated event body is otherwise free to end before it starts, close its
registration before opening it, or put an in-person event nowhere; a registration
may leave out an answer that this event's organisers made required, or link
papers that do not exist. The API
rightly answers 400, which Schemathesis would report as valid data refused. These
hooks only reorder or complete values that are already valid on their own, so a
body made invalid on purpose (negative testing) stays invalid.

Used by tests/security/test_api_schema.py, and by the CLI through
`SCHEMATHESIS_HOOKS=tests.security.schemathesis_hooks`.
"""

import re
from datetime import UTC, datetime
from urllib.parse import urljoin

import requests
import schemathesis
from schemathesis.core import NOT_SET
from schemathesis.generation.meta import TestPhase

PAIRS = [("starts_at", "ends_at"), ("registration_opens_at", "registration_closes_at")]
IN_PLACE = {"in_person", "hybrid"}


def _moment(value):
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _plausible(moment):
    """The same instant of day in a year near now, so that ordering keeps
    holding and no calendar has to span millennia."""
    year = 2030 + moment.year % 20
    try:
        return moment.replace(year=year)
    except ValueError:  # 29 February
        return moment.replace(year=year, day=28)


def _iso(moment):
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _event_rules(body):
    """The body with its moments ordered and an in-person event given a place."""
    body = dict(body)
    for first, second in PAIRS:
        start, end = _moment(body.get(first)), _moment(body.get(second))
        if start is not None:
            start = _plausible(start)
            body[first] = _iso(start)
        if end is not None:
            end = _plausible(end)
            body[second] = _iso(end)
        if start is not None and end is not None and end <= start:
            body[first], body[second] = _iso(end), _iso(start)
            if end == start:
                body[second] = _iso(start.replace(year=start.year + 1))
        elif start is None and end is not None and first not in body:
            # Only the end is changed (PATCH): keep it after any stored start.
            body[second] = _iso(end.replace(year=2070))
        elif end is None and start is not None and second not in body:
            body[first] = _iso(start.replace(year=2001))
    # Only where both are absent or blank: a null given on purpose stays.
    place = body.get("format")
    if (
        isinstance(place, str)
        and place in IN_PLACE
        and body.get("venue", "") == "" == body.get("city", "")
    ):
        body["city"] = "Brussels"
    return body


def _is_event_write(operation):
    return operation is not None and (
        operation.path.startswith("/api/v1/events/")
        and operation.method.upper() in ("POST", "PUT", "PATCH")
    )


@schemathesis.hook
def map_body(context, body):
    if not _is_event_write(context.operation) or not isinstance(body, dict):
        return body
    return _event_rules(body)


REGISTER = re.compile(r"^/api/v1/events/\{id\}/register/$")


def _required_questions(case, headers):
    """The ids of the event's required questions: from the database when the
    suite calls the application in-process, from the event's API otherwise."""
    event_id = (case.path_parameters or {}).get("id")
    if not isinstance(event_id, int):
        return []
    if case.operation.app is not None:
        from django_scopes import scopes_disabled

        from events.models import Event

        with scopes_disabled():
            event = Event.objects.filter(pk=event_id).first()
        questions = event.questions if event else []
    else:
        detail = case.operation.path.removesuffix("register/").format(id=event_id)
        url = urljoin(case.operation.schema.get_base_url(), detail)
        answer = requests.get(url, headers=headers, timeout=10)
        questions = answer.json().get("questions", []) if answer.ok else []
    return [q["id"] for q in questions if q.get("required")]


def _links_only_what_exists(case):
    """Papers are ids of resources the writer may see, and only a
    knowledge-exchange meeting has papers and minutes: rules across rows and
    fields. Applied to bodies meant to be valid only, so that a malformed value
    generated on purpose stays."""
    body = case.body
    if not isinstance(body, dict):
        return
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return
    # The coverage phase builds its bodies without map_body: the same rules here
    # (only there: they move years, so applying them twice would not be neutral).
    if case.meta is not None and case.meta.phase.name == TestPhase.COVERAGE:
        body = _event_rules(body)
    else:
        body = dict(body)
    if body.get("papers"):
        body["papers"] = []
    if body.get("minutes") and body.get("kind") != "knowledge_exchange":
        body["minutes"] = ""
    case.body = body


@schemathesis.hook
def before_call(context, case, **kwargs):
    operation = context.operation
    if operation is None:
        return
    if _is_event_write(operation):
        _links_only_what_exists(case)
    if operation.method.upper() != "POST":
        return
    if not REGISTER.match(operation.path):
        return
    if case.body is NOT_SET:  # the body is optional: an empty one is the same
        case.body, case.media_type = {}, "application/json"
    if not isinstance(case.body, dict):
        return
    answers = case.body.get("answers", {})
    if not isinstance(answers, dict):
        return
    missing = [
        question
        for question in _required_questions(case, case.headers or {})
        if not str(answers.get(question, "")).strip()
    ]
    if missing:
        case.body = {**case.body, "answers": {**answers, **dict.fromkeys(missing, "A")}}

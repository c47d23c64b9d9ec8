"""Every audit action written anywhere in the code base has a human label.

Actions are passed as `action=` keyword arguments: to `audit_log` itself or to
an app's small wrapper around it (`_audit`, `_record`, `_log`, `_transition`),
which hands its own `action` parameter on. This test reads the source of every
app (not the tests, migrations or benchmarks) and collects the dotted string
literals given as `action=`; a wrapper passing its parameter through is
followed at its callers, where the literal is. An action built at run time (an
f-string, a variable) cannot be checked and fails the test by itself.
"""

import ast
import re
from pathlib import Path

from django.conf import settings

from centres.models import AUDIT_GROUPS, AUDIT_LABELS, audit_group_of

ROOT = Path(settings.BASE_DIR)
SKIP_PARTS = {"tests", "migrations", "bench", ".venv", "node_modules", "docs"}
DOTTED = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


def _source_files():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if SKIP_PARTS & set(rel.parts) or rel.parts[0].startswith("."):
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _params(func) -> set[str]:
    args = func.args
    return {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]} | {
        a.arg for a in (args.vararg, args.kwarg) if a
    }


def _literals(node, params, where, problems, found):
    """Collect the string literals an `action=` expression can evaluate to."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # Other `action=` keywords (argparse's "store_true") are no audit actions.
        if DOTTED.match(node.value):
            found.setdefault(node.value, where)
    elif isinstance(node, ast.IfExp):
        _literals(node.body, params, where, problems, found)
        _literals(node.orelse, params, where, problems, found)
    elif isinstance(node, ast.Name) and node.id in params:
        pass  # a wrapper handing its parameter on; its callers hold the literal
    else:
        problems.append(f"{where}: action={ast.unparse(node)} is not a literal")


def collect_actions():
    found, problems = {}, []
    for rel, tree in _source_files():
        # Map every call to the parameters of the function it is written in.
        stack = [(tree, set())]
        while stack:
            node, params = stack.pop()
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                params = params | _params(node)
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "action":
                        where = f"{rel}:{node.lineno}"
                        _literals(kw.value, params, where, problems, found)
            stack.extend((child, params) for child in ast.iter_child_nodes(node))
    return found, problems


def test_the_collector_finds_the_actions_it_should():
    found, _ = collect_actions()
    for action in (
        "centres.invitation.sent",
        "knowledge.resource.published",
        "events.organiser.declined",
        "newsletters.section.returned",
        "translators.translator.named",
        "network.partner.moved",
    ):
        assert action in found, action
    assert len(found) >= 30


def test_every_action_is_written_as_a_literal():
    _, problems = collect_actions()
    assert problems == []


def test_every_action_in_the_code_has_a_label_and_a_group():
    found, _ = collect_actions()
    missing = {a: w for a, w in found.items() if a not in AUDIT_LABELS}
    assert missing == {}, f"audit actions without a label: {missing}"
    ungrouped = sorted({audit_group_of(a) for a in found} - set(AUDIT_GROUPS))
    assert ungrouped == [], f"action groups without a label: {ungrouped}"


def test_labels_are_readable_text_not_codes():
    for action, label in AUDIT_LABELS.items():
        assert DOTTED.match(action), action
        assert str(label) and "." not in str(label).rstrip("."), action

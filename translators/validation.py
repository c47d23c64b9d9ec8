"""What a correction may not change: the placeholders the code fills in and the
markup of the source text.

A placeholder the code does not supply makes the page fail; markup the source
does not have would be shown unescaped on every page that uses the message.
"""

import re

PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx]")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text.replace("%%", ""))


def _positional(text: str) -> int:
    return len([p for p in placeholders(text) if not p.startswith("%(")])


def problem(
    *, msgid: str, msgid_plural: str, msgstr: str, python_format: bool
) -> str | None:
    """Why `msgstr` cannot stand for the source text ("placeholder" or
    "markup"), or None if it can."""
    if not msgstr:
        return None
    source = msgid + msgid_plural
    if python_format:
        allowed = set(placeholders(source))
        if any(p.startswith("%(") and p not in allowed for p in placeholders(msgstr)):
            return "placeholder"
        most = max(_positional(msgid), _positional(msgid_plural))
        count = _positional(msgstr)
        if count > most or (not msgid_plural and count != most):
            return "placeholder"
    if set(TAG.findall(msgstr)) - set(TAG.findall(source)):
        return "markup"
    return None

"""Paths reversed once and filled in: for the links a page lists by the dozen.

`reverse()` walks the URL resolver on every call (some 25 µs); a search page
links 20 resources, and its API answer 40 URLs. `filled_path` reverses a route
once per script prefix with placeholders, then fills in the values, which
gives what reverse() gives for values that need no quoting (slugs and
numbers); anything else goes through reverse() itself, which quotes it or
refuses it as it would.
"""

import functools
import re

from django.urls import NoReverseMatch, get_script_prefix, reverse

_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_DIGITS = re.compile(r"[0-9]+\Z")
# Values no route here holds: one a slug (not a number), one a number.
_WORD, _NUMBER = "p2i-slot-{}-x", "9071{}5303"


def _placeholders(keys, kinds) -> dict[str, str]:
    return {
        key: (_NUMBER if kind == "number" else _WORD).format(i)
        for i, (key, kind) in enumerate(zip(keys, kinds, strict=True))
    }


@functools.lru_cache(maxsize=64)
def _template(name: str, keys: tuple[str, ...], prefix: str):
    """(the kind of value each key takes: 'word' or 'number'; the reversed
    path split around the placeholders, in `keys` order), or None when the
    route takes neither (say, a uuid) or repeats a value."""
    kinds = []
    for i in range(len(keys)):
        trial = ["number"] * len(keys)
        trial[i] = "word"
        try:
            reverse(name, kwargs=_placeholders(keys, trial))
            kinds.append("word")
        except NoReverseMatch:
            kinds.append("number")
    try:
        path = reverse(name, kwargs=_placeholders(keys, kinds))
    except NoReverseMatch:
        return None
    parts = []
    for placeholder in _placeholders(keys, kinds).values():
        before, found, path = path.partition(placeholder)
        if not found or placeholder in path:
            return None
        parts.append(before)
    parts.append(path)
    return tuple(kinds), tuple(parts)


def filled_path(name: str, **kwargs) -> str:
    """reverse(name, kwargs=kwargs), for routes whose arguments are slugs or ints."""
    values = [str(value) for value in kwargs.values()]
    template = _template(name, tuple(kwargs), get_script_prefix())
    if template is None:
        return reverse(name, kwargs=kwargs)
    kinds, parts = template
    for value, kind in zip(values, kinds, strict=True):
        if not (_DIGITS if kind == "number" else _SLUG).match(value):
            return reverse(name, kwargs=kwargs)  # quoted or refused, as it does
    path = parts[0]
    for value, part in zip(values, parts[1:], strict=True):
        path += value + part
    return path

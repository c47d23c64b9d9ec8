"""Input parsing of the API that agrees with its schema.

DRF's CharField takes a JSON number where a string is expected ({"title": 0}
becomes "0"), while the schema (and every client generated from it) says
`type: string`: input the schema calls invalid would be accepted. The project's
AppConfig makes every DRF string field (URLs, slugs and e-mail addresses
included) refuse anything but a string, with DRF's own
message. Form and query-string input arrive as strings and are unaffected.
"""

from rest_framework import fields

_lenient_to_internal_value = fields.CharField.to_internal_value


def _text_only_to_internal_value(self, data):
    if not isinstance(data, str):
        self.fail("invalid")
    return _lenient_to_internal_value(self, data)


def refuse_non_string_text():
    """Idempotent: called once from P2IPortalConfig.ready()."""
    fields.CharField.to_internal_value = _text_only_to_internal_value

"""What the API's input fields take, stated in its OpenAPI schema exactly.

drf-spectacular describes a string field by its type and lengths; DRF also trims
whitespace, refuses NUL characters, checks URLs with Django's URLValidator and
looks slugs up in a queryset. A client (or Schemathesis) that trusts the schema
would send values the API refuses, and the API would take values the schema
forbids. The extensions below add, for request bodies and query parameters:

- strings: a `pattern` without NUL characters, and with one character that is not
  whitespace (as Python's `str.strip` reads it) where a blank value is refused;
- URLs: a `pattern` within what URLValidator accepts (http, https, ftp, ftps; a
  host with a top-level domain, `localhost` or an IPv4 address; printable ASCII
  after it) and URLValidator's own limit of 2048 characters as `maxLength`;
- lists of nested objects: their `max_length` as `maxItems`;
- a centre named by its slug, from a fixed set of centres: the marker
  `x-centre-slugs`, which `centre_slugs_in_request_bodies` (a post-processing
  hook) replaces by the enum of the active centres' slugs when the schema is
  served. A centre set that depends on the caller (one's own workspaces) stays a
  plain string: another centre is a documented 403, not invalid input.

Registered by importing this module (p2i_portal.api_urls does).
"""

from django.core.validators import EmailValidator, RegexValidator, URLValidator
from django.db import DatabaseError
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers
from rest_framework.relations import SlugRelatedField

CENTRE_SLUGS_MARKER = "x-centre-slugs"

# The characters Python's str.isspace() calls whitespace, which DRF's trimming
# (str.strip) removes. ECMA's \s is another set, so the class is spelt out.
WHITESPACE = (
    "\\u0009-\\u000d\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000"
)
# Blank-allowed fields: drf-spectacular adds "" as an alternative of its own
# (oneOf), so this one must not match it too.
ANY_TEXT = "^[^\\u0000]+$"
NOT_BLANK_TEXT = f"^[^\\u0000]*[^\\u0000{WHITESPACE}][^\\u0000]*$"

_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# One or two labels and a top-level domain keep the host name within the 253
# characters URLValidator allows.
_HOST = (
    f"(?:{_LABEL}(?:\\.{_LABEL})?\\.[a-zA-Z]{{2,63}}\\.?"
    f"|[lL][oO][cC][aA][lL][hH][oO][sS][tT]"
    f"|{_OCTET}(?:\\.{_OCTET}){{3}})"
)
URL_PATTERN = (
    f"^[{WHITESPACE}]*"
    "(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP][sS]?)://"
    f"{_HOST}"
    "(?::[0-9]{1,5})?"
    "(?:[/?#][!-~]*)?"
    f"[{WHITESPACE}]*$"
)
URL_MAX_LENGTH = URLValidator.max_length


def _default(extension, auto_schema, direction):
    return auto_schema._map_serializer_field(
        extension.target, direction, bypass_extensions=True
    )


class TextFieldExtension(OpenApiSerializerFieldExtension):
    """Every DRF string field of a request (URLs, slugs and e-mail addresses
    included, as subclasses)."""

    target_class = serializers.CharField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = _default(self, auto_schema, direction)
        if direction != "request" or schema.get("type") != "string":
            return schema
        field = self.target
        if isinstance(field, serializers.URLField):
            schema["pattern"] = URL_PATTERN
            schema["maxLength"] = min(
                schema.get("maxLength", URL_MAX_LENGTH), URL_MAX_LENGTH
            )
            return schema
        if "pattern" in schema or "format" in schema or "enum" in schema:
            return schema  # already narrower than free text
        # A slug's, an e-mail address's or a CPV code's own pattern or format,
        # which drf-spectacular adds from the validators after this extension.
        if any(
            isinstance(v, RegexValidator | EmailValidator) for v in field.validators
        ):
            return schema
        if not field.trim_whitespace:
            return schema
        schema["pattern"] = ANY_TEXT if field.allow_blank else NOT_BLANK_TEXT
        return schema


class ListSerializerLengthExtension(OpenApiSerializerFieldExtension):
    """A list of nested objects (`many=True`) with `max_length`/`min_length`:
    drf-spectacular leaves DRF's bounds out, the schema states them."""

    target_class = serializers.ListSerializer
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = _default(self, auto_schema, direction)
        if schema.get("type") == "array":
            if self.target.max_length is not None:
                schema["maxItems"] = self.target.max_length
            if self.target.min_length is not None:
                schema["minItems"] = self.target.min_length
        return schema


def _is_fixed_centre_set(field) -> bool:
    from centres.models import Centre

    queryset = getattr(field, "queryset", None)
    return (
        queryset is not None
        and queryset.model is Centre
        and field.slug_field == "slug"
        and not queryset.query.is_empty()
    )


class CentreSlugFieldExtension(OpenApiSerializerFieldExtension):
    """A centre chosen among a fixed set (e.g. the active centres) in a request:
    marked for `centre_slugs_in_request_bodies`."""

    target_class = SlugRelatedField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = _default(self, auto_schema, direction)
        if direction == "request" and _is_fixed_centre_set(self.target):
            schema[CENTRE_SLUGS_MARKER] = True
        return schema


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def schema_with_request_centre_slugs(result, slugs):
    """`result` with each marked centre field an enum of `slugs`; with no slugs
    (an empty enum would allow nothing) the fields stay plain strings."""
    for node in _walk(result):
        if node.pop(CENTRE_SLUGS_MARKER, False) and slugs:
            node["enum"] = list(slugs)
    return result


def centre_slugs_in_request_bodies(result, generator, request, public):
    """drf-spectacular post-processing: a centre field of a request body takes
    the slug of an active centre (the only fixed centre set the API's inputs
    use), anything else answers 400. Without a database (drf-spectacular's
    system check builds the schema too) the fields stay plain strings."""
    from centres.models import Centre

    try:
        slugs = list(
            Centre.objects.active().order_by("slug").values_list("slug", flat=True)
        )
    except DatabaseError:
        slugs = []
    return schema_with_request_centre_slugs(result, slugs)

"""API representations of knowledge resources: search input and output, detail,
and the input of the staff writes (validated like the workspace form)."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from centres.models import Centre
from p2i_portal.vocab import Language, Sector

from ..models import Approach, Licence, Resource
from ..selectors import MAX_PAGES

MAX_TAGS = 20
MAX_LINKS = 20
MAX_CPV_CODES = 20
CPV_PATTERN = r"^\d{8}(-\d)?$"


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request else path


def resource_api_url(request, resource) -> str:
    return _absolute(
        request, reverse("api:resource-detail", kwargs={"pk": resource.pk})
    )


def resource_public_url(request, resource) -> str:
    return _absolute(request, resource.get_absolute_url())


class EnumChoiceField(serializers.ChoiceField):
    """A choice field over one TextChoices class, shown in the schema as a named
    enum component: "kind" and "status" mean other choices on the centres API, so
    the generated names would collide."""

    text_choices: type[models.TextChoices]
    enum_name: str
    blank_value = False  # the enum also lists "" (e.g. tool_type of a non-tool)

    def __init__(self, **kwargs):
        super().__init__(choices=self.text_choices.choices, **kwargs)


def enum_field(text_choices, enum_name, *, blank_value=False):
    return type(
        f"{enum_name}Field",
        (EnumChoiceField,),
        {
            "text_choices": text_choices,
            "enum_name": enum_name,
            "blank_value": blank_value,
            "__module__": __name__,
        },
    )


class EnumChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EnumChoiceField
    match_subclasses = True

    def get_name(self):
        return self.target.enum_name

    def map_serializer_field(self, auto_schema, direction):
        values = list(self.target.text_choices.values)
        if self.target.blank_value:
            values.insert(0, "")
        lines = [f"* `{v}` - {label}" for v, label in self.target.text_choices.choices]
        return {"type": "string", "enum": values, "description": "\n".join(lines)}


KindField = enum_field(Resource.Kind, "ResourceKindEnum")
ToolTypeField = enum_field(Resource.ToolType, "ResourceToolTypeEnum", blank_value=True)
StatusField = enum_field(Resource.Status, "ResourceStatusEnum")
VisibilityField = enum_field(Resource.Visibility, "ResourceVisibilityEnum")
LicenceField = enum_field(Licence, "LicenceEnum")
LanguageField = enum_field(Language, "LanguageEnum")
SectorField = enum_field(Sector, "SectorEnum")
ApproachField = enum_field(Approach, "ApproachEnum")


class CountryCodeField(serializers.ChoiceField):
    """An ISO 3166-1 alpha-2 code (DE, NL, ES), listed in the schema as the enum
    `CountryCodeEnum` (with "" where it may be blank). Input may also be the code
    in lower case ("de", as the workspace form takes it), which the enum of a
    request lists too; it is stored upper-cased.

    Anything else, mixed case ("De") and digits such as "²" included, is a 400
    naming the value."""

    default_error_messages = {
        "invalid_choice": _(
            "“{input}” is not an ISO 3166-1 alpha-2 country code, such as DE, NL or ES."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(choices=list(countries.countries), **kwargs)

    def to_internal_value(self, data):
        # Exactly the two spellings the schema lists: "DE" and "de".
        if isinstance(data, str) and data.isascii() and data.islower():
            data = data.upper()
        return super().to_internal_value(data)

    def to_representation(self, value):
        # The model gives a django-countries Country, blank when none is set.
        return str(getattr(value, "code", value) or "")


class CountryCodeFieldExtension(OpenApiSerializerFieldExtension):
    target_class = CountryCodeField

    direction = "response"

    def get_name(self):
        # Input takes lower case too: its enum is another component.
        name = "CountryCodeOrBlank" if self.target.allow_blank else "CountryCode"
        return f"{name}InputEnum" if self.direction == "request" else f"{name}Enum"

    def map_serializer_field(self, auto_schema, direction):
        self.direction = direction
        codes = list(countries.countries)
        if direction == "request":
            codes += [code.lower() for code in countries.countries]
        if self.target.allow_blank:
            codes.append("")
        return {"type": "string", "enum": codes}


class QueryParamsSerializer(serializers.Serializer):
    """Query parameters checked as strictly as a body: each at most once, and an
    empty value is a value (refused where the schema allows none), not "absent"
    as DRF reads a blank form field."""

    def to_internal_value(self, data):
        repeated = [name for name in self.fields if len(data.getlist(name)) > 1]
        if repeated:
            raise serializers.ValidationError(
                {name: [_("Give this parameter at most once.")] for name in repeated}
            )
        return super().to_internal_value(data.dict())


# --- Search (list) --------------------------------------------------------------


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    kind = FacetValueSerializer(many=True)
    sector = FacetValueSerializer(many=True)
    approach = FacetValueSerializer(many=True)
    country = FacetValueSerializer(many=True)
    centre = FacetValueSerializer(many=True)
    language = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)


class SearchEchoSerializer(serializers.Serializer):
    """The parameters as the search understood them (normalised)."""

    q = serializers.CharField()
    kind = serializers.ListField(child=serializers.CharField())
    sector = serializers.ListField(child=serializers.CharField())
    approach = serializers.ListField(child=serializers.CharField())
    country = serializers.ListField(child=serializers.CharField())
    centre = serializers.ListField(child=serializers.CharField())
    language = serializers.ListField(child=serializers.CharField())
    year = serializers.ListField(child=serializers.CharField())
    sort = serializers.CharField()
    page = serializers.IntegerField()


class AbilitiesSerializer(serializers.Serializer):
    """What the caller may do with the resource (Resource.get_abilities)."""

    retrieve = serializers.BooleanField()
    update = serializers.BooleanField()
    partial_update = serializers.BooleanField()
    submit = serializers.BooleanField()
    publish = serializers.BooleanField()
    send_back = serializers.BooleanField()
    archive = serializers.BooleanField()
    destroy = serializers.BooleanField()


class _ResourceOutputBase(serializers.ModelSerializer):
    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind = KindField(read_only=True)
    language = LanguageField(read_only=True)
    sectors = serializers.ListField(child=SectorField(), read_only=True)
    approaches = serializers.ListField(child=ApproachField(), read_only=True)
    url = serializers.SerializerMethodField(
        help_text=_("The public page of the resource.")
    )
    api_url = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return resource_public_url(self.context.get("request"), obj)

    def get_api_url(self, obj) -> str:
        return resource_api_url(self.context.get("request"), obj)

    @extend_schema_field(AbilitiesSerializer)
    def get_abilities(self, obj):
        request = self.context.get("request")
        return obj.get_abilities(request.user if request else None)


class ResourceListItemSerializer(_ResourceOutputBase):
    """One search hit. Reads only what the search selector loaded (no body)."""

    snippet = serializers.SerializerMethodField(
        help_text=_("The summary with the matched words in <mark>, as HTML.")
    )

    class Meta:
        model = Resource
        fields = [
            "id",
            "slug",
            "centre",
            "title",
            "kind",
            "language",
            "summary",
            "snippet",
            "published_at",
            "sectors",
            "approaches",
            "countries",
            "url",
            "api_url",
            "abilities",
        ]

    def get_snippet(self, obj) -> str | None:
        snippet = getattr(obj, "snippet_html", "")
        return str(snippet) if snippet else None


class ResourceSearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("Every resource found, exactly."))
    pages = serializers.IntegerField(
        help_text=_("Pages that can be read: at most %(max)d.") % {"max": MAX_PAGES}
    )
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    page = serializers.IntegerField()
    results = ResourceListItemSerializer(many=True)
    facets = FacetsSerializer()
    query = SearchEchoSerializer()


# --- Detail ---------------------------------------------------------------------


class AttachmentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    file_type = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text=_("Size in bytes."))
    url = serializers.SerializerMethodField(help_text=_("Download address."))

    def get_url(self, obj) -> str:
        resource = self.context["resource"]
        path = reverse(
            "knowledge:attachment-download",
            kwargs={
                "centre_slug": resource.centre.slug,
                "slug": resource.slug,
                "pk": obj.pk,
            },
        )
        return _absolute(self.context.get("request"), path)


class ExternalLinkSerializer(serializers.Serializer):
    title = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text=_("The address itself when left empty."),
    )
    url = serializers.URLField(max_length=2000)

    def validate_url(self, value):
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError(_("Use an http or https address."))
        return value

    def validate(self, attrs):
        title = " ".join(attrs.get("title", "").split())
        return {"title": title or attrs["url"], "url": attrs["url"]}


class ResourceLinkSerializer(serializers.Serializer):
    """Another resource, as a reference (related resources, translations)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    language = LanguageField(read_only=True)
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return resource_public_url(self.context.get("request"), obj)

    def get_api_url(self, obj) -> str:
        return resource_api_url(self.context.get("request"), obj)


class ResourceDetailSerializer(_ResourceOutputBase):
    """The full resource. Expects `related` prefetched with what the caller may see
    and `translations` set by the view (see ResourceViewSet.get_object)."""

    tool_type = ToolTypeField(read_only=True)
    licence = LicenceField(read_only=True)
    licence_url = serializers.URLField(read_only=True, allow_blank=True)
    countries = serializers.ListField(child=CountryCodeField(), read_only=True)
    case_country = CountryCodeField(read_only=True, allow_blank=True)
    ted_url = serializers.URLField(read_only=True, allow_blank=True)
    status = StatusField(read_only=True)
    visibility = VisibilityField(read_only=True)
    external_links = ExternalLinkSerializer(many=True)
    attachments = serializers.SerializerMethodField()
    related = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Resource
        fields = [
            "id",
            "slug",
            "centre",
            "kind",
            "tool_type",
            "title",
            "summary",
            "body",
            "body_html",
            "language",
            "authors",
            "published_on",
            "published_at",
            "sectors",
            "approaches",
            "tags",
            "countries",
            "licence",
            "licence_url",
            "visibility",
            "status",
            "review_comment",
            "external_links",
            "buyer",
            "case_country",
            "case_year",
            "contract_value_eur",
            "procedure",
            "cpv_codes",
            "ted_url",
            "outcome",
            "lessons_learned",
            "attachments",
            "related",
            "translations",
            "created_at",
            "updated_at",
            "url",
            "api_url",
            "abilities",
        ]

    def _nested(self, serializer_class, objects, **extra):
        context = {**self.context, **extra}
        return serializer_class(objects, many=True, context=context).data

    @extend_schema_field(AttachmentOutputSerializer(many=True))
    def get_attachments(self, obj):
        return self._nested(
            AttachmentOutputSerializer, obj.attachments.all(), resource=obj
        )

    @extend_schema_field(ResourceLinkSerializer(many=True))
    def get_related(self, obj):
        return self._nested(ResourceLinkSerializer, obj.related.all())

    @extend_schema_field(ResourceLinkSerializer(many=True))
    def get_translations(self, obj):
        return self._nested(ResourceLinkSerializer, getattr(obj, "translations", []))


# --- Writes (input) -------------------------------------------------------------


class ResourceInputSerializer(serializers.Serializer):
    """Content of a resource, as the workspace form accepts it (PUT/PATCH)."""

    kind = KindField()
    tool_type = ToolTypeField(required=False, allow_blank=True)
    title = serializers.CharField(max_length=250)
    summary = serializers.CharField(max_length=1000)
    body = serializers.CharField(required=False, allow_blank=True, max_length=200_000)
    language = LanguageField(required=False)
    authors = serializers.CharField(required=False, allow_blank=True, max_length=300)
    published_on = serializers.DateField(required=False, allow_null=True)
    sectors = serializers.ListField(child=SectorField(), required=False)
    approaches = serializers.ListField(child=ApproachField(), required=False)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50),
        required=False,
        max_length=MAX_TAGS,
    )
    countries = serializers.ListField(child=CountryCodeField(), required=False)
    licence = LicenceField(required=False)
    visibility = VisibilityField(required=False)
    external_links = ExternalLinkSerializer(many=True, required=False)
    # Case studies
    buyer = serializers.CharField(required=False, allow_blank=True, max_length=250)
    case_country = CountryCodeField(required=False, allow_blank=True)
    case_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=1990, max_value=2100
    )
    contract_value_eur = serializers.DecimalField(
        required=False,
        allow_null=True,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    procedure = serializers.CharField(required=False, allow_blank=True, max_length=200)
    cpv_codes = serializers.ListField(
        child=serializers.CharField(
            max_length=12,
            validators=[
                RegexValidator(
                    CPV_PATTERN,
                    _("A CPV code has eight digits, optionally “-” and a check digit."),
                )
            ],
        ),
        required=False,
        max_length=MAX_CPV_CODES,
    )
    ted_url = serializers.URLField(required=False, allow_blank=True, max_length=200)
    outcome = serializers.CharField(required=False, allow_blank=True)
    lessons_learned = serializers.CharField(required=False, allow_blank=True)
    related = serializers.PrimaryKeyRelatedField(
        many=True,
        required=False,
        queryset=Resource.objects.published(),
        help_text=_("Ids of published resources."),
    )
    translation_of = serializers.PrimaryKeyRelatedField(
        required=False,
        allow_null=True,
        queryset=Resource.objects.none(),
        help_text=_("Id of a resource of the same centre this one translates."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = request.user if request else None
        self.fields["translation_of"].queryset = Resource.objects.visible_to(user)

    def target_centre(self, attrs):
        return self.instance.centre

    def validate_external_links(self, value):
        if len(value) > MAX_LINKS:
            raise serializers.ValidationError(
                _("At most %(max)d links.") % {"max": MAX_LINKS}
            )
        return [dict(link) for link in value]

    def validate_ted_url(self, value):
        if value and not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError(_("Use an http or https address."))
        return value

    def validate_tags(self, value):
        tags, seen = [], set()
        for tag in (" ".join(t.split()) for t in value):
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
        return tags

    def _current(self, attrs, name, default=None):
        if name in attrs:
            return attrs[name]
        return getattr(self.instance, name) if self.instance else default

    def validate(self, attrs):
        for name in ("sectors", "approaches", "countries", "cpv_codes"):
            if name in attrs:  # keep the order, drop repeats
                attrs[name] = list(dict.fromkeys(attrs[name]))
        if self._current(attrs, "kind") != Resource.Kind.TOOL:
            attrs["tool_type"] = ""
        own_pk = self.instance.pk if self.instance else None
        if own_pk and any(r.pk == own_pk for r in attrs.get("related", [])):
            raise serializers.ValidationError(
                {"related": [_("A resource cannot be related to itself.")]}
            )
        original = attrs.get("translation_of")
        if original is not None:
            if original.centre_id != self.target_centre(attrs).pk:
                raise serializers.ValidationError(
                    {
                        "translation_of": [
                            _("A translation must belong to the same centre.")
                        ]
                    }
                )
            if original.pk == own_pk:
                raise serializers.ValidationError(
                    {
                        "translation_of": [
                            _("A resource cannot be a translation of itself.")
                        ]
                    }
                )
            if original.language == self._current(attrs, "language", Language.EN):
                raise serializers.ValidationError(
                    {
                        "translation_of": [
                            _(
                                "“%(title)s” is in the same language. A translation "
                                "must be in another language."
                            )
                            % {"title": original.title}
                        ]
                    }
                )
        return attrs


class ResourceCreateInputSerializer(ResourceInputSerializer):
    """A new draft (POST): the content plus the owning centre (one of the caller's
    workspaces) and, optionally, the slug."""

    centre = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Centre.objects.none(),
        error_messages={
            "does_not_exist": _("You can only create resources for your own centre."),
        },
        help_text=_("Slug of the owning centre: one where you are a member."),
    )
    slug = serializers.SlugField(
        required=False,
        max_length=120,
        help_text=_("Made from the title when left out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = request.user if request else None
        self.fields["centre"].queryset = Centre.objects.workspaces_for(user)

    def target_centre(self, attrs):
        return attrs["centre"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        slug = attrs.get("slug")
        if slug and Resource.objects.filter(centre=attrs["centre"], slug=slug).exists():
            raise serializers.ValidationError(
                {"slug": [_("The centre already has a resource with this slug.")]}
            )
        return attrs


class SendBackInputSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=4000,
        help_text=_("What needs to change before the resource can be published."),
    )


class ResourceErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()

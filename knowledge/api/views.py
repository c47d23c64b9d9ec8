"""API for knowledge resources: public search and detail, staff writes."""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError
from django.db.models import Prefetch
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_countries import countries
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from centres.api.permissions import centre_refuse_unless_workspace
from centres.caching import centres_version
from centres.models import Centre
from centres.permissions import mfa_missing
from p2i_portal.vocab import Language, Sector

from .. import services
from ..models import Approach, Resource
from ..selectors import (
    FACETS,
    MAX_PAGES,
    MAX_QUERY_LENGTH,
    MAX_VALUES,
    PAGE_SIZE,
    SORTS,
    YEARS,
    SearchParams,
    SearchParamsError,
    resource_search,
)
from .serializers import (
    ResourceCreateInputSerializer,
    ResourceDetailSerializer,
    ResourceErrorSerializer,
    ResourceInputSerializer,
    ResourceSearchResponseSerializer,
    SendBackInputSerializer,
)

READ_ACTIONS = ("list", "retrieve")
# One whole sentence per action: translators cannot inflect a verb slotted in.
ACTION_REFUSALS = {
    "retrieve": gettext_lazy("You may not open this resource (it is “%(status)s”)."),
    "update": gettext_lazy("You may not change this resource (it is “%(status)s”)."),
    "partial_update": gettext_lazy(
        "You may not change this resource (it is “%(status)s”)."
    ),
    "submit": gettext_lazy("You may not submit this resource (it is “%(status)s”)."),
    "publish": gettext_lazy("You may not publish this resource (it is “%(status)s”)."),
    "send_back": gettext_lazy(
        "You may not send this resource back (it is “%(status)s”)."
    ),
    "archive": gettext_lazy("You may not archive this resource (it is “%(status)s”)."),
}
FACET_LABELS = {
    "kind": dict(Resource.Kind.choices),
    "sector": dict(Sector.choices),
    "approach": dict(Approach.choices),
    "language": dict(Language.choices),
}


class ResourceSchema(AutoSchema):
    """The list answers one object (hits, facets, query), not a bare array."""

    def _is_list_view(self, serializer=None):
        if getattr(self.view, "action", None) == "list":
            return False
        return super()._is_list_view(serializer)


class CanWriteResources(BasePermission):
    """Writes need a signed-in user; managers and the coordinator with 2FA on,
    as in the workspace (centres.permissions.CentreRoleRequiredMixin)."""

    message = gettext_lazy(
        "Managers and the coordinator must turn on two-factor authentication "
        "before changing resources."
    )

    def has_permission(self, request, view):
        return not mfa_missing(request.user)


class HasResourceAbility(BasePermission):
    """The object's `get_abilities(user)[view.action]` decides (STYLE.md §2.6)."""

    def has_object_permission(self, request, view, obj):
        if not isinstance(obj, Resource):  # the browsable API asks about a list
            return False
        if obj.get_abilities(request.user).get(view.action, False):
            return True
        refusal = ACTION_REFUSALS.get(view.action) or _(
            "You may not do this with this resource (it is “%(status)s”)."
        )
        self.message = refusal % {"status": obj.get_status_display()}
        return False


def _service_call(function, *, refused=status.HTTP_400_BAD_REQUEST, **kwargs):
    """Run a service; its ValidationError answers `refused` with a readable
    detail: 400 when the content is refused, 409 for a workflow step that the
    resource's current status does not allow."""
    try:
        return function(**kwargs), None
    except DjangoValidationError as exc:
        body = {"detail": " ".join(str(m) for m in exc.messages)}
        if hasattr(exc, "error_dict"):
            body["errors"] = exc.message_dict
        return None, Response(body, status=refused)


INPUT_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Invalid input: an object mapping each parameter or field to its "
    'messages, or `{"detail": message}` when the change itself is refused.',
)
ERRORS = {
    400: INPUT_ERROR,
    401: OpenApiResponse(ResourceErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(
        ResourceErrorSerializer,
        description="Not allowed: see the resource's `abilities`.",
    ),
    404: OpenApiResponse(
        ResourceErrorSerializer,
        description="No such resource among those you may change.",
    ),
}
WRITE_NOTE = (
    "For centre staff (token or session). Only resources of your own centres are "
    "found (others: 404); the resource's `abilities` decide (403 when false). "
    "Managers and the coordinator need two-factor authentication turned on."
)


def _many(name, description, enum=None):
    items = {"type": "string"} if enum is None else {"type": "string", "enum": enum}
    return OpenApiParameter(
        name,
        {"type": "array", "items": items, "maxItems": MAX_VALUES},
        explode=True,
        description=f"{description} At most {MAX_VALUES} values.",
    )


# The parameters SearchParams.from_querydict reads, for the schema.
SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q",
        # Control characters other than tabs and line breaks answer 400.
        {
            "type": "string",
            "maxLength": MAX_QUERY_LENGTH,
            "pattern": "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$",
        },
        description="Words to search for (web-search syntax: quotes for phrases, "
        f"'or', '-' to exclude). At most {MAX_QUERY_LENGTH} characters.",
    ),
    _many("kind", "Kind.", Resource.Kind.values),
    _many("sector", "Sector.", Sector.values),
    _many("approach", "Procurement approach.", Approach.values),
    _many(
        "country",
        "Country concerned (ISO 3166-1 alpha-2 code, e.g. DE).",
        [code for code, _name in countries],
    ),
    # The enum of slugs is filled in when the schema is served
    # (centre_slugs_in_schema): the centres are data, not code.
    _many("centre", "Owning centre (its slug)."),
    _many("language", "Language.", Language.values),
    _many(
        "year",
        f"Year of publication ({YEARS[0]}–{YEARS[1]}), in the site's time zone.",
        [str(year) for year in range(YEARS[0], YEARS[1] + 1)],
    ),
    OpenApiParameter(
        "sort",
        OpenApiTypes.STR,
        enum=list(SORTS),
        description="Order: relevance (the default with words), newest (the "
        "default without), oldest.",
    ),
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGES},
        description=f"Page number, from 1 to {MAX_PAGES} ({PAGE_SIZE} a page).",
    ),
]


def _action_schema(summary, ability, request=None):
    return extend_schema(
        operation_id=f"resources_{ability}",
        summary=summary,
        description=f"{WRITE_NOTE} Needs `abilities.{ability}`.",
        request=request,
        responses={
            200: ResourceDetailSerializer,
            **ERRORS,
            409: OpenApiResponse(
                ResourceErrorSerializer,
                description="Not allowed in the resource's current status.",
            ),
        },
    )


@extend_schema_view(
    list=extend_schema(
        operation_id="resources_list",
        summary="Search and browse resources",
        description=(
            "What you may see: published public resources, and network-only ones "
            "for centre staff. A parameter may be repeated (any of its values "
            "matches); different parameters combine (all must match). `count` and "
            "the facet counts are exact and cover the whole result; a facet you "
            "filter by is counted over the other filters, so its values say how "
            f"many each would add. {PAGE_SIZE} resources a page; only the first "
            f"{MAX_PAGES} pages can be read (`pages`): add words or filters to "
            "narrow a search that finds more. Parameters holding anything not "
            "understood (an unknown value, sort or page) answer 400 naming each; "
            "a page past the last answers 404."
        ),
        parameters=SEARCH_PARAMETERS,
        responses={
            200: ResourceSearchResponseSerializer,
            400: INPUT_ERROR,
            404: OpenApiResponse(ResourceErrorSerializer, description="No such page."),
        },
    ),
    retrieve=extend_schema(
        summary="One resource",
        description=(
            "A published resource you may see, or any resource of your own "
            "centres (the coordinator: all). Anything else answers 404."
        ),
        responses={
            200: ResourceDetailSerializer,
            404: OpenApiResponse(
                ResourceErrorSerializer, description="No such resource for you."
            ),
        },
    ),
    create=extend_schema(
        summary="Create a draft in one of your centres",
        description=(
            "For centre staff (token or session). `centre` must be the slug of a "
            "centre where you are an editor or manager: any other is refused "
            "with 403, as is a caller without any centre."
        ),
        request=ResourceCreateInputSerializer,
        responses={201: ResourceDetailSerializer, **ERRORS},
    ),
    update=extend_schema(
        summary="Change a resource",
        description=f"{WRITE_NOTE} Fields left out keep their value.",
        request=ResourceInputSerializer,
        responses={200: ResourceDetailSerializer, **ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a resource",
        description=WRITE_NOTE,
        request=ResourceInputSerializer,
        responses={200: ResourceDetailSerializer, **ERRORS},
    ),
)
class ResourceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Resources of the knowledge base.

    Reading is public: the list searches what `Resource.objects.listed_for(user)`
    holds (published; network-only ones for centre staff), a resource opens when
    `visible_to(user)`, otherwise 404.

    Writing is for centre staff, by token or session:
    - create: `centre` (a slug) must be one of the caller's workspaces. Somebody
      with no workspace at all gets 403, and so does a centre that is not theirs
      ("You can only create resources for your own centre"), existing or not:
      the request is well formed, the caller may just not write there, and centre
      slugs are public anyway, so there is nothing to hide with a 404;
    - update and the workflow actions reach the object only through
      `Resource.objects.writable_by(user)` (another centre's resource: 404), then
      `Resource.get_abilities(user)[action]` decides (403 when false). A service
      refusing the change (ValidationError) answers 400 `{"detail": message}`.
    """

    schema = ResourceSchema()
    pagination_class = None  # the search selector pages, see list()

    def get_permissions(self):
        if self.action in READ_ACTIONS:
            return [AllowAny(), HasResourceAbility()]
        return [IsAuthenticated(), CanWriteResources(), HasResourceAbility()]

    def get_queryset(self):
        user = self.request.user
        if self.action in READ_ACTIONS:
            queryset = Resource.objects.visible_to(user)
        else:
            queryset = Resource.objects.writable_by(user)
        return queryset.select_related("centre").prefetch_related(
            "attachments",
            Prefetch(
                "related",
                queryset=Resource.objects.visible_to(user)
                .select_related("centre")
                .order_by("title"),
            ),
        )

    def get_object(self):
        return self._with_translations(super().get_object())

    def _with_translations(self, resource):
        resource.translations = list(
            Resource.objects.visible_to(self.request.user)
            .filter(translation_group=resource.translation_group)
            .exclude(pk=resource.pk)
            .select_related("centre")
            .order_by("language", "title")
        )
        return resource

    def get_serializer_class(self):
        # Reads answer the detail; the browsable API also asks for the form of
        # each method allowed on the page it shows.
        method = self.request.method if self.request else "GET"
        if self.action == "send_back":
            return SendBackInputSerializer
        if method == "POST" and self.action in ("list", "create"):
            return ResourceCreateInputSerializer
        if method in ("PUT", "PATCH"):
            return ResourceInputSerializer
        return ResourceDetailSerializer

    def _detail(self, resource, status_code=status.HTTP_200_OK):
        """The written resource, read again with what the detail shows."""
        resource = self._with_translations(self.get_queryset().get(pk=resource.pk))
        serializer = ResourceDetailSerializer(
            resource, context=self.get_serializer_context()
        )
        return Response(serializer.data, status=status_code)

    # --- Reading ---------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        try:
            params = SearchParams.from_querydict(request.query_params, strict=True)
        except SearchParamsError as exc:
            raise ValidationError(exc.errors) from None
        result = resource_search(user=request.user, params=params)
        page = result.page
        if page.number != params.page:  # past the last page: no such page
            raise NotFound(_("Invalid page."))
        # The answer is cached in each process, keyed by what it depends on:
        # the search (result.version, replaced by any change of a resource),
        # the centres' names, the language of its labels and the URL its
        # links are built from.
        key = (
            "knowledge:api-list:"
            + hashlib.sha256(
                repr(
                    (
                        result.version,
                        centres_version(),
                        get_language(),
                        request.build_absolute_uri(),
                    )
                ).encode()
            ).hexdigest()
        )
        fragments = caches["fragments"]
        answer = fragments.get(key)
        if answer is None:
            answer = self._list_answer(result, params)
            fragments.set(key, answer, timeout=settings.KNOWLEDGE_SEARCH_CACHE_SECONDS)
        return Response(answer)

    def _list_answer(self, result, params) -> dict:
        """What ResourceSearchResponseSerializer answers for `result`."""
        page = result.page
        data = {
            "count": result.total,
            "pages": page.paginator.num_pages,
            "next": self._page_link(page.next_page_number())
            if page.has_next()
            else None,
            "previous": self._page_link(page.previous_page_number())
            if page.has_previous()
            else None,
            "page": page.number,
            "results": page.object_list,
            "facets": _facets(result),
            "query": {
                "q": params.q,
                **params.filters(),
                "sort": params.order,
                "page": page.number,
            },
        }
        serializer = ResourceSearchResponseSerializer(
            data, context=self.get_serializer_context()
        )
        return serializer.data

    def _page_link(self, number):
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    # --- Writing ---------------------------------------------------------------

    def create(self, request, *args, **kwargs):
        if not Centre.objects.workspaces_for(request.user).exists():
            raise PermissionDenied(_("Only centre staff can create resources."))
        centre_refuse_unless_workspace(
            request, _("You can only create resources for your own centre.")
        )
        serializer = ResourceCreateInputSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        centre = data.pop("centre")
        related = data.pop("related", ())
        resource, error = _service_call(
            services.resource_create,
            centre=centre,
            by=request.user,
            data=data,
            related=related,
        )
        if error:
            return error
        response = self._detail(resource, status.HTTP_201_CREATED)
        response["Location"] = response.data["api_url"]
        return response

    def update(self, request, *args, **kwargs):
        resource = self.get_object()
        serializer = ResourceInputSerializer(
            resource,
            data=request.data,
            partial=kwargs.get("partial", False),
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        related = data.pop("related", None)
        resource, error = _service_call(
            services.resource_update,
            resource=resource,
            by=request.user,
            data=data,
            related=related,
        )
        return error or self._detail(resource)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @_action_schema("Submit a draft for review", "submit")
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        return self._transition(services.resource_submit)

    @_action_schema("Publish a draft or a resource in review", "publish")
    @action(detail=True, methods=["post"])
    def publish(self, request, *args, **kwargs):
        return self._transition(services.resource_publish)

    @_action_schema(
        "Send a resource in review back with a comment",
        "send_back",
        request=SendBackInputSerializer,
    )
    @action(detail=True, methods=["post"])
    def send_back(self, request, *args, **kwargs):
        serializer = SendBackInputSerializer(data=request.data)
        resource = self.get_object()  # 404/403 before complaining about the body
        serializer.is_valid(raise_exception=True)
        return self._transition(
            services.resource_send_back,
            resource=resource,
            comment=serializer.validated_data["comment"],
        )

    @_action_schema("Archive a published resource", "archive")
    @action(detail=True, methods=["post"])
    def archive(self, request, *args, **kwargs):
        return self._transition(services.resource_archive)

    def _transition(self, service, resource=None, **kwargs):
        resource = resource or self.get_object()
        resource, error = _service_call(
            service,
            refused=status.HTTP_409_CONFLICT,
            resource=resource,
            by=self.request.user,
            **kwargs,
        )
        return error or self._detail(resource)


def _facets(result) -> dict[str, list[dict]]:
    """Facet counts as lists of {value, label, count}: most frequent first; years
    newest first."""
    facets = {}
    for name in FACETS:
        items = []
        for value, count in result.facets[name].items():
            if name == "centre":
                centre = result.centres.get(int(value))
                if centre is None:
                    continue
                value, label = centre.slug, centre.short_name or centre.name
            elif name == "country":
                label = countries.name(value) or value
            elif name == "year":
                label = value
            else:
                label = FACET_LABELS[name].get(value, value)
            items.append({"value": value, "label": str(label), "count": count})
        if name == "year":
            items.sort(key=lambda item: item["value"], reverse=True)
        else:
            items.sort(key=lambda item: (-item["count"], item["label"]))
        facets[name] = items
    return facets


def centre_slugs_in_schema(result, generator, request, public):
    """drf-spectacular post-processing: a `centre` query parameter takes the slug
    of an existing centre (anything else answers 400), so the schema served
    lists today's slugs. Without a database (drf-spectacular's system check
    builds the schema too, as `check --deploy` does on a build machine) the
    parameter stays a plain string."""
    try:
        slugs = list(Centre.objects.order_by("slug").values_list("slug", flat=True))
    except DatabaseError:
        return result
    return schema_with_centre_slugs(result, slugs)


def schema_with_centre_slugs(result, slugs):
    if not slugs:  # an empty enum would allow nothing
        return result
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query" or parameter["name"] != "centre":
                    continue
                schema = parameter["schema"]
                (schema["items"] if schema.get("type") == "array" else schema)[
                    "enum"
                ] = slugs
    return result

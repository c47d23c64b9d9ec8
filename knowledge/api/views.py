"""API for knowledge resources: public search and detail, staff writes."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from centres.models import Centre
from centres.permissions import mfa_missing
from p2i_portal.vocab import Language, Sector

from .. import services
from ..models import Approach, Resource
from ..selectors import FACETS, SearchParams, resource_search
from .serializers import (
    ResourceCreateInputSerializer,
    ResourceDetailSerializer,
    ResourceErrorSerializer,
    ResourceInputSerializer,
    ResourceSearchQuerySerializer,
    ResourceSearchResponseSerializer,
    SendBackInputSerializer,
    search_response_data,
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


def _service_call(function, **kwargs):
    """Run a service; its ValidationError becomes a 400 with a readable detail."""
    try:
        return function(**kwargs), None
    except DjangoValidationError as exc:
        body = {"detail": " ".join(str(m) for m in exc.messages)}
        if hasattr(exc, "error_dict"):
            body["errors"] = exc.message_dict
        return None, Response(body, status=status.HTTP_400_BAD_REQUEST)


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


def _action_schema(summary, ability, request=None):
    return extend_schema(
        operation_id=f"resources_{ability}",
        summary=summary,
        description=f"{WRITE_NOTE} Needs `abilities.{ability}`.",
        request=request,
        responses={200: ResourceDetailSerializer, **ERRORS},
    )


@extend_schema_view(
    list=extend_schema(
        operation_id="resources_list",
        summary="Search and browse resources",
        description=(
            "What you may see: published public resources, and network-only ones "
            "for centre staff. A parameter may be repeated (any of its values "
            "matches); different parameters combine (all must match). Facet counts "
            "cover the whole result; a facet you filter by is counted over the "
            "other filters, so its values say how many each would add. Unknown "
            "values answer 400 naming the "
            "parameter and what it allows; a page past the last answers 404."
        ),
        parameters=[
            ResourceSearchQuerySerializer,
            OpenApiParameter(
                "page", OpenApiTypes.INT, description="Page number (20 per page)."
            ),
        ],
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
            "centre where you are an editor or manager: another centre is refused "
            "on that field (400); without any centre you get 403."
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
      with no workspace at all gets 403; a centre that is not theirs is a 400 on the
      `centre` field ("You can only create resources for your own centre"): the
      centre is a value in the body, chosen like in a form, and centre slugs are
      public anyway, so there is nothing to hide with a 404;
    - update and the workflow actions reach the object only through
      `Resource.objects.writable_by(user)` (another centre's resource: 404), then
      `Resource.get_abilities(user)[action]` decides (403 when false). A service
      refusing the change (ValidationError) answers 400 `{"detail": message}`.
    """

    schema = ResourceSchema()
    pagination_class = None  # the search selector pages, see list()
    lookup_value_regex = r"\d+"

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
        query = ResourceSearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        requested_page = _page_number(request.query_params.get("page"))
        params = SearchParams.from_querydict(request.query_params)
        params.page = requested_page
        result = resource_search(user=request.user, params=params)
        if result.page.number != requested_page:  # the selector clamps; we do not
            if result.approximate:
                raise NotFound(
                    _(
                        "This search finds about %(count)s resources; only the "
                        "first %(listed)s can be paged through. Add words or "
                        "filters to narrow it."
                    )
                    % {"count": result.total, "listed": result.page.paginator.count}
                )
            raise NotFound(_("Invalid page."))
        data = {
            "count": result.total,
            "approximate": result.approximate,
            "next": self._page_link(result.page.next_page_number())
            if result.page.has_next()
            else None,
            "previous": self._page_link(result.page.previous_page_number())
            if result.page.has_previous()
            else None,
            "page": result.page.number,
            "results": list(result.page.object_list),
            "facets": _facets(result),
            "query": {
                "q": params.q,
                **params.filters(),
                "sort": params.sort,
                "page": result.page.number,
            },
        }
        # ResourceSearchResponseSerializer's output, without its cost.
        return Response(search_response_data(data, request=request))

    def _page_link(self, number):
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    # --- Writing ---------------------------------------------------------------

    def create(self, request, *args, **kwargs):
        if not Centre.objects.workspaces_for(request.user).exists():
            raise PermissionDenied(_("Only centre staff can create resources."))
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
            service, resource=resource, by=self.request.user, **kwargs
        )
        return error or self._detail(resource)


def _page_number(raw) -> int:
    """DRF's pagination answers 404 for a page that is not a positive number."""
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise NotFound(_("Invalid page.")) from None
    if number < 1:
        raise NotFound(_("Invalid page."))
    return number


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

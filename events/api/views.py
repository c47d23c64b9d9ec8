"""API for events: public list and detail with filters, registration for the
signed-in user, and the organisers' writes scoped to their centres."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response

from centres.api.permissions import centre_refuse_unless_workspace
from centres.models import Centre
from centres.permissions import mfa_missing

from .. import selectors, services
from ..models import Event
from .serializers import (
    CancelInputSerializer,
    ErrorSerializer,
    EventCreateInputSerializer,
    EventInputSerializer,
    EventListQuerySerializer,
    EventSerializer,
    MyRegistrationSerializer,
    RegisterInputSerializer,
)

WRITE_ACTIONS = ("create", "update", "partial_update", "publish", "cancel")


class CanWriteEvents(BasePermission):
    message = _(
        "Managers and the coordinator must turn on two-factor authentication "
        "before changing events."
    )

    def has_permission(self, request, view):
        return not mfa_missing(request.user)


class HasEventAbility(BasePermission):
    def has_object_permission(self, request, view, obj):
        if not isinstance(obj, Event):
            return False
        if obj.get_abilities(request.user).get(view.action, False):
            return True
        self.message = _(
            "You may not do this with this event (it is “%(status)s”)."
        ) % {"status": obj.get_status_display()}
        return False


def _service(function, **kwargs):
    """Run a service. A ValidationError about fields answers 400 with them; a
    plain refusal (the event's or the registration's current state does not allow
    the change) answers 409 with its message."""
    try:
        return function(**kwargs), None
    except DjangoValidationError as exc:
        body = {"detail": " ".join(str(m) for m in exc.messages)}
        if hasattr(exc, "error_dict"):
            body["errors"] = exc.message_dict
            return None, Response(body, status=status.HTTP_400_BAD_REQUEST)
        return None, Response(body, status=status.HTTP_409_CONFLICT)


ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="Invalid input: each field with its messages, or "
        '`{"detail": message}`.',
    ),
    401: OpenApiResponse(ErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(ErrorSerializer, description="See the event's `abilities`."),
    404: OpenApiResponse(ErrorSerializer, description="No such event for you."),
}
CONFLICT = {
    409: OpenApiResponse(
        ErrorSerializer,
        description="Refused in the current state of the event or registration "
        "(the message says why).",
    ),
}
WRITE_NOTE = (
    "For organisers' staff (token or session). Only events one of your centres "
    "organises are found (others: 404); the event's `abilities` decide (403)."
)


@extend_schema_view(
    list=extend_schema(
        summary="The calendar",
        description="Published and cancelled events, upcoming (soonest first) or "
        "past (latest first): the public ones, and for staff of the network's "
        "centres and the coordinator the network-only ones too. A value a filter "
        "does not know answers 400 naming the filter; a page past the last "
        "answers 404.",
        parameters=[EventListQuerySerializer],
        responses={
            200: EventSerializer(many=True),
            400: ERRORS[400],
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    ),
    retrieve=extend_schema(
        summary="One event",
        description="A public event, a network-only one for staff of the "
        "network's centres, or any event your centres organise.",
        responses={200: EventSerializer, 404: ERRORS[404]},
    ),
    create=extend_schema(
        summary="Create a draft event",
        description="`centre` must be a centre where you are staff (else 403).",
        request=EventCreateInputSerializer,
        responses={201: EventSerializer, **ERRORS, **CONFLICT},
    ),
    update=extend_schema(
        summary="Change an event",
        description=WRITE_NOTE,
        request=EventInputSerializer,
        responses={200: EventSerializer, **ERRORS, **CONFLICT},
    ),
    partial_update=extend_schema(
        summary="Change some fields of an event",
        description=WRITE_NOTE,
        request=EventInputSerializer,
        responses={200: EventSerializer, **ERRORS, **CONFLICT},
    ),
)
class EventViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = EventSerializer
    queryset = Event.objects.none()

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action in WRITE_ACTIONS:
            return [IsAuthenticated(), CanWriteEvents(), HasEventAbility()]
        return [IsAuthenticated()]

    def get_queryset(self):
        user = self.request.user
        if self.action == "list":
            query = EventListQuerySerializer(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            params = selectors.EventParams.from_query(query.validated_data)
            return selectors.event_list_public(params=params, user=user)
        if self.action in WRITE_ACTIONS:
            qs = Event.objects.writable_by(user)
        else:
            qs = Event.objects.visible_to(user)
        return qs.select_related("centre").prefetch_related("organisers")

    def create(self, request, format=None):
        if not Centre.objects.workspaces_for(request.user).exists():
            raise PermissionDenied(_("Only centre staff can create events."))
        centre_refuse_unless_workspace(request, _("You are not staff of this centre."))
        serializer = EventCreateInputSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        centre = data.pop("centre")
        organisers = data.pop("organisers", [])
        papers = data.pop("papers", [])
        event, error = _service(
            services.event_create,
            centre=centre,
            by=request.user,
            data=data,
            organisers=organisers,
            papers=papers,
        )
        if error:
            return error
        return Response(
            EventSerializer(event, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    def update(self, request, pk=None, partial=False, format=None):
        event = self.get_object()
        serializer = EventInputSerializer(
            event,
            data=request.data,
            partial=partial,
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organisers = data.pop("organisers", None)
        papers = data.pop("papers", None)
        updated, error = _service(
            services.event_update,
            event=event,
            by=request.user,
            data=data,
            organisers=organisers,
            papers=papers,
        )
        if error:
            return error
        return Response(
            EventSerializer(updated, context=self.get_serializer_context()).data
        )

    def partial_update(self, request, pk=None, format=None):
        return self.update(request, pk, partial=True)

    @extend_schema(
        summary="Publish a draft",
        description=WRITE_NOTE + " Needs `abilities.publish` (a manager).",
        request=None,
        responses={200: EventSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None, format=None):
        event, error = _service(
            services.event_publish, event=self.get_object(), by=request.user
        )
        return error or Response(
            EventSerializer(event, context=self.get_serializer_context()).data
        )

    @extend_schema(
        summary="Cancel a published event",
        description=WRITE_NOTE
        + " Needs `abilities.cancel` (a manager). Everyone registered is told.",
        request=CancelInputSerializer,
        responses={200: EventSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None, format=None):
        event = self.get_object()
        serializer = CancelInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event, error = _service(
            services.event_cancel,
            event=event,
            by=request.user,
            note=serializer.validated_data.get("note", ""),
        )
        return error or Response(
            EventSerializer(event, context=self.get_serializer_context()).data
        )

    @extend_schema(
        summary="Register the signed-in user",
        description="Confirmed at once, or on the waiting list when the event is "
        "full. Refused (400) outside the registration window, for a cancelled "
        "event, or when already registered.",
        # Answers are a JSON object: a form body cannot carry them, so the
        # schema documents JSON only.
        request={"application/json": RegisterInputSerializer},
        responses={201: MyRegistrationSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def register(self, request, pk=None, format=None):
        event = self.get_object()
        serializer = RegisterInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration, error = _service(
            services.registration_create,
            event=event,
            user=request.user,
            answers=serializer.validated_data.get("answers", {}),
        )
        return error or Response(
            MyRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="Cancel the signed-in user's registration",
        description="The first person on the waiting list moves up.",
        request=None,
        responses={200: MyRegistrationSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="cancel-registration")
    def cancel_registration(self, request, pk=None, format=None):
        event = self.get_object()
        registration = selectors.registration_get_for_user(
            event=event, user=request.user
        )
        if registration is None:
            raise NotFound(_("You are not registered for this event."))
        registration, error = _service(
            services.registration_cancel, registration=registration
        )
        return error or Response(MyRegistrationSerializer(registration).data)

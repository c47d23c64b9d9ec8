"""Errors of the API as JSON: DRF's exception handler, and Django's own error views
for the paths under /api/ that DRF never sees (an unknown route, a bad request)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

API_PREFIX = "/api/"


def exception_handler(exc, context):
    """DRF's handler, which also turns a model's or service's ValidationError that
    escaped a view into a 400 with its messages instead of a server error."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    return drf_exception_handler(exc, context)


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Any path under /api/v1/ that names no endpoint: the JSON 404 of the API."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


def page_not_found(request, exception=None):
    if _is_api(request):
        return api_not_found(request)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": _("Bad request.")}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if _is_api(request):
        return JsonResponse(
            {"detail": _("You do not have permission to do this.")}, status=403
        )
    return defaults.permission_denied(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": _("Server error.")}, status=500)
    return defaults.server_error(request)


def document_throttling(result, generator, request, public):
    """drf-spectacular post-processing: every operation is throttled
    (REST_FRAMEWORK's DEFAULT_THROTTLE_CLASSES), so every one may answer 429."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            operation.setdefault("responses", {}).setdefault(
                "429",
                {
                    "description": "Too many requests: the `Retry-After` header "
                    "says how many seconds to wait.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"detail": {"type": "string"}},
                                "required": ["detail"],
                            }
                        }
                    },
                },
            )
    return result

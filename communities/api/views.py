"""API for communities of practice: communities and their threads, readable
per visibility (a closed community exists only for its members and the
coordinator: everyone else gets 404), and posting by active members with a
token or a session, through the same rules and services as the pages."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from .. import posting, services
from ..models import Community, Post, Thread
from .serializers import (
    CommunityErrorSerializer,
    CommunitySerializer,
    PostSerializer,
    ReplyInputSerializer,
    ThreadCreatedSerializer,
    ThreadCreateInputSerializer,
    ThreadDetailSerializer,
    ThreadSerializer,
    posting_communities,
)

SLUG = OpenApiParameter(
    "slug",
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 80},
    OpenApiParameter.PATH,
    description="The community's slug.",
)
COMMUNITY_SLUG = OpenApiParameter(
    "community_slug",
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 80},
    OpenApiParameter.PATH,
    description="The community's slug.",
)
THREAD_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The thread's id."
)
PAGE = OpenApiParameter(
    "page",
    {"type": "integer", "minimum": 1},
    description="Page number, from 1 (20 a page).",
)
NOT_FOUND = OpenApiResponse(
    CommunityErrorSerializer,
    description="No such community or thread for you (a closed community "
    "exists only for its members and the coordinator), or no such page.",
)
POSTING_ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT, description="Invalid input: each field with its messages."
    ),
    401: OpenApiResponse(CommunityErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(
        CommunityErrorSerializer,
        description="Only active members of the community post.",
    ),
    404: NOT_FOUND,
    429: OpenApiResponse(
        CommunityErrorSerializer,
        description="Too many posts in a short time; try later.",
    ),
}
POSTING_NOTE = (
    "For active members (token or session). A new account's first posts in a "
    "closed community wait for a moderator's approval (`status` is `pending`); "
    "posts are rate-limited per account (429)."
)


def readable_communities(user):
    return Community.objects.readable_by(user).select_related("centre")


@extend_schema_view(
    list=extend_schema(
        summary="Communities you may read",
        description="Every open community, and the closed ones you are an active "
        "member of (the coordinator: all). A page past the last answers 404.",
        parameters=[PAGE],
        responses={200: CommunitySerializer(many=True), 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary="One community",
        parameters=[SLUG],
        responses={200: CommunitySerializer, 404: NOT_FOUND},
    ),
)
class CommunityViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = CommunitySerializer
    permission_classes = [AllowAny]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    queryset = Community.objects.none()

    def get_queryset(self):
        return readable_communities(self.request.user).order_by("name", "pk")

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "posting_communities": posting_communities(self.request.user),
        }


@extend_schema_view(
    list=extend_schema(
        summary="Threads of a community",
        description="Pinned threads first, then the latest activity first; only "
        "threads with a visible post. A page past the last answers 404.",
        parameters=[COMMUNITY_SLUG, PAGE],
        responses={200: ThreadSerializer(many=True), 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary="One thread with a page of its visible posts",
        description="`posts` holds one page of the visible posts, oldest first; "
        "`page` picks it. A page past the last answers 404.",
        parameters=[COMMUNITY_SLUG, THREAD_ID, PAGE],
        responses={200: ThreadDetailSerializer, 404: NOT_FOUND},
    ),
    create=extend_schema(
        summary="Start a thread",
        description=POSTING_NOTE,
        parameters=[COMMUNITY_SLUG],
        request=ThreadCreateInputSerializer,
        responses={201: ThreadCreatedSerializer, **POSTING_ERRORS},
    ),
)
class ThreadViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    lookup_value_regex = "[0-9]+"
    queryset = Thread.objects.none()

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_serializer_class(self):
        if self.action == "create":
            return ThreadCreateInputSerializer
        if self.action == "reply":
            return ReplyInputSerializer
        if self.action == "retrieve":
            return ThreadDetailSerializer
        return ThreadSerializer

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "posting_communities": posting_communities(self.request.user),
        }

    def get_community(self) -> Community:
        """THE guard: the community in the URL among those the caller may read,
        else 404 (a closed one does not admit it exists)."""
        if not hasattr(self, "_community"):
            self._community = get_object_or_404(
                readable_communities(self.request.user),
                slug=self.kwargs["community_slug"],
            )
        return self._community

    def get_queryset(self):
        visible = Post.objects.filter(thread=OuterRef("pk"), status=Post.Status.VISIBLE)
        return (
            Thread.objects.filter(community=self.get_community())
            .filter(Exists(visible))
            .select_related("author", "community")
            .order_by("-pinned", "-last_posted_at", "-pk")
        )

    def retrieve(self, request, *args, **kwargs):
        thread = self.get_object()
        posts = (
            thread.posts.filter(status=Post.Status.VISIBLE)
            .select_related("author")
            .order_by("created_at", "pk")
        )
        paginator = PageNumberPagination()
        # A page past the last (or not a number) answers 404, as the lists do.
        page = paginator.paginate_queryset(posts, request, view=self)
        context = self.get_serializer_context()
        context["posts_page"] = {
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": PostSerializer(page, many=True, context=context).data,
        }
        return Response(ThreadDetailSerializer(thread, context=context).data)

    def _member_for_posting(self, community):
        member = posting.posting_member(self.request.user, community)
        if member is None:
            raise PermissionDenied(
                _("Only active members of this community can post in it.")
            )
        return member

    def _rate_limited(self):
        return Response(
            {
                "detail": _(
                    "You have posted a lot in a short time. Please wait a few minutes."
                )
            },
            status=status.HTTP_429_TOO_MANY_REQUESTS,
        )

    def create(self, request, *args, **kwargs):
        community = self.get_community()
        member = self._member_for_posting(community)
        serializer = ThreadCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not posting.post_rate_allowed(request.user):
            return self._rate_limited()
        thread = services.thread_start(
            community=community,
            author=request.user,
            title=serializer.validated_data["title"],
            body=serializer.validated_data["body"],
            status=posting.post_initial_status(member),
        )
        thread.refresh_from_db()
        context = {**self.get_serializer_context(), "post": thread.posts.get()}
        return Response(
            ThreadCreatedSerializer(thread, context=context).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="communities_threads_reply",
        summary="Reply in a thread",
        description=f"{POSTING_NOTE} A locked thread takes no replies (409).",
        parameters=[COMMUNITY_SLUG, THREAD_ID],
        request=ReplyInputSerializer,
        responses={
            201: PostSerializer,
            **POSTING_ERRORS,
            409: OpenApiResponse(
                CommunityErrorSerializer,
                description="The thread is locked: no replies.",
            ),
        },
    )
    @action(detail=True, methods=["post"], url_path="replies")
    def reply(self, request, *args, **kwargs):
        thread = self.get_object()
        member = self._member_for_posting(thread.community)
        if not posting.post_may_reply(thread):
            return Response(
                {"detail": _("This thread is locked: it takes no more replies.")},
                status=status.HTTP_409_CONFLICT,
            )
        serializer = ReplyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not posting.post_rate_allowed(request.user):
            return self._rate_limited()
        post = services.post_reply(
            thread=thread,
            author=request.user,
            body=serializer.validated_data["body"],
            status=posting.post_initial_status(member),
        )
        return Response(
            PostSerializer(post, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

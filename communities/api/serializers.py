"""Serializers of the communities API: what a reader sees of a community, its
threads and their visible posts, and what a member sends to post."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from knowledge.api.serializers import enum_field
from p2i_portal.vocab import Sector

from ..models import Community, CommunityMember, Post, Thread

SectorField = enum_field(Sector, "CommunitySectorEnum", blank_value=True)
VisibilityField = enum_field(Community.Visibility, "CommunityVisibilityEnum")
PostStatusField = enum_field(Post.Status, "PostStatusEnum")


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class OwnerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class AuthorSerializer(serializers.Serializer):
    """A poster as other members see her: her name only."""

    name = serializers.SerializerMethodField()

    def get_name(self, obj) -> str:
        return obj.full_name if obj is not None else ""


class CommunityAbilitiesSerializer(serializers.Serializer):
    start_thread = serializers.BooleanField()


class CommunitySerializer(serializers.ModelSerializer):
    owner = OwnerSerializer(source="centre", read_only=True)
    sector = SectorField(read_only=True)
    language = serializers.CharField(read_only=True)
    visibility = VisibilityField(read_only=True)
    api_url = serializers.SerializerMethodField()
    threads_url = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Community
        fields = [
            "slug",
            "name",
            "purpose",
            "sector",
            "language",
            "visibility",
            "owner",
            "api_url",
            "threads_url",
            "abilities",
        ]

    def get_api_url(self, obj) -> str:
        return _absolute(
            self.context.get("request"),
            reverse("api:community-detail", kwargs={"slug": obj.slug}),
        )

    def get_threads_url(self, obj) -> str:
        return _absolute(
            self.context.get("request"),
            reverse("api:community-thread-list", kwargs={"community_slug": obj.slug}),
        )

    @extend_schema_field(CommunityAbilitiesSerializer)
    def get_abilities(self, obj) -> dict:
        members = self.context.get("posting_communities")
        return {"start_thread": members is not None and obj.pk in members}


class ThreadAbilitiesSerializer(serializers.Serializer):
    reply = serializers.BooleanField()


class ThreadSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    api_url = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Thread
        fields = [
            "id",
            "title",
            "author",
            "locked",
            "pinned",
            "reply_count",
            "last_posted_at",
            "created_at",
            "api_url",
            "abilities",
        ]

    def get_api_url(self, obj) -> str:
        return _absolute(
            self.context.get("request"),
            reverse(
                "api:community-thread-detail",
                kwargs={"community_slug": obj.community.slug, "pk": obj.pk},
            ),
        )

    @extend_schema_field(ThreadAbilitiesSerializer)
    def get_abilities(self, obj) -> dict:
        members = self.context.get("posting_communities") or set()
        return {"reply": obj.community_id in members and not obj.locked}


class PostSerializer(serializers.ModelSerializer):
    """A post; `status` says whether it is visible or waits for a moderator
    (the author's own new post can be waiting)."""

    author = AuthorSerializer(read_only=True)
    status = PostStatusField(read_only=True)

    class Meta:
        model = Post
        fields = [
            "id",
            "author",
            "body",
            "body_html",
            "status",
            "created_at",
            "edited_at",
        ]


class PostPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PostSerializer(many=True)


class ThreadDetailSerializer(ThreadSerializer):
    """A thread with one page of its visible posts, oldest first."""

    posts = serializers.SerializerMethodField()

    class Meta(ThreadSerializer.Meta):
        fields = [*ThreadSerializer.Meta.fields, "posts"]

    @extend_schema_field(PostPageSerializer)
    def get_posts(self, obj) -> dict:
        return self.context["posts_page"]


class ThreadCreatedSerializer(ThreadSerializer):
    """A thread just started, with its opening post (which may be waiting)."""

    post = serializers.SerializerMethodField()

    class Meta(ThreadSerializer.Meta):
        fields = [*ThreadSerializer.Meta.fields, "post"]

    @extend_schema_field(PostSerializer)
    def get_post(self, obj) -> dict:
        return PostSerializer(self.context["post"], context=self.context).data


class ThreadCreateInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(
        max_length=20000, help_text="The opening post, in Markdown."
    )


class ReplyInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=20000, help_text="The reply, in Markdown.")


class CommunityErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


def posting_communities(user) -> set[int]:
    """Ids of the communities where `user` may post (an active member)."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        CommunityMember.objects.active()
        .filter(user=user)
        .values_list("community_id", flat=True)
    )

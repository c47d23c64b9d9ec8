"""Pages of the communities of practice under /<lang>/communities/: the list,
a community's page, its threads and posts, files, search, joining and leaving,
and the moderators' pages. Every view reaches its community through
permissions.CommunityMixin; writes go through services."""

import posixpath

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from newsletters.ratelimit import hit

from . import selectors, services
from .forms import (
    EditForm,
    JoinForm,
    MemberModerateForm,
    PostModerateForm,
    ReplyForm,
    ReportForm,
    SearchForm,
    ThreadForm,
    ThreadModerateForm,
)
from .models import CommunityMember, Post, PostAttachment, Thread
from .permissions import CommunityMixin

RATE_LIMITED = gettext_lazy(
    "You have posted a lot in a short time. Nothing was saved; please wait a few "
    "minutes and try again."
)


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


class CommunityListView(View):
    """/communities/: the communities the reader may read."""

    def get(self, request):
        return TemplateResponse(
            request,
            "communities/community_list.html",
            {"communities": selectors.community_list_for(request.user)},
        )


class CommunityDetailView(CommunityMixin, View):
    """A community: purpose, owner, moderators, joining, the threads (paged),
    the owner's next events and the newest resources on its sector."""

    def get(self, request, slug):
        community = self.community
        return TemplateResponse(
            request,
            "communities/community_detail.html",
            {
                **self.community_context(),
                "moderators": selectors.moderators_of(community),
                "page_obj": selectors.thread_page(community, request.GET.get("page")),
                "events": selectors.owner_upcoming_events(community, request.user),
                "resources": selectors.sector_newest_resources(community, request.user),
                "join_form": JoinForm(),
                "search_form": SearchForm(),
            },
        )


class JoinView(LoginRequiredMixin, View):
    """Join an open community at once; ask to join a closed one with a message.

    The join page of a closed community is its one door for people outside it
    (the owner shares the address): it shows the name and takes a request, and
    nothing of the community's threads, files or members."""

    def get_community(self):
        from .models import Community

        return get_object_or_404(
            Community.objects.select_related("centre"), slug=self.kwargs["slug"]
        )

    def render(self, community, form, status=200):
        member = CommunityMember.objects.filter(
            community=community, user=self.request.user
        ).first()
        return TemplateResponse(
            self.request,
            "communities/join.html",
            {"community": community, "form": form, "member": member},
            status=status,
        )

    def get(self, request, slug):
        community = self.get_community()
        if not community.is_closed:
            return redirect("communities:detail", slug=slug)
        return self.render(community, JoinForm())

    def post(self, request, slug):
        community = self.get_community()
        form = JoinForm(request.POST)
        if not form.is_valid():
            return self.render(community, form, status=400)
        try:
            member = services.member_join(
                community=community,
                user=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
            return self.render(community, form, status=400)
        if member.status == CommunityMember.Status.PENDING:
            messages.success(
                request,
                _(
                    "Your request was sent to the moderators. You will be able "
                    "to read and post once they approve it."
                ),
            )
            return redirect("communities:list")
        messages.success(request, _("Welcome: you are now a member."))
        return redirect("communities:detail", slug=slug)


class LeaveView(CommunityMixin, View):
    login_required = True
    with_requests = True

    def post(self, request, slug):
        services.member_leave(community=self.community, user=request.user)
        messages.success(request, _("You have left the community."))
        return redirect("communities:list")


class MembersView(CommunityMixin, View):
    """The member list: for members and moderators only."""

    need = "members"

    def get(self, request, slug):
        return TemplateResponse(
            request,
            "communities/members.html",
            {
                **self.community_context(),
                "page_obj": selectors.member_page(
                    self.community, request.GET.get("page")
                ),
                "can_appoint": services.can_appoint(
                    community=self.community, user=request.user
                ),
            },
        )


class SearchView(CommunityMixin, View):
    def get(self, request, slug):
        form = SearchForm(request.GET)
        page_obj = None
        if form.is_valid():
            page_obj = selectors.thread_search(
                self.community, form.cleaned_data["q"], request.GET.get("page")
            )
        return TemplateResponse(
            request,
            "communities/search.html",
            {**self.community_context(), "form": form, "page_obj": page_obj},
        )


def _post_status(community, user) -> str:
    return services.post_status_for(community=community, user=user)


def _pending_message(request, status):
    if status == Post.Status.PENDING:
        messages.info(
            request,
            _(
                "Thank you. As a new member your first posts here are read by a "
                "moderator first; yours will appear once approved."
            ),
        )
    else:
        messages.success(request, _("Your message was posted."))


class ThreadCreateView(CommunityMixin, View):
    need = "post"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            "communities/thread_form.html",
            {**self.community_context(), "form": form},
            status=status,
        )

    def get(self, request, slug):
        return self.render(ThreadForm())

    def post(self, request, slug):
        form = ThreadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        if not hit("community_post_user", str(request.user.pk)):
            form.add_error(None, RATE_LIMITED)
            return self.render(form, status=429)
        status = _post_status(self.community, request.user)
        try:
            thread = services.thread_start(
                community=self.community,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                status=status,
                uploads=form.cleaned_data["files"],
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
            return self.render(form, status=400)
        _pending_message(request, status)
        if status == Post.Status.PENDING:
            return redirect("communities:detail", slug=slug)
        return redirect(thread.get_absolute_url())


class _ThreadMixin(CommunityMixin):
    def get_thread(self) -> Thread:
        threads = Thread.objects.filter(community=self.community)
        if not self.moderator:
            # A thread waiting for approval exists for its author alone.
            user = self.request.user
            own = Q(author=user) if user.is_authenticated else Q(pk__in=[])
            threads = threads.filter(Q(is_visible=True) | own)
        return get_object_or_404(threads.select_related("author"), pk=self.kwargs["pk"])


def _post_url(post, user, moderator) -> str:
    """The thread page on which `post` is, anchored at it."""
    before = (
        selectors.posts_visible_to(post.thread, user, moderator=moderator)
        .filter(created_at__lt=post.created_at)
        .count()
    )
    page = before // selectors.POSTS_PER_PAGE + 1
    return f"{post.thread.get_absolute_url()}?page={page}#post-{post.pk}"


class ThreadView(_ThreadMixin, View):
    """A thread, paged, with the reply form (POST: reply)."""

    def render(self, thread, form=None, status=200):
        request = self.request
        return TemplateResponse(
            request,
            "communities/thread_detail.html",
            {
                **self.community_context(),
                "thread": thread,
                "page_obj": selectors.post_page(
                    thread,
                    request.user,
                    request.GET.get("page"),
                    moderator=self.moderator,
                ),
                "form": form or ReplyForm(),
            },
            status=status,
        )

    def get(self, request, slug, pk):
        thread = self.get_thread()
        wanted = request.GET.get("post", "")
        if wanted.isdigit() and len(wanted) < 10:
            # A link to one post (from mail or the activity log): its page.
            post = get_object_or_404(
                selectors.posts_visible_to(
                    thread, request.user, moderator=self.moderator
                ),
                pk=int(wanted),
            )
            post.thread = thread
            return redirect(_post_url(post, request.user, self.moderator))
        return self.render(thread)

    def post(self, request, slug, pk):
        thread = self.get_thread()
        if not request.user.is_authenticated:
            return redirect("account_login")
        if not self.abilities["post"]:
            raise PermissionDenied(
                _("Only the community's members can post. Join it first.")
            )
        form = ReplyForm(request.POST, request.FILES)
        if thread.locked:
            form.is_valid()
            form.add_error(
                None,
                _("This thread is locked by a moderator and takes no more replies."),
            )
            return self.render(thread, form, status=400)
        if not form.is_valid():
            return self.render(thread, form, status=400)
        if not hit("community_post_user", str(request.user.pk)):
            form.add_error(None, RATE_LIMITED)
            return self.render(thread, form, status=429)
        status = _post_status(self.community, request.user)
        try:
            post = services.post_reply(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                status=status,
                uploads=form.cleaned_data["files"],
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
            return self.render(thread, form, status=400)
        _pending_message(request, status)
        return redirect(_post_url(post, request.user, self.moderator))


class _PostMixin(CommunityMixin):
    def get_post(self) -> Post:
        posts = selectors.posts_visible_to_community(
            self.community, self.request.user, moderator=self.moderator
        )
        return get_object_or_404(posts.select_related("thread"), pk=self.kwargs["pk"])


class PostEditView(_PostMixin, View):
    """The author edits her own post; anyone else's answers 404."""

    need = "post"

    def get_own(self):
        post = self.get_post()
        if post.author_id != self.request.user.pk:
            raise Http404
        return post

    def render(self, post, form, status=200):
        return TemplateResponse(
            self.request,
            "communities/post_edit.html",
            {**self.community_context(), "post": post, "form": form},
            status=status,
        )

    def get(self, request, slug, pk):
        post = self.get_own()
        return self.render(post, EditForm(initial={"body": post.body}))

    def post(self, request, slug, pk):
        post = self.get_own()
        form = EditForm(request.POST)
        if not form.is_valid():
            return self.render(post, form, status=400)
        try:
            services.post_edit(
                post=post, by=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
            return self.render(post, form, status=400)
        messages.success(request, _("Your post was changed."))
        return redirect(_post_url(post, request.user, self.moderator))


class PostReportView(_PostMixin, View):
    """A member reports a post (POST only, once per person)."""

    need = "post"

    def post(self, request, slug, pk):
        post = self.get_post()
        form = ReportForm(request.POST)
        url = _post_url(post, request.user, self.moderator)
        if not form.is_valid():
            messages.error(request, _("Say what is wrong with this post."))
            return redirect(url)
        try:
            services.post_report(
                post=post, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            messages.error(request, _errors(exc))
            return redirect(url)
        messages.success(
            request, _("Thank you. The moderators will look at this post.")
        )
        return redirect(url)


class FileView(CommunityMixin, View):
    """A file of a post, for whoever may read the community and the post;
    always a download, never cached."""

    def get(self, request, slug, pk):
        posts = selectors.posts_visible_to_community(
            self.community, request.user, moderator=self.moderator
        )
        if not self.moderator:
            posts = posts.exclude(status=Post.Status.HIDDEN)
        attachment = get_object_or_404(
            PostAttachment.objects.filter(post__in=posts), pk=pk
        )
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(_("This file is no longer available.")) from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=posixpath.basename(attachment.name),
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


# --- Moderation ---


class ModerationView(CommunityMixin, View):
    """What waits for the moderators: reports, waiting posts, join requests."""

    need = "moderate"

    def get(self, request, slug):
        return TemplateResponse(
            request,
            "communities/moderation.html",
            {
                **self.community_context(),
                **selectors.moderation_queue(self.community),
                "hide_form": PostModerateForm(),
            },
        )


class PostModerateView(_PostMixin, View):
    """Hide a post (with a reason), approve a waiting one, dismiss reports."""

    need = "moderate"

    def post(self, request, slug, pk):
        post = self.get_post()
        form = PostModerateForm(request.POST)
        back = request.POST.get("back") == "moderation"
        url = (
            reverse("communities:moderation", kwargs={"slug": slug})
            if back
            else _post_url(post, request.user, True)
        )
        if not form.is_valid():
            messages.error(request, _("Choose what to do with this post."))
            return redirect(url)
        action = form.cleaned_data["action"]
        try:
            if action == "hide":
                services.post_hide(
                    post=post, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The post is hidden."))
            elif action == "approve":
                services.post_approve(post=post, by=request.user)
                messages.success(request, _("The post is approved."))
            else:
                services.post_reports_dismiss(post=post, by=request.user)
                messages.success(request, _("The reports were dismissed."))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        return redirect(url)


class ThreadModerateView(_ThreadMixin, View):
    """Lock, unlock, pin or unpin a thread."""

    need = "moderate"

    def post(self, request, slug, pk):
        thread = self.get_thread()
        form = ThreadModerateForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose what to do with this thread."))
            return redirect(thread.get_absolute_url())
        services.thread_moderate(
            thread=thread, change=form.cleaned_data["action"], by=request.user
        )
        messages.success(request, _("The thread was changed."))
        return redirect(thread.get_absolute_url())


class MemberModerateView(CommunityMixin, View):
    """Approve or refuse a request; remove, ban, appoint or demote a member."""

    need = "moderate"

    def post(self, request, slug, pk):
        member = get_object_or_404(
            CommunityMember.objects.filter(community=self.community).select_related(
                "user", "community__centre"
            ),
            pk=pk,
        )
        form = MemberModerateForm(request.POST)
        url = (
            reverse("communities:members", kwargs={"slug": slug})
            if request.POST.get("back") == "members"
            else reverse("communities:moderation", kwargs={"slug": slug})
        )
        if not form.is_valid():
            messages.error(request, _("Choose what to do with this member."))
            return redirect(url)
        try:
            services.member_moderate(
                member=member, decision=form.cleaned_data["action"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, _errors(exc))
            return redirect(url)
        messages.success(request, _("Done."))
        return redirect(url)

"""The coordinator's compose area, /newsletter/compose/…: issues from sections,
review of contributions, preview, test send, schedule, send and progress.

Every view is behind ComposerRequiredMixin. Sections of every centre meet here,
so the queries cross tenants on purpose: they run inside scopes_disabled()."""

from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django_scopes import scopes_disabled

from . import rendering, selectors, services
from .forms import (
    EditorialSectionForm,
    IssueForm,
    ReviewForm,
    ScheduleForm,
    SectionTranslationForm,
)
from .models import Issue, Section, SectionTranslation, Subscriber
from .permissions import ComposerRequiredMixin
from .tasks import issue_test_send


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


class ComposeMixin(ComposerRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        with scopes_disabled():
            return super().dispatch(request, *args, **kwargs)

    def get_issue(self):
        return get_object_or_404(Issue, pk=self.kwargs["pk"])

    def render(self, template, context, status=200):
        response = TemplateResponse(
            self.request, f"newsletters/{template}", context, status=status
        )
        with scopes_disabled():
            return response.render()


class IssueListView(ComposeMixin, View):
    def get(self, request):
        return self.render(
            "compose_list.html", {"issues": selectors.issue_list_for_composer()}
        )


class IssueCreateView(ComposeMixin, View):
    def get(self, request):
        return self.render("compose_form.html", {"form": IssueForm()})

    def post(self, request):
        form = IssueForm(request.POST)
        if not form.is_valid():
            return self.render("compose_form.html", {"form": form})
        issue = services.issue_create(by=request.user, data=form.cleaned_data)
        messages.success(request, _("Draft issue created."))
        return redirect("newsletters:compose-detail", pk=issue.pk)


class IssueEditView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        return self.render(
            "compose_form.html", {"form": IssueForm(instance=issue), "issue": issue}
        )

    def post(self, request, pk):
        issue = self.get_issue()
        form = IssueForm(request.POST, instance=Issue.objects.get(pk=issue.pk))
        if not form.is_valid():
            return self.render("compose_form.html", {"form": form, "issue": issue})
        try:
            services.issue_update(issue=issue, by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Issue saved."))
        return redirect("newsletters:compose-detail", pk=issue.pk)


class IssueDetailView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        return self.render(
            "compose_detail.html",
            {
                **selectors.issue_overview(issue),
                "schedule_form": ScheduleForm(
                    initial={"when": issue.scheduled_at} if issue.scheduled_at else None
                ),
            },
        )


class SectionCreateView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        return self.render(
            "compose_section_form.html",
            {"issue": issue, "form": EditorialSectionForm(initial={"position": 50})},
        )

    def post(self, request, pk):
        issue = self.get_issue()
        form = EditorialSectionForm(request.POST)
        if not form.is_valid():
            return self.render(
                "compose_section_form.html", {"issue": issue, "form": form}
            )
        try:
            services.section_create(
                issue=issue,
                centre=None,
                by=request.user,
                data=form.cleaned_data,
                resources=form.cleaned_data["resources"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Section added."))
        return redirect("newsletters:compose-detail", pk=issue.pk)


class SectionMixin(ComposeMixin):
    def get_section(self):
        return get_object_or_404(
            Section.objects.select_related("issue", "centre"),
            pk=self.kwargs["section_pk"],
            issue_id=self.kwargs["pk"],
        )


class SectionEditView(SectionMixin, View):
    def get(self, request, pk, section_pk):
        section = self.get_section()
        return self.render(
            "compose_section_form.html",
            {
                "issue": section.issue,
                "section": section,
                "form": EditorialSectionForm(instance=section),
                "review_form": ReviewForm(),
                "translations": _translation_links(section),
            },
        )

    def post(self, request, pk, section_pk):
        section = self.get_section()
        form = EditorialSectionForm(request.POST, instance=section)
        if not form.is_valid():
            return self.render(
                "compose_section_form.html",
                {
                    "issue": section.issue,
                    "section": section,
                    "form": form,
                    "translations": _translation_links(section),
                },
            )
        try:
            services.section_update(
                section=section,
                by=request.user,
                data=form.cleaned_data,
                resources=form.cleaned_data["resources"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Section saved."))
        return redirect("newsletters:compose-detail", pk=section.issue_id)


class SectionTranslationView(SectionMixin, View):
    """A section's version in one other language, next to the section as written."""

    def get_language(self):
        language = self.kwargs["language"]
        if language == settings.LANGUAGE_CODE or language not in dict(
            settings.LANGUAGES
        ):
            raise Http404
        return language

    def _page(self, section, language, form, status=200):
        return self.render(
            "compose_section_translation.html",
            {
                "issue": section.issue,
                "section": section,
                "language": language,
                "language_name": dict(settings.LANGUAGES)[language],
                "translations": _translation_links(section),
                "form": form,
            },
            status=status,
        )

    def get(self, request, pk, section_pk, language):
        section = self.get_section()
        language = self.get_language()
        instance = SectionTranslation.objects.filter(
            section=section, language=language
        ).first()
        return self._page(section, language, SectionTranslationForm(instance=instance))

    def post(self, request, pk, section_pk, language):
        section = self.get_section()
        language = self.get_language()
        form = SectionTranslationForm(request.POST)
        if not form.is_valid():
            return self._page(section, language, form)
        try:
            saved = services.section_translation_save(
                section=section,
                language=language,
                by=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(
                request,
                _("Translation saved.") if saved else _("Translation removed."),
            )
        return redirect(
            "newsletters:compose-section-edit",
            pk=section.issue_id,
            section_pk=section.pk,
        )


def _translation_links(section) -> list[dict]:
    """Every language besides English, with the section's translation if any."""
    existing = {t.language: t for t in section.translations.all()}
    return [
        {"code": code, "name": name, "translation": existing.get(code)}
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class SectionReviewView(SectionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, section_pk):
        section = self.get_section()
        form = ReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to accept or to return the section."))
            return redirect("newsletters:compose-detail", pk=section.issue_id)
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.section_review(
                section=section,
                by=request.user,
                accept=accept,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(
                request,
                _("Section accepted.")
                if accept
                else _("Section returned to the centre with your comment."),
            )
        return redirect("newsletters:compose-detail", pk=section.issue_id)


class SectionRemoveView(SectionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, section_pk):
        section = self.get_section()
        try:
            services.section_remove(section=section, by=request.user)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Section removed."))
        return redirect("newsletters:compose-detail", pk=pk)


@method_decorator(
    # The e-mail's own inline styles, shown as the recipients see them.
    csp_update({"style-src": ["'unsafe-inline'"]}),
    name="dispatch",
)
class PreviewView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        # As a reader of `?language=` receives it (unknown codes give English).
        reader = Subscriber(
            pk=0,
            email="preview@example.org",
            name="",
            language=request.GET.get("language", settings.LANGUAGE_CODE)[:7],
        )
        if request.GET.get("format") == "text":
            return HttpResponse(
                rendering.issue_preview_text(issue, reader),
                content_type="text/plain; charset=utf-8",
            )
        return HttpResponse(rendering.issue_preview_html(issue, reader))


class TestSendView(ComposeMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        issue = self.get_issue()
        user_pk, issue_pk = request.user.pk, issue.pk
        transaction.on_commit(
            lambda: issue_test_send.delay(issue_pk, user_pk), robust=True
        )
        messages.success(
            request,
            _("A test copy is on its way to %(email)s.")
            % {"email": request.user.email},
        )
        return redirect("newsletters:compose-detail", pk=issue.pk)


class ScheduleView(ComposeMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        issue = self.get_issue()
        try:
            if request.POST.get("action") == "unschedule":
                services.issue_unschedule(issue=issue, by=request.user)
                messages.success(request, _("The issue is a draft again."))
            else:
                form = ScheduleForm(request.POST)
                if not form.is_valid():
                    messages.error(
                        request, " ".join(e for e in form.errors.get("when", []))
                    )
                    return redirect("newsletters:compose-detail", pk=issue.pk)
                services.issue_schedule(
                    issue=issue, by=request.user, when=form.cleaned_data["when"]
                )
                messages.success(request, _("The issue is scheduled."))
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        return redirect("newsletters:compose-detail", pk=issue.pk)


class SendView(ComposeMixin, View):
    """GET: the confirmation with the recipient count; POST: send now."""

    def get(self, request, pk):
        issue = self.get_issue()
        if not issue.is_editable:
            return redirect("newsletters:compose-progress", pk=issue.pk)
        return self.render(
            "compose_send.html",
            {"issue": issue, "count": services.issue_audience(issue).count()},
        )

    def post(self, request, pk):
        issue = self.get_issue()
        try:
            services.issue_start(issue=issue, by=request.user)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
            return redirect("newsletters:compose-detail", pk=issue.pk)
        return redirect("newsletters:compose-progress", pk=issue.pk)


class ProgressView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        return self.render(
            "compose_progress.html",
            {
                "issue": issue,
                "progress": selectors.issue_progress(issue),
                "progress_url": reverse(
                    "newsletters:compose-progress-json", kwargs={"pk": issue.pk}
                ),
            },
        )


class ProgressJsonView(ComposeMixin, View):
    def get(self, request, pk):
        issue = self.get_issue()
        return JsonResponse(selectors.issue_progress(issue))

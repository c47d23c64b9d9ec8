"""Public pages of open market consultations under /<lang>/challenges/: the
list with search and filters, a challenge's page, the buyer's draft and
submission, a supplier's answer, the answers for the buyer and her centre,
the summary after the deadline, and the files (each behind the rule of what
it belongs to: another person's answer or file answers 404)."""

import posixpath

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_countries import countries

from newsletters.ratelimit import hit
from p2i_portal.vocab import Sector

from . import challenge_selectors as selectors
from . import challenge_services as services
from .challenge_forms import AnswerForm, ChallengeForm, SummaryForm
from .challenge_permissions import (
    challenge_of_buyer_or_404,
    challenge_summarisable_or_404,
    challenge_visible_or_404,
)
from .models import Challenge

PAGE_SIZE = 20
RATE_LIMITED = gettext_lazy(
    "You sent too much in a short time. Nothing was saved; please try again later."
)


def _service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _rate_limited(request) -> bool:
    return not hit("challenge_post_user", str(request.user.pk))


def file_response(field, name, content_type):
    """A stored file as a download, never cached or sniffed."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("This file is no longer available.")) from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=posixpath.basename(name),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ChallengeListView(View):
    """/challenges/: published challenges, searchable and filtered."""

    def get(self, request):
        params = selectors.ChallengeParams.from_query(request.GET)
        page = Paginator(selectors.challenge_search(params=params), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return TemplateResponse(
            request,
            "cooperation/challenges/list.html",
            {
                "challenges": list(page.object_list),
                "page_obj": page,
                "page_query": urlencode(params.active()),
                "params": params,
                "filtered": bool(params.active()),
                "sectors": Sector.choices,
                "countries": list(countries),
            },
        )


class ChallengeDetailView(View):
    """/challenges/<pk>/: a published challenge for everyone; a draft or one
    under review for its buyer and her centre's staff only (others 404)."""

    def get(self, request, pk):
        challenge = challenge_visible_or_404(request.user, pk)
        user = request.user
        is_buyer = user.is_authenticated and challenge.buyer_id == user.pk
        staff = challenge.centre.role_of(user) is not None
        return TemplateResponse(
            request,
            "cooperation/challenges/detail.html",
            {
                "challenge": challenge,
                "is_buyer": is_buyer,
                "is_staff": staff,
                "my_answer": selectors.answer_of(challenge, user),
                "may_answer": services.may_answer(challenge, user),
                "answer_count": selectors.answer_count(challenge)
                if is_buyer or staff
                else None,
            },
        )


class ChallengeCreateView(LoginRequiredMixin, View):
    """/challenges/new/: a procurer drafts a challenge."""

    template_name = "cooperation/challenges/form.html"

    def render(self, form, challenge=None, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "challenge": challenge},
            status=status,
        )

    def get(self, request):
        initial = {
            "organisation": request.user.organisation,
            "country": str(request.user.country or ""),
            "language": (request.LANGUAGE_CODE or "en")[:2],
        }
        return self.render(ChallengeForm(initial=initial))

    def post(self, request):
        form = ChallengeForm(request.POST, request.FILES)
        if _rate_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(form, status=429)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            challenge = services.challenge_create(
                buyer=request.user,
                data=form.data_for_service(),
                upload=form.cleaned_data["attachment"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(form, status=400)
        messages.success(
            request,
            _(
                "Your draft was saved. Check it, then submit it to %(centre)s for "
                "review."
            )
            % {"centre": challenge.centre.name},
        )
        return redirect(challenge.get_absolute_url())


class ChallengeEditView(LoginRequiredMixin, View):
    """/challenges/<pk>/edit/: the buyer edits her draft (others 404)."""

    template_name = "cooperation/challenges/form.html"

    def render(self, form, challenge, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "challenge": challenge},
            status=status,
        )

    def get(self, request, pk):
        challenge = challenge_of_buyer_or_404(request.user, pk)
        return self.render(
            ChallengeForm(initial=ChallengeForm.initial_from(challenge)), challenge
        )

    def post(self, request, pk):
        challenge = challenge_of_buyer_or_404(request.user, pk)
        form = ChallengeForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, challenge, status=400)
        try:
            challenge = services.challenge_update(
                challenge=challenge,
                data=form.data_for_service(),
                upload=form.cleaned_data["attachment"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(form, challenge, status=400)
        messages.success(request, _("Your draft was saved."))
        return redirect(challenge.get_absolute_url())


class ChallengeSubmitView(LoginRequiredMixin, View):
    """POST /challenges/<pk>/submit/: the buyer sends her draft to her centre."""

    http_method_names = ["post"]

    def post(self, request, pk):
        challenge = challenge_of_buyer_or_404(request.user, pk)
        try:
            services.challenge_submit(challenge=challenge, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(challenge.get_absolute_url())
        messages.success(
            request,
            _(
                "Your challenge was sent to %(centre)s. You get an e-mail when it is published."
            )
            % {"centre": challenge.centre.name},
        )
        return redirect(challenge.get_absolute_url())


class AnswerView(LoginRequiredMixin, View):
    """/challenges/<pk>/answer/: a supplier answers an open challenge, and
    changes her answer until the deadline."""

    template_name = "cooperation/challenges/answer.html"

    def get_challenge(self):
        challenge = get_object_or_404(
            Challenge.objects.published().select_related("centre"), pk=self.kwargs["pk"]
        )
        return challenge

    def render(self, challenge, form, answer, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"challenge": challenge, "form": form, "answer": answer},
            status=status,
        )

    def get(self, request, pk):
        challenge = self.get_challenge()
        answer = selectors.answer_of(challenge, request.user)
        if answer is not None:
            initial = AnswerForm.initial_from(answer)
        else:
            initial = {"organisation": request.user.organisation}
        form = AnswerForm(initial=initial, questions=challenge.questions)
        return self.render(challenge, form, answer)

    def post(self, request, pk):
        challenge = self.get_challenge()
        answer = selectors.answer_of(challenge, request.user)
        form = AnswerForm(request.POST, request.FILES, questions=challenge.questions)
        if _rate_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(challenge, form, answer, status=429)
        if not form.is_valid():
            return self.render(challenge, form, answer, status=400)
        try:
            services.answer_save(
                challenge=challenge,
                supplier=request.user,
                data=form.data_for_service(),
                upload=form.cleaned_data["attachment"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(challenge, form, answer, status=400)
        if answer is None:
            messages.success(
                request,
                _("Your answer was sent. Only the buyer and her centre can read it."),
            )
        else:
            messages.success(request, _("Your answer was updated."))
        return redirect(challenge.get_absolute_url())


class AnswerFileRemoveView(AnswerView):
    """POST /challenges/<pk>/answers/<answer_pk>/file/remove/: the supplier
    takes back the file of her own answer until the deadline (anyone else's
    answer: 404). After it: refused with the reason, nothing changes."""

    http_method_names = ["post"]

    def post(self, request, pk, answer_pk):
        challenge = self.get_challenge()
        answer = selectors.answer_of(challenge, request.user)
        if answer is None or answer.pk != answer_pk:
            raise Http404
        if not answer.attachment:
            messages.info(request, _("Your answer carries no file."))
            return redirect("challenges:answer", pk=challenge.pk)
        name = answer.attachment_name
        try:
            services.answer_file_remove(answer=answer, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            form = AnswerForm(
                initial=AnswerForm.initial_from(answer), questions=challenge.questions
            )
            return self.render(challenge, form, answer, status=400)
        messages.success(
            request,
            _("“%(name)s” was removed from your answer.") % {"name": name},
        )
        return redirect("challenges:answer", pk=challenge.pk)


class AnswersView(LoginRequiredMixin, View):
    """/challenges/<pk>/answers/: the answers the person may read: all of them
    for the buyer and her centre, her own for a supplier (nothing: 404)."""

    def get(self, request, pk):
        challenge = challenge_visible_or_404(request.user, pk)
        answers = selectors.answers_visible(challenge, request.user)
        reader = (
            Challenge.objects.summarisable_by(request.user)
            .filter(pk=challenge.pk)
            .exists()
        )
        if not answers and not reader:
            raise Http404
        return TemplateResponse(
            request,
            "cooperation/challenges/answers.html",
            {"challenge": challenge, "answers": answers},
        )


class AnswerFileView(LoginRequiredMixin, View):
    """An answer's file, for those who may read that answer (others 404)."""

    def get(self, request, pk, answer_pk):
        challenge = challenge_visible_or_404(request.user, pk)
        answer = next(
            (
                a
                for a in selectors.answers_visible(challenge, request.user)
                if a.pk == answer_pk
            ),
            None,
        )
        if answer is None:
            raise Http404
        return file_response(
            answer.attachment, answer.attachment_name, answer.attachment_type
        )


class ChallengeFileView(View):
    """A challenge's file, for whoever may see the challenge."""

    def get(self, request, pk):
        challenge = challenge_visible_or_404(request.user, pk)
        return file_response(
            challenge.attachment, challenge.attachment_name, challenge.attachment_type
        )


class SummaryView(LoginRequiredMixin, View):
    """/challenges/<pk>/summary/: after the deadline, the buyer or her centre
    publishes what the market said; the suppliers who answered are told."""

    template_name = "cooperation/challenges/summary.html"

    def render(self, challenge, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"challenge": challenge, "form": form},
            status=status,
        )

    def get(self, request, pk):
        challenge = challenge_summarisable_or_404(request.user, pk)
        return self.render(
            challenge, SummaryForm(initial={"summary": challenge.summary})
        )

    def post(self, request, pk):
        challenge = challenge_summarisable_or_404(request.user, pk)
        form = SummaryForm(request.POST)
        if not form.is_valid():
            return self.render(challenge, form, status=400)
        try:
            services.summary_publish(
                challenge=challenge,
                by=request.user,
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(challenge, form, status=400)
        messages.success(
            request,
            _("The summary is published. The suppliers who answered were told."),
        )
        return redirect(challenge.get_absolute_url())


class MyChallengesView(LoginRequiredMixin, View):
    """/challenges/mine/: her challenges as a buyer and her answers as a supplier."""

    def get(self, request):
        return TemplateResponse(
            request,
            "cooperation/challenges/mine.html",
            {
                "challenges": list(
                    Challenge.objects.of_buyer(request.user)
                    .select_related("centre")
                    .order_by("-created_at")
                ),
                "answers": selectors.answers_of_supplier(request.user),
            },
        )

"""A centre's review of open market consultations under
/manage/<centre_slug>/challenges/: the challenges routed to it, publishing or
sending back a submitted one, and a case study from a closed one. Every change
goes through cooperation.challenge_services (which writes the activity log);
another centre's challenge answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from . import challenge_selectors as selectors
from . import challenge_services as services
from .challenge_forms import SendBackForm
from .challenge_permissions import ChallengeReviewMixin
from .models import Challenge

PAGE_SIZE = 50


class ReviewListView(ChallengeReviewMixin, View):
    """The centre's challenges, those waiting for review first."""

    def get(self, request, centre_slug):
        status = request.GET.get("status", "")
        qs = Challenge.objects.reviewable_by(request.user).for_centre(self.centre)
        counts = {
            value: qs.filter(status=value).count() for value in Challenge.Status.values
        }
        if status in Challenge.Status.values:
            qs = qs.filter(status=status)
        else:
            status = ""
        page = Paginator(
            qs.select_related("buyer").order_by("-submitted_at", "-created_at"),
            PAGE_SIZE,
        ).get_page(request.GET.get("page"))
        return TemplateResponse(
            request,
            "cooperation/challenges/manage_list.html",
            {
                **self.workspace_context(),
                "challenges": list(page.object_list),
                "page_obj": page,
                "status": status,
                "status_links": [
                    (value, label, counts[value])
                    for value, label in Challenge.Status.choices
                ],
            },
        )


class ReviewDetailView(ChallengeReviewMixin, View):
    def render(self, challenge, form=None, status=200):
        return TemplateResponse(
            self.request,
            "cooperation/challenges/manage_detail.html",
            {
                **self.workspace_context(),
                "challenge": challenge,
                "form": form or SendBackForm(),
                "answer_count": selectors.answer_count(challenge),
            },
            status=status,
        )

    def get(self, request, centre_slug, pk):
        return self.render(self.get_challenge())

    def detail_url(self, challenge):
        return reverse(
            "manage:challenges:detail",
            kwargs={"centre_slug": self.centre.slug, "pk": challenge.pk},
        )


class PublishView(ReviewDetailView):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        challenge = self.get_challenge()
        try:
            services.challenge_publish(challenge=challenge, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(challenge, status=400)
        messages.success(request, _("The challenge is published; the buyer was told."))
        return redirect(self.detail_url(challenge))


class SendBackView(ReviewDetailView):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        challenge = self.get_challenge()
        form = SendBackForm(request.POST)
        if form.is_valid():
            try:
                services.challenge_send_back(
                    challenge=challenge, by=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(
                    request,
                    _("The challenge was sent back to the buyer with your note."),
                )
                return redirect(self.detail_url(challenge))
        return self.render(challenge, form, status=400)


class CaseStudyView(ReviewDetailView):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        challenge = self.get_challenge()
        try:
            resource = services.case_study_create(challenge=challenge, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(challenge, status=400)
        messages.success(
            request,
            _(
                "The draft case study was saved. Submit it for review; a manager publishes it."
            ),
        )
        return redirect(
            reverse(
                "manage:resources:detail",
                kwargs={"centre_slug": self.centre.slug, "pk": resource.pk},
            )
        )

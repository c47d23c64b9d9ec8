"""The advice desks: a centre's inbox under /manage/<centre_slug>/advice/ and
the coordinator's queue under /network/advice/ (same views, two guards; see
advice.permissions). Every change goes through advice.services, which writes
the centre's activity log. Another centre's request answers 404.
"""

import posixpath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from centres.models import Role
from p2i_portal.vocab import Sector

from . import selectors, services
from .forms import (
    AssignForm,
    NoteForm,
    QaForm,
    ReplyForm,
    SettingsForm,
    StatusForm,
    TransferForm,
)
from .models import AdviceAttachment, AdviceRequest
from .permissions import CentreDeskMixin, NetworkDeskMixin

PAGE_SIZE = 50


class _Inbox:
    template_name = "advice/desk_inbox.html"

    def get(self, request, **kwargs):
        params = selectors.InboxParams.from_query(request.GET)
        rows, counts = selectors.inbox_list(
            centre=self.desk_centre, params=params, user=request.user
        )
        staff = self.staff()
        active = {k: v for k, v in vars(params).items() if v}
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        return TemplateResponse(
            request,
            self.template_name,
            {
                **self.desk_context(),
                "requests": list(page.object_list),
                "page_obj": page,
                "page_query": urlencode(active),
                "counts": counts,
                "params": params,
                "filtered": bool(active),
                "statuses": AdviceRequest.Status.choices,
                "sectors": Sector.choices,
                "staff": staff,
                "status_links": [
                    (
                        value,
                        label,
                        counts.get(value, 0),
                        f"?{urlencode({**active, 'status': value})}",
                    )
                    for value, label in AdviceRequest.Status.choices
                ],
            },
        )


class _Detail:
    template_name = "advice/desk_detail.html"

    def render_detail(self, advice, status=200, **forms):
        staff = self.staff()
        context = {
            **self.desk_context(),
            "advice": advice,
            "thread": selectors.thread(advice, for_procurer=False),
            "reply_form": forms.get("reply_form") or ReplyForm(),
            "note_form": forms.get("note_form") or NoteForm(),
            "status_form": forms.get("status_form")
            or StatusForm(initial={"status": advice.status}),
            "assign_form": forms.get("assign_form")
            or AssignForm(staff=staff, initial={"assignee": advice.assignee_id}),
            "transfer_form": forms.get("transfer_form")
            or TransferForm(exclude=advice.centre),
            "clock": advice.clock(),
            "urls": {
                name: self.action_url(name, advice)
                for name in ("reply", "note", "status", "transfer")
            },
            "assign_url": self.action_url("assign", advice)
            if self.desk_centre is not None
            else "",
            "files": [
                (a, self.action_url("attachment", advice, attachment_pk=a.pk))
                for a in advice.attachments.all()
            ],
            "can_make_qa": advice.centre is not None
            and advice.consent_publish
            and advice.first_replied_at is not None
            and advice.status
            in (AdviceRequest.Status.ANSWERED, AdviceRequest.Status.CLOSED),
        }
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def get(self, request, **kwargs):
        return self.render_detail(self.get_advice())


class _Action:
    """A POST on one request: a valid form calls `act`; bad input re-renders
    the request with the message and changes nothing."""

    http_method_names = ["post"]
    form_class = None
    form_name = ""
    done_message = ""

    def make_form(self, advice):
        return self.form_class(self.request.POST)

    def post(self, request, **kwargs):
        advice = self.get_advice()
        form = self.make_form(advice)
        if form.is_valid():
            try:
                target = self.act(advice, form)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, self.done_message)
                return redirect(target or self.detail_url(advice))
        messages.error(request, _("Nothing was changed; see the message below."))
        return self.render_detail(advice, status=400, **{self.form_name: form})


class _Reply(_Action):
    form_class, form_name = ReplyForm, "reply_form"

    @property
    def done_message(self):
        return _("Your reply was sent to the procurer.")

    def act(self, advice, form):
        services.request_reply(
            request=advice,
            by=self.request.user,
            body=form.cleaned_data["body"],
            status=form.cleaned_data["status"],
        )


class _Note(_Action):
    form_class, form_name = NoteForm, "note_form"

    @property
    def done_message(self):
        return _("The note was added. The procurer does not see it.")

    def act(self, advice, form):
        services.request_note_add(
            request=advice, by=self.request.user, body=form.cleaned_data["body"]
        )


class _Status(_Action):
    form_class, form_name = StatusForm, "status_form"

    @property
    def done_message(self):
        return _("The status was changed.")

    def act(self, advice, form):
        services.request_set_status(
            request=advice, by=self.request.user, status=form.cleaned_data["status"]
        )


class _Assign(_Action):
    form_class, form_name = AssignForm, "assign_form"

    @property
    def done_message(self):
        return _("The assignment was saved.")

    def make_form(self, advice):
        return AssignForm(self.request.POST, staff=self.staff())

    def act(self, advice, form):
        if form.cleaned_data.get("assignee") and form.assignee_user() is None:
            raise ValidationError(
                _("Only a member of this centre's team can be assigned.")
            )
        services.request_assign(
            request=advice, by=self.request.user, assignee=form.assignee_user()
        )


class _Transfer(_Action):
    form_class, form_name = TransferForm, "transfer_form"

    def make_form(self, advice):
        return TransferForm(self.request.POST, exclude=advice.centre)

    def act(self, advice, form):
        to_centre = form.centre()
        services.request_transfer(
            request=advice,
            by=self.request.user,
            to_centre=to_centre,
            note=form.cleaned_data["note"],
        )
        self.done_message = _(
            "The request was transferred to %(centre)s and the procurer was told."
        ) % {"centre": to_centre.name}
        return self.inbox_url()


class CentreInboxView(CentreDeskMixin, _Inbox, View):
    pass


class CentreDetailView(CentreDeskMixin, _Detail, View):
    pass


class CentreReplyView(CentreDeskMixin, _Detail, _Reply, View):
    pass


class CentreNoteView(CentreDeskMixin, _Detail, _Note, View):
    pass


class CentreStatusView(CentreDeskMixin, _Detail, _Status, View):
    pass


class CentreAssignView(CentreDeskMixin, _Detail, _Assign, View):
    pass


class CentreTransferView(CentreDeskMixin, _Detail, _Transfer, View):
    pass


class NetworkInboxView(NetworkDeskMixin, _Inbox, View):
    pass


class NetworkDetailView(NetworkDeskMixin, _Detail, View):
    pass


class NetworkReplyView(NetworkDeskMixin, _Detail, _Reply, View):
    pass


class NetworkNoteView(NetworkDeskMixin, _Detail, _Note, View):
    pass


class NetworkStatusView(NetworkDeskMixin, _Detail, _Status, View):
    pass


class NetworkTransferView(NetworkDeskMixin, _Detail, _Transfer, View):
    pass


class _AttachmentDownload:
    """A file the procurer sent, for the desk that holds her request; always a
    download, never cached."""

    def get(self, request, pk, attachment_pk, **kwargs):
        advice = self.get_advice()
        attachment = get_object_or_404(
            AdviceAttachment.objects.filter(request=advice), pk=attachment_pk
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


class CentreAttachmentView(CentreDeskMixin, _AttachmentDownload, View):
    pass


class NetworkAttachmentView(NetworkDeskMixin, _AttachmentDownload, View):
    pass


class QaCreateView(CentreDeskMixin, View):
    """From an answered request (whose procurer consented), a draft "Question
    and answer" of this centre: the form starts from the texts, the person
    anonymises them; the draft then follows the knowledge base's review."""

    template_name = "advice/desk_qa.html"

    def render(self, advice, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {**self.desk_context(), "advice": advice, "form": form},
            status=status,
        )

    def get(self, request, centre_slug, pk):
        advice = self.get_advice()
        replies = [
            m.body for m in selectors.thread(advice, for_procurer=True)
            if m.kind == m.Kind.REPLY
        ]  # fmt: skip
        form = QaForm(
            initial={
                "title": advice.subject,
                "question": advice.question,
                "answer": "\n\n".join(replies),
                "language": advice.language[:2] or "en",
            }
        )
        return self.render(advice, form)

    def post(self, request, centre_slug, pk):
        advice = self.get_advice()
        form = QaForm(request.POST)
        if form.is_valid():
            try:
                resource = services.qa_create(
                    request=advice,
                    by=request.user,
                    title=form.cleaned_data["title"],
                    question=form.cleaned_data["question"],
                    answer=form.cleaned_data["answer"],
                    related=list(form.cleaned_data["related"]),
                    language=form.cleaned_data["language"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _(
                        "The draft Q&A was saved. Submit it for review; a manager "
                        "publishes it."
                    ),
                )
                return redirect(
                    reverse(
                        "manage:resources:detail",
                        kwargs={"centre_slug": self.centre.slug, "pk": resource.pk},
                    )
                )
        return self.render(advice, form, status=400)


class SettingsView(CentreDeskMixin, View):
    """The desk's clock: N working days for a first reply (managers)."""

    required_role = Role.MANAGER
    template_name = "advice/desk_settings.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {**self.desk_context(), "form": form},
            status=status,
        )

    def get(self, request, centre_slug):
        return self.render(
            SettingsForm(initial={"response_days": services.response_days(self.centre)})
        )

    def post(self, request, centre_slug):
        form = SettingsForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        services.settings_update(
            centre=self.centre,
            by=request.user,
            response_days=form.cleaned_data["response_days"],
        )
        messages.success(request, _("The desk's settings were saved."))
        return redirect(self.inbox_url())

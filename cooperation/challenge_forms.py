"""Forms of open market consultations: the buyer's challenge, a supplier's
answer, the centre's note and the summary."""

from django import forms
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from p2i_portal.vocab import Language, Sector

from .models import MAX_QUESTIONS

ATTACHMENT_HELP = gettext_lazy(
    "Optional: one PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) or "
    "OpenDocument text (ODT) file. It is checked by its content."
)


class ChallengeForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    organisation = forms.CharField(
        label=gettext_lazy("Buying organisation"), max_length=200
    )
    problem = forms.CharField(
        label=gettext_lazy("The problem"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("What needs solving, for whom, and why now."),
    )
    known = forms.CharField(
        label=gettext_lazy("What is already known (optional)"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    questions = forms.CharField(
        label=gettext_lazy("Questions to the market"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One question per line, at most ten."),
    )
    deadline = forms.DateField(
        label=gettext_lazy("Deadline for answers"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Suppliers can answer until the end of this day."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=Language.choices
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"), choices=[("", "—"), *Sector.choices]
    )
    country = LazyTypedChoiceField(
        label=gettext_lazy("Country"),
        choices=[("", "—")],
        help_text=gettext_lazy("The competence centre of this country reviews it."),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Attachment"), required=False, help_text=ATTACHMENT_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]

    def clean_questions(self):
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(
                gettext_lazy("Ask the market at least one question.")
            )
        if len(lines) > MAX_QUESTIONS:
            raise forms.ValidationError(
                gettext_lazy("Ask at most %(n)d questions.") % {"n": MAX_QUESTIONS}
            )
        if any(len(line) > 500 for line in lines):
            raise forms.ValidationError(
                gettext_lazy("A question may have at most 500 characters.")
            )
        return lines

    def data_for_service(self) -> dict:
        keys = [
            "title", "organisation", "problem", "known", "questions", "deadline",
            "language", "sector", "country",
        ]  # fmt: skip
        return {k: self.cleaned_data[k] for k in keys}

    @staticmethod
    def initial_from(challenge) -> dict:
        return {
            "title": challenge.title,
            "organisation": challenge.organisation,
            "problem": challenge.problem,
            "known": challenge.known,
            "questions": "\n".join(challenge.questions),
            "deadline": challenge.deadline,
            "language": challenge.language,
            "sector": challenge.sector,
            "country": str(challenge.country),
        }


class AnswerForm(forms.Form):
    """One field per question of the challenge, then a general answer."""

    organisation = forms.CharField(
        label=gettext_lazy("Your organisation"), max_length=200
    )
    general = forms.CharField(
        label=gettext_lazy("General answer (optional)"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Attachment"), required=False, help_text=ATTACHMENT_HELP
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.question_names = []
        for number, question in enumerate(questions):
            name = f"answer_{number}"
            self.fields[name] = forms.CharField(
                label=question,
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.question_names.append(name)
        # The general answer and the file come after the questions.
        self.order_fields(["organisation", *self.question_names, "general"])

    def question_fields(self):
        return [self[name] for name in self.question_names]

    def data_for_service(self) -> dict:
        return {
            "organisation": self.cleaned_data["organisation"],
            "answers": [self.cleaned_data[name] for name in self.question_names],
            "general": self.cleaned_data["general"],
        }

    @staticmethod
    def initial_from(answer) -> dict:
        initial = {"organisation": answer.organisation, "general": answer.general}
        for number, text in enumerate(answer.answers):
            initial[f"answer_{number}"] = text
        return initial


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note to the buyer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What she should change before it is published."),
    )


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=gettext_lazy("Summary of the answers"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Markdown. What the market said, without naming suppliers who did "
            "not agree to it."
        ),
    )

"""Forms of the resource workspace: the resource editor, attachments, review."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from p2i_portal.vocab import Sector

from .models import Approach, Resource
from .services import CONTENT_FIELDS

MAX_TAGS = 20
MAX_TAG_LENGTH = 50
MAX_LINKS = 20
MAX_LINK_TITLE = 200
CPV_PATTERN = re.compile(r"^\d{8}(?:-\d)?$")
# How many published resources the "related" list offers (the chosen ones are
# always offered too): the whole network may hold many thousands.
RELATED_CHOICES_LIMIT = 300


def _split_commas(value) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else (value or "").split(",")
    return [" ".join(str(item).split()) for item in items if str(item).strip()]


class TagsField(forms.CharField):
    """Comma-separated topics → a list: trimmed, deduplicated, at most 20."""

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(value)
        return value

    def to_python(self, value):
        tags, seen = [], set()
        for tag in _split_commas(super().to_python(value)):
            if tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
        return tags

    def validate(self, value):
        super().validate(value)
        too_long = [t for t in value if len(t) > MAX_TAG_LENGTH]
        if too_long:
            raise ValidationError(
                _("“%(tag)s” is too long: a topic has at most %(max)d characters.")
                % {"tag": too_long[0][:60], "max": MAX_TAG_LENGTH},
                code="tag_too_long",
            )
        if len(value) > MAX_TAGS:
            raise ValidationError(
                _("At most %(max)d topics, please; you entered %(count)d.")
                % {"max": MAX_TAGS, "count": len(value)},
                code="too_many_tags",
            )


class CpvCodesField(forms.CharField):
    """Comma-separated CPV codes such as 72000000 or 72212100-0."""

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(value)
        return value

    def to_python(self, value):
        codes = []
        for code in _split_commas(super().to_python(value)):
            code = code.replace(" ", "")
            if code not in codes:
                codes.append(code)
        return codes

    def validate(self, value):
        super().validate(value)
        bad = [c for c in value if not CPV_PATTERN.match(c)]
        if bad:
            raise ValidationError(
                ngettext(
                    "%(codes)s is not a CPV code. A CPV code has eight digits and "
                    "may end in a check digit, e.g. 72000000 or 72212100-0.",
                    "%(codes)s are not CPV codes. A CPV code has eight digits and "
                    "may end in a check digit, e.g. 72000000 or 72212100-0.",
                    len(bad),
                )
                % {"codes": ", ".join(f"“{c[:20]}”" for c in bad[:5])},
                code="bad_cpv",
            )


class ExternalLinksField(forms.CharField):
    """One "Title | https://address" per line → [{"title": …, "url": …}]."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(
                f"{link.get('title', '')} | {link.get('url', '')}"
                if link.get("title") and link.get("title") != link.get("url")
                else link.get("url", "")
                for link in value
                if isinstance(link, dict)
            )
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        if not isinstance(text, str):
            return text
        links, errors = [], []
        check_url = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            title, bar, url = line.rpartition("|")
            if not bar:
                title, url = "", line
            title, url = " ".join(title.split()), url.strip()
            try:
                check_url(url)
            except ValidationError:
                errors.append(
                    ValidationError(
                        _(
                            "Line %(line)d: “%(url)s” is not a web address. Write "
                            "“Title | https://…” with a full address that starts "
                            "with http:// or https://."
                        )
                        % {"line": number, "url": url[:80]},
                        code="bad_url",
                    )
                )
                continue
            if len(title) > MAX_LINK_TITLE:
                errors.append(
                    ValidationError(
                        _("Line %(line)d: the title is longer than %(max)d characters.")
                        % {"line": number, "max": MAX_LINK_TITLE},
                        code="title_too_long",
                    )
                )
                continue
            links.append({"title": title or url, "url": url})
        if errors:
            raise ValidationError(errors)
        if len(links) > MAX_LINKS:
            raise ValidationError(
                _("At most %(max)d links, please.") % {"max": MAX_LINKS},
                code="too_many_links",
            )
        return links


class RelatedResourcesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.centre.short_name})"


class TranslationOfField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_language_display()})"


class ResourceForm(forms.ModelForm):
    """The content of a resource. Saved by the view through the services, never
    with `save()`; `service_data()` and `related_resources()` give what they take."""

    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    approaches = forms.MultipleChoiceField(
        label=_("Procurement approaches"),
        choices=Approach.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tags = TagsField(
        label=_("Topics"),
        required=False,
        max_length=2000,
        help_text=_(
            "Separate topics with commas, e.g. “market consultation, SMEs”. At most 20."
        ),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries concerned"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose more than one."),
    )
    external_links = ExternalLinksField(
        label=_("External links"),
        required=False,
        max_length=10000,
        help_text=_(
            "One link per line, written “Title | https://address”, e.g. "
            "“TED notice | https://ted.europa.eu/…”."
        ),
    )
    related = RelatedResourcesField(
        label=_("Related resources"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Published resources of any centre in the network. "
            "Hold Ctrl (⌘ on a Mac) to choose more than one."
        ),
    )
    translation_of = TranslationOfField(
        label=_("Translation of"),
        queryset=Resource.objects.none(),
        required=False,
        empty_label=_("— Not a translation —"),
        help_text=_(
            "If this is the same resource in another language, choose the original; "
            "visitors will then see the languages it is available in."
        ),
    )
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When the document itself was published, if it was."),
    )
    case_country = forms.ChoiceField(label=_("Country of the case"), required=False)
    contract_value_eur = forms.DecimalField(
        label=_("Contract value (EUR)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={"min_value": _("The contract value cannot be negative.")},
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
    )
    cpv_codes = CpvCodesField(
        label=_("CPV codes"),
        required=False,
        max_length=500,
        help_text=_("Separate codes with commas, e.g. “72000000, 48000000-8”."),
    )
    ted_url = forms.URLField(
        label=_("TED notice"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("The address of the contract notice on TED, if there is one."),
    )

    class Meta:
        model = Resource
        fields = CONTENT_FIELDS
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18, "class": "resource-body"}),
            "visibility": forms.RadioSelect,
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "lessons_learned": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "tool_type": _("Only for tools."),
            "summary": _(
                "Two or three sentences; shown in search results and lists. "
                "At most 1000 characters."
            ),
            "body": _(
                "Written in Markdown: **bold**, *italic*, ## headings, - lists, "
                "[link text](https://…). Scripts and unsafe HTML are removed."
            ),
            "authors": _("People or organisations, separated by commas."),
            "licence": _("The licence under which others may reuse the content."),
        }

    def __init__(self, *args, centre_resources, **kwargs):
        super().__init__(*args, **kwargs)
        names = list(countries)
        self.fields["countries"].choices = names
        self.fields["case_country"].choices = [("", _("— Choose —")), *names]
        self.fields["kind"].choices = [
            ("", _("— Choose a kind —")),
            *Resource.Kind.choices,
        ]
        self.fields["tool_type"].choices = [
            ("", _("— Not a tool —")),
            *Resource.ToolType.choices,
        ]

        own_pk = self.instance.pk
        siblings = centre_resources.only(
            "pk", "title", "language", "translation_group"
        ).order_by("title")
        related = Resource.objects.published().select_related("centre")
        if own_pk:
            siblings = siblings.exclude(pk=own_pk)
            related = related.exclude(pk=own_pk)
        self.fields["translation_of"].queryset = siblings
        self.fields["related"].queryset = related.order_by("title")

        if own_pk and not self.is_bound:
            self.initial["related"] = list(
                self.instance.related.values_list("pk", flat=True)
            )
            original = (
                siblings.filter(translation_group=self.instance.translation_group)
                .order_by("created_at")
                .first()
            )
            if original is not None:
                self.initial["translation_of"] = original.pk
        self._limit_related_choices(related)

    def _limit_related_choices(self, related):
        if self.is_bound:
            getlist = getattr(self.data, "getlist", None)
            name = self.add_prefix("related")
            chosen = getlist(name) if getlist else self.data.get(name) or []
        else:
            chosen = self.initial.get("related", [])
        chosen = [int(pk) for pk in chosen if str(pk).isdigit()][:100]
        recent = list(related.order_by("-published_at")[:RELATED_CHOICES_LIMIT])
        recent_pks = {r.pk for r in recent}
        missing = [pk for pk in chosen if pk not in recent_pks]
        if missing:
            recent += list(related.filter(pk__in=missing))
        recent.sort(key=lambda r: r.title.casefold())
        field = self.fields["related"]
        field.widget.choices = [(r.pk, field.label_from_instance(r)) for r in recent]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") and cleaned["kind"] != Resource.Kind.TOOL:
            cleaned["tool_type"] = ""
        original = cleaned.get("translation_of")
        language = cleaned.get("language")
        if original is not None and language and original.language == language:
            self.add_error(
                "translation_of",
                _(
                    "“%(title)s” is in the same language. A translation must be in "
                    "another language."
                )
                % {"title": original.title},
            )
        return cleaned

    def service_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in CONTENT_FIELDS if f in self.fields}
        if self.cleaned_data.get("translation_of") is not None:
            data["translation_of"] = self.cleaned_data["translation_of"]
        return data

    def related_resources(self) -> list[Resource]:
        return list(self.cleaned_data.get("related") or [])


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) or OpenDocument text "
            "(ODT), at most 20 MB. The content is checked, not the name."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,.xlsx,.pptx,.odt,application/pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "document,application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet,application/vnd.openxmlformats-officedocument."
                "presentationml.presentation,application/vnd.oasis.opendocument.text"
            }
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Shown to visitors; the file name if left empty."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)
        limit = settings.ATTACHMENT_MAX_BYTES
        self.fields["file"].widget.attrs.update(
            {
                "data-max-bytes": str(limit),
                "data-too-large": _("This file is larger than %(limit)d MB.")
                % {"limit": limit // (1024 * 1024)},
            }
        )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say what needs to change before sending it back.")
        },
        help_text=_("The editors see this comment on the draft."),
    )

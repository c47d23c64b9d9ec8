"""Upload validation: images are checked by content, not by name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "WEBP"}
MAX_IMAGE_SIDE = 4000


def validate_logo(file) -> None:
    """Accept a PNG, JPEG or WebP of at most LOGO_MAX_BYTES and 4000 px a side."""
    limit = settings.LOGO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The logo is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": file.size / 1024 / 1024, "limit": limit // (1024 * 1024)},
            code="too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            fmt = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This file is not a valid image. Upload a PNG, JPEG or WebP logo."),
            code="invalid_image",
        ) from exc
    finally:
        file.seek(position)
    if fmt not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Logos must be PNG, JPEG or WebP images (this one is %(fmt)s).")
            % {"fmt": fmt},
            code="bad_format",
        )
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ValidationError(
            _("The logo is %(w)d×%(h)d pixels; at most %(max)d a side, please.")
            % {"w": width, "h": height, "max": MAX_IMAGE_SIDE},
            code="too_big",
        )

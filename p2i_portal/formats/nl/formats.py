"""Dutch: Django's formats, plus the portal's named ones."""

WEEKDAY_DATE_FORMAT = "l j F Y"  # 'maandag 7 december 2026'
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # 'maandag 7 december 2026, 14:04'
STAFF_DATE_FORMAT = "j b Y"  # '7 dec 2026'
STAFF_DATETIME_FORMAT = "j b Y H:i"  # '7 dec 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'dec 2026'

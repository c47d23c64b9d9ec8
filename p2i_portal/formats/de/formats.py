"""German: Django's formats, plus the portal's named ones."""

WEEKDAY_DATE_FORMAT = "l, j. F Y"  # 'Montag, 7. Dezember 2026'
WEEKDAY_DATETIME_FORMAT = "l, j. F Y, H:i"  # 'Montag, 7. Dezember 2026, 14:04'
STAFF_DATE_FORMAT = "j. N Y"  # '7. Dez. 2026' ('Mai' without a point)
STAFF_DATETIME_FORMAT = "j. N Y, H:i"  # '7. Dez. 2026, 14:04'
SHORT_YEAR_MONTH_FORMAT = "M Y"  # 'Dez 2026'

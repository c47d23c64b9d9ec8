"""Estonian: Django's formats, with the date-time and digit grouping it lacks."""

THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space: 1 234 567
NUMBER_GROUPING = 3

DATETIME_FORMAT = "j. F Y, G:i"  # '7. detsember 2026, 14:04'
SHORT_DATETIME_FORMAT = "d.m.Y G:i"  # '07.12.2026 14:04'
WEEKDAY_DATE_FORMAT = "l, j. F Y"  # 'esmaspäev, 7. detsember 2026'
WEEKDAY_DATETIME_FORMAT = "l, j. F Y, G:i"
STAFF_DATE_FORMAT = "j. b Y"  # '7. dets 2026'
STAFF_DATETIME_FORMAT = "j. b Y G:i"  # '7. dets 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'dets 2026'

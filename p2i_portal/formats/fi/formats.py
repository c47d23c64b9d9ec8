"""Finnish: Django's formats, plus the portal's named ones.

Finnish has no established short month names, and day.month.year is the only
order a Finnish reader knows, so the staff form is numeric ('7.12.2026 klo 14.04').
"""

WEEKDAY_DATE_FORMAT = "l j. E Y"  # 'maanantai 7. joulukuuta 2026'
WEEKDAY_DATETIME_FORMAT = r"l j. E Y \k\l\o G.i"
STAFF_DATE_FORMAT = "j.n.Y"  # '7.12.2026'
STAFF_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"  # '7.12.2026 klo 14.04'
SHORT_YEAR_MONTH_FORMAT = "F Y"  # 'joulukuu 2026'

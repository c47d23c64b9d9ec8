"""Lithuanian: digits grouped by a space, plus the portal's named formats.

The staff form is the year-first numeric date Lithuanian writes everywhere
('2026-12-07 14:04'), which no reader takes for another day.
"""

THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space: 1 234 567
NUMBER_GROUPING = 3

WEEKDAY_DATE_FORMAT = r"l, Y \m. E j \d."  # 'Pirmadienis, 2026 m. gruodžio 7 d.'
WEEKDAY_DATETIME_FORMAT = r"l, Y \m. E j \d., H:i"
STAFF_DATE_FORMAT = "Y-m-d"
STAFF_DATETIME_FORMAT = "Y-m-d H:i"
SHORT_YEAR_MONTH_FORMAT = r"Y \m. F"  # '2026 m. gruodis'

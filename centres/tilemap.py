"""A tile-grid map of Europe: one square per country, placed roughly by geography.

Drawn with CSS grid classes (`r<row> c<col>`) so it needs no map data, no script
and no inline styles (the Content-Security-Policy forbids them).
"""

from django_countries import countries

# (row, column) per ISO 3166 code: EU/EEA members, Switzerland and the UK.
TILES = {
    "IS": (0, 0), "NO": (0, 4), "SE": (0, 5), "FI": (0, 6),
    "IE": (1, 0), "GB": (1, 1), "DK": (1, 4), "EE": (1, 6),
    "NL": (2, 3), "DE": (2, 4), "PL": (2, 5), "LV": (2, 6),
    "BE": (3, 2), "LU": (3, 3), "CZ": (3, 4), "SK": (3, 5), "LT": (3, 6),
    "FR": (4, 2), "CH": (4, 3), "AT": (4, 4), "HU": (4, 5), "RO": (4, 6),
    "PT": (5, 0), "ES": (5, 1), "IT": (5, 3), "SI": (5, 4), "HR": (5, 5), "BG": (5, 6),
    "MT": (6, 3), "GR": (6, 5), "CY": (6, 7),
}  # fmt: skip


def tile_grid(centres) -> list[dict]:
    """One dict per tile: code, name, row, col and the centres in that country."""
    by_country: dict[str, list] = {}
    for centre in centres:
        if centre.country:
            by_country.setdefault(centre.country.code, []).append(centre)
    names = dict(countries)
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "row": row,
            "col": col,
            "centres": by_country.get(code, []),
        }
        for code, (row, col) in TILES.items()
    ]

"""Demo data of the apps: YAML files under each app's `demo/` folder."""

from pathlib import Path
from typing import Any

import yaml


def demo_read(path: Path) -> Any:
    """The content of one demo data file (YAML, UTF-8; dates become `date`)."""
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)

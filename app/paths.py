"""Where the device keeps its vault."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "hmis-intake"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))

"""A file-backed keyring backend for tests only: the OS keyring is not available here.

It refuses to run outside a pytest run (``PYTEST_VERSION`` is set by pytest for the
test process and inherited by its children) and outside the file the test names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "HMIS_TEST_KEYRING_FILE"


class FileKeyringForTests(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        if not os.environ.get("PYTEST_VERSION") or not os.environ.get(FILE_ENV):
            raise RuntimeError("FileKeyringForTests is a test double and runs only under pytest.")
        self.path = Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data), "utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such entry")
        self._save(data)

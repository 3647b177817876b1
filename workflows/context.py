"""ServiceContext: what every service receives (database, file store, clock, screener)."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from workflows.db import DEFAULT_URL, Database
from workflows.files import FileStore


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _default_screener_loader() -> Any:
    from classifier import load_screener

    return load_screener(os.environ.get("REVIEW_MODEL_DIR") or None)


@dataclass
class ServiceContext:
    db: Database
    files: FileStore
    clock: Callable[[], datetime] = utc_now
    screener_loader: Callable[[], Any] = _default_screener_loader
    rng: random.Random = field(default_factory=random.SystemRandom)
    data_dir: Path = Path("var")
    _screener: Any = field(default=None, repr=False)

    def screener(self) -> Any:
        """The classifier's screener, loaded once per context."""
        if self._screener is None:
            self._screener = self.screener_loader()
        return self._screener

    def now(self) -> datetime:
        """Current time as naive UTC (how it is stored)."""
        t = self.clock()
        if t.tzinfo is not None:
            t = t.astimezone(timezone.utc).replace(tzinfo=None)
        return t

    def today(self):  # type: ignore[no-untyped-def]
        """Today's date in China (UTC+8): deadlines are Beijing calendar days."""
        from datetime import timedelta

        return (self.now() + timedelta(hours=8)).date()


def build_context(database_url: str | None = None, data_dir: str | Path | None = None, **kwargs: Any) -> ServiceContext:
    url = database_url or os.environ.get("DATABASE_URL") or DEFAULT_URL
    ddir = Path(data_dir or os.environ.get("REVIEW_DATA_DIR") or "var")
    ddir.mkdir(parents=True, exist_ok=True)
    return ServiceContext(db=Database(url), files=FileStore(ddir / "files"), data_dir=ddir, **kwargs)

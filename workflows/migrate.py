"""Runs the Alembic migrations (the only source of the schema) against a URL or a live connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str | None = None) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    if url:
        cfg.attributes["url"] = url
    return cfg


def upgrade(url: str, *, connection=None, schema: str | None = None) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
    cfg = alembic_config(url)
    if connection is not None:
        cfg.attributes["connection"] = connection
    if schema:
        cfg.attributes["schema"] = schema
    command.upgrade(cfg, "head")

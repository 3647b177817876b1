"""Backup and restore: every table as JSON lines plus the stored files, in one .zip. Portable between
SQLite and PostgreSQL (the restore target is a freshly migrated, empty database)."""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Date, delete, DateTime, Integer, LargeBinary, Time, func, insert, select, text

from workflows import audit
from workflows.context import ServiceContext
from workflows.models import AuditHead, Base

FORMAT = 1


def _encode(v: Any) -> Any:
    if isinstance(v, (datetime, date, time)):
        return v.isoformat()
    if isinstance(v, bytes):
        return base64.b64encode(v).decode()
    return v


def _decode(col, v: Any) -> Any:  # type: ignore[no-untyped-def]
    if v is None:
        return None
    if isinstance(col.type, DateTime):
        return datetime.fromisoformat(v)
    if isinstance(col.type, Date):
        return date.fromisoformat(v)
    if isinstance(col.type, Time):
        return time.fromisoformat(v)
    if isinstance(col.type, LargeBinary):
        return base64.b64decode(v)
    return v


def backup(ctx: ServiceContext, out: Path) -> dict[str, int]:
    """Writes the archive (atomically) and returns row counts per table."""
    counts: dict[str, int] = {}
    tmp = out.with_name(out.name + ".part")
    hashes: set[str] = set()
    with ctx.db.read() as s, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table)).mappings().all()
            counts[table.name] = len(rows)
            z.writestr(f"tables/{table.name}.jsonl",
                       "".join(json.dumps({k: _encode(v) for k, v in r.items()}, ensure_ascii=False) + "\n" for r in rows))
            if "content_hash" in table.c:
                hashes.update(r["content_hash"] for r in rows)
        for h in sorted(hashes):
            if ctx.files.exists(h):
                z.writestr(f"files/{h}", ctx.files.get(h))
        # Same read transaction as the tables, so the head matches the audit rows inside the archive.
        seq, head_hash = audit.chain_head(s)
        z.writestr("manifest.json", json.dumps({"format": FORMAT, "counts": counts, "files": len(hashes),
                                                "audit_head": {"seq": seq, "hash": head_hash}}))
    tmp.replace(out)
    return counts


def archive_anchor(archive: Path) -> tuple[int, str] | None:
    """The audit chain head (seq, hash) recorded in a backup archive; None for archives made before it."""
    with zipfile.ZipFile(archive) as z:
        head = json.loads(z.read("manifest.json")).get("audit_head")
    return (int(head["seq"]), str(head["hash"])) if head else None


def restore(ctx: ServiceContext, archive: Path) -> dict[str, int]:
    """Loads an archive into an empty migrated database; refuses a database that already has users."""
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise ValueError("unknown backup format")
        for name in z.namelist():
            if name.startswith("files/"):
                ctx.files.put(z.read(name))
        with ctx.db.write() as s:
            from workflows.models import User

            if s.scalar(select(func.count()).select_from(User)):
                raise ValueError("the target database is not empty; restore needs a freshly migrated database")
            s.execute(delete(AuditHead))
            for table in Base.metadata.sorted_tables:
                lines = z.read(f"tables/{table.name}.jsonl").decode().splitlines()
                rows = [{k: _decode(table.c[k], v) for k, v in json.loads(line).items()} for line in lines if line]
                if rows:
                    s.execute(insert(table), rows)
            if not ctx.db.is_sqlite:  # identity sequences must continue after the restored ids
                for table in Base.metadata.sorted_tables:
                    pk = list(table.primary_key.columns)
                    if len(pk) == 1 and isinstance(pk[0].type, Integer) and manifest["counts"].get(table.name):
                        s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                                       f"(SELECT MAX({pk[0].name}) FROM {table.name}))"))
    return manifest["counts"]

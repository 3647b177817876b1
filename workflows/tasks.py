"""Background work (extraction, OCR, screening of uploaded materials) on a huey queue.

The queue runs embedded by default (SqliteHuey in REVIEW_DATA_DIR), on a shared Redis broker when
REVIEW_HUEY_REDIS_URL is set (several machines), and inline when REVIEW_HUEY_IMMEDIATE=1 (tests).
Start the worker with:  .venv/bin/huey_consumer workflows.tasks.huey -w 2 -k thread
(scripts/run_app.sh does this for you).

Progress is kept in huey's key-value store under "progress:material:<id>" so any process that shares
the queue (the Streamlit server, the worker) can read it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab

log = logging.getLogger("workflows.tasks")

QUEUE_NAME = "review"


def _make_huey() -> Huey:
    if os.environ.get("REVIEW_HUEY_IMMEDIATE") == "1":
        return MemoryHuey(QUEUE_NAME, immediate=True)
    redis_url = os.environ.get("REVIEW_HUEY_REDIS_URL")
    if redis_url:
        return RedisHuey(QUEUE_NAME, url=redis_url)
    data_dir = Path(os.environ.get("REVIEW_DATA_DIR", "var"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(QUEUE_NAME, filename=str(data_dir / "huey.sqlite3"))


huey: Huey = _make_huey()


@dataclass(frozen=True)
class ProcessingStatus:
    """Where the processing of one material stands, as the UI shows it."""

    material_id: int
    state: str  # "queued" | "running" | "done" | "failed"
    done: int = 0
    total: int = 0
    stage: str = ""
    message_zh: str = ""
    message_en: str = ""
    updated: float = 0.0

    @property
    def fraction(self) -> float:
        if self.state == "done":
            return 1.0
        return (self.done / self.total) if self.total else 0.0


def _key(material_id: int) -> str:
    return f"progress:material:{material_id}"


def _put(status: ProcessingStatus) -> None:
    huey.put(_key(status.material_id), asdict(status))


def processing_status(material_id: int) -> ProcessingStatus | None:
    """The last reported status, or None when nothing was queued for this material (or it expired)."""
    raw = huey.get(_key(material_id), peek=True)
    if not raw:
        return None
    return ProcessingStatus(**raw)


def clear_status(material_id: int) -> None:
    huey.get(_key(material_id), peek=False)


# The worker builds its own ServiceContext from the environment; an in-process caller (immediate mode,
# tests) registers the one it already has so the task sees the same database.
_context_lock = threading.Lock()
_context: Any = None


def use_context(ctx: Any) -> None:
    global _context
    with _context_lock:
        _context = ctx


def _get_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            from workflows.context import build_context

            _context = build_context()
        return _context


@huey.task(retries=0)
def process_material_task(material_id: int, actor_id: int) -> str:
    from workflows.errors import DomainError
    from workflows.services.materials import process_material

    ctx = _get_context()
    _put(ProcessingStatus(material_id, "running", updated=time.time()))

    def progress(done: int, total: int, stage: str = "") -> None:
        _put(ProcessingStatus(material_id, "running", done, total, stage, updated=time.time()))

    try:
        process_material(ctx, actor_id=actor_id, material_id=material_id, progress=progress)
    except DomainError as exc:
        _put(ProcessingStatus(material_id, "failed", message_zh=exc.message,
                              message_en=getattr(exc, "message_en", "") or exc.message, updated=time.time()))
        return "failed"
    except Exception:
        log.exception("processing material %s failed", material_id)
        _put(ProcessingStatus(material_id, "failed",
                              message_zh="材料处理时发生意外错误，已记录日志，请重新上传或联系管理员。",
                              message_en="Processing failed unexpectedly; it has been logged. Upload again or contact the administrator.",
                              updated=time.time()))
        raise
    _put(ProcessingStatus(material_id, "done", 1, 1, updated=time.time()))
    return "done"


@huey.periodic_task(crontab(hour="1", minute="5"), retries=0)
def finalize_expired_daily() -> list[int]:
    """decided → final once the appeal window closed unused (the scheduler is the actor)."""
    from workflows.services.decisions import finalize_expired

    done = finalize_expired(_get_context(), actor_id=None)
    if done:
        log.info("finalized %d decisions whose appeal window closed: %s", len(done), done)
    return done


def enqueue_processing(ctx: Any, *, actor_id: int, material_id: int) -> ProcessingStatus:
    """Queue the extraction and screening of one stored material; returns at once unless immediate."""
    if huey.immediate:
        use_context(ctx)
    _put(ProcessingStatus(material_id, "queued", updated=time.time()))
    process_material_task(material_id, actor_id)
    return processing_status(material_id) or ProcessingStatus(material_id, "queued")

"""Uploaded bytes: checked by ingest.sniff, stored by content hash, then the rows written in one
transaction. Nothing is deleted when the transaction fails: the store is content-addressed, so an
identical upload running at the same time may already rely on the very same file between storing it and
writing its row. An unreferenced file is harmless (a maintenance sweep may remove old orphans)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from workflows.context import ServiceContext
from workflows.errors import ValidationFailed
from workflows.services._base import write

log = logging.getLogger(__name__)
T = TypeVar("T")


def sniff_upload(data: bytes, filename: str, *, name_in_message: bool = False) -> str:
    """The file kind decided from the bytes, or ValidationFailed with ingest's Chinese message."""
    from ingest import IngestError, sniff

    try:
        return sniff(data, filename)
    except IngestError as exc:
        prefix_zh, prefix_en = (f"附件「{filename}」：", f"Attachment '{filename}': ") if name_in_message else ("", "")
        raise ValidationFailed(prefix_zh + exc.message_zh, prefix_en + exc.message_en) from exc


def store_then_write(ctx: ServiceContext, blobs: list[bytes], write_rows: Callable[[Session, list[str]], T]) -> T:
    """Stores `blobs` (idempotent, by hash), then calls `write_rows(session, hashes)` in one write
    transaction and returns its result. On failure the stored files stay (see the module note)."""
    hashes = [ctx.files.put(b) for b in blobs]
    try:
        with write(ctx) as s:
            return write_rows(s, hashes)
    except BaseException:
        log.info("upload not recorded; %d stored file(s) left for the orphan sweep", len(hashes))
        raise

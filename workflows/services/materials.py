"""Materials: fast upload (sniff + store by hash + row "pending"), background processing (extraction
into pages and facts, all or nothing), removal, and reading the bytes and pages back."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, is_dataclass
from typing import Any, Callable

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.errors import InvalidTransition, NotFound, ValidationFailed
from workflows.models import Material, MaterialPage, Screening, Submission
from workflows.services import convert
from workflows.services._base import (EDITABLE, check_own_editable, get_actor, get_submission_row, lock_own_editable,
                                      lock_submission, read, record, require_view, write)
from workflows.services._uploads import sniff_upload, store_then_write
from workflows.views import MaterialView, PageView
from workflows.vocab import MATERIAL_KINDS, ORIGINS

log = logging.getLogger(__name__)


def _clean_isbn(isbn: str | None) -> str | None:
    if not isbn:
        return None
    raw = re.sub(r"[\s\-]", "", isbn.upper().removeprefix("ISBN"))
    if not re.fullmatch(r"\d{9}[\dX]|\d{13}", raw):
        raise ValidationFailed(f"ISBN「{isbn}」格式不正确（应为 10 位或 13 位）。", f"ISBN '{isbn}' is not valid.")
    return raw


def add_material(ctx: ServiceContext, *, actor_id: int, submission_id: int, filename: str, data: bytes,
                 kind: str = "讲义", origin: str = "self_compiled", isbn: str | None = None) -> MaterialView:
    if kind not in MATERIAL_KINDS:
        raise ValidationFailed("材料类型应为：" + "、".join(MATERIAL_KINDS) + "。", "Unknown material kind.")
    if origin not in ORIGINS:
        raise ValidationFailed("材料来源应为正式出版、自编或引进。", "Unknown material origin.")
    clean_isbn = _clean_isbn(isbn)
    if origin == "published" and not clean_isbn:
        raise ValidationFailed("正式出版的材料请填写 ISBN。", "A published material needs its ISBN.")
    # Rights and state first (cheap), then the byte check, then store the file, then the row.
    with read(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        check_own_editable(user, get_submission_row(s, submission_id), "上传材料", "add materials")
    file_type = sniff_upload(data, filename)

    def rows(s, hashes: list[str]) -> MaterialView:  # type: ignore[no-untyped-def]
        user = get_actor(s, actor_id, "institution")
        sub = lock_own_editable(s, user, submission_id, "上传材料", "add materials")
        m = Material(submission_id=sub.id, uploaded_by=user.id, filename=filename[:300], kind=kind, origin=origin,
                     isbn=clean_isbn, content_hash=hashes[0], size=len(data), file_type=file_type,
                     status="pending", round_added=sub.round, created_at=ctx.now(), warnings=[])
        s.add(m)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="add_material", object_type="material", object_id=m.id,
               submission_id=sub.id, after={"filename": m.filename, "sha256": hashes[0], "size": m.size,
                                            "kind": kind, "origin": origin, "isbn": clean_isbn})
        return convert.material_view(s, m)

    return store_then_write(ctx, [data], rows)


def _facts_dict(doc: Any) -> dict[str, Any]:
    facts = doc.facts
    return asdict(facts) if is_dataclass(facts) else dict(facts)


def _processable(s, actor_id: int | None, material_id: int, *, lock: bool) -> None:  # type: ignore[no-untyped-def]
    """Only the owner institution (or the worker, actor_id None) extracts a pending/failed, live material
    of a draft or revision: a submitted case's pages are what the reviewers judged and stay as they are."""
    user = get_actor(s, actor_id, "institution") if actor_id is not None else None
    m = s.get(Material, material_id)
    if m is None or m.removed:
        raise NotFound("找不到该材料。", "Material not found.")
    sub = lock_submission(s, m.submission_id) if lock else get_submission_row(s, m.submission_id)
    if user is not None:
        check_own_editable(user, sub, "处理材料", "process materials")
    elif sub.state not in EDITABLE:
        raise InvalidTransition("只有草稿或修改中的申报可以处理材料。", "Only drafts and revisions allow this: process materials.")
    if m.status not in ("pending", "failed"):
        raise InvalidTransition("该材料已处理完毕，无需再次处理。", "This material has already been processed.")


def process_material(ctx: ServiceContext, *, actor_id: int | None, material_id: int,
                     progress: Callable[..., None] | None = None) -> MaterialView:
    """Extracts the pages and facts (slow; run by the worker). Pages, facts and status "ready" are written
    in one transaction, or status "failed" with the message; never half-written."""
    from ingest import IngestError, extract_document

    with read(ctx) as s:
        _processable(s, actor_id, material_id, lock=False)
        m = s.get(Material, material_id)
        filename, content_hash = m.filename, m.content_hash
    error: str | None = None
    doc = None
    try:
        data = ctx.files.get(content_hash)
        doc = extract_document(data, filename, progress=progress)
    except IngestError as exc:
        error = exc.message_zh
    except Exception as exc:  # kept on the row so the institution sees why; the log has the trace
        log.exception("extraction of material %s failed", material_id)
        error = f"材料处理失败（{type(exc).__name__}），请重新上传或联系管理员。"
    with write(ctx) as s:
        # Checked again under the submission lock: it may have been submitted or removed meanwhile.
        _processable(s, actor_id, material_id, lock=True)
        m = s.execute(select(Material).where(Material.id == material_id).with_for_update()).scalar_one()
        before = {"status": m.status}
        m.pages.clear()
        s.flush()
        if doc is not None:
            for p in doc.pages:
                m.pages.append(MaterialPage(number=p.number, text=p.text, display_text=p.display_text, method=p.method))
            m.facts = _facts_dict(doc)
            m.warnings = list(doc.warnings)
            m.status, m.error = "ready", None
        else:
            m.status, m.error, m.facts = "failed", error, None
        record(s, ctx, actor_id=actor_id, action="process_material", object_type="material", object_id=m.id,
               submission_id=m.submission_id, before=before,
               after={"status": m.status, "pages": len(doc.pages) if doc else 0, "error": m.error})
        return convert.material_view(s, m)


def remove_material(ctx: ServiceContext, *, actor_id: int, material_id: int) -> None:
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        m = s.get(Material, material_id)
        if m is None or m.removed:
            raise NotFound("找不到该材料。", "Material not found.")
        sub = lock_own_editable(s, user, m.submission_id, "删除材料", "remove materials")
        m.removed = True  # the row and file stay: earlier rounds and the audit trail refer to them
        record(s, ctx, actor_id=actor_id, action="remove_material", object_type="material", object_id=m.id,
               submission_id=sub.id, before={"removed": False}, after={"removed": True})


def _visible_material(s, actor_id: int, material_id: int) -> Material:  # type: ignore[no-untyped-def]
    user = get_actor(s, actor_id)
    m = s.get(Material, material_id)
    if m is None:
        raise NotFound("找不到该材料。", "Material not found.")
    require_view(s, user, s.get(Submission, m.submission_id))
    return m


def material_bytes(ctx: ServiceContext, *, actor_id: int, material_id: int) -> bytes:
    with read(ctx) as s:
        m = _visible_material(s, actor_id, material_id)
        h = m.content_hash
    return ctx.files.get(h)


def material_pages(ctx: ServiceContext, *, actor_id: int, material_id: int) -> list[PageView]:
    with read(ctx) as s:
        m = _visible_material(s, actor_id, material_id)
        return [PageView(p.number, p.text, p.display_text, p.method) for p in m.pages]


def get_material(ctx: ServiceContext, *, actor_id: int, material_id: int) -> MaterialView:
    with read(ctx) as s:
        m = _visible_material(s, actor_id, material_id)
        q = select(Screening).where(Screening.submission_id == m.submission_id)
        if get_actor(s, actor_id).role != "institution":
            q = q.where(Screening.purpose == "submit")  # self-checks are the institution's own drafts
        sc = s.execute(q.order_by(Screening.id.desc())).scalars().first()
        return convert.material_view(s, m, sc)

"""Settings and the holiday table, for every service and the admin pages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.errors import ValidationFailed
from workflows.models import Holiday, Setting
from workflows.services._base import get_actor, load_settings, read, record, work_calendar, write
from workflows.settings import SPECS, Settings, coerce
from workflows.views import HolidayView, SettingView
from workflows.workdays import parse_holiday_file


def get_settings(ctx: ServiceContext) -> Settings:
    """The current settings (any caller, no login needed: the login page reads the session timeout)."""
    with read(ctx) as s:
        return load_settings(s)


def list_settings(ctx: ServiceContext, *, actor_id: int) -> list[SettingView]:
    with read(ctx) as s:
        get_actor(s, actor_id, "admin", "chair")
        stored = {row.key: row.value for row in s.execute(select(Setting)).scalars()}
        return [SettingView(sp.key, stored.get(sp.key, sp.default), sp.default, sp.label_zh, sp.source,
                            sp.key not in stored) for sp in SPECS]


def update_setting(ctx: ServiceContext, *, actor_id: int, key: str, value: object) -> SettingView:
    with write(ctx) as s:
        get_actor(s, actor_id, "admin")
        try:
            v = coerce(key, value)
        except ValueError as exc:
            raise ValidationFailed(str(exc), f"Invalid value for setting {key}.") from exc
        current = load_settings(s)
        merged = {**{k: getattr(current, k) for k in ("quorum", "panel_size")}, key: v}
        if merged["quorum"] > merged["panel_size"]:
            raise ValidationFailed(f"法定人数（{merged['quorum']}）不能大于每份申报的专家人数（{merged['panel_size']}）。",
                                   f"The quorum ({merged['quorum']}) may not exceed the panel size ({merged['panel_size']}).")
        row = s.get(Setting, key)
        before = {"value": row.value} if row else None
        if row is None:
            row = Setting(key=key, value=v, updated_by=actor_id, updated_at=ctx.now())
            s.add(row)
        else:
            row.value, row.updated_by, row.updated_at = v, actor_id, ctx.now()
        record(s, ctx, actor_id=actor_id, action="update_setting", object_type="setting", object_id=None,
               before=before, after={"key": key, "value": v})
    return next(sv for sv in list_settings(ctx, actor_id=actor_id) if sv.key == key)


def list_holidays(ctx: ServiceContext, *, actor_id: int, year: int | None = None) -> list[HolidayView]:
    with read(ctx) as s:
        get_actor(s, actor_id)
        q = select(Holiday).order_by(Holiday.day)
        if year is not None:
            q = q.where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
        return [HolidayView(h.day, h.is_workday, h.name, h.source) for h in s.execute(q).scalars()]


def import_holidays(ctx: ServiceContext, *, actor_id: int | None, text: str, source: str = "") -> int:
    """Adds or replaces days from a file of lines `YYYY-MM-DD,holiday|workday[,name]`; returns the count.
    actor_id None = the command line (system)."""
    try:
        rows = parse_holiday_file(text)
    except ValueError as exc:
        raise ValidationFailed(str(exc), "Bad holiday file.") from exc
    if not rows:
        raise ValidationFailed("文件中没有日期。", "The file has no dates.")
    with write(ctx) as s:
        if actor_id is not None:
            get_actor(s, actor_id, "admin")
        for day, is_workday, name in rows:
            h = s.get(Holiday, day)
            if h is None:
                s.add(Holiday(day=day, is_workday=is_workday, name=name, source=source))
            else:
                h.is_workday, h.name, h.source = is_workday, name, source
        years = sorted({d.year for d, _, _ in rows})
        record(s, ctx, actor_id=actor_id, action="import_holidays", object_type="holiday", object_id=None,
               after={"days": len(rows), "years": years, "source": source})
    return len(rows)


def calendar_warning(ctx: ServiceContext, *, year: int) -> str | None:
    """A visible warning when deadlines in `year` fall back to Monday–Friday."""
    with read(ctx) as s:
        cal = work_calendar(s)
    cal.is_workday(date(year, 6, 1))
    return cal.warning()

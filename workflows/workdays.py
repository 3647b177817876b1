"""Working days in China: the holiday table first (admin-maintained, covers any year), then
chinese_calendar (statutory holidays and 调休 working weekends up to 2026), else Monday–Friday with a
warning that the year is unknown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar


@dataclass
class WorkCalendar:
    overrides: dict[date, bool] = field(default_factory=dict)  # day -> is_workday (from the holiday table)
    unknown_years: set[int] = field(default_factory=set)  # filled as days of uncovered years are asked

    def is_workday(self, d: date) -> bool:
        if d in self.overrides:
            return self.overrides[d]
        if d.year in self._table_years():
            return d.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(d))
        except NotImplementedError:
            self.unknown_years.add(d.year)
            return d.weekday() < 5

    def is_rest_day(self, d: date) -> bool:
        return not self.is_workday(d)

    def _table_years(self) -> set[int]:
        if not hasattr(self, "_years"):
            self._years = {d.year for d in self.overrides}
        return self._years

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted)."""
        d = start
        remaining = n
        while remaining > 0:
            d += timedelta(days=1)
            if self.is_workday(d):
                remaining -= 1
        return d

    def working_days_between(self, today: date, due: date) -> int:
        """Working days left from today until due (due counted, today not); negative when overdue."""
        if due >= today:
            return sum(1 for i in range(1, (due - today).days + 1) if self.is_workday(today + timedelta(days=i)))
        return -sum(1 for i in range(0, (today - due).days) if self.is_workday(due + timedelta(days=i + 1)))

    def warning(self) -> str | None:
        if not self.unknown_years:
            return None
        years = "、".join(str(y) for y in sorted(self.unknown_years))
        return (f"{years} 年的法定节假日和调休安排尚未导入，期限暂按周一至周五计算；"
                "请管理员用 `python -m workflows holidays import` 导入。")


def parse_holiday_file(text: str) -> list[tuple[date, bool, str]]:
    """Lines `YYYY-MM-DD,holiday|workday[,name]` (# comments and blank lines ignored).
    Raises ValueError naming the bad line."""
    rows: list[tuple[date, bool, str]] = []
    for no, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.replace("\t", ",").split(",")]
        try:
            day = date.fromisoformat(parts[0])
            kind = parts[1].lower() if len(parts) > 1 else "holiday"
        except ValueError as exc:
            raise ValueError(f"第 {no} 行日期无效：{line}") from exc
        if kind in ("holiday", "休", "假"):
            is_workday = False
        elif kind in ("workday", "班", "调休"):
            is_workday = True
        else:
            raise ValueError(f"第 {no} 行类型应为 holiday 或 workday：{line}")
        rows.append((day, is_workday, parts[2] if len(parts) > 2 else ""))
    return rows

"""Display formatting: Chinese dates, working days left, labels of states and outcomes.

Only presentation lives here; the numbers themselves (e.g. working days left) come from the services.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ui.context import UIContext

BEIJING = timezone(timedelta(hours=8))

_WEEKDAYS_ZH = "一二三四五六日"


def fmt_date(ui: UIContext, value: date | datetime | None) -> str:
    if value is None:
        return "—"
    d = to_beijing(value).date() if isinstance(value, datetime) else value
    if ui.lang == "en":
        return d.isoformat()
    return f"{d.year}年{d.month}月{d.day}日"


def to_beijing(value: datetime) -> datetime:
    """Stored datetimes are naive UTC (the services' convention); users read Beijing time (UTC+8)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(BEIJING)


def beijing_today(ui: UIContext) -> date:
    """Today's Beijing date from the service clock (deadlines and periods are Beijing calendar days)."""
    today = getattr(ui.services, "today", None)
    if callable(today):
        return today()
    clock = getattr(ui.services, "clock", None)
    now = clock() if callable(clock) else datetime.now(timezone.utc)
    return to_beijing(now).date()


def fmt_datetime(ui: UIContext, value: datetime | None) -> str:
    if value is None:
        return "—"
    value = to_beijing(value)
    if ui.lang == "en":
        return value.strftime("%Y-%m-%d %H:%M")
    return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"


def fmt_weekday_date(ui: UIContext, value: date | None) -> str:
    if value is None:
        return "—"
    if ui.lang == "en":
        return value.strftime("%Y-%m-%d (%a)")
    return f"{fmt_date(ui, value)}（星期{_WEEKDAYS_ZH[value.weekday()]}）"


def fmt_working_days(ui: UIContext, days: int | None) -> str:
    """Working days left as the services computed them; negative means overdue."""
    if days is None:
        return "—"
    if days < 0:
        return ui.t(f"已逾期 {-days} 个工作日", f"overdue by {-days} working day(s)")
    if days == 0:
        return ui.t("今天到期", "due today")
    return ui.t(f"剩余 {days} 个工作日", f"{days} working day(s) left")


def fmt_days_left(ui: UIContext, days: int | None) -> str:
    """Calendar days left (used for the appeal window)."""
    if days is None:
        return "—"
    if days < 0:
        return ui.t("已截止", "closed")
    if days == 0:
        return ui.t("今天截止", "closes today")
    return ui.t(f"还剩 {days} 天", f"{days} day(s) left")


def fmt_percent(p: float | None) -> str:
    return "—" if p is None else f"{p * 100:.1f}%"


def fmt_size(n: int | None) -> str:
    if n is None:
        return "—"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n}"

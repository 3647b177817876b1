"""Settings: every one has a default and a recorded source. Values live in the `setting` table and
override the defaults; `Settings` is the frozen snapshot services read."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Callable


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    kind: type
    label_zh: str
    source: str
    check: Callable[[Any], str | None] = lambda v: None  # returns a Chinese problem or None


def _positive(v: Any) -> str | None:
    return None if v > 0 else "必须为正数。"


def _odd_positive(v: Any) -> str | None:
    return None if v > 0 and v % 2 == 1 else "必须为正奇数。"


def _breaks(v: Any) -> str | None:
    try:
        for a, b in v:
            if str(a) > str(b):
                return "寒暑假的开始日期不能晚于结束日期。"
    except (TypeError, ValueError):
        return "格式应为 [[开始日期, 结束日期], …]。"
    return None


SPECS: list[SettingSpec] = [
    SettingSpec("panel_size", 3, int, "每份申报分配的审查专家人数（奇数）",
                "issue default; Inner Mongolia convenes ≥3 experts per case [V-2] (domain.md §1)", _odd_positive),
    SettingSpec("quorum", 2, int, "作出决定所需的最少专家意见数",
                "our choice: a majority of the default panel of 3", _positive),
    SettingSpec("review_deadline_working_days", 20, int, "专家审查期限（工作日）",
                "our choice; no national review deadline found (domain.md §5 [U])", _positive),
    SettingSpec("appeal_window_days", 15, int, "申诉期限（自决定之日起的自然日）",
                "issue default, our choice; no national appeal procedure found (domain.md §5 [U])", _positive),
    SettingSpec("arbitration_panel_size", 3, int, "仲裁小组人数（奇数）",
                "issue default, our choice; no panel size found (domain.md §5 [U])", _odd_positive),
    SettingSpec("arbitration_deadline_working_days", 20, int, "仲裁期限（工作日）",
                "our choice; no deadline found (domain.md §5 [U])", _positive),
    SettingSpec("login_max_failures", 5, int, "连续登录失败多少次后锁定账户", "our choice", _positive),
    SettingSpec("login_lockout_minutes", 15, int, "账户锁定时长（分钟）", "our choice", _positive),
    SettingSpec("session_timeout_minutes", 30, int, "无操作自动退出（分钟）", "our choice", _positive),
    SettingSpec("expert_term_years", 3, int, "专家委员任期（年），新增委员时的默认值",
                "Hebei expert pool, 3-year term [V-2] (domain.md §1)", _positive),
    SettingSpec("school_breaks", [], list, "寒暑假日期 [[开始, 结束], …]（供初筛检查寒暑假开课）",
                "our choice: break dates differ by province and year; no national list (domain.md §4)", _breaks),
]
SPEC_BY_KEY = {s.key: s for s in SPECS}


@dataclass(frozen=True)
class Settings:
    panel_size: int
    quorum: int
    review_deadline_working_days: int
    appeal_window_days: int
    arbitration_panel_size: int
    arbitration_deadline_working_days: int
    login_max_failures: int
    login_lockout_minutes: int
    session_timeout_minutes: int
    expert_term_years: int
    school_breaks: list

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> "Settings":
        merged = {s.key: values.get(s.key, s.default) for s in SPECS}
        return cls(**merged)


assert {f.name for f in fields(Settings)} == set(SPEC_BY_KEY), "Settings and SPECS must list the same keys"


def coerce(key: str, value: Any) -> Any:
    """The value converted to the setting's type, or ValueError with a Chinese message."""
    spec = SPEC_BY_KEY.get(key)
    if spec is None:
        raise ValueError(f"未知的设置项：{key}")
    try:
        v = spec.kind(value) if spec.kind is not list else [list(map(str, pair)) for pair in value]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"设置项 {spec.label_zh} 的值无效。") from exc
    problem = spec.check(v)
    if problem:
        raise ValueError(f"{spec.label_zh}：{problem}")
    return v

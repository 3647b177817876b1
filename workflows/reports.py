"""Report figures in the seeds' own terms, for a chosen period, and their .xlsx export.

The seeds report inspections like “审核我市10所培训机构培训教材93册，其中正式出版物87册，数学自编6册”:
institutions checked, materials reviewed, published versus self-compiled, materials with problems and
which problems, overseas materials found. `build_report(rows, start, end)` computes those figures from
plain per-material rows the services give; `report_xlsx(report)` writes them with openpyxl.
Pure: no database, no Streamlit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

ORIGIN_ZH = {"published": "正式出版物", "self_compiled": "自编", "imported": "引进", None: "未标明"}


@dataclass(frozen=True)
class ReviewedMaterial:
    """One material whose review finished (its submission was decided) on `reviewed_on`."""

    material_id: int
    title: str
    submission_id: int
    institution_id: int
    institution_name: str
    reviewed_on: date
    origin: str | None = None          # "published" | "self_compiled" | "imported" | None
    subject: str | None = None         # e.g. "数学"; None for 非学科类 or unknown
    district: str | None = None
    problems: tuple[str, ...] = ()     # problem names in Chinese (finding kinds or reason labels)
    overseas: bool = False


@dataclass(frozen=True)
class ProblemMaterial:
    title: str
    institution_name: str
    submission_id: int
    origin: str | None
    problems: tuple[str, ...]
    overseas: bool


@dataclass(frozen=True)
class PeriodReport:
    start: date
    end: date
    institutions_checked: int
    submissions: int
    materials_reviewed: int
    published: int
    self_compiled: int
    imported: int
    origin_unknown: int
    self_compiled_by_subject: dict[str, int]
    materials_with_problems: int
    problem_counts: dict[str, int]            # problem -> number of materials showing it
    problem_materials: list[ProblemMaterial]
    overseas: int
    overseas_materials: list[ProblemMaterial]
    by_district: dict[str, int] = field(default_factory=dict)

    def summary_zh(self) -> str:
        """One sentence in the seeds' phrasing."""
        s = (f"{_fmt_period(self.start, self.end)}，共审核{self.institutions_checked}所培训机构培训材料"
             f"{self.materials_reviewed}册，其中正式出版物{self.published}册")
        if self.self_compiled:
            by = "、".join(f"{k}{v}册" for k, v in self.self_compiled_by_subject.items())
            s += f"，自编{self.self_compiled}册" + (f"（{by}）" if by else "")
        if self.imported:
            s += f"，引进{self.imported}册"
        if self.origin_unknown:
            s += f"，来源未标明{self.origin_unknown}册"
        s += f"；发现存在问题的材料{self.materials_with_problems}册"
        if self.problem_counts:
            s += "（" + "、".join(f"{k}{v}册" for k, v in self.problem_counts.items()) + "）"
        s += f"，境外教材{self.overseas}册。"
        return s

    def summary_en(self) -> str:
        return (f"{self.start.isoformat()} to {self.end.isoformat()}: {self.materials_reviewed} materials from "
                f"{self.institutions_checked} institutions reviewed; {self.published} published, "
                f"{self.self_compiled} self-compiled, {self.imported} imported; {self.materials_with_problems} "
                f"with problems; {self.overseas} overseas.")


def _fmt_period(start: date, end: date) -> str:
    return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"


def _as_problem(m: ReviewedMaterial) -> ProblemMaterial:
    return ProblemMaterial(m.title, m.institution_name, m.submission_id, m.origin, m.problems, m.overseas)


def build_report(rows: Iterable[ReviewedMaterial], start: date, end: date) -> PeriodReport:
    """Figures for materials reviewed between start and end, both inclusive."""
    if end < start:
        raise ValueError("the period ends before it starts")
    # A material reviewed twice in the period (revised and resubmitted) counts once, at its last review.
    latest: dict[int, ReviewedMaterial] = {}
    for m in rows:
        if start <= m.reviewed_on <= end:
            kept = latest.get(m.material_id)
            if kept is None or m.reviewed_on >= kept.reviewed_on:
                latest[m.material_id] = m
    items = sorted(latest.values(), key=lambda m: (m.institution_name, m.submission_id, m.title))
    origins = Counter(m.origin for m in items)
    self_by_subject = Counter(m.subject or "未标明学科" for m in items if m.origin == "self_compiled")
    problems = [m for m in items if m.problems]
    problem_counts = Counter(p for m in problems for p in dict.fromkeys(m.problems))
    overseas = [m for m in items if m.overseas]
    return PeriodReport(
        start=start, end=end,
        institutions_checked=len({m.institution_id for m in items}),
        submissions=len({m.submission_id for m in items}),
        materials_reviewed=len(items),
        published=origins.get("published", 0),
        self_compiled=origins.get("self_compiled", 0),
        imported=origins.get("imported", 0),
        origin_unknown=sum(v for k, v in origins.items() if k not in ("published", "self_compiled", "imported")),
        self_compiled_by_subject=dict(self_by_subject.most_common()),
        materials_with_problems=len(problems),
        problem_counts=dict(problem_counts.most_common()),
        problem_materials=[_as_problem(m) for m in problems],
        overseas=len(overseas),
        overseas_materials=[_as_problem(m) for m in overseas],
        by_district=dict(Counter(m.district or "未标明" for m in items).most_common()),
    )


def _sheet(wb, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]):
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    for i, h in enumerate(header, 1):
        width = max([len(str(h))] + [len(str(c.value or "")) for c in ws[ws.cell(1, i).column_letter]])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, 4 + width * 1.6)
    ws.freeze_panes = "A2"
    return ws


def report_xlsx(report: PeriodReport) -> bytes:
    """The report as a workbook: 汇总 (figures), 问题材料, 境外材料, 问题分类, 区县."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    summary = [
        ("统计期间", _fmt_period(report.start, report.end)),
        ("检查机构数（所）", report.institutions_checked),
        ("涉及申报数（件）", report.submissions),
        ("审核材料数（册）", report.materials_reviewed),
        ("其中：正式出版物（册）", report.published),
        ("其中：自编（册）", report.self_compiled),
        ("其中：引进（册）", report.imported),
        ("其中：来源未标明（册）", report.origin_unknown),
        ("存在问题的材料（册）", report.materials_with_problems),
        ("境外教材（册）", report.overseas),
    ] + [(f"自编：{k}（册）", v) for k, v in report.self_compiled_by_subject.items()]
    ws = _sheet(wb, "汇总", ["项目", "数值"], summary)
    ws.append([])
    ws.append(["说明", report.summary_zh()])
    problem_header = ["材料名称", "机构", "申报编号", "来源", "问题", "境外"]
    _sheet(wb, "问题材料", problem_header,
           [(p.title, p.institution_name, p.submission_id, ORIGIN_ZH.get(p.origin, p.origin), "；".join(p.problems),
             "是" if p.overseas else "否") for p in report.problem_materials])
    _sheet(wb, "境外材料", problem_header,
           [(p.title, p.institution_name, p.submission_id, ORIGIN_ZH.get(p.origin, p.origin), "；".join(p.problems),
             "是") for p in report.overseas_materials])
    _sheet(wb, "问题分类", ["问题", "材料数（册）"], report.problem_counts.items())
    _sheet(wb, "区县", ["区县", "材料数（册）"], report.by_district.items())
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Problems a report counts: what the experts confirmed (verdict reason codes), never bare screening cues.
OVERSEAS_CODES = frozenset({"overseas_curriculum"})


def _reason_zh(code: str) -> str:
    from workflows.reason_codes import REASON_CODES

    rc = REASON_CODES.get(code)
    return rc.zh if rc else code


def _foreign_isbn(facts: dict | None) -> bool:
    return any(bool(i.get("foreign")) for i in ((facts or {}).get("isbns") or []) if isinstance(i, dict))


def materials_from_submission(detail) -> list[ReviewedMaterial]:  # noqa: ANN001 - a SubmissionDetail view
    """Report rows from one submission's detail view (as `submissions.get_submission` returns it).

    Each decided round yields one row per material, dated by its decision. A material's problems are the
    reason codes of that round's verdicts whose evidence names the material's file; codes cited without
    file evidence apply to every material when the decision was not a plain approval. Overseas means an
    expert cited `overseas_curriculum` for it, or the material carries a foreign ISBN.
    """
    rows: list[ReviewedMaterial] = []
    materials = list(getattr(detail, "materials", []) or [])
    for decision in getattr(detail, "decisions", []) or []:
        verdicts = [v for v in getattr(detail, "verdicts", []) or [] if v.round == decision.round]
        general: set[str] = set()
        by_file: dict[str, set[str]] = {}
        for v in verdicts:
            files = {e.get("filename") for e in (v.evidence or []) if isinstance(e, dict) and e.get("filename")}
            for code in v.reason_codes or []:
                if files:
                    for f in files:
                        by_file.setdefault(f, set()).add(code)
                else:
                    general.add(code)
        if decision.outcome == "approved":
            general = set()
        for m in materials:
            codes = sorted(by_file.get(m.filename, set()) | general)
            rows.append(ReviewedMaterial(
                material_id=m.id, title=m.filename, submission_id=detail.id, institution_id=detail.institution_id,
                institution_name=detail.institution_name, reviewed_on=decision.decided_at.date(), origin=m.origin,
                subject=getattr(detail, "declared_subject", None) or None, district=getattr(detail, "district", None),
                problems=tuple(_reason_zh(c) for c in codes),
                overseas=bool(OVERSEAS_CODES & set(codes)) or _foreign_isbn(getattr(m, "facts", None))))
    return rows

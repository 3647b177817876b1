"""Decision letters (审查决定书) and final ruling letters (仲裁决定书) as PDF, Chinese font embedded.

Pure: `decision_letter_pdf(data)` / `ruling_letter_pdf(data)` turn plain data (given by the services)
into PDF bytes. reportlab embeds only TrueType-outline fonts, so a TrueType CJK font is searched for
(Debian fonts-wqy-zenhei / fonts-wqy-microhei / fonts-arphic-uming, see scripts/system_packages.sh);
when none is found the letter still renders with reportlab's STSong-Light CID font, which is NOT
embedded (readers need their own CJK font), and a warning is logged.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

log = logging.getLogger(__name__)

# (path, sub-font index inside a .ttc); the first that loads wins. LETTER_FONT overrides.
TRUETYPE_CJK_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)
FALLBACK_CID_FONT = "STSong-Light"

OUTCOME_ZH = {
    "approved": "通过",
    "approved_with_changes": "修改后通过",
    "rejected": "不通过",
    "reclassified": "重新认定类别",
}
RULING_ZH = {
    "upheld": "维持原审查决定",
    "overturned": "撤销原审查决定",
    "referred_upward": "提请上级教育行政部门认定",
}
CATEGORY_ZH = {"subject": "学科类", "non_subject": "非学科类", "uncertain": "待认定"}


@dataclass(frozen=True)
class LetterFont:
    name: str
    embedded: bool
    path: str | None


@dataclass(frozen=True)
class MaterialLine:
    """One material named in a letter, with the problems found in it (empty when none)."""

    title: str
    origin: str | None = None        # "published" | "self_compiled" | "imported"
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionLetterData:
    letter_no: str                   # e.g. 审查决字〔2026〕第12号
    committee_name: str
    institution_name: str
    submission_id: int
    class_name: str
    declared_category: str | None
    decided_category: str | None
    outcome: str
    reasons: tuple[str, ...]         # the decision's reasons, one sentence each
    decided_on: date
    required_changes: str = ""
    materials: tuple[MaterialLine, ...] = ()
    chair_name: str = ""
    appeal_deadline: date | None = None
    appeal_body: str = "仲裁委员会"


@dataclass(frozen=True)
class RulingLetterData:
    letter_no: str
    arbitration_body: str
    institution_name: str
    submission_id: int
    class_name: str
    original_letter_no: str
    original_outcome: str
    appeal_reasons: str
    ruling: str                      # "upheld" | "overturned" | "referred_upward"
    reasoning: str
    ruled_on: date
    new_outcome: str | None = None   # when overturned
    arbitrators: tuple[str, ...] = field(default_factory=tuple)


def _font_candidates() -> list[tuple[str, int]]:
    override = os.environ.get("LETTER_FONT")
    return ([(override, 0)] if override else []) + list(TRUETYPE_CJK_CANDIDATES)


@lru_cache(maxsize=1)
def letter_font() -> LetterFont:
    """Register and return the font used for letters (TrueType CJK if any, else the CID fallback)."""
    from reportlab.pdfbase.ttfonts import TTFont

    for path, index in _font_candidates():
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont("LetterCJK", path, subfontIndex=index))
        except Exception as exc:  # a CFF-outline or broken file: try the next one
            log.info("letter font %s not usable: %s", path, exc)
            continue
        return LetterFont("LetterCJK", True, path)
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning("no TrueType CJK font found (install fonts-wqy-zenhei); letters use the non-embedded "
                "%s CID font and need a CJK font on the reader's machine", FALLBACK_CID_FONT)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return LetterFont(FALLBACK_CID_FONT, False, None)


def fmt_date_zh(d: date | None) -> str:
    return "—" if d is None else f"{d.year}年{d.month}月{d.day}日"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=12, leading=21, wordWrap="CJK", firstLineIndent=24)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=30, alignment=TA_CENTER, firstLineIndent=0),
        "no": ParagraphStyle("no", parent=base, alignment=TA_CENTER, firstLineIndent=0),
        "to": ParagraphStyle("to", parent=base, firstLineIndent=0),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=14, firstLineIndent=0),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_RIGHT, firstLineIndent=0),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _build(title: str, story_fn, meta_subject: str) -> bytes:
    font = letter_font()
    styles = _styles(font.name)
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=30 * mm,
                            bottomMargin=25 * mm, title=title, subject=meta_subject, author="校外培训材料审查平台")
    doc.build(story_fn(styles))
    return buf.getvalue()


def _materials_table(materials: tuple[MaterialLine, ...], styles) -> Table:
    origin_zh = {"published": "正式出版物", "self_compiled": "自编", "imported": "引进"}
    rows = [[_p("序号", styles["cell"]), _p("材料名称", styles["cell"]), _p("来源", styles["cell"]),
             _p("发现的问题", styles["cell"])]]
    for i, m in enumerate(materials, 1):
        rows.append([_p(str(i), styles["cell"]), _p(m.title, styles["cell"]),
                     _p(origin_zh.get(m.origin or "", m.origin or "—"), styles["cell"]),
                     _p("；".join(m.problems) if m.problems else "未发现问题", styles["cell"])])
    table = Table(rows, colWidths=[12 * mm, 55 * mm, 22 * mm, 67 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def decision_letter_pdf(data: DecisionLetterData) -> bytes:
    """The 审查决定书 for one decision."""
    if data.outcome not in OUTCOME_ZH:
        raise ValueError(f"unknown decision outcome: {data.outcome}")

    def story(s):
        out = [_p("校外培训课程及材料审查决定书", s["title"]), _p(data.letter_no, s["no"]), Spacer(1, 8 * mm),
               _p(f"{data.institution_name}：", s["to"])]
        declared = CATEGORY_ZH.get(data.declared_category or "", "未申报")
        out.append(_p(f"你单位申报的培训班“{data.class_name}”（申报编号 {data.submission_id}，申报类别：{declared}）"
                      f"及其培训材料，经{data.committee_name}审查，现决定如下：", s["body"]))
        decision = f"审查结论：{OUTCOME_ZH[data.outcome]}。"
        if data.decided_category:
            decision += f"认定类别：{CATEGORY_ZH.get(data.decided_category, data.decided_category)}。"
        out.append(_p(decision, s["body"]))
        if data.reasons:
            out.append(_p("理由：", s["body"]))
            out.extend(_p(f"{i}. {r}", s["body"]) for i, r in enumerate(data.reasons, 1))
        if data.required_changes.strip():
            out.append(_p(f"整改要求：{data.required_changes.strip()}", s["body"]))
        if data.materials:
            out += [Spacer(1, 3 * mm), _p("所审材料及发现的问题：", s["to"]), _materials_table(data.materials, s)]
        if data.appeal_deadline is not None:
            out.append(Spacer(1, 4 * mm))
            out.append(_p(f"如对本决定有异议，可于{fmt_date_zh(data.appeal_deadline)}前向{data.appeal_body}提出申诉，"
                          "每项决定限申诉一次。逾期未申诉的，本决定即为最终决定。", s["body"]))
        out += [Spacer(1, 12 * mm), _p(data.committee_name, s["sign"])]
        if data.chair_name:
            out.append(_p(f"主任：{data.chair_name}", s["sign"]))
        out.append(_p(fmt_date_zh(data.decided_on), s["sign"]))
        return out

    return _build("审查决定书", story, f"{data.letter_no} {data.class_name}")


def ruling_letter_pdf(data: RulingLetterData) -> bytes:
    """The final 仲裁决定书 on an appeal."""
    if data.ruling not in RULING_ZH:
        raise ValueError(f"unknown ruling: {data.ruling}")
    if data.ruling == "overturned" and data.new_outcome not in OUTCOME_ZH:
        raise ValueError("an overturning ruling needs the new outcome")

    def story(s):
        out = [_p("校外培训课程及材料审查申诉仲裁决定书", s["title"]), _p(data.letter_no, s["no"]), Spacer(1, 8 * mm),
               _p(f"{data.institution_name}：", s["to"]),
               _p(f"你单位对培训班“{data.class_name}”（申报编号 {data.submission_id}）审查决定（{data.original_letter_no}，"
                  f"结论：{OUTCOME_ZH.get(data.original_outcome, data.original_outcome)}）提出的申诉，"
                  f"{data.arbitration_body}已审理完毕。", s["body"]),
               _p(f"申诉理由：{data.appeal_reasons.strip() or '—'}", s["body"]),
               _p(f"仲裁意见：{data.reasoning.strip() or '—'}", s["body"])]
        ruling = f"仲裁结论：{RULING_ZH[data.ruling]}"
        if data.ruling == "overturned":
            ruling += f"，改为“{OUTCOME_ZH[data.new_outcome or '']}”"
        out.append(_p(ruling + "。", s["body"]))
        out.append(_p("本决定为最终决定。" if data.ruling != "referred_upward"
                      else "本案已提请上级教育行政部门认定，认定结果另行通知。", s["body"]))
        out += [Spacer(1, 12 * mm), _p(data.arbitration_body, s["sign"])]
        if data.arbitrators:
            out.append(_p("仲裁委员：" + "、".join(data.arbitrators), s["sign"]))
        out.append(_p(fmt_date_zh(data.ruled_on), s["sign"]))
        return out

    return _build("仲裁决定书", story, f"{data.letter_no} {data.class_name}")


def decision_letter_no(decision_id: int, decided_on: date) -> str:
    return f"审查决字〔{decided_on.year}〕第{decision_id}号"


def ruling_letter_no(appeal_id: int, ruled_on: date) -> str:
    return f"仲裁决字〔{ruled_on.year}〕第{appeal_id}号"


def decision_letter_from_views(detail, decision, *, committee_name: str) -> DecisionLetterData:  # noqa: ANN001
    """Letter data from a SubmissionDetail and one of its DecisionView (as the services return them)."""
    from workflows.reports import materials_from_submission

    decided_on = decision.decided_at.date()
    rows = [r for r in materials_from_submission(detail) if r.reviewed_on == decided_on]
    materials = tuple(MaterialLine(r.title, r.origin, r.problems) for r in rows)
    reasons = tuple(line.strip() for line in (decision.reason or "").splitlines() if line.strip())
    return DecisionLetterData(
        letter_no=decision_letter_no(decision.id, decided_on), committee_name=committee_name,
        institution_name=detail.institution_name, submission_id=detail.id, class_name=detail.class_name,
        declared_category=detail.declared_category, decided_category=decision.category, outcome=decision.outcome,
        reasons=reasons, decided_on=decided_on, required_changes=decision.conditions or "", materials=materials,
        chair_name=decision.chair_name,
        # An unconditional approval leaves nothing to appeal; every other outcome states the window.
        appeal_deadline=None if decision.outcome == "approved" else decision.appeal_deadline)


def ruling_letter_from_views(appeal, *, arbitration_body: str) -> RulingLetterData:  # noqa: ANN001 - AppealView
    """Letter data from an AppealView that carries its decision and ruling."""
    if appeal.ruling is None or appeal.decision is None:
        raise ValueError("the appeal has no ruling yet")
    ruled_on = appeal.ruling.ruled_at.date()
    return RulingLetterData(
        letter_no=ruling_letter_no(appeal.id, ruled_on), arbitration_body=arbitration_body,
        institution_name=appeal.institution_name, submission_id=appeal.submission_id, class_name=appeal.class_name,
        original_letter_no=decision_letter_no(appeal.decision.id, appeal.decision.decided_at.date()),
        original_outcome=appeal.decision.outcome, appeal_reasons=appeal.reasons, ruling=appeal.ruling.outcome,
        reasoning=appeal.ruling.reason, ruled_on=ruled_on, new_outcome=appeal.ruling.new_outcome,
        arbitrators=tuple(name for _, name in appeal.panel))


DEFAULT_REVIEW_BODY = "校外教育培训课程审查专家委员会"
DEFAULT_ARBITRATION_BODY = "校外教育培训课程审查仲裁委员会"


def decision_letter_file(detail, decision, *, committee_name: str | None = None) -> tuple[str, bytes]:  # noqa: ANN001
    """(file name, PDF bytes) of the 决定书 for one DecisionView of a SubmissionDetail."""
    data = decision_letter_from_views(detail, decision, committee_name=committee_name or DEFAULT_REVIEW_BODY)
    return f"决定书_{detail.id}_第{decision.round}轮.pdf", decision_letter_pdf(data)


def ruling_letter_file(appeal, *, arbitration_body: str | None = None) -> tuple[str, bytes]:  # noqa: ANN001
    """(file name, PDF bytes) of the final 仲裁决定书 for a ruled AppealView."""
    data = ruling_letter_from_views(appeal, arbitration_body=arbitration_body or DEFAULT_ARBITRATION_BODY)
    return f"仲裁决定书_{appeal.submission_id}_{appeal.id}.pdf", ruling_letter_pdf(data)

"""Report figures in the seeds' terms, and the .xlsx they export to."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from workflows.reports import ReviewedMaterial, build_report, report_xlsx

D = date(2026, 10, 15)


def _m(mid, inst, origin="published", *, on=D, problems=(), overseas=False, subject=None, district="鄞州区", sub=None):
    return ReviewedMaterial(material_id=mid, title=f"教材{mid}", submission_id=sub or inst * 100, institution_id=inst,
                            institution_name=f"机构{inst}", reviewed_on=on, origin=origin, subject=subject,
                            district=district, problems=tuple(problems), overseas=overseas)


def _yongan_like():
    # Shaped like the 永安 seed: 10 institutions, 93 books, 87 published, 6 self-compiled (数学).
    rows = []
    mid = 0
    for inst in range(1, 11):
        for _ in range(10 if inst <= 3 else 9):
            mid += 1
            rows.append(_m(mid, inst))
    for i in range(6):
        rows[i] = _m(rows[i].material_id, rows[i].institution_id, "self_compiled", subject="数学",
                     problems=("超标超前",) if i < 2 else ())
    rows[10] = _m(rows[10].material_id, rows[10].institution_id, problems=("境外教材", "宗教内容"), overseas=True)
    return rows


def test_figures_in_the_seeds_terms():
    r = build_report(_yongan_like(), date(2026, 10, 1), date(2026, 10, 31))
    assert (r.institutions_checked, r.materials_reviewed, r.published, r.self_compiled) == (10, 93, 87, 6)
    assert r.self_compiled_by_subject == {"数学": 6}
    assert r.materials_with_problems == 3
    assert r.problem_counts == {"超标超前": 2, "境外教材": 1, "宗教内容": 1}
    assert r.overseas == 1 and r.overseas_materials[0].title == "教材11"
    s = r.summary_zh()
    assert "共审核10所培训机构培训材料93册，其中正式出版物87册，自编6册（数学6册）" in s
    assert "境外教材1册" in s


def test_period_bounds_are_inclusive_and_outside_rows_ignored():
    rows = [_m(1, 1, on=date(2026, 10, 1)), _m(2, 2, on=date(2026, 10, 31)), _m(3, 3, on=date(2026, 11, 1)),
            _m(4, 4, on=date(2026, 9, 30), problems=("广告",))]
    r = build_report(rows, date(2026, 10, 1), date(2026, 10, 31))
    assert r.materials_reviewed == 2 and r.institutions_checked == 2 and r.materials_with_problems == 0


def test_a_material_reviewed_twice_counts_once_at_its_last_review():
    rows = [_m(1, 1, problems=("超标超前",), on=date(2026, 10, 2), sub=1),
            _m(1, 1, on=date(2026, 10, 20), sub=2)]
    r = build_report(rows, date(2026, 10, 1), date(2026, 10, 31))
    assert r.materials_reviewed == 1 and r.materials_with_problems == 0


def test_empty_period_and_reversed_period():
    r = build_report([], date(2026, 1, 1), date(2026, 1, 31))
    assert r.materials_reviewed == 0 and "0册" in r.summary_zh()
    with pytest.raises(ValueError):
        build_report([], date(2026, 2, 1), date(2026, 1, 1))


def test_xlsx_holds_the_same_figures():
    r = build_report(_yongan_like(), date(2026, 10, 1), date(2026, 10, 31))
    wb = load_workbook(io.BytesIO(report_xlsx(r)))
    assert wb.sheetnames == ["汇总", "问题材料", "境外材料", "问题分类", "区县"]
    summary = {row[0]: row[1] for row in wb["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert summary["检查机构数（所）"] == 10
    assert summary["审核材料数（册）"] == 93
    assert summary["其中：正式出版物（册）"] == 87
    assert summary["其中：自编（册）"] == 6
    assert summary["境外教材（册）"] == 1
    problems = list(wb["问题材料"].iter_rows(min_row=2, values_only=True))
    assert len(problems) == 3
    assert any(p[0] == "教材11" and p[4] == "境外教材；宗教内容" and p[5] == "是" for p in problems)
    assert [tuple(x) for x in wb["区县"].iter_rows(min_row=2, values_only=True)] == [("鄞州区", 93)]

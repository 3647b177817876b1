"""Each supported format comes out as numbered pages of normalised text."""
from __future__ import annotations

import io

from ingest import IngestLimits, extract_document, sniff


def test_text_pdf_pages_are_numbered_and_normalised(text_pdf):
    doc = extract_document(text_pdf, "outline.pdf")
    assert doc.facts.kind == "pdf"
    assert doc.facts.page_count == 5 == len(doc.pages)
    assert [p.number for p in doc.pages] == [1, 2, 3, 4, 5]
    assert all(p.method == "text" for p in doc.pages)
    assert "第3页 初中数学 一元二次方程专题练习" in doc.pages[2].text
    # NFKC for analysis folds the fullwidth comma and colon; the display text keeps them
    assert "例题:解方程" in doc.pages[0].text
    assert "例题：解方程" in doc.pages[0].display_text
    assert "\r" not in doc.pages[0].text and "\r" not in doc.pages[0].display_text
    assert doc.facts.unreadable_pages == []
    assert doc.facts.page_methods == {"text": 5}


def test_cid_font_pdf_without_tounicode_reads(make):
    # reportlab's STSong-Light is a non-embedded CID font with the predefined UniGB-UCS2-H CMap and no
    # ToUnicode map: the text must come from the CMap
    data = make.pdf([["无映射表的中文：几何证明题"]], compress=0)
    assert b"/ToUnicode" not in data and b"UniGB-UCS2-H" in data
    doc = extract_document(data, "cid.pdf")
    assert doc.pages[0].text == "无映射表的中文:几何证明题"
    assert doc.pages[0].method == "text"


def test_pdf_without_tounicode_still_reads(no_tounicode_pdf):
    doc = extract_document(no_tounicode_pdf, "notounicode.pdf", limits=IngestLimits(ocr=False))
    assert "quadratic equations" in doc.pages[0].text
    assert doc.pages[0].method in ("text", "fallback")


def test_docx_paragraphs_and_tables_in_order_split_at_page_break(docx_bytes):
    doc = extract_document(docx_bytes, "大纲.docx")
    assert doc.facts.kind == "docx"
    assert doc.facts.page_count == 2
    first = doc.pages[0].text
    assert first.index("第一部分") < first.index("第1课\t自然拼读与词汇") < first.index("表格之后的段落")
    assert "评价方式" in doc.pages[1].text and "评价方式" not in first


def test_docx_without_breaks_is_one_page(make):
    doc = extract_document(make.docx(with_page_break=False), "a.docx")
    assert doc.facts.page_count == 1
    assert "评价方式" in doc.pages[0].text


def test_pptx_each_slide_a_page_with_tables_and_notes(pptx_bytes):
    doc = extract_document(pptx_bytes, "courseware.pptx")
    assert doc.facts.kind == "pptx"
    assert [p.number for p in doc.pages] == [1, 2]
    assert "少儿编程启蒙" in doc.pages[0].text
    assert "备注:讲师提示" in doc.pages[0].text  # notes, NFKC'd colon
    assert "第一周\t顺序结构" in doc.pages[1].text


def test_utf8_text_and_markdown():
    data = "# 课程简介\r\n本课程为围棋入门。\r\n".encode("utf-8")
    doc = extract_document(data, "intro.md")
    assert doc.facts.kind == "txt"
    assert doc.pages[0].text == "# 课程简介\n本课程为围棋入门。\n"
    assert doc.warnings == []


def test_gbk_text_is_detected():
    text = "校外培训机构课程大纲\n第一课：趣味数学与逻辑思维训练，共十二课时。\n" * 3
    doc = extract_document(text.encode("gbk"), "outline.txt")
    assert doc.pages[0].display_text == text
    assert any("gb18030" in w for w in doc.warnings)


def test_gb18030_only_characters_are_decoded():
    text = "生僻字：㐀䶵 与 欧元符号 €，课时安排如下。" * 4
    doc = extract_document(text.encode("gb18030"), "notes.txt")
    assert doc.pages[0].text.startswith("生僻字:㐀䶵")


def test_utf8_bom_is_dropped():
    doc = extract_document("\ufeff书法课程".encode("utf-8"), "a.txt")
    assert doc.pages[0].text == "书法课程"


def test_form_feed_splits_text_pages():
    doc = extract_document("第一页\f第二页".encode(), "a.txt")
    assert [p.text for p in doc.pages] == ["第一页", "第二页"]


def test_kind_comes_from_bytes_not_name(text_pdf, docx_bytes):
    assert sniff(text_pdf, "renamed.docx") == "pdf"
    assert sniff(docx_bytes, "whatever.pdf") == "docx"
    doc = extract_document(text_pdf, "renamed.docx")
    assert doc.facts.kind == "pdf"
    assert any(".docx" in w for w in doc.warnings)


def test_sniff_kinds(text_pdf, docx_bytes, pptx_bytes, ocr_png):
    assert sniff(text_pdf, "a.pdf") == "pdf"
    assert sniff(docx_bytes, "a.docx") == "docx"
    assert sniff(pptx_bytes, "a.pptx") == "pptx"
    assert sniff(ocr_png, "a.png") == "image"
    assert sniff("你好".encode("gbk") * 10, "a.txt") == "txt"
    buf = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (20, 20), "white").save(buf, "JPEG")
    assert sniff(buf.getvalue(), "photo") == "image"


def test_to_dict_is_json_serialisable(text_pdf):
    import json

    data = extract_document(text_pdf, "a.pdf").to_dict()
    round_trip = json.loads(json.dumps(data, ensure_ascii=False))
    assert round_trip["facts"]["page_count"] == 5
    assert round_trip["pages"][0]["method"] == "text"
    assert set(round_trip["pages"][0]) == {"number", "text", "display_text", "method"}


def test_runs_the_same_without_isolation(text_pdf):
    isolated = extract_document(text_pdf, "a.pdf")
    inline = extract_document(text_pdf, "a.pdf", limits=IngestLimits(isolate=False))
    assert isolated.to_dict() == inline.to_dict()


def test_docx_text_box_is_read_once():
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    paragraph = doc.add_paragraph("正文段落")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框里的课程口号</w:t>'
        '</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
        '<w:t>文本框里的课程口号</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )
    paragraph._p.append(parse_xml(box))
    buf = io.BytesIO()
    doc.save(buf)
    text = extract_document(buf.getvalue(), "box.docx").pages[0].text
    assert text.count("文本框里的课程口号") == 1
    assert text.index("正文段落") < text.index("文本框里的课程口号")


def test_page_with_only_a_rule_is_blank_not_unreadable():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.line(50, 400, 500, 400)
    c.rect(50, 100, 400, 200)
    c.showPage()
    c.save()
    doc = extract_document(buf.getvalue(), "frame.pdf")  # OCR on: it must not be needed
    assert [p.method for p in doc.pages] == ["text"]
    assert doc.facts.unreadable_pages == [] and doc.warnings == []


def test_fallback_engine_reads_pages_pdfium_cannot(text_pdf, monkeypatch):
    # Simulate pdfium returning unmapped glyph codes for every page: pdfminer's reading must be used.
    import pypdfium2 as pdfium

    monkeypatch.setattr(pdfium.PdfTextPage, "get_text_bounded", lambda self, *a, **k: "(cid:12)(cid:34)(cid:56)")
    doc = extract_document(text_pdf, "a.pdf", limits=IngestLimits(isolate=False, ocr=False))
    assert {p.method for p in doc.pages} == {"fallback"}
    assert "第2页" in doc.pages[1].text


def test_page_progress_crosses_the_process_boundary(text_pdf):
    calls: list[tuple[int, int, str]] = []
    extract_document(text_pdf, "a.pdf", progress=lambda done, total, message: calls.append((done, total, message)))
    extracting = [(d, t) for d, t, m in calls if "Extracting" in m]
    assert extracting[0] == (0, 5) and extracting[-1] == (5, 5)
    assert calls[-1][:2] == (1, 1)


def test_pptx_picture_only_slide_is_named_in_warnings(ocr_png):
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_picture(io.BytesIO(ocr_png), Inches(1), Inches(1))
    buf = io.BytesIO()
    prs.save(buf)
    doc = extract_document(buf.getvalue(), "pics.pptx")
    assert doc.pages[0].text == ""
    assert any("第 1 页只有图片" in w for w in doc.warnings)


def test_pdfminer_is_not_asked_for_every_page_of_a_scan(monkeypatch):
    import pdfplumber.page
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    calls = []
    original = pdfplumber.page.Page.extract_text
    monkeypatch.setattr(pdfplumber.page.Page, "extract_text",
                        lambda self, *a, **k: calls.append(self.page_number) or original(self, *a, **k))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    picture = ImageReader(Image.new("L", (40, 40), 128))
    for _ in range(20):
        c.drawImage(picture, 100, 100, 200, 200)
        c.showPage()
    c.save()
    doc = extract_document(buf.getvalue(), "scan.pdf", limits=IngestLimits(isolate=False, ocr=False))
    assert doc.facts.unreadable_pages == list(range(1, 21))
    assert 1 <= len(calls) <= 8

"""Factories for the files the ingest tests read: every one is made here, none is checked in."""
from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest

SAMPLE_LINES = [
    "第{n}页 初中数学 一元二次方程专题练习",
    "例题：解方程 x²-5x+6=0，并检验。",
    "课后作业：完成练习册第十二页。",
]


def isbn13(body12: str) -> str:
    """Append the ISBN-13 check digit (weights 1,3,1,3…)."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _register_song() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_pdf(pages: list[list[str]], *, encrypt=None, compress: int = 1, font_size: int = 14) -> bytes:
    """A Chinese text PDF (reportlab, STSong-Light): one list of lines per page."""
    from reportlab.pdfgen import canvas

    font = _register_song()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=compress, encrypt=encrypt)
    for lines in pages:
        c.setFont(font, font_size)
        for i, line in enumerate(lines):
            c.drawString(60, 760 - i * (font_size + 10), line)
        c.showPage()
    c.save()
    return buf.getvalue()


def numbered_pages(count: int) -> list[list[str]]:
    return [[line.format(n=n) for line in SAMPLE_LINES] for n in range(1, count + 1)]


def page_image(lines: list[str], scale: float = 2.0, crop_height: int = 260):
    """A picture of text: a reportlab page rendered by pdfium and cropped to its text (no font files needed)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(make_pdf([lines], font_size=24))
    image = pdf[0].render(scale=scale).to_pil().convert("RGB")
    pdf.close()
    return image.crop((0, 0, image.width, int(crop_height * scale)))


@pytest.fixture(scope="session")
def text_pdf() -> bytes:
    return make_pdf(numbered_pages(5))


@pytest.fixture(scope="session")
def ocr_lines() -> list[str]:
    return ["课程名称：小学奥数思维训练", "每周六上午九点上课"]


@pytest.fixture(scope="session")
def ocr_png(ocr_lines) -> bytes:
    buf = io.BytesIO()
    page_image(ocr_lines).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="session")
def image_only_pdf(ocr_lines) -> bytes:
    """Page 1 has a text layer, page 2 is only a picture of text, page 3 is blank."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = _register_song()
    image = page_image(ocr_lines)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont(font, 14)
    c.drawString(60, 760, "第一页有文字层")
    c.showPage()
    c.drawImage(ImageReader(image), 0, 842 - image.height / 2, width=image.width / 2, height=image.height / 2)
    c.showPage()
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="session")
def no_tounicode_pdf() -> bytes:
    """A PDF whose embedded TrueType subset font has its ToUnicode map removed."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font_path.exists():
        pytest.skip("DejaVu Sans (fonts-dejavu-core) is not installed")
    pdfmetrics.registerFont(TTFont("DejaVuNoMap", str(font_path)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=0)  # keep the font dictionary greppable
    c.setFont("DejaVuNoMap", 14)
    c.drawString(60, 760, "Grade 7 algebra worksheet: quadratic equations")
    c.showPage()
    c.save()
    data = buf.getvalue()
    stripped = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data)  # same length: xref stays valid
    assert stripped.count(b"/ToUnicode") == 0 and data.count(b"/ToUnicode") >= 1
    return stripped


def make_docx(with_page_break: bool = True) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    doc.add_heading("英语绘本阅读课程大纲", level=1)
    doc.add_paragraph("第一部分：课程目标")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "课次"
    table.cell(0, 1).text = "内容"
    table.cell(1, 0).text = "第1课"
    table.cell(1, 1).text = "自然拼读与词汇"
    doc.add_paragraph("表格之后的段落")
    if with_page_break:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("第二部分：评价方式（期末测评）")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_pptx() -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[1])
    s1.shapes.title.text = "少儿编程启蒙"
    s1.placeholders[1].text = "用积木搭建第一个程序"
    s1.notes_slide.notes_text_frame.text = "讲师提示：先演示再练习"
    s2 = prs.slides.add_slide(prs.slide_layouts[5])
    s2.shapes.title.text = "课程安排"
    table = s2.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    table.cell(0, 0).text = "周次"
    table.cell(0, 1).text = "主题"
    table.cell(1, 0).text = "第一周"
    table.cell(1, 1).text = "顺序结构"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header declares width×height: enough for a decoder to commit to the allocation."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


@pytest.fixture(scope="session")
def docx_bytes() -> bytes:
    return make_docx()


@pytest.fixture(scope="session")
def pptx_bytes() -> bytes:
    return make_pptx()


@pytest.fixture(scope="session")
def make():
    """The factories, for tests that need a variant of a file."""
    from types import SimpleNamespace

    return SimpleNamespace(pdf=make_pdf, pages=numbered_pages, isbn13=isbn13, png_header_only=png_header_only,
                           docx=make_docx, pptx=make_pptx, page_image=page_image)

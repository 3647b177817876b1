"""PowerPoint (.pptx): each slide a page, shapes in reading order (top, then left), tables, then notes."""
from __future__ import annotations

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from ..errors import IngestError
from ..limits import IngestLimits
from ..parsed import Parsed, ParsedPage
from .office_zip import open_checked


def _shape_lines(shape) -> list[str]:
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [line for child in _ordered(shape.shapes) for line in _shape_lines(child)]
    if getattr(shape, "has_table", False) and shape.has_table:
        return ["\t".join(cell.text.replace("\n", " ") for cell in row.cells) for row in shape.table.rows]
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        text = shape.text_frame.text.replace("\x0b", "\n")  # vertical tab = soft line break in pptx
        return [text] if text.strip() else []
    return []


def _ordered(shapes):
    return sorted(shapes, key=lambda s: ((s.top or 0), (s.left or 0)))


def read_pptx(data: bytes, limits: IngestLimits) -> Parsed:
    stream = open_checked(data, limits)
    try:
        prs = Presentation(stream)
        slides = list(prs.slides)
    except Exception as exc:  # broken parts surface as KeyError/ValueError/lxml errors
        raise IngestError.of("corrupted", detail=f"PPTX: {type(exc).__name__}") from None
    if len(slides) > limits.max_pages:
        raise IngestError.of("too_many_pages", pages=len(slides), limit=limits.max_pages)
    pages: list[ParsedPage] = []
    warnings: list[str] = []
    picture_only: list[int] = []
    for number, slide in enumerate(slides, start=1):
        try:
            lines = [line for shape in _ordered(slide.shapes) for line in _shape_lines(shape)]
            if not lines and any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes):
                picture_only.append(number)
            if slide.has_notes_slide:
                notes = slide.notes_slide.notes_text_frame
                if notes is not None and notes.text.strip():
                    lines.append("备注：" + notes.text)
            pages.append(ParsedPage(number, "\n".join(lines), "text"))
        except Exception as exc:  # one broken slide must not lose the others
            pages.append(ParsedPage(number, "", "unreadable"))
            warnings.append(f"第 {number} 页无法读取（{type(exc).__name__}） / Slide {number} unreadable")
    if picture_only:
        listed = ", ".join(map(str, picture_only))
        warnings.append(f"第 {listed} 页只有图片，图片中的文字未识别 / Slide(s) {listed} hold only pictures; "
                        "text inside pictures was not read")
    return Parsed("pptx", pages, warnings)

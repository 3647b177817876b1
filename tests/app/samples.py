"""Small documents for upload tests: a Chinese PDF (reportlab), an encrypted PDF, plain text."""

from __future__ import annotations

import io
from typing import Sequence

CJK_FONT = "STSong-Light"


def chinese_pdf(pages: Sequence[Sequence[str]], *, encrypt_password: str | None = None) -> bytes:
    """A PDF with one page per list of lines, in reportlab's CID font (renders with system CJK fonts)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    try:
        pdfmetrics.getFont(CJK_FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buf = io.BytesIO()
    enc = StandardEncryption(encrypt_password, canPrint=0) if encrypt_password else None
    c = canvas.Canvas(buf, encrypt=enc)
    for lines in pages:
        c.setFont(CJK_FONT, 13)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 24
        c.showPage()
    c.save()
    return buf.getvalue()


SUBJECT_LESSON = [
    ["第一讲 一元二次方程", "本讲讲解一元二次方程的解法：配方法、公式法。", "课后巩固练习：完成下列计算题，每题10分。"],
    ["第二讲 函数初步", "预习—授课—巩固练习，帮助学生在期末考试中提高分数。"],
]

ART_LESSON = [
    ["少儿创意美术 第一课 色彩的感受", "通过观察秋天的树叶，感受暖色与冷色，用水彩自由表达。"],
    ["第二课 线条的故事", "用粗细不同的线条画出家里的小猫，培养观察力和想象力。"],
]

"""The one error type of the ingest package, and its catalogue of messages."""
from __future__ import annotations

# code -> (message_zh, message_en). Templates take str.format keywords.
MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("文件为空（0 字节），请重新上传", "The file is empty (0 bytes); upload it again"),
    "too_large": (
        "文件过大（{size_mb:.1f} MB），上限为 {limit_mb:.0f} MB",
        "The file is too large ({size_mb:.1f} MB); the limit is {limit_mb:.0f} MB",
    ),
    "too_many_pages": (
        "文件页数过多（{pages} 页），上限为 {limit} 页，请拆分后上传",
        "The file has too many pages ({pages}); the limit is {limit}; split it and upload again",
    ),
    "unsupported_type": (
        "不支持的文件类型{detail_zh}；请上传 PDF、Word（.docx）、PowerPoint（.pptx）、文本或 PNG/JPEG 图片",
        "Unsupported file type{detail_en}; upload a PDF, Word (.docx), PowerPoint (.pptx), text or PNG/JPEG image",
    ),
    "wrong_extension": (
        "文件名后缀为 {ext}，但内容不是有效的 {expected} 文件（可能改过后缀或文件已损坏）",
        "The file name ends in {ext} but the content is not a valid {expected} file "
        "(renamed or damaged)",
    ),
    "encrypted": (
        "文件已加密，请去除密码后重新上传",
        "The PDF is encrypted; remove the password and upload again",
    ),
    "encrypted_office": (
        "Office 文件已加密或为旧版格式（.doc/.ppt），请去除密码并另存为 .docx/.pptx 后重新上传",
        "The Office file is encrypted or in the old format (.doc/.ppt); remove the password and "
        "save it as .docx/.pptx",
    ),
    "corrupted": (
        "文件已损坏，无法读取（{detail_zh}）",
        "The file is damaged and cannot be read ({detail_en})",
    ),
    "truncated": (
        "文件不完整（可能上传中断），无法读取任何页面，请重新上传",
        "The file is incomplete (the upload was probably cut off); no page could be read; upload it again",
    ),
    "decompression_bomb": (
        "文件解压后过大（压缩炸弹），已拒绝处理",
        "The file expands to an excessive size when decompressed (a decompression bomb); refused",
    ),
    "image_too_large": (
        "图片尺寸过大（{width}×{height} 像素），上限为 {limit} 万像素",
        "The image is too large ({width}×{height} pixels); the limit is {limit} ten-thousand pixels",
    ),
    "timeout": (
        "文件处理超时（超过 {seconds:.0f} 秒），文件可能异常，请检查后重新上传",
        "Processing the file took longer than {seconds:.0f} s; the file may be malformed",
    ),
    "too_much_memory": (
        "文件处理所需内存超过上限（{limit_mb} MB），文件可能异常",
        "Processing the file needed more than {limit_mb} MB of memory; the file may be malformed",
    ),
    "parser_crashed": (
        "解析文件时程序异常退出，文件可能已损坏",
        "The parser stopped abnormally while reading the file; it is probably damaged",
    ),
    "no_text": (
        "文件中没有可读取的内容",
        "The file contains no readable content",
    ),
}


class IngestError(Exception):
    """Raised for every input the ingest package refuses.

    ``code`` is stable (for programs), ``message_zh`` is shown to users, ``message_en`` logged or shown
    when the interface is in English.
    """

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    @classmethod
    def of(cls, code: str, **params: object) -> "IngestError":
        zh, en = MESSAGES[code]
        if "detail" in params:  # a technical detail (library message) reads the same in both languages
            detail = params.pop("detail")
            params.setdefault("detail_zh", detail)
            params.setdefault("detail_en", detail)
        return cls(code, zh.format(**params), en.format(**params))

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"

    def __reduce__(self):  # survive pickling across the worker-process pipe
        return (IngestError, (self.code, self.message_zh, self.message_en))

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_zh": self.message_zh, "message_en": self.message_en}

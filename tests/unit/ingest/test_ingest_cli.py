"""python -m ingest extract FILE: JSON on stdout, or the message on stderr and exit status 2."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_extract_prints_the_document(tmp_path, docx_bytes):
    path = tmp_path / "大纲.docx"
    path.write_bytes(docx_bytes)
    result = _cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["facts"]["kind"] == "docx" and doc["facts"]["page_count"] == 2
    assert "英语绘本阅读课程大纲" in doc["pages"][0]["text"]


def test_bad_input_exits_2_with_the_message(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result = _cli("extract", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "文件为空" in result.stderr and "empty" in result.stderr


def test_missing_file_exits_2(tmp_path):
    result = _cli("extract", str(tmp_path / "nope.pdf"))
    assert result.returncode == 2 and "无法打开文件" in result.stderr

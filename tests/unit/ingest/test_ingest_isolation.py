"""The child-process guard: a spinning or memory-hungry parse is stopped, crashes become IngestError."""
from __future__ import annotations

import os
import signal

import pytest

from ingest import IngestError
from ingest.isolation import run, run_isolated


def _spin():
    while True:
        pass


def _hog():
    chunks = []
    while True:
        chunks.append(bytearray(64 * 2**20))


def _die():
    os.kill(os.getpid(), signal.SIGSEGV)


def _refuse():
    raise IngestError.of("encrypted")


def _bug():
    raise KeyError("missing part")


def _answer(x):
    return {"pages": ["第一页"] * x}


def test_a_spinning_parse_is_killed_at_the_deadline():
    with pytest.raises(IngestError) as info:
        run_isolated(_spin, (), timeout_s=0.5, memory_limit_mb=256)
    assert info.value.code == "timeout"


def test_memory_is_bounded():
    with pytest.raises(IngestError) as info:
        run_isolated(_hog, (), timeout_s=30, memory_limit_mb=256)
    assert info.value.code == "too_much_memory"


def test_a_crashing_parser_becomes_an_error():
    with pytest.raises(IngestError) as info:
        run_isolated(_die, (), timeout_s=30, memory_limit_mb=256)
    assert info.value.code == "parser_crashed"


def test_ingest_errors_cross_the_process_boundary():
    with pytest.raises(IngestError) as info:
        run_isolated(_refuse, (), timeout_s=30, memory_limit_mb=256)
    assert info.value.code == "encrypted" and "加密" in info.value.message_zh


def test_unexpected_exceptions_are_reported_not_raised():
    for isolate in (True, False):
        with pytest.raises(IngestError) as info:
            run(_bug, (), isolate=isolate, timeout_s=30, memory_limit_mb=256)
        assert info.value.code == "corrupted" and "KeyError" in info.value.message_en


def test_results_come_back_whole():
    assert run_isolated(_answer, (20000,), timeout_s=30, memory_limit_mb=256) == {"pages": ["第一页"] * 20000}

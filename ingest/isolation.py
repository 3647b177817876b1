"""Run a risky parse in a forked child with a wall-clock limit and an address-space limit.

Why a child: pdfium and pdfminer are not interruptible from Python, so a file that makes them spin or
allocate without bound would hang or kill the caller (a Streamlit session or the huey worker). A forked
child can be killed at the deadline and given RLIMIT_AS. Measured cost (bench/bench_ingest.py): one fork
plus pickling the page texts is ~10-30 ms a file, small against pdfium's own time even at 100 pages,
so the fast path stays within the 1.5x budget. os.fork is used rather than multiprocessing so that
nothing re-imports __main__ (spawn/forkserver do) and daemonic huey workers may still use it.
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import select
import signal
import struct
import time
from collections.abc import Callable
from typing import TypeVar

from .errors import IngestError

T = TypeVar("T")


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


_RESULT, _PROGRESS = b"R", b"P"
_HEADER = struct.Struct(">cQ")  # frame: kind, payload length
_PROGRESS_EVERY_S = 0.25


def _write_all(fd: int, blob: bytes) -> None:
    view = memoryview(blob)
    while view:
        view = view[os.write(fd, view):]


def _frame(kind: bytes, payload: bytes) -> bytes:
    return _HEADER.pack(kind, len(payload)) + payload


def _child(write_fd: int, fn: Callable[..., T], args: tuple, memory_limit_mb: int, with_progress: bool) -> None:
    try:
        # The child starts with the parent's mappings; the limit bounds what the parse adds.
        limit = _address_space() + memory_limit_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= _PROGRESS_EVERY_S or done == total:
                last[0] = now
                _write_all(write_fd, _frame(_PROGRESS, struct.pack(">QQ", done, total)))

        try:
            payload = ("ok", fn(*args, report=report) if with_progress else fn(*args))
        except IngestError as exc:
            payload = ("error", exc)
        except MemoryError:
            payload = ("error", IngestError.of("too_much_memory", limit_mb=memory_limit_mb))
        except RecursionError:
            payload = ("error", IngestError.of("corrupted", detail_zh="结构嵌套过深", detail_en="nesting too deep"))
        except Exception as exc:  # report, never raise into the parent's code path
            payload = ("crash", f"{type(exc).__name__}: {exc}"[:300])
        try:
            blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            blob = pickle.dumps(("error", IngestError.of("too_much_memory", limit_mb=memory_limit_mb)))
        _write_all(write_fd, _frame(_RESULT, blob))
    finally:
        os._exit(0)  # skip the parent's atexit handlers and buffered output


def run_isolated(fn: Callable[..., T], args: tuple, *, timeout_s: float, memory_limit_mb: int,
                 progress: Callable[[int, int], None] | None = None) -> T:
    """fn(*args) in a forked child; its IngestError is re-raised here, any other failure becomes one.

    With ``progress``, fn is also given ``report=(done, total)``; reports cross the pipe as they happen.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        faulthandler.disable()  # a crash is reported by the parent as parser_crashed, not as a dump
        _child(write_fd, fn, args, memory_limit_mb, progress is not None)
    os.close(write_fd)
    buffer = bytearray()
    result: bytes | None = None
    deadline = time.monotonic() + max(timeout_s, 0.0)
    timed_out = False
    try:
        while result is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            buffer += chunk
            while len(buffer) >= _HEADER.size:
                kind, length = _HEADER.unpack_from(buffer)
                if len(buffer) < _HEADER.size + length:
                    break
                payload = bytes(buffer[_HEADER.size:_HEADER.size + length])
                del buffer[:_HEADER.size + length]
                if kind == _RESULT:
                    result = payload
                elif progress is not None:
                    progress(*struct.unpack(">QQ", payload))
    finally:
        os.close(read_fd)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)
    if timed_out:
        raise IngestError.of("timeout", seconds=timeout_s)
    if result is None:  # killed (OOM killer, SIGSEGV/SIGABRT in C code) before it could answer
        raise IngestError.of("parser_crashed")
    kind, value = pickle.loads(result)
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    raise IngestError.of("corrupted", detail=value)


def run(fn: Callable[..., T], args: tuple, *, isolate: bool, timeout_s: float, memory_limit_mb: int,
        progress: Callable[[int, int], None] | None = None) -> T:
    if isolate and hasattr(os, "fork"):
        return run_isolated(fn, args, timeout_s=timeout_s, memory_limit_mb=memory_limit_mb, progress=progress)
    try:
        return fn(*args, report=progress) if progress is not None else fn(*args)
    except IngestError:
        raise
    except MemoryError:
        raise IngestError.of("too_much_memory", limit_mb=memory_limit_mb) from None
    except Exception as exc:
        raise IngestError.of("corrupted", detail=f"{type(exc).__name__}: {exc}"[:300]) from None

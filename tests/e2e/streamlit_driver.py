"""Helpers to drive a live Streamlit app with Playwright: start the server, wait for reruns, fill widgets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run review_app.py` plus the huey consumer, on a private database and data dir."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, timeout: float = 60) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        worker_log = open(self.log_dir / "worker.log", "wb")
        self.procs.append(subprocess.Popen(
            [str(VENV_BIN / "huey_consumer"), "workflows.tasks.huey", "--workers", "1", "--worker-type", "thread"],
            cwd=ROOT, env=self.env, stdout=worker_log, stderr=subprocess.STDOUT))
        app_log = open(self.log_dir / "streamlit.log", "wb")
        self.procs.append(subprocess.Popen(
            [str(VENV_BIN / "streamlit"), "run", "review_app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=self.env, stdout=app_log, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.procs[-1].poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log_dir / 'streamlit.log'}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit did not become healthy in time")

    def stop(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


def wait_idle(page, timeout: float = 120_000) -> None:
    """Wait until the script is not running (after a possible rerun has started)."""
    app = page.locator('[data-testid="stApp"]')
    try:  # a rerun may start a moment after the click; do not miss it
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=800)
    except Exception:
        pass
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    app.wait_for(state="visible")

"""File store: bytes kept by SHA-256 content hash under <data_dir>/files/ab/cd/<hash>, written atomically
(temporary file in the same folder, fsync, rename), so a failed write never leaves a partial file."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class FileStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def path_for(self, content_hash: str) -> Path:
        if len(content_hash) != 64 or not all(c in "0123456789abcdef" for c in content_hash):
            raise ValueError("invalid content hash")
        return self.root / content_hash[:2] / content_hash[2:4] / content_hash

    def put(self, data: bytes) -> str:
        """Stores the bytes (idempotent) and returns their hash."""
        h = self.digest(data)
        target = self.path_for(h)
        if target.exists() and target.stat().st_size == len(data):
            return h
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return h

    def get(self, content_hash: str) -> bytes:
        data = self.path_for(content_hash).read_bytes()
        if self.digest(data) != content_hash:
            raise OSError(f"stored file {content_hash} is corrupted")
        return data

    def exists(self, content_hash: str) -> bool:
        return self.path_for(content_hash).exists()

    def delete(self, content_hash: str) -> None:
        self.path_for(content_hash).unlink(missing_ok=True)

    def all_hashes(self) -> list[str]:
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.glob("??/??/*") if not p.name.startswith(".tmp-"))

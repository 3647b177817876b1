"""What the st.data_editor components share: a starting frame built once per editor key."""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import streamlit as st


def field(obj: Any, name: str) -> Any:
    """A value from a dict or an object alike (initial rows come as service views or plain dicts)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def seeded_frame(key: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The editor's base frame, built on first render only: rebuilding it on a rerun would discard edits."""
    base_key = f"{key}__base"
    if base_key not in st.session_state:
        st.session_state[base_key] = build()
    return st.session_state[base_key]

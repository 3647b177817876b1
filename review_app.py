"""Entry point: `streamlit run review_app.py` (see scripts/run_app.sh)."""

import streamlit as st

from ui.app import main
from workflows.context import build_context


@st.cache_resource
def _services():
    # One ServiceContext per server process: it owns the database engine and the file store.
    return build_context()


main(_services())

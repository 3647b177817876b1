"""Streamlit user interface: the only layer that imports streamlit. No SQL and no rules here."""

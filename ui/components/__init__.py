"""Reusable Streamlit pieces shared by every role's pages."""

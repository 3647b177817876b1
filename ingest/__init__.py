"""Ingestion: bytes + file name -> Document (numbered pages of text + facts). Pure: no DB, no UI."""
from .errors import IngestError
from .extract import extract_document, sniff
from .limits import IngestLimits
from .model import Document, DocumentFacts, IsbnFact, Page

__all__ = [
    "Document", "DocumentFacts", "IngestError", "IngestLimits", "IsbnFact", "Page",
    "extract_document", "sniff",
]

"""One reader per format; each turns bytes into ParsedPages and raises only IngestError."""

//! Reads inputs (text, Markdown, JSON, JSONL, directories, stdin) into articles and diagnostics.

//! The ways reading one input can fail; each becomes a diagnostic with the input's path.

/// Why an input (or a record inside it) was skipped.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// Only regular files (and symlinks to them) are read.
    #[error("{0}, not a regular file; only files (and links to them) are read")]
    NotAFile(&'static str),
    #[error("empty input: no text to read")]
    Empty,
    #[error("binary data (NUL bytes), not a text article")]
    Binary,
    #[error(
        "not valid UTF-8 (first bad byte at offset {at}); hint: convert it with `iconv -t UTF-8`"
    )]
    NotUtf8 { at: usize },
    #[error(
        "article {id:?} has {size} bytes of text, more than the {limit} an article may hold; \
         split it into articles"
    )]
    TooLong {
        id: String,
        size: usize,
        limit: usize,
    },
    #[error("file of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "unsupported file type; expected .txt, .md, .json, .jsonl, .html, .htm, .html.gz, \
         .warc, .warc.gz, .rss, .atom, .rdf or .xml"
    )]
    Unsupported,
    #[error("no article text after the header block")]
    EmptyBody,
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("record has neither a \"text\" nor an \"html\" string")]
    NoText,
    #[error("no article text found in the HTML page")]
    NoMainText,
    #[error("cannot decompress: {0}")]
    Gzip(String),
    #[error("not an HTML page; expected .html, .htm or .html.gz")]
    NotHtml,
    #[error("cannot fetch: {0}")]
    Fetch(String),
    #[error("{0}")]
    Warning(String),
}

pub type Result<T, E = IngestError> = std::result::Result<T, E>;

//! The ways fetching a URL, parsing a feed or reading a WARC record can fail; each names the
//! URL (or the record's offset and target URI) and the reason, ready to become a diagnostic.

use chorus_model::Diagnostic;

/// Why a URL could not be fetched or a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: invalid URL ({reason})")]
    InvalidUrl { url: String, reason: String },
    #[error("{url}: {reason}")]
    Network { url: String, reason: String },
    #[error("{url}: timed out")]
    Timeout { url: String },
    /// The response is not a page, a feed or plain text (by its type or its first bytes).
    #[error("{url}: not HTML, a feed or plain text ({found}); not read")]
    NotText { url: String, found: String },
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: disallowed by robots.txt")]
    RobotsDisallowed { url: String },
    #[error("{url}: robots.txt could not be read ({reason}); not fetching")]
    RobotsUnavailable { url: String, reason: String },
    #[error("{url}: body larger than the limit of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: more than {max} redirects")]
    TooManyRedirects { url: String, max: usize },
    #[error("{url}: not a feed ({reason})")]
    Feed { url: String, reason: String },
}

impl FetchError {
    /// The URL (or, for a feed read from bytes, the name given for it) the error is about.
    pub fn url(&self) -> &str {
        match self {
            FetchError::InvalidUrl { url, .. }
            | FetchError::Network { url, .. }
            | FetchError::Timeout { url }
            | FetchError::Status { url, .. }
            | FetchError::RobotsDisallowed { url }
            | FetchError::RobotsUnavailable { url, .. }
            | FetchError::TooLarge { url, .. }
            | FetchError::NotText { url, .. }
            | FetchError::TooManyRedirects { url, .. }
            | FetchError::Feed { url, .. } => url,
        }
    }

    /// The error as a diagnostic about its URL.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let url = self.url();
        let message = self.to_string();
        let message = message
            .strip_prefix(url)
            .and_then(|m| m.strip_prefix(": "))
            .unwrap_or(&message)
            .to_string();
        Diagnostic {
            path: url.to_string(),
            message,
        }
    }
}

/// Why a WARC record was skipped. Reading goes on after every variant except `Io`.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("record at byte {offset}{}: {reason}", uri_note(uri))]
    Corrupt {
        offset: u64,
        uri: Option<String>,
        reason: String,
    },
    #[error("{bytes} bytes that are not WARC records at byte {offset}; skipped")]
    Garbage { offset: u64, bytes: u64 },
    #[error(
        "record at byte {offset}{}: content of {length} bytes is larger than the limit of {limit} bytes; skipped",
        uri_note(uri)
    )]
    TooLarge {
        offset: u64,
        uri: Option<String>,
        length: u64,
        limit: u64,
    },
    #[error(
        "record at byte {offset}{}: bad HTTP response: {reason}",
        uri_note(uri)
    )]
    Http {
        offset: u64,
        uri: Option<String>,
        reason: String,
    },
}

fn uri_note(uri: &Option<String>) -> String {
    match uri {
        Some(u) => format!(" ({u})"),
        None => String::new(),
    }
}

impl WarcError {
    /// The error as a diagnostic about the WARC file at `path`.
    pub fn to_diagnostic(&self, path: &str) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            message: self.to_string(),
        }
    }
}

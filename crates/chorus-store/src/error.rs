//! The one error type of the store and its `Result` alias. Messages name the data directory
//! or the value at fault, never SQL; callers at the edge (CLI, HTTP) decide what to show.

use std::path::PathBuf;

/// Everything that can go wrong with a collection.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the write lock of the data directory.
    #[error("data directory is busy: {} is locked by another chorus process", .0.display())]
    Busy(PathBuf),
    /// Read commands do not create a collection.
    #[error("no collection at {}", .0.display())]
    NotFound(PathBuf),
    /// The directory was written by a newer chorus with a schema this build does not know.
    #[error("{} has schema version {found}, newer than this build knows ({known})", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("database: {}", postgres_message(.0))]
    Postgres(#[from] postgres::Error),
    /// The database server cannot be reached (after retrying).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("full-text index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A search query the index refuses (too long, too deep, or asking what it cannot
    /// answer); the message says what is allowed.
    #[error("search query: {0}")]
    Query(String),
    /// Some stored state does not hold together (e.g. a lock poisoned by a panic).
    #[error("inconsistent store: {0}")]
    Inconsistent(String),
}

/// What PostgreSQL said (its `Display` alone is "db error"), or the connection's trouble.
fn postgres_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

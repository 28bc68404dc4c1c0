//! What the intake's tests on real data share.

use chorus_model::Article;
use std::collections::HashMap;

/// The articles of a shared set (`../shared/data/<set>`) in the order news arrives: by
/// publication date, a stable sort keeping the file's order among equal days and for an
/// undated set; and its gold events (article id → event). None without `../shared`.
pub(crate) fn by_date(set: &str) -> Option<(Vec<Article>, HashMap<String, String>)> {
    let dir = chorus_testdata::shared(set)?;
    let mut articles = chorus_ingest::ingest_paths(
        &[dir.join("articles.jsonl")],
        &chorus_ingest::IngestConfig::default(),
    )
    .articles;
    articles.sort_by(|a, b| a.published.cmp(&b.published));
    Some((
        articles,
        chorus_testdata::gold_events(&dir.join("events.jsonl")),
    ))
}

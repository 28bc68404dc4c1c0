//! What the intake's tests on real data share.

use chorus_intake::Intake;
use chorus_model::Article;
use chorus_store::{OpenOptions, Store};
use std::collections::HashMap;
use std::sync::Arc;

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

/// An intake over a new store in a temporary directory (kept while the directory lives), with
/// events closing `open_days` behind the collection's newest article.
pub(crate) fn intake_in_temp_store(open_days: Option<u32>) -> (tempfile::TempDir, Intake) {
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        create: true,
        exclusive: true,
    };
    let store = Store::open(dir.path(), &options).unwrap();
    let intake =
        Intake::new(Arc::new(store), chorus_pipeline::Config::default()).with_open_days(open_days);
    (dir, intake)
}

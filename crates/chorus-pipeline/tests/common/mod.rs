//! What the grouping tests on real data share: the gold events of a data set, the events a
//! report predicts, and B-cubed precision, recall and F1 between the two.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Article, Report};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(crate) use chorus_testdata::bcubed;

/// The articles of `paths` (all read, none skipped) and the gold event of each article id
/// in `events.jsonl` of `dir`.
pub(crate) fn read(dir: &Path, paths: &[PathBuf]) -> (Vec<Article>, HashMap<String, String>) {
    let ingested = ingest_paths(paths, &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    let gold = chorus_testdata::gold_events(&dir.join("events.jsonl"));
    (ingested.articles, gold)
}

/// Article id → index of its event in `report`; an article in no event is alone.
pub(crate) fn predicted(report: &Report) -> HashMap<String, usize> {
    let mut predicted = HashMap::new();
    for (i, e) in report.events.iter().enumerate() {
        for a in &e.articles {
            predicted.insert(a.clone(), i);
        }
    }
    for a in &report.articles {
        let alone = report.events.len() + predicted.len();
        predicted.entry(a.id.clone()).or_insert(alone);
    }
    predicted
}

//! What the grouping tests on real data share: the gold events of a data set, the events a
//! report predicts, and B-cubed precision, recall and F1 between the two.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Article, Report};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// B-cubed precision, recall and F1 of `predicted` against `gold` (article id → label), over
/// the articles `gold` names.
pub(crate) fn bcubed(
    predicted: &HashMap<String, usize>,
    gold: &HashMap<String, String>,
) -> (f64, f64, f64) {
    let mut cell: HashMap<(usize, &str), f64> = HashMap::new();
    let (mut np, mut ng): (HashMap<usize, f64>, HashMap<&str, f64>) = Default::default();
    for (id, g) in gold {
        let p = predicted[id];
        *cell.entry((p, g)).or_default() += 1.0;
        *np.entry(p).or_default() += 1.0;
        *ng.entry(g).or_default() += 1.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (&(pe, ge), &c) in &cell {
        p += c * c / np[&pe];
        r += c * c / ng[ge];
    }
    let n = gold.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r))
}

/// The articles of `paths` (all read, none skipped) and the gold event of each article id
/// in `events.jsonl` of `dir`.
pub(crate) fn read(dir: &Path, paths: &[PathBuf]) -> (Vec<Article>, HashMap<String, String>) {
    let ingested = ingest_paths(paths, &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    let mut gold = HashMap::new();
    for line in std::fs::read_to_string(dir.join("events.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for a in v["articles"].as_array().unwrap() {
            gold.insert(
                a.as_str().unwrap().to_string(),
                v["event"].as_str().unwrap().to_string(),
            );
        }
    }
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

//! Events that never mix two stories, on real data in `../shared/data`: B-cubed precision
//! and F1 of the grouping on `gva-dev` (dated US gun-violence reports, one topic throughout,
//! so only specifics tell incidents apart) and `multinews-val` (undated), with floors at what
//! the grouping reaches (issue 24).

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Article, Report};
use chorus_testdata::shared;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// B-cubed precision, recall and F1 of `predicted` against `gold` (article id → label), over
/// the articles `gold` names.
fn bcubed(predicted: &HashMap<String, usize>, gold: &HashMap<String, String>) -> (f64, f64, f64) {
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
fn read(dir: &Path, paths: &[PathBuf]) -> (Vec<Article>, HashMap<String, String>) {
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
fn predicted(report: &Report) -> HashMap<String, usize> {
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

fn digest(articles: Vec<Article>) -> Report {
    chorus_pipeline::digest(articles, vec![], &Default::default())
}

#[test]
fn gva_dev_incidents_are_not_mixed_and_follow_ups_stay() {
    let Some(dir) = shared("gva-dev") else {
        return;
    };
    let (articles, gold) = read(&dir, &[dir.join("articles.jsonl")]);
    assert_eq!(articles.len(), 1914);
    assert!(articles.iter().all(|a| a.published.is_some()));
    let mut reversed = articles.clone();
    reversed.reverse();
    let (p, r, f1) = bcubed(&predicted(&digest(articles)), &gold);
    println!("gva-dev B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    assert!(p >= P_GVA, "B-cubed precision {p:.3} under {P_GVA}");
    assert!(f1 >= F1_GVA, "B-cubed F1 {f1:.3} under {F1_GVA}");
    let (_, _, f) = bcubed(&predicted(&digest(reversed)), &gold);
    println!("reversed order: F1 {f:.3}");
    assert!(
        (f - f1).abs() < 0.01,
        "reversed order moves F1 from {f1:.3} to {f:.3}"
    );
}

/// Floors at what the grouping reaches (gva-dev P 0.983 F1 0.926; multinews-val P 0.972
/// F1 0.870); the targets for gva-dev are P 0.98 and F1 0.94.
const P_GVA: f64 = 0.98;
const F1_GVA: f64 = 0.92;
const P_MULTINEWS: f64 = 0.97;
const F1_MULTINEWS: f64 = 0.87;

#[test]
fn multinews_events_are_precise() {
    let Some(dir) = shared("multinews-val") else {
        return;
    };
    let (articles, gold) = read(&dir, &[dir.join("articles.jsonl")]);
    let (p, r, f1) = bcubed(&predicted(&digest(articles)), &gold);
    println!("multinews-val B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    assert!(
        p >= P_MULTINEWS,
        "B-cubed precision {p:.3} under {P_MULTINEWS}"
    );
    assert!(
        f1 >= F1_MULTINEWS,
        "B-cubed F1 {f1:.3} under {F1_MULTINEWS}"
    );
}

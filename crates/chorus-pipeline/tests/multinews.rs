//! The real Multi-News validation sample (`../shared/data/multinews-val`): every article is
//! read with its id, and mixed articles are grouped back into their events (B-cubed F1 printed,
//! with a floor under the foundation's first grouping).

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_testdata::shared;
use std::collections::HashMap;

/// B-cubed precision, recall and F1 of `predicted` against `gold` (item → cluster label).
fn bcubed(predicted: &HashMap<String, usize>, gold: &HashMap<String, String>) -> (f64, f64, f64) {
    let items: Vec<&String> = gold.keys().collect();
    let (mut p, mut r) = (0.0, 0.0);
    for a in &items {
        let same_pred: Vec<&&String> = items
            .iter()
            .filter(|b| predicted[**b] == predicted[*a])
            .collect();
        let same_gold: Vec<&&String> = items.iter().filter(|b| gold[**b] == gold[*a]).collect();
        let both = same_pred.iter().filter(|b| gold[***b] == gold[*a]).count() as f64;
        p += both / same_pred.len() as f64;
        r += both / same_gold.len() as f64;
    }
    let n = items.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r))
}

/// The sample's articles (ids checked) and the gold event of each article id.
fn sample() -> Option<(Vec<chorus_model::Article>, HashMap<String, String>)> {
    let dir = shared("multinews-val")?;
    let ingested = ingest_paths(&[dir.join("articles.jsonl")], &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    assert_eq!(ingested.articles.len(), 690);
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
    for a in &ingested.articles {
        assert!(gold.contains_key(&a.id), "id {} not kept", a.id);
    }
    Some((ingested.articles, gold))
}

/// Article id → index of its event in `report`; an article in no event (cleaning left it no
/// text) is alone, as a group of its own.
fn predicted(report: &chorus_model::Report) -> HashMap<String, usize> {
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

#[test]
fn multinews_articles_ingest_with_ids_and_group_into_events() {
    let Some((articles, gold)) = sample() else {
        return;
    };
    let score = |articles: Vec<chorus_model::Article>| {
        let report = chorus_pipeline::digest(articles, vec![], &Default::default());
        (bcubed(&predicted(&report), &gold), report.events.len())
    };
    // The same articles in reverse and in an interleaved order.
    let mut reversed = articles.clone();
    reversed.reverse();
    let (odd, even): (Vec<_>, Vec<_>) = articles
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 2 == 1);
    let interleaved: Vec<_> = odd.into_iter().chain(even).map(|(_, a)| a).collect();
    let ((p, r, f1), events) = score(articles);
    println!("multinews-val B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3} ({events} events)");
    // The earlier issue's target was 0.90; with shared specifics required (issue 24) the
    // clustering reaches 0.870, P 0.972 (floors in tests/grouping.rs).
    assert!(f1 >= 0.87, "B-cubed F1 {f1:.3} under the floor");
    for (name, order) in [("reversed", reversed), ("interleaved", interleaved)] {
        let ((_, _, f), _) = score(order);
        println!("{name} order: F1 {f:.3}");
        assert!(
            (f - f1).abs() < 0.01,
            "{name} order moves F1 from {f1:.3} to {f:.3}"
        );
    }
}

/// A collection that receives the sample in four ingests (article i in ingest i mod 4, so each
/// brings a share of most events), each starting from the events the one before stored, groups
/// it nearly as well as one batch, and an ingest keeps most events it does not touch as they were.
#[test]
fn multinews_in_four_ingests_groups_nearly_as_well_as_one_batch() {
    let Some((articles, gold)) = sample() else {
        return;
    };
    let config = chorus_pipeline::Config::default();
    let mut previous = chorus_pipeline::Previous::default();
    let mut report = chorus_model::Report::default();
    for k in 1..=4 {
        let upto: Vec<chorus_model::Article> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 < k)
            .map(|(_, a)| a.clone())
            .collect();
        report = chorus_pipeline::digest_reusing(upto, vec![], &config, previous.clone());
        let new: std::collections::HashSet<&str> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 == k - 1)
            .map(|(_, a)| a.id.as_str())
            .collect();
        let now: std::collections::HashSet<Vec<String>> =
            report.events.iter().map(|e| e.articles.clone()).collect();
        // Earlier events that no event holding a new article overlaps: left as they were?
        let reached: std::collections::HashSet<&str> = report
            .events
            .iter()
            .filter(|e| e.articles.iter().any(|a| new.contains(a.as_str())))
            .flat_map(|e| e.articles.iter().map(String::as_str))
            .collect();
        let untouched: Vec<&chorus_model::Event> = previous
            .events
            .iter()
            .filter(|e| !e.articles.iter().any(|a| reached.contains(a.as_str())))
            .collect();
        let stayed = untouched
            .iter()
            .filter(|e| now.contains(&e.articles))
            .count();
        let kept = previous
            .events
            .iter()
            .filter(|e| now.contains(&e.articles))
            .count();
        println!(
            "ingest {k}: {} articles, {} events; {kept} of {} earlier events unchanged, \
             {stayed} of the {} no new article reached",
            report.articles.len(),
            report.events.len(),
            previous.events.len(),
            untouched.len()
        );
        assert!(
            stayed * 10 >= untouched.len() * 9,
            "ingest {k} changed {} of the {} earlier events no new article reached",
            untouched.len() - stayed,
            untouched.len()
        );
        previous = chorus_pipeline::Previous {
            events: report.events.clone(),
            texts: report
                .articles
                .iter()
                .map(|a| (a.id.clone(), a.text.clone()))
                .collect(),
            ..Default::default()
        };
    }
    let (p, r, f1) = bcubed(&predicted(&report), &gold);
    println!("multinews-val in 4 ingests, B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    // One batch reaches 0.870; four ingests 0.851 (events formed before later articles came;
    // 0.883 and 0.870 before events needed shared specifics, issue 24).
    assert!(
        f1 >= 0.85,
        "B-cubed F1 in 4 ingests {f1:.3} under the floor"
    );
}

//! The real Multi-News validation sample (`../shared/data/multinews-val`): every article is
//! read with its id, and mixed articles are grouped back into their events (B-cubed F1 printed,
//! with a floor under the foundation's first grouping).

mod common;

use chorus_testdata::shared;
use common::{bcubed, predicted, read};
use std::collections::HashMap;

/// The sample's articles (ids checked) and the gold event of each article id.
fn sample() -> Option<(Vec<chorus_model::Article>, HashMap<String, String>)> {
    let dir = shared("multinews-val")?;
    let (articles, gold) = read(&dir, &[dir.join("articles.jsonl")]);
    assert_eq!(articles.len(), 690);
    for a in &articles {
        assert!(gold.contains_key(&a.id), "id {} not kept", a.id);
    }
    Some((articles, gold))
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
    // The earlier issue's target was 0.90; with shared specifics required, and enough of the
    // similarity coming from them (issue 24), the clustering reaches F1 0.872 at precision
    // 0.980 (issue 24 asks P 0.96 with F1 0.87).
    assert!(p >= 0.978, "B-cubed precision {p:.3} under the floor");
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
    // One batch reaches 0.872, four ingests 0.875: each ingest counts the terms of the stored
    // articles and its own before computing any vector, so the stored articles are weighed as
    // one batch of all would weigh them (0.851 when they kept the weights of the collection
    // before the ingest; issue 24).
    assert!(
        f1 >= 0.87,
        "B-cubed F1 in 4 ingests {f1:.3} under the floor"
    );
}

//! Feeding a collection in batches costs no grouping quality: `gva-dev` (real dated news over
//! two years) and `multinews-val` (undated) ingested through the intake in 5 and 20 batches
//! score within 0.005 B-cubed F1 of one `digest` of everything; and closing events costs
//! none either: `gva-dev` in batches, in date order as news arrives and shuffled as an archive
//! might be, scores as it does with every event kept open.

use chorus_model::Article;
use std::collections::HashMap;

mod common;

/// B-cubed F1 of the stored events after ingesting `batches` one after the other.
fn ingest_in(
    batches: &[Vec<Article>],
    open_days: Option<u32>,
    gold: &HashMap<String, String>,
) -> (f64, usize) {
    let (_dir, intake) = common::intake_in_temp_store(open_days);
    let mut read = 0;
    for batch in batches {
        intake.store(batch).unwrap();
        read += intake
            .refresh_if_outdated()
            .unwrap()
            .map_or(0, |r| r.articles);
    }
    let events = intake.collection().all_events().unwrap();
    let groups = events.iter().map(|e| e.articles.as_slice());
    (chorus_testdata::bcubed_of_groups(groups, gold).2, read)
}

/// B-cubed F1 of one `digest` of `articles`, as `chorus digest` groups them.
fn digested(articles: &[Article], gold: &HashMap<String, String>) -> f64 {
    let report = chorus_pipeline::digest(
        articles.to_vec(),
        Vec::new(),
        &chorus_pipeline::Config::default(),
    );
    let groups = report.events.iter().map(|e| e.articles.as_slice());
    chorus_testdata::bcubed_of_groups(groups, gold).2
}

fn split(articles: &[Article], parts: usize) -> Vec<Vec<Article>> {
    let size = articles.len().div_ceil(parts);
    articles.chunks(size).map(<[Article]>::to_vec).collect()
}

#[test]
fn gva_dev_in_batches_scores_as_with_every_event_open() {
    let Some(dir) = chorus_testdata::shared("gva-dev") else {
        return;
    };
    let ingested = chorus_ingest::ingest_paths(
        &[dir.join("articles.jsonl")],
        &chorus_ingest::IngestConfig::default(),
    );
    let gold = chorus_testdata::gold_events(&dir.join("events.jsonl"));
    let mut by_date = ingested.articles.clone();
    by_date.sort_by(|a, b| a.published.cmp(&b.published));
    // A fixed shuffle (multiplicative hash of the position).
    let mut shuffled = ingested.articles;
    let n = shuffled.len() as u64;
    let key: Vec<u64> = (0..n)
        .map(|i| (i * 2_654_435_761) % 4_294_967_291)
        .collect();
    let mut order: Vec<usize> = (0..shuffled.len()).collect();
    order.sort_by_key(|&i| key[i]);
    shuffled = order.into_iter().map(|i| shuffled[i].clone()).collect();

    for (name, articles) in [("date order", &by_date), ("shuffled", &shuffled)] {
        let batches = split(articles, 5);
        let (open, read_open) = ingest_in(&batches, None, &gold);
        let (closing, read_closing) = ingest_in(&batches, Some(30), &gold);
        eprintln!(
            "gva-dev, 5 batches in {name}: B3 F1 {closing:.4} closing events after 30 days \
             ({read_closing} articles read by the refreshes), {open:.4} all open ({read_open})"
        );
        assert!(
            closing >= open - 0.005,
            "{name}: {closing:.4} against {open:.4}"
        );
        if name == "date order" {
            assert!(read_closing < read_open, "closed events are not read again");
        }
    }
}

#[test]
fn batches_score_as_one_digest() {
    for set in ["gva-dev", "multinews-val"] {
        // As news arrives.
        let Some((articles, gold)) = common::by_date(set) else {
            return;
        };
        let one = digested(&articles, &gold);
        for parts in [5, 20] {
            let (batched, _) = ingest_in(&split(&articles, parts), None, &gold);
            eprintln!("{set}: B3 F1 {batched:.4} in {parts} batches, {one:.4} in one digest");
            assert!(
                (batched - one).abs() <= 0.005,
                "{set} in {parts} batches: {batched:.4} against {one:.4} in one digest"
            );
        }
    }
}

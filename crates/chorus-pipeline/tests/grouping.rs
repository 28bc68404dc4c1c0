//! Events that never mix two stories, on real data in `../shared/data`: B-cubed precision
//! and F1 of the grouping on `gva-dev` (dated US gun-violence reports, one topic throughout,
//! so only specifics tell incidents apart), with floors at what the grouping reaches (issue
//! 24); `multinews-val`'s precision and F1 floors are in `tests/multinews.rs`.

mod common;

use chorus_model::{Article, Report};
use chorus_testdata::shared;
use common::{bcubed, predicted, read};

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

/// Floors at what the grouping reaches (gva-dev P 0.983 F1 0.926); the targets are
/// P 0.98 and F1 0.94. multinews-val's floors are in `tests/multinews.rs`.
const P_GVA: f64 = 0.98;
const F1_GVA: f64 = 0.92;

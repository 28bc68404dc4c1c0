//! A stored article keeps its cleaned text while its outlet's furniture stays as it was: an
//! incremental refresh with events closed reads only some of an outlet's articles, and what
//! recurs across the others must stay furniture (`Earlier::furniture`), or the articles read
//! again lose it, are placed again and their events rewritten. `gva-dev` ingested in date
//! order in batches, events closing after 30 days: after each refresh, no stored article has
//! lost a line removed as its outlet's furniture, and one whose furniture is unchanged has
//! its cleaned text unchanged.

use chorus_model::{ReportArticle, RECURS_IN_OUTLET};
use chorus_store::Collection;
use std::collections::{BTreeMap, BTreeSet};

mod common;

/// An article's stored cleaned text and the lines removed from it as outlet furniture.
fn snapshot(
    collection: &dyn Collection,
    ids: &[String],
) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let furniture = |a: &ReportArticle| -> BTreeSet<String> {
        a.removed
            .iter()
            .filter(|r| r.reason == RECURS_IN_OUTLET)
            .map(|r| r.text.clone())
            .collect()
    };
    ids.iter()
        .filter_map(|id| collection.clean_article(id).unwrap())
        .map(|a| (a.id.clone(), (a.text.clone(), furniture(&a))))
        .collect()
}

#[test]
fn gva_dev_in_date_order_keeps_stored_cleaned_texts() {
    let Some((articles, _)) = common::by_date("gva-dev") else {
        return;
    };
    let (_store, intake) = common::intake_in_temp_store(Some(30));
    let mut ids: Vec<String> = Vec::new();
    let mut before = BTreeMap::new();
    let (mut changed, mut gained, mut lost) = (0, 0, Vec::new());
    for batch in articles.chunks(articles.len().div_ceil(20)) {
        intake.store(batch).unwrap();
        intake.refresh_if_outdated().unwrap();
        let after = snapshot(intake.collection(), &ids);
        for (id, (text, furniture)) in &after {
            let Some((was, had)) = before.get(id) else {
                continue;
            };
            if text != was {
                changed += 1;
            }
            if furniture != had {
                gained += 1;
            }
            if !had.is_subset(furniture) {
                lost.push(id.clone());
            }
            assert!(
                furniture != had || text == was,
                "{id}: cleaned text changed with its outlet's furniture unchanged"
            );
        }
        ids.extend(batch.iter().map(|a| a.id.clone()));
        before = snapshot(intake.collection(), &ids);
    }
    eprintln!(
        "gva-dev, 20 batches in date order, closing after 30 days: {changed} stored cleaned \
         texts changed, {gained} with more outlet furniture, {} lost some",
        lost.len()
    );
    assert!(
        lost.is_empty(),
        "stored articles lost outlet furniture: {lost:?}"
    );
}

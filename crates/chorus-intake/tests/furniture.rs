//! An outlet's furniture is decided from the stored lines of all of its articles: a collection
//! fed in batches, its refreshes reading only the open events, cleans every article as one
//! digest of everything cleans it, and a line a new article makes furniture is removed again
//! from the stored articles holding it, closed events or not.

use chorus_model::{Article, RECURS_IN_OUTLET};
use chorus_store::Collection;

mod common;

/// The stored articles whose cleaned text differs from one digest's of `articles`.
fn unlike_a_digest(collection: &dyn Collection, articles: &[Article]) -> Vec<String> {
    let report = chorus_pipeline::digest(
        articles.to_vec(),
        Vec::new(),
        &chorus_pipeline::Config::default(),
    );
    report
        .articles
        .iter()
        .filter(|a| {
            let stored = collection.clean_article(&a.id).unwrap();
            stored.is_none_or(|s| s.text != a.text)
        })
        .map(|a| a.id.clone())
        .collect()
}

fn dated(id: &str, source: &str, day: &str, body: &str) -> Article {
    let mut a = Article::new(id, source, body);
    a.published = Some(format!("2024-{day}T12:00:00Z"));
    a
}

#[test]
fn a_line_a_new_article_makes_furniture_leaves_the_stored_articles_of_closed_events() {
    let line = "Tide tables are printed on page two.";
    let first = dated(
        "ferry",
        "Harbour Ledger",
        "01-05",
        &format!(
            "The ferry Quillon returned to Tessaly harbour after a refit at the Vornholt \
             yard.\n\nCaptain Ysolde Brackwater thanked the crew.\n\n{line}"
        ),
    );
    let later = dated(
        "bridge",
        "Valley Courier",
        "03-01",
        "The Ostrand bridge reopened to traffic on Friday after repairs to its deck.\n\n\
         Engineers from Carrow County inspected the bearings.",
    );
    let again = dated(
        "mayor",
        "Harbour Ledger",
        "03-02",
        &format!(
            "Mayor Odile Pemberton opened the new Tessaly library on Saturday.\n\n\
             The library holds forty thousand books.\n\n{line}"
        ),
    );
    let (_dir, intake) = common::intake_in_temp_store(Some(30));
    for batch in [&first, &later, &again] {
        intake.store(std::slice::from_ref(batch)).unwrap();
        intake.refresh_if_outdated().unwrap();
    }
    let collection = intake.collection();
    for id in ["ferry", "mayor"] {
        let stored = collection.clean_article(id).unwrap().unwrap();
        assert!(!stored.text.contains(line), "{id}: {}", stored.text);
        assert!(
            stored.removed.iter().any(|r| r.reason == RECURS_IN_OUTLET),
            "{id}"
        );
    }
    let all = [first, later, again];
    assert!(unlike_a_digest(collection, &all).is_empty());
}

#[test]
fn gva_dev_in_batches_is_cleaned_as_in_one_digest() {
    let Some((articles, _)) = common::by_date("gva-dev") else {
        return;
    };
    for parts in [1, 5, 20] {
        let (_dir, intake) = common::intake_in_temp_store(Some(30));
        for batch in articles.chunks(articles.len().div_ceil(parts)) {
            intake.store(batch).unwrap();
            intake.refresh_if_outdated().unwrap();
        }
        let unlike = unlike_a_digest(intake.collection(), &articles);
        eprintln!(
            "gva-dev, {parts} batches in date order, closing after 30 days: {} of {} stored \
             cleaned texts unlike one digest's",
            unlike.len(),
            articles.len()
        );
        assert!(unlike.is_empty(), "{parts} batches: {unlike:?}");
    }
}

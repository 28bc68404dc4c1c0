//! Recomputing a report with an earlier one at hand: events whose articles and texts did not
//! change keep their earlier account; an event with a changed or added article is recomputed.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Article, Report};
use chorus_pipeline::{digest, digest_reusing, Grouping, Previous};
use std::path::Path;

/// The example corpus's articles.
fn corpus() -> Vec<Article> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    ingest_paths(&[corpus], &IngestConfig::default()).articles
}

/// `report` as the earlier report: its cleaned texts and events, every title marked "KEPT "
/// so that kept accounts can be told from recomputed ones, and every member's similarity set
/// to 0.5 and the shared terms to "kept" so that kept why-together can be told too.
fn marked(report: &Report) -> Previous {
    let mut previous = Previous::default();
    for a in &report.articles {
        previous.texts.insert(a.id.clone(), a.text.clone());
    }
    for e in &report.events {
        let mut e = e.clone();
        e.title = format!("KEPT {}", e.title);
        e.shared_terms = vec!["kept".into()];
        for m in &mut e.members {
            m.similarity = 0.5;
        }
        previous.events.push(e);
    }
    previous
}

/// Whether an event's why-together is the marked earlier one (see [`marked`]).
fn why_kept(e: &chorus_model::Event) -> bool {
    e.shared_terms == ["kept"] && e.members.iter().all(|m| m.similarity == 0.5)
}

/// The article sets of the events of `report`, each sorted, in sorted order.
fn sets(report: &Report) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = report
        .events
        .iter()
        .map(|e| {
            let mut a = e.articles.clone();
            a.sort();
            a
        })
        .collect();
    v.sort();
    v
}

#[test]
fn unchanged_events_are_kept_and_touched_ones_recomputed() {
    let articles = corpus();
    let config = Default::default();
    let first = digest(articles.clone(), vec![], &config);
    assert!(first.events.len() >= 3);
    let previous = marked(&first);
    let same = digest_reusing(articles.clone(), vec![], &config, previous.clone());
    assert_eq!(same.events.len(), first.events.len());
    assert!(same.events.iter().all(|e| e.title.starts_with("KEPT ")));

    // Change one article's text: its event is recomputed, the others are kept.
    let mut changed = articles.clone();
    let target = first.events[0].articles[0].clone();
    let a = changed.iter_mut().find(|a| a.id == target).unwrap();
    a.body
        .push_str("\n\nA late paragraph added to the story on Tuesday evening.\n");
    let after = digest_reusing(changed, vec![], &config, previous);
    let touched = after
        .events
        .iter()
        .find(|e| e.articles.contains(&target))
        .unwrap();
    assert!(!touched.title.starts_with("KEPT "), "{}", touched.title);
    assert!(after
        .events
        .iter()
        .filter(|e| !e.articles.contains(&target))
        .all(|e| e.title.starts_with("KEPT ")));
    // Kept events still carry fresh ids and membership details.
    assert!(after.events.iter().all(|e| !e.id.is_empty()));
    assert!(after
        .events
        .iter()
        .all(|e| e.members.len() == e.articles.len()));
}

/// An ingest that brings one more article: the stored events are restored as the grouping,
/// the article joins its story, and the events it does not touch are kept whole (account
/// and why-together included); regrouping from scratch gives the same events here, keeps
/// the accounts and refreshes the why-together.
#[test]
fn a_new_article_joins_the_stored_events_and_leaves_the_others_alone() {
    let articles = corpus();
    let config = Default::default();
    let whole = digest(articles.clone(), vec![], &config);
    // The last article of the largest event arrives later.
    let late = whole.events[0].articles.last().unwrap().clone();
    let before: Vec<_> = articles.iter().filter(|a| a.id != late).cloned().collect();
    let first = digest(before, vec![], &config);
    let mut previous = marked(&first);
    let after = digest_reusing(articles.clone(), vec![], &config, previous.clone());
    assert_eq!(sets(&after), sets(&whole));
    let joined = after
        .events
        .iter()
        .find(|e| e.articles.contains(&late))
        .unwrap();
    assert!(joined.articles.len() > 1);
    assert!(!joined.title.starts_with("KEPT "));
    assert!(!why_kept(joined));
    let others: Vec<_> = after
        .events
        .iter()
        .filter(|e| !e.articles.contains(&late))
        .collect();
    assert!(!others.is_empty());
    assert!(others
        .iter()
        .all(|e| e.title.starts_with("KEPT ") && why_kept(e)));
    // Regrouping from scratch reuses accounts the same way and groups as digest does, with
    // why-together found anew.
    previous.grouping = Grouping::Regroup;
    let regrouped = digest_reusing(articles, vec![], &config, previous);
    assert_eq!(sets(&regrouped), sets(&whole));
    let others: Vec<_> = regrouped
        .events
        .iter()
        .filter(|e| !e.articles.contains(&late))
        .collect();
    assert!(others
        .iter()
        .all(|e| e.title.starts_with("KEPT ") && !why_kept(e)));
}

/// A stored grouping is kept even where grouping from scratch would split it: that is what
/// restoring means, and what `Grouping::Regroup` undoes.
#[test]
fn stored_events_are_the_grouping_until_regrouped() {
    let articles = corpus();
    let config = Default::default();
    let whole = digest(articles.clone(), vec![], &config);
    assert!(whole.events.len() >= 2);
    // An earlier run (say, with other settings) had put the two largest stories together.
    let mut merged = whole.events[0].clone();
    merged
        .articles
        .extend(whole.events[1].articles.iter().cloned());
    let mut previous = marked(&whole);
    previous.events.drain(..2);
    previous.events.insert(0, merged.clone());
    let kept = digest_reusing(articles.clone(), vec![], &config, previous.clone());
    assert_eq!(kept.events.len(), whole.events.len() - 1);
    let mut ids = kept.events[0].articles.clone();
    ids.sort();
    let mut want = merged.articles.clone();
    want.sort();
    assert_eq!(ids, want);
    previous.grouping = Grouping::Regroup;
    let regrouped = digest_reusing(articles, vec![], &config, previous);
    assert_eq!(regrouped.events.len(), whole.events.len());
}

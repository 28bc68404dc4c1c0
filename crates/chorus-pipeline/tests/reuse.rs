//! Recomputing a report with an earlier one at hand: events whose articles and texts did not
//! change keep their earlier account; an event with a changed or added article is recomputed.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_pipeline::{digest, digest_reusing, Previous};
use std::path::Path;

#[test]
fn unchanged_events_are_kept_and_touched_ones_recomputed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let articles = ingest_paths(&[corpus], &IngestConfig::default()).articles;
    let config = Default::default();
    let first = digest(articles.clone(), vec![], &config);
    assert!(first.events.len() >= 3);
    // Mark every earlier account so that kept ones can be told from recomputed ones.
    let mut previous = Previous::default();
    for a in &first.articles {
        previous.texts.insert(a.id.clone(), a.text.clone());
    }
    for e in &first.events {
        let mut e = e.clone();
        e.title = format!("KEPT {}", e.title);
        previous.events.push(e);
    }
    let same = digest_reusing(articles.clone(), vec![], &config, &previous);
    assert_eq!(same.events.len(), first.events.len());
    assert!(same.events.iter().all(|e| e.title.starts_with("KEPT ")));

    // Change one article's text: its event is recomputed, the others are kept.
    let mut changed = articles.clone();
    let target = first.events[0].articles[0].clone();
    let a = changed.iter_mut().find(|a| a.id == target).unwrap();
    a.body
        .push_str("\n\nA late paragraph added to the story on Tuesday evening.\n");
    let after = digest_reusing(changed, vec![], &config, &previous);
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

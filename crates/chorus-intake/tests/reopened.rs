//! A small ingest does not tear apart the stored events it reopens: `gva-dev` (real dated news
//! over two years) stored in date order, then its last 1% ingested with events closing 30 (or
//! 365) days behind the newest article, keeps the stored articles' gold pairs together as well
//! as the same ingest with every event open does. The refresh then reads only the open events and those
//! the new articles reopen, a small part of the collection; what the new articles bring no
//! evidence against must not come apart because the rest was not read.

use chorus_intake::Intake;
use chorus_model::Article;
use std::collections::{HashMap, HashSet};

mod common;

/// Pairs of `stored` articles of one gold event that one stored event holds.
fn gold_pairs_together(
    intake: &Intake,
    stored: &HashSet<&str>,
    gold: &HashMap<String, String>,
) -> usize {
    let events = intake.collection().all_events().unwrap();
    events
        .iter()
        .map(|e| {
            let mut per_gold: HashMap<&str, usize> = HashMap::new();
            for id in e.articles.iter().filter(|id| stored.contains(id.as_str())) {
                if let Some(g) = gold.get(id) {
                    *per_gold.entry(g).or_default() += 1;
                }
            }
            per_gold.values().map(|n| n * (n - 1) / 2).sum::<usize>()
        })
        .sum()
}

/// The stored articles' gold pairs held together after storing `stored`, then after
/// ingesting `last` with events closing `open_days` behind the newest article.
fn pairs_before_and_after(
    stored: &[Article],
    last: &[Article],
    open_days: Option<u32>,
    gold: &HashMap<String, String>,
) -> (usize, usize) {
    let (_dir, intake) = common::intake_in_temp_store(open_days);
    let ids: HashSet<&str> = stored.iter().map(|a| a.id.as_str()).collect();
    intake.store(stored).unwrap();
    intake.refresh_if_outdated().unwrap();
    let before = gold_pairs_together(&intake, &ids, gold);
    intake.store(last).unwrap();
    intake.refresh_if_outdated().unwrap();
    (before, gold_pairs_together(&intake, &ids, gold))
}

#[test]
fn a_small_ingest_keeps_the_stored_events_it_reopens() {
    let Some((articles, gold)) = common::by_date("gva-dev") else {
        return;
    };
    let (stored, last) = articles.split_at(articles.len() - articles.len() / 100);
    let lost = |open_days| {
        let (before, after) = pairs_before_and_after(stored, last, open_days, &gold);
        eprintln!(
            "gva-dev stored in date order, last {} ingested, open days {open_days:?}: \
             stored articles' gold pairs together {before} -> {after}",
            last.len()
        );
        before.saturating_sub(after)
    };
    let open = lost(None);
    for days in [30, 365] {
        let closing = lost(Some(days));
        assert!(
            closing <= open,
            "closing events after {days} days loses {closing} stored gold pairs, \
             every event open {open}"
        );
    }
}

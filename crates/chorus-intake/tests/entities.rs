//! The collection's entity list as the store keeps it through refreshes equals the one
//! `group_collection` makes from every stored event's entities at once: same names, kinds,
//! events, mentions, names and sources. Checked after every refresh of real dated news
//! (`../shared/data/gva-dev`, in date order) fed in batches, with every event kept open and
//! with events closing 30 days behind the newest article (then a refresh's report holds only
//! the open events, and the closed ones' entities are read beside it), so that events grow,
//! split, change id and close as they do in a collection. A store that keeps the entity list
//! by deltas must pass it too.

use chorus_model::{Article, Entity};
use chorus_store::{Collection, EntitySummary};
use std::collections::BTreeSet;

mod common;

/// An entity as compared: name, kind, its events, mentions, its names, its sources (as sets:
/// what is compared is the grouping, not the order of a listing).
type Compared = (
    String,
    String,
    BTreeSet<String>,
    usize,
    BTreeSet<String>,
    BTreeSet<String>,
);

fn compared(e: &EntitySummary) -> Compared {
    let mut names: BTreeSet<String> = e.aliases.iter().cloned().collect();
    names.insert(e.name.clone());
    (
        e.name.clone(),
        e.kind.as_str().to_string(),
        e.events.iter().cloned().collect(),
        e.mentions,
        names,
        e.sources.iter().cloned().collect(),
    )
}

/// `group_collection` over every stored event's entities, in the order events are listed.
fn all_at_once(store: &dyn Collection) -> BTreeSet<Compared> {
    let events = store.all_events().unwrap();
    let listed: Vec<(&str, &Entity)> = events
        .iter()
        .flat_map(|e| e.entities.iter().map(move |x| (e.id.as_str(), x)))
        .collect();
    chorus_entities::group_collection(&listed)
        .into_iter()
        .map(|g| {
            let kind = g.kind.as_str().to_string();
            let mut c: Compared = (
                g.name,
                kind,
                BTreeSet::new(),
                0,
                BTreeSet::new(),
                BTreeSet::new(),
            );
            for &m in &g.members {
                let (event, e) = listed[m];
                c.2.insert(event.to_string());
                c.3 += e.mentions;
                c.4.insert(e.name.clone());
                c.4.extend(e.aliases.iter().cloned());
                c.5.extend(e.sources.iter().cloned());
            }
            c.4.insert(c.0.clone());
            c
        })
        .collect()
}

fn feed_in_batches(articles: &[Article], batches: usize, open_days: Option<u32>) {
    let (_dir, intake) = common::intake_in_temp_store(open_days);
    for (k, batch) in articles
        .chunks(articles.len().div_ceil(batches))
        .enumerate()
    {
        intake.store(batch).unwrap();
        intake.refresh_if_outdated().unwrap();
        let stored = intake.collection().entities().unwrap();
        let kept: BTreeSet<Compared> = stored.iter().map(compared).collect();
        let want = all_at_once(intake.collection());
        let only_kept: Vec<_> = kept.difference(&want).take(3).collect();
        let only_want: Vec<_> = want.difference(&kept).take(3).collect();
        assert!(
            only_kept.is_empty() && only_want.is_empty(),
            "batch {k}, open days {open_days:?}: kept only {only_kept:?}\n\
             all at once only {only_want:?}"
        );
        let ids: BTreeSet<&str> = stored.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), stored.len(), "batch {k}: entity ids are unique");
    }
}

#[test]
fn refreshes_keep_the_entities_of_all_at_once() {
    let Some((mut articles, _)) = common::by_date("gva-dev") else {
        return;
    };
    articles.truncate(600);
    feed_in_batches(&articles, 6, None);
    feed_in_batches(&articles, 6, Some(30));
}

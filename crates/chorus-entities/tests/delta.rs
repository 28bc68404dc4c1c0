//! The entity list kept by deltas equals the one `group_collection` makes from every event's
//! entities at once (same groups, names, kinds and members), after each of a sequence of
//! changes: on real news (`multinews-val` and `gva-dev`, each event's articles arriving over
//! five batches, so events grow and their entities change, and some events change id), and
//! on generated events built from names that exercise every joining rule.
//!
//! `cargo test --release -p chorus-entities --test delta -- --nocapture` prints, per batch,
//! how many stored members the delta read against how many there are.

use chorus_entities::{group_collection, regroup, Member, NewGroup, Regrouped, StoredGroups};
use chorus_model::{CleanArticle, Entity, EntityKind};
mod common;

use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;

/// Stored groups in memory, as a store keeps them: each group with its members, and an index
/// from each join token to the groups holding it.
#[derive(Default)]
struct Memory {
    groups: BTreeMap<u64, NewGroup>,
    by_token: HashMap<String, BTreeSet<u64>>,
    next: u64,
    /// Members read by the last delta.
    read: usize,
}

impl StoredGroups for Memory {
    type Id = u64;
    type Error = Infallible;

    fn with_token(&mut self, token: &str) -> Result<Vec<u64>, Infallible> {
        Ok(self
            .by_token
            .get(token)
            .map_or_else(Vec::new, |ids| ids.iter().copied().collect()))
    }

    fn members(&mut self, group: &u64) -> Result<Vec<Member>, Infallible> {
        let members = self.groups[group].members.clone();
        self.read += members.len();
        Ok(members)
    }
}

impl Memory {
    fn apply(&mut self, delta: Regrouped<u64>) {
        for id in delta.taken_apart {
            let gone = self.groups.remove(&id).expect("a stored group");
            for t in &gone.tokens {
                let ids = self.by_token.get_mut(t).expect("an indexed token");
                ids.remove(&id);
                if ids.is_empty() {
                    self.by_token.remove(t);
                }
            }
        }
        for g in delta.groups {
            let id = self.next;
            self.next += 1;
            for t in &g.tokens {
                self.by_token.entry(t.clone()).or_default().insert(id);
            }
            self.groups.insert(id, g);
        }
    }

    fn members_stored(&self) -> usize {
        self.groups.values().map(|g| g.members.len()).sum()
    }
}

/// Each event's rank in the listing and its entities.
type Events = BTreeMap<String, (u64, Vec<Entity>)>;

fn members_of(event: &str, rank: u64, entities: &[Entity]) -> Vec<Member> {
    entities
        .iter()
        .enumerate()
        .map(|(position, e)| Member {
            event: event.to_string(),
            position,
            order: rank * 100_000 + position as u64,
            entity: e.clone(),
        })
        .collect()
}

/// The members of events in `from` that are not in `to` as they are there.
fn changed(from: &Events, to: &Events) -> Vec<Member> {
    from.iter()
        .filter(|(id, (_, es))| to.get(*id).is_none_or(|(_, now)| now != es))
        .flat_map(|(id, (rank, es))| members_of(id, *rank, es))
        .collect()
}

/// A group as compared: name, kind and its members as (event, position), sorted.
type Canonical = BTreeSet<(String, &'static str, Vec<(String, usize)>)>;

fn canonical(
    groups: impl Iterator<Item = (String, EntityKind, Vec<(String, usize)>)>,
) -> Canonical {
    groups
        .map(|(name, kind, mut members)| {
            members.sort();
            (name, kind.as_str(), members)
        })
        .collect()
}

/// `group_collection` over every event's entities in listing order.
fn full(events: &Events) -> Canonical {
    let mut listed: Vec<(u64, &str, usize, &Entity)> = events
        .iter()
        .flat_map(|(id, (rank, es))| {
            es.iter()
                .enumerate()
                .map(move |(p, e)| (*rank, id.as_str(), p, e))
        })
        .collect();
    listed.sort_by_key(|(rank, id, p, _)| (*rank, *id, *p));
    let refs: Vec<(&str, &Entity)> = listed.iter().map(|(_, id, _, e)| (*id, *e)).collect();
    canonical(group_collection(&refs).into_iter().map(|g| {
        let members = g
            .members
            .iter()
            .map(|&m| (listed[m].1.to_string(), listed[m].2))
            .collect();
        (g.name, g.kind, members)
    }))
}

fn kept(memory: &Memory) -> Canonical {
    canonical(memory.groups.values().map(|g| {
        let members = g
            .members
            .iter()
            .map(|m| (m.event.clone(), m.position))
            .collect();
        (g.name.clone(), g.kind, members)
    }))
}

/// Brings `memory` from `before` to `after` by a delta; the members it read.
fn step(memory: &mut Memory, before: &Events, after: &Events) -> usize {
    let removed = changed(before, after);
    let added = changed(after, before);
    memory.read = 0;
    let Ok(delta) = regroup(memory, &removed, &added);
    memory.apply(delta);
    memory.read
}

/// The first difference between two entity lists, for the failure message.
fn difference(kept: &Canonical, full: &Canonical) -> String {
    let only_kept: Vec<_> = kept.difference(full).take(3).collect();
    let only_full: Vec<_> = full.difference(kept).take(3).collect();
    format!("kept by deltas only: {only_kept:?}\nfrom all at once only: {only_full:?}")
}

/// Each event's cleaned articles, in the order `events.jsonl` lists events.
fn cleaned_events(set: &str) -> Option<Vec<(String, Vec<CleanArticle>)>> {
    let events = common::event_articles(set)?;
    Some(
        events
            .into_iter()
            .map(|(event, articles)| (event, chorus_clean::clean(articles, &Default::default())))
            .collect(),
    )
}

const BATCHES: usize = 5;

/// The events after batch `batch`: event `i`'s article `j` arrives in batch `(i + j) % 5`,
/// and every seventh event is known under another id from batch 3 on (an event id changes
/// when a story is regrouped).
fn events_after(cleaned: &[(String, Vec<CleanArticle>)], batch: usize) -> Events {
    let mut events = Events::new();
    for (i, (id, articles)) in cleaned.iter().enumerate() {
        let arrived: Vec<&CleanArticle> = articles
            .iter()
            .enumerate()
            .filter(|(j, _)| (i + j) % BATCHES <= batch)
            .map(|(_, a)| a)
            .collect();
        if arrived.is_empty() {
            continue;
        }
        let id = if i % 7 == 0 && batch >= 3 {
            format!("{id}-b")
        } else {
            id.clone()
        };
        let entities = chorus_entities::resolve(&arrived, &Default::default()).entities;
        events.insert(id, (i as u64, entities));
    }
    events
}

fn batches_equal_all_at_once(set: &str) {
    let Some(cleaned) = cleaned_events(set) else {
        return;
    };
    let mut memory = Memory::default();
    let mut before = Events::new();
    for batch in 0..BATCHES {
        let after = events_after(&cleaned, batch);
        let read = step(&mut memory, &before, &after);
        let (kept, full) = (kept(&memory), full(&after));
        println!(
            "{set} batch {batch}: {} events, {} entities stored in {} groups; the delta read {read}",
            after.len(),
            memory.members_stored(),
            kept.len()
        );
        assert!(
            kept == full,
            "{set} batch {batch}:\n{}",
            difference(&kept, &full)
        );
        before = after;
    }
    // One event in a hundred computed again under a new id, as a small ingest does.
    let mut after = before.clone();
    for (i, (id, _)) in cleaned.iter().enumerate().filter(|(i, _)| i % 100 == 0) {
        let old = if i % 7 == 0 {
            format!("{id}-b")
        } else {
            id.clone()
        };
        if let Some(event) = after.remove(&old) {
            after.insert(format!("{id}-c"), event);
        }
    }
    let read = step(&mut memory, &before, &after);
    let (kept, full) = (kept(&memory), full(&after));
    println!(
        "{set} one event in a hundred under a new id: the delta read {read} of {} entities",
        memory.members_stored()
    );
    assert!(
        kept == full,
        "{set} last step:\n{}",
        difference(&kept, &full)
    );
}

#[test]
fn multinews_in_five_batches_equals_all_at_once() {
    batches_equal_all_at_once("multinews-val");
}

#[test]
fn gva_dev_in_five_batches_equals_all_at_once() {
    batches_equal_all_at_once("gva-dev");
}

/// Names that exercise every rule of `group_collection`: one gazetteer entry under several
/// names, name keys with honorifics, acronyms given to one or two entities, first and last
/// names with middle parts, designators, and surnames borne by several people.
const NAMES: &[(&str, EntityKind, &[&str])] = &[
    ("Donald Trump", EntityKind::Person, &["Trump", "Mr. Trump"]),
    ("Donald J. Trump", EntityKind::Person, &["Trump"]),
    ("Trump", EntityKind::Person, &[]),
    ("Trump", EntityKind::Other, &[]),
    ("Melania Trump", EntityKind::Person, &["Trump"]),
    ("Top Trump", EntityKind::Person, &[]),
    ("Hillary Clinton", EntityKind::Person, &["Clinton"]),
    ("Bill Clinton", EntityKind::Person, &["Clinton"]),
    ("Clinton", EntityKind::Person, &[]),
    ("Clinton", EntityKind::Place, &[]),
    ("United States", EntityKind::Place, &["U.S."]),
    ("U.S.", EntityKind::Place, &["USA"]),
    ("America", EntityKind::Place, &[]),
    ("United State", EntityKind::Place, &["U.S.", "America"]),
    ("Washington", EntityKind::Place, &[]),
    ("Washington County", EntityKind::Place, &["Washington"]),
    ("Broward County", EntityKind::Place, &[]),
    ("Broward", EntityKind::Place, &[]),
    ("Broward", EntityKind::Other, &[]),
    ("Reuters Ltd", EntityKind::Organisation, &["Reuters"]),
    ("Reuters", EntityKind::Organisation, &[]),
    ("Port Workers Union", EntityKind::Organisation, &["PWU"]),
    ("PWU", EntityKind::Organisation, &[]),
    ("Road Safety Institute", EntityKind::Organisation, &["RSI"]),
    (
        "Regional Structures Inspectorate",
        EntityKind::Organisation,
        &["RSI"],
    ),
    ("RSI", EntityKind::Organisation, &[]),
    ("White House", EntityKind::Organisation, &[]),
    ("White House", EntityKind::Other, &[]),
    ("Jordan", EntityKind::Person, &[]),
    ("Jordan", EntityKind::Place, &[]),
    // An untyped name that joins a person and gives an acronym: the acronym's organisation
    // joins it only once the person is gone, through a token the person does not have.
    ("Jordan", EntityKind::Other, &["JRD"]),
    ("JRD", EntityKind::Organisation, &[]),
    ("George Bush", EntityKind::Person, &[]),
    ("George W. Bush", EntityKind::Person, &[]),
    ("George H. W. Bush", EntityKind::Person, &[]),
    ("Jane Okafor", EntityKind::Person, &["Okafor"]),
    ("Okafor", EntityKind::Person, &[]),
    ("Peter Okafor", EntityKind::Person, &[]),
    ("Executive Jane Okafor", EntityKind::Person, &[]),
];

fn entity(pick: usize, mentions: usize) -> Entity {
    let (name, kind, aliases) = NAMES[pick % NAMES.len()];
    Entity {
        name: name.to_string(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        sources: vec!["outlet".to_string()],
    }
}

/// An event's entities: distinct names, each with its mentions.
fn generated_event() -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::btree_map(0..NAMES.len(), 1..4usize, 1..5)
        .prop_map(|picked| picked.into_iter().map(|(p, m)| entity(p, m)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Changes one at a time: an event set (new, or its entities replaced) or removed.
    #[test]
    fn generated_changes_equal_all_at_once(
        changes in prop::collection::vec((0..12u64, prop::option::weighted(0.8, generated_event())), 1..25)
    ) {
        let mut memory = Memory::default();
        let mut before = Events::new();
        for (event, entities) in changes {
            let mut after = before.clone();
            let id = format!("e{event}");
            match entities {
                Some(es) => { after.insert(id, (event, es)); }
                None => { after.remove(&id); }
            }
            step(&mut memory, &before, &after);
            let (kept, full) = (kept(&memory), full(&after));
            prop_assert!(kept == full, "{}", difference(&kept, &full));
            before = after;
        }
    }
}

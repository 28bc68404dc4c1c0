//! The collection's entity list changed by what changed: when some events' entities change,
//! only the stored groups (collection entities) those entities can reach through a join token
//! ([`join_tokens`]) are taken apart and grouped again with them by [`group_collection`],
//! instead of grouping every event's entities.
//!
//! A group reached this way may come out of the regrouping other than it went in: it lost a
//! member, split, or was merged with another stored group. Then its remaining members may
//! now join (or no longer block) groups that share a token with them and not with the change,
//! so those are taken apart as well, and so on until every group taken apart comes out whole
//! (its members, plus only added ones). A group that merely gains an added entity is not
//! followed further: gaining members only makes a group less compatible with others (more
//! kinds, more gazetteer entries), and whatever the added entity itself can reach is reached
//! through its own tokens. The tests compare the result with [`group_collection`] over every
//! event's entities at once (`tests/delta.rs`).

use crate::collection::{group_collection, join_tokens, CollectionGroup};
use chorus_model::{Entity, EntityKind};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One event's entity as a member of the collection's entity list.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub event: String,
    /// Its place in its event's entity list: with `event`, what identifies it.
    pub position: usize,
    /// Its place in the listing the grouping reads (events in their order, each event's
    /// entities in theirs): members are grouped in this order, as [`group_collection`]
    /// groups the whole listing.
    pub order: u64,
    pub entity: Entity,
}

/// The stored groups the delta reads: which hold a token, and what their members are.
pub trait StoredGroups {
    type Id: Clone + Ord;
    type Error;
    /// The stored groups one of whose members has `token`.
    fn with_token(&mut self, token: &str) -> Result<Vec<Self::Id>, Self::Error>;
    /// A stored group's members.
    fn members(&mut self, group: &Self::Id) -> Result<Vec<Member>, Self::Error>;
}

/// A group made by the delta.
#[derive(Debug, Clone, PartialEq)]
pub struct NewGroup {
    pub name: String,
    pub kind: EntityKind,
    /// In listing order.
    pub members: Vec<Member>,
    /// Its members' join tokens, sorted, each once: what a later delta finds it by.
    pub tokens: Vec<String>,
}

/// What a change does to the stored groups: `taken_apart` are replaced by `groups`.
#[derive(Debug, Clone)]
pub struct Regrouped<Id> {
    pub taken_apart: Vec<Id>,
    pub groups: Vec<NewGroup>,
}

/// The groups that replace those `removed` and `added` reach (see the module notes).
/// `removed` are stored members (of events gone or changed), `added` new ones; a member both
/// removed and added unchanged is no change.
pub fn regroup<S: StoredGroups>(
    stored: &mut S,
    removed: &[Member],
    added: &[Member],
) -> Result<Regrouped<S::Id>, S::Error> {
    let (removed, added) = without_unchanged(removed, added);
    let gone: HashSet<(&str, usize)> = removed
        .iter()
        .map(|m| (m.event.as_str(), m.position))
        .collect();
    let mut looked_up: HashSet<String> = HashSet::new();
    let mut taken: BTreeMap<S::Id, Vec<Member>> = BTreeMap::new();
    let mut tokens: Vec<String> = removed
        .iter()
        .chain(&added)
        .flat_map(|m| join_tokens(&m.entity))
        .collect();
    loop {
        for t in tokens.drain(..) {
            if looked_up.contains(&t) {
                continue;
            }
            for id in stored.with_token(&t)? {
                if let std::collections::btree_map::Entry::Vacant(slot) = taken.entry(id) {
                    let members = stored.members(slot.key())?;
                    slot.insert(members);
                }
            }
            looked_up.insert(t);
        }
        let pool = Pool::new(&taken, &gone, &added);
        let groups = group_collection(&pool.listed());
        tokens = pool.broken(&taken, &groups);
        tokens.retain(|t| !looked_up.contains(t));
        if tokens.is_empty() {
            let groups = groups.into_iter().map(|g| pool.made(g)).collect();
            return Ok(Regrouped {
                taken_apart: taken.into_keys().collect(),
                groups,
            });
        }
    }
}

/// The members grouped again: the taken groups' that remain and the added ones, in listing
/// order, each with the taken group it came from (`None`: added).
struct Pool<'a> {
    members: Vec<(&'a Member, Option<usize>)>,
}

impl<'a> Pool<'a> {
    fn new<Id>(
        taken: &'a BTreeMap<Id, Vec<Member>>,
        gone: &HashSet<(&str, usize)>,
        added: &[&'a Member],
    ) -> Self {
        let mut members: Vec<(&Member, Option<usize>)> = taken
            .values()
            .enumerate()
            .flat_map(|(g, ms)| ms.iter().map(move |m| (m, Some(g))))
            .filter(|(m, _)| !gone.contains(&(m.event.as_str(), m.position)))
            .chain(added.iter().map(|m| (*m, None)))
            .collect();
        members.sort_by(|(a, _), (b, _)| {
            (a.order, &a.event, a.position).cmp(&(b.order, &b.event, b.position))
        });
        Pool { members }
    }

    fn listed(&self) -> Vec<(&'a str, &'a Entity)> {
        self.members
            .iter()
            .map(|(m, _)| (m.event.as_str(), &m.entity))
            .collect()
    }

    /// The join tokens of the members of each taken group that did not come out whole: it
    /// lost a member, or its members are not one group of their own and added ones.
    fn broken<Id>(
        &self,
        taken: &BTreeMap<Id, Vec<Member>>,
        groups: &[CollectionGroup],
    ) -> Vec<String> {
        let mut group_of = vec![0; self.members.len()];
        for (g, group) in groups.iter().enumerate() {
            for &m in &group.members {
                group_of[m] = g;
            }
        }
        // Per taken group: its members here, and the groups they are in.
        let mut kept = vec![0; taken.len()];
        let mut into: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); taken.len()];
        for (i, (_, origin)) in self.members.iter().enumerate() {
            if let Some(o) = origin {
                kept[*o] += 1;
                into[*o].insert(group_of[i]);
            }
        }
        let mut out = Vec::new();
        for (o, members) in taken.values().enumerate() {
            let whole = kept[o] == members.len()
                && into[o].len() == 1
                && into[o].iter().all(|&g| {
                    // Beside its own members only added ones: not merged with another.
                    groups[g]
                        .members
                        .iter()
                        .all(|&m| self.members[m].1.is_none_or(|x| x == o))
                });
            if !whole {
                out.extend(
                    self.members
                        .iter()
                        .filter(|(_, origin)| *origin == Some(o))
                        .flat_map(|(m, _)| join_tokens(&m.entity)),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn made(&self, group: CollectionGroup) -> NewGroup {
        let members: Vec<Member> = group
            .members
            .iter()
            .map(|&i| self.members[i].0.clone())
            .collect();
        let mut tokens: Vec<String> = members
            .iter()
            .flat_map(|m| join_tokens(&m.entity))
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        NewGroup {
            name: group.name,
            kind: group.kind,
            members,
            tokens,
        }
    }
}

/// `removed` and `added` without the members in both unchanged.
fn without_unchanged<'a>(
    removed: &'a [Member],
    added: &'a [Member],
) -> (Vec<&'a Member>, Vec<&'a Member>) {
    let key = |m: &Member| (m.event.clone(), m.position);
    let old: HashMap<(String, usize), &Member> = removed.iter().map(|m| (key(m), m)).collect();
    let new: HashMap<(String, usize), &Member> = added.iter().map(|m| (key(m), m)).collect();
    let same = |m: &Member, other: &HashMap<(String, usize), &Member>| {
        other.get(&key(m)).is_some_and(|o| o.entity == m.entity)
    };
    (
        removed.iter().filter(|m| !same(m, &new)).collect(),
        added.iter().filter(|m| !same(m, &old)).collect(),
    )
}

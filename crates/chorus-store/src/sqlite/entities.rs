//! The collection's entities kept by what changed (issue #26): each entity's members (an
//! event's entity: the event, its place in the event's list, the entity) in `entity_members`
//! and its join tokens in `entity_tokens`, so that a refresh regroups only the stored entities
//! the changed events' entities reach (`chorus_entities::regroup`) and writes only those that
//! came out changed. A data directory whose entities were written before those tables existed
//! is grouped in full once, which fills them (`entity_members` in `meta`).

use super::{delete, meta_text, EVENT_ORDER};
use crate::ids::{entity_summary, fresh_entity_id};
use crate::{Result, StoreError};
use chorus_entities::{regroup, Member, NewGroup, Regrouped, StoredGroups};
use chorus_model::{Entity, Event};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The rows of a stored entity: itself, its names, its event links, members and tokens.
const ENTITY_ROWS: &[&str] = &[
    "DELETE FROM entities WHERE id = ?1",
    "DELETE FROM entity_names WHERE entity_id = ?1",
    "DELETE FROM event_entities WHERE entity_id = ?1",
    "DELETE FROM entity_members WHERE entity_id = ?1",
    "DELETE FROM entity_tokens WHERE entity_id = ?1",
];

/// Brings the stored entities in line with the stored events, of which `changed` were
/// written anew by this refresh and `deleted` removed.
pub(super) fn update(tx: &Transaction<'_>, changed: &[&Event], deleted: &[String]) -> Result<()> {
    let kept = meta_text(tx, "entity_members")?.is_some();
    let none: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM entities)", [], |r| {
        r.get(0)
    })?;
    let mut stored = Stored {
        tx,
        orders: HashMap::new(),
        read: BTreeMap::new(),
    };
    let delta = if kept || none {
        let mut removed = Vec::new();
        for id in changed.iter().map(|e| &e.id).chain(deleted) {
            removed.extend(stored.of_event(id)?);
        }
        let mut added = Vec::new();
        for e in changed {
            let order = stored.order(&e.id)?;
            added.extend(
                e.entities
                    .iter()
                    .enumerate()
                    .map(|(position, entity)| Member {
                        event: e.id.clone(),
                        position,
                        order,
                        entity: entity.clone(),
                    }),
            );
        }
        regroup(&mut stored, &removed, &added)?
    } else {
        // Every entity written before its members were kept: all grouped again, once.
        for table in [
            "entities",
            "entity_names",
            "event_entities",
            "entity_members",
            "entity_tokens",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        let all = stored.all_members()?;
        regroup(&mut NoneStored, &[], &all)?
    };
    write(&stored, delta)?;
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('entity_members', '1')",
        [],
    )?;
    Ok(())
}

/// Writes the groups of `delta` that are not the stored group they came from, with ids kept
/// where a group holds most of a stored group's members (as event ids are kept). A group
/// under a kept id is brought up to date row by row: a common name has thousands of members,
/// and a refresh adds or removes a few of them.
fn write(stored: &Stored<'_>, delta: Regrouped<String>) -> Result<()> {
    let tx = stored.tx;
    // Stored groups that come out as they went in are left as they are.
    let as_stored: HashMap<Vec<(&str, usize)>, &str> = stored
        .read
        .iter()
        .map(|(id, members)| (keys(members), id.as_str()))
        .collect();
    let mut same: HashSet<&str> = HashSet::new();
    let mut made: Vec<&NewGroup> = Vec::new();
    for g in &delta.groups {
        let unchanged = as_stored
            .get(&keys(&g.members))
            .filter(|id| same_entities(&stored.read[**id], &g.members));
        match unchanged {
            Some(id) => {
                same.insert(id);
            }
            None => made.push(g),
        }
    }
    let reused: HashSet<&str> = delta
        .taken_apart
        .iter()
        .map(String::as_str)
        .filter(|id| !same.contains(id))
        .collect();
    // The stored group each member was in, by its event and name: a place in an event's
    // list may hold another entity now, which is no reason to keep that group's id.
    let owner: HashMap<(&str, &str), &str> = stored
        .read
        .iter()
        .filter(|(id, _)| reused.contains(id.as_str()))
        .flat_map(|(id, ms)| {
            ms.iter()
                .map(move |m| ((m.event.as_str(), m.entity.name.as_str()), id.as_str()))
        })
        .collect();
    made.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut assigned: HashSet<String> = HashSet::new();
    let mut placed: Vec<(&NewGroup, Option<String>)> = Vec::with_capacity(made.len());
    for g in made {
        let mut overlap: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &g.members {
            if let Some(id) = owner.get(&(m.event.as_str(), m.entity.name.as_str())) {
                *overlap.entry(id).or_default() += 1;
            }
        }
        let kept = overlap
            .into_iter()
            .filter(|(id, n)| 2 * n > stored.read[*id].len() && !assigned.contains(*id))
            .max_by_key(|(_, n)| *n)
            .map(|(id, _)| id.to_string());
        if let Some(id) = &kept {
            assigned.insert(id.clone());
        }
        placed.push((g, kept));
    }
    // Stored groups no group keeps go first, so that their ids are free for fresh ones.
    for id in reused.iter().filter(|id| !assigned.contains(**id)) {
        delete(tx, id, ENTITY_ROWS)?;
    }
    let mut exists = tx.prepare_cached("SELECT 1 FROM entities WHERE id = ?1")?;
    for (g, kept) in placed {
        match kept {
            Some(id) => write_group(tx, &id, &stored.read[&id], g)?,
            None => {
                let mut used = |id: &str| -> Result<bool> {
                    Ok(assigned.contains(id) || exists.exists([id])?)
                };
                let id = fresh_entity_id(g.kind, &g.name, &mut used)?;
                write_group(tx, &id, &[], g)?;
                assigned.insert(id);
            }
        }
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) \
         SELECT 'count_entities', count(*) FROM entities",
        [],
    )?;
    Ok(())
}

/// Whether `old` and `new` (the same members by event and position) hold the same entities.
fn same_entities(old: &[Member], new: &[Member]) -> bool {
    let by_key: HashMap<(&str, usize), &Entity> = old
        .iter()
        .map(|m| ((m.event.as_str(), m.position), &m.entity))
        .collect();
    new.iter()
        .all(|m| by_key.get(&(m.event.as_str(), m.position)) == Some(&&m.entity))
}

/// The (event, position) of each member, sorted.
fn keys(members: &[Member]) -> Vec<(&str, usize)> {
    let mut k: Vec<(&str, usize)> = members
        .iter()
        .map(|m| (m.event.as_str(), m.position))
        .collect();
    k.sort_unstable();
    k
}

/// Writes group `g` under `id`, which held the members `old` (none: a new id): its row, and
/// of its names, event links, members and tokens only those that changed. A member row is
/// removed only while it is still this entity's: a member that moved is another's now.
fn write_group(tx: &Transaction<'_>, id: &str, old: &[Member], g: &NewGroup) -> Result<()> {
    let mut ent = entity_summary(
        g.name.clone(),
        g.kind,
        g.members.iter().map(|m| (m.event.as_str(), &m.entity)),
    );
    ent.id = id.to_string();
    tx.prepare_cached(
        "INSERT OR REPLACE INTO entities (id, name, kind, mentions, event_count, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        ent.name,
        ent.kind.as_str(),
        ent.mentions as i64,
        ent.events.len() as i64,
        serde_json::to_string(&ent)?,
    ])?;
    let names: HashSet<String> = std::iter::once(&ent.name)
        .chain(&ent.aliases)
        .map(|n| n.to_lowercase())
        .collect();
    let had = column(
        tx,
        "SELECT name_lower FROM entity_names WHERE entity_id = ?1",
        id,
    )?;
    replace_rows(
        tx,
        id,
        &had,
        &names,
        "DELETE FROM entity_names WHERE entity_id = ?1 AND name_lower = ?2",
        "INSERT OR IGNORE INTO entity_names (entity_id, name_lower) VALUES (?1, ?2)",
    )?;
    let linked: HashSet<String> = old.iter().map(|m| m.event.clone()).collect();
    replace_rows(
        tx,
        id,
        &linked,
        &ent.events.iter().cloned().collect(),
        "DELETE FROM event_entities WHERE entity_id = ?1 AND event_id = ?2",
        "INSERT OR IGNORE INTO event_entities (entity_id, event_id) VALUES (?1, ?2)",
    )?;
    let tokens = column(
        tx,
        "SELECT token FROM entity_tokens WHERE entity_id = ?1",
        id,
    )?;
    replace_rows(
        tx,
        id,
        &tokens,
        &g.tokens.iter().cloned().collect(),
        "DELETE FROM entity_tokens WHERE entity_id = ?1 AND token = ?2",
        "INSERT OR IGNORE INTO entity_tokens (entity_id, token) VALUES (?1, ?2)",
    )?;
    let was: HashMap<(&str, usize), &Entity> = old
        .iter()
        .map(|m| ((m.event.as_str(), m.position), &m.entity))
        .collect();
    let now: HashSet<(&str, usize)> = g
        .members
        .iter()
        .map(|m| (m.event.as_str(), m.position))
        .collect();
    let mut gone = tx.prepare_cached(
        "DELETE FROM entity_members WHERE event_id = ?1 AND position = ?2 AND entity_id = ?3",
    )?;
    for (event, position) in was.keys().filter(|k| !now.contains(*k)) {
        gone.execute(params![event, *position as i64, id])?;
    }
    let mut put = tx.prepare_cached(
        "INSERT OR REPLACE INTO entity_members (event_id, position, entity_id, entity) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for m in &g.members {
        if was.get(&(m.event.as_str(), m.position)) != Some(&&m.entity) {
            put.execute(params![
                m.event,
                m.position as i64,
                id,
                serde_json::to_string(&m.entity)?
            ])?;
        }
    }
    Ok(())
}

/// The strings `sql` lists for `id`.
fn column(tx: &Transaction<'_>, sql: &str, id: &str) -> Result<HashSet<String>> {
    Ok(tx
        .prepare_cached(sql)?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Makes the rows of `id` that `had` lists the rows `want` lists: `remove` those no longer
/// wanted, `add` the new ones (each statement takes the id and the value).
fn replace_rows(
    tx: &Transaction<'_>,
    id: &str,
    had: &HashSet<String>,
    want: &HashSet<String>,
    remove: &str,
    add: &str,
) -> Result<()> {
    let mut stmt = tx.prepare_cached(remove)?;
    for v in had.difference(want) {
        stmt.execute(params![id, v])?;
    }
    let mut stmt = tx.prepare_cached(add)?;
    for v in want.difference(had) {
        stmt.execute(params![id, v])?;
    }
    Ok(())
}

/// The stored groups as the delta reads them, through the writer's transaction; the members
/// of each group read are kept, to tell which groups came out unchanged.
struct Stored<'t> {
    tx: &'t Transaction<'t>,
    /// Each event's place in the listing, as read.
    orders: HashMap<String, u64>,
    read: BTreeMap<String, Vec<Member>>,
}

impl Stored<'_> {
    /// An event's place in the listing (`EVENT_ORDER` as one number: most articles, then most
    /// outlets, then rank); last when it is not stored.
    fn order(&mut self, event: &str) -> Result<u64> {
        if let Some(&o) = self.orders.get(event) {
            return Ok(o);
        }
        let row: Option<(i64, i64, i64)> = self
            .tx
            .prepare_cached("SELECT size, outlets, rank FROM events WHERE id = ?1")?
            .query_row([event], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let o = row.map_or(u64::MAX, |(size, outlets, rank)| {
            listing_order(size, outlets, rank)
        });
        self.orders.insert(event.to_string(), o);
        Ok(o)
    }

    /// The stored members of one event.
    fn of_event(&mut self, event: &str) -> Result<Vec<Member>> {
        let rows: Vec<(i64, String)> = self
            .tx
            .prepare_cached("SELECT position, entity FROM entity_members WHERE event_id = ?1")?
            .query_map([event], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(position, json)| {
                Ok(Member {
                    event: event.to_string(),
                    position: usize::try_from(position).unwrap_or(0),
                    order: 0,
                    entity: serde_json::from_str(&json)?,
                })
            })
            .collect()
    }

    /// Every stored event's entities as members, in listing order.
    fn all_members(&mut self) -> Result<Vec<Member>> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT id, entities FROM events e ORDER BY {EVENT_ORDER}"
        ))?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (order, (event, json)) in rows.into_iter().enumerate() {
            let entities: Vec<Entity> = serde_json::from_str(&json)?;
            out.extend(
                entities
                    .into_iter()
                    .enumerate()
                    .map(|(position, entity)| Member {
                        event: event.clone(),
                        position,
                        order: order as u64,
                        entity,
                    }),
            );
        }
        Ok(out)
    }
}

/// `EVENT_ORDER` as one number: fewer articles, then fewer outlets, then a later rank come
/// after.
fn listing_order(size: i64, outlets: i64, rank: i64) -> u64 {
    const SIZE: u64 = (1 << 20) - 1;
    const OUTLETS: u64 = (1 << 12) - 1;
    let size = u64::try_from(size).unwrap_or(0).min(SIZE);
    let outlets = u64::try_from(outlets).unwrap_or(0).min(OUTLETS);
    let rank = u64::try_from(rank).unwrap_or(0).min(u64::from(u32::MAX));
    ((SIZE - size) << 44) | ((OUTLETS - outlets) << 32) | rank
}

impl StoredGroups for Stored<'_> {
    type Id = String;
    type Error = StoreError;

    fn with_token(&mut self, token: &str) -> Result<Vec<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT entity_id FROM entity_tokens WHERE token = ?1")?
            .query_map([token], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    fn members(&mut self, group: &String) -> Result<Vec<Member>> {
        let rows: Vec<(String, i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT event_id, position, entity FROM entity_members WHERE entity_id = ?1",
            )?
            .query_map([group], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (event, position, json) in rows {
            out.push(Member {
                order: self.order(&event)?,
                event,
                position: usize::try_from(position).unwrap_or(0),
                entity: serde_json::from_str(&json)?,
            });
        }
        self.read.insert(group.clone(), out.clone());
        Ok(out)
    }
}

/// No stored groups: everything given is grouped afresh.
struct NoneStored;

impl StoredGroups for NoneStored {
    type Id = String;
    type Error = StoreError;

    fn with_token(&mut self, _: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn members(&mut self, _: &String) -> Result<Vec<Member>> {
        Ok(Vec::new())
    }
}

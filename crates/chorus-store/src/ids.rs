//! Pure helpers that give stored things names which survive a refresh: event ids that stay
//! with their story as it grows, and entity ids (slugs) aggregated across events.

use crate::EntitySummary;
use chorus_model::{Entity, EntityKind, Event};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Gives `events` (in rank order) the id of the previous event whose articles they mostly
/// hold, and fresh ids `e{next}`, `e{next+1}`, ... otherwise. An old event keeps its id when
/// more than half of its articles are in one new event, so at most one new event can claim
/// it; ids of stories that vanished are never reused.
pub(crate) fn assign_event_ids(
    old: &BTreeMap<String, Vec<String>>,
    events: &mut [Event],
    next: &mut u64,
) {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for (id, articles) in old {
        for a in articles {
            owner.insert(a.as_str(), id.as_str());
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    for event in events.iter_mut() {
        let mut overlap: BTreeMap<&str, usize> = BTreeMap::new();
        for a in &event.articles {
            if let Some(id) = owner.get(a.as_str()) {
                *overlap.entry(id).or_default() += 1;
            }
        }
        let kept = overlap
            .into_iter()
            .filter(|(id, n)| 2 * n > old.get(*id).map_or(usize::MAX, Vec::len))
            .max_by_key(|(_, n)| *n)
            .map(|(id, _)| id.to_string())
            .filter(|id| !taken.contains(id));
        event.id = match kept {
            Some(id) => id,
            None => {
                let id = format!("e{next}");
                *next += 1;
                id
            }
        };
        taken.insert(event.id.clone());
    }
}

/// A URL-safe id for an entity: kind plus the ASCII letters and digits of its name.
pub(crate) fn entity_slug(kind: EntityKind, name: &str) -> String {
    let mut slug = String::from(kind.as_str());
    slug.push('-');
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.ends_with('-') {
                slug.push('-');
            }
            slug.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Entities of all events (each event's id and entities, in the order events are listed),
/// one per real thing (`chorus_entities::group_collection`: one gazetteer entry under any of
/// its names, one name key, an acronym, a middle initial, a surname the events agree on),
/// most events first. Ids are slugs of the group's name, made unique with `-2`, `-3`, ... in
/// that order.
pub(crate) fn aggregate_entities<'a>(
    events: impl Iterator<Item = (&'a str, &'a [Entity])>,
) -> Vec<EntitySummary> {
    let listed: Vec<(&str, &Entity)> = events
        .flat_map(|(event, entities)| entities.iter().map(move |e| (event, e)))
        .collect();
    // Each group gathered on its own (in parallel, collected in order). Its members come in
    // input order, where each event's entities stand together, so an event already listed
    // is the last one listed.
    let mut out: Vec<EntitySummary> = chorus_entities::group_collection(&listed)
        .into_par_iter()
        .map(|group| {
            let mut s = EntitySummary {
                id: String::new(),
                name: group.name,
                kind: group.kind,
                aliases: Vec::new(),
                mentions: 0,
                sources: Vec::new(),
                events: Vec::new(),
            };
            let mut sources: HashSet<&str> = HashSet::new();
            for &m in &group.members {
                let (event, e) = listed[m];
                s.mentions += e.mentions;
                for a in std::iter::once(&e.name).chain(&e.aliases) {
                    if !s.aliases.contains(a) && *a != s.name {
                        s.aliases.push(a.clone());
                    }
                }
                for src in &e.sources {
                    if sources.insert(src.as_str()) {
                        s.sources.push(src.clone());
                    }
                }
                if s.events.last().map(String::as_str) != Some(event) {
                    s.events.push(event.to_string());
                }
            }
            s
        })
        .collect();
    out.par_sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    let slugs: Vec<String> = out
        .par_iter()
        .map(|s| entity_slug(s.kind, &s.name))
        .collect();
    let mut used: HashMap<String, usize> = HashMap::new();
    for (s, base) in out.iter_mut().zip(slugs) {
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        s.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    out
}

/// [`aggregate_entities`] of events as the store keeps them: each event's id and its
/// entities' JSON, in the order events are listed (parsed in parallel).
pub(crate) fn aggregate_stored_entities(
    rows: Vec<(String, String)>,
) -> serde_json::Result<Vec<EntitySummary>> {
    let listed: Vec<(String, Vec<Entity>)> = rows
        .into_par_iter()
        .map(|(id, json)| Ok((id, serde_json::from_str(&json)?)))
        .collect::<serde_json::Result<_>>()?;
    Ok(aggregate_entities(
        listed.iter().map(|(id, e)| (id.as_str(), &e[..])),
    ))
}

/// The entities whose JSON is not the stored one (by `fingerprint` of each stored entity's
/// JSON, `stored`, keyed by id), each with its JSON and whether an entity of its id is
/// stored; serialised in parallel, in order. Most entities are unchanged after an ingest.
pub(crate) fn changed_entities<'a>(
    entities: &'a [EntitySummary],
    stored: &HashMap<String, u64>,
    fingerprint: &(dyn Fn(&[u8]) -> u64 + Sync),
) -> serde_json::Result<Vec<(&'a EntitySummary, String, bool)>> {
    let changed: Vec<Option<(&EntitySummary, String, bool)>> = entities
        .par_iter()
        .map(|ent| {
            let json = serde_json::to_string(ent)?;
            Ok(match stored.get(&ent.id) {
                Some(&f) if f == fingerprint(json.as_bytes()) => None,
                had => Some((ent, json, had.is_some())),
            })
        })
        .collect::<serde_json::Result<_>>()?;
    Ok(changed.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built from JSON so that fields the model gains later (with defaults) need no edit here.
    fn event(articles: &[&str]) -> Event {
        serde_json::from_value(serde_json::json!({
            "id": "", "title": "", "articles": articles, "sources": [],
            "first_published": null, "last_published": null, "members": [],
            "shared_terms": [], "account": [], "corroborated": [], "single_source": [],
            "differences": [], "quotes": [], "entities": []
        }))
        .unwrap()
    }

    fn check(old: &[(&str, &[&str])], new: &[&[&str]], next: u64, want: &[&str]) {
        let old: BTreeMap<String, Vec<String>> = old
            .iter()
            .map(|(id, a)| (id.to_string(), a.iter().map(|s| s.to_string()).collect()))
            .collect();
        let mut events: Vec<Event> = new.iter().map(|a| event(a)).collect();
        let mut next = next;
        assign_event_ids(&old, &mut events, &mut next);
        let got: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn event_ids_follow_their_story() {
        // First refresh: ids in rank order.
        check(&[], &[&["a", "b"], &["c"]], 1, &["e1", "e2"]);
        // A story that grew and moved up keeps its id; a new story gets a fresh one.
        check(
            &[("e1", &["a", "b"]), ("e2", &["c"])],
            &[&["c", "d", "x"], &["a", "b"], &["z"]],
            3,
            &["e2", "e1", "e3"],
        );
        // A story split in halves keeps its id in neither half.
        check(
            &[("e1", &["a", "b", "c", "d"])],
            &[&["a", "b"], &["c", "d"]],
            2,
            &["e2", "e3"],
        );
    }

    fn entity(name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 2,
            sources: vec![format!("{name} outlet")],
        }
    }

    #[test]
    fn the_collection_names_one_thing_once_whatever_each_event_called_it() {
        let e1 = [
            entity("United States", EntityKind::Place, &["U.S."]),
            entity("Associated Press", EntityKind::Organisation, &["AP"]),
        ];
        let e2 = [
            entity("U.S.", EntityKind::Place, &["USA"]),
            entity("AP", EntityKind::Organisation, &[]),
        ];
        let e3 = [entity("America", EntityKind::Place, &[])];
        let got =
            aggregate_entities([("e1", &e1[..]), ("e2", &e2[..]), ("e3", &e3[..])].into_iter());
        let names: Vec<(&str, &str, usize)> = got
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str(), s.events.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("place-united-states", "United States", 3),
                ("organisation-associated-press", "Associated Press", 2),
            ]
        );
        assert_eq!(got[0].aliases, ["U.S.", "USA", "America"]);
        assert_eq!(got[0].mentions, 6);
        assert_eq!(got[1].sources.len(), 2);
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(
            entity_slug(EntityKind::Person, "Bashar al-Assad"),
            "person-bashar-al-assad"
        );
        assert_eq!(
            entity_slug(EntityKind::Place, "Damas «cus»!"),
            "place-damas-cus"
        );
        assert_eq!(entity_slug(EntityKind::Other, "Ωμέγα"), "other");
    }
}

//! Pure helpers that give stored things names which survive a refresh: event ids that stay
//! with their story as it grows, and entity ids (slugs) aggregated across events, with the
//! fingerprint by which an unchanged stored entity is known.

use crate::EntitySummary;
use chorus_model::{Entity, EntityKind, Event};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
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
    // Trimmed in place: a slug is made for every entity of the collection at each refresh.
    let end = slug.trim_end_matches('-').len();
    slug.truncate(end);
    slug
}

/// An entity of the collection as [`aggregate_entities`] makes it, before it is written: the
/// fields of its [`EntitySummary`], borrowed from the events' entities it groups, so that only
/// the entities that changed are ever copied out or serialised ([`CollectionEntity::summary`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CollectionEntity<'a> {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<&'a str>,
    pub mentions: usize,
    pub sources: Vec<&'a str>,
    pub events: Vec<&'a str>,
}

impl CollectionEntity<'_> {
    /// The [`EntitySummary`] it stands for (what is stored as its JSON).
    pub(crate) fn summary(&self) -> EntitySummary {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        EntitySummary {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            aliases: owned(&self.aliases),
            mentions: self.mentions,
            sources: owned(&self.sources),
            events: owned(&self.events),
        }
    }

    /// A fingerprint of every field of its summary, kept with the stored entity so that an
    /// unchanged entity is known without serialising it or reading its JSON: SipHash-1-3
    /// under fixed keys over each field in order, each string and list after its length, so
    /// stable across runs and builds (the same fields give the same fingerprint; different
    /// fields the same one only by a 64-bit collision).
    /// `bytes` is where the fields are laid out (cleared first: one buffer serves every entity
    /// a thread fingerprints).
    pub(crate) fn fingerprint(&self, bytes: &mut Vec<u8>) -> i64 {
        // The fields laid out in one buffer and hashed at once (a hash call per string cost
        // more than the hashing); the same bytes as hashing each piece in turn.
        bytes.clear();
        let text = |b: &mut Vec<u8>, s: &str| {
            b.extend_from_slice(&(s.len() as u64).to_le_bytes());
            b.extend_from_slice(s.as_bytes());
        };
        text(bytes, &self.id);
        text(bytes, &self.name);
        text(bytes, self.kind.as_str());
        bytes.extend_from_slice(&(self.mentions as u64).to_le_bytes());
        for list in [&self.aliases, &self.sources, &self.events] {
            bytes.extend_from_slice(&(list.len() as u64).to_le_bytes());
            for s in list.iter() {
                text(bytes, s);
            }
        }
        siphasher::sip::SipHasher13::new_with_keys(FINGERPRINT_KEYS.0, FINGERPRINT_KEYS.1)
            .hash(bytes) as i64
    }
}

/// The keys of [`CollectionEntity::fingerprint`] (any fixed pair: changing them makes every
/// stored entity look changed once).
const FINGERPRINT_KEYS: (u64, u64) = (0x6368_6f72_7573_2d65, 0x6e74_6974_6965_7331);

/// Entities of all events (each event's id and one of its entities, events in the order they
/// are listed, each event's entities together), one per real thing
/// (`chorus_entities::group_collection`: one gazetteer entry under any of its names, one name
/// key, an acronym, a middle initial, a surname the events agree on), most events first. Ids
/// are slugs of the group's name, made unique with `-2`, `-3`, ... in that order.
///
/// Only the groups, their order and their ids are kept: each entity is made from its group
/// when it is asked for ([`Aggregated::entity`]), so that the collection's entities (hundreds
/// of thousands, each with lists of its names, outlets and events) are never all in memory at
/// once; a refresh fingerprints each and keeps only the changed ([`changed_entities`]).
pub(crate) fn aggregate_entities<'a>(listed: &'a [(&'a str, &'a Entity)]) -> Aggregated<'a> {
    let groups = chorus_entities::group_collection(listed);
    // What orders the entities, counted without listing their names, outlets or events: its
    // members come in input order, where each event's entities stand together, so an event
    // already counted is the last one counted.
    let keys: Vec<(usize, usize)> = groups
        .par_iter()
        .map(|group| {
            let mut events = 0;
            let mut mentions = 0;
            let mut last: Option<&str> = None;
            for &m in &group.members {
                let (event, e) = listed[m];
                mentions += e.mentions;
                if last != Some(event) {
                    events += 1;
                    last = Some(event);
                }
            }
            (events, mentions)
        })
        .collect();
    // Stable, as the entities were sorted when all were made: equal ones keep group order.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.par_sort_by(|&a, &b| {
        keys[b]
            .0
            .cmp(&keys[a].0)
            .then(keys[b].1.cmp(&keys[a].1))
            .then_with(|| groups[a].name.cmp(&groups[b].name))
    });
    let slugs: Vec<String> = order
        .par_iter()
        .map(|&g| entity_slug(groups[g].kind, &groups[g].name))
        .collect();
    // How many entities before each had its slug (the slugs are moved into the ids, not
    // copied: most are used as they are).
    let mut used: FxHashMap<&str, usize> = FxHashMap::default();
    let nth: Vec<usize> = slugs
        .iter()
        .map(|base| {
            let n = used.entry(base.as_str()).or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    drop(used);
    let ids = slugs
        .into_iter()
        .zip(nth)
        .map(|(base, n)| if n == 1 { base } else { format!("{base}-{n}") })
        .collect();
    Aggregated {
        listed,
        groups,
        order,
        ids,
    }
}

/// The collection's entities as [`aggregate_entities`] groups them: each made on demand.
pub(crate) struct Aggregated<'a> {
    listed: &'a [(&'a str, &'a Entity)],
    groups: Vec<chorus_entities::CollectionGroup>,
    /// The group of each entity, in the entities' order.
    order: Vec<usize>,
    /// The id of each entity, in that order.
    pub(crate) ids: Vec<String>,
}

impl<'a> Aggregated<'a> {
    /// How many entities the collection has.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The `k`th entity.
    pub(crate) fn entity(&self, k: usize) -> CollectionEntity<'a> {
        let group = &self.groups[self.order[k]];
        let mut s = CollectionEntity {
            id: self.ids[k].clone(),
            name: group.name.clone(),
            kind: group.kind,
            aliases: Vec::new(),
            mentions: 0,
            sources: Vec::new(),
            events: Vec::new(),
        };
        // Names and outlets listed once each (a common place is named in thousands of
        // events: a long list is searched through a set).
        let mut names = Distinct::default();
        let mut sources = Distinct::default();
        for &m in &group.members {
            let (event, e) = self.listed[m];
            s.mentions += e.mentions;
            for a in std::iter::once(&e.name).chain(&e.aliases) {
                if *a != s.name {
                    names.push(&mut s.aliases, a);
                }
            }
            for src in &e.sources {
                sources.push(&mut s.sources, src);
            }
            if s.events.last() != Some(&event) {
                s.events.push(event);
            }
        }
        s
    }
}

/// A list of distinct strings grown in order: a short one searched as it is, a longer one
/// through a set of what it holds.
#[derive(Default)]
struct Distinct<'a> {
    set: FxHashSet<&'a str>,
}

impl<'a> Distinct<'a> {
    /// Lists below this length are searched as they are.
    const LINEAR: usize = 8;

    fn push(&mut self, list: &mut Vec<&'a str>, s: &'a str) {
        if list.len() < Self::LINEAR {
            if !list.contains(&s) {
                list.push(s);
            }
            return;
        }
        if self.set.is_empty() {
            self.set.extend(list.iter().copied());
        }
        if self.set.insert(s) {
            list.push(s);
        }
    }
}

/// Each event's id and one of its entities, in the order of `events` (each event's id and
/// entities, in the order events are listed): what [`aggregate_entities`] groups.
pub(crate) fn listing<'a>(
    events: impl Iterator<Item = (&'a str, &'a [Entity])>,
) -> Vec<(&'a str, &'a Entity)> {
    events
        .flat_map(|(event, entities)| entities.iter().map(move |e| (event, e)))
        .collect()
}

/// The entities of stored events (each event's id and its entities' JSON, in the order events
/// are listed), parsed in parallel; an event whose JSON is `None` (one of the report's, whose
/// entities are in memory) is left with none.
pub(crate) fn stored_event_entities(
    rows: Vec<(String, Option<String>)>,
) -> serde_json::Result<Vec<(String, Vec<Entity>)>> {
    rows.into_par_iter()
        .map(|(id, json)| {
            Ok(match json {
                Some(json) => (id, serde_json::from_str(&json)?),
                None => (id, Vec::new()),
            })
        })
        .collect()
}

/// Each event's id and one of its entities, in the order events are listed: the report's
/// events' entities from memory, the closed ones' as parsed from the store (`parsed`, every
/// stored event in order, empty when no event is closed: then the report's events are all).
pub(crate) fn event_listing<'a>(
    events: &'a [Event],
    in_report: &HashMap<&str, &'a Event>,
    parsed: &'a [(String, Vec<Entity>)],
) -> Vec<(&'a str, &'a Entity)> {
    if parsed.is_empty() {
        listing(events.iter().map(|e| (e.id.as_str(), &e.entities[..])))
    } else {
        listing(
            parsed
                .iter()
                .map(|(id, entities)| match in_report.get(id.as_str()) {
                    Some(e) => (e.id.as_str(), &e.entities[..]),
                    None => (id.as_str(), &entities[..]),
                }),
        )
    }
}

/// What the store holds of the collection's entities, read row by row ([`Self::note`]):
/// what is stored of each entity by its position in the aggregated list, and the stored ids
/// no entity has any more.
pub(crate) struct StoredEntities<'a> {
    position: FxHashMap<&'a str, usize>,
    pub(crate) stored: Vec<Option<Stored>>,
    pub(crate) gone: Vec<String>,
    pub(crate) json_hash: JsonHash,
}

impl<'a> StoredEntities<'a> {
    pub(crate) fn new(entities: &'a Aggregated<'_>) -> Self {
        StoredEntities {
            position: entities
                .ids
                .iter()
                .enumerate()
                .map(|(k, id)| (id.as_str(), k))
                .collect(),
            stored: vec![None; entities.len()],
            gone: Vec::new(),
            json_hash: JsonHash::default(),
        }
    }

    /// One stored entity row: its id, its fingerprint, and its JSON where it has none.
    pub(crate) fn note(&mut self, id: &str, fingerprint: Option<i64>, json: Option<&[u8]>) {
        use std::hash::BuildHasher;
        let known = match fingerprint {
            Some(f) => Stored::Fingerprint(f),
            None => Stored::Json(json.map_or(0, |j| self.json_hash.hash_one(j))),
        };
        match self.position.get(id) {
            Some(&k) => self.stored[k] = Some(known),
            None => self.gone.push(id.to_string()),
        }
    }
}

/// What is known of a stored entity to tell whether it changed: its fingerprint
/// ([`CollectionEntity::fingerprint`]), or for one stored before fingerprints were kept, a
/// hash of its JSON under this refresh's [`JsonHash`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    Fingerprint(i64),
    Json(u64),
}

/// The hash under which a stored entity without a fingerprint is compared (its JSON's bytes).
pub(crate) type JsonHash = std::hash::RandomState;

/// What a refresh does with one of the collection's entities.
pub(crate) enum Change<'e> {
    /// Written: its summary, JSON and fingerprint, and whether an entity of its id is stored.
    Write {
        entity: EntitySummary,
        json: String,
        fingerprint: i64,
        was_stored: bool,
    },
    /// Stored as it is, but without a fingerprint: only the fingerprint is written.
    Fingerprint { id: &'e str, fingerprint: i64 },
}

/// An entity's names as the name index keeps them: its name and aliases, lowercased.
pub(crate) fn lower_names(entity: &EntitySummary) -> Vec<String> {
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .map(|n| n.to_lowercase())
        .collect()
}

/// A written entity's event links brought up to date: of the events `linked` as stored, those
/// it is no longer in (to unlink), and of its `events`, those not linked yet (to link).
pub(crate) fn link_changes<'a>(
    linked: &'a [String],
    events: &'a [String],
) -> (Vec<&'a str>, Vec<&'a str>) {
    let now: HashSet<&str> = events.iter().map(String::as_str).collect();
    let before: HashSet<&str> = linked.iter().map(String::as_str).collect();
    (
        linked
            .iter()
            .map(String::as_str)
            .filter(|e| !now.contains(e))
            .collect(),
        events
            .iter()
            .map(String::as_str)
            .filter(|e| !before.contains(e))
            .collect(),
    )
}

/// The entities that are not stored as they are (by fingerprint, or for a stored entity
/// without one by its JSON; `stored` says what is stored of each, by position), in order; each
/// made from its group, fingerprinted and dropped in parallel, and only those that
/// changed (or have no fingerprint stored) serialised. Most entities are unchanged after an
/// ingest.
pub(crate) fn changed_entities<'e>(
    entities: &'e Aggregated<'_>,
    stored: &[Option<Stored>],
    json_hash: &JsonHash,
) -> serde_json::Result<Vec<Change<'e>>> {
    use std::hash::BuildHasher;
    // Made in the order of the groups (of their first members, as the events list them), not
    // of the entities: most groups are one event entity, and so read nearly in memory order.
    let mut position = vec![0; entities.len()];
    for (k, &g) in entities.order.iter().enumerate() {
        position[g] = k;
    }
    let mut changed: Vec<(usize, Change<'e>)> = position
        .par_iter()
        .map_init(
            || Vec::with_capacity(256),
            |bytes, &k| {
                let ent = entities.entity(k);
                let fingerprint = ent.fingerprint(bytes);
                let had = stored[k].as_ref();
                if had == Some(&Stored::Fingerprint(fingerprint)) {
                    return Ok(None);
                }
                let summary = ent.summary();
                let json = serde_json::to_string(&summary)?;
                if had == Some(&Stored::Json(json_hash.hash_one(json.as_bytes()))) {
                    return Ok(Some((
                        k,
                        Change::Fingerprint {
                            id: &entities.ids[k],
                            fingerprint,
                        },
                    )));
                }
                Ok(Some((
                    k,
                    Change::Write {
                        entity: summary,
                        json,
                        fingerprint,
                        was_stored: had.is_some(),
                    },
                )))
            },
        )
        .filter_map(Result::transpose)
        .collect::<serde_json::Result<_>>()?;
    changed.par_sort_unstable_by_key(|(k, _)| *k);
    Ok(changed.into_iter().map(|(_, c)| c).collect())
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
        let listed = listing([("e1", &e1[..]), ("e2", &e2[..]), ("e3", &e3[..])].into_iter());
        let aggregated = aggregate_entities(&listed);
        let got: Vec<CollectionEntity> = (0..aggregated.len())
            .map(|k| aggregated.entity(k))
            .collect();
        assert_eq!(
            aggregated.ids,
            ["place-united-states", "organisation-associated-press"]
        );
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
    fn an_entity_is_written_only_when_its_fields_differ_from_the_stored_ones() {
        use std::hash::BuildHasher;
        let e1 = [entity("Jane Okafor", EntityKind::Person, &["Okafor"])];
        let e2 = [entity("Okafor", EntityKind::Person, &[])];
        let listed = listing([("e1", &e1[..]), ("e2", &e2[..])].into_iter());
        let entities = aggregate_entities(&listed);
        let ent = &entities.entity(0);
        let json = serde_json::to_string(&ent.summary()).unwrap();
        let hash = JsonHash::default();
        let check = |stored: Option<Stored>| -> &'static str {
            match changed_entities(&entities, &[stored], &hash)
                .unwrap()
                .first()
            {
                None => "kept",
                Some(Change::Fingerprint { .. }) => "fingerprinted",
                Some(Change::Write { was_stored, .. }) => match was_stored {
                    true => "rewritten",
                    false => "added",
                },
            }
        };
        assert_eq!(
            check(Some(Stored::Fingerprint(ent.fingerprint(&mut Vec::new())))),
            "kept"
        );
        // Stored before fingerprints were kept, as it is now: only its fingerprint is written.
        let same = Stored::Json(hash.hash_one(json.as_bytes()));
        assert_eq!(check(Some(same)), "fingerprinted");
        let other = Stored::Json(hash.hash_one(json.replace("e2", "e3").as_bytes()));
        assert_eq!(check(Some(other)), "rewritten");
        assert_eq!(check(None), "added");
        // Every field counts, and where one string ends.
        let mut changed = ent.clone();
        changed.events.reverse();
        assert_ne!(
            changed.fingerprint(&mut Vec::new()),
            ent.fingerprint(&mut Vec::new())
        );
        let mut changed = ent.clone();
        changed.aliases = vec!["Oka", "for"];
        let mut joined = ent.clone();
        joined.aliases = vec!["Okafor"];
        assert_ne!(
            changed.fingerprint(&mut Vec::new()),
            joined.fingerprint(&mut Vec::new())
        );
        assert_eq!(
            ent.clone().fingerprint(&mut Vec::new()),
            ent.fingerprint(&mut Vec::new())
        );
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

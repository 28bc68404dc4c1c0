//! One entity per real thing across a collection: the entities of many events (each resolved
//! on its own, so each names its referent by the fullest form that event used) are grouped
//! again, by evidence that holds between events:
//!
//! 1. a gazetteer entry: "United States", "U.S." and "America" (or "Associated Press" and
//!    "AP") are names of one entry, whichever each event chose as its canonical name;
//! 2. the same name key ("Mr. Trump" aside, spelling variants meet under [`names::key`]) of the
//!    same kind; an untyped name joins the kind that name is most often typed as;
//! 3. an acronym that other events give as an alias of exactly one entity;
//! 4. a person's two-part name and the one longer name with the same first and last parts
//!    ("Donald Trump", "Donald J. Trump");
//! 5. a name and the same name with a designator ("Broward", "Broward County"; "Facebook",
//!    "Facebook Inc"), but a county is not the place a gazetteer knows by its name
//!    ("Washington County");
//! 6. a surname alone ("Trump") and the person the events resolved that surname to: only when
//!    no other person of that surname (a name opening with a given name, or mentioned more
//!    than once) is named in the events where it stands alone, and when at least four in five
//!    of the events that resolved it alone (and two or more, or one and the person is named
//!    in full in an event where the surname stands alone, or is the only person of that
//!    surname in the collection) resolved it to that person.
//!
//! A person never joins a place or an organisation, and two gazetteer entries never join.

use crate::{lexicon, names};
use chorus_model::{Entity, EntityKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Entities of a collection that name one real thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionGroup {
    /// A name of the gazetteer entry the group is, or for a person a name of several words,
    /// then the one most mentioned over the members (then the one of most words, then the
    /// first alphabetically).
    pub name: String,
    /// The gazetteer's kind, else the kind with most mentions; `Other` when no member is typed.
    pub kind: EntityKind,
    /// Indices into the input, in input order.
    pub members: Vec<usize>,
}

/// Share of the events resolving a surname alone that must resolve it to one person for the
/// surname alone to be that person elsewhere in the collection.
const SURNAME_SHARE: f64 = 0.8;
/// Fewest events that must resolve a surname alone to a person.
const SURNAME_EVENTS: usize = 2;

/// Designators of a place ("Broward County"): such a name is another place than the same
/// name without it when a gazetteer knows that one ("Washington County", "Washington").
const PLACE_DESIGNATORS: &[&str] = &["county", "province", "governorate"];

const HONORIFIC_KEYS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"];

/// The name keys of every name and alias of the input, each distinct string keyed once (a
/// collection names one thing in many events), with the gazetteer entry of each key; and for
/// each input entity, which of them its name and aliases are (looked up once, as it is read).
struct Keys<'a> {
    of: HashMap<&'a str, u32>,
    keys: Vec<Key>,
    /// The key of each entity's name, then of each of its aliases, entity after entity.
    names: Vec<u32>,
    /// Where each entity's keys start in `names`, and after the last, where they end.
    starts: Vec<u32>,
    /// Of each key, which of the distinct keys without a honorific it has (`plains` of them).
    plain_of: Vec<u32>,
    plains: usize,
}

/// One distinct name's key.
struct Key {
    key: String,
    /// Where the key without a leading honorific starts.
    plain: usize,
    entry: Option<usize>,
}

impl Key {
    /// The key without a leading honorific ("Mr. Trump" → `trump`).
    fn plain(&self) -> &str {
        &self.key[self.plain..]
    }
}

impl<'a> Keys<'a> {
    fn new(entities: &[(&'a str, &'a Entity)]) -> Self {
        let mut k = Keys {
            of: HashMap::default(),
            keys: Vec::new(),
            names: Vec::new(),
            starts: Vec::with_capacity(entities.len() + 1),
            plain_of: Vec::new(),
            plains: 0,
        };
        let gazetteer = lexicon::gazetteer();
        for (_, e) in entities {
            k.starts.push(k.names.len() as u32);
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let next = k.keys.len() as u32;
                let id = *k.of.entry(name.as_str()).or_insert(next);
                if id == next {
                    let key = names::key(name);
                    let entry = gazetteer.lookup(&key);
                    let plain = match key.split_once(' ') {
                        Some((first, _)) if HONORIFIC_KEYS.contains(&first) => first.len() + 1,
                        _ => 0,
                    };
                    k.keys.push(Key { key, plain, entry });
                }
                k.names.push(id);
            }
        }
        k.starts.push(k.names.len() as u32);
        let mut plains: HashMap<&str, u32> = HashMap::default();
        k.plain_of = k
            .keys
            .iter()
            .map(|key| {
                let next = plains.len() as u32;
                *plains.entry(key.plain()).or_insert(next)
            })
            .collect();
        k.plains = plains.len();
        k
    }

    /// Which distinct key without a honorific entity `i`'s name has.
    fn plain_id(&self, i: usize) -> u32 {
        self.plain_of[self.names[self.starts[i] as usize] as usize]
    }

    /// The key of entity `i`'s name.
    fn name(&self, i: usize) -> &Key {
        &self.keys[self.names[self.starts[i] as usize] as usize]
    }

    /// The keys of entity `i`'s aliases, in order.
    fn aliases(&self, i: usize) -> impl Iterator<Item = &Key> {
        let (start, end) = (self.starts[i] as usize + 1, self.starts[i + 1] as usize);
        self.names[start..end]
            .iter()
            .map(|&k| &self.keys[k as usize])
    }
}

/// How many words a name key has (a key's words are separated by single spaces).
fn word_count(key: &str) -> usize {
    key.bytes().filter(|&b| b == b' ').count() + 1
}

/// A key's first word.
fn first_word(key: &str) -> &str {
    key.split_once(' ').map_or(key, |(first, _)| first)
}

/// A key's last word.
fn last_word(key: &str) -> &str {
    key.rsplit_once(' ').map_or(key, |(_, last)| last)
}

/// Whether `name` is written as an acronym: two or more capitals, dots allowed, nothing else.
fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| *c != '.').count();
    letters >= 2
        && name
            .chars()
            .all(|c| c == '.' || c.is_uppercase() || c.is_ascii_digit())
        && name.chars().any(char::is_uppercase)
}

/// Position of a kind in the order of [`EntityKind`].
fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Place => 2,
        EntityKind::Other => 3,
    }
}

/// Bit of a kind in [`Clusters::kinds`].
fn kind_bit(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Organisation => 2,
        EntityKind::Place => 4,
        EntityKind::Other => 0,
    }
}

/// Union-find over the input entities, with what each cluster holds kept at its root: the
/// kinds its members are typed as, and the gazetteer entries they name.
struct Clusters<'a> {
    sets: chorus_text::UnionFind,
    entities: &'a [(&'a str, &'a Entity)],
    /// Gazetteer entry of each entity, when its names say which.
    entry: Vec<Option<usize>>,
    kinds: Vec<u8>,
    entries: Vec<Vec<usize>>,
}

impl Clusters<'_> {
    fn find(&mut self, x: usize) -> usize {
        self.sets.find(x)
    }

    fn union(&mut self, a: usize, b: usize) {
        let Some((keep, gone)) = self.sets.union(a, b) else {
            return;
        };
        self.kinds[keep] |= self.kinds[gone];
        let entries = std::mem::take(&mut self.entries[gone]);
        for e in entries {
            if !self.entries[keep].contains(&e) {
                self.entries[keep].push(e);
            }
        }
    }

    /// Whether the clusters of `a` and `b` may be one: not one already, no person beside a
    /// typed non-person, not two gazetteer entries.
    fn compatible(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (ka, kb) = (self.kinds[ra], self.kinds[rb]);
        let person = kind_bit(EntityKind::Person);
        if (ka & person != 0 && kb & !person != 0) || (kb & person != 0 && ka & !person != 0) {
            return false;
        }
        let (ea, eb) = (&self.entries[ra], &self.entries[rb]);
        ea.is_empty() || eb.is_empty() || ea.iter().any(|e| eb.contains(e))
    }

    fn union_if_compatible(&mut self, a: usize, b: usize) {
        if self.compatible(a, b) {
            self.union(a, b);
        }
    }

    /// Members of each cluster, in input order, clusters in order of their first member (a
    /// cluster's root is its first member, so it comes before the others).
    fn members(&mut self) -> Vec<Vec<usize>> {
        let n = self.sets.len();
        let mut group_of: Vec<u32> = vec![0; n];
        let mut m: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = self.find(i);
            let g = if r == i {
                m.push(Vec::new());
                m.len() - 1
            } else {
                group_of[r] as usize
            };
            group_of[i] = g as u32;
            m[g].push(i);
        }
        m
    }
}

/// The gazetteer entry an entity names: its name's, or (for a typed entity whose name no
/// gazetteer knows, "United State") the one entry all its known aliases name, when that
/// entry is of the entity's kind.
fn gazetteer_entry(e: &Entity, keys: &Keys, i: usize) -> Option<usize> {
    let g = lexicon::gazetteer();
    let of_kind = |i: usize| g.entries[i].kind == e.kind;
    let name = keys.name(i);
    if let Some(i) = name.entry {
        return of_kind(i).then_some(i);
    }
    // "Washington County" is not Washington, whatever one event made of it.
    let designated = PLACE_DESIGNATORS.contains(&last_word(&name.key));
    if e.kind == EntityKind::Other || e.kind == EntityKind::Person || designated {
        return None;
    }
    let mut found = None;
    for a in keys.aliases(i) {
        if let Some(i) = a.entry {
            match found {
                None => found = Some(i),
                Some(f) if f != i => return None,
                _ => {}
            }
        }
    }
    found.filter(|&i| of_kind(i))
}

/// The tokens through which [`group_collection`] can join `entity` to another: its gazetteer
/// entry (`g:`), its name key and the keys of its acronym aliases and of its name without a
/// designator (`k:`), a person's first and last name (`f:`), and the surname it bears or is
/// (`s:`). Two entities that share none are joined by no rule directly; whether they join
/// may still depend on others that share tokens with each (see `delta`).
pub fn join_tokens(entity: &Entity) -> Vec<String> {
    let listed = [("", entity)];
    let memo = Keys::new(&listed);
    let plain = memo.name(0).plain();
    let entry = gazetteer_entry(entity, &memo, 0);
    let mut tokens = vec![format!("k:{plain}")];
    if let Some(e) = entry {
        tokens.push(format!("g:{e}"));
    }
    for (a, key) in entity.aliases.iter().zip(memo.aliases(0)) {
        if is_acronym(a) {
            tokens.push(format!("k:{}", key.key));
        }
    }
    if entry.is_none() {
        let last = last_word(plain);
        let rest = plain.rsplit_once(' ').map(|(rest, _)| rest);
        if let Some(rest) = rest.filter(|_| crate::aliases::DESIGNATORS.contains(&last)) {
            tokens.push(format!("k:{rest}"));
        }
        let person = entity.kind == EntityKind::Person;
        if person && rest.is_some() {
            tokens.push(format!("f:{} {last}", first_word(plain)));
        }
        let alone = matches!(entity.kind, EntityKind::Person | EntityKind::Other);
        if (person && rest.is_some()) || (rest.is_none() && alone) {
            tokens.push(format!("s:{last}"));
        }
    }
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Groups `entities` (each with the id of its event; one event's entities are already one per
/// referent) into one group per real thing across the collection. Groups come in order of
/// their first member; every input index is in exactly one group.
pub fn group_collection(entities: &[(&str, &Entity)]) -> Vec<CollectionGroup> {
    let n = entities.len();
    let memo = Keys::new(entities);
    let keys: Vec<&str> = (0..n).map(|i| memo.name(i).plain()).collect();
    let entry: Vec<Option<usize>> = entities
        .iter()
        .enumerate()
        .map(|(i, (_, e))| gazetteer_entry(e, &memo, i))
        .collect();
    let mut c = Clusters {
        sets: chorus_text::UnionFind::new(n),
        entities,
        kinds: entities.iter().map(|(_, e)| kind_bit(e.kind)).collect(),
        entries: entry.iter().map(|e| e.iter().copied().collect()).collect(),
        entry,
    };

    // 1. One gazetteer entry.
    let mut by_entry: HashMap<usize, usize> = HashMap::default();
    for i in 0..n {
        if let Some(e) = c.entry[i] {
            let first = *by_entry.entry(e).or_insert(i);
            c.union(first, i);
        }
    }

    // 2. One key: same kind; an untyped name joins the kind with most mentions under the key.
    // The entities under each key, in input order, laid out key after key (a list per key
    // would be a list per entity of most collections).
    let plain: Vec<u32> = (0..n).map(|i| memo.plain_id(i)).collect();
    let mut starts = vec![0usize; memo.plains + 1];
    for (i, &p) in plain.iter().enumerate() {
        if !keys[i].is_empty() {
            starts[p as usize + 1] += 1;
        }
    }
    for p in 0..memo.plains {
        starts[p + 1] += starts[p];
    }
    let mut under_key = vec![0usize; starts[memo.plains]];
    let mut filled = starts.clone();
    for (i, &p) in plain.iter().enumerate() {
        if !keys[i].is_empty() {
            under_key[filled[p as usize]] = i;
            filled[p as usize] += 1;
        }
    }
    // In order of their members: each list is increasing and no two share a member, so the
    // first members decide.
    for (i, &p) in plain.iter().enumerate() {
        let group = &under_key[starts[p as usize]..starts[p as usize + 1]];
        if group.first() != Some(&i) {
            continue;
        }
        // By kind, in the order of `EntityKind`: the first member, and the mentions of typed
        // members.
        let mut first_of_kind: [Option<usize>; 4] = [None; 4];
        let mut mentions: [Option<usize>; 4] = [None; 4];
        for &i in group {
            let e = entities[i].1;
            let k = kind_index(e.kind);
            let first = *first_of_kind[k].get_or_insert(i);
            c.union_if_compatible(first, i);
            if e.kind != EntityKind::Other {
                *mentions[k].get_or_insert(0) += e.mentions;
            }
        }
        // The most mentioned kind; on a tie the first.
        let typed = (0..4)
            .filter_map(|k| mentions[k].map(|m| (k, m)))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(k, _)| k);
        let other = first_of_kind[kind_index(EntityKind::Other)];
        if let (Some(kind), Some(other)) = (typed, other) {
            if let Some(first) = first_of_kind[kind] {
                c.union_if_compatible(first, other);
            }
        }
    }

    // 3. An acronym that other events give as an alias of exactly one cluster.
    let mut alias_roots: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut seen: HashSet<(&str, usize)> = HashSet::default();
    for (i, (_, e)) in entities.iter().enumerate() {
        for (a, key) in e.aliases.iter().zip(memo.aliases(i)) {
            if !is_acronym(a) {
                continue;
            }
            let root = c.find(i);
            // Which roots, not in what order: each listed once, found through a set.
            if seen.insert((&key.key, root)) {
                alias_roots.entry(&key.key).or_default().push(root);
            }
        }
    }
    for i in 0..n {
        let e = entities[i].1;
        if !is_acronym(&e.name) || e.kind == EntityKind::Person {
            continue;
        }
        if let Some([only]) = alias_roots.get(keys[i]).map(Vec::as_slice) {
            c.union_if_compatible(i, *only);
        }
    }

    // 4. "Donald Trump" and the one "Donald … Trump".
    // Each key's words are looked at through the key itself: their count, the first and last,
    // the key without its last (no list of words per entity).
    let words: Vec<usize> = keys.iter().map(|k| word_count(k)).collect();
    let plain_person: Vec<bool> = (0..n)
        .map(|i| entities[i].1.kind == EntityKind::Person && c.entry[i].is_none())
        .collect();
    let mut longer: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for i in (0..n).filter(|&i| plain_person[i] && words[i] >= 3) {
        let forms = longer
            .entry((first_word(keys[i]), last_word(keys[i])))
            .or_default();
        if !forms.iter().any(|&j| keys[j] == keys[i]) {
            forms.push(i);
        }
    }
    for i in (0..n).filter(|&i| plain_person[i] && words[i] == 2) {
        let (first, last) = (first_word(keys[i]), last_word(keys[i]));
        if let Some([only]) = longer.get(&(first, last)).map(Vec::as_slice) {
            c.union_if_compatible(i, *only);
        }
    }

    // 5. "Broward County" and "Broward": a designator after a name no gazetteer knows.
    let unknown: Vec<usize> = (0..n).filter(|&i| c.entry[i].is_none()).collect();
    let mut by_words: HashMap<&str, usize> = HashMap::default();
    for &i in &unknown {
        by_words.entry(keys[i]).or_insert(i);
    }
    // A company's designator also after a name a gazetteer knows ("Facebook Inc").
    let mut known_words: HashMap<&str, usize> = HashMap::default();
    for i in (0..n).filter(|&i| c.entry[i].is_some()) {
        known_words.entry(keys[i]).or_insert(i);
    }
    for &i in &unknown {
        if let Some((rest, last)) = keys[i].rsplit_once(' ') {
            if !crate::aliases::DESIGNATORS.contains(&last) {
                continue;
            }
            let company = !PLACE_DESIGNATORS.contains(&last);
            let other = by_words
                .get(rest)
                .or_else(|| known_words.get(rest).filter(|_| company));
            if let Some(&j) = other {
                c.union_if_compatible(i, j);
            }
        }
    }

    // 6. A surname alone.
    surnames(&mut c, &memo, &keys, &words);
    c.members()
        .into_iter()
        .map(|members| describe(entities, &c.entry, &memo, members))
        .collect()
}

/// Joins each untyped or person name of one word to the person the collection resolves it to
/// (see the module notes).
fn surnames(c: &mut Clusters, memo: &Keys, keys: &[&str], words: &[usize]) {
    let entities = c.entities;
    let n = entities.len();
    // Clusters with a person of two or more parts ending in each surname.
    let mut bearers: HashMap<&str, Vec<usize>> = HashMap::default();
    // Per surname and cluster, the events whose entity gave the surname alone as an alias.
    let mut resolved: HashMap<(&str, usize), HashSet<&str>> = HashMap::default();
    // Clusters of the people of two or more parts with each surname, per event.
    let mut in_event: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    let mut listed: HashSet<(&str, usize)> = HashSet::default();
    for i in 0..n {
        if entities[i].1.kind != EntityKind::Person || words[i] < 2 || c.entry[i].is_some() {
            continue;
        }
        let surname = last_word(keys[i]);
        let root = c.find(i);
        // A common surname has many bearers: each is listed once, found through a set.
        if listed.insert((surname, root)) {
            bearers.entry(surname).or_default().push(root);
        }
        // A rival where the surname stands alone is a name that reads as a person's: a given
        // name first, or more than one mention ("Melania Trump"; not a stray "Top Obama").
        let given = entities[i]
            .1
            .name
            .split_whitespace()
            .next()
            .is_some_and(lexicon::is_given_name);
        if given || entities[i].1.mentions >= 2 {
            in_event
                .entry((entities[i].0, surname))
                .or_default()
                .push(root);
        }
        if memo.aliases(i).any(|a| a.plain() == surname) {
            resolved
                .entry((surname, root))
                .or_default()
                .insert(entities[i].0);
        }
    }
    // The surnames standing alone that some cluster bears, with the cluster each stands in.
    let mut lone: Vec<(usize, &str, usize)> = Vec::new();
    for i in 0..n {
        let alone = matches!(entities[i].1.kind, EntityKind::Person | EntityKind::Other);
        if words[i] != 1 || !alone || c.entry[i].is_some() {
            continue;
        }
        let surname = keys[i];
        if bearers.contains_key(surname) {
            lone.push((i, surname, c.find(i)));
        }
    }
    // The members of only those clusters (the decision reads them).
    let mut grouped: HashMap<usize, Vec<usize>> = lone.iter().map(|l| (l.2, Vec::new())).collect();
    if !grouped.is_empty() {
        for i in 0..n {
            if let Some(members) = grouped.get_mut(&c.find(i)) {
                members.push(i);
            }
        }
    }
    // Whether a surname alone joins a person, and whom, depends only on the surname and the
    // cluster it stands in: decided once per cluster and surname, not once per member (a
    // common surname alone is thousands of members of one cluster, each of which would read
    // all the others).
    let decide = |surname: &str, root: usize| -> Option<usize> {
        let candidates = bearers.get(surname)?;
        let mut counts: Vec<(usize, usize)> = candidates
            .iter()
            .map(|&r| (resolved.get(&(surname, r)).map_or(0, HashSet::len), r))
            .collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let total: usize = counts.iter().map(|(k, _)| k).sum();
        let &(top, chosen) = counts.first()?;
        // Another bearer of the surname in an event where it stands alone: ambiguous there.
        let rivals = grouped[&root].iter().any(|&m| {
            in_event
                .get(&(entities[m].0, surname))
                .is_some_and(|rs| rs.iter().any(|&r| r != chosen))
        });
        // The person is named in full beside the surname alone, with no rival there.
        let beside = grouped[&root].iter().any(|&m| {
            in_event
                .get(&(entities[m].0, surname))
                .is_some_and(|rs| rs.contains(&chosen))
        });
        // Or the one person of the surname in the whole collection.
        let unique = counts.len() == 1;
        let enough = top >= SURNAME_EVENTS || (top >= 1 && (beside || unique));
        if !enough || (top as f64) < SURNAME_SHARE * total as f64 || rivals {
            return None;
        }
        Some(chosen)
    };
    let mut decided: HashMap<(&str, usize), Option<usize>> = HashMap::default();
    let mut joins = Vec::new();
    for (i, surname, root) in lone {
        let chosen = *decided
            .entry((surname, root))
            .or_insert_with(|| decide(surname, root));
        if let Some(chosen) = chosen {
            joins.push((i, chosen));
        }
    }
    for (i, chosen) in joins {
        c.union_if_compatible(i, chosen);
    }
}

/// The name and kind of one group.
fn describe(
    entities: &[(&str, &Entity)],
    entry: &[Option<usize>],
    memo: &Keys,
    members: Vec<usize>,
) -> CollectionGroup {
    // Most groups are one entity of one event: its name and kind.
    if let [m] = members[..] {
        let e = entities[m].1;
        let kind = entry[m].map_or(e.kind, |g| lexicon::gazetteer().entries[g].kind);
        return CollectionGroup {
            name: e.name.clone(),
            kind,
            members,
        };
    }
    // Mentions under each name, and the gazetteer entry the name is.
    let mut names: HashMap<&str, (usize, Option<usize>)> = HashMap::default();
    // Mentions by kind, in the order of `EntityKind`, of the kinds members are typed as.
    let mut kinds: [Option<usize>; 4] = [None; 4];
    let mut known = None;
    for &m in &members {
        let e = entities[m].1;
        names
            .entry(e.name.as_str())
            .or_insert((0, memo.name(m).entry))
            .0 += e.mentions;
        if e.kind != EntityKind::Other {
            *kinds[kind_index(e.kind)].get_or_insert(0) += e.mentions;
        }
        known = known.or(entry[m]);
    }
    const KINDS: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
        EntityKind::Other,
    ];
    let kind = match known {
        Some(e) => lexicon::gazetteer().entries[e].kind,
        None => (0..4)
            .filter_map(|k| kinds[k].map(|m| (KINDS[k], m)))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(EntityKind::Other, |(k, _)| k),
    };
    // A name of the gazetteer entry itself ("Washington" over "Washington County"); for a
    // person, a name of several words before a single one ("Sergei Lavrov" over a more
    // mentioned "Lavrov"); then the most mentioned ("Donald Trump" over "Donald J. Trump",
    // "Facebook" over "Facebook Inc"), the one of most words, the first alphabetically.
    let words = |n: &str| n.split_whitespace().count();
    let rank = |entry: Option<usize>, n: &str| {
        let of_entry = known.is_some() && entry == known;
        let full = kind == EntityKind::Person && words(n) > 1;
        (of_entry, full)
    };
    let name = names
        .into_iter()
        .map(|(n, (mentions, entry))| (rank(entry, n), mentions, words(n), n))
        .max_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(b.3.cmp(a.3))
        })
        .map_or(String::new(), |(.., n)| n.to_string());
    CollectionGroup {
        name,
        kind,
        members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, kind: EntityKind, aliases: &[&str], mentions: usize) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions,
            sources: vec!["outlet".to_string()],
        }
    }

    /// The groups of `entities` as lists of `name/event`, each group led by its name.
    fn groups(entities: &[(&str, Entity)]) -> Vec<String> {
        let listed: Vec<(&str, &Entity)> = entities.iter().map(|(ev, e)| (*ev, e)).collect();
        group_collection(&listed)
            .into_iter()
            .map(|g| {
                let members: Vec<String> = g
                    .members
                    .iter()
                    .map(|&m| format!("{}/{}", listed[m].1.name, listed[m].0))
                    .collect();
                format!("{} ({}): {}", g.name, g.kind.as_str(), members.join(", "))
            })
            .collect()
    }

    use EntityKind::{Organisation as Org, Other, Person, Place};

    #[test]
    fn names_of_one_gazetteer_entry_are_one_entity() {
        let got = groups(&[
            ("e1", entity("United States", Place, &["U.S.", "US"], 9)),
            ("e2", entity("U.S.", Place, &["USA"], 4)),
            ("e3", entity("America", Place, &[], 2)),
            ("e4", entity("US", Place, &[], 1)),
            ("e5", entity("United State", Place, &["U.S.", "America"], 3)),
            ("e1", entity("Associated Press", Org, &["AP"], 5)),
            ("e2", entity("AP", Org, &[], 3)),
            ("e3", entity("North America", Place, &[], 2)),
            ("e3", entity("America Ferrera", Person, &["Ferrera"], 2)),
        ]);
        assert_eq!(
            got,
            [
                "United States (place): United States/e1, U.S./e2, America/e3, US/e4, United State/e5",
                "Associated Press (organisation): Associated Press/e1, AP/e2",
                "North America (place): North America/e3",
                "America Ferrera (person): America Ferrera/e3",
            ]
        );
    }

    #[test]
    fn middle_initials_and_a_surname_the_events_agree_on_join_the_full_name() {
        let got = groups(&[
            (
                "e1",
                entity("Donald Trump", Person, &["Trump", "Mr. Trump"], 30),
            ),
            ("e2", entity("Donald Trump", Person, &["Trump"], 10)),
            ("e3", entity("Donald J. Trump", Person, &["Trump"], 8)),
            ("e4", entity("Trump", Person, &["Mr Trump"], 6)),
            ("e5", entity("Trump", Other, &[], 1)),
            // A stray capitalised word before the surname, once, is no rival there.
            ("e5", entity("Top Trump", Person, &[], 1)),
            ("e6", entity("Melania Trump", Person, &["Melania"], 2)),
        ]);
        assert_eq!(
            got,
            [
                "Donald Trump (person): Donald Trump/e1, Donald Trump/e2, Donald J. Trump/e3, \
                 Trump/e4, Trump/e5",
                "Top Trump (person): Top Trump/e5",
                "Melania Trump (person): Melania Trump/e6",
            ]
        );
    }

    #[test]
    fn a_surname_stays_alone_where_another_bearer_is_named_or_the_events_disagree() {
        // Another Trump in the event where "Trump" stands alone.
        let got = groups(&[
            ("e1", entity("Donald Trump", Person, &["Trump"], 30)),
            ("e2", entity("Donald Trump", Person, &["Trump"], 10)),
            ("e3", entity("Trump", Person, &[], 6)),
            ("e3", entity("Ivanka Trump", Person, &[], 2)),
            ("e4", entity("Trump", Person, &[], 1)),
            ("e4", entity("Melania Trump", Person, &[], 1)),
        ]);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got.contains(&"Trump (person): Trump/e3, Trump/e4".to_string()),
            "{got:?}"
        );
        // Events that resolved "Clinton" alone split between two people.
        let got = groups(&[
            ("e1", entity("Hillary Clinton", Person, &["Clinton"], 9)),
            ("e2", entity("Hillary Clinton", Person, &["Clinton"], 9)),
            ("e3", entity("Bill Clinton", Person, &["Clinton"], 5)),
            ("e4", entity("Clinton", Person, &[], 4)),
        ]);
        assert!(
            got.contains(&"Clinton (person): Clinton/e4".to_string()),
            "{got:?}"
        );
        // One event is not enough to say whom the surname names when another person bears it.
        let got = groups(&[
            ("e1", entity("Jane Okafor", Person, &["Okafor"], 3)),
            ("e2", entity("Okafor", Person, &[], 2)),
            ("e3", entity("Peter Okafor", Person, &[], 2)),
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn one_event_suffices_when_the_full_name_stands_beside_the_surname() {
        let got = groups(&[
            ("e1", entity("Jane Okafor", Person, &["Okafor"], 3)),
            ("e2", entity("Okafor", Person, &[], 5)),
            ("e2", entity("Jane Okafor", Person, &[], 2)),
            ("e2", entity("Executive Jane Okafor", Person, &[], 1)),
        ]);
        assert_eq!(
            got,
            [
                "Jane Okafor (person): Jane Okafor/e1, Okafor/e2, Jane Okafor/e2",
                "Executive Jane Okafor (person): Executive Jane Okafor/e2",
            ]
        );
    }

    #[test]
    fn the_only_bearer_of_a_surname_and_a_designator_join() {
        let got = groups(&[
            ("e1", entity("Joe Biden", Person, &["Biden"], 4)),
            ("e2", entity("Biden", Person, &[], 1)),
            ("e3", entity("Broward County", Place, &[], 2)),
            ("e4", entity("Broward", Place, &[], 1)),
            // A gazetteer name keeps apart from a county named after it, even where one event
            // gave the county the name as an alias.
            ("e5", entity("Washington County", Place, &["Washington"], 2)),
            ("e6", entity("Washington", Place, &[], 1)),
            // A company's designator after a gazetteer name; the group goes by the entry's name.
            ("e7", entity("Reuters Ltd", Org, &["Reuters"], 5)),
            ("e8", entity("Reuters", Org, &[], 1)),
        ]);
        assert_eq!(
            got,
            [
                "Joe Biden (person): Joe Biden/e1, Biden/e2",
                "Broward County (place): Broward County/e3, Broward/e4",
                "Washington County (place): Washington County/e5",
                "Washington (place): Washington/e6",
                "Reuters (organisation): Reuters Ltd/e7, Reuters/e8",
            ]
        );
    }

    #[test]
    fn two_longer_names_leave_the_short_one_alone_and_kinds_stay_apart() {
        let got = groups(&[
            ("e1", entity("George Bush", Person, &[], 3)),
            ("e2", entity("George W. Bush", Person, &[], 3)),
            ("e3", entity("George H. W. Bush", Person, &[], 3)),
            // A person and a place of one name are two things.
            ("e4", entity("Jordan", Person, &[], 3)),
            ("e5", entity("Jordan", Place, &[], 3)),
            // An untyped name joins the kind its name is mostly typed as.
            ("e6", entity("White House", Org, &[], 5)),
            ("e7", entity("White House", Other, &[], 1)),
        ]);
        assert_eq!(
            got,
            [
                "George Bush (person): George Bush/e1",
                "George W. Bush (person): George W. Bush/e2",
                "George H. W. Bush (person): George H. W. Bush/e3",
                "Jordan (person): Jordan/e4",
                "Jordan (place): Jordan/e5",
                "White House (organisation): White House/e6, White House/e7",
            ]
        );
    }

    #[test]
    fn an_acronym_joins_the_one_entity_other_events_give_it_to() {
        let got = groups(&[
            ("e1", entity("Port Workers Union", Org, &["PWU"], 4)),
            ("e2", entity("PWU", Org, &[], 2)),
            (
                "e3",
                entity("Regional Structures Inspectorate", Org, &["RSI"], 2),
            ),
            ("e4", entity("Road Safety Institute", Org, &["RSI"], 2)),
            ("e5", entity("RSI", Org, &[], 2)),
        ]);
        assert_eq!(
            got,
            [
                "Port Workers Union (organisation): Port Workers Union/e1, PWU/e2",
                "Regional Structures Inspectorate (organisation): Regional Structures Inspectorate/e3",
                "Road Safety Institute (organisation): Road Safety Institute/e4",
                "RSI (organisation): RSI/e5",
            ]
        );
    }
}

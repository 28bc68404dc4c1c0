//! Alias resolution: groups the detected mentions of all articles into entities. Spelling
//! variants share a key; gazetteer names, "Long Name (ACR)", transliterations, explicit alias
//! statements, surnames and given names join keys; a person never joins a place, and two
//! different gazetteer entries (a city and its country) never join.

use crate::mentions::{Detected, Detection, Votes};
use crate::names;
use chorus_model::{CleanArticle, EntityKind};
use std::collections::{BTreeMap, BTreeSet};

/// Union-find over name keys, with the type votes, gazetteer entries and mention count of
/// each cluster kept at its root.
struct Clusters {
    sets: chorus_text::UnionFind,
    votes: Vec<Votes>,
    gazetteer: Vec<BTreeSet<usize>>,
    size: Vec<usize>,
}

impl Clusters {
    fn find(&mut self, x: usize) -> usize {
        self.sets.find(x)
    }

    fn kind(&mut self, x: usize) -> EntityKind {
        let r = self.find(x);
        self.votes[r].kind()
    }

    /// Whether clusters `a` and `b` may be one entity: not already one, not two different
    /// known entities, not a person and a place.
    fn compatible(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (ga, gb) = (&self.gazetteer[ra], &self.gazetteer[rb]);
        if !ga.is_empty() && !gb.is_empty() && ga.is_disjoint(gb) {
            return false;
        }
        let kinds = [self.votes[ra].kind(), self.votes[rb].kind()];
        !(kinds.contains(&EntityKind::Person) && kinds.contains(&EntityKind::Place))
    }

    fn union(&mut self, a: usize, b: usize) {
        let Some((keep, gone)) = self.sets.union(a, b) else {
            return;
        };
        let votes = self.votes[gone];
        self.votes[keep].add(votes);
        let entries = std::mem::take(&mut self.gazetteer[gone]);
        self.gazetteer[keep].extend(entries);
        self.size[keep] += self.size[gone];
    }

    fn union_if_compatible(&mut self, a: usize, b: usize) {
        if self.compatible(a, b) {
            self.union(a, b);
        }
    }
}

/// Phrases that give another name of what was named just before ("Regional Structures
/// Inspectorate, known as the R.S.I."; "X, whose real name is Y").
const ALIAS_PHRASES: &[&str] = &[
    "known as",
    "whose real name is",
    "whose real name was",
    "nom de guerre",
    "a.k.a.",
    "aka",
];

/// Phrases that give another name of a person who may have been named sentences before
/// ("He … called himself by his given name, Ahmad al-Sharaa").
const PERSON_ALIAS_PHRASES: &[&str] = &[
    "his real name",
    "her real name",
    "his given name",
    "her given name",
    "his birth name",
    "her birth name",
    "called himself",
    "called herself",
];

/// The result of resolution: for each mention, its cluster (a key group index).
pub(crate) struct Resolution {
    /// Key group of each mention.
    pub(crate) group_of: Vec<usize>,
    /// Cluster root of each key group.
    pub(crate) root_of: Vec<usize>,
    /// Type votes of each root.
    pub(crate) votes: Vec<Votes>,
}

pub(crate) fn resolve(articles: &[&CleanArticle], detection: &Detection) -> Resolution {
    let mentions = &detection.mentions;
    // Groups are numbered in key order, so the outcome does not depend on input order.
    let ordered: Vec<&str> = mentions
        .iter()
        .map(|m| m.key.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index: BTreeMap<&str, usize> = ordered.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    let group_of: Vec<usize> = mentions.iter().map(|m| index[m.key.as_str()]).collect();
    let n = ordered.len();
    let mut clusters = Clusters {
        sets: chorus_text::UnionFind::new(n),
        votes: vec![Votes::default(); n],
        gazetteer: vec![BTreeSet::new(); n],
        size: vec![0; n],
    };
    for (m, &g) in mentions.iter().zip(&group_of) {
        clusters.votes[g].add(m.votes);
        clusters.gazetteer[g].extend(m.gazetteer);
        clusters.size[g] += 1;
    }
    let cores: Vec<Vec<&str>> = ordered.iter().map(|k| k.split(' ').collect()).collect();
    let mut acronym = vec![false; n];
    for (m, &g) in mentions.iter().zip(&group_of) {
        acronym[g] |= m.acronym;
    }

    // Names of one gazetteer entry ("TASS", "ITAR-TASS"; "HTS", "Hayat Tahrir al-Sham").
    let mut by_entry: BTreeMap<usize, usize> = BTreeMap::new();
    for g in 0..n {
        if let Some(&e) = clusters.gazetteer[g].iter().next() {
            match by_entry.get(&e) {
                Some(&first) => clusters.union(first, g),
                None => {
                    by_entry.insert(e, g);
                }
            }
        }
    }

    for &(a, b) in &detection.expansions {
        clusters.union_if_compatible(group_of[a], group_of[b]);
    }

    acronyms_by_initials(&cores, &acronym, &mut clusters);
    particles_joined(articles, mentions, &group_of, &mut clusters);
    transliterations(&cores, &mut clusters);
    alias_statements(articles, mentions, &group_of, &mut clusters);
    designators(&cores, &mut clusters);
    middle_names(&cores, &mut clusters);
    shared_surnames_are_people(&cores, &mut clusters);
    surnames_and_given_names(&cores, &mut clusters);

    let root_of: Vec<usize> = (0..n).map(|g| clusters.find(g)).collect();
    Resolution {
        group_of,
        root_of,
        votes: clusters.votes,
    }
}

/// "PWU" and "Port Workers Union" without the brackets: an acronym of three or more letters,
/// known to no gazetteer, joins the one name in the input whose initials it is.
fn acronyms_by_initials(cores: &[Vec<&str>], acronym: &[bool], clusters: &mut Clusters) {
    let mut by_initials: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (g, core) in cores.iter().enumerate() {
        if core.len() >= 3 && !acronym[g] {
            let root = clusters.find(g);
            by_initials
                .entry(names::initials(core))
                .or_default()
                .insert(root);
        }
    }
    for (g, core) in cores.iter().enumerate() {
        let letters = core.concat();
        let root = clusters.find(g);
        if !acronym[g] || letters.len() < 3 || !clusters.gazetteer[root].is_empty() {
            continue;
        }
        if let Some(roots) = by_initials.get(&letters) {
            if let [only] = roots.iter().copied().collect::<Vec<_>>()[..] {
                clusters.union_if_compatible(g, only);
            }
        }
    }
}

/// "Ilsa van der Berg" and "Ilsa Vanderberg", "Castel Gandolfo" and "Castelgandolfo": names
/// whose letters are the same once particles and spaces are joined, but that split into words
/// differently. Different given names keep different letters ("Asma" / "Bashar al-Assad").
fn particles_joined(
    articles: &[&CleanArticle],
    mentions: &[Detected],
    group_of: &[usize],
    clusters: &mut Clusters,
) {
    let mut by_joined: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (m, &g) in mentions.iter().zip(group_of) {
        let name = &articles[m.article].text()[m.name_start..m.end];
        let joined = names::joined(name);
        // Short names ("U.S." / "US") meet by key already; a joined form needs some length.
        if joined.chars().count() >= 6 {
            by_joined.entry(joined).or_default().insert(g);
        }
    }
    for groups in by_joined.values() {
        let groups: Vec<usize> = groups.iter().copied().collect();
        // Keys differ (one group per key) while all letters agree: only the particles and the
        // split into words differ.
        for w in groups.windows(2) {
            clusters.union_if_compatible(w[0], w[1]);
        }
    }
}

/// Shortest one-word name compared for spelling variants ("Mazzeh" / "Mezzeh"); shorter ones
/// ("Iran" / "Iraq") differ by one letter too often.
const MIN_VARIANT_LETTERS: usize = 6;

/// "Abu Mohammed al Jolani" and "Abu Mohammed al-Golani": every part equal but the last, and
/// the last parts spellings of one name; also one-word names of some length that no gazetteer
/// knows and that start with the same letter ("Sarmin" / "Sarmeen", "Mazzeh" / "al-Mezzeh").
fn transliterations(cores: &[Vec<&str>], clusters: &mut Clusters) {
    let mut buckets: BTreeMap<&[&str], Vec<usize>> = BTreeMap::new();
    for (g, core) in cores.iter().enumerate() {
        if core.len() >= 2 {
            buckets.entry(&core[..core.len() - 1]).or_default().push(g);
        }
    }
    let mut single: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (g, core) in cores.iter().enumerate() {
        if let [word] = &core[..] {
            let root = clusters.find(g);
            if word.chars().count() >= MIN_VARIANT_LETTERS
                && word.chars().all(char::is_alphabetic)
                && clusters.gazetteer[root].is_empty()
            {
                if let Some(c) = word.chars().next() {
                    single.entry(c).or_default().push(g);
                }
            }
        }
    }
    for groups in single.values() {
        for (i, &a) in groups.iter().enumerate() {
            for &b in &groups[i + 1..] {
                if names::transliteration_variants(cores[a][0], cores[b][0]) {
                    clusters.union_if_compatible(a, b);
                }
            }
        }
    }
    for groups in buckets.values() {
        for (i, &a) in groups.iter().enumerate() {
            for &b in &groups[i + 1..] {
                let (la, lb) = (cores[a].last(), cores[b].last());
                if let (Some(la), Some(lb)) = (la, lb) {
                    if names::transliteration_variants(la, lb) {
                        clusters.union_if_compatible(a, b);
                    }
                }
            }
        }
    }
}

/// The alias phrases, person phrases after the others (a match's pattern index tells which),
/// found all at once ignoring ASCII case.
fn phrase_finder() -> &'static aho_corasick::AhoCorasick {
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ALIAS_PHRASES.iter().chain(PERSON_ALIAS_PHRASES))
            .expect("a few short phrases always build")
    })
}

/// Where an alias phrase occurs in `text` as whole words, ignoring ASCII case:
/// `(start, end, person)` for every occurrence of every phrase (a person phrase is one of
/// [`PERSON_ALIAS_PHRASES`]).
fn phrase_positions(text: &str) -> Vec<(usize, usize, bool)> {
    let t = text.as_bytes();
    let word_char = |b: u8| char::from(b).is_alphanumeric();
    phrase_finder()
        .find_overlapping_iter(text)
        .filter(|m| {
            // A phrase ending in a dot ("a.k.a.") needs no word end after it.
            let dotted = t[m.end() - 1] == b'.';
            (m.start() == 0 || !word_char(t[m.start() - 1]))
                && (dotted || t.get(m.end()).is_none_or(|&c| !word_char(c)))
        })
        .map(|m| {
            let person = m.pattern().as_usize() >= ALIAS_PHRASES.len();
            (m.start(), m.end(), person)
        })
        .collect()
}

/// Whether only punctuation, spaces and a few small words separate two pieces of text
/// ("name, Ahmad"; "known as the R.S.I."; "real name is Y").
fn only_glue(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || ",:;\"“”'‘’()–—-".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w,
                "is" | "was"
                    | "the"
                    | "by"
                    | "simply"
                    | "just"
                    | "also"
                    | "better"
                    | "otherwise"
                    | "widely"
                    | "commonly"
                    | "locally"
            )
        })
}

/// "X, also known as Y" joins Y to X; "He … called himself by his given name, Y" joins Y to
/// the last person named before.
fn alias_statements(
    articles: &[&CleanArticle],
    mentions: &[Detected],
    group_of: &[usize],
    clusters: &mut Clusters,
) {
    for (article, a) in articles.iter().enumerate() {
        let text = a.text();
        // Mentions come in article order.
        let from = mentions.partition_point(|m| m.article < article);
        let to = mentions.partition_point(|m| m.article <= article);
        let own: Vec<usize> = (from..to).collect();
        let mut statements = phrase_positions(text);
        statements.sort_unstable();
        for (ps, pe, person) in statements {
            let next = own.iter().copied().find(|&i| mentions[i].start >= pe);
            let Some(alias) = next.filter(|&i| only_glue(&text[pe..mentions[i].start])) else {
                continue;
            };
            let before: Vec<usize> = own
                .iter()
                .copied()
                .filter(|&i| mentions[i].end <= ps)
                .collect();
            let adjacent = before
                .last()
                .copied()
                .filter(|&i| only_glue(&text[mentions[i].end..ps]));
            let antecedent = adjacent.or_else(|| {
                if !person {
                    return None;
                }
                before.iter().rev().copied().find(|&i| {
                    clusters.kind(group_of[i]) == EntityKind::Person
                        && clusters.find(group_of[i]) != clusters.find(group_of[alias])
                })
            });
            if let Some(x) = antecedent {
                clusters.union_if_compatible(group_of[x], group_of[alias]);
            }
        }
    }
}

/// Last words that only say what kind of thing a name is: "Boeing Co" is "Boeing", "Broward
/// County" is "Broward". ("Mexico City" is not "Mexico": "City" is not among them.)
pub(crate) const DESIGNATORS: &[&str] = &[
    "co",
    "inc",
    "corp",
    "ltd",
    "llc",
    "plc",
    "ag",
    "sa",
    "county",
    "province",
    "governorate",
];

/// Joins a name ending in a designator to the same name without it.
fn designators(words: &[Vec<&str>], clusters: &mut Clusters) {
    let index: BTreeMap<&[&str], usize> =
        words.iter().enumerate().map(|(g, w)| (&w[..], g)).collect();
    for (g, w) in words.iter().enumerate() {
        if let Some((last, rest)) = w.split_last() {
            if !rest.is_empty() && DESIGNATORS.contains(last) {
                if let Some(&other) = index.get(rest) {
                    clusters.union_if_compatible(g, other);
                }
            }
        }
    }
}

/// Whether a cluster is a person or not yet typed.
fn person_or_untyped(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Other)
}

/// "Sarah Sanders" and "Sarah Huckabee Sanders": a two-part name joins the one three-part name
/// with the same first and last parts, when both are people or untyped and no gazetteer knows
/// them.
fn middle_names(words: &[Vec<&str>], clusters: &mut Clusters) {
    let mut by_ends: BTreeMap<(&str, &str), BTreeSet<usize>> = BTreeMap::new();
    for (g, w) in words.iter().enumerate() {
        let r = clusters.find(g);
        if w.len() == 3 && clusters.gazetteer[r].is_empty() && person_or_untyped(clusters.kind(g)) {
            by_ends.entry((w[0], w[2])).or_default().insert(r);
        }
    }
    for (g, w) in words.iter().enumerate() {
        let r = clusters.find(g);
        if w.len() != 2 || !clusters.gazetteer[r].is_empty() || !person_or_untyped(clusters.kind(g))
        {
            continue;
        }
        if let Some(roots) = by_ends.get(&(w[0], w[1])) {
            if let [only] = roots.iter().copied().collect::<Vec<_>>()[..] {
                clusters.union_if_compatible(g, only);
            }
        }
    }
}

/// "Melania Trump" beside "Donald Trump": an untyped name of two or three parts that ends with
/// the surname of a person is a person too (a relative, or the same person).
fn shared_surnames_are_people(words: &[Vec<&str>], clusters: &mut Clusters) {
    let mut person_surnames: BTreeSet<&str> = BTreeSet::new();
    for (g, w) in words.iter().enumerate() {
        if w.len() >= 2 && clusters.kind(g) == EntityKind::Person {
            if let Some(last) = w.last() {
                person_surnames.insert(last);
            }
        }
    }
    for (g, w) in words.iter().enumerate() {
        let r = clusters.find(g);
        let shares =
            w.len() >= 2 && w.len() <= 3 && w.last().is_some_and(|l| person_surnames.contains(l));
        if shares && clusters.gazetteer[r].is_empty() && clusters.kind(g) == EntityKind::Other {
            clusters.votes[r].person += SURNAME_CUE;
        }
    }
}

/// Weight of sharing a surname with a person: as much as a role noun before the name.
const SURNAME_CUE: u32 = 3;

/// A one-part name ("Assad", "Asma") joins the person whose full name ends with it (the most
/// mentioned one when several do) or, failing that, the one person whose full name starts
/// with it. Full names are never joined to each other this way.
fn surnames_and_given_names(words: &[Vec<&str>], clusters: &mut Clusters) {
    let n = words.len();
    let roots: Vec<usize> = (0..n).map(|g| clusters.find(g)).collect();
    let mut longest = vec![0; n];
    for g in 0..n {
        longest[roots[g]] = longest[roots[g]].max(words[g].len());
    }
    let kinds: Vec<EntityKind> = (0..n).map(|g| clusters.votes[g].kind()).collect();
    let sizes = clusters.size.clone();
    let mut surname: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut given: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for g in 0..n {
        let r = roots[g];
        let code = words[g]
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()));
        if words[g].len() < 2 || code || !matches!(kinds[r], EntityKind::Person | EntityKind::Other)
        {
            continue;
        }
        if !clusters.gazetteer[r].is_empty() {
            continue;
        }
        if let (Some(&first), Some(&last)) = (words[g].first(), words[g].last()) {
            surname.entry(last).or_default().insert(r);
            given.entry(first).or_default().insert(r);
        }
    }
    let mut joins = Vec::new();
    for g in 0..n {
        let r = roots[g];
        let bare = words[g].len() == 1 && longest[r] == 1;
        if !bare || !clusters.gazetteer[r].is_empty() {
            continue;
        }
        // A name typed only by prepositions ("talks with Lavrov in Moscow") may still be a
        // surname: such faint place votes do not keep it from a person.
        let faint_place =
            kinds[r] == EntityKind::Place && clusters.votes[r].place as usize <= sizes[r];
        if !matches!(kinds[r], EntityKind::Person | EntityKind::Other) && !faint_place {
            continue;
        }
        let word = words[g][0];
        // Candidates must be people, or names nothing typed yet.
        let fits = |c: &usize| matches!(kinds[*c], EntityKind::Person | EntityKind::Other);
        let by_surname: Vec<usize> = surname
            .get(word)
            .into_iter()
            .flatten()
            .copied()
            .filter(fits)
            .collect();
        if !by_surname.is_empty() {
            let best = by_surname.iter().map(|&c| sizes[c]).max().unwrap_or(0);
            let top: Vec<usize> = by_surname
                .into_iter()
                .filter(|&c| sizes[c] == best)
                .collect();
            if let [only] = top[..] {
                joins.push((r, only));
            }
            continue;
        }
        let by_given: Vec<usize> = given
            .get(word)
            .into_iter()
            .flatten()
            .copied()
            .filter(fits)
            .collect();
        if let [only] = by_given[..] {
            joins.push((r, only));
        }
    }
    for (a, b) in joins {
        let (ra, rb) = (clusters.find(a), clusters.find(b));
        let gazetteers_differ = !clusters.gazetteer[ra].is_empty()
            && !clusters.gazetteer[rb].is_empty()
            && clusters.gazetteer[ra].is_disjoint(&clusters.gazetteer[rb]);
        // `a` is untyped, a person, or a place only by prepositions; `b` a person or untyped.
        if ra != rb && !gazetteers_differ {
            clusters.union(a, b);
        }
    }
}

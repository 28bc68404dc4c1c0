//! People, organisations and places: mention detection, typing and alias resolution.
//!
//! Rule-based and pure: [`resolve`] reads the cleaned text of a set of articles (usually one
//! event) and returns every entity under one canonical name with its other spellings, plus
//! each mention as a byte range of its article's cleaned text. Stages:
//!
//! 1. `tokens`: words with sentence-start and headline flags; possessives cut, hyphenated
//!    names and dotted acronyms whole.
//! 2. `mentions`: capitalised spans (particles inside), titles split off as person cues,
//!    sentence-initial common words, dates, demonyms and shouted words dropped, type cues
//!    counted as votes.
//! 3. `aliases`: spelling variants share a key (`names`); gazetteer names, "Long Name (ACR)"
//!    and acronyms by initials, transliterations, "also known as" / "his given name",
//!    surnames and given names join keys. A person never joins a place, nor two gazetteer
//!    entries each other (a city and its country).
//!
//! Across a collection, [`group_collection`] joins the entities of many events that name one
//! thing (a gazetteer entry under any of its names, an acronym, a middle initial, a surname
//! alone when the events agree whom it names).
//!
//! Gazetteers and word lists (`data/*.txt`, `lexicon`) are compiled in; nothing is downloaded
//! or read at run time.

mod aliases;
mod collection;
mod delta;
mod lexicon;
mod mentions;
mod names;
mod tokens;

pub use collection::{group_collection, join_tokens, CollectionGroup};
pub use delta::{regroup, Member, NewGroup, Regrouped, StoredGroups};

use chorus_model::{CleanArticle, Entity};
use std::collections::{BTreeMap, BTreeSet};

/// Whether `name` (as written, any case) is one many stories name: a place or an organisation
/// of the gazetteers (a country, a capital, a major city, a state; an international body, a
/// news agency), a demonym ("Syrian", "Syrians") or a common given name alone ("Mohammed").
/// Such a name sets a story's scene or cites its source; it does not tell one story from
/// another the way a victim's name or a street does.
pub fn is_well_known(name: &str) -> bool {
    let key = names::key(name);
    if key.is_empty() {
        return false;
    }
    if lexicon::gazetteer().lookup(&key).is_some() {
        return true;
    }
    if key.contains(' ') {
        return false;
    }
    let mut word = String::with_capacity(name.len());
    for (k, c) in key.chars().enumerate() {
        if k == 0 {
            word.extend(c.to_uppercase());
        } else {
            word.push(c);
        }
    }
    lexicon::is_demonym(&word) || lexicon::is_given_name(&word)
}

/// Settings of entity resolution.
#[derive(Debug, Clone)]
pub struct EntityConfig {
    /// Entities mentioned fewer times than this (over all articles) are left out.
    pub min_mentions: usize,
    /// Whether entities are resolved at all (on by default); off gives an empty index, for
    /// timing the pipeline without this stage.
    pub enabled: bool,
}

impl Default for EntityConfig {
    fn default() -> Self {
        EntityConfig {
            min_mentions: 1,
            enabled: true,
        }
    }
}

/// A name occurrence in one article's cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into the input slice.
    pub article: usize,
    /// Byte range in that article's `clean.text`; an honorific is included ("Mr Assad"), a
    /// possessive is not.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    /// Index into [`EntityIndex::entities`].
    pub entity: usize,
}

/// Entities (most mentioned first) and every mention of them.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub entities: Vec<Entity>,
    /// In article order, then text order.
    pub mentions: Vec<Mention>,
}

/// Finds the people, organisations and places named in `articles`, one entity per
/// real-world referent across all of them.
pub fn resolve(articles: &[&CleanArticle], config: &EntityConfig) -> EntityIndex {
    if !config.enabled {
        return EntityIndex::default();
    }
    let detection = mentions::detect(articles);
    let resolution = aliases::resolve(articles, &detection);
    let detected = &detection.mentions;
    let root_of_mention = |i: usize| resolution.root_of[resolution.group_of[i]];

    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..detected.len() {
        members.entry(root_of_mention(i)).or_default().push(i);
    }
    let mut built: Vec<(usize, Entity)> = Vec::new();
    for (&root, idx) in &members {
        if idx.len() < config.min_mentions.max(1) {
            continue;
        }
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        let mut surfaces: BTreeMap<&str, usize> = BTreeMap::new();
        let mut sources = BTreeSet::new();
        for &i in idx {
            let m = &detected[i];
            let text = articles[m.article].text();
            *names.entry(&text[m.name_start..m.end]).or_default() += 1;
            *surfaces.entry(&text[m.start..m.end]).or_default() += 1;
            sources.insert(articles[m.article].article.source.as_str());
        }
        let name = canonical(&names).to_string();
        let mut aliases: Vec<(&str, usize)> =
            surfaces.into_iter().filter(|&(s, _)| s != name).collect();
        aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let kind = resolution.votes[root].kind();
        built.push((
            root,
            Entity {
                name,
                kind,
                aliases: aliases.into_iter().map(|(s, _)| s.to_string()).collect(),
                mentions: idx.len(),
                sources: sources.into_iter().map(str::to_string).collect(),
            },
        ));
    }
    built.sort_by(|(_, a), (_, b)| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
            .then(a.kind.cmp(&b.kind))
    });
    let entity_of: BTreeMap<usize, usize> = built
        .iter()
        .enumerate()
        .map(|(e, &(root, _))| (root, e))
        .collect();
    let mentions = detected
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let entity = *entity_of.get(&root_of_mention(i))?;
            let text = articles[m.article].text();
            Some(Mention {
                article: m.article,
                start: m.start,
                end: m.end,
                surface: text[m.start..m.end].to_string(),
                entity,
            })
        })
        .collect();
    EntityIndex {
        entities: built.into_iter().map(|(_, e)| e).collect(),
        mentions,
    }
}

/// The fullest form (most words), then the most frequent, then the first alphabetically.
fn canonical<'a>(names: &BTreeMap<&'a str, usize>) -> &'a str {
    let mut best: Option<(&str, usize, usize)> = None;
    for (&name, &count) in names {
        let words = name.split_whitespace().count();
        let better = match best {
            None => true,
            Some((_, w, c)) => (words, count) > (w, c),
        };
        if better {
            best = Some((name, words, count));
        }
    }
    best.map_or("", |(n, _, _)| n)
}

#[cfg(test)]
mod tests;

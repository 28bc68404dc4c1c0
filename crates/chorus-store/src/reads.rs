//! What the collection answers a reader beyond single records: pages of longer lists, search
//! results grouped by event, and outlets with their figures. Plain types, whichever backend
//! fills them; the counting over events that needs no SQL is here too.

use crate::{EventFilter, EventOrder, EventSummary, Result, SearchHit};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One page of a longer list: `items` are the ones from `offset` on, at most `limit`, of
/// `total`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The offset of the next page, when there is one.
    pub fn next(&self) -> Option<usize> {
        let end = self.offset.saturating_add(self.limit.max(1));
        (self.limit > 0 && end < self.total).then_some(end)
    }

    /// The offset of the previous page, when this is not the first.
    pub fn previous(&self) -> Option<usize> {
        (self.offset > 0).then(|| self.offset.saturating_sub(self.limit.max(1)))
    }
}

/// A search with its filters and the page asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// Words (all must match, stemmed), `OR`, `+word`, `-word`, `"phrases"`, brackets.
    pub query: String,
    /// Only articles of this outlet (any case).
    pub source: Option<String>,
    /// Only articles in this language (ISO 639-1 code, e.g. `en`).
    pub language: Option<String>,
    /// Only articles published on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only articles published on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// The hits of one page that belong to one event (or to none: articles in no event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchGroup {
    pub event: Option<String>,
    /// The event's title; for articles in no event, the first hit's title.
    pub title: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub hits: Vec<SearchHit>,
}

/// One page of search results: the matching articles `offset..offset + limit` (best first),
/// grouped by event in the order of each event's best hit, and how many articles match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub groups: Vec<SearchGroup>,
}

/// Which entities [`crate::Collection::entities_page`] lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityQuery {
    /// Only entities with a name or alias containing this (any case).
    pub q: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// An outlet across the collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletSummary {
    pub name: String,
    pub articles: usize,
    /// Events it has an article in.
    pub events: usize,
    /// Earliest and latest publication date of its articles.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Facts it states that another outlet states too.
    pub corroborated_facts: usize,
    /// Facts only it states.
    pub single_source_facts: usize,
    /// `corroborated_facts` over all its facts; `None` when it has none.
    pub corroborated_share: Option<f64>,
}

/// An article in a list: enough to show a line and link to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub source: String,
    pub published: Option<String>,
    pub url: Option<String>,
    pub events: Vec<String>,
}

/// One outlet: its figures, the events it covers (the newest 100) and a page of its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletDetail {
    pub outlet: OutletSummary,
    pub events: Vec<EventSummary>,
    pub articles: Page<ArticleSummary>,
    /// Its single-source facts: event id and the fact's text.
    pub single_source: Vec<(String, String)>,
}

/// One stored version of an article (every version is kept; the last is the current one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleVersion {
    /// 1 for the first.
    pub version: u32,
    pub title: Option<String>,
    pub published: Option<String>,
    pub body: String,
}

/// Most words of a title made from the opening of a body.
const OPENING_WORDS: usize = 12;

/// What to call an article: its title; without one, its first line when that reads like a
/// headline (short, no final period, more text after it), else the opening words of its body
/// followed by "…". Never its file name or id.
pub fn shown_title(title: Option<&str>, body: &str) -> String {
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_string();
    }
    let body = body.trim();
    if let Some((line, rest)) = body.split_once('\n') {
        let line = line.trim();
        let words = line.split_whitespace().count();
        if !line.is_empty()
            && words <= 20
            && line.len() <= 160
            && !line.ends_with(['.', ':', ';', ','])
            && !rest.trim().is_empty()
        {
            return line.to_string();
        }
    }
    let words: Vec<&str> = body.split_whitespace().take(OPENING_WORDS + 1).collect();
    if words.is_empty() {
        return "Empty article".into();
    }
    let mut t = words[..words.len().min(OPENING_WORDS)].join(" ");
    if words.len() > OPENING_WORDS {
        t.push('…');
    }
    t
}

/// Most events listed for one outlet (its newest; the list of all is the event list filtered
/// by the outlet).
const OUTLET_EVENTS: usize = 100;
/// Most single-source facts shown for one outlet (from its newest events).
const OUTLET_FACTS: usize = 50;

/// The outlet figures and the state of the collection they were counted at (newest article
/// version, events version): counted again by whichever process first sees a newer state, so
/// that every process on one database answers the same.
pub(crate) type OutletCache = Mutex<Option<((i64, String), Arc<Vec<OutletSummary>>)>>;

/// What the outlet figures and an outlet's page read from a backend; both are put together
/// from these here, once for every backend.
pub(crate) trait OutletReads {
    /// The state of the collection: the newest article version and the events version.
    fn state(&self) -> Result<(i64, String)>;
    fn kept(&self) -> &OutletCache;
    /// Per outlet (names that differ in case are one): its name, current articles, first and
    /// last publication dates; the other figures zero.
    fn outlet_rows(&self) -> Result<Vec<OutletSummary>>;
    /// The events each outlet (lower-case name) has an article in.
    fn events_per_outlet(&self) -> Result<HashMap<String, usize>>;
    /// Every stored event's facts' outlets, handed to `each` a block at a time.
    fn each_fact_outlets(&self, each: &mut dyn FnMut(Vec<FactOutlets>)) -> Result<()>;
    /// The list lines of the events `filter` selects.
    fn event_lines(&self, filter: &EventFilter) -> Result<Vec<EventSummary>>;
    /// One stored event's single-source facts (none for an unknown event), read apart from
    /// the rest of the event.
    fn single_source_of(&self, event: &str) -> Result<Vec<SingleOutlet>>;
    /// A page of an outlet's articles, newest first.
    fn outlet_articles(
        &self,
        outlet: &OutletSummary,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>>;
}

/// Every outlet with its figures, most articles first: counted again only when an article or
/// the events have changed since they were last counted.
pub(crate) fn all_outlets(store: &impl OutletReads) -> Result<Arc<Vec<OutletSummary>>> {
    let key = store.state()?;
    let mut slot = store.kept().lock().unwrap_or_else(|e| e.into_inner());
    if let Some((at, list)) = slot.as_ref() {
        if *at == key {
            return Ok(Arc::clone(list));
        }
    }
    let list = Arc::new(count_outlets(store)?);
    *slot = Some((key, Arc::clone(&list)));
    Ok(list)
}

/// Every outlet's figures: its rows, the events it is in, and the facts of every event (only
/// their outlets decoded).
fn count_outlets(store: &impl OutletReads) -> Result<Vec<OutletSummary>> {
    let mut outlets = store.outlet_rows()?;
    let events = store.events_per_outlet()?;
    let mut facts: HashMap<String, (usize, usize)> = HashMap::new();
    store.each_fact_outlets(&mut |decoded: Vec<FactOutlets>| {
        for (outlet, (c, s)) in facts_by_outlet(&decoded) {
            let f = facts.entry(outlet).or_default();
            f.0 += c;
            f.1 += s;
        }
    })?;
    for o in &mut outlets {
        let lower = o.name.to_lowercase();
        o.events = events.get(&lower).copied().unwrap_or(0);
        let (c, s) = facts.get(&lower).copied().unwrap_or((0, 0));
        o.corroborated_facts = c;
        o.single_source_facts = s;
        o.corroborated_share = (c + s > 0).then(|| c as f64 / (c + s) as f64);
    }
    outlets.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(outlets)
}

/// One outlet (its name in any case): its figures, its newest events, the single-source facts
/// of those, and a page of its articles.
pub(crate) fn outlet_detail(
    store: &impl OutletReads,
    name: &str,
    offset: usize,
    limit: usize,
) -> Result<Option<OutletDetail>> {
    let lower = name.to_lowercase();
    let Some(outlet) = all_outlets(store)?
        .iter()
        .find(|o| o.name.to_lowercase() == lower)
        .cloned()
    else {
        return Ok(None);
    };
    let events = store.event_lines(&EventFilter {
        source: Some(outlet.name.clone()),
        order: EventOrder::Newest,
        limit: Some(OUTLET_EVENTS),
        ..EventFilter::default()
    })?;
    let mut single_source = Vec::new();
    for e in &events {
        if single_source.len() >= OUTLET_FACTS {
            break;
        }
        for f in store.single_source_of(&e.id)? {
            if f.source.to_lowercase() == lower && single_source.len() < OUTLET_FACTS {
                single_source.push((e.id.clone(), f.text));
            }
        }
    }
    let articles = store.outlet_articles(&outlet, offset, limit)?;
    Ok(Some(OutletDetail {
        articles: page_of(outlet.articles, offset, limit, articles),
        outlet,
        events,
        single_source,
    }))
}

/// An event's single-source facts as stored beside it: outlet and text of each.
pub(crate) fn single_source_json(event: &chorus_model::Event) -> Result<String> {
    #[derive(Serialize)]
    struct Fact<'a> {
        source: &'a str,
        text: &'a str,
    }
    let facts: Vec<Fact<'_>> = event
        .single_source
        .iter()
        .map(|f| Fact {
            source: &f.source,
            text: &f.text,
        })
        .collect();
    Ok(serde_json::to_string(&facts)?)
}

/// The `LIKE` pattern (with a backslash as its escape) of names containing `lower`.
pub(crate) fn containing(lower: &str) -> String {
    format!(
        "%{}%",
        lower
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// Corroborated and single-source facts per outlet (lower-case name) over `events`.
pub(crate) fn facts_by_outlet<'a>(
    events: impl IntoIterator<Item = &'a FactOutlets>,
) -> HashMap<String, (usize, usize)> {
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for e in events {
        for f in &e.corroborated {
            for s in &f.sources {
                out.entry(s.to_lowercase()).or_default().0 += 1;
            }
        }
        for f in &e.single_source {
            out.entry(f.source.to_lowercase()).or_default().1 += 1;
        }
    }
    out
}

/// The part of a stored event's JSON the outlet figures need (the rest is skipped unread).
#[derive(Debug, Deserialize)]
pub(crate) struct FactOutlets {
    pub(crate) corroborated: Vec<CorroboratedOutlets>,
    pub(crate) single_source: Vec<SingleOutlet>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CorroboratedOutlets {
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SingleOutlet {
    pub(crate) source: String,
    pub(crate) text: String,
}

/// Search hits grouped by event in the order of their first hit: each group titled and dated
/// by its stored event (`event`: title, first and last publication of an event id), a hit in
/// no event (or in one no longer stored) by its own title and date.
pub(crate) fn group_hits(
    hits: Vec<SearchHit>,
    mut event: impl FnMut(&str) -> Result<Option<(String, Option<String>, Option<String>)>>,
) -> Result<Vec<crate::SearchGroup>> {
    let mut groups: Vec<crate::SearchGroup> = Vec::new();
    for hit in hits {
        if let Some(g) = groups
            .iter_mut()
            .find(|g| g.event.is_some() && g.event == hit.event)
        {
            g.hits.push(hit);
            continue;
        }
        let stored = match &hit.event {
            Some(id) => event(id)?,
            None => None,
        };
        let (title, first, last) = stored.unwrap_or_else(|| {
            (
                hit.title.clone().unwrap_or_default(),
                hit.published.clone(),
                hit.published.clone(),
            )
        });
        groups.push(crate::SearchGroup {
            event: hit.event.clone(),
            title,
            first_published: first,
            last_published: last,
            hits: vec![hit],
        });
    }
    Ok(groups)
}

/// A page of `items`.
/// The page of `all` from `offset`, at most `limit` long, with `all`'s length as its total (a
/// list both backends hold whole, such as the outlets).
pub(crate) fn window<T: Clone>(all: &[T], offset: usize, limit: usize) -> Page<T> {
    let items = all.iter().skip(offset).take(limit).cloned().collect();
    page_of(all.len(), offset, limit, items)
}

pub(crate) fn page_of<T>(total: usize, offset: usize, limit: usize, items: Vec<T>) -> Page<T> {
    Page {
        total,
        offset,
        limit,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_never_a_file_name() {
        let check = |title: Option<&str>, body: &str, want: &str| {
            assert_eq!(shown_title(title, body), want, "{title:?} {body:?}");
        };
        check(Some(" Dam holds "), "x", "Dam holds");
        check(
            None,
            "Good Country Index Is Released\n\nSweden leads the index.",
            "Good Country Index Is Released",
        );
        check(
            None,
            "The dam held. Water rose all night over the old town and the fields around it.",
            "The dam held. Water rose all night over the old town and…",
        );
        check(None, "  ", "Empty article");
    }

    #[test]
    fn pages_know_their_neighbours() {
        let p = page_of(25, 0, 10, vec![(); 10]);
        assert_eq!((p.previous(), p.next()), (None, Some(10)));
        let p = page_of(25, 20, 10, vec![(); 5]);
        assert_eq!((p.previous(), p.next()), (Some(10), None));
        let p = page_of(25, 5, 10, vec![(); 10]);
        assert_eq!((p.previous(), p.next()), (Some(0), Some(15)));
    }
}

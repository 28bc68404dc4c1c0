//! The persistent collection: articles (every version), the events computed from them, their
//! entities and the diagnostics of past ingests, in one data directory.
//!
//! [`Collection`] is the boundary the CLI and the server use; it speaks only model types.
//! [`Store`] implements it with SQLite (WAL, versioned schema) plus a tantivy full-text index
//! derived from SQLite. Only this crate knows SQL or tantivy, so a second backend (PostgreSQL
//! shared by several workers) is another implementation of the same trait.
//!
//! Guarantees: ingesting an article twice stores it once (same id or URL with the same content
//! is "unchanged"; with new content it is a new version); each call that writes is one SQLite
//! transaction; the index records how far it has got and is brought up to date from SQLite
//! before the next write, so a process killed at any moment leaves nothing half-stored; one
//! writer per directory at a time (an OS file lock, released when the holder dies).

mod error;
mod ids;
mod lock;
mod pg;
mod reads;
mod schema;
mod search;
mod sqlite;

pub use error::{Result, StoreError};
pub use pg::{PgStore, ScratchSchema};
pub use reads::{
    shown_title, ArticleSummary, ArticleVersion, EntityQuery, OutletDetail, OutletSummary, Page,
    SearchGroup, SearchRequest, SearchResults,
};
pub use sqlite::{OpenOptions, Store};

use chorus_model::{Article, Diagnostic, EntityKind, Event, Report, ReportArticle};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::time::Duration;

/// What [`Collection::add_articles`] did with each article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddOutcome {
    /// Articles not seen before (by id, or by URL when given).
    pub added: usize,
    /// Articles already stored with the same content.
    pub unchanged: usize,
    /// Articles already stored whose content changed: stored as a new version.
    pub new_versions: usize,
}

impl std::ops::AddAssign for AddOutcome {
    fn add_assign(&mut self, o: AddOutcome) {
        self.added += o.added;
        self.unchanged += o.unchanged;
        self.new_versions += o.new_versions;
    }
}

/// An article stored (or changed) since the events were last computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingArticle {
    pub id: String,
    pub published: Option<String>,
    /// The stored events holding an earlier version of it.
    pub events: Vec<String>,
}

/// A stored event's id and time span (what deciding whether it is still open needs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpan {
    pub id: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// What a refresh starts from, read in bulk without the events themselves
/// ([`Collection::stored_grouping`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredGrouping {
    /// The article ids of every stored event, largest first (as [`Collection::events`]
    /// lists them).
    pub groups: Vec<Vec<String>>,
    /// The stored cleaned text of each of those articles, by id.
    pub texts: BTreeMap<String, String>,
}

impl StoredGrouping {
    /// Adds the cleaned text of article `id` from its stored cleaned article `json`.
    pub(crate) fn add_clean(&mut self, id: String, json: &str) -> Result<()> {
        #[derive(Deserialize)]
        struct Stored {
            text: String,
        }
        let stored: Stored = serde_json::from_str(json)?;
        self.texts.insert(id, stored.text);
        Ok(())
    }
}

/// The distinct lines (paragraph hashes, `chorus_clean`'s) of an article's current version:
/// what its outlet's furniture is decided from, kept so that a refresh reading a part of the
/// collection cleans it as among all of the outlet's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLines {
    pub id: String,
    pub source: String,
    pub lines: Vec<u64>,
}

/// Which articles' lines [`Collection::set_events_lined`] writes with the events.
#[derive(Debug, Clone, Copy)]
pub enum LinesUpdate<'a> {
    /// None known: the stored lines no longer describe every article, so
    /// [`Collection::outlet_lines`] answers `None` until [`LinesUpdate::All`].
    Unknown,
    /// These articles' lines (stored or changed since the last refresh); the rest stay.
    Changed(&'a [ArticleLines]),
    /// Every article's lines.
    All(&'a [ArticleLines]),
}

/// The lines as stored: eight bytes each, little-endian.
pub(crate) fn encode_lines(lines: &[u64]) -> Vec<u8> {
    lines.iter().flat_map(|l| l.to_le_bytes()).collect()
}

pub(crate) fn decode_lines(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of eight")))
        .collect()
}

/// Wall time of each part of writing a refresh's events ([`Collection::set_events_timed`]),
/// so that `--timings` says which part of storing grows with the collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StorePhases {
    /// Assigning event ids and writing the events that changed.
    pub events: Duration,
    /// The collection's entity list: every event's entities read and grouped, and the
    /// entities that changed written.
    pub entities: Duration,
    /// The cleaned texts that changed, and the counts kept for `stats`.
    pub texts: Duration,
    /// Committing the transaction.
    pub commit: Duration,
}

/// Measures consecutive parts of a piece of work: each [`Laps::lap`] is the time since the
/// previous one.
pub(crate) struct Laps(std::time::Instant);

impl Laps {
    pub(crate) fn start() -> Laps {
        Laps(std::time::Instant::now())
    }

    pub(crate) fn lap(&mut self) -> Duration {
        std::mem::replace(&mut self.0, std::time::Instant::now()).elapsed()
    }
}

/// Which events [`Collection::events`] lists, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Only events with an article published on or after this date (`YYYY-MM-DD` or RFC 3339).
    pub since: Option<String>,
    /// Only events an outlet of this name (case-insensitive) covers.
    pub source: Option<String>,
    /// Only events that involve an entity of this name or alias (case-insensitive).
    pub entity: Option<String>,
    pub order: EventOrder,
    pub limit: Option<usize>,
    /// Events skipped before the first one listed (paging with `limit`).
    #[serde(default)]
    pub offset: usize,
    /// Only events with an article that matches this search query (all its words).
    #[serde(default)]
    pub query: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventOrder {
    /// Most articles first (the digest's order).
    #[default]
    Largest,
    /// Latest publication first; undated events last.
    Newest,
}

/// One line of the event list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: String,
    pub title: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Number of articles.
    pub size: usize,
    pub sources: Vec<String>,
}

/// An article as stored: its current version plus what the collection knows about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub article: Article,
    /// Number of the current version (1 for the first).
    pub version: u32,
    /// SHA-256 of the content fields (outlet, title, URL, date, language, body).
    pub content_hash: String,
    /// The cleaned text and removals, once events have been computed with this article.
    pub clean: Option<ReportArticle>,
    /// Events the article belongs to.
    pub events: Vec<String>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: String,
    /// The article's headline; without one, its first line when that reads like a headline
    /// (see [`shown_title`]).
    pub title: Option<String>,
    pub source: String,
    pub published: Option<String>,
    pub score: f32,
    /// A piece of the body around the query terms.
    pub snippet: String,
    /// Byte ranges of matched terms in `snippet`.
    pub highlights: Vec<Range<usize>>,
    /// The event the article belongs to, when it is in one.
    #[serde(default)]
    pub event: Option<String>,
}

/// An entity across all events: one per kind and canonical name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// URL-safe id: kind plus a slug of the name.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub sources: Vec<String>,
    /// Ids of the events it appears in, in rank order.
    pub events: Vec<String>,
}

/// Counts of what the collection holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub articles: usize,
    /// Article versions, including the current ones.
    pub versions: usize,
    pub events: usize,
    /// Articles in no event: those cleaning left no story text in, and any stored since the
    /// events were last computed.
    #[serde(default)]
    pub without_event: usize,
    pub entities: usize,
    pub sources: usize,
    pub diagnostics: usize,
    /// Documents in the full-text index (equals `articles` when it is up to date).
    pub indexed: usize,
}

/// Held while a refresh groups and stores events ([`Collection::lock_refresh`]); dropping it
/// releases the lock.
pub type RefreshGuard = Box<dyn Send>;

/// The operations on a collection, independent of how it is stored.
pub trait Collection: Send + Sync {
    /// Stores the articles in one transaction; see [`AddOutcome`].
    fn add_articles(&self, articles: &[Article]) -> Result<AddOutcome>;
    /// Records problems met while reading inputs (each distinct path and message once).
    fn add_diagnostics(&self, diagnostics: &[Diagnostic]) -> Result<()>;
    /// The current version of every article, in the order they were first stored.
    fn articles(&self) -> Result<Vec<Article>>;
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;
    /// Whether an article with this URL is stored.
    fn has_url(&self, url: &str) -> Result<bool>;
    /// Replaces the events, entities and cleaned texts with those of `report`, but for the
    /// `closed` stored events, which stay as they are (the report is then of the open events
    /// only, and the collection's entities are aggregated over both). Events keep the id of
    /// the stored event whose articles they mostly hold: `report`'s events are given their
    /// stored ids in place (not copied: a large collection's events are hundreds of
    /// megabytes). Writes nothing and returns false when the stored events were computed
    /// from newer articles than `report` (a refresh that finished after a later one).
    /// `report.articles` may be a part of the collection: the cleaned texts of stored
    /// articles it leaves out are kept.
    fn set_events(&self, report: &mut Report, closed: &[String]) -> Result<bool> {
        Ok(self.set_events_timed(report, closed)?.is_some())
    }
    /// [`Collection::set_events`], saying where the time went; `None` when nothing was
    /// written.
    fn set_events_timed(
        &self,
        report: &mut Report,
        closed: &[String],
    ) -> Result<Option<StorePhases>> {
        self.set_events_lined(report, closed, LinesUpdate::Unknown)
    }
    /// [`Collection::set_events_timed`], writing the articles' lines ([`ArticleLines`]) in
    /// the same transaction, so that they always describe the articles the stored cleaned
    /// texts were cleaned among.
    fn set_events_lined(
        &self,
        report: &mut Report,
        closed: &[String],
        lines: LinesUpdate<'_>,
    ) -> Result<Option<StorePhases>>;
    /// The stored lines of every article of these outlets, in the order articles were first
    /// stored; `None` when some article's are not known (see [`LinesUpdate::Unknown`]).
    fn outlet_lines(&self, sources: &[String]) -> Result<Option<Vec<ArticleLines>>>;
    /// True when an article was stored (or changed) after the stored events were computed,
    /// e.g. because a previous ingest died between storing articles and refreshing events.
    fn events_outdated(&self) -> Result<bool>;
    /// The sequence number of the newest article version stored (0 when none): it grows
    /// with every article or new version stored, so whatever was computed from the articles
    /// at one number still holds while it stays the same.
    fn article_version(&self) -> Result<i64>;
    fn events(&self, filter: &EventFilter) -> Result<Vec<EventSummary>>;
    fn event(&self, id: &str) -> Result<Option<Event>>;
    /// The cleaned text citations point into.
    fn clean_article(&self, id: &str) -> Result<Option<ReportArticle>>;
    /// A value recorded with the collection (e.g. which settings computed its events).
    fn setting(&self, name: &str) -> Result<Option<String>>;
    fn set_setting(&self, name: &str, value: &str) -> Result<()>;
    /// What a refresh groups from, read in bulk without the events themselves.
    fn stored_grouping(&self) -> Result<StoredGrouping>;
    /// The same for some events only (by id; the groups in the order given).
    fn grouping_of(&self, events: &[String]) -> Result<StoredGrouping>;
    /// The articles stored or changed since the events were last computed.
    fn pending_articles(&self) -> Result<Vec<PendingArticle>>;
    /// Every stored event's span, largest first.
    fn event_spans(&self) -> Result<Vec<EventSpan>>;
    /// The current version of these articles (unknown ids left out), in the order they were
    /// first stored.
    fn articles_by_id(&self, ids: &[String]) -> Result<Vec<Article>>;
    /// These stored events (unknown ids left out), in the order given.
    fn events_by_id(&self, ids: &[String]) -> Result<Vec<Event>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.event(id)?);
        }
        Ok(out)
    }
    /// The list lines of these stored events (unknown ids left out), in the order given,
    /// without reading the events themselves.
    fn event_summaries(&self, ids: &[String]) -> Result<Vec<EventSummary>> {
        Ok(self
            .events_by_id(ids)?
            .into_iter()
            .map(|e| EventSummary {
                size: e.articles.len(),
                id: e.id,
                title: e.title,
                first_published: e.first_published,
                last_published: e.last_published,
                sources: e.sources,
            })
            .collect())
    }
    /// Every stored event, largest first (as [`Collection::events`] lists them): what a
    /// refresh keeps accounts from once the grouping is done.
    fn all_events(&self) -> Result<Vec<Event>>;
    /// The best `limit` matches for `query`: every word must match (stemmed, in the title or
    /// the body) unless the query says `OR`.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// For each phrase, the events whose articles hold it (its words in order, stemmed), at
    /// most `limit` of them (any `limit` when more do): whether a name is rare in the
    /// collection. The default asks [`Collection::search`] once per phrase.
    fn events_with_phrases(&self, phrases: &[String], limit: usize) -> Result<Vec<Vec<String>>> {
        phrases
            .iter()
            .map(|phrase| {
                let hits = self.search(&phrase_query(phrase), phrase_hits(limit))?;
                Ok(first_events(hits.into_iter().map(|h| h.event), limit))
            })
            .collect()
    }
    /// One page of the matches for a search with filters, grouped by event.
    fn search_page(&self, request: &SearchRequest) -> Result<SearchResults>;
    /// One page of [`Collection::events`] and how many events match in all.
    fn events_page(&self, filter: &EventFilter) -> Result<Page<EventSummary>>;
    /// One page of the entities, those with a name or alias containing `query.q` when given.
    fn entities_page(&self, query: &EntityQuery) -> Result<Page<EntitySummary>>;
    /// One page of the outlets, most articles first.
    fn outlets(&self, offset: usize, limit: usize) -> Result<Page<OutletSummary>>;
    /// One outlet (its name in any case): its figures, events and a page of its articles.
    fn outlet(&self, name: &str, offset: usize, limit: usize) -> Result<Option<OutletDetail>>;
    /// Every stored version of an article, oldest first (empty when there is no such article).
    fn article_versions(&self, id: &str) -> Result<Vec<ArticleVersion>>;
    fn entities(&self) -> Result<Vec<EntitySummary>>;
    fn entity(&self, id: &str) -> Result<Option<EntitySummary>>;
    /// The entities of one event, as [`Collection::entities`] names them.
    fn event_entities(&self, event: &str) -> Result<Vec<EntitySummary>>;
    fn diagnostics(&self) -> Result<Vec<Diagnostic>>;
    fn stats(&self) -> Result<Stats>;

    /// Waits until no other process refreshes the events of this collection, and keeps them
    /// from starting one until the guard is dropped: a store shared by several processes
    /// returns a guard (PostgreSQL: an advisory lock), one written by a single process at a
    /// time (SQLite: the directory lock) returns `None`.
    fn lock_refresh(&self) -> Result<Option<RefreshGuard>> {
        Ok(None)
    }

    /// What stores the collection and where, for people (e.g. `SQLite chorus-data`).
    fn backend(&self) -> String {
        "unknown".into()
    }

    /// One event as a report of its own (the event plus the articles it cites), ready for
    /// `chorus-render`.
    fn event_report(&self, id: &str) -> Result<Option<Report>> {
        let Some(event) = self.event(id)? else {
            return Ok(None);
        };
        let mut articles = Vec::with_capacity(event.articles.len());
        for a in &event.articles {
            if let Some(clean) = self.clean_article(a)? {
                articles.push(clean);
            }
        }
        Ok(Some(Report {
            articles,
            events: vec![event],
            diagnostics: Vec::new(),
        }))
    }
}

/// A phrase as a search for its words in order (a quote inside it cannot end the phrase).
pub(crate) fn phrase_query(phrase: &str) -> String {
    format!("\"{}\"", phrase.replace('"', " "))
}

/// How many of a phrase's best matching articles [`Collection::events_with_phrases`] reads
/// to find up to `limit` events.
pub(crate) fn phrase_hits(limit: usize) -> usize {
    4 * limit.max(1)
}

/// The events of a phrase's matching articles (`None`: an article in no event), each once in
/// the order first met, at most `limit`.
pub(crate) fn first_events(
    found: impl IntoIterator<Item = Option<String>>,
    limit: usize,
) -> Vec<String> {
    let mut events: Vec<String> = Vec::new();
    for e in found.into_iter().flatten() {
        if !events.contains(&e) {
            events.push(e);
        }
    }
    events.truncate(limit);
    events
}

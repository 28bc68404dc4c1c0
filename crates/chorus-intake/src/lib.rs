//! The collection's work in one place: articles read from inputs are stored in batches as
//! they come, and what is new is grouped into the stored events. The CLI (`chorus ingest`),
//! the server (`POST /api/articles`) and `chorus watch` all go through an [`Intake`], so
//! there is one way an article becomes part of an event.
//!
//! The store ([`chorus_store`]) is storage only: it speaks model types behind the
//! [`Collection`] trait and knows nothing of cleaning or grouping. This crate reads what a
//! refresh needs from it, runs the pipeline's two halves ([`chorus_pipeline::group_reusing`],
//! then [`chorus_pipeline::Grouped::assemble`]) and hands the report back to be stored.
//!
//! Guarantees: articles are stored before any event is computed from them, one transaction
//! per [`BATCH`], so a process killed at any moment keeps what it stored and the next run
//! groups it ([`Collection::events_outdated`]); one refresh at a time per [`Intake`] (a
//! caller that waited finds its articles already grouped by the refresh it waited for).

mod follow;
mod furniture;
mod read;
pub mod watch;

pub use chorus_pipeline::{Earlier, Grouping};
pub use read::ReadSummary;

use chorus_model::{Article, Diagnostic};
use chorus_store::{AddOutcome, ArticleLines, Collection, LinesUpdate, Result, StorePhases};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Days an event stays open after its newest article, by default.
pub const DEFAULT_OPEN_DAYS: u32 = 30;

/// Articles stored per transaction: a crash loses at most one batch, which the next run
/// stores again.
pub const BATCH: usize = 250;

/// What [`Intake::refresh`] produced: the articles it grouped and the events now stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refreshed {
    pub articles: usize,
    pub events: usize,
    /// The stored events were computed with other settings than this refresh's (another
    /// build, other defaults): only the events new articles touch follow the new ones until
    /// a [`Grouping::Regroup`].
    pub settings_changed: bool,
    /// Where the time went.
    pub phases: RefreshPhases,
}

/// The name under which the settings that computed the events are recorded.
const EVENTS_SETTINGS: &str = "events-settings";

/// A short fingerprint of the settings (FNV-1a of their debug form: stable across runs and
/// builds as long as the settings are the same).
fn fingerprint(config: &chorus_pipeline::Config) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("{config:?}").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Wall time of each step of [`Intake::refresh`], in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RefreshPhases {
    /// Reading the stored articles.
    pub read_articles: Duration,
    /// Reading the stored events' article ids and cleaned texts.
    pub read_grouping: Duration,
    /// Cleaning every article (an outlet's furniture is learned from all its articles).
    pub clean: Duration,
    /// Grouping: the stored events restored, the new articles placed, touched events repaired.
    pub group: Duration,
    /// Reading the stored events (those nothing touched are kept as they are).
    pub read_events: Duration,
    /// Building the events the new articles touched, and the report.
    pub assemble: Duration,
    /// Writing what changed: events, entities, cleaned texts, each apart.
    pub store: StorePhases,
}

impl RefreshPhases {
    /// The phases with their names, in order.
    pub fn named(&self) -> [(&'static str, Duration); 10] {
        [
            ("read articles", self.read_articles),
            ("read grouping", self.read_grouping),
            ("clean", self.clean),
            ("group", self.group),
            ("read events", self.read_events),
            ("assemble", self.assemble),
            ("store events", self.store.events),
            ("store entities", self.store.entities),
            ("store texts", self.store.texts),
            ("commit", self.store.commit),
        ]
    }
}

/// What [`Intake::post`] did: the articles stored, and the collection after grouping them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posted {
    pub outcome: AddOutcome,
    /// Articles and events in the collection afterwards.
    pub articles: usize,
    pub events: usize,
}

/// A collection and the settings its events are computed with: the one way in for articles.
pub struct Intake {
    collection: Arc<dyn Collection>,
    config: chorus_pipeline::Config,
    /// Events whose newest article is more than this many days older than the collection's
    /// newest are closed (see [`Intake::refresh`]); `None` keeps every event open.
    open_days: Option<u32>,
    /// Held while events are computed: one refresh at a time. A refresh panicking elsewhere
    /// leaves nothing half-done behind it (the store writes events in one transaction).
    refreshing: Mutex<()>,
}

impl Intake {
    pub fn new(collection: Arc<dyn Collection>, config: chorus_pipeline::Config) -> Intake {
        Intake {
            collection,
            config,
            open_days: Some(DEFAULT_OPEN_DAYS),
            refreshing: Mutex::new(()),
        }
    }

    /// Sets how many days an event stays open after its newest article (`None`: forever).
    pub fn with_open_days(mut self, days: Option<u32>) -> Intake {
        self.open_days = days;
        self
    }

    pub fn collection(&self) -> &dyn Collection {
        self.collection.as_ref()
    }

    /// "Is this page already stored?" for [`chorus_ingest::IngestConfig::known_page`], so
    /// that polling a feed again fetches only the pages of new items (a page answering
    /// `304` would otherwise leave the item's summary to replace the stored page).
    pub fn known_page(&self) -> chorus_ingest::KnownPage {
        let collection = Arc::clone(&self.collection);
        chorus_ingest::KnownPage(Arc::new(move |url: &str| {
            collection.has_url(url).unwrap_or(false)
        }))
    }

    pub fn config(&self) -> &chorus_pipeline::Config {
        &self.config
    }

    /// Stores articles, one transaction per [`BATCH`], without computing events.
    pub fn store(&self, articles: &[Article]) -> Result<AddOutcome> {
        let mut total = AddOutcome::default();
        for chunk in articles.chunks(BATCH) {
            total += self.collection.add_articles(chunk)?;
        }
        Ok(total)
    }

    /// Stores articles and groups them into the stored events (`POST /api/articles`).
    pub fn post(&self, articles: &[Article], diagnostics: &[Diagnostic]) -> Result<Posted> {
        let outcome = self.store(articles)?;
        self.collection.add_diagnostics(diagnostics)?;
        self.refresh_if_outdated()?;
        let stats = self.collection.stats()?;
        Ok(Posted {
            outcome,
            articles: stats.articles,
            events: stats.events,
        })
    }

    /// Groups what was stored since the events were last computed, if anything was;
    /// `None` when the events are up to date.
    pub fn refresh_if_outdated(&self) -> Result<Option<Refreshed>> {
        let _one = self.refreshing.lock().unwrap_or_else(|e| e.into_inner());
        // And one at a time across processes sharing the store; what another finished
        // while this one waited is not done again.
        let _all = self.collection.lock_refresh()?;
        if !self.collection.events_outdated()? {
            return Ok(None);
        }
        self.refresh_locked(Grouping::Incremental).map(Some)
    }

    /// Recomputes the events of the collection from its stored articles and stores them.
    ///
    /// This is the one place where stored articles become stored events. With
    /// [`Grouping::Incremental`] the stored events are the grouping to start from: only
    /// articles stored (or changed) since are placed, and only the events they touch are
    /// repaired; with [`Grouping::Regroup`] the whole collection is grouped again from
    /// scratch. Either way an event whose articles and their cleaned texts are unchanged keeps
    /// its stored account, entities and title (incrementally, the whole stored event), so
    /// only the events new articles touch are recomputed.
    ///
    /// Events go quiet: incrementally, an event whose newest article is more than the open
    /// window ([`Intake::with_open_days`], [`DEFAULT_OPEN_DAYS`]) older than the collection's
    /// newest article is closed. It is no candidate for new articles and is neither read
    /// for grouping nor recomputed: its articles are not cleaned or grouped again, and its
    /// id, page and account stay as stored. An article dated inside a closed event's span,
    /// or within the window after it, reopens it for that refresh (so articles that come
    /// out of date order, as an archive does, meet the events they would have met in
    /// order), and so does a new version of one of its articles;
    /// undated events stay open. Dates after tomorrow do not count as the newest (a page
    /// misdated years ahead would close everything).
    pub fn refresh(&self, grouping: Grouping) -> Result<Refreshed> {
        let _one = self.refreshing.lock().unwrap_or_else(|e| e.into_inner());
        let _all = self.collection.lock_refresh()?;
        self.refresh_locked(grouping)
    }

    fn refresh_locked(&self, grouping: Grouping) -> Result<Refreshed> {
        let collection = self.collection.as_ref();
        let config = &self.config;
        let settings = fingerprint(config);
        let recorded = collection.setting(EVENTS_SETTINGS)?;
        let settings_changed =
            grouping == Grouping::Incremental && recorded.as_ref().is_some_and(|r| *r != settings);
        let mut phases = RefreshPhases::default();
        let mut clock = Instant::now();
        let mut lap = || std::mem::replace(&mut clock, Instant::now()).elapsed();
        let mut scope = match (grouping, self.open_days) {
            (Grouping::Incremental, Some(days)) => open_scope(collection, days, &config.clean)?,
            _ => None,
        };
        let (articles, stored) = match &scope {
            None => (collection.articles()?, None),
            Some(scope) => {
                let stored = collection.grouping_of(&scope.open)?;
                let mut ids: Vec<String> = stored.groups.iter().flatten().cloned().collect();
                ids.extend(scope.pending.iter().cloned());
                (collection.articles_by_id(&ids)?, Some(stored))
            }
        };
        let count = articles.len();
        phases.read_articles = lap();
        let stored = match stored {
            Some(s) => s,
            None => collection.stored_grouping()?,
        };
        // A part of the collection is cleaned as among all of its outlets' articles.
        let furniture = match scope.as_mut() {
            None => None,
            Some(scope) => furniture::furniture_of(
                collection,
                &articles,
                &scope.lines,
                std::mem::take(&mut scope.decided),
                &config.clean,
            )?,
        };
        let earlier = Earlier {
            groups: stored.groups,
            texts: stored.texts,
            grouping,
            furniture,
        };
        let scoped;
        let grouping_config = match &scope {
            None => config,
            Some(_) => {
                scoped = part_of(config);
                &scoped
            }
        };
        phases.read_grouping = lap();
        let grouped = chorus_pipeline::group_reusing(articles, grouping_config, earlier);
        phases.clean = grouped.cleaning_time();
        phases.group = lap().saturating_sub(phases.clean);
        let (all, lines) = lines_to_store(collection, &grouped, scope.as_mut())?;
        // The stored events are read only now: a large collection's events and its grouping
        // state are each hundreds of megabytes, and need not be in memory together. Closed
        // events are not read at all.
        let events = match &scope {
            None => collection.all_events()?,
            Some(scope) => collection.events_by_id(&scope.open)?,
        };
        phases.read_events = lap();
        let mut report = grouped.assemble(events, Vec::new(), config);
        phases.assemble = lap();
        let closed = scope.map(|s| s.closed).unwrap_or_default();
        let update = if all {
            LinesUpdate::All(&lines)
        } else {
            LinesUpdate::Changed(&lines)
        };
        let events =
            if let Some(store) = collection.set_events_lined(&mut report, &closed, update)? {
                phases.store = store;
                if recorded.is_none() || grouping == Grouping::Regroup {
                    collection.set_setting(EVENTS_SETTINGS, &settings)?;
                }
                report.events.len() + closed.len()
            } else {
                // Another refresh, begun later over more articles, stored its events first.
                collection.stats()?.events
            };
        Ok(Refreshed {
            articles: count,
            events,
            settings_changed,
            phases,
        })
    }
}

/// The lines of the articles the refresh cleaned that the collection is to keep, and whether
/// they are every article's (the refresh read them all: the collection knew not all of them)
/// rather than the pending articles' only (the collection knows the rest).
fn lines_to_store(
    collection: &dyn Collection,
    grouped: &chorus_pipeline::Grouped,
    scope: Option<&mut OpenScope>,
) -> Result<(bool, Vec<ArticleLines>)> {
    let lines = |keep: &dyn Fn(&str) -> bool| -> Vec<ArticleLines> {
        grouped
            .lines()
            .filter(|(id, _, _)| keep(id))
            .map(|(id, source, lines)| ArticleLines {
                id: id.to_string(),
                source: source.to_string(),
                lines: lines.to_vec(),
            })
            .collect()
    };
    if let Some(scope) = scope {
        return Ok((false, std::mem::take(&mut scope.lines)));
    }
    if collection.outlet_lines(&[])?.is_none() {
        return Ok((true, lines(&|_| true)));
    }
    let pending: HashSet<String> = collection
        .pending_articles()?
        .into_iter()
        .map(|p| p.id)
        .collect();
    Ok((false, lines(&|id| pending.contains(id))))
}

/// `config` for grouping a part of the collection: its repair keeps the earlier articles of a
/// touched event together (`chorus_cluster`'s `ClusterConfig::part_of_collection`).
fn part_of(config: &chorus_pipeline::Config) -> chorus_pipeline::Config {
    let mut config = config.clone();
    config.cluster.part_of_collection = true;
    config
}

/// Which stored events an incremental refresh may change, when some are closed.
struct OpenScope {
    /// The open events (and those a pending article reopens, by its date or by the people it
    /// names: see `follow`), largest first.
    open: Vec<String>,
    /// The closed events, which the refresh leaves as they are.
    closed: Vec<String>,
    /// The articles stored or changed since the events were computed.
    pending: Vec<String>,
    /// Their lines.
    lines: Vec<ArticleLines>,
    /// The furniture of their outlets, decided with them.
    decided: furniture::Decided,
}

/// The open events and the pending articles, or `None` when no event is closed (the whole
/// collection is then the refresh's, as without a window).
fn open_scope(
    collection: &dyn Collection,
    days: u32,
    clean: &chorus_pipeline::CleanConfig,
) -> Result<Option<OpenScope>> {
    let spans = collection.event_spans()?;
    if spans.is_empty() {
        return Ok(None);
    }
    let pending = collection.pending_articles()?;
    let day = |d: &Option<String>| -> Option<chrono::NaiveDate> {
        let d = d.as_deref()?;
        chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()
    };
    let tomorrow = {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(secs / 86_400 + 1)))
    };
    let plausible = |d: chrono::NaiveDate| tomorrow.is_none_or(|t| d <= t);
    let newest = spans
        .iter()
        .filter_map(|s| day(&s.last_published))
        .chain(pending.iter().filter_map(|p| day(&p.published)))
        .filter(|&d| plausible(d))
        .max();
    let window = chrono::Days::new(days.into());
    let Some(cutoff) = newest.and_then(|n| n.checked_sub_days(window)) else {
        return Ok(None);
    };
    let mut new_days: Vec<chrono::NaiveDate> =
        pending.iter().filter_map(|p| day(&p.published)).collect();
    new_days.sort_unstable();
    let reopened: HashSet<&str> = pending
        .iter()
        .flat_map(|p| p.events.iter().map(String::as_str))
        .collect();
    let mut open: HashSet<&str> = HashSet::new();
    for s in &spans {
        let is_open = match day(&s.last_published) {
            None => true,
            Some(last) => {
                let first = day(&s.first_published).unwrap_or(last);
                last >= cutoff || reopened.contains(s.id.as_str()) || {
                    // A new article dated inside the span, or inside the window after it
                    // (where it would have found the event open had it come in date order),
                    // reopens the event.
                    let until = last.checked_add_days(window).unwrap_or(last);
                    let at = new_days.partition_point(|&d| d < first);
                    new_days.get(at).is_some_and(|&d| d <= until)
                }
            }
        };
        if is_open {
            open.insert(s.id.as_str());
        }
    }
    if open.len() == spans.len() {
        return Ok(None);
    }
    let ids: Vec<String> = pending.iter().map(|p| p.id.clone()).collect();
    let new = collection.articles_by_id(&ids)?;
    let lines = furniture::pending_lines(&new, clean);
    // A stored article holding a line the new ones make its outlet's furniture (or no longer)
    // is cleaned again, its event reopened. Without every article's lines, the whole
    // collection is the refresh's (it then stores them all).
    let Some((again, decided)) = furniture::recleaned(collection, &lines, clean)? else {
        return Ok(None);
    };
    for id in &again {
        if let Some(stored) = collection.article(id)? {
            open.extend(
                spans
                    .iter()
                    .map(|s| s.id.as_str())
                    .filter(|e| stored.events.iter().any(|s| s == e)),
            );
        }
    }
    // A new article naming a person whom only a few closed events name reopens them: a
    // follow-up (an arrest, a charge, a funeral) meets its quiet incident.
    if !ids.is_empty() {
        let closed: HashSet<&str> = spans
            .iter()
            .map(|s| s.id.as_str())
            .filter(|id| !open.contains(id))
            .collect();
        let named = follow::events_named(collection, &new, &closed)?;
        for s in &spans {
            if named.contains(&s.id) {
                open.insert(s.id.as_str());
            }
        }
    }
    let (open, closed): (Vec<String>, Vec<String>) = spans
        .iter()
        .map(|s| s.id.clone())
        .partition(|id| open.contains(id.as_str()));
    if closed.is_empty() {
        return Ok(None);
    }
    Ok(Some(OpenScope {
        open,
        closed,
        pending: pending.into_iter().map(|p| p.id).collect(),
        lines,
        decided,
    }))
}

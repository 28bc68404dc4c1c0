//! [`PgStore`]: the [`Collection`] kept in a PostgreSQL database, shared by any number of
//! workers and servers. The database is the only truth: full-text search is PostgreSQL's own
//! (`tsvector` per article version in its language's configuration, a GIN index; see
//! `search.rs`), so every process answers alike.
//!
//! Several processes at once: storing articles takes a transaction-scoped advisory lock, so
//! version numbers (`seq`) are handed out in commit order and a refresh that has seen number
//! `n` has seen every article stored before it (none is left behind as "older than the
//! events" yet missing from them); the same article stored by two workers is stored once.
//! Writing events takes another, and [`Collection::lock_refresh`] a session-level one held
//! while a refresh groups, so no two workers group at once.

mod reads;
mod schema;
mod search;

use crate::ids::{
    aggregate_entities, assign_event_ids, changed_entities, event_listing, link_changes,
    lower_names, stored_event_entities, Change, StoredEntities,
};
use crate::sqlite::{content_hash, EVENT_ORDER};
use crate::{
    AddOutcome, ArticleLines, Collection, EntityQuery, EntitySummary, EventFilter, EventSpan,
    EventSummary, Laps, LinesUpdate, OutletDetail, OutletSummary, Page, PendingArticle,
    RefreshGuard, Result, SearchHit, SearchRequest, SearchResults, Stats, StoreError, StorePhases,
    StoredArticle, StoredGrouping,
};
use chorus_model::{Article, Diagnostic, Event, Report, ReportArticle, SourceMap};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Row, Transaction};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Idle connections kept open for reuse.
const POOL: usize = 4;
/// Most connections of one store open at once (beyond them, callers wait for one to be
/// handed back), so that a busy server cannot exhaust the database's connections.
const MAX_OPEN: usize = 16;
/// Attempts to connect before giving up (a server restarting, a dropped connection).
const CONNECT_ATTEMPTS: u32 = 4;

/// Advisory lock keys within a collection's lock space.
const LOCK_STORE: i32 = 1;
const LOCK_EVENTS: i32 = 2;
const LOCK_REFRESH: i32 = 3;

/// A collection in a PostgreSQL database (in one schema of it).
pub struct PgStore {
    config: postgres::Config,
    /// Quoted schema name.
    schema: String,
    /// The URL without its password, for messages.
    shown: String,
    /// The advisory lock space of this collection (from its schema's name).
    lock_space: i32,
    pool: Mutex<Pool>,
    /// Signalled when a connection is handed back or closed.
    freed: Condvar,
    outlets: crate::reads::OutletCache,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("database", &self.shown)
            .field("schema", &self.schema)
            .finish()
    }
}

/// The idle connections, and how many are open in all (idle or in use).
#[derive(Default)]
struct Pool {
    idle: Vec<Client>,
    open: usize,
}

/// A pooled connection, handed back when dropped (unless it broke).
pub(crate) struct Conn<'a> {
    store: &'a PgStore,
    client: Option<Client>,
}

impl Deref for Conn<'_> {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.client.as_ref().expect("present until dropped")
    }
}

impl DerefMut for Conn<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().expect("present until dropped")
    }
}

impl Drop for Conn<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let mut pool = self.store.pool.lock().unwrap_or_else(|e| e.into_inner());
            if !client.is_closed() && pool.idle.len() < POOL {
                pool.idle.push(client);
            } else {
                pool.open = pool.open.saturating_sub(1);
            }
            drop(pool);
            self.store.freed.notify_one();
        }
    }
}

/// Holds the refresh lock on a connection of its own; closing it releases the lock.
struct RefreshLock {
    client: Client,
    space: i32,
}

impl Drop for RefreshLock {
    fn drop(&mut self) {
        let _ = self.client.execute(
            "SELECT pg_advisory_unlock($1, $2)",
            &[&self.space, &LOCK_REFRESH],
        );
    }
}

/// A stable 32-bit hash (FNV-1a) of a schema name: its advisory lock space.
fn lock_space(schema: &str) -> i32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in schema.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as i32
}

/// `url` without a `schema=NAME` query parameter, and that name.
fn split_schema(url: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut schema = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| match p.strip_prefix("schema=") {
            Some(s) => {
                schema = Some(s.to_string());
                false
            }
            None => !p.is_empty(),
        })
        .collect();
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, schema)
}

/// A schema name as an SQL identifier (letters, digits and `_` only: it is also shown).
fn quote_schema(name: &str) -> Result<String> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if !ok {
        return Err(StoreError::Inconsistent(format!(
            "schema name {name:?}: use letters, digits and _ (not first)"
        )));
    }
    Ok(format!("\"{name}\""))
}

/// The URL as shown in messages: without a password.
fn shown_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            match user.split_once(':') {
                Some((name, _)) => format!("{}{name}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A schema of a PostgreSQL database holding one throwaway collection (tests and benchmarks):
/// [`ScratchSchema::url`] opens it, and the schema with everything in it is dropped when this
/// is dropped (leftovers of an earlier run under the same name are dropped first).
pub struct ScratchSchema {
    base: String,
    name: String,
}

impl ScratchSchema {
    /// The schema `name` of the database at `base` (a URL without `schema=`), empty.
    pub fn new(base: &str, name: impl Into<String>) -> ScratchSchema {
        let name = name.into();
        let _ = PgStore::drop_schema(base, &name);
        ScratchSchema {
            base: base.to_string(),
            name,
        }
    }

    /// The URL of the collection in this schema.
    pub fn url(&self) -> String {
        let joiner = if self.base.contains('?') { '&' } else { '?' };
        format!("{}{joiner}schema={}", self.base, self.name)
    }
}

impl Drop for ScratchSchema {
    fn drop(&mut self) {
        let _ = PgStore::drop_schema(&self.base, &self.name);
    }
}

impl PgStore {
    /// Opens the collection in the database at `url` (`postgres://user@host:port/db`),
    /// creating its tables when missing. A `schema=NAME` parameter in the URL keeps the
    /// collection in that schema (created when missing), so that one database can hold
    /// several; without it, the schema is `public`.
    pub fn open(url: &str) -> Result<PgStore> {
        let (url, schema) = split_schema(url);
        Self::open_in(&url, schema.as_deref().unwrap_or("public"))
    }

    /// Opens (or creates) the collection in `schema` of the database at `url`.
    pub fn open_in(url: &str, schema: &str) -> Result<PgStore> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Inconsistent(format!("database URL: {e}")))?;
        let quoted = quote_schema(schema)?;
        if config.get_application_name().is_none() {
            // What an operator sees in pg_stat_activity.
            config.application_name(&format!("chorus {schema}"));
        }
        let store = PgStore {
            config,
            lock_space: lock_space(schema),
            schema: quoted,
            shown: shown_url(url),
            pool: Mutex::new(Pool::default()),
            freed: Condvar::new(),
            outlets: Mutex::new(None),
        };
        let mut client = store.connect_raw()?;
        schema::prepare(&mut client, &store.schema, store.lock_space, &store.shown)?;
        client.batch_execute(&format!("SET search_path TO {}", store.schema))?;
        {
            let mut pool = store.pool.lock().map_err(poisoned)?;
            pool.idle.push(client);
            pool.open = 1;
        }
        Ok(store)
    }

    /// Drops `schema` and everything in it (tests clean up after themselves with it).
    pub fn drop_schema(url: &str, schema: &str) -> Result<()> {
        let quoted = quote_schema(schema)?;
        let config: postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Inconsistent(format!("database URL: {e}")))?;
        let mut client = config.connect(NoTls)?;
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {quoted} CASCADE"))?;
        Ok(())
    }

    /// Where the collection of `url` is, for messages: the URL without its password, and
    /// the schema.
    pub fn describe(url: &str) -> String {
        let (url, schema) = split_schema(url);
        format!(
            "{} (schema {})",
            shown_url(&url),
            schema.as_deref().unwrap_or("public")
        )
    }

    /// Where the collection is, for messages (the URL without its password, and the schema).
    pub fn location(&self) -> String {
        format!("{} (schema {})", self.shown, self.schema.trim_matches('"'))
    }

    /// A new connection, retried a few times with a growing pause (a server restarting);
    /// the last failure is returned, saying how many attempts were made.
    fn connect_raw(&self) -> Result<Client> {
        let mut pause = Duration::from_millis(100);
        let mut attempt = 1;
        loop {
            match self.config.connect(NoTls) {
                Ok(c) => return Ok(c),
                Err(e) if attempt >= CONNECT_ATTEMPTS => {
                    return Err(StoreError::Unavailable(format!(
                        "{}: {e} (after {attempt} attempts)",
                        self.shown
                    )))
                }
                Err(_) => {
                    std::thread::sleep(pause);
                    pause *= 3;
                    attempt += 1;
                }
            }
        }
    }

    fn connect(&self) -> Result<Client> {
        let mut client = self.connect_raw()?;
        client.batch_execute(&format!("SET search_path TO {}", self.schema))?;
        Ok(client)
    }

    /// A connection from the pool: an idle one, else a new one while fewer than
    /// [`MAX_OPEN`] are open, else the next one handed back.
    pub(crate) fn conn(&self) -> Result<Conn<'_>> {
        let mut pool = self.pool.lock().map_err(poisoned)?;
        loop {
            while let Some(c) = pool.idle.pop() {
                if !c.is_closed() {
                    return Ok(Conn {
                        store: self,
                        client: Some(c),
                    });
                }
                pool.open = pool.open.saturating_sub(1);
            }
            if pool.open < MAX_OPEN {
                pool.open += 1;
                drop(pool);
                return match self.connect() {
                    Ok(client) => Ok(Conn {
                        store: self,
                        client: Some(client),
                    }),
                    Err(e) => {
                        let mut pool = self.pool.lock().map_err(poisoned)?;
                        pool.open = pool.open.saturating_sub(1);
                        drop(pool);
                        self.freed.notify_one();
                        Err(e)
                    }
                };
            }
            pool = self.freed.wait(pool).map_err(poisoned)?;
        }
    }

    /// Runs `f` on a pooled connection; when the connection turns out to be dropped (the
    /// server restarted, a network cut), once more on a new one.
    pub(crate) fn with<T>(&self, f: impl Fn(&mut Client) -> Result<T>) -> Result<T> {
        let mut conn = self.conn()?;
        match f(&mut conn) {
            Err(StoreError::Postgres(e)) if lost(&e) || conn.is_closed() => {
                drop(conn);
                // A failure of the second try is the caller's to report.
                let mut conn = self.conn()?;
                f(&mut conn)
            }
            other => other,
        }
    }

    fn add_in(tx: &mut Transaction<'_>, articles: &[Article]) -> Result<AddOutcome> {
        let mut out = AddOutcome::default();
        let by_id = tx.prepare(
            "SELECT a.id, v.version, v.content_hash, v.source_lower FROM articles a \
             JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = $1",
        )?;
        let by_url = tx.prepare(
            "SELECT a.id, v.version, v.content_hash, v.source_lower FROM articles a \
             JOIN article_versions v ON v.seq = a.current_seq \
             WHERE a.url = $1 ORDER BY a.ord LIMIT 1",
        )?;
        let insert = tx.prepare(
            "INSERT INTO article_versions (article_id, version, content_hash, path, source, \
             source_lower, title, url, published, language, body, body_offset, config, tsv, \
             source_map) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::regconfig, \
             setweight(to_tsvector($13::text::regconfig, coalesce($7, '')), 'A') || \
             setweight(to_tsvector($13::text::regconfig, $11), 'B'), $14) RETURNING seq",
        )?;
        let current = tx.prepare(
            "INSERT INTO articles (id, current_seq, url) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET current_seq = excluded.current_seq, \
             url = excluded.url",
        )?;
        let mut configs: HashSet<&'static str> = HashSet::new();
        // Each outlet's change in current articles and the versions stored: the counters
        // `stats` reads (in key order, the order their rows are locked in).
        let mut outlets: BTreeMap<String, i64> = BTreeMap::new();
        let mut versions: i64 = 0;
        for a in articles {
            let hash = content_hash(a);
            let row = tx.query_opt(&by_id, &[&a.id])?;
            let row = match (row, a.url.as_deref()) {
                (Some(r), _) => Some(r),
                (None, Some(url)) if !url.is_empty() => tx.query_opt(&by_url, &[&url])?,
                _ => None,
            };
            let existing = row.map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, i32>(1),
                    r.get::<_, String>(2),
                    r.get::<_, String>(3),
                )
            });
            let lower = a.source.to_lowercase();
            let (id, version) = match existing {
                Some((_, _, h, _)) if h == hash => {
                    out.unchanged += 1;
                    continue;
                }
                Some((id, v, _, old)) => {
                    out.new_versions += 1;
                    if old != lower {
                        // Under another outlet's name: the article moves to that outlet.
                        *outlets.entry(old).or_default() -= 1;
                        *outlets.entry(lower.clone()).or_default() += 1;
                    }
                    (id, v + 1)
                }
                None => {
                    out.added += 1;
                    *outlets.entry(lower.clone()).or_default() += 1;
                    (a.id.clone(), 1)
                }
            };
            versions += 1;
            let config = search::config_for(a.language.as_deref());
            configs.insert(config);
            let offset = i64::try_from(a.body_offset).unwrap_or(i64::MAX);
            let seq: i64 = tx
                .query_one(
                    &insert,
                    &[
                        &id,
                        &version,
                        &hash,
                        &a.path,
                        &a.source,
                        &lower,
                        &a.title,
                        &a.url,
                        &a.published,
                        &a.language,
                        &a.body,
                        &offset,
                        &config,
                        &a.source_map.as_ref().map(SourceMap::to_bytes),
                    ],
                )?
                .get(0);
            tx.execute(&current, &[&id, &seq, &a.url])?;
        }
        for c in configs {
            tx.execute(
                "INSERT INTO search_configs (config) VALUES ($1::text::regconfig) ON CONFLICT DO NOTHING",
                &[&c],
            )?;
        }
        for (key, n) in outlets.iter().filter(|(_, n)| **n != 0) {
            tx.execute(
                "INSERT INTO outlet_counts (key, articles) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET articles = outlet_counts.articles + excluded.articles",
                &[key, n],
            )?;
        }
        if versions > 0 {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('count_versions', $1) \
                 ON CONFLICT (key) DO UPDATE SET \
                 value = (meta.value::bigint + excluded.value::bigint)::text",
                &[&versions.to_string()],
            )?;
        }
        Ok(out)
    }

    /// As the SQLite store's: only rows whose content changed are written.
    fn set_events_in(
        tx: &mut Transaction<'_>,
        report: &mut Report,
        closed: &[String],
    ) -> Result<Option<StorePhases>> {
        let mut laps = Laps::start();
        let mut phases = StorePhases::default();
        let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        let seen: i64 = tx
            .query_one(
                "SELECT coalesce(max(current_seq), 0)::BIGINT FROM articles WHERE id = ANY($1)",
                &[&ids],
            )?
            .get(0);
        if meta_number::<i64>(tx, "events_seq")?.is_some_and(|stored| stored > seen) {
            return Ok(None);
        }
        let closed: HashSet<&str> = closed.iter().map(String::as_str).collect();
        let mut old: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in tx.query("SELECT event_id, article_id FROM event_articles", &[])? {
            let e: String = r.get(0);
            if !closed.contains(e.as_str()) {
                old.entry(e).or_default().push(r.get(1));
            }
        }
        // Events with no article rows (none are written so) still count as stored.
        for r in tx.query("SELECT id FROM events", &[])? {
            let id: String = r.get(0);
            if !closed.contains(id.as_str()) {
                old.entry(id).or_default();
            }
        }
        let mut next: u64 = meta_number(tx, "next_event")?.unwrap_or(1);
        assign_event_ids(&old, &mut report.events, &mut next);
        let events = &report.events;

        let written: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        for id in old.keys().filter(|id| !written.contains(id.as_str())) {
            delete(tx, id, EVENT_ROWS)?;
            delete(tx, id, &["DELETE FROM event_entities WHERE event_id = $1"])?;
        }
        let base: i64 = if closed.is_empty() {
            0
        } else {
            tx.query_one("SELECT coalesce(max(rank) + 1, 0)::BIGINT FROM events", &[])?
                .get(0)
        };
        let compare = tx.prepare("SELECT rank, json = $2 FROM events WHERE id = $1")?;
        let rerank = tx.prepare("UPDATE events SET rank = $2 WHERE id = $1")?;
        let insert = tx.prepare(
            "INSERT INTO events (id, title, first_published, last_published, size, sources, \
             rank, json, outlets, entities) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )?;
        let link = tx.prepare(
            "INSERT INTO event_articles (event_id, article_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )?;
        let source = tx.prepare(
            "INSERT INTO event_sources (event_id, source_lower) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )?;
        let single = tx.prepare(
            "INSERT INTO event_single_source (event_id, facts) VALUES ($1, $2) \
             ON CONFLICT (event_id) DO UPDATE SET facts = excluded.facts",
        )?;
        for (rank, e) in events.iter().enumerate() {
            let rank = base + rank as i64;
            let json = serde_json::to_string(e)?;
            let stored = tx
                .query_opt(&compare, &[&e.id, &json])?
                .map(|r| (r.get::<_, i64>(0), r.get::<_, bool>(1)));
            match stored {
                Some((_, true)) if !closed.is_empty() => continue,
                Some((r, true)) => {
                    if r != rank {
                        tx.execute(&rerank, &[&e.id, &rank])?;
                    }
                    continue;
                }
                Some((_, false)) => delete(tx, &e.id, EVENT_ROWS)?,
                None => {}
            }
            tx.execute(
                &insert,
                &[
                    &e.id,
                    &e.title,
                    &e.first_published,
                    &e.last_published,
                    &(e.articles.len() as i64),
                    &serde_json::to_string(&e.sources)?,
                    &rank,
                    &json,
                    &(e.sources.len() as i64),
                    &serde_json::to_string(&e.entities)?,
                ],
            )?;
            tx.execute(&single, &[&e.id, &crate::reads::single_source_json(e)?])?;
            for a in &e.articles {
                tx.execute(&link, &[&e.id, a])?;
            }
            for s in &e.sources {
                tx.execute(&source, &[&e.id, &s.to_lowercase()])?;
            }
        }
        phases.events = laps.lap();

        // The entities of every event, in the order events are listed: the report's are in
        // memory, the closed ones' read beside them.
        let in_report: HashMap<&str, &Event> = events.iter().map(|e| (e.id.as_str(), e)).collect();
        let parsed = if closed.is_empty() {
            Vec::new()
        } else {
            let params: [&str; 0] = [];
            let mut rows = tx.query_raw(
                &format!("SELECT id, entities FROM events e ORDER BY {EVENT_ORDER}"),
                params,
            )?;
            let mut listed: Vec<(String, Option<String>)> = Vec::new();
            while let Some(r) = rows.next()? {
                let id: String = r.get(0);
                let json = match in_report.contains_key(id.as_str()) {
                    true => None,
                    false => Some(r.get(1)),
                };
                listed.push((id, json));
            }
            stored_event_entities(listed)?
        };
        let listed = event_listing(events, &in_report, &parsed);
        let entities = aggregate_entities(&listed);

        let mut known = StoredEntities::new(&entities);
        {
            let params: [&str; 0] = [];
            let mut rows = tx.query_raw(
                "SELECT id, fingerprint, CASE WHEN fingerprint IS NULL THEN json END \
                 FROM entities",
                params,
            )?;
            while let Some(r) = rows.next()? {
                let json: Option<&str> = r.get(2);
                known.note(r.get(0), r.get(1), json.map(str::as_bytes));
            }
        }
        for id in &known.gone {
            delete(tx, id, ENTITY_ROWS)?;
            delete(tx, id, &[ENTITY_LINKS])?;
        }
        let links_of = tx.prepare("SELECT event_id FROM event_entities WHERE entity_id = $1")?;
        let drop_entity = tx.prepare("DELETE FROM entities WHERE id = $1")?;
        let lost_names = tx.prepare(
            "DELETE FROM entity_names WHERE entity_id = $1 AND NOT (name_lower = ANY($2))",
        )?;
        let insert = tx.prepare(
            "INSERT INTO entities (id, name, kind, mentions, event_count, json, fingerprint) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )?;
        let set_fingerprint = tx.prepare("UPDATE entities SET fingerprint = $2 WHERE id = $1")?;
        let name = tx.prepare(
            "INSERT INTO entity_names (entity_id, name_lower) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )?;
        let unlink =
            tx.prepare("DELETE FROM event_entities WHERE event_id = $1 AND entity_id = $2")?;
        let link = tx.prepare(
            "INSERT INTO event_entities (event_id, entity_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )?;
        for change in changed_entities(&entities, &known.stored, &known.json_hash)? {
            let (ent, json, fingerprint, was_stored) = match change {
                Change::Fingerprint { id, fingerprint } => {
                    tx.execute(&set_fingerprint, &[&id, &fingerprint])?;
                    continue;
                }
                Change::Write {
                    entity,
                    json,
                    fingerprint,
                    was_stored,
                } => (entity, json, fingerprint, was_stored),
            };
            let names = lower_names(&ent);
            let links: Vec<String> = if was_stored {
                // Its names stay as they are, but for those it lost: each name row
                // written is also indexed by trigrams, and a changed entity has mostly
                // gained or lost events, not names.
                tx.execute(&drop_entity, &[&ent.id])?;
                tx.execute(&lost_names, &[&ent.id, &names])?;
                tx.query(&links_of, &[&ent.id])?
                    .iter()
                    .map(|r| r.get(0))
                    .collect()
            } else {
                Vec::new()
            };
            tx.execute(
                &insert,
                &[
                    &ent.id,
                    &ent.name,
                    &ent.kind.as_str(),
                    &(ent.mentions as i64),
                    &(ent.events.len() as i64),
                    &json,
                    &fingerprint,
                ],
            )?;
            for n in &names {
                tx.execute(&name, &[&ent.id, n])?;
            }
            let (gone, new) = link_changes(&links, &ent.events);
            for e in gone {
                tx.execute(&unlink, &[&e, &ent.id])?;
            }
            for e in new {
                tx.execute(&link, &[&e, &ent.id])?;
            }
        }
        phases.entities = laps.lap();

        // Cleaned texts: the records of articles no longer stored go; each of the report's
        // is written when it differs from what is stored.
        let current: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        tx.execute(
            "DELETE FROM clean_articles c WHERE NOT EXISTS \
             (SELECT 1 FROM articles a WHERE a.id = c.id) AND NOT (c.id = ANY($1))",
            &[&current],
        )?;
        let upsert = tx.prepare(
            "INSERT INTO clean_articles (id, json) VALUES ($1, $2) ON CONFLICT (id) \
             DO UPDATE SET json = excluded.json WHERE clean_articles.json <> excluded.json",
        )?;
        for a in &report.articles {
            tx.execute(&upsert, &[&a.id, &serde_json::to_string(a)?])?;
        }
        set_meta(tx, "next_event", &next.to_string())?;
        set_meta(tx, "events_seq", &seen.to_string())?;
        // The articles in an event (the rest are in none) and the entities, for `stats`.
        tx.execute(
            "INSERT INTO meta (key, value) \
             SELECT 'count_placed', count(DISTINCT article_id)::text FROM event_articles \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[],
        )?;
        tx.execute(
            "INSERT INTO meta (key, value) \
             SELECT 'count_entities', count(*)::text FROM entities \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[],
        )?;
        phases.texts = laps.lap();
        Ok(Some(phases))
    }
}

/// Whether `e` says the connection is gone (closed, or ended by the server: a restart, an
/// administrator), so that the same work may be tried again on a new one.
fn lost(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.is_closed()
        || e.code().is_some_and(|c| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
                SqlState::CONNECTION_FAILURE,
                SqlState::CONNECTION_EXCEPTION,
            ]
            .contains(c)
        })
}

fn poisoned<T>(_: T) -> StoreError {
    StoreError::Inconsistent("a previous operation panicked".into())
}

const EVENT_ROWS: &[&str] = &[
    "DELETE FROM events WHERE id = $1",
    "DELETE FROM event_articles WHERE event_id = $1",
    "DELETE FROM event_sources WHERE event_id = $1",
    "DELETE FROM event_single_source WHERE event_id = $1",
];
const ENTITY_ROWS: &[&str] = &[
    "DELETE FROM entities WHERE id = $1",
    "DELETE FROM entity_names WHERE entity_id = $1",
];
const ENTITY_LINKS: &str = "DELETE FROM event_entities WHERE entity_id = $1";

fn delete(tx: &mut Transaction<'_>, id: &str, statements: &[&str]) -> Result<()> {
    for sql in statements {
        tx.execute(*sql, &[&id])?;
    }
    Ok(())
}

fn set_meta(tx: &mut Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&key, &value],
    )?;
    Ok(())
}

/// Writes the articles' lines as `lines` says, with the events.
fn set_lines(tx: &mut Transaction<'_>, lines: LinesUpdate<'_>) -> Result<()> {
    let given = match lines {
        LinesUpdate::Unknown => return set_meta(tx, "lines_missing", "1"),
        LinesUpdate::Changed(given) => given,
        LinesUpdate::All(given) => {
            tx.execute("DELETE FROM article_lines", &[])?;
            tx.execute("DELETE FROM meta WHERE key = 'lines_missing'", &[])?;
            given
        }
    };
    let stmt = tx.prepare(
        "INSERT INTO article_lines (article_id, source, lines) VALUES ($1, $2, $3) \
         ON CONFLICT (article_id) DO UPDATE SET source = excluded.source, lines = excluded.lines",
    )?;
    for a in given {
        tx.execute(&stmt, &[&a.id, &a.source, &crate::encode_lines(&a.lines)])?;
    }
    Ok(())
}

pub(crate) fn meta_text(c: &mut impl GenericClient, key: &str) -> Result<Option<String>> {
    Ok(
        c.query_opt("SELECT value FROM meta WHERE key = $1", &[&key])?
            .map(|r| r.get(0)),
    )
}

fn meta_number<T: std::str::FromStr>(c: &mut impl GenericClient, key: &str) -> Result<Option<T>> {
    Ok(meta_text(c, key)?.and_then(|v| v.parse().ok()))
}

pub(crate) fn newest_seq(c: &mut impl GenericClient) -> Result<i64> {
    Ok(c.query_one(
        "SELECT coalesce(max(seq), 0)::BIGINT FROM article_versions",
        &[],
    )?
    .get(0))
}

fn count(c: &mut Client, sql: &str) -> Result<usize> {
    let n: i64 = c.query_one(sql, &[])?.get(0);
    Ok(usize::try_from(n).unwrap_or(0))
}

const ARTICLE_COLUMNS: &str = "a.id, v.path, v.source, v.title, v.url, v.published, v.language, \
     v.body, v.body_offset, v.version, v.content_hash, v.source_map";

fn article_from_row(r: &Row) -> (Article, u32, String) {
    let offset: i64 = r.get(8);
    let version: i32 = r.get(9);
    (
        Article {
            id: r.get(0),
            path: r.get(1),
            source: r.get(2),
            title: r.get(3),
            url: r.get(4),
            published: r.get(5),
            language: r.get(6),
            body: r.get(7),
            body_offset: usize::try_from(offset).unwrap_or(0),
            source_map: r
                .get::<_, Option<Vec<u8>>>(11)
                .and_then(|b| SourceMap::from_bytes(&b)),
        },
        u32::try_from(version).unwrap_or(0),
        r.get(10),
    )
}

/// Decodes the JSON in the first column of the rows of `sql`, streamed a block of `block`
/// rows at a time, each block in parallel.
pub(crate) fn decode_in_blocks<T: serde::de::DeserializeOwned + Send>(
    c: &mut Client,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    block: usize,
    each: &mut dyn FnMut(Vec<T>),
) -> Result<()> {
    let mut rows = c.query_raw(sql, params.iter().copied())?;
    let mut texts: Vec<String> = Vec::with_capacity(block);
    // The stream is not asked again once it has ended (it then answers an error).
    let mut ended = false;
    loop {
        texts.clear();
        while !ended && texts.len() < block {
            match rows.next()? {
                Some(r) => texts.push(r.get(0)),
                None => ended = true,
            }
        }
        if texts.is_empty() {
            return Ok(());
        }
        let decoded: Vec<T> = texts
            .par_iter()
            .map(|json| serde_json::from_str(json))
            .collect::<serde_json::Result<_>>()?;
        each(decoded);
    }
}

impl Collection for PgStore {
    fn add_articles(&self, articles: &[Article]) -> Result<AddOutcome> {
        if articles.is_empty() {
            return Ok(AddOutcome::default());
        }
        let out = self.with(|c| {
            let mut tx = c.transaction()?;
            // Version numbers in commit order (see the module's notes); the same article
            // from two workers is then found by the second.
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, $2)",
                &[&self.lock_space, &LOCK_STORE],
            )?;
            let out = Self::add_in(&mut tx, articles)?;
            tx.commit()?;
            Ok(out)
        })?;
        Ok(out)
    }

    fn add_diagnostics(&self, diagnostics: &[Diagnostic]) -> Result<()> {
        if diagnostics.is_empty() {
            return Ok(());
        }
        self.with(|c| {
            let mut tx = c.transaction()?;
            let stmt = tx.prepare(
                "INSERT INTO diagnostics (path, message) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )?;
            for d in diagnostics {
                tx.execute(&stmt, &[&d.path, &d.message])?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn articles(&self) -> Result<Vec<Article>> {
        self.with(|c| {
            Ok(c.query(
                &format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a \
                     JOIN article_versions v ON v.seq = a.current_seq ORDER BY a.ord"
                ),
                &[],
            )?
            .iter()
            .map(|r| article_from_row(r).0)
            .collect())
        })
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.with(|c| {
            let Some(row) = c.query_opt(
                &format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a \
                     JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = $1"
                ),
                &[&id],
            )?
            else {
                return Ok(None);
            };
            let (article, version, content_hash) = article_from_row(&row);
            let clean = c
                .query_opt("SELECT json FROM clean_articles WHERE id = $1", &[&id])?
                .map(|r| serde_json::from_str::<ReportArticle>(r.get(0)))
                .transpose()?;
            let events = c
                .query(
                    &format!(
                        "SELECT ea.event_id FROM event_articles ea JOIN events e \
                         ON e.id = ea.event_id WHERE ea.article_id = $1 ORDER BY {EVENT_ORDER}"
                    ),
                    &[&id],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            Ok(Some(StoredArticle {
                article,
                version,
                content_hash,
                clean,
                events,
            }))
        })
    }

    fn has_url(&self, url: &str) -> Result<bool> {
        self.with(|c| {
            Ok(
                c.query_opt("SELECT 1 FROM articles WHERE url = $1 LIMIT 1", &[&url])?
                    .is_some(),
            )
        })
    }

    fn set_events_lined(
        &self,
        report: &mut Report,
        closed: &[String],
        lines: LinesUpdate<'_>,
    ) -> Result<Option<StorePhases>> {
        // Not retried: ids are assigned into `report` in place.
        let mut c = self.conn()?;
        let mut tx = c.transaction()?;
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, $2)",
            &[&self.lock_space, &LOCK_EVENTS],
        )?;
        let mut written = Self::set_events_in(&mut tx, report, closed)?;
        if let Some(phases) = &mut written {
            let mut laps = Laps::start();
            set_lines(&mut tx, lines)?;
            phases.texts += laps.lap();
        }
        let mut laps = Laps::start();
        tx.commit()?;
        let commit = laps.lap();
        Ok(written.map(|p| StorePhases { commit, ..p }))
    }

    fn lock_refresh(&self) -> Result<Option<RefreshGuard>> {
        let mut client = self.connect()?;
        client.execute(
            "SELECT pg_advisory_lock($1, $2)",
            &[&self.lock_space, &LOCK_REFRESH],
        )?;
        Ok(Some(Box::new(RefreshLock {
            client,
            space: self.lock_space,
        })))
    }

    fn outlet_lines(&self, sources: &[String]) -> Result<Option<Vec<ArticleLines>>> {
        self.with(|c| {
            if meta_text(c, "lines_missing")?.is_some() {
                return Ok(None);
            }
            let rows = c.query(
                "SELECT l.article_id, l.source, l.lines FROM article_lines l \
                 JOIN articles a ON a.id = l.article_id WHERE l.source = ANY($1) ORDER BY a.ord",
                &[&sources],
            )?;
            Ok(Some(
                rows.iter()
                    .map(|r| ArticleLines {
                        id: r.get(0),
                        source: r.get(1),
                        lines: crate::decode_lines(r.get(2)),
                    })
                    .collect(),
            ))
        })
    }

    fn events_outdated(&self) -> Result<bool> {
        self.with(|c| {
            let newest = newest_seq(c)?;
            let seen: Option<i64> = meta_number(c, "events_seq")?;
            Ok(seen.is_none_or(|seen| newest > seen))
        })
    }

    fn article_version(&self) -> Result<i64> {
        self.with(newest_seq)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<EventSummary>> {
        Ok(self.list_events(filter, false)?.items)
    }

    fn event(&self, id: &str) -> Result<Option<Event>> {
        self.with(|c| {
            Ok(
                c.query_opt("SELECT json FROM events WHERE id = $1", &[&id])?
                    .map(|r| serde_json::from_str(r.get(0)))
                    .transpose()?,
            )
        })
    }

    fn clean_article(&self, id: &str) -> Result<Option<ReportArticle>> {
        self.with(|c| {
            Ok(
                c.query_opt("SELECT json FROM clean_articles WHERE id = $1", &[&id])?
                    .map(|r| serde_json::from_str(r.get(0)))
                    .transpose()?,
            )
        })
    }

    fn setting(&self, name: &str) -> Result<Option<String>> {
        self.with(|c| meta_text(c, &format!("setting:{name}")))
    }

    fn set_setting(&self, name: &str, value: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&format!("setting:{name}"), &value],
            )?;
            Ok(())
        })
    }

    fn stored_grouping(&self) -> Result<StoredGrouping> {
        self.with(|c| {
            let mut groups: Vec<Vec<String>> = Vec::new();
            let mut last: Option<String> = None;
            let rows = c.query(
                &format!(
                    "SELECT e.id, a.article_id FROM events e JOIN event_articles a \
                     ON a.event_id = e.id ORDER BY {EVENT_ORDER}, e.id"
                ),
                &[],
            )?;
            for r in &rows {
                let event: String = r.get(0);
                if last.as_ref() != Some(&event) {
                    groups.push(Vec::new());
                    last = Some(event);
                }
                groups.last_mut().expect("pushed above").push(r.get(1));
            }
            let mut read = StoredGrouping::default();
            let params: [&str; 0] = [];
            let mut rows = c.query_raw(
                "SELECT c.id, c.json FROM clean_articles c WHERE EXISTS \
                 (SELECT 1 FROM event_articles ea WHERE ea.article_id = c.id)",
                params,
            )?;
            while let Some(r) = rows.next()? {
                read.add_clean(r.get::<_, String>(0), r.get(1))?;
            }
            Ok(StoredGrouping { groups, ..read })
        })
    }

    fn grouping_of(&self, events: &[String]) -> Result<StoredGrouping> {
        self.with(|c| {
            let mut groups = Vec::with_capacity(events.len());
            let mut read = StoredGrouping::default();
            let members = c.prepare("SELECT article_id FROM event_articles WHERE event_id = $1")?;
            let clean = c.prepare("SELECT json FROM clean_articles WHERE id = $1")?;
            for e in events {
                let ids: Vec<String> = c.query(&members, &[e])?.iter().map(|r| r.get(0)).collect();
                for id in &ids {
                    if let Some(r) = c.query_opt(&clean, &[id])? {
                        read.add_clean(id.clone(), r.get(0))?;
                    }
                }
                groups.push(ids);
            }
            Ok(StoredGrouping { groups, ..read })
        })
    }

    fn pending_articles(&self) -> Result<Vec<PendingArticle>> {
        self.with(|c| {
            let seen: i64 = meta_number(c, "events_seq")?.unwrap_or(0);
            let rows = c.query(
                "SELECT a.id, v.published, \
                 coalesce((SELECT array_agg(ea.event_id ORDER BY ea.event_id) \
                   FROM event_articles ea WHERE ea.article_id = a.id), '{}') \
                 FROM articles a JOIN article_versions v ON v.seq = a.current_seq \
                 WHERE a.current_seq > $1 ORDER BY a.ord",
                &[&seen],
            )?;
            Ok(rows
                .iter()
                .map(|r| PendingArticle {
                    id: r.get(0),
                    published: r.get(1),
                    events: r.get(2),
                })
                .collect())
        })
    }

    fn event_spans(&self) -> Result<Vec<EventSpan>> {
        self.with(|c| {
            Ok(c.query(
                &format!(
                    "SELECT id, first_published, last_published FROM events e \
                     ORDER BY {EVENT_ORDER}"
                ),
                &[],
            )?
            .iter()
            .map(|r| EventSpan {
                id: r.get(0),
                first_published: r.get(1),
                last_published: r.get(2),
            })
            .collect())
        })
    }

    fn articles_by_id(&self, ids: &[String]) -> Result<Vec<Article>> {
        self.with(|c| {
            Ok(c.query(
                &format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a \
                     JOIN article_versions v ON v.seq = a.current_seq \
                     WHERE a.id = ANY($1) ORDER BY a.ord"
                ),
                &[&ids],
            )?
            .iter()
            .map(|r| article_from_row(r).0)
            .collect())
        })
    }

    fn event_summaries(&self, ids: &[String]) -> Result<Vec<EventSummary>> {
        self.summaries(ids)
    }

    fn all_events(&self) -> Result<Vec<Event>> {
        self.with(|c| {
            let mut events: Vec<Event> = Vec::new();
            decode_in_blocks(
                c,
                &format!("SELECT json FROM events e ORDER BY {EVENT_ORDER}"),
                &[],
                512,
                &mut |block| events.extend(block),
            )?;
            Ok(events)
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let request = SearchRequest {
            query: query.to_string(),
            limit,
            ..SearchRequest::default()
        };
        Ok(self.matches(&request)?.0)
    }

    fn events_with_phrases(&self, phrases: &[String], limit: usize) -> Result<Vec<Vec<String>>> {
        self.phrase_events(phrases, limit)
    }

    fn search_page(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.search_grouped(request)
    }

    fn events_page(&self, filter: &EventFilter) -> Result<Page<EventSummary>> {
        self.list_events(filter, true)
    }

    fn entities_page(&self, query: &EntityQuery) -> Result<Page<EntitySummary>> {
        self.list_entities(query)
    }

    fn outlets(&self, offset: usize, limit: usize) -> Result<Page<OutletSummary>> {
        Ok(crate::reads::window(
            &crate::reads::all_outlets(self)?,
            offset,
            limit,
        ))
    }

    fn outlet(&self, name: &str, offset: usize, limit: usize) -> Result<Option<OutletDetail>> {
        crate::reads::outlet_detail(self, name, offset, limit)
    }

    fn article_versions(&self, id: &str) -> Result<Vec<crate::ArticleVersion>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT version, title, published, body FROM article_versions \
                 WHERE article_id = $1 ORDER BY version",
                &[&id],
            )?
            .iter()
            .map(|r| crate::ArticleVersion {
                version: u32::try_from(r.get::<_, i32>(0)).unwrap_or(0),
                title: r.get(1),
                published: r.get(2),
                body: r.get(3),
            })
            .collect())
        })
    }

    fn entities(&self) -> Result<Vec<EntitySummary>> {
        self.with(|c| {
            let mut out = Vec::new();
            for r in c.query(
                "SELECT json FROM entities \
                 ORDER BY event_count DESC, mentions DESC, name COLLATE \"C\"",
                &[],
            )? {
                out.push(serde_json::from_str(r.get(0))?);
            }
            Ok(out)
        })
    }

    fn entity(&self, id: &str) -> Result<Option<EntitySummary>> {
        self.with(|c| {
            Ok(
                c.query_opt("SELECT json FROM entities WHERE id = $1", &[&id])?
                    .map(|r| serde_json::from_str(r.get(0)))
                    .transpose()?,
            )
        })
    }

    fn event_entities(&self, event: &str) -> Result<Vec<EntitySummary>> {
        self.with(|c| {
            let mut out = Vec::new();
            for r in c.query(
                "SELECT e.json FROM event_entities ee JOIN entities e ON e.id = ee.entity_id \
                 WHERE ee.event_id = $1 \
                 ORDER BY e.event_count DESC, e.mentions DESC, e.name COLLATE \"C\"",
                &[&event],
            )? {
                out.push(serde_json::from_str(r.get(0))?);
            }
            Ok(out)
        })
    }

    fn diagnostics(&self) -> Result<Vec<Diagnostic>> {
        self.with(|c| {
            Ok(
                c.query("SELECT path, message FROM diagnostics ORDER BY seq", &[])?
                    .iter()
                    .map(|r| Diagnostic {
                        path: r.get(0),
                        message: r.get(1),
                    })
                    .collect(),
            )
        })
    }

    /// As the SQLite store's: the writers' counters and the counts of the smaller tables.
    fn stats(&self) -> Result<Stats> {
        self.with(|c| {
            let articles = count(
                c,
                "SELECT coalesce(sum(articles), 0)::BIGINT FROM outlet_counts",
            )?;
            let placed: usize = meta_number(c, "count_placed")?.unwrap_or(0);
            Ok(Stats {
                articles,
                versions: meta_number(c, "count_versions")?.unwrap_or(0),
                events: count(c, "SELECT count(*) FROM events")?,
                without_event: articles.saturating_sub(placed),
                entities: meta_number(c, "count_entities")?.unwrap_or(0),
                sources: count(c, "SELECT count(*) FROM outlet_counts WHERE articles > 0")?,
                diagnostics: count(c, "SELECT count(*) FROM diagnostics")?,
                // Every current version is searchable as soon as it is stored.
                indexed: articles,
            })
        })
    }

    fn backend(&self) -> String {
        format!("PostgreSQL {}", self.location())
    }

    /// As the default, but the cleaned texts in one query rather than one per article (each
    /// a round trip to the server).
    fn event_report(&self, id: &str) -> Result<Option<Report>> {
        let Some(event) = self.event(id)? else {
            return Ok(None);
        };
        let articles = self.clean_articles_of(&event.articles)?;
        Ok(Some(Report {
            articles,
            events: vec![event],
            diagnostics: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_a_schema_and_hide_passwords() {
        assert_eq!(
            split_schema("postgres://u@h:5/db?schema=t1&sslmode=disable"),
            (
                "postgres://u@h:5/db?sslmode=disable".to_string(),
                Some("t1".to_string())
            )
        );
        assert_eq!(
            split_schema("postgres://u@h/db"),
            ("postgres://u@h/db".to_string(), None)
        );
        assert_eq!(
            shown_url("postgres://u:secret@h:5/db"),
            "postgres://u:***@h:5/db"
        );
        assert!(quote_schema("t_1").is_ok());
        assert!(quote_schema("x\"; DROP").is_err());
        assert!(quote_schema("1x").is_err());
        assert_ne!(lock_space("a"), lock_space("b"));
    }
}

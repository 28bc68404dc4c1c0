//! [`Store`]: the [`Collection`] kept in a data directory as `chorus.sqlite3` (the truth)
//! plus `index/` (tantivy, derived). Two connections: readers never wait for a writer (WAL).

use crate::ids::{
    aggregate_entities, assign_event_ids, changed_entities, event_listing, link_changes,
    lower_names, stored_event_entities, Change, StoredEntities,
};
use crate::lock::DirLock;
use crate::search::{IndexDoc, TextIndex};
use crate::{
    AddOutcome, ArticleLines, Collection, EntityQuery, EntitySummary, EventFilter, EventSpan,
    EventSummary, Laps, LinesUpdate, OutletDetail, OutletSummary, Page, PendingArticle, Result,
    SearchHit, SearchRequest, SearchResults, Stats, StoreError, StorePhases, StoredArticle,
    StoredGrouping,
};
use chorus_model::{Article, Diagnostic, Event, Report, ReportArticle, SourceMap};
use rayon::prelude::*;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

const DB_FILE: &str = "chorus.sqlite3";
const INDEX_DIR: &str = "index";

/// How to open a data directory.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenOptions {
    /// Create the directory and an empty collection when missing (else [`StoreError::NotFound`]).
    pub create: bool,
    /// Hold the write lock for the life of the [`Store`] ([`StoreError::Busy`] when another
    /// process has it). Without it, each write takes the lock for its own duration.
    pub exclusive: bool,
}

/// A collection in a data directory.
pub struct Store {
    dir: PathBuf,
    read: Mutex<Connection>,
    /// Also serialises this process's writers before they take the directory lock.
    write: Mutex<Connection>,
    index: TextIndex,
    held: Option<DirLock>,
    /// The outlet figures, kept until an article or the events change.
    outlets: crate::reads::OutletCache,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn poisoned<T>(_: T) -> StoreError {
    StoreError::Inconsistent("a previous operation panicked".into())
}

/// SHA-256 over the fields that make an article's content; the file path and offsets are
/// where it was read from, not what it says, so they do not count.
pub(crate) fn content_hash(a: &Article) -> String {
    let mut h = Sha256::new();
    let fields = [
        Some(a.source.as_str()),
        a.title.as_deref(),
        a.url.as_deref(),
        a.published.as_deref(),
        a.language.as_deref(),
        Some(a.body.as_str()),
    ];
    for f in fields {
        match f {
            // Length-prefixed, so no two field lists hash the same bytes.
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

const ARTICLE_COLUMNS: &str = "a.id, v.path, v.source, v.title, v.url, v.published, v.language, \
     v.body, v.body_offset, v.version, v.content_hash, v.source_map";

fn article_from_row(r: &Row<'_>) -> rusqlite::Result<(Article, u32, String)> {
    let offset: i64 = r.get(8)?;
    Ok((
        Article {
            id: r.get(0)?,
            path: r.get(1)?,
            source: r.get(2)?,
            title: r.get(3)?,
            url: r.get(4)?,
            published: r.get(5)?,
            language: r.get(6)?,
            body: r.get(7)?,
            body_offset: usize::try_from(offset).unwrap_or(0),
            source_map: r
                .get::<_, Option<Vec<u8>>>(11)?
                .and_then(|b| SourceMap::from_bytes(&b)),
        },
        r.get(9)?,
        r.get(10)?,
    ))
}

impl Store {
    /// Opens (or, with `create`, makes) the collection in `dir`. When the write lock is free,
    /// also brings the full-text index up to date with SQLite (after a crash it may lag).
    pub fn open(dir: &Path, options: &OpenOptions) -> Result<Store> {
        let db_path = dir.join(DB_FILE);
        if !options.create && !db_path.exists() {
            return Err(StoreError::NotFound(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let held = if options.exclusive {
            Some(DirLock::try_acquire(dir)?)
        } else {
            None
        };
        let passing = match held {
            Some(_) => None,
            None => DirLock::try_acquire(dir).ok(),
        };
        let may_write = held.is_some() || passing.is_some();
        let mut write = Connection::open(&db_path)?;
        crate::schema::prepare(&mut write, &db_path)?;
        let read = Connection::open(&db_path)?;
        read.busy_timeout(std::time::Duration::from_secs(30))?;
        let index = TextIndex::open(&dir.join(INDEX_DIR), may_write)?;
        let store = Store {
            dir: dir.to_path_buf(),
            read: Mutex::new(read),
            write: Mutex::new(write),
            index,
            held,
            outlets: Mutex::new(None),
        };
        if may_write {
            let conn = store.write.lock().map_err(poisoned)?;
            store.sync_index(&conn)?;
        }
        drop(passing);
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The write connection plus the directory lock for this write (none when held for life).
    fn writing(&self) -> Result<(MutexGuard<'_, Connection>, Option<DirLock>)> {
        let conn = self.write.lock().map_err(poisoned)?;
        let lock = match self.held {
            Some(_) => None,
            None => Some(DirLock::try_acquire(&self.dir)?),
        };
        Ok((conn, lock))
    }

    fn reading(&self) -> Result<MutexGuard<'_, Connection>> {
        self.read.lock().map_err(poisoned)
    }

    /// Indexes every article whose current version is newer than the index's watermark.
    /// Called with the write lock held.
    fn sync_index(&self, conn: &Connection) -> Result<()> {
        let watermark = self.index.watermark();
        let newest = newest_seq(conn)?;
        if newest == watermark && (newest > 0 || self.index.num_docs() == 0) {
            return Ok(());
        }
        let writer = self.index.writer()?;
        // An index ahead of the database belongs to another database: start over.
        let from = if watermark > newest {
            writer.delete_all_documents()?;
            0
        } else {
            watermark
        };
        let mut stmt = conn.prepare(
            "SELECT a.id, v.title, v.body, v.source, v.language, v.published FROM articles a \
             JOIN article_versions v ON v.seq = a.current_seq \
             WHERE a.current_seq > ?1 ORDER BY a.current_seq",
        )?;
        let mut rows = stmt.query([from])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let title: Option<String> = r.get(1)?;
            let body: String = r.get(2)?;
            let source: String = r.get(3)?;
            let language: Option<String> = r.get(4)?;
            let published: Option<String> = r.get(5)?;
            self.index.put(
                &writer,
                &IndexDoc {
                    id: &id,
                    title: title.as_deref().unwrap_or(""),
                    body: &body,
                    source: &source,
                    language: language.as_deref(),
                    published: published.as_deref(),
                },
            )?;
        }
        self.index.commit(writer, newest)?;
        Ok(())
    }

    fn add_in(tx: &Transaction<'_>, articles: &[Article]) -> Result<AddOutcome> {
        let mut out = AddOutcome::default();
        // Each outlet's change in current articles (by source as given; `lower` in SQL), and
        // the versions stored: the counters `stats` reads.
        let mut outlets: HashMap<String, i64> = HashMap::new();
        let mut versions: i64 = 0;
        for a in articles {
            let hash = content_hash(a);
            let by_id = tx
                .query_row(
                    "SELECT a.id, v.version, v.content_hash, v.source FROM articles a \
                     JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = ?1",
                    [&a.id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, u32>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                        ))
                    },
                )
                .optional()?;
            let existing = match (by_id, a.url.as_deref()) {
                (Some(found), _) => Some(found),
                (None, Some(url)) if !url.is_empty() => tx
                    .query_row(
                        "SELECT a.id, v.version, v.content_hash, v.source FROM articles a \
                         JOIN article_versions v ON v.seq = a.current_seq \
                         WHERE a.url = ?1 ORDER BY a.rowid LIMIT 1",
                        [url],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    )
                    .optional()?,
                _ => None,
            };
            let (id, version) = match existing {
                Some((_, _, h, _)) if h == hash => {
                    out.unchanged += 1;
                    continue;
                }
                Some((id, v, _, old)) => {
                    out.new_versions += 1;
                    if old != a.source {
                        // Under another outlet's name: the article moves to that outlet.
                        *outlets.entry(old).or_default() -= 1;
                        *outlets.entry(a.source.clone()).or_default() += 1;
                    }
                    (id, v + 1)
                }
                None => {
                    out.added += 1;
                    *outlets.entry(a.source.clone()).or_default() += 1;
                    (a.id.clone(), 1)
                }
            };
            versions += 1;
            tx.execute(
                "INSERT INTO article_versions (article_id, version, content_hash, path, source, \
                 title, url, published, language, body, body_offset, source_map) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    id,
                    version,
                    hash,
                    a.path,
                    a.source,
                    a.title,
                    a.url,
                    a.published,
                    a.language,
                    a.body,
                    i64::try_from(a.body_offset).unwrap_or(i64::MAX),
                    a.source_map.as_ref().map(SourceMap::to_bytes),
                ],
            )?;
            let seq = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO articles (id, current_seq, url) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(id) DO UPDATE SET current_seq = excluded.current_seq, \
                 url = excluded.url",
                params![id, seq, a.url],
            )?;
        }
        for (source, n) in outlets.iter().filter(|(_, n)| **n != 0) {
            tx.prepare_cached(
                "INSERT INTO outlet_counts (key, articles) VALUES (lower(?1), ?2) \
                 ON CONFLICT (key) DO UPDATE SET articles = articles + excluded.articles",
            )?
            .execute(params![source, n])?;
        }
        if versions > 0 {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('count_versions', ?1) \
                 ON CONFLICT (key) DO UPDATE SET \
                 value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)",
                [versions.to_string()],
            )?;
        }
        Ok(out)
    }

    /// Brings the stored events, entities and cleaned texts in line with `report`, writing
    /// only rows whose content changed: after an ingest that touched a few events, the rest of
    /// the collection is compared, not written again.
    fn set_events_in(
        tx: &Transaction<'_>,
        report: &mut Report,
        closed: &[String],
    ) -> Result<Option<StorePhases>> {
        let mut laps = Laps::start();
        let mut phases = StorePhases::default();
        // The newest article version these events were computed from.
        let mut seen: i64 = 0;
        {
            let mut stmt = tx.prepare("SELECT current_seq FROM articles WHERE id = ?1")?;
            for a in &report.articles {
                let seq: Option<i64> = stmt.query_row([&a.id], |r| r.get(0)).optional()?;
                seen = seen.max(seq.unwrap_or(0));
            }
        }
        // Articles are never removed, so stored events computed from a newer version hold
        // every article this report holds, and more: this report was computed before them
        // (two refreshes at once, the later one done first) and must not replace them.
        if meta_number::<i64>(tx, "events_seq")?.is_some_and(|stored| stored > seen) {
            return Ok(None);
        }
        // The stored events this report replaces: all of them, or all but the closed ones.
        let closed: HashSet<&str> = closed.iter().map(String::as_str).collect();
        let mut old: BTreeMap<String, Vec<String>> = BTreeMap::new();
        if closed.is_empty() {
            let mut stmt = tx.prepare("SELECT event_id, article_id FROM event_articles")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
            for row in rows {
                let (e, a) = row?;
                old.entry(e).or_default().push(a);
            }
        } else {
            let mut members =
                tx.prepare_cached("SELECT article_id FROM event_articles WHERE event_id = ?1")?;
            for id in stale(tx, "SELECT id FROM events", &closed)? {
                let articles = members
                    .query_map([&id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                old.insert(id, articles);
            }
        }
        let mut next: u64 = meta_number(tx, "next_event")?.unwrap_or(1);
        assign_event_ids(&old, &mut report.events, &mut next);
        let events = &report.events;

        // Events: each compared with the stored one of its id (in SQLite, not loaded: the
        // stored JSON of a large collection is hundreds of megabytes).
        let written: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        for id in old.keys().filter(|id| !written.contains(id.as_str())) {
            delete(tx, id, EVENT_ROWS)?;
            delete(tx, id, &["DELETE FROM event_entities WHERE event_id = ?1"])?;
        }
        // `rank` orders events of equal size and outlets: the report's order. Beside closed
        // events the report's are numbered after every stored one, so that none of those
        // is renumbered.
        let base: i64 = if closed.is_empty() {
            0
        } else {
            tx.query_row("SELECT coalesce(max(rank) + 1, 0) FROM events", [], |r| {
                r.get(0)
            })?
        };
        for (rank, e) in events.iter().enumerate() {
            let rank = base + rank as i64;
            let json = serde_json::to_string(e)?;
            let stored: Option<(i64, bool)> = tx
                .prepare_cached("SELECT rank, json = ?2 FROM events WHERE id = ?1")?
                .query_row(params![e.id, json], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match stored {
                Some((_, true)) if !closed.is_empty() => continue,
                Some((r, true)) => {
                    if r != rank {
                        tx.prepare_cached("UPDATE events SET rank = ?2 WHERE id = ?1")?
                            .execute(params![e.id, rank])?;
                    }
                    continue;
                }
                Some((_, false)) => delete(tx, &e.id, EVENT_ROWS)?,
                None => {}
            }
            tx.prepare_cached(
                "INSERT INTO events (id, title, first_published, last_published, size, sources, \
                 rank, json, outlets, entities) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                e.id,
                e.title,
                e.first_published,
                e.last_published,
                e.articles.len() as i64,
                serde_json::to_string(&e.sources)?,
                rank,
                json,
                e.sources.len() as i64,
                serde_json::to_string(&e.entities)?,
            ])?;
            tx.prepare_cached(
                "INSERT OR REPLACE INTO event_single_source (event_id, facts) VALUES (?1, ?2)",
            )?
            .execute(params![e.id, crate::reads::single_source_json(e)?])?;
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?1, ?2)",
            )?;
            for a in &e.articles {
                stmt.execute(params![e.id, a])?;
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO event_sources (event_id, source_lower) VALUES (?1, ?2)",
            )?;
            for s in &e.sources {
                stmt.execute(params![e.id, s.to_lowercase()])?;
            }
        }
        phases.events = laps.lap();

        // The entities of every event, in the order events are listed: the report's are in
        // memory, the closed ones' read beside them (not their whole events).
        let in_report: HashMap<&str, &Event> = events.iter().map(|e| (e.id.as_str(), e)).collect();
        let parsed = if closed.is_empty() {
            Vec::new()
        } else {
            let mut stmt = tx.prepare(&format!(
                "SELECT id, entities FROM events e ORDER BY {EVENT_ORDER}"
            ))?;
            let mut rows = stmt.query([])?;
            let mut listed: Vec<(String, Option<String>)> = Vec::new();
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let json = match in_report.contains_key(id.as_str()) {
                    true => None,
                    false => Some(r.get(1)?),
                };
                listed.push((id, json));
            }
            stored_event_entities(listed)?
        };
        let listed = event_listing(events, &in_report, &parsed);
        let entities = aggregate_entities(&listed);

        // Entities, the same way (an entity's JSON holds its events, so its links change with
        // it), but against the stored ones' fingerprints read in one scan: there are tens of
        // times more entities than events, and most are unchanged after an ingest.
        let mut known = StoredEntities::new(&entities);
        {
            let mut stmt = tx.prepare(
                "SELECT id, fingerprint, CASE WHEN fingerprint IS NULL THEN json END \
                 FROM entities",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id = match r.get_ref(0)? {
                    ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
                    _ => "",
                };
                let json = match r.get_ref(2)? {
                    ValueRef::Text(t) => Some(t),
                    _ => None,
                };
                known.note(id, r.get(1)?, json);
            }
        }
        for id in &known.gone {
            delete(tx, id, ENTITY_ROWS)?;
            delete(tx, id, &[ENTITY_LINKS])?;
        }
        for change in changed_entities(&entities, &known.stored, &known.json_hash)? {
            let (ent, json, fingerprint, was_stored) = match change {
                Change::Fingerprint { id, fingerprint } => {
                    tx.prepare_cached("UPDATE entities SET fingerprint = ?2 WHERE id = ?1")?
                        .execute(params![id, fingerprint])?;
                    continue;
                }
                Change::Write {
                    entity,
                    json,
                    fingerprint,
                    was_stored,
                } => (entity, json, fingerprint, was_stored),
            };
            // A changed entity's event links are brought up to date, not written anew: a
            // common name is in thousands of events, and an ingest changes a few of them.
            let names = lower_names(&ent);
            let links: Vec<String> = if was_stored {
                // Its names stay as they are, but for those it lost: each name row
                // written is also indexed by trigrams, and a changed entity has mostly
                // gained or lost events, not names.
                tx.prepare_cached("DELETE FROM entities WHERE id = ?1")?
                    .execute([&ent.id])?;
                let had: Vec<String> = tx
                    .prepare_cached("SELECT name_lower FROM entity_names WHERE entity_id = ?1")?
                    .query_map([&ent.id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut lost = tx.prepare_cached(
                    "DELETE FROM entity_names WHERE entity_id = ?1 AND name_lower = ?2",
                )?;
                for n in had.iter().filter(|n| !names.contains(*n)) {
                    lost.execute(params![ent.id, n])?;
                }
                tx.prepare_cached("SELECT event_id FROM event_entities WHERE entity_id = ?1")?
                    .query_map([&ent.id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            } else {
                Vec::new()
            };
            tx.prepare_cached(
                "INSERT INTO entities (id, name, kind, mentions, event_count, json, fingerprint) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                ent.id,
                ent.name,
                ent.kind.as_str(),
                ent.mentions as i64,
                ent.events.len() as i64,
                json,
                fingerprint,
            ])?;
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_names (entity_id, name_lower) VALUES (?1, ?2)",
            )?;
            for name in &names {
                stmt.execute(params![ent.id, name])?;
            }
            let (gone, new) = link_changes(&links, &ent.events);
            let mut stmt = tx.prepare_cached(
                "DELETE FROM event_entities WHERE event_id = ?1 AND entity_id = ?2",
            )?;
            for e in gone {
                stmt.execute(params![e, ent.id])?;
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO event_entities (event_id, entity_id) VALUES (?1, ?2)",
            )?;
            for e in new {
                stmt.execute(params![e, ent.id])?;
            }
        }
        phases.entities = laps.lap();

        // Cleaned texts: each compared with what is stored.
        let current: HashSet<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        // Only the records of articles no longer stored go: a refresh of the open events
        // leaves the rest of the collection out of its report, and keeps their texts.
        for id in stale(
            tx,
            "SELECT id FROM clean_articles WHERE id NOT IN (SELECT id FROM articles)",
            &current,
        )? {
            delete(tx, &id, &["DELETE FROM clean_articles WHERE id = ?1"])?;
        }
        for a in &report.articles {
            let json = serde_json::to_string(a)?;
            let same = tx
                .prepare_cached("SELECT json = ?2 FROM clean_articles WHERE id = ?1")?
                .query_row(params![a.id, json], |r| r.get::<_, bool>(0))
                .optional()?
                == Some(true);
            if !same {
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO clean_articles (id, json) VALUES (?1, ?2)",
                )?
                .execute(params![a.id, json])?;
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('next_event', ?1)",
            [next.to_string()],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('events_seq', ?1)",
            [seen.to_string()],
        )?;
        // The articles in an event (the rest are in none) and the entities, for `stats`.
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) \
             SELECT 'count_placed', count(DISTINCT article_id) FROM event_articles",
            [],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) \
             SELECT 'count_entities', count(*) FROM entities",
            [],
        )?;
        phases.texts = laps.lap();
        Ok(Some(phases))
    }
}

/// Decodes the JSON in the first column of `stmt`'s rows a block of `block` rows at a time,
/// each block in parallel (a large collection's events are hundreds of megabytes of JSON,
/// not to be held as text and as values at once), handing each decoded block to `each` in
/// row order.
pub(crate) fn decode_in_blocks<T: serde::de::DeserializeOwned + Send>(
    stmt: &mut rusqlite::Statement<'_>,
    block: usize,
    each: &mut dyn FnMut(Vec<T>),
) -> Result<()> {
    let mut rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut texts: Vec<String> = Vec::with_capacity(block);
    loop {
        texts.clear();
        for json in rows.by_ref().take(block) {
            texts.push(json?);
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

/// The ids `sql` lists (its first column) that are not in `kept`.
fn stale(tx: &Transaction<'_>, sql: &str, kept: &HashSet<&str>) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(sql)?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for id in ids {
        let id = id?;
        if !kept.contains(id.as_str()) {
            out.push(id);
        }
    }
    Ok(out)
}

/// The rows of a stored event: itself, its article and source links. Its entity links belong
/// to its entities' rows, which change with the entities (an event that is gone loses them
/// too).
/// The order events are listed in: most articles, then most outlets, then `rank` (the
/// report's order among equals). Every query names the events table `e`.
pub(crate) const EVENT_ORDER: &str = "e.size DESC, e.outlets DESC, e.rank";

const EVENT_ROWS: &[&str] = &[
    "DELETE FROM events WHERE id = ?1",
    "DELETE FROM event_articles WHERE event_id = ?1",
    "DELETE FROM event_sources WHERE event_id = ?1",
    "DELETE FROM event_single_source WHERE event_id = ?1",
];

/// The rows of a stored entity: itself and its names. Its event links are
/// [`ENTITY_LINKS`], kept up to date one by one while the entity is there.
const ENTITY_ROWS: &[&str] = &[
    "DELETE FROM entities WHERE id = ?1",
    "DELETE FROM entity_names WHERE entity_id = ?1",
];

/// The event links of a stored entity.
const ENTITY_LINKS: &str = "DELETE FROM event_entities WHERE entity_id = ?1";

/// A number kept in the `meta` table under `key`; `None` when it is not there (or not a
/// number).
/// Writes the articles' lines as `lines` says, with the events.
fn set_lines(tx: &Transaction<'_>, lines: LinesUpdate<'_>) -> Result<()> {
    let given = match lines {
        LinesUpdate::Unknown => {
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('lines_missing', '1')",
                [],
            )?;
            return Ok(());
        }
        LinesUpdate::Changed(given) => given,
        LinesUpdate::All(given) => {
            tx.execute("DELETE FROM article_lines", [])?;
            tx.execute("DELETE FROM meta WHERE key = 'lines_missing'", [])?;
            given
        }
    };
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO article_lines (article_id, source, lines) VALUES (?1, ?2, ?3)",
    )?;
    for a in given {
        stmt.execute(params![a.id, a.source, crate::encode_lines(&a.lines)])?;
    }
    Ok(())
}

fn meta_number<T: std::str::FromStr>(conn: &Connection, key: &str) -> Result<Option<T>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .and_then(|v| v.parse().ok()))
}

/// The text kept in the `meta` table under `key`.
fn meta_text(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Runs each of `statements` (deletions keyed by `?1`) for `id`.
fn delete(tx: &Transaction<'_>, id: &str, statements: &[&str]) -> Result<()> {
    for sql in statements {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

fn count(conn: &Connection, sql: &str) -> Result<usize> {
    let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The sequence number of the newest article version (0 when none is stored).
fn newest_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) FROM article_versions",
        [],
        |r| r.get(0),
    )?)
}

impl Collection for Store {
    fn add_articles(&self, articles: &[Article]) -> Result<AddOutcome> {
        let (mut conn, _lock) = self.writing()?;
        // Bring the index up to date first: a previous process may have died before indexing.
        self.sync_index(&conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = Self::add_in(&tx, articles)?;
        tx.commit()?;
        self.sync_index(&conn)?;
        Ok(out)
    }

    fn add_diagnostics(&self, diagnostics: &[Diagnostic]) -> Result<()> {
        // Nothing to record takes no write lock (a POST, a poll without problems).
        if diagnostics.is_empty() {
            return Ok(());
        }
        let (mut conn, _lock) = self.writing()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for d in diagnostics {
            tx.execute(
                "INSERT OR IGNORE INTO diagnostics (path, message) VALUES (?1, ?2)",
                params![d.path, d.message],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn articles(&self) -> Result<Vec<Article>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a \
             JOIN article_versions v ON v.seq = a.current_seq ORDER BY a.rowid"
        ))?;
        let rows = stmt.query_map([], article_from_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r?.0);
        }
        Ok(out)
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let conn = self.reading()?;
        let found = conn
            .query_row(
                &format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a \
                     JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = ?1"
                ),
                [id],
                article_from_row,
            )
            .optional()?;
        let Some((article, version, content_hash)) = found else {
            return Ok(None);
        };
        let clean: Option<String> = conn
            .query_row("SELECT json FROM clean_articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let clean = clean.map(|j| serde_json::from_str(&j)).transpose()?;
        let mut stmt = conn.prepare(&format!(
            "SELECT ea.event_id FROM event_articles ea JOIN events e ON e.id = ea.event_id \
             WHERE ea.article_id = ?1 ORDER BY {EVENT_ORDER}"
        ))?;
        let events = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Some(StoredArticle {
            article,
            version,
            content_hash,
            clean,
            events,
        }))
    }

    fn setting(&self, name: &str) -> Result<Option<String>> {
        let conn = self.reading()?;
        Ok(conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [format!("setting:{name}")],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn set_setting(&self, name: &str, value: &str) -> Result<()> {
        let (conn, _lock) = self.writing()?;
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            params![format!("setting:{name}"), value],
        )?;
        Ok(())
    }

    fn has_url(&self, url: &str) -> Result<bool> {
        let conn = self.reading()?;
        let found: Option<i64> = conn
            .prepare_cached("SELECT 1 FROM articles WHERE url = ?1 LIMIT 1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    fn set_events_lined(
        &self,
        report: &mut Report,
        closed: &[String],
        lines: LinesUpdate<'_>,
    ) -> Result<Option<StorePhases>> {
        let (mut conn, _lock) = self.writing()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut written = Self::set_events_in(&tx, report, closed)?;
        if let Some(phases) = &mut written {
            let mut laps = Laps::start();
            set_lines(&tx, lines)?;
            phases.texts += laps.lap();
        }
        let mut laps = Laps::start();
        tx.commit()?;
        let commit = laps.lap();
        Ok(written.map(|p| StorePhases { commit, ..p }))
    }

    fn outlet_lines(&self, sources: &[String]) -> Result<Option<Vec<ArticleLines>>> {
        let conn = self.reading()?;
        if meta_text(&conn, "lines_missing")?.is_some() {
            return Ok(None);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT l.article_id, l.lines, a.rowid FROM article_lines l \
             JOIN articles a ON a.id = l.article_id WHERE l.source = ?1",
        )?;
        let mut found: Vec<(i64, ArticleLines)> = Vec::new();
        for source in sources {
            let rows = stmt.query_map([source], |r| {
                let lines = ArticleLines {
                    id: r.get(0)?,
                    source: source.clone(),
                    lines: crate::decode_lines(&r.get::<_, Vec<u8>>(1)?),
                };
                Ok((r.get::<_, i64>(2)?, lines))
            })?;
            for row in rows {
                found.push(row?);
            }
        }
        found.sort_unstable_by_key(|(rowid, _)| *rowid);
        Ok(Some(found.into_iter().map(|(_, l)| l).collect()))
    }

    fn events_outdated(&self) -> Result<bool> {
        let conn = self.reading()?;
        let newest = newest_seq(&conn)?;
        let seen: Option<i64> = meta_number(&conn, "events_seq")?;
        Ok(seen.is_none_or(|seen| newest > seen))
    }

    fn article_version(&self) -> Result<i64> {
        newest_seq(&*self.reading()?)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<EventSummary>> {
        Ok(self.list_events(filter, false)?.items)
    }

    fn events_page(&self, filter: &EventFilter) -> Result<Page<EventSummary>> {
        self.list_events(filter, true)
    }

    fn event(&self, id: &str) -> Result<Option<Event>> {
        let conn = self.reading()?;
        let json: Option<String> = conn
            .query_row("SELECT json FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    fn clean_article(&self, id: &str) -> Result<Option<ReportArticle>> {
        let conn = self.reading()?;
        let json: Option<String> = conn
            .query_row("SELECT json FROM clean_articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    /// Two queries (not one per event and one per article); of each cleaned article only its
    /// id and text are read from the JSON.
    fn stored_grouping(&self) -> Result<StoredGrouping> {
        let conn = self.reading()?;
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last = None;
        let mut stmt = conn.prepare(&format!(
            "SELECT e.id, a.article_id FROM events e JOIN event_articles a \
             ON a.event_id = e.id ORDER BY {EVENT_ORDER}, e.id"
        ))?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (event, id) = row?;
            if last.as_ref() != Some(&event) {
                groups.push(Vec::new());
                last = Some(event);
            }
            groups.last_mut().expect("pushed above").push(id);
        }
        let wanted: HashSet<&str> = groups.iter().flatten().map(String::as_str).collect();
        let mut read = StoredGrouping::default();
        let mut stmt = conn.prepare("SELECT id, json FROM clean_articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, json) = row?;
            if wanted.contains(id.as_str()) {
                read.add_clean(id, &json)?;
            }
        }
        Ok(StoredGrouping { groups, ..read })
    }

    fn grouping_of(&self, events: &[String]) -> Result<StoredGrouping> {
        let conn = self.reading()?;
        let mut groups = Vec::with_capacity(events.len());
        let mut read = StoredGrouping::default();
        let mut members =
            conn.prepare_cached("SELECT article_id FROM event_articles WHERE event_id = ?1")?;
        let mut clean = conn.prepare_cached("SELECT json FROM clean_articles WHERE id = ?1")?;
        for e in events {
            let ids: Vec<String> = members
                .query_map([e], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in &ids {
                let json: Option<String> = clean.query_row([id], |r| r.get(0)).optional()?;
                if let Some(json) = json {
                    read.add_clean(id.clone(), &json)?;
                }
            }
            groups.push(ids);
        }
        Ok(StoredGrouping { groups, ..read })
    }

    fn pending_articles(&self) -> Result<Vec<PendingArticle>> {
        let conn = self.reading()?;
        let seen: i64 = meta_number(&conn, "events_seq")?.unwrap_or(0);
        let mut stmt = conn.prepare(
            "SELECT a.id, v.published FROM articles a JOIN article_versions v \
             ON v.seq = a.current_seq WHERE a.current_seq > ?1 ORDER BY a.rowid",
        )?;
        let mut holders =
            conn.prepare_cached("SELECT event_id FROM event_articles WHERE article_id = ?1")?;
        let rows: Vec<(String, Option<String>)> = stmt
            .query_map([seen], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, published) in rows {
            let events = holders
                .query_map([&id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(PendingArticle {
                id,
                published,
                events,
            });
        }
        Ok(out)
    }

    fn event_spans(&self) -> Result<Vec<EventSpan>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare(&format!(
            "SELECT id, first_published, last_published FROM events e ORDER BY {EVENT_ORDER}"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(EventSpan {
                id: r.get(0)?,
                first_published: r.get(1)?,
                last_published: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn articles_by_id(&self, ids: &[String]) -> Result<Vec<Article>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS}, a.rowid FROM articles a \
             JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = ?1"
        ))?;
        let mut found: Vec<(i64, Article)> = Vec::with_capacity(ids.len());
        for id in ids {
            let row = stmt
                .query_row([id], |r| Ok((r.get::<_, i64>(12)?, article_from_row(r)?.0)))
                .optional()?;
            found.extend(row);
        }
        found.sort_unstable_by_key(|(rowid, _)| *rowid);
        found.dedup_by_key(|(rowid, _)| *rowid);
        Ok(found.into_iter().map(|(_, a)| a).collect())
    }

    fn event_summaries(&self, ids: &[String]) -> Result<Vec<EventSummary>> {
        self.summaries(ids)
    }

    fn all_events(&self) -> Result<Vec<Event>> {
        let conn = self.reading()?;
        let mut stmt =
            conn.prepare(&format!("SELECT json FROM events e ORDER BY {EVENT_ORDER}"))?;
        let mut events: Vec<Event> = Vec::new();
        decode_in_blocks(&mut stmt, 512, &mut |block| events.extend(block))?;
        Ok(events)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let matches = self
            .index
            .matches(query, &crate::search::Narrowing::default(), limit, 0)?;
        self.hits(&matches)
    }

    fn events_with_phrases(&self, phrases: &[String], limit: usize) -> Result<Vec<Vec<String>>> {
        self.phrase_events(phrases, limit)
    }

    fn search_page(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.search_grouped(request)
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
        self.versions_of(id)
    }

    fn entities(&self) -> Result<Vec<EntitySummary>> {
        let conn = self.reading()?;
        let mut stmt = conn
            .prepare("SELECT json FROM entities ORDER BY event_count DESC, mentions DESC, name")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?)?);
        }
        Ok(out)
    }

    fn entity(&self, id: &str) -> Result<Option<EntitySummary>> {
        let conn = self.reading()?;
        let json: Option<String> = conn
            .query_row("SELECT json FROM entities WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    fn event_entities(&self, event: &str) -> Result<Vec<EntitySummary>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare(
            "SELECT e.json FROM event_entities ee JOIN entities e ON e.id = ee.entity_id \
             WHERE ee.event_id = ?1 ORDER BY e.event_count DESC, e.mentions DESC, e.name",
        )?;
        let rows = stmt.query_map([event], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?)?);
        }
        Ok(out)
    }

    fn diagnostics(&self) -> Result<Vec<Diagnostic>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare("SELECT path, message FROM diagnostics ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok(Diagnostic {
                path: r.get(0)?,
                message: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The counters the writer keeps (articles per outlet, versions, articles in an event,
    /// entities) and the counts of the smaller tables: no scan of the articles or entities.
    fn stats(&self) -> Result<Stats> {
        let conn = self.reading()?;
        let articles = count(
            &conn,
            "SELECT coalesce(sum(articles), 0) FROM outlet_counts",
        )?;
        let placed: usize = meta_number(&conn, "count_placed")?.unwrap_or(0);
        Ok(Stats {
            articles,
            versions: meta_number(&conn, "count_versions")?.unwrap_or(0),
            events: count(&conn, "SELECT count(*) FROM events")?,
            without_event: articles.saturating_sub(placed),
            entities: meta_number(&conn, "count_entities")?.unwrap_or(0),
            sources: count(
                &conn,
                "SELECT count(*) FROM outlet_counts WHERE articles > 0",
            )?,
            diagnostics: count(&conn, "SELECT count(*) FROM diagnostics")?,
            indexed: usize::try_from(self.index.num_docs()).unwrap_or(0),
        })
    }

    fn backend(&self) -> String {
        format!("SQLite {}", self.dir.display())
    }
}

pub(crate) mod reads;
#[cfg(test)]
mod tests;

//! The SQLite schema as an ordered list of migrations. A database records the number of
//! migrations applied in `schema_version`; opening applies the missing ones in one
//! transaction. Migrations are append-only: never edit a released one, add the next.

use crate::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles with versions, the derived event data, diagnostics, key/value metadata.
    r#"
    -- One row per stored article (its identity); `current_seq` is its latest version.
    CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        current_seq INTEGER NOT NULL,
        url TEXT
    );
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

    -- Every distinct content an article has had; `seq` orders all writes (the index watermark).
    CREATE TABLE article_versions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        path TEXT,
        source TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        body TEXT NOT NULL,
        body_offset INTEGER NOT NULL,
        UNIQUE (article_id, version)
    );

    -- Derived from the articles by `set_events`, which rewrites only rows that changed.
    CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        size INTEGER NOT NULL,
        sources TEXT NOT NULL,
        rank INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX events_last ON events(last_published);
    CREATE TABLE event_articles (
        event_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (event_id, article_id)
    );
    CREATE INDEX event_articles_article ON event_articles(article_id);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL,
        source_lower TEXT NOT NULL,
        PRIMARY KEY (event_id, source_lower)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE entity_names (
        entity_id TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        PRIMARY KEY (entity_id, name_lower)
    );
    CREATE INDEX entity_names_name ON entity_names(name_lower);
    CREATE TABLE event_entities (
        event_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (event_id, entity_id)
    );
    CREATE INDEX event_entities_entity ON event_entities(entity_id);
    -- Cleaned text and removals of each article, which citations point into.
    CREATE TABLE clean_articles (
        id TEXT PRIMARY KEY NOT NULL,
        json TEXT NOT NULL
    );

    CREATE TABLE diagnostics (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        message TEXT NOT NULL,
        UNIQUE (path, message)
    );

    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );
    "#,
    // 2: an outlet's articles found without a scan.
    r#"
    CREATE INDEX article_versions_source ON article_versions(source COLLATE NOCASE);
    "#,
    // 3: entities listed a page at a time in their order without sorting them all.
    r#"
    CREATE INDEX entities_order ON entities(event_count DESC, mentions DESC, name);
    "#,
    // 4: events are listed by size, then outlets, then `rank` (which orders equals only), so
    // that a refresh of the open events places them without renumbering the rest; each
    // event's entities beside it, so that the collection's entities are aggregated without
    // reading whole events.
    r#"
    ALTER TABLE events ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
    UPDATE events SET outlets = json_array_length(sources),
        entities = coalesce(json_extract(json, '$.entities'), '[]');
    CREATE INDEX events_order ON events(size DESC, outlets DESC, rank);
    "#,
    // 5: where an extracted body's pieces stand in its page (`SourceMap::to_bytes`), so that
    // a citation of a page points into the page's bytes.
    r#"
    ALTER TABLE article_versions ADD COLUMN source_map BLOB;
    "#,
    // 6: what the event list's heading counts, kept by the writer instead of counted per
    // request: the current articles of each outlet (by `lower(source)`, as the outlet list
    // groups them), how many versions are stored, how many articles are in an event and how
    // many entities there are (`meta`); an outlet's events found without a scan; events
    // listed newest first without sorting them all; each event's single-source facts (outlet
    // and text) in a row of their own, so that an outlet's are read without reading whole
    // events (nor the columns stored after an event's JSON); the names of the
    // entities by their three-letter pieces, so that a name containing a word is found without
    // reading every name (kept with `entity_names` by triggers, on its rowids, which are
    // made an INTEGER PRIMARY KEY first: SQLite documents that a `VACUUM` may renumber the
    // rowids of a table without one, which would leave the index pointing at other names).
    r#"
    CREATE TABLE entity_names_keyed (
        id INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        UNIQUE (entity_id, name_lower)
    );
    INSERT INTO entity_names_keyed (entity_id, name_lower)
        SELECT entity_id, name_lower FROM entity_names;
    DROP TABLE entity_names;
    ALTER TABLE entity_names_keyed RENAME TO entity_names;
    CREATE INDEX entity_names_name ON entity_names(name_lower);
    CREATE VIRTUAL TABLE entity_names_trigram USING fts5(name_lower, content = 'entity_names',
        tokenize = 'trigram');
    CREATE TRIGGER entity_names_trigram_add AFTER INSERT ON entity_names BEGIN
        INSERT INTO entity_names_trigram (rowid, name_lower) VALUES (new.rowid, new.name_lower);
    END;
    CREATE TRIGGER entity_names_trigram_remove AFTER DELETE ON entity_names BEGIN
        INSERT INTO entity_names_trigram (entity_names_trigram, rowid, name_lower)
            VALUES ('delete', old.rowid, old.name_lower);
    END;
    INSERT INTO entity_names_trigram (entity_names_trigram) VALUES ('rebuild');
    CREATE TABLE event_single_source (
        event_id TEXT PRIMARY KEY NOT NULL,
        facts TEXT NOT NULL
    );
    INSERT INTO event_single_source (event_id, facts)
        SELECT e.id, (SELECT json_group_array(json_object(
            'source', json_extract(f.value, '$.source'), 'text', json_extract(f.value, '$.text')))
            FROM json_each(e.json, '$.single_source') f)
        FROM events e;
    CREATE TABLE outlet_counts (
        key TEXT PRIMARY KEY NOT NULL,
        articles INTEGER NOT NULL
    );
    INSERT INTO outlet_counts (key, articles)
        SELECT lower(v.source), count(*) FROM articles a
        JOIN article_versions v ON v.seq = a.current_seq GROUP BY lower(v.source);
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'count_versions', count(*) FROM article_versions;
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'count_placed', count(DISTINCT article_id) FROM event_articles;
    INSERT OR REPLACE INTO meta (key, value) SELECT 'count_entities', count(*) FROM entities;
    CREATE INDEX event_sources_source ON event_sources(source_lower, event_id);
    CREATE INDEX events_newest ON events(coalesce(last_published, first_published) DESC,
        size DESC, outlets DESC, rank);
    "#,
    // 7: each article's distinct lines (paragraph hashes, eight bytes each) with its outlet,
    // written with the events: what an outlet's furniture is decided from when a refresh reads
    // only a part of its articles. A collection stored before has none yet: `lines_missing`
    // makes its next refresh read every article and write them all.
    r#"
    CREATE TABLE article_lines (
        article_id TEXT PRIMARY KEY NOT NULL,
        source TEXT NOT NULL,
        lines BLOB NOT NULL
    );
    CREATE INDEX article_lines_source ON article_lines(source);
    INSERT INTO meta (key, value) SELECT 'lines_missing', '1'
        WHERE EXISTS (SELECT 1 FROM clean_articles);
    "#,
    // 8: a fingerprint of each entity's fields, so that a refresh tells the unchanged ones
    // without serialising every entity or reading its JSON. An entity stored before has none
    // (NULL) until a refresh finds it unchanged by its JSON and writes it.
    r#"
    ALTER TABLE entities ADD COLUMN fingerprint INTEGER;
    "#,
];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Sets the connection up (WAL, waits on a locked database) and applies missing migrations.
pub(crate) fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);")?;
    let found: Option<i64> = tx
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .unwrap_or(None);
    let found = found.unwrap_or(0);
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)?;
        tx.execute("DELETE FROM schema_version", [])?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [i as i64 + 1],
        )?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_refuse_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        let path = Path::new("mem");
        prepare(&mut conn, path).unwrap();
        prepare(&mut conn, path).unwrap();
        let v: i64 = conn
            .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        conn.execute("UPDATE schema_version SET version = 99", [])
            .unwrap();
        let err = prepare(&mut conn, path).unwrap_err();
        assert!(err.to_string().contains("schema version 99"), "{err}");
    }
}

//! The PostgreSQL schema as an ordered list of migrations, like SQLite's (`crate::schema`):
//! a database records the number applied in `schema_version`; opening applies the missing
//! ones in one transaction, under an advisory lock so that workers opening at once do not
//! both migrate. Append-only: never edit a released migration, add the next.

use crate::{Result, StoreError};
use postgres::Client;
use std::path::PathBuf;

/// Migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the state of SQLite's version 4 (articles and versions, events, entities,
    // diagnostics, key/value metadata), plus each version's text search vector in its
    // language's configuration.
    r#"
    -- One row per stored article; `ord` is the order articles were first stored in,
    -- `current_seq` its latest version.
    CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        current_seq BIGINT NOT NULL,
        url TEXT
    );
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    CREATE INDEX articles_current ON articles(current_seq);

    -- Every distinct content an article has had; `seq` orders all writes. `tsv` holds the
    -- title (weight A) and the body (weight B) in the text search configuration `config`
    -- of the article's language.
    CREATE TABLE article_versions (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        path TEXT,
        source TEXT NOT NULL,
        source_lower TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        body TEXT NOT NULL,
        body_offset BIGINT NOT NULL,
        config regconfig NOT NULL,
        tsv tsvector NOT NULL,
        UNIQUE (article_id, version)
    );
    CREATE INDEX article_versions_source ON article_versions(source_lower);
    CREATE INDEX article_versions_tsv ON article_versions USING GIN (tsv);
    -- The configurations articles are searched in (a query is compiled once for each).
    CREATE TABLE search_configs (config regconfig PRIMARY KEY);

    CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        size BIGINT NOT NULL,
        sources TEXT NOT NULL,
        rank BIGINT NOT NULL,
        json TEXT NOT NULL,
        outlets BIGINT NOT NULL,
        entities TEXT NOT NULL
    );
    CREATE INDEX events_last ON events(last_published);
    CREATE INDEX events_order ON events(size DESC, outlets DESC, rank);
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
        mentions BIGINT NOT NULL,
        event_count BIGINT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX entities_order ON entities(event_count DESC, mentions DESC, name COLLATE "C");
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
    CREATE TABLE clean_articles (
        id TEXT PRIMARY KEY NOT NULL,
        json TEXT NOT NULL
    );

    CREATE TABLE diagnostics (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        path TEXT NOT NULL,
        message TEXT NOT NULL,
        UNIQUE (path, message)
    );

    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );
    "#,
    // 2: SQLite's version 5: where an extracted body's pieces stand in its page
    // (`SourceMap::to_bytes`).
    r#"
    ALTER TABLE article_versions ADD COLUMN source_map BYTEA;
    "#,
    // 3: SQLite's version 6: the counters the writer keeps for `stats` (current articles per
    // outlet by `source_lower`, versions stored, articles in an event, entities), an outlet's
    // events found without a scan, events listed newest first without sorting them all, each
    // event's single-source facts (outlet and text) in a row of their own, entity names by
    // trigram when pg_trgm can be had.
    r#"
    CREATE TABLE event_single_source (
        event_id TEXT PRIMARY KEY NOT NULL,
        facts TEXT NOT NULL
    );
    INSERT INTO event_single_source (event_id, facts)
        SELECT e.id, coalesce((SELECT json_agg(json_build_object(
            'source', f ->> 'source', 'text', f ->> 'text'))::text
            FROM json_array_elements(e.json::json -> 'single_source') f), '[]')
        FROM events e;
    CREATE TABLE outlet_counts (
        key TEXT PRIMARY KEY NOT NULL,
        articles BIGINT NOT NULL
    );
    INSERT INTO outlet_counts (key, articles)
        SELECT v.source_lower, count(*) FROM articles a
        JOIN article_versions v ON v.seq = a.current_seq GROUP BY v.source_lower;
    INSERT INTO meta (key, value)
        SELECT 'count_versions', count(*)::text FROM article_versions
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    INSERT INTO meta (key, value)
        SELECT 'count_placed', count(DISTINCT article_id)::text FROM event_articles
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    INSERT INTO meta (key, value) SELECT 'count_entities', count(*)::text FROM entities
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    CREATE INDEX event_sources_source ON event_sources(source_lower, event_id);
    -- Entity names by their three-letter pieces (pg_trgm), so that a name containing a word
    -- is found without reading every name. Where the extension cannot be had (not installed,
    -- no right to create it, or installed in another schema), the names are read one by one
    -- as before: the same answers, slower.
    DO $$
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
        CREATE INDEX entity_names_trigram ON entity_names
            USING GIN (name_lower public.gin_trgm_ops);
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'entity names without a trigram index: %', SQLERRM;
    END
    $$;
    CREATE INDEX events_newest ON events(coalesce(last_published, first_published) DESC
        NULLS LAST, size DESC, outlets DESC, rank);
    "#,
    // 4: SQLite's version 7: each article's distinct lines with its outlet.
    r#"
    CREATE TABLE article_lines (
        article_id TEXT PRIMARY KEY NOT NULL,
        source TEXT NOT NULL,
        lines BYTEA NOT NULL
    );
    CREATE INDEX article_lines_source ON article_lines(source);
    INSERT INTO meta (key, value) SELECT 'lines_missing', '1'
        WHERE EXISTS (SELECT 1 FROM clean_articles);
    "#,
    // 5: SQLite's version 8: a fingerprint of each entity's fields.
    r#"
    ALTER TABLE entities ADD COLUMN fingerprint BIGINT;
    "#,
];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Creates `schema` when missing and applies the missing migrations, one worker at a time
/// (`lock` is the collection's advisory lock space).
pub(crate) fn prepare(client: &mut Client, schema: &str, lock: i32, shown: &str) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&lock])?;
    tx.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {schema}; \
         SET LOCAL search_path TO {schema}; \
         CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);"
    ))?;
    let found: Option<i64> = tx
        .query_one(
            &format!("SELECT max(version) FROM {schema}.schema_version"),
            &[],
        )?
        .get(0);
    let found = found.unwrap_or(0);
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: PathBuf::from(shown),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute("DELETE FROM schema_version", &[])?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(i as i64 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

//! The [`Store`]'s answers for readers beyond single records: pages of events and entities,
//! search results with filters grouped by event, and what the outlet figures and pages read
//! (put together in `crate::reads`, as for every backend).

use super::{decode_in_blocks, meta_text, newest_seq, Store, EVENT_ORDER};
use crate::reads::{
    containing, page_of, shown_title, ArticleSummary, ArticleVersion, EntityQuery, FactOutlets,
    OutletCache, OutletReads, OutletSummary, Page, SearchRequest, SearchResults, SingleOutlet,
};
use crate::search::{snippet, Matches, Narrowing};
use crate::{EntitySummary, EventFilter, EventOrder, EventSummary, Result, SearchHit};
use rusqlite::OptionalExtension;
use std::collections::HashMap;

/// Most articles a `query` filter of the event list looks at (the best matches).
const QUERY_ARTICLES: usize = 10_000;

impl Store {
    /// One page of the events `filter` selects; `total` is counted only when `with_total`.
    pub(crate) fn list_events(
        &self,
        filter: &EventFilter,
        with_total: bool,
    ) -> Result<Page<EventSummary>> {
        let mut wheres = String::from(" WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(since) = &filter.since {
            args.push(since.clone());
            wheres.push_str(&format!(
                " AND coalesce(last_published, first_published) >= ?{}",
                args.len()
            ));
        }
        if let Some(source) = &filter.source {
            args.push(source.to_lowercase());
            // Checked event by event in the list's order (an outlet is in many events, and a
            // page wants the first few): not all its events read and sorted.
            wheres.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id \
                 AND s.source_lower = ?{})",
                args.len()
            ));
        }
        if let Some(entity) = &filter.entity {
            args.push(entity.to_lowercase());
            wheres.push_str(&format!(
                " AND id IN (SELECT ee.event_id FROM event_entities ee \
                 JOIN entity_names n ON n.entity_id = ee.entity_id WHERE n.name_lower = ?{})",
                args.len()
            ));
        }
        if let Some(q) = filter.query.as_deref().filter(|q| !q.trim().is_empty()) {
            let ids = self.index.matching_ids(q, QUERY_ARTICLES)?;
            let first = args.len() + 1;
            args.extend(ids);
            let marks: Vec<String> = (first..=args.len()).map(|i| format!("?{i}")).collect();
            wheres.push_str(&format!(
                " AND id IN (SELECT event_id FROM event_articles WHERE article_id IN ({}))",
                marks.join(", ")
            ));
        }
        let mut sql = format!(
            "SELECT id, title, first_published, last_published, size, sources FROM events e\
             {wheres}"
        );
        sql.push_str(&match filter.order {
            EventOrder::Largest => format!(" ORDER BY {EVENT_ORDER}"),
            EventOrder::Newest => format!(
                " ORDER BY coalesce(last_published, first_published) DESC NULLS LAST, \
                 {EVENT_ORDER}"
            ),
        });
        match filter.limit {
            Some(limit) => sql.push_str(&format!(" LIMIT {limit} OFFSET {}", filter.offset)),
            None if filter.offset > 0 => {
                sql.push_str(&format!(" LIMIT -1 OFFSET {}", filter.offset))
            }
            None => {}
        }
        let conn = self.reading()?;
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), summary_row)?;
        let mut items = Vec::new();
        for row in rows {
            let (mut e, sources) = row?;
            e.sources = serde_json::from_str(&sources)?;
            items.push(e);
        }
        let total = if with_total {
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM events e{wheres}"),
                rusqlite::params_from_iter(args.iter()),
                |r| r.get(0),
            )?;
            usize::try_from(n).unwrap_or(0)
        } else {
            filter.offset + items.len()
        };
        let limit = filter.limit.unwrap_or(items.len());
        Ok(page_of(total, filter.offset, limit, items))
    }

    /// The list lines of the events `ids`, in their order (unknown ones left out).
    pub(crate) fn summaries(&self, ids: &[String]) -> Result<Vec<EventSummary>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, first_published, last_published, size, sources FROM events \
             WHERE id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = stmt.query_row([id], summary_row).optional()?;
            if let Some((mut e, sources)) = row {
                e.sources = serde_json::from_str(&sources)?;
                out.push(e);
            }
        }
        Ok(out)
    }

    /// [`crate::Collection::events_with_phrases`] as the default asks it of `search`, without what
    /// only a page of hits shows (bodies, snippets, the count of all matches): an ingest's
    /// follow-up lookups ask it for thousands of names.
    pub(crate) fn phrase_events(
        &self,
        phrases: &[String],
        limit: usize,
    ) -> Result<Vec<Vec<String>>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT (SELECT ea.event_id FROM event_articles ea JOIN events e \
             ON e.id = ea.event_id WHERE ea.article_id = a.id ORDER BY {EVENT_ORDER} LIMIT 1) \
             FROM articles a JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(phrases.len());
        for phrase in phrases {
            let ids = self
                .index
                .matching_ids(&crate::phrase_query(phrase), crate::phrase_hits(limit))?;
            let mut found = Vec::with_capacity(ids.len());
            for id in &ids {
                let event: Option<Option<String>> =
                    stmt.query_row([id], |r| r.get(0)).optional()?;
                found.extend(event);
            }
            out.push(crate::first_events(found, limit));
        }
        Ok(out)
    }

    /// The stored articles of `matches`, in their order, as search hits.
    pub(crate) fn hits(&self, matches: &Matches) -> Result<Vec<SearchHit>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT v.title, v.source, v.published, v.body, \
             (SELECT ea.event_id FROM event_articles ea JOIN events e ON e.id = ea.event_id \
              WHERE ea.article_id = a.id ORDER BY {EVENT_ORDER} LIMIT 1) \
             FROM articles a JOIN article_versions v ON v.seq = a.current_seq WHERE a.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(matches.hits.len());
        for (id, score) in &matches.hits {
            let row = stmt
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                })
                .optional()?;
            let Some((title, source, published, body, event)) = row else {
                continue;
            };
            let s = snippet(matches.snippets.as_ref(), &body);
            out.push(SearchHit {
                article: id.clone(),
                title: Some(shown_title(title.as_deref(), &body)),
                source,
                published,
                score: *score,
                snippet: s.text,
                highlights: s.highlights,
                event,
            });
        }
        Ok(out)
    }

    pub(crate) fn search_grouped(&self, request: &SearchRequest) -> Result<SearchResults> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        let narrowing = Narrowing {
            source: given(&request.source),
            language: given(&request.language),
            from: given(&request.from),
            to: given(&request.to),
        };
        let matches =
            self.index
                .matches(&request.query, &narrowing, request.limit, request.offset)?;
        let hits = self.hits(&matches)?;
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(
            "SELECT title, first_published, last_published FROM events WHERE id = ?1",
        )?;
        let groups = crate::reads::group_hits(hits, |id| {
            Ok(stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?)
        })?;
        Ok(SearchResults {
            total: matches.total,
            offset: request.offset,
            limit: request.limit,
            groups,
        })
    }

    pub(crate) fn list_entities(&self, query: &EntityQuery) -> Result<Page<EntitySummary>> {
        let conn = self.reading()?;
        let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        let Some(q) = q else {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT json FROM entities ORDER BY event_count DESC, mentions DESC, name \
                 LIMIT {} OFFSET {}",
                query.limit, query.offset
            ))?;
            let mut items = Vec::new();
            for r in stmt.query_map([], |r| r.get::<_, String>(0))? {
                items.push(serde_json::from_str(&r?)?);
            }
            // Counted by the writer (a count of half a million rows is a scan).
            let total: usize = meta_text(&conn, "count_entities")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            return Ok(page_of(total, query.offset, query.limit, items));
        };
        // The names are searched once: every match's id in order (a name or alias that is the
        // query itself first), then only the page's entities read whole.
        // A query of three characters or more is looked up by its three-letter pieces (every
        // name holding it, and a few holding the pieces elsewhere, which `LIKE` then drops);
        // a shorter one is compared with every name.
        if q.contains('\0') {
            // No name holds a NUL, and a query may not: FTS5 ends its string there, and
            // PostgreSQL text cannot hold one.
            return Ok(page_of(0, query.offset, query.limit, Vec::new()));
        }
        let lower = q.to_lowercase();
        let names = if lower.chars().count() >= 3 {
            "rowid IN (SELECT rowid FROM entity_names_trigram WHERE entity_names_trigram MATCH ?3) \
             AND "
        } else {
            ""
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id FROM entities WHERE id IN (SELECT entity_id FROM entity_names \
             WHERE {names}name_lower LIKE ?1 ESCAPE '\\') \
             ORDER BY id IN (SELECT entity_id FROM entity_names WHERE name_lower = ?2) DESC, \
             event_count DESC, mentions DESC, name"
        ))?;
        let phrase = format!("\"{}\"", lower.replace('"', "\"\""));
        let mut args = vec![containing(&lower), lower.clone()];
        if !names.is_empty() {
            args.push(phrase);
        }
        let ids = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                r.get::<_, String>(0)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut one = conn.prepare_cached("SELECT json FROM entities WHERE id = ?1")?;
        let mut items = Vec::new();
        for id in ids.iter().skip(query.offset).take(query.limit) {
            let json: String = one.query_row([id], |r| r.get(0))?;
            items.push(serde_json::from_str(&json)?);
        }
        Ok(page_of(ids.len(), query.offset, query.limit, items))
    }

    pub(crate) fn versions_of(&self, id: &str) -> Result<Vec<ArticleVersion>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(
            "SELECT version, title, published, body FROM article_versions \
             WHERE article_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ArticleVersion {
                version: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                body: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// The outlet figures from the current article versions, the events' outlets and the facts
/// of every event (only their outlets decoded, a block at a time in parallel); an outlet's
/// page from its events and articles.
impl OutletReads for Store {
    fn state(&self) -> Result<(i64, String)> {
        let conn = self.reading()?;
        Ok((
            newest_seq(&conn)?,
            meta_text(&conn, "events_seq")?.unwrap_or_default(),
        ))
    }

    fn kept(&self) -> &OutletCache {
        &self.outlets
    }

    fn outlet_rows(&self) -> Result<Vec<OutletSummary>> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare(
            "SELECT min(v.source), count(*), min(v.published), max(v.published) \
             FROM articles a JOIN article_versions v ON v.seq = a.current_seq \
             GROUP BY lower(v.source)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OutletSummary {
                name: r.get(0)?,
                articles: usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                events: 0,
                first_seen: r.get(2)?,
                last_seen: r.get(3)?,
                corroborated_facts: 0,
                single_source_facts: 0,
                corroborated_share: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn events_per_outlet(&self) -> Result<HashMap<String, usize>> {
        let conn = self.reading()?;
        let mut stmt =
            conn.prepare("SELECT source_lower, count(*) FROM event_sources GROUP BY source_lower")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn each_fact_outlets(&self, each: &mut dyn FnMut(Vec<FactOutlets>)) -> Result<()> {
        let conn = self.reading()?;
        let mut stmt = conn.prepare("SELECT json FROM events")?;
        decode_in_blocks(&mut stmt, 1024, each)
    }

    fn event_lines(&self, filter: &EventFilter) -> Result<Vec<EventSummary>> {
        Ok(self.list_events(filter, false)?.items)
    }

    fn single_source_of(&self, event: &str) -> Result<Vec<SingleOutlet>> {
        let conn = self.reading()?;
        let json: Option<String> = conn
            .prepare_cached("SELECT facts FROM event_single_source WHERE event_id = ?1")?
            .query_row([event], |r| r.get(0))
            .optional()?;
        Ok(match json {
            Some(j) => serde_json::from_str(&j)?,
            None => Vec::new(),
        })
    }

    fn outlet_articles(
        &self,
        outlet: &OutletSummary,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let conn = self.reading()?;
        // The page is chosen among the outlet's versions (found by its index, each checked
        // to be current through its article's id), then only its rows are read whole.
        let mut stmt = conn.prepare_cached(&format!(
            "WITH page AS (SELECT v.seq AS seq, a.id AS id, v.published AS published \
              FROM article_versions v \
              JOIN articles a ON a.id = v.article_id AND a.current_seq = v.seq \
              WHERE v.source = ?1 COLLATE NOCASE \
              ORDER BY v.published DESC NULLS LAST, a.id LIMIT {limit} OFFSET {offset}) \
             SELECT p.id, v.title, v.body, v.source, v.published, v.url, \
             (SELECT group_concat(event_id, ' ') FROM event_articles WHERE article_id = p.id) \
             FROM page p JOIN article_versions v ON v.seq = p.seq \
             ORDER BY p.published DESC NULLS LAST, p.id"
        ))?;
        let rows = stmt.query_map([&outlet.name], |r| {
            let title: Option<String> = r.get(1)?;
            let body: String = r.get(2)?;
            let events: Option<String> = r.get(6)?;
            Ok(ArticleSummary {
                id: r.get(0)?,
                title: shown_title(title.as_deref(), &body),
                source: r.get(3)?,
                published: r.get(4)?,
                url: r.get(5)?,
                events: events
                    .map(|e| e.split(' ').map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// An event's list line from a row of `id, title, first_published, last_published, size,
/// sources`, with its outlets still as the stored JSON.
fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(EventSummary, String)> {
    Ok((
        EventSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            first_published: r.get(2)?,
            last_published: r.get(3)?,
            size: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
            sources: Vec::new(),
        },
        r.get(5)?,
    ))
}

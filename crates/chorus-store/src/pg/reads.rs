//! The [`PgStore`]'s answers for readers beyond single records, as the SQLite store's
//! (`sqlite/reads.rs`): pages of events and entities, search results grouped by event, and
//! what the outlet figures and pages read (put together in `crate::reads`).

use super::{decode_in_blocks, meta_text, newest_seq, PgStore};
use crate::reads::{
    containing, page_of, shown_title, ArticleSummary, EntityQuery, FactOutlets, OutletCache,
    OutletReads, OutletSummary, Page, SearchRequest, SearchResults, SingleOutlet,
};
use crate::sqlite::EVENT_ORDER;
use crate::{EntitySummary, EventFilter, EventOrder, EventSummary, Result};
use chorus_model::ReportArticle;
use postgres::types::ToSql;
use std::collections::HashMap;

/// Most articles a `query` filter of the event list looks at (the best matches).
const QUERY_ARTICLES: usize = 10_000;

type Param = Box<dyn ToSql + Sync>;

fn refs(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p.as_ref()).collect()
}

impl PgStore {
    pub(crate) fn list_events(
        &self,
        filter: &EventFilter,
        with_total: bool,
    ) -> Result<Page<EventSummary>> {
        let mut wheres = String::from(" WHERE 1 = 1");
        let mut args: Vec<Param> = Vec::new();
        if let Some(since) = &filter.since {
            args.push(Box::new(since.clone()));
            wheres.push_str(&format!(
                " AND coalesce(last_published, first_published) >= ${}",
                args.len()
            ));
        }
        if let Some(source) = &filter.source {
            args.push(Box::new(source.to_lowercase()));
            wheres.push_str(&format!(
                " AND id IN (SELECT event_id FROM event_sources WHERE source_lower = ${})",
                args.len()
            ));
        }
        if let Some(entity) = &filter.entity {
            args.push(Box::new(entity.to_lowercase()));
            wheres.push_str(&format!(
                " AND id IN (SELECT ee.event_id FROM event_entities ee \
                 JOIN entity_names n ON n.entity_id = ee.entity_id WHERE n.name_lower = ${})",
                args.len()
            ));
        }
        if let Some(q) = filter.query.as_deref().filter(|q| !q.trim().is_empty()) {
            let ids = self.matching_ids(q, QUERY_ARTICLES)?;
            args.push(Box::new(ids));
            wheres.push_str(&format!(
                " AND id IN (SELECT event_id FROM event_articles WHERE article_id = ANY(${}))",
                args.len()
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
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        if filter.offset > 0 {
            sql.push_str(&format!(" OFFSET {}", filter.offset));
        }
        self.with(|c| {
            let mut items = Vec::new();
            for r in c.query(&sql, &refs(&args))? {
                items.push(summary_row(&r)?);
            }
            let total = if with_total {
                let n: i64 = c
                    .query_one(
                        &format!("SELECT count(*) FROM events{wheres}"),
                        &refs(&args),
                    )?
                    .get(0);
                usize::try_from(n).unwrap_or(0)
            } else {
                filter.offset + items.len()
            };
            let limit = filter.limit.unwrap_or(items.len());
            Ok(page_of(total, filter.offset, limit, items))
        })
    }

    /// The list lines of the events `ids`, in their order (unknown ones left out).
    pub(crate) fn summaries(&self, ids: &[String]) -> Result<Vec<EventSummary>> {
        let rows: Vec<EventSummary> = self.with(|c| {
            let mut rows = Vec::with_capacity(ids.len());
            for r in c.query(
                "SELECT id, title, first_published, last_published, size, sources FROM events \
                 WHERE id = ANY($1)",
                &[&ids],
            )? {
                rows.push(summary_row(&r)?);
            }
            Ok(rows)
        })?;
        let found: HashMap<&str, &EventSummary> = rows.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut out = Vec::with_capacity(found.len());
        for id in ids {
            // An id given twice is listed twice, as the events are read one by one.
            if let Some(e) = found.get(id.as_str()) {
                out.push((*e).clone());
            }
        }
        Ok(out)
    }

    /// The cleaned texts of these articles in one query, in the order given (those with none
    /// left out).
    pub(crate) fn clean_articles_of(&self, ids: &[String]) -> Result<Vec<ReportArticle>> {
        let rows: Vec<(String, String)> = self.with(|c| {
            Ok(c.query(
                "SELECT id, json FROM clean_articles WHERE id = ANY($1)",
                &[&ids],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
        })?;
        let found: HashMap<&str, &str> = rows
            .iter()
            .map(|(id, json)| (id.as_str(), json.as_str()))
            .collect();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(json) = found.get(id.as_str()) {
                out.push(serde_json::from_str(json)?);
            }
        }
        Ok(out)
    }

    pub(crate) fn search_grouped(&self, request: &SearchRequest) -> Result<SearchResults> {
        let (hits, total) = self.matches(request)?;
        let mut conn = self.conn()?;
        let stmt = conn
            .prepare("SELECT title, first_published, last_published FROM events WHERE id = $1")?;
        let groups = crate::reads::group_hits(hits, |id| {
            Ok(conn
                .query_opt(&stmt, &[&id])?
                .map(|r| (r.get::<_, String>(0), r.get(1), r.get(2))))
        })?;
        Ok(SearchResults {
            total,
            offset: request.offset,
            limit: request.limit,
            groups,
        })
    }

    pub(crate) fn list_entities(&self, query: &EntityQuery) -> Result<Page<EntitySummary>> {
        let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        let Some(q) = q else {
            let sql = format!(
                "SELECT json FROM entities ORDER BY event_count DESC, mentions DESC, \
                 name COLLATE \"C\" LIMIT {} OFFSET {}",
                query.limit, query.offset
            );
            return self.with(|c| {
                let mut items = Vec::new();
                for r in c.query(&sql, &[])? {
                    items.push(serde_json::from_str(r.get(0))?);
                }
                // Counted by the writer (a count of half a million rows is a scan).
                let total: usize = meta_text(c, "count_entities")?
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                Ok(page_of(total, query.offset, query.limit, items))
            });
        };
        // As the SQLite store's: every match's id in order from one search of the names,
        // then only the page's entities read whole.
        if q.contains('\0') {
            // No name holds a NUL, and a query may not: FTS5 ends its string there, and
            // PostgreSQL text cannot hold one.
            return Ok(page_of(0, query.offset, query.limit, Vec::new()));
        }
        let lower = q.to_lowercase();
        let pattern = containing(&lower);
        self.with(|c| {
            let ids: Vec<String> = c
                .query(
                    "SELECT id FROM entities WHERE id IN (SELECT entity_id FROM entity_names \
                     WHERE name_lower LIKE $1 ESCAPE '\\') \
                     ORDER BY id IN (SELECT entity_id FROM entity_names WHERE name_lower = $2) \
                     DESC, event_count DESC, mentions DESC, name COLLATE \"C\"",
                    &[&pattern, &lower],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let page: Vec<&String> = ids.iter().skip(query.offset).take(query.limit).collect();
            let mut found: HashMap<String, String> = HashMap::new();
            for r in c.query("SELECT id, json FROM entities WHERE id = ANY($1)", &[&page])? {
                found.insert(r.get(0), r.get(1));
            }
            let mut items = Vec::with_capacity(page.len());
            for id in page {
                if let Some(json) = found.get(id) {
                    items.push(serde_json::from_str(json)?);
                }
            }
            Ok(page_of(ids.len(), query.offset, query.limit, items))
        })
    }
}

/// As the SQLite store's: what the outlet figures and pages read, put together in
/// `crate::reads`.
impl OutletReads for PgStore {
    fn state(&self) -> Result<(i64, String)> {
        self.with(|c| {
            Ok((
                newest_seq(c)?,
                meta_text(c, "events_seq")?.unwrap_or_default(),
            ))
        })
    }

    fn kept(&self) -> &OutletCache {
        &self.outlets
    }

    fn outlet_rows(&self) -> Result<Vec<OutletSummary>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT min(v.source COLLATE \"C\"), count(*), min(v.published COLLATE \"C\"), \
                 max(v.published COLLATE \"C\") \
                 FROM articles a JOIN article_versions v ON v.seq = a.current_seq \
                 GROUP BY v.source_lower",
                &[],
            )?
            .iter()
            .map(|r| OutletSummary {
                name: r.get(0),
                articles: usize::try_from(r.get::<_, i64>(1)).unwrap_or(0),
                events: 0,
                first_seen: r.get(2),
                last_seen: r.get(3),
                corroborated_facts: 0,
                single_source_facts: 0,
                corroborated_share: None,
            })
            .collect())
        })
    }

    fn events_per_outlet(&self) -> Result<HashMap<String, usize>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT source_lower, count(*) FROM event_sources GROUP BY source_lower",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), usize::try_from(r.get::<_, i64>(1)).unwrap_or(0)))
            .collect())
        })
    }

    fn each_fact_outlets(&self, each: &mut dyn FnMut(Vec<FactOutlets>)) -> Result<()> {
        // Not retried: `each` has seen the blocks read before a lost connection.
        let mut c = self.conn()?;
        decode_in_blocks(&mut c, "SELECT json FROM events", &[], 1024, each)
    }

    fn event_lines(&self, filter: &EventFilter) -> Result<Vec<EventSummary>> {
        Ok(self.list_events(filter, false)?.items)
    }

    fn single_source_of(&self, event: &str) -> Result<Vec<SingleOutlet>> {
        self.with(|c| {
            Ok(
                match c.query_opt(
                    "SELECT facts FROM event_single_source WHERE event_id = $1",
                    &[&event],
                )? {
                    Some(r) => serde_json::from_str(r.get(0))?,
                    None => Vec::new(),
                },
            )
        })
    }

    fn outlet_articles(
        &self,
        outlet: &OutletSummary,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let lower = outlet.name.to_lowercase();
        self.with(|c| {
            let rows = c.query(
                &format!(
                    "WITH page AS MATERIALIZED (SELECT v.seq AS seq, a.id AS id, \
                      v.published AS published FROM article_versions v \
                      JOIN articles a ON a.id = v.article_id AND a.current_seq = v.seq \
                      WHERE v.source_lower = $1 \
                      ORDER BY v.published COLLATE \"C\" DESC NULLS LAST, a.id COLLATE \"C\" \
                      LIMIT {limit} OFFSET {offset}) \
                     SELECT p.id, v.title, v.body, v.source, v.published, v.url, \
                     (SELECT string_agg(event_id, ' ') FROM event_articles \
                      WHERE article_id = p.id) \
                     FROM page p JOIN article_versions v ON v.seq = p.seq \
                     ORDER BY p.published COLLATE \"C\" DESC NULLS LAST, p.id COLLATE \"C\""
                ),
                &[&lower],
            )?;
            Ok(rows
                .iter()
                .map(|r| {
                    let title: Option<String> = r.get(1);
                    let body: String = r.get(2);
                    let events: Option<String> = r.get(6);
                    ArticleSummary {
                        id: r.get(0),
                        title: shown_title(title.as_deref(), &body),
                        source: r.get(3),
                        published: r.get(4),
                        url: r.get(5),
                        events: events
                            .map(|e| e.split(' ').map(str::to_string).collect())
                            .unwrap_or_default(),
                    }
                })
                .collect())
        })
    }
}

/// An event's list line from a row of `id, title, first_published, last_published, size,
/// sources`.
fn summary_row(r: &postgres::Row) -> Result<EventSummary> {
    let sources: String = r.get(5);
    Ok(EventSummary {
        id: r.get(0),
        title: r.get(1),
        first_published: r.get(2),
        last_published: r.get(3),
        size: usize::try_from(r.get::<_, i64>(4)).unwrap_or(0),
        sources: serde_json::from_str(&sources)?,
    })
}

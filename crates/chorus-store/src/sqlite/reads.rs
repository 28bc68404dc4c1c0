//! The [`Store`]'s answers for readers beyond single records: pages of events and entities,
//! search results with filters grouped by event, and outlets. Reads only; the outlet figures,
//! which need every event's facts, are counted once per state of the collection and kept.

use super::{decode_in_blocks, meta_text, newest_seq, Store, EVENT_ORDER};
use crate::reads::{
    facts_by_outlet, page_of, shown_title, ArticleSummary, ArticleVersion, EntityQuery,
    FactOutlets, OutletDetail, OutletSummary, Page, SearchGroup, SearchRequest, SearchResults,
};
use crate::search::{snippet, Matches, Narrowing};
use crate::{EntitySummary, EventFilter, EventOrder, EventSummary, Result, SearchHit};
use rusqlite::{Connection, OptionalExtension};
use std::sync::Arc;

/// Most articles a `query` filter of the event list looks at (the best matches).
const QUERY_ARTICLES: usize = 10_000;
/// Most events listed for one outlet (its newest; the list of all is the event list filtered
/// by the outlet).
const OUTLET_EVENTS: usize = 100;
/// Most single-source facts shown for one outlet (from its newest events).
const OUTLET_FACTS: usize = 50;

/// The outlet figures and the state of the collection they were counted at (newest article
/// version, events version).
pub(crate) type VersionedOutlets = ((i64, String), Arc<Vec<OutletSummary>>);

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
            wheres.push_str(&format!(
                " AND id IN (SELECT event_id FROM event_sources WHERE source_lower = ?{})",
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
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                EventSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    first_published: r.get(2)?,
                    last_published: r.get(3)?,
                    size: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    sources: Vec::new(),
                },
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (mut e, sources) = row?;
            e.sources = serde_json::from_str(&sources)?;
            items.push(e);
        }
        let total = if with_total {
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM events{wheres}"),
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
        let mut groups: Vec<SearchGroup> = Vec::new();
        let conn = self.reading()?;
        let mut stmt = conn.prepare_cached(
            "SELECT title, first_published, last_published FROM events WHERE id = ?1",
        )?;
        for hit in hits {
            if let Some(g) = groups
                .iter_mut()
                .find(|g| g.event.is_some() && g.event == hit.event)
            {
                g.hits.push(hit);
                continue;
            }
            let event = match &hit.event {
                Some(id) => stmt
                    .query_row([id], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, Option<String>>(2)?,
                        ))
                    })
                    .optional()?,
                None => None,
            };
            let (title, first, last) = event.unwrap_or_else(|| {
                (
                    hit.title.clone().unwrap_or_default(),
                    hit.published.clone(),
                    hit.published.clone(),
                )
            });
            groups.push(SearchGroup {
                event: hit.event.clone(),
                title,
                first_published: first,
                last_published: last,
                hits: vec![hit],
            });
        }
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
        let (wheres, order, args): (&str, &str, Vec<String>) = match q {
            None => ("", "", Vec::new()),
            Some(q) => {
                let lower = q.to_lowercase();
                let pattern = format!(
                    "%{}%",
                    lower
                        .replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                );
                (
                    " WHERE id IN (SELECT entity_id FROM entity_names \
                     WHERE name_lower LIKE ?1 ESCAPE '\\')",
                    // A name or alias that is the query itself first.
                    "id IN (SELECT entity_id FROM entity_names WHERE name_lower = ?2) DESC, ",
                    vec![pattern, lower],
                )
            }
        };
        let sql = format!(
            "SELECT json FROM entities{wheres} ORDER BY {order}event_count DESC, mentions DESC, \
             name LIMIT {} OFFSET {}",
            query.limit, query.offset
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            r.get::<_, String>(0)
        })?;
        let mut items = Vec::new();
        for r in rows {
            items.push(serde_json::from_str(&r?)?);
        }
        let count_args = &args[..args.len().min(1)];
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM entities{wheres}"),
            rusqlite::params_from_iter(count_args.iter()),
            |r| r.get(0),
        )?;
        Ok(page_of(
            usize::try_from(total).unwrap_or(0),
            query.offset,
            query.limit,
            items,
        ))
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

    /// Every outlet with its figures, most articles first: counted again only when an
    /// article or the events have changed since they were last counted.
    pub(crate) fn all_outlets(&self) -> Result<Arc<Vec<OutletSummary>>> {
        let key = {
            let conn = self.reading()?;
            (
                newest_seq(&conn)?,
                meta_text(&conn, "events_seq")?.unwrap_or_default(),
            )
        };
        let mut slot = self.outlets.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, list)) = slot.as_ref() {
            if *at == key {
                return Ok(Arc::clone(list));
            }
        }
        let list = Arc::new(count_outlets(&*self.reading()?)?);
        *slot = Some((key, Arc::clone(&list)));
        Ok(list)
    }

    pub(crate) fn outlet_detail(
        &self,
        name: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Option<OutletDetail>> {
        let lower = name.to_lowercase();
        let Some(outlet) = self
            .all_outlets()?
            .iter()
            .find(|o| o.name.to_lowercase() == lower)
            .cloned()
        else {
            return Ok(None);
        };
        let events = self
            .list_events(
                &EventFilter {
                    source: Some(outlet.name.clone()),
                    order: EventOrder::Newest,
                    limit: Some(OUTLET_EVENTS),
                    ..EventFilter::default()
                },
                false,
            )?
            .items;
        let conn = self.reading()?;
        let mut single_source = Vec::new();
        let mut stmt = conn.prepare_cached("SELECT json FROM events WHERE id = ?1")?;
        for e in &events {
            if single_source.len() >= OUTLET_FACTS {
                break;
            }
            let json: String = stmt.query_row([&e.id], |r| r.get(0))?;
            let facts: FactOutlets = serde_json::from_str(&json)?;
            for f in facts.single_source {
                if f.source.to_lowercase() == lower && single_source.len() < OUTLET_FACTS {
                    single_source.push((facts.id.clone(), f.text));
                }
            }
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.id, v.title, v.body, v.source, v.published, v.url, \
             (SELECT group_concat(event_id, ' ') FROM event_articles WHERE article_id = a.id) \
             FROM article_versions v JOIN articles a ON a.current_seq = v.seq \
             WHERE v.source = ?1 COLLATE NOCASE \
             ORDER BY v.published DESC NULLS LAST, a.id LIMIT {limit} OFFSET {offset}"
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
        let articles = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(OutletDetail {
            articles: page_of(outlet.articles, offset, limit, articles),
            outlet,
            events,
            single_source,
        }))
    }
}

/// Every outlet's figures, read from the current article versions, the events' outlets and
/// the facts of every event (only their outlets decoded, a block at a time in parallel).
fn count_outlets(conn: &Connection) -> Result<Vec<OutletSummary>> {
    let mut outlets: Vec<OutletSummary> = Vec::new();
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
    for r in rows {
        outlets.push(r?);
    }
    let mut events: std::collections::HashMap<String, usize> = Default::default();
    let mut stmt =
        conn.prepare("SELECT source_lower, count(*) FROM event_sources GROUP BY source_lower")?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (s, n) = r?;
        events.insert(s, usize::try_from(n).unwrap_or(0));
    }
    let mut facts: std::collections::HashMap<String, (usize, usize)> = Default::default();
    let mut stmt = conn.prepare("SELECT json FROM events")?;
    decode_in_blocks(&mut stmt, 1024, &mut |decoded: Vec<FactOutlets>| {
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

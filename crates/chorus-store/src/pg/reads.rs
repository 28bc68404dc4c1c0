//! The [`PgStore`]'s answers for readers beyond single records, as the SQLite store's
//! (`sqlite/reads.rs`): pages of events and entities, search results grouped by event, and
//! outlets with their figures (counted once per state of the collection and kept).

use super::{decode_in_blocks, meta_text, newest_seq, PgStore};
use crate::reads::{
    facts_by_outlet, page_of, shown_title, ArticleSummary, EntityQuery, FactOutlets, OutletDetail,
    OutletSummary, Page, SearchGroup, SearchRequest, SearchResults,
};
use crate::sqlite::EVENT_ORDER;
use crate::{EntitySummary, EventFilter, EventOrder, EventSummary, Result};
use postgres::types::ToSql;
use postgres::Client;
use std::collections::HashMap;
use std::sync::Arc;

/// Most articles a `query` filter of the event list looks at (the best matches).
const QUERY_ARTICLES: usize = 10_000;
const OUTLET_EVENTS: usize = 100;
const OUTLET_FACTS: usize = 50;

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
                let sources: String = r.get(5);
                items.push(EventSummary {
                    id: r.get(0),
                    title: r.get(1),
                    first_published: r.get(2),
                    last_published: r.get(3),
                    size: usize::try_from(r.get::<_, i64>(4)).unwrap_or(0),
                    sources: serde_json::from_str(&sources)?,
                });
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

    pub(crate) fn search_grouped(&self, request: &SearchRequest) -> Result<SearchResults> {
        let (hits, total) = self.matches(request)?;
        let mut groups: Vec<SearchGroup> = Vec::new();
        let mut conn = self.conn()?;
        let stmt = conn
            .prepare("SELECT title, first_published, last_published FROM events WHERE id = $1")?;
        for hit in hits {
            if let Some(g) = groups
                .iter_mut()
                .find(|g| g.event.is_some() && g.event == hit.event)
            {
                g.hits.push(hit);
                continue;
            }
            let event = match &hit.event {
                Some(id) => conn
                    .query_opt(&stmt, &[id])?
                    .map(|r| (r.get::<_, String>(0), r.get(1), r.get(2))),
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
            total,
            offset: request.offset,
            limit: request.limit,
            groups,
        })
    }

    pub(crate) fn list_entities(&self, query: &EntityQuery) -> Result<Page<EntitySummary>> {
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
                     WHERE name_lower LIKE $1 ESCAPE '\\')",
                    "id IN (SELECT entity_id FROM entity_names WHERE name_lower = $2) DESC, ",
                    vec![pattern, lower],
                )
            }
        };
        let sql = format!(
            "SELECT json FROM entities{wheres} ORDER BY {order}event_count DESC, mentions DESC, \
             name COLLATE \"C\" LIMIT {} OFFSET {}",
            query.limit, query.offset
        );
        self.with(|c| {
            let params: Vec<&(dyn ToSql + Sync)> =
                args.iter().map(|a| a as &(dyn ToSql + Sync)).collect();
            let mut items = Vec::new();
            for r in c.query(&sql, &params)? {
                items.push(serde_json::from_str(r.get(0))?);
            }
            let total: i64 = c
                .query_one(
                    &format!("SELECT count(*) FROM entities{wheres}"),
                    &params[..params.len().min(1)],
                )?
                .get(0);
            Ok(page_of(
                usize::try_from(total).unwrap_or(0),
                query.offset,
                query.limit,
                items,
            ))
        })
    }

    pub(crate) fn all_outlets(&self) -> Result<Arc<Vec<OutletSummary>>> {
        let key = self.with(|c| {
            Ok((
                newest_seq(c)?,
                meta_text(c, "events_seq")?.unwrap_or_default(),
            ))
        })?;
        let mut slot = self.outlets.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, list)) = slot.as_ref() {
            if *at == key {
                return Ok(Arc::clone(list));
            }
        }
        let list = Arc::new(self.with(count_outlets)?);
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
        self.with(|c| {
            let mut single_source = Vec::new();
            let stmt = c.prepare("SELECT json FROM events WHERE id = $1")?;
            for e in &events {
                if single_source.len() >= OUTLET_FACTS {
                    break;
                }
                let json: String = c.query_one(&stmt, &[&e.id])?.get(0);
                let facts: FactOutlets = serde_json::from_str(&json)?;
                for f in facts.single_source {
                    if f.source.to_lowercase() == lower && single_source.len() < OUTLET_FACTS {
                        single_source.push((facts.id.clone(), f.text));
                    }
                }
            }
            let rows = c.query(
                &format!(
                    "SELECT a.id, v.title, v.body, v.source, v.published, v.url, \
                     (SELECT string_agg(event_id, ' ') FROM event_articles \
                      WHERE article_id = a.id) \
                     FROM article_versions v JOIN articles a ON a.current_seq = v.seq \
                     WHERE v.source_lower = $1 \
                     ORDER BY v.published COLLATE \"C\" DESC NULLS LAST, a.id COLLATE \"C\" \
                     LIMIT {limit} OFFSET {offset}"
                ),
                &[&lower],
            )?;
            let articles = rows
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
                .collect();
            Ok(Some(OutletDetail {
                articles: page_of(outlet.articles, offset, limit, articles),
                outlet: outlet.clone(),
                events: events.clone(),
                single_source,
            }))
        })
    }
}

fn count_outlets(c: &mut Client) -> Result<Vec<OutletSummary>> {
    let mut outlets: Vec<OutletSummary> = c
        .query(
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
        .collect();
    let mut events: HashMap<String, usize> = HashMap::new();
    for r in c.query(
        "SELECT source_lower, count(*) FROM event_sources GROUP BY source_lower",
        &[],
    )? {
        events.insert(r.get(0), usize::try_from(r.get::<_, i64>(1)).unwrap_or(0));
    }
    let mut facts: HashMap<String, (usize, usize)> = HashMap::new();
    decode_in_blocks(
        c,
        "SELECT json FROM events",
        &[],
        1024,
        &mut |decoded: Vec<FactOutlets>| {
            for (outlet, (co, s)) in facts_by_outlet(&decoded) {
                let f = facts.entry(outlet).or_default();
                f.0 += co;
                f.1 += s;
            }
        },
    )?;
    for o in &mut outlets {
        let lower = o.name.to_lowercase();
        o.events = events.get(&lower).copied().unwrap_or(0);
        let (co, s) = facts.get(&lower).copied().unwrap_or((0, 0));
        o.corroborated_facts = co;
        o.single_source_facts = s;
        o.corroborated_share = (co + s > 0).then(|| co as f64 / (co + s) as f64);
    }
    outlets.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(outlets)
}

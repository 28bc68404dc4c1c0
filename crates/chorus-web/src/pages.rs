//! The HTML pages: event list, event (account with citations that open the cited sentence
//! highlighted in its article; facts, differences, quotes, outlets side by side, coverage
//! chart), entities, search, the article view, and the "same story?" form. All article
//! text goes through `escape`.

use crate::markup::{
    count, coverage_svg, day, escape, page, pager, path_part, query_part, query_string, safe_url,
    span,
};
use crate::{AppState, WebError};
use axum::body::Bytes;
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use chorus_model::{Citation, Report, SameStory};
use chorus_store::{EventFilter, EventOrder, EventSummary};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListQuery {
    pub(crate) order: Option<String>,
    pub(crate) since: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) entity: Option<String>,
    /// A search query: only events with an article matching it.
    pub(crate) q: Option<String>,
    pub(crate) limit: Option<usize>,
    pub(crate) offset: Option<usize>,
}

/// Empty form fields mean "no filter".
fn given(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl ListQuery {
    pub(crate) fn filter(&self, max: usize) -> Result<EventFilter, WebError> {
        let since = match given(&self.since) {
            Some(s) => Some(chorus_ingest::normalize_date(&s).ok_or_else(|| {
                WebError::BadRequest("since: expected a date such as 2024-12-08".into())
            })?),
            None => None,
        };
        let order = match self.order.as_deref() {
            None | Some("") | Some("largest") => EventOrder::Largest,
            Some("newest") => EventOrder::Newest,
            Some(_) => {
                return Err(WebError::BadRequest(
                    "order: expected largest or newest".into(),
                ))
            }
        };
        Ok(EventFilter {
            since,
            source: given(&self.source),
            entity: given(&self.entity),
            order,
            limit: Some(self.limit.unwrap_or(max).min(max)),
            offset: self.offset.unwrap_or(0).min(i64::MAX as usize),
            query: given(&self.q),
        })
    }

    /// The filters as query parameters (for links to other pages of the same list).
    pub(crate) fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, v) in [
            ("order", &self.order),
            ("since", &self.since),
            ("source", &self.source),
            ("entity", &self.entity),
            ("q", &self.q),
        ] {
            if let Some(v) = given(v) {
                out.push((name, v));
            }
        }
        if let Some(l) = self.limit {
            out.push(("limit", l.to_string()));
        }
        out
    }
}

/// Which page of a list: `offset` and `limit` alone.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    pub(crate) limit: Option<usize>,
    pub(crate) offset: Option<usize>,
}

/// The furthest a list may be paged: the search index ranks `offset + limit` hits to give a
/// page, and SQLite takes no offset beyond an `i64`.
pub(crate) const MAX_OFFSET: usize = 10_000;

/// Rows per page of a list page unless `limit` says otherwise.
pub(crate) const PAGE_ROWS: usize = 50;

/// The events an entity appears in, as list lines, in the entity's order.
pub(crate) fn entity_events(
    store: &dyn chorus_store::Collection,
    entity: &chorus_store::EntitySummary,
) -> Result<Vec<EventSummary>, WebError> {
    let events = store.event_summaries(&entity.events)?;
    Ok(events)
}

pub(crate) fn events_table(events: &[EventSummary]) -> String {
    if events.is_empty() {
        return "<p class=\"none\">No events.</p>\n".into();
    }
    let mut out = String::from(
        "<table>\n<thead><tr><th>Event</th><th>When</th><th>Articles</th><th>Outlets</th></tr></thead>\n<tbody>\n",
    );
    for e in events {
        out.push_str(&format!(
            "<tr><td><a href=\"/events/{}\">{}</a></td><td class=\"muted\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            path_part(&e.id),
            escape(&e.title),
            escape(&span(e.first_published.as_deref(), e.last_published.as_deref())),
            e.size,
            escape(&e.sources.join(", ")),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

pub(crate) async fn event_list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let mut filter = q.filter(state.config.max_results)?;
    if q.limit.is_none() {
        filter.limit = Some(PAGE_ROWS.min(state.config.max_results));
    }
    let f = filter.clone();
    let (events, stats) = state
        .run(move |store, _| Ok((store.events_page(&f)?, store.stats()?)))
        .await?;
    let selected = |v: &str| {
        if (filter.order == EventOrder::Newest) == (v == "newest") {
            " selected"
        } else {
            ""
        }
    };
    let unplaced = if stats.without_event > 0 {
        format!(" ({} in none)", stats.without_event)
    } else {
        String::new()
    };
    let mut body = format!(
        "<h1>Events</h1>\n<p class=\"meta\">{} from {} in {}{}</p>\n",
        count(stats.articles, "article", "articles"),
        count(stats.sources, "outlet", "outlets"),
        count(stats.events, "event", "events"),
        unplaced
    );
    body.push_str(&format!(
        concat!(
            "<form class=\"filters\" method=\"get\" action=\"/\">",
            "<label>Order<select name=\"order\"><option value=\"largest\"{}>largest first</option>",
            "<option value=\"newest\"{}>newest first</option></select></label>",
            "<label>Since<input type=\"date\" name=\"since\" value=\"{}\"></label>",
            "<label>Outlet<input name=\"source\" value=\"{}\"></label>",
            "<label>Entity<input name=\"entity\" value=\"{}\"></label>",
            "<label>Words<input name=\"q\" value=\"{}\"></label>",
            "<button>Filter</button></form>\n"
        ),
        selected("largest"),
        selected("newest"),
        escape(given(&q.since).as_deref().unwrap_or("")),
        escape(given(&q.source).as_deref().unwrap_or("")),
        escape(given(&q.entity).as_deref().unwrap_or("")),
        escape(given(&q.q).as_deref().unwrap_or("")),
    ));
    body.push_str(&events_table(&events.items));
    body.push_str(&pager("/", &q.params(), &events, ("event", "events")));
    let mut feed = q.params();
    feed.retain(|(k, _)| *k != "order" && *k != "limit");
    body.push_str(&format!(
        "<p class=\"meta\"><a href=\"/events.atom{}\">Follow these events (Atom feed)</a></p>\n",
        escape(&query_string(&feed))
    ));
    Ok(page("Events", &body, ""))
}

/// The event page's links: each citation opens its sentence highlighted in the article, each
/// entity its page in the collection (found by name or alias).
struct PageLinks {
    entities: HashMap<String, String>,
}

impl chorus_render::Links for PageLinks {
    fn citation(&self, c: &Citation) -> Option<String> {
        Some(format!(
            "/articles/{}?hl={}-{}#hl",
            path_part(&c.article),
            c.start,
            c.end
        ))
    }

    fn entity(&self, name: &str) -> Option<String> {
        let id = self.entities.get(&name.to_lowercase())?;
        Some(format!("/entities/{}", path_part(id)))
    }
}

/// The event as the report renders it (one outline for the page and `--format html`), then
/// what only a page has: the articles-per-day chart and the outlets side by side.
fn event_body(report: &Report, entities: &[chorus_store::EntitySummary]) -> String {
    let mut names = HashMap::new();
    for e in entities {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            names
                .entry(n.to_lowercase())
                .or_insert_with(|| e.id.clone());
        }
    }
    let links = PageLinks { entities: names };
    let mut b = chorus_render::event_html(report, 0, 1, &links);
    let Some(event) = report.events.first() else {
        return b;
    };
    let articles = &report.articles;
    let dates: Vec<&str> = articles
        .iter()
        .filter_map(|a| a.published.as_deref())
        .collect();
    if let Some(svg) = coverage_svg(&dates) {
        b.push_str(&format!(
            "<figure>{svg}<figcaption class=\"muted\">Articles per day</figcaption></figure>\n"
        ));
    }
    b.push_str("<h2>The outlets side by side</h2>\n<div class=\"sides\">\n");
    for a in articles {
        let cited = event
            .account
            .iter()
            .filter(|s| s.citations.iter().any(|c| c.article == a.id))
            .count();
        let lead: String = a
            .text
            .split("\n\n")
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(500)
            .collect();
        b.push_str(&format!(
            concat!(
                "<article class=\"side\"><h3>{}</h3><p class=\"muted\">{} · cited {} · ",
                "{} removed</p><p><a href=\"/articles/{}\">{}</a></p><p>{}…</p></article>\n"
            ),
            escape(&a.source),
            escape(&day(a.published.as_deref())),
            count(cited, "time", "times"),
            count(a.removed.len(), "paragraph", "paragraphs"),
            path_part(&a.id),
            escape(&chorus_store::shown_title(a.title.as_deref(), &a.text)),
            escape(&lead)
        ));
    }
    b.push_str("</div>\n");
    b
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EventQuery {
    /// Mark what arrived after this date.
    since: Option<String>,
}

pub(crate) async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<EventQuery>,
) -> Result<Response, WebError> {
    let since = match given(&q.since) {
        Some(s) => Some(chorus_ingest::normalize_date(&s).ok_or_else(|| {
            WebError::BadRequest("since: expected a date such as 2024-12-08".into())
        })?),
        None => None,
    };
    let (report, entities, outlets): (Report, _, _) = state
        .run(move |store, _| {
            let report = store.event_report(&id)?.ok_or(WebError::NotFound)?;
            let entities = store.event_entities(&id)?;
            let outlets: Vec<String> = store
                .outlets(0, usize::MAX)?
                .items
                .into_iter()
                .map(|o| o.name)
                .collect();
            Ok((report, entities, outlets))
        })
        .await?;
    let event = report.events.first().ok_or(WebError::NotFound)?;
    let mut body = event_body(&report, &entities);
    body.push_str(&crate::story::coverage(event, &report.articles, &outlets));
    let days = chorus_pipeline::timeline(event, &report.articles);
    body.push_str(&crate::story::timeline(
        &event.id,
        &days,
        &report.articles,
        since.as_deref(),
    ));
    body.push_str(&format!(
        "<p class=\"meta\"><a href=\"/events/{id}/feed.atom\">Follow this story (Atom feed)</a> · <a href=\"/api/events/{id}.csv\">Facts as CSV</a> · <a href=\"/api/events/{id}\">JSON</a></p>\n",
        id = path_part(&event.id)
    ));
    Ok(page(&event.title, &body, ""))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ArticleQuery {
    hl: Option<String>,
}

/// `START-END` as a byte range of `text` on character boundaries.
fn highlight(hl: Option<&str>, text: &str) -> Option<(usize, usize)> {
    let (a, b) = hl?.split_once('-')?;
    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
    (a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b))
        .then_some((a, b))
}

/// Escaped paragraphs; paragraph breaks (blank lines) become `</p><p>`.
fn paragraphs(s: &str) -> String {
    escape(s).replace("\n\n", "</p>\n<p>").replace('\n', "<br>")
}

pub(crate) async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<ArticleQuery>,
) -> Result<Response, WebError> {
    let (stored, versions) = state
        .run(move |store, _| {
            let stored = store.article(&id)?.ok_or(WebError::NotFound)?;
            let versions = if stored.version > 1 {
                store.article_versions(&id)?
            } else {
                Vec::new()
            };
            Ok((stored, versions))
        })
        .await?;
    let a = &stored.article;
    // A page cleaning left no story text in is in no event: it is shown as it was read.
    let no_story = stored
        .clean
        .as_ref()
        .is_some_and(|c| c.text.trim().is_empty());
    let text = match &stored.clean {
        Some(c) if !no_story => c.text.as_str(),
        _ => a.body.as_str(),
    };
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · version {}",
        escape(&chorus_store::shown_title(a.title.as_deref(), &a.body)),
        escape(&a.source),
        escape(&day(a.published.as_deref())),
        stored.version
    );
    if let Some(url) = a.url.as_deref().and_then(safe_url) {
        b.push_str(&format!(
            " · <a href=\"{}\" rel=\"noopener noreferrer nofollow\">original</a>",
            escape(url)
        ));
    }
    b.push_str("</p>\n");
    if no_story {
        b.push_str(
            "<p class=\"meta\">Cleaning left no story text in this page (see what was \
             removed below), so it is in no event. As it was read:</p>\n",
        );
    }
    if !stored.events.is_empty() {
        b.push_str("<p class=\"meta\">In ");
        let links: Vec<String> = stored
            .events
            .iter()
            .map(|e| {
                format!(
                    "<a href=\"/events/{}\">event {}</a>",
                    path_part(e),
                    escape(e)
                )
            })
            .collect();
        b.push_str(&links.join(", "));
        b.push_str("</p>\n");
    }
    b.push_str("<div class=\"article\"><p>");
    match highlight(q.hl.as_deref(), text) {
        Some((start, end)) => {
            b.push_str(&paragraphs(&text[..start]));
            b.push_str(&format!(
                "<mark id=\"hl\">{}</mark>",
                escape(&text[start..end]).replace('\n', " ")
            ));
            b.push_str(&paragraphs(&text[end..]));
        }
        None => b.push_str(&paragraphs(text)),
    }
    b.push_str("</p></div>\n");
    if let Some(clean) = &stored.clean {
        b.push_str(&format!(
            "<h2>What was removed</h2>\n<p class=\"meta\">{}</p>\n",
            count(clean.removed.len(), "paragraph", "paragraphs")
        ));
        if !clean.removed.is_empty() {
            b.push_str("<ul>\n");
            for r in &clean.removed {
                b.push_str(&format!(
                    "<li><span class=\"muted\">{}</span>: {}</li>\n",
                    escape(&crate::markup::removal_reason(&r.reason)),
                    escape(&r.text)
                ));
            }
            b.push_str("</ul>\n");
        }
    }
    if versions.len() > 1 {
        b.push_str(&format!(
            "<h2 id=\"versions\">Versions</h2>\n<p class=\"meta\">{} of this article (same id or address, new text); what each changed:</p>\n<ol class=\"versions\">\n",
            count(versions.len(), "version", "versions")
        ));
        for v in crate::versions::changes(&versions).iter().skip(1) {
            b.push_str(&format!(
                "<li value=\"{}\"><span class=\"muted\">{}</span>",
                v.version,
                escape(&day(v.published.as_deref()))
            ));
            if v.title_changed {
                b.push_str(&format!(
                    " title now “{}”",
                    escape(v.title.as_deref().unwrap_or(""))
                ));
            }
            b.push_str("<ul>");
            for p in &v.added {
                b.push_str(&format!("<li>added: {}</li>", escape(p)));
            }
            for p in &v.removed {
                b.push_str(&format!("<li>dropped: <del>{}</del></li>", escape(p)));
            }
            if v.added.is_empty() && v.removed.is_empty() && !v.title_changed {
                b.push_str(
                    "<li class=\"muted\">the same paragraphs (dates or other fields changed)</li>",
                );
            }
            b.push_str("</ul></li>\n");
        }
        b.push_str("</ol>\n");
    }
    Ok(page(
        &chorus_store::shown_title(a.title.as_deref(), &a.body),
        &b,
        "",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EntityListQuery {
    /// A name or alias, or a part of one.
    pub(crate) q: Option<String>,
    pub(crate) limit: Option<usize>,
    pub(crate) offset: Option<usize>,
}

impl EntityListQuery {
    pub(crate) fn query(&self, default: usize, max: usize) -> chorus_store::EntityQuery {
        chorus_store::EntityQuery {
            q: given(&self.q),
            limit: self.limit.unwrap_or(default).min(max),
            offset: self.offset.unwrap_or(0).min(i64::MAX as usize),
        }
    }
}

pub(crate) async fn entity_list(
    State(state): State<AppState>,
    Query(q): Query<EntityListQuery>,
) -> Result<Response, WebError> {
    let query = q.query(PAGE_ROWS, state.config.max_results);
    let entities = state
        .run(move |store, _| Ok(store.entities_page(&query)?))
        .await?;
    let name = given(&q.q).unwrap_or_default();
    let mut b = format!(
        concat!(
            "<h1>People, organisations and places</h1>\n<p class=\"meta\">{}{}</p>\n",
            "<form class=\"filters\" method=\"get\" action=\"/entities\">",
            "<label>Name or alias<input name=\"q\" value=\"{}\"></label>",
            "<button>Find</button></form>\n"
        ),
        count(entities.total, "entity", "entities"),
        if name.is_empty() {
            String::new()
        } else {
            format!(" named like “{}”", escape(&name))
        },
        escape(&name)
    );
    if entities.items.is_empty() {
        b.push_str("<p class=\"none\">No entities.</p>\n");
    } else {
        b.push_str("<table>\n<thead><tr><th>Name</th><th>Kind</th><th>Events</th><th>Mentions</th></tr></thead>\n<tbody>\n");
        for e in &entities.items {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(
                    "<br><span class=\"muted\">also {}</span>",
                    escape(&e.aliases.join(", "))
                )
            };
            b.push_str(&format!(
                "<tr><td><a href=\"/entities/{}\">{}</a>{}</td><td class=\"muted\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                path_part(&e.id),
                escape(&e.name),
                aliases,
                e.kind.as_str(),
                e.events.len(),
                e.mentions
            ));
        }
        b.push_str("</tbody>\n</table>\n");
    }
    let mut params = Vec::new();
    if !name.is_empty() {
        params.push(("q", name));
    }
    if let Some(l) = q.limit {
        params.push(("limit", l.to_string()));
    }
    b.push_str(&pager(
        "/entities",
        &params,
        &entities,
        ("entity", "entities"),
    ));
    Ok(page("Entities", &b, ""))
}

pub(crate) async fn entity(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (entity, events) = state
        .run(move |store, _| {
            let entity = store.entity(&id)?.ok_or(WebError::NotFound)?;
            let events = crate::pages::entity_events(store, &entity)?;
            Ok((entity, events))
        })
        .await?;
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · in {}</p>\n",
        escape(&entity.name),
        entity.kind.as_str(),
        count(entity.mentions, "mention", "mentions"),
        count(entity.events.len(), "event", "events")
    );
    if !entity.aliases.is_empty() {
        b.push_str(&format!(
            "<p>Also written: {}</p>\n",
            escape(&entity.aliases.join(", "))
        ));
    }
    b.push_str(&format!(
        "<p class=\"meta\">Named by {}</p>\n<h2>Events</h2>\n",
        escape(&entity.sources.join(", "))
    ));
    b.push_str(&events_table(&events));
    b.push_str(&format!(
        "<p><a href=\"/?entity={}\">Filter the event list by this name</a></p>\n",
        query_part(&entity.name)
    ));
    Ok(page(&entity.name, &b, ""))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchQuery {
    pub(crate) q: Option<String>,
    /// Only articles of this outlet.
    pub(crate) source: Option<String>,
    /// Only articles in this language (`en`, `de`, ...).
    pub(crate) language: Option<String>,
    /// First and last day of publication.
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) limit: Option<usize>,
    pub(crate) offset: Option<usize>,
}

impl SearchQuery {
    pub(crate) fn request(&self, max: usize) -> Result<chorus_store::SearchRequest, WebError> {
        let day = |name: &str, v: &Option<String>| -> Result<Option<String>, WebError> {
            match given(v) {
                Some(d) => chorus_ingest::normalize_date(&d)
                    .map(|d| Some(d.get(..10).unwrap_or(&d).to_string()))
                    .ok_or_else(|| {
                        WebError::BadRequest(format!("{name}: expected a date such as 2024-12-08"))
                    }),
                None => Ok(None),
            }
        };
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(WebError::BadRequest(format!(
                "offset: at most {MAX_OFFSET}; narrow the search instead"
            )));
        }
        Ok(chorus_store::SearchRequest {
            query: self.q.clone().unwrap_or_default(),
            source: given(&self.source),
            language: given(&self.language),
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
            limit: self.limit.unwrap_or(20).min(max),
            offset,
        })
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, v) in [
            ("q", &self.q),
            ("source", &self.source),
            ("language", &self.language),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = given(v) {
                out.push((name, v));
            }
        }
        if let Some(l) = self.limit {
            out.push(("limit", l.to_string()));
        }
        out
    }
}

/// A search hit's snippet with the matched words marked.
fn marked_snippet(h: &chorus_store::SearchHit) -> String {
    let mut snippet = String::new();
    let mut at = 0;
    for r in &h.highlights {
        let (Some(before), Some(marked)) = (h.snippet.get(at..r.start), h.snippet.get(r.clone()))
        else {
            continue;
        };
        snippet.push_str(&escape(before));
        snippet.push_str(&format!("<mark>{}</mark>", escape(marked)));
        at = r.end;
    }
    snippet.push_str(&escape(h.snippet.get(at..).unwrap_or("")));
    snippet
}

pub(crate) async fn search(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let request = q.request(state.config.max_results)?;
    let query = request.query.clone();
    let results = if query.trim().is_empty() {
        None
    } else {
        Some(
            state
                .run(move |store, _| Ok(store.search_page(&request)?))
                .await?,
        )
    };
    let mut b = format!(
        concat!(
            "<h1>Search</h1>\n",
            "<form class=\"filters\" method=\"get\" action=\"/search\">",
            "<label>Words (all of them; OR for either)<input type=\"search\" name=\"q\" value=\"{}\"></label>",
            "<label>Outlet<input name=\"source\" value=\"{}\"></label>",
            "<label>Language<input name=\"language\" value=\"{}\" size=\"4\"></label>",
            "<label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>",
            "<label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>",
            "<button>Search</button></form>\n"
        ),
        escape(&query),
        escape(&given(&q.source).unwrap_or_default()),
        escape(&given(&q.language).unwrap_or_default()),
        escape(&given(&q.from).unwrap_or_default()),
        escape(&given(&q.to).unwrap_or_default()),
    );
    let Some(results) = results else {
        return Ok(page("Search", &b, &query));
    };
    let in_events = results.groups.iter().filter(|g| g.event.is_some()).count();
    b.push_str(&format!(
        "<p class=\"meta\">{} matching; on this page {} in {}</p>\n",
        count(results.total, "article", "articles"),
        count(
            results.groups.iter().map(|g| g.hits.len()).sum(),
            "article",
            "articles"
        ),
        count(in_events, "event", "events"),
    ));
    for g in &results.groups {
        let heading = match &g.event {
            Some(id) => format!(
                "<a href=\"/events/{}\">{}</a>",
                path_part(id),
                escape(&g.title)
            ),
            None => "<span class=\"muted\">In no event</span>".to_string(),
        };
        b.push_str(&format!(
            "<section class=\"group\"><h2>{} <span class=\"muted\">{}</span></h2>\n<ol class=\"hits\">\n",
            heading,
            escape(&span(g.first_published.as_deref(), g.last_published.as_deref()))
        ));
        for h in &g.hits {
            b.push_str(&format!(
                "<li><a href=\"/articles/{}\">{}</a> <span class=\"muted\">{} · {}</span><br><span>{}</span></li>\n",
                path_part(&h.article),
                escape(h.title.as_deref().unwrap_or("")),
                escape(&h.source),
                escape(&day(h.published.as_deref())),
                marked_snippet(h)
            ));
        }
        b.push_str("</ol></section>\n");
    }
    let paged = chorus_store::Page {
        total: results.total,
        offset: results.offset,
        limit: results.limit,
        items: Vec::<()>::new(),
    };
    b.push_str(&pager(
        "/search",
        &q.params(),
        &paged,
        ("article", "articles"),
    ));
    Ok(page("Search", &b, &query))
}

/// The two texts of the "same story?" form.
#[derive(Debug, Deserialize)]
pub(crate) struct CompareForm {
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
}

pub(crate) async fn compare_form() -> Response {
    page("Same story?", &compare_body(None, "", ""), "")
}

/// The form's answer: each text read as a `.txt` file would be (a header block, a headline
/// first line), compared against the collection, shown above the form filled in again.
pub(crate) async fn compare(
    State(state): State<AppState>,
    Form(form): Form<CompareForm>,
) -> Result<Response, WebError> {
    let read = |name: &str, text: &str| {
        AppState::read_body(name.to_string(), Bytes::from(text.to_string()))
    };
    let (a, b) = (
        read("first.txt", &form.a).await?,
        read("second.txt", &form.b).await?,
    );
    // Why a box gave no article (empty, or a text longer than an article may be).
    let why = a
        .diagnostics
        .iter()
        .chain(&b.diagnostics)
        .next()
        .map_or_else(String::new, |d| format!(" ({})", d.message));
    let (Some(a), Some(b)) = (a.articles.into_iter().next(), b.articles.into_iter().next()) else {
        return Err(WebError::BadRequest(format!(
            "paste a text into each of the two boxes{why}"
        )));
    };
    let answer = state.compare(a, b).await?;
    Ok(page(
        "Same story?",
        &compare_body(Some(&answer), &form.a, &form.b),
        "",
    ))
}

fn compare_body(answer: Option<&SameStory>, a: &str, b: &str) -> String {
    let mut out = String::from("<h1>Same story?</h1>\n");
    match answer {
        Some(s) => {
            out.push_str(&format!(
                "<p><strong>{}</strong>: cosine {:.3} (score {:.3}; articles join one event at \
                 {:.2}), words weighed by the {} articles of the collection.</p>\n",
                if s.same_story {
                    "Same story"
                } else {
                    "Different stories"
                },
                s.cosine,
                s.score,
                s.threshold,
                s.background
            ));
            if !s.shared_terms.is_empty() {
                out.push_str(&format!(
                    "<p>Shared most: {}</p>\n",
                    escape(&s.shared_terms.join(", "))
                ));
            }
            if let Some(caveat) = s.cross_language_caveat() {
                out.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(&caveat)));
            }
        }
        None => out.push_str(
            "<p class=\"meta\">Paste two articles: are they the same story? Nothing is \
             stored.</p>\n",
        ),
    }
    out.push_str(&format!(
        "<form class=\"compare\" method=\"post\" action=\"/compare\">\
         <label>First article<textarea name=\"a\" rows=\"10\" required>{}</textarea></label>\
         <label>Second article<textarea name=\"b\" rows=\"10\" required>{}</textarea></label>\
         <button>Compare</button></form>\n",
        escape(a),
        escape(b)
    ));
    out
}

pub(crate) async fn not_found() -> WebError {
    WebError::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_ranges_must_fit_the_text() {
        let text = "Caf\u{e9} opens. Next.";
        assert_eq!(highlight(Some("0-12"), text), Some((0, 12)));
        assert_eq!(highlight(Some("0-4"), text), None, "inside a character");
        assert_eq!(highlight(Some("5-2"), text), None);
        assert_eq!(highlight(Some("0-999"), text), None);
        assert_eq!(highlight(Some("x-3"), text), None);
        assert_eq!(highlight(None, text), None);
    }
}

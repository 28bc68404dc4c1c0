//! Atom feeds (RFC 4287) to follow the collection in a feed reader: `/events.atom` (the
//! newest events, with the event list's filters), `/events/{id}/feed.atom` (one story's
//! articles and the facts each day first brought), `/entities/{id}/feed.atom` (the events an
//! entity is in). Links are absolute: from `WebConfig::public_url` when given, else from the
//! request's `Host`. All text is XML-escaped.

use crate::markup::{escape, path_part, query_part, query_string};
use crate::pages::ListQuery;
use crate::{AppState, WebError};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use chorus_store::{EventFilter, EventOrder, EventSummary};

/// Entries in a feed.
const ENTRIES: usize = 50;
/// The `updated` of an undated entry: Atom requires one, and no date is known.
const UNDATED: &str = "1970-01-01T00:00:00Z";

/// The site's address without a final slash.
fn base(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A date as an Atom date-time: RFC 3339 as it is, a day at midnight UTC; a date kept as
/// its input gave it ("next Tuesday", "2026-02-30") is no date-time, and is undated here.
fn atom_time(d: Option<&str>) -> String {
    match d.map(str::trim) {
        Some(d) if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() && d.len() == 10 => {
            format!("{d}T00:00:00Z")
        }
        Some(d) if chrono::DateTime::parse_from_rfc3339(d).is_ok() => d.to_string(),
        _ => UNDATED.to_string(),
    }
}

struct Entry {
    id: String,
    title: String,
    link: String,
    updated: String,
    summary: String,
}

/// Escaped for XML: as for HTML, and without U+FFFE and U+FFFF, which no XML 1.0 document
/// may hold (a strict reader refuses the whole feed).
fn xml_text(t: &str) -> String {
    let mut out = escape(t);
    out.retain(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'));
    out
}

fn feed(title: &str, self_link: &str, alternate: &str, entries: &[Entry]) -> Response {
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(UNDATED);
    let mut xml = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
            "<id>{self_link}</id>\n<title>{title}</title>\n<updated>{updated}</updated>\n",
            "<author><name>chorus</name></author>\n",
            "<link rel=\"self\" href=\"{self_link}\"/>\n<link rel=\"alternate\" href=\"{alternate}\"/>\n"
        ),
        self_link = xml_text(self_link),
        title = xml_text(title),
        updated = xml_text(updated),
        alternate = xml_text(alternate),
    );
    for e in entries {
        xml.push_str(&format!(
            concat!(
                "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n",
                "<link rel=\"alternate\" href=\"{}\"/>\n<summary>{}</summary>\n</entry>\n"
            ),
            xml_text(&e.id),
            xml_text(&e.title),
            xml_text(&e.updated),
            xml_text(&e.link),
            xml_text(&e.summary)
        ));
    }
    xml.push_str("</feed>\n");
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        xml,
    )
        .into_response()
}

fn event_entry(base: &str, e: &EventSummary) -> Entry {
    let link = format!("{base}/events/{}", path_part(&e.id));
    Entry {
        id: link.clone(),
        title: e.title.clone(),
        updated: atom_time(e.last_published.as_deref().or(e.first_published.as_deref())),
        summary: format!(
            "{} article{} from {}",
            e.size,
            if e.size == 1 { "" } else { "s" },
            e.sources.join(", ")
        ),
        link,
    }
}

/// `/events.atom`: the newest events (or updated ones: an event is dated by its latest
/// article), filtered as the event list is.
pub(crate) async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let mut filter = q.filter(ENTRIES)?;
    filter.order = EventOrder::Newest;
    filter.limit = Some(ENTRIES);
    filter.offset = 0;
    let base = base(&state, &headers);
    let mut params = q.params();
    params.retain(|(k, _)| *k != "order" && *k != "limit");
    let f: EventFilter = filter.clone();
    let list = state.run(move |store, _| Ok(store.events(&f)?)).await?;
    let entries: Vec<Entry> = list.iter().map(|e| event_entry(&base, e)).collect();
    let mut title = String::from("chorus: newest events");
    for (k, v) in &params {
        title.push_str(&format!(", {k} {v}"));
    }
    Ok(feed(
        &title,
        &format!("{base}/events.atom{}", query_string(&params)),
        &format!("{base}/{}", query_string(&params)),
        &entries,
    ))
}

/// `/events/{id}/feed.atom`: one story's articles and, per day, the facts first reported.
pub(crate) async fn event(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let base = base(&state, &headers);
    let report = state
        .run(move |store, _| store.event_report(&id)?.ok_or(WebError::NotFound))
        .await?;
    let event = report.events.first().ok_or(WebError::NotFound)?;
    let page = format!("{base}/events/{}", path_part(&event.id));
    let mut entries = Vec::new();
    for day in chorus_pipeline::timeline(event, &report.articles) {
        for a in &day.articles {
            let Some(article) = report.articles.iter().find(|r| &r.id == a) else {
                continue;
            };
            let link = format!("{base}/articles/{}", path_part(a));
            entries.push(Entry {
                id: link.clone(),
                title: format!(
                    "{}: {}",
                    article.source,
                    chorus_store::shown_title(article.title.as_deref(), &article.text)
                ),
                updated: atom_time(article.published.as_deref()),
                summary: article.text.chars().take(400).collect(),
                link,
            });
        }
        if !day.new_facts.is_empty() {
            let summary: Vec<String> = day
                .new_facts
                .iter()
                .map(|f| format!("{} ({})", f.text, f.sources.join(", ")))
                .collect();
            entries.push(Entry {
                id: format!("{page}#facts-{}", day.day),
                title: format!(
                    "{} new fact{} on {}",
                    day.new_facts.len(),
                    if day.new_facts.len() == 1 { "" } else { "s" },
                    day.day
                ),
                link: format!("{page}?since={}#timeline", query_part(&day.day)),
                updated: atom_time(Some(&day.day)),
                summary: summary.join("\n"),
            });
        }
    }
    entries.reverse();
    entries.truncate(ENTRIES);
    Ok(feed(
        &format!("chorus: {}", event.title),
        &format!("{page}/feed.atom"),
        &page,
        &entries,
    ))
}

/// `/entities/{id}/feed.atom`: the events an entity is in, newest first.
pub(crate) async fn entity(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let base = base(&state, &headers);
    let (entity, mut events) = state
        .run(move |store, _| {
            let entity = store.entity(&id)?.ok_or(WebError::NotFound)?;
            let events = crate::pages::entity_events(store, &entity)?;
            Ok((entity, events))
        })
        .await?;
    events.sort_by(|a, b| {
        let at = |e: &EventSummary| atom_time(e.last_published.as_deref());
        at(b).cmp(&at(a))
    });
    events.truncate(ENTRIES);
    let entries: Vec<Entry> = events.iter().map(|e| event_entry(&base, e)).collect();
    let page = format!("{base}/entities/{}", path_part(&entity.id));
    Ok(feed(
        &format!("chorus: {}", entity.name),
        &format!("{page}/feed.atom"),
        &page,
        &entries,
    ))
}

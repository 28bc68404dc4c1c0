//! The outlet pages: every outlet with its figures (articles, events, first and last seen,
//! the share of its facts others corroborate, its single-source facts), and one outlet's
//! events and articles. All outlet and article text goes through `escape`.

use crate::markup::{count, day, escape, page, pager, path_part, query_part};
use crate::pages::{PageQuery, PAGE_ROWS};
use crate::{AppState, WebError};
use axum::extract::{Path, Query, State};
use axum::response::Response;

/// "62%" or "no facts".
fn share(s: Option<f64>) -> String {
    s.map_or_else(|| "no facts".into(), |s| format!("{:.0}%", s * 100.0))
}

pub(crate) async fn outlet_list(
    State(state): State<AppState>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let limit = q.limit.unwrap_or(PAGE_ROWS).min(state.config.max_results);
    let offset = q.offset.unwrap_or(0).min(i64::MAX as usize);
    let outlets = state
        .run(move |store, _| Ok(store.outlets(offset, limit)?))
        .await?;
    let mut b = format!(
        "<h1>Outlets</h1>\n<p class=\"meta\">{}; corroborated: the share of an outlet's facts that another outlet states too</p>\n",
        count(outlets.total, "outlet", "outlets")
    );
    if outlets.items.is_empty() {
        b.push_str("<p class=\"none\">No outlets.</p>\n");
    } else {
        b.push_str("<table>\n<thead><tr><th>Outlet</th><th>Articles</th><th>Events</th><th>Seen</th><th>Corroborated</th><th>Only it</th></tr></thead>\n<tbody>\n");
        for o in &outlets.items {
            b.push_str(&format!(
                "<tr><td><a href=\"/outlets/{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                query_part(&o.name),
                escape(&o.name),
                o.articles,
                o.events,
                escape(&crate::markup::span(o.first_seen.as_deref(), o.last_seen.as_deref())),
                share(o.corroborated_share),
                o.single_source_facts
            ));
        }
        b.push_str("</tbody>\n</table>\n");
    }
    let mut params = Vec::new();
    if let Some(l) = q.limit {
        params.push(("limit", l.to_string()));
    }
    b.push_str(&pager("/outlets", &params, &outlets, ("outlet", "outlets")));
    Ok(page("Outlets", &b, ""))
}

pub(crate) async fn outlet(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let limit = q.limit.unwrap_or(PAGE_ROWS).min(state.config.max_results);
    let offset = q.offset.unwrap_or(0).min(i64::MAX as usize);
    let detail = state
        .run(move |store, _| {
            store
                .outlet(&name, offset, limit)?
                .ok_or(WebError::NotFound)
        })
        .await?;
    let o = &detail.outlet;
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · seen {} · {} of its facts corroborated · {}</p>\n",
        escape(&o.name),
        count(o.articles, "article", "articles"),
        count(o.events, "event", "events"),
        escape(&crate::markup::span(o.first_seen.as_deref(), o.last_seen.as_deref())),
        share(o.corroborated_share),
        count(o.single_source_facts, "single-source fact", "single-source facts"),
    );
    b.push_str(&format!(
        "<p class=\"meta\"><a href=\"/?source={}&amp;order=newest\">Its events in the event list</a> · <a href=\"/events.atom?source={}\">Follow it (Atom feed)</a></p>\n",
        query_part(&o.name),
        query_part(&o.name)
    ));
    b.push_str(&format!(
        "<h2>Events, newest first</h2>\n<p class=\"meta\">{}; <a href=\"/?source={}&amp;order=newest\">all of them in the event list</a></p>\n",
        count(detail.events.len(), "event", "events") + if detail.events.len() < o.events { " shown" } else { "" },
        query_part(&o.name)
    ));
    b.push_str(&crate::pages::events_table(&detail.events));
    b.push_str("<h2>Facts only it reports</h2>\n");
    if detail.single_source.is_empty() {
        b.push_str("<p class=\"none\">None.</p>\n");
    } else {
        b.push_str("<ul>\n");
        for (event, text) in &detail.single_source {
            b.push_str(&format!(
                "<li>{} <a class=\"muted\" href=\"/events/{}\">event</a></li>\n",
                escape(text),
                path_part(event)
            ));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("<h2>Articles, newest first</h2>\n<ol class=\"hits\">\n");
    for a in &detail.articles.items {
        b.push_str(&format!(
            "<li><a href=\"/articles/{}\">{}</a> <span class=\"muted\">{}</span></li>\n",
            path_part(&a.id),
            escape(&a.title),
            escape(&day(a.published.as_deref()))
        ));
    }
    b.push_str("</ol>\n");
    let mut params = Vec::new();
    if let Some(l) = q.limit {
        params.push(("limit", l.to_string()));
    }
    b.push_str(&pager(
        &format!("/outlets/{}", query_part(&o.name)),
        &params,
        &detail.articles,
        ("article", "articles"),
    ));
    Ok(page(&o.name, &b, ""))
}

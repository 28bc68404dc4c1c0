//! The event page's sections about outlets and time: coverage per outlet (who reported what,
//! who was first, who carried only wire copy, who in the collection did not cover it) and the
//! timeline (per day: articles, facts first reported, figures that changed), with what is new
//! since a date marked. All article text goes through `escape`.

use crate::markup::{count, day, escape, path_part, query_part};
use chorus_model::{Event, ReportArticle, TimelineDay};
use std::collections::BTreeMap;

/// One outlet's part in an event.
#[derive(Debug, Default)]
struct Part<'a> {
    articles: usize,
    first: Option<&'a str>,
    corroborated: usize,
    single: usize,
    /// Facts it carries only as another outlet's wire text.
    wire: usize,
}

/// "Coverage by outlet": a row per outlet of the event, earliest first; then the outlets of
/// the collection (`known`) that have no article in it.
pub(crate) fn coverage(event: &Event, articles: &[ReportArticle], known: &[String]) -> String {
    let mut parts: BTreeMap<&str, Part<'_>> = BTreeMap::new();
    for a in articles {
        let p = parts.entry(a.source.as_str()).or_default();
        p.articles += 1;
        if let Some(d) = a.published.as_deref() {
            if p.first.is_none_or(|f| d < f) {
                p.first = Some(d);
            }
        }
    }
    for f in &event.corroborated {
        for s in &f.sources {
            if let Some(p) = parts.get_mut(s.as_str()) {
                p.corroborated += 1;
                if f.same_wire_text.contains(s) {
                    p.wire += 1;
                }
            }
        }
    }
    for f in &event.single_source {
        if let Some(p) = parts.get_mut(f.source.as_str()) {
            p.single += 1;
        }
    }
    let mut rows: Vec<(&str, Part<'_>)> = parts.into_iter().collect();
    rows.sort_by(|a, b| {
        (a.1.first.is_none(), a.1.first, a.0).cmp(&(b.1.first.is_none(), b.1.first, b.0))
    });
    let mut out = String::from(
        "<h2>Coverage by outlet</h2>\n<table class=\"coverage\">\n<thead><tr><th>Outlet</th><th>First article</th><th>Articles</th><th>Corroborated facts</th><th>Only it</th><th></th></tr></thead>\n<tbody>\n",
    );
    let first_day = rows.first().and_then(|r| r.1.first).map(|d| day(Some(d)));
    for (name, p) in &rows {
        let mut notes = Vec::new();
        if p.first.is_some() && p.first.map(|d| day(Some(d))) == first_day {
            notes.push("first");
        }
        if p.corroborated > 0 && p.wire == p.corroborated && p.single == 0 {
            notes.push("wire copy only");
        }
        out.push_str(&format!(
            "<tr><td><a href=\"/outlets/{}\">{}</a></td><td class=\"muted\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            query_part(name),
            escape(name),
            escape(&day(p.first)),
            p.articles,
            p.corroborated,
            p.single,
            notes.join(", ")
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    let covered: std::collections::HashSet<String> =
        rows.iter().map(|(n, _)| n.to_lowercase()).collect();
    let missing: Vec<&String> = known
        .iter()
        .filter(|k| !covered.contains(&k.to_lowercase()))
        .collect();
    if !missing.is_empty() {
        let links: Vec<String> = missing
            .iter()
            .map(|m| format!("<a href=\"/outlets/{}\">{}</a>", query_part(m), escape(m)))
            .collect();
        out.push_str(&format!(
            "<details><summary>{} of the collection did not cover it</summary><p>{}</p></details>\n",
            count(missing.len(), "outlet", "outlets"),
            links.join(", ")
        ));
    }
    out
}

/// "Timeline": a list per day; days after `since` (and their items) marked new.
pub(crate) fn timeline(
    event_id: &str,
    days: &[TimelineDay],
    articles: &[ReportArticle],
    since: Option<&str>,
) -> String {
    let mut out = String::from("<h2 id=\"timeline\">Timeline</h2>\n");
    if days.is_empty() {
        out.push_str("<p class=\"none\">No dated articles.</p>\n");
        return out;
    }
    let since_day = since.map(|s| s.get(..10).unwrap_or(s));
    match since_day {
        Some(s) => out.push_str(&format!(
            "<p class=\"meta\">Marked <strong>new</strong>: what arrived after {}. <a href=\"/events/{}#timeline\">Show without marks</a></p>\n",
            escape(s),
            path_part(event_id)
        )),
        None => {
            if let Some(d) = days.get(days.len().saturating_sub(2)).filter(|_| days.len() > 1) {
                out.push_str(&format!(
                    "<p class=\"meta\"><a href=\"/events/{}?since={}#timeline\">Mark what is new since {}</a></p>\n",
                    path_part(event_id),
                    query_part(&d.day),
                    escape(&d.day)
                ));
            }
        }
    }
    let title: BTreeMap<&str, (&str, String)> = articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                (
                    a.source.as_str(),
                    chorus_store::shown_title(a.title.as_deref(), &a.text),
                ),
            )
        })
        .collect();
    out.push_str("<ol class=\"timeline\">\n");
    for d in days {
        let new = since_day.is_some_and(|s| d.day.as_str() > s);
        let mark = if new {
            " <strong class=\"new\">new</strong>"
        } else {
            ""
        };
        out.push_str(&format!(
            "<li{}><strong>{}</strong>{} <span class=\"muted\">{}</span><ul>\n",
            if new { " class=\"new\"" } else { "" },
            escape(&chorus_render::human_day(&d.day)),
            mark,
            escape(&count(d.articles.len(), "article", "articles")),
        ));
        for a in &d.articles {
            let (source, t) = title
                .get(a.as_str())
                .map_or(("", a.as_str()), |(s, t)| (*s, t.as_str()));
            out.push_str(&format!(
                "<li><a href=\"/articles/{}\">{}</a> <span class=\"muted\">{}</span></li>\n",
                path_part(a),
                escape(t),
                escape(source)
            ));
        }
        for f in &d.new_facts {
            out.push_str(&format!(
                "<li>First reported: {} <span class=\"muted\">— {}{}</span></li>\n",
                escape(&f.text),
                escape(&f.sources.join(", ")),
                if f.corroborated { ", corroborated" } else { "" }
            ));
        }
        for f in &d.changed_figures {
            out.push_str(&format!(
                "<li>Changed: {} now “{}” ({}), earlier {}</li>\n",
                escape(&f.about),
                escape(&f.value),
                escape(&f.source),
                escape(&f.earlier.join(", "))
            ));
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ol>\n");
    out
}

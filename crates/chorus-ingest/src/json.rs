//! JSON and JSONL articles: `{"id","text"|"html","title","source","url","published",
//! "language"}`, one per line, as an array, or a single object. Only `text` (or `html`) is
//! required; given ids are kept.

use crate::html::{article_from_page, Given};
use crate::{detect_language, normalize_date, IngestError};
use chorus_model::Article;
use rayon::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

/// The articles read from one record and what went wrong with it (`:LINE` and why).
type Parsed = (Vec<Article>, Vec<(String, IngestError)>);

/// Parses JSON or JSONL `content`; `name` prefixes ids made for records without one. Returns
/// the articles and, for each bad record, where it is (`:LINE` or `[INDEX]`) and why.
pub fn parse_json(content: &str, name: &str) -> Parsed {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let trimmed = content.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(content) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    let at = format!("[{i}]");
                    match serde_json::from_value::<Record>(v) {
                        Ok(r) => push(r, &format!("{name}#{i}"), &at, &mut articles, &mut problems),
                        Err(e) => problems.push((at, IngestError::Json(e.to_string()))),
                    }
                }
            }
            Err(e) => problems.push((String::new(), IngestError::Json(e.to_string()))),
        }
        return (articles, problems);
    }
    // A pretty-printed single object spans lines: when the first line is not a record of its
    // own, try the whole content once.
    let numbered: Vec<(usize, &str)> = content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    if let Some(&(_, first)) = numbered.first() {
        if trimmed.starts_with('{') && serde_json::from_str::<Record>(first).is_err() {
            if let Ok(r) = serde_json::from_str::<Record>(content) {
                push(r, name, "", &mut articles, &mut problems);
                return (articles, problems);
            }
        }
    }
    // Records are independent: parsed (and their language detected) in parallel, kept in
    // input order.
    let parsed: Vec<Parsed> = numbered
        .par_iter()
        .map(|&(i, line)| {
            let mut articles = Vec::new();
            let mut problems = Vec::new();
            let at = format!(":{}", i + 1);
            match serde_json::from_str::<Record>(line) {
                Ok(r) => push(
                    r,
                    &format!("{name}#{}", i + 1),
                    &at,
                    &mut articles,
                    &mut problems,
                ),
                Err(e) => problems.push((at, IngestError::Json(e.to_string()))),
            }
            (articles, problems)
        })
        .collect();
    for (a, p) in parsed {
        articles.extend(a);
        problems.extend(p);
    }
    (articles, problems)
}

fn push(
    r: Record,
    default_id: &str,
    at: &str,
    articles: &mut Vec<Article>,
    problems: &mut Vec<(String, IngestError)>,
) {
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => default_id.to_string(),
    };
    let body = match (r.text, r.html) {
        (Some(t), _) if !t.trim().is_empty() => t,
        (_, Some(h)) if !h.trim().is_empty() => {
            let page = chorus_extract::extract(
                h.as_bytes(),
                &chorus_extract::Hints {
                    url: r.url.as_deref(),
                    content_type: None,
                },
            );
            let given = Given {
                title: r.title,
                source: r.source,
                url: r.url,
                published: r.published,
                language: r.language,
            };
            if let Some(w) = page.warning() {
                problems.push((at.to_string(), IngestError::Warning(w)));
            }
            match article_from_page(&id, page, given, &id) {
                Ok(a) => articles.push(a),
                Err(e) => problems.push((at.to_string(), e)),
            }
            return;
        }
        _ => {
            problems.push((at.to_string(), IngestError::NoText));
            return;
        }
    };
    let published = match r
        .published
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => match normalize_date(p) {
            Some(d) => Some(d),
            None => {
                problems.push((
                    at.to_string(),
                    IngestError::Warning(format!("unrecognised date {p:?} kept as given")),
                ));
                Some(p.to_string())
            }
        },
        None => None,
    };
    let language = r
        .language
        .filter(|l| !l.is_empty())
        .or_else(|| detect_language(&body));
    articles.push(Article {
        // An unknown outlet is its own outlet: never merged with another unknown one.
        source: crate::outlet::resolve(r.source, r.url.as_deref(), &body, &id),
        id,
        path: None,
        title: r.title.filter(|t| !t.trim().is_empty()),
        url: r.url.filter(|u| !u.is_empty()),
        published,
        language,
        body,
        body_offset: 0,
        source_map: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_keeps_ids_and_reports_bad_lines() {
        let input = "{\"id\":\"a1\",\"text\":\"One story here.\",\"source\":\"X\"}\nnot json\n{\"title\":\"t\"}\n{\"text\":\"Two.\"}\n";
        let (articles, probs) = parse_json(input, "f.jsonl");
        let ids: Vec<_> = articles
            .iter()
            .map(|a| (a.id.as_str(), a.source.as_str()))
            .collect();
        assert_eq!(
            ids,
            [("a1", "X"), ("f.jsonl#4", "outlet unknown (f.jsonl#4)")]
        );
        let wheres: Vec<_> = probs.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(wheres, [":2", ":3"]);
    }

    #[test]
    fn html_records_are_extracted() {
        let para =
            "The dam held through the night, engineers said on Tuesday, after a week of rain. ";
        let html = format!(
            "<html><head><meta property='og:site_name' content='Valley Post'><title>Dam holds after a week of rain</title></head><body><p>{}</p></body></html>",
            para.repeat(8)
        );
        let record = serde_json::json!({"id": "h1", "html": html, "url": "https://v.example/2026/03/14/dam"});
        let empty = serde_json::json!({"id": "h2", "html": "<html><body></body></html>"});
        let (articles, probs) = parse_json(&format!("{record}\n{empty}\n"), "f.jsonl");
        assert_eq!(articles.len(), 1);
        let a = &articles[0];
        assert_eq!(
            (
                a.id.as_str(),
                a.source.as_str(),
                a.title.as_deref(),
                a.published.as_deref()
            ),
            (
                "h1",
                "Valley Post",
                Some("Dam holds after a week of rain"),
                Some("2026-03-14")
            )
        );
        assert!(a.body.starts_with("The dam held"), "{}", a.body);
        assert_eq!(probs.len(), 1);
        assert_eq!(probs[0].0, ":2");
        assert!(matches!(probs[0].1, IngestError::NoMainText));
    }

    #[test]
    fn arrays_and_single_objects() {
        let (articles, probs) = parse_json(
            "[{\"id\":7,\"text\":\"A.\"},{\"id\":\"b\",\"text\":\"B.\"}]",
            "f.json",
        );
        assert!(probs.is_empty());
        assert_eq!(
            articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["7", "b"]
        );
        let (articles, _) = parse_json("{\n  \"text\": \"Pretty.\"\n}\n", "f.json");
        assert_eq!(articles.len(), 1);
    }
}

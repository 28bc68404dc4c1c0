//! The facts of every event as CSV (RFC 4180): one row per account sentence, corroborated or
//! single-source fact, value of a difference and quote, with its outlets and its citations
//! (article id, byte range, and the article's URL when it has one). A cell that a spreadsheet
//! would read as a formula (`=`, `+`, `-`, `@` first) is opened with `'`.

use chorus_model::{Citation, Report};
use std::collections::HashMap;

const HEADER: [&str; 8] = [
    "event",
    "event_title",
    "section",
    "text",
    "outlets",
    "detail",
    "citations",
    "urls",
];

/// The report's facts as CSV, a header line first.
pub fn csv(report: &Report) -> String {
    let urls: HashMap<&str, &str> = report
        .articles
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.url.as_deref()?)))
        .collect();
    let mut out = String::new();
    row(&mut out, &HEADER.map(str::to_string));
    for e in &report.events {
        let mut line =
            |section: &str, text: &str, outlets: &[String], detail: &str, cites: &[Citation]| {
                let ranges: Vec<String> = cites
                    .iter()
                    .map(|c| format!("{}:{}-{}", c.article, c.start, c.end))
                    .collect();
                let mut links: Vec<&str> = cites
                    .iter()
                    .filter_map(|c| urls.get(c.article.as_str()).copied())
                    .collect();
                links.dedup();
                row(
                    &mut out,
                    &[
                        e.id.clone(),
                        e.title.clone(),
                        section.to_string(),
                        text.to_string(),
                        outlets.join("; "),
                        detail.to_string(),
                        ranges.join(" "),
                        links.join(" "),
                    ],
                );
            };
        for s in &e.account {
            line("account", &s.text, &s.sources, "", &s.citations);
        }
        for f in &e.corroborated {
            line("corroborated", &f.text, &f.sources, "", &f.citations);
        }
        for f in &e.single_source {
            line(
                "single_source",
                &f.text,
                std::slice::from_ref(&f.source),
                "",
                &f.citations,
            );
        }
        for d in &e.differences {
            for v in &d.versions {
                line(
                    "difference",
                    &v.text,
                    std::slice::from_ref(&v.source),
                    &format!("{}: {}", d.about, v.value),
                    std::slice::from_ref(&v.citation),
                );
            }
        }
        for q in &e.quotes {
            line(
                "quote",
                &q.quote,
                &q.sources,
                q.speaker.as_deref().unwrap_or(""),
                &q.citations,
            );
        }
    }
    out
}

/// One CSV line, each cell quoted when it must be, ended by CRLF.
fn row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell: String = cell
            .chars()
            .filter(|&c| !chorus_model::is_unsafe_to_show(c) || c == '\n')
            .collect();
        let cell = if cell.starts_with(['=', '+', '-', '@']) {
            format!("'{cell}")
        } else {
            cell
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let mut out = String::new();
        row(
            &mut out,
            &[
                "plain".into(),
                "a, \"b\"".into(),
                "=HYPERLINK(\"x\")".into(),
                "two\nlines".into(),
            ],
        );
        assert_eq!(
            out,
            "plain,\"a, \"\"b\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"two\nlines\"\r\n"
        );
    }
}

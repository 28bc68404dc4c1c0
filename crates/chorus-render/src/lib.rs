//! Renders a report as terminal text, Markdown, HTML or JSON.
//!
//! Text, Markdown and HTML show one outline, built once in `outline` (which parts, in which
//! order, with which words), so the human formats cannot drift apart; each backend only styles
//! it and escapes every piece of report text, which comes from the web. JSON is the report's own
//! serde shape, the stable API, untouched.

mod csv;
mod html;
mod markdown;
mod outline;
mod text;

#[cfg(test)]
mod tests;

pub use csv::csv;
pub use html::{escape as escape_html, Links};
pub use outline::human_span;

/// A date that opens with `YYYY-MM-DD` as a reader writes it ("16 March 2026"); anything
/// else as it is.
pub fn human_day(d: &str) -> String {
    human_span(d, d)
}

use chorus_model::Report;
use rayon::prelude::*;
use std::fmt;
use std::str::FromStr;

/// Output format of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain indented lines for a terminal, optionally with ANSI colours.
    Text,
    Markdown,
    /// One self-contained page: inline style, no scripts, no external resources.
    Html,
    /// `Report` as serde shapes it.
    Json,
    /// The facts with their outlets and citations, one row each ([`csv`]).
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            // `{:?}` keeps a stray control character in the value from reaching the terminal.
            _ => Err(format!(
                "unknown format {s:?}; expected one of: text, markdown (or md), html, json, csv"
            )),
        }
    }
}

/// How many single-source facts an event lists before summarising the rest.
const DEFAULT_MAX_SINGLE_SOURCE: usize = 8;

#[derive(Debug, Clone, Copy)]
pub struct RenderConfig {
    /// Terminal colours (ANSI) for [`Format::Text`]; ignored by the other formats.
    pub color: bool,
    /// How many single-source facts to list per event in text; the rest are summarised as
    /// "… and N more" (Markdown, HTML, JSON and CSV always have all of them).
    pub max_single_source: usize,
}

impl Default for RenderConfig {
    fn default() -> Self {
        RenderConfig {
            color: false,
            max_single_source: DEFAULT_MAX_SINGLE_SOURCE,
        }
    }
}

/// `config` with every list in full.
fn whole(config: &RenderConfig) -> RenderConfig {
    RenderConfig {
        max_single_source: usize::MAX,
        ..*config
    }
}

/// Renders the whole report (summary line, every event, diagnostics) in `format`.
pub fn render(report: &Report, format: Format, config: &RenderConfig) -> String {
    match format {
        Format::Json => json(report),
        Format::Text => text::render(&outline::build(report, config), config.color),
        // Documents that travel list everything: no "see --format json".
        Format::Markdown => markdown::render(&outline::build(report, &whole(config))),
        Format::Html => html::render(&outline::build(report, &whole(config))),
        Format::Csv => csv(report),
    }
}

/// One event of `report` as an HTML fragment (no page around it): the same outline, sections
/// and words as the HTML report, the title as an `<h{level}>`, and citations and entities
/// linked where `links` gives an address. `chorus serve`'s event page is built on it, so the
/// page and the report file cannot drift apart.
pub fn event_html(report: &Report, event: usize, level: u8, links: &dyn Links) -> String {
    let mut out = String::new();
    let outline = outline::build_event(report, event, &whole(&RenderConfig::default()));
    if let Some(event) = outline {
        html::event_fragment(&mut out, &event, level, links);
    }
    out
}

/// Writes the whole report in `format` to `out`. JSON is streamed as it is serialised (a
/// large collection's report is never held as one string); the other formats are rendered
/// first.
pub fn render_to(
    report: &Report,
    format: Format,
    config: &RenderConfig,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(report, out),
        _ => out.write_all(render(report, format, config).as_bytes()),
    }
}

/// The report as pretty JSON and a final newline: the bytes `serde_json::to_writer_pretty`
/// writes, but each article and event is serialised on its own, in parallel (a block at a
/// time), and indented to its depth. Every map in `Report` is a struct with string keys and
/// no custom `Serialize`, so only the writer can fail (non-finite floats become `null`).
fn write_json(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(b"{\n")?;
    write_array(out, "articles", &report.articles)?;
    out.write_all(b",\n")?;
    write_array(out, "events", &report.events)?;
    out.write_all(b",\n")?;
    write_array(out, "diagnostics", &report.diagnostics)?;
    out.write_all(b"\n}\n")
}

/// `"key": [...]` as a field of the top-level object (indented one level, elements two).
fn write_array<T: serde::Serialize + Sync>(
    out: &mut impl std::io::Write,
    key: &str,
    items: &[T],
) -> std::io::Result<()> {
    /// Elements serialised at once: enough to share out, few enough to hold.
    const BLOCK: usize = 512;
    write!(out, "  \"{key}\": [")?;
    if items.is_empty() {
        return out.write_all(b"]");
    }
    let mut first = true;
    for block in items.chunks(BLOCK) {
        let rendered: Vec<Vec<u8>> = block
            .par_iter()
            .map(|item| nested(item, b"    "))
            .collect::<serde_json::Result<_>>()?;
        for r in rendered {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            out.write_all(&r)?;
            first = false;
        }
    }
    out.write_all(b"\n  ]")
}

/// `value` as pretty JSON with every line after the first indented by `indent` (serde_json
/// escapes newlines inside strings, so every newline it writes is its own).
fn nested<T: serde::Serialize>(value: &T, indent: &[u8]) -> serde_json::Result<Vec<u8>> {
    let plain = serde_json::to_vec_pretty(value)?;
    let mut out = Vec::with_capacity(plain.len() + plain.len() / 4);
    for (i, line) in plain.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent);
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

fn json(report: &Report) -> String {
    let mut out = Vec::new();
    write_json(report, &mut out).expect("a Report always serializes into memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

//! HTML: one self-contained page (inline style, no scripts, nothing fetched) with a `<section>`
//! per event. Every piece of report text is escaped, in attributes as well as in content.

use crate::outline::{citation_label, CitedSource, EventOutline, Inline, Item, Outline};
use chorus_model::Citation;

/// Where a page links the pieces of an event: the web pages send each citation to its
/// sentence in the article and each entity to its page. A report file has none of these
/// (its outlets link to their articles' own addresses).
pub trait Links {
    /// The address of a cited sentence.
    fn citation(&self, c: &Citation) -> Option<String>;
    /// The address of the entity named `name` in the event's "who and where".
    fn entity(&self, name: &str) -> Option<String>;
}

/// No links: the self-contained report.
struct NoLinks;

impl Links for NoLinks {
    fn citation(&self, _: &Citation) -> Option<String> {
        None
    }
    fn entity(&self, _: &str) -> Option<String> {
        None
    }
}

const STYLE: &str = r#":root { color-scheme: light dark; }
body { margin: 0; padding: 2rem 1rem 4rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
section { border-top: 1px solid #8886; margin-top: 2rem; padding-top: 1.5rem; }
ul { margin: .25rem 0; padding-left: 1.3rem; }
li { margin: .2rem 0; }
ul.meta { list-style: none; padding: 0; color: #777; }
.summary, .none, .muted, .cite, .source, details > summary { color: #777; }
.none { font-style: italic; margin: .25rem 0; }
.cite { font-size: .88em; }
.cite [title], .source[title] { text-decoration: underline dotted; cursor: help; }
mark { background: #fde68a; color: #000; padding: 0 .15em; border-radius: 2px; }
details > summary { cursor: pointer; font-size: .9em; }
.diagnostics li { color: #c0392b; }
code { font-size: .9em; }
"#;

pub(crate) fn render(outline: &Outline) -> String {
    let mut out = String::from(concat!(
        "<!doctype html>\n",
        "<html lang=\"en\">\n",
        "<head>\n",
        "<meta charset=\"utf-8\">\n",
        // Defence in depth: even if some text escaped escaping, nothing could run or load.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>chorus report</title>\n",
        "<style>\n",
    ));
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>chorus report</h1>\n");
    out.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        escape(&outline.summary)
    ));
    for event in &outline.events {
        out.push_str("<section class=\"event\">\n");
        event_fragment(&mut out, event, 2, &NoLinks);
        out.push_str("</section>\n");
    }
    if !outline.diagnostics.is_empty() {
        out.push_str("<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul>\n");
        for d in &outline.diagnostics {
            out.push_str(&format!(
                "<li><code>{}</code>: {}</li>\n",
                escape(&d.path),
                escape(&d.message)
            ));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One event: its title as a heading of `level` (1 to 5), the header lines, then every
/// section under a heading one level down. The event page of `chorus serve` is this with
/// links; the report file is this without.
pub(crate) fn event_fragment(out: &mut String, event: &EventOutline, level: u8, links: &dyn Links) {
    let level = level.clamp(1, 5);
    out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(&event.title)));
    out.push_str("<ul class=\"meta\">\n");
    for header in &event.header {
        out.push_str(&format!("<li>{}</li>\n", line(header, links)));
    }
    out.push_str("</ul>\n");
    let sub = level + 1;
    for section in &event.sections {
        out.push_str(&format!("<h{sub}>{}</h{sub}>\n", escape(section.title)));
        if section.items.is_empty() {
            out.push_str(&format!("<p class=\"none\">{}</p>\n", escape(section.none)));
        } else {
            let tag = if section.ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag} class=\"{}\">\n", section.class));
            write_items(out, &section.items, links);
            out.push_str(&format!("</{tag}>\n"));
        }
    }
}

fn write_items(out: &mut String, items: &[Item], links: &dyn Links) {
    for item in items {
        out.push_str("<li>");
        out.push_str(&line(&item.line, links));
        if !item.children.is_empty() {
            out.push('\n');
            match item.fold {
                Some(label) => {
                    out.push_str(&format!("<details><summary>{}</summary>\n", escape(label)));
                    write_list(out, &item.children, links);
                    out.push_str("</details>\n");
                }
                None => write_list(out, &item.children, links),
            }
        }
        out.push_str("</li>\n");
    }
}

fn write_list(out: &mut String, items: &[Item], links: &dyn Links) {
    out.push_str("<ul>\n");
    write_items(out, items, links);
    out.push_str("</ul>\n");
}

fn line(inlines: &[Inline], links: &dyn Links) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Plain(t) => s.push_str(&escape(t)),
            Inline::Entity(name) => match links.entity(name) {
                Some(href) => s.push_str(&format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&href),
                    escape(name)
                )),
                None => s.push_str(&escape(name)),
            },
            Inline::Strong(t) => s.push_str(&format!("<strong>{}</strong>", escape(t))),
            Inline::Highlight(t) => s.push_str(&format!("<mark>{}</mark>", escape(t))),
            Inline::Muted(t) => s.push_str(&format!("<span class=\"muted\">{}</span>", escape(t))),
            Inline::Sources {
                sources,
                brackets: true,
            } => {
                let names: Vec<String> = sources.iter().map(|c| source(c, "", links)).collect();
                s.push_str(&format!(
                    "<span class=\"cite\">[{}]</span>",
                    names.join(", ")
                ));
            }
            Inline::Sources {
                sources,
                brackets: false,
            } => {
                let names: Vec<String> = sources
                    .iter()
                    .map(|c| source(c, " class=\"source\"", links))
                    .collect();
                s.push_str(&names.join(", "));
            }
        }
    }
    s
}

/// An outlet name; hovering shows the citations behind it. `attrs` is markup of our own.
/// With links, the name opens its first cited sentence and each further citation follows as
/// a numbered link; without, the name links to the article's own address when it has one.
fn source(c: &CitedSource, attrs: &str, links: &dyn Links) -> String {
    let cited: Vec<String> = c
        .citations
        .iter()
        .filter_map(|x| links.citation(x))
        .collect();
    let (open, close) = match (cited.first(), &c.url) {
        (Some(href), _) => (format!("<a href=\"{}\">", escape(href)), "</a>"),
        (None, Some(url)) => (
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">",
                escape(url)
            ),
            "</a>",
        ),
        (None, None) => (String::new(), ""),
    };
    let more: String = cited
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, href)| format!("<sup><a href=\"{}\">{}</a></sup>", escape(href), i + 1))
        .collect();
    if c.citations.is_empty() {
        return format!("<span{attrs}>{open}{}{close}</span>", escape(&c.name));
    }
    let labels: Vec<String> = c.citations.iter().map(citation_label).collect();
    let title = escape(&labels.join("; "));
    format!(
        "<span{attrs} title=\"{title}\">{open}{}{close}{more}</span>",
        escape(&c.name)
    )
}

/// Escapes for content and quoted attribute values alike; control characters but `\n` and
/// `\t` go, and so do bidirectional overrides (`chorus_model::is_unsafe_to_show`). The one
/// HTML escape of the project: the web pages use it too.
pub fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if chorus_model::is_unsafe_to_show(c) => {}
            c => out.push(c),
        }
    }
    out
}

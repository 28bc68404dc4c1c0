//! HTML: one self-contained page (inline style, no scripts, nothing fetched) with a `<section>`
//! per event. Every piece of report text is escaped, in attributes as well as in content.

use crate::outline::{CitedSource, Inline, Item, Outline};

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
        out.push_str(&format!("<h2>{}</h2>\n", escape(&event.title)));
        out.push_str("<ul class=\"meta\">\n");
        for header in &event.header {
            out.push_str(&format!("<li>{}</li>\n", line(header)));
        }
        out.push_str("</ul>\n");
        for section in &event.sections {
            out.push_str(&format!("<h3>{}</h3>\n", escape(section.title)));
            if section.items.is_empty() {
                out.push_str(&format!("<p class=\"none\">{}</p>\n", escape(section.none)));
            } else {
                write_list(&mut out, &section.items);
            }
        }
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

fn write_list(out: &mut String, items: &[Item]) {
    out.push_str("<ul>\n");
    for item in items {
        out.push_str("<li>");
        out.push_str(&line(&item.line));
        if !item.children.is_empty() {
            out.push('\n');
            match item.fold {
                Some(label) => {
                    out.push_str(&format!("<details><summary>{}</summary>\n", escape(label)));
                    write_list(out, &item.children);
                    out.push_str("</details>\n");
                }
                None => write_list(out, &item.children),
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn line(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Plain(t) => s.push_str(&escape(t)),
            Inline::Strong(t) => s.push_str(&format!("<strong>{}</strong>", escape(t))),
            Inline::Highlight(t) => s.push_str(&format!("<mark>{}</mark>", escape(t))),
            Inline::Muted(t) => s.push_str(&format!("<span class=\"muted\">{}</span>", escape(t))),
            Inline::Sources {
                sources,
                brackets: true,
            } => {
                let names: Vec<String> = sources.iter().map(|c| source(c, "")).collect();
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
                    .map(|c| source(c, " class=\"source\""))
                    .collect();
                s.push_str(&names.join(", "));
            }
        }
    }
    s
}

/// An outlet name; hovering shows the citations behind it. `attrs` is markup of our own.
fn source(c: &CitedSource, attrs: &str) -> String {
    let (open, close) = match &c.url {
        Some(url) => (
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">",
                escape(url)
            ),
            "</a>",
        ),
        None => (String::new(), ""),
    };
    if c.citations.is_empty() {
        return format!("<span{attrs}>{open}{}{close}</span>", escape(&c.name));
    }
    let title = escape(&c.citations.join("; "));
    format!(
        "<span{attrs} title=\"{title}\">{open}{}{close}</span>",
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

//! Terminal text: indented plain lines, ANSI styling only when asked for, and no control
//! characters from the report (an escape sequence inside an article must not reach the terminal).

use crate::outline::{Inline, Item, Outline};

pub(crate) const BOLD: &str = "\x1b[1m";
pub(crate) const DIM: &str = "\x1b[2m";
pub(crate) const RED: &str = "\x1b[31m";
pub(crate) const YELLOW: &str = "\x1b[33m";
pub(crate) const BOLD_YELLOW: &str = "\x1b[1;33m";
pub(crate) const RESET: &str = "\x1b[0m";

const INDENT: usize = 2;
const BULLET: &str = "- ";

pub(crate) fn render(outline: &Outline, color: bool) -> String {
    let mut w = Writer {
        out: String::new(),
        color,
    };
    w.out.push_str(&clean(&outline.summary, 0));
    w.out.push('\n');
    for event in &outline.events {
        w.out.push('\n');
        w.styled(BOLD, &clean(&event.title, 0));
        w.out.push('\n');
        for line in &event.header {
            w.line(INDENT, "", line);
        }
        for section in &event.sections {
            w.out.push('\n');
            w.out.push_str(&" ".repeat(INDENT));
            w.styled(BOLD, section.title);
            w.out.push('\n');
            if section.items.is_empty() {
                w.line(2 * INDENT, "", &[Inline::Plain(section.none.to_owned())]);
            }
            for item in &section.items {
                w.item(2 * INDENT, item);
            }
        }
    }
    if !outline.diagnostics.is_empty() {
        w.out.push('\n');
        w.styled(BOLD, "Diagnostics");
        w.out.push('\n');
        for d in &outline.diagnostics {
            let text = format!("{}: {}", d.path, d.message);
            w.out.push_str(&" ".repeat(INDENT));
            w.styled(RED, &clean(&text, INDENT));
            w.out.push('\n');
        }
    }
    w.out
}

struct Writer {
    out: String,
    color: bool,
}

impl Writer {
    fn item(&mut self, indent: usize, item: &Item) {
        self.line(indent, BULLET, &item.line);
        for child in &item.children {
            self.item(indent + INDENT, child);
        }
    }

    fn line(&mut self, indent: usize, bullet: &str, line: &[Inline]) {
        self.out.push_str(&" ".repeat(indent));
        self.out.push_str(bullet);
        // A newline inside report text continues at the text's own indent.
        let cont = indent + bullet.len();
        for inline in line {
            match inline {
                Inline::Plain(s) | Inline::Entity(s) => self.out.push_str(&clean(s, cont)),
                Inline::Strong(s) => self.styled(BOLD_YELLOW, &clean(s, cont)),
                Inline::Highlight(s) => self.styled(YELLOW, &clean(s, cont)),
                Inline::Muted(s) => self.styled(DIM, &clean(s, cont)),
                Inline::Sources { sources, brackets } => {
                    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
                    let names = names.join(", ");
                    // Dim only the citations trailing a statement; a version's outlet is its
                    // subject and stays plain.
                    if *brackets {
                        self.styled(DIM, &clean(&format!("[{names}]"), cont));
                    } else {
                        self.out.push_str(&clean(&names, cont));
                    }
                }
            }
        }
        self.out.push('\n');
    }

    fn styled(&mut self, code: &str, s: &str) {
        if self.color && !s.is_empty() {
            self.out.push_str(code);
            self.out.push_str(s);
            self.out.push_str(RESET);
        } else {
            self.out.push_str(s);
        }
    }
}

/// Drops control characters but `\n` and `\t`, and bidirectional overrides
/// (`chorus_model::is_unsafe_to_show`); a `\n` is followed by `indent` spaces.
fn clean(s: &str, indent: usize) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', indent));
            }
            '\t' => out.push('\t'),
            c if chorus_model::is_unsafe_to_show(c) => {}
            c => out.push(c),
        }
    }
    out
}

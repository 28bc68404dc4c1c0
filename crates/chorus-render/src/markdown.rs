//! Markdown: headings and bullet lists. Report text is escaped wherever it could change the
//! document (emphasis, links, raw HTML, headings, lists, tables), since it comes from the web.

use crate::outline::{Inline, Item, Outline};

pub(crate) fn render(outline: &Outline) -> String {
    let mut out = String::from("# chorus report\n\n");
    out.push_str(&line(&[Inline::Plain(outline.summary.clone())]));
    out.push('\n');
    for event in &outline.events {
        out.push_str("\n## ");
        out.push_str(&line(&[Inline::Plain(event.title.clone())]));
        out.push_str("\n\n");
        for header in &event.header {
            out.push_str("- ");
            out.push_str(&line(header));
            out.push('\n');
        }
        for section in &event.sections {
            out.push_str("\n### ");
            out.push_str(section.title);
            out.push_str("\n\n");
            if section.items.is_empty() {
                out.push_str(&line(&[Inline::Plain(section.none.to_owned())]));
                out.push('\n');
            }
            for item in &section.items {
                write_item(&mut out, 0, item);
            }
        }
    }
    if !outline.diagnostics.is_empty() {
        out.push_str("\n## Diagnostics\n\n");
        for d in &outline.diagnostics {
            out.push_str("- ");
            out.push_str(&line(&[Inline::Plain(format!(
                "{}: {}",
                d.path, d.message
            ))]));
            out.push('\n');
        }
    }
    out
}

fn write_item(out: &mut String, depth: usize, item: &Item) {
    // Nested list items start at their parent's content column ("- " is two wide).
    out.push_str(&"  ".repeat(depth));
    out.push_str("- ");
    out.push_str(&line(&item.line));
    out.push('\n');
    for child in &item.children {
        write_item(out, depth + 1, child);
    }
}

/// One line of Markdown, safe to put at the start of a paragraph, list item or heading.
fn line(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            // Colour carries no meaning worth Markdown syntax.
            Inline::Plain(t) | Inline::Muted(t) | Inline::Entity(t) => s.push_str(&escape(t)),
            Inline::Strong(t) | Inline::Highlight(t) => s.push_str(&bold(t)),
            Inline::Sources { sources, brackets } => {
                let names: Vec<String> = sources
                    .iter()
                    .map(|c| match &c.url {
                        // `<...>` keeps any bracket or space of the address out of the syntax.
                        Some(url) if !url.contains(['<', '>', '\n']) => {
                            format!("[{}](<{}>)", escape(&c.name), url)
                        }
                        _ => escape(&c.name),
                    })
                    .collect();
                let names = names.join(", ");
                if *brackets {
                    // No link reference definition can exist (every `[` of report text is
                    // escaped), so these brackets stay literal.
                    s.push('[');
                    s.push_str(&names);
                    s.push(']');
                } else {
                    s.push_str(&names);
                }
            }
        }
    }
    guard_line_start(s.trim_start())
}

/// `**text**`, with surrounding whitespace kept outside (emphasis cannot open before a space).
fn bold(t: &str) -> String {
    let inner = t.trim();
    if inner.is_empty() {
        return escape(t);
    }
    let start = t.len() - t.trim_start().len();
    let end = start + inner.len();
    format!(
        "{}**{}**{}",
        escape(&t[..start]),
        escape(inner),
        escape(&t[end..])
    )
}

/// Escapes characters with inline meaning and collapses whitespace (a newline would end the
/// list item; two spaces would break the line); control characters and bidirectional
/// overrides go (`chorus_model::is_unsafe_to_show`).
fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut in_space = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if is_entity(&t[i + 1..]) => out.push_str("\\&"),
            c if chorus_model::is_unsafe_to_show(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether text after a `&` would make it a character reference (`&amp;`, `&#60;`).
fn is_entity(rest: &str) -> bool {
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
}

/// Keeps the start of a line from reading as a list marker, setext underline or thematic break.
fn guard_line_start(s: &str) -> String {
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && s[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(text: &str, expect: Expect) {
        expect.assert_eq(&line(&[Inline::Plain(text.to_owned())]));
    }

    #[test]
    fn inline_syntax_is_escaped() {
        check(
            r"*bold* _em_ `code` [link](javascript:alert(1)) <b>x</b> a|b ~~s~~ C:\dir",
            expect![[
                r#"\*bold\* \_em\_ \`code\` \[link\](javascript:alert(1)) \<b\>x\</b\> a\|b \~\~s\~\~ C:\\dir"#
            ]],
        );
        check(
            "AT&T &amp; &#60; & ;",
            expect![[r#"AT&T \&amp; \&\#60; & ;"#]],
        );
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        check("# Heading", expect![[r#"\# Heading"#]]);
        check("> quote", expect![[r#"\> quote"#]]);
        check("- item", expect![[r#"\- item"#]]);
        check("+ item", expect![[r#"\+ item"#]]);
        check("2024. A year", expect![[r#"2024\. A year"#]]);
        check("1) first", expect![[r#"1\) first"#]]);
        check("---", expect![[r#"\---"#]]);
        check("===", expect![[r#"\==="#]]);
        check("        indented code", expect!["indented code"]);
        check("```rust", expect![[r#"\`\`\`rust"#]]);
        check(
            "<script>alert(1)</script>",
            expect![[r#"\<script\>alert(1)\</script\>"#]],
        );
    }

    #[test]
    fn newlines_and_controls_cannot_end_the_item() {
        check(
            "first\n# second\r\n\n[x]: https://evil.example\x07  end",
            expect![[r#"first \# second \[x\]: https://evil.example end"#]],
        );
    }

    #[test]
    fn bold_keeps_spaces_outside_the_markers() {
        let got = line(&[
            Inline::Plain("the".to_owned()),
            Inline::Highlight(" 24-year ".to_owned()),
            Inline::Plain("rule".to_owned()),
        ]);
        expect!["the **24-year** rule"].assert_eq(&got);
    }
}

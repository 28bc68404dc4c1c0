//! HTML fragments (feed summaries) to plain text: tags dropped, entities decoded, script and
//! style contents skipped, block elements as paragraphs. Built on the tokens of
//! [`chorus_extract::html_tokens`] (html5ever's, read fast where the markup is plain), which
//! handle broken markup and every named character reference.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult};
use std::cell::{Cell, RefCell};

/// Marks a paragraph boundary in the collected text (control characters are dropped from the
/// input, so these cannot clash).
const PARAGRAPH: char = '\u{1}';
const LINE: char = '\u{2}';

#[derive(Default)]
struct Collector {
    text: RefCell<String>,
    /// Inside `<script>`, `<style>` or `<template>`: characters are not text.
    skipping: Cell<bool>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(t) if !self.skipping.get() => {
                let mut text = self.text.borrow_mut();
                text.extend(t.chars().filter(|c| !c.is_control() || c.is_whitespace()));
            }
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                match (tag.kind, name) {
                    (TagKind::StartTag, "script") if !tag.self_closing => {
                        self.skipping.set(true);
                        return TokenSinkResult::RawData(RawKind::ScriptData);
                    }
                    (TagKind::StartTag, "style" | "template" | "noscript") if !tag.self_closing => {
                        self.skipping.set(true);
                        return TokenSinkResult::RawData(RawKind::Rawtext);
                    }
                    (TagKind::EndTag, "script" | "style" | "template" | "noscript") => {
                        self.skipping.set(false);
                    }
                    (_, "br") => self.text.borrow_mut().push(LINE),
                    (_, name) if is_block(name) => self.text.borrow_mut().push(PARAGRAPH),
                    // Inline elements still separate words when they sit between cells.
                    (_, "td" | "th") => self.text.borrow_mut().push(' '),
                    _ => {}
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "hr"
            | "address"
    )
}

/// Plain text of an HTML fragment: paragraphs separated by a blank line, `<br>` as a line
/// break, whitespace collapsed, entities decoded. Never fails.
pub fn html_to_text(html: &str) -> String {
    let collector = Collector::default();
    chorus_extract::html_tokens(html, &collector);
    normalize(&collector.text.take())
}

/// Collapses whitespace inside lines and drops empty lines and paragraphs.
pub(crate) fn normalize(raw: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for paragraph in raw.split(PARAGRAPH) {
        let lines: Vec<String> = paragraph
            .split(LINE)
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\n"));
        }
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::html_to_text;
    use expect_test::{expect, Expect};

    fn check(html: &str, expect: Expect) {
        expect.assert_eq(&html_to_text(html));
    }

    #[test]
    fn tags_entities_and_blocks() {
        check(
            "<p>Rebels &amp; allies entered <b>Damascus</b>&nbsp;on Sunday.</p><p>Second<br/>line &#8212; &hellip;</p>",
            expect![[r#"
                Rebels & allies entered Damascus on Sunday.

                Second
                line — …"#]],
        );
    }

    #[test]
    fn scripts_styles_and_broken_markup() {
        check(
            "<style>p{color:red}</style><script>var a = '<p>no</p>';</script>Plain <i>text <unclosed",
            expect!["Plain text"],
        );
        check("a < b and c > d", expect!["a < b and c > d"]);
        check("", expect![""]);
        check("\u{1}\u{2}x\u{0}y", expect!["xy"]);
    }

    #[test]
    fn tags_with_a_great_many_attributes() {
        // Distinct attribute names cost html5ever's tokenizer time quadratic in their number
        // (each is checked against the others); the pre-pass drops them first.
        let attrs: String = (0..50_000).map(|i| format!(" a{i}=1")).collect();
        check(
            &format!("<p{attrs}>x</p{attrs}> <i{attrs}/>y"),
            expect![[r#"
            x

            y"#]],
        );
    }
}

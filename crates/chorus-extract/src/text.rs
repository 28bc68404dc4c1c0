//! Renders chosen subtrees as plain text with paragraph structure: block elements end a
//! paragraph, paragraphs are separated by a blank line, `<br>` is a line break (two in a row
//! end the paragraph), whitespace collapses except inside `<pre>`.

use crate::dom::{Dom, NodeData, NodeId, Tag};

struct Writer {
    paragraphs: Vec<String>,
    current: String,
    /// `<pre>` nesting depth: whitespace is kept inside.
    pre: usize,
    /// A `<br>` was the last thing written (ignoring whitespace).
    after_br: bool,
}

impl Writer {
    fn flush(&mut self) {
        let lines: Vec<&str> = self
            .current
            .split('\n')
            .map(|l| if self.pre > 0 { l.trim_end() } else { l.trim() })
            .collect();
        let start = lines.iter().position(|l| !l.trim().is_empty());
        if let Some(start) = start {
            let end = lines
                .iter()
                .rposition(|l| !l.trim().is_empty())
                .unwrap_or(start);
            self.paragraphs.push(lines[start..=end].join("\n"));
        }
        self.current.clear();
        self.after_br = false;
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.current.push_str(t);
            if !t.trim().is_empty() {
                self.after_br = false;
            }
            return;
        }
        if let Some(simple) = single_spaced(t) {
            // What the loop below would write, in one piece.
            let rest = match simple.strip_prefix(' ') {
                Some(rest) if self.current.is_empty() || self.current.ends_with([' ', '\n']) => {
                    rest
                }
                _ => simple,
            };
            self.current.push_str(rest);
            if rest.bytes().any(|b| b != b' ') {
                self.after_br = false;
            }
            return;
        }
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            if !word.is_empty() {
                self.current.push_str(word);
                self.after_br = false;
            }
        }
    }

    fn space(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
    }

    fn line_break(&mut self) {
        if self.after_br {
            self.flush();
            return;
        }
        while self.current.ends_with(' ') {
            self.current.pop();
        }
        self.current.push('\n');
        self.after_br = true;
    }
}

/// `t` when its only whitespace is single ASCII spaces (as the pre-pass leaves most text).
fn single_spaced(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let mut prev_space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            if prev_space {
                return None;
            }
            prev_space = true;
            i += 1;
            continue;
        }
        prev_space = false;
        if c < 0x80 {
            if c.is_ascii_whitespace() || c == b'\x0b' {
                return None;
            }
            i += 1;
            continue;
        }
        // Lead bytes of the non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000.., U+3000).
        if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            let ch = t[i..].chars().next()?;
            if ch.is_whitespace() {
                return None;
            }
            i += ch.len_utf8();
            continue;
        }
        i += 1;
    }
    Some(t)
}

fn is_block(tag: Tag) -> bool {
    !tag.is_phrasing() && !matches!(tag, Tag::Td | Tag::Th)
}

/// Text of the subtrees at `roots`, in order, leaving out nodes for which `skip` is true.
pub(crate) fn render(dom: &Dom, roots: &[NodeId], skip: impl Fn(NodeId) -> bool) -> String {
    let mut w = Writer {
        paragraphs: Vec::new(),
        current: String::new(),
        pre: 0,
        after_br: false,
    };
    let mut stack: Vec<(NodeId, bool)> = Vec::new();
    for &root in roots {
        stack.push((root, false));
        while let Some((id, exit)) = stack.pop() {
            let tag = dom.tag(id);
            if exit {
                if let Some(tag) = tag {
                    if tag == Tag::Pre {
                        w.flush();
                        w.pre -= 1;
                    } else if is_block(tag) {
                        w.flush();
                    } else if matches!(tag, Tag::Td | Tag::Th) {
                        w.space();
                    }
                }
                continue;
            }
            if skip(id) {
                continue;
            }
            match &dom.node(id).data {
                NodeData::Text(t) => {
                    w.text(t);
                    continue;
                }
                NodeData::Element { .. } => {}
                _ => {
                    if id != 0 {
                        continue;
                    }
                }
            }
            if let Some(tag) = tag {
                match tag {
                    Tag::Br => {
                        w.line_break();
                        continue;
                    }
                    Tag::Pre => {
                        w.flush();
                        w.pre += 1;
                    }
                    t if is_block(t) => w.flush(),
                    _ => {}
                }
            }
            stack.push((id, true));
            let mut child = dom.node(id).last_child;
            while let Some(c) = child {
                stack.push((c, false));
                child = dom.node(c).prev;
            }
        }
        w.flush();
    }
    w.paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, want: &str) {
        let dom = Dom::parse(html);
        assert_eq!(render(&dom, &[0], |_| false), want);
    }

    #[test]
    fn single_spaced_text_is_written_as_the_word_loop_would() {
        for current in ["", "a", "a ", "a\n"] {
            for t in [
                "",
                " ",
                "x",
                " x",
                "x ",
                " x y ",
                "x  y",
                "x\ty",
                "\u{a0}x",
                "x\u{2009}y",
                "é ’ “x”",
                " \u{3000}",
            ] {
                let mut fast = Writer {
                    paragraphs: Vec::new(),
                    current: current.to_string(),
                    pre: 0,
                    after_br: true,
                };
                fast.text(t);
                let mut slow = Writer {
                    paragraphs: Vec::new(),
                    current: current.to_string(),
                    pre: 0,
                    after_br: true,
                };
                for (i, word) in t.split(char::is_whitespace).enumerate() {
                    if i > 0 && !slow.current.is_empty() && !slow.current.ends_with([' ', '\n']) {
                        slow.current.push(' ');
                    }
                    if !word.is_empty() {
                        slow.current.push_str(word);
                        slow.after_br = false;
                    }
                }
                assert_eq!(
                    (&fast.current, fast.after_br),
                    (&slow.current, slow.after_br),
                    "{current:?} + {t:?}"
                );
            }
        }
    }

    #[test]
    fn paragraphs_lines_and_whitespace() {
        check(
            "<title>T</title><p>One\n  two <b>three</b></p><div>Four<br>five<br><br>six</div><ul><li>a</li><li>b</li></ul>",
            "T\n\nOne two three\n\nFour\nfive\n\nsix\n\na\n\nb",
        );
        check(
            "<pre>  keep\n    this</pre><table><tr><td>x</td><td>y</td></tr></table>",
            "  keep\n    this\n\nx y",
        );
    }
}

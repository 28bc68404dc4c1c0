//! Paragraph boundaries in a raw body: blank lines separate blocks; inside a block each line is
//! a paragraph unless it reads as a hard-wrapped continuation of the line before.

use std::ops::Range;

fn ends_clause(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…', ';'])
}

/// Byte ranges of the paragraphs of `body` (lines joined where text was hard-wrapped).
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    let mut prev_line: Option<(Range<usize>, bool)> = None; // (range, continues a paragraph?)
    for raw in body.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let range = start..start + line.len();
        if line.trim().is_empty() {
            prev_line = None;
            continue;
        }
        let joins = match &prev_line {
            Some((prev, _)) => {
                let p = &body[prev.clone()];
                let next_lower = line
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase());
                !ends_clause(p) && (p.trim().chars().count() >= 60 || next_lower)
            }
            None => false,
        };
        if joins {
            if let Some(last) = out.last_mut() {
                last.end = range.end;
            }
        } else {
            out.push(range.clone());
        }
        prev_line = Some((range, joins));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, expected: &[&str]) {
        let got: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn lines_blocks_and_wrapped_text() {
        check("One.\nTwo.\n\nThree.\r\n", &["One.", "Two.", "Three."]);
        check(
            "A long line of prose that was wrapped by an editor at some column\nand goes on here.\nShort title\nNext.",
            &["A long line of prose that was wrapped by an editor at some column\nand goes on here.", "Short title", "Next."],
        );
        check("", &[]);
    }
}

//! Normalisation of a piece of body text into an [`AlignedText`]: whitespace runs become one
//! space, invisible characters go, words are put in Unicode NFC; every piece keeps its source
//! range so offsets survive.

use chorus_model::AlignedText;
use std::ops::Range;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (c.is_control() && !c.is_whitespace())
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}'
}

/// Appends the normalised form of `body[range]` to `out`, trimmed at both ends. A space is
/// written between words only; nothing is written for an all-blank range.
pub fn normalize_into(body: &str, range: Range<usize>, out: &mut AlignedText) {
    let piece = &body[range.clone()];
    let base = range.start;
    let mut pending_space: Option<Range<usize>> = None;
    let mut wrote_any = false;
    let mut word_start: Option<usize> = None;
    let flush_word = |out: &mut AlignedText, s: usize, e: usize, wrote_any: &mut bool| {
        let word = &piece[s..e];
        // Printable ASCII is already clean and in NFC: copied as it is.
        if word.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            out.push(word, base + s..base + e);
            *wrote_any = true;
            return true;
        }
        let clean: String = word.chars().filter(|&c| !is_invisible(c)).collect();
        if clean.is_empty() {
            return false;
        }
        if clean.len() == word.len() && is_nfc_quick(word.chars()) == IsNormalized::Yes {
            out.push(word, base + s..base + e);
        } else {
            let nfc: String = clean.nfc().collect();
            // Split leading/trailing verbatim parts is not worth it: words are short.
            out.push(&nfc, base + s..base + e);
        }
        *wrote_any = true;
        true
    };
    for (i, c) in piece.char_indices() {
        if is_space(c) {
            if let Some(s) = word_start.take() {
                if let Some(sp) = pending_space.take() {
                    if wrote_any {
                        out.push(" ", base + sp.start..base + sp.end);
                    }
                }
                flush_word(out, s, i, &mut wrote_any);
            }
            match &mut pending_space {
                Some(sp) => sp.end = i + c.len_utf8(),
                None => pending_space = Some(i..i + c.len_utf8()),
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(s) = word_start {
        if let Some(sp) = pending_space.take() {
            if wrote_any {
                out.push(" ", base + sp.start..base + sp.end);
            }
        }
        flush_word(out, s, piece.len(), &mut wrote_any);
    }
}

/// The normalised form of a string on its own (for comparisons, not for citing).
pub fn normalized(s: &str) -> String {
    let mut out = AlignedText::default();
    normalize_into(s, 0..s.len(), &mut out);
    out.text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let mut out = AlignedText::default();
        normalize_into(input, 0..input.len(), &mut out);
        assert_eq!(out.text, expected);
        // Every word maps back to itself (or its NFC form) in the input.
        let mut pos = 0;
        for w in out.text.split(" ").filter(|w| !w.is_empty()) {
            let r = out.to_body(pos..pos + w.len()).unwrap();
            let src: String = input[r].nfc().filter(|&c| !is_invisible(c)).collect();
            assert_eq!(src, w);
            pos += w.len() + 1;
        }
    }

    #[test]
    fn whitespace_runs_collapse_and_trim() {
        check("  Hello \t\u{a0} world \n", "Hello world");
        check("one", "one");
        check("   ", "");
    }

    #[test]
    fn invisible_characters_go_and_words_become_nfc() {
        check("caf\u{65}\u{301} zero\u{200b}width", "caf\u{e9} zerowidth");
        check("\u{200b} lone", "lone");
    }
}

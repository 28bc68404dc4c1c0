//! Sentence segmentation for news prose: splits after `.`, `!`, `?` (and closing quotes or
//! brackets) before a capital, digit or opening quote, except after honorifics ("Mr"),
//! initials ("J."), dotted acronyms ("U.S.") and inside numbers ("3.5"); also at a period
//! that runs two sentences together without a space ("the location.Upon arrival"), as pages
//! that join their paragraphs write them. A quoted passage
//! of several sentences is split like any other text: each of its sentences is a statement of
//! its own, which another outlet may quote alone or report in its own words (quotes are read
//! whole by the account's quote finder, which spans the sentences a quotation covers).

use std::ops::Range;

/// Abbreviations that end with a period but rarely end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "maj", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "v", "etc", "no", "nos", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev",
    "hon", "pres", "supt", "det", "insp", "cmdr", "adm", "approx", "fig", "al", "e.g", "i.e", "cf",
    "dept", "univ", "messrs", "mme", "mlle", "brig", "cpl", "pvt", "sgt", "gov",
];

/// Words that start sentences often; after a dotted acronym they signal a real boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "In",
    "A",
    "An",
    "This",
    "That",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "On",
    "At",
    "As",
    "If",
    "When",
    "After",
    "Meanwhile",
    "However",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡')
}

/// The longest word [`word_before`] looks back over, in bytes: every abbreviation is far
/// shorter, and looking further made a run of letters and periods without a space
/// ("U.S.U.S.…") cost the square of its length.
const MAX_WORD_BYTES: usize = 64;

/// The word (letters and inner dots) that ends just before byte `end`; of a longer one, its
/// last [`MAX_WORD_BYTES`] or so.
fn word_before(text: &str, end: usize) -> &str {
    let mut from = end.saturating_sub(MAX_WORD_BYTES);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = &text[from..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn next_word(text: &str) -> &str {
    let t = text.trim_start_matches(|c: char| is_opener(c));
    let end = t
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(t.len(), |(i, _)| i);
    &t[..end]
}

/// Whether a period ending `word` (without the period) is part of an abbreviation rather
/// than the end of a sentence, given the word that follows.
fn is_abbreviation(word: &str, next: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // An initial ("J. K. Rowling"), unless a plain number ends the sentence.
        return c.is_uppercase();
    }
    if word.contains('.') {
        // Dotted acronym (U.S., a.m.): a boundary only before a typical sentence opener.
        let dotted = word.split('.').all(|p| p.chars().count() <= 2);
        return dotted && !SENTENCE_STARTERS.contains(&next);
    }
    false
}

/// Byte ranges of the sentences of `text` (one paragraph), trimmed of surrounding spaces.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '…');
    // The character at byte `p` (a char boundary) and the byte after it.
    let at = |p: usize| text[p..].chars().next().map(|c| (c, p + c.len_utf8()));
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some((c, after)) = at(i) {
        if !is_end(c) {
            // On to the next possible terminator ('…' starts with byte 0xE2).
            i = match text.as_bytes()[after..]
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
            {
                Some(n) => after + n,
                None => break,
            };
            continue;
        }
        // Extend over repeated terminators and closing quotes/brackets.
        let (mut j, mut only_closers) = (after, true);
        let next = loop {
            match at(j) {
                Some((d, next)) if is_end(d) || is_closer(d) => {
                    only_closers &= !is_end(d);
                    j = next;
                }
                other => break other,
            }
        };
        let Some((d, _)) = next else {
            break;
        };
        if !d.is_whitespace() {
            if c == '.' && only_closers && run_together(text, i, j) {
                push_trimmed(text, start..j, &mut out);
                start = j;
            }
            i = j;
            continue;
        }
        let end = j;
        let mut k = j;
        let next_c = loop {
            match at(k) {
                Some((d, next)) if d.is_whitespace() => k = next,
                other => break other.map(|x| x.0),
            }
        };
        let Some(next_c) = next_c else {
            break;
        };
        let starts_sentence =
            next_c.is_uppercase() || next_c.is_numeric() || is_opener(next_c) || next_c == '—';
        if !starts_sentence {
            i = k;
            continue;
        }
        if c == '.' && only_closers {
            let word = word_before(text, i);
            let next = next_word(&text[k..]);
            if is_abbreviation(word, next) {
                i = k;
                continue;
            }
        }
        push_trimmed(text, start..end, &mut out);
        start = k;
        i = k;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether the period at byte `dot` ends a sentence that the next one is run into without a
/// space (`next` is the byte after the period): two paragraphs a page joined ("fled the
/// location.Upon arrival, officers …"). Only after a word of two letters or more that ends in
/// lower case and is no abbreviation, and before a capital followed by lower case, so "U.S.",
/// "a.m.", "St.Louis" and names such as "McDonald" stay whole.
fn run_together(text: &str, dot: usize, next: usize) -> bool {
    let word = word_before(text, dot);
    let ends_lower = word.chars().rev().take(2).all(char::is_lowercase);
    let mut after = text[next..].chars();
    let opens_word = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    ends_lower
        && opens_word
        && !word.contains('.')
        && !is_abbreviation(word, next_word(&text[next..]))
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(text: &str, expect: Expect) {
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        expect.assert_eq(&got.join("\n"));
    }

    /// A run of letters and periods without a space, 200 KB of it (within what an article
    /// may hold): looking back over the whole run at each of its periods took minutes.
    #[test]
    fn a_long_run_of_letters_and_periods_is_read_in_linear_time() {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for unit in ["U.S.", "ab.Cd", "é.É"] {
                let text = format!("He left. {} The talks ended.", unit.repeat(50_000));
                let _ = tx.send(sentences(&text).len());
            }
        });
        for _ in 0..3 {
            let n = rx
                .recv_timeout(std::time::Duration::from_secs(10))
                .expect("sentences of 200 KB within 10 s");
            assert!(n >= 2);
        }
    }

    #[test]
    fn honorifics_initials_and_decimals_do_not_split() {
        check(
            "Mr. Smith met Dr. Jones at 3.5 p.m. on Monday. J. K. Okafor said so. It rose 2.4%.",
            expect![[r#"
                Mr. Smith met Dr. Jones at 3.5 p.m. on Monday.
                J. K. Okafor said so.
                It rose 2.4%."#]],
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_a_sentence_opener() {
        check(
            "He flew to the U.S. State Department. Then he left the U.S. The talks ended.",
            expect![[r#"
                He flew to the U.S. State Department.
                Then he left the U.S.
                The talks ended."#]],
        );
    }

    #[test]
    fn quotes_close_the_sentence_they_end_and_split_inside() {
        check(
            "The source said: “Assad has arrived. Russia granted asylum.” Crowds gathered. \"Is it over?\" he asked. ‘Yes.’ She left! \"We stay. Nobody left,\" he said.",
            expect![[r#"
                The source said: “Assad has arrived.
                Russia granted asylum.”
                Crowds gathered.
                "Is it over?" he asked.
                ‘Yes.’
                She left!
                "We stay.
                Nobody left," he said."#]],
        );
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_paragraph() {
        check(
            "He said: “We will stay. The rest is noise. Nobody left.",
            expect![[r#"
                He said: “We will stay.
                The rest is noise.
                Nobody left."#]],
        );
    }

    #[test]
    fn sentences_run_together_without_a_space_split() {
        check(
            "It fled the location.Upon arrival, officers found four victims.The Perris Police Department took over. He moved to St.Louis in the U.S.A.Then he left. See example.com.",
            expect![[r#"
                It fled the location.
                Upon arrival, officers found four victims.
                The Perris Police Department took over.
                He moved to St.Louis in the U.S.A.Then he left.
                See example.com."#]],
        );
    }

    #[test]
    fn no_terminator_and_empty_input() {
        check(
            "Read more: Latest updates",
            expect!["Read more: Latest updates"],
        );
        check("", expect![""]);
        check("  ", expect![""]);
        check("Ends with a dot.", expect!["Ends with a dot."]);
    }
}

//! Word tokens of cleaned text for name detection: hyphenated parts stay in one token
//! ("al-Assad"), a possessive "'s" is cut off ("Assad’s" → "Assad"), dotted acronyms stay whole
//! ("U.S."), and each token knows whether it opens a sentence (where capitals say little).

use std::ops::Range;

/// One word: a byte range of the text, and whether a capital there is only the sentence's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// First word of a sentence, a line, a quotation or the text after a colon.
    pub(crate) initial: bool,
    /// On a line in title case or capitals ("How the Rebel Assault Unfolded"), where no
    /// capital says anything.
    pub(crate) headline: bool,
}

/// Fewest words for a line to count as a headline.
const HEADLINE_WORDS: usize = 3;
/// Share of capitalised words from which a line without a final period is a headline.
const HEADLINE_CAPITALS: f32 = 0.6;
/// Share of capitalised words from which any line is a headline: running text dense with
/// names ("Russian President Vladimir Putin met ...") stays below it.
const HEADLINE_CAPITALS_WITH_PERIOD: f32 = 0.9;

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '„')
}

/// The tokens of `text`; `sentence_starts` are sorted byte offsets where sentences begin.
pub(crate) fn tokens(text: &str, sentence_starts: &[usize]) -> Vec<Token> {
    // Positions are byte offsets of characters: `at` reads the character there and `after`
    // steps past it, so looking a few characters ahead costs no buffer of the whole text.
    let at = |p: usize| text.get(p..).and_then(|rest| rest.chars().next());
    let after = |p: usize| at(p).map_or(p + 1, |c| p + c.len_utf8());
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    // Sentence starts up to `prev_end` (which only grows) are behind this one.
    let mut next_start = 0;
    let mut possessive = false;
    let bytes = text.as_bytes();
    while let Some(c) = at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            // ASCII that is neither a letter nor a digit is skipped a byte at a time.
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
            {
                i += 1;
            }
            continue;
        }
        let start = i;
        let mut j = after(i);
        if c.is_uppercase() && at(j) == Some('.') && at(after(j)).is_some_and(char::is_uppercase) {
            // Dotted acronym: letter-dot pairs ("U.S.", "U.N.").
            while at(j) == Some('.')
                && at(after(j)).is_some_and(char::is_uppercase)
                && at(after(after(j))) == Some('.')
            {
                j = after(after(j));
            }
            j = after(j);
        } else {
            loop {
                // ASCII letters and digits go on the word, other ASCII but '-' and '\''
                // ends it, without decoding a character.
                match bytes.get(j) {
                    Some(b) if b.is_ascii_alphanumeric() => {
                        j += 1;
                        continue;
                    }
                    Some(&b) if b.is_ascii() && b != b'-' && b != b'\'' => break,
                    _ => {}
                }
                let Some(c) = at(j) else {
                    break;
                };
                if c.is_alphanumeric() {
                    j = after(j);
                } else if is_hyphen(c) && at(after(j)).is_some_and(char::is_alphanumeric) {
                    j = after(after(j));
                } else if is_apostrophe(c) && at(after(j)).is_some_and(char::is_alphanumeric) {
                    possessive = at(after(j)) == Some('s')
                        && !at(after(after(j))).is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    j = after(after(j));
                } else {
                    break;
                }
            }
        }
        let end = j.min(text.len());
        out.push(Token {
            start,
            end,
            initial: opens(
                text,
                out.last(),
                prev_end..start,
                sentence_starts,
                &mut next_start,
            ),
            headline: false,
        });
        prev_end = end;
        // The possessive "'s" is no word of its own.
        i = if std::mem::take(&mut possessive) {
            after(after(j))
        } else {
            j
        };
    }
    mark_headlines(text, &mut out);
    out
}

/// Flags the tokens of lines whose words are mostly capitalised.
fn mark_headlines(text: &str, tokens: &mut [Token]) {
    let mut line_start = 0;
    while line_start < tokens.len() {
        let line_end_byte = text[tokens[line_start].start..]
            .find('\n')
            .map_or(text.len(), |i| tokens[line_start].start + i);
        let line_end =
            line_start + tokens[line_start..].partition_point(|t| t.start < line_end_byte);
        let line = &mut tokens[line_start..line_end];
        let words: Vec<char> = line
            .iter()
            .filter_map(|t| text[t.start..].chars().next())
            .filter(|c| c.is_alphabetic())
            .collect();
        let capitals = words.iter().filter(|c| c.is_uppercase()).count();
        let ends_sentence = text[..line_end_byte]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', '\'', ':']);
        let needed = if ends_sentence {
            HEADLINE_CAPITALS_WITH_PERIOD
        } else {
            HEADLINE_CAPITALS
        };
        if words.len() >= HEADLINE_WORDS && capitals as f32 >= needed * words.len() as f32 {
            for t in line.iter_mut() {
                t.headline = true;
            }
        }
        line_start = line_end;
    }
}

/// Whether a token after the gap `gap` starts a sentence-like unit; `prev` is the token
/// before the gap, if any.
/// Whether a token after `gap` opens a sentence. `next_start` is the first of the sorted
/// `sentence_starts` after the previous gap's start; the gaps come in text order.
fn opens(
    text: &str,
    prev: Option<&Token>,
    gap: Range<usize>,
    sentence_starts: &[usize],
    next_start: &mut usize,
) -> bool {
    let Some(prev) = prev else {
        return true;
    };
    // A sentence start inside (prev_end, start].
    while sentence_starts
        .get(*next_start)
        .is_some_and(|&s| s <= gap.start)
    {
        *next_start += 1;
    }
    if sentence_starts
        .get(*next_start)
        .is_some_and(|&s| s <= gap.end)
    {
        return true;
    }
    let between = &text[gap];
    if between == " " {
        // The usual gap: nothing in it opens a sentence.
        return false;
    }
    if between.contains([':', '\n']) {
        return true;
    }
    // A terminator the segmenter kept inside a sentence (a quoted passage of several
    // sentences), unless it ends an abbreviation ("Mr.") or an initial ("J.").
    if between.contains(['.', '!', '?']) {
        let word = &text[prev.start..prev.end];
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !initial && !crate::lexicon::is_title(word) {
            return true;
        }
    }
    // An opening quote: curly ones always, straight ones after a space.
    let trimmed = between.trim_end();
    let mut rev = trimmed.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('"' | '\''), before) => before.is_some_and(|c| c.is_whitespace() || c == '('),
        (Some(q), _) => is_opening_quote(q),
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let starts: Vec<usize> = chorus_text::sentences(text)
            .into_iter()
            .map(|r| r.start)
            .collect();
        tokens(text, &starts)
            .iter()
            .map(|t| {
                format!(
                    "{}{}",
                    if t.initial { "^" } else { "" },
                    &text[t.start..t.end]
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn possessives_hyphens_acronyms_and_openers() {
        assert_eq!(
            show("Mr Assad’s rule ended. The U.S. and al-Assad's O'Brien: “Homs is free”."),
            "^Mr Assad rule ended ^The U.S. and al-Assad O'Brien ^Homs is free"
        );
        assert_eq!(
            show("anti-regime forces in 4x4s"),
            "^anti-regime forces in 4x4s"
        );
    }

    #[test]
    fn title_case_lines_are_headlines() {
        let text = "How the Rebel Assault Unfolded\nMr Assad and members of his family left.";
        let flags: Vec<bool> = tokens(text, &[]).iter().map(|t| t.headline).collect();
        assert_eq!(
            flags,
            [
                true, true, true, true, true, false, false, false, false, false, false, false,
                false
            ]
        );
    }
}

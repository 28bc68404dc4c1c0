//! Where the extracted text came from in the page: the text is built from text nodes, with
//! whitespace collapsed, character references decoded and tags gone, so its offsets are not
//! the page's. [`align`] finds each piece of it again in the page's visible text (markup,
//! comments and the contents of scripts, styles and kin skipped; references decoded) and
//! records the runs that line up, so a cited sentence can be given as the span of the page
//! it reads from.
//!
//! The match is on the text without its whitespace, in order: a piece of text found first
//! after the previous one is taken; a piece not found (text the extractor made, such as an
//! image's description) stands for nothing. Spans that start or end in such a piece are not
//! given rather than guessed.

use crate::tokenize::reference_at;
use chorus_model::SourceRun;

/// Elements whose contents never reach the extracted text.
const HIDDEN: [&str; 10] = [
    "script", "style", "title", "textarea", "template", "noscript", "xmp", "iframe", "noembed",
    "noframes",
];

/// Bytes of text compared at once when looking for the next piece of the text in the page.
const PIECE: usize = 32;

/// The page's visible characters but whitespace, as one string, with where each of its bytes
/// came from: for the first byte of each character, the span of the page it was read from.
struct Visible {
    text: String,
    /// Parallel to `text`'s bytes: (page start, page length) of the character a byte belongs
    /// to.
    from: Vec<(u32, u32)>,
}

impl Visible {
    fn push(&mut self, c: char, start: usize, len: usize) {
        self.text.push(c);
        self.from
            .resize(self.text.len(), (start as u32, len as u32));
    }

    /// Whether something (whitespace, markup) stands in the page between the characters
    /// before and at byte `j`; the start and the end of the text are gaps.
    fn gap_before(&self, j: usize) -> bool {
        j == 0 || j >= self.from.len() || {
            let (a, l) = self.from[j - 1];
            self.from[j].0 != a + l
        }
    }
}

fn visible(page: &str) -> Visible {
    let b = page.as_bytes();
    let mut v = Visible {
        text: String::with_capacity(page.len() / 4),
        from: Vec::with_capacity(page.len() / 4),
    };
    let mut pos = 0;
    while pos < b.len() {
        // Plain text up to the next markup or reference, then that.
        let next = memchr::memchr2(b'<', b'&', &b[pos..]).map_or(b.len(), |i| pos + i);
        text_between(&mut v, page, pos, next);
        pos = next;
        if pos == b.len() {
            break;
        }
        if b[pos] == b'<' {
            match skip_markup(b, pos) {
                Some(end) => pos = end,
                None => {
                    v.push('<', pos, 1);
                    pos += 1;
                }
            }
            continue;
        }
        match reference_at(page, pos) {
            Some((chars, end)) => {
                for c in chars.chars().filter(|c| !c.is_whitespace()) {
                    v.push(c, pos, end - pos);
                }
                pos = end;
            }
            None => {
                v.push('&', pos, 1);
                pos += 1;
            }
        }
    }
    v
}

/// The page's text from `from` to `to` (no markup in it), but its whitespace.
fn text_between(v: &mut Visible, page: &str, from: usize, to: usize) {
    let b = page.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        if c < 0x80 {
            // ASCII: `char::is_whitespace` there is tab to carriage return and space.
            if !matches!(c, b'\t'..=b'\r' | b' ') {
                v.text.push(char::from(c));
                v.from.push((i as u32, 1));
            }
            i += 1;
            continue;
        }
        let ch = page[i..].chars().next().unwrap_or(' ');
        let len = ch.len_utf8();
        if !ch.is_whitespace() {
            v.push(ch, i, len);
        }
        i += len;
    }
}

/// Past the markup at `pos` (a `<`): a comment, or a tag (with the contents of a hidden
/// element). `None` when no markup starts there: the `<` is text.
fn skip_markup(b: &[u8], pos: usize) -> Option<usize> {
    let rest = &b[pos..];
    if rest.starts_with(b"<!--") {
        return Some(memchr::memmem::find(&rest[4..], b"-->").map_or(b.len(), |i| pos + 4 + i + 3));
    }
    let opens = rest
        .get(1)
        .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'));
    if !opens {
        return None;
    }
    let end = tag_end(b, pos + 1);
    let name_start = pos + 1;
    let name_len = b[name_start..end]
        .iter()
        .position(|&c| !c.is_ascii_alphanumeric())
        .unwrap_or(end - name_start);
    let name = &b[name_start..name_start + name_len];
    let hidden = HIDDEN
        .iter()
        .any(|h| h.as_bytes().eq_ignore_ascii_case(name));
    if hidden && !b[end.saturating_sub(2)..end].starts_with(b"/>") {
        // The contents run to the matching end tag.
        let mut at = end;
        while let Some(i) = memchr::memmem::find(&b[at..], b"</") {
            let p = at + i;
            if b.len() >= p + 2 + name.len()
                && b[p + 2..p + 2 + name.len()].eq_ignore_ascii_case(name)
            {
                return Some(tag_end(b, p + 2));
            }
            at = p + 2;
        }
        return Some(b.len());
    }
    Some(end)
}

/// Past the `>` that ends the tag whose name starts at `from`, with quoted attribute values
/// skipped whole.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(j) = memchr::memchr3(b'>', b'"', b'\'', &b[i..]) {
        let at = i + j;
        match b[at] {
            b'>' => return at + 1,
            q if at > from && matches!(b[at - 1], b'=' | b' ' | b'\t' | b'\n') => {
                i = memchr::memchr(q, &b[at + 1..]).map_or(b.len(), |k| at + 1 + k + 1);
            }
            _ => i = at + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    b.len()
}

/// The text without its whitespace, with each byte's offset in the text and the paragraphs
/// (blank-line separated) as ranges of it.
struct Squeezed {
    text: String,
    at: Vec<usize>,
    paragraphs: Vec<std::ops::Range<usize>>,
}

impl Squeezed {
    fn new(text: &str) -> Squeezed {
        let mut s = Squeezed {
            text: String::with_capacity(text.len()),
            at: Vec::with_capacity(text.len()),
            paragraphs: Vec::new(),
        };
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if c == '\n' && text[..i].ends_with('\n') && s.text.len() > start {
                    s.paragraphs.push(start..s.text.len());
                    start = s.text.len();
                }
                continue;
            }
            s.text.push(c);
            s.at.extend((0..c.len_utf8()).map(|k| i + k));
        }
        if s.text.len() > start {
            s.paragraphs.push(start..s.text.len());
        }
        s
    }

    /// Whether the text has whitespace between the characters before and at byte `k`; the
    /// start and the end of the text are gaps.
    fn gap_before(&self, k: usize) -> bool {
        k == 0 || k >= self.at.len() || self.at[k] != self.at[k - 1] + 1
    }
}

/// The runs that line `text` (extracted from `page`) up with the page.
pub(crate) fn align(page: &str, text: &str) -> Vec<SourceRun> {
    let vis = visible(page);
    let sq = Squeezed::new(text);
    let v = vis.text.as_bytes();
    let mut runs: Vec<SourceRun> = Vec::new();
    let mut cursor = 0;
    for para in &sq.paragraphs {
        // A paragraph found whole is the common case; one that is not (text the extractor
        // left out or made up inside it) is matched a piece at a time.
        let whole = &sq.text.as_bytes()[para.clone()];
        if let Some(j) = memchr::memmem::find(&v[cursor..], whole) {
            let found = cursor + j;
            copy(
                &mut runs,
                text,
                page,
                &sq,
                &vis,
                para.start,
                found,
                whole.len(),
            );
            cursor = found + whole.len();
            continue;
        }
        cursor = pieces(&mut runs, text, page, &sq, &vis, para.clone(), cursor);
    }
    runs
}

/// Matches the squeezed text's `range` a piece at a time from `cursor` on; returns where the
/// page was left.
fn pieces(
    runs: &mut Vec<SourceRun>,
    text: &str,
    page: &str,
    sq: &Squeezed,
    vis: &Visible,
    range: std::ops::Range<usize>,
    mut cursor: usize,
) -> usize {
    let s = sq.text.as_bytes();
    let v = vis.text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let mut end = (i + PIECE).min(range.end);
        while !sq.text.is_char_boundary(end) {
            end -= 1;
        }
        // The first place where the piece stands as it stands in the text: a word it starts
        // or ends starts or ends there too (a short last piece "as" is not the end of "has").
        let fits = |j: usize| {
            let after = j + end - i;
            (!sq.gap_before(i) || vis.gap_before(j))
                && (end == range.end || !sq.gap_before(end) || vis.gap_before(after))
                && (end != range.end || after == v.len() || vis.gap_before(after))
        };
        let Some(found) = memchr::memmem::find_iter(&v[cursor..], &s[i..end])
            .map(|j| cursor + j)
            .find(|&j| fits(j))
        else {
            // Not in the page from here on: skip this character.
            i += sq.text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // Extend the match while the characters agree and a word that ends in the text
        // ends in the page too; then give back a word only begun (the start of "Alert" is
        // not the word "A").
        let mut len = end - i;
        while i + len < range.end
            && found + len < v.len()
            && s[i + len] == v[found + len]
            && (!sq.gap_before(i + len) || vis.gap_before(found + len))
        {
            len += 1;
        }
        if i + len < range.end && len > end - i {
            let mut k = len;
            while k > end - i && !(sq.gap_before(i + k) && vis.gap_before(found + k)) {
                k -= 1;
            }
            len = k;
        }
        while !sq.text.is_char_boundary(i + len) || !vis.text.is_char_boundary(found + len) {
            len -= 1;
        }
        copy(runs, text, page, sq, vis, i, found, len);
        i += len;
        cursor = found + len;
    }
    cursor
}

/// Records `len` squeezed bytes from `i`, found at `found` in the visible text.
#[allow(clippy::too_many_arguments)]
fn copy(
    runs: &mut Vec<SourceRun>,
    text: &str,
    page: &str,
    sq: &Squeezed,
    vis: &Visible,
    i: usize,
    found: usize,
    len: usize,
) {
    let mut k = 0;
    while k < len {
        let (start, page_len) = vis.from[found + k];
        let body = sq.at[i + k];
        // A stretch with no gap on either side and verbatim bytes goes in at once.
        let mut n = 1;
        while k + n < len
            && sq.at[i + k + n] == body + n
            && vis.from[found + k + n] == (start + n as u32, 1)
        {
            n += 1;
        }
        if n > 1 && page_len == 1 {
            record(runs, text, page, body, n, start as usize, n);
            k += n;
            continue;
        }
        let c_len = sq.text[i + k..].chars().next().map_or(1, char::len_utf8);
        record(
            runs,
            text,
            page,
            body,
            c_len,
            start as usize,
            page_len as usize,
        );
        k += c_len;
    }
}

/// Adds one character (`len` bytes at `body` in the text, `page_len` at `start` in the page)
/// to the runs, joining the last run when both are verbatim and what lies between them in
/// the text and in the page is the same (a single space, usually).
fn record(
    runs: &mut Vec<SourceRun>,
    text: &str,
    page: &str,
    body: usize,
    len: usize,
    start: usize,
    page_len: usize,
) {
    if let Some(last) = runs.last_mut() {
        let (body_end, page_end) = (
            last.body_start + last.body_len,
            last.source_start + last.source_len,
        );
        if last.body_len == last.source_len
            && len == page_len
            && body >= body_end
            && start >= page_end
            && text.get(body_end..body) == page.get(page_end..start)
        {
            last.body_len = body + len - last.body_start;
            last.source_len = start + page_len - last.source_start;
            return;
        }
    }
    runs.push(SourceRun {
        body_start: body,
        body_len: len,
        source_start: start,
        source_len: page_len,
    });
}

#[cfg(test)]
mod tests {
    use crate::{extract, Hints};

    /// The page text a body range maps to, tags and all.
    fn back(page: &str, text: &str, piece: &str) -> Option<String> {
        let at = text.find(piece)?;
        let map = chorus_model::SourceMap {
            runs: super::align(page, text),
            decoded_from: None,
        };
        map.map(at..at + piece.len()).map(|r| page[r].to_string())
    }

    #[test]
    fn sentences_map_to_their_markup_with_references_and_inline_tags() {
        let page = "<html><head><title>Dam holds</title><style>p{}</style></head><body>\n\
            <nav>Home &amp; News</nav><article><p>The dam held through the night,\n   engineers \
            said <em>on Tuesday</em>.</p>\n<p>Residents &ldquo;can return&rdquo; home, the \
            council said &amp; schools stay closed.</p><!-- a comment --><p>A third one.</p>\
            </article></body></html>";
        let e = extract(page.as_bytes(), &Hints::default());
        let text = &e.text;
        assert!(text.contains("engineers said on Tuesday."), "{text}");
        assert_eq!(
            back(
                page,
                text,
                "The dam held through the night, engineers said on Tuesday."
            )
            .as_deref(),
            Some("The dam held through the night,\n   engineers said <em>on Tuesday</em>.")
        );
        assert_eq!(
            back(page, text, "“can return” home, the council said & schools").as_deref(),
            Some("&ldquo;can return&rdquo; home, the council said &amp; schools")
        );
        assert_eq!(
            back(page, text, "A third one.").as_deref(),
            Some("A third one.")
        );
        // The extractor's own map agrees, in the page's bytes.
        let at = text.find("A third").unwrap();
        let r = e.source_map.map(at..at + 12).unwrap();
        assert_eq!(&page[r], "A third one.");
        assert_eq!(e.source_map.decoded_from, None);
    }

    #[test]
    fn a_word_only_begun_elsewhere_is_not_taken_for_the_next_sentence() {
        // "A" must not be matched as the first letter of "Advertisement" standing between
        // the two paragraphs in the page.
        let page = "<p>First paragraph ends here.</p><div>Advertisement</div><p>A second one \
            begins.</p>";
        let text = "First paragraph ends here.\n\nA second one begins.";
        assert_eq!(
            back(page, text, "A second one begins.").as_deref(),
            Some("A second one begins.")
        );
        assert_eq!(
            back(page, text, "A second").map(|s| s.len()),
            Some("A second".len())
        );
    }

    #[test]
    fn a_piece_that_reaches_the_end_of_the_page_text_does_not_run_past_it() {
        // Found by the markup property test: the text's piece ends where the page's visible
        // text ends, and the next word boundary was looked up one past the end.
        let page = "Words, words, words. Words, words, words. <title><svg><text></title><p>\
            </svg><html lang=\"</title><";
        let e = extract(page.as_bytes(), &Hints::default());
        let _ = super::align(page, &e.text);
        let _ = super::align(page, "Words, words, words. Words, words, words. and more");
    }

    #[test]
    fn a_page_not_in_utf8_says_its_offsets_are_in_the_decoded_page() {
        let page = b"<meta charset=\"windows-1252\"><p>Caf\xe9 owners said the street reopened on \
            Monday after the works.</p>";
        let e = extract(page, &Hints::default());
        assert_eq!(e.source_map.decoded_from.as_deref(), Some("windows-1252"));
        let utf8 = "<meta charset=\"windows-1252\"><p>Caf\u{e9} owners";
        let e2 = extract(utf8.as_bytes(), &Hints::default());
        assert_eq!(e2.source_map.decoded_from, None);
        let bom = [
            b"\xEF\xBB\xBF".as_slice(),
            b"<p>Fire crews reached the hill farm at dawn.</p>",
        ]
        .concat();
        let e3 = extract(&bom, &Hints::default());
        assert_eq!(e3.source_map.decoded_from, None);
        let r = e3.source_map.map(0..4).unwrap();
        assert_eq!(&bom[r], b"Fire");
    }
}

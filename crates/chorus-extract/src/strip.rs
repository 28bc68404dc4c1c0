//! A byte-level pass before parsing that drops what never holds article text or metadata:
//! the contents of `<script>` (except JSON-LD), `<style>`, `<svg>` and `<noscript>`, and
//! comments, and attributes the extractor never reads (`src`, `data-*`, event handlers, ...).
//! Over half the bytes of a typical news page are these; the tree builder need not see them.
//! Elements stay (empty) so that the document's structure does not change.

/// Elements whose content is dropped; JSON-LD scripts are kept.
const EMPTIED: &[&str] = &["script", "style", "svg", "noscript", "template"];

/// Attributes the extractor reads; all others are dropped from start tags.
const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "style",
    "hidden",
    "aria-hidden",
    "role",
    "rel",
    "itemprop",
    "href",
    "content",
    "name",
    "property",
    "http-equiv",
    "charset",
    "lang",
    "xml:lang",
    "datetime",
    "type",
    "summary",
    "datatable",
    "pubdate",
];

/// `html` without the contents of [`EMPTIED`] elements, without comments, and with start
/// tags keeping only [`KEPT_ATTRIBUTES`].
pub(crate) fn strip(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0; // `html[..copied]` has been handled.
    let mut pos = 0;
    while let Some(off) = html[pos..].find('<') {
        let lt = pos + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            // A comment: up to `-->` (or the end of the input, as a parser would).
            let end = html[lt + 4..]
                .find("-->")
                .map_or(html.len(), |e| lt + 4 + e + 3);
            out.push_str(&html[copied..lt]);
            copied = end;
            pos = end;
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            pos = lt + 1;
            continue;
        }
        let name_end = lt
            + 1
            + rest
                .iter()
                .position(|&b| b == b'/' || b == b'>' || b.is_ascii_whitespace())
                .unwrap_or(rest.len());
        let Some(tag) = StartTag::scan(html, name_end) else {
            break; // An unterminated tag: the parser drops it; copy as is.
        };
        out.push_str(&html[copied..lt]);
        out.push_str(&html[lt..name_end]);
        let mut ld_json = false;
        for attr in &tag.attributes {
            let text = &html[attr.clone()];
            let name_len = text
                .find(|c: char| c == '=' || c.is_ascii_whitespace())
                .unwrap_or(text.len());
            let name = &text[..name_len];
            if KEPT_ATTRIBUTES.iter().any(|k| k.eq_ignore_ascii_case(name)) {
                out.push(' ');
                out.push_str(text);
                ld_json |= name.eq_ignore_ascii_case("type") && contains_ci(text, "ld+json");
            }
        }
        out.push_str(if tag.self_closing { "/>" } else { ">" });
        copied = tag.end;
        pos = tag.end;
        let name = &html[lt + 1..name_end];
        if let Some(emptied) = EMPTIED.iter().find(|n| n.eq_ignore_ascii_case(name)) {
            let content_end = find_close(html, tag.end, emptied).unwrap_or(html.len());
            if !(ld_json && *emptied == "script") {
                copied = content_end;
            }
            pos = content_end;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// A start tag's attributes (byte ranges of `name=value` as written) and where it ends.
struct StartTag {
    attributes: Vec<std::ops::Range<usize>>,
    self_closing: bool,
    /// Just past the closing `>`.
    end: usize,
}

impl StartTag {
    /// Scans the attributes after the tag name (which ends at `from`), as the HTML tokenizer
    /// does; `None` when the input ends inside the tag.
    fn scan(html: &str, from: usize) -> Option<StartTag> {
        let b = html.as_bytes();
        let mut i = from;
        let mut attributes = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            match b.get(i)? {
                b'>' => {
                    return Some(StartTag {
                        attributes,
                        self_closing,
                        end: i + 1,
                    })
                }
                _ => self_closing = false,
            }
            let start = i;
            // The name: a leading `=` belongs to it, as in the standard.
            i += 1;
            while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b.get(j) == Some(&b'=') {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                match b.get(j)? {
                    &q @ (b'"' | b'\'') => {
                        let close = html[j + 1..].find(q as char)?;
                        i = j + 1 + close + 1;
                    }
                    _ => {
                        i = j;
                        while i < b.len() && b[i] != b'>' && !b[i].is_ascii_whitespace() {
                            i += 1;
                        }
                    }
                }
            }
            attributes.push(start..i);
        }
    }
}

/// Start of `</name` (any case) at or after `from`.
fn find_close(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(off) = html[pos..].find("</") {
        let at = pos + off;
        let rest = &bytes[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            let after = rest.get(name.len()).copied().unwrap_or(b'>');
            if matches!(after, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                return Some(at);
            }
        }
        pos = at + 2;
    }
    None
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_contents_keeps_elements_and_json_ld() {
        let html = r#"<p>a<!-- c <p>x --></p><SCRIPT src="x>y">var s = "<p>no</p>";</script ><style>p{}</style><script type="application/ld+json">{"a":1}</script><svg><text>t</text></svg><p>b"#;
        assert_eq!(
            strip(html),
            r#"<p>a</p><SCRIPT></script ><style></style><script type="application/ld+json">{"a":1}</script><svg></svg><p>b"#
        );
        assert_eq!(strip("<script>never closed"), "<script>");
        assert_eq!(strip("<!-- open"), "");
        assert_eq!(strip("<scriptx>ok</scriptx><"), "<scriptx>ok</scriptx><");
        assert_eq!(strip("<style"), "<style");
        assert_eq!(
            strip(
                r#"<a data-x='1>2' HREF = "/a b" onclick=go() class=c/><img src=x.png alt="A">t"#
            ),
            r#"<a HREF = "/a b" class=c/><img>t"#
        );
        assert_eq!(strip("<div id=\"open"), "<div id=\"open");
    }
}

//! A byte-level pass before parsing that drops what never holds article text or metadata:
//! the contents of `<script>` (except JSON-LD), `<style>`, `<svg>` and `<noscript>`, and
//! comments, attributes the extractor never reads (`src`, `data-*`, event handlers, ...),
//! repeated attributes (the parser keeps the first) and those of end tags (which it ignores;
//! html5ever's tokenizer takes time quadratic in the number of their distinct names).
//! Over half the bytes of a typical news page are these; the tree builder need not see them.
//! Elements stay (empty) so that the document's structure does not change. Runs of whitespace
//! outside `<pre>` and kin become one space (everything that reads text collapses whitespace
//! anyway), and `href` and `style` values are cut to the part the extractor reads.

use html5ever::tendril::StrTendril;

/// What a start tag is to this pass.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Its content is dropped (JSON-LD scripts are kept); the name as written in lowercase.
    Emptied(&'static str),
    /// Its text is kept as written: `pre` and the elements the tokenizer treats alike.
    Verbatim,
    /// `<link>`: its `href` may be the canonical URL and is kept whole.
    Link,
    Other,
}

/// `name` in ASCII lowercase in `buf`, or `None` when it is longer than any name looked for.
fn lowercase<'b>(name: &[u8], buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, b) in out.iter_mut().zip(name) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

fn tag_kind(name: &str) -> TagKind {
    let mut buf = [0; 12];
    match lowercase(name.as_bytes(), &mut buf) {
        Some(b"script") => TagKind::Emptied("script"),
        Some(b"style") => TagKind::Emptied("style"),
        Some(b"svg") => TagKind::Emptied("svg"),
        Some(b"noscript") => TagKind::Emptied("noscript"),
        Some(b"template") => TagKind::Emptied("template"),
        Some(b"pre" | b"listing" | b"xmp" | b"plaintext" | b"textarea") => TagKind::Verbatim,
        Some(b"link") => TagKind::Link,
        _ => TagKind::Other,
    }
}

/// What happens to an attribute.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AttrKind {
    /// Dropped: the extractor never reads it.
    Drop,
    Keep,
    /// Kept, and tells whether a script is JSON-LD.
    Type,
    /// Cut to whether it starts with `#` (outside `<link>`).
    Href,
    /// Cut to whether it hides the element.
    Style,
}

/// The attributes the extractor reads are kept; all others are dropped. `lower` is the name
/// in lowercase ([`lowercase`]).
fn attr_kind(lower: Option<&[u8]>) -> AttrKind {
    match lower {
        Some(
            b"class" | b"id" | b"hidden" | b"aria-hidden" | b"role" | b"rel" | b"itemprop"
            | b"content" | b"name" | b"property" | b"http-equiv" | b"charset" | b"lang"
            | b"xml:lang" | b"datetime" | b"summary" | b"datatable" | b"pubdate",
        ) => AttrKind::Keep,
        Some(b"type") => AttrKind::Type,
        Some(b"href") => AttrKind::Href,
        Some(b"style") => AttrKind::Style,
        _ => AttrKind::Drop,
    }
}

/// The length of the tag name `bytes` start with: up to `/`, `>` or whitespace; `None` when
/// the input ends first.
fn name_len(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&b| b == b'/' || b == b'>' || is_space(b))
}

/// The whitespace of the HTML standard (the tokenizer turns `\r` into `\n`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether a `style` value hides its element (whitespace and ASCII case do not matter).
pub(crate) fn hides(style: &str) -> bool {
    let compact: Vec<u8> = if style.is_ascii() {
        style
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b'\x0b')
            .map(|b| b.to_ascii_lowercase())
            .collect()
    } else {
        style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase()
            .into_bytes()
    };
    compact.iter().enumerate().any(|(i, &c)| {
        c == b':'
            && ((compact[..i].ends_with(b"display") && compact[i + 1..].starts_with(b"none"))
                || (compact[..i].ends_with(b"visibility")
                    && compact[i + 1..].starts_with(b"hidden")))
    })
}

/// The output, and whether its text is copied as written.
struct Out {
    buf: String,
    /// Depth of open [`TagKind::Verbatim`] elements.
    verbatim: usize,
}

impl Out {
    fn push(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// Text from `from` up to the next `<` (or the end), which it returns. Outside
    /// [`TagKind::Verbatim`] elements each run of whitespace becomes one space, so that the
    /// tokenizer sees one character token instead of one per line break.
    fn text_to_lt(&mut self, html: &str, from: usize) -> usize {
        let b = html.as_bytes();
        if self.verbatim > 0 {
            let lt = html[from..].find('<').map_or(b.len(), |off| from + off);
            self.push(&html[from..lt]);
            return lt;
        }
        // A space at the end of the output joins a run at the start (a comment was dropped).
        let mut after_space = self.buf.as_bytes().last() == Some(&b' ');
        let mut kept = from; // `html[..kept]` has been handled.
        let mut i = from;
        while i < b.len() {
            let c = b[i];
            if c > b' ' {
                if c == b'<' {
                    break;
                }
                after_space = false;
                i += 1;
                // The rest of the word.
                i += b[i..]
                    .iter()
                    .position(|&c| c <= b' ' || c == b'<')
                    .unwrap_or(b.len() - i);
                continue;
            }
            if !is_space(c) {
                after_space = false;
                i += 1;
                continue;
            }
            let mut end = i + 1;
            // Indentation: eight spaces at a time.
            while b.get(end..end + 8) == Some(b"        ") {
                end += 8;
            }
            while end < b.len() && is_space(b[end]) {
                end += 1;
            }
            if c == b' ' && end == i + 1 && !after_space {
                // A lone space stays.
                after_space = true;
                i = end;
                continue;
            }
            self.buf.push_str(&html[kept..i]);
            if !after_space {
                self.buf.push(' ');
                after_space = true;
            }
            kept = end;
            i = end;
        }
        self.buf.push_str(&html[kept..i]);
        i
    }
}

/// The value of an attribute written as `text` (`name`, `name=value`, `name = "value"`) whose
/// name is `name_len` bytes long; `None` without a value.
fn attr_value(text: &str, name_len: usize) -> Option<&str> {
    let rest = text[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest
        .strip_prefix('=')?
        .trim_start_matches(|c: char| c.is_ascii_whitespace());
    match rest.as_bytes().first() {
        Some(b'"' | b'\'') => Some(&rest[1..rest.len() - 1]),
        _ => Some(rest),
    }
}

/// `html` without the contents of emptied elements, without comments, with start tags keeping
/// only the attributes the extractor reads, and with runs of whitespace collapsed outside
/// verbatim elements. Two attributes are shortened to what the extractor reads of them:
/// `href` (outside `<link>`) to whether it starts with `#`, and `style` to whether it hides
/// the element.
pub(crate) fn strip(html: &str) -> StrTendril {
    let bytes = html.as_bytes();
    let mut out = Out {
        buf: String::with_capacity(html.len() / 2),
        verbatim: 0,
    };
    let mut attributes = Vec::new();
    let mut seen: Vec<[u8; 12]> = Vec::new();
    let mut pos = 0; // `html[..pos]` has been handled.
    loop {
        let lt = out.text_to_lt(html, pos);
        if lt == html.len() {
            break;
        }
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            // A comment: up to `-->` (or the end of the input, as a parser would).
            pos = find_comment_end(html, lt + 4).unwrap_or(html.len());
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                // A doctype (its identifiers decide quirks mode) or a bogus comment: as is.
                let Some(gt) = html[lt..].find('>') else {
                    out.push(&html[lt..]);
                    break;
                };
                out.push(&html[lt..lt + gt + 1]);
                pos = lt + gt + 1;
                continue;
            }
            Some(b'/') if out.verbatim == 0 && rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                // An end tag: written without its attributes, which the parser ignores.
                let name_end = lt + 2 + name_len(&rest[1..]).unwrap_or(rest.len() - 1);
                let Some(tag) = StartTag::scan(html, name_end, &mut attributes) else {
                    out.push(&html[lt..]);
                    break;
                };
                out.push(&html[lt..name_end]);
                out.push(">");
                pos = tag.end;
                continue;
            }
            Some(b'/') => {
                if out.verbatim > 0 {
                    let name = &rest[1..];
                    if name_len(name).is_some_and(|len| {
                        std::str::from_utf8(&name[..len])
                            .is_ok_and(|n| tag_kind(n) == TagKind::Verbatim)
                    }) {
                        out.verbatim -= 1;
                    }
                }
                // The end tag itself is copied as text.
                out.push("</");
                pos = lt + 2;
                continue;
            }
            Some(b) if b.is_ascii_alphabetic() => {}
            _ => {
                out.push("<");
                pos = lt + 1;
                continue;
            }
        }
        let name_end = lt + 1 + name_len(rest).unwrap_or(rest.len());
        let Some(tag) = StartTag::scan(html, name_end, &mut attributes) else {
            // An unterminated tag: the parser drops it; copy as is.
            out.push(&html[lt..]);
            break;
        };
        let kind = tag_kind(&html[lt + 1..name_end]);
        out.push(&html[lt..name_end]);
        let mut ld_json = false;
        let mut written = false;
        // The kept names so far: only the first of duplicate attributes counts (the parser
        // drops the others).
        seen.clear();
        for attr in &attributes {
            let text = &html[attr.clone()];
            let name_len = text
                .find(|c: char| c == '=' || c.is_ascii_whitespace())
                .unwrap_or(text.len());
            let mut key = [0; 12];
            let attr = attr_kind(lowercase(&text.as_bytes()[..name_len], &mut key));
            if attr == AttrKind::Drop {
                continue;
            }
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            match attr {
                AttrKind::Drop | AttrKind::Keep => {}
                AttrKind::Type => ld_json |= contains_ci(text, "ld+json"),
                AttrKind::Style => match attr_value(text, name_len) {
                    Some(v) if v.contains('&') => {}
                    Some(v) if hides(v) => {
                        out.push(" style=\"display:none\"");
                        written = true;
                        continue;
                    }
                    _ => continue,
                },
                AttrKind::Href if kind != TagKind::Link => match attr_value(text, name_len) {
                    Some(v) if v.starts_with('#') => {
                        out.push(" href=\"#\"");
                        written = true;
                        continue;
                    }
                    Some(v) if !v.is_empty() && !v.starts_with('&') => {
                        out.push(" href=\"x\"");
                        written = true;
                        continue;
                    }
                    _ => {}
                },
                AttrKind::Href => {}
            }
            out.push(" ");
            out.push(text);
            written = true;
        }
        // A space keeps an unquoted last value from taking the slash.
        out.push(match (tag.self_closing, written) {
            (true, true) => " />",
            (true, false) => "/>",
            (false, _) => ">",
        });
        pos = tag.end;
        match kind {
            TagKind::Emptied(name) => {
                let content_end = find_close(html, tag.end, name).unwrap_or(html.len());
                if ld_json && name == "script" {
                    out.push(&html[tag.end..content_end]);
                }
                pos = content_end;
            }
            TagKind::Verbatim => out.verbatim += 1,
            TagKind::Link | TagKind::Other => {}
        }
    }
    StrTendril::from_slice(&out.buf)
}

/// Just past the `-->` that ends a comment whose text starts at `from`.
fn find_comment_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(off) = html[pos..].find('>') {
        let gt = pos + off;
        if gt >= from + 2 && &bytes[gt - 2..gt] == b"--" {
            return Some(gt + 1);
        }
        pos = gt + 1;
    }
    None
}

/// How a start tag ends.
struct StartTag {
    self_closing: bool,
    /// Just past the closing `>`.
    end: usize,
}

impl StartTag {
    /// Scans the attributes after the tag name (which ends at `from`), as the HTML tokenizer
    /// does, into `attributes` (byte ranges of `name=value` as written); `None` when the input
    /// ends inside the tag.
    fn scan(
        html: &str,
        from: usize,
        attributes: &mut Vec<std::ops::Range<usize>>,
    ) -> Option<StartTag> {
        let b = html.as_bytes();
        let mut i = from;
        attributes.clear();
        let mut self_closing = false;
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            match b.get(i)? {
                b'>' => {
                    return Some(StartTag {
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
    while let Some(off) = html[pos..].find('<') {
        let at = pos + off;
        if bytes.get(at + 1) != Some(&b'/') {
            pos = at + 1;
            continue;
        }
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
            &*strip(html),
            r#"<p>a</p><SCRIPT></script><style></style><script type="application/ld+json">{"a":1}</script><svg></svg><p>b"#
        );
        assert_eq!(&*strip("<script>never closed"), "<script>");
        assert_eq!(&*strip("<!-- open"), "");
        assert_eq!(&*strip("<!--> x -->y"), "y");
        assert_eq!(&*strip("<scriptx>ok</scriptx><"), "<scriptx>ok</scriptx><");
        assert_eq!(&*strip("<style"), "<style");
        assert_eq!(
            &*strip(
                r#"<a data-x='1>2' HREF = "/a b" onclick=go() class=c/><img src=x.png alt="A">t"#
            ),
            r#"<a href="x" class=c/><img>t"#
        );
        assert_eq!(&*strip("<div id=\"open"), "<div id=\"open");
        assert_eq!(&*strip("<br class=x />"), "<br class=x />");
        // Only the first of duplicate attributes counts, as in the parser.
        assert_eq!(
            &*strip("<p class=a ID=i CLASS=b class=c id=j type=x TYPE=application/ld+json>"),
            "<p class=a ID=i type=x>"
        );
        let many = format!("<p{}>x", " class=a".repeat(10_000));
        assert_eq!(&*strip(&many), "<p class=a>x");
        // End tags lose their attributes (outside verbatim text, where they are text).
        assert_eq!(
            &*strip("</p class=a>x</div / ><pre></b c=d></pre >"),
            "</p>x</div><pre></b c=d></pre >"
        );
    }

    #[test]
    fn collapses_whitespace_outside_pre() {
        assert_eq!(
            &*strip(
                "<!DOCTYPE  html>\n<p>\n  a \t b\r\n</p> <!-- c -->  <pre>\n x\n\n  y</PRE \n> z\n"
            ),
            "<!DOCTYPE  html> <p> a b </p> <pre>\n x\n\n  y</PRE > z "
        );
        assert_eq!(
            &*strip(
                "<script type=application/ld+json>{\n  \"a\":  1}</script>\n\n<textarea> a\n  b"
            ),
            "<script type=application/ld+json>{\n  \"a\":  1}</script> <textarea> a\n  b"
        );
        assert_eq!(&*strip("a\u{a0}\u{a0}b  <div"), "a\u{a0}\u{a0}b <div");
    }

    proptest::proptest! {
        #[test]
        fn text_collapses_like_split_whitespace(
            before in "[ a]?",
            s in "[ \t\n\r\x0b\x0ca\u{e9}\u{a0}]{0,40}",
        ) {
            let mut out = Out { buf: before.clone(), verbatim: 0 };
            proptest::prop_assert_eq!(out.text_to_lt(&s, 0), s.len());
            let mut want = before.clone();
            for c in s.chars() {
                let space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
                if !space {
                    want.push(c);
                } else if !want.ends_with(' ') {
                    want.push(' ');
                }
            }
            proptest::prop_assert_eq!(out.buf, want);
        }
    }

    #[test]
    fn style_that_hides() {
        assert!(hides("color:red; DISPLAY : no ne"));
        assert!(hides("visibility:\u{a0}hidden"));
        assert!(!hides("display:block; visibility: visible"));
        assert!(!hides("display:"));
        assert!(hides("x:y;display\n:\tNONE!important"));
        assert!(!hides("dis play:non"));
        assert!(hides("Visi bility : hid den"));
        assert!(!hides(":none"));
    }

    #[test]
    fn shortens_href_and_style() {
        assert_eq!(
            &*strip(
                r##"<a href='#top' HREF=/x><a href><a href=""><a href="&#35;x"><link rel=canonical href="/x">"##
            ),
            r##"<a href="#"><a href><a href=""><a href="&#35;x"><link rel=canonical href="/x">"##
        );
        assert_eq!(
            &*strip(
                r#"<p style="color: red"><p style="DISPLAY: none" style=""><p style><p style="x&#58;y">"#
            ),
            r#"<p><p style="display:none"><p><p style="x&#58;y">"#
        );
    }
}

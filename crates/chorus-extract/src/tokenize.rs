//! A tokenizer for the common case, in front of html5ever's tree builder.
//!
//! html5ever's own tokenizer reads a character at a time through a state machine built for
//! every corner of the standard; on the pages the [`strip`](crate::strip) pass leaves (no
//! comments, few attributes, whitespace collapsed) it was a third of the extraction time. This
//! one reads the same input by bytes, hands text to the tree builder as slices of the input
//! (no copy) and produces the same tokens for: text, character references (named, with or
//! without `;`, and numeric), start and end tags with attributes in any of their forms,
//! `DOCTYPE` with or without public and system ids, and the raw text of `<title>`,
//! `<textarea>`, `<style>`, `<script>` and kin.
//!
//! Anything else (a comment or a bogus one, a `CDATA` section, a script with `<!--` in it,
//! `<plaintext>`, a tag the input ends inside, a NUL anywhere) makes it stop where a token
//! starts: it returns the position and the tokenizer state there, and html5ever's tokenizer,
//! started in that state, takes the rest. The strip pass leaves none of these on all 130
//! pages of the readability set.
//!
//! So the tree is always the one html5ever alone builds; the tests check that on every page
//! of the readability set (stripped and as written) and on generated markup.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, State};
use html5ever::tokenizer::{
    BufferQueue, Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;
use html5ever::{data, ns, Attribute, LocalName, QualName};

/// Where html5ever's tokenizer takes over: at byte `at`, in `state`, with the name of the
/// last start tag (which decides the end tag that closes raw text).
#[derive(Debug)]
struct Handover {
    at: usize,
    state: State,
    last_start_tag: Option<LocalName>,
}

/// What a character reference at `&` turned into.
enum CharRef {
    /// The characters, and the byte just past the reference.
    Chars(StrTendril, usize),
    /// Not a reference: the `&` is text.
    Ampersand,
}

/// Whitespace inside tags: the standard's four, and `\r`, which the input stream turns into
/// `\n` before the tokenizer sees it.
fn is_tag_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

/// Tokenizes all of `html` into `sink` and ends it: the fast path as far as it goes, then
/// html5ever's tokenizer from where it stopped.
pub(crate) fn feed<S: TokenSink>(html: &StrTendril, sink: &S) {
    let handover = match tokenize(html, sink) {
        Ok(()) => {
            sink.end();
            return;
        }
        Err(handover) => handover,
    };
    let tokenizer = Tokenizer::new(
        Borrowed(sink),
        TokenizerOpts {
            initial_state: Some(handover.state),
            last_start_tag_name: handover.last_start_tag.map(|n| n.to_string()),
            ..TokenizerOpts::default()
        },
    );
    // html5ever drops a BOM wherever a feed starts: at the start of the page and after each
    // `</script>`. Where the handover starts, BOMs are text.
    let mut at = handover.at as u32;
    while html[at as usize..].starts_with('\u{feff}') {
        let bom = StrTendril::from_char('\u{feff}');
        let _ = sink.process_token(Token::CharacterTokens(bom), 1);
        at += 3;
    }
    let input = BufferQueue::default();
    if at < html.len32() {
        input.push_back(html.subtendril(at, html.len32() - at));
    }
    while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
}

/// A sink lent to html5ever's tokenizer, which wants to own one.
struct Borrowed<'a, S>(&'a S);

impl<S: TokenSink> TokenSink for Borrowed<'_, S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        self.0.process_token(token, line)
    }

    fn end(&self) {
        self.0.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.0
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Tokenizes `html` into `sink` up to the end (sending `EOFToken`; the caller then calls
/// `end`), or up to where html5ever's tokenizer must take over.
fn tokenize<S: TokenSink>(html: &StrTendril, sink: &S) -> Result<(), Handover> {
    let s: &str = html;
    let start = if s.starts_with('\u{feff}') { 3 } else { 0 };
    if memchr::memchr(0, s.as_bytes()).is_some() {
        // NUL is handled differently in every state; pages with one go the long way.
        return Err(Handover {
            at: start,
            state: State::Data,
            last_start_tag: None,
        });
    }
    let mut t = Tokens {
        html,
        s,
        sink,
        buf: String::new(),
    };
    t.run(start)?;
    let _ = sink.process_token(Token::EOFToken, 1);
    Ok(())
}

struct Tokens<'a, S> {
    html: &'a StrTendril,
    s: &'a str,
    sink: &'a S,
    /// Scratch space for lowercasing names and building values.
    buf: String,
}

impl<S: TokenSink> Tokens<'_, S> {
    fn run(&mut self, mut pos: usize) -> Result<(), Handover> {
        let b = self.s.as_bytes();
        let data = |at| Handover {
            at,
            state: State::Data,
            last_start_tag: None,
        };
        loop {
            let stop = memchr::memchr(b'<', &b[pos..]).map_or(b.len(), |r| pos + r);
            self.text(pos, stop, true);
            if stop == b.len() {
                return Ok(());
            }
            pos = match b.get(stop + 1) {
                Some(b'/') => match b.get(stop + 2) {
                    Some(b'>') => stop + 3, // `</>` is dropped.
                    Some(c) if c.is_ascii_alphabetic() => {
                        let (tag, end) = self.tag(stop, TagKind::EndTag).ok_or(data(stop))?;
                        self.end_tag(tag, end)
                    }
                    _ => return Err(data(stop)),
                },
                Some(b'!') => {
                    let (doctype, end) = doctype(self.s, stop).ok_or(data(stop))?;
                    let _ = self.sink.process_token(Token::DoctypeToken(doctype), 1);
                    end
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let (tag, end) = self.tag(stop, TagKind::StartTag).ok_or(data(stop))?;
                    let name = tag.name.clone();
                    match self.sink.process_token(Token::TagToken(tag), 1) {
                        TokenSinkResult::Continue | TokenSinkResult::Script(_) => end,
                        TokenSinkResult::RawData(kind) => self.raw(end, kind, name)?,
                        TokenSinkResult::Plaintext => {
                            return Err(Handover {
                                at: end,
                                state: State::Plaintext,
                                last_start_tag: Some(name),
                            })
                        }
                    }
                }
                Some(b'?') => return Err(data(stop)),
                // `<` before anything else is text.
                _ => {
                    self.chars(StrTendril::from_char('<'));
                    stop + 1
                }
            };
        }
    }

    fn chars(&self, text: StrTendril) {
        let _ = self.sink.process_token(Token::CharacterTokens(text), 1);
    }

    /// The text `html[from..to]` as character tokens: slices of the input, and the
    /// characters of references (when `references`) and of line breaks between them.
    fn text(&self, from: usize, to: usize, references: bool) {
        decode(self.s, from, to, references, false, |piece| match piece {
            Piece::Input(a, b) => self.chars(self.html.subtendril(a as u32, (b - a) as u32)),
            Piece::Chars(chars) => self.chars(chars),
        });
    }

    /// The raw text after a start tag that ends at `from` (RCDATA, RAWTEXT or script data)
    /// and the end tag that closes it; returns what follows.
    fn raw(&mut self, from: usize, kind: RawKind, name: LocalName) -> Result<usize, Handover> {
        let handover = |at| Handover {
            at,
            state: State::RawData(kind),
            last_start_tag: Some(name.clone()),
        };
        let Some(close) = find_end_tag(self.s, from, &name) else {
            return Err(handover(from));
        };
        let content = &self.s[from..close];
        if kind == RawKind::ScriptData && content.contains("<!--") {
            return Err(handover(from));
        }
        self.text(from, close, kind == RawKind::Rcdata);
        let (tag, end) = self
            .tag(close, TagKind::EndTag)
            .ok_or_else(|| handover(close))?;
        Ok(self.end_tag(tag, end))
    }

    /// Sends an end tag that ends at `end`; returns where reading goes on. After a
    /// `</script>`, html5ever's driver feeds the tokenizer again, and each feed drops a BOM
    /// it starts with: so does this.
    fn end_tag(&self, tag: Tag, end: usize) -> usize {
        match self.sink.process_token(Token::TagToken(tag), 1) {
            TokenSinkResult::Script(_) if self.s[end..].starts_with('\u{feff}') => end + 3,
            _ => end,
        }
    }

    /// The tag whose `<` is at `at` (`</` for an end tag), and the byte past its `>`; `None`
    /// when the input ends inside it.
    fn tag(&mut self, at: usize, kind: TagKind) -> Option<(Tag, usize)> {
        let b = self.s.as_bytes();
        let mut i = at + if kind == TagKind::EndTag { 2 } else { 1 };
        let name_start = i;
        while i < b.len() && !is_tag_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = self.atom(name_start, i);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut self_closing = false;
        // The before-attribute-name state.
        loop {
            while i < b.len() && is_tag_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                b'>' => break,
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        break;
                    }
                    continue;
                }
                _ => {}
            }
            // The name: its first character is part of it whatever it is (even `=`).
            let start = i;
            i += 1;
            while i < b.len() && !is_tag_space(b[i]) && !matches!(b[i], b'/' | b'=' | b'>') {
                i += 1;
            }
            let end = i;
            while i < b.len() && is_tag_space(b[i]) {
                i += 1;
            }
            let mut value = StrTendril::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_tag_space(b[i]) {
                    i += 1;
                }
                match *b.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let close = i + 1 + memchr::memchr(q, &b[i + 1..])?;
                        value = self.value(i + 1, close);
                        i = close + 1;
                        // After a quoted value, anything but space, `/` or `>` starts the
                        // next attribute (a parse error the loop's top handles alike).
                    }
                    b'>' => {}
                    _ => {
                        let start = i;
                        while i < b.len() && !is_tag_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        b.get(i)?;
                        value = self.value(start, i);
                    }
                }
            }
            // The tree builder never reads an end tag's attributes: they are not kept (nor
            // checked against each other, which takes time quadratic in their number).
            if kind == TagKind::EndTag {
                continue;
            }
            let name = self.atom(start, end);
            if !attrs.iter().any(|a| a.name.local == name) {
                attrs.push(Attribute {
                    name: QualName::new(None, ns!(), name),
                    value,
                });
            }
        }
        let tag = Tag {
            kind,
            name,
            self_closing,
            attrs,
        };
        Some((tag, i + 1))
    }

    /// `html[from..to]` in ASCII lowercase, as an atom.
    fn atom(&mut self, from: usize, to: usize) -> LocalName {
        let name = &self.s[from..to];
        if name.bytes().any(|c| c.is_ascii_uppercase()) {
            self.buf.clear();
            self.buf.push_str(name);
            self.buf.make_ascii_lowercase();
            LocalName::from(self.buf.as_str())
        } else {
            LocalName::from(name)
        }
    }

    /// An attribute value written as `html[from..to]`: references replaced and `\r` turned
    /// into `\n`; a slice of the input when there are neither.
    fn value(&self, from: usize, to: usize) -> StrTendril {
        if memchr::memchr2(b'&', b'\r', &self.s.as_bytes()[from..to]).is_none() {
            return self.html.subtendril(from as u32, (to - from) as u32);
        }
        let mut out = StrTendril::new();
        decode(self.s, from, to, true, true, |piece| match piece {
            Piece::Input(a, b) => out.push_slice(&self.s[a..b]),
            Piece::Chars(chars) => out.push_tendril(&chars),
        });
        out
    }
}

/// A piece of decoded text: a range of the input as written, or characters it stands for.
enum Piece {
    Input(usize, usize),
    Chars(StrTendril),
}

/// The text `s[from..to]` handed to `emit` in order, as the tokenizer reads it: `\r` and
/// `\r\n` become `\n`, and with `references` character references become what they stand
/// for (by the rules for attribute values when `in_attribute`). A reference never reaches
/// past `to`.
fn decode(
    s: &str,
    from: usize,
    to: usize,
    references: bool,
    in_attribute: bool,
    mut emit: impl FnMut(Piece),
) {
    let b = s.as_bytes();
    let mut pos = from;
    while pos < to {
        let next = if references {
            memchr::memchr2(b'&', b'\r', &b[pos..to])
        } else {
            memchr::memchr(b'\r', &b[pos..to])
        };
        let stop = next.map_or(to, |r| pos + r);
        if stop > pos {
            emit(Piece::Input(pos, stop));
        }
        if stop == to {
            break;
        }
        pos = if b[stop] == b'\r' {
            emit(Piece::Chars(StrTendril::from_char('\n')));
            if stop + 1 < to && b[stop + 1] == b'\n' {
                stop + 2
            } else {
                stop + 1
            }
        } else {
            match char_ref(&s[..to], stop, in_attribute) {
                CharRef::Chars(chars, end) => {
                    emit(Piece::Chars(chars));
                    end
                }
                CharRef::Ampersand => {
                    emit(Piece::Chars(StrTendril::from_char('&')));
                    stop + 1
                }
            }
        };
    }
}

/// The character reference at `at` (an `&`) in text: its characters and the byte past it,
/// or `None` when the `&` is just text.
pub(crate) fn reference_at(s: &str, at: usize) -> Option<(StrTendril, usize)> {
    match char_ref(s, at, false) {
        CharRef::Chars(chars, end) => Some((chars, end)),
        CharRef::Ampersand => None,
    }
}

/// The character reference at `at` (an `&`), as the standard reads it. A named reference is
/// the longest entity name the text starts with; without its `;` it still counts (the
/// legacy forms such as `&copy`), except in an attribute value when a letter, digit or `=`
/// follows (`?a=1&copy=2` stays as written).
fn char_ref(s: &str, at: usize, in_attribute: bool) -> CharRef {
    let b = s.as_bytes();
    match b.get(at + 1) {
        Some(b'#') => numeric(s, at),
        Some(c) if c.is_ascii_alphanumeric() => {
            // Extend the name while it is a prefix of some entity's (the table holds every
            // prefix, with 0 for those that are not names themselves).
            let mut i = at + 1;
            let mut found = None;
            while i < b.len() && b[i].is_ascii() {
                match data::NAMED_ENTITIES.get(&s[at + 1..=i]) {
                    Some(&m) => {
                        if m.0 != 0 {
                            found = Some((m, i + 1));
                        }
                        i += 1;
                    }
                    None => break,
                }
            }
            let Some(((c1, c2), end)) = found else {
                return CharRef::Ampersand;
            };
            if b[end - 1] != b';'
                && in_attribute
                && b.get(end)
                    .is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric())
            {
                return CharRef::Ampersand;
            }
            let mut out = StrTendril::new();
            for c in [c1, c2].into_iter().filter(|&c| c != 0) {
                out.push_char(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            CharRef::Chars(out, end)
        }
        _ => CharRef::Ampersand,
    }
}

/// `&#` at `at`: decimal or (`&#x`) hexadecimal digits and an optional `;`, with the
/// standard's replacements for values that are not characters.
fn numeric(s: &str, at: usize) -> CharRef {
    let b = s.as_bytes();
    let mut i = at + 2;
    let base = match b.get(i) {
        Some(b'x' | b'X') => {
            i += 1;
            16
        }
        _ => 10,
    };
    let digits_start = i;
    let mut value: u32 = 0;
    let mut too_big = false;
    while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(base)) {
        value = value.wrapping_mul(base).wrapping_add(d);
        too_big |= value > 0x10FFFF;
        i += 1;
    }
    if i == digits_start {
        // `&#` or `&#x` without digits: all of it is text.
        return CharRef::Chars(StrTendril::from_slice(&s[at..i]), i);
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        _ if too_big => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => data::C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    CharRef::Chars(StrTendril::from_char(c), i)
}

/// The `<` of the first `</name` (any case) at or after `from` that is followed by
/// whitespace, `/` or `>`: the end tag that closes raw text opened by `<name>`.
fn find_end_tag(s: &str, from: usize, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut pos = from;
    while let Some(off) = memchr::memmem::find(&b[pos..], b"</") {
        let at = pos + off;
        let rest = &b[at + 2..];
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && (is_tag_space(rest[name.len()]) || matches!(rest[name.len()], b'/' | b'>'))
        {
            return Some(at);
        }
        pos = at + 2;
    }
    None
}

/// A `<!DOCTYPE name>` at `at`, with an optional `PUBLIC "id" ["id"]` or `SYSTEM "id"`, and
/// the byte past it; `None` for anything else that starts with `<!`.
fn doctype(s: &str, at: usize) -> Option<(Doctype, usize)> {
    let b = s.as_bytes();
    let mut i = at + 2;
    if !b.get(i..i + 7)?.eq_ignore_ascii_case(b"doctype") {
        return None;
    }
    i += 7;
    let spaces = |i: &mut usize| {
        let from = *i;
        while *i < b.len() && is_tag_space(b[*i]) {
            *i += 1;
        }
        *i > from
    };
    if !spaces(&mut i) {
        return None;
    }
    let name_start = i;
    while i < b.len() && !is_tag_space(b[i]) && b[i] != b'>' {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = StrTendril::from_slice(&s[name_start..i].to_ascii_lowercase());
    let quoted = |i: &mut usize| -> Option<StrTendril> {
        let q = *b.get(*i)?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let end = *i + 1 + memchr::memchr(q, &b[*i + 1..])?;
        let id = &s[*i + 1..end];
        if id.contains('>') || id.contains('\r') {
            return None;
        }
        *i = end + 1;
        Some(StrTendril::from_slice(id))
    };
    spaces(&mut i);
    let keyword = b.get(i..i + 6).map(<[u8]>::to_ascii_lowercase);
    let (mut public_id, mut system_id) = (None, None);
    if b.get(i) != Some(&b'>') {
        match keyword.as_deref() {
            Some(b"public") => {
                i += 6;
                if !spaces(&mut i) {
                    return None;
                }
                public_id = Some(quoted(&mut i)?);
                let spaced = spaces(&mut i);
                if b.get(i) != Some(&b'>') {
                    if !spaced {
                        return None;
                    }
                    system_id = Some(quoted(&mut i)?);
                    spaces(&mut i);
                }
            }
            Some(b"system") => {
                i += 6;
                if !spaces(&mut i) {
                    return None;
                }
                system_id = Some(quoted(&mut i)?);
                spaces(&mut i);
            }
            _ => return None,
        }
    }
    if b.get(i) != Some(&b'>') {
        return None;
    }
    let doctype = Doctype {
        name: Some(name),
        public_id,
        system_id,
        force_quirks: false,
    };
    Some((doctype, i + 1))
}

#[cfg(test)]
mod tests {
    use crate::dom::{Dom, NodeData, NodeId};
    use html5ever::tendril::StrTendril;
    use proptest::prelude::*;
    use std::fmt::Write;

    /// The tree as text: every node with its tag, attributes in order and text.
    fn outline(dom: &Dom) -> String {
        fn walk(dom: &Dom, id: NodeId, depth: usize, out: &mut String) {
            let pad = " ".repeat(depth);
            match &dom.node(id).data {
                NodeData::Document => writeln!(out, "{pad}#document"),
                NodeData::Element { tag, attrs } => {
                    let attrs: Vec<String> = attrs
                        .iter()
                        .map(|a| format!("{:?}:{}={:?}", a.name.ns, a.name.local, &*a.value))
                        .collect();
                    writeln!(out, "{pad}<{tag:?}> {}", attrs.join(" "))
                }
                NodeData::Text(t) => writeln!(out, "{pad}{:?}", &**t),
                NodeData::Other => writeln!(out, "{pad}#other"),
            }
            .unwrap();
            for child in dom.children(id) {
                walk(dom, child, depth + 1, out);
            }
        }
        let mut out = String::new();
        walk(dom, 0, 0, &mut out);
        out
    }

    /// Both parsers' trees of `html`, as outlines.
    fn both(html: &str) -> (String, String) {
        let ours = outline(&Dom::parse_tendril(StrTendril::from_slice(html)));
        let theirs = outline(&Dom::parse_reference(StrTendril::from_slice(html)));
        (ours, theirs)
    }

    /// Whether `html` is tokenized to the end without html5ever's tokenizer.
    fn whole(html: &str) -> bool {
        let builder =
            html5ever::tree_builder::TreeBuilder::new(crate::dom::test_sink(), Default::default());
        super::tokenize(&StrTendril::from_slice(html), &builder).is_ok()
    }

    /// Each case gives html5ever's tree, and is read to the end without a handover or not.
    fn check(cases: &[&str], without_handover: bool) {
        for html in cases {
            let (ours, theirs) = both(html);
            assert_eq!(ours, theirs, "{html}");
            assert_eq!(whole(html), without_handover, "{html}");
        }
    }

    #[test]
    fn the_common_forms_need_no_handover_and_give_html5evers_tree() {
        let cases = [
            "<!DOCTYPE html><html lang=en><head><title>A &amp; B &#8217; &#x2014;</title></head>\
             <body><p class=\"x y\" id='z' data-k=v hidden>One &lt;two&gt;\r\nthree</p></body>",
            "<!doctype HTML PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \
             \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><p>x",
            "<!DOCTYPE html SYSTEM 'about:legacy-compat'><P CLASS=A Class=b>dup</P>",
            "<script type=\"application/ld+json\">{\"a\": \"</scrip\"}</SCRIPT ><p>after",
            "<textarea>\n&amp;<b>not a tag</b></textarea><style>p > a {}</style>",
            "<table><tr><td>cell<p>para</table><br/><img src=x alt = \"a&quot;b\" />",
            "a < b &c d &#; &#x; &#0; &#128; &#xD800; &#1114112; &nbsp; &NotANumber;&",
            "<a href=#top>x</a></><div/><p>1<p>2<ul><li>a<li>b</ul>",
            "<p>&copy 2024 &amp &notit; &ampx &c d</p>",
            "<p title=\"&copy=1&amp\">x</p><a href='?a=1&b=2&copy;'>y</a>",
            // html5ever drops a BOM that follows `</script>` (each feed starts by dropping one).
            "\u{feff}A<script>var a = '</scr' + 'ipt>';</script>\u{feff}\u{feff}b",
        ];
        check(&cases, true);
    }

    #[test]
    fn the_rest_is_handed_over_and_gives_html5evers_tree() {
        let cases = [
            "<p>a<!-- comment -->b</p>",
            "<?xml version=\"1.0\"?><p>x</p>",
            "<script>if (a <!-- b) { x = '</script>'; }</script><p>after",
            "<plaintext><p>all text</p>",
            "<p>NUL \0 here</p>",
            "<svg><![CDATA[x]]></svg>",
            "<p class=\"unterminated",
            "<title>never closed",
            "<!DOCTYPE>",
            "</ 3>",
            "<P CLASS=X Class=Y =z / ><plaintext>\u{feff}\u{feff}x",
        ];
        check(&cases, false);
    }

    #[test]
    fn every_readability_page_gives_html5evers_tree() {
        let Some(dir) = chorus_testdata::shared("readability-pages") else {
            return;
        };
        let entries = std::fs::read_dir(&dir).expect("the pages directory can be read");
        let (mut pages, mut stripped_whole) = (0, 0);
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path().join("source.html")) else {
                continue;
            };
            let source = crate::encoding::decode(&bytes, None);
            let stripped = crate::strip::strip(&source);
            for html in [&*stripped, &*source] {
                let (ours, theirs) = both(html);
                assert!(ours == theirs, "{}", entry.path().display());
            }
            pages += 1;
            stripped_whole += usize::from(whole(&stripped));
        }
        eprintln!("{pages} pages; {stripped_whole} stripped pages tokenized without handover");
        assert!(pages >= 100);
        // What strip leaves is what the fast path reads whole (a handover is the slow path).
        assert_eq!(stripped_whole, pages);
    }

    /// Pieces of markup, common and odd, that the generated pages are made of.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z .,\n\t]{1,12}",
            "[<>/!?&#;=\"' \r\n\ta-z0-9-]{1,8}",
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<div class=\"a b\" id=x>".to_string()),
            Just("</div>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("</table>".to_string()),
            Just("<b>".to_string()),
            Just("</i>".to_string()),
            Just("<br/>".to_string()),
            Just("<img src='x' alt=\"a&amp;b\">".to_string()),
            Just("<a href=?a=1&b=2 title=&quot;x&quot;>".to_string()),
            Just("<input value=\"&copy\" name=&amp>".to_string()),
            Just("<P CLASS=X Class=Y =z / >".to_string()),
            Just("<title>t &amp; &lt; </title>".to_string()),
            Just("<textarea>\n<b>&#169;</textarea>".to_string()),
            Just("<script>var a = '</scr' + 'ipt>';</script>".to_string()),
            Just("<script><!-- x </script>".to_string()),
            Just("<style>a > b {}</STYLE>".to_string()),
            Just("<svg><title>s</title><path d=1 /></svg>".to_string()),
            Just("<math><mi>x</mi></math>".to_string()),
            Just("<!DOCTYPE html>".to_string()),
            Just("<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">".to_string()),
            Just("<!-- c -->".to_string()),
            Just("<!x>".to_string()),
            Just("<?pi?>".to_string()),
            Just("</>".to_string()),
            Just("< p".to_string()),
            Just("&amp;&lt;&#39;&#x27;&#150;&#0;&nbsp;&bogus;&notin;&notit;&amp".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\0".to_string()),
            Just("\u{feff}".to_string()),
            Just("é€😀".to_string()),
            Just("<template><p>t</template>".to_string()),
            Just("<noscript><p>n</p></noscript>".to_string()),
            Just("<iframe><p>i</iframe>".to_string()),
            Just("<select><option>o<option>p</select>".to_string()),
            Just("<frameset><frame></frameset>".to_string()),
            Just("<plaintext>".to_string()),
            Just("<a".to_string()),
            Just("<p id=\"".to_string()),
            Just("<p\r\nclass='a\r\nb'\rid=c\r>".to_string()),
            Just("<a b='x'c=d e=f/>".to_string()),
            Just("<br / ><hr/ x>".to_string()),
            Just("</p foo=\"bar\"></P >".to_string()),
            Just("<title>a</title x><title>b</TITLE/>".to_string()),
            Just("&#x1F600;&#9;&#13;&#xffff;&#x110000;&#99999999999;".to_string()),
            Just("<div title=\"&lt&gt=&amp;x&#38\" data-a=&notin;>".to_string()),
            Just("<xmp><p>&amp;</xmp>".to_string()),
            Just("<noembed>&amp;</noembed>".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn generated_markup_gives_html5evers_tree(pieces in prop::collection::vec(piece(), 0..40)) {
            let html = pieces.concat();
            let (ours, theirs) = both(&html);
            prop_assert_eq!(ours, theirs, "{:?}", html);
        }

        #[test]
        fn markup_soup_gives_html5evers_tree(
            html in "[<>/!?&#;=\"' \r\n\tabpitlexmsrcyd0-9\u{0}\u{feff}\u{e9}-]{0,120}"
        ) {
            let (ours, theirs) = both(&html);
            prop_assert_eq!(ours, theirs, "{:?}", html);
        }
    }
}

//! RSS 2.0, RSS 1.0 (RDF), Atom (and JSON Feed) documents to [`FeedItem`]s through `feed-rs`;
//! each item becomes an [`Article`] whose body is the item's summary as plain text. An XML
//! document nested deeper than [`MAX_FEED_DEPTH`] is refused before `feed-rs` sees it: it
//! recurses over some nestings (`media:group`, `itunes:category`), and such a document
//! overflowed the stack. A document refused for a bare `&` or a reference to no character is
//! read again with those repaired.

use crate::error::FetchError;
use crate::text::html_to_text;
use chorus_model::Article;

/// One item of a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    pub title: Option<String>,
    /// The item's page (`<link>`, or Atom's `rel="alternate"` link).
    pub link: Option<String>,
    /// Publication (or else update) time, RFC 3339 in UTC (`2024-12-08T10:00:00Z`).
    pub published: Option<String>,
    /// The summary (or, when there is none, the content) as plain text.
    pub summary: String,
    /// The item's guid / Atom id; feed-rs derives one from the link when the feed has none.
    pub id: String,
    /// The feed's title; else the host of the feed URL or of the item's link.
    pub source: String,
    /// ISO 639-1 code from the item's or the feed's language, when given.
    pub language: Option<String>,
}

impl FeedItem {
    /// The item as an article: id = link (else guid), body = summary.
    pub fn to_article(&self) -> Article {
        Article {
            id: self.link.clone().unwrap_or_else(|| self.id.clone()),
            path: None,
            source: self.source.clone(),
            title: self.title.clone(),
            url: self.link.clone(),
            published: self.published.clone(),
            language: self.language.clone(),
            body: self.summary.clone(),
            body_offset: 0,
            source_map: None,
        }
    }
}

/// The deepest nesting of XML elements a feed may have. Feeds nest a few levels (an XHTML
/// summary some more); `feed-rs` recurses once per level over some elements.
pub const MAX_FEED_DEPTH: usize = 512;

/// Whether an XML document nests elements deeper than `limit` before its end or its first
/// error (where `feed-rs`, reading it the same way, stops too). Decoded as `feed-rs` decodes
/// it (byte-order mark, then the XML declaration).
fn nested_deeper_than(bytes: &[u8], limit: usize) -> bool {
    use quick_xml::events::Event;
    let mut reader =
        quick_xml::Reader::from_reader(quick_xml::encoding::DecodingReader::new(bytes));
    reader.config_mut().expand_empty_elements = false;
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(_)) => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// Parses a feed document. `feed_url` (where it came from) resolves relative links and names
/// the source when the feed has no title; errors name it (or `feed`).
pub fn parse_feed(bytes: &[u8], feed_url: Option<&str>) -> Result<Vec<FeedItem>, FetchError> {
    let json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    if !json && nested_deeper_than(bytes, MAX_FEED_DEPTH) {
        return Err(FetchError::Feed {
            url: feed_url.unwrap_or("feed").to_string(),
            reason: format!("elements nested deeper than {MAX_FEED_DEPTH}"),
        });
    }
    let parse = |b: &[u8]| {
        feed_rs::parser::Builder::new()
            .base_uri(feed_url)
            .build()
            .parse(b)
    };
    let feed = match parse(bytes) {
        Ok(feed) => feed,
        // One bare "&" or a reference to no character costs the feed, not its other items.
        Err(e) => match repaired_references(bytes)
            .filter(|_| !json)
            .map(|r| parse(&r))
        {
            Some(Ok(feed)) => feed,
            _ => {
                return Err(FetchError::Feed {
                    url: feed_url.unwrap_or("feed").to_string(),
                    reason: e.to_string(),
                })
            }
        },
    };
    let feed_title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let feed_language = feed.language.as_deref().and_then(language_code);
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = pick_link(&entry.links);
            let source = feed_title
                .clone()
                .or_else(|| feed_url.and_then(host_of))
                .or_else(|| link.as_deref().and_then(host_of))
                .unwrap_or_else(|| "feed".to_string());
            let summary = match (&entry.summary, &entry.content) {
                (Some(s), _) if !s.content.trim().is_empty() => text_of(s),
                (_, Some(c)) => c.body.as_deref().map(html_to_text).unwrap_or_default(),
                _ => String::new(),
            };
            FeedItem {
                title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
                link,
                published: entry
                    .published
                    .or(entry.updated)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                summary,
                id: entry.id,
                source,
                language: entry
                    .language
                    .as_deref()
                    .and_then(language_code)
                    .or_else(|| feed_language.clone()),
            }
        })
        .collect();
    Ok(items)
}

/// `bytes` with each `&` that opens no reference written `&amp;` ("AT&T") and each numeric
/// reference to what XML allows as no character (`&#0;`, `&#xD800;`, `&#99999999;`) written
/// U+FFFD; `None` when there is none. Feeds hold both, and XML readers refuse the whole
/// document for either.
fn repaired_references(bytes: &[u8]) -> Option<Vec<u8>> {
    let allowed = |c: u32| matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF);
    let mut out = Vec::with_capacity(bytes.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'&' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let rest = &bytes[i + 1..bytes.len().min(i + 34)];
        let body = rest.iter().position(|&b| b == b';').map(|end| &rest[..end]);
        let numeric = body.and_then(|b| b.strip_prefix(b"#")).map(|n| {
            let (digits, radix) = match n.strip_prefix(b"x").or_else(|| n.strip_prefix(b"X")) {
                Some(hex) => (hex, 16),
                None => (n, 10),
            };
            std::str::from_utf8(digits)
                .ok()
                .and_then(|d| u32::from_str_radix(d, radix).ok())
        });
        let named = body.is_some_and(|b| {
            b.first().is_some_and(u8::is_ascii_alphabetic)
                && b.iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        });
        match (body, numeric) {
            (Some(b), Some(Some(c))) if allowed(c) => {
                out.extend_from_slice(&bytes[i..i + b.len() + 2]);
                i += b.len() + 2;
            }
            (Some(b), Some(_)) => {
                out.extend_from_slice(b"&#xFFFD;");
                changed = true;
                i += b.len() + 2;
            }
            (Some(b), None) if named => {
                out.extend_from_slice(&bytes[i..i + b.len() + 2]);
                i += b.len() + 2;
            }
            _ => {
                out.extend_from_slice(b"&amp;");
                changed = true;
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// Plain text of a feed text construct (HTML or plain).
fn text_of(text: &feed_rs::model::Text) -> String {
    if text
        .content_type
        .to_string()
        .to_ascii_lowercase()
        .contains("plain")
    {
        // Some RSS feeds put markup in plain-typed fields: convert anyway when it looks so.
        if text.content.contains('<') || text.content.contains('&') {
            return html_to_text(&text.content);
        }
        return text
            .content
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    html_to_text(&text.content)
}

/// The item's page: the first `alternate` (or rel-less) link, else the first link.
fn pick_link(links: &[feed_rs::model::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

fn host_of(url: &str) -> Option<String> {
    let url = reqwest::Url::parse(url).ok()?;
    let host = url.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// `en-US` → `en`.
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3)
        .contains(&primary.len())
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

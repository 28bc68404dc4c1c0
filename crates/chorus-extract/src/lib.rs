//! Main content and metadata of HTML pages. Bytes are decoded ([`encoding`]), parsed by
//! html5ever into an arena ([`dom`]), read for metadata ([`meta`], [`date`]), and the article
//! body is found by scoring blocks ([`content`]) and rendered as paragraphs ([`text`]).
//!
//! ```
//! let html = b"<html><head><title>Dam holds | Valley Post</title></head><body>\
//!     <p>The dam held through the night, engineers said on Tuesday, after a week of rain.</p></body></html>";
//! let page = chorus_extract::extract(html, &chorus_extract::Hints::default());
//! assert_eq!(page.title.as_deref(), Some("Dam holds | Valley Post"));
//! assert!(page.text.starts_with("The dam held"));
//! ```

mod content;
mod date;
mod dom;
mod encoding;
mod meta;
mod source_map;
mod strip;
mod text;
mod tokenize;

use chorus_model::SourceMap;
use serde_json::json;
use std::io::Read;

pub use dom::MAX_DEPTH;
pub use meta::host_of;

/// What a page is about and its article text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601: `YYYY-MM-DDTHH:MM:SS±HH:MM`, without a zone when the page gives none, or a
    /// plain `YYYY-MM-DD`. Kept in the publisher's zone.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// Language tag as the page declares it (e.g. `en-GB`).
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    /// The article body: paragraphs separated by a blank line; empty when none was found.
    pub text: String,
    /// Where `text`'s pieces stand in the page (see [`SourceMap`]).
    pub source_map: SourceMap,
    /// The page nested elements deeper than [`MAX_DEPTH`]: what lay deeper was read as if it
    /// stood at that depth. Callers say so (see [`Extracted::warning`]).
    pub flattened: bool,
}

impl Extracted {
    /// What a reader of this page should be told besides its text, if anything.
    pub fn warning(&self) -> Option<String> {
        self.flattened.then(|| {
            format!(
                "elements nested deeper than {MAX_DEPTH} were flattened (their text kept at \
                 that depth)"
            )
        })
    }

    /// The JSON object `chorus extract` prints (every key present, `null` when unknown).
    pub fn to_json(&self, path: &str) -> serde_json::Value {
        json!({
            "path": path,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "site_name": self.site_name,
            "language": self.language,
            "canonical_url": self.canonical_url,
            "text": self.text,
        })
    }
}

/// What is known about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// Where the page was fetched from: resolves relative canonical links, gives a date.
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header: its charset wins over the page's own declaration.
    pub content_type: Option<&'a str>,
}

/// Why compressed input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("broken gzip data ({0}); hint: the file may be truncated")]
    Gzip(std::io::Error),
    #[error("decompressed data is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
}

pub type Result<T, E = ExtractError> = std::result::Result<T, E>;

/// Extracts metadata and article text from an HTML page. Never fails: a page without an
/// article gives empty text.
pub fn extract(html: &[u8], hints: &Hints<'_>) -> Extracted {
    let (source, encoding) = encoding::decode_named(html, hints.content_type);
    let dom = dom::Dom::parse_tendril(strip::strip(&source));
    let flattened = dom.flattened;
    let meta = meta::read(&dom, hints.url);
    let body = content::extract(&dom, meta.title.as_deref(), meta.byline.is_none());
    // Offsets into the decoded page are the page's own when decoding changed no byte (but a
    // UTF-8 byte-order mark dropped in front).
    let decoded = source.as_bytes();
    let shift = if html == decoded {
        Some(0)
    } else {
        html.strip_suffix(decoded)
            .filter(|bom| *bom == b"\xEF\xBB\xBF")
            .map(<[u8]>::len)
    };
    let mut runs = source_map::align(&source, &body.text);
    if let Some(shift) = shift {
        for r in &mut runs {
            r.source_start += shift;
        }
    }
    let source_map = SourceMap {
        runs,
        decoded_from: match shift {
            Some(_) => None,
            None if encoding == "UTF-8" => Some("UTF-8, with its invalid bytes replaced".into()),
            None => Some(encoding.to_string()),
        },
    };
    drop(source);
    Extracted {
        title: meta.title,
        byline: meta.byline.or(body.byline),
        published: meta.published,
        site_name: meta.site_name,
        language: meta.language,
        canonical_url: meta.canonical_url,
        text: body.text,
        source_map,
        flattened,
    }
}

/// Feeds `html` (a page or a fragment) to `sink` as html5ever's tokenizer would, after the
/// same pre-pass as [`extract`]: comments and the contents of scripts (but JSON-LD), styles,
/// SVG and `<noscript>` are gone, and attributes the extractor does not read. For readers of
/// HTML that need tokens, not a tree (feed summaries to text); the sink's `end` is called.
pub fn html_tokens<S: html5ever::tokenizer::TokenSink>(html: &str, sink: &S) {
    tokenize::feed(&strip::strip(html), sink);
}

/// Decompresses gzip data (all members), refusing more than `limit` bytes of output.
///
/// The output is counted first, streamed and kept nowhere, so a bomb is refused at the cost
/// of reading it, not of holding it (a growing buffer, copied as it doubles, had a 10 MB bomb
/// peak at 810 MB against a 256 MB limit); what passes is decompressed again into a buffer
/// of exactly its size.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>> {
    let size = std::io::copy(
        &mut flate2::read::MultiGzDecoder::new(bytes).take(limit.saturating_add(1)),
        &mut std::io::sink(),
    )
    .map_err(ExtractError::Gzip)?;
    if size > limit {
        return Err(ExtractError::TooLarge { limit });
    }
    let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(ExtractError::Gzip)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(html: &str, expect: Expect) {
        let e = extract(
            html.as_bytes(),
            &Hints {
                url: Some("https://news.example/2024/12/08/story"),
                content_type: None,
            },
        );
        let got = format!(
            "title={:?} byline={:?} published={:?} site={:?} lang={:?} canonical={:?}\n{}",
            e.title, e.byline, e.published, e.site_name, e.language, e.canonical_url, e.text
        );
        expect.assert_eq(&got);
    }

    const PARA: &str = "The river rose through the night, and by morning the old town was under water, officials said.";

    #[test]
    fn article_is_found_among_furniture() {
        let html = format!(
            r#"<html lang="en"><head><title>Floods hit the old town overnight - Valley Post</title>
            <meta property="og:site_name" content="Valley Post"></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="cookie-banner">We use cookies. Accept all cookies to continue reading this site.</div>
            <div id="main"><article class="story">
              <h1>Floods hit the old town overnight</h1>
              <p class="byline">By Ann Writer</p>
              <p>{PARA}</p><p>{PARA} Hundreds of homes were evacuated by boat, the mayor said.</p>
              <div class="share-tools"><a href="https://t.example/s">Share on X</a> <a href="https://f.example/s">Facebook</a></div>
              <p>{PARA} Schools will stay closed until Friday at the earliest.</p><p>{PARA} {PARA}</p>
              <ul class="related"><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
            </article></div>
            <div class="sidebar"><h3>Most read</h3><ul><li><a href="/c">Celebrity news item</a></li></ul></div>
            <footer>Copyright Valley Post. All rights reserved.</footer></body></html>"#
        );
        check(
            &html,
            expect![[r#"
                title=Some("Floods hit the old town overnight") byline=Some("By Ann Writer") published=Some("2024-12-08") site=Some("Valley Post") lang=Some("en") canonical=Some("https://news.example/2024/12/08/story")
                The river rose through the night, and by morning the old town was under water, officials said.

                The river rose through the night, and by morning the old town was under water, officials said. Hundreds of homes were evacuated by boat, the mayor said.

                The river rose through the night, and by morning the old town was under water, officials said. Schools will stay closed until Friday at the earliest.

                The river rose through the night, and by morning the old town was under water, officials said. The river rose through the night, and by morning the old town was under water, officials said."#]],
        );
    }

    #[test]
    fn empty_and_textless_pages_give_empty_text() {
        check(
            "",
            expect![[r#"
                title=None byline=None published=Some("2024-12-08") site=None lang=None canonical=Some("https://news.example/2024/12/08/story")
            "#]],
        );
    }

    #[test]
    fn gzip_round_trip_and_truncation() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(PARA.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip(&gz, 1 << 20).unwrap(), PARA.as_bytes());
        let err = gunzip(&gz[..gz.len() / 2], 1 << 20).unwrap_err();
        assert!(err.to_string().contains("gzip"), "{err}");
        assert!(matches!(
            gunzip(&gz, 10),
            Err(ExtractError::TooLarge { .. })
        ));
        assert!(gunzip(b"not gzip at all", 100).is_err());
    }

    /// Issue #25, item 4: a page nested deeper than any real one is read in linear time
    /// (the bench `nesting` times it), its text kept, and it says it was flattened; a page
    /// as deep as `MAX_DEPTH` is read as it is.
    #[test]
    fn issue_25_deeply_nested_pages_are_flattened_with_a_warning() {
        let nested = |open: &str, close: &str, depth: usize| {
            format!(
                "<html><body>{}<p>{PARA}</p>{}<p>After the nesting.</p></body></html>",
                open.repeat(depth),
                close.repeat(depth)
            )
        };
        let cases = [
            (nested("<div>", "</div>", 100_000), true),
            (
                nested("<table><tr><td>", "</td></tr></table>", 10_000),
                true,
            ),
            (nested("<div><span>", "</span></div>", 5_000), true),
            (
                format!("<html><body>{}<p>{PARA}", "<div>".repeat(100_000)),
                true,
            ),
            (nested("<div>", "</div>", 500), false),
        ];
        for (html, flattened) in cases {
            let e = extract(html.as_bytes(), &Hints::default());
            let head = &html[..40];
            assert_eq!(e.flattened, flattened, "{head}");
            assert!(e.text.starts_with(PARA), "{head}: {:.100}", e.text);
            assert_eq!(e.warning().is_some(), flattened);
        }
        let deep = "<div>".repeat(1_000);
        let warning = extract(deep.as_bytes(), &Hints::default()).warning();
        assert_eq!(
            warning.as_deref(),
            Some("elements nested deeper than 512 were flattened (their text kept at that depth)")
        );
    }
}

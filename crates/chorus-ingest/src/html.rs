//! HTML pages (`.html`, `.htm`, `.html.gz`, and the `html` field of JSON records) become
//! articles through `chorus-extract`: its metadata fills what the input does not give, its
//! main text is the body.

use crate::{detect_language, normalize_date, IngestError, Result};
use chorus_extract::{extract, gunzip, Extracted, Hints};
use chorus_model::Article;

/// What the input itself says about a page (JSON fields); these win over the page's metadata.
#[derive(Debug, Default)]
pub(crate) struct Given {
    pub(crate) title: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) language: Option<String>,
}

/// Checks that page bytes look like a page: not empty, not binary (UTF-16 pages carry a BOM).
fn check_page(bytes: &[u8]) -> Result<()> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let has_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !has_bom && bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(IngestError::Binary);
    }
    Ok(())
}

/// Decompresses (when `gzipped`) and extracts a page read from a file.
pub(crate) fn extract_file_bytes(
    bytes: &[u8],
    gzipped: bool,
    limit: u64,
    url: Option<&str>,
) -> Result<Extracted> {
    let owned;
    let bytes = if gzipped {
        owned = gunzip(bytes, limit).map_err(|e| IngestError::Gzip(e.to_string()))?;
        &owned[..]
    } else {
        bytes
    };
    check_page(bytes)?;
    Ok(extract(
        bytes,
        &Hints {
            url,
            content_type: None,
        },
    ))
}

/// Builds the article for an extracted page. `fallback_source` names the outlet when neither
/// the input, the page nor its URL does (an unknown outlet is its own outlet).
pub(crate) fn article_from_page(
    id: &str,
    page: Extracted,
    given: Given,
    fallback_source: &str,
) -> Result<Article> {
    if page.text.trim().is_empty() {
        return Err(IngestError::NoMainText);
    }
    let url = given
        .url
        .filter(|u| !u.trim().is_empty())
        .or(page.canonical_url);
    let source = given
        .source
        .filter(|s| !s.trim().is_empty())
        .or(page.site_name)
        .or_else(|| url.as_deref().and_then(chorus_extract::host_of))
        .unwrap_or_else(|| chorus_model::unknown_outlet(fallback_source));
    let published = given
        .published
        .filter(|p| !p.trim().is_empty())
        .map(|p| normalize_date(&p).unwrap_or(p))
        .or(page.published);
    let language = given
        .language
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            page.language.as_deref().and_then(|l| {
                let primary = l
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                (primary.len() == 2 || primary.len() == 3).then_some(primary)
            })
        })
        .or_else(|| detect_language(&page.text));
    Ok(Article {
        id: id.to_string(),
        path: None,
        source,
        title: given.title.filter(|t| !t.trim().is_empty()).or(page.title),
        url,
        published,
        language,
        body: page.text,
        // The body is extracted text, not a slice of the input: the source map says where
        // its pieces stand in the page.
        body_offset: 0,
        source_map: Some(page.source_map),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head>
        <title>Dam holds after a week of heavy rain | Valley Post</title>
        <meta property="article:published_time" content="2026-03-14T09:30:00+01:00">
        <link rel="canonical" href="https://valley.example/news/dam-holds"></head>
        <body><nav><a href="/">Home</a></nav><article>
        <p>The dam held through the night, engineers said on Tuesday, after a week of rain that filled the reservoir to the brim.</p>
        <p>Residents downstream were told they could return home, although schools will stay closed until Friday, the council said.</p>
        <p>Engineers will inspect the spillway again on Wednesday morning, and the road over the dam stays closed until then.</p>
        <p>The reservoir last came this close to overflowing in 1998, when two villages were evacuated for a week.</p>
        </article></body></html>"#;

    fn check(page: &[u8], gz: bool, given: Given, expect: Expect) {
        let got = extract_file_bytes(page, gz, 1 << 20, None)
            .and_then(|p| article_from_page("a.html", p, given, "a"));
        let shown = match got {
            Ok(a) => format!(
                "source={} title={:?} url={:?} published={:?} language={:?}\n{}",
                a.source, a.title, a.url, a.published, a.language, a.body
            ),
            Err(e) => format!("error: {e}"),
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn page_metadata_fills_the_article() {
        check(
            PAGE.as_bytes(),
            false,
            Given::default(),
            expect![[r#"
                source=valley.example title=Some("Dam holds after a week of heavy rain") url=Some("https://valley.example/news/dam-holds") published=Some("2026-03-14T09:30:00+01:00") language=Some("en")
                The dam held through the night, engineers said on Tuesday, after a week of rain that filled the reservoir to the brim.

                Residents downstream were told they could return home, although schools will stay closed until Friday, the council said.

                Engineers will inspect the spillway again on Wednesday morning, and the road over the dam stays closed until then.

                The reservoir last came this close to overflowing in 1998, when two villages were evacuated for a week."#]],
        );
    }

    #[test]
    fn given_fields_win_and_gzip_is_read() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(PAGE.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let given = Given {
            source: Some("Valley Post".into()),
            published: Some("14 March 2026".into()),
            ..Given::default()
        };
        let a = extract_file_bytes(&gz, true, 1 << 20, None)
            .and_then(|p| article_from_page("a.html.gz", p, given, "a"))
            .unwrap();
        assert_eq!(a.source, "Valley Post");
        assert_eq!(a.published.as_deref(), Some("2026-03-14"));
        check(
            &gz[..gz.len() / 2],
            true,
            Given::default(),
            expect!["error: cannot decompress: broken gzip data (incomplete deflate stream); hint: the file may be truncated"],
        );
    }

    #[test]
    fn empty_binary_and_textless_pages_are_errors() {
        check(
            b"  \n",
            false,
            Given::default(),
            expect!["error: empty input: no text to read"],
        );
        check(
            b"<html>\0\0\0",
            false,
            Given::default(),
            expect!["error: binary data (NUL bytes), not a text article"],
        );
        check(
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            false,
            Given::default(),
            expect!["error: no article text found in the HTML page"],
        );
    }
}

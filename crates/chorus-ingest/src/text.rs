//! Plain-text and Markdown articles: an optional `Key: value` header block ended by a blank
//! line, then the body. Without a header the first line is the title when it reads like one.

use crate::{detect_language, IngestError, Result};
use chorus_model::Article;
use std::path::Path;

const KNOWN_KEYS: &[&str] = &[
    "title",
    "source",
    "url",
    "published",
    "language",
    "date",
    "author",
    "byline",
    "outlet",
    "link",
    "lang",
    "id",
];

pub(crate) fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.split_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// Splits `Key: value` off a header line when the key is plausible.
fn header_field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    if key.is_empty()
        || key.len() > 24
        || !key
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    Some((key.to_ascii_lowercase(), value.trim()))
}

/// Parses one text article. `id` names it; `stem` is the outlet when no `Source:` is given.
pub fn parse_text(id: &str, stem: &str, content: &str) -> Result<Article> {
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let mut body_start = 0;
    // Header: leading `Key: value` lines, the first with a known key, ended by a blank line.
    let mut fields = Vec::new();
    let mut pos = 0;
    let mut header_ok = false;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            header_ok = !fields.is_empty();
            pos += line.len();
            break;
        }
        match header_field(trimmed) {
            Some((key, value)) if !fields.is_empty() || KNOWN_KEYS.contains(&key.as_str()) => {
                fields.push((key, value.to_string()));
            }
            _ => break,
        }
        pos += line.len();
    }
    if header_ok {
        body_start = pos;
        for (key, value) in fields {
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "title" => article.title = Some(value),
                "source" | "outlet" => article.source = value,
                "url" | "link" => article.url = Some(value),
                "published" | "date" => article.published = normalize_date(&value).or(Some(value)),
                "language" | "lang" => article.language = Some(value.to_ascii_lowercase()),
                _ => {}
            }
        }
    } else if let Some((title, next)) = headline(content) {
        article.title = Some(title);
        body_start = next;
    }
    let body = &content[body_start..];
    if body.trim().is_empty() {
        return Err(IngestError::EmptyBody);
    }
    let given = Some(std::mem::take(&mut article.source));
    article.source = crate::outlet::resolve(given, article.url.as_deref(), body, stem);
    article.body = body.to_string();
    article.body_offset = body_start;
    if article.language.is_none() {
        article.language = detect_language(body);
    }
    Ok(article)
}

/// The first line as a title when it reads like a headline: short, no final period, and more
/// text follows.
fn headline(content: &str) -> Option<(String, usize)> {
    let lead = content.len() - content.trim_start().len();
    let rest = &content[lead..];
    let end = rest.find('\n')?;
    let line = rest[..end].trim();
    let words = line.split_whitespace().count();
    let final_stop = line.ends_with(['.', ':', ';', ',']);
    if line.is_empty() || words > 20 || line.len() > 160 || final_stop {
        return None;
    }
    if rest[end..].trim().is_empty() {
        return None;
    }
    Some((line.to_string(), lead + end + 1))
}

/// Normalises a date to RFC 3339 (with time) or `YYYY-MM-DD` (date only); `None` if unknown.
pub fn normalize_date(value: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let v = value.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return Some(d.to_rfc3339());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.to_rfc3339());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(d.and_utc().to_rfc3339());
        }
    }
    for fmt in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%d %b %Y",
        "%b %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(v, fmt) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(content: &str, expect: Expect) {
        let got = match parse_text("a.txt", "a", content) {
            Ok(a) => format!(
                "source={} title={:?} url={:?} published={:?} language={:?} offset={}\n{}",
                a.source, a.title, a.url, a.published, a.language, a.body_offset, a.body
            ),
            Err(e) => format!("error: {e}"),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn header_block_is_read() {
        check(
            "Title: Bridge closes\nSource: Valley Tribune\nURL: https://v.example/1\nPublished: 2026-03-14T09:30:00Z\n\nThe bridge closed on Monday after engineers found cracks in its deck.\n",
            expect![[r#"
                source=Valley Tribune title=Some("Bridge closes") url=Some("https://v.example/1") published=Some("2026-03-14T09:30:00+00:00") language=Some("en") offset=102
                The bridge closed on Monday after engineers found cracks in its deck.
            "#]],
        );
    }

    #[test]
    fn without_header_the_first_short_line_is_the_title() {
        check(
            "Bridge closes after cracks found\nThe bridge closed on Monday after engineers found cracks.\n",
            expect![[r#"
                source=outlet unknown (a) title=Some("Bridge closes after cracks found") url=None published=None language=Some("en") offset=33
                The bridge closed on Monday after engineers found cracks.
            "#]],
        );
        check(
            "Read more: Latest updates\nText.",
            expect![[r#"
                source=outlet unknown (a) title=Some("Read more: Latest updates") url=None published=None language=None offset=26
                Text."#]],
        );
    }

    #[test]
    fn a_sentence_first_line_is_body_and_empty_bodies_fail() {
        check(
            "Syria's president has arrived in Moscow, state media said.\nMore text.",
            expect![[r#"
                source=outlet unknown (a) title=None url=None published=None language=Some("en") offset=0
                Syria's president has arrived in Moscow, state media said.
                More text."#]],
        );
        check(
            "Title: Only a header\n\n  \n",
            expect!["error: no article text after the header block"],
        );
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(normalize_date("2024-12-08").as_deref(), Some("2024-12-08"));
        assert_eq!(
            normalize_date("8 December 2024").as_deref(),
            Some("2024-12-08")
        );
        assert_eq!(
            normalize_date("2024-12-08T10:00:00+02:00").as_deref(),
            Some("2024-12-08T10:00:00+02:00")
        );
        assert_eq!(normalize_date("yesterday"), None);
    }
}

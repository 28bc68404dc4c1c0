//! Publication dates: the many spellings found in meta tags, JSON-LD and `<time>` normalised to
//! ISO 8601 without moving them to another time zone (so the day stays the publisher's day),
//! and dates written into URL paths.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Normalises `value` to `YYYY-MM-DDTHH:MM:SS±HH:MM`, `YYYY-MM-DDTHH:MM:SS` (no zone given) or
/// `YYYY-MM-DD`; `None` when it is not a date.
pub(crate) fn normalize(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.len() > 64 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return Some(d.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(v, fmt) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    let without_zone = v.strip_suffix(" UTC").or_else(|| v.strip_suffix(" GMT"));
    if let Some(naive) = without_zone {
        if let Some(d) = naive_datetime(naive) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S+00:00").to_string());
        }
    }
    if let Some(d) = naive_datetime(v) {
        return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
    }
    for fmt in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y.%m.%d",
        "%Y%m%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%b %d, %Y",
        "%b %d %Y",
        "%b. %d, %Y",
        "%d.%m.%Y",
        "%A, %B %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(v, fmt) {
            return plausible(d).then(|| d.format("%Y-%m-%d").to_string());
        }
    }
    // An ISO date followed by something unparseable: the day is still known.
    if v.len() > 10 && v.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d") {
            return plausible(d).then(|| d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

fn naive_datetime(v: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(v, fmt).ok())
}

fn plausible(d: NaiveDate) -> bool {
    use chrono::Datelike;
    (1990..=2100).contains(&d.year())
}

/// A date written into a URL path: `/2024/12/08/`, `/2024-12-08/`, `/20241208/`.
pub(crate) fn from_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for w in parts.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (num(w[0], 4), month_or_day(w[1]), month_or_day(w[2]))
        {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d).filter(|&d| plausible(d)) {
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
    }
    for part in &parts {
        for piece in part.split(['_', '.']) {
            if piece.len() >= 10 {
                for start in 0..=piece.len() - 10 {
                    let Some(cand) = piece.get(start..start + 10) else {
                        continue;
                    };
                    if let Ok(d) = NaiveDate::parse_from_str(cand, "%Y-%m-%d") {
                        let before_ok = start == 0 || !piece.as_bytes()[start - 1].is_ascii_digit();
                        let after_ok = piece
                            .as_bytes()
                            .get(start + 10)
                            .is_none_or(|b| !b.is_ascii_digit());
                        if before_ok && after_ok && plausible(d) {
                            return Some(d.format("%Y-%m-%d").to_string());
                        }
                    }
                }
            }
            if let Some(n) = num(piece, 8) {
                let (y, m, d) = (n / 10000, n / 100 % 100, n % 100);
                if let Some(date) =
                    NaiveDate::from_ymd_opt(y as i32, m, d).filter(|&d| plausible(d))
                {
                    return Some(date.format("%Y-%m-%d").to_string());
                }
            }
        }
    }
    None
}

fn month_or_day(s: &str) -> Option<u32> {
    (matches!(s.len(), 1 | 2) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_normalise_without_changing_zone() {
        let cases = [
            (
                "2021-11-01T10:52:50+0100",
                Some("2021-11-01T10:52:50+01:00"),
            ),
            (
                "2019-01-03T07:00:02.000Z",
                Some("2019-01-03T07:00:02+00:00"),
            ),
            ("2018-04-05T06:00", Some("2018-04-05T06:00:00")),
            ("2017-11-03 03:01:00.000000", Some("2017-11-03T03:01:00")),
            ("2024-06-25", Some("2024-06-25")),
            (
                "Fri, 24 Jul 2015 05:36:09 +0100",
                Some("2015-07-24T05:36:09+01:00"),
            ),
            ("July 24, 2015", Some("2015-07-24")),
            ("2015-07-24T05:36:09 something", Some("2015-07-24")),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            from_url("https://x.example/news/2024/12/08/story").as_deref(),
            Some("2024-12-08")
        );
        assert_eq!(
            from_url("https://x.example/a/story-2024-12-08.html").as_deref(),
            Some("2024-12-08")
        );
        assert_eq!(
            from_url("https://x.example/20241208/story").as_deref(),
            Some("2024-12-08")
        );
        assert_eq!(from_url("https://x.example/2024/12/story"), None);
        assert_eq!(from_url("https://x.example/12345678901/story"), None);
    }
}

//! Time proximity: day numbers of published dates and the damping of similarity between
//! articles or events that lie far apart in time (events go stale).

use std::collections::HashMap;
use std::hash::Hash;

/// Day number (days since 1970-01-01) of a `YYYY-MM-DD…` date.
pub fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (proleptic Gregorian), after H. Hinnant.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// The month (1-12) an English month name or its usual abbreviation stands for.
fn month(word: &str) -> Option<i64> {
    if word.len() < 3 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let m = chorus_text::MONTH_NAMES.iter().position(|m| {
        *m == lower || (lower.len() >= 3 && lower.len() <= 4 && m.starts_with(&*lower))
    })?;
    // "May" as a short form is the month itself; "Mar" or "Sept" abbreviate.
    Some(m as i64 + 1)
}

/// The day a text names as its latest full date ("December 8, 2024", "8 December 2024",
/// "Dec. 8, 2024", "2024-12-08"): for an article without a publication date, the day it
/// is most likely about. Dates without a year, and years alone, are not enough to place it.
pub fn text_day(text: &str) -> Option<i64> {
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    // Whether two tokens stand next to each other in one date (", ", ". ", " ", "-").
    let close = |a: (usize, &str), b: (usize, &str)| {
        text.get(a.0 + a.1.len()..b.0).is_some_and(|gap| {
            gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '-'))
        })
    };
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| -> Option<i64> {
        (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let year = |w: &str| number(w, 4..=4).filter(|y| (1900..=2100).contains(y));
    let day_of = |w: &str| {
        let w = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
            .unwrap_or(w);
        number(w, 1..=2).filter(|d| (1..=31).contains(d))
    };
    let mut latest: Option<i64> = None;
    for k in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[k], words[k + 1], words[k + 2]);
        if !(close(a, b) && close(b, c)) {
            continue;
        }
        let ymd = if let (Some(m), Some(d), Some(y)) = (month(a.1), day_of(b.1), year(c.1)) {
            Some((y, m, d))
        } else if let (Some(d), Some(m), Some(y)) = (day_of(a.1), month(b.1), year(c.1)) {
            Some((y, m, d))
        } else if let (Some(y), Some(m), Some(d)) =
            (year(a.1), number(b.1, 2..=2), number(c.1, 2..=2))
        {
            // ISO dates only with hyphens: "2024-12-08".
            text.get(a.0 + 4..c.0)
                .is_some_and(|g| g == format!("-{}-", b.1))
                .then_some((y, m, d))
        } else {
            None
        };
        if let Some((y, m, d)) = ymd {
            if let Some(day) = day_number(&format!("{y:04}-{m:02}-{d:02}")) {
                latest = Some(latest.map_or(day, |l| l.max(day)));
            }
        }
    }
    latest
}

/// Days between two spans of days (0 when they overlap); `None` when either is undated.
pub fn days_apart(
    a_first: Option<i64>,
    a_last: Option<i64>,
    b_first: Option<i64>,
    b_last: Option<i64>,
) -> Option<f32> {
    let (af, al, bf, bl) = (a_first?, a_last?, b_first?, b_last?);
    let gap = if al < bf {
        bf - al
    } else if bl < af {
        af - bl
    } else {
        0
    };
    Some(gap as f32)
}

/// 1 within `max_days`, then falling with the square of the distance; 1 when undated.
pub fn time_factor(apart: Option<f32>, max_days: f32) -> f32 {
    match apart {
        Some(d) if d > max_days => (max_days / d).powi(2),
        _ => 1.0,
    }
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01): the inverse of [`day_number`]
/// (civil from days, after H. Hinnant).
pub fn date_of_day(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Brings incidents K times closer together, as in a denser period, keeping each one's own
/// days: `dates` pairs each date (`YYYY-MM-DD…`) with its incident, an incident's first day
/// moves toward the earliest so that its offset from it is a K-th of what it was (whole days,
/// rounded down), and its other dates move with it (any time of day kept). Dividing every
/// date instead would put reports of one incident up to K days apart on one day and its
/// follow-up a year on within a month, which a denser period does not: it has more incidents
/// a day, each reported over its own days. For evaluations of grouping where incidents of one
/// kind come close (`cargo xtask eval cluster --compress K`).
pub fn compress_dates<I: Hash + Eq + Copy>(dates: &mut [(&mut String, I)], k: i64) {
    let mut starts: HashMap<I, i64> = HashMap::new();
    for (date, incident) in dates.iter() {
        if let Some(d) = day_number(date) {
            let start = starts.entry(*incident).or_insert(d);
            *start = (*start).min(d);
        }
    }
    let Some(&first) = starts.values().min() else {
        return;
    };
    for (date, incident) in dates.iter_mut() {
        if let Some(d) = day_number(date) {
            let start = starts[&*incident];
            let moved = first + (start - first) / k.max(1) + (d - start);
            date.replace_range(..10, &date_of_day(moved));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_of_day_is_the_inverse_of_day_number() {
        for date in [
            "1970-01-01",
            "2000-02-29",
            "2013-12-31",
            "2015-03-01",
            "2024-12-08",
        ] {
            assert_eq!(date_of_day(day_number(date).unwrap()), date);
        }
    }

    #[test]
    fn compressed_incidents_come_k_times_closer_and_keep_their_days() {
        let mut dates = [
            ("2013-01-13T08:00:00Z", 1),
            ("2013-01-01", 0),
            ("2013-01-12", 1),
            ("2013-03-02", 2),
            ("2013-01-02", 0),
            ("2014-01-01", 0),
            ("2013-01-12", 3),
        ]
        .map(|(d, i)| (String::from(d), i));
        let mut refs: Vec<(&mut String, usize)> = dates.iter_mut().map(|(d, i)| (d, *i)).collect();
        compress_dates(&mut refs, 12);
        let moved: Vec<&str> = dates.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(
            moved,
            [
                // Incident 1 starts 11 days after the first, now 0: its next report
                // stays a day after its first, so two incidents share a day.
                "2013-01-02T08:00:00Z",
                "2013-01-01",
                "2013-01-01",
                // 60 days on, now 5.
                "2013-01-06",
                // Incident 0's second day stays its second, its follow-up a year on.
                "2013-01-02",
                "2014-01-01",
                "2013-01-01",
            ]
        );
    }

    #[test]
    fn full_dates_in_text_place_an_undated_article() {
        let day = |s: &str| day_number(s);
        for (text, expected) in [
            (
                "DAMASCUS, Dec. 8, 2024 (Reuters) - Rebels entered",
                day("2024-12-08"),
            ),
            (
                "On 8 December 2024 he left; on March 3, 2011 it began.",
                day("2024-12-08"),
            ),
            ("Filed 2013-01-02 by staff", day("2013-01-02")),
            ("He was born on July 4th, 1976.", day("1976-07-04")),
            // No year, or a year alone, or a word that only looks like a month.
            ("December 8 (Reuters) - Assad arrived on Sunday", None),
            ("In 2012 the war went on.", None),
            ("You may 8, 2012 not", None),
            ("Score 2013-1-2", None),
        ] {
            assert_eq!(text_day(text), expected, "{text}");
        }
    }

    #[test]
    fn days_and_damping() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(days_apart(Some(1), Some(3), Some(2), Some(9)), Some(0.0));
        assert_eq!(days_apart(Some(1), Some(3), Some(10), Some(12)), Some(7.0));
        assert_eq!(days_apart(None, None, Some(1), Some(1)), None);
        assert_eq!(time_factor(Some(3.0), 7.0), 1.0);
        assert!((time_factor(Some(14.0), 7.0) - 0.25).abs() < 1e-6);
        assert_eq!(time_factor(None, 7.0), 1.0);
    }
}

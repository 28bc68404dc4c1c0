//! Time proximity: day numbers of published dates and the damping of similarity between
//! articles or events that lie far apart in time (events go stale).

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

#[cfg(test)]
mod tests {
    use super::*;

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

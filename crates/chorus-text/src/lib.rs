//! Text primitives every stage shares: whitespace/Unicode normalisation that keeps an offset
//! map, sentence segmentation, word tokens, stop words and stems.

mod distance;
mod normalize;
mod sentences;
mod terms;
mod union_find;
mod vector;

pub use distance::edit_distance;
pub use normalize::{normalize_into, normalized};
pub use sentences::sentences;
pub use terms::{
    index_words, is_stopword, language_code, push_lower_word, stopword_list, words, Terms,
};
pub use union_find::UnionFind;
pub use vector::{cosine, unit, SparseVector};

/// Number words read as values: every stage reads "seven", "forty" or "dozen" with this one list.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// The value of a number word ("Seven", "forty", "dozen"), whatever its case; a number written
/// in two words ("twenty-four") is its two words' values, which the caller adds.
pub fn number_word_value(w: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(w))
        .map(|x| x.1)
}

/// The English month names, January first: the one list the stages read dates with.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The segments of a title between the separators sites put between a headline, its section
/// and the site's name: " | ", " - ", " – ", " — ", " :: ", " : ", " « ", " » ", each trimmed.
/// Empty ones left out.
pub fn title_segments(title: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " : ", " « ", " » "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.iter().map(|p| p.trim()).collect()
}

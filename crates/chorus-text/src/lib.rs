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

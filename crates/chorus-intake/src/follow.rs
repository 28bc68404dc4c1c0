//! Follow-ups of closed events. An incident goes quiet and its event closes; weeks or months
//! later an arrest, a charge, a trial or a funeral is reported, naming the same victims,
//! suspects and places. A new article that names something (two capitalised words: a person,
//! a business, a street) that only a few stored events name reopens those events for the
//! refresh, so the grouping weighs the follow-up against them as if they had stayed open (and
//! joins it only on the evidence a follow-up needs). A name many events share ("Barack
//! Obama", "Police Department") says nothing of which incident an article follows, and
//! reopens nothing.

use chorus_model::Article;
use chorus_store::{Collection, Result};
use std::collections::{BTreeSet, HashSet};

/// A name shared by more stored events than this is no sign of which one an article follows.
pub(crate) const MAX_EVENTS_NAMED: usize = 3;

/// At most this many names are looked up in one refresh (the rarest first is not known
/// before; a batch beyond it is a bulk import, where events are open anyway).
const MAX_LOOKUPS: usize = 5_000;

/// The names an article's text holds, as pairs of adjacent capitalised words ("Tyron Jones",
/// "Kenwood Bar"): neither a stop word, a weekday or month, or a word such as "Street",
/// "County" or "Police" that many names share.
pub(crate) fn names(text: &str) -> Vec<String> {
    const NOT_SURNAMES: &[&str] = &[
        "Street",
        "Avenue",
        "Road",
        "Drive",
        "Lane",
        "County",
        "City",
        "Park",
        "Police",
        "Department",
        "School",
        "High",
        "University",
        "Hospital",
        "Church",
        "Center",
        "The",
        "And",
        "Jr",
        "Sr",
    ];
    // Dates, not names ("Monday March", "Friday May").
    let calendar = |w: &str| {
        let lower = w.to_lowercase();
        chorus_text::MONTH_NAMES.contains(&lower.as_str())
            || chorus_text::WEEKDAY_NAMES.contains(&lower.as_str())
    };
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.len() >= 2
            && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-')
    };
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    let mut names = Vec::new();
    for pair in words.windows(2) {
        let ((at, given), (next_at, surname)) = (pair[0], pair[1]);
        // Adjacent words: one space between them, no punctuation.
        let gap = &text[at + given.len()..next_at];
        if gap != " "
            || !capitalised(given)
            || !capitalised(surname)
            || chorus_text::is_stopword(&given.to_lowercase())
            || chorus_text::is_stopword(&surname.to_lowercase())
            || NOT_SURNAMES.contains(&surname)
            || NOT_SURNAMES.contains(&given)
            || calendar(given)
            || calendar(surname)
        {
            continue;
        }
        names.push(format!("{given} {surname}"));
    }
    names
}

/// The closed events that the new articles' names lead back to: for each name (see
/// [`names`]), the stored events whose articles hold it as a phrase, when at most
/// [`MAX_EVENTS_NAMED`] do (`Collection::events_with_phrases`).
pub(crate) fn events_named(
    collection: &dyn Collection,
    pending: &[Article],
    closed: &HashSet<&str>,
) -> Result<BTreeSet<String>> {
    let names: BTreeSet<String> = pending
        .iter()
        .flat_map(|a| names(&a.body))
        .take(MAX_LOOKUPS)
        .collect();
    let names: Vec<String> = names.into_iter().collect();
    let mut found = BTreeSet::new();
    for events in collection.events_with_phrases(&names, MAX_EVENTS_NAMED + 1)? {
        if events.len() > MAX_EVENTS_NAMED {
            continue;
        }
        found.extend(events.into_iter().filter(|e| closed.contains(e.as_str())));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_two_capitalised_words() {
        let text = "Michael Jones, 24, was shot on Kenwood Street. Police Chief Maria Lopez said \
                    the suspect, Jordan. Smith, fled. Jordan Street was closed.";
        assert_eq!(names(text), ["Michael Jones", "Chief Maria", "Maria Lopez"]);
    }
}

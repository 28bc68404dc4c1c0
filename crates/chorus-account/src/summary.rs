//! The account: an extractive summary within a word budget. Sentences score by centrality
//! across articles, corroboration and early position, times their fitness as prose
//! (`candidate.rs`); they are taken best first, skipping any too similar to one already chosen
//! or too long for the words left, and shown in reading order (lead sentences first). Each
//! chosen sentence cites every outlet whose sentence states the same fact.

use crate::facts::Fact;
use crate::statement::{probability, Claim};
use crate::{AccountConfig, Units};
use chorus_model::AccountSentence;

/// Words as a reader counts them (the budget's unit).
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Which fact of `facts` each unit is in.
fn fact_of(n: usize, facts: &[Fact]) -> Vec<usize> {
    let mut fact_of = vec![0usize; n];
    for (f, fact) in facts.iter().enumerate() {
        for &u in &fact.units {
            fact_of[u] = f;
        }
    }
    fact_of
}

/// `facts` are the report's (each sentence cites the outlets of its fact); `likely` groups
/// sentences that probably state one thing (`redundant_statement`), which ranks sentences by
/// how many outlets say them and keeps the account from saying one thing twice.
pub(crate) fn select(
    units: &Units,
    claims: &[Claim],
    facts: &[Fact],
    likely: &[Fact],
    config: &AccountConfig,
) -> Vec<AccountSentence> {
    let n = units.units.len();
    if n == 0 {
        return Vec::new();
    }
    let fact_of_report = fact_of(n, facts);
    let fact_of = fact_of(n, likely);
    let central = &units.centrality;
    let max_c = central.iter().copied().fold(0f32, f32::max).max(1e-6);
    let fitness: Vec<f32> = claims.iter().map(|c| c.fitness).collect();
    let outlets: Vec<f32> = likely
        .iter()
        .map(|f| f.independent(units).0.len() as f32)
        .collect();
    let w = &config.summary;
    let scores: Vec<f32> = (0..n)
        .map(|u| {
            let unit = &units.units[u];
            let outlets = outlets[fact_of[u]];
            let position = 1.0 / (1.0 + unit.position as f32).sqrt();
            (w.centrality * central[u] / max_c
                + w.corroboration * (outlets - 1.0).min(3.0)
                + w.position * position)
                * fitness[u]
        })
        .collect();
    let mut chosen = choose(units, claims, &fact_of, &fitness, &scores, config);
    // Reading order: leads before later sentences, each article's sentences in their order.
    chosen.sort_by_key(|&u| (units.units[u].position, units.units[u].article));
    chosen
        .into_iter()
        .map(|u| {
            let fact = &facts[fact_of_report[u]];
            let mut members = vec![u];
            members.extend(fact.units.iter().copied().filter(|&v| v != u));
            let mut sources: Vec<String> = Vec::new();
            for &m in &members {
                let s = units.units[m].source;
                if !sources.iter().any(|x| x == s) {
                    sources.push(s.to_string());
                }
            }
            AccountSentence {
                text: units.units[u].text.to_string(),
                sources,
                citations: members.iter().map(|&m| units.citation(m)).collect(),
            }
        })
        .collect()
}

/// Whether a sentence opens on a word that points back at something said before it ("He
/// said…", "Others ransacked…", "The source said…"), gives its words to a pronoun ("“Our
/// members are tired of promises,” he said."), or opens a quotation it does not close (the
/// first sentence of a longer quote, "“We buy feed week to week.", whose speaker comes
/// after it): out of its article, in an account of several, what it needs is missing, so such
/// a sentence is not chosen.
fn leans_on_what_came_before(text: &str) -> bool {
    if said_by_a_pronoun(text) || opens_an_unclosed_quote(text) {
        return true;
    }
    let mut words = chorus_text::words(text).map(|w| w.1);
    let first = words.next().unwrap_or("");
    const POINTING: &[&str] = &[
        "he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "this", "these",
        "those", "others", "another", "both", "such",
    ];
    if POINTING.iter().any(|p| first.eq_ignore_ascii_case(p)) {
        return true;
    }
    first.eq_ignore_ascii_case("the")
        && words.next().is_some_and(|w| {
            [
                "source",
                "sources",
                "official",
                "spokesman",
                "spokeswoman",
                "statement",
            ]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
        })
        && text.len() < 200
}

/// Whether a sentence opens with a quotation mark and leaves the quotation open (an odd
/// number of straight double quotes, or more opening than closing curly ones).
pub(crate) fn opens_an_unclosed_quote(text: &str) -> bool {
    let t = text.trim_start();
    let straight = t.matches('"').count();
    let (open, close) = (t.matches('“').count(), t.matches('”').count());
    t.starts_with(['"', '“']) && (straight % 2 == 1 || open > close)
}

/// Whether a sentence closes a quotation it did not open: the last part of a quote the
/// sentence splitter cut ("Then it moved,” Ms Sundqvist said."): more closing than opening
/// curly quotes, or an odd number of straight ones with none before its first word.
pub(crate) fn closes_an_unopened_quote(text: &str) -> bool {
    let t = text.trim_start();
    let straight = t.matches('"').count();
    let (open, close) = (t.matches('“').count(), t.matches('”').count());
    close > open || (straight % 2 == 1 && !t.starts_with('"'))
}

/// Whether the sentence's last clause, after its last comma or closing quotation mark, is a
/// short attribution to a pronoun ("…,” he said.", "…, she added on Monday.").
fn said_by_a_pronoun(text: &str) -> bool {
    let cut = text.rfind([',', '”', '"', '’']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut words = chorus_text::words(&text[cut..]).map(|w| w.1);
    let Some(first) = words.next() else {
        return false;
    };
    ["he", "she", "they"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
        && cut > 0
        && words.count() <= 5
}

/// Best first: one sentence per fact, none redundant with an earlier choice, each fitting in the
/// words left; only to reach `min_sentences` may the budget stretch, by a tenth at most.
fn choose(
    units: &Units,
    claims: &[Claim],
    fact_of: &[usize],
    fitness: &[f32],
    scores: &[f32],
    config: &AccountConfig,
) -> Vec<usize> {
    let n = units.units.len();
    let mut order: Vec<usize> = (0..n)
        .filter(|&u| fitness[u] > 0.0 && !leans_on_what_came_before(units.units[u].text))
        .collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_facts = Vec::new();
    let mut words = 0;
    for u in order {
        if chosen.len() >= config.max_sentences {
            break;
        }
        let f = fact_of[u];
        if used_facts.contains(&f) {
            continue;
        }
        let len = word_count(units.units[u].text);
        let limit = if chosen.len() < config.min_sentences {
            config.words + config.words / 10
        } else {
            config.words
        };
        if words + len > limit && !chosen.is_empty() {
            continue;
        }
        if chosen.iter().any(|&c| {
            units.cosine(c, u) > config.redundancy
                || probability(units, claims, c, u) >= config.redundant_statement
        }) {
            continue;
        }
        chosen.push(u);
        used_facts.push(f);
        words += len;
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::leans_on_what_came_before as leans;

    #[test]
    fn words_given_to_a_pronoun_lean_on_what_came_before() {
        assert!(leans("“Our members are tired of promises,” he said."));
        assert!(leans("The dam will hold, she added on Monday."));
        assert!(leans("\"We will rebuild,\" they told reporters."));
        assert!(leans("He said the dam would hold."));
        assert!(leans("“We buy feed week to week."));
        assert!(leans("\"We buy feed week to week."));
        assert!(!leans(
            "“We buy feed week to week,” said Colm Ashdown, a farmer."
        ));
        assert!(!leans(
            "“Our members are tired of promises,” Yusuf Al Mansouri said."
        ));
        assert!(!leans("The dam held, engineers said, and he went home to his family in the valley after the night shift ended."));
        assert!(!leans(
            "Police said the man, who they believe acted alone, was arrested."
        ));
    }
}

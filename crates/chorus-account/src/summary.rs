//! The account: an extractive summary within a word budget. Sentences score by centrality
//! across articles, corroboration and early position, times their fitness as prose
//! (`candidate.rs`); they are taken best first, skipping any too similar to one already chosen
//! or too long for the words left, and shown in reading order (lead sentences first); a
//! sentence that leans on the one before it in its article ("But …", "The two …", a pronoun)
//! comes only with that one, just before it. Each chosen sentence cites every outlet whose
//! sentence states the same fact.

use crate::facts::Fact;
use crate::statement::{probability, Claim};
use crate::{AccountConfig, Units};
use chorus_model::AccountSentence;
use std::collections::HashMap;

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
    let chosen = choose(units, claims, &fact_of, &fitness, &scores, config);
    reading_order(units, &chosen)
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
/// said…", "Others ransacked…", "The source said…", "The two were charged…"), on a connective
/// that answers it ("But…", "Meanwhile…"), or on the speaker of a quotation it does not open
/// ("We all ran to the closet.”"); gives its words to a pronoun ("“Our members are tired of
/// promises,” he said."); or opens a quotation it does not close (the first sentence of a
/// longer quote, "“We buy feed week to week.", whose speaker comes after it) or ends one it
/// did not open (see [`ends_a_quote_it_did_not_open`]): out of its article, in an account of
/// several, what it needs is missing, so such a sentence is chosen only with the one before it
/// (see [`choose`]).
fn leans_on_what_came_before(text: &str) -> bool {
    if said_by_a_pronoun(text)
        || opens_an_unclosed_quote(text)
        || ends_a_quote_it_did_not_open(text)
    {
        return true;
    }
    const POINTING: &[&str] = &[
        "he",
        "she",
        "they",
        "it",
        "his",
        "her",
        "their",
        "its",
        "him",
        "them",
        "this",
        "that",
        "these",
        "those",
        "others",
        "another",
        "both",
        "such",
        "but",
        "and",
        "yet",
        "however",
        "also",
        "still",
        "meanwhile",
        "instead",
        "then",
    ];
    // The speaker of a quotation the sentence does not open: "I", "we" and "you" are the
    // quoted person's, named before it in its article.
    const SPEAKER: &[&str] = &["i", "we", "you", "my", "our", "us", "me"];
    // Whole tokens, so that "So-called" or "The three-day festival" point at nothing, read
    // up to an apostrophe ("It's", "They're").
    let mut words = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|t| t.split(['\'', '’']).next().unwrap_or(t));
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let is = |w: &str, list: &[&str]| list.iter().any(|p| w.eq_ignore_ascii_case(p));
    let quoted = text.trim_start().starts_with(['"', '“', '\'', '‘']);
    if is(first, POINTING) || (is(first, SPEAKER) && !quoted) {
        return true;
    }
    // "So …" answers what came before; "So far …" does not.
    if first.eq_ignore_ascii_case("so") && !second.eq_ignore_ascii_case("far") {
        return true;
    }
    const AFTER_THE: &[&str] = &[
        "two", "three", "other", "others", "pair", "latter", "former",
    ];
    const SOURCE: &[&str] = &[
        "source",
        "sources",
        "official",
        "spokesman",
        "spokeswoman",
        "statement",
    ];
    first.eq_ignore_ascii_case("the")
        && (is(second, AFTER_THE) || (is(second, SOURCE) && text.len() < 200))
}

/// How many straight double quotes, opening and closing curly double quotes a text holds.
fn quote_marks(text: &str) -> (usize, usize, usize) {
    let count = |mark: char| text.matches(mark).count();
    (count('"'), count('“'), count('”'))
}

/// Whether a sentence opens with a quotation mark and leaves the quotation open (an odd
/// number of straight double quotes, or more opening than closing curly ones).
pub(crate) fn opens_an_unclosed_quote(text: &str) -> bool {
    let t = text.trim_start();
    let (straight, open, close) = quote_marks(t);
    t.starts_with(['"', '“']) && (straight % 2 == 1 || open > close)
}

/// Whether a sentence closes a quotation it did not open: the last part of a quote the
/// sentence splitter cut ("Then it moved,” Ms Sundqvist said."): more closing than opening
/// curly quotes, or an odd number of straight ones with none before its first word.
pub(crate) fn closes_an_unopened_quote(text: &str) -> bool {
    let t = text.trim_start();
    let (straight, open, close) = quote_marks(t);
    close > open || (straight % 2 == 1 && !t.starts_with('"'))
}

/// Whether a sentence is the last part of a quotation it did not open, with no speaker after
/// it ("We all ran to the closet.”"): out of its article, whose words they are is missing. One
/// that names its speaker after the quotation ("…,” Officer Bryce Shumate said.") says it.
fn ends_a_quote_it_did_not_open(text: &str) -> bool {
    let t = text.trim_end();
    let after_quote = t
        .rfind(['"', '”'])
        .map_or(t, |i| &t[i..])
        .trim_start_matches(['"', '”']);
    closes_an_unopened_quote(text) && !after_quote.chars().any(char::is_alphanumeric)
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
/// words left; only to reach `min_sentences` may the budget stretch, by a tenth at most. A
/// sentence that leans on what came before it (see [`leans_on_what_came_before`]) is taken only
/// with the sentence before it in its article, which is then shown just before it: that one
/// taken already, or taken with it when it fits and does not itself lean (but for opening the
/// quotation the other closes). Returns the sentences taken, each with the one it follows
/// (see [`reading_order`]).
fn choose(
    units: &Units,
    claims: &[Claim],
    fact_of: &[usize],
    fitness: &[f32],
    scores: &[f32],
    config: &AccountConfig,
) -> Vec<(usize, Option<usize>)> {
    let n = units.units.len();
    let at: HashMap<(usize, usize), usize> = (0..n)
        .map(|u| ((units.units[u].article, units.units[u].position), u))
        .collect();
    let before = |u: usize| {
        let unit = &units.units[u];
        at.get(&(unit.article, unit.position.checked_sub(1)?))
            .copied()
    };
    let leans: Vec<bool> = (0..n)
        .map(|u| leans_on_what_came_before(units.units[u].text))
        .collect();
    let mut order: Vec<usize> = (0..n).filter(|&u| fitness[u] > 0.0).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<(usize, Option<usize>)> = Vec::new();
    let mut used_facts = Vec::new();
    let mut words = 0;
    // Whether `u` may join what is chosen: a fact not yet told, not redundant with a chosen
    // sentence.
    let fresh = |chosen: &[(usize, Option<usize>)], used: &[usize], u: usize| {
        !used.contains(&fact_of[u])
            && !chosen.iter().any(|&(c, _)| {
                units.cosine(c, u) > config.redundancy
                    || probability(units, claims, c, u) >= config.redundant_statement
            })
    };
    for u in order {
        if chosen.len() >= config.max_sentences {
            break;
        }
        if chosen.iter().any(|&(c, _)| c == u) || !fresh(&chosen, &used_facts, u) {
            continue;
        }
        // What must come with it: nothing, or the sentence before it in its article.
        let mut with = Vec::new();
        if leans[u] {
            // One that opens a quotation leans on what follows it, not on what came before.
            if opens_an_unclosed_quote(units.units[u].text) {
                continue;
            }
            let Some(b) = before(u) else { continue };
            if !chosen.iter().any(|&(c, _)| c == b) {
                let quoted = opens_an_unclosed_quote(units.units[b].text)
                    && closes_an_unopened_quote(units.units[u].text);
                if fitness[b] <= 0.0 || (leans[b] && !quoted) || !fresh(&chosen, &used_facts, b) {
                    continue;
                }
                with.push(b);
            }
        }
        if chosen.len() + with.len() >= config.max_sentences {
            continue;
        }
        let len: usize = with
            .iter()
            .chain([&u])
            .map(|&v| word_count(units.units[v].text))
            .sum();
        let limit = if chosen.len() < config.min_sentences {
            config.words + config.words / 10
        } else {
            config.words
        };
        if words + len > limit && !chosen.is_empty() {
            continue;
        }
        for &b in &with {
            chosen.push((b, None));
            used_facts.push(fact_of[b]);
        }
        chosen.push((u, leans[u].then(|| before(u)).flatten()));
        used_facts.push(fact_of[u]);
        words += len;
    }
    chosen
}

/// The chosen sentences in reading order: leads before later sentences, each article's
/// sentences in their order, and a sentence taken for the one before it (see [`choose`])
/// right after that one.
fn reading_order(units: &Units, chosen: &[(usize, Option<usize>)]) -> Vec<usize> {
    let follows: HashMap<usize, usize> =
        chosen.iter().filter_map(|&(u, b)| Some((u, b?))).collect();
    // The first of the run a sentence is in, whose place in reading order the run takes.
    let head = |mut u: usize| {
        while let Some(&b) = follows.get(&u) {
            u = b;
        }
        u
    };
    let mut order: Vec<usize> = chosen.iter().map(|&(u, _)| u).collect();
    order.sort_by_key(|&u| {
        let h = &units.units[head(u)];
        (h.position, h.article, units.units[u].position)
    });
    order
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

    #[test]
    fn connectives_speakers_and_cut_quotes_lean_on_what_came_before() {
        assert!(leans("But the dam held after all."));
        assert!(leans("Meanwhile, the river kept rising."));
        assert!(leans("The two were charged with murder."));
        assert!(leans("We all ran to the closet.\""));
        assert!(leans("Police, everybody.”"));
        assert!(!leans(
            "Numerous cars stacked up down the avenue,” Officer Bryce Shumate said."
        ));
        assert!(leans("I can’t believe this happened,” Doreen Warren said."));
        assert!(leans("So we all sat down and waited."));
        assert!(!leans("So far, three people have been charged."));
        assert!(!leans("The three-day festival opened on Friday."));
        assert!(!leans("So-called ghost guns were found in the house."));
        assert!(!leans("“I heard the gunshots,” said Ivet Hernandez."));
        assert!(!leans("There were no arrests in the shooting."));
    }
}

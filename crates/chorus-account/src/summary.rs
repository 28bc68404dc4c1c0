//! The account: an extractive summary within a word budget. Sentences score by centrality,
//! corroboration and early position; a sentence too similar to one already chosen is skipped;
//! each chosen sentence cites every outlet whose sentence states the same fact.

use crate::facts::Fact;
use crate::{AccountConfig, Units};
use chorus_model::AccountSentence;

pub(crate) fn select(
    units: &Units,
    facts: &[Fact],
    config: &AccountConfig,
) -> Vec<AccountSentence> {
    let n = units.units.len();
    if n == 0 {
        return Vec::new();
    }
    let mut fact_of = vec![0usize; n];
    for (f, fact) in facts.iter().enumerate() {
        for &u in &fact.units {
            fact_of[u] = f;
        }
    }
    let central = crate::facts::centrality(units);
    let max_c = central.iter().copied().fold(0f32, f32::max).max(1e-6);
    let scores: Vec<f32> = (0..n)
        .map(|u| {
            let unit = &units.units[u];
            let outlets = facts[fact_of[u]].independent(units).0.len() as f32;
            let position = 1.0 / (1.0 + unit.position as f32).sqrt();
            let short = if unit.words < 6 || unit.words > 60 {
                0.3
            } else {
                1.0
            };
            (central[u] / max_c + 0.5 * (outlets - 1.0).min(3.0) + 0.6 * position) * short
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_facts = Vec::new();
    let mut words = 0;
    for u in order {
        if chosen.len() >= config.max_sentences
            || (words >= config.words && chosen.len() >= config.min_sentences)
        {
            break;
        }
        let f = fact_of[u];
        if used_facts.contains(&f) || units.units[u].words < 4 {
            continue;
        }
        if chosen
            .iter()
            .any(|&c| units.similarity(c, u) > config.redundancy)
        {
            continue;
        }
        chosen.push(u);
        used_facts.push(f);
        words += units.units[u].words;
    }
    chosen
        .into_iter()
        .map(|u| {
            let fact = &facts[fact_of[u]];
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

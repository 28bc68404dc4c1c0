//! Fact alignment: sentences from different articles that state the same thing are grouped
//! (greedy, most central first, at most one sentence per article in a group); a group is a fact
//! with its supporting sentences and outlets.

use crate::{AccountConfig, Units};
use chorus_model::{CorroboratedFact, SingleSourceFact};

/// A group of units stating one fact; `units[0]` is the wording shown.
pub(crate) struct Fact {
    pub units: Vec<usize>,
    pub sources: Vec<String>,
    pub centrality: f32,
}

/// Centrality of each unit: its summed similarity to the units of other articles.
pub(crate) fn centrality(units: &Units) -> Vec<f32> {
    let n = units.units.len();
    let mut c = vec![0f32; n];
    for i in 0..n {
        for j in i + 1..n {
            if units.units[i].article == units.units[j].article {
                continue;
            }
            let s = units.similarity(i, j);
            c[i] += s;
            c[j] += s;
        }
    }
    c
}

pub(crate) fn align(units: &Units, config: &AccountConfig) -> Vec<Fact> {
    let central = centrality(units);
    let mut order: Vec<usize> = (0..units.units.len()).collect();
    order.sort_by(|&a, &b| central[b].total_cmp(&central[a]).then(a.cmp(&b)));
    let mut facts: Vec<Fact> = Vec::new();
    for u in order {
        let unit = &units.units[u];
        let mut best: Option<(f32, usize)> = None;
        for (f, fact) in facts.iter().enumerate() {
            if fact.units.iter().any(|&v| units.units[v].article == unit.article) {
                continue;
            }
            let s = units.similarity(fact.units[0], u);
            if s >= config.fact_similarity && best.is_none_or(|b| s > b.0) {
                best = Some((s, f));
            }
        }
        match best {
            Some((_, f)) => {
                let fact = &mut facts[f];
                fact.units.push(u);
                if !fact.sources.iter().any(|s| s == unit.source) {
                    fact.sources.push(unit.source.to_string());
                }
            }
            None => facts.push(Fact { units: vec![u], sources: vec![unit.source.to_string()], centrality: central[u] }),
        }
    }
    facts
}

/// Splits facts into corroborated (two or more outlets) and single-source lists.
pub(crate) fn report(
    units: &Units,
    facts: &[Fact],
    config: &AccountConfig,
) -> (Vec<CorroboratedFact>, Vec<SingleSourceFact>) {
    let mut corroborated: Vec<(&Fact, CorroboratedFact)> = Vec::new();
    let mut single = Vec::new();
    for fact in facts {
        let lead = &units.units[fact.units[0]];
        if lead.words < config.min_fact_words {
            continue;
        }
        let citations = fact.units.iter().map(|&u| units.citation(u)).collect();
        if fact.sources.len() >= 2 {
            corroborated.push((fact, CorroboratedFact { text: lead.text.to_string(), sources: fact.sources.clone(), citations }));
        } else {
            single.push(SingleSourceFact { text: lead.text.to_string(), source: fact.sources[0].clone(), citations });
        }
    }
    // Most outlets first, then most central; single-source facts stay most central first.
    corroborated.sort_by(|a, b| {
        b.0.sources.len().cmp(&a.0.sources.len()).then(b.0.centrality.total_cmp(&a.0.centrality))
    });
    (corroborated.into_iter().map(|c| c.1).collect(), single)
}

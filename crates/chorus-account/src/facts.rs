//! Fact alignment: sentences from different articles that state the same thing are grouped
//! (greedy, most central first, at most one sentence per article in a group); a group is a fact
//! with its supporting sentences and outlets, shown in a sentence whose main claim every
//! support states. A sentence an article repeats word for word is counted once.

use crate::statement::{probability, support_probability, Claim};
use crate::{AccountConfig, Unit, Units};

/// Whether a sentence states something a fact can rest on: long enough, prose (not a
/// caption, heading, link, embed label or cut-off teaser: `candidate::fitness` of zero), with
/// a verb (not a list item or a listing's note, `statement::verbless`), and not a question
/// ("You've never seen anything like this, Cosby?" asks, it does not state).
pub(crate) fn is_statement(unit: &Unit, claim: &Claim, config: &AccountConfig) -> bool {
    unit.words >= config.min_fact_words
        && claim.fitness > 0.0
        && !claim.verbless
        && !unit
            .text
            .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
            .ends_with('?')
}
use chorus_model::{CorroboratedFact, SingleSourceFact};

/// A group of units stating one fact; `units[0]` is the wording shown.
pub(crate) struct Fact {
    pub(crate) units: Vec<usize>,
    pub(crate) sources: Vec<String>,
    pub(crate) centrality: f32,
}

impl Fact {
    /// Adds unit `u` and, when new to the fact, its outlet.
    fn add(&mut self, u: usize, units: &Units) {
        self.units.push(u);
        let source = units.units[u].source;
        if !self.sources.iter().any(|s| s == source) {
            self.sources.push(source.to_string());
        }
    }

    /// Outlets that state the fact independently (one per wire group), and the outlets that
    /// only reprint another's wire text.
    pub(crate) fn independent(&self, units: &Units) -> (Vec<String>, Vec<String>) {
        let mut seen_groups = Vec::new();
        let (mut independent, mut copies) = (Vec::new(), Vec::new());
        for source in &self.sources {
            let unit = self
                .units
                .iter()
                .map(|&u| &units.units[u])
                .find(|u| u.source == source);
            let group = unit.map_or(usize::MAX, |u| units.wire_group[u.article]);
            if seen_groups.contains(&group) {
                copies.push(source.clone());
            } else {
                seen_groups.push(group);
                independent.push(source.clone());
            }
        }
        (independent, copies)
    }
}

/// Groups the event's units into facts. Every pair of units of two articles that share a
/// term and may both be facts is scored by the same-statement model; pairs at or above the
/// threshold are joined best first (so a sentence goes with the one that states its claim
/// most surely, not with the first central fact that clears the bar), each fact holding at
/// most one sentence per article and its shown sentence (the most central one whose main claim
/// every other states, `MAIN_SHARE`, none gives another count of what it counts,
/// `statement::count_contradicted`, and none names only some of the people it lists with
/// their ages, `statement::listed_figure_left_out`, nor describes only other people than it
/// does, `statement::other_people`, nor gives the thing of another person of the story,
/// `statement::other_owner`, nor ages someone otherwise, `statement::age_contradicted`,
/// nor leaves unsaid what a contrast it goes on with says happened, `statement::contrast_unsaid`,
/// nor states another claim of the story, `statement::other_claim`, nor, where neither names
/// anyone or gives a figure, shares less than two content words with it, `statement::unanchored`)
/// stating the claim of every other at or above the threshold. A unit whose article already
/// said the same words is no second voice and is left out.
/// How many earlier sentences, the closest by cosine, each sentence is compared with by the
/// same-statement model: a sentence that states another's claim shares its words, so the
/// pairs the model would join are among them, and an event of thousands of sentences sharing
/// common words is not compared pair by pair.
const MODEL_CANDIDATES: usize = 16;

/// The share of a fact's main claim (`statement::main_covered`: its terms and figures, the
/// figures counting twice) each supporting sentence must state. Measured on the dev parts of
/// the shown supports (2026-12-06): at 0.5 the supports people labelled as stating only a
/// part of the fact, or other figures, fall most while the account gold's same pairs stay
/// together.
const MAIN_SHARE: f32 = 0.5;

/// A check of a shown fact's sentence: its name, and whether it refuses `other` against `lead`.
type ShownCheck = (&'static str, fn(&Claim, &Claim) -> bool);

/// Why sentence `other` may not support a shown fact whose sentence is `lead`, if it may not:
/// the name of the first check it fails (it states too little of the lead's main claim,
/// [`MAIN_SHARE`], or another count, outcome, grade of the hurt, listed figure, people, owner,
/// age or claim, or nothing of a contrast of its own the lead goes on with, or no word of the death or grade its main claim is, or, neither naming anyone
/// nor giving a figure, a word or none in common).
pub(crate) fn shown_refusal(other: &Claim, lead: &Claim) -> Option<&'static str> {
    use crate::statement as s;
    let checks: [ShownCheck; 15] = [
        ("main_covered", |o, l| s::main_covered(o, l) < MAIN_SHARE),
        ("count_contradicted", s::count_contradicted),
        ("outcome_contradicted", s::outcome_contradicted),
        ("death_unsaid", s::death_unsaid),
        ("severity_contradicted", s::severity_contradicted),
        ("severity_unsaid", s::severity_unsaid),
        ("listed_figure_left_out", s::listed_figure_left_out),
        ("other_people", s::other_people),
        ("other_owner", s::other_owner),
        ("contrast_unsaid", s::contrast_unsaid),
        ("age_contradicted", s::age_contradicted),
        ("other_claim", s::other_claim),
        ("unanchored", s::unanchored),
        ("wound_elsewhere", s::wound_elsewhere),
        ("identified_only", s::identified_only),
    ];
    checks
        .iter()
        .find(|(_, refuses)| refuses(other, lead))
        .map(|c| c.0)
}

pub(crate) fn align(units: &Units, claims: &[Claim], config: &AccountConfig) -> Vec<Fact> {
    align_as(units, claims, config, true)
}

/// [`align`], where `shown` says whether the facts are the report's, shown with their
/// supports, whose shown sentence every support must state the main claim of
/// ([`MAIN_SHARE`]); the summary's grouping of sentences that probably say one thing (to
/// rank them by outlets and not say one thing twice) does not ask it.
pub(crate) fn align_as(
    units: &Units,
    claims: &[Claim],
    config: &AccountConfig,
    shown: bool,
) -> Vec<Fact> {
    let central = &units.centrality;
    let n = units.units.len();
    let statement: Vec<bool> = units
        .units
        .iter()
        .zip(claims)
        .map(|(u, c)| is_statement(u, c, config) && c.has_predicate())
        .collect();
    let every_pair = config.same_statement <= 0.0;
    // Units by the terms of their vectors: each unit meets every earlier one it shares a term
    // with in one pass over its own terms.
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); units.df.len()];
    let mut dot = vec![0.0f32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for u in 0..n {
        if units.repeat[u] || !statement[u] {
            continue;
        }
        let unit = &units.units[u];
        touched.clear();
        if every_pair {
            touched.extend((0..u).filter(|&v| statement[v] && !units.repeat[v]));
        } else {
            // The cosine to every earlier unit sharing a term, summed in one pass over this
            // unit's terms; only the closest are asked the (costlier) model, so a large event
            // costs a bounded number of model calls per sentence, not one per pair.
            for &(t, w) in &unit.vector {
                for &(v, wv) in &postings[t as usize] {
                    if dot[v] == 0.0 {
                        touched.push(v);
                    }
                    dot[v] += w * wv;
                }
            }
            touched.retain(|&v| {
                units.units[v].article != unit.article || {
                    dot[v] = 0.0;
                    false
                }
            });
            if touched.len() > MODEL_CANDIDATES {
                touched.select_nth_unstable_by(MODEL_CANDIDATES, |&a, &b| {
                    dot[b].total_cmp(&dot[a]).then(a.cmp(&b))
                });
                for &v in &touched[MODEL_CANDIDATES..] {
                    dot[v] = 0.0;
                }
                touched.truncate(MODEL_CANDIDATES);
            }
        }
        for &v in &touched {
            dot[v] = 0.0;
            if units.units[v].article == unit.article {
                continue;
            }
            // The report's facts read past the asides of each report; the summary's
            // grouping compares whole sentences.
            let p = if shown {
                support_probability(units, claims, v, u)
            } else {
                probability(units, claims, v, u)
            };
            if p >= config.same_statement {
                pairs.push((p, v, u));
            }
        }
        for &(t, w) in &unit.vector {
            postings[t as usize].push((u, w));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let sure: rustc_hash::FxHashSet<(usize, usize)> = pairs
        .iter()
        .map(|&(_, a, b)| (a.min(b), a.max(b)))
        .collect();
    let joined = |a: usize, b: usize| a == b || sure.contains(&(a.min(b), a.max(b)));
    // Each unit's group; groups as member lists, the most central first.
    let mut group: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|u| vec![u]).collect();
    let by_centrality = |a: &usize, b: &usize| central[*b].total_cmp(&central[*a]).then(a.cmp(b));
    for &(_, a, b) in &pairs {
        let (ga, gb) = (group[a], group[b]);
        if ga == gb {
            continue;
        }
        let article_clash = members[ga].iter().any(|&x| {
            members[gb]
                .iter()
                .any(|&y| units.units[x].article == units.units[y].article)
        });
        if article_clash {
            continue;
        }
        let mut merged: Vec<usize> = members[ga].iter().chain(&members[gb]).copied().collect();
        merged.sort_by(by_centrality);
        // The shown sentence is the most central one whose main claim every other sentence
        // states: a sentence that states only a secondary part of another's claim (its
        // attribution, a relative clause, the other half of a contrast, one of its figures)
        // is no support of it, though the two may share most of their words.
        // (Without `shown`, the most central sentence leads, as it must state every other's
        // claim.)
        let candidates = if shown { merged.len() } else { 1 };
        let Some(lead) = merged.iter().take(candidates).position(|&l| {
            merged.iter().all(|&x| {
                x == l
                    || (joined(l, x) && (!shown || shown_refusal(&claims[x], &claims[l]).is_none()))
            })
        }) else {
            continue;
        };
        let lead = merged.remove(lead);
        merged.insert(0, lead);
        for &x in &merged {
            group[x] = ga;
        }
        members[gb].clear();
        members[ga] = merged;
    }
    let mut order: Vec<usize> = (0..n)
        .filter(|&u| !units.repeat[u] && group[u] == u)
        .collect();
    order.sort_by(|&a, &b| {
        let (la, lb) = (members[a][0], members[b][0]);
        central[lb].total_cmp(&central[la]).then(la.cmp(&lb))
    });
    let facts = order
        .into_iter()
        .map(|g| {
            let units_of = std::mem::take(&mut members[g]);
            let mut fact = Fact {
                units: Vec::with_capacity(units_of.len()),
                sources: Vec::new(),
                centrality: central[units_of[0]],
            };
            for u in units_of {
                fact.add(u, units);
            }
            fact
        })
        .collect();
    same_words_one_fact(units, facts)
}

/// Facts shown in the same words are one statement: a later one joins the first. A sentence
/// whose article the first already holds is dropped, or takes that article's place when its
/// words are the shown ones and the held sentence's are not (the citation then points at the
/// same words). So a statement other outlets make word for word never shows as single-source.
fn same_words_one_fact(units: &Units, facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    let mut by_words: rustc_hash::FxHashMap<(u64, usize), usize> = Default::default();
    for fact in facts {
        let key = units.keys[fact.units[0]];
        let Some(&first) = by_words.get(&key) else {
            by_words.insert(key, out.len());
            out.push(fact);
            continue;
        };
        let into = &mut out[first];
        for v in fact.units {
            let article = units.units[v].article;
            match into
                .units
                .iter()
                .position(|&w| units.units[w].article == article)
            {
                Some(i) => {
                    if units.keys[into.units[i]] != key && units.keys[v] == key {
                        into.units[i] = v;
                    }
                }
                None => into.add(v, units),
            }
        }
    }
    out
}

/// Most sentences a quote cut by the sentence splitter is joined across.
const QUOTE_SENTENCES: usize = 4;

/// Unit `u`'s text and citation, or, where it is part of a quote the sentence splitter cut
/// ("“We buy feed week to week." and "Then it moved,” Ms Sundqvist said."), the whole quote's:
/// from the sentence that opens it to the one that closes it, within [`QUOTE_SENTENCES`]
/// sentences of its article. A half of a quote alone misleads (its speaker or its claim is in
/// the other half).
fn whole_quote(units: &Units, u: usize) -> (String, chorus_model::Citation) {
    use crate::summary::{closes_an_unopened_quote, opens_an_unclosed_quote};
    let unit = &units.units[u];
    // Unit `v` is the sentence `k` places after (or before) `u` in its article.
    let next = |v: usize, forward: bool| {
        let w = if forward {
            v.checked_add(1)?
        } else {
            v.checked_sub(1)?
        };
        let (a, b) = (&units.units[v], units.units.get(w)?);
        let adjacent = if forward {
            b.position == a.position + 1
        } else {
            b.position + 1 == a.position
        };
        (b.article == a.article && adjacent).then_some(w)
    };
    let find = |forward: bool, wanted: fn(&str) -> bool| {
        let mut v = u;
        for _ in 1..QUOTE_SENTENCES {
            v = next(v, forward)?;
            if wanted(units.units[v].text) {
                return Some(v);
            }
        }
        None
    };
    let span = if closes_an_unopened_quote(unit.text) {
        find(false, opens_an_unclosed_quote).map(|first| (first, u))
    } else if opens_an_unclosed_quote(unit.text) {
        find(true, closes_an_unopened_quote).map(|last| (u, last))
    } else {
        None
    };
    let Some((first, last)) = span else {
        return (unit.text.to_string(), units.citation(u));
    };
    let (a, b) = (&units.units[first], &units.units[last]);
    let whole = chorus_model::Sentence {
        start: a.sentence.start,
        end: b.sentence.end,
        paragraph: a.sentence.paragraph,
    };
    let article = units.articles[unit.article];
    (
        article.text()[whole.start..whole.end].to_string(),
        article.citation(&whole),
    )
}

/// Splits facts into corroborated (two or more outlets) and single-source lists.
pub(crate) fn report(
    units: &Units,
    claims: &[Claim],
    facts: &[Fact],
    config: &AccountConfig,
) -> (Vec<CorroboratedFact>, Vec<SingleSourceFact>) {
    let mut corroborated: Vec<(usize, &Fact, CorroboratedFact)> = Vec::new();
    let mut single = Vec::new();
    for fact in facts {
        let lead = &units.units[fact.units[0]];
        if !is_statement(lead, &claims[fact.units[0]], config) {
            continue;
        }
        let mut citations: Vec<chorus_model::Citation> =
            fact.units.iter().map(|&u| units.citation(u)).collect();
        let (independent, same_wire_text) = fact.independent(units);
        if independent.len() >= 2 {
            // Why each other sentence supports the shown one.
            let lead_unit = fact.units[0];
            for (c, &u) in citations.iter_mut().zip(&fact.units).skip(1) {
                let kind = if units.keys[u] == units.keys[lead_unit] {
                    "same words"
                } else if units.wire_group[units.units[u].article] == units.wire_group[lead.article]
                {
                    "reprint"
                } else {
                    "paraphrase"
                };
                c.support = Some(kind.to_string());
            }
            let unknown = independent
                .iter()
                .filter(|s| chorus_model::is_unknown_outlet(s))
                .count();
            corroborated.push((
                independent.len(),
                fact,
                CorroboratedFact {
                    text: lead.text.to_string(),
                    sources: fact.sources.clone(),
                    citations,
                    outlets: independent.len() - unknown,
                    unknown_outlets: unknown,
                    same_wire_text,
                },
            ));
        } else {
            // A sentence of a quote the splitter cut is shown with the rest of the quote.
            // The other half, alone in its fact, is that quote again: shown once.
            let (text, citation) = whole_quote(units, fact.units[0]);
            if citations.len() == 1
                && single
                    .iter()
                    .any(|s: &SingleSourceFact| s.citations[0] == citation)
            {
                continue;
            }
            citations[0] = citation;
            single.push(SingleSourceFact {
                text,
                source: independent[0].clone(),
                citations,
                same_wire_text,
            });
        }
    }
    // Most outlets first, then most central; single-source facts stay most central first.
    corroborated.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.centrality.total_cmp(&a.1.centrality))
    });
    (corroborated.into_iter().map(|c| c.2).collect(), single)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::art;
    use chorus_model::CleanArticle;
    use expect_test::{expect, Expect};

    fn claims(units: &Units) -> Vec<Claim> {
        (0..units.units.len())
            .map(|u| Claim::of(units, u))
            .collect()
    }

    /// Facts with more than one sentence, as "sources | sentences".
    fn check(articles: &[CleanArticle], config: &AccountConfig, expect: Expect) {
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let mut out = String::new();
        for f in align(&units, &claims(&units), config)
            .iter()
            .filter(|f| f.units.len() > 1)
        {
            let texts: Vec<&str> = f.units.iter().map(|&u| units.units[u].text).collect();
            out.push_str(&format!(
                "{} | {}\n",
                f.sources.join("+"),
                texts.join(" / ")
            ));
        }
        expect.assert_eq(&out);
    }

    fn paraphrases() -> Vec<CleanArticle> {
        vec![
            art("A", "Rebels seized the capital of Norland on Sunday. Protesters ransacked the presidential palace and its garden. Banks stayed shut all week."),
            art("B", "The capital of Norland fell to rebels on Sunday. As the old regime collapsed overnight, footage on social media showed families gleefully ransacking presidential palaces in the capital, with some taking selfies in the grand settings while thousands of soldiers deserted. Schools reopened on Monday."),
        ]
    }

    #[test]
    fn a_paraphrase_of_one_claim_is_one_fact() {
        check(
            &paraphrases(),
            &AccountConfig::default(),
            expect![[r#"
                A+B | Rebels seized the capital of Norland on Sunday. / The capital of Norland fell to rebels on Sunday.
            "#]],
        );
    }

    const BRIDGE: &str =
        "The bridge over the Varn river reopened on Friday after two years of repairs.";

    #[test]
    fn a_sentence_an_article_says_twice_is_one_voice_and_never_single_source() {
        let articles = [
            art(
                "A",
                &format!(
                    "{BRIDGE} Traffic on the first morning was light, the police said. {BRIDGE}"
                ),
            ),
            art(
                "B",
                &format!("{BRIDGE} Tolls will be charged from next month, the council said."),
            ),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        assert_eq!(units.repeat, [false, false, true, false, false]);
        let config = AccountConfig::default();
        let (corroborated, single) = report(
            &units,
            &claims(&units),
            &align(&units, &claims(&units), &config),
            &config,
        );
        assert_eq!(corroborated.iter().filter(|c| c.text == BRIDGE).count(), 1);
        let singles: Vec<&str> = single.iter().map(|s| s.text.as_str()).collect();
        assert!(!singles.contains(&BRIDGE), "{singles:?}");
    }

    #[test]
    fn facts_shown_in_the_same_words_become_one() {
        let articles = [
            art("A", BRIDGE),
            art(
                "B",
                &format!("The Varn bridge reopened on Friday. {BRIDGE}"),
            ),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        // As alignment could leave them: B's shorter sentence with A's, B's same words alone.
        let facts = vec![
            Fact {
                units: vec![0, 1],
                sources: vec!["A".into(), "B".into()],
                centrality: 1.0,
            },
            Fact {
                units: vec![2],
                sources: vec!["B".into()],
                centrality: 0.5,
            },
        ];
        let merged = same_words_one_fact(&units, facts);
        assert_eq!(merged.len(), 1);
        // B is cited by the sentence in the shown words.
        assert_eq!(merged[0].units, [0, 2]);
        assert_eq!(merged[0].sources, ["A", "B"]);
    }

    #[test]
    fn a_fact_is_shown_in_the_sentence_every_support_states() {
        // B states only the second half of A's contrast: A is no fact B supports. Together
        // they may stand only with B's claim shown, which A states too.
        let a = "One patient died in the ambulance near Dunmore, while the other two patients remain in serious condition at Dunmore General.";
        let b = "Two patients remain in serious condition at Dunmore General after the crash.";
        let articles = [art("A", a), art("B", b)];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let claims = claims(&units);
        let facts = align(&units, &claims, &AccountConfig::default());
        let joined: Vec<&Fact> = facts.iter().filter(|f| f.units.len() > 1).collect();
        assert_eq!(joined.len(), 1);
        assert_eq!(units.units[joined[0].units[0]].text, b);
    }

    #[test]
    fn a_quote_the_splitter_cut_is_shown_whole_once() {
        let articles = [
            art("A", "Farmers along the valley say the strike has cost them dearly this month. “We buy feed week to week. Then it moved,” farmer Ada Sundqvist said. The port has been shut for three days."),
            art("B", "The port strike entered its fourth day on Monday as talks stalled again."),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let claims = claims(&units);
        let config = AccountConfig::default();
        let facts = align(&units, &claims, &config);
        let (_, single) = report(&units, &claims, &facts, &config);
        let quoted: Vec<&str> = single
            .iter()
            .map(|s| s.text.as_str())
            .filter(|t| t.contains("week to week") || t.contains("Then it moved"))
            .collect();
        assert_eq!(
            quoted,
            ["“We buy feed week to week. Then it moved,” farmer Ada Sundqvist said."]
        );
        let cited = single.iter().find(|s| s.text == quoted[0]).unwrap();
        let c = &cited.citations[0];
        assert_eq!(&articles[0].text()[c.start..c.end], quoted[0]);
    }

    #[test]
    fn same_story_other_claim_is_not_one_fact() {
        // Shared names, place and topic, but one is an arrest and the other a search, one a
        // death and the other a denial: none of these is a support of the other.
        let articles = [
            art("A", "Police arrested Joseph Brown, 29, on Saturday morning in Coney Island in connection with the shooting. The council approved the new budget for the Coney Island police precinct."),
            art("B", "Police are searching for Joseph Brown, 29, who they identified as a suspect in the Coney Island shooting. The council did not approve the new budget for the Coney Island police precinct."),
        ];
        check(&articles, &AccountConfig::default(), expect![""]);
    }
}

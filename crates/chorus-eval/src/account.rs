//! Scores an event's account against the hand-checked gold (`tests/data/account-gold`): of the
//! supports shown for corroborated facts, the share people labelled *same* (states the fact's
//! main claim); of the pairs they labelled *same*, the share the account puts in one fact; of
//! the differences shown, the share that are a genuine difference they found; of those, the
//! share shown. Gold sentences are byte spans of the input records' `text`, and the report's
//! citations carry the same spans (`source_start..source_end`), so nothing is matched by words.
//! It also lists the supports shown that no labelled pair answers, the next material to label.

use chorus_model::{Citation, Difference, Report, Version};
use serde_json::Value;

/// A sentence of the gold: an article and a byte span of its record's `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

/// What people said of a pair of sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Same,
    Related,
    Unrelated,
}

/// One labelled pair of sentences of one event.
#[derive(Debug, Clone)]
pub struct GoldPair {
    pub set: String,
    pub event: String,
    /// `dev` or `held-out`.
    pub part: String,
    pub a: Span,
    pub b: Span,
    pub label: Label,
}

/// A difference people found (`genuine`) or a tempting false one, with each version's
/// sentence and value as written.
#[derive(Debug, Clone)]
pub struct GoldDifference {
    pub set: String,
    pub event: String,
    pub part: String,
    pub genuine: bool,
    pub about: String,
    pub versions: Vec<(Span, String)>,
}

fn span(v: &Value) -> Span {
    Span {
        article: v["article"].as_str().unwrap_or_default().to_string(),
        start: v["start"].as_u64().unwrap_or(0) as usize,
        end: v["end"].as_u64().unwrap_or(0) as usize,
    }
}

/// The JSON lines of a gold file; lines that do not parse are skipped.
fn records(text: &str) -> impl Iterator<Item = Value> + '_ {
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
}

fn field(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// The pairs of `pairs.jsonl`; lines that do not parse are skipped.
pub fn read_pairs(text: &str) -> Vec<GoldPair> {
    records(text)
        .filter_map(|v| {
            let label = match v["label"].as_str()? {
                "same" => Label::Same,
                "related" => Label::Related,
                "unrelated" => Label::Unrelated,
                _ => return None,
            };
            Some(GoldPair {
                set: field(&v, "set"),
                event: field(&v, "event"),
                part: field(&v, "part"),
                a: span(&v["a"]),
                b: span(&v["b"]),
                label,
            })
        })
        .collect()
}

/// The differences of `differences.jsonl`.
pub fn read_differences(text: &str) -> Vec<GoldDifference> {
    records(text)
        .map(|v| GoldDifference {
            set: field(&v, "set"),
            event: field(&v, "event"),
            part: field(&v, "part"),
            genuine: v["kind"].as_str() == Some("genuine"),
            about: field(&v, "about"),
            versions: v["versions"]
                .as_array()
                .map(|a| a.iter().map(|x| (span(x), field(x, "value"))).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Counts for one event or a sum of events.
#[derive(Debug, Clone, Default)]
pub struct AccountScores {
    /// Supports shown for corroborated facts (lead sentence, supporting sentence).
    pub supports: usize,
    /// Of those, the ones the gold labels, by label.
    pub same: usize,
    pub related: usize,
    pub unrelated: usize,
    /// Gold pairs labelled same, and those the account puts in one fact.
    pub gold_same: usize,
    pub recalled: usize,
    /// Differences shown, and those that are a genuine difference of the gold.
    pub differences: usize,
    pub genuine_shown: usize,
    /// Genuine differences of the gold, and those shown.
    pub gold_genuine: usize,
    pub genuine_found: usize,
    /// What went wrong, for reading: shown supports labelled other than same, same pairs not
    /// in one fact, shown differences that are not genuine, genuine ones missed.
    pub errors: Vec<String>,
}

impl AccountScores {
    pub fn add(&mut self, o: &AccountScores) {
        self.supports += o.supports;
        self.same += o.same;
        self.related += o.related;
        self.unrelated += o.unrelated;
        self.gold_same += o.gold_same;
        self.recalled += o.recalled;
        self.differences += o.differences;
        self.genuine_shown += o.genuine_shown;
        self.gold_genuine += o.gold_genuine;
        self.genuine_found += o.genuine_found;
        self.errors.extend(o.errors.iter().cloned());
    }

    /// Shown supports labelled same, over the shown supports the gold labels.
    pub fn support_precision(&self) -> f64 {
        ratio(self.same, self.same + self.related + self.unrelated)
    }

    pub fn support_recall(&self) -> f64 {
        ratio(self.recalled, self.gold_same)
    }

    pub fn difference_precision(&self) -> f64 {
        ratio(self.genuine_shown, self.differences)
    }

    pub fn difference_recall(&self) -> f64 {
        ratio(self.genuine_found, self.gold_genuine)
    }

    /// One line of figures.
    pub fn summary(&self) -> String {
        format!(
            "supports: precision {:.3} ({} same / {} labelled of {} shown; {} related, {} unrelated), recall {:.3} ({} of {}); differences: precision {:.3} ({} of {}), recall {:.3} ({} of {})",
            self.support_precision(),
            self.same,
            self.same + self.related + self.unrelated,
            self.supports,
            self.related,
            self.unrelated,
            self.support_recall(),
            self.recalled,
            self.gold_same,
            self.difference_precision(),
            self.genuine_shown,
            self.differences,
            self.difference_recall(),
            self.genuine_found,
            self.gold_genuine,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Whether a citation and a gold sentence are the same sentence: same article, and the spans
/// overlap by at least half of the shorter (sentence splitting may differ a little).
fn covers(c: &Citation, s: &Span) -> bool {
    c.source_overlap(&s.article, s.start, s.end).is_some()
}

/// Number words a value may be written with.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "dozen",
];

/// Whether a shown value is the gold's value of the same sentence, as written: they share a
/// numeral when both have one ("at least 12 people" / "at least 12"); otherwise (a name) the
/// shown value has every word of the gold's ("Pizarro" is not "Rolando Pizarro"). A sentence can hold several figures ("sentenced 25-year-old
/// McQuilliams to 20 years"): citing it is not enough.
fn same_value(shown: &str, gold: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let numeral =
        |w: &String| w.bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str());
    let (a, b) = (words(shown), words(gold));
    let (na, nb): (Vec<&String>, Vec<&String>) = (
        a.iter().filter(|w| numeral(w)).collect(),
        b.iter().filter(|w| numeral(w)).collect(),
    );
    if !na.is_empty() && !nb.is_empty() {
        return na.iter().any(|w| nb.contains(w));
    }
    !b.is_empty() && b.iter().all(|w| a.contains(w))
}

/// The versions of a shown difference that are versions of a labelled one: citing the same
/// sentence with the same value, or giving the same value (as written, any case) in the same
/// article (an outlet that spells a name or gives a figure twice says it in either sentence).
pub fn matched_versions<'a>(d: &'a Difference, labelled: &[(Span, String)]) -> Vec<&'a Version> {
    d.versions
        .iter()
        .filter(|v| {
            labelled.iter().any(|(sp, value)| {
                (covers(&v.citation, sp) && same_value(&v.value, value))
                    || (v.citation.article == sp.article && v.value.eq_ignore_ascii_case(value))
            })
        })
        .collect()
}

/// Whether a shown difference still shows a labelled one: two of its versions from different
/// articles, with different values, are versions of it (a difference that kept only versions
/// agreeing with each other no longer shows what was labelled).
pub fn still_shows(d: &Difference, labelled: &[(Span, String)]) -> bool {
    let matched = matched_versions(d, labelled);
    matched.iter().any(|a| {
        matched.iter().any(|b| {
            a.citation.article != b.citation.article && !a.value.eq_ignore_ascii_case(&b.value)
        })
    })
}

/// The sentence a citation points at, for error lines.
fn cited<'a>(report: &'a Report, c: &Citation) -> &'a str {
    report
        .articles
        .iter()
        .find(|a| a.id == c.article)
        .and_then(|a| a.text.get(c.start..c.end))
        .unwrap_or("")
}

/// Scores one event's report (every article of the event summarised as one event) against its
/// gold pairs and differences.
pub fn score_event(
    report: &Report,
    pairs: &[&GoldPair],
    differences: &[&GoldDifference],
    directed: bool,
) -> AccountScores {
    let mut s = AccountScores::default();
    let Some(event) = report.events.first() else {
        s.gold_same = pairs.iter().filter(|p| p.label == Label::Same).count();
        s.gold_genuine = differences.iter().filter(|d| d.genuine).count();
        return s;
    };
    // Directed gold pairs answer "does `b` state the claim of `a`, the fact shown?": a pair
    // shown the other way round is another question, listed for reading, not counted.
    let label_of = |x: &Citation, y: &Citation| {
        pairs
            .iter()
            .find(|p| {
                (covers(x, &p.a) && covers(y, &p.b))
                    || (!directed && covers(x, &p.b) && covers(y, &p.a))
            })
            .map(|p| p.label)
    };
    let reversed = |x: &Citation, y: &Citation| {
        directed && pairs.iter().any(|p| covers(x, &p.b) && covers(y, &p.a))
    };
    for fact in &event.corroborated {
        let Some((lead, rest)) = fact.citations.split_first() else {
            continue;
        };
        for c in rest {
            if c.article == lead.article {
                continue;
            }
            s.supports += 1;
            match label_of(lead, c) {
                Some(Label::Same) => s.same += 1,
                Some(l) => {
                    if l == Label::Related {
                        s.related += 1;
                    } else {
                        s.unrelated += 1;
                    }
                    s.errors.push(format!(
                        "{l:?} shown as support: {:?} <- {:?}",
                        cited(report, lead),
                        cited(report, c)
                    ));
                }
                None if reversed(lead, c) => s.errors.push(format!(
                    "Reversed, not labelled: {:?} <- {:?} (article {} {:?}-{:?} <- article {} {:?}-{:?})",
                    cited(report, lead),
                    cited(report, c),
                    lead.article,
                    lead.source_start,
                    lead.source_end,
                    c.article,
                    c.source_start,
                    c.source_end
                )),
                None => {}
            }
        }
    }
    // Every fact's citations, corroborated or not: a same pair is recalled when one fact holds
    // both sentences.
    let facts: Vec<&[Citation]> = event
        .corroborated
        .iter()
        .map(|f| &f.citations[..])
        .chain(event.single_source.iter().map(|f| &f.citations[..]))
        .collect();
    for p in pairs.iter().filter(|p| p.label == Label::Same) {
        s.gold_same += 1;
        // A fact holds one sentence per article: the pair counts as recalled when the fact
        // of one sentence holds the other, or another sentence of the other's article that
        // people also labelled the same as it.
        let holds = |cs: &[Citation], x: &Span, y: &Span| {
            cs.iter().any(|c| covers(c, x))
                && cs.iter().any(|c| {
                    covers(c, y)
                        || (c.article == y.article
                            && pairs.iter().any(|q| {
                                q.label == Label::Same
                                    && ((q.a == *x && covers(c, &q.b))
                                        || (q.b == *x && covers(c, &q.a)))
                            }))
                })
        };
        let together = facts
            .iter()
            .any(|cs| holds(cs, &p.a, &p.b) || holds(cs, &p.b, &p.a));
        if together {
            s.recalled += 1;
        } else {
            let text = |x: &Span| {
                report
                    .articles
                    .iter()
                    .find(|a| a.id == x.article)
                    .map_or(String::new(), |a| {
                        // The gold's spans are of the input; the nearest cited sentence of
                        // the article shows its words.
                        facts
                            .iter()
                            .flat_map(|cs| cs.iter())
                            .find(|c| covers(c, x))
                            .and_then(|c| a.text.get(c.start..c.end))
                            .unwrap_or("(in no fact)")
                            .to_string()
                    })
            };
            s.errors.push(format!(
                "same not together: {:?} <-> {:?}",
                text(&p.a),
                text(&p.b)
            ));
        }
    }
    let genuine: Vec<&&GoldDifference> = differences.iter().filter(|d| d.genuine).collect();
    s.gold_genuine = genuine.len();
    let mut found = vec![false; genuine.len()];
    for d in &event.differences {
        s.differences += 1;
        // A shown difference is genuine when two of its versions from different articles are
        // versions of one gold difference.
        let is_hit = |g: &GoldDifference| {
            let matched = matched_versions(d, &g.versions);
            matched.iter().any(|a| {
                matched
                    .iter()
                    .any(|b| a.citation.article != b.citation.article)
            })
        };
        // One shown difference stands for one gold difference: one not found yet first (a
        // sentence can hold two, "Rolando Pizarro" spelt two ways in both names).
        let hit = (0..genuine.len())
            .find(|&i| !found[i] && is_hit(genuine[i]))
            .or_else(|| (0..genuine.len()).find(|&i| is_hit(genuine[i])));
        match hit {
            Some(i) => {
                s.genuine_shown += 1;
                found[i] = true;
            }
            None => s.errors.push(format!(
                "not a difference: {}: {}",
                d.about,
                d.versions
                    .iter()
                    .map(|v| format!("{:?} ({}: {:?})", v.value, v.source, v.text))
                    .collect::<Vec<_>>()
                    .join(" / ")
            )),
        }
    }
    s.genuine_found = found.iter().filter(|&&f| f).count();
    for (g, f) in genuine.iter().zip(&found) {
        if !*f {
            s.errors.push(format!(
                "missed difference: {}: {}",
                g.about,
                g.versions
                    .iter()
                    .map(|v| format!("{:?}", v.1))
                    .collect::<Vec<_>>()
                    .join(" / ")
            ));
        }
    }
    s
}

/// A support the report shows that no labelled pair answers in the direction shown: the fact's
/// lead sentence `a` and its supporting sentence `b`, as spans of the input and as cited.
#[derive(Debug, Clone)]
pub struct ShownSupport {
    pub set: String,
    pub event: String,
    pub part: String,
    pub a: Span,
    pub b: Span,
    pub a_text: String,
    pub b_text: String,
}

/// The supports of one event's report (as [`score_event`] counts them) that no pair of
/// `labelled` answers with the fact as `a` and the support as `b`, a support whose sentence is
/// the fact's word for word left out, as are citations that map back to no span of the input.
pub fn unlabelled_supports(
    report: &Report,
    event: &GoldEvent,
    labelled: &[GoldPair],
) -> Vec<ShownSupport> {
    let mut out = Vec::new();
    let Some(shown) = report.events.first() else {
        return out;
    };
    let span_of = |c: &Citation| {
        Some(Span {
            article: c.article.clone(),
            start: c.source_start?,
            end: c.source_end?,
        })
    };
    for fact in &shown.corroborated {
        let Some((lead, rest)) = fact.citations.split_first() else {
            continue;
        };
        for c in rest {
            if c.article == lead.article || cited(report, c).trim() == cited(report, lead).trim() {
                continue;
            }
            if labelled
                .iter()
                .any(|p| covers(lead, &p.a) && covers(c, &p.b))
            {
                continue;
            }
            let (Some(a), Some(b)) = (span_of(lead), span_of(c)) else {
                continue;
            };
            out.push(ShownSupport {
                set: event.set.clone(),
                event: event.event.clone(),
                part: event.part.clone(),
                a,
                b,
                a_text: cited(report, lead).to_string(),
                b_text: cited(report, c).to_string(),
            });
        }
    }
    out
}

/// An event of the gold: its set, id, part (`dev` or `held-out`) and articles.
#[derive(Debug, Clone)]
pub struct GoldEvent {
    pub set: String,
    pub event: String,
    pub part: String,
    pub articles: Vec<String>,
}

impl GoldEvent {
    /// The event's articles, found in `articles` by id (those absent left out).
    pub fn articles_in(
        &self,
        articles: &std::collections::HashMap<String, chorus_model::Article>,
    ) -> Vec<chorus_model::Article> {
        self.articles
            .iter()
            .filter_map(|id| articles.get(id).cloned())
            .collect()
    }
}

/// The events of `events.jsonl`.
pub fn read_events(text: &str) -> Vec<GoldEvent> {
    records(text)
        .map(|v| GoldEvent {
            set: field(&v, "set"),
            event: field(&v, "event"),
            part: field(&v, "part"),
            articles: v["articles"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// The gold, read from its three files' texts.
pub struct Gold {
    /// Whether a pair's label holds only with `a` as the fact shown and `b` its support.
    pub directed: bool,
    pub events: Vec<GoldEvent>,
    pub pairs: Vec<GoldPair>,
    pub differences: Vec<GoldDifference>,
}

/// The articles of the real sets the account golds are drawn from (`multinews-val` and
/// `gva-dev` under `data`, the shared data directory, and the English pairs of
/// `semeval-pairs-train.jsonl` that the fresh gold's events are, see [`semeval_records`]), by
/// id, with the diagnostics of any record that could not be read.
pub fn gold_articles(
    data: &std::path::Path,
) -> (
    std::collections::HashMap<String, chorus_model::Article>,
    Vec<chorus_model::Diagnostic>,
) {
    let paths = [
        data.join("multinews-val/articles.jsonl"),
        data.join("gva-dev/articles.jsonl"),
    ];
    let mut ingested = chorus_ingest::ingest_paths(&paths, &chorus_ingest::IngestConfig::default());
    if let Ok(pairs) = std::fs::read_to_string(data.join("semeval-pairs-train.jsonl")) {
        let records = chorus_ingest::ingest_named_bytes(
            "semeval-pairs-train.jsonl",
            semeval_records(&pairs).as_bytes(),
        );
        ingested.articles.extend(records.articles);
        ingested.diagnostics.extend(records.diagnostics);
    }
    let articles = ingested
        .articles
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    (articles, ingested.diagnostics)
}

/// The articles of the English pairs of `semeval-pairs-train.jsonl` as JSON lines of
/// `{"id", "text"}`, each text its pair's `text1` or `text2` unchanged (so gold spans are byte
/// offsets into that value) under the id `PAIR/1` or `PAIR/2`; no outlet is known, so each is
/// an outlet of its own. An article in several pairs is written once.
pub fn semeval_records(jsonl: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for v in jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        if v["lang1"] != "en" || v["lang2"] != "en" {
            continue;
        }
        let pair = v["pair_id"].as_str().unwrap_or_default();
        for k in 1..=2 {
            let id = format!("{pair}/{k}");
            let Some(text) = v[format!("text{k}")].as_str() else {
                continue;
            };
            if seen.insert(id.clone()) {
                out.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
                out.push('\n');
            }
        }
    }
    out
}

impl Gold {
    /// The gold of a directory: `events.jsonl`, `pairs.jsonl` and, when there,
    /// `differences.jsonl`.
    pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Gold> {
        let read = |f: &str| std::fs::read_to_string(dir.join(f));
        let differences = match read("differences.jsonl") {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        Ok(Gold::read(
            &read("events.jsonl")?,
            &read("pairs.jsonl")?,
            &differences,
        ))
    }

    pub fn read(events: &str, pairs: &str, differences: &str) -> Gold {
        Gold {
            directed: false,
            events: read_events(events),
            pairs: read_pairs(pairs),
            differences: read_differences(differences),
        }
    }

    /// Every support shown on the gold's events, each summarised as [`Gold::score`] summarises
    /// it, that no pair of `labelled` answers in the direction shown (see
    /// [`unlabelled_supports`]): what is left to label.
    pub fn unlabelled_supports(
        &self,
        articles: &std::collections::HashMap<String, chorus_model::Article>,
        config: &chorus_pipeline::Config,
        labelled: &[GoldPair],
    ) -> Vec<ShownSupport> {
        self.events
            .iter()
            .flat_map(|e| {
                let report =
                    chorus_pipeline::summarize(e.articles_in(articles), Vec::new(), config);
                unlabelled_supports(&report, e, labelled)
            })
            .collect()
    }

    /// Scores every event, its articles summarised as one event (so the grouping plays no
    /// part), and sums the scores by part (`dev`, `held-out`, in the order first seen).
    /// `articles` holds every article the gold names, by id.
    pub fn score(
        &self,
        articles: &std::collections::HashMap<String, chorus_model::Article>,
        config: &chorus_pipeline::Config,
    ) -> Vec<(String, AccountScores)> {
        let mut parts: Vec<(String, AccountScores)> = Vec::new();
        for e in &self.events {
            let pairs: Vec<&GoldPair> = self
                .pairs
                .iter()
                .filter(|p| p.set == e.set && p.event == e.event)
                .collect();
            let diffs: Vec<&GoldDifference> = self
                .differences
                .iter()
                .filter(|d| d.set == e.set && d.event == e.event)
                .collect();
            let chosen = e.articles_in(articles);
            let report = chorus_pipeline::summarize(chosen, Vec::new(), config);
            let mut scores = score_event(&report, &pairs, &diffs, self.directed);
            for line in &mut scores.errors {
                *line = format!("{} {}: {line}", e.set, e.event);
            }
            match parts.iter_mut().find(|(p, _)| *p == e.part) {
                Some((_, total)) => total.add(&scores),
                None => parts.push((e.part.clone(), scores)),
            }
        }
        parts
    }
}

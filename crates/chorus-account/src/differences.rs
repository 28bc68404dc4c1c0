//! Differences: figures that differ between outlets for what looks like the same fact. A
//! figure is a number with the word it counts ("24-year", "50 years", "12 people"); two
//! figures from different outlets are about the same thing when they count the same unit and
//! share a rare context word nearby ("rule"). chorus shows every version and picks no winner.

use crate::units::{join, root};
use crate::Units;
use chorus_model::{Difference, Version};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const NUMBER_WORDS: &[(&str, f64)] = &[
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
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// Context words this close (in words) to a figure describe what it counts.
const WINDOW: usize = 4;
/// A context word shared by more than this fraction of the event's sentences (and by more
/// than three of them) says nothing about which figure it is.
const MAX_CONTEXT_DF: f32 = 0.12;
/// Qualifiers of a figure ("at least 12"): they say nothing about what is counted.
const QUALIFIERS: &[&str] = &[
    "least",
    "about",
    "nearly",
    "more",
    "than",
    "over",
    "around",
    "almost",
    "approximately",
    "roughly",
    "some",
    "another",
    "only",
    "just",
    "estimated",
];
/// Words that open a new clause: context of a figure stops there.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "when", "after", "as", "because", "before", "whereas",
];

/// Whether word `i` starts a new clause (a clause word, or punctuation before it).
fn is_boundary(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let Some(&(off, w)) = words.get(i) else {
        return true;
    };
    if CLAUSE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)) {
        return true;
    }
    let prev_end = i
        .checked_sub(1)
        .map_or(0, |p| words[p].0 + words[p].1.len());
    text[prev_end..off].contains([',', ';', ':', '—', '–', '(', ')'])
}

struct Figure {
    unit_index: usize,
    value: f64,
    surface: String,
    unit: String,
    unit_word: String,
    context: Vec<(u32, String)>,
}

fn figures(units: &Units, u: usize) -> Vec<Figure> {
    let unit = &units.units[u];
    let text = unit.text;
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    let stems = chorus_text::Terms::default();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (off, w) = words[k];
        let mut value = if w.chars().all(|c| c.is_ascii_digit()) {
            w.parse::<f64>().ok()
        } else {
            NUMBER_WORDS
                .iter()
                .find(|(n, _)| w.eq_ignore_ascii_case(n))
                .map(|x| x.1)
        };
        let mut last = k;
        // "1,200" and "3.5" arrive as several word tokens.
        while let (Some(v), Some(&(noff, nw))) = (value, words.get(last + 1)) {
            let between = &text[words[last].0 + words[last].1.len()..noff];
            if nw.chars().all(|c| c.is_ascii_digit())
                && (between == "," && nw.len() == 3 || between == ".")
            {
                value = if between == "," {
                    Some(v * 1000.0 + nw.parse::<f64>().unwrap_or(0.0))
                } else {
                    format!("{v}.{nw}").parse().ok()
                };
                last += 1;
            } else {
                break;
            }
        }
        let Some(value) = value else {
            k += 1;
            continue;
        };
        let end = words[last].0 + words[last].1.len();
        let (unit_stem, unit_end) = if text[end..].starts_with('%') {
            ("percent".to_string(), end + 1)
        } else {
            match words.get(last + 1) {
                Some(&(uoff, uw))
                    if uw.chars().count() > 1
                        && uw.chars().all(char::is_alphabetic)
                        && !chorus_text::is_stopword(&uw.to_lowercase()) =>
                {
                    (stems.stem(&uw.to_lowercase()), uoff + uw.len())
                }
                _ => {
                    k = last + 1;
                    continue;
                }
            }
        };
        // Context: up to WINDOW words either side, within the figure's own clause.
        let clause_start = (k.saturating_sub(WINDOW)..k)
            .rev()
            .find(|&i| is_boundary(text, &words, i + 1))
            .map_or(k.saturating_sub(WINDOW), |i| i + 1);
        let clause_end = (last + 2..=(last + 1 + WINDOW).min(words.len()))
            .find(|&i| i == words.len() || is_boundary(text, &words, i))
            .unwrap_or((last + 1 + WINDOW).min(words.len()));
        let lo = words[clause_start].0;
        let hi = words.get(clause_end).map_or(text.len(), |w| w.0);
        let context = unit
            .terms
            .iter()
            .filter(|&&(_, o)| o >= lo && o < hi && !(o >= off && o < unit_end))
            .filter(|&&(t, _)| {
                let df = units.df[t as usize];
                df <= MAX_CONTEXT_DF || df * units.units.len() as f32 <= 3.0
            })
            .map(|&(t, o)| {
                let word = chorus_text::words(&text[o..]).next().map_or("", |x| x.1);
                (t, word.to_lowercase())
            })
            .filter(|(_, w)| !QUALIFIERS.contains(&w.as_str()))
            .collect();
        let unit_word = text[end..unit_end]
            .trim_start_matches([' ', '-'])
            .to_lowercase();
        out.push(Figure {
            unit_index: u,
            value,
            surface: text[off..unit_end].to_string(),
            unit: unit_stem,
            unit_word,
            context,
        });
        k = last + 1;
    }
    out
}

/// What pairing looks at in a figure: its unit, its outlet and its context.
type ClassKey<'a> = (&'a str, &'a str, &'a [(u32, String)]);

pub(crate) fn find(units: &Units) -> Vec<Difference> {
    let all: Vec<Figure> = (0..units.units.len())
        .flat_map(|u| figures(units, u))
        .collect();
    // Union figures from different outlets that count the same unit in a shared context.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    // Pairs are looked for among figures of one unit that share a context term (through an
    // index of context terms), so a large event does not compare every pair of figures; the
    // words two figures share are what the difference is about.
    //
    // Figures alike in all that pairing looks at (unit, context, outlet) form one class, and
    // classes are paired, not figures: a story reprinted by hundreds of outlets repeats each
    // figure hundreds of times, and pairing every copy with every other was quadratic. Two
    // figures pair exactly when their classes do, so the groups are the same: each paired
    // class's figures join their first figure. The words of a pair come from its earlier
    // figure, so a class lends its words to a pair of classes when one of its figures comes
    // before one of the other's.
    let mut about: Vec<BTreeSet<String>> = vec![BTreeSet::new(); all.len()];
    let mut classes: Vec<Vec<usize>> = Vec::new();
    {
        let mut class_of: HashMap<ClassKey, usize> = HashMap::new();
        for (i, f) in all.iter().enumerate() {
            let source = units.units[f.unit_index].source;
            let key = (f.unit.as_str(), source, &f.context[..]);
            let c = *class_of.entry(key).or_insert_with(|| {
                classes.push(Vec::new());
                classes.len() - 1
            });
            classes[c].push(i);
        }
    }
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (c, members) in classes.iter().enumerate() {
        by_unit
            .entry(all[members[0]].unit.as_str())
            .or_default()
            .push(c);
    }
    let mut paired = vec![false; classes.len()];
    let mut partners: Vec<usize> = Vec::new();
    for of_unit in by_unit.values() {
        let mut postings: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &c in of_unit {
            for &(t, _) in &all[classes[c][0]].context {
                let list = postings.entry(t).or_default();
                if list.last() != Some(&c) {
                    list.push(c);
                }
            }
        }
        for &c in of_unit {
            partners.clear();
            for (t, _) in &all[classes[c][0]].context {
                partners.extend(postings[t].iter().copied().filter(|&d| d > c));
            }
            partners.sort_unstable();
            partners.dedup();
            for &d in &partners {
                let (ca, cb) = (&classes[c], &classes[d]);
                let (a, b) = (&all[ca[0]], &all[cb[0]]);
                if units.units[a.unit_index].source == units.units[b.unit_index].source {
                    continue;
                }
                join(&mut parent, ca[0], cb[0]);
                paired[c] = true;
                paired[d] = true;
                let (first_a, last_a) = (ca[0], ca[ca.len() - 1]);
                let (first_b, last_b) = (cb[0], cb[cb.len() - 1]);
                for (x, y, lends) in [(a, b, first_a < last_b), (b, a, first_b < last_a)] {
                    if lends {
                        let shared = x
                            .context
                            .iter()
                            .filter(|w| y.context.iter().any(|z| z.0 == w.0))
                            .map(|w| w.1.clone());
                        about[ca[0]].extend(shared);
                    }
                }
            }
        }
    }
    for (c, members) in classes.iter().enumerate() {
        if paired[c] {
            for &m in &members[1..] {
                join(&mut parent, members[0], m);
            }
        }
    }
    // Groups in order of their first figure.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..all.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        let mut values: Vec<f64> = members.iter().map(|&m| all[m].value).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        if values.len() < 2 {
            continue;
        }
        // Two values in one sentence are two quantities ("9% asked, 4.5% offered"), not
        // two versions of one: the group is ambiguous and is not reported.
        let ambiguous = members.iter().any(|&a| {
            members
                .iter()
                .any(|&b| all[a].unit_index == all[b].unit_index && all[a].value != all[b].value)
        });
        if ambiguous {
            continue;
        }
        let mut versions: Vec<Version> = Vec::new();
        for &m in &members {
            let f = &all[m];
            let unit = &units.units[f.unit_index];
            let dup = versions
                .iter()
                .any(|v| v.source == unit.source && v.value == f.surface);
            if !dup {
                versions.push(Version {
                    text: unit.text.to_string(),
                    source: unit.source.to_string(),
                    citation: units.citation(f.unit_index),
                    value: f.surface.clone(),
                });
            }
        }
        let words: BTreeSet<&str> = members
            .iter()
            .flat_map(|&m| about[m].iter().map(String::as_str))
            .collect();
        let words: Vec<&str> = words.into_iter().collect();
        let unit_word = &all[members[0]].unit_word;
        out.push(Difference {
            about: format!("{}: {unit_word}", words.join(", ")),
            versions,
        });
    }
    out
}

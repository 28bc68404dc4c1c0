//! `cargo xtask statement --probe [FILE]`: every labelled pair the same-statement model accepts,
//! with the first check of a shown fact's sentence that refuses it (`facts::shown_refusal`), on
//! the three sets a shown-sentence rule is judged by: the dev parts of the shown supports
//! (batches 1-7, each pair as labelled, `a` the fact shown and `b` its support), the dev part of
//! the account gold (either way round: one fact holds both when either can lead it) and the
//! MSRP training pairs (read as two one-sentence articles, either way round). Prints, per set,
//! how many accepted pairs of each label each check refuses and how many stay; with `FILE`,
//! writes every accepted pair as a tab-separated line (set, label, probability, the refusal
//! with `a` leading, with `b` leading, the two sentences) to diff one rule's run against
//! another's. With `PROBE_VERBLESS=1`, also every sentence of those events read as a fragment
//! without a verb (`statement::verbless`). Held-out parts are never read.

use anyhow::{Context, Result};
use chorus_account::statement::{one_sentence_article, EventClaims};
use chorus_eval::account::{Gold, Label};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One accepted pair: its set, label, probability, the refusal with `a` leading and with `b`
/// leading (`-` where none), and the two sentences.
struct Probed {
    set: String,
    label: String,
    p: f32,
    a_leads: Option<&'static str>,
    b_leads: Option<&'static str>,
    a: String,
    b: String,
}

/// The probed pairs of one event: `pairs` as (a, b, label) byte spans of its articles.
fn probe_event(
    set: &str,
    event: &EventClaims,
    pairs: &[(usize, usize, String)],
    cut: f32,
    out: &mut Vec<Probed>,
) {
    for &(a, b, ref label) in pairs {
        let (fa, ta) = event.statement(a);
        let (fb, tb) = event.statement(b);
        // The model is asked about units of two articles that both may be facts.
        if !fa || !fb {
            continue;
        }
        let p = event.probability(a, b).max(event.probability(b, a));
        if p < cut {
            continue;
        }
        out.push(Probed {
            set: set.to_string(),
            label: label.clone(),
            p,
            a_leads: event.shown_refusal(b, a),
            b_leads: event.shown_refusal(a, b),
            a: ta.to_string(),
            b: tb.to_string(),
        });
    }
}

/// The dev pairs of a gold directory, each read in its event as the account reads it.
fn gold_dev(
    set: &str,
    dir: &std::path::Path,
    articles: &std::collections::HashMap<String, chorus_model::Article>,
    cut: f32,
    out: &mut Vec<Probed>,
) -> Result<()> {
    let gold = Gold::read_dir(dir).with_context(|| format!("{}", dir.display()))?;
    for e in gold.events.iter().filter(|e| e.part.ends_with("dev")) {
        let cleaned = chorus_clean::clean(e.articles_in(articles), &Default::default());
        let refs: Vec<&chorus_model::CleanArticle> = cleaned.iter().collect();
        let event = EventClaims::new(&refs);
        let pairs: Vec<(usize, usize, String)> = gold
            .pairs
            .iter()
            .filter(|p| p.set == e.set && p.event == e.event)
            .filter_map(|p| {
                let a = event.unit_at(&p.a.article, p.a.start, p.a.end)?;
                let b = event.unit_at(&p.b.article, p.b.start, p.b.end)?;
                let label = match p.label {
                    Label::Same => "same",
                    Label::Related => "related",
                    _ => "unrelated",
                };
                Some((a, b, label.to_string()))
            })
            .collect();
        probe_event(set, &event, &pairs, cut, out);
        if std::env::var_os("PROBE_VERBLESS").is_some() {
            // Every sentence of the event read as a fragment without a verb
            // (`statement::verbless`), for reading what that check drops.
            for u in 0..event.sentences() {
                let text = event.statement(u).1;
                if chorus_account::statement::verbless(text) {
                    println!("verbless\t{set}\t{text}");
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn run(args: &[&str]) -> Result<()> {
    let cut = chorus_account::AccountConfig::default().same_statement;
    let mut out = Vec::new();
    let data = crate::shared("")?;
    let articles = chorus_eval::account::gold_articles(&data).0;
    let tests = format!("{}/../chorus-eval/tests/data", env!("CARGO_MANIFEST_DIR"));
    let shown = format!("{tests}/shown-supports");
    for (batch, dir) in [
        ("1", shown.clone()),
        ("2", format!("{shown}/batch2")),
        ("3", format!("{shown}/batch3")),
        ("4", format!("{shown}/batch4")),
        ("5", format!("{shown}/batch5")),
        ("6", format!("{shown}/batch6")),
        ("7", format!("{shown}/batch7")),
    ] {
        let mut probed = Vec::new();
        gold_dev(
            &format!("shown{batch}"),
            std::path::Path::new(&dir),
            &articles,
            cut,
            &mut probed,
        )?;
        out.extend(probed);
    }
    gold_dev(
        "gold",
        std::path::Path::new(&format!("{tests}/account-gold")),
        &articles,
        cut,
        &mut out,
    )?;
    let path = crate::shared("msrp-train.tsv")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 {
            continue;
        }
        let label = if f[0].trim_start_matches('\u{feff}') == "1" {
            "same"
        } else {
            "other"
        };
        let articles = [
            one_sentence_article("A", f[3]),
            one_sentence_article("B", f[4]),
        ];
        let refs: Vec<&chorus_model::CleanArticle> = articles.iter().collect();
        let event = EventClaims::new(&refs);
        if event.sentences() < 2 {
            continue;
        }
        probe_event("msrp", &event, &[(0, 1, label.to_string())], cut, &mut out);
    }
    // Per set and label: accepted pairs kept, and refused by each check. Shown pairs are
    // directed (`b` supports `a`); the others are kept when either may lead.
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for p in &out {
        let refusal = if p.set.starts_with("shown") {
            p.a_leads
        } else if p.a_leads.is_none() || p.b_leads.is_none() {
            None
        } else {
            p.a_leads
        };
        let set = if p.set.starts_with("shown") {
            "shown"
        } else {
            &p.set
        };
        for s in [set, &p.set] {
            *counts
                .entry((
                    s.to_string(),
                    p.label.clone(),
                    refusal.unwrap_or("(kept)").to_string(),
                ))
                .or_default() += 1;
            if s == p.set {
                break;
            }
        }
    }
    println!("accepted pairs (p >= {cut}) by set, label and the check that refuses them:");
    for ((set, label, check), n) in &counts {
        println!("{set}\t{label}\t{check}\t{n}");
    }
    if let Some(file) = args.first() {
        let mut text = String::new();
        for p in &out {
            let _ = writeln!(
                text,
                "{}\t{}\t{:.3}\t{}\t{}\t{}\t{}",
                p.set,
                p.label,
                p.p,
                p.a_leads.unwrap_or("-"),
                p.b_leads.unwrap_or("-"),
                p.a,
                p.b
            );
        }
        std::fs::write(file, text)?;
    }
    Ok(())
}

//! `cargo xtask statement`: fits the "same statement?" model of `chorus_account::statement`
//! on the Microsoft Research Paraphrase Corpus training pairs (`../shared/data/msrp-train.tsv`)
//! together with the dev part of the hand-checked account gold (pairs of sentences of real
//! events, read in their event), and prints precision and recall by cut-off: on MSRP by
//! five-fold cross-validation (each pair scored by a model fitted without it), on the gold's
//! dev part cross-validated by event (each event's pairs scored by a model fitted without that
//! event: what pairwise figures on unseen events look like) and fitted on, each with its
//! operating points (recall at precision 0.95, precision at recall 0.80), then the weights fitted on all of it, which the account keeps as
//! `WEIGHTS`. The gold's held-out part is neither read nor printed here: it is scored only
//! through the report (`cargo xtask eval account`, one summary line). `--drop I,J` zeroes
//! those features before fitting, to read what each adds.

use anyhow::{Context, Result};
use chorus_account::statement::{pair_features, score, EventClaims, FEATURES, WEIGHTS};
use chorus_eval::account::Label;
use std::collections::HashMap;

/// Features, label (same statement or not) and weight in the fit. A pair the account refuses
/// whatever the model says (a polarity or modality flip) weighs nothing in the fit (the model
/// is fitted on the pairs it decides) and is scored zero.
type Row = ([f32; FEATURES], bool, f32);

/// The model's probability for a row, zero where the pair is refused.
fn probability(row: &Row, w: &[f32; FEATURES + 1]) -> f32 {
    if row.2 == 0.0 {
        0.0
    } else {
        score(&row.0, w)
    }
}

/// How much a gold pair weighs against an MSRP pair: the gold is what the report meets.
const GOLD_WEIGHT: f32 = 3.0;

fn msrp() -> Result<Vec<Row>> {
    let path = crate::shared("msrp-train.tsv")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let same = f.first()?.trim_start_matches('\u{feff}') == "1";
            (f.len() == 5).then(|| {
                let (x, refused) = pair_features(f[3], f[4]);
                (x, same, if refused { 0.0 } else { 1.0 })
            })
        })
        .collect())
}

/// The gold's pairs by part, each read in its event as the account reads it (cleaned, the
/// event's units); pairs whose sentences cleaning removed are left out.
pub(crate) fn gold_rows() -> Result<HashMap<String, Vec<(usize, Row)>>> {
    let (gold, mut articles) = crate::account::gold_and_articles("account-gold")?;
    let mut out: HashMap<String, Vec<(usize, Row)>> = HashMap::new();
    let (mut kept, mut lost) = (0, 0);
    for (index, e) in gold.events.iter().enumerate() {
        let chosen = e
            .articles
            .iter()
            .filter_map(|id| articles.remove(id))
            .collect();
        let cleaned = chorus_clean::clean(chosen, &Default::default());
        let refs: Vec<&chorus_model::CleanArticle> = cleaned.iter().collect();
        let event = EventClaims::new(&refs);
        if e.part != "dev" {
            // The held-out part is not read while tuning.
            continue;
        }
        for p in gold
            .pairs
            .iter()
            .filter(|p| p.set == e.set && p.event == e.event)
        {
            let a = event.unit_at(&p.a.article, p.a.start, p.a.end);
            let b = event.unit_at(&p.b.article, p.b.start, p.b.end);
            let (Some(a), Some(b)) = (a, b) else {
                lost += 1;
                continue;
            };
            kept += 1;
            out.entry(e.part.clone()).or_default().push((
                index,
                (
                    event.features(a, b),
                    p.label == Label::Same,
                    if event.refused(a, b) {
                        0.0
                    } else {
                        GOLD_WEIGHT
                    },
                ),
            ));
        }
    }
    println!(
        "account gold: {kept} pairs read in their events, {lost} whose sentences cleaning removed"
    );
    Ok(out)
}

/// Logistic regression by full-batch gradient descent with a little L2 (deterministic).
fn fit(rows: &[&Row]) -> [f32; FEATURES + 1] {
    let mut w = [0f32; FEATURES + 1];
    let total: f32 = rows.iter().map(|r| r.2).sum();
    for _ in 0..3000 {
        let mut grad = [0f32; FEATURES + 1];
        for (x, y, weight) in rows {
            let e = (score(x, &w) - f32::from(u8::from(*y))) * weight;
            for (g, xi) in grad.iter_mut().zip(x.iter()) {
                *g += e * xi;
            }
            grad[FEATURES] += e;
        }
        for (i, wi) in w.iter_mut().enumerate() {
            let l2 = if i < FEATURES { 1e-3 * *wi } else { 0.0 };
            *wi -= grad[i] / total + l2;
        }
    }
    w
}

/// Precision and recall of "same" at each cut-off, one line each.
fn table(name: &str, scored: &[(f32, bool)]) {
    println!("{name} ({} pairs): cut-off precision recall", scored.len());
    let pos = scored.iter().filter(|(_, y)| *y).count() as f64;
    for t in [0.3f32, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let tp = scored.iter().filter(|(p, y)| *p >= t && *y).count() as f64;
        let fp = scored.iter().filter(|(p, y)| *p >= t && !*y).count() as f64;
        println!(
            "  {t:.2}  {:.3}  {:.3}",
            tp / (tp + fp).max(1.0),
            tp / pos.max(1.0)
        );
    }
}

/// The operating points the issue asks for: the most recall at precision 0.95 or more, and
/// the most precision at recall 0.80 or more (over cut-offs in steps of 0.01).
fn operating_points(name: &str, scored: &[(f32, bool)]) {
    let pos = scored.iter().filter(|(_, y)| *y).count() as f64;
    let (mut recall_at, mut precision_at) = ((0.0, 0.0), (0.0, 0.0));
    let mut recall_90 = (0.0, 0.0);
    for i in 1..100 {
        let t = i as f32 / 100.0;
        let tp = scored.iter().filter(|(p, y)| *p >= t && *y).count() as f64;
        let fp = scored.iter().filter(|(p, y)| *p >= t && !*y).count() as f64;
        let (p, r) = (tp / (tp + fp).max(1.0), tp / pos.max(1.0));
        if p >= 0.95 && r > recall_at.0 {
            recall_at = (r, t);
        }
        if p >= 0.90 && r > recall_90.0 {
            recall_90 = (r, t);
        }
        if r >= 0.80 && p > precision_at.0 {
            precision_at = (p, t);
        }
    }
    println!(
        "{name}: recall {:.3} at precision >= 0.95 (cut-off {:.2}), {:.3} at 0.90 ({:.2}); precision {:.3} at recall >= 0.80 (cut-off {:.2})",
        recall_at.0, recall_at.1, recall_90.0, recall_90.1, precision_at.0, precision_at.1
    );
}

/// The features and probability of one pair of sentences (read as two one-sentence articles).
pub(crate) fn pair(a: &str, b: &str) -> Result<()> {
    let (f, refused) = pair_features(a, b);
    println!(
        "features {f:?}\nrefused {refused}\nprobability {:.3}",
        score(&f, &WEIGHTS)
    );
    // Through the report, as two one-sentence articles of two outlets.
    let article = |id: &str, text: &str| chorus_model::Article {
        id: id.into(),
        source: id.into(),
        body: text.into(),
        ..Default::default()
    };
    let report = chorus_pipeline::summarize(
        vec![article("A", a), article("B", b)],
        Vec::new(),
        &Default::default(),
    );
    for e in &report.events {
        for f in &e.corroborated {
            println!("corroborated: {:?} ({})", f.text, f.sources.join(", "));
        }
        for f in &e.single_source {
            println!("single-source: {:?} ({})", f.text, f.source);
        }
    }
    Ok(())
}

pub(crate) fn run(args: &[&str]) -> Result<()> {
    let mut rows = msrp()?;
    let mut gold = gold_rows()?;
    // `--drop 3,7`: those features zeroed before fitting (the model without them), for
    // reading what each adds.
    if let Some(list) = args
        .iter()
        .position(|a| *a == "--drop")
        .and_then(|i| args.get(i + 1))
    {
        let drop: Vec<usize> = list.split(',').filter_map(|x| x.parse().ok()).collect();
        let zero = |r: &mut Row| {
            for &i in drop.iter().filter(|&&i| i < FEATURES) {
                r.0[i] = 0.0;
            }
        };
        rows.iter_mut().for_each(zero);
        gold.values_mut().flatten().for_each(|r| zero(&mut r.1));
    }
    if let Some(path) = args
        .iter()
        .position(|a| *a == "--dump")
        .and_then(|i| args.get(i + 1))
    {
        // Every row's features and label, for reading the model's errors elsewhere.
        let mut out = String::new();
        // Each row's set (a dev pair's with its event's index, for folds by event), label,
        // whether it is refused, then its features.
        let msrp_rows = rows.iter().map(|r| ("msrp".to_string(), r));
        let dev_rows = gold["dev"].iter().map(|r| (format!("dev{}", r.0), &r.1));
        for (set, (x, y, weight)) in msrp_rows.chain(dev_rows) {
            let xs: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            out.push_str(&format!(
                "{set},{},{},{}\n",
                u8::from(*y),
                u8::from(*weight == 0.0),
                xs.join(",")
            ));
        }
        std::fs::write(path, out)?;
    }
    let dev_events = gold.get("dev").cloned().unwrap_or_default();
    let dev: Vec<Row> = dev_events.iter().map(|r| r.1).collect();
    let positives = rows.iter().filter(|r| r.1).count();
    println!(
        "msrp-train: {} pairs, {positives} labelled same",
        rows.len()
    );
    let mut scored = Vec::with_capacity(rows.len());
    for fold in 0..5 {
        let train: Vec<&Row> = rows
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|x| x.1)
            .chain(&dev)
            .collect();
        let w = fit(&train);
        scored.extend(
            rows.iter()
                .enumerate()
                .filter(|(i, _)| i % 5 == fold)
                .map(|(_, r)| (probability(r, &w), r.1)),
        );
    }
    table("msrp-train, cross-validated in five folds", &scored);
    operating_points("msrp-train, cross-validated", &scored);
    // The gold's dev part by event in five folds: each event's pairs scored by a model fitted
    // on MSRP and the other folds' events (what the fit does on events it has not seen).
    let mut scored = Vec::with_capacity(dev.len());
    for fold in 0..5 {
        let train: Vec<&Row> = rows
            .iter()
            .chain(dev_events.iter().filter(|r| r.0 % 5 != fold).map(|r| &r.1))
            .collect();
        let w = fit(&train);
        scored.extend(
            dev_events
                .iter()
                .filter(|r| r.0 % 5 == fold)
                .map(|r| (probability(&r.1, &w), r.1 .1)),
        );
    }
    table(
        "account gold, dev part, cross-validated by event in five folds",
        &scored,
    );
    operating_points("account gold dev, cross-validated by event", &scored);
    let all: Vec<&Row> = rows.iter().chain(&dev).collect();
    let w = fit(&all);
    let by = |set: &[Row], w: &[f32; FEATURES + 1]| -> Vec<(f32, bool)> {
        set.iter().map(|r| (probability(r, w), r.1)).collect()
    };
    table("account gold, dev part (fitted on)", &by(&dev, &w));
    table(
        "shipped WEIGHTS, account gold dev part",
        &by(&dev, &WEIGHTS),
    );
    let list: Vec<String> = w.iter().map(|x| format!("{x:.4}")).collect();
    println!(
        "weights fitted on msrp-train and the gold's dev part (features, then bias):\n[{}]",
        list.join(", ")
    );
    Ok(())
}

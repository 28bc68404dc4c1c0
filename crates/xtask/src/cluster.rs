//! Event grouping on `multinews-val` (B-cubed and pairwise scores, order robustness, the
//! worst merges and splits), on the undated English SemEval pairs digested together (same
//! stories joined, different stories joined: `--set semeval`), and the "same story?"
//! similarity on SemEval pairs (Pearson r).

use crate::{flag, shared};
use anyhow::{Context, Result};
use chorus_cluster::{cluster, ClusterConfig, Clusterer};
use chorus_eval::pearson;
use chorus_eval::semeval::judged_same;
use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::CleanArticle;
use std::collections::HashMap;
use std::time::Instant;

/// B-cubed and pairwise precision / recall / F1 of a predicted grouping against gold labels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scores {
    pub bcubed: (f64, f64, f64),
    pub pairwise: (f64, f64, f64),
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores `predicted` (item → cluster) against `gold` (item → cluster), same item set.
pub(crate) fn score(predicted: &[usize], gold: &[usize]) -> Scores {
    let n = predicted.len() as f64;
    let mut cell: HashMap<(usize, usize), f64> = HashMap::new();
    let mut np: HashMap<usize, f64> = HashMap::new();
    let mut ng: HashMap<usize, f64> = HashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *cell.entry((p, g)).or_default() += 1.0;
        *np.entry(p).or_default() += 1.0;
        *ng.entry(g).or_default() += 1.0;
    }
    let (mut bp, mut br, mut tp) = (0.0, 0.0, 0.0);
    for (&(p, g), &c) in &cell {
        bp += c * c / np[&p];
        br += c * c / ng[&g];
        tp += c * (c - 1.0) / 2.0;
    }
    let pairs = |m: &HashMap<usize, f64>| m.values().map(|c| c * (c - 1.0) / 2.0).sum::<f64>();
    let (pp, gp) = (pairs(&np), pairs(&ng));
    let (bp, br) = (bp / n, br / n);
    let (wp, wr) = (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    );
    Scores {
        bcubed: (bp, br, f1(bp, br)),
        pairwise: (wp, wr, f1(wp, wr)),
    }
}

/// The sets `cargo xtask eval cluster --set NAME` scores: `multinews-val` (undated, the
/// default), `gva-dev` (dated, titled, one topic throughout) and `seeds` (the two seed
/// articles, one event of their own, mixed into `multinews-val`).
pub(crate) const SETS: [&str; 3] = ["multinews-val", "gva-dev", "seeds"];

/// The multinews-val articles, cleaned, with their gold event numbers.
pub(crate) fn multinews() -> Result<(Vec<CleanArticle>, Vec<usize>)> {
    load("multinews-val")
}

/// The articles of a set of [`SETS`], cleaned, with their gold event numbers.
pub(crate) fn load(set: &str) -> Result<(Vec<CleanArticle>, Vec<usize>)> {
    let (dir, extra) = match set {
        "seeds" => ("multinews-val", Some(shared("seeds")?)),
        "multinews-val" | "gva-dev" => (set, None),
        _ => anyhow::bail!("unknown set {set:?}; one of {}", SETS.join(", ")),
    };
    let dir = shared(dir)?;
    let mut paths = vec![dir.join("articles.jsonl")];
    paths.extend(extra.clone());
    let ingested = ingest_paths(&paths, &IngestConfig::default());
    let mut gold_of: HashMap<String, usize> = HashMap::new();
    let events = std::fs::read_to_string(dir.join("events.jsonl"))?;
    let mut count = 0;
    for (e, line) in events.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        for a in v["articles"].as_array().context("articles")? {
            gold_of.insert(a.as_str().context("id")?.to_string(), e);
        }
        count = e + 1;
    }
    let cleaned = chorus_clean::clean(ingested.articles, &Default::default());
    let gold = cleaned
        .iter()
        .map(|a| match gold_of.get(&a.article.id) {
            Some(&g) => Ok(g),
            // The seed articles, read from their folder: one event of their own.
            None if extra.is_some() => Ok(count),
            None => anyhow::bail!("article {} without gold", a.article.id),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((cleaned, gold))
}

/// `--compress K`: the gold incidents K times closer together, each over its own days
/// ([`chorus_cluster::compress_dates`]): the same incidents as in a denser period.
fn compress(articles: &mut [CleanArticle], gold: &[usize], k: i64) {
    let mut dates: Vec<(&mut String, usize)> = articles
        .iter_mut()
        .zip(gold)
        .filter_map(|(a, &g)| Some((a.article.published.as_mut()?, g)))
        .collect();
    chorus_cluster::compress_dates(&mut dates, k);
}

/// Whether cleaning left the article any text (a page it empties is in no event).
fn has_text(a: &CleanArticle) -> bool {
    !a.text().trim().is_empty()
}

/// A deterministic permutation of `0..n` (xorshift, Fisher–Yates).
pub(crate) fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

pub(crate) fn labels(events: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut out = vec![usize::MAX; n];
    for (e, members) in events.iter().enumerate() {
        for &i in members {
            out[i] = e;
        }
    }
    out
}

/// The default clustering with the term weights both evaluations may be asked to try
/// (`--idf-power`, `--name-weight`, `--phrase-weight`, `--title-weight`) and the joins of
/// undated articles (`--no-other-initials`, `--no-lone-words`).
fn with_flags(args: &[&str]) -> ClusterConfig {
    let mut config = ClusterConfig::default();
    let features = &mut config.features;
    if let Some(x) = flag(args, "--idf-power") {
        features.idf_power = x;
    }
    if let Some(x) = flag(args, "--name-weight") {
        features.name_weight = x;
    }
    if let Some(x) = flag(args, "--phrase-weight") {
        features.phrase_weight = x;
    }
    if let Some(x) = flag(args, "--title-weight") {
        features.title_weight = x;
    }
    if args.contains(&"--no-well-known-words") {
        features.well_known_words = false;
    }
    if args.contains(&"--no-other-initials") {
        config.online.other_initials = false;
    }
    if args.contains(&"--no-lone-words") {
        config.online.lone_words = false;
    }
    if args.contains(&"--no-credits") {
        features.credits = false;
    }
    if args.contains(&"--no-public-figures") {
        features.public_figures = false;
    }
    if let Some(x) = flag(args, "--public-strength") {
        config.online.public_strength = x;
    }
    config
}

/// `cargo xtask eval cluster`.
pub(crate) fn eval(args: &[&str]) -> Result<()> {
    let set = flag::<String>(args, "--set").unwrap_or_else(|| SETS[0].to_string());
    if set == "semeval" {
        return semeval_pairs(args);
    }
    let (mut articles, gold) = load(&set)?;
    if let Some(k) = flag::<i64>(args, "--compress") {
        compress(&mut articles, &gold, k);
    }
    let mut config = with_flags(args);
    if let Some(t) = flag(args, "--threshold") {
        config.online.threshold = t;
    }
    if let Some(x) = flag(args, "--lead-words") {
        config.features.lead_words = x;
    }
    if let Some(x) = flag(args, "--lead-weight") {
        config.features.lead_weight = x;
    }
    if let Some(x) = flag(args, "--max-terms") {
        config.features.max_terms = x;
    }
    if let Some(x) = flag(args, "--min-terms") {
        config.min_terms = x;
    }
    if let Some(x) = flag(args, "--eject") {
        config.online.eject_ratio = x;
    }
    if let Some(x) = flag(args, "--index-terms") {
        config.online.index_terms = x;
    }
    if let Some(x) = flag(args, "--min-shared") {
        config.online.min_shared = x;
    }
    if let Some(x) = flag(args, "--min-overlap") {
        config.online.min_overlap = x;
    }
    if args.contains(&"--no-split") {
        config.online.split = false;
    }
    if let Some(x) = flag(args, "--split-need") {
        config.online.split_need = x;
    }
    if let Some(x) = flag(args, "--split-min") {
        config.online.split_min = x;
    }
    if let Some(x) = flag(args, "--split-one-outlet") {
        config.online.split_one_outlet = x;
    }
    if let Some(x) = flag(args, "--min-specific") {
        config.online.min_specific = x;
    }
    if let Some(x) = flag(args, "--follow-slack") {
        config.online.follow_slack = x;
    }
    if let Some(x) = flag(args, "--follow-shared") {
        config.online.follow_shared = x;
    }
    if let Some(x) = flag(args, "--follow-many") {
        config.online.follow_many = x;
    }
    if let Some(x) = flag(args, "--strong-slack") {
        config.online.strong_slack = x;
    }
    if let Some(x) = flag(args, "--strong-below") {
        config.online.strong_below = x;
    }
    if let Some(x) = flag(args, "--voice-strength") {
        config.online.voice_strength = x;
    }
    if let Some(x) = flag(args, "--institution-strength") {
        config.online.institution_strength = x;
    }
    if let Some(x) = flag(args, "--place-strength") {
        config.online.place_strength = x;
    }
    if let Some(x) = flag(args, "--place-days") {
        config.online.place_days = x;
    }
    if args.contains(&"--no-institution-same-day") {
        config.online.institution_same_day = false;
    }
    if let Some(x) = flag(args, "--min-strength") {
        config.online.min_strength = x;
    }
    if let Some(x) = flag(args, "--follow-strong") {
        config.online.follow_strong = x;
    }
    if let Some(x) = flag(args, "--follow-specific") {
        config.online.follow_specific = x;
    }
    if let Some(x) = flag(args, "--specific-days") {
        config.online.specific_days = x;
    }
    if let Some(x) = flag(args, "--text-follow-days") {
        config.online.text_follow_days = x;
    }
    if let Some(x) = flag(args, "--specific-share") {
        config.online.specific_share = x;
    }
    if let Some(x) = flag(args, "--specific-df") {
        config.online.specific_df = x;
    }
    if let Some(x) = flag(args, "--max-days") {
        config.online.max_days_apart = x;
    }
    if let Some(x) = flag(args, "--text-date-days") {
        config.text_date_days = x;
    }
    if args.contains(&"--no-text-dates") {
        config.dates_from_text = false;
    }
    let seeds: Vec<u64> = match flag::<u64>(args, "--shuffle") {
        Some(s) => vec![0, s],
        None => vec![0, 1, 2, 3],
    };
    println!(
        "{set}: {} articles, {} gold events, threshold {}",
        articles.len(),
        gold.iter().max().map_or(0, |m| m + 1),
        config.online.threshold
    );
    println!("order      events  B3-P   B3-R   B3-F1  pair-P pair-R pair-F1  ms");
    let mut f1s = Vec::new();
    let mut first = None;
    for &seed in &seeds {
        let order = if seed == 0 {
            (0..articles.len()).collect()
        } else {
            permutation(articles.len(), seed)
        };
        let shuffled: Vec<CleanArticle> = order.iter().map(|&i| articles[i].clone()).collect();
        let shuffled_gold: Vec<usize> = order.iter().map(|&i| gold[i]).collect();
        let start = Instant::now();
        let c = cluster(&shuffled, &config);
        let ms = start.elapsed().as_millis();
        let predicted = labels(&c.events, shuffled.len());
        let s = score(&predicted, &shuffled_gold);
        let name = if seed == 0 {
            "input".to_string()
        } else {
            format!("shuffle {seed}")
        };
        row(&name, c.events.len(), &s, ms);
        f1s.push(s.bcubed.2);
        if first.is_none() {
            println!(
                "           B3 to four places: P {:.4} R {:.4} F1 {:.4}",
                s.bcubed.0, s.bcubed.1, s.bcubed.2
            );
            first = Some(predicted);
        }
    }
    let max = f1s.iter().copied().fold(f64::MIN, f64::max);
    let min = f1s.iter().copied().fold(f64::MAX, f64::min);
    println!("B-cubed F1 spread over orders: {:.4}", max - min);
    // What the score is over the articles that have a story to group: some pages of the set
    // are archive or social-site notices that cleaning empties (nothing tells their event).
    // The full set above is the figure the floor is on; this says how much of its shortfall
    // those pages are.
    if let Some(predicted) = &first {
        let with_text: Vec<usize> = (0..articles.len())
            .filter(|&i| has_text(&articles[i]))
            .collect();
        let kept: Vec<usize> = with_text.iter().map(|&i| predicted[i]).collect();
        let s = score(
            &kept,
            &with_text.iter().map(|&i| gold[i]).collect::<Vec<_>>(),
        );
        println!(
            "articles with text: {} of {} (those that cleaning empties are left out): \
             B3 P {:.3} R {:.3} F1 {:.3}, pairwise F1 {:.3}",
            with_text.len(),
            articles.len(),
            s.bcubed.0,
            s.bcubed.1,
            s.bcubed.2,
            s.pairwise.2
        );
    }
    if set == "seeds" {
        if let Some(predicted) = &first {
            seed_event(&articles, &gold, predicted);
        }
    }
    // As a collection grows: the articles (shuffled) arrive in equal ingests; each ingest
    // restores the events stored after the previous one and adds its articles to them.
    println!("ingests    events  B3-P   B3-R   B3-F1  pair-P pair-R pair-F1  ms");
    let order = permutation(articles.len(), 1);
    let shuffled: Vec<CleanArticle> = order.iter().map(|&i| articles[i].clone()).collect();
    let shuffled_gold: Vec<usize> = order.iter().map(|&i| gold[i]).collect();
    let parts: &[usize] = if args.contains(&"--quick") {
        &[]
    } else {
        &[2, 5, 20]
    };
    for &parts in parts {
        let start = Instant::now();
        let c = in_ingests(&shuffled, parts, &config);
        let ms = start.elapsed().as_millis();
        let s = score(&labels(&c.events, shuffled.len()), &shuffled_gold);
        row(&parts.to_string(), c.events.len(), &s, ms);
    }
    if args.contains(&"--errors") {
        // The input order's grouping again, kept whole to say what links its mixed events.
        let mut clusterer = Clusterer::new(config.clone());
        clusterer.add(&articles);
        errors(&articles, &gold, &clusterer);
    }
    if args.contains(&"--halves") {
        halves(&articles, &gold, &config);
    }
    if args.contains(&"--bounds") {
        bounds(&articles, &gold, &config);
    }
    Ok(())
}

/// What the similarity itself allows on this set, apart from how the online grouping uses
/// it: exact average link over all pairs of the articles with text (a reference the online
/// grouping should match), the same with every merge of two gold events refused (what a
/// perfect veto on wrong merges would give), and starting from the gold events, so that only
/// wrong merges are made (what perfect linking would give); then the score of a perfect
/// grouping of the articles with text, and how often an article's nearest neighbour is of
/// its own event.
fn bounds(articles: &[CleanArticle], gold: &[usize], config: &ClusterConfig) {
    let mut c = Clusterer::new(config.clone());
    c.add(articles);
    let n = articles.len();
    // As grouping sees them: an article that cleaning left without text, or too thin to
    // judge, stays alone.
    let active: Vec<usize> = (0..n)
        .filter(|&i| has_text(&articles[i]) && c.pair_similarity(i, i).is_some())
        .collect();
    let mut sim = vec![vec![0.0f32; n]; n];
    for &i in &active {
        for &j in &active {
            sim[i][j] = c.pair_similarity(i, j).unwrap_or(0.0);
        }
    }
    let singles: Vec<Vec<usize>> = active.iter().map(|&i| vec![i]).collect();
    let mut by_gold: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &active {
        by_gold.entry(gold[i]).or_default().push(i);
    }
    let mut gold_groups: Vec<Vec<usize>> = by_gold.into_values().collect();
    gold_groups.sort();
    let floor = THRESHOLDS[0];
    let all = average_link(&singles, &sim, &|_, _| false, floor);
    let vetoed = average_link(
        &singles,
        &sim,
        &|a, b| gold[singles[a][0]] != gold[singles[b][0]],
        floor,
    );
    let linked = average_link(&gold_groups, &sim, &|_, _| false, floor);
    println!(
        "\nbounds: exact average link over all pairs of the {} articles with text (B-cubed F1 over \
         all {n}, the rest alone)\nthreshold  all pairs  no wrong merges  no missed links",
        active.len()
    );
    for &t in THRESHOLDS.iter().step_by(2) {
        let f = |start: &[Vec<usize>], m: &[(f32, usize, usize)]| {
            score(&cut(start, m, t, n), gold).bcubed.2
        };
        println!(
            "{t:>9.2}  {:>9.3}  {:>15.3}  {:>15.3}",
            f(&singles, &all),
            f(&singles, &vetoed),
            f(&gold_groups, &linked)
        );
    }
    let perfect = cut(&gold_groups, &[], 1.0, n);
    let s = score(&perfect, gold);
    println!(
        "the articles with text grouped perfectly (the {} cleaning empties alone): B3 P {:.3} R {:.3} F1 {:.3}",
        n - active.len(),
        s.bcubed.0,
        s.bcubed.1,
        s.bcubed.2
    );
    let (mut with_mate, mut nearest_mate, mut mate_over) = (0, 0, 0);
    for &i in &active {
        let mates = || active.iter().filter(|&&j| j != i && gold[j] == gold[i]);
        if mates().next().is_none() {
            continue;
        }
        with_mate += 1;
        let nearest = active
            .iter()
            .filter(|&&j| j != i)
            .max_by(|&&a, &&b| sim[i][a].total_cmp(&sim[i][b]).then(b.cmp(&a)));
        if nearest.is_some_and(|&j| gold[j] == gold[i]) {
            nearest_mate += 1;
        }
        if mates().any(|&j| sim[i][j] >= config.online.threshold) {
            mate_over += 1;
        }
    }
    println!(
        "of {with_mate} articles with text and another of their event: the most similar article is of \
         the same event for {nearest_mate} ({:.3}); one of the same event reaches {:.2} for {mate_over} ({:.3})",
        nearest_mate as f64 / with_mate as f64,
        config.online.threshold,
        mate_over as f64 / with_mate as f64
    );
}

/// Average link of groups of articles (`start`, indices into the rows of `sim`), best pair
/// first, down to `floor`: the merges as (link, group, group), the merged group keeping the
/// first index. `apart(a, b)` forbids merging groups `a` and `b`. Average link never rises as
/// groups merge, so the grouping at any threshold above `floor` is the one the merges at or
/// above it make ([`cut`]). All pairs, for a few hundred articles.
fn average_link(
    start: &[Vec<usize>],
    sim: &[Vec<f32>],
    apart: &dyn Fn(usize, usize) -> bool,
    floor: f32,
) -> Vec<(f32, usize, usize)> {
    let m = start.len();
    let mut sum: Vec<Vec<f64>> = start
        .iter()
        .map(|a| {
            start
                .iter()
                .map(|b| {
                    a.iter()
                        .flat_map(|&i| b.iter().map(move |&j| f64::from(sim[i][j])))
                        .sum()
                })
                .collect()
        })
        .collect();
    let mut size: Vec<f64> = start.iter().map(|g| g.len() as f64).collect();
    let mut alive = vec![true; m];
    let mut out = Vec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in (0..m).filter(|&a| alive[a]) {
            for b in (a + 1..m).filter(|&b| alive[b] && !apart(a, b)) {
                let link = sum[a][b] / (size[a] * size[b]);
                if best.is_none_or(|x| link > x.0) {
                    best = Some((link, a, b));
                }
            }
        }
        let Some((link, a, b)) = best.filter(|x| x.0 >= f64::from(floor)) else {
            return out;
        };
        out.push((link as f32, a, b));
        alive[b] = false;
        size[a] += size[b];
        let merged: Vec<f64> = sum[a].iter().zip(&sum[b]).map(|(x, y)| x + y).collect();
        for (row, &v) in sum.iter_mut().zip(&merged) {
            row[a] = v;
        }
        sum[a] = merged;
    }
}

/// A label for each of `n` articles: the groups of `start` joined by the `merges` at or above
/// `threshold` ([`average_link`]); an article in no group alone.
fn cut(
    start: &[Vec<usize>],
    merges: &[(f32, usize, usize)],
    threshold: f32,
    n: usize,
) -> Vec<usize> {
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..start.len()).collect();
    for &(_, a, b) in merges.iter().take_while(|m| m.0 >= threshold) {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[rb] = ra;
    }
    let mut label: Vec<usize> = (0..n).map(|i| start.len() + i).collect();
    for (g, members) in start.iter().enumerate() {
        let r = root(&mut parent, g);
        for &i in members {
            label[i] = r;
        }
    }
    label
}

/// Thresholds tried when one half of the events chooses its own.
const THRESHOLDS: [f32; 13] = [
    0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.20, 0.21, 0.22,
];

/// How the threshold, chosen on this very set, carries to events it was not chosen on: the
/// gold events are split in two halves at random (five splits); each half chooses the
/// threshold that scores best on it, which is then scored on the other half, beside the
/// default threshold.
fn halves(articles: &[CleanArticle], gold: &[usize], config: &ClusterConfig) {
    let events = gold.iter().max().map_or(0, |m| m + 1);
    let subset = |keep: &dyn Fn(usize) -> bool| -> (Vec<CleanArticle>, Vec<usize>) {
        (0..articles.len())
            .filter(|&i| keep(gold[i]))
            .map(|i| (articles[i].clone(), gold[i]))
            .unzip()
    };
    let f1_at = |articles: &[CleanArticle], gold: &[usize], threshold: f32| {
        let mut config = config.clone();
        config.online.threshold = threshold;
        let c = cluster(articles, &config);
        score(&labels(&c.events, articles.len()), gold).bcubed.2
    };
    println!(
        "\nheld-out halves: the threshold chosen on one half of the events (of {}), scored on \
         the other\nsplit fold  chosen  F1 own half  F1 other half  other half at {:.2}",
        THRESHOLDS.map(|t| format!("{t:.2}")).join(" "),
        config.online.threshold
    );
    let (mut chosen_f1, mut default_f1) = (Vec::new(), Vec::new());
    for split in 1..=5u64 {
        let order = permutation(events, split);
        let mut first_half = vec![false; events];
        for &e in &order[..events / 2] {
            first_half[e] = true;
        }
        for fold in [true, false] {
            let (own, own_gold) = subset(&|e| first_half[e] == fold);
            let (other, other_gold) = subset(&|e| first_half[e] != fold);
            let (best, best_f1) = THRESHOLDS
                .iter()
                .map(|&t| (t, f1_at(&own, &own_gold, t)))
                .fold((0.0, f64::MIN), |b, x| if x.1 > b.1 { x } else { b });
            let held = f1_at(&other, &other_gold, best);
            let default = f1_at(&other, &other_gold, config.online.threshold);
            println!(
                "{split:>5} {:>4}  {best:.2}    {best_f1:.3}        {held:.3}          {default:.3}",
                if fold { "A" } else { "B" }
            );
            chosen_f1.push(held);
            default_f1.push(default);
        }
    }
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
    println!(
        "mean B-cubed F1 on the held-out halves: {:.3} with the threshold each other half chose, \
         {:.3} with the default",
        mean(&chosen_f1),
        mean(&default_f1)
    );
}

/// One line of the score table.
fn row(name: &str, events: usize, s: &Scores, ms: u128) {
    println!(
        "{name:<10} {events:>6}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {ms:>5}",
        s.bcubed.0, s.bcubed.1, s.bcubed.2, s.pairwise.0, s.pairwise.1, s.pairwise.2
    );
}

/// `articles` grouped as a collection that receives them in `parts` equal ingests, each
/// restoring the events left by the previous one ([`Clusterer::restore`]) and adding its own.
fn in_ingests(
    articles: &[CleanArticle],
    parts: usize,
    config: &ClusterConfig,
) -> chorus_cluster::Clustering {
    let size = articles.len().div_ceil(parts.max(1)).max(1);
    let mut events: Vec<Vec<usize>> = Vec::new();
    let mut last = chorus_cluster::Clustering::default();
    for end in (size..articles.len() + size).step_by(size) {
        let (end, start) = (end.min(articles.len()), end - size);
        let c = Clusterer::restore_adding(
            config.clone(),
            &articles[..start],
            &events,
            &articles[start..end],
        );
        last = c.clustering();
        events = last.events.clone();
    }
    last
}

/// For the `seeds` set: the events that hold the seed articles (gold event of its own, the
/// last one), with every article in them.
fn seed_event(articles: &[CleanArticle], gold: &[usize], predicted: &[usize]) {
    let seed = gold.iter().max().copied().unwrap_or(0);
    let mut events: Vec<usize> = (0..articles.len())
        .filter(|&i| gold[i] == seed)
        .map(|i| predicted[i])
        .collect();
    events.sort_unstable();
    events.dedup();
    let members: Vec<usize> = (0..articles.len())
        .filter(|&i| events.contains(&predicted[i]))
        .collect();
    let others = members.iter().filter(|&&i| gold[i] != seed).count();
    println!(
        "seed event: the seed articles in {} event(s) of {} articles, {others} of them not seeds{}",
        events.len(),
        members.len(),
        if events.len() == 1 && others == 0 {
            " (exactly the seeds)"
        } else {
            ""
        }
    );
    for &i in &members {
        println!("   g{:<4} {}", gold[i], snippet(&articles[i]));
    }
}

fn snippet(a: &CleanArticle) -> String {
    let t: String = a.text().chars().take(90).collect();
    format!(
        "{} [{}w] {}",
        a.article.id,
        a.text().split_whitespace().count(),
        t.replace('\n', " ")
    )
}

/// Prints predicted events that mix gold events, and gold events split over predictions.
fn errors(articles: &[CleanArticle], gold: &[usize], clusterer: &Clusterer) {
    let c = clusterer.clustering();
    let (events, specifics) = (&c.events, &c.specifics);
    let predicted = &labels(events, articles.len());
    // How many events mix gold events, the articles they hold, and how many of them are one
    // stray article (an event of three or more whose articles all but one share a gold event).
    let (mut mixed, mut held, mut stray) = (0, 0, 0);
    for e in events {
        let mut count: std::collections::BTreeMap<usize, usize> = Default::default();
        for &i in e {
            *count.entry(gold[i]).or_default() += 1;
        }
        if count.len() > 1 {
            mixed += 1;
            held += e.len();
            let most = count.values().max().copied().unwrap_or(0);
            stray += usize::from(e.len() >= 3 && most == e.len() - 1);
        }
    }
    println!(
        "\n{mixed} of {} events mix gold events ({held} articles); {stray} of them are one \
         stray article in an event of 3+",
        events.len()
    );
    // Events that say they are held by weak evidence (no specifics shown), and how many of
    // them mix gold events.
    let weak: Vec<&Vec<usize>> = events
        .iter()
        .zip(specifics)
        .filter(|(e, s)| e.len() > 1 && s.is_empty())
        .map(|(e, _)| e)
        .collect();
    let weak_mixed = weak
        .iter()
        .filter(|e| e.iter().any(|&i| gold[i] != gold[e[0]]))
        .count();
    println!(
        "{} events of 2+ are held by weak evidence; {weak_mixed} of them mix gold events",
        weak.len()
    );
    println!("\n== predicted events mixing gold events ==");
    for (e, specifics) in events.iter().zip(specifics) {
        let mut golds: Vec<usize> = e.iter().map(|&i| gold[i]).collect();
        golds.sort_unstable();
        golds.dedup();
        if golds.len() > 1 {
            println!(
                "-- event of {} articles, {} gold events; specifics: {}",
                e.len(),
                golds.len(),
                specifics.join(", ")
            );
            for &i in e {
                println!("   g{:<4} {}", gold[i], snippet(&articles[i]));
            }
            print_links(articles, e, gold, clusterer);
        }
    }
    println!("\n== gold events split ==");
    let ngold = gold.iter().max().map_or(0, |m| m + 1);
    for g in 0..ngold {
        let members: Vec<usize> = (0..gold.len()).filter(|&i| gold[i] == g).collect();
        let mut preds: Vec<usize> = members.iter().map(|&i| predicted[i]).collect();
        preds.sort_unstable();
        preds.dedup();
        if preds.len() > 1 {
            println!(
                "-- gold g{g}: {} articles in {} events",
                members.len(),
                preds.len()
            );
            for &i in &members {
                println!("   p{:<4} {}", predicted[i], snippet(&articles[i]));
            }
        }
    }
}

/// Prints, for each gold event of a mixed event `e` but its largest, the strongest link
/// between one of its articles and one of another gold event: the specifics the two share,
/// each with its strength as the split weighs it in `e` (they must add up to 1).
fn print_links(articles: &[CleanArticle], e: &[usize], gold: &[usize], clusterer: &Clusterer) {
    let mut size: std::collections::BTreeMap<usize, usize> = Default::default();
    for &i in e {
        *size.entry(gold[i]).or_default() += 1;
    }
    let largest = size
        .iter()
        .max_by_key(|x| (*x.1, usize::MAX - *x.0))
        .map(|x| *x.0);
    for &g in size.keys().filter(|&&g| Some(g) != largest) {
        let best = e
            .iter()
            .filter(|&&x| gold[x] == g)
            .flat_map(|&x| e.iter().filter(|&&y| gold[y] != g).map(move |&y| (x, y)))
            .map(|(x, y)| {
                let link = clusterer.link(e, x, y);
                let sum: f32 = link.iter().map(|l| l.1).sum();
                (x, y, link, sum)
            })
            .max_by(|a, b| a.3.total_cmp(&b.3));
        if let Some((x, y, link, sum)) = best {
            let shown: Vec<String> = link.iter().map(|(t, s)| format!("{t} {s:.2}")).collect();
            println!(
                "   link g{g} {} -- g{} {}: {sum:.2} = {}",
                articles[x].article.id,
                gold[y],
                articles[y].article.id,
                shown.join(", ")
            );
        }
    }
}

/// A judged English pair of `semeval-pairs-train.jsonl`: its two article ids and `overall`.
struct JudgedPair {
    ids: [String; 2],
    overall: f64,
}

/// The bands of `overall` that `--set semeval` tunes on: the same story (at most 1.5), which
/// must join, and different stories (above 2.5), which must not. The pairs between are held
/// out.
fn dev_band(overall: f64) -> Option<bool> {
    if overall <= 1.5 {
        Some(true)
    } else if overall > 2.5 {
        Some(false)
    } else {
        None
    }
}

/// `cargo xtask eval cluster --set semeval [--held-out]`: the articles of the English SemEval
/// pairs of the dev bands ([`dev_band`]) digested together without dates (an article in
/// several pairs is one article), as a collection of undated articles is grouped: how many
/// same-story pairs join, how many different-story pairs join (false joins), and for each
/// false join the specifics its two articles share. With `--held-out`, the held-out bands'
/// articles are digested with them and only those bands' counts are printed.
fn semeval_pairs(args: &[&str]) -> Result<()> {
    let config = with_flags(args);
    let held_out = args.contains(&"--held-out");
    let jsonl = std::fs::read_to_string(shared("semeval-pairs-train.jsonl")?)?;
    let mut pairs: Vec<JudgedPair> = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if v["lang1"] != "en" || v["lang2"] != "en" {
            continue;
        }
        let overall = v["overall"].as_f64().context("overall")?;
        // Tuning reads the dev bands only; the held-out run reads both, and prints only the
        // held-out bands.
        if dev_band(overall).is_none() && !held_out {
            continue;
        }
        let pair = v["pair_id"].as_str().context("pair_id")?;
        let (a, b) = pair.split_once('_').context("pair_id ID1_ID2")?;
        for (k, id) in [a, b].into_iter().enumerate() {
            if seen.insert(id.to_string()) {
                let text = v[format!("text{}", k + 1)].as_str().context("text")?;
                texts.push((id.to_string(), text.to_string()));
            }
        }
        pairs.push(JudgedPair {
            ids: [a.to_string(), b.to_string()],
            overall,
        });
    }
    let records: String = texts
        .iter()
        .map(|(id, text)| serde_json::json!({ "id": id, "text": text }).to_string() + "\n")
        .collect();
    let ingested = chorus_ingest::ingest_named_bytes("semeval-pairs.jsonl", records.as_bytes());
    let articles = chorus_clean::clean(ingested.articles, &Default::default());
    let position: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.article.id.as_str(), i))
        .collect();
    let mut clusterer = Clusterer::new(config);
    clusterer.add(&articles);
    let events = clusterer.clustering().events;
    let predicted = labels(&events, articles.len());
    let joined = |p: &JudgedPair| -> Option<(usize, usize)> {
        let (x, y) = (
            *position.get(p.ids[0].as_str())?,
            *position.get(p.ids[1].as_str())?,
        );
        Some((x, y)).filter(|_| predicted[x] == predicted[y] && predicted[x] != usize::MAX)
    };
    if held_out {
        for (name, lo, hi) in [("(1.5, 2]", 1.5, 2.0), ("(2, 2.5]", 2.0, 2.5)] {
            let band: Vec<&JudgedPair> = pairs
                .iter()
                .filter(|p| p.overall > lo && p.overall <= hi)
                .collect();
            let together = band.iter().filter(|p| joined(p).is_some()).count();
            println!(
                "semeval held-out band {name}: {} pairs, {together} joined, {} apart",
                band.len(),
                band.len() - together
            );
        }
        return Ok(());
    }
    let count = |same: bool| {
        pairs
            .iter()
            .filter(move |p| dev_band(p.overall) == Some(same))
    };
    let same_joined = count(true).filter(|p| joined(p).is_some()).count();
    let false_joins: Vec<&JudgedPair> = count(false).filter(|p| joined(p).is_some()).collect();
    println!(
        "semeval dev (English pairs, {} articles digested together undated, {} events): \
         same story (overall <= 1.5) joined {same_joined} of {}; different stories \
         (overall > 2.5) joined {} of {}",
        articles.len(),
        events.len(),
        count(true).count(),
        false_joins.len(),
        count(false).count()
    );
    // The same-story pairs joined, with what links them, to compare with the false joins.
    let same_joined: Vec<&JudgedPair> = if args.contains(&"--joined") {
        count(true).filter(|p| joined(p).is_some()).collect()
    } else {
        Vec::new()
    };
    for (title, shown) in [
        ("false joins: different stories in one event", &false_joins),
        ("same-story pairs joined", &same_joined),
    ] {
        println!("\n== {title} ==");
        for p in shown.iter() {
            let Some((x, y)) = joined(p) else { continue };
            let event = &events[predicted[x]];
            let shown: Vec<String> = clusterer
                .link(event, x, y)
                .iter()
                .map(|(t, s)| format!("{t} {s:.2}"))
                .collect();
            println!(
                "-- {}_{} overall {:.2}, event of {}: {}",
                p.ids[0],
                p.ids[1],
                p.overall,
                event.len(),
                shown.join(", ")
            );
            if args.contains(&"--texts") {
                println!("   {}\n   {}", snippet(&articles[x]), snippet(&articles[y]));
            }
        }
    }
    if args.contains(&"--missed") {
        println!("\n== same-story pairs apart ==");
        for p in count(true).filter(|p| joined(p).is_none()) {
            println!("-- {}_{} overall {:.2}", p.ids[0], p.ids[1], p.overall);
        }
    }
    Ok(())
}

/// `cargo xtask similarity`: Pearson r between our similarity and SemEval's `overall`
/// (1 = same story … 4 = unrelated, so a good similarity correlates negatively), over the
/// English–English pairs, with the term statistics of all their texts as background.
pub(crate) fn semeval(args: &[&str]) -> Result<()> {
    let config = with_flags(args);
    let path = shared("semeval-pairs-train.jsonl")?;
    // Pairs by language ("de", or "de-en" for a German and an English text); each text's
    // language detected as ingest does.
    let by_language = chorus_eval::semeval::by_language(&std::fs::read_to_string(&path)?)?;
    let pipeline = chorus_pipeline::Config {
        cluster: config.clone(),
        ..Default::default()
    };
    // Through the `Comparer` that `chorus similarity` and `POST /api/similarity` answer with:
    // with the texts of all pairs as background, as in a collection, or with none, as
    // `chorus similarity A B` compares two files alone. Returns the answers and the time
    // taken to count the background and compare.
    let answer = |pairs: &[chorus_eval::semeval::Pair], background: bool| {
        let start = Instant::now();
        let answers = chorus_eval::semeval::compare(pairs, background, &pipeline);
        (answers, start.elapsed().as_millis())
    };
    let r_of = |answers: &[chorus_model::SameStory], ys: &[f64]| {
        let xs: Vec<f64> = answers.iter().map(|s| s.cosine).collect();
        let graded: Vec<f64> = answers.iter().map(|s| s.score).collect();
        (pearson(&xs, ys), pearson(&graded, ys))
    };
    let (pairs, ys) = by_language.get("en").context("no en-en pairs")?;
    for (background, label) in [(true, "all pairs' texts"), (false, "none")] {
        let (answers, ms) = answer(pairs, background);
        let (r, graded) = r_of(&answers, ys);
        let same = agreeing(&answers, ys);
        println!(
            "semeval-pairs-train en-en, background {label}: {} pairs, Pearson r (similarity vs \
             overall) {r:.3}, |r| {:.3}; of the graded score {graded:.3}; same story (cosine ≥ \
             {:.2}) agrees with overall < 2.5 on {:.3} ({ms} ms to count and compare)",
            answers.len(),
            r.abs(),
            config.online.threshold,
            same as f64 / answers.len() as f64,
        );
    }
    println!(
        "\npairs by language, Pearson r (graded score in brackets), each text read in the \
         language detected in it, and as English; agree: share of pairs whose verdict (cosine ≥ \
         {:.2}, background) agrees with overall < 2.5:\n\
         lang   pairs  background            none                  as English, background  agree",
        config.online.threshold
    );
    // Cosines (with background) and judgements of the cross-language pairs, all groups.
    let mut across: Vec<(f64, f64)> = Vec::new();
    for (lang, (pairs, ys)) in &by_language {
        let (bg, _) = answer(pairs, true);
        if lang.contains('-') {
            across.extend(bg.iter().map(|s| s.cosine).zip(ys.iter().copied()));
        }
        let (none, _) = answer(pairs, false);
        let english: Vec<chorus_eval::semeval::Pair> = pairs
            .iter()
            .map(|(a, b)| {
                let plain = |x: &chorus_model::Article| chorus_model::Article {
                    language: None,
                    ..x.clone()
                };
                (plain(a), plain(b))
            })
            .collect();
        let (as_english, _) = answer(&english, true);
        let cell = |answers: &[chorus_model::SameStory]| {
            let (r, graded) = r_of(answers, ys);
            format!("{r:.3} ({graded:.3})")
        };
        println!(
            "{lang:<6} {:>5}  {:<20}  {:<20}  {:<22}  {:.3}",
            pairs.len(),
            cell(&bg),
            cell(&none),
            cell(&as_english),
            agreeing(&bg, ys) as f64 / pairs.len() as f64
        );
    }
    cross_language(&across, config.online.threshold.into());
    Ok(())
}

/// What a cosine is worth across languages (the figures `SameStory::cross_language_caveat`
/// quotes): of the cross-language pairs judged one story and of the others, the median
/// cosine and how many reach the threshold or half of it, and how often a verdict at the
/// threshold or at half of it agrees with the judgement.
fn cross_language(pairs: &[(f64, f64)], threshold: f64) {
    if pairs.is_empty() {
        return;
    }
    let share = |v: &[f64], t: f64| v.iter().filter(|&&c| c >= t).count() as f64 / v.len() as f64;
    let judged = |one: bool| -> Vec<f64> {
        pairs
            .iter()
            .filter(|&&(_, y)| judged_same(y) == one)
            .map(|p| p.0)
            .collect()
    };
    let (mut same, mut other) = (judged(true), judged(false));
    let agree = |t: f64| {
        pairs
            .iter()
            .filter(|&&(c, y)| (c >= t) == judged_same(y))
            .count() as f64
            / pairs.len() as f64
    };
    let half = threshold / 2.0;
    println!(
        "\ncross-language pairs ({}, background): judged one story ({}): median cosine {:.3}, \
         {:.2} reach {half:.2}, {:.2} reach {threshold:.2}; judged different ({}): median \
         {:.3}, {:.2} reach {half:.2}; verdicts agree with the judgement on {:.3} at \
         {threshold:.2}, {:.3} at {half:.2}",
        pairs.len(),
        same.len(),
        crate::suite::median(&mut same),
        share(&same, half),
        share(&same, threshold),
        other.len(),
        crate::suite::median(&mut other),
        share(&other, half),
        agree(threshold),
        agree(half)
    );
}

/// Pairs whose verdict agrees with the human judgement (`overall` < 2.5: the same story).
fn agreeing(answers: &[chorus_model::SameStory], overall: &[f64]) -> usize {
    answers
        .iter()
        .zip(overall)
        .filter(|&(s, &y)| s.same_story == judged_same(y))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_merges_best_first_and_cuts_by_threshold() {
        // 0 and 1 close, 2 nearer 1 than 0, 3 alone.
        let sim = vec![
            vec![1.0, 0.9, 0.1, 0.0],
            vec![0.9, 1.0, 0.5, 0.0],
            vec![0.1, 0.5, 1.0, 0.0],
            vec![0.0, 0.0, 0.0, 1.0],
        ];
        let singles: Vec<Vec<usize>> = (0..4).map(|i| vec![i]).collect();
        let merges = average_link(&singles, &sim, &|_, _| false, 0.2);
        // {0,1} at 0.9, then 2 joins at the mean of 0.1 and 0.5.
        assert_eq!(merges, vec![(0.9, 0, 1), (0.3, 0, 2)]);
        assert_eq!(cut(&singles, &merges, 0.5, 4), vec![0, 0, 2, 3]);
        assert_eq!(cut(&singles, &merges, 0.3, 4), vec![0, 0, 0, 3]);
        // A forbidden pair is never merged, and nothing else reaches the floor.
        let merges = average_link(&singles, &sim, &|a, b| (a, b) == (0, 1), 0.2);
        assert_eq!(merges, vec![(0.5, 1, 2)]);
        // Groups given at the start count as one from the first.
        let merges = average_link(&[vec![0, 1], vec![2], vec![3]], &sim, &|_, _| false, 0.2);
        assert_eq!(merges, vec![(0.3, 0, 1)]);
    }
}

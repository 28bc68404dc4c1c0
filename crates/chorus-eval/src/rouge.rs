//! ROUGE-N and ROUGE-Lsum as `rouge_score.rouge_scorer.RougeScorer(use_stemmer=True)` computes
//! them: tokens are lowercase `[a-z0-9]` runs, stemmed when longer than three characters;
//! ROUGE-Lsum splits both texts on newlines and counts the union of each reference sentence's
//! LCS with every candidate sentence, never counting a token more often than both texts hold it.

use std::collections::{BTreeSet, HashMap};

/// Precision, recall and F-measure of one comparison, each in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub fmeasure: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Self {
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }
}

/// The three scores chorus reports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RougeScores {
    pub rouge1: Score,
    pub rouge2: Score,
    pub rouge_lsum: Score,
}

/// The tokens ROUGE compares: lowercase, every character outside `[a-z0-9]` a separator,
/// tokens longer than three characters Porter-stemmed.
pub fn tokenize(text: &str) -> Vec<String> {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                ' '
            }
        })
        .collect();
    lower
        .split_whitespace()
        .map(|t| {
            if t.len() > 3 {
                crate::stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    if n > 0 && tokens.len() >= n {
        for g in tokens.windows(n) {
            *counts.entry(g).or_insert(0) += 1;
        }
    }
    counts
}

/// ROUGE-N of `prediction` against `target` (n-gram overlap, clipped counts).
pub fn rouge_n(target: &str, prediction: &str, n: usize) -> Score {
    score_ngrams(&tokenize(target), &tokenize(prediction), n)
}

fn score_ngrams(target: &[String], prediction: &[String], n: usize) -> Score {
    let t = ngrams(target, n);
    let p = ngrams(prediction, n);
    let overlap: usize = t
        .iter()
        .map(|(g, &c)| c.min(p.get(g).copied().unwrap_or(0)))
        .sum();
    let t_count: usize = t.values().sum();
    let p_count: usize = p.values().sum();
    Score::new(
        overlap as f64 / p_count.max(1) as f64,
        overlap as f64 / t_count.max(1) as f64,
    )
}

/// LCS lengths table, `(rows + 1) × (cols + 1)`, row-major.
fn lcs_table(reference: &[String], candidate: &[String]) -> Vec<u32> {
    let cols = candidate.len() + 1;
    let mut t = vec![0u32; (reference.len() + 1) * cols];
    for i in 1..=reference.len() {
        for j in 1..=candidate.len() {
            t[i * cols + j] = if reference[i - 1] == candidate[j - 1] {
                t[(i - 1) * cols + j - 1] + 1
            } else {
                t[(i - 1) * cols + j].max(t[i * cols + j - 1])
            };
        }
    }
    t
}

/// Indices into `reference` of one LCS, chosen with the reference implementation's
/// tie-breaking (move left only when strictly better), which decides the union.
fn lcs_indices(reference: &[String], candidate: &[String]) -> Vec<usize> {
    let t = lcs_table(reference, candidate);
    let cols = candidate.len() + 1;
    let (mut i, mut j) = (reference.len(), candidate.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i * cols + j - 1] > t[(i - 1) * cols + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

fn lines(text: &str) -> Vec<Vec<String>> {
    text.split('\n')
        .filter(|s| !s.is_empty())
        .map(tokenize)
        .collect()
}

/// ROUGE-Lsum: summary-level LCS over newline-separated sentences.
pub fn rouge_lsum(target: &str, prediction: &str) -> Score {
    let reference = lines(target);
    let candidate = lines(prediction);
    let m: usize = reference.iter().map(Vec::len).sum();
    let n: usize = candidate.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Score::default();
    }
    let mut left_r: HashMap<&str, usize> = HashMap::new();
    let mut left_c: HashMap<&str, usize> = HashMap::new();
    for t in reference.iter().flatten() {
        *left_r.entry(t).or_insert(0) += 1;
    }
    for t in candidate.iter().flatten() {
        *left_c.entry(t).or_insert(0) += 1;
    }
    let mut hits = 0usize;
    for r in &reference {
        let union: BTreeSet<usize> = candidate.iter().flat_map(|c| lcs_indices(r, c)).collect();
        for i in union {
            let t = r[i].as_str();
            let (Some(cr), Some(cc)) = (left_r.get_mut(t), left_c.get_mut(t)) else {
                continue;
            };
            if *cr > 0 && *cc > 0 {
                hits += 1;
                *cr -= 1;
                *cc -= 1;
            }
        }
    }
    Score::new(hits as f64 / n as f64, hits as f64 / m as f64)
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum of `prediction` against `target`. For ROUGE-Lsum put one
/// sentence per line in both.
pub fn score(target: &str, prediction: &str) -> RougeScores {
    let t = tokenize(target);
    let p = tokenize(prediction);
    RougeScores {
        rouge1: score_ngrams(&t, &p, 1),
        rouge2: score_ngrams(&t, &p, 2),
        rouge_lsum: rouge_lsum(target, prediction),
    }
}

/// Running mean of F-measures over many comparisons, reported ×100 as papers do.
#[derive(Debug, Clone, Default)]
pub struct Mean {
    sum: [f64; 3],
    count: usize,
}

impl Mean {
    pub fn add(&mut self, s: &RougeScores) {
        self.sum[0] += s.rouge1.fmeasure;
        self.sum[1] += s.rouge2.fmeasure;
        self.sum[2] += s.rouge_lsum.fmeasure;
        self.count += 1;
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// Mean F of ROUGE-1, ROUGE-2 and ROUGE-Lsum, ×100 (zeros when empty).
    pub fn percent(&self) -> [f64; 3] {
        let n = self.count.max(1) as f64;
        self.sum.map(|s| 100.0 * s / n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(target: &str, prediction: &str, want: [f64; 3]) {
        let s = score(target, prediction);
        let got = [s.rouge1.fmeasure, s.rouge2.fmeasure, s.rouge_lsum.fmeasure];
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-12,
                "{target:?} vs {prediction:?}: got {got:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn tokens_are_lowercase_alphanumeric_runs_stemmed_past_three_letters() {
        assert_eq!(
            tokenize("The Rebels' 24-year-old leaders—celebrating in Damascus! U.S. skies, news"),
            [
                "the", "rebel", "24", "year", "old", "leader", "celebr", "in", "damascu", "u", "s",
                "sky", "news"
            ]
        );
        assert_eq!(tokenize("Café naïve"), ["caf", "na", "ve"]);
        assert!(tokenize(" \n—").is_empty());
    }

    // Expected values printed by rouge-score 0.1.2 (nltk 3.x PorterStemmer):
    // RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(target, prediction)
    #[test]
    fn scores_match_rouge_score() {
        let cases: &[(&str, &str, [f64; 3])] = &[
            ("the cat sat on the mat", "the cat sat on the mat", [1.0, 1.0, 1.0]),
            ("the cat sat on the mat", "the mat sat on the cat", [1.0, 0.8000000000000002, 0.6666666666666666]),
            ("The quick brown fox jumps over the lazy dog", "A quick brown dog jumps on the log.", [0.5882352941176471, 0.13333333333333333, 0.47058823529411764]),
            ("Police killed the gunman.\nThe gunman had killed two people.", "The gunman was killed by police.\nTwo people died.", [0.631578947368421, 0.23529411764705882, 0.5263157894736842]),
            ("Assad and his family arrived in Moscow, Russian state media reported.", "Syria's ousted president Bashar al-Assad has arrived in Moscow with his family.\nRussia granted them asylum for humanitarian reasons.", [0.37499999999999994, 0.2, 0.25]),
            ("Crowds celebrated in Damascus squares after the fall of the regime.\nThe presidential palace was ransacked.", "Celebrations erupted in the squares of Damascus.\nPeople ransacked the presidential palace.\nRebels declared victory.", [0.6451612903225806, 0.1379310344827586, 0.5161290322580646]),
            ("a a a b b c", "a b c a b c", [0.8333333333333334, 0.4000000000000001, 0.6666666666666666]),
            ("a b c d e f g", "g f e d c b a", [1.0, 0.0, 0.14285714285714285]),
            ("x y x y x y", "y x y x", [0.8, 0.7499999999999999, 0.8]),
            ("one two three\nfour five six\none two", "one two\nthree four\nfive six one two three", [0.9411764705882353, 0.9333333333333333, 0.9411764705882353]),
            ("The 24-year rule ended on Sunday.", "Fifty years of iron rule ended on Sunday, 8 Dec 2024.", [0.5555555555555556, 0.37499999999999994, 0.5555555555555556]),
            ("Running runners ran; generously generous generations.", "run runner running generously generation generous", [0.8333333333333334, 0.6, 0.8333333333333334]),
            ("sky skies news dying innings", "skies sky news die inning", [1.0, 1.0, 1.0]),
            ("It's the U.S.A.'s e-mail policy—really!", "its the usa s email policy really", [0.4444444444444444, 0.125, 0.4444444444444444]),
            ("  leading and trailing  \n\n  blank lines  \n", "leading blank\n\ntrailing lines", [0.888888888888889, 0.0, 0.888888888888889]),
            ("Café résumé naïve façade", "cafe resume naive facade", [0.0, 0.0, 0.0]),
            ("the the the the", "the", [0.4, 0.0, 0.4]),
            ("the", "the the the the", [0.4, 0.0, 0.4]),
            ("alpha beta gamma delta\nepsilon zeta eta theta", "theta eta zeta epsilon\ndelta gamma beta alpha", [1.0, 0.0, 0.25]),
            ("He said: \"We will win.\" Then he left.", "\"We will win,\" he said, and left.", [0.7999999999999999, 0.4615384615384615, 0.6666666666666666]),
            ("The company's profits rose 12% to $3.5bn in 2023.", "Profits at the company rose by 12 percent, to 3.5 billion dollars.", [0.5833333333333334, 0.1818181818181818, 0.4999999999999999]),
            ("Sweden topped the Good Country Index, beating 162 other nations.\nThe US came 21st.", "The Good Country Index ranks 163 nations.\nSweden was first and the United States came in 21st place.", [0.5625000000000001, 0.20000000000000004, 0.5625000000000001]),
            ("hopping hopped hops hopper", "hop hop hop hopper", [1.0, 1.0, 1.0]),
            ("relational conditional rational national", "relate condition ration nation", [1.0, 1.0, 1.0]),
            ("abc\ndef\nabc def", "def abc\nabc", [0.8571428571428571, 0.4, 0.8571428571428571]),
            ("a b a b a b a", "b a b a b", [0.8333333333333333, 0.8, 0.8333333333333333]),
            ("Ten people were injured when the bridge collapsed on Tuesday morning.", "The bridge collapsed Tuesday, injuring ten.\nOfficials blamed corrosion.\nTen people were hurt.", [0.6666666666666667, 0.3636363636363636, 0.5833333333333334]),
            ("IBM's CEO, Ginni Rometty, retired in 2020.", "Ginni Rometty retired as chief executive of IBM in 2020", [0.6666666666666665, 0.375, 0.5555555555555556]),
            ("1 2 3 4 5 6 7 8 9 10", "10 9 8 7 6 5 4 3 2 1 1 2 3", [0.8695652173913044, 0.1904761904761905, 0.2608695652173913]),
            ("the fall of the regime was celebrated\nthe regime fell", "celebrated the fall\nthe regime was the regime", [0.888888888888889, 0.6250000000000001, 0.6666666666666665]),
        ];
        for (target, prediction, want) in cases {
            check(target, prediction, *want);
        }
    }

    #[test]
    fn empty_texts_score_zero() {
        check("", "anything", [0.0, 0.0, 0.0]);
        check("anything", "", [0.0, 0.0, 0.0]);
        check("a", "a", [1.0, 0.0, 1.0]);
    }
}

//! Cleaning: splits bodies into paragraphs, normalises them with an offset map, removes site
//! furniture (promo and navigation lines, related-link lists, lines one outlet repeats across
//! its articles) and paragraphs repeated inside one article, records every removal, and
//! segments the kept text into sentences.

mod furniture;
mod paragraphs;

use chorus_model::{
    AlignedText, Article, CleanArticle, Removal, RemovalKind, Sentence, RECURS_IN_OUTLET,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

pub use furniture::{furniture_reason, is_link_label, looks_like_link};
pub use paragraphs::paragraphs;

/// Settings for cleaning; the defaults were chosen on the seed articles and the example
/// corpus, and checked against `multinews-val` for lost story text.
#[derive(Debug, Clone)]
pub struct CleanConfig {
    /// A line is outlet furniture when it recurs in at least this many articles of one outlet.
    pub furniture_min_articles: usize,
    /// Two articles sharing more than this fraction of their other paragraphs are versions of
    /// one story (or one wire text); lines they share are story, not furniture.
    pub version_overlap: f32,
    /// Longest paragraph (in words) the promo rules may remove.
    pub promo_max_words: usize,
}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {
            furniture_min_articles: 2,
            version_overlap: 0.5,
            promo_max_words: 60,
        }
    }
}

struct Para {
    body: std::ops::Range<usize>,
    text: String,
    key: String,
    /// [`line_hash`] of the key, `None` for a paragraph without letters or digits.
    line: Option<u64>,
}

/// A paragraph as its lower-cased letters, digits and spaces (what outlet furniture is matched
/// on). ASCII text is done in one pass.
fn key_of(text: &str) -> String {
    if text.is_ascii() {
        return text
            .bytes()
            .map(char::from)
            .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// A paragraph key as 64 bits (FNV-1a), so that a collection keeps an outlet's line counts
/// without its texts. The lowest bit says whether the line runs longer than promo lines do,
/// the one thing the furniture rule asks of a line's text beyond its identity.
fn line_hash(key: &str, config: &CleanConfig) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let long = key.split_whitespace().count() > config.promo_max_words;
    (h & !1) | u64::from(long)
}

fn is_long(line: u64) -> bool {
    line & 1 == 1
}

/// Where [`clean_lined`] takes each outlet's furniture from.
#[derive(Debug, Clone, Copy)]
pub enum Furniture<'a> {
    /// Learned from the articles cleaned, as [`clean`] does.
    Learned,
    /// Decided before, per outlet, by [`outlet_furniture_lines`] over all of its articles (a
    /// collection cleans only a part of them at a time); an outlet not listed has none.
    Decided(&'a BTreeMap<String, HashSet<u64>>),
}

/// What [`clean_lined`] gives: the cleaned articles and, in the same order, each one's
/// distinct lines (what its outlet's furniture is decided from), sorted.
pub struct Cleaned {
    pub articles: Vec<CleanArticle>,
    pub lines: Vec<Vec<u64>>,
}

/// Cleans all articles together (furniture is learned across the articles of each outlet).
pub fn clean(articles: Vec<Article>, config: &CleanConfig) -> Vec<CleanArticle> {
    clean_lined(articles, config, Furniture::Learned).articles
}

/// [`clean`], with each outlet's furniture learned from the articles or decided before.
pub fn clean_lined(
    articles: Vec<Article>,
    config: &CleanConfig,
    furniture: Furniture<'_>,
) -> Cleaned {
    // Articles are read in parallel; the outlet-wide step in between needs them all.
    let paras: Vec<Vec<Para>> = articles.par_iter().map(|a| paras_of(a, config)).collect();
    let lines: Vec<Vec<u64>> = paras.iter().map(|ps| distinct_lines(ps)).collect();
    let learned;
    let furniture = match furniture {
        Furniture::Decided(decided) => decided,
        Furniture::Learned => {
            learned = learn_furniture(&articles, &lines, config);
            &learned
        }
    };
    let articles = articles
        .into_par_iter()
        .zip(paras)
        .map(|(article, paras)| {
            let recurring = furniture.get(&article.source);
            clean_one(article, paras, recurring, config)
        })
        .collect();
    Cleaned { articles, lines }
}

/// The paragraphs of an article with text, normalised, with their keys.
fn paras_of(article: &Article, config: &CleanConfig) -> Vec<Para> {
    paragraphs(&article.body)
        .into_iter()
        .map(|r| {
            let text = chorus_text::normalized(&article.body[r.clone()]);
            let key = key_of(&text);
            let line = (!key.is_empty()).then(|| line_hash(&key, config));
            Para {
                body: r,
                text,
                key,
                line,
            }
        })
        .filter(|p| !p.text.is_empty())
        .collect()
}

/// The distinct lines of each article, as [`clean_lined`] gives them, without cleaning.
pub fn article_lines(articles: &[Article], config: &CleanConfig) -> Vec<Vec<u64>> {
    articles
        .par_iter()
        .map(|a| distinct_lines(&paras_of(a, config)))
        .collect()
}

/// The distinct lines of an article's paragraphs, sorted.
fn distinct_lines(paras: &[Para]) -> Vec<u64> {
    let mut lines: Vec<u64> = paras.iter().filter_map(|p| p.line).collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Per outlet, the furniture of the articles cleaned together.
fn learn_furniture(
    articles: &[Article],
    lines: &[Vec<u64>],
    config: &CleanConfig,
) -> BTreeMap<String, HashSet<u64>> {
    let mut by_source: BTreeMap<&str, Vec<&[u64]>> = BTreeMap::new();
    for (a, l) in articles.iter().zip(lines) {
        // An article without a source is its own outlet: it shares furniture with none.
        if !a.source.is_empty() {
            by_source.entry(a.source.as_str()).or_default().push(l);
        }
    }
    by_source
        .into_iter()
        .map(|(source, of)| (source.to_string(), outlet_furniture_lines(&of, config)))
        .filter(|(_, set)| !set.is_empty())
        .collect()
}

/// The lines that are an outlet's furniture, given the distinct lines (sorted) of each of its
/// articles in the order they were stored: those recurring across articles which are
/// otherwise different. It asks of each line only which articles hold it and what else those
/// hold, so a collection decides it from stored line hashes; a line held once is furniture of
/// no one, but counts in its article's share of other lines, so no line can be left out.
pub fn outlet_furniture_lines(articles: &[&[u64]], config: &CleanConfig) -> HashSet<u64> {
    furniture_where(articles, config, |_| true)
}

/// Which of `among` are the outlet's furniture, as [`outlet_furniture_lines`] decides them.
/// A line's verdict asks only of the articles holding it (which, in what order, and what else
/// they hold), so the verdict of a line none of the changed articles holds stands, and a
/// collection decides anew only the lines of the articles that changed.
pub fn outlet_furniture_among(
    articles: &[&[u64]],
    among: &HashSet<u64>,
    config: &CleanConfig,
) -> HashSet<u64> {
    furniture_where(articles, config, |line| among.contains(&line))
}

/// The furniture of an outlet among the lines `asked` accepts.
fn furniture_where(
    articles: &[&[u64]],
    config: &CleanConfig,
    asked: impl Fn(u64) -> bool,
) -> HashSet<u64> {
    let mut set = HashSet::new();
    if articles.len() < config.furniture_min_articles {
        return set;
    }
    // Which articles hold each line asked about.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, lines) in articles.iter().enumerate() {
        for &line in lines.iter().filter(|&&l| asked(l)) {
            holders.entry(line).or_default().push(j);
        }
    }
    // Overlap of two articles beyond the line in question. Two articles that are nothing
    // but the line are one text twice when it runs longer than promo lines do (a
    // one-paragraph story stored under two ids); a short one is still a placeholder.
    let versions = |a: &[u64], b: &[u64], line: u64| {
        if a.len() == 1 && b.len() == 1 && is_long(line) {
            return true;
        }
        let shared = shared_count(a, b).saturating_sub(1) as f32;
        let smaller = a.len().min(b.len()).saturating_sub(1).max(1) as f32;
        shared / smaller > config.version_overlap
    };
    for (line, hs) in holders {
        if hs.len() < config.furniture_min_articles {
            continue;
        }
        // Count holders that are not versions of an earlier counted holder.
        // Enough of them make the line furniture, whatever the later holders are: counting
        // stops there (a line an outlet prints on every article would otherwise compare each
        // holder with all the earlier ones).
        let mut independent: Vec<usize> = Vec::new();
        for &h in &hs {
            if independent
                .iter()
                .all(|&o| !versions(articles[o], articles[h], line))
            {
                independent.push(h);
                if independent.len() >= config.furniture_min_articles {
                    set.insert(line);
                    break;
                }
            }
        }
    }
    set
}

/// How many lines two sorted line lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn clean_one(
    article: Article,
    paras: Vec<Para>,
    recurring: Option<&HashSet<u64>>,
    config: &CleanConfig,
) -> CleanArticle {
    let mut seen = HashSet::new();
    let mut in_link_list = false;
    let mut reasons: Vec<Option<(RemovalKind, &'static str)>> = Vec::with_capacity(paras.len());
    for p in &paras {
        let reason = if p
            .line
            .is_some_and(|l| recurring.is_some_and(|r| r.contains(&l)))
        {
            Some((RemovalKind::Boilerplate, RECURS_IN_OUTLET))
        } else if let Some(r) = furniture_reason(&p.text, config.promo_max_words) {
            Some((RemovalKind::Boilerplate, r))
        } else if in_link_list && looks_like_link(&p.text) {
            Some((RemovalKind::Boilerplate, "related_links"))
        } else if !p.key.trim().is_empty() && seen.contains(&p.key) {
            Some((RemovalKind::RepeatedParagraph, "repeated_in_article"))
        } else {
            None
        };
        in_link_list = match reason {
            Some((RemovalKind::Boilerplate, "related_links")) => true,
            Some((RemovalKind::Boilerplate, _)) => is_link_label(&p.text),
            _ => false,
        };
        if reason.is_none() {
            seen.insert(p.key.clone());
        }
        reasons.push(reason);
    }
    // A web archive's page about a crawl (its notices, then the crawl's dates and counts)
    // is no story: when archive notices outweigh what is left, the rest goes with them. A
    // story captured under an archive's banner keeps its text, which outweighs the banner.
    let (mut notices, mut rest) = (0, 0);
    if reasons
        .iter()
        .any(|r| matches!(r, Some((_, "archive_notice"))))
    {
        for (p, r) in paras.iter().zip(&reasons) {
            match r {
                Some((_, "archive_notice")) => notices += p.text.split_whitespace().count(),
                None => rest += p.text.split_whitespace().count(),
                Some(_) => {}
            }
        }
    }
    if notices > rest {
        for r in reasons.iter_mut().filter(|r| r.is_none()) {
            *r = Some((RemovalKind::Boilerplate, "archive_page"));
        }
    }
    let mut clean = AlignedText::default();
    let mut kept = Vec::new();
    let mut sentences = Vec::new();
    let mut removed = Vec::new();
    for (p, reason) in paras.iter().zip(reasons) {
        if let Some((kind, why)) = reason {
            removed.push(Removal {
                kind,
                text: p.text.clone(),
                reason: why.to_string(),
                body_start: p.body.start,
                body_end: p.body.end,
            });
            continue;
        }
        if !clean.text.is_empty() {
            clean.push_synthetic("\n\n");
        }
        let start = clean.text.len();
        chorus_text::normalize_into(&article.body, p.body.clone(), &mut clean);
        let end = clean.text.len();
        let index = kept.len();
        kept.push(start..end);
        for r in chorus_text::sentences(&clean.text[start..end]) {
            sentences.push(Sentence {
                start: start + r.start,
                end: start + r.end,
                paragraph: index,
            });
        }
    }
    CleanArticle {
        article,
        clean,
        paragraphs: kept,
        sentences,
        removed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// A story of one paragraph, longer than any promo line (61+ words).
    const LONG_ONE_PARAGRAPH: &str = "The ferry Quillon returned to Tessaly harbour on Sunday \
        after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said. Captain \
        Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said \
        the crossing to the outer islands would resume on Monday morning with the first sailing \
        at seven. Islanders had relied on a smaller chartered boat since the spring, and freight \
        had piled up on both quays.";

    fn check(articles: Vec<Article>, expect: Expect) {
        let cleaned = clean(articles, &CleanConfig::default());
        let mut out = String::new();
        for c in &cleaned {
            out.push_str(&format!("== {}\n", c.article.id));
            for s in &c.sentences {
                out.push_str(&format!("  | {}\n", c.sentence_text(s)));
                let body = c.clean.to_body(s.start..s.end).unwrap();
                assert_eq!(
                    chorus_text::normalized(&c.article.body[body]),
                    c.sentence_text(s),
                    "sentence maps back to its source bytes"
                );
            }
            for r in &c.removed {
                out.push_str(&format!(
                    "  - {} ({}): {}\n",
                    r.kind.as_str(),
                    r.reason,
                    r.text
                ));
            }
        }
        expect.assert_eq(&out);
    }

    /// Ids and reasons of what was removed from each article.
    fn removals(cleaned: &[CleanArticle]) -> Vec<(String, Vec<String>)> {
        cleaned
            .iter()
            .map(|c| {
                let reasons = c.removed.iter().map(|r| r.reason.clone()).collect();
                (c.article.id.clone(), reasons)
            })
            .collect()
    }

    #[test]
    fn furniture_among_some_lines_is_the_whole_verdict_on_them() {
        let config = CleanConfig::default();
        // 7 recurs in two different stories; 5 only in two versions of one; 6 once.
        let (a, b, c): (&[u64], &[u64], &[u64]) = (&[2, 4, 5, 7], &[2, 4, 5, 6], &[7, 8, 10]);
        let outlet = [a, b, c];
        let whole = outlet_furniture_lines(&outlet, &config);
        assert_eq!(whole, HashSet::from([7]));
        let among = HashSet::from([5, 6, 7]);
        assert_eq!(outlet_furniture_among(&outlet, &among, &config), whole);
        let among = HashSet::from([5, 6]);
        assert!(outlet_furniture_among(&outlet, &among, &config).is_empty());
    }

    #[test]
    fn furniture_decided_from_stored_lines_cleans_a_part_as_the_whole_is_cleaned() {
        let config = CleanConfig::default();
        let articles = vec![
            Article::new("a", "X", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
            Article::new(
                "b",
                "X",
                "A new mayor was elected.\n\nIt was the Daily Ink.\n",
            ),
            Article::new("c", "Y", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
            Article::new(
                "d",
                "X",
                "A new mayor was elected.\n\nIt was the Daily Ink.\n",
            ),
        ];
        let whole = clean(articles.clone(), &config);
        // Each article cleaned alone learns nothing, but gives its lines.
        let alone: Vec<Cleaned> = articles
            .iter()
            .map(|a| clean_lined(vec![a.clone()], &config, Furniture::Learned))
            .collect();
        assert!(alone.iter().all(|c| c.articles[0].removed.is_empty()));
        // The outlet's furniture decided from the stored lines of all its articles.
        let of_x: Vec<&[u64]> = [0, 1, 3].iter().map(|&i| &alone[i].lines[0][..]).collect();
        let decided = BTreeMap::from([("X".to_string(), outlet_furniture_lines(&of_x, &config))]);
        assert_eq!(decided["X"].len(), 1, "the one line two stories of X share");
        // "d" is a version of "b": alone with it, the line is no furniture.
        assert!(outlet_furniture_lines(&of_x[1..], &config).is_empty());
        let part = clean_lined(
            articles[2..].to_vec(),
            &config,
            Furniture::Decided(&decided),
        );
        assert_eq!(removals(&part.articles), removals(&whole[2..]));
        assert_eq!(
            removals(&part.articles),
            [
                ("c".to_string(), vec![]),
                ("d".to_string(), vec![RECURS_IN_OUTLET.to_string()])
            ]
        );
        assert_eq!(part.lines, article_lines(&articles[2..], &config));
    }

    #[test]
    fn a_page_about_a_crawl_goes_whole_and_a_story_under_a_banner_stays() {
        check(
            vec![
                Article::new(
                    "crawl",
                    "X",
                    "Web wide crawl with initial seedlist and crawler configuration from March.\n\nCrawl start date: 09 March\n\nNumber of hosts: 29,032,069\n\nThe seed list for this crawl was a list of the top sites on the web, retrieved close to the crawl start date.\n",
                ),
                Article::new(
                    "story",
                    "Y",
                    "These crawls are part of an effort to archive pages as they are created.\n\nThe ferry Quillon returned to Tessaly harbour on Sunday after a refit in Vornholt, the Tessaly Ferry Company said. Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early.\n\nThe ferry resumes the island crossing on Monday.\n",
                ),
            ],
            expect![[r#"
                == crawl
                  - boilerplate (archive_notice): Web wide crawl with initial seedlist and crawler configuration from March.
                  - boilerplate (archive_page): Crawl start date: 09 March
                  - boilerplate (archive_page): Number of hosts: 29,032,069
                  - boilerplate (archive_notice): The seed list for this crawl was a list of the top sites on the web, retrieved close to the crawl start date.
                == story
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a refit in Vornholt, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early.
                  | The ferry resumes the island crossing on Monday.
                  - boilerplate (archive_notice): These crawls are part of an effort to archive pages as they are created.
            "#]],
        );
    }

    #[test]
    fn promo_lines_link_lists_and_repeats_are_removed() {
        check(
            vec![Article::new(
                "a",
                "X",
                "The dam  burst on Monday. Mr. Lee   said so.\nRead more:\nWhy the dam failed\nWho built it – and when?\nWater reached the town by noon.\nThe dam  burst on Monday. Mr. Lee   said so.\nPlease refresh this page for the latest version.\nDownload our app and follow us for alerts on your phone.\n",
            )],
            expect![[r#"
                == a
                  | The dam burst on Monday.
                  | Mr. Lee said so.
                  | Water reached the town by noon.
                  - boilerplate (link_label): Read more:
                  - boilerplate (related_links): Why the dam failed
                  - boilerplate (related_links): Who built it – and when?
                  - repeated_paragraph (repeated_in_article): The dam burst on Monday. Mr. Lee said so.
                  - boilerplate (promo): Please refresh this page for the latest version.
                  - boilerplate (promo): Download our app and follow us for alerts on your phone.
            "#]],
        );
    }

    #[test]
    fn recurring_lines_are_furniture_but_not_in_versions_copies_or_across_unnamed_outlets() {
        check(
            vec![
                Article::new("a", "X", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
                Article::new("b", "X", "A new mayor was elected.\n\nIt was the Daily Ink.\n"),
                Article::new("c", "Y", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
                Article::new("d", "Z", "Rain fell all week.\n\nRivers rose fast.\n\nRoads shut.\n\nThe town flooded.\n"),
                Article::new("e", "Z", "Rain fell all week.\n\nRivers rose fast.\n\nRoads shut.\n\nThe town flooded twice.\n"),
                Article::new("f", "W", LONG_ONE_PARAGRAPH),
                Article::new("g", "W", LONG_ONE_PARAGRAPH),
                Article::new("j", "V", "This page is temporarily unavailable."),
                Article::new("k", "V", "This page is temporarily unavailable."),
                Article::new("h", "", "Lights out at nine.\n\nWith no outlet named."),
                Article::new("i", "", "Lights out at nine.\n\nEach one is its own outlet."),
            ],
            expect![[r#"
                == a
                  | Floods hit the north.
                  - boilerplate (recurs_in_outlet): It was the Daily Ink.
                == b
                  | A new mayor was elected.
                  - boilerplate (recurs_in_outlet): It was the Daily Ink.
                == c
                  | Floods hit the north.
                  | It was the Daily Ink.
                == d
                  | Rain fell all week.
                  | Rivers rose fast.
                  | Roads shut.
                  | The town flooded.
                == e
                  | Rain fell all week.
                  | Rivers rose fast.
                  | Roads shut.
                  | The town flooded twice.
                == f
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said the crossing to the outer islands would resume on Monday morning with the first sailing at seven.
                  | Islanders had relied on a smaller chartered boat since the spring, and freight had piled up on both quays.
                == g
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said the crossing to the outer islands would resume on Monday morning with the first sailing at seven.
                  | Islanders had relied on a smaller chartered boat since the spring, and freight had piled up on both quays.
                == j
                  - boilerplate (recurs_in_outlet): This page is temporarily unavailable.
                == k
                  - boilerplate (recurs_in_outlet): This page is temporarily unavailable.
                == h
                  | Lights out at nine.
                  | With no outlet named.
                == i
                  | Lights out at nine.
                  | Each one is its own outlet.
            "#]],
        );
    }

    #[test]
    fn story_sentences_that_mention_apps_or_quotes_stay() {
        check(
            vec![Article::new(
                "a",
                "X",
                "The company said its new app would send flood alerts to phones.\n“You can follow us anywhere,” the rebel leader told our reporter, “and refresh nothing.”\n",
            )],
            expect![[r#"
                == a
                  | The company said its new app would send flood alerts to phones.
                  | “You can follow us anywhere,” the rebel leader told our reporter, “and refresh nothing.”
            "#]],
        );
    }
}

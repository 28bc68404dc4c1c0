//! Evaluation on real pages: `../shared/data/readability-pages` (130 saved pages with the
//! article text and metadata a human-checked extractor gives). Prints a table per page and the
//! averages (`cargo test --release -p chorus-extract --test readability -- --nocapture`), and
//! fails under the floors. Skips with a message when the data is not beside the checkout.
//!
//! Text metric: gold text is the text content of `expected.html`; tokens are `\w+`; word
//! 4-gram shingles as sets (n drops to the shorter token count for pages under 4 tokens);
//! precision = shared / predicted, recall = shared / gold (0 when a side is empty); P and R are
//! averaged over pages and F1 is taken from the two averages. Title: exact match after
//! whitespace normalisation over pages whose metadata has a title. Date: same day over pages
//! whose metadata has `publishedTime`.

use chorus_extract::{extract, Hints};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashSet;
use std::path::PathBuf;

const F1_FLOOR: f64 = 0.95;
const TITLE_FLOOR: f64 = 0.90;
const DATE_FLOOR: f64 = 0.80;

/// Collects the character data of an HTML fragment: its text content.
#[derive(Default)]
struct TextSink(RefCell<String>);

impl TokenSink for TextSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::CharacterTokens(t) = token {
            self.0.borrow_mut().push_str(&t);
        }
        TokenSinkResult::Continue
    }
}

fn text_content(html: &str) -> String {
    let tok = Tokenizer::new(TextSink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&queue);
    tok.end();
    tok.sink.0.take()
}

fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashSet<Vec<&'a str>> {
    if tokens.len() < n || n == 0 {
        return HashSet::new();
    }
    tokens.windows(n).map(|w| w.to_vec()).collect()
}

/// (precision, recall) of `predicted` against `gold`.
fn text_scores(word: &Regex, predicted: &str, gold: &str) -> (f64, f64) {
    let p: Vec<&str> = word.find_iter(predicted).map(|m| m.as_str()).collect();
    let g: Vec<&str> = word.find_iter(gold).map(|m| m.as_str()).collect();
    if p.is_empty() || g.is_empty() {
        return (0.0, 0.0);
    }
    let n = 4.min(p.len()).min(g.len());
    let ps = shingles(&p, n);
    let gs = shingles(&g, n);
    let shared = ps.intersection(&gs).count() as f64;
    (shared / ps.len() as f64, shared / gs.len() as f64)
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

#[test]
fn readability_pages_meet_the_floors() {
    let Some(dir) = chorus_testdata::shared("readability-pages") else {
        return;
    };
    let entries = std::fs::read_dir(&dir).expect("the pages directory can be read");
    let mut pages: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    assert!(pages.len() >= 100, "only {} pages found", pages.len());
    let word = Regex::new(r"\w+").unwrap();
    let (mut sum_p, mut sum_r) = (0.0, 0.0);
    let (mut titles, mut titles_ok, mut dates, mut dates_ok) = (0, 0, 0, 0);
    println!(
        "{:<44} {:>6} {:>6} {:>6}  title date",
        "page", "P", "R", "F1"
    );
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read(page.join("source.html")).unwrap();
        let expected = std::fs::read_to_string(page.join("expected.html")).unwrap();
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(page.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        let got = extract(
            &source,
            &Hints {
                url: Some("http://fakehost/test/page.html"),
                content_type: None,
            },
        );
        let (p, r) = text_scores(&word, &got.text, &text_content(&expected));
        sum_p += p;
        sum_r += r;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let mut title_mark = "-";
        if let Some(want) = meta["title"].as_str().filter(|t| !t.trim().is_empty()) {
            titles += 1;
            let ok = got.title.as_deref().map(norm_ws) == Some(norm_ws(want));
            titles_ok += ok as usize;
            title_mark = if ok { "ok" } else { "MISS" };
        }
        let mut date_mark = "-";
        if let Some(want) = meta["publishedTime"].as_str() {
            dates += 1;
            let ok = got.published.as_deref().map(day) == Some(day(want));
            dates_ok += ok as usize;
            date_mark = if ok { "ok" } else { "MISS" };
        }
        println!("{name:<44} {p:>6.3} {r:>6.3} {f1:>6.3}  {title_mark:<5} {date_mark}");
        if std::env::var_os("EXTRACT_EVAL_VERBOSE").is_some()
            && (title_mark == "MISS" || date_mark == "MISS")
        {
            println!(
                "    title: got {:?} want {:?}\n    date: got {:?} want {:?}",
                got.title, meta["title"], got.published, meta["publishedTime"]
            );
        }
    }
    let n = pages.len() as f64;
    let (avg_p, avg_r) = (sum_p / n, sum_r / n);
    let f1 = 2.0 * avg_p * avg_r / (avg_p + avg_r);
    let title_rate = titles_ok as f64 / titles as f64;
    let date_rate = dates_ok as f64 / dates as f64;
    println!(
        "\n{} pages: text P {avg_p:.4} R {avg_r:.4} F1 {f1:.4}; title {titles_ok}/{titles} = {:.1}%; date {dates_ok}/{dates} = {:.1}%",
        pages.len(),
        title_rate * 100.0,
        date_rate * 100.0
    );
    assert!(f1 >= F1_FLOOR, "text F1 {f1:.4} under the floor {F1_FLOOR}");
    assert!(
        title_rate >= TITLE_FLOOR,
        "title match {title_rate:.3} under the floor {TITLE_FLOOR}"
    );
    assert!(
        date_rate >= DATE_FLOOR,
        "date match {date_rate:.3} under the floor {DATE_FLOOR}"
    );
}

#[test]
fn metric_behaves_on_small_cases() {
    let word = Regex::new(r"\w+").unwrap();
    assert_eq!(text_scores(&word, "a b c d e", "a b c d e"), (1.0, 1.0));
    assert_eq!(text_scores(&word, "", "a b c d"), (0.0, 0.0));
    assert_eq!(text_scores(&word, "Hello", "Hello"), (1.0, 1.0));
    let (p, r) = text_scores(&word, "a b c d x y z w", "a b c d");
    assert_eq!((p, r), (0.2, 1.0));
    assert_eq!(
        norm_ws(&text_content("<p>Caf&eacute; <b>au</b>\n lait</p>")),
        "Café au lait"
    );
}

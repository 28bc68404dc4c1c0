//! Extraction of pathologically nested pages (issue #25): 12.5k to 100k nested `div`s and
//! 33k nested tables, which took time quadratic in their depth (100k `div`s: 31 s) before
//! the tree builder was handed at most `MAX_DEPTH` levels. Prints the time of each and
//! whether the page was flattened. Run with `cargo bench -p chorus-extract --bench nesting`.

use chorus_extract::{extract, Hints};
use std::time::Instant;

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!(
        "<html><body>{}<p>The innermost paragraph of a very deep page, long enough to count \
         as text.</p>{}</body></html>",
        open.repeat(depth),
        close.repeat(depth)
    )
}

fn main() {
    let mut pages: Vec<(String, String)> = [12_500, 25_000, 50_000, 100_000]
        .iter()
        .map(|&n| (format!("{n} nested divs"), nested("<div>", "</div>", n)))
        .collect();
    pages.push((
        "33000 nested tables".into(),
        nested("<table><tr><td>", "</td></tr></table>", 33_000),
    ));
    pages.push((
        "100000 unclosed divs".into(),
        format!("<html><body>{}text", "<div>".repeat(100_000)),
    ));
    for (name, html) in &pages {
        let start = Instant::now();
        let page = extract(std::hint::black_box(html.as_bytes()), &Hints::default());
        let took = start.elapsed();
        println!(
            "{name:>22}: {:>8.1} ms  ({:.1} MB, flattened: {}, {} bytes of text)",
            took.as_secs_f64() * 1e3,
            html.len() as f64 / 1e6,
            page.flattened,
            page.text.len()
        );
    }
}

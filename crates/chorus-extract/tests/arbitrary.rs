//! Extraction never panics: arbitrary bytes, arbitrary text and markup-like soup built from
//! the pieces that stress the parser and the scoring (unclosed tags, scripts, comments,
//! charset declarations, deep nesting), and arbitrary gzip input.

use chorus_extract::{extract, gunzip, Hints};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"content\">",
    "<div class=\"sidebar\">",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    "<style>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "</td></tr></table>",
    "<a href=\"#x\">",
    "</a>",
    "<meta charset=\"windows-1252\">",
    "<meta charset=utf-16>",
    "<title>",
    "</title>",
    "<h1>",
    "<svg><text>",
    "</svg>",
    "<pre>",
    "<ul><li>",
    "<noscript>",
    "<template>",
    "<time datetime=\"2024-12-08\">",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "，",
    "Words, words, words. ",
    "<html lang=\"",
    "<link rel=canonical href=\"//x\">",
    "<body>",
    "<article>",
    "<",
    "<div hidden>",
    "<span style=\"display:none\">",
    "<img src=x>",
    "<form><input>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000),
                       url in proptest::option::of("[a-z:/0-9.]{0,30}"),
                       ct in proptest::option::of("[a-zA-Z0-9=; -]{0,30}")) {
        let _ = extract(&bytes, &Hints { url: url.as_deref(), content_type: ct.as_deref() });
        let _ = gunzip(&bytes, 1 << 16);
    }

    #[test]
    fn markup_soup(html in soup()) {
        let page = extract(html.as_bytes(), &Hints::default());
        prop_assert!(!page.text.contains("\n\n\n"));
    }

    #[test]
    fn gzip_prefixes(cut in 0usize..64) {
        let gz: &[u8] = &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0, 0x82, 0x89, 0xd1, 0xf7, 5, 0, 0, 0];
        let _ = gunzip(&gz[..cut.min(gz.len())], 1 << 16);
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!(
        "{}<p>deep text, deep text, deep text, deep text</p>",
        "<div>".repeat(50_000)
    );
    let page = extract(html.as_bytes(), &Hints::default());
    assert!(page.text.contains("deep text"));
}

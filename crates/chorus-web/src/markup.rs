//! HTML building blocks: escaping (every piece of article text goes through [`escape`]), the
//! page frame with its inline style and security headers, safe links, and the coverage chart
//! as inline SVG.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const STYLE: &str = r#":root { color-scheme: light dark; --muted: #777; --line: #8884; --mark: #fde68a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.top { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
header.top a.brand { font-weight: 700; text-decoration: none; color: inherit; }
header.top form { margin-left: auto; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-top: 1px solid var(--line); padding-top: 1rem; }
.meta, .muted, .cite, .none { color: var(--muted); }
ul.meta { list-style: none; padding: 0; margin: 0 0 1rem; }
.cite { font-size: .85em; }
.cite a { margin-right: .35em; }
.none { font-style: italic; }
ul { padding-left: 1.3rem; } li { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
th, td.num, td.muted { overflow-wrap: normal; }
@media (max-width: 40rem) { table { display: block; overflow-x: auto; } }
nav.pager { margin: 1rem 0; }
section.group h2 { font-size: 1.05rem; }
td.num { text-align: right; white-space: nowrap; }
form.filters { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; margin: .5rem 0 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85em; color: var(--muted); }
input, select, button { font: inherit; padding: .2rem .4rem; }
mark { background: var(--mark); color: #000; padding: 0 .1em; border-radius: 2px; }
mark#hl { outline: 2px solid #d97706; }
.sides { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(16rem, 1fr); gap: 1rem; overflow-x: auto; }
.side { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; font-size: .92em; }
.side h3 { font-size: 1rem; margin: 0 0 .3rem; }
.article p { margin: 0 0 1rem; }
svg.coverage { max-width: 100%; height: auto; }
svg.coverage rect { fill: #3b82f6; }
svg.coverage text { font-size: 10px; fill: currentColor; }
details summary { cursor: pointer; color: var(--muted); }
form.compare label { display: block; margin: 0 0 .8rem; color: var(--muted); font-size: .9em; }
form.compare textarea { display: block; width: 100%; font: inherit; padding: .4rem; }
"#;

/// Escapes text for HTML content and double-quoted attributes (the renderer's escape).
pub(crate) use chorus_render::escape_html as escape;

/// Percent-encodes an id for a URL path, keeping `/` (article ids are relative paths).
pub(crate) fn path_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes a query parameter value.
pub(crate) fn query_part(s: &str) -> String {
    path_part(s).replace('/', "%2F")
}

/// The URL only when it is http(s): a `javascript:` URL in an href would run.
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// The first ten characters of a date (the day), or "undated".
pub(crate) fn day(d: Option<&str>) -> String {
    match d {
        Some(d) => d.get(..10).unwrap_or(d).to_string(),
        None => "undated".into(),
    }
}

/// `2024-12-08` or `2024-12-08 – 2024-12-10`.
pub(crate) fn span(first: Option<&str>, last: Option<&str>) -> String {
    let (a, b) = (day(first), day(last));
    if first.is_none() || a == b || last.is_none() {
        if first.is_none() {
            b
        } else {
            a
        }
    } else {
        format!("{a} – {b}")
    }
}

/// Why cleaning removed a paragraph, in words a reader follows (the rule id for one this
/// build does not know).
pub(crate) fn removal_reason(reason: &str) -> String {
    match reason {
        "recurs_in_outlet" | "recurs_in_source" => "repeated on other pages of this outlet",
        "related_links" => "a list of links to other stories",
        "repeated_in_article" => "repeated earlier in this article",
        "archive_page" => "an archive's page about the capture, not the story",
        "link_label" => "a link or section label",
        "embed_message" => "what an embedded post or player shows",
        "site_message" => "a site message (sign-in, registration, page gone)",
        "archive_notice" => "a web archive's notice",
        "copyright" => "a copyright line",
        "credits" => "a photo or video credit",
        "promo" => "a promotion addressed to the reader",
        other => return other.replace('_', " "),
    }
    .to_string()
}

/// `1 event`, `3 events`: a count with its noun in the right number.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `?a=1&b=x%20y` (empty for no parameters); the values percent-encoded, the whole still to
/// be escaped where it stands in an attribute.
pub(crate) fn query_string(params: &[(&str, String)]) -> String {
    if params.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", query_part(v)))
        .collect();
    format!("?{}", parts.join("&"))
}

/// "Previous · 21–40 of 345 · Next" for one page of a list at `path` with `params`.
pub(crate) fn pager<T>(
    path: &str,
    params: &[(&str, String)],
    page: &chorus_store::Page<T>,
    (one, many): (&str, &str),
) -> String {
    if page.total == 0 {
        return String::new();
    }
    let link = |offset: usize, label: &str, rel: &str| {
        let mut p = params.to_vec();
        if offset > 0 {
            p.push(("offset", offset.to_string()));
        }
        format!(
            "<a rel=\"{rel}\" href=\"{}{}\">{label}</a>",
            path,
            escape(&query_string(&p))
        )
    };
    let shown = page.total.saturating_sub(page.offset).min(page.limit);
    let mut parts = Vec::new();
    if let Some(o) = page.previous() {
        parts.push(link(o, "← Previous", "prev"));
    }
    parts.push(if shown == 0 {
        format!("none of {} here", count(page.total, one, many))
    } else {
        format!(
            "{}–{} of {}",
            page.offset + 1,
            page.offset + shown,
            count(page.total, one, many)
        )
    });
    if let Some(o) = page.next() {
        parts.push(link(o, "Next →", "next"));
    }
    format!("<nav class=\"pager\">{}</nav>\n", parts.join(" · "))
}

/// The page frame: navigation, a search box (pre-filled with `query`), inline style.
pub(crate) fn page(title: &str, body: &str, query: &str) -> Response {
    let html = format!(
        concat!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>{title} · chorus</title>\n<style>\n{style}</style>\n</head>\n<body>\n",
            "<header class=\"top\"><a class=\"brand\" href=\"/\">chorus</a>",
            "<a href=\"/\">Events</a><a href=\"/entities\">Entities</a><a href=\"/outlets\">Outlets</a><a href=\"/compare\">Compare</a>",
            "<form action=\"/search\" method=\"get\" role=\"search\">",
            "<input type=\"search\" name=\"q\" value=\"{query}\" placeholder=\"Search articles\" aria-label=\"Search articles\"> ",
            "<button>Search</button></form></header>\n<main>\n{body}</main>\n</body>\n</html>\n"
        ),
        title = escape(title),
        style = STYLE,
        query = escape(query),
        body = body,
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            // Defence in depth: even if some text escaped escaping, nothing could run or load.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        html,
    )
        .into_response()
}

/// Articles per day as a bar chart; `None` when fewer than one dated article.
pub(crate) fn coverage_svg(dates: &[&str]) -> Option<String> {
    let mut days: std::collections::BTreeMap<String, usize> = Default::default();
    for d in dates {
        if let Some(day) = d.get(..10) {
            *days.entry(day.to_string()).or_default() += 1;
        }
    }
    if days.is_empty() {
        return None;
    }
    let max = days.values().copied().max().unwrap_or(1).max(1);
    let bar = 28usize;
    let gap = 8usize;
    let height = 90usize;
    let width = days.len() * (bar + gap) + gap;
    let mut svg = format!(
        "<svg class=\"coverage\" role=\"img\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\"><title>Articles per day</title>",
        height + 30,
        height + 30
    );
    for (i, (day, n)) in days.iter().enumerate() {
        let h = (n * height / max).max(2);
        let x = gap + i * (bar + gap);
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"><title>{}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            height - h + 12,
            escape(day),
            x + bar / 2,
            height - h + 10,
            x + bar / 2,
            height + 26,
            escape(day.get(5..).unwrap_or(day)),
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_content_and_attributes() {
        assert_eq!(
            escape("<img src=x onerror=\"alert('1')\">&\u{1b}[31m"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;[31m"
        );
    }

    #[test]
    fn links_are_encoded_and_only_http() {
        assert_eq!(path_part("eastgate/a b?.md"), "eastgate/a%20b%3F.md");
        assert_eq!(query_part("a/b&c"), "a%2Fb%26c");
        assert_eq!(safe_url(" JavaScript:alert(1)"), None);
        assert_eq!(safe_url("https://x.org/a"), Some("https://x.org/a"));
    }

    #[test]
    fn coverage_has_a_bar_per_day() {
        let svg = coverage_svg(&["2024-12-08T10:00:00Z", "2024-12-08", "2024-12-09"]).unwrap();
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(coverage_svg(&[]).is_none());
    }
}

//! Which outlet an article is from when the input does not say: the host of its URL, or the
//! outlet a sign-off in the text names ("… via the Sky News app"); otherwise it is an unknown
//! outlet, named so in every format (`chorus_model::unknown_outlet`) and never merged with
//! another.

/// The outlet the article names of itself, if any.
pub(crate) fn named(url: Option<&str>, body: &str) -> Option<String> {
    url.and_then(chorus_extract::host_of)
        .or_else(|| sign_off(body))
}

/// The outlet of a sign-off: "via the Sky News app", "on the Northwind Daily app": one to four
/// capitalised words between "the" and "app", in the last 2,000 bytes of the text.
fn sign_off(body: &str) -> Option<String> {
    let mut from = body.len().saturating_sub(2000);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let tail = &body[from..];
    for (i, _) in tail.match_indices(" the ") {
        let before = tail[..i].trim_end();
        if !(before.ends_with("via") || before.ends_with(" on") || before.ends_with(" our")) {
            continue;
        }
        let rest = &tail[i + 5..];
        let mut words = Vec::new();
        for w in rest.split(' ') {
            let w = w.trim_end_matches(['.', ',']);
            if w == "app" {
                if !words.is_empty() {
                    return Some(words.join(" "));
                }
                break;
            }
            if words.len() == 4 || !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            words.push(w);
        }
    }
    None
}

/// The outlet to record: the one given, else the one the article names, else an unknown
/// outlet named after `stem` (its file stem or id).
pub(crate) fn resolve(given: Option<String>, url: Option<&str>, body: &str, stem: &str) -> String {
    given
        .filter(|s| !s.trim().is_empty())
        .or_else(|| named(url, body))
        .unwrap_or_else(|| chorus_model::unknown_outlet(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_by_url_or_sign_off_else_unknown() {
        let cases = [
            (
                Some("https://www.example.org/news/1"),
                "Text.",
                "example.org",
            ),
            (
                None,
                "Story.\n\nYou can receive alerts via the Sky News app. Follow us.",
                "Sky News",
            ),
            (
                None,
                "Story. Download it on the Northwind Daily app.",
                "Northwind Daily",
            ),
            (
                None,
                "He left via the back door of the app store.",
                "outlet unknown (a)",
            ),
            (None, "No sign-off here.", "outlet unknown (a)"),
        ];
        for (url, body, want) in cases {
            assert_eq!(resolve(None, url, body, "a"), want, "{body}");
        }
        assert_eq!(
            resolve(Some("Given".into()), None, "via the X app", "a"),
            "Given"
        );
    }
}

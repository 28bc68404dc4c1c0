//! Language detection (whatlang) reported as ISO 639-1 codes where one exists.

/// Detects the language of `text` from its first 1,500 bytes (plenty for a reliable guess); `None` when unsure.
pub fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code3 = info.lang().code();
    Some(iso639_1(code3).unwrap_or(code3).to_string())
}

fn iso639_1(code3: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("hun", "hu"),
        ("ron", "ro"),
        ("bul", "bg"),
        ("ell", "el"),
        ("heb", "he"),
        ("hin", "hi"),
        ("ind", "id"),
        ("vie", "vi"),
        ("tha", "th"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("ben", "bn"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("slv", "sl"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("cat", "ca"),
        ("epo", "eo"),
        ("afr", "af"),
    ];
    TABLE.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| *c1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_german() {
        assert_eq!(
            detect_language("The president arrived in the capital on Sunday after a long flight.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language(
                "Der Präsident ist am Sonntag nach einem langen Flug in der Hauptstadt angekommen."
            )
            .as_deref(),
            Some("de")
        );
    }
}

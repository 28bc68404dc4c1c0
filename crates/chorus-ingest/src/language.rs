//! Language detection (whatlang) reported as ISO 639-1 codes where one exists.

/// Detects the language of `text` from its first 1,000 bytes (some 150 words: plenty for a reliable guess); `None` when unsure.
pub fn detect_language(text: &str) -> Option<String> {
    if clearly_english(text) {
        return Some("en".to_string());
    }
    let mut end = text.len().min(1000);
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

/// Common English words that are not common words of another language written in Latin
/// letters ("in", "is", "was", "of", "to", "for", "her" and the like are left out: they are
/// Dutch, German or Scandinavian words too).
const ENGLISH: &[&str] = &[
    "the", "and", "that", "with", "have", "been", "which", "their", "said", "says", "this", "from",
    "were", "his", "she", "they", "you", "would", "there", "what", "when", "who", "not", "but",
    "it", "its",
];

/// Whether the opening of `text` is plainly English: of its first 80 words (at least 30), at
/// least 12% are words only English has, of three kinds or more. Most news is, and this
/// check costs a fraction of whatlang's trigram scoring, which decides every other text.
fn clearly_english(text: &str) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    let mut kinds = 0u32;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(80)
    {
        words += 1;
        if w.len() <= 5 {
            if let Some(k) = ENGLISH.iter().position(|e| w.eq_ignore_ascii_case(e)) {
                hits += 1;
                kinds |= 1 << k;
            }
        }
    }
    words >= 30 && hits * 100 >= words * 12 && kinds.count_ones() >= 3
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
    fn english_fast_path_agrees_with_whatlang() {
        let english = "The council said on Tuesday that the bridge over the river would close for \
            repairs in the spring, and that ferries would run from the old harbour while the work \
            was done. Engineers found cracks in two of its pillars after the floods of last year, \
            a spokeswoman for the council told reporters at the town hall.";
        assert!(clearly_english(english));
        let info = whatlang::detect(english).unwrap();
        assert_eq!(info.lang().code(), "eng");
        // Other languages never take the fast path, even with loan words.
        let dutch = "De gemeenteraad zei dinsdag dat de brug over de rivier in het voorjaar \
            dicht gaat voor herstel, en dat veerboten vanuit de oude haven varen zolang het werk \
            duurt. Ingenieurs vonden scheuren in twee pijlers na de overstromingen van vorig jaar, \
            zei een woordvoerster van de gemeente tegen verslaggevers in het stadhuis. The end.";
        assert!(!clearly_english(dutch));
        assert_eq!(detect_language(dutch).as_deref(), Some("nl"));
        assert!(!clearly_english("The end. The start. The middle."));
        let french = "Le maire a déclaré mardi que le pont sur la rivière serait fermé pour \
            travaux au printemps, et que les ferries partiraient du vieux port pendant les \
            travaux. Les ingénieurs ont trouvé des fissures dans deux piliers après les \
            inondations de l'année dernière, a déclaré une porte-parole de la mairie aux \
            journalistes. The Guardian and The Times said it was not true.";
        assert!(!clearly_english(french));
        assert_eq!(detect_language(french).as_deref(), Some("fr"));
    }

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

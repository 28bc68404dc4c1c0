//! Name keys and name similarity: the normal form under which spelling variants of one name
//! meet ("al Assad", "al-Assad", "Al-Assad" → `assad`), and the transliteration test.

use crate::lexicon;

/// Lower-case letters and digits of one piece of a name (apostrophes and dots dropped).
fn fold(piece: &str) -> String {
    let mut out = String::with_capacity(piece.len());
    fold_into(piece, &mut out);
    out
}

/// Appends [`fold`] of `piece` to `out`.
fn fold_into(piece: &str, out: &mut String) {
    for c in piece.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The words that tell names apart: particles left out (standalone, "al Assad", or joined,
/// "al-Assad"), other hyphenated pieces joined ("Co-ordination" → `coordination`,
/// "Megevand-Roggo" → `megevandroggo`). A name of particles only keeps them ("Al"). These are
/// the words of [`key`].
pub(crate) fn core(name: &str) -> Vec<String> {
    key(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// All letters of a name, particles included, without spaces or hyphens: the form under
/// which a particle written apart and joined meet ("Ilsa van der Berg" and "Ilsa Vanderberg"
/// → `ilsavanderberg`; "Castel Gandolfo" and "Castelgandolfo").
pub(crate) fn joined(name: &str) -> String {
    fold(name)
}

/// Initials of a multi-word name, small joining words left out ("Port Workers Union" →
/// `pwu`, "Syrian Observatory for Human Rights" → `sohr`).
pub(crate) fn initials(core: &[&str]) -> String {
    core.iter()
        .filter(|p| !matches!(**p, "of" | "the" | "for" | "and" | "on" | "in"))
        .filter_map(|p| p.chars().next())
        .collect()
}

/// The key under which spelling variants of one name are grouped: the words of [`core`]
/// joined by spaces, built in one string (keys are made for every capitalised word).
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    join_words(name, &mut out, |w, out| {
        for p in w.split(['-', '‐', '‑']) {
            let start = out.len();
            fold_into(p, out);
            if lexicon::is_particle(&out[start..]) {
                out.truncate(start);
            }
        }
    });
    if out.is_empty() {
        // A name of particles only keeps them ("Al").
        join_words(name, &mut out, fold_into);
    }
    out
}

/// Appends what `word` makes of each word of `name` to `out`, separated by spaces; words it
/// makes nothing of leave no space.
fn join_words(name: &str, out: &mut String, mut word: impl FnMut(&str, &mut String)) {
    for w in name.split_whitespace() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        word(w, out);
        if out.len() == start {
            out.truncate(before);
        }
    }
}

/// Whether two last name parts are spellings of one transliterated name ("jolani" and
/// "golani"): one edit apart, or two edits apart with the same consonants ("joulani").
pub(crate) fn transliteration_variants(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (ca, cb) = (a.chars().count(), b.chars().count());
    if ca < 4 || cb < 4 {
        return false;
    }
    let d = chorus_text::edit_distance(a, b);
    d <= 1 || d == 2 && skeleton(a) == skeleton(b)
}

/// Consonants in order, doubled letters once, with letters transliterations swap folded.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h' => continue,
            'j' => 'g',
            'q' | 'c' => 'k',
            _ => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_cores() {
        for (name, k) in [
            ("Bashar al-Assad", "bashar assad"),
            ("al Assad", "assad"),
            ("Al", "al"),
            ("al-", "al"),
            ("  Ilsa  van der Berg ", "ilsa berg"),
            ("Co-ordination", "coordination"),
            ("Megevand-Roggo", "megevandroggo"),
            ("Émile Zoëgger-İnce", "émile zoëggeri\u{307}nce"),
            ("- -", ""),
            ("", ""),
            ("AL-QAIDA", "qaida"),
            ("bin Laden", "laden"),
        ] {
            assert_eq!(key(name), k, "{name:?}");
            let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(core(name), words, "{name:?}");
        }
    }

    #[test]
    fn variants_share_a_key() {
        assert_eq!(key("al Assad"), "assad");
        assert_eq!(key("Al-Assad"), key("Assad"));
        assert_eq!(key("Bashar al Assad"), key("Bashar Al-Assad"));
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Al"), "al");
        assert_eq!(core("Bashar al Assad"), ["bashar", "assad"]);
        assert_eq!(
            core("Beatrice Megevand-Roggo"),
            ["beatrice", "megevandroggo"]
        );
        assert_eq!(
            key("Local Co-ordination Committees"),
            key("Local Coordination Committees")
        );
        assert_eq!(
            initials(&["syrian", "observatory", "for", "human", "rights"]),
            "sohr"
        );
    }

    #[test]
    fn particles_joined_or_apart() {
        assert_eq!(joined("Ilsa van der Berg"), joined("Ilsa Vanderberg"));
        assert_eq!(joined("Castel Gandolfo"), joined("Castelgandolfo"));
        assert_ne!(joined("Asma al-Assad"), joined("Bashar al-Assad"));
        assert_ne!(key("Ilsa van der Berg"), key("Ilsa Vanderberg"));
    }

    #[test]
    fn transliterations() {
        assert!(transliteration_variants("jolani", "golani"));
        assert!(transliteration_variants("tartous", "tartus"));
        assert!(!transliteration_variants("assad", "assad"));
        assert!(!transliteration_variants("bashar", "asma"));
        assert!(transliteration_variants("joulani", "golani"));
        assert!(!transliteration_variants("hassan", "hussein"));
        assert!(!transliteration_variants("un", "il"));
    }
}

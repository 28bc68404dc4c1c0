//! The Porter stemmer as the reference ROUGE scorer runs it: NLTK's `PorterStemmer` in its
//! default `NLTK_EXTENSIONS` mode (Porter 1980 plus a few irregular forms and rule tweaks), not
//! the Snowball "Porter2" English stemmer, whose stems differ ("generously" → "gener" here,
//! "generous" there). Works on lowercase ASCII words, which is all the ROUGE tokenizer yields.

/// Words NLTK maps before running the rules.
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `w[i]` is a consonant; a `y` is one unless it follows a consonant.
fn is_consonant(w: &[u8], mut i: usize) -> bool {
    if is_vowel(w[i]) {
        return false;
    }
    if w[i] == b'y' {
        let mut negate = false;
        while i > 0 && w[i] == b'y' {
            negate = !negate;
            i -= 1;
        }
        // Consonant when the letter before the run of y is one, flipped per y in the run.
        return is_vowel(w[i]) == negate;
    }
    true
}

fn consonant_flags(w: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let f = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(f);
    }
    flags
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    consonant_flags(w)
        .windows(2)
        .filter(|p| !p[0] && p[1])
        .count()
}

fn contains_vowel(w: &[u8]) -> bool {
    !consonant_flags(w).iter().all(|&c| c)
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

type Condition<'a> = &'a dyn Fn(&[u8]) -> bool;

/// One rewrite: a suffix (`None` = "ends in a double consonant", which drops two letters), its
/// replacement, and a condition on the remaining stem.
struct Rule<'a> {
    suffix: Option<&'a [u8]>,
    replacement: &'a [u8],
    condition: Option<Condition<'a>>,
}

fn rule<'a>(suffix: &'a str, replacement: &'a str, condition: Option<Condition<'a>>) -> Rule<'a> {
    Rule {
        suffix: Some(suffix.as_bytes()),
        replacement: replacement.as_bytes(),
        condition,
    }
}

/// Applies the first rule whose suffix matches (and only that one, whether or not its
/// condition holds).
fn apply(word: Vec<u8>, rules: &[Rule]) -> Vec<u8> {
    for r in rules {
        let cut = match r.suffix {
            None if ends_double_consonant(&word) => 2,
            None => continue,
            Some(s) if word.ends_with(s) => s.len(),
            Some(_) => continue,
        };
        let stem = &word[..word.len() - cut];
        if r.condition.is_none_or(|c| c(stem)) {
            let mut out = stem.to_vec();
            out.extend_from_slice(r.replacement);
            return out;
        }
        return word;
    }
    word
}

fn replace_suffix(word: &[u8], suffix_len: usize, replacement: &str) -> Vec<u8> {
    let mut out = word[..word.len() - suffix_len].to_vec();
    out.extend_from_slice(replacement.as_bytes());
    out
}

fn positive(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn above_one(stem: &[u8]) -> bool {
    measure(stem) > 1
}

fn step1a(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"ies") && word.len() == 4 {
        return replace_suffix(&word, 3, "ie");
    }
    apply(
        word,
        &[
            rule("sses", "ss", None),
            rule("ies", "i", None),
            rule("ss", "ss", None),
            rule("s", "", None),
        ],
    )
}

fn step1b(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"ied") {
        let replacement = if word.len() == 4 { "ie" } else { "i" };
        return replace_suffix(&word, 3, replacement);
    }
    if word.ends_with(b"eed") {
        let stem = &word[..word.len() - 3];
        return if measure(stem) > 0 {
            replace_suffix(&word, 3, "ee")
        } else {
            word
        };
    }
    let mut stem = None;
    for suffix in [&b"ed"[..], b"ing"] {
        if word.ends_with(suffix) {
            let s = &word[..word.len() - suffix.len()];
            if contains_vowel(s) {
                stem = Some(s.to_vec());
                break;
            }
        }
    }
    let Some(stem) = stem else {
        return word;
    };
    let last = [*stem.last().expect("a stem with a vowel is not empty")];
    let not_lsz = |_: &[u8]| !matches!(last[0], b'l' | b's' | b'z');
    let short = |s: &[u8]| measure(s) == 1 && ends_cvc(s);
    apply(
        stem,
        &[
            rule("at", "ate", None),
            rule("bl", "ble", None),
            rule("iz", "ize", None),
            Rule {
                suffix: None,
                replacement: &last,
                condition: Some(&not_lsz),
            },
            rule("", "e", Some(&short)),
        ],
    )
}

fn step1c(word: Vec<u8>) -> Vec<u8> {
    let cond = |s: &[u8]| s.len() > 1 && is_consonant(s, s.len() - 1);
    apply(word, &[rule("y", "i", Some(&cond))])
}

fn step2(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"alli") && positive(&word[..word.len() - 4]) {
        return step2(replace_suffix(&word, 4, "al"));
    }
    let p: Condition = &positive;
    let head = word[..word.len().saturating_sub(3)].to_vec();
    let logi = move |_: &[u8]| positive(&head);
    apply(
        word,
        &[
            rule("ational", "ate", Some(p)),
            rule("tional", "tion", Some(p)),
            rule("enci", "ence", Some(p)),
            rule("anci", "ance", Some(p)),
            rule("izer", "ize", Some(p)),
            rule("bli", "ble", Some(p)),
            rule("alli", "al", Some(p)),
            rule("entli", "ent", Some(p)),
            rule("eli", "e", Some(p)),
            rule("ousli", "ous", Some(p)),
            rule("ization", "ize", Some(p)),
            rule("ation", "ate", Some(p)),
            rule("ator", "ate", Some(p)),
            rule("alism", "al", Some(p)),
            rule("iveness", "ive", Some(p)),
            rule("fulness", "ful", Some(p)),
            rule("ousness", "ous", Some(p)),
            rule("aliti", "al", Some(p)),
            rule("iviti", "ive", Some(p)),
            rule("biliti", "ble", Some(p)),
            rule("fulli", "ful", Some(p)),
            rule("logi", "log", Some(&logi)),
        ],
    )
}

fn step3(word: Vec<u8>) -> Vec<u8> {
    let p: Condition = &positive;
    apply(
        word,
        &[
            rule("icate", "ic", Some(p)),
            rule("ative", "", Some(p)),
            rule("alize", "al", Some(p)),
            rule("iciti", "ic", Some(p)),
            rule("ical", "ic", Some(p)),
            rule("ful", "", Some(p)),
            rule("ness", "", Some(p)),
        ],
    )
}

fn step4(word: Vec<u8>) -> Vec<u8> {
    let m: Condition = &above_one;
    let ion = |s: &[u8]| above_one(s) && matches!(s.last(), Some(b's' | b't'));
    apply(
        word,
        &[
            rule("al", "", Some(m)),
            rule("ance", "", Some(m)),
            rule("ence", "", Some(m)),
            rule("er", "", Some(m)),
            rule("ic", "", Some(m)),
            rule("able", "", Some(m)),
            rule("ible", "", Some(m)),
            rule("ant", "", Some(m)),
            rule("ement", "", Some(m)),
            rule("ment", "", Some(m)),
            rule("ent", "", Some(m)),
            rule("ion", "", Some(&ion)),
            rule("ou", "", Some(m)),
            rule("ism", "", Some(m)),
            rule("ate", "", Some(m)),
            rule("iti", "", Some(m)),
            rule("ous", "", Some(m)),
            rule("ive", "", Some(m)),
            rule("ize", "", Some(m)),
        ],
    )
}

fn step5a(word: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = word.strip_suffix(b"e") {
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    word
}

fn step5b(word: Vec<u8>) -> Vec<u8> {
    let head = word[..word.len().saturating_sub(1)].to_vec();
    let cond = move |_: &[u8]| measure(&head) > 1;
    apply(word, &[rule("ll", "l", Some(&cond))])
}

/// The Porter stem of a lowercase ASCII word, as NLTK's default `PorterStemmer` gives it.
/// Anything else (upper case, non-ASCII) is returned unchanged.
pub fn stem(word: &str) -> String {
    if let Some(&(_, s)) = IRREGULAR.iter().find(|(w, _)| *w == word) {
        return s.to_string();
    }
    if word.len() <= 2
        || !word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    for step in [step1a, step1b, step1c, step2, step3, step4, step5a, step5b] {
        w = step(w);
    }
    String::from_utf8(w).expect("ASCII in, ASCII out")
}

#[cfg(test)]
mod tests {
    use super::stem;

    /// Stems checked against `nltk.stem.porter.PorterStemmer()` (NLTK 3.x, default mode).
    #[test]
    fn stems_match_nltk() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("skies", "sky"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("valenci", "valenc"),
            ("digitizer", "digit"),
            ("conformabli", "conform"),
            ("radicalli", "radic"),
            ("differentli", "differ"),
            ("vileli", "vile"),
            ("analogousli", "analog"),
            ("vietnamization", "vietnam"),
            ("predication", "predic"),
            ("operator", "oper"),
            ("feudalism", "feudal"),
            ("decisiveness", "decis"),
            ("hopefulness", "hope"),
            ("callousness", "callous"),
            ("formaliti", "formal"),
            ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"),
            ("triplicate", "triplic"),
            ("formative", "form"),
            ("formalize", "formal"),
            ("electriciti", "electr"),
            ("electrical", "electr"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("allowance", "allow"),
            ("inference", "infer"),
            ("airliner", "airlin"),
            ("adjustable", "adjust"),
            ("defensible", "defens"),
            ("irritant", "irrit"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("homologou", "homolog"),
            ("communism", "commun"),
            ("activate", "activ"),
            ("angulariti", "angular"),
            ("homologous", "homolog"),
            ("effective", "effect"),
            ("bowdlerize", "bowdler"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("controll", "control"),
            ("roll", "roll"),
            ("generously", "gener"),
            ("news", "news"),
            ("dying", "die"),
            ("died", "die"),
            ("cried", "cri"),
            ("innings", "inning"),
            ("fully", "fulli"),
            ("archaeology", "archaeolog"),
            ("syrian", "syrian"),
            ("presidential", "presidenti"),
            ("celebrations", "celebr"),
            ("2024", "2024"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(w, s)| stem(w) != *s)
            .map(|(w, s)| format!("{w}: got {}, want {s}", stem(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}

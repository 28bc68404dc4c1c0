//! "Do these two sentences state the same thing?": the decision behind corroboration. Topic
//! words are not enough (two sentences of one story share them all); what must match is the
//! claim: its action words, its participants (names), its figures, and its polarity and
//! modality ("arrested" against "searching for"; "was charged" against "will be charged"). The
//! features below read that from the two sentences alone, so the answer does not depend on
//! the rest of the event; a logistic model over them was fitted on the Microsoft Research
//! Paraphrase Corpus training pairs (`cargo xtask statement` fits and cross-validates it, and
//! prints the weights kept in [`WEIGHTS`]). A sentence's main claim ([`main_clause`]) is read
//! too: a support must state it, not only a secondary part of the sentence
//! ([`main_covered`]); and the model also compares the two main claims alone, without the
//! asides each report adds around them (a leading subordinate clause, relative clauses, a
//! trailing clause), a support scoring the higher of the two readings
//! ([`support_probability`]).

use crate::Units;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Words news uses for one action or state, a class a line (`data/predicates.txt`).
const PREDICATES: &str = include_str!("../data/predicates.txt");

/// The classes of `data/predicates.txt`, a line each, in order.
fn class_lines() -> impl Iterator<Item = &'static str> {
    PREDICATES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The term id of predicate class `class`: above every term of an event, counting down. Its
/// own inverse: the class of a term id.
fn class_id(class: u32) -> u32 {
    u32::MAX.wrapping_sub(1).wrapping_sub(class)
}

/// Whether a term id (as [`predicate`] gives it) is a predicate class, not a term of the
/// event: class ids lie above every term's.
pub(crate) fn is_class(t: u32) -> bool {
    t > u32::MAX / 2
}

/// Stem → predicate class, the first class a stem is listed in.
fn predicate_classes() -> &'static FxHashMap<String, u32> {
    static CLASSES: OnceLock<FxHashMap<String, u32>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let terms = chorus_text::Terms::default();
        let mut map = FxHashMap::default();
        for (class, line) in class_lines().enumerate() {
            for word in line.split_whitespace() {
                map.entry(terms.stem(word)).or_insert(class as u32);
            }
        }
        map
    })
}

/// The id [`predicate`] gives the class of a word, if it is in one.
pub(crate) fn word_class(word: &str) -> Option<u32> {
    let stem = chorus_text::Terms::default().stem(&word.to_lowercase());
    predicate_classes().get(&stem).map(|&class| class_id(class))
}

/// The words of the predicate class `id` (as [`word_class`] gives it), as listed.
pub(crate) fn class_words(id: u32) -> impl Iterator<Item = &'static str> {
    class_lines()
        .nth(class_id(id) as usize)
        .into_iter()
        .flat_map(str::split_whitespace)
}

/// A term as the decision compares it: a predicate's class stands for every word of it
/// (ids above the event's terms), any other term for itself.
pub(crate) fn predicate(units: &Units, t: u32) -> u32 {
    match predicate_classes().get(&units.stems[t as usize]) {
        Some(&class) => class_id(class),
        None => t,
    }
}

/// How many features [`features`] returns (the bias is the last weight).
pub const FEATURES: usize = 26;

/// The fitted weights, one per feature and the bias last (`cargo xtask statement`).
// Fitted numbers: one that happens to be near π/8 is not that constant.
#[allow(clippy::approx_constant)]
pub const WEIGHTS: [f32; FEATURES + 1] = [
    0.5671, -0.2389, -0.0111, 0.5526, -0.2733, -0.3625, -0.3319, 0.1364, 0.0000, 0.2033, -1.4945,
    0.6019, 0.4725, -0.1978, -0.0689, 0.9137, 1.4905, -0.0396, 0.1277, 0.1717, 0.0432, -0.1955,
    0.5775, 2.0621, 1.4765, 0.2466, -3.3967,
];

/// Words that deny the claim of the clause they stand in.
const NEGATIONS: &[&str] = &[
    "not", "no", "non", "never", "nobody", "nothing", "none", "neither", "nor", "without",
    "denied", "denies", "deny", "refused", "cannot", "fail", "fails", "failed", "failing",
    "failure", // "failed to meet" is "did not meet"
    // Contractions written without their apostrophe.
    "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wouldnt",
    "wont", "hasnt", "havent", "hadnt", "shouldnt",
];

/// Words that deny what follows them only before "to" ("declined to comment").
const DECLINING: &[&str] = &["declined", "declines", "decline", "declining"];

/// How many words a "declined" may stand before its "to" when an aside set off by commas
/// comes between ("declined, through a spokesman, to comment").
const DECLINED_ASIDE_WORDS: usize = 8;

/// The offsets of the words "to" in `core` that a word of [`DECLINING`] governs, right after
/// it or after an aside set off by commas: "declined to comment" is "did not comment", while
/// "shares declined 3 percent" and "declined to $36.9 billion" deny nothing.
fn declined_to(text: &str, core: &std::ops::Range<usize>) -> Vec<usize> {
    let words: Vec<(usize, &str)> = chorus_text::words(&text[core.clone()])
        .map(|(o, w)| (o + core.start, w))
        .collect();
    let mut out = Vec::new();
    for (i, &(off, w)) in words.iter().enumerate() {
        if !DECLINING.iter().any(|d| w.eq_ignore_ascii_case(d)) {
            continue;
        }
        let aside = text[off + w.len()..].starts_with(',');
        let to = words[i + 1..]
            .iter()
            .take(if aside { DECLINED_ASIDE_WORDS } else { 1 })
            .find(|&&(o, x)| {
                x.eq_ignore_ascii_case("to") && (!aside || text[..o].trim_end().ends_with(','))
            });
        // "Revenue declined to $36.9 billion" is a level, not a refusal.
        let level = to.is_some_and(|&(o, x)| {
            let after = text[o + x.len()..].trim_start();
            after.starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c))
                || chorus_text::words(after)
                    .next()
                    .is_some_and(|(p, n)| p == 0 && number_word_value(n).is_some())
        });
        if !level {
            out.extend(to.map(|x| x.0));
        }
    }
    out
}

/// Words that make a claim a possibility, plan, expectation or search rather than a fact
/// (hedges such as "allegedly" attribute a claim, they do not change it).
const MODALS: &[&str] = &[
    "will", "would", "could", "may", "might", "should", "must", "expected", "plans", "planned",
    "planning", "likely", "possible", "possibly", "if", "whether", "hopes", "hope", "expects",
    "expect", "intend", "intends",
];

/// Verbs of saying that a source declines with "would not" ("would not comment", "won't
/// say"): a refusal it made, not a possibility.
const DECLINED_SAYING: &[&str] = &[
    "say",
    "comment",
    "confirm",
    "disclose",
    "discuss",
    "elaborate",
    "specify",
    "speculate",
];

/// Whether the modal `lower` followed by `rest` opens a refusal to say ("would not comment",
/// "wouldn't say", "would not immediately confirm"): the denial is the claim (its negation
/// reads it), nothing is possible.
fn refuses_to_say(rest: &str, lower: &str) -> bool {
    let mut next = chorus_text::words(rest).map(|(_, w)| w.to_ascii_lowercase());
    let denied = lower.ends_with("n't")
        || (["would", "will", "could"].contains(&lower) && next.next().is_some_and(|w| w == "not"));
    denied
        && next
            .find(|w| w != "immediately")
            .is_some_and(|w| DECLINED_SAYING.contains(&w.as_str()))
}

/// Words that make what follows them sought rather than found ("searching for Joseph Brown"
/// against "arrested Joseph Brown"), unless "to" follows them (a purpose: "seeking to block").
const SEARCHES: &[&str] = &["searching", "seeking", "wanted", "hunting", "looking"];

/// Words by which a sentence says someone died ([`OUTCOME_DIED`]) or is alive, hurt or
/// recovering ([`OUTCOME_LIVES`]). "Has died" and "was critically injured" are two claims
/// about one person, however much else the two sentences share.
const DIED_WORDS: &[&str] = &[
    "died",
    "dies",
    "die",
    "dying",
    "dead",
    "death",
    "deaths",
    "deadly",
    "killed",
    "kills",
    "killing",
    "fatally",
    "fatal",
    "slain",
    "murdered",
    "perished",
    "succumbed",
];
const LIVES_WORDS: &[&str] = &[
    "injured",
    "injuries",
    "injury",
    "wounded",
    "wounds",
    "hurt",
    "critical",
    "condition",
    "stable",
    "recovering",
    "recovered",
    "recover",
    "survived",
    "surgery",
    "hospitalized",
    "hospitalised",
];
const OUTCOME_DIED: u8 = 1;
const OUTCOME_LIVES: u8 = 2;

/// Nouns by which a sentence speaks of a death without saying who died ("the homicide",
/// "the bodies of two men", "charged with murder"): a sentence holding one does speak of it.
const DEATH_NOUNS: &[&str] = &[
    "homicide",
    "homicides",
    "murder",
    "murders",
    "manslaughter",
    "body",
    "bodies",
    "deceased",
    "fatalities",
    "fatality",
    "suicide",
    "lifeless",
];

/// Words that grade how badly someone is hurt: [`SEVERE`] ("critical condition",
/// "critically injured", "life-threatening injuries") or [`MILD`] ("stable condition",
/// "minor injuries", "non-life-threatening", "not life-threatening"), read by
/// [`severity_of`].
const SEVERE_WORDS: &[&str] = &[
    "critical",
    "critically",
    "grave",
    "gravely",
    "serious",
    "seriously",
    "life-threatening",
];
const MILD_WORDS: &[&str] = &[
    "stable",
    "good",
    "satisfactory",
    "minor",
    "non-life-threatening",
    "nonlife-threatening",
    "superficial",
];
const SEVERE: u8 = 1;
const MILD: u8 = 2;

/// Words that make a claim about a condition one of every person it speaks of ("all of the
/// victims", "none of the injuries", "each of them").
const EVERY: &[&str] = &["all", "none", "each", "every", "everyone", "both"];

/// Grades of [`SEVERE_WORDS`] and [`MILD_WORDS`] that also mean something else ("a serious
/// crime", "critical of", "a stable job"): they grade only before a hurt or a condition,
/// within [`GRADE_NOUN_WORDS`] words.
const GRADE_ONLY_BEFORE: &[&str] = &[
    "critical",
    "grave",
    "serious",
    "stable",
    "minor",
    "good",
    "satisfactory",
];
const GRADE_NOUN_WORDS: usize = 3;
const GRADE_NOUNS: &[&str] = &["condition", "injur", "wound", "hurt", "shape"];

/// How many words before a grade of [`SEVERE_WORDS`] a negation makes it [`MILD`] ("not
/// life-threatening", "did not suffer life-threatening wounds"); "none" anywhere before.
const GRADE_NEGATION_WORDS: usize = 3;

/// The grade the lower-case word `w` gives after the words `said` and before the words
/// `next`: "life threatening" written in two words reads as one, "non" or a negation
/// shortly before a severe grade makes it mild ("non life-threatening", "not
/// life-threatening"), and a word that also means something else grades only before a hurt
/// or a condition ([`GRADE_ONLY_BEFORE`]: "serious condition"; not "a serious crime").
fn severity_of(said: &[String], w: &str, next: &[String]) -> u8 {
    if GRADE_ONLY_BEFORE.contains(&w)
        && !next
            .iter()
            .take(GRADE_NOUN_WORDS)
            .any(|n| GRADE_NOUNS.iter().any(|g| n.starts_with(g)))
    {
        return 0;
    }
    let previous = said.last().map_or("", String::as_str);
    let word = if w == "threatening" && ["life", "non-life"].contains(&previous) {
        if previous == "life" {
            "life-threatening"
        } else {
            "non-life-threatening"
        }
    } else {
        w
    };
    if MILD_WORDS.contains(&word) {
        return MILD;
    }
    if !SEVERE_WORDS.contains(&word) {
        return 0;
    }
    // "None of the injuries are life-threatening": "none" denies it from afar.
    let negated = said.iter().any(|p| p == "none")
        || said
            .iter()
            .rev()
            .skip(usize::from(word != w))
            .take(GRADE_NEGATION_WORDS)
            .any(|p| ["not", "no", "non", "never"].contains(&p.as_str()) || p.ends_with("n't"));
    if negated {
        MILD
    } else {
        SEVERE
    }
}

/// Verbs by which a sentence says a figure or level went up ([`ROSE`]) or down ([`FELL`]);
/// "up" and "down" count before a figure ("up 0.4 percent", "down 45 cents"). "Shares rose"
/// and "shares fell" are two claims, however much else the two sentences share.
const ROSE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "gained",
    "climbed",
    "jumped",
    "advanced",
    "increased",
    "surged",
    "soared",
    "firmed",
    "rallied",
];
const FELL_WORDS: &[&str] = &[
    "fell",
    "fallen",
    "falls",
    "dropped",
    "declined",
    "slipped",
    "slid",
    "decreased",
    "retreated",
    "sank",
    "tumbled",
    "plunged",
    "dipped",
    "slumped",
];
const ROSE: u8 = 1;
const FELL: u8 = 2;

pub(crate) use chorus_text::number_word_value;

/// The last word of `text` before byte `off` and its offset, read from the 64 bytes before
/// it only (the words looked for there are short): reading all of `text[..off]` at each word
/// of a sentence cost the square of its length (minutes for one of 100,000 words). `None`
/// when there is none, or it is longer than that.
fn word_before(text: &str, off: usize) -> Option<(usize, &str)> {
    let mut from = off.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let (o, w) = chorus_text::words(&text[from..off]).last()?;
    let cut = o == 0
        && text[..from]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    (!cut).then_some((from + o, w))
}

/// The value of the number word `w` at `off` in `text`, one written in two joined by a hyphen
/// read whole ("Fifty-seven" is 57: the tens word gives it, the unit word after the hyphen
/// none).
fn number_word(text: &str, off: usize, w: &str) -> Option<f64> {
    let value = number_word_value;
    let v = value(w)?;
    let before = text[..off]
        .strip_suffix('-')
        .and_then(|b| word_before(text, b.len()));
    if before.is_some_and(|(o, b)| o + b.len() + 1 == off && value(b).is_some_and(is_tens)) {
        return None;
    }
    let unit = text[off + w.len()..]
        .strip_prefix('-')
        .and_then(|rest| chorus_text::words(rest).next())
        .filter(|&(o, _)| o == 0)
        .and_then(|(_, u)| tens_and_units(v, value(u)?));
    Some(unit.unwrap_or(v))
}

/// Whether a number word's value is a multiple of ten that takes units ("twenty" to "ninety").
fn is_tens(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

/// The value of tens and units written as two number words ("twenty-four", "Twenty four"):
/// none unless `tens` takes units and `units` is one to nine.
pub(crate) fn tens_and_units(tens: f64, units: f64) -> Option<f64> {
    (is_tens(tens) && (1.0..10.0).contains(&units)).then_some(tens + units)
}

/// What the decision reads of one sentence.
#[derive(Debug, Default, Clone)]
pub(crate) struct Claim {
    /// Content terms written in lower case (the action and its objects), sorted, unique.
    lower: Vec<u32>,
    /// Content terms written capitalised past the first word (names), sorted, unique.
    names: Vec<u32>,
    /// Content terms in order, for shared word pairs.
    sequence: Vec<u32>,
    /// Its adjacent content-term pairs, sorted, unique (read once, compared with many).
    pairs: Vec<(u32, u32)>,
    /// `lower` and `names` together, sorted, unique.
    all: Vec<u32>,
    /// Predicate classes it names, in order of first mention.
    predicates: Vec<u32>,
    /// The values of its figures, sorted, unique (digits and number words).
    numbers: Vec<f64>,
    /// Every word, stop words included, lower-cased and hashed: sorted, unique.
    tokens: Vec<u64>,
    /// Each content term's weight: longer words are rarer (ln of its length in bytes).
    weights: Vec<(u32, f32)>,
    /// Terms (as compared: predicates by class) a negation bears on, the first content word
    /// in its scope ("did not approve", "no arrests", "denied killing"), sorted, unique.
    negated: Vec<u32>,
    /// Terms a plan or possibility bears on ("will be charged"), likewise.
    modal: Vec<u32>,
    /// Terms a search bears on ("searching for Brown"), likewise.
    sought: Vec<u32>,
    /// Terms it says are not known ([`unknown_subjects`]: "her condition is unknown"),
    /// likewise.
    unknown: Vec<u32>,
    /// Terms a source leaves open ([`left_open`]: "would not say whether the gun was
    /// loaded"), likewise.
    open: Vec<u32>,
    words: usize,
    /// The terms of its main claim ([`main_clause`]: the root clause, without attribution,
    /// a leading subordinate clause, relative clauses or a trailing clause), as compared
    /// (predicates by class), sorted, unique.
    main: Vec<u32>,
    /// The figures of its main claim, sorted, unique.
    main_numbers: Vec<f64>,
    /// The counts of its main claim, each with the head noun it counts ([`main_counts`]):
    /// "four members" is `(4, member)`; [`LENGTH`] for a length of time that counts nothing
    /// said.
    counts: Vec<(Quantity, u32)>,
    /// The ages of its main claim ([`main_figures`], [`is_age`]), sorted, unique.
    listed: Vec<f64>,
    /// What it says became of people: [`OUTCOME_DIED`], [`OUTCOME_LIVES`], both ("killing
    /// two and wounding seven") or neither.
    outcome: u8,
    /// What its main claim says something did: [`ROSE`], [`FELL`], both or neither.
    direction: u8,
    /// What its main claim says became of people, likewise.
    main_outcome: u8,
    /// Whether a verb of its main claim ([`main_verbs`]) says someone died ("has died",
    /// "was shot and killed"; not "was found dead", where the death is what was found).
    main_verb_died: bool,
    /// Whether it speaks of a death at all: a word of [`DIED_WORDS`] or [`DEATH_NOUNS`]
    /// ("the homicide", "the bodies").
    names_death: bool,
    /// How badly it says people are hurt ([`SEVERE`], [`MILD`], both or neither), and its
    /// main claim, likewise; and whether its main claim says so of all of them ("all of the
    /// victims", "none of the injuries", [`EVERY`]).
    severity: u8,
    main_severity: u8,
    main_every: bool,
    /// Whether its main claim grades the hurt before its first verb ("A fifth subject, also
    /// with non-life threatening gunshot wounds, was later located"): the grade describes
    /// whom the claim is about, it is not the claim.
    grade_before_verb: bool,
    /// How fit the sentence is to stand on its own (`candidate::fitness`), read once.
    pub(crate) fitness: f32,
    /// Whether it is a fragment without a verb ([`verbless`]), which states no claim.
    pub(crate) verbless: bool,
    /// The names its main claim gives as owners ("with Wade's attorney"), as compared,
    /// sorted, unique ([`owners`]); and, where it has any, the names its article gives in
    /// sentences that name none of them (other people of the story), sorted, unique.
    owners: Vec<u32>,
    named_apart: Vec<u32>,
    /// The families a contrast after its main claim states (", but the gunmen kicked it in
    /// and fired at them").
    contrast_families: Vec<u8>,
    /// The people its main claim speaks of by what they are, and the ages it gives them
    /// ([`people`]).
    people: Vec<Person>,
    ages: Vec<f64>,
    /// The families ([`VERB_FAMILIES`]) of the verbs of its main claim ([`main_verbs`]):
    /// what it says happened, not who or where. Sorted, unique.
    verbs: Vec<u8>,
    /// The families its claim core states as happening ([`stated_families`]; every word's
    /// when its main verb says only that something happened), its main verbs' among them,
    /// sorted, unique.
    families: Vec<u8>,
    /// Those of them its main claim states ([`main_clause`]), in order.
    main_families: Vec<u8>,
    /// Where it says someone was hurt ([`wound_places`]: "shot in the foot", "a wound to
    /// the arm"), in its claim core and in its main claim, sorted, unique.
    wound_places: Vec<String>,
    main_wound_places: Vec<String>,
    /// Whether its main claim only says who or what someone is: its first auxiliary a form
    /// of "be" before a noun phrase ("The other three victims were an 18-year-old woman …").
    identifies: bool,
    /// The sentence read without its asides (its main claim alone, [`main_clause`]: no
    /// leading subordinate clause, relative clause or trailing clause), when they hold
    /// content words: two reports of one claim often differ only in the detail they add
    /// around it.
    main_view: Option<Box<Claim>>,
}

impl Claim {
    /// Content words in lower case: a line without any (a list of names after a label, a
    /// credit) states nothing.
    pub(crate) fn has_predicate(&self) -> bool {
        !self.lower.is_empty()
    }

    pub(crate) fn of(units: &Units, u: usize) -> Claim {
        let reading = Reading::of(units.units[u].text);
        let mut claim = Claim::read(units, u, &reading, None);
        let main = Claim::read(units, u, &reading, Some(&claim));
        if main.all != claim.all && !main.lower.is_empty() && main.words >= 3 {
            claim.main_view = Some(Box::new(main));
        }
        claim
    }

    /// The claim of unit `u` (its text read as `reading`), of its main claim alone when
    /// `whole`, the whole sentence's claim, is given (what [`claim_features`] compares; the
    /// rest is read of the whole core either way, and taken from `whole`).
    fn read(units: &Units, u: usize, reading: &Reading, whole: Option<&Claim>) -> Claim {
        let unit = &units.units[u];
        let text = unit.text;
        let main_only = whole.is_some();
        let mut claim = Claim {
            words: unit.words,
            fitness: whole.map_or_else(|| crate::candidate::fitness(text), |w| w.fitness),
            verbless: whole.map_or_else(|| verbless(text), |w| w.verbless),
            ..Claim::default()
        };
        let Reading {
            first_word,
            core,
            main,
            negations,
            modals,
            searches,
            unknown,
            open,
        } = reading;
        let first_word = *first_word;
        let kept = |off: usize| {
            if main_only {
                main.contains(off)
            } else {
                core.contains(&off)
            }
        };
        if main_only {
            claim.words = chorus_text::words(&text[core.clone()])
                .filter(|w| main.contains(w.0 + core.start))
                .count();
        }
        // Terms the sentence states outside a negation's scope.
        let mut affirmed: Vec<u32> = Vec::new();
        for &(t, off) in &unit.terms {
            if !kept(off) {
                continue;
            }
            let t = predicate(units, t);
            // The first content word a negation or modal governs is what it bears on.
            let first_in = |scopes: &[std::ops::Range<usize>]| {
                scopes.iter().any(|r| {
                    r.contains(&off)
                        && !unit
                            .terms
                            .iter()
                            .any(|&(_, o)| o >= r.start && o < off && core.contains(&o))
                })
            };
            if first_in(negations) {
                claim.negated.push(t);
            } else {
                affirmed.push(t);
            }
            if first_in(modals) {
                claim.modal.push(t);
            }
            if first_in(searches) {
                claim.sought.push(t);
            }
            if unknown.iter().any(|r| r.contains(&off)) {
                claim.unknown.push(t);
            }
            if open.iter().any(|r| r.contains(&off)) {
                claim.open.push(t);
            }
            if is_class(t) && !claim.predicates.contains(&t) {
                claim.predicates.push(t);
            }
            claim.sequence.push(t);
            // A month is written capitalised but names no participant.
            let capital = text[off..].chars().next().is_some_and(char::is_uppercase)
                && !is_month(&text[off..]);
            // A capitalised first word is neither a name nor a content word (`all` lacks it).
            if main.contains(off) && !(capital && off == first_word) {
                claim.main.push(t);
            }
            if capital && off != first_word {
                claim.names.push(t);
            } else if !capital {
                claim.lower.push(t);
            }
        }
        for &(t, off) in unit.terms.iter().filter(|x| kept(x.1)) {
            let len = chorus_text::words(&text[off..])
                .next()
                .map_or(1, |w| w.1.len());
            claim.weights.push((t, (len.max(2) as f32).ln()));
        }
        claim.weights.sort_by_key(|w| w.0);
        claim.weights.dedup_by_key(|w| w.0);
        let core_words: Vec<(usize, &str)> = chorus_text::words(&text[core.clone()]).collect();
        if let Some(w) = whole {
            // How badly people are hurt, whether a death is named, what became of people and
            // which way things went are read of the whole core either way.
            claim.severity = w.severity;
            claim.names_death = w.names_death;
            claim.main_severity = w.main_severity;
            claim.grade_before_verb = w.grade_before_verb;
            claim.main_every = w.main_every;
            claim.outcome = w.outcome;
            claim.main_outcome = w.main_outcome;
            claim.direction = w.direction;
        } else {
            let lowers: Vec<String> = core_words
                .iter()
                .map(|w| w.1.to_ascii_lowercase())
                .collect();
            let mut verb_seen = false;
            for (i, ((o, _), lower)) in core_words.iter().zip(&lowers).enumerate() {
                let grade = severity_of(&lowers[..i], lower, &lowers[i + 1..]);
                claim.severity |= grade;
                claim.names_death |= DEATH_NOUNS.contains(&lower.as_str());
                if main.contains(o + core.start) {
                    if grade != 0 && claim.main_severity == 0 {
                        claim.grade_before_verb = !verb_seen;
                    }
                    claim.main_severity |= grade;
                    claim.main_every |= EVERY.contains(&lower.as_str());
                    verb_seen |= auxiliary(lower) || past_form(lower);
                }
            }
        }
        // Every word as compared, a phrase of `data/phrases.txt` as its plain words.
        for (o, w) in crate::units::plain_words(&core_words) {
            if main_only && !main.contains(o + core.start) {
                continue;
            }
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for c in w.chars().flat_map(char::to_lowercase) {
                h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            }
            claim.tokens.push(h);
        }
        for (o, w) in core_words {
            let in_main = main.contains(o + core.start);
            if main_only {
                if !in_main {
                    continue;
                }
            } else {
                claim.outcome |= outcome_of(w);
                if in_main {
                    claim.main_outcome |= outcome_of(w);
                    claim.direction |= direction_of(text, o + core.start, w);
                }
            }
            if w.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(v) = w.parse::<f64>() {
                    claim.numbers.push(v);
                    if in_main {
                        claim.main_numbers.push(v);
                    }
                }
                continue;
            }
            if let Some(v) = number_word(text, o + core.start, w) {
                claim.numbers.push(v);
                if in_main {
                    claim.main_numbers.push(v);
                }
            }
        }
        claim.names_death |= claim.outcome & OUTCOME_DIED != 0;
        if let Some(w) = whole {
            // What the main claim's view would read again of the same text.
            claim.people = w.people.clone();
            claim.ages = w.ages.clone();
            claim.main_verb_died = w.main_verb_died;
            claim.verbs = w.verbs.clone();
            claim.families = w.families.clone();
            claim.main_families = w.main_families.clone();
            claim.counts = w.counts.clone();
            claim.listed = w.listed.clone();
            claim.wound_places = w.wound_places.clone();
            claim.main_wound_places = w.main_wound_places.clone();
            claim.identifies = w.identifies;
        } else {
            claim.read_main_claim(units, u, text, core, main);
        }
        for v in [
            &mut claim.lower,
            &mut claim.names,
            &mut claim.negated,
            &mut claim.modal,
            &mut claim.sought,
            &mut claim.unknown,
            &mut claim.open,
            &mut claim.main,
        ] {
            v.sort_unstable();
            v.dedup();
        }
        // A sentence that states a thing both ways ("life-threatening injuries" for two,
        // "non-life-threatening" for a third) denies it of someone, not outright: no flip
        // against one that states it.
        claim.negated.retain(|t| !affirmed.contains(t));
        claim.tokens.sort_unstable();
        claim.tokens.dedup();
        for v in [&mut claim.verbs, &mut claim.families] {
            v.sort_unstable();
            v.dedup();
        }
        for v in [
            &mut claim.numbers,
            &mut claim.main_numbers,
            &mut claim.listed,
        ] {
            v.sort_by(f64::total_cmp);
            v.dedup();
        }
        claim.pairs = claim.sequence.windows(2).map(|w| (w[0], w[1])).collect();
        claim.pairs.sort_unstable();
        claim.pairs.dedup();
        claim.all = sorted_union(&claim.lower, &claim.names);
        claim
    }

    /// What the main claim of unit `u` (`text`, its core and main claim) says happened, to
    /// whom and how many: read once, for the whole sentence (its main claim's view shares it).
    fn read_main_claim(
        &mut self,
        units: &Units,
        u: usize,
        text: &str,
        core: &std::ops::Range<usize>,
        main: &MainClause,
    ) {
        let claim = self;
        let in_main: Vec<(u32, usize)> = units.units[u]
            .terms
            .iter()
            .filter(|x| main.contains(x.1))
            .map(|&(t, off)| (predicate(units, t), off))
            .collect();
        (claim.people, claim.ages) = people(text, main);
        // A contrast with a subject of its own ("but the gunmen …", "but Shanley …"), not one
        // that goes on with the main claim's ("but were not injured") or an empty "it".
        let contrast_subject = text[main.range.end..]
            .strip_prefix(", but ")
            .and_then(|rest| chorus_text::words(rest).next())
            .is_some_and(|(_, w)| {
                ["the", "a", "an", "his", "her", "their", "its"]
                    .iter()
                    .any(|d| w.eq_ignore_ascii_case(d))
                    || w.bytes().all(|b| b.is_ascii_digit())
                    || (w.starts_with(char::is_uppercase)
                        && !chorus_text::is_stopword(&w.to_lowercase()))
            });
        if contrast_subject {
            claim.contrast_families = stated_families(text, core)
                .into_iter()
                .filter(|x| x.0 >= main.range.end)
                .map(|x| x.1)
                .collect();
        }
        claim.owners = owners(units, u, main);
        if !claim.owners.is_empty() {
            claim.named_apart = named_apart(units, u, &claim.owners);
        }
        let verbs = main_verbs(text, main);
        claim.main_verb_died = verbs.iter().any(|&o| {
            chorus_text::words(&text[o..])
                .next()
                .is_some_and(|(_, w)| outcome_of(w) == OUTCOME_DIED)
        });
        claim.verbs = verbs
            .into_iter()
            .filter_map(|o| verb_family_at(text, o))
            .collect();
        // A claim that something happened states it by its noun: "the shooting happened at
        // 2:30" is the shooting.
        let happened = verb_family("happened").is_some_and(|h| claim.verbs.contains(&h));
        claim.families = if happened {
            chorus_text::words(&text[core.clone()])
                .filter_map(|(_, w)| verb_family(w))
                .collect()
        } else {
            let stated = stated_families(text, core);
            claim.main_families = stated
                .iter()
                .filter(|x| main.contains(x.0))
                .map(|x| x.1)
                .collect();
            stated.into_iter().map(|x| x.1).collect()
        };
        claim.families.extend(&claim.verbs);
        claim.main_families.extend(&claim.verbs);
        let figures = main_figures(text, main);
        claim.counts = main_counts(text, &figures, &in_main);
        claim
            .counts
            .extend(main_shares(text, main).into_iter().map(|q| (q, SHARE)));
        claim.listed = figures
            .iter()
            .filter(|f| !f.quantity.duration && !f.article && is_age(text, f.off, f.end))
            .map(|f| f.quantity.value)
            .collect();
        claim.identifies = identifies(text, main);
        let places = wound_places(text, core);
        for (off, place) in places {
            if main.contains(off) {
                claim.main_wound_places.push(place.clone());
            }
            claim.wound_places.push(place);
        }
        for v in [&mut claim.wound_places, &mut claim.main_wound_places] {
            v.sort_unstable();
            v.dedup();
        }
    }
}

/// What [`Claim::read`] reads of a sentence's text alone, whichever of its two views (the
/// whole sentence, its main claim) it reads: read once for both.
struct Reading {
    first_word: usize,
    core: std::ops::Range<usize>,
    main: MainClause,
    negations: Vec<std::ops::Range<usize>>,
    modals: Vec<std::ops::Range<usize>>,
    searches: Vec<std::ops::Range<usize>>,
    unknown: Vec<std::ops::Range<usize>>,
    open: Vec<std::ops::Range<usize>>,
}

impl Reading {
    fn of(text: &str) -> Reading {
        let first_word = chorus_text::words(text).next().map_or(0, |w| w.0);
        let core = claim_core(text);
        let main = main_clause(text, &core);
        let declined = declined_to(text, &core);
        let negations = scopes(text, &core, |previous, w, off| {
            // "whether or not to charge", "guilty or not": an alternative, not a denial.
            let alternative = previous.is_some_and(|p| p.eq_ignore_ascii_case("or"));
            declined.contains(&off)
                || (!alternative
                    && (NEGATIONS.iter().any(|n| w.eq_ignore_ascii_case(n))
                        || w.to_ascii_lowercase().ends_with("n't")
                        || w.to_ascii_lowercase().ends_with("n’t")))
        });
        let modals = scopes(text, &core, |_, w, off| {
            let lower = w.to_ascii_lowercase().replace('’', "'");
            (MODALS.contains(&lower.as_str())
                || ["won't", "wouldn't", "couldn't", "shouldn't", "mightn't"]
                    .contains(&lower.as_str()))
                && !refuses_to_say(&text[off + w.len()..], &lower)
        });
        let searches = scopes(text, &core, |_, w, off| {
            // "filed suit seeking to block the offer" is a purpose, as "to block" is.
            let purpose = text[off + w.len()..].starts_with(" to ");
            !purpose && SEARCHES.iter().any(|m| w.eq_ignore_ascii_case(m))
        });
        let unknown = unknown_subjects(text, &core);
        let open = left_open(text);
        Reading {
            first_word,
            core,
            main,
            negations,
            modals,
            searches,
            unknown,
            open,
        }
    }
}

/// Whether the word `rest` opens with is a month, written out or cut short ("Sept."):
/// capitalised, but a date, no participant of the claim ("May" is left out: a modal as often;
/// "Mar" too, a name's part as often).
fn is_month(rest: &str) -> bool {
    chorus_text::words(rest).next().is_some_and(|(_, w)| {
        !w.eq_ignore_ascii_case("may")
            && !w.eq_ignore_ascii_case("mar")
            && crate::candidate::is_month(w)
    })
}

/// Words that end the scope of a negation or modal, once it holds a word: a new clause or
/// a phrase of its own begins.
const CLAUSE_WORDS: &[&str] = &[
    "but", "while", "although", "though", "because", "after", "before", "when", "who", "which",
    "where", "since", "until", "by", "in", "on", "at", "for", "from", "with", "as",
];

/// How many words after a negation or modal word it governs at most.
const SCOPE_WORDS: usize = 4;

/// Byte ranges of `text` (inside `core`) governed by a word `opens` accepts (given the word
/// before it, if any, the word and its offset): the words after
/// it up to the end of its clause or phrase (a comma or other mark, or a word that opens a new
/// clause or phrase), at most [`SCOPE_WORDS`] of them. "Police did not release the name, but
/// said he was 29": the release is denied, the age is not.
fn scopes(
    text: &str,
    core: &std::ops::Range<usize>,
    opens: impl Fn(Option<&str>, &str, usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = chorus_text::words(&text[core.clone()])
        .map(|(o, w)| (o + core.start, w))
        .collect();
    let mut out = Vec::new();
    for (i, &(off, w)) in words.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| words[p].1);
        if !opens(previous, w, off) {
            continue;
        }
        let start = off + w.len();
        let mut end = start;
        for &(o, x) in words.iter().skip(i + 1).take(SCOPE_WORDS) {
            // A quotation opening right after the word is what it governs ("was not
            // "narrowly tailored"").
            let gap = &text[end..o];
            let gap = if end == start {
                gap.trim_end_matches(['"', '“', '\'', '‘', '`'])
            } else {
                gap
            };
            if gap.contains([
                ',', ';', ':', '.', '!', '?', '(', ')', '—', '–', '"', '“', '”',
            ]) || (end > start && CLAUSE_WORDS.iter().any(|c| x.eq_ignore_ascii_case(c)))
            {
                break;
            }
            end = o + x.len();
        }
        if end > start {
            out.push(start..end);
        }
    }
    out
}

/// The predicate classes among sorted terms (they sort last: their ids lie above the event's
/// terms). A plan or possibility of the same action is another claim ("will be charged"
/// against "was charged"), a possibility of its object often a paraphrase ("could face 17 years" against
/// "faces 17 years"): only the first is refused outright.
fn action(terms: &[u32]) -> &[u32] {
    &terms[terms.partition_point(|&t| !is_class(t))..]
}

/// Whether one claim's `scope` (what it denies, plans, deems possible or searches for) bears
/// on something the other states, and the other has no such scope at all: the two differ in
/// polarity or modality about it. Two claims that both deny (or both plan) something, each
/// in its own words ("none of them opposed" / "none of the ministers opposed"; "will not be
/// approved" / "won't be approved"), agree.
fn flipped(a: &Claim, b: &Claim, scope: impl Fn(&Claim) -> &[u32]) -> bool {
    flipped_on(a, b, &scope, &scope)
}

/// [`flipped`], where what the scope bears on counts only through `bears` (the actions among
/// planned terms), while any scope at all (`scope`) makes the other claim one of the same
/// kind.
fn flipped_on(
    a: &Claim,
    b: &Claim,
    scope: &impl Fn(&Claim) -> &[u32],
    bears: &impl Fn(&Claim) -> &[u32],
) -> bool {
    let states =
        |c: &Claim, t: u32| c.lower.binary_search(&t).is_ok() || c.names.binary_search(&t).is_ok();
    let one_way =
        |x: &Claim, y: &Claim| scope(y).is_empty() && bears(x).iter().any(|&t| states(y, t));
    one_way(a, b) || one_way(b, a)
}

/// Verbs that attribute a claim to its source.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "confirmed",
    "confirms",
    "reported",
    "reports",
    "according",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "explained",
    "noted",
    "wrote",
    "claimed",
    "claims",
    "tweeted",
    "posted",
    "believe",
    "believes",
    "believed",
];

/// Forms of "be" before a reporting verb that make it passive ([`claim_core`]).
const PASSIVE_BE: &[&str] = &["was", "were", "is", "are", "been", "be"];

/// The byte range of a sentence that holds its claim: without a short attribution after the
/// last comma ("…, police said"; "…, Russian state media has confirmed"; "…, according to
/// officials") or before the claim ("Police say …"; "The source said: …"), which two reports
/// of one claim word differently and two claims of one source share.
fn claim_core(text: &str) -> std::ops::Range<usize> {
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    let reporting = |w: &str| REPORTING.iter().any(|r| w.eq_ignore_ascii_case(r));
    let mut range = 0..text.len();
    // A tail clause of at most eight words with a reporting verb that names who said it
    // (", police said Friday", ", said the sheriff's office"), not the claim itself after a
    // subject set off by commas ("The official, who asked not to be named, said the plane
    // crashed": the verb opens the tail, and the clause before it is a relative one).
    if let Some(at) = according_tail(text) {
        range.end = at;
    } else if let Some(comma) = text.rfind([',', '\u{2014}']) {
        let tail: Vec<&(usize, &str)> = words.iter().filter(|w| w.0 > comma).collect();
        let aside_before = [", who ", ", whose ", ", which "]
            .iter()
            .any(|r| text[..comma].contains(r));
        let verb_first = tail.first().is_some_and(|w| reporting(w.1));
        let opens_claim = verb_first && (aside_before || claim_follows(text, &tail));
        if !tail.is_empty()
            && tail.len() <= 8
            && tail.iter().any(|w| reporting(w.1))
            && !opens_claim
        {
            range.end = comma;
        } else if verb_first && !aside_before && claim_follows(text, &tail) {
            // "Amil's sister, Lisa, said “Melody was shot in the knee.”": the claim is what
            // the verb opens, as after a head that names the source.
            let (off, verb) = *tail[0];
            range.start = match tail.get(1) {
                Some(&&(o, w)) if w.eq_ignore_ascii_case("that") => o + w.len(),
                _ => off + verb.len(),
            };
        }
    }
    // A dateline ("PARIS (AP) —", "MONROE –", "IDAHO FALLS -- "): where the story was filed
    // from, which one outlet prints and another does not, is not part of the claim.
    let dash = ["\u{2014}", "\u{2013}", " -- ", " - "]
        .iter()
        .filter_map(|d| text.find(d).map(|i| i + d.len()))
        .min();
    if let Some(end) = dash.filter(|&e| e <= 48) {
        let head = &text[..end];
        let letters = head.chars().filter(|c| c.is_alphabetic());
        let upper = letters.clone().all(char::is_uppercase) && letters.count() >= 3;
        let rest = words
            .iter()
            .filter(|w| w.0 >= end && w.0 < range.end)
            .count();
        if upper && rest >= 4 {
            range.start = end;
        }
    }
    // A head of at most six words ending in a reporting verb (and "that", or a colon); not
    // one in the passive, whose subject is what was reported ("The shooting was reported at
    // 7:15 p.m."), unless "that" or "to" follows ("It was reported that …").
    let passive = |i: usize| {
        i > 0
            && PASSIVE_BE
                .iter()
                .any(|b| words[i - 1].1.eq_ignore_ascii_case(b))
            && words
                .get(i + 1)
                .is_some_and(|n| !["that", "to"].iter().any(|x| n.1.eq_ignore_ascii_case(x)))
    };
    let head = words.iter().take(7).position(|w| reporting(w.1));
    if let Some(i) = head.filter(|&i| !passive(i)) {
        let mut start = words[i].0 + words[i].1.len();
        if let Some(&(off, w)) = words.get(i + 1) {
            if w.eq_ignore_ascii_case("that") {
                start = off + w.len();
            }
        }
        // "According to Knopf, the cause was …": the source runs to the comma.
        if i == 0 && words[i].1.eq_ignore_ascii_case("according") {
            start = according_head_end(text, &words[i..]).unwrap_or(start);
        }
        let rest = words.iter().skip(i + 1).filter(|w| w.0 < range.end).count();
        if start > range.start && start < range.end && rest >= 3 {
            range.start = start;
        }
    }
    range
}

/// Words that open a relative clause set off by a comma: what follows says more of the
/// source named before it, not more of the claim.
const RELATIVES: &[&str] = &["who", "whose", "which", "where"];

/// Where an attribution by "according to" after a comma begins, when all that follows it is
/// its source and relative clauses about that source ("…, according to a statement from
/// Knopf, where Mehta served as editor"): a longer tail than [`claim_core`]'s last clause,
/// which "according to" always opens as an attribution, never as the claim.
fn according_tail(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let at = lower.rfind(", according to ")?;
    let source_only = lower[at + 1..].match_indices(',').all(|(i, _)| {
        let next = lower[at + 1 + i + 1..].split_whitespace().next();
        next.is_some_and(|w| RELATIVES.contains(&w))
    });
    source_only.then_some(at)
}

/// Where the source of a sentence opening "According to …," ends: after its comma, when
/// that comes within eight words (`words` starts at "according"), else `None`.
fn according_head_end(text: &str, words: &[(usize, &str)]) -> Option<usize> {
    if !words.get(1)?.1.eq_ignore_ascii_case("to") {
        return None;
    }
    let last = words.get(8).map_or(text.len(), |w| w.0);
    let comma = text[words[0].0..last].find(',')? + words[0].0;
    Some(comma + 1)
}

/// Whether the words after a reporting verb that opens a sentence's last clause (`tail`, its
/// words, the verb first) are the claim it reports, not who reported it: a quote or "that"
/// opens them, or they hold an auxiliary ("…, 45, said three men were shot"), which the name
/// of a source ("…, said the sheriff's office", "…, according to a news release") does not.
fn claim_follows(text: &str, tail: &[&(usize, &str)]) -> bool {
    let Some(&&(off, verb)) = tail.first() else {
        return false;
    };
    let quoted = text[off + verb.len()..]
        .trim_start()
        .starts_with(['"', '“', '‘', '\'']);
    quoted
        || tail[1..].iter().any(|&&(_, w)| {
            let lower = w.to_lowercase();
            lower == "that" || AUXILIARIES.contains(&lower.as_str())
        })
}

#[cfg(test)]
#[test]
fn a_dateline_and_an_attribution_are_not_the_claim() {
    let core = |t: &'static str| &t[claim_core(t)];
    assert_eq!(
        core("PARIS (AP) — An extremist planned an attack on churches, police said."),
        " An extremist planned an attack on churches"
    );
    assert_eq!(
        core("MONROE – Police responded to an accidental discharge of a firearm."),
        " Police responded to an accidental discharge of a firearm."
    );
    // The claim after a subject set off by commas is the claim; a name after "said" is not.
    assert_eq!(
        core("The official, who asked not to be named, said the plane crashed at sea."),
        "The official, who asked not to be named, said the plane crashed at sea."
    );
    assert_eq!(
        core("Two men were shot on Main Street, said the sheriff's office."),
        "Two men were shot on Main Street"
    );
    // A verb of saying in the passive has what was reported for its subject; "that" after it
    // opens the claim.
    assert_eq!(
        core("The shooting was reported at 7:15 p.m. Friday at a home on Main Street."),
        "The shooting was reported at 7:15 p.m. Friday at a home on Main Street."
    );
    assert_eq!(
        core("It was reported that three men were shot on Main Street."),
        " three men were shot on Main Street."
    );
    // A clause a verb of saying opens after a named source is the claim, not an attribution.
    assert_eq!(
        core("Amil's sister, Lisa, said \"Melody was shot in the knee.\""),
        " \"Melody was shot in the knee.\""
    );
    assert_eq!(
        core("Smith, 45, said three men were shot."),
        " three men were shot."
    );
    assert_eq!(
        core("Smith, a neighbour, said that the plane crashed."),
        " the plane crashed."
    );
    // "According to" names a source, and relative clauses after it say more of the source.
    assert_eq!(
        core("According to Knopf, the cause was complications from pneumonia."),
        " the cause was complications from pneumonia."
    );
    assert_eq!(
        core("The cause was complications, according to a statement from Knopf, where he served as editor."),
        "The cause was complications"
    );
    // "That night" after the source is no claim that "according" opens.
    assert_eq!(
        core("He began shooting into the crowd, according to an arrest warrant related to that night."),
        "He began shooting into the crowd"
    );
    // A clause after the source that is no relative one is not cut with it.
    assert_eq!(
        core("The cause of his death was complications, according to a statement, and he was 77."),
        "The cause of his death was complications, according to a statement, and he was 77."
    );
    // A sentence that opens on a name in capitals is no dateline without a dash after it.
    assert_eq!(
        core("NASA said the launch went well."),
        " the launch went well."
    );
}

/// The main claim of a sentence: a byte range inside its claim core, less the ranges of
/// clauses inside it that add to the claim without being it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MainClause {
    pub(crate) range: std::ops::Range<usize>,
    pub(crate) left_out: Vec<std::ops::Range<usize>>,
}

impl MainClause {
    fn contains(&self, off: usize) -> bool {
        self.range.contains(&off) && !self.left_out.iter().any(|r| r.contains(&off))
    }
}

/// Words that open a subordinate clause: one that opens a sentence and ends at its first
/// comma ("After the girl turned them down, …") sets the scene of the claim that follows.
const SUBORDINATORS: &[&str] = &[
    "after",
    "when",
    "while",
    "as",
    "although",
    "though",
    "because",
    "since",
    "before",
    "if",
    "once",
    "until",
    "despite",
    "following",
    "upon",
    "responding",
];

/// Where a trailing clause begins that is not the sentence's claim: a contrast or an
/// addition ("…, while the other two remain in critical condition"; "…; the three others
/// suffered …"), a participle that carries on ("…, adding that …"), a clause of time, place
/// or cause after the claim ("…, where he died"; "…, after …").
const TRAILING: &[&str] = &[
    ", while ",
    ", whereas ",
    ", but ",
    "; ",
    ", adding ",
    ", saying ",
    ", although ",
    ", though ",
    ", because ",
    ", before ",
    ", when ",
    ", where ",
    ", after ",
    " while ",
    ", and police ",
    ", and it ",
    ", and he ",
    ", and she ",
    ", and they ",
];

/// Openings of a relative clause set off by commas ("Hampton, who worked for no charge, …"):
/// it says more about a participant, not the claim.
const RELATIVE: &[&str] = &[", who ", ", which ", ", whose "];

/// The main claim of `text` inside its claim core: the core up to the end of its first
/// sentence (two sentences run together, "the gunman.According to police, …", are two
/// claims), after a leading subordinate clause, before a trailing clause ([`TRAILING`]),
/// without relative clauses between commas. What a reader takes as the sentence's news is
/// there; a second sentence that states only what was left out states a secondary part.
pub(crate) fn main_clause(text: &str, core: &std::ops::Range<usize>) -> MainClause {
    let mut range = core.clone();
    let bytes = text.as_bytes();
    // Run-together sentences: a stop between a lower-case letter and a capital.
    for i in range.start + 1..range.end.saturating_sub(1) {
        if matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes[i - 1].is_ascii_lowercase()
            && bytes[i + 1].is_ascii_uppercase()
        {
            range.end = i;
            break;
        }
    }
    let words: Vec<(usize, &str)> = chorus_text::words(&text[range.clone()])
        .map(|(o, w)| (o + range.start, w))
        .collect();
    // A leading subordinate clause up to its comma, with a claim of at least three words
    // after it.
    if let Some(&(_, first)) = words.first() {
        if SUBORDINATORS.iter().any(|s| first.eq_ignore_ascii_case(s)) {
            if let Some(comma) = text[range.clone()].find(',').map(|c| c + range.start) {
                if words.iter().filter(|w| w.0 > comma).count() >= 3 {
                    range.start = comma + 1;
                }
            }
        }
    }
    // The claim needs three words before a trailing clause may end it.
    let third = words
        .iter()
        .filter(|w| w.0 >= range.start)
        .nth(2)
        .map_or(range.end, |w| w.0);
    // ASCII lower case keeps every byte offset (the markers are ASCII); full lower-casing
    // may change a character's length and move the boundaries.
    let lower = text[..range.end].to_ascii_lowercase();
    {
        // A marker inside a relative clause ("A man who shot a boy while at a park was
        // arraigned") ends the relative clause's words, not the claim; one before the next
        // item of a list of people ("Tamara Perry, 14; Shamekia Sanders, 17; …") ends no clause.
        let relatives = restrictive_relatives(text, &range);
        let ends_claim = |at: usize, m: &str| {
            let in_relative = relatives.iter().any(|r| r.contains(&at));
            let in_list = m == "; " && list_item_follows(&text[at + m.len()..range.end]);
            !in_relative && !in_list
        };
        let end = TRAILING
            .iter()
            .filter_map(|m| {
                let from = third.min(range.end);
                lower[from..]
                    .match_indices(m)
                    .map(|(i, _)| i + from)
                    .find(|&at| ends_claim(at, m))
            })
            .min();
        if let Some(end) = end {
            range.end = end;
        }
    }
    let mut left_out = Vec::new();
    {
        for m in RELATIVE {
            let mut from = range.start;
            while let Some(i) = lower.get(from..range.end).and_then(|t| t.find(m)) {
                let start = from + i;
                let end = lower[start + m.len()..range.end]
                    .find(',')
                    .map_or(range.end, |j| start + m.len() + j);
                left_out.push(start..end);
                from = end.max(start + 1);
            }
        }
    }
    left_out.extend(restrictive_relatives(text, &range));
    MainClause { range, left_out }
}

/// Whether `rest` (after a semicolon) opens on the next item of a list of people with their
/// ages: a capitalised name, a figure in its item ("and Krystal Hutto, 28; …", "Latay Devon
/// Darden, age 29, of Suffolk"), few words.
fn list_item_follows(rest: &str) -> bool {
    let item = rest.split(';').next().unwrap_or("");
    let mut words = chorus_text::words(item).map(|w| w.1).peekable();
    if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        words.next();
    }
    let opens_on_name = words
        .peek()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let words: Vec<&str> = words.collect();
    opens_on_name
        && words.len() <= LIST_ITEM_WORDS
        && words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
}

/// How many words an item of a list of people has at most ([`list_item_follows`]).
const LIST_ITEM_WORDS: usize = 8;

/// Words besides the verbs of attribution ([`REPORTING`]) after which "that" opens what is
/// said, thought or found, not a relative clause: "found that …", "so that …".
const THAT_CLAUSE_VERBS: &[&str] = &[
    "saying",
    "found",
    "showed",
    "shows",
    "revealed",
    "know",
    "knew",
    "known",
    "think",
    "thinks",
    "thought",
    "hope",
    "hopes",
    "fear",
    "fears",
    "feared",
    "expect",
    "expects",
    "expected",
    "ensure",
    "means",
    "meant",
    "argued",
    "alleged",
    "alleges",
    "indicated",
    "suggests",
    "suggested",
    "so",
    "such",
    "now",
    "clear",
    "likely",
    "possible",
    "sure",
    "aware",
    "evidence",
    "learned",
    "determined",
    "concluded",
    "decided",
    "agreed",
    "warned",
    "insisted",
    "admitted",
    "denied",
    "acknowledged",
    "realized",
    "show",
    "is",
    "was",
    "are",
    "were",
    "be",
];

/// Auxiliaries: after a relative clause's own verb, the first of them is the main clause's
/// verb ("The 2-year-old who was shot inside an apartment in Madison has died").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "remains", "remain",
];

/// Relative clauses not set off by commas inside `range` ("the shooting that occurred around
/// 2:30 a.m. …", "The 2-year-old who was shot inside an apartment … has died"): they say which
/// person or thing, not the claim. Each runs from "who", "which", "whose" or a relative "that"
/// (a verb after it, and not after a verb of saying or finding, [`REPORTING`],
/// [`THAT_CLAUSE_VERBS`]) to a comma or a mark, or to
/// the main clause's auxiliary after its own verb, or to the end of the range. One that opens
/// the claim or leaves fewer than three words before it is kept.
fn restrictive_relatives(
    text: &str,
    range: &std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = chorus_text::words(&text[range.clone()])
        .map(|(o, w)| (o + range.start, w))
        .collect();
    let is = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let mut out = Vec::new();
    let mut k = 3;
    while k < words.len() {
        let (start, w) = words[k];
        // "That" is relative when a verb follows it ("the shooting that occurred", "a
        // shooting that left two women dead"), not a subject ("testified that he reached"),
        // and no verb of saying comes before it.
        let verb_next = words.get(k + 1).is_some_and(|&(_, v)| {
            is(v, AUXILIARIES)
                || is(v, IRREGULAR_PAST)
                || (v.len() > 4 && v.to_ascii_lowercase().ends_with("ed"))
        });
        let relative = is(w, &["who", "which", "whose"])
            || (w.eq_ignore_ascii_case("that")
                && verb_next
                && !is(words[k - 1].1, REPORTING)
                && !is(words[k - 1].1, THAT_CLAUSE_VERBS));
        // A mark with a space after it sets a clause off; one inside a word or a figure
        // ("2:30", "so-called") does not.
        let marked = |from: usize, to: usize, marks: &[char]| {
            let gap = &text[from..to];
            gap.contains(marks) && gap.ends_with(char::is_whitespace)
        };
        let set_off = marked(words[k - 1].0, start, &[',', ';', ':', '(', '—', '-']);
        if !relative || set_off {
            k += 1;
            continue;
        }
        // Its own verb is the first word after the relative word (or after "who police
        // say"); the main clause resumes at the next auxiliary.
        let mut end = range.end;
        let mut j = k + 2;
        while j < words.len() {
            let (o, v) = words[j];
            if marked(words[j - 1].0, o, &[',', ';', ':', '(', ')', '—']) {
                end = words[j - 1].0 + words[j - 1].1.len();
                break;
            }
            if is(v, AUXILIARIES) {
                end = o;
                break;
            }
            j += 1;
        }
        out.push(start..end);
        k = j.max(k + 1);
    }
    out
}

/// How much of `lead`'s main claim `other` states: the share of the main claim's terms
/// (actions by class, names, content words) and figures that `other` has anywhere, the
/// figures counting twice (a count or an age is a specific the claim stands on). One that
/// adds detail states all of it; one that states only a secondary part (the attribution, a
/// relative clause, one of several people, the other half of a contrast), or other figures,
/// does not.
pub(crate) fn main_covered(other: &Claim, lead: &Claim) -> f32 {
    let terms = shared(&lead.main, &other.all);
    let numbers = lead
        .main_numbers
        .iter()
        .filter(|v| other.numbers.iter().any(|x| x == *v))
        .count();
    let total = lead.main.len() + 2 * lead.main_numbers.len();
    if total == 0 {
        return 1.0;
    }
    (terms + 2 * numbers) as f32 / total as f32
}

/// Auxiliaries besides [`AUXILIARIES`]: the clause's own verb, or what it says something
/// is, follows them ("has been arrested", "could face charges", "did not suffer").
const MORE_AUXILIARIES: &[&str] = &[
    "be", "been", "being", "can", "could", "may", "might", "must", "should", "shall", "did",
    "does", "do", "remained", "got", "get",
];

/// Words that may stand between an auxiliary and its verb ("was also shot", "has not been
/// charged"); words ending in "ly" ("was fatally shot") are read as such too.
const BETWEEN_VERBS: &[&str] = &[
    "not", "also", "still", "now", "never", "already", "just", "then", "later", "since", "both",
    "all", "each", "again", "yet", "even", "ever",
];

/// Past forms news uses that do not end in "-ed" ("shot", "took", "fled").
const IRREGULAR_PAST: &[&str] = &[
    "shot", "hit", "struck", "found", "took", "taken", "left", "held", "fled", "ran", "went",
    "came", "made", "gave", "given", "got", "told", "led", "met", "fought", "caught", "brought",
    "sought", "sent", "spent", "lost", "won", "fell", "rose", "beat", "broke", "stole", "threw",
    "hid", "bought", "sold", "built", "kept", "put", "set", "cut", "hurt", "stood", "saw", "seen",
    "known", "drove", "driven", "flew", "began", "became", "spoke", "chose", "wrote", "slain",
    "slew", "swept", "stabbed", "shown", "done", "did", "paid", "laid", "lay", "sat", "thrown",
    "stolen", "broken", "fallen", "ridden", "written", "spoken", "chosen", "hidden", "bitten",
    "drawn", "grew", "grown", "felt", "heard", "meant", "dealt", "withdrew", "died",
];

/// Words after a past participle that make it the head of a phrase describing the subject,
/// not the clause's verb, when an auxiliary comes later ("A boy shot Sunday … did not
/// suffer", "The man charged with killing two … has pleaded guilty"); a weekday's name does
/// too (`chorus_text::WEEKDAY_NAMES`).
const AFTER_PARTICIPLE: &[&str] = &[
    "in",
    "at",
    "on",
    "by",
    "with",
    "during",
    "near",
    "inside",
    "outside",
    "after",
    "early",
    "late",
    "last",
    "yesterday",
    "overnight",
    "earlier",
    "this",
];

/// Words before a past form that make it an adjective ("the wounded", "an armed man").
const BEFORE_ADJECTIVE: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your", "one",
    "two", "three", "four", "five", "of", "and", "or", "being", "been", "were", "was", "is", "are",
    "those", "these",
];

/// Whether a lower-case word is a verb's past form ([`IRREGULAR_PAST`], or "-ed").
fn past_form(lower: &str) -> bool {
    IRREGULAR_PAST.contains(&lower) || (lower.len() > 4 && lower.ends_with("ed"))
}

/// Whether a lower-case word is an auxiliary ([`AUXILIARIES`], [`MORE_AUXILIARIES`]).
fn auxiliary(lower: &str) -> bool {
    AUXILIARIES.contains(&lower) || MORE_AUXILIARIES.contains(&lower)
}

/// Whether a lower-case word may stand between an auxiliary and its verb ([`BETWEEN_VERBS`],
/// a negation "-n't", an adverb in "-ly").
fn between(lower: &str) -> bool {
    BETWEEN_VERBS.contains(&lower)
        || lower.ends_with("n't")
        || (lower.len() > 4 && lower.ends_with("ly"))
}

/// The byte offsets of the verbs of a sentence's main claim ([`main_clause`]): the word its
/// first auxiliary carries ("was fatally shot", "has pleaded", "are dead", "remain in stable
/// condition"), or its first past form that is no adjective nor the head of a phrase about
/// the subject, with one joined to it by "and" ("shot and killed"). What the claim says
/// happened: two sentences of one story share its names and places, and differ here. Empty
/// when none is found (a verb in the present tense, a fragment).
fn main_verbs(text: &str, main: &MainClause) -> Vec<usize> {
    let words: Vec<(usize, String)> = chorus_text::words(&text[main.range.clone()])
        .map(|(o, w)| (o + main.range.start, w))
        .filter(|&(o, _)| main.contains(o))
        .map(|(o, w)| (o, w.to_lowercase().replace('’', "'")))
        .collect();
    let lower_at = |i: usize| text[words[i].0..].starts_with(char::is_lowercase);
    for (i, (_, w)) in words.iter().enumerate() {
        if auxiliary(w) && i > 0 {
            // The first word after the auxiliaries and adverbs that is no function word.
            let mut j = i + 1;
            while j < words.len() && (auxiliary(&words[j].1) || between(&words[j].1)) {
                j += 1;
            }
            let verb =
                (j..words.len().min(j + 3)).find(|&k| !chorus_text::is_stopword(&words[k].1));
            return verb.map(|k| with_joined(&words, k)).unwrap_or_default();
        }
        if !past_form(w) || !lower_at(i) || i == 0 {
            continue;
        }
        if BEFORE_ADJECTIVE.contains(&words[i - 1].1.as_str()) {
            continue;
        }
        let describes_subject = words.get(i + 1).is_some_and(|n| {
            AFTER_PARTICIPLE.contains(&n.1.as_str())
                || chorus_text::WEEKDAY_NAMES.contains(&n.1.as_str())
        }) && words[i + 1..].iter().any(|x| auxiliary(&x.1));
        if !describes_subject {
            return with_joined(&words, i);
        }
    }
    Vec::new()
}

/// The offset of verb `k` of `words`, and of a past form "and" joins to it ("shot and
/// killed").
fn with_joined(words: &[(usize, String)], k: usize) -> Vec<usize> {
    let mut verbs = vec![words[k].0];
    if words.get(k + 1).is_some_and(|w| w.1 == "and") {
        if let Some(next) = words.get(k + 2).filter(|w| past_form(&w.1)) {
            verbs.push(next.0);
        }
    }
    verbs
}

/// Determiners: a lower-case word right after one is a noun, not a verb ("as a person of
/// interest", [`verbless`]).
const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "any", "each", "every", "no", "all", "both", "several", "many", "few", "more",
    "most", "other", "another", "such", "whose",
];

/// Prepositions: a lower-case word right after one is a noun, and so is one after a
/// preposition and one capitalised word that closes its phrase ("with English subtitles.",
/// [`verbless`]).
const NOUN_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "with",
    "by",
    "for",
    "from",
    "to",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "after",
    "before",
    "during",
    "near",
    "inside",
    "outside",
    "through",
    "across",
    "against",
    "among",
    "between",
    "without",
    "within",
    "as",
    "per",
    "via",
    "like",
    "than",
    "around",
    "along",
    "behind",
    "beyond",
    "upon",
    "toward",
    "towards",
    "throughout",
    "amid",
    "despite",
    "including",
    "off",
];

/// Whether `text` is a fragment without a verb: a list item ("Lamond Demarcus Martin, 21,
/// Longview."), a listing's note ("In English and some French with English subtitles.").
/// Such a line states no claim, so it is never a fact. Read generously the other way: any
/// auxiliary, verb of saying, past form or contraction is a verb, and so is every lower-case
/// content word that does not stand right after a determiner, a preposition or a possessive
/// name (no comma between), or after a preposition and one capitalised word where it closes
/// the phrase ("with English subtitles."; "on Facebook identifies the victim" has a verb); a
/// capitalised first word before a lower-case one is one too ("Read the story."). So "Police
/// say …", "The victims include …", "That leaves …" or "Smith, 21, of Longview, faces …"
/// have one. A line in capitals is not read (its names do not stand apart).
pub fn verbless(text: &str) -> bool {
    #[derive(PartialEq, Clone, Copy)]
    enum After {
        /// A determiner, preposition or possessive name: a noun follows.
        Opener,
        /// A preposition: a noun, or one capitalised word before a noun, follows.
        Preposition,
        /// A capitalised word right after a preposition ("with English subtitles").
        NameInPhrase,
        /// Anything else.
        Other,
    }
    // A line in capitals ("THEY KNEW LITTLE ABOUT THE FAMILY.") shows no names apart.
    if !text.chars().any(char::is_lowercase)
        && text.chars().filter(|c| c.is_uppercase()).count() > 3
    {
        return false;
    }
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    let lowers: Vec<String> = words
        .iter()
        .map(|w| w.1.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let is = |list: &[&str], i: usize| lowers.get(i).is_some_and(|w| list.contains(&w.as_str()));
    // Whether a mark (a comma, a stop) stands between word `i - 1` and word `i`.
    let marked = |i: usize| {
        let end = words[i - 1].0 + words[i - 1].1.len();
        let to = words.get(i).map_or(text.len(), |w| w.0);
        text[end..to].contains([
            ',', ';', ':', '(', ')', '.', '!', '?', '\u{2014}', '\u{2013}',
        ])
    };
    let mut state = After::Other;
    for (i, (&(off, w), lower)) in words.iter().zip(&lowers).enumerate() {
        if i > 0 && marked(i) {
            state = After::Other;
        }
        let contraction = ["n't", "'s", "'re", "'ve", "'ll", "'m", "'d"]
            .iter()
            .any(|c| lower.ends_with(c));
        if auxiliary(lower)
            || lower == "am"
            || MODALS.contains(&lower.as_str())
            || REPORTING.contains(&lower.as_str())
            || past_form(lower)
            || contraction
        {
            return false;
        }
        let capital = w.starts_with(char::is_uppercase);
        let possessive = ["'s", "\u{2019}s", "' ", "\u{2019} "]
            .iter()
            .any(|p| text[off + w.len()..].starts_with(p));
        // "It's", "there's": a function word's "'s" is "is" or "has".
        if possessive && chorus_text::is_stopword(lower) {
            return false;
        }
        let next_lower = words
            .get(i + 1)
            .is_some_and(|n| n.1.starts_with(char::is_lowercase));
        if i == 0 && capital && next_lower && !possessive && !is(NOUN_PREPOSITIONS, 0) {
            // "Read the story", "Residents fear …": a verb, or the subject of one.
            if !chorus_text::is_stopword(lower) {
                return false;
            }
            // "That leaves …": a demonstrative alone is the subject.
            if is(NOUN_DETERMINERS, 0) {
                state = After::Other;
                continue;
            }
        }
        state = if is(NOUN_PREPOSITIONS, i) {
            After::Preposition
        } else if possessive || is(NOUN_DETERMINERS, i) {
            After::Opener
        } else if ["and", "or"].contains(&lower.as_str()) {
            state
        } else if capital {
            if state == After::Preposition {
                After::NameInPhrase
            } else {
                After::Other
            }
        } else if chorus_text::is_stopword(lower) || lower.bytes().all(|b| b.is_ascii_digit()) {
            // A function word or a figure ("Martin, 21, Longview") is no verb either.
            After::Other
        } else {
            // A content word closes a phrase after "with English" ("subtitles.", "subtitles
            // and …"), or else it may be a verb ("on Facebook identifies the victim").
            let closes = i + 1 == words.len()
                || marked(i + 1)
                || is(&["and", "or"], i + 1)
                || is(NOUN_PREPOSITIONS, i + 1);
            let noun = match state {
                After::Opener | After::Preposition => true,
                After::NameInPhrase => closes,
                After::Other => false,
            };
            if !noun {
                return false;
            }
            After::Other
        };
    }
    true
}

/// What news says happened, a family a line: words of one family state one kind of event
/// ("was taken to", "was rushed to", "was airlifted to"), words of two families two claims
/// of a story ("shot and killed" / "chased"; "are investigating" / "warrants were issued").
/// Broad on purpose (hurting and killing are one family, arrest and charge another): the
/// families tell claims apart only where a reader would, and a main verb in none of them
/// tells nothing. Written for chorus from general news English; matched by stem.
const VERB_FAMILIES: &[&str] = &[
    "shoot shot shooting shootings fired gunned wound wounded injure injured hurt stab stabbed \
     struck kill killed killing slain murder murdered die died dead death deaths",
    "take taken took transport transported transporting rush rushed airlift airlifted flown \
     driven brought carried hospitalized hospitalised admitted treated",
    "arrest arrested apprehend apprehended detain detained custody booked jailed charge \
     charged charges indict indicted accused face faces facing",
    "plead pleaded pleads plea convict convicted sentence sentenced acquit acquitted",
    "investigate investigated investigating investigation probe probing",
    "search searched searching hunt hunting seek sought looking",
    "chase chased chasing pursue pursued pursuing pursuit",
    "issue issued issuing obtain obtained",
    "happen happened happening occur occurred occurring unfolded",
    "respond responded responding dispatch dispatched",
    "identify identified identifying name named",
    "release released releasing disclose disclosed",
];

/// The family ([`VERB_FAMILIES`]) of a word, if it is in one.
fn verb_family(word: &str) -> Option<u8> {
    static FAMILIES: OnceLock<FxHashMap<String, u8>> = OnceLock::new();
    let families = FAMILIES.get_or_init(|| {
        let terms = chorus_text::Terms::default();
        let mut map = FxHashMap::default();
        for (family, line) in VERB_FAMILIES.iter().enumerate() {
            for word in line.split_whitespace() {
                map.entry(terms.stem(word)).or_insert(family as u8);
            }
        }
        map
    });
    let stem = chorus_text::Terms::default().stem(&word.to_lowercase());
    families.get(&stem).copied()
}

/// Words of [`BEFORE_ADJECTIVE`] that also join a verb to its clause ("shot and killed", "the
/// shooting that occurred"): a past form after them is a verb.
const JOINING: &[&str] = &["and", "or", "that"];

/// The families ([`VERB_FAMILIES`]) `text` states as happening inside `core`: of each word
/// of a family that stands as a verb, after an auxiliary ("was shot", "has died"), as a past
/// form after its subject ("police arrested", "he died") or opening a clause after a comma
/// ("…, killing two"). A noun ("the shooting", "in the deaths of", "lesser charges") or a
/// participle that says which person or thing ("two women killed in a shooting", "the man
/// charged with killing") names the event another claim is about, not what this one says
/// happened.
fn stated_families(text: &str, core: &std::ops::Range<usize>) -> Vec<(usize, u8)> {
    // Each word's offset, end and lower-case form.
    let words: Vec<(usize, usize, String)> = chorus_text::words(&text[core.clone()])
        .map(|(o, w)| {
            let off = o + core.start;
            (off, off + w.len(), w.to_lowercase().replace('’', "'"))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (off, _, w)) in words.iter().enumerate() {
        let Some(family) = verb_family_at(text, *off) else {
            continue;
        };
        let before = words[..i].iter().rev().find(|x| !between(&x.2));
        let after_auxiliary = before.is_some_and(|x| auxiliary(&x.2));
        let previous = i.checked_sub(1).map(|p| &words[p]);
        let joined = previous.is_some_and(|p| JOINING.contains(&p.2.as_str()));
        // "charged with" after a noun says which person; after "and", what else happened.
        let describes = !joined
            && words.get(i + 1).is_some_and(|n| {
                AFTER_PARTICIPLE.contains(&n.2.as_str())
                    || chorus_text::WEEKDAY_NAMES.contains(&n.2.as_str())
            });
        let adjective =
            !joined && previous.is_none_or(|p| BEFORE_ADJECTIVE.contains(&p.2.as_str()));
        let past = past_form(w) && !adjective && !describes;
        let clause = w.ends_with("ing") && previous.is_some_and(|p| text[p.1..*off].contains(','));
        if after_auxiliary || past || clause {
            out.push((*off, family));
        }
    }
    out
}

/// Verbs that state what they leave behind ("left one dead and two injured"): their family
/// is that of the state.
const LEAVING: &[&str] = &["left", "leave", "leaves", "leaving"];

/// How many words after a verb of [`LEAVING`] the state it leaves is looked for.
const LEFT_STATE_WORDS: usize = 4;

/// Words after "was reported" that tell when or where something was reported ("at 7:15
/// p.m.", "shortly after 2 a.m."), besides those of [`AFTER_PARTICIPLE`]: the event
/// happened then.
const REPORTED_WHEN: &[&str] = &["around", "about", "shortly", "just", "before", "near"];

/// The family of the verb at byte `off` of `text` ([`verb_family`]); for a verb of
/// [`LEAVING`], that of the first of the next [`LEFT_STATE_WORDS`] words in one.
fn verb_family_at(text: &str, off: usize) -> Option<u8> {
    let mut words = chorus_text::words(&text[off..]).map(|w| w.1).peekable();
    let verb = words.next()?;
    // "took place" says that something happened, not that someone was taken.
    let place = words
        .peek()
        .is_some_and(|w| w.eq_ignore_ascii_case("place"));
    if place && verb_family(verb) == verb_family("take") {
        return verb_family("happened");
    }
    // "The shooting was reported at 7:15 p.m." says when it happened, not who said so.
    let passive = word_before(text, off)
        .is_some_and(|(_, w)| ["was", "were"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    let when_or_where = words.peek().is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        REPORTED_WHEN.contains(&w.as_str())
            || AFTER_PARTICIPLE.contains(&w.as_str())
            || chorus_text::WEEKDAY_NAMES.contains(&w.as_str())
    });
    if passive && when_or_where && verb.eq_ignore_ascii_case("reported") {
        return verb_family("happened");
    }
    if !LEAVING.iter().any(|l| verb.eq_ignore_ascii_case(l)) {
        return verb_family(verb);
    }
    words.take(LEFT_STATE_WORDS).find_map(verb_family)
}

/// Whether `other` states another claim of the story than `lead` does: the verbs of their
/// main claims are of two families ([`VERB_FAMILIES`]: "shot and killed" / "chased";
/// "have been identified" / "remain hospitalized"), and `other` says nothing of the family
/// of `lead`'s, nor does `lead`'s main claim state `other`'s. Sharing the names, places and
/// figures of one story, such a sentence is no support of `lead`, even where `lead` tells
/// `other`'s claim aside, outside its main claim ("police haven't released the names of
/// those wounded, but say they were hospitalized" against "they were taken to hospital");
/// a main verb in no family, or a family `other` states as a verb anywhere
/// ([`stated_families`]: in a clause of its own, joined by "and"), refuses nothing, while
/// one it names only as a noun ("in the deaths of") does not state it.
pub(crate) fn other_claim(other: &Claim, lead: &Claim) -> bool {
    let unsaid = |x: &Claim, y: &Claim| {
        !x.verbs.is_empty() && x.verbs.iter().all(|v| !y.families.contains(v))
    };
    unsaid(lead, other)
        && !other.verbs.is_empty()
        && other.verbs.iter().all(|v| !lead.main_families.contains(v))
}

/// Parts of the body news says someone was hurt in ("shot in the foot", "a wound to the
/// arm"), each as one place, whatever the side ("left", "right", "upper", "back" before
/// another part describe it).
const BODY_PARTS: &[&str] = &[
    "head", "neck", "chest", "stomach", "abdomen", "back", "shoulder", "arm", "hand", "leg",
    "foot", "thigh", "knee", "hip", "buttocks", "face", "eye", "groin", "wrist", "ankle", "elbow",
    "jaw", "mouth", "cheek", "pelvis", "spine", "finger", "toe", "heel", "forearm", "calf",
    "throat", "ear",
];

/// Plurals of [`BODY_PARTS`] not made by adding "s".
const BODY_PLURALS: &[(&str, &str)] = &[("feet", "foot"), ("calves", "calf")];

/// Words between a preposition and a part of the body ("in his back right shoulder", "to the
/// left leg").
const BODY_PART_MODIFIERS: &[&str] = &[
    "the", "his", "her", "their", "its", "a", "an", "both", "each", "one", "left", "right",
    "upper", "lower", "back", "front",
];

/// How many modifiers ([`BODY_PART_MODIFIERS`]) may stand between the preposition and the
/// part.
const BODY_PART_WORDS: usize = 3;

/// The places of the body `text` says, inside `core`, someone was hurt in: a part of the body
/// ([`BODY_PARTS`]) after "in", "to", "on", "into" or "through" and its modifiers, and each
/// part "and" or a comma joins to it ("on her chest and left leg"), with each one's offset.
fn wound_places(text: &str, core: &std::ops::Range<usize>) -> Vec<(usize, String)> {
    let words: Vec<(usize, String)> = chorus_text::words(&text[core.clone()])
        .map(|(o, w)| (o + core.start, w.to_lowercase()))
        .collect();
    let part = |w: &str| -> Option<&'static str> {
        BODY_PLURALS
            .iter()
            .find(|p| p.0 == w)
            .map(|p| p.1)
            .or_else(|| {
                let singular = w.strip_suffix('s').filter(|_| w != "buttocks").unwrap_or(w);
                BODY_PARTS
                    .iter()
                    .copied()
                    .find(|&p| p == w || p == singular)
            })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !["in", "to", "on", "into", "through"].contains(&words[i].1.as_str()) {
            i += 1;
            continue;
        }
        // Modifiers, then the last part of the body before a word that is neither.
        let mut j = i + 1;
        let mut found: Option<(usize, &'static str)> = None;
        let mut modifiers = 0;
        while j < words.len() {
            let w = words[j].1.as_str();
            // "back" before another part or a side describes it ("his back right shoulder").
            let next_is_part = words.get(j + 1).is_some_and(|n| {
                part(&n.1).is_some() || BODY_PART_MODIFIERS.contains(&n.1.as_str())
            });
            if let Some(p) = part(w).filter(|_| !(w == "back" && next_is_part)) {
                found = Some((words[j].0, p));
                // Another part joined by "and" or a comma: "chest and left leg".
                let joined = words
                    .get(j + 1)
                    .is_some_and(|n| n.1 == "and" || text[words[j].0..n.0].contains(','));
                if joined {
                    out.push((words[j].0, p.to_string()));
                    j += 2;
                    modifiers = 0;
                    continue;
                }
                break;
            }
            if BODY_PART_MODIFIERS.contains(&w) && modifiers < BODY_PART_WORDS {
                modifiers += 1;
                j += 1;
                continue;
            }
            break;
        }
        if let Some((off, p)) = found {
            out.push((off, p.to_string()));
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether `lead`'s main claim says where someone was hurt and `other` says so too, only of
/// other places ("shot in the foot" against "a wound to the arm"): another person, or
/// another report of the wound, not the claim.
pub(crate) fn wound_elsewhere(other: &Claim, lead: &Claim) -> bool {
    !lead.main_wound_places.is_empty()
        && !other.wound_places.is_empty()
        && shared(&lead.main_wound_places, &other.wound_places) == 0
}

/// Whether the main claim of `text` only says who or what someone is: its first auxiliary
/// (past its first word) is a form of "be" followed by a noun phrase, a determiner, a figure
/// or a name ("The other three victims were an 18-year-old woman …", "The victim is John
/// Smith").
fn identifies(text: &str, main: &MainClause) -> bool {
    let words: Vec<(usize, String)> = chorus_text::words(&text[main.range.clone()])
        .map(|(o, w)| (o + main.range.start, w))
        .filter(|&(o, _)| main.contains(o))
        .map(|(o, w)| (o, w.to_lowercase()))
        .collect();
    let Some(i) = words
        .iter()
        .skip(1)
        .position(|w| auxiliary(&w.1))
        .map(|i| i + 1)
    else {
        return false;
    };
    let Some((off, next)) = words.get(i + 1) else {
        return false;
    };
    ["is", "are", "was", "were"].contains(&words[i].1.as_str())
        && (["a", "an", "the"].contains(&next.as_str())
            || next.starts_with(|c: char| c.is_ascii_digit())
            || number_word_value(next).is_some()
            || text[*off..].starts_with(char::is_uppercase))
}

/// Whether `lead`'s main verbs say what happened ([`VERB_FAMILIES`]) and `other`'s main
/// claim only says who someone is ([`identifies`]) and states none of those families: "Three
/// others … were treated for wounds and released" is not stated by "The other three victims
/// were an 18-year-old woman, 22-year-old man and 21-year-old man"; "identified those
/// killed as …" is stated by "The victims were …".
pub(crate) fn identified_only(other: &Claim, lead: &Claim) -> bool {
    // Saying who someone is states an identification ("identified those killed as …").
    let identified = verb_family("identified");
    other.identifies
        && !lead.verbs.is_empty()
        && lead
            .verbs
            .iter()
            .all(|v| !other.families.contains(v) && Some(*v) != identified)
}

/// Words that say, after "is" or "remains", that something is not known.
const UNKNOWN: &[&str] = &["unknown", "unclear", "undisclosed", "unavailable"];

/// Words that say it after "is not" ("was not immediately available", "have not been
/// released").
const NOT_KNOWN: &[&str] = &["known", "available", "clear", "released", "disclosed"];

/// Forms of "be" and "remain" that make what follows a state of the subject.
const STATE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "remain", "remains", "remained",
];

/// How many words before a word saying it is not known may name what is not known.
const SUBJECT_WORDS: usize = 4;

/// Byte ranges of `text` (inside `core`) naming what it says is not known: the words of its
/// clause, at most [`SUBJECT_WORDS`], before the form of "be" or "remain" of a state that says
/// so ("her condition is unknown", "the motive remains unclear", "names were not
/// immediately available"; never "an unknown gunman"). Such a clause states no value of
/// what it speaks of, so it supports no claim that gives one.
fn unknown_subjects(text: &str, core: &std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = chorus_text::words(&text[core.clone()])
        .map(|(o, w)| (o + core.start, w))
        .collect();
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut out = Vec::new();
    for (i, &(_, w)) in words.iter().enumerate() {
        let first = i.saturating_sub(3);
        let before = &words[first..i];
        let state = before.iter().rposition(|b| is(b.1, STATE_VERBS));
        let denied = before
            .iter()
            .any(|b| is(b.1, &["not", "no"]) || b.1.to_ascii_lowercase().ends_with("n't"));
        let Some(state) = state.map(|s| first + s) else {
            continue;
        };
        if !(is(w, UNKNOWN) || (denied && is(w, NOT_KNOWN))) {
            continue;
        }
        // Back from the verb to the start of the clause, at most SUBJECT_WORDS words (the
        // subject, not "not immediately"); a relative clause ("That person, whose condition
        // was unavailable, was taken to a hospital") says it of a participant, aside from the
        // claim.
        let end = words[state].0;
        let mut start = end;
        let mut relative = false;
        for &(o, x) in words[..state].iter().rev().take(SUBJECT_WORDS) {
            if text[o + x.len()..start].contains([',', ';', ':', '.', '(', ')', '—']) {
                break;
            }
            relative |= is(x, &["who", "whose", "which"]);
            start = o;
        }
        if !relative && start < end {
            out.push(start..end);
        }
    }
    out
}

/// Verbs by which a source leaves open whether something is so, when denied ("would not say
/// whether", "declined to confirm if", "did not know whether").
const LEFT_OPEN_VERBS: &[&str] = &[
    "say",
    "said",
    "confirm",
    "confirmed",
    "disclose",
    "disclosed",
    "know",
    "knew",
    "comment",
];

/// Words before such a verb that deny it ("not", "n't", "unable to", "declined to").
const LEFT_OPEN_DENIALS: &[&str] = &["not", "unable", "declined", "refused", "never", "cannot"];

/// How many words before "whether" or "if" the verb and its denial may stand ("would not
/// immediately say if").
const LEFT_OPEN_WORDS: usize = 4;

/// Byte ranges of `text` that a source leaves open: the clause after "whether" or "if" where
/// a denied verb of saying or knowing stands just before it ("He would not say if all the
/// bodies were found in the same area"; "police did not know whether the gun was loaded").
/// Such a clause states nothing of what it speaks of, so it supports no claim that states it,
/// and no claim that states it supports it.
fn left_open(text: &str) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = chorus_text::words(text).collect();
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut out = Vec::new();
    for (i, &(off, w)) in words.iter().enumerate() {
        if !is(w, &["whether", "if"]) {
            continue;
        }
        let before = &words[i.saturating_sub(LEFT_OPEN_WORDS)..i];
        let Some(verb) = before.iter().rposition(|b| is(b.1, LEFT_OPEN_VERBS)) else {
            continue;
        };
        let denied = before[..verb]
            .iter()
            .any(|b| is(b.1, LEFT_OPEN_DENIALS) || b.1.to_ascii_lowercase().ends_with("n't"));
        if !denied {
            continue;
        }
        let start = off + w.len();
        let end = text[start..]
            .find([',', ';', ':', '.', '(', ')', '—'])
            .map_or(text.len(), |e| start + e);
        out.push(start..end);
    }
    out
}

/// Whether `x` leaves open something `y` states plainly: with no denial, plan, possibility or
/// unknown of its own ("would not say if all the bodies were found in one area" against "the
/// bodies were found all over the property"). A `y` that hedges in its own words ("it is not
/// possible to rule out" against "not possible to say whether") or leaves open something
/// else too is no plain statement of it.
fn open_stated(x: &Claim, y: &Claim) -> bool {
    let plain =
        y.open.is_empty() && y.negated.is_empty() && y.modal.is_empty() && y.unknown.is_empty();
    let states = |t: u32| y.lower.binary_search(&t).is_ok() || y.names.binary_search(&t).is_ok();
    plain && x.open.iter().any(|&t| states(t))
}

/// Whether both sentences say something is not known, each of another thing ("his condition
/// was not available" against "their ages were not available"): two claims.
fn unknown_apart(x: &Claim, y: &Claim) -> bool {
    !x.unknown.is_empty() && !y.unknown.is_empty() && shared(&x.unknown, &y.unknown) == 0
}

/// What a length of time without a noun after it counts ("sentenced to nine months"): no
/// term's id (terms lie below `u32::MAX / 2`, predicate classes below this).
const LENGTH: u32 = u32::MAX;

/// What a percentage counts ("rose 3.71 percent", "4.6%"), written with or without a noun
/// after it: no term's id nor a predicate class's ([`is_class`]: those lie above it).
const SHARE: u32 = u32::MAX / 2;

/// Words after a figure that make it a percentage ("per cent" by its first word).
const PERCENT: &[&str] = &["percent", "per", "pct"];

/// The value of a figure and what else it allows: a hedge ("at least 12", "about 200"), the
/// two ends of a range ("eight to fifteen years", "18-34"), a length of time in hours
/// ("72-hour", "three-day").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quantity {
    /// As written, or in hours for a length of time.
    value: f64,
    /// The values it allows, `value` itself when exact.
    low: f64,
    high: f64,
    /// Hedged or a range: not one exact value.
    hedged: bool,
    /// One end of a range, which allows the values between both ends.
    range: bool,
    /// A length of time.
    duration: bool,
    /// All of a set of two, as "both", "either" and "neither" count ("in either case",
    /// "both victims"): the claim is about that whole set.
    whole: bool,
}

impl Quantity {
    fn exact(value: f64) -> Quantity {
        Quantity {
            value,
            low: value,
            high: value,
            hedged: false,
            range: false,
            duration: false,
            whole: false,
        }
    }

    /// Whether two figures may give one value: both lengths of time or neither, and their
    /// intervals meet ("more than a dozen" and 13, "72-hour" and "three-day"; a hundredth of
    /// slack for lengths of time, whose units are not whole multiples of each other). A
    /// range and an exact figure never do: the exact one gives one end or a point of the
    /// range, another value than "eight to fifteen years".
    fn meets(self, other: Quantity) -> bool {
        if self.duration != other.duration
            || (self.range && !other.hedged)
            || (other.range && !self.hedged)
        {
            return false;
        }
        let slack = if self.duration { 1.01 } else { 1.0 };
        self.low <= other.high * slack && other.low <= self.high * slack
    }
}

/// What "seven others" counts when no noun follows: the others of the claim's own count, no
/// term's id nor a predicate class's (terms lie far below it, classes above [`SHARE`]).
const OTHERS: u32 = u32::MAX / 2 - 1;

/// Words that may stand between a figure and the noun it counts without being that noun
/// ("two other men", "three more victims").
const COUNT_MODIFIERS: &[&str] = &["other", "more", "additional", "separate", "different"];

/// Words that, right after the noun a figure counts, say what became of it or what it does
/// rather than what it is ("two people dead", "three men wounded", "two victims remain"):
/// the noun stays the head.
const COUNT_STATES: &[&str] = &[
    "dead",
    "injured",
    "wounded",
    "hurt",
    "hospitalized",
    "hospitalised",
    "missing",
    "inside",
    "aboard",
    "remain",
    "remains",
    "face",
    "faces",
    "say",
    "says",
    "suffer",
    "suffers",
    "appear",
    "appears",
    "need",
    "needs",
];

/// How many content words the noun phrase after a figure holds at most ("three
/// semi-automatic handguns", "two Chicago police officers").
const PHRASE_TERMS: usize = 6;

/// How many content terms after a figure with no noun right after it are what it counts
/// ("three were treated at the scene", "2 to 1 on the exchange"): the words of its clause.
const COUNTED_TERMS: usize = 2;

/// The counts of a main claim: each of its figures (see [`main_figures`]) with the head noun
/// of the phrase right after it ([`phrase_head`]: "four members pleaded", "three
/// semi-automatic handguns from"; after its unit, of a length of time: "nine-month
/// sentence"), and with that of an "of" phrase after it too ("six members of the Vice
/// Lords" counts members of the gang, "four members of a family" others); a figure no noun
/// follows counts the first [`COUNTED_TERMS`] content terms of its clause after it ("three
/// were treated"), "others" right after it [`OTHERS`], and [`LENGTH`] for a length of time
/// nothing counted follows. `terms` are the main clause's.
fn main_counts(text: &str, figures: &[Figure], terms: &[(u32, usize)]) -> Vec<(Quantity, u32)> {
    let mut out = Vec::new();
    for f in figures {
        let before = out.len();
        let (head, next) = phrase_head(text, f.end, terms);
        if let Some(t) = head {
            out.push((f.quantity, t));
            let of = next.filter(|&(_, w)| w.eq_ignore_ascii_case("of"));
            if let Some((o, w)) = of {
                // Past its determiner: "of the Vice Lords", "of a family".
                let mut at = o + w.len();
                if let Some((d, x)) = chorus_text::words(&text[at..]).next() {
                    if DETERMINERS.iter().any(|y| x.eq_ignore_ascii_case(y))
                        && text[at..at + d].trim().is_empty()
                    {
                        at += d + x.len();
                    }
                }
                if let (Some(group), _) = phrase_head(text, at, terms) {
                    out.push((f.quantity, of_group(t, group)));
                }
            }
        } else if next.is_some_and(|(_, w)| w.eq_ignore_ascii_case("others")) {
            out.push((f.quantity, OTHERS));
        } else if !next.is_some_and(|(_, w)| PERCENT.iter().any(|p| w.eq_ignore_ascii_case(p))) {
            // Only the words of its own phrase: "Pinckney, 41, was elected" counts no election.
            let after = terms
                .iter()
                .filter(|&&(_, o)| o > f.end)
                .take(COUNTED_TERMS)
                .take_while(|&&(_, o)| {
                    !text[f.end..o].contains([',', ';', ':', '.', '(', ')', '—'])
                });
            out.extend(after.map(|&(t, _)| (f.quantity, t ^ CONTEXT)));
        }
        if f.quantity.duration && out.len() == before {
            out.push((f.quantity, LENGTH));
        }
    }
    out
}

/// What a count without a noun keys its clause's terms with ([`main_counts`]): they say what
/// happened to what it counts ("three were treated"), not what it is, so they meet only
/// other such counts' terms, not a noun a figure counts ("two in a perfect ninth" against
/// "a perfect ninth").
const CONTEXT: u32 = 1 << 29;

/// The key of a count of `head` of `group` ("six members of the gang"): one key for the
/// pair, apart from terms ([`CONTEXT`] above them), [`OTHERS`] and [`SHARE`].
fn of_group(head: u32, group: u32) -> u32 {
    (1 << 30) | (head.wrapping_mul(0x9e37_79b9) ^ group) & ((1 << 30) - 1)
}

/// Words that open a noun phrase after "of" ("members of the gang").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those",
];

/// The head noun of the phrase starting at `from` (right after a figure): the last content
/// term (of `terms`) before a function word, a mark, an adverb ("separately") or a verb's
/// past form ("four members pleaded", "three semi-automatic handguns from", "two gunshot
/// victims"), past words such as "other" before it ([`COUNT_MODIFIERS`]); a past form right
/// after the figure is what it counts ("two killed"), and a word joined to it by a hyphen
/// what it measures ("4-year-old"). With it, the word that ended the phrase and its offset.
fn phrase_head<'t>(
    text: &'t str,
    from: usize,
    terms: &[(u32, usize)],
) -> (Option<u32>, Option<(usize, &'t str)>) {
    let mut head = None;
    let mut held = 0;
    let mut at = from;
    for (o, w) in chorus_text::words(&text[from..]).map(|(o, w)| (o + from, w)) {
        if text[at..o].contains([',', ';', ':', '.', '(', ')', '—', '"', '“', '”']) {
            return (head, None);
        }
        let lower = w.to_ascii_lowercase();
        let joined = at == from
            && (text[at..o] == *"-" || ["year-old", "years-old"].contains(&lower.as_str()));
        at = o + w.len();
        let term = terms.iter().find(|x| x.1 == o).map(|x| x.0);
        let adverb = lower.len() > 4 && lower.ends_with("ly");
        // A share ("a 14 percent slide") counts nothing; [`main_shares`] reads it.
        if head.is_none() && PERCENT.contains(&lower.as_str()) {
            return (None, Some((o, w)));
        }
        match term {
            // A word joined to the figure is what the figure measures ("4-year-old"),
            // whatever follows: an age is compared with ages.
            Some(t) if joined => return (Some(t), None),
            Some(t) if !adverb => {
                let verb = past_form(&lower) || COUNT_STATES.contains(&lower.as_str());
                if head.is_some() && verb {
                    return (head, Some((o, w)));
                }
                head = Some(t);
                held += 1;
                if held == PHRASE_TERMS || verb {
                    return (head, None);
                }
            }
            None if head.is_none()
                && (COUNT_MODIFIERS.contains(&lower.as_str())
                    || w.bytes().all(|b| b.is_ascii_digit())) => {}
            _ => return (head, Some((o, w))),
        }
    }
    (head, None)
}

/// The percentages of a main claim ("rose 3.71 percent", "up 4.6%", "fell two per cent"),
/// each as the values its rounding allows ("4.6" is 4.55 to 4.65, "4" is 3.5 to 4.5, the bounds
/// left out), or its
/// hedge's ("nearly 12 percent"). Not a part of a larger number or a fraction ("3 5/8
/// percent"), nor of a rate's change in points ("two percentage points").
fn main_shares(text: &str, main: &MainClause) -> Vec<Quantity> {
    let words: Vec<(usize, &str)> = chorus_text::words(&text[main.range.clone()])
        .map(|(o, w)| (o + main.range.start, w))
        .collect();
    let mut out = Vec::new();
    for (i, &(off, w)) in words.iter().enumerate() {
        if !main.contains(off) || text[..off].ends_with(['.', ',', '/', '$', '£', '€', '-']) {
            continue;
        }
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        // A decimal part: the next word right after a point.
        let decimal = words
            .get(i + 1)
            .filter(|&&(o, x)| o == off + w.len() + 1 && text[..o].ends_with('.') && digits(x));
        let (value, places, end) = if digits(w) {
            let (whole, part) = match decimal {
                Some(&(o, x)) => (format!("{w}.{x}"), (x.len(), o + x.len())),
                None => (w.to_string(), (0, off + w.len())),
            };
            let Ok(v) = whole.parse::<f64>() else {
                continue;
            };
            (v, part.0, part.1)
        } else if let Some(v) = number_word(text, off, w) {
            (v, 0, off + w.len())
        } else {
            continue;
        };
        let after = &text[end..];
        let next = words[i + 1..]
            .iter()
            .find(|&&(o, _)| o >= end)
            .filter(|&&(o, _)| text[end..o] == *" ")
            .map(|x| x.1.to_ascii_lowercase());
        let percent = after.starts_with('%')
            || next.is_some_and(|n| {
                PERCENT.contains(&n.as_str())
                    && (n != "per" || after.to_ascii_lowercase().starts_with(" per cent"))
            });
        if !percent || after.to_ascii_lowercase().starts_with(" percentage") {
            continue;
        }
        let hedge: Vec<String> = words[i.saturating_sub(2)..i]
            .iter()
            .map(|x| x.1.to_ascii_lowercase())
            .collect();
        let hedge: Vec<&str> = hedge.iter().map(String::as_str).collect();
        // Half a unit of its last place, short of the bound: "0.29" and "0.30" round from
        // no common value.
        let half = 0.4999 / 10f64.powi(places as i32);
        let (low, high) =
            crate::units::hedged(&hedge, value).unwrap_or((value - half, value + half));
        out.push(Quantity {
            low,
            high,
            hedged: true,
            ..Quantity::exact(value)
        });
    }
    out
}

/// A figure of a main claim ([`main_figures`]).
#[derive(Debug, Clone, Copy)]
struct Figure {
    off: usize,
    /// Where the words it counts may start: past its unit, of a length of time.
    end: usize,
    quantity: Quantity,
    /// Right after "between": the first end of a range "between 8 and 15".
    after_between: bool,
    /// "a"/"an" counting one ([`counts_one`]): no age, no end of a range.
    article: bool,
}

/// The unit of time right after a figure that ends at `end` ("nine-month", "72 hours"), past
/// the unit word of a number written in two ("twenty-four-hour"), if it is one: its hours
/// and where its word ends. "14-year-old" and "two 29-year-olds" are ages, not lengths.
fn unit_after(text: &str, end: usize) -> Option<(f64, usize)> {
    let mut words = chorus_text::words(&text[end..]).map(|(o, w)| (o + end, w));
    let mut at = end;
    let (mut off, mut w) = words.next()?;
    if text[at..off] == *"-" && number_word_value(w).is_some_and(|v| v < 10.0) {
        at = off + w.len();
        (off, w) = words.next()?;
    }
    if !matches!(&text[at..off], " " | "-") {
        return None;
    }
    let hours = crate::units::hours_of_unit(w)?;
    let aged = words
        .next()
        .is_some_and(|(_, n)| ["old", "olds"].contains(&n.to_ascii_lowercase().as_str()));
    (!aged).then_some((hours, off + w.len()))
}

/// Words that count all of a set of two ("both victims", "in either case", "neither man").
const WHOLE_TWO: &[&str] = &["both", "either", "neither"];

/// Whether a word of [`WHOLE_TWO`] ending at `end` counts the noun right after it: a
/// lower-case word that is no function word, verb form or adverb, not one of the pair "both
/// … and", "either … or", "neither … nor" joins, and not after an auxiliary or a pronoun
/// ("were both shot", "they both").
fn whole_two(text: &str, end: usize, before: &[String]) -> bool {
    let mut next = chorus_text::words(&text[end..]);
    let Some((o, w)) = next.next() else {
        return false;
    };
    let lower = w.to_ascii_lowercase();
    let previous = before.len().checked_sub(2).map(|i| before[i].as_str());
    let pronoun = ["they", "we", "you", "them", "us"];
    o == 1
        && text[end..].starts_with(' ')
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !["of", "the", "a", "an"].contains(&lower.as_str())
        && !past_form(&lower)
        && !lower.ends_with("ing")
        && !lower.ends_with("ly")
        && !auxiliary(&lower)
        && !previous.is_some_and(|p| auxiliary(p) || between(p) || pronoun.contains(&p))
        && !next
            .take(3)
            .any(|(_, x)| ["and", "or", "nor"].contains(&x.to_ascii_lowercase().as_str()))
}

/// Words after which "a" is a rate, not a count ("three times a day", "50 cents a share").
const RATE_WORDS: &[&str] = &[
    "times", "cents", "dollars", "percent", "cent", "miles", "hours",
];

/// Words after "a" that make it a part of a quantity, not one thing ("a few", "a dozen",
/// "a third of", "a number of").
const ARTICLE_QUANTITIES: &[&str] = &[
    "few",
    "lot",
    "lots",
    "number",
    "couple",
    "half",
    "third",
    "quarter",
    "fifth",
    "total",
    "handful",
    "bit",
    "little",
    "pair",
    "majority",
    "minority",
    "host",
    "series",
    "variety",
    "range",
    "record",
    "maximum",
    "minimum",
    "fraction",
    "portion",
    "share",
    "percentage",
];

/// Whether "a"/"an" ending at `end` counts one of the noun it stands before ("a
/// semi-automatic handgun" against "three semi-automatic handguns"): not before a figure
/// or a number word ("a 14 percent slide", "a dozen", "a hundred"), a word of a quantity
/// ([`ARTICLE_QUANTITIES`]) or a unit of time ("a year": lengths of time are compared as
/// written in figures).
fn counts_one(text: &str, end: usize) -> bool {
    let Some((o, next)) = chorus_text::words(&text[end..]).next() else {
        return false;
    };
    let lower = next.to_ascii_lowercase();
    o == 1
        && text[end..].starts_with(' ')
        && !next.starts_with(|c: char| c.is_ascii_digit())
        && number_word_value(next).is_none()
        && !ARTICLE_QUANTITIES.contains(&lower.as_str())
        && crate::units::hours_of_unit(next).is_none()
}

/// The figures of a main claim that may count people or things (an age, a number of
/// victims, a length of time): digits under 100 not joined to a mark nor after a month (a
/// date), number words and the two of "both", "either" and "neither" before a noun
/// ([`whole_two`]), each with the hedge before it and as one end of a range.
fn main_figures(text: &str, main: &MainClause) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut previous = "";
    // The lower-case words before the current one, for hedges.
    let mut before: Vec<String> = Vec::new();
    let mut words =
        chorus_text::words(&text[main.range.clone()]).map(|(o, w)| (o + main.range.start, w));
    for (off, w) in words.by_ref() {
        let lower = w.to_ascii_lowercase();
        let date = crate::candidate::is_month(std::mem::replace(&mut previous, w));
        let hedge_words: Vec<String> = before[before.len().saturating_sub(2)..].to_vec();
        before.push(lower.clone());
        if !main.contains(off) || date {
            continue;
        }
        // A figure joined to a mark is an amount, a share, a time or a part of a larger
        // number ("$20.05", "4.5", "2:15", "1,300", "30%"), and one of 100 or more mostly an
        // amount, a year or a tally: neither is a count of people or things.
        let end = off + w.len();
        let mark_before = text[..off]
            .chars()
            .next_back()
            .is_some_and(|c| "$£€.,:/".contains(c));
        let mut rest = text[end..].chars();
        let mark_after = match (rest.next(), rest.next()) {
            (Some('%'), _) => true,
            (Some(c), Some(d)) => ".,:/".contains(c) && d.is_ascii_alphanumeric(),
            _ => false,
        };
        let value = if w.bytes().all(|b| b.is_ascii_digit()) {
            w.parse::<f64>()
                .ok()
                .filter(|&v| !mark_before && !mark_after && v < 100.0)
        } else if WHOLE_TWO.contains(&lower.as_str()) {
            whole_two(text, end, &before).then_some(2.0)
        } else if ["a", "an"].contains(&lower.as_str()) {
            let rate = before.len() >= 2 && {
                let p = &before[before.len() - 2];
                p.bytes().any(|b| b.is_ascii_digit())
                    || number_word_value(p).is_some()
                    || RATE_WORDS.contains(&p.as_str())
            };
            (!rate && counts_one(text, end)).then_some(1.0)
        } else {
            number_word(text, off, w)
        };
        let Some(value) = value else {
            continue;
        };
        // "more than a dozen": the hedge stands before the article.
        let hedge_words: Vec<String> = if lower == "dozen" {
            let mut h: Vec<String> = before[..before.len() - 1]
                .iter()
                .rev()
                .skip_while(|p| *p == "a")
                .take(2)
                .cloned()
                .collect();
            h.reverse();
            h
        } else {
            hedge_words
        };
        let hedge: Vec<&str> = hedge_words.iter().map(String::as_str).collect();
        let (low, high) = crate::units::hedged(&hedge, value).unwrap_or((value, value));
        let mut figure = Figure {
            off,
            end,
            quantity: Quantity {
                hedged: (low, high) != (value, value),
                low,
                high,
                whole: WHOLE_TWO.contains(&lower.as_str()),
                ..Quantity::exact(value)
            },
            after_between: hedge.last() == Some(&"between"),
            article: ["a", "an"].contains(&lower.as_str()),
        };
        // "three dozen" is 36: the dozen multiplies the figure right before it.
        if lower == "dozen" {
            if let Some(first) = out.last_mut().filter(|f| text[f.end..off] == *" ") {
                let q = &mut first.quantity;
                (q.value, q.low, q.high) = (q.value * value, q.low * value, q.high * value);
                first.end = end;
                continue;
            }
        }
        if let Some((hours, unit_end)) = unit_after(text, end) {
            let q = &mut figure.quantity;
            (q.value, q.low, q.high) = (value * hours, low * hours, high * hours);
            q.duration = true;
            figure.end = unit_end;
        }
        // The first end of a range ("eight to fifteen years", "between 8 and 15") takes the
        // second's unit and what it counts.
        if let Some(first) = out.last_mut() {
            let gap = text[first.end..off].trim();
            let joined = matches!(gap, "-" | "–" | "to") || (gap == "and" && first.after_between);
            let unit = if figure.quantity.duration {
                figure.quantity.value / value
            } else {
                1.0
            };
            let (a, b) = (first.quantity.value * unit, figure.quantity.value);
            let plain = |f: &Figure| !f.quantity.hedged && !f.article;
            if joined && plain(first) && plain(&figure) && !first.quantity.duration && a < b {
                let q = Quantity {
                    low: a,
                    high: b,
                    hedged: true,
                    range: true,
                    ..figure.quantity
                };
                first.quantity = Quantity { value: a, ..q };
                first.end = figure.end;
                figure.quantity = q;
            }
        }
        out.push(figure);
    }
    out
}

/// What a word says became of people: [`OUTCOME_DIED`], [`OUTCOME_LIVES`] or nothing (0).
fn outcome_of(word: &str) -> u8 {
    let lower = word.to_ascii_lowercase();
    if DIED_WORDS.contains(&lower.as_str()) {
        OUTCOME_DIED
    } else if LIVES_WORDS.contains(&lower.as_str()) {
        OUTCOME_LIVES
    } else {
        0
    }
}

/// Verbs that make "up" or "down" before a figure a part of their own meaning ("make up 42
/// percent", "took up 3 seats", "cut down 20 trees"), not a change of the figure.
const PHRASAL: &[&str] = &[
    "make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "sum", "sums",
    "summed", "add", "adds", "added", "cut", "cuts", "set", "sets", "put", "puts", "turn", "turns",
    "turned", "end", "ends", "ended", "back", "backed", "pick", "picked", "picks", "shut", "shuts",
    "break", "broke", "broken", "bring", "brings", "brought", "narrow", "narrowed", "round",
    "rounded",
];

/// What the word `w` at `off` of `text` says a figure or level did: [`ROSE`], [`FELL`] or
/// nothing (0). "Up" and "down" say it only right before a figure ("up 4 cents", "down
/// $1.21"), not in "shut down" or "set up", nor after a verb they are a part of
/// ([`PHRASAL`]: "make up 42 percent").
fn direction_of(text: &str, off: usize, w: &str) -> u8 {
    let lower = w.to_ascii_lowercase();
    let figure = || {
        let phrasal = word_before(text, off)
            .is_some_and(|(_, p)| PHRASAL.iter().any(|v| p.eq_ignore_ascii_case(v)));
        let next = text[off + w.len()..].strip_prefix(' ').unwrap_or_default();
        !phrasal
            && (next.starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c))
                || chorus_text::words(next)
                    .next()
                    .is_some_and(|(o, n)| o == 0 && number_word_value(n).is_some()))
    };
    if ROSE_WORDS.contains(&lower.as_str()) || (lower == "up" && figure()) {
        ROSE
    } else if FELL_WORDS.contains(&lower.as_str()) || (lower == "down" && figure()) {
        FELL
    } else {
        0
    }
}

/// Whether one main claim says only that something went up and the other only that it went
/// down ("Gillette shares rose $1.45" against "Shares of Gillette closed down 45 cents"): two
/// claims, or a contradiction, never one.
fn contrary_directions(a: &Claim, b: &Claim) -> bool {
    opposed((a.direction, b.direction), ROSE, FELL)
}

/// Whether a pair of one field's values of two claims is `one` and `other`, either way round.
fn opposed(pair: (u8, u8), one: u8, other: u8) -> bool {
    pair == (one, other) || pair == (other, one)
}

/// Whether one sentence says only that someone died and the other only that someone lives,
/// hurt or in a condition ("The 2-year-old … has died" against "A 2-year-old child was
/// critically injured"): an earlier and a later state, or a contradiction, never one claim.
/// A claim that says both ("killed two and wounded seven", "died of his injuries") contradicts
/// neither.
fn contrary_outcomes(a: &Claim, b: &Claim) -> bool {
    opposed((a.outcome, b.outcome), OUTCOME_DIED, OUTCOME_LIVES)
}

/// Whether `lead`'s main claim says only that someone died and `other` only that someone
/// lives, hurt or in a condition, or the other way round ("One victim died at the hospital,
/// while two remain in critical condition" against "Two victims remain in critical
/// condition"): `other` states the other half of the claim, not the claim.
pub(crate) fn outcome_contradicted(other: &Claim, lead: &Claim) -> bool {
    let kinds = [OUTCOME_DIED, OUTCOME_LIVES];
    kinds.contains(&lead.main_outcome)
        && kinds.contains(&other.outcome)
        && lead.main_outcome != other.outcome
}

/// Whether `lead`'s main claim says only that someone died, by its verb ("has died", "was
/// killed"), and `other` speaks of no death at all ([`Claim::names_death`]): "The 2-year-old
/// who was shot … has died" against "A two-year-old boy was shot in the head": `other` tells
/// what came before, not the death. A death told as a state ("was found dead", "shot
/// himself to death") leaves the claim its verb's, which `other` may state.
pub(crate) fn death_unsaid(other: &Claim, lead: &Claim) -> bool {
    lead.main_outcome == OUTCOME_DIED && lead.main_verb_died && !other.names_death
}

/// Whether `lead`'s main claim is only how badly people are hurt (it grades it, [`SEVERE`]
/// or [`MILD`], and its main verb says nothing else happened, none of [`VERB_FAMILIES`]:
/// "Two other men … were also in stable condition", "did not suffer life-threatening
/// wounds", the grade after its verb) and `other` grades no one: "Two men … showed up at
/// the hospital with bullet wounds" tells another part of the story.
pub(crate) fn severity_unsaid(other: &Claim, lead: &Claim) -> bool {
    lead.main_severity != 0
        && !lead.grade_before_verb
        && lead.verbs.is_empty()
        && other.severity == 0
}

/// Whether `lead`'s main claim grades how badly people are hurt one way only and `other`
/// only the other way ("in critical condition" against "non-life-threatening injuries"), or
/// `lead`'s says so of all of them and `other` grades anyone the other way ("All of the
/// victims sustained non-life threatening injuries" against "One person was in critical
/// condition; the three others … not life-threatening"): an earlier and a later state, or
/// a contradiction, never one claim.
pub(crate) fn severity_contradicted(other: &Claim, lead: &Claim) -> bool {
    let grades = [SEVERE, MILD];
    let opposite = SEVERE | MILD;
    grades.contains(&lead.main_severity)
        && (opposed((lead.main_severity, other.severity), SEVERE, MILD)
            || (lead.main_every && other.severity & (opposite ^ lead.main_severity) != 0))
}

/// Whether the figure at `off..end` of `text` is a person's age: set off after a name
/// ("Brandon White, 31, of …"; "Tamara Perry, 14; …") or "14-year-old".
fn is_age(text: &str, off: usize, end: usize) -> bool {
    text[..off].ends_with(", ") || text[end..].starts_with("-year-old")
}

/// How many ages ([`is_age`]) a main claim gives at least for each to be part of it: a list
/// of people.
const LISTED_FIGURES: usize = 3;

/// Whether `other` leaves out an age of `lead`'s main claim where that claim lists several
/// people with their ages ([`LISTED_FIGURES`]): a sentence naming two of three victims states
/// a part of the claim, not the claim.
pub(crate) fn listed_figure_left_out(other: &Claim, lead: &Claim) -> bool {
    lead.listed.len() >= LISTED_FIGURES && lead.listed.iter().any(|v| !other.numbers.contains(v))
}

/// Whether a count of `lead`'s main claim is contradicted by `other`: `other` counts the same
/// thing with a figure none of `lead`'s for it meets ([`Quantity::meets`]) and never states
/// `lead`'s figure but of other things ("four members pleaded guilty" against "six members
/// pleaded guilty"; "a 4-year-old boy" against "a 3-year-old"; "nine-month sentence" against "one-year sentence"; "every eight to fifteen
/// years" against "every eight years"; "the other two victims" against "the other four
/// victims, two men and two women"). A figure `other` leaves out is no contradiction ("two
/// counts of murder and one of possession" against "two counts of murder"), nor is a count
/// `other` states of something else, nor a hedged or converted figure that meets ("more than
/// a dozen" and 13, "72-hour" and "three-day"). Nor is `lead`'s count stated where `other`'s
/// main claim counts the same thing first with a figure `lead` never gives and only later
/// with `lead`'s ("Six members … pleaded guilty … in the shootings of four members" against
/// "Four members …"). Ages are left to [`age_contradicted`]: people listed in another order
/// are no other count. Nor is it stated where `other`'s main claim is about all of a set of
/// two ("in either case", [`WHOLE_TWO`]) while `lead` counts something else with another
/// figure `other` never gives: "no arrests in any of the three shootings" is not stated by "no
/// arrests in either case" (the other way round, two of the three may be meant).
pub(crate) fn count_contradicted(other: &Claim, lead: &Claim) -> bool {
    // Lengths of time only against lengths of time: "two years" and "two-year sentence"
    // count something else than "two sentences".
    let of = |c: &Claim, t: u32, duration: bool| -> Vec<Quantity> {
        c.counts
            .iter()
            .filter(|x| x.1 == t && x.0.duration == duration)
            .map(|x| x.0)
            .collect()
    };
    lead.counts.iter().any(|&(q, t)| {
        let (theirs, ours) = (of(other, t, q.duration), of(lead, t, q.duration));
        let counted = theirs.iter().any(|w| w.meets(q));
        // A figure in `other` that counts nothing else may be this one; one that counts
        // other things is not, unless `other`'s own figure for the thing is one `lead` gives
        // too: then the two pair the same figures with other words ("two men were killed and
        // seven people wounded" against "two people were killed and seven others").
        let stated = |w: f64| !q.duration && !q.range && q.low <= w && w <= q.high;
        let attached = |w: f64| other.counts.iter().any(|c| !c.0.duration && c.0.value == w);
        let loose = other.numbers.iter().any(|&w| stated(w) && !attached(w));
        let elsewhere = other.numbers.iter().any(|&w| stated(w));
        let unmatched = theirs.iter().any(|w| {
            let given = elsewhere && lead.numbers.contains(&w.value);
            !given && !ours.iter().any(|x| x.meets(*w))
        });
        let first_otherwise = theirs.first().is_some_and(|w| {
            !w.meets(q)
                && !other.ages.contains(&w.value)
                && !lead.numbers.contains(&w.value)
                && !ours.iter().any(|x| x.meets(*w))
        });
        // A claim about all of a set of two ("in either case") is about another set than
        // one counting otherwise, unless it gives that count too.
        let other_set = !q.duration
            && t != SHARE
            && theirs.is_empty()
            && !elsewhere
            && other
                .counts
                .iter()
                .any(|w| w.0.whole && !w.0.meets(q) && !lead.counts.iter().any(|x| x.0.meets(w.0)));
        (!counted && !loose && unmatched) || (counted && first_otherwise) || other_set
    })
}

/// Whether `lead`'s main claim gives someone an age ("a 12-year-old boy") that `other` never
/// states, while `other`'s main claim gives someone an age `lead` never states that could be
/// the same person's (both a child's or both an adult's, [`child_of_age`]): "a 12-year-old
/// boy shot his 6-year-old brother" against "a 13-year-old boy shot his 6-year-old brother"
/// is either another person or a figure that disagrees, neither a support.
pub(crate) fn age_contradicted(other: &Claim, lead: &Claim) -> bool {
    let only_in = |x: &Claim, y: &Claim| -> Vec<f64> {
        x.ages
            .iter()
            .copied()
            .filter(|a| !y.numbers.contains(a))
            .collect()
    };
    let (theirs, ours) = (only_in(other, lead), only_in(lead, other));
    let may_be_one = |a: f64, b: f64| {
        child_of_age(a)
            .zip(child_of_age(b))
            .is_none_or(|(x, y)| x == y)
    };
    ours.iter()
        .any(|&a| theirs.iter().any(|&b| may_be_one(a, b)))
}

/// A person as a sentence describes them: sex and age as far as the words say
/// (`None`: not said).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Person {
    male: Option<bool>,
    child: Option<bool>,
}

impl Person {
    /// Whether one person could be described both ways ("the father" and "the man" may be one;
    /// "the father" and "a 5-year-old girl" are not).
    fn may_be(self, other: Person) -> bool {
        let agree = |a: Option<bool>, b: Option<bool>| a.is_none() || b.is_none() || a == b;
        agree(self.male, other.male) && agree(self.child, other.child)
    }
}

/// Words that describe a person by sex and age, each as (male, child).
const PERSON_WORDS: &[(&str, Option<bool>, Option<bool>)] = &[
    ("man", Some(true), Some(false)),
    ("men", Some(true), Some(false)),
    ("father", Some(true), Some(false)),
    ("husband", Some(true), Some(false)),
    ("dad", Some(true), Some(false)),
    ("grandfather", Some(true), Some(false)),
    ("uncle", Some(true), Some(false)),
    ("boyfriend", Some(true), Some(false)),
    ("woman", Some(false), Some(false)),
    ("women", Some(false), Some(false)),
    ("mother", Some(false), Some(false)),
    ("wife", Some(false), Some(false)),
    ("mom", Some(false), Some(false)),
    ("grandmother", Some(false), Some(false)),
    ("aunt", Some(false), Some(false)),
    ("girlfriend", Some(false), Some(false)),
    ("boy", Some(true), Some(true)),
    ("boys", Some(true), Some(true)),
    ("girl", Some(false), Some(true)),
    ("girls", Some(false), Some(true)),
    ("son", Some(true), None),
    ("sons", Some(true), None),
    ("brother", Some(true), None),
    ("brothers", Some(true), None),
    ("nephew", Some(true), None),
    ("grandson", Some(true), None),
    ("daughter", Some(false), None),
    ("daughters", Some(false), None),
    ("sister", Some(false), None),
    ("sisters", Some(false), None),
    ("niece", Some(false), None),
    ("granddaughter", Some(false), None),
    ("child", None, Some(true)),
    ("children", None, Some(true)),
    ("baby", None, Some(true)),
    ("infant", None, Some(true)),
    ("toddler", None, Some(true)),
    ("teen", None, Some(true)),
    ("teens", None, Some(true)),
    ("teenager", None, Some(true)),
    ("teenagers", None, Some(true)),
];

/// Below this age a person is a child, from [`ADULT_AGE`] on an adult; between, either.
const CHILD_AGE: f64 = 16.0;
const ADULT_AGE: f64 = 18.0;

/// Words after an age that make the age itself the person ("the 11-year-old was charged"),
/// where other words after it are what is that old ("a 40-year-old building").
const AFTER_AGED_PERSON: &[&str] = &[
    "was",
    "is",
    "has",
    "had",
    "who",
    "were",
    "and",
    "or",
    "will",
    "would",
    "did",
    "also",
    "then",
    "remains",
    "remained",
    "allegedly",
    "reportedly",
];

/// How far after a person word followed by "of" a person is named only to say whose relative
/// the first is: "father of the 11 year old" (the word, "of", a determiner, an age).
const WHOSE_WORDS: usize = 7;

/// The child an age says (`None` between [`CHILD_AGE`] and [`ADULT_AGE`]).
fn child_of_age(age: f64) -> Option<bool> {
    if age < CHILD_AGE {
        Some(true)
    } else if age >= ADULT_AGE {
        Some(false)
    } else {
        None
    }
}

/// The people `text`'s main claim describes by sex or age ([`PERSON_WORDS`], "the
/// 11-year-old", "his 6-year-old brother"), less one named only to say whose relative
/// another is ("the father of the 11-year-old" speaks of the father); and the ages it gives,
/// likewise.
fn people(text: &str, main: &MainClause) -> (Vec<Person>, Vec<f64>) {
    let words: Vec<(usize, String)> = chorus_text::words(&text[main.range.clone()])
        .map(|(o, w)| (o + main.range.start, w.to_lowercase()))
        .filter(|&(o, _)| main.contains(o))
        .collect();
    let word = |i: usize| words.get(i).map_or("", |w| w.1.as_str());
    // The age ending at word `i` ("11", "year", "old"), if it is one.
    let age_at = |i: usize| {
        let aged = i >= 2 && word(i) == "old" && word(i - 1) == "year";
        let value = |w: &str| w.parse::<f64>().ok().or_else(|| number_word_value(w));
        aged.then(|| value(word(i - 2))).flatten()
    };
    let (mut out, mut ages) = (Vec::new(), Vec::new());
    let mut whose_until = 0;
    for i in 0..words.len() {
        if let Some(age) = age_at(i).filter(|_| i >= whose_until) {
            ages.push(age);
        }
        let person = if let Some(&(_, male, child)) = PERSON_WORDS.iter().find(|p| p.0 == word(i)) {
            // An age given says more than the word ("the 18-year-old girl").
            let aged = i.checked_sub(1).and_then(age_at).map(child_of_age);
            // "her husband's eyes": whose, not who.
            let (o, w) = (words[i].0, &words[i].1);
            let possessive = ["'s", "’s"]
                .iter()
                .any(|p| text[o + w.len()..].starts_with(p));
            (!possessive).then_some(Person {
                male,
                child: aged.unwrap_or(child),
            })
        } else {
            // Set off from what follows by a mark, or followed by a verb.
            let apart = words
                .get(i + 1)
                .is_none_or(|&(o, _)| text[words[i].0..o].contains([',', ';', ':', '.', '(', ')']));
            age_at(i)
                .filter(|_| apart || AFTER_AGED_PERSON.contains(&word(i + 1)))
                .map(|age| Person {
                    male: None,
                    child: child_of_age(age),
                })
        };
        let Some(person) = person else {
            continue;
        };
        if i >= whose_until {
            out.push(person);
        }
        if word(i + 1) == "of" {
            whose_until = i + WHOSE_WORDS;
        }
    }
    (out, ages)
}

/// Words that are written capitalised before a possessive but own nothing a person does:
/// days and times ("Tuesday's meeting", "Today's ruling").
const TIME_OWNERS: &[&str] = &["today", "tonight", "tomorrow", "yesterday"];

/// The names unit `u`'s main claim gives as owners: a capitalised word right before a
/// possessive ("Wade's attorney", "Adams' attorney"), not a day, month or time, as compared
/// ([`predicate`]), sorted, unique.
fn owners(units: &Units, u: usize, main: &MainClause) -> Vec<u32> {
    let unit = &units.units[u];
    let text = unit.text;
    let mut out: Vec<u32> = unit
        .terms
        .iter()
        .filter(|&&(_, off)| main.contains(off))
        .filter_map(|&(t, off)| {
            let (_, w) = chorus_text::words(&text[off..]).next()?;
            let rest = &text[off + w.len()..];
            let possessive = ["'s", "\u{2019}s"].iter().any(|p| rest.starts_with(p))
                || (w.ends_with('s') && ["' ", "\u{2019} "].iter().any(|p| rest.starts_with(p)));
            let lower = w.to_lowercase();
            let time = TIME_OWNERS.contains(&lower.as_str())
                || chorus_text::WEEKDAY_NAMES.contains(&lower.as_str())
                || crate::candidate::is_month(&lower);
            (possessive && w.starts_with(char::is_uppercase) && !time).then(|| predicate(units, t))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The capitalised terms of the sentences of unit `u`'s article that name none of `owners`
/// (as compared, sorted, unique): the other people and things of the story, told apart
/// from the owners ("Prosecutors are seeking the death penalty for Robert Lee Adams" in an
/// article about Wade); one full name naming an owner ("Saddam Hussein") is no other person.
fn named_apart(units: &Units, u: usize, owners: &[u32]) -> Vec<u32> {
    let article = units.units[u].article;
    let mut out = Vec::new();
    for unit in units.units.iter().filter(|x| x.article == article) {
        let names: Vec<u32> = unit
            .terms
            .iter()
            .filter(|&&(_, off)| unit.text[off..].starts_with(char::is_uppercase))
            .map(|&(t, _)| predicate(units, t))
            .collect();
        if !names.iter().any(|t| owners.contains(t)) {
            out.extend(names);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `other` and `lead` speak of a thing of two people: each main claim gives an
/// owner ("with Wade's attorney" / "with Adams' attorney"), none the same, neither sentence
/// names the other's, and one's article names the other's owner in a sentence that does
/// not name its own (another person of the story, not another name for the same one:
/// aliases such as "Mr. Hussein's" and "Saddam's" are not read as two).
pub(crate) fn other_owner(other: &Claim, lead: &Claim) -> bool {
    let apart = |x: &Claim, y: &Claim| {
        y.owners
            .iter()
            .any(|t| x.named_apart.binary_search(t).is_ok())
    };
    !lead.owners.is_empty()
        && !other.owners.is_empty()
        && shared(&lead.owners, &other.owners) == 0
        && !lead
            .owners
            .iter()
            .any(|t| other.all.binary_search(t).is_ok())
        && !other
            .owners
            .iter()
            .any(|t| lead.all.binary_search(t).is_ok())
        && (apart(lead, other) || apart(other, lead))
}

/// Whether `lead` goes on past its main claim with a contrast of its own subject that
/// states what happened (", but the gunmen … fired at them": a family of [`VERB_FAMILIES`]
/// stated as a verb) and `other` says nothing of it (no word of that family stated): the
/// contrast is news of its own, which a report of the first half does not state.
pub(crate) fn contrast_unsaid(other: &Claim, lead: &Claim) -> bool {
    !lead.contrast_families.is_empty()
        && lead
            .contrast_families
            .iter()
            .all(|f| !other.families.contains(f))
}

/// Whether the people `lead`'s main claim describes and those of `other`'s are none of them
/// possibly the same ("found the father with a gunshot wound" against "found a 5-year-old
/// girl suffering from a gunshot wound"), and no age of the one is an age of the other:
/// the same happening told of another person.
pub(crate) fn other_people(other: &Claim, lead: &Claim) -> bool {
    !lead.people.is_empty()
        && !other.people.is_empty()
        && !lead.ages.iter().any(|a| other.ages.contains(a))
        && lead
            .people
            .iter()
            .all(|p| other.people.iter().all(|q| !p.may_be(*q)))
}

/// How many content terms two sentences must share to state one claim when neither names
/// anyone or anything nor gives a figure ([`unanchored`]).
const UNANCHORED_SHARED: usize = 2;

/// Whether neither sentence names a participant of the story (no name, no figure) and they
/// share fewer than [`UNANCHORED_SHARED`] content terms, one saying what the other does not:
/// two short quotes ("And there's a lot of us." against "It's a whole lot more simple than
/// that.") have nothing in them that ties a claim to the story, and one word in common is no
/// claim in common. The same words quoted twice ("Everybody is just in shock.") are one.
pub(crate) fn unanchored(other: &Claim, lead: &Claim) -> bool {
    [other, lead]
        .iter()
        .all(|c| c.names.is_empty() && c.numbers.is_empty())
        && other.all != lead.all
        && shared(&other.all, &lead.all) < UNANCHORED_SHARED
}

/// Shared items of two sorted, unique lists.
fn shared<T: PartialOrd>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            i += 1;
        } else if b[j] < a[i] {
            j += 1;
        } else {
            n += 1;
            i += 1;
            j += 1;
        }
    }
    n
}

/// Share of `shared` over the smaller and the larger of two sizes (0 when either is empty).
fn shares(shared: usize, a: usize, b: usize) -> (f32, f32) {
    if a == 0 || b == 0 {
        return (0.0, 0.0);
    }
    let s = shared as f32;
    (s / a.min(b) as f32, s / a.max(b) as f32)
}

/// The features of units `a` and `b` of an event, each in `0..=1`: what the two claims share,
/// and how they weigh in the event (the cosine of their event-local TF-IDF vectors, and the
/// uncommon lower-case words they share, which mark one predicate said twice).
pub(crate) fn features(units: &Units, claims: &[Claim], a: usize, b: usize) -> [f32; FEATURES] {
    let mut f = [0f32; FEATURES];
    f[..FEATURES - 4].copy_from_slice(&claim_features(&claims[a], &claims[b]));
    let (ca, cb) = (coverage(units, a, b), coverage(units, b, a));
    f[FEATURES - 4] = ca.max(cb);
    f[FEATURES - 3] = ca.min(cb);
    f[FEATURES - 2] = units.cosine(a, b);
    f[FEATURES - 1] = (units.shared_rare_words(a, b).min(4) as f32) / 4.0;
    f
}

/// The share of unit `a`'s TF-IDF weight (squared, so of its unit-length vector) on terms
/// unit `b` also has: how much of what `a` says, weighed by how rare it is in the event, `b`
/// says too. A sentence that adds detail to another covers all of it; a sentence of the same
/// story about another thing covers only its shared topic words, which weigh little.
fn coverage(units: &Units, a: usize, b: usize) -> f32 {
    let (va, vb) = (&units.units[a].vector, &units.units[b].vector);
    va.iter()
        .filter(|x| vb.binary_search_by_key(&x.0, |y| y.0).is_ok())
        .map(|x| x.1 * x.1)
        .sum::<f32>()
        .min(1.0)
}

/// The features two claims give on their own.
fn claim_features(a: &Claim, b: &Claim) -> [f32; FEATURES - 4] {
    let (all_a, all_b) = (&a.all, &b.all);
    let (all_min, all_max) = shares(shared(all_a, all_b), all_a.len(), all_b.len());
    let (lower_min, lower_max) = shares(shared(&a.lower, &b.lower), a.lower.len(), b.lower.len());
    let both_named = !a.names.is_empty() && !b.names.is_empty();
    let (names_min, _) = shares(shared(&a.names, &b.names), a.names.len(), b.names.len());
    let names_apart = both_named && names_min == 0.0;
    let numbers_shared = shared(&a.numbers, &b.numbers);
    let both_numbered = !a.numbers.is_empty() && !b.numbers.is_empty();
    let numbers_apart = both_numbered && numbers_shared == 0;
    let numbers_one_side = a.numbers.is_empty() != b.numbers.is_empty();
    let (pa, pb) = (&a.pairs, &b.pairs);
    let (pairs_min, _) = shares(shared(pa, pb), pa.len(), pb.len());
    let length = a.words.min(b.words) as f32 / a.words.max(b.words).max(1) as f32;
    let lcs = common_subsequence(&a.sequence, &b.sequence) as f32
        / a.sequence.len().min(b.sequence.len()).max(1) as f32;
    // Content said by one side only: a claim the other does not make.
    let only = |x: &[u32], y: &[u32]| (x.len() - shared(x, y)).min(10) as f32 / 10.0;
    let (only_a, only_b) = (only(all_a, all_b), only(all_b, all_a));
    let (tokens_min, tokens_max) =
        shares(shared(&a.tokens, &b.tokens), a.tokens.len(), b.tokens.len());
    let weight = |w: &[(u32, f32)]| w.iter().map(|x| x.1).sum::<f32>();
    let shared_weight: f32 = a
        .weights
        .iter()
        .filter(|x| b.weights.binary_search_by_key(&x.0, |y| y.0).is_ok())
        .map(|x| x.1)
        .sum();
    let weighted = shared_weight / weight(&a.weights).min(weight(&b.weights)).max(1e-6);
    let numbers_agree = both_numbered && numbers_shared == a.numbers.len().max(b.numbers.len());
    let predicate_shared = a.predicates.iter().any(|p| b.predicates.contains(p));
    let first_predicate = !a.predicates.is_empty() && a.predicates.first() == b.predicates.first();
    let predicates_apart =
        !a.predicates.is_empty() && !b.predicates.is_empty() && !predicate_shared;
    [
        all_min,
        all_max,
        lower_min,
        lower_max,
        names_min,
        f32::from(u8::from(names_apart)),
        f32::from(u8::from(numbers_apart)),
        f32::from(u8::from(numbers_one_side)),
        f32::from(u8::from(flipped(a, b, |c| &c.negated))),
        f32::from(u8::from(flipped(a, b, |c| &c.modal))),
        pairs_min,
        length,
        lcs,
        only_a.max(only_b),
        only_a.min(only_b),
        tokens_min,
        tokens_max,
        weighted.min(1.0),
        f32::from(u8::from(numbers_agree)),
        f32::from(u8::from(predicate_shared)),
        f32::from(u8::from(first_predicate)),
        f32::from(u8::from(predicates_apart)),
    ]
}

/// Length of the longest common subsequence of two term sequences.
fn common_subsequence(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

fn sorted_union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = a.iter().chain(b).copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The model's probability that units `a` and `b` of an event state the same thing; zero
/// when one denies what the other states ("no arrests have been made" against "police
/// arrested"), or makes a plan or a possibility of the action the other states as done
/// ("will be charged" against "was charged"): whatever words they share, those are two
/// claims. The whole claim cores are compared (the summary's test of two sentences saying
/// one thing); [`support_probability`] reads the main claims alone too.
pub(crate) fn probability(units: &Units, claims: &[Claim], a: usize, b: usize) -> f32 {
    if refused(&claims[a], &claims[b]) {
        return 0.0;
    }
    score(&features(units, claims, a, b), &WEIGHTS)
}

/// [`probability`] for a support of a shown fact: the higher of the model's readings of the
/// whole claim cores and of the main claims alone (`Claim::main_view`; the event's weighing
/// of the units is the same in both). "When she refused their advances, one of the men threw
/// a milkshake in her face" and "one of the perpetrators threw a milkshake in the face of the
/// victim's daughter" state one thing, the scene set before it one report's own.
pub(crate) fn support_probability(units: &Units, claims: &[Claim], a: usize, b: usize) -> f32 {
    if refused(&claims[a], &claims[b]) {
        return 0.0;
    }
    let mut f = features(units, claims, a, b);
    let whole = score(&f, &WEIGHTS);
    let (x, y) = (&claims[a], &claims[b]);
    if x.main_view.is_none() && y.main_view.is_none() {
        return whole;
    }
    fn view(c: &Claim) -> &Claim {
        c.main_view.as_deref().unwrap_or(c)
    }
    f[..FEATURES - 4].copy_from_slice(&claim_features(view(x), view(y)));
    whole.max(score(&f, &WEIGHTS) - MAIN_VIEW_MARGIN)
}

/// What the reading of two main claims alone gives up against the whole sentences' reading:
/// it leaves out what each sentence adds, and a sentence that adds a claim of its own (a
/// leading "when ..." clause that is news in itself) is another statement more often than the
/// model's features show. Measured 2026-12-07 through the report: without the margin, MSRP
/// 0.796 / 0.805 (under its 0.80 precision floor) and account gold dev recall 0.514; with 0.08,
/// MSRP 0.801 / 0.802 and dev recall 0.497 (0.490 without the main-claim reading); held-out
/// unchanged either way.
const MAIN_VIEW_MARGIN: f32 = 0.08;

/// Whether one claim denies, plans or searches for what the other states as done, or says
/// that what the other states is not known ("their conditions are not known" against "all
/// are in good condition") or leaves it open ([`open_stated`]), or one says only that
/// someone died and the other only that someone lives ([`contrary_outcomes`]), or only that
/// something went up and the other only down ([`contrary_directions`]): two claims, whatever
/// the model says.
fn refused(x: &Claim, y: &Claim) -> bool {
    contrary_outcomes(x, y)
        || contrary_directions(x, y)
        || unknown_apart(x, y)
        || flipped(x, y, |c| &c.unknown)
        || flipped(x, y, |c| &c.negated)
        || flipped_on(x, y, &|c: &Claim| &c.modal[..], &|c: &Claim| {
            action(&c.modal)
        })
        || flipped(x, y, |c| &c.sought)
        || open_stated(x, y)
        || open_stated(y, x)
}

/// The sentences of an event read for the decision: for fitting and scoring the model on
/// labelled pairs of real events (`cargo xtask statement`).
pub struct EventClaims<'a> {
    units: Units<'a>,
    claims: Vec<Claim>,
}

impl<'a> EventClaims<'a> {
    pub fn new(articles: &'a [&'a chorus_model::CleanArticle]) -> Self {
        let units = Units::new(articles);
        let claims = (0..units.units.len())
            .map(|u| Claim::of(&units, u))
            .collect();
        EventClaims { units, claims }
    }

    /// The unit whose sentence overlaps most of `start..end`, a byte span of article
    /// `article`'s original input (as citations' `source_start..source_end`), if any covers
    /// at least half of the shorter of the two.
    pub fn unit_at(&self, article: &str, start: usize, end: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for u in 0..self.units.units.len() {
            let overlap = self.units.citation(u).source_overlap(article, start, end);
            if let Some(o) = overlap.filter(|&o| best.is_none_or(|b| o > b.0)) {
                best = Some((o, u));
            }
        }
        best.map(|b| b.1)
    }

    /// How many sentences (units) the event has.
    pub fn sentences(&self) -> usize {
        self.units.units.len()
    }

    pub fn features(&self, a: usize, b: usize) -> [f32; FEATURES] {
        features(&self.units, &self.claims, a, b)
    }

    /// How much of unit `lead`'s main claim unit `other` states ([`main_covered`]).
    pub fn main_covered(&self, other: usize, lead: usize) -> f32 {
        main_covered(&self.claims[other], &self.claims[lead])
    }

    /// Why unit `other` may not support a shown fact whose sentence is unit `lead`, if it may
    /// not: the first check of the shown sentence it fails (`facts::shown_refusal`).
    pub fn shown_refusal(&self, other: usize, lead: usize) -> Option<&'static str> {
        crate::facts::shown_refusal(&self.claims[other], &self.claims[lead])
    }

    /// Whether the pair is refused whatever the model says (a polarity or modality flip).
    pub fn refused(&self, a: usize, b: usize) -> bool {
        refused(&self.claims[a], &self.claims[b])
    }

    /// The probability the account gives units `a` and `b` of stating one thing, as it
    /// weighs a support of a shown fact ([`support_probability`]).
    pub fn probability(&self, a: usize, b: usize) -> f32 {
        support_probability(&self.units, &self.claims, a, b)
    }

    /// Whether unit `u` may be a fact at all (with the default settings), and its text.
    pub fn statement(&self, u: usize) -> (bool, &str) {
        let unit = &self.units.units[u];
        let claim = &self.claims[u];
        (
            crate::facts::is_statement(unit, claim, &crate::AccountConfig::default())
                && claim.has_predicate(),
            unit.text,
        )
    }
}

/// The logistic model over `features` with `weights` (bias last).
pub fn score(features: &[f32; FEATURES], weights: &[f32; FEATURES + 1]) -> f32 {
    let z: f32 = features
        .iter()
        .zip(weights)
        .map(|(f, w)| f * w)
        .sum::<f32>()
        + weights[FEATURES];
    1.0 / (1.0 + (-z).exp())
}

/// The features of two sentences read as one event of two one-sentence articles (for fitting
/// the model on sentence pairs, `cargo xtask statement`), and whether the pair is refused
/// whatever the model says.
pub fn pair_features(a: &str, b: &str) -> ([f32; FEATURES], bool) {
    let articles = [one_sentence_article("", a), one_sentence_article("", b)];
    let refs: Vec<&chorus_model::CleanArticle> = articles.iter().collect();
    let event = EventClaims::new(&refs);
    if event.units.units.len() < 2 {
        return ([0.0; FEATURES], false);
    }
    (event.features(0, 1), event.refused(0, 1))
}

/// `text` as a cleaned article of one sentence whose id and outlet are `outlet` (empty in
/// [`pair_features`], as the default article's; `cargo xtask statement --probe` names each side).
pub fn one_sentence_article(outlet: &str, text: &str) -> chorus_model::CleanArticle {
    let mut a = chorus_model::CleanArticle::verbatim(chorus_model::Article {
        id: outlet.into(),
        source: outlet.into(),
        body: text.into(),
        ..chorus_model::Article::default()
    });
    a.sentences = vec![chorus_model::Sentence {
        start: 0,
        end: text.len(),
        paragraph: 0,
    }];
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::art;

    /// The claims of the sentences of two one-article texts, and where the second's begin.
    fn two_claims(a: &str, b: &str) -> (Vec<Claim>, usize) {
        let articles = [art("A", a), art("B", b)];
        let refs: Vec<&chorus_model::CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let claims: Vec<Claim> = (0..units.units.len())
            .map(|u| Claim::of(&units, u))
            .collect();
        let b = units.units.iter().position(|u| u.article == 1).unwrap();
        (claims, b)
    }

    /// "Wade's attorney" and "Adams' attorney" are two people's where an article tells
    /// Adams apart from Wade; with nothing telling the two owners apart (aliases, one-sentence
    /// reports), or a day as owner, no owner differs.
    #[test]
    fn the_thing_of_another_person_of_the_story_is_another_claim() {
        let (claims, b) = two_claims(
            "Prosecutors are seeking the death penalty for Robert Adams. A message was left with Wade\u{2019}s attorney.",
            "A message seeking comment was left Tuesday with Adams' attorney.",
        );
        assert!(other_owner(&claims[b], &claims[1]));
        assert!(other_owner(&claims[1], &claims[b]));
        let (claims, b) = two_claims(
            "A message was left with Wade\u{2019}s attorney.",
            "A message seeking comment was left Tuesday with Adams' attorney.",
        );
        assert!(!other_owner(&claims[b], &claims[0]));
        let (claims, b) = two_claims(
            "Officials spoke to reporters on Monday. Tuesday's meeting was cancelled by the council.",
            "Wednesday's meeting was cancelled by the council.",
        );
        assert!(!other_owner(&claims[b], &claims[1]));
    }

    /// A fact that goes on with a contrast of its own subject ("…, but the gunmen kicked it
    /// in and fired at them") is not stated by a sentence saying nothing of what the contrast
    /// says happened; one that goes on with the same subject ("but were not injured") is read
    /// as its main claim only.
    #[test]
    fn a_contrast_of_its_own_is_part_of_the_fact() {
        let (claims, b) = two_claims(
            "Three women grabbed the baby and ran upstairs, but the gunmen kicked the door in and fired at them.",
            "The three women took the baby and ran upstairs to a bathroom.",
        );
        assert!(contrast_unsaid(&claims[b], &claims[0]));
        assert!(!contrast_unsaid(&claims[0], &claims[b]));
        let (claims, b) = two_claims(
            "Three other children were also in the home, but were not injured, Bass said.",
            "Three other children in the home were unharmed.",
        );
        assert!(!contrast_unsaid(&claims[b], &claims[0]));
    }

    /// Where someone was hurt: two places and no place in common are two reports; a side or
    /// "back" before a part describes it, and a part joined by "and" is a place too.
    #[test]
    fn a_wound_elsewhere_is_another_claim() {
        let (claims, b) = two_claims(
            "A woman was shot in the hand and taken to a hospital.",
            "The woman had a gunshot wound to her left knee.",
        );
        assert!(wound_elsewhere(&claims[b], &claims[0]));
        assert!(wound_elsewhere(&claims[0], &claims[b]));
        let (claims, b) = two_claims(
            "A woman was shot in the shoulder on Friday.",
            "The woman was shot in her back right shoulder.",
        );
        assert!(!wound_elsewhere(&claims[b], &claims[0]));
        let (claims, b) = two_claims(
            "A woman was shot in the chest and left knee.",
            "The woman was wounded in the knee.",
        );
        assert!(!wound_elsewhere(&claims[b], &claims[0]));
        assert!(!wound_elsewhere(&claims[0], &claims[b]));
    }

    /// "Good" and "satisfactory" grade a condition as mildly hurt, against "serious"; not
    /// before anything but a condition.
    #[test]
    fn a_good_condition_is_mild() {
        let (claims, b) = two_claims(
            "The man was taken to a hospital in good condition.",
            "The man was taken to a hospital in serious condition.",
        );
        assert!(severity_contradicted(&claims[b], &claims[0]));
        let (claims, b) = two_claims(
            "The man was taken to a hospital with a good chance.",
            "The man was taken to a hospital in serious condition.",
        );
        assert!(!severity_contradicted(&claims[b], &claims[0]));
    }

    /// A sentence that only says who people are does not state what happened to them, but
    /// does state that they were identified.
    #[test]
    fn saying_who_states_no_happening() {
        let (claims, b) = two_claims(
            "Two men were arrested and charged with burglary.",
            "The two men were a 30-year-old and a 25-year-old.",
        );
        assert!(identified_only(&claims[b], &claims[0]));
        let (claims, b) = two_claims(
            "Police identified the victims as John Doe and Richard Roe.",
            "The victims were John Doe and Richard Roe.",
        );
        assert!(!identified_only(&claims[b], &claims[0]));
    }

    /// A list item and a listing's note have no verb and state no claim; a sentence with a
    /// verb in the present tense, a past form or a verb of saying has one.
    #[test]
    fn a_fragment_without_a_verb_is_verbless() {
        for s in [
            "In English and some French with English subtitles.",
            "Lamond Demarcus \u{201c}TuTu\u{201d} Martin, 21, Longview.",
            "Lamond Demarcus Martin, 21, of Longview, as a person of interest in the Bunny\u{2019}s shooting.",
        ] {
            assert!(verbless(s), "{s}");
        }
        for s in [
            "Police say more arrests are expected.",
            "The victims include two children from Dallas.",
            "Residents fear more violence in the neighbourhood.",
            "Two men shot in Dallas overnight.",
            "Smith, 21, of Longview, faces two counts of murder.",
            "Read the full story on the website of the paper.",
            "They live in Ohio with their three children.",
            "OpForce 3.0 supports Solaris, IBM AIX, Red Hat Linux and Windows.",
            "The attack, during the visit of Deputy Secretary Paul Wolfowitz underscores the problem.",
            "It\u{2019}s a whole lot more simple than that.",
            "However, not all persons with RMSF develop a rash.",
            "That leaves $12,500 for the shoot itself.",
            "Then, as the Hummer appears to pull over, the SUV speeds off.",
            "A post on Facebook identifies the victim as Layne Woods.",
            "\u{201c}I am on the Judiciary Committee.",
        ] {
            assert!(!verbless(s), "{s}");
        }
    }

    /// Two reports that differ only in a news phrase and its plain words ("was detained" /
    /// "was arrested") read as the same words: every word and every content term shared.
    #[test]
    fn a_news_phrase_and_its_plain_words_read_alike() {
        let (features, refused) = pair_features(
            "Police said the suspect was detained on Sunday in Paris.",
            "Police said the suspect was arrested on Sunday in Paris.",
        );
        assert!(!refused);
        // all_min, all_max, tokens_min, tokens_max.
        for i in [0, 1, 15, 16] {
            assert_eq!(features[i], 1.0, "feature {i}: {features:?}");
        }
    }

    /// A month is written capitalised but is a date, not a participant: a claim whose only
    /// capitalised words past the first are months names no one (its month a content word
    /// like any other), so two claims dated in different months are not "named apart".
    #[test]
    fn a_month_is_no_name() {
        let (claims, b) = two_claims(
            "A complaint from Sept. 30 said one elevator was out.",
            "A complaint filed in October by Smith said the elevator was out.",
        );
        let words = |c: &Claim| (c.names.len(), c.lower.len());
        assert_eq!(words(&claims[0]).0, 0, "{:?}", claims[0]);
        assert_eq!(words(&claims[b]).0, 1, "{:?}", claims[b]);
        assert!(is_month("Sept. 30"));
        assert!(is_month("December"));
        assert!(!is_month("Monday"));
        assert!(!is_month("May"));
        assert!(!is_month("Smith"));
    }

    /// Each stem of the predicate list stands in one class only, and a stem news mostly writes
    /// as something else ("bar", of "barred") is in none.
    #[test]
    fn predicate_stems_are_of_one_class() {
        let terms = chorus_text::Terms::default();
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        for (class, line) in class_lines().enumerate() {
            for word in line.split_whitespace() {
                let first = *seen.entry(terms.stem(word)).or_insert(class);
                assert_eq!(first, class, "{word:?} stems into two classes");
            }
        }
        assert_eq!(word_class("bar"), None);
        assert_eq!(word_class("banned"), word_class("prohibited"));
    }

    /// Whether the first sentences of two one-article texts differ in polarity or modality
    /// about something both say.
    fn flips(a: &str, b: &str) -> bool {
        let (claims, b) = two_claims(a, b);
        let (x, y) = (&claims[0], &claims[b]);
        flipped(x, y, |c| &c.negated)
            || flipped_on(x, y, &|c: &Claim| &c.modal[..], &|c: &Claim| {
                action(&c.modal)
            })
            || flipped(x, y, |c| &c.sought)
    }

    /// The main claim of a one-sentence text, as its words.
    fn main_of(text: &'static str) -> String {
        let core = claim_core(text);
        let m = main_clause(text, &core);
        chorus_text::words(text)
            .filter(|(o, _)| m.contains(*o))
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_main_claim_leaves_out_attribution_and_secondary_clauses() {
        assert_eq!(
            main_of("One patient died in the ambulance, while the other two remain in serious condition."),
            "One patient died in the ambulance"
        );
        assert_eq!(
            main_of(
                "After the storm passed, crews restored power to 3,000 homes, the utility said."
            ),
            "crews restored power to 3 000 homes"
        );
        assert_eq!(
            main_of("The bakery, which opened in 1990, closed its doors on Friday."),
            "The bakery closed its doors on Friday"
        );
        assert_eq!(
            main_of("Rescuers searched the river all night.The mayor thanked them on Friday."),
            "Rescuers searched the river all night"
        );
        assert_eq!(
            main_of("The 2-year-old who was shot inside an apartment in Madison has died."),
            "The 2 year old has died"
        );
        assert_eq!(
            main_of("Two men were arrested in connection with the shooting that occurred around 2:30 a.m. on Saturday."),
            "Two men were arrested in connection with the shooting"
        );
        // An irregular past after "that" is the relative clause's verb too.
        assert_eq!(
            main_of("Police are searching for the gunman in a shooting that left two women dead."),
            "Police are searching for the gunman in a shooting"
        );
        // "That" after a verb of saying or finding opens the claim (the attribution is left
        // out as ever).
        assert_eq!(
            main_of(
                "Officials confirmed that Limbaugh was being investigated by the state attorney."
            ),
            "Limbaugh was being investigated by the state attorney"
        );
        // A clause too short to be a claim is not ended early.
        assert_eq!(main_of("He left, but came back."), "He left but came back");
        // "While" inside a relative clause ends that clause, not the claim.
        assert_eq!(
            main_of("The Clinton man who allegedly shot a boy this week while at a park was arraigned on Wednesday."),
            "The Clinton man was arraigned on Wednesday"
        );
        // A semicolon before the next person of a list with ages ends no clause; before
        // another claim it does.
        assert_eq!(
            main_of("The coroner identified those killed as Tamara Perry, 14; Shamekia Sanders, 17; and Jerome Butler, 50."),
            "The coroner identified those killed as Tamara Perry 14 Shamekia Sanders 17 and Jerome Butler 50"
        );
        assert_eq!(
            main_of("One man was killed on Main Street; two others were hurt, 3 of them badly."),
            "One man was killed on Main Street"
        );
        // Characters whose lower case has another length (found by the property test).
        let _ = main_of("ﯓ(Ⱥ\u{1d17b}Ɫ\n0");
        assert_eq!(
            main_of("Ⱥndrea Ɫopez died in the crash, while two others were hurt."),
            "Ⱥndrea Ɫopez died in the crash"
        );
    }

    /// How much of the first text's main claim the second states.
    fn covered(fact: &str, support: &str) -> f32 {
        let (claims, b) = two_claims(fact, support);
        main_covered(&claims[b], &claims[0])
    }

    #[test]
    fn a_support_states_the_main_claim_not_a_secondary_part() {
        // More detail, or the claim in other words around the same names and figures: stated.
        let fact = "Four climbers were rescued from the north face of Mount Arlen on Tuesday.";
        assert!(covered(fact, "Rangers said four climbers stranded on the north face of Mount Arlen were rescued by helicopter on Tuesday.") >= 0.5);
        // The other half of a contrast: only a secondary part.
        let fact =
            "One patient died in the ambulance, while the other two remain in serious condition.";
        assert!(
            covered(
                fact,
                "Two patients remain in serious condition at Dunmore General."
            ) < 0.5
        );
        // The claim's figures weigh twice: the same count in other words is stated, a
        // sentence that shares the topic but not the figures is not.
        let fact = "Seven members of the board resigned on Monday.";
        assert!(covered(fact, "On Monday seven board members quit and resigned.") >= 0.5);
        assert!(covered(fact, "The board will meet again in June.") < 0.5);
        // One of several people named.
        let fact = "Ana Ruiz, Tomas Berg, Lena Koch and Omar Haddad were charged with fraud.";
        assert!(covered(fact, "Omar Haddad was charged.") < 0.5);
        // A day after its month says when: no figure the claim stands on.
        let fact = "Malvo goes on trial Nov. 10 in the death of Franklin.";
        assert!(
            covered(
                fact,
                "Malvo goes on trial next month in the death of Franklin."
            ) >= 0.5
        );
    }

    /// Whether the second text contradicts a count of the first's main claim.
    /// What `check` says of the first sentence of a one-article `support` against the first
    /// of a one-article `fact` (as `check(other, lead)`).
    fn of_support(check: fn(&Claim, &Claim) -> bool, fact: &str, support: &str) -> bool {
        let (claims, b) = two_claims(fact, support);
        check(&claims[b], &claims[0])
    }

    fn contradicted(fact: &str, support: &str) -> bool {
        of_support(count_contradicted, fact, support)
    }

    #[test]
    fn both_either_and_neither_count_a_whole_set_of_two() {
        // All of three is not all of two; the other way round, two of the three may be meant.
        assert!(contradicted(
            "No charges have been filed in any of the four robberies.",
            "No charges have been filed in either case."
        ));
        assert!(!contradicted(
            "No charges have been filed in either case.",
            "No charges have been filed in any of the four robberies."
        ));
        assert!(contradicted(
            "Three victims were taken to the hospital.",
            "Both victims were taken to the hospital."
        ));
        assert!(!contradicted(
            "Two victims were taken to the hospital.",
            "Both victims were taken to the hospital."
        ));
        // The pair "both ... and" and a pronoun's "both" count nothing.
        assert!(!contradicted(
            "Three officers were hurt.",
            "Both police and firefighters responded and three officers were hurt."
        ));
        assert!(!contradicted(
            "Three men were arrested.",
            "They both said three men were arrested."
        ));
    }

    #[test]
    fn a_support_that_gives_the_main_claim_another_count_contradicts_it() {
        assert!(contradicted(
            "Four members of the gang pleaded guilty on Thursday.",
            "Six members of the gang pleaded guilty this week."
        ));
        // The same thing counted again later in the other sentence does not hide it.
        assert!(contradicted(
            "Four members of the gang pleaded guilty in the shootings of four members of a family.",
            "Six members of the gang pleaded guilty in the shootings of four members of a family."
        ));
        assert!(contradicted(
            "A 4-year-old boy shot himself in the leg on Friday.",
            "A 3-year-old boy shot himself in a parking lot on Friday."
        ));
        // One figure of several, the same figure of other people, figures outside the claim's
        // own phrase, and amounts are no contradiction.
        assert!(!contradicted(
            "He was charged with two counts of murder and one count of robbery.",
            "He was charged with two counts of murder."
        ));
        assert!(!contradicted(
            "He was charged with two counts of murder.",
            "He was charged with two counts of murder and one count of robbery."
        ));
        // Another person's age first is no other count of the fact's people.
        assert!(!contradicted(
            "A 24-year-old man and a 20-year-old woman died at the hospital.",
            "A 27-year-old woman was shot to death and a 24-year-old man and a 20-year-old woman died later at a hospital."
        ));
        assert!(!contradicted(
            "Four men were wounded in a shooting on Thursday.",
            "Four people were wounded in a shooting a block from where five people were wounded in December."
        ));
        assert!(!contradicted(
            "Pinckney, 41, was elected to the House in 1996.",
            "Pinckney was elected to the House at 23 in 1996."
        ));
        assert!(!contradicted(
            "Shares closed at $20.05 on Monday.",
            "Shares closed at $20.10 on Monday."
        ));
    }

    #[test]
    fn a_count_is_of_its_head_noun_and_a_or_an_counts_one() {
        // The noun a figure counts is the head of the phrase after it; "a" counts one.
        assert!(contradicted(
            "Police recovered three semi-automatic handguns from the vehicle.",
            "A semi-automatic handgun was recovered from the scene, police said."
        ));
        assert!(contradicted(
            "Police recovered a semi-automatic handgun from the vehicle.",
            "Three semi-automatic handguns were recovered from the vehicle."
        ));
        assert!(contradicted(
            "The chief will meet the three unions separately on Monday.",
            "The chief will meet the other two unions separately on Monday."
        ));
        // Members of one group are not members of another.
        assert!(contradicted(
            "Six members of the Vice Lords street gang pleaded guilty in the shootings of four members of a family.",
            "Four members of the Vice Lords street gang pleaded guilty in the shootings of four members of a family."
        ));
        // A share, a rate, a length of time and the words after a figure with no noun are
        // no count of a noun.
        assert!(!contradicted(
            "A recent slide in prices compounded its fears.",
            "A 14 percent slide in prices compounded its fears."
        ));
        assert!(!contradicted(
            "Gagne pitched a perfect ninth for his 23rd save.",
            "Gagne struck out two in a perfect ninth inning for his 23rd save."
        ));
        assert!(!contradicted(
            "The company earned $1.20 a share in the quarter.",
            "The company earned $1.20 a share, or two shares' worth of dividends."
        ));
        assert!(!contradicted(
            "He was sentenced to a year in prison.",
            "He was sentenced to 12 months in prison."
        ));
        // A length of time and a count of the same noun are two things.
        assert!(!contradicted(
            "He served two terms in the Senate.",
            "He was elected to a two-year term in the Senate."
        ));
    }

    #[test]
    fn figures_of_one_thing_that_cannot_be_one_value_contradict() {
        // "Three dozen" is one figure.
        assert!(!contradicted(
            "At least 29 soldiers have been killed since May 1.",
            "Some three dozen soldiers have been killed since May 1."
        ));
        // Percentages, however written, as the values their rounding allows.
        assert!(contradicted(
            "Shares of the company rose 3.71 percent on Friday.",
            "Shares of the company rose 3 per cent on Friday."
        ));
        assert!(contradicted(
            "The company's shares dropped 5.8% to close at $36.14.",
            "The company's shares dropped 3.2 percent to close at $37.14."
        ));
        assert!(contradicted(
            "The index advanced 5.91 points, or 0.29 percent, on Friday.",
            "The index advanced 6 points, or 0.30 percent, on Friday."
        ));
        assert!(!contradicted(
            "Shares of the company climbed 4.4 percent on Friday.",
            "Shares of the company climbed 4 percent on Friday."
        ));
        assert!(!contradicted(
            "Those rating conditions as bad increased to 30.4% from 28.1% in June.",
            "Those rating conditions as bad increased to 30.4 per cent from 28.1 per cent."
        ));
        assert!(!contradicted(
            "The index rose by 1.4 percentage points from 51.5 percent in May to 52.9 percent.",
            "The index rose to 52.9 percent from 51.5 percent in May."
        ));
        // Lengths of time compare in one unit; one of two that differs is a contradiction.
        assert!(contradicted(
            "She is appealing a four-month sentence for protesting and a nine-month sentence for insulting an official.",
            "She is appealing a four-month sentence for protesting and a one-year sentence for insulting an official."
        ));
        assert!(contradicted(
            "He was sentenced to nine months in jail.",
            "He was sentenced to one year in jail."
        ));
        // One end of a range is not the range.
        assert!(contradicted(
            "Women need to get their implants replaced every eight to fifteen years.",
            "Silicone implants need to be replaced every eight years."
        ));
        assert!(contradicted(
            "Silicone implants need to be replaced every eight years.",
            "Women need to get their implants replaced every eight to fifteen years."
        ));
        // The fact's figure stated only of other things is not stated of its thing.
        assert!(contradicted(
            "The other two gunshot victims are Gary men.",
            "The other four victims, two men and two women, were wounded."
        ));
        // Both figures stated, each with other words, pair them otherwise: no contradiction.
        assert!(!contradicted(
            "Two men were killed and seven people were wounded in one of the worst mass shootings in decades.",
            "Two people were killed and seven others were hospitalized after a mass shooting early Tuesday."
        ));
    }

    #[test]
    fn figures_whose_hedges_or_units_meet_are_one_value() {
        assert!(!contradicted(
            "More than a dozen people were wounded in the attack.",
            "Thirteen people were wounded in the attack."
        ));
        assert!(!contradicted(
            "At least two people were killed in the crash.",
            "Three people were killed in the crash."
        ));
        assert!(!contradicted(
            "The city imposed a 72-hour curfew on Friday.",
            "The city imposed a three-day curfew on Friday."
        ));
        assert!(!contradicted(
            "He was sentenced to a 12-month term.",
            "He was sentenced to a one-year term."
        ));
        assert!(!contradicted(
            "Americans ages 18 to 34 live with their parents.",
            "Americans ages 18-34 live with their parents."
        ));
        assert!(!contradicted(
            "Nearly 30 people were evacuated from the building.",
            "About 25 people were evacuated from the building."
        ));
        assert!(!contradicted(
            "A dozen officers searched the area.",
            "Twelve officers searched the area."
        ));
        // An age is no length of time: "14-year-old" against "a year" is for the ages.
        assert!(!contradicted(
            "A 14-year-old boy was arrested.",
            "A boy was arrested a year after the shooting."
        ));
    }

    #[test]
    fn a_number_written_in_two_words_is_one_figure() {
        let (claims, b) = two_claims(
            "Fifty-seven senators, including 24 Republicans, have signed the letter.",
            "Of those who signed the letter, 57 are senators, including 24 Republicans.",
        );
        assert_eq!(claims[0].numbers, vec![24.0, 57.0]);
        assert!(!count_contradicted(&claims[b], &claims[0]));
        // A word alone, or joined to something that is not a unit, is read as it is.
        let (claims, _) = two_claims(
            "Twenty people and forty-odd cars were there.",
            "Many people and cars were there.",
        );
        assert_eq!(claims[0].numbers, vec![20.0, 40.0]);
    }

    #[test]
    fn a_support_about_another_person_states_another_claim() {
        let other = |fact, support| of_support(other_people, fact, support);
        assert!(other(
            "Deputies then heard a gunshot and went into the home where they found the father with a gunshot wound.",
            "After getting into the home, deputies found a 5-year-old girl suffering from a gunshot wound."
        ));
        // The father of the boy speaks of the father.
        assert!(other(
            "The 11-year-old was also charged days later as a juvenile with manslaughter.",
            "The father of the 11-year-old was in court facing charges for manslaughter."
        ));
        // Words that may describe one person, an age both give, or whose someone is: the
        // same people.
        assert!(!other(
            "Police said the father was found with a gunshot wound.",
            "Officers found a 41-year-old man with a gunshot wound."
        ));
        assert!(!other(
            "The gunman flirted with the 18-year-old girl behind the counter.",
            "Peterson flirted with Pizarro's 18 year-old daughter at the restaurant."
        ));
        assert!(!other(
            "Authorities say an 11-year-old girl has died after she was shot on Friday.",
            "Authorities said a 12-year-old boy shot and killed an 11-year-old last Friday."
        ));
        assert!(!other(
            "She said his eyes filled with tears when she told him to tell their daughter.",
            "Her husband's eyes filled with tears when she told him to tell Chelsea."
        ));
    }

    #[test]
    fn a_support_that_ages_someone_otherwise_contradicts_the_fact() {
        let aged = |fact, support| of_support(age_contradicted, fact, support);
        // One boy given two ages: a figure that disagrees (or another boy).
        assert!(aged(
            "A 12-year-old boy shot his 6-year-old brother to death and killed himself, a sheriff said.",
            "A 13-year-old boy shot his 6-year-old brother to death and then committed suicide."
        ));
        // An age both give, in other words ("the victim, 16" and "a 16-year-old boy"), or an
        // age only one gives: no disagreement.
        assert!(!aged(
            "The sheriff's office says the victim, 16, was shot by his 12-year-old brother.",
            "A 16-year-old boy died after he was accidentally shot by his 12-year-old brother."
        ));
        assert!(!aged(
            "Authorities say an 11-year-old girl has died after she was shot on Friday.",
            "Authorities said a 12-year-old boy shot and killed an 11-year-old last Friday."
        ));
        assert!(!aged(
            "A 12-year-old boy shot his brother to death, a sheriff said.",
            "The boy shot his brother to death and then committed suicide."
        ));
        // Ages that cannot be one person's (a child's and an adult's) are for other_people to
        // read, not a disagreement of one figure.
        assert!(!aged(
            "A 4-year-old boy was shot in the leg on Friday.",
            "A 35-year-old man was shot in the leg on Friday."
        ));
    }

    /// The verbs [`main_verbs`] finds in a one-sentence text, as words.
    fn verbs_of(text: &'static str) -> Vec<&'static str> {
        let m = main_clause(text, &claim_core(text));
        main_verbs(text, &m)
            .into_iter()
            .filter_map(|o| chorus_text::words(&text[o..]).next().map(|w| w.1))
            .collect()
    }

    #[test]
    fn the_main_verb_is_the_clauses_not_the_subjects_nor_the_sources() {
        // The auxiliary carries it, past adverbs and further auxiliaries.
        assert_eq!(
            verbs_of("Two men were fatally shot on Main Street."),
            ["shot"]
        );
        assert_eq!(
            verbs_of("The suspect has not been charged, police said."),
            ["charged"]
        );
        // A past form, with one joined by "and"; the source's verb is no claim.
        assert_eq!(
            verbs_of("Police believe Barry Moore shot and killed his ex-wife."),
            ["shot", "killed"]
        );
        // A participle describing the subject is not the clause's verb, nor is an adjective.
        assert_eq!(
            verbs_of("The man charged with killing two men has pleaded guilty."),
            ["pleaded"]
        );
        assert_eq!(
            verbs_of("A boy shot Sunday in the county did not suffer serious wounds."),
            ["suffer"]
        );
        assert_eq!(verbs_of("The wounded man chased the gunman."), ["chased"]);
        // A clause in the present tense or without a verb gives none.
        assert!(verbs_of("A message for the family of the victim.").is_empty());
    }

    #[test]
    fn a_support_whose_main_verb_states_another_claim_of_the_story_is_none() {
        let other = |fact, support| of_support(other_claim, fact, support);
        // One story, its names and figures shared, two things that happened.
        assert!(other(
            "Police believe 40-year-old Barry Moore shot and killed his ex-wife, 43-year-old Pamela Moore.",
            "Barry Moore, 40, chased Pamela Moore, 43, his ex-wife, to a home behind their residence."
        ));
        assert!(other(
            "The victims have been identified as Karl Roberts, 37, and Leon Hamm, 26, of Suffolk.",
            "Karl Roberts, 37, and Leon Hamm, 26, remain hospitalized but are expected to recover."
        ));
        // A verb of leaving states what it leaves.
        assert!(other(
            "Two separate hunting accidents on Sunday morning left two people injured.",
            "The sheriff's office investigated two separate hunting accidents on Sunday."
        ));
        assert!(!other(
            "The crash left two people dead on the highway.",
            "Two people were killed in the crash on the highway."
        ));
        assert!(other(
            "Arrest warrants were issued for two men wanted in connection with the shooting in Houma.",
            "Houma police are investigating the shooting, which left one man dead."
        ));
        // Verbs of one family state one claim: taken, transported.
        assert!(!other(
            "Two other shooting victims were taken to the hospital as well.",
            "Two other shooting victims were transported to the hospital by a private vehicle."
        ));
        // A family the other sentence names only in a noun ("the deaths", "counts of
        // murder") or a participle saying which person ("the man charged in") is no statement
        // of it: pleading guilty is not facing counts, an arrest in a shooting is not the
        // shooting.
        assert!(other(
            "The man charged in the deaths of three people has pleaded guilty to three counts of murder.",
            "The man is facing three counts of murder in the deaths of three people."
        ));
        assert!(other(
            "Police say two suspects have been arrested in the fatal shooting of a 6-year-old boy.",
            "A 6-year-old boy was fatally shot in a drive-by shooting at his home."
        ));
        assert!(other(
            "Three people died in the shooting.",
            "Smith had been charged with murder in the deaths of three people."
        ));
        // A family stated as a verb anywhere, joined by "and" or in a clause of its own,
        // refuses nothing.
        assert!(!other(
            "Carney was taken into custody and charged with manslaughter.",
            "He was charged with second-degree manslaughter."
        ));
        assert!(!other(
            "At least two people are dead after a shooting at an apartment complex.",
            "Police have arrested a man wanted in a shooting at an apartment complex that left two women dead."
        ));
        // A participle after "those" says which people ("those killed were identified as").
        assert!(!other(
            "Those killed in the fire were identified as Ann Lee, 40, and Tom Lee, 50.",
            "Authorities identified the dead as Ann Lee, 40, and Tom Lee, 50."
        ));
        // A sentence saying that something happened or took place states it by its noun.
        assert!(!other(
            "Five people were shot outside a restaurant on Perris Boulevard.",
            "The shooting took place around 1:50 a.m. on Perris Boulevard."
        ));
        // "Was reported at" a time or place says that it happened then: no transport.
        assert!(other(
            "Ann Lee was taken to Mercy Hospital on Friday night after being injured at a home on Main Street.",
            "The shooting was reported at 7:15 p.m. Friday at a home on Main Street."
        ));
        assert!(!other(
            "Five people were shot outside a restaurant on Perris Boulevard.",
            "The shooting was reported shortly before 2 a.m. on Perris Boulevard."
        ));
        // A main verb in no family tells nothing.
        assert!(!other(
            "The legal bills have been paid by the United Steelworkers union.",
            "The United Steelworkers union has been footing the legal bills."
        ));
    }

    #[test]
    fn a_support_naming_some_of_the_people_a_fact_lists_states_a_part() {
        let left_out = |fact, support| of_support(listed_figure_left_out, fact, support);
        let fact = "Walter Barfield, 23, of Cleveland, Brandon White, 31, of Warren and William Gonzalez, 32, of Garfield died in the shooting.";
        assert!(left_out(
            fact,
            "William Gonzalez, 32, and Brandon White, 31, were taken to the hospital, where they died."
        ));
        assert!(!left_out(
            fact,
            "Barfield, 23, White, 31, and Gonzalez, 32, were killed in the shooting."
        ));
        // Two people are no list, and a date or a count is no age.
        assert!(!left_out(
            "Helen Sharkey, 31, and Gene Foster, 44, pleaded guilty on Tuesday.",
            "Helen Sharkey, 31, pleaded guilty on Tuesday."
        ));
        assert!(!left_out(
            "Hoffa, 62, vanished on July 30, 1975, about 25 miles north of Detroit.",
            "Hoffa, 62, vanished on July 30, 1975, from a parking lot."
        ));
    }

    /// Whether the pair of the first sentences of two one-article texts is refused.
    fn refuses(a: &str, b: &str) -> bool {
        let (claims, b) = two_claims(a, b);
        refused(&claims[0], &claims[b])
    }

    #[test]
    fn a_claim_that_something_is_not_known_supports_none_that_states_it() {
        assert!(refuses(
            "All three victims are in good condition.",
            "Their conditions are not known."
        ));
        assert!(refuses(
            "The girl was taken to the children's hospital and is in critical condition.",
            "The child was taken to the children's hospital; her condition is unknown."
        ));
        // Both unknown, something else unknown, or "unknown" as a description: no refusal.
        assert!(!refuses(
            "A fourth victim was found a block away and was listed in serious condition.",
            "A fourth victim, whose condition was unavailable, was found a block away."
        ));
        assert!(!refuses(
            "Two men were shot outside the bar on Sunday.",
            "Two men were shot outside the bar on Sunday; the motive is unclear."
        ));
        assert!(!refuses(
            "The motive for the shooting remains unclear.",
            "Police said the motive for the shooting was not known."
        ));
        assert!(!refuses(
            "An unknown gunman opened fire on the crowd on Sunday.",
            "A gunman opened fire on the crowd on Sunday."
        ));
    }

    #[test]
    fn a_source_that_will_not_say_whether_states_nothing_of_it() {
        assert!(refuses(
            "He would not say if all the bodies were found in the same area of the house.",
            "The bodies of his daughter and her six children were found all over the property."
        ));
        assert!(refuses(
            "Police declined to confirm whether the suspect was arrested at the motel.",
            "The suspect was arrested at the motel on Sunday night."
        ));
        // Both leave it open, the other hedges in its own words, or a verb not denied ("to
        // determine if"): no refusal.
        assert!(!refuses(
            "Police would not say whether the suspect's gun was loaded.",
            "He was also unable to say whether the suspect's gun was loaded at the time."
        ));
        assert!(!refuses(
            "It is not possible to say whether the chemical poses a cancer risk to humans.",
            "He said it was not possible to rule out that the chemical was a cancer risk to humans."
        ));
        assert!(!refuses(
            "Detectives are visiting businesses to determine if security video exists.",
            "Detectives are visiting area businesses to determine if security video exists."
        ));
    }

    #[test]
    fn two_claims_that_something_is_not_known_are_one_only_of_one_thing() {
        assert!(refuses(
            "His condition was not immediately available.",
            "Their ages were not immediately available."
        ));
        assert!(!refuses(
            "The number of passengers aboard was not known on Monday.",
            "The exact number of passengers on the ferry was not known."
        ));
    }

    /// The probabilities of one pair as the summary (whole sentences) and as a shown fact's
    /// support (the main claims alone too) read it.
    fn both_readings(a: &str, b: &str) -> (f32, f32) {
        let articles = [art("A", a), art("B", b)];
        let refs: Vec<&chorus_model::CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let claims: Vec<Claim> = (0..units.units.len())
            .map(|u| Claim::of(&units, u))
            .collect();
        (
            probability(&units, &claims, 0, 1),
            support_probability(&units, &claims, 0, 1),
        )
    }

    #[test]
    fn a_support_reads_past_the_asides_each_report_adds() {
        let threshold = crate::AccountConfig::default().same_statement;
        // One claim, a scene set before it and a relative clause after it in one report only.
        let (whole, support) = both_readings(
            "When the storm reached the coast on Monday, the county council closed every school in Harlow, which upset many parents.",
            "The county council closed every school in Harlow.",
        );
        assert!(
            whole < threshold && support >= threshold,
            "{whole} {support}"
        );
        // The same scene before two other claims lifts nothing.
        let (_, support) = both_readings(
            "When the storm reached the coast on Monday, the county council closed every school in Harlow.",
            "When the storm reached the coast on Monday, fishermen pulled their boats onto the beach.",
        );
        assert!(support < threshold, "{support}");
    }

    #[test]
    fn a_rise_and_a_fall_are_two_claims() {
        assert!(refuses(
            "Gillette shares rose $1.45 to $33.95 in afternoon trading.",
            "Shares of Gillette closed down 45 cents at $33.70 in trading."
        ));
        // A claim that states both, and "down" that is no change of a figure, contradict
        // neither.
        assert!(!refuses(
            "Gillette shares rose $1.45 after the company's sales fell.",
            "Shares of Gillette rose $1.45 on Wednesday."
        ));
        assert!(!refuses(
            "Technology stocks make up 42 percent of the index, which fell on Friday.",
            "The index fell 49.95 points on Friday."
        ));
        assert!(!refuses(
            "The plant was shut down after prices rose.",
            "Prices rose and the plant closed."
        ));
    }

    #[test]
    fn a_death_and_an_injury_are_two_claims() {
        assert!(refuses(
            "The 2-year-old who was shot inside an apartment in Madison has died.",
            "A 2-year-old child was critically injured in a shooting inside a Madison apartment on Tuesday."
        ));
        assert!(refuses(
            "A mother is in critical condition after she was accidentally shot by her son.",
            "A mother who was accidentally shot by her son has died, the bureau said."
        ));
        // A claim that states both, or a death and its cause, contradicts neither.
        assert!(!refuses(
            "A gunman killed two people and wounded nine others in a movie theater.",
            "Two people were killed in the movie theater shooting."
        ));
        assert!(!refuses(
            "The man died of his injuries at the hospital on Sunday.",
            "The man was killed in the shooting on Sunday."
        ));
    }

    #[test]
    fn the_injured_half_of_a_death_and_an_injury_is_no_support_of_the_death() {
        let contradicted = |fact, support| of_support(outcome_contradicted, fact, support);
        let fact = "One victim died upon arrival at the hospital, while the other two remain in critical condition.";
        assert!(contradicted(
            fact,
            "Two additional victims remain in critical condition at Regional One."
        ));
        assert!(!contradicted(
            fact,
            "One victim died at the hospital and two others are in critical condition."
        ));
        // The other way round, the death is the claim's other half, not its main claim.
        assert!(!contradicted(
            "Two victims remain in critical condition at Regional One, the hospital said.",
            fact
        ));
    }

    #[test]
    fn a_death_by_its_verb_needs_a_support_that_speaks_of_a_death() {
        let unsaid = |fact, support| of_support(death_unsaid, fact, support);
        let fact = "The 2-year-old who was shot inside an apartment in Madison has died.";
        assert!(unsaid(
            fact,
            "A two-year-old boy was shot in the head Tuesday at a Madison apartment complex."
        ));
        assert!(!unsaid(
            fact,
            "A two-year-old boy who was shot at a Madison apartment died at the hospital."
        ));
        assert!(!unsaid(
            fact,
            "Police are investigating the boy's death at a Madison apartment complex."
        ));
        // A death told as what was found is the finding's claim.
        assert!(!unsaid(
            "Bryan Johnson, 24, was found dead in his home around 3:30 a.m.",
            "Bryan Johnson, 24, was found at about 3:30 a.m. by a resident of his home."
        ));
    }

    #[test]
    fn a_condition_graded_the_other_way_is_no_support() {
        let contradicted = |fact, support| of_support(severity_contradicted, fact, support);
        // All said to be mildly hurt, against one in critical condition.
        let fact = "All of the victims sustained non-life threatening injuries and are in stable condition.";
        assert!(contradicted(
            fact,
            "One person was in critical condition; the three others suffered injuries that were not life-threatening, police said."
        ));
        assert!(!contradicted(
            fact,
            "Police say none of the injuries are life-threatening."
        ));
        assert!(!contradicted(
            "Police tell WBTV all of the victims have non life-threatening injuries.",
            "None of the injuries were thought to be life-threatening."
        ));
        // One grade against the other.
        assert!(contradicted(
            "The man is in critical condition at the hospital.",
            "The man suffered non-life-threatening injuries, police said."
        ));
        assert!(!contradicted(
            "The man is in critical condition at the hospital.",
            "The man was critically injured, police said."
        ));
        // "Serious" of something else grades no one.
        assert!(!contradicted(
            "The man suffered minor injuries in the crash.",
            "The man faces serious charges after the crash."
        ));
    }

    #[test]
    fn two_quotes_without_names_or_figures_need_more_than_a_word_in_common() {
        let apart = |fact, support| of_support(unanchored, fact, support);
        assert!(apart(
            "\"And there's a lot of us,\" she said.",
            "It's a whole lot more simple than that."
        ));
        assert!(apart(
            "\"That's what I want to find out,\" he says.",
            "\"I can only try to find your father.\""
        ));
        // The same words quoted twice, two words in common, or a name or figure to tie the
        // claim to the story.
        assert!(!apart(
            "\"Everybody is just in shock,\" she said.",
            "\"Everybody is just in shock.\""
        ));
        assert!(!apart(
            "\"We are all in shock and grieving,\" she said.",
            "\"The whole town is grieving, in shock.\""
        ));
        assert!(!apart(
            "\"There's a lot of us in Ferguson,\" she said.",
            "It's a whole lot more simple than that."
        ));
        assert!(!apart(
            "\"There's 40 of us,\" she said.",
            "It's a whole lot more simple than that."
        ));
    }

    #[test]
    fn a_claim_that_is_a_condition_needs_a_support_that_grades_it() {
        let unsaid = |fact, support| of_support(severity_unsaid, fact, support);
        let fact = "Two other men, ages 26 and 36, were also in stable condition at the hospital.";
        assert!(unsaid(
            fact,
            "Two men, ages 26 and 36, showed up at the hospital with bullet wounds."
        ));
        assert!(!unsaid(
            fact,
            "Two men, ages 26 and 36, were listed in stable condition."
        ));
        // A grade before the verb says whom the claim is about; a grade beside a shooting
        // is a detail of it.
        assert!(!unsaid(
            "A fifth subject, also with non-life threatening gunshot wounds, was later located at a local hospital.",
            "A fifth person with a gunshot wound was found later at an area hospital."
        ));
        assert!(!unsaid(
            "A man was shot in the leg and is in stable condition.",
            "A man was shot in the leg on Sunday night."
        ));
    }

    #[test]
    fn a_negation_or_plan_flips_only_what_it_governs() {
        // What is denied, planned or searched for is what the other states as done.
        assert!(flips(
            "No arrests have been made in the shooting.",
            "Police arrested a man in the shooting."
        ));
        assert!(flips(
            "The council did not approve the budget on Monday.",
            "The council approved the budget on Monday."
        ));
        assert!(flips(
            "The man will be charged with murder on Monday.",
            "The man was charged with murder on Monday."
        ));
        assert!(flips(
            "Police are searching for Joseph Brown after the shooting.",
            "Police arrested Joseph Brown after the shooting."
        ));
        // "Seeking to" is a purpose, not a search.
        assert!(!flips(
            "Bondholders filed suit seeking to block the exchange offer.",
            "Bondholders filed suit to block the exchange offer."
        ));
        assert!(flips(
            "Police are expected to arrest a man after the shooting.",
            "Police arrested a man after the shooting."
        ));
        // A possibility of what the action bears on is often the same claim.
        assert!(!flips(
            "Prosecutors said Paracha, if convicted, could face at least 17 years in prison.",
            "Paracha faces at least 17 years in prison if convicted."
        ));
        // A negation in another clause, or of words the other does not say, is no flip.
        assert!(!flips(
            "When she refused their advances, one of the men threw a milkshake in her face.",
            "After the girl turned them down, one of the men threw a milkshake in her face."
        ));
        assert!(!flips(
            "The victims were taken to hospital with non-life threatening wounds.",
            "The victims were taken to hospital; their wounds were not life-threatening."
        ));
        // An alternative is no denial, and a thing stated both ways is not denied outright.
        assert!(!flips(
            "The state's attorney will decide whether or not to charge the father.",
            "The state's attorney will determine whether charges will be filed against the father."
        ));
        assert!(!flips(
            "Two boys suffered life-threatening injuries, and a man suffered non-life-threatening injuries.",
            "Two boys suffered life-threatening injuries."
        ));
        // A quotation right after the negation is what it denies.
        assert!(!flips(
            "The judge said the use of race was not \"narrowly tailored\" to the goal.",
            "The judge said the system was not narrowly tailored to the goal."
        ));
        // "Declined to" denies what follows it; a figure that declined denies nothing.
        assert!(!flips(
            "The family's lawyer declined to comment on the case.",
            "The family's lawyer said he had no comment on the case."
        ));
        assert!(flips(
            "The family's lawyer declined to comment on the case.",
            "The family's lawyer commented on the case."
        ));
        assert!(!flips(
            "The bishop declined, through a spokesman, to comment on the case.",
            "The bishop declined to comment on the case."
        ));
        // "Would not comment" is a refusal made, as "declined to" is, not a possibility.
        let modal = |text: &str| !two_claims(text, "The lawyer spoke.").0[0].modal.is_empty();
        assert!(!modal("The family's lawyer would not comment on the case."));
        assert!(!modal(
            "The sheriff wouldn't immediately say what led to the arrest."
        ));
        assert!(modal(
            "The family's lawyer would comment on the case later."
        ));
        assert!(modal("The sheriff would not seek charges in the case."));
        // An expectation or intention of an action is no statement of it.
        assert!(flips(
            "Police expect to arrest the driver on Monday.",
            "Police arrested the driver on Monday."
        ));
        assert!(flips(
            "The council intends to release the report.",
            "The council released the report."
        ));
        assert!(!flips(
            "Third-quarter revenue declined to $36.9 billion from $39.3 billion.",
            "Third-quarter revenue fell to $36.9 billion from $39.3 billion."
        ));
        assert!(!flips(
            "Shares of the company declined 3 percent on Friday.",
            "Shares of the company fell 3 percent on Friday."
        ));
        assert!(!flips(
            "Police did not release the name, but said the victim was 29.",
            "Police said the victim was 29."
        ));
        // Both deny, or both plan, in words of their own.
        assert!(!flips(
            "The documents established that Ghlam planned on attacking churches.",
            "Documents established that the man was planning an imminent attack on churches."
        ));
        assert!(!flips(
            "But none of them opposed the idea outright.",
            "But none of the ministers opposed the suggestion outright on Thursday."
        ));
        assert!(!flips(
            "The vaccine will not be approved for use for several years.",
            "The vaccine won't be approved for use for several years."
        ));
    }
}

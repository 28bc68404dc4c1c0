//! Differences: one quantity about the same thing reported with values that cannot both be
//! true. A figure is read with what it measures: a count of something ("12 people", "31
//! vessels"), a duration ("72-hour", "five-day", "nine hours", normalised to hours), an age
//! ("40-year-old viaduct", "Tomasz Reyne, 67,", "Oscar Garcia, aged 22,", "built 35 years
//! ago"), a time of day ("3:47 p.m.", "6 p.m.": a whole hour is rounded, to the half hour
//! either side), an amount of money ("£2.3m") or a share ("4.5%"); with its hedge as an
//! interval ("at least 12" is 12 or more,
//! "about 240" is 240 give or take 15%, "nearly 12" is a little under 12); and with the words
//! that say what it is about (the clause around it, news predicates by class, so "strike" and
//! "walkout" are one thing). Two figures from outlets that do not share wire text are versions
//! of one quantity when they measure the same kind in the same unit class, share a word of
//! what they are about, and belong to the same holder (a possessive before a figure, "his
//! 24-year rule" against "the family's 50 years", says whose it is); they differ when their
//! intervals do not meet. What happened to what is counted must agree where both say it
//! ("shot four people" is not "the fatal shooting of one person"), a toll that counts the
//! attackers is not one that does not, nor a toll of this story one an article published days
//! later gives higher (an update: "wounding seven others" / "nine others" the next day), nor a possibility ("would be 50% lower") a fact, nor a
//! figure of a clause dated otherwise ("in 2009", "last month") one of this story, nor an
//! amount, a length or a share added to another ("added $5,000 to the reward", "an
//! additional $2,500", "raised it by $5,000", "another 10 years") the whole, nor amounts two
//! givers give ("Police have posted a $10,000 reward" / "Crime Stoppers is offering a $5,000
//! reward", the subject of a verb of giving or its agent after "by") one; a tally of
//! several happenings ("in separate shootings", "in Monday shootings") is compared with
//! nothing, nor the time of a call about a happening with the time of the happening; a whole
//! number of decades of years is rounded ("his 40-year rule" meets "41-year"); a window of
//! time ("the next 40 years", "the first four days") is not the length of one thing; and a
//! person's age is compared only with the same person's: one name (the entity
//! stage's, or the same surname and a first name spelt alike, "Adeline" / "Adline") or one
//! relative of one holder ("his son"), or the one young child each of two articles gives an
//! age of ("an unharmed 4-year-old child" / "Powell's 3-year-old son", not a boy and a girl),
//! or the one unnamed woman (man, teen) each gives an age of, of whom both tell the same ("a
//! 19-year-old woman was shot in the leg" / "a 20-year-old woman was shot"), and not with an age older by the birthdays the time between the two articles allows;
//! a length or a time of day of sentences naming different people (their speakers aside) is
//! of two things ("Oliver was a 15-year veteran" / "Davis, an 18-year officer"); and an
//! article that itself gives two values of one count or time of day that cannot both be true
//! tells of two quantities (a part and the whole, before and after an update), not one; the
//! second count of a toll written without nouns ("left one dead and three injured") or of
//! people after a toll of some ("One person was killed and three people were injured") counts
//! others, as "three others injured" does, so such an article is read with both its counts.
//! Ranges ("between 6 and 8"), conversions in brackets ("(about $2 trillion)"), parts of a
//! whole ("four of five charges"), addresses ("the 2900 block of"), figures that describe a
//! thing ("a four-door car"), dates and years are not figures. Names differ too: a person's
//! spelt two ways (one person to the entity stage, or two whose full names differ by a slip of
//! the pen or a letter inside a long word, "Rolando" / "Ronaldo", "Brittany" / "Brittney"), any
//! full name the text writes so, by outlets that each write it one way (a place, an
//! organisation, a person the entity stage did not type: "Kendal" / "Kendall Pinkerton"; or
//! any word of the same first letter, where an outlet gives the name's initials in brackets:
//! "All Progressive Congress (APC)" / "All Possible Congress"), a
//! place's with and without a possessive ("St. Mary's Parish"), a street named with another
//! kind ("Partridge Drive" / "Partridge Lane").
//! Descriptions differ: one person's rank (read before a name of the entity stage or an
//! actor's in brackets: "Lt. Colonel Packard (Samuel L. Jackson)" / "a lieutenant (Samuel L.
//! Jackson)"; a shorter form of one rank, "Col." of "Lt. Col.", agrees), and one person's
//! field by age and noun ("the 24-year-old computer science student" / "the 24-year old
//! electronics student"; a level or a quality, "college", "bright", is no field), and a
//! film's makers, full names listed after "written by", "a script by", "directed by"; and
//! where one wound is, one part of the body on opposite sides ("the back of the head" / "the
//! front of his head"), unless a man's and a woman's or different people's; and how badly the
//! wounded are hurt, a whole count of them given one condition by one outlet and one of them,
//! described by age, the other by another whose article counts as many wounded, the same day
//! ("Four others were also shot and critically hurt" / "a 21-year-old man suffered
//! non-life-threatening injuries").
//! chorus shows every version and picks no winner.

use crate::candidate::is_month;
use crate::statement::{is_class, number_word_value, tens_and_units};
use crate::units::{join, root, TIME_UNITS};
use crate::Units;
use chorus_model::{Difference, Version};
use std::collections::BTreeMap;

/// Context words this close (in words) to a figure describe what it counts.
const WINDOW: usize = 5;
/// A context word shared by more than this fraction of the event's sentences (and by more
/// than three of them) says nothing about which figure it is.
const MAX_CONTEXT_DF: f32 = 0.12;
/// Words that open a new clause: context of a figure stops there.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "when", "after", "as", "because", "before", "whereas", "which", "who",
];
/// Nouns counted as one thing: "27 ships" and "31 vessels" count the same. Men and women
/// are counted apart from people: "two men" found dead may be two of "four people".
const COUNT_CLASSES: &[&[&str]] = &[
    &["people", "person", "persons", "residents", "individuals"],
    &["men", "males"],
    &["women", "females"],
    &["ships", "vessels", "boats"],
    &["homes", "houses", "buildings", "properties"],
    &["cars", "vehicles"],
];
/// Kilometres in each unit of length.
const DISTANCE_UNITS: &[(&str, f64)] = &[
    ("mile", 1.609_344),
    ("miles", 1.609_344),
    ("km", 1.0),
    ("kilometre", 1.0),
    ("kilometres", 1.0),
    ("kilometer", 1.0),
    ("kilometers", 1.0),
    ("metre", 0.001),
    ("metres", 0.001),
    ("meter", 0.001),
    ("meters", 0.001),
    ("feet", 0.000_304_8),
    ("foot", 0.000_304_8),
    ("yards", 0.000_914_4),
];
/// Words for a direction between a distance and the place it is measured from.
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "outside",
    "away",
];
/// Words between a place and the distance that says where it lies ("Charenton is located
/// about 45 miles").
const LIES: &[&str] = &[
    "is", "was", "are", "lies", "sits", "located", "situated", "just", "some", "roughly",
];

/// Nouns for people: "the 48-year-old man" and "the 78-year-old man" are two people unless a
/// name says they are one.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "son",
    "daughter",
    "teen",
    "teenager",
    "victim",
    "suspect",
    "driver",
    "mother",
    "father",
    "person",
    "student",
    "resident",
    "officer",
    "brother",
    "sister",
    "wife",
    "husband",
    "baby",
    "toddler",
    "friend",
    "neighbor",
    "neighbour",
    "gunman",
    "shooter",
    "worker",
    "teacher",
    "farmer",
    "patient",
];

/// Verbs in the past whose subject did something ("two women called 911").
const AGENT_VERBS: &[&str] = &[
    "told",
    "said",
    "ran",
    "fled",
    "took",
    "went",
    "drove",
    "saw",
    "made",
    "began",
    "called",
    "pulled",
    "opened",
    "approached",
    "walked",
];

/// Verbs in "-ed" whose subject it happened to ("12 people remained in hospital").
const PATIENT_VERBS: &[&str] = &["remained", "suffered", "needed", "required", "received"];

/// Words that report a figure rather than say what happened to what it counts.
const REPORTING: &[&str] = &["confirmed", "announced", "identified"];

/// Police looking into what happened ("police are investigating a shooting that left 16
/// people injured": the people were injured), as a verb; "investigators" may be the counted.
const INVESTIGATING: &[&str] = &["investigating", "investigate", "investigates"];

/// Those who carry out an attack, who a toll may or may not count.
const ATTACKERS: &[&str] = &[
    "gunman",
    "gunmen",
    "attacker",
    "attackers",
    "shooter",
    "shooters",
    "bomber",
    "bombers",
    "assailant",
    "assailants",
    "hijackers",
    "militants",
    "perpetrators",
    "suspect",
    "suspects",
];

/// Verbs that say when a thing was made: "built 35 years ago" is its age.
const MAKING: &[&str] = &[
    "built",
    "opened",
    "founded",
    "constructed",
    "erected",
    "completed",
    "established",
];

/// Words that make a clause a possibility, a plan or a condition, not what happened.
const MODAL: &[&str] = &[
    "will", "would", "could", "might", "should", "may", "if", "expected", "planned",
];

/// Words that say a time of day is of a call or report about a happening.
const CALLS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "reporting",
    "reported",
    "911",
    "dispatched",
];

/// Words that say a figure has been replaced by a later one.
const SUPERSEDED: &[&str] = &["initially", "originally", "previously"];

/// Relatives, each one person of the one they are related to ("his son"; not "his children").
const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "stepson",
    "stepdaughter",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiancée",
    "fiance",
    "fiancé",
];

/// Ordinals that count one more after a number ("and a fifth person").
const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// What a toll says happened to those it counts, written without a noun ("one dead and three
/// injured").
const TOLL: &[&str] = &["dead", "killed", "injured", "wounded", "hurt"];

/// Beginnings of the words that say a count is a toll of people killed or hurt.
const TOLL_STEMS: &[&str] = &[
    "kill", "dead", "die", "death", "fatal", "wound", "injur", "hurt", "shot", "shoot",
];

/// Possessive pronouns: "his 24-year rule" belongs to him.
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// What a figure measures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A count of things of one class (the class's first word, or the noun's stem).
    Count(String),
    /// A length of time, in hours.
    Duration,
    /// An age, in years.
    Age,
    /// An amount in one currency.
    Money(char),
    Percent,
    /// A time of day, in minutes after midnight.
    Time,
    /// A distance between two named places, in kilometres.
    Distance,
}

impl Kind {
    fn unit(&self) -> String {
        match self {
            Kind::Count(noun) => noun.clone(),
            Kind::Duration => "hours".into(),
            Kind::Age => "years of age".into(),
            Kind::Money(c) => c.to_string(),
            Kind::Percent => "%".into(),
            Kind::Time => "minutes after midnight".into(),
            Kind::Distance => "km".into(),
        }
    }
}

struct Figure {
    unit_index: usize,
    /// The value as read (in hours for a duration).
    value: f64,
    /// What the hedge allows.
    low: f64,
    high: f64,
    surface: String,
    kind: Kind,
    /// Term ids of what it is about (predicates by class), sorted.
    context: Vec<u32>,
    /// The words of `context` as written, in order.
    context_words: Vec<(u32, String)>,
    /// Whose it is, when a possessive stands before it.
    holder: Option<String>,
    /// The noun a compound figure qualifies ("72-hour strike": strike), by predicate class.
    head: Option<u32>,
    head_word: Option<String>,
    /// For an age: the name it is of ("Tomasz Reyne, 67," or "a 67-year-old Reyne"), and
    /// whether it is a thing's ("built 35 years ago").
    owner: Option<Owner>,
    thing: bool,
    /// The news predicates of its context (by class), but for reporting ones.
    predicates: Vec<u32>,
    /// The terms of its whole clause (predicates by class), sorted.
    clause: Vec<u32>,
    /// Whether it is a window of time the writer chose ("the next 40 years", "the last 30
    /// years", "the first four days"), not the length of one thing.
    window: bool,
    /// What kind of thing a count counts, when it says ("counts of criminal mischief"): stems.
    qualifier: Vec<String>,
    /// Whether its clause is a possibility, plan or condition ("would be 50% lower").
    modal: bool,
    /// Whether its sentence tallies several happenings ("in four separate shootings").
    tally: bool,
    /// Whether its clause says it was replaced ("initially evacuated 22 houses").
    superseded: bool,
    /// For a time of day: whether its clause is of a call or report about what happened
    /// ("received an emergency call reporting the collision at around 2:20 a.m."), not of
    /// the happening itself.
    of_call: bool,
    /// Whether a toll says it counts the attackers ("including the three gunmen").
    with_attackers: bool,
    /// The years its sentence names, and 0 for "last month" or "last year": a sentence
    /// about another time ("another gunman killed 13 people in 2009").
    era: Vec<u32>,
    /// For a distance: the two places it is between, as written, in order of their letters.
    ends: Option<[String; 2]>,
    /// For a count: the noun it counts, as written ("officers").
    counted: String,
    /// The places its sentence names by street ("the 600 block of 46th", "Ridge Road"):
    /// letters of each.
    addresses: Vec<String>,
    /// For an age: whether it is a young child's, the one young child its article gives an
    /// age of (`lone_children`).
    lone_child: bool,
    /// For an age: whether it is an unnamed adult's by a noun of one person ("a 19-year-old
    /// woman"), the one age its article gives of that noun (`lone_adults`).
    lone_adult: bool,
    /// For an amount: the words of who gives it ("Crime Stoppers is offering a $5,000
    /// reward": crime, stoppers), lower case; empty when its sentence does not say.
    giver: Vec<String>,
    /// For a count: whether it is a toll of people killed or hurt (it counts people, and its
    /// context says what happened to them).
    toll: bool,
}

/// The person an age is of: the name as written beside it, and the entity stage's canonical
/// name for it when it has one.
#[derive(Debug)]
struct Owner {
    /// The canonical name, or the name as written.
    name: String,
    /// Its words, lower case, initials left out.
    words: Vec<String>,
    canonical: Option<String>,
}

impl Owner {
    /// The run of capitalised words from token `i` on (`forward`) or up to it; `None` when
    /// there is none, or when it opens with a word for a person ("11-Year-Old Boy Shot", a
    /// headline's capitals).
    fn read(
        units: &Units,
        text: &str,
        words: &[(usize, &str)],
        i: usize,
        forward: bool,
        names: &BTreeMap<String, String>,
        surnames: &mut Surnames,
    ) -> Option<Owner> {
        let capital = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
        // Words of one name are apart by a space, a hyphen or an initial's period.
        let joined = |j: usize| {
            let gap = &text[words[j].0 + words[j].1.len()..words[j + 1].0];
            matches!(gap, " " | "-" | ". ")
        };
        if !capital(i) {
            return None;
        }
        let (mut first, mut last) = (i, i);
        if forward {
            while last + 1 < words.len() && capital(last + 1) && joined(last) {
                last += 1;
            }
        } else {
            while first > 0 && capital(first - 1) && joined(first - 1) {
                first -= 1;
            }
        }
        if lower_is(words[first].1, PERSON_NOUNS) {
            return None;
        }
        let written = &text[words[first].0..words[last].0 + words[last].1.len()];
        // A surname alone is one person only when the event gives it one first name ("Franco,
        // 68" and "Franco, 26" are a father and his daughter).
        let ambiguous = first == last
            && *surnames
                .entry(written.to_string())
                .or_insert_with(|| first_names(units, written).len())
                > 1;
        if ambiguous {
            return None;
        }
        let canonical = names
            .get(written)
            .or_else(|| names.get(words[last].1))
            .cloned();
        let name = canonical.as_deref().unwrap_or(written).to_string();
        let words = name
            .split([' ', '-'])
            .filter(|w| !w.is_empty() && !w.ends_with('.'))
            .map(str::to_lowercase)
            .collect();
        Some(Owner {
            name,
            words,
            canonical,
        })
    }

    /// One person: the same canonical name, or the same surname and, where both give one,
    /// the same first name ("Kevin Michael McQuilliams" / "McQuilliams" / "Kevin
    /// McQuilliams"; not "Rolando Pizarro" / "Rolando Jr.").
    fn same(&self, other: &Owner) -> bool {
        if let (Some(a), Some(b)) = (&self.canonical, &other.canonical) {
            if a == b {
                return true;
            }
        }
        let (a, b) = (&self.words, &other.words);
        match (a.first(), b.first(), a.last(), b.last()) {
            // Or the same first name and a surname spelt two ways ("Jamick Dakota Corely" /
            // "Jamick Dakota Corley").
            (Some(fa), Some(fb), Some(la), Some(lb)) => {
                la == lb && (a.len() == 1 || b.len() == 1 || fa == fb || one_spelling(fa, fb))
                    || a.len() > 1 && b.len() > 1 && fa == fb && one_spelling(la, lb)
            }
            _ => false,
        }
    }
}

/// Words before a name that are no first name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "officer",
    "deputy",
    "judge",
    "sheriff",
    "sergeant",
    "detective",
    "chief",
    "president",
    "senator",
    "governor",
    "mayor",
    "sen",
    "rep",
    "gov",
    "sgt",
    "lt",
    "capt",
    "det",
    "the",
    "a",
    "an",
];

/// The first names the event writes before `surname` ("Carlos Navarro Franco", "Marcela Dia
/// Franco": two).
fn first_names<'a>(units: &Units<'a>, surname: &str) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for unit in &units.units {
        for (at, _) in unit.text.match_indices(surname) {
            let after = unit.text[at + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let Some(before) = unit.text[..at].strip_suffix(' ') else {
                continue;
            };
            // The first word of the name, a middle name or initial aside ("Nicholas John
            // Lindsay" and "Nicholas Lindsay" are one first name).
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let run: Vec<&str> = before
                .rsplit(' ')
                .map(|w| w.trim_end_matches('.'))
                .take_while(|w| capital(w) && !lower_is(w, TITLES))
                .take(3)
                .collect();
            let Some(&word) = run.last() else {
                continue;
            };
            if word.chars().all(char::is_alphanumeric) && !seen.contains(&word) {
                seen.push(word);
            }
        }
    }
    seen
}

/// A word token: byte offset and text, hyphenated words split at their hyphens so
/// "five-day" reads as "five", "day".
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (off, w) in chorus_text::words(text) {
        let mut start = 0;
        for (i, c) in w.char_indices() {
            if c == '-' {
                if i > start {
                    out.push((off + start, &w[start..i]));
                }
                start = i + 1;
            }
        }
        if start < w.len() {
            out.push((off + start, &w[start..]));
        }
    }
    out
}

fn lower_is(w: &str, options: &[&str]) -> bool {
    options.iter().any(|o| w.eq_ignore_ascii_case(o))
}

/// The time of day an hour and what follows it give ("3:47 p.m.", ":30 am", " p.m." of a
/// whole hour, "6 p.m."): minutes after midnight and the length of what was read, or `None`
/// when it is no clock time.
fn time_of_day(hour: f64, after: &str) -> Option<(f64, usize)> {
    if !(0.0..24.0).contains(&hour) {
        return None;
    }
    // A whole hour is a time only with its a.m. or p.m. ("at 6 p.m.", not "6 people").
    let (minutes, mut len) = match after.strip_prefix(':') {
        Some(rest) => {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() != 2 {
                return None;
            }
            (digits.parse().ok()?, 1 + digits.len())
        }
        None if (1.0..=12.0).contains(&hour) => (0.0, 0),
        None => return None,
    };
    let rest = &after[len..];
    let trimmed = rest.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    let meridiem = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
        .iter()
        .find(|m| lower.starts_with(*m) && !lower[m.len()..].starts_with(char::is_alphabetic));
    let hour = match meridiem {
        Some(m) => {
            len += rest.len() - trimmed.len() + m.len();
            match (m.starts_with('p'), hour) {
                (true, h) if h < 12.0 => h + 12.0,
                (false, 12.0) => 0.0,
                (_, h) => h,
            }
        }
        None if hour > 12.0 && len > 0 => hour,
        None => return None,
    };
    Some((hour * 60.0 + minutes, len))
}

/// Whether token `i` starts a new clause (a clause word, or punctuation before it).
fn is_boundary(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let Some(&(off, w)) = words.get(i) else {
        return true;
    };
    if lower_is(w, CLAUSE_WORDS) {
        return true;
    }
    let prev_end = i
        .checked_sub(1)
        .map_or(0, |p| words[p].0 + words[p].1.len());
    text[prev_end..off].contains([',', ';', ':', '—', '–', '(', ')'])
}

/// Words that, after a comma, take up some of what a count counts: "More than 30 women have
/// come forward, some accusing Cosby of drugging them".
const SOME_OF: &[&str] = &["some", "many", "most", "several", "all", "both", "each"];

/// Where, in bytes, the words a count's own clause goes on to say of some of what it counts
/// lie: the participle clause after a comma and "some" (or "many of them", ...) that follows
/// the clause of the counted noun ending before token `from`; (0, 0) when there is none.
/// What they did is what the count is of, as in a relative clause ("40 women who accused").
fn said_of_some(text: &str, words: &[(usize, &str)], from: usize) -> (usize, usize) {
    let Some(at) = (from..words.len()).find(|&i| is_boundary(text, words, i)) else {
        return (0, 0);
    };
    let gap = |i: usize| &text[words[i - 1].0 + words[i - 1].1.len()..words[i].0];
    if at == 0 || at >= words.len() || gap(at).trim() != "," || !lower_is(words[at].1, SOME_OF) {
        return (0, 0);
    }
    let of_them = words.get(at + 1).is_some_and(|w| lower_is(w.1, &["of"]))
        && words
            .get(at + 2)
            .is_some_and(|w| lower_is(w.1, &["them", "whom"]));
    let verb = at + 1 + 2 * usize::from(of_them);
    if !words.get(verb).is_some_and(|w| w.1.ends_with("ing")) {
        return (0, 0);
    }
    let end = (verb + 1..=(verb + WINDOW).min(words.len()))
        .find(|&i| i == words.len() || is_boundary(text, words, i))
        .unwrap_or((verb + WINDOW).min(words.len()));
    (words[verb].0, words.get(end).map_or(text.len(), |w| w.0))
}

/// Whether the clause opening at token `start` is a second verb of the clause before it, and
/// that clause's modal holds for it too: "the deal, which would raise the debt ceiling and
/// cut around $1 trillion in spending" (an "and" or "or" with no comma before it, then a word
/// that is no pronoun or article, so no new subject).
fn shares_modal(text: &str, words: &[(usize, &str)], start: usize) -> bool {
    if start == 0 || !lower_is(words[start].1, &["and", "or"]) {
        return false;
    }
    let gap = &text[words[start - 1].0 + words[start - 1].1.len()..words[start].0];
    let verb = words.get(start + 1).map_or("", |w| w.1);
    let bare = verb.chars().next().is_some_and(char::is_lowercase)
        && !chorus_text::is_stopword(&verb.to_lowercase());
    if !gap.trim().is_empty() || !bare {
        return false;
    }
    let before = (0..start)
        .rev()
        .find(|&i| is_boundary(text, words, i))
        .unwrap_or(0);
    words[before..start].iter().any(|w| lower_is(w.1, MODAL))
}

/// Whether the words after a count say it is of several happenings: "in" and a plural of an
/// incident without an article or possessive ("wounded, including several children, in
/// Monday shootings on the North, West and South sides"; "in two shootings"), not "in the
/// shootings" of one attack.
fn several_incidents(after: &[(usize, &str)]) -> bool {
    let plural = |w: &str| {
        let w = w.to_lowercase();
        w.ends_with('s')
            && (lower_is(&w, INCIDENTS)
                || w.strip_suffix('s').is_some_and(|x| lower_is(x, INCIDENTS))
                || w.strip_suffix("es").is_some_and(|x| lower_is(x, INCIDENTS)))
    };
    after.iter().enumerate().any(|(i, w)| {
        lower_is(w.1, &["in"])
            && after[i + 1..(i + 4).min(after.len())]
                .iter()
                .take_while(|x| !lower_is(x.1, &["the", "these", "those", "this", "both"]))
                .take_while(|x| !lower_is(x.1, POSSESSIVES))
                .any(|x| plural(x.1))
    })
}

/// Words before an amount that make it one added to another: "an additional $5,000",
/// "another 10 years".
const ADDED: &[&str] = &["additional", "another", "extra", "further"];
/// Verbs of adding to an amount ("added $5,000 to the reward") and of raising it by one
/// ("raised the reward by $5,000").
const ADDING: &[&str] = &["add", "adds", "added", "adding"];
const RAISING: &[&str] = &[
    "raised",
    "raising",
    "increased",
    "increasing",
    "boosted",
    "boosting",
    "upped",
    "bumped",
];

/// Whether the figure of tokens `fi..=last` is an amount added to another, not a version
/// of it: "added $5,000 to the reward", "an additional $5,000", "raised the reward by
/// $5,000", "$5,000 more". A reader comparing it with the whole ("a $10,000 reward") would
/// be misled.
fn increment(words: &[(usize, &str)], fi: usize, last: usize) -> bool {
    let word_is = |i: usize, list: &[&str]| words.get(i).is_some_and(|w| lower_is(w.1, list));
    let prev = fi.checked_sub(1);
    let added_before = prev.is_some_and(|p| word_is(p, ADDED));
    let add_verb = (fi.saturating_sub(2)..fi).any(|i| word_is(i, ADDING));
    let raised_by = prev.is_some_and(|p| word_is(p, &["by"]))
        && (fi.saturating_sub(6)..fi).any(|i| word_is(i, RAISING));
    let scaled = word_is(last + 1, &["thousand", "million", "billion", "m", "bn"]);
    let more_at = last + 1 + usize::from(scaled);
    let more_after = word_is(more_at, &["more"]) && !word_is(more_at + 1, &["than"]);
    added_before || add_verb || raised_by || more_after
}

/// Verbs of giving an amount: who does it is the subject before them, or the agent after
/// "by" after them.
const GIVING: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "post",
    "posts",
    "posted",
    "posting",
    "pledge",
    "pledges",
    "pledged",
    "pledging",
    "donate",
    "donates",
    "donated",
    "donating",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "contribute",
    "contributes",
    "contributed",
    "contributing",
];

/// Who gives the amount of tokens `fi..=last`: the words of the subject of a verb of giving
/// just before it ("Police have posted a $10,000 reward": police), or of the agent after
/// "by" ("a $5,000 reward offered by Crime Stoppers"), but for words that say nothing of
/// who (stop words, verbs of saying). Two offerers' rewards may be two rewards.
fn giver(text: &str, words: &[(usize, &str)], fi: usize, last: usize) -> Vec<String> {
    let kept = |w: &&(usize, &str)| {
        let lower = w.1.to_lowercase();
        !chorus_text::is_stopword(&lower) && !lower_is(&lower, SAYING)
    };
    let lower = |w: &(usize, &str)| w.1.to_lowercase();
    // "put up $5,000" gives; "put the damage at $5 million" estimates.
    let gives = |i: usize| {
        lower_is(words[i].1, GIVING)
            || lower_is(words[i].1, &["put", "puts", "putting"])
                && words.get(i + 1).is_some_and(|w| lower_is(w.1, &["up"]))
    };
    if let Some(v) = (fi.saturating_sub(4)..fi).rev().find(|&i| gives(i)) {
        let start = (0..v)
            .rev()
            .find(|&i| is_boundary(text, words, i + 1) || lower_is(words[i].1, SAYING))
            .map_or(0, |i| i + 1);
        return words[start..v].iter().filter(kept).map(lower).collect();
    }
    let end = (last + 8).min(words.len());
    let Some(by) = (last + 1..end)
        .find(|&i| lower_is(words[i].1, &["by"]) && lower_is(words[i - 1].1, GIVING))
    else {
        return Vec::new();
    };
    let stop = (by + 1..words.len())
        .find(|&i| is_boundary(text, words, i))
        .unwrap_or(words.len())
        .min(by + 4);
    words[by + 1..stop].iter().filter(kept).map(lower).collect()
}

/// The interval a hedge before the figure allows.
fn hedge(before: &[&str], v: f64) -> (f64, f64) {
    let lower: Vec<String> = before.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    crate::units::hedged(&lower, v).unwrap_or((v, v))
}

/// The interval of a count's hedge: "more than 30 women" or "over 30" of a round figure (one
/// figure then zeros) is fewer than the next round figure, which a writer who knew of 40 would
/// have given; "more than 250", "more than a dozen" have no bound above. Only counts: a share
/// or an amount "fell by more than 40 percent" may be far more.
fn round_count(before: &[&str], v: f64) -> (f64, f64) {
    let (low, high) = hedge(before, v);
    // "at least 30" may be the exact figure and is left open.
    let over = before
        .last()
        .is_some_and(|w| lower_is(w, &["than", "over"]));
    let step = 10f64.powi(v.log10().floor() as i32);
    let round = v >= 10.0 && v.fract() == 0.0 && (v / step).fract() == 0.0;
    if over && high.is_infinite() && round {
        (low, v + step - 1.0)
    } else {
        (low, high)
    }
}

/// The interval of a length of time (in hours): a whole number of decades of years without a
/// hedge is rounded ("his 40-year rule" of a man who ruled 41 years) to the nearest ten, so it
/// meets the years four either side of it.
fn round_years(before: &[&str], hours: f64) -> (f64, f64) {
    let (low, high) = hedge(before, hours);
    let year = TIME_UNITS
        .iter()
        .find(|u| u.0 == "year")
        .map_or(8766.0, |u| u.1);
    let years = hours / year;
    let round = years >= 20.0 && years.fract() == 0.0 && years % 10.0 == 0.0;
    if round && low == hours && high == hours {
        (hours - 4.0 * year, hours + 4.0 * year)
    } else {
        (low, high)
    }
}

/// Where a figure's words start, its hedge included ("at least 12", "more than a dozen").
fn hedge_start(words: &[(usize, &str)], fi: usize, off: usize) -> usize {
    let hedges = [
        "at",
        "least",
        "more",
        "than",
        "nearly",
        "almost",
        "about",
        "around",
        "over",
        "up",
        "to",
        "fewer",
        "less",
        "under",
        "some",
        "approximately",
        "roughly",
        "estimated",
        "a",
        "an",
    ];
    let mut start = off;
    for i in (fi.saturating_sub(3)..fi).rev() {
        if !lower_is(words[i].1, &hedges) {
            break;
        }
        start = words[i].0;
    }
    // A lone article is no hedge.
    if words[..fi]
        .iter()
        .rev()
        .take_while(|w| w.0 >= start)
        .all(|w| lower_is(w.1, &["a", "an", "to"]))
    {
        return off;
    }
    start
}

/// The run of capitalised words (a name) that starts (`forward`) or ends at token `i`, as
/// written; `None` when token `i` is no capitalised word or the run is only a function word
/// ("The").
fn capital_run(text: &str, words: &[(usize, &str)], i: usize, forward: bool) -> Option<String> {
    let capital = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.1.chars().next().is_some_and(char::is_uppercase))
    };
    let joined = |j: usize| {
        let gap = &text[words[j].0 + words[j].1.len()..words[j + 1].0];
        matches!(gap, " " | "-" | ". " | "'s " | "’s ")
    };
    if !capital(i) {
        return None;
    }
    let (mut first, mut last) = (i, i);
    if forward {
        while capital(last + 1) && joined(last) {
            last += 1;
        }
    } else {
        while first > 0 && capital(first - 1) && joined(first - 1) {
            first -= 1;
        }
    }
    while first <= last && chorus_text::is_stopword(&words[first].1.to_lowercase()) {
        first += 1;
    }
    (first <= last).then(|| text[words[first].0..words[last].0 + words[last].1.len()].to_string())
}

/// The two places a distance is between, in the order of their letters: the one it is
/// measured from ("45 miles southeast of Lafayette", "40 miles from Charenton") and the one
/// that lies there, named just before it ("Lafayette, 40 miles ...", "Charenton is located
/// about 45 miles ..."). `None` unless both are names.
fn places_apart(
    text: &str,
    words: &[(usize, &str)],
    start: usize,
    unit_at: usize,
) -> Option<[String; 2]> {
    let mut j = unit_at + 1;
    let mut direction = false;
    while words.get(j).is_some_and(|w| lower_is(w.1, DIRECTIONS)) {
        direction = true;
        j += 1;
    }
    let link = words.get(j)?.1;
    if !(lower_is(link, &["from"]) || (direction && lower_is(link, &["of"]))) {
        return None;
    }
    let from = capital_run(text, words, j + 1, true)?;
    let first = words.iter().position(|w| w.0 >= start)?;
    let before = text[..start].trim_end();
    let there = if before.ends_with(',') {
        // "Lafayette, 40 miles northwest of Charenton".
        let i = first.checked_sub(1)?;
        capital_run(text, words, i, false)?
    } else {
        // "Charenton is located about 45 miles ...": a name, then only words of lying.
        let mut i = first.checked_sub(1)?;
        while lower_is(words[i].1, LIES) {
            i = i.checked_sub(1)?;
            let gap = &text[words[i].0 + words[i].1.len()..words[i + 1].0];
            if gap != " " {
                return None;
            }
        }
        capital_run(text, words, i, false)?
    };
    if letters(&there) == letters(&from) {
        return None;
    }
    let mut ends = [there, from];
    ends.sort_by_key(|n| letters(n));
    Some(ends)
}

/// The places a sentence names by street: "the 2900 block of Perris Boulevard" (the block
/// and the word after "of") and "Ridge Road", "Partridge Dr." (the name and the kind of
/// street), as letters.
fn addresses(words: &[(usize, &str)]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, &(_, w)) in words.iter().enumerate() {
        if lower_is(w, &["block"])
            && i >= 1
            && words.get(i + 1).is_some_and(|n| lower_is(n.1, &["of"]))
        {
            if let Some(street) = words.get(i + 2) {
                out.push(letters(&format!("{} {}", words[i - 1].1, street.1)));
            }
        }
        let street = STREET_KINDS.iter().position(|k| lower_is(w, k));
        let capital = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
        if let (Some(kind), true) = (street, i >= 1) {
            if capital(i) && (capital(i - 1) || words[i - 1].1.ends_with("th")) {
                out.push(letters(&format!(
                    "{} {}",
                    words[i - 1].1,
                    STREET_KINDS[kind][0]
                )));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Words that are plural without an "s".
const PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "feet",
    "teeth",
    "mice",
    "geese",
    "cattle",
    "personnel",
    "staff",
    "crew",
];

/// The noun a count counts, among the words right after the figure (token `at` on): the head
/// of the noun phrase, past adjectives and a possessive ("seven young men", "two grown
/// children", "two sheriff's deputies", "five family members"): of a plural count the last
/// plural-looking word of up to three lower-case content words, else the first.
fn count_noun(text: &str, words: &[(usize, &str)], at: usize, value: f64) -> Option<usize> {
    let content = |w: &str| {
        w.chars().count() > 1
            && w.chars().all(char::is_alphabetic)
            && w.chars().next().is_some_and(char::is_lowercase)
            && !chorus_text::is_stopword(&w.to_lowercase())
    };
    let plural = |w: &str| {
        let lower = w.to_lowercase();
        PLURALS.contains(&lower.as_str())
            || (lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us")
                && !lower.ends_with("is"))
    };
    let mut run = Vec::new();
    // "three other people": past "other" to what is counted.
    let other = words.get(at).is_some_and(|w| w.1 == "other")
        && words.get(at + 1).is_some_and(|w| content(w.1))
        && text[words[at].0 + 5..words[at + 1].0] == *" ";
    let mut i = at + usize::from(other);
    while let Some(&(off, w)) = words.get(i) {
        if run.len() == 3 || !content(w) {
            break;
        }
        run.push(i);
        let end = off + w.len();
        // A possessive ("sheriff's deputies") or a plain space or hyphen goes on to the head.
        let gap_end = words.get(i + 1).map_or(text.len(), |n| n.0);
        let gap = &text[end..gap_end];
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("’s"))
            .unwrap_or(gap);
        if !gap.chars().all(|c| c == ' ' || c == '-') {
            break;
        }
        i += 1;
    }
    let first = *run.first()?;
    if value == 1.0 {
        return Some(first);
    }
    Some(
        run.iter()
            .rev()
            .copied()
            .find(|&j| plural(words[j].1))
            .unwrap_or(first),
    )
}

/// Whether a term is uncommon enough in the event to say which thing a figure is about.
fn rare(units: &Units, t: u32) -> bool {
    let df = units.df.get(t as usize).copied().unwrap_or(0.0);
    df <= MAX_CONTEXT_DF || df * units.units.len() as f32 <= 3.0
}

/// What pairing reads of a whole sentence, once for all its figures.
struct SentenceTerms {
    /// Its terms, sorted (by predicate class).
    terms: Vec<u32>,
    /// Terms that another instance of the thing follows ("the last strike").
    earlier: Vec<u32>,
    /// Its uncommon words as written, with their terms, in order.
    words: Vec<(u32, String)>,
    /// The people it names (the entity stage's names) but for those it quotes ("Oliver was
    /// a 15-year law enforcement veteran": Oliver; not "…, Sheriff Bonner said"), sorted.
    people: Vec<String>,
}

/// Words that make the name beside them the one who says something, not one it is about.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// The people a sentence names, by the entity stage's name, but for its speakers.
fn people(text: &str, names: &BTreeMap<String, String>) -> Vec<String> {
    let words = tokens(text);
    let capital = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < words.len()
            && capital(last + 1)
            && matches!(
                &text[words[last].0 + words[last].1.len()..words[last + 1].0],
                " " | "-" | ". "
            )
        {
            last += 1;
        }
        let written = &text[words[i].0..words[last].0 + words[last].1.len()];
        let name = names.get(written).or_else(|| names.get(words[last].1));
        let near = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|w| lower_is(w.1, SAYING))
        };
        let speaker = near(last.checked_add(1))
            || near(i.checked_sub(1))
            || near(i.checked_sub(2)) && i >= 2 && lower_is(words[i - 1].1, &["to"]);
        if let (Some(name), false) = (name, speaker) {
            out.push(name.clone());
        }
        i = last + 1;
    }
    out.sort();
    out.dedup();
    out
}

fn sentence_terms(units: &Units, u: usize, names: &BTreeMap<String, String>) -> SentenceTerms {
    let unit = &units.units[u];
    let text = unit.text;
    let mut terms: Vec<u32> = unit
        .terms
        .iter()
        .map(|t| crate::statement::predicate(units, t.0))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    let mut earlier = Vec::new();
    let mut words: Vec<(u32, String)> = Vec::new();
    for &(t, o) in &unit.terms {
        let id = crate::statement::predicate(units, t);
        let last_word = text[..o]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if lower_is(
            last_word,
            &["last", "previous", "prior", "former", "earlier"],
        ) {
            earlier.push(id);
        }
        if rare(units, t) && !words.iter().any(|w| w.0 == id) {
            let word = chorus_text::words(&text[o..]).next().map_or("", |x| x.1);
            words.push((id, word.to_string()));
        }
    }
    SentenceTerms {
        terms,
        earlier,
        words,
        people: people(text, names),
    }
}

/// How many first names each surname is written after in the event, counted once per
/// surname (a reprinted story repeats its ages thousands of times).
type Surnames = rustc_hash::FxHashMap<String, usize>;

fn figures(
    units: &Units,
    u: usize,
    names: &BTreeMap<String, String>,
    surnames: &mut Surnames,
) -> Vec<Figure> {
    let unit = &units.units[u];
    let text = unit.text;
    let words = tokens(text);
    let mut out = Vec::new();
    // The times each word names: a year, or 0 for "last month" or "last year".
    let mut times: Vec<(usize, u32)> = Vec::new();
    for (i, &(off, w)) in words.iter().enumerate() {
        let year = w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && !text[off + 4..].starts_with('%');
        match w.parse::<u32>() {
            Ok(y) if year && (1900..2100).contains(&y) => times.push((i, y)),
            _ => {}
        }
        let relative = lower_is(w, &["last", "previous"])
            && words
                .get(i + 1)
                .is_some_and(|n| lower_is(n.1, &["year", "month", "week", "summer", "winter"]));
        if relative {
            times.push((i, 0));
        }
        // "in 18th-century Europe": another time.
        if lower_is(w, &["century"]) && i >= 1 {
            let n = words[i - 1]
                .1
                .trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if let Ok(n) = n.parse::<u32>() {
                times.push((i, 10_000 + n));
            }
        }
        // "Six months before that, a gunman killed 14 people": another time than the story's
        // (read only before the figure's clause, so "built 35 years earlier" stays an age).
        let shifted = lower_is(w, &["before", "earlier"])
            && (words
                .get(i + 1)
                .is_some_and(|n| lower_is(n.1, &["that", "then"]))
                || i >= 2
                    && TIME_UNITS
                        .iter()
                        .any(|(u, _)| lower_is(words[i - 1].1, &[u]))
                    && (words[i - 2].1.bytes().all(|b| b.is_ascii_digit())
                        || number_word_value(words[i - 2].1).is_some()));
        if shifted {
            times.push((i, 1));
        }
    }
    let addresses = addresses(&words);
    let mut k = 0;
    while k < words.len() {
        let fi = k;
        let (off, w) = words[k];
        let digits = w.bytes().all(|b| b.is_ascii_digit());
        let mut value = if digits {
            w.parse::<f64>().ok()
        } else {
            number_word_value(w)
        };
        let mut last = k;
        // "1,200" and "3.5" arrive as several tokens; "twenty-eight" as two number words.
        while let (Some(v), Some(&(noff, nw))) = (value, words.get(last + 1)) {
            let between = &text[words[last].0 + words[last].1.len()..noff];
            if digits && nw.bytes().all(|b| b.is_ascii_digit()) && between == "," && nw.len() == 3 {
                value = Some(v * 1000.0 + nw.parse::<f64>().unwrap_or(0.0));
            } else if digits && nw.bytes().all(|b| b.is_ascii_digit()) && between == "." {
                value = format!("{v}.{nw}").parse().ok();
            } else if !digits && between == "-" && (20.0..100.0).contains(&v) {
                match number_word_value(nw) {
                    Some(n) if n < 10.0 => value = Some(v + n),
                    _ => break,
                }
            } else {
                break;
            }
            last += 1;
        }
        let Some(mut value) = value else {
            k += 1;
            continue;
        };
        k = last + 1;
        let end = words[last].0 + words[last].1.len();
        let before_text = &text[..off];
        let prev_word = fi.checked_sub(1).map(|i| words[i].1);
        let next = words.get(last + 1).map(|w| w.1);
        let is_number =
            |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || number_word_value(w).is_some();
        // A time of day, "3:47 p.m.", in minutes after midnight, and where its words end.
        let time = digits
            .then(|| time_of_day(value, &text[end..]))
            .flatten()
            .map(|(minutes, len)| (minutes, end + len));
        // Dates are not quantities: "March 10", "2023"; nor are the parts of a time.
        let around = |s: &str| s.ends_with(':') || s.trim_end().ends_with('/');
        if time.is_none() && (around(before_text) || text[end..].starts_with([':', '/']))
            || around(before_text)
            || prev_word.is_some_and(is_month)
            || next.is_some_and(is_month)
            || (digits && (1900.0..2100.0).contains(&value) && !text[end..].starts_with('%'))
        {
            continue;
        }
        // A rate ("every ten minutes", "per day") is not an amount.
        let k_time = time.map(|t| t.1);
        if let Some(t_end) = k_time {
            // Go on after the whole time, not at its minutes.
            k = words
                .iter()
                .position(|w| w.0 >= t_end)
                .unwrap_or(words.len());
        }
        if prev_word.is_some_and(|p| lower_is(p, &["every", "each", "per"])) {
            continue;
        }
        // A range, or a conversion in brackets, is not one version of a quantity.
        let ranged = (next.is_some_and(|n| lower_is(n, &["to", "and", "or"]))
            && words.get(last + 2).is_some_and(|w| is_number(w.1)))
            || (text[end..].starts_with(['-', '–'])
                && words.get(last + 1).is_some_and(|w| is_number(w.1)))
            || prev_word.is_some_and(|p| lower_is(p, &["between", "from"]))
            || (prev_word.is_some_and(|p| lower_is(p, &["to", "and", "or"]))
                && fi.checked_sub(2).is_some_and(|i| is_number(words[i].1)))
            // "$300-$400 billion"
            || (before_text
                .trim_end_matches(['$', '£', '€'])
                .ends_with(['-', '–'])
                && prev_word.is_some_and(is_number));
        let bracketed = before_text
            .trim_end_matches([' ', '$', '£', '€'])
            .ends_with('(');
        if ranged || bracketed {
            continue;
        }
        let currency = before_text
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '£' | '€'));
        // Scale words after the number: "2.3m", "3 million", "$2 billion".
        let mut unit_at = last + 1;
        let mut unit_end = end;
        if let Some(&(soff, sw)) = words.get(unit_at) {
            let scale = match sw.to_ascii_lowercase().as_str() {
                "thousand" => Some(1e3),
                "m" | "million" | "mn" => Some(1e6),
                "bn" | "billion" => Some(1e9),
                "trillion" => Some(1e12),
                _ => None,
            };
            if let Some(scale) = scale {
                value *= scale;
                unit_at += 1;
                unit_end = soff + sw.len();
            }
        }
        // The two words before it, articles aside ("more than a dozen").
        let before: Vec<&str> = words[..fi]
            .iter()
            .rev()
            .map(|w| w.1)
            .filter(|w| !lower_is(w, &["a", "an"]))
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // What a figure counts or measures follows it directly: "Salah Ali, 77, grandfather of"
        // counts no grandfathers.
        let unit_word = words
            .get(unit_at)
            .filter(|w| text[unit_end..w.0].chars().all(|c| c == ' ' || c == '-'))
            .map(|w| w.1);
        let mut kind = None;
        let mut compound = text[end..].starts_with('-');
        let mut thing = false;
        let mut scale = 1.0;
        let mut qualifier: Vec<String> = Vec::new();
        let mut ends = None;
        let mut counted = String::new();
        let distance = unit_word.and_then(|w| {
            DISTANCE_UNITS
                .iter()
                .find(|(n, _)| w.eq_ignore_ascii_case(n))
                .map(|u| u.1)
        });
        if let (Some(km), None, None) = (distance, time, currency) {
            // "a 26-mile race" says what a thing is like.
            if compound || text[unit_end..].starts_with('-') {
                continue;
            }
            kind = Some(Kind::Distance);
            scale = km;
            let uw = words[unit_at];
            unit_end = uw.0 + uw.1.len();
            ends = places_apart(text, &words, hedge_start(&words, fi, off), unit_at);
        } else if let Some((minutes, time_end)) = time {
            // "Updated: Wednesday, October 28, 2015 10:01 PM EDT" is when a page changed.
            if words[..fi]
                .iter()
                .any(|w| lower_is(w.1, &["updated", "posted", "published", "modified"]))
            {
                continue;
            }
            kind = Some(Kind::Time);
            value = minutes;
            unit_end = time_end;
        } else if text[unit_end..].starts_with('%')
            || unit_word.is_some_and(|w| lower_is(w, &["percent"]))
        {
            kind = Some(Kind::Percent);
            unit_end = match unit_word.filter(|w| lower_is(w, &["percent"])) {
                Some(w) => words[unit_at].0 + w.len(),
                None => unit_end + 1,
            };
            // "the 10 percent sales tax": a rate that belongs to the noun after it.
            compound = words.iter().find(|w| w.0 >= unit_end).is_some_and(|w| {
                text[unit_end..w.0].chars().all(|c| c == ' ' || c == '-')
                    && w.1.chars().next().is_some_and(char::is_lowercase)
                    && !chorus_text::is_stopword(&w.1.to_lowercase())
            });
        } else if let Some(c) = currency {
            // "a $24.5-million operation" says what a thing is like.
            if compound || text[unit_end..].starts_with('-') {
                continue;
            }
            kind = Some(Kind::Money(c));
        } else if let Some(uw) = unit_word {
            let lower = uw.to_ascii_lowercase();
            if let Some(&(_, hours)) = TIME_UNITS.iter().find(|(n, _)| *n == lower) {
                let after = words.get(unit_at + 1).map(|w| w.1.to_ascii_lowercase());
                if after.as_deref() == Some("olds") {
                    // "two 29-year-olds": people of an age, counted.
                    continue;
                }
                if after.as_deref() == Some("old") {
                    // "an 11 year-old son": the age qualifies the noun after it.
                    compound |= text[words[unit_at].0 + uw.len()..].starts_with('-');
                    kind = Some(Kind::Age);
                    scale = hours / 8766.0;
                    unit_end = words[unit_at + 1].0 + 3;
                } else if after.as_deref() == Some("ago") {
                    // "built 35 years ago" is an age; "left Africa 100,000 years ago" is when
                    // something happened.
                    let made = words[fi.saturating_sub(4)..fi]
                        .iter()
                        .any(|w| lower_is(w.1, MAKING));
                    if !made {
                        continue;
                    }
                    thing = true;
                    kind = Some(Kind::Age);
                    scale = hours / 8766.0;
                    unit_end = words[unit_at + 1].0 + 3;
                } else {
                    // "four days after a shooting" is how far apart two things are; "for
                    // nearly 12 hours before a crew reached him" is still a length.
                    // "The standoff lasted more than three hours before he surrendered" too:
                    // a verb of lasting before the figure and its hedge.
                    let lasted = words[fi.saturating_sub(3)..fi]
                        .iter()
                        .any(|w| lower_is(w.1, &["for", "lasted", "lasting", "lasts"]));
                    let offset = words.get(unit_at + 1).is_some_and(|w| {
                        lower_is(w.1, &["after", "before", "later", "earlier", "apart"])
                    }) && !lasted;
                    if offset {
                        continue;
                    }
                    kind = Some(Kind::Duration);
                    scale = hours;
                    unit_end = words[unit_at].0 + uw.len();
                    // "1 hour, 30 minutes": one length in two units.
                    let mut j = unit_at + 1;
                    if words.get(j).is_some_and(|w| lower_is(w.1, &["and"])) {
                        j += 1;
                    }
                    if let (Some(&(noff, nw)), Some(&(soff, sw))) = (words.get(j), words.get(j + 1))
                    {
                        let smaller = TIME_UNITS
                            .iter()
                            .find(|(n, _)| sw.eq_ignore_ascii_case(n))
                            .map(|u| u.1)
                            .filter(|&h| h < hours);
                        let gap = text[unit_end..noff].trim();
                        let more = nw
                            .parse::<f64>()
                            .ok()
                            .filter(|_| nw.bytes().all(|b| b.is_ascii_digit()));
                        if let (Some(h), Some(n), true) =
                            (smaller, more, matches!(gap, "" | "," | "and" | ", and"))
                        {
                            value = value * hours + n * h;
                            scale = 1.0;
                            unit_end = soff + sw.len();
                            k = j + 2;
                        }
                    }
                }
            } else if let Some(noun_at) = count_noun(text, &words, unit_at, value) {
                // "the 2900 block of Perris Boulevard" is an address; "a four-door car", "a
                // 260-acre reservation" say what a thing is like, not how many there are;
                // "four of five charges" counts part of a whole.
                let (noff, noun) = words[noun_at];
                let partitive = prev_word.is_some_and(|p| lower_is(p, &["of"]))
                    && fi.checked_sub(2).is_some_and(|i| is_number(words[i].1));
                let address = lower_is(noun, &["block", "blocks"])
                    && words
                        .get(noun_at + 1)
                        .is_some_and(|w| lower_is(w.1, &["of"]));
                let nobody = !digits
                    && value == 1.0
                    && prev_word.is_some_and(|p| lower_is(p, &["no", "any", "some", "every"]));
                // "three additional officers" were hurt besides others counted elsewhere.
                let more = words[unit_at..noun_at]
                    .iter()
                    .any(|w| lower_is(w.1, &["additional", "further", "more"]))
                    // "the other two deputies": part of a whole.
                    || prev_word.is_some_and(|p| lower_is(p, &["other"]));
                // "seven men and six women", "three people in the legs and another in the
                // abdomen": parts of a sum.
                // "four people suffering gunshot wounds and a fifth person injured by flying
                // glass": one more, counted apart.
                let word_is =
                    |i: usize, list: &[&str]| words.get(i).is_some_and(|w| lower_is(w.1, list));
                let another = (noun_at + 1..(noun_at + 9).min(words.len())).any(|i| {
                    word_is(i, &["and"])
                        && (word_is(i + 1, &["another"])
                            || word_is(i + 1, &["a"]) && word_is(i + 2, ORDINALS))
                });
                // "left one dead and three injured": the second count of a toll counts others,
                // those besides the first, as "three others injured" does.
                let toll = |i: usize| word_is(i, TOLL);
                let second_of_toll = toll(noun_at)
                    && prev_word.is_some_and(|p| lower_is(p, &["and"]))
                    && fi >= 3
                    && toll(fi - 2)
                    && is_number(words[fi - 3].1);
                // "One person was killed and three people were injured": a count of people
                // after "and" that follows a toll of some counts others too.
                let others_after_toll = !second_of_toll
                    && prev_word.is_some_and(|p| lower_is(p, &["and"]))
                    && fi >= 3
                    && toll(fi - 2)
                    && lower_is(noun, &["people", "persons"])
                    && (fi.saturating_sub(6)..fi - 2).any(|i| is_number(words[i].1));
                let summed = !second_of_toll
                    && !others_after_toll
                    && (words
                        .get(noun_at + 1)
                        .is_some_and(|w| lower_is(w.1, &["and", "plus"]))
                        && words.get(noun_at + 2).is_some_and(|w| is_number(w.1))
                        || prev_word.is_some_and(|p| lower_is(p, &["and", "plus"]))
                            && fi.checked_sub(3).is_some_and(|i| is_number(words[i].1))
                        || another);
                if compound || partitive || address || nobody || summed || more {
                    continue;
                }
                // "eight counts of permitting a minor to possess alcohol": what kind of thing.
                if words
                    .get(noun_at + 1)
                    .is_some_and(|w| lower_is(w.1, &["of"]))
                {
                    let terms = chorus_text::Terms::default();
                    qualifier = words[noun_at + 2..(noun_at + 6).min(words.len())]
                        .iter()
                        .map(|w| w.1.to_lowercase())
                        .filter(|w| !chorus_text::is_stopword(w) && !w.is_empty())
                        .map(|w| terms.stem(&w))
                        .collect();
                }
                // "two women called 911", "three men pulled out guns": those who did something,
                // not those it happened to.
                let verb_at = match words.get(noun_at + 1) {
                    Some(w)
                        if lower_is(w.1, &["inside", "also", "then", "later", "who"])
                            || w.1.ends_with("ly") =>
                    {
                        noun_at + 2
                    }
                    // "three men with handguns opened fire": the verb after what they carried.
                    Some(w) if lower_is(w.1, &["with", "wearing", "carrying"]) => (noun_at + 2
                        ..(noun_at + 5).min(words.len()))
                        .find(|&j| {
                            let verb = words[j].1.to_lowercase();
                            verb.ends_with("ed") || AGENT_VERBS.contains(&verb.as_str())
                        })
                        .unwrap_or(noun_at + 1),
                    _ => noun_at + 1,
                };
                let acted = words.get(verb_at).is_some_and(|w| {
                    let verb = w.1.to_lowercase();
                    (verb.ends_with("ed") || AGENT_VERBS.contains(&verb.as_str()))
                        && !PATIENT_VERBS.contains(&verb.as_str())
                        && crate::statement::word_class(&verb).is_none()
                        && text[noff + noun.len()..w.0]
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == ' ')
                });
                // "one person was shot in the head, another in the back": one of several.
                let one_of = value == 1.0
                    && words[noun_at..]
                        .iter()
                        .any(|w| lower_is(w.1, &["another", "other", "others"]));
                // "five officers were involved in the shooting": those who took part, in
                // whatever part.
                let involved = words[noun_at + 1..(noun_at + 3).min(words.len())]
                    .iter()
                    .any(|w| lower_is(w.1, &["involved"]));
                if acted || one_of || involved {
                    continue;
                }
                let mut lower = if second_of_toll || others_after_toll {
                    "others".to_string()
                } else {
                    noun.to_lowercase()
                };
                // "eight other people wounded" counts what "eight others" counts: those
                // besides the one a sentence has named ("four other incidents" are
                // incidents).
                let people = ["people", "persons", "men", "women", "children"];
                let person = lower_is(noun, &people)
                    || noun
                        .strip_suffix('s')
                        .is_some_and(|one| lower_is(one, PERSON_NOUNS));
                if person
                    && words
                        .get(unit_at)
                        .is_some_and(|w| w.1 == "other" && noun_at > unit_at)
                {
                    lower = "others".into();
                }
                // "Five men and women" are people.
                if lower_is(&lower, &["men", "women"])
                    && words
                        .get(noun_at + 1)
                        .is_some_and(|w| lower_is(w.1, &["and", "or"]))
                    && words
                        .get(noun_at + 2)
                        .is_some_and(|w| lower_is(w.1, &["men", "women"]))
                {
                    lower = "people".into();
                }
                let class = COUNT_CLASSES
                    .iter()
                    .find(|c| c.contains(&lower.as_str()))
                    .map_or_else(
                        || chorus_text::Terms::default().stem(&lower),
                        |c| c[0].to_string(),
                    );
                kind = Some(Kind::Count(class));
                counted = lower.clone();
                // What happened to them is no noun: it stays in the context, as "injured" in
                // "three others injured".
                if !second_of_toll {
                    unit_end = noff + noun.len();
                }
            }
        }
        // "Tomasz Reyne, 67, was stranded": an age between commas after a name; in a list
        // the last comma may be an "and" before the next name ("Lindsay, 24 and Duncan, 23"),
        // a semicolon ("Cutrez Johnson, 16; Oshlushla Smith, 20; and Kamontay Cullins, 19."),
        // the sentence's end, or nothing before the verb or the home town that follows a
        // person's age ("Calvin Williams, 24 was shot in the chest", "Smith, 30 of Neenah").
        // "Oscar Garcia, aged 22," is one too: `name_at` is the name's last word.
        let aged = prev_word.is_some_and(|p| lower_is(p, &["aged"]));
        let name_at = if aged {
            fi.checked_sub(2)
        } else {
            fi.checked_sub(1)
        };
        let after_name = name_at.map_or("", |i| &text[..words[i + 1].0]);
        let next_name = || {
            text[end..].starts_with(" and ")
                && next.is_some_and(|n| lower_is(n, &["and"]))
                && words
                    .get(last + 2)
                    .is_some_and(|w| w.1.chars().next().is_some_and(char::is_uppercase))
        };
        if kind.is_none()
            && digits
            && after_name.trim_end().ends_with(',')
            && (text[end..].trim_start().starts_with([',', ';'])
                || text[end..].trim() == "."
                || text[end..].starts_with(' ')
                    && next.is_some_and(|n| lower_is(n, &["was", "is", "of", "from"]))
                || next_name())
            && name_at.is_some_and(|i| words[i].1.chars().next().is_some_and(char::is_uppercase))
            && (1.0..=110.0).contains(&value)
        {
            kind = Some(Kind::Age);
        }
        let Some(kind) = kind else {
            continue;
        };
        // What was added to an amount or a length is not a version of it.
        if matches!(kind, Kind::Money(_) | Kind::Duration | Kind::Percent)
            && increment(&words, fi, last)
        {
            continue;
        }
        // "a 72-hour strike", "the 40-year-old viaduct": the noun after a hyphenated figure.
        let head_at = words.iter().position(|w| w.0 >= unit_end);
        let head_word = head_at
            .filter(|_| compound && matches!(kind, Kind::Duration | Kind::Age | Kind::Percent))
            .and_then(|i| {
                let (hoff, hw) = words[i];
                let lower = hw.chars().next().is_some_and(char::is_lowercase);
                if !lower || chorus_text::is_stopword(&hw.to_lowercase()) {
                    return None;
                }
                unit.terms
                    .iter()
                    .find(|t| t.1 == hoff)
                    .map(|t| (crate::statement::predicate(units, t.0), hw.to_string()))
            });
        let head = head_word.as_ref().map(|h| h.0);
        // Whose age: the name before "Name, 67," or right after "67-year-old".
        let owner = match kind {
            // Not "Scarsella, 27-year-old Joseph Backman": a list, the age is of the name after.
            Kind::Age
                if !compound
                    && head_at.is_none_or(|i| i > fi)
                    && after_name.trim_end().ends_with(',') =>
            {
                name_at.and_then(|i| Owner::read(units, text, &words, i, false, names, surnames))
            }
            Kind::Age => {
                head_at.and_then(|i| Owner::read(units, text, &words, i, true, names, surnames))
            }
            _ => None,
        };
        let head_text = head_word.as_ref().map(|h| h.1.clone());
        let value = value * scale;
        let (low, high) = if kind == Kind::Time {
            // "about 3:30" is a quarter of an hour either way, not a share of the clock.
            let (l, h) = hedge(&before, 100.0);
            let widen = |d: f64| {
                if (d.abs() - 10.0).abs() < 1e-6 {
                    d * 1.5
                } else {
                    d
                }
            };
            let (low, high) = (value + widen(l - 100.0), value + widen(h - 100.0).min(30.0));
            // A whole hour ("around 2 p.m.", "at 6 p.m.") is rounded as a writer rounds it, to
            // the half hour either side ("around 2:15 p.m." is no other time).
            if text[end..].starts_with(':') {
                (low, high)
            } else {
                (low.min(value - 30.0), high.max(value + 30.0))
            }
        } else if matches!(kind, Kind::Count(_)) {
            round_count(&before, value)
        } else if kind == Kind::Duration {
            round_years(&before, value)
        } else {
            hedge(&before, value)
        };
        let holder = before.last().and_then(|w| {
            let possessive = text[..off].trim_end().ends_with("'s")
                || text[..off].trim_end().ends_with("’s")
                || lower_is(w, POSSESSIVES);
            possessive.then(|| w.to_ascii_lowercase())
        });
        // Context: WINDOW words either side within the figure's clause; for an age, the
        // name or noun it belongs to (next to it) is the context.
        let clause_start = (fi.saturating_sub(WINDOW)..fi)
            .rev()
            .find(|&i| is_boundary(text, &words, i + 1))
            .map_or(fi.saturating_sub(WINDOW), |i| i + 1);
        let last_unit = words
            .iter()
            .position(|w| w.0 >= unit_end)
            .unwrap_or(words.len());
        // "40 women who have accused him": a relative clause right after what is counted
        // says what they did, and is the count's clause too.
        let relative = matches!(kind, Kind::Count(_))
            && words.get(last_unit).is_some_and(|w| {
                lower_is(w.1, &["who", "which"]) && text[unit_end..w.0].trim().is_empty()
            });
        let last_unit = last_unit + usize::from(relative);
        let clause_end = (last_unit..=(last_unit + WINDOW).min(words.len()))
            .find(|&i| i == words.len() || is_boundary(text, &words, i))
            .unwrap_or((last_unit + WINDOW).min(words.len()));
        // "The viaduct, built 35 years ago,": the clause names what the age is of before it.
        let mut clause_start = clause_start;
        if words
            .get(clause_start)
            .is_some_and(|w| lower_is(w.1, MAKING))
        {
            clause_start = (clause_start.saturating_sub(WINDOW)..clause_start)
                .rev()
                .find(|&i| i == 0 || is_boundary(text, &words, i))
                .unwrap_or(clause_start.saturating_sub(WINDOW));
        }
        let lo = words[clause_start].0;
        let hi = words.get(clause_end).map_or(text.len(), |w| w.0);
        let (plo, phi) = match kind {
            Kind::Count(_) => said_of_some(text, &words, last_unit),
            _ => (0, 0),
        };
        let mut context_words: Vec<(u32, String)> = unit
            .terms
            .iter()
            .filter(|&&(_, o)| {
                (o >= lo && o < hi || o >= plo && o < phi) && !(o >= off && o < unit_end)
            })
            // News predicates ("injured", "evacuated") say what is counted however common.
            .filter(|&&(t, _)| rare(units, t) || crate::statement::predicate(units, t) != t)
            .map(|&(t, o)| {
                let word = chorus_text::words(&text[o..]).next().map_or("", |x| x.1);
                (crate::statement::predicate(units, t), word.to_string())
            })
            .filter(|(_, w)| {
                !lower_is(
                    w,
                    &[
                        "least", "more", "than", "nearly", "about", "around", "almost",
                    ],
                )
            })
            .collect();
        context_words.extend(head_word);
        context_words.dedup_by_key(|c| c.0);
        let mut context: Vec<u32> = context_words.iter().map(|c| c.0).collect();
        context.sort_unstable();
        context.dedup();
        // What happened to what is counted: the news predicates of its context, but for
        // words that report it ("confirmed") and the "left" of "left five people wounded".
        let reporting: Vec<u32> = REPORTING
            .iter()
            .filter_map(|w| crate::statement::word_class(w))
            .collect();
        let mut predicates: Vec<u32> = context_words
            .iter()
            .filter(|(t, w)| {
                is_class(*t)
                    && !reporting.contains(t)
                    && !lower_is(w, &["left"])
                    && !lower_is(w, INVESTIGATING)
            })
            .map(|c| c.0)
            .collect();
        predicates.sort_unstable();
        predicates.dedup();
        // The figure's whole clause, however long.
        let whole_start = (0..fi)
            .rev()
            .find(|&i| is_boundary(text, &words, i + 1))
            .map_or(0, |i| i + 1);
        let whole_end = (last_unit..=words.len())
            .find(|&i| i == words.len() || is_boundary(text, &words, i))
            .unwrap_or(words.len());
        // "Running time: 91 MIN.": a label before a colon says what the figure is.
        let labelled = whole_start > 0
            && text
                [words[whole_start - 1].0 + words[whole_start - 1].1.len()..words[whole_start].0]
                .contains(':');
        let label_start = if labelled {
            (0..whole_start - 1)
                .rev()
                .find(|&i| is_boundary(text, &words, i + 1))
                .map_or(0, |i| i + 1)
        } else {
            whole_start
        };
        let (clo, chi) = (
            words[label_start].0,
            words.get(whole_end).map_or(text.len(), |w| w.0),
        );
        let mut clause: Vec<u32> = unit
            .terms
            .iter()
            .filter(|&&(_, o)| {
                (o >= clo && o < chi || o >= plo && o < phi) && !(o >= off && o < unit_end)
            })
            .map(|&(t, _)| crate::statement::predicate(units, t))
            .collect();
        clause.extend(head);
        clause.sort_unstable();
        clause.dedup();
        // "the next 40 years", "the last 30 years", "the first four days": windows of time a
        // writer chose, not the length of one thing.
        let window = words[..fi]
            .iter()
            .rev()
            .map(|w| w.1)
            .find(|w| !lower_is(w, &["the", "a", "an"]) && hedge(&[w], 1.0) == (1.0, 1.0))
            .is_some_and(|w| {
                lower_is(
                    w,
                    &[
                        "next",
                        "coming",
                        "following",
                        "last",
                        "past",
                        "previous",
                        "recent",
                        "preceding",
                        "first",
                        "initial",
                        "opening",
                    ],
                )
            });
        // "left 20 people dead, including the three gunmen": a toll that counts the attackers
        // is another quantity than one that does not.
        let after: Vec<&str> = words[last_unit..(last_unit + 8).min(words.len())]
            .iter()
            .map(|w| w.1)
            .collect();
        let with_attackers = after.iter().enumerate().any(|(i, w)| {
            lower_is(w, &["including", "counting"])
                && after[i + 1..(i + 4).min(after.len())]
                    .iter()
                    .any(|w| lower_is(w, ATTACKERS))
                // "killed three people and himself"
                || lower_is(w, &["and"])
                    && after[i + 1..(i + 3).min(after.len())]
                        .iter()
                        .any(|w| lower_is(w, &["himself", "herself", "themselves"]))
        });
        let in_clause = |list: &[&str]| {
            words[whole_start..whole_end]
                .iter()
                .any(|w| lower_is(w.1, list) || w.1.ends_with("'d") || w.1.ends_with("’d"))
        };
        let modal = in_clause(MODAL) || shares_modal(text, &words, whole_start);
        let of_call = kind == Kind::Time && in_clause(CALLS);
        // "in four separate shootings", "across the city", "over the weekend", "shot in four
        // hours": a tally of several happenings, not a count of one; but for the one its
        // clause singles out ("..., including one shooting in which nine people were shot").
        let lower_text = text.to_lowercase();
        let window_after = words[last_unit..whole_end].windows(3).any(|w| {
            lower_is(w[0].1, &["in", "within"])
                && (is_number(w[1].1) || lower_is(w[1].1, &["a"]))
                && TIME_UNITS
                    .iter()
                    .any(|(u, h)| *h >= 1.0 && lower_is(w[2].1, &[u]))
        });
        let singled_out = words[whole_start.saturating_sub(3)..=whole_start]
            .iter()
            .any(|w| lower_is(w.1, &["including", "which"]));
        let tallies = [
            "separate",
            // "across the city", "across Syria", "a storm sweeping across the Midwest".
            "across ",
            "citywide",
            "over the weekend",
            "spate of",
            "string of",
            "series of",
            "pair of shootings",
            "two shootings",
        ];
        let own_clause = text
            [words[whole_start].0..words.get(whole_end).map_or(text.len(), |w| w.0)]
            .to_lowercase();
        let tally = matches!(kind, Kind::Count(_))
            && (window_after
                || several_incidents(&words[last_unit.min(words.len())..])
                || tallies.iter().any(|p| own_clause.contains(p))
                || !singled_out && tallies.iter().any(|p| lower_text.contains(p)));
        // The times its clause names, and those the sentence names before it ("Last month, a
        // gunman killed three people"; "in 2003, a 40-year-old ...").
        let mut era: Vec<u32> = times
            .iter()
            .filter(|&&(i, t)| {
                if t == 1 {
                    i < whole_start
                } else {
                    i < whole_end
                }
            })
            .map(|t| t.1)
            .collect();
        era.sort_unstable();
        era.dedup();
        // Its clause says so, or the word opens the sentence ("Initially, officials
        // evacuated 22 houses").
        let superseded = words[whole_start..whole_end]
            .iter()
            .chain(words.first())
            .any(|w| lower_is(w.1, SUPERSEDED));
        let giver = match kind {
            Kind::Money(_) => giver(text, &words, fi, last),
            _ => Vec::new(),
        };
        // A toll counts people ("shot three times" counts wounds).
        let of_people = lower_is(
            &counted,
            &[
                "people",
                "persons",
                "person",
                "others",
                "men",
                "women",
                "children",
                "individuals",
                "victims",
            ],
        ) || counted
            .strip_suffix('s')
            .is_some_and(|one| lower_is(one, PERSON_NOUNS));
        let toll = matches!(kind, Kind::Count(_))
            && of_people
            && context_words.iter().any(|(_, w)| {
                let w = w.to_lowercase();
                TOLL_STEMS.iter().any(|s| w.starts_with(s))
            });
        out.push(Figure {
            unit_index: u,
            value,
            low,
            high,
            surface: text[hedge_start(&words, fi, off)..unit_end.min(text.len())].to_string(),
            kind,
            context,
            context_words,
            holder,
            head,
            head_word: head_text,
            owner,
            thing,
            predicates,
            clause,
            window,
            qualifier,
            modal,
            tally,
            superseded,
            of_call,
            with_attackers,
            era,
            ends,
            counted,
            addresses: addresses.clone(),
            lone_child: false,
            lone_adult: false,
            giver,
            toll,
        });
    }
    out
}

/// Whether two tolls of this story (no other time named) are one toll at two times, not two
/// versions of it: a toll an article published days later gives higher ("wounding seven
/// others" on the night / "nine others" the next day), as those counted grow when the
/// wounded die and more are found.
fn one_toll_updated(units: &Units, a: &Figure, b: &Figure) -> bool {
    if !a.toll || !b.toll || !a.era.is_empty() || !b.era.is_empty() {
        return false;
    }
    match (published_day(units, a), published_day(units, b)) {
        (Some(da), Some(db)) if da != db => {
            let (first, later) = if da < db { (a, b) } else { (b, a) };
            later.low > first.high
        }
        _ => false,
    }
}

/// Ages up to this are a young child's.
const YOUNG: f64 = 12.0;
/// Nouns of a young child by sex: a boy, a girl.
const CHILD_SEXES: &[&[&str]] = &[
    &["boy", "son", "brother", "grandson", "stepson"],
    &[
        "girl",
        "daughter",
        "sister",
        "granddaughter",
        "stepdaughter",
    ],
];

/// Whether an age is a young child's: a person's (no thing's) of `YOUNG` years or less.
fn young_child(f: &Figure) -> bool {
    f.kind == Kind::Age
        && !f.thing
        && f.high <= YOUNG
        && f.head_word
            .as_deref()
            .is_none_or(|w| lower_is(w, PERSON_NOUNS) || lower_is(w, KIN))
}

/// Marks the ages of unnamed young children that are the one young child an article gives an
/// age of (every young child's age it gives, named or not, is one value): "an unharmed
/// 4-year-old child" in one article and "Powell's 3-year-old son" in another that tells of no
/// other young child.
fn lone_children(units: &Units, all: &mut [Figure]) {
    let mut values: BTreeMap<usize, Vec<u64>> = BTreeMap::new();
    for f in all.iter().filter(|f| young_child(f)) {
        let article = units.units[f.unit_index].article;
        values.entry(article).or_default().push(f.value.to_bits());
    }
    for f in all.iter_mut() {
        let article = units.units[f.unit_index].article;
        // A named child is compared by name only.
        f.lone_child = young_child(f)
            && f.owner.is_none()
            && values[&article].iter().all(|&v| v == f.value.to_bits());
    }
}

/// Whether an age is an unnamed adult's given by a noun of one person: "a 19-year-old woman".
fn unnamed_adult(f: &Figure) -> Option<String> {
    let noun = f.head_word.as_deref()?;
    let adult = f.kind == Kind::Age && !f.thing && f.low > YOUNG;
    (adult && f.owner.is_none() && f.holder.is_none() && lower_is(noun, ONE_PERSON))
        .then(|| noun.to_lowercase())
}

/// Marks the ages of unnamed adults that are the one age an article gives of people of their
/// noun (every "woman" it gives an age of is as old): "a 19-year-old woman" in one article
/// and "a 20-year-old woman" in another that tells of no other woman's age.
fn lone_adults(units: &Units, all: &mut [Figure]) {
    let mut values: BTreeMap<(usize, String), Vec<u64>> = BTreeMap::new();
    for f in all.iter() {
        if let Some(noun) = unnamed_adult(f) {
            let article = units.units[f.unit_index].article;
            values
                .entry((article, noun))
                .or_default()
                .push(f.value.to_bits());
        }
    }
    for f in all.iter_mut() {
        let article = units.units[f.unit_index].article;
        f.lone_adult = unnamed_adult(f).is_some_and(|noun| {
            values[&(article, noun)]
                .iter()
                .all(|&v| v == f.value.to_bits())
        });
    }
}

/// Whether the nouns of two young children say a boy and a girl.
fn boy_and_girl(a: &Figure, b: &Figure) -> bool {
    let sex = |f: &Figure| {
        let w = f.head_word.as_deref()?;
        CHILD_SEXES.iter().position(|nouns| lower_is(w, nouns))
    };
    matches!((sex(a), sex(b)), (Some(x), Some(y)) if x != y)
}

/// Whether two of the sentences' lists of the people they name (those naming no one left out)
/// have no one in common: the sentences speak of different people.
fn name_different_people<'a>(named: impl IntoIterator<Item = &'a Vec<String>>) -> bool {
    let named: Vec<&Vec<String>> = named.into_iter().filter(|p| !p.is_empty()).collect();
    named
        .iter()
        .any(|a| named.iter().any(|b| !a.iter().any(|p| b.contains(p))))
}

/// Whether two figures are versions of one quantity.
fn comparable(units: &Units, sentences: &[SentenceTerms], a: &Figure, b: &Figure) -> bool {
    let (ua, ub) = (&units.units[a.unit_index], &units.units[b.unit_index]);
    if ua.source == ub.source {
        return false;
    }
    // A tally of several happenings ("in separate shootings across the city") sums what its
    // writer chose to count, since when and where: another outlet's tally, or a count of one
    // of them, is another quantity.
    // The one young child of two articles is one child, whoever's it is said to be.
    let one_child = a.lone_child && b.lone_child && !boy_and_girl(a, b);
    if a.kind != b.kind
        || a.holder != b.holder && !one_child
        || a.window
        || b.window
        || a.tally
        || b.tally
        || a.with_attackers != b.with_attackers
        || a.modal != b.modal
        || a.superseded != b.superseded
        || a.era != b.era
    {
        return false;
    }
    if one_toll_updated(units, a, b) {
        return false;
    }
    // Amounts given by two givers ("Police have posted a $10,000 reward" / "Crime Stoppers
    // is offering a $5,000 reward") may be two gifts.
    if !a.giver.is_empty() && !b.giver.is_empty() && !a.giver.iter().any(|g| b.giver.contains(g)) {
        return false;
    }
    // A length or a time of day of sentences about different people is of two things
    // ("Oliver was a 15-year law enforcement veteran" / "Bonner described Davis as an 18-year
    // law enforcement officer"; "Williams was pronounced dead at 1:19 a.m." / "Russell ... at
    // 1:35 a.m.").
    if matches!(a.kind, Kind::Duration | Kind::Time) {
        let (pa, pb) = (
            &sentences[a.unit_index].people,
            &sentences[b.unit_index].people,
        );
        if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) {
            return false;
        }
    }
    // A distance is between two places: both name the same two ("Charenton is about 45
    // miles southeast of Lafayette" / "Lafayette, 40 miles northwest of Charenton").
    if a.kind == Kind::Distance {
        let key = |f: &Figure| f.ends.as_ref().map(|e| e.clone().map(|n| letters(&n)));
        return key(a).is_some() && key(a) == key(b);
    }
    // A count or a time of a sentence that names a street is of what happened there: one of
    // a sentence naming only other streets is of another happening ("about 8:20 p.m. on the
    // 600 block of 46th Place" / "about 9:20 p.m. on the 300 block of Ridge Road").
    if matches!(a.kind, Kind::Count(_) | Kind::Time)
        && !a.addresses.is_empty()
        && !b.addresses.is_empty()
        && !a.addresses.iter().any(|x| b.addresses.contains(x))
    {
        return false;
    }
    // "eight counts of permitting a minor to possess alcohol" and "two counts of criminal
    // mischief" count two kinds of thing.
    if !a.qualifier.is_empty()
        && !b.qualifier.is_empty()
        && !a.qualifier.iter().any(|q| b.qualifier.contains(q))
    {
        return false;
    }
    // What happened to what is counted: "shot four people" and "the fatal shooting of one
    // person", "left five people wounded" and "arrived to find four people" are two
    // quantities. Where both contexts say, they say the same.
    if a.kind != Kind::Age {
        if !a.predicates.is_empty() && !b.predicates.is_empty() && a.predicates != b.predicates {
            return false;
        }
        // Where only one says it close by, the other's clause says it too ("sentenced to 48
        // years" is not "spent more than 21 years in prison").
        let said = |x: &Figure, y: &Figure| {
            x.predicates.is_empty() || x.predicates.iter().any(|p| y.clause.contains(p))
        };
        if !said(a, b) || !said(b, a) {
            return false;
        }
    }
    // Two outlets' clock times of one happening are hours apart only when one of them is of
    // another happening ("the 6:30 p.m. shooting" / "shot around 11:45 p.m.") or in another
    // time zone.
    if a.kind == Kind::Time && (a.value - b.value).abs() > 180.0 {
        return false;
    }
    // The time of a call about a happening is not the time of the happening ("received a call
    // reporting the collision at around 2:20 a.m." / "collided around 1:30 a.m.").
    if a.of_call != b.of_call {
        return false;
    }
    // Versions of one quantity are of one size: "forty years" of farming and "nine hours" on a
    // roof are two quantities, whatever words their sentences share.
    let (small, large) = (a.value.min(b.value), a.value.max(b.value));
    if small <= 0.0 || large > small * 4.0 {
        return false;
    }
    // An age is a person's or a thing's: of one person when both name the same owner ("Reyne,
    // 67," / "67-year-old Reyne"), of one thing when both name the same thing that is not a
    // person.
    if a.kind == Kind::Age {
        // A person older in an article published months later has had birthdays, one more
        // than the whole years between at most ("Nelson, 18, is charged" in March; "Nelson,
        // 19, pleaded guilty" in October; 19 in May 2013 and 22 in September 2015).
        let (da, db) = (published_day(units, a), published_day(units, b));
        if let (Some(da), Some(db)) = (da, db) {
            let (early, late) = if da <= db { (a, b) } else { (b, a) };
            let (days, older) = ((da - db).abs(), late.value - early.value);
            if days >= 60 && older > 0.0 && older <= (days as f64 / 365.25).floor() + 1.0 {
                return false;
            }
        }
        if let (Some(x), Some(y)) = (&a.owner, &b.owner) {
            return x.same(y);
        }
        if one_child {
            return true;
        }
        // "his 11-year-old son" and "his 10-year-old son" in sentences that tell the same
        // thing of him (two uncommon words in common) are one person: a relative named by
        // the one it is related to, of the same holder.
        let kin = |f: &Figure| {
            f.holder.is_some() && f.head_word.as_deref().is_some_and(|w| lower_is(w, KIN))
        };
        // The one unnamed woman (or man) each of two articles gives an age of, of whom both
        // say the same happened, in sentences that tell the same of her, is one woman too:
        // "a 19-year-old woman was shot in the leg outside the bar" / "a 20-year-old woman
        // was shot in the leg" (a man shot and a man arrested are two).
        let lone = a.lone_adult
            && b.lone_adult
            && a.head_word == b.head_word
            && !a.predicates.is_empty()
            && a.predicates == b.predicates;
        if kin(a) && kin(b) || lone {
            let (sa, sb) = (&sentences[a.unit_index], &sentences[b.unit_index]);
            let shared = sa
                .terms
                .iter()
                .filter(|&&t| sb.terms.binary_search(&t).is_ok() && rare(units, t))
                .count();
            return a.head == b.head && shared >= 2;
        }
        let person = |f: &Figure| {
            !f.thing
                && f.head_word
                    .as_deref()
                    .is_none_or(|w| lower_is(w, PERSON_NOUNS))
        };
        if person(a) || person(b) {
            return false;
        }
    }
    let (sa, sb) = (&sentences[a.unit_index], &sentences[b.unit_index]);
    // "the 10 percent sales tax" is a rate of its own; "15 percent of sales" is not it.
    if a.kind == Kind::Percent && a.head.is_some() != b.head.is_some() {
        return false;
    }
    match (a.head, b.head) {
        (Some(x), Some(y)) => return x == y,
        (Some(x), None) => return sb.terms.binary_search(&x).is_ok() && !sb.earlier.contains(&x),
        (None, Some(y)) => return sa.terms.binary_search(&y).is_ok() && !sa.earlier.contains(&y),
        (None, None) => {}
    }
    // A length of time or an age without the noun it qualifies needs two uncommon words of
    // its sentence in common ("nine hours clinging to the roof of a barn" / "stranded on the
    // roof of a barn for nearly 12 hours").
    let shared = |x: &[u32], y: &[u32]| {
        x.iter()
            .filter(|&&t| y.binary_search(&t).is_ok() && rare(units, t))
            .count()
    };
    match a.kind {
        // And their clauses share a word: "sentenced to 20 years in prison" and "must serve
        // seven years before becoming eligible for parole" are two lengths of one story.
        Kind::Duration | Kind::Age => {
            let overlap = a
                .clause
                .iter()
                .filter(|t| b.clause.binary_search(t).is_ok())
                .count();
            overlap >= 2 || (overlap >= 1 && shared(&sa.terms, &sb.terms) >= 2)
        }
        // A count or a time is of the same thing when the words around both say what
        // happened to it in the same terms (a news predicate: "injured", "evacuated"), or
        // share two words. An amount or a share names what it measures beside it: a
        // predicate alone does not say it ("$1 trillion in immediate cuts" / "$3 trillion
        // in guaranteed spending cuts"; "fastest movie to reach $1 billion" / "'Jurassic
        // Park' reached $1.044 billion"), two words must, one of them no predicate.
        _ => {
            let common: Vec<&u32> = a
                .context
                .iter()
                .filter(|t| b.context.binary_search(t).is_ok())
                .collect();
            match a.kind {
                Kind::Money(_) | Kind::Percent => {
                    common.len() >= 2 && common.iter().any(|&&t| !is_class(t))
                }
                _ => common.len() >= 2 || common.iter().any(|&&t| is_class(t)),
            }
        }
    }
}

/// One figure of one sentence as an outlet prints it: the sentence's key, the value, the
/// outlet and the figure's words.
type ClassKey<'a> = ((u64, usize), u64, &'a str, &'a str);

/// The day a figure's article was published (days since 1970-01-01), from the date that
/// opens its `published` ("2015-10-02", "2015-10-02T10:00:00Z").
fn published_day(units: &Units, f: &Figure) -> Option<i64> {
    let article = &units.articles[units.units[f.unit_index].article].article;
    let date = article.published.as_deref()?.get(..10)?;
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from the civil date (March-based years, so leap days fall at a year's end).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether two versions cannot both be true.
fn conflict(a: &Figure, b: &Figure) -> bool {
    let tolerance = 1e-6 * a.value.abs().max(b.value.abs()).max(1.0);
    a.high + tolerance < b.low || b.high + tolerance < a.low
}

pub(crate) fn find(units: &Units, names: &BTreeMap<String, String>) -> Vec<Difference> {
    let mut surnames = Surnames::default();
    let mut all: Vec<Figure> = (0..units.units.len())
        .flat_map(|u| figures(units, u, names, &mut surnames))
        .collect();
    lone_children(units, &mut all);
    lone_adults(units, &mut all);
    let sentences: Vec<SentenceTerms> = (0..units.units.len())
        .map(|u| sentence_terms(units, u, names))
        .collect();
    // A sentence giving three lengths of time or more breaks a whole into its parts ("16 hours
    // to map, four hours' travel time and four hours for analysts"): each is of its own part.
    let mut lengths: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for f in all.iter().filter(|f| f.kind == Kind::Duration) {
        *lengths.entry(f.unit_index).or_default() += 1;
    }
    let part_of_breakdown = |f: &Figure| {
        f.kind == Kind::Duration && lengths.get(&f.unit_index).is_some_and(|&n| n >= 3)
    };
    // Comparable figures are found among figures of one kind sharing a context term (through
    // an index of context terms), so a large event does not compare every pair.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    let mut conflicts: Vec<bool> = vec![false; all.len()];
    // A story reprinted by hundreds of outlets repeats each figure in the same sentence:
    // figures alike in sentence, value and outlet are one class, and only the first of each
    // class is compared (comparing every copy with every other was quadratic in reprints).
    // Two figures of one sentence with one value ("two people were fatally shot and two
    // others wounded") are two classes: the words of each tell them apart.
    let mut class_of: rustc_hash::FxHashMap<ClassKey, usize> = Default::default();
    let mut first_of_class: Vec<usize> = Vec::with_capacity(all.len());
    let mut by_kind: BTreeMap<&Kind, Vec<usize>> = BTreeMap::new();
    for (i, f) in all.iter().enumerate() {
        let key = (
            units.keys[f.unit_index],
            f.value.to_bits(),
            units.units[f.unit_index].source,
            f.surface.as_str(),
        );
        let first = *class_of.entry(key).or_insert(i);
        first_of_class.push(first);
        if first == i {
            by_kind.entry(&f.kind).or_default().push(i);
        }
    }
    for members in by_kind.values() {
        let mut postings: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        // Indexed by the terms of their sentences, which hold their contexts and heads.
        for &i in members {
            for &t in &sentences[all[i].unit_index].terms {
                postings.entry(t).or_default().push(i);
            }
        }
        let mut partners: Vec<usize> = Vec::new();
        // Figures met already through another shared term: each is added once, so a figure
        // sharing many terms with many others costs its partners, not their terms.
        let mut met: rustc_hash::FxHashSet<usize> = Default::default();
        for &i in members {
            partners.clear();
            met.clear();
            for t in &sentences[all[i].unit_index].terms {
                partners.extend(
                    postings[t]
                        .iter()
                        .copied()
                        .filter(|&j| j > i && met.insert(j)),
                );
            }
            // The lone young children of two articles may share no word.
            if all[i].lone_child {
                partners.extend(
                    members
                        .iter()
                        .copied()
                        .filter(|&j| j > i && all[j].lone_child && met.insert(j)),
                );
            }
            partners.sort_unstable();
            for &j in &partners {
                if !part_of_breakdown(&all[i])
                    && !part_of_breakdown(&all[j])
                    && comparable(units, &sentences, &all[i], &all[j])
                {
                    join(&mut parent, i, j);
                    if conflict(&all[i], &all[j]) {
                        conflicts[i] = true;
                        conflicts[j] = true;
                    }
                }
            }
        }
    }
    for (i, &first) in first_of_class.iter().enumerate() {
        if first != i {
            join(&mut parent, first, i);
            conflicts[i] = conflicts[first];
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..all.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        if !members.iter().any(|&m| conflicts[m]) {
            continue;
        }
        // Two values of one kind in one sentence are two quantities ("9% asked, 4.5%
        // offered"), not two versions of one: the group is ambiguous and is not reported.
        // So are two figures of one value written two ways in one sentence ("$30,000 face
        // value of coins stolen in 1899 ... coins found worth nearly $30,000").
        let ambiguous = members.iter().any(|&a| {
            members.iter().any(|&b| {
                all[a].unit_index == all[b].unit_index
                    && (all[a].value != all[b].value || all[a].surface != all[b].surface)
            })
        }) || self_contradicting(units, &all, &members);
        // A length or a time of day joined through a sentence naming nobody to sentences
        // naming different people is of two things ("Williams was pronounced dead at 1:19
        // a.m." / "He was pronounced dead at 1:19 a.m." / "Russell … at 1:35 a.m.").
        let two_people = name_different_people(
            members
                .iter()
                .filter(|&&m| matches!(all[m].kind, Kind::Duration | Kind::Time))
                .map(|&m| &sentences[all[m].unit_index].people),
        );
        if ambiguous || two_people {
            continue;
        }
        let mut versions: Vec<Version> = Vec::new();
        for &m in &members {
            let f = &all[m];
            let unit = &units.units[f.unit_index];
            let dup = versions
                .iter()
                .any(|v| v.source == unit.source && v.value == f.surface);
            if !dup {
                versions.push(version(
                    units,
                    f.unit_index,
                    f.surface.clone(),
                    Some(f.value),
                    f.kind.unit(),
                ));
            }
        }
        out.push(Difference {
            about: about(units, &all, &sentences, &members),
            versions,
        });
    }
    out.extend(ranks(units, names));
    out.extend(fields(units, names));
    out.extend(credits(units));
    out.extend(wound_sides(units, names));
    out.extend(wounded_conditions(units));
    out
}

/// Whether one article gives two values of a group that cannot both be true: a writer who
/// says "two people were killed at the car wash" and "four people" killed in all, "three
/// officers injured" at 1:35 p.m. and "four" later, Williams "pronounced dead at 1:19 a.m."
/// and Russell "at 1:35 a.m.", tells of two quantities (a part and the whole, a count before
/// and after an update, two people's), which the group has joined as one. Only counts and
/// times of day: an age or a length is held to its owner or its thing already, and an article
/// that gives one person two ages still differs from the outlets that give another.
fn self_contradicting(units: &Units, all: &[Figure], members: &[usize]) -> bool {
    let mut by_article: BTreeMap<usize, Vec<&Figure>> = BTreeMap::new();
    for &m in members {
        if !matches!(all[m].kind, Kind::Count(_) | Kind::Time) {
            return false;
        }
        let article = units.units[all[m].unit_index].article;
        by_article.entry(article).or_default().push(&all[m]);
    }
    by_article.values().any(|figures| {
        figures
            .iter()
            .any(|a| figures.iter().any(|b| conflict(a, b)))
    })
}

/// Nouns of what happens at a time of day.
const INCIDENTS: &[&str] = &[
    "shooting",
    "shootings",
    "crash",
    "accident",
    "collision",
    "collapse",
    "fire",
    "explosion",
    "blast",
    "attack",
    "stabbing",
    "robbery",
    "incident",
    "earthquake",
    "quake",
    "fight",
    "standoff",
    "killing",
    "killings",
    "murder",
    "rescue",
    "derailment",
    "raid",
    "ambush",
    "riot",
];

/// A news verb as it follows what it happened to ("people killed"): "-ing" forms and nouns
/// of the common ones turned ("shootings": shot, "evacuation": evacuated), other words that
/// are no participle left out ("fire" of "opened fire").
fn participle(w: &str) -> Option<String> {
    let turned = [
        ("killing", "killed"),
        ("killings", "killed"),
        ("murder", "killed"),
        ("murders", "killed"),
        ("wounding", "wounded"),
        ("injuring", "injured"),
        ("injuries", "injured"),
        ("shooting", "shot"),
        ("shootings", "shot"),
        ("leaving", "left"),
        ("evacuating", "evacuated"),
        ("evacuation", "evacuated"),
        ("arresting", "arrested"),
        ("arrests", "arrested"),
        ("stranding", "stranded"),
        ("death", "dead"),
        ("deaths", "dead"),
    ];
    if let Some((_, p)) = turned.iter().find(|(i, _)| *i == w) {
        return Some(p.to_string());
    }
    let irregular = [
        "shot", "hurt", "left", "held", "taken", "found", "struck", "hit", "slain", "dead",
        "missing", "stabbed",
    ];
    // "fatally" of "fatally shot" is kept for the participle after it.
    (w.ends_with("ed") || w.ends_with("ly") || irregular.contains(&w)).then(|| w.to_string())
}

/// A news verb as the versions say it: the word itself when every version's sentence has it,
/// else the first participle of its class that one of them writes ("moved out" /
/// "evacuated": "evacuated"). A word that is no participle stays as it is.
fn reader_word(units: &Units, all: &[Figure], members: &[usize], t: u32, word: &str) -> String {
    let word = word.to_lowercase();
    if participle(&word).is_none() || !is_class(t) {
        return word;
    }
    // Each version's sentence, its words read once.
    let sentences: Vec<_> = members
        .iter()
        .map(|&m| tokens(units.units[all[m].unit_index].text))
        .collect();
    let written = |w: &str| {
        sentences
            .iter()
            .map(|words| words.iter().any(|x| x.1.eq_ignore_ascii_case(w)))
            .collect::<Vec<bool>>()
    };
    if written(&word).iter().all(|&b| b) {
        return word;
    }
    crate::statement::class_words(t)
        .find(|w| w.ends_with("ed") && written(w).contains(&true))
        .map_or(word, str::to_string)
}

/// What a length of time without a noun is of, in the words of its clause: from the news
/// verb before it to the figure ("stranded on the roof of a barn for nearly 12 hours":
/// "stranded on the roof of a barn"), at most eight words.
fn lasting(units: &Units, f: &Figure) -> Option<String> {
    let text = units.units[f.unit_index].text;
    let at = text.find(&f.surface)?;
    let words = tokens(&text[..at]);
    let n = words.len();
    let verb = (n.saturating_sub(8)..n)
        .rev()
        .take_while(|&i| i + 1 == n || !is_boundary(text, &words, i + 1))
        .find(|&i| {
            let w = words[i].1.to_lowercase();
            crate::statement::word_class(&w).is_some() && participle(&w).is_some()
        })?;
    let phrase = text[words[verb].0..at].trim_end();
    let phrase = phrase.strip_suffix(" for").unwrap_or(phrase);
    // "sentenced to": a verb and its preposition say nothing of what lasted.
    let last = phrase.rsplit(' ').next().unwrap_or("").to_lowercase();
    (phrase.contains(' ') && !chorus_text::is_stopword(&last)).then(|| phrase.to_string())
}

/// What differs, in a reader's words: the words of what the figures are about that most of
/// them share, in the order the first figure says them, with what is measured.
fn about(units: &Units, all: &[Figure], sentences: &[SentenceTerms], members: &[usize]) -> String {
    let first = &all[members[0]];
    let shared = |words: &[(u32, String)]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (t, w) in words {
            let everywhere = members[1..]
                .iter()
                .any(|&m| sentences[all[m].unit_index].terms.binary_search(t).is_ok());
            if everywhere && !out.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                out.push(w.to_lowercase());
            }
        }
        out
    };
    let mut words = shared(&first.context_words);
    if words.is_empty() {
        words = shared(&sentences[first.unit_index].words);
        words.truncate(4);
    }
    if let Some(head) = members.iter().find_map(|&m| all[m].head_word.as_ref()) {
        words = vec![head.to_lowercase()];
    }
    let what = words.join(" ");
    if let Some(owner) = members.iter().find_map(|&m| all[m].owner.as_ref()) {
        return format!("age of {}", owner.name);
    }
    if let Some([x, y]) = &first.ends {
        return format!("distance between {x} and {y}");
    }
    match &first.kind {
        Kind::Count(_) => {
            // "people injured", "officers shot": what happened to them, as a reader says it.
            let happened: Vec<String> = first
                .context_words
                .iter()
                .filter(|(t, _)| {
                    // Its predicates: not "left" ("a shooting that left 17 people injured").
                    first.predicates.contains(t)
                        && members
                            .iter()
                            .all(|&m| m == members[0] || all[m].clause.binary_search(t).is_ok())
                })
                .filter_map(|(t, w)| participle(&reader_word(units, all, members, *t, w)))
                .fold(Vec::new(), |mut out: Vec<String>, p| {
                    // "fatally" and "shot": "fatally shot".
                    let adverb = out.last().is_some_and(|l| l.ends_with("ly"));
                    if adverb {
                        let last = out.pop().unwrap_or_default();
                        out.push(if p.ends_with("ly") {
                            p
                        } else {
                            format!("{last} {p}")
                        });
                    } else if out.len() < 2 && !out.contains(&p) {
                        out.push(p);
                    }
                    out
                });
            let happened: Vec<String> = happened
                .into_iter()
                .filter(|p| !p.ends_with("ly"))
                .collect();
            // "five counts of criminal mischief" / "six counts of criminal mischief": what
            // kind of thing is counted, in the words every version gives.
            if !first.qualifier.is_empty() {
                let terms = chorus_text::Terms::default();
                let text = units.units[first.unit_index].text;
                let kind: Vec<&str> = text
                    .find(&format!("{} of ", first.surface))
                    .map(|at| &text[at + first.surface.len() + 4..])
                    .map(|rest| {
                        let cut = rest.find([',', '.', ';', ':']).unwrap_or(rest.len());
                        rest[..cut].split(' ').take(4).collect::<Vec<&str>>()
                    })
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|w| {
                        let stem = terms.stem(&w.to_lowercase());
                        members.iter().all(|&m| all[m].qualifier.contains(&stem))
                    })
                    .collect();
                if !kind.is_empty() {
                    return format!("{} of {}", first.counted, kind.join(" "));
                }
            }
            // "accused by more than 40 women": the counted did it, so they are "women who
            // accused", not "women accused".
            let agents = members.iter().any(|&m| {
                let text = units.units[all[m].unit_index].text;
                text.find(&all[m].surface)
                    .is_some_and(|at| text[..at].trim_end().ends_with(" by"))
            });
            let what = match (happened.is_empty(), agents) {
                (true, _) => what,
                (false, false) => happened.join(" and "),
                (false, true) => format!("who {}", happened.join(" and ")),
            };
            // "people killed", not "person killed", when one version counts one.
            let counted = members
                .iter()
                .map(|&m| &all[m])
                .find(|f| f.value != 1.0)
                .filter(|_| first.value == 1.0)
                .map_or(&first.counted, |f| &f.counted);
            format!("{counted} {what}").trim().to_string()
        }
        // "six months pregnant": how far along a pregnancy is.
        Kind::Duration if what == "pregnant" => "how far along the pregnancy was".into(),
        Kind::Duration => match members.iter().find_map(|&m| lasting(units, &all[m])) {
            Some(phrase) => format!("length of time {phrase}"),
            // "running time", "travel time" say a length already.
            None if what.ends_with(" time") => what,
            None => format!("length of the {what}"),
        },
        Kind::Age => format!("age of the {what}"),
        // A time of day is of what happened: the happening its sentences name ("the shooting
        // happened at 3:47 p.m."), or a death ("pronounced dead at 1:19 a.m.").
        Kind::Time => {
            let named = |m: &usize| {
                tokens(units.units[all[*m].unit_index].text)
                    .into_iter()
                    .map(|w| w.1.to_lowercase())
                    .find(|w| INCIDENTS.contains(&w.as_str()))
            };
            match members.iter().find_map(named) {
                Some(noun) => format!("time of the {noun}"),
                None if words.iter().any(|w| w == "dead" || w == "died") => "time of death".into(),
                None => format!("time of day ({what})"),
            }
        }
        Kind::Money(_) => format!("amount: {what}"),
        Kind::Percent => format!("share: {what}"),
        Kind::Distance => format!("distance: {what}"),
    }
}

/// Letters of a name, lower case, without what spelling conventions vary (hyphens, spaces,
/// apostrophes, periods, accents: "Grünberg" written "Grunberg" is one spelling).
fn letters(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two written forms of one person's name spell it differently ("Rhonda Roue" /
/// "Rhonda Rouer", "Rolando" / "Ronaldo"): as many words, one word apart by one or two
/// letters, that word of four letters or more and opening with the same letter. Forms that
/// differ only in case, hyphens or spaces ("al-Assad" / "Al Assad"), add or drop a word
/// ("Mr Assad") or a particle ("Al-Assad" / "Assad"), or start with another letter (a
/// transliteration, "Jolani" / "Golani") are one spelling.
fn spelt_differently(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if wa.len() != wb.len() || letters(a) == letters(b) {
        return false;
    }
    let differing: Vec<(String, String)> = wa
        .iter()
        .zip(&wb)
        .map(|(x, y)| (letters(x), letters(y)))
        .filter(|(x, y)| x != y)
        .collect();
    let [(x, y)] = &differing[..] else {
        return false;
    };
    // One inside the other is a particle or an ending added ("Al-Assad" / "Assad", "the
    // Poores" / "Poore"), not another spelling.
    let added = |long: &str, short: &str| {
        (long.len() >= short.len() + 2 && long.ends_with(short))
            || long.strip_suffix('s') == Some(short)
            || long.strip_suffix("es") == Some(short)
            || long
                .strip_suffix("men")
                .is_some_and(|stem| short.strip_suffix("man") == Some(stem))
    };
    x.chars().count().min(y.chars().count()) >= 4
        && !added(x, y)
        && !added(y, x)
        && x.chars().next() == y.chars().next()
        && (1..=2).contains(&chorus_text::edit_distance(x, y))
}

/// Whether `text` holds `form` as whole words.
fn holds(text: &str, form: &str) -> bool {
    text.match_indices(form).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether two spellings of one word are a slip of the pen rather than two names: the same
/// letters in another order ("Rolando" / "Ronaldo", "Huang" / "Haung") or a letter doubled,
/// undoubled or doubled in another place ("Amil" / "Amill", "Pizarro" / "Pizzaro"). "Mario"
/// / "Maria" or "Daniel" / "Daniela" may be two people of one family; these are not.
fn slip(x: &str, y: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    // Each spelling with one letter of a double dropped (and as written).
    let undoubled = |w: &[char]| -> Vec<Vec<char>> {
        let mut out = vec![w.to_vec()];
        for i in 1..w.len() {
            if w[i] == w[i - 1] {
                out.push(w[..i].iter().chain(&w[i + 1..]).copied().collect());
            }
        }
        out
    };
    let (ua, ub) = (undoubled(&a), undoubled(&b));
    if a.len() == b.len() {
        // Two letters swapped, or a double moved.
        let apart = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.sort_unstable();
        sb.sort_unstable();
        return (sa == sb && apart == 2) || ua[1..].iter().any(|x| ub[1..].contains(x));
    }
    ua.iter().any(|x| ub.contains(x))
}

/// Whether two written forms of one word of a name are one name spelt two ways rather than
/// two names: a slip of the pen, or one letter put in or left out inside a word of five
/// letters or more ("Adeline" / "Adline", "Akins" / "Atkins"), or changed inside one of six
/// ("Kamontay" / "Kemontay"), two inside one of eight ("Brittany" / "Brittney"; "Marco" /
/// "Mario" are two names). A change at either end is another name ("Mario" /
/// "Maria", "Daniel" / "Daniela", "Gavin" / "Kevin"), as is a short word ("Mark" / "Mack")
/// and a direction ("Northeast" / "Northwest"); "Theatre" / "Theater" is one spelling.
fn one_spelling(x: &str, y: &str) -> bool {
    let convention = |a: &str, b: &str| {
        a.strip_suffix("re")
            .is_some_and(|stem| b.strip_suffix("er") == Some(stem))
    };
    if lower_is(x, DIRECTIONS) || lower_is(y, DIRECTIONS) || convention(x, y) || convention(y, x) {
        return false;
    }
    if slip(x, y) {
        return true;
    }
    let ends = |w: &str| (w.chars().next(), w.chars().next_back());
    let (nx, ny) = (x.chars().count(), y.chars().count());
    // A letter changed needs a longer word than one put in: "Marco" / "Mario" are two.
    let shorter = nx.min(ny) + usize::from(nx != ny);
    let allowed = match shorter {
        0..=5 => 0,
        6..=7 => 1,
        _ => 2,
    };
    ends(x) == ends(y) && chorus_text::edit_distance(x, y) <= allowed
}

/// Names spelt two ways by two outlets: a person the entity stage resolved to one name
/// (`names`: written form → canonical name) written differently in sentences of different
/// outlets is a difference of names; chorus shows both spellings and picks neither. Two
/// people the entity stage kept apart are one person spelt two ways when their full names
/// differ in one word by a slip of the pen ("Rolando Pizarro" / "Ronaldo Pizarro"). One
/// difference per word of a name spelt several ways, each spelling by its fullest form.
pub(crate) fn name_spellings<'a>(
    units: &Units,
    names: &'a std::collections::BTreeMap<String, String>,
) -> Vec<Difference> {
    let mut forms: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (form, canonical) in names {
        forms
            .entry(canonical.as_str())
            .or_default()
            .push(form.as_str());
    }
    // The pairs of forms to compare, with the name they are of: the forms of one person, and
    // full names of two found through the words they share (each full name without one of
    // its words), so an event with many people does not compare every pair.
    let mut pairs: Vec<(&str, &str, &str)> = Vec::new();
    for (&canonical, forms) in &forms {
        for (i, a) in forms.iter().enumerate() {
            for b in &forms[i + 1..] {
                pairs.push((a, b, canonical));
            }
        }
    }
    let mut without_one: BTreeMap<(usize, usize, String), Vec<&str>> = BTreeMap::new();
    for form in names.keys() {
        let words: Vec<&str> = form.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        for i in 0..words.len() {
            let rest: Vec<String> = words
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, w)| letters(w))
                .collect();
            without_one
                .entry((words.len(), i, rest.join(" ")))
                .or_default()
                .push(form.as_str());
        }
    }
    for ((_, i, _), alike) in &without_one {
        for (k, a) in alike.iter().enumerate() {
            for b in &alike[k + 1..] {
                if names[*a] == names[*b] {
                    continue;
                }
                let word = |f: &str| letters(f.split_whitespace().nth(*i).unwrap_or(""));
                if one_spelling(&word(a), &word(b)) {
                    pairs.push((a, b, names[*a].as_str()));
                }
            }
        }
    }
    // The spellings that differ: each a (name, differing word's letters) with the forms
    // that write it; spellings joined when they are of one word of one name.
    let mut spellings: Vec<(&str, String, Vec<&str>)> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    for (a, b, canonical) in pairs {
        if !spelt_differently(a, b) {
            continue;
        }
        // A family named in the plural ("the Kellers") is no spelling of another
        // name ("Kelley"); a single word of four letters ("Pike" / "Pine") is too
        // little to tell a spelling from another name.
        let single = !a.contains(' ') && !b.contains(' ');
        let plural = |x: &str| {
            [x.strip_suffix('s'), x.strip_suffix("es")]
                .iter()
                .flatten()
                .any(|stem| names.contains_key(*stem))
        };
        if single && (plural(a) || plural(b) || a.chars().count().min(b.chars().count()) < 5) {
            continue;
        }
        // Surnames written after different first names are two people ("Fran
        // Keller", "Greg Kelley").
        if single {
            let (fa, fb) = (first_names(units, a), first_names(units, b));
            if !fa.is_empty() && !fb.is_empty() && !fa.iter().any(|n| fb.contains(n)) {
                continue;
            }
        }
        let (wa, wb): (Vec<&str>, Vec<&str>) = (
            a.split_whitespace().collect(),
            b.split_whitespace().collect(),
        );
        let Some((x, y)) = wa
            .iter()
            .zip(&wb)
            .map(|(x, y)| (letters(x), letters(y)))
            .find(|(x, y)| x != y)
        else {
            continue;
        };
        let mut at = |word: String, form: &'a str| {
            let i = match spellings
                .iter()
                .position(|s| s.0 == canonical && s.1 == word)
            {
                Some(i) => i,
                None => {
                    spellings.push((canonical, word, Vec::new()));
                    parent.push(parent.len());
                    spellings.len() - 1
                }
            };
            if !spellings[i].2.contains(&form) {
                spellings[i].2.push(form);
            }
            i
        };
        let (i, j) = (at(x, a), at(y, b));
        join(&mut parent, i, j);
    }
    // One difference per word spelt several ways ("Malijah" / "Malijha" / "Milajha"), each
    // spelling shown by its fullest form ("Kurt Myers" rather than "Myers").
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..spellings.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.into_values() {
        let canonical = spellings[members[0]].0;
        let mut versions: Vec<Version> = Vec::new();
        for &m in &members {
            let mut forms = spellings[m].2.clone();
            forms.sort_by_key(|f| (std::cmp::Reverse(f.split_whitespace().count()), f.len()));
            // The first sentence of an outlet not shown yet that writes it, as a whole word.
            let found = forms.iter().find_map(|form| {
                units.units.iter().enumerate().find_map(|(u, unit)| {
                    let taken = versions.iter().any(|v| v.source == unit.source);
                    (!taken && holds(unit.text, form))
                        .then(|| version(units, u, form.to_string(), None, "name".into()))
                })
            });
            versions.extend(found);
        }
        let shown: std::collections::BTreeSet<&str> =
            versions.iter().map(|v| v.value.as_str()).collect();
        if shown.len() >= 2 {
            let name = canonical_as_most_write(units, canonical, &spellings, &members);
            out.push(Difference {
                about: format!("spelling of the name of {name}"),
                versions,
            });
        }
    }
    out.extend(possessive_names(units));
    out.extend(written_spellings(units, names));
    without_repeats(out)
}

/// Name differences less those that repeat an earlier one with more words around the same
/// spellings ("Judge Jeffery Minehart" / "Judge Jeffrey Minehart" after "Jeffery Minehart" /
/// "Jeffrey Minehart"): each of its versions holds, as whole words, a version of the earlier
/// one, and they hold two spellings of it. One difference a reader is told once.
fn without_repeats(differences: Vec<Difference>) -> Vec<Difference> {
    let mut kept: Vec<Difference> = Vec::new();
    for d in differences {
        let repeats = kept.iter().any(|k| {
            let held: Option<std::collections::BTreeSet<&str>> = d
                .versions
                .iter()
                .map(|v| {
                    k.versions
                        .iter()
                        .find(|w| holds(&v.value, &w.value))
                        .map(|w| w.value.as_str())
                })
                .collect();
            held.is_some_and(|h| h.len() >= 2)
        });
        if !repeats {
            kept.push(d);
        }
    }
    kept
}

/// Full names of two to four capitalised words, as the sentences write them (a leading
/// function word aside): the text's own names, so a person the entity stage could not type
/// ("Kendal Pinkerton", a first name it does not know), a place or an organisation is read
/// too. Each with the unit it is written in.
fn written_names(units: &Units) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        let capital = |j: usize| {
            words.get(j).is_some_and(|w| {
                w.1.chars().next().is_some_and(char::is_uppercase)
                    && w.1.chars().all(char::is_alphabetic)
            })
        };
        let mut i = 0;
        while i < words.len() {
            let mut last = i;
            while capital(i)
                && capital(last + 1)
                && &text[words[last].0 + words[last].1.len()..words[last + 1].0] == " "
            {
                last += 1;
            }
            let mut first = i;
            while first < last && chorus_text::is_stopword(&words[first].1.to_lowercase()) {
                first += 1;
            }
            if capital(i) && (2..=4).contains(&(last + 1 - first)) {
                out.push((
                    text[words[first].0..words[last].0 + words[last].1.len()].to_string(),
                    u,
                ));
            }
            i = last + 1;
        }
    }
    out
}

/// A full name without one of its words: how many words it has, which is left out, and the
/// letters of the others.
type NameKey = (usize, usize, String);

/// Names spelt two ways that the entity stage did not resolve as people: two full names
/// written by different outlets that differ in one word, that word one name spelt two ways
/// (`one_spelling`: "Kendal Pinkerton" / "Kendall Pinkerton", "Devante Larry Akins" / "…
/// Atkins" / "… Adkins"), no article writing both (an article naming "Mario" and "Maria"
/// names two people). One difference per name, each spelling by an outlet that writes it.
fn written_spellings(units: &Units, names: &BTreeMap<String, String>) -> Vec<Difference> {
    let written = written_names(units);
    // Each full name without one of its words → (the word's letters, name, unit).
    let mut without_one: BTreeMap<NameKey, Vec<(String, &str, usize)>> = BTreeMap::new();
    for (form, u) in &written {
        let words: Vec<&str> = form.split(' ').collect();
        for i in 0..words.len() {
            let rest: Vec<String> = (0..words.len())
                .filter(|&j| j != i)
                .map(|j| letters(words[j]))
                .collect();
            without_one
                .entry((words.len(), i, rest.join(" ")))
                .or_default()
                .push((letters(words[i]), form.as_str(), *u));
        }
    }
    let mut out = Vec::new();
    let mut shown: Vec<Vec<&str>> = Vec::new();
    for alike in without_one.values() {
        let mut spellings: Vec<&str> = alike.iter().map(|a| a.0.as_str()).collect();
        spellings.sort_unstable();
        spellings.dedup();
        if spellings.len() < 2 {
            continue;
        }
        let articles = |word: &str| -> Vec<usize> {
            alike
                .iter()
                .filter(|a| a.0 == word)
                .map(|a| units.units[a.2].article)
                .collect()
        };
        let known = |word: &str| alike.iter().any(|a| a.0 == word && names.contains_key(a.1));
        // A name an outlet writes with its initials in brackets ("the All Progressive
        // Congress (APC)"): another outlet's name of the same initials, all but one word the
        // same, is that name written another way ("All Possible Congress"), whatever the word.
        // Read once for each name of the key, not once for each pair of spellings.
        let initials: Vec<Option<String>> = alike
            .iter()
            .map(|a| initials_prefix(units.units[a.2].text, a.1))
            .collect();
        let with_initials = |word: &str| {
            alike
                .iter()
                .zip(&initials)
                .any(|(a, p)| a.0 == word && p.is_some())
        };
        // The words the initials take in before the name as read ("All"), written with it.
        let prefix = initials.iter().flatten().next().filter(|p| !p.is_empty());
        // The spellings that are one name spelt two ways as another spelling of the key, no
        // article writing both; two people the entity stage knows are read by name_spellings.
        let kept: Vec<&str> = spellings
            .iter()
            .copied()
            .filter(|&x| {
                spellings.iter().any(|&y| {
                    // Cheap first: one spelling opens with one letter and is about as long.
                    x != y
                        && x.chars().next() == y.chars().next()
                        && (x.len().abs_diff(y.len()) <= 2 && one_spelling(x, y)
                            || with_initials(x)
                            || with_initials(y))
                        && !articles(x).iter().any(|a| articles(y).contains(a))
                        && !(known(x) && known(y))
                })
            })
            .collect();
        let mut versions: Vec<Version> = Vec::new();
        for word in &kept {
            let first = alike.iter().find(|a| {
                a.0 == *word && !versions.iter().any(|v| v.source == units.units[a.2].source)
            });
            if let Some(&(_, form, u)) = first {
                let whole = prefix
                    .as_ref()
                    .map(|p| format!("{p} {form}"))
                    .filter(|w| holds(units.units[u].text, w));
                let value = whole.unwrap_or_else(|| form.to_string());
                versions.push(version(units, u, value, None, "name".into()));
            }
        }
        // A name written in full and in part ("Devante Larry Akins", "Devante Akins") is
        // one difference.
        let told = shown.contains(&kept);
        if versions.len() >= 2 && !told {
            shown.push(kept);
            out.push(Difference {
                about: spelling_about(units, &versions),
                versions,
            });
        }
    }
    out
}

/// The words before `form` that its initials in brackets take in, when `text` writes it so
/// ("the All Progressive Congress (APC)": "All"; "Progressive Congress (PC)": ""): initials of
/// three capitals or more, ending with the form's.
fn initials_prefix(text: &str, form: &str) -> Option<String> {
    let initials: String = form.split(' ').filter_map(|w| w.chars().next()).collect();
    text.match_indices(&format!("{form} ("))
        .find_map(|(at, m)| {
            let (inside, _) = text[at + m.len()..].split_once(')')?;
            if inside.len() < 3
                || !inside.chars().all(|c| c.is_ascii_uppercase())
                || !inside.ends_with(&initials)
            {
                return None;
            }
            let k = inside.len() - initials.len();
            let before: Vec<&str> = text[..at].split_whitespace().collect();
            let taken = &before[before.len().checked_sub(k)?..];
            let agree = taken
                .iter()
                .zip(inside.chars())
                .all(|(w, c)| w.starts_with(c));
            agree.then(|| taken.join(" "))
        })
}

/// Names written with a possessive inside by one outlet and without it by another ("St.
/// Mary's Parish" / "St. Mary Parish"), one of them writing it one way only: a place's or an
/// organisation's name spelt two ways. A possessive on the first word of a name says whose
/// a thing is ("Smith's Ford Focus") and is not read.
fn possessive_names(units: &Units) -> Vec<Difference> {
    // The name without the possessive (its letters) → (with it?, unit, the name as written).
    let mut seen: BTreeMap<String, Vec<(bool, usize, String)>> = BTreeMap::new();
    let mut plain: Vec<String> = Vec::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        let capital = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| w.1.chars().next().is_some_and(char::is_uppercase))
        };
        let gap = |j: usize| &text[words[j].0 + words[j].1.len()..words[j + 1].0];
        for i in 1..words.len().saturating_sub(1) {
            let (w, g) = (words[i].1, gap(i));
            let possessive = w.ends_with("'s") || w.ends_with("’s") || matches!(g, "'s " | "’s ");
            if !possessive || !capital(i) || !capital(i + 1) || !capital(i - 1) {
                continue;
            }
            if !(matches!(gap(i - 1), " " | ". ") && g.ends_with(' ') && g.len() <= 4) {
                continue;
            }
            let mut first = i - 1;
            while first > 0 && capital(first - 1) && matches!(gap(first - 1), " " | ". ") {
                first -= 1;
            }
            while first < i && chorus_text::is_stopword(&words[first].1.to_lowercase()) {
                first += 1;
            }
            let mut last = i + 1;
            while capital(last + 1) && gap(last) == " " {
                last += 1;
            }
            // A name that opens the sentence may be any capitalised words.
            if first == i || words[first].0 == 0 {
                continue;
            }
            let stem = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            let before = &text[words[first].0..words[i].0];
            let after = &text[words[i + 1].0..words[last].0 + words[last].1.len()];
            let without = format!("{before}{stem} {after}");
            let written = text[words[first].0..words[last].0 + words[last].1.len()].to_string();
            seen.entry(letters(&without))
                .or_default()
                .push((true, u, written));
            plain.push(without);
        }
    }
    // Where the forms without it are written: each run of capitalised words of a sentence
    // looked up among them, so the sentences are read once, however many forms there are.
    let plain: rustc_hash::FxHashSet<String> = plain.into_iter().collect();
    if !plain.is_empty() {
        for (u, unit) in units.units.iter().enumerate() {
            let text = unit.text;
            let words = tokens(text);
            let capital = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
            for start in 0..words.len() {
                if !capital(start) {
                    continue;
                }
                let mut end = start;
                while end < words.len() && capital(end) {
                    let form = &text[words[start].0..words[end].0 + words[end].1.len()];
                    if plain.contains(form) && holds(text, form) {
                        seen.entry(letters(form))
                            .or_default()
                            .push((false, u, form.to_string()));
                    }
                    let joined = words.get(end + 1).is_some_and(|n| {
                        matches!(&text[words[end].0 + words[end].1.len()..n.0], " " | ". ")
                    });
                    if !joined {
                        break;
                    }
                    end += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for (_, found) in seen {
        // Each outlet's forms: with the possessive, without it, or both (a quoted official
        // may write it otherwise than the outlet does).
        let mut by_source: BTreeMap<&str, [bool; 2]> = BTreeMap::new();
        for &(with, u, _) in &found {
            by_source.entry(units.units[u].source).or_default()[usize::from(with)] = true;
        }
        // One outlet writes one form only, another outlet the other form.
        let only = |with: bool| {
            by_source
                .iter()
                .find(|(_, f)| f[usize::from(with)] && !f[usize::from(!with)])
        };
        let pair = [false, true].into_iter().find_map(|with| {
            let (one, _) = only(with)?;
            let (other, _) = by_source
                .iter()
                .find(|(s, f)| *s != one && f[usize::from(!with)])?;
            Some([(with, *one), (!with, *other)])
        });
        let Some(mut pair) = pair else {
            continue;
        };
        pair.sort();
        let mut versions: Vec<Version> = Vec::new();
        for (want, source) in pair {
            let of = |f: &&(bool, usize, String)| f.0 == want && units.units[f.1].source == source;
            if let Some(&(_, u, ref written)) = found.iter().find(of) {
                versions.push(version(units, u, written.clone(), None, "name".into()));
            }
        }
        out.push(Difference {
            about: spelling_about(units, &versions),
            versions,
        });
    }
    out
}

/// How many articles write one of `forms` as whole words.
fn articles_writing(units: &Units, forms: &[&str]) -> usize {
    let mut articles: Vec<usize> = units
        .units
        .iter()
        .filter(|unit| forms.iter().any(|form| holds(unit.text, form)))
        .map(|unit| unit.article)
        .collect();
    articles.sort_unstable();
    articles.dedup();
    articles.len()
}

/// What a name spelt two ways is about, named as most of the event's articles write it (the
/// first version's on a tie): the order versions are found in is no reason to name a
/// slip ("Julia Louis-Drefyus" in one article against "Louis-Dreyfus" in three).
fn spelling_about(units: &Units, versions: &[Version]) -> String {
    let name = versions
        .iter()
        .rev()
        .max_by_key(|v| articles_writing(units, &[v.value.as_str()]))
        .map_or("", |v| v.value.as_str());
    format!("spelling of the name of {name}")
}

/// The entity stage's name for a person spelt several ways, with the word spelt written as
/// more of the event's articles write it: its canonical name may hold a slip ("Jamie
/// Rodriguez" in two articles, "Jaime" in one). On a tie the entity stage's choice stays.
/// `spellings[m]` is (name, the word's letters, forms).
fn canonical_as_most_write(
    units: &Units,
    canonical: &str,
    spellings: &[(&str, String, Vec<&str>)],
    members: &[usize],
) -> String {
    let written = |m: usize| articles_writing(units, &spellings[m].2);
    let in_canonical = |m: usize| canonical.split(' ').any(|w| letters(w) == spellings[m].1);
    let (Some(&most), Some(&held)) = (
        members.iter().rev().max_by_key(|&&m| written(m)),
        members.iter().find(|&&m| in_canonical(m)),
    ) else {
        return canonical.to_string();
    };
    let as_written = spellings[most]
        .2
        .iter()
        .flat_map(|form| form.split_whitespace())
        .find(|w| letters(w) == spellings[most].1);
    match as_written {
        Some(word) if written(most) > written(held) => canonical
            .split(' ')
            .map(|w| {
                if letters(w) == spellings[held].1 {
                    word
                } else {
                    w
                }
            })
            .collect::<Vec<&str>>()
            .join(" "),
        _ => canonical.to_string(),
    }
}

/// One version of a difference: the figure or name as written in unit `u`.
fn version(units: &Units, u: usize, value: String, number: Option<f64>, unit: String) -> Version {
    let sentence = &units.units[u];
    Version {
        text: sentence.text.to_string(),
        source: sentence.source.to_string(),
        citation: units.citation(u),
        value,
        number,
        unit: Some(unit),
    }
}

/// One outlet's way of giving one slot of a thing (a person's rank, a street's kind, a
/// film's writers): what is compared, the unit that gives it, and its words as written.
struct Given<V> {
    value: V,
    unit: usize,
    written: String,
}

/// A slot given two ways by two outlets: each outlet gives it one way only (any two of its
/// ways `agree`), and the ways of two outlets do not agree, each outlet standing by the way
/// `pick` chooses of its own (in order of units). One version per way, equal ways shown
/// once, in reading order, with the unit `label` names; `None` when nothing differs.
fn given_two_ways<V: PartialEq>(
    given: &[Given<V>],
    units: &Units,
    agree: impl Fn(&V, &V) -> bool,
    pick: impl Fn(&[&Given<V>]) -> usize,
    label: impl Fn(&V) -> String,
) -> Option<Vec<Version>> {
    let mut by_source: BTreeMap<&str, Vec<&Given<V>>> = BTreeMap::new();
    for g in given {
        by_source
            .entry(units.units[g.unit].source)
            .or_default()
            .push(g);
    }
    let all_agree = |gs: &[&Given<V>]| {
        gs.iter()
            .all(|a| gs.iter().all(|b| agree(&a.value, &b.value)))
    };
    if by_source.len() < 2 || !by_source.values().all(|gs| all_agree(gs)) {
        return None;
    }
    let mut chosen: Vec<&Given<V>> = by_source.values().map(|gs| gs[pick(gs)]).collect();
    if all_agree(&chosen) {
        return None;
    }
    chosen.sort_by_key(|g| g.unit);
    let mut shown: Vec<&V> = Vec::new();
    let mut versions = Vec::new();
    for g in chosen {
        if !shown.contains(&&g.value) {
            shown.push(&g.value);
            versions.push(version(
                units,
                g.unit,
                g.written.clone(),
                None,
                label(&g.value),
            ));
        }
    }
    (versions.len() >= 2).then_some(versions)
}

/// Kinds of street, with their abbreviations: "Partridge Drive" and "Partridge Dr." are one.
const STREET_KINDS: &[&[&str]] = &[
    &["street", "st"],
    &["avenue", "ave", "av"],
    &["road", "rd"],
    &["drive", "dr"],
    &["lane", "ln"],
    &["boulevard", "blvd"],
    &["court", "ct"],
    &["place", "pl"],
    &["terrace", "ter"],
    &["circle", "cir"],
    &["parkway", "pkwy"],
    &["highway", "hwy"],
    &["way"],
];

/// Streets named two ways by two outlets: one name with another kind of street ("Partridge
/// Drive" / "Partridge Lane"), each outlet using one of them only. chorus shows both and picks
/// neither.
pub(crate) fn street_names(units: &Units) -> Vec<Difference> {
    // Name (its letters) → (kind, unit, the street as written), in order of units.
    let mut streets: BTreeMap<String, Vec<Given<usize>>> = BTreeMap::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        for i in 1..words.len() {
            let (off, w) = words[i];
            let Some(kind) = STREET_KINDS.iter().position(|k| lower_is(w, k)) else {
                continue;
            };
            let capital = |j: usize| words[j].1.chars().next().is_some_and(char::is_uppercase);
            let joined = |j: usize| text[words[j].0 + words[j].1.len()..words[j + 1].0] == *" ";
            if !capital(i) || !capital(i - 1) || !joined(i - 1) {
                continue;
            }
            let mut first = i - 1;
            while first > 0 && i - first < 3 && capital(first - 1) && joined(first - 1) {
                first -= 1;
            }
            // A name that opens the sentence may be any capitalised word ("Police Drive ...").
            if words[first].0 == 0 {
                continue;
            }
            let name = letters(&text[words[first].0..words[i - 1].0 + words[i - 1].1.len()]);
            let written = text[words[first].0..off + w.len()].to_string();
            streets.entry(name).or_default().push(Given {
                value: kind,
                unit: u,
                written,
            });
        }
    }
    let mut out = Vec::new();
    for (_, seen) in streets {
        // Each outlet names the street one way only, by the first name it writes.
        let Some(versions) = given_two_ways(
            &seen,
            units,
            |a, b| a == b,
            |_| 0,
            |&kind| STREET_KINDS[kind][0].to_string(),
        ) else {
            continue;
        };
        let first = &seen[0].written;
        let name = first[..first.rfind(' ').unwrap_or(first.len())].to_string();
        out.push(Difference {
            about: format!("name of the street: {name}"),
            versions,
        });
    }
    out
}

/// Ranks of the armed forces and the police, each with its abbreviations (first: the rank's
/// word). A rank is one slot of a person: two outlets that give one person two ranks differ.
const RANKS: &[&[&str]] = &[
    &["private", "pvt"],
    &["corporal", "cpl"],
    &["sergeant", "sgt"],
    &["lieutenant", "lt", "lieut"],
    &["captain", "capt"],
    &["major", "maj"],
    &["colonel", "col"],
    &["general", "gen"],
    &["brigadier", "brig"],
    &["admiral", "adm"],
    &["commander", "cmdr", "cdr"],
    &["ensign", "ens"],
];

/// Words that make a rank a grade of another ("staff sergeant", "rear admiral").
const RANK_GRADES: &[&str] = &[
    "staff", "master", "first", "second", "rear", "vice", "lance",
];

/// The rank word of token `w` ("Lt" → "lieutenant"), when it is one: an abbreviation only
/// with its period ("Col." but not "Col").
fn rank_word(text: &str, (off, w): (usize, &str)) -> Option<&'static str> {
    let rank = RANKS.iter().find(|r| lower_is(w, r))?;
    let full = w.eq_ignore_ascii_case(rank[0]);
    (full || text[off + w.len()..].starts_with('.')).then_some(rank[0])
}

/// A rank's words ("lieutenant colonel").
type Rank = Vec<&'static str>;

/// Whether two ranks can be of one person: the same, or one a shorter form of the other
/// ("colonel" of "lieutenant colonel", "sergeant" of "staff sergeant"); "lieutenant" is not
/// "lieutenant colonel".
fn ranks_agree(a: &[&str], b: &[&str]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.ends_with(short)
}

/// The person a rank is of: the name of the entity stage written right after it ("Sgt. Kim
/// Riley"), or the actor in brackets after it or after the name of the part ("an irascible
/// lieutenant (Samuel L. Jackson)", "Lt. Colonel Packard (Samuel L. Jackson)"): the
/// canonical name, and whether it is an actor's.
fn rank_holder(
    text: &str,
    words: &[(usize, &str)],
    next: usize,
    names: &BTreeMap<String, String>,
) -> Option<(String, bool)> {
    let end_of = |j: usize| words[j].0 + words[j].1.len();
    let bracket = |from: usize| -> Option<String> {
        let rest = text[from..].strip_prefix(" (")?;
        let close = rest.find(')')?;
        names.get(&rest[..close]).cloned()
    };
    let after_rank = words.get(next - 1).map(|&(o, w)| o + w.len())?;
    let after_rank = after_rank + usize::from(text[after_rank..].starts_with('.'));
    if let Some(actor) = bracket(after_rank) {
        return Some((actor, true));
    }
    let capital = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.1.chars().next().is_some_and(char::is_uppercase))
    };
    if !capital(next) || text[after_rank..words[next].0] != *" " {
        return None;
    }
    let mut last = next;
    while capital(last + 1) && matches!(&text[end_of(last)..words[last + 1].0], " " | ". ") {
        last += 1;
    }
    if let Some(actor) = bracket(end_of(last)) {
        return Some((actor, true));
    }
    let written = &text[words[next].0..end_of(last)];
    names.get(written).map(|n| (n.clone(), false))
}

/// A person's rank given two ways by two outlets, each giving it one way ("Lt. Colonel
/// Packard (Samuel L. Jackson)" / "an irascible lieutenant (Samuel L. Jackson)"). A rank is
/// read before a name of the entity stage or an actor's name in brackets; a story of a
/// promotion, or an outlet giving one person two ranks, is not read.
fn ranks(units: &Units, names: &BTreeMap<String, String>) -> Vec<Difference> {
    // Person → (actor?, ranks in order of units: the rank's words, "lieutenant colonel").
    let mut held: BTreeMap<String, (bool, Vec<Given<Rank>>)> = BTreeMap::new();
    // Sentences that tell of a promotion: a person they name may have held two ranks.
    let mut promoted: Vec<&str> = Vec::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        let mut i = 0;
        while i < words.len() {
            let start = i;
            let mut rank: Vec<&'static str> = Vec::new();
            while i < words.len() {
                if let Some(r) = rank_word(text, words[i]) {
                    rank.push(r);
                } else if lower_is(words[i].1, RANK_GRADES)
                    && words
                        .get(i + 1)
                        .is_some_and(|&w| rank_word(text, w).is_some())
                {
                    rank.push(
                        RANK_GRADES
                            .iter()
                            .find(|g| lower_is(words[i].1, &[g]))
                            .unwrap(),
                    );
                } else {
                    break;
                }
                i += 1;
            }
            if rank.is_empty() {
                i += 1;
                continue;
            }
            // A rank of capitals before a name; one in small letters only before an actor.
            let capitals = words[start..i]
                .iter()
                .all(|w| w.1.chars().next().is_some_and(char::is_uppercase));
            let Some((person, actor)) = rank_holder(text, &words, i, names) else {
                continue;
            };
            if !actor && !capitals {
                continue;
            }
            let end = words[i - 1].0 + words[i - 1].1.len();
            let end = end + usize::from(text[end..].starts_with('.'));
            let written = text[words[start].0..end].to_string();
            let entry = held.entry(person.clone()).or_insert((actor, Vec::new()));
            entry.0 &= actor;
            entry.1.push(Given {
                value: rank,
                unit: u,
                written,
            });
        }
        let lower = text.to_lowercase();
        if lower.contains("promot") || lower.contains("demot") {
            promoted.push(text);
        }
    }
    let mut out = Vec::new();
    for (person, (actor, ranks)) in held {
        let surname = person.rsplit(' ').next().unwrap_or(&person);
        if promoted.iter().any(|t| t.contains(surname)) {
            continue;
        }
        // Each outlet's ranks of the person agree with one another; the fullest rank of each
        // outlet stands for it.
        let fullest = |rs: &[&Given<Vec<&str>>]| {
            (0..rs.len())
                .max_by_key(|&i| rs[i].value.len())
                .unwrap_or(0)
        };
        let agree = |a: &Vec<&str>, b: &Vec<&str>| ranks_agree(a, b);
        if let Some(versions) = given_two_ways(&ranks, units, agree, fullest, |_| "rank".into()) {
            let about = if actor {
                format!("rank of the part played by {person}")
            } else {
                format!("rank of {person}")
            };
            out.push(Difference { about, versions });
        }
    }
    out
}

/// Nouns of people whose words before them name a field ("computer science student",
/// "math teacher").
const FIELD_HEADS: &[&str] = &[
    "student",
    "teacher",
    "professor",
    "lecturer",
    "engineer",
    "researcher",
    "scientist",
    "technician",
];

/// Words before such a noun that say no field: a level, a standing, a kind of school, a
/// quality ("a 20-year-old community college student", "a bright young teacher").
const NOT_FIELDS: &[&str] = &[
    "high",
    "school",
    "college",
    "university",
    "graduate",
    "grad",
    "undergraduate",
    "postgraduate",
    "doctoral",
    "phd",
    "masters",
    "master",
    "exchange",
    "international",
    "foreign",
    "female",
    "male",
    "young",
    "former",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "year",
    "sophomore",
    "junior",
    "senior",
    "freshman",
    "part",
    "full",
    "time",
    "substitute",
    "student",
    "assistant",
    "associate",
    "visiting",
    "adjunct",
    "retired",
    "veteran",
    "local",
    "community",
    "honor",
    "honors",
    "aspiring",
    "trainee",
    "lead",
    "chief",
    "head",
    "elementary",
    "middle",
    "grade",
    "private",
    "public",
    "state",
    "tenured",
    "beloved",
    "popular",
    "married",
    "single",
    "talented",
    "bright",
    "promising",
    "top",
    "brilliant",
    "quiet",
    "shy",
    "devout",
    "gifted",
    "dedicated",
    "respected",
    "award",
    "winning",
    "new",
    "old",
    "good",
    "star",
    "straight",
    "avid",
    "keen",
    "budding",
    "troubled",
    "unemployed",
    "out",
    "of",
    "work",
    "volunteer",
    "special",
    "needs",
    "education",
    "fellow",
    "top",
];

/// Whether two fields can be one: they share a word, by its first five letters ("computer
/// science" / "computing").
fn fields_agree(a: &[String], b: &[String]) -> bool {
    let stem = |w: &String| w.chars().take(5).collect::<String>();
    a.iter().any(|x| b.iter().any(|y| stem(x) == stem(y)))
}

/// The age a "N-year-old" before token `k` ("year") says: digits or number words
/// ("Twenty-four-year-old").
fn age_before(words: &[(usize, &str)], k: usize) -> Option<u32> {
    let w = words.get(k.checked_sub(1)?)?.1;
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    let ones = number_word_value(w)?;
    let whole = k
        .checked_sub(2)
        .and_then(|j| tens_and_units(number_word_value(words[j].1)?, ones))
        .unwrap_or(ones);
    Some(whole as u32)
}

/// A person described by age and field two ways by two outlets ("The 24-year-old computer
/// science student" / "The 24-year old electronics student"): one age and one noun for
/// them, fields that share no word, each outlet writing one field only, and no two sentences
/// naming different people. A person's qualities ("a bright student") are no field.
fn fields(units: &Units, names: &BTreeMap<String, String>) -> Vec<Difference> {
    // (age, noun) → descriptions in order of units: the field's words and the description
    // as written ("computer science student").
    let mut described: BTreeMap<(u32, String), Vec<Given<Vec<String>>>> = BTreeMap::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        for k in 1..words.len().saturating_sub(2) {
            if !lower_is(words[k].1, &["year"]) || !lower_is(words[k + 1].1, &["old"]) {
                continue;
            }
            let Some(age) = age_before(&words, k) else {
                continue;
            };
            // Up to three words, apart by spaces, then the noun.
            let mut h = k + 2;
            while h < words.len()
                && h < k + 6
                && !lower_is(words[h].1, FIELD_HEADS)
                && words[h].1.chars().all(char::is_alphabetic)
                && text[words[h - 1].0 + words[h - 1].1.len()..words[h].0] == *" "
            {
                h += 1;
            }
            let Some(&(off, head)) = words.get(h) else {
                continue;
            };
            if h == k + 2
                || !lower_is(head, FIELD_HEADS)
                || text[words[h - 1].0 + words[h - 1].1.len()..off] != *" "
            {
                continue;
            }
            let field: Vec<String> = words[k + 2..h]
                .iter()
                .filter(|w| w.1.chars().next().is_some_and(char::is_lowercase))
                .map(|w| w.1.to_lowercase())
                .filter(|w| !NOT_FIELDS.contains(&w.as_str()))
                .collect();
            if field.is_empty() {
                continue;
            }
            described
                .entry((age, head.to_lowercase()))
                .or_default()
                .push(Given {
                    value: field,
                    unit: u,
                    written: text[words[k + 2].0..off + head.len()].to_string(),
                });
        }
    }
    let mut out = Vec::new();
    for ((age, head), all) in described {
        // Sentences naming different people describe two people.
        let named: Vec<Vec<String>> = all
            .iter()
            .map(|d| people(units.units[d.unit].text, names))
            .filter(|p| !p.is_empty())
            .collect();
        let one_person = named
            .iter()
            .all(|a| named.iter().all(|b| a.iter().any(|p| b.contains(p))));
        if !one_person {
            continue;
        }
        let agree = |a: &Vec<String>, b: &Vec<String>| fields_agree(a, b);
        let Some(versions) = given_two_ways(&all, units, agree, |_| 0, |_| "description".into())
        else {
            continue;
        };
        let what = if head == "student" {
            "field of study"
        } else {
            "field"
        };
        out.push(Difference {
            about: format!("{what} of the {age}-year-old {head}"),
            versions,
        });
    }
    out
}

/// Words that credit a film's makers, and the part each names ("a script by", "directed by").
const CREDITS: &[(&str, &str)] = &[
    ("written by", "writers"),
    ("screenplay by", "writers"),
    ("script by", "writers"),
    ("directed by", "director"),
];

/// The full names listed from byte `at` on ("Dan Gilroy, Max Borenstein and Derek
/// Connolly"): runs of two or more capitalised words apart by ", ", " and " or ", and ";
/// `None` when a run of one word or anything else stands in the list.
fn listed_names(text: &str, at: usize) -> Option<(Vec<String>, usize)> {
    let words = tokens(&text[at..]);
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let first = i;
        while i < words.len() && capital(words[i].1) {
            let gap_ok = i == first
                || matches!(
                    &text[at + words[i - 1].0 + words[i - 1].1.len()..at + words[i].0],
                    " " | ". " | "-"
                );
            if !gap_ok {
                break;
            }
            i += 1;
        }
        if i - first < 2 {
            return None;
        }
        out.push(letters(
            &text[at + words[first].0..at + words[i - 1].0 + words[i - 1].1.len()],
        ));
        let gap_start = at + words[i - 1].0 + words[i - 1].1.len();
        let next = words.get(i).map_or(text.len(), |w| at + w.0);
        let gap = &text[gap_start..next];
        if gap == ", " && words.get(i).is_some_and(|w| capital(w.1)) {
            continue;
        }
        if matches!(gap, " " | ", ") && words.get(i).is_some_and(|w| w.1 == "and") {
            i += 1;
            continue;
        }
        return Some((out, gap_start));
    }
}

/// A film's makers credited two ways by two outlets ("written by Dan Gilroy, Max Borenstein
/// and Derek Connolly" / "from a script by Dan Gilroy and Max Borenstein"): each outlet
/// names one set of full names for the part, in a sentence about a film.
fn credits(units: &Units) -> Vec<Difference> {
    // Part → credits in order of units: the names (their letters, sorted), as written.
    let mut credited: BTreeMap<&str, Vec<Given<Vec<String>>>> = BTreeMap::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let lower = text.to_lowercase();
        if !lower.contains("film") && !lower.contains("movie") {
            continue;
        }
        for (phrase, part) in CREDITS {
            for (at, _) in lower.match_indices(phrase) {
                let start = at + phrase.len() + 1;
                if !text.is_char_boundary(start) || text.as_bytes().get(start - 1) != Some(&b' ') {
                    continue;
                }
                let Some((mut names, end)) = listed_names(text, start) else {
                    continue;
                };
                let written = text[start..end].to_string();
                names.sort();
                credited.entry(part).or_default().push(Given {
                    value: names,
                    unit: u,
                    written,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (part, all) in credited {
        let Some(versions) = given_two_ways(&all, units, |a, b| a == b, |_| 0, |_| "names".into())
        else {
            continue;
        };
        out.push(Difference {
            about: format!("the film's {part}"),
            versions,
        });
    }
    out
}

/// Opposite sides of a part of the body, in pairs ("the back of the head" / "the front of his
/// head"; "his left leg" / "his right leg"): one wound is not on both.
const BODY_SIDES: &[[&str; 2]] = &[["front", "back"], ["left", "right"], ["upper", "lower"]];
/// Parts of the body a wound is placed on by their side; the first ones come in pairs, so a
/// reader asks which one ("which leg").
const BODY_PARTS: &[&str] = &[
    "arm", "hand", "leg", "thigh", "knee", "foot", "shoulder", "hip", "eye", "head", "neck",
    "face", "chest", "back", "torso", "abdomen", "stomach",
];
/// Body parts of `BODY_PARTS` that come in pairs.
const PAIRED_PARTS: usize = 9;
/// Words of a sentence that places a wound (stems): "shot", "wounded", "the bullet".
const WOUND_WORDS: &[&str] = &[
    "shot", "wound", "bullet", "struck", "hit", "injur", "grazed",
];
/// Words before a side of a part that say whose it is, or that it is one.
const BODY_DETERMINERS: &[&str] = &["the", "his", "her", "their"];

/// A side of one part of the body as a sentence writes it.
struct BodySide {
    /// The pair of `BODY_SIDES` and which of its two sides.
    side: (usize, usize),
    /// The part's index in `BODY_PARTS`.
    part: usize,
    /// "his" or "her" when a possessive says whose the part is, else "".
    whose: &'static str,
    /// The bytes of the words, from the determiner before the side to the part.
    span: (usize, usize),
}

/// A side of a part of the body from token `i` on ("the back of the head", "the left side of
/// his head", "upper torso", "right leg"; not "in front of his house", "a right-hand man").
fn body_side(text: &str, words: &[(usize, &str)], i: usize) -> Option<BodySide> {
    let (pair, pole) = BODY_SIDES.iter().enumerate().find_map(|(p, sides)| {
        let pole = sides
            .iter()
            .position(|s| words[i].1.eq_ignore_ascii_case(s))?;
        Some((p, pole))
    })?;
    let determiner = |j: usize| lower_is(words[j].1, BODY_DETERMINERS);
    let before = i.checked_sub(1).filter(|&j| determiner(j));
    let mut j = i + 1;
    if pair == 1 && words.get(j).is_some_and(|w| w.1 == "side") {
        j += 1;
    }
    let mut whose = before;
    if words.get(j).is_some_and(|w| w.1 == "of") {
        before?;
        whose = Some(j + 1).filter(|&k| k < words.len() && determiner(k));
        whose?;
        j += 2;
    }
    let (off, w) = *words.get(j)?;
    let part = BODY_PARTS.iter().position(|p| w.eq_ignore_ascii_case(p))?;
    let joined = &text[words[j - 1].0 + words[j - 1].1.len()..off] == "-";
    // The back is a side of another part only ("the back of the head"), never its own.
    if joined || pair == 0 && BODY_PARTS[part] == "back" {
        return None;
    }
    let whose = match whose.map(|k| words[k].1.to_lowercase()).as_deref() {
        Some("his") => "his",
        Some("her") => "her",
        _ => "",
    };
    Some(BodySide {
        side: (pair, pole),
        part,
        whose,
        span: (
            words[what_lies_there(words, before.unwrap_or(i))].0,
            off + w.len(),
        ),
    })
}

/// The first token of what a place on the body holds, when a short noun phrase names it
/// before "in", "on" or "to" ("a big knot in the front of his head", "a wound to the left
/// leg"), else `at`, the place's first token ("shot in the back of the head").
fn what_lies_there(words: &[(usize, &str)], at: usize) -> usize {
    let Some(prep) = at
        .checked_sub(1)
        .filter(|&k| lower_is(words[k].1, &["in", "on", "to"]))
    else {
        return at;
    };
    (prep.saturating_sub(4)..prep.saturating_sub(1))
        .rev()
        .find(|&j| lower_is(words[j].1, &["a", "an"]))
        .filter(|&j| {
            words[j + 1..prep]
                .iter()
                .all(|w| !lower_is(w.1, &["was", "were", "is", "are", "been", "be"]))
        })
        .unwrap_or(at)
}

/// Where one person was hit, told two ways by two outlets ("he was shot in the back of the
/// head" / "there is a big knot in the front of his head ... the bullet is still in his
/// head"): one part of the body on opposite sides, in sentences that place a wound, each
/// outlet giving that part one side only. A part given for a man and for a woman, or in
/// sentences naming different people, is two people's.
fn wound_sides(units: &Units, names: &BTreeMap<String, String>) -> Vec<Difference> {
    // Part → sides in order of units: (pair, pole), as written; and the possessives and the
    // people named beside the part.
    let mut placed: BTreeMap<usize, Vec<Given<(usize, usize)>>> = BTreeMap::new();
    let mut whose: BTreeMap<usize, (Vec<&str>, Vec<Vec<String>>)> = BTreeMap::new();
    for (u, unit) in units.units.iter().enumerate() {
        let text = unit.text;
        let words = tokens(text);
        let wound = words.iter().any(|(_, w)| {
            let w = w.to_lowercase();
            WOUND_WORDS.iter().any(|s| w.starts_with(s))
        });
        if !wound {
            continue;
        }
        for i in 0..words.len() {
            let Some(b) = body_side(text, &words, i) else {
                continue;
            };
            placed.entry(b.part).or_default().push(Given {
                value: b.side,
                unit: u,
                written: text[b.span.0..b.span.1].to_string(),
            });
            let (sexes, people_named) = whose.entry(b.part).or_default();
            sexes.push(b.whose);
            people_named.push(people(text, names));
        }
    }
    let mut out = Vec::new();
    for (part, sides) in placed {
        let (sexes, named) = &whose[&part];
        let two_sexes = sexes.contains(&"his") && sexes.contains(&"her");
        if two_sexes || name_different_people(named) {
            continue;
        }
        // Sides of two pairs both hold ("left abdomen" / "lower abdomen").
        let agree = |a: &(usize, usize), b: &(usize, usize)| a.0 != b.0 || a.1 == b.1;
        let Some(versions) = given_two_ways(&sides, units, agree, |_| 0, |_| "side".into()) else {
            continue;
        };
        let name = BODY_PARTS[part];
        let about = if part < PAIRED_PARTS && sides.iter().all(|g| g.value.0 == 1) {
            format!("which {name}")
        } else {
            format!("where on the {name}")
        };
        out.push(Difference { about, versions });
    }
    out
}

/// Words for people a count of the wounded counts ("four others", "six victims").
const WOUNDED_NOUNS: &[&str] = &[
    "others",
    "people",
    "victims",
    "persons",
    "men",
    "women",
    "teens",
    "teenagers",
];

/// Words for one person an age describes ("a 21-year-old man").
const ONE_PERSON: &[&str] = &["man", "woman", "boy", "girl", "teen", "teenager"];

/// How badly someone is hurt, read at token `i`: in danger of their life (`true`: "in
/// critical condition", "critically hurt", "life-threatening injuries") or not
/// ("non-life-threatening", "aren't believed to be life-threatening", "stable condition",
/// "minor injuries"), with the token the phrase ends on (its noun when one follows).
fn gravity(words: &[(usize, &str)], i: usize) -> Option<(bool, usize)> {
    let is = |j: usize, options: &[&str]| words.get(j).is_some_and(|w| lower_is(w.1, options));
    let hurt = [
        "condition",
        "injuries",
        "wounds",
        "injured",
        "hurt",
        "wounded",
    ];
    let (grave, end) = match words[i].1.to_lowercase().as_str() {
        "critical" if is(i + 1, &hurt) => (true, i + 1),
        "critically" if is(i + 1, &hurt) => (true, i + 1),
        "stable" if is(i + 1, &["condition"]) => (false, i + 1),
        "minor" if is(i + 1, &["injuries", "wounds"]) => (false, i + 1),
        "life" if is(i + 1, &["threatening"]) => {
            let end = if is(i + 2, &hurt) { i + 2 } else { i + 1 };
            (true, end)
        }
        _ => return None,
    };
    // "non-life-threatening", "not in critical condition", "aren't believed to be …".
    let negated = words[i.saturating_sub(4)..i].iter().any(|(_, w)| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "non" | "not" | "no" | "never")
            || w.ends_with("n't")
            || w.ends_with("n’t")
    });
    Some((grave != negated, end))
}

/// A condition an article gives: of a whole count of the wounded ("Four others were also shot
/// and critically hurt"), or of one person an age describes ("a 21-year-old man suffered
/// non-life-threatening injuries"), with the words that say it.
struct Condition {
    unit: usize,
    grave: bool,
    /// The count of the wounded it is of; `None` for one person's.
    count: Option<u32>,
    span: (usize, usize),
}

/// A count of people at token `j` ("four others", "6 victims"): its value.
fn count_of_people(words: &[(usize, &str)], j: usize) -> Option<u32> {
    let w = words[j].1;
    let value = w
        .parse::<u32>()
        .ok()
        .or_else(|| number_word_value(w).map(|v| v as u32))?;
    (j + 1..words.len().min(j + 3)).find(|&k| lower_is(words[k].1, WOUNDED_NOUNS))?;
    // "two of the victims" is a part, not the whole.
    let part = words.get(j + 1).is_some_and(|w| w.1 == "of");
    (value >= 2 && !part).then_some(value)
}

/// The conditions a sentence gives: a whole count's when it gives one count of people and
/// one condition after it (a part, "two of them", is no whole), else each person's an age
/// describes, the nearest before each condition.
/// `words` are the sentence's tokens, `counts` the counts of people among them (token and value,
/// [`count_of_people`]).
fn conditions_in(u: usize, words: &[(usize, &str)], counts: &[(usize, u32)]) -> Vec<Condition> {
    let said: Vec<(bool, usize, usize)> = (0..words.len())
        .filter_map(|i| gravity(words, i).map(|(g, end)| (g, i, end)))
        .collect();
    let span = |from: usize, to: usize| (words[from].0, words[to].0 + words[to].1.len());
    // "a 21-year-old man", "a twenty-one-year-old man": where each such description starts.
    let ages: Vec<usize> = (2..words.len().saturating_sub(2))
        .filter(|&y| {
            lower_is(words[y].1, &["year"])
                && lower_is(words[y + 1].1, &["old"])
                && lower_is(words[y + 2].1, ONE_PERSON)
                && age_before(words, y).is_some()
        })
        .filter_map(|y| {
            // The age's first token: a tens word before its units word ("twenty-one").
            let tens = y >= 3
                && number_word_value(words[y - 2].1)
                    .zip(number_word_value(words[y - 1].1))
                    .and_then(|(t, o)| tens_and_units(t, o))
                    .is_some();
            let first = if tens { y - 2 } else { y - 1 };
            let article = first.checked_sub(1)?;
            lower_is(words[article].1, &["a", "an", "the"]).then_some(article)
        })
        .collect();
    // "two of the victims", "some of them": a part of the count.
    let part = words.windows(2).any(|w| {
        w[1].1 == "of"
            && (w[0].1.parse::<u32>().is_ok()
                || number_word_value(w[0].1).is_some()
                || lower_is(w[0].1, SOME_OF))
    });
    // The whole count says they were hurt ("shot and critically hurt"): a count of those
    // "taken to the hospital in critical condition" may be another group (the dead among
    // them, the one who drove himself left out).
    let wounded = |from: usize, to: usize| {
        words[from..=to].iter().any(|(_, w)| {
            let w = w.to_lowercase();
            w == "hurt" || WOUND_WORDS.iter().any(|s| w.starts_with(s))
        })
    };
    if let ([(j, n)], [(g, at, end)]) = (counts, &said[..]) {
        if j < at && ages.is_empty() && !part && wounded(*j, *end) {
            let c = Condition {
                unit: u,
                grave: *g,
                count: Some(*n),
                span: span(*j, *end),
            };
            return vec![c];
        }
    }
    if !counts.is_empty() {
        return Vec::new();
    }
    said.iter()
        .filter_map(|&(grave, at, end)| {
            let &k = ages.iter().rev().find(|&&k| k < at)?;
            Some(Condition {
                unit: u,
                grave,
                count: None,
                span: span(k, end),
            })
        })
        .collect()
}

/// How badly the wounded are hurt, told two ways the same day: one outlet gives a whole count
/// of them one condition ("Four others were also shot and critically hurt"), another, whose
/// article counts as many wounded, gives one of them described by age the other ("a
/// 21-year-old man suffered non-life-threatening injuries"). A condition changes with time,
/// so only articles published the same day are compared; an article that gives a whole count
/// one condition and someone the other tells of a part, not the whole, and is not read.
fn wounded_conditions(units: &Units) -> Vec<Difference> {
    // Each article's conditions and the counts of people it gives, read once.
    let mut all: Vec<Vec<Condition>> = (0..units.articles.len()).map(|_| Vec::new()).collect();
    let mut counted: Vec<Vec<u32>> = vec![Vec::new(); units.articles.len()];
    for (u, unit) in units.units.iter().enumerate() {
        let words = tokens(unit.text);
        let counts: Vec<(usize, u32)> = (0..words.len())
            .filter_map(|j| count_of_people(&words, j).map(|v| (j, v)))
            .collect();
        all[unit.article].extend(conditions_in(u, &words, &counts));
        counted[unit.article].extend(counts.iter().map(|&(_, n)| n));
    }
    let day = |a: usize| {
        units.articles[a]
            .article
            .published
            .as_deref()
            .and_then(|d| d.get(..10))
    };
    let counts = |a: usize, n: u32| counted[a].contains(&n);
    let one_way = |a: usize| {
        let c = &all[a];
        !(c.iter().any(|x| x.grave) && c.iter().any(|x| !x.grave))
    };
    let mut out = Vec::new();
    for grave in [true, false] {
        let mut versions: Vec<Version> = Vec::new();
        let mut push = |c: &Condition| {
            let unit = &units.units[c.unit];
            if !versions.iter().any(|v| v.source == unit.source) {
                let value = unit.text[c.span.0..c.span.1].to_string();
                versions.push(version(units, c.unit, value, None, "condition".into()));
            }
        };
        for (x, groups) in all.iter().enumerate() {
            for g in groups
                .iter()
                .filter(|g| g.grave == grave && g.count.is_some() && one_way(x))
            {
                for (y, people) in all.iter().enumerate() {
                    let apart = units.wire_group[x] != units.wire_group[y]
                        && units.articles[x].article.source != units.articles[y].article.source
                        && day(x).is_some()
                        && day(x) == day(y);
                    if !apart || !counts(y, g.count.unwrap_or(0)) {
                        continue;
                    }
                    for p in people
                        .iter()
                        .filter(|p| p.grave != grave && p.count.is_none())
                    {
                        push(g);
                        push(p);
                    }
                }
            }
        }
        if versions.len() >= 2 {
            out.push(Difference {
                about: "how badly the wounded were hurt".into(),
                versions,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::art;
    use chorus_model::CleanArticle;

    #[test]
    fn an_age_in_number_words_is_read_whole() {
        let age = |text: &str| {
            let words = tokens(text);
            let k = words.iter().position(|w| w.1 == "year")?;
            age_before(&words, k)
        };
        assert_eq!(age("a Twenty-four-year-old student"), Some(24));
        assert_eq!(age("the twenty four year old"), Some(24));
        assert_eq!(age("a four-year-old boy"), Some(4));
        assert_eq!(age("a 37-year-old man"), Some(37));
        // "hundred" takes no units this way.
        assert_eq!(age("the hundred four year old"), Some(4));
    }

    /// The differences of two outlets' texts, as "about: value (source) / value (source)".
    fn check(a: &str, b: &str) -> Vec<String> {
        let articles = [art("A", a), art("B", b)];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        find(&units, &BTreeMap::new())
            .iter()
            .map(|d| {
                let versions: Vec<String> = d
                    .versions
                    .iter()
                    .map(|v| format!("{} ({})", v.value, v.source))
                    .collect();
                format!("{}: {}", d.about, versions.join(" / "))
            })
            .collect()
    }

    #[test]
    fn one_quantity_reported_two_ways_is_a_difference() {
        let cases = [
            ("The 40-year-old viaduct gave way at dawn on Tuesday.", "The viaduct, built 35 years ago, had been flagged for repairs."),
            ("Dock workers began a 72-hour strike on Monday morning at the port.", "The union has called a five-day walkout and wants a pay rise."),
            ("More than 300 people were evacuated from their homes in the valley overnight.", "About 240 people have been moved out of the valley since Saturday night."),
            ("A farmer was rescued after spending nine hours clinging to the roof of a barn.", "The farmer was stranded on the roof of a barn for nearly 12 hours before a crew reached him."),
            ("By Tuesday morning 27 ships were waiting at anchor outside the port.", "Agents said 31 vessels were waiting to enter the port by Monday evening."),
            ("Two people were killed and at least 12 people were injured when the span collapsed.", "Nine people were injured, three of them seriously, the hospital said."),
            ("The shooting happened around 3:47 p.m. on Friday near the boardwalk.", "Police said the shooting happened at 3:30 p.m. on Friday near the boardwalk."),
            // A length in two units, after a label.
            ("Rated R. Running time: 91 MIN.", "Running time: 1 hour, 30 minutes"),
            // One person's age, the name written in full or in part, or given between commas
            // after a word that is no count.
            ("Kevin Michael McQuilliams, 26, was sentenced on Monday for the shooting.", "A judge sentenced 25-year-old Kevin McQuilliams on Monday for the shooting."),
            ("Salah Ali, 70, the girl's grandfather, said the mother was in shock.", "Salah Ali, 77, grandfather of the girl, spoke outside the building."),
            ("Leaders met on Monday to address a shooting that left 17 people injured at the playground.", "Police are investigating a shooting that left 16 people injured Sunday night at the playground."),
            ("Police arrived to find Lindsay, 26, and Duncan, 23, dead alongside a third victim. Jimerson killed Nicholas John Lindsay.", "Prosecutors charged Jimerson, 29, for the deaths of Lindsay, 24 and Duncan, 23. Nicholas Lindsay died."),
            // Its first name spelt two ways by the two outlets.
            ("Police said the victim is 20-year-old Adeline King of Blytheville.", "The shooting resulted in the death of 19-year-old Adline King of Blytheville."),
            // Two round counts, each "more than": fewer than the next round figure.
            ("She is one of more than 40 women who have accused the comedian of sexual assault.", "More than 30 women have accused the comedian of sexual assault."),
            // A relative, by the one they are related to, in sentences telling one thing.
            ("The father accidentally shot his 11 year-old son in the cheek on Sunday.", "A dad accidentally shot his 10-year-old son in the cheek at home."),
            // A distance between the same two places, measured from either.
            ("Charenton is located about 45 miles southeast of Lafayette.", "One deputy remained in Lafayette, 40 miles northwest of Charenton, and the other in New Orleans, about 100 miles east of Charenton."),
            // What some of those counted did, after a comma, says what the count is of.
            ("More than 30 women have come forward in the past six months, some accusing the comedian of drugging them.", "Pressed on being accused by more than 40 women of drugging and raping them, the comedian said nothing."),
            // An age in a list set apart by semicolons, and a name spelt two ways.
            ("The suspects are Cutrez Johnson, 16; Oshlushla Smith, 21; and Kamontay Cullins, 19.", "Police arrested 18-year-old Kemontay Cullins in the shooting."),
            ("Police arrested 34-year-old Jamick Dakota Corely in connection with the shooting.", "A spokesman said Jamick Dakota Corley, 35, was charged on Friday."),
            // "Other people" are others.
            ("A girl was among eight other people wounded in the shooting, police said.", "The six others wounded in the shooting received non-life threatening injuries."),
            // The second count of a toll without nouns counts others.
            ("A shooting near the school left one person dead and three others injured.", "Police said the drive-by shooting left one dead and four injured."),
            // An age with no comma after it, before its verb.
            ("Three other men were also wounded. Calvin Williams, 24 was shot in the chest.", "Warrants were obtained for Calvin Williams, 23, and Ralph Armstrong, 25."),
        ];
        for (a, b) in cases {
            let found = check(a, b);
            assert_eq!(found.len(), 1, "{a} / {b}: {found:?}");
        }
    }

    #[test]
    fn what_differs_reads_as_a_reader_says_it() {
        let cases = [
            // Two words of one class: the class's own.
            ("More than 300 people were evacuated from their homes in the valley overnight.", "About 240 people have been moved out of the valley since Saturday night.", "people evacuated"),
            // A length of time without its noun: what lasted, in the words of its clause.
            ("A farmer was rescued after spending nine hours clinging to the roof of a barn.", "The farmer was stranded on the roof of a barn for nearly 12 hours before a crew reached him.", "length of time stranded on the roof of a barn"),
            ("Dock workers began a 72-hour strike on Monday morning at the port.", "The union has called a five-day walkout and wants a pay rise.", "length of the strike"),
            ("Rated R. Running time: 91 MIN.", "Running time: 1 hour, 30 minutes", "running time"),
            // A count of one and one of more: the noun of the more.
            ("One person was killed in the crash on the highway on Monday.", "The crash on the highway left three people dead on Monday.", "people killed"),
        ];
        for (a, b, about) in cases {
            let found = check(a, b);
            assert_eq!(found.len(), 1, "{a} / {b}: {found:?}");
            assert!(found[0].starts_with(&format!("{about}: ")), "{found:?}");
        }
    }

    #[test]
    fn an_article_giving_both_values_tells_of_two_quantities() {
        // A part and the whole in one article ("two killed at the car wash" of four), and one
        // more counted apart ("and a fifth person"), are no versions of one toll.
        let cases = [
            ("A man opened fire at a car wash and a barbershop on Wednesday, killing four people, police said. Two people were killed at the car wash, police said.", "The man killed four people on Wednesday, police said."),
            ("The gunman remains at large after injuring three officers at the clinic. Four officers are confirmed injured at the clinic.", "Four officers were injured at the clinic."),
            ("Five people were injured in the drive-by shooting on Sunday, police said.", "The drive-by shooting left four people injured by gunshots and a fifth person injured by flying glass."),
            // A toll before and after one of the injured died, both in one article.
            ("A drive-by shooting left one person dead and three others injured, police said.", "Police arrested a man for a drive-by shooting that left one dead and three injured. Two others were injured, police said."),
        ];
        for (a, b) in cases {
            assert_eq!(check(a, b), Vec::<String>::new(), "{a} / {b}");
        }
    }

    #[test]
    fn lengths_and_times_of_sentences_about_different_people_are_two_things() {
        let names: BTreeMap<String, String> = ["Oliver", "Davis", "Bonner", "Ann Lee"]
            .iter()
            .map(|n| (n.to_string(), n.to_string()))
            .collect();
        let found = |a: &str, b: &str| {
            let articles = [art("A", a), art("B", b)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            find(&Units::new(&refs), &names).len()
        };
        assert_eq!(
            found(
                "Oliver was a 15-year law enforcement veteran of the county.",
                "Bonner later described Davis as an 18-year law enforcement veteran of the county."
            ),
            0
        );
        // One person, or people who only say it: one length told two ways.
        assert_eq!(
            found(
                "Oliver was a 15-year law enforcement veteran of the county.",
                "Oliver had been an 18-year law enforcement veteran of the county, Bonner said."
            ),
            1
        );
        assert_eq!(
            found(
                "Dock workers began a 72-hour strike at the port, Ann Lee said.",
                "The union has called a five-day strike at the port, according to Davis."
            ),
            1
        );
        // Joined through a sentence that names nobody.
        let articles = [
            art(
                "A",
                "Oliver was pronounced dead at the county hospital at 1:19 a.m.",
            ),
            art(
                "B",
                "He was pronounced dead at the county hospital at 1:19 a.m.",
            ),
            art(
                "C",
                "Davis was pronounced dead at the county hospital at 1:35 a.m.",
            ),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        assert!(find(&Units::new(&refs), &names).is_empty());
    }

    #[test]
    fn lengths_of_the_parts_of_a_whole_are_each_of_its_own() {
        let articles = [
            art("A", "It takes two hours to get to the sea floor and will search for 16 hours."),
            art("B", "Each Bluefin-21 mission will last 24 hours, with 16 hours spent on the ocean floor, four hours' diving and resurfacing time, and four hours to download data."),
            art("C", "It should have taken the probe 24 hours to map the first portion of the search area: 16 hours to map, four hours' travel time to just above the ocean floor and back, and four hours for analysts to examine the data."),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let found = find(&Units::new(&refs), &BTreeMap::new());
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(|d| &d.about).collect::<Vec<_>>()
        );
    }

    #[test]
    fn about_says_what_differs_in_a_readers_words() {
        let about = |a: &str, b: &str| -> Vec<String> {
            check(a, b)
                .iter()
                .map(|d| d.split(':').next().unwrap_or("").to_string())
                .collect()
        };
        assert_eq!(
            about(
                "The elevator fell at about 11:45 a.m. on the 23rd floor, officials said of the accident.",
                "The elevator fell around 10:30 a.m. on the 23rd floor, police said."
            ),
            ["time of the accident"]
        );
        assert_eq!(
            about(
                "Police said 12 people were arrested during the brawl at the park.",
                "Police said 13 people were arrested in the brawl at the park."
            ),
            ["people arrested"]
        );
        assert_eq!(
            about(
                "The blast caused the collapse of three houses and the evacuation of about 70 homes on the block.",
                "Officials ordered the evacuation of 22 homes on the block after the blast."
            ),
            ["homes evacuated"]
        );
        assert_eq!(
            about(
                "He faces two counts of assault and five counts of fifth degree criminal mischief in the crash.",
                "He was arrested on assault and six counts of criminal mischief in the crash."
            ),
            ["counts of criminal mischief"]
        );
        // The counted are who did it.
        assert_eq!(
            about(
                "He was accused by more than 40 women of assault, the lawyers said.",
                "More than 30 women have accused him of assault, the lawyers said."
            ),
            ["women who accused"]
        );
    }

    #[test]
    fn clock_times_hours_apart_are_of_two_happenings() {
        assert!(check(
            "It was a quiet evening before the 6:30 p.m. shooting on the avenue.",
            "A man drove himself to a hospital after he was shot around 11:45 p.m. on the avenue."
        )
        .is_empty());
        assert_eq!(
            check(
                "The shooting on the avenue happened at 10:40 p.m. on Monday.",
                "The shooting on the avenue happened around 9:30 p.m. on Monday."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_street_named_two_ways_is_a_difference() {
        let check = |a: &str, b: &str| {
            let articles = [art("A", a), art("B", b)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            let units = Units::new(&refs);
            street_names(&units)
                .iter()
                .map(|d| {
                    let values: Vec<&str> = d.versions.iter().map(|v| v.value.as_str()).collect();
                    format!("{}: {}", d.about, values.join(" / "))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            check(
                "Police responded to Partridge Drive in Monroe on Sunday.",
                "The parents live on Partridge Lane in Monroe, police said."
            ),
            ["name of the street: Partridge: Partridge Drive / Partridge Lane"]
        );
        // Abbreviations, and an outlet that names two streets.
        assert!(check(
            "Police responded to Partridge Dr. in Monroe.",
            "The parents live on Partridge Drive in Monroe."
        )
        .is_empty());
        assert!(check(
            "The crash was at Olive Street and Olive Avenue in Oakland.",
            "The crash was at Olive Avenue in Oakland."
        )
        .is_empty());
    }

    #[test]
    fn a_name_difference_is_told_once() {
        let difference = |about: &str, values: &[&str]| Difference {
            about: about.into(),
            versions: values
                .iter()
                .map(|v| Version {
                    text: String::new(),
                    source: String::new(),
                    citation: chorus_model::Citation {
                        article: String::new(),
                        start: 0,
                        end: 0,
                        support: None,
                        source_start: None,
                        source_end: None,
                    },
                    value: (*v).into(),
                    number: None,
                    unit: None,
                })
                .collect(),
        };
        let kept = without_repeats(vec![
            difference("of Minehart", &["Jeffery Minehart", "Jeffrey Minehart"]),
            difference(
                "Judge",
                &["Judge Jeffery Minehart", "Judge Jeffrey Minehart"],
            ),
            difference("street", &["Minehart Avenue", "Minehart Road"]),
            // Two forms that hold one spelling only are no repeat of the two.
            difference("Jr", &["Jeffery Minehart Jr", "Jeffery Minehart III"]),
        ]);
        let abouts: Vec<&str> = kept.iter().map(|d| d.about.as_str()).collect();
        assert_eq!(abouts, ["of Minehart", "street", "Jr"]);
    }

    #[test]
    fn names_spelt_two_ways_are_told_from_one_spelling() {
        let differ = [
            ("Rhonda Roue", "Rhonda Rouer"),
            ("Rolando Pizarro", "Ronaldo Pizarro"),
            ("Lehmkul", "Lehmkuhl"),
        ];
        for (a, b) in differ {
            assert!(spelt_differently(a, b), "{a} / {b}");
        }
        let same = [
            ("al-Assad", "Al Assad"),
            ("Bashar al Assad", "Bashar Al-Assad"),
            ("Mr Assad", "Assad"),
            ("Jolani", "Golani"),
            ("Ann Lee", "Ann Lea"),
            ("Al-Assad", "Assad"),
            ("James Poore", "James Poores"),
            ("Ilsa van der Berg", "Ilsa Vanderberg"),
            ("Kira Grünberg", "Kira Grunberg"),
            ("Klansman", "Klansmen"),
            ("Westerhuis", "Westerhuises"),
        ];
        for (a, b) in same {
            assert!(!spelt_differently(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_slip_of_the_pen_is_told_from_another_name() {
        for (a, b) in [
            ("rolando", "ronaldo"),
            ("huang", "haung"),
            ("amil", "amill"),
            ("pizzaro", "pizarro"),
        ] {
            assert!(slip(a, b) && slip(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("mario", "maria"),
            ("daniel", "daniela"),
            ("kelley", "keller"),
            ("amil", "amila"),
        ] {
            assert!(!slip(a, b) && !slip(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("adeline", "adline"),
            ("brittany", "brittney"),
            ("kendal", "kendall"),
            ("akins", "atkins"),
        ] {
            assert!(one_spelling(a, b) && one_spelling(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("mario", "maria"),
            ("daniel", "daniela"),
            ("mark", "mack"),
            ("marco", "mario"),
            ("gavin", "kevin"),
            ("northeast", "northwest"),
            ("theatre", "theater"),
        ] {
            assert!(!one_spelling(a, b) && !one_spelling(b, a), "{a} / {b}");
        }
        // Two people the entity stage kept apart, one full name spelt two ways.
        let articles = [
            art(
                "A",
                "Rolando Pizarro, 45, the intended target, was shot in the abdomen.",
            ),
            art(
                "B",
                "The shooting left 45-year-old Ronaldo Pizarro and his wife injured.",
            ),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let names: BTreeMap<String, String> = [
            ("Rolando Pizarro", "Rolando Pizarro"),
            ("Ronaldo Pizarro", "Ronaldo Pizarro"),
            ("Maria Lopez", "Maria Lopez"),
            ("Mario Lopez", "Mario Lopez"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let found: Vec<Vec<String>> = name_spellings(&units, &names)
            .iter()
            .map(|d| d.versions.iter().map(|v| v.value.clone()).collect())
            .collect();
        assert_eq!(found, [["Rolando Pizarro", "Ronaldo Pizarro"]]);
        // One word spelt three ways, in full names and alone: one difference, each spelling
        // by its fullest form; another word of the same name spelt two ways is another.
        let articles = [
            art("A", "Police say Malijah Grant was in the back seat. Malijah was one. Officers found Kurt Meyers later."),
            art("B", "The girl, Malijha Grant, died after being shot. Click to read about Malijha. Meyers was found."),
            art("C", "Milajha Grant was shot two weeks ago. Kurt Myers was found by officers."),
        ];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let units = Units::new(&refs);
        let names: BTreeMap<String, String> = [
            ("Malijah Grant", "Milajha Grant"),
            ("Malijha Grant", "Milajha Grant"),
            ("Milajha Grant", "Milajha Grant"),
            ("Malijah", "Milajha Grant"),
            ("Malijha", "Milajha Grant"),
            ("Kurt Meyers", "Kurt Meyers"),
            ("Kurt Myers", "Kurt Meyers"),
            ("Meyers", "Kurt Meyers"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let mut found: Vec<Vec<String>> = name_spellings(&units, &names)
            .iter()
            .map(|d| d.versions.iter().map(|v| v.value.clone()).collect())
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                vec!["Kurt Meyers", "Kurt Myers"],
                vec!["Malijah Grant", "Malijha Grant", "Milajha Grant"]
            ]
        );
    }

    #[test]
    fn names_read_in_the_text_spelt_two_ways_are_a_difference() {
        let spelt = |a: &str, b: &str| -> Vec<Vec<String>> {
            let articles = [art("A", a), art("B", b)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            written_spellings(&Units::new(&refs), &BTreeMap::new())
                .iter()
                .map(|d| d.versions.iter().map(|v| v.value.clone()).collect())
                .collect()
        };
        assert_eq!(
            spelt(
                "The child, identified as Kendall Pinkerton, was taken to the hospital.",
                "Police said Kendal Pinkerton was critically injured at the Lehigh Valley Hospital."
            ),
            [["Kendal Pinkerton", "Kendall Pinkerton"]]
        );
        assert_eq!(
            spelt(
                "The victims were 21-year-old Devante Larry Akins and Romello Steward.",
                "The deceased are Devante Larry Atkins and Romello Steward. Devante Atkins was 21."
            ),
            [["Devante Larry Akins", "Devante Larry Atkins"]]
        );
        // Two places, two people an article names together, a spelling convention.
        assert!(spelt(
            "The GPS tracked him to Patterson Street in Northeast D.C. on Monday.",
            "He was shot in Northwest D.C. on Monday."
        )
        .is_empty());
        assert!(spelt(
            "Maria Lopez and her brother Marco Lopez were shot.",
            "Mario Lopez was shot."
        )
        .is_empty());
        assert!(spelt(
            "Adeline King and Adline King were both at the party.",
            "Adeline King was shot."
        )
        .is_empty());
        // A name given with its initials, and another of the same initials.
        assert_eq!(
            spelt(
                "Lawmakers who defected to the All Progressive Congress (APC) lost their seats.",
                "The lawmakers defected to the All Possible Congress last year."
            ),
            [["All Possible Congress", "All Progressive Congress"]]
        );
        assert!(spelt(
            "Lawmakers who defected to the All Progressive Congress lost their seats.",
            "The lawmakers defected to the All Possible Congress last year."
        )
        .is_empty());
        assert!(spelt(
            "Lawmakers who defected to the All Progressive Congress (APC) lost their seats.",
            "The lawmakers defected to the All Democratic Congress last year."
        )
        .is_empty());
        assert!(spelt(
            "The speech was given at the Dolby Theatre on Sunday.",
            "Winners gathered at the Dolby Theater on Sunday."
        )
        .is_empty());
    }

    #[test]
    fn a_name_spelt_two_ways_is_named_as_more_articles_write_it() {
        let abouts = |texts: &[&str], names: &[(&str, &str)]| -> Vec<String> {
            let articles: Vec<CleanArticle> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| art(&format!("S{i}"), t))
                .collect();
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            let names: BTreeMap<String, String> = names
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            name_spellings(&Units::new(&refs), &names)
                .into_iter()
                .map(|d| d.about)
                .collect()
        };
        let people = [
            ("Jaime Rodriguez", "Jaime Rodriguez"),
            ("Jamie Rodriguez", "Jaime Rodriguez"),
        ];
        // The entity stage named him as one article writes him; two write "Jamie".
        assert_eq!(
            abouts(
                &[
                    "Jaime Rodriguez was shot outside his home on Friday.",
                    "Police said Jamie Rodriguez was shot on Friday.",
                    "Neighbours said Jamie Rodriguez was a quiet man.",
                ],
                &people
            ),
            ["spelling of the name of Jamie Rodriguez"]
        );
        // One article each: the entity stage's name stays.
        assert_eq!(
            abouts(
                &[
                    "Jaime Rodriguez was shot outside his home on Friday.",
                    "Police said Jamie Rodriguez was shot on Friday.",
                ],
                &people
            ),
            ["spelling of the name of Jaime Rodriguez"]
        );
        // A name the text writes, not the entity stage's: as more articles write it.
        assert_eq!(
            abouts(
                &[
                    "Police arrested Jamick Dakota Corely on Friday.",
                    "Jamick Dakota Corley was charged on Friday.",
                    "A judge set bail for Jamick Dakota Corley on Monday.",
                ],
                &[]
            ),
            ["spelling of the name of Jamick Dakota Corley"]
        );
    }

    #[test]
    fn a_whole_count_of_the_wounded_and_one_of_them_hurt_two_ways_differ() {
        let shown = |a: &str, b: &str, days: [&str; 2]| -> Vec<Vec<String>> {
            let mut articles = [art("A", a), art("B", b)];
            for (article, day) in articles.iter_mut().zip(days) {
                article.article.published = Some(day.into());
            }
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            wounded_conditions(&Units::new(&refs))
                .iter()
                .map(|d| d.versions.iter().map(|v| v.value.clone()).collect())
                .collect()
        };
        let whole = "Two teens were killed. Four others were also shot and critically hurt.";
        let one = "Two teens were killed and four others were wounded. A 21-year-old man also \
                   was shot but his injuries aren't believed to be life-threatening.";
        let day = "2013-04-14T10:00:00Z";
        assert_eq!(
            shown(whole, one, [day, day]),
            [[
                "Four others were also shot and critically hurt",
                "A 21-year-old man also was shot but his injuries aren't believed to be \
                 life-threatening"
            ]]
        );
        // The age in number words describes him as well.
        let words = one.replace("A 21-year-old", "A twenty-one-year-old");
        assert_eq!(shown(whole, &words, [day, day]).len(), 1);
        // A day later the man may be better: an update, not a difference.
        assert!(shown(whole, one, [day, "2013-04-15T10:00:00Z"]).is_empty());
        // Five wounded: the man may be the one the whole count leaves out.
        let five = one.replace("four others", "five others");
        assert!(shown(whole, &five, [day, day]).is_empty());
        // A part is no whole ("two of the victims"), and a writer who gives the whole count
        // one condition and someone the other tells of a part.
        let part = "Four others were shot, two of the victims critically hurt.";
        assert!(shown(part, one, [day, day]).is_empty());
        let both = "Four others were also shot and critically hurt. A 17-year-old boy is in \
                    stable condition.";
        assert!(shown(both, one, [day, day]).is_empty());
        // Those taken to hospital may be another group than the wounded.
        let taken = "Four victims were taken to the hospital in critical condition.";
        assert!(shown(taken, one, [day, day]).is_empty());
    }

    #[test]
    fn a_name_with_and_without_a_possessive_is_spelt_two_ways() {
        let check = |a: &str, b: &str| {
            let articles = [art("A", a), art("B", b)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            possessive_names(&Units::new(&refs))
                .iter()
                .map(|d| {
                    let values: Vec<&str> = d.versions.iter().map(|v| v.value.as_str()).collect();
                    values.join(" / ")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            check(
                "Two St. Mary Parish sheriff's deputies were critically wounded on Friday.",
                "He also wounded a pair of St. Mary's Parish sheriff's deputies who responded."
            ),
            ["St. Mary Parish / St. Mary's Parish"]
        );
        // An outlet that also quotes the other form still writes its own.
        assert_eq!(
            check(
                "Two St. Mary Parish sheriff's deputies were critically wounded on Friday.",
                "The shooting was in St. Mary's Parish. 'A hard day for St. Mary Parish,' he said."
            ),
            ["St. Mary Parish / St. Mary's Parish"]
        );
        // Whose a thing is; an outlet that writes both; a name that opens the sentence.
        for (a, b) in [
            (
                "Aides said Trump's White House was in turmoil.",
                "Aides said the Trump White House was in turmoil.",
            ),
            (
                "Both St. Mary's Parish and St. Mary Parish are written.",
                "Both St. Mary Parish and St. Mary's Parish are written.",
            ),
            (
                "Smith's Ford Focus was found by police.",
                "The Smith Ford Focus was found.",
            ),
        ] {
            assert!(check(a, b).is_empty(), "{a} / {b}: {:?}", check(a, b));
        }
    }

    #[test]
    fn a_person_a_year_older_months_later_has_had_a_birthday() {
        let dated = |source: &str, text: &str, published: &str| {
            let mut a = art(source, text);
            a.article.published = Some(published.into());
            a
        };
        let aged = |a_date: &str, b_age: u32, b_date: &str| {
            let later = format!("Kirshean Nelson, {b_age}, of Detroit pleaded guilty to assault.");
            let articles = [
                dated(
                    "A",
                    "Kirshean Nelson, 18, of Detroit, is charged with assault.",
                    a_date,
                ),
                dated("B", &later, b_date),
            ];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            find(&Units::new(&refs), &BTreeMap::new()).len()
        };
        let found = |a_date: &str, b_date: &str| aged(a_date, 19, b_date);
        assert_eq!(found("2015-03-02", "2015-10-20"), 0);
        // Reported the same week, or younger later: two versions.
        assert_eq!(found("2015-03-02", "2015-03-04"), 1);
        assert_eq!(found("2015-10-20", "2015-03-02"), 1);
        // Three years older two years and a half later may be so; eight months later not.
        assert_eq!(aged("2013-05-01", 21, "2015-09-25"), 0);
        assert_eq!(aged("2015-03-02", 21, "2015-10-20"), 1);
        assert_eq!(published_day_of("1970-01-01"), Some(0));
        assert_eq!(published_day_of("2000-03-01"), Some(11_017));
    }

    #[test]
    fn a_toll_updated_later_is_no_difference() {
        let dated = |source: &str, text: &str, published: &str| {
            let mut a = art(source, text);
            a.article.published = Some(published.into());
            a
        };
        let found = |a: (&str, &str), b: (&str, &str)| {
            let articles = [dated("A", a.0, a.1), dated("B", b.0, b.1)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            find(&Units::new(&refs), &BTreeMap::new()).len()
        };
        let night =
            "A gunman killed two people and wounded seven others at the cinema on Thursday.";
        let next_day = "The gunman killed two people and wounded nine others at the cinema.";
        // Published the next day with more wounded: an update.
        assert_eq!(found((night, "2015-07-23"), (next_day, "2015-07-24")), 0);
        // The same day, or fewer the next day: two versions.
        assert_eq!(found((night, "2015-07-23"), (next_day, "2015-07-23")), 1);
        assert_eq!(found((next_day, "2015-07-23"), (night, "2015-07-24")), 1);
        // A toll of another time named in both is not updated so.
        let recalled = |n: &str| {
            format!("In 2009 a gunman killed 13 people and wounded {n} others at the base.")
        };
        assert_eq!(
            found(
                (&recalled("29"), "2014-04-03"),
                (&recalled("32"), "2015-01-25")
            ),
            1
        );
        // A count of people after a toll of some ("One person was killed and three people
        // were injured") counts others.
        let some_and_others =
            "One person was killed and three people were injured at a night club early Saturday.";
        let all = "Four people were injured at a night club early Saturday.";
        assert_eq!(
            found((some_and_others, "2013-06-15"), (all, "2013-06-15")),
            0
        );
    }

    fn published_day_of(date: &str) -> Option<i64> {
        let mut a = art(
            "A",
            "Kirshean Nelson, 18, of Detroit, is charged with assault.",
        );
        a.article.published = Some(date.into());
        let refs = [&a];
        let units = Units::new(&refs);
        let mut surnames = Surnames::default();
        let figures = figures(&units, 0, &BTreeMap::new(), &mut surnames);
        published_day(&units, &figures[0])
    }

    /// The differences of two outlets' texts with the entity stage's names, as values.
    fn with_names(a: &str, b: &str, people: &[&str]) -> Vec<Vec<String>> {
        let articles = [art("A", a), art("B", b)];
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let names: BTreeMap<String, String> = people
            .iter()
            .map(|p| (p.to_string(), p.to_string()))
            .collect();
        find(&Units::new(&refs), &names)
            .iter()
            .map(|d| d.versions.iter().map(|v| v.value.clone()).collect())
            .collect()
    }

    #[test]
    fn the_one_young_child_of_two_articles_is_one_child() {
        assert_eq!(
            check(
                "Authorities also found an unharmed 4-year-old child in the apartment, Roberson said.",
                "She said Powell's 3-year-old son led her to the women in a bedroom."
            ),
            ["age of the child: 4-year-old (A) / 3-year-old (B)"]
        );
        // A boy and a girl; an article telling of two young children; older children, who
        // may be any two people of the story; a named child and an unnamed one.
        for (a, b) in [
            (
                "Officers found a 4-year-old boy unharmed in the apartment.",
                "Her 3-year-old daughter led the officers to the bedroom.",
            ),
            (
                "A 4-year-old boy found the gun and shot his 2-year-old brother.",
                "The 3-year-old boy was taken to the hospital.",
            ),
            (
                "A 15-year-old boy was taken to the hospital.",
                "A 16-year-old boy was shot in the leg.",
            ),
            (
                "Jeremy Mardis, 6, died at the scene.",
                "His 4-year-old sister was not hurt.",
            ),
        ] {
            assert_eq!(check(a, b), Vec::<String>::new(), "{a} / {b}");
        }
    }

    #[test]
    fn one_wound_placed_on_two_sides_is_a_difference() {
        assert_eq!(
            check(
                "The victim is a 14-year-old boy and, according to the 911 call, he was shot in the back of the head.",
                "\u{201c}There is a big knot in the front of his head, so I think the bullet is still in his head.\u{201d}"
            ),
            ["where on the head: the back of the head (A) / a big knot in the front of his head (B)"]
        );
        assert_eq!(
            check(
                "He was shot in his left leg at the corner.",
                "The man was hit in the right leg, police said."
            ),
            ["which leg: his left leg (A) / the right leg (B)"]
        );
        // Sides of two pairs; a man's and a woman's; one outlet placing two wounds; people
        // named apart; no wound; a place in front of a house; a right-hand man.
        for (a, b) in [
            (
                "She was shot in the left abdomen.",
                "She was shot in the lower abdomen.",
            ),
            (
                "He was shot in his left leg.",
                "She was shot in her right leg.",
            ),
            (
                "One man was shot in the left leg and another in the right leg.",
                "A man was shot in the left leg.",
            ),
            (
                "Rivera was shot in the left leg.",
                "Espinoza was hit in the right leg.",
            ),
            (
                "He raised his left hand to take the oath.",
                "He raised his right hand in court.",
            ),
            (
                "He was shot in front of his house on Monday night.",
                "He was shot in the back of his head.",
            ),
            (
                "His right-hand man was shot on Monday.",
                "He was shot in the left hand.",
            ),
        ] {
            let names = ["Rivera", "Espinoza"];
            assert!(with_names(a, b, &names).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn one_person_given_two_ranks_is_a_difference() {
        let jackson = ["Samuel L. Jackson", "Kim Riley"];
        assert_eq!(
            with_names(
                "The escort is led by Lt. Colonel Packard (Samuel L. Jackson), who is angry.",
                "The squadron is led by an irascible lieutenant (Samuel L. Jackson) fresh from the war.",
                &jackson
            ),
            [["Lt. Colonel", "lieutenant"]]
        );
        assert_eq!(
            with_names(
                "Sgt. Kim Riley of the state police spoke on Tuesday.",
                "Capt. Kim Riley of the state police spoke on Tuesday.",
                &jackson
            ),
            [["Sgt.", "Capt."]]
        );
        // A shorter form of one rank, no rank, a promotion, a name that is no person's, a
        // person's own two ranks.
        for (a, b) in [
            (
                "The escort is led by Lt. Col. Packard (Samuel L. Jackson), who is angry.",
                "The escort is led by Col. Packard (Samuel L. Jackson), who is angry.",
            ),
            (
                "Sgt. Kim Riley of the state police spoke on Tuesday.",
                "Officer Kim Riley of the state police spoke on Tuesday.",
            ),
            (
                "Capt. Kim Riley, who was promoted last year, spoke on Tuesday.",
                "Lt. Kim Riley of the state police spoke on Tuesday.",
            ),
            (
                "General Motors said sales were up.",
                "Major Motors said sales were up.",
            ),
            (
                "Sgt. Kim Riley spoke. Lt. Kim Riley spoke again.",
                "Capt. Kim Riley of the state police spoke on Tuesday.",
            ),
        ] {
            assert!(with_names(a, b, &jackson).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn one_person_described_with_two_fields_is_a_difference() {
        assert_eq!(
            with_names(
                "The 24-year-old computer science student was flagged as a risk.",
                "The 24-year old electronics student was detained on Sunday.",
                &[]
            ),
            [["computer science student", "electronics student"]]
        );
        // A kind of school or a quality is no field; one field in other words; two people
        // named; two ages.
        for (a, b) in [
            (
                "Ali Syed, a 20-year-old community college student, was the gunman.",
                "The gunman was a 20-year-old college student, police said.",
            ),
            (
                "The 20-year-old bright young student was the gunman.",
                "The gunman was a 20-year-old shy student, police said.",
            ),
            (
                "The 24-year-old computer science student was flagged as a risk.",
                "The 24-year-old computing student was detained on Sunday.",
            ),
            (
                "Ann Lee, a 20-year-old nursing student, was shot.",
                "Mary Poe, a 20-year-old biology student, was shot.",
            ),
            (
                "The 24-year-old computer science student was flagged as a risk.",
                "The 23-year-old electronics student was detained on Sunday.",
            ),
        ] {
            assert!(
                with_names(a, b, &["Ann Lee", "Mary Poe", "Ali Syed"]).is_empty(),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn a_film_credited_to_other_makers_is_a_difference() {
        assert_eq!(
            with_names(
                "Warner Brothers presents a film directed by Jordan Vogt-Roberts and written by Dan Gilroy, Max Borenstein and Derek Connolly.",
                "The film, which was directed by Jordan Vogt-Roberts from a script by Dan Gilroy and Max Borenstein, is loud.",
                &[]
            ),
            [["Dan Gilroy, Max Borenstein and Derek Connolly", "Dan Gilroy and Max Borenstein"]]
        );
        // The same makers in another order; a surname alone; no film; an outlet naming two.
        for (a, b) in [
            (
                "The film was written by Dan Gilroy and Max Borenstein.",
                "The movie, from a script by Max Borenstein and Dan Gilroy, is loud.",
            ),
            (
                "The film was written by Gilroy and Max Borenstein.",
                "The movie, from a script by Max Borenstein, is loud.",
            ),
            (
                "Letters written by Jane Alcorn were found.",
                "Letters written by John Alcorn were found.",
            ),
            (
                "The film was written by Dan Gilroy. The movie was written by Max Borenstein.",
                "The movie, from a script by Max Borenstein, is loud.",
            ),
        ] {
            assert!(with_names(a, b, &[]).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn values_about_different_things_or_compatible_are_not_differences() {
        let cases = [
            // Two holders: his rule, the family's rule.
            (
                "Assad left the capital, bringing his 24-year rule to an end.",
                "Rebels reached the capital, ending the Assad family's 50 years of iron rule.",
            ),
            // Hedges that agree.
            (
                "More than a dozen people were injured in the crash on the motorway.",
                "Thirteen people were injured in the crash on the motorway, police said.",
            ),
            (
                "Since then, the population growth rate has fallen by more than 40 percent.",
                "In Iran, fertility has fallen more than 70 percent since the early 1980s.",
            ),
            // Amounts two things reached: a predicate alone does not say what is measured.
            (
                "It is the fastest movie to reach $1 billion at the box office.",
                "The dinosaur sequel reached $1.044 billion after its 3D re-release.",
            ),
            (
                "Forty women have accused the comedian of sexual assault.",
                "The comedian has been accused by more than 40 women of sexual assault.",
            ),
            (
                "More than 300 people were evacuated from the tower block on Friday.",
                "Officials said 350 people were evacuated from the tower block on Friday.",
            ),
            (
                "About 200 people were evacuated from the tower block on Friday.",
                "Officials said 196 people were evacuated from the tower block on Friday.",
            ),
            // A range, and a conversion.
            (
                "The car fell between 6 and 8 feet down the shaft of the building.",
                "The car fell 8 feet down the shaft of the building, officials said.",
            ),
            (
                "The fund will invest 7 trillion riyals ($2 trillion) over ten years.",
                "The fund will invest $2 trillion over ten years, the minister said.",
            ),
            // Times a hedge reconciles, and times of two happenings.
            (
                "The car fell at about 11:45 a.m. on Tuesday, officials said.",
                "The car fell around 11:40 a.m. on Tuesday in the building.",
            ),
            (
                "The shooting happened at 3:30 p.m. near the boardwalk on Friday.",
                "Officers arrived at 4:10 p.m. and closed the boardwalk on Friday.",
            ),
            // Counts of what happened to different people: shot and killed, found and wounded,
            // a toll with its attackers and one without, part of a whole.
            (
                "A gunman shot four people, killing one, at the market on Friday.",
                "The man was charged in the fatal shooting of one person at the market.",
            ),
            (
                "Deputies arrived to find four people suffering from gunshot wounds.",
                "The shooting outside the club left five people with gunshot wounds.",
            ),
            (
                "The attacks on the newspaper left 20 people dead, including the three gunmen.",
                "Militants killed 17 people in the attacks on the newspaper in January.",
            ),
            (
                "Jurors found him guilty on four of five charges in the trial.",
                "He was found guilty on three charges of attempted murder in the trial.",
            ),
            // Addresses, and two lengths of one sentence.
            (
                "Police closed the 2900 block of Main Street after the shooting.",
                "Officers searched the 2600 block of Main Street after the shooting.",
            ),
            (
                "He was sentenced to 20 years in prison for the killing of his girlfriend.",
                "He must serve seven years before becoming eligible for parole for the killing of his girlfriend.",
            ),
            // Two kinds of charge; a possibility; another time; two people of one surname.
            (
                "Three men were charged with eight counts of permitting a minor to possess alcohol at the party.",
                "Two guests were charged with two counts of criminal mischief at the party.",
            ),
            (
                "He said stocks would be 50% lower at the exchange without his win.",
                "Stocks at the exchange are up 30% since his win, he said.",
            ),
            (
                "Last month, a gunman killed three people at the army base in Texas.",
                "A gunman killed 13 people at the army base in Texas on Wednesday.",
            ),
            (
                "Carlos Franco and his daughter Marcela Franco died at the college. Franco, 68, worked at the college.",
                "Franco, 26, was riding with her father at the college when the gunman fired.",
            ),
            // Two people of one family, their first names apart at the end.
            (
                "Maria Lopez, 12, was shot in the leg at the park on Sunday.",
                "Police said 14-year-old Mario Lopez was shot in the leg at the park.",
            ),
            // Another time: another century, months before; the other two of three.
            (
                "In 18th-century Europe, when the average woman had six children, most died young.",
                "In poor rural countries like Niger, the average woman has seven children.",
            ),
            (
                "Six months before that, a gunman killed 14 people in a movie theater in the state.",
                "A gunman killed six people in a drive-by shooting in the college town in the state.",
            ),
            (
                "The conditions of the other two deputies shot at this time are unknown.",
                "A gunman shot three deputies in two counties on Friday.",
            ),
            // A tally of several happenings and a count of one; one singled out of a tally.
            (
                "Three died in seven separate shootings over the weekend, including one shooting in which nine people were shot during a backyard party.",
                "Despite the spate of violence, including 22 people shot over the weekend, officials said crime was down.",
            ),
            (
                "With six people shot in four hours, we just did not have the resources, the chief said.",
                "Technicians processed the last scene, where three people were shot early Sunday morning.",
            ),
            // A tally of several happenings and a count of one.
            (
                "As day broke on Tuesday, four people were killed across the country, activists said.",
                "Activists said 15 people had been killed in the northern province on Tuesday.",
            ),
            (
                "Two men died and seven others were injured in four separate shootings on the east side.",
                "The shooting at the hall on the east side injured five others.",
            ),
            // Ages of a list: each of the name after it.
            (
                "Allen Scarsella, 23, was arrested in Bloomington after the shooting.",
                "Police named the men arrested after the shooting as Allen Scarsella, 27-year-old Joseph Backman and Nathan Gustavsson.",
            ),
            // Windows of time ahead and back, and from the start; time between two things.
            (
                "Retailers made $3 million in the first four days of legal sales in the state.",
                "Budtenders helped 1,000 customers in the first two days of legal sales in the state.",
            ),
            (
                "The violence in the city came four days after a shooting at the mall.",
                "The shooting at the mall was the third in the city in five days.",
            ),
            // Windows of time ahead and back.
            (
                "Studies show an 80 percent chance that the ice cap will be gone in the next 40 years.",
                "The northern ice cap has shrunk by a fifth over the last 30 years.",
            ),
            // Part of a sum: one more, or others besides.
            (
                "Sims shot three people in their legs and another person in the abdomen at the party.",
                "Police said Sims shot four people at the party on New Year's Eve.",
            ),
            (
                "Three additional officers were injured during the standoff at the clinic.",
                "Four officers were injured during the standoff at the clinic.",
            ),
            // Counts or times at two addresses.
            (
                "The shooting occurred about 9:20 p.m. on the 300 block of Ridge Road SE.",
                "The child was shot about 8:20 p.m. on the 600 block of 46th Place SE, police said of the shooting.",
            ),
            // Distances between other places, or from no named place.
            (
                "The shooting was in St. Mary Parish, 45 miles southeast of Lafayette.",
                "The other deputy is in New Orleans, about 100 miles east of Charenton.",
            ),
            (
                "The casino is less than a quarter-mile from the scene of the shootings.",
                "The shootings occurred less than a mile from a casino.",
            ),
            (
                "About 200 people live about 45 miles from Lafayette, officials said.",
                "The fire burned 30 miles from the nearest town, officials said.",
            ),
            // Those who fired and those they shot.
            (
                "Three men with handguns opened fire on the crowd outside the club.",
                "The six men shot outside the club are all in stable condition.",
            ),
            // A figure the sentence says was replaced.
            (
                "A gas explosion caused the collapse of three houses and the evacuation of about 70 homes on the block.",
                "Initially, officials evacuated 22 homes on the block after the gas explosion.",
            ),
            // Those who took part, and those it happened to.
            (
                "The armed man fired and shot two officers in the shooting at the store.",
                "A total of five officers were involved in the shooting at the store.",
            ),
            // A duration of something else.
            (
                "Crane drivers can be called in twice in one day under the old rota.",
                "The union has called a five-day walkout and wants a pay rise.",
            ),
            // One value written two ways in one sentence is of two things there: the heist's
            // $30,000 and the found coins' nearly $30,000.
            (
                "The 1899 heist, $30,000 face value of coins stolen from the mint, matches the coins found, which were nearly $30,000 in face value.",
                "The coins add up in face value to $27,000.",
            ),
            // The time of a call about a collision and the time of the collision.
            (
                "The coast guard said it received an emergency call from the ship reporting the collision at around 2:20 a.m. Saturday.",
                "The two ships collided around 1:30 a.m. Saturday off the peninsula, the coast guard said.",
            ),
            // A round number of decades and the years it rounds.
            (
                "Leader appears on state TV briefly to signal defiance in the face of mounting revolt against his 41-year rule.",
                "Almost all diplomats backed pleas to the leader to end his 40-year rule and to the world to intervene.",
            ),
            // Two outlets' tallies of shootings on two days.
            (
                "One teenager was killed, and four other teens were wounded in two separate shootings on Monday night.",
                "Three people were killed and at least five others were wounded in South Side shootings on Wednesday.",
            ),
            // A pair of shootings is a tally of two happenings.
            (
                "Police are investigating a pair of shootings that have left one person dead and four others wounded.",
                "A new father was killed and three others were wounded in a daytime shooting.",
            ),
            // Shootings all over a city on one day, against one of them.
            (
                "Three people were killed and at least 11 others were wounded, including several children, in Monday shootings on the North and South sides.",
                "Bullets cut through a neighborhood on Monday, killing a church deacon and wounding three others.",
            ),
            // A second verb of a clause with a modal is a possibility too.
            (
                "They oppose the deal, which would raise the debt ceiling and cut around $1 trillion in spending over the next decade.",
                "The deal gives Republicans about $3 trillion in guaranteed spending cuts.",
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .map(|(a, b)| (a, b, check(a, b)))
            .filter(|c| !c.2.is_empty())
            .map(|(a, b, found)| format!("{a} / {b}: {found:?}"))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Common kinds of news difference, in wordings of articles of other events than the
    /// gold's: tolls in number words, active and passive, ages written three ways, times of
    /// day with and without minutes, amounts, lengths of time. None of them depends on a word
    /// of one story.
    #[test]
    fn common_kinds_of_news_differences_are_found() {
        let cases = [
            ("The shooting at the party left two people dead and five wounded.", "Police said three people were killed in the shooting at the party."),
            ("Police said 13 people were injured in the drive-by shooting at the apartment complex.", "The drive-by shooting at the apartment complex injured 12 people, police said."),
            ("Six people were shot at the New Roosevelt Bar early Sunday.", "Seven people were shot at the New Roosevelt Bar early Sunday, police said."),
            ("Killed was Christine Belford, 39, of Pike Creek.", "Christine Belford, 38, was shot in the lobby of the courthouse."),
            ("The victim, Oscar Garcia, 22, of Vallejo, was killed in the shooting.", "Police identified the dead man as 23-year-old Oscar Garcia."),
            ("The victim was identified as Oscar Garcia, aged 22.", "Police identified the dead man as Oscar Garcia, 24, of Vallejo."),
            ("Terry Robinson Jr., 28, was shot in the chest on Sunday.", "Police said Terry Robinson Jr., 29, was shot in the chest."),
            ("Sims was arrested around 4:30 p.m. on Tuesday.", "Sims was arrested at 6 p.m. on Tuesday, police said."),
            ("Police were called to the bar about 3:10 a.m.", "Police were called to the bar about 4:40 a.m. Sunday."),
            ("The standoff lasted more than three hours before he surrendered.", "The standoff lasted 90 minutes before he surrendered."),
            ("Police have posted a $10,000 reward for information leading to an arrest.", "Police are offering a $5,000 reward for information leading to an arrest."),
            ("The FBI is offering a $10,000 reward for information leading to an arrest.", "A $15,000 reward is being offered by the FBI for information leading to an arrest."),
            ("The family put up a $10,000 reward for information leading to an arrest.", "The family is offering a $15,000 reward for information leading to an arrest."),
            ("Police said a 19-year-old woman was shot in the leg outside the bar.", "A 20-year-old woman was shot in the leg outside the bar, police said."),
            ("Bail was set at $500,000 for the suspect.", "The suspect is being held on $250,000 bail."),
            ("The employee had been hiding in a locker for nearly 11 hours.", "The employee had hidden in the locker for about five hours."),
            ("He was sentenced to 25 years in prison for the shooting.", "He was sentenced to 30 years in prison for the shooting."),
        ];
        for (a, b) in cases {
            let found = check(a, b);
            assert_eq!(found.len(), 1, "{a} / {b}: {found:?}");
        }
        let none = [
            // "in his 20s" is no age.
            (
                "Oscar Garcia, 22, and another man in his 20s were found seriously wounded.",
                "Oscar Garcia, 22, was taken to the hospital with a wound to the chest.",
            ),
            (
                "One man in his 20s had more serious injuries.",
                "A 25-year-old man had more serious injuries, police said.",
            ),
            // A whole hour is rounded: "around 2 p.m." is no other time than 2:15.
            (
                "The shooting happened around 2:15 p.m. near the store.",
                "The shooting happened around 2 p.m. near the store.",
            ),
            (
                "The shooting happened at 2:20 p.m. near the store.",
                "The shooting happened at 2 p.m. near the store.",
            ),
            // A whole hour without a.m. or p.m. is no time of day.
            (
                "Police said 4 people were hurt when the shooting began at the store.",
                "The shooting began at the store at 6:15 p.m., police said.",
            ),
            (
                "Two people were killed at the bar and a third died later at the hospital.",
                "Three people died in the shooting at the bar.",
            ),
            (
                "He was sentenced to 25 years in prison for the shooting.",
                "He faces up to 40 years in prison if convicted of the shooting.",
            ),
            // What was added to a reward or a sentence is not the whole of it.
            (
                "Police have posted a $10,000 reward for information leading to an arrest.",
                "Police added $5,000 to the reward for information leading to an arrest.",
            ),
            (
                "The family is offering a $10,000 reward for information leading to an arrest.",
                "The FBI raised the reward for information leading to an arrest by $5,000.",
            ),
            (
                "The family is offering a $10,000 reward for information leading to an arrest.",
                "An anonymous donor put up an additional $2,500 for information leading to an arrest.",
            ),
            (
                "He was sentenced to 25 years in prison for the shooting.",
                "He was sentenced to another 10 years in prison for the shooting.",
            ),
            // An unnamed man shot and an unnamed man arrested are two men; so are two women
            // of one article.
            (
                "A 20-year-old man was shot in the leg outside the bar early Sunday.",
                "Police arrested a 22-year-old man at the bar early Sunday.",
            ),
            (
                "A 19-year-old woman and a 40-year-old woman were shot in the leg outside the bar.",
                "A 20-year-old woman was shot in the leg outside the bar, police said.",
            ),
            // Two offerers may offer two rewards.
            (
                "Police have posted a $10,000 reward for information leading to an arrest.",
                "Crime Stoppers is offering a $5,000 reward for information leading to an arrest.",
            ),
            (
                "The family is offering a $10,000 reward for information leading to an arrest.",
                "A $5,000 reward is being offered by Crime Stoppers for information leading to an arrest.",
            ),
        ];
        for (a, b) in none {
            assert_eq!(check(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        // A person's name spelt two ways, each form kept apart by the entity stage.
        let spelt = |a: &str, b: &str, forms: [&str; 2]| {
            let names: BTreeMap<String, String> = forms
                .iter()
                .map(|n| (n.to_string(), n.to_string()))
                .collect();
            let articles = [art("A", a), art("B", b)];
            let refs: Vec<&CleanArticle> = articles.iter().collect();
            name_spellings(&Units::new(&refs), &names).len()
        };
        assert_eq!(
            spelt(
                "The victim was identified as Jonathon Meyers of Dayton.",
                "Police identified the victim as Jonathan Meyers of Dayton.",
                ["Jonathon Meyers", "Jonathan Meyers"]
            ),
            1
        );
        assert_eq!(
            spelt(
                "Jamal Thompson was charged with murder on Friday.",
                "Jamal Thomson was charged with murder on Friday, police said.",
                ["Jamal Thompson", "Jamal Thomson"]
            ),
            1
        );
    }
}

//! Online event clustering with repair. Articles arrive one at a time and join the event
//! whose members they resemble most on average (average link), or open a new event; the
//! candidate events come from an inverted index over each article's strongest terms, never
//! from comparing all pairs. A repair pass then merges events whose average-link similarity
//! clears the threshold (best pair first) and moves articles that sit better in another event,
//! so that the result hardly depends on the order of arrival.
//!
//! Average link over unit vectors needs only each event's vector sum: the mean cosine of an
//! article to an event is `v · Σ / |E|`, and between two events `ΣA · ΣB / (|A| |B|)`.

use crate::time::{days_apart, time_factor};
use chorus_text::SparseVector;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BinaryHeap;

/// Settings of the online pass and its repair.
#[derive(Debug, Clone)]
pub struct OnlineConfig {
    /// Average similarity an article (or event) needs to join an event.
    pub threshold: f32,
    /// Articles published further apart than this many days are damped toward zero.
    pub max_days_apart: f32,
    /// How many of an article's strongest terms index it for candidate search.
    pub index_terms: usize,
    /// An article whose mean similarity to the rest of its event falls under
    /// `threshold * eject_ratio` leaves it.
    pub eject_ratio: f32,
    /// Rounds of merging and moving after the online pass.
    pub repair_rounds: usize,
    /// Of each index term, how many of its latest articles are candidates.
    pub recent_postings: usize,
    /// How many candidate events (those sharing the most index terms) are scored exactly.
    pub max_candidates: usize,
    /// When a batch joins a larger collection, the events an added article's mean similarity
    /// exceeds `threshold * near_ratio` with are regrouped along with the events it joined.
    pub near_ratio: f32,
    /// How many specifics (rare names and figures: see [`crate::Vocabulary::specific`]) an
    /// article and an event, or two events, must share to be one story: topic words alone
    /// ("police", "shot") never make one, however similar.
    pub min_shared: u32,
    /// Sharing this many specifics (each in next to no article beyond the two groups), two
    /// are not damped by time within `specific_days`: a follow-up weeks later (an arrest, a
    /// funeral) names the same people and places.
    pub follow_shared: u32,
    /// The follow-up window: two with a follow-up's evidence (`follow_shared`,
    /// `follow_many`) whose publication dates lie at most this many days apart are not
    /// damped by time; further apart they are damped as any two are (beyond
    /// `max_days_apart`), so that nothing joins across more days than this and a little
    /// more, and candidates beyond the window are never scored. A collection that closes
    /// events gone quiet (chorus-intake's open window) groups in batches as one digest does
    /// only when this is no longer than its open window. On gva-dev (B-cubed P/R/F1, one
    /// digest): 30 days 0.984/0.851/0.913, 180 days 0.983/0.860/0.918, 730 days (the
    /// default, the set's whole span) 0.982/0.875/0.925; with `follow_many` 7 as well, 30
    /// days 0.984/0.856/0.916, 180 days 0.983/0.872/0.924, 365 days 0.980/0.883/0.929, 730
    /// days 0.980/0.899/0.938 (docs/defaults.md).
    pub specific_days: f32,
    /// Two that share `follow_many` specifics, whose shared specifics give at least
    /// `follow_specific` of their average link, have a follow-up's evidence too: a follow-up
    /// that names the victims, the suspects and the street of its incident, where some of
    /// these names are also in articles of the incident that the two groups compared do not
    /// hold (so that they are not confined to the two), and where `follow_strong` of the
    /// link comes from strong specifics (see `strong_slack`): names of the incident's own,
    /// not of the institutions many incidents name. Its gain comes from follow-ups months
    /// after their incident (see `specific_days`); `u32::MAX` turns it off. A collection
    /// that closes quiet events meets such follow-ups because chorus-intake reopens the
    /// closed events a new article's rare names lead to.
    pub follow_many: u32,
    /// See `follow_many`.
    pub follow_specific: f32,
    /// Where either of two with a follow-up's evidence is placed in time by a date its text
    /// names (no publication date), they are damped only beyond this many days, and then
    /// with the square of the distance: a date read from a text says what it is about, not
    /// when it came out, and a collection never closes an event on such a date (nor is an
    /// article placed by one reopened by it), so no window need agree with the closing one.
    pub text_follow_days: f32,
    /// The specifics that count for `follow_shared` are in no more articles than the two
    /// groups hold and this many more: a victim's name, not the city's hospital.
    pub follow_slack: u32,
    /// A name or figure is a specific of two groups of articles when it is in no more
    /// articles than `specific_share` of the collection (or `specific_df`, when that is more)
    /// plus the two groups' sizes: a city in a hundred reports names no one story.
    pub specific_share: f32,
    /// See `specific_share`.
    pub specific_df: f32,
    /// Of the average link, the part the shared specifics give (their products of weights,
    /// over the pairs of articles) must reach this: a name or two that every story of a
    /// country names, in a pile of shared topic words, make no one story.
    pub min_specific: f32,
    /// A specific is strong between two groups in the measure that the articles naming it
    /// are the groups' own: its weight is taken whole when it is in no more articles than
    /// the two groups' sizes and `strong_slack`, and in proportion beyond (a victim's name
    /// is in its incident's reports; a city's police department or hospital in those of
    /// many incidents).
    pub strong_slack: f32,
    /// Two that share fewer specifics than this (only one, by default) need `min_strength`
    /// of their shared specifics' part of the average link to be strong: a join that rests
    /// on one name rests on one of the two groups' own, not on the police department or the
    /// hospital of a city where many incidents happen. (3, one or two, gives gva-dev
    /// 0.984/0.877/0.927 against 0.984/0.874/0.926, but grouping in batches that close
    /// events after 30 days gains none of it: see docs/defaults.md.)
    pub strong_below: u32,
    /// See `strong_below`.
    pub min_strength: f32,
    /// Whether two whose shared specifics are all voices' and institutions' names (however
    /// many, besides names only one outlet uses: its programme's, which link its reports of
    /// anything) and that came out more than `place_days` apart, or all voices', institutions'
    /// and places' names more than `max_days_apart` apart, need `min_strength` as a join
    /// resting on one specific does: a town, its police department, its hospital and its
    /// county together are the names of every incident there, no more one incident's than
    /// each of them alone. Within the week an incident's follow-ups (a death, an arrest) often
    /// name nothing but its town and institutions (places weak beyond `place_days` too: gva-dev
    /// K 1 recall 0.8996 -> 0.8967), and on the next day nothing but its institutions (voices
    /// and institutions weak at any distance: 0.8986). On gva-dev (`cargo xtask eval cluster
    /// --compress K`) K 1 0.9919 -> 0.9924 (13 -> 12 mixed), K 4 P 0.9852 -> 0.9875, K 12
    /// 0.9659/0.9009 -> 0.9695/0.9014, recall at K 1 and on multinews-val unchanged
    /// (docs/defaults.md).
    pub weak_alone: bool,
    /// The strength of a public figure's name (one mostly written after a public office's
    /// title: "Senate Minority Leader Chuck Schumer", "Russian President Vladimir Putin";
    /// `vectors::PUBLIC`) counts this much, in the joins and in the split: a public figure is
    /// named in stories of every kind, and two stories that name the same ones are not one
    /// (docs/defaults.md).
    pub public_strength: f32,
    /// The strength of a name mostly written after a voice's role (a police spokesperson, a
    /// sergeant quoted) counts this much, in the joins and in the split: one city's
    /// spokesperson quoted about two incidents is no strong link between them (docs/defaults.md).
    pub voice_strength: f32,
    /// The strength of an institution's name (a city's hospital, its county, its police
    /// department: `vectors::INSTITUTION`) counts this much, in the joins and in the split:
    /// where incidents of one kind come close together, many of them are reported by one
    /// police department and taken to one hospital (docs/defaults.md).
    pub institution_strength: f32,
    /// Whether two whose publication dates overlap (two reports of one day) weigh an
    /// institution's name whole, not at `institution_strength`, in the test of a join that
    /// rests on one specific (`strong_below`): reports of one incident on the day it happens
    /// often share no name but their city's police department or hospital, while a second
    /// incident that names them is most often reported on another day. On gva-dev
    /// (`cargo xtask eval cluster --compress K`, B-cubed P/R/F1) K 1 0.9905/0.8974/0.9417 ->
    /// 0.9905/0.8990/0.9425, K 4 0.9730/0.9176/0.9445 -> 0.9735/0.9192/0.9456, K 12
    /// 0.9503/0.9205/0.9352 -> 0.9503/0.9215/0.9357; within a day of each other instead,
    /// K 12 P 0.9477 (docs/defaults.md).
    pub institution_same_day: bool,
    /// The strength of a place's name (a town or a quarter written after "in", a street:
    /// `vectors::PLACE`) counts this much in the test of a join that rests on one specific,
    /// unless the two came out within `place_days` of each other. The first reports of one
    /// incident often share no name but its town or street; where incidents come close
    /// together, one town's or one street's name is in reports of several, days apart. On
    /// gva-dev (`cargo xtask eval cluster --compress K`) K 1 unchanged, K 4 P 0.9825 ->
    /// 0.9852, K 12 P 0.9643 -> 0.9659, recall unchanged (docs/defaults.md).
    pub place_strength: f32,
    /// See `place_strength`.
    pub place_days: f32,
    /// See `follow_many`.
    pub follow_strong: f32,
    /// Whether two whose leads both give people ages, none of one the other's ("a 9-year-old
    /// girl" against "a 10-year-old boy"), and who share no specific beyond voices',
    /// institutions' and places' names, are kept apart: two reports of one town, its police
    /// and its hospital that tell of people of other ages are two incidents, while a
    /// follow-up names its victim or gives the same age (docs/defaults.md). A group holding
    /// a round-up (its lead counts several incidents: `vectors::counts_incidents`) is kept
    /// apart so even by a shared name: it names another incident's people further down.
    pub contrary_ages: bool,
    /// Whether two whose reports' first sentences both name streets, none of one the
    /// other's ("the 300 block of North Payson Street" against "the 5500 block of
    /// Reisterstown Road"), and who share no specific beyond voices', institutions' and
    /// places' names, are kept apart, as two whose leads age their people otherwise are: a
    /// report says where its incident happened, and two incidents of one town, its police
    /// and its hospital happened in other streets, while a follow-up names its victim or the
    /// same street (`vectors::stated_streets`, docs/defaults.md).
    pub contrary_streets: bool,

    /// Of the specifics of the group that names fewer, the share two groups must have in
    /// common to be one story.
    pub min_overlap: f32,
    /// Whether the repair ends by splitting the events it made whose members fall into
    /// groups that no strong shared specific links (see `split.rs`): two stories held
    /// together by topic words and names that many stories share. Measured on gva-dev
    /// (B-cubed P/R/F1, one digest; `split_need` 1, `split_one_outlet` 0.5, `split_min` 3):
    /// 0.981/0.904/0.941 without, 0.984/0.903/0.942 with, events holding two gold incidents
    /// 28 -> 24; multinews-val unchanged (0.980/0.786/0.872). With it, the repair's merges
    /// and moves make no event the split would take apart again.
    pub split: bool,
    /// Two members of an event are linked when the strengths of the specifics they share
    /// add up to this (a specific is whole when the articles naming it are the event's own
    /// and `strong_slack` more, in proportion when more articles name it). On gva-dev, 0.75
    /// leaves 27 mixed events, 1.5 leaves 23 but loses recall (F1 0.942), and on
    /// multinews-val 1.25 already splits stories (F1 0.872 -> 0.866).
    pub split_need: f32,
    /// The strength of a specific only one outlet has used (a byline, a station's page
    /// furniture) counts this much for the split: 1 gives gva-dev 0.983/0.903/0.942 with 25
    /// mixed events.
    pub split_one_outlet: f32,
    /// Events of fewer articles than this are not split. An event of two was joined by the
    /// joins' own test of the specifics the two share; splitting such pairs as well (2) takes
    /// apart as many reports of one incident that name only its town (Galt, Lowell, Fort
    /// Worth) as of two incidents that name only theirs (Compton): gva-dev
    /// 0.985/0.897/0.939.
    pub split_min: usize,
    /// Whether an event of two whose publication dates lie more than `max_days_apart` apart
    /// splits too (unless a strong link joins them): two reports of one incident are most
    /// often a day or two apart, and a pair a week apart that no strong name links is two
    /// incidents of one area. On gva-dev (`cargo xtask eval cluster --compress K`) K 4 P
    /// 0.9875 -> 0.9886 (20 -> 18 mixed), K 1 and K 12 unchanged; beyond `place_days`
    /// instead, K 1 recall 0.8996 -> 0.8975 (a death or an arrest three or four days on that
    /// names only the town and its police: Sylvester, Milton, Long Beach).
    pub split_pairs: bool,
    /// Whether two whose one shared specific is a word that each writes as the last word of
    /// full names with other initials ("Murphy" of "Alexis Murphy" and of "Virginia
    /// Murphy") stay apart: one surname of two people is no evidence of one story, least of
    /// all between undated articles that no date places. Measured on multinews-val (undated,
    /// B-cubed P/R/F1) 0.9797/0.7855/0.8719 -> 0.9811/0.7855/0.8725, and on gva-dev
    /// (`cargo xtask eval cluster --compress K`) K 1 P 0.9932 -> 0.9937, K 4 P 0.9894 ->
    /// 0.9901, K 12 and recall unchanged; with full names compared whole instead of by the
    /// initial of the word before the surname, multinews-val recall falls (a coach's name
    /// spelt "Jonathan" and "Jonathon").
    pub other_initials: bool,
    /// Whether a link resting on one plain word or name that no member of either group
    /// writes in a person's or a thing's name (`Vocabulary::name_words`: a town's,
    /// "saginaw", "Miami Gardens"; not "jamick" of "Jamick Dakota Corley") is no name of the
    /// two groups' own for `contrary_ages` when their leads' ages lie more than a year apart
    /// (`vectors::ages_far_apart`): a town's name is in every incident of the town, as its
    /// police is, while a follow-up names its victim or suspect in full. gva-dev (`cargo
    /// xtask eval cluster --set gva-dev --quick --compress K`) K 4 P 0.9946 -> 0.9953, K 12
    /// 0.9860 -> 0.9871, recall, K 1 and multinews-val unchanged; with contrary streets too,
    /// or ages within a year, K 1 recall falls (docs/defaults.md).
    pub lone_words: bool,
}

impl Default for OnlineConfig {
    fn default() -> Self {
        OnlineConfig {
            threshold: 0.15,
            max_days_apart: 7.0,
            index_terms: 12,
            eject_ratio: 0.5,
            repair_rounds: 4,
            recent_postings: 200,
            max_candidates: 40,
            near_ratio: 0.3,
            min_shared: 1,
            follow_shared: 4,
            specific_days: 730.0,
            follow_many: 7,
            follow_specific: 0.15,
            text_follow_days: 365.0,
            follow_slack: 0,
            specific_share: 0.005,
            specific_df: 6.0,
            min_specific: 0.03,
            strong_slack: 1.0,
            strong_below: 2,
            min_strength: 0.35,
            weak_alone: true,
            public_strength: 0.5,
            voice_strength: 0.25,
            institution_strength: 0.25,
            institution_same_day: true,
            place_strength: 0.25,
            place_days: 2.0,
            follow_strong: 0.15,
            contrary_ages: true,
            contrary_streets: true,
            min_overlap: 0.25,
            split: true,
            split_need: 1.0,
            split_one_outlet: 0.5,
            split_min: 3,
            split_pairs: true,
            other_initials: true,
            lone_words: true,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct EventState {
    members: Vec<usize>,
    /// The sum of the members' vectors, once the event has had two members (`summed`).
    /// Before, the event is one article and that article's vector is its sum: most events
    /// while a batch is regrouped, kept without a copy of their vector.
    sum: HashMap<u32, f32>,
    summed: bool,
    when: When,
}

/// When a group of articles came out: the span of all its days, that of its publication
/// dates alone (without days read from text), and whether any of its days is read from text;
/// and the ages its members' leads give people (`vectors::stated_ages`), kept beside the days
/// since both are summed over the members alike.
#[derive(Debug, Clone, Copy, Default)]
struct When {
    all: Option<Days>,
    published: Option<Days>,
    from_text: bool,
    ages: u128,
    /// Whether a member's lead counts several incidents (`vectors::counts_incidents`).
    roundup: bool,
    /// The streets its members' first sentences name (`vectors::stated_streets`).
    streets: u128,
}

/// The span covering both `a` and `b`.
fn cover(a: Option<Days>, b: Option<Days>) -> Option<Days> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, y) => x.or(y),
    }
}

impl When {
    /// One article's: `day` read from its text when `from_text`; `ages` its lead gives.
    fn of(day: Option<Days>, from_text: bool, ages: u128, roundup: bool, streets: u128) -> When {
        When {
            all: day,
            published: if from_text { None } else { day },
            from_text: from_text && day.is_some(),
            ages,
            roundup,
            streets,
        }
    }

    /// The group of both.
    fn and(self, o: When) -> When {
        When {
            all: cover(self.all, o.all),
            published: cover(self.published, o.published),
            from_text: self.from_text || o.from_text,
            ages: self.ages | o.ages,
            roundup: self.roundup || o.roundup,
            streets: self.streets | o.streets,
        }
    }

    /// How far apart two groups lie.
    fn apart(self, o: When) -> Apart {
        let gap = |a: Option<Days>, b: Option<Days>| {
            days_apart(
                a.map(|d| d.0),
                a.map(|d| d.1),
                b.map(|d| d.0),
                b.map(|d| d.1),
            )
        };
        Apart {
            all: gap(self.all, o.all),
            published: gap(self.published, o.published),
            from_text: self.from_text || o.from_text,
            contrary_ages: crate::vectors::contrary_ages(self.ages, o.ages),
            ages_far_apart: crate::vectors::ages_far_apart(self.ages, o.ages),
            roundup: self.roundup || o.roundup,
            contrary_streets: crate::vectors::contrary_streets(self.streets, o.streets),
        }
    }
}

/// Days between two groups: over all their days, over their publication dates alone (`None`
/// when either has none), and whether a day read from a text is among them; and whether
/// both give people ages and no age of one is the other's ([`OnlineConfig::contrary_ages`]).
#[derive(Debug, Clone, Copy)]
struct Apart {
    all: Option<f32>,
    published: Option<f32>,
    from_text: bool,
    contrary_ages: bool,
    /// Whether their ages differ even taken a year either way (`vectors::ages_far_apart`).
    ages_far_apart: bool,
    /// Whether either group holds a round-up ([`When::roundup`]).
    roundup: bool,
    /// Whether both name streets and no street of one is the other's
    /// ([`OnlineConfig::contrary_streets`]).
    contrary_streets: bool,
}

impl EventState {
    /// Adds article `i` with vector `v`; `vectors` are all articles' (for the first member's
    /// vector when the sum is first needed).
    fn add(&mut self, i: usize, v: &SparseVector, vectors: &[SparseVector], when: When) {
        if !self.members.is_empty() {
            self.sum_up(vectors);
            for &(t, w) in v {
                *self.sum.entry(t).or_insert(0.0) += w;
            }
        }
        self.members.push(i);
        self.when = self.when.and(when);
    }

    /// Makes `sum` hold the sum (from the one member's vector when it does not yet).
    fn sum_up(&mut self, vectors: &[SparseVector]) {
        if let (false, Some(&first)) = (self.summed, self.members.first()) {
            self.summed = true;
            for &(t, w) in &vectors[first] {
                *self.sum.entry(t).or_insert(0.0) += w;
            }
        }
    }

    /// Takes article `i` (vector `v`) out; `when` gives each member's [`When`].
    fn remove(&mut self, i: usize, v: &SparseVector, when: impl Fn(usize) -> When) {
        self.members.retain(|&m| m != i);
        if self.summed {
            for &(t, w) in v {
                if let Some(x) = self.sum.get_mut(&t) {
                    *x -= w;
                    if x.abs() < 1e-6 {
                        self.sum.remove(&t);
                    }
                }
            }
        }
        // The spans of what is left, in one pass over the members.
        self.when = self
            .members
            .iter()
            .fold(When::default(), |w, &m| w.and(when(m)));
    }

    /// The dot product of the event's sum with `v`, and the specifics they share.
    fn dot(&self, v: &SparseVector, vectors: &[SparseVector], specific: Specifics) -> Dot {
        match (self.summed, self.members.first()) {
            // The one member's vector is the sum: the dot product of two sorted vectors.
            (false, Some(&m)) => split_cosine(v, &vectors[m], specific),
            _ => {
                let mut dot = Dot::default();
                for &(t, w) in v {
                    if let Some(s) = self.sum.get(&t) {
                        dot.add(t, s * w, specific);
                    }
                }
                dot
            }
        }
    }

    /// Euclidean length of the event's sum (one article's vector is of unit length).
    fn norm(&self) -> f32 {
        match (self.summed, self.members.is_empty()) {
            (false, false) => 1.0,
            (false, true) => 0.0,
            _ => self.sum.values().map(|w| w * w).sum::<f32>().sqrt(),
        }
    }

    /// Calls `f` with every term of the event's sum and its weight.
    fn each_term(&self, vectors: &[SparseVector], mut f: impl FnMut(u32, f32)) {
        match (self.summed, self.members.first()) {
            (false, Some(&m)) => vectors[m].iter().for_each(|&(t, w)| f(t, w)),
            _ => self.sum.iter().for_each(|(&t, &w)| f(t, w)),
        }
    }
}

/// A dot product of two vectors, and how many specifics the two share.
#[derive(Debug, Clone, Copy, Default)]
struct Dot {
    all: f32,
    /// The part of `all` over shared specifics.
    specific: f32,
    /// The part of `all` over shared specifics, each weighed by its strength.
    strong: f32,
    /// `strong` with institutions' and places' names whole (see
    /// [`OnlineConfig::institution_same_day`]).
    strong_whole: f32,
    /// `strong` with places' names whole (see [`OnlineConfig::place_days`]).
    strong_near: f32,
    shared: u32,
    /// Shared specifics that are no voice's, institution's or place's name, nor a name only
    /// one outlet uses (see [`OnlineConfig::weak_alone`]).
    plain: u32,
    /// `plain` with places' names counted too.
    plain_near: u32,
    /// Shared specifics that (nearly) no other article names.
    confined: u32,
    /// Shared specifics that are multi-word names ("Alexis Murphy", not "murphy").
    names: u32,
    /// A shared specific that is one word (the last one met), for a link resting on one.
    word: u32,
    /// A shared specific that is a multi-word name (the last one met), likewise.
    name: u32,
}

impl Dot {
    /// Adds the product `x` of two weights of term `t` (a shared term when positive).
    fn add(&mut self, t: u32, x: f32, specific: Specifics) {
        self.all += x;
        if x > 1e-9 {
            if let Some(&df) = specific.df.get(t as usize) {
                // A term of one outlet's links that outlet's articles only, as a name only
                // when no more is asked; a follow-up needs names other outlets use too.
                let one_outlet = df & crate::vectors::ONE_OUTLET != 0;
                let (voice, institution) = (specific.voice, specific.institution);
                let public = specific.public;
                let weight =
                    crate::vectors::voice_weight(df, voice, institution, specific.place, public);
                let whole = crate::vectors::voice_weight(df, voice, 1.0, 1.0, public);
                let near = crate::vectors::voice_weight(df, voice, institution, 1.0, public);
                let whole_kind = crate::vectors::plain_kind(df);
                let near_kind =
                    !one_outlet && crate::vectors::voice_weight(df, 0.0, 0.0, 1.0, 0.0) > 0.0;
                let df = df & !crate::vectors::FLAGS;
                if df <= specific.limit {
                    self.shared += 1;
                    if specific.parts.of(t).is_empty() {
                        self.word = t;
                    } else {
                        self.names += 1;
                        self.name = t;
                    }
                    self.plain += u32::from(whole_kind);
                    self.plain_near += u32::from(near_kind);
                    self.specific += x;
                    let share = (specific.strong / df.max(1) as f32).min(1.0);
                    self.strong += x * weight * share;
                    self.strong_whole += x * whole * share;
                    self.strong_near += x * near * share;
                }
                self.confined += u32::from(df <= specific.confined && !one_outlet);
            }
        }
    }
}

/// Which terms count as specifics in one comparison: those whose document frequency in
/// `df` (`u32::MAX` for a term that is no name or figure) is at most `limit`.
#[derive(Clone, Copy)]
struct Specifics<'a> {
    df: &'a [u32],
    limit: u32,
    confined: u32,
    /// In how many articles a specific may be before it weighs less (see
    /// [`OnlineConfig::strong_slack`]).
    strong: f32,
    /// What the strength of a voice's name counts (see [`OnlineConfig::voice_strength`]).
    voice: f32,
    /// What the strength of an institution's name counts (see
    /// [`OnlineConfig::institution_strength`]).
    institution: f32,
    /// What the strength of a place's name counts (see [`OnlineConfig::place_strength`]).
    place: f32,
    /// What the strength of a public figure's name counts (see
    /// [`OnlineConfig::public_strength`]).
    public: f32,
    /// The words of every multi-word name (a shared name counts in [`Dot::names`]).
    parts: &'a crate::Parts,
}

impl Specifics<'_> {
    /// Whether term `t` is a specific here.
    fn counts(&self, t: u32) -> bool {
        self.df
            .get(t as usize)
            .is_some_and(|&df| df & !crate::vectors::FLAGS <= self.limit)
    }
}

/// [`chorus_text::cosine`] of two sorted unit vectors, and the specifics they share.
fn split_cosine(a: &SparseVector, b: &SparseVector, specific: Specifics) -> Dot {
    let (mut i, mut j, mut dot) = (0, 0, Dot::default());
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot.add(a[i].0, a[i].1 * b[j].1, specific);
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// The first and last day an article may have been published on: one day when it carries
/// its date, a span when the date is read from its text.
pub type Days = (i64, i64);

/// The state of an online clustering: articles' vectors, events, and the term index.
#[derive(Debug, Clone, Default)]
pub struct Online {
    config: OnlineConfig,
    vectors: Vec<SparseVector>,
    days: Vec<Option<Days>>,
    /// Whether an article's day is read from its text (it has no publication date).
    from_text: Vec<bool>,
    /// The ages each article's lead gives people (`vectors::stated_ages`).
    ages: Vec<u128>,
    /// Whether each article's lead counts several incidents (`vectors::counts_incidents`).
    roundups: Vec<bool>,
    /// The streets each article's first sentences name (`vectors::stated_streets`).
    streets: Vec<u128>,
    /// Each article's full names as (surname, initial) (`Parts::full_names`).
    full_names: Vec<Vec<(u32, u32)>>,
    /// Each article's words written in a name of a person or a thing, sorted
    /// (`Vocabulary::name_words`).
    name_words: Vec<Vec<u32>>,
    /// Event of every article (an index into `events`; dead events are empty).
    event_of: Vec<usize>,
    events: Vec<EventState>,
    /// Term → articles that have it among their strongest terms.
    postings: HashMap<u32, Vec<usize>>,
    /// Each article's strongest terms, strongest first (none when it is not active).
    terms: Vec<Vec<u32>>,
    /// Articles that take part (others stay alone: too little text to judge).
    active: Vec<bool>,
    /// One more than the largest term id of any vector.
    term_bound: usize,
    /// Document frequency of every term that is a name or a figure, `u32::MAX` for the
    /// others ([`crate::Vocabulary::specific`]).
    specific: Vec<u32>,
    /// How many articles a specific may be in at most, before the sizes of the two groups
    /// compared are added.
    specific_limit: u32,
    /// The words of every multi-word name, which the split counts once with the name
    /// ([`crate::split::count_once`]).
    parts: crate::Parts,
    /// Whether the merge pass under way lets follow-ups merge across time (see
    /// [`Online::repair`]).
    follow_merges: bool,
    /// Whether the articles are only a part of the collection (see
    /// [`Online::set_part_of_collection`]).
    part_of_collection: bool,
}

/// An article ready to join: its vector and the terms that index it, computed apart from the
/// clustering's state (so a batch is prepared in parallel).
pub struct Prepared {
    vector: SparseVector,
    terms: Vec<u32>,
    active: bool,
    /// The ages its lead gives people (see [`Prepared::with_ages`]).
    ages: u128,
    /// Whether its lead counts several incidents (see [`Prepared::with_roundup`]).
    roundup: bool,
    /// The streets its first sentences name (see [`Prepared::with_streets`]).
    streets: u128,
    /// Its full names (see [`Prepared::with_full_names`]).
    full_names: Vec<(u32, u32)>,
    /// Its words written in names (see [`Prepared::with_name_words`]).
    name_words: Vec<u32>,
}

impl Prepared {
    /// The article with the ages its lead gives people, one bit per year
    /// ([`OnlineConfig::contrary_ages`]); without, it gives none.
    pub fn with_ages(self, ages: u128) -> Prepared {
        Prepared { ages, ..self }
    }

    /// The article as a round-up when its lead counts several incidents ("three children in
    /// four days", "in separate shootings"): the names it shares with a report whose lead
    /// ages people otherwise do not join the two ([`OnlineConfig::contrary_ages`]).
    pub fn with_roundup(self, roundup: bool) -> Prepared {
        Prepared { roundup, ..self }
    }

    /// The article with the streets its first sentences name, one bit per street
    /// ([`OnlineConfig::contrary_streets`]); without, it names none.
    pub fn with_streets(self, streets: u128) -> Prepared {
        Prepared { streets, ..self }
    }

    /// The article with the last words of the multi-word names it writes, each with the
    /// initial of the word before it, as (surname term id, initial), sorted
    /// ([`OnlineConfig::other_initials`]); without, it gives none.
    pub fn with_full_names(self, full_names: Vec<(u32, u32)>) -> Prepared {
        Prepared { full_names, ..self }
    }

    /// The article's words written in a multi-word name that is no place's nor
    /// institution's, sorted ([`OnlineConfig::lone_words`]); without, it writes none.
    pub fn with_name_words(self, name_words: Vec<u32>) -> Prepared {
        Prepared { name_words, ..self }
    }
}

/// Two events `a < b` and the score of their merge, ordered by score, then by the pair (the
/// smaller first), so that merging best pair first is deterministic.
#[derive(PartialEq)]
struct EventPair {
    score: f32,
    a: usize,
    b: usize,
}

impl EventPair {
    /// Events `x` and `y` (in either order) scored `score`.
    fn new(score: f32, x: usize, y: usize) -> EventPair {
        EventPair {
            score,
            a: x.min(y),
            b: x.max(y),
        }
    }
}

impl Eq for EventPair {}

impl PartialOrd for EventPair {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for EventPair {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&o.score)
            .then(o.a.cmp(&self.a))
            .then(o.b.cmp(&self.b))
    }
}

/// Candidate merges, best first. Each pair carries the versions its two events had when it
/// was scored; once either event has changed, the pair is stale and skipped. Stale pairs are
/// also dropped in bulk once they outnumber the rest two to one: where many events are alike
/// (templated stories that differ in a figure or a name), every merge rescores thousands of
/// links, and a heap that only sheds stale pairs by popping them grew to millions of them
/// (quadratic time, and memory to match).
#[derive(Default)]
struct Pairs {
    heap: BinaryHeap<(EventPair, usize, usize)>,
    /// Size of the heap when it was last rid of stale pairs.
    live: usize,
}

impl Pairs {
    /// Adds a pair scored against the events' current `version`s.
    fn push(&mut self, pair: EventPair, version: &[usize]) {
        let (a, b) = (pair.a, pair.b);
        self.heap.push((pair, version[a], version[b]));
    }

    /// The best pair that is not stale.
    fn pop(&mut self, version: &[usize]) -> Option<EventPair> {
        while let Some((pair, va, vb)) = self.heap.pop() {
            if va == version[pair.a] && vb == version[pair.b] {
                return Some(pair);
            }
        }
        None
    }

    /// Drops the stale pairs when they outnumber the others two to one (linear, so amortised
    /// over the pushes that made them stale).
    fn compact(&mut self, version: &[usize]) {
        if self.heap.len() > 2 * self.live + 4096 {
            self.heap
                .retain(|(pair, va, vb)| *va == version[pair.a] && *vb == version[pair.b]);
            self.live = self.heap.len();
        }
    }
}

/// Whether a score whose upper bound is `bound` may exceed `floor`. Bounds come from
/// Cauchy–Schwarz (a dot product is at most the product of the lengths); the slack keeps
/// rounding from ruling out a pair the exact score would keep, so skipping what fails this
/// test changes no result.
fn may_exceed(bound: f32, floor: f32) -> bool {
    bound * 1.001 + 1e-6 > floor
}

/// One more than the largest term id of `v` (vectors are sorted by term).
fn bound(v: &SparseVector) -> usize {
    v.last().map_or(0, |&(t, _)| t as usize + 1)
}

/// The `k` strongest terms of `v`, strongest first (ties by term). Collected from a borrow, so
/// the list holds `k` terms, not the capacity of the whole vector's copy (an in-place
/// `into_iter` collect would keep that).
fn strongest(v: &SparseVector, k: usize) -> Vec<u32> {
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut terms: Vec<(u32, f32)> = v.clone();
    if terms.len() > k {
        terms.select_nth_unstable_by(k, order);
        terms.truncate(k);
    }
    terms.sort_unstable_by(order);
    terms.iter().map(|x| x.0).collect()
}

impl Online {
    /// An empty clustering.
    pub fn new(config: OnlineConfig) -> Online {
        Online {
            config,
            ..Online::default()
        }
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// The publication day of article `i`, if known.
    pub fn day(&self, i: usize) -> Option<i64> {
        self.days[i].map(|d| d.0)
    }

    /// Whether article `i` takes part in grouping (see [`Online::prepare`]).
    pub fn is_active(&self, i: usize) -> bool {
        self.active[i]
    }

    /// Upper bound of the average link of events `a` and `b` whose sums have lengths
    /// `norms` (Cauchy–Schwarz; see [`may_exceed`]).
    fn event_bound(&self, norms: &[f32], a: usize, b: usize) -> f32 {
        let (ea, eb) = (&self.events[a], &self.events[b]);
        let time = self.damping(ea.when.apart(eb.when), self.follow_merges);
        norms[a] * norms[b] / (ea.members.len() * eb.members.len()) as f32 * time
    }

    /// Upper bound of article `i`'s mean similarity to event `e`, another event than its own
    /// (its vector is of unit length).
    fn article_bound(&self, norms: &[f32], i: usize, e: usize) -> f32 {
        let ev = &self.events[e];
        norms[e] / ev.members.len() as f32 * self.loosest(self.apart(i, ev))
    }

    /// When article `i` came out.
    fn when(&self, i: usize) -> When {
        When::of(
            self.days[i],
            self.from_text[i],
            self.ages[i],
            self.roundups[i],
            self.streets[i],
        )
    }

    /// How far article `i` lies from event `e`.
    fn apart(&self, i: usize, e: &EventState) -> Apart {
        self.when(i).apart(e.when)
    }

    /// The mildest damping of a similarity between things `apart` (for bounds).
    fn loosest(&self, apart: Apart) -> f32 {
        self.damping(apart, true)
    }

    /// The damping of a similarity between two groups `apart`: none within `max_days_apart`,
    /// falling with the square of the distance beyond. When `follow` (they share a
    /// follow-up's evidence), none within the follow-up window (`specific_days`), unless
    /// their publication dates lie further apart than that; where a day is read from a text,
    /// none within `text_follow_days`, then falling with the square of the distance.
    fn damping(&self, apart: Apart, follow: bool) -> f32 {
        let ordinary = time_factor(apart.all, self.config.max_days_apart);
        let window = self.config.specific_days;
        if !follow || apart.published.is_some_and(|d| d > window) {
            ordinary
        } else if apart.from_text {
            ordinary.max(time_factor(apart.all, self.config.text_follow_days))
        } else if apart.all.is_none_or(|d| d <= window) {
            1.0
        } else {
            ordinary
        }
    }

    /// The similarity of a dot product `dot` over `n` pairs of articles `apart` days apart:
    /// 0 when they share fewer than `min_shared` specifics (nothing but topic words); not
    /// damped within the follow-up window (`specific_days`) when a `follow`-up may join (an
    /// article joining an event; two events after a batch's first merge pass) and they share
    /// a follow-up's evidence ([`Online::follows`]), else damped beyond `max_days_apart`.
    fn score(&self, dot: Dot, n: f32, apart: Apart, follow: bool) -> f32 {
        if dot.shared < self.config.min_shared {
            return 0.0;
        }
        if dot.specific / n < self.config.min_specific
            || ((dot.shared < self.config.strong_below || self.weak_alone(dot, apart))
                && self.strong_part(dot, apart) < self.config.min_strength * dot.specific)
            || self.contrary(dot, apart)
        {
            return 0.0;
        }
        dot.all / n * self.damping(apart, follow && self.follows(dot, n))
    }

    /// The part of the link `dot` of two groups `apart` days apart that strong specifics give:
    /// institutions' and places' names whole when the two came out on one day
    /// ([`OnlineConfig::institution_same_day`]), places' whole when within `place_days`.
    fn strong_part(&self, dot: Dot, apart: Apart) -> f32 {
        let within = |days: f32| apart.published.is_some_and(|d| d <= days);
        if self.config.institution_same_day && within(0.0) {
            dot.strong_whole
        } else if within(self.config.place_days) {
            dot.strong_near
        } else {
            dot.strong
        }
    }

    /// Whether two groups `apart` whose shared specifics (in `dot`) are only voices' and
    /// institutions' names beyond `place_days`, or those and places' beyond `max_days_apart`,
    /// need the strength of a join resting on one ([`OnlineConfig::weak_alone`]).
    fn weak_alone(&self, dot: Dot, apart: Apart) -> bool {
        let beyond = |days: f32| apart.published.is_some_and(|d| d > days);
        self.config.weak_alone
            && ((dot.plain == 0 && beyond(self.config.max_days_apart))
                || (dot.plain_near == 0 && beyond(self.config.place_days)))
    }

    /// Whether two groups `apart` tell of different people ([`OnlineConfig::contrary_ages`])
    /// or places ([`OnlineConfig::contrary_streets`]): their leads age people otherwise, or
    /// name other streets, and they share no specific of the groups' own beyond voices',
    /// institutions' and places' names (a follow-up naming its victim or suspect does; a
    /// town, its police and its hospital are every incident's there).
    fn contrary(&self, dot: Dot, apart: Apart) -> bool {
        (self.config.contrary_ages && apart.contrary_ages && (dot.plain == 0 || apart.roundup))
            || (self.config.contrary_streets && apart.contrary_streets && dot.plain == 0)
    }

    /// Whether two groups `apart` tell of different people by their leads beyond doubt:
    /// ages more than a year apart (early reports of one toddler give "3" and "2")
    /// ([`OnlineConfig::lone_words`]).
    fn contrary_by(&self, apart: Apart) -> bool {
        self.config.contrary_ages && apart.ages_far_apart
    }

    /// Whether groups `a` and `b` (leaving article `except` out of `b`), whose link `dot`
    /// rests on one word, write it only in other full names
    /// ([`OnlineConfig::other_initials`]): each group writes it as the last word of a name,
    /// and no initial of the word before it in one group's is in the other's ("Alexis
    /// Murphy" and "Virginia Murphy"; not "Jonathon Magwood" and "Jonathan Magwood"); or
    /// whose one shared plain word or name no member writes in a person's or a thing's name
    /// while their leads age people more than a year apart ([`OnlineConfig::lone_words`]).
    fn names_apart(&self, dot: Dot, a: &[usize], b: &[usize], except: usize, apart: Apart) -> bool {
        if dot.shared != 1 {
            return false;
        }
        if self.config.lone_words && dot.plain == 1 && self.contrary_by(apart) {
            // A lone word or name no member writes in a person's or a thing's name is the
            // two groups' own name no more than a town's police is.
            let words = if dot.names == 0 {
                std::slice::from_ref(&dot.word)
            } else {
                self.parts.of(dot.name)
            };
            let named = |m: &usize| {
                let own = &self.name_words[*m];
                words.iter().all(|w| own.binary_search(w).is_ok())
            };
            if !words.is_empty()
                && !a
                    .iter()
                    .chain(b.iter().filter(|&&m| m != except))
                    .any(named)
            {
                return true;
            }
        }
        if !self.config.other_initials || dot.names > 0 {
            return false;
        }
        let w = dot.word;
        let holding = |members: &[usize], except: usize| -> Vec<u32> {
            let mut out: Vec<u32> = members
                .iter()
                .filter(|&&m| m != except)
                .flat_map(|&m| {
                    let names = &self.full_names[m];
                    let from = names.partition_point(|x| x.0 < w);
                    names[from..].iter().take_while(|x| x.0 == w).map(|x| x.1)
                })
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let (x, y) = (holding(a, usize::MAX), holding(b, except));
        !x.is_empty() && !y.is_empty() && !x.iter().any(|n| y.binary_search(n).is_ok())
    }

    /// Whether two groups whose dot product is `dot` over `n` pairs of articles share a
    /// follow-up's evidence: `follow_shared` confined specifics, or `follow_many` specifics
    /// giving `follow_specific` of the link (`follow_strong` of it strong, places' names
    /// whole: many shared specifics are no link that rests on one place).
    fn follows(&self, dot: Dot, n: f32) -> bool {
        dot.confined >= self.config.follow_shared
            || (dot.shared >= self.config.follow_many
                && dot.specific / n >= self.config.follow_specific
                && dot.strong_near / n >= self.config.follow_strong)
    }

    /// Which terms count as specifics between groups of `a` and `b` articles.
    fn specifics(&self, a: usize, b: usize) -> Specifics<'_> {
        Specifics {
            df: &self.specific,
            limit: self.specific_limit.saturating_add((a + b) as u32),
            confined: self.config.follow_slack.saturating_add((a + b) as u32),
            strong: (a + b) as f32 + self.config.strong_slack,
            voice: self.config.voice_strength,
            institution: self.config.institution_strength,
            public: self.config.public_strength,
            place: self.config.place_strength,
            parts: &self.parts,
        }
    }

    /// Sets the document frequency of every term that is a name or a figure (`u32::MAX` for
    /// the others), after the vocabulary counted a batch of a collection of `docs` articles.
    pub fn set_specific(&mut self, specific: Vec<u32>, docs: usize) {
        self.specific = specific;
        let limit = (self.config.specific_share * docs as f32).max(self.config.specific_df);
        self.specific_limit = limit as u32;
    }

    /// Sets whether the articles are only a part of the collection (a refresh that reads the
    /// open events alone). The repair then keeps the articles of a touched event that were
    /// there before the ones it repairs around together, and regroups only the new ones
    /// around them: those were put together under the whole collection's statistics, which
    /// a part's do not match (a part that holds little but an incident's reports makes their
    /// shared words common), so taking them apart would tear events the new articles bring no
    /// evidence against. The moves that follow may still take one out.
    pub fn set_part_of_collection(&mut self, part: bool) {
        self.part_of_collection = part;
    }

    /// Sets the words every multi-word name is made of ([`crate::Vocabulary::parts`]).
    pub fn set_parts(&mut self, parts: crate::Parts) {
        self.parts = parts;
    }

    /// Events holding an article that shares one of `terms` as a strongest term; of each
    /// term only the latest `recent_postings` articles are looked at (older ones belong to
    /// stories that have gone stale, and a term on every page names no event).
    fn candidates(&self, terms: &[u32], exclude: usize) -> Vec<usize> {
        // Hits are counted in a dense array per thread (indexed by event), reset after use.
        thread_local! {
            static HITS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let mut ranked: Vec<(u32, usize)> = HITS.with(|hits| {
            let mut hits = hits.borrow_mut();
            if hits.len() < self.events.len() {
                hits.resize(self.events.len(), 0);
            }
            let mut seen: Vec<usize> = Vec::new();
            for t in terms {
                if let Some(list) = self.postings.get(t) {
                    let from = list.len().saturating_sub(self.config.recent_postings);
                    for &a in &list[from..] {
                        let e = self.event_of[a];
                        if e != exclude {
                            if hits[e] == 0 {
                                seen.push(e);
                            }
                            hits[e] += 1;
                        }
                    }
                }
            }
            seen.iter()
                .map(|&e| (std::mem::take(&mut hits[e]), e))
                .collect()
        });
        // The events sharing the most index terms; the rest are not worth an exact score.
        let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > self.config.max_candidates {
            ranked.select_nth_unstable_by(self.config.max_candidates, order);
            ranked.truncate(self.config.max_candidates);
        }
        let mut out: Vec<usize> = ranked.into_iter().map(|x| x.1).collect();
        out.sort_unstable();
        out
    }

    /// Mean similarity of article `i` to event `e` (leaving `i` itself out).
    fn article_to_event(&self, i: usize, e: usize) -> f32 {
        self.article_score(i, e, self.config.threshold)
    }

    /// [`Online::article_to_event`], where a score of `floor` or less may be returned without
    /// asking whether the two share enough specifics (a caller that only wants a score above
    /// `floor` looks no further).
    fn article_score(&self, i: usize, e: usize, floor: f32) -> f32 {
        let ev = &self.events[e];
        let own = self.event_of[i] == e;
        let n = ev.members.len() - usize::from(own);
        if n == 0 {
            return 0.0;
        }
        let specific = self.specifics(1, n);
        let v = &self.vectors[i];
        let dot = if own {
            // The rest of the event: its sum less the article's own vector.
            let mut dot = Dot::default();
            for &(t, w) in v {
                // (Rounding leaves a trace of a term only the article has.)
                let rest = ev.sum.get(&t).map_or(0.0, |s| s - w);
                if rest > 1e-5 {
                    dot.add(t, rest * w, specific);
                }
            }
            dot
        } else {
            ev.dot(v, &self.vectors, specific)
        };
        let apart = self.apart(i, ev);
        let s = self.score(dot, n as f32, apart, true);
        if s > floor && self.names_apart(dot, &[i], &ev.members, i, apart) {
            return 0.0;
        }
        if !own && s > floor && self.config.min_overlap > 0.0 {
            let mine = v.iter().filter(|x| specific.counts(x.0)).count() as u32;
            let except = own.then_some(i);
            if !self.overlapping(
                dot.shared,
                |_| mine,
                |cap| self.specifics_in(e, specific, except, cap),
            ) {
                return 0.0;
            }
        }
        s
    }

    /// How many specifics event `e`'s sum holds, less those only article `except` gives it;
    /// counted no further than one past `cap`.
    fn specifics_in(&self, e: usize, specific: Specifics, except: Option<usize>, cap: u32) -> u32 {
        let own = except.map(|i| &self.vectors[i]);
        let mut n = 0;
        let mut count = |t: u32, w: f32| {
            if specific.counts(t) {
                let mine = own.map_or(0.0, |v| {
                    v.binary_search_by_key(&t, |x| x.0).map_or(0.0, |k| v[k].1)
                });
                n += u32::from(w - mine > 1e-5);
            }
            n > cap
        };
        let ev = &self.events[e];
        match (ev.summed, ev.members.first()) {
            (false, Some(&m)) => {
                for &(t, w) in &self.vectors[m] {
                    if count(t, w) {
                        break;
                    }
                }
            }
            _ => {
                for (&t, &w) in &ev.sum {
                    if count(t, w) {
                        break;
                    }
                }
            }
        }
        n
    }

    /// Whether `shared` specifics are enough for two groups whose specifics `a` and `b`
    /// count (each no further than one past the cap it is given): at least `min_overlap` of
    /// the fewer (two stories of one kind share a country or a leader's name, and little else
    /// of the many each names). A count past the cap cannot be the one that passes, so the
    /// groups' specifics are counted only as far as that.
    fn overlapping(
        &self,
        shared: u32,
        a: impl FnOnce(u32) -> u32,
        b: impl FnOnce(u32) -> u32,
    ) -> bool {
        let enough = |n: u32| shared as f32 >= self.config.min_overlap * n as f32;
        let cap = ((shared as f32 / self.config.min_overlap) as u32).saturating_add(1);
        enough(a(cap)) || enough(b(cap))
    }

    /// Adds one article (prepared from its unit vector by [`Online::prepare`]) and its day,
    /// and places it in the best event, or alone when `place` is false (a batch about to be
    /// regrouped by [`Online::repair`]) or it is not active (too thin to judge). Returns its
    /// event.
    pub fn add(
        &mut self,
        article: Prepared,
        day: Option<Days>,
        from_text: bool,
        place: bool,
    ) -> usize {
        let Prepared {
            vector,
            terms,
            active,
            ages,
            roundup,
            streets,
            full_names,
            name_words,
        } = article;
        let i = self.vectors.len();
        self.term_bound = self.term_bound.max(bound(&vector));
        self.vectors.push(vector);
        self.days.push(day);
        self.from_text.push(from_text);
        self.ages.push(ages);
        self.roundups.push(roundup);
        self.streets.push(streets);
        self.full_names.push(full_names);
        self.name_words.push(name_words);
        self.active.push(active);
        self.event_of.push(usize::MAX);
        let mut best = (self.config.threshold, usize::MAX);
        if place {
            for e in self.candidates(&terms, usize::MAX) {
                let s = self.article_score(i, e, best.0);
                if s > best.0 {
                    best = (s, e);
                }
            }
        }
        let e = if best.1 == usize::MAX {
            self.events.push(EventState::default());
            self.events.len() - 1
        } else {
            best.1
        };
        let when = self.when(i);
        self.events[e].add(i, &self.vectors[i], &self.vectors, when);
        self.event_of[i] = e;
        for &t in &terms {
            self.postings.entry(t).or_default().push(i);
        }
        self.terms.push(terms);
        e
    }

    /// An article's vector made ready for [`Online::add`] (or for [`Online::revectorize`]):
    /// an article that is not `active` stays alone and indexes nothing.
    pub fn prepare(&self, vector: SparseVector, active: bool) -> Prepared {
        let terms = if active {
            strongest(&vector, self.config.index_terms)
        } else {
            Vec::new()
        };
        Prepared {
            vector,
            terms,
            active,
            ages: 0,
            roundup: false,
            streets: 0,
            full_names: Vec::new(),
            name_words: Vec::new(),
        }
    }

    /// Replaces every article's vector (after the vocabulary's statistics changed) and
    /// rebuilds the event sums and the index; membership is kept.
    pub fn revectorize(&mut self, articles: Vec<Prepared>) {
        self.term_bound = articles.iter().map(|a| bound(&a.vector)).max().unwrap_or(0);
        self.postings.clear();
        for e in &mut self.events {
            e.sum.clear();
            e.summed = e.members.len() > 1;
        }
        (self.vectors, self.terms) = articles.into_iter().map(|a| (a.vector, a.terms)).unzip();
        for i in 0..self.vectors.len() {
            let e = &mut self.events[self.event_of[i]];
            if e.summed {
                for &(t, w) in &self.vectors[i] {
                    *e.sum.entry(t).or_insert(0.0) += w;
                }
            }
            for &t in &self.terms[i] {
                self.postings.entry(t).or_default().push(i);
            }
        }
    }

    /// Forces articles `i` and `j` into one event (duplicates).
    pub fn join(&mut self, i: usize, j: usize) {
        let (a, b) = (self.event_of[i], self.event_of[j]);
        if a != b {
            self.merge(a, b);
        }
    }

    fn merge(&mut self, a: usize, b: usize) {
        let moved = std::mem::take(&mut self.events[b]);
        for &m in &moved.members {
            self.event_of[m] = a;
        }
        let ea = &mut self.events[a];
        if ea.members.is_empty() {
            *ea = moved;
            return;
        }
        ea.sum_up(&self.vectors);
        moved.each_term(&self.vectors, |t, w| *ea.sum.entry(t).or_insert(0.0) += w);
        ea.members.extend(moved.members);
        ea.when = ea.when.and(moved.when);
    }

    /// Average-link similarity of two events.
    fn event_similarity(&self, a: usize, b: usize) -> f32 {
        let (ea, eb) = (&self.events[a], &self.events[b]);
        let spec = self.specifics(ea.members.len(), eb.members.len());
        let dot = match (&ea.members[..], &eb.members[..]) {
            // Single articles (most events while regrouping) compare their sorted vectors.
            (&[x], &[y]) => split_cosine(&self.vectors[x], &self.vectors[y], spec),
            (&[x], _) => eb.dot(&self.vectors[x], &self.vectors, spec),
            (_, &[y]) => ea.dot(&self.vectors[y], &self.vectors, spec),
            _ => {
                let (small, large) = if ea.sum.len() <= eb.sum.len() {
                    (ea, eb)
                } else {
                    (eb, ea)
                };
                let mut dot = Dot::default();
                for (&t, w) in &small.sum {
                    if let Some(x) = large.sum.get(&t) {
                        dot.add(t, x * w, spec);
                    }
                }
                dot
            }
        };
        self.average_link(a, b, dot)
    }

    /// Average-link similarity of events `a` and `b` whose vector sums have dot product `dot`.
    fn average_link(&self, a: usize, b: usize, dot: Dot) -> f32 {
        let (ea, eb) = (&self.events[a], &self.events[b]);
        let n = (ea.members.len() * eb.members.len()) as f32;
        let apart = ea.when.apart(eb.when);
        let s = self.score(dot, n, apart, self.follow_merges);
        if s > self.config.threshold
            && self.names_apart(dot, &ea.members, &eb.members, usize::MAX, apart)
        {
            return 0.0;
        }
        if s > self.config.threshold && self.config.min_overlap > 0.0 {
            let specific = self.specifics(ea.members.len(), eb.members.len());
            let x = |cap| self.specifics_in(a, specific, None, cap);
            let y = |cap| self.specifics_in(b, specific, None, cap);
            if !self.overlapping(dot.shared, x, y) {
                return 0.0;
            }
        }
        s
    }

    /// The strongest terms of an event's vector sum (twice as many as for one article).
    fn event_terms(&self, e: usize) -> Vec<u32> {
        let ev = &self.events[e];
        if ev.members.len() == 1 {
            return self.terms[ev.members[0]].clone();
        }
        let mut terms: Vec<(u32, f32)> = ev.sum.iter().map(|(&t, &w)| (t, w)).collect();
        let k = 2 * self.config.index_terms;
        if terms.len() > k {
            terms.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            terms.truncate(k);
        }
        let mut out: Vec<u32> = terms.into_iter().map(|x| x.0).collect();
        out.sort_unstable();
        out
    }

    /// The events among `a`'s candidates (those `keep` accepts) whose average link with `a`
    /// clears the threshold, as pairs with their score.
    fn neighbours(&self, a: usize, norms: &[f32], keep: impl Fn(usize) -> bool) -> Vec<EventPair> {
        if self.events[a].members.is_empty() {
            return Vec::new();
        }
        self.candidates(&self.event_terms(a), a)
            .into_iter()
            .filter(|&b| keep(b))
            .filter(|&b| may_exceed(self.event_bound(norms, a, b), self.config.threshold))
            .filter_map(|b| {
                let s = self.event_similarity(a, b);
                (s > self.config.threshold).then(|| EventPair::new(s, a, b))
            })
            .collect()
    }

    /// Merges events whose average-link similarity clears the threshold, best pair first,
    /// starting from the pairs that involve `seeds`; returns the events that took others in.
    ///
    /// The pairs that clear the threshold are kept as links. The average link of a merged
    /// event is the size-weighted mean of its parts' links, so an event can clear the
    /// threshold with the merger of `a` and `b` only if it cleared it with `a` or with `b`:
    /// after a merge only the two parts' links are scored again, and the index is not asked.
    /// (A merged event spans more days, so its time damping can be milder than its parts';
    /// the move pass that follows catches what that misses.) An event outside the seeds has
    /// links only to seeds until it first takes part in a merge, when the index gives it the
    /// rest.
    fn merge_pass(&mut self, seeds: &[usize]) -> Vec<usize> {
        let mut heap = Pairs::default();
        let mut version = vec![0usize; self.events.len()];
        let seeded: HashSet<usize> = seeds.iter().copied().collect();
        // The length of every event's sum, for bounds that spare exact scores.
        let mut norms: Vec<f32> = self.events.par_iter().map(EventState::norm).collect();
        // The seeds' pairs are scored independently (in parallel), each pair once: from its
        // smaller seed, or from the seed when only one is. The heap orders them totally, so
        // the merges do not depend on how the scoring was split.
        let this = &*self;
        let norms_now = &norms;
        let pairs: Vec<Vec<EventPair>> = seeds
            .par_iter()
            .map(|&a| this.neighbours(a, norms_now, |b| b > a || !seeded.contains(&b)))
            .collect();
        let mut links: Vec<Vec<usize>> = vec![Vec::new(); self.events.len()];
        let mut linked = vec![false; self.events.len()];
        for &a in seeds {
            linked[a] = true;
        }
        for p in pairs.into_iter().flatten() {
            links[p.a].push(p.b);
            links[p.b].push(p.a);
            heap.push(p, &version);
        }
        let mut merged = Vec::new();
        let mut dense = vec![0f32; self.term_bound];
        while let Some(EventPair { a, b, .. }) = heap.pop(&version) {
            if self.events[a].members.is_empty() || self.events[b].members.is_empty() {
                continue;
            }
            if self.split_would_part(&self.events[a].members, &self.events[b].members) {
                continue;
            }
            for x in [a, b] {
                if !linked[x] {
                    linked[x] = true;
                    let found = self.neighbours(x, &norms, |_| true);
                    links[x].extend(found.iter().map(|p| p.a + p.b - x));
                }
            }
            self.merge(a, b);
            merged.push(a);
            version[a] += 1;
            version[b] += 1;
            let mut cands = std::mem::take(&mut links[a]);
            cands.append(&mut links[b]);
            cands.sort_unstable();
            cands.dedup();
            // The merged event against its parts' links: its sum spread over a dense array
            // once, each linked event's terms looked up there.
            let ea = &self.events[a];
            ea.each_term(&self.vectors, |t, w| dense[t as usize] = w);
            norms[a] = ea.norm();
            let mut kept = Vec::new();
            for c in cands {
                let ec = &self.events[c];
                if c == a || ec.members.is_empty() {
                    continue;
                }
                if !may_exceed(self.event_bound(&norms, a, c), self.config.threshold) {
                    continue;
                }
                let mut dot = Dot::default();
                let spec = self.specifics(ea.members.len(), ec.members.len());
                match &ec.members[..] {
                    &[m] => self.vectors[m]
                        .iter()
                        .for_each(|&(t, w)| dot.add(t, dense[t as usize] * w, spec)),
                    _ => ec
                        .sum
                        .iter()
                        .for_each(|(&t, &w)| dot.add(t, dense[t as usize] * w, spec)),
                };
                let s = self.average_link(a, c, dot);
                if s > self.config.threshold {
                    heap.push(EventPair::new(s, a, c), &version);
                    kept.push(c);
                }
            }
            ea.each_term(&self.vectors, |t, _| dense[t as usize] = 0.0);
            for &c in &kept {
                links[c].push(a);
            }
            links[a] = kept;
            heap.compact(&version);
        }
        merged
    }

    /// Article `i`'s mean similarity to the rest of its event (0 alone), when it is worth
    /// looking for a better event: `None` for an article too thin to judge or well inside its
    /// event.
    fn unsettled(&self, i: usize) -> Option<f32> {
        if !self.active[i] {
            return None;
        }
        let own = self.event_of[i];
        let stay = if self.events[own].members.len() > 1 {
            self.article_to_event(i, own)
        } else {
            0.0
        };
        (stay < self.config.threshold * 2.0).then_some(stay)
    }

    /// Candidate events of article `i` other than its own: with `seen` (one member of each
    /// event an earlier search found), the events those members are in now; from the index
    /// when there is none, or the earlier search found nothing.
    fn candidates_of(&self, i: usize, seen: Option<&[u32]>) -> Vec<usize> {
        let own = self.event_of[i];
        let Some(seen) = seen.filter(|s| !s.is_empty()) else {
            return self.candidates(&self.terms[i], own);
        };
        let mut out: Vec<usize> = seen
            .iter()
            .map(|&m| self.event_of[m as usize])
            .filter(|&e| e != own)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// For an [`Online::unsettled`] article `i`: its candidate events ([`Online::candidates_of`]
    /// with `seen`) and where it should go among them ([`Online::decide`]).
    fn look(
        &self,
        i: usize,
        seen: Option<&[u32]>,
        norms: Option<&[f32]>,
    ) -> Option<(Vec<usize>, Option<Option<usize>>)> {
        let stay = self.unsettled(i)?;
        let candidates = self.candidates_of(i, seen);
        let target = self.decide(i, stay, &candidates, norms);
        Some((candidates, target))
    }

    /// Where article `i`, whose similarity to its event is `stay`, should go among
    /// `candidates`: `None` to stay, `Some(Some(e))` to move to event `e`, `Some(None)` to
    /// leave its event and stand alone. With `norms` (the length of every event's sum, as the
    /// events stand), candidates that cannot beat the best so far are not scored.
    fn decide(
        &self,
        i: usize,
        stay: f32,
        candidates: &[usize],
        norms: Option<&[f32]>,
    ) -> Option<Option<usize>> {
        let mut best = (stay.max(self.config.threshold), usize::MAX);
        for &e in candidates {
            if norms.is_some_and(|n| !may_exceed(self.article_bound(n, i, e), best.0)) {
                continue;
            }
            let s = self.article_score(i, e, best.0);
            if s > best.0 && !self.split_would_part(&[i], &self.events[e].members) {
                best = (s, e);
            }
        }
        if best.1 != usize::MAX {
            Some(Some(best.1))
        } else if self.events[self.event_of[i]].members.len() > 1
            && stay < self.config.threshold * self.config.eject_ratio
        {
            Some(None)
        } else {
            None
        }
    }

    /// Moves articles that sit better elsewhere, and lets go of those that no longer fit;
    /// returns the events that lost or gained an article (sorted, each once; empty when
    /// nothing moved). Which articles want to move is found in parallel against the events as
    /// they stand; those few are then decided again and moved one by one, in article order.
    ///
    /// The first pass of a repair (`changed_since` is `None`) looks at every article and
    /// finds its candidates in the index, and keeps in `seen` one member of each candidate
    /// event of every article that searched. A later pass looks only at the articles whose own
    /// event or one of whose candidate events is marked in `changed_since` (changed since the
    /// pass before), and takes their candidates from `seen`: the events those members are in
    /// now.
    fn move_pass(&mut self, seen: &mut [Vec<u32>], changed_since: Option<&[bool]>) -> Vec<usize> {
        let norms: Vec<f32> = self.events.par_iter().map(EventState::norm).collect();
        let this = &*self;
        let first = changed_since.is_none();
        let looked: Vec<(usize, bool, Vec<u32>)> = (0..self.vectors.len())
            .into_par_iter()
            .filter_map(|i| {
                if let Some(t) = changed_since {
                    let reached = t[this.event_of[i]]
                        || seen[i].iter().any(|&m| t[this.event_of[m as usize]]);
                    if !reached {
                        return None;
                    }
                }
                let (candidates, target) =
                    this.look(i, (!first).then(|| &seen[i][..]), Some(&norms))?;
                let restless = target.is_some();
                let members = if first {
                    candidates
                        .iter()
                        .map(|&e| this.events[e].members[0] as u32)
                        .collect()
                } else {
                    Vec::new()
                };
                (restless || !members.is_empty()).then_some((i, restless, members))
            })
            .collect();
        let mut restless = Vec::new();
        for (i, moves, members) in looked {
            if first {
                seen[i] = members;
            }
            if moves {
                restless.push(i);
            }
        }
        let mut changed = Vec::new();
        for i in restless {
            // Events change as articles move: decided again without bounds.
            let Some((_, Some(target))) = self.look(i, (!first).then(|| &seen[i][..]), None) else {
                continue;
            };
            let own = self.event_of[i];
            let e = self.move_to(i, target);
            changed.extend([own, e]);
        }
        changed.sort_unstable();
        changed.dedup();
        changed
    }

    /// Moves article `i` out of its event into event `target`, or into a new event of its
    /// own; returns the event it is in now.
    fn move_to(&mut self, i: usize, target: Option<usize>) -> usize {
        let own = self.event_of[i];
        let v = std::mem::take(&mut self.vectors[i]);
        let (days, text, ages) = (&self.days, &self.from_text, &self.ages);
        let (roundups, streets) = (&self.roundups, &self.streets);
        self.events[own].remove(i, &v, |m| {
            When::of(days[m], text[m], ages[m], roundups[m], streets[m])
        });
        let e = match target {
            Some(e) => e,
            None => {
                self.events.push(EventState::default());
                self.events.len() - 1
            }
        };
        let when = self.when(i);
        self.events[e].add(i, &v, &self.vectors, when);
        self.event_of[i] = e;
        self.vectors[i] = v;
        e
    }

    /// Repairs early mistakes around `articles` (the ones just added): their events (and,
    /// when they join a larger collection, the events they come near) are taken apart and
    /// grouped again by average link from single articles, best pair first, against the rest
    /// of the collection (in a part of the collection, from the events' earlier articles
    /// together and the new ones single: [`Online::set_part_of_collection`]); then articles
    /// that sit better elsewhere move.
    /// Taking apart and regrouping makes the result independent of the order of arrival.
    pub fn repair(&mut self, articles: &[usize]) {
        let mut touched: Vec<usize> = articles.iter().map(|&i| self.event_of[i]).collect();
        // A batch added to a larger collection: the events its articles come near were formed
        // without them, so they are regrouped too (they may take an article or give one up).
        if articles.len() < self.vectors.len() {
            let floor = self.config.threshold * self.config.near_ratio;
            for &i in articles.iter().filter(|&&i| self.active[i]) {
                for e in self.candidates(&self.terms[i], self.event_of[i]) {
                    // Near by similarity alone: with the article, the event's parts may
                    // come to share the specifics the article alone does not.
                    let ev = &self.events[e];
                    let dot = ev.dot(&self.vectors[i], &self.vectors, self.specifics(1, 1));
                    let near = dot.all / ev.members.len() as f32 * self.loosest(self.apart(i, ev));
                    if near > floor {
                        touched.push(e);
                    }
                }
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let mut seeds = Vec::new();
        // The articles of every event the repair makes or changes, for the split at its end.
        let mut regrouped = Vec::new();
        let mut added = vec![false; self.vectors.len()];
        for &i in articles {
            added[i] = true;
        }
        for e in touched {
            let old = std::mem::take(&mut self.events[e]);
            regrouped.extend_from_slice(&old.members);
            let (kept, loose): (Vec<usize>, Vec<usize>) = old
                .members
                .iter()
                .partition(|&&m| self.part_of_collection && !added[m]);
            if !kept.is_empty() {
                seeds.push(self.new_event(&kept));
            }
            for m in loose {
                seeds.push(self.new_event(&[m]));
            }
        }
        // Follow-ups weeks apart merge in every pass but the first of a whole batch, which
        // scores nearly every pair of its articles: there the time bound spares exact scores
        // of events far apart, and the moves that follow bring follow-ups in one by one.
        self.follow_merges = articles.len() < self.vectors.len();
        self.merge_pass(&seeds);
        self.follow_merges = true;
        // After moves, only pairs of the events they changed can newly clear the threshold,
        // and only articles that see those events can newly want to move.
        let mut seen = vec![Vec::new(); self.vectors.len()];
        let mut changed_since: Option<Vec<bool>> = None;
        for _ in 0..self.config.repair_rounds {
            let mut changed = self.move_pass(&mut seen, changed_since.as_deref());
            if changed.is_empty() {
                break;
            }
            changed.extend(self.merge_pass(&changed));
            let mut t = vec![false; self.events.len()];
            for e in changed {
                regrouped.extend_from_slice(&self.events[e].members);
                t[e] = true;
            }
            changed_since = Some(t);
        }
        if self.config.split {
            let mut events: Vec<usize> = regrouped.iter().map(|&i| self.event_of[i]).collect();
            events.sort_unstable();
            events.dedup();
            self.split(&events);
        }
    }

    /// A new event of `members`, whose own event was emptied; returns it.
    fn new_event(&mut self, members: &[usize]) -> usize {
        self.events.push(EventState::default());
        let e = self.events.len() - 1;
        for &m in members {
            let when = self.when(m);
            self.events[e].add(m, &self.vectors[m], &self.vectors, when);
            self.event_of[m] = e;
        }
        e
    }

    /// Splits each of `events` whose members fall into groups that no strong shared specific
    /// links ([`crate::split::strong_groups`]): the largest group (the first of equals) stays,
    /// each other becomes an event of its own.
    fn split(&mut self, events: &[usize]) {
        let this = &*self;
        let splits: Vec<(usize, Vec<Vec<usize>>)> = events
            .par_iter()
            .filter(|&&e| this.splittable(&this.events[e].members, &[]))
            .filter_map(|&e| {
                let groups = this.strong_groups(e);
                (groups.len() > 1).then_some((e, groups))
            })
            .collect();
        for (_, mut groups) in splits {
            let keep = (0..groups.len())
                .max_by(|&a, &b| groups[a].len().cmp(&groups[b].len()).then(b.cmp(&a)))
                .unwrap_or(0);
            groups.remove(keep);
            for g in groups {
                let new = self.move_to(g[0], None);
                for &m in &g[1..] {
                    self.move_to(m, Some(new));
                }
            }
        }
    }

    /// The groups of event `e`'s members that strong shared specifics link.
    fn strong_groups(&self, e: usize) -> Vec<Vec<usize>> {
        let mut members = self.events[e].members.clone();
        members.sort_unstable();
        crate::split::strong_groups(
            &members,
            &self.vectors,
            &self.specific,
            &self.parts,
            self.split_ages(),
            self.split_strength(members.len()),
        )
    }

    /// The ages each article's lead gives people, as the split weighs a link of voices',
    /// institutions' and places' names alone against them ([`OnlineConfig::contrary_ages`]);
    /// none when that rule is off.
    fn split_ages(&self) -> &[u128] {
        if self.config.contrary_ages {
            &self.ages
        } else {
            &[]
        }
    }

    /// Whether the split at the end of the repair would take apart again an event made of
    /// the articles `a` and `b` (each held together itself): it would be large enough to
    /// split and no member of `a` has a strong link to one of `b`
    /// ([`crate::split::joined`]). Such a move or merge is not made: the split would undo it,
    /// and every later repair would make it and undo it again (an ingest's moves and merges
    /// putting back what the last split took apart).
    fn split_would_part(&self, a: &[usize], b: &[usize]) -> bool {
        let size = a.len() + b.len();
        let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        self.config.split
            && self.splittable(a, b)
            && !crate::split::joined(
                a,
                b,
                &self.vectors,
                &self.specific,
                &self.parts,
                self.split_ages(),
                self.split_strength(size),
            )
    }

    /// Whether the split takes apart an event of the articles `a` and `b`: one of `split_min`
    /// or more, or two that came out more than `max_days_apart` apart (`split_pairs`).
    fn splittable(&self, a: &[usize], b: &[usize]) -> bool {
        let size = a.len() + b.len();
        if size >= self.config.split_min.max(2) {
            return true;
        }
        let mut pair = a.iter().chain(b);
        let (Some(&x), Some(&y)) = (pair.next(), pair.next()) else {
            return false;
        };
        self.config.split_pairs
            && size == 2
            && self
                .when(x)
                .apart(self.when(y))
                .published
                .is_some_and(|d| d > self.config.max_days_apart)
    }

    /// How the split weighs the specifics an event of `size` articles shares.
    fn split_strength(&self, size: usize) -> crate::split::Strength<'_> {
        crate::split::Strength {
            limit: self.specifics(size, 0).limit,
            slack: self.config.strong_slack,
            need: self.config.split_need,
            one_outlet: self.config.split_one_outlet,
            voice: self.config.voice_strength,
            institution: self.config.institution_strength,
            public: self.config.public_strength,
            place: self.config.place_strength,
            place_days: self.config.place_days,
            days: &self.days,
            from_text: &self.from_text,
        }
    }

    /// Events as article indices (each sorted), ordered by first article.
    pub fn events(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = self
            .events
            .iter()
            .filter(|e| !e.members.is_empty())
            .map(|e| {
                let mut m = e.members.clone();
                m.sort_unstable();
                m
            })
            .collect();
        out.sort_by_key(|e| e[0]);
        out
    }

    /// The cohesion of every article: its mean similarity to the rest of its event (1 when alone), damped by
    /// time as when it was placed. Computed afresh from the members' vectors, summed in
    /// double precision in index order, so that it depends only on who the members are: not
    /// on the order in which they joined and left (the event's running sum, which placement
    /// uses, carries rounding from every change). An event restored from the store and left
    /// alone thus shows the same figures as when it was stored.
    pub fn member_cohesion(&self) -> Vec<f32> {
        let scores: Vec<Vec<(usize, f32)>> = self
            .events
            .par_iter()
            .filter(|e| e.members.len() >= 2)
            .map_init(
                || vec![0.0f64; self.term_bound],
                |sum, ev| {
                    let mut members = ev.members.clone();
                    members.sort_unstable();
                    for &m in &members {
                        for &(t, w) in &self.vectors[m] {
                            sum[t as usize] += f64::from(w);
                        }
                    }
                    let others = (members.len() - 1) as f64;
                    let out = members
                        .iter()
                        .map(|&i| {
                            let specific = self.specifics(1, members.len() - 1);
                            let (mut all, mut shared) = (0.0f64, Dot::default());
                            for &(t, w) in &self.vectors[i] {
                                let w = f64::from(w);
                                let rest = sum[t as usize] - w;
                                all += w * rest;
                                if rest > 1e-5 {
                                    shared.add(t, (w * rest) as f32, specific);
                                }
                            }
                            let dot = Dot {
                                all: all as f32,
                                ..shared
                            };
                            let apart = self.apart(i, ev);
                            (i, self.score(dot, others as f32, apart, true))
                        })
                        .collect();
                    for &m in &members {
                        for &(t, _) in &self.vectors[m] {
                            sum[t as usize] = 0.0;
                        }
                    }
                    out
                },
            )
            .collect();
        let mut out = vec![1.0; self.vectors.len()];
        for (i, s) in scores.into_iter().flatten() {
            out[i] = s;
        }
        out
    }

    /// How article `i` and `j` compare as grouping weighs them: cosine split into specific
    /// and topic parts, damped by time, 0 without enough specific evidence.
    pub fn pair_score(&self, i: usize, j: usize) -> f32 {
        let dot = split_cosine(&self.vectors[i], &self.vectors[j], self.specifics(1, 1));
        self.score(dot, 1.0, self.when(i).apart(self.when(j)), true)
    }

    /// The specifics (term ids) that two or more of `members` share, at most `k`: the
    /// strongest first (those whose articles are the event's own, as the split weighs them:
    /// see `split.rs`), then the most shared, then the rarer. None when their strengths
    /// together do not make one strong link: an event held only by topic words and names
    /// that many stories share (a city, its police department) is held by weak evidence.
    pub fn shared_specifics(&self, members: &[usize], k: usize) -> Vec<u32> {
        if members.len() < 2 {
            return Vec::new();
        }
        let strength = self.split_strength(members.len());
        let mut count: HashMap<u32, u32> = HashMap::default();
        for &i in members {
            for &(t, _) in &self.vectors[i] {
                if self
                    .specific
                    .get(t as usize)
                    .is_some_and(|&df| strength.counts(df))
                {
                    *count.entry(t).or_insert(0) += 1;
                }
            }
        }
        let mut shared: Vec<(u32, u32, f32)> = count
            .into_iter()
            .filter(|x| x.1 >= 2)
            .map(|(t, n)| (t, n, strength.of(n as usize, self.specific[t as usize])))
            .collect();
        let total: f32 = shared.iter().map(|x| x.2).sum();
        if total < strength.need - 1e-6 {
            return Vec::new();
        }
        shared.sort_unstable_by(|a, b| {
            b.2.total_cmp(&a.2)
                .then(b.1.cmp(&a.1))
                .then(self.specific_df(a.0).cmp(&self.specific_df(b.0)))
                .then(a.0.cmp(&b.0))
        });
        shared.into_iter().take(k).map(|x| x.0).collect()
    }

    /// The specifics articles `x` and `y` share, each with its strength as the split weighs
    /// it in an event of `members` (see `split.rs`; a name's own words count 0, with the name:
    /// `split::counted`), strongest first: what links the two, for an evaluation to
    /// show why two stories were held together.
    pub fn link(&self, members: &[usize], x: usize, y: usize) -> Vec<(u32, f32)> {
        let strength = self.split_strength(members.len());
        let mut shared = Vec::new();
        crate::split::each_shared(&self.vectors[x], &self.vectors[y], |t| {
            if strength.counts(self.specific[t as usize]) {
                shared.push(t);
            }
        });
        let mut out: Vec<(u32, f32)> = shared
            .into_iter()
            .map(|t| {
                let named = members
                    .iter()
                    .filter(|&&m| self.vectors[m].binary_search_by_key(&t, |x| x.0).is_ok())
                    .count();
                (
                    t,
                    strength.between(named, self.specific[t as usize], x, y, self.split_ages()),
                )
            })
            .collect();
        let counted = crate::split::counted(&out, &self.parts);
        for (x, c) in out.iter_mut().zip(counted) {
            x.1 = c;
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    fn specific_df(&self, t: u32) -> u32 {
        self.specific[t as usize] & !crate::vectors::FLAGS
    }

    /// The unit vector of article `i`.
    pub fn vector(&self, i: usize) -> &SparseVector {
        &self.vectors[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random unit vectors over a small vocabulary, so that events overlap a lot.
    fn vectors(n: usize) -> Vec<SparseVector> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|_| {
                let mut v: Vec<(u32, f32)> = (0..12)
                    .map(|_| ((next() % 40) as u32, (next() % 1000) as f32 / 1000.0 + 0.01))
                    .collect();
                v.sort_unstable_by_key(|p| p.0);
                v.dedup_by_key(|p| p.0);
                chorus_text::unit(v)
            })
            .collect()
    }

    #[test]
    fn a_merged_event_keeps_the_links_of_both_parts() {
        // a and b are close; c is linked to b only (to a its similarity is 0), yet its average
        // link with a and b together (0.20) clears the threshold; d shares nothing. No move
        // pass: the merge pass alone must find it.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        // (No vocabulary here to say which terms are specifics: none asked for, and no
        // split, which needs them.)
        let mut online = Online::new(OnlineConfig {
            repair_rounds: 0,
            min_shared: 0,
            min_overlap: 0.0,
            min_specific: 0.0,
            split: false,
            ..OnlineConfig::default()
        });
        for terms in [&[0, 1][..], &[0, 1, 2], &[2, 3], &[4]] {
            let p = online.prepare(v(terms), true);
            online.add(p, None, false, false);
        }
        online.repair(&[0, 1, 2, 3]);
        assert_eq!(online.events(), vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn a_follow_up_naming_many_of_its_incidents_specifics_joins_it_weeks_later() {
        // Articles 0 and 1 report an incident; article 2, weeks later, names the same eight
        // people and places, each also named by two articles elsewhere (so none is confined
        // to these three), amid the same topic words.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let terms: Vec<u32> = (0..8).chain(20..24).collect();
        let mut specific = vec![u32::MAX; 30];
        specific[..8].fill(5);
        let place = |config: OnlineConfig, later: i64| {
            let mut online = Online::new(config);
            online.set_specific(specific.clone(), 100);
            for day in [0, 0, later] {
                let p = online.prepare(v(&terms), true);
                online.add(p, Some((day, day)), false, true);
            }
            online.events()
        };
        let many = OnlineConfig {
            follow_many: 7,
            specific_days: 30.0,
            ..OnlineConfig::default()
        };
        assert_eq!(place(many.clone(), 30), vec![vec![0, 1, 2]]);
        // Past the follow-up window, or without the rule, time alone keeps it apart.
        assert_eq!(place(many.clone(), 31), vec![vec![0, 1], vec![2]]);
        let without = OnlineConfig {
            follow_many: u32::MAX,
            ..many.clone()
        };
        assert_eq!(place(without, 30), vec![vec![0, 1], vec![2]]);
        let wider = OnlineConfig {
            specific_days: 45.0,
            ..many
        };
        assert_eq!(place(wider, 45), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn names_that_many_incidents_share_are_weak_evidence() {
        // The same topic words and specifics in every article; `df` says in how many
        // articles of a large collection each specific is (its limit there is 50).
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |specifics: usize, df: u32, days: &[i64]| {
            let terms: Vec<u32> = (0..specifics as u32).chain(20..24).collect();
            let mut specific = vec![u32::MAX; 30];
            specific[..specifics].fill(df);
            let mut online = Online::new(OnlineConfig {
                follow_many: 7,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            for &day in days {
                let p = online.prepare(v(&terms), true);
                online.add(p, Some((day, day)), false, true);
            }
            online.events()
        };
        // Two reports of one day that share one specific: one in three articles (a victim's
        // name) joins them; one in twelve (a city's hospital) does not.
        assert_eq!(place(1, 3, &[0, 0]), vec![vec![0, 1]]);
        assert_eq!(place(1, 12, &[0, 0]), vec![vec![0], vec![1]]);
        // Two are enough, however common.
        assert_eq!(place(2, 12, &[0, 0]), vec![vec![0, 1]]);
        // With the follow-up rule by many specifics (off by default), a follow-up two months
        // later that names eight specifics of its incident: of the
        // incident's own (each in five articles), it joins; names of forty articles each
        // join the two reports of one day, not the follow-up.
        assert_eq!(place(8, 5, &[0, 0, 60]), vec![vec![0, 1, 2]]);
        assert_eq!(place(8, 40, &[0, 0, 60]), vec![vec![0, 1], vec![2]]);
    }

    /// The events of two reports, the second `second_day` days after the first, that share
    /// topic words and one specific in only their two articles (term 0), marked `flag`.
    fn two_reports_sharing_one_specific(
        flag: u32,
        config: OnlineConfig,
        second_day: i64,
    ) -> Vec<Vec<usize>> {
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let mut specific = vec![u32::MAX; 30];
        specific[0] = 2 | flag;
        let mut online = Online::new(config);
        online.set_specific(specific, 10_000);
        for day in [0, second_day] {
            let p = online.prepare(v(&[0, 20, 21, 22, 23]), true);
            online.add(p, Some((day, day)), false, true);
        }
        online.events()
    }

    #[test]
    fn one_shared_voice_does_not_join_two_reports() {
        // Two reports of one day sharing topic words and one specific in only their two
        // articles (term 0): a victim's name joins them; a police spokesperson's name,
        // marked as a voice, does not (unless voices weigh whole).
        let place = |flag: u32, voice_strength: f32| {
            let config = OnlineConfig {
                voice_strength,
                ..OnlineConfig::default()
            };
            two_reports_sharing_one_specific(flag, config, 0)
        };
        let voice = crate::vectors::VOICE;
        assert_eq!(place(0, 0.25), vec![vec![0, 1]]);
        assert_eq!(place(voice, 0.25), vec![vec![0], vec![1]]);
        assert_eq!(place(voice, 1.0), vec![vec![0, 1]]);
    }

    #[test]
    fn one_shared_institution_joins_two_reports_of_one_day_only() {
        // Two reports sharing topic words and one specific (term 0), an institution's name
        // (a city's hospital): on one day they join; three days apart they do not (nor on one
        // day when institutions never weigh whole).
        let place = |second_day: i64, institution_same_day: bool| {
            let config = OnlineConfig {
                institution_same_day,
                ..OnlineConfig::default()
            };
            two_reports_sharing_one_specific(crate::vectors::INSTITUTION, config, second_day)
        };
        assert_eq!(place(0, true), vec![vec![0, 1]]);
        assert_eq!(place(3, true), vec![vec![0], vec![1]]);
        assert_eq!(place(0, false), vec![vec![0], vec![1]]);
    }

    #[test]
    fn one_shared_place_joins_two_reports_within_its_days_only() {
        // Two reports sharing topic words and one specific (term 0), a place's name (a
        // town, a street): within `place_days` of each other they join, as the first reports
        // of one incident do; three days apart they do not, unless places weigh whole.
        let place = |second_day: i64, place_strength: f32| {
            let config = OnlineConfig {
                place_strength,
                ..OnlineConfig::default()
            };
            two_reports_sharing_one_specific(crate::vectors::PLACE, config, second_day)
        };
        let strength = OnlineConfig::default().place_strength;
        assert_eq!(place(2, strength), vec![vec![0, 1]]);
        assert_eq!(place(3, strength), vec![vec![0], vec![1]]);
        assert_eq!(place(3, 1.0), vec![vec![0, 1]]);
    }

    /// Two reports of one day sharing topic words, a town (term 0, a place) and unless
    /// `victim` is false a victim's name (term 1), each in only their two articles; `lead`
    /// gives each what its lead says (ages or streets, one bit each), `config` the grouping.
    fn two_reports_of_a_town(
        config: OnlineConfig,
        leads: [u128; 2],
        victim: bool,
        lead: fn(Prepared, u128) -> Prepared,
    ) -> Vec<Vec<usize>> {
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let mut specific = vec![u32::MAX; 30];
        specific[0] = 2 | crate::vectors::PLACE;
        specific[1] = 2;
        let mut online = Online::new(config);
        online.set_specific(specific, 10_000);
        let name: &[u32] = if victim { &[1] } else { &[] };
        for x in leads {
            let terms: Vec<u32> = [0]
                .iter()
                .chain(name)
                .chain(&[20, 21, 22])
                .copied()
                .collect();
            let p = lead(online.prepare(v(&terms), true), x);
            online.add(p, Some((0, 0)), false, true);
        }
        online.events()
    }

    #[test]
    fn reports_of_a_town_that_age_their_people_otherwise_stay_apart() {
        let place = |ages: [u128; 2], victim: bool, contrary_ages: bool| {
            let config = OnlineConfig {
                contrary_ages,
                ..OnlineConfig::default()
            };
            two_reports_of_a_town(config, ages, victim, Prepared::with_ages)
        };
        let (nine, ten, both) = (1 << 9, 1 << 10, 1 << 9 | 1 << 30);
        // A 9-year-old girl and a 10-year-old boy: two incidents of one town.
        assert_eq!(place([nine, ten], false, true), vec![vec![0], vec![1]]);
        assert_eq!(place([nine, ten], false, false), vec![vec![0, 1]]);
        // One age in common (the victim's, beside a suspect's), or one report that ages no
        // one, or a victim named by both: one incident.
        assert_eq!(place([nine, both], false, true), vec![vec![0, 1]]);
        assert_eq!(place([nine, 0], false, true), vec![vec![0, 1]]);
        assert_eq!(place([nine, ten], true, true), vec![vec![0, 1]]);
    }

    #[test]
    fn a_lone_word_written_in_no_name_does_not_hold_reports_that_age_people_otherwise() {
        // Two reports of one day sharing topic words and one plain word or name (term 0, in
        // only their two articles): a town's ("Saginaw's southeast side", "a Miami Gardens
        // nightclub") when neither writes it in a person's or a thing's name, a person's when
        // one does ("Jamick Dakota Corley").
        // With `name`, term 0 is a multi-word name of words 1 and 2 ("Miami Gardens").
        let shared = |ages: [u128; 2], named: bool, lone_words: bool, name: bool| {
            let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
            let mut specific = vec![u32::MAX; 30];
            specific[0] = 2;
            let mut online = Online::new(OnlineConfig {
                lone_words,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            let own: Vec<u32> = if name {
                online.set_parts(crate::Parts::from_lists(&[&[1, 2]]));
                vec![1, 2]
            } else {
                vec![0]
            };
            for (k, x) in ages.into_iter().enumerate() {
                let words = if named && k == 0 {
                    own.clone()
                } else {
                    Vec::new()
                };
                let p = online
                    .prepare(v(&[0, 20, 21, 22]), true)
                    .with_ages(x)
                    .with_name_words(words);
                online.add(p, Some((0, 0)), false, true);
            }
            online.events()
        };
        let place = |ages: [u128; 2], named: bool, lone_words: bool| {
            let word = shared(ages, named, lone_words, false);
            assert_eq!(word, shared(ages, named, lone_words, true));
            word
        };
        let (two, three, nine, sixteen) = (1 << 2, 1 << 3, 1 << 9, 1 << 16);
        // A 16-year-old in one and a 9-year-old in the other: two incidents of one town.
        assert_eq!(place([sixteen, nine], false, true), vec![vec![0], vec![1]]);
        assert_eq!(place([sixteen, nine], false, false), vec![vec![0, 1]]);
        // The word written in a person's name, or ages a year apart (a toddler "3" in one
        // early report and "2" in the next), or one report that ages no one: one incident.
        assert_eq!(place([sixteen, nine], true, true), vec![vec![0, 1]]);
        assert_eq!(place([three, two], false, true), vec![vec![0, 1]]);
        assert_eq!(place([sixteen, 0], false, true), vec![vec![0, 1]]);
    }

    #[test]
    fn reports_of_a_town_that_name_other_streets_stay_apart() {
        let place = |streets: [u128; 2], victim: bool, contrary_streets: bool| {
            let config = OnlineConfig {
                contrary_streets,
                ..OnlineConfig::default()
            };
            two_reports_of_a_town(config, streets, victim, Prepared::with_streets)
        };
        let (payson, reisterstown, both) = (1 << 3, 1 << 7, 1 << 3 | 1 << 40);
        // Payson Street and Reisterstown Road: two incidents of one town.
        assert_eq!(
            place([payson, reisterstown], false, true),
            vec![vec![0], vec![1]]
        );
        assert_eq!(
            place([payson, reisterstown], false, false),
            vec![vec![0, 1]]
        );
        // One street in common (the block and its cross street), one report that names no
        // street, or a victim named by both: one incident.
        assert_eq!(place([payson, both], false, true), vec![vec![0, 1]]);
        assert_eq!(place([payson, 0], false, true), vec![vec![0, 1]]);
        assert_eq!(place([payson, reisterstown], true, true), vec![vec![0, 1]]);
    }

    #[test]
    fn names_of_a_town_and_its_institutions_alone_join_no_reports_days_apart() {
        // Two reports sharing topic words and specifics each in only their two articles:
        // `town` (term 0, a place), a hospital (term 1, an institution) and a police
        // spokesperson (term 2, a voice), and unless `victim` is `NO_NAME` a name of no such
        // kind (term 3) whose document frequency and flags are `victim`.
        const NO_NAME: u32 = u32::MAX;
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |second_day: i64, town: bool, victim: u32, weak_alone: bool| {
            let mut specific = vec![u32::MAX; 30];
            specific[0] = 2 | crate::vectors::PLACE;
            specific[1] = 2 | crate::vectors::INSTITUTION;
            specific[2] = 2 | crate::vectors::VOICE;
            specific[3] = victim;
            let mut online = Online::new(OnlineConfig {
                weak_alone,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            let terms: Vec<u32> = [(0, town), (1, true), (2, true), (3, victim != NO_NAME)]
                .iter()
                .filter(|x| x.1)
                .map(|x| x.0)
                .chain([20, 21])
                .collect();
            for day in [0, second_day] {
                let p = online.prepare(v(&terms), true);
                online.add(p, Some((day, day)), false, true);
            }
            online.events()
        };
        let (joined, apart) = (vec![vec![0, 1]], vec![vec![0], vec![1]]);
        let (none, name) = (NO_NAME, 2);
        // A name only one outlet uses, in twelve articles (its station's programme).
        let station = 12 | crate::vectors::ONE_OUTLET;
        // The hospital and the spokesperson alone join reports of the next days (an
        // incident's first reports and its follow-up), not three days apart, nor with the
        // station's name, which links that outlet's reports of anything.
        assert_eq!(place(2, false, none, true), joined);
        assert_eq!(place(3, false, none, true), apart);
        assert_eq!(place(3, false, station, true), apart);
        // With the town as well, within a week (a death, an arrest days later), not ten days
        // apart; with a name of their own, or without the rule, ten days apart as well.
        assert_eq!(place(7, true, none, true), joined);
        assert_eq!(place(10, true, none, true), apart);
        assert_eq!(place(10, true, name, true), joined);
        assert_eq!(place(10, true, none, false), joined);
        assert_eq!(place(3, false, none, false), joined);
    }

    #[test]
    fn an_event_held_by_common_names_splits_into_its_stories() {
        // Two incidents of one day: articles 0-2 name victim A (term 0), 3-5 victim B (term
        // 1); all six name the city and its police spokesperson (terms 2 and 3, each in
        // twenty articles of the collection) amid the same topic words.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |split: bool, df: u32| {
            let mut specific = vec![u32::MAX; 30];
            specific[..2].fill(3);
            specific[2..4].fill(df);
            let mut online = Online::new(OnlineConfig {
                split,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            for k in 0..6u32 {
                let p = online.prepare(v(&[k / 3, 2, 3, 20, 21, 22, 23]), true);
                online.add(p, Some((0, 0)), false, true);
            }
            online.repair(&(0..6).collect::<Vec<_>>());
            online
        };
        // Without the split, the shared names and words make one event.
        assert_eq!(place(false, 20).events(), vec![vec![0, 1, 2, 3, 4, 5]]);
        let online = place(true, 20);
        assert_eq!(online.events(), vec![vec![0, 1, 2], vec![3, 4, 5]]);
        // Nor would a later repair merge the two again.
        assert!(online.split_would_part(&[0, 1, 2], &[3, 4, 5]));
        assert!(!online.split_would_part(&[0, 1], &[2]));
        // Names that only these six articles carry are the event's own: one story.
        let online = place(true, 6);
        assert_eq!(online.events(), vec![vec![0, 1, 2, 3, 4, 5]]);
        assert!(!online.split_would_part(&[0, 1, 2], &[3, 4, 5]));
    }

    #[test]
    fn two_reports_a_week_apart_held_by_a_name_of_others_split() {
        // Two reports sharing topic words and one specific in four articles of the
        // collection (term 0): strong enough to join them (3 of 4), too weak for a link of
        // the split (the two and one more of 4).
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |second_day: i64, split_pairs: bool| {
            let mut specific = vec![u32::MAX; 30];
            specific[0] = 4;
            let mut online = Online::new(OnlineConfig {
                split_pairs,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            for day in [0, second_day] {
                let p = online.prepare(v(&[0, 20, 21, 22]), true);
                online.add(p, Some((day, day)), false, true);
            }
            online.repair(&[0, 1]);
            online
        };
        let (joined, apart) = (vec![vec![0, 1]], vec![vec![0], vec![1]]);
        // Within the week they stay together, as an incident's reports do; ten days apart
        // they split, and a later repair does not join them again.
        assert_eq!(place(7, true).events(), joined);
        let online = place(10, true);
        assert_eq!(online.events(), apart);
        assert!(online.split_would_part(&[0], &[1]));
        assert_eq!(place(10, false).events(), joined);
    }

    #[test]
    fn an_article_the_split_took_out_does_not_move_back() {
        // Articles 0-2 name the victim (term 0, in these three only); article 3 only the city
        // and its police spokesperson (terms 2 and 3, each in twenty articles of the
        // collection); all four the same topic words.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |split: bool| {
            let mut specific = vec![u32::MAX; 30];
            specific[0] = 3;
            specific[2..4].fill(20);
            let mut online = Online::new(OnlineConfig {
                split,
                ..OnlineConfig::default()
            });
            online.set_specific(specific, 10_000);
            for terms in [
                &[0, 2, 3, 20, 21][..],
                &[0, 2, 20, 21, 22],
                &[0, 3, 21, 22],
                &[2, 3, 20, 21, 22],
            ] {
                let p = online.prepare(v(terms), true);
                online.add(p, Some((0, 0)), false, true);
            }
            online.repair(&[0, 1, 2, 3]);
            online
        };
        let online = place(true);
        assert_eq!(online.events(), vec![vec![0, 1, 2], vec![3]]);
        // Alone, article 3 would rather be with the others (its similarity clears the
        // threshold), but the split would take it out again: it stays.
        let story = online.event_of[0];
        assert!(online.article_score(3, story, 0.0) > online.config.threshold);
        assert_eq!(online.look(3, None, None).map(|x| x.1), Some(None));
        // Without the split, it is one event.
        assert_eq!(place(false).events(), vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn an_event_held_only_by_common_names_shows_no_specifics() {
        // Two reports of one day sharing the city and its spokesperson (terms 2 and 3, each
        // in twenty articles) amid topic words: one event, held by weak evidence. With a
        // victim's name (term 0, in these two articles only) it is held by that name.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let place = |terms: &[u32]| {
            let mut specific = vec![u32::MAX; 30];
            specific[0] = 2;
            specific[2..4].fill(20);
            let mut online = Online::new(OnlineConfig::default());
            online.set_specific(specific, 10_000);
            for _ in 0..2 {
                let p = online.prepare(v(terms), true);
                online.add(p, Some((0, 0)), false, true);
            }
            online.repair(&[0, 1]);
            assert_eq!(online.events(), vec![vec![0, 1]]);
            online.shared_specifics(&[0, 1], 6)
        };
        assert!(place(&[2, 3, 20, 21, 22, 23]).is_empty());
        assert_eq!(place(&[0, 2, 3, 20, 21, 22, 23])[0], 0);
    }

    #[test]
    fn a_link_lists_the_shared_specifics_by_strength() {
        // Articles 0 and 1 share a victim's name (term 0, in these two only: whole), a city
        // (term 2, in twenty: (2 + 1) / 20) and topic words (20, 21: no specifics); article
        // 2 names the city too, which makes it (3 + 1) / 20 in an event of all three.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let mut specific = vec![u32::MAX; 30];
        specific[0] = 2;
        specific[2] = 20;
        let mut online = Online::new(OnlineConfig::default());
        online.set_specific(specific, 10_000);
        for terms in [&[0, 2, 20, 21][..], &[0, 2, 20], &[2, 21]] {
            let p = online.prepare(v(terms), true);
            online.add(p, Some((0, 0)), false, false);
        }
        assert_eq!(online.link(&[0, 1], 0, 1), vec![(0, 1.0), (2, 0.15)]);
        assert_eq!(online.link(&[0, 1, 2], 0, 1), vec![(0, 1.0), (2, 0.2)]);
        assert_eq!(online.link(&[0, 1, 2], 1, 2), vec![(2, 0.2)]);
    }

    #[test]
    fn the_follow_up_window_binds_publication_dates_not_dates_read_from_text() {
        // Three articles naming the same five people and places (each in no other article):
        // the third sixty days after the first two, published then or placed there by a date
        // its text names.
        let v = |terms: &[u32]| chorus_text::unit(terms.iter().map(|&t| (t, 1.0)).collect());
        let terms: Vec<u32> = (0..5).chain(20..24).collect();
        let mut specific = vec![u32::MAX; 30];
        specific[..5].fill(3);
        let config = OnlineConfig {
            specific_days: 30.0,
            ..OnlineConfig::default()
        };
        let place = |from_text: bool| {
            let mut online = Online::new(config.clone());
            online.set_specific(specific.clone(), 100);
            for (day, text) in [(0, false), (0, false), (60, from_text)] {
                let p = online.prepare(v(&terms), true);
                online.add(p, Some((day, day + 7 * i64::from(text))), text, true);
            }
            online.events()
        };
        assert_eq!(place(false), vec![vec![0, 1], vec![2]]);
        assert_eq!(place(true), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn length_bounds_never_fall_under_the_exact_score() {
        let mut online = Online::new(OnlineConfig::default());
        for (i, v) in vectors(60).into_iter().enumerate() {
            let p = online.prepare(v, true);
            online.add(p, Some((i as i64 % 20, i as i64 % 20)), false, false);
        }
        // Events of 1, 2, 3, 5 and 9 articles.
        for (first, size) in [(10, 2), (20, 3), (30, 5), (40, 9)] {
            for m in first + 1..first + size {
                online.join(first, m);
            }
        }
        let norms: Vec<f32> = online.events.iter().map(EventState::norm).collect();
        let live: Vec<usize> = (0..online.events.len())
            .filter(|&e| !online.events[e].members.is_empty())
            .collect();
        let mut checked = 0;
        for &a in &live {
            for &b in live.iter().filter(|&&b| b != a) {
                let bound = online.event_bound(&norms, a, b);
                let exact = online.event_similarity(a, b);
                assert!(
                    may_exceed(bound, exact - 1e-7),
                    "{a} {b}: {bound} < {exact}"
                );
                checked += 1;
            }
            for i in 0..online.len() {
                if online.event_of[i] != a {
                    let bound = online.article_bound(&norms, i, a);
                    let exact = online.article_to_event(i, a);
                    assert!(
                        may_exceed(bound, exact - 1e-7),
                        "{i} {a}: {bound} < {exact}"
                    );
                }
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn stale_pairs_are_skipped_and_do_not_pile_up() {
        let mut version = vec![0usize; 3];
        let mut pairs = Pairs::default();
        pairs.push(EventPair::new(0.5, 0, 1), &version);
        pairs.push(EventPair::new(0.9, 0, 2), &version);
        // Event 2 changes a hundred thousand times, each time rescored against event 0.
        for k in 0..100_000 {
            version[2] += 1;
            pairs.push(EventPair::new(0.3 + k as f32 * 1e-6, 0, 2), &version);
            pairs.compact(&version);
        }
        assert!(pairs.heap.len() < 20_000, "{} pairs kept", pairs.heap.len());
        // The best pair that is not stale: the last score of (0, 2) is under (0, 1)'s.
        let best = pairs.pop(&version).unwrap();
        assert_eq!((best.a, best.b), (0, 1));
        let next = pairs.pop(&version).unwrap();
        assert_eq!((next.a, next.b), (0, 2));
        assert!((next.score - (0.3 + 99_999.0 * 1e-6)).abs() < 1e-6);
        assert!(pairs.pop(&version).is_none());
    }

    /// Events of 2, 3, 5 and 9 articles out of 60, their members joined in the given order.
    fn joined(order: impl Fn(&mut Vec<(usize, usize)>)) -> Online {
        let mut online = Online::new(OnlineConfig::default());
        for (i, v) in vectors(60).into_iter().enumerate() {
            let p = online.prepare(v, true);
            online.add(p, Some((i as i64 % 20, i as i64 % 20)), false, false);
        }
        let mut pairs: Vec<(usize, usize)> = [(10, 2), (20, 3), (30, 5), (40, 9)]
            .iter()
            .flat_map(|&(first, size)| (first + 1..first + size).map(move |m| (first, m)))
            .collect();
        order(&mut pairs);
        for (a, b) in pairs {
            online.join(a, b);
        }
        online
    }

    #[test]
    fn member_cohesion_depends_on_the_members_not_the_order_they_came_in() {
        let forward = joined(|_| {});
        let mut backward = joined(|p| p.reverse());
        // Articles that come and go leave rounding in the event's running sum.
        for i in 50..60 {
            backward.join(40, i);
        }
        for i in 50..60 {
            backward.move_to(i, None);
        }
        assert_eq!(forward.events(), backward.events());
        let (f, b) = (forward.member_cohesion(), backward.member_cohesion());
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&f), bits(&b));
        // The same figure as placement's running sums give, up to their rounding.
        for (i, &s) in f.iter().enumerate() {
            let e = forward.event_of[i];
            if forward.events[e].members.len() > 1 {
                let running = forward.article_to_event(i, e);
                assert!((s - running).abs() < 1e-5, "{i}: {s} against {running}");
            } else {
                assert_eq!(s, 1.0);
            }
        }
    }
}

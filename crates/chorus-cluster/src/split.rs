//! Splitting an event that holds two stories. After grouping, the members of an event are
//! linked two by two where they share strong specifics: names, places and figures whose
//! articles are (nearly) all in the event, such as a victim's or a suspect's name. A name that
//! many other articles carry too (a city's police department, a spokesperson quoted about
//! many incidents) is weak: it links only in the measure of its share of articles in the
//! event, and weak names must add up to a strong one. The groups of members so linked are
//! the event's stories; an event whose groups no strong link joins (held together by topic
//! words and weak names alone) is split into them. A follow-up weeks later stays, because it
//! names the victim or the suspect its incident's reports name. A place's name links two
//! members published more than a few days apart at a part of its strength, as the joins
//! weigh it, unless their leads give someone the same age ([`Strength::between`]).
//!
//! The groups depend only on who the members are and on the collection's counts of each
//! name, not on the order in which the members joined.
//!
//! A multi-word name and the words it is made of ("East Flatbush", "flatbush"; "Donyae
//! Jones", "donyae") are one piece of evidence: where two articles share both, they count
//! once, as the strongest of them ([`count_once`]), not as two names that add up to a link.
//!
//! The same link between two parts of an event ([`joined`]) keeps the repair's merges and
//! moves from making an event the split would take apart again.

use crate::online::Days;
use crate::vectors::Parts;
use chorus_text::SparseVector;
use rustc_hash::FxHashMap as HashMap;

/// What makes a link strong enough to hold two articles together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Strength<'a> {
    /// A specific is one in at most this many articles (the collection's limit plus the
    /// event's size, as the joins count it); `df` gives each term's count, `u32::MAX` for one
    /// that is no name or figure.
    pub limit: u32,
    /// A shared specific's strength is `(in_event + slack) / df`, at most 1: whole when the
    /// articles naming it are the event's own (and `slack` more).
    pub slack: f32,
    /// Two articles are linked when the strengths of the specifics they share add up to this.
    pub need: f32,
    /// The strength of a specific only one outlet has used (a byline, a station's own
    /// programme names) is multiplied by this: such a name links that outlet's articles
    /// whatever they are about.
    pub one_outlet: f32,
    /// The strength of a voice's name ([`crate::vectors::VOICE`]) is multiplied by this.
    pub voice: f32,
    /// The strength of an institution's name ([`crate::vectors::INSTITUTION`]) is multiplied
    /// by this.
    pub institution: f32,
    /// The strength of a public figure's name ([`crate::vectors::PUBLIC`]) is multiplied by
    /// this.
    pub public: f32,
    /// The strength of a place's name ([`crate::vectors::PLACE`]) between two articles whose
    /// publication dates lie more than `place_days` apart is multiplied by this, as the joins
    /// weigh it (`OnlineConfig::place_strength`): the first reports of one incident share its
    /// town or street, a report a week on of another incident there does too.
    pub place: f32,
    /// See `place`.
    pub place_days: f32,
    /// Each article's publication day (first and last), by index; none for an article whose
    /// day is read from its text ([`Strength::published`]). Empty: a place is whole.
    pub days: &'a [Option<Days>],
    /// Whether each article's day is read from its text (no publication date).
    pub from_text: &'a [bool],
}

impl Strength<'_> {
    /// Whether a term of document frequency `df` (with its one-outlet flag) is a specific.
    pub(crate) fn counts(&self, df: u32) -> bool {
        df & !crate::vectors::FLAGS <= self.limit
    }

    /// The strength of a specific of document frequency `df` (with its one-outlet flag) that
    /// `named_by` of the event's articles name: `(named_by + slack) / df`, at most 1, times
    /// `one_outlet` for a name only one outlet has used.
    pub(crate) fn of(&self, named_by: usize, df: u32) -> f32 {
        let count = (df & !crate::vectors::FLAGS).max(1) as f32;
        let s = ((named_by as f32 + self.slack) / count).min(1.0)
            * crate::vectors::voice_weight(df, self.voice, self.institution, 1.0, self.public);
        if df & crate::vectors::ONE_OUTLET != 0 {
            s * self.one_outlet
        } else {
            s
        }
    }

    /// [`Strength::of`] between articles `x` and `y`: a place's name at `place` of it when
    /// their publication dates lie more than `place_days` apart and their leads give no one
    /// the same age ([`Strength::far`]; `ages` by article, as [`strong_groups`] takes them).
    pub(crate) fn between(
        &self,
        named_by: usize,
        df: u32,
        x: usize,
        y: usize,
        ages: &[u128],
    ) -> f32 {
        if df & crate::vectors::PLACE != 0 && self.far(x, y, ages) {
            self.of_far(named_by, df)
        } else {
            self.of(named_by, df)
        }
    }

    /// [`Strength::of`] between two articles more than `place_days` apart: a place's name at
    /// `place` of its strength (the least of the weights of its kinds, as the joins take it).
    fn of_far(&self, named_by: usize, df: u32) -> f32 {
        let whole =
            crate::vectors::voice_weight(df, self.voice, self.institution, 1.0, self.public);
        let far =
            crate::vectors::voice_weight(df, self.voice, self.institution, self.place, self.public);
        if whole > 0.0 {
            self.of(named_by, df) * far / whole
        } else {
            0.0
        }
    }

    /// Whether articles `x` and `y` both carry a publication date, came out more than
    /// `place_days` apart and their leads give no one the same age (`ages` by article): a
    /// death or a charge days on, reported with the victim's age and the town alone, is the
    /// incident's, where a report of another incident there tells of other people.
    pub(crate) fn far(&self, x: usize, y: usize, ages: &[u128]) -> bool {
        let age = |i: usize| ages.get(i).copied().unwrap_or(0);
        if age(x) & age(y) != 0 {
            return false;
        }
        let (Some(a), Some(b)) = (self.published(x), self.published(y)) else {
            return false;
        };
        crate::time::days_apart(Some(a.0), Some(a.1), Some(b.0), Some(b.1))
            .is_some_and(|d| d > self.place_days)
    }

    /// Article `i`'s publication day, if it has one (not read from its text).
    fn published(&self, i: usize) -> Option<Days> {
        if self.from_text.get(i).copied().unwrap_or(true) {
            return None;
        }
        self.days.get(i).copied().flatten()
    }
}

/// The groups of `members` (sorted) that strong shared specifics link, each sorted, ordered
/// by first member; one group when the event holds together.
///
/// `ages` (by article; empty or short for none) are the ages each article's lead gives
/// people ([`crate::vectors::stated_ages`]). A link resting only on voices', institutions'
/// and places' names (no [`crate::vectors::plain_kind`] name among them) does not join two
/// groups whose ages are contrary: a town, its police and its hospital are every incident's
/// there, and a 17-year-old's shooting and a 4-year-old's are two. Such links are weighed
/// once the links of names of their own have made the groups, each against the two groups it
/// would join as those made them, so that the result does not depend on the members' order.
pub(crate) fn strong_groups(
    members: &[usize],
    vectors: &[SparseVector],
    df: &[u32],
    parts: &Parts,
    ages: &[u128],
    strength: Strength,
) -> Vec<Vec<usize>> {
    let n = members.len();
    if n < 2 {
        return vec![members.to_vec()];
    }
    // Each specific term and the members (as positions in `members`) that name it.
    let mut naming: HashMap<u32, Vec<u32>> = HashMap::default();
    for (k, &i) in members.iter().enumerate() {
        for &(t, _) in &vectors[i] {
            let Some(&d) = df.get(t as usize) else {
                continue;
            };
            if strength.counts(d) {
                naming.entry(t).or_default().push(k as u32);
            }
        }
    }
    let mut terms: Vec<(u32, Vec<u32>)> = naming.into_iter().filter(|x| x.1.len() >= 2).collect();
    // In term order, so that weak strengths add up in the same order every time.
    terms.sort_unstable_by_key(|x| x.0);
    let mut sets = chorus_text::UnionFind::new(n);
    // Links of voices', institutions' and places' names alone, weighed against ages last.
    let mut kind_only: Vec<Vec<u32>> = Vec::new();
    let mut weak: HashMap<(u32, u32), f32> = HashMap::default();
    // The strength of each weak term, for counting a pair's shared names once.
    let mut weak_strength: HashMap<u32, f32> = HashMap::default();
    // The same of each place's name between two members that came out more than
    // `place_days` apart ([`Strength::between`]), where it is weak there.
    let mut far_strength: HashMap<u32, f32> = HashMap::default();
    let far = |a: u32, b: u32| strength.far(members[a as usize], members[b as usize], ages);
    let far_pair = |holders: &[u32]| {
        (0..holders.len()).any(|x| holders[x + 1..].iter().any(|&b| far(holders[x], b)))
    };
    for (t, holders) in &terms {
        let d = df[*t as usize];
        let s = strength.of(holders.len(), d);
        if d & crate::vectors::PLACE != 0 && far_pair(holders) {
            // A place's name weighed pair by pair: whole between reports a few days apart.
            let s_far = strength.of_far(holders.len(), d);
            if s < strength.need {
                weak_strength.insert(*t, s);
            }
            if s_far < strength.need {
                far_strength.insert(*t, s_far);
            }
            for (x, &a) in holders.iter().enumerate() {
                for &b in &holders[x + 1..] {
                    let s = if far(a, b) { s_far } else { s };
                    if s >= strength.need {
                        kind_only.push(vec![a, b]);
                    } else if s > 0.0 {
                        *weak.entry((a, b)).or_insert(0.0) += s;
                    }
                }
            }
        } else if s >= strength.need && !crate::vectors::plain_kind(d) {
            kind_only.push(holders.clone());
        } else if s >= strength.need {
            for w in holders.windows(2) {
                sets.union(w[0] as usize, w[1] as usize);
            }
        } else if s > 0.0 {
            weak_strength.insert(*t, s);
            for (x, &a) in holders.iter().enumerate() {
                for &b in &holders[x + 1..] {
                    *weak.entry((a, b)).or_insert(0.0) += s;
                }
            }
        }
    }
    let mut pairs: Vec<((u32, u32), f32)> = weak.into_iter().collect();
    pairs.sort_unstable_by_key(|x| x.0);
    let mut shared: Vec<(u32, f32)> = Vec::new();
    for ((a, b), s) in pairs {
        // Counting once only lowers a sum: asked only of the pairs the plain sum links.
        if s < strength.need - 1e-6 {
            continue;
        }
        shared.clear();
        let (x, y) = (members[a as usize], members[b as usize]);
        let far = strength.far(x, y, ages);
        each_shared(&vectors[x], &vectors[y], |t| {
            let s = far
                .then(|| far_strength.get(&t))
                .flatten()
                .or_else(|| weak_strength.get(&t));
            if let Some(&s) = s {
                shared.push((t, s));
            }
        });
        if count_once(&shared, parts) < strength.need - 1e-6 {
            continue;
        }
        if shared
            .iter()
            .any(|&(t, _)| crate::vectors::plain_kind(df[t as usize]))
        {
            sets.union(a as usize, b as usize);
        } else {
            kind_only.push(vec![a, b]);
        }
    }
    join_unless_contrary(&mut sets, &kind_only, members, vectors, df, ages, strength);
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, &i) in members.iter().enumerate() {
        let root = sets.find(k);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_unstable_by_key(|g| g[0]);
    out
}

/// Joins, in `sets` (over positions in `members`), the groups that each of `links` (members
/// sharing voices', institutions' or places' names strong enough to link them) holds, two by
/// two, unless their members' `ages` are far apart ([`crate::vectors::ages_far_apart`]) and
/// they share no name of their own ([`share_own_name`]), as grouping's joins ask
/// (`OnlineConfig::contrary_ages`). Every link is weighed against the groups as `sets` has
/// them before any of these joins.
fn join_unless_contrary(
    sets: &mut chorus_text::UnionFind,
    links: &[Vec<u32>],
    members: &[usize],
    vectors: &[SparseVector],
    df: &[u32],
    ages: &[u128],
    strength: Strength,
) {
    let mut group_ages: HashMap<usize, u128> = HashMap::default();
    let mut group_members: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, &i) in members.iter().enumerate() {
        let root = sets.find(k);
        *group_ages.entry(root).or_insert(0) |= ages.get(i).copied().unwrap_or(0);
        group_members.entry(root).or_default().push(i);
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for holders in links {
        let mut roots: Vec<usize> = holders.iter().map(|&k| sets.find(k as usize)).collect();
        roots.sort_unstable();
        roots.dedup();
        for (x, &a) in roots.iter().enumerate() {
            for &b in &roots[x + 1..] {
                let far = crate::vectors::ages_far_apart(group_ages[&a], group_ages[&b]);
                let (ma, mb) = (&group_members[&a], &group_members[&b]);
                if !far || share_own_name(ma, mb, vectors, df, strength) {
                    joins.push((a, b));
                }
            }
        }
    }
    for (a, b) in joins {
        sets.union(a, b);
    }
}

/// Whether some article of `a` and some of `b` share a specific that is a name of their own
/// ([`crate::vectors::plain_kind`]): no voice's, institution's or place's name.
fn share_own_name(
    a: &[usize],
    b: &[usize],
    vectors: &[SparseVector],
    df: &[u32],
    strength: Strength,
) -> bool {
    let own = |t: u32| {
        df.get(t as usize)
            .is_some_and(|&d| strength.counts(d) && crate::vectors::plain_kind(d))
    };
    a.iter().any(|&x| {
        b.iter().any(|&y| {
            let mut found = false;
            each_shared(&vectors[x], &vectors[y], |t| found |= own(t));
            found
        })
    })
}

/// Whether two parts `a` and `b` of an event (its members, weighed by `strength` for an event
/// of all of them) would be linked as [`strong_groups`] links two members: some member of `a`
/// and some member of `b` share specifics that add up to a strong link. The split would not
/// take them apart (each part held together itself). Only specifics of `a` are looked up in
/// `b`: pass the smaller part as `a`.
pub(crate) fn joined(
    a: &[usize],
    b: &[usize],
    vectors: &[SparseVector],
    df: &[u32],
    parts: &Parts,
    ages: &[u128],
    strength: Strength,
) -> bool {
    // Parts whose leads age their people otherwise are joined only if they share a name of
    // their own, as [`strong_groups`] joins them.
    let ages_of = |part: &[usize]| {
        part.iter()
            .fold(0, |x, &i| x | ages.get(i).copied().unwrap_or(0))
    };
    if crate::vectors::ages_far_apart(ages_of(a), ages_of(b))
        && !share_own_name(a, b, vectors, df, strength)
    {
        return false;
    }
    // The specifics of `a`, and how many of all the members name each: only those `a` names
    // can link a member of `a` with one of `b`.
    let mut named: HashMap<u32, usize> = HashMap::default();
    for &i in a {
        for &(t, _) in &vectors[i] {
            if df.get(t as usize).is_some_and(|&d| strength.counts(d)) {
                *named.entry(t).or_insert(0) += 1;
            }
        }
    }
    if named.is_empty() {
        return false;
    }
    for &i in b {
        for (t, _) in &vectors[i] {
            if let Some(n) = named.get_mut(t) {
                *n += 1;
            }
        }
    }
    let mut shared: Vec<(u32, f32)> = Vec::new();
    a.iter().any(|&x| {
        b.iter().any(|&y| {
            shared.clear();
            each_shared(&vectors[x], &vectors[y], |t| {
                if let Some(&n) = named.get(&t) {
                    shared.push((t, strength.between(n, df[t as usize], x, y, ages)));
                }
            });
            let need = strength.need - 1e-6;
            // Counting once only lowers a sum: asked only when the plain sum links.
            shared.iter().map(|s| s.1).sum::<f32>() >= need && count_once(&shared, parts) >= need
        })
    })
}

/// The strength of the specifics two articles share (`shared`: each term and its strength),
/// counting a multi-word name and its own words once (see [`counted`]).
pub(crate) fn count_once(shared: &[(u32, f32)], parts: &Parts) -> f32 {
    counted(shared, parts).iter().sum()
}

/// What each of the specifics two articles share (`shared`: each term and its strength)
/// counts for their link, a multi-word name and its own words counting once, as the strongest
/// of them: each term goes with the longest shared name whose words hold all of its own (a
/// word, or a shorter name: "ingram" and "Wade Ingram" with "Police Chief Wade Ingram"; the
/// first of equals) and counts 0, and each name not held by a longer one counts as the
/// strongest of what goes with it.
pub(crate) fn counted(shared: &[(u32, f32)], parts: &Parts) -> Vec<f32> {
    // The strongest of what goes with each shared term (0 for one that goes with another).
    let mut best: Vec<f32> = shared.iter().map(|s| s.1).collect();
    for (i, &(t, s)) in shared.iter().enumerate() {
        let word = [t];
        let own = match parts.of(t) {
            [] => &word[..],
            name => name,
        };
        let holder = shared
            .iter()
            .enumerate()
            .filter(|&(j, &(p, _))| {
                let p = parts.of(p);
                j != i && p.len() > own.len() && own.iter().all(|w| p.binary_search(w).is_ok())
            })
            .max_by(|x, y| {
                let (lx, ly) = (parts.of(x.1 .0).len(), parts.of(y.1 .0).len());
                lx.cmp(&ly).then(y.0.cmp(&x.0))
            })
            .map(|x| x.0);
        if let Some(j) = holder {
            best[j] = best[j].max(s);
            best[i] = 0.0;
        }
    }
    best
}

/// Calls `f` with each term that both `x` and `y` hold, in term order.
pub(crate) fn each_shared(x: &SparseVector, y: &SparseVector, mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i].0);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRENGTH: Strength = Strength {
        limit: 50,
        slack: 1.0,
        need: 1.0,
        one_outlet: 1.0,
        voice: 1.0,
        institution: 1.0,
        public: 1.0,
        place: 1.0,
        place_days: 2.0,
        days: &[],
        from_text: &[],
    };

    /// Articles naming the given terms (all of weight 1; only presence counts).
    fn vectors(terms: &[&[u32]]) -> Vec<SparseVector> {
        terms
            .iter()
            .map(|t| chorus_text::unit(t.iter().map(|&t| (t, 1.0)).collect()))
            .collect()
    }

    #[test]
    fn two_stories_sharing_only_common_names_split() {
        // Terms 0 and 1 are each story's victim (in its two articles only); term 2 a city's
        // police department in forty articles, term 3 a spokesperson in twenty; 10-12 are
        // topic words (no names).
        let mut df = vec![u32::MAX; 20];
        df[0] = 2;
        df[1] = 2;
        df[2] = 40;
        df[3] = 20;
        let v = vectors(&[
            &[0, 2, 3, 10, 11],
            &[0, 2, 3, 12],
            &[1, 2, 3, 10],
            &[1, 2, 3, 11, 12],
        ]);
        let groups = strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
        // A name only these four articles carry joins the two stories.
        df[3] = 4;
        let groups = strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH);
        assert_eq!(groups, vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn a_town_alone_does_not_join_reports_that_age_their_people_otherwise() {
        // Term 0 is a town all four articles name (and no other: a strong link by its
        // count); terms 1 and 2 each story's victim. Articles 0 and 1 tell of a 17-year-old,
        // 2 and 3 of a 4-year-old (one bit per year); article 3 gives no age.
        let mut town = vec![u32::MAX; 20];
        town[0] = 4 | crate::vectors::PLACE;
        town[1] = 2;
        town[2] = 2;
        let v = vectors(&[&[0, 1, 10], &[0, 1, 11], &[0, 2, 10], &[0, 2, 11]]);
        let (teen, child) = (1u128 << 17, 1u128 << 4);
        let ages = [teen, teen, child, 0];
        let groups = |df: &[u32], ages: &[u128]| {
            strong_groups(&[0, 1, 2, 3], &v, df, &Parts::default(), ages, STRENGTH)
        };
        assert_eq!(groups(&town, &ages), vec![vec![0, 1], vec![2, 3]]);
        // Without ages, with one age in common (the victim's, beside a suspect's), or with
        // ages a year apart (one report's slip), the town holds them together.
        let one = vec![vec![0, 1, 2, 3]];
        assert_eq!(groups(&town, &[]), one);
        assert_eq!(groups(&town, &[teen, teen, child | teen, 0]), one);
        assert_eq!(groups(&town, &[teen, teen, teen << 1, 0]), one);
        // As a name of their own (a street only their reports name) does whatever the ages.
        let mut street = town.clone();
        street[0] = 4;
        assert_eq!(groups(&street, &ages), one);
        // Or a name of their own too common to link them alone (term 3, in ten articles), as
        // grouping's joins exempt one.
        let mut suspect = town.clone();
        suspect[3] = 10;
        let named = vectors(&[&[0, 1, 3, 10], &[0, 1, 11], &[0, 2, 3, 10], &[0, 2, 11]]);
        assert_eq!(
            strong_groups(
                &[0, 1, 2, 3],
                &named,
                &suspect,
                &Parts::default(),
                &ages,
                STRENGTH
            ),
            one
        );
        // The repair's merges ask the same of two parts.
        let joins = |df: &[u32], ages: &[u128]| {
            joined(&[0, 1], &[2, 3], &v, df, &Parts::default(), ages, STRENGTH)
        };
        assert!(!joins(&town, &ages));
        assert!(joins(&town, &[]));
        assert!(joins(&street, &ages));
    }

    #[test]
    fn weak_names_add_up_and_a_stray_goes_alone() {
        // Articles 0-2 share the victim (term 0); article 3 shares with them only the city
        // (term 1, in ten articles, three of them here: (3 + 1) / 10) and topic words.
        let mut df = vec![u32::MAX; 20];
        df[0] = 3;
        df[1] = 10;
        df[2] = 6;
        let v = vectors(&[&[0, 1, 10], &[0, 1, 11], &[0, 10, 11], &[1, 2, 10, 11]]);
        let groups = strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3]]);
        // Article 3 shares a second name with article 1 (term 2): in six articles,
        // (2 + 1) / 6 and the city's 0.4 fall short of a link; in four, they add up to one.
        let v = vectors(&[&[0, 1, 10], &[0, 1, 2, 11], &[0, 10, 11], &[1, 2, 10, 11]]);
        assert_eq!(
            strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1, 2], vec![3]]
        );
        df[2] = 4;
        assert_eq!(
            strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1, 2, 3]]
        );
    }

    #[test]
    fn a_place_links_reports_days_apart_at_its_place_strength() {
        // Articles 0 and 1 share the victim (term 1); article 2 shares with them only a town
        // (term 0, in these three articles alone, so whole by its count).
        let mut df = vec![u32::MAX; 20];
        df[0] = 3 | crate::vectors::PLACE;
        df[1] = 2;
        let v = vectors(&[&[0, 1, 10], &[0, 1, 11], &[0, 12]]);
        let days = |third: i64| [Some((0, 0)), Some((0, 0)), Some((third, third))];
        let groups = |df: &[u32], days: &[Option<Days>], from_text: &[bool], ages: &[u128]| {
            let strength = Strength {
                place: 0.25,
                days,
                from_text,
                ..STRENGTH
            };
            let apart = joined(&[2], &[0, 1], &v, df, &Parts::default(), ages, strength);
            let groups = strong_groups(&[0, 1, 2], &v, df, &Parts::default(), ages, strength);
            assert_eq!(apart, groups.len() == 1);
            groups
        };
        let dated = [false; 3];
        // Published on the next day, the town holds it; five days on, it no longer does.
        let one = vec![vec![0, 1, 2]];
        assert_eq!(groups(&df, &days(1), &dated, &[]), one);
        assert_eq!(
            groups(&df, &days(5), &dated, &[]),
            vec![vec![0, 1], vec![2]]
        );
        // A day read from a text says what a report is about, not when it came out.
        let text = [false, false, true];
        assert_eq!(groups(&df, &days(5), &text, &[]), one);
        // Reports whose leads give someone the same age (a 4-year-old girl shot, then her
        // death days on) are of the same people: the town is whole between them.
        let girl = 1u128 << 4;
        assert_eq!(groups(&df, &days(5), &dated, &[girl, girl, girl]), one);
        assert_eq!(
            groups(&df, &days(5), &dated, &[girl, girl, 1 << 30]),
            vec![vec![0, 1], vec![2]]
        );
        // A name of their own (no place's) is whole at any distance.
        df[0] = 3;
        assert_eq!(groups(&df, &days(5), &dated, &[]), one);
    }

    #[test]
    fn a_follow_up_linked_through_one_report_stays() {
        // Article 2 (a charge weeks later) names the suspect (term 1) that article 1 names,
        // not the victim (term 0) that articles 0 and 1 name: one chain, one story.
        let mut df = vec![u32::MAX; 20];
        df[0] = 2;
        df[1] = 3;
        let v = vectors(&[&[0, 10], &[0, 1, 11], &[1, 10, 11]]);
        assert_eq!(
            strong_groups(&[0, 1, 2], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn the_groups_do_not_depend_on_the_order_of_terms_or_members() {
        let mut df = vec![u32::MAX; 20];
        df[..6].copy_from_slice(&[2, 2, 9, 9, 30, 3]);
        let v = vectors(&[&[0, 2, 4], &[0, 3, 4], &[1, 2, 3], &[1, 4, 5], &[5, 2]]);
        let a = strong_groups(&[0, 1, 2, 3, 4], &v, &df, &Parts::default(), &[], STRENGTH);
        // The same articles at other indices, listed in another order.
        let order = [4usize, 2, 0, 3, 1];
        let moved: Vec<SparseVector> = order.iter().map(|&i| v[i].clone()).collect();
        let b = strong_groups(
            &[0, 1, 2, 3, 4],
            &moved,
            &df,
            &Parts::default(),
            &[],
            STRENGTH,
        );
        let mut back: Vec<Vec<usize>> = b
            .into_iter()
            .map(|g| {
                let mut g: Vec<usize> = g.into_iter().map(|k| order[k]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        back.sort_unstable_by_key(|g| g[0]);
        assert_eq!(a, back);
        assert_eq!(a, vec![vec![0, 1], vec![2, 3, 4]]);
    }

    #[test]
    fn parts_are_joined_as_the_split_would_link_them() {
        // Articles 0-2 share the victim (term 0); article 3 shares the city (term 1, in ten
        // articles) with 0 and 1, and a second name (term 2) with 1.
        let mut df = vec![u32::MAX; 20];
        df[0] = 3;
        df[1] = 10;
        df[2] = 6;
        let v = vectors(&[&[0, 1, 10], &[0, 1, 2, 11], &[0, 10, 11], &[1, 2, 10, 11]]);
        let members = [0, 1, 2];
        let linked = |a: &[usize], b: &[usize], v: &[SparseVector], df: &[u32]| {
            joined(a, b, v, df, &Parts::default(), &[], STRENGTH)
        };
        // As in `weak_names_add_up_and_a_stray_goes_alone`: alone by the split, not linked.
        assert!(!linked(&[3], &members, &v, &df));
        assert_eq!(
            strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1, 2], vec![3]]
        );
        // The second name in four articles: the two add up, and the split keeps it too.
        df[2] = 4;
        assert!(linked(&[3], &members, &v, &df));
        assert_eq!(
            strong_groups(&[0, 1, 2, 3], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1, 2, 3]]
        );
        // Parts of the story are linked, either way round; an article without specifics
        // never is.
        assert!(linked(&[2], &[0, 1], &v, &df));
        assert!(linked(&[0, 3], &[1, 2], &v, &df));
        assert!(linked(&[1, 2], &[0, 3], &v, &df));
        let v = vectors(&[&[0, 1, 10], &[0, 1, 2, 11], &[0, 10, 11], &[10, 11]]);
        assert!(!linked(&[3], &members, &v, &df));
    }

    #[test]
    fn a_name_and_its_own_words_count_once() {
        // Two reports share a neighbourhood (term 0, "East Flatbush", made of words 1 and 2)
        // and its word "flatbush" (term 1): 2/3 and 2/5, which would add up to a link.
        let strength = Strength {
            slack: 0.0,
            ..STRENGTH
        };
        let mut df = vec![u32::MAX; 20];
        df[0] = 3;
        df[1] = 5;
        df[3] = 3;
        let parts = Parts::from_lists(&[&[1, 2], &[], &[], &[1, 4], &[]]);
        let v = vectors(&[&[0, 1, 2, 10], &[0, 1, 2, 11]]);
        let plain = strong_groups(&[0, 1], &v, &df, &Parts::default(), &[], strength);
        assert_eq!(plain, vec![vec![0, 1]]);
        let apart = strong_groups(&[0, 1], &v, &df, &parts, &[], strength);
        assert_eq!(apart, vec![vec![0], vec![1]]);
        assert!(!joined(&[0], &[1], &v, &df, &parts, &[], strength));
        // A second name that shares the word ("Flatbush Avenue", term 3) is a further link:
        // the word counts with one of the two, each name once.
        let v = vectors(&[&[0, 1, 2, 3, 4, 10], &[0, 1, 2, 3, 4, 11]]);
        assert_eq!(
            strong_groups(&[0, 1], &v, &df, &parts, &[], strength),
            vec![vec![0, 1]]
        );
        assert!(joined(&[0], &[1], &v, &df, &parts, &[], strength));
    }

    #[test]
    fn a_shorter_name_and_its_words_go_with_the_longest_name() {
        // "Police Chief Wade Ingram" (0: words 2-5), "Wade Ingram" (1: words 4, 5), "ingram" (5).
        let parts = Parts::from_lists(&[&[2, 3, 4, 5], &[4, 5], &[], &[], &[], &[]]);
        let shared = [(0, 0.3), (1, 0.5), (5, 0.4), (7, 0.2)];
        assert_eq!(counted(&shared, &parts), vec![0.5, 0.0, 0.0, 0.2]);
        assert!((count_once(&shared, &parts) - 0.7).abs() < 1e-6);
        // Without the longest, the shorter name holds the word.
        let shared = [(1, 0.5), (5, 0.6)];
        assert_eq!(counted(&shared, &parts), vec![0.6, 0.0]);
    }

    #[test]
    fn a_name_of_one_outlet_counts_as_asked() {
        // A byline (term 0, one outlet's) is the only name two reports share.
        let mut df = vec![u32::MAX; 20];
        df[0] = 2 | crate::vectors::ONE_OUTLET;
        let v = vectors(&[&[0, 10], &[0, 11]]);
        assert_eq!(
            strong_groups(&[0, 1], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1]]
        );
        let half = Strength {
            one_outlet: 0.5,
            ..STRENGTH
        };
        assert_eq!(
            strong_groups(&[0, 1], &v, &df, &Parts::default(), &[], half),
            vec![vec![0], vec![1]]
        );
    }
    #[test]
    fn a_voices_name_counts_as_asked() {
        // A police spokesperson (term 0, a voice) is the only name two reports share.
        let mut df = vec![u32::MAX; 20];
        df[0] = 2 | crate::vectors::VOICE;
        let v = vectors(&[&[0, 10], &[0, 11]]);
        assert_eq!(
            strong_groups(&[0, 1], &v, &df, &Parts::default(), &[], STRENGTH),
            vec![vec![0, 1]]
        );
        let quarter = Strength {
            voice: 0.25,
            institution: 1.0,
            ..STRENGTH
        };
        assert_eq!(
            strong_groups(&[0, 1], &v, &df, &Parts::default(), &[], quarter),
            vec![vec![0], vec![1]]
        );
    }
}

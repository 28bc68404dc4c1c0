//! Supports as the report shows them on real events, judged by reading
//! (`tests/data/shown-supports`): 150 (fact, supporting sentence) pairs drawn at random from
//! what `chorus digest` showed as corroboration on the events of `multinews-val` and
//! `gva-dev` that the account gold does not cover (identical sentences left out), each
//! labelled same / related / unrelated by people who read only the two sentences. Unlike the
//! account gold, whose pairs were proposed by word overlap, these are the supports a reader
//! actually met, so their precision is the one a reader sees. Each pair's event is
//! summarised as one event again; a pair counts when the report still shows it. Every third
//! event is held out. A second batch of 150 (`shown-supports/batch2`), a third of 120
//! (`shown-supports/batch3`), a fourth of 31 (`shown-supports/batch4`, all that was left) and
//! a fifth of 15 (`shown-supports/batch5`, all that later code showed on events none covers),
//! each drawn from later code the same way from other events, are scored apart and with the
//! first. A sixth (`shown-supports/batch6`: every support main showed on the English SemEval
//! pairs judged one story, all that showed 13) is other material (2020 news of every kind) and
//! is scored apart only, not in the sum. A seventh (`shown-supports/batch7`) labels the supports
//! later code showed on the first six batches' events that no label answered (none on the
//! SemEval events), each in its event's part; scored apart and in the sum.
//! `cargo test --release -p chorus-eval --test shown_supports -- --nocapture`.

use chorus_eval::account::{gold_articles, AccountScores, Gold, GoldPair, Span};
use chorus_testdata::shared;
use serde_json::json;
use std::path::Path;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/shown-supports");

/// Scores by batch and part: `("1", "shown dev")`, ..., then `("all", part)` summed.
fn scores() -> Option<Vec<(String, String, AccountScores)>> {
    let data = shared("")?;
    let (articles, diagnostics) = gold_articles(&data);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut out: Vec<(String, String, AccountScores)> = Vec::new();
    let mut all: Vec<(String, AccountScores)> = Vec::new();
    let mut golds: Vec<(&str, Gold)> = Vec::new();
    for (batch, dir) in [
        ("1", GOLD.to_string()),
        ("2", format!("{GOLD}/batch2")),
        ("3", format!("{GOLD}/batch3")),
        ("4", format!("{GOLD}/batch4")),
        ("5", format!("{GOLD}/batch5")),
        ("6", format!("{GOLD}/batch6")),
        ("7", format!("{GOLD}/batch7")),
    ] {
        let mut gold = Gold::read_dir(Path::new(&dir)).unwrap();
        // Each label says whether the support states the claim of the fact shown.
        gold.directed = true;
        for (part, s) in gold.score(&articles, &Default::default()) {
            if batch == "6" {
                out.push((batch.to_string(), part, s));
                continue;
            }
            match all.iter_mut().find(|(p, _)| *p == part) {
                Some((_, total)) => total.add(&s),
                None => all.push((part.clone(), s.clone())),
            }
            out.push((batch.to_string(), part, s));
        }
        golds.push((batch, gold));
    }
    out.extend(all.into_iter().map(|(p, s)| ("all".to_string(), p, s)));
    for (batch, part, s) in &out {
        let shown = s.same + s.related + s.unrelated;
        println!(
            "batch {batch}, {part}: supports still shown {shown}, of them same {} related {} unrelated {}: precision {:.3}",
            s.same,
            s.related,
            s.unrelated,
            s.support_precision()
        );
    }
    // `SHOWN_ERRORS=1`: the dev part's wrong supports, and pairs shown the other way round
    // than labelled, for reading.
    if std::env::var_os("SHOWN_ERRORS").is_some() {
        for (batch, part, s) in &out {
            if batch != "all" && part == "shown dev" {
                for e in &s.errors {
                    println!("{e}");
                }
            }
        }
    }
    // `SHOWN_UNLABELLED=FILE`: every support shown on these events that no batch's pair
    // answers in the direction shown, as JSON lines (with its batch), for labelling; a support
    // listed from an earlier batch's event is not listed again (batch 7 repeats their events).
    if let Some(file) = std::env::var_os("SHOWN_UNLABELLED") {
        let mut seen = std::collections::HashSet::new();
        let labelled: Vec<GoldPair> = golds
            .iter()
            .flat_map(|(_, g)| g.pairs.iter().cloned())
            .collect();
        let mut lines = String::new();
        for (batch, gold) in &golds {
            for u in gold.unlabelled_supports(&articles, &Default::default(), &labelled) {
                let key = (
                    u.a.article.clone(),
                    u.a.start,
                    u.b.article.clone(),
                    u.b.start,
                );
                if !seen.insert(key) {
                    continue;
                }
                let span = |x: &Span| json!({"article": x.article, "start": x.start, "end": x.end});
                let line = json!({"batch": batch, "set": u.set, "event": u.event, "part": u.part,
                    "a": span(&u.a), "b": span(&u.b), "a_text": u.a_text, "b_text": u.b_text});
                lines.push_str(&format!("{line}\n"));
            }
        }
        std::fs::write(&file, lines).unwrap();
    }
    Some(out)
}

#[test]
fn supports_a_reader_meets_state_the_fact() {
    let Some(parts) = scores() else {
        return;
    };
    // As labelled (2026-12-06): batch 1 (supports of 5180278) dev 82 same of 103 (0.796),
    // held-out 36 of 47 (0.766); batch 2 (supports of b5ae6e5) dev 83 of 108 (0.769),
    // held-out 36 of 42 (0.857); both dev 0.782, held-out 0.809. Measured 2026-12-06 once
    // every support must state the fact's main claim (`facts::MAIN_SHARE`), the pairs it now
    // shows the other way round labelled as well: batch 1 dev 0.878 (86/98), held-out 0.809
    // (38/47); batch 2 dev 0.835 (86/103), held-out 0.902 (37/41); both dev 0.856, held-out
    // 0.852. Batch 3 (supports of 1e65584, 120 pairs, all still shown) as labelled: dev 61
    // of 77 (0.792), held-out 35 of 43 (0.814); all three dev 0.838 (233/278), held-out 0.840
    // (110/131). Measured 2026-12-06 once a support whose count of the same thing contradicts
    // the fact's main claim is none (`statement::count_contradicted`): batch 1 dev 0.878
    // (86/98), held-out 0.826 (38/46); batch 2 dev 0.843 (86/102), held-out 0.902 (37/41);
    // batch 3 dev 0.800 (60/75), held-out 0.814 (35/43); all dev 0.844 (232/275), held-out
    // 0.846 (110/130). Measured 2026-12-06 once a sentence saying that what another states
    // is not known is no support of it (`statement::unknown_subjects`): batch 1 dev 0.887
    // (86/97), held-out 0.826 (38/46); batch 2 dev 0.843 (86/102), held-out 0.902 (37/41);
    // batch 3 dev 0.811 (60/74), held-out 0.814 (35/43); all dev 0.850 (232/273), held-out
    // 0.846 (110/130). Measured 2026-12-06 once a support naming only some of the people a
    // fact lists with their ages is none (`statement::listed_figure_left_out`): batch 2 dev
    // 0.851 (86/101), batch 3 dev 0.822 (60/73), all dev 0.856 (232/271); the rest and
    // held-out unchanged. Measured 2026-12-06 once a sentence saying only that someone died
    // and one saying only that someone lives, hurt, are two claims
    // (`statement::contrary_outcomes`, `outcome_contradicted`) and a main claim leaves out
    // relative clauses that say which person or thing: batch 1 dev 0.896 (86/96), held-out
    // 0.826 (38/46); batch 2 dev 0.859 (85/99), held-out 0.900 (36/40); batch 3 dev 0.845
    // (60/71), held-out 0.850 (34/40); all dev 0.868 (231/266), held-out 0.857 (108/126).
    // A fourth batch (31 pairs, all that main showed on events no batch covered, drawn at
    // f5b9024): dev 0.700 (14/20), held-out 0.909 (10/11); with it all dev 0.857 (245/286),
    // held-out 0.861 (118/137). Measured 2026-12-06 once a support whose main claim describes
    // only other people than the fact's is none (`statement::other_people`: "the father"
    // against "a 5-year-old girl"), a "while" inside a relative clause and a semicolon before
    // the next person of a list with ages end no main claim: batch 2 dev 0.865 (83/96), batch 3
    // dev 0.857 (60/70), batch 4 dev 0.824 (14/17), all dev 0.871 (243/279); held-out
    // unchanged (all 0.860, 117/136). Measured 2026-12-06 once two sentences saying that
    // something is not known, each of another thing, are two claims
    // (`statement::unknown_apart`): batch 3 dev 0.870 (60/69), all dev 0.874 (243/278);
    // held-out unchanged. Measured 2026-12-06 once sentences run together without a space
    // are split and a verb of saying that opens a quote opens the claim: all dev 0.873
    // (240/275), the three supports fewer all shown the other way round. Every pair's other
    // direction then labelled by reading (451 more labels): batch 1 dev 0.897 (87/97),
    // held-out 0.826 (38/46); batch 2 dev 0.869 (86/99), held-out 0.900 (36/40); batch 3 dev
    // 0.859 (61/71), held-out 0.857 (36/42); batch 4 dev 0.824 (14/17), held-out 0.909
    // (10/11); all dev 0.873 (248/284), held-out 0.863 (120/139): every support shown on
    // these pairs is counted now, whichever way round. The issue asks 0.95. A fifth batch (15
    // pairs, all that 67f13f5 showed on events no batch covered, both directions labelled):
    // dev 0.778 (7/9), held-out 1.000 (6/6); all dev 0.870 (255/293), held-out 0.869 (126/145).
    // Its dev floor sits just under its figure; held-out, six pairs, allows one wrong support.
    // Seven pairs whose two directions two labellers judged apart read a third time (README):
    // batch 1 dev 0.887 (86/97), held-out 0.848 (39/46); all dev 0.867 (254/293), held-out
    // 0.876 (127/145).
    // Measured 2026-12-06 on the gold before the fifth batch and the third reading, once a
    // support that ages someone otherwise than the fact does is none
    // (`statement::age_contradicted`): batch 4 dev 0.875 (14/16), all dev 0.876 (248/283);
    // then once what a source leaves open ("would not say if all the bodies were found in one
    // area") supports no plain statement of it (`statement::open_stated`): batch 1 dev 0.906
    // (87/96), all dev 0.879 (248/282); held-out unchanged by either. With the fifth batch and
    // the third reading, both: batch 1 dev 0.896 (86/96), batch 4 dev 0.875 (14/16), all dev
    // 0.873 (254/291), held-out 0.876 (127/145) unchanged.
    // Measured 2026-12-06 once a support whose main verb is of another family than the fact's,
    // neither sentence saying anything of the other's (`statement::other_claim`), is none:
    // batch 2 dev 0.896 (86/96), held-out 0.923 (36/39); batch 4 dev 0.933 (14/15); all dev
    // 0.885 (254/287), held-out 0.882 (127/144); no pair labelled same lost. Then once a verb
    // of leaving states what it leaves ("left two injured"): batch 3 dev 0.871 (61/70), all
    // dev 0.888 (254/286); held-out unchanged. Measured 2026-12-07 once a family the other
    // sentence names only in a noun or a participle saying which person ("in the deaths of",
    // "the man charged with") is none it states (`statement::stated_families`): batch 2 dev
    // 0.914 (85/93), batch 3 dev 0.882 (60/68), batch 5 dev 0.875 (7/8), all dev 0.900
    // (252/280); held-out batch 1 0.864 (38/44), batch 2 0.921 (35/38), all 0.887 (125/141).
    // Measured 2026-12-07 once a support that counts the fact's thing first with a figure the
    // fact never gives, and only later with the fact's ("Six members … in the shootings of
    // four members") contradicts its count (`statement::count_contradicted`): batch 1 dev
    // 0.905 (86/95), all dev 0.903 (252/279); no pair labelled same lost; held-out unchanged.
    // Measured 2026-12-07 once counts compare as quantities (`statement::Quantity`: hedges
    // and ranges as intervals, lengths of time in hours; a figure the fact states only of
    // other things leaves its count unstated): batch 1 dev 0.914 (85/93), batch 2 dev 0.924
    // (85/92), batch 3 dev 0.896 (60/67), all dev 0.913 (251/275); one batch 1 pair labelled
    // same lost; held-out unchanged (all 0.887, 125/141).
    // Measured 2026-12-07 once counts are keyed on the head noun after the figure and "a"
    // counts one ("three semi-automatic handguns" against "A semi-automatic handgun"), a
    // death told by the main verb needs a support that speaks of a death
    // (`statement::death_unsaid`), a hurt graded the other way is none
    // (`statement::severity_contradicted`: "All of the victims sustained non-life threatening
    // injuries" against "One person was in critical condition"), and a claim that is only a
    // grade needs a graded support (`statement::severity_unsaid`): batch 1 dev 0.934 (85/91),
    // batch 2 dev 0.933 (84/90), batch 3 dev 0.940 (63/67), all dev 0.934 (253/271); no pair
    // labelled same lost; held-out unchanged (all 0.887, 125/141).
    // Measured 2026-12-07 once "both", "either" and "neither" count two of a whole set, which
    // states no claim about a set counted otherwise ("no arrests in either case" against "in
    // any of the three shootings"): batch 1 dev 0.945 (86/91), all dev 0.937 (253/270), no
    // pair labelled same lost; held-out unchanged (all 0.887, 125/141).
    // A sixth batch (2026-12-07; 13 supports, all that main at d6c179a showed on the English
    // SemEval pairs judged one story, the fresh gold's `held-out-2` left out), labelled both
    // ways by reading: dev 0.875 (7/8; the related one states a building's collapse, not that
    // people are trapped), held-out 1.000 (5/5). Five held-out pairs: the floor allows one
    // wrong support.
    // Measured 2026-12-07 once two sentences that name no one and give no figure need more
    // than one content word in common (`statement::unanchored`: "\"And there's a lot of
    // us.\"" against "It's a whole lot more simple than that."): batch 1 dev 0.956 (86/90),
    // batch 2 dev 0.944 (84/89), all dev 0.944 (253/268), no pair labelled same lost;
    // held-out batch 1 0.860 (37/43), all 0.886 (124/140). Measured 2026-12-07 once a verb
    // of saying in the passive is no attribution and "was reported at" a time says that
    // something happened (no transport): batch 3 dev 0.955 (63/66), all dev 0.948 (253/267),
    // no pair labelled same lost; held-out unchanged.
    // Measured 2026-12-07 once a fragment without a verb is never a fact
    // (`statement::verbless`: a list item "Lamond Demarcus \"TuTu\" Martin, 21, Longview.", a
    // listing's "In English and some French with English subtitles."): batch 2 dev 0.955
    // (84/88), batch 3 dev 0.969 (63/65), all dev 0.955 (253/265), no pair labelled same
    // lost; held-out unchanged (all 0.886, 124/140). Then once a thing of another person of
    // the story is another claim (`statement::other_owner`: "Adams' attorney" against "Wade's
    // attorney", Wade's article naming Adams apart): batch 3 dev 0.984 (63/64), all dev 0.958
    // (253/264); held-out unchanged. Then once a fact that goes on with a contrast of its own
    // subject (", but the gunmen kicked it in and fired at them") needs a support saying
    // something of what it says happened (`statement::contrast_unsaid`): batch 1 dev 0.967
    // (87/90), all dev 0.962 (254/264), the pair now shown the way labelled same; held-out
    // unchanged.
    // A seventh batch (2026-12-07; 400 of the 634 supports main at a27e97f showed on the first
    // six batches' events that no label answered, each pair in its event's part, labelled by
    // reading, both directions): dev 0.854 (223/261), held-out 0.835 (116/139); with it all dev
    // 0.909 (477/525), held-out 0.860 (240/279). The all dev floor sits under the new material's
    // figure, not under a loss of the old: batches 1 to 6 unchanged. No floor of its own on
    // held-out.
    // A wound placed elsewhere ("shot in the foot" / "a wound to the arm",
    // `statement::wound_elsewhere`), "good" and "satisfactory" conditions graded mild, and a
    // support that only says who people are (`statement::identified_only`), judged on batch
    // 7's dev part: batch 7 dev 0.865 (224/259), all dev 0.914 (478/523); batches 1-6 unchanged;
    // printed held-out: batch 7 0.835 -> 0.842 (117/139), all 0.860 -> 0.864 (241/279).
    // Relabelled 2026-12-07, no code changed (README, "One convention for joined claims"): a
    // fact joining two claims is `same` only where the support states every one, as batch 7
    // was labelled; 40 lines of batches 1-5 went from same to related. That moved these floors
    // (before -> after): batch 1 dev 0.967 (87/90) -> 0.922 (83/90); batch 2 dev 0.955 (84/88)
    // -> 0.932 (82/88), held-out 0.921 (35/38) -> 0.868 (33/38); batch 3 dev 0.984 (63/64) ->
    // 0.922 (59/64); batch 4 dev 0.929 (13/14) -> 0.857 (12/14); batch 5 dev 0.875 (7/8) ->
    // 0.750 (6/8); all dev 0.914 (478/523) -> 0.891 (466/523). Printed, floors still held:
    // batch 1 held-out 0.860 -> 0.837 (36/43), batch 3 held-out 0.857 -> 0.833 (35/42), all
    // held-out 0.864 -> 0.849 (237/279).
    // Relabelled 2026-12-07 again, no code changed (README, "One convention for lists"): a fact
    // listing several people, things, charges or places as its claim is `same` only where the
    // support states each; 14 lines of batches 1, 2, 3 and 7 went from same to related. That
    // moved these floors (before -> after): batch 1 dev 0.922 (83/90) -> 0.900 (81/90); batch 2
    // dev 0.932 (82/88) -> 0.909 (80/88); batch 3 dev 0.922 (59/64) -> 0.891 (57/64); batch 7
    // dev 0.865 (224/259) -> 0.849 (220/259); all dev 0.891 (466/523) -> 0.872 (456/523); all
    // held-out 0.849 (237/279) -> 0.839 (234/279). Printed: batch 7 held-out 0.842 -> 0.820
    // (114/139).
    for (batch, part, s) in &parts {
        let floor = match (batch.as_str(), part.as_str()) {
            ("1", "shown dev") => 0.89,
            ("1", _) => 0.80,
            ("2", "shown dev") => 0.90,
            ("2", _) => 0.86,
            ("3", "shown dev") => 0.89,
            ("3", _) => 0.81,
            ("4", "shown dev") => 0.85,
            ("4", _) => 0.90,
            ("5", "shown dev") => 0.74,
            ("5", _) => 0.83,
            ("6", "shown dev") => 0.87,
            ("6", _) => 0.79,
            ("7", "shown dev") => 0.84,
            ("7", _) => 0.0,
            ("all", "shown dev") => 0.87,
            _ => 0.83,
        };
        assert!(s.support_precision() >= floor, "{part}: {}", s.summary());
    }
}

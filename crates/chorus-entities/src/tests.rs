//! Entity resolution tests: one `check` per case on inline articles, and the seed stories.

use super::*;
use chorus_model::{Article, EntityKind};
use expect_test::{expect, Expect};

/// A cleaned article holding `text` verbatim, with no sentence ranges (lines stand in).
fn article(id: usize, source: &str, text: &str) -> CleanArticle {
    CleanArticle::verbatim(Article {
        id: format!("a{id}"),
        source: source.to_string(),
        body: text.to_string(),
        ..Article::default()
    })
}

fn render(index: &EntityIndex) -> String {
    let mut out = String::new();
    for e in &index.entities {
        out.push_str(&format!("{} {} ×{}", e.kind.as_str(), e.name, e.mentions));
        if !e.aliases.is_empty() {
            out.push_str(&format!(" [{}]", e.aliases.join(" | ")));
        }
        out.push_str(&format!(" ({})\n", e.sources.join(", ")));
    }
    out
}

fn run(inputs: &[(&str, &str)]) -> EntityIndex {
    let owned: Vec<CleanArticle> = inputs
        .iter()
        .enumerate()
        .map(|(i, (source, text))| article(i, source, text))
        .collect();
    let refs: Vec<&CleanArticle> = owned.iter().collect();
    let index = resolve(&refs, &EntityConfig::default());
    // Every mention points at its surface text and at an entity that has that surface.
    for m in &index.mentions {
        assert_eq!(&owned[m.article].clean.text[m.start..m.end], m.surface);
        let e = &index.entities[m.entity];
        assert!(
            e.name == m.surface || e.aliases.contains(&m.surface),
            "{m:?} not in {e:?}"
        );
    }
    index
}

/// Resolves `(source, text)` articles and compares the entity list with `expect`.
fn check(inputs: &[(&str, &str)], expect: Expect) {
    expect.assert_eq(&render(&run(inputs)));
}

#[test]
fn sentence_initial_common_words_are_not_entities() {
    check(
        &[(
            "Daily",
            "How the Crowd Took the Streets\nThe protest grew in Lagos.\nThousands marched on \
             Sunday. Thousands of Nigerians returned to Lagos. The crowd left.",
        )],
        expect![[r#"
            place Lagos ×2 (Daily)
        "#]],
    );
}

#[test]
fn a_sentence_initial_word_seen_capitalised_elsewhere_is_a_name() {
    check(
        &[(
            "Daily",
            "Okafor won the vote. Voters backed Okafor in March.",
        )],
        expect![[r#"
            other Okafor ×2 (Daily)
        "#]],
    );
}

#[test]
fn possessives_are_stripped() {
    check(
        &[(
            "Daily",
            "Ngozi Okafor’s party won. Okafor's rivals conceded, Mr Okafor said.",
        )],
        expect![[r#"
            person Ngozi Okafor ×3 [Mr Okafor | Okafor] (Daily)
        "#]],
    );
}

#[test]
fn acronym_expansions_are_one_organisation() {
    check(
        &[
            (
                "Daily",
                "Fighters of Jaish Tahrir al Watan (JTW) took the town.",
            ),
            (
                "Herald",
                "JTW said the town was calm. The JTW commander left.",
            ),
            (
                "Post",
                "The Port Workers Union struck. PWU members marched, the Post said.",
            ),
        ],
        expect![[r#"
            organisation Jaish Tahrir al Watan ×4 [JTW] (Daily, Herald)
            organisation Port Workers Union ×2 [PWU] (Post)
        "#]],
    );
}

#[test]
fn a_shared_surname_goes_to_the_more_frequent_full_name() {
    check(
        &[(
            "Daily",
            "President Bashar al-Assad spoke. His wife Asma al-Assad smiled. Mr Assad left. \
             Bashar al-Assad waved. Asma waved too, and Assad's car drove off.",
        )],
        expect![[r#"
            person Bashar al-Assad ×4 [Assad | Mr Assad] (Daily)
            person Asma al-Assad ×2 [Asma] (Daily)
        "#]],
    );
}

#[test]
fn a_place_is_not_merged_with_its_country() {
    check(
        &[(
            "Daily",
            "Officials in Mexico City met. Mexico said it would help. Troops left Damascus, \
             the capital of Syria, for Syria's north.",
        )],
        expect![[r#"
            place Syria ×2 (Daily)
            place Damascus ×1 (Daily)
            place Mexico ×1 (Daily)
            place Mexico City ×1 (Daily)
        "#]],
    );
}

#[test]
fn different_people_stay_apart() {
    check(
        &[
            (
                "Daily",
                "Ngozi Okafor met Emeka Adeyemi in Abuja. Okafor said talks went well.",
            ),
            (
                "Herald",
                "Adeyemi told reporters that Mr Okafor had agreed.",
            ),
        ],
        expect![[r#"
            person Ngozi Okafor ×3 [Mr Okafor | Okafor] (Daily, Herald)
            person Emeka Adeyemi ×2 [Adeyemi] (Daily, Herald)
            place Abuja ×1 (Daily)
        "#]],
    );
}

#[test]
fn alias_statements_and_transliterations_join_one_person() {
    check(
        &[
            (
                "Daily",
                "HTS leader Abu Mohammed al Jolani spoke in Idlib. He then called himself by \
                 his given name, Ahmad al-Sharaa.",
            ),
            (
                "Herald",
                "Abu Mohammed al-Golani, who leads HTS, was in Idlib.",
            ),
            (
                "Post",
                "The rebel chief Karim Haddad, also known as Abu Karim, was not there.",
            ),
        ],
        expect![[r#"
            person Abu Mohammed al Jolani ×3 [Abu Mohammed al-Golani | Ahmad al-Sharaa] (Daily, Herald)
            person Abu Karim ×2 [Karim Haddad] (Post)
            organisation HTS ×2 (Daily, Herald)
            place Idlib ×2 (Daily, Herald)
        "#]],
    );
}

#[test]
fn case_variants_titles_and_types() {
    check(
        &[(
            "Daily",
            "The Kremlin told the TASS news agency that Foreign Minister Sergei Lavrov would \
             fly to Geneva. Tass said the UN Security Council meets on Monday. Lavrov said \
             little. The Syrian rebels held the Umayyad Mosque and the Saydnaya military prison.",
        )],
        expect![[r#"
            person Sergei Lavrov ×2 [Lavrov] (Daily)
            organisation TASS ×2 [Tass] (Daily)
            place Geneva ×1 (Daily)
            organisation Kremlin ×1 (Daily)
            place Saydnaya ×1 (Daily)
            organisation UN Security Council ×1 (Daily)
            place Umayyad Mosque ×1 (Daily)
        "#]],
    );
}

#[test]
fn min_mentions_drops_rare_entities() {
    let a = article(0, "Daily", "Voters met Okafor and Adeyemi. Okafor left.");
    let index = resolve(
        &[&a],
        &EntityConfig {
            min_mentions: 2,
            ..EntityConfig::default()
        },
    );
    assert_eq!(render(&index), "other Okafor ×2 (Daily)\n");
    assert!(index.mentions.iter().all(|m| m.entity == 0) && index.mentions.len() == 2);
    let off = resolve(
        &[&a],
        &EntityConfig {
            enabled: false,
            ..EntityConfig::default()
        },
    );
    assert!(off.entities.is_empty() && off.mentions.is_empty());
}

/// The two real seed stories: every spelling of Assad, Jolani and HTS under one name each.
#[test]
fn seed_articles() {
    let Some(dir) = chorus_testdata::shared("seeds") else {
        return;
    };
    let entries = std::fs::read_dir(&dir).expect("the seeds directory can be read");
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let texts: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                stem,
                std::fs::read_to_string(p).expect("seed file is UTF-8"),
            )
        })
        .collect();
    let inputs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    let index = run(&inputs);
    print!("{}", render(&index));

    let find = |form: &str| {
        index
            .entities
            .iter()
            .position(|e| e.name == form || e.aliases.iter().any(|a| a == form))
            .unwrap_or_else(|| panic!("no entity for {form}"))
    };
    let same = |forms: &[&str], kind: EntityKind| {
        let e = find(forms[0]);
        for f in forms {
            assert_eq!(find(f), e, "{f} and {} are one entity", forms[0]);
        }
        assert_eq!(index.entities[e].kind, kind, "{}", forms[0]);
        e
    };
    let assad = same(
        &[
            "Bashar al Assad",
            "Bashar Al-Assad",
            "al-Assad",
            "Al-Assad",
            "Mr Assad",
            "Assad",
        ],
        EntityKind::Person,
    );
    assert_eq!(index.entities[assad].name, "Bashar al Assad");
    same(
        &[
            "Abu Mohammed al Jolani",
            "Abu Mohammed al-Golani",
            "Ahmad al-Sharaa",
        ],
        EntityKind::Person,
    );
    same(&["HTS", "Hayat Tahrir al Sham"], EntityKind::Organisation);
    same(&["TASS", "Tass"], EntityKind::Organisation);
    for place in [
        "Moscow", "Damascus", "Homs", "Tartous", "Hmeimim", "Latakia",
    ] {
        same(&[place], EntityKind::Place);
    }
    assert_ne!(find("Asma"), assad, "Asma is not Bashar al Assad");
    for word in [
        "The",
        "Thousands",
        "Syrians",
        "Syrian",
        "Sunday",
        "People",
        "He",
    ] {
        assert!(
            index
                .entities
                .iter()
                .all(|e| e.name != word && !e.aliases.iter().any(|a| a == word)),
            "{word} is not an entity"
        );
    }
}

#[test]
fn particles_written_apart_or_joined_are_one_name() {
    check(
        &[
            (
                "Daily",
                "Mayor Ilsa van der Berg visited the site. Ms van der Berg said repairs start soon.",
            ),
            ("Herald", "Ilsa Vanderberg, the mayor, said the bridge would reopen."),
            (
                "Post",
                "President Bashar al-Assad and his wife Asma al-Assad left. Bashar Al Assad waved.",
            ),
        ],
        expect![[r#"
            person Ilsa van der Berg ×3 [Ilsa Vanderberg | Ms van der Berg] (Daily, Herald)
            person Bashar Al Assad ×2 [Bashar al-Assad] (Post)
            person Asma al-Assad ×1 (Post)
        "#]],
    );
}

#[test]
fn well_known_names_are_gazetteer_names_demonyms_and_given_names_alone() {
    for name in [
        "Damascus",
        "damascus",
        "Syria",
        "TASS",
        "Syrians",
        "Mohammed",
        "Bashar",
        "New Hampshire",
    ] {
        assert!(is_well_known(name), "{name}");
    }
    for name in [
        "Assad",
        "Darnell Okafor",
        "Kenwood Avenue",
        "Hawthorne",
        "Baba Amr",
        "",
    ] {
        assert!(!is_well_known(name), "{name}");
    }
}

#[test]
fn page_words_and_common_words_are_not_names() {
    // Buttons, credits and captions around a story; a capitalised word the text also writes in
    // lower case with no cue of a name; the names beside them are still found.
    check(
        &[(
            "Daily",
            "Read or Share this story: http://example.com/x\n\
             Image copyright Reuters Image caption The mayor of Lagos spoke.\n\
             Newsletter Sign Up Continue reading the main story\n\
             (AP Photo/Evan Vucci) Mr Okafor said the Harbour Board would meet. The board had \
             a quiet week, Okafor said, and the Board said little.",
        )],
        expect![[r#"
            person Okafor ×2 [Mr Okafor] (Daily)
            organisation AP ×1 (Daily)
            person Evan Vucci ×1 (Daily)
            organisation Harbour Board ×1 (Daily)
            place Lagos ×1 (Daily)
            organisation Reuters ×1 (Daily)
        "#]],
    );
}

#[test]
fn a_word_before_a_number_is_no_place_for_a_preposition() {
    // "at Gate 4", "at Berth No. 7": labels of a series; "at Saltreach" is still a place.
    check(
        &[(
            "Daily",
            "Pickets gathered at Gate 4 in Saltreach. Fruit is stuck at Berth No. 7, and more \
             waits at Berth 9.",
        )],
        expect![[r#"
            other Berth ×2 (Daily)
            other Gate ×1 (Daily)
            place Saltreach ×1 (Daily)
        "#]],
    );
}

#[test]
fn a_name_written_once_in_lower_case_is_still_a_name() {
    // "Oculus" five times beside one "oculus rift" is a name; "Crisis" once beside "crisis"
    // and "@okafor" (a handle, not running text) do not make common words of a name.
    check(
        &[(
            "Daily",
            "Buyers of Oculus liked it, and Oculus shipped it; engineers left Oculus, and \
             Oculus hired more while Oculus grew. I got my oculus rift. Officials said the \
             Crisis was over, but the crisis grew. The mayor asked Okafor (@okafor) what Okafor \
             thinks.",
        )],
        expect![[r#"
            other Oculus ×5 (Daily)
            other Okafor ×2 (Daily)
        "#]],
    );
}

//! Whatever text arrives, the loaders answer with a value or an error: never a panic.
//! Random text built from YAML's own punctuation reaches far more parser states than
//! random bytes would.

use hirewiz::answers;
use hirewiz::pack;
use hirewiz::yaml::{self, Limits};
use proptest::prelude::*;

fn default_pack() -> &'static pack::Pack {
    static PACK: std::sync::OnceLock<pack::Pack> = std::sync::OnceLock::new();
    PACK.get_or_init(|| pack::load_default().expect("the default pack loads"))
}

/// Text made of YAML tokens, indentation and a few words.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("\n".to_string()),
        Just("  ".to_string()),
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("? ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("<<: ".to_string()),
        Just("!!str ".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("|".to_string()),
        Just(">-".to_string()),
        Just("#".to_string()),
        Just("---".to_string()),
        Just("...".to_string()),
        Just("%YAML 1.2".to_string()),
        Just("\t".to_string()),
        Just("\u{feff}".to_string()),
        Just("é".to_string()),
        "[a-z_]{1,8}",
        "-?[0-9]{1,20}(\\.[0-9]+)?",
        Just("pack".to_string()),
        Just("answers".to_string()),
        Just("rules".to_string()),
        Just("when".to_string()),
    ];
    prop::collection::vec(token, 0..80).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn yaml_text_never_panics(text in yamlish()) {
        let _ = yaml::parse(&text, &Limits::default());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(text) = yaml::check_text(&bytes, &Limits::default()) {
            let _ = yaml::parse(text, &Limits::default());
        }
    }

    #[test]
    fn packs_and_answers_built_from_noise_never_panic(text in yamlish()) {
        let _ = pack::load_texts(&[("noise.yaml".to_string(), text.clone())]);
        let p = default_pack();
        let _ = answers::read_text(p, "noise.yaml", &text);
        let prefixed = format!("answers:\n  {}", text.replace('\n', "\n  "));
        let _ = answers::read_text(p, "noise.yaml", &prefixed);
    }
}

#[path = "../benches/support/hostile.rs"]
mod hostile;

/// Each shape gets the answer it deserves; `benches/hostile.rs` keeps their times.
#[test]
fn hostile_shapes_are_parsed_or_refused_as_they_should_be() {
    let limits = Limits::default();
    let parse = |text: &str| yaml::parse(text, &limits);
    let merged = parse(&hostile::merge(30_000)).expect("a large merge parses");
    let m = merged
        .get("merged")
        .and_then(|m| m.as_map())
        .map(|m| m.len());
    assert_eq!(m, Some(30_001));
    let anchored = parse(&hostile::anchors(yaml::MAX_ANCHORS)).expect("many anchors parse");
    assert_eq!(anchored.as_seq().map(|s| s.len()), Some(yaml::MAX_ANCHORS));
    let e = parse(&hostile::anchors(200_000)).expect_err("200,000 anchors");
    assert!(e.message.contains("anchors"), "{e}");
    for (name, text) in [
        ("15 MB of items", hostile::items(15_000_000)),
        ("a million keys", hostile::keys(1_000_000)),
        ("a 10 MB flow list", hostile::flow(10_000_000)),
    ] {
        let e = parse(&text).expect_err(name);
        assert!(e.message.contains("expands to more than"), "{name}: {e}");
    }
    for (name, text) in [
        ("billion laughs", hostile::laughs()),
        (
            "a wide anchor aliased often",
            hostile::wide_aliases(1_000, 1_000),
        ),
        (
            "anchors nested in anchors",
            hostile::anchored_nesting(1_000),
        ),
    ] {
        let Err(e) = parse(&text) else {
            panic!("{name} is read")
        };
        let expect = format!(
            "anchors and aliases repeat more than {} values",
            yaml::MAX_REPEATED
        );
        assert_eq!(e.message, expect, "{name}");
    }
}

//! No input makes the pipeline panic or hang: random news-like token soup, run
//! through every stage in both modes.

use crosscheck::{Document, Engine};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("default pack"))
}

const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "denied",
    "confirmed",
    "noting",
    "which",
    "that",
    "the",
    "Kremlin",
    "White House",
    "Mr",
    "Trump",
    "he",
    "she",
    "I",
    "it",
    ",",
    ".",
    "?",
    ":",
    ";",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}s",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "# ",
    "* ",
    "[x](http://y.z)",
    "U.S.",
    "Jan.",
    "not",
    "no date",
    "hoax",
    "reportedly",
    "announcement",
    "provided confirmation of",
    "as",
    "but",
    "and",
    "last summer",
    "is correct",
    "spokesman",
    "an aide to",
    "Putin",
    "éé",
    "\u{0}",
    "12,000",
    "2017Credit:",
    "Click Here:",
    "Leave a Reply",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn story_mode_never_panics(a in soup(), b in soup()) {
        let checked = engine().check(vec![Document::new("a", a), Document::new("b", b)], None, true);
        prop_assert_eq!(checked.claims.len(), checked.verdicts.len());
    }

    #[test]
    fn given_claims_never_panic(claim in soup(), text in soup()) {
        let checked = engine().check(vec![Document::new("t", text)], Some(&claim), false);
        prop_assert_eq!(checked.verdicts.len(), 1);
    }

    #[test]
    fn every_attribution_has_a_cue_and_words_of_content(text in soup()) {
        let len = text.len() as u32;
        let parsed = engine().read(Document::new("t", text));
        for a in engine().extract(&parsed) {
            let cue = a.cue_span(&parsed);
            prop_assert!(cue.start < cue.end && cue.end <= len);
            let content = a.content_spans(&parsed);
            prop_assert!(!content.is_empty(), "no content: {:?}", a);
            for s in content {
                prop_assert!(s.start < s.end && s.end <= len);
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        engine().check(vec![Document::new("t", text)], None, false);
    }
}

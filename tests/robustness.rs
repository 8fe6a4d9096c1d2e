//! No input makes the pipeline panic or hang: random news-like token soup, run
//! through every stage in both modes.

use crosscheck::extract::Pattern;
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
        let parsed = engine().read(Document::new("t", text.clone()));
        for a in engine().extract(&parsed) {
            // (A quotation that continues the previous speaker's has no cue of its own.)
            let cue = a.cue_span(&parsed);
            prop_assert!(
                cue.start < cue.end || a.pattern == Pattern::QuoteContinuation,
                "no cue: {:?}", a
            );
            let content = a.content_spans(&parsed);
            prop_assert!(
                content.iter().any(|s| text[s.start as usize..s.end as usize]
                    .chars()
                    .any(char::is_alphanumeric)),
                "no words of content: {:?}", a
            );
            for s in content {
                prop_assert!(s.start < s.end && s.end as usize <= text.len());
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        engine().check(vec![Document::new("t", text)], None, false);
    }
}

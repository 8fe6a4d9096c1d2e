//! The ASCII bytes that every match of a regular expression contains. A junk rule's
//! pattern is tried on every paragraph; a paragraph that lacks one of these bytes
//! cannot match, and a byte search is far cheaper than the regex (the photo-credit
//! pattern, ending in `:[...]*$`, otherwise scans back from every paragraph's end).

use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};

/// The ASCII bytes other than letters that any text matching `pattern` must contain,
/// in byte order; empty when none is certain or the pattern does not parse. Sound, not
/// complete: a byte is listed only if every match holds it. Letters are left out, so
/// that case-insensitive flags need no tracking (no other ASCII character has a case
/// variant), and only the syntax tree is read: resolving Unicode classes, as a full
/// translation would, costs more at start-up than this check saves on a short input.
pub fn required_bytes(pattern: &str) -> Vec<u8> {
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mask = required(&ast);
    (0u8..128).filter(|&b| mask & (1u128 << b) != 0).collect()
}

/// Does `text` hold every byte in `bytes`?
pub fn has_all(text: &str, bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| memchr::memchr(b, text.as_bytes()).is_some())
}

/// The required bytes of `ast` as a bit set (bit `b` for byte `b`).
fn required(ast: &Ast) -> u128 {
    match ast {
        Ast::Literal(lit) if lit.c.is_ascii() && !lit.c.is_ascii_alphabetic() => {
            1u128 << (lit.c as u8)
        }
        Ast::Repetition(rep) => {
            let at_least_once = match &rep.op.kind {
                RepetitionKind::OneOrMore => true,
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => false,
                RepetitionKind::Range(
                    RepetitionRange::Exactly(n)
                    | RepetitionRange::AtLeast(n)
                    | RepetitionRange::Bounded(n, _),
                ) => *n >= 1,
            };
            if at_least_once { required(&rep.ast) } else { 0 }
        }
        Ast::Group(group) => required(&group.ast),
        // Every part is matched.
        Ast::Concat(concat) => concat.asts.iter().fold(0, |m, a| m | required(a)),
        // Only what every branch needs.
        Ast::Alternation(alt) => alt.asts.iter().fold(!0, |m, a| m & required(a)),
        // Letters, other characters, classes, assertions, flags, the empty pattern.
        _ => 0,
    }
}

/// The bytes a match of a start-anchored pattern can begin with (`^\s*(click here|...)`):
/// a paragraph starting with another byte cannot match, and one byte test is far
/// cheaper than setting up a regex search. `None` when a match may start elsewhere
/// than at the text's start, or may be empty.
pub fn first_bytes(pattern: &str) -> Option<ByteSet> {
    use regex_syntax::hir::Look;
    // Translating the pattern (resolving its Unicode classes) costs more at start-up
    // than reading its syntax tree: only a pattern that opens with `^` is translated.
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    if !opens_with_caret(&ast) {
        return None;
    }
    let hir = regex_syntax::parse(pattern).ok()?;
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    let (set, may_be_empty) = first(&hir);
    (!may_be_empty).then_some(set)
}

/// Does the pattern open with `^` (after flags and inside groups)? A quick test before
/// the sure one, on the translated pattern.
fn opens_with_caret(ast: &Ast) -> bool {
    use regex_syntax::ast::AssertionKind;
    match ast {
        Ast::Assertion(a) => matches!(a.kind, AssertionKind::StartLine | AssertionKind::StartText),
        Ast::Group(group) => opens_with_caret(&group.ast),
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .find(|a| !matches!(a, Ast::Flags(_)))
            .is_some_and(opens_with_caret),
        _ => false,
    }
}

/// A set of bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByteSet([u128; 2]);

impl ByteSet {
    pub fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 7)] & (1u128 << (b & 127)) != 0
    }

    fn add_range(&mut self, from: u8, to: u8) {
        for b in from..=to {
            self.0[usize::from(b >> 7)] |= 1u128 << (b & 127);
        }
    }

    fn union(self, other: ByteSet) -> ByteSet {
        ByteSet([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }
}

/// The bytes a non-empty match of `hir` can begin with, and whether it can match
/// the empty string (then what follows it can begin the match too).
fn first(hir: &regex_syntax::hir::Hir) -> (ByteSet, bool) {
    use regex_syntax::hir::{Class, HirKind};
    let mut set = ByteSet::default();
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (set, true),
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set.add_range(b, b);
                (set, false)
            }
            None => (set, true),
        },
        // UTF-8 keeps code point order, so a range's characters begin with the bytes
        // from its first character's first byte to its last one's.
        HirKind::Class(Class::Unicode(class)) => {
            let lead = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            for r in class.ranges() {
                set.add_range(lead(r.start()), lead(r.end()));
            }
            (set, false)
        }
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.ranges() {
                set.add_range(r.start(), r.end());
            }
            (set, false)
        }
        HirKind::Repetition(rep) => {
            let (sub, empty) = first(&rep.sub);
            (sub, empty || rep.min == 0)
        }
        HirKind::Capture(cap) => first(&cap.sub),
        HirKind::Concat(parts) => {
            for part in parts {
                let (sub, empty) = first(part);
                set = set.union(sub);
                if !empty {
                    return (set, false);
                }
            }
            (set, true)
        }
        HirKind::Alternation(branches) => {
            let mut any_empty = false;
            for branch in branches {
                let (sub, empty) = first(branch);
                set = set.union(sub);
                any_empty |= empty;
            }
            (set, any_empty)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_every_match_holds() {
        assert_eq!(
            required_bytes(
                r"(?i)(credit|(?-u:\b)photo(graph)?|(?-u:\b)image|(?-u:\b)picture)\s*:[\p{L}\s./&-]*$"
            ),
            b":"
        );
        assert_eq!(required_bytes("a:b-c"), b"-:");
        assert_eq!(required_bytes("(?i)a:b"), b":");
        assert_eq!(required_bytes("x(1|12)+"), b"1");
        assert_eq!(required_bytes("x(1|2)"), b"");
        assert_eq!(required_bytes("1?2*3{0,3}4{2}5{1,}"), b"45");
        assert_eq!(required_bytes(r"\.\x3B[:]"), b".;");
        assert_eq!(required_bytes("caf\u{e9}!"), b"!");
        assert_eq!(required_bytes(r"^\s*(https?://|www\.)\S+\s*$"), b"");
        assert_eq!(required_bytes("(unclosed"), b"");
    }

    #[test]
    fn a_text_without_a_required_byte_never_matches() {
        let patterns = [
            r"(?i)(credit|(?-u:\b)photo(graph)?|(?-u:\b)image|(?-u:\b)picture)\s*:[\p{L}\s./&-]*$",
            "a:b|c:d",
            "x(a|ab)+y?",
            "[:;]q",
            r"(?i)name\s*\*",
        ];
        let texts = [
            "",
            "Photo: Jane Doe",
            "PHOTOGRAPH : x",
            "credit jane",
            "a:b",
            "c:d",
            "xaab",
            "xy",
            ";q",
            ":q",
            "Name *",
            "name",
        ];
        for p in patterns {
            let re = regex::Regex::new(p).unwrap();
            let need = required_bytes(p);
            for t in texts {
                if re.is_match(t) {
                    assert!(has_all(t, &need), "{p} matches {t:?} without {need:?}");
                }
            }
        }
        assert!(has_all("a:b", b":a"));
        assert!(!has_all("ab", b":"));
        assert!(has_all("anything", b""));
    }

    #[test]
    fn first_bytes_of_start_anchored_patterns() {
        let set = first_bytes(r"(?i)^\s*(click here|read more|watch:)(?-u:\b)").unwrap();
        let want: Vec<u8> = (0..=255u8)
            .filter(|&b| {
                b" \t\n\x0B\x0C\rcCrRwW".contains(&b)
                    || b == 0xC2
                    || b == 0xE1
                    || b == 0xE2
                    || b == 0xE3
            })
            .collect();
        let got: Vec<u8> = (0..=255u8).filter(|&b| set.has(b)).collect();
        // \s takes Unicode spaces too (lead bytes 0xC2, 0xE1, 0xE2, 0xE3).
        assert_eq!(got, want);
        // Not anchored, or possibly empty: no set.
        assert_eq!(first_bytes("abc"), None);
        assert_eq!(first_bytes("^a|b"), None);
        assert_eq!(first_bytes("^a*"), None);
        assert_eq!(first_bytes("(unclosed"), None);
        assert_eq!(first_bytes("(?m)^a"), None);
        assert!(first_bytes("(?i)(?:^a)").is_some());
        assert!(first_bytes(r"\Aa").is_some());
        let set = first_bytes("^(?:x?y|\u{e9})").unwrap();
        let got: Vec<u8> = (0..=255u8).filter(|&b| set.has(b)).collect();
        assert_eq!(got, [b'x', b'y', 0xC3]);
    }

    #[test]
    fn a_text_starting_with_another_byte_never_matches() {
        let patterns = [
            r"(?i)^\s*(click here|read more|read the rest|continue reading|related:|recommended:|advertisement|sponsored|watch:|see also)(?-u:\b)",
            r"(?i)^\s*(leave a reply|name\s*\*|email\s*\*|website\s*$|submit comment)",
            r"(?i)^\s*(share this( article| story)?|copyright(?-u:\b)|\u{a9}|all rights reserved)",
            r"(?i)^\s*(https?://|www\.)\S+\s*$",
            r"(?i)^[^.!?]*(?-u:\b)(getty images|afp|reuters)(?-u:\b)[^.!?]*$",
            r"^[\p{Lu}][\p{L}.'-]+(\s+[\p{Lu}][\p{L}.'-]+){0,3}$",
            r"(?i)^(?:k|s)",
        ];
        let texts = [
            "Click here",
            "  read more",
            "\u{a0}Watch: this",
            "Related: x",
            "Leave a Reply",
            "Name *",
            "website",
            "\u{a9} 2016",
            "Copyright 2016",
            "https://x.y",
            "WWW.x.y",
            "Photo by Getty Images",
            "AFP",
            "Jane Doe",
            "\u{c9}mile Zola",
            "\u{212a}elvin",
            "\u{17f}ee",
            "kelvin",
            "See",
            "x",
            "",
            ".",
            "\u{2003}click here",
        ];
        for p in patterns {
            let re = regex::Regex::new(p).unwrap();
            let set = first_bytes(p).unwrap_or_else(|| panic!("{p} is anchored"));
            for t in texts {
                if re.is_match(t) {
                    assert!(set.has(t.as_bytes()[0]), "{p} matches {t:?}");
                }
            }
        }
    }
}

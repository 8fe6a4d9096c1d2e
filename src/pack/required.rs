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
}

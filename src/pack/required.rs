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

/// A pattern that ends in a byte and then a class repeated up to the text's end, as
/// the photo-credit pattern ends in `:[\p{L}\s./&-]*$`. The byte of any match is the
/// text's last such byte (the class does not hold it), every character after it is in
/// the class, and the rest of the pattern (its `head`, ended by `$`) matches the text
/// up to that byte. A byte search, a pass over the tail and a small regex rule out
/// nearly every paragraph, where the whole pattern would build its reverse Unicode
/// automaton state by state (most of what the junk rules cost).
#[derive(Debug, Clone)]
pub struct Tail {
    byte: u8,
    /// The class's ASCII members, one bit each (case variants folded in).
    ascii: u128,
    /// The class's ranges as written (before case folding), in order.
    ranges: Vec<(char, char)>,
    /// The class is case-insensitive: a character outside `ranges` whose case variant
    /// is inside is in it too. (Folding a whole Unicode class costs more at start-up
    /// than the junk rules then cost; folding the one character that ends a tail
    /// check is cheap.)
    fold: bool,
    /// The pattern before the class, and its `$`.
    pub head: String,
}

impl Tail {
    /// The text up to and including its last `byte`, when a match of the pattern may
    /// end at the text's end; `None` when none can.
    pub fn fit<'t>(&self, text: &'t str) -> Option<&'t str> {
        let p = memchr::memrchr(self.byte, text.as_bytes())?;
        // (The byte is ASCII, so `p + 1` is a character boundary.)
        text[p + 1..]
            .chars()
            .all(|c| self.has(c))
            .then(|| &text[..=p])
    }

    fn has(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii & (1u128 << (c as u32)) != 0;
        }
        self.overlaps(c, c) || self.fold && self.folds_in(c)
    }

    /// Does a case variant of `c` lie in the class?
    fn folds_in(&self, c: char) -> bool {
        use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
        let mut variants = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        variants.case_fold_simple();
        variants
            .ranges()
            .iter()
            .any(|r| self.overlaps(r.start(), r.end()))
    }

    /// Does the class hold a character in `from..=to`?
    fn overlaps(&self, from: char, to: char) -> bool {
        let k = self.ranges.partition_point(|&(_, end)| end < from);
        self.ranges.get(k).is_some_and(|&(start, _)| start <= to)
    }
}

/// The `Tail` of `pattern`, if it ends that way: read on the syntax tree, and the
/// class resolved without case folding.
pub fn tail(pattern: &str) -> Option<Tail> {
    use regex_syntax::ast::{AssertionKind, Flag, FlagsItemKind};
    use regex_syntax::hir::{Class, HirKind, Look};
    let mut ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    let Ast::Concat(concat) = &mut ast else {
        return None;
    };
    let [
        ..,
        Ast::Literal(lit),
        Ast::Repetition(rep),
        Ast::Assertion(end),
    ] = concat.asts.as_slice()
    else {
        return None;
    };
    let zero_or_more = matches!(rep.op.kind, RepetitionKind::ZeroOrMore);
    if !lit.c.is_ascii()
        || lit.c.is_ascii_alphanumeric()
        || !zero_or_more
        || !matches!(
            rep.ast.as_ref(),
            Ast::ClassBracketed(_) | Ast::ClassPerl(_) | Ast::ClassUnicode(_)
        )
        || !matches!(end.kind, AssertionKind::EndLine | AssertionKind::EndText)
    {
        return None;
    }
    let byte = lit.c as u8;
    let head = format!(
        "{}{}",
        &pattern[..rep.span.start.offset],
        &pattern[end.span.start.offset..end.span.end.offset]
    );
    // Case-insensitive at the class? Then drop the flag, so that the translation
    // below skips folding the class (`has` folds one character at a time instead).
    let mut fold = false;
    for a in concat.asts.iter_mut() {
        if let Ast::Flags(set) = a {
            let mut negated = false;
            for item in &set.flags.items {
                match item.kind {
                    FlagsItemKind::Negation => negated = true,
                    FlagsItemKind::Flag(Flag::CaseInsensitive) => fold = !negated,
                    _ => {}
                }
            }
            set.flags
                .items
                .retain(|i| !matches!(i.kind, FlagsItemKind::Flag(Flag::CaseInsensitive)));
        }
    }
    let hir = regex_syntax::hir::translate::Translator::new()
        .translate(pattern, &ast)
        .ok()?;
    // The same shape, translated: a byte, a Unicode class any number of times, the end.
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let [.., last, rep, end] = parts.as_slice() else {
        return None;
    };
    let (HirKind::Literal(last), HirKind::Repetition(rep), HirKind::Look(Look::End)) =
        (last.kind(), rep.kind(), end.kind())
    else {
        return None;
    };
    let HirKind::Class(Class::Unicode(class)) = rep.sub.kind() else {
        return None;
    };
    if last.0.last() != Some(&byte) || rep.min != 0 || rep.max.is_some() {
        return None;
    }
    let ranges: Vec<(char, char)> = class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    let mut tail = Tail {
        byte,
        ascii: 0,
        ranges,
        fold,
        head,
    };
    // ASCII characters, the most that end a check, are looked up in one set, their
    // case variants folded in once here.
    for c in 0..128u8 {
        let c = char::from(c);
        if tail.overlaps(c, c) || fold && tail.folds_in(c) {
            tail.ascii |= 1u128 << (c as u32);
        }
    }
    // The byte must be outside the class, or it need not be the last one.
    (!tail.has(char::from(byte))).then_some(tail)
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
    fn the_tail_of_a_pattern_ending_in_a_byte_and_a_class() {
        let photo =
            r"(?i)(credit|(?-u:\b)photo(graph)?|(?-u:\b)image|(?-u:\b)picture)\s*:[\p{L}\s./&-]*$";
        let t = tail(photo).expect("photo-credit has a tail");
        assert_eq!(t.fit("Photo: Jane Doe / Reuters"), Some("Photo:"));
        assert_eq!(t.fit("a: Credit: \u{c9}mile Zola."), Some("a: Credit:"));
        assert!(
            t.fit("Photo: AP 2016").is_none(),
            "a digit after the last colon"
        );
        assert!(
            t.fit("He said: \u{201C}no.\u{201D}").is_none(),
            "a curly quote"
        );
        assert!(
            t.fit("Photo: Jane Doe: x, y").is_none(),
            "a comma after the last colon"
        );
        assert!(t.fit("no colon at all").is_none());
        // A character outside the class as written may fold into it.
        let folding = tail("(?i)x:[a-z]*$").unwrap();
        assert_eq!(folding.fit("X:\u{212a}\u{17f}"), Some("X:"));
        assert_eq!(folding.fit("x:\u{e9}"), None);
        assert_eq!(tail("x:[a-z]*$").unwrap().fit("x:\u{212a}"), None);
        for none in [
            "abc$",
            "a:[b]+$",
            "a:[b]*",
            "(?m)a:[b]*$",
            "a:[:b]*$",
            r"(?i)^\s*(https?://|www\.)\S+\s*$",
            "(unclosed",
        ] {
            assert!(tail(none).is_none(), "{none}");
        }
        assert!(tail("(?i)x:[a-z]*$").is_some());
        assert_eq!(
            tail(photo).unwrap().head,
            photo.replace(r"[\p{L}\s./&-]*", "")
        );
        assert!(
            tail("x;[bc]*$").is_some(),
            "any ASCII punctuation outside the class"
        );
        assert!(
            tail("(x;[^;]*$)").is_none(),
            "the concatenation is inside a group"
        );
    }

    #[test]
    fn a_text_whose_tail_does_not_fit_never_matches() {
        let patterns = [
            r"(?i)(credit|(?-u:\b)photo(graph)?|(?-u:\b)image|(?-u:\b)picture)\s*:[\p{L}\s./&-]*$",
            "(?i)x:[a-z]*$",
            "ab;[^;x]*$",
            r"q\|[\p{Greek}\s]*$",
        ];
        let texts = [
            "",
            ":",
            "Photo: Jane Doe",
            "PHOTOGRAPH : x",
            "photo:",
            "Image:\u{a0}\u{c9}mile Zola.",
            "Picture: a\u{345}b",
            "credit: K\u{212a}\u{17f}",
            "x:\u{212a}",
            "X:k\u{17f}S",
            "Credit: a: b",
            "credit:a:b",
            "Photo: 1",
            "x:ABC",
            "X:abc",
            "x:ab1",
            "ab;cd",
            "ab;xd",
            "ab;;",
            "ab;c;d",
            "q|\u{3b1}\u{3b2} \u{3b3}",
            "q|\u{3b1}a",
            "q||",
            "caf\u{e9}: photo: x",
        ];
        for p in patterns {
            let re = regex::Regex::new(p).unwrap();
            let t = tail(p).unwrap_or_else(|| panic!("{p} has a tail"));
            let head = regex::Regex::new(&t.head).unwrap();
            let mut some = false;
            for text in texts {
                let m = re.is_match(text);
                some |= m;
                if m {
                    let upto = t.fit(text);
                    assert!(upto.is_some(), "{p} matches {text:?}");
                    assert!(head.is_match(upto.unwrap()), "{p}: head on {upto:?}");
                }
            }
            assert!(some, "{p} matches one of the texts");
        }
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

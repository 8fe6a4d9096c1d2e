//! Tokenizer: words, numbers, quote marks and punctuation, with byte offsets into the
//! original text. Quote marks of every style become one `Quote` kind with a direction,
//! and clitics are split off Penn-Treebank style ("didn't" -> "did" + "n't",
//! "Kremlin's" -> "Kremlin" + "'s") so lexicons can name them.

use crate::model::Span;

pub type WordId = u32;
/// A word that no lexicon mentions.
pub const NO_WORD: WordId = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Period,
    Comma,
    Colon,
    Semicolon,
    Question,
    Exclaim,
    Ellipsis,
    /// A dash between phrases: "—", "–", "--", or a spaced hyphen.
    Dash,
    /// A hyphen inside a word: "not-too-distant".
    Hyphen,
    OpenParen,
    CloseParen,
    Quote(Quote),
    Url,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub double: bool,
    pub dir: QuoteDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteDir {
    Open,
    Close,
    /// A straight quote whose direction the surrounding characters do not settle.
    Unknown,
}

pub mod flag {
    /// First letter is upper case.
    pub const CAP: u16 = 1;
    /// Every letter is upper case (and there are at least two).
    pub const ALL_CAPS: u16 = 1 << 1;
    pub const SPACE_BEFORE: u16 = 1 << 2;
    /// A line break precedes the token.
    pub const LINE_BEFORE: u16 = 1 << 3;
    /// A blank line precedes the token.
    pub const BLANK_BEFORE: u16 = 1 << 4;
    /// An abbreviation that took its final period ("U.S.", "Jan.", "Mr.").
    pub const ABBREV: u16 = 1 << 5;
    /// A title abbreviation that never ends a sentence ("Mr.", "Sen.").
    pub const TITLE: u16 = 1 << 6;
    /// A single capital letter and its period ("F." in "John F. Kennedy").
    pub const INITIAL: u16 = 1 << 7;
    /// Markup (Markdown heading marks, bullets, link targets): not part of any sentence.
    pub const MARKUP: u16 = 1 << 8;
    /// A clitic split off the word before it ("'s", "n't").
    pub const CLITIC: u16 = 1 << 9;
    /// Markup was dropped right before the token ("a [statement](url)"): no phrase
    /// runs across it.
    pub const MARKUP_BEFORE: u16 = 1 << 10;
    /// A word of four characters or more, not a clitic (an abbreviation's period
    /// counts): what a sentence's title case is judged by.
    pub const LONG_WORD: u16 = 1 << 11;
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    pub flags: u16,
    /// The lowercased, quote-normalised form, if any lexicon knows it.
    pub word: WordId,
}

impl Token {
    pub fn is(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }
    pub fn is_cap(&self) -> bool {
        self.flags & flag::CAP != 0
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote(_))
    }
    pub fn quote(&self) -> Option<Quote> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

/// Which abbreviations keep their period. Both sets hold lowercase forms without the
/// final period ("mr", "u.s").
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Each form with the lists that hold it (`TITLE`, `OTHER`, `NUMBERED`): one
    /// lookup answers for all three.
    lists: rustc_hash::FxHashMap<String, u8>,
    /// The forms of at most seven bytes (nearly all) again, each packed with its length
    /// into an integer: a word before a period is looked up with no string to build
    /// or hash.
    short: rustc_hash::FxHashMap<u64, u8>,
    /// Bytes in the longest of them: a longer word (most words before a period) is
    /// none of them, with no lowercasing or lookup.
    longest: usize,
}

impl Abbreviations {
    pub fn new(
        titles: impl IntoIterator<Item = String>,
        other: impl IntoIterator<Item = String>,
        numbered: impl IntoIterator<Item = String>,
    ) -> Abbreviations {
        let mut lists = rustc_hash::FxHashMap::default();
        for (list, words) in [
            (Abbreviations::TITLE, titles.into_iter().collect::<Vec<_>>()),
            (Abbreviations::OTHER, other.into_iter().collect()),
            (Abbreviations::NUMBERED, numbered.into_iter().collect()),
        ] {
            for w in words {
                *lists.entry(w).or_insert(0) |= list;
            }
        }
        let longest = lists.keys().map(String::len).max().unwrap_or(0);
        let short = lists
            .iter()
            .filter_map(|(w, &l)| Some((packed(w.bytes())?, l)))
            .collect();
        Abbreviations {
            lists,
            short,
            longest,
        }
    }

    /// The lists that hold `word` lowercased (`scratch` is room for a long or
    /// non-ASCII one).
    fn lists_of(&self, word: &str, scratch: &mut String) -> u8 {
        if word.is_ascii() {
            // An ASCII word keeps its length in lower case, so one longer than every
            // abbreviation is none of them.
            if word.len() > self.longest {
                return 0;
            }
            if let Some(key) = packed(word.bytes().map(|b| b.to_ascii_lowercase())) {
                return self.short.get(&key).copied().unwrap_or(0);
            }
            scratch.clear();
            scratch.push_str(word);
            scratch.make_ascii_lowercase();
        } else {
            scratch.clear();
            scratch.push_str(&word.to_lowercase());
        }
        self.lists.get(scratch.as_str()).copied().unwrap_or(0)
    }

    const TITLE: u8 = 1;
    const OTHER: u8 = 1 << 1;
    /// Kept only before a number ("No. 2").
    const NUMBERED: u8 = 1 << 2;
}

/// Up to seven bytes packed with their count into one integer (distinct for distinct
/// byte strings); `None` for more bytes.
fn packed(bytes: impl ExactSizeIterator<Item = u8>) -> Option<u64> {
    let n = bytes.len();
    if n > 7 {
        return None;
    }
    let key = bytes
        .enumerate()
        .fold(0u64, |key, (k, b)| key | u64::from(b) << (8 * k));
    Some(key | (n as u64) << 56)
}

/// Normalises one token's text into `buf`: lowercase, curly apostrophes made straight,
/// and an abbreviation's final period dropped.
pub fn normalise(text: &str, buf: &mut String) {
    buf.clear();
    // One pass decides the fast path: ASCII with no backquote to straighten.
    if text.bytes().all(|b| b.is_ascii() && b != b'`') {
        buf.push_str(text);
        buf.make_ascii_lowercase();
        if buf.len() > 1 && buf.ends_with('.') {
            buf.pop();
        }
        return;
    }
    for c in text.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    if buf.len() > 1 && buf.ends_with('.') {
        buf.pop();
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || c == '\u{02BC}'
}

fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes, odd spaces: most of the non-ASCII
    // characters in news text) holds no letter or digit, and the Unicode table search
    // that would say so cost more than the rest of the work on such a character.
    if GENERAL_PUNCTUATION.contains(&c) {
        return false;
    }
    c.is_alphanumeric() || c == '_'
}

const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2014}' | '\u{2013}' | '\u{2015}' | '\u{2012}' | '\u{2212}'
    )
}

fn quote_glyph(c: char) -> Option<(bool, QuoteDir)> {
    Some(match c {
        '"' => (true, QuoteDir::Unknown),
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => (true, QuoteDir::Open),
        '\u{201D}' | '\u{00BB}' => (true, QuoteDir::Close),
        '\'' | '`' => (false, QuoteDir::Unknown),
        '\u{2018}' | '\u{201A}' | '\u{2039}' => (false, QuoteDir::Open),
        '\u{2019}' | '\u{203A}' => (false, QuoteDir::Close),
        _ => return None,
    })
}

/// Splits `text` into tokens. `lookup` maps a token's text as written (the text and
/// the token's byte range in it, on character boundaries) to its word id (or
/// `NO_WORD`); lexicons key words by their `normalise`d form. Never inlined: the
/// loop compiles better on its own than inside its caller.
#[inline(never)]
pub fn tokenize(
    text: &str,
    abbr: &Abbreviations,
    mut lookup: impl FnMut(&str, std::ops::Range<usize>) -> WordId,
) -> Vec<Token> {
    let bytes = text.as_bytes();
    // News text runs about four bytes a token: room for nearly every document's
    // tokens, so that the list is seldom copied as it grows.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4 + 8);
    let mut pending: u16 = 0;
    let mut newlines = 0u32;
    let mut i = 0usize;
    let n = text.len();
    let mut scratch = String::new();
    // Has a character that Markdown uses for emphasis or links started a token?
    let mut marks = false;

    let push = |out: &mut Vec<Token>,
                start: usize,
                end: usize,
                kind: Kind,
                extra: u16,
                pending: &mut u16| {
        out.push(Token {
            span: Span::new(start, end),
            kind,
            flags: *pending | extra,
            word: NO_WORD,
        });
        *pending = 0;
    };

    while i < n {
        // Plain spaces, the commonest byte, take no decoding.
        if bytes[i] == b' ' {
            pending |= flag::SPACE_BEFORE;
            i += 1;
            continue;
        }
        // A word starting with an ASCII letter, the commonest token, needs none of
        // the character tests below (only the URL test, which comes first).
        if bytes[i].is_ascii_alphabetic() && !starts_url(&text[i..]) {
            newlines = 0;
            i = match plain_ascii_word(text, i, abbr, &mut out, &mut pending, &mut scratch) {
                Some(end) => end,
                None => scan_word(text, i, abbr, &mut out, &mut pending, &mut scratch),
            };
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
                pending |= flag::LINE_BEFORE;
                if newlines >= 2 {
                    pending |= flag::BLANK_BEFORE;
                }
            }
            pending |= flag::SPACE_BEFORE;
            i += clen;
            continue;
        }
        let line_start = newlines > 0 || out.is_empty();
        newlines = 0;
        // Every token `mark_markdown` acts on is one of these characters, alone.
        marks |= matches!(c, ']' | '*' | '_');
        let start = i;

        // URLs run to the next space.
        if starts_url(&text[i..]) {
            let mut j = i;
            while j < n {
                let d = text[j..].chars().next().unwrap_or(' ');
                if d.is_whitespace() {
                    break;
                }
                j += d.len_utf8();
            }
            // Trailing punctuation belongs to the sentence, not the address.
            while j > i + 1 && matches!(bytes[j - 1], b'.' | b',' | b')' | b';' | b':' | b'"') {
                j -= 1;
            }
            push(&mut out, start, j, Kind::Url, 0, &mut pending);
            i = j;
            continue;
        }

        if is_word_char(c) || ((c == '@' || c == '#') && next_is_word(text, i + 1)) {
            i = scan_word(text, i, abbr, &mut out, &mut pending, &mut scratch);
            continue;
        }

        // Doubled straight quotes used as double quotes: '' and ``. In "the word
        // 'old-school,''' said" the inner single quote closes before the doubled one.
        let inner_close = c == '\''
            && text[i..].starts_with("'''")
            && quote_direction(text, i, i + 3, QuoteDir::Unknown) == QuoteDir::Close;
        if inner_close || (c == '\'' || c == '`') && i + 1 < n && bytes[i + 1] == bytes[i] {
            let (len, dir) = match c {
                _ if inner_close => (1, QuoteDir::Close),
                '`' => (2, QuoteDir::Open),
                _ => (2, quote_direction(text, i, i + 2, QuoteDir::Unknown)),
            };
            push(
                &mut out,
                start,
                i + len,
                Kind::Quote(Quote {
                    double: !inner_close,
                    dir,
                }),
                0,
                &mut pending,
            );
            i += len;
            continue;
        }
        if (c == '\'' || c == '\u{2019}') && plural_possessive(text, i, clen) {
            push(
                &mut out,
                start,
                i + clen,
                Kind::Word,
                flag::CLITIC,
                &mut pending,
            );
            i += clen;
            continue;
        }
        if let Some((double, dir)) = quote_glyph(c) {
            let dir = quote_direction(text, i, i + clen, dir);
            // A curly double mark typed the wrong way round (`problems here,\u{201C} said`)
            // goes by where it stands when that is plain.
            let dir = match quote_direction(text, i, i + clen, QuoteDir::Unknown) {
                QuoteDir::Close
                    if double && dir == QuoteDir::Open && !glued_after(text, i + clen) =>
                {
                    QuoteDir::Close
                }
                QuoteDir::Open if double && dir == QuoteDir::Close => QuoteDir::Open,
                _ => dir,
            };
            push(
                &mut out,
                start,
                i + clen,
                Kind::Quote(Quote { double, dir }),
                0,
                &mut pending,
            );
            i += clen;
            continue;
        }
        let (kind, len) = match c {
            '.' => {
                if text[i..].starts_with("...") {
                    (Kind::Ellipsis, 3)
                } else if text[i..].starts_with(". . .") {
                    (Kind::Ellipsis, 5)
                } else {
                    (Kind::Period, 1)
                }
            }
            '\u{2026}' => (Kind::Ellipsis, clen),
            ',' => (Kind::Comma, 1),
            ':' => (Kind::Colon, 1),
            ';' => (Kind::Semicolon, 1),
            '?' => (Kind::Question, 1),
            '!' => (Kind::Exclaim, 1),
            '(' | '[' | '{' => (Kind::OpenParen, 1),
            ')' | ']' | '}' => (Kind::CloseParen, 1),
            '-' => {
                if text[i..].starts_with("--") {
                    let mut j = i;
                    while j < n && bytes[j] == b'-' {
                        j += 1;
                    }
                    (Kind::Dash, j - i)
                } else {
                    let spaced_before = pending & flag::SPACE_BEFORE != 0 || out.is_empty();
                    let spaced_after = i + 1 >= n || (bytes[i + 1] as char).is_whitespace();
                    if spaced_before || spaced_after {
                        (Kind::Dash, 1)
                    } else {
                        (Kind::Hyphen, 1)
                    }
                }
            }
            c if is_dash(c) => (Kind::Dash, clen),
            _ => (Kind::Other, clen),
        };
        // Markdown markers at the start of a line are not text.
        let markup = line_start
            && match c {
                '#' | '>' => true,
                '*' | '+' | '-' => i + 1 < n && bytes[i + 1] == b' ',
                _ => false,
            };
        let extra = if markup { flag::MARKUP } else { 0 };
        let kind = if markup { Kind::Other } else { kind };
        push(&mut out, start, i + len, kind, extra, &mut pending);
        i += len;
    }

    if marks {
        mark_markdown(text, &mut out);
    }
    for t in out.iter_mut() {
        if !t.is(flag::MARKUP) && !matches!(t.kind, Kind::Url) {
            t.word = lookup(text, t.span.range());
        }
    }
    out
}

fn starts_url(rest: &str) -> bool {
    // Byte patterns compile to a few compares; `str::starts_with` called `memcmp` on
    // every word starting with "w".
    matches!(
        rest.as_bytes(),
        [b'h', b't', b't', b'p', b':', b'/', b'/', ..]
            | [b'h', b't', b't', b'p', b's', b':', b'/', b'/', ..]
            | [b'w', b'w', b'w', b'.', ..]
    )
}

fn next_is_word(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(is_word_char)
}

/// Is the character at `i` a letter or digit (no space before it)?
fn glued_after(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

/// Decides the direction of a quote mark from its neighbours.
/// Is the apostrophe at byte `i` (`clen` long) a plural possessive, not a closing
/// quote: "the dockworkers' union", "the Reserve Officers’ Training Corps"? Before a
/// capital only when no single quote is open ("the ‘Deplorables’ Remark"). Out of
/// line, so that the tokenizer's loop stays small.
#[inline(never)]
fn plural_possessive(text: &str, i: usize, clen: usize) -> bool {
    i > 0
        && text.as_bytes()[i - 1] == b's'
        && text[i + clen..].starts_with(' ')
        && text[i + clen + 1..]
            .chars()
            .next()
            .is_some_and(|d| d.is_lowercase() || d.is_uppercase() && !single_quote_open(text, i))
}

/// Is a single quote left open on the line before byte `i`? The last single mark
/// that stands alone says so (not an apostrophe inside a word, nor half of a doubled
/// ''). Looked for only at a plural possessive before a capital, which is rare.
#[cold]
#[inline(never)]
fn single_quote_open(text: &str, i: usize) -> bool {
    let line = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let mut open = false;
    for (j, c) in text[line..i].char_indices() {
        let j = line + j;
        let Some((false, glyph)) = quote_glyph(c) else {
            continue;
        };
        let end = j + c.len_utf8();
        let before = text[..j].chars().next_back();
        let after = text[end..].chars().next();
        let inside =
            before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
        let doubled = c == '\'' && (before == Some('\'') || after == Some('\''));
        if !inside && !doubled {
            open = quote_direction(text, j, end, glyph) == QuoteDir::Open;
        }
    }
    open
}

fn quote_direction(text: &str, start: usize, end: usize, glyph: QuoteDir) -> QuoteDir {
    if glyph != QuoteDir::Unknown {
        return glyph;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open_before = match before {
        None => true,
        Some(b) => {
            b.is_whitespace()
                || matches!(b, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
                // Invisible direction and width marks: "\u{202A}\u{201D}This is why".
                || matches!(
                    b,
                    '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{FEFF}'
                )
        }
    };
    let close_after = match after {
        None => true,
        Some(a) => {
            a.is_whitespace()
                || matches!(
                    a,
                    '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']' | '\u{2014}' | '\u{2013}' | '-'
                )
        }
    };
    match (open_before, close_after) {
        (true, false) => QuoteDir::Open,
        (false, true) => QuoteDir::Close,
        (false, false) => QuoteDir::Close,
        (true, true) => QuoteDir::Unknown,
    }
}

/// Scans a word or number starting at `i`, pushing one or more tokens (clitics and
/// hyphen-joined parts are separate tokens). Returns the index after it.
fn scan_word(
    text: &str,
    start: usize,
    abbr: &Abbreviations,
    out: &mut Vec<Token>,
    pending: &mut u16,
    scratch: &mut String,
) -> usize {
    let bytes = text.as_bytes();
    let n = text.len();
    let mut i = start;
    let first = text[i..].chars().next().unwrap_or(' ');
    if first == '@' || first == '#' {
        i += 1;
    }
    let numeric = first.is_ascii_digit();
    let mut letters_seen = false;
    let mut domain = false;
    while i < n {
        // A run of ASCII letters, digits and underscores in a word (or in a number
        // past its letters, where a capital no longer splits) needs no other test.
        if !numeric || letters_seen {
            while i < n && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            if i >= n {
                break;
            }
        }
        // ASCII letters and digits, the common case, without decoding characters.
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b == b'_' {
            if numeric && !letters_seen && b.is_ascii_uppercase() && i > start {
                break;
            }
            letters_seen |= b.is_ascii_alphabetic();
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if is_word_char(c) {
            // "2017Credit": a capital after digits starts a new word.
            if numeric && !letters_seen && c.is_uppercase() && i > start {
                break;
            }
            if c.is_alphabetic() {
                letters_seen = true;
            }
            i += c.len_utf8();
            continue;
        }
        // Digits keep their separators: 1,000  3.5  10:30
        if numeric
            && !letters_seen
            && matches!(c, ',' | '.' | ':')
            && i + 1 < n
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            continue;
        }
        // Apostrophe inside a word: O'Brien, don't, Kremlin's
        if is_apostrophe(c) {
            let after = i + c.len_utf8();
            if after < n
                && text[after..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_alphabetic())
            {
                i = after;
                continue;
            }
        }
        // Web domains: Mic.com, TheBlaze.com
        if c == '.' && !numeric && i > start {
            let rest = &text[i + 1..];
            let tld = ["com", "org", "net", "gov", "edu"]
                .iter()
                .find(|t| rest.starts_with(*t));
            if let Some(t) = tld
                && !rest[t.len()..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_alphanumeric())
            {
                i += 1 + t.len();
                domain = true;
                continue;
            }
        }
        // Dotted abbreviations: U.S.  p.m.  e.g.
        if c == '.' && !numeric {
            let after = i + 1;
            let word = &text[start..i];
            let single = word.chars().count() == 1;
            if after < n
                && text[after..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_alphabetic())
                && (single || word.contains('.'))
                && text[after..].chars().nth(1).is_some_and(|d| d == '.')
            {
                i = after;
                continue;
            }
        }
        break;
    }
    let mut end = i;
    let mut flags = 0u16;
    // Take the final period of a known abbreviation, an initial or a dotted form.
    if end < n
        && bytes[end] == b'.'
        && !domain
        && let Some(f) = abbreviation_period(&text[start..end], &bytes[end + 1..], abbr, scratch)
    {
        end += 1;
        flags |= f;
    }
    let word = &text[start..end];
    let shape = Shape::of(word);
    let first_upper = shape.first_upper;
    let (caps, lowers) = (shape.caps, shape.lowers);
    if first_upper {
        flags |= flag::CAP;
    }
    if caps >= 2 && lowers == 0 {
        flags |= flag::ALL_CAPS;
    }
    let kind = if numeric { Kind::Number } else { Kind::Word };
    let long = |from: usize, to: usize| {
        if kind == Kind::Word && four_chars(&bytes[from..to]) {
            flag::LONG_WORD
        } else {
            0
        }
    };

    // Split clitics: n't, 's, 're, 've, 'll, 'd, 'm. Only words with an apostrophe
    // can end in one.
    let split = if shape.apostrophe {
        clitic_start(word)
    } else {
        None
    };
    match split {
        Some(k) if k > 0 => {
            out.push(Token {
                span: Span::new(start, start + k),
                kind,
                flags: *pending | flags | long(start, start + k),
                word: NO_WORD,
            });
            *pending = 0;
            out.push(Token {
                span: Span::new(start + k, end),
                kind: Kind::Word,
                flags: flag::CLITIC,
                word: NO_WORD,
            });
        }
        _ => {
            out.push(Token {
                span: Span::new(start, end),
                kind,
                flags: *pending | flags | long(start, end),
                word: NO_WORD,
            });
            *pending = 0;
        }
    }
    end
}

/// The flags of `word` when it takes the period after it: a known abbreviation, an
/// initial or a dotted form; `None` when the period ends the sentence instead.
/// The flags of an abbreviation that takes the period after `word`; `after` is the
/// text after the period.
fn abbreviation_period(
    word: &str,
    after: &[u8],
    abbr: &Abbreviations,
    scratch: &mut String,
) -> Option<u16> {
    let lists = abbr.lists_of(word, scratch);
    let is = |list: u8| lists & list != 0;
    if is(Abbreviations::TITLE) {
        Some(flag::ABBREV | flag::TITLE)
    } else if is(Abbreviations::OTHER) || word.contains('.') {
        Some(flag::ABBREV)
    } else if is(Abbreviations::NUMBERED)
        && after.first() == Some(&b' ')
        && after.get(1).is_some_and(|b| b.is_ascii_digit())
    {
        // (A number after an abbreviation never opens a sentence.)
        Some(flag::ABBREV)
    } else if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        Some(flag::ABBREV | flag::INITIAL)
    } else {
        None
    }
}

/// The common word, scanned in one pass: an ASCII letter, then letters, digits and
/// underscores, ended by the text's end, by an ASCII character other than a period or
/// an apostrophe, or by a period that no letter follows; none of which `scan_word`
/// would take into the word, but for an abbreviation's period. Pushes its token and
/// returns the index after it; `None` leaves the word to `scan_word`'s general path.
/// Inlined into `tokenize`'s loop: a call per word cost more than the scan.
#[inline(always)]
fn plain_ascii_word(
    text: &str,
    start: usize,
    abbr: &Abbreviations,
    out: &mut Vec<Token>,
    pending: &mut u16,
    scratch: &mut String,
) -> Option<usize> {
    let bytes = text.as_bytes();
    debug_assert!(bytes[start].is_ascii_alphabetic());
    let (mut caps, mut lowers) = (0usize, false);
    let mut i = start;
    loop {
        // Runs of lower case letters, most of the text, take the shortest loop.
        let run = i;
        i = lowercase_run(bytes, i);
        lowers |= i > run;
        match bytes.get(i) {
            Some(b'A'..=b'Z') => caps += 1,
            Some(b'0'..=b'9' | b'_') => {}
            // A letter after a period may continue the word ("U.S.", "Mic.com").
            Some(b'.')
                if bytes
                    .get(i + 1)
                    .is_some_and(|&c| !c.is_ascii() || c.is_ascii_alphabetic()) =>
            {
                return None;
            }
            Some(b'\'' | 0x80..) => return None,
            _ => break,
        }
        i += 1;
    }
    let mut flags = 0u16;
    if bytes[start].is_ascii_uppercase() {
        flags |= flag::CAP;
    }
    if caps >= 2 && !lowers {
        flags |= flag::ALL_CAPS;
    }
    let mut end = i;
    if bytes.get(i) == Some(&b'.')
        && let Some(f) = abbreviation_period(&text[start..i], &bytes[i + 1..], abbr, scratch)
    {
        end += 1;
        flags |= f;
    }
    // (ASCII: a byte is a character.)
    if end - start >= 4 {
        flags |= flag::LONG_WORD;
    }
    out.push(Token {
        span: Span::new(start, end),
        kind: Kind::Word,
        flags: *pending | flags,
        word: NO_WORD,
    });
    *pending = 0;
    // A plain space after the word, as the main loop would take it: one turn of that
    // loop saved on most words.
    if bytes.get(end) == Some(&b' ') {
        *pending = flag::SPACE_BEFORE;
        return Some(end + 1);
    }
    Some(end)
}

/// The end of the run of ASCII lower case letters at `i`, found eight bytes at a time
/// (a byte per loop turn cost more than the rest of the word scan).
fn lowercase_run(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Adding 0x80 - 'a' (or 0x80 - '{') to an ASCII byte sets its high bit exactly
        // when it is at least 'a' (or past 'z'). Only a byte of 0xE1 or more carries
        // into the next one, and that byte ends the run anyway.
        let from_a = x.wrapping_add(ONES * u64::from(0x80 - b'a'));
        let past_z = x.wrapping_add(ONES * u64::from(0x80 - b'{'));
        let other = !(from_a & !past_z & !x) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    i
}

/// Do `bytes` (whole UTF-8 characters) hold four characters or more? By length
/// alone for most words: fewer than four bytes are fewer than four characters, and
/// more than twelve (three characters of four bytes) are more. Otherwise the bytes
/// that start a character (no continuation byte `0b10xx_xxxx`) are counted.
fn four_chars(bytes: &[u8]) -> bool {
    match bytes.len() {
        0..4 => false,
        13.. => true,
        _ => bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() >= 4,
    }
}

/// Letter case counts of a word, and whether it holds an apostrophe: worked out in
/// one pass over the bytes of an ASCII word (nearly all of them).
struct Shape {
    caps: usize,
    lowers: usize,
    /// The first letter is upper case.
    first_upper: bool,
    apostrophe: bool,
}

impl Shape {
    fn of(word: &str) -> Shape {
        if word.is_ascii() {
            let mut s = Shape {
                caps: 0,
                lowers: 0,
                first_upper: false,
                apostrophe: false,
            };
            let mut seen_letter = false;
            for &b in word.as_bytes() {
                let upper = b.is_ascii_uppercase();
                let lower = b.is_ascii_lowercase();
                s.caps += usize::from(upper);
                s.lowers += usize::from(lower);
                if !seen_letter && (upper || lower) {
                    seen_letter = true;
                    s.first_upper = upper;
                }
                s.apostrophe |= b == b'\'';
            }
            return s;
        }
        Shape {
            caps: word.chars().filter(|c| c.is_uppercase()).count(),
            lowers: word.chars().filter(|c| c.is_lowercase()).count(),
            first_upper: word
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase()),
            apostrophe: word.contains(['\'', '\u{2019}', '\u{02BC}']),
        }
    }
}

/// Byte offset inside `word` where a clitic starts, if it ends with one. Apostrophes
/// may be straight or curly, letters in either case.
fn clitic_start(word: &str) -> Option<usize> {
    let (pos, apostrophe) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let tail = &word[pos + apostrophe.len_utf8()..];
    // "n't" after at least one more character.
    if tail.eq_ignore_ascii_case("t")
        && let Some((n, 'n' | 'N')) = word[..pos].char_indices().next_back()
        && word.chars().count() > 3
    {
        return Some(n);
    }
    let clitic = ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|c| tail.eq_ignore_ascii_case(c));
    (clitic && pos > 0).then_some(pos)
}

/// Marks Markdown emphasis runs and link targets as markup.
fn mark_markdown(text: &str, tokens: &mut [Token]) {
    let mut k = 0;
    while k < tokens.len() {
        // Every mark is one byte long; most tokens are not, and a plain search skips
        // them fastest.
        match tokens[k..].iter().position(|t| t.span.len() == 1) {
            Some(skip) => k += skip,
            None => break,
        }
        let t = tokens[k];
        let s = &text[t.span.range()];
        // "](" starts a link target: skip to the closing parenthesis.
        if s == "]"
            && k + 1 < tokens.len()
            && tokens[k + 1].kind == Kind::OpenParen
            && tokens[k + 1].span.start == t.span.end
        {
            let mut j = k + 1;
            while j < tokens.len()
                && tokens[j].kind != Kind::CloseParen
                && !tokens[j].is(flag::LINE_BEFORE)
            {
                j += 1;
            }
            if j < tokens.len() && tokens[j].kind == Kind::CloseParen {
                for tok in tokens.iter_mut().take(j + 1).skip(k) {
                    tok.flags |= flag::MARKUP;
                }
                // The matching "[" is markup too.
                let mut b = k;
                while b > 0 && !tokens[b].is(flag::LINE_BEFORE) {
                    b -= 1;
                    if &text[tokens[b].span.range()] == "[" {
                        tokens[b].flags |= flag::MARKUP;
                        break;
                    }
                }
                k = j + 1;
                continue;
            }
        }
        if s == "*" || s == "_" {
            tokens[k].flags |= flag::MARKUP;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let abbr = Abbreviations::new(["mr".into()], ["jan".into()], []);
        tokenize(text, &abbr, |_, _| NO_WORD)
            .iter()
            .map(|t| text[t.span.range()].to_string())
            .collect()
    }

    #[test]
    fn lowercase_runs_end_at_the_first_other_byte() {
        let all: Vec<u8> = (0..=255).collect();
        for b in all {
            for k in 0..12 {
                let mut text = vec![b'q'; k];
                text.push(b);
                text.extend_from_slice(b"abcdefghijklmnopqrstuvwxyz");
                let want = if b.is_ascii_lowercase() {
                    text.len()
                } else {
                    k
                };
                assert_eq!(lowercase_run(&text, 0), want, "{b} after {k}");
            }
        }
    }

    #[test]
    fn long_words_are_flagged_by_their_characters() {
        let abbr = Abbreviations::new(["mr".into()], ["jan".into()], []);
        let text =
            "Mr. Jan. the D\u{e9}j\u{e0} vu \u{e9}t\u{e9}s caf\u{e9} didn't Kremlin's 2016 ABCD";
        let long: Vec<_> = tokenize(text, &abbr, |_, _| NO_WORD)
            .iter()
            .filter(|t| t.is(flag::LONG_WORD))
            .map(|t| text[t.span.range()].to_string())
            .collect();
        assert_eq!(
            long,
            [
                "Jan.",
                "D\u{e9}j\u{e0}",
                "\u{e9}t\u{e9}s",
                "caf\u{e9}",
                "Kremlin",
                "ABCD"
            ]
        );
        for word in [
            "abc",
            "abcd",
            "\u{e9}\u{e9}\u{e9}",
            "\u{e9}\u{e9}\u{e9}\u{e9}",
            "\u{1F600}\u{1F600}\u{1F600}",
            "\u{1F600}\u{1F600}\u{1F600}a",
        ] {
            assert_eq!(
                four_chars(word.as_bytes()),
                word.chars().count() >= 4,
                "{word}"
            );
        }
    }

    #[test]
    fn web_domains_are_one_word_and_keep_the_final_period_apart() {
        assert_eq!(
            toks("editor of TheBlaze.com. Then"),
            ["editor", "of", "TheBlaze.com", ".", "Then"]
        );
        assert_eq!(toks("a.common"), ["a", ".", "common"]);
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            toks("Mr. Trump didn't say"),
            ["Mr.", "Trump", "did", "n't", "say"]
        );
        assert_eq!(
            toks("the Kremlin\u{2019}s announcement"),
            ["the", "Kremlin", "\u{2019}s", "announcement"]
        );
        assert_eq!(
            toks("in the U.S. on Jan. 4"),
            ["in", "the", "U.S.", "on", "Jan.", "4"]
        );
        assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
    }

    #[test]
    fn clitics_in_either_case_after_any_apostrophe() {
        for (word, want) in [
            ("didn't", Some(3)),
            ("DIDN\u{2019}T", Some(3)),
            ("n't", None),
            ("Xn't", Some(1)),
            ("Kremlin's", Some(7)),
            ("Kremlin\u{2019}S", Some(7)),
            ("they\u{02BC}re", Some(4)),
            ("I'm", Some(1)),
            ("'s", None),
            ("O'Brien", None),
            ("rock'n'roll", None),
            ("caf\u{e9}'s", Some(5)),
            ("it's'", None),
            ("plain", None),
        ] {
            assert_eq!(clitic_start(word), want, "{word}");
        }
    }

    #[test]
    fn numbers_keep_separators_and_split_glued_words() {
        assert_eq!(toks("$1,000.50 at 10:30"), ["$", "1,000.50", "at", "10:30"]);
        assert_eq!(toks("2017Credit:"), ["2017", "Credit", ":"]);
        assert_eq!(toks("the 6-1 vote"), ["the", "6", "-", "1", "vote"]);
    }

    /// (double, direction) of each quote mark in `text`.
    fn quote_marks(text: &str) -> Vec<(bool, QuoteDir)> {
        tokenize(text, &Abbreviations::default(), |_, _| NO_WORD)
            .iter()
            .filter_map(|t| t.quote().map(|q| (q.double, q.dir)))
            .collect()
    }

    #[test]
    fn quote_directions() {
        assert_eq!(
            quote_marks("He said \"no,\" and \u{201C}yes\u{201D} and ''maybe''"),
            [
                (true, QuoteDir::Open),
                (true, QuoteDir::Close),
                (true, QuoteDir::Open),
                (true, QuoteDir::Close),
                (true, QuoteDir::Open),
                (true, QuoteDir::Close)
            ]
        );
    }

    #[test]
    fn plural_possessive_is_no_closing_quote_unless_a_single_quote_is_open() {
        assert!(quote_marks("the Reserve Officers\u{2019} Training Corps").is_empty());
        assert!(quote_marks("the dockworkers' union").is_empty());
        assert_eq!(
            quote_marks("Her \u{2018}Deplorables\u{2019} Remark"),
            [(false, QuoteDir::Open), (false, QuoteDir::Close)]
        );
        // A paragraph break closes any single quote left open.
        assert_eq!(
            quote_marks("a \u{2018}word\n\nthe Officers\u{2019} Club"),
            [(false, QuoteDir::Open)]
        );
    }

    #[test]
    fn three_apostrophes_close_the_single_quote_first() {
        assert_eq!(
            quote_marks("''the word 'old-school,''' he said"),
            [
                (true, QuoteDir::Open),
                (false, QuoteDir::Open),
                (false, QuoteDir::Close),
                (true, QuoteDir::Close)
            ]
        );
    }

    #[test]
    fn curly_marks_typed_the_wrong_way_round_go_by_their_place() {
        // A closing mark typed as an opening one, an opening one typed as a closing
        // one after an invisible direction mark, and a glued mark left as typed.
        let text =
            "\u{201C}It is,\u{201C} he said. \u{202A}\u{201D}No,\u{201D} she said. a\u{201C}b";
        let dirs: Vec<_> = quote_marks(text).into_iter().map(|(_, d)| d).collect();
        assert_eq!(
            dirs,
            [
                QuoteDir::Open,
                QuoteDir::Close,
                QuoteDir::Open,
                QuoteDir::Close,
                QuoteDir::Open
            ]
        );
    }

    #[test]
    fn dashes_and_hyphens() {
        let abbr = Abbreviations::default();
        let text = "not-too-distant \u{2013} Washington -- yes";
        let kinds: Vec<_> = tokenize(text, &abbr, |_, _| NO_WORD)
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Hyphen,
                Kind::Word,
                Kind::Hyphen,
                Kind::Word,
                Kind::Dash,
                Kind::Word,
                Kind::Dash,
                Kind::Word
            ]
        );
    }

    #[test]
    fn urls_are_one_token() {
        assert_eq!(
            toks("see https://example.com/a?b=1."),
            ["see", "https://example.com/a?b=1", "."]
        );
    }

    #[test]
    fn markdown_markers_are_markup() {
        let abbr = Abbreviations::default();
        let text = "# Title\n\n* item with [a link](http://x.y)";
        let kept: Vec<_> = tokenize(text, &abbr, |_, _| NO_WORD)
            .iter()
            .filter(|t| !t.is(flag::MARKUP))
            .map(|t| text[t.span.range()].to_string())
            .collect();
        assert_eq!(kept, ["Title", "item", "with", "a", "link"]);
    }

    #[test]
    fn abbreviations_are_found_by_their_lowercase_form() {
        let abbr = Abbreviations::new(
            ["mr".into(), "sen".into(), "gov".into()],
            [
                "u.s".into(),
                "calif".into(),
                "corp".into(),
                "e.g".into(),
                "abcdefgh".into(),
            ],
            ["no".into(), "caf\u{e9}".into(), "seven77".into()],
        );
        let mut scratch = String::new();
        for word in [
            "Mr",
            "MR",
            "mr",
            "Mrs",
            "Sen",
            "GOV",
            "U.S",
            "u.s",
            "Calif",
            "CORP",
            "e.G",
            "No",
            "no",
            "n",
            "",
            "abcdefg",
            "ABCDEFGH",
            "abcdefghi",
            "Seven77",
            "seven7",
            "Caf\u{e9}",
            "CAF\u{c9}",
            "caf",
            "\u{c9}",
            "x",
        ] {
            let want = abbr.lists.get(&word.to_lowercase()).copied().unwrap_or(0);
            assert_eq!(abbr.lists_of(word, &mut scratch), want, "{word}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(!(c.is_alphanumeric() || c == '_'), "{c:?}");
        }
    }
}

//! Compiled word lists: every word a rule file mentions gets an id, with flags for the
//! classes it belongs to; multi-word entries become phrase sets matched on token ids.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::text::tokens::{NO_WORD, Token, WordId, flag, normalise};

/// Word classes a word can belong to (several at once).
pub mod wf {
    pub const DET: u32 = 1;
    pub const PRON: u32 = 1 << 1;
    pub const PREP: u32 = 1 << 2;
    pub const CONJ: u32 = 1 << 3;
    pub const COMP: u32 = 1 << 4;
    pub const REL: u32 = 1 << 5;
    pub const AUX: u32 = 1 << 6;
    pub const VERB: u32 = 1 << 7;
    pub const TIME: u32 = 1 << 8;
    pub const HONORIFIC: u32 = 1 << 9;
    pub const STOP: u32 = 1 << 10;
    pub const NEGATION: u32 = 1 << 11;
    pub const ANONYMOUS: u32 = 1 << 12;
    pub const FEMALE: u32 = 1 << 13;
    pub const MALE: u32 = 1 << 14;
    pub const REFERENCE: u32 = 1 << 15;
    pub const VERB_GROUP: u32 = 1 << 16;
    pub const LIGHT_VERB: u32 = 1 << 17;
    /// Any inflected form of a cue verb.
    pub const CUE_VERB: u32 = 1 << 18;
    /// A noun naming a statement ("announcement", "denial").
    pub const CUE_NOUN: u32 = 1 << 19;
    pub const ROLE: u32 = 1 << 20;
    /// The first word of some cue verb, cue phrase, raising verb or light verb (lets the
    /// extractor pass over other words with one test).
    pub const CUE_START: u32 = 1 << 21;
    /// A sentence adverb ("meanwhile", "however").
    pub const ADVERB: u32 = 1 << 22;
    /// A title abbreviation ("Mr", "Dr", "Sen").
    pub const TITLE_WORD: u32 = 1 << 23;
    /// A lowercase particle inside a name ("de", "van", "bin").
    pub const NAME_PARTICLE: u32 = 1 << 24;
    /// A cue verb form that is mostly a noun ("states", "attacks", "tweet").
    pub const NOUN_LIKE: u32 = 1 << 25;
    /// A verb whose object is the subject of an infinitive after it ("urged Congress to
    /// act", "allows him to say").
    pub const OBJECT_CONTROL: u32 = 1 << 26;
    /// An irregular past form of a cue verb ("seen", "told"): after a form of "be"
    /// it makes the cue passive.
    pub const PARTICIPLE: u32 = 1 << 27;
    /// A modifier listed in `english.yaml` ("own", "new").
    pub const ADJECTIVE: u32 = 1 << 28;
    /// A word a quantifier or a quantity hedge can open with ("many", "nearly", "at"):
    /// flagged from the extractor's lists when the pack is compiled, so that other
    /// words are passed over with one test.
    pub const QUANTITY: u32 = 1 << 29;
    /// The first word of some `stance.yaml` phrase (lets a scan skip other words).
    pub const STANCE_START: u32 = 1 << 30;
    /// The first word of some `noun_objects` entry ("criticism" of "criticism of").
    pub const NOUN_OBJECT: u32 = 1 << 31;
}

#[derive(Debug, Default, Clone)]
pub struct Vocab {
    /// Keyed by the word's bytes, so that a token lowercased into a byte buffer is
    /// looked up as it is.
    ids: FxHashMap<Box<[u8]>, WordId>,
    /// The ids of words of at most 7 bytes (most of them) again, keyed by the word
    /// packed into an integer: every token is looked up, and an integer key needs
    /// neither string hashing nor a string comparison.
    short: IdTable<u64>,
    /// The ids of words of 8 to 15 bytes (most of the rest) again, keyed the same way
    /// by two integers: long enough for "president" or "government".
    medium: IdTable<u128>,
    /// The id of every one-byte token, by its byte (empty until a one-byte word is
    /// interned): punctuation and "a" are a fair share of all tokens, and an index
    /// needs no hashing at all.
    single: Vec<WordId>,
    words: Vec<Box<str>>,
    flags: Vec<u32>,
}

/// A word of at most 7 bytes packed with its length into one integer (distinct for
/// distinct words); `None` for longer words.
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = [0u8; 8];
    key[..b.len()].copy_from_slice(b);
    key[7] = b.len() as u8;
    Some(u64::from_le_bytes(key))
}

/// A word of 8 to 15 bytes packed with its length into one integer (distinct for
/// distinct words): its first eight bytes, then the rest as `short_key` packs a word.
/// `None` for other lengths.
fn medium_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if !(8..=15).contains(&b.len()) {
        return None;
    }
    Some(pack_medium(load(&b[..8]), load(&b[8..]), b.len()))
}

/// The key of a word of `len` (8 to 15) bytes whose first eight and remaining bytes
/// are packed in `head` and `tail`.
fn pack_medium(head: u64, tail: u64, len: usize) -> u128 {
    u128::from(head) | u128::from(tail | (len as u64) << 56) << 64
}

/// An integer key that `IdTable` can place by multiplying it.
trait IntKey: Copy + Eq + Default {
    /// 64 well-mixed bits.
    fn mix(self) -> u64;
}

impl IntKey for u64 {
    fn mix(self) -> u64 {
        self.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl IntKey for u128 {
    fn mix(self) -> u64 {
        ((self as u64) ^ (self >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Word ids keyed by packed words: an open-addressing table with linear probing, at
/// most half full. Every token is looked up in it, and a probe here (one multiply,
/// one compare, seldom a second slot) costs far less than a general hash map's.
#[derive(Debug, Clone, Default)]
struct IdTable<K> {
    /// `(key, id)`; `NO_WORD` marks an empty slot. A power of two long (or empty).
    slots: Vec<(K, WordId)>,
    len: usize,
}

impl<K: IntKey> IdTable<K> {
    fn slot(&self, key: K) -> usize {
        // The high bits of the product are the well-mixed ones.
        let bits = self.slots.len().trailing_zeros();
        (key.mix() >> (64 - bits)) as usize
    }

    fn get(&self, key: K) -> WordId {
        if self.slots.is_empty() {
            return NO_WORD;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, id) = self.slots[i];
            if id == NO_WORD || k == key {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets `key`'s id (a key already there keeps its slot).
    fn insert(&mut self, key: K, id: WordId) {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(K::default(), NO_WORD); (old.len() * 2).max(64)];
            self.len = 0;
            for (k, v) in old {
                if v != NO_WORD {
                    self.insert(k, v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].1 != NO_WORD && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].1 == NO_WORD {
            self.len += 1;
        }
        self.slots[i] = (key, id);
    }
}

/// The longest token `Vocab::get_token` lowercases on the stack.
const STACK_WORD: usize = 32;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Are the eight bytes packed in `x` ASCII, with no backquote (which `normalise`
/// straightens)? The usual zero-byte test finds a backquote: `x ^ '`'` has a zero byte
/// exactly where `x` has one.
fn plain_ascii(x: u64) -> bool {
    let q = x ^ (ONES * u64::from(b'`'));
    x & HIGH == 0 && q.wrapping_sub(ONES) & !q & HIGH == 0
}

/// `x`'s eight ASCII bytes lowercased at once: adding 0x3F (or 0x25) to a byte below
/// 0x80 sets its high bit exactly when it is at least 'A' (or past 'Z'), without a
/// carry into the next byte; 0x20 more makes an upper case letter lower case.
fn ascii_lower(x: u64) -> u64 {
    let from_a = x + ONES * 0x3F;
    let past_z = x + ONES * 0x25;
    x | (from_a & !past_z & HIGH) >> 2
}

/// Up to eight bytes packed into an integer, the first lowest and zeros after them,
/// in at most three loads and no loop (most words are short): bytes that two loads
/// both cover land in the same place.
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    let four = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[i..i + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    match n {
        8.. => {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[..8]);
            u64::from_le_bytes(w)
        }
        4..=7 => four(0) | four(n - 4) << (8 * (n - 4)),
        1..=3 => {
            let byte = |i: usize| u64::from(b[i]) << (8 * i);
            byte(0) | byte(n / 2) | byte(n - 1)
        }
        0 => 0,
    }
}

/// `normalise` drops an abbreviation's final period.
fn without_final_period(b: &[u8]) -> &[u8] {
    match b {
        [rest @ .., b'.'] if !rest.is_empty() => rest,
        _ => b,
    }
}

/// A token's `normalise`d form when the token is ASCII with no backquote (nearly every
/// token), lowercased into `low` eight bytes at a time; `None` for other tokens.
fn ascii_normal<'a>(text: &str, low: &'a mut [u8; STACK_WORD]) -> Option<&'a [u8]> {
    let b = without_final_period(text.as_bytes());
    if b.len() > STACK_WORD {
        return None;
    }
    for (chunk, out) in b.chunks(8).zip(low.chunks_exact_mut(8)) {
        let x = load(chunk);
        if !plain_ascii(x) {
            return None;
        }
        out.copy_from_slice(&ascii_lower(x).to_le_bytes());
    }
    Some(&low[..b.len()])
}

impl Vocab {
    pub fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word.as_bytes()) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.ids.insert(word.as_bytes().into(), id);
        if let Some(key) = short_key(word) {
            self.short.insert(key, id);
        }
        if let Some(key) = medium_key(word) {
            self.medium.insert(key, id);
        }
        self.words.push(word.into());
        self.flags.push(0);
        // Only a one-byte word is the normal form of a one-byte token: the table
        // changes with those alone, and is worked out by the general lookup.
        if word.len() == 1 {
            let mut buf = String::new();
            self.single = (0..128u8)
                .map(|b| self.get_other_token(char::from(b).encode_utf8(&mut [0; 1]), &mut buf))
                .collect();
        }
        id
    }

    pub fn get(&self, word: &str) -> WordId {
        let id = match short_key(word) {
            Some(key) => return self.short.get(key),
            None => self.ids.get(word.as_bytes()),
        };
        id.copied().unwrap_or(NO_WORD)
    }

    /// The id of a token's text as written: `get(normalise(text))`, with `buf` as
    /// scratch space for the rare tokens that are not plain ASCII.
    #[inline]
    pub fn get_token(&self, text: &str, buf: &mut String) -> WordId {
        self.get_token_at(text, 0..text.len(), buf)
    }

    /// `get_token` of `text[range]` (a range on character boundaries), which the
    /// common case reads as bytes: no character boundary to check at either end.
    #[inline]
    pub fn get_token_at(&self, text: &str, range: Range<usize>, buf: &mut String) -> WordId {
        let bytes = &text.as_bytes()[range.clone()];
        if let &[b] = bytes
            && let Some(&id) = self.single.get(usize::from(b))
        {
            return id;
        }
        // Most tokens are short and plain ASCII: their lowercase form packed into an
        // integer (as `short_key` packs it) is the key, with no buffer or loop.
        let word = without_final_period(bytes);
        if word.len() <= 7 {
            let x = load(word);
            if plain_ascii(x) {
                let key = ascii_lower(x) | (word.len() as u64) << 56;
                return self.short.get(key);
            }
        } else if word.len() <= 15 {
            let (head, tail) = (load(&word[..8]), load(&word[8..]));
            if plain_ascii(head) && plain_ascii(tail) {
                let key = pack_medium(ascii_lower(head), ascii_lower(tail), word.len());
                return self.medium.get(key);
            }
        }
        self.get_other_token(&text[range], buf)
    }

    /// `get_token` for long tokens and tokens that are not plain ASCII (kept out of
    /// line, so the common case stays small).
    #[inline(never)]
    fn get_other_token(&self, text: &str, buf: &mut String) -> WordId {
        let mut low = [0u8; STACK_WORD];
        match ascii_normal(text, &mut low) {
            Some(word) => self.ids.get(word).copied().unwrap_or(NO_WORD),
            None => {
                normalise(text, buf);
                self.get(buf)
            }
        }
    }

    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    #[inline]
    pub fn flags(&self, id: WordId) -> u32 {
        if id == NO_WORD {
            0
        } else {
            self.flags[id as usize]
        }
    }

    pub fn add_flag(&mut self, id: WordId, f: u32) {
        if let Some(slot) = self.flags.get_mut(id as usize) {
            *slot |= f;
        }
    }

    pub fn has(&self, id: WordId, f: u32) -> bool {
        self.flags(id) & f != 0
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A phrase (its word ids) and its payload.
type Entry<T> = (Box<[WordId]>, T);

/// A set of word sequences with a payload each, matched on token word ids.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    by_first: FxHashMap<WordId, Vec<Entry<T>>>,
    /// Bit per word id: does some phrase start with it? Most tokens start none, and a
    /// bit test is cheaper than a hash lookup (the extractor asks at every token).
    firsts: Vec<u64>,
    longest: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            by_first: FxHashMap::default(),
            firsts: Vec::new(),
            longest: 0,
        }
    }
}

impl<T> PhraseSet<T> {
    pub fn insert(&mut self, words: Vec<WordId>, payload: T) {
        let Some((&first, _)) = words.split_first() else {
            return;
        };
        self.longest = self.longest.max(words.len());
        // A phrase starting with NO_WORD never matches (such tokens are skipped).
        if first != NO_WORD {
            let (slot, bit) = (first as usize / 64, first % 64);
            if self.firsts.len() <= slot {
                self.firsts.resize(slot + 1, 0);
            }
            self.firsts[slot] |= 1 << bit;
        }
        let list = self.by_first.entry(first).or_default();
        list.push((words.into_boxed_slice(), payload));
        // Longest first, so the first match is the longest.
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    pub fn starts_with(&self, word: WordId) -> bool {
        self.by_first.contains_key(&word)
    }

    /// The words some phrase starts with.
    pub fn first_words(&self) -> impl Iterator<Item = WordId> + '_ {
        self.by_first.keys().copied()
    }

    /// Does some phrase start with `word`? (The quick test `at` starts with.)
    #[inline]
    pub fn may_start(&self, word: WordId) -> bool {
        self.firsts
            .get(word as usize / 64)
            .is_some_and(|slot| slot & (1 << (word % 64)) != 0)
    }

    /// The longest phrase starting at token `i` and ending before `end`: (length, payload).
    #[inline]
    pub fn at(&self, tokens: &[Token], i: usize, end: usize) -> Option<(usize, &T)> {
        let word = tokens.get(i)?.word;
        // A word no lexicon knows (NO_WORD is past every slot), or that starts no
        // phrase here, needs no lookup.
        let slot = self.firsts.get(word as usize / 64)?;
        if slot & (1 << (word % 64)) == 0 {
            return None;
        }
        self.longest_from(tokens, i, end, word)
    }

    /// `at` for a token whose word starts some phrase; out of line, so that the quick
    /// test above is all that callers inline.
    #[inline(never)]
    fn longest_from(
        &self,
        tokens: &[Token],
        i: usize,
        end: usize,
        word: WordId,
    ) -> Option<(usize, &T)> {
        let list = self.by_first.get(&word)?;
        list.iter().find_map(|(words, payload)| {
            let n = words.len();
            if i + n > end {
                return None;
            }
            let ok = words
                .iter()
                .zip(&tokens[i..i + n])
                .all(|(w, t)| *w == t.word)
                && tokens[i + 1..i + n]
                    .iter()
                    .all(|t| !t.is(flag::MARKUP_BEFORE));
            ok.then_some((n, payload))
        })
    }

    /// The longest phrase ending just before token `end` and starting at or after `start`.
    pub fn ending_at(&self, tokens: &[Token], start: usize, end: usize) -> Option<(usize, &T)> {
        let mut best: Option<(usize, &T)> = None;
        for n in 1..=self.longest.min(end.saturating_sub(start)) {
            if let Some((len, payload)) = self.at(tokens, end - n, end)
                && len == n
                && best.is_none_or(|(b, _)| n > b)
            {
                best = Some((n, payload));
            }
        }
        best
    }

    /// Every match in `tokens[start..end]`, left to right, without overlaps.
    /// The first match in `tokens[start..end]` (the longest at its position).
    pub fn first(&self, tokens: &[Token], start: usize, end: usize) -> Option<(usize, usize, &T)> {
        (start..end).find_map(|i| self.at(tokens, i, end).map(|(n, p)| (i, n, p)))
    }

    pub fn find_all(&self, tokens: &[Token], start: usize, end: usize) -> Vec<(usize, usize, &T)> {
        let mut out = Vec::new();
        let mut i = start;
        while i < end {
            if let Some((n, p)) = self.at(tokens, i, end) {
                out.push((i, n, p));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_table_finds_what_was_put_in_it() {
        let mut t: IdTable<u64> = IdTable::default();
        let mut m: IdTable<u128> = IdTable::default();
        assert_eq!(t.get(7), NO_WORD);
        // Keys alike in their low bits, so that they collide and probe.
        for k in 0..5000u64 {
            t.insert(k << 40, k as WordId);
            m.insert(u128::from(k) << 64 | 3, k as WordId);
        }
        t.insert(0, 42);
        for k in 1..5000u64 {
            assert_eq!(t.get(k << 40), k as WordId);
            assert_eq!(m.get(u128::from(k) << 64 | 3), k as WordId);
        }
        assert_eq!(t.get(0), 42);
        assert_eq!(t.get(5000 << 40), NO_WORD);
        assert_eq!(m.get(3 << 64), NO_WORD);
    }

    #[test]
    fn eight_bytes_at_once_as_one_at_a_time() {
        // Every byte value at every place, among letters, digits and marks.
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = *b"aZ0`@[{.";
                bytes[k] = b;
                let x = u64::from_le_bytes(bytes);
                let plain = bytes.iter().all(|&c| c.is_ascii() && c != b'`');
                assert_eq!(plain_ascii(x), plain, "{bytes:?}");
                let mut tick_free = bytes;
                tick_free[3] = b'x';
                let y = u64::from_le_bytes(tick_free);
                if plain_ascii(y) {
                    let want = tick_free.map(|c| c.to_ascii_lowercase());
                    assert_eq!(ascii_lower(y).to_le_bytes(), want, "{tick_free:?}");
                }
            }
        }
        for n in 0..=8 {
            let b = &b"abcdefgh"[..n];
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(b);
            assert_eq!(load(b), u64::from_le_bytes(want));
        }
    }

    #[test]
    fn a_token_is_looked_up_by_its_normalised_form() {
        let mut vocab = Vocab::default();
        for w in [
            "said",
            "u.s",
            "mr",
            "n't",
            "'s",
            "...",
            "..",
            ".",
            "statement",
            "café",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "administration",
            "fifteen-letters",
            "sixteenbyteswords",
            "abcdefgh's",
            "abcdefgh\u{e9}",
            "counterintelligence-officers",
            "it's",
            "don't",
        ] {
            vocab.intern(w);
        }
        let mut buf = String::new();
        for t in [
            "said",
            "SAID",
            "Said.",
            "U.S.",
            "U.S",
            "Mr.",
            "n't",
            "n\u{2019}t",
            "`s",
            "'S",
            "...",
            "..",
            ".",
            "Statement",
            "STATEMENT.",
            "Café",
            "CAFÉ",
            "sai",
            "saids",
            "A",
            "aB",
            "ABC",
            "AbcD",
            "abcdefG",
            "abcdefG.",
            "ABCDEFGH",
            "abcdefghI",
            "abcdefghi.",
            "Administration",
            "FIFTEEN-LETTERS",
            "Fifteen-Letters.",
            "fifteen-letter",
            "SixteenBytesWords",
            "ABCDEFGH`s",
            "Abcdefgh'S.",
            "ABCDEFGH\u{c9}",
            "abcdefgh\u{e9}",
            "COUNTERINTELLIGENCE-OFFICERS",
            "counterintelligence-officers-x",
            "a-much-longer-token-than-thirty-two-bytes",
            "it`s",
            "IT\u{2019}S",
            "don't",
            "Don\u{2019}t",
            "abc\u{e9}",
            "@[`{",
        ] {
            normalise(t, &mut buf);
            let want = vocab.get(&buf);
            assert_eq!(vocab.get_token(t, &mut String::new()), want, "{t}");
            // The same token inside a longer text, by its byte range.
            let text = format!("\u{e9}{t}\u{201D}");
            let range = 2..2 + t.len();
            assert_eq!(vocab.get_token_at(&text, range, &mut buf), want, "{t}");
        }
    }
}

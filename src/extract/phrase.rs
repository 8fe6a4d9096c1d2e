//! Noun-phrase edges without a tagger: word classes from `english.yaml`, capitals,
//! and a few shapes of English (appositives, of-phrases, relative clauses).

use super::quotes::Quotes;
use crate::pack::{Pack, wf};
use crate::text::Parsed;
use crate::text::tokens::{Kind, flag};

/// What a token can be, as far as phrase edges go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Det,
    /// A subject or object pronoun ("he", "they", "him").
    Pron,
    Prep,
    Conj,
    /// "that", "who", "which": may open a clause inside a noun phrase.
    Rel,
    /// A verb or auxiliary that is never part of a name.
    Verb,
    Time,
    Neg,
    Adverb,
    /// Possessive clitic "'s".
    Poss,
    Name,
    Noun,
    Num,
    Comma,
    Quote,
    /// Other punctuation: ends any phrase.
    Stop,
}

/// Words that may stand between a preposition and its noun phrase ("one of only a
/// handful of members").
const FOCUS_WORDS: &[&str] = &["only", "just", "nearly"];

/// Determiners and numbers that can be a subject ("many", "two").
const QUANTIFIERS: &[&str] = &[
    "many", "some", "most", "several", "few", "both", "all", "another", "one", "each", "neither",
    "either", "half", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "none",
];

/// One word that hedges a quantity after it ("nearly 10 percent").
const HEDGE_WORDS: &[&str] = &[
    "nearly",
    "almost",
    "roughly",
    "about",
    "approximately",
    "only",
    "just",
    "fully",
];

/// Nouns of a share that "a" makes a quantity ("nearly a third of voters").
const FRACTIONS: &[&str] = &["third", "quarter", "fifth", "dozen", "handful", "majority"];

/// Every word `quantifier` and `quantity_hedge` can find at their token: the pack
/// flags them `wf::QUANTITY`, and both pass over tokens without it.
pub(crate) const QUANTITY_WORDS: &[&[&str]] = &[
    QUANTIFIERS,
    &["others"],
    HEDGE_WORDS,
    &["as", "more", "less", "fewer", "at"],
];

/// Nouns that head a relative clause written without "that" ("something Republicans
/// wanted", "the reason President Obama is seeking"): the subject is the clause's own.
const RELATIVE_HEADS: &[&str] = &[
    "something",
    "everything",
    "anything",
    "nothing",
    "thing",
    "things",
    "reason",
    "reasons",
    "kind",
    "way",
    "time",
    "point",
];

/// Words that date the role an appositive names ("then ambassador to Israel").
const DATING_WORDS: &[&str] = &["then", "now", "formerly", "later"];

/// Words that open a subordinate clause.
pub const SUBORDINATORS: &[&str] = &[
    "when", "whenever", "after", "although", "though", "while", "because", "since", "before",
    "once", "unless", "whereas", "if", "until",
];

pub struct Ctx<'a> {
    pub p: &'a Parsed,
    pub pack: &'a Pack,
    pub quotes: Quotes,
    /// Per sentence: written in title case, so capitals do not mark names (worked
    /// out when first asked, as categories are: `None` until then).
    title_case: Vec<std::cell::Cell<Option<bool>>>,
    /// Per sentence: its first token that is no quote mark or opening parenthesis (its
    /// end if none is); a token at or before it opens the sentence.
    opener_end: Vec<u32>,
    /// Per sentence: its first colon (`u32::MAX` if it has none). Most sentences have
    /// none, and the colon frames look for one in every sentence.
    first_colon: Vec<u32>,
    /// Per sentence: its first token whose word starts a `received` phrase ("support
    /// from"), `u32::MAX` if none does (nearly every sentence).
    first_received: Vec<u32>,
    /// The word id of "in" (`NO_WORD` if no lexicon knows it), which `in_source_after`
    /// looks for at the end of every sentence with no other speech.
    in_word: crate::text::tokens::WordId,
    /// Per token: its sentence (`u32::MAX` outside any) and its category, worked out
    /// once: both are asked for at every step of every pattern. A category is worked
    /// out the first time it is asked for (`None` until then): the patterns look at
    /// the tokens around cues, far from all of them.
    sent_of: Vec<u32>,
    cats: Vec<std::cell::Cell<Option<Cat>>>,
    /// Per token: part of a `compound_nouns` entry ("think tank"); empty when none is.
    in_compound: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(p: &'a Parsed, pack: &'a Pack) -> Self {
        let title_case = vec![std::cell::Cell::new(None); p.sentences.len()];
        let opener_end = p
            .sentences
            .iter()
            .map(|s| {
                s.tokens
                    .clone()
                    .find(|&k| !(p.tokens[k].is_quote() || p.tokens[k].kind == Kind::OpenParen))
                    .unwrap_or(s.tokens.end) as u32
            })
            .collect();
        let mut sent_of = vec![u32::MAX; p.tokens.len()];
        let mut first_colon = vec![u32::MAX; p.sentences.len()];
        let mut first_received = vec![u32::MAX; p.sentences.len()];
        for (si, s) in p.sentences.iter().enumerate() {
            for slot in &mut sent_of[s.tokens.clone()] {
                *slot = si as u32;
            }
            if let Some(k) = s.tokens.clone().find(|&k| p.tokens[k].kind == Kind::Colon) {
                first_colon[si] = k as u32;
            }
            let received = &pack.cues.received;
            if let Some(k) = s
                .tokens
                .clone()
                .find(|&k| received.may_start(p.tokens[k].word))
            {
                first_received[si] = k as u32;
            }
        }
        let mut cx = Ctx {
            p,
            pack,
            quotes: Quotes::find(p),
            title_case,
            opener_end,
            first_colon,
            first_received,
            in_word: pack.vocab.get("in"),
            sent_of,
            cats: vec![std::cell::Cell::new(None); p.tokens.len()],
            in_compound: Vec::new(),
        };
        for i in 0..p.tokens.len() {
            if let Some((n, _)) = pack.compound_nouns.at(&p.tokens, i, p.tokens.len()) {
                cx.in_compound.resize(p.tokens.len(), false);
                cx.in_compound[i..i + n].fill(true);
            }
        }
        cx
    }

    /// The first colon of sentence `si`, if it has one.
    pub fn first_colon(&self, si: usize) -> Option<usize> {
        match self.first_colon[si] {
            u32::MAX => None,
            k => Some(k as usize),
        }
    }

    /// The first token of sentence `si` whose word starts a `received` phrase.
    pub fn first_received(&self, si: usize) -> Option<usize> {
        match self.first_received[si] {
            u32::MAX => None,
            k => Some(k as usize),
        }
    }

    /// `lower_is(i, &["in"])`, by word id when "in" has one: a token with its id is
    /// "in" in some case, or "in" and a period, which its length tells apart.
    pub fn is_in(&self, i: usize) -> bool {
        if self.in_word == crate::text::tokens::NO_WORD {
            return self.lower_is(i, &["in"]);
        }
        self.p
            .tokens
            .get(i)
            .is_some_and(|t| t.word == self.in_word && t.span.len() == 2)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        match self.sent_of.get(i) {
            Some(&s) if s != u32::MAX => Some(s as usize),
            _ => None,
        }
    }

    pub fn title_case(&self, i: usize) -> bool {
        self.sentence_of(i).is_some_and(|s| {
            let slot = &self.title_case[s];
            slot.get().unwrap_or_else(|| {
                // Long words, and how many of them are capitalised: counted, not collected.
                // (In characters, not bytes, and no clitic: "Smith’s" is one word.)
                // (The tokenizer flags such words: one pass with no branch.)
                let (mut long, mut caps) = (0, 0);
                for t in &self.p.tokens[self.p.sentences[s].tokens.clone()] {
                    let f = t.flags & (flag::LONG_WORD | flag::CAP);
                    long += usize::from(f & flag::LONG_WORD != 0);
                    caps += usize::from(f == flag::LONG_WORD | flag::CAP);
                }
                let title = long >= 3 && caps * 10 >= long * 8;
                slot.set(Some(title));
                title
            })
        })
    }

    #[inline]
    pub fn flags(&self, i: usize) -> u32 {
        self.pack.vocab.flags(self.p.tokens[i].word)
    }

    /// A lowercase modifier: listed in `english.yaml` or with one of its endings.
    pub fn adjective(&self, i: usize) -> bool {
        let t = &self.p.tokens[i];
        t.is_word()
            && !t.is_cap()
            && (self.has(i, wf::ADJECTIVE) || {
                let w = self.text(i);
                self.pack
                    .adjective_endings
                    .iter()
                    .any(|e| w.len() > e.len() + 2 && w.ends_with(&**e))
            })
    }

    #[inline]
    pub fn has(&self, i: usize, f: u32) -> bool {
        i < self.p.tokens.len() && self.flags(i) & f != 0
    }

    #[inline]
    pub fn text(&self, i: usize) -> &str {
        self.p.token_text(i)
    }

    #[inline]
    pub fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        if i >= self.p.tokens.len() {
            return false;
        }
        // The token's text once, not once per word compared.
        let t = self.text(i);
        words.iter().any(|w| t.eq_ignore_ascii_case(w))
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Kind {
        self.p.tokens[i].kind
    }

    pub fn is_subject_pronoun(&self, i: usize) -> bool {
        self.has(i, wf::PRON) && self.lower_is(i, &["he", "she", "they", "we", "i", "it", "you"])
    }

    fn is_adverb(&self, i: usize) -> bool {
        let t = &self.p.tokens[i];
        if !t.is_word() || t.is_cap() && i > 0 && !self.sentence_initial(i) && !self.title_case(i) {
            return false;
        }
        let s = self.text(i);
        self.has(i, wf::ADVERB)
            || self.has(i, wf::VERB_GROUP) && !self.has(i, wf::AUX)
            || (s.len() >= 5
                && s.ends_with("ly")
                && self.flags(i) & (wf::DET | wf::PREP | wf::ROLE | wf::ANONYMOUS) == 0
                && !t.is_cap()
                // "his family,", "a rally in", "the party's ally": after a determiner
                // or a possessive, and before no word it could modify, a word in -ly
                // is a noun ("a politically charged visit" keeps its adverb).
                && !(i > 0
                    && (self.has(i - 1, wf::DET) || self.p.tokens[i - 1].is(flag::CLITIC))
                    && self.p.tokens.get(i + 1).is_none_or(|n| {
                        !n.is_word()
                            || self.flags(i + 1)
                                & (wf::PREP | wf::CONJ | wf::AUX | wf::REL)
                                != 0
                    })))
    }

    /// Does token `i` open its sentence, after nothing but quote marks and opening
    /// parentheses?
    pub fn sentence_initial(&self, i: usize) -> bool {
        self.sentence_of(i)
            .is_some_and(|s| i <= self.opener_end[s] as usize)
    }

    /// The first token from `from` (before `end`) whose kind is in `stops`, else `end`.
    pub fn next_kind(&self, from: usize, end: usize, stops: impl Fn(Kind) -> bool) -> usize {
        (from..end)
            .find(|&k| stops(self.kind(k)))
            .unwrap_or(end.max(from))
    }

    #[inline]
    pub fn cat(&self, i: usize) -> Cat {
        match self.cats[i].get() {
            Some(c) => c,
            None => self.first_cat(i),
        }
    }

    /// `cat` the first time token `i` is asked about (out of line: the cached answer
    /// is the common case).
    #[inline(never)]
    fn first_cat(&self, i: usize) -> Cat {
        let c = self.compute_cat(i);
        self.cats[i].set(Some(c));
        c
    }

    /// Reads no other token's category, so that it can be worked out on demand.
    #[inline(always)]
    fn compute_cat(&self, i: usize) -> Cat {
        let t = &self.p.tokens[i];
        match t.kind {
            Kind::Comma => return Cat::Comma,
            Kind::Quote(_) => return Cat::Quote,
            Kind::Number => return Cat::Num,
            Kind::Hyphen => return Cat::Noun,
            Kind::Word => {}
            // "AT&T", "a New York Times/CBS News survey"
            Kind::Other if matches!(self.text(i), "&" | "/") => return Cat::Conj,
            // "47% say": a percent sign is the noun of its number.
            Kind::Other if self.text(i) == "%" => return Cat::Noun,
            _ => return Cat::Stop,
        }
        if t.is(flag::CLITIC) {
            return if self.lower_is(i, &["'s", "\u{2019}s", "'", "\u{2019}"]) {
                Cat::Poss
            } else {
                Cat::Verb
            };
        }
        // "Edwin M. Truman", "William D. Burns": an initial is part of a name, whatever
        // word the letter spells ("m", "d" are clitics too).
        if t.is(flag::INITIAL) {
            return Cat::Name;
        }
        // "a self-described socialist", "the front-runner": the second part of a
        // compound word is no verb or adverb.
        if self.compound_part(i) {
            return if t.is_cap() { Cat::Name } else { Cat::Noun };
        }
        let f = self.flags(i);
        // "then-Senate Majority Leader", "an in-house lawyer", "one kind-hearted
        // Canadian": the first part of a compound modifies what follows, whatever the
        // word is alone (a time word, an adverb, a preposition).
        if self.compound_first(i) && !t.is_cap() && f & (wf::DET | wf::PRON | wf::NEGATION) == 0 {
            return Cat::Noun;
        }
        let cap = t.is_cap() && !self.title_case(i);
        // Only a capital's place in its sentence matters (the test is not free).
        let initial = cap && self.sentence_initial(i);
        // Capitalised words mid-sentence are names, whatever else they could be
        // ("White House", "Will Smith"), except honorifics and months.
        if cap
            && !initial
            && f & (wf::DET | wf::PREP | wf::CONJ | wf::PRON | wf::AUX | wf::REL) == 0
        {
            return Cat::Name;
        }
        // "said Will Doyle": a capitalised auxiliary before another capital is a name.
        if cap
            && !initial
            && f & wf::AUX != 0
            && self
                .p
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.is_cap())
        {
            return Cat::Name;
        }
        if f & wf::NEGATION != 0 && f & wf::DET == 0 {
            return Cat::Neg;
        }
        if f & wf::DET != 0 {
            return Cat::Det;
        }
        if f & wf::PRON != 0 {
            // "US Senator Jeff Sessions": the country, unless the words around shout.
            let shouting = |j: usize| {
                self.p
                    .tokens
                    .get(j)
                    .is_some_and(|n| n.is_word() && n.is(flag::ALL_CAPS) && n.span.len() > 1)
            };
            if self.text(i) == "US" && !shouting(i + 1) && !(i > 0 && shouting(i - 1)) {
                return Cat::Name;
            }
            return Cat::Pron;
        }
        if f & wf::REL != 0 {
            return Cat::Rel;
        }
        if f & wf::PREP != 0 {
            // "outside experts", "an inside source": a preposition listed as an
            // adjective modifies a lowercase noun right after it.
            let modifies = f & wf::ADJECTIVE != 0
                && self.p.tokens.get(i + 1).is_some_and(|n| {
                    n.is_word()
                        && !n.is_cap()
                        && self.flags(i + 1)
                            & (wf::DET
                                | wf::PRON
                                | wf::PREP
                                | wf::CONJ
                                | wf::AUX
                                | wf::REL
                                | wf::COMP)
                            == 0
                });
            return if modifies { Cat::Noun } else { Cat::Prep };
        }
        if f & (wf::CONJ | wf::COMP) != 0 {
            return Cat::Conj;
        }
        if f & (wf::AUX | wf::VERB | wf::CUE_VERB | wf::LIGHT_VERB) != 0
            && f & (wf::ROLE | wf::ANONYMOUS | wf::CUE_NOUN | wf::NOUN_LIKE) == 0
        {
            return Cat::Verb;
        }
        if f & wf::TIME != 0 {
            return Cat::Time;
        }
        // Most nouns are no adverb by their flags and ending alone, with no call to
        // `is_adverb` (which needs one of them).
        let maybe_adverb = f & (wf::ADVERB | wf::VERB_GROUP) != 0
            || t.span.len() >= 5
                && self.p.text().as_bytes()[..t.span.end as usize].ends_with(b"ly");
        if maybe_adverb && self.is_adverb(i) {
            return Cat::Adverb;
        }
        if cap {
            return Cat::Name;
        }
        Cat::Noun
    }

    /// Can a noun phrase start at token `i`?
    fn np_starter(&self, i: usize) -> bool {
        match self.cat(i) {
            Cat::Det | Cat::Name | Cat::Noun | Cat::Num => true,
            // "Mr", "President": honorifics are often sentence-initial capitals.
            _ => self.has(i, wf::HONORIFIC),
        }
    }

    /// Can `np_valid(s, _)` hold at all? It takes no phrase that opens with anything
    /// else: a noun-phrase starter, a pronoun, a quantity word, or a word one of its
    /// opening cases names. A quick test that passes over most other starts.
    pub(super) fn np_may_start(&self, s: usize) -> bool {
        self.np_starter(s)
            || self.has(s, wf::PRON | wf::QUANTITY)
            || self.lower_is(
                s,
                &[
                    "early", "late", "the", "these", "those", "all", "no", "none", "not", "neither",
                ],
            )
    }

    fn nounish(&self, c: Cat) -> bool {
        matches!(c, Cat::Name | Cat::Noun | Cat::Num)
    }

    /// "4 in 10", "six in 10 voters": a ratio at `s` stands for its noun.
    #[inline]
    pub(super) fn ratio(&self, s: usize, e: usize) -> bool {
        e >= s + 3
            && (self.kind(s) == Kind::Number || self.quantifier(s))
            && self.lower_is(s + 1, &["in"])
            && (self.kind(s + 2) == Kind::Number || self.lower_is(s + 2, &["ten"]))
    }

    /// Do tokens `s..e` form a noun phrase that can be a source?
    pub fn np_valid(&self, s: usize, e: usize) -> bool {
        // (No phrase ends in a conjunction: "relatives of the people killed on
        // Thursday and", where a clause inside the phrase would run on to it.)
        if s >= e
            || e - s > 40
            || self.has(e - 1, wf::CONJ) && self.lower_is(e - 1, &["and", "or", "but"])
            // (nor starts inside a hyphenated word: "-hearted Canadian")
            || self.kind(s) == Kind::Hyphen
            || s > 0 && self.kind(s - 1) == Kind::Hyphen
        {
            return false;
        }
        // A lone pronoun, possibly with a reflexive ("he himself").
        if self.is_subject_pronoun(s) {
            return e == s + 1
                || (e == s + 2
                    && self
                        .lower_is(s + 1, &["himself", "herself", "themselves", "too", "alone"]))
                // "he and Mr. Allen said", "she and her aides said"
                || (e > s + 2
                    && self.lower_is(s + 1, &["and"])
                    && self.cat(s + 2) != Cat::Verb
                    && self.np_valid(s + 2, e));
        }
        let hedge = self.quantity_hedge(s, e);
        if hedge > 0 {
            return self.np_valid(s + hedge, e);
        }
        // "No one", "None of the candidates", "Not everyone", "Neither Cruz nor
        // Christie": a denied quantity is a subject too.
        if self.lower_is(s, &["no", "none", "not", "neither"]) && s + 1 < e {
            if self.lower_is(s, &["no"]) && e == s + 2 && self.lower_is(s + 1, &["one"]) {
                return true;
            }
            if self.lower_is(s, &["none"]) {
                return self.np_valid_after_quantifier(s + 1, e);
            }
            if self.lower_is(s, &["not"]) {
                return self.lower_is(s + 1, &["all", "everyone", "everybody", "every", "many"])
                    && self.np_valid(s + 1, e);
            }
            if self.lower_is(s, &["neither"])
                && let Some(nor) = (s + 2..e - 1).find(|&j| self.lower_is(j, &["nor"]))
            {
                return self.np_valid(s + 1, nor) && self.np_valid(nor + 1, e);
            }
        }
        // "early results of exit polls": a time word as an adjective.
        if s + 1 < e && self.lower_is(s, &["early", "late"]) && self.cat(s + 1) == Cat::Noun {
            return self.np_valid(s + 1, e);
        }
        // "The two said", "these three": a determiner and a quantifier with no noun.
        if e == s + 2
            && self.lower_is(s, &["the", "these", "those", "all"])
            && self.quantifier(s + 1)
        {
            return true;
        }
        // "two-thirds of them", "three-fourths of voters": a fraction stands for its noun.
        if e > s + 4
            && self.quantifier(s)
            && self.kind(s + 1) == Kind::Hyphen
            && self.lower_is(
                s + 2,
                &[
                    "third", "thirds", "fourth", "fourths", "quarter", "quarters", "fifths",
                ],
            )
        {
            return self.np_valid_after_quantifier(s + 3, e);
        }
        if e == s + 1 && self.count_subject(s) {
            return true;
        }
        if self.ratio(s, e) {
            return e == s + 3 || self.np_valid(s + 3, e);
        }
        // "Many said", "some of them", "six in 10": a quantifier stands for its noun.
        if self.quantifier(s) && (e == s + 1 || self.cat(s + 1) == Cat::Prep && e > s + 2) {
            return e == s + 1 || self.np_valid_after_quantifier(s + 1, e);
        }
        // "those around him", "those close to the campaign": a demonstrative stands
        // for its noun.
        if e > s + 2 && self.lower_is(s, &["those"]) {
            let p = if self.lower_is(s + 1, &["close"]) {
                s + 2
            } else {
                s + 1
            };
            if self.cat(p) == Cat::Prep && e > p + 1 && !self.lower_is(p, &["of"]) {
                return self.np_valid(p + 1, e)
                    || (e == p + 2 && self.lower_is(p + 1, &["him", "her", "them", "us", "me"]));
            }
        }
        if !self.np_starter(s) {
            return false;
        }
        // "that Moscow", "that the", "that members" (a demonstrative would be "those"):
        // a complementizer, not a determiner.
        let plural = |k: usize| {
            let w = self.text(k);
            self.cat(k) == Cat::Noun && w.ends_with('s') && !w.ends_with("ss")
        };
        // ("that company executives": a demonstrative would be "those")
        if self.has(s, wf::COMP)
            && s + 1 < e
            && (matches!(self.cat(s + 1), Cat::Name | Cat::Det | Cat::Pron | Cat::Num)
                || plural(s + 1)
                || e > s + 2
                    && plural(e - 1)
                    && !self.p.tokens[e - 1].is_cap()
                    && (s + 1..e).all(|k| self.kind(k) == Kind::Word))
        {
            return false;
        }
        let mut seen_noun = false;
        let mut in_clause = false;
        let mut as_noun = false;
        let mut last = Cat::Stop;
        let mut skip_to = s;
        for k in s..e {
            if k < skip_to {
                continue;
            }
            let c = self.cat(k);
            // "Rep. Bobby Scott (D-Va.), ranking member": a short bracketed note after a
            // name belongs to it.
            if !in_clause
                && self.kind(k) == Kind::OpenParen
                && matches!(last, Cat::Name | Cat::Noun)
                && let Some(close) =
                    (k + 1..e.min(k + 10)).find(|&j| self.kind(j) == Kind::CloseParen)
            {
                skip_to = close + 1;
                continue;
            }
            // "the co-author of “Going Viral,”", "author of “America’s Bitter Pill”": a
            // title in quotes is a name.
            if c == Cat::Quote
                && matches!(last, Cat::Prep | Cat::Poss | Cat::Noun | Cat::Comma)
                // (or ends at its comma inside the closing mark: `“Going Viral,” said`)
                && let Some(after) = self
                    .programme_end(k)
                    .filter(|&a| a <= e || a == e + 2 && self.kind(e) == Kind::Comma)
            {
                skip_to = after;
                seen_noun = true;
                last = Cat::Name;
                continue;
            }
            if in_clause {
                if matches!(c, Cat::Quote | Cat::Stop) && self.kind(k) != Kind::Hyphen {
                    return false;
                }
                last = c;
                continue;
            }
            // "Mr. Allen and he said": a pronoun closes a coordinated subject.
            if last == Cat::Name
                && k + 2 == e
                && self.lower_is(k, &["and"])
                && self.is_subject_pronoun(k + 1)
            {
                return true;
            }
            let ok = match c {
                // "a group that has sued": "that" opens a relative clause.
                Cat::Det
                    if seen_noun
                        && self.lower_is(k, &["that"])
                        && k + 1 < e
                        && matches!(self.cat(k + 1), Cat::Verb | Cat::Adverb | Cat::Neg) =>
                {
                    in_clause = true;
                    true
                }
                // "a 26-year-old manager"
                Cat::Time
                    if (k > s && self.kind(k - 1) == Kind::Hyphen)
                        || (k + 1 < e && self.kind(k + 1) == Kind::Hyphen) =>
                {
                    seen_noun = true;
                    true
                }
                // "Republicans such as Bob Ehrlich"
                Cat::Det
                    if seen_noun
                        && self.lower_is(k, &["such"])
                        && k + 2 < e
                        && self.lower_is(k + 1, &["as"]) =>
                {
                    true
                }
                Cat::Det => {
                    matches!(
                        last,
                        Cat::Stop | Cat::Prep | Cat::Conj | Cat::Comma | Cat::Det | Cat::Poss
                    ) || k == s
                        // "other candidates and even a columnist"
                        || last == Cat::Adverb && k >= s + 2 && self.cat(k - 2) == Cat::Conj
                }
                // "conversation Mr Trump": a title after a noun starts a new phrase
                // ("an adviser to Mr. Sanders" goes on).
                Cat::Name
                    if k > s
                        && self.has(k, wf::TITLE_WORD)
                        && matches!(last, Cat::Noun | Cat::Num)
                        // "1st Lt. Tyler Livingston"
                        && !(self.text(k - 1).starts_with(|c: char| c.is_ascii_digit())
                            && ["st", "nd", "rd", "th"].iter().any(|x| self.text(k - 1).ends_with(x)))
                        && !self
                            .lower_is(k - 1, &["former", "then", "acting", "late", "outgoing"])
                        // ("presidential candidate Sen. Graham": a role goes on into
                        // the title of the one who holds it.)
                        && !(self.has(k - 1, wf::ROLE)
                            && self.pack.sources.roles.ending_at(&self.p.tokens, s, k).is_some())
                        // "the younger Mr. Trump": a word between a determiner and a
                        // title is an adjective.
                        && !(k == s + 2
                            && self.cat(s) == Cat::Det
                            && !self.p.tokens[k - 1].is_cap()) =>
                {
                    false
                }
                Cat::Name | Cat::Noun | Cat::Num => {
                    seen_noun = true;
                    true
                }
                Cat::Poss => seen_noun,
                Cat::Prep => {
                    seen_noun
                        && k + 1 < e
                        && (self.np_starter(k + 1)
                            || self.programme_end(k + 1).is_some()
                            // "one of only a handful of members"
                            || (k + 2 < e
                                && self.lower_is(k + 1, FOCUS_WORDS)
                                && self.np_starter(k + 2)))
                }
                // "a former mayor of Nice and currently president of the council"
                Cat::Conj => {
                    seen_noun
                        && k + 1 < e
                        && self.lower_is(k, &["and", "&", "or", "/"])
                        && (self.np_starter(k + 1)
                            || (k + 2 < e
                                && self.cat(k + 1) == Cat::Adverb
                                && self.np_starter(k + 2)))
                }
                Cat::Adverb
                    if k > s
                        && (self.lower_is(k - 1, &["and", "or"]) || last == Cat::Prep)
                        && k + 1 < e
                        && self.np_starter(k + 1) =>
                {
                    true
                }
                Cat::Comma => {
                    seen_noun
                        && k + 1 < e
                        && (self.np_starter(k + 1) || self.cat(k + 1) == Cat::Rel)
                }
                Cat::Rel => {
                    if seen_noun {
                        in_clause = true;
                    }
                    seen_noun
                }
                // "the president himself"
                Cat::Pron if self.lower_is(k, &["himself", "herself", "itself", "themselves"]) => {
                    seen_noun
                }
                // "the people I've spoken with", "voters we interviewed": a clause
                // with no "that" after a common noun, ending the phrase.
                Cat::Pron => {
                    return seen_noun
                        && (last == Cat::Noun && !self.p.tokens[k - 1].is_cap()
                            || k - 1 == s && self.sentence_initial(s))
                        && self.contact_clause(k, e);
                }
                // A participle after a noun opens a reduced relative: "people familiar with".
                // A participle after a noun opens a reduced relative ("people attending
                // the rally", "officials briefed on the talks"); a finite verb does not.
                // "Cruz's thinking", "the ruling": a verb form after a determiner or a
                // possessive is a noun.
                Cat::Verb
                    if matches!(last, Cat::Det | Cat::Poss) && !self.has(k, wf::AUX) && k > s =>
                {
                    seen_noun = true;
                    as_noun = true;
                    true
                }
                // "the city's first deputy manager", "an openly gay senator", "the
                // former first lady": a modifier between a determiner or a lowercase
                // modifier and its noun.
                Cat::Adverb
                    if (matches!(last, Cat::Det | Cat::Poss)
                        // (Not a sentence adverb: "officials instead delivered".)
                        || k > s
                            && matches!(last, Cat::Noun | Cat::Name)
                            && !self.has(k, wf::ADVERB)
                            && !self.text(k).ends_with("ly")
                            && (!self.p.tokens[k - 1].is_cap() || self.has(k - 1, wf::HONORIFIC)))
                        && k + 1 < e
                        && matches!(self.cat(k + 1), Cat::Noun | Cat::Name) =>
                {
                    true
                }
                // "the climate change adviser": a bare verb between nouns is a noun.
                Cat::Verb
                    if last == Cat::Noun
                        && !self.p.tokens[k - 1].is_cap()
                        && !self.has(k, wf::AUX | wf::CUE_VERB)
                        && k + 1 < e
                        && self.cat(k + 1) == Cat::Noun
                        && !self.p.tokens[k + 1].is_cap()
                        // "the issue came up": a particle is no noun.
                        && !self.lower_is(k + 1, &["up", "down", "out", "off", "back"])
                        && !self.text(k).ends_with('s')
                        && !self.text(k).ends_with("ed") =>
                {
                    true
                }
                // "one of the co-authors still in office", "a lawyer now at Harvard"
                Cat::Adverb | Cat::Time
                    if seen_noun
                        && k + 2 < e
                        && !self.lower_is(k, &["also", "again"])
                        && self.cat(k + 1) == Cat::Prep
                        && self.np_starter(k + 2) =>
                {
                    true
                }
                Cat::Verb | Cat::Adverb => {
                    let s = self.text(k);
                    // "a superdelegate supporting Clinton": a cue in -ing right after
                    // a noun and before more of the phrase opens a reduced relative.
                    let ing = s.ends_with("ing")
                        && (!self.has(k, wf::CUE_VERB)
                            || (k + 1 < e && matches!(last, Cat::Noun | Cat::Name)));
                    let ed_by = s.ends_with("ed")
                        && k + 1 < e
                        && self.cat(k + 1) == Cat::Prep
                        && (self.lower_is(k + 1, &["by"])
                            || !self.has(k, wf::CUE_VERB | wf::LIGHT_VERB)
                            || self.hearer_participle(k, e));
                    // "a person close to the Clintons"
                    let close_to =
                        self.lower_is(k, &["close"]) && k + 1 < e && self.lower_is(k + 1, &["to"]);
                    // "the base chief known as Bob", "a poll released Thursday"
                    let naming = self.naming_participle(k, e) || self.timed_participle(k, e);
                    // "a video shared online", "a clip posted on Facebook": a short
                    // adverb or prepositional phrase after a cue's participle, with no
                    // verb before the phrase ends, makes a reduced relative.
                    let ed_adjunct = s.ends_with("ed")
                        && last == Cat::Noun
                        && k + 1 < e
                        && e - k <= 4
                        && (k + 2 == e && self.bare_adverb(k + 1)
                            || self.cat(k + 1) == Cat::Prep && !self.lower_is(k + 1, &["to"]))
                        && (k + 1..e).all(|j| {
                            self.kind(j) == Kind::Word
                                && self.cat(j) != Cat::Verb
                                && !self.has(j, wf::AUX | wf::CUE_VERB)
                        });
                    if seen_noun
                        && (ing || ed_by || close_to || naming || ed_adjunct)
                        && !self.has(k, wf::AUX)
                    {
                        in_clause = true;
                        true
                    } else {
                        false
                    }
                }
                Cat::Time | Cat::Neg | Cat::Quote | Cat::Stop => false,
            };
            if !ok {
                return false;
            }
            last = if as_noun { Cat::Noun } else { c };
            as_noun = false;
        }
        if in_clause {
            return seen_noun;
        }
        // "Trump fired", "the campaign announced": a lowercase past form after a name
        // or noun is its verb ("the wounded" after a determiner is a noun).
        let t = e - 1;
        if (t == s
            || matches!(self.cat(t - 1), Cat::Name | Cat::Noun | Cat::Num)
                && self.kind(t - 1) != Kind::Hyphen)
            && self.p.tokens[t].is_word()
            && !self.p.tokens[t].is_cap()
            && !self.compound_part(t)
            && {
                let w = self.text(t);
                w.ends_with("ed") && !w.ends_with("eed")
            }
        {
            return false;
        }
        // "a friend of the couple's"
        let of_poss = last == Cat::Poss && (s..e).any(|k| self.lower_is(k, &["of"]));
        seen_noun && (self.nounish(last) || last == Cat::Comma || last == Cat::Pron || of_poss)
    }

    /// Tokens `k..e` are a clause with no "that" that ends a noun phrase: a subject
    /// pronoun, an optional auxiliary, a verb and an optional preposition ("I've
    /// spoken with", "we interviewed", "he talked to").
    fn contact_clause(&self, k: usize, e: usize) -> bool {
        if !self.is_subject_pronoun(k) || self.lower_is(k, &["it", "you"]) {
            return false;
        }
        let mut j = k + 1;
        if j < e && (self.has(j, wf::AUX) || self.p.tokens[j].is(flag::CLITIC)) {
            j += 1;
        }
        // (after a subject pronoun, any lowercase content word is its verb: "spoke")
        let verb = |v: usize| {
            let t = &self.p.tokens[v];
            t.is_word()
                && !t.is_cap()
                && !self.has(v, wf::AUX)
                && matches!(self.cat(v), Cat::Verb | Cat::Noun)
        };
        if j >= e || !verb(j) {
            return false;
        }
        j += 1;
        // (Only as a subject, right before its verb: "an account she gave to the
        // paper" goes on.)
        (j == e || j + 1 == e && self.cat(j) == Cat::Prep)
            && e < self.p.tokens.len()
            && (self.has(e, wf::CUE_VERB | wf::CUE_START | wf::AUX | wf::TIME)
                || matches!(self.cat(e), Cat::Verb | Cat::Time)
                // ("the scholars I interviewed this week thought")
                || self.lower_is(e, &["this", "last"]))
    }

    /// A lowercase word that can stand alone after a verb as its adverb ("online",
    /// "abroad"), not an object ("statements") or another participle ("irritated").
    fn bare_adverb(&self, k: usize) -> bool {
        let w = self.text(k);
        matches!(self.cat(k), Cat::Adverb | Cat::Noun)
            && !self.p.tokens[k].is_cap()
            && !self.has(k, wf::CUE_NOUN)
            && !w.ends_with('s')
            && !w.ends_with("ed")
    }

    /// "39 have said they support Sanders": after a comma or a conjunction, a count
    /// stands for its noun (a year does not: "in Oct. 2010 said").
    pub fn count_subject(&self, s: usize) -> bool {
        let w = self.text(s);
        self.kind(s) == Kind::Number
            && s > 0
            && matches!(self.cat(s - 1), Cat::Comma | Cat::Conj)
            && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
            && !(w.len() == 4 && matches!(&w[..2], "19" | "20"))
    }

    /// "many", "some", "most", "others", numbers: a determiner that can be a subject.
    #[inline]
    pub fn quantifier(&self, i: usize) -> bool {
        self.has(i, wf::QUANTITY) && self.listed_quantifier(i)
    }

    /// `quantifier` at a word flagged `QUANTITY` (out of line: the flag test is all
    /// that callers inline).
    #[inline(never)]
    fn listed_quantifier(&self, i: usize) -> bool {
        (self.cat(i) == Cat::Det || self.kind(i) == Kind::Number) && self.lower_is(i, QUANTIFIERS)
            || self.lower_is(i, &["others"])
    }

    /// How many tokens at `s` hedge a quantity that follows before `e`: "nearly 10
    /// percent", "more than half", "at least six in 10".
    #[inline]
    pub fn quantity_hedge(&self, s: usize, e: usize) -> usize {
        // (every word looked for at `s` is in `QUANTITY_WORDS`)
        if self.has(s, wf::QUANTITY) {
            self.listed_hedge(s, e)
        } else {
            0
        }
    }

    /// `quantity_hedge` at a word flagged `QUANTITY` (out of line, as `quantifier`).
    #[inline(never)]
    fn listed_hedge(&self, s: usize, e: usize) -> usize {
        if s + 1 < e && self.lower_is(s, HEDGE_WORDS) {
            // "only about 4 in 10", "just more than half": hedges stack ("about as
            // much as anyone could" is a comparison).
            let more = self.quantity_hedge(s + 1, e);
            if more > 0 && !self.lower_is(s + 1, &["as"]) {
                return 1 + more;
            }
            // "about half of them", "nearly a third", "just a handful of members"
            if self.kind(s + 1) == Kind::Number
                || self.quantifier(s + 1)
                || self.lower_is(s + 1, &["half"])
                || s + 2 < e && self.lower_is(s + 1, &["a"]) && self.lower_is(s + 2, FRACTIONS)
            {
                return 1;
            }
        }
        // "as many as 40 percent"
        if s + 3 < e
            && self.lower_is(s, &["as"])
            && self.lower_is(s + 1, &["many", "much", "few", "little"])
            && self.lower_is(s + 2, &["as"])
        {
            return 3;
        }
        if s + 2 < e
            && ((self.lower_is(s, &["more", "less", "fewer"]) && self.lower_is(s + 1, &["than"]))
                || (self.lower_is(s, &["at"]) && self.lower_is(s + 1, &["least", "most"])))
        {
            return 2;
        }
        0
    }

    /// "of them", "in 10", "of the delegates" after a quantifier.
    fn np_valid_after_quantifier(&self, s: usize, e: usize) -> bool {
        // "one of only a handful of members"
        let n = if s + 2 < e && self.lower_is(s + 1, FOCUS_WORDS) {
            s + 2
        } else {
            s + 1
        };
        self.lower_is(s, &["of", "in"])
            && (self.np_valid(n, e)
                || (e == s + 2 && self.lower_is(s + 1, &["them", "us", "those", "these"])))
    }

    /// Where the clause that holds token `g - 1` starts, scanning left from `g`. Commas
    /// end the scan unless they close an appositive right before `g`.
    fn clause_floor(&self, g: usize, floor: usize) -> usize {
        let mut k = g;
        while k > floor {
            let t = &self.p.tokens[k - 1];
            let stop = match t.kind {
                Kind::Semicolon | Kind::Colon | Kind::Dash | Kind::OpenParen | Kind::CloseParen => {
                    true
                }
                Kind::Quote(_) => true,
                Kind::Comma => {
                    // Let an appositive pair through: "X, an aide to Y, said".
                    !(k == g && k - 1 > floor)
                }
                Kind::Period | Kind::Question | Kind::Exclaim | Kind::Ellipsis => true,
                _ => t.is(flag::MARKUP),
            };
            if stop {
                break;
            }
            k -= 1;
        }
        k
    }

    /// The subject noun phrase that ends right before token `g` (the cue), if any.
    pub fn subject_before(&self, g: usize, floor: usize) -> Option<std::ops::Range<usize>> {
        if g <= floor {
            return None;
        }
        // "Mr. Manafort, citing ''the magic,'' said": the interjection ends inside a
        // quotation that follows a word.
        if g > floor + 2
            && self.kind(g - 2) == Kind::Comma
            && let Some(q) = self.quotes.closing_at(g - 1)
            && self.quotes.spans[q].open > floor
            && self.kind(self.quotes.spans[q].open - 1) == Kind::Word
        {
            return self.comma_subject(g - 1, floor).map(|s| s.start..g);
        }
        if self.kind(g - 1) == Kind::Comma {
            return self
                .comma_subject(g, floor)
                .or_else(|| self.appositive_subject(g, floor))
                .or_else(|| self.interjected_subject(g, floor))
                .or_else(|| {
                    // "Gov. John Kasich (R-OH), said"
                    let open = self.paren_before(g - 1, floor)?;
                    self.subject_before(open, floor).map(|s| s.start..g)
                });
        }
        // "Sen. Marco Rubio (R-Fla.) said": a bracketed note closes the name.
        if let Some(open) = self.paren_before(g, floor) {
            return self.subject_before(open, floor).map(|s| s.start..g);
        }
        // "Trump - who previously said X - said", "Many speakers — including Jews —
        // said": an aside between dashes belongs to the subject.
        if let Some(open) = self.dash_aside_before(g, floor) {
            return self.subject_before(open, floor).map(|s| s.start..g);
        }
        // "Grassley on Wednesday downplayed", "The senator last week said": a time
        // adjunct between the subject and its verb is neither.
        let time = self.time_adjunct_before(g, floor);
        if let Some(t) = time
            && let Some(subject) = self.subject_before(t, floor)
        {
            // ("A CNN/ORC poll in January found": a report's date is part of its name.)
            if self.report_noun(subject.end - 1) {
                return Some(subject.start..g);
            }
            return Some(subject);
        }
        let b = self.clause_floor(g, floor);
        let s = (b..g).find(|&s| self.np_may_start(s) && self.np_valid(s, g));
        // (the unit tests check the quick test against the search without it)
        if cfg!(test) {
            assert_eq!(s, (b..g).find(|&s| self.np_valid(s, g)), "np_may_start");
        }
        // (A time is no speaker: "who on Tuesday endorsed Clinton" has no subject.)
        let s = s.filter(|&s| time.is_none_or(|t| s < t))?;
        // "he posted a photo and Clinton said": a phrase that follows a verb is its
        // object; a new subject starts after the conjunction (not between two names).
        // ("bring in more refugees under the plan and Trump says": so does one after
        // a particle or a preposition, but for "with", "between" and "among", which
        // take pairs.)
        if s > b
            && (self.cat(s - 1) == Cat::Verb
                || self.lower_is(s - 1, &["to"])
                || self.cat(s - 1) == Cat::Prep
                    && !self.lower_is(s - 1, &["with", "between", "among", "of", "for", "like"])
                    && !self.has(s - 1, wf::COMP))
            && let Some(j) = (s + 1..g - 1).rev().find(|&j| {
                self.lower_is(j, &["and", "but"])
                    && self.cat(j - 1) != Cat::Name
                    && matches!(self.cat(j + 1), Cat::Name | Cat::Det)
                    && self.np_valid(j + 1, g)
            })
        {
            return Some(j + 1..g);
        }
        // "an email saying that the results show", "the issue arose after Mr. Trump
        // said": the subject starts after a cue's complementizer or a subordinator.
        // "what officials called C", "just as the band announced": a free relative's
        // or an as-clause's subject starts after its opening word.
        if self.lower_is(s, &["what", "whatever"]) && s + 1 < g && self.np_valid(s + 1, g) {
            return Some(s + 1..g);
        }
        if let Some(j) = (s + 1..g).find(|&j| {
            self.lower_is(j - 1, RELATIVE_HEADS)
                && !self.p.tokens[j - 1].is_cap()
                && matches!(self.cat(j), Cat::Name | Cat::Det | Cat::Num | Cat::Noun)
                // ("her time campaigning in California": a gerund, no subject)
                && !(self.text(j).ends_with("ing") && j + 1 < g && self.cat(j + 1) == Cat::Prep)
                && self.np_valid(j, g)
        }) {
            return Some(j..g);
        }
        if let Some(k) = (s + 1..g - 1).rev().find(|&k| {
            (self.lower_is(k, &["that"]) && self.has(k - 1, wf::CUE_VERB)
                || self.lower_is(k, &["whether"])
                || self.lower_is(k, &["as"])
                    && !self.lower_is(k - 1, &["such", "well", "many", "much", "few"])
                    && !self.text(k - 1).ends_with("ed")
                    && !self.lower_is(k + 1, &["many", "much", "few", "well", "long", "far"])
                    && (k + 1..g).all(|j| self.cat(j) != Cat::Verb && !self.has(j, wf::AUX))
                || self.lower_is(k, SUBORDINATORS)
                    && !(s..k).any(|j| {
                        self.cat(j) == Cat::Rel || self.lower_is(j, &["that", "who", "which"])
                    }))
                && self.np_valid(k + 1, g)
        }) {
            return Some(k + 1..g);
        }
        if let Some(start) = self.prep_list_start(s, g, floor) {
            return Some(start..g);
        }
        // "Gov. Martin O'Malley (D) and former Gov. Mike Huckabee (R) said": a name and
        // its bracketed note before "and" are the first of two subjects.
        if s == b + 1
            && self.lower_is(b, &["and"])
            && let Some(open) = self.paren_before(b, floor)
            && let Some(first) = self.subject_before(open, floor)
            && self.cat(open - 1) == Cat::Name
        {
            return Some(first.start..g);
        }
        Some(self.name_list_start(s, g)..g)
    }

    /// Where a subject starts that ends in a list of names after a preposition, across
    /// the list's commas: "voters in Alabama, Georgia and Virginia say". The phrase
    /// before the preposition opens the clause ("In New York, Trump and Pence said"
    /// has none).
    fn prep_list_start(&self, s: usize, g: usize, floor: usize) -> Option<usize> {
        if s < floor + 3
            || g - s > 4
            || self.kind(s - 1) != Kind::Comma
            || self.cat(s - 2) != Cat::Name
            || !(s..g).all(|k| self.cat(k) == Cat::Name || self.lower_is(k, &["and"]))
            // (One name after the comma is as often an appositive's head as a place: "A
            // defender of RT America, Mr. Schultz said".)
            || !(s..g).any(|k| self.lower_is(k, &["and"]))
            // ("But supporters in Iowa, Clinton said, are loyal": an interjected cue.)
            || (g + 1..g + 3).any(|k| k < self.p.tokens.len() && self.kind(k) == Kind::Comma)
        {
            return None;
        }
        let open = self.clause_floor(s - 1, floor);
        let prep = (open + 1..s - 2)
            .rev()
            .find(|&k| self.cat(k) != Cat::Name)?;
        if self.cat(prep) != Cat::Prep {
            return None;
        }
        let start = (open..prep).find(|&k| self.np_may_start(k) && self.np_valid(k, prep))?;
        // (A plain noun phrase, not a clause: "The frustration that saw a majority of
        // Britons vote ... into the arms of Donald Trump, Bernie Sanders warned".)
        let plain = (start..prep).all(|k| {
            matches!(self.cat(k), Cat::Det | Cat::Noun | Cat::Name | Cat::Num)
                || self.lower_is(k, &["and"])
        });
        let opens = plain
            && (open..start).all(|k| {
                self.p.tokens[k].is_quote() || self.lower_is(k, &["but", "and", "so", "yet"])
            });
        (opens && self.np_valid(start, g)).then_some(start)
    }

    /// Where a list of names that ends in the subject `s..g` starts: "John Leguizamo,
    /// Zoe Saldana and many more Latinos said", "Mr. Obama, Mrs. Clinton, and other
    /// Democrats said". Each earlier item is a capitalised name.
    fn name_list_start(&self, s: usize, g: usize) -> usize {
        let oxford =
            s >= 2 && self.lower_is(s - 1, &["and", "or"]) && self.kind(s - 2) == Kind::Comma;
        let inner = (s + 1..g).any(|j| self.lower_is(j, &["and", "or"]));
        if !(oxford || inner && s >= 1 && self.kind(s - 1) == Kind::Comma) {
            return s;
        }
        let mut c = if oxford { s - 1 } else { s };
        let mut first = s;
        while c >= 2 && self.kind(c - 1) == Kind::Comma {
            let end = c - 1;
            let mut start = end;
            while start > 0 && self.kind(start - 1) == Kind::Word && end - start < 5 {
                start -= 1;
            }
            // (A whole name, not the end of a longer phrase or a state: "San Diego,
            // Calif., and many candidates".)
            let name = start < end
                && (start == 0 || self.kind(start - 1) != Kind::Word)
                && self.cat(end - 1) == Cat::Name
                && !self.text(end - 1).ends_with('.')
                && (start..end).all(|k| self.p.tokens[k].is_cap() || self.lower_is(k, &["of"]))
                && self.np_valid(start, end);
            if !name {
                break;
            }
            c = start;
            first = start;
        }
        first
    }

    /// A clause-initial subject set off by commas from the cue: "Sandra Inman, a Cruz
    /// supporter from Jackson, Miss., attending the convention, said". Appositive noun
    /// phrases (with their relative clauses) and coordinated names belong to the
    /// source; an interjected participle, prepositional phrase or adverb does not, and
    /// ends it. Anything else between the commas (a finite verb) means no subject.
    fn comma_subject(&self, g: usize, floor: usize) -> Option<std::ops::Range<usize>> {
        let close = g - 1;
        // Start of the clause: the sentence start or a semicolon, colon, dash or quote.
        let mut start = close;
        // (`the co-author of “Going Viral,” said`: the comma inside a title's closing
        // mark)
        if let Some(q) = self.quotes.closing_at(close + 1)
            && self.programme_end(self.quotes.spans[q].open) == Some(close + 2)
        {
            start = self.quotes.spans[q].open.max(floor);
        }
        while start > floor {
            // `Humphrey, who called Trump a “sociopath,” said`: over a short quote
            // inside the clause.
            let prev = self.kind(start - 1);
            let scare = match prev {
                Kind::Quote(_) => self.scare_quote(start - 1, floor),
                _ => None,
            };
            // ("Jackson, Miss., said": an abbreviation's period before a comma goes on.)
            let ends = matches!(
                prev,
                Kind::Semicolon
                    | Kind::Colon
                    | Kind::Dash
                    | Kind::Quote(_)
                    | Kind::Period
                    | Kind::Question
                    | Kind::Exclaim
                    | Kind::OpenParen
            ) && !(prev == Kind::Period && self.kind(start) == Kind::Comma);
            if scare.is_none() && ends {
                break;
            }
            if let Some(open) = scare {
                start = open + 1;
            }
            // "Rep. Sander M. Levin (Mich.), a superdelegate, said": over a bracketed note.
            if self.kind(start - 1) == Kind::CloseParen
                && let Some(open) = self.paren_before(start, floor)
            {
                start = open;
                continue;
            }
            start -= 1;
            if close - start > 60 {
                return None;
            }
        }
        while start < close && self.lower_is(start, &["and", "but", "so", "yet"]) {
            start += 1;
        }
        let commas: Vec<usize> = (start..close)
            .filter(|&k| self.kind(k) == Kind::Comma)
            .chain(std::iter::once(close))
            .collect();
        // The head: the first segment that is a noun phrase, after at most two
        // introductory adjuncts ("In a statement, Smith, the chief executive, said").
        let mut head_start = start;
        let mut idx = 0;
        loop {
            let c = commas[idx];
            // ("In a court in Alexandria, Va., Lazar said": the state ends the adjunct.)
            if idx >= 1 && self.place_note(head_start, c) && idx + 1 < commas.len() {
                head_start = c + 1;
                idx += 1;
                continue;
            }
            if self.np_valid(head_start, c) {
                break;
            }
            let intro = matches!(self.cat(head_start), Cat::Prep | Cat::Adverb | Cat::Time)
                || self.has(head_start, wf::ADVERB);
            if !intro || idx >= 1 || idx + 1 >= commas.len() {
                return None;
            }
            head_start = c + 1;
            idx += 1;
        }
        let head_end = commas[idx];
        if head_end == close {
            // No comma inside: the plain appositive and interjection cases cover it.
            return None;
        }
        let mut end = head_end;
        let mut included = true;
        for w in commas[idx..].windows(2) {
            let (a, b) = (w[0] + 1, w[1]);
            if a >= b {
                return None;
            }
            // "Mr. Slinker, whose start-up, Paradata, uses big data, said": a relative
            // clause runs over its own commas to the cue.
            if included && b < close && self.relative_appositive(a, close) {
                end = g;
                break;
            }
            let np = self.np_valid(a, b)
                || self.party_note(a, b)
                || self.relative_appositive(a, b)
                || self.np_with_relative(a, b)
                || (b == a + 1 && self.kind(a) == Kind::Number)
                || self.dated_role(a, b)
                || self.place_note(a, b)
                || (self.lower_is(a, &["and", "or"]) && self.np_valid(a + 1, b))
                // "Several fact checkers, including The Washington Post, have said"
                || (self.lower_is(a, &["including"]) && self.np_valid(a + 1, b));
            if np && included {
                end = b + 1;
                continue;
            }
            if np || self.interjection(a, b) {
                included = false;
                continue;
            }
            return None;
        }
        Some(head_start..end)
    }

    /// `programme_end` for a name at `k` that opens a phrase starting at `first` or
    /// follows an owner's "'s" ("told “Fox and Friends”", "on MSNBC's “Morning Joe”").
    pub(super) fn owned_programme_end(&self, k: usize, first: usize) -> Option<usize> {
        if k == first || k > 0 && self.cat(k - 1) == Cat::Poss {
            self.programme_end(k)
        } else {
            None
        }
    }

    /// The opening mark of a short quote, marked at `k` (either mark), that a word
    /// which is no speech cue leads into: a scare quote or a title inside a clause.
    /// (A closing mark after a comma ends a clause: `on “MSNBC Live,” Lehel said`.)
    fn scare_quote(&self, k: usize, floor: usize) -> Option<usize> {
        let q = self
            .quotes
            .closing_at(k)
            .filter(|_| self.kind(k - 1) != Kind::Comma)
            .or_else(|| self.quotes.opening_at(k))?;
        let span = self.quotes.spans[q];
        (span.closed
            && span.open > floor
            && span.close - span.open <= 8
            && self.kind(span.open - 1) == Kind::Word
            && !self.has(span.open - 1, wf::CUE_VERB))
        .then_some(span.open)
    }

    /// A programme or publication named in quotes right after its owner or a
    /// preposition ("on MSNBC's “Morning Joe,”", "told “Fox and Friends”"): where
    /// the name ends, past its closing mark.
    pub(super) fn programme_end(&self, k: usize) -> Option<usize> {
        let q = self.quotes.opening_at(k)?;
        let span = self.quotes.spans[q];
        let mut words = 0;
        for j in span.open + 1..span.close {
            match self.kind(j) {
                Kind::Word if self.p.tokens[j].is_cap() => words += 1,
                Kind::Word if self.has(j, wf::STOP | wf::PREP | wf::DET | wf::CONJ) => {}
                Kind::Comma | Kind::Period if j + 1 == span.close => {}
                _ => return None,
            }
        }
        (span.closed && (1..=6).contains(&words)).then_some(span.close + 1)
    }

    /// "R-Pa.", "D-N.H.", "I-Vt.": a party and state note between commas after a name.
    pub fn party_note(&self, a: usize, b: usize) -> bool {
        b > a + 2
            && b - a <= 6
            && matches!(self.text(a), "R" | "D" | "I")
            && self.kind(a + 1) == Kind::Hyphen
            && (a + 2..b).all(|k| self.kind(k) == Kind::Period || self.p.tokens[k].is_cap())
    }

    fn participle_opens(&self, a: usize) -> bool {
        let first = self.text(a);
        (first.ends_with("ing") || first.ends_with("ed")) && !self.has(a, wf::AUX)
    }

    /// A participle clause, prepositional phrase or adverb between commas, with no
    /// finite verb of its own outside a relative clause.
    fn interjection(&self, a: usize, b: usize) -> bool {
        let opens = matches!(self.cat(a), Cat::Prep | Cat::Adverb | Cat::Time)
            || self.has(a, wf::ADVERB)
            || self.lower_is(a, &["though", "too", "however"])
            // "Tester, himself up for reelection, said"
            || self.lower_is(a, &["himself", "herself", "themselves", "itself"])
            // "when contacted by Reuters", "while campaigning": a clause with no
            // finite verb (the loop below checks).
            || (b > a + 1
                && self.lower_is(a, &["when", "while", "if", "once", "after", "before", "though", "although"]))
            || self.participle_opens(a);
        if !opens || b - a > 25 {
            return false;
        }
        let mut relative = false;
        for k in a + 1..b {
            // ("citing ''the unique magic of Trump,''": a quotation inside is fine.)
            if matches!(self.kind(k), Kind::Period | Kind::Semicolon | Kind::Colon) {
                return false;
            }
            if self.cat(k) == Cat::Rel {
                relative = true;
            }
            if self.cat(k) == Cat::Verb && !relative {
                let w = self.text(k);
                let participle = (w.ends_with("ing") || w.ends_with("ed")) && !self.has(k, wf::AUX);
                if !participle && !self.lower_is(k - 1, &["to"]) {
                    return false;
                }
            }
        }
        true
    }

    /// Start of a time adjunct ending right before `g`: "on Wednesday", "last week",
    /// "earlier this month", "Monday".
    pub(super) fn time_adjunct_before(&self, g: usize, floor: usize) -> Option<usize> {
        let mut k = g;
        while k > floor
            && g - k < 4
            && (self.cat(k - 1) == Cat::Time || self.has(k - 1, wf::TIME))
            && !self.surname_time_word(k - 1)
        {
            k -= 1;
        }
        if k == g {
            return None;
        }
        // "less than two weeks ago", "a few days ago": the amount belongs to it.
        if self.lower_is(g - 1, &["ago"]) {
            while k > floor
                && g - k < 8
                && (matches!(self.cat(k - 1), Cat::Num | Cat::Det)
                    || self.lower_is(k - 1, &["less", "more", "than", "about", "nearly", "just"]))
            {
                k -= 1;
            }
        }
        // ("this past week")
        if k > floor + 1 && self.lower_is(k - 1, &["past"]) {
            k -= 1;
        }
        if k > floor
            && matches!(self.cat(k - 1), Cat::Det)
            && self.lower_is(k - 1, &["this", "that", "each", "every"])
        {
            k -= 1;
        }
        if k > floor && self.lower_is(k - 1, &["on", "in", "during", "since"]) {
            k -= 1;
        }
        // Something must be left for the subject.
        (k > floor).then_some(k)
    }

    /// "Kristen Day", "Ai Jun": a capitalised time word right after a name is the end
    /// of that name, unless it names a day of the week or a month ("Trump Tuesday").
    fn surname_time_word(&self, k: usize) -> bool {
        k > 0
            && self.p.tokens[k].is_cap()
            && !self.title_case(k)
            && self.cat(k - 1) == Cat::Name
            && self.kind(k - 1) == Kind::Word
            && !self.lower_is(
                k,
                &[
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "january",
                    "february",
                    "march",
                    "april",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "today",
                    "tonight",
                    "yesterday",
                    "tomorrow",
                ],
            )
    }

    /// The opening bracket of a short bracketed note ending right before `g`.
    pub(super) fn paren_before(&self, g: usize, floor: usize) -> Option<usize> {
        if g <= floor || self.kind(g - 1) != Kind::CloseParen {
            return None;
        }
        let mut k = g - 1;
        while k > floor && g - k < 20 {
            k -= 1;
            // "(I-Vt.)": an abbreviation's period stays inside the note.
            match self.kind(k) {
                Kind::OpenParen => return (k > floor).then_some(k),
                Kind::CloseParen | Kind::Quote(_) => return None,
                _ => {}
            }
        }
        None
    }

    /// The opening dash of an aside that ends with a dash right before `g`: a relative
    /// clause, a noun phrase, or one opened by "and", "or", "including".
    fn dash_aside_before(&self, g: usize, floor: usize) -> Option<usize> {
        if g <= floor + 2 || self.kind(g - 1) != Kind::Dash {
            return None;
        }
        let close = g - 1;
        let mut k = close;
        while k > floor && close - k < 40 {
            k -= 1;
            match self.kind(k) {
                Kind::Dash => {
                    let (a, b) = (k + 1, close);
                    // ... or a participle or a prepositional phrase: "Gingrich —
                    // mentioned by Newsmax as a choice — told", "Murphy — after a pause —".
                    let w = self.text(a);
                    let opener = a < b
                        && (self.lower_is(a, &["and", "or", "including", "who", "which", "whose"])
                            || self.cat(a) == Cat::Prep
                            || ((w.ends_with("ed") || w.ends_with("ing"))
                                && !self.p.tokens[a].is_cap()));
                    let aside = opener || self.np_valid(a, b);
                    return (aside && k > floor).then_some(k);
                }
                Kind::Period | Kind::Question | Kind::Exclaim | Kind::Semicolon => return None,
                _ => {}
            }
        }
        None
    }

    /// "from Jackson, Miss., attending": a one-word state between commas after a place.
    pub(super) fn place_note(&self, a: usize, b: usize) -> bool {
        a >= 2
            && (b == a + 1 || (b == a + 2 && self.kind(a + 1) == Kind::Period))
            && self.p.tokens[a].is_cap()
            && self.cat(a - 2) == Cat::Name
    }

    /// "an education professor at Harvard who previously worked for Sen. Alexander": a
    /// noun phrase with a relative clause running to `e`.
    fn np_with_relative(&self, s: usize, e: usize) -> bool {
        (s + 1..e)
            .find(|&k| self.lower_is(k, &["who", "whom", "whose", "which", "that"]))
            .is_some_and(|k| self.np_valid(s, k) && self.clause_to(k, e))
    }

    /// ", who has endorsed Clinton," : a relative clause set off by commas.
    pub fn relative_appositive(&self, s: usize, e: usize) -> bool {
        self.lower_is(s, &["who", "whom", "which", "whose"]) && self.clause_to(s, e)
    }

    /// A clause from `s` to `e` that stays inside its sentence (a short quote aside).
    fn clause_to(&self, s: usize, e: usize) -> bool {
        s < e
            && e - s <= 40
            && (s + 1..e).all(|k| match self.kind(k) {
                Kind::Quote(_) => self.scare_quote(k, s).is_some(),
                Kind::Period | Kind::Semicolon | Kind::Colon => false,
                _ => true,
            })
    }

    /// "Name, appositive," right before `g`: returns the span including the last comma.
    fn appositive_subject(&self, g: usize, floor: usize) -> Option<std::ops::Range<usize>> {
        let close = g - 1;
        // The opening comma of the appositive.
        let mut c = close;
        while c > floor {
            c -= 1;
            match self.kind(c) {
                Kind::Comma => break,
                Kind::Semicolon | Kind::Colon | Kind::Period | Kind::Question | Kind::Exclaim => {
                    return None;
                }
                Kind::Quote(_) if self.scare_quote(c, floor).is_none() => return None,
                _ => {}
            }
            if close - c > 20 {
                return None;
            }
        }
        if self.kind(c) != Kind::Comma
            || c + 1 >= close
            || !(self.np_valid(c + 1, close) || self.relative_appositive(c + 1, close))
        {
            return None;
        }
        let b = self.clause_floor(c, floor);
        let mut head = (b..c).find(|&s| self.np_valid(s, c))?;
        // "Woodrow Benford, 58, who lives ...": an age between name and appositive.
        if c - head == 1
            && self.kind(head) == Kind::Number
            && head > floor + 1
            && self.kind(head - 1) == Kind::Comma
        {
            let b = self.clause_floor(head - 1, floor);
            if let Some(h) = (b..head - 1).find(|&s| self.np_valid(s, head - 1)) {
                head = h;
            }
        }
        // The head must be a name or a pronoun-free noun phrase, not a clause.
        Some(head..g)
    }

    /// "The regulator, for its part, said": the subject before an interjected adjunct.
    fn interjected_subject(&self, g: usize, floor: usize) -> Option<std::ops::Range<usize>> {
        let close = g - 1;
        let mut c = close;
        while c > floor {
            c -= 1;
            if self.kind(c) == Kind::Comma {
                break;
            }
            if close - c > 8 || !matches!(self.kind(c), Kind::Word | Kind::Number) {
                return None;
            }
        }
        if self.kind(c) != Kind::Comma || c + 1 >= close {
            return None;
        }
        let adjunct = matches!(self.cat(c + 1), Cat::Prep | Cat::Adverb | Cat::Time)
            || self.has(c + 1, wf::ADVERB)
            // "Peña Nieto, contradicting Trump, said" (not "beaten, chained, attacked",
            // nor "in June, when Tsege, known as Andy,")
            || (close > c + 2 && self.participle_opens(c + 1) && self.interjection(c + 1, close));
        if !adjunct {
            return None;
        }
        let b = self.clause_floor(c, floor);
        (b..c).find(|&s| self.np_valid(s, c)).map(|s| s..c)
    }

    /// The possessor before a possessive clitic: "the union" in "of the union's".
    pub fn possessor_before(&self, poss: usize, floor: usize) -> Option<std::ops::Range<usize>> {
        let mut s = poss;
        while s > floor {
            match self.cat(s - 1) {
                Cat::Name | Cat::Noun | Cat::Num => s -= 1,
                Cat::Det => {
                    s -= 1;
                    break;
                }
                _ => break,
            }
        }
        (s < poss && self.np_valid(s, poss)).then_some(s..poss)
    }

    /// A noun phrase starting at `s` and ending before a clause boundary, a cue or `end`.
    /// Used for sources after a cue ("said Caddell", "according to X").
    pub fn np_after(&self, s: usize, end: usize) -> Option<std::ops::Range<usize>> {
        if s >= end {
            return None;
        }
        if self.is_subject_pronoun(s) {
            return Some(s..s + 1);
        }
        let mut e = s;
        // "said Gov. Branstad, a Republican who has not endorsed anyone": a verb in a
        // relative clause of the phrase does not end it.
        let mut relative = false;
        let mut appositive = false;
        while e < end {
            if e > s && self.cat(e) == Cat::Rel && self.lower_is(e, &["who", "whom", "whose"]) {
                relative = true;
            }
            let stop = match self.kind(e) {
                Kind::Comma => {
                    // Continue over an appositive: "said Ruth Marcus, an editor for X."
                    !(e + 1 < end
                        && e > s
                        && self.np_starter(e + 1)
                        && self.appositive_follows(e + 1, end))
                }
                Kind::Word | Kind::Number | Kind::Hyphen => false,
                Kind::Other => !matches!(self.text(e), "&" | "/"),
                _ => true,
            };
            if stop {
                break;
            }
            appositive |= self.kind(e) == Kind::Comma;
            if self.kind(e) == Kind::Word
                && self.has(e, wf::CUE_VERB)
                && e > s
                && self.cat(e) == Cat::Verb
                && !relative
                // "involved in the planning": after a determiner the verb form is a noun.
                && !matches!(self.cat(e - 1), Cat::Det | Cat::Poss)
                // "said Becerra, a Democrat supporting Clinton"
                && !(appositive
                    && self.text(e).ends_with("ing")
                    && matches!(self.cat(e - 1), Cat::Noun | Cat::Name))
                && !self.reduced_relative(e, end)
                && !self.naming_participle(e, end)
                && !self.timed_participle(e, end)
                // ("going by the handle": "going" only starts "going on".)
                && self.pack.cues.verbs.at(&self.p.tokens, e, end).is_some()
            {
                break;
            }
            e += 1;
        }
        // Shrink until the phrase is a valid noun phrase.
        while e > s && !self.np_valid(s, e) {
            e -= 1;
        }
        (e > s).then_some(s..e)
    }

    /// "figures released by the office": a participle and its agent inside a noun phrase.
    /// Not "Trump responded by tweeting", where the verb is finite.
    pub fn reduced_relative(&self, e: usize, end: usize) -> bool {
        e > 0
            && e + 1 < end
            && self.text(e).ends_with("ed")
            && matches!(self.cat(e - 1), Cat::Noun | Cat::Name)
            && ((self.lower_is(e + 1, &["by"])
                && !(e + 2 < end && self.text(e + 2).ends_with("ing")))
                || self.hearer_participle(e, end))
    }

    /// "a poll released Thursday", "an article published last week": a participle and
    /// the time it happened, after a noun.
    pub fn timed_participle(&self, e: usize, end: usize) -> bool {
        e > 0
            && e + 1 < end
            && self.text(e).ends_with("ed")
            && matches!(self.cat(e - 1), Cat::Noun | Cat::Name)
            && (self.has(e + 1, wf::TIME)
                || (e + 2 < end
                    && self.lower_is(e + 1, &["last", "this", "on", "earlier"])
                    && self.has(e + 2, wf::TIME)))
    }

    /// "people briefed on the talks", "officials informed of the plan": the noun is
    /// the hearer of a hearer verb, and the phrase goes on ("Republicans warned on
    /// Tuesday that C" is no such phrase: a time follows).
    fn hearer_participle(&self, e: usize, end: usize) -> bool {
        e + 1 < end
            && self.lower_is(e + 1, &["on", "about", "of"])
            && !(e + 2 < end && self.has(e + 2, wf::TIME))
            && self
                .pack
                .cues
                .verbs
                .at(&self.p.tokens, e, end)
                .is_some_and(|(n, vc)| n == 1 && vc.hearer)
    }

    /// Token `i` is a word glued to a hyphen and a word after it ("then" in
    /// "then-Senate").
    pub fn compound_first(&self, i: usize) -> bool {
        self.p
            .tokens
            .get(i + 2)
            .is_some_and(|n| n.is_word() && !n.is(flag::SPACE_BEFORE) && !n.is(flag::LINE_BEFORE))
            && self.p.tokens[i + 1].kind == Kind::Hyphen
            && !self.p.tokens[i + 1].is(flag::SPACE_BEFORE)
    }

    /// "self-described", "so-called", "front-runner": the part after a hyphen is part
    /// of a compound word, never a verb or a cue of its own; so is each word of a
    /// `compound_nouns` entry ("think tank").
    pub fn compound_part(&self, i: usize) -> bool {
        i > 0
            && self.p.tokens[i - 1].kind == Kind::Hyphen
            && !self.p.tokens[i - 1].is(flag::SPACE_BEFORE)
            && !self.p.tokens[i].is(flag::SPACE_BEFORE)
            || self.in_compound.get(i) == Some(&true)
    }

    /// "a group called Citizens for Trump", "another dubbed X": a `naming` participle
    /// after an indefinite noun phrase names it and says nothing.
    pub fn names_indefinite(&self, e: usize, lemma: u32) -> bool {
        if e == 0 || !self.text(e).ends_with("ed") || !self.pack.cues.naming.has(lemma) {
            return false;
        }
        let mut k = e - 1;
        for _ in 0..6 {
            match self.cat(k) {
                Cat::Det => return self.lower_is(k, &["a", "an", "another"]),
                Cat::Noun | Cat::Name | Cat::Num => {}
                _ if self.kind(k) == Kind::Hyphen => {}
                _ => return false,
            }
            if k == 0 {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// "Jihadi John named as Mohammed Emwazi", "a teenager known as Khalil": a participle
    /// that names or describes its noun says nothing. Not "quoted as saying".
    pub fn naming_participle(&self, e: usize, end: usize) -> bool {
        let t = self.text(e);
        e > 0
            && e + 2 < end
            && (t.ends_with("ed") || t.ends_with("wn"))
            && self.lower_is(e + 1, &["as"])
            && matches!(self.cat(e - 1), Cat::Noun | Cat::Name)
            && !self.text(e + 2).ends_with("ing")
    }

    /// "then ambassador to Israel", "now a lobbyist": an appositive that dates its role.
    pub(super) fn dated_role(&self, a: usize, b: usize) -> bool {
        a + 1 < b && self.lower_is(a, DATING_WORDS) && self.np_valid(a + 1, b)
    }

    /// Does an appositive (role or description) start at `i` and run to a sentence end?
    fn appositive_follows(&self, i: usize, end: usize) -> bool {
        let k = self.next_kind(i, end, |x| {
            matches!(
                x,
                Kind::Period | Kind::Comma | Kind::Semicolon | Kind::Quote(_)
            )
        });
        (k >= end || matches!(self.kind(k), Kind::Period))
            && !self.participle_clause(i, k)
            && self.np_valid(i, k)
    }

    /// "surrounded by his siblings", "recalling a false report": after a name and a
    /// comma, a participle clause says what the speaker did, it is no appositive
    /// ("managing director of X" is one).
    pub fn participle_clause(&self, i: usize, end: usize) -> bool {
        let w = self.text(i);
        i + 1 < end
            && !self.p.tokens[i].is_cap()
            && (w.ends_with("ed") || w.ends_with("ing"))
            && matches!(
                self.cat(i + 1),
                Cat::Prep | Cat::Det | Cat::Poss | Cat::Pron
            )
    }
}

//! What a stretch of text is about, as a weighted set of terms: entities named in
//! `sources.yaml` (under any alias), synonym groups from `linking.yaml`, numbers and
//! word stems. Names and numbers weigh more than common words.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::pack::{Pack, wf};
use crate::text::Parsed;
use crate::text::tokens::{Kind, flag};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// (term, weight), sorted by term.
    pub items: Vec<(u64, f32)>,
}

fn hash(prefix: u8, s: &str) -> u64 {
    let mut h = FxHasher::default();
    prefix.hash(&mut h);
    s.hash(&mut h);
    h.finish()
}

impl Terms {
    pub fn total(&self) -> f32 {
        self.items.iter().map(|(_, w)| w).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, t: u64) -> bool {
        self.items.binary_search_by_key(&t, |(k, _)| *k).is_ok()
    }

    /// Share of this set's weight that `other` also has.
    pub fn covered_by(&self, other: &Terms) -> f32 {
        let total = self.total();
        if total == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < self.items.len() && j < other.items.len() {
            match self.items[i].0.cmp(&other.items[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.items[i].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared / total
    }

    pub fn merge(&mut self, other: &Terms) {
        self.items.extend_from_slice(&other.items);
        normalise(&mut self.items);
    }

    /// Both sets have a term that is not a weak word (a name or a content word):
    /// "Pope Francis" and "the Pope", "a Russian guy" and "a man".
    pub fn shares_key_term(&self, other: &Terms) -> bool {
        self.items.iter().any(|(t, w)| {
            *w >= 1.0
                && other
                    .items
                    .binary_search_by_key(t, |(k, _)| *k)
                    .is_ok_and(|i| other.items[i].1 >= 1.0)
        })
    }

    /// Sorts and deduplicates after items were pushed directly.
    pub fn normalise(&mut self) {
        normalise(&mut self.items);
    }
}

fn normalise(items: &mut Vec<(u64, f32)>) {
    items.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    items.dedup_by_key(|(k, _)| *k);
}

type StemCache = (u64, rustc_hash::FxHashMap<Box<str>, (u64, bool, bool)>);

thread_local! {
    /// Word -> (term, weak, synonym) for the pack with the given id.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new((0, rustc_hash::FxHashMap::default()));
}

/// Reusable term extraction (holds the stemmer and a scratch buffer).
pub struct TermMaker<'a> {
    pack: &'a Pack,
    stemmer: rust_stemmers::Stemmer,
    buf: String,
}

impl<'a> TermMaker<'a> {
    pub fn new(pack: &'a Pack) -> Self {
        TermMaker {
            pack,
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            buf: String::new(),
        }
    }

    /// Terms of the token ranges of a document. `positions` gets, for each term, the
    /// tokens it came from (used to scope negation).
    pub fn terms(
        &mut self,
        p: &Parsed,
        ranges: &[Range<usize>],
        mut positions: Option<&mut Vec<(u64, usize)>>,
    ) -> Terms {
        let mut items = Vec::new();
        let toks = &p.tokens;
        for r in ranges {
            let mut k = r.start;
            let title_case = title_case(p, r.clone());
            while k < r.end {
                let t = &toks[k];
                if let Some((n, &e)) = self.pack.sources.aliases.at(toks, k, r.end) {
                    // A lone lowercase common word is not a name ("us", "america" are).
                    let id = hash(b'e', &self.pack.sources.entities[e].id);
                    items.push((id, 2.0));
                    if let Some(pos) = positions.as_deref_mut() {
                        pos.push((id, k));
                    }
                    k += n;
                    continue;
                }
                if let Some((n, &g)) = self.pack.linking.synonym_phrases.at(toks, k, r.end) {
                    let id = hash(b's', &g.to_string());
                    items.push((id, 1.5));
                    if let Some(pos) = positions.as_deref_mut() {
                        pos.push((id, k));
                    }
                    k += n;
                    continue;
                }
                let term = match t.kind {
                    Kind::Number => {
                        // "50ft" and "50-foot", "$4,000" and "4000": the digits.
                        let digits: String = p
                            .token_text(k)
                            .chars()
                            .filter(|c| c.is_ascii_digit() || *c == '.')
                            .collect();
                        let digits = digits.trim_matches('.').to_string();
                        Some((hash(b'n', &digits), 2.0))
                    }
                    Kind::Word if !t.is(flag::CLITIC) => {
                        let f = self.pack.word_flags(t.word);
                        if f & (wf::STOP | wf::PRON | wf::DET | wf::PREP | wf::CONJ | wf::AUX) != 0
                        {
                            None
                        } else {
                            let text = p.token_text(k);
                            self.buf.clear();
                            if text.is_ascii() {
                                self.buf.push_str(text);
                                self.buf.make_ascii_lowercase();
                            } else {
                                for c in text.chars() {
                                    match c {
                                        '\u{2019}' => self.buf.push('\''),
                                        c => self.buf.extend(c.to_lowercase()),
                                    }
                                }
                            }
                            if self.buf.chars().count() < 2 {
                                None
                            } else {
                                let (id, weak_word, synonym) = self.word_term();
                                let name =
                                    t.is_cap() && !title_case && !self.sentence_initial(p, k);
                                let weak = !name && weak_word;
                                let weight: f32 = if name {
                                    2.0
                                } else if weak {
                                    self.pack.linking.thresholds.weak_weight as f32
                                } else {
                                    1.0
                                };
                                if synonym && !weak {
                                    Some((id, weight.max(1.5)))
                                } else {
                                    Some((id, weight))
                                }
                            }
                        }
                    }
                    _ => None,
                };
                if let Some((id, w)) = term {
                    items.push((id, w));
                    if let Some(pos) = positions.as_deref_mut() {
                        pos.push((id, k));
                    }
                }
                k += 1;
            }
        }
        normalise(&mut items);
        Terms { items }
    }

    /// The term of the lowercased word in `buf`: its synonym group or its stem, and
    /// whether it is a weak word and a synonym. Stems are cached: texts repeat words.
    fn word_term(&mut self) -> (u64, bool, bool) {
        // Stemming is the slow part: words seen in earlier texts (on this thread, with
        // this pack) are looked up, not stemmed again.
        let pack_id = self.pack.id;
        let shared = STEMS.with(|c| {
            let c = c.borrow();
            (c.0 == pack_id)
                .then(|| c.1.get(self.buf.as_str()).copied())
                .flatten()
        });
        match shared {
            Some(t) => t,
            None => {
                let stem = self.stemmer.stem(&self.buf);
                let weak = self.pack.linking.weak.contains(stem.as_ref());
                let t = match self.pack.linking.synonyms.get(stem.as_ref()) {
                    Some(g) => (hash(b's', &g.to_string()), weak, true),
                    None => (hash(b'w', &stem), weak, false),
                };
                STEMS.with(|c| {
                    let mut c = c.borrow_mut();
                    if c.0 != pack_id || c.1.len() > 200_000 {
                        c.0 = pack_id;
                        c.1.clear();
                    }
                    c.1.insert(self.buf.as_str().into(), t);
                });
                t
            }
        }
    }

    fn sentence_initial(&self, p: &Parsed, k: usize) -> bool {
        k == 0
            || p.sentence_of(k).is_some_and(|s| {
                let start = p.sentences[s].tokens.start;
                (start..k).all(|j| !p.tokens[j].is_word())
            })
    }
}

fn title_case(p: &Parsed, r: Range<usize>) -> bool {
    let long: Vec<_> = p.tokens[r]
        .iter()
        .filter(|t| t.is_word() && t.span.len() > 3)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.is_cap()).count() * 10 >= long.len() * 8
}

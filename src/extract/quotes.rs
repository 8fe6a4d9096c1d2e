//! Direct quotes: matched open/close double quote marks, including the news habit of
//! continuing a quote into the next paragraph (the paragraph ends without a closing
//! mark and the next one opens again).

use rustc_hash::FxHashMap;

use crate::text::Parsed;
use crate::text::tokens::QuoteDir;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the paragraph's last token if unclosed.
    pub close: usize,
    pub closed: bool,
    /// The quote this one continues (previous paragraph), if any.
    pub prev: Option<usize>,
    /// The quote continuing this one in the next paragraph, if any.
    pub next: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Quotes {
    pub spans: Vec<QuoteSpan>,
    by_open: FxHashMap<usize, usize>,
    by_close: FxHashMap<usize, usize>,
    /// Per token: 1 + the index of the innermost quote holding it, or 0.
    inside: Vec<u32>,
}

impl Quotes {
    pub fn find(p: &Parsed) -> Quotes {
        let mut q = Quotes::default();
        let mut last_unclosed: Option<usize> = None;
        for para in p.paragraphs.iter().filter(|para| para.junk.is_none()) {
            let sentences = &p.sentences[para.sentences.clone()];
            let Some(first) = sentences.first() else {
                continue;
            };
            let last = sentences.last().map_or(first.tokens.end, |s| s.tokens.end);
            let mut open: Option<usize> = None;
            let carry = last_unclosed.take();
            for (i, t) in (first.tokens.start..last).zip(&p.tokens[first.tokens.start..last]) {
                let Some(mark) = t.quote() else {
                    continue;
                };
                if !mark.double {
                    continue;
                }
                match open {
                    None if mark.dir != QuoteDir::Close => open = Some(i),
                    None => {}
                    Some(o) if mark.dir != QuoteDir::Open => {
                        q.push(QuoteSpan {
                            open: o,
                            close: i,
                            closed: true,
                            prev: None,
                            next: None,
                        });
                        open = None;
                    }
                    // A second opening mark: the first was never closed on this stretch.
                    Some(_) => open = Some(i),
                }
            }
            if let Some(o) = open {
                let idx = q.push(QuoteSpan {
                    open: o,
                    close: last - 1,
                    closed: false,
                    prev: None,
                    next: None,
                });
                last_unclosed = Some(idx);
            }
            // A paragraph that opens with a quote continues an unclosed one before it.
            if let Some(prev) = carry
                && let Some(&idx) = q.by_open.get(&first.tokens.start)
            {
                q.spans[prev].next = Some(idx);
                q.spans[idx].prev = Some(prev);
            }
        }
        // (with no quote, `containing` finds none in the empty list)
        if !q.spans.is_empty() {
            q.inside = vec![0; p.tokens.len()];
        }
        for (i, s) in q.spans.iter().enumerate() {
            for slot in &mut q.inside[s.open..=s.close.min(p.tokens.len() - 1)] {
                if *slot == 0 {
                    *slot = i as u32 + 1;
                }
            }
        }
        q
    }

    fn push(&mut self, s: QuoteSpan) -> usize {
        let idx = self.spans.len();
        self.by_open.insert(s.open, idx);
        self.by_close.insert(s.close, idx);
        self.spans.push(s);
        idx
    }

    pub fn opening_at(&self, i: usize) -> Option<usize> {
        self.by_open.get(&i).copied()
    }

    pub fn closing_at(&self, i: usize) -> Option<usize> {
        self.by_close.get(&i).copied()
    }

    /// The quote containing token `i` (marks included), if any.
    pub fn containing(&self, i: usize) -> Option<usize> {
        match self.inside.get(i) {
            Some(&n) if n > 0 => Some(n as usize - 1),
            _ => None,
        }
    }

    /// The quote and all its continuations before and after it, in order.
    pub fn chain(&self, idx: usize) -> Vec<usize> {
        let mut start = idx;
        while let Some(p) = self.spans[start].prev {
            start = p;
        }
        let mut out = vec![start];
        let mut cur = start;
        while let Some(n) = self.spans[cur].next {
            out.push(n);
            cur = n;
        }
        out
    }
}

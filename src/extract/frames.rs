//! The pattern families: where a cue's source and content are, given where the cue is.

use std::ops::Range;

use super::phrase::{Cat, Ctx, SUBORDINATORS};
use super::{Attribution, Pattern};
use crate::model::Stance;
use crate::pack::raw::PhraseFrame;
use crate::pack::{Form, NounObject, Pack, PhraseCue, wf};
use crate::text::Parsed;
use crate::text::tokens::{Kind, QuoteDir};

pub fn find(p: &Parsed, pack: &Pack) -> Vec<Attribution> {
    let cx = Ctx::new(p, pack);
    // Room for most documents' attributions, so that the list is seldom copied.
    let mut out: Vec<Attribution> = Vec::with_capacity(p.sentences.len());
    for (si, s) in p.sentences.iter().enumerate() {
        let first_new = out.len();
        let mut i = s.tokens.start;
        // "Clinton: Time for a new strategy", "JAKE TAPPER: ...": a speaker and a colon
        // open the sentence.
        if let Some(a) = cx.colon_frame(si) {
            i = a.cue.end;
            out.push(a);
        } else if let Some(a) = cx.in_source(si) {
            i = a.content[0].start;
            out.push(a);
        }
        while i < s.tokens.end {
            // Most words start no cue of any kind: one flag test passes over them
            // (here, not in `cue_at`, so it costs no call).
            if !cx.has(i, wf::CUE_START | wf::CUE_NOUN | wf::NOUN_OBJECT) {
                i += 1;
                continue;
            }
            match cx.cue_at(si, i, &out, first_new) {
                Some(a) => {
                    i = a.cue.end.max(i + 1);
                    // A source after its cue is a name, not more speech: "according to
                    // a survey released Thursday".
                    if let Some(s) = a.source.as_ref().filter(|s| s.start >= a.cue.end) {
                        let skip = a.pattern == Pattern::AccordingTo
                            || !(s.clone()).any(|k| cx.lower_is(k, &["who", "whose", "which"]));
                        if skip {
                            i = i.max(s.end);
                        }
                    }
                    out.push(a);
                }
                None => i += 1,
            }
        }
        // "Trump went even further: “C”": a clause that a colon and a quotation close.
        cx.colon_quote(si, &mut out, first_new);
        // "The plan drew criticism from Democrats": the subject receives what others say.
        cx.received(si, &mut out, first_new);
        // "Trump has a decisive lead in the latest CNN poll.": a sentence with no other
        // speech that ends in a report.
        if out.len() == first_new
            && let Some(a) = cx.in_source_after(si)
        {
            out.push(a);
        }
        for a in &mut out[first_new..] {
            cx.relative_object(a);
        }
        trim_siblings(&cx, &mut out[first_new..]);
    }
    // Speech inside a direct quotation is marked; the quoted speaker's own "I think",
    // "we hope" adds nothing to the quote that holds it and is dropped.
    for a in out.iter_mut() {
        a.quoted = cx.inside_quote(a);
        a.lead = cx.lead(a);
        // "He continued: C": the colon belongs to the cue.
        if a.cue.end < cx.p.tokens.len()
            && cx.kind(a.cue.end) == Kind::Colon
            && a.content.first().is_some_and(|r| r.start == a.cue.end + 1)
        {
            a.cue.end += 1;
        }
    }
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            !a.quoted
                || a.source
                    .as_ref()
                    .is_some_and(|s| !cx.first_person(s.clone()))
        })
        .collect();
    retain_remapped(&mut out, &keep);
    cx.quote_continuations(&mut out);
    link_nesting(&mut out);
    // "Devine said he does not think C": a thought inside another's reported speech is
    // part of what was said, and so is a topic ("confirmed the two had discussed C").
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            a.parent.is_none()
                || !(a.pattern == Pattern::Infinitive
                    || a.lemma
                        .is_some_and(|l| pack.cues.mental.has(l) || pack.cues.topic.has(l)))
        })
        .collect();
    if keep.iter().any(|k| !k) {
        retain_remapped(&mut out, &keep);
        link_nesting(&mut out);
    }
    // "the union, whose leaders voted against it": "whose" is the determiner of the
    // source before the cue.
    for a in out.iter_mut() {
        if let Some(s) = a.source.as_mut()
            && s.start > 0
            && s.end <= a.cue.start
            && cx.lower_is(s.start - 1, &["whose"])
        {
            s.start -= 1;
        }
    }
    out
}

/// A cue found at a token, before its frame is known.
struct Cue {
    /// Start of the cue including its verb group ("has also said").
    start: usize,
    end: usize,
    stance: Stance,
    lemma: u32,
    form: Form,
    hearer: bool,
    negated: bool,
    passive: bool,
    /// The verb group says others report it ("reportedly plans").
    hearsay: bool,
}

impl Cue {
    /// A cue with no verb of its own (a phrase, a noun, a colon): finite, unnegated,
    /// active, taking no hearer.
    fn plain(start: usize, end: usize, stance: Stance, lemma: u32) -> Cue {
        Cue {
            start,
            end,
            stance,
            lemma,
            form: Form::Finite,
            hearer: false,
            negated: false,
            passive: false,
            hearsay: false,
        }
    }
}

impl Ctx<'_> {
    /// Is the whole frame (source and cue) inside one direct quotation?
    fn inside_quote(&self, a: &Attribution) -> bool {
        let first = a
            .source
            .as_ref()
            .map_or(a.cue.start, |s| s.start.min(a.cue.start));
        self.quotes
            .containing(a.cue.start)
            .is_some_and(|q| self.quotes.spans[q].open < first)
    }

    /// "I", "we", "you": the quoted speaker speaking of themselves or their hearer.
    fn first_person(&self, r: Range<usize>) -> bool {
        r.len() == 1 && self.lower_is(r.start, &["i", "we", "you", "me", "us"])
    }

    /// The complementizer written between the cue and the content ("said that C").
    fn lead(&self, a: &Attribution) -> Option<usize> {
        let first = a.content.first()?;
        let mut k = first.start.checked_sub(1)?;
        if self.kind(k) == Kind::Comma {
            k = k.checked_sub(1)?;
        }
        (k >= a.cue.end && self.has(k, wf::COMP) && self.lower_is(k, &["that", "whether", "if"]))
            .then_some(k)
    }

    fn sentence_range(&self, si: usize) -> Range<usize> {
        self.p.sentences[si].tokens.clone()
    }

    /// Sentence end without the final period (a closing quote after it stays).
    fn content_end(&self, si: usize) -> usize {
        let r = self.sentence_range(si);
        let mut e = r.end;
        // ("(“C,” said one activist.)": a sentence in brackets ends inside them.)
        let bracketed = self.kind(r.start) == Kind::OpenParen;
        while e > r.start
            && (matches!(
                self.kind(e - 1),
                Kind::Period | Kind::Exclaim | Kind::Question
            ) || bracketed && self.kind(e - 1) == Kind::CloseParen)
        {
            e -= 1;
        }
        e
    }

    fn cue_at(
        &self,
        si: usize,
        i: usize,
        out: &[Attribution],
        first_new: usize,
    ) -> Option<Attribution> {
        let found = (out, first_new);
        let pack = self.pack;
        let toks = &self.p.tokens;
        let end = self.sentence_range(si).end;
        if self.compound_part(i)
            || self.compound_first(i)
            || pack.cues.not_cues.at(toks, i, end).is_some()
        {
            return None;
        }
        // "his criticism of Obama": a noun and its preposition after an owner.
        if self.has(i, wf::NOUN_OBJECT)
            && let Some((n, &no)) = pack.cues.noun_objects.at(toks, i, end)
            && let Some(a) = self.noun_object(si, i, i + n, no)
        {
            return Some(a);
        }
        if let Some((n, pc)) = pack.cues.phrases.at(toks, i, end) {
            match pc.frame {
                PhraseFrame::SourceAfter => {
                    return self.according_to(si, i, i + n, pc.stance, pc.lemma);
                }
                PhraseFrame::Adverb => return self.hearsay_adverb(si, i, i + n, pc),
                PhraseFrame::Verb => {}
            }
            // ("a teenager known as Khalil" names the noun; "is known as" still reports.)
            if self.naming_participle(i, end) {
                return None;
            }
            // "were confident that C", "is convinced that C": a phrase written with its
            // "that" needs one after it, which opens the content; the subject holds the
            // view itself (no passive report, however the adjective ends).
            let with_that = n > 1 && self.lower_is(i + n - 1, &["that"]);
            let n = if with_that { n - 1 } else { n };
            let mut cue = self.verb_group(i, i + n, pc.stance, pc.lemma, Form::Finite, false);
            cue.passive &= !with_that;
            return self.verb_frame(si, cue, found);
        }
        if let Some((n, &needs_be)) = pack.cues.raising.at(toks, i, end)
            && !self.capitalised_name(i)
            && !self.used_as_noun(i)
            && let Some(a) = self.raising(si, i, i + n, needs_be)
        {
            return Some(a);
        }
        if let Some((n, vc)) = pack.cues.verbs.at(toks, i, end) {
            if self.capitalised_name(i)
                || self.degree_modified(i)
                || self.noun_reading(i, i + n, end)
                || (n == 1
                    && (self.reduced_relative(i, end)
                        || self.naming_participle(i, end)
                        || self.names_indefinite(i, vc.lemma)))
                || self.participle_in_subject(si, i, end)
            {
                return None;
            }
            // "continues to insist": the cue is the verb after "to", with this one in
            // its verb group.
            if self.lends_subject(i, i + n, end) {
                return None;
            }
            // "released a statement saying C": the statement noun makes it a light verb.
            if self.has(i, wf::LIGHT_VERB) && self.statement_object(i + n, end) {
                return self.light_verb(si, i, i + n);
            }
            if self.used_as_noun(i) {
                // "the company's claim that ...": a statement noun, not a verb.
                return if self.has(i, wf::CUE_NOUN) && self.owned(i) {
                    self.possessive(si, i)
                } else {
                    None
                };
            }
            // "declined to comment", but not "profits declined".
            if pack.cues.needs_infinitive.has(vc.lemma)
                && !(i + n + 1 < end
                    && self.lower_is(i + n, &["to"])
                    && self.p.tokens[i + n + 1].is_word())
            {
                return None;
            }
            let cue = self.verb_group(i, i + n, vc.stance, vc.lemma, vc.form, vc.hearer);
            return self.verb_frame(si, cue, found);
        }
        if let Some((n, _)) = pack.cues.light_verbs.at(toks, i, end) {
            return self.light_verb(si, i, i + n);
        }
        if self.has(i, wf::CUE_NOUN) && self.owned(i) {
            return self.possessive(si, i);
        }
        None
    }

    /// "A news report published Wednesday said C": a past participle after a noun is
    /// part of the subject when a finite cue verb further on takes that subject.
    fn participle_in_subject(&self, si: usize, i: usize, end: usize) -> bool {
        if i == 0 || self.cat(i - 1) != Cat::Noun || !self.text(i).ends_with("ed") {
            return false;
        }
        let floor = self.sentence_range(si).start;
        let Some(k) = (i + 1..end.min(i + 10)).find(|&k| {
            self.kind(k) != Kind::Word
                || self.has(k, wf::COMP | wf::CUE_VERB | wf::AUX)
                || self.cat(k) == Cat::Rel
        }) else {
            return false;
        };
        // ("A video shared online claims that C": a noun-like cue form before "that"
        // is the verb.)
        let verb = self.finite_cue_verb(k, end)
            || (self.has(k, wf::CUE_VERB)
                && self.text(k).ends_with('s')
                && k + 1 < end
                && self.lower_is(k + 1, &["that"]));
        verb && self.subject_before(k, floor).is_some_and(|s| s.start < i)
    }

    /// A finite cue verb at `k` that heads a clause of its own ("said", "warns"), not
    /// a verb after "to", an auxiliary ("was widely condemned") or a pronoun ("anything
    /// he says"), nor a headline's passive ("leader believed killed").
    fn finite_cue_verb(&self, k: usize, end: usize) -> bool {
        self.has(k, wf::CUE_VERB)
            && self.cat(k) == Cat::Verb
            && k >= 2
            && !(k + 1 < end && self.cat(k + 1) == Cat::Verb && self.text(k + 1).ends_with("ed"))
            && !self.lower_is(k - 1, &["to"])
            && self.cat(k - 1) != Cat::Pron
            && !self.has(k - 1, wf::AUX)
            && !self.has(k - 2, wf::AUX)
            && self
                .pack
                .cues
                .verbs
                .at(&self.p.tokens, k, end)
                .is_some_and(|(_, vc)| vc.form == Form::Finite)
    }

    /// Does a statement noun follow ("a statement", "a new report")?
    fn statement_object(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        while j < end && j - k < 4 && matches!(self.cat(j), Cat::Det | Cat::Noun | Cat::Adverb) {
            if self.has(j, wf::CUE_NOUN) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Is `i..e` a verb-group word before "to" and a cue verb ("seemed to confirm",
    /// "continued to insist")?
    fn lends_subject(&self, i: usize, e: usize, end: usize) -> bool {
        e + 1 < end
            && self.lower_is(e, &["to"])
            && self.has(e + 1, wf::CUE_VERB)
            && self
                .pack
                .cues
                .verb_group
                .at(&self.p.tokens, i, end)
                .is_some_and(|(n, _)| n == e + 1 - i)
    }

    /// "Trump seemed to be shrinking", "The sale is expected to close", "it appears
    /// that C": the subject and the rest of the clause are the content, and no source
    /// is named.
    fn raising(&self, si: usize, i: usize, e: usize, needs_be: bool) -> Option<Attribution> {
        let range = self.sentence_range(si);
        let floor = range.start;
        let cend = self.content_end(si);
        if e >= cend || self.lends_subject(i, e, cend) {
            return None;
        }
        let cue = self.verb_group(i, e, Stance::Hedges, u32::MAX, Form::Finite, false);
        let be = (cue.start..i).any(|k| {
            self.lower_is(
                k,
                &[
                    "is", "are", "was", "were", "be", "been", "being", "'s", "'re",
                ],
            )
        });
        // Headlines drop the "be": "Apple Watch predicted to cost $349", "Microsoft said
        // to be buying Mojang". In prose, "Trump expected to win" is active.
        let headline = self.p.sentences[si].headline
            || range.end > range.start && self.kind(range.end - 1) != Kind::Period;
        let headline_passive = needs_be
            && !be
            && headline
            && cue.start > floor
            && cue.start == i
            && matches!(self.cat(i - 1), Cat::Noun | Cat::Name)
            && self.lower_is(e, &["to"])
            && e + 1 < cend
            && !matches!(self.cat(e + 1), Cat::Det | Cat::Pron | Cat::Num | Cat::Poss)
            // "said to Congress"; but "Said to Select" in a title-case headline.
            && (self.cat(e + 1) != Cat::Name || self.p.tokens[i].is_cap())
            // "to reporters": a plural noun is a hearer; "to cost" is a verb.
            && !(self.cat(e + 1) == Cat::Noun && self.text(e + 1).ends_with('s'));
        if (needs_be != be && !headline_passive) || cue.start == floor && needs_be {
            return None;
        }
        // "he's said he'll fight": "'s" is "has" unless "to" follows.
        if needs_be && self.lower_is(i - 1, &["'s"]) && !self.lower_is(e, &["to"]) {
            return None;
        }
        // What follows: an infinitive, "that", "like" or a predicate ("equally unperturbed").
        let mut k = e;
        if matches!(self.kind(k), Kind::Comma | Kind::Colon | Kind::Dash)
            || self.cat(k) == Cat::Prep && !self.lower_is(k, &["to", "like"])
        {
            return None;
        }
        let mut stop = self.next_kind(k, cend, |x| matches!(x, Kind::Semicolon | Kind::Dash));
        if let Some(q) = self.quotes.containing(k)
            && self.quotes.spans[q].close < stop
        {
            stop = self.quotes.spans[q].close;
        }
        // The subject: a noun phrase, or the relative pronoun that stands for it.
        let g = cue.start;
        let subject = if g > floor
            && self.cat(g - 1) == Cat::Rel
            && self.lower_is(g - 1, &["who", "which", "that"])
        {
            Some(g - 1..g)
        } else {
            self.subject_before(g, floor)
                .filter(|s| !(s.len() == 1 && self.lower_is(s.start, &["it", "there"])))
        };
        if subject.is_none() && self.lower_is(g.saturating_sub(1), &["it"]) {
            // "it appears that C"
            if !self.lower_is(k, &["that", "as", "like"]) {
                return None;
            }
        } else if subject.is_none() && !self.lower_is(k, &["to"]) {
            return None;
        }
        if self.lower_is(k, &["as"]) {
            k += 1;
            if !self.lower_is(k, &["if", "though"]) {
                return None;
            }
        }
        let mut content: Vec<Range<usize>> = subject.clone().into_iter().collect();
        content.push(k..stop);
        let mut a = self.make(si, &cue, None, content, Pattern::Raising)?;
        a.lemma = None;
        // "he was expected to raise C": a pronoun subject is part of the content too.
        if let Some(subject) = subject
            && a.content.first().is_some_and(|r| r.start > subject.start)
        {
            a.content.insert(0, subject);
        }
        Some(a)
    }

    /// "Khoga was reportedly on that trip": the clause around a hearsay adverb, its
    /// subject included, is what others report.
    fn hearsay_adverb(&self, si: usize, i: usize, e: usize, pc: &PhraseCue) -> Option<Attribution> {
        let floor = self.sentence_range(si).start;
        let cend = self.content_end(si);
        // "reportedly said", "allegedly has told": the verb is the cue.
        let mut k = e;
        while k < cend && (self.has(k, wf::AUX) || matches!(self.cat(k), Cat::Adverb | Cat::Neg)) {
            k += 1;
        }
        if k < cend && self.pack.cues.verbs.at(&self.p.tokens, k, cend).is_some() {
            return None;
        }
        // The subject, before the auxiliaries: "The Club for Growth is reportedly".
        let mut g = i;
        while g > floor && self.has(g - 1, wf::AUX) {
            g -= 1;
        }
        let subject = self.subject_before(g, floor)?;
        let stop = self.next_kind(e, cend, |x| {
            matches!(
                x,
                Kind::Semicolon | Kind::Dash | Kind::OpenParen | Kind::Quote(_)
            )
        });
        let cue = Cue::plain(i, e, pc.stance, pc.lemma);
        self.make(
            si,
            &cue,
            None,
            vec![subject.start..i, e..stop],
            Pattern::Hearsay,
        )
    }

    /// "the swing states", "a tweet": a noun-like cue form counts as a verb only
    /// after a pronoun subject or an auxiliary, or when "that", a colon or a quote
    /// follows it.
    fn noun_reading(&self, i: usize, e: usize, end: usize) -> bool {
        if !self.has(i, wf::NOUN_LIKE) {
            return false;
        }
        // "as Trump points out", "Sanders hits back": a cue's own particle makes it a verb.
        if e > i + 1 && self.lower_is(e - 1, &["out", "up", "back", "down", "off"]) {
            return false;
        }
        // "the 15 states that have held", "emails that were not marked": "that" and a
        // verb open a relative clause on the noun.
        if e + 1 < end
            && self.lower_is(e, &["that"])
            && (matches!(self.cat(e + 1), Cat::Verb | Cat::Neg | Cat::Adverb)
                || self.has(e + 1, wf::AUX))
            && !self.lower_is(e + 1, &["there"])
            && !self.is_subject_pronoun(i.saturating_sub(1))
        {
            return true;
        }
        // "Abortion rights advocates said", "reports say": a finite cue verb follows
        // (not a compound's first half: "Polls Show Double-Digit Gaps").
        if e < end
            && self.has(e, wf::CUE_VERB)
            && self.cat(e) == Cat::Verb
            && !self.has(e, wf::NOUN_LIKE)
            && !(e + 1 < end && self.kind(e + 1) == Kind::Hyphen)
        {
            return true;
        }
        let verb_before = i > 0
            && (self.is_subject_pronoun(i - 1)
                || self.lower_is(i - 1, &["who", "which", "to"])
                || (self.has(i - 1, wf::VERB_GROUP | wf::AUX) && !self.p.tokens[i - 1].is_cap()));
        // `“C,” the editorial read.`, `“C,” read the email.`: right after a quote, or
        // closing a sentence after a noun phrase that follows one.
        let after_quote = |j: usize| j >= 1 && self.quote_closing_at(j - 1, 0).is_some();
        if after_quote(i)
            || (e == end || e + 1 == end && self.kind(e) == Kind::Period) && {
                let mut j = i;
                while j > 0 && i - j < 8 && self.kind(j - 1) == Kind::Word {
                    j -= 1;
                }
                j < i && after_quote(j) && self.np_valid(j, i)
            }
        {
            return false;
        }
        // "her own plans", "enough electoral votes": a modifier before it.
        if i > 0 && self.adjective(i - 1) {
            return true;
        }
        // "a double-barreled attack", "two main questions:": a determiner before the
        // word's modifiers makes it a noun.
        // (A compound's second half is a modifier whatever it reads as alone:
        // "double-barreled", "long-awaited".)
        let mut k = i;
        while k > 0
            && i - k < 4
            && (self.cat(k - 1) == Cat::Noun && !self.p.tokens[k - 1].is_cap()
                || self.kind(k - 1) == Kind::Hyphen
                || self.kind(k - 1) == Kind::Word
                    && !self.p.tokens[k - 1].is_cap()
                    && (k < i && self.kind(k) == Kind::Hyphen
                        || k > 1 && self.kind(k - 2) == Kind::Hyphen))
        {
            k -= 1;
        }
        // But "the campaign plans to", "his supporters claim that": a singular subject
        // and a verb in -s, or a plural one and a bare verb.
        let plural = |w: &str| {
            w.ends_with('s')
                && !["ss", "us", "is"].iter().any(|x| w.ends_with(x))
                && !w.eq_ignore_ascii_case("news")
        };
        let agrees = k < i
            && plural(self.text(i)) != plural(self.text(i - 1))
            && k > 0
            && self.lower_is(
                k - 1,
                &[
                    "the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my",
                    "these", "those", "some", "many", "several", "most", "all", "both", "other",
                    "few", "numerous", "multiple", "various",
                ],
            );
        if k < i && k > 0 && matches!(self.cat(k - 1), Cat::Det | Cat::Poss) && !agrees {
            return true;
        }
        // "in swing states to stump", "a series of Twitter posts": a preposition and
        // modifiers before a plural (not "as polls show", "voters in key states
        // support").
        // (One name at most: "Brown of Marion Avenue Baptist Church plans to" speaks.)
        let mut m = k;
        if m > 0 && i - m < 4 && self.cat(m - 1) == Cat::Name {
            m -= 1;
        }
        if m < i
            && m > 0
            && plural(self.text(i))
            && self.lower_is(
                m - 1,
                &[
                    "in", "on", "at", "to", "from", "with", "of", "for", "into", "across", "among",
                    "about",
                ],
            )
        {
            return true;
        }
        // "plans to attend": "to" and a verb.
        let infinitive = e + 1 < end
            && self.lower_is(e, &["to"])
            && self.p.tokens[e + 1].is_word()
            && !matches!(self.cat(e + 1), Cat::Det | Cat::Name | Cat::Num | Cat::Pron);
        // "polls show Clinton ahead", "observers note the ...": after a plural noun or a
        // name, before a determiner, a name or a pronoun.
        // (In a title-case headline every word has its capital: "New Polls Show Gaps".)
        let title = self.title_case(i);
        // (A sentence's first word has its capital too, and may read as a name: "Polls
        // show Clinton ahead".)
        let opening = i > 0 && self.sentence_initial(i - 1) && self.cat(i - 1) == Cat::Name;
        let plural_before = i > 0 && (self.cat(i - 1) == Cat::Noun || opening) && {
            let w = self.text(i - 1);
            w.ends_with('s')
                && !w.ends_with("ss")
                && (title || !self.p.tokens[i - 1].is_cap() || self.sentence_initial(i - 1))
        };
        let name_before = i > 0 && self.cat(i - 1) == Cat::Name;
        // "C, records show.": closing the sentence after a plural noun.
        let closing = plural_before && (e == end || e + 1 == end && self.kind(e) == Kind::Period);
        let after_subject = closing
            || title && plural_before && e < end && self.p.tokens[e].is_word()
            || e < end
                && ((plural_before
                    && (matches!(self.cat(e), Cat::Det | Cat::Name | Cat::Num)
                        || self.is_subject_pronoun(e)))
                    || ((plural_before || name_before)
                        && (self.cat(e) == Cat::Det || self.lower_is(e, &["there"]))));
        let clause_after = after_subject
            || e < end
                && (self.lower_is(e, &["that"])
                    || self.kind(e) == Kind::Colon
                    || self.quotes.opening_at(e).is_some()
                    || infinitive
                    || (self.is_subject_pronoun(e) && !self.lower_is(e, &["it", "you"])));
        !(verb_before || clause_after)
    }

    /// "the most telling promise", "less confident in her", "the candidate most
    /// identified with free trade": after a degree word a cue form is a modifier. Only
    /// a bare "most" may be the subject of a verb ("most said C"), unless a participle
    /// follows it ("perhaps most telling").
    fn degree_modified(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let d = i - 1;
        if self.lower_is(d, &["less", "least"]) {
            // ("half of them or less want C": a quantity.)
            return !(d > 0 && self.lower_is(d - 1, &["or", "and", "no"]));
        }
        self.lower_is(d, &["most"])
            && (self.text(i).ends_with("ing")
                || d > 0
                    && (matches!(self.cat(d - 1), Cat::Det | Cat::Poss | Cat::Noun)
                        || self.lower_is(d - 1, BE)))
    }

    /// "Amira Said": a capitalised cue word inside a sentence is a name.
    fn capitalised_name(&self, i: usize) -> bool {
        self.p.tokens[i].is_cap() && !self.sentence_initial(i) && !self.title_case(i)
    }

    /// "the report", "Trump's claims": a cue verb form used as a noun.
    fn used_as_noun(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = i - 1;
        match self.cat(prev) {
            // "Many said" (but "some reports"): a quantifier can be the subject.
            Cat::Det => {
                !self.is_subject_pronoun(prev)
                    && (!self.quantifier(prev) || self.has(i, wf::NOUN_LIKE | wf::CUE_NOUN))
            }
            // "he's said": a clitic auxiliary, not a possessive.
            Cat::Poss => !(prev > 0 && self.has(prev - 1, wf::PRON | wf::REL)),
            // "to imply": an infinitive. "by saying he would", "after noting that": a
            // gerund whose subject is the main clause's.
            // "has since said": a preposition in the verb group.
            Cat::Prep => {
                let gerund = self.lower_is(prev, GERUND_PREPS) && self.text(i).ends_with("ing");
                !(self.lower_is(prev, &["to"]) || gerund || self.has(prev, wf::VERB_GROUP))
            }
            _ => false,
        }
    }

    /// Extends a cue left over its verb group ("has also said", "did not confirm").
    fn verb_group(
        &self,
        head: usize,
        end: usize,
        stance: Stance,
        lemma: u32,
        form: Form,
        hearer: bool,
    ) -> Cue {
        let toks = &self.p.tokens;
        let floor = self
            .p
            .sentence_of(head)
            .map_or(0, |s| self.p.sentences[s].tokens.start);
        let mut g = head;
        let mut negated = false;
        let mut be_before = false;
        let mut aux_seen = false;
        loop {
            if g <= floor {
                break;
            }
            if let Some((n, _)) = self.pack.cues.verb_group.ending_at(toks, floor, g) {
                g -= n;
                continue;
            }
            let k = g - 1;
            // "half-joking": the compound's first half.
            if g == head && self.kind(k) == Kind::Hyphen && k > floor && toks[k - 1].is_word() {
                g = k - 1;
                continue;
            }
            // "he's said", "they've argued": a clitic auxiliary after a pronoun.
            if toks[k].is(crate::text::tokens::flag::CLITIC)
                && self.lower_is(
                    k,
                    &[
                        "'s", "'ve", "'d", "'re", "'ll", "’s", "’ve", "’d", "’re", "’ll",
                    ],
                )
                && k > floor
                && self.has(k - 1, wf::PRON | wf::REL)
            {
                g = k;
                break;
            }
            // (In a title-case headline an adverb's capital says nothing: "Beck Just
            // Responded". Its auxiliaries stay out: "Is Named as" would read as a
            // passive report where the headline names someone itself.)
            let word_ok = toks[k].is_word()
                && (!toks[k].is_cap() || self.title_case(k) && !self.has(k, wf::AUX));
            if word_ok && self.has(k, wf::NEGATION) && !self.has(k, wf::DET) {
                negated = true;
                g = k;
                continue;
            }
            if word_ok && self.has(k, wf::VERB_GROUP) {
                // The auxiliary nearest the verb, over adverbs ("was widely known").
                if !aux_seen && self.has(k, wf::AUX) {
                    aux_seen = true;
                    be_before =
                        self.lower_is(k, &["is", "are", "was", "were", "be", "been", "being"]);
                }
                g = k;
                continue;
            }
            if word_ok
                && self.cat(k) == Cat::Adverb
                && k > floor
                && !matches!(self.cat(k - 1), Cat::Det | Cat::Poss | Cat::Prep)
            {
                g = k;
                continue;
            }
            break;
        }
        let past = self.has(head, wf::PARTICIPLE) || {
            // (Compared ignoring case, rather than lowercased into a new string.)
            let w = self.text(head).as_bytes();
            w.len() >= 2 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed")
                || [
                    "told", "said", "written", "shown", "known", "found", "thought",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
        };
        let passive = be_before && past && form == Form::Finite;
        let hearsay = (g..head).any(|k| self.pack.cues.hearsay.at(toks, k, head).is_some());
        let stance = if negated {
            match stance {
                Stance::Confirms | Stance::Denies | Stance::Asserts => Stance::Hedges,
                s => s,
            }
        } else {
            stance
        };
        Cue {
            start: g,
            end,
            stance,
            lemma,
            form,
            hearer,
            negated,
            passive,
            hearsay,
        }
    }

    fn make(
        &self,
        si: usize,
        cue: &Cue,
        source: Option<Range<usize>>,
        content: Vec<Range<usize>>,
        pattern: Pattern,
    ) -> Option<Attribution> {
        let content: Vec<Range<usize>> = content
            .into_iter()
            .filter(|r| !r.is_empty() && self.has_words(r.clone()))
            .collect();
        if content.is_empty() {
            return None;
        }
        // "continued campaigning", "maintains a lead": some verbs speak only when what
        // follows opens as speech (a quote, a colon, "that"), or with the quote before.
        if self.pack.cues.needs_speech.has(cue.lemma)
            && let Some(first) = content.first()
            && first.start >= cue.end
        {
            let k = first.start;
            let speech = self.p.tokens[k].is_quote()
                || (k > cue.end
                    && (self.kind(k - 1) == Kind::Colon
                        || self.has(k - 1, wf::COMP)
                        || self.p.tokens[k - 1].is_quote()));
            if !speech {
                return None;
            }
        }
        // "a report released by the academy", "responded by easing sanctions": a
        // phrase with "by" right after the cue names its agent or the deed it was
        // answered with, not what was said; only speech in it is ("responded by
        // saying C"), or a margin ("found, by 43 to 41, that C").
        if let Some(first) = content.first()
            && first.start == cue.end
            && first.len() > 1
            && self.lower_is(first.start, &["by"])
        {
            let mut g = first.start + 1;
            while g + 1 < first.end && self.cat(g) == Cat::Adverb {
                g += 1;
            }
            let speech = self.has(g, wf::CUE_VERB) && self.text(g).ends_with("ing");
            if !speech && self.kind(first.start + 1) != Kind::Number {
                return None;
            }
        }
        let mut content = content;
        let mut cue_end = cue.end;
        // "warned against C", "talked about C", "referred to the report": a preposition
        // right after the cue belongs to it; "to" and a verb opens an infinitive.
        if let Some(first) = content.first_mut()
            && first.start == cue.end
            && first.len() > 1
            && self.cat(first.start) == Cat::Prep
            && self.lower_is(
                first.start,
                &[
                    "about", "against", "as", "at", "for", "from", "in", "into", "of", "on",
                    "over", "with", "to",
                ],
            )
            && (!self.lower_is(first.start, &["to"])
                || matches!(
                    self.cat(first.start + 1),
                    Cat::Det | Cat::Name | Cat::Pron | Cat::Num
                ))
        {
            first.start += 1;
            cue_end += 1;
        }
        Some(Attribution {
            sentence: si,
            source,
            cue: cue.start..cue_end,
            content,
            lead: None,
            relative: None,
            stance: cue.stance,
            lemma: Some(cue.lemma),
            pattern,
            negated: cue.negated,
            quoted: false,
            parent: None,
            same_speaker_as: None,
        })
    }

    fn has_words(&self, r: Range<usize>) -> bool {
        // A quotation is what was said, however short ("“You tell me,”").
        if self.p.tokens[r.start].is_quote() {
            return r.into_iter().any(|k| self.kind(k) == Kind::Word);
        }
        // "said no": an answer.
        if r.len() == 1 && self.lower_is(r.start, &["no", "yes"]) {
            return true;
        }
        // "it would not", "she could", "this is about me": a subject and an auxiliary
        // make a clause.
        if r.len() >= 2
            && (self.is_subject_pronoun(r.start)
                || self.lower_is(r.start, &["this", "that", "these", "those"]))
            && self.cat(r.start + 1) == Cat::Verb
        {
            return true;
        }
        // "Then there were two": "there" and a verb.
        // (The auxiliary first: it is a flag test, and rarer than a word that is no
        // "there".)
        if (r.start..r.end - 1).any(|k| self.has(k + 1, wf::AUX) && self.lower_is(k, &["there"])) {
            return true;
        }
        r.into_iter().any(|k| {
            matches!(self.kind(k), Kind::Word | Kind::Number)
                && !self.has(k, wf::STOP | wf::NEGATION | wf::PRON | wf::PREP | wf::DET)
        })
    }

    /// A phrase that opens with a preposition and is short, or has no comma and no
    /// verb: "At one point", "In an interview with The Huffington Post in late May".
    fn prep_adjunct(&self, r: Range<usize>) -> bool {
        if self.cat(r.start) != Cat::Prep {
            return false;
        }
        let words = r.clone().filter(|&k| self.kind(k) == Kind::Word).count();
        // ("In a federal court in Richmond, Va.,": the state's comma.)
        let end = r.end;
        words <= 6
            || r.into_iter().all(|k| match self.kind(k) {
                Kind::Comma => self.place_note(k + 1, end),
                Kind::Quote(_) => false,
                _ => self.cat(k) != Cat::Verb || self.p.tokens[k].is_cap(),
            })
    }

    /// More than a time or place phrase: "in July" after a cue is not what was said.
    fn is_clause(&self, pieces: &[Range<usize>]) -> bool {
        let Some(first) = pieces.first() else {
            return false;
        };
        if self.p.tokens[first.start].is_quote() || pieces.len() > 1 {
            return true;
        }
        let words = first
            .clone()
            .filter(|&k| matches!(self.kind(k), Kind::Word | Kind::Number))
            .count();
        let adjunct = self.cat(first.start) == Cat::Prep
            && first
                .clone()
                .skip(1)
                .all(|k| matches!(self.cat(k), Cat::Time | Cat::Name | Cat::Num | Cat::Det));
        words >= 2 && !adjunct
    }

    /// The frames of a verb cue.
    fn verb_frame(
        &self,
        si: usize,
        cue: Cue,
        found: (&[Attribution], usize),
    ) -> Option<Attribution> {
        let range = self.sentence_range(si);
        let floor = range.start;
        let g = cue.start;

        // "Carmaker reportedly plans to cut jobs": others report the subject's plan.
        if cue.hearsay && self.pack.cues.mental.has(cue.lemma) {
            return None;
        }

        if cue.passive {
            return self.passive(si, &cue);
        }

        // "He believes, he said, that C": the clause around an interjected "he said"
        // is what that speaker said, this verb and all.
        if self.interjected_speech(cue.end, range.end) {
            return None;
        }

        // A quote mark between subject and cue: Mr Trump “suggested that ...
        let g_subject = if g > floor
            && self.p.tokens[g - 1]
                .quote()
                .is_some_and(|q| q.dir == QuoteDir::Open)
        {
            g - 1
        } else {
            g
        };

        // "Asked by Ingraham about C, Cruz said": a participle of a hearer verb opens
        // the sentence or a "when" clause.
        if cue.hearer && cue.form == Form::Finite && g == cue.end - 1 {
            let w = self.text(g).to_ascii_lowercase();
            let participle = w.ends_with("ed") || w == "told";
            let mut k = g;
            while k > floor && self.p.tokens[k - 1].is_quote() {
                k -= 1;
            }
            // "he said when asked about C", "Carson said, asked about C".
            let opens = k == floor
                || self.lower_is(k - 1, &["when", "whenever"])
                || (self.kind(k - 1) == Kind::Comma
                    && self.lower_is(g, &["asked"])
                    && self.subject_before(g, floor).is_none())
                || (self.lower_is(
                    k - 1,
                    &["when", "if", "after", "once", "before", "as", "while"],
                ) && (k - 1 == floor
                    || matches!(self.kind(k - 2), Kind::Comma | Kind::Dash)
                    || self.quotes.opening_at(k - 2).is_some()));
            if participle && opens {
                return self.asked(si, &cue);
            }
        }

        // "a statement which emphasised that C", "the report that said C"
        if g_subject > floor
            && self.cat(g_subject - 1) == Cat::Rel
            && self.lower_is(g_subject - 1, &["which", "that", "who"])
            && let Some(a) = self.relative(si, &cue)
        {
            return a;
        }

        // ", noting that C": a participle takes the main clause's subject.
        let mut before = g;
        while before > floor && self.is_close_quote(before - 1) {
            before -= 1;
        }
        // ("saying C but suggesting D": a participle joined to an earlier one.)
        let joined = || {
            self.lower_is(before - 1, &["and", "but"])
                && (found.0[found.1..]
                    .last()
                    .is_some_and(|a| a.pattern == Pattern::Participle)
                    || self.participle_partner(floor, before - 1).is_some_and(|k| {
                        // (Not one inside what was said: "says Obama is acting
                        // unlawfully and showing C".)
                        !found.0[found.1..]
                            .iter()
                            .any(|a| a.content.iter().any(|r| r.contains(&k)))
                    }))
        };
        if cue.form == Form::Ing
            && (before == floor
                || matches!(self.kind(before - 1), Kind::Comma | Kind::Dash)
                || self.lower_is(before - 1, &["while", "when"])
                || self.lower_is(before - 1, GERUND_PREPS)
                || joined())
        {
            return self.participle(si, &cue, found, Pattern::Participle);
        }

        // "X confirmed A but said B": a second verb shares the first one's subject;
        // "They rushed everyone inside and said C": so does one after a verb that is
        // no cue, the sentence's subject speaking.
        let (out, first_new) = found;
        if cue.form == Form::Finite && g > floor && self.lower_is(g - 1, &["and", "but"]) {
            if (first_new..out.len()).any(|j| out[j].source.is_some()) {
                return self.participle(si, &cue, found, Pattern::Coordinated);
            }
            if self.subject_before(g_subject, floor).is_none()
                && let Some(a) = self.participle(si, &cue, found, Pattern::Coordinated)
            {
                return Some(a);
            }
        }

        // "urged Congress to reject C", "went on CNN to defend her".
        if g > floor && self.lower_is(g - 1, &["to"]) {
            return self.infinitive(si, &cue, found);
        }

        let subject = self
            .subject_before(g_subject, floor)
            .filter(|s| self.source_like(s.clone()));
        // "issued a statement saying C", "released a report Tuesday calling C": the one
        // who issued it speaks; the noun phrase is the verb's object, not its subject.
        if cue.form == Form::Ing
            && let Some(obj) = &subject
            && obj.start > floor
        {
            // ("started out the debate saying C": over the verb's particle.)
            let particle = obj.start > floor + 1
                && self.lower_is(obj.start - 1, &["out", "off", "up", "down", "back"])
                && self.cat(obj.start - 2) == Cat::Verb;
            let before = obj.start - 1 - usize::from(particle);
            let verb_before = self.cat(before) == Cat::Verb
                || self.has(before, wf::LIGHT_VERB)
                || (self.text(before).ends_with("ed") && !self.p.tokens[before].is_cap());
            if verb_before && self.p.tokens[before].is_word() {
                let lv = self.verb_group(
                    before,
                    before + 1,
                    cue.stance,
                    cue.lemma,
                    Form::Finite,
                    false,
                );
                let issuer = self
                    .subject_before(lv.start, floor)
                    .filter(|s| self.source_like(s.clone()));
                let right = self.content_right(si, cue.end, cue.hearer);
                return match issuer {
                    Some(issuer) => {
                        let mut a = self.make(si, &cue, Some(issuer), right, Pattern::SourceCue)?;
                        a.cue.start = lv.start;
                        Some(a)
                    }
                    _ => None,
                };
            }
        }
        // "In a statement released Thursday, Doe said C": a participle after the
        // object of an opening preposition names that object; it is no finite cue.
        if let Some(obj) = &subject
            && cue.form == Form::Finite
            && cue.end == cue.start + 1
            && self.text(cue.start).ends_with("ed")
            && obj.start > floor
            && self.lower_is(obj.start - 1, &["in", "on", "at", "from", "through", "via"])
            && (obj.start - 1 == floor
                || matches!(self.kind(obj.start - 2), Kind::Comma | Kind::Quote(_)))
            // (the adjunct then closes at a comma before the main clause's subject)
            && (cue.end..range.end.min(cue.end + 12))
                .take_while(|&k| !self.has(k, wf::AUX) && self.cat(k) != Cat::Verb)
                .find(|&k| self.kind(k) == Kind::Comma)
                .is_some_and(|c| c + 1 < range.end && self.np_or_pronoun_start(c + 1))
        {
            return None;
        }
        if let Some(subject) = subject {
            let pattern_as = subject.start > floor && self.lower_is(subject.start - 1, &["as"]);
            if pattern_as && let Some(a) = self.as_clause(si, &cue, subject.clone()) {
                return Some(a);
            }
            let right = self.content_right(si, cue.end, cue.hearer);
            let before_subject = subject.start.checked_sub(1).filter(|&k| k >= floor);
            let after_left = before_subject
                .is_some_and(|k| matches!(self.kind(k), Kind::Comma) || self.is_close_quote(k));
            // "Asked if he was bullied, the candidate said no", "Although C, Lopez said
            // D": an opening participle or subordinate clause right before the subject
            // is the narrator's, and what follows the cue is said.
            // ("After 2011 he made changes, records show.": with nothing after the cue
            // and no speech in it, the opening clause is what was said.)
            let left_opening = after_left
                && (!right.is_empty() || found.0.len() > found.1)
                && before_subject.is_some_and(|k| self.opening_clause(si, k));
            // `"C," X said at a rally`: after a closed quote, what follows the cue is
            // said only when it opens with a quote, "that" or a colon.
            // `"Who knows?" Trump asked, smiling`: a quote sentence before is what was
            // said when no clause follows the cue (a hearer, an adjunct, a participle).
            let quote_prev = || {
                self.sentence_initial(subject.start)
                    && self
                        .quote_before(si)
                        .first()
                        .is_some_and(|r| self.sentence_initial(r.start))
                    && right.first().is_none_or(|r| {
                        matches!(self.cat(r.start), Cat::Prep | Cat::Time)
                            && !self.lower_is(r.start, &["that", "whether", "if"])
                            || self.lower_is(r.start, SUBORDINATORS)
                            || self.kind(r.start - 1) == Kind::Comma
                                && self.text(r.start).ends_with("ing")
                            || cue.hearer && self.only_hearer_from(si, cue.end)
                    })
            };
            // (`On NBC's "Meet the Press," Smith said the bill is dead`, `to chants of
            // "Go!," the mayor said C`: a quote that a word leads into is part of an
            // opening phrase, and a clause right after the cue is what was said.)
            let embedded_quote = || {
                before_subject
                    .and_then(|k| self.quote_closing_at(k, floor))
                    .and_then(|c| self.quotes.closing_at(c))
                    .is_some_and(|q| {
                        let open = self.quotes.spans[q].open;
                        open > floor && self.kind(open - 1) == Kind::Word
                    })
                    && right.first().is_some_and(|r| {
                        r.start <= cue.end + 3
                            && self.kind(cue.end) != Kind::Comma
                            && self.cat(r.start) != Cat::Prep
                            && self.is_clause(&right)
                    })
            };
            let quote_left = !left_opening
                && ((before_subject.is_some_and(|k| self.quote_closing_at(k, floor).is_some())
                    && !embedded_quote())
                    || quote_prev());
            // After a quote, only what opens right after the cue is said too (`"A," he
            // said, "B."`), not what follows an adjunct ("said in a documentary that ...").
            let right_opens = right.first().is_some_and(|r| {
                r.start <= cue.end + 2
                    && (self.quotes.opening_at(r.start).is_some()
                        || (r.start > cue.end
                            && (self.kind(r.start - 1) == Kind::Colon
                                || self.has(r.start - 1, wf::COMP))))
            });
            let right = if (quote_left && !right_opens)
                || (cue.hearer
                    && after_left
                    && !left_opening
                    && before_subject.is_some_and(|k| self.only_hearer_after(si, k, cue.end)))
            {
                vec![]
            } else {
                right
            };
            // "C, Wilkin said during his speech": with a clause on the left, a
            // prepositional phrase after the cue is an adjunct.
            let adjunct_right = after_left
                && !left_opening
                && right.first().is_some_and(|r| {
                    self.cat(r.start) == Cat::Prep
                        && !self.lower_is(r.start, &["to"])
                        && !(r.start > cue.end && self.has(r.start - 1, wf::COMP))
                        && self.is_clause(&self.content_left(si, before_subject.unwrap_or(floor)))
                });
            if !right.is_empty()
                && !adjunct_right
                && (self.is_clause(&right) || !after_left || left_opening)
            {
                // "The plan, he said, is dead": content on both sides.
                if after_left
                    && self.kind(cue.end.min(range.end - 1)) == Kind::Comma
                    && self.is_clause(&right)
                {
                    let mut pieces = self.after_found(
                        self.content_left(si, before_subject.unwrap_or(floor)),
                        found,
                    );
                    // "Asked whether C, Mrs. Clinton said", "When she got inside, she
                    // said": an opening participle or time clause is the narrator's (a
                    // condition, "If C, D," is part of what was said).
                    let opening = pieces.first().is_some_and(|r| {
                        let w = self.text(r.start).to_ascii_lowercase();
                        self.lower_is(r.start, &["when", "whenever", "after", "before", "once"])
                            || (self.p.tokens[r.start].is_cap()
                                && (w.ends_with("ed") || w.ends_with("ing")))
                    });
                    if !pieces.is_empty() && !opening && !left_opening {
                        pieces.extend(right);
                        return self.make(si, &cue, Some(subject), pieces, Pattern::Parenthetical);
                    }
                }
                return self.make(si, &cue, Some(subject), right, Pattern::SourceCue);
            }
            // "In a speech, he said:" introduces what follows, never what came before.
            let colon_after = cue.end < range.end && self.kind(cue.end) == Kind::Colon;
            if let Some(k) = before_subject.filter(|_| after_left && !left_opening && !colon_after)
            {
                // (Not after another speech cue: "DuVernay said she felt C because "D,"
                // she said"; a thought is part of it: `Voters who think "C," he said`.)
                let (out, first_new) = found;
                let mental =
                    |a: &Attribution| a.lemma.is_some_and(|l| self.pack.cues.mental.has(l));
                // (Only an adjunct may follow the cue: "she said in a statement".)
                let cend = self.content_end(si);
                let left = match self.mixed_quote(si, k) {
                    Some(r)
                        if self.skip_adjuncts(cue.end, cend) >= cend
                            && out[first_new..]
                                .iter()
                                .all(|a| a.cue.start >= k || mental(a)) =>
                    {
                        vec![r]
                    }
                    _ => self.content_left(si, k),
                };
                // "In an interview with the Times, he said", "At one point, she said":
                // a prepositional adjunct says nothing.
                if left.first().is_some_and(|r| self.prep_adjunct(r.clone())) {
                    return None;
                }
                let mut pieces = self.after_found(left.clone(), found);
                // "Voters did not recognize it and found it offensive, Raddatz said": the
                // clause on the left is said whole, the speech in it nests (not after a
                // question: "Asked whether C, Carson said").
                if pieces.is_empty()
                    && out[first_new..].iter().all(|a| {
                        a.pattern == Pattern::SourceCue || a.pattern == Pattern::Coordinated
                    })
                {
                    pieces = left;
                }
                // ("If he chooses, he can sound presidential": a modal verb after a
                // clause is the main clause's, not a speaker's.)
                let modal = (cue.start..cue.end).any(|k| {
                    self.lower_is(
                        k,
                        &["would", "should", "could", "can", "might", "may", "must"],
                    )
                });
                if pieces.is_empty() || modal {
                    return None;
                }
                // `“It’s fine,” Trump said of waterboarding`: what it was said of is
                // part of what was said.
                let after = if cue.end + 1 < cend && self.lower_is(cue.end, &["of"]) {
                    pieces.push(cue.end + 1..cend);
                    cend
                } else {
                    cue.end
                };
                pieces.extend(self.trailing_quote(si, after));
                return self.make(si, &cue, Some(subject), pieces, Pattern::ContentFirst);
            }
            // `“Does he not understand?” Biden said.`: the quote ended the sentence before.
            if self.sentence_initial(subject.start) {
                let mut pieces = self.quote_before(si);
                if !pieces.is_empty() {
                    pieces.extend(self.trailing_quote(si, cue.end));
                    return self.make(si, &cue, Some(subject), pieces, Pattern::ContentFirst);
                }
            }
            return None;
        }
        // `“Does he not understand?” said Biden.`
        if self.sentence_initial(g) {
            let end = self.content_end(si);
            if let Some(source) = self
                .source_after(cue.end, end)
                .filter(|s| s.end == end && self.source_like(s.clone()))
            {
                let pieces = self.quote_before(si);
                if !pieces.is_empty() {
                    return self.make(si, &cue, Some(source), pieces, Pattern::CueSource);
                }
            }
            // `Said Comey, "The thought ... is very painful to us."`, `Said Ellis: "C"`
            if let Some(source) = self
                .source_after(cue.end, end)
                .filter(|s| s.end < end && matches!(self.kind(s.end), Kind::Comma | Kind::Colon))
                .filter(|s| self.source_like(s.clone()))
            {
                let pieces = match self.quotes.opening_at(source.end + 1) {
                    Some(_) if self.kind(source.end) == Kind::Colon => {
                        self.quote_pieces(source.end + 1)
                    }
                    _ => self.trailing_quote(si, source.end),
                };
                if !pieces.is_empty() {
                    let source = self.closing_comma(source, end);
                    return self.make(si, &cue, Some(source), pieces, Pattern::CueSource);
                }
            }
        }

        // No subject before the cue: "C, said X" or `"C," said X`.
        let after = self.skip_comma(cue.end);
        let left_ok = g > floor && (self.kind(g - 1) == Kind::Comma || self.is_close_quote(g - 1));
        // Only a simple verb inverts ("C, said X"): "X, a Democrat, has proposed C" and
        // "officials have, in fact, praised C" keep their subject on the left.
        let inverts = || {
            // "C, not declare X" and "C, then referred to X" are coordinated verb
            // phrases, as is any verb but one of speech ("C, mocked X").
            self.pack.cues.inverting.has(cue.lemma)
                && !(cue.start..cue.end).any(|k| self.has(k, wf::AUX) || self.cat(k) == Cat::Neg)
                && !self.lower_is(cue.start, &["then", "also", "later"])
                && !(floor..g - 1).any(|k| {
                    self.has(k, wf::AUX)
                        && self.kind(k + 1) == Kind::Comma
                        && self.quotes.containing(k).is_none()
                })
        };
        if left_ok && inverts() {
            let end = self.content_end(si);
            // (`X, a professor, called it “C”`: "it" and "you" are objects here.)
            let source = self.source_after(after, end).filter(|s| {
                self.source_like(s.clone()) && !self.lower_is(s.start, &["it", "you"])
            })?;
            // "C, said X": the source closes the clause ("..., said the block grants
            // should ..." is no such frame), or an adjunct or a subordinate clause
            // follows it ("said Dan Golvach when asked about Graham").
            if source.end < end
                && !matches!(
                    self.kind(source.end),
                    Kind::Comma | Kind::Semicolon | Kind::Dash | Kind::CloseParen | Kind::Quote(_)
                )
                && !self.lower_is(
                    source.end,
                    &[
                        "in", "on", "during", "at", "via", "over", "last", "this", "when", "while",
                        "as", "after", "before", "because", "though", "although",
                    ],
                )
            {
                return None;
            }
            let mut pieces = self.after_found(self.content_left(si, g - 1), found);
            pieces.extend(self.trailing_quote(si, source.end));
            let source = self.closing_comma(source, end);
            return self.make(si, &cue, Some(source), pieces, Pattern::CueSource);
        }
        None
    }

    /// Does an interjected speech clause (", he said," or ", she said on Monday,")
    /// start at the comma `k`, with more of the sentence after it?
    fn interjected_speech(&self, k: usize, end: usize) -> bool {
        if k + 3 >= end || self.kind(k) != Kind::Comma {
            return false;
        }
        let Some(v) = (k + 2..end.min(k + 7)).find(|&v| self.has(v, wf::CUE_VERB)) else {
            return false;
        };
        let speech = self
            .pack
            .cues
            .verbs
            .at(&self.p.tokens, v, end)
            .filter(|(_, vc)| vc.form == Form::Finite && !self.pack.cues.mental.has(vc.lemma));
        let Some((n, _)) = speech else {
            return false;
        };
        let after = self.skip_adjuncts(v + n, end);
        after + 1 < end
            && self.kind(after) == Kind::Comma
            && (k + 1..v).all(|j| self.kind(j) == Kind::Word)
            && self.subject_before(v, k + 1) == Some(k + 1..v)
    }

    /// The source after a cue ("said Rep. Patrick J. Tiberi (R-Ohio), a senior member
    /// of the committee"): a noun phrase with its bracketed notes and appositives.
    fn source_after(&self, after: usize, end: usize) -> Option<Range<usize>> {
        let mut head = self.np_after(after, end)?;
        // "said RNC spokesman Sean Spicer in a Friday tweet": the medium and the time
        // are adjuncts, not part of the name.
        // "one Republican involved in the planning" keeps its phrase: a participle's
        // object is no adjunct of the cue.
        if let Some(k) = (head.start + 1..head.end).find(|&k| {
            self.lower_is(
                k,
                &["in", "on", "during", "at", "via", "over", "last", "this"],
            ) && (k + 1..head.end.min(k + 6))
                .any(|j| self.has(j, wf::CUE_NOUN | wf::TIME) || self.cat(j) == Cat::Time)
                && !self.participle_clause(k - 1, k + 1)
        }) {
            head.end = k;
            if head.is_empty() || !self.np_valid(head.start, head.end) {
                return None;
            }
            return Some(head);
        }
        let mut e = head.end;
        // "said Rep. Glenn Thompson, R-Pa., on Monday": an abbreviation's period.
        if e + 1 < end && self.kind(e) == Kind::Period && self.kind(e + 1) == Kind::Comma {
            e += 1;
        }
        loop {
            if e >= end {
                break;
            }
            if self.kind(e) == Kind::OpenParen {
                match (e + 1..end.min(e + 10)).find(|&k| self.kind(k) == Kind::CloseParen) {
                    Some(c) => {
                        e = c + 1;
                        // "the Vox Populi (Voice of the People) column": the head noun
                        // comes after the note.
                        if e < end
                            && self.cat(e) == Cat::Noun
                            && !self.p.tokens[e].is_cap()
                            && let Some(r) = self.np_after(e, end)
                        {
                            e = r.end;
                        }
                        continue;
                    }
                    None => break,
                }
            }
            if self.kind(e) == Kind::Comma && e + 1 < end {
                let f = self.next_kind(e + 1, end, |x| {
                    matches!(
                        x,
                        Kind::Comma | Kind::Semicolon | Kind::Dash | Kind::Quote(_) | Kind::Colon
                    )
                });
                if f > e + 1
                    && !self.participle_clause(e + 1, f)
                    && (self.np_valid(e + 1, f)
                        || self.party_note(e + 1, f)
                        || self.dated_role(e + 1, f))
                    && !self.is_subject_pronoun(e + 1)
                {
                    e = f;
                    continue;
                }
                // "said Mr. Brown, who has taken on the organizing": the relative clause
                // runs to the end of the clause.
                if self.lower_is(e + 1, &["who", "whom", "whose"]) {
                    let mut f = self.next_kind(e + 1, end, |x| {
                        matches!(
                            x,
                            Kind::Semicolon | Kind::Dash | Kind::Quote(_) | Kind::Colon
                        )
                    });
                    // `Said Poynter, who grew up with Ali, "We were proud."`: the comma
                    // before the quote closes the clause.
                    if f < end && self.kind(f - 1) == Kind::Comma {
                        f -= 1;
                    }
                    if self.relative_appositive(e + 1, f) {
                        e = f;
                    }
                    break;
                }
            }
            break;
        }
        Some(head.start..e)
    }

    /// "C, said Ann Ruiz, a spokeswoman for the firm, in a statement": the comma that
    /// closes an appositive after the cue is the source's, as it is before the verb
    /// ("Ann Ruiz, a spokeswoman for the firm, said C").
    fn closing_comma(&self, s: Range<usize>, end: usize) -> Range<usize> {
        if s.end + 1 < end
            && self.kind(s.end) == Kind::Comma
            && s.clone().any(|k| self.kind(k) == Kind::Comma)
        {
            s.start..s.end + 1
        } else {
            s
        }
    }

    /// Is `r` a plausible speaker: not a bare time phrase or a number.
    fn source_like(&self, r: Range<usize>) -> bool {
        // "Many", "one in three", "about six in 10", "the two": a quantifier stands for
        // its noun.
        // ("more than six in 10")
        let q = r.start + self.quantity_hedge(r.start, r.end);
        if (self.quantifier(q)
            || q + 2 <= r.end && self.quantifier(q + 1)
            || r.len() == 1 && self.count_subject(q)
            || self.ratio(q, r.end)
            // ("None of the three", "No one")
            || self.lower_is(q, &["none", "no", "not", "neither"]))
            && self.np_valid(r.start, r.end)
        {
            return true;
        }
        // "stoking", "far", "well": a lone lowercase participle or adverb speaks for
        // no one.
        if r.len() == 1 && !self.p.tokens[r.start].is_cap() && self.cat(r.start) != Cat::Pron {
            let w = self.text(r.start);
            if w.ends_with("ing") || self.has(r.start, wf::ADVERB | wf::STOP) {
                return false;
            }
        }
        r.clone()
            .any(|k| matches!(self.cat(k), Cat::Name | Cat::Noun | Cat::Pron))
            && !r
                .clone()
                .all(|k| matches!(self.cat(k), Cat::Num | Cat::Det | Cat::Time))
    }

    fn is_close_quote(&self, k: usize) -> bool {
        self.p.tokens[k]
            .quote()
            .is_some_and(|q| q.double && q.dir != QuoteDir::Open)
            && self.quotes.closing_at(k).is_some()
    }

    fn skip_comma(&self, k: usize) -> usize {
        if k < self.p.tokens.len() && self.kind(k) == Kind::Comma {
            k + 1
        } else {
            k
        }
    }

    /// The content after a cue: skips the hearer, time and place adjuncts and "that".
    fn content_right(&self, si: usize, k: usize, hearer: bool) -> Vec<Range<usize>> {
        let end = self.content_end(si);
        let mut k = k;
        if k >= end {
            return vec![];
        }
        if self.kind(k) == Kind::Colon {
            k += 1;
            if k < self.p.tokens.len() && self.quotes.opening_at(k).is_some() {
                return self.quote_pieces(k);
            }
            return if k < end {
                vec![k..end]
            } else {
                self.next_paragraph(si)
            };
        }
        if hearer {
            k = self.skip_hearer(k, end);
        }
        let adjunct = k;
        k = self.skip_adjuncts(k, end);
        // "told New Hampshire on Monday that C", "said — on Twitter — that C": a
        // "that" shortly after an adjunct opens the content.
        if k < end
            && (matches!(self.kind(k), Kind::Dash | Kind::Comma)
                || matches!(self.cat(k), Cat::Prep | Cat::Adverb | Cat::Time))
        {
            let mut j = k;
            while j < end && j - k < 12 {
                if self.lower_is(j, &["that"]) && self.has(j, wf::COMP) {
                    k = j;
                    break;
                }
                if matches!(self.kind(j), Kind::Quote(_) | Kind::Semicolon | Kind::Colon)
                    || self.cat(j) == Cat::Verb
                {
                    break;
                }
                j += 1;
            }
        }
        if k < end && self.kind(k) == Kind::Comma {
            // "By the time those primaries concluded, 40 percent said C": the comma
            // closes an opening subordinate clause, and the main clause is no content.
            if self.quotes.opening_at(k + 1).is_none() && self.in_opening_clause(si, k) {
                return vec![];
            }
            k += 1;
            // "C, Hollande said Tuesday, noting D": a participle after the adjunct is
            // speech of its own, so what was said came before.
            if k < end && self.has(k, wf::CUE_VERB) && self.text(k).ends_with("ing") {
                return vec![];
            }
            // "said in his 2012 book, ''An American Son.''": a title after the adjunct.
            if k > adjunct + 2 && self.cat(adjunct) == Cat::Prep && self.title_quote(k) {
                return vec![];
            }
        }
        if k < end && self.has(k, wf::COMP) && self.lower_is(k, &["that", "whether", "if"]) {
            k += 1;
            // "that, at that point, C"
            if k < end && self.kind(k) == Kind::Comma {
                k += 1;
            }
        }
        if k < end && self.kind(k) == Kind::Colon {
            k += 1;
            if k >= end {
                return self.next_paragraph(si);
            }
        }
        // "yelled and held up a banner", "said, and it has": a second verb or clause
        // joined to the cue says nothing of its own.
        if k >= end || self.lower_is(k, &["and", "or", "nor"]) {
            return vec![];
        }
        // Content ends a clause that a new sentence-level break closes.
        if self.quotes.opening_at(k).is_some() {
            let q = self.quotes.opening_at(k).unwrap_or_default();
            let span = self.quotes.spans[q];
            // A quote that runs on past this sentence is the content, whole.
            if span.close + 1 >= end || !span.closed {
                return self.quote_pieces(k);
            }
        }
        // Inside a quote, content stops at the closing mark, and inside brackets at
        // the closing one ("(one activist said it was unfair)").
        let mut stop = end;
        let mut depth = 0usize;
        for j in k..end {
            match self.kind(j) {
                Kind::OpenParen => depth += 1,
                Kind::CloseParen if depth == 0 => {
                    stop = j;
                    break;
                }
                Kind::CloseParen => depth -= 1,
                _ => {}
            }
        }
        if let Some(q) = self.quotes.containing(k) {
            let span = self.quotes.spans[q];
            if span.open < k && span.close < stop {
                stop = span.close;
            }
        }
        // "When Trump suggested that C, Rubio fired back": an opening subordinate
        // clause ends at its comma, before the main clause.
        let f = self.clause_opener(si, k);
        // (`When he said he would "protect workers," the crowd cheered`: a quotation's
        // closing comma is the clause's.)
        if f < k
            && self.lower_is(f, SUBORDINATORS)
            && let Some(c) = self.clause_comma(k, stop)
        {
            stop = c;
        }
        if k < stop { vec![k..stop] } else { vec![] }
    }

    /// Where an opening clause that starts at `k` ends: before its comma, or after a
    /// quotation's closing comma and mark (`When he said he would "protect workers,"
    /// the crowd cheered`). None if no such comma comes before `stop`.
    fn clause_comma(&self, k: usize, stop: usize) -> Option<usize> {
        (k..stop).find_map(|j| {
            if self.kind(j) != Kind::Comma {
                return None;
            }
            // (`"C," she said`: past a closed quote's mark; an unclosed quote "ends" at
            // its paragraph's last token, which is no mark.)
            match self.quotes.containing(j) {
                None => Some(j),
                Some(q)
                    if self.quotes.spans[q].closed
                        && self.quotes.spans[q].close == j + 1
                        && self.quotes.spans[q].open >= k =>
                {
                    Some(j + 2)
                }
                Some(_) => None,
            }
        })
    }

    /// The first word of sentence `si`'s opening clause, past quote marks and a
    /// leading "but" or "and" (at most `limit`).
    fn clause_opener(&self, si: usize, limit: usize) -> usize {
        let mut f = self.sentence_range(si).start;
        while f < limit && (self.p.tokens[f].is_quote() || self.lower_is(f, &["but", "and"])) {
            f += 1;
        }
        f
    }

    /// Is token `k` inside a subordinate clause that opens its sentence ("When C,",
    /// "By the time C,"), with no comma before it?
    fn in_opening_clause(&self, si: usize, k: usize) -> bool {
        let f = self.clause_opener(si, k);
        let opens = self.lower_is(f, SUBORDINATORS)
            || (self.lower_is(f, &["by"])
                && f + 2 < k
                && self.lower_is(f + 1, &["the"])
                && self.lower_is(f + 2, &["time"]));
        opens && (f..k).all(|j| !matches!(self.kind(j), Kind::Comma | Kind::Quote(_)))
    }

    /// "policies, which he said had harmed the economy": the relative pronoun before
    /// the subject stands for what was said to have happened, and is its first piece.
    fn relative_object(&self, a: &mut Attribution) {
        let Some(src) = &a.source else { return };
        let Some(first) = a.content.first() else {
            return;
        };
        if a.pattern != Pattern::SourceCue || src.start < 2 || src.end != a.cue.start {
            return;
        }
        let rel = src.start - 1;
        let opens = if self.lower_is(rel, &["which", "who"]) {
            self.kind(rel - 1) == Kind::Comma
        } else {
            // "a rule change that he said would C" (not "told the Times that C").
            self.lower_is(rel, &["that"])
                && self.cat(rel - 1) == Cat::Noun
                && !self.p.tokens[rel - 1].is_cap()
        };
        // What was said lacks its subject: it opens with a verb.
        if opens
            && first.start == a.cue.end
            && (self.cat(first.start) == Cat::Verb || self.has(first.start, wf::AUX))
        {
            a.content.insert(0, rel..rel + 1);
        }
    }

    /// Does a short quotation in title case ("An American Son.") open at `k`?
    fn title_quote(&self, k: usize) -> bool {
        let Some(q) = self.quotes.opening_at(k) else {
            return false;
        };
        let span = self.quotes.spans[q];
        let words = (span.open + 1..span.close).filter(|&j| self.kind(j) == Kind::Word);
        span.closed
            && (2..=6).contains(&words.clone().count())
            && words
                .clone()
                .all(|j| self.p.tokens[j].is_cap() || self.text(j).len() <= 3)
            && !(span.open..span.close)
                .any(|j| matches!(self.kind(j), Kind::Question | Kind::Exclaim))
    }

    /// "In a speech last July, he said:" closing a paragraph: what was said is the
    /// next paragraph, whole (a quote there is taken as a quote before this).
    fn next_paragraph(&self, si: usize) -> Vec<Range<usize>> {
        let sentences = &self.p.sentences;
        let Some(next) = sentences.get(si + 1) else {
            return vec![];
        };
        if next.paragraph == sentences[si].paragraph || next.headline {
            return vec![];
        }
        let last = sentences[si + 1..]
            .iter()
            .take_while(|s| s.paragraph == next.paragraph)
            .count();
        let end = self.content_end(si + last);
        if next.tokens.start < end {
            vec![next.tokens.start..end]
        } else {
            vec![]
        }
    }

    /// The quote opening at `open`, with its continuation paragraphs, as pieces.
    /// The token ranges of quotation `q` and of the quote paragraphs that continue it.
    fn quotes_from(&self, q: usize) -> Vec<Range<usize>> {
        self.chained_quotes(q, |c| c >= q)
    }

    /// The token ranges of quotation `q` and of the quote paragraphs it continues.
    fn quotes_until(&self, q: usize) -> Vec<Range<usize>> {
        self.chained_quotes(q, |c| c <= q)
    }

    fn chained_quotes(&self, q: usize, keep: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
        self.quotes
            .chain(q)
            .into_iter()
            .filter(|&c| keep(c))
            .map(|c| {
                let s = self.quotes.spans[c];
                s.open..s.close + 1
            })
            .collect()
    }

    fn quote_pieces(&self, open: usize) -> Vec<Range<usize>> {
        let Some(q) = self.quotes.opening_at(open) else {
            return vec![];
        };
        self.quotes_from(q)
    }

    /// Content before a subject or cue, ending at token `k` (a comma or closing quote).
    fn content_left(&self, si: usize, k: usize) -> Vec<Range<usize>> {
        let floor = self.sentence_range(si).start;
        if let Some(c) = self.quote_closing_at(k, floor) {
            let q = self.quotes.closing_at(c).unwrap_or_default();
            return self.quotes_until(q);
        }
        if self.kind(k) == Kind::Comma {
            let start = self.skip_conjunctions(floor, k);
            if start < k {
                return vec![start..k];
            }
        }
        vec![]
    }

    /// The closing quote mark at `k`, or right before the comma at `k` (`"C," he said`).
    fn quote_closing_at(&self, k: usize, floor: usize) -> Option<usize> {
        if self.is_close_quote(k) {
            Some(k)
        } else if k > floor && self.kind(k) == Kind::Comma && self.is_close_quote(k - 1) {
            Some(k - 1)
        } else {
            None
        }
    }

    /// A mixed quote ending at `k` (or at the comma `k`): `Candidates who think
    /// "America is safe are wrong," she said`. What was said starts with the sentence,
    /// not with the mark; not so after an adjunct (`In an interview on "Face the
    /// Nation," he said`).
    fn mixed_quote(&self, si: usize, k: usize) -> Option<Range<usize>> {
        let floor = self.sentence_range(si).start;
        let c = self.quote_closing_at(k, floor)?;
        let open = self.quotes.spans[self.quotes.closing_at(c)?].open;
        if open <= floor || self.kind(open - 1) != Kind::Word {
            return None;
        }
        let start = self.skip_conjunctions(floor, open);
        (self.cat(start) != Cat::Prep).then_some(start..c + 1)
    }

    /// Does the sentence open with a participle or time clause that ends at `k`, with
    /// no other clause before it ("Asked whether C, X said", "Although C, X said")?
    fn opening_clause(&self, si: usize, k: usize) -> bool {
        // (A quotation that opens "When ..." is what was said, and so is a sentence
        // inside a quotation opened earlier.)
        let s = self.sentence_range(si).start;
        if s >= k || self.p.tokens[s].is_quote() || self.quotes.containing(s).is_some() {
            return false;
        }
        let w = self.text(s).to_ascii_lowercase();
        let cap = self.p.tokens[s].is_cap();
        // ("Seeing his brother suffer led him to C, he said": a gerund with a verb of
        // its own is the subject of what was said. "During", "Following" are
        // prepositions, not participles.)
        let participle = cap
            && w.ends_with("ing")
            && self.cat(s) != Cat::Prep
            && !(s + 1..k).any(|j| {
                self.has(j, wf::AUX) || self.cat(j) == Cat::Verb && self.text(j).ends_with("ed")
            });
        let opens = self.lower_is(
            s,
            &[
                "when", "whenever", "after", "before", "once", "although", "though", "while",
                "whereas",
            ],
        ) || (cap && w.ends_with("ed"))
            || participle;
        opens && (s..k).all(|j| self.kind(j) != Kind::Comma || self.quotes.containing(j).is_some())
    }

    /// Leading conjunctions are not part of what was said.
    fn skip_conjunctions(&self, mut start: usize, end: usize) -> usize {
        while start < end
            && (self.lower_is(start, &["but", "and", "so"])
                || self.p.tokens[start].is(crate::text::tokens::flag::MARKUP))
        {
            start += 1;
        }
        start
    }

    /// The quotation that ends the previous sentence of the paragraph, with the quote
    /// paragraphs it continues: the content of a sentence that is only "Biden said."
    fn quote_before(&self, si: usize) -> Vec<Range<usize>> {
        if si == 0 || self.p.sentences[si - 1].paragraph != self.p.sentences[si].paragraph {
            return vec![];
        }
        let prev = self.sentence_range(si - 1);
        let last = prev.end - 1;
        if !self.is_close_quote(last) {
            return vec![];
        }
        let q = self.quotes.closing_at(last).unwrap_or_default();
        if self.quotes.spans[q].open < prev.start
            && self.sentence_of(self.quotes.spans[q].open).is_none()
        {
            return vec![];
        }
        self.quotes_until(q)
    }

    /// Content to the left of a cue starts after the attributions already found in the
    /// sentence ("Asked by Starnes whether C, Carson said that D").
    fn after_found(
        &self,
        mut pieces: Vec<Range<usize>>,
        found: (&[Attribution], usize),
    ) -> Vec<Range<usize>> {
        let (out, first_new) = found;
        if let Some(first) = pieces.first_mut()
            && !self.p.tokens[first.start].is_quote()
        {
            // (A noun and its owner, "Kadzik's refusal to answer", nest in the piece.)
            for a in out[first_new..]
                .iter()
                .filter(|a| a.pattern != Pattern::Possessive)
            {
                // (Speech inside a quotation the piece holds nests in it.)
                let quoted = self
                    .quotes
                    .containing(a.cue.start)
                    .is_some_and(|q| self.quotes.spans[q].open >= first.start);
                let e = a.extent().end;
                if e > first.start && e < first.end && !quoted {
                    let mut k = e;
                    while k < first.end && matches!(self.kind(k), Kind::Comma | Kind::Dash) {
                        k += 1;
                    }
                    first.start = k;
                }
            }
        }
        pieces.retain(|r| r.start < r.end);
        pieces
    }

    /// A second quote right after the cue: `"A," he said. "B."` or `"A," he said, "B."`
    fn trailing_quote(&self, si: usize, after: usize) -> Vec<Range<usize>> {
        let range = self.sentence_range(si);
        let mut k = after;
        if k < range.end && self.kind(k) == Kind::Comma {
            k += 1;
            if k < range.end && self.quotes.opening_at(k).is_some() {
                return self.quote_pieces(k);
            }
            return vec![];
        }
        // Next sentence of the same paragraph, if it is only a quote.
        let next = si + 1;
        if next < self.p.sentences.len()
            && self.p.sentences[next].paragraph == self.p.sentences[si].paragraph
        {
            let ns = &self.p.sentences[next];
            if let Some(q) = self.quotes.opening_at(ns.tokens.start) {
                let span = self.quotes.spans[q];
                if span.close + 2 >= ns.tokens.end {
                    return self.quote_pieces(span.open);
                }
            }
        }
        vec![]
    }

    /// After "told" with a clause on its left (ending at `left`; not an opening
    /// adjunct), is the rest of the sentence from `k` only the hearer and adjuncts
    /// (`"C," she told The Wall Street Journal on Monday`, `told ABC's "Good Morning
    /// America"`)?
    fn only_hearer_after(&self, si: usize, left: usize, k: usize) -> bool {
        // ("Despite the defeats on Tuesday, Sanders remains committed, his aide told
        // The Huffington Post": an opening adjunct before a clause.)
        let clause_left = self.content_left(si, left).first().is_some_and(|r| {
            !matches!(self.cat(r.start), Cat::Prep | Cat::Time | Cat::Adverb)
                || r.clone().any(|c| {
                    self.kind(c) == Kind::Comma
                        && self.quotes.containing(c).is_none()
                        && (c + 1..r.end).any(|j| {
                            self.has(j, wf::AUX)
                                || self.cat(j) == Cat::Verb && !self.text(j).ends_with("ing")
                        })
                })
        });
        clause_left && self.only_hearer_from(si, k)
    }

    /// Is the rest of the sentence from `k` only a hearer and adjuncts?
    fn only_hearer_from(&self, si: usize, k: usize) -> bool {
        let end = self.content_end(si);
        let mut e = k;
        while e < end
            && matches!(
                self.cat(e),
                Cat::Det | Cat::Name | Cat::Noun | Cat::Num | Cat::Poss
            )
        {
            e += 1;
        }
        // A programme's name in quotes.
        if let Some(q) = self.quotes.opening_at(e)
            && self.quotes.spans[q].closed
            && self.quotes.spans[q].close < end + 1
        {
            e = self.quotes.spans[q].close + 1;
        }
        // Nothing said after it: no "that", no quote, no "to" and a verb.
        let said_after = (e..end).any(|j| {
            self.has(j, wf::COMP) && self.lower_is(j, &["that", "whether"])
                || self.quotes.opening_at(j).is_some()
                || self.lower_is(j, &["to"]) && j == e
        });
        e > k
            && !said_after
            && (e >= end
                || matches!(self.cat(e), Cat::Prep | Cat::Time)
                || self.lower_is(e, SUBORDINATORS))
    }

    fn skip_hearer(&self, k: usize, end: usize) -> usize {
        // ("warned that security experts say C": "that" opens what was said.)
        if k >= end || self.lower_is(k, &["that"]) && self.has(k, wf::COMP) {
            return k;
        }
        if self.has(k, wf::PRON) && self.lower_is(k, &["him", "her", "them", "me", "us", "you"]) {
            return k + 1;
        }
        let mut e = k;
        let mut seen_noun = false;
        while e < end {
            match self.cat(e) {
                Cat::Det if !seen_noun => {}
                Cat::Name | Cat::Noun | Cat::Num => seen_noun = true,
                Cat::Poss if seen_noun => {}
                Cat::Prep if seen_noun && self.lower_is(e, &["of"]) => {}
                _ => break,
            }
            e += 1;
        }
        if let Some(after) = self.owned_programme_end(e, k)
            && after < end
        {
            return after;
        }
        if seen_noun && e < end { e } else { k }
    }

    fn skip_adjuncts(&self, k: usize, end: usize) -> usize {
        let mut k = k;
        for _ in 0..4 {
            if k >= end {
                break;
            }
            let c = self.cat(k);
            // ("said Monday's decision was wrong": the day owns the subject.)
            // ("said there were problems": an existential "there" is the subject; "from
            // then-president Clinton": nor is a compound's first part an adjunct.)
            if (c == Cat::Time || c == Cat::Adverb || self.has(k, wf::TIME))
                && !(k + 1 < end && self.cat(k + 1) == Cat::Poss)
                && !(k + 1 < end && self.has(k + 1, wf::AUX) && self.lower_is(k, &["there"]))
                && !self.compound_first(k)
            {
                k += 1;
                continue;
            }
            // "said the day before" (not "said the days are gone", a subject)
            if c == Cat::Det
                && k + 1 < end
                && self.cat(k + 1) == Cat::Time
                && !(self.lower_is(k, &["the"])
                    && k + 2 < end
                    && (self.cat(k + 2) == Cat::Verb || self.has(k + 2, wf::AUX)))
            {
                k += 2;
                continue;
            }
            if c == Cat::Prep
                && self.lower_is(
                    k,
                    &[
                        "on", "in", "at", "during", "to", "via", "through", "with", "after",
                        "before", "over", "from", "last", "earlier",
                    ],
                )
                // "to pose a question" is an infinitive, "to reporters" an adjunct.
                && !(self.lower_is(k, &["to"])
                    && k + 1 < end
                    && !matches!(self.cat(k + 1), Cat::Det | Cat::Name | Cat::Pron | Cat::Num))
            {
                // Skip a short prepositional phrase: "in a statement", "on Monday".
                let mut e = k + 1;
                let mut seen_noun = false;
                // "on Monday", "in March": a time phrase is never what was said.
                let mut time_only = true;
                // (A programme's name counts as one word.)
                let mut title_words = 0;
                while e < end && e - k < 8 + title_words {
                    if self.has(e, wf::COMP) && seen_noun {
                        break;
                    }
                    if let Some(after) = self.owned_programme_end(e, k + 1) {
                        title_words += after.min(end) - e - 1;
                        e = after.min(end);
                        seen_noun = true;
                        time_only = false;
                        continue;
                    }
                    // "said in posing the question": a gerund clause, not a noun phrase.
                    if e == k + 1 && !self.p.tokens[e].is_cap() && self.text(e).ends_with("ing") {
                        break;
                    }
                    match self.cat(e) {
                        Cat::Det if seen_noun => break,
                        Cat::Det | Cat::Num | Cat::Poss => {}
                        Cat::Name | Cat::Noun | Cat::Time => {
                            seen_noun = true;
                            time_only &= self.cat(e) == Cat::Time || self.has(e, wf::TIME);
                        }
                        Cat::Prep
                            if seen_noun && self.lower_is(e, &["of", "with", "in", "on", "at"]) =>
                        {
                            seen_noun = false
                        }
                        Cat::Comma if seen_noun => break,
                        _ => break,
                    }
                    e += 1;
                }
                // Only skip when something that can be content follows, or when the
                // phrase runs to the end of the clause ("said in a statement.").
                if seen_noun
                    && (e >= end
                        || time_only
                        || self.has(e, wf::COMP)
                        || matches!(self.kind(e), Kind::Comma | Kind::Colon)
                        || self.quotes.opening_at(e).is_some()
                        || self.np_or_pronoun_start(e))
                {
                    k = e;
                    continue;
                }
            }
            break;
        }
        k
    }

    /// Can a noun phrase or a pronoun start at `i`? (Unlike `np_starter`, a pronoun
    /// counts and an honorific alone does not.)
    fn np_or_pronoun_start(&self, i: usize) -> bool {
        matches!(
            self.cat(i),
            Cat::Det | Cat::Name | Cat::Noun | Cat::Num | Cat::Pron
        )
    }

    /// "according to X, C" and "C, according to X".
    fn according_to(
        &self,
        si: usize,
        start: usize,
        end: usize,
        stance: Stance,
        lemma: u32,
    ) -> Option<Attribution> {
        let range = self.sentence_range(si);
        let cend = self.content_end(si);
        let mut source = self
            .np_after(end, cend)
            .or_else(|| self.preposition_object(end, cend))?;
        let cue = Cue::plain(start, end, stance, lemma);
        // "But according to X, C", "(According to X, C.)", "In addition, according to
        // X, C": nothing but a conjunction or a short adjunct before it.
        let opener = |k: usize| {
            self.lower_is(k, &["but", "and", "so", "yet"])
                || self.p.tokens[k].is_quote()
                || self.kind(k) == Kind::OpenParen
        };
        let adjunct_before = start > range.start
            && self.kind(start - 1) == Kind::Comma
            && start - range.start <= 5
            && (range.start..start - 1)
                .all(|k| opener(k) || self.kind(k) == Kind::Comma || self.cat(k) != Cat::Verb);
        let sentence_initial = (range.start..start).all(opener) || adjunct_before;
        // "According to the poll, most voters C": the comma ends the source, but for
        // an appositive ("According to Diane Blair, a friend of hers, C").
        if sentence_initial
            && let Some(c1) = (source.start..source.end).find(|&k| self.kind(k) == Kind::Comma)
        {
            source.end = c1;
            if let Some(c2) = (c1 + 1..cend.min(c1 + 16)).find(|&k| self.kind(k) == Kind::Comma)
                && c2 + 1 < cend
                && (self.np_valid(c1 + 1, c2) || self.relative_appositive(c1 + 1, c2))
            {
                source.end = c2;
            }
        }
        // "According to early results of exit polls conducted for the AP, C": the
        // source runs to its comma over a participle phrase.
        if sentence_initial && source.end < cend && self.kind(source.end) != Kind::Comma {
            let stretch = source.end..cend.min(source.end + 12);
            if let Some(c) = stretch.clone().find(|&k| self.kind(k) == Kind::Comma)
                && (source.end..c).all(|k| {
                    self.kind(k) == Kind::Word
                        && (self.cat(k) != Cat::Verb
                            || self.text(k).ends_with("ed")
                            || self.text(k).ends_with("ing"))
                        && !self.has(k, wf::AUX)
                })
            {
                source.end = c;
            }
        }
        let content = if sentence_initial {
            let mut k = source.end;
            if k < cend && self.kind(k) == Kind::Comma {
                k += 1;
            }
            // "Fundraising, according to the campaign, has surged": what was said
            // runs on both sides.
            let mut pieces = if adjunct_before {
                self.content_left(si, start - 1)
            } else {
                vec![]
            };
            if k < cend {
                pieces.push(k..cend);
            }
            pieces
        } else if start > range.start && self.kind(start - 1) == Kind::Comma {
            let mut pieces = self.content_left(si, start - 1);
            // "One Sunday in 2001, according to a new book, Fiorina sat down": an
            // aside inside the clause, which runs on after it.
            let k = source.end + 1;
            if source.end < cend
                && self.kind(source.end) == Kind::Comma
                && k < cend
                && (self.np_or_pronoun_start(k) || self.is_subject_pronoun(k))
                && !self.text(k).ends_with("ing")
                && (k..cend).any(|j| {
                    self.cat(j) == Cat::Verb || self.has(j, wf::AUX) || self.text(j).ends_with("ed")
                })
            {
                pieces.push(k..cend);
            }
            pieces
        } else {
            // "C according to X" without a comma.
            let mut s = range.start;
            while s < start && self.lower_is(s, &["but", "and", "so"]) {
                s += 1;
            }
            if s < start { vec![s..start] } else { vec![] }
        };
        self.make(si, &cue, Some(source), content, Pattern::AccordingTo)
    }

    /// The object of "according to" when it is no plain noun phrase: "him",
    /// "early returns", "newly leaked documents". A preposition takes a noun phrase,
    /// so the words up to the next mark are it.
    fn preposition_object(&self, s: usize, end: usize) -> Option<Range<usize>> {
        if s < end
            && self.lower_is(s, &["him", "her", "them", "us", "me"])
            && (s + 1 == end || !matches!(self.kind(s + 1), Kind::Word | Kind::Quote(_)))
        {
            return Some(s..s + 1);
        }
        let e = (s..end.min(s + 10))
            .find(|&k| !matches!(self.kind(k), Kind::Word | Kind::Number | Kind::Hyphen))
            .unwrap_or(end.min(s + 10));
        let words = s..e;
        (e > s
            && (e == end || !matches!(self.kind(e), Kind::Word | Kind::Number | Kind::Hyphen))
            && words.clone().all(|k| {
                !self.has(k, wf::AUX | wf::COMP)
                    && self.cat(k) != Cat::Rel
                    && self.cat(k) != Cat::Pron
            })
            && matches!(self.cat(e - 1), Cat::Noun | Cat::Name | Cat::Verb))
        .then_some(words)
    }

    /// "X provided confirmation of C", "X issued a denial".
    fn light_verb(&self, si: usize, lv: usize, lv_end: usize) -> Option<Attribution> {
        let cend = self.content_end(si);
        let mut k = lv_end;
        while k < cend
            && k - lv_end < 4
            && matches!(self.cat(k), Cat::Det | Cat::Noun | Cat::Adverb)
            && !self.has(k, wf::CUE_NOUN)
        {
            k += 1;
        }
        if k >= cend || !self.has(k, wf::CUE_NOUN) {
            return None;
        }
        let noun = k;
        let stance = *self.pack.cues.nouns.get(&self.p.tokens[noun].word)?;
        let mut cue_end = noun + 1;
        let linked = cue_end < cend && self.lower_is(cue_end, &["of", "that", "to"]);
        if linked {
            cue_end += 1;
        }
        let colon = cue_end < cend && self.kind(cue_end) == Kind::Colon;
        // "issued a statement, “C”"
        let comma_quote = cue_end + 1 < cend
            && self.kind(cue_end) == Kind::Comma
            && self.quotes.opening_at(cue_end + 1).is_some();
        let opens = colon || comma_quote || self.quotes.opening_at(cue_end).is_some();
        // "issued a statement" says nothing by itself; "issued a denial" does.
        if stance == Stance::Asserts && !linked && !opens {
            return None;
        }
        if cue_end < cend && self.cat(cue_end) == Cat::Rel {
            return None;
        }
        let group = self.verb_group(lv, lv_end, stance, 0, Form::Finite, false);
        let floor = self.sentence_range(si).start;
        let subject = self
            .subject_before(group.start, floor)
            .filter(|s| self.source_like(s.clone()))?;
        let lemma = self.noun_lemma(noun);
        if opens {
            // What the statement said follows it: a colon, or a quotation, however long.
            let content = self.content_right(si, cue_end, false);
            if content.is_empty() {
                return None;
            }
            let cue = Cue {
                negated: group.negated,
                ..Cue::plain(group.start, cue_end + usize::from(colon), stance, lemma)
            };
            return self.make(si, &cue, Some(subject), content, Pattern::LightVerb);
        }
        let mut content_start = cue_end;
        while content_start < cend && self.kind(content_start) == Kind::Comma {
            content_start += 1;
        }
        // Content runs to the end of the clause.
        let mut content_end = content_start;
        while content_end < cend
            && !matches!(
                self.kind(content_end),
                Kind::Comma | Kind::Semicolon | Kind::Dash
            )
        {
            content_end += 1;
        }
        let cue = Cue {
            negated: group.negated,
            ..Cue::plain(group.start, cue_end, stance, lemma)
        };
        let content = if content_start < content_end {
            vec![content_start..content_end]
        } else {
            vec![noun..noun + 1]
        };
        self.make(si, &cue, Some(subject), content, Pattern::LightVerb)
    }

    /// Lemma id for a cue noun: nouns share the lemma table with phrases when listed
    /// there; otherwise the first verb lemma with the same stance stands in.
    fn noun_lemma(&self, noun: usize) -> u32 {
        let word = self.text(noun).to_lowercase();
        self.pack
            .cues
            .lemmas
            .iter()
            .position(|l| *l == word || word.starts_with(l.as_str()))
            .map_or(u32::MAX, |p| p as u32)
    }

    /// Does an owner come right before the noun at `i`: "the company's", "his"?
    fn owned(&self, i: usize) -> bool {
        i > 0
            && (self.cat(i - 1) == Cat::Poss
                || self.lower_is(i - 1, &["his", "her", "their", "its"]))
    }

    /// "X's announcement that C", "her remark that C": the owner is the source.
    fn possessive(&self, si: usize, noun: usize) -> Option<Attribution> {
        let cend = self.content_end(si);
        if noun + 1 >= cend || !self.lower_is(noun + 1, &["that"]) {
            return None;
        }
        let floor = self.sentence_range(si).start;
        let poss = noun - 1;
        let source = if self.cat(poss) == Cat::Poss {
            self.possessor_before(poss, floor)?
        } else {
            poss..noun
        };
        let stance = *self.pack.cues.nouns.get(&self.p.tokens[noun].word)?;
        let cue = Cue::plain(noun, noun + 1, stance, self.noun_lemma(noun));
        let e = self.next_kind(noun + 2, cend, |x| {
            matches!(x, Kind::Semicolon | Kind::Dash)
        });
        self.make(
            si,
            &cue,
            Some(source),
            vec![noun + 2..e],
            Pattern::Possessive,
        )
    }

    /// "his criticism of Obama", "Trump's repeated attacks on Khan": a noun and its
    /// preposition (`noun_objects`, `i..e`) after an owner, who is the source; the
    /// phrase after the preposition is the content.
    fn noun_object(&self, si: usize, i: usize, e: usize, no: NounObject) -> Option<Attribution> {
        let floor = self.sentence_range(si).start;
        let cend = self.content_end(si);
        // ("Clinton's Attacks On Trump": title case is a headline's, another frame's.)
        if e >= cend || self.p.tokens[i].is_cap() {
            return None;
        }
        // Modifiers between the owner and the noun belong to the cue ("his renewed
        // endorsement of").
        let mut start = i;
        while start > floor && i - start < 2 && self.cue_modifier(start - 1) {
            start -= 1;
        }
        if start == floor {
            return None;
        }
        let owner = start - 1;
        // The owner as annotated, with its clitic: "Sanders's".
        let source = if self.cat(owner) == Cat::Poss {
            self.possessor_before(owner, floor)?.start..start
        } else if self.lower_is(owner, &["his", "her", "their", "its"]) {
            owner..start
        } else {
            return None;
        };
        let mut content = self.object_phrase(e, cend)?;
        // "his refusal to endorse Ryan": before a verb, "to" opens the content.
        let mut e = e;
        if self.lower_is(e - 1, &["to"])
            && !matches!(
                self.cat(e),
                Cat::Det | Cat::Name | Cat::Pron | Cat::Num | Cat::Poss
            )
        {
            e -= 1;
            content.start = e;
        }
        let cue = Cue::plain(start, e, no.stance, no.lemma);
        self.make(si, &cue, Some(source), vec![content], Pattern::Possessive)
    }

    /// A lowercase word that may modify a cue noun ("renewed", "sharp", "own").
    fn cue_modifier(&self, k: usize) -> bool {
        self.kind(k) == Kind::Word
            && !self.p.tokens[k].is_cap()
            && (matches!(self.cat(k), Cat::Noun | Cat::Adverb) || self.has(k, wf::ADJECTIVE))
            && !self.has(k, wf::CUE_NOUN | wf::NOUN_OBJECT)
    }

    /// The object of a preposition, up to a clause break or a verb that follows it
    /// ("attacks on billionaire financiers and super PACs have elevated").
    fn object_phrase(&self, k: usize, cend: usize) -> Option<Range<usize>> {
        if !matches!(self.kind(k), Kind::Word | Kind::Number | Kind::Quote(_)) {
            return None;
        }
        let mut e = k;
        while e < cend {
            if !matches!(
                self.kind(e),
                Kind::Word | Kind::Number | Kind::Hyphen | Kind::Quote(_)
            ) {
                break;
            }
            // "to" and a verb is part of it ("willingness to accept donations").
            if e > k
                && (self.has(e, wf::AUX) || self.cat(e) == Cat::Verb)
                && !self.lower_is(e - 1, &["to"])
            {
                break;
            }
            e += 1;
        }
        // ("comments about Curiel and", before a verb of its own)
        while e > k && (self.cat(e - 1) == Cat::Conj || self.kind(e - 1) == Kind::Comma) {
            e -= 1;
        }
        (e > k && self.has_words(k..e)).then_some(k..e)
    }

    /// "a statement which emphasised that C": the statement's issuer speaks.
    /// `None` when the clause has no antecedent that can speak (another reading may
    /// fit); `Some(None)` when it has one but says nothing before the main clause's
    /// verb ("a governor who argued with her, said C").
    fn relative(&self, si: usize, cue: &Cue) -> Option<Option<Attribution>> {
        let floor = self.sentence_range(si).start;
        // `a statement which “suggested ...`: step over a quote mark.
        let rel = if self.p.tokens[cue.start - 1].is_quote() {
            cue.start - 2
        } else {
            cue.start - 1
        };
        let mut ante_end = rel;
        if ante_end > floor && self.kind(ante_end - 1) == Kind::Comma {
            ante_end -= 1;
        }
        let antecedent = self.subject_before(ante_end, floor)?;
        // "issuing a statement which ...": the one issuing it is the source.
        let head = antecedent.end - 1;
        let mut source = antecedent.clone();
        if self.has(head, wf::CUE_NOUN) {
            let mut k = antecedent.start;
            while k > floor && matches!(self.cat(k - 1), Cat::Det) {
                k -= 1;
            }
            if let Some((n, _)) = self
                .pack
                .cues
                .light_verbs
                .ending_at(&self.p.tokens, floor, k)
            {
                let lv = k - n;
                if let Some(issuer) = self.subject_before(lv, floor) {
                    source = issuer;
                } else if lv > floor
                    && self.kind(lv - 1) == Kind::Comma
                    && let Some(issuer) = self.subject_before(lv, floor)
                {
                    source = issuer;
                }
            }
        }
        if !self.source_like(source.clone()) {
            return None;
        }
        let mut right = self.content_right(si, cue.end, cue.hearer);
        // "Humphrey, who calls Trump a “sociopath,” said ...": a relative clause set off
        // by commas ends at the next one.
        if ante_end < rel
            && let Some(first) = right.first_mut()
            && !self.p.tokens[first.start].is_quote()
            && let Some(c) = (first.start..first.end).find(|&k| {
                self.kind(k) == Kind::Comma
                    || (self.is_close_quote(k) && k > 0 && self.kind(k - 1) == Kind::Comma)
            })
        {
            // A closing quote after the comma stays with what was quoted.
            first.end = if self.is_close_quote(c) {
                c + 1
            } else if c + 1 < first.end && self.is_close_quote(c + 1) {
                c + 2
            } else {
                c
            };
            right.truncate(1);
        }
        // "others who want to ban abortion said C": the relative clause ends where the
        // main clause's verb takes the antecedent as its subject.
        if let Some(first) = right.first_mut()
            && let Some(k) = (first.start..first.end).find(|&k| {
                self.finite_cue_verb(k, first.end)
                    && self
                        .subject_before(k, floor)
                        .is_some_and(|s| s.start <= antecedent.start)
            })
        {
            let mut end = k;
            while end > first.start && matches!(self.kind(end - 1), Kind::Comma | Kind::Dash) {
                end -= 1;
            }
            first.end = end;
            right.truncate(1);
            right.retain(|r| r.start < r.end);
            if right.is_empty() {
                return Some(None);
            }
        }
        let mut a = self.make(si, cue, Some(source), right, Pattern::Relative)?;
        a.relative = Some(rel);
        Some(Some(a))
    }

    /// ", noting that C": the source is the subject of the sentence's main clause.
    fn participle(
        &self,
        si: usize,
        cue: &Cue,
        found: (&[Attribution], usize),
        pattern: Pattern,
    ) -> Option<Attribution> {
        let floor = self.sentence_range(si).start;
        let right = self.content_right(si, cue.end, cue.hearer);
        if right.is_empty() {
            return None;
        }
        // The speaker of the sentence's last attribution, or the sentence's subject.
        let (out, first_new) = found;
        // "Noting that C, Allen said", "In describing C, Cuban said": a participle that
        // opens the sentence ends at its comma and takes the main clause's subject.
        let opener = self.clause_opener(si, cue.start);
        if opener == cue.start || opener + 1 == cue.start && self.lower_is(opener, GERUND_PREPS) {
            let end = self.clause_comma(right[0].start, right[0].end)?;
            let after = if self.kind(end) == Kind::Comma {
                end + 1
            } else {
                end
            };
            let cend = self.content_end(si);
            let mut source = self.sentence_subject(after, cend)?;
            // ("Citing local news, the Associated Press reports that C")
            if let Some(v) = (source.start + 1..source.end)
                .find(|&k| self.has(k, wf::CUE_VERB) && !self.p.tokens[k].is_cap())
            {
                source.end = v;
            }
            // ("Seeing him suffer led me to quit, he said": a gerund subject, said.)
            if source.start != after || source.end + 1 >= cend || !self.source_like(source.clone())
            {
                return None;
            }
            return self.make(si, cue, Some(source), vec![right[0].start..end], pattern);
        }
        // The first speaker of the sentence is the main clause's.
        // Speech inside a quotation is the quoted speaker's, not the narrator's
        // ("'I think C,' Graham said, adding C2").
        // ("While Ryan wrote C, Trump is vocal in opposing D": not a speaker inside an
        // opening subordinate clause that has closed.)
        let closed_clause = |j: usize| {
            self.in_opening_clause(si, out[j].cue.start) && !self.in_opening_clause(si, cue.start)
        };
        // (A noun's owner is no clause's subject: "struck a chord with his attacks on
        // C, railing against D".)
        let earlier = (first_new..out.len()).find(|&j| {
            out[j].source.is_some()
                && out[j].pattern != Pattern::Possessive
                && out[j].cue.start < cue.start
                && !self.inside_quote(&out[j])
                && !closed_clause(j)
        });
        // ("Trump plans to deliver C, his aide said, adding D": a speaker inside the
        // content of a later one, which the participle does not join, gives way to it.)
        let earlier = earlier.map(|mut j| {
            while let Some(o) = (j + 1..out.len()).find(|&o| {
                out[o].cue.start < cue.start
                    && out[o].source.is_some()
                    && out[o].content.iter().any(|r| r.contains(&out[j].cue.start))
                    && !out[o].content.iter().any(|r| r.contains(&cue.start))
            }) {
                j = o;
            }
            j
        });
        // "as Peña Nieto, contradicting Trump, said C": set off inside a subject,
        // the participle is that subject's.
        let interjected = cue.start > floor + 1
            && self.kind(cue.start - 1) == Kind::Comma
            && self.text(cue.start).ends_with("ing")
            && right[0]
                .clone()
                .take_while(|&k| self.cat(k) != Cat::Verb)
                .find(|&k| self.kind(k) == Kind::Comma)
                .is_some_and(|c| {
                    c + 1 < right[0].end
                        && self.cat(c + 1) == Cat::Verb
                        && !self.text(c + 1).ends_with("ing")
                        && self.has(c + 1, wf::CUE_VERB)
                });
        let subject = interjected
            .then(|| self.subject_before(cue.start - 1, floor))
            .flatten();
        // "Union leaders distrust him because he favors X and opposes Y": a verb
        // joined to one in a subordinate clause shares that clause's subject.
        let clause_floor = || {
            (pattern == Pattern::Coordinated)
                .then(|| {
                    (floor..cue.start)
                        .rev()
                        .take_while(|&k| !matches!(self.kind(k), Kind::Comma | Kind::Semicolon))
                        // (Not "after", "before", "since": also prepositions, as in
                        // "went after Clinton for C and called for D".)
                        .find(|&k| {
                            self.lower_is(k, SUBORDINATORS)
                                && !self.lower_is(k, &["after", "before", "since", "until"])
                        })
                })
                .flatten()
                .map_or(floor, |k| k + 1)
        };
        // "Protest groups say C, and the ACLU has sued the city, saying D": a clause
        // joined after the last speaker's lends its own subject.
        let lo = earlier.map_or(floor, |j| out[j].cue.end);
        let joined = self.joined_clause_subject(lo, cue.start);
        let (source, speaker) = match earlier {
            _ if subject.is_some() => (subject, None),
            _ if joined.is_some() => (joined, None),
            Some(j) => (out[j].source.clone(), Some(j)),
            // ("The trouble began when protesters interrupted her, shouting C": a
            // subordinate clause before the participle lends it its subject.)
            None => (
                {
                    let main = self.sentence_subject(clause_floor(), cue.start);
                    // (Only after the main clause's subject: "When C, it declined,
                    // citing D" is the main clause's.)
                    // (Nor one inside a phrase: "appeared at a hearing for his role
                    // in promoting C".)
                    main.clone()
                        .filter(|_| {
                            pattern == Pattern::Participle
                                && !self.lower_is(cue.start - 1, GERUND_PREPS)
                        })
                        .and_then(|m| self.subordinate_clause_subject(m.end, cue.start))
                        .or(main)
                },
                None,
            ),
        };
        let source = source.filter(|s| self.source_like(s.clone()))?;
        let mut a = self.make(si, cue, Some(source), right, pattern)?;
        a.same_speaker_as = speaker;
        Some(a)
    }

    /// "casting him as a false conservative and questioning C", "has been making
    /// this argument and claiming C": an "-ing" verb earlier in the clause before the
    /// conjunction at `and`, itself opening a participle (after a comma, a dash, "by",
    /// "while") or a progressive ("has been making"), is the partner an "-ing" cue
    /// after the conjunction is joined to, whether or not it is a cue itself.
    fn participle_partner(&self, floor: usize, and: usize) -> Option<usize> {
        let lo = (floor..and)
            .rev()
            .find(|&k| matches!(self.kind(k), Kind::Comma | Kind::Dash | Kind::Semicolon))
            .map_or(floor, |k| k + 1);
        (lo..and).find(|&k| {
            let t = &self.p.tokens[k];
            // (With an object of its own, as the cue has: "starting with gusto and
            // flagging" joins no participle clauses.)
            if !t.is_word()
                || t.is_cap()
                || !self.text(k).ends_with("ing")
                || !(self.np_or_pronoun_start(k + 1) || self.cat(k + 1) == Cat::Poss)
            {
                return false;
            }
            let mut b = k;
            while b > lo && self.cat(b - 1) == Cat::Adverb {
                b -= 1;
            }
            (b == lo && lo > floor)
                || b > lo
                    && (self.lower_is(b - 1, GERUND_PREPS)
                        || self.lower_is(
                            b - 1,
                            &["while", "when", "is", "are", "was", "were", "been"],
                        ))
        })
    }

    /// The subject of the last clause joined between `lo` and `hi` (", and the union
    /// has sued", "; the union sued", "while the union sued"): a noun phrase right
    /// after the joint and before a verb.
    fn joined_clause_subject(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        (lo + 2..hi).rev().find_map(|p| {
            // ("charged the officer and Emanuel fired his chief": with no comma, a
            // name or a pronoun after a verb's object.)
            let bare_and = || {
                self.lower_is(p - 1, &["and", "but"])
                    && (self.cat(p) == Cat::Name || self.is_subject_pronoun(p))
                    && (lo.saturating_sub(1)..p - 1)
                        .any(|k| self.cat(k) == Cat::Verb && !self.p.tokens[k].is_cap())
                    // (Not inside a quotation or a "that" clause: "he claimed that C
                    // and he was doing everyone a favor by putting it to rest".)
                    && !(lo..hi).any(|k| self.p.tokens[k].is_quote() || self.lower_is(k, &["that"]))
            };
            let joint = self.kind(p - 1) == Kind::Semicolon
                || self.lower_is(p - 1, &["while", "whereas"])
                || self.lower_is(p - 1, &["and", "but"]) && self.kind(p - 2) == Kind::Comma
                || bare_and();
            if !joint || !self.np_or_pronoun_start(p) {
                return None;
            }
            // ("and the governor tripped up Rubio": an unlisted past tense after a
            // noun or name is the verb too.)
            let v = (p + 1..hi.min(p + 14)).find(|&v| {
                let w = &self.p.tokens[v];
                self.has(v, wf::AUX)
                    || !w.is_cap()
                        && !self.text(v).ends_with("ing")
                        && (self.cat(v) == Cat::Verb
                            || w.is_word()
                                && self.text(v).ends_with("ed")
                                && !self.compound_part(v)
                                && matches!(self.cat(v - 1), Cat::Name | Cat::Noun))
            })?;
            // ("the league strongly denounced": over an adverb.)
            let mut w = v;
            while w > p + 1 && self.cat(w - 1) == Cat::Adverb {
                w -= 1;
            }
            let s = self.subject_before(w, p)?;
            (s.start == p && self.source_like(s.clone())).then_some(s)
        })
    }

    /// The subject of the last subordinate clause between `lo` and `hi` ("when
    /// protesters interrupted her", "as results came in"): a noun phrase right after
    /// the subordinator and before its verb, with no comma between.
    fn subordinate_clause_subject(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        // (Not inside a relative clause: "Beck, who since the appointment of X as
        // CEO has thrown restraint to the winds in denouncing C".)
        let lo = (lo..hi)
            .rev()
            .find(|&k| self.cat(k) == Cat::Rel && !self.lower_is(k, &["that"]))
            .map_or(lo, |k| k + 1);
        (lo + 2..hi).rev().find_map(|p| {
            // ("cagey about where she stands": no clause of its own after a preposition.)
            let joint = (self.lower_is(p - 1, SUBORDINATORS)
                || self.lower_is(p - 1, &["as", "where"]))
                && !self.lower_is(p - 2, &["such", "well", "even"])
                && self.cat(p - 2) != Cat::Prep;
            if !joint || !self.np_or_pronoun_start(p) {
                return None;
            }
            let v = (p + 1..hi.min(p + 14))
                .take_while(|&v| self.kind(v) == Kind::Word || self.kind(v) == Kind::Hyphen)
                .find(|&v| {
                    let w = &self.p.tokens[v];
                    self.has(v, wf::AUX)
                        || !w.is_cap()
                            && !self.text(v).ends_with("ing")
                            && (self.cat(v) == Cat::Verb
                                || self.text(v).ends_with("ed")
                                    && matches!(self.cat(v - 1), Cat::Name | Cat::Noun))
                })?;
            // ("covered it as a reunification move": a bare verb form after a
            // singular noun is the end of a compound noun.)
            let bare = !self.has(v, wf::AUX)
                && !self.text(v).ends_with('s')
                && !self.text(v).ends_with("ed")
                && self.cat(v - 1) == Cat::Noun
                && !self.text(v - 1).ends_with('s');
            if bare {
                return None;
            }
            let mut w = v;
            while w > p + 1 && self.cat(w - 1) == Cat::Adverb {
                w -= 1;
            }
            // ("when they were young and arrived in Miami, hoping C": a verb joined
            // after the clause is the main clause's again.)
            if (v + 1..hi).any(|k| {
                self.lower_is(k, &["and", "but"])
                    && k + 1 < hi
                    && (self.cat(k + 1) == Cat::Verb || self.text(k + 1).ends_with("ed"))
            }) {
                return None;
            }
            let s = self.subject_before(w, p)?;
            (s.start == p && s.end == w && self.source_like(s.clone())).then_some(s)
        })
    }

    /// An infinitive cue: the object of a control verb speaks ("urged Congress to
    /// reject C", "allows him to call for C"), as does a noun phrase with "first",
    /// "only" or "last" ("the first senator to endorse C"); otherwise the subject of
    /// the clause ("Davis appeared on Fox to defend her").
    fn infinitive(
        &self,
        si: usize,
        cue: &Cue,
        found: (&[Attribution], usize),
    ) -> Option<Attribution> {
        let floor = self.sentence_range(si).start;
        let to = cue.start - 1;
        // "his refusal to endorse C": the infinitive is the content of the noun before.
        let (out, _) = found;
        if out
            .last()
            .is_some_and(|a| a.pattern == Pattern::Possessive && a.cue.end == to)
        {
            return None;
        }
        // "lined up to see him", "has to decide C": an act still to come.
        if self.pack.cues.no_infinitive.has(cue.lemma) {
            return None;
        }
        // "from state to state": "to" is a preposition there.
        if to > floor && self.text(to - 1).eq_ignore_ascii_case(self.text(cue.start)) {
            return None;
        }
        // ("difficult to predict, many economists say": a comma right after the verb
        // leaves it no object; what follows is another clause.)
        if cue.end < self.p.tokens.len()
            && self.kind(cue.end) == Kind::Comma
            && self.quotes.opening_at(cue.end + 1).is_none()
        {
            return None;
        }
        let right = self.content_right(si, cue.end, cue.hearer);
        if right.is_empty() || !self.is_clause(&right) && right[0].len() < 2 {
            return None;
        }
        // The object right before "to".
        let object = if to > floor
            && self.has(to - 1, wf::PRON)
            && self.lower_is(to - 1, &["him", "her", "them", "us", "me", "you"])
        {
            Some(to - 1..to)
        } else {
            self.subject_before(to, floor)
        };
        // ("would require delegates to act", "prompted Smith to state": a control
        // verb no word list calls a verb opens the phrase before "to"; it is not
        // part of its object.)
        let object = object.map(|o| {
            match (o.start..o.end - 1).rev().find(|&k| {
                self.has(k, wf::OBJECT_CONTROL)
                    && !self.p.tokens[k].is_cap()
                    && (k == o.start || !matches!(self.cat(k - 1), Cat::Det | Cat::Poss))
                    && self.np_valid(k + 1, o.end)
            }) {
                Some(k) => k + 1..o.end,
                None => o,
            }
        });
        // "It is unusual for a judge to weigh in": the phrase after "for" is the
        // infinitive's subject.
        let object = (floor + 1..to)
            .rev()
            .take(8)
            .find(|&k| self.lower_is(k, &["for"]))
            .filter(|&k| {
                k + 1 < to
                    && self.np_may_start(k + 1)
                    && self.np_valid(k + 1, to)
                    && self.source_like(k + 1..to)
                    && !(k + 1..to).any(|j| self.cat(j) == Cat::Time)
            })
            .map(|k| k + 1..to)
            .or(object);
        if let Some(obj) = object.filter(|o| o.start > floor) {
            let before = obj.start - 1;
            let ranked = (obj.start..obj.end.min(obj.start + 3))
                .any(|k| self.lower_is(k, &["first", "only", "last"]));
            if self.has(before, wf::OBJECT_CONTROL) || self.lower_is(before, &["for"]) || ranked {
                let mut a = self.make(si, cue, Some(obj), right, Pattern::Infinitive)?;
                a.cue.start = to;
                return Some(a);
            }
        }
        // "so subdued that Mr. Trump was prompted to say C", "she struggled to show
        // C": the verb right before "to" lends its own subject.
        if let Some(subject) = self
            .governing_subject(to, floor)
            .filter(|_| !self.text(cue.start).ends_with("ing"))
        {
            let mut a = self.make(si, cue, Some(subject), right, Pattern::Infinitive)?;
            a.cue.start = to;
            return Some(a);
        }
        let mut a = self.participle(si, cue, found, Pattern::Infinitive)?;
        // The clause's subject must come before anything it could not govern.
        let src = a.source.clone()?;
        if src.end > to
            || (src.end..to).any(|k| matches!(self.kind(k), Kind::Quote(_) | Kind::Semicolon))
        {
            return None;
        }
        a.cue = to..a.cue.end;
        Some(a)
    }

    /// The subject of the verb right before `to` (over adverbs): "Mr. Trump was
    /// prompted", "she has struggled". The verb is an auxiliary, a listed verb or a
    /// lowercase past form; its group runs back over auxiliaries and adverbs.
    fn governing_subject(&self, to: usize, floor: usize) -> Option<Range<usize>> {
        let mut v = to;
        while v > floor && self.cat(v - 1) == Cat::Adverb {
            v -= 1;
        }
        if v <= floor + 1 {
            return None;
        }
        let verb = v - 1;
        let t = &self.p.tokens[verb];
        let verbal = t.is_word()
            && !t.is_cap()
            && (self.has(verb, wf::AUX)
                || self.cat(verb) == Cat::Verb
                || self.text(verb).ends_with("ed") && !self.compound_part(verb));
        // ("its main goal is to push C", "they have to reveal C": a copula or "have
        // to" says nothing of who speaks.)
        let be_or_have =
            self.lower_is(verb, BE) || self.lower_is(verb, &["has", "have", "had", "having"]);
        if !verbal || be_or_have {
            return None;
        }
        let mut w = verb;
        while w > floor
            && (self.has(w - 1, wf::AUX) || matches!(self.cat(w - 1), Cat::Adverb | Cat::Neg))
        {
            w -= 1;
        }
        let s = self.subject_before(w, floor)?;
        (s.end == w && self.source_like(s.clone()) && self.cat(s.start) != Cat::Rel).then_some(s)
    }

    /// The noun phrase that opens a sentence, up to its verb.
    fn sentence_subject(&self, floor: usize, limit: usize) -> Option<Range<usize>> {
        let mut start = floor;
        while start < limit
            && (self.p.tokens[start].is_quote()
                || self.lower_is(start, &["but", "and", "so", "yet"]))
        {
            start += 1;
        }
        // "A month later, he paid a visit and explained C", "Minutes later they
        // rushed in and said C": an amount of time before "later" or "ago" opens the
        // sentence, with or without a comma.
        if let Some(l) = (start..limit.min(start + 5))
            .take_while(|&k| {
                self.p.tokens[k].is_word()
                    && (matches!(self.cat(k), Cat::Det | Cat::Num | Cat::Time | Cat::Noun)
                        || self.has(k, wf::TIME)
                        || self.lower_is(k, &["few", "couple", "of", "later", "earlier", "ago"]))
            })
            .find(|&k| self.lower_is(k, &["later", "earlier", "ago"]))
            // (Not a subject's own adverb: "The nurse later sued".)
            && (l == start || self.cat(l - 1) == Cat::Time || self.has(l - 1, wf::TIME))
            && l + 1 < limit
        {
            start = l + 1;
            // ("Later Wednesday, ...")
            while start + 1 < limit && (self.cat(start) == Cat::Time || self.has(start, wf::TIME)) {
                start += 1;
            }
            if self.kind(start) == Kind::Comma {
                start += 1;
            }
        } else if start + 1 < limit
            && (self.cat(start) == Cat::Adverb || self.has(start, wf::TIME))
            && self.cat(start + 1) == Cat::Pron
        {
            // "Then he paused and said C": an opening adverb with no comma.
            start += 1;
        }
        // "In a speech on Tuesday, Mr. Trump struck a tone, saying C": an opening
        // adjunct before the subject.
        if start < limit
            && (matches!(self.cat(start), Cat::Prep | Cat::Adverb | Cat::Time)
                || self.has(start, wf::ADVERB))
            && let Some(c) =
                (start + 1..limit.min(start + 20)).find(|&k| self.kind(k) == Kind::Comma)
        {
            // ("Now Donald Trump, the most unconventional candidate, is promising C":
            // an adverb before a name opens no adjunct of its own.)
            let adverb_then_name = self.cat(start) != Cat::Prep
                && c > start + 1
                && (start + 1..c).all(|k| self.cat(k) == Cat::Name && !self.has(k, wf::TIME));
            start = if adverb_then_name { start + 1 } else { c + 1 };
            // ("At an event in Ames, Iowa, on Sunday, Clinton ...": a state and a
            // further time or place phrase close the adjunct.)
            for _ in 0..2 {
                let Some(c) =
                    (start + 1..limit.min(start + 8)).find(|&k| self.kind(k) == Kind::Comma)
                else {
                    break;
                };
                let more = self.place_note(start, c)
                    || matches!(self.cat(start), Cat::Prep | Cat::Time)
                        && (start..c)
                            .all(|k| self.kind(k) == Kind::Word && self.cat(k) != Cat::Verb);
                if !more || c + 1 >= limit {
                    break;
                }
                start = c + 1;
            }
        } else if start < limit
            && self.lower_is(start, SUBORDINATORS)
            && let Some(c) = (start + 1..limit).rev().find(|&k| {
                self.kind(k) == Kind::Comma
                    && k + 1 < limit
                    && self.np_or_pronoun_start(k + 1)
                    && !self.text(k + 1).ends_with("ing")
            })
        {
            // ("When asked whom she supported, Ms. Sherry smiled and said C": a
            // subordinate clause, which may hold commas of its own, ends at the last
            // one before the subject: not the participle's own, in "When C, he did D,
            // acknowledging E".)
            start = c + 1;
        } else if let Some(c) = (start + 1..limit.min(start + 20))
            .find(|&k| self.kind(k) == Kind::Comma)
            .filter(|&c| c + 1 < limit && self.np_or_pronoun_start(c + 1))
            .filter(|&c| {
                self.sentence_of(c)
                    .is_some_and(|si| self.opening_clause(si, c))
            })
        {
            // "Walking to the next address, Ebeling reminisced ... and said C": an
            // opening participle clause.
            start = c + 1;
        }
        let mut best = None;
        for e in start + 1..limit.min(start + 16) {
            // "Mrs. Clinton shook her head", "Smith, the chair, tied the plan to C": a
            // lowercase word after the subject and before an article or a possessive
            // is a verb the word lists do not know.
            if best.is_some() && self.unlisted_verb(e - 1) {
                break;
            }
            if self.np_valid(start, e) {
                best = Some(start..e);
            }
            // A verb ends the subject: a known one, or an unknown past tense after a
            // name or noun ("Trump on Thursday ratcheted up").
            // ("The state-owned giant CITIC": not the second part of a compound.)
            let past = self.p.tokens[e].is_word()
                && !self.p.tokens[e].is_cap()
                && self.kind(e - 1) != Kind::Hyphen
                && self.text(e).ends_with("ed")
                && matches!(self.cat(e - 1), Cat::Name | Cat::Noun | Cat::Time);
            if (matches!(self.cat(e), Cat::Verb | Cat::Time) || past) && best.is_some() {
                break;
            }
        }
        // "Vice President Joe Biden on Monday hit the trail, trashing C": a time
        // adjunct before the verb is no part of the subject (a report's date is: "A
        // CNN/ORC poll in January found").
        if let Some(b) = best.clone()
            && let Some(t) = self.time_adjunct_before(b.end, b.start)
            && !self.report_noun(t - 1)
            && self.np_valid(b.start, t)
        {
            return Some(b.start..t);
        }
        best
    }

    /// Is token `k` a verb that no word list names, by its place: a lowercase word
    /// right after a name, a noun or a comma and right before "the", "a" or a
    /// possessive ("Clinton shook her head", "the chair, tied the plan").
    fn unlisted_verb(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.p.tokens.len()
            && self.p.tokens[k].is_word()
            && !self.p.tokens[k].is_cap()
            && self.cat(k) == Cat::Noun
            && !self.compound_part(k)
            && (matches!(self.cat(k - 1), Cat::Name | Cat::Noun) && self.kind(k - 1) == Kind::Word
                || self.kind(k - 1) == Kind::Comma)
            && self.lower_is(
                k + 1,
                &[
                    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                ],
            )
    }

    /// "As the president himself confirmed on March 20, C".
    fn as_clause(&self, si: usize, cue: &Cue, subject: Range<usize>) -> Option<Attribution> {
        let cend = self.content_end(si);
        let mut k = cue.end;
        while k < cend && self.kind(k) != Kind::Comma {
            k += 1;
            if k - cue.end > 8 {
                return None;
            }
        }
        // "C, as David Dayen noted in The Intercept.": closing the sentence with no
        // object of its own, the as-clause looks back (not "as well as", nor a
        // thought: "as many Democrats believe").
        let floor = self.sentence_range(si).start;
        let as_at = subject.start - 1;
        if k >= cend
            && self.skip_adjuncts(cue.end, cend) >= cend
            && as_at > floor + 1
            && self.kind(as_at - 1) == Kind::Comma
            && cue.form == Form::Finite
            && !self.pack.cues.mental.has(cue.lemma)
            && !self.lower_is(subject.start, &["well", "such"])
        {
            let start = self.skip_conjunctions(floor, as_at - 1);
            if start < as_at - 1 && !self.p.tokens[start].is_quote() {
                return self.make(
                    si,
                    cue,
                    Some(subject),
                    vec![start..as_at - 1],
                    Pattern::AsClause,
                );
            }
        }
        // "As Breitbart reported on Friday, C": only adjuncts between the cue and the
        // comma. With an object of its own the clause is a time or a cause ("As Trump
        // has unleashed their fury, a protest movement has grown").
        if k + 1 >= cend || self.skip_adjuncts(cue.end, k) < k {
            return None;
        }
        let mut stop = cend;
        if let Some(q) = self.quotes.containing(k) {
            stop = stop.min(self.quotes.spans[q].close);
        }
        self.make(si, cue, Some(subject), vec![k + 1..stop], Pattern::AsClause)
    }

    /// "It was announced that C"; "C was confirmed by X" is left to the rules of
    /// linking, as its subject is content, not a source.
    fn passive(&self, si: usize, cue: &Cue) -> Option<Attribution> {
        let floor = self.sentence_range(si).start;
        let cend = self.content_end(si);
        let by_agent = (cue.end < cend && self.lower_is(cue.end, &["by"]))
            .then(|| self.np_after(cue.end + 1, cend))
            .flatten();
        let it_subject = cue.start > floor && self.lower_is(cue.start - 1, &["it"]);
        if !it_subject {
            // "Sanders was asked by the host whether C": the subject is the hearer.
            if cue.hearer {
                return self.asked(si, cue);
            }
            // "Tinder's ban was first reported by BuzzFeed", "The list was widely known":
            // the subject is what was said; the agent, if named, said it.
            let subject = self.subject_before(cue.start, floor)?;
            // "Most Republicans are opposed to the deal": the subject's own attitude.
            if by_agent.is_none() && self.pack.cues.stative_passive.has(cue.lemma) {
                // ("opposed to the deal": "to" joins the cue in `make`.)
                let right = if self.lower_is(cue.end, &["to"]) {
                    vec![cue.end..cend]
                } else {
                    self.content_right(si, cue.end, false)
                };
                return self.make(si, cue, Some(subject), right, Pattern::SourceCue);
            }
            if by_agent.is_none()
                && (self.is_subject_pronoun(subject.start) && subject.len() == 1
                    || self.pack.cues.needs_agent.has(cue.lemma))
            {
                return None;
            }
            // "A shark was seen swimming in the street": with no agent, a participle after
            // the cue says what the subject was doing; no one is said to have said anything.
            if by_agent.is_none()
                && self
                    .content_right(si, cue.end, false)
                    .first()
                    .is_some_and(|r| {
                        let w = self.text(r.start);
                        w.len() > 4 && w.ends_with("ing") && self.p.tokens[r.start].is_word()
                    })
            {
                return None;
            }
            // "Trump is seen as the favourite": what the subject is seen as is said too.
            let mut content = vec![subject];
            if by_agent.is_none() && self.lower_is(cue.end - 1, &["as"]) {
                content.extend(self.content_right(si, cue.end, false));
            }
            return self.make(si, cue, by_agent, content, Pattern::Passive);
        }
        let after = by_agent.as_ref().map_or(cue.end, |r| r.end);
        let right = self.content_right(si, after, false);
        let mut a = self.make(si, cue, by_agent, right, Pattern::Passive)?;
        a.cue = cue.start..cue.end;
        Some(a)
    }

    /// "(When) asked by Ingraham about C", "Sanders was asked (by the host) whether C":
    /// the one who asks, if named, is the source; what follows is the content.
    fn asked(&self, si: usize, cue: &Cue) -> Option<Attribution> {
        let cend = self.content_end(si);
        let by_agent = (cue.end < cend && self.lower_is(cue.end, &["by"]))
            .then(|| self.np_after(cue.end + 1, cend))
            .flatten();
        if cue.end < cend && self.lower_is(cue.end, &["by"]) && by_agent.is_none() {
            return None;
        }
        let after = by_agent.as_ref().map_or(cue.end, |r| r.end);
        let right = self.content_right(si, after, false);
        let a = self.make(si, cue, by_agent, right, Pattern::Asked)?;
        // "asked about C", "asked whether C", "asked to leave": the question's topic.
        let topic = a.content.first().is_some_and(|r| {
            self.lower_is(
                r.start,
                &[
                    "about", "whether", "if", "to", "what", "who", "which", "how", "why", "when",
                ],
            ) || (r.start > 0 && self.lower_is(r.start - 1, &["about", "whether", "if"]))
        });
        (self.is_clause(&a.content) || a.content.len() > 1 || topic).then_some(a)
    }

    /// "In a national CNN/ORC poll released Monday, 31% of Republicans ...": an opening
    /// "in" phrase whose noun is a report (a `reports` noun under `nouns`) is the
    /// source of the clause after its comma.
    fn in_source(&self, si: usize) -> Option<Attribution> {
        let range = self.sentence_range(si);
        let f = self.clause_opener(si, range.end);
        if f + 2 >= range.end || !self.lower_is(f, &["in"]) {
            return None;
        }
        let comma = (f + 2..range.end.min(f + 16)).find(|&k| self.kind(k) == Kind::Comma)?;
        let report = (f + 1..comma).any(|k| self.report_noun(k));
        if !report || !self.np_valid(f + 1, comma) {
            return None;
        }
        let end = self.content_end(si);
        let content = vec![comma + 1..end];
        if comma + 1 >= end || !self.is_clause(&content) {
            return None;
        }
        let cue = Cue::plain(f, f + 1, Stance::Reports, u32::MAX);
        self.make(si, &cue, Some(f + 1..comma), content, Pattern::InSource)
    }

    /// A `reports` noun under `nouns` ("poll", "survey").
    pub(super) fn report_noun(&self, k: usize) -> bool {
        // Every statement noun has the flag: most words need no lookup.
        self.has(k, wf::CUE_NOUN)
            && self.pack.cues.nouns.get(&self.p.tokens[k].word) == Some(&Stance::Reports)
    }

    /// "C in the latest NBC News/Wall Street Journal poll": a closing "in" phrase whose
    /// noun is a report is the source of the clause before it.
    fn in_source_after(&self, si: usize) -> Option<Attribution> {
        let range = self.sentence_range(si);
        let end = self.content_end(si);
        let f = (range.start + 2..end.saturating_sub(1))
            .rev()
            .take(16)
            .find(|&k| self.is_in(k))?;
        // A particular report ("a CNN poll", "Monday's survey"), not standing "in the
        // polls".
        let nouns: Vec<usize> = (f + 1..end).filter(|&k| self.report_noun(k)).collect();
        if nouns.is_empty() {
            return None;
        }
        let particular = nouns.iter().any(|&k| !self.text(k).ends_with('s'))
            || (f + 1..end).any(|k| matches!(self.cat(k), Cat::Name | Cat::Num | Cat::Poss));
        if !particular || !self.np_valid(f + 1, end) {
            return None;
        }
        let mut start = self.skip_conjunctions(range.start, f);
        while start < f && self.p.tokens[start].is_quote() {
            start += 1;
        }
        let mut stop = f;
        if stop > start && self.kind(stop - 1) == Kind::Comma {
            stop -= 1;
        }
        let content = vec![start..stop];
        if !self.is_clause(&content) {
            return None;
        }
        let cue = Cue::plain(f, f + 1, Stance::Reports, u32::MAX);
        self.make(si, &cue, Some(f + 1..end), content, Pattern::InSource)
    }

    /// "Pat Caddell: Democrat Voters Worried ..." in a headline, or "X: “quote”".
    fn colon_frame(&self, si: usize) -> Option<Attribution> {
        let s = &self.p.sentences[si];
        let range = s.tokens.clone();
        // The speaker is one to six tokens (not counting a bracketed note: "Rep. Trey
        // Gowdy (R-S.C.):") before the sentence's first colon, after any opening
        // quotes or a heading and a dash.
        let mut start = range
            .clone()
            .find(|&k| !self.p.tokens[k].is_quote())
            .unwrap_or(range.end);
        // (Only quote marks come before `start`, so the sentence's first colon is the
        // first from there.)
        let colon = self.first_colon(si).filter(|&c| c < start + 40)?;
        // "IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “C”": a heading, a
        // dash, and the names of those quoted.
        if let Some(d) = (start..colon).rev().find(|&k| self.kind(k) == Kind::Dash)
            && colon > d + 1
            && (d + 1..colon).all(|k| self.p.tokens[k].is_cap() || self.lower_is(k, &["and"]))
        {
            start = d + 1;
        }
        let name_end = self.paren_before(colon, start).unwrap_or(colon);
        if name_end == start || name_end - start > 6 {
            return None;
        }
        let after = colon + 1;
        let quoted = after < range.end && self.quotes.opening_at(after).is_some();
        let para = &self.p.paragraphs[s.paragraph];
        let opens_paragraph = para.sentences.start == si;
        // An interview transcript: "JAKE TAPPER:" opens a paragraph.
        // (Not a one-letter "Q:" or "A:", which has no ALL_CAPS flag: PolNeAR train
        // marks 16 of its 65 such lines.)
        let all_caps = |k: usize| self.p.tokens[k].is(crate::text::tokens::flag::ALL_CAPS);
        let transcript = opens_paragraph
            && (start..colon).all(|k| !self.p.tokens[k].is_word() || all_caps(k))
            && (start..colon).any(all_caps);
        // A heading that names its speaker: "Clinton: I support D.C. statehood."
        let named = opens_paragraph
            && (start..colon).all(|k| !self.p.tokens[k].is_word() || self.p.tokens[k].is_cap());
        // A one-sentence first paragraph is a title even when it ends in a period.
        let title =
            s.headline || (si == 0 && para.sentences.len() == 1 && self.p.paragraphs.len() > 1);
        if !(title || quoted || self.title_case(colon) || transcript || named) {
            return None;
        }
        if !transcript
            && (!self.np_valid(start, name_end)
                || !(start..name_end).any(|k| self.p.tokens[k].is_cap()))
        {
            return None;
        }
        // "Rumor: ...", "Breaking: ..." are labels, not speakers; but a label word
        // inside a name is its head ("Judicial Watch:", "WSJ editorial:").
        if self
            .pack
            .headline_labels
            .at(&self.p.tokens, start, colon)
            .is_some()
        {
            return None;
        }
        let content = if quoted {
            self.quote_pieces(after)
        } else if transcript {
            // The speaker's turn runs to the end of the paragraph.
            let last = para.sentences.end - 1;
            vec![after..self.p.sentences[last].tokens.end]
        } else {
            vec![after..self.content_end(si)]
        };
        // "Clinton: 547." is a tally, not a statement; "on Twitter: @handle" a credit.
        if !content
            .iter()
            .any(|r| r.clone().any(|k| self.kind(k) == Kind::Word))
            || self.text(after).starts_with('@')
        {
            return None;
        }
        // A title's own question ("Ted Cruz: Hero or villain?") or subtitle ("Smith
        // and Jones: A long rivalry", an article and no verb) says nothing of the name.
        if !quoted && !transcript {
            let stop = self.content_end(si);
            let question = self.kind(range.end - 1) == Kind::Question;
            let subtitle = self.lower_is(after, &["a", "an", "the"])
                && !(after..stop).any(|k| self.cat(k) == Cat::Verb || self.has(k, wf::AUX));
            if question || subtitle {
                return None;
            }
        }
        let cue = Cue::plain(colon, colon + 1, Stance::Asserts, u32::MAX);
        let mut a = self.make(si, &cue, Some(start..colon), content, Pattern::Colon)?;
        a.lemma = None;
        Some(a)
    }

    /// "Trump went even further: “C”", "A footnote in the report makes that clear:
    /// “C”": a clause with a subject and a verb, and no cue, that a colon closes
    /// introduces the quotation right after it as its subject's words, whatever the
    /// verb.
    fn colon_quote(&self, si: usize, out: &mut Vec<Attribution>, first_new: usize) {
        // (Only in a sentence with no speech of its own: tested before any scan.)
        if out.len() > first_new {
            return;
        }
        let range = self.sentence_range(si);
        let Some(c) = self.first_colon(si).and_then(|c| {
            if c > range.start {
                Some(c)
            } else {
                (c + 1..range.end).find(|&k| self.kind(k) == Kind::Colon)
            }
        }) else {
            return;
        };
        if c + 1 >= self.p.tokens.len() || self.quotes.opening_at(c + 1).is_none() {
            return;
        }
        // (Not a colon inside a quotation: the clause is the quoted speaker's.)
        if self.quotes.containing(c).is_some() {
            return;
        }
        let pieces = self.quote_pieces(c + 1);
        if pieces.is_empty() {
            return;
        }
        let Some(subject) = self.sentence_subject(range.start, c) else {
            return;
        };
        // (A dash between sets off a heading: "Too early - More from the report:".)
        if !self.source_like(subject.clone())
            || subject.end >= c
            || (range.start..c).any(|k| self.kind(k) == Kind::Dash)
        {
            return;
        }
        let Some(mut v) = (subject.end..c).find(|&k| self.verb_like(k)) else {
            return;
        };
        // ("leaned in and boomed: “C”": the last of joined verbs.)
        if let Some(k) = (v + 1..c)
            .rev()
            .find(|&k| self.verb_like(k) && self.lower_is(k - 1, &["and", "then"]))
        {
            v = k;
        }
        let cue = self.verb_group(v, c, Stance::Asserts, u32::MAX, Form::Finite, false);
        let cue = Cue {
            start: cue.start.max(subject.end),
            ..cue
        };
        if let Some(mut a) = self.make(si, &cue, Some(subject), pieces, Pattern::Colon) {
            a.lemma = None;
            out.push(a);
        }
    }

    /// A lowercase word that reads as a verb: a verb, an auxiliary or an "-ed" form.
    fn verb_like(&self, k: usize) -> bool {
        let t = &self.p.tokens[k];
        t.is_word()
            && !t.is_cap()
            && (self.cat(k) == Cat::Verb || self.has(k, wf::AUX) || self.text(k).ends_with("ed"))
    }

    /// "The proposal has drawn harsh criticism from Republicans", "Cruz won the
    /// backing of two congressmen": a verb, the noun for what its subject receives and
    /// the preposition (`received`) name the source after them; the subject is what
    /// they support or criticise.
    fn received(&self, si: usize, out: &mut Vec<Attribution>, first_new: usize) {
        let range = self.sentence_range(si);
        let floor = range.start;
        let toks = &self.p.tokens;
        // (No phrase starts before the first word that starts one.)
        let Some(first) = self.first_received(si) else {
            return;
        };
        let mut k = first.max(floor + 1);
        while k < range.end {
            let Some((n, _)) = self.pack.cues.received.at(toks, k, range.end) else {
                k += 1;
                continue;
            };
            let noun = k;
            k += n;
            let taken = |r: &Range<usize>| r.start < noun + n && noun < r.end;
            if out[first_new..]
                .iter()
                .any(|a| taken(&a.cue) || a.content.iter().any(taken))
            {
                continue;
            }
            // The source: the noun phrase after the preposition.
            let s = noun + n;
            let source = (s + 1..range.end.min(s + 14))
                .take_while(|&e| {
                    matches!(self.kind(e - 1), Kind::Word | Kind::Number | Kind::Hyphen)
                        && self.cat(e - 1) != Cat::Rel
                        && !self.has(e - 1, wf::AUX)
                })
                .filter(|&e| self.np_valid(s, e))
                .last()
                .map(|e| s..e);
            let Some(source) = source else { continue };
            // The verb: before the noun and its modifiers ("has drawn harsh", "won the").
            let Some(v) = (noun.saturating_sub(4).max(floor)..noun)
                .rev()
                .find(|&j| self.verb_like(j))
            else {
                continue;
            };
            if (v + 1..noun).any(|j| {
                !toks[j].is_word() || matches!(self.cat(j), Cat::Prep | Cat::Rel | Cat::Pron)
            }) {
                continue;
            }
            // The preposition introduces the source and stays out of the cue, as in
            // PolNeAR ("drew criticism" from X).
            let cue = self.verb_group(v, s - 1, Stance::Asserts, u32::MAX, Form::Finite, false);
            // ("faced criticism from rivals that C": what they say follows them.)
            let content = if source.end < range.end
                && self.lower_is(source.end, &["that"])
                && self.has(source.end, wf::COMP)
            {
                self.content_right(si, source.end, false)
            } else {
                let Some(subject) = self.subject_before(cue.start, floor) else {
                    continue;
                };
                vec![subject]
            };
            if let Some(mut a) = self.make(si, &cue, Some(source), content, Pattern::LightVerb) {
                a.lemma = None;
                out.push(a);
            }
        }
    }

    /// Quote paragraphs with no cue of their own continue the previous speaker.
    fn quote_continuations(&self, out: &mut Vec<Attribution>) {
        let mut added = Vec::new();
        let mut last_speaker: Option<usize> = None;
        let mut covered: Vec<Range<usize>> =
            out.iter().flat_map(|a| a.content.iter().cloned()).collect();
        covered.sort_by_key(|r| r.start);
        // The last attribution found in each paragraph (a list per paragraph cost an
        // allocation each).
        let mut last_in_para: Vec<Option<usize>> = vec![None; self.p.paragraphs.len()];
        for (i, a) in out.iter().enumerate() {
            last_in_para[self.p.sentences[a.sentence].paragraph] = Some(i);
        }
        for (pi, para) in self.p.paragraphs.iter().enumerate() {
            if para.junk.is_some() || para.sentences.is_empty() {
                continue;
            }
            if let Some(last) = last_in_para[pi] {
                if out[last].source.is_some() {
                    last_speaker = Some(last);
                }
                continue;
            }
            let first = self.p.sentences[para.sentences.start].tokens.start;
            let Some(q) = self.quotes.opening_at(first) else {
                last_speaker = None;
                continue;
            };
            if covered.iter().any(|r| r.start <= first && first < r.end) {
                continue;
            }
            let Some(prev) = last_speaker else { continue };
            let quoted_before = out[prev]
                .content
                .iter()
                .any(|r| self.p.tokens[r.start].is_quote());
            if !quoted_before {
                continue;
            }
            let pieces: Vec<Range<usize>> = self.quotes_from(q);
            // (A stray quote mark says nothing.)
            if !pieces.iter().any(|r| self.has_words(r.clone())) {
                continue;
            }
            for r in &pieces {
                covered.push(r.clone());
            }
            added.push(Attribution {
                sentence: para.sentences.start,
                source: None,
                cue: first..first,
                content: pieces,
                lead: None,
                relative: None,
                stance: out[prev].stance,
                lemma: None,
                pattern: Pattern::QuoteContinuation,
                negated: false,
                quoted: false,
                parent: None,
                same_speaker_as: Some(prev),
            });
        }
        // Indices in `same_speaker_as` refer to `out` as it was; keep them valid by
        // appending, then sorting with a remap.
        out.extend(added);
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| (out[i].extent().start, out[i].cue.start, i));
        let mut new_index = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        // Moved into their new places, not cloned (which copied every content list).
        let mut old: Vec<Option<Attribution>> = std::mem::take(out).into_iter().map(Some).collect();
        let mut sorted: Vec<Attribution> = order
            .iter()
            .map(|&i| old[i].take().expect("each index once"))
            .collect();
        for a in sorted.iter_mut() {
            a.same_speaker_as = a.same_speaker_as.map(|i| new_index[i]);
        }
        *out = sorted;
    }
}

/// In one sentence, a cue inside another attribution's content either nests (reported
/// speech inside reported speech) or starts a sibling clause (", noting that ...",
/// "– although he noted ..."): siblings cut the first content short.
fn trim_siblings(cx: &Ctx, found: &mut [Attribution]) {
    let n = found.len();
    // Where attribution `b` starts as a clause: its source, or its cue when the source
    // stands before another cue ("Mr. Manafort, citing C, said D").
    // (", which he said C": the relative pronoun opens the clause.)
    let clause_start = |b: &Attribution, before: usize| match &b.source {
        Some(s) if s.start < b.cue.start && !borrowed(b.pattern) && s.start >= before => {
            match b.content.first() {
                Some(r) if r.end == s.start && r.len() == 1 => r.start,
                _ => s.start,
            }
        }
        _ => b.cue.start,
    };
    // Is there a clause break (comma, dash, semicolon) right before `start`, over
    // closing quotes and a conjunction?
    let breaks_at = |start: usize| {
        let mut k = start;
        while k > 0
            && cx.p.tokens[k - 1]
                .quote()
                .is_some_and(|q| q.dir != QuoteDir::Open)
        {
            k -= 1;
        }
        if k > 0 && cx.cat(k - 1) == Cat::Conj {
            k -= 1;
        }
        k > 0 && matches!(cx.kind(k - 1), Kind::Comma | Kind::Dash | Kind::Semicolon)
    };
    // "C and Gates said D": a conjunction and a new subject that speaks start a clause
    // of their own. Not for thinking ("C and he thinks D" is more of what was said).
    let new_speaker = |b: &Attribution, start: usize| {
        let cues = &cx.pack.cues;
        start > 1
            && cx.lower_is(start - 1, &["and", "but"])
            // "what he and union members see": one subject.
            && cx.cat(start - 2) != Cat::Pron
            && b.pattern == Pattern::SourceCue
            && b.source.as_ref().is_some_and(|s| s.start == start)
            && b.lemma.is_some_and(|l| {
                !cues.mental.has(l) && !cues.topic.has(l) && !cues.naming.has(l)
            })
    };
    // "57 percent see him negatively while 61 percent say C", "hours after Sanders
    // said C", "with three in 10 saying C": a clause that a subordinator opens, with
    // a subject that speaks, is a sibling of the main clause, not part of what its
    // subject said ("before", "because", "if" and "as" are as often part of it).
    let subordinate = |b: &Attribution, start: usize| {
        start > 1
            && cx.lower_is(start - 1, SIBLING_SUBORDINATORS)
            && b.source.as_ref().is_some_and(|s| s.start == start)
            && !borrowed(b.pattern)
    };
    // "moves that he said improved the economy": a relative clause whose pronoun is
    // what its speaker said something of stands beside the main clause.
    let bridge = |b: &Attribution, start: usize| {
        b.pattern == Pattern::SourceCue
            && b.lemma.is_some_and(|l| !cx.pack.cues.mental.has(l))
            && b.content.first().is_some_and(|r| {
                r.start == start
                    && r.len() == 1
                    && b.source.as_ref().is_some_and(|s| r.end == s.start)
            })
    };
    // "praised the pastor, who has vowed C", "touted his wins, which he describes as
    // C": a relative clause set off by a comma after a noun-phrase object is a
    // statement of its own. Where it starts: the pronoun (after a preposition, "in
    // which"), with a comma before it.
    let relative_start = |b: &Attribution, start: usize| {
        let k = match b.relative {
            Some(k) => k,
            None if start > 0 && b.source.as_ref().is_some_and(|s| s.start == start) => start - 1,
            None => return None,
        };
        if !cx.lower_is(k, &["who", "whom", "which"]) {
            return None;
        }
        let k = if k > 0 && cx.cat(k - 1) == Cat::Prep {
            k - 1
        } else {
            k
        };
        (k > 0 && cx.kind(k - 1) == Kind::Comma).then_some(k)
    };
    // A noun phrase, not a clause, opens `a`'s content ("praised the pastor", not
    // "said the pastor had left"): what follows it is no more of what `a` said.
    let np_object = |a: &Attribution| {
        // (The one piece after the cue: "Acts of protest, he said, are C" has a
        // subject; "those differences seemed a distant memory" has one before the cue.)
        let mut after = a.content.iter().filter(|r| r.start >= a.cue.end);
        match (after.next(), after.next()) {
            (Some(r), None) => {
                !cx.p.tokens[r.start].is_quote()
                    && !cx.lower_is(r.start, NOT_NP_OPENERS)
                    && cx.np_may_start(r.start)
                    && cx
                        .np_after(r.start, r.end)
                        .is_some_and(|np| np.end == r.end || cx.cat(np.end) != Cat::Verb)
            }
            _ => false,
        }
    };
    // "said the plan, which she called a disaster, would fail": a verb after the
    // relative clause's closing comma makes the noun phrase a subject.
    let subject_resumes = |a: &Attribution, k: usize| {
        a.content.iter().any(|r| {
            (k.max(r.start)..r.end.saturating_sub(1))
                .any(|j| cx.kind(j) == Kind::Comma && cx.cat(j + 1) == Cat::Verb)
        })
    };
    for b in 0..n {
        for a in 0..n {
            // "As X confirmed, A, B said C": the main clause after an as-clause is its
            // content, whole; speech inside it nests.
            // (A noun and its owner, "his attacks on C", are a phrase, not a clause.)
            if a == b
                || found[a].cue.start >= found[b].cue.start
                || found[a].pattern == Pattern::AsClause
                || found[b].pattern == Pattern::Possessive
            {
                continue;
            }
            let mut b_start = clause_start(&found[b], found[a].cue.start);
            let sub = subordinate(&found[b], b_start);
            if sub {
                b_start -= 1;
            }
            let mut sub = sub || bridge(&found[b], b_start);
            // "expressed solidarity even as he alluded to C": after a noun-phrase
            // object, "as" and a subject that speaks open a sibling clause.
            if !sub
                && b_start > 1
                && cx.lower_is(b_start - 1, &["as"])
                && found[b].pattern == Pattern::SourceCue
                && found[b].source.as_ref().is_some_and(|s| s.start == b_start)
                && np_object(&found[a])
            {
                b_start -= 1;
                if cx.lower_is(b_start - 1, &["even", "just"]) {
                    b_start -= 1;
                }
                sub = true;
            }
            if !sub
                && let Some(k) = relative_start(&found[b], b_start)
                && k > found[a].cue.start
                && np_object(&found[a])
                && !subject_resumes(&found[a], k)
            {
                b_start = k;
                sub = true;
            }
            if !(breaks_at(b_start)
                || borrowed(found[b].pattern)
                || new_speaker(&found[b], b_start)
                || sub)
            {
                continue;
            }
            // Where each piece of `a`'s content ends once `b` is cut off.
            let cue_b = found[b].cue.start;
            let trimmed = |r: &Range<usize>| {
                // A quotation is what was said, whole: speech inside it nests. One that
                // closes before `b` starts ends there (`think "C," she said`).
                if cx.p.tokens[r.start].is_quote()
                    && cx
                        .quotes
                        .opening_at(r.start)
                        .is_none_or(|q| cx.quotes.spans[q].close >= b_start)
                {
                    return r.end;
                }
                if r.start < b_start && cue_b < r.end {
                    // Keep closing quotes; drop the comma, dash or conjunction.
                    let mut end = b_start;
                    while end > r.start
                        && (matches!(cx.kind(end - 1), Kind::Comma | Kind::Dash | Kind::Semicolon)
                            || cx.cat(end - 1) == Cat::Conj)
                    {
                        end -= 1;
                    }
                    return end;
                }
                r.end
            };
            // ("She went on to say that, because Comey testified that C, D": when
            // nothing would be left, `b` is inside what `a` said.)
            if !found[a].content.iter().any(|r| {
                let end = trimmed(r);
                r.start < end && cx.has_words(r.start..end)
            }) {
                continue;
            }
            for r in found[a].content.iter_mut() {
                r.end = trimmed(r);
            }
            found[a].content.retain(|r| r.start < r.end);
        }
    }
}

/// Keeps the attributions marked in `keep`, fixing up `same_speaker_as` indices
/// (a link to a dropped attribution is dropped with it).
fn retain_remapped(out: &mut Vec<Attribution>, keep: &[bool]) {
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index = vec![None; out.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for a in out.iter_mut() {
        a.same_speaker_as = a.same_speaker_as.and_then(|j| new_index[j]);
    }
}

/// Subordinators that open a clause beside the main one (`trim_siblings`).
const SIBLING_SUBORDINATORS: &[&str] = &[
    "when", "while", "after", "whereas", "with", "where", "although", "though",
];

/// Words that open a content clause rather than a noun phrase (`trim_siblings`).
const NOT_NP_OPENERS: &[&str] = &[
    "that", "whether", "if", "how", "why", "what", "who", "when", "where", "to",
];

/// Forms of "be".
const BE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "\u{2019}s",
];

/// Prepositions before a gerund cue whose subject is the main clause's ("by saying",
/// "after noting", "in arguing").
const GERUND_PREPS: &[&str] = &["by", "after", "before", "upon", "in", "without", "since"];

/// Patterns whose source is borrowed from the sentence's main clause.
fn borrowed(p: Pattern) -> bool {
    matches!(p, Pattern::Participle | Pattern::Coordinated)
}

/// Sets `parent` to the innermost attribution whose content holds the cue.
fn link_nesting(out: &mut [Attribution]) {
    let n = out.len();
    // What each attribution's content covers, first to last token: most contents are
    // far from a given cue, and this rules them out without walking their pieces.
    let cover: Vec<(usize, usize)> = out
        .iter()
        .map(|a| {
            a.content.iter().fold((usize::MAX, 0), |(lo, hi), r| {
                (lo.min(r.start), hi.max(r.end))
            })
        })
        .collect();
    // The attributions with content, by where it starts, and the furthest any of the
    // first k reaches: a scan back from the last one starting at or before a cue stops
    // where none reaches past it (documents hold many attributions; contents are short).
    let mut order: Vec<usize> = (0..n).filter(|&a| !out[a].content.is_empty()).collect();
    order.sort_unstable_by_key(|&a| cover[a].0);
    let reach: Vec<usize> = order
        .iter()
        .scan(0, |hi, &a| {
            *hi = cover[a].1.max(*hi);
            Some(*hi)
        })
        .collect();
    for b in 0..n {
        if out[b].cue.is_empty() {
            continue;
        }
        let cue = out[b].cue.clone();
        // The smallest content holding the cue; of equal ones, the first attribution's.
        let mut best: Option<(usize, usize)> = None;
        let last = order.partition_point(|&a| cover[a].0 <= cue.start);
        for k in (0..last).rev() {
            if reach[k] < cue.end {
                break;
            }
            let a = order[k];
            if a == b || cue.end > cover[a].1 {
                continue;
            }
            for r in &out[a].content {
                if r.start <= cue.start && cue.end <= r.end {
                    let size = r.end - r.start;
                    if best.is_none_or(|(s, x)| (size, a) < (s, x)) {
                        best = Some((size, a));
                    }
                }
            }
        }
        out[b].parent = best.map(|(_, a)| a);
    }
    // Two contents that hold each other's cues would nest in a loop: keep the outer.
    for b in 0..n {
        let mut cur = out[b].parent;
        let mut steps = 0;
        while let Some(a) = cur {
            steps += 1;
            if a == b || steps > n {
                out[b].parent = None;
                break;
            }
            cur = out[a].parent;
        }
    }
}

//! Stage 3, sources: who each attribution's source is. Source phrases become canonical
//! entities through the alias table in `sources.yaml` and what the text says itself
//! (names repeated by surname, appositives such as "an aide to the Russian leader",
//! pronouns and titles pointing back to an earlier mention). Each entity may speak for
//! another; following that chain gives its side.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::extract::Attribution;
use crate::model::Span;
use crate::pack::raw::{EntityKind, PronounClass};
use crate::pack::{Pack, wf};
use crate::text::Parsed;
use crate::text::tokens::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Stable id: the table's id, or a slug of the name found in the text.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Index of the entity this one speaks for.
    pub speaks_for: Option<usize>,
    /// Why it speaks for it: "sources.yaml", or the appositive that says so.
    pub speaks_for_because: Option<String>,
    #[serde(skip)]
    pub gender: Option<Gender>,
    #[serde(skip)]
    table: Option<usize>,
}

/// How a source phrase was tied to its entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Resolution {
    /// A name found in the text (or repeated by surname).
    Name,
    /// A name or title listed in `sources.yaml`.
    Alias { alias: String },
    /// A pronoun or title pointing back to an earlier mention.
    Antecedent {
        pronoun: String,
        antecedent: Span,
        doc: usize,
    },
    /// The same speaker as another attribution (a participle, a continued quote).
    SameSpeaker,
    /// "I" or "we" inside a quote: whoever is quoted.
    QuoteSpeaker,
    /// An unnamed source ("a senior official").
    Anonymous,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub entity: usize,
    pub via: Resolution,
}

/// Sources for every attribution of every document of a story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sources {
    pub entities: Vec<Entity>,
    /// `mentions[doc][attribution]`: the source of each attribution, if resolved.
    pub mentions: Vec<Vec<Option<Mention>>>,
}

impl Sources {
    /// The root of an entity's speaks-for chain: the side it belongs to.
    pub fn side(&self, e: usize) -> usize {
        let mut cur = e;
        for _ in 0..self.entities.len() {
            match self.entities[cur].speaks_for {
                Some(next) if next != cur => cur = next,
                _ => break,
            }
        }
        cur
    }

    pub fn same_side(&self, a: usize, b: usize) -> bool {
        self.side(a) == self.side(b)
    }

    /// Which entities are sources: those that say something, and those they speak
    /// for. People only mentioned in the text are not.
    pub fn speakers(&self) -> Vec<bool> {
        let mut wanted = vec![false; self.entities.len()];
        for m in self.mentions.iter().flatten().flatten() {
            let mut cur = Some(m.entity);
            while let Some(e) = cur {
                if wanted[e] {
                    break;
                }
                wanted[e] = true;
                cur = self.entities[e].speaks_for;
            }
        }
        wanted
    }

    pub fn mention(&self, doc: usize, attribution: usize) -> Option<&Mention> {
        self.mentions.get(doc)?.get(attribution)?.as_ref()
    }
}

/// Resolves the sources of a story's documents, sharing entities between documents.
pub fn resolve(docs: &[(&Parsed, &[Attribution])], pack: &Pack) -> Sources {
    let mut r = Resolver {
        pack,
        out: Sources::default(),
        by_key: FxHashMap::default(),
        by_table: FxHashMap::default(),
    };
    for (d, (p, attrs)) in docs.iter().enumerate() {
        let mentions = r.document(d, p, attrs);
        r.out.mentions.push(mentions);
    }
    r.out
}

struct Resolver<'a> {
    pack: &'a Pack,
    out: Sources,
    /// Surname (or whole name) -> entity.
    by_key: FxHashMap<String, usize>,
    by_table: FxHashMap<usize, usize>,
}

/// Per document: earlier mentions, for pronouns and titles.
struct Seen {
    entity: usize,
    span: Span,
    /// Role words said of this entity in the text ("press secretary").
    roles: Vec<String>,
    sentence: usize,
    token: usize,
    /// 2: speaker of a top-level attribution; 1: first person named in its sentence; 0: other.
    salience: u8,
}

impl Resolver<'_> {
    fn document(&mut self, d: usize, p: &Parsed, attrs: &[Attribution]) -> Vec<Option<Mention>> {
        let mut mentions: Vec<Option<Mention>> = vec![None; attrs.len()];
        let mut seen: Vec<Seen> = self.people_named(p);
        // Resolve in text order so pronouns see what came before them.
        // "I" and "we" inside a quote wait for the quote's speaker.
        let speaker_pronoun = |i: usize| {
            attrs[i].source.as_ref().is_some_and(|s| {
                s.len() == 1
                    && self.pack.pronouns.get(&p.tokens[s.start].word)
                        == Some(&PronounClass::Speaker)
            })
        };
        let mut order: Vec<usize> = (0..attrs.len()).collect();
        order.sort_by_key(|&i| {
            (
                speaker_pronoun(i),
                attrs[i]
                    .source
                    .as_ref()
                    .map_or(attrs[i].cue.start, |s| s.start),
                i,
            )
        });
        for &i in &order {
            let a = &attrs[i];
            let m = match (&a.source, a.same_speaker_as) {
                (None, Some(j)) => mentions.get(j).cloned().flatten().map(|m| Mention {
                    entity: m.entity,
                    via: Resolution::SameSpeaker,
                }),
                (Some(src), _) => self.phrase(d, p, attrs, i, src.clone(), &seen, &mentions),
                (None, None) => None,
            };
            if let (Some(m), Some(src)) = (&m, &a.source) {
                let roles = self.roles_in(p, src.clone());
                // A pronoun passes on what it points at.
                let span = match &m.via {
                    Resolution::Antecedent { antecedent, .. } => *antecedent,
                    _ => p.span_of(src.clone()),
                };
                seen.push(Seen {
                    entity: m.entity,
                    span,
                    roles,
                    sentence: a.sentence,
                    token: src.start,
                    salience: if a.parent.is_none() { 2 } else { 0 },
                });
            }
            mentions[i] = m;
        }
        mentions
    }

    /// People named anywhere in the text (by the alias table, or a name with a first
    /// name or an honorific), so pronouns can point at them.
    fn people_named(&mut self, p: &Parsed) -> Vec<Seen> {
        let toks = &p.tokens;
        let mut out = Vec::new();
        for (si, s) in p.sentences.iter().enumerate() {
            let mut first = true;
            let mut k = s.tokens.start;
            while k < s.tokens.end {
                if let Some((n, &entry)) = self.pack.sources.aliases.at(toks, k, s.tokens.end) {
                    if self.pack.sources.entities[entry].kind == EntityKind::Person
                        && toks[k].is_cap()
                    {
                        let e = self.table_entity(entry);
                        out.push(Seen {
                            entity: e,
                            span: p.span_of(k..k + n),
                            roles: vec![],
                            sentence: si,
                            token: k,
                            salience: u8::from(first),
                        });
                        first = false;
                    }
                    k += n;
                    continue;
                }
                let t = &toks[k];
                let starts_name = t.is_word()
                    && t.is_cap()
                    && (self.pack.is(t.word, wf::MALE | wf::FEMALE)
                        || self.pack.is(t.word, wf::TITLE_WORD))
                    && k + 1 < s.tokens.end
                    && toks[k + 1].is_word()
                    && toks[k + 1].is_cap();
                if starts_name {
                    let mut e = k + 1;
                    while e < s.tokens.end
                        && toks[e].is_word()
                        && toks[e].is_cap()
                        && !self.pack.is(
                            toks[e].word,
                            wf::DET | wf::PREP | wf::CONJ | wf::PRON | wf::AUX,
                        )
                    {
                        e += 1;
                    }
                    if let Some(name) = self.trailing_name(p, k..e) {
                        let ent = self.named(p, name.clone());
                        if self.out.entities[ent].kind == EntityKind::Person {
                            out.push(Seen {
                                entity: ent,
                                span: p.span_of(k..e),
                                roles: vec![],
                                sentence: si,
                                token: k,
                                salience: u8::from(first),
                            });
                            first = false;
                        }
                    }
                    k = e;
                    continue;
                }
                k += 1;
            }
        }
        out
    }

    /// Role words said of a source in its own phrase ("Sarah Sanders, the press secretary").
    fn roles_in(&self, p: &Parsed, r: Range<usize>) -> Vec<String> {
        self.pack
            .sources
            .roles
            .find_all(&p.tokens, r.start, r.end)
            .into_iter()
            .map(|(s, n, _)| p.slice(p.span_of(s..s + n)).to_lowercase())
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn phrase(
        &mut self,
        d: usize,
        p: &Parsed,
        attrs: &[Attribution],
        i: usize,
        src: Range<usize>,
        seen: &[Seen],
        mentions: &[Option<Mention>],
    ) -> Option<Mention> {
        let toks = &p.tokens;
        let (head, appositive) = split_appositive(p, src.clone());
        let first = head.start;
        let word = p.token_text(first).to_lowercase();

        // Pronouns.
        if head.len() <= 2
            && let Some(class) = self.pack.pronouns.get(&toks[first].word).copied()
        {
            return self.pronoun(d, p, attrs, i, first, class, &word, seen, mentions);
        }

        // Names and titles from the table, anywhere in the head ("a statement from the Kremlin").
        if let Some((s, n, &entry)) = self
            .pack
            .sources
            .aliases
            .find_all(toks, head.start, head.end)
            .into_iter()
            .max_by_key(|(s, n, _)| (*n, std::cmp::Reverse(*s)))
        {
            let alias = p.slice(p.span_of(s..s + n)).to_string();
            // "a White House official": an unnamed person who speaks for the entry.
            let anonymous = self.anonymous_head(p, head.clone());
            let table_entity = self.table_entity(entry);
            if anonymous && !self.is_name_run(p, head.clone()) {
                let e = self.new_entity(
                    slug(p.slice(p.span_of(head.clone()))),
                    p.slice(p.span_of(head.clone())).to_string(),
                    EntityKind::Anonymous,
                    None,
                );
                self.out.entities[e].speaks_for = Some(table_entity);
                self.out.entities[e].speaks_for_because =
                    Some(format!("\"{}\"", p.slice(p.span_of(head.clone()))));
                return Some(Mention {
                    entity: e,
                    via: Resolution::Anonymous,
                });
            }
            // A person named before the alias is the speaker: "Kremlin spokesman Dmitry Peskov".
            if let Some(name) = self
                .trailing_name(p, head.clone())
                .filter(|r| r.start >= s + n)
            {
                let e = self.named(p, name);
                if self.out.entities[e].speaks_for.is_none()
                    && self.out.entities[e].table.is_none()
                    && e != table_entity
                {
                    self.out.entities[e].speaks_for = Some(table_entity);
                    self.out.entities[e].speaks_for_because =
                        Some(format!("\"{}\"", p.slice(p.span_of(head.clone()))));
                }
                return Some(Mention {
                    entity: e,
                    via: Resolution::Name,
                });
            }
            self.affiliate(p, table_entity, appositive.clone(), attrs, i, mentions);
            return Some(Mention {
                entity: table_entity,
                via: Resolution::Alias { alias },
            });
        }

        // Unnamed sources: "sources familiar with the matter", "a senior official".
        if self.anonymous_head(p, head.clone()) && !self.is_name_run(p, head.clone()) {
            let text = p.slice(p.span_of(head.clone())).to_string();
            let e = self.new_entity(slug(&text), text, EntityKind::Anonymous, None);
            self.affiliate(p, e, appositive, attrs, i, mentions);
            return Some(Mention {
                entity: e,
                via: Resolution::Anonymous,
            });
        }

        // A name in the text.
        if let Some(name) = self.trailing_name(p, head.clone()) {
            let e = self.named(p, name);
            self.affiliate(p, e, appositive, attrs, i, mentions);
            return Some(Mention {
                entity: e,
                via: Resolution::Name,
            });
        }

        // A title: "the press secretary" -> whoever was introduced with that role.
        let head_text = p.slice(p.span_of(head.clone())).to_lowercase();
        for s in seen.iter().rev() {
            if s.roles.iter().any(|r| head_text.ends_with(r.as_str())) {
                return Some(Mention {
                    entity: s.entity,
                    via: Resolution::Antecedent {
                        pronoun: head_text.clone(),
                        antecedent: s.span,
                        doc: d,
                    },
                });
            }
        }
        // Anything else names itself ("the newspaper", "the release").
        let kind = if head
            .clone()
            .any(|k| self.pack.is(toks[k].word, wf::CUE_NOUN))
        {
            EntityKind::Document
        } else {
            EntityKind::Organisation
        };
        let text = p.slice(p.span_of(head.clone())).to_string();
        let e = self.keyed_entity(slug(&text), text, kind);
        self.affiliate(p, e, appositive, attrs, i, mentions);
        Some(Mention {
            entity: e,
            via: Resolution::Name,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn pronoun(
        &mut self,
        d: usize,
        _p: &Parsed,
        attrs: &[Attribution],
        i: usize,
        tok: usize,
        class: PronounClass,
        word: &str,
        seen: &[Seen],
        mentions: &[Option<Mention>],
    ) -> Option<Mention> {
        let via = |s: &Seen| Resolution::Antecedent {
            pronoun: word.to_string(),
            antecedent: s.span,
            doc: d,
        };
        let sentence = attrs[i].sentence;
        // Nobody is the speaker of a quote they are only mentioned in.
        let inside_own_content = |s: &Seen| {
            attrs[i]
                .content
                .iter()
                .any(|r| r.start <= s.token && s.token < r.end)
        };
        let fits = |s: &Seen, r: &Resolver| {
            if inside_own_content(s) {
                return false;
            }
            let e = &r.out.entities[s.entity];
            match class {
                PronounClass::Male => {
                    e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == Gender::Male)
                }
                PronounClass::Female => {
                    e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == Gender::Female)
                }
                PronounClass::Plural | PronounClass::Neuter => e.kind != EntityKind::Person,
                PronounClass::Speaker => false,
            }
        };
        if class == PronounClass::Speaker {
            // "I", "we" inside a quote: the quote's speaker.
            let parent = attrs[i].parent?;
            let m = mentions.get(parent).cloned().flatten()?;
            return Some(Mention {
                entity: m.entity,
                via: Resolution::QuoteSpeaker,
            });
        }
        // Sentence by sentence backwards; in each, the most salient fitting mention.
        let lowest = sentence.saturating_sub(6);
        for s in (lowest..=sentence).rev() {
            let best = seen
                .iter()
                .filter(|m| m.sentence == s && (s < sentence || m.token < tok) && fits(m, self))
                .max_by_key(|m| (m.salience, m.token));
            if let Some(found) = best {
                let e = found.entity;
                let want = match class {
                    PronounClass::Male => Some(Gender::Male),
                    PronounClass::Female => Some(Gender::Female),
                    _ => None,
                };
                if self.out.entities[e].gender.is_none() {
                    self.out.entities[e].gender = want;
                }
                return Some(Mention {
                    entity: e,
                    via: via(found),
                });
            }
        }
        None
    }

    /// Records who an entity speaks for, from its appositive ("an aide to the Russian
    /// leader") or, for a bare role ("the press secretary"), from the organisation
    /// speaking in the same sentence.
    fn affiliate(
        &mut self,
        p: &Parsed,
        e: usize,
        appositive: Option<Range<usize>>,
        attrs: &[Attribution],
        i: usize,
        mentions: &[Option<Mention>],
    ) {
        let Some(app) = appositive else { return };
        if self.out.entities[e].speaks_for.is_some() {
            return;
        }
        let toks = &p.tokens;
        let has_role = app.clone().any(|k| self.pack.is(toks[k].word, wf::ROLE));
        if !has_role {
            return;
        }
        let because = Some(format!(
            "\"{}\"",
            p.slice(p.span_of(app.clone())).trim_end_matches(',')
        ));
        // The object of the role: "aide to X", "spokesman for X", "X's press secretary".
        let target = self
            .pack
            .sources
            .aliases
            .find_all(toks, app.start, app.end)
            .into_iter()
            .next()
            .map(|(_, _, &t)| self.table_entity(t));
        let target = target.or_else(|| {
            let obj = app.clone().find(|&k| {
                p.token_text(k).eq_ignore_ascii_case("to")
                    || p.token_text(k).eq_ignore_ascii_case("for")
                    || p.token_text(k).eq_ignore_ascii_case("of")
            })?;
            let name = self.trailing_name(p, obj + 1..app.end)?;
            Some(self.named(p, name))
        });
        let target = target.or_else(|| {
            // A bare role: the organisation speaking in the same sentence.
            let sentence = attrs[i].sentence;
            attrs
                .iter()
                .enumerate()
                .filter(|(j, b)| *j != i && b.sentence == sentence)
                .find_map(|(j, _)| {
                    let m = mentions.get(j).cloned().flatten()?;
                    (self.out.entities[m.entity].kind == EntityKind::Organisation)
                        .then_some(m.entity)
                })
        });
        if let Some(t) = target
            && t != e
            && self.side_of(t) != e
        {
            self.out.entities[e].speaks_for = Some(t);
            self.out.entities[e].speaks_for_because = because;
            if self.out.entities[e].kind == EntityKind::Organisation {
                self.out.entities[e].kind = EntityKind::Person;
            }
        }
    }

    fn side_of(&self, e: usize) -> usize {
        self.out.side(e)
    }

    fn anonymous_head(&self, p: &Parsed, head: Range<usize>) -> bool {
        // The head noun is the last word before any preposition.
        let mut end = head.end;
        for k in head.clone() {
            if self.pack.is(p.tokens[k].word, wf::PREP) && k > head.start {
                end = k;
                break;
            }
        }
        (head.start..end)
            .rev()
            .find(|&k| p.tokens[k].is_word())
            .is_some_and(|k| self.pack.is(p.tokens[k].word, wf::ANONYMOUS))
    }

    fn is_name_run(&self, p: &Parsed, head: Range<usize>) -> bool {
        self.trailing_name(p, head).is_some_and(|r| r.len() >= 2)
    }

    /// The last run of capitalised words in `r` that looks like a name (honorifics
    /// before it are left out): "longtime Democratic pollster Pat Caddell" -> "Pat Caddell".
    fn trailing_name(&self, p: &Parsed, r: Range<usize>) -> Option<Range<usize>> {
        let toks = &p.tokens;
        // Stop at a preposition: "a statement from X" is handled as an alias or a document.
        let mut end = r.end;
        // A common noun at the end is the head ("Union leaders"): no name to take.
        if end > r.start && toks[end - 1].is_word() && !toks[end - 1].is_cap() {
            return None;
        }
        while end > r.start && !(toks[end - 1].is_word() && toks[end - 1].is_cap()) {
            end -= 1;
        }
        if end == r.start {
            return None;
        }
        let mut start = end;
        while start > r.start {
            let t = &toks[start - 1];
            // "Piet de Vries", "Ursula von der Leyen".
            let particle = t.is_word()
                && !t.is_cap()
                && self.pack.is(t.word, wf::NAME_PARTICLE)
                && start - 1 > r.start;
            let joins = t.kind == Kind::Hyphen
                || particle
                || (t.is_word()
                    && t.is_cap()
                    && !self
                        .pack
                        .is(t.word, wf::DET | wf::PREP | wf::CONJ | wf::PRON));
            if !joins {
                break;
            }
            start -= 1;
        }
        // Drop honorifics and role words at the front: "Mr", "President", "Sen.".
        while start < end
            && (self.pack.is(toks[start].word, wf::HONORIFIC)
                || toks[start].is(crate::text::tokens::flag::TITLE))
            && end - start > 1
        {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// The entity for a name in the text, merged with earlier mentions by surname.
    fn named(&mut self, p: &Parsed, name: Range<usize>) -> usize {
        let toks = &p.tokens;
        if let Some((n, &entry)) = self.pack.sources.aliases.at(toks, name.start, name.end)
            && n == name.len()
        {
            return self.table_entity(entry);
        }
        let text = p.slice(p.span_of(name.clone())).to_string();
        let surname = p.token_text(name.end - 1).to_lowercase();
        let first = p.token_text(name.start);
        let gender = if self.pack.is(toks[name.start].word, wf::FEMALE) {
            Some(Gender::Female)
        } else if self.pack.is(toks[name.start].word, wf::MALE) {
            Some(Gender::Male)
        } else {
            None
        };
        // The honorific before the name, if any.
        let honorific = name
            .start
            .checked_sub(1)
            .map(|k| p.token_text(k).to_lowercase());
        let gender = gender.or(match honorific.as_deref() {
            Some("mr") | Some("mr.") | Some("sir") => Some(Gender::Male),
            Some("mrs") | Some("mrs.") | Some("ms") | Some("ms.") | Some("miss") => {
                Some(Gender::Female)
            }
            _ => None,
        });
        let looks_person = name.len() >= 2
            && name.len() <= 4
            && (gender.is_some() || self.pack.is(toks[name.start].word, wf::MALE | wf::FEMALE))
            || honorific
                .as_deref()
                .is_some_and(|h| self.pack.vocab.has(self.pack.vocab.get(h), wf::HONORIFIC))
            || gender.is_some();
        if let Some(&e) = self.by_key.get(&surname) {
            let ent = &mut self.out.entities[e];
            if text.len() > ent.name.len() && ent.kind == EntityKind::Person {
                ent.name = text;
            }
            if ent.gender.is_none() {
                ent.gender = gender;
            }
            return e;
        }
        let _ = first;
        let kind = if looks_person {
            EntityKind::Person
        } else {
            EntityKind::Organisation
        };
        let e = self.new_entity(slug(&text), text, kind, gender);
        if kind == EntityKind::Person {
            self.by_key.insert(surname, e);
        } else {
            let key = slug(p.slice(p.span_of(name)));
            self.by_key.insert(key, e);
        }
        e
    }

    fn keyed_entity(&mut self, key: String, name: String, kind: EntityKind) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let e = self.new_entity(key.clone(), name, kind, None);
        self.by_key.insert(key, e);
        e
    }

    fn table_entity(&mut self, entry: usize) -> usize {
        if let Some(&e) = self.by_table.get(&entry) {
            return e;
        }
        let spec = self.pack.sources.entities[entry].clone();
        let first = spec
            .name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let id = self.pack.vocab.get(&first);
        let gender = if self.pack.is(id, wf::MALE) {
            Some(Gender::Male)
        } else if self.pack.is(id, wf::FEMALE) {
            Some(Gender::Female)
        } else {
            None
        };
        let e = self.new_entity(spec.id.clone(), spec.name.clone(), spec.kind, gender);
        self.out.entities[e].table = Some(entry);
        self.by_table.insert(entry, e);
        if let Some(target) = spec.speaks_for {
            let t = self.table_entity(target);
            self.out.entities[e].speaks_for = Some(t);
            self.out.entities[e].speaks_for_because = Some("sources.yaml".into());
        }
        e
    }

    fn new_entity(
        &mut self,
        id: String,
        name: String,
        kind: EntityKind,
        gender: Option<Gender>,
    ) -> usize {
        // Ids stay unique: a text name that collides with a table id gets a suffix.
        let mut unique = id.clone();
        let mut n = 2;
        while self.out.entities.iter().any(|e| e.id == unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        self.out.entities.push(Entity {
            id: unique,
            name,
            kind,
            speaks_for: None,
            speaks_for_because: None,
            gender,
            table: None,
        });
        self.out.entities.len() - 1
    }
}

/// Splits "Name, appositive," into the name part and the appositive part.
fn split_appositive(p: &Parsed, r: Range<usize>) -> (Range<usize>, Option<Range<usize>>) {
    let toks = &p.tokens;
    match r.clone().find(|&k| toks[k].kind == Kind::Comma) {
        Some(c) if c > r.start => {
            let mut end = r.end;
            while end > c + 1 && toks[end - 1].kind == Kind::Comma {
                end -= 1;
            }
            let app = (c + 1 < end).then_some(c + 1..end);
            (r.start..c, app)
        }
        _ => (r, None),
    }
}

/// A lowercase id from a name: "Yury Ushakov" -> "yury-ushakov".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "source".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::test_pack;
    use crate::text::{Document, read};

    /// (source as written, entity name, side name) per attribution.
    fn resolved(text: &str) -> Vec<(String, String, String)> {
        let p = read(Document::new("t", text), test_pack());
        let attrs = crate::extract::extract(&p, test_pack());
        let s = resolve(&[(&p, &attrs)], test_pack());
        attrs
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let m = s.mention(0, i).expect("resolved");
                (
                    a.source_span(&p)
                        .map(|x| p.slice(x).to_string())
                        .unwrap_or_default(),
                    s.entities[m.entity].name.clone(),
                    s.entities[s.side(m.entity)].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn aliases_and_appositives_give_sides() {
        let r = resolved(
            "Yury Ushakov, an aide to the Russian leader, told reporters that talks went well. Moscow said it hoped for more.",
        );
        assert_eq!(r[0].1, "Yury Ushakov");
        assert_eq!(
            r[0].2, "the Kremlin",
            "an aide to Putin speaks for the Kremlin"
        );
        assert_eq!(
            (r[1].1.as_str(), r[1].2.as_str()),
            ("the Kremlin", "the Kremlin")
        );
    }

    #[test]
    fn pronouns_follow_the_previous_speaker() {
        let r = resolved(
            "Helena Marsh, a spokeswoman for Brightwater Energy, said the offer was low. She added that the board would meet.",
        );
        assert_eq!(r[1].0, "She");
        assert_eq!(r[1].1, "Helena Marsh");
        assert_eq!(r[1].2, "Brightwater Energy");
    }

    #[test]
    fn pronouns_skip_people_of_the_other_gender() {
        let r = resolved(
            "Mr Ushakov said the talks went well. Anna Berg said the date was open, and she said nothing more.",
        );
        assert_eq!(r.last().unwrap().1, "Anna Berg");
    }

    #[test]
    fn surnames_merge_with_full_names() {
        let r = resolved(
            "Tomas Lindqvist said the bridge was ready. Mr Lindqvist added that tolls were unlikely.",
        );
        assert_eq!(r[0].1, r[1].1);
    }

    #[test]
    fn titles_point_back_to_who_held_them() {
        let r = resolved(
            "Helena Marsh, a spokeswoman for Brightwater, said the offer was low. The regulator said it had no view. The spokeswoman said the board would meet.",
        );
        assert_eq!(r[2].1, "Helena Marsh");
    }

    #[test]
    fn unnamed_sources_are_anonymous() {
        let p = read(
            Document::new("t", "A senior official said the plan was dead."),
            test_pack(),
        );
        let attrs = crate::extract::extract(&p, test_pack());
        let s = resolve(&[(&p, &attrs)], test_pack());
        let m = s.mention(0, 0).unwrap();
        assert_eq!(s.entities[m.entity].kind, EntityKind::Anonymous);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Yury Ushakov"), "yury-ushakov");
        assert_eq!(slug("the Kremlin's"), "the-kremlin-s");
    }
}

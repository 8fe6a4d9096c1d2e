//! The pipeline end to end: text -> extraction -> sources -> graph -> linking ->
//! rules -> report. `Engine` holds a compiled rule pack and runs the stages in order,
//! passing each stage's plain output to the next.

use crate::extract::{self, Attribution};
use crate::graph::{self, Story, StoryGraph};
use crate::link::{self, Claim, Given, Prepared};
use crate::pack::{Pack, RuleErrors};
use crate::report::{self, Report};
use crate::rules::{Names, Trace, Verdict};
use crate::sources;
use crate::text::{self, Document, Parsed};

/// Everything a check produced, stage by stage.
pub struct Checked {
    pub story: Story,
    pub graph: StoryGraph,
    pub claims: Vec<Claim>,
    pub verdicts: Vec<Verdict>,
    pub report: Report,
}

/// A story read once, to be checked against many claims (batch mode).
pub struct Prepped {
    pub story: Story,
    pub graph: StoryGraph,
    pub prepared: Prepared,
}

pub struct Engine {
    pub pack: Pack,
}

impl Engine {
    pub fn new(pack: Pack) -> Engine {
        Engine { pack }
    }

    /// The engine with the default rule pack.
    pub fn builtin() -> Result<Engine, RuleErrors> {
        Ok(Engine::new(Pack::builtin()?))
    }

    /// Stage 1.
    pub fn read(&self, doc: Document) -> Parsed {
        text::read(doc, &self.pack)
    }

    /// Stage 2.
    pub fn extract(&self, parsed: &Parsed) -> Vec<Attribution> {
        extract::extract(parsed, &self.pack)
    }

    /// Stages 1-3 for a set of documents about one story.
    pub fn story(&self, docs: Vec<Document>) -> Story {
        let docs: Vec<Parsed> = docs.into_iter().map(|d| self.read(d)).collect();
        let attributions: Vec<Vec<Attribution>> = docs.iter().map(|p| self.extract(p)).collect();
        let pairs: Vec<(&Parsed, &[Attribution])> = docs
            .iter()
            .zip(&attributions)
            .map(|(p, a)| (p, a.as_slice()))
            .collect();
        let sources = sources::resolve(&pairs, &self.pack);
        Story {
            docs,
            attributions,
            sources,
        }
    }

    /// Stages 1-4 and the claim-independent part of 5.
    pub fn prep(&self, docs: Vec<Document>) -> Prepped {
        let story = self.story(docs);
        let graph = graph::build(&story);
        let prepared = Prepared::new(&story, &graph, &self.pack);
        Prepped {
            story,
            graph,
            prepared,
        }
    }

    /// Labels one claim against a prepped story: stages 5 and 6.
    pub fn verdicts(
        &self,
        prepped: &Prepped,
        graph: &mut StoryGraph,
        claim: Option<&str>,
    ) -> (Vec<Claim>, Vec<Verdict>) {
        let given = claim.map(|c| Given::new(c, &self.pack));
        let claims = link::link(
            &prepped.story,
            graph,
            &prepped.prepared,
            given.as_ref(),
            &self.pack,
        );
        let verdicts = claims
            .iter()
            .map(|c| self.decide(&prepped.story, c))
            .collect();
        (claims, verdicts)
    }

    /// Stage 6 for one claim.
    pub fn decide(&self, story: &Story, claim: &Claim) -> Verdict {
        let counted = claim.counted();
        let names = |witnesses: &[usize]| message_names(story, claim, &counted, witnesses);
        self.pack.rules.decide(&claim.facts(), &names)
    }

    /// Explains each claim's rules, in order.
    pub fn explain(&self, claims: &[Claim]) -> Vec<Trace> {
        claims
            .iter()
            .map(|c| self.pack.rules.explain(&c.facts()))
            .collect()
    }

    /// The whole pipeline.
    pub fn check(&self, docs: Vec<Document>, claim: Option<&str>, explain: bool) -> Checked {
        let prepped = self.prep(docs);
        let mut graph = prepped.graph.clone();
        let (claims, verdicts) = self.verdicts(&prepped, &mut graph, claim);
        let explanations = explain.then(|| self.explain(&claims));
        let report = report::build(&prepped.story, &claims, &verdicts, explanations.as_deref());
        Checked {
            story: prepped.story,
            graph,
            claims,
            verdicts,
            report,
        }
    }
}

/// Names for a rule message: the claimant, and the first statement that made the
/// rule hold (its speaker and cue).
fn message_names(story: &Story, claim: &Claim, counted: &[usize], witnesses: &[usize]) -> Names {
    let name = |e: Option<usize>, doc: usize| match e {
        Some(e) => story.sources.entities[e].name.clone(),
        None => format!("{} (own voice)", story.docs[doc].doc.id),
    };
    let claimant = claim
        .claimant
        .map(|e| story.sources.entities[e].name.clone())
        .unwrap_or_default();
    let witness = witnesses
        .iter()
        .filter_map(|&w| counted.get(w).map(|&i| &claim.statements[i]))
        .find(|s| s.facts.side != crate::pack::raw::Side::Claimant)
        .or_else(|| {
            witnesses
                .first()
                .and_then(|&w| counted.get(w))
                .map(|&i| &claim.statements[i])
        });
    match witness {
        Some(s) => {
            let cue = s
                .attribution
                .map(|a| {
                    let at = &story.attributions[s.doc][a];
                    story.docs[s.doc]
                        .slice(at.cue_span(&story.docs[s.doc]))
                        .to_string()
                })
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| s.facts.stance.to_string());
            Names {
                claimant,
                responder: name(s.entity, s.doc),
                cue,
            }
        }
        None => Names {
            claimant,
            ..Names::default()
        },
    }
}

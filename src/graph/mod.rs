//! Stage 4, graph: sources and assertions as a petgraph graph. Source nodes are
//! entities (and each document's own voice); assertion nodes are what was said;
//! statement edges run from a source to an assertion and carry the stance, the cue,
//! the document and its date; speaks-for edges join sources. The linking stage adds
//! responds-to and restates edges between assertions.

pub mod export;

pub use export::{to_dot, to_json};

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::extract::Attribution;
use crate::model::{Span, Stance};
use crate::sources::Sources;
use crate::text::Parsed;

/// One story: its documents after extraction and source resolution.
#[derive(Debug, Clone)]
pub struct Story {
    pub docs: Vec<Parsed>,
    pub attributions: Vec<Vec<Attribution>>,
    pub sources: Sources,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// An entity from the sources stage.
    Source {
        entity: usize,
    },
    /// A document's own, unattributed voice.
    Outlet {
        doc: usize,
    },
    Assertion(Assertion),
    /// A claim given with `--claim`.
    Given {
        text: String,
    },
}

/// Something said: an attribution's content, or a sentence in the outlet's voice.
#[derive(Debug, Clone, Serialize)]
pub struct Assertion {
    pub doc: usize,
    pub attribution: Option<usize>,
    pub sentence: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edge {
    /// A source says an assertion.
    Statement {
        stance: Stance,
        cue: Option<Span>,
        doc: usize,
        date: Option<NaiveDate>,
    },
    /// A source speaks for another.
    SpeaksFor,
    /// An assertion answers another (confirms, denies, qualifies...).
    RespondsTo { reason: String },
    /// An assertion says the same as another.
    Restates { reason: String },
    /// An attribution reported inside another's content.
    Within,
}

#[derive(Debug, Clone)]
pub struct StoryGraph {
    pub graph: DiGraph<Node, Edge>,
    /// Node of each entity that is a source (or is spoken for).
    pub entity_nodes: Vec<Option<NodeIndex>>,
    /// Node of each document's own voice.
    pub outlet_nodes: Vec<NodeIndex>,
    /// Assertion node of each attribution, per document.
    pub attribution_nodes: Vec<Vec<NodeIndex>>,
    /// Assertion nodes in the outlet's voice, per document: (sentence, node).
    pub outlet_assertions: Vec<Vec<(usize, NodeIndex)>>,
    pub given: Option<NodeIndex>,
}

/// Builds the graph of a story. Sentences that no attribution covers become
/// assertions in the outlet's own voice.
pub fn build(story: &Story) -> StoryGraph {
    let mut graph = DiGraph::new();
    let n = story.sources.entities.len();
    let wanted = story.sources.speakers();
    let entity_nodes: Vec<Option<NodeIndex>> = (0..n)
        .map(|e| wanted[e].then(|| graph.add_node(Node::Source { entity: e })))
        .collect();
    for (e, ent) in story.sources.entities.iter().enumerate() {
        if let (Some(from), Some(to)) = (
            entity_nodes[e],
            ent.speaks_for.and_then(|t| entity_nodes[t]),
        ) {
            graph.add_edge(from, to, Edge::SpeaksFor);
        }
    }
    let mut outlet_nodes = Vec::new();
    let mut attribution_nodes = Vec::new();
    let mut outlet_assertions = Vec::new();
    for (d, p) in story.docs.iter().enumerate() {
        let outlet = graph.add_node(Node::Outlet { doc: d });
        outlet_nodes.push(outlet);
        let attrs = &story.attributions[d];
        let mut nodes = Vec::with_capacity(attrs.len());
        for (i, a) in attrs.iter().enumerate() {
            let n = graph.add_node(Node::Assertion(Assertion {
                doc: d,
                attribution: Some(i),
                sentence: a.sentence,
                spans: a.content_spans(p),
            }));
            let speaker = story
                .sources
                .mention(d, i)
                .and_then(|m| entity_nodes[m.entity])
                .unwrap_or(outlet);
            let cue = (!a.cue.is_empty()).then(|| a.cue_span(p));
            graph.add_edge(
                speaker,
                n,
                Edge::Statement {
                    stance: a.stance,
                    cue,
                    doc: d,
                    date: p.doc.date,
                },
            );
            nodes.push(n);
        }
        for (i, a) in attrs.iter().enumerate() {
            if let Some(parent) = a.parent {
                graph.add_edge(nodes[i], nodes[parent], Edge::Within);
            }
        }
        let mut outlet_sentences = Vec::new();
        for (si, s) in p.sentences.iter().enumerate() {
            if covered(attrs, si, s.tokens.clone()) {
                continue;
            }
            let n = graph.add_node(Node::Assertion(Assertion {
                doc: d,
                attribution: None,
                sentence: si,
                spans: vec![s.span],
            }));
            graph.add_edge(
                outlet,
                n,
                Edge::Statement {
                    stance: Stance::Asserts,
                    cue: None,
                    doc: d,
                    date: p.doc.date,
                },
            );
            outlet_sentences.push((si, n));
        }
        attribution_nodes.push(nodes);
        outlet_assertions.push(outlet_sentences);
    }
    StoryGraph {
        graph,
        entity_nodes,
        outlet_nodes,
        attribution_nodes,
        outlet_assertions,
        given: None,
    }
}

/// A sentence belongs to an attribution when most of its words are in one.
fn covered(attrs: &[Attribution], si: usize, tokens: std::ops::Range<usize>) -> bool {
    let total = tokens.len().max(1);
    attrs.iter().any(|a| {
        if a.sentence == si {
            return true;
        }
        let inside: usize = a
            .content
            .iter()
            .map(|r| {
                r.end
                    .min(tokens.end)
                    .saturating_sub(r.start.max(tokens.start))
            })
            .sum();
        inside * 2 > total
    })
}

impl StoryGraph {
    pub fn add_given(&mut self, text: &str) -> NodeIndex {
        let n = self.graph.add_node(Node::Given {
            text: text.to_string(),
        });
        self.given = Some(n);
        n
    }
}

#[cfg(test)]
mod tests {
    use petgraph::visit::EdgeRef;

    use super::*;
    use crate::pack::test_pack;
    use crate::text::Document;

    fn story(texts: &[&str]) -> Story {
        let docs: Vec<crate::text::Parsed> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::text::read(Document::new(format!("d{i}"), *t), test_pack()))
            .collect();
        let attributions: Vec<Vec<Attribution>> = docs
            .iter()
            .map(|p| crate::extract::extract(p, test_pack()))
            .collect();
        let pairs: Vec<(&crate::text::Parsed, &[Attribution])> = docs
            .iter()
            .zip(&attributions)
            .map(|(p, a)| (p, a.as_slice()))
            .collect();
        let sources = crate::sources::resolve(&pairs, test_pack());
        Story {
            docs,
            attributions,
            sources,
        }
    }

    fn count(g: &StoryGraph, f: impl Fn(&Edge) -> bool) -> usize {
        g.graph.edge_references().filter(|e| f(e.weight())).count()
    }

    #[test]
    fn sources_assertions_and_statement_edges() {
        let s = story(&[
            "Yury Ushakov, an aide to the Russian leader, said Trump had invited Putin.",
            "The White House confirmed the invitation. Rain fell in Moscow.",
        ]);
        let g = build(&s);
        // One assertion per attribution plus one per sentence in the outlet's voice.
        let assertions = g
            .graph
            .node_weights()
            .filter(|n| matches!(n, Node::Assertion(_)))
            .count();
        assert_eq!(assertions, 3);
        assert_eq!(
            count(&g, |e| matches!(
                e,
                Edge::Statement {
                    stance: Stance::Confirms,
                    ..
                }
            )),
            1
        );
        // Ushakov speaks for Putin, who speaks for the Kremlin: a chain of two edges.
        assert_eq!(count(&g, |e| matches!(e, Edge::SpeaksFor)), 2);
        let outlet_edges = g
            .graph
            .edge_references()
            .filter(|e| matches!(g.graph[e.source()], Node::Outlet { doc: 1 }))
            .count();
        assert_eq!(
            outlet_edges, 1,
            "only the uncovered sentence is in the outlet's voice"
        );
    }

    #[test]
    fn people_only_mentioned_are_not_sources() {
        let s = story(&["The White House said Putin was invited."]);
        let g = build(&s);
        let sources: Vec<&str> = g
            .graph
            .node_weights()
            .filter_map(|n| match n {
                Node::Source { entity } => Some(s.sources.entities[*entity].name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(sources, ["the White House"]);
    }

    #[test]
    fn dot_and_json_exports() {
        let s = story(&["The Kremlin says Trump invited Putin to the White House."]);
        let g = build(&s);
        let dot = to_dot(&s, &g);
        assert!(dot.starts_with("digraph story {") && dot.trim_end().ends_with('}'));
        assert!(dot.contains("asserts (says)"));
        let json = to_json(&s, &g);
        assert_eq!(
            json["nodes"].as_array().map(Vec::len),
            Some(g.graph.node_count())
        );
        assert_eq!(
            json["edges"].as_array().map(Vec::len),
            Some(g.graph.edge_count())
        );
    }
}

//! The story graph as JSON or Graphviz DOT, with readable labels.

use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{Edge, Node, Story, StoryGraph};
use crate::report::CharIndex;

#[derive(Serialize)]
struct JsonGraph {
    nodes: Vec<JsonNode>,
    edges: Vec<JsonEdge>,
}

#[derive(Serialize)]
struct JsonNode {
    id: usize,
    #[serde(flatten)]
    node: Node,
    label: String,
    /// Character offsets of the assertion's text, where it has text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    chars: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsonEdge {
    from: usize,
    to: usize,
    #[serde(flatten)]
    edge: Edge,
    label: String,
}

fn node_label(story: &Story, node: &Node) -> String {
    match node {
        Node::Source { entity } => story.sources.entities[*entity].name.clone(),
        Node::Outlet { doc } => format!("{} (own voice)", story.docs[*doc].doc.id),
        Node::Assertion(a) => {
            let p = &story.docs[a.doc];
            let text: Vec<&str> = a.spans.iter().map(|s| p.slice(*s)).collect();
            shorten(&text.join(" … "), 100)
        }
        Node::Given { text } => shorten(text, 100),
    }
}

fn edge_label(story: &Story, edge: &Edge) -> String {
    match edge {
        Edge::Statement {
            stance, cue, doc, ..
        } => match cue {
            Some(c) => format!("{stance} ({})", story.docs[*doc].slice(*c)),
            None => stance.to_string(),
        },
        Edge::SpeaksFor => "speaks for".into(),
        Edge::RespondsTo { reason } => format!("responds to: {reason}"),
        Edge::Restates { reason } => format!("restates: {reason}"),
        Edge::Within => "within".into(),
    }
}

pub fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

pub fn to_json(story: &Story, g: &StoryGraph) -> serde_json::Value {
    let indices: Vec<CharIndex> = story
        .docs
        .iter()
        .map(|p| CharIndex::new(p.text()))
        .collect();
    let nodes = g
        .graph
        .node_indices()
        .map(|n| {
            let node = g.graph[n].clone();
            let chars = match &node {
                Node::Assertion(a) => a.spans.iter().map(|s| indices[a.doc].span(*s)).collect(),
                _ => Vec::new(),
            };
            JsonNode {
                id: n.index(),
                label: node_label(story, &node),
                node,
                chars,
            }
        })
        .collect();
    let edges = g
        .graph
        .edge_references()
        .map(|e| JsonEdge {
            from: e.source().index(),
            to: e.target().index(),
            label: edge_label(story, e.weight()),
            edge: e.weight().clone(),
        })
        .collect();
    serde_json::to_value(JsonGraph { nodes, edges }).unwrap_or(serde_json::Value::Null)
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

pub fn to_dot(story: &Story, g: &StoryGraph) -> String {
    let mut out =
        String::from("digraph story {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for n in g.graph.node_indices() {
        let node = &g.graph[n];
        let shape = match node {
            Node::Source { .. } | Node::Outlet { .. } => "ellipse",
            Node::Assertion(_) => "box",
            Node::Given { .. } => "doubleoctagon",
        };
        out.push_str(&format!(
            "  n{} [shape={shape}, label=\"{}\"];\n",
            n.index(),
            dot_escape(&node_label(story, node))
        ));
    }
    for e in g.graph.edge_references() {
        let style = match e.weight() {
            Edge::SpeaksFor => ", style=dashed",
            Edge::Within => ", style=dotted",
            Edge::RespondsTo { .. } | Edge::Restates { .. } => ", color=blue",
            Edge::Statement { .. } => "",
        };
        out.push_str(&format!(
            "  n{} -> n{} [label=\"{}\"{style}];\n",
            e.source().index(),
            e.target().index(),
            dot_escape(&edge_label(story, e.weight()))
        ));
    }
    out.push_str("}\n");
    out
}

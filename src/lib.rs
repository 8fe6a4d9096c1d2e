//! crosscheck: who asserts what in news text, and whether anyone else backs it up.
//!
//! The pipeline, one module per stage, each passing plain data to the next:
//!
//! 1. [`text`]: documents into tokens, paragraphs and sentences; page furniture dropped.
//! 2. [`extract`]: attributions (source, cue, content) found by named pattern families.
//! 3. [`sources`]: source phrases resolved to entities, with who speaks for whom.
//! 4. [`graph`]: sources and assertions in a petgraph graph.
//! 5. [`link`]: which statements address which claim, and why.
//! 6. [`rules`]: YAML label rules give each claim its label.
//! 7. [`report`]: text, Markdown, JSON, YAML or DOT.
//!
//! [`pack`] loads and checks the rule files that drive every stage, and
//! [`pipeline::Engine`] runs the stages in order.

// Content is a list of token ranges, often of one range.
#![allow(clippy::single_range_in_vec_init)]

pub mod cli;
pub mod error;
pub mod extract;
pub mod graph;
pub mod link;
pub mod model;
pub mod pack;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod sources;
pub mod text;

pub use error::Error;
pub use model::{Label, Span, Stance};
pub use pack::Pack;
pub use pipeline::{Checked, Engine};
pub use text::Document;

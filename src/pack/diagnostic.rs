//! Errors in rule files, located at file:line:column and rendered rustc-style with the
//! offending line shown. Locations of values found wrong after parsing (an unknown
//! reference, a duplicate id) come from a second, event-level read of the YAML that
//! records where every key and list item starts.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, SourceSpan};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// What kind of problem a diagnostic reports; each class has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// The file is not valid YAML, or does not have the shape of its kind of file.
    Syntax,
    /// The file parses but means something impossible (unknown reference, cycle...).
    Semantic,
    /// The file could not be read.
    Io,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct RuleDiagnostic {
    pub severity: Severity,
    pub class: Class,
    /// Short machine-readable name of the check ("unknown-field", "duplicate-id").
    pub code: &'static str,
    /// The file as the user named it (or `<default>/name.yaml` for the built-in pack).
    pub file: String,
    /// 1-based line and column; 0 when unknown.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// Byte offset and length of the offending text.
    pub offset: usize,
    pub len: usize,
    pub text: Option<Arc<String>>,
}

impl RuleDiagnostic {
    pub fn new(class: Class, code: &'static str, file: &str, message: impl Into<String>) -> Self {
        RuleDiagnostic {
            severity: Severity::Error,
            class,
            code,
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            offset: 0,
            len: 0,
            text: None,
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at a 1-based line and column of `source`.
    pub fn at_line_col(mut self, source: &Arc<String>, line: usize, column: usize) -> Self {
        let offset = offset_of(source, line, column);
        self.line = line;
        self.column = column;
        self.offset = offset;
        self.len = token_len(source, offset);
        self.text = Some(source.clone());
        self
    }

    /// Places the diagnostic at a byte offset of `source`.
    pub fn at_offset(mut self, source: &Arc<String>, offset: usize) -> Self {
        let offset = offset.min(source.len());
        let before = &source[..offset];
        self.line = before.matches('\n').count() + 1;
        self.column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        self.offset = offset;
        self.len = token_len(source, offset);
        self.text = Some(source.clone());
        self
    }

    /// Renders the diagnostic with the offending line, without colour.
    pub fn render(&self) -> String {
        // A machine-made line thousands of characters long helps nobody on screen.
        let long_line = self.text.as_ref().is_some_and(|t| {
            let start = t[..self.offset.min(t.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            t[start..].split('\n').next().is_some_and(|l| l.len() > 300)
        });
        if long_line {
            let mut out = format!("{}\n", self.short());
            if let Some(h) = &self.help {
                out.push_str(&format!("  help: {h}\n"));
            }
            return out;
        }
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false);
        if handler.render_report(&mut out, self).is_err() {
            return format!("{self:?}");
        }
        out
    }

    /// One line: `file:line:column: error[code]: message`.
    pub fn short(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.file, self.line, self.column, sev, self.code, self.message
        )
    }
}

fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col = column.saturating_sub(1);
            return offset
                + l.char_indices()
                    .nth(col)
                    .map_or(l.trim_end().len(), |(b, _)| b);
        }
        offset += l.len();
    }
    source.len()
}

/// Length of the word at `offset`, so the label underlines something useful.
fn token_len(source: &str, offset: usize) -> usize {
    let rest = &source[offset.min(source.len())..];
    let line = rest.split('\n').next().unwrap_or("");
    let word = line
        .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}' || c == '#')
        .unwrap_or(line.len());
    if word == 0 { line.len().min(1) } else { word }
}

impl Diagnostic for RuleDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.text
            .as_ref()
            .map(|t| t.as_ref() as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.text.as_ref()?;
        let label = format!("{}:{}:{}", self.file, self.line, self.column);
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(
                Some(label),
                SourceSpan::new(self.offset.into(), self.len),
            ),
        )))
    }
}

/// A list of diagnostics from one load or validation run.
#[derive(Debug, Clone, Default, thiserror::Error)]
pub struct RuleErrors {
    pub items: Vec<RuleDiagnostic>,
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        match self.items.iter().find(|d| d.severity == Severity::Error) {
            Some(first) if errors == 1 => write!(f, "{}", first.short()),
            Some(first) => write!(f, "{} (and {} more errors)", first.short(), errors - 1),
            None => write!(f, "no errors"),
        }
    }
}

impl RuleErrors {
    pub fn push(&mut self, d: RuleDiagnostic) {
        self.items.push(d);
    }
    pub fn errors(&self) -> impl Iterator<Item = &RuleDiagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
    /// Sorted by file and position so output is stable.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.items.dedup_by(|a, b| {
            a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message
        });
    }
    pub fn render(&self) -> String {
        self.items
            .iter()
            .map(|d| d.render())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One step of a path into a YAML document: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where each key and item of a YAML document starts.
#[derive(Debug, Default)]
pub struct Positions {
    /// (path, marker of the key or item); the value's own marker follows under `values`.
    keys: Vec<(Vec<Step>, (usize, usize))>,
    values: Vec<(Vec<Step>, (usize, usize))>,
}

impl Positions {
    /// Reads positions from `source`; a document that does not parse gives no positions.
    pub fn read(source: &str) -> Positions {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(source);
        if parser.load(&mut builder, false).is_err() {
            return Positions::default();
        }
        builder.out
    }

    /// 1-based (line, column) of the key at `path` (or of the list item).
    pub fn key(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.keys.iter().find(|(p, _)| p == path).map(|(_, m)| *m)
    }

    /// 1-based (line, column) of the value at `path`.
    pub fn value(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.values.iter().find(|(p, _)| p == path).map(|(_, m)| *m)
    }

    /// Every key path (used to find unknown keys nested anywhere).
    pub fn paths(&self) -> impl Iterator<Item = (&[Step], (usize, usize))> {
        self.keys.iter().map(|(p, m)| (p.as_slice(), *m))
    }
}

enum Frame {
    Map {
        path: Vec<Step>,
        expecting_key: bool,
        key: Option<String>,
    },
    Seq {
        path: Vec<Step>,
        next: usize,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    out: Positions,
}

fn pos(mark: Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

impl Builder {
    /// Path of the value about to start, and records its key/item position.
    fn enter_value(&mut self, mark: Marker) -> Option<Vec<Step>> {
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Seq { path, next }) => {
                let mut p = path.clone();
                p.push(Step::Index(*next));
                *next += 1;
                self.out.keys.push((p.clone(), pos(mark)));
                self.out.values.push((p.clone(), pos(mark)));
                Some(p)
            }
            Some(Frame::Map {
                path,
                expecting_key,
                key,
            }) => {
                if *expecting_key {
                    return None;
                }
                *expecting_key = true;
                let mut p = path.clone();
                p.push(Step::Key(key.take().unwrap_or_default()));
                self.out.values.push((p.clone(), pos(mark)));
                Some(p)
            }
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map {
                    path,
                    expecting_key,
                    key,
                }) = self.stack.last_mut()
                    && *expecting_key
                {
                    let mut p = path.clone();
                    p.push(Step::Key(value.clone()));
                    self.out.keys.push((p, pos(mark)));
                    *key = Some(value);
                    *expecting_key = false;
                    return;
                }
                self.enter_value(mark);
            }
            Event::Alias(_) => {
                if let Some(Frame::Map {
                    expecting_key: true,
                    ..
                }) = self.stack.last()
                {
                    // An alias used as a key: give it an empty name.
                    if let Some(Frame::Map {
                        key, expecting_key, ..
                    }) = self.stack.last_mut()
                    {
                        *key = Some(String::new());
                        *expecting_key = false;
                    }
                    return;
                }
                self.enter_value(mark);
            }
            Event::MappingStart(..) => {
                let path = self.enter_value(mark).unwrap_or_default();
                self.stack.push(Frame::Map {
                    path,
                    expecting_key: true,
                    key: None,
                });
            }
            Event::SequenceStart(..) => {
                let path = self.enter_value(mark).unwrap_or_default();
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_keys_and_items() {
        let src = "rules:\n  - id: a\n    when:\n      ref: x\n  - id: b\n";
        let p = Positions::read(src);
        let path = [
            Step::Key("rules".into()),
            Step::Index(0),
            Step::Key("when".into()),
            Step::Key("ref".into()),
        ];
        assert_eq!(p.key(&path), Some((4, 7)));
        assert_eq!(p.value(&path), Some((4, 12)));
        assert_eq!(
            p.key(&[Step::Key("rules".into()), Step::Index(1)]),
            // A list item that is a mapping starts at its first key.
            Some((5, 7))
        );
    }

    #[test]
    fn renders_the_offending_line() {
        let src = Arc::new("rules:\n  - id: a\n    lable: x\n".to_string());
        let d = RuleDiagnostic::new(
            Class::Syntax,
            "unknown-field",
            "labels.yaml",
            "unknown field `lable`",
        )
        .help("did you mean `label`?")
        .at_line_col(&src, 3, 5);
        let out = d.render();
        assert!(out.contains("lable: x"), "{out}");
        assert!(out.contains("labels.yaml:3:5"), "{out}");
        assert!(out.contains("did you mean `label`?"), "{out}");
        assert_eq!(
            d.short(),
            "labels.yaml:3:5: error[unknown-field]: unknown field `lable`"
        );
    }
}

//! Errors in rule files, located at file:line:column and rendered rustc-style with the
//! offending line shown. Locations of values found wrong after parsing (an unknown
//! reference, a duplicate id) come from a second, event-level read of the YAML that
//! records where every key and list item starts.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, SourceSpan};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Exit code: a rule file does not parse or has the wrong shape.
pub const EXIT_SYNTAX: i32 = 1;
/// Exit code: the rule files parse but mean something wrong (unknown reference, cycle...).
pub const EXIT_SEMANTIC: i32 = 4;
/// Exit code: a rule file or folder could not be read.
pub const EXIT_IO: i32 = 5;

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

    /// Narrows the place to the first `needle` at or after it on the same line (a
    /// placeholder inside a message, say); leaves it as it is when there is none.
    pub fn narrow_to(mut self, needle: &str) -> Self {
        let Some(text) = self.text.clone() else {
            return self;
        };
        let start = self.offset.min(text.len());
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if let Some(i) = text[start..line_end].find(needle) {
            let offset = start + i;
            self.column += text[start..offset].chars().count();
            self.offset = offset;
            self.len = needle.len();
        }
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

    /// Renders the diagnostic rustc-style, without colour: the message, the place,
    /// the offending line with the spot underlined, and the help.
    ///
    /// ```text
    /// error[unknown-field]: unknown key `lable` in `rules[0]`
    ///  --> labels.yaml:6:5
    ///   |
    /// 6 |     lable: contested
    ///   |     ^^^^^
    ///   = help: did you mean `label`?
    /// ```
    pub fn render(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{sev}[{}]: {}\n", self.code, self.message);
        let snippet = self.text.as_ref().filter(|_| self.line > 0).and_then(|t| {
            let start = t[..self.offset.min(t.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = t[start..].split('\n').next()?;
            Some((line.trim_end_matches('\r'), start))
        });
        match snippet {
            Some((line, start)) => {
                let number = self.line.to_string();
                let pad = " ".repeat(number.len());
                out.push_str(&format!(
                    "{pad}--> {}:{}:{}\n",
                    self.file, self.line, self.column
                ));
                let col = line[..(self.offset - start).min(line.len())]
                    .chars()
                    .count();
                let width = self
                    .text
                    .as_ref()
                    .map(|t| {
                        let end = (self.offset + self.len).min(t.len());
                        t.get(self.offset..end).map_or(1, |s| s.chars().count())
                    })
                    .unwrap_or(1)
                    .max(1);
                let (shown, col) = window(line, col, width);
                out.push_str(&format!("{pad} |\n"));
                out.push_str(&format!("{number} | {shown}\n"));
                out.push_str(&format!(
                    "{pad} | {}{}\n",
                    " ".repeat(col),
                    "^".repeat(width.min(shown.chars().count().saturating_sub(col)).max(1))
                ));
                if let Some(h) = &self.help {
                    out.push_str(&format!("{pad} = help: {h}\n"));
                }
            }
            None => {
                if self.line > 0 {
                    out.push_str(&format!(
                        " --> {}:{}:{}\n",
                        self.file, self.line, self.column
                    ));
                } else {
                    out.push_str(&format!(" --> {}\n", self.file));
                }
                if let Some(h) = &self.help {
                    out.push_str(&format!("  = help: {h}\n"));
                }
            }
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

/// At most this many characters of a line are shown.
const WINDOW: usize = 100;

/// The part of `line` to show so that column `col` (in characters) is visible, with
/// tabs and control characters shown as spaces; returns it and the column in it.
fn window(line: &str, col: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if chars.len() <= WINDOW {
        return (chars.into_iter().collect(), col);
    }
    let from = col.saturating_sub(WINDOW / 3).min(chars.len());
    let to = (from + WINDOW.max(width.min(WINDOW))).min(chars.len());
    let mut s = String::new();
    let mut shift = from;
    if from > 0 {
        s.push('…');
        shift = from - 1;
    }
    s.extend(&chars[from..to]);
    if to < chars.len() {
        s.push('…');
    }
    (s, col - shift)
}

/// How deep inside flow collections (`[...]`, `{...}`) the end of `text` is, skipping
/// quoted strings and comments.
fn flow_depth(text: &str) -> i64 {
    let mut depth = 0i64;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    for c in text.chars() {
        if comment {
            if c == '\n' {
                comment = false;
            }
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else {
            match c {
                '#' if prev.is_whitespace() => comment = true,
                '"' | '\'' if depth > 0 || !prev.is_alphanumeric() => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        prev = c;
    }
    depth
}

/// Length (in bytes) of the YAML token at `offset`, so the underline covers it: a
/// quoted string to its closing quote, an item of a flow list (`[a, b]`) to the next
/// `,`, a key to its colon, a plain value to the end of the line (or a comment).
fn token_len(source: &str, offset: usize) -> usize {
    let offset = offset.min(source.len());
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..offset];
    let rest = source[offset..].split('\n').next().unwrap_or("");
    let rest = rest.trim_end_matches('\r');
    let len = match rest.chars().next() {
        None => 0,
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        Some(_) => {
            let _ = before;
            let depth = flow_depth(&source[..offset]);
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                let next = rest[i + c.len_utf8()..].chars().next();
                let stop = match c {
                    ',' | ']' | '}' if depth > 0 => true,
                    ':' => next.is_none_or(char::is_whitespace),
                    '#' => i > 0 && rest[..i].ends_with(char::is_whitespace),
                    _ => false,
                };
                if stop {
                    end = i;
                    break;
                }
            }
            rest[..end].trim_end().len()
        }
    };
    if len == 0 { rest.len().min(1) } else { len }
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
    /// The exit code for these diagnostics (documented in the README): 0 when there
    /// are only warnings; otherwise 5 if a file could not be read, else 1 if a file
    /// does not parse or has the wrong shape, else 4 (the files mean something wrong).
    /// With `strict`, warnings count as errors.
    pub fn exit_code(&self, strict: bool) -> i32 {
        let counted = |d: &&RuleDiagnostic| strict || d.severity == Severity::Error;
        let classes: Vec<Class> = self.items.iter().filter(counted).map(|d| d.class).collect();
        if classes.is_empty() {
            0
        } else if classes.contains(&Class::Io) {
            EXIT_IO
        } else if classes.contains(&Class::Syntax) {
            EXIT_SYNTAX
        } else {
            EXIT_SEMANTIC
        }
    }

    pub fn warnings(&self) -> impl Iterator<Item = &RuleDiagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn extend(&mut self, other: RuleErrors) {
        self.items.extend(other.items);
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

/// A path as written in messages: `rules[2].when.ref`.
pub fn path_text(path: &[Step]) -> String {
    let mut s = String::new();
    for p in path {
        match p {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
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

    /// Every place the key `path` is written (a repeated key is written twice).
    pub fn all_keys(&self, path: &[Step]) -> Vec<(usize, usize)> {
        self.keys
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, m)| *m)
            .collect()
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
        /// Where this map was recorded as a list item (indices into keys, values): the
        /// parser marks a block map after its first key, so the first key's own mark
        /// replaces it.
        item: Option<(usize, usize)>,
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
                ..
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
                    item,
                }) = self.stack.last_mut()
                    && *expecting_key
                {
                    let mut p = path.clone();
                    p.push(Step::Key(value.clone()));
                    self.out.keys.push((p, pos(mark)));
                    if let Some((k, v)) = item.take() {
                        self.out.keys[k].1 = pos(mark);
                        self.out.values[v].1 = pos(mark);
                    }
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
                let in_list = matches!(self.stack.last(), Some(Frame::Seq { .. }));
                let path = self.enter_value(mark).unwrap_or_default();
                let item = in_list.then(|| (self.out.keys.len() - 1, self.out.values.len() - 1));
                self.stack.push(Frame::Map {
                    path,
                    expecting_key: true,
                    key: None,
                    item,
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
            // A list item that is a mapping is placed at its first key.
            Some((5, 5))
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

//! Errors a user can act on. Each message says what went wrong and where.

use crate::pack::RuleErrors;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: the text is not UTF-8 (invalid byte at offset {offset}); convert it to UTF-8 first"
    )]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: the file is empty; give a file with text in it")]
    Empty { path: String },
    #[error("{0}")]
    Rules(#[from] RuleErrors),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Write(#[source] std::io::Error),
}

impl Error {
    /// The process exit code for this error (see the README).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }
}

//! Reading documents (files, standard input, inline text) and JSONL lines.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::DocsArgs;
use crate::error::Error;
use crate::text::Document;

/// Display name of a path: as the user gave it, so reports do not depend on where
/// the files live.
pub fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// Reads a file (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let name = display(path);
    let mut bytes = Vec::new();
    let res = if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    res.map_err(|source| Error::Read {
        path: name.clone(),
        source,
    })?;
    // A UTF-8 byte-order mark is not text.
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: name,
        offset: e.utf8_error().valid_up_to(),
    })
}

pub fn documents(args: &DocsArgs) -> Result<Vec<Document>, Error> {
    let mut docs = Vec::new();
    let files: Vec<PathBuf> = if args.files.is_empty() && args.texts.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    for f in &files {
        let text = read_text(f)?;
        if text.trim().is_empty() {
            return Err(Error::Empty { path: display(f) });
        }
        docs.push(Document::new(display(f), text));
    }
    for (i, t) in args.texts.iter().enumerate() {
        docs.push(Document::new(format!("text-{}", i + 1), t.clone()));
    }
    let dates: Vec<NaiveDate> = args
        .dates
        .iter()
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                Error::Usage(format!(
                    "--date {d}: write dates as YYYY-MM-DD, e.g. 2018-04-02"
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    match dates.len() {
        0 => {}
        1 => docs.iter_mut().for_each(|d| d.date = Some(dates[0])),
        n if n == docs.len() => docs
            .iter_mut()
            .zip(dates)
            .for_each(|(d, date)| d.date = Some(date)),
        n => {
            return Err(Error::Usage(format!(
                "{n} dates for {} documents: give one date for all, or one per document in order",
                docs.len()
            )));
        }
    }
    Ok(docs)
}

/// One JSONL line: its 1-based number and its text.
pub struct Line {
    pub number: usize,
    pub text: String,
}

/// Reads JSONL lines lazily; blank lines are skipped. Invalid UTF-8 in a line is
/// replaced, so the line still gets an answer (an error object) in batch output.
pub struct Lines {
    reader: Box<dyn BufRead>,
    number: usize,
    buf: Vec<u8>,
}

impl Lines {
    pub fn open(path: Option<&Path>) -> Result<Lines, Error> {
        let reader: Box<dyn BufRead> = match path {
            None => Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin())),
            Some(p) if p.as_os_str() == "-" => {
                Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))
            }
            Some(p) => {
                let f = std::fs::File::open(p).map_err(|source| Error::Read {
                    path: display(p),
                    source,
                })?;
                Box::new(std::io::BufReader::with_capacity(1 << 20, f))
            }
        };
        Ok(Lines {
            reader,
            number: 0,
            buf: Vec::new(),
        })
    }
}

impl Iterator for Lines {
    type Item = Result<Line, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            match read_line(&mut *self.reader, &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {
                    self.number += 1;
                    while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                        self.buf.pop();
                    }
                    // Valid UTF-8 (the usual case) is checked fast and moved, not copied.
                    let bytes = std::mem::take(&mut self.buf);
                    let text = String::from_utf8(bytes)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Some(Ok(Line {
                        number: self.number,
                        text,
                    }));
                }
                Err(source) => {
                    return Some(Err(Error::Read {
                        path: "input".into(),
                        source,
                    }));
                }
            }
        }
    }
}

/// `reader.read_until(b'\n', out)`, with the line end found by `memchr` (a vector
/// search; the standard one goes a word at a time), so that a line held whole in the
/// buffer is copied once, into a vector of its size.
fn read_line(reader: &mut dyn BufRead, out: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => (true, i + 1),
            None => (available.is_empty(), available.len()),
        };
        out.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_as_read_until_reads_them() {
        let texts: [&[u8]; 5] = [
            b"",
            b"one",
            b"one\n",
            b"\n\nfirst line\r\nsecond, longer line\nthird",
            "caf\u{e9}\n\u{201C}x\u{201D}\n\n".as_bytes(),
        ];
        for text in texts {
            // Small buffers put line ends at every place relative to a refill.
            for capacity in [1, 2, 3, 5, 8, 64] {
                let mut ours = std::io::BufReader::with_capacity(capacity, text);
                let mut theirs = std::io::BufReader::with_capacity(capacity, text);
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let n = read_line(&mut ours, &mut a).unwrap();
                    assert_eq!(n, theirs.read_until(b'\n', &mut b).unwrap());
                    assert_eq!(a, b, "{text:?} by {capacity}");
                    if n == 0 {
                        break;
                    }
                }
            }
        }
    }
}

//! A reader for the usual `extract --jsonl` line: an object whose `id` and `text` are
//! strings, among other fields (a corpus's gold annotations, say), all of them plain
//! JSON. Reading it by hand skips `serde_json`'s layers for the text and, above all,
//! for the fields that are only checked and dropped (about a third of a PolNeAR line).
//!
//! It is stricter than `serde_json`, never looser: any line it is not sure of (an
//! error, a duplicate or escaped field name, a lone surrogate, deep nesting, a
//! non-string `id`) gets `None`, and the caller reads it with `serde_json`, which
//! gives the same fields for a good line and words the error for a bad one.

/// The `id` and `text` of a line, if it is one this reader is sure of.
pub fn id_and_text(line: &str) -> Option<(String, String)> {
    let mut r = Reader::new(line);
    let (mut id, mut text) = (None, None);
    r.ws();
    r.eat(b'{')?;
    r.ws();
    if r.peek()? != b'}' {
        loop {
            let key = r.key()?;
            r.ws();
            r.eat(b':')?;
            r.ws();
            // A field named twice is an error for `serde_json` (the ones it reads).
            match key {
                b"id" if id.is_none() => id = Some(r.string()?),
                b"text" if text.is_none() => text = Some(r.string()?),
                // (`serde_json` reads a claim whole, as a value, and may find fault
                // with it where a skipped field has none: 1e999 is out of range.)
                b"id" | b"text" | b"claim" => return None,
                _ => r.skip()?,
            }
            r.ws();
            if r.peek()? == b',' {
                r.i += 1;
                r.ws();
                continue;
            }
            break;
        }
    }
    r.eat(b'}')?;
    r.ws();
    if r.i != r.b.len() {
        return None;
    }
    Some((id?, text?))
}

struct Reader<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// The line holds no control character (nearly every line): a string then ends
    /// at its first quote or backslash, which a vector search finds.
    clean: bool,
}

/// Nesting deeper than this is left to `serde_json` (which stops at 128).
const MAX_DEPTH: usize = 64;

impl<'a> Reader<'a> {
    fn new(line: &'a str) -> Reader<'a> {
        Reader {
            s: line,
            b: line.as_bytes(),
            i: 0,
            // (A fold, not `any`: with no early exit the loop is vectorised.)
            clean: !line.bytes().fold(false, |control, b| control | (b < 0x20)),
        }
    }

    /// `plain_run` from `i`, for a string's text (long runs, where a vector search
    /// pays for its start-up).
    fn text_run(&self, i: usize) -> usize {
        if self.clean {
            memchr::memchr2(b'"', b'\\', &self.b[i..]).map_or(self.b.len(), |k| i + k)
        } else {
            plain_run(self.b, i)
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// A field name with no escapes in it, as written.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.i;
        self.i = plain_run(self.b, start);
        (self.peek()? == b'"').then_some(())?;
        self.i += 1;
        let b: &'a [u8] = self.b;
        Some(&b[start..self.i - 1])
    }

    /// A string, decoded.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut start = self.i;
        self.i = self.text_run(start);
        // A string with no escape is copied once, exactly. One with escapes (a text's
        // line breaks) gets room for the rest of the line, so that it is not copied
        // again and again as it grows.
        let mut out = String::with_capacity(if self.peek() == Some(b'"') {
            self.i - start
        } else {
            self.b.len() - start
        });
        loop {
            // (A run ends at an ASCII byte, so on a character boundary.)
            out.push_str(&self.s[start..self.i]);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                // A control character, which JSON strings may not hold.
                _ => return None,
            }
            start = self.i;
            self.i = self.text_run(start);
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        // A surrogate pair; anything else is left to `serde_json`.
                        self.eat(b'\\')?;
                        self.eat(b'u')?;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return None;
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => hi,
                };
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.i += 4;
        Some(n)
    }

    /// Checks one value of any kind and passes over it: a loop over the tokens with
    /// the open containers as bits (1 for an object), not a call per value, since a
    /// skipped field (gold annotations, say) is mostly small numbers and brackets.
    fn skip(&mut self) -> Option<()> {
        let (mut open, mut depth) = (0u64, 0usize);
        loop {
            // A value.
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    self.skip_string_rest()?;
                }
                b'[' | b'{' if depth >= MAX_DEPTH => return None,
                b'[' => {
                    self.i += 1;
                    self.ws();
                    if self.peek()? != b']' {
                        open <<= 1;
                        depth += 1;
                        continue;
                    }
                    self.i += 1;
                }
                b'{' => {
                    self.i += 1;
                    self.ws();
                    if self.peek()? != b'}' {
                        open = open << 1 | 1;
                        depth += 1;
                        self.member_name()?;
                        continue;
                    }
                    self.i += 1;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => self.number()?,
            }
            // After a value: close what ends here, up to the next value.
            loop {
                if depth == 0 {
                    return Some(());
                }
                self.ws();
                let object = open & 1 == 1;
                match self.peek()? {
                    b',' => {
                        self.i += 1;
                        self.ws();
                        if object {
                            self.member_name()?;
                        }
                        break;
                    }
                    b']' if !object => {}
                    b'}' if object => {}
                    _ => return None,
                }
                self.i += 1;
                open >>= 1;
                depth -= 1;
            }
        }
    }

    /// `"name":` in a skipped object, and the space after it.
    fn member_name(&mut self) -> Option<()> {
        // (A name with escapes is left to `serde_json`, as at the top.)
        self.key()?;
        self.ws();
        self.eat(b':')?;
        self.ws();
        Some(())
    }

    /// The rest of a skipped string, after its opening quote.
    fn skip_string_rest(&mut self) -> Option<()> {
        loop {
            self.i = plain_run(self.b, self.i);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                b'\\' => {
                    self.i += 1;
                    self.escape()?;
                }
                _ => return None,
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.b[self.i..]
            .starts_with(word)
            .then(|| self.i += word.len())
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.i += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.i;
        self.digits();
        (self.i > start).then_some(())
    }
}

/// The end of the run of bytes from `i` that a JSON string holds as they are (no
/// quote, backslash or control character), found eight bytes at a time.
fn plain_run(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        // The usual zero-byte test, for bytes below 0x20 and for `"` and `\` (as zero
        // bytes of `x` xor that byte); exact for the first such byte, which is all
        // that counts (borrows run only towards higher bytes).
        let hit = |y: u64, n: u64| y.wrapping_sub(ONES * n) & !y & HIGH;
        let found = hit(x, 0x20)
            | hit(x ^ (ONES * u64::from(b'"')), 1)
            | hit(x ^ (ONES * u64::from(b'\\')), 1);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b
        .get(i)
        .is_some_and(|&c| c >= 0x20 && c != b'"' && c != b'\\')
    {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` reads from a line (the fields `extract` takes from it).
    fn by_serde(line: &str) -> Option<(String, String)> {
        #[derive(serde::Deserialize)]
        struct Item {
            #[serde(default)]
            id: Option<serde_json::Value>,
            #[serde(default)]
            #[allow(dead_code)]
            claim: Option<serde_json::Value>,
            #[serde(default)]
            text: Option<serde_json::Value>,
        }
        let item: Item = serde_json::from_str(line).ok()?;
        match (item.id?, item.text?) {
            (serde_json::Value::String(i), serde_json::Value::String(t)) => Some((i, t)),
            _ => None,
        }
    }

    #[test]
    fn reads_what_serde_json_reads_or_leaves_the_line_to_it() {
        let lines = [
            r#"{"id": "a", "text": "plain"}"#,
            r#"  {"text":"t\n\"q\" \\ \/ \b\f\r\t \u00e9 \u2019 \ud83d\ude00 caf""#,
            r#"{"text":"t\n\"q\" \\ \/ \b\f\r\t \u00e9 \u2019 \ud83d\ude00 café", "id":"x"} "#,
            r#"{"id": "a", "text": "b", "attributions": [{"content": [[1, 2]], "cue": [], "source": null}], "n": -0.5e+3, "o": {"k": [true, false, null, "s\"", {}]}}"#,
            r#"{"id": "a", "text": "b", "x": 01}"#,
            r#"{"id": "a", "text": "b", "x": 1.}"#,
            r#"{"id": "a", "text": "b", "x": -}"#,
            r#"{"id": "a", "text": "b", "x": 1e}"#,
            r#"{"id": "a", "text": "b", "x": [1,]}"#,
            r#"{"id": "a", "text": "b", "x": [1 2]}"#,
            r#"{"id": "a", "text": "b", "x": {"k" 1}}"#,
            r#"{"id": "a", "text": "b", "x": tru}"#,
            r#"{"id": "a", "text": "b",}"#,
            r#"{"id": "a", "text": "b"} x"#,
            r#"{"id": "a", "text": "b"}}"#,
            r#"{"id": "a", "id": "b", "text": "c"}"#,
            r#"{"id": "a", "text": "b", "text": "c"}"#,
            r#"{"id": "a", "claim": 1, "claim": 2, "text": "c"}"#,
            r#"{"id": "a", "x": 1, "x": 2, "text": "c"}"#,
            r#"{"id": 7, "text": "b"}"#,
            r#"{"id": "a", "text": 5}"#,
            r#"{"id": "a"}"#,
            r#"{"text": "a"}"#,
            r#"{"id": "a", "t\u0065xt": "b"}"#,
            r#"{"id": "a", "text": "\ud800"}"#,
            r#"{"id": "a", "text": "\udc00x"}"#,
            r#"{"id": "a", "text": "\ud800\u0041"}"#,
            r#"{"id": "a", "text": "\x"}"#,
            r#"{"id": "a", "text": "\u12"}"#,
            "{\"id\": \"a\", \"text\": \"tab\there\"}",
            "{\"id\": \"a\", \"text\": \"b\", \"x\": \"nl\nhere\"}",
            r#"[{"id": "a", "text": "b"}]"#,
            r#""#,
            r#"{"#,
            r#"{}"#,
            r#"{"id": "a", "text": "b""#,
            r#"{"id": "a", "text": "unterminated}"#,
        ];
        let deep = format!(
            r#"{{"id": "a", "text": "b", "x": {}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let mut read = 0;
        for line in lines.iter().copied().chain([deep.as_str()]) {
            let fast = id_and_text(line);
            if fast.is_some() {
                read += 1;
                assert_eq!(fast, by_serde(line), "{line}");
            }
        }
        assert_eq!(read, 4, "the good lines are read by hand");
    }

    #[test]
    fn plain_runs_stop_at_the_first_byte_to_look_at() {
        for s in [
            "",
            "a",
            "abcdefgh",
            "abcdefghij\"",
            "ab\\c",
            "x\u{1}",
            "é\"é",
            "\u{7f}\u{80}",
        ] {
            for k in 0..=s.len() {
                let b = &s.as_bytes()[k..];
                let want = b
                    .iter()
                    .position(|&c| c < 0x20 || c == b'"' || c == b'\\')
                    .unwrap_or(b.len());
                assert_eq!(plain_run(b, 0), want, "{s:?} from {k}");
            }
            // The same for a string's text, with and without a control character
            // elsewhere in the line.
            for line in [s.to_string(), format!("{s}\t"), format!("\u{1f}{s}")] {
                let r = Reader::new(&line);
                assert_eq!(r.clean, !line.bytes().any(|c| c < 0x20));
                for k in 0..=line.len() {
                    assert_eq!(r.text_run(k), plain_run(line.as_bytes(), k), "{line:?} {k}");
                }
            }
        }
    }
}

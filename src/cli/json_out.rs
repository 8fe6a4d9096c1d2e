//! A JSON writer for `extract --jsonl` lines: the same bytes `serde_json` writes for
//! them, without its per-byte escaping loop or the serializer's layers (output is
//! about as large as the input, so writing it is a fair share of the run).

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it: `\"`, `\\`, the
/// short escapes `\b \t \n \f \r`, `\u00xx` for other control characters, and
/// everything else as it is.
pub fn push_str(out: &mut String, s: &str) {
    // Room for the string and its quotes: escapes are rare, and the pushes below then
    // never grow the buffer but for them.
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0; // start of the bytes not yet written
    let mut i = 0;
    // Eight bytes at a time while none needs escaping (the common case by far).
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        if needs_escape(u64::from_le_bytes(word)) {
            escape_bytes(out, s, i, i + 8, &mut run);
        }
        i += 8;
    }
    // The last few bytes as one word too, padded with spaces (which need no escape):
    // most strings written are short (a cue, a stance), and a loop over their bytes
    // cost more than the rest.
    if i < bytes.len() {
        let mut word = [b' '; 8];
        word[..bytes.len() - i].copy_from_slice(&bytes[i..]);
        if needs_escape(u64::from_le_bytes(word)) {
            escape_bytes(out, s, i, bytes.len(), &mut run);
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Writes the escapes of bytes `from..to` of `s` (and the unwritten runs before them).
fn escape_bytes(out: &mut String, s: &str, from: usize, to: usize, run: &mut usize) {
    for (k, &b) in s.as_bytes()[from..to].iter().enumerate() {
        if needs_escape_byte(b) {
            write_escape(out, s, from + k, run);
        }
    }
}

/// A quote, a backslash or a control character.
fn needs_escape_byte(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Writes the escape for byte `k` of `s` (one that needs it) after the unwritten run
/// before it. Escaped bytes are ASCII, so `run..k` always ends on a character boundary.
fn write_escape(out: &mut String, s: &str, k: usize, run: &mut usize) {
    let b = s.as_bytes()[k];
    let short = match b {
        b'"' => '"',
        b'\\' => '\\',
        0x08 => 'b',
        b'\t' => 't',
        b'\n' => 'n',
        0x0C => 'f',
        b'\r' => 'r',
        _ => 'u',
    };
    out.push_str(&s[*run..k]);
    out.push('\\');
    out.push(short);
    if short == 'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push_str("00");
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 0xF)] as char);
    }
    *run = k + 1;
}

/// Does any of the eight bytes packed in `w` need escaping (a control character, a
/// quote or a backslash)? The usual bit trick: subtracting 1 (or 0x20) from every byte
/// sets a byte's high bit, where the byte had none, exactly when it was 0 (below 0x20).
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x;
    // One test of the three masks together: three branches cost more than the work.
    (below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1))
        & HIGH
        != 0
}

/// Appends `n` in decimal (by `itoa`, which `serde_json` writes numbers with).
pub fn push_usize(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0xE9, 0x2019, 0x201C, 0x1F600]) {
            all.push(char::from_u32(c).unwrap());
        }
        for s in [
            "",
            "plain",
            "exactly8",
            "He said \"no\" \\ then\nleft\t(again)\r\u{7}",
            "curly \u{201C}quotes\u{201D} and caf\u{e9}, \u{1F600}\u{1}",
            all.as_str(),
        ] {
            // Every offset, so that each byte lands at every place in a word of eight.
            for k in 0..=s.len() {
                let Some(t) = s.get(k..) else { continue };
                let mut out = String::new();
                push_str(&mut out, t);
                assert_eq!(out, serde_json::to_string(t).unwrap(), "{t:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(
            s in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}\u{2028}]){0,40}"
        ) {
            let mut out = String::from("x");
            push_str(&mut out, &s);
            proptest::prop_assert_eq!(&out[1..], serde_json::to_string(&s).unwrap());
        }
    }

    #[test]
    fn numbers_are_decimal() {
        for n in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            let mut out = String::new();
            push_usize(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}

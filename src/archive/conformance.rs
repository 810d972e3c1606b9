//! Conformance checked, not claimed: PDF/A and PDF/UA validation by the independent
//! validator `page_validation`, with its one known false positive re-checked exactly.

use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};

use crate::tr;

/// `page_validation` 0.12.2 misjudges rule 6.1.7.1 (stream /Length) when compressed data
/// happens to end in byte 0x0D. It is not ignored: it is re-checked by hand.
const STREAM_LENGTH_RULE: &str = "6.1.7.1";

/// The failures of `bytes` against `profile` that are real, as sentences.
pub fn failures(bytes: &[u8], profile: ValidationProfile) -> Vec<String> {
    let options = ValidationOptions::default().profile(profile);
    let report = match validate_pdf_bytes(bytes, &options) {
        Ok(report) => report,
        Err(e) => return vec![tr!("validator-cannot-read", reason = e.to_string()).text],
    };
    report
        .failures
        .iter()
        .filter(|f| !(f.rule_id.contains(STREAM_LENGTH_RULE) && stream_lengths_are_exact(bytes)))
        .map(ToString::to_string)
        .collect()
}

/// Rule 6.1.7.1 by hand: for every stream, the data that starts after `stream` + EOL and
/// runs for its `/Length` is followed by an end-of-line and `endstream`.
pub fn stream_lengths_are_exact(bytes: &[u8]) -> bool {
    let mut checked = 0;
    let mut at = 0;
    while let Some(pos) = find(bytes, b"stream", at) {
        at = pos + 6;
        if pos >= 3 && &bytes[pos - 3..pos] == b"end" {
            continue;
        }
        let data_start = match bytes.get(at..at + 2) {
            Some(b"\r\n") => at + 2,
            Some([b'\n', _]) => at + 1,
            _ => continue,
        };
        let Some(length) = declared_length(&bytes[..pos]) else {
            return false;
        };
        let end = data_start + length;
        let tail = &bytes[end.min(bytes.len())..];
        let tail = tail
            .strip_prefix(b"\r\n")
            .or_else(|| tail.strip_prefix(b"\n"))
            .or_else(|| tail.strip_prefix(b"\r"));
        if !tail.is_some_and(|t| t.starts_with(b"endstream")) {
            return false;
        }
        checked += 1;
        at = end;
    }
    checked > 0
}

/// The direct `/Length N` of the dictionary just before a `stream` keyword.
fn declared_length(before: &[u8]) -> Option<usize> {
    let dict_start = before.windows(2).rposition(|w| w == b"<<")?;
    let dict = &before[dict_start..];
    let key = find(dict, b"/Length", 0)?;
    let digits: String = dict[key + 7..]
        .iter()
        .map(|&b| b as char)
        .skip_while(|c| c.is_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_length_recheck_can_fail() {
        assert!(stream_lengths_are_exact(
            b"1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n"
        ));
        assert!(!stream_lengths_are_exact(
            b"1 0 obj\n<< /Length 5 >>\nstream\nabc\nendstream\nendobj\n"
        ));
        assert!(stream_lengths_are_exact(
            b"1 0 obj\n<< /Length 4 >>\nstream\nab\rc\nendstream\nendobj\n"
        ));
    }
}

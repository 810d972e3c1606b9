//! Conformance, checked by an independent validator (`page_validation`): every document
//! is PDF/A at its configured level and PDF/UA-1.

use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};

use crate::common::{Project, beslutningssag, notat};

/// The one rule `page_validation` 0.12.2 misjudges: 6.1.7.1 (stream /Length) fails when
/// compressed data happens to end in byte 0x0D. Instead of ignoring it, re-check it exactly.
const STREAM_LENGTH_RULE: &str = "6.1.7.1";

/// Validates against one profile; returns the failures that are real.
fn failures(bytes: &[u8], profile: ValidationProfile) -> Vec<String> {
    let options = ValidationOptions::default().profile(profile);
    let report = validate_pdf_bytes(bytes, &options).expect("validator reads the PDF");
    report
        .failures
        .iter()
        .filter(|f| !(f.rule_id.contains(STREAM_LENGTH_RULE) && stream_lengths_are_exact(bytes)))
        .map(|f| f.to_string())
        .collect()
}

/// Rule 6.1.7.1 by hand: for every stream, the data that starts after `stream` + EOL and
/// runs for `/Length` bytes is followed by an end-of-line and `endstream`.
fn stream_lengths_are_exact(bytes: &[u8]) -> bool {
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
    let dict_start = rfind(before, b"<<")?;
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

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

pub fn assert_conforms(bytes: &[u8], level: ValidationProfile, what: &str) {
    for profile in [level, ValidationProfile::PdfUa1] {
        let failed = failures(bytes, profile);
        assert!(
            failed.is_empty(),
            "{what} fails {profile:?}:\n{}",
            failed.join("\n")
        );
    }
}

#[test]
fn example_documents_are_pdf_a_2a_and_pdf_ua_1() {
    let project = Project::examples();
    assert_eq!(project.run(&["build"]).code, 0);
    for rel in [
        "output/2020/notat-regionshandicapraadet.pdf",
        "output/2020/rammeaftale-2021-2022.pdf",
        "output/2025/digitaliseringsstrategi-status.pdf",
    ] {
        assert_conforms(&project.read(rel), ValidationProfile::PdfA2a, rel);
    }
}

#[test]
fn drafts_tables_links_and_quotes_conform_too() {
    let project = Project::empty();
    let body = "Tekst med [link](https://www.example.dk).\n\n## Under\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> Citat\n\n- et\n- to\n";
    project.write(
        "cases/a.toml",
        notat("udkast = true").replace("\"Brødtekst.\"", &format!("'''\n{body}'''")),
    );
    project.write("cases/b.toml", beslutningssag("[[lovgrundlag]]\ntitel = \"Lov\"\nurl = \"https://www.retsinformation.dk/eli/lta/2018/102\"\n[[bilag]]\ntitel = \"Bilag\"\ndokumentnummer = \"1\""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_conforms(
        &project.read("output/a.pdf"),
        ValidationProfile::PdfA2a,
        "draft notat",
    );
    assert_conforms(
        &project.read("output/b.pdf"),
        ValidationProfile::PdfA2a,
        "beslutningssag",
    );
}

#[test]
fn other_configured_levels_conform() {
    for (name, profile) in [
        ("a-2b", ValidationProfile::PdfA2b),
        ("a-3a", ValidationProfile::PdfA3a),
        ("a-3b", ValidationProfile::PdfA3b),
    ] {
        let project = Project::empty();
        project.write("sagsgen.toml", format!("[pdf]\nstandard = \"{name}\"\n"));
        project.write("cases/a.toml", notat(""));
        assert_eq!(project.run(&["build"]).code, 0);
        assert_conforms(&project.read("output/a.pdf"), profile, name);
    }
}

#[test]
fn the_stream_length_recheck_can_fail() {
    let good = b"1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n";
    assert!(stream_lengths_are_exact(good));
    let bad = b"1 0 obj\n<< /Length 5 >>\nstream\nabc\nendstream\nendobj\n";
    assert!(!stream_lengths_are_exact(bad));
    let cr = b"1 0 obj\n<< /Length 4 >>\nstream\nab\rc\nendstream\nendobj\n";
    assert!(stream_lengths_are_exact(cr));
}

//! Property tests of the one escaper: any string in any text field compiles, and prints
//! literally — every printable character, in order.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use sagsgen::case::load_case;
use sagsgen::diag::SourceText;
use sagsgen::engine::Engine;
use sagsgen::input::parse_toml;
use sagsgen::project::{Conformance, Project};
use sagsgen::render::case_source;
use sagsgen::render::templates::Templates;

use crate::common::pdf_text;

struct Pipeline {
    project: Project,
    templates: Templates,
    engine: Engine,
    _dir: tempfile::TempDir,
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::load(dir.path()).unwrap();
        let templates = Templates::new(&project.root);
        let engine = Engine::new(&project.root).unwrap();
        Pipeline {
            project,
            templates,
            engine,
            _dir: dir,
        }
    })
}

/// Runs a case file's text through the whole pipeline; returns the PDF or the messages.
fn compile(toml_text: &str) -> Result<Vec<u8>, String> {
    let p = pipeline();
    let source: Arc<SourceText> = SourceText::new("prop.toml", toml_text);
    let table = parse_toml(&source).map_err(|d| d.to_string())?;
    let path = PathBuf::from(&p.project.root).join("prop.toml");
    let loaded = load_case(&p.project, &source, table.get_ref(), &path);
    let case = loaded
        .case
        .ok_or_else(|| format!("{:?}", loaded.diagnostics))?;
    let typst = case_source(&p.templates, &case, &p.project.config).map_err(|d| d.to_string())?;
    p.engine
        .pdf(typst.source, Conformance::A2a, "prop", &[])
        .map(|pdf| pdf.bytes)
        .map_err(|d| format!("{d:?}"))
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Printable characters Noto Sans covers, Typst and template syntax first among them.
const PRINTABLE: &str = "#$*_@<>`[]()\\{}~=-+/'\".:;^%&|!?,\
    abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\
    æøåÆØÅéüöäß€§°–—„“”‘’…•«»±×÷αβγΩ";
/// Characters that do not print: they may vanish, but must never break anything.
const INVISIBLE: &[char] = &[
    ' ', '\n', '\t', '\r', '\u{0}', '\u{1}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}',
    '\u{2028}', '\u{2029}',
];
/// Characters without meaning in Markdown (but plenty in Typst), for fidelity of Markdown fields.
const MARKDOWN_PLAIN: &str = "$@{}/'\":;^%(),?abcdefghijklmnopqrstuvwxyzæøåÆØÅ0123456789€§–„“”";

fn any_text() -> impl Strategy<Value = String> {
    let mut chars: Vec<char> = PRINTABLE.chars().collect();
    chars.extend_from_slice(INVISIBLE);
    proptest::collection::vec(proptest::sample::select(chars), 0..48)
        .prop_map(|v| v.into_iter().collect())
}

fn markdown_plain_text() -> impl Strategy<Value = String> {
    let mut chars: Vec<char> = MARKDOWN_PLAIN.chars().collect();
    chars.push(' ');
    proptest::collection::vec(proptest::sample::select(chars), 1..48)
        .prop_map(|v| v.into_iter().collect())
}

fn printable(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Whether `needle` occurs in `hay` as a subsequence (extra characters such as
/// hyphenation hyphens may sit in between).
fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

fn assert_prints(pdf: &[u8], expected: &str) {
    let text = pdf_text(pdf);
    let want = printable(expected);
    let got = printable(&text);
    assert!(
        is_subsequence(&want, &got),
        "expected, in order: {want:?}\nPDF text: {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn plain_fields_print_every_character_literally(til in any_text(), fra in any_text(), titel in any_text()) {
        let titel = format!("T{titel}");
        let til = format!("U{til}");
        let case = format!(
            "type = \"notat\"\ntitel = {}\ntil = {}\nfra = {}\ntekst = \"x\"\n",
            toml_string(&titel), toml_string(&til), toml_string(&fra)
        );
        let pdf = compile(&case).unwrap_or_else(|e| panic!("did not compile: {e}\n{case}"));
        assert_prints(&pdf, &format!("{til}{fra}{titel}"));
    }

    #[test]
    fn markdown_fields_compile_whatever_they_contain(tekst in any_text(), tema in any_text()) {
        let case = format!(
            "type = \"beslutningssag\"\ntitel = \"t\"\nsagsnummer = \"1\"\nbeslutningskompetence = \"Byrådet\"\n\
             beslutningstema = {}\nsagsfremstilling = {}\noekonomiske_konsekvenser = {}\nindstilling = {}\n",
            toml_string(&format!("a{tema}")), toml_string(&format!("b{tekst}")),
            toml_string(&format!("c{tekst}{tema}")), toml_string(&format!("d{tema}\n\n{tekst}"))
        );
        compile(&case).unwrap_or_else(|e| panic!("did not compile: {e}\n{case}"));
    }

    #[test]
    fn markdown_fields_print_text_literally(tekst in markdown_plain_text()) {
        let case = format!("type = \"notat\"\ntitel = \"t\"\ntil = \"u\"\ntekst = {}\n", toml_string(&format!("x{tekst}")));
        let pdf = compile(&case).unwrap_or_else(|e| panic!("did not compile: {e}\n{case}"));
        assert_prints(&pdf, &format!("x{tekst}"));
    }

    #[test]
    fn entries_print_literally(titel in any_text(), henvisning in any_text()) {
        let titel = format!("L{titel}");
        let case = format!(
            "type = \"orienteringssag\"\ntitel = \"t\"\nsagsnummer = \"1\"\nsagsfremstilling = \"s\"\n\
             oekonomiske_konsekvenser = \"o\"\nindstilling = \"i\"\n\
             [[lovgrundlag]]\ntitel = {t}\nhenvisning = {h}\nurl = \"https://x.dk/?a=b&c=\\\"d\\\"\"\n\
             [[bilag]]\ntitel = {t}\nhenvisning = {h}\nmarkering = {h}\n",
            t = toml_string(&titel), h = toml_string(&henvisning)
        );
        let pdf = compile(&case).unwrap_or_else(|e| panic!("did not compile: {e}\n{case}"));
        assert_prints(&pdf, &format!("{titel}{henvisning}{titel}{henvisning}{henvisning}"));
    }
}

#[test]
fn known_injection_attempts_print_literally() {
    for attack in [
        "#read(\"/etc/passwd\")",
        "{{ doc.titel }}",
        "{% for x in y %}",
        "$x^2$",
        "<label>",
        "@ref",
        "#set page(width: 1cm)",
        "]#{panic()}[",
        "\\u{41}",
        "// not a comment",
        "/* nor this */",
        "= not a heading",
        "- not a list",
        "1. not an enum",
    ] {
        let case = format!(
            "type = \"notat\"\ntitel = {a}\ntil = {a}\ntekst = \"x\"\n",
            a = toml_string(attack)
        );
        let pdf = compile(&case).unwrap_or_else(|e| panic!("{attack}: {e}"));
        assert_prints(&pdf, &format!("{attack}{attack}"));
    }
}

//! The message files (`locales/da`, `locales/en`): both languages hold every message with
//! the same placeables, the program says only messages they hold and gives each the values
//! it needs, every message in them is said somewhere, and the Danish is free of
//! programmer's words.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::common::repo;

/// Each message (`id`) and attribute (`id.attribute`) with the variables it uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn catalogue(language: &str) -> Catalogue {
    let path = repo().join("locales").join(language).join("sagsgen.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = Catalogue::new();
    for entry in resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.to_string();
        if let Some(value) = &message.value {
            out.insert(id.clone(), variables(value));
        }
        for attribute in &message.attributes {
            let key = format!("{id}.{}", attribute.id.name);
            out.insert(key, variables(&attribute.value));
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            in_expression(expression, &mut out);
        }
    }
    out
}

fn in_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            in_inline(selector, out);
            for variant in variants {
                out.extend(variables(&variant.value));
            }
        }
        Expression::Inline(inline) => in_inline(inline, out),
    }
}

fn in_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => in_expression(expression, out),
        _ => {}
    }
}

/// Every `tr!("id", name = …)` in the program: the id and the names of its values.
fn said() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry
            .path()
            .strip_prefix(repo())
            .unwrap()
            .display()
            .to_string();
        for (at, _) in text.match_indices("tr!(\"") {
            let before = text[..at].chars().next_back().unwrap_or(' ');
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let commented = text[line_start..at].trim_start().starts_with("//");
            if before.is_alphanumeric() || before == '_' || commented {
                continue;
            }
            let call = balanced(&text[at + 3..]);
            let mut parts = top_level_parts(call);
            let id = parts.remove(0).trim().trim_matches('"').to_string();
            let names = parts
                .iter()
                .filter_map(|part| part.split_once('=').map(|(name, _)| name.trim()))
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .collect();
            out.push((file.clone(), id, names));
        }
    }
    assert!(
        out.len() > 250,
        "the scan found only {} messages",
        out.len()
    );
    out
}

/// The text inside the parentheses that open `text`.
fn balanced(text: &str) -> &str {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '(' | '[' | '{' if !in_string => depth += 1,
            ')' | ']' | '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced: {}", &text[..text.len().min(80)]);
}

/// `text` split at the commas that stand outside parentheses and strings.
fn top_level_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '(' | '[' | '{' | '<' if !in_string => depth += 1,
            ')' | ']' | '}' | '>' if !in_string => depth -= 1,
            ',' if !in_string && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

#[test]
fn both_languages_hold_the_same_messages_with_the_same_placeables() {
    let danish = catalogue("da");
    let english = catalogue("en");
    let only = |a: &Catalogue, b: &Catalogue| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(
        only(&danish, &english),
        Vec::<String>::new(),
        "only in Danish"
    );
    assert_eq!(
        only(&english, &danish),
        Vec::<String>::new(),
        "only in English"
    );
    let differ: Vec<String> = danish
        .iter()
        .filter(|(id, vars)| english[*id] != **vars)
        .map(|(id, vars)| format!("{id}: da {vars:?}, en {:?}", english[id]))
        .collect();
    assert!(
        differ.is_empty(),
        "placeables differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn every_message_the_program_says_is_there_with_the_values_it_needs() {
    let danish = catalogue("da");
    let mut wrong = Vec::new();
    for (file, id, names) in said() {
        match danish.get(&id) {
            None => wrong.push(format!("{file}: {id} is in no message file")),
            Some(vars) if *vars != names => wrong.push(format!(
                "{file}: {id} is given {names:?}, the message uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A message's own help (`code.help`) is shown with the diagnostic made of it, filled
/// with the message's values; one that needs a value the message is not given would
/// vanish without a word, unless the place that says it gives the help itself.
#[test]
fn every_message_with_a_help_of_its_own_is_given_what_the_help_needs() {
    let danish = catalogue("da");
    let source = all_source();
    let mut wrong = Vec::new();
    for (file, id, names) in said() {
        let Some(help) = danish.get(&format!("{id}.help")) else {
            continue;
        };
        let given_apart = source.contains(&format!("\"{id}.help\""));
        if !given_apart && !help.is_subset(&names) {
            wrong.push(format!(
                "{file}: {id} is given {names:?}, its help needs {help:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn all_source() -> String {
    let mut source = String::new();
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "rs") {
            source.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    source
}

#[test]
fn every_message_in_the_files_is_said_somewhere() {
    let source = all_source();
    let ftl = std::fs::read_to_string(repo().join("locales/da/sagsgen.ftl")).unwrap();
    let unsaid: Vec<String> = catalogue("da")
        .into_keys()
        // The help texts are looked up by where they stand (cli/help.rs, tested there).
        .filter(|id| !id.starts_with("cli-"))
        .filter(|id| !source.contains(&format!("\"{id}\"")))
        // A message's own help is said with it.
        .filter(|id| {
            id.strip_suffix(".help")
                .is_none_or(|code| !source.contains(&format!("\"{code}\"")))
        })
        // A message other messages refer to (`{ cli-build--paths }`) is said through them.
        .filter(|id| !ftl.contains(&format!("{{ {id} }}")))
        .collect();
    assert!(unsaid.is_empty(), "never said: {unsaid:?}");
}

fn without_placeables(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_danish_messages_use_a_secretariats_words() {
    let ftl = std::fs::read_to_string(repo().join("locales/da/sagsgen.ftl")).unwrap();
    // What a reader sees: the texts after `id =` and `.help =`, without placeables.
    let texts: Vec<String> = ftl
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split_once(" = ").map_or(line, |(_, text)| text))
        .map(without_placeables)
        .collect();
    let words: BTreeSet<String> = texts
        .iter()
        .flat_map(|line| line.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .collect();
    for jargon in [
        "array", "tabel", "table", "boolean", "integer", "parse", "string", "key",
    ] {
        assert!(
            !words.contains(jargon),
            "the Danish messages say {jargon:?}"
        );
    }
}

/// Where a message belongs in the handbook's catalogue, by its code's first word.
const TOPICS: &[(&str, &[&str])] = &[
    ("Filen kan ikke læses", &["file", "syntax"]),
    (
        "Felter",
        &[
            "field",
            "case",
            "adgang",
            "url",
            "placering",
            "overskrifter",
            "votes",
            "afstemning",
            "resultat",
            "rolle",
            "member",
            "tid",
        ],
    ),
    ("Udvalg", &["committee"]),
    ("Bilag", &["bilag", "attachment", "attachments"]),
    (
        "Møder og referater",
        &[
            "item",
            "meeting",
            "decision",
            "record",
            "vote",
            "approval",
            "substitute",
            "no-documents",
        ],
    ),
    (
        "Indstillinger (sagsgen.toml)",
        &[
            "project",
            "site-address",
            "logo",
            "caption",
            "pdf-standard",
            "format",
            "path",
        ],
    ),
    ("Import", &["import"]),
    ("Hjemmeside", &["site"]),
    (
        "Arkiv",
        &[
            "archive",
            "verify",
            "manifest",
            "pdf",
            "extract",
            "validator",
        ],
    ),
    (
        "Skabeloner og opsætning",
        &["template", "typesetting", "font", "document"],
    ),
    (
        "Kommandolinjen",
        &[
            "usage",
            "new",
            "path-not-found",
            "threads",
            "internal",
            "cannot",
            "serve",
            "stdout",
            "man",
        ],
    ),
];

/// Codes that are parts of other messages (words, headings, the help), not messages.
const PARTS: &[&str] = &[
    "level-",
    "status-",
    "summary-",
    "kind-",
    "found-",
    "table-",
    "cli-",
    "io-",
    "and",
    "did-you-mean",
    "use-one-of",
    "progress-",
    "report-",
    "interrupted",
    "no-case-files",
    "init-ready",
    "watch-",
    "site-publish",
    "site-removed",
    "serve-address",
    "serve-started",
    "verify-intact",
    "verify-problems",
    "extract-wrote",
    "import-formats",
    "import-seen",
    "import-cut-off-",
    "import-described-place",
    "typesetting-at-line",
    "typesetting-hint",
    "template-built-in-bug",
    "attachment-problem-",
    "syntax-write",
];

fn topic(code: &str) -> &'static str {
    TOPICS
        .iter()
        .filter_map(|(title, prefixes)| {
            let best = prefixes
                .iter()
                .filter(|p| code == **p || code.starts_with(&format!("{p}-")))
                .map(|p| p.len())
                .max()?;
            Some((best, *title))
        })
        .max_by_key(|(len, _)| *len)
        .map_or("Øvrige", |(_, title)| title)
}

/// A message as the handbook shows it: placeables as "…", a choice by its usual form.
fn shown(pattern: &Pattern<&str>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => out.push_str(&shown_expression(expression)),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shown_expression(expression: &Expression<&str>) -> String {
    match expression {
        Expression::Select { variants, .. } => variants
            .iter()
            .find(|v| v.default)
            .map(|v| shown(&v.value))
            .unwrap_or_default(),
        Expression::Inline(InlineExpression::StringLiteral { value }) => value.to_string(),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            shown_expression(expression)
        }
        Expression::Inline(_) => "…".to_string(),
    }
}

/// The catalogue of every message, by topic: code, text and what to do.
fn catalogue_markdown() -> String {
    let text = std::fs::read_to_string(repo().join("locales/da/sagsgen.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
    let mut topics: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for entry in resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let code = message.id.name;
        let Some(value) = &message.value else {
            continue;
        };
        if PARTS
            .iter()
            .any(|p| code == p.trim_end_matches('-') || code.starts_with(p))
        {
            continue;
        }
        let help = message
            .attributes
            .iter()
            .filter(|a| a.id.name.starts_with("help"))
            .map(|a| shown(&a.value))
            .collect::<Vec<_>>()
            .join(" / ");
        let cell = |s: &str| s.replace('|', "\\|");
        let title = topic(code);
        let place = TOPICS
            .iter()
            .position(|(t, _)| *t == title)
            .unwrap_or(TOPICS.len());
        topics.entry(place).or_default().push(format!(
            "| `{code}` | {} | {} |",
            cell(&shown(value)),
            cell(&help)
        ));
    }
    let mut out =
        String::from("<!-- message catalogue: written by tests/integration/i18n.rs -->\n");
    for (place, rows) in topics {
        let title = TOPICS.get(place).map_or("Øvrige", |(t, _)| *t);
        out.push_str(&format!(
            "\n### {title}\n\n| kode | meddelelsen siger | hvad du gør |\n| --- | --- | --- |\n"
        ));
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out.push_str("\n<!-- end of message catalogue -->");
    out
}

/// The handbook's chapter on messages lists every message the program can say, as the
/// Danish message file has it (`SAGSGEN_BLESS=1` writes it).
#[test]
fn the_handbook_lists_every_message() {
    let path = repo().join("docs/src/meddelelser.md");
    let chapter = std::fs::read_to_string(&path).unwrap();
    let start = chapter
        .find("<!-- message catalogue")
        .expect("the chapter has the catalogue");
    let end_mark = "<!-- end of message catalogue -->";
    let end = chapter.find(end_mark).expect("and its end") + end_mark.len();
    let expected = catalogue_markdown();
    if chapter[start..end] != expected {
        if std::env::var_os("SAGSGEN_BLESS").is_some() {
            let updated = format!("{}{expected}{}", &chapter[..start], &chapter[end..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "docs/src/meddelelser.md does not list the messages of locales/da; run `SAGSGEN_BLESS=1 cargo test --test integration i18n`. Expected:\n{expected}"
            );
        }
    }
}

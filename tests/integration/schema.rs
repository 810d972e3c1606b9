//! The JSON Schemas of `sagsgen schema`, checked by a real validator (boon, draft-07 with
//! format assertions, as editors validate): the schemas are valid schemas; every example,
//! every file `init` and `new` write and every good fixture passes; and every broken
//! fixture that the loader refuses for a reason a schema can see is refused by it too.

use std::path::Path;

use serde_json::Value;

use crate::common::{Project, repo};

/// A compiled schema, as `sagsgen schema WHICH` prints it.
pub struct Schema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Schema {
    pub fn of(which: &str) -> Self {
        let run = Project::empty().run(&["schema", which]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
        let url = format!("file:///{which}.schema.json");
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler.add_resource(&url, json).unwrap();
        let mut schemas = boon::Schemas::new();
        // Compiling checks the schema against the draft-07 meta-schema.
        let index = compiler
            .compile(&url, &mut schemas)
            .unwrap_or_else(|e| panic!("{which}: not a valid schema: {e:#}"));
        Self { schemas, index }
    }

    /// The validator's complaint about a TOML file, if any.
    pub fn errors(&self, toml_text: &str) -> Option<String> {
        let instance = as_json(toml_text);
        self.schemas
            .validate(&instance, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }

    fn assert_valid(&self, path: &Path) {
        let text = std::fs::read_to_string(path).unwrap();
        if let Some(e) = self.errors(&text) {
            panic!("{} does not validate:\n{e}", path.display());
        }
    }
}

/// A TOML file as an editor's validator sees it: dates and times become strings.
fn as_json(toml_text: &str) -> Value {
    let value: toml::Table = toml::from_str(toml_text).expect("valid TOML");
    convert(toml::Value::Table(value))
}

fn convert(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
        }
    }
}

/// Every `.toml` file below `dir`, sorted.
fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "sagsgen.toml")
}

/// Validates every TOML file of a project folder against the schema for its kind.
fn assert_project_valid(dir: &Path, skip: &[&str]) -> usize {
    let (case, config) = (Schema::of("sag"), Schema::of("config"));
    let mut count = 0;
    for path in toml_files(dir) {
        if skip.iter().any(|s| path.starts_with(dir.join(s))) {
            continue;
        }
        let schema = if is_config(&path) { &config } else { &case };
        schema.assert_valid(&path);
        count += 1;
    }
    count
}

#[test]
fn the_schemas_are_valid_draft_07_schemas() {
    for which in ["sag", "config"] {
        let schema = Schema::of(which);
        assert!(
            schema.errors("type = 1").is_some(),
            "{which} refuses nonsense"
        );
    }
    let sag = Project::empty().run(&["schema", "sag"]).stdout;
    let moede = Project::empty().run(&["schema", "moede"]).stdout;
    assert_eq!(sag, moede, "one schema covers cases and meetings");
}

#[test]
fn every_example_and_good_fixture_validates() {
    let root = repo();
    let examples = assert_project_valid(&root.join("cases"), &[])
        + assert_project_valid(&root.join("moeder"), &[]);
    assert!(examples >= 5, "{examples}");
    let config = Schema::of("config");
    config.assert_valid(&root.join("sagsgen.toml"));
    let fixtures = root.join("tests/fixtures");
    let checked = assert_project_valid(
        &fixtures,
        &[
            "broken/cases",
            "schema/bad",
            "schema/bad-config",
            "mistakes",
        ],
    );
    assert!(checked >= 4, "{checked}");
    Schema::of("sag").assert_valid(&fixtures.join("broken/cases/good.toml"));
}

#[test]
fn the_committed_schema_files_are_the_current_ones() {
    for (which, file) in [
        ("sag", "sagsgen.schema.json"),
        ("config", "sagsgen-config.schema.json"),
    ] {
        let printed = Project::empty().run(&["schema", which]).stdout;
        let committed = std::fs::read_to_string(repo().join(file)).unwrap();
        assert_eq!(
            committed, printed,
            "{file} is stale: run `sagsgen schema {which} > {file}`"
        );
    }
}

#[test]
fn every_file_init_and_new_write_validates_even_with_every_optional_field() {
    let project = Project::empty();
    assert_eq!(project.run(&["init"]).code, 0);
    for kind in ["notat", "beslutningssag", "orienteringssag", "moede"] {
        let run = project.run(&["new", kind, &format!("cases/ny/{kind}.toml")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let count = assert_project_valid(project.path(), &[]);
    assert_eq!(
        count,
        1 + 4 + 4,
        "sagsgen.toml, init's four examples, new's four files"
    );
    let case = Schema::of("sag");
    for path in toml_files(&project.path().join("cases/ny")) {
        let text = uncomment_fields(&std::fs::read_to_string(&path).unwrap());
        if let Some(e) = case.errors(&text) {
            panic!("{} with every field:\n{text}\n{e}", path.display());
        }
    }
}

/// The file with every commented-out field (`# key = …`, `# [[table]]`) switched on.
fn uncomment_fields(text: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if is_field_line(rest) => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_field_line(line: &str) -> bool {
    line.starts_with("[[")
        || line
            .split_once(" = ")
            .is_some_and(|(key, _)| key.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

/// Broken fixtures whose fault no schema can see, and why.
const NOT_SCHEMA_FAULTS: &[(&str, &str)] = &[
    (
        "syntax.toml",
        "TOML syntax: the editor's TOML parser reports it",
    ),
    ("latin1.toml", "not UTF-8: the editor reports it"),
    ("missing-attachment.toml", "the files on disk"),
    ("outside.toml", "the files on disk"),
    ("on-drive.toml", "where the project lies"),
    ("unknown-committee.toml", "the committees of sagsgen.toml"),
];

#[test]
fn every_broken_case_with_a_schema_fault_is_refused_by_the_schema() {
    let case = Schema::of("sag");
    let mut refused = Vec::new();
    for dir in [
        "broken/cases",
        "schema/bad",
        "mistakes/cases",
        "mistakes/moeder",
    ] {
        for path in toml_files(&repo().join("tests/fixtures").join(dir)) {
            let name = path.file_name().unwrap().to_str().unwrap();
            if name == "good.toml" || NOT_SCHEMA_FAULTS.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if dir.starts_with("mistakes") && toml::from_str::<toml::Table>(&text).is_err() {
                // The everyday mistakes are mostly TOML syntax: the editor's parser's.
                continue;
            }
            assert!(
                case.errors(&text).is_some(),
                "the schema accepts {dir}/{name}"
            );
            refused.push(name.to_string());
        }
    }
    assert!(refused.len() >= 40, "{refused:?}");
}

#[test]
fn the_loader_refuses_every_schema_fixture_and_names_its_line() {
    let project = Project::fixture("schema");
    let good = project.run(&["check", "cases"]);
    assert_eq!(good.code, 0, "{}", good.stderr);
    let run = project.run(&["check", "bad"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for path in toml_files(&project.path().join("bad")) {
        let name = path.file_name().unwrap().to_str().unwrap();
        let at = format!("┌─ bad/{name}:");
        assert!(
            run.stderr.contains(&at),
            "no diagnostic with a position in {name}\n{}",
            run.stderr
        );
    }
    let files = toml_files(&project.path().join("bad")).len();
    assert!(
        run.stderr.contains(&format!("{files} fejlede")),
        "{}",
        run.stderr
    );
}

#[test]
fn every_broken_config_is_refused_by_the_loader_and_the_schema() {
    let config = Schema::of("config");
    let dir = repo().join("tests/fixtures/schema/bad-config");
    let files = toml_files(&dir);
    assert!(files.len() >= 5);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(config.errors(&text).is_some(), "the schema accepts {name}");
        let project = Project::fixture("schema");
        project.write("sagsgen.toml", &text);
        let run = project.run(&["check", "cases"]);
        assert_eq!(run.code, 1, "{name}\n{}", run.stderr);
        assert!(
            run.stderr.contains("sagsgen.toml:"),
            "{name}\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_quoted_date_is_read_like_a_toml_date() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        "type = \"notat\"\ntitel = \"T\"\ntil = \"x\"\ntekst = \"y\"\ndato = \"2025-05-05\"\n",
    );
    let run = project.run(&["build", "cases"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.text("output/a.pdf").contains("5. maj 2025"));
}

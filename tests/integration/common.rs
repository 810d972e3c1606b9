//! Helpers: temporary projects, running the binary, reading PDFs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::{Document, Object};
use tempfile::TempDir;

/// The repository root (for the example cases and fixtures).
/// The binary, with the environment's language left out: a test sees sagsgen's default
/// (Danish) unless it sets `LANG` or passes `--sprog`, whatever the machine's locale is.
pub fn sagsgen() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sagsgen"));
    for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(name);
    }
    command
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway project folder.
pub struct Project {
    pub dir: TempDir,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts that the run said `text` on its standard error, shown whole when it did not.
    #[track_caller]
    pub fn assert_said(&self, text: &str) {
        assert!(
            self.stderr.contains(text),
            "not said: {text}\n{}",
            self.stderr
        );
    }

    /// Asserts that the run did not say `text` on its standard error.
    #[track_caller]
    pub fn assert_not_said(&self, text: &str) {
        assert!(!self.stderr.contains(text), "said: {text}\n{}", self.stderr);
    }
}

impl Project {
    /// An empty project.
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A project holding a copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let project = Self::empty();
        copy_tree(&repo().join("tests/fixtures").join(name), project.path());
        project
    }

    /// A copy of the repository's own example project (`sagsgen.toml`, `cases/`, `moeder/`, `bilag/`).
    pub fn examples() -> Self {
        let project = Self::empty();
        std::fs::copy(
            repo().join("sagsgen.toml"),
            project.path().join("sagsgen.toml"),
        )
        .unwrap();
        for dir in ["cases", "moeder", "bilag"] {
            copy_tree(&repo().join(dir), &project.path().join(dir));
        }
        project
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// Runs `sagsgen ARGS` in the project folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `sagsgen ARGS` in the project folder with these environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = sagsgen()
            .args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .output()
            .expect("run sagsgen");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Bytes of a file in the project.
    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join(rel).exists()
    }

    /// Extracted text of a PDF in the project.
    pub fn text(&self, rel: &str) -> String {
        pdf_text(&self.read(rel))
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The text of a PDF, as a reader extracting it would get it.
pub fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).expect("extract text")
}

/// Letters and digits only: compares text regardless of line breaks, hyphenation,
/// bullets and spacing.
pub fn alnum(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Asserts that every needle occurs in the haystack, in order (compared as [`alnum`]).
pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let hay = alnum(haystack);
    let mut from = 0;
    for needle in needles {
        let n = alnum(needle);
        match hay[from..].find(&n) {
            Some(i) => from += i + n.len(),
            None => {
                panic!("not found (in order) in the PDF text: {needle:?}\n--- text ---\n{haystack}")
            }
        }
    }
}

/// A parsed PDF.
pub fn pdf(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("a readable PDF")
}

/// A text string of the Info dictionary (Title, Creator, …).
pub fn info(doc: &Document, key: &str) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let dict = doc.dereference(info).ok()?.1.as_dict().ok()?.clone();
    let value = dict.get(key.as_bytes()).ok()?;
    Some(decode_text(doc.dereference(value).ok()?.1))
}

/// The document catalog.
pub fn catalog(doc: &Document) -> lopdf::Dictionary {
    doc.catalog().expect("catalog").clone()
}

/// Decodes a PDF text string (PDFDocEncoding/UTF-16BE).
pub fn decode_text(obj: &Object) -> String {
    sagsgen::archive::extract::text_string(obj)
}

/// Every URI of every link annotation (actions are often inline dictionaries).
pub fn link_uris(doc: &Document) -> Vec<String> {
    fn collect(obj: &Object, out: &mut Vec<String>) {
        match obj {
            Object::Dictionary(dict) => {
                for (key, value) in dict.iter() {
                    if key == b"URI" {
                        out.push(decode_text(value));
                    } else if key != b"Parent" && key != b"P" {
                        collect(value, out);
                    }
                }
            }
            Object::Array(items) => items.iter().for_each(|i| collect(i, out)),
            _ => {}
        }
    }
    let mut uris = Vec::new();
    for object in doc.objects.values() {
        collect(object, &mut uris);
    }
    uris.sort();
    uris.dedup();
    uris
}

/// The XMP metadata stream as text.
pub fn xmp(doc: &Document) -> String {
    let cat = catalog(doc);
    let id = cat
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("XMP metadata");
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .expect("metadata stream");
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8_lossy(&content).into_owned()
}

/// A minimal valid notat with the given extra lines.
pub fn notat(extra: &str) -> String {
    format!(
        "type = \"notat\"\ntitel = \"Et notat\"\ntil = \"Udvalget\"\ntekst = \"Brødtekst.\"\n{extra}"
    )
}

/// A minimal valid beslutningssag with the given extra lines.
pub fn beslutningssag(extra: &str) -> String {
    format!(
        "type = \"beslutningssag\"\ntitel = \"En sag\"\nsagsnummer = \"25/1\"\nbeslutningskompetence = \"Byrådet\"\n\
         beslutningstema = \"Tema.\"\nsagsfremstilling = \"Fremstilling.\"\noekonomiske_konsekvenser = \"Ingen.\"\n\
         indstilling = \"Indstilling.\"\n{extra}"
    )
}

/// The bookmarks (outline) as (depth, title), depth-first in order.
pub fn bookmarks(doc: &Document) -> Vec<(usize, String)> {
    fn walk(doc: &Document, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let Ok(item) = doc.get_dictionary(id) else {
                break;
            };
            out.push((
                depth,
                item.get(b"Title").map(decode_text).unwrap_or_default(),
            ));
            walk(doc, item.get(b"First").ok(), depth + 1, out);
            next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    let mut out = Vec::new();
    let cat = catalog(doc);
    if let Some(outlines) = cat
        .get(b"Outlines")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok().cloned())
    {
        walk(doc, outlines.get(b"First").ok(), 0, &mut out);
    }
    out
}

/// Every text string and every decompressed stream of a PDF, as text: what a search of the
/// file for a confidential phrase would find (metadata, bookmarks, annotations, XMP…).
pub fn all_strings(doc: &Document) -> String {
    let mut out = String::new();
    for object in doc.objects.values() {
        collect_strings(object, &mut out);
    }
    out
}

fn collect_strings(object: &Object, out: &mut String) {
    match object {
        Object::String(..) => {
            out.push_str(&decode_text(object));
            out.push('\n');
        }
        Object::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, v)| collect_strings(v, out)),
        Object::Stream(stream) => {
            stream
                .dict
                .iter()
                .for_each(|(_, v)| collect_strings(v, out));
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            out.push_str(&String::from_utf8_lossy(&content));
            out.push('\n');
        }
        _ => {}
    }
}

/// A one-page PDF without tags and with a non-embedded standard font (a typical
/// word-processor export), saying `text`.
pub fn untagged_pdf(text: &str) -> Vec<u8> {
    untagged_pages(&[text])
}

/// A PDF like [`untagged_pdf`] with one page for each of `texts`, each saying its text.
pub fn untagged_pages(texts: &[&str]) -> Vec<u8> {
    let contents = texts
        .iter()
        .map(|text| {
            let content = format!("BT /F1 24 Tf 72 700 Td ({text}) Tj ET");
            lopdf::Stream::new(lopdf::Dictionary::new(), content.into_bytes())
        })
        .collect();
    pages_of(contents)
}

/// A PDF without tags of one A4 page for each content stream, each with Helvetica (not
/// embedded) as its font `F1`.
pub fn pages_of(contents: Vec<lopdf::Stream>) -> Vec<u8> {
    use lopdf::dictionary;
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let kids: Vec<Object> = contents
        .into_iter()
        .map(|content| {
            let content_id = doc.add_object(content);
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// Whether `packet` carries the first page of `attachment` as vector content: the
/// attachment page's content stream (its text-showing operators) is copied into the packet.
/// Text extractors do not descend into embedded pages, so this is how the test can see them.
pub fn embeds_first_page_of(packet: &[u8], attachment: &[u8]) -> bool {
    let att = pdf(attachment);
    let (_, page) = att.get_pages().into_iter().next().expect("a page");
    let content = att.get_page_content(page).expect("page content");
    // The whole stream: documents from one generator share long common prefixes.
    let probe = content.trim_ascii_end();
    pdf(packet)
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .any(|s| {
            let data = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            data.windows(probe.len()).any(|w| w == probe)
        })
}

/// A page's own text with every run of whitespace made one space (extractors break lines
/// between grid cells and wrapped words).
pub fn page_text(doc: &Document, page: u32) -> String {
    doc.extract_text(&[page])
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The 1-based numbers of the pages whose own text contains `needle`.
pub fn pages_with(doc: &Document, needle: &str) -> Vec<u32> {
    let mut pages: Vec<u32> = doc
        .get_pages()
        .keys()
        .copied()
        .filter(|p| page_text(doc, *p).contains(needle))
        .collect();
    pages.sort();
    pages
}

/// The structure tree as (depth, role) in reading order.
pub fn structure(doc: &Document) -> Vec<(usize, String)> {
    fn walk(doc: &Document, obj: &Object, depth: usize, out: &mut Vec<(usize, String)>) {
        let obj = match obj {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => o,
                Err(_) => return,
            },
            o => o,
        };
        match obj {
            Object::Dictionary(d) => {
                if let Ok(role) = d.get(b"S").and_then(|s| s.as_name()) {
                    out.push((depth, String::from_utf8_lossy(role).into_owned()));
                    if let Ok(kids) = d.get(b"K") {
                        walk(doc, kids, depth + 1, out);
                    }
                }
            }
            Object::Array(items) => items.iter().for_each(|i| walk(doc, i, depth, out)),
            _ => {}
        }
    }
    let root = catalog(doc)
        .get(b"StructTreeRoot")
        .cloned()
        .expect("a structure tree");
    let root = doc.dereference(&root).unwrap().1.as_dict().unwrap().clone();
    let mut out = Vec::new();
    walk(doc, root.get(b"K").unwrap(), 0, &mut out);
    out
}

/// A running sagsgen whose standard error is read line by line; killed when dropped, so a
/// failing test leaves no process behind.
pub struct Spawned {
    child: Option<std::process::Child>,
    lines: std::sync::mpsc::Receiver<String>,
    /// Every line read so far.
    pub seen: Vec<String>,
}

impl Spawned {
    /// Starts `sagsgen ARGS` in `dir` with extra environment variables.
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_reading(dir, args, env, false)
    }

    /// Starts `sagsgen ARGS` in `dir`, reading its standard output instead.
    pub fn start_stdout(dir: &Path, args: &[&str]) -> Self {
        Self::start_reading(dir, args, &[], true)
    }

    fn start_reading(dir: &Path, args: &[&str], env: &[(&str, &str)], stdout: bool) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sagsgen"));
        command
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied());
        if stdout {
            command.stdout(std::process::Stdio::piped());
        } else {
            command.stderr(std::process::Stdio::piped());
        }
        let mut child = command.spawn().expect("run sagsgen");
        let stderr: Box<dyn std::io::Read + Send> = if stdout {
            Box::new(child.stdout.take().expect("piped"))
        } else {
            Box::new(child.stderr.take().expect("piped"))
        };
        let (send, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child: Some(child),
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits (up to 60 s) for a line containing `needle`; returns it. Panics on timeout or
    /// when the process ends first.
    pub fn wait_for(&mut self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(e) => panic!(
                    "no line with {needle:?} ({e}); saw:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// How many lines seen so far contain `needle`.
    pub fn count(&self, needle: &str) -> usize {
        self.seen.iter().filter(|l| l.contains(needle)).count()
    }

    /// Sends SIGINT (what Ctrl-C sends).
    #[cfg(unix)]
    pub fn interrupt(&self) {
        let child = self.child.as_ref().expect("running");
        // SAFETY: sends SIGINT to our own child process.
        let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        assert_eq!(sent, 0, "SIGINT sent");
    }

    /// Waits for the process to end; its exit code and the rest of its standard error.
    pub fn finish(mut self) -> (Option<i32>, String) {
        let status = self.child.take().expect("running").wait().expect("wait");
        self.seen.extend(self.lines.iter());
        (status.code(), self.seen.join("\n"))
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Every file below `dir` (by its path from `dir`) and its bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Whether the browser tests can run here: Debian's Chromium and the npm packages of
/// `tests/browser` installed (as `.ci/run` does). Where `SAGSGEN_BROWSER_TESTS=1` (CI),
/// their absence fails the test instead.
pub fn browser_ready() -> bool {
    let ready = Path::new("/usr/bin/chromium").exists()
        && repo().join("tests/browser/node_modules/axe-core").exists()
        && repo()
            .join("tests/browser/node_modules/playwright-core")
            .exists();
    if !ready && std::env::var("SAGSGEN_BROWSER_TESTS").as_deref() == Ok("1") {
        panic!("Chromium or the npm packages of tests/browser are missing: run .ci/setup-browser");
    }
    if !ready {
        eprintln!(
            "skipped: no Chromium or tests/browser/node_modules (set SAGSGEN_BROWSER_TESTS=1 to require them)"
        );
    }
    ready
}

/// Runs a browser script of `tests/browser` with Node (Chromium driven by it) and parses
/// the one JSON object it prints.
pub fn browser_script(script: &str, args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = Command::new("node")
        .arg(repo().join("tests/browser").join(script))
        .args(args)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{script} printed no JSON: {e}"))
}

/// The public editions of a meeting built into `folder`: (name, bytes, extracted text).
pub fn public_editions(project: &Project, folder: &str) -> Vec<(&'static str, Vec<u8>, String)> {
    [
        "dagsorden-offentlig",
        "referat-offentlig",
        "dagsorden-offentlig-med-bilag",
    ]
    .into_iter()
    .map(|name| {
        let bytes = project.read(&format!("{folder}/{name}.pdf"));
        let text = pdf_text(&bytes);
        (name, bytes, text)
    })
    .collect()
}

/// Asserts that a public file holds `secret` neither in its text nor anywhere in its bytes.
#[track_caller]
pub fn assert_absent(name: &str, bytes: &[u8], text: &str, secret: &str) {
    assert!(!text.contains(secret), "{name} shows {secret:?}");
    assert!(
        !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
        "{name} holds {secret:?} in its bytes"
    );
}

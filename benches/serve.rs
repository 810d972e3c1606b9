//! Benchmark: `sagsgen serve` as the reader sees it. The real binary is started on a free
//! port and each document is opened in Debian's Chromium; a word in a file is saved again
//! and again, and each save is timed from the write to the moment the changed page, in
//! view, has loaded its new picture (`tests/browser/latency.mjs`). For a one-page case, a
//! 10-page case and the agenda of a 40-item meeting of 60+ pages whose item is edited.
//! Prints median and 95th percentile over 20 saves, the pictures fetched per save, and the
//! server's peak memory (VmHWM). When `typst` is on PATH, `typst watch` on the same
//! meeting's generated Typst is timed too, from the save to its PDF rewritten.
//!
//! `cargo bench --bench serve` (release). Needs Chromium and the npm packages of
//! tests/browser (`.ci/setup-browser`). Speed is reported here, never asserted in tests.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

const SAVES: usize = 20;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !Path::new("/usr/bin/chromium").exists()
        || !repo
            .join("tests/browser/node_modules/playwright-core")
            .exists()
    {
        println!("(no Chromium or tests/browser/node_modules: run .ci/setup-browser first)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write_project(root);

    let mut server = Command::new(env!("CARGO_BIN_EXE_sagsgen"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start sagsgen serve");
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("a line").expect("readable");
        if let Some(url) = line.split("Preview on ").nth(1) {
            break url.trim().to_string();
        }
    };
    println!(
        "sagsgen serve in Chromium: save → the changed page in view loaded ({SAVES} saves each), {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (doc, edition, edited, what) in [
        (
            "cases/kort.toml",
            "dokument",
            "cases/kort.toml",
            "one-page case",
        ),
        (
            "cases/lang.toml",
            "dokument",
            "cases/lang.toml",
            "10-page case",
        ),
        (
            "moeder/m.toml",
            "dagsorden",
            "cases/m/p20.toml",
            "40-item meeting (agenda), one item edited",
        ),
    ] {
        let document = format!("{url}dokument?f={doc}&e={edition}");
        measure(repo, &document, &root.join(edited), what);
    }
    println!("server peak memory: {} MB", peak_mb(server.id()));
    let _ = server.kill();
    let _ = server.wait();

    match common::which("typst") {
        Some(typst) => typst_watch(&typst, root),
        None => println!("(no `typst` on PATH: the `typst watch` comparison is skipped)"),
    }
}

/// Runs the browser measurement on one document and prints its line.
fn measure(repo: &Path, document: &str, edited: &Path, what: &str) {
    let out = Command::new("node")
        .arg(repo.join("tests/browser/latency.mjs"))
        .arg(document)
        .arg(edited)
        .arg(SAVES.to_string())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "latency.mjs: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut ms: Vec<f64> = numbers(&report["ms"]);
    let fetched = numbers(&report["fetched"]);
    println!(
        "{what:<42} {:>3} pages (page {} in view) | opened {:>5.0} ms | p50 {:>5.0} ms p95 {:>5.0} ms | pictures fetched per save {:.1} | elements kept: {}",
        report["pages"],
        report["target"],
        report["openMs"].as_f64().unwrap_or(0.0),
        percentile(&mut ms, 50),
        percentile(&mut ms, 95),
        fetched.iter().sum::<f64>() / fetched.len().max(1) as f64,
        report["elementsKept"]
    );
}

fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
        .unwrap_or_default()
}

fn percentile(values: &mut [f64], p: usize) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let i = ((values.len() * p).div_ceil(100)).clamp(1, values.len()) - 1;
    values[i]
}

fn peak_mb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .unwrap_or(0)
        / 1024
}

/// `typst watch` on the meeting's generated agenda: from a save of its source to the PDF
/// rewritten (what the CLI offers instead of a preview: no page in a browser).
fn typst_watch(typst: &Path, root: &Path) {
    common::sagsgen(root, &["build", "--quiet", "--force", "--emit-typst"]);
    let source = std::fs::read_dir(root.join("output"))
        .expect("output")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .map(|d| d.join("dagsorden.typ"))
        .find(|p| p.is_file())
        .expect("the agenda's Typst");
    let pdf = source.with_extension("cli.pdf");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let mut watch = Command::new(typst)
        .arg("watch")
        .arg("--root")
        .arg(root)
        .arg("--font-path")
        .arg(&fonts)
        .arg("--ignore-system-fonts")
        .arg(&source)
        .arg(&pdf)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("typst watch");
    let modified = || std::fs::metadata(&pdf).and_then(|m| m.modified()).ok();
    let deadline = Instant::now() + Duration::from_secs(60);
    while modified().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut ms = Vec::new();
    for n in 0..SAVES {
        let text = std::fs::read_to_string(&source).unwrap();
        let next = text.replacen(&format!("ændring {n}"), &format!("ændring {}", n + 1), 1);
        let before = modified();
        let start = Instant::now();
        std::fs::write(&source, next).unwrap();
        while modified() == before && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(2));
        }
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{:<42} typst watch, save → PDF rewritten | p50 {:>5.0} ms p95 {:>5.0} ms | peak {} MB",
        "the same agenda's Typst",
        percentile(&mut ms, 50),
        percentile(&mut ms, 95),
        peak_mb(watch.id())
    );
    let _ = watch.kill();
    let _ = watch.wait();
}

/// A one-page case, a 10-page case and a 40-item meeting, each with "ændring 0" to edit.
fn write_project(root: &Path) {
    std::fs::write(
        root.join("sagsgen.toml"),
        "[udvalg]\nOEU = \"Økonomiudvalget\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("cases/m")).unwrap();
    std::fs::create_dir_all(root.join("moeder")).unwrap();
    std::fs::write(root.join("cases/kort.toml"), case("Kort sag", 2, 1)).unwrap();
    std::fs::write(root.join("cases/lang.toml"), case("Lang sag", 100, 50)).unwrap();
    let mut meeting = String::from("type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-01\n");
    for i in 1..=40 {
        std::fs::write(
            root.join(format!("cases/m/p{i:02}.toml")),
            // Every other item runs over two pages: 62 pages in all.
            case(&format!("Punkt {i}"), if i % 2 == 1 { 9 } else { 4 }, 2),
        )
        .unwrap();
        meeting.push_str(&format!(
            "\n[[punkter]]\nsag = \"../cases/m/p{i:02}.toml\"\n"
        ));
    }
    std::fs::write(root.join("moeder/m.toml"), meeting).unwrap();
}

/// A beslutningssag of `paragraphs` paragraphs; the one numbered `marked` says
/// "ændring 0".
fn case(title: &str, paragraphs: usize, marked: usize) -> String {
    let paragraph = "Forvaltningen har gennemgået sagen og de muligheder, der er for at løse opgaven inden for den økonomiske ramme. Der er talt med de berørte parter, og deres bemærkninger indgår i vurderingen nedenfor. Udvalget bedes tage stilling til, hvilken løsning der skal arbejdes videre med.";
    let body: Vec<String> = (0..paragraphs)
        .map(|i| {
            let mark = if i == marked {
                " Seneste ændring 0."
            } else {
                ""
            };
            format!("{paragraph} Afsnit {i}.{mark}")
        })
        .collect();
    format!(
        "type = \"beslutningssag\"\ntitel = \"{title}\"\nsagsnummer = \"25/1\"\nbeslutningskompetence = \"OEU\"\nbeslutningstema = \"Sagen i kort form.\"\nsagsfremstilling = \"\"\"\n{}\n\"\"\"\noekonomiske_konsekvenser = \"Ingen.\"\nindstilling = \"At forslaget godkendes.\"\n",
        body.join("\n\n")
    )
}

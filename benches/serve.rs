//! Benchmark: `sagsgen serve`, from saving a file to the updated page. The real binary is
//! started on a free port; the benchmark opens a document (its first compile), listens to
//! the preview's events like the page's script does, then saves a change again and again,
//! timing each from the write to the update event and on to the fetched page part — for a
//! 10-page case and for the agenda of a 40-item meeting whose item is edited. Prints
//! median and 95th percentile, and the server's peak memory (VmHWM). `typst watch` has no
//! way to tell a program that it has finished, so there is nothing to compare with here.
//!
//! `cargo bench --bench serve` (release). Speed is reported here, never asserted in tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

const SAVES: usize = 20;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(
        root.join("sagsgen.toml"),
        "[udvalg]\nOEU = \"Økonomiudvalget\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("cases/m")).unwrap();
    std::fs::create_dir_all(root.join("moeder")).unwrap();
    std::fs::write(
        root.join("cases/lang.toml"),
        case("Lang sag", 100, "første"),
    )
    .unwrap();
    let mut meeting = String::from("type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-01\n");
    for i in 1..=40 {
        std::fs::write(
            root.join(format!("cases/m/p{i:02}.toml")),
            case(&format!("Punkt {i}"), 2, "første"),
        )
        .unwrap();
        meeting.push_str(&format!(
            "\n[[punkter]]\nsag = \"../cases/m/p{i:02}.toml\"\n"
        ));
    }
    std::fs::write(root.join("moeder/m.toml"), meeting).unwrap();

    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_sagsgen"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start sagsgen serve");
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("a line").expect("readable");
        if let Some(url) = line.split("Preview on http://").nth(1) {
            break url.trim().trim_end_matches('/').to_string();
        }
    };
    println!(
        "sagsgen serve: save → update event → page part fetched ({SAVES} saves each), 2 cores"
    );
    measure(
        &address,
        root,
        "cases/lang.toml",
        "dokument",
        "10-page case",
    );
    measure(
        &address,
        root,
        "moeder/m.toml",
        "dagsorden",
        "40-item meeting (agenda), one item edited",
    );
    let peak = std::fs::read_to_string(format!("/proc/{}/status", server.id()))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<u64>()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0);
    println!("server peak memory: {} MB", peak / 1024);
    let _ = server.kill();
    let _ = server.wait();
}

/// Opens a document, then saves a change `SAVES` times and times each update.
fn measure(address: &str, root: &Path, doc: &str, edition: &str, what: &str) {
    let open = Instant::now();
    let page = get(address, &format!("/dokument?f={doc}&e={edition}"));
    let first = open.elapsed();
    let pages = page.matches("class=\"side\"").count();
    let mut events = events(address);
    let edited = if doc.starts_with("moeder") {
        "cases/m/p07.toml"
    } else {
        doc
    };
    let path = root.join(edited);
    let mut to_event = Vec::new();
    let mut to_page = Vec::new();
    for n in 0..SAVES {
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text.replacen(&format!("ændring {}", n), &format!("ændring {}", n + 1), 1);
        let changed = if changed == text {
            text.replacen("første", "ændring 1", 1)
        } else {
            changed
        };
        let start = Instant::now();
        std::fs::write(&path, changed).unwrap();
        wait_for(&mut events, doc);
        to_event.push(start.elapsed());
        get(address, &format!("/visning?f={doc}&e={edition}"));
        to_page.push(start.elapsed());
    }
    println!(
        "{what:<48} {pages:>3} pages | first open {:>6.0} ms | to event p50 {:>5.0} ms p95 {:>5.0} ms | to page p50 {:>5.0} ms p95 {:>5.0} ms",
        first.as_secs_f64() * 1000.0,
        percentile(&mut to_event, 50),
        percentile(&mut to_event, 95),
        percentile(&mut to_page, 50),
        percentile(&mut to_page, 95)
    );
}

fn percentile(times: &mut [Duration], p: usize) -> f64 {
    times.sort();
    let i = ((times.len() * p).div_ceil(100)).clamp(1, times.len()) - 1;
    times[i].as_secs_f64() * 1000.0
}

fn get(address: &str, target: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

/// The preview's event stream, as lines.
fn events(address: &str) -> std::io::Lines<BufReader<TcpStream>> {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET /haendelser HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    BufReader::new(stream).lines()
}

fn wait_for(events: &mut std::io::Lines<BufReader<TcpStream>>, doc: &str) {
    for line in events.by_ref() {
        if line.expect("event stream").trim() == format!("data: {doc}") {
            return;
        }
    }
    panic!("the event stream ended");
}

fn case(title: &str, paragraphs: usize, word: &str) -> String {
    let paragraph = "Forvaltningen har gennemgået sagen og de muligheder, der er for at løse opgaven inden for den økonomiske ramme. Der er talt med de berørte parter, og deres bemærkninger indgår i vurderingen nedenfor. Udvalget bedes tage stilling til, hvilken løsning der skal arbejdes videre med.";
    let body: Vec<String> = (0..paragraphs)
        .map(|i| format!("{paragraph} Afsnit {i}."))
        .collect();
    format!(
        "type = \"beslutningssag\"\ntitel = \"{title}\"\nsagsnummer = \"25/1\"\nbeslutningskompetence = \"OEU\"\nbeslutningstema = \"Den {word} version.\"\nsagsfremstilling = \"\"\"\n{}\n\"\"\"\noekonomiske_konsekvenser = \"Ingen.\"\nindstilling = \"At forslaget godkendes.\"\n",
        body.join("\n\n")
    )
}

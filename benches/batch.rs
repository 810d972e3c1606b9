//! Benchmark: N distinct seed-sized beslutningssager (1,000 and 10,000 unless
//! `SAGSGEN_BENCH_N` lists other sizes, comma-separated),
//! built by the real `sagsgen` binary as a fresh process, the way a secretariat runs it:
//! from scratch, as a no-op rebuild, after a one-file change, and one case alone (start-up).
//! Prints documents/s, cost per document and the process's peak memory (from the OS), and
//! how the peak of the largest size compares with that of the smallest.
//! `SAGSGEN_BENCH_MEETINGS=10` adds a meeting for every ten cases (each built into its six
//! files too), as an archive has them.
//! When a `typst` binary is on PATH, the same generated Typst sources are compiled with it,
//! one process per document, two at a time, for comparison.
//!
//! `cargo bench --bench batch` (release). Speed is reported here, never asserted in tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

mod common;

fn main() {
    // Sizes, comma-separated; peak memory is compared between the first and the last.
    let sizes: Vec<usize> = std::env::var("SAGSGEN_BENCH_N")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    let mut peaks = Vec::new();
    for (index, &n) in sizes.iter().enumerate() {
        peaks.push((n, one_size(n, index == 0)));
    }
    if let (Some((small, small_peak)), Some((large, large_peak))) = (peaks.first(), peaks.last())
        && small != large
    {
        println!(
            "peak memory from scratch at {large} cases / at {small}: {large_peak} MB / {small_peak} MB = {:.2}×",
            *large_peak as f64 / *small_peak as f64
        );
    }
}

/// Builds `n` cases every way; the from-scratch build's peak memory in MB. The Typst CLI
/// is compared on the first size only (one process per document takes long).
fn one_size(n: usize, compare: bool) -> i64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write_cases(root, n);
    println!(
        "{n} generated beslutningssager (2 pages each), {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let (cold, cold_rss) = sagsgen(root, &["build", "--quiet"]);
    report("sagsgen build, from scratch", cold, n, Some(cold_rss));
    let (noop, rss) = sagsgen(root, &["build", "--quiet"]);
    println!(
        "{:<44} {:>8.3} s  (nothing rebuilt, nothing written; peak {} MB)",
        "sagsgen build, nothing changed",
        noop,
        rss / 1024
    );
    std::fs::write(root.join("cases/c0.toml"), case(0, "Ændret")).unwrap();
    let (one, _) = sagsgen(root, &["build", "--quiet"]);
    println!("{:<44} {:>8.3} s", "sagsgen build, one case changed", one);
    let (single, rss) = sagsgen(root, &["build", "--quiet", "--force", "cases/c1.toml"]);
    println!(
        "{:<44} {:>8.3} s  (start-up included; peak {} MB)",
        "sagsgen build, one case, fresh process",
        single,
        rss / 1024
    );

    if compare {
        match common::which("typst") {
            Some(typst) => compare_with_typst(root, &typst, n, cold),
            None => println!("(no `typst` on PATH: the Typst CLI comparison is skipped)"),
        }
    }
    cold_rss / 1024
}

/// Runs the real binary in `root`; wall seconds and peak memory in KiB.
fn sagsgen(root: &Path, args: &[&str]) -> (f64, i64) {
    let run = common::sagsgen(root, args);
    (run.seconds, run.peak_mb * 1024)
}

fn report(what: &str, seconds: f64, n: usize, rss_kib: Option<i64>) {
    let memory = rss_kib
        .map(|k| format!("; peak {} MB", k / 1024))
        .unwrap_or_default();
    println!(
        "{what:<44} {seconds:>8.3} s  ({:.0} documents/s, {:.1} ms per document{memory})",
        n as f64 / seconds,
        seconds * 1000.0 / n as f64
    );
}

/// The Typst CLI on the very sources sagsgen generates, one process per document, two at a
/// time (what a script around the CLI would do): as it is usually called (it scans the
/// system's fonts at every start), and with `--ignore-system-fonts` (its fastest start).
fn compare_with_typst(root: &Path, typst: &Path, n: usize, sagsgen_cold: f64) {
    sagsgen(root, &["build", "--quiet", "--force", "--emit-typst"]);
    let sources: Vec<PathBuf> = (0..n)
        .map(|i| root.join(format!("output/c{i}.typ")))
        .collect();
    for (label, ignore_system_fonts) in [
        ("typst compile, 2 at a time (default fonts)", false),
        ("typst compile, 2 at a time, --ignore-system-fonts", true),
    ] {
        let start = Instant::now();
        typst_cli(typst, root, &sources, ignore_system_fonts);
        let cli = start.elapsed().as_secs_f64();
        report(label, cli, n, None);
        println!(
            "{:<44} {:>8.1}×",
            "  sagsgen's speed relative to it",
            cli / sagsgen_cold
        );
    }
}

fn typst_cli(typst: &Path, root: &Path, sources: &[PathBuf], ignore_system_fonts: bool) {
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    std::thread::scope(|scope| {
        for half in sources.chunks(sources.len().div_ceil(2)) {
            let fonts = &fonts;
            scope.spawn(move || {
                for source in half {
                    let mut cli = Command::new(typst);
                    cli.arg("compile")
                        .arg("--root")
                        .arg(root)
                        .arg("--font-path")
                        .arg(fonts);
                    if ignore_system_fonts {
                        cli.arg("--ignore-system-fonts");
                    }
                    cli.arg("--pdf-standard")
                        .arg("a-2a,ua-1")
                        .arg(source)
                        .arg(source.with_extension("cli.pdf"));
                    let status = cli.status().expect("run typst");
                    assert!(status.success(), "typst failed on {}", source.display());
                }
            });
        }
    });
}

fn write_cases(root: &Path, n: usize) {
    std::fs::create_dir_all(root.join("cases")).unwrap();
    std::fs::write(
        root.join("sagsgen.toml"),
        "[organisation]\nnavn = \"Benchmark Kommune\"\n[udvalg]\nOEU = \"Økonomiudvalget\"\nBR = \"Byrådet\"\nUSS = \"Udvalg for sociale forhold\"\n",
    )
    .unwrap();
    for i in 0..n {
        std::fs::write(
            root.join(format!("cases/c{i}.toml")),
            case(i, "Rammeaftale"),
        )
        .unwrap();
    }
    // `SAGSGEN_BENCH_MEETINGS=10`: a meeting for every ten cases, as an archive has them.
    let per_meeting: usize = std::env::var("SAGSGEN_BENCH_MEETINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if per_meeting > 0 {
        std::fs::create_dir_all(root.join("moeder")).unwrap();
        for m in 0..n.div_ceil(per_meeting) {
            let mut text = format!(
                "type = \"moede\"\nudvalg = \"USS\"\ndato = {}-{:02}-{:02}\n",
                2000 + m / 336,
                1 + (m / 28) % 12,
                1 + m % 28
            );
            for i in (m * per_meeting..(m + 1) * per_meeting).filter(|i| *i < n) {
                text.push_str(&format!("\n[[punkter]]\nsag = \"../cases/c{i}.toml\"\n"));
            }
            std::fs::write(root.join(format!("moeder/m{m:05}.toml")), text).unwrap();
        }
    }
}

/// A distinct beslutningssag the size of seed 001 (two pages, lists, links, decisions, bilag).
fn case(i: usize, word: &str) -> String {
    let sentence = format!(
        "{word} {i} fokuserer på de konkrete aftaler om styring og udvikling af en relevant og aktuel tilbudsvifte. "
    );
    let paragraphs: String = (0..7)
        .map(|p| format!("{}\n\n", sentence.repeat(3 + (i + p) % 4)))
        .collect();
    format!(
        r#"type = "beslutningssag"
udvalg = ["USS", "OEU"]
titel = "{word} {i}: sag om det specialiserede socialområde"
sagsnummer = "25/{i}"
beslutningskompetence = "BR"
dato = 2025-05-05
beslutningstema = "KKR Hovedstaden har anbefalet, at kommunerne godkender {word} {i}."
sagsfremstilling = '''
{paragraphs}
## Fokusområde

• Vi vil styrke kommunernes forudsætninger nummer {i}.
• Vi vil forpligte hinanden på at samarbejde.
'''
oekonomiske_konsekvenser = "Ingen bemærkninger."
borgerinddragelse = "Handicaprådet har høringsret."
det_videre_forloeb = "Sagen sendes til Byrådet."
indstilling = "Forvaltningen indstiller, at sag {i} godkendes."

[[lovgrundlag]]
titel = "Serviceloven"
henvisning = "LBK 102 af 29/01/2018"
url = "https://www.retsinformation.dk/eli/lta/2018/102"

[[beslutninger]]
udvalg = "USS"
dato = 2025-05-05
tekst = "Anbefalet."

[[bilag]]
dokumentnummer = "{}"
titel = "Bilag til sag {i}"
henvisning = "{i}/25"
"#,
        2_400_000 + i
    )
}

//! Benchmark: `sagsgen site` on a municipality's year — committees × 11 meetings × 20 items
//! (`SAGSGEN_BENCH_COMMITTEES`, default "5,10,20"; 20 is the year), every item a
//! beslutningssag of about 400 words, one in ten closed, with the public PDFs already
//! built (small stand-ins at the places `sagsgen build` writes them, so the site is
//! measured, not Typst). For each size: from cold, a no-op rerun and a rerun after one
//! case changed, each with the process's peak memory. There is no other tool that makes
//! this site from these files to compare with.
//!
//! `cargo bench --bench site` (release). Speed is reported here, never asserted in tests.

use std::path::Path;

mod common;

const MEETINGS: usize = 11;
const ITEMS: usize = 20;

fn main() {
    let sizes: Vec<usize> = std::env::var("SAGSGEN_BENCH_COMMITTEES")
        .unwrap_or_else(|_| "5,10,20".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!(
        "sagsgen site --no-build: committees × {MEETINGS} meetings × {ITEMS} items, {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:>10} {:>9} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "committees", "items", "cold s", "peak MB", "no-op s", "peak MB", "1 case s"
    );
    for committees in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        write_project(dir.path(), committees);
        let cold = common::sagsgen(dir.path(), &["site", "--no-build", "--quiet"]);
        let noop = common::sagsgen(dir.path(), &["site", "--no-build", "--quiet"]);
        let case = dir.path().join("cases/u01/m01/p01.toml");
        let text = std::fs::read_to_string(&case).unwrap();
        std::fs::write(&case, text.replace("Sagen handler", "Sagen drejer sig")).unwrap();
        let one = common::sagsgen(dir.path(), &["site", "--no-build", "--quiet"]);
        println!(
            "{committees:>10} {:>9} {:>10.3} {:>10} {:>10.3} {:>10} {:>10.3}",
            committees * MEETINGS * ITEMS,
            cold.seconds,
            cold.peak_mb,
            noop.seconds,
            noop.peak_mb,
            one.seconds
        );
    }
}

/// The project: `sagsgen.toml`, the meetings, their cases, and stand-ins for the built
/// public PDFs.
fn write_project(root: &Path, committees: usize) {
    let mut config = String::from("[organisation]\nnavn = \"Bench Kommune\"\n\n[udvalg]\n");
    for c in 1..=committees {
        config.push_str(&format!("U{c:02} = \"Udvalg nummer {c}\"\n"));
    }
    std::fs::write(root.join("sagsgen.toml"), config).unwrap();
    for c in 1..=committees {
        for m in 1..=MEETINGS {
            let dato = format!("2025-{:02}-{:02}", m, 10 + c % 15);
            let mut meeting = format!(
                "type = \"moede\"\nudvalg = \"U{c:02}\"\ndato = {dato}\ntid = \"15:00\"\nsted = \"Rådhuset\"\nmedlemmer = [\"A\", \"B\", \"C\"]\n"
            );
            let cases = root.join(format!("cases/u{c:02}/m{m:02}"));
            std::fs::create_dir_all(&cases).unwrap();
            for i in 1..=ITEMS {
                std::fs::write(cases.join(format!("p{i:02}.toml")), case(c, &dato, i)).unwrap();
                meeting.push_str(&format!(
                    "\n[[punkter]]\nsag = \"../cases/u{c:02}/m{m:02}/p{i:02}.toml\"\n"
                ));
            }
            let name = format!("u{c:02}-{dato}");
            std::fs::create_dir_all(root.join("moeder")).unwrap();
            std::fs::write(root.join(format!("moeder/{name}.toml")), meeting).unwrap();
            let built = root.join(format!("output/moeder/{name}"));
            std::fs::create_dir_all(&built).unwrap();
            for edition in [
                "dagsorden-offentlig",
                "referat-offentlig",
                "dagsorden-offentlig-med-bilag",
            ] {
                std::fs::write(
                    built.join(format!("{edition}.pdf")),
                    format!("%PDF-1.7 {name} {edition}"),
                )
                .unwrap();
            }
        }
    }
}

/// A beslutningssag of about 400 words with its decision at the meeting.
fn case(committee: usize, dato: &str, item: usize) -> String {
    let paragraph = "Sagen handler om kommunens opgaver på området og de valg, udvalget skal træffe. Forvaltningen har undersøgt mulighederne, talt med de berørte parter og vurderet økonomien i de forskellige løsninger, så udvalget kan træffe en beslutning på et oplyst grundlag.";
    let body = [paragraph; 6].join("\n\n");
    let adgang = if item.is_multiple_of(10) {
        "adgang = \"lukket\"\n"
    } else {
        ""
    };
    format!(
        "type = \"beslutningssag\"\ntitel = \"Punkt {item} om emne {committee}-{item}\"\nsagsnummer = \"25/{item}\"\nbeslutningskompetence = \"U{committee:02}\"\n{adgang}beslutningstema = \"Udvalget skal tage stilling.\"\nsagsfremstilling = \"\"\"\n{body}\n\"\"\"\noekonomiske_konsekvenser = \"Ingen.\"\nindstilling = \"Forvaltningen indstiller, at forslaget godkendes.\"\n\n[[beslutninger]]\nudvalg = \"U{committee:02}\"\ndato = {dato}\ntekst = \"Godkendt.\"\noffentlig_tekst = \"Godkendt.\"\n\n[[bilag]]\ntitel = \"Notat om sagen\"\n"
    )
}

//! Benchmark: a committee meeting of 40 items with 300 attachment pages in all, built into
//! its six files (dagsorden, referat, public editions, packets), as `sagsgen build` does it.
//!
//! `cargo bench --bench meeting` (release build). Prints the wall time of each run and the
//! median. Nothing here is asserted: speed is reported, not tested.

use std::path::Path;
use std::time::Instant;

use lopdf::{Document, Object, Stream, dictionary};
use sagsgen::batch::{self, Options, Outcome};
use sagsgen::project::Project;

const ITEMS: usize = 40;
const ATTACHMENTS: usize = 10;
const PAGES_PER_ATTACHMENT: usize = 30;
const RUNS: usize = 3;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write_project(root);
    let project = Project::load(root).expect("project");
    let meeting = root.join("moeder/bench.toml");
    let options = Options {
        output_dir: root.join("output"),
        write: true,
        emit_typst: false,
        jobs: 0,
        incremental: false,
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    let pages = ITEMS / 4 * PAGES_PER_ATTACHMENT;
    println!(
        "meeting: {ITEMS} items, every fourth with a {PAGES_PER_ATTACHMENT}-page attachment: {pages} attachment pages"
    );
    let mut times = Vec::new();
    for run in 1..=RUNS {
        // Every run starts cold, as a fresh `sagsgen` process does: no memoized layout.
        typst::comemo::evict(0);
        let start = Instant::now();
        let report = batch::run(
            &project,
            std::slice::from_ref(&meeting),
            &options,
            &|_| {},
            &never,
        )
        .expect("run");
        let elapsed = start.elapsed().as_secs_f64();
        let file = &report.files[0];
        let Outcome::Meeting { files, .. } = &file.outcome else {
            panic!(
                "the meeting did not build: {:?}",
                file.diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            );
        };
        let pages: Vec<String> = files.iter().map(|(n, p)| format!("{n} {p} p.")).collect();
        println!("run {run}: {elapsed:.2} s  ({})", pages.join(", "));
        times.push(elapsed);
    }
    times.sort_by(f64::total_cmp);
    println!("median: {:.2} s for all six files", times[RUNS / 2]);
}

fn write_project(root: &Path) {
    std::fs::create_dir_all(root.join("sager")).unwrap();
    std::fs::create_dir_all(root.join("bilag")).unwrap();
    std::fs::create_dir_all(root.join("moeder")).unwrap();
    std::fs::write(root.join("sagsgen.toml"), "[organisation]\nnavn = \"Benchmark Kommune\"\n[udvalg]\nOEU = \"Økonomiudvalget\"\nBR = \"Byrådet\"\n").unwrap();
    for a in 0..ATTACHMENTS {
        std::fs::write(root.join(format!("bilag/b{a}.pdf")), attachment(a)).unwrap();
    }
    let mut meeting = String::from(
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-05-05\ntid = \"15:00\"\nmedlemmer = [\"A\", \"B\", \"C\"]\n",
    );
    for i in 0..ITEMS {
        std::fs::write(root.join(format!("sager/s{i}.toml")), case(i)).unwrap();
        meeting.push_str(&format!("[[punkter]]\nsag = \"../sager/s{i}.toml\"\n"));
    }
    std::fs::write(root.join("moeder/bench.toml"), meeting).unwrap();
}

/// A seed-sized beslutningssag; every fourth item carries an attachment (300 pages in all).
fn case(i: usize) -> String {
    let paragraph = "Forvaltningen har gennemgået sagen og vurderer, at forslaget kan gennemføres inden for den afsatte ramme. Der er taget højde for de afledte driftsudgifter. ";
    let body: String = (0..6)
        .map(|p| format!("{}\n\n", paragraph.repeat(3 + p % 3)))
        .collect();
    let adgang = if i % 7 == 3 { "lukket" } else { "åben" };
    let attachment = if i.is_multiple_of(4) {
        format!(
            "[[bilag]]\ntitel = \"Bilag til sag {i}\"\ndokumentnummer = \"{}\"\nfil = \"../bilag/b{}.pdf\"\n",
            1000 + i,
            (i / 4) % ATTACHMENTS
        )
    } else {
        String::new()
    };
    format!(
        "type = \"beslutningssag\"\nudvalg = [\"OEU\"]\ntitel = \"Sag nummer {i} om kommunens budget\"\nsagsnummer = \"25/{i}\"\n\
         beslutningskompetence = \"BR\"\nadgang = \"{adgang}\"\nbeslutningstema = \"Tema for sag {i}.\"\n\
         sagsfremstilling = '''\n{body}## Baggrund\n\n- et\n- to\n'''\noekonomiske_konsekvenser = \"Ingen.\"\n\
         indstilling = \"Forvaltningen indstiller, at forslaget godkendes.\"\n\
         [[beslutninger]]\nudvalg = \"OEU\"\ndato = 2025-05-05\ntekst = \"Godkendt.\"\noffentlig_tekst = \"Godkendt.\"\n{attachment}"
    )
}

/// A plain multi-page PDF with text on every page.
fn attachment(n: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let mut kids: Vec<Object> = Vec::new();
    for p in 0..PAGES_PER_ATTACHMENT {
        let lines: String = (0..40).map(|l| format!("BT /F1 10 Tf 56 {} Td (Bilag {n}, side {p}, linje {l}: tekst om budgettet) Tj ET\n", 780 - l * 18)).collect();
        let content = doc.add_object(Stream::new(dictionary! {}, lines.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

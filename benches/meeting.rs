//! Benchmark: committee meetings of growing size, each item with its own multi-page
//! attachment (a distinct file of ~1.5 MB: text and a scanned-looking image on every page,
//! like the minutes and reports municipalities attach), built into all six files by the
//! real `sagsgen` binary as a fresh process. For each size it prints wall time and peak
//! memory, so growth shows — and, in the same run on the same pages, what the Typst CLI
//! needs for one plain document embedding every page, and what `qpdf` needs to merge the
//! files (each when it is on PATH).
//!
//! `cargo bench --bench meeting` (release build). Sizes: `SAGSGEN_BENCH_SIZES`, items ×
//! pages per attachment, default `10x28,25x28,50x28,100x28`; add `100x100` for a packet of
//! 10,000 pages. `SAGSGEN_BENCH_ATTACHMENTS=text` leaves the image out: text-light
//! attachments (~3 KB a page), where sagsgen's own work per page weighs most against the
//! CLI's. `SAGSGEN_BENCH_PROJECT=<folder>` measures a project of your own instead — real
//! agendas with real attachments: sagsgen builds everything in it (into a temporary folder;
//! nothing in the project changes but a scratch file, removed after), against the Typst CLI
//! embedding every page of every PDF in the project (outside `output/`) and qpdf merging
//! them. Speed is reported here, never asserted in tests.

use std::path::Path;

use lopdf::{Document, Object, Stream, dictionary};

mod common;

use common::{Measured, measure, sagsgen, which};

fn main() {
    if let Some(project) = std::env::var_os("SAGSGEN_BENCH_PROJECT") {
        return own_project(Path::new(&project));
    }
    let sizes = std::env::var("SAGSGEN_BENCH_SIZES")
        .unwrap_or_else(|_| "10x28,25x28,50x28,100x28".to_string());
    let typst = which("typst");
    let qpdf = which("qpdf");
    let kind = if scans() {
        "text and a scan"
    } else {
        "text only"
    };
    println!(
        "meetings: N items, each with its own attachment of P pages ({kind} on each); all six files built\n\
         {:>5} {:>6} {:>9}  {:>8} {:>8}  {:>8} {:>8}  {:>8} {:>8}",
        "items", "pages", "MB in", "sagsgen", "peak", "typst", "peak", "qpdf", "peak"
    );
    for size in sizes.split(',') {
        let Some((items, pages)) = size
            .split_once('x')
            .and_then(|(i, p)| Some((i.trim().parse().ok()?, p.trim().parse().ok()?)))
        else {
            eprintln!("not a size (items x pages): {size}");
            continue;
        };
        one_size(items, pages, typst.as_deref(), qpdf.as_deref());
    }
    if typst.is_none() {
        println!("(no `typst` on PATH: `cargo install typst-cli --version 0.15.1` to compare)");
    }
    if qpdf.is_none() {
        println!("(no `qpdf` on PATH: `apt-get install qpdf` to compare)");
    }
}

fn one_size(items: usize, pages: usize, typst: Option<&Path>, qpdf: Option<&Path>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let bytes = write_project(root, items, pages);
    if std::env::var_os("SAGSGEN_BENCH_KEEP").is_some() {
        // To look at by hand afterwards.
        let kept = dir.keep();
        eprintln!("project kept in {}", kept.display());
        return one_size_in(&kept, items, pages, bytes, typst, qpdf);
    }
    one_size_in(root, items, pages, bytes, typst, qpdf);
}

fn one_size_in(
    root: &Path,
    items: usize,
    pages: usize,
    bytes: usize,
    typst: Option<&Path>,
    qpdf: Option<&Path>,
) {
    let ours = sagsgen(root, &["build", "moeder", "--quiet", "--force"]);
    let packet = root.join("output/moeder/bench/dagsorden-med-bilag.pdf");
    let packet_pages = Document::load(&packet).map_or(0, |d| d.get_pages().len());
    assert!(
        packet_pages > items * pages,
        "the packet holds every attachment page ({packet_pages})"
    );
    let files: Vec<String> = (0..items).map(|i| format!("bilag/b{i}.pdf")).collect();
    let typst = typst.map(|t| typst_one_document(t, root, &files, pages));
    let qpdf = qpdf.map(|q| {
        let mut args = vec!["--empty", "--pages"];
        args.extend(files.iter().map(String::as_str));
        args.extend(["--", "merged.pdf"]);
        measure(q, &args, root)
    });
    let cell = |m: &Option<Measured>| match m {
        Some(m) if m.status == 0 => format!("{:>7.2}s {:>6}MB", m.seconds, m.peak_mb),
        Some(m) => {
            let why = m.complaint.as_deref().unwrap_or("");
            eprintln!("exit status {}: {why}", m.status);
            format!("{:>8} {:>8}", "failed", m.status)
        }
        None => format!("{:>8} {:>8}", "-", "-"),
    };
    println!(
        "{items:>5} {:>6} {:>8.0}M  {}  {}  {}",
        items * pages,
        bytes as f64 / 1e6,
        cell(&Some(ours)),
        cell(&typst),
        cell(&qpdf),
    );
}

/// The Typst CLI compiling one plain document that embeds every attachment page, one page
/// each — the engine's own cost for the pages of a packet.
fn typst_one_document(typst: &Path, root: &Path, files: &[String], pages: usize) -> Measured {
    let files: Vec<(String, usize)> = files.iter().map(|f| (f.clone(), pages)).collect();
    typst_embedding(typst, root, &files, "plain.typ", "plain.pdf")
}

/// The Typst CLI compiling, in `root`, a document `source` (written there) embedding every
/// page of each (file, pages), into `output`.
fn typst_embedding(
    typst: &Path,
    root: &Path,
    files: &[(String, usize)],
    source: &str,
    output: &str,
) -> Measured {
    let mut text = String::from("#set page(margin: 0pt)\n");
    for (file, pages) in files {
        let file = file.replace('\\', "\\\\").replace('"', "\\\"");
        text.push_str(&format!(
            "#for n in range(1, {pages} + 1) {{ page(image(\"{file}\", page: n, width: 100%, height: 100%)) }}\n"
        ));
    }
    std::fs::write(root.join(source), text).unwrap();
    measure(
        typst,
        &["compile", "--ignore-system-fonts", source, output],
        root,
    )
}

/// `SAGSGEN_BENCH_PROJECT`: a project of the user's own, measured once.
fn own_project(root: &Path) {
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().to_string_lossy().into_owned();
    let pdfs: Vec<(String, usize, u64)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != "output")
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
        })
        .filter_map(|e| {
            let pages = Document::load(e.path()).ok()?.get_pages().len();
            let rel = e
                .path()
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .into_owned();
            Some((rel, pages, e.metadata().ok()?.len()))
        })
        .collect();
    let pages: usize = pdfs.iter().map(|(_, p, _)| p).sum();
    let bytes: u64 = pdfs.iter().map(|(_, _, b)| b).sum();
    println!(
        "{}: {} PDFs (attachments) of {pages} pages, {:.0} MB",
        root.display(),
        pdfs.len(),
        bytes as f64 / 1e6
    );
    let ours = sagsgen(root, &["build", "--force", "--quiet", "-o", &out_dir]);
    println!(
        "  sagsgen, every file of the project: {:.2} s, {} MB",
        ours.seconds, ours.peak_mb
    );
    let files: Vec<(String, usize)> = pdfs.iter().map(|(f, p, _)| (f.clone(), *p)).collect();
    if let Some(typst) = which("typst") {
        // The source must lie in the project (Typst reads files below its own folder).
        let scratch = ".sagsgen-bench-plain.typ";
        let output = format!("{out_dir}/plain.pdf");
        let run = typst_embedding(&typst, root, &files, scratch, &output);
        let _ = std::fs::remove_file(root.join(scratch));
        report("Typst CLI, one document of every page", &run);
    }
    if let Some(qpdf) = which("qpdf") {
        let merged = format!("{out_dir}/merged.pdf");
        let mut args = vec!["--empty", "--pages"];
        args.extend(files.iter().map(|(f, _)| f.as_str()));
        args.extend(["--", merged.as_str()]);
        report("qpdf, merging them", &measure(&qpdf, &args, root));
    }
}

/// One comparison line of [`own_project`].
fn report(what: &str, run: &Measured) {
    match &run.complaint {
        None => println!("  {what}: {:.2} s, {} MB", run.seconds, run.peak_mb),
        Some(why) => println!("  {what}: failed ({}): {why}", run.status),
    }
}

/// A project with one meeting of `items` items, each a case with its own attachment;
/// the attachments' total size in bytes.
fn write_project(root: &Path, items: usize, pages: usize) -> usize {
    for dir in ["sager", "bilag", "moeder"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    std::fs::write(
        root.join("sagsgen.toml"),
        "[organisation]\nnavn = \"Benchmark Kommune\"\n[udvalg]\nBR = \"Byrådet\"\n",
    )
    .unwrap();
    let mut meeting = String::from(
        "type = \"moede\"\nudvalg = \"BR\"\ndato = 2025-10-09\ntid = \"17:00\"\nmedlemmer = [\"A\", \"B\", \"C\"]\n",
    );
    let mut bytes = 0;
    for i in 0..items {
        let pdf = attachment(i, pages);
        bytes += pdf.len();
        std::fs::write(root.join(format!("bilag/b{i}.pdf")), pdf).unwrap();
        std::fs::write(root.join(format!("sager/s{i}.toml")), case(i)).unwrap();
        meeting.push_str(&format!("[[punkter]]\nsag = \"../sager/s{i}.toml\"\n"));
    }
    std::fs::write(root.join("moeder/bench.toml"), meeting).unwrap();
    bytes
}

/// A budget item with its decision and one attachment.
fn case(i: usize) -> String {
    let paragraph = "Forvaltningen har gennemgået budgetforslaget og vurderer, at det kan gennemføres inden for den afsatte ramme. ";
    let body: String = (0..4)
        .map(|p| format!("{}\n\n", paragraph.repeat(3 + p % 3)))
        .collect();
    format!(
        "type = \"beslutningssag\"\ntitel = \"Budget 2026: område {i}\"\nsagsnummer = \"25/{i}\"\n\
         beslutningskompetence = \"BR\"\nbeslutningstema = \"Budget for område {i}.\"\n\
         sagsfremstilling = '''\n{body}'''\noekonomiske_konsekvenser = \"Se bilaget.\"\n\
         indstilling = \"Forvaltningen indstiller, at budgettet godkendes.\"\n\
         [[beslutninger]]\nudvalg = \"BR\"\ndato = 2025-10-09\ntekst = \"Godkendt.\"\n\
         [[bilag]]\ntitel = \"Budgetbilag for område {i}\"\ndokumentnummer = \"{}\"\nfil = \"../bilag/b{i}.pdf\"\n",
        5000 + i
    )
}

/// Whether the attachments' pages carry a scan (else text only).
fn scans() -> bool {
    std::env::var("SAGSGEN_BENCH_ATTACHMENTS").map_or(true, |kind| kind != "text")
}

/// A distinct multi-page PDF: on every page, lines of text and (unless [`scans`] says no) a
/// grey "scan" of 240×240 pixels that does not compress (pseudo-random, seeded by file and
/// page).
fn attachment(n: usize, pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64 ^ (n as u64).wrapping_mul(0x1000_0001);
    let mut kids: Vec<Object> = Vec::new();
    for p in 0..pages {
        let mut xobjects = lopdf::Dictionary::new();
        if scans() {
            let pixels: Vec<u8> = (0..240 * 240)
                .map(|_| {
                    // xorshift64: cheap noise, different for every file and page.
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 56) as u8
                })
                .collect();
            let image = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Image", "Width" => 240, "Height" => 240,
                    "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
                },
                pixels,
            ));
            xobjects.set("Im1", image);
        }
        let mut ops: String = (0..30)
            .map(|l| {
                format!(
                    "BT /F1 10 Tf 56 {} Td (Bilag {n}, side {}, linje {l}: budgettal og bemaerkninger) Tj ET\n",
                    780 - l * 14,
                    p + 1
                )
            })
            .collect();
        if scans() {
            ops.push_str("q 240 0 0 240 177 60 cm /Im1 Do Q\n");
        }
        let content = doc.add_object(Stream::new(dictionary! {}, ops.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font },
                "XObject" => xobjects,
            },
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

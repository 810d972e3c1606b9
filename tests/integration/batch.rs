//! Batch builds: incremental rebuilds, --force, fault isolation, interruption.

use std::path::Path;
use std::time::SystemTime;

use crate::common::{Project, Spawned, notat};

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

fn project_with(n: usize) -> Project {
    let project = Project::empty();
    for i in 0..n {
        project.write(
            &format!("cases/c{i}.toml"),
            notat("").replace("Et notat", &format!("Notat {i}")),
        );
    }
    project
}

#[test]
fn an_unchanged_project_is_not_rebuilt_and_nothing_is_written() {
    let project = project_with(5);
    assert_eq!(project.run(&["build"]).code, 0);
    let out = project.path().join("output");
    let before: Vec<SystemTime> = (0..5)
        .map(|i| mtime(&out.join(format!("c{i}.pdf"))))
        .collect();
    let cache_before = mtime(&out.join(".sagsgen-cache.json"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("Færdig: 0 lavet, 5 uændret"),
        "{}",
        run.stderr
    );
    let after: Vec<SystemTime> = (0..5)
        .map(|i| mtime(&out.join(format!("c{i}.pdf"))))
        .collect();
    assert_eq!(before, after, "no PDF rewritten");
    assert_eq!(
        cache_before,
        mtime(&out.join(".sagsgen-cache.json")),
        "nothing written at all"
    );
}

#[test]
fn a_changed_case_rebuilds_only_itself() {
    let project = project_with(4);
    assert_eq!(project.run(&["build"]).code, 0);
    project.write(
        "cases/c2.toml",
        notat("").replace("Et notat", "Ændret titel"),
    );
    let run = project.run(&["build"]);
    assert!(
        run.stderr.contains("Lavet output/c2.pdf") && run.stderr.contains("1 lavet, 3 uændret"),
        "{}",
        run.stderr
    );
    assert!(project.text("output/c2.pdf").contains("Ændret titel"));
}

#[test]
fn templates_config_and_force_rebuild_everything() {
    let project = project_with(3);
    assert_eq!(project.run(&["build"]).code, 0);
    project.write(
        "templates/notat.typ.j2",
        "#heading(depth: 1)[Skabelon {{ doc.titel }}]\n",
    );
    let run = project.run(&["build"]);
    assert!(
        run.stderr.contains("3 lavet"),
        "a template change rebuilds all: {}",
        run.stderr
    );
    assert!(project.text("output/c1.pdf").contains("Skabelon Notat 1"));
    project.write("sagsgen.toml", "[organisation]\nnavn = \"Ny Kommune\"\n");
    let run = project.run(&["build"]);
    assert!(
        run.stderr.contains("3 lavet"),
        "a sagsgen.toml change rebuilds all: {}",
        run.stderr
    );
    assert!(
        project
            .run(&["build"])
            .stderr
            .contains("0 lavet, 3 uændret")
    );
    let run = project.run(&["build", "--force"]);
    assert!(
        run.stderr.contains("3 lavet") && !run.stderr.contains("uændret"),
        "{}",
        run.stderr
    );
}

#[test]
fn deleted_outputs_and_fixed_failures_are_rebuilt() {
    let project = project_with(2);
    assert_eq!(project.run(&["build"]).code, 0);
    std::fs::remove_file(project.path().join("output/c0.pdf")).unwrap();
    assert!(
        project
            .run(&["build"])
            .stderr
            .contains("1 lavet, 1 uændret")
    );
    assert!(project.exists("output/c0.pdf"));
    project.write("cases/c1.toml", "type = \"notat\"\n");
    assert_eq!(project.run(&["build"]).code, 1);
    assert_eq!(
        project.run(&["build"]).code,
        1,
        "a failed case is tried again, and fails again"
    );
    project.write("cases/c1.toml", notat(""));
    assert!(
        project
            .run(&["build"])
            .stderr
            .contains("1 lavet, 1 uændret")
    );
}

#[test]
fn a_changed_attachment_rebuilds_its_meeting() {
    let project = Project::examples();
    assert_eq!(project.run(&["build", "moeder"]).code, 0);
    assert!(
        project
            .run(&["build", "moeder"])
            .stderr
            .contains("0 lavet, 1 uændret")
    );
    let other = project.read("bilag/vurdering-grund.pdf");
    project.write("bilag/teknisk-bilag-styringsaftale.pdf", other);
    let run = project.run(&["build", "moeder"]);
    assert!(run.stderr.contains("1 lavet"), "{}", run.stderr);
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the deliberate test panic exists in debug builds only"
)]
fn a_panic_in_one_document_does_not_stop_the_others() {
    let project = project_with(3);
    let out = crate::common::sagsgen()
        .arg("build")
        .current_dir(project.path())
        .env("SAGSGEN_TEST_PANIC", "c1.toml")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("sagsgen fejlede uventet på denne fil: a deliberate test panic"),
        "{stderr}"
    );
    assert!(project.exists("output/c0.pdf") && project.exists("output/c2.pdf"));
    assert!(!project.exists("output/c1.pdf"));
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_keeps_whole_pdfs_and_leaves_no_temp_files() {
    const TOTAL: usize = 800;
    let project = project_with(TOTAL);
    let mut run = Spawned::start(project.path(), &["build", "--jobs", "1"], &[]);
    // Interrupt once the build is under way: after its first PDF.
    run.wait_for("Lavet ");
    run.interrupt();
    let (code, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("ikke startet (afbrudt)"), "{stderr}");
    let mut pdfs = 0;
    for entry in std::fs::read_dir(project.path().join("output")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file left behind: {name}"
        );
        if name.ends_with(".pdf") {
            pdfs += 1;
            let bytes = project.read(&format!("output/{name}"));
            assert!(
                bytes.trim_ascii_end().ends_with(b"%%EOF"),
                "{name} is whole"
            );
        }
    }
    assert!((1..TOTAL).contains(&pdfs), "the run stopped early: {pdfs}");
    let rerun = project.run(&["build"]);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    let expected = if pdfs == 0 {
        format!("{TOTAL} lavet")
    } else {
        format!("{} lavet, {pdfs} uændret", TOTAL - pdfs)
    };
    assert!(
        rerun.stderr.contains(&expected),
        "what was built is kept: {}",
        rerun.stderr
    );
}

#[test]
fn a_changed_item_case_rebuilds_its_meeting() {
    let project = Project::examples();
    assert_eq!(project.run(&["build", "moeder"]).code, 0);
    let case = "cases/2020/salg-af-grund-industrivej.toml";
    let text = String::from_utf8(project.read(case)).unwrap();
    project.write(
        case,
        text.replace(
            "Salg af grund på Industrivej",
            "Salg af grunden på Industrivej",
        ),
    );
    let run = project.run(&["build", "moeder"]);
    assert!(run.stderr.contains("1 lavet"), "{}", run.stderr);
    let agenda = project.text("output/moeder/uss-2020-11-02/dagsorden.pdf");
    assert!(
        agenda.contains("Salg af grunden på Industrivej"),
        "{agenda}"
    );
}

/// The files a traced run read, in the order it read them.
fn reads(stderr: &str) -> Vec<&str> {
    let mut read: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("trace: reading "))
        .collect();
    read.sort_unstable();
    read
}

#[test]
fn every_file_is_read_once_a_run_though_meetings_and_cases_share_them() {
    let project = Project::examples();
    // More cases than workers, so cases are built while others wait their turn.
    for i in 0..6 {
        project.write(
            &format!("cases/extra/c{i}.toml"),
            notat("").replace("Et notat", &format!("Notat {i}")),
        );
    }
    // A second meeting shares a case with the first and includes two of the new ones.
    project.write(
        "moeder/oeu-2025-06-02.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-02\n\n[[punkter]]\nsag = \"../cases/2020/salg-af-grund-industrivej.toml\"\n\n[[punkter]]\nsag = \"../cases/extra/c1.toml\"\n\n[[punkter]]\nsag = \"../cases/extra/c4.toml\"\n",
    );
    let trace = [("SAGSGEN_TEST_TRACE", "1")];
    let run = project.run_with(&["build"], &trace);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files: Vec<String> = walk(&project.path().join("cases"))
        .into_iter()
        .chain(walk(&project.path().join("moeder")))
        .collect();
    files.sort();
    assert_eq!(files.len(), 12, "{files:?}");
    assert_eq!(reads(&run.stderr), files, "{}", run.stderr);
    assert!(run.stderr.contains("12 lavet"), "{}", run.stderr);
    // A run with nothing to build reads each once too, and builds nothing.
    let again = project.run_with(&["build"], &trace);
    assert_eq!(reads(&again.stderr), files, "{}", again.stderr);
    assert!(again.stderr.contains("12 uændret"), "{}", again.stderr);
}

/// The `.toml` files under a folder, by path from the project root.
fn walk(dir: &Path) -> Vec<String> {
    let root = dir.parent().unwrap();
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.path().strip_prefix(root).unwrap().display().to_string())
        .collect()
}

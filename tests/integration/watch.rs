//! `sagsgen watch`: saved changes are rebuilt, errors do not stop it, new files are built.

use std::time::{Duration, Instant};

use crate::common::{Project, notat};

/// Waits (up to 20 s) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Starts `sagsgen watch` in the project, its messages going to a log file.
fn spawn_watch(project: &Project) -> (std::process::Child, std::path::PathBuf) {
    let log = project.path().join("watch.log");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_sagsgen"))
        .arg("watch")
        .current_dir(project.path())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    (child, log)
}

#[cfg(unix)]
#[test]
fn watch_rebuilds_what_changes_and_keeps_going_after_errors() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        notat("").replace("Et notat", "Første udgave"),
    );
    let (child, log) = spawn_watch(&project);
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
    let pdf_says = |rel: &str, text: &str| project.exists(rel) && project.text(rel).contains(text);
    eventually("the first build", || {
        pdf_says("output/a.pdf", "Første udgave")
    });

    project.write(
        "cases/a.toml",
        notat("").replace("Et notat", "Anden udgave"),
    );
    eventually("a rebuild after a save", || {
        pdf_says("output/a.pdf", "Anden udgave")
    });

    project.write("cases/a.toml", "type = \"notat\"\ntitel = 5\n");
    eventually("the error of a broken save", || {
        log_text().contains("`titel` must be text in quotes")
    });
    assert!(
        pdf_says("output/a.pdf", "Anden udgave"),
        "the good PDF is kept"
    );

    project.write(
        "cases/a.toml",
        notat("").replace("Et notat", "Tredje udgave"),
    );
    project.write(
        "cases/b.toml",
        notat("").replace("Et notat", "Et nyt notat"),
    );
    eventually("the fix and the new file", || {
        pdf_says("output/a.pdf", "Tredje udgave") && pdf_says("output/b.pdf", "Et nyt notat")
    });
    assert!(log_text().contains("watching"), "{}", log_text());

    // SAFETY: sends SIGINT (Ctrl-C) to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let status = child.wait_with_output().unwrap().status;
    assert!(status.code().is_some(), "watch stops on Ctrl-C: {status:?}");
}

#[cfg(unix)]
#[test]
fn watch_waits_quietly_for_a_broken_sagsgen_toml_to_be_fixed() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[pdf]\nstandard = \"a-9z\"\n");
    project.write("cases/a.toml", notat(""));
    let (child, log) = spawn_watch(&project);
    let errors = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .matches("is not a PDF/A level")
            .count()
    };
    eventually("the error", || errors() == 1);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        errors(),
        1,
        "said once, not again and again while nothing changes"
    );
    project.write("sagsgen.toml", "[pdf]\nstandard = \"a-2b\"\n");
    eventually("the build once it is fixed", || {
        project.exists("output/a.pdf")
    });
    // SAFETY: sends SIGINT (Ctrl-C) to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    child.wait_with_output().unwrap();
}

//! `sagsgen watch`: saved changes are rebuilt, errors do not stop it, new files are built.

use std::time::{Duration, Instant};

use crate::common::{Project, Spawned, notat};

/// Waits (up to 20 s) until `done` holds, looking at the files a few times a second.
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

#[cfg(unix)]
#[test]
fn watch_rebuilds_what_changes_and_keeps_going_after_errors() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        notat("").replace("Et notat", "Første udgave"),
    );
    let mut watch = Spawned::start(project.path(), &["watch"], &[]);
    let pdf_says = |rel: &str, text: &str| project.exists(rel) && project.text(rel).contains(text);
    watch.wait_for("holder øje med");
    assert!(pdf_says("output/a.pdf", "Første udgave"));

    project.write(
        "cases/a.toml",
        notat("").replace("Et notat", "Anden udgave"),
    );
    eventually("a rebuild after a save", || {
        pdf_says("output/a.pdf", "Anden udgave")
    });

    project.write("cases/a.toml", "type = \"notat\"\ntitel = 5\n");
    watch.wait_for("`titel` skal være en tekst i anførselstegn");
    watch.wait_for("holder øje med");
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

    watch.interrupt();
    let (code, _) = watch.finish();
    assert!(code.is_some(), "watch stops on Ctrl-C");
}

#[cfg(unix)]
#[test]
fn watch_waits_quietly_for_a_broken_sagsgen_toml_to_be_fixed() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[pdf]\nstandard = \"a-9z\"\n");
    project.write("cases/a.toml", notat(""));
    let mut watch = Spawned::start(project.path(), &["watch"], &[]);
    watch.wait_for("er ikke et PDF/A-niveau");
    project.write("sagsgen.toml", "[pdf]\nstandard = \"a-2b\"\n");
    watch.wait_for("holder øje med");
    assert!(project.exists("output/a.pdf"), "built once it is fixed");
    assert_eq!(
        watch.count("er ikke et PDF/A-niveau"),
        1,
        "said once, not again and again while nothing changed: {:?}",
        watch.seen
    );
    watch.interrupt();
    watch.finish();
}

//! `sagsgen watch`: rebuild what a saved change affects, until stopped.
//!
//! Changes are noticed by looking at the project's files (names, sizes, modification times)
//! a few times a second; what to rebuild is decided by the same fingerprints as
//! `sagsgen build`, so a case rebuilds that case and the meetings that include it, and a
//! template or `sagsgen.toml` rebuilds everything. New files are picked up.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use super::batch::{INTERRUPTED, resolve, run_and_report, watch_for_interrupt};
use super::progress::Doing;
use super::{BuildArgs, Exit, GlobalArgs};
use crate::batch::Options;

/// How often the project is looked at.
const POLL: Duration = Duration::from_millis(300);

/// Runs `sagsgen watch`.
pub fn run(global: &GlobalArgs, args: &BuildArgs) -> Exit {
    watch_for_interrupt();
    let mut last: Option<Vec<(PathBuf, u64, Option<SystemTime>)>> = None;
    loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Exit::Ok;
        }
        let folder = args
            .project
            .root
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        // Taken before the project is read, so a fix saved while the error is being
        // printed is not missed.
        let before = snapshot(&folder, args);
        let inputs = match resolve(global, &args.project, args.output.as_deref()) {
            Ok(inputs) => inputs,
            Err(Exit::Usage) => return Exit::Usage,
            Err(_) => {
                // A broken sagsgen.toml, said once: wait until a file changes, then try again.
                wait_until_changed(&folder, args, &before);
                last = None;
                continue;
            }
        };
        let root = inputs.project.root.clone();
        let state = if folder.canonicalize().is_ok_and(|f| f == root) {
            before
        } else {
            snapshot(&root, args)
        };
        if last.as_ref() != Some(&state) {
            last = Some(state);
            let output_dir = crate::project::output_dir(&root, args.output.as_deref());
            let options = Options {
                output_dir,
                write: true,
                emit_typst: args.emit_typst,
                jobs: args.jobs,
                incremental: true,
            };
            let start = Instant::now();
            run_and_report(global, &inputs, &options, Doing::Build);
            let took = format!("{:.0}", start.elapsed().as_secs_f64() * 1000.0);
            let folder = dunce::simplified(&root).display().to_string();
            eprintln!(
                "{}",
                crate::tr!("watch-watching", ms = took, folder = folder)
            );
        }
        std::thread::sleep(POLL);
    }
}

fn wait_until_changed(
    folder: &Path,
    args: &BuildArgs,
    before: &[(PathBuf, u64, Option<SystemTime>)],
) {
    while !INTERRUPTED.load(Ordering::SeqCst) && snapshot(folder, args) == before {
        std::thread::sleep(POLL);
    }
}

/// Every file of the project that a build can depend on, with size and modification time.
fn snapshot(root: &Path, args: &BuildArgs) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let output = crate::project::output_dir(root, args.output.as_deref());
    let output = output.canonicalize().unwrap_or(output);
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_output = e.path().canonicalize().is_ok_and(|p| p == output);
            !hidden && !is_output && e.file_name() != "target"
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files
}

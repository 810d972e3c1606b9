//! What the benchmarks share: running a program as a child process and measuring its wall
//! time and peak memory as the OS counts them, and finding programs to compare with.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What one run of a program took.
pub struct Measured {
    /// Wall time in seconds.
    pub seconds: f64,
    /// Peak resident memory in MB.
    pub peak_mb: i64,
    /// Exit status.
    pub status: i32,
    /// The last line it wrote to standard error, when it failed.
    pub complaint: Option<String>,
}

/// Runs `program ARGS` in `dir`, its output discarded; time and peak memory.
// The child is reaped by `wait4` (which also reports its memory), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
pub fn measure(program: &Path, args: &[&str], dir: &Path) -> Measured {
    // Standard error goes to a file, read only when the run failed (a pipe left unread
    // could fill and stall the child).
    let errors = tempfile::tempfile().expect("a file for standard error");
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(errors.try_clone().expect("the file for standard error"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    let (status, rss_kib) = wait_with_peak_rss(child.id());
    let seconds = start.elapsed().as_secs_f64();
    Measured {
        seconds,
        peak_mb: rss_kib / 1024,
        status,
        complaint: (status != 0).then(|| last_line(errors)),
    }
}

/// The last non-empty line of a file.
fn last_line(mut file: std::fs::File) -> String {
    use std::io::{Read, Seek};
    let mut text = String::new();
    let _ = file.rewind();
    let _ = file.read_to_string(&mut text);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Runs the sagsgen binary of this build; panics when it fails.
pub fn sagsgen(dir: &Path, args: &[&str]) -> Measured {
    let run = measure(Path::new(env!("CARGO_BIN_EXE_sagsgen")), args, dir);
    assert!(
        run.status == 0,
        "sagsgen {args:?} failed ({}): {}",
        run.status,
        run.complaint.as_deref().unwrap_or("")
    );
    run
}

/// Waits for a child; its exit status and peak RSS (KiB), as the OS measured them.
fn wait_with_peak_rss(pid: u32) -> (i32, i64) {
    // SAFETY: wait4 reaps our own child and writes only into the zeroed structs passed in.
    unsafe {
        let mut status = 0;
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage);
        (libc::WEXITSTATUS(status), usage.ru_maxrss)
    }
}

/// A program on PATH, if there is one.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

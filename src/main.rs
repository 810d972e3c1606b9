//! The `sagsgen` binary: parse the command line, run it, exit with its status.

fn main() -> std::process::ExitCode {
    steady_malloc();
    sagsgen::cli::main()
}

/// Caps glibc's malloc arenas at two per core (its default is eight). Typst lays pages out
/// on every core, and memory freed on one thread's arena is not reused by another, so with
/// many arenas a meeting's peak memory varied from run to run — 600 MB usually, 800 MB to
/// 1.2 GB now and then, for a 3,852-page meeting — where with four it stays at 600 MB, as
/// fast. `MALLOC_ARENA_MAX` in the environment still wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn steady_malloc() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let arenas = i32::try_from(cores * 2).unwrap_or(i32::MAX);
    // SAFETY: mallopt only sets a tuning parameter of the allocator; called before any
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn steady_malloc() {}

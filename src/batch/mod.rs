//! Batches: every input file of a run goes through the pipeline in parallel; each gets a
//! report, and one bad (or panicking) file never stops the others. Unchanged inputs are
//! not rebuilt (see [`cache`]).

pub mod cache;
mod job;
mod order;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

pub use job::{Context, FileReport, Outcome, process};

use crate::diag::{Diagnostic, shown_path};
use crate::engine::{Engine, FileCache};
use crate::loader::{Loaded, Loader};
use crate::project::Project;
use crate::render::templates::Templates;
use crate::tr;
use crate::typeset::Typesetter;
use cache::{Cache, Entry, input_fingerprint, project_fingerprint};

/// Stack size of the worker threads that typeset documents (the main thread's is 8 MiB;
/// Typst's layout recurses, so workers get room to spare; pages are committed only as used).
const WORKER_STACK: usize = 16 * 1024 * 1024;

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where PDFs go.
    pub output_dir: PathBuf,
    /// Whether to write (build) or only validate (check).
    pub write: bool,
    /// Whether to write the generated Typst beside each PDF.
    pub emit_typst: bool,
    /// Worker threads; 0 = all cores.
    pub jobs: usize,
    /// Whether inputs unchanged since the last build are skipped.
    pub incremental: bool,
}

/// The outcome of a batch.
#[derive(Debug, Default)]
pub struct Report {
    /// One report per input file, in input order.
    pub files: Vec<FileReport>,
}

impl Report {
    /// Files that were built (or would be, for check), all of their PDFs.
    pub fn built(&self) -> usize {
        self.files
            .iter()
            .filter(|r| {
                matches!(
                    r.outcome,
                    Outcome::Built { .. } | Outcome::Meeting { .. } | Outcome::NoDocuments { .. }
                )
            })
            .filter(|r| !r.has_errors())
            .count()
    }

    /// Meetings built without some of their PDFs (a packet whose attachment is unusable).
    pub fn incomplete(&self) -> usize {
        self.files
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Meeting { .. }) && r.has_errors())
            .count()
    }

    /// Files left alone because nothing they depend on changed.
    pub fn unchanged(&self) -> usize {
        self.count(|o| *o == Outcome::Unchanged)
    }

    /// Files with errors.
    pub fn failed(&self) -> usize {
        self.count(|o| *o == Outcome::Failed)
    }

    /// Files not reached because the run was interrupted.
    pub fn interrupted(&self) -> usize {
        self.count(|o| *o == Outcome::Interrupted)
    }

    /// Warnings over all files.
    pub fn warnings(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| !d.is_error())
            .count()
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.files.iter().filter(|r| f(&r.outcome)).count()
    }
}

/// What the cache needs of an input once it is built: its key and fingerprint.
struct Planned {
    key: String,
    fingerprint: String,
}

/// Runs every input file of a project through the pipeline.
///
/// `observe` is called (from worker threads) as each file finishes; once `interrupted` is
/// set, files not yet started are left alone and reported as interrupted.
///
/// Memory stays flat however long the batch: each input is loaded, fingerprinted and built
/// by one worker in one go, and let go of. A meeting of the meetings folder is built just
/// before the cases it includes, which wait for its load and are handed over from it
/// ([`order`]), so every file is still read and parsed once a run.
pub fn run(
    project: &Project,
    files: &[PathBuf],
    options: &Options,
    observe: &(dyn Fn(&FileReport) + Sync),
    interrupted: &AtomicBool,
) -> Result<Report, Diagnostic> {
    let mut cache = if options.incremental {
        Cache::load(&options.output_dir)
    } else {
        Cache::default()
    };
    let project_fp = project_fingerprint(project, options.emit_typst);
    let loader = Loader::lean(project);
    // The run's one file cache: fingerprints hash attachments through it, and Typst
    // embeds them from it, so each attachment is read once a run.
    let cache_of_files = Arc::new(FileCache::new(crate::engine::file_cache::BUDGET));
    let order = order::plan(project, files, &loader);
    // A meeting's gate opens once it is loaded: the cases it hands over wait for it.
    let loaded_gates: Vec<order::Latch> = files.iter().map(|_| order::Latch::default()).collect();
    // Made when the first file needs building: a run that builds nothing loads no fonts.
    let engine: OnceLock<Result<Engine, Diagnostic>> = OnceLock::new();
    let no_engine = AtomicBool::new(false);
    let templates = Templates::new(&project.root);
    let planned: Vec<Mutex<Option<Planned>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let build = |index: usize| {
        let input = &files[index];
        let gate = order::OpensOnDrop(&loaded_gates[index]);
        if interrupted.load(Ordering::SeqCst) || no_engine.load(Ordering::SeqCst) {
            return FileReport::bare(input, Outcome::Interrupted);
        }
        if let Some(meeting) = order.after[index] {
            loaded_gates[meeting].wait();
        }
        let loaded = loader.take(input);
        drop(gate);
        // This run reports the file's own problems with the file itself, and a case it
        // includes that the run builds on its own reports its own, whichever comes first.
        loaded.claim();
        for case in &loaded.included {
            if order.inputs.contains(&case.path) {
                case.claim();
            }
        }
        let plan = Planned {
            key: cache_key(project, &loaded),
            fingerprint: input_fingerprint(&project_fp, &loaded, &cache_of_files),
        };
        let fresh = options.incremental
            && cache.is_fresh(&plan.key, &plan.fingerprint, &options.output_dir);
        *planned[index].lock().unwrap_or_else(|e| e.into_inner()) = Some(plan);
        if fresh {
            FileReport::bare(input, Outcome::Unchanged)
        } else {
            let made = engine.get_or_init(|| {
                Ok(Engine::with_files(&project.root, cache_of_files.clone())?.with_lean_packets())
            });
            let Ok(engine) = made else {
                no_engine.store(true, Ordering::SeqCst);
                return FileReport::bare(input, Outcome::Interrupted);
            };
            let ctx = Context {
                project,
                typesetter: Typesetter::new(&templates, engine),
                output_dir: options.output_dir.clone(),
                write: options.write,
                emit_typst: options.emit_typst,
            };
            isolated(&ctx, input, &loaded)
        }
    };
    let one = |index: usize| {
        let report = build(index);
        observe(&report);
        report
    };
    let in_order = in_parallel(files.len(), options.jobs, |at| one(order.build[at]))?;
    let mut by_input: Vec<Option<FileReport>> = files.iter().map(|_| None).collect();
    for (at, report) in in_order.into_iter().enumerate() {
        by_input[order.build[at]] = Some(report);
    }
    let reports: Vec<FileReport> = by_input
        .into_iter()
        .map(|r| r.expect("every input was built once"))
        .collect();
    if let Some(Err(d)) = engine.into_inner() {
        return Err(d);
    }
    if options.write && options.incremental {
        let planned: Vec<Option<Planned>> = planned
            .into_iter()
            .map(|p| p.into_inner().unwrap_or_else(|e| e.into_inner()))
            .collect();
        update_cache(&mut cache, &planned, &reports, &options.output_dir);
    }
    Ok(Report { files: reports })
}

/// An input's key in the cache: its path from the project root, with `/`.
fn cache_key(project: &Project, loaded: &Loaded) -> String {
    loaded
        .path
        .strip_prefix(&project.root)
        .unwrap_or(&loaded.path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Runs `job(0..count)` on `jobs` threads (0 = one per core), results in index order.
///
/// Plain threads pulling from a shared counter, not a rayon pool: Typst parallelises inside
/// a document with rayon, and a rayon worker that waits there steals other queued work onto
/// its own stack. With documents queued in the same pool, documents ran nested inside
/// documents: stacks overflowed and memory grew with the length of the batch.
fn in_parallel(
    count: usize,
    jobs: usize,
    job: impl Fn(usize) -> FileReport + Sync,
) -> Result<Vec<FileReport>, Diagnostic> {
    let threads = if jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        jobs
    };
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<FileReport>>> = (0..count).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(count.max(1)))
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, || {
                        loop {
                            let index = next.fetch_add(1, Ordering::SeqCst);
                            if index >= count {
                                break;
                            }
                            let report = job(index);
                            *results[index].lock().unwrap_or_else(|e| e.into_inner()) =
                                Some(report);
                        }
                    })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.map(|_| ()))
    })
    .map_err(|e| Diagnostic::error(tr!("threads-unavailable", reason = e.to_string())))?;
    Ok(results
        .into_iter()
        .map(|r| {
            r.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every index was run")
        })
        .collect())
}

/// Runs one file, turning a panic anywhere below (our code or a dependency's) into an error
/// for that file alone.
fn isolated(ctx: &Context<'_>, input: &Path, loaded: &Loaded) -> FileReport {
    match catch_unwind(AssertUnwindSafe(|| process(ctx, input, loaded))) {
        Ok(report) => report,
        Err(payload) => {
            typst::comemo::evict(2);
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "?".to_string());
            let d = Diagnostic::error(tr!("internal-failure", detail = what))
                .with_path(shown_path(input));
            FileReport {
                input: input.to_path_buf(),
                outcome: Outcome::Failed,
                diagnostics: vec![d],
            }
        }
    }
}

/// Records what was built, forgets what failed, keeps what was not reached; saves only if
/// something changed (a run that builds nothing writes nothing).
fn update_cache(
    cache: &mut Cache,
    planned: &[Option<Planned>],
    reports: &[FileReport],
    output_dir: &Path,
) {
    let mut changed = false;
    for (p, r) in planned.iter().zip(reports) {
        // Not reached (interrupted): nothing to record.
        let Some(p) = p else { continue };
        let outputs: Vec<PathBuf> = match &r.outcome {
            // Built in part: next run tries the rest again (and says why it cannot).
            _ if r.has_errors() => {
                changed |= cache.forget(&p.key);
                continue;
            }
            Outcome::Built { output, .. } => vec![output.clone()],
            Outcome::NoDocuments { .. } => Vec::new(),
            Outcome::Meeting { folder, files } => {
                files.iter().map(|(name, _)| folder.join(name)).collect()
            }
            Outcome::Failed => {
                changed |= cache.forget(&p.key);
                continue;
            }
            Outcome::Unchanged | Outcome::Interrupted => continue,
        };
        let outputs = outputs
            .iter()
            .map(|o| {
                o.strip_prefix(output_dir)
                    .unwrap_or(o)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        changed |= cache.record(
            p.key.clone(),
            Entry {
                fingerprint: p.fingerprint.clone(),
                outputs,
            },
        );
    }
    if changed {
        // A lost cache only costs a rebuild next time; the PDFs themselves are written.
        let _ = cache.save(output_dir);
    }
}

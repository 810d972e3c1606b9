//! `sagsgen serve`: a live preview on 127.0.0.1. The overview lists the project's
//! documents; a document's page shows its pages (SVG from the very compile that makes its
//! PDF) beside its problems, and updates itself when a file it is made from is saved
//! (server-sent events). Only the project's own documents are served, from memory: a path
//! that is not one of them is not found, whatever it names.

pub mod door;
pub mod html;
pub mod workspace;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use futures_util::StreamExt as _;
use serde::Deserialize;
use tokio::sync::{broadcast, watch};
use tokio_stream::wrappers::BroadcastStream;

use crate::diag::Diagnostic;
use crate::tr;
use workspace::Workspace;

/// What the handlers share.
#[derive(Clone)]
struct Shared {
    workspace: Arc<Mutex<Workspace>>,
    /// Names of documents that changed ("*": all of them).
    changes: broadcast::Sender<String>,
    /// Set when the server stops, so open event streams end.
    stopping: watch::Receiver<bool>,
}

/// How the preview is started.
pub struct Options {
    /// The project.
    pub root: PathBuf,
    /// The port (0: a free one).
    pub port: u16,
    /// Whether to open the overview in the browser.
    pub open: bool,
}

/// Runs the preview until Ctrl-C. `started` is told the address it listens on.
pub fn run(options: &Options, started: &dyn Fn(&str)) -> Result<(), Vec<Diagnostic>> {
    let workspace = Workspace::open(&options.root)?;
    let root = workspace.root().to_path_buf();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            vec![Diagnostic::error(tr!(
                "serve-cannot-start",
                reason = e.to_string()
            ))]
        })?;
    runtime.block_on(async move {
        let (changes, _) = broadcast::channel(64);
        let (stop, stopping) = watch::channel(false);
        let shared = Shared {
            workspace: Arc::new(Mutex::new(workspace)),
            changes,
            stopping,
        };
        let _watcher = watch_files(&root, shared.clone()).map_err(|e| {
            vec![Diagnostic::error(tr!(
                "serve-cannot-watch",
                folder = dunce::simplified(&root).display().to_string(),
                reason = e.to_string()
            ))]
        })?;
        // Loopback only: the preview is for the person at this machine.
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port));
        let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
            vec![Diagnostic::error(tr!(
                "serve-cannot-listen",
                address = address.to_string(),
                reason = crate::i18n::io_error(&e)
            ))]
        })?;
        let bound = listener.local_addr().map_err(|e| {
            vec![Diagnostic::error(tr!(
                "serve-stopped",
                reason = crate::i18n::io_error(&e)
            ))]
        })?;
        let url = format!("http://{bound}/");
        started(&url);
        if options.open {
            open_in_browser(&url);
        }
        let app = router(shared).layer(axum::middleware::from_fn_with_state(
            door::Door::new(bound.port()),
            door::guard,
        ));
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                let _ = stop.send(true);
            })
            .await
            .map_err(|e| {
                vec![Diagnostic::error(tr!(
                    "serve-stopped",
                    reason = crate::i18n::io_error(&e)
                ))]
            })
    })
}

fn router(shared: Shared) -> Router {
    Router::new()
        .route("/", get(overview))
        .route("/liste", get(list))
        .route("/dokument", get(document))
        .route("/visning", get(view))
        .route("/side", get(page))
        .route("/pdf", get(pdf))
        .route("/haendelser", get(events))
        .route(
            "/stil.css",
            get(|| async { typed("text/css; charset=utf-8", html::STYLE) }),
        )
        .route(
            "/live.js",
            get(|| async { typed("text/javascript; charset=utf-8", html::SCRIPT) }),
        )
        // Browsers ask for an icon of their own accord: none, rather than an error.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(|| async { not_found() })
        .with_state(shared)
}

fn typed(content_type: &'static str, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Ikke fundet</title></head><body><main><h1>Ikke fundet</h1><p><a href=\"/\">Til oversigten</a></p></main></body></html>"),
    )
        .into_response()
}

/// Runs work on the workspace off the async threads (compiling takes a while).
async fn with_workspace<T: Send + 'static>(
    shared: &Shared,
    work: impl FnOnce(&mut Workspace) -> T + Send + 'static,
) -> T {
    let workspace = shared.workspace.clone();
    tokio::task::spawn_blocking(move || {
        let mut ws = workspace.lock().unwrap_or_else(|e| e.into_inner());
        work(&mut ws)
    })
    .await
    .expect("the preview's work does not panic")
}

async fn overview(State(shared): State<Shared>) -> Response {
    let files = with_workspace(&shared, |ws| ws.overview()).await;
    typed("text/html; charset=utf-8", html::overview(&files))
}

async fn list(State(shared): State<Shared>) -> Response {
    let files = with_workspace(&shared, |ws| ws.overview()).await;
    typed("text/html; charset=utf-8", html::list(&files))
}

/// The query of a document's addresses.
#[derive(Deserialize)]
struct Which {
    f: String,
    e: Option<String>,
    n: Option<usize>,
    /// A page's fingerprint, as the document's page names it.
    h: Option<String>,
}

impl Which {
    /// The document's editions, and the one asked for (else its first).
    fn editions(&self, ws: &Workspace) -> (Vec<workspace::EditionKey>, workspace::EditionKey) {
        let editions = ws.editions(&self.f);
        let edition = html::parse_edition(self.e.as_deref(), &editions);
        (editions, edition)
    }
}

async fn document(State(shared): State<Shared>, Query(which): Query<Which>) -> Response {
    let page = with_workspace(&shared, move |ws| {
        ws.document(&which.f)?;
        let (editions, edition) = which.editions(ws);
        let compiled = ws.get(&which.f, edition)?;
        Some(html::document(&which.f, &editions, edition, compiled))
    })
    .await;
    match page {
        Some(page) => typed("text/html; charset=utf-8", page),
        None => not_found(),
    }
}

async fn view(State(shared): State<Shared>, Query(which): Query<Which>) -> Response {
    let part = with_workspace(&shared, move |ws| {
        let (_, edition) = which.editions(ws);
        let compiled = ws.get(&which.f, edition)?;
        Some(html::view(&which.f, edition, compiled))
    })
    .await;
    match part {
        Some(part) => typed("text/html; charset=utf-8", part),
        None => not_found(),
    }
}

async fn page(State(shared): State<Shared>, Query(which): Query<Which>) -> Response {
    let found = with_workspace(&shared, move |ws| {
        let (_, edition) = which.editions(ws);
        let n = which.n?.checked_sub(1)?;
        let page = ws.get(&which.f, edition)?.pages.get(n).cloned()?;
        let current = which.h.as_deref() == Some(page.fingerprint.as_str());
        Some((page, current))
    })
    .await;
    let Some((page, current)) = found else {
        return not_found();
    };
    let mut response = typed("image/svg+xml", (*page.svg).clone());
    if current {
        // The address names this very content: the browser may keep it for good.
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=31536000, immutable"),
        );
    }
    response
}

async fn pdf(State(shared): State<Shared>, Query(which): Query<Which>) -> Response {
    let found = with_workspace(&shared, move |ws| {
        let (_, edition) = which.editions(ws);
        let pdf = ws.get(&which.f, edition)?.pdf.clone()?;
        let stem = Path::new(&which.f)
            .file_stem()
            .map_or("dokument".into(), |s| s.to_string_lossy().into_owned());
        let name = match edition {
            Some(e) => format!("{stem}-{}.pdf", e.file_stem()),
            None => format!("{stem}.pdf"),
        };
        Some((name, pdf))
    })
    .await;
    let Some((name, pdf)) = found else {
        return not_found();
    };
    let mut response = typed("application/pdf", (*pdf).clone());
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let mut stopping = shared.stopping.clone();
    let stream = BroadcastStream::new(shared.changes.subscribe())
        .filter_map(|change| async move { change.ok().map(|doc| Ok(Event::default().data(doc))) })
        .take_until(async move {
            let _ = stopping.wait_for(|stop| *stop).await;
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Watches the project's files; each burst of changes compiles again what they affect and
/// tells the open pages.
fn watch_files(root: &Path, shared: Shared) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher;
    let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })?;
    watcher.watch(root, notify::RecursiveMode::Recursive)?;
    let output = crate::project::output_dir(root, None);
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths = vec![first];
            // Editors save in several steps (write a temporary file, rename it): a burst.
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(25)) {
                paths.push(more);
            }
            paths.retain(|p| !p.starts_with(&output) && !is_temporary(p));
            paths.sort();
            paths.dedup();
            if paths.is_empty() {
                continue;
            }
            let docs = {
                let mut ws = shared.workspace.lock().unwrap_or_else(|e| e.into_inner());
                ws.changed(&paths)
            };
            for doc in docs {
                let _ = shared.changes.send(doc);
            }
            // The overview lists every document: it looks again at any change.
            let _ = shared.changes.send("*".into());
        }
    });
    Ok(watcher)
}

/// Files editors and sagsgen write on the way to saving.
fn is_temporary(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".sagsgen-")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.starts_with(".#")
}

/// Opens `url` in the user's web browser, with the platform's own command; a failure to
/// start it is no error (the address is printed).
fn open_in_browser(url: &str) {
    let mut command = if cfg!(windows) {
        // `start` is a built-in of cmd; its first quoted argument is a window title.
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = command.arg(url).spawn();
}

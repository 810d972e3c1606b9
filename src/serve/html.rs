//! The preview's pages: the overview of the project's documents and a document's page
//! (its pages as pictures, its problems beside them, its PDF to download), in plain HTML
//! that works without script; a small script keeps them up to date as files are saved.

use crate::meeting::Edition;
use crate::render::escape::html as esc;

use super::workspace::{Compiled, EditionKey, Listed, Page};

/// The frame of both pages.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} – sagsgen</title>\n<link rel=\"stylesheet\" href=\"/stil.css\">\n</head>\n<body>\n<a class=\"spring\" href=\"#indhold\">Spring til indholdet</a>\n<header class=\"top\"><p class=\"org\"><a href=\"/\">sagsgen – forhåndsvisning</a></p></header>\n<main id=\"indhold\" tabindex=\"-1\">\n{body}</main>\n<script src=\"/live.js\"></script>\n</body>\n</html>\n",
        esc(title)
    )
}

/// The overview: every document by folder, with a filter box.
pub fn overview(files: &[Listed]) -> String {
    let mut body = String::from(
        "<h1>Projektets dokumenter</h1>\n<p>Vælg et dokument for at se det. Siden opdaterer sig selv, når du gemmer en fil.</p>\n<p><label for=\"filter\">Filtrér</label> <input id=\"filter\" type=\"search\" data-filter=\"dokumenter\"></p>\n<div id=\"dokumenter\" data-live=\"/liste\">\n",
    );
    body.push_str(&list(files));
    body.push_str("</div>\n");
    page("Projektets dokumenter", &body)
}

/// The overview's table, alone (what the live update replaces).
pub fn list(files: &[Listed]) -> String {
    let mut out = String::new();
    let mut folder = None;
    for f in files {
        let dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d);
        if folder != Some(dir) {
            if folder.is_some() {
                out.push_str("</tbody></table>\n");
            }
            folder = Some(dir);
            out.push_str(&format!(
                "<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">Titel</th><th scope=\"col\">Art</th><th scope=\"col\">Dato</th><th scope=\"col\">Tilstand</th><th scope=\"col\">Fil</th></tr></thead>\n<tbody>\n",
                esc(dir)
            ));
        }
        let state = match f.state {
            "errors" => "Fejl",
            "warnings" => "Advarsler",
            _ => "I orden",
        };
        let closed = f
            .closed
            .as_deref()
            .map(|c| format!(" <span class=\"lukket\">{}</span>", esc(c)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr data-tekst=\"{}\"><td><a href=\"/dokument?f={}\">{}</a>{closed}</td><td data-navn=\"Art\">{}</td><td data-navn=\"Dato\">{}</td><td class=\"tilstand {}\" data-navn=\"Tilstand\">{state}</td><td class=\"fil\" data-navn=\"Fil\">{}</td></tr>\n",
            esc(&format!(
                "{} {} {} {}",
                f.title,
                f.kind,
                f.rel,
                f.closed.as_deref().unwrap_or("")
            )
            .to_lowercase()),
            esc(&url(&f.rel)),
            esc(&f.title),
            esc(&f.kind),
            esc(f.date.as_deref().unwrap_or("")),
            f.state,
            esc(&f.rel)
        ));
    }
    if folder.is_some() {
        out.push_str("</tbody></table>\n");
    } else {
        out.push_str(
            "<p>Projektet har ingen sager eller møder endnu (mapperne cases/ og moeder/).</p>\n",
        );
    }
    out
}

/// A document's page: the edition switch, then its pages and problems (live).
pub fn document(
    rel: &str,
    editions: &[EditionKey],
    edition: EditionKey,
    compiled: &Compiled,
) -> String {
    let mut body = format!(
        "<nav class=\"sti\" aria-label=\"Brødkrumme\"><ol><li><a href=\"/\">Dokumenter</a></li><li aria-current=\"page\">{}</li></ol></nav>\n",
        esc(rel)
    );
    if editions.len() > 1 {
        body.push_str("<nav aria-label=\"Udgaver\"><ul class=\"udgaver\">\n");
        for e in editions {
            let name = edition_name(*e);
            let current = if *e == edition {
                " aria-current=\"page\""
            } else {
                ""
            };
            body.push_str(&format!(
                "<li><a href=\"/dokument?f={}&amp;e={}\"{current}>{}</a></li>\n",
                esc(&url(rel)),
                edition_key(*e),
                esc(name)
            ));
        }
        body.push_str("</ul></nav>\n");
    }
    body.push_str(&format!(
        "<div id=\"visning\" data-live=\"/visning?f={}&amp;e={}\" data-dokument=\"{}\">\n{}</div>\n",
        esc(&url(rel)),
        edition_key(edition),
        esc(rel),
        view(rel, edition, compiled)
    ));
    page(&compiled.title, &body)
}

/// The part of a document's page that changes with the file: its title, problems,
/// download and pages.
pub fn view(rel: &str, edition: EditionKey, compiled: &Compiled) -> String {
    let mut out = format!(
        "<h1 data-version=\"{}\">{}</h1>\n<p class=\"hjaelp\">Ret filen {} i din editor og gem: siden opdaterer sig selv.</p>\n",
        compiled.version,
        esc(&compiled.title),
        esc(rel)
    );
    let errors = compiled.diagnostics.iter().filter(|d| d.error).count();
    let warnings = compiled.diagnostics.len() - errors;
    out.push_str("<section class=\"problemer\" aria-labelledby=\"problemer\">\n");
    out.push_str(&format!(
        "<h2 id=\"problemer\">{}</h2>\n",
        match (errors, warnings) {
            (0, 0) => "Ingen fejl".to_string(),
            (e, w) => format!(
                "{e} fejl, {w} {}",
                if w == 1 { "advarsel" } else { "advarsler" }
            ),
        }
    ));
    if compiled.stale {
        out.push_str("<p class=\"foraeldet\" role=\"status\">Filen har fejl: siderne nedenfor er fra sidste gang, den kunne laves.</p>\n");
    }
    for d in &compiled.diagnostics {
        out.push_str(&format!(
            "<div class=\"{}\"><p><strong>{}</strong>{}</p><pre>{}</pre></div>\n",
            if d.error { "fejl" } else { "advarsel" },
            if d.error { "Fejl" } else { "Advarsel" },
            d.position
                .as_deref()
                .map(|p| format!(" i {}", esc(p)))
                .unwrap_or_default(),
            esc(&d.text)
        ));
    }
    out.push_str("</section>\n");
    if compiled.pdf.is_some() {
        let label = if compiled.stale {
            "Hent PDF fra sidste fejlfri version"
        } else {
            "Hent PDF"
        };
        out.push_str(&format!(
            "<p><a href=\"/pdf?f={}&amp;e={}&amp;v={}\" download>{label} ({})</a></p>\n",
            esc(&url(rel)),
            edition_key(edition),
            compiled.version,
            esc(edition_name(edition))
        ));
    }
    out.push_str("<section class=\"sider\" aria-label=\"Siderne\">\n");
    out.push_str(&pages(rel, edition, &compiled.pages));
    out.push_str("</section>\n");
    out
}

/// The pages as pictures. Each address holds the page's fingerprint: a page that did not
/// change keeps its address, so the browser neither fetches it again nor replaces it; all
/// but the first load only as they come near the reader's view.
fn pages(rel: &str, edition: EditionKey, pages: &[Page]) -> String {
    let mut out = String::new();
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let loading = if n == 1 { "eager" } else { "lazy" };
        out.push_str(&format!(
            "<img class=\"side\" src=\"/side?f={}&amp;e={}&amp;n={n}&amp;h={}\" alt=\"Side {n} af {count}\" width=\"{}\" height=\"{}\" loading=\"{loading}\" decoding=\"async\">\n",
            esc(&url(rel)),
            edition_key(edition),
            page.fingerprint,
            page.width,
            page.height,
        ));
    }
    out
}

/// An edition's name as the page shows it.
pub fn edition_name(edition: EditionKey) -> &'static str {
    match edition {
        None => "Dokumentet",
        Some(Edition::Dagsorden) => "Dagsorden",
        Some(Edition::DagsordenOffentlig) => "Dagsorden, offentlig",
        Some(Edition::Referat) => "Referat",
        Some(Edition::ReferatOffentlig) => "Referat, offentlig",
        Some(Edition::DagsordenMedBilag) => "Dagsorden med bilag",
        Some(Edition::DagsordenOffentligMedBilag) => "Dagsorden med bilag, offentlig",
    }
}

/// An edition in an address: the file stem of its PDF (`referat-offentlig`), `dokument`
/// for a case.
pub fn edition_key(edition: EditionKey) -> &'static str {
    edition.map_or("dokument", |e| e.file_stem())
}

/// The edition an address names.
pub fn parse_edition(key: Option<&str>, editions: &[EditionKey]) -> EditionKey {
    key.and_then(|k| editions.iter().copied().find(|e| edition_key(*e) == k))
        .unwrap_or_else(|| editions.first().copied().flatten())
}

/// A path as a query value.
pub fn url(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The style of the preview's pages.
pub const STYLE: &str = r#"
body { margin: 0; font-family: "Noto Sans", system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #f4f4f4; }
a { color: #0b4f8a; }
a:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.spring { position: absolute; left: -10000px; }
.spring:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.5rem; }
header.top { background: #1f3a5f; padding: 0.6rem 1rem; }
header.top a { color: #fff; font-weight: 700; }
header.top p { margin: 0; }
main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
main:focus { outline: none; }
table { border-collapse: collapse; width: 100%; background: #fff; margin-bottom: 1rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; }
th { background: #eef2f7; }
.tilstand.errors { color: #a30000; font-weight: 700; }
.tilstand.warnings { color: #7a4b00; }
.sti ol, ul.udgaver { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
.sti li + li::before { content: "›"; margin-right: 0.5rem; }
ul.udgaver a[aria-current] { font-weight: 700; }
#visning { display: grid; gap: 1rem; }
#visning > h1 { margin-bottom: 0; }
.hjaelp { margin-top: 0; color: #4a4a4a; }
@media (min-width: 70rem) {
  #visning { grid-template-columns: minmax(0, 1fr) 26rem; align-items: start; }
  #visning > h1, #visning > p { grid-column: 1 / -1; }
  .sider { grid-column: 1; grid-row: 4; }
  .problemer { grid-column: 2; grid-row: 4; position: sticky; top: 1rem; max-height: 95vh; overflow-y: auto; }
}
.problemer pre { white-space: pre-wrap; background: #fff; border-left: 4px solid #c8c8c8; padding: 0.5rem; overflow-x: auto; }
.fejl pre { border-left-color: #a30000; }
.foraeldet { background: #fff3cd; padding: 0.5rem; border: 1px solid #7a4b00; }
.sider { display: flex; flex-direction: column; align-items: center; gap: 1rem; }
img.side { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.3); width: min(100%, 56rem); height: auto; }
.lukket { display: inline-block; margin-left: 0.4rem; padding: 0 0.4rem; border: 1px solid #7a0000; border-radius: 0.25rem; color: #7a0000; font-size: 0.85em; font-weight: 700; }
td { overflow-wrap: anywhere; }
[hidden] { display: none !important; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  table, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border: 1px solid #c8c8c8; margin-bottom: 0.5rem; background: #fff; }
  td { border: none; padding: 0.15rem 0.5rem; }
  td[data-navn]::before { content: attr(data-navn) ": "; font-weight: 700; }
}
"#;

/// The script that keeps a page up to date: on each change event for what it shows, it
/// fetches the changed part and puts it in place. Of a document's pages, only those whose
/// address changed (their fingerprint) get the new address; every other page keeps its
/// element as it is — loaded, zoomed, selected — and the reader keeps their place.
pub const SCRIPT: &str = r#"
(function () {
  "use strict";
  var filter = document.querySelector("[data-filter]");
  function applyFilter() {
    if (!filter) { return; }
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll("tr[data-tekst]").forEach(function (row) {
      var text = row.getAttribute("data-tekst");
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  }
  if (filter) { filter.addEventListener("input", applyFilter); }
  var live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) { return; }
  var doc = live.getAttribute("data-dokument");

  // The pictures of the new part onto the old ones: same address, same element untouched.
  function updatePages(old, fresh) {
    var have = old.querySelectorAll("img.side");
    var want = fresh.querySelectorAll("img.side");
    want.forEach(function (img, i) {
      var kept = have[i];
      if (!kept) { old.appendChild(img); return; }
      ["alt", "width", "height"].forEach(function (name) {
        if (kept.getAttribute(name) !== img.getAttribute(name)) {
          kept.setAttribute(name, img.getAttribute(name));
        }
      });
      if (kept.getAttribute("src") !== img.getAttribute("src")) {
        kept.setAttribute("src", img.getAttribute("src"));
      }
    });
    for (var i = want.length; i < have.length; i++) { have[i].remove(); }
  }

  function merge(target, content) {
    var oldPages = target.querySelector(".sider");
    var newPages = content.querySelector(".sider");
    if (!oldPages || !newPages) { target.replaceChildren(content); return; }
    Array.prototype.slice.call(target.childNodes).forEach(function (node) {
      if (node !== oldPages) { node.remove(); }
    });
    var before = true;
    Array.prototype.slice.call(content.childNodes).forEach(function (node) {
      if (node === newPages) { before = false; return; }
      if (before) { target.insertBefore(node, oldPages); } else { target.appendChild(node); }
    });
    updatePages(oldPages, newPages);
  }

  // One fetch at a time; changes saved meanwhile are fetched once it is done.
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    var x = window.scrollX, y = window.scrollY;
    fetch(live.getAttribute("data-live"), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = document.createElement("template");
        fresh.innerHTML = html;
        merge(live, fresh.content);
        applyFilter();
        window.scrollTo(x, y);
        document.body.setAttribute("data-opdateret", String(Date.now()));
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  var events = new EventSource("/haendelser");
  events.onmessage = function (e) {
    // "*" is any change: the overview lists every document; a document's page waits
    // for its own name.
    if (doc ? e.data === doc : e.data === "*") { refresh(); }
  };
})();
"#;

//! `sagsgen site`: the public website of a project's meetings — pages, search, feeds and
//! open data — from the public editions only. Every file is made in memory first and
//! written only when it differs from what is there, so a rerun writes nothing and a
//! changed case rewrites only the files that show it; files an earlier run wrote that are
//! no longer part of the site are removed.

pub mod calendar;
pub mod cases;
pub mod data;
pub mod fingerprint;
pub mod model;
pub mod oparl;
pub mod pages;
pub mod search;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::loader::Loader;
use crate::output::Content;
use crate::project::Project;
use crate::render::templates::Templates;
use crate::tr;
use model::{SiteMeeting, folder_name, has_minutes};
use pages::Copied;

/// Where the site goes, and where the PDFs were built.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder.
    pub site_dir: PathBuf,
    /// The build's output folder (the meetings' public PDFs).
    pub output_dir: PathBuf,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Meetings published.
    pub meetings: usize,
    /// Files written (new or changed), from the site's root.
    pub written: Vec<String>,
    /// Files that already held what the site needs.
    pub unchanged: usize,
    /// Files of an earlier run no longer part of the site, removed.
    pub removed: Vec<String>,
    /// Inputs left out, and why.
    pub errors: Vec<Diagnostic>,
    /// What the site lacks (a PDF not built).
    pub warnings: Vec<Diagnostic>,
    /// Every file the site holds after the run, from its root.
    pub made: Vec<String>,
}

/// The record of the files a run wrote, so the next can remove what it no longer makes.
const MANIFEST: &str = ".sagsgen-site";

/// Publishes the meetings among `files` (case files are reached through their meetings).
pub fn publish(project: &Project, files: &[PathBuf], options: &Options) -> Report {
    let mut report = Report::default();
    let fingerprint = fingerprint::of(project, files, options);
    let manifest = std::fs::read_to_string(options.site_dir.join(MANIFEST)).unwrap_or_default();
    if let Some((meetings, made)) =
        fingerprint::unchanged(&options.site_dir, &manifest, &fingerprint)
    {
        // Nothing the site is made from changed: nothing to load, render or compare.
        report.meetings = meetings;
        report.unchanged = made;
        warn_about_site_config(
            &project.config,
            &project.root.join("sagsgen.toml"),
            &mut report.warnings,
        );
        return report;
    }
    let loader = Loader::new(project);
    let loaded: Vec<_> = files.par_iter().map(|f| loader.load(f)).collect();
    let mut meetings: Vec<SiteMeeting> = Vec::new();
    for l in loaded {
        if !l.is_meeting {
            continue;
        }
        if l.meeting().is_none() {
            report.errors.push(Diagnostic::error(tr!(
                "site-meeting-has-errors",
                file = crate::diag::shown_path(&l.path)
            )));
            continue;
        }
        let meeting = l.meeting().expect("checked above");
        let output = crate::output::output_for(&l.path, &project.root, &options.output_dir)
            .map(|p| p.with_extension(""))
            .unwrap_or_default();
        let site_meeting = SiteMeeting {
            udvalg: folder_name(&meeting.udvalg.short),
            dato: meeting.dato.iso(),
            referat: has_minutes(meeting),
            output,
            loaded: l.clone(),
        };
        if let Some(other) = meetings
            .iter()
            .find(|m| m.udvalg == site_meeting.udvalg && m.dato == site_meeting.dato)
        {
            report.errors.push(
                Diagnostic::error(tr!(
                    "site-meeting-twice",
                    first = crate::diag::shown_path(&other.loaded.path),
                    second = crate::diag::shown_path(&l.path),
                    committee = &meeting.udvalg.full,
                    date = meeting.dato.short()
                ))
                .with_path(l.path.clone()),
            );
            continue;
        }
        meetings.push(site_meeting);
    }
    meetings.sort_by(|a, b| (&a.udvalg, &a.dato).cmp(&(&b.udvalg, &b.dato)));
    report.meetings = meetings.len();
    let templates = Templates::new(&project.root);
    let files = match site_files(project, &templates, &meetings, &mut report.warnings) {
        Ok(files) => files,
        Err(d) => {
            report.errors.push(d);
            return report;
        }
    };
    put_in_place(&options.site_dir, files, &mut report);
    // Only a clean run is remembered: one with problems says them again next time.
    let clean = report.errors.is_empty() && !report.warnings.iter().any(|w| !is_config_warning(w));
    let record = clean.then(|| fingerprint::line(&fingerprint, report.meetings));
    write_manifest(&options.site_dir, record.as_deref(), &mut report);
    report
}

/// Whether a warning is one of those about `[site]` (said on every run, fast or not).
fn is_config_warning(w: &Diagnostic) -> bool {
    w.path
        .as_ref()
        .is_some_and(|p| p.file_name().is_some_and(|f| f == "sagsgen.toml"))
}

/// Every file of the site, by its path from the site's root.
fn site_files(
    project: &Project,
    templates: &Templates,
    meetings: &[SiteMeeting],
    warnings: &mut Vec<Diagnostic>,
) -> Result<BTreeMap<String, Content>, Diagnostic> {
    let config = &project.config;
    warn_about_site_config(config, &project.root.join("sagsgen.toml"), warnings);
    let mut files = BTreeMap::new();
    if let (Some(logo), Some(on_site)) = (&config.organisation.logo, pages::logo_on_site(config)) {
        files.insert(on_site, Content::Copy(project.root.join(logo)));
    }
    let (index, linked) = meeting_files(project, templates, meetings, &mut files, warnings)?;
    let committees = committees(config, meetings);
    let org = pages::SiteView::at(config, 0).org;
    let adresse = config.site.adresse.as_deref();
    // A feed is named by where it is published; without an address, by the organisation.
    let entry_base = match adresse {
        Some(a) => format!("{a}/"),
        None => format!("urn:sagsgen:{}:", folder_name(&org)),
    };
    let feed_id = |rel: &str| match adresse {
        Some(a) => format!("{a}/{rel}"),
        None => format!(
            "urn:sagsgen:{}:{}",
            folder_name(&org),
            rel.trim_end_matches("feed.xml").trim_end_matches('/')
        ),
    };
    for (folder, navn) in &committees {
        let own: Vec<&SiteMeeting> = meetings.iter().filter(|m| m.udvalg == *folder).collect();
        let page = pages::committee_page(templates, config, navn, &own)?;
        files.insert(format!("{folder}/index.html"), Content::from(page));
        let title = format!("{org}: {navn}");
        let rel = format!("{folder}/feed.xml");
        let feed = data::atom(
            &title,
            &feed_id(&rel),
            &entry_base,
            &self_link(adresse, &rel),
            &org,
            "../",
            &own,
        );
        files.insert(rel, Content::from(feed));
        let cal_name = format!("{org}: {navn}, møder");
        let cal = calendar::calendar(
            &calendar::CalendarSite {
                navn: &cal_name,
                adresse,
                org: &org,
            },
            &own,
        );
        files.insert(format!("{folder}/kalender.ics"), Content::from(cal));
    }
    let all: Vec<&SiteMeeting> = meetings.iter().collect();
    let title = format!("{org}: dagsordener og referater");
    let text = Content::from;
    files.insert(
        "feed.xml".into(),
        text(data::atom(
            &title,
            &feed_id("feed.xml"),
            &entry_base,
            &self_link(adresse, "feed.xml"),
            &org,
            "",
            &all,
        )),
    );
    let cal_name = format!("{org}: møder");
    files.insert(
        "kalender.ics".into(),
        text(calendar::calendar(
            &calendar::CalendarSite {
                navn: &cal_name,
                adresse,
                org: &org,
            },
            &all,
        )),
    );
    let mut case_data = Vec::new();
    for case in cases::gather(meetings) {
        let treatments = cases::treatments(&case, meetings);
        let page = cases::case_page(templates, config, &case, &treatments)?;
        files.insert(
            format!("{}/index.html", cases::folder(&case.sagsnummer)),
            Content::from(page),
        );
        case_data.push(data::case_data(&case, &treatments));
    }
    files.insert(
        "data/sager.json".into(),
        Content::from(data::cases_json(case_data, config.site.licens.as_deref())),
    );
    files.insert(
        data::CASES_SCHEMA.into(),
        Content::from(data::cases_schema()),
    );
    if let Some(adresse) = config.site.adresse.as_deref() {
        let published: BTreeMap<String, oparl::Published<'_>> = linked
            .iter()
            .map(|(folder, dokumenter, bilag)| {
                (folder.clone(), oparl::Published { dokumenter, bilag })
            })
            .collect();
        for (rel, json) in oparl::files(
            adresse,
            &org,
            config.site.licens.as_deref(),
            meetings,
            &published,
        ) {
            files.insert(rel, Content::from(json));
        }
    }
    let front = pages::front_page(templates, config, &committees, meetings)?;
    files.insert("index.html".into(), text(front));
    files.insert(
        "soeg/index.html".into(),
        text(pages::search_page(templates, config)?),
    );
    files.insert("soeg/indeks.js".into(), text(index.script()));
    for (name, script) in index
        .word_scripts()
        .into_iter()
        .chain(index.snippet_scripts())
    {
        files.insert(format!("soeg/{name}"), text(script));
    }
    files.insert(
        "soeg/soeg.js".into(),
        text(templates.asset("site-soeg.js")?),
    );
    files.insert("stil.css".into(), text(templates.asset("site.css")?));
    files.insert(
        "data/moeder.json".into(),
        text(data::index_json(meetings, config.site.licens.as_deref())),
    );
    files.insert(data::MEETING_SCHEMA.into(), text(data::meeting_schema()));
    files.insert(data::INDEX_SCHEMA.into(), text(data::index_schema()));
    Ok(files)
}

/// A feed's link to itself: its address on the site, or its name beside the page.
fn self_link(adresse: Option<&str>, rel: &str) -> String {
    match adresse {
        Some(a) => format!("{a}/{rel}"),
        None => rel.rsplit('/').next().unwrap_or(rel).to_string(),
    }
}

/// What a public body's site must have and this one lacks, said on every run.
fn warn_about_site_config(
    config: &crate::project::Config,
    file: &Path,
    warnings: &mut Vec<Diagnostic>,
) {
    let site = &config.site;
    let missing = [
        (
            site.tilgaengelighedserklaering.is_none(),
            tr!("site-no-accessibility-statement"),
            tr!("site-no-accessibility-statement.help"),
        ),
        (
            site.licens.is_none(),
            tr!("site-no-licence"),
            tr!("site-no-licence.help"),
        ),
        (
            site.adresse.is_none(),
            tr!("site-no-address"),
            tr!("site-no-address.help"),
        ),
    ];
    let shown = PathBuf::from(crate::diag::shown_path(file));
    for (_, message, help) in missing.into_iter().filter(|(is_missing, ..)| *is_missing) {
        warnings.push(
            Diagnostic::warning(message)
                .with_help(help)
                .with_path(shown.clone()),
        );
    }
}

/// Every meeting's page, data and copied PDFs (rendered in parallel); the search index of
/// their items.
fn meeting_files(
    project: &Project,
    templates: &Templates,
    meetings: &[SiteMeeting],
    files: &mut BTreeMap<String, Content>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(search::SearchIndex, Vec<Linked>), Diagnostic> {
    let rendered: Vec<_> = meetings
        .par_iter()
        .map(|m| pages::meeting_page(templates, &project.config, &project.root, m))
        .collect();
    let mut index = search::SearchIndex::default();
    let mut linked = Vec::new();
    for (m, page) in meetings.iter().zip(rendered) {
        let page = page?;
        linked.push((m.folder(), page.dokumenter.clone(), page.bilag.clone()));
        for pdf in &page.missing {
            warnings.push(Diagnostic::warning(tr!(
                "site-pdf-not-built",
                file = crate::diag::shown_path(pdf),
                meeting = m.title()
            )));
        }
        let folder = m.folder();
        index.add_page(&page.html, &folder, &m.title(), &m.dato);
        files.insert(
            format!("{folder}/moede.json"),
            Content::from(data::meeting_json(
                m,
                &page,
                project.config.site.licens.as_deref(),
            )),
        );
        files.insert(format!("{folder}/index.html"), Content::from(page.html));
        for Copied { to, from } in page.copies {
            files.insert(to, Content::Copy(from));
        }
    }
    Ok((index, linked))
}

/// What a meeting's page links to: (its folder, its public PDFs, its attachments).
type Linked = (String, Vec<pages::LinkView>, BTreeMap<String, String>);

/// The committees with meetings on the site, (folder, full name): in the order of
/// `[udvalg]` where they are in it, then by name.
fn committees(config: &crate::project::Config, meetings: &[SiteMeeting]) -> Vec<(String, String)> {
    let mut committees: Vec<(String, String)> = Vec::new();
    for m in meetings {
        if !committees.iter().any(|(f, _)| *f == m.udvalg) {
            committees.push((m.udvalg.clone(), m.meeting().udvalg.full.clone()));
        }
    }
    let order = |name: &str| {
        config
            .committees
            .entries()
            .iter()
            .position(|(_, full)| full == name)
            .unwrap_or(usize::MAX)
    };
    committees.sort_by(|a, b| order(&a.1).cmp(&order(&b.1)).then(a.1.cmp(&b.1)));
    committees
}

/// Writes the files that differ, removes those of the last run that are no longer made,
/// and records what the site holds.
fn put_in_place(site: &Path, files: BTreeMap<String, Content>, report: &mut Report) {
    let results: Vec<Result<Option<String>, Diagnostic>> = files
        .par_iter()
        .map(|(rel, content)| write_if_changed(site, rel, content))
        .collect();
    for result in results {
        match result {
            Ok(Some(written)) => report.written.push(written),
            Ok(None) => report.unchanged += 1,
            Err(d) => report.errors.push(d),
        }
    }
    report.written.sort();
    let made: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    let manifest_path = site.join(MANIFEST);
    let before = std::fs::read_to_string(&manifest_path).unwrap_or_default();
    for old in before
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !made.contains(l))
    {
        if safe_relative(old) && std::fs::remove_file(site.join(old)).is_ok() {
            report.removed.push(old.to_string());
        }
    }
    report.made = made.iter().map(|f| f.to_string()).collect();
}

/// Records what the site holds (and, after a clean run, its fingerprint), so the next run
/// can remove what it no longer makes, or see that it has nothing to do.
fn write_manifest(site: &Path, fingerprint: Option<&str>, report: &mut Report) {
    let manifest_path = site.join(MANIFEST);
    let before = std::fs::read_to_string(&manifest_path).unwrap_or_default();
    let mut manifest = fingerprint.unwrap_or_default().to_string();
    manifest.extend(report.made.iter().map(|f| format!("{f}\n")));
    if manifest != before
        && let Err(e) = crate::output::atomic_write(&manifest_path, manifest.as_bytes())
    {
        report.errors.push(Diagnostic::cannot_write(
            &crate::diag::shown_path(&manifest_path),
            &e,
        ));
    }
}

/// A manifest line that stays inside the site (the file could have been edited).
fn safe_relative(rel: &str) -> bool {
    !rel.starts_with('/') && !rel.split('/').any(|p| p == ".." || p.is_empty())
}

fn write_if_changed(
    site: &Path,
    rel: &str,
    content: &Content,
) -> Result<Option<String>, Diagnostic> {
    let target = site.join(rel);
    let bytes = content.bytes().map_err(|e| match content {
        Content::Copy(from) => Diagnostic::cannot_read(&crate::diag::shown_path(from), &e),
        Content::Text(_) => Diagnostic::error(tr!(
            "cannot-make",
            file = rel,
            reason = crate::i18n::io_error(&e)
        )),
    })?;
    if crate::output::holds(&target, &bytes) {
        return Ok(None);
    }
    crate::output::atomic_write(&target, &bytes)
        .map_err(|e| Diagnostic::cannot_write(&crate::diag::shown_path(&target), &e))?;
    Ok(Some(rel.to_string()))
}

//! `sagsgen site`: the public website. Built from the example project (one meeting with a
//! closed item) and from the imported exports (four committees): every meeting and item
//! present, every internal link resolving, nothing of a closed item in any byte of any
//! file, feeds and JSON valid, reruns writing nothing, and — in Debian's Chromium with
//! axe-core — no accessibility violation on any kind of page.

use std::path::{Path, PathBuf};

use crate::common::{Project, browser_ready, browser_script, repo, tree};
use crate::meetings::SECRETS;

fn site_of_examples() -> (Project, crate::common::Run) {
    let project = Project::examples();
    let run = project.run(&["site"]);
    (project, run)
}

/// What OParl 1.1 says each property of a type holds (the ones sagsgen writes): "url" (an
/// address), "ref:<Type>" (the address of an object of that type), "refs:<Type>", "text",
/// "bool", "int", "objects" (embedded), "object", "date". Beside these, every object has
/// `id`, `type`, `created` and `modified`, and may have `web`.
fn shapes(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "System" => &[
            ("oparlVersion", "url"),
            ("body", "url"),
            ("name", "text"),
            ("license", "url"),
            ("website", "url"),
            ("product", "url"),
        ],
        "Body" => &[
            ("system", "ref:System"),
            ("name", "text"),
            ("organization", "url"),
            ("person", "url"),
            ("meeting", "url"),
            ("paper", "url"),
            ("membership", "url"),
            ("agendaItem", "url"),
            ("consultation", "url"),
            ("file", "url"),
            ("locationList", "url"),
            ("legislativeTermList", "url"),
            ("legislativeTerm", "objects"),
            ("license", "url"),
            ("website", "url"),
        ],
        "Organization" => &[
            ("body", "ref:Body"),
            ("name", "text"),
            ("shortName", "text"),
            ("membership", "refs:Membership"),
            ("organizationType", "text"),
            ("classification", "text"),
        ],
        "Person" => &[
            ("body", "ref:Body"),
            ("name", "text"),
            ("membership", "objects"),
        ],
        "Membership" => &[
            ("person", "ref:Person"),
            ("organization", "ref:Organization"),
            ("role", "text"),
            ("votingRight", "bool"),
        ],
        "Meeting" => &[
            ("name", "text"),
            ("meetingState", "text"),
            ("cancelled", "bool"),
            ("start", "text"),
            ("location", "object"),
            ("organization", "refs:Organization"),
            ("participant", "refs:Person"),
            ("invitation", "object"),
            ("resultsProtocol", "object"),
            ("auxiliaryFile", "objects"),
            ("agendaItem", "objects"),
        ],
        "AgendaItem" => &[
            ("meeting", "ref:Meeting"),
            ("number", "text"),
            ("order", "int"),
            ("name", "text"),
            ("public", "bool"),
            ("consultation", "ref:Consultation"),
            ("result", "text"),
            ("resolutionText", "text"),
            ("auxiliaryFile", "objects"),
        ],
        "Paper" => &[
            ("body", "ref:Body"),
            ("name", "text"),
            ("reference", "text"),
            ("date", "date"),
            ("paperType", "text"),
            ("consultation", "objects"),
        ],
        "Consultation" => &[
            ("paper", "ref:Paper"),
            ("agendaItem", "ref:AgendaItem"),
            ("meeting", "ref:Meeting"),
            ("organization", "refs:Organization"),
            ("authoritative", "bool"),
            ("role", "text"),
        ],
        "File" => &[
            ("name", "text"),
            ("fileName", "text"),
            ("mimeType", "text"),
            ("accessUrl", "url"),
            ("downloadUrl", "url"),
            ("date", "date"),
        ],
        "Location" => &[("description", "text")],
        _ => &[],
    }
}

fn shape_of(v: &serde_json::Value, shape: &str) -> bool {
    let url = |v: &serde_json::Value| v.as_str().is_some_and(|s| s.starts_with("https://"));
    match shape {
        "url" => url(v),
        "urls" => v.as_array().is_some_and(|a| a.iter().all(url)),
        _ if shape.starts_with("ref:") => url(v),
        _ if shape.starts_with("refs:") => v.as_array().is_some_and(|a| a.iter().all(url)),
        "text" => v.is_string(),
        "bool" => v.is_boolean(),
        "int" => v.is_u64(),
        "objects" => v
            .as_array()
            .is_some_and(|a| a.iter().all(serde_json::Value::is_object)),
        "object" => v.is_object(),
        "date" => v
            .as_str()
            .is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-'),
        _ => false,
    }
}

/// A calendar file's events, read by an independent parser (its lines no longer than the
/// 75 octets RFC 5545 allows).
fn events_of(file: &Path) -> Vec<icalendar::Event> {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "{}: a line longer than 75 octets",
        file.display()
    );
    let calendar: icalendar::Calendar = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// Runs axe (at 1280 and 320 px) on `pages` of the site in Chromium, asserts no
/// violation and no page wider than 320 px, and searches for `word`: the report.
fn pages_pass_axe(site: &Path, word: &str, pages: &[&str]) -> serde_json::Value {
    let mut args: Vec<&std::ffi::OsStr> = vec![site.as_os_str(), word.as_ref()];
    args.extend(pages.iter().map(std::ffi::OsStr::new));
    let report = browser_script("check.mjs", &args);
    for page in report["pages"].as_array().unwrap() {
        assert_eq!(page["violations"], serde_json::json!([]), "{}", page);
        assert!(
            page["overflow"].as_i64().unwrap() <= 0,
            "wider than 320 px: {page}"
        );
    }
    report
}

/// The `href` and `src` values of a page.
fn links(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("[href], [src]").unwrap();
    page.select(&selector)
        .filter_map(|e| e.value().attr("href").or(e.value().attr("src")))
        .map(str::to_string)
        .collect()
}

fn ids(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("[id]").unwrap();
    page.select(&selector)
        .filter_map(|e| e.value().attr("id"))
        .map(str::to_string)
        .collect()
}

/// Asserts that every relative link of every page leads to a file of the site (and to an
/// element with the id its fragment names).
fn assert_links_resolve(site: &Path) {
    let files = tree(site);
    for (rel, bytes) in files.iter().filter(|(r, _)| r.ends_with(".html")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        let dir = Path::new(rel).parent().unwrap_or(Path::new(""));
        for link in links(&html) {
            // `data:,` declares that the site has no icon (no request is made).
            if link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("mailto:")
                || link == "data:,"
            {
                continue;
            }
            let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if path.is_empty() {
                PathBuf::from(rel)
            } else {
                normalise(&dir.join(path.split('?').next().unwrap()))
            };
            let key = target.display().to_string();
            let Some(found) = files.get(&key) else {
                panic!("{rel}: the link {link} leads to {key}, which the site does not have");
            };
            if !fragment.is_empty() {
                let html = String::from_utf8_lossy(found);
                assert!(
                    ids(&html).iter().any(|i| i == fragment),
                    "{rel}: {link}: no #{fragment}"
                );
            }
        }
    }
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_site_has_every_meeting_and_item_and_its_links_resolve() {
    let (project, run) = site_of_examples();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Offentliggjorde 1 møde i output/site"),
        "{}",
        run.stderr
    );
    let site = project.path().join("output/site");
    let page = std::fs::read_to_string(site.join("uss/2020-11-02/index.html")).unwrap();
    // The meeting as the public minutes show it: every item, in order, with its anchor.
    let sections = scraper::Html::parse_document(&page);
    let selector = scraper::Selector::parse("section.punkt").unwrap();
    let found: Vec<String> = sections
        .select(&selector)
        .map(|s| s.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        found,
        ["punkt-1", "punkt-2", "punkt-3", "punkt-4", "punkt-5"]
    );
    crate::common::assert_in_order(
        &page,
        &[
            "Referat: Udvalg for sociale forhold, sundhed og et godt seniorliv",
            "Afbud",
            "Dennis Olsen",
            "Referat (PDF)",
            "1. Godkendelse af dagsorden",
            "Godkendt.",
            "2. Rammeaftale",
            "3. ",
            "(Lukket)",
            "Lukket punkt",
            "Udvalget godkendte salget af grunden.",
            "4. Meddelelser",
            "Formanden orienterede om status på budgetforhandlingerne.",
        ],
    );
    // Only closed items are marked; the site writes its dates one way.
    assert!(!page.contains("(Åben)"), "{page}");
    assert!(!page.contains("den 02-11-2020"), "{page}");
    for file in [
        "index.html",
        "uss/index.html",
        "uss/feed.xml",
        "uss/2020-11-02/moede.json",
        "uss/2020-11-02/referat.pdf",
        "uss/2020-11-02/dagsorden.pdf",
        "uss/2020-11-02/dagsorden-med-bilag.pdf",
        "soeg/index.html",
        "soeg/indeks.js",
        "feed.xml",
        "data/moeder.json",
        "stil.css",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    // The public PDFs, not the internal ones.
    assert_eq!(
        std::fs::read(site.join("uss/2020-11-02/referat.pdf")).unwrap(),
        project.read("output/moeder/uss-2020-11-02/referat-offentlig.pdf")
    );
    assert_links_resolve(&site);
}

#[test]
fn nothing_of_a_closed_item_is_in_any_byte_of_the_site() {
    let (project, run) = site_of_examples();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let closed_attachment = project.read("bilag/vurdering-grund.pdf");
    let files = tree(&site);
    assert!(files.len() > 10);
    for (rel, bytes) in &files {
        for secret in SECRETS {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{rel} holds {secret:?}"
            );
        }
        assert_ne!(bytes, &closed_attachment, "{rel} is the closed attachment");
    }
    // The internal minutes do hold them: the test looks for what is there.
    let internal = project.text("output/moeder/uss-2020-11-02/referat.pdf");
    assert!(SECRETS.iter().any(|s| internal.contains(s)));
}

#[test]
fn feeds_and_open_data_parse_and_validate() {
    let (project, run) = site_of_examples();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let schema_of = |file: &str| -> (boon::Schemas, boon::SchemaIndex) {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(site.join(file)).unwrap()).unwrap();
        let mut compiler = boon::Compiler::new();
        let url = format!("file:///{file}");
        compiler.add_resource(&url, json).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(&url, &mut schemas).unwrap();
        (schemas, index)
    };
    let (schemas, meeting) = schema_of("data/moede.schema.json");
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("uss/2020-11-02/moede.json")).unwrap())
            .unwrap();
    schemas
        .validate(&data, meeting)
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(data["referat"], true);
    let items = data["punkter"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[2]["adgang"], "lukket");
    assert_eq!(
        items[2]["beslutning"],
        "Udvalget godkendte salget af grunden."
    );
    assert_eq!(items[2]["bilag"].as_array().unwrap().len(), 0);
    assert_eq!(items[0]["beslutning"], "Godkendt.");
    let (schemas, all) = schema_of("data/moeder.schema.json");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("data/moeder.json")).unwrap()).unwrap();
    schemas
        .validate(&index, all)
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(index["moeder"][0]["data"], "../uss/2020-11-02/moede.json");
    for feed in ["feed.xml", "uss/feed.xml"] {
        let text = std::fs::read_to_string(site.join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let root = doc.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        for required in ["id", "title", "updated"] {
            assert!(
                root.children()
                    .any(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", required))),
                "{feed}: {required}"
            );
        }
        let entries: Vec<_> = root
            .children()
            .filter(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
            .collect();
        assert_eq!(entries.len(), 1, "{feed}");
        assert!(
            text.contains("<updated>2020-11-02T00:00:00Z</updated>"),
            "{text}"
        );
    }
}

#[test]
fn a_rerun_writes_nothing_a_change_rewrites_only_what_shows_it_and_the_site_is_reproducible() {
    let (project, run) = site_of_examples();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let before = tree(&site);
    let again = project.run(&["site"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("0 filer skrevet"), "{}", again.stderr);
    assert_eq!(tree(&site), before);
    // Another folder gets the very same bytes.
    let elsewhere = project.run(&["site", "--to", "andet"]);
    assert_eq!(elsewhere.code, 0, "{}", elsewhere.stderr);
    assert_eq!(tree(&project.path().join("andet")), before);
    // A changed case: its meeting's page, data and the search index, nothing else.
    let case = "cases/2020/rammeaftale-2021-2022.toml";
    let text = String::from_utf8(project.read(case)).unwrap();
    let changed = text.replacen("Rammeaftale", "Rammeaftalen", 1);
    assert_ne!(text, changed);
    project.write(case, &changed);
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = tree(&site);
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    for file in &rewritten {
        assert!(
            file.starts_with("uss/2020-11-02/")
                // The words of the changed title, in the file of their first letter.
                || file.starts_with("soeg/ord-")
                // The manifest records the new fingerprint of what the site is made from.
                || *file == ".sagsgen-site"
                || file.starts_with("sager/")
                || *file == "data/sager.json"
                || *file == "soeg/indeks.js"
                || file.ends_with("feed.xml"),
            "{file} should not change: {rewritten:?}"
        );
    }
    assert!(
        rewritten.iter().any(|f| *f == "uss/2020-11-02/index.html"),
        "{rewritten:?}"
    );
    assert!(
        !rewritten
            .iter()
            .any(|f| *f == "stil.css" || *f == "uss/index.html"),
        "{rewritten:?}"
    );
}

#[test]
fn a_meeting_with_errors_is_left_out_and_said_so() {
    let project = Project::examples();
    project.write(
        "moeder/odelagt.toml",
        "type = \"moede\"\nudvalg = \"USS\"\n",
    );
    let run = project.run(&["site"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("moeder/odelagt.toml har fejl og kommer ikke med på hjemmesiden"),
        "{}",
        run.stderr
    );
    assert!(project.exists("output/site/uss/2020-11-02/index.html"));
}

#[test]
fn every_kind_of_page_passes_axe_in_chromium_and_search_finds_an_item() {
    if !browser_ready() {
        return;
    }
    // The imported exports: four committees, agendas and minutes, closed items.
    let project = Project::empty();
    let dir = repo().join("tests/fixtures/import");
    let mut args = vec!["import".to_string()];
    for p in [
        "sbsys/Publication7.xml",
        "acadre",
        "edoc/moede.xml",
        "firstagenda/referat.html",
    ] {
        args.push(dir.join(p).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(project.run(&args).code, 0);
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    assert_links_resolve(&site);
    let report = pages_pass_axe(
        &site,
        "vandløbsprojektet",
        &[
            "index.html",
            "mil/index.html",
            "mil/2021-03-03/index.html",
            "bsu/2021-05-10/index.html",
            "kf/2025-10-08/index.html",
            "soeg/index.html",
        ],
    );
    let results = report["search"]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{report}");
    assert_eq!(results[0]["href"], "../mil/2021-03-03/index.html#punkt-1");
}

/// The record fixture's site: votes, remarks, a case decided by two committees, a closed
/// item with a vote, a planned and a cancelled meeting.
fn site_of_record() -> (Project, PathBuf) {
    let project = Project::fixture("record");
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    (project, site)
}

fn page_text(site: &Path, rel: &str) -> String {
    let html = std::fs::read_to_string(site.join(rel)).unwrap();
    let page = scraper::Html::parse_document(&html);
    page.root_element().text().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_case_page_follows_the_case_through_its_committees_and_meetings_show_the_record() {
    let (_project, site) = site_of_record();
    assert_links_resolve(&site);
    let case = page_text(&site, "sager/25-1001/index.html");
    crate::common::assert_in_order(
        &case,
        &[
            "Ny skolestruktur i Nordbyen",
            "25/1001",
            "Sagens forløb",
            "Beslutning i Børne- og Ungdomsudvalget den 5. maj 2025",
            "Indstillingen blev anbefalet over for Økonomiudvalget.",
            "For stemte: A, F og Ø (3)",
            "Protokolbemærkning fra V:",
            "Se mødet: Børne- og Ungdomsudvalget",
            "Beslutning i Økonomiudvalget den 13. maj 2025",
            "Økonomiudvalget godkendte sammenlægningen.",
            "For stemte: 7",
            "Se mødet: Økonomiudvalget",
        ],
    );
    let html = std::fs::read_to_string(site.join("sager/25-1001/index.html")).unwrap();
    assert!(
        html.contains("href=\"../../bu/2025-05-05/index.html#punkt-2\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"../../oeu/2025-05-13/index.html#punkt-1\""),
        "{html}"
    );
    // The meeting's page shows attendance, the record and the approval, and links the case.
    let meeting = std::fs::read_to_string(site.join("bu/2025-05-05/index.html")).unwrap();
    assert!(meeting.contains("href=\"../../sager/25-1001/index.html\""));
    crate::common::assert_in_order(
        &page_text(&site, "bu/2025-05-05/index.html"),
        &[
            "Til stede",
            "Hans Hald (for Gitte Grøn)",
            "Imod stemte: V (1)",
            "Carl Carlsen deltog ikke i behandlingen af punktet på grund af inhabilitet.",
            "Fraværende under punktet: Bent Berg",
            "Køb af grund ved Mosevej",
            "Lukket punkt",
            "Udvalget besluttede at købe grunden.",
            "Godkendelse af referatet",
            "Hans Hald (for Gitte Grøn)",
            "Godkendt den 07-05-2025",
        ],
    );
    // An attachment whose title numbers it is not numbered again; one without a file
    // says why; a long meeting's items lead back to its contents.
    assert!(
        meeting.contains("<li>Bilag 5: Elevprognose 2025-2035 <span class=\"svag\">(ikke offentliggjort som fil)</span></li>"),
        "{meeting}"
    );
    assert!(!meeting.contains("Bilag 1: Bilag 5"));
    // The closed case has no page, and nothing of it is in any byte of the site.
    assert!(!site.join("sager/25-1002").exists());
    for (rel, bytes) in tree(&site) {
        for secret in [
            "Hemmeligsen",
            "2,1 mio",
            "Prisen til",
            "Anne Andersen og Bent Berg",
            "25/1002",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{rel} holds {secret:?}"
            );
        }
    }
    // Planned and cancelled meetings are listed as such, with pages of their own.
    let committee = page_text(&site, "bu/index.html");
    assert!(
        committee.contains("16. juni 2025 – Aflyst møde"),
        "{committee}"
    );
    assert!(
        committee.contains("2. juni 2025 – Planlagt møde"),
        "{committee}"
    );
    assert!(page_text(&site, "bu/2025-06-16/index.html").contains("Mødet er aflyst."));
    assert!(page_text(&site, "bu/2025-06-02/index.html").contains("Mødet er planlagt."));
}

#[test]
fn the_record_is_in_the_open_data_and_the_data_validates() {
    let (_project, site) = site_of_record();
    let validate = |schema_file: &str, data_file: &str| -> serde_json::Value {
        let schema: serde_json::Value =
            serde_json::from_slice(&std::fs::read(site.join(schema_file)).unwrap()).unwrap();
        let data: serde_json::Value =
            serde_json::from_slice(&std::fs::read(site.join(data_file)).unwrap()).unwrap();
        let mut compiler = boon::Compiler::new();
        let url = format!("file:///{schema_file}");
        compiler.add_resource(&url, schema).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(&url, &mut schemas).unwrap();
        schemas
            .validate(&data, index)
            .unwrap_or_else(|e| panic!("{data_file}: {e:#}"));
        data
    };
    for folder in [
        "bu/2025-05-05",
        "bu/2025-06-02",
        "bu/2025-06-16",
        "oeu/2025-05-13",
    ] {
        validate("data/moede.schema.json", &format!("{folder}/moede.json"));
    }
    let meeting = validate("data/moede.schema.json", "bu/2025-05-05/moede.json");
    assert_eq!(meeting["stedfortraedere"][0]["for"], "Gitte Grøn");
    assert_eq!(meeting["godkendelse"]["dato"], "2025-05-07");
    assert_eq!(meeting["deltagere"][0]["rolle"], "formand");
    let item = &meeting["punkter"][1];
    assert_eq!(
        item["afstemning"]["for"],
        serde_json::json!(["A", "F", "Ø"])
    );
    assert_eq!(item["afstemning"]["resultat"], "vedtaget");
    assert_eq!(item["protokolbemaerkninger"][0]["af"], "V");
    assert_eq!(item["inhabile"], serde_json::json!(["Carl Carlsen"]));
    assert_eq!(item["sag"]["adresse"], "../../sager/25-1001/index.html");
    let closed = &meeting["punkter"][2];
    assert_eq!(closed["afstemning"], serde_json::Value::Null);
    assert_eq!(closed["protokolbemaerkninger"], serde_json::json!([]));
    assert_eq!(closed["beslutning"], "Udvalget besluttede at købe grunden.");
    let index = validate("data/moeder.schema.json", "data/moeder.json");
    let cancelled = index["moeder"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["dato"] == "2025-06-16")
        .unwrap();
    assert_eq!(cancelled["aflyst"], true);
    let cases = validate("data/sager.schema.json", "data/sager.json");
    let path = &cases["sager"][0]["behandlinger"];
    assert_eq!(path.as_array().unwrap().len(), 2);
    assert_eq!(path[1]["afstemning"]["for"], 7);
    assert_eq!(path[1]["moede"], "../oeu/2025-05-13/index.html#punkt-1");
}

#[test]
fn the_record_pages_pass_axe_in_chromium() {
    if !browser_ready() {
        return;
    }
    let (_project, site) = site_of_record();
    pages_pass_axe(
        &site,
        "skolestruktur",
        &[
            "sager/25-1001/index.html",
            "bu/2025-05-05/index.html",
            "bu/2025-06-16/index.html",
            "bu/2025-06-02/index.html",
            "bu/index.html",
            "index.html",
        ],
    );
}

#[test]
fn the_site_names_its_organisation_links_its_statement_and_publishes_a_calendar() {
    use icalendar::Component;
    let project = Project::fixture("record");
    let bare = project.run(&["site"]);
    assert_eq!(bare.code, 0, "{}", bare.stderr);
    // A public body's site without a statement or a licence: said.
    bare.assert_said("advarsel: sagsgen.toml: hjemmesiden linker ikke til en tilgængelighedserklæring: en dansk offentlig myndighed skal linke til sin tilgængelighedserklæring fra hver side");
    bare.assert_said("advarsel: sagsgen.toml: de åbne data angiver ingen licens");
    let config = String::from_utf8(project.read("sagsgen.toml")).unwrap();
    project.write(
        "sagsgen.toml",
        config
            + "\n[site]\nadresse = \"https://dagsordener.eksempel.dk/\"\ntilgaengelighedserklaering = \"https://was.digst.dk/dagsordener-eksempel-dk\"\nlicens = \"https://creativecommons.org/licenses/by/4.0/\"\n",
    );
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_not_said("advarsel");
    let site = project.path().join("output/site");
    for (rel, bytes) in tree(&site).iter().filter(|(r, _)| r.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(
            html.contains("<a href=\"https://was.digst.dk/dagsordener-eksempel-dk\">Tilgængelighedserklæring</a>"),
            "{rel}"
        );
        assert!(html.contains("Eksempel Kommune"), "{rel}");
    }
    // The open data state their licence; the feeds name themselves by the site's address.
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("data/moeder.json")).unwrap()).unwrap();
    assert_eq!(
        index["licens"],
        "https://creativecommons.org/licenses/by/4.0"
    );
    let feed = std::fs::read_to_string(site.join("bu/feed.xml")).unwrap();
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://dagsordener.eksempel.dk/bu/feed.xml\"/>"), "{feed}");
    assert!(
        feed.contains("<id>https://dagsordener.eksempel.dk/bu/2025-05-05/referat</id>"),
        "{feed}"
    );
    // The calendars parse, and hold every meeting: planned and cancelled ones too.
    for (file, count) in [
        ("kalender.ics", 4),
        ("bu/kalender.ics", 3),
        ("oeu/kalender.ics", 1),
    ] {
        assert_eq!(events_of(&site.join(file)).len(), count, "{file}");
    }
    let text = std::fs::read_to_string(site.join("bu/kalender.ics")).unwrap();
    let events = events_of(&site.join("bu/kalender.ics"));
    let held = &events[0];
    assert_eq!(
        held.get_uid(),
        Some("bu-2025-05-05@dagsordener.eksempel.dk")
    );
    assert_eq!(
        held.property_value("LOCATION"),
        Some("Rådhuset, mødelokale 1")
    );
    assert_eq!(
        held.properties()["DTSTART"].params()["TZID"].value(),
        "Europe/Copenhagen"
    );
    assert_eq!(held.property_value("DTSTART"), Some("20250505T160000"));
    assert_eq!(
        events[1].get_summary(),
        Some("Børne- og Ungdomsudvalget: Planlagt møde")
    );
    assert_eq!(
        events[2].get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
    let committee = std::fs::read_to_string(site.join("bu/index.html")).unwrap();
    assert!(
        committee.contains("<a href=\"kalender.ics\">"),
        "{committee}"
    );
}

#[test]
fn search_ranks_title_matches_first_matches_danish_forms_and_shows_snippets() {
    if !browser_ready() {
        return;
    }
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[udvalg]\nTMU = \"Teknik- og Miljøudvalget\"\n",
    );
    let item = |titel: &str, tekst: &str| {
        format!(
            "[[punkter]]\ntitel = \"{titel}\"\ntekst = \"{tekst}\"\nbeslutning = \"Godkendt.\"\n\n"
        )
    };
    project.write(
        "moeder/tmu-2024-01-10.toml",
        format!(
            "type = \"moede\"\nudvalg = \"TMU\"\ndato = 2024-01-10\n\n{}{}",
            item(
                "Trafiksikkerhed",
                "Forslaget om en ny lokalplan for Nordbyen drøftes senere."
            ),
            item(
                "Foreningsliv",
                "Udvalget vil styrke den lokale forankring af foreningerne."
            ),
        ),
    );
    project.write(
        "moeder/tmu-2025-03-05.toml",
        format!(
            "type = \"moede\"\nudvalg = \"TMU\"\ndato = 2025-03-05\n\n{}{}{}",
            item(
                "Vejvedligehold",
                "Asfalten på Ringvejen skal udskiftes, og lokalplanen for havnen venter."
            ),
            item(
                "Lokalplan 123 for Nordbyen",
                "Planen giver mulighed for 200 boliger."
            ),
            item(
                "Cykelsti langs Ådalen",
                "Stien bliver 2,5 km lang og får belysning."
            ),
        ),
    );
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let args: Vec<&std::ffi::OsStr> = vec![
        site.as_os_str(),
        "lokalplan|cykelstier|skoler".as_ref(),
        "soeg/index.html".as_ref(),
    ];
    let report = browser_script("check.mjs", &args);
    let searches = report["searches"].as_array().unwrap();
    let titles = |i: usize| -> Vec<String> {
        searches[i]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["text"].as_str().unwrap().to_string())
            .collect()
    };
    // The title match first, then by recency; "lokal" alone is no match.
    assert_eq!(
        titles(0),
        [
            "2. Lokalplan 123 for Nordbyen",
            "1. Vejvedligehold",
            "1. Trafiksikkerhed"
        ],
        "{report}"
    );
    assert_eq!(searches[0]["status"], "3 punkter fundet for »lokalplan«.");
    let snippet = searches[0]["results"][1]["snippet"].as_str().unwrap();
    assert!(snippet.contains("lokalplanen for havnen"), "{snippet}");
    assert_eq!(
        searches[0]["results"][1]["marked"],
        serde_json::json!(["lokalplanen"])
    );
    // An inflected form finds the word.
    assert_eq!(titles(1), ["3. Cykelsti langs Ådalen"], "{report}");
    assert_eq!(searches[2]["status"], "Ingen punkter fundet for »skoler«.");
}

#[test]
fn a_run_with_nothing_changed_does_nothing_yet_restores_a_removed_file_and_repeats_problems() {
    let (project, run) = site_of_examples();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let manifest = std::fs::read_to_string(site.join(".sagsgen-site")).unwrap();
    assert!(manifest.starts_with("#fingerprint "), "{manifest}");
    let again = project.run(&["site"]);
    again.assert_said("0 filer skrevet");
    // A file of the site removed by hand: the next run makes the site again.
    std::fs::remove_file(site.join("uss/index.html")).unwrap();
    let restored = project.run(&["site"]);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert!(site.join("uss/index.html").is_file());
    // A run with an error is not remembered: the next one says it again.
    project.write(
        "moeder/ødelagt.toml",
        "type = \"moede\"\nudvalg = \"XYZ\"\ndato = 2025-01-01\n",
    );
    let failed = project.run(&["site"]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    let repeated = project.run(&["site"]);
    assert_eq!(repeated.code, 1, "{}", repeated.stderr);
    repeated.assert_said("kommer ikke med på hjemmesiden");
}

/// What OParl 1.1 requires of each type (its schema's `required`).
fn required(kind: &str) -> &'static [&'static str] {
    match kind {
        "System" => &["id", "type", "oparlVersion", "body"],
        "Body" => &[
            "id",
            "type",
            "name",
            "organization",
            "person",
            "meeting",
            "paper",
            "legislativeTerm",
        ],
        "File" => &["id", "type", "accessUrl"],
        _ => &["id", "type"],
    }
}

/// Checks one OParl object of a crawled file against OParl 1.1: its type, the properties it
/// requires, the shape of each property, `created` and `modified` in Copenhagen time, and
/// no property OParl does not have. Adds its references; answers its type.
fn oparl_object(
    object: &serde_json::Value,
    url: &str,
    references: &mut Vec<(String, String, String)>,
) -> String {
    let kind = object["type"]
        .as_str()
        .and_then(|t| t.strip_prefix("https://schema.oparl.org/1.1/"))
        .unwrap_or_else(|| panic!("{url}: {object}"));
    for (field, v) in object.as_object().unwrap() {
        if ["id", "type", "created", "modified", "web"].contains(&field.as_str()) {
            continue;
        }
        let shape = shapes(kind)
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, shape)| *shape)
            .unwrap_or_else(|| panic!("{url}: {kind}.{field} is no property sagsgen should write"));
        assert!(
            shape_of(v, shape),
            "{url}: {kind}.{field} is not {shape}: {v}"
        );
        if let Some(target) = shape.split_once(':').map(|(_, t)| t) {
            let addresses = v.as_array().cloned().unwrap_or_else(|| vec![v.clone()]);
            for address in addresses {
                let address = address.as_str().unwrap().to_string();
                references.push((
                    target.to_string(),
                    address,
                    format!("{url} ({kind}.{field})"),
                ));
            }
        }
    }
    for field in required(kind).iter().chain(&["created", "modified"]) {
        assert!(
            object.get(*field).is_some(),
            "{url}: a {kind} without {field}"
        );
    }
    for field in ["created", "modified"] {
        let t = object[field].as_str().unwrap();
        assert!(
            t.len() == 25 && (t.ends_with("+01:00") || t.ends_with("+02:00")),
            "{url}: {field} {t}"
        );
    }
    kind.to_string()
}

/// No text in an OParl file is empty (a missing value is left out).
fn no_empty_text(value: &serde_json::Value, url: &str) {
    match value {
        serde_json::Value::String(s) => assert!(!s.is_empty(), "{url}: an empty text"),
        serde_json::Value::Array(a) => a.iter().for_each(|v| no_empty_text(v, url)),
        serde_json::Value::Object(o) => o.values().for_each(|v| no_empty_text(v, url)),
        _ => {}
    }
}

/// The objects, by address, with their type, that a client finds from the System: the
/// Bodies, each Body's organizations, people, meetings and papers (every page of them),
/// and the objects embedded in those.
fn objects_in_main_lists(site: &Path, base: &str) -> std::collections::BTreeMap<String, String> {
    let read = |url: &str| -> serde_json::Value {
        let rel = url.strip_prefix(base).unwrap();
        serde_json::from_slice(&std::fs::read(site.join(rel)).unwrap()).unwrap()
    };
    fn collect(v: &serde_json::Value, known: &mut std::collections::BTreeMap<String, String>) {
        if let (Some(id), Some(kind)) = (v["id"].as_str(), v["type"].as_str()) {
            let kind = kind.trim_start_matches("https://schema.oparl.org/1.1/");
            known.insert(id.to_string(), kind.to_string());
        }
        match v {
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, known)),
            serde_json::Value::Object(o) => o.values().for_each(|v| collect(v, known)),
            _ => {}
        }
    }
    let mut known = std::collections::BTreeMap::new();
    let system = read(&format!("{base}oparl/system.json"));
    collect(&system, &mut known);
    let bodies = read(system["body"].as_str().unwrap());
    collect(&bodies["data"], &mut known);
    for body in bodies["data"].as_array().unwrap() {
        for list in ["organization", "person", "meeting", "paper"] {
            let mut next = body[list].as_str().map(str::to_string);
            while let Some(url) = next {
                let page = read(&url);
                collect(&page["data"], &mut known);
                next = page["links"]["next"].as_str().map(str::to_string);
            }
        }
    }
    known
}

#[test]
fn oparl_objects_are_at_their_ids_link_to_each_other_and_hold_nothing_closed() {
    let project = Project::fixture("record");
    let config = String::from_utf8(project.read("sagsgen.toml")).unwrap();
    project.write(
        "sagsgen.toml",
        config + "\n[site]\nadresse = \"https://dagsordener.eksempel.dk\"\nlicens = \"https://creativecommons.org/licenses/by/4.0/\"\n",
    );
    let run = project.run(&["site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = project.path().join("output/site");
    let base = "https://dagsordener.eksempel.dk/";
    let file_of = |url: &str| site.join(url.strip_prefix(base).unwrap().split('#').next().unwrap());
    let mut seen = std::collections::BTreeSet::new();
    let mut todo = vec![format!("{base}oparl/system.json")];
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    // Every reference to another object: (the target's type, its address, where).
    let mut references = Vec::<(String, String, String)>::new();
    while let Some(url) = todo.pop() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let path = file_of(&url);
        assert!(path.is_file(), "{url} is not served");
        if !url.ends_with(".json") {
            continue;
        }
        let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        no_empty_text(&value, &url);
        let objects: Vec<&serde_json::Value> = match value.get("data") {
            Some(data) => {
                // A list: its pagination and links.
                assert!(value["pagination"]["totalElements"].is_u64(), "{url}");
                assert!(value["links"]["first"].is_string(), "{url}");
                data.as_array().unwrap().iter().collect()
            }
            None => {
                assert_eq!(value["id"], url, "{url}: its id is its address");
                vec![&value]
            }
        };
        for object in objects {
            let kind = oparl_object(object, &url, &mut references);
            *kinds.entry(kind).or_default() += 1;
        }
        // Every address into the site is followed.
        let text = serde_json::to_string(&value).unwrap();
        for found in text.split('"').filter(|s| s.starts_with(base)) {
            todo.push(found.to_string());
        }
    }
    // A validator knows the objects of the Body's four lists (organizations, people,
    // meetings, papers) and those embedded in them; every reference must be to one.
    let known = objects_in_main_lists(&site, base);
    for (kind, target, from) in &references {
        assert!(
            known.get(target) == Some(kind),
            "{from} refers to the {kind} {target}, which is not in the lists"
        );
    }
    for kind in [
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    ] {
        assert!(kinds.contains_key(kind), "no {kind}: {kinds:?}");
    }
    let meeting: serde_json::Value = serde_json::from_slice(
        &std::fs::read(site.join("oparl/meeting/bu-2025-05-05.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(meeting["start"], "2025-05-05T16:00:00+02:00");
    assert_eq!(meeting["meetingState"], "durchgeführt");
    let cancelled: serde_json::Value = serde_json::from_slice(
        &std::fs::read(site.join("oparl/meeting/bu-2025-06-16.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(cancelled["cancelled"], true);
    let paper: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("oparl/paper/25-1001.json")).unwrap())
            .unwrap();
    assert_eq!(paper["reference"], "25/1001");
    assert_eq!(paper["consultation"].as_array().unwrap().len(), 2);
    assert_eq!(paper["consultation"][1]["authoritative"], true);
    // The closed item: its public title and public decision, nothing more.
    let closed = &meeting["agendaItem"][2];
    assert_eq!(closed["public"], false);
    assert_eq!(closed["name"], "Køb af grund ved Mosevej");
    assert!(closed.get("consultation").is_none() && closed.get("auxiliaryFile").is_none());
    for (rel, bytes) in tree(&site).iter().filter(|(r, _)| r.starts_with("oparl/")) {
        for secret in ["Hemmeligsen", "2,1 mio", "25/1002", "25-1002", "Prisen til"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{rel} holds {secret:?}"
            );
        }
    }
}

#[test]
fn an_imported_attachment_without_its_file_says_it_was_not_in_the_export() {
    let project = Project::empty();
    let page = repo().join("tests/fixtures/import/firstagenda/referat.html");
    let run = project.run(&["import", page.to_str().unwrap(), "--to", "p"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = project.path().join("p");
    let site = crate::common::sagsgen()
        .arg("site")
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        site.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&site.stderr)
    );
    let html = std::fs::read_to_string(root.join("output/site/kf/2025-10-08/index.html")).unwrap();
    assert!(
        html.contains("<span class=\"svag\">(ikke med i udtrækket)</span>"),
        "{html}"
    );
}

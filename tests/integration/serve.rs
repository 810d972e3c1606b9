//! `sagsgen serve`: the live preview on the loopback address. Nothing outside the
//! project's documents is served (traversal tried, a symlink out of the project too), the
//! server stops cleanly on Ctrl-C, and — in Debian's Chromium — the overview lists the
//! examples, a document shows its first page, an edited title shows without a reload, a
//! broken file shows its error with the line, and the pages pass axe-core.

use std::io::{Read, Write};

use crate::common::{Project, Spawned, browser_ready, browser_script};

/// The preview of the example project, started on a free port; its address.
fn started(project: &Project) -> (Spawned, String) {
    // The address is the command's output, on standard output.
    let mut server = Spawned::start_stdout(project.path(), &["serve", "--port", "0"]);
    let line = server.wait_for("Forhåndsvisning på ");
    let url = line
        .split("Forhåndsvisning på ")
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    (server, url)
}

/// A raw GET of `target` (sent as written, not normalised): status and body.
fn get(url: &str, target: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    request(
        url,
        &format!("GET {target} HTTP/1.1\r\nHost: {address}\r\n"),
    )
}

/// A raw request: its head as written (without the last empty line); status and the
/// whole response, headers included.
fn request(url: &str, head: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "{head}Connection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    with_status(&response)
}

/// A response's status and its text.
fn with_status(response: &[u8]) -> (u16, String) {
    let text = String::from_utf8_lossy(response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

#[test]
fn only_the_projects_documents_are_served_on_loopback_and_ctrl_c_stops_it() {
    let project = Project::examples();
    // A file outside the project, and a link to it among the cases.
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("hemmelig.toml");
    std::fs::write(&secret, "type = \"notat\"\ntitel = \"Udenfor projektet\"\ntil = \"X\"\ntekst = \"Hemmeligt indhold\"\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, project.path().join("cases/link.toml")).unwrap();
    let (server, url) = started(&project);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let (status, overview) = get(&url, "/");
    assert_eq!(status, 200);
    assert!(overview.contains("Rammeaftale 2021-2022"), "{overview}");
    assert!(
        !overview.contains("link.toml") && !overview.contains("Udenfor projektet"),
        "{overview}"
    );
    let (status, page) = get(
        &url,
        "/dokument?f=cases/2020/salg-af-grund-industrivej.toml",
    );
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("img class=\"side\""), "{page}");
    // The overview says one word for every good file, and marks what is closed.
    let (_, list) = get(&url, "/liste");
    let row = |file: &str| {
        list.lines()
            .find(|l| l.contains(&format!(">{file}</td>")))
            .unwrap_or_else(|| panic!("{file} in {list}"))
            .to_string()
    };
    let closed = row("cases/2020/salg-af-grund-industrivej.toml");
    assert!(closed.contains(">I orden<"), "{closed}");
    assert!(
        closed.contains("</a> <span class=\"lukket\">Lukket</span></td>"),
        "{closed}"
    );
    let open = row("cases/2025/digitaliseringsstrategi-status.toml");
    assert!(
        open.contains(">I orden<") && !open.contains("lukket"),
        "{open}"
    );
    let meeting = row("moeder/uss-2020-11-02.toml");
    assert!(
        meeting.contains("<span class=\"lukket\">1 lukket punkt</span>"),
        "{meeting}"
    );
    assert!(
        !list.contains("Bygget") && !list.contains("Gyldig"),
        "{list}"
    );
    let (status, svg) = get(
        &url,
        "/side?f=cases/2020/salg-af-grund-industrivej.toml&n=1",
    );
    assert_eq!(status, 200);
    assert!(svg.contains("<svg"), "the page as SVG");
    // Asked for by the fingerprint the document's page names, a page may be kept for good;
    // by another (an older version), it is the current page, not to be kept.
    let named = page
        .split("/side?")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .replace("&amp;", "&");
    assert!(named.contains("&h="), "{named}");
    let (status, current) = get(&url, &format!("/side?{named}"));
    assert_eq!(status, 200);
    assert_eq!(
        header(&current, "cache-control"),
        Some("private, max-age=31536000, immutable")
    );
    let stale = named.split("&h=").next().unwrap().to_string() + "&h=0000";
    let (status, older) = get(&url, &format!("/side?{stale}"));
    assert_eq!(status, 200);
    assert_eq!(header(&older, "cache-control"), Some("no-store"));
    // A meeting: its editions, the packet with the attachments' pages among them.
    for (edition, name) in [
        ("referat", "Referat"),
        (
            "dagsorden-offentlig-med-bilag",
            "Dagsorden med bilag, offentlig",
        ),
    ] {
        let (status, page) = get(
            &url,
            &format!("/dokument?f=moeder/uss-2020-11-02.toml&e={edition}"),
        );
        assert_eq!(status, 200, "{edition}: {page}");
        assert!(
            page.contains(&format!("aria-current=\"page\">{name}</a>")),
            "{edition}: {page}"
        );
        assert!(page.contains("img class=\"side\""), "{edition}");
    }
    let (_, agenda) = get(&url, "/dokument?f=moeder/uss-2020-11-02.toml&e=dagsorden");
    let (_, packet) = get(
        &url,
        "/dokument?f=moeder/uss-2020-11-02.toml&e=dagsorden-med-bilag",
    );
    assert!(
        packet.matches("class=\"side\"").count() > agenda.matches("class=\"side\"").count(),
        "the packet has the attachments' pages too"
    );
    let (status, pdf) = get(&url, "/pdf?f=cases/2020/salg-af-grund-industrivej.toml");
    assert_eq!(status, 200);
    assert!(pdf.contains("%PDF-"));

    for target in [
        "/dokument?f=cases/link.toml",
        "/side?f=cases/link.toml&n=1",
        "/dokument?f=../../../../etc/passwd",
        "/dokument?f=%2Fetc%2Fpasswd",
        "/pdf?f=sagsgen.toml",
        "/side?f=cases/2020/../../sagsgen.toml&n=1",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/bilag/vurdering-grund.pdf",
        "/output/",
    ] {
        let (status, body) = get(&url, target);
        assert_eq!(status, 404, "{target}: {body}");
        assert!(
            !body.contains("Hemmeligt indhold") && !body.contains("root:"),
            "{target}"
        );
    }
    // A file saved this moment is served at once, before the watcher has told of it.
    project.write(
        "cases/lige-gemt.toml",
        "type = \"notat\"\ntitel = \"Lige gemt\"\ntil = \"Udvalget\"\ntekst = \"Tekst.\"\n",
    );
    let (status, page) = get(&url, "/dokument?f=cases/lige-gemt.toml");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("<h1 data-version=\"") && page.contains(">Lige gemt</h1>"),
        "{page}"
    );
    // A file saved while the preview runs joins the overview.
    project.write(
        "cases/ny-sag.toml",
        "type = \"notat\"\ntitel = \"Et nyt notat\"\ntil = \"Udvalget\"\ntekst = \"Tekst.\"\n",
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, overview) = get(&url, "/liste");
        if overview.contains("Et nyt notat") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the new file never showed: {overview}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // A page listening for changes does not keep the server from stopping.
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut listening = std::net::TcpStream::connect(&address).unwrap();
    write!(
        listening,
        "GET /haendelser HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    server.interrupt();
    let (code, _) = server.finish();
    assert_eq!(code, Some(0), "Ctrl-C stops the preview cleanly");
    drop(listening);
}

#[test]
fn a_broken_project_setup_is_said_and_the_preview_does_not_start() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[udvalg\n");
    let run = project.run(&["serve", "--port", "0"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("sagsgen.toml"), "{}", run.stderr);
}

#[test]
fn in_chromium_pages_update_as_files_are_saved_and_pass_axe() {
    if !browser_ready() {
        return;
    }
    let project = Project::examples();
    let (server, url) = started(&project);
    let rel = "cases/2025/digitaliseringsstrategi-status.toml";
    let file = project.path().join(rel);
    let item = project.path().join("cases/2020/rammeaftale-2021-2022.toml");
    let report = browser_script(
        "serve.mjs",
        &[
            url.as_ref(),
            rel.as_ref(),
            file.as_os_str(),
            "En helt ny titel".as_ref(),
            "moeder/uss-2020-11-02.toml".as_ref(),
            item.as_os_str(),
            "aftalt øget gennemsigtighed".as_ref(),
            "aftalt større gennemsigtighed".as_ref(),
        ],
    );
    let overview = report["overview"]["text"].as_str().unwrap();
    for title in [
        "Rammeaftale 2021-2022 og Centrale Udmeldinger til politisk behandling",
        "Salg af grund på Industrivej",
        "Status på digitaliseringsstrategien 2024-2027",
    ] {
        assert!(
            overview.contains(title),
            "{title} not in the overview: {overview}"
        );
    }
    assert_eq!(
        report["overview"]["violations"],
        serde_json::json!([]),
        "{report}"
    );
    assert_eq!(
        report["document"]["violations"],
        serde_json::json!([]),
        "{report}"
    );
    assert!(
        report["document"]["pages"].as_u64().unwrap() >= 1,
        "{report}"
    );
    assert_eq!(report["document"]["lazy"], true, "{report}");
    // At 375 and 320 px the overview fits the screen and passes axe.
    for width in ["375", "320"] {
        assert_eq!(report["narrow"][width]["overflow"], 0, "{width}: {report}");
        assert_eq!(
            report["narrow"][width]["violations"],
            serde_json::json!([]),
            "{width}: {report}"
        );
    }
    assert!(
        report["closedRow"]
            .as_str()
            .unwrap()
            .starts_with("Salg af grund på Industrivej Lukket"),
        "{report}"
    );
    assert_eq!(report["edit"]["title"], "En helt ny titel");
    assert_eq!(report["edit"]["notReloaded"], true);
    // The reader stays where they were.
    assert!(
        report["edit"]["scrollBefore"].as_f64().unwrap() > 0.0,
        "{report}"
    );
    assert_eq!(
        report["edit"]["scrollAfter"], report["edit"]["scrollBefore"],
        "{report}"
    );
    let error = report["broken"]["error"].as_str().unwrap();
    assert!(
        error.contains(&format!("{rel}:5:")),
        "the line of the error: {error}"
    );
    assert_eq!(report["broken"]["stale"], true, "{report}");
    assert!(
        report["broken"]["pages"].as_u64().unwrap() >= 1,
        "the last good pages stay"
    );
    assert_eq!(
        report["broken"]["violations"],
        serde_json::json!([]),
        "{report}"
    );
    assert_eq!(
        report["broken"]["download"], "Hent PDF fra sidste fejlfri version (Dokumentet)",
        "{report}"
    );
    // The meeting: one word of one item changed one page; only that page was fetched
    // again, and every page kept its element.
    let meeting = &report["meeting"];
    assert!(meeting["pages"].as_u64().unwrap() >= 3, "{report}");
    let changed = meeting["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "one page changed: {report}");
    assert_eq!(meeting["fetched"], serde_json::json!(changed), "{report}");
    assert_eq!(meeting["elementsKept"], true, "{report}");
    assert_eq!(report["refused"], serde_json::json!([]), "{report}");
    assert_eq!(report["consoleErrors"], serde_json::json!([]), "{report}");
    server.interrupt();
    assert_eq!(server.finish().0, Some(0));
}

/// Every route the preview answers, with the closed case of the examples where it names one.
const ROUTES: [&str; 8] = [
    "/",
    "/liste",
    "/dokument?f=cases/2020/salg-af-grund-industrivej.toml",
    "/visning?f=cases/2020/salg-af-grund-industrivej.toml",
    "/side?f=cases/2020/salg-af-grund-industrivej.toml&n=1",
    "/pdf?f=cases/2020/salg-af-grund-industrivej.toml",
    "/haendelser",
    "/live.js",
];

/// What only the closed case's own pages say.
const CLOSED_TEXT: &str = "Industrivej";

fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let head = response.split("\r\n\r\n").next().unwrap_or("");
    head.lines().find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[test]
fn foreign_host_and_origin_are_refused_on_every_route_and_every_answer_is_guarded() {
    let project = Project::examples();
    let (server, url) = started(&project);
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let port = address.rsplit_once(':').unwrap().1;
    for route in ROUTES {
        // The preview's own names for itself get in (the event stream is left open: a
        // status line is all this needs of it).
        for host in [
            address.to_string(),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ] {
            let (status, response) = if route == "/haendelser" {
                first_line(&url, &format!("GET {route} HTTP/1.1\r\nHost: {host}\r\n"))
            } else {
                request(&url, &format!("GET {route} HTTP/1.1\r\nHost: {host}\r\n"))
            };
            assert_eq!(status, 200, "{route} for {host}: {response}");
        }
        // A rebound name, another port, no Host at all, a request line naming another host.
        for head in [
            format!("GET {route} HTTP/1.1\r\nHost: evil.example.com:{port}\r\n"),
            format!("GET {route} HTTP/1.1\r\nHost: evil.example.com\r\n"),
            format!("GET {route} HTTP/1.1\r\nHost: 127.0.0.1:1\r\n"),
            format!("GET {route} HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
            format!("GET {route} HTTP/1.0\r\n"),
            format!("GET http://evil.example.com:{port}{route} HTTP/1.1\r\nHost: {address}\r\n"),
        ] {
            let (status, response) = request(&url, &head);
            assert_eq!(status, 421, "{head}{response}");
            assert!(
                response.ends_with(
                    "Afvist: forhåndsvisningen svarer kun på adressen 127.0.0.1, localhost eller [::1] med sin egen port.\n"
                ),
                "{head}{response}"
            );
            assert!(!response.contains(CLOSED_TEXT), "{head}{response}");
            assert_guarded(&response, &head);
        }
        // The right host, but asked for by another page.
        for origin in [
            "http://evil.example.com".to_string(),
            format!("http://127.0.0.1:{}", port.parse::<u16>().unwrap() ^ 1),
            "null".to_string(),
        ] {
            let head = format!("GET {route} HTTP/1.1\r\nHost: {address}\r\nOrigin: {origin}\r\n");
            let (status, response) = request(&url, &head);
            assert_eq!(status, 403, "{head}{response}");
            assert!(
                response.ends_with(
                    "Afvist: forespørgslen kommer fra en anden side end forhåndsvisningen selv.\n"
                ),
                "{head}{response}"
            );
            assert!(!response.contains(CLOSED_TEXT), "{head}{response}");
        }
        // Loaded into another site's page without an Origin (an image, a script).
        let head = format!(
            "GET {route} HTTP/1.1\r\nHost: {address}\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\n"
        );
        let (status, response) = request(&url, &head);
        assert_eq!(status, 403, "{head}{response}");
        assert!(!response.contains(CLOSED_TEXT), "{head}{response}");
        // Nothing but reading.
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let head =
                format!("{method} {route} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\n");
            let (status, response) = request(&url, &head);
            assert_eq!(status, 405, "{head}{response}");
            assert_eq!(header(&response, "allow"), Some("GET, HEAD"), "{response}");
        }
    }
    // The preview's own origin is welcome, and every answer carries the headers.
    for route in ROUTES.iter().filter(|r| **r != "/haendelser") {
        let head =
            format!("GET {route} HTTP/1.1\r\nHost: {address}\r\nOrigin: http://{address}\r\n");
        let (status, response) = request(&url, &head);
        assert_eq!(status, 200, "{head}{response}");
        assert_guarded(&response, route);
        let policy = header(&response, "content-security-policy").unwrap();
        if route.starts_with("/side") {
            assert!(policy.starts_with("default-src 'none';"), "{policy}");
            assert!(
                !policy.contains("script-src"),
                "no script in a picture: {policy}"
            );
        } else {
            assert_eq!(
                policy,
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            );
        }
    }
    let (status, response) = get(&url, "/ingen-side");
    assert_eq!(status, 404);
    assert_guarded(&response, "/ingen-side");
    server.interrupt();
    assert_eq!(server.finish().0, Some(0));
}

/// The headers every answer of the preview carries.
fn assert_guarded(response: &str, what: &str) {
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-resource-policy", "same-origin"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(
            header(response, name),
            Some(value),
            "{name} on {what}: {response}"
        );
    }
    let policy = header(response, "content-security-policy").unwrap_or("");
    assert!(
        policy.contains("frame-ancestors 'none'") && policy.starts_with("default-src 'none'"),
        "{what}: {policy}"
    );
}

/// The status and the head of a response that does not end (the event stream).
fn first_line(url: &str, head: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "{head}\r\n").unwrap();
    let mut response = Vec::new();
    let mut byte = [0u8; 1];
    while !response.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
        response.push(byte[0]);
    }
    with_status(&response)
}

#[test]
fn in_chromium_another_page_cannot_frame_fetch_or_listen_and_a_rebound_name_is_refused() {
    if !browser_ready() {
        return;
    }
    let project = Project::examples();
    let (server, url) = started(&project);
    let report = browser_script(
        "door.mjs",
        &[
            url.as_ref(),
            "cases/2020/salg-af-grund-industrivej.toml".as_ref(),
            CLOSED_TEXT.as_ref(),
        ],
    );
    let other = &report["other"];
    assert_eq!(other["frameShowsSecret"], false, "{report}");
    assert!(
        other["frameUrl"]
            .as_str()
            .unwrap()
            .starts_with("chrome-error:"),
        "the frame is refused: {report}"
    );
    assert_eq!(other["fetchShowsSecret"], false, "{report}");
    assert_eq!(other["events"], "fejl", "{report}");
    assert_eq!(other["image"], "fejl", "{report}");
    let rebinding = &report["rebinding"];
    assert_eq!(rebinding["status"], 421, "{report}");
    assert_eq!(rebinding["fetchStatus"], 421, "{report}");
    assert_eq!(rebinding["showsSecret"], false, "{report}");
    assert_eq!(
        rebinding["message"],
        "Afvist: forhåndsvisningen svarer kun på adressen 127.0.0.1, localhost eller [::1] med sin egen port.",
        "{report}"
    );
    assert_eq!(
        report["own"]["violations"],
        serde_json::json!([]),
        "{report}"
    );
    server.interrupt();
    assert_eq!(server.finish().0, Some(0));
}

#[test]
fn a_planned_or_cancelled_meeting_shows_why_it_has_no_pages_and_no_edition_switch() {
    let project = Project::fixture("record");
    let (server, url) = started(&project);
    for (file, why) in [
        (
            "moeder/bu-2025-06-02.toml",
            "et planlagt møde (endnu ingen punkter): det har ingen dokumenter",
        ),
        (
            "moeder/bu-2025-06-16.toml",
            "mødet er aflyst: det har ingen dokumenter",
        ),
    ] {
        let (status, page) = get(&url, &format!("/dokument?f={file}"));
        assert_eq!(status, 200, "{page}");
        assert!(page.contains(why), "{page}");
        assert!(!page.contains("the document could not be made"), "{page}");
        assert!(!page.contains("Referat, offentlig"), "{page}");
    }
    drop(server);
}

#[test]
fn a_previewed_packet_takes_its_page_numbers_from_its_agenda_as_a_built_one_does() {
    let project = Project::examples();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Spawned::start(
        project.path(),
        &["serve", "--port", &port.to_string()],
        &[("SAGSGEN_TEST_TRACE", "1")],
    );
    server.wait_for("Åbn den i en browser");
    let url = format!("http://127.0.0.1:{port}/");
    let (status, page) = get(
        &url,
        "/dokument?f=moeder/uss-2020-11-02.toml&e=dagsorden-med-bilag",
    );
    assert_eq!(status, 200, "{page}");
    server.wait_for("(dagsorden-med-bilag) numbered from its agenda");
    assert_eq!(
        server.count("numbered from a layout of its own"),
        0,
        "{}",
        server.seen.join("\n")
    );
}

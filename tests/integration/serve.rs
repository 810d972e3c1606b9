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
    let line = server.wait_for("Preview on ");
    let url = line.split("Preview on ").nth(1).unwrap().trim().to_string();
    (server, url)
}

/// A raw GET of `target` (sent as written, not normalised): status and body.
fn get(url: &str, target: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
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
    // Shown once, the document is built: the overview says so.
    let (_, list) = get(&url, "/liste");
    let row = list
        .lines()
        .find(|l| l.contains("salg-af-grund-industrivej.toml"))
        .unwrap();
    assert!(row.contains(">Bygget<"), "{row}");
    let (status, svg) = get(
        &url,
        "/side?f=cases/2020/salg-af-grund-industrivej.toml&n=1",
    );
    assert_eq!(status, 200);
    assert!(svg.contains("<svg"), "the page as SVG");
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
    let report = browser_script(
        "serve.mjs",
        &[
            url.as_ref(),
            rel.as_ref(),
            file.as_os_str(),
            "En helt ny titel".as_ref(),
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
    server.interrupt();
    assert_eq!(server.finish().0, Some(0));
}

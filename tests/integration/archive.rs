//! `sagsgen archive`, `verify` and `extract`: an archive that carries its own sources and
//! catches every change.

use page_validation::ValidationProfile;

use crate::common::{Project, notat};
use crate::conformance::assert_conforms;

fn archived() -> Project {
    let project = Project::examples();
    let run = project.run(&["archive", "cases", "moeder", "--to", "arkiv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    project
}

const NOTAT: &str = "arkiv/uden-dato/notater/notat-regionshandicapraadet.pdf";

#[test]
fn archive_copies_are_pdf_a_3a_with_their_source_and_a_manifest() {
    let project = archived();
    for file in [
        NOTAT,
        "arkiv/2020/USS/uss-2020-11-02/referat-offentlig.pdf",
        "arkiv/2025/OEU/digitaliseringsstrategi-status.pdf",
    ] {
        assert_conforms(&project.read(file), ValidationProfile::PdfA3a, file);
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&project.read("arkiv/manifest.json")).unwrap();
    let docs = manifest["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 8, "four cases and a meeting's four documents");
    // A case that is an item of an archived meeting sits in the meeting's folder.
    let seed = docs
        .iter()
        .find(|d| d["file"] == "2020/USS/uss-2020-11-02/punkt-02-rammeaftale-2021-2022.pdf")
        .unwrap();
    assert_eq!(seed["item_number"], 2);
    assert_eq!(seed["meeting_date"], "2020-11-02");
    assert_eq!(seed["sagsnummer"], "20/15629");
    assert_eq!(seed["kind"], "beslutningssag");
    assert_eq!(seed["conformance"], "PDF/A-3a + PDF/UA-1");
    assert_eq!(seed["sha256"].as_str().unwrap().len(), 64);
    let minutes = docs
        .iter()
        .find(|d| d["file"] == "2020/USS/uss-2020-11-02/referat.pdf")
        .unwrap();
    assert_eq!(minutes["meeting_date"], "2020-11-02");
    let csv = String::from_utf8(project.read("arkiv/manifest.csv")).unwrap();
    assert!(csv.starts_with("file,sha256,size,kind,title"), "{csv}");
    assert_eq!(csv.lines().count(), 9);
}

#[test]
fn extract_gives_back_the_source_exactly() {
    let project = archived();
    let run = project.run(&["extract", NOTAT, "-o", "tilbage.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        project.read("tilbage.toml"),
        project.read("cases/2020/notat-regionshandicapraadet.toml")
    );
    let plain = project.run(&["extract", "output-does-not-exist.pdf"]);
    assert_eq!(plain.code, 1);
}

#[test]
fn verify_catches_flipped_bytes_deleted_and_added_files() {
    let project = archived();
    assert_eq!(project.run(&["verify", "arkiv"]).code, 0);
    let mut bytes = project.read(NOTAT);
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    project.write(NOTAT, bytes);
    std::fs::remove_file(
        project
            .path()
            .join("arkiv/2020/USS/uss-2020-11-02/referat.pdf"),
    )
    .unwrap();
    project.write("arkiv/2020/USS/fremmed.pdf", b"%PDF-1.7\n");
    let run = project.run(&["verify", "arkiv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("ændret: uden-dato/notater/notat-regionshandicapraadet.pdf"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("mangler: 2020/USS/uss-2020-11-02/referat.pdf"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("i overskud: 2020/USS/fremmed.pdf"),
        "{}",
        run.stderr
    );
}

#[test]
fn re_archiving_is_idempotent_and_changes_need_new_version() {
    let project = archived();
    let manifest = project.read("arkiv/manifest.json");
    let again = project.run(&["archive", "cases", "moeder", "--to", "arkiv"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        project.read("arkiv/manifest.json"),
        manifest,
        "nothing changes"
    );
    let case = "cases/2025/digitaliseringsstrategi-status.toml";
    let text = String::from_utf8(project.read(case))
        .unwrap()
        .replace("halve år", "kvartal");
    project.write(case, text);
    let refused = project.run(&["archive", case, "--to", "arkiv"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .contains("er allerede arkiveret med et andet indhold"),
        "{}",
        refused.stderr
    );
    let old = project.read("arkiv/2025/OEU/digitaliseringsstrategi-status.pdf");
    let versioned = project.run(&["archive", case, "--to", "arkiv", "--new-version"]);
    assert_eq!(versioned.code, 0, "{}", versioned.stderr);
    assert_eq!(
        project.read("arkiv/2025/OEU/digitaliseringsstrategi-status.pdf"),
        old,
        "the first version is kept"
    );
    assert!(project.exists("arkiv/2025/OEU/digitaliseringsstrategi-status.v2.pdf"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&project.read("arkiv/manifest.json")).unwrap();
    let versions: Vec<i64> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .unwrap()
                .contains("digitaliseringsstrategi")
        })
        .map(|d| d["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2], "both versions are recorded");
    assert_eq!(project.run(&["verify", "arkiv"]).code, 0);
}

#[test]
fn drafts_are_not_archived() {
    let project = Project::empty();
    project.write("cases/a.toml", notat("udkast = true"));
    let run = project.run(&["archive", "--to", "arkiv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("et udkast (udkast = true) arkiveres ikke"),
        "{}",
        run.stderr
    );
    assert!(!project.exists("arkiv/uden-dato"));
}

#[test]
fn verify_catches_a_file_that_no_longer_conforms() {
    let project = archived();
    // Someone replaces an archived file by a plain PDF and updates the manifest to match.
    let plain = crate::common::untagged_pdf("not archival");
    project.write(NOTAT, &plain);
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&project.read("arkiv/manifest.json")).unwrap();
    for doc in manifest["documents"].as_array_mut().unwrap() {
        if doc["file"] == "uden-dato/notater/notat-regionshandicapraadet.pdf" {
            doc["sha256"] = sagsgen::archive::sha256(&plain).into();
            doc["size"] = plain.len().into();
        }
    }
    project.write(
        "arkiv/manifest.json",
        serde_json::to_vec(&manifest).unwrap(),
    );
    let run = project.run(&["verify", "arkiv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "overholder ikke standarden: uden-dato/notater/notat-regionshandicapraadet.pdf"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 problem fundet"), "{}", run.stderr);
}

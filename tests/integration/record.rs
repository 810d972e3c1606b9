//! The record of a meeting (tests/fixtures/record): votes as letters and as counts,
//! protokolbemærkninger, an inhabile member, a member absent from one item, a substitute,
//! the approval of the minutes, a closed item with a vote, a planned and a cancelled
//! meeting, and a case decided by two committees — in the minutes in order, kept out of
//! the public minutes for the closed item, and never shown by a meeting before it was
//! decided.

use page_validation::ValidationProfile;

use crate::common::{Project, assert_absent, assert_in_order, public_editions};
use crate::conformance::assert_conforms;

const BU: &str = "output/moeder/bu-2025-05-05";
const OEU: &str = "output/moeder/oeu-2025-05-13";

fn built() -> Project {
    let project = Project::fixture("record");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_not_said("advarsel");
    project
}

#[test]
fn the_minutes_hold_attendance_votes_remarks_inhabilitet_absence_and_approval_in_order() {
    let project = built();
    let referat = project.text(&format!("{BU}/referat.pdf"));
    assert_in_order(
        &referat,
        &[
            "Referat",
            "Medlemmer:",
            "Anne Andersen (A), formand",
            "Erik Eriksen (V), næstformand",
            "Til stede:",
            "Frida Friis (C)",
            "Hans Hald (for Gitte Grøn)",
            "Afbud:",
            "Gitte Grøn",
            "2. Beslutning: (BU/OEU) Ny skolestruktur i Nordbyen",
            "Beslutning i Børne- og Ungdomsudvalget den 05-05-2025",
            "Indstillingen blev anbefalet over for Økonomiudvalget.",
            "For stemte: A, F og Ø (3)",
            "Imod stemte: V (1)",
            "Undlod at stemme: C (1)",
            "Resultat: Vedtaget",
            "Protokolbemærkning fra V:",
            "Venstre finder, at forældrene burde have været hørt først.",
            "Protokolbemærkning fra Erik Eriksen:",
            "Erik Eriksen ønsker skolevejen undersøgt.",
            "Carl Carlsen deltog ikke i behandlingen af punktet på grund af inhabilitet.",
            "Fraværende under punktet: Bent Berg",
            "3. Beslutning: (BU) Køb af grund ved Mosevej til 2,1 mio. kr.",
            "Grunden købes af Hemmeligsen.",
            "For stemte: Anne Andersen og Bent Berg (2)",
            "Imod stemte: Erik Eriksen (1)",
            "Protokolbemærkning fra Erik Eriksen:",
            "Prisen til Hemmeligsen er for høj.",
            "Godkendelse af referatet",
            "Referatet blev godkendt den 07-05-2025 af de medlemmer, der deltog i mødet:",
            "Medlem",
            "Godkendelse",
            "Anne Andersen (A), formand",
            "Godkendt den 07-05-2025",
            "Hans Hald (for Gitte Grøn)",
            "Godkendt den 07-05-2025",
        ],
    );
    // The agenda was made before the meeting: no attendance, no votes, no approval.
    let dagsorden = project.text(&format!("{BU}/dagsorden.pdf"));
    for said in ["Til stede:", "For stemte", "Godkendelse af referatet"] {
        assert!(!dagsorden.contains(said), "{said}");
    }
    for rel in ["referat.pdf", "referat-offentlig.pdf"] {
        let bytes = project.read(&format!("{BU}/{rel}"));
        assert_conforms(&bytes, ValidationProfile::PdfA2a, rel);
    }
}

#[test]
fn the_public_minutes_show_nothing_of_the_closed_item_but_its_public_decision() {
    let project = built();
    let public = project.text(&format!("{BU}/referat-offentlig.pdf"));
    assert_in_order(
        &public,
        &[
            "Til stede:",
            "For stemte: A, F og Ø (3)",
            "Protokolbemærkning fra V:",
            "3. Køb af grund ved Mosevej",
            "Lukket punkt",
            "Udvalget besluttede at købe grunden.",
            "Godkendelse af referatet",
        ],
    );
    for (name, bytes, text) in public_editions(&project, BU) {
        for secret in [
            "Hemmeligsen",
            "2,1 mio",
            "Anne Andersen og Bent Berg",
            "Prisen til",
        ] {
            assert_absent(name, &bytes, &text, secret);
        }
    }
}

#[test]
fn a_meeting_shows_only_the_decisions_known_at_it() {
    let project = built();
    let later = "Økonomiudvalget godkendte sammenlægningen.";
    for rel in ["dagsorden.pdf", "referat.pdf", "dagsorden-med-bilag.pdf"] {
        let text = project.text(&format!("{BU}/{rel}"));
        assert!(!text.contains(later), "{rel}");
    }
    // The later meeting's agenda shows the earlier decision with its vote, but not its
    // own decision, which its minutes show.
    let agenda = project.text(&format!("{OEU}/dagsorden.pdf"));
    assert_in_order(
        &agenda,
        &[
            "Beslutning i Børne- og Ungdomsudvalget den 05-05-2025",
            "For stemte: A, F og Ø",
            "Protokolbemærkning fra V:",
        ],
    );
    assert!(!agenda.contains(later));
    let minutes = project.text(&format!("{OEU}/referat.pdf"));
    assert_in_order(
        &minutes,
        &[
            "Beslutning i Børne- og Ungdomsudvalget den 05-05-2025",
            "Beslutning i Økonomiudvalget den 13-05-2025",
            later,
            "For stemte: 7",
            "Imod stemte: 2",
        ],
    );
    // The case's own document shows every decision.
    let case = project.text("output/skolestruktur.pdf");
    assert_in_order(&case, &["den 05-05-2025", "den 13-05-2025", later]);
}

#[test]
fn planned_and_cancelled_meetings_check_and_build_no_documents() {
    let project = built();
    let run = project.run(&[
        "build",
        "moeder/bu-2025-06-02.toml",
        "moeder/bu-2025-06-16.toml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said(
        "moeder/bu-2025-06-02.toml: ingen dokumenter: et planlagt møde (endnu ingen punkter)",
    );
    run.assert_said("moeder/bu-2025-06-16.toml: ingen dokumenter: mødet er aflyst");
    assert!(!project.exists("output/moeder/bu-2025-06-02"));
    assert!(!project.exists("output/moeder/bu-2025-06-16"));
    // Nor are they archived; the meeting that was held is.
    let archived = project.run(&["archive", "--to", "arkiv"]);
    assert_eq!(archived.code, 0, "{}", archived.stderr);
    assert!(project.exists("arkiv/2025/BU/bu-2025-05-05/referat.pdf"));
    assert!(!project.exists("arkiv/2025/BU/bu-2025-06-02"));
    assert!(!project.exists("arkiv/2025/BU/bu-2025-06-16"));
}

#[test]
fn a_record_naming_strangers_or_counting_too_many_votes_is_said() {
    let project = Project::fixture("record");
    let case = String::from_utf8(project.read("cases/skolestruktur.toml")).unwrap();
    project.write(
        "cases/skolestruktur.toml",
        case.replace(
            "inhabile = [\"Carl Carlsen\"]",
            "inhabile = [\"Carl Carlson\"]",
        )
        .replace(
            "afstemning = { for = 7, imod = 2, resultat = \"vedtaget\" }",
            "afstemning = { for = 8, imod = 2, resultat = \"vedtaget\" }",
        )
        .replace("dato = 2025-05-13", "dato = 2025-05-14"),
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said("advarsel: beslutningen om \"Ny skolestruktur i Nordbyen\" nævner \"Carl Carlson\" i `inhabile`, som ikke står i mødets `medlemmer` eller `stedfortraedere`");
    // The ØU meeting of the 13th now has no decision; one of the 14th is after it.
    run.assert_said("advarsel: \"Ny skolestruktur i Nordbyen\" har en beslutning fra Økonomiudvalget den 14-05-2025, efter dette møde den 13-05-2025; mødets dokumenter viser den ikke");
    project.write(
        "cases/skolestruktur.toml",
        case.replace(
            "afstemning = { for = 7, imod = 2, resultat = \"vedtaget\" }",
            "afstemning = { for = 8, imod = 2, resultat = \"vedtaget\" }",
        ),
    );
    let run = project.run(&["check", "moeder/oeu-2025-05-13.toml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.assert_said("fejl: afstemningen om \"Ny skolestruktur i Nordbyen\" tæller 10 stemmer, men 9 medlemmer var til stede under punktet");
}

#[test]
fn minutes_of_a_meeting_without_a_member_list_still_word_the_record_and_the_approval() {
    let project = Project::fixture("record");
    project.write(
        "moeder/bu-2025-05-05.toml",
        "type = \"moede\"\nudvalg = \"BU\"\ndato = 2025-05-05\ngodkendelse = { dato = 2025-05-06, af = [\"Anne Andersen\"] }\n\n[[punkter]]\nsag = \"../cases/skolestruktur.toml\"\n",
    );
    let run = project.run(&["build", "moeder/bu-2025-05-05.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let referat = project.text(&format!("{BU}/referat.pdf"));
    assert_in_order(
        &referat,
        &[
            // Without members' parties, party letters are not counted.
            "For stemte: A, F og Ø",
            "Imod stemte: V",
            "Godkendelse af referatet",
            "Referatet blev godkendt den 06-05-2025",
            "Anne Andersen",
            "Godkendt den 06-05-2025",
        ],
    );
    assert!(!referat.contains("A, F og Ø ("), "{referat}");
}

#[test]
fn an_outcome_or_a_role_sagsgen_does_not_know_is_an_error_and_letter_case_does_not_matter() {
    let project = Project::fixture("record");
    let case = String::from_utf8(project.read("cases/skolestruktur.toml")).unwrap();
    let meeting = String::from_utf8(project.read("moeder/bu-2025-05-05.toml")).unwrap();
    // The case's outcome and the meeting's vice-chair's role, written as given.
    let write = |resultat: &str, rolle: &str| {
        let resultat = format!("resultat = \"{resultat}\"");
        let rolle = format!("rolle = \"{rolle}\"");
        project.write(
            "cases/skolestruktur.toml",
            case.replacen("resultat = \"vedtaget\"", &resultat, 1),
        );
        project.write(
            "moeder/bu-2025-05-05.toml",
            meeting.replace("rolle = \"næstformand\"", &rolle),
        );
        project.run(&["check", "moeder/bu-2025-05-05.toml"])
    };
    let run = write("VEDTAGET", "Næstformand");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = write("godkendt", "kasserer");
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.assert_said("fejl: \"godkendt\" er ikke et udfald af en afstemning");
    run.assert_said("= hjælp: skriv resultat = \"vedtaget\" eller resultat = \"forkastet\"");
    run.assert_said("fejl: \"kasserer\" er ikke en rolle, sagsgen kender");
    run.assert_said(
        "= hjælp: skriv rolle = \"formand\" eller rolle = \"næstformand\", eller udelad `rolle`",
    );
}

//! `sagsgen import` on small exports of each system (tests/fixtures/import, written in the
//! shapes of real SBSYS, Acadre, eDoc and FirstAgenda exports, traps included): the
//! imported project checks and builds, the minutes hold every section in the source's
//! order, closed content stays out of public files, and a second import changes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Project, assert_absent, assert_in_order, public_editions, repo, tree};

/// The export files, as a user would name them.
fn exports() -> Vec<String> {
    let dir = repo().join("tests/fixtures/import");
    [
        "sbsys/Publication7.xml",
        // The Acadre folder: its manifest and the agenda it names (read once).
        "acadre",
        "edoc/moede.xml",
        "firstagenda/referat.html",
    ]
    .iter()
    .map(|p| dir.join(p).display().to_string())
    .collect()
}

/// A project with the fixtures imported into `projekt/` (a new folder).
fn imported() -> (Project, crate::common::Run) {
    let project = Project::empty();
    let mut args = vec!["import".to_string()];
    args.extend(exports());
    args.extend(["--to".to_string(), "projekt".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = project.run(&args);
    (project, run)
}

/// Every file of a project folder and its bytes (the build's output left out).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .filter(|(rel, _)| !rel.starts_with("output"))
        .collect()
}

fn text(project: &Project, rel: &str) -> String {
    String::from_utf8(project.read(rel)).unwrap()
}

#[test]
fn every_format_imports_checks_and_builds_with_every_section_in_order() {
    let (project, run) = imported();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The report says, per item and for the whole import, how many of the source's words
    // the case files hold.
    assert!(
        run.stderr.contains("  Punkt 1.1 Klimaplan for kommunens bygninger → cases/2021/mil-03-03/punkt-02-klimaplan-for-kommunens-bygninger.toml (ord med: 100 %)\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Ord med: ")
            && run.stderr.contains(" ord står i sagsfilerne (100 %)\n"),
        "{}",
        run.stderr
    );
    // An attachment the page only links to is said to come without its file, as in
    // every other format.
    assert!(
        run.stderr.contains("    advarsel: bilaget \"Bilag 1: Fordeling af tilskud\": eksporten nævner ingen fil til det; det står på listen uden sin fil\n"),
        "{}",
        run.stderr
    );
    let root = project.path().join("projekt");
    let in_root = |args: &[&str]| {
        let out = crate::common::sagsgen()
            .args(args)
            .current_dir(&root)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = in_root(&["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("fejl"), "{stderr}");
    let (code, stderr) = in_root(&["build"]);
    assert_eq!(code, Some(0), "{stderr}");

    let minutes =
        |meeting: &str| project.text(&format!("projekt/output/moeder/{meeting}/referat.pdf"));
    // SBSYS: "Baggrund" and "Sagsfremstilling" both kept, in order; the dated decisions
    // of two meetings; Word's debris gone; an http link kept as text with its address.
    assert_in_order(
        &minutes("mil-2021-03-03"),
        &[
            "1. Orientering: (MIL) Meddelelser",
            "Sammendrag",
            "Formanden orienterer om vandløbsprojektet ved Ådalen.",
            "1.1. Beslutning: (MIL) Klimaplan for kommunens bygninger",
            "Tidligere behandling",
            "Miljøudvalget den 4. november 2020, punkt 7.",
            "Baggrund",
            "Kommunen ejer 140 bygninger, der opvarmes med naturgas eller olie.",
            "Se klimaportalen (http://www.eksempel.dk/klima) for tal.",
            "Sagsfremstilling",
            "Planen omfatter tre trin:",
            "Kortlægning af forbruget",
            "Udskiftning af oliefyr",
            "først skolerne",
            "siden daginstitutionerne",
            "Opfølgning hvert år",
            "Tallet 1. maj er ikke en liste, og *stjerner* er tekst.",
            "Økonomiske konsekvenser og finansiering",
            "År",
            "Beløb",
            "2021",
            "2,5 mio. kr.",
            "Beslutningen træffes af",
            "Miljøudvalget",
            "Indstilling",
            "Forvaltningen indstiller, at klimaplanen godkendes.",
            "Beslutning i Miljøudvalget den 04-11-2020",
            "Sagen blev udsat til næste møde.",
            "Beslutning i Miljøudvalget den 03-03-2021",
            "Godkendt med bemærkning om solceller.",
            "Klimaplanen i kort form",
            "Høringssvar fra grundejerne",
            "2. Orientering: (MIL) Køb af grund ved Mosevej",
        ],
    );
    // Acadre: a decision of an earlier meeting, then a supplement, then this meeting's.
    assert_in_order(
        &minutes("oeu-2021-03-15"),
        &[
            "41. Beslutning: (ØU) Budgetopfølgning pr. 1. februar",
            "Resumé",
            "Forbruget følger budgettet på nær ældreområdet.",
            "Sagsfremstilling",
            "Økonomi og organisatoriske konsekvenser",
            "Indstilling",
            "Beslutning i Økonomiudvalget (ØU) den 01-03-2021",
            "Udsat. Forvaltningen skal belyse ældreområdet nærmere.",
            "Supplerende sagsfremstilling",
            "Forvaltningen har nu gennemgået visitationen på ældreområdet.",
            "Beslutning i Økonomiudvalget (ØU) den 15-03-2021",
            "Taget til efterretning.",
            "Opfølgningsskema",
            "42. Beslutning: (ØU) Personalesag om fratrædelse",
            "Medarbejderen Fortroligsen har bedt om fratrædelse.",
        ],
    );
    // eDoc: "Forvaltningen foreslår" before the description, as the source has it.
    assert_in_order(
        &minutes("bsu-2021-05-10"),
        &[
            "12a. Beslutning: (BSU) Skolestruktur i Nordbyen",
            "Forvaltningen foreslår",
            "At de to skoler lægges sammen.",
            "Sagsbeskrivelse",
            "Elevtallet i Nordbyen er faldet med en tredjedel.",
            "Begge skoler har plads nok.",
            "Økonomi",
            "Høring",
            "Skolebestyrelserne høres i juni.",
            "Beslutning",
            "Sendt i høring.",
            "Elevprognose 2021-2030",
            "13. Orientering: (BSU) Klage over Lærer Diskretsen",
        ],
    );
    // FirstAgenda: the decision first, as the minutes page shows it; a section without a
    // caption keeps its text.
    assert_in_order(
        &minutes("kf-2025-10-08"),
        &[
            "1. Beslutning: (KF) Tilskud til foreninger 2026",
            "Beslutninger",
            "Indstillingen blev tiltrådt.",
            "Frida Fisker tog forbehold.",
            "Foreningerne søger om tilskud for næste år.",
            "Resume",
            "Beslutningspunkter",
            "At 1) tilskuddene fordeles efter bilag 1.",
            "Sagsforløb",
            "Bilag 1: Fordeling af tilskud",
            "2. Beslutning: (KF) Eventuelt",
            "Intet.",
        ],
    );
    // The meeting's own decision is shown once, in its place.
    let kf = minutes("kf-2025-10-08");
    assert_eq!(
        kf.matches("Indstillingen blev tiltrådt.").count(),
        1,
        "{kf}"
    );
    assert!(!kf.contains("Ingen beslutning registreret"), "{kf}");
    // The agenda does not show this meeting's decision.
    let agenda = project.text("projekt/output/moeder/kf-2025-10-08/dagsorden.pdf");
    assert!(!agenda.contains("Indstillingen blev tiltrådt."), "{agenda}");
}

#[test]
fn the_project_gets_meetings_cases_committees_and_attachments() {
    let (project, run) = imported();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meeting = text(&project, "projekt/moeder/mil-2021-03-03.toml");
    assert!(
        meeting.starts_with("#:schema ../sagsgen.schema.json\n"),
        "{meeting}"
    );
    assert_eq!(meeting.matches("[[punkter]]").count(), 3, "{meeting}");
    assert!(meeting.contains("nummer = \"1.1\""), "{meeting}");
    assert!(meeting.contains("tid = \"16:30\""), "{meeting}");
    let case = text(
        &project,
        "projekt/cases/2021/mil-03-03/punkt-02-klimaplan-for-kommunens-bygninger.toml",
    );
    assert!(
        case.starts_with("#:schema ../../../sagsgen.schema.json\n"),
        "{case}"
    );
    for line in [
        "sagsnummer = \"21/1234\"",
        "overskrifter = { oekonomiske_konsekvenser = \"Økonomiske konsekvenser og finansiering\" }",
        "[[afsnit]]\noverskrift = \"Baggrund\"\nplacering = \"før sagsfremstilling\"",
        "[[beslutninger]]\nudvalg = \"MIL\"\ndato = 2020-11-04",
        "fil = \"../../../bilag/2021/mil-03-03/punkt-02/1.pdf\"",
        "titel = \"Høringssvar fra grundejerne\"\nadgang = \"lukket\"",
    ] {
        assert!(case.contains(line), "{line}\n---\n{case}");
    }
    // The attachment PDF the export held is in the project; the .docx is only listed.
    assert_eq!(
        project.read("projekt/bilag/2021/mil-03-03/punkt-02/1.pdf"),
        std::fs::read(repo().join("tests/fixtures/import/sbsys/Enclosures/1.pdf")).unwrap()
    );
    let config = text(&project, "projekt/sagsgen.toml");
    for line in [
        "MIL = \"Miljøudvalget\"",
        "\"ØU\" = \"Økonomiudvalget (ØU)\"",
        "BSU = \"Børne- og Skoleudvalget\"",
        "KF = \"Kultur- og Fritidsudvalget\"",
    ] {
        assert!(config.contains(line), "{line}\n---\n{config}");
    }
    // The Acadre manifest and its agenda, given together, are one meeting.
    assert_eq!(
        run.stderr.matches("Importerede Økonomiudvalget").count(),
        1,
        "{}",
        run.stderr
    );
    // The organisation, where an export names it (the FirstAgenda page's logo).
    let config = text(&project, "projekt/sagsgen.toml");
    assert!(
        config.contains("[organisation]\n# Navnet øverst på hver side (fra eksporten).\nnavn = \"Skovby Kommune\"\n"),
        "{config}"
    );
    run.assert_not_said("does not say which municipality or region");
    // The case worker, where the export names one (Acadre, eDoc).
    for (case, line) in [
        (
            "projekt/cases/2021/oeu-03-15/punkt-01-budgetopfoelgning-pr-1-februar.toml",
            "sagsnummer = \"21/300\"\nforfatter = \"Jens Peter Sørensen\"\n",
        ),
        (
            "projekt/cases/2021/bsu-05-10/punkt-01-skolestruktur-i-nordbyen.toml",
            "forfatter = \"Rikke Holm\"\n",
        ),
        // A member eDoc lists as absent from the item: the record of its decision.
        (
            "projekt/cases/2021/bsu-05-10/punkt-01-skolestruktur-i-nordbyen.toml",
            "tekst = \"Sendt i høring.\"\nfravaerende = [\"Bo Bech\"]\n",
        ),
    ] {
        let case = text(&project, case);
        assert!(case.contains(line), "{line}\n---\n{case}");
    }
    // Every imported file is valid by the schema its first line names.
    let schema = crate::schema::Schema::of("sag");
    for (rel, bytes) in files(&project.path().join("projekt")) {
        if rel.ends_with(".toml") && rel != "sagsgen.toml" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                schema.errors(&text).is_none(),
                "{rel}: {:?}",
                schema.errors(&text)
            );
        }
    }
}

#[test]
fn closed_items_stay_out_of_every_public_file() {
    let (project, run) = imported();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = project.path().join("projekt");
    let built = crate::common::sagsgen()
        .arg("build")
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for (meeting, secret) in [
        ("mil-2021-03-03", "Hemmeligsen"),
        ("oeu-2021-03-15", "Fortroligsen"),
        ("oeu-2021-03-15", "Fratrædelsesaftale"),
        ("bsu-2021-05-10", "Diskretsen"),
        // A closed attachment of an open item.
        ("mil-2021-03-03", "grundejerne"),
    ] {
        for (name, bytes, text) in
            public_editions(&project, &format!("projekt/output/moeder/{meeting}"))
        {
            assert_absent(name, &bytes, &text, secret);
        }
        let internal = project.text(&format!("projekt/output/moeder/{meeting}/referat.pdf"));
        assert!(
            internal.contains(secret),
            "{meeting}: the internal minutes show {secret}"
        );
    }
    // A closed item's neutral title is what the public sees.
    let public = project.text("projekt/output/moeder/bsu-2021-05-10/dagsorden-offentlig.pdf");
    assert!(public.contains("Personsag"), "{public}");
}

#[test]
fn a_second_import_changes_nothing_and_an_edited_file_is_kept_unless_forced() {
    let (project, run) = imported();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = project.path().join("projekt");
    let before = files(&root);
    let mut args = vec!["import".to_string()];
    args.extend(exports());
    args.extend(["--to".to_string(), "projekt".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let again = project.run(&args);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("intet ændret"), "{}", again.stderr);
    assert_eq!(files(&root), before);

    let case = "projekt/cases/2021/bsu-05-10/punkt-01-skolestruktur-i-nordbyen.toml";
    let edited = text(&project, case).replace("Sendt i høring.", "Sendt i høring hos forældrene.");
    project.write(case, &edited);
    let kept = project.run(&args);
    assert_eq!(kept.code, 1, "{}", kept.stderr);
    assert!(
        kept.stderr
            .contains("punkt-01-skolestruktur-i-nordbyen.toml er anderledes"),
        "{}",
        kept.stderr
    );
    assert!(kept.stderr.contains("--force"), "{}", kept.stderr);
    assert_eq!(text(&project, case), edited, "the user's edit is kept");

    let mut forced = args.clone();
    forced.push("--force");
    let run = project.run(&forced);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(files(&root), before);
}

#[test]
fn the_report_says_where_each_caption_went_also_as_json() {
    let (project, run) = imported();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "\"Baggrund\" → afsnit (før sagsfremstilling)",
        "\"Sagsfremstilling\" → sagsfremstilling",
        "\"Beslutning\" → beslutning (MIL, 04-11-2020)",
        "linket til http://www.eksempel.dk/klima er ikke https",
        "Enclosures/2.docx er ikke en PDF",
        "bilaget \"Et bilag der ikke kan læses\": bilaget",
        "\"Lovgrundlag\" → udeladt (tomt)",
    ] {
        assert!(run.stderr.contains(line), "{line}\n---\n{}", run.stderr);
    }
    let mut args = vec![
        "--message-format".to_string(),
        "json".to_string(),
        "import".to_string(),
    ];
    args.extend(exports());
    args.extend(["--to".to_string(), "andet".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let json = project.run(&args);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let lines: Vec<serde_json::Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let items: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["reason"] == "import-item")
        .collect();
    assert_eq!(items.len(), 9);
    let klima = items
        .iter()
        .find(|i| i["titel"] == "Klimaplan for kommunens bygninger")
        .unwrap();
    assert_eq!(klima["nummer"], "1.1");
    assert!(
        klima["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["caption"] == "Baggrund" && s["target"] == "afsnit (før sagsfremstilling)"),
        "{klima}"
    );
    assert!(
        klima["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "import-link-not-https"
                && w["message"].as_str().unwrap().contains("http://")),
        "{klima}"
    );
    // Every word of each item is in its case file, and the whole export's too.
    assert_eq!(klima["coverage"]["percent"], 100.0, "{klima}");
    assert_eq!(
        klima["coverage"]["kept"], klima["coverage"]["words"],
        "{klima}"
    );
    assert!(klima["coverage"]["words"].as_u64().unwrap() > 40, "{klima}");
    assert_eq!(klima["coverage"]["first_missing"], serde_json::Value::Null);
    let end = lines.last().unwrap();
    assert_eq!(end["reason"], "import-finished");
    assert_eq!(end["meetings"], 4);
    assert_eq!(end["coverage"]["percent"], 100.0, "{end}");
    let words: u64 = items
        .iter()
        .map(|i| i["coverage"]["words"].as_u64().unwrap())
        .sum();
    assert_eq!(end["coverage"]["words"], words, "{end}");
}

#[test]
fn a_file_no_system_wrote_is_refused_and_the_others_still_import() {
    let project = Project::empty();
    project.write(
        "noget.xml",
        "<regneark><række/><række/><kolonne/></regneark>",
    );
    project.write(
        "side.html",
        "<!DOCTYPE html><html><body><p>Hej</p></body></html>",
    );
    project.write("ødelagt.xml", "<Publication><Agendas>");
    let sbsys = repo().join("tests/fixtures/import/sbsys/Publication7.xml");
    let run = project.run(&[
        "import",
        "noget.xml",
        "side.html",
        "ødelagt.xml",
        "mangler.xml",
        sbsys.to_str().unwrap(),
        "--to",
        "p",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for line in [
        "noget.xml: filen kan ikke importeres: XML med roden <regneark>, som sagsgen ikke kender (under den: <række>, <kolonne>); sagsgen læser SBSYS Publication-XML",
        "eDoc-dagsordens-XML (Fujitsu-skemaet eller eDocAgendaPublishing-eksporten <Meeting>), FirstAgenda Publication-sider gemt som HTML og XML, som et projekt beskriver i sagsgen.toml ([import.formater]) — se \"Eksporter, sagsgen ikke kender\" i sagsgens håndbog (docs/src/import.md)",
        "side.html: filen kan ikke importeres: en HTML-side, men ikke en dagsorden eller et referat fra FirstAgenda Publication",
        "ødelagt.xml: filen kan ikke importeres: XML, der ikke kan læses",
        "filen eller mappen findes ikke: mangler.xml",
    ] {
        assert!(run.stderr.contains(line), "{line}\n---\n{}", run.stderr);
    }
    assert!(
        project.exists("p/moeder/mil-2021-03-03.toml"),
        "{}",
        run.stderr
    );
    // Without a file, it is a usage error.
    assert_eq!(project.run(&["import"]).code, 2);
}

#[test]
fn an_existing_project_keeps_its_committees_and_its_own_caption_table() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[udvalg]\nKFU = \"Kultur- og Fritidsudvalget\"\n\n[import.overskrifter]\n\"Resume\" = \"beslutningstema\"\n",
    );
    project.write("cases/.keep", "");
    let page = repo().join("tests/fixtures/import/firstagenda/referat.html");
    // Run from a folder inside the project, without --to: the project is found above.
    let out = crate::common::sagsgen()
        .args(["import", page.to_str().unwrap()])
        .current_dir(project.path().join("cases"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("\"Resume\" → beslutningstema"), "{stderr}");
    assert!(!stderr.contains("Udvalg tilføjet"), "{stderr}");
    let config = text(&project, "sagsgen.toml");
    assert!(!config.contains("KF ="), "{config}");
    let case = text(
        &project,
        "cases/2025/kfu-10-08/punkt-01-tilskud-til-foreninger-2026.toml",
    );
    assert!(case.contains("udvalg = [\"KFU\"]"), "{case}");
    assert!(
        case.contains(
            "overskrifter = { beslutningstema = \"Resume\", indstilling = \"Beslutningspunkter\" }"
        ),
        "{case}"
    );
    assert!(
        case.contains("beslutningstema = \"Puljen er på 1,2 mio. kr."),
        "{case}"
    );
    assert!(project.exists("moeder/kfu-2025-10-08.toml"));
}

#[test]
fn a_supplementary_agenda_in_the_same_export_adds_its_items() {
    let agenda = |name: &str, number: &str, title: &str| {
        format!(
            "<Agenda><Name>{name}</Name><Committee><Name>Teknisk Udvalg</Name></Committee>\
             <Meeting><When>02-02-2022 15:00:00</When></Meeting><Items><Item><Number>{number}</Number>\
             <Caption>{title}</Caption><IsPublic>True</IsPublic><Fields><ItemField><Caption>Sagsfremstilling</Caption>\
             <Content><![CDATA[<p>Tekst om {title}.</p>]]></Content><IsFeedback>False</IsFeedback></ItemField></Fields></Item></Items></Agenda>"
        )
    };
    let project = Project::empty();
    project.write(
        "eksport/Publication9.xml",
        format!(
            "<?xml version=\"1.0\"?><Publication><Agendas>{}{}</Agendas></Publication>",
            agenda("Dagsorden", "1", "Vejplan"),
            agenda("Tillægsdagsorden", "2", "Cykelsti")
        ),
    );
    let run = project.run(&["import", "eksport/Publication9.xml", "--to", "p"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meeting = text(&project, "p/moeder/tu-2022-02-02.toml");
    assert_eq!(meeting.matches("[[punkter]]").count(), 2, "{meeting}");
    assert!(
        !run.stderr.contains("indeholder det samme møde"),
        "{}",
        run.stderr
    );
}

#[test]
fn one_meeting_in_two_exports_is_imported_once_from_the_fuller() {
    let project = Project::empty();
    let sbsys = std::fs::read(repo().join("tests/fixtures/import/sbsys/Publication7.xml")).unwrap();
    project.write("a/Publication7.xml", &sbsys);
    // The same meeting as an agenda without the decisions: less text.
    let text = String::from_utf8(sbsys).unwrap();
    let agenda = text.replace("Godkendt med bemærkning om solceller.", "");
    project.write("b/Publication7.xml", agenda);
    let run = project.run(&[
        "import",
        "a/Publication7.xml",
        "b/Publication7.xml",
        "--to",
        "p",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("indeholder det samme møde; det importeres fra a/Publication7.xml"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("Importerede Miljøudvalget").count(),
        1,
        "{}",
        run.stderr
    );
    let case = String::from_utf8(
        project.read("p/cases/2021/mil-03-03/punkt-02-klimaplan-for-kommunens-bygninger.toml"),
    )
    .unwrap();
    assert!(
        case.contains("Godkendt med bemærkning om solceller."),
        "{case}"
    );
}

#[test]
fn an_edoc_publishing_export_imports_with_its_plain_text_split_into_sections() {
    let project = Project::empty();
    let export = repo().join("tests/fixtures/import/edoc-publishing/moede.xml");
    let run = project.run(&["import", &export.display().to_string(), "--to", "projekt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meeting = text(&project, "projekt/moeder/ukm-2024-03-12.toml");
    assert!(meeting.contains("dato = 2024-03-12"), "{meeting}");
    assert!(meeting.contains("tid = \"16:00\""), "{meeting}");
    // Who was there, from the minutes' "Tilstede:" and "Afbud:" lines.
    assert!(
        meeting.contains("medlemmer = [\"Anne Holm\", \"Per Holm\", \"Lis Lund\", \"Ib Isaksen\"]\nafbud = [\"Ib Isaksen\"]\n"),
        "{meeting}"
    );
    let case = text(
        &project,
        "projekt/cases/2024/ukm-03-12/punkt-02-ny-affaldsordning-for-haveaffald.toml",
    );
    assert!(
        case.contains("tekst = \"Godkendt.\"\nafstemning = { for = [\"A\", \"F\", \"Ø\"], imod = [\"V\"] }\nfravaerende = [\"Per Holm\"]\n"),
        "{case}"
    );
    let root = project.path().join("projekt");
    let built = crate::common::sagsgen()
        .arg("build")
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert_eq!(built.status.code(), Some(0), "{stderr}");
    let folder = "projekt/output/moeder/ukm-2024-03-12";
    let minutes = project.text(&format!("{folder}/referat.pdf"));
    assert_in_order(
        &minutes,
        &[
            "1. Beslutning: (UKM) Godkendelse af dagsorden",
            "Dagsordenen blev godkendt.",
            "2. Beslutning: (UKM) Ny affaldsordning for haveaffald",
            "Sagsnr. i ESDH: 24/1234",
            "Sammendrag",
            "Udvalget skal tage stilling til en ny ordning for haveaffald.",
            "Haveaffald hentes i dag hver anden uge fra april til november.",
            "Ordningen koster 1,2 mio. kr. om året.",
            "Forvaltningen indstiller, at ordningen godkendes.",
            "Beslutning i Udvalget for Klima og Miljø den 12-03-2024",
            "Godkendt.",
            // The vote and the absent member, read out of the decision's text.
            "For stemte: A, F og Ø",
            "Imod stemte: V",
            "Fraværende under punktet: Per Holm",
            "Notat om haveaffald",
            "3. Beslutning: (UKM) Køb af areal ved Mosevej",
            "Ejeren af Mosevej 4 vil sælge",
        ],
    );
    // The closed item: only its neutral title reaches the public editions.
    for (name, bytes, public) in public_editions(&project, folder) {
        assert!(public.contains("Køb af areal"), "{name}");
        for secret in ["Mosevej", "800.000"] {
            assert_absent(name, &bytes, &public, secret);
        }
    }
}

#[test]
fn an_html_rendition_beside_its_export_is_skipped_with_a_note() {
    let project = Project::empty();
    let xml = std::fs::read(repo().join("tests/fixtures/import/edoc/moede.xml")).unwrap();
    project.write("eksport/moede.xml", &xml);
    // The system's own rendering of the same agenda: no FirstAgenda page.
    project.write(
        "eksport/moede.html",
        "<!DOCTYPE html><html><body><h1>Dagsorden</h1></body></html>",
    );
    let run = project.run(&["import", "eksport", "--to", "projekt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("eksport/moede.html: sprunget over: systemets egen HTML-udgave af moede.xml, som blev importeret"),
        "{}",
        run.stderr
    );
    // Alone, the same page is still refused.
    std::fs::remove_file(project.path().join("eksport/moede.xml")).unwrap();
    let alone = project.run(&["import", "eksport", "--to", "andet"]);
    assert_eq!(alone.code, 1, "{}", alone.stderr);
    assert!(
        alone.stderr.contains("filen kan ikke importeres"),
        "{}",
        alone.stderr
    );
}

#[test]
fn text_no_reader_takes_is_reported_and_strict_makes_it_an_error() {
    let project = Project::empty();
    let page =
        std::fs::read_to_string(repo().join("tests/fixtures/import/firstagenda/referat.html"))
            .unwrap();
    // Text the page shows inside the item, where the reader's sections do not look.
    let hidden = page.replacen(
        "<div class=\"punkt\">",
        "<div class=\"andet\"><p>Et afsnit som ingen læser tager med.</p></div><div class=\"punkt\">",
        1,
    );
    assert_ne!(hidden, page);
    project.write("eksport/referat.html", &hidden);
    let run = project.run(&["import", "eksport/referat.html", "--to", "projekt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("    advarsel: 7 af kildens ")
            && run.stderr.contains(
                " ord står ikke i cases/2025/kf-10-08/punkt-01-tilskud-til-foreninger-2026.toml ("
            )
            && run.stderr.contains(
                " med); det første, der mangler: \"Et afsnit som ingen læser tager med\"\n"
            ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Ord med: 57 af eksportens 64 ord står i sagsfilerne (89.0 %)\n"),
        "{}",
        run.stderr
    );
    let strict = project.run(&[
        "import",
        "eksport/referat.html",
        "--to",
        "andet",
        "--strict",
    ]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict
            .stderr
            .contains("fejl: 7 af eksportens 64 ord står ikke i de skrevne filer (--strict)"),
        "{}",
        strict.stderr
    );
    // The original page loses nothing: --strict is content.
    project.write("eksport/referat.html", &page);
    let clean = project.run(&[
        "import",
        "eksport/referat.html",
        "--to",
        "tredje",
        "--strict",
    ]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
}

#[test]
fn a_built_in_format_described_in_sagsgen_toml_imports_as_the_built_in_reader_does() {
    let project = Project::empty();
    let export = repo().join("tests/fixtures/import/sbsys/Publication7.xml");
    let export = export.to_str().unwrap();
    let built_in = project.run(&["import", export, "--to", "indbygget"]);
    assert_eq!(built_in.code, 0, "{}", built_in.stderr);
    // SBSYS's Publication XML as a project would describe it, had sagsgen no reader of its own.
    let description = repo().join("tests/fixtures/import/described/sagsgen.toml");
    project.write(
        "beskrevet/sagsgen.toml",
        std::fs::read_to_string(description).unwrap(),
    );
    let described = project.run(&["import", export, "--to", "beskrevet"]);
    assert_eq!(described.code, 0, "{}", described.stderr);
    assert!(
        described.stderr.contains("(sbsys-beskrevet: ")
            && described.stderr.contains("Publication7.xml) →"),
        "{}",
        described.stderr
    );
    built_in.assert_said("sagsgen.toml: eksporten siger ikke, hvilken kommune eller region den kommer fra: den nye sagsgen.toml siger navn = \"Kommunen\" under [organisation]; skriv jeres organisations navn der");
    assert!(
        String::from_utf8(project.read("indbygget/sagsgen.toml"))
            .unwrap()
            .contains("navn = \"Kommunen\"")
    );
    let expected = files(&project.path().join("indbygget"));
    let got = files(&project.path().join("beskrevet"));
    let names = |f: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
        f.keys().filter(|k| *k != "sagsgen.toml").cloned().collect()
    };
    assert_eq!(names(&got), names(&expected));
    assert!(names(&got).len() > 5, "{:?}", names(&got));
    for (name, bytes) in expected.iter().filter(|(k, _)| *k != "sagsgen.toml") {
        let want = String::from_utf8_lossy(bytes)
            .replace("kilde = \"SBSYS: ", "kilde = \"sbsys-beskrevet: ");
        assert_eq!(String::from_utf8_lossy(&got[name]), want, "{name}");
    }
    let check = project.run(&["check", "beskrevet"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn a_described_format_reads_attributes_chosen_elements_and_plain_text() {
    let project = Project::empty();
    project.write(
        "p/sagsgen.toml",
        r#"[import.formater.arkiv]
rod = "eksport"
udvalg = "//felt[@navn='udvalg']"
dato = "møde/@dato"
punkter = "møde/punkt"
nummer = "@nr"
titel = "overskrift"
lukket = "@adgang"
tekst = "brødtekst"
tekstformat = "tekst"
bilag = "bilag"
bilag_titel = "."
bilag_fil = "@fil"
"#,
    );
    project.write(
        "eksport.xml",
        "<eksport><hoved><felt navn=\"udvalg\">Teknik- og Miljøudvalget (TMU)</felt></hoved>\
<møde dato=\"2026-03-04 16:00\">\
<punkt nr=\"1\" adgang=\"Åben\"><overskrift>Vejplan 2027</overskrift><brødtekst>Sagsfremstilling\n\nVejene skal asfalteres.\nDet koster 2 mio. kr.\n\nIndstilling\n\nAt planen godkendes.</brødtekst>\
<bilag fil=\"plan.pdf\">Vejplanen</bilag></punkt>\
<punkt nr=\"2\" adgang=\"Lukket\"><overskrift>Køb af grund</overskrift><brødtekst>Prisen er fortrolig.</brødtekst></punkt>\
</møde></eksport>",
    );
    let run = project.run(&["import", "eksport.xml", "--to", "p"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said("Importerede Teknik- og Miljøudvalget (TMU) 04-03-2026 (arkiv: eksport.xml)");
    let meeting = text(&project, "p/moeder/tmu-2026-03-04.toml");
    assert!(meeting.contains("tid = \"16:00\""), "{meeting}");
    let first = text(
        &project,
        "p/cases/2026/tmu-03-04/punkt-01-vejplan-2027.toml",
    );
    assert_in_order(
        &first,
        &[
            "titel = \"Vejplan 2027\"",
            "kilde = \"arkiv: eksport.xml, Teknik- og Miljøudvalget (TMU) 04-03-2026, punkt 1\"",
            "sagsfremstilling = \"Vejene skal asfalteres. Det koster 2 mio. kr.\"",
            "indstilling = \"At planen godkendes.\"",
            "[[bilag]]",
            "titel = \"Vejplanen\"",
        ],
    );
    assert!(!first.contains("adgang"), "{first}");
    let second = text(
        &project,
        "p/cases/2026/tmu-03-04/punkt-02-koeb-af-grund.toml",
    );
    assert!(second.contains("adgang = \"lukket\""), "{second}");
    assert!(second.contains("Prisen er fortrolig."), "{second}");
}

#[test]
fn a_wrong_format_description_is_an_error_of_check_naming_its_line() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[import.formater.arkiv]\nrod = \"eksport\"\nudvalg = \"/eksport/udvalg\"\npunkter = \"punkt\"\ntitle = \"overskrift\"\nafsnit_indhold = \"x\"\n",
    );
    project.write("cases/.keep", "");
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "sagsgen.toml:3:10",
        "`udvalg`: \"/eksport/udvalg\" begynder med /; en sti går fra det element, den læses fra, fx \"eksport/udvalg\"",
        "`title` er ikke et felt i afsnittet `[import.formater.arkiv]`; mente du `titel`?",
        "feltet `dato` mangler: afsnittet `[import.formater.arkiv]` skal have det",
        "`afsnit_indhold` kræver `afsnit`, som siger, hvor posterne står",
    ] {
        run.assert_said(said);
    }
}

#[test]
fn text_an_xml_reader_does_not_look_at_is_reported_in_every_xml_format() {
    let project = Project::empty();
    let fixtures = repo().join("tests/fixtures/import");
    // Prose in an element of the item no reader knows, in each format's own shape.
    for (name, file, after, hidden) in [
        (
            "sbsys",
            "sbsys/Publication7.xml",
            "<Caption><![CDATA[Klimaplan for kommunens bygninger]]></Caption>",
            "<Remark>Borgermødet ønskede tydeligere skiltning ved kildepladsen.</Remark>",
        ),
        (
            "edoc",
            "edoc-publishing/moede.xml",
            "<AgendaItemNumber>2</AgendaItemNumber>",
            "<Remark>Borgermødet ønskede tydeligere skiltning ved kildepladsen.</Remark>",
        ),
    ] {
        let source = std::fs::read_to_string(fixtures.join(file)).unwrap();
        let changed = source.replacen(after, &format!("{after}{hidden}"), 1);
        assert_ne!(changed, source, "{name}");
        project.write(&format!("{name}/eksport.xml"), &changed);
        let run = project.run(&[
            "import",
            &format!("{name}/eksport.xml"),
            "--to",
            &format!("p-{name}"),
        ]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        run.assert_said("med); det første, der mangler: \"Borgermødet ønskede tydeligere skiltning ved kildepladsen\"\n");
        let strict = project.run(&[
            "import",
            &format!("{name}/eksport.xml"),
            "--to",
            &format!("s-{name}"),
            "--strict",
        ]);
        assert_eq!(strict.code, 1, "{name}: {}", strict.stderr);
        strict.assert_said("ord står ikke i de skrevne filer (--strict)");
    }
}

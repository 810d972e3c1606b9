//! What the PDFs contain: metadata, layout pieces, Markdown structures, file layout,
//! reproducibility, overrides.

use crate::common::{
    Project, assert_in_order, beslutningssag, catalog, info, link_uris, notat, pdf, pdf_text, xmp,
};

#[test]
fn metadata_comes_from_the_case() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        notat(
            "forfatter = \"Mette Sørensen\"\nemneord = [\"budget\", \"skoler\"]\ndato = 2020-10-20",
        ),
    );
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/a.pdf"));
    assert_eq!(info(&doc, "Title").as_deref(), Some("Et notat"));
    assert_eq!(info(&doc, "Author").as_deref(), Some("Mette Sørensen"));
    assert_eq!(info(&doc, "Keywords").as_deref(), Some("budget, skoler"));
    assert_eq!(
        info(&doc, "Creator").as_deref(),
        Some(concat!("sagsgen ", env!("CARGO_PKG_VERSION")))
    );
    assert!(
        info(&doc, "CreationDate")
            .unwrap()
            .starts_with("D:20201020"),
        "document date from the case"
    );
    let cat = catalog(&doc);
    assert_eq!(crate::common::decode_text(cat.get(b"Lang").unwrap()), "da");
    let mark = cat
        .get(b"MarkInfo")
        .and_then(|m| doc.dereference(m))
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    assert!(
        mark.get(b"Marked").unwrap().as_bool().unwrap(),
        "tagged PDF"
    );
    assert!(cat.get(b"StructTreeRoot").is_ok(), "has a structure tree");
    let xmp = xmp(&doc);
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    let text = pdf_text(&project.read("output/a.pdf"));
    assert!(
        text.contains("Dato:") && text.contains("20. oktober 2020"),
        "{text}"
    );
}

#[test]
fn fonts_are_embedded() {
    let project = Project::examples();
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/2020/rammeaftale-2021-2022.pdf"));
    let mut descriptors = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let kind = dict.get(b"Type").ok().and_then(|t| t.as_name().ok());
        if kind == Some(b"FontDescriptor".as_slice()) {
            descriptors += 1;
            let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| dict.has(k));
            assert!(embedded, "font not embedded: {dict:?}");
        }
    }
    assert!(descriptors >= 2, "regular and bold at least");
}

#[test]
fn identical_input_gives_identical_bytes() {
    let a = Project::examples();
    let b = Project::examples();
    assert_eq!(a.run(&["build"]).code, 0);
    let first = a.read("output/2020/rammeaftale-2021-2022.pdf");
    assert_eq!(a.run(&["build"]).code, 0);
    assert_eq!(b.run(&["build", "--jobs", "1"]).code, 0);
    assert_eq!(
        a.read("output/2020/rammeaftale-2021-2022.pdf"),
        first,
        "rebuild in place"
    );
    assert_eq!(
        b.read("output/2020/rammeaftale-2021-2022.pdf"),
        first,
        "another folder, one thread"
    );
}

#[test]
fn a_case_without_date_still_has_a_fixed_document_date() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/a.pdf"));
    assert!(
        info(&doc, "CreationDate").unwrap().starts_with("D:2000"),
        "fixed, not the clock"
    );
}

#[test]
fn drafts_say_udkast_on_every_page() {
    let project = Project::empty();
    let long = "Et afsnit med tekst. ".repeat(1500);
    project.write(
        "cases/a.toml",
        notat("udkast = true").replace("Brødtekst.", &long),
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = pdf(&project.read("output/a.pdf"));
    let pages = doc.get_pages();
    assert!(pages.len() >= 3, "a long draft has several pages");
    for (number, _) in pages {
        let text = doc.extract_text(&[number]).unwrap();
        assert!(
            text.contains("UDKAST"),
            "page {number} lacks UDKAST: {text}"
        );
    }
    let final_version = Project::empty();
    final_version.write("cases/a.toml", notat(""));
    assert_eq!(final_version.run(&["build"]).code, 0);
    assert!(!final_version.text("output/a.pdf").contains("UDKAST"));
}

#[test]
fn footer_counts_pages_and_header_names_the_organisation() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[organisation]\nnavn = \"Testby Kommune\"\n",
    );
    let long = "Et afsnit med tekst. ".repeat(900);
    project.write("cases/a.toml", notat("").replace("Brødtekst.", &long));
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/a.pdf"));
    let total = doc.get_pages().len();
    assert!(total >= 2);
    for (number, _) in doc.get_pages() {
        let text = doc.extract_text(&[number]).unwrap();
        assert!(
            text.contains(&format!("Side {number} af {total}")),
            "page {number}: {text}"
        );
        assert!(text.contains("Testby Kommune"), "page {number}: {text}");
    }
}

#[test]
fn markdown_fields_keep_their_structure() {
    let project = Project::empty();
    let sag = beslutningssag("").replace(
        "sagsfremstilling = \"Fremstilling.\"",
        r#"sagsfremstilling = """
Indledning med **fed** og *kursiv* tekst og et [link](https://www.example.dk/side).

## Underoverskrift

• første punkt
• andet punkt

1. et
2. to

| Område | Beløb |
|---|--:|
| Skoler | 1.200 |

> Et citat.

Linje et  
linje to
""""#,
    );
    project.write("cases/a.toml", sag);
    let run = project.run(&["build", "--emit-typst"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = project.text("output/a.pdf");
    assert_in_order(
        &text,
        &[
            "Indledning med fed og kursiv tekst og et link",
            "Underoverskrift",
            "første punkt",
            "andet punkt",
            "et",
            "to",
            "Område",
            "Beløb",
            "Skoler",
            "1.200",
            "Et citat",
            "Linje et",
            "linje to",
        ],
    );
    let typst = String::from_utf8(project.read("output/a.typ")).unwrap();
    assert!(
        typst.contains("#heading(depth: 3)[Underoverskrift]"),
        "a ## heading is one level below its section"
    );
    assert!(
        typst.contains("#list([første punkt], [andet punkt])"),
        "• bullets are a list"
    );
    assert!(
        typst.contains("table.header([Område], [Beløb])"),
        "tables have header rows"
    );
    let doc = pdf(&project.read("output/a.pdf"));
    assert!(link_uris(&doc).contains(&"https://www.example.dk/side".to_string()));
}

#[test]
fn absent_optional_sections_leave_no_heading() {
    let project = Project::empty();
    project.write("cases/a.toml", beslutningssag(""));
    assert_eq!(project.run(&["build"]).code, 0);
    let text = project.text("output/a.pdf");
    for absent in [
        "Borgerinddragelse",
        "Lovgrundlag",
        "Det videre forløb",
        "Bilag",
        "Beslutning i",
    ] {
        assert!(!text.contains(absent), "{absent} must be left out\n{text}");
    }
    assert_in_order(
        &text,
        &[
            "Beslutningstema",
            "Sagsfremstilling",
            "Økonomiske konsekvenser",
            "Indstilling",
        ],
    );
}

#[test]
fn output_mirrors_the_source_tree() {
    let project = Project::empty();
    project.write("cases/2020/x.toml", notat(""));
    project.write("cases/2021/udvalg/y.toml", notat(""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.exists("output/2020/x.pdf"));
    assert!(project.exists("output/2021/udvalg/y.pdf"));
}

#[test]
fn output_dir_and_single_files_can_be_chosen() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write("cases/b.toml", notat(""));
    let run = project.run(&["build", "cases/b.toml", "--output", "ud"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.exists("ud/b.pdf"));
    assert!(!project.exists("ud/a.pdf") && !project.exists("output"));
}

#[test]
fn danish_spelling_of_keys_is_accepted() {
    let project = Project::empty();
    let sag = beslutningssag("\"det_videre_forløb\" = \"Sagen sendes videre.\"")
        .replace("oekonomiske_konsekvenser", "\"økonomiske_konsekvenser\"");
    project.write("cases/a.toml", sag);
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_in_order(
        &project.text("output/a.pdf"),
        &[
            "Økonomiske konsekvenser",
            "Ingen.",
            "Det videre forløb",
            "Sagen sendes videre.",
        ],
    );
}

#[test]
fn committees_resolve_through_sagsgen_toml() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[udvalg]\nBU = \"Børne- og Ungeudvalget\"\nBR = \"Byrådet\"\n",
    );
    let sag = beslutningssag("udvalg = [\"BU\"]\n[[beslutninger]]\nudvalg = \"BU\"\ndato = 2025-01-07\ntekst = \"Godkendt.\"")
        .replace("beslutningskompetence = \"Byrådet\"", "beslutningskompetence = \"BR\"");
    project.write("cases/a.toml", sag);
    assert_eq!(project.run(&["build"]).code, 0);
    let text = project.text("output/a.pdf");
    assert!(text.contains("Beslutning: (BU) En sag"), "{text}");
    assert!(
        text.contains("Beslutningskompetence:") && text.contains("Byrådet"),
        "{text}"
    );
    assert!(
        text.contains("Beslutning i Børne- og Ungeudvalget den 07-01-2025"),
        "{text}"
    );
}

#[test]
fn a_project_template_overrides_the_built_in_one() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write(
        "templates/notat.typ.j2",
        "#heading(depth: 1)[Egen skabelon: {{ doc.titel }}]\n\n{{ doc.tekst }}\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = project.text("output/a.pdf");
    assert!(text.contains("Egen skabelon: Et notat"), "{text}");
}

#[test]
fn a_broken_template_override_points_into_the_template() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write(
        "templates/notat.typ.j2",
        "line one\n{{ doc.no_such_field }}\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/notat.typ.j2:2"),
        "{}",
        run.stderr
    );
    assert!(!project.exists("output/a.pdf"));
}

#[test]
fn standard_can_be_chosen_in_sagsgen_toml() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[pdf]\nstandard = \"a-3b\"\n");
    project.write("cases/a.toml", notat(""));
    assert_eq!(project.run(&["build"]).code, 0);
    let xmp = xmp(&pdf(&project.read("output/a.pdf")));
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

#[test]
fn projects_without_sagsgen_toml_use_defaults() {
    let project = Project::empty();
    project.write("cases/a.toml", beslutningssag("udvalg = [\"OEU\"]"));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        project
            .text("output/a.pdf")
            .contains("Beslutning: (OEU) En sag")
    );
}

#[test]
fn long_documents_flow_over_many_pages() {
    let project = Project::empty();
    let body: String = (1..=60)
        .map(|i| format!("## Afsnit {i}\n\n{}\n\n", "Tekst i afsnittet. ".repeat(60)))
        .collect();
    project.write(
        "cases/a.toml",
        format!("type = \"notat\"\ntitel = \"Langt\"\ntil = \"x\"\ntekst = '''\n{body}'''\n"),
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("sider)"), "{}", run.stderr);
    let doc = pdf(&project.read("output/a.pdf"));
    assert!(doc.get_pages().len() > 10);
    assert_in_order(
        &project.text("output/a.pdf"),
        &["Afsnit 1", "Afsnit 30", "Afsnit 60"],
    );
}

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#1d4f73"/></svg>"##;

/// A project whose organisation has `LOGO` as its logo.
fn logo_project() -> Project {
    let project = Project::empty();
    project.write("logo.svg", LOGO);
    project.write(
        "sagsgen.toml",
        "[organisation]\nnavn = \"Logoby Kommune\"\nlogo = \"logo.svg\"\n\
         [udvalg]\nOEU = \"Økonomiudvalget\"\n",
    );
    project
}

/// Asserts that the logo is content (a figure with its alternative text) on the PDF's first
/// page and in the header artifact of its second, and that the PDF conforms.
fn assert_logo_content_then_header(bytes: &[u8], what: &str) {
    let doc = pdf(bytes);
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    assert!(pages.len() >= 2);
    // The SVG's 40×40 rectangle, drawn as vector paths.
    let rect = "0 0 m 40 0 l 40 40 l 0 40 l";
    let header_of = |page| {
        let content = String::from_utf8_lossy(&doc.get_page_content(page).unwrap()).into_owned();
        let header = content
            .split("/Subtype/Header")
            .nth(1)
            .expect("a header artifact")
            .split("EMC")
            .next()
            .unwrap()
            .to_string();
        (content, header)
    };
    let (first, first_header) = header_of(pages[0]);
    assert!(
        first.contains(rect) && !first_header.contains(rect),
        "{what}, page 1: the logo is content, not header"
    );
    let (_, second_header) = header_of(pages[1]);
    assert!(
        second_header.contains(rect),
        "{what}, later pages: the logo is in the header artifact"
    );
    let alt = crate::common::all_strings(&doc);
    assert!(
        alt.contains("Logo for Logoby Kommune"),
        "{what}: the logo's alternative text is in the file"
    );
    assert!(
        crate::common::structure(&doc)
            .iter()
            .any(|(_, r)| r == "Figure"),
        "{what}: the logo is a Figure"
    );
    crate::conformance::assert_conforms(bytes, page_validation::ValidationProfile::PdfA2a, what);
}

#[test]
fn the_logo_is_a_figure_with_alt_text_on_page_one_and_furniture_after() {
    let project = logo_project();
    let long = "Et afsnit med tekst. ".repeat(900);
    project.write("cases/a.toml", notat("").replace("Brødtekst.", &long));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_logo_content_then_header(&project.read("output/a.pdf"), "document with logo");
}

#[test]
fn a_meetings_cover_has_the_logo_as_a_figure_and_its_later_pages_in_the_header() {
    // A meeting's cover is a page of its own (its footer is drawn onto the later pages):
    // the logo drawn as content must be on it, not on a page before it.
    let project = logo_project();
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-05-05\n\
         [[punkter]]\nsag = \"../sager/a.toml\"\n",
    );
    project.write("sager/a.toml", beslutningssag(""));
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = project.read("output/moeder/m/dagsorden.pdf");
    let pages = pdf(&bytes).get_pages().len();
    assert_eq!(
        pages, 3,
        "cover, contents and the item: no page before the cover"
    );
    assert_logo_content_then_header(&bytes, "agenda with logo");
}

#[test]
fn a_missing_logo_is_an_error_in_sagsgen_toml() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[organisation]\nlogo = \"mangler.svg\"\n");
    project.write("cases/a.toml", notat(""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("sagsgen.toml:2:8")
            && run.stderr.contains("logoet \"mangler.svg\" findes ikke"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_font_in_a_template_is_an_error() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write(
        "templates/notat.typ.j2",
        "#set text(font: \"Ingen Saadan Skrift\")\n{{ doc.tekst }}\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("unknown font family: ingen saadan skrift"),
        "{}",
        run.stderr
    );
    assert!(!project.exists("output/a.pdf"));
}

#[test]
fn templates_cannot_read_outside_the_project() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write(
        "templates/notat.typ.j2",
        "#read(\"/../../../../etc/hostname\")\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("would escape the project root"),
        "{}",
        run.stderr
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", project.path().join("link")).unwrap();
        project.write("templates/notat.typ.j2", "#read(\"/link\")\n");
        let run = project.run(&["build"]);
        assert_eq!(run.code, 1, "a symlink out of the project is refused too");
        assert!(run.stderr.contains("access denied"), "{}", run.stderr);
    }
}

#[test]
fn a_sag_shows_its_date_sender_and_author_when_given() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        beslutningssag("dato = 2025-05-05\nafsender = \"Borgerservice\"\nforfatter = \"Ida Holm\""),
    );
    assert_eq!(project.run(&["build"]).code, 0);
    let text = project.text("output/a.pdf");
    assert_in_order(
        &text,
        &[
            "Sagsnr. i ESDH:",
            "25/1",
            "Dato:",
            "5. maj 2025",
            "Afsender:",
            "Borgerservice",
            "Sagsbehandler:",
            "Ida Holm",
        ],
    );
}

#[test]
fn a_typst_error_in_a_template_override_points_into_that_template() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    project.write("templates/notat.typ.j2", "#heading(depth: 1)[{{ doc.titel }}]\n#text(fill: ingen-farve)[{{ doc.til }}]\n{{ doc.tekst }}\n");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/notat.typ.j2:2:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("#text(fill: ingen-farve)"),
        "shows the user's own line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown variable: ingen-farve"),
        "{}",
        run.stderr
    );
}

/// The number (1-based) of the one line of a project file that is exactly `text`.
fn line_of(project: &Project, rel: &str, text: &str) -> usize {
    let file = String::from_utf8(project.read(rel)).unwrap();
    let at: Vec<usize> = file
        .lines()
        .enumerate()
        .filter(|(_, line)| *line == text)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(at.len(), 1, "{rel} has {text:?} once: {at:?}");
    at[0]
}

/// Replaces line `line` (1-based) of a project file, checking what was there.
fn replace_line(project: &Project, rel: &str, line: usize, was: &str, now: &str) {
    let text = String::from_utf8(project.read(rel)).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[line - 1], was, "{rel}:{line}");
    lines[line - 1] = now;
    project.write(rel, lines.join("\n") + "\n");
}

#[test]
fn a_typst_error_from_a_line_of_only_template_code_points_at_that_line() {
    let project = Project::empty();
    assert_eq!(project.run(&["init", "--templates"]).code, 0);
    let untouched = project.run(&["build"]);
    assert_eq!(untouched.code, 0, "{}", untouched.stderr);
    let sag = line_of(&project, "templates/sag.typ.j2", "{{ s.indhold }}");
    replace_line(
        &project,
        "templates/sag.typ.j2",
        sag,
        "{{ s.indhold }}",
        "{{ s.indhold }}{{ \"#ukendt-funktion()\" | safe }}",
    );
    let heading =
        "#heading(depth: 2)[{{ p.beslutning_overskrift or moede.beslutning_overskrift }}]";
    let moede = line_of(&project, "templates/moede.typ.j2", heading);
    replace_line(
        &project,
        "templates/moede.typ.j2",
        moede,
        heading,
        &format!("{heading}{{{{ \"#(1 +)\" | safe }}}}"),
    );
    let run = project.run(&["build", "--force", "cases", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (at, message) in [
        (
            format!("templates/sag.typ.j2:{sag}:1"),
            "unknown variable: ukendt-funktion",
        ),
        (
            format!("templates/moede.typ.j2:{moede}:1"),
            "expected expression",
        ),
    ] {
        assert!(run.stderr.contains(&at), "{at}\n{}", run.stderr);
        assert!(run.stderr.contains(message), "{message}\n{}", run.stderr);
    }
    assert!(
        !run.stderr.contains("templates/notat.typ.j2"),
        "the notat, untouched, still builds: {}",
        run.stderr
    );
    assert!(project.exists("output/eksempel-notat.pdf"));
}

#[test]
fn template_mistakes_point_at_the_expression_and_say_what_to_do() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    let cases: [(&str, &str, &str, &str); 3] = [
        (
            "#heading[{{ doc.titl }}]\n{{ doc.tekst }}\n",
            "templates/notat.typ.j2:1:13",
            "`doc.titl` er ikke en værdi, skabelonen får",
            "mente du `doc.titel`?",
        ),
        (
            "#heading[{{ doc.titel }}]\n{% if doc.til %}\nx\n",
            "templates/notat.typ.j2:2:1",
            "`{% if %}` bliver aldrig afsluttet",
            "tilføj `{% endif %}`",
        ),
        (
            "#heading[{{ doc.titel | uppr }}]\n",
            "templates/notat.typ.j2:1:25",
            "filter uppr is unknown",
            "indbyggede filtre",
        ),
    ];
    for (template, at, message, help) in cases {
        project.write("templates/notat.typ.j2", template);
        let run = project.run(&["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        for expected in [at, message, help] {
            assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
        }
    }
}

#[test]
fn an_override_without_the_file_marks_is_typeset_as_one_file_alike() {
    // The built-in templates mark the style and each meeting item as files of their own
    // (so the editions of a meeting share their layout); an override written before the
    // marks, or that lost them, is typeset as one file — the same documents.
    let project = Project::empty();
    assert_eq!(project.run(&["init", "--templates"]).code, 0);
    let marked = project.run(&["build"]);
    assert_eq!(marked.code, 0, "{}", marked.stderr);
    let texts = |project: &Project| -> Vec<(String, String)> {
        crate::common::tree(&project.path().join("output"))
            .into_iter()
            .filter(|(rel, _)| rel.ends_with(".pdf"))
            .map(|(rel, bytes)| {
                let doc = pdf(&bytes);
                let pages = doc.get_pages().len() as u32;
                let text: Vec<_> = (1..=pages)
                    .map(|page| crate::common::page_text(&doc, page))
                    .collect();
                (rel, text.join("\n"))
            })
            .collect()
    };
    let before = texts(&project);
    assert!(
        before.len() >= 7,
        "the example cases and the meeting's six files"
    );
    for rel in ["templates/stil.typ.j2", "templates/moede.typ.j2"] {
        let text = String::from_utf8(project.read(rel)).unwrap();
        let unmarked: String = text
            .lines()
            .filter(|line| !line.starts_with("// sagsgen:"))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_ne!(text, unmarked, "{rel} has marks");
        project.write(rel, unmarked);
    }
    let unmarked = project.run(&["build", "--force"]);
    assert_eq!(unmarked.code, 0, "{}", unmarked.stderr);
    assert_eq!(texts(&project), before);
}

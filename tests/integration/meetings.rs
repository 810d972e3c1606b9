//! Meetings: the six files, cover, table of contents and bookmarks, the minutes, public
//! editions that leak nothing of closed items, and packets with the attachments' pages.

use page_validation::ValidationProfile;

use crate::common::{
    Project, all_strings, assert_absent, assert_in_order, beslutningssag, bookmarks,
    embeds_first_page_of, page_text, pages_with, pdf, pdf_text, public_editions, untagged_pages,
    untagged_pdf, xmp,
};
use crate::conformance::assert_conforms;

const DIR: &str = "output/moeder/uss-2020-11-02";
const FILES: [&str; 6] = [
    "dagsorden",
    "dagsorden-offentlig",
    "referat",
    "referat-offentlig",
    "dagsorden-med-bilag",
    "dagsorden-offentlig-med-bilag",
];
/// Phrases that only the closed item (its text, its closed attachment, its decision) holds.
pub(crate) const SECRETS: [&str; 5] = [
    "Køberen tilbyder 4,1 mio",
    "Valuarvurdering af Industrivej 12",
    "Køberen orienteres",
    "laveste acceptable pris",
    "Salget giver en indtægt",
];

fn built() -> Project {
    let project = Project::examples();
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    project
}

fn file(name: &str) -> String {
    format!("{DIR}/{name}.pdf")
}

#[test]
fn a_meeting_builds_six_files() {
    let project = built();
    for name in FILES {
        assert!(project.exists(&file(name)), "{name}.pdf");
    }
    // Made in another order (each agenda before its packet), reported in edition order.
    let run = project.run(&["build", "moeder", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = FILES.iter().map(|name| format!("{name}.pdf (")).collect();
    assert_in_order(
        &run.stderr,
        &names.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let pages = |name: &str| pdf(&project.read(&file(name))).get_pages().len();
    // Each attachment of the example is one page: two in the full packet, one (open) in the public.
    assert_eq!(pages("dagsorden-med-bilag"), pages("dagsorden") + 2);
    assert_eq!(
        pages("dagsorden-offentlig-med-bilag"),
        pages("dagsorden-offentlig") + 1
    );
}

#[test]
fn cover_lists_meeting_and_members() {
    let project = built();
    let doc = pdf(&project.read(&file("dagsorden")));
    let cover = doc.extract_text(&[1]).unwrap();
    assert_in_order(
        &cover,
        &[
            "Eksempel Kommune",
            "Dagsorden",
            "Udvalg for sociale forhold, sundhed og et godt seniorliv",
            "Mødedato:",
            "2. november 2020",
            "Mødetidspunkt:",
            "15:30",
            "Mødested:",
            "Rådhuset",
            "Medlemmer:",
            "Anne Jensen (formand)",
            "Eva Pedersen",
        ],
    );
    assert!(
        !cover.contains("Afbud"),
        "attendance belongs to the minutes"
    );
    let text = pdf_text(&project.read(&file("dagsorden")));
    assert!(text.contains("Udvalg for sociale forhold, sundhed og et godt seniorliv – Dagsorden – 2. november 2020"), "footer");
}

#[test]
fn table_of_contents_gives_each_items_page() {
    let project = built();
    let doc = pdf(&project.read(&file("dagsorden")));
    assert!(page_text(&doc, 2).contains("Indholdsfortegnelse"));
    let items = [
        ("1.", "(Åben)", "Godkendelse af dagsorden"),
        (
            "2.",
            "(Åben)",
            "Rammeaftale 2021-2022 og Centrale Udmeldinger",
        ),
        ("3.", "(Lukket)", "Salg af grund på Industrivej"),
        ("4.", "(Åben)", "Meddelelser"),
        ("5.", "(Åben)", "Eventuelt"),
    ];
    let toc = page_text(&doc, 2);
    for (nr, adgang, titel) in items {
        let entry = format!("{nr} {adgang} {titel}");
        let at = toc
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} not in the TOC:\n{toc}"));
        let after = &toc[at + entry.len()..];
        let page: u32 = after
            .split_whitespace()
            .find_map(|w| w.parse().ok())
            .unwrap_or_else(|| panic!("no page number after {entry}"));
        let on_page = page_text(&doc, page);
        assert!(
            on_page.contains(&format!("{nr} ")) && on_page.contains(titel),
            "item {nr} is not on page {page}: {on_page}"
        );
    }
    let internal_links = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Link".as_slice())
        })
        .filter(|d| {
            d.has(b"Dest")
                || d.get(b"A")
                    .ok()
                    .and_then(|a| a.as_dict().ok())
                    .is_some_and(|a| a.has(b"D"))
        })
        .count();
    assert!(
        internal_links >= 5,
        "each TOC line links to its item: {internal_links}"
    );
}

#[test]
fn bookmarks_mirror_the_table_of_contents() {
    let project = built();
    let marks = bookmarks(&pdf(&project.read(&file("dagsorden"))));
    let titles: Vec<&str> = marks.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Indholdsfortegnelse",
            "1. Godkendelse af dagsorden",
            "2. Beslutning: (USS/UDF/USU) Rammeaftale 2021-2022 og Centrale Udmeldinger til politisk behandling",
            "3. Beslutning: (USS) Salg af grund på Industrivej",
            "4. Meddelelser",
            "5. Eventuelt",
        ]
    );
    let packet = bookmarks(&pdf(&project.read(&file("dagsorden-med-bilag"))));
    let attachment = packet
        .iter()
        .position(|(_, t)| t == "Bilag 2 til punkt 2: Teknisk bilag til Styringsaftale")
        .expect("attachment bookmark");
    assert_eq!(
        packet[attachment].0, 1,
        "attachments are children of their item"
    );
    assert!(packet[attachment - 1].1.starts_with("2. "), "{packet:?}");
    // The valuation report has a bookmark of its own: it comes along, below its attachment.
    let own = packet
        .iter()
        .position(|(_, t)| t == "Vurdering af grunden Industrivej 12")
        .expect("the attachment's own bookmark");
    assert_eq!(
        packet[own - 1].1,
        "Bilag 1 til punkt 3: Valuarvurdering af Industrivej 12"
    );
    assert_eq!(
        packet[own].0, 2,
        "a child of the attachment's entry: {packet:?}"
    );
}

#[test]
fn an_attachments_nested_bookmarks_keep_their_levels_and_pages() {
    let project = Project::examples();
    assert_eq!(project.run(&["build", "cases/2020"]).code, 0);
    // A sagsgen PDF (title, sections, sub-headings) as the attachment of item 2.
    let case = project.read("output/2020/rammeaftale-2021-2022.pdf");
    project.write("bilag/teknisk-bilag-styringsaftale.pdf", &case);
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = pdf(&project.read(&file("dagsorden-med-bilag")));
    let marks = bookmarks(&doc);
    let at = |title: &str| {
        marks
            .iter()
            .position(|(_, t)| t == title)
            .unwrap_or_else(|| panic!("{title}: {marks:?}"))
    };
    let attachment = at("Bilag 2 til punkt 2: Teknisk bilag til Styringsaftale");
    let title = at(
        "Beslutning: (USS/UDF/USU) Rammeaftale 2021-2022 og Centrale Udmeldinger til politisk behandling",
    );
    let section = at("Sagsfremstilling");
    let sub = at("Fokusområde");
    assert_eq!(
        [
            marks[attachment].0,
            marks[title].0,
            marks[section].0,
            marks[sub].0
        ],
        [1, 2, 3, 4],
        "{marks:?}"
    );
    assert!(attachment < title && title < section && section < sub);
    // Each leads to the packet page showing its page of the attachment: "Fokusområde" is
    // on the attachment's first page, "Økonomimodel" on its second.
    let toc = doc.get_toc().unwrap().toc;
    let page = |title: &str| toc.iter().find(|t| t.title == title).map(|t| t.page);
    let first = page("Bilag 2 til punkt 2: Teknisk bilag til Styringsaftale").unwrap();
    assert_eq!(page("Fokusområde"), Some(first), "{toc:?}");
    assert_eq!(page("Økonomimodel"), Some(first + 1), "{toc:?}");
}

#[test]
fn minutes_have_attendance_and_each_items_decision() {
    let project = built();
    let text = pdf_text(&project.read(&file("referat")));
    assert_in_order(&text, &["Referat", "Afbud:", "Dennis Olsen"]);
    let heading =
        "Beslutning i Udvalg for sociale forhold, sundhed og et godt seniorliv den 02-11-2020";
    assert_in_order(
        &text,
        &[
            "1. Godkendelse af dagsorden",
            heading,
            "Godkendt.",
            "2. Beslutning",
            "Beslutning i Udvalg for dagtilbud og familier den 02-11-2020",
            heading,
            "Anbefalet.",
            "3. Beslutning: (USS) Salg af grund",
            heading,
            "Godkendt. Køberen orienteres",
            "4. Meddelelser",
            heading,
            "Taget til efterretning.",
            "5. Eventuelt",
            heading,
            "Intet.",
        ],
    );
    let agenda = pdf_text(&project.read(&file("dagsorden")));
    assert!(
        !agenda.contains(heading),
        "the agenda does not show this meeting's decisions"
    );
    assert!(!agenda.contains("Ingen beslutning registreret") && !agenda.contains("Afbud"));
}

#[test]
fn closed_content_is_in_the_internal_editions() {
    let project = built();
    let agenda = pdf_text(&project.read(&file("dagsorden")));
    for secret in [
        "Køberen tilbyder 4,1 mio",
        "Valuarvurdering af Industrivej 12",
        "Salget giver en indtægt",
    ] {
        assert!(
            agenda.contains(secret),
            "{secret} missing from the internal agenda"
        );
    }
    assert!(pdf_text(&project.read(&file("referat"))).contains("Køberen orienteres"));
    let closed_attachment = project.read("bilag/vurdering-grund.pdf");
    assert!(embeds_first_page_of(
        &project.read(&file("dagsorden-med-bilag")),
        &closed_attachment
    ));
}

#[test]
fn nothing_confidential_reaches_a_public_file() {
    let project = built();
    for name in [
        "dagsorden-offentlig",
        "referat-offentlig",
        "dagsorden-offentlig-med-bilag",
    ] {
        let bytes = project.read(&file(name));
        let text = pdf_text(&bytes);
        let strings = all_strings(&pdf(&bytes));
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret} in the text of {name}");
            assert!(
                !strings.contains(secret),
                "{secret} in the strings/streams of {name}"
            );
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} in the bytes of {name}"
            );
        }
        assert_in_order(&text, &["3. Salg af grund på Industrivej", "Lukket punkt"]);
    }
    let public_minutes = pdf_text(&project.read(&file("referat-offentlig")));
    assert_in_order(
        &public_minutes,
        &[
            "3. Salg af grund på Industrivej",
            "Lukket punkt",
            "Udvalget godkendte salget af grunden.",
        ],
    );
    let public_agenda = pdf_text(&project.read(&file("dagsorden-offentlig")));
    assert!(
        !public_agenda.contains("Udvalget godkendte"),
        "decisions belong to the minutes"
    );
}

#[test]
fn packets_put_attachment_pages_after_their_item() {
    let project = built();
    let bytes = project.read(&file("dagsorden-med-bilag"));
    let doc = pdf(&bytes);
    let total = doc.get_pages().len();
    let item2 = pages_with(&doc, "2. Beslutning: (USS/UDF/USU)");
    let attachment2 = pages_with(&doc, "Bilag 2 til punkt 2");
    let item3 = pages_with(&doc, "3. Beslutning: (USS) Salg af grund");
    let attachment3 = pages_with(&doc, "Bilag 1 til punkt 3");
    let item4 = pages_with(&doc, "4. Meddelelser");
    assert_eq!(attachment2.len(), 1, "one stamped page: {attachment2:?}");
    assert!(
        item2.iter().any(|p| *p > 2) && item2.last() < attachment2.first(),
        "{item2:?} {attachment2:?}"
    );
    assert!(
        attachment2.last() < item3.iter().find(|p| **p > 2),
        "{attachment2:?} {item3:?}"
    );
    assert!(
        item3.iter().filter(|p| **p > 2).max() < attachment3.first()
            && attachment3.last() < item4.iter().find(|p| **p > 2)
    );
    for page in attachment2.iter().chain(&attachment3) {
        let on_page = doc.extract_text(&[*page]).unwrap();
        assert!(
            on_page.contains(&format!("Side {page} af {total}")),
            "page numbers run on through attachments: {on_page}"
        );
    }
    let open_attachment = project.read("bilag/teknisk-bilag-styringsaftale.pdf");
    let closed_attachment = project.read("bilag/vurdering-grund.pdf");
    assert!(
        embeds_first_page_of(&bytes, &open_attachment),
        "the attachment's own page, as vector content"
    );
    let public = project.read(&file("dagsorden-offentlig-med-bilag"));
    assert!(
        embeds_first_page_of(&public, &open_attachment),
        "open attachments are in the public packet"
    );
    assert!(
        !embeds_first_page_of(&public, &closed_attachment),
        "closed attachments are not"
    );
    assert!(pages_with(&pdf(&public), "Bilag 1 til punkt 3").is_empty());
}

/// A meeting whose items have attachments of several pages, one of them closed: the page
/// numbers a packet prints on its attachment pages are worked out before it is made.
fn paged_meeting() -> Project {
    let project = meeting_project(
        "[[punkter]]\nsag = \"../sager/a.toml\"\n[[punkter]]\nsag = \"../sager/b.toml\"\n\
         [[punkter]]\nsag = \"../sager/c.toml\"\n",
    );
    let pages = |name: &str, n: usize| {
        let texts: Vec<String> = (1..=n).map(|i| format!("{name} side {i}")).collect();
        untagged_pages(&texts.iter().map(String::as_str).collect::<Vec<_>>())
    };
    project.write("bilag/tre.pdf", pages("Tre", 3));
    project.write("bilag/to.pdf", pages("To", 2));
    project.write("bilag/lukket.pdf", pages("Lukket", 4));
    project.write("bilag/en.pdf", pages("En", 1));
    let bilag = |titel: &str, fil: &str, adgang: &str| {
        format!("[[bilag]]\ntitel = \"{titel}\"\nfil = \"../bilag/{fil}\"\nadgang = \"{adgang}\"\n")
    };
    project.write(
        "sager/a.toml",
        beslutningssag(&bilag("Tre sider", "tre.pdf", "åben")),
    );
    project.write(
        "sager/b.toml",
        beslutningssag(&format!(
            "{}{}",
            bilag("To sider", "to.pdf", "åben"),
            bilag("Fortroligt", "lukket.pdf", "lukket")
        )),
    );
    project.write(
        "sager/c.toml",
        beslutningssag(&bilag("En side", "en.pdf", "åben")),
    );
    project
}

#[test]
fn every_packet_page_is_numbered_and_each_attachment_starts_where_the_contents_say() {
    let project = paged_meeting();
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_packets_numbered(&project);
    // With the built-in templates, both packets take their numbers from their agendas
    // (the fast way; the others give the same numbers, only slower).
    assert_eq!(
        numbered(&run.stderr),
        ["from its agenda"; 2],
        "{}",
        run.stderr
    );
    // Each file is typeset from its main file, the style and its three items, each a file
    // of its own, so the editions share what they have in common (one file would give the
    // same PDFs, only slower); a packet also from its definitions and each attachment's
    // pages (4 in the packet, 3 in the public one), and its cover and contents, laid out
    // alone first to count their pages, from its main file, the style and the definitions.
    let cut: Vec<_> = run
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("trace: typesetting from "))
        .collect();
    assert_eq!(
        cut,
        [
            "5 files", "5 files", "3 files", "10 files", "3 files", "9 files", "5 files", "5 files"
        ],
        "{}",
        run.stderr
    );
    // Its public packet leaves an attachment out: its pages fall differently, and the
    // packet is exported before it is laid out.
    run.assert_not_said("waits for its public version");
}

#[test]
fn with_nothing_closed_the_public_packet_is_laid_out_beside_the_packet_and_numbered_alike() {
    let project = paged_meeting();
    let case = String::from_utf8(project.read("sager/b.toml")).unwrap();
    let open = case.replace("adgang = \"lukket\"", "adgang = \"åben\"");
    assert_ne!(open, case);
    project.write("sager/b.toml", open);
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said("moeder/m.toml: the packet waits for its public version");
    assert_packets_numbered_with(&project, [4, 4]);
    let public = pdf(&project.read("output/moeder/m/dagsorden-offentlig-med-bilag.pdf"));
    assert!(page_text(&public, 1).contains("Offentlig udgave"));
    let packet = pdf(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    assert!(!page_text(&packet, 1).contains("Offentlig udgave"));
    assert_eq!(public.get_pages().len(), packet.get_pages().len());
}

#[test]
fn an_attachments_later_pages_get_the_stamp_and_footer_of_its_first_page_drawn_on_them() {
    let project = paged_meeting();
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Typst lays out the stamp and footer of each attachment's first page; sagsgen draws
    // them on the pages after it: 2 + 1 + 3 in the packet (attachments of 3, 2, 4 and 1
    // pages), 2 + 1 in the public one (without the closed one of 4).
    for (name, pages) in [
        ("dagsorden-med-bilag", 6),
        ("dagsorden-offentlig-med-bilag", 3),
    ] {
        let drawn = format!("({name}): stamp and footer drawn on {pages} pages");
        run.assert_said(&drawn);
    }
    let packet = pdf(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    for (stamp, pages) in [
        ("Bilag 1 til punkt 1", 3),
        ("Bilag 1 til punkt 2", 2),
        ("Bilag 2 til punkt 2", 4),
        ("Bilag 1 til punkt 3", 1),
    ] {
        let stamped = pages_with(&packet, stamp);
        assert_eq!(stamped.len(), pages, "{stamp}: {stamped:?}");
        // Drawn or laid out, a stamp is a header and a footer is a footer, for readers
        // that skip them (pagination artifacts, outside the document's structure).
        for page in stamped {
            assert_eq!(pagination_artifacts(&packet, page), (1, 1), "page {page}");
        }
    }
    assert_packets_numbered(&project);
}

#[test]
fn without_a_stamp_and_footer_on_an_attachments_first_page_typst_lays_out_every_pages() {
    // An override that leaves an attachment's first page without a footer: nothing to
    // copy, so the packet is laid out again with Typst giving every page its own.
    let (project, run) = paged_meeting_built_with(
        "footer: sidefod-linje(start + side - 1, i-alt))",
        "footer: if side == 1 { none } else { sidefod-linje(start + side - 1, i-alt) })",
    );
    run.assert_said("has no header and footer to copy; Typst lays out every page's marginals");
    run.assert_not_said("stamp and footer drawn on");
    let packet = pdf(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    let total = packet.get_pages().len();
    let stamped = pages_with(&packet, "Bilag 2 til punkt 2");
    assert_eq!(stamped.len(), 4, "{stamped:?}");
    for (i, page) in stamped.into_iter().enumerate() {
        let numbered = page_text(&packet, page).contains(&format!("Side {page} af {total}"));
        assert_eq!(numbered, i > 0, "page {page}");
    }
}

/// Asserts that every page of each of the meeting's six files says `Side <page> af <pages>`
/// in exactly one footer artifact.
fn assert_every_page_numbered_once(project: &Project) {
    for file in FILES {
        let doc = pdf(&project.read(&format!("output/moeder/m/{file}.pdf")));
        let total = doc.get_pages().len() as u32;
        for page in 1..=total {
            let text = page_text(&doc, page);
            assert!(
                text.contains(&format!("Side {page} af {total}")),
                "{file}, page {page}:\n{text}"
            );
            assert_eq!(pagination_artifacts(&doc, page).1, 1, "{file}, page {page}");
        }
    }
}

#[test]
fn the_footers_after_each_editions_cover_are_drawn_from_the_covers() {
    // The cover has its footer as text; sagsgen draws it, renumbered, on the later pages,
    // so that every edition lays its items out alike and the packets need one Typst pass.
    let project = paged_meeting();
    let run = project.run_with(&["build", "moeder", "--emit-typst"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for edition in [
        "dagsorden",
        "dagsorden-offentlig",
        "referat",
        "referat-offentlig",
    ] {
        run.assert_said(&format!("({edition}): footer drawn on"));
    }
    run.assert_said("(dagsorden-med-bilag): stamp and footer drawn on 6 pages, footer on 4");
    assert_every_page_numbered_once(&project);
    // The Typst written out has Typst count, so that Typst alone makes the same pages.
    let typst = String::from_utf8(project.read("output/moeder/m/dagsorden.typ")).unwrap();
    assert!(typst.contains("footer: context sidefod-linje(counter(page)"));
}

#[test]
fn a_cover_without_its_footer_has_typst_lay_out_every_pages() {
    // An override whose cover has no footer to copy: each edition is laid out again with
    // Typst's footers.
    let (project, run) = paged_meeting_built_with(
        "footer: {% if tal %}sidefod-linje(1, {{ tal.i_alt }}){% else %}context \
         sidefod-linje(1, counter(page).final().first()){% endif %})[",
        "footer: none)[",
    );
    run.assert_said(
        "(dagsorden): pages have no footer, and the first page none to copy; \
         Typst lays out every page's footer",
    );
    run.assert_not_said("footer drawn on");
    assert_every_page_numbered_once(&project);
}

#[test]
fn an_override_older_than_the_drawn_footers_keeps_typsts() {
    // Without the line that tells the style to leave the footers to sagsgen, the style
    // gives every page Typst's footer, and there is nothing to draw.
    let (project, run) = paged_meeting_built_with(
        "{% set sidefod_tegnet = (sidetal is defined and sidetal.bare) or \
         sidefod_tegnes|default(false) %}",
        "",
    );
    run.assert_said("(dagsorden): footer drawn on 0 pages");
    assert_every_page_numbered_once(&project);
}

/// The meeting of [`paged_meeting`] built (traced) with its meeting template overridden as
/// [`override_meeting_template`] does; the build succeeded.
fn paged_meeting_built_with(from: &str, to: &str) -> (Project, crate::common::Run) {
    let project = paged_meeting();
    override_meeting_template(&project, from, to);
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (project, run)
}

/// Gives the project an override of the built-in meeting template with `from` (which it
/// must have) replaced by `to`.
fn override_meeting_template(project: &Project, from: &str, to: &str) {
    let template =
        std::fs::read_to_string(crate::common::repo().join("templates/moede.typ.j2")).unwrap();
    assert!(template.contains(from), "the built-in template has {from}");
    project.write("templates/moede.typ.j2", template.replace(from, to));
}

/// How many header and how many footer artifacts a page's content marks.
fn pagination_artifacts(doc: &lopdf::Document, page: u32) -> (usize, usize) {
    let id = doc.get_pages()[&page];
    let content = lopdf::content::Content::decode(&doc.get_page_content(id).unwrap()).unwrap();
    let subtypes: Vec<Vec<u8>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "BDC")
        .filter(|op| op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact"))
        .filter_map(|op| {
            let properties = op.operands.get(1)?.as_dict().ok()?;
            Some(properties.get(b"Subtype").ok()?.as_name().ok()?.to_vec())
        })
        .collect();
    let count = |kind: &[u8]| subtypes.iter().filter(|s| s.as_slice() == kind).count();
    (count(b"Header"), count(b"Footer"))
}

/// Lets a debug build say how each packet's numbers were found.
const TRACE: &[(&str, &str)] = &[("SAGSGEN_TEST_TRACE", "1")];

/// How each packet's numbers were found, from a traced run's messages.
fn numbered(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("trace: "))
        .filter_map(|line| line.split_once(" numbered ").map(|(_, way)| way))
        .collect()
}

#[test]
fn a_packet_whose_numbers_would_come_out_wrong_is_counted_by_typst_instead() {
    // An override whose first passes (those that find the numbers: the cover and contents
    // alone, or the whole packet with stand-ins for its attachments) have a page more than
    // the packet: the numbers found are all one too high, the made packet shows that its
    // attachments start elsewhere, and it is made again with Typst counting.
    assert_numbered_with_a_page_more_in("forarbejde or indhold_alene", "by Typst");
}

#[test]
fn a_packet_whose_agenda_misleads_it_finds_its_numbers_by_a_layout_of_its_own() {
    // Only the count of the cover and contents is off: the numbers taken from the agenda's
    // layout come out wrong, and the packet falls back to a first layout of its own.
    assert_numbered_with_a_page_more_in("indhold_alene", "from a layout of its own");
}

/// Builds the paged meeting through the built-in meeting template plus a blank page at the
/// start of the passes where `condition` holds, and checks the packets' numbers and that
/// both were found the `way` expected.
fn assert_numbered_with_a_page_more_in(condition: &str, way: &str) {
    let project = paged_meeting();
    let marker = "{% set indhold_alene = tal and tal.indhold_alene %}\n";
    override_meeting_template(
        &project,
        marker,
        &format!("{marker}{{% if {condition} %}}#page[]\n{{% endif %}}\n"),
    );
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_packets_numbered(&project);
    assert_eq!(numbered(&run.stderr), [way; 2], "{}", run.stderr);
}

/// Every page of both packets says `Side <page> af <pages>`, and the contents give each
/// attachment the page it starts on.
fn assert_packets_numbered(project: &Project) {
    assert_packets_numbered_with(project, [4, 3]);
}

/// The page each link annotation on `page` goes to.
fn link_targets(doc: &lopdf::Document, page: u32) -> Vec<u32> {
    let numbers: std::collections::HashMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let resolve = |object: &lopdf::Object| match object {
        lopdf::Object::Reference(id) => doc.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    let page = doc.get_dictionary(doc.get_pages()[&page]).unwrap();
    let annotations = resolve(page.get(b"Annots").unwrap());
    annotations
        .as_array()
        .unwrap()
        .iter()
        .map(|annotation| {
            let annotation = resolve(annotation);
            let dest = resolve(annotation.as_dict().unwrap().get(b"Dest").unwrap());
            // A link by label goes to a named destination, one by page number to a place.
            let dest = match dest {
                lopdf::Object::String(name, _) => named_destination(doc, &name),
                place => place,
            };
            let target = dest.as_array().unwrap()[0].as_reference().unwrap();
            numbers[&target]
        })
        .collect()
}

/// The place the catalog's named destination `name` stands for.
fn named_destination(doc: &lopdf::Document, name: &[u8]) -> lopdf::Object {
    let deref = |o: &lopdf::Object| match o {
        lopdf::Object::Reference(id) => doc.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    // The names tree: pairs in `Names`, or kids further down.
    let mut nodes = vec![deref(doc.catalog().unwrap().get(b"Names").unwrap())];
    nodes = vec![deref(nodes[0].as_dict().unwrap().get(b"Dests").unwrap())];
    while let Some(node) = nodes.pop() {
        let node = node.as_dict().unwrap();
        if let Ok(names) = node.get(b"Names") {
            for pair in deref(names).as_array().unwrap().chunks(2) {
                if pair[0].as_str().ok() == Some(name) {
                    return deref(&pair[1]);
                }
            }
        }
        if let Ok(kids) = node.get(b"Kids") {
            nodes.extend(deref(kids).as_array().unwrap().iter().map(deref));
        }
    }
    panic!("no named destination {}", String::from_utf8_lossy(name));
}

/// [`assert_packets_numbered`], for packets of so many attachments (packet, public packet).
fn assert_packets_numbered_with(project: &Project, attachments: [usize; 2]) {
    let names = ["dagsorden-med-bilag", "dagsorden-offentlig-med-bilag"];
    for (name, attachments) in names.into_iter().zip(attachments) {
        let doc = pdf(&project.read(&format!("output/moeder/m/{name}.pdf")));
        let total = doc.get_pages().len();
        for page in 1..=total as u32 {
            let text = page_text(&doc, page);
            assert!(
                text.contains(&format!("Side {page} af {total}")),
                "{name}, page {page}: {text}"
            );
        }
        // Each attachment's first page is where the table of contents and the bookmarks
        // send the reader, and its header names it.
        let toc = doc.get_toc().unwrap().toc;
        let starts: Vec<_> = toc
            .iter()
            .filter(|t| t.title.starts_with("Bilag "))
            .collect();
        assert_eq!(starts.len(), attachments, "{name}: {toc:?}");
        // Each line of the contents links to the page an item's or an attachment's bookmark
        // sends the reader to (the packet's numbers are known: it links by page number).
        let mut linked = link_targets(&doc, 2);
        let mut marked: Vec<u32> = toc
            .iter()
            .filter(|t| t.title != "Indholdsfortegnelse")
            .map(|t| t.page as u32)
            .collect();
        linked.sort_unstable();
        marked.sort_unstable();
        assert_eq!(linked, marked, "{name}: {toc:?}");
        let contents = page_text(&doc, 2);
        for entry in starts {
            let header = entry.title.split(':').next().unwrap();
            assert_eq!(
                pages_with(&doc, header).first(),
                Some(&(entry.page as u32)),
                "{name}: {}",
                entry.title
            );
            let own_title = entry.title.split(": ").nth(1).unwrap();
            assert!(
                contents.contains(&format!("{own_title} {}", entry.page)),
                "{name}: the contents give {own_title} page {}: {contents}",
                entry.page
            );
        }
    }
}

#[test]
fn the_four_documents_conform_and_the_packets_are_tagged_with_title_and_language() {
    let project = built();
    for name in [
        "dagsorden",
        "dagsorden-offentlig",
        "referat",
        "referat-offentlig",
    ] {
        assert_conforms(&project.read(&file(name)), ValidationProfile::PdfA2a, name);
    }
    for name in ["dagsorden-med-bilag", "dagsorden-offentlig-med-bilag"] {
        let doc = pdf(&project.read(&file(name)));
        assert!(
            !xmp(&doc).contains("pdfaid:part"),
            "{name} makes no PDF/A claim"
        );
        let cat = crate::common::catalog(&doc);
        assert!(cat.has(b"StructTreeRoot"), "{name} is tagged");
        assert_eq!(crate::common::decode_text(cat.get(b"Lang").unwrap()), "da");
        // PDF 2.0 keeps the title in the XMP metadata (the Info dictionary is deprecated).
        assert!(
            xmp(&doc)
                .contains("<rdf:li xml:lang=\"x-default\">Dagsorden: Udvalg for sociale forhold"),
            "{name}"
        );
    }
}

#[test]
fn meetings_are_reproducible() {
    let a = built();
    let b = built();
    for name in FILES {
        assert_eq!(a.read(&file(name)), b.read(&file(name)), "{name}");
    }
}

fn meeting_project(items: &str) -> Project {
    let project = Project::empty();
    project.write("sagsgen.toml", "[udvalg]\nOEU = \"Økonomiudvalget\"\n");
    project.write(
        "moeder/m.toml",
        format!("type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-05-05\n{items}"),
    );
    project
}

#[test]
fn check_warns_about_vague_closed_titles_and_missing_public_decisions() {
    let project = meeting_project("[[punkter]]\nsag = \"../sager/a.toml\"\n");
    let case = beslutningssag("adgang = \"lukket\"\n[[beslutninger]]\nudvalg = \"OEU\"\ndato = 2025-05-05\ntekst = \"Godkendt.\"")
        .replace("titel = \"En sag\"", "titel = \"Personsag\"");
    project.write("sager/a.toml", case);
    let run = project.run(&["check", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said("moeder/m.toml:4:1");
    run.assert_said("det lukkede punkt \"Personsag\" siger ikke, hvad det handler om");
    run.assert_said("har en beslutning uden `offentlig_tekst`");
    assert!(!project.exists("output"), "check writes nothing");
}

#[test]
fn broken_meetings_are_reported_and_write_nothing() {
    let project = meeting_project(
        "tid = \"25:00\"\n[[punkter]]\nsag = \"../sager/mangler.toml\"\n[[punkter]]\nsag = \"../sager/fejl.toml\"\n[[punkter]]\nsag = \"../sager/fejl.toml\"\ntitel = \"Både og\"\n[[punkter]]\ntekst = \"Uden titel\"\n",
    );
    project.write("sager/fejl.toml", beslutningssag("sagsfremstiling = \"x\""));
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "moeder/m.toml:4:7",
        "`tid` skal være et klokkeslæt som \"15:30\"",
        "moeder/m.toml:6:7",
        "sagsfilen \"../sager/mangler.toml\" findes ikke",
        "sager/fejl.toml:9:1",
        "mente du `sagsfremstilling`?",
        "moeder/m.toml:8:7",
        "sagsfilen \"../sager/fejl.toml\" har fejl",
        "enten `sag = \"…\"` eller et fast punkt",
        "et punkt skal have `sag = \"…\"` (en sagsfil) eller en `titel`",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?}\n{}",
            run.stderr
        );
    }
    assert!(!project.exists("output/moeder"), "no half-built meeting");
}

#[test]
fn unusable_attachments_are_errors_naming_the_file() {
    let project = one_attachment(
        "Ødelagt",
        "broken.pdf",
        b"%PDF-1.4\nthis is not really a PDF\n",
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.assert_said("bilaget bilag/broken.pdf er ikke en PDF, der kan læses");
    run.assert_said("sager/a.toml");
    run.assert_not_said("panicked");
    assert_only_packets_missing(&project, &run.stderr);
}

/// The agenda, the minutes and their public versions are built; the packets that would
/// embed the unusable attachment (an open one, so both) are not — and not cached, so the
/// next run says so again.
fn assert_only_packets_missing(project: &Project, stderr: &str) {
    for name in [
        "dagsorden",
        "dagsorden-offentlig",
        "referat",
        "referat-offentlig",
    ] {
        assert!(
            project.exists(&format!("output/moeder/m/{name}.pdf")),
            "{name}: {stderr}"
        );
    }
    for name in ["dagsorden-med-bilag", "dagsorden-offentlig-med-bilag"] {
        assert!(
            !project.exists(&format!("output/moeder/m/{name}.pdf")),
            "{name}: {stderr}"
        );
    }
    assert!(stderr.contains("1 lavet uden nogle filer"), "{stderr}");
    let again = project.run(&["build", "moeder"]);
    assert_eq!(again.code, 1, "still an error: {}", again.stderr);
}

#[test]
fn an_unusable_closed_attachment_leaves_out_the_internal_packet_only_and_removes_an_old_one() {
    let project = meeting_project("[[punkter]]\nsag = \"../sager/a.toml\"\n");
    project.write("bilag/b.pdf", untagged_pdf("Fortroligt bilag"));
    project.write(
        "sager/a.toml",
        beslutningssag(
            "[[bilag]]\ntitel = \"Lukket\"\nadgang = \"lukket\"\nfil = \"../bilag/b.pdf\"",
        ),
    );
    let first = project.run(&["build", "moeder"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(project.exists("output/moeder/m/dagsorden-med-bilag.pdf"));
    project.write("bilag/b.pdf", b"%PDF-1.4\nnot a PDF after all\n");
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !project.exists("output/moeder/m/dagsorden-med-bilag.pdf"),
        "the old packet, now outdated, is gone: {}",
        run.stderr
    );
    assert!(
        project.exists("output/moeder/m/dagsorden-offentlig-med-bilag.pdf"),
        "the public packet does not include a closed attachment, so it is built"
    );
}

#[test]
fn an_attachment_with_a_damaged_cross_reference_table_is_repaired_into_the_packet() {
    let good = untagged_pdf("Tekst fra et beskadiget bilag");
    // A wrong `startxref` and a broken `xref` keyword: common readers rebuild the table.
    let text = String::from_utf8_lossy(&good).into_owned();
    let start = text.rfind("startxref").unwrap();
    let mut damaged = text[..start].replace("\nxref", "\nxreX").into_bytes();
    damaged.extend_from_slice(b"startxref\n12\n%%EOF\n");
    assert!(pdf_parse_fails(&damaged), "lopdf cannot read it as it is");
    let project = one_attachment("Skadet", "skadet.pdf", &damaged);
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said(
        "bilaget bilag/skadet.pdf har en beskadiget krydsreferencetabel; den blev genopbygget",
    );
    let packet = project.read("output/moeder/m/dagsorden-med-bilag.pdf");
    assert!(
        embeds_first_page_of(&packet, &good),
        "the attachment's page is in the packet"
    );
}

/// A meeting of one item whose case has one attachment, `titel`, the file `bilag/<file>`.
fn one_attachment(titel: &str, file: &str, bytes: impl AsRef<[u8]>) -> Project {
    let project = meeting_project("[[punkter]]\nsag = \"../sager/a.toml\"\n");
    project.write(&format!("bilag/{file}"), bytes);
    project.write(
        "sager/a.toml",
        beslutningssag(&format!(
            "[[bilag]]\ntitel = \"{titel}\"\nfil = \"../bilag/{file}\""
        )),
    );
    project
}

fn pdf_parse_fails(bytes: &[u8]) -> bool {
    lopdf::Document::load_mem(bytes).is_err()
}

#[test]
fn inaccessible_attachments_are_reported_but_built() {
    let project = one_attachment(
        "Fra Word",
        "word.pdf",
        untagged_pdf("Hello from a word processor"),
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said(
        "bilaget bilag/word.pdf har skrifttyper, der ikke er indlejret og er ikke en tagget PDF",
    );
    let packet = pdf_text(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    assert!(
        packet.contains("Hello from a word processor"),
        "the attachment's own text is in the packet"
    );
}

#[test]
fn landscape_and_turned_attachment_pages_get_landscape_packet_pages() {
    let mut attachment = pdf(&untagged_pages(&["Staaende", "Liggende", "Drejet"]));
    let pages = attachment.get_pages();
    let wide = attachment.get_dictionary_mut(pages[&2]).unwrap();
    wide.set("MediaBox", vec![0.into(), 0.into(), 842.into(), 595.into()]);
    attachment
        .get_dictionary_mut(pages[&3])
        .unwrap()
        .set("Rotate", 90);
    let mut bytes = Vec::new();
    attachment.save_to(&mut bytes).unwrap();
    let project = one_attachment("Budget", "budget.pdf", bytes);
    let run = project.run_with(&["build", "moeder"], TRACE);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The first page of each shape gets its stamp and footer from Typst, the turned page
    // the wide one's, drawn.
    let drawn = "(dagsorden-med-bilag): stamp and footer drawn on 1 pages";
    run.assert_said(drawn);
    let packet = pdf(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    let page_ids = packet.get_pages();
    let wider_than_tall = |page: u32| {
        let page = packet.get_dictionary(page_ids[&page]).unwrap();
        let size: Vec<f32> = page
            .get(b"MediaBox")
            .and_then(lopdf::Object::as_array)
            .unwrap()
            .iter()
            .map(|n| n.as_float().unwrap())
            .collect();
        size[2] - size[0] > size[3] - size[1]
    };
    // The attachment's three pages, by their stamp: upright, wide, turned.
    let stamped = pages_with(&packet, "Bilag 1 til punkt 1");
    assert_eq!(stamped.len(), 3, "{stamped:?}");
    let shapes: Vec<bool> = stamped.iter().map(|p| wider_than_tall(*p)).collect();
    assert_eq!(shapes, [false, true, true]);
    let total = page_ids.len();
    for page in &stamped {
        let text = page_text(&packet, *page);
        assert!(text.contains(&format!("Side {page} af {total}")), "{text}");
        assert_eq!(pagination_artifacts(&packet, *page), (1, 1), "page {page}");
    }
    // The agenda's own pages stay upright.
    assert!(!wider_than_tall(1));
    assert!(!wider_than_tall(stamped[0] - 1));
}

#[test]
fn many_inaccessible_attachments_are_reported_in_one_warning() {
    let items: String = (1..=5)
        .map(|i| format!("[[punkter]]\nsag = \"../sager/s{i}.toml\"\n"))
        .collect();
    let project = meeting_project(&items);
    for i in 1..=5 {
        project.write(
            &format!("bilag/w{i}.pdf"),
            untagged_pdf(&format!("Word {i}")),
        );
        project.write(
            &format!("sager/s{i}.toml"),
            beslutningssag(&format!(
                "[[bilag]]\ntitel = \"Fra Word {i}\"\nfil = \"../bilag/w{i}.pdf\""
            )),
        );
    }
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_said(
        "5 bilag har skrifttyper, der ikke er indlejret og er ikke taggede PDF'er: de \
             læsepakker, der indeholder dem, er ikke fuldt tilgængelige",
    );
    run.assert_said("bilag/w5.pdf");
    run.assert_not_said("bilaget bilag/w1.pdf");
    // One warning for the five, not one each.
    assert_eq!(
        run.stderr
            .matches("har skrifttyper, der ikke er indlejret")
            .count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn encrypted_attachments_are_refused_with_the_file_named() {
    use lopdf::{Object, dictionary};
    let mut doc = pdf(&untagged_pdf("secret"));
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
        "O" => Object::string_literal(vec![0u8; 32]), "U" => Object::string_literal(vec![0u8; 32]),
    });
    doc.trailer.set("Encrypt", encrypt);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let project = one_attachment("Låst", "locked.pdf", bytes);
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let named = run.stderr.contains("bilaget bilag/locked.pdf er krypteret")
        || run
            .stderr
            .contains("bilaget bilag/locked.pdf er ikke en PDF, der kan læses");
    assert!(named, "{}", run.stderr);
    run.assert_not_said("panicked");
    assert_only_packets_missing(&project, &run.stderr);
}

#[test]
fn check_warns_about_items_without_a_decision_for_the_minutes() {
    let project = meeting_project(
        "[[punkter]]\ntitel = \"Eventuelt\"\n[[punkter]]\nsag = \"../sager/a.toml\"\n",
    );
    project.write("sager/a.toml", beslutningssag(""));
    let run = project.run(&["check", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr
            .matches("referatet vil sige \"Ingen beslutning registreret\"")
            .count(),
        2,
        "{}",
        run.stderr
    );
    run.assert_said("tilføj `beslutning = \"…\"` til punktet");
    run.assert_said("tilføj et [[beslutninger]]-afsnit");
    let build = project.run(&["build", "moeder"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let minutes = pdf_text(&project.read("output/moeder/m/referat.pdf"));
    assert_eq!(
        minutes.matches("Ingen beslutning registreret").count(),
        2,
        "the minutes say so for both items: {minutes}"
    );
}

#[test]
fn packets_show_their_title_in_common_readers() {
    let project = built();
    for (name, title) in [
        (
            "dagsorden-med-bilag",
            "Dagsorden: Udvalg for sociale forhold, sundhed og et godt seniorliv 2. november 2020",
        ),
        (
            "dagsorden-offentlig-med-bilag",
            "Dagsorden: Udvalg for sociale forhold, sundhed og et godt seniorliv 2. november 2020 (offentlig udgave)",
        ),
    ] {
        let doc = pdf(&project.read(&file(name)));
        assert_eq!(
            crate::common::info(&doc, "Title").as_deref(),
            Some(title),
            "{name}: the Info dictionary, where pdfinfo and browsers look"
        );
        let viewer = crate::common::catalog(&doc);
        let viewer = viewer.get(b"ViewerPreferences").unwrap();
        let viewer = doc.dereference(viewer).unwrap().1.as_dict().unwrap();
        assert!(
            viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap(),
            "{name}"
        );
        assert_eq!(
            doc.get_pages().len(),
            if name.contains("offentlig") { 10 } else { 11 }
        );
    }
}

#[test]
fn emit_typst_writes_the_typst_of_every_meeting_file() {
    let project = Project::examples();
    let run = project.run(&["build", "moeder", "--emit-typst"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in FILES {
        let typst = String::from_utf8(project.read(&format!("{DIR}/{name}.typ"))).unwrap();
        assert!(typst.contains("#heading"), "{name}.typ is the Typst source");
    }
    let packet =
        String::from_utf8(project.read(&format!("{DIR}/dagsorden-med-bilag.typ"))).unwrap();
    assert!(
        packet.contains("bilag-sider(\"/bilag/"),
        "the packet embeds the attachments' pages"
    );
    // Written out for Typst alone, which draws nothing after layout: every attachment page
    // gets its stamp and footer from the template.
    assert!(!packet.contains("bare: true"), "{packet}");
}

#[test]
fn items_keep_the_numbers_the_source_gives_them() {
    let project = meeting_project(
        "[[punkter]]\nnummer = \"1.1\"\ntitel = \"Godkendelse af dagsorden\"\n\
         [[punkter]]\nnummer = \"12a\"\nsag = \"../sager/a.toml\"\n\
         [[punkter]]\ntitel = \"Eventuelt\"\n",
    );
    project.write("bilag/b.pdf", untagged_pdf("Et bilag"));
    project.write(
        "sager/a.toml",
        beslutningssag("[[bilag]]\ntitel = \"Kort\"\nfil = \"../bilag/b.pdf\""),
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let agenda = pdf_text(&project.read("output/moeder/m/dagsorden.pdf"));
    assert_in_order(
        &agenda,
        &[
            "1.1.",
            "Godkendelse af dagsorden",
            "12a.",
            "En sag",
            "3.",
            "Eventuelt",
        ],
    );
    let packet = pdf(&project.read("output/moeder/m/dagsorden-med-bilag.pdf"));
    let marks: Vec<String> = bookmarks(&packet).into_iter().map(|(_, t)| t).collect();
    assert!(
        marks.iter().any(|m| m == "12a. Beslutning: En sag"),
        "{marks:?}"
    );
    assert!(
        marks.iter().any(|m| m == "Bilag 1 til punkt 12a: Kort"),
        "{marks:?}"
    );
}

#[test]
fn a_closed_item_shows_its_public_title_in_the_public_editions_only() {
    let project = meeting_project("[[punkter]]\nsag = \"../sager/a.toml\"\n");
    project.write(
        "sager/a.toml",
        beslutningssag(
            "adgang = \"lukket\"\noffentlig_titel = \"Salg af grund\"\n\
             [[beslutninger]]\nudvalg = \"OEU\"\ndato = 2025-05-05\ntekst = \"Solgt.\"\noffentlig_tekst = \"Godkendt.\"",
        )
        .replace("titel = \"En sag\"", "titel = \"Salg af Industrivej 12 til Firma Hansen ApS\""),
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal = pdf_text(&project.read("output/moeder/m/dagsorden.pdf"));
    assert!(internal.contains("Firma Hansen ApS"), "{internal}");
    for (public, bytes, text) in public_editions(&project, "output/moeder/m") {
        assert!(text.contains("Salg af grund"), "{public}: {text}");
        assert_absent(public, &bytes, &text, "Firma Hansen");
        let marks = bookmarks(&pdf(&bytes));
        assert!(
            marks.iter().any(|(_, t)| t == "1. Salg af grund"),
            "{public}: {marks:?}"
        );
    }
}

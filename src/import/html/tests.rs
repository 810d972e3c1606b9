//! Word's HTML, real exports' quirks, and text that must print as written.

use super::*;

fn md(html: &str) -> String {
    to_markdown(html, 2).markdown
}

#[test]
fn words_debris_is_left_behind() {
    let html = "<p class=MsoNormal><span style='font-size:11.0pt;font-family:\"Calibri\"'>Tekst&nbsp;&nbsp;med \n  mellemrum<o:p></o:p></span></p>\
                <p class=MsoNormal><o:p>&nbsp;</o:p></p><p>Næste afsnit.</p>";
    assert_eq!(md(html), "Tekst med mellemrum\n\nNæste afsnit.");
}

#[test]
fn emphasis_and_line_breaks() {
    assert_eq!(
        md("<p>En <b>fed</b> og <i>kursiv </i>tekst<br>ny linje</p>"),
        "En **fed** og *kursiv* tekst\\\nny linje"
    );
    assert_eq!(md("<p><strong> </strong>tom</p>"), "tom");
}

#[test]
fn nested_lists_keep_their_levels() {
    let html = "<ul><li>et<ul><li>under</li></ul></li><li>to</li></ul><ol><li>første</li><li>anden</li></ol>";
    assert_eq!(md(html), "- et\n    - under\n- to\n\n1. første\n2. anden");
}

#[test]
fn tables_get_a_header_row() {
    let html =
        "<table><tr><td>År</td><td>Beløb</td></tr><tr><td>2025</td><td>1 | 2</td></tr></table>";
    assert_eq!(
        md(html),
        "| År | Beløb |\n| --- | --- |\n| 2025 | 1 \\| 2 |"
    );
}

#[test]
fn links_https_and_mailto_kept_http_as_text_with_a_warning() {
    let converted = to_markdown(
        "<p><a href=\"https://aarhus.dk/x\">Se her</a>, <a href=\"mailto:a@b.dk\">skriv</a> og <a href=\"http://gammel.dk\">gammel side</a></p>",
        2,
    );
    assert_eq!(
        converted.markdown,
        "[Se her](<https://aarhus.dk/x>), [skriv](<mailto:a@b.dk>) og gammel side (http://gammel.dk)"
    );
    assert_eq!(converted.warnings.len(), 1);
    assert_eq!(converted.warnings[0].code, "import-link-not-https");
    assert_eq!(
        converted.warnings[0].text,
        "linket til http://gammel.dk er ikke https: bevaret som tekst med adressen"
    );
}

#[test]
fn headings_sit_below_the_section() {
    assert_eq!(md("<h3>Baggrund</h3><p>Tekst</p>"), "## Baggrund\n\nTekst");
    assert_eq!(
        to_markdown("<h1>A</h1><h2>B</h2>", 3).markdown,
        "### A\n\n#### B"
    );
}

#[test]
fn text_that_reads_as_markdown_prints_as_written() {
    assert_eq!(
        md("<p>5 * 3 = 15 og [x] #1 &amp; _navn_</p>"),
        "5 \\* 3 = 15 og \\[x\\] \\#1 \\& \\_navn\\_"
    );
    assert_eq!(md("<p>- ikke en liste</p>"), "\\- ikke en liste");
    assert_eq!(md("<p>1. januar 2025</p>"), "1\\. januar 2025");
}

#[test]
fn the_markdown_renders_back_to_the_same_words() {
    // Through sagsgen's own Markdown reader: every word of the source survives.
    let html = "<p class=MsoNormal>Byrådet <b>godkendte</b> den 1. maj [bilag 3] * 2</p><ul><li>a_b</li></ul>";
    let converted = md(html);
    let typst = crate::render::markdown::to_typst(&converted, 2);
    // Typst's own escapes removed: what the PDF shows.
    let shown = typst.replace('\\', "");
    for word in ["Byrådet", "godkendte", "den 1. maj", "[bilag 3] * 2", "a_b"] {
        assert!(shown.contains(word), "{word} in {shown}");
    }
}

#[test]
fn double_line_breaks_become_paragraphs_and_none_dangles() {
    assert_eq!(md("<p><br>Først<br><br>Så<br></p>"), "Først\n\nSå");
    assert_eq!(md("<p>Sti: C:\\mappe\\</p>"), "Sti: C:\\\\mappe\\\\");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever an export holds, the converter neither panics nor loops.
        #[test]
        fn any_input_converts(html in "\\PC{0,300}") {
            let _ = to_markdown(&html, 2);
        }

        /// Tag soup built from the elements exports use converts too.
        #[test]
        fn tag_soup_converts(parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<br>"), Just("<b>"), Just("</b>"),
                Just("<ul><li>"), Just("</li></ul>"), Just("<table><tr><td>"),
                Just("</td></tr></table>"), Just("<h3>"), Just("</h3>"),
                Just("<a href=\"http://x.dk\">"), Just("</a>"), Just("&nbsp;"),
                Just("tekst * [x] # 1. "), Just("- "), Just("\\")
            ],
            0..40,
        )) {
            let _ = to_markdown(&parts.concat(), 2);
        }

        /// Plain text, Markdown's special characters and all, reads back word for word
        /// through sagsgen's own Markdown reader.
        #[test]
        fn plain_text_survives(words in proptest::collection::vec("[a-zæøåA-Z0-9*_#\\[\\]`<>|~&.()-]{1,8}", 1..12)) {
            let text = words.join(" ");
            let html = format!("<p>{}</p>", text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
            let markdown = to_markdown(&html, 2).markdown;
            let typst = crate::render::markdown::to_typst(&markdown, 2);
            let shown: String = typst.replace('\\', "");
            let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert!(
                squeeze(&shown).contains(&squeeze(&text)),
                "{text:?} → {markdown:?} → {typst:?}"
            );
        }
    }
}

#[test]
fn blocks_inside_a_cell_keep_their_words_apart() {
    // As FirstAgenda's pages lay out an item: a heading, a case number and a section in
    // one table cell.
    let html = "<table><tr><td>1</td><td><h2>Referat fra sidste udvalgsmøde</h2><span>EMN-2025-010561</span><div><h3>Beslutninger</h3><p>Ingen bemærkninger.</p></div></td></tr></table>";
    // The cell's lines stand apart by `<br>`, the line break a Markdown cell can hold.
    let markdown = md(html).replace("<br>", " ");
    for word in ["udvalgsmøde", "EMN-2025-010561", "Beslutninger", "Ingen"] {
        assert!(
            markdown
                .split(|c: char| c.is_whitespace() || c == '|')
                .any(|w| w == word),
            "{word} stands on its own in {markdown:?}"
        );
    }
}

#[test]
fn pictures_leave_their_description_and_a_warning() {
    let converted = to_markdown(
        "<p>Kort: <img src=\"data:image/png;base64,AAAA\" alt=\"Lokalplanens område\"> og <img src=\"x.png\"></p>",
        2,
    );
    assert_eq!(converted.markdown, "Kort: Lokalplanens område og");
    assert_eq!(converted.warnings.len(), 2, "{:?}", converted.warnings);
}

#[test]
fn blocks_inside_an_inline_element_stay_paragraphs_of_their_own() {
    let converted = to_markdown(
        "<span class=\"resume\"><div>BESLUTNINGSFORSLAG FRA RV</div><div>Dette udspil har til formål at samle indsatsen.</div></span>",
        2,
    );
    assert_eq!(
        converted.markdown,
        "BESLUTNINGSFORSLAG FRA RV\n\nDette udspil har til formål at samle indsatsen."
    );
}

#[test]
fn lettered_lists_keep_their_letters_one_line_each() {
    assert_eq!(
        to_markdown("<ol type=\"A\"><li>Tilskuddene fordeles efter bilag 1.</li><li>Restpuljen overføres.</li></ol>", 2).markdown,
        "A\\. Tilskuddene fordeles efter bilag 1.\\\nB\\. Restpuljen overføres."
    );
    assert_eq!(
        to_markdown(
            "<ol style=\"list-style-type: lower-alpha\"><li>en</li><li>to</li></ol>",
            2
        )
        .markdown,
        "a\\. en\\\nb\\. to"
    );
    // A numbered list stays a Markdown list.
    assert_eq!(
        to_markdown("<ol><li>en</li><li>to</li></ol>", 2).markdown,
        "1. en\n2. to"
    );
    assert_eq!(letter(27, true), "AA");
}

#[test]
fn a_cell_of_one_paragraph_a_line_keeps_its_lines() {
    let md = to_markdown(
        "<table><tr><th>Sygehus</th><th>Beløb</th></tr><tr><td><p>Rigshospitalet</p><p>Herlev</p></td><td><p>10</p><p>20</p></td></tr></table>",
        2,
    )
    .markdown;
    assert_eq!(
        md,
        "| Sygehus | Beløb |\n| --- | --- |\n| Rigshospitalet<br>Herlev | 10<br>20 |"
    );
}

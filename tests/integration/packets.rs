//! Reading packets: how an attachment's own PDF data travels into the packet.

use lopdf::{Object, Stream, dictionary};

use crate::common::{Project, beslutningssag, pages_of, pdf, pdf_text};

/// `data` as a zlib stream of stored (uncompressed) deflate blocks: valid FlateDecode data
/// that no deflater at a real compression level would produce, so its bytes can only reach
/// the packet by being copied.
fn stored_zlib(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(65_535).peekable();
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

/// A two-page PDF: the first page's content deflated (as `stored_zlib`), the second's plain.
fn attachment(deflated: &[u8], plain: &str) -> Vec<u8> {
    let first = Stream::new(dictionary! { "Filter" => "FlateDecode" }, deflated.to_vec());
    let second = Stream::new(
        dictionary! {},
        format!("BT /F1 24 Tf 72 700 Td ({plain}) Tj ET").into_bytes(),
    );
    pages_of(vec![first, second])
}

/// A meeting of one item whose attachment is `pdf`; the packet's bytes.
fn packet_with(pdf: Vec<u8>) -> Vec<u8> {
    let project = Project::empty();
    project.write("sagsgen.toml", "[udvalg]\nOEU = \"Økonomiudvalget\"\n");
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-05-05\n[[punkter]]\nsag = \"../sager/a.toml\"\n",
    );
    project.write("bilag/a.pdf", pdf);
    project.write(
        "sager/a.toml",
        beslutningssag("[[bilag]]\ntitel = \"Bilaget\"\nfil = \"../bilag/a.pdf\"\n"),
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    project.read("output/moeder/m/dagsorden-med-bilag.pdf")
}

/// Whether the PDF has a stream whose (still encoded) data is `data`.
fn holds_stream(bytes: &[u8], data: &[u8]) -> bool {
    pdf(bytes)
        .objects
        .values()
        .any(|object| matches!(object, Object::Stream(stream) if stream.content == data))
}

/// Asserts that the PDF's text shows each of `texts`.
fn assert_shows(bytes: &[u8], texts: &[&str]) {
    let text = pdf_text(bytes);
    for page in texts {
        assert!(text.contains(page), "{page:?} is shown:\n{text}");
    }
}

#[test]
fn deflated_content_without_a_zlib_header_is_deflated_anew() {
    // Raw deflate data under /FlateDecode (no zlib header) is read by some readers only:
    // it is not copied, but decoded and deflated again, as every page was before.
    let content = b"BT /F1 24 Tf 72 700 Td (Uden hoved) Tj ET";
    let zlib = stored_zlib(content);
    let raw = zlib[2..zlib.len() - 4].to_vec();
    let bytes = packet_with(attachment(&raw, "Anden side"));
    assert!(
        !holds_stream(&bytes, &raw),
        "headerless deflate data is not copied as it is"
    );
    assert_shows(&bytes, &["Uden hoved", "Anden side"]);
}

#[test]
fn an_attachment_pages_deflated_content_is_copied_into_the_packet_as_it_is() {
    // Decoding and deflating every embedded page's content again was a tenth of a packet's
    // CPU time (vendor/hayro-write/PATCHED.md): already deflated content is now copied.
    let content = b"BT /F1 24 Tf 72 700 Td (Komprimeret side) Tj ET";
    let deflated = stored_zlib(content);
    let bytes = packet_with(attachment(&deflated, "Ukomprimeret side"));
    assert!(
        holds_stream(&bytes, &deflated),
        "the deflated page content is in the packet byte for byte"
    );
    assert_shows(&bytes, &["Komprimeret side", "Ukomprimeret side"]);
}

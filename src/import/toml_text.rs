//! TOML values written by hand, so that imported files read like files people write:
//! one-line texts in quotes, longer texts as multi-line strings (literal where the text
//! allows, so Markdown's backslashes stay as they are), bare keys where TOML allows.

/// A one-line text in double quotes.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text of any length: one line in quotes, several as a multi-line string.
pub fn text(text: &str) -> String {
    if !text.contains('\n') {
        return string(text);
    }
    let literal_ok = !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_ok {
        return format!("'''\n{text}'''");
    }
    let mut out = String::from("\"\"\"\n");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// A key: bare when TOML allows, else quoted.
pub fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { name.to_string() } else { string(name) }
}

/// A list of one-line texts.
pub fn list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(value: &str) -> String {
        let doc: toml::Table = toml::from_str(&format!("v = {value}")).unwrap();
        doc["v"].as_str().unwrap().to_string()
    }

    #[test]
    fn every_text_reads_back_as_written() {
        for sample in [
            "enkel",
            "med \"citat\" og \\ skråstreg",
            "to\nlinjer",
            "to\nlinjer med ''' i",
            "slutter med '\nnej'",
            "\\*ikke fed\\*\n\n- punkt",
            "kontrol\u{7}tegn\nher",
            "\"\"\"\nmidt i",
        ] {
            assert_eq!(parsed(&text(sample)), sample, "{sample:?}");
        }
    }

    #[test]
    fn keys_are_bare_when_they_may_be() {
        assert_eq!(key("PUK"), "PUK");
        assert_eq!(key("ØU"), "\"ØU\"");
    }
}

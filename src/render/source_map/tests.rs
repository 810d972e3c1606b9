//! Marks survive minijinja's white-space rules and point at the right template lines.

use super::*;
use minijinja::{Environment, context};

/// Renders `text` plain and marked, as the project's environment does.
fn render(text: &str, ctx: minijinja::Value) -> (String, Option<SourceMap>) {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    let plain = env.render_str(text, ctx.clone()).unwrap();
    let marked = env.render_str(&instrument(0, text), ctx).unwrap();
    let map = SourceMap::from_marked(&marked, &plain);
    (plain, map)
}

/// The template line of the generated line that contains `needle`.
fn line_of(plain: &str, map: &SourceMap, needle: &str) -> usize {
    let offset = plain
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {plain}"));
    map.lookup(offset).unwrap().1
}

const TEMPLATE: &str = "\
#set page(paper: \"a4\")
{% for x in items %}
  {% if x > 1 %}
#text[stor {{ x }}]
  {% else %}
#text[lille {{ x }}] {% endif %}
{% endfor %}
{{ title }}
{# a comment
   over two lines #}
#heading[{{ title
  }}] slut
{% raw %}
#raw[{{ ikke jinja }}]
{% endraw %}
#bad(1 + )
";

#[test]
fn marks_leave_the_output_as_it_was_and_find_each_line() {
    let (plain, map) = render(TEMPLATE, context! { items => vec![1, 2], title => "Titel" });
    let map = map.expect("the marked rendering is the plain one once the marks are out");
    assert_eq!(line_of(&plain, &map, "#set page"), 1);
    assert_eq!(line_of(&plain, &map, "lille 1"), 6);
    assert_eq!(line_of(&plain, &map, "stor 2"), 4);
    assert_eq!(line_of(&plain, &map, "Titel\n"), 8);
    assert_eq!(
        line_of(&plain, &map, "#heading"),
        12,
        "a tag over two lines: its last line"
    );
    assert_eq!(line_of(&plain, &map, "#raw"), 14, "raw text is text");
    assert_eq!(line_of(&plain, &map, "#bad"), 16);
}

#[test]
fn white_space_trimming_tags_get_no_marks() {
    let text = "a {{- x -}}\n  b\n{%- if true -%}\nc\n{%- endif %}\n";
    let (plain, map) = render(text, context! { x => "X" });
    let map = map.expect("same output");
    assert_eq!(plain, "aXbc");
    assert!(map.lookup(plain.find('c').unwrap()).is_some());
}

#[test]
fn a_changed_rendering_is_not_trusted() {
    assert!(SourceMap::from_marked("a\u{E000}0.1\u{E001}b", "ab").is_some());
    assert!(SourceMap::from_marked("a\u{E000}0.1\u{E001}b", "a b").is_none());
    assert!(SourceMap::from_marked("a\u{E000}0.1b", "ab").is_none());
    assert!(SourceMap::from_marked("a\u{E000}x\u{E001}b", "ab").is_none());
}

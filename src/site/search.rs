//! The site's search index: every word of every item as its page shows it (so nothing
//! the public pages do not show can be found), written as a script the search page loads —
//! it works from any static host and from the file system, with no server.

use std::collections::{BTreeMap, BTreeSet};

use rust_stemmers::{Algorithm, Stemmer};
use scraper::{Html, Selector};
use serde::Serialize;

/// One searchable item. The index written for the page names its meeting by number and
/// its place by its anchor (a year has thousands of items and a few hundred meetings).
#[derive(Debug, Serialize)]
pub struct SearchDoc {
    /// "3. Title".
    pub titel: String,
    /// The start of its text, for the snippet a result shows: written apart, in the
    /// chunk of texts the search page loads only for the results it shows.
    #[serde(skip)]
    pub tekst: String,
    /// Its meeting's number in [`SearchIndex::moeder`].
    pub m: usize,
    /// Its anchor on the meeting's page (`punkt-3`).
    pub p: String,
}

/// A meeting of the index: its title, its folder from the site's root, and its date.
#[derive(Debug, Serialize)]
pub struct SearchMeeting {
    /// "Referat: Økonomiudvalget 15. marts 2021".
    pub titel: String,
    /// `oeu/2021-03-15`.
    pub mappe: String,
    /// `yyyy-mm-dd`.
    pub dato: String,
}

/// Words and the items holding them, as one file of words writes them.
type Postings<'a> = BTreeMap<&'a str, &'a Vec<usize>>;

/// How many items' texts one chunk of snippets holds.
pub const SNIPPET_CHUNK: usize = 100;

/// How much of an item's text the index keeps for snippets.
const SNIPPET_SOURCE_CHARS: usize = 600;

/// The index: the items, and for each word the items that hold it.
#[derive(Debug, Default, Serialize)]
pub struct SearchIndex {
    /// The meetings, in the site's order.
    pub moeder: Vec<SearchMeeting>,
    /// The items, in the order of the site's meetings.
    pub dokumenter: Vec<SearchDoc>,
    /// Word → the numbers of the items holding it (written apart, by first letter).
    #[serde(skip)]
    pub ord: BTreeMap<String, Vec<usize>>,
    /// Word → the numbers of the items whose title holds it (a title match ranks first;
    /// written with the words of its first letter).
    #[serde(skip)]
    pub titelord: BTreeMap<String, Vec<usize>>,
    /// Each word's stem, worked out once for the whole site (its vocabulary is small).
    #[serde(skip)]
    stems: std::collections::HashMap<String, String>,
}

impl SearchIndex {
    /// Adds the items of a meeting's page. `folder` is the meeting's folder from the
    /// site's root; `meeting` its title; `dato` its date.
    pub fn add_page(&mut self, html: &str, folder: &str, meeting: &str, dato: &str) {
        let page = Html::parse_document(html);
        let sections = Selector::parse("section.punkt").expect("valid selector");
        let heading = Selector::parse("h2").expect("valid selector");
        let stemmer = Stemmer::create(Algorithm::Danish);
        let m = self.moeder.len();
        self.moeder.push(SearchMeeting {
            titel: meeting.to_string(),
            mappe: folder.to_string(),
            dato: dato.to_string(),
        });
        for section in page.select(&sections) {
            let id = section.value().attr("id").unwrap_or_default();
            let titel = section
                .select(&heading)
                .next()
                .map(|h| crate::render::escape::plain_line(&h.text().collect::<String>()))
                .unwrap_or_default();
            let number = self.dokumenter.len();
            let text: String = section.text().collect::<Vec<_>>().join(" ");
            let body = crate::render::escape::plain_line(&text);
            let body = body.strip_prefix(titel.as_str()).unwrap_or(&body).trim();
            let title_words: Vec<String> = words(&titel)
                .flat_map(|w| self.with_stem(&stemmer, w))
                .collect();
            for word in title_words {
                let docs = self.titelord.entry(word).or_default();
                if docs.last() != Some(&number) {
                    docs.push(number);
                }
            }
            self.dokumenter.push(SearchDoc {
                tekst: snippet_source(body),
                titel,
                m,
                p: id.to_string(),
            });
            // Each word and its Danish stem ("skolerne" → "skol"): the search page matches
            // a query word against both, so inflected forms find each other.
            let own: BTreeSet<String> = words(&text).collect();
            let mut words = BTreeSet::new();
            for word in own {
                let stem = self
                    .stems
                    .entry(word.clone())
                    .or_insert_with(|| stemmer.stem(&word).into_owned());
                if !stem.is_empty() {
                    words.insert(stem.clone());
                }
                words.insert(word);
            }
            for word in words {
                self.ord.entry(word).or_default().push(number);
            }
        }
    }

    /// Item `i`'s address, relative to the search page (as the page makes it).
    pub fn adresse(&self, i: usize) -> String {
        let d = &self.dokumenter[i];
        format!("../{}/index.html#{}", self.moeder[d.m].mappe, d.p)
    }

    /// The date of item `i`'s meeting.
    pub fn dato(&self, i: usize) -> &str {
        &self.moeder[self.dokumenter[i].m].dato
    }

    /// A word and its stem (worked out once per word for the whole site).
    fn with_stem(&mut self, stemmer: &Stemmer, word: String) -> Vec<String> {
        let stem = self
            .stems
            .entry(word.clone())
            .or_insert_with(|| stemmer.stem(&word).into_owned())
            .clone();
        if stem.is_empty() || stem == word {
            vec![word]
        } else {
            vec![word, stem]
        }
    }

    /// The index as the script `indeks.js`.
    pub fn script(&self) -> String {
        let json = serde_json::to_string(self).expect("the index serialises");
        format!("window.SAGSGEN_INDEKS = {json};\n")
    }

    /// The words, as scripts `ord-<n>.js`, one per first letter (`n` its Unicode code
    /// point): a query word matches only words with its own first letter, so a search
    /// loads the words of its query's letters and no others.
    pub fn word_scripts(&self) -> Vec<(String, String)> {
        let mut shards: BTreeMap<u32, (Postings<'_>, Postings<'_>)> = BTreeMap::new();
        for (word, docs) in &self.ord {
            let letter = word.chars().next().map_or(0, u32::from);
            shards.entry(letter).or_default().0.insert(word, docs);
        }
        for (word, docs) in &self.titelord {
            let letter = word.chars().next().map_or(0, u32::from);
            shards.entry(letter).or_default().1.insert(word, docs);
        }
        shards
            .into_iter()
            .map(|(letter, (ord, titelord))| {
                let json = serde_json::json!({ "ord": ord, "titelord": titelord });
                (
                    format!("ord-{letter}.js"),
                    format!(
                        "(window.SAGSGEN_ORD = window.SAGSGEN_ORD || {{}})[{letter}] = {json};\n"
                    ),
                )
            })
            .collect()
    }

    /// The items' texts for snippets, as scripts `tekst-<n>.js` of [`SNIPPET_CHUNK`] items
    /// each (item `i` is in chunk `i / SNIPPET_CHUNK`): a search loads only the chunks of
    /// the results it shows, and the first search loads no more than it needs.
    pub fn snippet_scripts(&self) -> Vec<(String, String)> {
        self.dokumenter
            .chunks(SNIPPET_CHUNK)
            .enumerate()
            .map(|(n, docs)| {
                let texts: Vec<&str> = docs.iter().map(|d| d.tekst.as_str()).collect();
                let json = serde_json::to_string(&texts).expect("texts serialise");
                (
                    format!("tekst-{n}.js"),
                    format!(
                        "(window.SAGSGEN_TEKST = window.SAGSGEN_TEKST || {{}})[{n}] = {json};\n"
                    ),
                )
            })
            .collect()
    }
}

/// The start of an item's text, cut at a word, for the snippet a result shows.
fn snippet_source(body: &str) -> String {
    if body.chars().count() <= SNIPPET_SOURCE_CHARS {
        return body.to_string();
    }
    let cut: String = body.chars().take(SNIPPET_SOURCE_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word} …")
}

/// The words of a text as the index and the search page take them: lower case, split at
/// anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_found_by_their_words() {
        let mut index = SearchIndex::default();
        index.add_page(
            "<main><section class=\"punkt\" id=\"punkt-1\"><h2>1. Skoler</h2><p>Elevtallet falder.</p></section>\
             <section class=\"punkt\" id=\"punkt-2\"><h2>2. Veje</h2><p>Asfalt og elevtallet.</p></section></main>",
            "bsu/2021-05-10",
            "Dagsorden: BSU",
            "2021-05-10",
        );
        assert_eq!(index.titelord["skoler"], [0]);
        assert_eq!(index.dokumenter[0].tekst, "Elevtallet falder.");
        assert_eq!(index.dato(1), "2021-05-10");
        assert_eq!(index.ord["elevtallet"], [0, 1]);
        assert_eq!(index.ord["asfalt"], [1]);
        // "elevtallet" also under its stem, which "elevtal" and "elevtallene" share.
        let stem = Stemmer::create(Algorithm::Danish)
            .stem("elevtallet")
            .into_owned();
        assert_ne!(stem, "elevtallet");
        assert_eq!(index.ord[&stem], [0, 1]);
        assert_eq!(index.adresse(1), "../bsu/2021-05-10/index.html#punkt-2");
        assert_eq!(index.dokumenter[0].titel, "1. Skoler");
        assert!(index.script().starts_with("window.SAGSGEN_INDEKS = {"));
        assert!(!index.script().contains("Elevtallet falder."));
        assert!(!index.script().contains("asfalt"));
        let words = index.word_scripts();
        let a = words.iter().find(|(n, _)| n == "ord-97.js").unwrap();
        assert_eq!(
            a.1,
            "(window.SAGSGEN_ORD = window.SAGSGEN_ORD || {})[97] = {\"ord\":{\"asfalt\":[1]},\"titelord\":{}};\n"
        );
        assert_eq!(
            index.snippet_scripts(),
            [(
                "tekst-0.js".to_string(),
                "(window.SAGSGEN_TEKST = window.SAGSGEN_TEKST || {})[0] = [\"Elevtallet falder.\",\"Asfalt og elevtallet.\"];\n".to_string()
            )]
        );
    }
}
